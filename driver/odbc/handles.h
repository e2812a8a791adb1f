/* SPDX-License-Identifier: MIT */
/* handles.h - the ODBC layer's handle objects: the common header every handle
 * starts with, the enter/leave boundary where locks are taken (style.md rule 6),
 * the intrusive lists the handle tree is made of, and the small contract
 * between the connection side (env.c, dbc.c) and the statement side (stmt*.c,
 * desc.c). No sockets, no wire bytes here (rule 1). */
#ifndef IFXODBC_HANDLES_H
#define IFXODBC_HANDLES_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sql.h>
#include <sqlext.h>

#include "diag.h"

struct env;
struct dbc;
struct stmt;
struct desc;
struct sq_conn;
struct sq_trace;

#define HANDLE_MAGIC_ENV 0x49465845u  /* "IFXE" */
#define HANDLE_MAGIC_DBC 0x49465844u  /* "IFXD" */
#define HANDLE_MAGIC_STMT 0x49465853u /* "IFXS" */
#define HANDLE_MAGIC_DESC 0x4946584Bu /* "IFXK" */
#define HANDLE_MAGIC_DEAD 0xDEADBEEFu /* written on free */

/* Intrusive doubly linked list (parents own children through these). */
struct link {
    struct link *prev, *next;
};
static inline void link_init(struct link *l)
{
    l->prev = l->next = l;
}
static inline bool link_empty(const struct link *head)
{
    return head->next == head;
}
static inline void link_add_tail(struct link *head, struct link *l)
{
    l->prev = head->prev;
    l->next = head;
    head->prev->next = l;
    head->prev = l;
}
static inline void link_del(struct link *l)
{
    l->prev->next = l->next;
    l->next->prev = l->prev;
    link_init(l);
}
#define LINK_ENTRY(ptr, type, member) ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

/* Every handle begins with this. `lock` is the mutex guarding the handle:
 * the env's own mutex for an env, the connection's mutex for a dbc and for
 * every stmt and desc under it (one lock per connection, style.md §2.7). */
struct handle {
    uint32_t magic;
    SQLSMALLINT type; /* SQL_HANDLE_ENV / DBC / STMT / DESC */
    pthread_mutex_t *lock;
    struct diag diag;
    /* ODBC entry-point log (odbc_log.c). `log`: a dbc's own sink (DSN
     * Trace=1), NULL elsewhere; `log_fn`: the entry point being traced
     * (set by *_enter only while logging is on). */
    struct sq_trace *log;
    const char *log_fn;
};

/* ---- the boundary: only api/ calls these --------------------------------
 * *_enter validates type and magic (NULL -> the caller returns
 * SQL_INVALID_HANDLE), takes the lock, and with ENTER_CLEAR_DIAG clears the
 * handle's diagnostics. *_leave stores rc for SQL_DIAG_RETURNCODE, makes sure
 * an SQL_ERROR / SQL_SUCCESS_WITH_INFO has at least one record (adds HY000
 * otherwise, asserting in debug builds), unlocks and returns rc. */
enum { ENTER_KEEP_DIAG = 0, ENTER_CLEAR_DIAG = 1 };
/* The *_enter names are macros passing the calling entry point's name
 * (__func__ of the api/ shim) for the ODBC-level log. */
struct env *env_enter_fn(SQLHENV h, unsigned flags, const char *fn);
SQLRETURN env_leave(struct env *env, SQLRETURN rc);
struct dbc *dbc_enter_fn(SQLHDBC h, unsigned flags, const char *fn);
SQLRETURN dbc_leave(struct dbc *dbc, SQLRETURN rc);
struct stmt *stmt_enter_fn(SQLHSTMT h, unsigned flags, const char *fn);
SQLRETURN stmt_leave(struct stmt *stmt, SQLRETURN rc);
struct desc *desc_enter_fn(SQLHDESC h, unsigned flags, const char *fn);
SQLRETURN desc_leave(struct desc *desc, SQLRETURN rc);
/* For SQLGetDiagRec/Field and SQLFreeHandle: any handle type. */
struct handle *handle_enter_fn(SQLSMALLINT type, SQLHANDLE h, unsigned flags, const char *fn);
SQLRETURN handle_leave(struct handle *h, SQLRETURN rc);
#define env_enter(h, f) env_enter_fn((h), (f), __func__)
#define dbc_enter(h, f) dbc_enter_fn((h), (f), __func__)
#define stmt_enter(h, f) stmt_enter_fn((h), (f), __func__)
#define desc_enter(h, f) desc_enter_fn((h), (f), __func__)
#define handle_enter(t, h, f) handle_enter_fn((t), (h), (f), __func__)

/* ---- ODBC-level log (odbc_log.c) ------------------------------------------
 * Every entry point is logged to the trace file (the same file as the
 * protocol trace): ENTER fn(handle), key arguments, LEAVE fn = rc and each
 * diagnostic record's SQLSTATE, native error and message. Sinks: the process
 * sink from $IFXODBC_TRACE (opened at the first SQLAllocHandle) and a
 * connection's own sink from the DSN's Trace=1 / TraceFile. Passwords never
 * reach the log. When no sink was ever opened, the cost is one relaxed
 * atomic load per enter and per leave. */
extern atomic_int odbc_log_on;
#define ODBC_LOG_ON() (atomic_load_explicit(&odbc_log_on, memory_order_relaxed) != 0)
void odbc_log_init(void); /* once per process: $IFXODBC_TRACE */
void odbc_log_enter(struct handle *h, SQLSMALLINT type, const void *raw, const char *fn);
void odbc_log_leave(struct handle *h, SQLRETURN rc, bool with_diag);
void odbc_log_args(struct handle *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Key arguments of the current call (only formatted when logging is on). */
#define ODBC_LOG_ARGS(h, ...)                                                                      \
    do {                                                                                           \
        if (ODBC_LOG_ON())                                                                         \
            odbc_log_args((h), __VA_ARGS__);                                                       \
    } while (0)
/* A printable, bounded, quoted copy of s[0..len) (len SQL_NTS/negative:
 * NUL-terminated; NULL shows as NULL) for an ODBC_LOG_ARGS "%s"; the result
 * is a thread-local buffer valid until the next call with the same slot 0..7. */
const char *odbc_log_str(int slot, const void *s, long len);
/* The connect shims: open (path non-NULL) or close (NULL) the dbc's own
 * sink, then log the connect's arguments; conn_str (a connection string) is
 * logged with PWD / Password values redacted. */
void odbc_log_connect(struct handle *dbc, const char *sink_path, const char *fn,
                      const char *conn_str, size_t len);
void odbc_log_close(struct handle *h); /* on free */
struct dsn_cfg;
/* The file a connection's Trace=1 writes to (TraceFile or the default),
 * NULL when the DSN does not ask for tracing. */
const char *odbc_log_sink_path(const struct dsn_cfg *cfg);
/* For SQLGetDiagRec/Field only: unlock without touching the diagnostics or
 * SQL_DIAG_RETURNCODE (reading diagnostics must not change them). */
SQLRETURN handle_leave_keep(struct handle *h, SQLRETURN rc);

/* In debug builds: abort unless the calling thread holds h->lock. */
void handle_assert_locked(const struct handle *h);

/* ---- contract: statement side -> connection side (dbc.c implements) ------
 * All: caller holds the dbc lock. */

/* The protocol connection, or NULL when not connected. */
struct sq_conn *dbc_wire(struct dbc *dbc);
/* Connection's current settings the statement side needs. */
bool dbc_autocommit(const struct dbc *dbc);
SQLULEN dbc_query_timeout_default(const struct dbc *dbc);
uint32_t dbc_fetch_buf_size(const struct dbc *dbc);
bool dbc_scrollable_allowed(const struct dbc *dbc);
/* Before a statement runs on the server: opens a transaction when autocommit
 * is off in a logged database (SQ_BEGIN, lazily) and checks the connection is
 * usable. Diagnostics go to `diag_to` (the statement's handle). */
SQLRETURN dbc_before_statement(struct dbc *dbc, struct handle *diag_to);
/* After a statement ran (ok = it succeeded): commits in an ANSI database when
 * autocommit is on, marks the connection dirty for pooling when work may be
 * uncommitted. */
SQLRETURN dbc_after_statement(struct dbc *dbc, struct handle *diag_to, bool ok);
/* Map a core failure onto diag_to; when the connection is broken, also marks
 * the dbc dead (SQL_ATTR_CONNECTION_DEAD). */
SQLRETURN dbc_wire_error(struct dbc *dbc, struct handle *diag_to, int sq_rc);
/* Register / unregister a statement or explicit descriptor in the dbc's lists. */
void dbc_attach_stmt(struct dbc *dbc, struct stmt *stmt, struct link *node);
void dbc_attach_desc(struct dbc *dbc, struct desc *desc, struct link *node);
/* The dbc's handle header (for diagnostics and the lock). */
struct handle *dbc_handle(struct dbc *dbc);
SQLINTEGER dbc_odbc_version(const struct dbc *dbc); /* env's SQL_ATTR_ODBC_VERSION */

/* ---- contract: connection side -> statement side (stmt.c / desc.c) ------ */

/* New statement on a connected dbc (caller holds the dbc lock, has checked the
 * dbc is connected). NULL on out of memory. */
struct stmt *stmt_new(struct dbc *dbc);
/* Free a statement: closes its cursor, releases the server statement if the
 * wire is usable, frees implicit descriptors, unlinks it from the dbc. */
void stmt_free(struct stmt *stmt);
/* A COMMIT or ROLLBACK ended the transaction: close cursors that are not
 * WITH HOLD (SQL_CB_CLOSE behaviour), keep prepared statements. */
void stmt_on_txn_end(struct stmt *stmt, bool committed);
/* True when the statement has an open cursor (pooling dirty rule). */
bool stmt_has_open_cursor(const struct stmt *stmt);
/* Explicit descriptor (SQLAllocHandle(SQL_HANDLE_DESC)). */
struct desc *desc_new_explicit(struct dbc *dbc);
void desc_free(struct desc *desc);
/* Iterate a dbc's statements (for disconnect / end of transaction). */
struct stmt *stmt_from_link(struct link *node);
struct desc *desc_from_link(struct link *node);

/* The handle header of a stmt / desc. */
struct handle *stmt_handle(struct stmt *stmt);
struct handle *desc_handle(struct desc *desc);

#endif
