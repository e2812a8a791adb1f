/* SPDX-License-Identifier: MIT */
/* api_dbc.c - ANSI entry points of the connection: SQLConnect,
 * SQLDriverConnect, SQLDisconnect, SQLSetConnectAttr, SQLGetConnectAttr.
 * Strings are UTF-8. The connect request (odbc.ini included) is built before
 * the dbc lock is taken (style.md §2.7). */
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "dbc.h"

#define API __attribute__((visibility("default")))

API SQLRETURN SQL_API SQLConnect(SQLHDBC hdbc, SQLCHAR *dsn, SQLSMALLINT dsn_len, SQLCHAR *uid,
                                 SQLSMALLINT uid_len, SQLCHAR *pwd, SQLSMALLINT pwd_len)
{
    struct str d = STR_INIT, u = STR_INIT, p = STR_INIT;
    enum enc_rc e = enc_from_narrow(dsn, dsn_len, &d);
    if (e == ENC_OK)
        e = enc_from_narrow(uid, uid_len, &u);
    if (e == ENC_OK)
        e = enc_from_narrow(pwd, pwd_len, &p);
    struct dbc_connect_req req;
    dbc_req_from_args(&req, &d, &u, &p);
    req.enc = e;
    str_fini_secret(&p);
    dbc_req_load_ini(&req);
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc) {
        str_fini(&d);
        str_fini(&u);
        dbc_req_fini(&req);
        return SQL_INVALID_HANDLE;
    }
    const char *sink = odbc_log_sink_path(&req.cfg);
    if (sink || ODBC_LOG_ON() || dbc->hdr.log) {
        odbc_log_connect(dbc_handle(dbc), sink, "SQLConnect", NULL, 0);
        ODBC_LOG_ARGS(dbc_handle(dbc), "dsn=%s uid=%s pwd=<redacted>",
                      odbc_log_str(0, d.p, (long)d.len), odbc_log_str(1, u.p, (long)u.len));
    }
    str_fini(&d);
    str_fini(&u);
    SQLRETURN rc = dbc_connect(dbc, &req, NULL);
    dbc_req_fini(&req);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLDriverConnect(SQLHDBC hdbc, SQLHWND hwnd, SQLCHAR *in, SQLSMALLINT in_len,
                                       SQLCHAR *out, SQLSMALLINT out_cap, SQLSMALLINT *out_len,
                                       SQLUSMALLINT completion)
{
    (void)hwnd; /* no dialogs */
    struct str s = STR_INIT, done = STR_INIT;
    struct dbc_connect_req req;
    enum enc_rc e = enc_from_narrow(in, in_len, &s);
    dbc_req_from_string(&req, &s);
    req.enc = e;
    dbc_req_load_ini(&req);
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc) {
        str_fini_secret(&s);
        dbc_req_fini(&req);
        return SQL_INVALID_HANDLE;
    }
    const char *sink = odbc_log_sink_path(&req.cfg);
    if (sink || ODBC_LOG_ON() || dbc->hdr.log)
        odbc_log_connect(dbc_handle(dbc), sink, "SQLDriverConnect", s.p, s.len); /* PWD redacted */
    str_fini_secret(&s);
    SQLRETURN rc = dbc_check_completion(dbc, completion);
    if (SQL_SUCCEEDED(rc))
        rc = dbc_connect(dbc, &req, &done);
    if (SQL_SUCCEEDED(rc) && done.p) {
        size_t full = 0;
        rc = diag_merge_rc(rc, out_string(dbc_handle(dbc), done.p, done.len, out, out_cap, false,
                                          ENC_UNIT_BYTES, &full));
        if (out_len)
            *out_len = (SQLSMALLINT)(full > 32767 ? 32767 : full);
    }
    str_fini(&done);
    dbc_req_fini(&req);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLDisconnect(SQLHDBC hdbc)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    return dbc_leave(dbc, dbc_disconnect(dbc));
}

API SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC hdbc, SQLINTEGER attr, SQLPOINTER value,
                                        SQLINTEGER len)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "attr=%d value=%p len=%d", (int)attr, value, (int)len);
    struct str s = STR_INIT;
    struct dbc_attr_val v = {.num = (SQLULEN)(uintptr_t)value};
    SQLRETURN rc = SQL_SUCCESS;
    if (dbc_attr_is_string(attr)) {
        if (enc_from_narrow(value, len, &s) != ENC_OK)
            rc = diag_add(dbc_handle(dbc), DIAG_HY090, NULL);
        v = (struct dbc_attr_val){.is_str = true, .s = s.p, .len = s.len};
    }
    if (SQL_SUCCEEDED(rc))
        rc = dbc_set_attr(dbc, attr, &v);
    str_fini(&s);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC hdbc, SQLINTEGER attr, SQLPOINTER value,
                                        SQLINTEGER cap, SQLINTEGER *out_len)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "attr=%d", (int)attr);
    struct dbc_attr_val v;
    SQLRETURN rc = dbc_get_attr(dbc, attr, &v);
    if (SQL_SUCCEEDED(rc) && v.is_str) {
        size_t full = 0;
        rc = out_string(dbc_handle(dbc), v.s, v.len, value, cap, false, ENC_UNIT_BYTES, &full);
        if (out_len)
            *out_len = (SQLINTEGER)full;
    } else if (SQL_SUCCEEDED(rc) && attr == SQL_ATTR_QUIET_MODE) {
        SQLPOINTER p = (SQLPOINTER)(uintptr_t)v.num; /* a window handle: pointer-sized */
        if (value)
            memcpy(value, &p, sizeof p);
        if (out_len)
            *out_len = (SQLINTEGER)sizeof p;
    } else if (SQL_SUCCEEDED(rc)) {
        SQLUINTEGER u = (SQLUINTEGER)v.num; /* every integer attribute here is 32-bit */
        if (value)
            memcpy(value, &u, sizeof u);
        if (out_len)
            *out_len = (SQLINTEGER)sizeof u;
    }
    return dbc_leave(dbc, rc);
}
