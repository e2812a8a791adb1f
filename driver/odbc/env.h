/* SPDX-License-Identifier: MIT */
/* env.h - the environment handle: ODBC version, pooling attributes (accepted
 * and stored; the DM does pooling), and the list of connections. Caller holds
 * the env lock (env->hdr.lock) for everything below except env_new/env_free. */
#ifndef IFXODBC_ENV_H
#define IFXODBC_ENV_H

#include "handles.h"

struct env {
    struct handle hdr;
    pthread_mutex_t mutex;
    SQLINTEGER odbc_version; /* 0 until SQL_ATTR_ODBC_VERSION is set */
    SQLUINTEGER pooling;     /* SQL_ATTR_CONNECTION_POOLING */
    SQLUINTEGER cp_match;    /* SQL_ATTR_CP_MATCH */
    struct link dbcs;        /* struct dbc.env_node */
};

/* New environment; NULL on out of memory. */
struct env *env_new(void);
/* Free (the caller checked no connection is left). NULL is a no-op. */
void env_free(struct env *env);

SQLRETURN env_set_attr(struct env *env, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len);
SQLRETURN env_get_attr(struct env *env, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buf_len,
                       SQLINTEGER *out_len);
/* SQLEndTran(SQL_HANDLE_ENV): commit or roll back every connection of env
 * (takes each dbc lock in turn: order env -> dbc). */
SQLRETURN env_end_tran(struct env *env, SQLSMALLINT completion);

/* SQLAllocHandle / SQLFreeHandle for all four handle types (handles.c):
 * they take and release the locks themselves. */
SQLRETURN handles_alloc(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE *output);
SQLRETURN handles_free(SQLSMALLINT type, SQLHANDLE h);

#endif
