/* SPDX-License-Identifier: MIT */
/* stmt_params.c - SQLBindParameter into the APD/IPD, and turning one
 * parameter set (row of a parameter array: column-wise or row-wise binding,
 * bind offset applied to data and indicators) into sq_params through
 * conv_from_c(). Scratch storage is per statement and reused: no allocation
 * per row once the arrays have grown. */
#include "stmt.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sq_alloc.h"

void *desc_elem_ptr(const struct desc *d, const struct desc_rec *r, void *base, SQLULEN row,
                    SQLLEN elem_size)
{
    (void)r;
    if (!base)
        return NULL;
    char *p = base;
    if (d->bind_offset_ptr)
        p += *d->bind_offset_ptr;
    if (d->bind_type == SQL_BIND_BY_COLUMN)
        p += row * (SQLULEN)(elem_size > 0 ? elem_size : 0);
    else
        p += row * d->bind_type;
    return p;
}

SQLRETURN stmt_bind_param(struct stmt *s, SQLUSMALLINT n, SQLSMALLINT io, SQLSMALLINT c_type,
                          SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits,
                          SQLPOINTER data, SQLLEN buf_len, SQLLEN *ind)
{
    SQLRETURN rc = stmt_check(s, FN_BIND);
    if (rc != SQL_SUCCESS)
        return rc;
    if (n == 0 || n >= DESC_MAX_RECS)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (io != SQL_PARAM_INPUT) {
        if (io == SQL_PARAM_OUTPUT || io == SQL_PARAM_INPUT_OUTPUT)
            return diag_add(&s->hdr, DIAG_HYC00, "output parameters are not supported");
        return diag_add(&s->hdr, DIAG_HY105, NULL);
    }
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    if (!data && !ind)
        return diag_add(&s->hdr, DIAG_HY009, NULL);
    struct desc_rec *a = desc_rec(s->apd, (SQLSMALLINT)n, true);
    struct desc_rec *p = desc_rec(&s->ipd, (SQLSMALLINT)n, true);
    if (!a || !p)
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    desc_rec_set_concise(a, c_type);
    a->data_ptr = data;
    a->octet_length = buf_len;
    a->ind_ptr = ind;
    a->octet_length_ptr = ind;
    a->precision = 0;
    a->scale = 0;
    desc_rec_set_concise(p, sql_type);
    p->length = size;
    p->precision = (SQLSMALLINT)(size > 32767 ? 32767 : size);
    p->scale = digits;
    p->parameter_type = io;
    return SQL_SUCCESS;
}

bool stmt_params_reserve(struct stmt *s, size_t n)
{
    if (n <= s->params_cap)
        return true;
    struct sq_param *np = sq_realloc(s->params, n * sizeof *np);
    if (!np)
        return false;
    s->params = np;
    struct conv_scratch *ns = sq_realloc(s->scratch, n * sizeof *ns);
    if (!ns)
        return false;
    s->scratch = ns;
    struct dae_buf *nd = sq_realloc(s->dae, n * sizeof *nd);
    if (!nd)
        return false;
    s->dae = nd;
    for (size_t i = s->params_cap; i < n; i++) {
        conv_scratch_init(&s->scratch[i]);
        memset(&s->dae[i], 0, sizeof s->dae[i]);
        memset(&s->params[i], 0, sizeof s->params[i]);
    }
    s->params_cap = n;
    return true;
}

void stmt_dae_reset(struct stmt *s)
{
    for (size_t i = 0; i < s->params_cap && s->dae; i++) {
        s->dae[i].len = 0;
        s->dae[i].given = false;
        s->dae[i].is_null = false;
    }
    s->dae_param = 0;
}

static SQLLEN *len_ptr(const struct stmt *s, const struct desc_rec *r, SQLULEN row)
{
    SQLLEN *base = r->octet_length_ptr ? r->octet_length_ptr : r->ind_ptr;
    return desc_elem_ptr(s->apd, r, base, row, (SQLLEN)sizeof(SQLLEN));
}

bool stmt_param_is_dae(const struct stmt *s, const struct desc_rec *r, SQLULEN row)
{
    const SQLLEN *lp = len_ptr(s, r, row);
    if (!lp)
        return false;
    SQLLEN v = len_load(lp);
    return v == SQL_DATA_AT_EXEC || v <= SQL_LEN_DATA_AT_EXEC_OFFSET;
}

SQLRETURN stmt_params_build(struct stmt *s, SQLULEN row, size_t n)
{
    SQLRETURN total = SQL_SUCCESS;
    for (size_t i = 0; i < n; i++) {
        const struct desc_rec *a = &s->apd->recs[i + 1];
        const struct desc_rec *p = (SQLSMALLINT)(i + 1) <= s->ipd.count ? &s->ipd.recs[i + 1]
                                                                         : NULL;
        struct conv_param_in in;
        memset(&in, 0, sizeof in);
        in.sql_type = p ? p->concise_type : SQL_VARCHAR;
        in.c_type = a->concise_type == SQL_C_DEFAULT ? conv_default_c_type(in.sql_type)
                                                     : a->concise_type;
        in.column_size = p ? p->length : 0;
        in.decimal_digits = p ? p->scale : 0;
        in.num_precision = a->precision ? a->precision : (p ? p->precision : 0);
        in.num_scale = a->precision ? a->scale : (p ? p->scale : 0);
        in.buffer_len = a->octet_length;
        in.target = stmt_param_target(s, i);
        const SQLLEN *ind = desc_elem_ptr(s->apd, a, a->ind_ptr, row, (SQLLEN)sizeof(SQLLEN));
        const SQLLEN *lp = len_ptr(s, a, row);
        if (ind && len_load(ind) == SQL_NULL_DATA) {
            in.octet_len = SQL_NULL_DATA;
            in.data = NULL;
        } else if (stmt_param_is_dae(s, a, row)) {
            struct dae_buf *b = &s->dae[i];
            if (!b->given) {
                s->dae_param = i + 1;
                return SQL_NEED_DATA;
            }
            in.data = b->p;
            in.octet_len = b->is_null ? SQL_NULL_DATA : (SQLLEN)b->len;
            in.buffer_len = (SQLLEN)b->len;
        } else {
            in.data = desc_elem_ptr(s->apd, a, a->data_ptr, row,
                                    desc_c_elem_size(a->concise_type, a->octet_length));
            in.octet_len = lp ? len_load(lp) : SQL_NTS;
            if (!in.data)
                return diag_add_at(&s->hdr, DIAG_HY009, (SQLLEN)row + 1, (SQLINTEGER)(i + 1),
                                   "parameter %zu has no data pointer", i + 1);
        }
        enum conv_rc cr = conv_from_c(&in, &s->scratch[i], &s->params[i]);
        if (cr != CONV_OK) {
            SQLRETURN rc = diag_from_conv(&s->hdr, (int)cr, (SQLLEN)row + 1, (SQLINTEGER)(i + 1));
            if (rc == SQL_ERROR || conv_rc_is_error(cr))
                return SQL_ERROR;
            total = diag_merge_rc(total, rc);
        }
    }
    return total;
}

/* ---- parameter targets ------------------------------------------------------
 * SQLI's PREPARE describes output columns only. For the common
 * "INSERT INTO t [(c1, ...)] VALUES (v1, ...)" whose values are plain '?'
 * markers or marker-free expressions, "SELECT c1, ... FROM t" (or "*") is
 * prepared once (never opened) and its DESCRIBE gives each marker's target
 * column: SQLDescribeParam reports real types and conv_from_c formats
 * DATETIME/DECIMAL parameters for the column. Anything else: unknown. */

static size_t skip_space(const char *p, size_t n, size_t i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    return i;
}

static bool keyword(const char *p, size_t n, size_t *i, const char *kw)
{
    size_t k = strlen(kw);
    if (*i + k > n || strncasecmp(p + *i, kw, k) != 0)
        return false;
    if (*i + k < n) {
        char c = p[*i + k];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_')
            return false;
    }
    *i = skip_space(p, n, *i + k);
    return true;
}

/* Split "( a, b, ... )" at top-level commas; *i is at '('. Stores item spans. */
static bool split_list(const char *p, size_t n, size_t *i, size_t *starts, size_t *lens,
                       size_t max, size_t *count)
{
    if (*i >= n || p[*i] != '(')
        return false;
    size_t depth = 0, start = *i + 1, c = 0;
    for (size_t j = *i; j < n; j++) {
        char ch = p[j];
        if (ch == '\'' || ch == '"') {
            for (j++; j < n && p[j] != ch; j++) {
            }
            if (j >= n)
                return false;
        } else if (ch == '(') {
            depth++;
        } else if (ch == ')' || (ch == ',' && depth == 1)) {
            if (ch == ')' && --depth > 0)
                continue;
            if (c >= max)
                return false;
            size_t a = skip_space(p, n, start), b = j;
            while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\n'))
                b--;
            starts[c] = a;
            lens[c] = b - a;
            c++;
            start = j + 1;
            if (ch == ')') {
                *i = skip_space(p, n, j + 1);
                *count = c;
                return true;
            }
        }
    }
    return false;
}

#define PT_MAX_COLS 512

static void param_targets_compute(struct stmt *s)
{
    const char *p = s->sql.p;
    size_t n = s->sql.len, i = skip_space(p, n, 0);
    size_t nm = s->nmarkers;
    if (!p || nm == 0 || !keyword(p, n, &i, "insert") || !keyword(p, n, &i, "into"))
        return;
    size_t name_start = i;
    while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '(')
        i++;
    size_t name_len = i - name_start;
    i = skip_space(p, n, i);
    static size_t cs[PT_MAX_COLS], cl[PT_MAX_COLS], vs[PT_MAX_COLS], vl[PT_MAX_COLS];
    size_t ncols = 0, nvals = 0;
    if (i < n && p[i] == '(' && !split_list(p, n, &i, cs, cl, PT_MAX_COLS, &ncols))
        return;
    if (!keyword(p, n, &i, "values") || !split_list(p, n, &i, vs, vl, PT_MAX_COLS, &nvals))
        return;
    i = skip_space(p, n, i);
    if ((i < n && p[i] != ';') || name_len == 0 || (ncols && ncols != nvals))
        return;
    /* values: '?' alone, or marker-free */
    size_t k = 0;
    int32_t *map = sq_calloc(nm, sizeof *map);
    if (!map)
        return;
    for (size_t v = 0; v < nvals; v++) {
        if (vl[v] == 1 && p[vs[v]] == '?') {
            if (k >= nm)
                goto fail;
            map[k++] = (int32_t)v;
        } else if (memchr(p + vs[v], '?', vl[v])) {
            goto fail;
        }
    }
    if (k != nm)
        goto fail;
    size_t sql_len = 32 + name_len;
    for (size_t c = 0; c < ncols; c++)
        sql_len += cl[c] + 2;
    char *sel = sq_malloc(sql_len);
    if (!sel)
        goto fail;
    size_t o = (size_t)snprintf(sel, sql_len, "SELECT ");
    if (ncols == 0)
        o += (size_t)snprintf(sel + o, sql_len - o, "*");
    for (size_t c = 0; c < ncols; c++)
        o += (size_t)snprintf(sel + o, sql_len - o, "%s%.*s", c ? ", " : "", (int)cl[c],
                              p + cs[c]);
    o += (size_t)snprintf(sel + o, sql_len - o, " FROM %.*s", (int)name_len, p + name_start);
    struct sq_conn *w = dbc_wire(s->dbc);
    struct sq_stmt *st = NULL;
    enum sq_rc r = w ? sq_stmt_prepare(w, sel, o, &st) : SQ_RC_MISUSE;
    sq_free(sel);
    if (r != SQ_RC_OK || sq_stmt_ncols(st) < nvals) {
        sq_stmt_free(st);
        goto fail;
    }
    s->ptarget = st;
    s->ptarget_map = map;
    return;
fail:
    sq_free(map);
}

const struct sq_coldesc *stmt_param_target(struct stmt *s, size_t i)
{
    if (!s->ptarget_tried && s->sq) {
        s->ptarget_tried = true;
        param_targets_compute(s);
    }
    if (!s->ptarget || i >= s->nmarkers || s->ptarget_map[i] < 0)
        return NULL;
    return sq_stmt_col(s->ptarget, (size_t)s->ptarget_map[i]);
}

void stmt_param_targets_free(struct stmt *s)
{
    sq_stmt_free(s->ptarget);
    sq_free(s->ptarget_map);
    s->ptarget = NULL;
    s->ptarget_map = NULL;
    s->ptarget_tried = false;
}
