/* SPDX-License-Identifier: MIT */
/* dbc.h - the connection handle: connect / disconnect through the protocol
 * core, connection attributes before and after connect, transactions per
 * database kind (sqli-protocol.md §8.2), and what SQLGetInfo needs to know.
 * Caller holds the dbc lock (dbc->hdr.lock) unless a function says otherwise. */
#ifndef IFXODBC_DBC_H
#define IFXODBC_DBC_H

#include <sys/types.h>

#include "dsn.h"
#include "handles.h"

struct env;

struct dbc {
    struct handle hdr;
    pthread_mutex_t mutex; /* guards the dbc, its stmts, descs and wire */
    struct env *env;
    struct link env_node;  /* in env->dbcs */
    struct link stmts;     /* statements, linked by the statement side */
    struct link descs;     /* explicit descriptors */

    struct sq_conn *wire;  /* NULL when not connected */
    pid_t pid;             /* process that opened the wire (fork check) */
    int kind;              /* enum sq_dbkind of the open database */
    bool in_txn;           /* logged db: SQ_BEGIN sent, no COMMIT/ROLLBACK yet */
    bool ansi_commit_due;  /* ANSI db, autocommit: commit deferred while a cursor is open */
    bool dirty;            /* work since the last commit/rollback */
    bool poisoned;         /* a reset or rollback failed: never hand this wire out again */
    bool session_changed;  /* DATABASE, SET ISOLATION, SET LOG ... ran as SQL text */
    bool dirty_rule;       /* PoolDirtyRule: CONNECTION_DEAD reports a dirty connection dead */
    SQLUINTEGER conn_isolation;  /* isolation right after the connect (the reset target) */
    SQLULEN conn_query_timeout;  /* query timeout right after the connect */

    /* Connection attributes (pre-connect values are kept for the connect). */
    bool autocommit;
    SQLUINTEGER access_mode;
    SQLUINTEGER login_timeout;      /* seconds, 0 = none */
    SQLUINTEGER connection_timeout; /* seconds, 0 = none */
    SQLULEN query_timeout;          /* default for new statements */
    SQLUINTEGER packet_size;        /* 0 = default fetch buffer */
    SQLUINTEGER txn_isolation;      /* SQL_TXN_* */
    SQLUINTEGER metadata_id;
    SQLUINTEGER ansi_app;
    SQLPOINTER quiet_mode;
    char *pre_catalog;              /* SQL_ATTR_CURRENT_CATALOG set before connect */

    /* From the connect (for SQLGetInfo and diagnostics). */
    char *dsn_name;
    char *database;
    char *user;
    char *server_name;
    uint32_t fetch_buf;
    unsigned pipeline_depth; /* PipelineDepth: parameter sets in flight (0 = core default) */
    bool scrollable;
    bool delimident;     /* DELIMIDENT=y sent at login */
    struct charset_conn *csc; /* database code set converter; NULL for UTF-8 (charset_odbc.h) */
};

/* A connect request, built and completed with odbc.ini values WITHOUT holding
 * any driver lock (style.md §2.7: the profile API has its own locks). */
struct dbc_connect_req {
    struct dsn_cfg cfg;
    enum enc_rc enc;     /* converting the application's strings */
    enum dsn_rc drc;     /* parsing the connection string / reading odbc.ini */
    size_t err_off;      /* DSN_SYNTAX: byte offset */
    bool driver_connect; /* SQLDriverConnect (fills the completed string) */
};

/* SQLConnect(dsn, uid, pwd): strings are UTF-8, may be absent (p == NULL). */
void dbc_req_from_args(struct dbc_connect_req *req, const struct str *dsn, const struct str *uid,
                       const struct str *pwd);
/* SQLDriverConnect(connection string). */
void dbc_req_from_string(struct dbc_connect_req *req, const struct str *connstr);
/* Fill from odbc.ini (DSN=...), lock-free. */
void dbc_req_load_ini(struct dbc_connect_req *req);
void dbc_req_fini(struct dbc_connect_req *req);

struct dbc *dbc_new(struct env *env);
/* Free a disconnected dbc (caller unlinked it from env and holds no lock). */
void dbc_free(struct dbc *dbc);
struct dbc *dbc_from_env_link(struct link *l);

/* Connect. With completed != NULL (SQLDriverConnect), the completed
 * connection string (no PWD) is stored there. */
SQLRETURN dbc_connect(struct dbc *dbc, struct dbc_connect_req *req, struct str *completed);
/* SQLDriverConnect's DriverCompletion check (HY110). */
SQLRETURN dbc_check_completion(struct dbc *dbc, SQLUSMALLINT completion);
SQLRETURN dbc_disconnect(struct dbc *dbc);
SQLRETURN dbc_end_tran(struct dbc *dbc, SQLSMALLINT completion);

/* Attribute value in a neutral form: integer or UTF-8 string. */
struct dbc_attr_val {
    bool is_str;
    SQLULEN num;
    const char *s; /* borrowed: valid while the caller holds the lock */
    size_t len;
};
/* Set: is_str values arrive converted to UTF-8 by the api layer. */
SQLRETURN dbc_set_attr(struct dbc *dbc, SQLINTEGER attr, const struct dbc_attr_val *v);
SQLRETURN dbc_get_attr(struct dbc *dbc, SQLINTEGER attr, struct dbc_attr_val *out);
/* True when attr takes a string (SQLSetConnectAttr's value is a character pointer). */
bool dbc_attr_is_string(SQLINTEGER attr);

bool dbc_connected(const struct dbc *dbc);

/* Pooling (odbc-notes.md §1.7): true when the connection carries state the
 * next pooled borrower must not inherit: work since the last commit/rollback,
 * an open transaction, autocommit off, isolation changed since the connect,
 * an open cursor on any statement. Local state only, no round trip. */
bool dbc_is_dirty(struct dbc *dbc);

/* PipelineDepth of the connection (parameter sets in flight; 0 = default). */
unsigned dbc_pipeline_depth(const struct dbc *dbc);

/* Write UTF-8 s[0..len) into an application string buffer: ANSI (wide false,
 * cap in bytes) or W (cap in `unit`). *full gets the whole length in the
 * buffer's unit (bytes for ANSI). cap < 0 -> HY090. Truncation -> 01004 on h
 * (SQL_SUCCESS_WITH_INFO); with h NULL only SQL_SUCCESS_WITH_INFO (for the
 * diagnostic functions, which must not add records). */
SQLRETURN out_string(struct handle *h, const char *s, size_t len, SQLPOINTER buf, SQLLEN cap,
                     bool wide, enum enc_unit unit, size_t *full);

#endif
