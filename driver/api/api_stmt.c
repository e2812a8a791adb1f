/* SPDX-License-Identifier: MIT */
/* api_stmt.c - ANSI entry points of the statement side (style.md rule 2:
 * enter, convert strings, one internal call, leave). Strings are UTF-8.
 * SQLCancel is the one entry that may run without the connection lock. */
#include <sql.h>
#include <sqlext.h>

#include "env.h"
#include "stmt.h"

#define API __attribute__((visibility("default")))

API SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *text, SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_narrow(text, len, &sql));
    ODBC_LOG_ARGS(&s->hdr, "sql=%s", odbc_log_str(0, sql.p, (long)sql.len));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_prepare(s, &sql);
    str_fini(&sql);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *text, SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_narrow(text, len, &sql));
    ODBC_LOG_ARGS(&s->hdr, "sql=%s", odbc_log_str(0, sql.p, (long)sql.len));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_exec_direct(s, &sql);
    str_fini(&sql);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_execute(s));
}

API SQLRETURN SQL_API SQLParamData(SQLHSTMT h, SQLPOINTER *token)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_param_data(s, token));
}

API SQLRETURN SQL_API SQLPutData(SQLHSTMT h, SQLPOINTER data, SQLLEN len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_put_data(s, data, len));
}

API SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *n)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_num_params(s, n));
}

API SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT h, SQLUSMALLINT n, SQLSMALLINT *type,
                                       SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_describe_param(s, n, type, size, digits, nullable));
}

API SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT n, SQLSMALLINT io,
                                       SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLULEN size,
                                       SQLSMALLINT digits, SQLPOINTER data, SQLLEN buf_len,
                                       SQLLEN *ind)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "param=%u io=%d c_type=%d sql_type=%d size=%lu digits=%d", (unsigned)n,
                  (int)io, (int)c_type, (int)sql_type, (unsigned long)size, (int)digits);
    return stmt_leave(s, stmt_bind_param(s, n, io, c_type, sql_type, size, digits, data,
                                         buf_len, ind));
}

API SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT c_type,
                                 SQLPOINTER buf, SQLLEN buf_len, SQLLEN *ind)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u c_type=%d buf_len=%ld", (unsigned)col, (int)c_type,
                  (long)buf_len);
    return stmt_leave(s, stmt_bind_col(s, col, c_type, buf, buf_len, ind));
}

API SQLRETURN SQL_API SQLFetch(SQLHSTMT h)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_fetch(s, SQL_FETCH_NEXT, 0));
}

API SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orientation, SQLLEN offset)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "orientation=%d offset=%ld", (int)orientation, (long)offset);
    return stmt_leave(s, stmt_fetch(s, orientation, offset));
}

API SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT h, SQLUSMALLINT orientation, SQLLEN offset,
                                       SQLULEN *rows, SQLUSMALLINT *status)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "orientation=%u offset=%ld", (unsigned)orientation, (long)offset);
    return stmt_leave(s, stmt_extended_fetch(s, orientation, offset, rows, status));
}

API SQLRETURN SQL_API SQLSetPos(SQLHSTMT h, SQLSETPOSIROW row, SQLUSMALLINT op,
                                SQLUSMALLINT lock)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "row=%lu op=%u lock=%u", (unsigned long)row, (unsigned)op,
                  (unsigned)lock);
    return stmt_leave(s, stmt_set_pos(s, row, op, lock));
}

API SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT c_type,
                                 SQLPOINTER buf, SQLLEN buf_len, SQLLEN *ind)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u c_type=%d buf_len=%ld", (unsigned)col, (int)c_type,
                  (long)buf_len);
    return stmt_leave(s, stmt_get_data(s, col, c_type, buf, buf_len, ind));
}

API SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT *n)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_num_result_cols(s, n));
}

API SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT col, SQLCHAR *name,
                                     SQLSMALLINT buf_len, SQLSMALLINT *name_len,
                                     SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
                                     SQLSMALLINT *nullable)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u", (unsigned)col);
    return stmt_leave(s, stmt_describe_col(s, col, name, buf_len, name_len, type, size, digits,
                                           nullable, false));
}

API SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field,
                                      SQLPOINTER str, SQLSMALLINT buf_len,
                                      SQLSMALLINT *str_len, SQLLEN *num)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "col=%u field=%u", (unsigned)col, (unsigned)field);
    return stmt_leave(s, stmt_col_attribute(s, col, field, str, buf_len, str_len, num, false));
}

API SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN *count)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_row_count(s, count));
}

API SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_more_results(s));
}

API SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_close_cursor(s, true));
}

API SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT h, SQLUSMALLINT option)
{
    if (option == SQL_DROP)
        return handles_free(SQL_HANDLE_STMT, h);
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "option=%u", (unsigned)option);
    return stmt_leave(s, stmt_free_stmt(s, option));
}

API SQLRETURN SQL_API SQLCancel(SQLHSTMT h)
{
    if (stmt_cancel_running(h))
        return SQL_SUCCESS; /* lock-free: the running call returns HY008 */
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_cancel(s));
}

API SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                     SQLINTEGER len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "attr=%d value=%p len=%d", (int)attr, value, (int)len);
    return stmt_leave(s, stmt_set_attr(s, attr, value, len));
}

API SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                     SQLINTEGER buf_len, SQLINTEGER *str_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "attr=%d", (int)attr);
    return stmt_leave(s, stmt_get_attr(s, attr, value, buf_len, str_len));
}

API SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT h, SQLCHAR *name, SQLSMALLINT len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str n = STR_INIT;
    SQLRETURN rc = enc_rc_diag(&s->hdr, enc_from_narrow(name, len, &n));
    if (SQL_SUCCEEDED(rc))
        rc = stmt_set_cursor_name(s, &n);
    str_fini(&n);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT h, SQLCHAR *name, SQLSMALLINT buf_len,
                                       SQLSMALLINT *len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    return stmt_leave(s, stmt_get_cursor_name(s, name, buf_len, len, false));
}

API SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&s->hdr, "type=%d", (int)type);
    return stmt_leave(s, stmt_get_type_info(s, type));
}

API SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR *in, SQLINTEGER in_len, SQLCHAR *out,
                                   SQLINTEGER out_len, SQLINTEGER *len)
{
    struct dbc *dbc = dbc_enter(h, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    struct str sql = STR_INIT;
    SQLRETURN rc = enc_rc_diag(dbc_handle(dbc), enc_from_narrow(in, in_len, &sql));
    if (SQL_SUCCEEDED(rc))
        rc = native_sql(dbc_handle(dbc), &sql, out, out_len, len, false);
    str_fini(&sql);
    return dbc_leave(dbc, rc);
}
