/* SPDX-License-Identifier: MIT */
/* srv_errors.c - ifxlite's Informix error table and the SQLite → Informix
 * error mapping. Part of ifxlite's SQL engine; knows nothing of the wire.
 * Message texts follow IBM's finderr wording ("%s" marks the insertion). */
#include "srv_errors.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct srv_err_row {
    int sqlcode;
    const char *msg;
};

static const struct srv_err_row srv_err_rows[] = {
    {-201, "A syntax error has occurred."},
    {-206, "The specified table (%s) is not in the database."},
    {-208, "Memory allocation failed during query processing."},
    {-217, "Column (%s) not found in any table in the query (or SLV is undefined)."},
    {-236, "Number of columns in INSERT does not match number of VALUES."},
    {-239,
     "Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:%s)."},
    {-240, "Could not delete a row."},
    {-243, "Could not position within a table (%s)."},
    {-244, "Could not do a physical-order read to fetch next row."},
    {-254, "Too many or too few host variables given."},
    {-255, "Not in transaction."},
    {-256, "Transaction not available."},
    {-268, "Unique constraint (%s) violated."},
    {-271, "Could not insert new row into the table."},
    {-294, "The number of columns in the view does not match the number in the SELECT."},
    {-310, "Table (%s) already exists in database."},
    {-313, "Not owner of table (%s)."},
    {-316, "Index (%s) already exists in database."},
    {-324, "Ambiguous column (%s)."},
    {-328, "Column (%s) already exists in table."},
    {-329, "Database not found or no system permission."},
    {-330, "Cannot create or rename the database."},
    {-346, "Could not update a row in the table."},
    {-349, "Database not selected yet."},
    {-391, "Cannot insert a null into column (%s)."},
    {-400, "Fetch attempted on unopen cursor."},
    {-425, "Database is currently opened by another user."},
    {-530, "Check constraint (%s) failed."},
    {-535, "Already in transaction."},
    {-674, "Routine (%s) can not be resolved."},
    {-691, "Missing key in referenced table for referential constraint (%s)."},
    {-692, "Key value for constraint (%s) is still being referenced."},
    {-999, "Not implemented yet."},
    {-1202, "An attempt was made to divide by zero."},
    {-1204, "Invalid year in date."},
    {-1205, "Invalid month in date."},
    {-1206, "Invalid day in date."},
    {-1213, "A character to numeric conversion process failed."},
    {-1214, "Value too large to fit in a SMALLINT."},
    {-1215, "Value too large to fit in an INTEGER."},
    {-1218, "String to date conversion error."},
    {-1226, "Decimal or money value exceeds maximum precision."},
    {-1262, "Non-numeric character in datetime or interval."},
    {-1263, "A field in a datetime or interval value is incorrect or an illegal operation "
            "specified on datetime field."},
    {-1264, "Extra characters at the end of a datetime or interval."},
    {-1266, "Intervals or Datetimes are incompatible for the operation."},
    {-1267, "The result of a datetime computation is out of range."},
    {-1279, "Value exceeds string column length."},
    {-9810, "Smart-large-object error (%s)."},
};

void srv_err_clear(struct srv_err *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void srv_err_set(struct srv_err *err, int sqlcode, int isam, uint32_t offset, const char *text)
{
    if (!err)
        return;
    err->sqlcode = sqlcode;
    err->isam = isam;
    err->offset = offset;
    err->text[0] = '\0';
    if (text)
        snprintf(err->text, sizeof err->text, "%s", text);
}

const char *srv_err_message(int sqlcode)
{
    for (size_t i = 0; i < sizeof srv_err_rows / sizeof srv_err_rows[0]; i++)
        if (srv_err_rows[i].sqlcode == sqlcode)
            return srv_err_rows[i].msg;
    return "Informix error.";
}

void srv_err_encode(char *out, size_t cap, int sqlcode, int isam, const char *text)
{
    snprintf(out, cap, "IFX %d %d %s", sqlcode, isam, text ? text : "");
}

bool srv_err_parse(const char *msg, struct srv_err *err)
{
    if (!msg || strncmp(msg, "IFX ", 4) != 0)
        return false;
    char *end;
    long code = strtol(msg + 4, &end, 10);
    if (end == msg + 4 || *end != ' ')
        return false;
    const char *p = end + 1;
    long isam = strtol(p, &end, 10);
    if (end == p)
        return false;
    if (*end == ' ')
        end++;
    srv_err_set(err, (int)code, (int)isam, 0, end);
    return true;
}

/* Copy the part of msg after prefix (up to the first ',' when cut_list). */
static bool after_prefix(const char *msg, const char *prefix, char *out, size_t cap)
{
    size_t n = strlen(prefix);
    if (strncmp(msg, prefix, n) != 0)
        return false;
    snprintf(out, cap, "%s", msg + n);
    return true;
}

static void strip_schema(char *name)
{
    static const char *const schemas[] = {"main.", "temp."};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(schemas[i]);
        if (strncmp(name, schemas[i], n) == 0)
            memmove(name, name + n, strlen(name + n) + 1);
    }
}

static void lock_error(struct srv_err *err, enum srv_err_ctx ctx, bool nowait)
{
    int code;
    switch (ctx) {
    case SRV_CTX_SELECT:
        code = SRV_E_READ;
        break;
    case SRV_CTX_INSERT:
        code = SRV_E_INSERT;
        break;
    case SRV_CTX_UPDATE:
        code = SRV_E_UPDATE;
        break;
    case SRV_CTX_DELETE:
        code = SRV_E_DELETE;
        break;
    default:
        code = SRV_E_POSITION;
        break;
    }
    srv_err_set(err, code, nowait ? SRV_ISAM_LOCKED : SRV_ISAM_LOCK_TIMEOUT, 0, NULL);
}

void srv_err_from_sqlite(struct srv_err *err, int rc, int xrc, const char *msg,
                         enum srv_err_ctx ctx, bool nowait)
{
    char t[256];
    if (!msg)
        msg = "";
    if (srv_err_parse(msg, err))
        return;
    int prim = rc & 0xFF;
    if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED) {
        lock_error(err, ctx, nowait);
        return;
    }
    if (prim == SQLITE_NOMEM) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return;
    }
    if (after_prefix(msg, "no such table: ", t, sizeof t) ||
        after_prefix(msg, "no such view: ", t, sizeof t)) {
        strip_schema(t);
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, t);
        return;
    }
    if (after_prefix(msg, "no such column: ", t, sizeof t)) {
        srv_err_set(err, SRV_E_NO_COLUMN, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "ambiguous column name: ", t, sizeof t)) {
        srv_err_set(err, SRV_E_AMBIGUOUS, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "table ", t, sizeof t) && strstr(t, " already exists")) {
        *strstr(t, " already exists") = '\0';
        strip_schema(t);
        srv_err_set(err, SRV_E_TABLE_EXISTS, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "index ", t, sizeof t) && strstr(t, " already exists")) {
        *strstr(t, " already exists") = '\0';
        srv_err_set(err, SRV_E_INDEX_EXISTS, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "no such function: ", t, sizeof t) ||
        after_prefix(msg, "wrong number of arguments to function ", t, sizeof t)) {
        char *paren = strchr(t, '(');
        if (paren)
            *paren = '\0';
        srv_err_set(err, SRV_E_NO_FUNC, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "NOT NULL constraint failed: ", t, sizeof t)) {
        srv_err_set(err, SRV_E_NOT_NULL, 0, 0, t);
        return;
    }
    if (after_prefix(msg, "CHECK constraint failed: ", t, sizeof t)) {
        srv_err_set(err, SRV_E_CHECK, 0, 0, t);
        return;
    }
    if (strstr(msg, "FOREIGN KEY constraint failed")) {
        srv_err_set(err, ctx == SRV_CTX_DELETE ? SRV_E_FK_REFERENCED : SRV_E_FK_MISSING, 0, 0,
                    NULL);
        return;
    }
    if (after_prefix(msg, "UNIQUE constraint failed: ", t, sizeof t) ||
        after_prefix(msg, "PRIMARY KEY constraint failed: ", t, sizeof t)) {
        srv_err_set(err, SRV_E_DUP_CONSTR, SRV_ISAM_DUP, 0, t);
        return;
    }
    if (strstr(msg, " values for ") && strstr(msg, " columns")) {
        srv_err_set(err, SRV_E_NCOLS, 0, 0, NULL);
        return;
    }
    if (strstr(msg, "syntax error") || strstr(msg, "incomplete input") ||
        strstr(msg, "unrecognized token")) {
        srv_err_set(err, SRV_E_SYNTAX, 0, 0, NULL);
        return;
    }
    if (strstr(msg, "integer overflow")) {
        srv_err_set(err, SRV_E_INT_RANGE, 0, 0, NULL);
        return;
    }
    (void)xrc; /* the extended code adds nothing the message does not say */
    /* Anything else: Informix has no matching code; report "not implemented"
     * with SQLite's text as the insertion so the cause stays visible. */
    srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, msg);
}
