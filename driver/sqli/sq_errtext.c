/* SPDX-License-Identifier: MIT */
/* sq_errtext.c - the standard Informix message text for common SQLCODEs, with
 * the %s insertion filled from SQ_ERR's text (doc §7.11: the server sends only
 * the parameter). A static const table; the fallback is "Informix error %d". */
#include <stdio.h>
#include <string.h>

#include "sq_conn.h"

struct errtext {
    int code;
    const char *text; /* at most one %s */
};

static const struct errtext errtexts[] = {
    {-100, "ISAM error: duplicate value for a record with unique key."},
    {-201, "A syntax error has occurred."},
    {-202, "An illegal character has been found in the statement."},
    {-206, "The specified table (%s) is not in the database."},
    {-217, "Column (%s) not found in any table in the query (or SLV is undefined)."},
    {-236, "Number of columns in INSERT does not match number of VALUES."},
    {-239, "Could not insert new row - duplicate value in a UNIQUE INDEX column "
           "(Unique Index:%s)."},
    {-243, "Could not position within a table (%s)."},
    {-244, "Could not do a physical-order read to fetch next row."},
    {-255, "Not in transaction."},
    {-256, "Transaction not available."},
    {-268, "Unique constraint (%s) violated."},
    {-310, "Table (%s) already exists in database."},
    {-329, "Database not found or no system permission."},
    {-391, "Cannot insert a null into column (%s)."},
    {-400, "Fetch attempted on unopen cursor."},
    {-555, "Cannot use a select or any of the database statements in a multi-query "
           "prepare."},
    /* BYTE/TEXT (doc §9.7); wording as Informix's message catalogue gives it
     * (recalled, not checked against a server). */
    {-602, "Cannot open blob."},
    {-611, "Scroll cursor can't select blob columns."},
    {-617, "A blob data type must be supplied within this context."},
    {-759, "Cannot use database commands in an explicit database connection."},
    {-761, "INFORMIXSERVER does not match either DBSERVERNAME or DBSERVERALIASES."},
    {-908, "Attempt to connect to database server (%s) failed."},
    {-951, "Incorrect password or user %s is not known on the database server."},
    {-1204, "Invalid year in date."},
    {-1205, "Invalid month in date."},
    {-1206, "Invalid day in date."},
    {-1213, "A character to numeric conversion process failed."},
    {-1215, "Value exceeds limit of INTEGER precision."},
    {-1226, "Decimal or money value exceeds maximum precision."},
    {-1262, "Non-numeric character in datetime or interval."},
    {-1263, "A field in a datetime or interval value is incorrect or an illegal "
            "operation specified on datetime field."},
    {-1264, "Extra characters at the end of a datetime or interval."},
    {-1266, "Intervals or Datetimes are incompatible for the operation."},
    {-1267, "The result of a datetime computation is out of range."},
    {-21005, "Character cannot be converted between the client and database code sets "
             "(%s)."},
    {-23101, "Unable to load locale categories (%s)."},
    {-23197, "Database locale information mismatch."},
};

size_t sq_errtext(int sqlcode, const char *param, char *buf, size_t cap)
{
    if (!param)
        param = "";
    for (size_t i = 0; i < sizeof errtexts / sizeof errtexts[0]; i++) {
        if (errtexts[i].code != sqlcode)
            continue;
        const char *t = errtexts[i].text;
        const char *pct = strstr(t, "%s");
        int n;
        if (pct)
            n = snprintf(buf, cap, "%.*s%s%s", (int)(pct - t), t, param, pct + 2);
        else
            n = snprintf(buf, cap, "%s", t);
        return n < 0 ? 0 : (size_t)n;
    }
    int n = snprintf(buf, cap, "Informix error %d", sqlcode);
    return n < 0 ? 0 : (size_t)n;
}
