/* SPDX-License-Identifier: MIT */
/* api_diag.c - SQLGetDiagRec and SQLGetDiagField, ANSI and W. They read a
 * handle's records and never clear or add any (handle_leave_keep). */
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "dbc.h"

#define API __attribute__((visibility("default")))

static SQLRETURN get_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno, SQLPOINTER state,
                         SQLINTEGER *native, SQLPOINTER msg, SQLSMALLINT cap, SQLSMALLINT *len,
                         bool wide)
{
    struct handle *hd =
        handle_enter_fn(type, h, ENTER_KEEP_DIAG, wide ? "SQLGetDiagRecW" : "SQLGetDiagRec");
    if (!hd)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(hd, "recno=%d", (int)recno);
    if (recno < 1 || cap < 0)
        return handle_leave_keep(hd, SQL_ERROR);
    const struct diag_rec *r = diag_rec_at(&hd->diag, recno);
    if (!r)
        return handle_leave_keep(hd, SQL_NO_DATA);
    if (state)
        (void)out_string(NULL, r->state, strlen(r->state), state, 6, wide,
                         ENC_UNIT_CHARS, NULL); /* always fits */
    if (native)
        *native = r->native;
    size_t full = 0;
    SQLRETURN rc = out_string(NULL, r->msg, strlen(r->msg), msg, cap, wide, ENC_UNIT_CHARS, &full);
    if (len)
        *len = (SQLSMALLINT)(full > 32767 ? 32767 : full);
    return handle_leave_keep(hd, rc == SQL_ERROR ? SQL_ERROR : rc);
}

API SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno,
                                    SQLCHAR *state, SQLINTEGER *native, SQLCHAR *msg,
                                    SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_rec(type, h, recno, state, native, msg, cap, len, false);
}

API SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno,
                                     SQLWCHAR *state, SQLINTEGER *native, SQLWCHAR *msg,
                                     SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_rec(type, h, recno, state, native, msg, cap, len, true);
}

static const char *dynamic_function_of(const struct diag *d)
{
    return d->dynamic_function ? d->dynamic_function : "";
}

/* Server and connection name: known for a dbc; "" elsewhere (TODO(2): a
 * statement's dbc is not reachable through the handle header). */
static const char *server_name_of(struct handle *hd)
{
    if (hd->type == SQL_HANDLE_DBC) {
        const struct dbc *dbc = (const struct dbc *)(const void *)hd;
        return dbc->server_name ? dbc->server_name : "";
    }
    return "";
}

static SQLRETURN put_int(SQLPOINTER value, const void *v, size_t n)
{
    if (value)
        memcpy(value, v, n);
    return SQL_SUCCESS;
}

static SQLRETURN get_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno, SQLSMALLINT id,
                           SQLPOINTER value, SQLSMALLINT cap, SQLSMALLINT *len, bool wide)
{
    struct handle *hd =
        handle_enter_fn(type, h, ENTER_KEEP_DIAG, wide ? "SQLGetDiagFieldW" : "SQLGetDiagField");
    if (!hd)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(hd, "recno=%d field=%d", (int)recno, (int)id);
    const struct diag *d = &hd->diag;
    const char *s = NULL;
    SQLRETURN rc = SQL_SUCCESS;
    switch (id) { /* header fields: recno ignored */
    case SQL_DIAG_NUMBER: {
        SQLINTEGER n = (SQLINTEGER)d->n;
        return handle_leave_keep(hd, put_int(value, &n, sizeof n));
    }
    case SQL_DIAG_RETURNCODE: {
        SQLRETURN r = d->rc;
        return handle_leave_keep(hd, put_int(value, &r, sizeof r));
    }
    case SQL_DIAG_ROW_COUNT:
    case SQL_DIAG_CURSOR_ROW_COUNT:
        if (type != SQL_HANDLE_STMT)
            return handle_leave_keep(hd, SQL_ERROR);
        return handle_leave_keep(
            hd, put_int(value, id == SQL_DIAG_ROW_COUNT ? &d->row_count : &d->cursor_row_count,
                        sizeof(SQLLEN)));
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
        if (type != SQL_HANDLE_STMT)
            return handle_leave_keep(hd, SQL_ERROR);
        return handle_leave_keep(hd, put_int(value, &d->dynamic_function_code,
                                             sizeof d->dynamic_function_code));
    case SQL_DIAG_DYNAMIC_FUNCTION:
        if (type != SQL_HANDLE_STMT)
            return handle_leave_keep(hd, SQL_ERROR);
        s = dynamic_function_of(d);
        break;
    default: {
        if (recno < 1)
            return handle_leave_keep(hd, SQL_ERROR);
        const struct diag_rec *r = diag_rec_at(d, recno);
        switch (id) {
        case SQL_DIAG_SQLSTATE:
        case SQL_DIAG_NATIVE:
        case SQL_DIAG_MESSAGE_TEXT:
        case SQL_DIAG_CLASS_ORIGIN:
        case SQL_DIAG_SUBCLASS_ORIGIN:
        case SQL_DIAG_CONNECTION_NAME:
        case SQL_DIAG_SERVER_NAME:
        case SQL_DIAG_ROW_NUMBER:
        case SQL_DIAG_COLUMN_NUMBER:
            break;
        default:
            return handle_leave_keep(hd, SQL_ERROR);
        }
        if (!r)
            return handle_leave_keep(hd, SQL_NO_DATA);
        switch (id) {
        case SQL_DIAG_SQLSTATE: s = r->state; break;
        case SQL_DIAG_MESSAGE_TEXT: s = r->msg; break;
        case SQL_DIAG_CLASS_ORIGIN: s = diag_class_origin(r); break;
        case SQL_DIAG_SUBCLASS_ORIGIN: s = diag_subclass_origin(r); break;
        case SQL_DIAG_CONNECTION_NAME:
        case SQL_DIAG_SERVER_NAME: s = server_name_of(hd); break;
        case SQL_DIAG_NATIVE:
            return handle_leave_keep(hd, put_int(value, &r->native, sizeof r->native));
        case SQL_DIAG_ROW_NUMBER:
            return handle_leave_keep(hd, put_int(value, &r->row, sizeof r->row));
        default: /* SQL_DIAG_COLUMN_NUMBER */
            return handle_leave_keep(hd, put_int(value, &r->col, sizeof r->col));
        }
    }
    }
    size_t full = 0;
    /* String fields: BufferLength in bytes for both families (SQLGetDiagFieldW). */
    rc = out_string(NULL, s, strlen(s), value, cap, wide, ENC_UNIT_BYTES, &full);
    if (len)
        *len = (SQLSMALLINT)(full > 32767 ? 32767 : full);
    return handle_leave_keep(hd, rc);
}

API SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno,
                                      SQLSMALLINT id, SQLPOINTER value, SQLSMALLINT cap,
                                      SQLSMALLINT *len)
{
    return get_field(type, h, recno, id, value, cap, len, false);
}

API SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT recno,
                                       SQLSMALLINT id, SQLPOINTER value, SQLSMALLINT cap,
                                       SQLSMALLINT *len)
{
    return get_field(type, h, recno, id, value, cap, len, true);
}
