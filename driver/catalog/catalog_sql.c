/* SPDX-License-Identifier: MIT */
/* catalog_sql.c - one documented Informix query per ODBC catalog function,
 * reshaped into the result set the ODBC reference defines (column names,
 * types, order) and sorted as it says. The SELECTs are plain Informix SQL over
 * the system catalog (IBM "Informix Guide to SQL: Reference", ch. 1), so the
 * same code works against IBM Informix; filtering by search patterns happens
 * here (catalog_arg_match), literal names go into the WHERE clause. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dbc.h"
#include "sq_alloc.h"
#include "sq_types.h"

#define VC(n, len, null)                                                                           \
    {                                                                                              \
        n, SQ_T_VARCHAR, len, null                                                                 \
    }
#define SI(n, null)                                                                                \
    {                                                                                              \
        n, SQ_T_SMALLINT, 2, null                                                                  \
    }
#define IN(n, null)                                                                                \
    {                                                                                              \
        n, SQ_T_INTEGER, 4, null                                                                   \
    }
#define NKEYS(k) (sizeof(k) / sizeof(k)[0])
#define CAT_SQL_MAX 4096

/* Arguments of one call, converted with the METADATA_ID rules. */
struct cargs {
    struct catalog_arg a[7];
    size_t n;
};

static void cargs_fini(struct cargs *c)
{
    for (size_t i = 0; i < c->n; i++)
        catalog_arg_fini(&c->a[i]);
}

static bool cargs_add(struct stmt *s, struct cargs *c, const struct str *in,
                      enum catalog_argkind kind)
{
    return catalog_arg_init(&c->a[c->n++], in, kind, stmt_metadata_id(s));
}

/* The catalog argument names the current database (absent, or equal). An
 * empty catalog means "tables without a catalog": none in Informix. */
static bool cat_ok(const struct stmt *s, const struct catalog_arg *a)
{
    return catalog_arg_match(a, catalog_current(s));
}

/* Start a statement, returning SQL_SUCCESS or the state error. */
static SQLRETURN begin(struct stmt *s)
{
    return stmt_check(s, FN_CATALOG);
}

static SQLRETURN finish(struct stmt *s, struct lrs *r, const size_t *keys, size_t nkeys)
{
    catalog_lrs_sort(r, keys, nkeys);
    return stmt_attach_local(s, r);
}

static SQLRETURN oom(struct stmt *s, struct lrs *r, struct catalog_rows *q, struct cargs *c)
{
    lrs_free(r);
    catalog_rows_fini(q);
    cargs_fini(c);
    return diag_add(&s->hdr, DIAG_HY001, NULL);
}

/* " AND <col> = '<literal>'" when the argument has no wildcards. */
static bool where_literal(char *sql, size_t cap, const char *col, const struct catalog_arg *a)
{
    char lit[300];
    if (!catalog_arg_literal(a, lit, sizeof lit))
        return true;
    size_t o = strlen(sql);
    if ((size_t)snprintf(sql + o, cap - o, " AND %s = ", col) >= cap - o)
        return false;
    return catalog_quote(sql, cap, lit);
}

/* TYPE_NAME in catalog results: the data source's type name as
 * SQLGetTypeInfo spells it (upper case: "INTEGER", "DATETIME YEAR TO
 * SECOND"), so SQLColumns/SQLSpecialColumns and SQLGetTypeInfo agree. */
static void type_name_upper(struct conv_coltype *ct)
{
    for (char *p = ct->type_name; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
}

/* TABLE_TYPE of a systables row: tabid < 100 is the system catalog. */
static const char *table_type(long long tabid, const char *tabtype)
{
    if (tabid < 100)
        return "SYSTEM TABLE";
    if (!tabtype)
        return "TABLE";
    switch (tabtype[0]) {
    case 'V':
        return "VIEW";
    case 'S':
    case 'P':
        return "SYNONYM";
    default:
        return "TABLE";
    }
}

/* Is type t in the SQLTables TableType list ("'TABLE','VIEW'" or TABLE,VIEW)? */
static bool type_wanted(const struct catalog_arg *types, const char *t)
{
    if (!types->present || types->text[0] == '\0' || strcmp(types->text, "%") == 0)
        return true;
    const char *p = types->text;
    size_t tl = strlen(t);
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        bool q = *p == '\'';
        if (q)
            p++;
        const char *b = p;
        while (*p && *p != ',' && !(q && *p == '\''))
            p++;
        const char *e = p;
        while (e > b && e[-1] == ' ')
            e--;
        if ((size_t)(e - b) == tl && strncasecmp(b, t, tl) == 0)
            return true;
        if (q && *p == '\'')
            p++;
        while (*p && *p != ',')
            p++;
    }
    return false;
}

/* ---- SQLTables ------------------------------------------------------------------ */

static const struct catalog_colspec tables_cols[] = {
    VC("TABLE_CAT", 128, true),  VC("TABLE_SCHEM", 32, true), VC("TABLE_NAME", 128, false),
    VC("TABLE_TYPE", 32, false), VC("REMARKS", 254, true),
};

SQLRETURN catalog_tables(struct stmt *s, const struct str *cat, const struct str *schem,
                         const struct str *table, const struct str *types)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(tables_cols, 5);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_PATTERN) || !cargs_add(s, &c, table, CATALOG_PATTERN) ||
        !cargs_add(s, &c, types, CATALOG_ORDINARY))
        return oom(s, r, &q, &c);
    bool is_empty[4];
    for (size_t i = 0; i < 4; i++)
        is_empty[i] = c.a[i].present && c.a[i].text[0] == '\0';
    bool all_cat = c.a[0].present && strcmp(c.a[0].text, SQL_ALL_CATALOGS) == 0;
    bool all_sch = c.a[1].present && strcmp(c.a[1].text, SQL_ALL_SCHEMAS) == 0;
    bool all_typ = c.a[3].present && strcmp(c.a[3].text, SQL_ALL_TABLE_TYPES) == 0;
    static const size_t keys[] = {3, 0, 1, 2};
    if (all_cat && is_empty[1] && is_empty[2]) {
        /* SQL_ALL_CATALOGS: the database this connection has open. */
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)))
            return oom(s, r, &q, &c);
        cargs_fini(&c);
        return finish(s, r, keys, 0);
    }
    if (all_typ && is_empty[0] && is_empty[1] && is_empty[2]) {
        static const char *const kinds[] = {"SYNONYM", "SYSTEM TABLE", "TABLE", "VIEW"};
        for (size_t i = 0; i < 4; i++) {
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 3, kinds[i]))
                return oom(s, r, &q, &c);
        }
        cargs_fini(&c);
        return finish(s, r, keys, 0);
    }
    /* systables [IBM SYSTABLES]: tabname (table name), owner (CHAR(32), the
     * schema), tabid (< 100: the system catalog), tabtype (T table, V view,
     * P private synonym, S synonym). */
    const char *sql = all_sch && is_empty[0] && is_empty[2]
                          ? "SELECT UNIQUE owner FROM systables"
                          : "SELECT tabname, owner, tabid, tabtype FROM systables";
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf, "%s WHERE 1 = 1", sql);
    if (!(all_sch && is_empty[0] && is_empty[2]) &&
        (!where_literal(buf, sizeof buf, "tabname", &c.a[2]) ||
         !where_literal(buf, sizeof buf, "owner", &c.a[1])))
        return oom(s, r, &q, &c);
    rc = catalog_fetch(s, buf, &q);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        cargs_fini(&c);
        return rc;
    }
    for (size_t i = 0; i < q.nrows; i++) {
        if (all_sch && is_empty[0] && is_empty[2]) { /* SQL_ALL_SCHEMAS: the owners */
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 1, catalog_cell(&q, i, 0)))
                return oom(s, r, &q, &c);
            continue;
        }
        const char *type = table_type(catalog_cell_int(&q, i, 2), catalog_cell(&q, i, 3));
        if (!cat_ok(s, &c.a[0]) || !catalog_arg_match(&c.a[1], catalog_cell(&q, i, 1)) ||
            !catalog_arg_match(&c.a[2], catalog_cell(&q, i, 0)) || !type_wanted(&c.a[3], type))
            continue;
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
            !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
            !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)) || !lrs_set_str(r, row, 3, type))
            return oom(s, r, &q, &c);
    }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    return finish(s, r, keys, NKEYS(keys));
}

/* ---- SQLColumns ----------------------------------------------------------------- */

static const struct catalog_colspec columns_cols[] = {
    VC("TABLE_CAT", 128, true),    VC("TABLE_SCHEM", 32, true),   VC("TABLE_NAME", 128, false),
    VC("COLUMN_NAME", 128, false), SI("DATA_TYPE", false),        VC("TYPE_NAME", 128, false),
    IN("COLUMN_SIZE", true),       IN("BUFFER_LENGTH", true),     SI("DECIMAL_DIGITS", true),
    SI("NUM_PREC_RADIX", true),    SI("NULLABLE", false),         VC("REMARKS", 254, true),
    VC("COLUMN_DEF", 254, true),   SI("SQL_DATA_TYPE", false),    SI("SQL_DATETIME_SUB", true),
    IN("CHAR_OCTET_LENGTH", true), IN("ORDINAL_POSITION", false), VC("IS_NULLABLE", 3, true),
};

/* A syscolumns row as the column descriptor the server would describe:
 * syscolumns numbers LVARCHAR 43 and BOOLEAN 45, the wire 40/41 with an
 * extended type; 41 with extended_id 10/11 is BLOB/CLOB. */
static void coldesc_of(struct sq_coldesc *d, int coltype, int collength, int xid)
{
    memset(d, 0, sizeof *d);
    uint16_t base = (uint16_t)(coltype & 0xFF), flags = (uint16_t)(coltype & 0xFF00);
    d->name = "";
    d->xname = "";
    d->enc_len = (uint32_t)collength & 0xFFFFu;
    if (base == SQ_T_LVARCHAR_CLIENT) {
        base = SQ_T_UDTVAR;
        d->xid = SQ_XID_LVARCHAR;
        d->xname = "lvarchar";
    } else if (base == SQ_T_BOOLEAN_CLIENT) {
        base = SQ_T_UDTFIXED;
        d->xid = SQ_XID_BOOLEAN;
        d->xname = "boolean";
    } else if (base == SQ_T_UDTFIXED || base == SQ_T_UDTVAR) {
        d->xid = (uint32_t)xid;
        d->xname = xid == SQ_XID_BLOB       ? "blob"
                   : xid == SQ_XID_CLOB     ? "clob"
                   : xid == SQ_XID_BOOLEAN  ? "boolean"
                   : xid == SQ_XID_LVARCHAR ? "lvarchar"
                                            : "";
    }
    d->type = (uint16_t)(base | flags);
    sq_coldesc_resolve(d);
}

/* DATA_TYPE .. IS_NULLABLE of a SQLColumns row (at = 4) or a
 * SQLProcedureColumns row (at = 5), ORDINAL_POSITION (at + 12) excepted,
 * from a syscolumns / sysproccolumns type: mapped as SQLDescribeCol maps the
 * same column. False on out of memory. */
static bool set_type_cols(const struct stmt *s, struct lrs *r, size_t row, size_t at, int coltype,
                          int collength, int xid)
{
    struct sq_coldesc d;
    coldesc_of(&d, coltype, collength, xid);
    struct conv_coltype ct;
    (void)conv_describe(&d, &ct); /* unknown kinds come back as VARCHAR */
    type_name_upper(&ct);
    SQLSMALLINT data_type = ct.concise_type;
    if (s->hdr.diag.odbc2)
        data_type = data_type == SQL_TYPE_DATE        ? SQL_DATE
                    : data_type == SQL_TYPE_TIME      ? SQL_TIME
                    : data_type == SQL_TYPE_TIMESTAMP ? SQL_TIMESTAMP
                                                      : data_type;
    bool is_char = ct.concise_type == SQL_CHAR || ct.concise_type == SQL_VARCHAR ||
                   ct.concise_type == SQL_LONGVARCHAR || ct.concise_type == SQL_WCHAR ||
                   ct.concise_type == SQL_WVARCHAR || ct.concise_type == SQL_BINARY ||
                   ct.concise_type == SQL_VARBINARY || ct.concise_type == SQL_LONGVARBINARY;
    bool exact = ct.concise_type == SQL_DECIMAL || ct.concise_type == SQL_NUMERIC ||
                 ct.concise_type == SQL_SMALLINT || ct.concise_type == SQL_INTEGER ||
                 ct.concise_type == SQL_BIGINT || ct.concise_type == SQL_TYPE_TIME ||
                 ct.concise_type == SQL_TYPE_TIMESTAMP || ct.verbose_type == SQL_INTERVAL;
    if (!lrs_set_str(r, row, at + 1, ct.type_name) ||
        !lrs_set_str(r, row, at + 13, d.nullable ? "YES" : "NO"))
        return false;
    lrs_set_int(r, row, at, data_type);
    lrs_set_int(r, row, at + 2, (int64_t)ct.column_size);
    lrs_set_int(r, row, at + 3, (int64_t)ct.octet_length);
    if (exact)
        lrs_set_int(r, row, at + 4, ct.decimal_digits);
    if (ct.num_prec_radix)
        lrs_set_int(r, row, at + 5, ct.num_prec_radix);
    lrs_set_int(r, row, at + 6, d.nullable ? SQL_NULLABLE : SQL_NO_NULLS);
    lrs_set_int(r, row, at + 9, ct.verbose_type);
    if (ct.datetime_sub)
        lrs_set_int(r, row, at + 10, ct.datetime_sub);
    if (is_char)
        lrs_set_int(r, row, at + 11, (int64_t)ct.octet_length);
    return true;
}

SQLRETURN catalog_columns(struct stmt *s, const struct str *cat, const struct str *schem,
                          const struct str *table, const struct str *column)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(columns_cols, 18);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_PATTERN) || !cargs_add(s, &c, table, CATALOG_PATTERN) ||
        !cargs_add(s, &c, column, CATALOG_PATTERN))
        return oom(s, r, &q, &c);
    /* systables [IBM SYSTABLES]: tabname, owner, tabid. syscolumns [IBM
     * SYSCOLUMNS]: colname, colno (ordinal), coltype (type code, + 256 when
     * NOT NULL), collength (length; DECIMAL p*256+s; DATETIME/INTERVAL
     * digits*256 + start*16 + end; VARCHAR min*256+max), extended_id
     * (sysxtdtypes id of opaque types). */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT t.tabname, t.owner, c.colname, c.coltype, c.collength, c.colno,"
             " c.extended_id FROM systables t, syscolumns c WHERE c.tabid = t.tabid");
    if (!where_literal(buf, sizeof buf, "t.tabname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "t.owner", &c.a[1]) ||
        !where_literal(buf, sizeof buf, "c.colname", &c.a[3]))
        return oom(s, r, &q, &c);
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        cargs_fini(&c);
        return rc;
    }
    for (size_t i = 0; i < q.nrows; i++) {
        if (!catalog_arg_match(&c.a[1], catalog_cell(&q, i, 1)) ||
            !catalog_arg_match(&c.a[2], catalog_cell(&q, i, 0)) ||
            !catalog_arg_match(&c.a[3], catalog_cell(&q, i, 2)))
            continue;
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
            !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
            !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)) ||
            !lrs_set_str(r, row, 3, catalog_cell(&q, i, 2)) ||
            !set_type_cols(s, r, row, 4, (int)catalog_cell_int(&q, i, 3),
                           (int)catalog_cell_int(&q, i, 4), (int)catalog_cell_int(&q, i, 6)))
            return oom(s, r, &q, &c);
        lrs_set_int(r, row, 16, catalog_cell_int(&q, i, 5));
    }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    static const size_t keys[] = {0, 1, 2, 16};
    return finish(s, r, keys, NKEYS(keys));
}

/* ---- key columns through sysindexes --------------------------------------------- */

/* Column names of a table by colno (syscolumns [IBM SYSCOLUMNS]: colname,
 * colno). names[colno] for colno 1..n; freed with catalog_rows_fini. */
static SQLRETURN col_names(struct stmt *s, long long tabid, struct catalog_rows *q)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT colno, colname FROM syscolumns WHERE tabid = %lld", tabid);
    return catalog_fetch(s, sql, q);
}

static const char *col_name(const struct catalog_rows *names, long long colno)
{
    if (colno < 0)
        colno = -colno; /* descending key part */
    for (size_t i = 0; i < names->nrows; i++)
        if (catalog_cell_int(names, i, 0) == colno)
            return catalog_cell(names, i, 1);
    return NULL;
}

/* sysindexes [IBM SYSINDEXES]: part1 .. part16 (column numbers of the key,
 * negative when descending, 0 unused). */
#define PARTS                                                                                      \
    "i.part1, i.part2, i.part3, i.part4, i.part5, i.part6, i.part7, i.part8, i.part9, i.part10,"   \
    " i.part11, i.part12, i.part13, i.part14, i.part15, i.part16"

/* ---- SQLPrimaryKeys --------------------------------------------------------------- */

static const struct catalog_colspec pk_cols[] = {
    VC("TABLE_CAT", 128, true),    VC("TABLE_SCHEM", 32, true), VC("TABLE_NAME", 128, false),
    VC("COLUMN_NAME", 128, false), SI("KEY_SEQ", false),        VC("PK_NAME", 128, true),
};

SQLRETURN catalog_primary_keys(struct stmt *s, const struct str *cat, const struct str *schem,
                               const struct str *table)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(pk_cols, 6);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_ORDINARY) || !cargs_add(s, &c, table, CATALOG_ORDINARY))
        return oom(s, r, &q, &c);
    if (!c.a[2].present) {
        lrs_free(r);
        cargs_fini(&c);
        return diag_add(&s->hdr, DIAG_HY009, "a table name is required");
    }
    /* sysconstraints [IBM SYSCONSTRAINTS]: constrname, tabid, constrtype ('P'
     * primary key), idxname (the index enforcing it) -> sysindexes parts. */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT t.tabname, t.owner, t.tabid, c.constrname, " PARTS
             " FROM systables t, sysconstraints c, sysindexes i WHERE c.tabid = t.tabid"
             " AND c.constrtype = 'P' AND i.idxname = c.idxname AND i.tabid = t.tabid");
    if (!where_literal(buf, sizeof buf, "t.tabname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "t.owner", &c.a[1]))
        return oom(s, r, &q, &c);
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    for (size_t i = 0; rc == SQL_SUCCESS && i < q.nrows; i++) {
        struct catalog_rows names = {0};
        rc = col_names(s, catalog_cell_int(&q, i, 2), &names);
        for (size_t k = 0; rc == SQL_SUCCESS && k < 16; k++) {
            long long part = catalog_cell_int(&q, i, 4 + k);
            if (part == 0)
                break;
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
                !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
                !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)) ||
                !lrs_set_str(r, row, 3, col_name(&names, part)) ||
                !lrs_set_str(r, row, 5, catalog_cell(&q, i, 3))) {
                catalog_rows_fini(&names);
                return oom(s, r, &q, &c);
            }
            lrs_set_int(r, row, 4, (int64_t)k + 1);
        }
        catalog_rows_fini(&names);
    }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t keys[] = {0, 1, 2, 4};
    return finish(s, r, keys, NKEYS(keys));
}

/* ---- SQLForeignKeys -------------------------------------------------------------- */

static const struct catalog_colspec fk_cols[] = {
    VC("PKTABLE_CAT", 128, true),   VC("PKTABLE_SCHEM", 32, true),
    VC("PKTABLE_NAME", 128, false), VC("PKCOLUMN_NAME", 128, false),
    VC("FKTABLE_CAT", 128, true),   VC("FKTABLE_SCHEM", 32, true),
    VC("FKTABLE_NAME", 128, false), VC("FKCOLUMN_NAME", 128, false),
    SI("KEY_SEQ", false),           SI("UPDATE_RULE", true),
    SI("DELETE_RULE", true),        VC("FK_NAME", 128, true),
    VC("PK_NAME", 128, true),       SI("DEFERRABILITY", true),
};

static int64_t ref_rule(const char *r)
{
    /* sysreferences updrule/delrule: 'C' cascade, 'R' restrict (Informix's
     * default, checked at the end of the statement: ODBC's NO ACTION). */
    return r && r[0] == 'C' ? SQL_CASCADE : r && r[0] == 'N' ? SQL_SET_NULL : SQL_NO_ACTION;
}

SQLRETURN catalog_foreign_keys(struct stmt *s, const struct str *pk_cat, const struct str *pk_schem,
                               const struct str *pk_table, const struct str *fk_cat,
                               const struct str *fk_schem, const struct str *fk_table)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(fk_cols, 14);
    if (!r || !cargs_add(s, &c, pk_cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, pk_schem, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, pk_table, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, fk_cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, fk_schem, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, fk_table, CATALOG_ORDINARY))
        return oom(s, r, &q, &c);
    if (!c.a[2].present && !c.a[5].present) {
        lrs_free(r);
        cargs_fini(&c);
        return diag_add(&s->hdr, DIAG_HY009, "a primary or foreign key table name is required");
    }
    /* sysreferences [IBM SYSREFERENCES]: constrid (the R constraint),
     * primary (constrid of the referenced P/U constraint), ptabid (its
     * table), updrule, delrule (C cascade, R restrict), matchtype, pendant
     * (columns 1-7, named as IBM names them; r.primary is a plain column
     * name after a qualifier in Informix SQL). sysconstraints
     * [IBM SYSCONSTRAINTS]: constrname, tabid, idxname (the constraint's
     * index); sysindexes: part1..part16 of that index, so the FK parts and
     * the referenced key's parts pair up by position. */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT r.constrid, r.primary, r.ptabid, r.updrule, r.delrule, r.matchtype,"
             " r.pendant, fc.constrname, ft.tabname, ft.owner, ft.tabid, " PARTS
             " FROM sysreferences r, sysconstraints fc, systables ft, sysindexes i"
             " WHERE fc.constrid = r.constrid AND ft.tabid = fc.tabid AND i.idxname = fc.idxname"
             " AND i.tabid = ft.tabid");
    if (!where_literal(buf, sizeof buf, "ft.tabname", &c.a[5]) ||
        !where_literal(buf, sizeof buf, "ft.owner", &c.a[4]))
        return oom(s, r, &q, &c);
    char lit[300];
    if (catalog_arg_literal(&c.a[2], lit, sizeof lit)) {
        size_t o = strlen(buf);
        snprintf(buf + o, sizeof buf - o,
                 " AND r.ptabid IN (SELECT tabid FROM systables WHERE tabname = ");
        if (!catalog_quote(buf, sizeof buf, lit) || strlen(buf) + 2 >= sizeof buf)
            return oom(s, r, &q, &c);
        strcat(buf, ")");
    }
    rc = cat_ok(s, &c.a[0]) && cat_ok(s, &c.a[3]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    for (size_t i = 0; rc == SQL_SUCCESS && i < q.nrows; i++) {
        struct catalog_rows pk = {0}, pn = {0}, fn = {0};
        /* The referenced constraint: its name, table and key parts. */
        snprintf(buf, sizeof buf,
                 "SELECT pc.constrname, pt.tabname, pt.owner, pt.tabid, " PARTS
                 " FROM sysconstraints pc, systables pt, sysindexes i WHERE pc.constrid = %lld"
                 " AND pt.tabid = pc.tabid AND i.idxname = pc.idxname AND i.tabid = pt.tabid",
                 catalog_cell_int(&q, i, 1));
        rc = catalog_fetch(s, buf, &pk);
        if (rc == SQL_SUCCESS && pk.nrows == 1 &&
            catalog_arg_match(&c.a[1], catalog_cell(&pk, 0, 2)) &&
            catalog_arg_match(&c.a[2], catalog_cell(&pk, 0, 1))) {
            rc = col_names(s, catalog_cell_int(&pk, 0, 3), &pn);
            if (rc == SQL_SUCCESS)
                rc = col_names(s, catalog_cell_int(&q, i, 10), &fn);
        } else {
            catalog_rows_fini(&pk);
        }
        for (size_t k = 0; rc == SQL_SUCCESS && pk.nrows == 1 && k < 16; k++) {
            long long fpart = catalog_cell_int(&q, i, 11 + k);
            long long ppart = catalog_cell_int(&pk, 0, 4 + k);
            if (fpart == 0 || ppart == 0)
                break;
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
                !lrs_set_str(r, row, 1, catalog_cell(&pk, 0, 2)) ||
                !lrs_set_str(r, row, 2, catalog_cell(&pk, 0, 1)) ||
                !lrs_set_str(r, row, 3, col_name(&pn, ppart)) ||
                !lrs_set_str(r, row, 4, catalog_current(s)) ||
                !lrs_set_str(r, row, 5, catalog_cell(&q, i, 9)) ||
                !lrs_set_str(r, row, 6, catalog_cell(&q, i, 8)) ||
                !lrs_set_str(r, row, 7, col_name(&fn, fpart)) ||
                !lrs_set_str(r, row, 11, catalog_cell(&q, i, 7)) ||
                !lrs_set_str(r, row, 12, catalog_cell(&pk, 0, 0))) {
                catalog_rows_fini(&pk);
                catalog_rows_fini(&pn);
                catalog_rows_fini(&fn);
                return oom(s, r, &q, &c);
            }
            lrs_set_int(r, row, 8, (int64_t)k + 1);
            lrs_set_int(r, row, 9, ref_rule(catalog_cell(&q, i, 3)));
            lrs_set_int(r, row, 10, ref_rule(catalog_cell(&q, i, 4)));
            lrs_set_int(r, row, 13, SQL_INITIALLY_IMMEDIATE); /* SET CONSTRAINTS DEFERRED */
        }
        catalog_rows_fini(&pk);
        catalog_rows_fini(&pn);
        catalog_rows_fini(&fn);
    }
    catalog_rows_fini(&q);
    bool by_pk = c.a[5].present; /* FK table given: ordered by the PK table */
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t fk_keys[] = {4, 5, 6, 8}, pk_keys[] = {0, 1, 2, 8};
    return by_pk && !pk_table->p ? finish(s, r, pk_keys, 4) : finish(s, r, fk_keys, 4);
}

/* ---- SQLStatistics --------------------------------------------------------------- */

static const struct catalog_colspec stat_cols[] = {
    VC("TABLE_CAT", 128, true),
    VC("TABLE_SCHEM", 32, true),
    VC("TABLE_NAME", 128, false),
    SI("NON_UNIQUE", true),
    VC("INDEX_QUALIFIER", 32, true),
    VC("INDEX_NAME", 128, true),
    SI("TYPE", false),
    SI("ORDINAL_POSITION", true),
    VC("COLUMN_NAME", 128, true),
    {"ASC_OR_DESC", SQ_T_CHAR, 1, true},
    IN("CARDINALITY", true),
    IN("PAGES", true),
    VC("FILTER_CONDITION", 254, true),
};

SQLRETURN catalog_statistics(struct stmt *s, const struct str *cat, const struct str *schem,
                             const struct str *table, SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL)
        return diag_add(&s->hdr, DIAG_HY100, NULL);
    if (reserved != SQL_ENSURE && reserved != SQL_QUICK)
        return diag_add(&s->hdr, DIAG_HY101, NULL);
    struct cargs c = {0};
    struct catalog_rows q = {0}, t = {0};
    struct lrs *r = catalog_lrs_new(stat_cols, 13);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_ORDINARY) || !cargs_add(s, &c, table, CATALOG_ORDINARY))
        return oom(s, r, &q, &c);
    if (!c.a[2].present) {
        lrs_free(r);
        cargs_fini(&c);
        return diag_add(&s->hdr, DIAG_HY009, "a table name is required");
    }
    /* systables: nrows (rows, as of UPDATE STATISTICS), npused (pages). */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT t.tabname, t.owner, t.tabid, t.nrows, t.npused FROM systables t"
             " WHERE t.tabtype = 'T'");
    if (!where_literal(buf, sizeof buf, "t.tabname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "t.owner", &c.a[1]))
        return oom(s, r, &q, &c);
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &t) : SQL_SUCCESS;
    for (size_t i = 0; rc == SQL_SUCCESS && i < t.nrows; i++) {
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
            !lrs_set_str(r, row, 1, catalog_cell(&t, i, 1)) ||
            !lrs_set_str(r, row, 2, catalog_cell(&t, i, 0))) {
            catalog_rows_fini(&t);
            return oom(s, r, &q, &c);
        }
        lrs_set_int(r, row, 6, SQL_TABLE_STAT);
        lrs_set_int(r, row, 10,
                    (int64_t)atof(catalog_cell(&t, i, 3) ? catalog_cell(&t, i, 3) : "0"));
        lrs_set_int(r, row, 11,
                    (int64_t)atof(catalog_cell(&t, i, 4) ? catalog_cell(&t, i, 4) : "0"));
        /* sysindexes [IBM SYSINDEXES]: idxname, owner, idxtype (U unique, D
         * duplicates), clustered (C clustered), part1..part16. */
        snprintf(buf, sizeof buf,
                 "SELECT i.idxname, i.owner, i.idxtype, i.clustered, " PARTS
                 " FROM sysindexes i WHERE i.tabid = %lld%s",
                 catalog_cell_int(&t, i, 2),
                 unique == SQL_INDEX_UNIQUE ? " AND i.idxtype = 'U'" : "");
        catalog_rows_fini(&q);
        struct catalog_rows names = {0};
        rc = catalog_fetch(s, buf, &q);
        if (rc == SQL_SUCCESS)
            rc = col_names(s, catalog_cell_int(&t, i, 2), &names);
        for (size_t x = 0; rc == SQL_SUCCESS && x < q.nrows; x++) {
            const char *ct = catalog_cell(&q, x, 3);
            const char *it = catalog_cell(&q, x, 2);
            for (size_t k = 0; k < 16; k++) {
                long long part = catalog_cell_int(&q, x, 4 + k);
                if (part == 0)
                    break;
                row = lrs_add_row(r);
                if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
                    !lrs_set_str(r, row, 1, catalog_cell(&t, i, 1)) ||
                    !lrs_set_str(r, row, 2, catalog_cell(&t, i, 0)) ||
                    !lrs_set_str(r, row, 4, catalog_cell(&q, x, 1)) ||
                    !lrs_set_str(r, row, 5, catalog_cell(&q, x, 0)) ||
                    !lrs_set_str(r, row, 8, col_name(&names, part)) ||
                    !lrs_set_str(r, row, 9, part < 0 ? "D" : "A")) {
                    catalog_rows_fini(&names);
                    catalog_rows_fini(&t);
                    return oom(s, r, &q, &c);
                }
                lrs_set_int(r, row, 3, it && it[0] == 'U' ? SQL_FALSE : SQL_TRUE);
                lrs_set_int(r, row, 6, ct && ct[0] == 'C' ? SQL_INDEX_CLUSTERED : SQL_INDEX_OTHER);
                lrs_set_int(r, row, 7, (int64_t)k + 1);
            }
        }
        catalog_rows_fini(&names);
    }
    catalog_rows_fini(&t);
    catalog_rows_fini(&q);
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t keys[] = {3, 6, 4, 5, 7};
    return finish(s, r, keys, NKEYS(keys));
}

/* ---- SQLSpecialColumns ------------------------------------------------------------ */

static const struct catalog_colspec special_cols[] = {
    SI("SCOPE", true),           VC("COLUMN_NAME", 128, false), SI("DATA_TYPE", false),
    VC("TYPE_NAME", 128, false), IN("COLUMN_SIZE", true),       IN("BUFFER_LENGTH", true),
    SI("DECIMAL_DIGITS", true),  SI("PSEUDO_COLUMN", true),
};

SQLRETURN catalog_special_columns(struct stmt *s, SQLUSMALLINT id_type, const struct str *cat,
                                  const struct str *schem, const struct str *table,
                                  SQLUSMALLINT scope, SQLUSMALLINT nullable)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    if (id_type != SQL_BEST_ROWID && id_type != SQL_ROWVER)
        return diag_add(&s->hdr, DIAG_HY097, NULL);
    if (scope != SQL_SCOPE_CURROW && scope != SQL_SCOPE_TRANSACTION && scope != SQL_SCOPE_SESSION)
        return diag_add(&s->hdr, DIAG_HY098, NULL);
    if (nullable != SQL_NO_NULLS && nullable != SQL_NULLABLE)
        return diag_add(&s->hdr, DIAG_HY099, NULL);
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(special_cols, 8);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_ORDINARY) || !cargs_add(s, &c, table, CATALOG_ORDINARY))
        return oom(s, r, &q, &c);
    if (!c.a[2].present) {
        lrs_free(r);
        cargs_fini(&c);
        return diag_add(&s->hdr, DIAG_HY009, "a table name is required");
    }
    if (id_type == SQL_ROWVER || !cat_ok(s, &c.a[0])) { /* Informix has no row versions */
        cargs_fini(&c);
        return finish(s, r, NULL, 0);
    }
    /* The best row identifier is the primary key, else the first unique
     * index by name: sysindexes [IBM SYSINDEXES] idxname, idxtype 'U',
     * part1..part16; sysconstraints [IBM SYSCONSTRAINTS] constrtype 'P' and
     * idxname; the columns' types from syscolumns (colno, coltype,
     * collength, extended_id). */
    char buf[CAT_SQL_MAX], where[600] = "";
    if (!where_literal(where, sizeof where, "t.tabname", &c.a[2]) ||
        !where_literal(where, sizeof where, "t.owner", &c.a[1]))
        return oom(s, r, &q, &c);
    snprintf(buf, sizeof buf,
             "SELECT t.tabid, i.idxname, " PARTS " FROM systables t, sysindexes i"
             " WHERE i.tabid = t.tabid AND i.idxtype = 'U'%s",
             where);
    struct catalog_rows pkq = {0};
    rc = catalog_fetch(s, buf, &q);
    if (rc == SQL_SUCCESS) {
        snprintf(buf, sizeof buf,
                 "SELECT c.idxname FROM systables t, sysconstraints c WHERE c.tabid = t.tabid"
                 " AND c.constrtype = 'P'%s",
                 where);
        rc = catalog_fetch(s, buf, &pkq);
    }
    size_t best = (size_t)-1;
    for (size_t i = 0; rc == SQL_SUCCESS && i < q.nrows; i++) {
        const char *nm = catalog_cell(&q, i, 1);
        if (pkq.nrows && nm && catalog_cell(&pkq, 0, 0) &&
            strcmp(nm, catalog_cell(&pkq, 0, 0)) == 0) {
            best = i;
            break;
        }
        if (best == (size_t)-1 || (nm && strcmp(nm, catalog_cell(&q, best, 1)) < 0))
            best = i;
    }
    catalog_rows_fini(&pkq);
    struct catalog_rows cols = {0};
    if (rc == SQL_SUCCESS && best != (size_t)-1) {
        snprintf(buf, sizeof buf,
                 "SELECT colno, colname, coltype, collength, extended_id FROM syscolumns"
                 " WHERE tabid = %lld",
                 catalog_cell_int(&q, best, 0));
        rc = catalog_fetch(s, buf, &cols);
    }
    for (size_t k = 0; rc == SQL_SUCCESS && best != (size_t)-1 && k < 16; k++) {
        long long part = catalog_cell_int(&q, best, 2 + k);
        if (part == 0)
            break;
        part = part < 0 ? -part : part;
        for (size_t j = 0; j < cols.nrows; j++) {
            if (catalog_cell_int(&cols, j, 0) != part)
                continue;
            struct sq_coldesc d;
            struct conv_coltype ct;
            coldesc_of(&d, (int)catalog_cell_int(&cols, j, 2), (int)catalog_cell_int(&cols, j, 3),
                       (int)catalog_cell_int(&cols, j, 4));
            (void)conv_describe(&d, &ct);
            type_name_upper(&ct);
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 1, catalog_cell(&cols, j, 1)) ||
                !lrs_set_str(r, row, 3, ct.type_name)) {
                catalog_rows_fini(&cols);
                return oom(s, r, &q, &c);
            }
            lrs_set_int(r, row, 0, SQL_SCOPE_SESSION); /* a key stays valid */
            lrs_set_int(r, row, 2, ct.concise_type);
            lrs_set_int(r, row, 4, (int64_t)ct.column_size);
            lrs_set_int(r, row, 5, (int64_t)ct.octet_length);
            lrs_set_int(r, row, 6, ct.decimal_digits);
            lrs_set_int(r, row, 7, SQL_PC_NOT_PSEUDO);
        }
    }
    catalog_rows_fini(&cols);
    catalog_rows_fini(&q);
    if (rc == SQL_SUCCESS && best == (size_t)-1) {
        /* No unique key: Informix's ROWID pseudo column of a table (IBM SQL
         * Syntax, "Using Rowid Values": INTEGER, non-fragmented tables;
         * ifxlite tables are never fragmented). systables [IBM SYSTABLES]
         * tabtype 'T' (views and synonyms have no rowid). */
        snprintf(buf, sizeof buf, "SELECT t.tabid FROM systables t WHERE t.tabtype = 'T'%s",
                 where);
        rc = catalog_fetch(s, buf, &q);
        if (rc == SQL_SUCCESS && q.nrows > 0) {
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 1, "rowid") ||
                !lrs_set_str(r, row, 3, "INTEGER"))
                return oom(s, r, &q, &c);
            lrs_set_int(r, row, 0, SQL_SCOPE_SESSION); /* fixed for the row's life */
            lrs_set_int(r, row, 2, SQL_INTEGER);
            lrs_set_int(r, row, 4, 10);
            lrs_set_int(r, row, 5, 4);
            lrs_set_int(r, row, 6, 0);
            lrs_set_int(r, row, 7, SQL_PC_PSEUDO);
        }
        catalog_rows_fini(&q);
    }
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t keys[] = {0};
    return finish(s, r, keys, 1);
}

/* ---- SQLProcedures / SQLProcedureColumns -------------------------------------------- */

static const struct catalog_colspec proc_cols[] = {
    VC("PROCEDURE_CAT", 128, true),   VC("PROCEDURE_SCHEM", 32, true),
    VC("PROCEDURE_NAME", 128, false), IN("NUM_INPUT_PARAMS", true),
    IN("NUM_OUTPUT_PARAMS", true),    IN("NUM_RESULT_SETS", true),
    VC("REMARKS", 254, true),         SI("PROCEDURE_TYPE", true),
};

SQLRETURN catalog_procedures(struct stmt *s, const struct str *cat, const struct str *schem,
                             const struct str *proc)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(proc_cols, 8);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_PATTERN) || !cargs_add(s, &c, proc, CATALOG_PATTERN))
        return oom(s, r, &q, &c);
    /* sysprocedures [IBM SYSPROCEDURES]: procname, owner, numargs, isproc
     * ('t' procedure, 'f' function), internal ('t' for the server's own
     * routines, not listed). */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT procname, owner, numargs, isproc FROM sysprocedures WHERE internal = 'f'");
    if (!where_literal(buf, sizeof buf, "procname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "owner", &c.a[1]))
        return oom(s, r, &q, &c);
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    for (size_t i = 0; rc == SQL_SUCCESS && i < q.nrows; i++) {
        if (!catalog_arg_match(&c.a[1], catalog_cell(&q, i, 1)) ||
            !catalog_arg_match(&c.a[2], catalog_cell(&q, i, 0)))
            continue;
        const char *isproc = catalog_cell(&q, i, 3);
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
            !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
            !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)))
            return oom(s, r, &q, &c);
        lrs_set_int(r, row, 3, catalog_cell_int(&q, i, 2));
        lrs_set_int(r, row, 7, isproc && isproc[0] == 't' ? SQL_PT_PROCEDURE : SQL_PT_FUNCTION);
    }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t keys[] = {0, 1, 2};
    return finish(s, r, keys, NKEYS(keys));
}

static const struct catalog_colspec proccol_cols[] = {
    VC("PROCEDURE_CAT", 128, true),   VC("PROCEDURE_SCHEM", 32, true),
    VC("PROCEDURE_NAME", 128, false), VC("COLUMN_NAME", 128, false),
    SI("COLUMN_TYPE", false),         SI("DATA_TYPE", false),
    VC("TYPE_NAME", 128, false),      IN("COLUMN_SIZE", true),
    IN("BUFFER_LENGTH", true),        SI("DECIMAL_DIGITS", true),
    SI("NUM_PREC_RADIX", true),       SI("NULLABLE", false),
    VC("REMARKS", 254, true),         VC("COLUMN_DEF", 254, true),
    SI("SQL_DATA_TYPE", false),       SI("SQL_DATETIME_SUB", true),
    IN("CHAR_OCTET_LENGTH", true),    IN("ORDINAL_POSITION", false),
    VC("IS_NULLABLE", 3, true),
};

/* The three groups of a routine's columns in the order ODBC lists them: the
 * return value, the parameters in call order, the result set columns. */
static int proc_col_group(long long paramattr)
{
    return paramattr == SQL_RETURN_VALUE ? 0 : paramattr == SQL_RESULT_COL ? 2 : 1;
}

SQLRETURN catalog_procedure_columns(struct stmt *s, const struct str *cat, const struct str *schem,
                                    const struct str *proc, const struct str *column)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct lrs *r = catalog_lrs_new(proccol_cols, 19);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, CATALOG_PATTERN) || !cargs_add(s, &c, proc, CATALOG_PATTERN) ||
        !cargs_add(s, &c, column, CATALOG_PATTERN))
        return oom(s, r, &q, &c);
    /* sysprocedures [IBM SYSPROCEDURES]: procid, procname, owner, internal
     * ('t': the server's own routines, not listed). sysproccolumns [IBM
     * SYSPROCCOLUMNS]: procid, paramid, paramname, paramtype (coded as
     * syscolumns.coltype), paramlen (as syscolumns.collength), paramxid (the
     * extended type id), paramattr (0 unknown, 1 INPUT, 2 INOUT, 3 multiple
     * return value, 4 OUT, 5 return value: the numbers of ODBC's
     * SQL_PARAM_TYPE_UNKNOWN .. SQL_RETURN_VALUE). */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf,
             "SELECT p.procname, p.owner, c.paramname, c.paramtype, c.paramlen, c.paramxid,"
             " c.paramattr, p.procid, c.paramid FROM sysprocedures p, sysproccolumns c"
             " WHERE c.procid = p.procid AND p.internal = 'f'");
    if (!where_literal(buf, sizeof buf, "p.procname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "p.owner", &c.a[1]) ||
        !where_literal(buf, sizeof buf, "c.paramname", &c.a[3]) || strlen(buf) + 40 >= sizeof buf)
        return oom(s, r, &q, &c);
    strcat(buf, " ORDER BY p.procid, c.paramid");
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    for (int group = 0; rc == SQL_SUCCESS && group < 3; group++)
        for (size_t i = 0; i < q.nrows; i++) {
            long long attr = catalog_cell_int(&q, i, 6);
            if (proc_col_group(attr) != group ||
                !catalog_arg_match(&c.a[1], catalog_cell(&q, i, 1)) ||
                !catalog_arg_match(&c.a[2], catalog_cell(&q, i, 0)) ||
                !catalog_arg_match(&c.a[3], catalog_cell(&q, i, 2)))
                continue;
            /* ORDINAL_POSITION: 0 for the return value, else the place in
             * the routine's parameter list or result set (by paramid). */
            long long pos = 0;
            for (size_t k = 0; group != 0 && k <= i; k++)
                pos += catalog_cell_int(&q, k, 7) == catalog_cell_int(&q, i, 7) &&
                       proc_col_group(catalog_cell_int(&q, k, 6)) == group;
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
                !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
                !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)) ||
                !lrs_set_str(r, row, 3, catalog_cell(&q, i, 2)) ||
                !set_type_cols(s, r, row, 5, (int)catalog_cell_int(&q, i, 3),
                               (int)catalog_cell_int(&q, i, 4), (int)catalog_cell_int(&q, i, 5)))
                return oom(s, r, &q, &c);
            lrs_set_int(r, row, 4, attr >= 0 && attr <= 5 ? attr : SQL_PARAM_TYPE_UNKNOWN);
            lrs_set_int(r, row, 17, pos);
        }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    /* Stable: within a routine the order built above stays. */
    static const size_t keys[] = {0, 1, 2};
    return finish(s, r, keys, NKEYS(keys));
}

/* ---- SQLTablePrivileges / SQLColumnPrivileges ---------------------------------------- */

static const struct catalog_colspec tpriv_cols[] = {
    VC("TABLE_CAT", 128, true),  VC("TABLE_SCHEM", 32, true), VC("TABLE_NAME", 128, false),
    VC("GRANTOR", 32, true),     VC("GRANTEE", 32, false),    VC("PRIVILEGE", 32, false),
    VC("IS_GRANTABLE", 3, true),
};

/* tabauth / colauth letters (IBM SYSTABAUTH): position-independent letters,
 * upper case when granted WITH GRANT OPTION. */
static const struct {
    char letter;
    const char *name;
} priv_names[] = {{'s', "SELECT"}, {'u', "UPDATE"}, {'i', "INSERT"},    {'d', "DELETE"},
                  {'x', "INDEX"},  {'a', "ALTER"},  {'r', "REFERENCES"}};

static SQLRETURN privileges(struct stmt *s, const struct str *cat, const struct str *schem,
                            const struct str *table, const struct str *column, bool by_column)
{
    SQLRETURN rc = begin(s);
    if (rc != SQL_SUCCESS)
        return rc;
    struct cargs c = {0};
    struct catalog_rows q = {0};
    struct catalog_colspec cols[8];
    size_t ncols = 0;
    for (size_t i = 0; i < 7; i++) {
        cols[ncols++] = tpriv_cols[i];
        if (by_column && i == 2)
            cols[ncols++] = (struct catalog_colspec)VC("COLUMN_NAME", 128, false);
    }
    struct lrs *r = catalog_lrs_new(cols, ncols);
    if (!r || !cargs_add(s, &c, cat, CATALOG_ORDINARY) ||
        !cargs_add(s, &c, schem, by_column ? CATALOG_ORDINARY : CATALOG_PATTERN) ||
        !cargs_add(s, &c, table, by_column ? CATALOG_ORDINARY : CATALOG_PATTERN) ||
        !cargs_add(s, &c, column, CATALOG_PATTERN))
        return oom(s, r, &q, &c);
    /* systabauth [IBM SYSTABAUTH]: grantor, grantee, tabid, tabauth;
     * syscolauth [IBM SYSCOLAUTH]: grantor, grantee, tabid, colno, colauth. */
    char buf[CAT_SQL_MAX];
    snprintf(buf, sizeof buf, "%s",
             by_column ? "SELECT t.tabname, t.owner, a.grantor, a.grantee, a.colauth, c.colname"
                         " FROM systables t, syscolauth a, syscolumns c WHERE a.tabid = t.tabid"
                         " AND c.tabid = t.tabid AND c.colno = a.colno"
                       : "SELECT t.tabname, t.owner, a.grantor, a.grantee, a.tabauth"
                         " FROM systables t, systabauth a WHERE a.tabid = t.tabid");
    if (!where_literal(buf, sizeof buf, "t.tabname", &c.a[2]) ||
        !where_literal(buf, sizeof buf, "t.owner", &c.a[1]))
        return oom(s, r, &q, &c);
    rc = cat_ok(s, &c.a[0]) ? catalog_fetch(s, buf, &q) : SQL_SUCCESS;
    size_t off = by_column ? 1 : 0;
    for (size_t i = 0; rc == SQL_SUCCESS && i < q.nrows; i++) {
        if (!catalog_arg_match(&c.a[1], catalog_cell(&q, i, 1)) ||
            !catalog_arg_match(&c.a[2], catalog_cell(&q, i, 0)) ||
            (by_column && !catalog_arg_match(&c.a[3], catalog_cell(&q, i, 5))))
            continue;
        const char *auth = catalog_cell(&q, i, 4);
        for (size_t p = 0; auth && p < sizeof priv_names / sizeof priv_names[0]; p++) {
            const char *hit = NULL;
            for (const char *a = auth; *a; a++)
                if ((*a | 0x20) == priv_names[p].letter)
                    hit = a;
            if (!hit)
                continue;
            size_t row = lrs_add_row(r);
            if (row == (size_t)-1 || !lrs_set_str(r, row, 0, catalog_current(s)) ||
                !lrs_set_str(r, row, 1, catalog_cell(&q, i, 1)) ||
                !lrs_set_str(r, row, 2, catalog_cell(&q, i, 0)) ||
                (by_column && !lrs_set_str(r, row, 3, catalog_cell(&q, i, 5))) ||
                !lrs_set_str(r, row, 3 + off, catalog_cell(&q, i, 2)) ||
                !lrs_set_str(r, row, 4 + off, catalog_cell(&q, i, 3)) ||
                !lrs_set_str(r, row, 5 + off, priv_names[p].name) ||
                !lrs_set_str(r, row, 6 + off, *hit != priv_names[p].letter ? "YES" : "NO"))
                return oom(s, r, &q, &c);
        }
    }
    catalog_rows_fini(&q);
    cargs_fini(&c);
    if (rc != SQL_SUCCESS) {
        lrs_free(r);
        return rc;
    }
    static const size_t tkeys[] = {0, 1, 2, 5, 4}, ckeys[] = {0, 1, 2, 3, 6};
    return by_column ? finish(s, r, ckeys, 5) : finish(s, r, tkeys, 5);
}

SQLRETURN catalog_table_privileges(struct stmt *s, const struct str *cat, const struct str *schem,
                                   const struct str *table)
{
    return privileges(s, cat, schem, table, NULL, false);
}

SQLRETURN catalog_column_privileges(struct stmt *s, const struct str *cat, const struct str *schem,
                                    const struct str *table, const struct str *column)
{
    return privileges(s, cat, schem, table, column, true);
}
