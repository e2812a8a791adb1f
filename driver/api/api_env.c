/* SPDX-License-Identifier: MIT */
/* api_env.c - entry points for handles and the environment: SQLAllocHandle,
 * SQLFreeHandle, SQLSetEnvAttr, SQLGetEnvAttr, SQLEndTran. Thin shims
 * (style.md rule 2). */
#include <sql.h>
#include <sqlext.h>

#include "dbc.h"
#include "env.h"

#define API __attribute__((visibility("default")))

API SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE *output)
{
    return handles_alloc(type, input, output);
}

API SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE handle)
{
    return handles_free(type, handle);
}

API SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV henv, SQLINTEGER attr, SQLPOINTER value,
                                    SQLINTEGER len)
{
    struct env *env = env_enter(henv, ENTER_CLEAR_DIAG);
    if (!env)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&env->hdr, "attr=%d value=%p", (int)attr, value);
    return env_leave(env, env_set_attr(env, attr, value, len));
}

API SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV henv, SQLINTEGER attr, SQLPOINTER value,
                                    SQLINTEGER buf_len, SQLINTEGER *out_len)
{
    struct env *env = env_enter(henv, ENTER_CLEAR_DIAG);
    if (!env)
        return SQL_INVALID_HANDLE;
    return env_leave(env, env_get_attr(env, attr, value, buf_len, out_len));
}

API SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE handle, SQLSMALLINT completion)
{
    if (type == SQL_HANDLE_ENV) {
        struct env *env = env_enter(handle, ENTER_CLEAR_DIAG);
        if (!env)
            return SQL_INVALID_HANDLE;
        ODBC_LOG_ARGS(&env->hdr, "completion=%d", (int)completion);
        return env_leave(env, env_end_tran(env, completion));
    }
    if (type == SQL_HANDLE_DBC) {
        struct dbc *dbc = dbc_enter(handle, ENTER_CLEAR_DIAG);
        if (!dbc)
            return SQL_INVALID_HANDLE;
        ODBC_LOG_ARGS(dbc_handle(dbc), "completion=%d", (int)completion);
        return dbc_leave(dbc, dbc_end_tran(dbc, completion));
    }
    return SQL_INVALID_HANDLE;
}
