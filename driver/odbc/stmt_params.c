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

#include "charset_odbc.h"
#include "dbc.h"
#include "sq_alloc.h"
#include "sq_types.h"

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
    stmt_lob_abandon(s);
    for (size_t i = 0; i < s->params_cap && s->dae; i++) {
        s->dae[i].len = 0;
        s->dae[i].given = false;
        s->dae[i].is_null = false;
        s->dae[i].lob_stream = false;
        s->dae[i].lob_spool = false;
        s->dae[i].xcoded = false;
        s->dae[i].app_len = 0;
        s->dae[i].wcarry_n = 0;
        stmt_lob_spool_close(&s->dae[i]);
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

/* The target column of parameter i for the BYTE/TEXT decision: INSERT
 * targets as usual; for other statements (UPDATE ... SET col = ?) the
 * SQLDescribeParam resolution (one extra PREPARE, cached) once `probe` says
 * the value could be a large object, so that a value for a BYTE/TEXT column
 * goes as one and text for an LVARCHAR column stays text. Without probe only
 * an already made resolution is used (no request: the pipeline may run). */
static const struct sq_coldesc *lob_target(struct stmt *s, size_t i, bool probe)
{
    const struct sq_coldesc *t = stmt_param_target(s, i);
    if (t || s->ptarget_insert)
        return t;
    if (probe || s->ptarget_tried)
        return stmt_param_describe_target(s, i);
    return NULL;
}

static bool is_smart(const struct sq_coldesc *cd)
{
    return cd && (cd->kind == SQ_K_BLOB || cd->kind == SQ_K_CLOB);
}

/* Parameter i's APD and IPD records (p NULL when the IPD has none) and a
 * conversion input with its SQL type (VARCHAR when undescribed) and C type
 * (SQL_C_DEFAULT resolved). */
static void param_types(struct stmt *s, size_t i, const struct desc_rec **a,
                        const struct desc_rec **p, struct conv_param_in *in)
{
    *a = &s->apd->recs[i + 1];
    *p = (SQLSMALLINT)(i + 1) <= s->ipd.count ? &s->ipd.recs[i + 1] : NULL;
    memset(in, 0, sizeof *in);
    in->sql_type = *p ? (*p)->concise_type : SQL_VARCHAR;
    in->c_type = (*a)->concise_type == SQL_C_DEFAULT ? conv_default_c_type(in->sql_type)
                                                     : (*a)->concise_type;
}

bool stmt_params_have_lob(struct stmt *s, size_t n)
{
    for (size_t i = 0; i < n && (SQLSMALLINT)(i + 1) <= s->apd->count; i++) {
        const struct desc_rec *a, *p;
        struct conv_param_in in;
        param_types(s, i, &a, &p, &in);
        /* Could this parameter carry a large object? Long and binary SQL
         * types, data at execution, or a first value over a CHAR parameter's
         * 65535 bytes. */
        const SQLLEN *lp = len_ptr(s, a, 0);
        SQLLEN l0 = lp ? len_load(lp) : SQL_NTS;
        if (l0 == SQL_NTS && (in.c_type == SQL_C_CHAR || in.c_type == SQL_C_WCHAR)) {
            /* measure the first set's string: over 65535 bytes it is TEXT */
            const uint8_t *d = desc_elem_ptr(s->apd, a, a->data_ptr, 0,
                                             desc_c_elem_size(a->concise_type, a->octet_length));
            size_t unit = in.c_type == SQL_C_WCHAR ? 2 : 1, k = 0;
            size_t lim = a->octet_length > 0 ? (size_t)a->octet_length : SIZE_MAX;
            while (d && k + unit <= lim && (d[k] || (unit == 2 && d[k + 1])) && k <= 65535 * 2)
                k += unit;
            if (k / unit * (unit == 2 ? 3 : 1) > 65535)
                l0 = 65536; /* "long" is all that matters here */
        }
        bool dae = stmt_param_is_dae(s, a, 0);
        SQLSMALLINT t = in.sql_type;
        const struct sq_coldesc *known = stmt_param_target(s, i);
        bool maybe = t == SQL_BINARY || t == SQL_VARBINARY || t == SQL_LONGVARBINARY ||
                     t == SQL_LONGVARCHAR || t == SQL_WLONGVARCHAR || dae || l0 > 65535 ||
                     is_smart(known); /* any value for a BLOB/CLOB column */
        if (!maybe)
            continue;
        in.target = lob_target(s, i, true);
        in.octet_len = (SQLLEN)1 << 40; /* "may be long" */
        if (conv_lob_type(&in) &&
            (in.c_type == SQL_C_BINARY || in.c_type == SQL_C_CHAR || in.c_type == SQL_C_WCHAR))
            return true;
    }
    return false;
}

SQLRETURN stmt_params_build(struct stmt *s, SQLULEN row, size_t n)
{
    SQLRETURN total = SQL_SUCCESS;
    for (size_t i = 0; i < n; i++) {
        const struct desc_rec *a, *p;
        struct conv_param_in in;
        param_types(s, i, &a, &p, &in);
        in.column_size = p ? p->length : 0;
        in.decimal_digits = p ? p->scale : 0;
        in.num_precision = a->precision ? a->precision : (p ? p->precision : 0);
        in.num_scale = a->precision ? a->scale : (p ? p->scale : 0);
        in.buffer_len = a->octet_length;
        in.target = lob_target(s, i, false);
        /* A value for a BLOB/CLOB column is built as BYTE/TEXT and becomes a
         * locator before execution (stmt_smartlob_params). */
        bool smart = s->dae[i].lob_smart = is_smart(in.target);
        s->dae[i].text_raw = in.c_type == SQL_C_BINARY;
        const SQLLEN *ind = desc_elem_ptr(s->apd, a, a->ind_ptr, row, (SQLLEN)sizeof(SQLLEN));
        const SQLLEN *lp = len_ptr(s, a, row);
        if (ind && len_load(ind) == SQL_NULL_DATA) {
            in.octet_len = SQL_NULL_DATA;
            in.data = NULL;
        } else if (stmt_param_is_dae(s, a, row)) {
            struct dae_buf *b = &s->dae[i];
            SQLLEN decl = lp ? len_load(lp) : 0;
            in.octet_len = decl <= SQL_LEN_DATA_AT_EXEC_OFFSET ? SQL_LEN_DATA_AT_EXEC_OFFSET - decl
                                                                : SQL_NTS;
            uint16_t lt = b->given ? 0 : conv_lob_type(&in);
            /* Text for a non-UTF-8 database changes length when converted,
             * and a BLOB/CLOB is read by the server later: both are spooled
             * even with a declared length. */
            bool spool_always =
                smart || (lt == SQ_T_TEXT && (s->dbc->csc || in.c_type == SQL_C_WCHAR));
            if (lt && !spool_always && decl <= SQL_LEN_DATA_AT_EXEC_OFFSET &&
                (in.c_type == SQL_C_BINARY || (in.c_type == SQL_C_CHAR && lt == SQ_T_TEXT))) {
                /* Streamed to the wire by SQLPutData once the BIND (with every
                 * other value) is out: asked for last (stmt_lob.c). */
                struct sq_param *sp = &s->params[i];
                memset(sp, 0, sizeof *sp);
                sp->type = lt;
                sp->u.lob.p = NULL;
                sp->u.lob.n = (uint64_t)(SQL_LEN_DATA_AT_EXEC_OFFSET - decl);
                b->lob_stream = true;
                continue;
            }
            if (lt &&
                (decl == SQL_DATA_AT_EXEC ||
                 (spool_always && decl <= SQL_LEN_DATA_AT_EXEC_OFFSET)) &&
                (in.c_type == SQL_C_BINARY ||
                 ((in.c_type == SQL_C_CHAR || in.c_type == SQL_C_WCHAR) && lt == SQ_T_TEXT))) {
                /* to a file (stmt_lob.c); UTF-16 pieces are spooled as UTF-8 */
                b->lob_spool = true;
                b->lob_type = lt;
            }
            if (!b->given) {
                s->dae_param = i + 1;
                return SQL_NEED_DATA;
            }
            if (b->lob_spool && !b->is_null && !b->xcoded &&
                decl <= SQL_LEN_DATA_AT_EXEC_OFFSET &&
                b->app_len != (uint64_t)(SQL_LEN_DATA_AT_EXEC_OFFSET - decl))
                /* a value spooled under a declared length */
                return diag_add_at(&s->hdr, DIAG_22026, (SQLLEN)row + 1, (SQLINTEGER)(i + 1),
                                   "parameter %zu: %llu bytes given for a declared length of %lld",
                                   i + 1, (unsigned long long)b->app_len,
                                   (long long)(SQL_LEN_DATA_AT_EXEC_OFFSET - decl));
            if (b->lob_spool && !b->is_null && b->wcarry_n &&
                stmt_lob_spool_put_wide(s, b, NULL, 0, true) != SQL_SUCCESS)
                return SQL_ERROR; /* a UTF-16 value ended in the middle of a character */
            if (b->lob_spool && !b->is_null && !b->xcoded && b->lob_type == SQ_T_TEXT &&
                !b->text_raw && s->dbc->csc) {
                /* once, however often the build runs for later parameters */
                if (charset_lob_spool_out(s, &b->spool, &b->len, i) != SQL_SUCCESS)
                    return SQL_ERROR;
                b->xcoded = true;
            }
            if (b->lob_spool && !b->is_null) {
                struct sq_param *sp = &s->params[i];
                memset(sp, 0, sizeof *sp);
                sp->type = b->lob_type;
                sp->u.lob.p = NULL;
                sp->u.lob.n = b->len;
                continue;
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
    SQLRETURN crc = charset_params_out(s, n, row);
    return SQL_SUCCEEDED(crc) ? total : crc;
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

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/* Prepare "SELECT <cols> FROM <table>" (never opened) and keep it as the
 * statement's parameter targets with map (owned from here on). */
static void targets_prepare(struct stmt *s, const char *table, size_t table_len,
                            const size_t *cs, const size_t *cl, size_t ncols, int32_t *map,
                            bool insert)
{
    const char *p = s->sql.p;
    size_t sql_len = 32 + table_len;
    for (size_t c = 0; c < ncols; c++)
        sql_len += cl[c] + 2;
    char *sel = sq_malloc(sql_len);
    if (!sel) {
        sq_free(map);
        return;
    }
    size_t o = (size_t)snprintf(sel, sql_len, "SELECT ");
    if (ncols == 0)
        o += (size_t)snprintf(sel + o, sql_len - o, "*");
    for (size_t c = 0; c < ncols; c++)
        o += (size_t)snprintf(sel + o, sql_len - o, "%s%.*s", c ? ", " : "", (int)cl[c],
                              p + cs[c]);
    o += (size_t)snprintf(sel + o, sql_len - o, " FROM %.*s", (int)table_len, table);
    struct sq_conn *w = dbc_wire(s->dbc);
    struct sq_stmt *st = NULL;
    const char *wsel = sel;
    size_t wlen = o; /* a subset of the statement text, which converted already */
    enum sq_rc r = w && SQL_SUCCEEDED(charset_sql_out(s->dbc, &s->hdr, sel, o, &wsel, &wlen))
                       ? sq_stmt_prepare(w, wsel, wlen, &st)
                       : SQ_RC_MISUSE;
    sq_free(sel);
    size_t need = 0;
    for (size_t k = 0; k < s->nmarkers; k++)
        if (map[k] >= 0 && (size_t)map[k] + 1 > need)
            need = (size_t)map[k] + 1;
    if (r != SQ_RC_OK || sq_stmt_ncols(st) < need) {
        sq_stmt_free(st);
        sq_free(map);
        return;
    }
    s->ptarget = st;
    s->ptarget_map = map;
    s->ptarget_insert = insert;
}

static void insert_targets_compute(struct stmt *s)
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
    /* spans on the heap: several connections may run this at once */
    size_t *cs = sq_calloc(4 * (size_t)PT_MAX_COLS, sizeof *cs);
    if (!cs)
        return;
    size_t *cl = cs + PT_MAX_COLS, *vs = cl + PT_MAX_COLS, *vl = vs + PT_MAX_COLS;
    size_t ncols = 0, nvals = 0, k = 0;
    int32_t *map = NULL;
    if (i < n && p[i] == '(' && !split_list(p, n, &i, cs, cl, PT_MAX_COLS, &ncols))
        goto fail;
    if (!keyword(p, n, &i, "values") || !split_list(p, n, &i, vs, vl, PT_MAX_COLS, &nvals))
        goto fail;
    i = skip_space(p, n, i);
    if ((i < n && p[i] != ';') || name_len == 0 || (ncols && ncols != nvals))
        goto fail;
    /* values: '?' alone, or marker-free */
    map = sq_calloc(nm, sizeof *map);
    if (!map)
        goto fail;
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
    targets_prepare(s, p + name_start, name_len, cs, cl, ncols, map, true);
    sq_free(cs);
    return;
fail:
    sq_free(map);
    sq_free(cs);
}

/* Offsets of the '?' markers outside quotes and comments (the rules of
 * sq_count_params; s->sql has no ODBC escapes left). Returns the count. */
static size_t marker_offsets(const char *p, size_t n, size_t *pos, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\'' || c == '"') {
            for (i++; i < n && p[i] != c; i++) {
            }
        } else if (c == '-' && i + 1 < n && p[i + 1] == '-') {
            while (i < n && p[i] != '\n')
                i++;
        } else if (c == '/' && i + 1 < n && p[i + 1] == '*') {
            for (i += 2; i + 1 < n && !(p[i] == '*' && p[i + 1] == '/'); i++) {
            }
            i++;
        } else if (c == '{') {
            while (i < n && p[i] != '}')
                i++;
        } else if (c == '?') {
            if (k < max)
                pos[k] = i;
            k++;
        }
    }
    return k;
}

static bool word_before(const char *p, size_t *j, const char *kw)
{
    size_t k = strlen(kw);
    if (*j < k || strncasecmp(p + *j - k, kw, k) != 0)
        return false;
    if (*j > k && ident_char(p[*j - k - 1]))
        return false;
    *j -= k;
    return true;
}

/* The column in "col <op> ?" ending right before marker offset m: its span
 * (without a table qualifier), or false. */
static bool column_before(const char *p, size_t m, size_t *start, size_t *len)
{
    size_t j = m;
    while (j > 0 && (p[j - 1] == ' ' || p[j - 1] == '\t' || p[j - 1] == '\n' || p[j - 1] == '\r'))
        j--;
    if (j > 0 && (p[j - 1] == '=' || p[j - 1] == '<' || p[j - 1] == '>')) {
        j--;
        if (j > 0 && (p[j - 1] == '<' || p[j - 1] == '>' || p[j - 1] == '!'))
            j--;
    } else if (!word_before(p, &j, "like") && !word_before(p, &j, "matches")) {
        return false;
    }
    while (j > 0 && (p[j - 1] == ' ' || p[j - 1] == '\t' || p[j - 1] == '\n' || p[j - 1] == '\r'))
        j--;
    size_t e = j;
    while (j > 0 && ident_char(p[j - 1]))
        j--;
    if (j == e || (p[j] >= '0' && p[j] <= '9'))
        return false;
    static const char *const not_columns[] = {"not", "and", "or", "where", "set", "then",
                                              "else", "when", "null"};
    for (size_t q = 0; q < sizeof not_columns / sizeof not_columns[0]; q++)
        if (e - j == strlen(not_columns[q]) && strncasecmp(p + j, not_columns[q], e - j) == 0)
            return false;
    *start = j;
    *len = e - j;
    return true;
}

/* Table span of a single-table SELECT / UPDATE / DELETE, or false. */
static bool single_table(const char *p, size_t n, size_t *ts, size_t *tl)
{
    size_t i = skip_space(p, n, 0);
    if (keyword(p, n, &i, "update")) {
        (void)keyword(p, n, &i, "only");
    } else if (keyword(p, n, &i, "delete")) {
        if (!keyword(p, n, &i, "from"))
            return false;
    } else if (keyword(p, n, &i, "select")) {
        /* the first FROM at parenthesis depth 0 */
        size_t depth = 0;
        bool found = false;
        for (; i < n && !found; i++) {
            char c = p[i];
            if (c == '\'' || c == '"') {
                for (i++; i < n && p[i] != c; i++) {
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0)
                    return false;
                depth--;
            } else if (depth == 0 && (i == 0 || !ident_char(p[i - 1])) &&
                       keyword(p, n, &i, "from")) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    } else {
        return false;
    }
    size_t a = i;
    while (i < n && (ident_char(p[i]) || p[i] == '.' || p[i] == ':' || p[i] == '@'))
        i++;
    if (i == a)
        return false;
    *ts = a;
    *tl = i - a;
    i = skip_space(p, n, i);
    static const char *const enders[] = {"where", "set", "group", "order", "having", "union",
                                         "for", "into"};
    for (int pass = 0; pass < 2; pass++) {
        if (i >= n || p[i] == ';')
            return true;
        for (size_t q = 0; q < sizeof enders / sizeof enders[0]; q++) {
            size_t t = i;
            if (keyword(p, n, &t, enders[q]))
                return true;
        }
        if (pass == 1 || !ident_char(p[i]))
            return false;
        /* an alias ("as" optional) */
        (void)keyword(p, n, &i, "as");
        while (i < n && ident_char(p[i]))
            i++;
        i = skip_space(p, n, i);
    }
    return false;
}

static void where_targets_compute(struct stmt *s)
{
    const char *p = s->sql.p;
    size_t n = s->sql.len, nm = s->nmarkers;
    size_t ts, tl;
    if (!p || nm == 0 || nm > PT_MAX_COLS || !single_table(p, n, &ts, &tl))
        return;
    size_t *pos = sq_calloc(3 * (size_t)PT_MAX_COLS, sizeof *pos);
    if (!pos)
        return;
    size_t *cs = pos + PT_MAX_COLS, *cl = cs + PT_MAX_COLS;
    int32_t *map = NULL;
    if (marker_offsets(p, n, pos, PT_MAX_COLS) != nm ||
        !(map = sq_calloc(nm, sizeof *map))) {
        sq_free(pos);
        return;
    }
    size_t ncols = 0;
    for (size_t k = 0; k < nm; k++) {
        size_t a, l;
        map[k] = -1;
        if (!column_before(p, pos[k], &a, &l))
            continue;
        size_t c = 0;
        while (c < ncols && !(cl[c] == l && strncasecmp(p + cs[c], p + a, l) == 0))
            c++;
        if (c == ncols) {
            cs[ncols] = a;
            cl[ncols] = l;
            ncols++;
        }
        map[k] = (int32_t)c;
    }
    if (ncols == 0)
        sq_free(map);
    else
        targets_prepare(s, p + ts, tl, cs, cl, ncols, map, false);
    sq_free(pos);
}

static bool is_insert(const struct stmt *s)
{
    size_t i = skip_space(s->sql.p, s->sql.len, 0);
    return s->sql.p && keyword(s->sql.p, s->sql.len, &i, "insert");
}

static const struct sq_coldesc *target_col(const struct stmt *s, size_t i)
{
    if (!s->ptarget || i >= s->nmarkers || s->ptarget_map[i] < 0)
        return NULL;
    return sq_stmt_col(s->ptarget, (size_t)s->ptarget_map[i]);
}

const struct sq_coldesc *stmt_param_target(struct stmt *s, size_t i)
{
    if (!s->ptarget_tried && s->sq) {
        if (!is_insert(s))
            return NULL; /* no round trip on the execute path of other statements */
        s->ptarget_tried = true;
        insert_targets_compute(s);
    }
    return s->ptarget_insert ? target_col(s, i) : NULL;
}

const struct sq_coldesc *stmt_param_describe_target(struct stmt *s, size_t i)
{
    if (!s->ptarget_tried && s->sq) {
        s->ptarget_tried = true;
        if (is_insert(s))
            insert_targets_compute(s);
        else
            where_targets_compute(s);
    }
    return target_col(s, i);
}

void stmt_param_targets_free(struct stmt *s)
{
    sq_stmt_free(s->ptarget);
    sq_free(s->ptarget_map);
    s->ptarget = NULL;
    s->ptarget_map = NULL;
    s->ptarget_tried = false;
    s->ptarget_insert = false;
}
