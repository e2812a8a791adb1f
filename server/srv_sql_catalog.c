/* SPDX-License-Identifier: MIT */
/* srv_sql_catalog.c - ifxlite's Informix system catalog: systables, syscolumns
 * and sysconstraints kept as real tables in each database (plus TEMP copies,
 * per connection, for temp tables) and the engine's own bookkeeping tables
 * (ifx_meta: database kind; ifx_serials: SERIAL counters). Part of the SQL
 * engine; more catalog tables (sysindexes ...) are added in cat_create. */
#include "srv_errors.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"
#include "sq_limits.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define CAT_OWNER_WIDTH 32

int cat_exec(sqlite3 *db, const char *sql, struct srv_err *err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        srv_err_from_sqlite(err, rc, sqlite3_extended_errcode(db), msg ? msg : sqlite3_errmsg(db),
                            SRV_CTX_OTHER, false);
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Schema of the catalog tables; %s is the name prefix ("" or "temp.ifx_t"). */
static const char cat_ddl_systables[] =
    "CREATE TABLE %ssystables (tabname TEXT, owner TEXT, partnum INT, tabid INT PRIMARY KEY,"
    " rowsize INT, ncols INT, nindexes INT, nrows REAL, created TEXT, version INT,"
    " tabtype TEXT, locklevel TEXT, npused REAL, fextsize INT, nextsize INT, flags INT,"
    " site TEXT, dbname TEXT);";
static const char cat_ddl_syscolumns[] =
    "CREATE TABLE %ssyscolumns (colname TEXT, tabid INT, colno INT, coltype INT,"
    " collength INT, colmin INT, colmax INT, extended_id INT, seclabelid INT, colattr INT,"
    " PRIMARY KEY (tabid, colno));";
static const char cat_ddl_sysconstraints[] =
    "CREATE TABLE %ssysconstraints (constrid INT PRIMARY KEY, constrname TEXT, owner TEXT,"
    " tabid INT, constrtype TEXT, idxname TEXT, collation TEXT);";
static const char cat_ddl_internal[] =
    "CREATE TABLE %sifx_serials (tabid INT, colno INT, val INT, PRIMARY KEY (tabid, colno));"
    "CREATE TABLE %sifx_constr (constrid INT PRIMARY KEY, tabid INT, cols TEXT, reftab TEXT);";

/* The catalog's own columns (Informix's types), so describes of catalog
 * queries carry Informix types. */
struct cat_seed_col {
    int tabid;
    const char *name;
    int coltype;
    int collength;
};
static const struct cat_seed_col cat_seed[] = {
    {1, "tabname", SQ_T_VARCHAR, 128},  {1, "owner", SQ_T_CHAR, 32},
    {1, "partnum", SQ_T_INTEGER, 4},    {1, "tabid", SQ_T_SERIAL, 4},
    {1, "rowsize", SQ_T_SMALLINT, 2},   {1, "ncols", SQ_T_SMALLINT, 2},
    {1, "nindexes", SQ_T_SMALLINT, 2},  {1, "nrows", SQ_T_FLOAT, 8},
    {1, "created", SQ_T_DATE, 4},       {1, "version", SQ_T_INTEGER, 4},
    {1, "tabtype", SQ_T_CHAR, 1},       {1, "locklevel", SQ_T_CHAR, 1},
    {1, "npused", SQ_T_FLOAT, 8},       {1, "fextsize", SQ_T_INTEGER, 4},
    {1, "nextsize", SQ_T_INTEGER, 4},   {1, "flags", SQ_T_SMALLINT, 2},
    {1, "site", SQ_T_VARCHAR, 128},     {1, "dbname", SQ_T_VARCHAR, 128},
    {2, "colname", SQ_T_VARCHAR, 128},  {2, "tabid", SQ_T_INTEGER, 4},
    {2, "colno", SQ_T_SMALLINT, 2},     {2, "coltype", SQ_T_SMALLINT, 2},
    {2, "collength", SQ_T_SMALLINT, 2}, {2, "colmin", SQ_T_INTEGER, 4},
    {2, "colmax", SQ_T_INTEGER, 4},     {2, "extended_id", SQ_T_INTEGER, 4},
    {2, "seclabelid", SQ_T_INTEGER, 4}, {2, "colattr", SQ_T_SMALLINT, 2},
    {11, "constrid", SQ_T_SERIAL, 4},   {11, "constrname", SQ_T_VARCHAR, 128},
    {11, "owner", SQ_T_CHAR, 32},       {11, "tabid", SQ_T_INTEGER, 4},
    {11, "constrtype", SQ_T_CHAR, 1},   {11, "idxname", SQ_T_VARCHAR, 128},
    {11, "collation", SQ_T_CHAR, 32},
};

static void today_text(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void pad_owner(const char *owner, char out[CAT_OWNER_WIDTH + 1])
{
    snprintf(out, CAT_OWNER_WIDTH + 1, "%-32.32s", owner && *owner ? owner : "informix");
}

/* Run a catalog DDL template with every "%s" replaced by prefix. */
static int exec_fmt2(sqlite3 *db, const char *tmpl, const char *prefix, struct srv_err *err)
{
    char sql[1024];
    size_t o = 0, pn = strlen(prefix);
    for (const char *p = tmpl; *p && o + pn + 1 < sizeof sql; p++) {
        if (p[0] == '%' && p[1] == 's') {
            memcpy(sql + o, prefix, pn);
            o += pn;
            p++;
        } else {
            sql[o++] = *p;
        }
    }
    sql[o] = '\0';
    return cat_exec(db, sql, err);
}

int cat_create(sqlite3 *db, enum srv_dbkind kind, struct srv_err *err)
{
    if (exec_fmt2(db, cat_ddl_systables, "", err) < 0 ||
        exec_fmt2(db, cat_ddl_syscolumns, "", err) < 0 ||
        exec_fmt2(db, cat_ddl_sysconstraints, "", err) < 0 ||
        exec_fmt2(db, cat_ddl_internal, "", err) < 0 ||
        cat_exec(db, "CREATE TABLE ifx_meta (key TEXT PRIMARY KEY, value TEXT);", err) < 0)
        return -1;
    char sql[512], today[32], owner[CAT_OWNER_WIDTH + 1];
    today_text(today);
    pad_owner("informix", owner);
    snprintf(sql, sizeof sql, "INSERT INTO ifx_meta VALUES ('kind', '%d'), ('version', '1');",
             (int)kind);
    if (cat_exec(db, sql, err) < 0)
        return -1;
    static const struct {
        int tabid;
        const char *name;
        int ncols;
    } seeds[] = {{1, "systables", 18}, {2, "syscolumns", 10}, {11, "sysconstraints", 7}};
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO systables (tabname, owner, partnum, tabid, rowsize, ncols, nindexes,"
                 " nrows, created, version, tabtype, locklevel, npused, fextsize, nextsize, flags,"
                 " site, dbname) VALUES ('%s', '%s', 0, %d, 0, %d, 0, 0, '%s', 0, 'T', 'R', 0,"
                 " 16, 16, 0, '', '');",
                 seeds[i].name, owner, seeds[i].tabid, seeds[i].ncols, today);
        if (cat_exec(db, sql, err) < 0)
            return -1;
    }
    int colno = 0, prev = 0;
    for (size_t i = 0; i < sizeof cat_seed / sizeof cat_seed[0]; i++) {
        colno = cat_seed[i].tabid == prev ? colno + 1 : 1;
        prev = cat_seed[i].tabid;
        snprintf(sql, sizeof sql,
                 "INSERT INTO syscolumns VALUES ('%s', %d, %d, %d, %d, NULL, NULL, 0, 0, 0);",
                 cat_seed[i].name, cat_seed[i].tabid, colno, cat_seed[i].coltype,
                 cat_seed[i].collength);
        if (cat_exec(db, sql, err) < 0)
            return -1;
    }
    return 0;
}

bool cat_read_kind(sqlite3 *db, enum srv_dbkind *kind)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM ifx_meta WHERE key = 'kind'", -1, &st, NULL) !=
        SQLITE_OK)
        return false;
    if (sqlite3_step(st) == SQLITE_ROW) {
        int k = sqlite3_column_int(st, 0);
        if (k >= SRV_DB_UNLOGGED && k <= SRV_DB_ANSI) {
            *kind = (enum srv_dbkind)k;
            ok = true;
        }
    }
    sqlite3_finalize(st);
    return ok;
}

int cat_create_temp(sqlite3 *db, struct srv_err *err)
{
    if (exec_fmt2(db, cat_ddl_systables, "temp.ifx_t", err) < 0 ||
        exec_fmt2(db, cat_ddl_syscolumns, "temp.ifx_t", err) < 0 ||
        exec_fmt2(db, cat_ddl_sysconstraints, "temp.ifx_t", err) < 0 ||
        exec_fmt2(db, cat_ddl_internal, "temp.ifx_t", err) < 0)
        return -1;
    return 0;
}

/* Table names of the catalog for a temp or permanent table. */
static const char *tn(bool temp, const char *base, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s%s", temp ? "temp.ifx_t" : "main.", base);
    return buf;
}

void cat_table_fini(struct cat_table *t)
{
    if (!t)
        return;
    sq_free(t->cols);
    t->cols = NULL;
    t->ncols = 0;
}

static int load_cols(sqlite3 *db, struct cat_table *t)
{
    char sql[256], b1[64];
    snprintf(sql, sizeof sql,
             "SELECT colname, colno, coltype, collength, extended_id FROM %s WHERE tabid = ?"
             " ORDER BY colno",
             tn(t->temp, "syscolumns", b1, sizeof b1));
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, t->tabid);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->ncols == cap) {
            size_t ncap = cap ? cap * 2 : 8, bytes;
            if (ncap > SQ_MAX_COLUMNS || !sq_size_mul(ncap, sizeof *t->cols, &bytes))
                break;
            struct cat_col *c = sq_realloc(t->cols, bytes);
            if (!c)
                break;
            t->cols = c;
            cap = ncap;
        }
        struct cat_col *c = &t->cols[t->ncols++];
        memset(c, 0, sizeof *c);
        const unsigned char *nm = sqlite3_column_text(st, 0);
        snprintf(c->name, sizeof c->name, "%s", nm ? (const char *)nm : "");
        c->colno = sqlite3_column_int(st, 1);
        int ct = sqlite3_column_int(st, 2);
        c->ty.code = (uint16_t)(ct & 0xFF);
        c->ty.notnull = (ct & SQ_TF_NOTNULL) != 0;
        c->ty.len = (uint32_t)sqlite3_column_int(st, 3);
        c->ty.xid = (uint32_t)sqlite3_column_int(st, 4);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int cat_find(sqlite3 *db, const char *name, struct cat_table *out)
{
    memset(out, 0, sizeof *out);
    for (int pass = 0; pass < 2; pass++) {
        bool temp = pass == 0;
        char sql[256], b1[64];
        snprintf(sql, sizeof sql, "SELECT tabid, tabtype FROM %s WHERE tabname = ?",
                 tn(temp, "systables", b1, sizeof b1));
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            continue; /* no temp catalog yet */
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            out->tabid = sqlite3_column_int64(st, 0);
            const unsigned char *tt = sqlite3_column_text(st, 1);
            out->tabtype = tt ? (char)tt[0] : 'T';
            out->temp = temp;
            snprintf(out->name, sizeof out->name, "%s", name);
            sqlite3_finalize(st);
            if (load_cols(db, out) < 0) {
                cat_table_fini(out);
                return -1;
            }
            return 1;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

const struct cat_col *cat_col_find(const struct cat_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return &t->cols[i];
    return NULL;
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, struct srv_err *err)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        srv_err_from_sqlite(err, rc, sqlite3_extended_errcode(db), sqlite3_errmsg(db),
                            SRV_CTX_OTHER, false);
        return -1;
    }
    return 0;
}

static int insert_col(sqlite3 *db, bool temp, int64_t tabid, const struct cat_col *c, int colno,
                      struct srv_err *err)
{
    char sql[256], b1[64];
    snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, 0, 0)",
             tn(temp, "syscolumns", b1, sizeof b1));
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(db), 0, sqlite3_errmsg(db), SRV_CTX_OTHER, false);
        return -1;
    }
    int coltype = c->ty.code | (c->ty.notnull ? (int)SQ_TF_NOTNULL : 0);
    uint32_t xid = c->ty.code == SQ_T_UDTFIXED ? c->ty.xid : 0;
    if (c->ty.code == IFX_T_LVARCHAR)
        xid = SQ_XID_LVARCHAR;
    else if (c->ty.code == IFX_T_BOOLEAN)
        xid = SQ_XID_BOOLEAN;
    sqlite3_bind_text(st, 1, c->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, tabid);
    sqlite3_bind_int(st, 3, colno);
    sqlite3_bind_int(st, 4, coltype);
    sqlite3_bind_int64(st, 5, (int64_t)c->ty.len);
    sqlite3_bind_int64(st, 6, (int64_t)xid);
    int rc = step_done(db, st, err);
    sqlite3_finalize(st);
    return rc;
}

static int64_t next_id(sqlite3 *db, const char *table, const char *col, int64_t floor)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT max(%s) FROM %s", col, table);
    sqlite3_stmt *st = NULL;
    int64_t v = floor;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_type(st, 0) != SQLITE_NULL) {
        int64_t m = sqlite3_column_int64(st, 0) + 1;
        if (m > v)
            v = m;
    }
    sqlite3_finalize(st);
    return v;
}

int64_t cat_add_table(sqlite3 *db, const char *name, const char *owner, bool temp, char tabtype,
                      const struct cat_col *cols, size_t ncols, struct srv_err *err)
{
    char b1[64], sql[512], today[32], own[CAT_OWNER_WIDTH + 1];
    tn(temp, "systables", b1, sizeof b1);
    int64_t tabid = next_id(db, b1, "tabid", 100);
    today_text(today);
    pad_owner(owner, own);
    uint32_t rowsize = 0;
    for (size_t i = 0; i < ncols; i++)
        rowsize += ifx_type_width(&cols[i].ty);
    snprintf(sql, sizeof sql,
             "INSERT INTO %s (tabname, owner, partnum, tabid, rowsize, ncols, nindexes, nrows,"
             " created, version, tabtype, locklevel, npused, fextsize, nextsize, flags, site,"
             " dbname) VALUES (?, ?, 0, ?, ?, ?, 0, 0, ?, 1, ?, 'P', 0, 16, 16, 0, '', '')",
             b1);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(db), 0, sqlite3_errmsg(db), SRV_CTX_OTHER, false);
        return -1;
    }
    char tt[2] = {tabtype, 0};
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, own, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, tabid);
    sqlite3_bind_int64(st, 4, rowsize > 32767 ? 32767 : rowsize);
    sqlite3_bind_int64(st, 5, (int64_t)ncols);
    sqlite3_bind_text(st, 6, today, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, tt, -1, SQLITE_STATIC);
    int rc = step_done(db, st, err);
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    for (size_t i = 0; i < ncols; i++)
        if (insert_col(db, temp, tabid, &cols[i], (int)i + 1, err) < 0)
            return -1;
    return tabid;
}

int cat_drop_table(sqlite3 *db, const struct cat_table *t, struct srv_err *err)
{
    static const char *const tabs[] = {"systables", "syscolumns", "sysconstraints", "ifx_serials",
                                       "ifx_constr"};
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
        char sql[256], b1[64];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE tabid = %lld",
                 tn(t->temp, tabs[i], b1, sizeof b1), (long long)t->tabid);
        if (cat_exec(db, sql, err) < 0)
            return -1;
    }
    return 0;
}

static int update_ncols(sqlite3 *db, const struct cat_table *t, struct srv_err *err)
{
    char sql[256], b1[64], b2[64];
    snprintf(
        sql, sizeof sql,
        "UPDATE %s SET ncols = (SELECT count(*) FROM %s WHERE tabid = %lld) WHERE tabid = %lld",
        tn(t->temp, "systables", b1, sizeof b1), tn(t->temp, "syscolumns", b2, sizeof b2),
        (long long)t->tabid, (long long)t->tabid);
    return cat_exec(db, sql, err);
}

int cat_add_column(sqlite3 *db, const struct cat_table *t, const struct cat_col *col,
                   struct srv_err *err)
{
    int colno = 1;
    for (size_t i = 0; i < t->ncols; i++)
        if (t->cols[i].colno >= colno)
            colno = t->cols[i].colno + 1;
    if (insert_col(db, t->temp, t->tabid, col, colno, err) < 0)
        return -1;
    return update_ncols(db, t, err);
}

int cat_drop_column(sqlite3 *db, const struct cat_table *t, const char *col, struct srv_err *err)
{
    char b1[64];
    char *sql = sqlite3_mprintf("DELETE FROM %s WHERE tabid = %lld AND colname = %Q",
                                tn(t->temp, "syscolumns", b1, sizeof b1), (long long)t->tabid, col);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    if (rc < 0)
        return -1;
    /* Renumber the remaining columns 1..n. */
    for (size_t i = 0, n = 1; i < t->ncols; i++) {
        if (strcmp(t->cols[i].name, col) == 0)
            continue;
        sql = sqlite3_mprintf("UPDATE %s SET colno = %d WHERE tabid = %lld AND colname = %Q", b1,
                              (int)n++, (long long)t->tabid, t->cols[i].name);
        if (!sql || cat_exec(db, sql, err) < 0) {
            sqlite3_free(sql);
            return -1;
        }
        sqlite3_free(sql);
    }
    return update_ncols(db, t, err);
}

int cat_rename_table(sqlite3 *db, const struct cat_table *t, const char *to, struct srv_err *err)
{
    char b1[64];
    char *sql = sqlite3_mprintf("UPDATE %s SET tabname = %Q WHERE tabid = %lld",
                                tn(t->temp, "systables", b1, sizeof b1), to, (long long)t->tabid);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

int cat_rename_column(sqlite3 *db, const struct cat_table *t, const char *from, const char *to,
                      struct srv_err *err)
{
    char b1[64];
    char *sql =
        sqlite3_mprintf("UPDATE %s SET colname = %Q WHERE tabid = %lld AND colname = %Q",
                        tn(t->temp, "syscolumns", b1, sizeof b1), to, (long long)t->tabid, from);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

int cat_add_constraint(sqlite3 *db, const struct cat_table *t, char name[129], char type,
                       const char *cols, const char *reftab, struct srv_err *err)
{
    char b1[64], b2[64], own[CAT_OWNER_WIDTH + 1];
    tn(t->temp, "sysconstraints", b1, sizeof b1);
    int64_t id = next_id(db, b1, "constrid", 1);
    if (name[0] == '\0') /* Informix names them u<tabid>_<constrid>, r..., c..., n... */
        snprintf(name, 129, "%c%lld_%lld",
                 type == 'P' || type == 'U' ? 'u'
                 : type == 'R'              ? 'r'
                 : type == 'C'              ? 'c'
                                            : 'n',
                 (long long)t->tabid, (long long)id);
    pad_owner("informix", own);
    char tt[2] = {type, 0};
    char *sql = sqlite3_mprintf("INSERT INTO %s VALUES (%lld, %Q, %Q, %lld, %Q, %Q, NULL);"
                                "INSERT INTO %s VALUES (%lld, %lld, %Q, %Q);",
                                b1, (long long)id, name, own, (long long)t->tabid, tt, name,
                                tn(t->temp, "ifx_constr", b2, sizeof b2), (long long)id,
                                (long long)t->tabid, cols ? cols : "", reftab ? reftab : "");
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

/* Look for a constraint of table with exactly cols; fill out. */
static char find_constraint(sqlite3 *db, const char *table, const char *cols, const char *types,
                            char *out, size_t cap)
{
    for (int pass = 0; pass < 2; pass++) {
        bool temp = pass == 0;
        char b1[64], b2[64], b3[64];
        char *sql = sqlite3_mprintf(
            "SELECT c.constrname, c.constrtype FROM %s c JOIN %s x ON x.constrid = c.constrid"
            " JOIN %s t ON t.tabid = c.tabid WHERE t.tabname = %Q AND (%Q = '' OR x.cols = %Q)"
            " AND instr(%Q, c.constrtype) > 0 ORDER BY c.constrid",
            tn(temp, "sysconstraints", b1, sizeof b1), tn(temp, "ifx_constr", b2, sizeof b2),
            tn(temp, "systables", b3, sizeof b3), table, cols, cols, types);
        if (!sql)
            return 0;
        sqlite3_stmt *st = NULL;
        char found = 0;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *nm = sqlite3_column_text(st, 0);
            const unsigned char *ty = sqlite3_column_text(st, 1);
            snprintf(out, cap, "%s", nm ? (const char *)nm : "");
            found = ty ? (char)ty[0] : 0;
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
        if (found)
            return found;
    }
    return 0;
}

char cat_unique_name(sqlite3 *db, const char *table, const char *cols, char *out, size_t cap)
{
    char t = find_constraint(db, table, cols, "PU", out, cap);
    if (t)
        return t;
    /* A unique index created with CREATE UNIQUE INDEX. */
    char *sql = sqlite3_mprintf(
        "SELECT il.name FROM pragma_index_list(%Q) il WHERE il.\"unique\" = 1 AND il.origin = 'c'"
        " AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name)"
        " ORDER BY seqno)) = %Q",
        table, cols);
    if (!sql)
        return 0;
    sqlite3_stmt *st = NULL;
    char found = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *nm = sqlite3_column_text(st, 0);
        snprintf(out, cap, "%s", nm ? (const char *)nm : "");
        found = 'I';
    }
    sqlite3_finalize(st);
    sqlite3_free(sql);
    return found;
}

bool cat_fk_name(sqlite3 *db, const char *table, bool child, char *out, size_t cap)
{
    if (child)
        return find_constraint(db, table, "", "R", out, cap) != 0;
    /* Parent side: a referential constraint whose reftab is table. */
    for (int pass = 0; pass < 2; pass++) {
        bool temp = pass == 0;
        char b1[64], b2[64];
        char *sql = sqlite3_mprintf("SELECT c.constrname FROM %s c JOIN %s x ON"
                                    " x.constrid = c.constrid WHERE x.reftab = %Q"
                                    " ORDER BY c.constrid",
                                    tn(temp, "sysconstraints", b1, sizeof b1),
                                    tn(temp, "ifx_constr", b2, sizeof b2), table);
        if (!sql)
            return false;
        sqlite3_stmt *st = NULL;
        bool found = false;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *nm = sqlite3_column_text(st, 0);
            snprintf(out, cap, "%s", nm ? (const char *)nm : "");
            found = true;
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
        if (found)
            return true;
    }
    return false;
}
