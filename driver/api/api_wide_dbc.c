/* SPDX-License-Identifier: MIT */
/* api_wide_dbc.c - W entry points of the connection side: SQLConnectW,
 * SQLDriverConnectW, SQLSetConnectAttrW, SQLGetConnectAttrW, SQLGetInfoW.
 * SQLWCHAR is UTF-16LE; arguments are transcoded to UTF-8 and the same
 * internal functions as the ANSI family are called. (SQLGetDiagRecW /
 * SQLGetDiagFieldW live in api_diag.c.) */
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "dbc.h"
#include "info.h"

#define API __attribute__((visibility("default")))

SQLRETURN api_info_write(struct dbc *dbc, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap,
                         SQLSMALLINT *out_len, bool wide);

API SQLRETURN SQL_API SQLConnectW(SQLHDBC hdbc, SQLWCHAR *dsn, SQLSMALLINT dsn_len, SQLWCHAR *uid,
                                  SQLSMALLINT uid_len, SQLWCHAR *pwd, SQLSMALLINT pwd_len)
{
    struct str d = STR_INIT, u = STR_INIT, p = STR_INIT;
    enum enc_rc e = enc_from_wide(dsn, dsn_len, &d);
    if (e == ENC_OK)
        e = enc_from_wide(uid, uid_len, &u);
    if (e == ENC_OK)
        e = enc_from_wide(pwd, pwd_len, &p);
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
        odbc_log_connect(dbc_handle(dbc), sink, "SQLConnectW", NULL, 0);
        ODBC_LOG_ARGS(dbc_handle(dbc), "dsn=%s uid=%s pwd=<redacted>",
                      odbc_log_str(0, d.p, (long)d.len), odbc_log_str(1, u.p, (long)u.len));
    }
    str_fini(&d);
    str_fini(&u);
    SQLRETURN rc = dbc_connect(dbc, &req, NULL);
    dbc_req_fini(&req);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC hdbc, SQLHWND hwnd, SQLWCHAR *in,
                                        SQLSMALLINT in_len, SQLWCHAR *out, SQLSMALLINT out_cap,
                                        SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    (void)hwnd; /* no dialogs */
    struct str s = STR_INIT, done = STR_INIT;
    struct dbc_connect_req req;
    enum enc_rc e = enc_from_wide(in, in_len, &s);
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
        odbc_log_connect(dbc_handle(dbc), sink, "SQLDriverConnectW", s.p, s.len); /* PWD redacted */
    str_fini_secret(&s);
    SQLRETURN rc = dbc_check_completion(dbc, completion);
    if (SQL_SUCCEEDED(rc))
        rc = dbc_connect(dbc, &req, &done);
    if (SQL_SUCCEEDED(rc) && done.p) {
        size_t full = 0; /* BufferLength and *StringLength2Ptr in characters */
        rc = diag_merge_rc(rc, out_string(dbc_handle(dbc), done.p, done.len, out, out_cap, true,
                                          ENC_UNIT_CHARS, &full));
        if (out_len)
            *out_len = (SQLSMALLINT)(full > 32767 ? 32767 : full);
    }
    str_fini(&done);
    dbc_req_fini(&req);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC hdbc, SQLINTEGER attr, SQLPOINTER value,
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
        /* W attribute lengths are in bytes (or SQL_NTS). */
        SQLINTEGER chars = len >= 0 ? len / 2 : len;
        if (enc_from_wide(value, chars, &s) != ENC_OK)
            rc = diag_add(dbc_handle(dbc), DIAG_HY090, NULL);
        v = (struct dbc_attr_val){.is_str = true, .s = s.p, .len = s.len};
    }
    if (SQL_SUCCEEDED(rc))
        rc = dbc_set_attr(dbc, attr, &v);
    str_fini(&s);
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC hdbc, SQLINTEGER attr, SQLPOINTER value,
                                         SQLINTEGER cap, SQLINTEGER *out_len)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "attr=%d", (int)attr);
    struct dbc_attr_val v;
    SQLRETURN rc = dbc_get_attr(dbc, attr, &v);
    if (SQL_SUCCEEDED(rc) && v.is_str) {
        size_t full = 0; /* bytes */
        rc = out_string(dbc_handle(dbc), v.s, v.len, value, cap, true, ENC_UNIT_BYTES, &full);
        if (out_len)
            *out_len = (SQLINTEGER)full;
    } else if (SQL_SUCCEEDED(rc) && attr == SQL_ATTR_QUIET_MODE) {
        SQLPOINTER p = (SQLPOINTER)(uintptr_t)v.num; /* a window handle: pointer-sized */
        if (value)
            memcpy(value, &p, sizeof p);
        if (out_len)
            *out_len = (SQLINTEGER)sizeof p;
    } else if (SQL_SUCCEEDED(rc)) {
        SQLUINTEGER u = (SQLUINTEGER)v.num;
        if (value)
            memcpy(value, &u, sizeof u);
        if (out_len)
            *out_len = (SQLINTEGER)sizeof u;
    }
    return dbc_leave(dbc, rc);
}

API SQLRETURN SQL_API SQLGetInfoW(SQLHDBC hdbc, SQLUSMALLINT type, SQLPOINTER value,
                                  SQLSMALLINT cap, SQLSMALLINT *out_len)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "type=%u", (unsigned)type);
    return dbc_leave(dbc, api_info_write(dbc, type, value, cap, out_len, true));
}
