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
#include "sq_types.h"
#include "srv_stats.h"

#include <stdio.h>
#include <stdlib.h>
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

/* Schema of the catalog tables; %s is the name prefix ("" or "temp.ifx_t").
 * Columns follow IBM's "Informix Guide to SQL: Reference", chapter 1 (System
 * catalog tables), in documented order. systables (IBM: SYSTABLES): tabname,
 * owner, partnum, tabid, rowsize, ncols, nindexes, nrows, created, version,
 * tabtype (T table, V view, P private synonym, S synonym), locklevel (B/P/R),
 * npused, fextsize, nextsize, flags, site, dbname, type_xid, am_id, pagesize,
 * ustlowts, secpolicyid, protgranularity, statchange, statlevel. */
static const char cat_ddl_systables[] =
    "CREATE TABLE %ssystables (tabname TEXT, owner TEXT, partnum INT, tabid INT PRIMARY KEY,"
    " rowsize INT, ncols INT, nindexes INT, nrows REAL, created TEXT, version INT,"
    " tabtype TEXT, locklevel TEXT, npused REAL, fextsize INT, nextsize INT, flags INT,"
    " site TEXT, dbname TEXT, type_xid INT DEFAULT 0, am_id INT DEFAULT 0,"
    " pagesize INT DEFAULT 2048, ustlowts TEXT, secpolicyid INT DEFAULT 0,"
    " protgranularity TEXT DEFAULT '', statchange INT, statlevel TEXT DEFAULT 'A');";
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
/* The rest of the catalog (permanent databases only). IBM documents
 * SYSINDICES (idxname, owner, tabid, idxtype U/D, clustered C/blank, levels,
 * leaves, nunique, clust, nrows, indexkeys, amid, amparam, collation, pagesize)
 * with indexkeys of type INDEXKEYARRAY, and SYSINDEXES as the view of it that
 * spells the keys as part1..part16 (column numbers, negative = descending).
 * ifxlite keeps the parts in sysindices too (no INDEXKEYARRAY type) and serves
 * sysindexes as the documented view. SYSREFERENCES: constrid, primary (the
 * referenced P/U constraint), ptabid, updrule, delrule (C cascade, R
 * restrict), matchtype, pendant. SYSSYNONYMS: owner, synname, created, tabid.
 * SYSSYNTABLE: tabid, servername, dbname, owner, tabname, btabid. SYSVIEWS:
 * tabid, seqno, viewtext (64-byte pieces of the CREATE VIEW text).
 * SYSPROCEDURES / SYSPROCBODY / SYSPROCPLAN: routines (ifxlite has none yet).
 * SYSPROCCOLUMNS: procid, paramid, paramname, paramtype (a coltype),
 * paramlen (a collength), paramxid, paramattr (0 unknown, 1 IN, 2 INOUT,
 * 3 multiple return value, 4 OUT, 5 return value); rows can be inserted by
 * hand to test routine metadata (IBM documents no fixed tabid: 51 here).
 * SYSTABAUTH: grantor, grantee, tabid, tabauth (s u * i d x a r n; upper case
 * = grantable). SYSCOLAUTH: grantor, grantee, tabid, colno, colauth (s u r).
 * SYSXTDTYPES: extended_id, domain, mode, owner, name, type, source, maxlen,
 * length, byvalue, cannothash, align, locator. */
static const char cat_ddl_more[] =
    "CREATE TABLE sysindices (idxname TEXT, owner TEXT, tabid INT, idxtype TEXT,"
    " clustered TEXT, levels INT, leaves REAL, nunique REAL, clust REAL, nrows REAL,"
    " amid INT, amparam TEXT, collation TEXT, pagesize INT,"
    " part1 INT, part2 INT, part3 INT, part4 INT, part5 INT, part6 INT, part7 INT,"
    " part8 INT, part9 INT, part10 INT, part11 INT, part12 INT, part13 INT, part14 INT,"
    " part15 INT, part16 INT);"
    "CREATE VIEW sysindexes AS SELECT idxname, owner, tabid, idxtype, clustered,"
    " part1, part2, part3, part4, part5, part6, part7, part8, part9, part10, part11, part12,"
    " part13, part14, part15, part16, levels, leaves, nunique, clust, 0 AS idxflags"
    " FROM sysindices;"
    "CREATE TABLE sysreferences (constrid INT PRIMARY KEY, \"primary\" INT, ptabid INT,"
    " updrule TEXT, delrule TEXT, matchtype TEXT, pendant TEXT);"
    "CREATE TABLE syssynonyms (owner TEXT, synname TEXT, created TEXT, tabid INT);"
    "CREATE TABLE syssyntable (tabid INT PRIMARY KEY, servername TEXT, dbname TEXT,"
    " owner TEXT, tabname TEXT, btabid INT);"
    "CREATE TABLE sysviews (tabid INT, seqno INT, viewtext TEXT, PRIMARY KEY (tabid, seqno));"
    "CREATE TABLE sysprocedures (procname TEXT, owner TEXT, procid INT PRIMARY KEY,"
    " mode TEXT, retsize INT, symsize INT, datasize INT, codesize INT, numargs INT,"
    " isproc TEXT, specificname TEXT, externalname TEXT, paramstyle TEXT, langid INT,"
    " paramtypes TEXT, variant TEXT, client TEXT, handlesnulls TEXT, iterator TEXT,"
    " percallcost INT, commutator TEXT, negator TEXT, selfunc TEXT, internal TEXT,"
    " class TEXT, stack INT, parallelizable TEXT, costfunc TEXT, selconst REAL);"
    "CREATE TABLE sysprocbody (procid INT, datakey TEXT, seqno INT, data TEXT);"
    "CREATE TABLE sysprocplan (procid INT, planid INT, datakey TEXT, seqno INT,"
    " created TEXT, datasize INT, data BLOB);"
    "CREATE TABLE sysproccolumns (procid INT, paramid INT, paramname TEXT, paramtype INT,"
    " paramlen INT, paramxid INT, paramattr INT, PRIMARY KEY (procid, paramid));"
    "CREATE TABLE systabauth (grantor TEXT, grantee TEXT, tabid INT, tabauth TEXT);"
    "CREATE TABLE syscolauth (grantor TEXT, grantee TEXT, tabid INT, colno INT, colauth TEXT);"
    "CREATE TABLE sysxtdtypes (extended_id INT PRIMARY KEY, domain TEXT, mode TEXT,"
    " owner TEXT, name TEXT, type INT, source INT, maxlen INT, length INT, byvalue TEXT,"
    " cannothash TEXT, align INT, locator INT);"
    "INSERT INTO sysxtdtypes VALUES (1, 'B', 'B', 'informix', 'lvarchar', 40, 0, 32739, 0,"
    " 'F', 'F', 1, 0), (5, 'B', 'B', 'informix', 'boolean', 41, 0, 0, 1, 'T', 'F', 1, 0),"
    " (10, 'B', 'B', 'informix', 'blob', 41, 0, 0, 72, 'F', 'T', 4, 0),"
    " (11, 'B', 'B', 'informix', 'clob', 41, 0, 0, 72, 'F', 'T', 4, 0);";

/* The catalog's own tables and columns (Informix's types), so describes of
 * catalog queries carry Informix types. tabids are IBM's where known (1
 * systables .. 30 sysxtdtypes); the sysindexes view has no fixed tabid across
 * versions, ifxlite gives it 50. */
struct cat_seed_tab {
    int tabid;
    const char *name;
    char tabtype;
};
static const struct cat_seed_tab cat_seed_tabs[] = {
    {1, "systables", 'T'},       {2, "syscolumns", 'T'},     {3, "sysindices", 'T'},
    {4, "systabauth", 'T'},      {5, "syscolauth", 'T'},     {6, "sysviews", 'T'},
    {9, "syssynonyms", 'T'},     {10, "syssyntable", 'T'},   {11, "sysconstraints", 'T'},
    {12, "sysreferences", 'T'},  {16, "sysprocedures", 'T'}, {17, "sysprocbody", 'T'},
    {18, "sysprocplan", 'T'},    {30, "sysxtdtypes", 'T'},   {50, "sysindexes", 'V'},
    {51, "sysproccolumns", 'T'},
};

struct cat_seed_col {
    int tabid;
    const char *name;
    int coltype;
    int collength;
};
#define CAT_PARTS(t)                                                                               \
    {t, "part1", SQ_T_SMALLINT, 2}, {t, "part2", SQ_T_SMALLINT, 2},                                \
        {t, "part3", SQ_T_SMALLINT, 2}, {t, "part4", SQ_T_SMALLINT, 2},                            \
        {t, "part5", SQ_T_SMALLINT, 2}, {t, "part6", SQ_T_SMALLINT, 2},                            \
        {t, "part7", SQ_T_SMALLINT, 2}, {t, "part8", SQ_T_SMALLINT, 2},                            \
        {t, "part9", SQ_T_SMALLINT, 2}, {t, "part10", SQ_T_SMALLINT, 2},                           \
        {t, "part11", SQ_T_SMALLINT, 2}, {t, "part12", SQ_T_SMALLINT, 2},                          \
        {t, "part13", SQ_T_SMALLINT, 2}, {t, "part14", SQ_T_SMALLINT, 2},                          \
        {t, "part15", SQ_T_SMALLINT, 2},                                                           \
    {                                                                                              \
        t, "part16", SQ_T_SMALLINT, 2                                                              \
    }
/* DATETIME YEAR TO FRACTION(5) collength: (digits 19 << 8) | (YEAR 0 << 4) | F5 15. */
#define CAT_DT_Y2F5 ((19 << 8) | 15)
static const struct cat_seed_col cat_seed[] = {
    {1, "tabname", SQ_T_VARCHAR, 128},
    {1, "owner", SQ_T_CHAR, 32},
    {1, "partnum", SQ_T_INTEGER, 4},
    {1, "tabid", SQ_T_SERIAL, 4},
    {1, "rowsize", SQ_T_SMALLINT, 2},
    {1, "ncols", SQ_T_SMALLINT, 2},
    {1, "nindexes", SQ_T_SMALLINT, 2},
    {1, "nrows", SQ_T_FLOAT, 8},
    {1, "created", SQ_T_DATE, 4},
    {1, "version", SQ_T_INTEGER, 4},
    {1, "tabtype", SQ_T_CHAR, 1},
    {1, "locklevel", SQ_T_CHAR, 1},
    {1, "npused", SQ_T_FLOAT, 8},
    {1, "fextsize", SQ_T_INTEGER, 4},
    {1, "nextsize", SQ_T_INTEGER, 4},
    {1, "flags", SQ_T_SMALLINT, 2},
    {1, "site", SQ_T_VARCHAR, 128},
    {1, "dbname", SQ_T_VARCHAR, 128},
    {1, "type_xid", SQ_T_INTEGER, 4},
    {1, "am_id", SQ_T_INTEGER, 4},
    {1, "pagesize", SQ_T_INTEGER, 4},
    {1, "ustlowts", SQ_T_DATETIME, CAT_DT_Y2F5},
    {1, "secpolicyid", SQ_T_INTEGER, 4},
    {1, "protgranularity", SQ_T_CHAR, 1},
    {1, "statchange", SQ_T_SMALLINT, 2},
    {1, "statlevel", SQ_T_CHAR, 1},
    {2, "colname", SQ_T_VARCHAR, 128},
    {2, "tabid", SQ_T_INTEGER, 4},
    {2, "colno", SQ_T_SMALLINT, 2},
    {2, "coltype", SQ_T_SMALLINT, 2},
    {2, "collength", SQ_T_SMALLINT, 2},
    {2, "colmin", SQ_T_INTEGER, 4},
    {2, "colmax", SQ_T_INTEGER, 4},
    {2, "extended_id", SQ_T_INTEGER, 4},
    {2, "seclabelid", SQ_T_INTEGER, 4},
    {2, "colattr", SQ_T_SMALLINT, 2},
    {3, "idxname", SQ_T_VARCHAR, 128},
    {3, "owner", SQ_T_CHAR, 32},
    {3, "tabid", SQ_T_INTEGER, 4},
    {3, "idxtype", SQ_T_CHAR, 1},
    {3, "clustered", SQ_T_CHAR, 1},
    {3, "levels", SQ_T_SMALLINT, 2},
    {3, "leaves", SQ_T_FLOAT, 8},
    {3, "nunique", SQ_T_FLOAT, 8},
    {3, "clust", SQ_T_FLOAT, 8},
    {3, "nrows", SQ_T_FLOAT, 8},
    {3, "amid", SQ_T_INTEGER, 4},
    {3, "amparam", SQ_T_VARCHAR, 255},
    {3, "collation", SQ_T_CHAR, 32},
    {3, "pagesize", SQ_T_INTEGER, 4},
    CAT_PARTS(3),
    {4, "grantor", SQ_T_CHAR, 32},
    {4, "grantee", SQ_T_CHAR, 32},
    {4, "tabid", SQ_T_INTEGER, 4},
    {4, "tabauth", SQ_T_CHAR, 9},
    {5, "grantor", SQ_T_CHAR, 32},
    {5, "grantee", SQ_T_CHAR, 32},
    {5, "tabid", SQ_T_INTEGER, 4},
    {5, "colno", SQ_T_SMALLINT, 2},
    {5, "colauth", SQ_T_CHAR, 3},
    {6, "tabid", SQ_T_INTEGER, 4},
    {6, "seqno", SQ_T_SMALLINT, 2},
    {6, "viewtext", SQ_T_CHAR, 64},
    {9, "owner", SQ_T_CHAR, 32},
    {9, "synname", SQ_T_VARCHAR, 128},
    {9, "created", SQ_T_DATE, 4},
    {9, "tabid", SQ_T_INTEGER, 4},
    {10, "tabid", SQ_T_INTEGER, 4},
    {10, "servername", SQ_T_VARCHAR, 128},
    {10, "dbname", SQ_T_VARCHAR, 128},
    {10, "owner", SQ_T_CHAR, 32},
    {10, "tabname", SQ_T_VARCHAR, 128},
    {10, "btabid", SQ_T_INTEGER, 4},
    {11, "constrid", SQ_T_SERIAL, 4},
    {11, "constrname", SQ_T_VARCHAR, 128},
    {11, "owner", SQ_T_CHAR, 32},
    {11, "tabid", SQ_T_INTEGER, 4},
    {11, "constrtype", SQ_T_CHAR, 1},
    {11, "idxname", SQ_T_VARCHAR, 128},
    {11, "collation", SQ_T_CHAR, 32},
    {12, "constrid", SQ_T_INTEGER, 4},
    {12, "primary", SQ_T_INTEGER, 4},
    {12, "ptabid", SQ_T_INTEGER, 4},
    {12, "updrule", SQ_T_CHAR, 1},
    {12, "delrule", SQ_T_CHAR, 1},
    {12, "matchtype", SQ_T_CHAR, 1},
    {12, "pendant", SQ_T_CHAR, 1},
    {16, "procname", SQ_T_VARCHAR, 128},
    {16, "owner", SQ_T_CHAR, 32},
    {16, "procid", SQ_T_SERIAL, 4},
    {16, "mode", SQ_T_CHAR, 1},
    {16, "retsize", SQ_T_INTEGER, 4},
    {16, "symsize", SQ_T_INTEGER, 4},
    {16, "datasize", SQ_T_INTEGER, 4},
    {16, "codesize", SQ_T_INTEGER, 4},
    {16, "numargs", SQ_T_INTEGER, 4},
    {16, "isproc", SQ_T_CHAR, 1},
    {16, "specificname", SQ_T_VARCHAR, 128},
    {16, "externalname", SQ_T_VARCHAR, 255},
    {16, "paramstyle", SQ_T_CHAR, 1},
    {16, "langid", SQ_T_INTEGER, 4},
    {16, "paramtypes", SQ_T_VARCHAR, 255},
    {16, "variant", SQ_T_CHAR, 1},
    {16, "client", SQ_T_CHAR, 1},
    {16, "handlesnulls", SQ_T_CHAR, 1},
    {16, "iterator", SQ_T_CHAR, 1},
    {16, "percallcost", SQ_T_INTEGER, 4},
    {16, "commutator", SQ_T_VARCHAR, 128},
    {16, "negator", SQ_T_VARCHAR, 128},
    {16, "selfunc", SQ_T_VARCHAR, 128},
    {16, "internal", SQ_T_CHAR, 1},
    {16, "class", SQ_T_CHAR, 18},
    {16, "stack", SQ_T_INTEGER, 4},
    {16, "parallelizable", SQ_T_CHAR, 1},
    {16, "costfunc", SQ_T_VARCHAR, 128},
    {16, "selconst", SQ_T_SMALLFLOAT, 4},
    {17, "procid", SQ_T_INTEGER, 4},
    {17, "datakey", SQ_T_CHAR, 1},
    {17, "seqno", SQ_T_INTEGER, 4},
    {17, "data", SQ_T_CHAR, 256},
    {18, "procid", SQ_T_INTEGER, 4},
    {18, "planid", SQ_T_INTEGER, 4},
    {18, "datakey", SQ_T_CHAR, 1},
    {18, "seqno", SQ_T_INTEGER, 4},
    {18, "created", SQ_T_DATE, 4},
    {18, "datasize", SQ_T_INTEGER, 4},
    {18, "data", SQ_T_BYTE, 56},
    {30, "extended_id", SQ_T_SERIAL, 4},
    {30, "domain", SQ_T_CHAR, 1},
    {30, "mode", SQ_T_CHAR, 1},
    {30, "owner", SQ_T_CHAR, 32},
    {30, "name", SQ_T_VARCHAR, 128},
    {30, "type", SQ_T_SMALLINT, 2},
    {30, "source", SQ_T_INTEGER, 4},
    {30, "maxlen", SQ_T_INTEGER, 4},
    {30, "length", SQ_T_INTEGER, 4},
    {30, "byvalue", SQ_T_CHAR, 1},
    {30, "cannothash", SQ_T_CHAR, 1},
    {30, "align", SQ_T_SMALLINT, 2},
    {30, "locator", SQ_T_INTEGER, 4},
    {50, "idxname", SQ_T_VARCHAR, 128},
    {50, "owner", SQ_T_CHAR, 32},
    {50, "tabid", SQ_T_INTEGER, 4},
    {50, "idxtype", SQ_T_CHAR, 1},
    {50, "clustered", SQ_T_CHAR, 1},
    CAT_PARTS(50),
    {50, "levels", SQ_T_SMALLINT, 2},
    {50, "leaves", SQ_T_FLOAT, 8},
    {50, "nunique", SQ_T_FLOAT, 8},
    {50, "clust", SQ_T_FLOAT, 8},
    {50, "idxflags", SQ_T_INTEGER, 4},
    {51, "procid", SQ_T_INTEGER, 4},
    {51, "paramid", SQ_T_INTEGER, 4},
    {51, "paramname", SQ_T_VARCHAR, 128},
    {51, "paramtype", SQ_T_SMALLINT, 2},
    {51, "paramlen", SQ_T_SMALLINT, 2},
    {51, "paramxid", SQ_T_INTEGER, 4},
    {51, "paramattr", SQ_T_INTEGER, 4},
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
    if (cat_exec(db, cat_ddl_more, err) < 0)
        return -1;
    for (size_t i = 0; i < sizeof cat_seed_tabs / sizeof cat_seed_tabs[0]; i++) {
        int ncols = 0;
        for (size_t k = 0; k < sizeof cat_seed / sizeof cat_seed[0]; k++)
            ncols += cat_seed[k].tabid == cat_seed_tabs[i].tabid;
        snprintf(sql, sizeof sql,
                 "INSERT INTO systables (tabname, owner, partnum, tabid, rowsize, ncols, nindexes,"
                 " nrows, created, version, tabtype, locklevel, npused, fextsize, nextsize, flags,"
                 " site, dbname) VALUES ('%s', '%s', 0, %d, 0, %d, 0, 0, '%s', 0, '%c', 'R', 0,"
                 " 16, 16, 0, '', '');",
                 cat_seed_tabs[i].name, owner, cat_seed_tabs[i].tabid, ncols, today,
                 cat_seed_tabs[i].tabtype);
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

/* A synonym stands for its base table (IBM SYSSYNTABLE: tabid of the
 * synonym, btabid of the table or view in this database): the columns and
 * tabid are the base table's, name stays the synonym, base names the table.
 * Chains of synonyms are followed a few levels. 0, or -1 when dangling. */
static int resolve_synonym(sqlite3 *db, struct cat_table *t)
{
    for (int depth = 0; depth < 8 && (t->tabtype == 'S' || t->tabtype == 'P'); depth++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db,
                               "SELECT b.tabid, b.tabtype, b.tabname FROM main.syssyntable s,"
                               " main.systables b WHERE s.tabid = ? AND b.tabid = s.btabid",
                               -1, &st, NULL) != SQLITE_OK)
            return -1;
        sqlite3_bind_int64(st, 1, t->tabid);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            sqlite3_finalize(st);
            return -1;
        }
        t->tabid = sqlite3_column_int64(st, 0);
        const unsigned char *tt = sqlite3_column_text(st, 1);
        const unsigned char *nm = sqlite3_column_text(st, 2);
        t->tabtype = tt ? (char)tt[0] : 'T';
        snprintf(t->base, sizeof t->base, "%s", nm ? (const char *)nm : "");
        sqlite3_finalize(st);
    }
    return t->tabtype == 'S' || t->tabtype == 'P' ? -1 : 0;
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
            if (!temp && (out->tabtype == 'S' || out->tabtype == 'P') &&
                resolve_synonym(db, out) < 0)
                return -1;
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

/* Table privileges of a new table (IBM SYSTABAUTH): the owner holds every
 * privilege with grant option (upper case), and in a database that is not
 * MODE ANSI, PUBLIC gets select, update, insert, delete and index (Informix's
 * default unless NODEFDAC is set). tabauth positions: s u * i d x a r n. */
static int add_owner_auth(sqlite3 *db, const char *own, int64_t tabid, struct srv_err *err)
{
    enum srv_dbkind kind = SRV_DB_LOGGED;
    (void)cat_read_kind(db, &kind);
    char *sql = sqlite3_mprintf("INSERT INTO systabauth VALUES (%Q, %Q, %lld, 'SU-IDXAR-');", own,
                                own, (long long)tabid);
    if (sql && kind != SRV_DB_ANSI) {
        char *more = sqlite3_mprintf("%sINSERT INTO systabauth VALUES (%Q, 'public', %lld,"
                                     " 'su-idx---');",
                                     sql, own, (long long)tabid);
        sqlite3_free(sql);
        sql = more;
    }
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
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
    if (!temp && cat_has_full(db) && add_owner_auth(db, own, tabid, err) < 0)
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
    if (t->temp || !cat_has_full(db))
        return 0;
    /* Informix drops the table's privileges, view text and the synonyms of it. */
    char sql[768];
    snprintf(sql, sizeof sql,
             "DELETE FROM systabauth WHERE tabid = %lld; DELETE FROM syscolauth WHERE tabid = %lld;"
             " DELETE FROM sysviews WHERE tabid = %lld; DELETE FROM syssynonyms WHERE tabid = %lld;"
             " DELETE FROM systables WHERE tabid IN (SELECT tabid FROM syssyntable"
             " WHERE btabid = %lld); DELETE FROM syssyntable WHERE btabid = %lld;",
             (long long)t->tabid, (long long)t->tabid, (long long)t->tabid, (long long)t->tabid,
             (long long)t->tabid, (long long)t->tabid);
    return cat_exec(db, sql, err);
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
    char b2[64];
    /* Foreign keys name their referenced table (ifx_constr.reftab). */
    char *sql = sqlite3_mprintf("UPDATE %s SET tabname = %Q WHERE tabid = %lld;"
                                "UPDATE %s SET reftab = %Q WHERE reftab = %Q",
                                tn(t->temp, "systables", b1, sizeof b1), to, (long long)t->tabid,
                                tn(t->temp, "ifx_constr", b2, sizeof b2), to, t->name);
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
    char b2[64];
    /* The constraint records name their columns (ifx_constr.cols, a
     * comma-separated list): rename the column there too, so the constraint
     * indexes (sysindices parts) and key lookups stay true. */
    char *sql = sqlite3_mprintf(
        "UPDATE %s SET colname = %Q WHERE tabid = %lld AND colname = %Q;"
        "UPDATE %s SET cols = substr(replace(',' || cols || ',', ',' || %Q || ',',"
        " ',' || %Q || ','), 2, length(replace(',' || cols || ',', ',' || %Q || ',',"
        " ',' || %Q || ',')) - 2) WHERE tabid = %lld AND instr(',' || cols || ',',"
        " ',' || %Q || ',') > 0",
        tn(t->temp, "syscolumns", b1, sizeof b1), to, (long long)t->tabid, from,
        tn(t->temp, "ifx_constr", b2, sizeof b2), from, to, from, to, (long long)t->tabid, from);
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

/* ---- indexes, references, views ------------------------------------------- */

static int sqlite_err(sqlite3 *db, struct srv_err *err)
{
    srv_err_from_sqlite(err, sqlite3_errcode(db), sqlite3_extended_errcode(db), sqlite3_errmsg(db),
                        SRV_CTX_OTHER, false);
    return -1;
}

bool cat_has_full(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(db,
                           "SELECT 1 FROM main.sqlite_master WHERE type = 'table'"
                           " AND name = 'sysindices'",
                           -1, &st, NULL) == SQLITE_OK)
        yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* syscolumns.colno of column name in tabid, or 0. */
static int colno_of(sqlite3 *db, int64_t tabid, const char *name, size_t n)
{
    sqlite3_stmt *st = NULL;
    int colno = 0;
    if (sqlite3_prepare_v2(db, "SELECT colno FROM main.syscolumns WHERE tabid = ? AND colname = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(st, 1, tabid);
    sqlite3_bind_text(st, 2, name, (int)n, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        colno = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return colno;
}

#define CAT_NPARTS 16

/* Parts of a comma-separated column list ("a,b"); 0 when a column is unknown. */
static size_t parts_of(sqlite3 *db, int64_t tabid, const char *cols, int parts[CAT_NPARTS])
{
    size_t n = 0;
    const char *p = cols;
    while (p && *p && n < CAT_NPARTS) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        parts[n++] = colno_of(db, tabid, p, len);
        p = e ? e + 1 : NULL;
    }
    return n;
}

static int insert_index(sqlite3 *db, const char *name, const char *owner, int64_t tabid,
                        char idxtype, const int parts[CAT_NPARTS], size_t nparts,
                        struct srv_err *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO main.sysindices VALUES (?, ?, ?, ?, '-', 1, 1, 0, 0, 0,"
                           " 1, NULL, 'en_US.819', 2048, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(db), 0, sqlite3_errmsg(db), SRV_CTX_OTHER, false);
        return -1;
    }
    char it[2] = {idxtype, 0};
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, owner, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, tabid);
    sqlite3_bind_text(st, 4, it, -1, SQLITE_STATIC);
    for (size_t i = 0; i < CAT_NPARTS; i++)
        sqlite3_bind_int(st, 5 + (int)i, i < nparts ? parts[i] : 0);
    int rc = step_done(db, st, err);
    sqlite3_finalize(st);
    return rc;
}

/* Constraint indexes: Informix builds one per P, U and R constraint, named
 * " <tabid>_<constrid>" (leading blank), and records it in
 * sysconstraints.idxname; P and U are unique (U), R duplicate (D). */
static int sync_constraint_indexes(sqlite3 *db, struct srv_err *err)
{
    if (cat_exec(db,
                 "UPDATE main.sysconstraints SET idxname = ' ' || tabid || '_' || constrid"
                 " WHERE constrtype IN ('P', 'U', 'R') AND tabid >= 100",
                 err) < 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT c.idxname, c.owner, c.tabid, c.constrtype, x.cols"
                           " FROM main.sysconstraints c JOIN main.ifx_constr x"
                           " ON x.constrid = c.constrid WHERE c.constrtype IN ('P', 'U', 'R')"
                           " AND c.tabid >= 100 ORDER BY c.constrid",
                           -1, &st, NULL) != SQLITE_OK)
        return sqlite_err(db, err);
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *nm = (const char *)sqlite3_column_text(st, 0);
        const char *own = (const char *)sqlite3_column_text(st, 1);
        int64_t tabid = sqlite3_column_int64(st, 2);
        const char *ty = (const char *)sqlite3_column_text(st, 3);
        const char *cols = (const char *)sqlite3_column_text(st, 4);
        int parts[CAT_NPARTS];
        size_t n = parts_of(db, tabid, cols, parts);
        rc = insert_index(db, nm ? nm : "", own ? own : "", tabid, ty && ty[0] == 'R' ? 'D' : 'U',
                          parts, n, err);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Indexes made by CREATE [UNIQUE] INDEX, read back from SQLite. */
static int sync_user_indexes(sqlite3 *db, struct srv_err *err)
{
    sqlite3_stmt *tabs = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT t.tabid, t.owner, il.name, il.\"unique\" FROM main.systables t,"
                           " pragma_index_list(t.tabname, 'main') il WHERE t.tabtype = 'T'"
                           " AND t.tabid >= 100 AND il.origin = 'c' ORDER BY t.tabid, il.name",
                           -1, &tabs, NULL) != SQLITE_OK)
        return sqlite_err(db, err);
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(tabs)) == SQLITE_ROW) {
        int64_t tabid = sqlite3_column_int64(tabs, 0);
        const char *own = (const char *)sqlite3_column_text(tabs, 1);
        const char *nm = (const char *)sqlite3_column_text(tabs, 2);
        bool uniq = sqlite3_column_int(tabs, 3) != 0;
        sqlite3_stmt *cols = NULL;
        int parts[CAT_NPARTS];
        size_t n = 0;
        if (sqlite3_prepare_v2(db,
                               "SELECT name, \"desc\" FROM pragma_index_xinfo(?, 'main')"
                               " WHERE key = 1 ORDER BY seqno",
                               -1, &cols, NULL) == SQLITE_OK) {
            sqlite3_bind_text(cols, 1, nm, -1, SQLITE_STATIC);
            while (n < CAT_NPARTS && sqlite3_step(cols) == SQLITE_ROW) {
                const char *cn = (const char *)sqlite3_column_text(cols, 0);
                int colno = cn ? colno_of(db, tabid, cn, strlen(cn)) : 0;
                parts[n++] = sqlite3_column_int(cols, 1) ? -colno : colno;
            }
        }
        sqlite3_finalize(cols);
        rc = insert_index(db, nm ? nm : "", own ? own : "", tabid, uniq ? 'U' : 'D', parts, n, err);
    }
    sqlite3_finalize(tabs);
    return rc;
}

/* SYSREFERENCES from the R constraints and SQLite's foreign keys: the
 * referenced constraint is the P constraint of the parent (REFERENCES t) or
 * the P/U constraint on exactly the listed columns (REFERENCES t (a, b)). */
static int sync_references(sqlite3 *db, struct srv_err *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db,
            "WITH fk AS (SELECT t.tabid AS tabid, f.id AS id, group_concat(f.\"from\", ',') AS"
            " fcols, group_concat(f.\"to\", ',') AS tcols, max(f.on_delete) AS del,"
            " max(f.on_update) AS upd FROM main.systables t, pragma_foreign_key_list(t.tabname,"
            " 'main') f WHERE t.tabtype = 'T' AND t.tabid >= 100 GROUP BY t.tabid, f.id)"
            " INSERT INTO main.sysreferences SELECT c.constrid, (SELECT pc.constrid FROM"
            " main.sysconstraints pc JOIN main.ifx_constr px ON px.constrid = pc.constrid"
            " WHERE pc.tabid = pt.tabid AND ((fk.tcols IS NULL AND pc.constrtype = 'P') OR"
            " (pc.constrtype IN ('P', 'U') AND px.cols = fk.tcols)) ORDER BY pc.constrtype"
            " LIMIT 1), pt.tabid, 'R', CASE fk.del WHEN 'CASCADE' THEN 'C' ELSE 'R' END, 'N',"
            " 'N' FROM main.sysconstraints c JOIN main.ifx_constr x ON x.constrid = c.constrid"
            " JOIN main.systables pt ON pt.tabname = x.reftab JOIN fk ON fk.tabid = c.tabid"
            " AND fk.fcols = x.cols WHERE c.constrtype = 'R' GROUP BY c.constrid",
            -1, &st, NULL) != SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(db), 0, sqlite3_errmsg(db), SRV_CTX_OTHER, false);
        return -1;
    }
    int rc = step_done(db, st, err);
    sqlite3_finalize(st);
    return rc;
}

int cat_sync(sqlite3 *db, struct srv_err *err)
{
    if (!cat_has_full(db))
        return 0; /* a database made before these tables existed */
    if (cat_exec(db,
                 "DELETE FROM main.sysindices WHERE tabid >= 100;"
                 " DELETE FROM main.sysreferences;",
                 err) < 0 ||
        sync_constraint_indexes(db, err) < 0 || sync_user_indexes(db, err) < 0 ||
        sync_references(db, err) < 0)
        return -1;
    return cat_exec(db,
                    "UPDATE main.systables SET nindexes = (SELECT count(*) FROM main.sysindices i"
                    " WHERE i.tabid = systables.tabid) WHERE tabid >= 100",
                    err);
}

int cat_add_view_text(sqlite3 *db, int64_t tabid, const char *text, struct srv_err *err)
{
    if (!cat_has_full(db))
        return 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO main.sysviews VALUES (?, ?, ?)", -1, &st, NULL) !=
        SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(db), 0, sqlite3_errmsg(db), SRV_CTX_OTHER, false);
        return -1;
    }
    /* IBM SYSVIEWS.viewtext: the CREATE VIEW text in CHAR(64) pieces, seqno 0.. */
    size_t len = strlen(text);
    int rc = 0;
    for (size_t off = 0, seq = 0; rc == 0 && off < len; off += 64, seq++) {
        size_t n = len - off < 64 ? len - off : 64;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, tabid);
        sqlite3_bind_int64(st, 2, (int64_t)seq);
        sqlite3_bind_text(st, 3, text + off, (int)n, SQLITE_STATIC);
        rc = step_done(db, st, err);
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- synonyms ------------------------------------------------------------ */

int cat_create_synonym(sqlite3 *db, const char *name, const char *owner, bool public_syn,
                       const char *table, bool if_not_exists, struct srv_err *err)
{
    if (!cat_has_full(db)) {
        srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, NULL);
        return -1;
    }
    struct cat_table t;
    int found = cat_find(db, name, &t);
    if (found == 1) {
        cat_table_fini(&t);
        if (if_not_exists)
            return 0;
        srv_err_set(err, SRV_E_TABLE_EXISTS, 0, 0, name);
        return -1;
    }
    found = cat_find(db, table, &t);
    if (found != 1 || t.temp) { /* Informix: no synonym for a temp table */
        if (found == 1)
            cat_table_fini(&t);
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, table);
        return -1;
    }
    int64_t btabid = t.tabid;
    cat_table_fini(&t);
    /* systables row of the synonym (tabtype S public / P private, no columns:
     * IBM SYSTABLES, ncols 0 and no syscolumns rows for synonyms); syssyntable
     * maps it to the base table's tabid (servername, dbname, owner, tabname
     * stay NULL for a table of this database); syssynonyms lists it under the
     * base table's tabid (IBM SYSSYNONYMS: owner, synname, created, tabid). */
    int64_t tabid = cat_add_table(db, name, owner, false, public_syn ? 'S' : 'P', NULL, 0, err);
    if (tabid < 0)
        return -1;
    char own[CAT_OWNER_WIDTH + 1], today[32];
    pad_owner(owner, own);
    today_text(today);
    char *sql = sqlite3_mprintf("DELETE FROM systabauth WHERE tabid = %lld;"
                                "INSERT INTO syssyntable VALUES (%lld, NULL, NULL, NULL, NULL, %lld);"
                                "INSERT INTO syssynonyms VALUES (%Q, %Q, %Q, %lld);",
                                (long long)tabid, (long long)tabid, (long long)btabid, own, name,
                                today, (long long)btabid);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

int cat_drop_synonym(sqlite3 *db, const char *name, bool if_exists, struct srv_err *err)
{
    if (!cat_has_full(db)) {
        srv_err_set(err, SRV_E_NOT_IMPL, 0, 0, NULL);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT tabid FROM main.systables WHERE tabname = ?"
                           " AND tabtype IN ('S', 'P')",
                           -1, &st, NULL) != SQLITE_OK)
        return sqlite_err(db, err);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int64_t tabid = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        tabid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (tabid < 0) {
        if (if_exists)
            return 0;
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, name);
        return -1;
    }
    char *sql = sqlite3_mprintf("DELETE FROM syssynonyms WHERE synname = %Q AND tabid ="
                                " (SELECT btabid FROM syssyntable WHERE tabid = %lld);"
                                "DELETE FROM syssyntable WHERE tabid = %lld;"
                                "DELETE FROM systables WHERE tabid = %lld;",
                                name, (long long)tabid, (long long)tabid, (long long)tabid);
    if (!sql) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

/* ---- privileges ---------------------------------------------------------- */

/* Apply letters to an auth string: grant sets each named position (upper
 * case when grantable, an existing upper case stays), revoke clears it. */
static void merge_auth(char *cur, const char *named, size_t n, bool grantable, bool revoke)
{
    for (size_t k = 0; k < n; k++) {
        if (named[k] == '-' || named[k] == '\0')
            continue;
        if (revoke)
            cur[k] = '-';
        else if (grantable || !(cur[k] >= 'A' && cur[k] <= 'Z'))
            cur[k] = grantable ? (char)(named[k] - 'a' + 'A') : named[k];
    }
}

static bool all_dashes(const char *s)
{
    for (; *s; s++)
        if (*s != '-' && *s != ' ')
            return false;
    return true;
}

/* Read one auth string (NULL-terminated into out) of a row; false if none. */
static bool read_auth(sqlite3 *db, const char *sql, char *out, size_t cap)
{
    sqlite3_stmt *st = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        snprintf(out, cap, "%s", v ? (const char *)v : "");
        found = true;
    }
    sqlite3_finalize(st);
    return found;
}

/* Store an auth row: update, insert, or delete when nothing is left. */
static int store_auth(sqlite3 *db, bool existed, const char *auth, const char *key_where,
                      const char *insert_sql, const char *table, struct srv_err *err)
{
    char *sql;
    if (all_dashes(auth))
        sql = existed ? sqlite3_mprintf("DELETE FROM %s WHERE %s", table, key_where) : NULL;
    else if (existed)
        sql = sqlite3_mprintf("UPDATE %s SET %s = %Q WHERE %s", table,
                              strcmp(table, "systabauth") == 0 ? "tabauth" : "colauth", auth,
                              key_where);
    else
        sql = sqlite3_mprintf("%s", insert_sql);
    if (!sql) {
        if (all_dashes(auth) && !existed)
            return 0; /* nothing to store */
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = cat_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}

/* One grantee: syscolauth rows (colauth s u r), then the systabauth row
 * (tabauth s u * i d x a r n, '*' when column privileges exist). Rows are
 * keyed by grantor, grantee and tabid as IBM documents; names are stored
 * blank-padded to CHAR(32) like owners and compared without the padding. */
static int grant_one(sqlite3 *db, const struct cat_table *t, const char *grantor,
                     const char *grantee, const struct srv_grant *g, bool revoke,
                     struct srv_err *err)
{
    char gr[CAT_OWNER_WIDTH + 1], ge[CAT_OWNER_WIDTH + 1];
    pad_owner(grantor, gr); /* grantor CHAR(32) padded like owners; grantee as named */
    snprintf(ge, sizeof ge, "%.32s", grantee);
    char *key = sqlite3_mprintf("rtrim(grantor) = rtrim(%Q) AND rtrim(grantee) = rtrim(%Q)"
                                " AND tabid = %lld",
                                gr, ge, (long long)t->tabid);
    if (!key) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    int rc = 0;
    /* Column privileges named with a column list. */
    for (size_t k = 0; rc == 0 && k < g->ncols; k++) {
        const struct cat_col *c = cat_col_find(t, g->cols[k].col);
        if (!c) {
            srv_err_set(err, SRV_E_NO_COLUMN, 0, 0, g->cols[k].col);
            rc = -1;
            break;
        }
        char named[4] = "---", cur[8] = "---";
        named[g->cols[k].priv == 's' ? 0 : g->cols[k].priv == 'u' ? 1 : 2] = g->cols[k].priv;
        char *q = sqlite3_mprintf("SELECT colauth FROM syscolauth WHERE %s AND colno = %d", key,
                                  c->colno);
        char *kw = sqlite3_mprintf("%s AND colno = %d", key, c->colno);
        bool existed = q && read_auth(db, q, cur, sizeof cur);
        if (strlen(cur) != 3)
            snprintf(cur, sizeof cur, "---");
        merge_auth(cur, named, 3, g->grantable, revoke);
        char *ins = sqlite3_mprintf("INSERT INTO syscolauth VALUES (%Q, %Q, %lld, %d, %Q)", gr,
                                    ge, (long long)t->tabid, c->colno, cur);
        if (!q || !kw || !ins) {
            srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
            rc = -1;
        } else {
            rc = store_auth(db, existed, cur, kw, ins, "syscolauth", err);
        }
        sqlite3_free(q);
        sqlite3_free(kw);
        sqlite3_free(ins);
    }
    /* REVOKE of a table privilege also takes it off every column. */
    if (rc == 0 && revoke) {
        static const struct {
            int pos;
            int col;
        } map[] = {{0, 1}, {1, 2}, {7, 3}};
        for (size_t k = 0; rc == 0 && k < 3; k++) {
            if (g->tabauth[map[k].pos] == '-')
                continue;
            char *sql = sqlite3_mprintf(
                "UPDATE syscolauth SET colauth = substr(colauth, 1, %d) || '-' ||"
                " substr(colauth, %d) WHERE %s; DELETE FROM syscolauth WHERE %s AND"
                " colauth = '---'",
                map[k].col - 1, map[k].col + 1, key, key);
            if (!sql) {
                srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
                rc = -1;
                break;
            }
            rc = cat_exec(db, sql, err);
            sqlite3_free(sql);
        }
    }
    if (rc == 0) {
        char cur[16] = "---------";
        char *q = sqlite3_mprintf("SELECT tabauth FROM systabauth WHERE %s", key);
        bool existed = q && read_auth(db, q, cur, sizeof cur);
        sqlite3_free(q);
        if (strlen(cur) != 9)
            snprintf(cur, sizeof cur, "---------");
        merge_auth(cur, g->tabauth, 9, g->grantable, revoke);
        char star[8] = "";
        q = sqlite3_mprintf("SELECT count(*) FROM syscolauth WHERE %s", key);
        cur[2] = q && read_auth(db, q, star, sizeof star) && atoi(star) > 0 ? '*' : '-';
        sqlite3_free(q);
        char *ins = sqlite3_mprintf("INSERT INTO systabauth VALUES (%Q, %Q, %lld, %Q)", gr, ge,
                                    (long long)t->tabid, cur);
        if (!ins) {
            srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
            rc = -1;
        } else {
            rc = store_auth(db, existed, cur, key, ins, "systabauth", err);
        }
        sqlite3_free(ins);
    }
    sqlite3_free(key);
    return rc;
}

int cat_grant(sqlite3 *db, const char *user, const char *table, const struct srv_grant *g,
              bool revoke, struct srv_err *err)
{
    struct cat_table t;
    int found = cat_find(db, table, &t);
    if (found != 1) {
        srv_err_set(err, SRV_E_NO_TABLE, SRV_ISAM_NO_FILE, 0, table);
        return -1;
    }
    int rc = 0;
    if (!t.temp && cat_has_full(db) && t.tabid >= 100) { /* temp tables: no privileges */
        const char *grantor = g->grantor[0] ? g->grantor : user;
        for (size_t k = 0; rc == 0 && k < g->ngrantees; k++)
            rc = grant_one(db, &t, grantor, g->grantees[k], g, revoke, err);
    }
    cat_table_fini(&t);
    return rc;
}

/* ---- sysmaster: sessions and cursors (srv_stats.h) ------------------------- */

/* The System-Monitoring Interface tables ifxlite keeps (a faithful subset of
 * Informix's columns; see docs/ifxlite.md), as TEMP tables of the session,
 * refilled from the registry before every statement that reads sysmaster. */
struct sm_col {
    const char *name;
    uint16_t code;
    uint32_t len;
};

static const struct sm_col sm_sessions[] = {
    {"sid", SQ_T_INTEGER, 4},      {"username", SQ_T_CHAR, 32},   {"uid", SQ_T_SMALLINT, 2},
    {"pid", SQ_T_INTEGER, 4},      {"hostname", SQ_T_CHAR, 256},  {"tty", SQ_T_CHAR, 16},
    {"connected", SQ_T_INTEGER, 4}, {"feprogram", SQ_T_CHAR, 255}, {"pooladdr", SQ_T_INTEGER, 4},
    {"is_wlatch", SQ_T_INTEGER, 4}, {"is_wlock", SQ_T_INTEGER, 4}, {"is_wbuff", SQ_T_INTEGER, 4},
    {"is_wckpt", SQ_T_INTEGER, 4},  {"is_wlogbuf", SQ_T_INTEGER, 4},
    {"is_wtrans", SQ_T_INTEGER, 4}, {"is_monitor", SQ_T_INTEGER, 4},
    {"is_incrit", SQ_T_INTEGER, 4}, {"state", SQ_T_INTEGER, 4},
};
/* One row per session: its current database and last statement text. */
static const struct sm_col sm_sqlcurses[] = {
    {"scs_sessionid", SQ_T_INTEGER, 4},
    {"scs_currdb", SQ_T_CHAR, 128},
    {"scs_sqlstatement", SQ_T_VARCHAR, 255},
};
/* ifxlite's own (no Informix equivalent): one row per prepared statement,
 * whether its cursor is open. Counting rows gives the open statements and
 * cursors per session and in total. */
static const struct sm_col sm_cursors[] = {
    {"cur_sessionid", SQ_T_INTEGER, 4}, {"cur_id", SQ_T_INTEGER, 4},
    {"cur_isopen", SQ_T_INTEGER, 4},    {"cur_isscroll", SQ_T_INTEGER, 4},
    {"cur_ishold", SQ_T_INTEGER, 4},    {"cur_sqlstatement", SQ_T_VARCHAR, 255},
};

static int sm_create(sqlite3 *db, const char *name, const struct sm_col *cols, size_t n,
                     struct srv_err *err)
{
    char sql[1024];
    size_t at = (size_t)snprintf(sql, sizeof sql, "CREATE TEMP TABLE %s (", name);
    struct cat_col cc[32];
    memset(cc, 0, sizeof cc);
    for (size_t i = 0; i < n && i < 32; i++) {
        bool text = cols[i].code == SQ_T_CHAR || cols[i].code == SQ_T_VARCHAR;
        at += (size_t)snprintf(sql + at, sizeof sql - at, "%s%s %s", i ? ", " : "", cols[i].name,
                               text ? "TEXT" : "INTEGER");
        snprintf(cc[i].name, sizeof cc[i].name, "%s", cols[i].name);
        cc[i].ty.code = cols[i].code;
        cc[i].ty.len = cols[i].len;
    }
    snprintf(sql + at, sizeof sql - at, ")");
    if (cat_exec(db, sql, err) < 0)
        return -1;
    return cat_add_table(db, name, "informix", true, 'T', cc, n, err) < 0 ? -1 : 0;
}

int cat_sysmaster_create(sqlite3 *db, struct srv_err *err)
{
    if (sm_create(db, "sysmaster_syssessions", sm_sessions,
                  sizeof sm_sessions / sizeof sm_sessions[0], err) < 0 ||
        sm_create(db, "sysmaster_syssqlcurses", sm_sqlcurses,
                  sizeof sm_sqlcurses / sizeof sm_sqlcurses[0], err) < 0 ||
        sm_create(db, "sysmaster_ifxlite_cursors", sm_cursors,
                  sizeof sm_cursors / sizeof sm_cursors[0], err) < 0)
        return -1;
    return 0;
}

static void bind_cut(sqlite3_stmt *st, int i, const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
}

int cat_sysmaster_refresh(struct srv_session *s, struct srv_err *err)
{
    struct srv_stats_session_row *sv = NULL;
    struct srv_stats_stmt_row *tv = NULL;
    size_t ns = 0, nt = 0;
    if (srv_stats_snapshot(&sv, &ns, &tv, &nt) < 0) {
        srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    sqlite3_stmt *a = NULL, *b = NULL, *c = NULL;
    int rc = -1;
    if (cat_exec(s->db,
                 "DELETE FROM temp.sysmaster_syssessions; DELETE FROM temp.sysmaster_syssqlcurses;"
                 " DELETE FROM temp.sysmaster_ifxlite_cursors",
                 err) < 0)
        goto out;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO temp.sysmaster_syssessions VALUES (?, ?, 0, ?, ?, '', ?,"
                           " ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 524289)",
                           -1, &a, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO temp.sysmaster_syssqlcurses VALUES (?, ?, ?)", -1,
                           &b, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "INSERT INTO temp.sysmaster_ifxlite_cursors VALUES (?, ?, ?, ?, ?, ?)",
                           -1, &c, NULL) != SQLITE_OK) {
        srv_err_from_sqlite(err, sqlite3_errcode(s->db), 0, sqlite3_errmsg(s->db), SRV_CTX_OTHER,
                            false);
        goto out;
    }
    for (size_t i = 0; i < ns; i++) {
        /* state 0x80001: user structure in use, primary thread of the session */
        sqlite3_bind_int(a, 1, sv[i].sid);
        bind_cut(a, 2, sv[i].user, 32);
        sqlite3_bind_int(a, 3, sv[i].pid);
        bind_cut(a, 4, sv[i].host, 256);
        sqlite3_bind_int64(a, 5, sv[i].connected);
        bind_cut(a, 6, sv[i].program, 255);
        sqlite3_step(a);
        sqlite3_reset(a);
        sqlite3_bind_int(b, 1, sv[i].sid);
        bind_cut(b, 2, sv[i].dbname, 128);
        bind_cut(b, 3, sv[i].last_sql, 255);
        sqlite3_step(b);
        sqlite3_reset(b);
    }
    for (size_t i = 0; i < nt; i++) {
        sqlite3_bind_int(c, 1, tv[i].sid);
        sqlite3_bind_int64(c, 2, (int64_t)tv[i].id);
        sqlite3_bind_int(c, 3, tv[i].open);
        sqlite3_bind_int(c, 4, tv[i].scroll);
        sqlite3_bind_int(c, 5, tv[i].hold);
        bind_cut(c, 6, tv[i].sql, 255);
        sqlite3_step(c);
        sqlite3_reset(c);
    }
    rc = 0;
out:
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    sqlite3_finalize(c);
    sq_free(sv);
    sq_free(tv);
    return rc;
}
