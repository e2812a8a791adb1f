/* SPDX-License-Identifier: MIT */
/* api_info.c - SQLGetInfo (ANSI; the W form is in api_wide_dbc.c) and
 * SQLGetFunctions. Answers come from info.c's tables. */
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "dbc.h"
#include "info.h"

#define API __attribute__((visibility("default")))

/* Shared by SQLGetInfo and SQLGetInfoW (declared in info_out.h-free style:
 * api_wide_dbc.c has its own prototype). */
SQLRETURN api_info_write(struct dbc *dbc, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap,
                         SQLSMALLINT *out_len, bool wide);

SQLRETURN api_info_write(struct dbc *dbc, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap,
                         SQLSMALLINT *out_len, bool wide)
{
    struct info_val v;
    SQLRETURN rc = info_get(dbc, type, &v);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    if (v.kind == INFO_STR) {
        size_t full = 0;
        rc = out_string(dbc_handle(dbc), v.s, strlen(v.s), value, cap, wide, ENC_UNIT_BYTES,
                        &full);
        if (out_len)
            *out_len = (SQLSMALLINT)(full > 32767 ? 32767 : full);
        return rc;
    }
    if (v.kind == INFO_U16) {
        SQLUSMALLINT u = (SQLUSMALLINT)v.u;
        if (value)
            memcpy(value, &u, sizeof u);
        if (out_len)
            *out_len = (SQLSMALLINT)sizeof u;
        return SQL_SUCCESS;
    }
    if (value)
        memcpy(value, &v.u, sizeof v.u);
    if (out_len)
        *out_len = (SQLSMALLINT)sizeof v.u;
    return SQL_SUCCESS;
}

API SQLRETURN SQL_API SQLGetInfo(SQLHDBC hdbc, SQLUSMALLINT type, SQLPOINTER value,
                                 SQLSMALLINT cap, SQLSMALLINT *out_len)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "type=%u", (unsigned)type);
    return dbc_leave(dbc, api_info_write(dbc, type, value, cap, out_len, false));
}

API SQLRETURN SQL_API SQLGetFunctions(SQLHDBC hdbc, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    struct dbc *dbc = dbc_enter(hdbc, ENTER_CLEAR_DIAG);
    if (!dbc)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(dbc_handle(dbc), "id=%u", (unsigned)id);
    return dbc_leave(dbc, info_functions(dbc, id, supported));
}
