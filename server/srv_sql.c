/* SPDX-License-Identifier: MIT */
/* srv_sql.c - ifxlite's SQL engine entry points (srv_sql.h): the engine and its
 * data directory, sessions with Informix transaction rules per database kind,
 * and statements (prepare/describe/bind/execute/fetch) on SQLite. Dialect
 * translation lives in srv_sql_xlate.c/srv_sql_ddl.c, types and values in
 * srv_sql_types.c, the system catalog in srv_sql_catalog.c. */
#include "srv_sql.h"
#include "srv_charset.h"
#include "srv_errors.h"
#include "srv_sql_internal.h"
#include "srv_value.h"

#include "sq_alloc.h"
#include "sq_limits.h"
#include "sq_opcodes.h"
#include "sq_types.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SRV_DEFAULT_LOCK_TIMEOUT_MS 2000

struct srv_stmt {
    struct srv_session *s;
    struct srv_stmt *next, *prev;
    struct srv_xlate x;
    struct srv_toks toks;
    char *src;
    sqlite3_stmt *vm;
    size_t ncols;
    struct srv_col *cols;
    struct ifx_type *ctypes;
    struct srv_col *pcols;
    uint32_t tuple_size;
    bool dead;
    bool is_open;
    int pending; /* SQLITE_ROW/SQLITE_DONE already stepped by open, 0 if none */
    struct sq_buf *vbuf;
    /* Scroll cursors: rows spooled, as SQLite values, into a private
     * temporary SQLite database as positioned fetches reach them (see
     * "Scroll cursors" in docs/ifxlite.md). */
    bool mat;              /* the spool is in use */
    bool sp_done;          /* the query ran to its end: nrows is the result size */
    int64_t nrows;         /* rows spooled so far (row k has rowid k) */
    sqlite3 *sp_db;        /* "" database: private, on disk once past its cache */
    sqlite3_stmt *sp_ins;  /* INSERT INTO r(rowid, c0..) VALUES (?, ?..) */
    sqlite3_stmt *sp_get;  /* SELECT c0.. FROM r WHERE rowid = ? */
    sqlite3_stmt *rd;      /* where convert_col reads: sp_get or vm (NULL = vm) */
    int64_t pos;
    int64_t clock_sec; /* instant of this execution / cursor open (TODAY, CURRENT) */
    long clock_nsec;
};

/* Take the statement's instant: once per execution or cursor open. */
static void clock_start(struct srv_stmt *st)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    st->clock_sec = (int64_t)ts.tv_sec;
    st->clock_nsec = ts.tv_nsec;
}

/* Around every sqlite3_step of st: TODAY/CURRENT read st's instant. */
static void clock_enter(struct srv_stmt *st)
{
    if (!st->s)
        return;
    st->s->clock_set = true;
    st->s->clock_sec = st->clock_sec;
    st->s->clock_nsec = st->clock_nsec;
}

static void clock_leave(struct srv_stmt *st)
{
    if (st->s)
        st->s->clock_set = false;
}

/* ---- engine ----------------------------------------------------------------- */

static bool valid_dbname(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 128)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!(isalnum(c) || c == '_' || c == '$'))
            return false;
    }
    return isalpha((unsigned char)name[0]) || name[0] == '_';
}

static char *db_path(const struct srv_engine *eng, const char *name)
{
    size_t n = strlen(eng->datadir) + strlen(name) + 8;
    char *p = sq_malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.db", eng->datadir, name);
    return p;
}

struct srv_engine *srv_engine_new(const char *datadir, struct srv_err *err)
{
    srv_err_clear(err);
    struct stat sb;
    if (!datadir || stat(datadir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        srv_err_set(err, SRV_E_DB_MISSING, 0, 0, datadir ? datadir : "");
        return NULL;
    }
    struct srv_engine *eng = sq_calloc(1, sizeof *eng);
    if (!eng || !(eng->datadir = sq_strdup(datadir))) {
        sq_free(eng);
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return NULL;
    }
    if (pthread_mutex_init(&eng->mu, NULL) != 0) {
        sq_free(eng->datadir);
        sq_free(eng);
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return NULL;
    }
    eng->lock_timeout_ms = SRV_DEFAULT_LOCK_TIMEOUT_MS;
    eng->unlogged_begin_err = SRV_E_NO_TXN;
    return eng;
}

void srv_engine_free(struct srv_engine *eng)
{
    if (!eng)
        return;
    pthread_mutex_destroy(&eng->mu);
    sq_free(eng->datadir);
    sq_free(eng);
}

void srv_engine_set_lock_timeout(struct srv_engine *eng, int ms)
{
    pthread_mutex_lock(&eng->mu);
    eng->lock_timeout_ms = ms < 0 ? 0 : ms;
    pthread_mutex_unlock(&eng->mu);
}

void srv_engine_set_unlogged_begin_error(struct srv_engine *eng, int sqlcode)
{
    pthread_mutex_lock(&eng->mu);
    eng->unlogged_begin_err = sqlcode;
    pthread_mutex_unlock(&eng->mu);
}

static int engine_lock_timeout(struct srv_engine *eng)
{
    pthread_mutex_lock(&eng->mu);
    int ms = eng->lock_timeout_ms;
    pthread_mutex_unlock(&eng->mu);
    return ms;
}

int srv_engine_create_db(struct srv_engine *eng, const char *name, enum srv_dbkind kind,
                         struct srv_err *err)
{
    return srv_engine_create_db_locale(eng, name, kind, NULL, err);
}

int srv_engine_create_db_locale(struct srv_engine *eng, const char *name, enum srv_dbkind kind,
                                const char *locale, struct srv_err *err)
{
    srv_err_clear(err);
    if (!name || !valid_dbname(name)) {
        srv_err_set(err, SRV_E_DB_EXISTS, 0, 0, name ? name : "");
        return -1;
    }
    char *path = db_path(eng, name);
    if (!path) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = 0;
    pthread_mutex_lock(&eng->mu);
    if (access(path, F_OK) != 0) {
        sqlite3 *db = NULL;
        /* NOMUTEX: this connection lives and dies in this call, one thread. */
        if (sqlite3_open_v2(path, &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL) != SQLITE_OK) {
            srv_err_set(err, SRV_E_DB_EXISTS, 0, 0, name);
            rc = -1;
        } else if (cat_exec(db, "PRAGMA journal_mode=WAL", err) < 0 ||
                   cat_exec(db, "BEGIN", err) < 0 || cat_create(db, kind, err) < 0 ||
                   (locale && srv_cs_store_locale(db, locale) < 0) ||
                   cat_exec(db, "COMMIT", err) < 0) {
            if (err && err->sqlcode == 0)
                srv_err_set(err, SRV_E_DB_EXISTS, 0, 0, name);
            rc = -1;
        }
        sqlite3_close(db);
        if (rc < 0)
            unlink(path);
    }
    pthread_mutex_unlock(&eng->mu);
    sq_free(path);
    return rc;
}

/* ---- sessions ----------------------------------------------------------------- */

struct srv_session *srv_session_new(struct srv_engine *eng, int session_id, const char *user)
{
    struct srv_session *s = sq_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->eng = eng;
    s->id = session_id;
    snprintf(s->user, sizeof s->user, "%s", user && *user ? user : "informix");
    s->delimident = true;
    s->lock_wait_ms = -1;
    return s;
}

static void stmt_detach(struct srv_stmt *st)
{
    if (st->vm) {
        sqlite3_finalize(st->vm);
        st->vm = NULL;
    }
    st->dead = true;
    st->is_open = false;
}

int srv_session_dbclose(struct srv_session *s, struct srv_err *err)
{
    srv_err_clear(err);
    if (!s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return -1;
    }
    for (struct srv_stmt *st = s->stmts; st; st = st->next)
        stmt_detach(st);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* close → roll back */
    sqlite3_close_v2(s->db);
    s->db = NULL;
    s->txn = false;
    s->dbname[0] = '\0';
    s->db_locale[0] = '\0';
    return 0;
}

void srv_session_free(struct srv_session *s)
{
    if (!s)
        return;
    if (s->db)
        srv_session_dbclose(s, NULL);
    for (struct srv_stmt *st = s->stmts; st; st = st->next)
        st->s = NULL;
    sq_free(s);
}

static void apply_lock_wait(struct srv_session *s)
{
    if (!s->db)
        return;
    int ms = s->lock_wait_ms >= 0 ? s->lock_wait_ms : engine_lock_timeout(s->eng);
    sqlite3_busy_timeout(s->db, ms);
}

static int create_sysdatabases(struct srv_session *s, struct srv_err *err)
{
    if (cat_exec(s->db,
                 "CREATE TEMP TABLE sysmaster_sysdatabases (name TEXT, partnum INT, owner TEXT,"
                 " created TEXT, is_logging INT, is_buff_log INT, is_ansi INT, is_nls INT,"
                 " is_case_insens INT, flags INT)",
                 err) < 0)
        return -1;
    static const struct {
        const char *name;
        uint16_t code;
        uint32_t len;
    } cols[] = {{"name", SQ_T_VARCHAR, 128},
                {"partnum", SQ_T_INTEGER, 4},
                {"owner", SQ_T_CHAR, 32},
                {"created", SQ_T_DATE, 4},
                {"is_logging", SQ_T_INTEGER, 4},
                {"is_buff_log", SQ_T_INTEGER, 4},
                {"is_ansi", SQ_T_INTEGER, 4},
                {"is_nls", SQ_T_INTEGER, 4},
                {"is_case_insens", SQ_T_INTEGER, 4},
                {"flags", SQ_T_SMALLINT, 2}};
    struct cat_col cc[10];
    memset(cc, 0, sizeof cc);
    for (size_t i = 0; i < 10; i++) {
        snprintf(cc[i].name, sizeof cc[i].name, "%s", cols[i].name);
        cc[i].ty.code = cols[i].code;
        cc[i].ty.len = cols[i].len;
    }
    return cat_add_table(s->db, "sysmaster_sysdatabases", "informix", true, 'T', cc, 10, err) < 0
               ? -1
               : 0;
}

/* Fill sysmaster_sysdatabases from the data directory (before a query using it). */
static int refresh_sysdatabases(struct srv_session *s, struct srv_err *err)
{
    if (cat_exec(s->db, "DELETE FROM temp.sysmaster_sysdatabases", err) < 0)
        return -1;
    DIR *d = opendir(s->eng->datadir);
    if (!d)
        return 0;
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO temp.sysmaster_sysdatabases VALUES (?, 0, 'informix', NULL,"
                           " ?, 0, ?, 0, 0, 0)",
                           -1, &ins, NULL) != SQLITE_OK) {
        closedir(d);
        return 0;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".db") != 0 || n - 3 > 128)
            continue;
        char name[129];
        snprintf(name, sizeof name, "%.*s", (int)(n - 3), e->d_name);
        if (!valid_dbname(name))
            continue;
        enum srv_dbkind kind;
        bool ok = false;
        if (strcmp(name, s->dbname) == 0) {
            kind = s->kind;
            ok = true;
        } else {
            char *path = db_path(s->eng, name);
            sqlite3 *db = NULL;
            /* NOMUTEX: opened, read and closed right here by this thread. */
            if (path && sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                                        NULL) == SQLITE_OK)
                ok = cat_read_kind(db, &kind);
            sqlite3_close(db);
            sq_free(path);
        }
        if (!ok)
            continue;
        sqlite3_bind_text(ins, 1, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 2, kind != SRV_DB_UNLOGGED);
        sqlite3_bind_int(ins, 3, kind == SRV_DB_ANSI);
        sqlite3_step(ins);
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    closedir(d);
    return 0;
}

int srv_session_dbopen(struct srv_session *s, const char *name, struct srv_err *err)
{
    srv_err_clear(err);
    if (s->db && srv_session_dbclose(s, err) < 0)
        return -1;
    if (!name || !valid_dbname(name)) {
        srv_err_set(err, SRV_E_DB_MISSING, 0, 0, name ? name : "");
        return -1;
    }
    char *path = db_path(s->eng, name);
    if (!path) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    sqlite3 *db = NULL;
    int rc = access(path, F_OK) == 0
                 ? sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
                 : SQLITE_CANTOPEN;
    sq_free(path);
    /* The busy timeout must be in force before the first read: while another
     * session closes the last connection to this file, SQLite checkpoints the
     * WAL under an exclusive lock, and an untimed read would fail with BUSY
     * and be reported as -329 for a database that exists. */
    if (rc == SQLITE_OK)
        sqlite3_busy_timeout(db, s->lock_wait_ms >= 0 ? s->lock_wait_ms
                                                      : engine_lock_timeout(s->eng));
    enum srv_dbkind kind = SRV_DB_UNLOGGED;
    if (rc != SQLITE_OK || !cat_read_kind(db, &kind)) {
        sqlite3_close(db);
        srv_err_set(err, SRV_E_DB_MISSING, 0, 0, name);
        return -1;
    }
    srv_cs_read_locale(db, s->db_locale, sizeof s->db_locale);
    char known[32];
    if (s->client_db_locale[0] && srv_cs_codeset(s->client_db_locale, known, sizeof known) &&
        !srv_cs_same(s->client_db_locale, s->db_locale)) {
        sqlite3_close(db); /* Informix: the client would misread every string */
        s->db_locale[0] = '\0';
        srv_err_set(err, SRV_E_LOCALE_MISMATCH, 0, 0, NULL);
        return -1;
    }
    s->db = db;
    s->kind = kind;
    s->txn = false;
    /* "x" reaching SQLite is always an identifier (a DELIMIDENT-off "x" was
     * turned into 'x' by the translator): no silent fallback to a string when
     * no such column exists, so a missing column is -217 as in Informix. */
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
    snprintf(s->dbname, sizeof s->dbname, "%s", name);
    apply_lock_wait(s);
    if (cat_exec(db, "PRAGMA foreign_keys=ON", err) < 0 ||
        cat_exec(db, "PRAGMA case_sensitive_like=ON", err) < 0 || srv_sql_register(db, s) != 0 ||
        cat_create_temp(db, err) < 0 || create_sysdatabases(s, err) < 0 ||
        cat_sysmaster_create(db, err) < 0) {
        if (err && err->sqlcode == 0)
            srv_err_set(err, SRV_E_DB_MISSING, 0, 0, name);
        sqlite3_close_v2(db);
        s->db = NULL;
        s->dbname[0] = '\0';
        return -1;
    }
    return 0;
}

bool srv_session_has_db(const struct srv_session *s)
{
    return s->db != NULL;
}

void srv_session_set_client_locale(struct srv_session *s, const char *db_locale)
{
    snprintf(s->client_db_locale, sizeof s->client_db_locale, "%s", db_locale ? db_locale : "");
}

const char *srv_session_db_locale(const struct srv_session *s)
{
    return s->db ? s->db_locale : "";
}

enum srv_dbkind srv_session_dbkind(const struct srv_session *s)
{
    return s->kind;
}

bool srv_session_in_txn(const struct srv_session *s)
{
    if (!s->db)
        return false;
    return s->kind == SRV_DB_ANSI ? true : s->txn;
}

void srv_session_set_delimident(struct srv_session *s, bool on)
{
    s->delimident = on;
}

void srv_session_set_file_io(struct srv_session *s, const struct srv_file_io *io)
{
    if (io)
        s->fio = *io;
    else
        memset(&s->fio, 0, sizeof s->fio);
}

static int sqlite_fail(struct srv_session *s, int rc, enum srv_err_ctx ctx, struct srv_err *err)
{
    bool nowait = s->lock_wait_ms == 0;
    srv_err_from_sqlite(err, rc, sqlite3_extended_errcode(s->db), sqlite3_errmsg(s->db), ctx,
                        nowait);
    if (s->txn && sqlite3_get_autocommit(s->db))
        s->txn = false; /* SQLite rolled the transaction back */
    return -1;
}

static int exec_simple(struct srv_session *s, const char *sql, struct srv_err *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, SRV_CTX_OTHER, err);
    return 0;
}

int srv_session_begin(struct srv_session *s, struct srv_err *err)
{
    srv_err_clear(err);
    if (!s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return -1;
    }
    if (s->kind == SRV_DB_UNLOGGED) {
        pthread_mutex_lock(&s->eng->mu);
        int code = s->eng->unlogged_begin_err;
        pthread_mutex_unlock(&s->eng->mu);
        srv_err_set(err, code, 0, 0, NULL);
        return -1;
    }
    /* Logged: -535 inside a transaction. ANSI: BEGIN WORK is allowed while no
     * statement has started the implicit transaction, -535 after. */
    if (s->txn) {
        srv_err_set(err, SRV_E_IN_TXN, 0, 0, NULL);
        return -1;
    }
    if (exec_simple(s, "BEGIN", err) < 0)
        return -1;
    s->txn = true;
    return 0;
}

int srv_session_commit(struct srv_session *s, struct srv_err *err)
{
    srv_err_clear(err);
    if (!s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return -1;
    }
    if (!s->txn) {
        if (s->kind == SRV_DB_ANSI)
            return 0; /* ANSI: commits an empty transaction */
        srv_err_set(err, SRV_E_NOT_IN_TXN, 0, 0, NULL);
        return -1;
    }
    if (exec_simple(s, "COMMIT", err) < 0)
        return -1;
    s->txn = false;
    return 0;
}

int srv_session_rollback(struct srv_session *s, struct srv_err *err)
{
    srv_err_clear(err);
    if (!s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return -1;
    }
    if (!s->txn) {
        if (s->kind == SRV_DB_ANSI)
            return 0;
        srv_err_set(err, SRV_E_NOT_IN_TXN, 0, 0, NULL);
        return -1;
    }
    int rc = sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->txn = false;
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(s->db))
        return sqlite_fail(s, rc, SRV_CTX_OTHER, err);
    return 0;
}

/* ANSI databases: a transaction starts implicitly with the first statement. */
static int ensure_txn(struct srv_session *s, struct srv_err *err)
{
    if (s->kind != SRV_DB_ANSI || s->txn)
        return 0;
    if (exec_simple(s, "BEGIN", err) < 0)
        return -1;
    s->txn = true;
    return 0;
}

/* ---- statements: describe --------------------------------------------------- */

static void fallback_type(const char *decl, struct ifx_type *ty)
{
    memset(ty, 0, sizeof *ty);
    if (decl && (strstr(decl, "INT") || strstr(decl, "int"))) {
        ty->code = SQ_T_INTEGER;
        ty->len = 4;
    } else if (decl && (strstr(decl, "REAL") || strstr(decl, "FLOA") || strstr(decl, "DOUB"))) {
        ty->code = SQ_T_FLOAT;
        ty->len = 8;
    } else {
        ty->code = SQ_T_VARCHAR;
        ty->len = 255;
    }
}

static struct cat_table *tab_cache_get(struct cat_table *cache, size_t *n, size_t cap, sqlite3 *db,
                                       const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(cache[i].name, name) == 0)
            return cache[i].tabid ? &cache[i] : NULL;
    if (*n >= cap)
        return NULL;
    struct cat_table *t = &cache[(*n)++];
    if (cat_find(db, name, t) != 1) {
        memset(t, 0, sizeof *t);
        snprintf(t->name, sizeof t->name, "%s", name);
        return NULL;
    }
    return t;
}

static const struct cat_col *star_col(const struct cat_table *tabs, size_t n, const char *name)
{
    for (size_t k = 0; name && k < n; k++) {
        const struct cat_col *c = cat_col_find(&tabs[k], name);
        if (c)
            return c;
    }
    return NULL;
}

/* Select item "rowid" / "t.rowid" naming no real column of the FROM tables. */
static bool is_rowid_ref(const struct srv_stmt *st, const struct srv_item *it,
                         const struct cat_table *tabs, size_t n)
{
    const struct srv_tok *t = &st->toks.v[it->b - 1];
    if (t->k != TK_IDENT || !srv_tok_kw(st->src, t, "rowid"))
        return false;
    for (size_t k = 0; k < n; k++)
        if (cat_col_find(&tabs[k], "rowid"))
            return false;
    return true;
}

static int describe(struct srv_stmt *st, struct srv_err *err)
{
    size_t n = (size_t)sqlite3_column_count(st->vm);
    if (n == 0)
        return 0;
    if (n > SQ_MAX_COLUMNS) {
        srv_err_set(err, SRV_E_SYNTAX, 0, 0, NULL);
        return -1;
    }
    st->cols = sq_calloc(n, sizeof *st->cols);
    st->ctypes = sq_calloc(n, sizeof *st->ctypes);
    st->vbuf = sq_calloc(n, sizeof *st->vbuf);
    if (!st->cols || !st->ctypes || !st->vbuf) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    st->ncols = n;
    struct cat_table cache[16];
    size_t ncache = 0;
    /* Tables of the FROM clause, for typing expressions. */
    struct cat_table ftabs[16];
    size_t nf = 0;
    for (size_t k = 0; k < st->x.ntabs && nf < 16; k++) {
        if (cat_find(st->s->db, st->x.tabs[k], &ftabs[nf]) == 1)
            nf++;
    }
    /* Map result columns to select-list items; a star covers several. */
    size_t nstar = 0;
    for (size_t k = 0; k < st->x.nitems; k++)
        nstar += st->x.items[k].star;
    size_t star_cols = n > st->x.nitems - nstar ? n - (st->x.nitems - nstar) : 0;
    size_t item = 0, in_star = 0;
    uint32_t tuple = 0;
    for (size_t i = 0; i < n; i++) {
        const struct srv_item *it = NULL;
        if (nstar <= 1 && item < st->x.nitems) {
            it = &st->x.items[item];
            if (it->star) {
                if (++in_star >= star_cols) {
                    item++;
                    in_star = 0;
                }
                it = NULL;
            } else {
                item++;
            }
        }
        struct ifx_type ty;
        char name[129] = "";
        const char *tab = sqlite3_column_table_name(st->vm, (int)i);
        const char *orig = sqlite3_column_origin_name(st->vm, (int)i);
        bool plain = it == NULL || (it->b - it->a == 1) ||
                     (it->b - it->a == 3 && srv_tok_op(st->src, &st->toks.v[it->a + 1], "."));
        const struct cat_col *cc = NULL;
        if (tab && orig && plain) {
            struct cat_table *t = tab_cache_get(cache, &ncache, 16, st->s->db, tab);
            if (t)
                cc = cat_col_find(t, orig);
        }
        if (cc) {
            /* Type from the origin column; name as the query names it (a view's
             * column list renames the base table's columns). */
            ty = cc->ty;
            if (it && it->b - it->a == 1)
                srv_tok_ident(st->src, &st->toks.v[it->a], name, sizeof name);
            else if (it)
                srv_tok_ident(st->src, &st->toks.v[it->a + 2], name, sizeof name);
            else
                snprintf(name, sizeof name, "%s", sqlite3_column_name(st->vm, (int)i));
        } else if (it && plain && is_rowid_ref(st, it, ftabs, nf)) {
            /* Informix's ROWID pseudo-column (SQLite's rowid): INTEGER. */
            memset(&ty, 0, sizeof ty);
            ty.code = SQ_T_INTEGER;
            ty.len = 4;
            snprintf(name, sizeof name, "rowid");
        } else if (it) {
            srv_type_expr(st->src, st->toks.v, it->a, it->b, ftabs, nf, &ty, name, sizeof name);
        } else if (!it && (cc = star_col(ftabs, nf, sqlite3_column_name(st->vm, (int)i)))) {
            ty = cc->ty; /* a view's computed column, typed in syscolumns */
            snprintf(name, sizeof name, "%s", cc->name);
        } else {
            fallback_type(sqlite3_column_decltype(st->vm, (int)i), &ty);
            snprintf(name, sizeof name, "%s", orig ? orig : sqlite3_column_name(st->vm, (int)i));
        }
        if (it && it->alias)
            srv_tok_ident(st->src, &st->toks.v[it->alias], name, sizeof name);
        st->ctypes[i] = ty;
        ifx_type_describe(&ty, name, &st->cols[i]);
        uint32_t w = ifx_type_width(&ty);
        tuple = tuple > UINT32_MAX - w ? UINT32_MAX : tuple + w;
    }
    st->tuple_size = tuple;
    for (size_t k = 0; k < ncache; k++)
        cat_table_fini(&cache[k]);
    for (size_t k = 0; k < nf; k++)
        cat_table_fini(&ftabs[k]);
    return 0;
}

static int describe_params(struct srv_stmt *st, struct srv_err *err)
{
    size_t n = st->x.nparams;
    if (n == 0)
        return 0;
    st->pcols = sq_calloc(n, sizeof *st->pcols);
    if (!st->pcols) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (st->x.params[i].known)
            ifx_type_describe(&st->x.params[i].ty, st->x.params[i].name, &st->pcols[i]);
    return 0;
}

static enum srv_err_ctx stmt_ctx(const struct srv_stmt *st)
{
    switch (st->x.stype) {
    case SQ_STMT_SELECT:
        return SRV_CTX_SELECT;
    case SQ_STMT_INSERT:
        return SRV_CTX_INSERT;
    case SQ_STMT_UPDATE:
        return SRV_CTX_UPDATE;
    case SQ_STMT_DELETE:
        return SRV_CTX_DELETE;
    default:
        return SRV_CTX_OTHER;
    }
}

/* SQLite failed on st: map to Informix, resolving constraint names. */
static int stmt_fail(struct srv_stmt *st, int rc, struct srv_err *err)
{
    struct srv_session *s = st->s;
    sqlite_fail(s, rc, stmt_ctx(st), err);
    if (!err)
        return -1;
    if (err->sqlcode == SRV_E_DUP_CONSTR && strchr(err->text, '.')) {
        /* "t.a, t.b" → table t, columns "a,b". */
        char table[129] = "", cols[256] = "";
        const char *p = err->text;
        while (*p) {
            const char *dot = strchr(p, '.');
            if (!dot)
                break;
            snprintf(table, sizeof table, "%.*s", (int)(dot - p), p);
            const char *end = strstr(dot, ", ");
            size_t used = strlen(cols);
            size_t len = end ? (size_t)(end - dot - 1) : strlen(dot + 1);
            snprintf(cols + used, sizeof cols - used, "%s%.*s", used ? "," : "", (int)len, dot + 1);
            p = end ? end + 2 : dot + 1 + len;
        }
        char name[129];
        char kind = cat_unique_name(s->db, table, cols, name, sizeof name);
        if (kind == 'I')
            srv_err_set(err, SRV_E_DUP_INDEX, SRV_ISAM_DUP, 0, name);
        else if (kind)
            srv_err_set(err, SRV_E_DUP_CONSTR, SRV_ISAM_DUP, 0, name);
    } else if (err->sqlcode == SRV_E_FK_MISSING || err->sqlcode == SRV_E_FK_REFERENCED) {
        char name[129];
        if (st->x.ntabs > 0 &&
            cat_fk_name(s->db, st->x.tabs[0], err->sqlcode == SRV_E_FK_MISSING, name, sizeof name))
            snprintf(err->text, sizeof err->text, "%s", name);
    } else if (err->sqlcode == SRV_E_SYNTAX) {
        int off = sqlite3_error_offset(s->db);
        err->offset = off >= 0 ? srv_xlate_src_offset(&st->x, (uint32_t)off) : 0;
    }
    return -1;
}

struct srv_stmt *srv_stmt_prepare(struct srv_session *s, const char *sql, size_t len,
                                  struct srv_err *err)
{
    srv_err_clear(err);
    struct srv_stmt *st = sq_calloc(1, sizeof *st);
    if (!st || !(st->src = sq_strndup(sql, len))) {
        sq_free(st);
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return NULL;
    }
    st->s = s;
    st->next = s->stmts;
    if (s->stmts)
        s->stmts->prev = st;
    s->stmts = st;
    if (srv_xlate(s, st->src, len, &st->x, &st->toks, err) < 0)
        goto fail;
    bool needs_db = !(st->x.action == ACT_DATABASE || st->x.action == ACT_CREATE_DATABASE ||
                      st->x.action == ACT_DROP_DATABASE);
    if (needs_db && !s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        goto fail;
    }
    if (st->x.need_sysdatabases &&
        (refresh_sysdatabases(s, err) < 0 || cat_sysmaster_refresh(s, err) < 0))
        goto fail;
    if ((st->x.action == ACT_SQLITE || st->x.action == ACT_SQLITE_DDL) && st->x.sql) {
        const char *tail = NULL;
        int rc =
            sqlite3_prepare_v3(s->db, st->x.sql, -1, SQLITE_PREPARE_PERSISTENT, &st->vm, &tail);
        if (rc != SQLITE_OK) {
            stmt_fail(st, rc, err);
            goto fail;
        }
        if (st->x.has_rows && describe(st, err) < 0)
            goto fail;
    }
    if (describe_params(st, err) < 0)
        goto fail;
    return st;
fail:
    srv_stmt_free(st);
    return NULL;
}

static void unmaterialize(struct srv_stmt *st)
{
    sqlite3_finalize(st->sp_ins);
    sqlite3_finalize(st->sp_get);
    if (st->sp_db)
        sqlite3_close(st->sp_db); /* deletes the temporary file */
    st->sp_ins = st->sp_get = st->rd = NULL;
    st->sp_db = NULL;
    st->nrows = 0;
    st->sp_done = false;
    st->mat = false;
}

void srv_stmt_free(struct srv_stmt *st)
{
    if (!st)
        return;
    if (st->s) {
        if (st->prev)
            st->prev->next = st->next;
        else
            st->s->stmts = st->next;
        if (st->next)
            st->next->prev = st->prev;
    }
    if (st->vm)
        sqlite3_finalize(st->vm);
    unmaterialize(st);
    if (st->vbuf)
        for (size_t i = 0; i < st->ncols; i++)
            sq_buf_fini(&st->vbuf[i]);
    sq_free(st->vbuf);
    sq_free(st->cols);
    sq_free(st->ctypes);
    sq_free(st->pcols);
    srv_xlate_fini(&st->x);
    srv_toks_fini(&st->toks);
    sq_free(st->src);
    sq_free(st);
}

int srv_stmt_type(const struct srv_stmt *st)
{
    return st->x.stype;
}

bool srv_stmt_returns_rows(const struct srv_stmt *st)
{
    return st->x.has_rows && st->ncols > 0;
}

size_t srv_stmt_ncols(const struct srv_stmt *st)
{
    return st->ncols;
}

const struct srv_col *srv_stmt_col(const struct srv_stmt *st, size_t i)
{
    return i < st->ncols ? &st->cols[i] : NULL;
}

size_t srv_stmt_nparams(const struct srv_stmt *st)
{
    return st->x.nparams;
}

const struct srv_col *srv_stmt_param(const struct srv_stmt *st, size_t i)
{
    if (i >= st->x.nparams || !st->x.params[i].known)
        return NULL;
    return &st->pcols[i];
}

uint32_t srv_stmt_tuple_size(const struct srv_stmt *st)
{
    return st->tuple_size;
}

static bool stmt_usable(struct srv_stmt *st, struct srv_err *err)
{
    if (!st->s || st->dead || !st->s->db) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return false;
    }
    return true;
}

static int stmt_bind_max(struct srv_stmt *st, size_t i, const struct srv_val *v, size_t max,
                         struct srv_err *err);

int srv_stmt_bind(struct srv_stmt *st, size_t i, const struct srv_val *v, struct srv_err *err)
{
    return stmt_bind_max(st, i, v, SQ_MAX_LVARCHAR, err);
}

int srv_stmt_bind_lob(struct srv_stmt *st, size_t i, const struct srv_val *v,
                      struct srv_err *err)
{
    return stmt_bind_max(st, i, v, SRV_MAX_LOB, err);
}

static int stmt_bind_max(struct srv_stmt *st, size_t i, const struct srv_val *v, size_t max,
                         struct srv_err *err)
{
    srv_err_clear(err);
    if (i >= st->x.nparams) {
        srv_err_set(err, SRV_E_HOSTVARS, 0, 0, NULL);
        return -1;
    }
    if (!stmt_usable(st, err))
        return -1;
    if (!st->vm)
        return 0;
    if (st->is_open)
        srv_stmt_close(st);
    sqlite3_reset(st->vm);
    int idx = (int)i + 1, rc;
    switch (v->k) {
    case SRV_V_NULL:
        rc = sqlite3_bind_null(st->vm, idx);
        break;
    case SRV_V_INT:
        rc = sqlite3_bind_int64(st->vm, idx, v->i);
        break;
    case SRV_V_FLOAT:
        rc = sqlite3_bind_double(st->vm, idx, v->f);
        break;
    case SRV_V_TEXT:
        if (v->n > max) {
            srv_err_set(err, SRV_E_STR_TOO_LONG, 0, 0, NULL);
            return -1;
        }
        rc =
            sqlite3_bind_text64(st->vm, idx, v->p ? v->p : "", v->n, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    default:
        if (v->n > max) {
            srv_err_set(err, SRV_E_STR_TOO_LONG, 0, 0, NULL);
            return -1;
        }
        rc = sqlite3_bind_blob64(st->vm, idx, v->p ? (const void *)v->p : "", v->n,
                                 SQLITE_TRANSIENT);
        break;
    }
    if (rc == SQLITE_RANGE)
        return 0; /* the translated text does not use this marker */
    if (rc != SQLITE_OK) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    return 0;
}

/* ---- statements: DDL ------------------------------------------------------- */

static void col_sql(struct sq_buf *q, const struct srv_ddl_col *c)
{
    sb_ident(q, c->name);
    sb_printf(q, " %s", ifx_type_affinity(&c->ty));
    if (c->ty.notnull)
        sb_puts(q, " NOT NULL");
    if (ifx_type_is_serial(c->ty.code)) {
        sb_puts(q, " DEFAULT 0");
    } else if (c->def_sql) {
        sb_printf(q, " DEFAULT (ifx_co(%s, %u, %u, %u))", c->def_sql, (unsigned)c->ty.code,
                  (unsigned)c->ty.len, (unsigned)c->ty.xid);
    }
    if (c->ty.code == SQ_T_CHAR || c->ty.code == SQ_T_NCHAR)
        sb_puts(q, " COLLATE ifxchar"); /* CHAR compares without trailing blanks */
}

static void ident_list(struct sq_buf *q, const char *csv)
{
    sb_puts(q, "(");
    const char *p = csv;
    bool first = true;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        char nm[129];
        snprintf(nm, sizeof nm, "%.*s", (int)n, p);
        if (!first)
            sb_puts(q, ", ");
        sb_ident(q, nm);
        first = false;
        p += n + (c ? 1 : 0);
    }
    sb_puts(q, ")");
}

static int exec_sql(struct srv_session *s, struct sq_buf *q, struct srv_err *err)
{
    char *sql = sb_take(q);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    sq_free(sql);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, SRV_CTX_OTHER, err);
    return 0;
}

static int create_table(struct srv_stmt *st, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct srv_ddl *d = st->x.ddl;
    struct cat_table t;
    int found = cat_find(s->db, st->x.name, &t);
    if (found == 1) {
        cat_table_fini(&t);
        if (d->if_not_exists)
            return 0;
        srv_err_set(err, SRV_E_TABLE_EXISTS, 0, 0, st->x.name);
        return -1;
    }
    for (size_t i = 0; i < d->ncols; i++)
        for (size_t j = i + 1; j < d->ncols; j++)
            if (strcmp(d->cols[i].name, d->cols[j].name) == 0) {
                srv_err_set(err, SRV_E_COL_EXISTS, 0, 0, d->cols[j].name);
                return -1;
            }
    struct cat_col *cc = sq_calloc(d->ncols, sizeof *cc);
    if (!cc) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    for (size_t i = 0; i < d->ncols; i++) {
        snprintf(cc[i].name, sizeof cc[i].name, "%s", d->cols[i].name);
        cc[i].ty = d->cols[i].ty;
    }
    int64_t tabid = cat_add_table(s->db, st->x.name, s->user, st->x.temp, 'T', cc, d->ncols, err);
    sq_free(cc);
    if (tabid < 0)
        return -1;
    memset(&t, 0, sizeof t);
    t.tabid = tabid;
    t.temp = st->x.temp;
    snprintf(t.name, sizeof t.name, "%s", st->x.name);
    for (size_t k = 0; k < d->ncons; k++) {
        struct srv_ddl_con *c = &d->cons[k];
        if (cat_add_constraint(s->db, &t, c->name, c->type, c->cols, c->reftab, err) < 0)
            return -1;
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_printf(&q, "CREATE %sTABLE ", st->x.temp ? "TEMP " : "");
    sb_ident(&q, st->x.name);
    sb_puts(&q, " (");
    for (size_t i = 0; i < d->ncols; i++) {
        if (i)
            sb_puts(&q, ", ");
        col_sql(&q, &d->cols[i]);
    }
    for (size_t k = 0; k < d->ncons; k++) {
        struct srv_ddl_con *c = &d->cons[k];
        sb_puts(&q, ", CONSTRAINT ");
        sb_ident(&q, c->name);
        switch (c->type) {
        case 'P':
            sb_puts(&q, " PRIMARY KEY ");
            ident_list(&q, c->cols);
            break;
        case 'U':
            sb_puts(&q, " UNIQUE ");
            ident_list(&q, c->cols);
            break;
        case 'R':
            sb_puts(&q, " FOREIGN KEY ");
            ident_list(&q, c->cols);
            sb_puts(&q, " REFERENCES ");
            sb_ident(&q, c->reftab);
            if (c->refcols[0])
                ident_list(&q, c->refcols);
            if (c->check_sql)
                sb_puts(&q, " ON DELETE CASCADE");
            break;
        default:
            sb_printf(&q, " CHECK (%s)", c->check_sql ? c->check_sql : "1");
            break;
        }
    }
    sb_puts(&q, ")");
    if (exec_sql(s, &q, err) < 0)
        return -1;
    /* SERIAL columns: counter row + trigger generating Informix's values. */
    for (size_t i = 0; i < d->ncols; i++) {
        const struct srv_ddl_col *c = &d->cols[i];
        if (!ifx_type_is_serial(c->ty.code))
            continue;
        const char *ser = st->x.temp ? "ifx_tifx_serials" : "ifx_serials";
        char tabq[300], colq[300];
        struct sq_buf tq = SQ_BUF_INIT, cq = SQ_BUF_INIT;
        sb_ident(&tq, st->x.name);
        sb_ident(&cq, c->name);
        char *tqs = sb_take(&tq), *cqs = sb_take(&cq);
        snprintf(tabq, sizeof tabq, "%s", tqs ? tqs : "\"\"");
        snprintf(colq, sizeof colq, "%s", cqs ? cqs : "\"\"");
        sq_free(tqs);
        sq_free(cqs);
        sb_printf(&q, "INSERT INTO %s%s VALUES (%lld, %zu, %lld);", st->x.temp ? "temp." : "main.",
                  ser, (long long)tabid, i + 1, (long long)c->serial_start - 1);
        sb_printf(&q,
                  "CREATE %sTRIGGER \"ifx_serial_%lld_%zu\" AFTER INSERT ON %s FOR EACH ROW BEGIN"
                  " UPDATE %s SET val = CASE WHEN NEW.%s = 0 THEN val + 1"
                  " ELSE max(val, NEW.%s) END WHERE tabid = %lld AND colno = %zu;"
                  " UPDATE %s SET %s = (SELECT val FROM %s WHERE tabid = %lld AND colno = %zu)"
                  " WHERE rowid = NEW.rowid AND NEW.%s = 0;"
                  " SELECT ifx_note_serial(%u, (SELECT %s FROM %s WHERE rowid = NEW.rowid));"
                  " END;",
                  st->x.temp ? "TEMP " : "", (long long)tabid, i + 1, tabq, ser, colq, colq,
                  (long long)tabid, i + 1, tabq, colq, ser, (long long)tabid, i + 1, colq,
                  (unsigned)c->ty.code, colq, tabq);
        if (exec_sql(s, &q, err) < 0)
            return -1;
    }
    return 0;
}

static int drop_table(struct srv_stmt *st, bool view, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct cat_table t;
    int found = cat_find(s->db, st->x.name, &t);
    if (found != 1) {
        if (st->x.if_exists)
            return 0;
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, st->x.name);
        return -1;
    }
    if (t.tabid < 100) {
        cat_table_fini(&t);
        srv_err_set(err, SRV_E_NOT_OWNER, 0, 0, st->x.name); /* the system catalog */
        return -1;
    }
    if (t.base[0]) { /* a synonym: DROP SYNONYM removes it, never its table */
        cat_table_fini(&t);
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, st->x.name);
        return -1;
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_printf(&q, "DROP %s %s", t.tabtype == 'V' || view ? "VIEW" : "TABLE",
              t.temp ? "temp." : "main.");
    sb_ident(&q, st->x.name);
    int rc = exec_sql(s, &q, err);
    if (rc == 0)
        rc = cat_drop_table(s->db, &t, err);
    cat_table_fini(&t);
    return rc;
}

static int create_view(struct srv_stmt *st, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct cat_table t;
    if (cat_find(s->db, st->x.name, &t) == 1) {
        cat_table_fini(&t);
        if (st->x.if_exists)
            return 0;
        srv_err_set(err, SRV_E_TABLE_EXISTS, 0, 0, st->x.name);
        return -1;
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_puts(&q, "CREATE VIEW ");
    sb_ident(&q, st->x.name);
    if (st->x.sql)
        sb_printf(&q, " (%s)", st->x.sql);
    sb_printf(&q, " AS %s", st->x.sql2);
    if (exec_sql(s, &q, err) < 0)
        return -1;
    /* Describe the view's SELECT the Informix way for syscolumns. */
    size_t off = (size_t)st->x.arg, len = strlen(st->src);
    struct srv_stmt *d = off < len ? srv_stmt_prepare(s, st->src + off, len - off, err) : NULL;
    if (!d)
        return -1;
    const struct srv_ddl *names = st->x.ddl;
    if (names && names->ncols != d->ncols) {
        srv_stmt_free(d);
        srv_err_set(err, SRV_E_NCOLS_VIEW, 0, 0, NULL);
        return -1;
    }
    struct cat_col *cc = sq_calloc(d->ncols ? d->ncols : 1, sizeof *cc);
    int64_t rc = -1;
    if (cc) {
        for (size_t i = 0; i < d->ncols; i++) {
            snprintf(cc[i].name, sizeof cc[i].name, "%s",
                     names ? names->cols[i].name : d->cols[i].name);
            cc[i].ty = d->ctypes[i];
            cc[i].ty.notnull = false;
        }
        rc = cat_add_table(s->db, st->x.name, s->user, false, 'V', cc, d->ncols, err);
        if (rc >= 0 && cat_add_view_text(s->db, rc, st->src, err) < 0)
            rc = -1;
    } else {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
    }
    sq_free(cc);
    srv_stmt_free(d);
    return rc < 0 ? -1 : 0;
}

/* The storage value of a column's DEFAULT as an SQL literal (ALTER ADD). */
static int default_literal(struct srv_session *s, const struct srv_ddl_col *c, char **out,
                           struct srv_err *err)
{
    struct sq_buf q = SQ_BUF_INIT;
    sb_printf(&q, "SELECT quote(ifx_co(%s, %u, %u, %u))", c->def_sql, (unsigned)c->ty.code,
              (unsigned)c->ty.len, (unsigned)c->ty.xid);
    char *sql = sb_take(&q);
    sqlite3_stmt *vm = NULL;
    int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &vm, NULL) : SQLITE_NOMEM;
    sq_free(sql);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(vm);
    if (rc != SQLITE_ROW) {
        sqlite_fail(s, rc, SRV_CTX_OTHER, err);
        sqlite3_finalize(vm);
        return -1;
    }
    /* TODO(2): TODAY/CURRENT defaults of added columns are fixed at ALTER time. */
    *out = sq_strdup((const char *)sqlite3_column_text(vm, 0));
    sqlite3_finalize(vm);
    if (!*out) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    return 0;
}

static int alter_table(struct srv_stmt *st, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct cat_table t;
    int found = cat_find(s->db, st->x.name, &t);
    if (found != 1) {
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, st->x.name);
        return -1;
    }
    int rc = 0;
    if (st->x.action == ACT_ALTER_ADD) {
        for (size_t i = 0; i < st->x.ddl->ncols && rc == 0; i++) {
            const struct srv_ddl_col *c = &st->x.ddl->cols[i];
            if (cat_col_find(&t, c->name)) {
                srv_err_set(err, SRV_E_COL_EXISTS, 0, 0, c->name);
                rc = -1;
                break;
            }
            if (ifx_type_is_serial(c->ty.code)) {
                srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, NULL); /* TODO(2): ADD of a SERIAL */
                rc = -1;
                break;
            }
            /* SQLite wants a constant default here: evaluate it now. */
            struct srv_ddl_col cdef = *c;
            char *lit = NULL;
            if (c->def_sql && default_literal(s, c, &lit, err) < 0) {
                rc = -1;
                break;
            }
            cdef.def_sql = NULL;
            struct sq_buf q = SQ_BUF_INIT;
            sb_printf(&q, "ALTER TABLE %s", t.temp ? "temp." : "main.");
            sb_ident(&q, t.name);
            sb_puts(&q, " ADD COLUMN ");
            col_sql(&q, &cdef);
            if (lit)
                sb_printf(&q, " DEFAULT %s", lit);
            sq_free(lit);
            rc = exec_sql(s, &q, err);
            struct cat_col cc;
            memset(&cc, 0, sizeof cc);
            snprintf(cc.name, sizeof cc.name, "%s", c->name);
            cc.ty = c->ty;
            if (rc == 0)
                rc = cat_add_column(s->db, &t, &cc, err);
            cat_table_fini(&t);
            if (rc == 0 && cat_find(s->db, st->x.name, &t) != 1)
                rc = -1;
        }
    } else {
        if (!cat_col_find(&t, st->x.name2)) {
            srv_err_set(err, SRV_E_NO_COLUMN, 0, 0, st->x.name2);
            rc = -1;
        } else {
            struct sq_buf q = SQ_BUF_INIT;
            sb_printf(&q, "ALTER TABLE %s", t.temp ? "temp." : "main.");
            sb_ident(&q, t.name);
            sb_puts(&q, " DROP COLUMN ");
            sb_ident(&q, st->x.name2);
            rc = exec_sql(s, &q, err);
            if (rc == 0)
                rc = cat_drop_column(s->db, &t, st->x.name2, err);
        }
    }
    cat_table_fini(&t);
    return rc;
}

static int rename_obj(struct srv_stmt *st, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct cat_table t;
    if (cat_find(s->db, st->x.name, &t) != 1) {
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, st->x.name);
        return -1;
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_printf(&q, "ALTER TABLE %s", t.temp ? "temp." : "main.");
    sb_ident(&q, t.name);
    int rc;
    if (st->x.action == ACT_RENAME_TABLE) {
        struct cat_table other;
        if (cat_find(s->db, st->x.name2, &other) == 1) {
            cat_table_fini(&other);
            cat_table_fini(&t);
            sq_buf_fini(&q);
            srv_err_set(err, SRV_E_TABLE_EXISTS, 0, 0, st->x.name2);
            return -1;
        }
        sb_puts(&q, " RENAME TO ");
        sb_ident(&q, st->x.name2);
        rc = exec_sql(s, &q, err);
        if (rc == 0)
            rc = cat_rename_table(s->db, &t, st->x.name2, err);
    } else {
        if (!cat_col_find(&t, st->x.name2)) {
            cat_table_fini(&t);
            sq_buf_fini(&q);
            srv_err_set(err, SRV_E_NO_COLUMN, 0, 0, st->x.name2);
            return -1;
        }
        sb_puts(&q, " RENAME COLUMN ");
        sb_ident(&q, st->x.name2);
        sb_puts(&q, " TO ");
        sb_ident(&q, st->x.name3);
        rc = exec_sql(s, &q, err);
        if (rc == 0)
            rc = cat_rename_column(s->db, &t, st->x.name2, st->x.name3, err);
    }
    cat_table_fini(&t);
    return rc;
}

/* Run several SQLite statements as one Informix statement. */
static int atomic_begin(struct srv_session *s, struct srv_err *err)
{
    return exec_simple(s, "SAVEPOINT ifx_stmt", err);
}

static int atomic_end(struct srv_session *s, int rc)
{
    if (rc == 0) {
        sqlite3_exec(s->db, "RELEASE ifx_stmt", NULL, NULL, NULL);
    } else {
        sqlite3_exec(s->db, "ROLLBACK TO ifx_stmt", NULL, NULL, NULL);
        sqlite3_exec(s->db, "RELEASE ifx_stmt", NULL, NULL, NULL);
    }
    return rc;
}

static int run_internal(struct srv_stmt *st, struct srv_err *err)
{
    struct srv_session *s = st->s;
    struct srv_xlate *x = &st->x;
    int rc;
    switch (x->action) {
    case ACT_NOOP:
        return 0;
    case ACT_BEGIN:
        return srv_session_begin(s, err);
    case ACT_COMMIT:
        return srv_session_commit(s, err);
    case ACT_ROLLBACK:
        return srv_session_rollback(s, err);
    case ACT_SAVEPOINT:
    case ACT_RELEASE:
    case ACT_ROLLBACK_TO: {
        if (s->kind == SRV_DB_UNLOGGED) {
            srv_err_set(err, SRV_E_NO_TXN, 0, 0, NULL);
            return -1;
        }
        if (ensure_txn(s, err) < 0)
            return -1;
        if (!s->txn) {
            srv_err_set(err, SRV_E_NOT_IN_TXN, 0, 0, NULL);
            return -1;
        }
        struct sq_buf q = SQ_BUF_INIT;
        sb_puts(&q, x->action == ACT_SAVEPOINT ? "SAVEPOINT "
                    : x->action == ACT_RELEASE ? "RELEASE SAVEPOINT "
                                               : "ROLLBACK TO SAVEPOINT ");
        sb_ident(&q, x->name);
        return exec_sql(s, &q, err);
    }
    case ACT_LOCKMODE:
        /* WAIT without seconds is bounded by the engine's lock timeout (no endless hangs). */
        s->lock_wait_ms = x->arg < 0 ? -1 : x->arg * 1000;
        apply_lock_wait(s);
        return 0;
    case ACT_DATABASE:
        return srv_session_dbopen(s, x->name, err);
    case ACT_CLOSE_DATABASE:
        return srv_session_dbclose(s, err);
    case ACT_CREATE_DATABASE: {
        char *path = valid_dbname(x->name) ? db_path(s->eng, x->name) : NULL;
        bool exists = path && access(path, F_OK) == 0;
        sq_free(path);
        if (exists || !valid_dbname(x->name)) {
            srv_err_set(err, SRV_E_DB_EXISTS, 0, 0, x->name);
            return -1;
        }
        char cs_name[32]; /* Informix: the creating client's DB_LOCALE */
        bool known = srv_cs_codeset(s->client_db_locale, cs_name, sizeof cs_name);
        if (srv_engine_create_db_locale(s->eng, x->name, (enum srv_dbkind)x->arg,
                                        known ? s->client_db_locale : NULL, err) < 0)
            return -1;
        return srv_session_dbopen(s, x->name, err); /* CREATE DATABASE makes it current */
    }
    case ACT_DROP_DATABASE: {
        if (s->db && strcmp(s->dbname, x->name) == 0) {
            srv_err_set(err, SRV_E_DB_IN_USE, 0, 0, x->name);
            return -1;
        }
        char *path = valid_dbname(x->name) ? db_path(s->eng, x->name) : NULL;
        if (!path || access(path, F_OK) != 0) {
            sq_free(path);
            srv_err_set(err, SRV_E_DB_MISSING, 0, 0, x->name);
            return -1;
        }
        pthread_mutex_lock(&s->eng->mu);
        unlink(path);
        size_t n = strlen(path) + 8;
        char *aux = sq_malloc(n);
        if (aux) {
            snprintf(aux, n, "%s-wal", path);
            unlink(aux);
            snprintf(aux, n, "%s-shm", path);
            unlink(aux);
        }
        pthread_mutex_unlock(&s->eng->mu);
        sq_free(aux);
        sq_free(path);
        return 0;
    }
    default:
        break;
    }
    if (atomic_begin(s, err) < 0)
        return -1;
    switch (x->action) {
    case ACT_CREATE_TABLE:
        rc = create_table(st, err);
        break;
    case ACT_DROP_TABLE:
        rc = drop_table(st, false, err);
        break;
    case ACT_DROP_VIEW:
        rc = drop_table(st, true, err);
        break;
    case ACT_CREATE_VIEW:
        rc = create_view(st, err);
        break;
    case ACT_ALTER_ADD:
    case ACT_ALTER_DROP:
        rc = alter_table(st, err);
        break;
    case ACT_RENAME_TABLE:
    case ACT_RENAME_COLUMN:
        rc = rename_obj(st, err);
        break;
    case ACT_CREATE_SYNONYM:
        rc = cat_create_synonym(s->db, x->name, s->user, x->arg != 0, x->name2, x->if_exists,
                                err);
        break;
    case ACT_DROP_SYNONYM:
        rc = cat_drop_synonym(s->db, x->name, x->if_exists, err);
        break;
    case ACT_GRANT:
    case ACT_REVOKE:
        rc = x->grant ? cat_grant(s->db, s->user, x->name, x->grant, x->action == ACT_REVOKE, err)
                      : 0;
        break;
    default:
        srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, NULL);
        rc = -1;
        break;
    }
    if (rc == 0) /* keep sysindices, sysreferences and nindexes true */
        rc = cat_sync(s->db, err);
    return atomic_end(s, rc);
}

static bool starts_txn(int action)
{
    return !(action == ACT_BEGIN || action == ACT_COMMIT || action == ACT_ROLLBACK ||
             action == ACT_DATABASE || action == ACT_CLOSE_DATABASE ||
             action == ACT_CREATE_DATABASE || action == ACT_DROP_DATABASE ||
             action == ACT_LOCKMODE || action == ACT_NOOP);
}

int srv_stmt_execute(struct srv_stmt *st, struct srv_exec_result *res, struct srv_err *err)
{
    srv_err_clear(err);
    memset(res, 0, sizeof *res);
    bool needs_db = !(st->x.action == ACT_DATABASE || st->x.action == ACT_CREATE_DATABASE ||
                      st->x.action == ACT_DROP_DATABASE);
    if (!st->s || st->dead || (needs_db && !st->s->db)) {
        srv_err_set(err, SRV_E_NO_DB, 0, 0, NULL);
        return -1;
    }
    struct srv_session *s = st->s;
    if (needs_db && starts_txn(st->x.action) && ensure_txn(s, err) < 0)
        return -1;
    if (st->x.action != ACT_SQLITE && st->x.action != ACT_SQLITE_DDL)
        return run_internal(st, err);
    if (!st->vm) {
        srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, NULL);
        return -1;
    }
    if (st->is_open)
        srv_stmt_close(st);
    sqlite3_reset(st->vm);
    s->cur_serial = 0;
    s->cur_serial8 = 0;
    s->cur_bigserial = 0;
    int rc;
    int64_t rows = 0;
    clock_start(st);
    clock_enter(st);
    while ((rc = sqlite3_step(st->vm)) == SQLITE_ROW)
        rows++;
    clock_leave(st);
    if (rc != SQLITE_DONE) {
        stmt_fail(st, rc, err);
        sqlite3_reset(st->vm);
        return -1;
    }
    sqlite3_reset(st->vm);
    if (st->x.action == ACT_SQLITE_DDL && cat_sync(s->db, err) < 0)
        return -1; /* CREATE/DROP INDEX: sysindices and nindexes follow */
    bool dml = st->x.stype == SQ_STMT_INSERT || st->x.stype == SQ_STMT_UPDATE ||
               st->x.stype == SQ_STMT_DELETE;
    res->rows = dml ? sqlite3_changes64(s->db) : rows;
    res->is_insert = st->x.stype == SQ_STMT_INSERT;
    if (res->is_insert) {
        res->rowid = res->rows > 0 ? sqlite3_last_insert_rowid(s->db) : 0;
        res->serial = s->cur_serial;
        res->serial8 = s->cur_serial8;
        res->bigserial = s->cur_bigserial;
        if (s->cur_serial)
            s->last_serial = s->cur_serial;
        if (s->cur_serial8)
            s->last_serial8 = s->cur_serial8;
        if (s->cur_bigserial)
            s->last_bigserial = s->cur_bigserial;
    }
    s->last_rows = res->rows;
    return 0;
}

/* ---- statements: cursors ---------------------------------------------------- */

int srv_stmt_open(struct srv_stmt *st, struct srv_err *err)
{
    srv_err_clear(err);
    if (!stmt_usable(st, err))
        return -1;
    if (!st->vm || !st->x.has_rows) {
        srv_err_set(err, SRV_E_NOT_OPEN, 0, 0, NULL);
        return -1;
    }
    if (ensure_txn(st->s, err) < 0)
        return -1;
    srv_stmt_close(st);
    clock_start(st);
    clock_enter(st);
    int rc = sqlite3_step(st->vm);
    clock_leave(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        stmt_fail(st, rc, err);
        sqlite3_reset(st->vm);
        return -1;
    }
    st->pending = rc;
    st->is_open = true;
    st->pos = 0;
    return 0;
}

/* Copy n bytes and a NUL into the column's buffer: out views them. One
 * reservation (this runs for most values of every fetched row). */
static void set_text_val(struct sq_buf *b, struct srv_val *out, const char *p, size_t n,
                         enum srv_vk k)
{
    sq_buf_reset(b);
    bool ok = n < SIZE_MAX && (b->cap > n || sq_buf_reserve(b, n + 1));
    if (ok) {
        if (n)
            memcpy(b->data, p, n);
        b->data[n] = '\0';
        b->len = n + 1;
    } else {
        b->oom = true;
    }
    out->k = k;
    out->p = ok ? (const char *)b->data : "";
    out->n = ok ? n : 0;
}

/* Convert column i of the current row to the described Informix type. */
static int convert_col(struct srv_stmt *st, size_t i, struct srv_val *out, struct srv_err *err)
{
    const struct ifx_type *ty = &st->ctypes[i];
    sqlite3_value *v = sqlite3_column_value(st->rd ? st->rd : st->vm, (int)i);
    int t = sqlite3_value_type(v);
    memset(out, 0, sizeof *out);
    if (t == SQLITE_NULL) {
        out->k = SRV_V_NULL;
        return 0;
    }
    struct sq_buf *b = &st->vbuf[i];
    char tmp[2 * IFX_DEC_MAXDIG + 16];
    if (ifx_type_is_int(ty->code) || ty->code == IFX_T_BOOLEAN) {
        out->k = SRV_V_INT;
        if (t == SQLITE_INTEGER) {
            out->i = sqlite3_value_int64(v);
        } else if (t == SQLITE_FLOAT) {
            double f = sqlite3_value_double(v);
            out->i = f >= 9.2e18 ? INT64_MAX : f <= -9.2e18 ? -INT64_MAX : (int64_t)f;
        } else {
            struct srv_sval sv;
            struct ifx_type it = {SQ_T_BIGINT, 8, 0, false};
            if (ty->code == IFX_T_BOOLEAN)
                it = *ty;
            int rc = ifx_coerce(&it, v, false, &sv);
            if (rc) {
                srv_err_set(err, rc, 0, 0, NULL);
                return -1;
            }
            out->i = sv.i;
            ifx_sval_fini(&sv);
        }
        if (ty->code == IFX_T_BOOLEAN)
            out->i = out->i != 0;
        return 0;
    }
    switch (ty->code) {
    case SQ_T_FLOAT:
    case SQ_T_SMALLFLOAT:
        out->k = SRV_V_FLOAT;
        if (t == SQLITE_TEXT) {
            struct ifx_dec d;
            const char *p = (const char *)sqlite3_value_text(v);
            if (!p || !ifx_dec_parse(p, strlen(p), &d)) {
                srv_err_set(err, SRV_E_CHAR_TO_NUM, 0, 0, NULL);
                return -1;
            }
            out->f = strtod(p, NULL);
        } else {
            out->f = sqlite3_value_double(v);
        }
        if (ty->code == SQ_T_SMALLFLOAT)
            out->f = (double)(float)out->f;
        return 0;
    case SQ_T_DECIMAL:
    case SQ_T_MONEY: {
        unsigned prec = SQ_DEC_PREC(ty->len), sc = SQ_DEC_SCALE(ty->len);
        /* Fast forms of the general path below (byte-identical text; see
         * srv_value.h), for the REAL/INTEGER a fixed-scale DECIMAL is stored as. */
        size_t fn = 0;
        if (t == SQLITE_FLOAT)
            fn = srv_dec_text_from_double(sqlite3_value_double(v), sc, tmp, sizeof tmp);
        else if (t == SQLITE_INTEGER)
            fn = srv_dec_text_from_int(sqlite3_value_int64(v), sc, tmp, sizeof tmp);
        else if (t == SQLITE_TEXT) {
            const char *txt = (const char *)sqlite3_value_text(v);
            if (txt)
                fn =
                    srv_dec_text_to_scale(txt, (size_t)sqlite3_value_bytes(v), sc, tmp, sizeof tmp);
        }
        if (fn) {
            set_text_val(b, out, tmp, fn, SRV_V_TEXT);
            return 0;
        }
        struct ifx_dec d;
        if (t == SQLITE_INTEGER) {
            snprintf(tmp, sizeof tmp, "%lld", (long long)sqlite3_value_int64(v));
            ifx_dec_parse(tmp, strlen(tmp), &d);
        } else if (t == SQLITE_FLOAT) {
            ifx_dec_from_double(sqlite3_value_double(v), &d);
        } else {
            const char *p = (const char *)sqlite3_value_text(v);
            if (!p || !ifx_dec_parse(p, (size_t)sqlite3_value_bytes(v), &d)) {
                srv_err_set(err, SRV_E_CHAR_TO_NUM, 0, 0, NULL);
                return -1;
            }
        }
        ifx_dec_round(&d, prec, sc);
        size_t n = ifx_dec_format(&d, sc, tmp, sizeof tmp);
        set_text_val(b, out, tmp, n, SRV_V_TEXT);
        return 0;
    }
    case SQ_T_DATE: {
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            int y, m, d;
            ifx_days_to_date(sqlite3_value_int64(v), &y, &m, &d);
            snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
            set_text_val(b, out, tmp, 10, SRV_V_TEXT);
            return 0;
        }
        const char *p = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        set_text_val(b, out, p ? p : "", n > 10 ? 10 : n, SRV_V_TEXT);
        return 0;
    }
    case SQ_T_DATETIME: {
        const char *p = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        struct ifx_dt dt;
        if (p && ifx_dt_parse(p, n, SQ_TU_START(ty->len), SQ_TU_END(ty->len), &dt) == 0) {
            n = ifx_dt_format(&dt, SQ_TU_START(ty->len), SQ_TU_END(ty->len), tmp, sizeof tmp);
            set_text_val(b, out, tmp, n, SRV_V_TEXT);
        } else {
            set_text_val(b, out, p ? p : "", p ? n : 0, SRV_V_TEXT);
        }
        return 0;
    }
    case SQ_T_INTERVAL: {
        /* Stored as a total (ifx_iv_to_total); text rebuilt per qualifier. */
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            double fv = sqlite3_value_double(v);
            int rc = t == SQLITE_FLOAT && !(fv > -9.2e18 && fv < 9.2e18) ? SRV_E_DT_RANGE : 0;
            if (rc == 0)
                rc = ifx_iv_from_total(t == SQLITE_INTEGER ? sqlite3_value_int64(v) : (int64_t)fv,
                                       ty->len, tmp, sizeof tmp);
            if (rc) {
                srv_err_set(err, rc, 0, 0, NULL);
                return -1;
            }
            set_text_val(b, out, tmp, strlen(tmp), SRV_V_TEXT);
            return 0;
        }
        const char *p = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        if (p && ifx_iv_normalize(p, n, ty->len, tmp, sizeof tmp) == 0)
            set_text_val(b, out, tmp, strlen(tmp), SRV_V_TEXT);
        else
            set_text_val(b, out, p ? p : "", p ? n : 0, SRV_V_TEXT);
        return 0;
    }
    case SQ_T_CHAR:
    case SQ_T_NCHAR: {
        size_t n;
        const char *p;
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            struct ifx_dec d;
            if (t == SQLITE_INTEGER) {
                snprintf(tmp, sizeof tmp, "%lld", (long long)sqlite3_value_int64(v));
                ifx_dec_parse(tmp, strlen(tmp), &d);
            } else {
                ifx_dec_from_double(sqlite3_value_double(v), &d);
            }
            n = ifx_dec_format(&d, SQ_DEC_FLOATING, tmp, sizeof tmp);
            p = tmp;
        } else {
            p = (const char *)sqlite3_value_text(v);
            n = (size_t)sqlite3_value_bytes(v);
        }
        size_t w = ty->len, db_len;
        if (!p)
            n = 0;
        size_t cut = srv_cs_fit(p ? p : "", n, w, &db_len); /* w bytes in the db code set */
        if (cut < n)
            (void)srv_cs_fit(p, cut, w, &db_len);
        sq_buf_reset(b);
        sq_buf_append(b, p ? p : "", cut);
        for (size_t k = db_len; k < w; k++)
            sq_buf_append(b, " ", 1);
        size_t total = b->len;
        sq_buf_append(b, "", 1);
        out->k = SRV_V_TEXT;
        out->p = sq_buf_ok(b) ? (const char *)b->data : "";
        out->n = sq_buf_ok(b) ? total : 0;
        return 0;
    }
    case SQ_T_BYTE:
        out->k = SRV_V_BYTES;
        set_text_val(b, out, sqlite3_value_blob(v) ? sqlite3_value_blob(v) : "",
                     (size_t)sqlite3_value_bytes(v), SRV_V_BYTES);
        return 0;
    case SQ_T_UDTFIXED:
        if (ty->xid != SQ_XID_CLOB) {
            set_text_val(b, out, sqlite3_value_blob(v) ? sqlite3_value_blob(v) : "",
                         (size_t)sqlite3_value_bytes(v), SRV_V_BYTES);
            return 0;
        }
        break;
    default:
        break;
    }
    /* Strings: VARCHAR/NVARCHAR truncated to their maximum, others whole. */
    const char *p;
    size_t n;
    if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        struct ifx_dec d;
        if (t == SQLITE_INTEGER) {
            snprintf(tmp, sizeof tmp, "%lld", (long long)sqlite3_value_int64(v));
            ifx_dec_parse(tmp, strlen(tmp), &d);
        } else {
            ifx_dec_from_double(sqlite3_value_double(v), &d);
        }
        n = ifx_dec_format(&d, SQ_DEC_FLOATING, tmp, sizeof tmp);
        p = tmp;
    } else {
        p = (const char *)sqlite3_value_text(v);
        n = (size_t)sqlite3_value_bytes(v);
    }
    size_t db_len; /* maxima count bytes of the database code set */
    if ((ty->code == SQ_T_VARCHAR || ty->code == SQ_T_NVARCHAR) && n > SQ_VC_MAX(ty->len))
        n = srv_cs_fit(p, n, SQ_VC_MAX(ty->len), &db_len);
    else if (ty->code == IFX_T_LVARCHAR && n > ty->len)
        n = srv_cs_fit(p, n, ty->len, &db_len);
    set_text_val(b, out, p ? p : "", n, SRV_V_TEXT);
    return 0;
}

static int step_row(struct srv_stmt *st, struct srv_err *err)
{
    int rc;
    if (st->pending) {
        rc = st->pending;
        st->pending = 0;
    } else {
        clock_enter(st);
        rc = sqlite3_step(st->vm);
        clock_leave(st);
    }
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    stmt_fail(st, rc, err);
    return -1;
}

static int fill_row(struct srv_stmt *st, struct srv_val *row, struct srv_err *err)
{
    for (size_t i = 0; i < st->ncols; i++)
        if (convert_col(st, i, &row[i], err) < 0)
            return -1;
    return 0;
}

/* ---- scroll cursors: the spool ----
 * A scroll cursor's rows are copied, as the SQLite values the query produced
 * (before any conversion), into table r of a private temporary database
 * (sqlite3_open_v2 of ""), row k under rowid k, as positioned fetches reach
 * them; a fetch of row k then reads it back by rowid (a B-tree lookup). That
 * database holds at most SPOOL_CACHE_KIB of pages in memory and spills the
 * rest to a temporary file that SQLite deletes when the cursor closes, so the
 * server's memory does not grow with the result. The spool has its own
 * connection: the session's COMMIT/ROLLBACK never touch it (hold cursors). */
#define SPOOL_CACHE_KIB 2048

static int spool_fail(struct srv_stmt *st, struct srv_err *err)
{
    char msg[200];
    snprintf(msg, sizeof msg, "scroll cursor spool: %s",
             st->sp_db ? sqlite3_errmsg(st->sp_db) : "cannot open");
    srv_err_set(err, SRV_E_NOMEM, 0, 0, msg);
    unmaterialize(st);
    return -1;
}

static int spool_open(struct srv_stmt *st, struct srv_err *err)
{
    if (sqlite3_open_v2("", &st->sp_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                            SQLITE_OPEN_PRIVATECACHE,
                        NULL) != SQLITE_OK)
        return spool_fail(st, err);
    struct sq_buf q;
    sq_buf_init(&q);
    char tmp[128];
    snprintf(tmp, sizeof tmp,
             "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-%d; ",
             SPOOL_CACHE_KIB);
    sq_buf_append(&q, tmp, strlen(tmp));
    sq_buf_append(&q, "CREATE TABLE r(", 15);
    for (size_t i = 0; i < st->ncols; i++) {
        snprintf(tmp, sizeof tmp, "%sc%zu", i ? ", " : "", i); /* no type: values kept as is */
        sq_buf_append(&q, tmp, strlen(tmp));
    }
    if (st->ncols == 0)
        sq_buf_append(&q, "x", 1);
    sq_buf_append(&q, "); BEGIN", 9); /* one transaction for the spool's life */
    int rc = sq_buf_ok(&q) ? sqlite3_exec(st->sp_db, (const char *)q.data, NULL, NULL, NULL)
                           : SQLITE_NOMEM;
    if (rc == SQLITE_OK) {
        sq_buf_reset(&q);
        sq_buf_append(&q, "INSERT INTO r(rowid", 19);
        for (size_t i = 0; i < st->ncols; i++) {
            snprintf(tmp, sizeof tmp, ", c%zu", i);
            sq_buf_append(&q, tmp, strlen(tmp));
        }
        sq_buf_append(&q, ") VALUES (?", 11);
        for (size_t i = 0; i < st->ncols; i++)
            sq_buf_append(&q, ", ?", 3);
        sq_buf_append(&q, ")", 2);
        rc = sq_buf_ok(&q) ? sqlite3_prepare_v2(st->sp_db, (const char *)q.data, -1,
                                                &st->sp_ins, NULL)
                           : SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK) {
        sq_buf_reset(&q);
        sq_buf_append(&q, "SELECT ", 7);
        for (size_t i = 0; i < st->ncols; i++) {
            snprintf(tmp, sizeof tmp, "%sc%zu", i ? ", " : "", i);
            sq_buf_append(&q, tmp, strlen(tmp));
        }
        if (st->ncols == 0)
            sq_buf_append(&q, "NULL", 4);
        sq_buf_append(&q, " FROM r WHERE rowid = ?", 24);
        rc = sq_buf_ok(&q) ? sqlite3_prepare_v2(st->sp_db, (const char *)q.data, -1,
                                                &st->sp_get, NULL)
                           : SQLITE_NOMEM;
    }
    sq_buf_fini(&q);
    if (rc != SQLITE_OK)
        return spool_fail(st, err);
    st->mat = true;
    return 0;
}

/* Spool rows until `upto` of them are there or the query ends. The first
 * call starts the spool; rows already taken by srv_stmt_next are not in it,
 * so the query is run again from the start then (as a FETCH ABSOLUTE after
 * NEXTs would on a non-scroll cursor: never in practice). */
static int materialize(struct srv_stmt *st, int64_t upto, struct srv_err *err)
{
    if (!st->mat) {
        if (st->pos != 0 || st->pending == 0) {
            sqlite3_reset(st->vm);
            st->pending = 0;
        }
        if (spool_open(st, err) < 0)
            return -1;
    }
    if (st->sp_get)
        sqlite3_reset(st->sp_get);
    while (!st->sp_done && st->nrows < upto) {
        int rc = step_row(st, err);
        if (rc < 0)
            return -1;
        if (rc == 0) {
            st->sp_done = true;
            break;
        }
        sqlite3_reset(st->sp_ins);
        sqlite3_bind_int64(st->sp_ins, 1, st->nrows + 1);
        for (size_t i = 0; i < st->ncols; i++)
            sqlite3_bind_value(st->sp_ins, (int)i + 2, sqlite3_column_value(st->vm, (int)i));
        if (sqlite3_step(st->sp_ins) != SQLITE_DONE)
            return spool_fail(st, err);
        st->nrows++;
    }
    return 0;
}

/* Row pos (1-based, <= nrows) of the spool into row[]. */
static int spool_row(struct srv_stmt *st, int64_t pos, struct srv_val *row, struct srv_err *err)
{
    sqlite3_reset(st->sp_get);
    sqlite3_bind_int64(st->sp_get, 1, pos);
    if (sqlite3_step(st->sp_get) != SQLITE_ROW)
        return spool_fail(st, err);
    st->rd = st->sp_get; /* convert_col reads the spooled values */
    int rc = fill_row(st, row, err);
    st->rd = NULL;
    return rc;
}

int srv_stmt_next(struct srv_stmt *st, struct srv_val *row, struct srv_err *err)
{
    /* srv_err_clear without zeroing all of text[] on every row: an empty
     * error reads the same. */
    if (err) {
        err->sqlcode = 0;
        err->isam = 0;
        err->offset = 0;
        err->text[0] = '\0';
    }
    if (!stmt_usable(st, err))
        return -1;
    if (!st->is_open) {
        srv_err_set(err, SRV_E_NOT_OPEN, 0, 0, NULL);
        return -1;
    }
    if (st->mat)
        return srv_stmt_fetch_at(st, st->pos + 1, row, err);
    int rc = step_row(st, err);
    if (rc <= 0)
        return rc;
    if (fill_row(st, row, err) < 0)
        return -1;
    st->pos++;
    return 1;
}

void *srv_stmt_take_value(struct srv_stmt *st, size_t i, const void *p)
{
    if (!st->vbuf || i >= st->ncols || !p || st->vbuf[i].data != p || st->vbuf[i].oom)
        return NULL;
    void *d = st->vbuf[i].data;
    sq_buf_init(&st->vbuf[i]); /* the next row gets a new buffer */
    return d;
}

int srv_stmt_fetch_at(struct srv_stmt *st, int64_t pos, struct srv_val *row, struct srv_err *err)
{
    srv_err_clear(err);
    if (!stmt_usable(st, err))
        return -1;
    if (!st->is_open) {
        srv_err_set(err, SRV_E_NOT_OPEN, 0, 0, NULL);
        return -1;
    }
    if (materialize(st, pos, err) < 0)
        return -1;
    if (pos < 1 || pos > st->nrows) {
        st->pos = pos < 1 ? 0 : st->nrows + 1;
        return 0;
    }
    if (spool_row(st, pos, row, err) < 0)
        return -1;
    st->pos = pos;
    return 1;
}

int64_t srv_stmt_row_count(struct srv_stmt *st, struct srv_err *err)
{
    srv_err_clear(err);
    if (!stmt_usable(st, err))
        return -1;
    if (!st->is_open) {
        srv_err_set(err, SRV_E_NOT_OPEN, 0, 0, NULL);
        return -1;
    }
    int64_t pos = st->pos;
    if (materialize(st, INT64_MAX, err) < 0)
        return -1;
    st->pos = pos;
    return st->nrows;
}

void srv_stmt_close(struct srv_stmt *st)
{
    if (st->vm)
        sqlite3_reset(st->vm);
    st->is_open = false;
    st->pending = 0;
    st->pos = 0;
    unmaterialize(st);
}
