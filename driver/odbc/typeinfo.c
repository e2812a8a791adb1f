/* SPDX-License-Identifier: MIT */
/* typeinfo.c - SQLGetTypeInfo as a table of Informix types, served through
 * the "local result set" facility: rows built in memory as decoded values
 * (struct lrs) and fetched through the same SQLFetch/SQLGetData/SQLBindCol
 * path as server rows. The catalog functions reuse lrs_*. */
#include <string.h>

#include "sq_alloc.h"
#include "sq_types.h"
#include "stmt.h"

/* ---- local result set ------------------------------------------------------ */

struct lrs *lrs_new(size_t ncols)
{
    if (ncols == 0 || ncols > 1024)
        return NULL;
    struct lrs *r = sq_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->cols = sq_calloc(ncols, sizeof *r->cols);
    if (!r->cols) {
        sq_free(r);
        return NULL;
    }
    r->ncols = ncols;
    return r;
}

void lrs_free(struct lrs *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ncols; i++)
        sq_free((void *)(uintptr_t)r->cols[i].name);
    for (size_t i = 0; i < r->nstrs; i++)
        sq_free(r->strs[i]);
    sq_free(r->strs);
    sq_free(r->cols);
    sq_free(r->cells);
    sq_free(r);
}

bool lrs_col(struct lrs *r, size_t i, const char *name, uint16_t type, uint32_t enc_len,
             bool nullable)
{
    if (i >= r->ncols)
        return false;
    char *nm = sq_strdup(name);
    if (!nm)
        return false;
    struct sq_coldesc *c = &r->cols[i];
    sq_free((void *)(uintptr_t)c->name);
    memset(c, 0, sizeof *c);
    c->name = nm;
    c->type = (uint16_t)(type | (nullable ? 0 : SQ_TF_NOTNULL));
    c->xname = "";
    c->enc_len = enc_len;
    sq_coldesc_resolve(c);
    return true;
}

size_t lrs_add_row(struct lrs *r)
{
    if (r->nrows == r->cap_rows) {
        size_t ncap = r->cap_rows ? r->cap_rows * 2 : 16;
        size_t bytes;
        if (!sq_size_mul(ncap, r->ncols * sizeof *r->cells, &bytes))
            return (size_t)-1;
        struct sq_value *nc = sq_realloc(r->cells, bytes);
        if (!nc)
            return (size_t)-1;
        r->cells = nc;
        r->cap_rows = ncap;
    }
    size_t row = r->nrows++;
    for (size_t c = 0; c < r->ncols; c++)
        lrs_set_null(r, row, c);
    return row;
}

void lrs_set_null(struct lrs *r, size_t row, size_t col)
{
    struct sq_value *v = &r->cells[row * r->ncols + col];
    memset(v, 0, sizeof *v);
    v->kind = r->cols[col].kind;
    v->is_null = true;
}

void lrs_set_int(struct lrs *r, size_t row, size_t col, int64_t val)
{
    struct sq_value *v = &r->cells[row * r->ncols + col];
    memset(v, 0, sizeof *v);
    v->kind = r->cols[col].kind;
    v->u.i = val;
}

bool lrs_set_str(struct lrs *r, size_t row, size_t col, const char *s)
{
    if (!s) {
        lrs_set_null(r, row, col);
        return true;
    }
    if (r->nstrs == r->cap_strs) {
        size_t ncap = r->cap_strs ? r->cap_strs * 2 : 32;
        char **ns = sq_realloc(r->strs, ncap * sizeof *ns);
        if (!ns)
            return false;
        r->strs = ns;
        r->cap_strs = ncap;
    }
    char *copy = sq_strdup(s);
    if (!copy)
        return false;
    r->strs[r->nstrs++] = copy;
    struct sq_value *v = &r->cells[row * r->ncols + col];
    memset(v, 0, sizeof *v);
    v->kind = r->cols[col].kind;
    v->u.s.p = (const uint8_t *)copy;
    v->u.s.n = strlen(copy);
    return true;
}

/* ---- SQLGetTypeInfo ---------------------------------------------------------- */

struct tinfo {
    const char *name;
    SQLSMALLINT data_type;
    int32_t column_size;
    const char *prefix, *suffix, *create_params;
    SQLSMALLINT case_sensitive, searchable;
    int unsigned_attr; /* -1 = NULL */
    SQLSMALLINT fixed_prec, auto_unique;
    int min_scale, max_scale; /* -1 = NULL */
    SQLSMALLINT sql_data_type, sub;
    int radix;                /* 0 = NULL */
};

/* Ordered by DATA_TYPE, then by how closely the type maps (ODBC rule).
 * TIMESTAMP is DATETIME YEAR TO FRACTION(5): 25 = 19 + 1 + 5 (pyodbc takes
 * size - 20 as the fraction digits it keeps). VARCHAR's row comes before
 * LVARCHAR's, so clients sizing strings from the first row use 255. */
static const struct tinfo types[] = {
    {"BOOLEAN", SQL_BIT, 1, "'", "'", NULL, 0, SQL_PRED_BASIC, -1, 0, 0, -1, -1, SQL_BIT, 0, 0},
    {"INT8", SQL_BIGINT, 19, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, 0, 0, SQL_BIGINT, 0,
     10},
    {"BIGINT", SQL_BIGINT, 19, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, 0, 0, SQL_BIGINT,
     0, 10},
    {"SERIAL8", SQL_BIGINT, 19, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 1, 0, 0, SQL_BIGINT,
     0, 10},
    {"BIGSERIAL", SQL_BIGINT, 19, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 1, 0, 0,
     SQL_BIGINT, 0, 10},
    {"BYTE", SQL_LONGVARBINARY, 2147483647, NULL, NULL, NULL, 0, SQL_PRED_NONE, -1, 0, 0, -1,
     -1, SQL_LONGVARBINARY, 0, 0},
    {"BLOB", SQL_LONGVARBINARY, 2147483647, NULL, NULL, NULL, 0, SQL_PRED_NONE, -1, 0, 0, -1,
     -1, SQL_LONGVARBINARY, 0, 0},
    {"TEXT", SQL_LONGVARCHAR, 2147483647, "'", "'", NULL, 1, SQL_PRED_NONE, -1, 0, 0, -1, -1,
     SQL_LONGVARCHAR, 0, 0},
    {"CLOB", SQL_LONGVARCHAR, 2147483647, NULL, NULL, NULL, 1, SQL_PRED_NONE, -1, 0, 0, -1, -1,
     SQL_LONGVARCHAR, 0, 0},
    {"CHAR", SQL_CHAR, 32767, "'", "'", "length", 1, SQL_SEARCHABLE, -1, 0, 0, -1, -1, SQL_CHAR,
     0, 0},
    {"NCHAR", SQL_CHAR, 32767, "'", "'", "length", 1, SQL_SEARCHABLE, -1, 0, 0, -1, -1,
     SQL_CHAR, 0, 0},
    {"DECIMAL", SQL_DECIMAL, 32, NULL, NULL, "precision,scale", 0, SQL_PRED_BASIC, 0, 0, 0, 0,
     32, SQL_DECIMAL, 0, 10},
    {"MONEY", SQL_DECIMAL, 32, NULL, NULL, "precision,scale", 0, SQL_PRED_BASIC, 0, 1, 0, 0, 32,
     SQL_DECIMAL, 0, 10},
    {"INTEGER", SQL_INTEGER, 10, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, 0, 0, SQL_INTEGER,
     0, 10},
    {"SERIAL", SQL_INTEGER, 10, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 1, 0, 0, SQL_INTEGER,
     0, 10},
    {"SMALLINT", SQL_SMALLINT, 5, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, 0, 0,
     SQL_SMALLINT, 0, 10},
    {"SMALLFLOAT", SQL_REAL, 7, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, -1, -1, SQL_REAL,
     0, 2},
    {"FLOAT", SQL_DOUBLE, 15, NULL, NULL, NULL, 0, SQL_PRED_BASIC, 0, 0, 0, -1, -1, SQL_DOUBLE,
     0, 2},
    {"VARCHAR", SQL_VARCHAR, 255, "'", "'", "max length", 1, SQL_SEARCHABLE, -1, 0, 0, -1, -1,
     SQL_VARCHAR, 0, 0},
    {"NVARCHAR", SQL_VARCHAR, 255, "'", "'", "max length", 1, SQL_SEARCHABLE, -1, 0, 0, -1, -1,
     SQL_VARCHAR, 0, 0},
    {"LVARCHAR", SQL_VARCHAR, 32739, "'", "'", "max length", 1, SQL_SEARCHABLE, -1, 0, 0, -1,
     -1, SQL_VARCHAR, 0, 0},
    {"DATE", SQL_TYPE_DATE, 10, "'", "'", NULL, 0, SQL_PRED_BASIC, -1, 0, 0, -1, -1,
     SQL_DATETIME, SQL_CODE_DATE, 0},
    {"DATETIME HOUR TO SECOND", SQL_TYPE_TIME, 8, "DATETIME(", ") HOUR TO SECOND", NULL, 0,
     SQL_PRED_BASIC, -1, 0, 0, 0, 0, SQL_DATETIME, SQL_CODE_TIME, 0},
    {"DATETIME YEAR TO FRACTION(5)", SQL_TYPE_TIMESTAMP, 25, "DATETIME(",
     ") YEAR TO FRACTION(5)", NULL, 0, SQL_PRED_BASIC, -1, 0, 0, 0, 5, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 0},
    {"INTERVAL YEAR TO MONTH", SQL_INTERVAL_YEAR_TO_MONTH, 7, "INTERVAL(", ") YEAR TO MONTH",
     NULL, 0, SQL_PRED_BASIC, -1, 0, 0, -1, -1, SQL_INTERVAL, SQL_CODE_YEAR_TO_MONTH, 0},
    {"INTERVAL DAY TO FRACTION(5)", SQL_INTERVAL_DAY_TO_SECOND, 18, "INTERVAL(",
     ") DAY TO FRACTION(5)", NULL, 0, SQL_PRED_BASIC, -1, 0, 0, 0, 5, SQL_INTERVAL,
     SQL_CODE_DAY_TO_SECOND, 0},
};

static SQLSMALLINT odbc2_type(SQLSMALLINT t)
{
    switch (t) {
    case SQL_TYPE_DATE: return SQL_DATE;
    case SQL_TYPE_TIME: return SQL_TIME;
    case SQL_TYPE_TIMESTAMP: return SQL_TIMESTAMP;
    default: return t;
    }
}

static SQLSMALLINT odbc3_type(SQLSMALLINT t)
{
    switch (t) {
    case SQL_DATE: return SQL_TYPE_DATE;
    case SQL_TIME: return SQL_TYPE_TIME;
    case SQL_TIMESTAMP: return SQL_TYPE_TIMESTAMP;
    default: return t;
    }
}

static struct lrs *typeinfo_set(bool odbc2, SQLSMALLINT want)
{
    static const struct {
        const char *name;
        uint16_t type;
    } cols[19] = {
        {"TYPE_NAME", SQ_T_VARCHAR}, {"DATA_TYPE", SQ_T_SMALLINT},
        {"COLUMN_SIZE", SQ_T_INTEGER}, {"LITERAL_PREFIX", SQ_T_VARCHAR},
        {"LITERAL_SUFFIX", SQ_T_VARCHAR}, {"CREATE_PARAMS", SQ_T_VARCHAR},
        {"NULLABLE", SQ_T_SMALLINT}, {"CASE_SENSITIVE", SQ_T_SMALLINT},
        {"SEARCHABLE", SQ_T_SMALLINT}, {"UNSIGNED_ATTRIBUTE", SQ_T_SMALLINT},
        {"FIXED_PREC_SCALE", SQ_T_SMALLINT}, {"AUTO_UNIQUE_VALUE", SQ_T_SMALLINT},
        {"LOCAL_TYPE_NAME", SQ_T_VARCHAR}, {"MINIMUM_SCALE", SQ_T_SMALLINT},
        {"MAXIMUM_SCALE", SQ_T_SMALLINT}, {"SQL_DATA_TYPE", SQ_T_SMALLINT},
        {"SQL_DATETIME_SUB", SQ_T_SMALLINT}, {"NUM_PREC_RADIX", SQ_T_INTEGER},
        {"INTERVAL_PRECISION", SQ_T_SMALLINT},
    };
    struct lrs *r = lrs_new(19);
    if (!r)
        return NULL;
    for (size_t i = 0; i < 19; i++) {
        bool notnull = i == 0 || i == 1 || i == 6 || i == 7 || i == 8 || i == 10 || i == 15;
        uint32_t len = cols[i].type == SQ_T_VARCHAR ? 128 : (cols[i].type == SQ_T_SMALLINT ? 2 : 4);
        if (!lrs_col(r, i, cols[i].name, cols[i].type, len, !notnull))
            goto oom;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        const struct tinfo *t = &types[i];
        if (want != SQL_ALL_TYPES && odbc3_type(want) != t->data_type)
            continue;
        size_t row = lrs_add_row(r);
        if (row == (size_t)-1)
            goto oom;
        SQLSMALLINT dt = odbc2 ? odbc2_type(t->data_type) : t->data_type;
        if (!lrs_set_str(r, row, 0, t->name) || !lrs_set_str(r, row, 3, t->prefix) ||
            !lrs_set_str(r, row, 4, t->suffix) || !lrs_set_str(r, row, 5, t->create_params) ||
            !lrs_set_str(r, row, 12, t->name))
            goto oom;
        lrs_set_int(r, row, 1, dt);
        lrs_set_int(r, row, 2, t->column_size);
        lrs_set_int(r, row, 6, SQL_NULLABLE);
        lrs_set_int(r, row, 7, t->case_sensitive);
        lrs_set_int(r, row, 8, t->searchable);
        if (t->unsigned_attr >= 0)
            lrs_set_int(r, row, 9, t->unsigned_attr);
        lrs_set_int(r, row, 10, t->fixed_prec);
        if (t->data_type != SQL_CHAR && t->data_type != SQL_VARCHAR &&
            t->data_type != SQL_LONGVARCHAR && t->data_type != SQL_LONGVARBINARY)
            lrs_set_int(r, row, 11, t->auto_unique);
        if (t->min_scale >= 0)
            lrs_set_int(r, row, 13, t->min_scale);
        if (t->max_scale >= 0)
            lrs_set_int(r, row, 14, t->max_scale);
        lrs_set_int(r, row, 15, t->sql_data_type);
        if (t->sub)
            lrs_set_int(r, row, 16, t->sub);
        if (t->radix)
            lrs_set_int(r, row, 17, t->radix);
        if (t->sql_data_type == SQL_INTERVAL)
            lrs_set_int(r, row, 18, 9);
    }
    return r;
oom:
    lrs_free(r);
    return NULL;
}

SQLRETURN stmt_get_type_info(struct stmt *s, SQLSMALLINT sql_type)
{
    SQLRETURN rc = stmt_check(s, FN_CATALOG);
    if (rc != SQL_SUCCESS)
        return rc;
    struct lrs *r = typeinfo_set(s->hdr.diag.odbc2, sql_type);
    if (!r)
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    return stmt_attach_local(s, r);
}
