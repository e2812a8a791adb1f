/* SPDX-License-Identifier: MIT */
/* api_wide_stmt.c - W entry points of the statement side and descriptors.
 * SQLWCHAR arguments are UTF-16LE, transcoded to UTF-8; the same internal
 * functions as the ANSI family run. Units: SQLDescribeColW, SQLGetDescRecW,
 * SQLGetCursorNameW, SQLNativeSqlW count characters; SQLColAttributeW,
 * SQLGetDescFieldW and SQLSetDescFieldW count bytes. */
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "desc.h"
#include "stmt.h"

#define API __attribute__((visibility("default")))

API SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR *text, SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_wide(text, len, &sql));
    ODBC_LOG_ARGS(&s->hdr, "sql=%s", odbc_log_str(0, sql.p, (long)sql.len));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_prepare(s, &sql);
    str_fini(&sql);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR *text, SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_wide(text, len, &sql));
    ODBC_LOG_ARGS(&s->hdr, "sql=%s", odbc_log_str(0, sql.p, (long)sql.len));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_exec_direct(s, &sql);
    str_fini(&sql);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT col, SQLWCHAR *name,
                                      SQLSMALLINT buf_len, SQLSMALLINT *name_len,
                                      SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
                                      SQLSMALLINT *nullable)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u", (unsigned)col);
    return stmt_leave(s, stmt_describe_col(s, col, name, buf_len, name_len, type, size, digits,
                                           nullable, true));
}

API SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field,
                                       SQLPOINTER str, SQLSMALLINT buf_len,
                                       SQLSMALLINT *str_len, SQLLEN *num)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u field=%u", (unsigned)col, (unsigned)field);
    return stmt_leave(s, stmt_col_attribute(s, col, field, str, buf_len, str_len, num, true));
}

API SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                      SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "attr=%d value=%p len=%d", (int)attr, value, (int)len);
    return stmt_leave(s, stmt_set_attr(s, attr, value, len)); /* no string attributes */
}

API SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                      SQLINTEGER buf_len, SQLINTEGER *str_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "attr=%d", (int)attr);
    return stmt_leave(s, stmt_get_attr(s, attr, value, buf_len, str_len));
}

API SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT h, SQLWCHAR *name, SQLSMALLINT len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str n = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_wide(name, len, &n));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_set_cursor_name(s, &n);
    str_fini(&n);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT h, SQLWCHAR *name, SQLSMALLINT buf_len,
                                        SQLSMALLINT *len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_get_cursor_name(s, name, buf_len, len, true));
}

API SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "type=%d", (int)type);
    return stmt_leave(s, stmt_get_type_info(s, type));
}

API SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR *in, SQLINTEGER in_len, SQLWCHAR *out,
                                    SQLINTEGER out_len, SQLINTEGER *len)
{
    struct dbc *dbc = dbc_enter(h, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(dbc_handle(dbc), enc_from_wide(in, in_len, &sql));
    if (SQL_SUCCEEDED(rc))
        rc = native_sql(dbc_handle(dbc), &sql, out, out_len, len, true);
    str_fini(&sql);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                       SQLPOINTER value, SQLINTEGER buf_len,
                                       SQLINTEGER *str_len)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d field=%d", (int)rec, (int)field);
    return desc_leave(d, desc_get_field(d, &d->hdr, rec, field, value, buf_len, str_len, true));
}

API SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                       SQLPOINTER value, SQLINTEGER buf_len)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d field=%d", (int)rec, (int)field);
    SQLRETURN rc;
    if (desc_field_kind(field) == 6 && value) {
        struct str v = STR_INIT;
        SQLINTEGER chars = buf_len < 0 ? buf_len : buf_len / (SQLINTEGER)sizeof(SQLWCHAR);
        rc = enc_rc_diag(&d->hdr, enc_from_wide(value, chars, &v));
        if (SQL_SUCCEEDED(rc))
            rc = desc_set_field(d, &d->hdr, rec, field, v.p, (SQLINTEGER)v.len);
        str_fini(&v);
    } else {
        rc = desc_set_field(d, &d->hdr, rec, field, value, buf_len);
    }
    return desc_leave(d, rc);
}

API SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC h, SQLSMALLINT rec, SQLWCHAR *name,
                                     SQLSMALLINT buf_len, SQLSMALLINT *str_len,
                                     SQLSMALLINT *type, SQLSMALLINT *sub, SQLLEN *length,
                                     SQLSMALLINT *precision, SQLSMALLINT *scale,
                                     SQLSMALLINT *nullable)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d", (int)rec);
    return desc_leave(d, desc_get_rec(d, rec, name, buf_len, str_len, type, sub, length,
                                      precision, scale, nullable, true));
}
