/* SPDX-License-Identifier: MIT */
/* handles.c - the locking boundary (style.md rule 6): *_enter validates a
 * handle's type and magic and takes its lock, *_leave records the return code
 * and unlocks; plus allocation and freeing of all four handle types. No other
 * file takes a handle lock (env_end_tran takes dbc locks in env -> dbc order). */
#include "handles.h"

#include <stdio.h>
#include <stdlib.h>

#include "dbc.h"
#include "desc.h"
#include "env.h"

static struct handle *check(SQLHANDLE h, SQLSMALLINT type, uint32_t magic)
{
    struct handle *hd = h;
    if (!hd || hd->magic != magic || hd->type != type)
        return NULL;
    return hd;
}

static uint32_t magic_of(SQLSMALLINT type)
{
    switch (type) {
    case SQL_HANDLE_ENV: return HANDLE_MAGIC_ENV;
    case SQL_HANDLE_DBC: return HANDLE_MAGIC_DBC;
    case SQL_HANDLE_STMT: return HANDLE_MAGIC_STMT;
    case SQL_HANDLE_DESC: return HANDLE_MAGIC_DESC;
    default: return 0;
    }
}

struct handle *handle_enter_fn(SQLSMALLINT type, SQLHANDLE h, unsigned flags, const char *fn)
{
    uint32_t magic = magic_of(type);
    struct handle *hd = magic ? check(h, type, magic) : NULL;
    if (!hd) {
        if (ODBC_LOG_ON())
            odbc_log_enter(NULL, type, h, fn);
        return NULL;
    }
    pthread_mutex_lock(hd->lock);
    if (flags & ENTER_CLEAR_DIAG)
        diag_clear(&hd->diag);
    if (ODBC_LOG_ON())
        odbc_log_enter(hd, type, h, fn);
    return hd;
}

SQLRETURN handle_leave(struct handle *h, SQLRETURN rc)
{
    h->diag.rc = rc;
    if ((rc == SQL_ERROR || rc == SQL_SUCCESS_WITH_INFO) && h->diag.n == 0) {
#ifndef NDEBUG
        fprintf(stderr, "ifxodbc: internal: return code %d without a diagnostic record\n",
                (int)rc);
#endif
        (void)diag_add(h, rc == SQL_ERROR ? DIAG_HY000 : DIAG_01000, NULL);
    }
    if (ODBC_LOG_ON())
        odbc_log_leave(h, rc, true);
    pthread_mutex_t *lock = h->lock;
    pthread_mutex_unlock(lock);
    return rc;
}

SQLRETURN handle_leave_keep(struct handle *h, SQLRETURN rc)
{
    if (ODBC_LOG_ON())
        odbc_log_leave(h, rc, false);
    pthread_mutex_unlock(h->lock);
    return rc;
}

void handle_assert_locked(const struct handle *h)
{
#ifndef NDEBUG
    /* Error-checking probe: trylock succeeds only when nobody holds it. */
    if (pthread_mutex_trylock(h->lock) == 0) {
        fprintf(stderr, "ifxodbc: internal: handle lock not held\n");
        abort();
    }
#else
    (void)h;
#endif
}

struct env *env_enter_fn(SQLHENV h, unsigned flags, const char *fn)
{
    return (struct env *)(void *)handle_enter_fn(SQL_HANDLE_ENV, h, flags, fn);
}
SQLRETURN env_leave(struct env *env, SQLRETURN rc)
{
    return handle_leave(&env->hdr, rc);
}
struct dbc *dbc_enter_fn(SQLHDBC h, unsigned flags, const char *fn)
{
    return (struct dbc *)(void *)handle_enter_fn(SQL_HANDLE_DBC, h, flags, fn);
}
SQLRETURN dbc_leave(struct dbc *dbc, SQLRETURN rc)
{
    return handle_leave(&dbc->hdr, rc);
}
/* A stmt / desc begins with struct handle (handles.h), so the handle pointer
 * is the object pointer. */
struct stmt *stmt_enter_fn(SQLHSTMT h, unsigned flags, const char *fn)
{
    return (struct stmt *)(void *)handle_enter_fn(SQL_HANDLE_STMT, h, flags, fn);
}
SQLRETURN stmt_leave(struct stmt *stmt, SQLRETURN rc)
{
    return handle_leave(stmt_handle(stmt), rc);
}
struct desc *desc_enter_fn(SQLHDESC h, unsigned flags, const char *fn)
{
    return (struct desc *)(void *)handle_enter_fn(SQL_HANDLE_DESC, h, flags, fn);
}
SQLRETURN desc_leave(struct desc *desc, SQLRETURN rc)
{
    return handle_leave(desc_handle(desc), rc);
}

/* ---- allocation -------------------------------------------------------- */

SQLRETURN handles_alloc(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE *output)
{
    if (type == SQL_HANDLE_ENV) {
        odbc_log_init();
        if (!output)
            return SQL_ERROR;
        struct env *env = env_new();
        *output = env;
        if (env && ODBC_LOG_ON()) {
            odbc_log_enter(&env->hdr, SQL_HANDLE_ENV, env, "SQLAllocHandle");
            odbc_log_leave(&env->hdr, SQL_SUCCESS, false);
        }
        return env ? SQL_SUCCESS : SQL_ERROR;
    }
    if (type == SQL_HANDLE_DBC) {
        struct env *env = env_enter_fn(input, ENTER_CLEAR_DIAG, "SQLAllocHandle");
        if (!env)
            return SQL_INVALID_HANDLE;
        if (!output)
            return env_leave(env, diag_add(&env->hdr, DIAG_HY009, NULL));
        *output = SQL_NULL_HDBC;
        if (env->odbc_version == 0)
            return env_leave(env, diag_add(&env->hdr, DIAG_HY010,
                                           "SQL_ATTR_ODBC_VERSION has not been set"));
        struct dbc *dbc = dbc_new(env);
        if (!dbc)
            return env_leave(env, diag_add(&env->hdr, DIAG_HY001, NULL));
        link_add_tail(&env->dbcs, &dbc->env_node);
        *output = dbc;
        ODBC_LOG_ARGS(&env->hdr, "new dbc=%p", (void *)dbc);
        return env_leave(env, SQL_SUCCESS);
    }
    if (type == SQL_HANDLE_STMT || type == SQL_HANDLE_DESC) {
        struct dbc *dbc = dbc_enter_fn(input, ENTER_CLEAR_DIAG, "SQLAllocHandle");
        if (!dbc)
            return SQL_INVALID_HANDLE;
        if (!output)
            return dbc_leave(dbc, diag_add(&dbc->hdr, DIAG_HY009, NULL));
        *output = SQL_NULL_HANDLE;
        if (!dbc->wire)
            return dbc_leave(dbc, diag_add(&dbc->hdr, DIAG_08003, NULL));
        struct handle *child;
        if (type == SQL_HANDLE_STMT) {
            struct stmt *s = stmt_new(dbc);
            child = s ? stmt_handle(s) : NULL;
        } else {
            struct desc *d = desc_new_explicit(dbc);
            child = d ? desc_handle(d) : NULL;
        }
        if (!child)
            return dbc_leave(dbc, diag_add(&dbc->hdr, DIAG_HY001, NULL));
        child->diag.odbc2 = dbc->hdr.diag.odbc2;
        *output = child;
        ODBC_LOG_ARGS(&dbc->hdr, "new %s=%p", type == SQL_HANDLE_STMT ? "stmt" : "desc",
                      (void *)child);
        return dbc_leave(dbc, SQL_SUCCESS);
    }
    return SQL_ERROR; /* HY092 is reported by the driver manager */
}

static SQLRETURN free_env(SQLHANDLE h)
{
    struct env *env = env_enter_fn(h, ENTER_CLEAR_DIAG, "SQLFreeHandle");
    if (!env)
        return SQL_INVALID_HANDLE;
    if (!link_empty(&env->dbcs))
        return env_leave(env, diag_add(&env->hdr, DIAG_HY010,
                                       "The environment still has connections"));
    if (ODBC_LOG_ON())
        odbc_log_leave(&env->hdr, SQL_SUCCESS, false);
    env->hdr.magic = HANDLE_MAGIC_DEAD;
    pthread_mutex_unlock(&env->mutex);
    env_free(env);
    return SQL_SUCCESS;
}

static SQLRETURN free_dbc(SQLHANDLE h)
{
    struct handle *hd = check(h, SQL_HANDLE_DBC, HANDLE_MAGIC_DBC);
    if (!hd)
        return SQL_INVALID_HANDLE;
    struct dbc *dbc = (struct dbc *)(void *)hd;
    struct env *env = dbc->env;
    pthread_mutex_lock(&env->mutex); /* lock order env -> dbc */
    pthread_mutex_lock(&dbc->mutex);
    diag_clear(&dbc->hdr.diag);
    if (ODBC_LOG_ON())
        odbc_log_enter(&dbc->hdr, SQL_HANDLE_DBC, h, "SQLFreeHandle");
    if (dbc->wire) {
        SQLRETURN rc = diag_add(&dbc->hdr, DIAG_HY010, "The connection is still open");
        dbc->hdr.diag.rc = rc;
        if (ODBC_LOG_ON())
            odbc_log_leave(&dbc->hdr, rc, true);
        pthread_mutex_unlock(&dbc->mutex);
        pthread_mutex_unlock(&env->mutex);
        return rc;
    }
    while (!link_empty(&dbc->descs))
        desc_free(desc_from_link(dbc->descs.next));
    link_del(&dbc->env_node);
    if (ODBC_LOG_ON())
        odbc_log_leave(&dbc->hdr, SQL_SUCCESS, false);
    odbc_log_close(&dbc->hdr);
    dbc->hdr.magic = HANDLE_MAGIC_DEAD;
    pthread_mutex_unlock(&dbc->mutex);
    pthread_mutex_unlock(&env->mutex);
    dbc_free(dbc);
    return SQL_SUCCESS;
}

SQLRETURN handles_free(SQLSMALLINT type, SQLHANDLE h)
{
    switch (type) {
    case SQL_HANDLE_ENV:
        return free_env(h);
    case SQL_HANDLE_DBC:
        return free_dbc(h);
    case SQL_HANDLE_STMT: {
        struct stmt *s = stmt_enter_fn(h, ENTER_CLEAR_DIAG, "SQLFreeHandle");
        if (!s)
            return SQL_INVALID_HANDLE;
        pthread_mutex_t *lock = stmt_handle(s)->lock; /* the dbc's: survives the stmt */
        if (ODBC_LOG_ON())
            odbc_log_leave(stmt_handle(s), SQL_SUCCESS, false);
        stmt_free(s);
        pthread_mutex_unlock(lock);
        return SQL_SUCCESS;
    }
    case SQL_HANDLE_DESC: {
        struct desc *d = desc_enter_fn(h, ENTER_CLEAR_DIAG, "SQLFreeHandle");
        if (!d)
            return SQL_INVALID_HANDLE;
        if (d->owner) /* implicit (owned by a statement): HY017 */
            return desc_leave(d, diag_add(desc_handle(d), DIAG_HY017, NULL));
        pthread_mutex_t *lock = desc_handle(d)->lock;
        if (ODBC_LOG_ON())
            odbc_log_leave(desc_handle(d), SQL_SUCCESS, false);
        desc_free(d);
        pthread_mutex_unlock(lock);
        return SQL_SUCCESS;
    }
    default:
        return SQL_ERROR;
    }
}
