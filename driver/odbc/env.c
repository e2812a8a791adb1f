/* SPDX-License-Identifier: MIT */
/* env.c - environment attributes (SQL_ATTR_ODBC_VERSION 2 / 3 / 3.80,
 * connection pooling attributes stored only, SQL_ATTR_OUTPUT_NTS true only)
 * and SQLEndTran over all connections of an environment. */
#include "env.h"

#include <string.h>

#include "dbc.h"
#include "sq_alloc.h"

struct env *env_new(void)
{
    struct env *env = sq_calloc(1, sizeof *env);
    if (!env)
        return NULL;
    if (pthread_mutex_init(&env->mutex, NULL) != 0) {
        sq_free(env);
        return NULL;
    }
    env->hdr.magic = HANDLE_MAGIC_ENV;
    env->hdr.type = SQL_HANDLE_ENV;
    env->hdr.lock = &env->mutex;
    diag_init(&env->hdr.diag);
    env->pooling = SQL_CP_OFF;
    env->cp_match = SQL_CP_STRICT_MATCH;
    link_init(&env->dbcs);
    return env;
}

void env_free(struct env *env)
{
    if (!env)
        return;
    diag_fini(&env->hdr.diag);
    env->hdr.magic = HANDLE_MAGIC_DEAD;
    pthread_mutex_destroy(&env->mutex);
    sq_free(env);
}

static SQLUINTEGER ptr_uint(SQLPOINTER v)
{
    return (SQLUINTEGER)(uintptr_t)v;
}

SQLRETURN env_set_attr(struct env *env, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len; /* every environment attribute is an integer passed by value */
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION: {
        SQLUINTEGER v = ptr_uint(value);
        if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
            return diag_add(&env->hdr, DIAG_HY024, "Invalid ODBC version %lu",
                            (unsigned long)v);
        if (!link_empty(&env->dbcs))
            return diag_add(&env->hdr, DIAG_HY010,
                            "SQL_ATTR_ODBC_VERSION cannot change while connections exist");
        env->odbc_version = (SQLINTEGER)v;
        env->hdr.diag.odbc2 = v == SQL_OV_ODBC2;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_CONNECTION_POOLING: {
        SQLUINTEGER v = ptr_uint(value);
        if (v != SQL_CP_OFF && v != SQL_CP_ONE_PER_DRIVER && v != SQL_CP_ONE_PER_HENV)
            return diag_add(&env->hdr, DIAG_HY024, NULL);
        env->pooling = v;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_CP_MATCH: {
        SQLUINTEGER v = ptr_uint(value);
        if (v != SQL_CP_STRICT_MATCH && v != SQL_CP_RELAXED_MATCH)
            return diag_add(&env->hdr, DIAG_HY024, NULL);
        env->cp_match = v;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_OUTPUT_NTS:
        if (ptr_uint(value) == SQL_TRUE)
            return SQL_SUCCESS;
        return diag_add(&env->hdr, DIAG_HYC00, "SQL_ATTR_OUTPUT_NTS can only be SQL_TRUE");
    default:
        return diag_add(&env->hdr, DIAG_HY092, "Unknown environment attribute %d", (int)attr);
    }
}

SQLRETURN env_get_attr(struct env *env, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buf_len,
                       SQLINTEGER *out_len)
{
    (void)buf_len; /* integer attributes: the buffer length is ignored */
    SQLINTEGER v;
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION:
        v = env->odbc_version ? env->odbc_version : (SQLINTEGER)SQL_OV_ODBC3;
        break;
    case SQL_ATTR_CONNECTION_POOLING:
        v = (SQLINTEGER)env->pooling;
        break;
    case SQL_ATTR_CP_MATCH:
        v = (SQLINTEGER)env->cp_match;
        break;
    case SQL_ATTR_OUTPUT_NTS:
        v = SQL_TRUE;
        break;
    default:
        return diag_add(&env->hdr, DIAG_HY092, "Unknown environment attribute %d", (int)attr);
    }
    if (value)
        memcpy(value, &v, sizeof v);
    if (out_len)
        *out_len = (SQLINTEGER)sizeof v;
    return SQL_SUCCESS;
}

SQLRETURN env_end_tran(struct env *env, SQLSMALLINT completion)
{
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return diag_add(&env->hdr, DIAG_HY012, NULL);
    SQLRETURN rc = SQL_SUCCESS;
    for (struct link *l = env->dbcs.next; l != &env->dbcs; l = l->next) {
        struct dbc *dbc = dbc_from_env_link(l);
        pthread_mutex_lock(dbc->hdr.lock); /* lock order env -> dbc (style.md §2.7) */
        if (dbc->wire) {
            SQLRETURN r = dbc_end_tran(dbc, completion);
            if (r == SQL_ERROR)
                (void)diag_add(&env->hdr, DIAG_25S01,
                               "Transaction end failed on one connection of the environment");
            rc = diag_merge_rc(rc, r);
        }
        pthread_mutex_unlock(dbc->hdr.lock);
    }
    return rc;
}
