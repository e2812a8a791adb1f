/* SPDX-License-Identifier: MIT */
/* dbc.c - connections: connect requests (connection string / DSN / odbc.ini,
 * built before any lock), connect and disconnect through the protocol core,
 * connection attributes, and transactions per database kind
 * (sqli-protocol.md §8.2): logged -> lazy SQ_BEGIN when autocommit is off;
 * ANSI -> commit after each statement when autocommit is on; unlogged ->
 * nothing (autocommit off accepted, SQLEndTran a no-op). */
#include "dbc.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "charset_odbc.h"
#include "env.h"
#include "sq_alloc.h"
#include "sq_conn.h"
#include "sq_opcodes.h"
#include "sq_result.h"
#include "stmt.h"
#include "sqlhosts.h"

/* ---- connect requests (no lock held) ----------------------------------- */

static void req_init(struct dbc_connect_req *req)
{
    memset(req, 0, sizeof *req);
    dsn_cfg_init(&req->cfg);
}

static void req_set(struct dbc_connect_req *req, enum dsn_kw kw, const struct str *s)
{
    if (req->drc != DSN_OK || !s || !s->p)
        return;
    req->drc = dsn_cfg_set(&req->cfg, kw, s->p, s->len, DSN_SRC_CONNSTR);
}

void dbc_req_from_args(struct dbc_connect_req *req, const struct str *dsn, const struct str *uid,
                       const struct str *pwd)
{
    req_init(req);
    req_set(req, DSN_KW_DSN, dsn);
    /* SQLConnect: an empty UserName/Authentication means "use the DSN's". */
    if (uid && uid->len > 0)
        req_set(req, DSN_KW_UID, uid);
    if (pwd && pwd->len > 0)
        req_set(req, DSN_KW_PWD, pwd);
}

void dbc_req_from_string(struct dbc_connect_req *req, const struct str *connstr)
{
    req_init(req);
    req->driver_connect = true;
    if (connstr && connstr->p)
        req->drc = dsn_parse(&req->cfg, connstr->p, connstr->len, &req->err_off);
}

void dbc_req_load_ini(struct dbc_connect_req *req)
{
    if (req->drc == DSN_OK && req->enc == ENC_OK)
        req->drc = dsn_cfg_load_ini(&req->cfg, NULL, NULL);
}

void dbc_req_fini(struct dbc_connect_req *req)
{
    dsn_cfg_fini(&req->cfg); /* zeroes PWD */
}

/* ---- life cycle -------------------------------------------------------- */

struct dbc *dbc_new(struct env *env)
{
    struct dbc *dbc = sq_calloc(1, sizeof *dbc);
    if (!dbc)
        return NULL;
    if (pthread_mutex_init(&dbc->mutex, NULL) != 0) {
        sq_free(dbc);
        return NULL;
    }
    dbc->hdr.magic = HANDLE_MAGIC_DBC;
    dbc->hdr.type = SQL_HANDLE_DBC;
    dbc->hdr.lock = &dbc->mutex;
    diag_init(&dbc->hdr.diag);
    dbc->hdr.diag.odbc2 = env->odbc_version == SQL_OV_ODBC2;
    dbc->env = env;
    link_init(&dbc->env_node);
    link_init(&dbc->stmts);
    link_init(&dbc->descs);
    dbc->autocommit = true;
    dbc->access_mode = SQL_MODE_READ_WRITE;
    dbc->txn_isolation = SQL_TXN_READ_COMMITTED;
    dbc->kind = SQ_DB_UNKNOWN;
    return dbc;
}

static void free_names(struct dbc *dbc)
{
    sq_free(dbc->dsn_name);
    sq_free(dbc->database);
    sq_free(dbc->user);
    sq_free(dbc->server_name);
    dbc->dsn_name = dbc->database = dbc->user = dbc->server_name = NULL;
}

void dbc_free(struct dbc *dbc)
{
    if (!dbc)
        return;
    sq_conn_free(dbc->wire);
    charset_conn_free(dbc->csc);
    free_names(dbc);
    sq_free(dbc->pre_catalog);
    diag_fini(&dbc->hdr.diag);
    dbc->hdr.magic = HANDLE_MAGIC_DEAD;
    pthread_mutex_destroy(&dbc->mutex);
    sq_free(dbc);
}

struct dbc *dbc_from_env_link(struct link *l)
{
    return LINK_ENTRY(l, struct dbc, env_node);
}

bool dbc_connected(const struct dbc *dbc)
{
    return dbc->wire != NULL;
}

/* ---- contract with the statement side ---------------------------------- */

struct sq_conn *dbc_wire(struct dbc *dbc)
{
    return dbc->wire;
}

bool dbc_autocommit(const struct dbc *dbc)
{
    return dbc->autocommit;
}

SQLULEN dbc_query_timeout_default(const struct dbc *dbc)
{
    return dbc->query_timeout;
}

uint32_t dbc_fetch_buf_size(const struct dbc *dbc)
{
    return dbc->fetch_buf;
}

unsigned dbc_pipeline_depth(const struct dbc *dbc)
{
    return dbc->pipeline_depth;
}

bool dbc_scrollable_allowed(const struct dbc *dbc)
{
    return dbc->scrollable;
}

struct handle *dbc_handle(struct dbc *dbc)
{
    return &dbc->hdr;
}

SQLINTEGER dbc_odbc_version(const struct dbc *dbc)
{
    return dbc->env->odbc_version ? dbc->env->odbc_version : (SQLINTEGER)SQL_OV_ODBC3;
}

void dbc_attach_stmt(struct dbc *dbc, struct stmt *stmt, struct link *node)
{
    (void)stmt;
    link_add_tail(&dbc->stmts, node);
}

void dbc_attach_desc(struct dbc *dbc, struct desc *desc, struct link *node)
{
    (void)desc;
    link_add_tail(&dbc->descs, node);
}

static bool wire_usable(const struct dbc *dbc)
{
    return dbc->wire && !dbc->poisoned && !sq_conn_is_broken(dbc->wire) && dbc->pid == getpid();
}

SQLRETURN dbc_wire_error(struct dbc *dbc, struct handle *diag_to, int sq_rc)
{
    SQLRETURN rc = diag_from_sq(diag_to, dbc->wire, sq_rc);
    if (dbc->wire && sq_conn_is_broken(dbc->wire))
        dbc->in_txn = false; /* the server rolls back when the session ends */
    return rc;
}

static bool txn_kind_logged(const struct dbc *dbc)
{
    return dbc->kind == SQ_DB_LOGGED || dbc->kind == SQ_DB_UNKNOWN;
}

SQLRETURN dbc_before_statement(struct dbc *dbc, struct handle *diag_to)
{
    if (!dbc->wire)
        return diag_add(diag_to, DIAG_08003, NULL);
    if (!wire_usable(dbc))
        return diag_add(diag_to, DIAG_08S01, "Communication link failure: %s",
                        dbc->pid != getpid() ? "connection was opened by another process"
                                             : sq_conn_errmsg(dbc->wire));
    if (dbc->autocommit || dbc->in_txn || !txn_kind_logged(dbc))
        return SQL_SUCCESS;
    enum sq_rc r = sq_conn_begin(dbc->wire);
    if (r == SQ_RC_OK) {
        dbc->in_txn = true;
        return SQL_SUCCESS;
    }
    if (r == SQ_RC_SERVER && dbc->kind == SQ_DB_UNKNOWN) {
        int code = sq_conn_server_error(dbc->wire)->sqlcode;
        if (code == -256 || code == -201) { /* no log: the database is unlogged */
            dbc->kind = SQ_DB_UNLOGGED;
            return SQL_SUCCESS;
        }
    }
    return dbc_wire_error(dbc, diag_to, (int)r);
}

static bool any_open_cursor(struct dbc *dbc)
{
    for (struct link *l = dbc->stmts.next; l != &dbc->stmts; l = l->next)
        if (stmt_has_open_cursor(stmt_from_link(l)))
            return true;
    return false;
}

bool dbc_is_dirty(struct dbc *dbc)
{
    if (!dbc->wire)
        return false;
    return dbc->dirty || dbc->in_txn || dbc->ansi_commit_due || !dbc->autocommit ||
           dbc->session_changed ||
           dbc->txn_isolation != dbc->conn_isolation || any_open_cursor(dbc);
}

static void txn_ended(struct dbc *dbc, bool committed)
{
    dbc->in_txn = false;
    dbc->ansi_commit_due = false;
    dbc->dirty = false;
    for (struct link *l = dbc->stmts.next; l != &dbc->stmts;) {
        struct link *next = l->next; /* stmt_on_txn_end does not unlink, but be safe */
        stmt_on_txn_end(stmt_from_link(l), committed);
        l = next;
    }
}

/* ANSI database with autocommit on: commit after each statement. A COMMIT
 * closes the connection's cursors (SQL_CB_CLOSE), so while any statement of
 * this connection has an open cursor the commit is deferred to the next
 * statement boundary at which none is open (decision, see report). */
/* Session state changed by SQL text the driver did not issue itself (pooling,
 * odbc-notes §1.7): BEGIN WORK opens a transaction even under autocommit,
 * COMMIT / ROLLBACK WORK end it, DATABASE / SET ISOLATION / SET LOG ... change
 * the session for good (a reset cannot restore them: the connection is then
 * never reused). */
static void note_statement(struct dbc *dbc, struct handle *h)
{
    if (!h || h->type != SQL_HANDLE_STMT)
        return;
    const struct stmt *s = (const struct stmt *)(const void *)h; /* hdr is first */
    if (!s->sq)
        return;
    switch (sq_stmt_type(s->sq)) {
    case SQ_STMT_BEGWORK:
        dbc->in_txn = true;
        dbc->dirty = true;
        break;
    case SQ_STMT_COMMIT:
    case SQ_STMT_ROLLBACK:
        dbc->in_txn = false;
        dbc->dirty = false;
        dbc->ansi_commit_due = false;
        break;
    case SQ_STMT_DATABASE:
    case SQ_STMT_STARTDB:
    case SQ_STMT_ISOLATE:
    case SQ_STMT_SETLOG:
    case SQ_STMT_EXPLAIN:
    case SQ_STMT_OPTIM:
    case SQ_STMT_CONSTRMODE:
    case SQ_STMT_DBGFILE:
        dbc->session_changed = true;
        break;
    default:
        break;
    }
}

SQLRETURN dbc_after_statement(struct dbc *dbc, struct handle *diag_to, bool ok)
{
    if (!dbc->wire)
        return SQL_SUCCESS;
    if (!dbc->autocommit) {
        if (ok) {
            dbc->dirty = true;
            note_statement(dbc, diag_to);
        }
        return SQL_SUCCESS;
    }
    if (ok)
        note_statement(dbc, diag_to);
    if (dbc->kind != SQ_DB_ANSI)
        return SQL_SUCCESS;
    dbc->ansi_commit_due = true;
    if (any_open_cursor(dbc) || !wire_usable(dbc))
        return SQL_SUCCESS;
    enum sq_rc r = sq_conn_commit(dbc->wire);
    if (r != SQ_RC_OK)
        return dbc_wire_error(dbc, diag_to, (int)r);
    dbc->ansi_commit_due = false;
    return SQL_SUCCESS;
}

/* ---- connect / disconnect ---------------------------------------------- */

static SQLRETURN enc_error(struct handle *h, enum enc_rc e)
{
    switch (e) {
    case ENC_OK:
    case ENC_TRUNCATED:
        return SQL_SUCCESS;
    case ENC_BAD_LENGTH:
        return diag_add(h, DIAG_HY090, NULL);
    case ENC_NOMEM:
        return diag_add(h, DIAG_HY001, NULL);
    case ENC_INVALID:
        break;
    }
    return diag_add(h, DIAG_HY000, "Connection argument is not well-formed UTF-8 / UTF-16");
}

static SQLRETURN req_error(struct dbc *dbc, const struct dbc_connect_req *req, enum dsn_rc drc,
                           enum dsn_kw bad_kw)
{
    switch (drc) {
    case DSN_OK:
        return SQL_SUCCESS;
    case DSN_NOMEM:
        return diag_add(&dbc->hdr, DIAG_HY001, NULL);
    case DSN_SYNTAX:
        return diag_add(&dbc->hdr, DIAG_08001,
                        "Malformed connection string near byte offset %zu", req->err_off);
    case DSN_BAD_VALUE:
        return diag_add(&dbc->hdr, DIAG_08001, "Invalid value for connection keyword %s",
                        dsn_keywords()[bad_kw].name);
    case DSN_TOO_LONG:
        return diag_add(&dbc->hdr, DIAG_08001, "A value in odbc.ini is too long");
    }
    return diag_add(&dbc->hdr, DIAG_HY000, NULL);
}

static const char *isolation_sql(SQLUINTEGER level)
{
    switch (level) {
    case SQL_TXN_READ_UNCOMMITTED: return "SET ISOLATION TO DIRTY READ";
    case SQL_TXN_READ_COMMITTED: return "SET ISOLATION TO COMMITTED READ";
    case SQL_TXN_REPEATABLE_READ:
    case SQL_TXN_SERIALIZABLE: return "SET ISOLATION TO REPEATABLE READ";
    default: return NULL;
    }
}

/* Failure of sq_conn_connect -> SQLSTATE: REJECTED (-951 bad credentials ->
 * 28000; -761 ...) and SERVER (DBOPEN: -329 -> 08004 per diag_map) keep the
 * server's SQLCODE as native error; unreachable / I/O / timeout -> 08001 with
 * the OS reason; PAM / redirect (UNSUPPORTED) -> 08001 too. */
static SQLRETURN connect_error(struct dbc *dbc, struct sq_conn *w, enum sq_rc r,
                               const char *user)
{
    const struct sq_server_error *se = sq_conn_server_error(w);
    switch (r) {
    case SQ_RC_REJECTED:
    case SQ_RC_SERVER:
        /* The login refusal carries no insertion text: -951's %s is the user. */
        if (se && se->sqlcode != 0)
            return diag_add_server(&dbc->hdr, se->sqlcode, se->isam,
                                   se->text[0] || se->sqlcode != -951 ? se->text : user);
        return diag_add(&dbc->hdr, DIAG_08001, "Connection refused: %s", sq_conn_errmsg(w));
    case SQ_RC_NOMEM:
        return diag_add(&dbc->hdr, DIAG_HY001, NULL);
    case SQ_RC_TIMEOUT:
        /* ODBC: HYT00 when SQL_ATTR_LOGIN_TIMEOUT expired before the
         * connection completed, HYT01 when SQL_ATTR_CONNECTION_TIMEOUT bounded
         * a wait of the connect's exchanges. */
        if (sq_conn_timeout_is_io(w))
            return diag_add(&dbc->hdr, DIAG_HYT01, "Connection timeout expired: %s",
                            sq_conn_errmsg(w));
        return diag_add(&dbc->hdr, DIAG_HYT00, "Login timeout expired: %s", sq_conn_errmsg(w));
    default:
        return diag_add(&dbc->hdr, DIAG_08001, "Unable to connect: %s", sq_conn_errmsg(w));
    }
}

SQLRETURN dbc_check_completion(struct dbc *dbc, SQLUSMALLINT completion)
{
    switch (completion) {
    case SQL_DRIVER_NOPROMPT:
    case SQL_DRIVER_COMPLETE:
    case SQL_DRIVER_COMPLETE_REQUIRED:
    case SQL_DRIVER_PROMPT:
        /* No dialogs on Unix: every completion behaves as NOPROMPT (missing
         * information fails the connect instead of prompting). */
        return SQL_SUCCESS;
    default:
        return diag_add(&dbc->hdr, DIAG_HY110, NULL);
    }
}

static char *dup_or_null(const char *s)
{
    return s ? sq_strdup(s) : NULL;
}

SQLRETURN dbc_connect(struct dbc *dbc, struct dbc_connect_req *req, struct str *completed)
{
    if (dbc->wire)
        return diag_add(&dbc->hdr, DIAG_08002, NULL);
    if (req->enc != ENC_OK)
        return enc_error(&dbc->hdr, req->enc);
    if (req->drc != DSN_OK)
        return req_error(dbc, req, req->drc, DSN_KW_DSN);
    struct dsn_cfg *c = &req->cfg;
    if (!c->database && dbc->pre_catalog) {
        enum dsn_rc d = dsn_cfg_set(c, DSN_KW_DATABASE, dbc->pre_catalog,
                                    strlen(dbc->pre_catalog), DSN_SRC_CONNSTR);
        if (d != DSN_OK)
            return req_error(dbc, req, d, DSN_KW_DATABASE);
    }
    enum dsn_kw bad = DSN_KW_DSN;
    enum dsn_rc d = dsn_cfg_finish(c, &bad);
    if (d != DSN_OK)
        return req_error(dbc, req, d, bad);
    /* Targets (issue #9, sqlhosts.h): Host/Service as a host list
     * (Host=a,b:9089,[::1]:9090), else Server (default $INFORMIXSERVER)
     * through the sqlhosts file; a group or list is tried in order below. */
    struct sqlhosts_target *tg = NULL;
    size_t ntg = 0;
    char herr[512] = "";
    enum sqlhosts_rc hr = sqlhosts_targets(c, NULL, &tg, &ntg, herr, sizeof herr);
    if (hr == SQLHOSTS_NOMEM)
        return diag_add(&dbc->hdr, DIAG_HY001, NULL);
    if (hr != SQLHOSTS_OK) {
        if (c->dsn && c->src[DSN_KW_SERVICE] == DSN_SRC_NONE && !c->host && !c->server)
            return diag_add(&dbc->hdr, DIAG_08001,
                            "Data source \"%s\" has no Host/Service in odbc.ini", c->dsn);
        return diag_add(&dbc->hdr, DIAG_08001, "%s", herr);
    }

    struct sq_conn_cfg cc;
    sq_conn_cfg_init(&cc);
    cc.trace_file = c->opt.trace ? (c->trace_file && c->trace_file[0] ? c->trace_file
                                                                      : "/tmp/ifxodbc_trace.log")
                                 : NULL; /* NULL: $IFXODBC_TRACE or none (sq_trace.h) */
    cc.server_name = c->server ? c->server : "";
    cc.user = c->uid ? c->uid : "";
    cc.password = c->pwd ? c->pwd : "";
    cc.database = c->database;
    SQLRETURN lrc = charset_connect(dbc, c->client_locale, c->db_locale, &cc.client_locale,
                                    &cc.db_locale);
    if (!SQL_SUCCEEDED(lrc)) {
        sq_free(tg);
        return lrc;
    }
    unsigned login_s = dbc->login_timeout ? dbc->login_timeout : c->opt.login_timeout;
    cc.connect_timeout_ms = login_s > 0 && login_s < 2000000u ? (int)(login_s * 1000u) : 0;
    cc.io_timeout_ms = dbc->connection_timeout > 0 && dbc->connection_timeout < 2000000u
                           ? (int)(dbc->connection_timeout * 1000u)
                           : 0;
    cc.fetch_buf_size = c->opt.fetch_buffer_size ? c->opt.fetch_buffer_size : dbc->packet_size;
    cc.keepalive_idle_s = (int)c->opt.keepalive_idle;
    cc.keepalive_intvl_s = (int)c->opt.keepalive_interval;
    cc.keepalive_cnt = (int)c->opt.keepalive_count;
    /* TLS (issue #8): a handshake or verification failure comes back as IO /
     * TIMEOUT with a "TLS: ..." reason and maps to 08001 in connect_error. */
    cc.tls.enabled = c->opt.use_tls;
    cc.tls.ca_file = c->tls_ca_file;
    cc.tls.verify_name = c->tls_server_name;
    cc.tls.fingerprint = c->tls_fingerprint;
    cc.tls.client_cert = c->tls_client_cert;
    cc.tls.client_key = c->tls_client_key;
    cc.tls.insecure_no_verify = c->opt.tls_insecure;
    static const struct sq_env_pair delim = {"DELIMIDENT", "y"};
    if (c->opt.delimident) {
        cc.env = &delim;
        cc.nenv = 1;
    }

    /* Members in order, each within the login timeout (also bounding a
     * member that accepts TCP and then stalls); the first that accepts wins.
     * One target keeps the precise SQLSTATE of connect_error(); with several,
     * every member's reason goes into one 08001. */
    struct sq_conn *w = NULL;
    char srv[SQLHOSTS_NAME_MAX + 1], why[2048] = "";
    size_t wl = 0;
    for (size_t i = 0; i < ntg && !w; i++) {
        const struct sqlhosts_target *t = &tg[i];
        const char *fail = t->refused;
        if (!fail[0]) {
            cc.host = t->host;
            cc.service = t->service;
            cc.tls.enabled = c->opt.use_tls || t->tls;
            snprintf(srv, sizeof srv, "%s", t->server[0] ? t->server : cc.server_name);
            cc.server_name = srv;
            w = sq_conn_new();
            if (!w) {
                sq_free(tg);
                return diag_add(&dbc->hdr, DIAG_HY001, NULL);
            }
            sq_conn_set_deadline(w, (int64_t)login_s * 1000);
            enum sq_rc r = sq_conn_connect(w, &cc);
            sq_conn_set_deadline(w, 0);
            if (r != SQ_RC_OK && (ntg == 1 || r == SQ_RC_NOMEM)) {
                SQLRETURN rc = connect_error(dbc, w, r, cc.user);
                sq_conn_free(w);
                sq_free(tg);
                return rc;
            }
            fail = r == SQ_RC_OK ? "" : sq_conn_errmsg(w);
        }
        if (fail[0]) {
            int n = snprintf(why + wl, sizeof why - wl, "%s[%zu] %s%s%s:%s: %s", wl ? "; " : "",
                             i + 1, t->server, t->server[0] ? "@" : "", t->host, t->service,
                             fail);
            wl = n < 0 ? wl : wl + (size_t)n < sizeof why ? wl + (size_t)n : sizeof why - 1;
            sq_conn_free(w);
            w = NULL;
        }
    }
    sq_free(tg);
    if (!w)
        return diag_add(&dbc->hdr, DIAG_08001, "No server of %s accepted the connection: %s",
                        c->server && c->server[0] ? c->server : "the host list", why);
    free_names(dbc);
    dbc->dsn_name = sq_strdup(c->dsn ? c->dsn : "");
    dbc->database = sq_strdup(c->database ? c->database : "");
    dbc->user = sq_strdup(c->uid ? c->uid : "");
    dbc->server_name = dup_or_null(sq_conn_server_info(w)->name[0] ? sq_conn_server_info(w)->name
                                                                   : cc.server_name);
    if (!dbc->dsn_name || !dbc->database || !dbc->user || !dbc->server_name) {
        free_names(dbc);
        sq_conn_free(w);
        return diag_add(&dbc->hdr, DIAG_HY001, NULL);
    }
    dbc->wire = w;
    dbc->pid = getpid();
    dbc->kind = (int)sq_conn_db_kind(w);
    dbc->in_txn = false;
    dbc->ansi_commit_due = false;
    dbc->dirty = false;
    dbc->poisoned = false;
    dbc->session_changed = false;
    dbc->dirty_rule = c->opt.pool_dirty_rule;
    dbc->fetch_buf = cc.fetch_buf_size;
    dbc->pipeline_depth = c->opt.pipeline_depth;
    dbc->scrollable = c->opt.scrollable;
    dbc->delimident = c->opt.delimident;
    if (c->opt.query_timeout && !dbc->query_timeout)
        dbc->query_timeout = c->opt.query_timeout;

    SQLRETURN rc = SQL_SUCCESS;
    if (dbc->txn_isolation != SQL_TXN_READ_COMMITTED) {
        const char *sql = isolation_sql(dbc->txn_isolation);
        if (sql && sq_conn_exec(w, sql, strlen(sql), NULL) != SQ_RC_OK)
            rc = diag_add(&dbc->hdr, DIAG_01S02, "Isolation level could not be set: %s",
                          sq_conn_errmsg(w));
    }
    /* Reset targets (SQL_ATTR_RESET_CONNECTION): the state right after the
     * connect. Autocommit's target is always ON (the ODBC default). */
    dbc->conn_isolation = rc == SQL_SUCCESS ? dbc->txn_isolation : SQL_TXN_READ_COMMITTED;
    dbc->conn_query_timeout = dbc->query_timeout;
    if (completed) {
        d = dsn_emit(c, completed);
        if (d != DSN_OK)
            rc = diag_merge_rc(rc, diag_add(&dbc->hdr, DIAG_01000,
                                            "Completed connection string unavailable"));
    }
    return rc;
}

SQLRETURN dbc_disconnect(struct dbc *dbc)
{
    if (!dbc->wire)
        return diag_add(&dbc->hdr, DIAG_08003, NULL);
    /* Free statements and explicit descriptors: the DM may not tell us. */
    while (!link_empty(&dbc->stmts))
        stmt_free(stmt_from_link(dbc->stmts.next));
    while (!link_empty(&dbc->descs))
        desc_free(desc_from_link(dbc->descs.next));
    if (dbc->pid != getpid()) {
        /* Forked child: close only our copy of the descriptor. No SQ_EXIT,
         * no TLS close_notify, no shutdown(2): the socket is the parent's
         * session (odbc-notes §1.7 item 5). The statements were freed above
         * without I/O because wire_usable() is false in the child. */
        sq_conn_abandon(dbc->wire);
    } else if (wire_usable(dbc)) {
        /* Roll back explicitly so the server does not depend on session end;
         * a failure changes nothing (the close follows). Each exchange is
         * bounded by the connection timeout or the core's close bound. */
        if (dbc->in_txn || (dbc->kind == SQ_DB_ANSI && (dbc->dirty || dbc->ansi_commit_due)))
            (void)sq_conn_rollback(dbc->wire);
        sq_conn_close(dbc->wire); /* bounded by the core */
    }
    sq_conn_free(dbc->wire);
    dbc->wire = NULL;
    dbc->in_txn = false;
    dbc->dirty = false;
    dbc->poisoned = false;
    dbc->session_changed = false;
    dbc->kind = SQ_DB_UNKNOWN;
    return SQL_SUCCESS;
}

SQLRETURN dbc_end_tran(struct dbc *dbc, SQLSMALLINT completion)
{
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return diag_add(&dbc->hdr, DIAG_HY012, NULL);
    if (!dbc->wire)
        return diag_add(&dbc->hdr, DIAG_08003, NULL);
    bool commit = completion == SQL_COMMIT;
    bool send;
    switch (dbc->kind) {
    case SQ_DB_ANSI:
        send = true; /* always in a transaction */
        break;
    case SQ_DB_UNLOGGED:
        send = false; /* no transactions: plain success */
        break;
    default:
        send = dbc->in_txn;
        break;
    }
    if (!send) {
        txn_ended(dbc, commit);
        return SQL_SUCCESS;
    }
    if (!wire_usable(dbc))
        return diag_add(&dbc->hdr, DIAG_08S01, "Communication link failure: %s",
                        sq_conn_errmsg(dbc->wire));
    enum sq_rc r = commit ? sq_conn_commit(dbc->wire) : sq_conn_rollback(dbc->wire);
    if (r == SQ_RC_SERVER && sq_conn_server_error(dbc->wire)->sqlcode == -255)
        r = SQ_RC_OK; /* "not in transaction": nothing to end */
    if (r != SQ_RC_OK) {
        SQLRETURN rc = dbc_wire_error(dbc, &dbc->hdr, (int)r);
        if (sq_conn_is_broken(dbc->wire))
            txn_ended(dbc, false);
        return rc;
    }
    txn_ended(dbc, commit);
    return SQL_SUCCESS;
}

/* ---- attributes -------------------------------------------------------- */

bool dbc_attr_is_string(SQLINTEGER attr)
{
    return attr == SQL_ATTR_CURRENT_CATALOG || attr == SQL_ATTR_TRACEFILE ||
           attr == SQL_ATTR_TRANSLATE_LIB;
}

static SQLRETURN set_autocommit(struct dbc *dbc, SQLULEN v)
{
    if (v != SQL_AUTOCOMMIT_ON && v != SQL_AUTOCOMMIT_OFF)
        return diag_add(&dbc->hdr, DIAG_HY024, NULL);
    bool on = v == SQL_AUTOCOMMIT_ON;
    if (on && !dbc->autocommit && dbc->wire) {
        /* ODBC: switching autocommit on commits the open transaction. */
        SQLRETURN rc = dbc_end_tran(dbc, SQL_COMMIT);
        if (rc == SQL_ERROR)
            return rc;
    }
    dbc->autocommit = on;
    return SQL_SUCCESS;
}

/* SQL_ATTR_RESET_CONNECTION (the DM sends it when an ODBC 3.80 application
 * returns the connection to the pool; odbc-notes §1.3): roll back, free every
 * statement and descriptor of the connection (the DM already dropped its
 * wrappers), restore the post-connect attributes, clear diagnostics. The DM
 * ignores the result, so a failed rollback or isolation reset poisons the
 * connection: CONNECTION_DEAD then says TRUE and the pool closes it. Always
 * SQL_SUCCESS. */
static SQLRETURN reset_connection(struct dbc *dbc)
{
    while (!link_empty(&dbc->stmts))
        stmt_free(stmt_from_link(dbc->stmts.next));
    while (!link_empty(&dbc->descs))
        desc_free(desc_from_link(dbc->descs.next));
    if (wire_usable(dbc)) {
        if (dbc->in_txn || (dbc->kind == SQ_DB_ANSI && (dbc->dirty || dbc->ansi_commit_due))) {
            enum sq_rc r = sq_conn_rollback(dbc->wire);
            if (r == SQ_RC_SERVER && sq_conn_server_error(dbc->wire)->sqlcode == -255)
                r = SQ_RC_OK;
            if (r != SQ_RC_OK)
                dbc->poisoned = true;
        }
        if (!dbc->poisoned && dbc->txn_isolation != dbc->conn_isolation) {
            const char *sql = isolation_sql(dbc->conn_isolation);
            if (!sql || sq_conn_exec(dbc->wire, sql, strlen(sql), NULL) != SQ_RC_OK)
                dbc->poisoned = true;
        }
    } else if (dbc->wire) {
        dbc->poisoned = true;
    }
    if (dbc->session_changed)
        dbc->poisoned = true; /* cannot be undone here: let the pool close it */
    txn_ended(dbc, false); /* no statements left: only clears the flags */
    dbc->autocommit = true;
    dbc->txn_isolation = dbc->conn_isolation;
    dbc->access_mode = SQL_MODE_READ_WRITE;
    dbc->query_timeout = dbc->conn_query_timeout;
    diag_clear(&dbc->hdr.diag);
    return SQL_SUCCESS;
}

SQLRETURN dbc_set_attr(struct dbc *dbc, SQLINTEGER attr, const struct dbc_attr_val *v)
{
    SQLULEN n = v->num;
    switch (attr) {
    case SQL_ATTR_AUTOCOMMIT:
        return set_autocommit(dbc, n);
    case SQL_ATTR_ACCESS_MODE:
        if (n != SQL_MODE_READ_WRITE && n != SQL_MODE_READ_ONLY)
            return diag_add(&dbc->hdr, DIAG_HY024, NULL);
        dbc->access_mode = (SQLUINTEGER)n; /* a hint: nothing is enforced */
        return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT:
        if (dbc->wire)
            return diag_add(&dbc->hdr, DIAG_HY011, NULL);
        dbc->login_timeout = (SQLUINTEGER)n;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
        dbc->connection_timeout = (SQLUINTEGER)n;
        if (dbc->wire) /* every later network wait of this connection */
            sq_conn_set_io_timeout(dbc->wire, n > 0 && n < 2000000u ? (int)(n * 1000u) : 0);
        return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT:
        dbc->query_timeout = n;
        return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
        if (dbc->wire)
            return diag_add(&dbc->hdr, DIAG_HY011, NULL);
        dbc->packet_size = (SQLUINTEGER)n;
        return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION: {
        const char *sql = isolation_sql((SQLUINTEGER)n);
        if (!sql)
            return diag_add(&dbc->hdr, DIAG_HY024, NULL);
        if (dbc->wire) {
            if (dbc->in_txn)
                return diag_add(&dbc->hdr, DIAG_HY011,
                                "Isolation cannot change inside a transaction");
            if (!wire_usable(dbc))
                return diag_add(&dbc->hdr, DIAG_08S01, NULL);
            enum sq_rc r = sq_conn_exec(dbc->wire, sql, strlen(sql), NULL);
            if (r != SQ_RC_OK)
                return dbc_wire_error(dbc, &dbc->hdr, (int)r);
        }
        dbc->txn_isolation = (SQLUINTEGER)n;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_CURRENT_CATALOG: {
        if (dbc->wire) /* TODO(2): DATABASE statement + new database kind */
            return diag_add(&dbc->hdr, DIAG_HYC00,
                            "Changing the database of an open connection is not supported");
        char *s = v->s ? sq_strndup(v->s, v->len) : NULL;
        if (v->s && !s)
            return diag_add(&dbc->hdr, DIAG_HY001, NULL);
        sq_free(dbc->pre_catalog);
        dbc->pre_catalog = s;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_METADATA_ID:
        dbc->metadata_id = (SQLUINTEGER)n;
        return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
        dbc->quiet_mode = (SQLPOINTER)(uintptr_t)n;
        return SQL_SUCCESS;
    case SQL_ATTR_ANSI_APP: /* 115, sent by the DM before a W connect */
        dbc->ansi_app = (SQLUINTEGER)n;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (n == SQL_ASYNC_ENABLE_OFF)
            return SQL_SUCCESS;
        return diag_add(&dbc->hdr, DIAG_HYC00, "Asynchronous execution is not supported");
    case SQL_ATTR_AUTO_IPD:
    case SQL_ATTR_CONNECTION_DEAD:
        return diag_add(&dbc->hdr, DIAG_HY092, "Read-only attribute %d", (int)attr);
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
    case SQL_ATTR_ODBC_CURSORS:
        return SQL_SUCCESS; /* handled by the driver manager */
    case SQL_ATTR_RESET_CONNECTION:
        if (n != SQL_RESET_CONNECTION_YES)
            return diag_add(&dbc->hdr, DIAG_HY024, NULL);
        return reset_connection(dbc);
    case SQL_ATTR_ENLIST_IN_DTC:
        return diag_add(&dbc->hdr, DIAG_HYC00, NULL);
    default:
        return diag_add(&dbc->hdr, DIAG_HY092, "Unknown connection attribute %d", (int)attr);
    }
}

SQLRETURN dbc_get_attr(struct dbc *dbc, SQLINTEGER attr, struct dbc_attr_val *out)
{
    memset(out, 0, sizeof *out);
    switch (attr) {
    case SQL_ATTR_AUTOCOMMIT:
        out->num = dbc->autocommit ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF;
        return SQL_SUCCESS;
    case SQL_ATTR_ACCESS_MODE:
        out->num = dbc->access_mode;
        return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT:
        out->num = dbc->login_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
        out->num = dbc->connection_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT:
        out->num = dbc->query_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
        out->num = dbc->fetch_buf ? dbc->fetch_buf : dbc->packet_size;
        return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION:
        out->num = dbc->txn_isolation;
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        out->num = dbc->metadata_id;
        return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
        out->num = (SQLULEN)(uintptr_t)dbc->quiet_mode;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        out->num = SQL_ASYNC_ENABLE_OFF;
        return SQL_SUCCESS;
    case SQL_ATTR_AUTO_IPD:
        out->num = SQL_FALSE;
        return SQL_SUCCESS;
    case SQL_ATTR_ANSI_APP:
        out->num = dbc->ansi_app;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_DEAD:
        /* From local state only, no round trip (odbc-notes §1.5, §1.7): dead
         * when the wire is broken or poisoned, after a fork, and (PoolDirtyRule,
         * default on) when dirty, so the DM pool closes the connection (the
         * server rolls back) instead of handing it to the next borrower. Never
         * rolls back here: an application's own query must not lose its work. */
        out->num = !wire_usable(dbc) || (dbc->dirty_rule && dbc_is_dirty(dbc)) ? SQL_CD_TRUE
                                                                               : SQL_CD_FALSE;
        return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG:
        out->is_str = true;
        out->s = dbc->wire ? dbc->database : (dbc->pre_catalog ? dbc->pre_catalog : "");
        out->len = strlen(out->s);
        if (!dbc->wire && !dbc->pre_catalog)
            return diag_add(&dbc->hdr, DIAG_08003, NULL);
        return SQL_SUCCESS;
    default:
        return diag_add(&dbc->hdr, DIAG_HY092, "Unknown connection attribute %d", (int)attr);
    }
}

/* ---- output strings ---------------------------------------------------- */

SQLRETURN out_string(struct handle *h, const char *s, size_t len, SQLPOINTER buf, SQLLEN cap,
                     bool wide, enum enc_unit unit, size_t *full)
{
    size_t whole = 0;
    if (cap < 0) {
        if (h)
            return diag_add(h, DIAG_HY090, NULL);
        return SQL_ERROR;
    }
    enum enc_rc e;
    if (wide)
        e = enc_out_wide(s, len, buf, buf ? (size_t)cap : 0, unit, &whole);
    else
        e = enc_out_narrow(s, len, buf, buf ? (size_t)cap : 0, &whole);
    if (full)
        *full = whole;
    if (e == ENC_TRUNCATED || (buf && cap == 0 && whole > 0)) {
        if (h)
            return diag_add(h, DIAG_01004, NULL);
        return SQL_SUCCESS_WITH_INFO;
    }
    if (e != ENC_OK) {
        if (h)
            return diag_add(h, e == ENC_NOMEM ? DIAG_HY001 : DIAG_HY000, NULL);
        return SQL_ERROR;
    }
    return SQL_SUCCESS;
}
