/* SPDX-License-Identifier: MIT */
/* catalog.c - the machinery under the catalog functions: arguments as
 * patterns or identifiers (SQL_ATTR_METADATA_ID, Informix lower-case
 * folding), Informix string quoting, running one catalog SELECT through the
 * protocol core and collecting its rows as text, and building/sorting the
 * ODBC-shaped local result set. Layer: catalog/ (above odbc/, sqli/). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "charset_odbc.h"
#include "dbc.h"
#include "sq_alloc.h"
#include "sq_limits.h"
#include "sq_result.h"
#include "sq_types.h"

/* Longest catalog value kept (names are at most 128 bytes; view text 64). */
#define CATALOG_MAX_TEXT (1u << 16)

/* ---- arguments -------------------------------------------------------------- */

bool catalog_arg_init(struct catalog_arg *a, const struct str *in, enum catalog_argkind kind,
                      bool metadata_id)
{
    memset(a, 0, sizeof *a);
    if (!in || !in->p)
        return true; /* absent: matches everything */
    a->present = true;
    a->text = sq_malloc(in->len + 1);
    if (!a->text)
        return false;
    if (!metadata_id) {
        memcpy(a->text, in->p, in->len);
        a->text[in->len] = '\0';
        a->is_pattern = kind == CATALOG_PATTERN;
        return true;
    }
    /* Identifier argument: trailing blanks are not significant. */
    size_t n = in->len;
    while (n > 0 && in->p[n - 1] == ' ')
        n--;
    size_t o = 0;
    if (n >= 2 && in->p[0] == '"' && in->p[n - 1] == '"') {
        for (size_t i = 1; i + 1 < n; i++) {
            a->text[o++] = in->p[i];
            if (in->p[i] == '"' && i + 2 < n && in->p[i + 1] == '"')
                i++;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            a->text[o++] = (char)tolower((unsigned char)in->p[i]);
    }
    a->text[o] = '\0';
    return true;
}

void catalog_arg_fini(struct catalog_arg *a)
{
    if (!a)
        return;
    sq_free(a->text);
    memset(a, 0, sizeof *a);
}

bool catalog_like(const char *p, const char *s)
{
    /* Iterative matcher with one backtrack point for the last '%'. */
    const char *star_p = NULL, *star_s = NULL;
    while (*s) {
        if (*p == '%') {
            while (*p == '%')
                p++;
            if (!*p)
                return true;
            star_p = p;
            star_s = s;
            continue;
        }
        bool esc = p[0] == '\\' && p[1] != '\0';
        char want = esc ? p[1] : p[0];
        if (*p && ((!esc && want == '_') || want == *s)) {
            p += esc ? 2 : 1;
            s++;
            continue;
        }
        if (!star_p)
            return false;
        p = star_p;
        s = ++star_s;
    }
    while (*p == '%')
        p++;
    return *p == '\0';
}

bool catalog_arg_match(const struct catalog_arg *a, const char *s)
{
    if (!a->present)
        return true;
    if (!s)
        return false;
    return a->is_pattern ? catalog_like(a->text, s) : strcmp(a->text, s) == 0;
}

bool catalog_arg_literal(const struct catalog_arg *a, char *out, size_t cap)
{
    if (!a->present || cap == 0)
        return false;
    size_t o = 0;
    for (const char *p = a->text; *p; p++) {
        if (a->is_pattern) {
            if (*p == '%' || *p == '_')
                return false;
            if (*p == '\\' && p[1])
                p++;
        }
        if (o + 1 >= cap)
            return false;
        out[o++] = *p;
    }
    out[o] = '\0';
    return true;
}

bool catalog_quote(char *buf, size_t cap, const char *s)
{
    size_t o = strlen(buf);
    if (o + 1 >= cap)
        return false;
    buf[o++] = '\'';
    for (; *s; s++) {
        if (o + 3 >= cap)
            return false;
        if (*s == '\'')
            buf[o++] = '\'';
        buf[o++] = *s;
    }
    buf[o++] = '\'';
    buf[o] = '\0';
    return true;
}

const char *catalog_current(const struct stmt *s)
{
    return s->dbc && s->dbc->database ? s->dbc->database : "";
}

/* ---- running a catalog query ---------------------------------------------- */

void catalog_rows_fini(struct catalog_rows *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nrows * r->ncols; i++)
        sq_free(r->cells[i]);
    sq_free(r->cells);
    memset(r, 0, sizeof *r);
}

const char *catalog_cell(const struct catalog_rows *r, size_t row, size_t col)
{
    if (row >= r->nrows || col >= r->ncols)
        return NULL;
    return r->cells[row * r->ncols + col];
}

long long catalog_cell_int(const struct catalog_rows *r, size_t row, size_t col)
{
    const char *c = catalog_cell(r, row, col);
    return c ? strtoll(c, NULL, 10) : 0;
}

static char *value_text(const struct sq_coldesc *col, const struct sq_value *v)
{
    if (v->is_null)
        return NULL;
    size_t need = sq_value_format(col, v, NULL, 0);
    if (need >= CATALOG_MAX_TEXT)
        need = CATALOG_MAX_TEXT - 1;
    char *t = sq_malloc(need + 1);
    if (!t)
        return NULL;
    sq_value_format(col, v, t, need + 1);
    size_t n = strlen(t);
    while (n > 0 && t[n - 1] == ' ') /* CHAR columns (owner CHAR(32)) are blank padded */
        n--;
    t[n] = '\0';
    return t;
}

static bool rows_add(struct catalog_rows *r, const struct sq_row *row, const struct sq_stmt *st,
                     struct dbc *dbc)
{
    if (r->nrows == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 32, bytes;
        if (!sq_size_mul(ncap, r->ncols * sizeof *r->cells, &bytes))
            return false;
        char **nc = sq_realloc(r->cells, bytes);
        if (!nc)
            return false;
        r->cells = nc;
        r->cap = ncap;
    }
    char **cells = &r->cells[r->nrows * r->ncols];
    bool ok = true;
    for (size_t c = 0; c < r->ncols; c++) {
        struct sq_value v;
        cells[c] = NULL;
        if (!ok || sq_row_value(row, c, &v) != SQ_RC_OK)
            continue;
        charset_value_in(dbc, &v); /* catalog rows are UTF-8 from here on */
        cells[c] = value_text(sq_stmt_col(st, c), &v);
        if (!cells[c] && !v.is_null)
            ok = false;
    }
    r->nrows++;
    return ok;
}

SQLRETURN catalog_fetch(struct stmt *s, const char *sql, struct catalog_rows *out)
{
    memset(out, 0, sizeof *out);
    struct sq_conn *wire = s->dbc->wire;
    if (!wire)
        return diag_add(&s->hdr, DIAG_08003, NULL);
    struct sq_stmt *st = NULL;
    const char *wsql;
    size_t wlen;
    SQLRETURN crc = charset_sql_out(s->dbc, &s->hdr, sql, strlen(sql), &wsql, &wlen);
    if (!SQL_SUCCEEDED(crc))
        return crc;
    enum sq_rc rc = sq_stmt_prepare(wire, wsql, wlen, &st);
    if (rc == SQ_RC_OK)
        rc = sq_stmt_open(st, NULL, 0, 0);
    if (rc != SQ_RC_OK) {
        sq_stmt_free(st);
        return stmt_wire_error(s, rc);
    }
    out->ncols = sq_stmt_ncols(st);
    const struct sq_row *row;
    while ((rc = sq_stmt_fetch(st, &row)) == SQ_RC_OK) {
        if (!rows_add(out, row, st, s->dbc)) {
            sq_stmt_free(st);
            catalog_rows_fini(out);
            return diag_add(&s->hdr, DIAG_HY001, NULL);
        }
    }
    if (rc != SQ_RC_NO_DATA) {
        sq_stmt_free(st);
        catalog_rows_fini(out);
        return stmt_wire_error(s, rc);
    }
    sq_stmt_free(st); /* closes the cursor and releases the statement */
    return SQL_SUCCESS;
}

/* ---- result sets ------------------------------------------------------------- */

struct lrs *catalog_lrs_new(const struct catalog_colspec *cols, size_t n)
{
    struct lrs *r = lrs_new(n);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t len = cols[i].type == SQ_T_SMALLINT  ? 2
                       : cols[i].type == SQ_T_INTEGER ? 4
                                                      : cols[i].len;
        if (!lrs_col(r, i, cols[i].name, cols[i].type, len, cols[i].nullable)) {
            lrs_free(r);
            return NULL;
        }
    }
    return r;
}

static _Thread_local const size_t *sort_keys;
static _Thread_local size_t sort_nkeys;
static _Thread_local const struct sq_coldesc *sort_cols;

static int cmp_rows(const void *a, const void *b)
{
    const struct sq_value *ra = a, *rb = b;
    for (size_t k = 0; k < sort_nkeys; k++) {
        size_t c = sort_keys[k];
        const struct sq_value *x = &ra[c], *y = &rb[c];
        if (x->is_null || y->is_null) {
            if (x->is_null != y->is_null)
                return x->is_null ? -1 : 1;
            continue;
        }
        enum sq_kind kd = sort_cols[c].kind;
        if (kd == SQ_K_SMALLINT || kd == SQ_K_INTEGER) {
            if (x->u.i != y->u.i)
                return x->u.i < y->u.i ? -1 : 1;
            continue;
        }
        size_t n = x->u.s.n < y->u.s.n ? x->u.s.n : y->u.s.n;
        int d = n ? memcmp(x->u.s.p, y->u.s.p, n) : 0;
        if (d)
            return d;
        if (x->u.s.n != y->u.s.n)
            return x->u.s.n < y->u.s.n ? -1 : 1;
    }
    return 0;
}

void catalog_lrs_sort(struct lrs *r, const size_t *keys, size_t nkeys)
{
    if (r->nrows < 2)
        return;
    /* Bottom-up merge sort (stable) over whole rows, ping-ponging between the
     * cells and a copy. */
    size_t bytes = r->ncols * sizeof *r->cells;
    struct sq_value *copy = sq_malloc(r->nrows * bytes);
    if (!copy)
        return; /* unsorted but complete: better than failing */
    memcpy(copy, r->cells, r->nrows * bytes);
    sort_keys = keys;
    sort_nkeys = nkeys;
    sort_cols = r->cols;
    size_t n = r->nrows;
    struct sq_value *src = copy, *dst = r->cells;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid || j < hi) {
                bool take_left =
                    j >= hi || (i < mid && cmp_rows(&src[i * r->ncols], &src[j * r->ncols]) <= 0);
                size_t from = take_left ? i++ : j++;
                memcpy(&dst[o++ * r->ncols], &src[from * r->ncols], bytes);
            }
        }
        struct sq_value *t = src;
        src = dst;
        dst = t;
    }
    if (src != r->cells)
        memcpy(r->cells, src, n * bytes);
    sq_free(copy);
}
