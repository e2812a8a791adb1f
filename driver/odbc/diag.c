/* SPDX-License-Identifier: MIT */
/* diag.c - diagnostic records: the SQLSTATE table (designated initializers,
 * ODBC 3 and ODBC 2 forms), appending records with the "[ifxodbc][...]"
 * prefixes, the single mapping points for core, conversion and server errors,
 * and the read side used by SQLGetDiagRec / SQLGetDiagField. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "charset_odbc.h"
#include "conv.h"
#include "diag_map.h"
#include "handles.h"
#include "sq_alloc.h"
#include "sq_conn.h"

#define S(st3, st2, txt) {st3, st2, txt}

const struct diag_state_info diag_states[DIAG__COUNT] = {
    [DIAG_01000] = S("01000", "01000", "General warning"),
    [DIAG_01001] = S("01001", "01S03", "Cursor operation conflict"),
    [DIAG_01002] = S("01002", "01002", "Disconnect error"),
    [DIAG_01003] = S("01003", "01003", "NULL value eliminated in set function"),
    [DIAG_01004] = S("01004", "01004", "String data, right truncated"),
    [DIAG_01006] = S("01006", "01006", "Privilege not revoked"),
    [DIAG_01S00] = S("01S00", "01S00", "Invalid connection string attribute"),
    [DIAG_01S01] = S("01S01", "01S01", "Error in row"),
    [DIAG_01S02] = S("01S02", "01S02", "Option value changed"),
    [DIAG_01S06] = S("01S06", "01S06", "Attempt to fetch before the result set returned the first rowset"),
    [DIAG_01S07] = S("01S07", "01S07", "Fractional truncation"),
    [DIAG_01S08] = S("01S08", "01S08", "Error saving File DSN"),
    [DIAG_07002] = S("07002", "07001", "COUNT field incorrect"),
    [DIAG_07005] = S("07005", "24000", "Prepared statement not a cursor-specification"),
    [DIAG_07006] = S("07006", "07006", "Restricted data type attribute violation"),
    [DIAG_07009] = S("07009", "S1002", "Invalid descriptor index"),
    [DIAG_07S01] = S("07S01", "S1009", "Invalid use of default parameter"),
    [DIAG_08001] = S("08001", "08001", "Client unable to establish connection"),
    [DIAG_08002] = S("08002", "08002", "Connection name in use"),
    [DIAG_08003] = S("08003", "08003", "Connection not open"),
    [DIAG_08004] = S("08004", "08004", "Server rejected the connection"),
    [DIAG_08007] = S("08007", "08007", "Connection failure during transaction"),
    [DIAG_08S01] = S("08S01", "08S01", "Communication link failure"),
    [DIAG_21S01] = S("21S01", "21S01", "Insert value list does not match column list"),
    [DIAG_21S02] = S("21S02", "21S02", "Degree of derived table does not match column list"),
    [DIAG_22001] = S("22001", "22001", "String data, right truncated"),
    [DIAG_22002] = S("22002", "22002", "Indicator variable required but not supplied"),
    [DIAG_22003] = S("22003", "22003", "Numeric value out of range"),
    [DIAG_22007] = S("22007", "22008", "Invalid datetime format"),
    [DIAG_22008] = S("22008", "22008", "Datetime field overflow"),
    [DIAG_22012] = S("22012", "22012", "Division by zero"),
    [DIAG_22015] = S("22015", "22015", "Interval field overflow"),
    [DIAG_22018] = S("22018", "22005", "Invalid character value for cast specification"),
    [DIAG_22019] = S("22019", "22019", "Invalid escape character"),
    [DIAG_22025] = S("22025", "22025", "Invalid escape sequence"),
    [DIAG_22026] = S("22026", "22026", "String data, length mismatch"),
    [DIAG_23000] = S("23000", "23000", "Integrity constraint violation"),
    [DIAG_24000] = S("24000", "24000", "Invalid cursor state"),
    [DIAG_25000] = S("25000", "25000", "Invalid transaction state"),
    [DIAG_25S01] = S("25S01", "25S01", "Transaction state unknown"),
    [DIAG_25S02] = S("25S02", "25S02", "Transaction is still active"),
    [DIAG_25S03] = S("25S03", "25S03", "Transaction is rolled back"),
    [DIAG_28000] = S("28000", "28000", "Invalid authorization specification"),
    [DIAG_34000] = S("34000", "34000", "Invalid cursor name"),
    [DIAG_3C000] = S("3C000", "3C000", "Duplicate cursor name"),
    [DIAG_3D000] = S("3D000", "S1000", "Invalid catalog name"),
    [DIAG_3F000] = S("3F000", "S1000", "Invalid schema name"),
    [DIAG_40001] = S("40001", "40001", "Serialization failure"),
    [DIAG_40003] = S("40003", "08S01", "Statement completion unknown"),
    [DIAG_42000] = S("42000", "37000", "Syntax error or access violation"),
    [DIAG_42S01] = S("42S01", "S0001", "Base table or view already exists"),
    [DIAG_42S02] = S("42S02", "S0002", "Base table or view not found"),
    [DIAG_42S11] = S("42S11", "S0011", "Index already exists"),
    [DIAG_42S12] = S("42S12", "S0012", "Index not found"),
    [DIAG_42S21] = S("42S21", "S0021", "Column already exists"),
    [DIAG_42S22] = S("42S22", "S0022", "Column not found"),
    [DIAG_44000] = S("44000", "44000", "WITH CHECK OPTION violation"),
    [DIAG_HY000] = S("HY000", "S1000", "General error"),
    [DIAG_HY001] = S("HY001", "S1001", "Memory allocation error"),
    [DIAG_HY003] = S("HY003", "S1003", "Invalid application buffer type"),
    [DIAG_HY004] = S("HY004", "S1004", "Invalid SQL data type"),
    [DIAG_HY007] = S("HY007", "S1010", "Associated statement is not prepared"),
    [DIAG_HY008] = S("HY008", "S1008", "Operation canceled"),
    [DIAG_HY009] = S("HY009", "S1009", "Invalid use of null pointer"),
    [DIAG_HY010] = S("HY010", "S1010", "Function sequence error"),
    [DIAG_HY011] = S("HY011", "S1011", "Attribute cannot be set now"),
    [DIAG_HY012] = S("HY012", "S1012", "Invalid transaction operation code"),
    [DIAG_HY013] = S("HY013", "S1000", "Memory management error"),
    [DIAG_HY014] = S("HY014", "S1000", "Limit on the number of handles exceeded"),
    [DIAG_HY015] = S("HY015", "S1000", "No cursor name available"),
    [DIAG_HY016] = S("HY016", "S1000", "Cannot modify an implementation row descriptor"),
    [DIAG_HY017] = S("HY017", "S1000", "Invalid use of an automatically allocated descriptor handle"),
    [DIAG_HY018] = S("HY018", "70100", "Server declined cancel request"),
    [DIAG_HY019] = S("HY019", "22003", "Non-character and non-binary data sent in pieces"),
    [DIAG_HY020] = S("HY020", "S1000", "Attempt to concatenate a null value"),
    [DIAG_HY021] = S("HY021", "S1000", "Inconsistent descriptor information"),
    [DIAG_HY024] = S("HY024", "S1009", "Invalid attribute value"),
    [DIAG_HY090] = S("HY090", "S1090", "Invalid string or buffer length"),
    [DIAG_HY091] = S("HY091", "S1091", "Invalid descriptor field identifier"),
    [DIAG_HY092] = S("HY092", "S1092", "Invalid attribute/option identifier"),
    [DIAG_HY095] = S("HY095", "S1095", "Function type out of range"),
    [DIAG_HY096] = S("HY096", "S1096", "Information type out of range"),
    [DIAG_HY097] = S("HY097", "S1097", "Column type out of range"),
    [DIAG_HY098] = S("HY098", "S1098", "Scope type out of range"),
    [DIAG_HY099] = S("HY099", "S1099", "Nullable type out of range"),
    [DIAG_HY100] = S("HY100", "S1100", "Uniqueness option type out of range"),
    [DIAG_HY101] = S("HY101", "S1101", "Accuracy option type out of range"),
    [DIAG_HY103] = S("HY103", "S1103", "Invalid retrieval code"),
    [DIAG_HY104] = S("HY104", "S1104", "Invalid precision or scale value"),
    [DIAG_HY105] = S("HY105", "S1105", "Invalid parameter type"),
    [DIAG_HY106] = S("HY106", "S1106", "Fetch type out of range"),
    [DIAG_HY107] = S("HY107", "S1107", "Row value out of range"),
    [DIAG_HY109] = S("HY109", "S1109", "Invalid cursor position"),
    [DIAG_HY110] = S("HY110", "S1110", "Invalid driver completion"),
    [DIAG_HY111] = S("HY111", "S1111", "Invalid bookmark value"),
    [DIAG_HYC00] = S("HYC00", "S1C00", "Optional feature not implemented"),
    [DIAG_HYT00] = S("HYT00", "S1T00", "Timeout expired"),
    [DIAG_HYT01] = S("HYT01", "S1T00", "Connection timeout expired"),
    [DIAG_IM001] = S("IM001", "IM001", "Driver does not support this function"),
    [DIAG_IM002] = S("IM002", "IM002", "Data source name not found and no default driver specified"),
    [DIAG_IM008] = S("IM008", "IM008", "Dialog failed"),
    [DIAG_IM017] = S("IM017", "IM017", "Polling is disabled in asynchronous notification mode"),
};

/* Messages stay below isql's 500-byte diagnostic buffer (odbc-notes §5). */
#define DIAG_MSG_MAX 480

void diag_init(struct diag *d)
{
    memset(d, 0, sizeof *d);
    d->dynamic_function = "";
}

void diag_clear(struct diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        sq_free(d->recs[i].msg);
    d->n = 0;
    d->rc = SQL_SUCCESS;
    d->row_count = 0;
    d->cursor_row_count = 0;
    d->dynamic_function = "";
    d->dynamic_function_code = 0;
}

void diag_fini(struct diag *d)
{
    diag_clear(d);
    sq_free(d->recs);
    d->recs = NULL;
    d->cap = 0;
}

static SQLRETURN class_rc(const char *state3)
{
    return (state3[0] == '0' && state3[1] == '1') ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
}

/* Cut msg at DIAG_MSG_MAX bytes on a UTF-8 character boundary. */
static void clip_utf8(char *msg)
{
    size_t n = strlen(msg);
    if (n <= DIAG_MSG_MAX)
        return;
    n = DIAG_MSG_MAX;
    while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
        n--;
    msg[n] = '\0';
}

/* Append a record; state3/state2 are copied. Out of memory drops the record. */
static void push_rec(struct diag *d, const char *state3, const char *state2, SQLINTEGER native,
                     const char *msg, SQLLEN row, SQLINTEGER col, bool from_server)
{
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 4, bytes;
        if (!sq_size_mul(ncap, sizeof *d->recs, &bytes))
            return;
        struct diag_rec *nr = sq_realloc(d->recs, bytes);
        if (!nr)
            return;
        d->recs = nr;
        d->cap = ncap;
    }
    char *copy = sq_strdup(msg);
    if (!copy)
        return;
    clip_utf8(copy);
    struct diag_rec *r = &d->recs[d->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->state, sizeof r->state, "%s", d->odbc2 ? state2 : state3);
    r->native = native;
    r->msg = copy;
    r->row = row;
    r->col = col;
    r->from_server = from_server;
}

static SQLRETURN add_v(struct handle *h, enum diag_state st, SQLLEN row, SQLINTEGER col,
                       const char *fmt, va_list ap)
{
    const struct diag_state_info *si = &diag_states[st];
    char text[DIAG_MSG_MAX + 32];
    int off = snprintf(text, sizeof text, "[ifxodbc][SQLI]");
    if (fmt) {
        /* fmt comes from the driver's own literals (checked by the format attribute). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        vsnprintf(text + off, sizeof text - (size_t)off, fmt, ap);
#pragma GCC diagnostic pop
    } else {
        snprintf(text + off, sizeof text - (size_t)off, "%s", si->text);
    }
    if (h)
        push_rec(&h->diag, si->state3, si->state2, 0, text, row, col, false);
    return class_rc(si->state3);
}

SQLRETURN diag_add(struct handle *h, enum diag_state st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = add_v(h, st, SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN diag_add_at(struct handle *h, enum diag_state st, SQLLEN row, SQLINTEGER col,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = add_v(h, st, row, col, fmt, ap);
    va_end(ap);
    return rc;
}

/* ODBC 2 form of a server SQLSTATE: the table's, when the state is in it. */
static const char *state2_of(const char *state3)
{
    for (size_t i = 0; i < DIAG__COUNT; i++)
        if (strcmp(diag_states[i].state3, state3) == 0)
            return diag_states[i].state2;
    return state3;
}

SQLRETURN diag_add_server(struct handle *h, int sqlcode, int isam, const char *param)
{
    const char *st3 = diag_map_sqlstate(sqlcode, isam);
    char std_text[400];
    char param_utf8[DIAG_MSG_MAX];
    param = charset_diag_text(h, param, param_utf8, sizeof param_utf8);
    (void)sq_errtext(sqlcode, param, std_text, sizeof std_text); /* truncation is fine */
    char text[DIAG_MSG_MAX + 32];
    if (isam != 0)
        snprintf(text, sizeof text, "[ifxodbc][Informix]%s (ISAM %d)", std_text, isam);
    else
        snprintf(text, sizeof text, "[ifxodbc][Informix]%s", std_text);
    if (h)
        push_rec(&h->diag, st3, state2_of(st3), (SQLINTEGER)sqlcode, text, SQL_NO_ROW_NUMBER,
                 SQL_NO_COLUMN_NUMBER, true);
    return class_rc(st3);
}

SQLRETURN diag_from_sq(struct handle *h, struct sq_conn *conn, int sq_rc)
{
    const char *why = conn ? sq_conn_errmsg(conn) : "";
    const struct sq_server_error *se = conn ? sq_conn_server_error(conn) : NULL;
    switch ((enum sq_rc)sq_rc) {
    case SQ_RC_OK:
    case SQ_RC_NEED_MORE:
        return SQL_SUCCESS;
    case SQ_RC_NO_DATA:
        return SQL_NO_DATA;
    case SQ_RC_SERVER:
        if (!se)
            return diag_add(h, DIAG_HY000, "server error");
        return diag_add_server(h, se->sqlcode, se->isam, se->text);
    case SQ_RC_REJECTED:
        if (se && se->sqlcode != 0)
            return diag_add_server(h, se->sqlcode, se->isam, se->text);
        return diag_add(h, DIAG_08001, "Connection refused by the server: %s", why);
    case SQ_RC_NOMEM:
        return diag_add(h, DIAG_HY001, NULL);
    case SQ_RC_IO:
    case SQ_RC_PROTOCOL:
    case SQ_RC_BROKEN:
        return diag_add(h, DIAG_08S01, "Communication link failure%s%s", why[0] ? ": " : "",
                        why);
    case SQ_RC_TIMEOUT:
        /* HYT01: SQL_ATTR_CONNECTION_TIMEOUT bounded the wait; HYT00: the
         * query timeout (the call's deadline) expired. */
        if (conn && sq_conn_timeout_is_io(conn))
            return diag_add(h, DIAG_HYT01, "Connection timeout expired%s%s", why[0] ? ": " : "",
                            why);
        return diag_add(h, DIAG_HYT00, "Timeout expired%s%s", why[0] ? ": " : "", why);
    case SQ_RC_CANCELLED:
        return diag_add(h, DIAG_HY008, NULL);
    case SQ_RC_UNSUPPORTED:
        return diag_add(h, DIAG_HYC00, "Optional feature not implemented%s%s",
                        why[0] ? ": " : "", why);
    case SQ_RC_MISUSE:
    case SQ_RC__COUNT:
        break;
    }
    return diag_add(h, DIAG_HY000, "Internal driver error (core status %s)%s%s",
                    sq_rc_name((enum sq_rc)sq_rc), why[0] ? ": " : "", why);
}

SQLRETURN diag_from_conv(struct handle *h, int conv_rc, SQLLEN row, SQLINTEGER col)
{
    enum diag_state st;
    switch ((enum conv_rc)conv_rc) {
    case CONV_OK:
        return SQL_SUCCESS;
    case CONV_NO_DATA:
        return SQL_NO_DATA;
    case CONV_TRUNCATED: st = DIAG_01004; break;
    case CONV_FRACTION_TRUNCATED: st = DIAG_01S07; break;
    case CONV_OUT_OF_RANGE: st = DIAG_22003; break;
    case CONV_INVALID_CHAR: st = DIAG_22018; break;
    case CONV_INVALID_DATETIME: st = DIAG_22007; break;
    case CONV_DATETIME_OVERFLOW: st = DIAG_22008; break;
    case CONV_INTERVAL_OVERFLOW: st = DIAG_22015; break;
    case CONV_RIGHT_TRUNC: st = DIAG_22001; break;
    case CONV_UNSUPPORTED: st = DIAG_07006; break;
    case CONV_NOMEM: st = DIAG_HY001; break;
    case CONV_NULL_NO_INDICATOR: st = DIAG_22002; break;
    case CONV_INVALID_LENGTH: st = DIAG_HY090; break;
    default: st = DIAG_HY000; break;
    }
    return diag_add_at(h, st, row, col, NULL);
}

SQLRETURN diag_merge_rc(SQLRETURN a, SQLRETURN b)
{
    if (a == SQL_ERROR || b == SQL_ERROR)
        return SQL_ERROR;
    if (a == SQL_INVALID_HANDLE || b == SQL_INVALID_HANDLE)
        return SQL_INVALID_HANDLE;
    if (a == SQL_SUCCESS_WITH_INFO || b == SQL_SUCCESS_WITH_INFO)
        return SQL_SUCCESS_WITH_INFO;
    if (a == SQL_SUCCESS || b == SQL_SUCCESS)
        return SQL_SUCCESS;
    return a;
}

/* ---- read side --------------------------------------------------------- */

const struct diag_rec *diag_rec_at(const struct diag *d, SQLSMALLINT recno)
{
    if (recno < 1 || (size_t)recno > d->n)
        return NULL;
    return &d->recs[recno - 1];
}

/* ODBC: class origin "ISO 9075" for classes defined by SQL-92, "ODBC 3.0" for
 * the ODBC-defined classes (HY, IM); subclass origin "ODBC 3.0" for
 * ODBC-defined subclasses (an 'S' in the third position, classes HY and IM,
 * and the ODBC additions 01001..01004/01006/07001/07002 ... are ISO). */
const char *diag_class_origin(const struct diag_rec *r)
{
    if ((r->state[0] == 'H' && r->state[1] == 'Y') || (r->state[0] == 'I' && r->state[1] == 'M') ||
        (r->state[0] == 'S' && r->state[1] == '1'))
        return "ODBC 3.0";
    return "ISO 9075";
}

const char *diag_subclass_origin(const struct diag_rec *r)
{
    if (strcmp(diag_class_origin(r), "ODBC 3.0") == 0 || r->state[2] == 'S')
        return "ODBC 3.0";
    return "ISO 9075";
}
