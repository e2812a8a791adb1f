/* SPDX-License-Identifier: MIT */
/* srv_sql_xlate.c - ifxlite's dialect translator: Informix SQL text → SQLite
 * SQL, token by token (FIRST/SKIP, TODAY, CURRENT, DATETIME literals, MATCHES,
 * ::casts, owner/database prefixes, value coercion around INSERT/UPDATE
 * targets and comparisons) plus statement classification. Part of the SQL
 * engine; the DDL statements are parsed in srv_sql_ddl.c. */
#include "srv_errors.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"
#include "sq_limits.h"
#include "sq_opcodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XL_MAX_SCOPES 64
#define XL_MAX_DEPTH 256

struct xl_scope {
    int depth;
    char limit[32];
    char offset[32];
};

struct xl {
    struct srv_session *s;
    const char *sql;
    const struct srv_tok *t;
    size_t n;
    struct sq_buf out;
    struct srv_xlate *x;
    struct srv_err *err;
    size_t omap_cap;
    size_t param_no;
    struct cat_table tabs[16]; /* tables seen in FROM/UPDATE/INSERT, for typing */
    size_t ntabs;
    int depth;
    size_t last_prim;
    size_t last_prim_tok; /* source token where the last primary started */
    size_t last_tok_out;
    size_t prev_end;
    size_t paren_stack[XL_MAX_DEPTH];
    size_t paren_tok[XL_MAX_DEPTH];
    struct xl_scope scopes[XL_MAX_SCOPES];
    size_t nscopes;
    int from_depth; /* depth of the FROM list being read, -1 if none */
    bool failed;
};

static bool kw(const struct xl *xl, size_t i, const char *w)
{
    return i < xl->n && srv_tok_kw(xl->sql, &xl->t[i], w);
}

static bool op(const struct xl *xl, size_t i, const char *o)
{
    return i < xl->n && srv_tok_op(xl->sql, &xl->t[i], o);
}

static void fail(struct xl *xl, int code, size_t tok, const char *text)
{
    if (xl->failed)
        return;
    xl->failed = true;
    srv_err_set(xl->err, code, 0, tok < xl->n ? xl->t[tok].off : xl->t[xl->n].off, text);
}

static void omap_add(struct xl *xl, size_t out_off, uint32_t src_off)
{
    struct srv_xlate *x = xl->x;
    if (x->nomap + 1 > xl->omap_cap) {
        size_t cap = xl->omap_cap ? xl->omap_cap * 2 : 64, bytes;
        if (!sq_size_mul(cap, 2 * sizeof(uint32_t), &bytes))
            return;
        uint32_t *m = sq_realloc(x->omap, bytes);
        if (!m)
            return;
        x->omap = m;
        xl->omap_cap = cap;
    }
    x->omap[2 * x->nomap] = (uint32_t)out_off;
    x->omap[2 * x->nomap + 1] = src_off;
    x->nomap++;
}

/* Separator before source token i: a blank unless adjacent in the source. */
static void space_for(struct xl *xl, size_t i)
{
    uint32_t off = i < xl->n ? xl->t[i].off : xl->t[xl->n].off;
    if (xl->out.len > 0 && off > xl->prev_end)
        sb_putn(&xl->out, " ", 1);
}

/* Emit replacement text standing for source tokens [i, j). */
static void emit_text(struct xl *xl, size_t i, size_t j, const char *text)
{
    space_for(xl, i);
    xl->last_tok_out = xl->out.len;
    omap_add(xl, xl->out.len, i < xl->n ? xl->t[i].off : xl->t[xl->n].off);
    sb_puts(&xl->out, text);
    if (j > 0 && j - 1 < xl->n)
        xl->prev_end = xl->t[j - 1].off + xl->t[j - 1].len;
}

static void emit_raw(struct xl *xl, const char *text)
{
    sb_puts(&xl->out, text);
}

/* A numeric literal with more significant digits than a double holds (no
 * exponent): SQLite would read it as REAL, so it travels as text and the
 * DECIMAL code (ifx_co, ifx_narith) reads it exactly. */
static bool long_number(const struct xl *xl, size_t i)
{
    if (i >= xl->n || xl->t[i].k != TK_NUMBER)
        return false;
    const char *p = xl->sql + xl->t[i].off;
    unsigned sig = 0;
    bool lead = true;
    for (uint32_t k = 0; k < xl->t[i].len; k++) {
        if (p[k] == 'e' || p[k] == 'E')
            return false;
        if (p[k] < '0' || p[k] > '9')
            continue;
        if (lead && p[k] == '0')
            continue;
        lead = false;
        sig++;
    }
    return sig > 15;
}

static bool operand_last(const struct xl *xl, size_t i);

static void emit_tok(struct xl *xl, size_t i)
{
    const struct srv_tok *t = &xl->t[i];
    if (t->k == TK_OP && srv_tok_op(xl->sql, t, "-") && long_number(xl, i + 1) &&
        (i == 0 || !operand_last(xl, i - 1)))
        return; /* unary minus of a long literal: emitted inside its text */
    if (t->k == TK_NUMBER && long_number(xl, i)) {
        space_for(xl, i);
        xl->last_tok_out = xl->out.len;
        omap_add(xl, xl->out.len, t->off);
        bool neg = i > 0 && op(xl, i - 1, "-") && (i < 2 || !operand_last(xl, i - 2));
        sb_putn(&xl->out, neg ? "'-" : "'", neg ? 2 : 1);
        sb_putn(&xl->out, xl->sql + t->off, t->len);
        sb_putn(&xl->out, "'", 1);
        xl->prev_end = t->off + t->len;
        return;
    }
    space_for(xl, i);
    xl->last_tok_out = xl->out.len;
    omap_add(xl, xl->out.len, t->off);
    if (t->k == TK_STRING && xl->sql[t->off] == '"') {
        /* A "string" (DELIMIDENT off) becomes a 'string'. */
        char *v = srv_tok_string(xl->sql, t, NULL);
        if (!v) {
            fail(xl, SRV_E_NOMEM, i, NULL);
            return;
        }
        sb_quote(&xl->out, v);
        sq_free(v);
    } else {
        sb_putn(&xl->out, xl->sql + t->off, t->len);
    }
    xl->prev_end = t->off + t->len;
}

/* Insert text at out offset pos (shifting what follows). */
static void insert_at(struct xl *xl, size_t pos, const char *text)
{
    size_t n = strlen(text);
    if (pos > xl->out.len || !sq_buf_reserve(&xl->out, n)) {
        fail(xl, SRV_E_NOMEM, 0, NULL);
        return;
    }
    memmove(xl->out.data + pos + n, xl->out.data + pos, xl->out.len - pos);
    memcpy(xl->out.data + pos, text, n);
    xl->out.len += n;
    for (size_t k = 0; k < xl->x->nomap; k++)
        if (xl->x->omap[2 * k] >= pos)
            xl->x->omap[2 * k] += (uint32_t)n;
}

static size_t match_paren(const struct xl *xl, size_t i)
{
    int d = 0;
    for (size_t j = i; j < xl->n; j++) {
        if (op(xl, j, "("))
            d++;
        else if (op(xl, j, ")") && --d == 0)
            return j;
    }
    return xl->n;
}

static bool is_ident(const struct xl *xl, size_t i)
{
    return i < xl->n && (xl->t[i].k == TK_IDENT || xl->t[i].k == TK_QIDENT);
}

/* End (exclusive) of the DATETIME/INTERVAL qualifier starting at i. */
static size_t qualifier_end(const struct xl *xl, size_t i)
{
    static const char *const w[] = {"year", "month", "day", "hour", "minute", "second", "fraction"};
    size_t j = i;
    for (int part = 0; part < 2; part++) {
        bool ok = false;
        for (size_t k = 0; k < 7; k++)
            if (kw(xl, j, w[k]))
                ok = true;
        if (!ok)
            return part == 0 ? i : j;
        j++;
        if (op(xl, j, "("))
            j = match_paren(xl, j) + 1;
        if (part == 0) {
            if (!kw(xl, j, "to"))
                return j;
            j++;
        }
    }
    return j;
}

/* End (exclusive) of the CASE ... END expression whose CASE is at i. */
static size_t case_end(const struct xl *xl, size_t i)
{
    int d = 0;
    for (size_t j = i; j < xl->n; j++) {
        if (kw(xl, j, "case"))
            d++;
        else if (kw(xl, j, "end") && --d == 0)
            return j + 1;
    }
    return xl->n;
}

/* End (exclusive) of one operand starting at i. */
static size_t primary_end(const struct xl *xl, size_t i)
{
    size_t j = i;
    while (op(xl, j, "-") || op(xl, j, "+"))
        j++;
    if (j >= xl->n)
        return j;
    if (kw(xl, j, "case"))
        return case_end(xl, j);
    if (op(xl, j, "("))
        return match_paren(xl, j) + 1;
    if ((kw(xl, j, "datetime") || kw(xl, j, "interval")) && op(xl, j + 1, "("))
        return qualifier_end(xl, match_paren(xl, j + 1) + 1);
    if (kw(xl, j, "current"))
        return qualifier_end(xl, j + 1);
    if (is_ident(xl, j) && op(xl, j + 1, "("))
        return match_paren(xl, j + 1) + 1;
    while (is_ident(xl, j) && op(xl, j + 1, ".") && is_ident(xl, j + 2))
        j += 2;
    return j + 1;
}

static void emit_range(struct xl *xl, size_t a, size_t b);

static void note_table(struct xl *xl, const char *name)
{
    if (xl->ntabs >= sizeof xl->tabs / sizeof xl->tabs[0] || !xl->s->db)
        return;
    for (size_t k = 0; k < xl->ntabs; k++)
        if (strcmp(xl->tabs[k].name, name) == 0)
            return;
    struct cat_table t;
    if (cat_find(xl->s->db, name, &t) == 1)
        xl->tabs[xl->ntabs++] = t;
}

static void emit_param(struct xl *xl, size_t i, const struct ifx_type *ty, const char *colname)
{
    char buf[32];
    size_t no = xl->param_no++;
    snprintf(buf, sizeof buf, "?%zu", no + 1);
    emit_text(xl, i, i + 1, buf);
    xl->last_prim = xl->last_tok_out;
    xl->last_prim_tok = i;
    if (ty && no < xl->x->nparams) {
        struct srv_param_desc *p = &xl->x->params[no];
        p->known = true;
        p->ty = *ty;
        p->ty.notnull = false;
        snprintf(p->name, sizeof p->name, "%s", colname ? colname : "");
    }
}

/* A correlation name ("AS x" or a bare identifier that starts no clause)
 * follows a table reference at i. */
static bool alias_follows(const struct xl *xl, size_t i)
{
    static const char *const words[] = {
        "where", "group",  "order", "having", "on",      "left",   "right",  "inner",
        "cross", "full",   "join",  "union",  "intersect", "except", "set",  "values",
        "limit", "for",    "into",  "select", "natural", "outer",  "using",  "with",
        "skip",  "first",  "offset", "fetch", "default", "execute", "returning"};
    if (kw(xl, i, "as"))
        return true;
    if (!is_ident(xl, i))
        return false;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (kw(xl, i, words[k]))
            return false;
    return true;
}

/* A table reference in FROM/JOIN/UPDATE/INTO: [db[@srv]:][owner.]name. */
static size_t emit_table_ref(struct xl *xl, size_t i)
{
    size_t j = i;
    bool sysmaster = false;
    if (is_ident(xl, j) && op(xl, j + 1, "@") && is_ident(xl, j + 2) && op(xl, j + 3, ":")) {
        sysmaster = kw(xl, j, "sysmaster");
        j += 4;
    } else if (is_ident(xl, j) && op(xl, j + 1, ":") && is_ident(xl, j + 2)) {
        sysmaster = kw(xl, j, "sysmaster");
        j += 2;
    }
    if (is_ident(xl, j) && op(xl, j + 1, ".") && is_ident(xl, j + 2))
        j += 2; /* owner. */
    if (!is_ident(xl, j))
        return i;
    char name[129];
    srv_tok_ident(xl->sql, &xl->t[j], name, sizeof name);
    if (sysmaster) {
        char buf[160];
        snprintf(buf, sizeof buf, "sysmaster_%s", name);
        emit_text(xl, i, j + 1, buf);
        xl->x->need_sysdatabases = true;
        return j + 1;
    }
    if (j != i) {
        space_for(xl, i);
        xl->prev_end = xl->t[j].off - 1; /* no extra blank */
    }
    note_table(xl, name);
    const char *base = NULL;
    for (size_t k = 0; k < xl->ntabs; k++)
        if (strcmp(xl->tabs[k].name, name) == 0 && xl->tabs[k].base[0])
            base = xl->tabs[k].base;
    if (base) {
        /* A synonym (IBM SYSSYNTABLE): name its table, keeping the synonym
         * as the correlation name unless the statement gives its own. */
        struct sq_buf q = SQ_BUF_INIT;
        sb_ident(&q, base);
        if (!alias_follows(xl, j + 1)) {
            sb_puts(&q, " AS ");
            sb_ident(&q, name);
        }
        char *text = sb_take(&q);
        if (!text) {
            fail(xl, SRV_E_NOMEM, j, NULL);
            return j + 1;
        }
        emit_text(xl, j, j + 1, text);
        sq_free(text);
    } else {
        emit_tok(xl, j);
    }
    if (xl->depth == 0 && xl->x->ntabs < 16) {
        if (!xl->x->tabs) {
            xl->x->tabs = sq_calloc(16, sizeof *xl->x->tabs);
            if (!xl->x->tabs) {
                fail(xl, SRV_E_NOMEM, i, NULL);
                return j + 1;
            }
        }
        snprintf(xl->x->tabs[xl->x->ntabs++], 129, "%s", name);
    }
    return j + 1;
}

/* Name of the table reference at i ([db:][owner.]name), or false. */
static bool table_ref_name(const struct xl *xl, size_t i, char *out, size_t cap)
{
    size_t j = i;
    if (is_ident(xl, j) && op(xl, j + 1, "@") && is_ident(xl, j + 2) && op(xl, j + 3, ":"))
        j += 4;
    else if (is_ident(xl, j) && op(xl, j + 1, ":") && is_ident(xl, j + 2))
        j += 2;
    if (is_ident(xl, j) && op(xl, j + 1, ".") && is_ident(xl, j + 2))
        j += 2;
    if (!is_ident(xl, j) || op(xl, j + 1, "("))
        return false;
    return srv_tok_ident(xl->sql, &xl->t[j], out, cap);
}

/* Load the catalog entries of every table the statement names, before the
 * select list is translated (date arithmetic and comparisons need types). */
static void prescan_tables(struct xl *xl)
{
    int d = 0, from_d = -1;
    for (size_t i = 0; i < xl->n; i++) {
        if (op(xl, i, "("))
            d++;
        else if (op(xl, i, ")")) {
            if (from_d == d)
                from_d = -1;
            d--;
        }
        char name[129];
        bool starts = kw(xl, i, "from") || kw(xl, i, "join") || kw(xl, i, "update") ||
                      kw(xl, i, "into") || (op(xl, i, ",") && from_d == d);
        if (kw(xl, i, "from"))
            from_d = d;
        else if (kw(xl, i, "where") || kw(xl, i, "group") || kw(xl, i, "order") ||
                 kw(xl, i, "having") || kw(xl, i, "union"))
            from_d = from_d == d ? -1 : from_d;
        if (starts && table_ref_name(xl, i + 1, name, sizeof name))
            note_table(xl, name);
    }
}

static void close_scope(struct xl *xl)
{
    struct xl_scope *sc = &xl->scopes[xl->nscopes - 1];
    if (sc->limit[0] || sc->offset[0]) {
        emit_raw(xl, " LIMIT ");
        emit_raw(xl, sc->limit[0] ? sc->limit : "-1");
        if (sc->offset[0]) {
            emit_raw(xl, " OFFSET ");
            emit_raw(xl, sc->offset);
        }
    }
    xl->nscopes--;
}

static void close_scopes_at(struct xl *xl, int depth)
{
    while (xl->nscopes > 0 && xl->scopes[xl->nscopes - 1].depth >= depth)
        close_scope(xl);
}

/* The value of FIRST/SKIP/LIMIT: a number or a '?'. */
static bool take_count(struct xl *xl, size_t i, char *out, size_t cap)
{
    if (i >= xl->n)
        return false;
    if (xl->t[i].k == TK_NUMBER) {
        snprintf(out, cap, "%.*s", (int)xl->t[i].len, xl->sql + xl->t[i].off);
        return true;
    }
    if (xl->t[i].k == TK_PARAM) {
        size_t no = xl->param_no++;
        snprintf(out, cap, "?%zu", no + 1);
        return true;
    }
    return false;
}

static void capture_items(struct xl *xl, size_t a)
{
    struct srv_xlate *x = xl->x;
    size_t cap = 0, start = a;
    int d = 0;
    size_t j;
    for (j = a; j <= xl->n; j++) {
        bool end = j == xl->n ||
                   (d == 0 && (kw(xl, j, "from") || kw(xl, j, "into") || kw(xl, j, "union")));
        if (j < xl->n && op(xl, j, "("))
            d++;
        if (j < xl->n && op(xl, j, ")"))
            d--;
        if (!end && !(d == 0 && op(xl, j, ",")))
            continue;
        if (x->nitems == cap) {
            size_t ncap = cap ? cap * 2 : 8, bytes;
            if (ncap > SQ_MAX_COLUMNS || !sq_size_mul(ncap, sizeof *x->items, &bytes))
                return;
            struct srv_item *it = sq_realloc(x->items, bytes);
            if (!it)
                return;
            x->items = it;
            cap = ncap;
        }
        struct srv_item *it = &x->items[x->nitems++];
        memset(it, 0, sizeof *it);
        it->a = start;
        it->b = j;
        if (j == start + 1 && op(xl, start, "*")) {
            it->star = true;
        } else if (j == start + 3 && op(xl, start + 2, "*") && op(xl, start + 1, ".")) {
            it->star = true;
            srv_tok_ident(xl->sql, &xl->t[start], it->qual, sizeof it->qual);
        } else if (j >= start + 2 && is_ident(xl, j - 1) && !kw(xl, j - 1, "end")) {
            const struct srv_tok *p = &xl->t[j - 2];
            bool prev_ok =
                kw(xl, j - 2, "as") ||
                ((p->k == TK_IDENT || p->k == TK_QIDENT || p->k == TK_NUMBER || p->k == TK_STRING ||
                  op(xl, j - 2, ")")) &&
                 !kw(xl, j - 2, "to") && !kw(xl, j - 2, "distinct") && !kw(xl, j - 2, "unique"));
            if (prev_ok) {
                it->alias = j - 1;
                it->b = kw(xl, j - 2, "as") ? j - 2 : j - 1;
            }
        }
        start = j + 1;
        if (end)
            break;
    }
}

static size_t emit_select(struct xl *xl, size_t i)
{
    emit_tok(xl, i);
    size_t j = i + 1;
    struct xl_scope sc = {xl->depth, "", ""};
    for (;;) {
        if (kw(xl, j, "skip") && take_count(xl, j + 1, sc.offset, sizeof sc.offset)) {
            j += 2;
        } else if ((kw(xl, j, "first") || kw(xl, j, "limit")) &&
                   take_count(xl, j + 1, sc.limit, sizeof sc.limit)) {
            j += 2;
        } else {
            break;
        }
    }
    if (kw(xl, j, "unique")) {
        emit_text(xl, j, j + 1, "DISTINCT");
        j++;
    } else if (kw(xl, j, "distinct") || kw(xl, j, "all")) {
        emit_tok(xl, j);
        j++;
    }
    if (xl->nscopes < XL_MAX_SCOPES)
        xl->scopes[xl->nscopes++] = sc;
    if (xl->depth == 0 && !xl->x->items)
        capture_items(xl, j);
    return j;
}

/* Column type for the comparison operand ending just before token i. */
static bool colref_before(struct xl *xl, size_t i, struct ifx_type *ty)
{
    if (i == 0 || !is_ident(xl, i - 1))
        return false;
    size_t a = i - 1;
    if (a >= 2 && op(xl, a - 1, ".") && is_ident(xl, a - 2))
        a -= 2;
    if (a > 0 && (op(xl, a - 1, ".") || op(xl, a - 1, "::")))
        return false;
    char name[129];
    return srv_type_colref(xl->sql, xl->t, a, i, xl->tabs, xl->ntabs, ty, name, sizeof name);
}

static bool continues_expr(const struct xl *xl, size_t i)
{
    static const char *const ops[] = {"||", "+", "-", "*", "/", "::", "."};
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (op(xl, i, ops[k]))
            return true;
    return false;
}

static void emit_coerced_value(struct xl *xl, size_t i, const char *fn, const struct ifx_type *ty,
                               const char *colname)
{
    char buf[96];
    emit_text(xl, i, i, fn);
    emit_raw(xl, "(");
    xl->prev_end = xl->t[i].off; /* no blank after '(' */
    if (xl->t[i].k == TK_PARAM)
        emit_param(xl, i, ty, colname);
    else
        emit_tok(xl, i);
    snprintf(buf, sizeof buf, ", %u, %u, %u)", (unsigned)ty->code, (unsigned)ty->len,
             (unsigned)ty->xid);
    emit_raw(xl, buf);
}

static size_t emit_datetime_literal(struct xl *xl, size_t i)
{
    bool iv = kw(xl, i, "interval");
    size_t close = match_paren(xl, i + 1);
    if (close >= xl->n) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return xl->n;
    }
    size_t qi = close + 1;
    struct ifx_type ty;
    /* Reuse the type parser on "DATETIME <qualifier>" by pointing it at the
     * keyword and skipping the parenthesised text. */
    struct srv_tok tmp[8];
    size_t qe = qualifier_end(xl, qi);
    if (qe == qi || qe - qi + 1 > sizeof tmp / sizeof tmp[0] - 1) {
        fail(xl, SRV_E_SYNTAX, qi, NULL);
        return xl->n;
    }
    tmp[0] = xl->t[i];
    memcpy(&tmp[1], &xl->t[qi], (qe - qi) * sizeof tmp[0]);
    tmp[qe - qi + 1].k = TK_EOF;
    tmp[qe - qi + 1].off = xl->t[qe - 1].off + xl->t[qe - 1].len;
    tmp[qe - qi + 1].len = 0;
    size_t k = 0;
    if (ifx_type_parse(xl->sql, tmp, &k, &ty, xl->err) < 0) {
        xl->failed = true;
        return xl->n;
    }
    uint32_t a = xl->t[i + 1].off + 1, b = xl->t[close].off;
    char txt[64];
    int rc;
    if (iv) {
        /* INTERVAL literals are written in their storage form (a total). */
        int64_t total = 0;
        rc = ifx_iv_to_total(xl->sql + a, b - a, ty.len, &total);
        if (rc == 0) {
            snprintf(txt, sizeof txt, total < 0 ? "(%lld)" : "%lld", (long long)total);
            emit_text(xl, i, qe, txt);
            xl->last_prim = xl->last_tok_out;
            xl->last_prim_tok = i;
            return qe;
        }
    } else {
        struct ifx_dt dt;
        rc = ifx_dt_parse(xl->sql + a, b - a, SQ_TU_START(ty.len), SQ_TU_END(ty.len), &dt);
        if (rc == 0)
            ifx_dt_format(&dt, SQ_TU_START(ty.len), SQ_TU_END(ty.len), txt, sizeof txt);
    }
    if (rc) {
        fail(xl, rc, i, NULL);
        return xl->n;
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_quote(&q, txt);
    char *lit = sb_take(&q);
    if (!lit) {
        fail(xl, SRV_E_NOMEM, i, NULL);
        return xl->n;
    }
    emit_text(xl, i, qe, lit);
    xl->last_prim = xl->last_tok_out;
    xl->last_prim_tok = i;
    sq_free(lit);
    return qe;
}

/* Qualifier "start TO end" at i as TU codes; default when absent. */
static size_t read_qualifier(struct xl *xl, size_t i, unsigned *s, unsigned *e, unsigned ds,
                             unsigned de)
{
    size_t qe = qualifier_end(xl, i);
    *s = ds;
    *e = de;
    if (qe == i)
        return i;
    struct srv_tok tmp[10];
    if (qe - i + 2 > sizeof tmp / sizeof tmp[0]) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return qe;
    }
    /* Parse as a DATETIME type: the keyword token is not inspected beyond its text,
     * so borrow a synthetic one by scanning for "datetime" is not possible; parse
     * the qualifier words directly instead. */
    static const char *const w[] = {"year", "", "month",  "", "day",   "",
                                    "hour", "", "minute", "", "second"};
    unsigned v[2] = {ds, de};
    size_t j = i;
    for (int part = 0; part < 2 && j < qe; part++) {
        unsigned code = 99;
        for (unsigned k = 0; k <= 10; k += 2)
            if (kw(xl, j, w[k]))
                code = k;
        if (kw(xl, j, "fraction")) {
            code = part == 0 ? SQ_TU_FRAC : 13;
            if (op(xl, j + 1, "(") && j + 2 < xl->n && xl->t[j + 2].k == TK_NUMBER) {
                int fd = atoi(xl->sql + xl->t[j + 2].off);
                if (fd >= 1 && fd <= 5)
                    code = 10u + (unsigned)fd;
            }
        }
        if (code == 99)
            break;
        v[part] = code;
        if (part == 0)
            v[1] = code == SQ_TU_FRAC ? 13 : code;
        j++;
        if (op(xl, j, "("))
            j = match_paren(xl, j) + 1;
        if (!kw(xl, j, "to"))
            break;
        j++;
    }
    *s = v[0];
    *e = v[1];
    return qe;
}

/* Binary +/- at i with a DATE operand on either side (typed from the catalog);
 * when tadd is given, *tadd says whether it is DATETIME/INTERVAL arithmetic
 * (ifx_tadd, with the operand types in *lt_out / *rt_out). */
static bool date_operand_t(struct xl *xl, size_t i, size_t b, bool *tadd, struct ifx_type *lt_out,
                           struct ifx_type *rt_out)
{
    *tadd = false;
    const struct srv_tok *p = &xl->t[i - 1];
    if (p->k == TK_OP && !srv_tok_op(xl->sql, p, ")"))
        return false; /* unary */
    size_t la = xl->last_prim_tok;
    if (la >= i)
        return false;
    size_t e = primary_end(xl, i + 1);
    if (e > b)
        e = b;
    struct ifx_type lt, rt;
    char nm[129];
    srv_type_expr(xl->sql, xl->t, la, i, xl->tabs, xl->ntabs, &lt, nm, sizeof nm);
    srv_type_expr(xl->sql, xl->t, i + 1, e, xl->tabs, xl->ntabs, &rt, nm, sizeof nm);
    struct ifx_type tt;
    *lt_out = lt;
    *rt_out = rt;
    if (ifx_time_arith_type(&lt, op(xl, i, "+") ? '+' : '-', &rt, &tt)) {
        *tadd = true;
        return true;
    }
    return lt.code == SQ_T_DATE || (rt.code == SQ_T_DATE && op(xl, i, "+"));
}

/* "ifx_tadd(lcode, llen, rcode, rlen, " for DATETIME/INTERVAL arithmetic. */
static void tadd_open(struct xl *xl, size_t pos, const struct ifx_type *lt,
                      const struct ifx_type *rt)
{
    char buf[96];
    snprintf(buf, sizeof buf, "ifx_tadd(%u, %u, %u, %u, ", (unsigned)lt->code, (unsigned)lt->len,
             (unsigned)rt->code, (unsigned)rt->len);
    insert_at(xl, pos, buf);
}

/* ---- arithmetic chains ----------------------------------------------------------
 * An operand followed by binary + - * / || and more operands is translated as
 * a whole, with Informix's precedence: unary +/- binds tightest (it is part of
 * the operand), then * and /, then + and -, then ||; all left-associative;
 * parentheses are operands. SQLite has the same order for * / + -, so those
 * stay as written; what changes is what the rewrites wrap: a / b becomes
 * ifx_div(<whole left multiplicative term>, <operand>), DATE +/- becomes
 * ifx_dadd(<whole left additive expression>, ±1, <whole right term>), and
 * since SQLite's || binds tighter than arithmetic, the additive operands of ||
 * are parenthesised. */

/* Words that never begin or end an operand. */
static bool stop_word(const struct xl *xl, size_t i)
{
    static const char *const w[] = {
        "select", "from",    "where",    "and",     "or",     "not",    "is",    "in",
        "like",   "matches", "between",  "exists",  "when",   "then",   "else",  "end",
        "as",     "on",      "group",    "order",   "by",     "having", "union", "intersect",
        "except", "all",     "distinct", "unique",  "into",   "values", "set",   "asc",
        "desc",   "first",   "skip",     "limit",   "join",   "left",   "right", "inner",
        "outer",  "cross",   "full",     "for",     "escape", "with",   "any",   "some",
        "to",     "return",  "using",    "natural", "delete", "update", "insert"};
    if (i >= xl->n || xl->t[i].k != TK_IDENT)
        return false;
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (kw(xl, i, w[k]))
            return true;
    return false;
}

/* Binding strength of the binary operator at i: 3 for * /, 2 for + -, 1 for ||, 0 none. */
static int arith_prec(const struct xl *xl, size_t i)
{
    if (op(xl, i, "*") || op(xl, i, "/"))
        return 3;
    if (op(xl, i, "+") || op(xl, i, "-"))
        return 2;
    return op(xl, i, "||") ? 1 : 0;
}

/* Token i can begin an operand (signs included). */
static bool operand_start(const struct xl *xl, size_t i)
{
    size_t j = i;
    while (op(xl, j, "-") || op(xl, j, "+"))
        j++;
    if (j >= xl->n)
        return false;
    switch (xl->t[j].k) {
    case TK_NUMBER:
    case TK_STRING:
    case TK_PARAM:
    case TK_QIDENT:
        return true;
    case TK_IDENT:
        return !stop_word(xl, j) && !(kw(xl, j, "current") && kw(xl, j + 1, "of"));
    case TK_OP:
        return op(xl, j, "(");
    default:
        return false;
    }
}

/* Token i can be the last token of an operand. */
static bool operand_last(const struct xl *xl, size_t i)
{
    switch (xl->t[i].k) {
    case TK_NUMBER:
    case TK_STRING:
    case TK_PARAM:
    case TK_QIDENT:
        return true;
    case TK_IDENT:
        return !stop_word(xl, i) && !kw(xl, i, "case");
    case TK_OP:
        return op(xl, i, ")") || op(xl, i, "]");
    default:
        return false;
    }
}

/* End (exclusive, at most b) of the operand at i: a primary with its sign,
 * then any ::type casts and [m,n] substrings. */
static size_t operand_end(const struct xl *xl, size_t i, size_t b)
{
    size_t e = primary_end(xl, i);
    while (e < b) {
        if (op(xl, e, "::")) {
            size_t k = e + 1;
            struct ifx_type ty;
            struct srv_err scratch;
            if (ifx_type_parse(xl->sql, xl->t, &k, &ty, &scratch) < 0 || k > b)
                break;
            e = k;
        } else if (op(xl, e, "[")) {
            size_t k = e + 1;
            while (k < b && !op(xl, k, "]"))
                k++;
            if (k >= b)
                break;
            e = k + 1;
        } else {
            break;
        }
    }
    return e > b ? b : e;
}

/* Arithmetic on these operand types needs ifx_narith: a DECIMAL/MONEY of
 * more than 15 digits (or floating) on one side, no FLOAT on either. */
static bool wide_decimal(const struct ifx_type *l, const struct ifx_type *r)
{
    const struct ifx_type *v[2] = {l, r};
    bool wide = false;
    for (int k = 0; k < 2; k++) {
        if (v[k]->code == SQ_T_FLOAT || v[k]->code == SQ_T_SMALLFLOAT ||
            v[k]->code == SQ_T_DATE || v[k]->code == SQ_T_DATETIME ||
            v[k]->code == SQ_T_INTERVAL)
            return false;
        if (ifx_type_is_decimal(v[k]->code) && SQ_DEC_PREC(v[k]->len) > 15)
            wide = true;
    }
    return wide;
}

/* a / b divides as DECIMAL(32) (floating; IBM's rule for a division whose
 * operands are exact numbers) unless an operand is FLOAT/SMALLFLOAT (FLOAT
 * arithmetic) or a time type (INTERVAL / number has its own meaning): the
 * closing text of ifx_div, with the exact flag or without. */
static const char *div_close(const struct ifx_type *l, const struct ifx_type *r)
{
    const struct ifx_type *v[2] = {l, r};
    for (int k = 0; k < 2; k++)
        if (v[k]->code == SQ_T_FLOAT || v[k]->code == SQ_T_SMALLFLOAT ||
            v[k]->code == SQ_T_DATE || v[k]->code == SQ_T_DATETIME ||
            v[k]->code == SQ_T_INTERVAL)
            return ")";
    return ", 1)";
}

/* Wrap out[pos..] in parentheses. */
static void parenthesize_from(struct xl *xl, size_t pos)
{
    insert_at(xl, pos, "(");
    emit_raw(xl, ")");
}

/* Translate the arithmetic chain starting at token i (inside [a, b)); returns
 * the token after it, or i itself when no chain starts there. */
static size_t emit_chain(struct xl *xl, size_t i, size_t a, size_t b)
{
    if (!operand_start(xl, i))
        return i;
    if (i > a && (operand_last(xl, i - 1) || op(xl, i - 1, ".") || op(xl, i - 1, "::")))
        return i;
    /* Operand k spans [k ? ends[k-1] + 1 : i, ends[k]); operator k sits at ends[k]. */
    size_t n = 0;
    for (size_t j = i;;) {
        size_t e = operand_end(xl, j, b);
        if (e <= j)
            break;
        n++;
        if (e + 1 >= b || arith_prec(xl, e) == 0 || !operand_start(xl, e + 1))
            break;
        j = e + 1;
    }
    if (n < 2)
        return i;
    size_t *ends = sq_malloc(n * sizeof *ends);
    if (!ends) {
        fail(xl, SRV_E_NOMEM, i, NULL);
        return b;
    }
    bool has_cat = false;
    for (size_t k = 0, j = i; k < n; k++) {
        ends[k] = operand_end(xl, j, b);
        j = ends[k] + 1;
        if (k + 1 < n && arith_prec(xl, ends[k]) == 1)
            has_cat = true;
    }
    size_t cat_start = 0, add_start = 0, mul_start = 0, add_tok = i, mul_tok = i;
    size_t add_ops = 0; /* + - * / inside the current operand of || */
    size_t pending = 0; /* ')' owed when the current term ends (DATE arithmetic) */
    const char *close_div = NULL; /* what ends an ifx_div / ifx_narith call */
    for (size_t k = 0; k < n && !xl->failed; k++) {
        size_t sa = k ? ends[k - 1] + 1 : i, se = ends[k];
        space_for(xl, sa);
        xl->prev_end = xl->t[sa].off;
        size_t pos = xl->out.len;
        int prev = k ? arith_prec(xl, ends[k - 1]) : 0;
        if (k == 0)
            cat_start = add_start = mul_start = pos;
        if (prev == 1) {
            add_start = mul_start = pos;
            add_tok = mul_tok = sa;
            add_ops = 0;
        } else if (prev == 2) {
            mul_start = pos;
            mul_tok = sa;
        }
        emit_range(xl, sa, se);
        if (close_div) {
            emit_raw(xl, close_div);
            close_div = NULL;
        }
        if (k + 1 == n)
            break;
        size_t o = ends[k];
        int p = arith_prec(xl, o);
        if (p <= 2) {
            for (; pending > 0; pending--)
                emit_raw(xl, ")");
        }
        if (p == 1 && has_cat && add_ops > 0)
            parenthesize_from(xl, add_start);
        if (p >= 2)
            add_ops++;
        if (op(xl, o, "*")) {
            struct ifx_type lt, rt;
            char nm[129];
            srv_type_expr(xl->sql, xl->t, mul_tok, o, xl->tabs, xl->ntabs, &lt, nm, sizeof nm);
            srv_type_expr(xl->sql, xl->t, o + 1, ends[k + 1], xl->tabs, xl->ntabs, &rt, nm,
                          sizeof nm);
            if (wide_decimal(&lt, &rt)) {
                insert_at(xl, mul_start, "ifx_narith(");
                emit_text(xl, o, o + 1, ", 42,"); /* '*' */
                close_div = ")";
                continue;
            }
        }
        if (op(xl, o, "/")) {
            /* Informix divides exactly (DECIMAL result) and raises -1202. */
            struct ifx_type lt, rt;
            char nm[129];
            srv_type_expr(xl->sql, xl->t, mul_tok, o, xl->tabs, xl->ntabs, &lt, nm, sizeof nm);
            srv_type_expr(xl->sql, xl->t, o + 1, ends[k + 1], xl->tabs, xl->ntabs, &rt, nm,
                          sizeof nm);
            insert_at(xl, mul_start, "ifx_div(");
            emit_text(xl, o, o + 1, ",");
            close_div = div_close(&lt, &rt);
            continue;
        }
        if (p == 2) {
            /* DATE arithmetic: days are added to dates, dates subtract to days. */
            size_t m = k + 1;
            while (m + 1 < n && arith_prec(xl, ends[m]) == 3)
                m++;
            struct ifx_type lt, rt;
            char nm[129];
            srv_type_expr(xl->sql, xl->t, add_tok, o, xl->tabs, xl->ntabs, &lt, nm, sizeof nm);
            srv_type_expr(xl->sql, xl->t, o + 1, ends[m], xl->tabs, xl->ntabs, &rt, nm, sizeof nm);
            bool plus = op(xl, o, "+");
            struct ifx_type tt;
            if (ifx_time_arith_type(&lt, plus ? '+' : '-', &rt, &tt)) {
                /* DATETIME/INTERVAL arithmetic, operand types passed along. */
                tadd_open(xl, add_start, &lt, &rt);
                emit_text(xl, o, o + 1, plus ? ", 1," : ", -1,");
                pending++;
                continue;
            }
            if (wide_decimal(&lt, &rt)) {
                /* DECIMAL beyond a double's 15 digits: exact arithmetic. */
                insert_at(xl, add_start, "ifx_narith(");
                emit_text(xl, o, o + 1, plus ? ", 43," : ", 45,");
                pending++;
                continue;
            }
            if (lt.code == SQ_T_DATE || (rt.code == SQ_T_DATE && plus)) {
                insert_at(xl, add_start, "ifx_dadd(");
                emit_text(xl, o, o + 1, plus ? ", 1," : ", -1,");
                pending++;
                continue;
            }
        }
        emit_tok(xl, o);
    }
    for (; pending > 0; pending--)
        emit_raw(xl, ")");
    if (has_cat && add_ops > 0)
        parenthesize_from(xl, add_start);
    size_t next = ends[n - 1];
    sq_free(ends);
    xl->last_prim = cat_start;
    xl->last_prim_tok = i;
    return next;
}

/* A single string or '?' at i standing alone as a value (not part of a
 * larger expression ending before b). */
static bool lone_value(const struct xl *xl, size_t i, size_t b)
{
    return i < b && (xl->t[i].k == TK_STRING || xl->t[i].k == TK_PARAM) &&
           (i + 1 >= b || !continues_expr(xl, i + 1)) && !(i + 1 < b && op(xl, i + 1, "["));
}

/* Column type of "col [NOT] IN/BETWEEN" with the keyword at i. */
static bool keyword_colref(struct xl *xl, size_t i, size_t a, struct ifx_type *ty)
{
    if (i <= a)
        return false;
    size_t c0 = kw(xl, i - 1, "not") ? i - 1 : i;
    return c0 > a && colref_before(xl, c0, ty);
}

/* "col [NOT] IN (v, ...)" with IN at i: each lone string or '?' is converted
 * to the column's form (as for "col = v"). Returns the token after the list,
 * or i when it is not such a list. */
static size_t emit_in_list(struct xl *xl, size_t i, size_t a, size_t b)
{
    struct ifx_type ty;
    if (!keyword_colref(xl, i, a, &ty))
        return i;
    size_t close = match_paren(xl, i + 1);
    if (close >= b)
        return i;
    emit_tok(xl, i);
    emit_tok(xl, i + 1);
    size_t start = i + 2;
    int d = 0;
    for (size_t j = start; j <= close && !xl->failed; j++) {
        if (j < close && op(xl, j, "("))
            d++;
        else if (j < close && op(xl, j, ")"))
            d--;
        if (j < close && !(d == 0 && op(xl, j, ",")))
            continue;
        if (j == start + 1 && lone_value(xl, start, j))
            emit_coerced_value(xl, start, "ifx_cv", &ty, NULL);
        else
            emit_range(xl, start, j);
        if (j < close)
            emit_tok(xl, j); /* the ',' */
        start = j + 1;
    }
    emit_tok(xl, close);
    return close + 1;
}

/* "col [NOT] BETWEEN lo AND hi" with BETWEEN at i: lone strings or '?' as
 * bounds are converted to the column's form. Returns the token after what
 * was emitted, or i when the left side is not a column. */
static size_t emit_between(struct xl *xl, size_t i, size_t a, size_t b)
{
    struct ifx_type ty;
    if (!keyword_colref(xl, i, a, &ty))
        return i;
    size_t and_tok = i + 1;
    int d = 0;
    for (; and_tok < b; and_tok++) {
        if (op(xl, and_tok, "("))
            d++;
        else if (op(xl, and_tok, ")"))
            d--;
        else if (d == 0 && kw(xl, and_tok, "and"))
            break;
        if (d < 0)
            return i;
    }
    if (and_tok >= b || and_tok == i + 1)
        return i;
    emit_tok(xl, i);
    if (and_tok == i + 2 && lone_value(xl, i + 1, and_tok))
        emit_coerced_value(xl, i + 1, "ifx_cv", &ty, NULL);
    else
        emit_range(xl, i + 1, and_tok);
    emit_tok(xl, and_tok);
    if (lone_value(xl, and_tok + 1, b)) {
        emit_coerced_value(xl, and_tok + 1, "ifx_cv", &ty, NULL);
        return and_tok + 2;
    }
    return and_tok + 1;
}

static void emit_range(struct xl *xl, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && !xl->failed) {
        size_t after = emit_chain(xl, i, a, b);
        if (after != i) {
            i = after;
            continue;
        }
        const struct srv_tok *t = &xl->t[i];
        bool qualified = (i > 0 && op(xl, i - 1, ".")) || op(xl, i + 1, ".");
        if (t->k == TK_OP) {
            if (op(xl, i, "(")) {
                if (xl->depth + 1 >= XL_MAX_DEPTH) {
                    fail(xl, SRV_E_SYNTAX, i, NULL);
                    return;
                }
                bool call = i > a && xl->t[i - 1].k == TK_IDENT;
                size_t start = xl->out.len;
                emit_tok(xl, i);
                xl->paren_stack[++xl->depth] = call ? xl->last_prim : start;
                xl->paren_tok[xl->depth] = call ? xl->last_prim_tok : i;
                i++;
                continue;
            }
            if (op(xl, i, ")")) {
                close_scopes_at(xl, xl->depth);
                if (xl->from_depth >= xl->depth)
                    xl->from_depth = -1;
                emit_tok(xl, i);
                if (xl->depth > 0) {
                    xl->last_prim_tok = xl->paren_tok[xl->depth];
                    xl->last_prim = xl->paren_stack[xl->depth--];
                }
                i++;
                continue;
            }
            if (op(xl, i, "::")) {
                struct ifx_type ty;
                size_t k = i + 1;
                if (ifx_type_parse(xl->sql, xl->t, &k, &ty, xl->err) < 0) {
                    xl->failed = true;
                    return;
                }
                insert_at(xl, xl->last_prim, "ifx_cast(");
                char buf[96];
                struct ifx_type from = {0};
                char fnm[129];
                if (xl->last_prim_tok < i)
                    srv_type_expr(xl->sql, xl->t, xl->last_prim_tok, i, xl->tabs, xl->ntabs,
                                  &from, fnm, sizeof fnm);
                if (from.code == SQ_T_INTERVAL) /* the operand's type: see fn_cast */
                    snprintf(buf, sizeof buf, ", %u, %u, %u, %u, %u)", (unsigned)ty.code,
                             (unsigned)ty.len, (unsigned)ty.xid, (unsigned)from.code,
                             (unsigned)from.len);
                else
                    snprintf(buf, sizeof buf, ", %u, %u, %u)", (unsigned)ty.code,
                             (unsigned)ty.len, (unsigned)ty.xid);
                emit_raw(xl, buf);
                xl->prev_end = xl->t[k - 1].off + xl->t[k - 1].len;
                i = k;
                continue;
            }
            if (op(xl, i, "/")) {
                /* Informix divides exactly (DECIMAL result) and raises -1202. */
                size_t start = xl->last_prim;
                insert_at(xl, start, "ifx_div(");
                emit_text(xl, i, i + 1, ",");
                size_t e = primary_end(xl, i + 1);
                if (e > b)
                    e = b;
                struct ifx_type lt, rt;
                char nm[129];
                srv_type_expr(xl->sql, xl->t, xl->last_prim_tok, i, xl->tabs, xl->ntabs, &lt, nm,
                              sizeof nm);
                srv_type_expr(xl->sql, xl->t, i + 1, e, xl->tabs, xl->ntabs, &rt, nm, sizeof nm);
                emit_range(xl, i + 1, e);
                emit_raw(xl, div_close(&lt, &rt));
                xl->last_prim = start;
                i = e;
                continue;
            }
            bool tadd = false;
            struct ifx_type tlt, trt;
            if ((op(xl, i, "+") || op(xl, i, "-")) && i > a &&
                date_operand_t(xl, i, b, &tadd, &tlt, &trt)) {
                /* DATE arithmetic: days are added to dates, dates subtract to days. */
                size_t start = xl->last_prim;
                if (tadd)
                    tadd_open(xl, start, &tlt, &trt);
                else
                    insert_at(xl, start, "ifx_dadd(");
                emit_text(xl, i, i + 1, op(xl, i, "+") ? ", 1," : ", -1,");
                size_t e = primary_end(xl, i + 1);
                if (e > b)
                    e = b;
                struct ifx_type lt, rt;
                char nm[129];
                srv_type_expr(xl->sql, xl->t, xl->last_prim_tok, i, xl->tabs, xl->ntabs, &lt, nm,
                              sizeof nm);
                srv_type_expr(xl->sql, xl->t, i + 1, e, xl->tabs, xl->ntabs, &rt, nm, sizeof nm);
                emit_range(xl, i + 1, e);
                emit_raw(xl, div_close(&lt, &rt));
                xl->last_prim = start;
                i = e;
                continue;
            }
            if (op(xl, i, "-") && (i == a || !operand_last(xl, i - 1)) && !long_number(xl, i + 1) &&
                i + 1 < b && operand_start(xl, i + 1)) {
                /* unary minus of a DECIMAL beyond 15 digits: exact, not SQLite's double */
                size_t e = primary_end(xl, i + 1);
                if (e > b)
                    e = b;
                struct ifx_type nt, zero = {.code = SQ_T_INTEGER, .len = 4};
                char nnm[129];
                srv_type_expr(xl->sql, xl->t, i + 1, e, xl->tabs, xl->ntabs, &nt, nnm, sizeof nnm);
                if (e > i + 1 && wide_decimal(&nt, &zero)) {
                    emit_text(xl, i, i + 1, "ifx_narith(0, 45, ");
                    size_t start = xl->last_tok_out;
                    emit_range(xl, i + 1, e);
                    emit_raw(xl, ")");
                    xl->last_prim = start;
                    i = e;
                    continue;
                }
            }
            if (op(xl, i, ",") && xl->from_depth == xl->depth) {
                emit_tok(xl, i);
                i = emit_table_ref(xl, i + 1);
                continue;
            }
            static const char *const cmp[] = {"=", "==", "<>", "!=", "<", ">", "<=", ">="};
            bool is_cmp = false;
            for (size_t k = 0; k < sizeof cmp / sizeof cmp[0]; k++)
                if (op(xl, i, cmp[k]))
                    is_cmp = true;
            struct ifx_type ty;
            if (is_cmp && i + 1 < b &&
                (xl->t[i + 1].k == TK_PARAM || xl->t[i + 1].k == TK_STRING) &&
                !continues_expr(xl, i + 2) && colref_before(xl, i, &ty)) {
                emit_tok(xl, i);
                emit_coerced_value(xl, i + 1, "ifx_cv", &ty, NULL);
                i += 2;
                continue;
            }
            emit_tok(xl, i);
            i++;
            continue;
        }
        if (t->k == TK_PARAM) {
            struct ifx_type ty;
            /* "? = col": coerce to the column's type as well. */
            size_t k = i + 1;
            static const char *const cmp[] = {"=", "<>", "!=", "<", ">", "<=", ">="};
            bool is_cmp = false;
            for (size_t c = 0; c < sizeof cmp / sizeof cmp[0]; c++)
                if (op(xl, k, cmp[c]))
                    is_cmp = true;
            size_t ce = is_cmp ? primary_end(xl, k + 1) : 0;
            if (is_cmp && ce <= b && !continues_expr(xl, ce) && !continues_expr(xl, i - 1) &&
                colref_before(xl, ce, &ty) && ce == k + 2) {
                emit_coerced_value(xl, i, "ifx_cv", &ty, NULL);
                i++;
                continue;
            }
            emit_param(xl, i, NULL, NULL);
            i++;
            continue;
        }
        if (t->k == TK_IDENT && !qualified && (kw(xl, i, "sum") || kw(xl, i, "avg")) &&
            op(xl, i + 1, "(")) {
            /* SUM/AVG of a DECIMAL beyond 15 digits: exact aggregates */
            size_t close = match_paren(xl, i + 1), a0 = i + 2;
            if (kw(xl, a0, "distinct") || kw(xl, a0, "unique") || kw(xl, a0, "all"))
                a0++;
            struct ifx_type at, zero = {.code = SQ_T_INTEGER, .len = 4};
            char anm[129];
            if (close < b && a0 < close) {
                srv_type_expr(xl->sql, xl->t, a0, close, xl->tabs, xl->ntabs, &at, anm, sizeof anm);
                if (wide_decimal(&at, &zero)) {
                    emit_text(xl, i, i + 1, kw(xl, i, "sum") ? "ifx_dsum" : "ifx_davg");
                    i++;
                    continue;
                }
            }
        }
        if (t->k != TK_IDENT || qualified) {
            if (t->k == TK_IDENT && op(xl, i + 1, ":") && !qualified) {
                i = emit_table_ref(xl, i);
                continue;
            }
            if (t->k == TK_IDENT && i > 0 && op(xl, i - 1, ".") && t->len < 64 &&
                sqlite3_keyword_check(xl->sql + t->off, (int)t->len)) {
                /* "r.primary": a column whose name SQLite reserves but Informix
                 * allows after a qualifier; quote it (folded to lower case). */
                char nm[129], q[136];
                srv_tok_ident(xl->sql, t, nm, sizeof nm);
                snprintf(q, sizeof q, "\"%s\"", nm);
                emit_text(xl, i, i + 1, q);
                i++;
                continue;
            }
            emit_tok(xl, i);
            if (!(qualified && i > 0 && op(xl, i - 1, "."))) {
                xl->last_prim = xl->last_tok_out;
                xl->last_prim_tok = i;
            }
            i++;
            continue;
        }
        /* Unqualified identifiers and keywords. */
        if (op(xl, i + 1, ":") && is_ident(xl, i + 2)) {
            i = emit_table_ref(xl, i);
            continue;
        }
        if (kw(xl, i, "select")) {
            i = emit_select(xl, i);
            continue;
        }
        if (kw(xl, i, "in") && op(xl, i + 1, "(") && !kw(xl, i + 2, "select")) {
            size_t next = emit_in_list(xl, i, a, b);
            if (next != i) {
                i = next;
                continue;
            }
        }
        if (kw(xl, i, "between")) {
            size_t next = emit_between(xl, i, a, b);
            if (next != i) {
                i = next;
                continue;
            }
        }
        if (kw(xl, i, "union") || kw(xl, i, "intersect") || kw(xl, i, "except")) {
            close_scopes_at(xl, xl->depth);
            if (xl->from_depth >= xl->depth)
                xl->from_depth = -1;
            emit_tok(xl, i);
            i++;
            continue;
        }
        if (kw(xl, i, "from") || kw(xl, i, "join")) {
            emit_tok(xl, i);
            xl->from_depth = kw(xl, i, "from") ? xl->depth : xl->from_depth;
            if (op(xl, i + 1, "("))
                i++; /* a subquery or a parenthesised join follows */
            else
                i = emit_table_ref(xl, i + 1);
            continue;
        }
        if (kw(xl, i, "where") || kw(xl, i, "group") || kw(xl, i, "order") || kw(xl, i, "having") ||
            kw(xl, i, "on") || kw(xl, i, "left") || kw(xl, i, "right") || kw(xl, i, "inner") ||
            kw(xl, i, "cross") || kw(xl, i, "full")) {
            if (xl->from_depth == xl->depth && !kw(xl, i, "left") && !kw(xl, i, "inner") &&
                !kw(xl, i, "right") && !kw(xl, i, "cross") && !kw(xl, i, "full"))
                xl->from_depth = -1;
            emit_tok(xl, i);
            i++;
            continue;
        }
        if (kw(xl, i, "for") && xl->depth == 0 &&
            (kw(xl, i + 1, "update") || kw(xl, i + 1, "read"))) {
            /* FOR UPDATE [OF ...] / FOR READ ONLY: SQLite locks whole databases. */
            i = b;
            continue;
        }
        if (kw(xl, i, "today") && !op(xl, i + 1, "(")) {
            emit_text(xl, i, i + 1, "ifx_today()");
            xl->last_prim = xl->last_tok_out;
            xl->last_prim_tok = i;
            i++;
            continue;
        }
        if (kw(xl, i, "user") && !op(xl, i + 1, "(")) {
            emit_text(xl, i, i + 1, "ifx_user()");
            xl->last_prim = xl->last_tok_out;
            xl->last_prim_tok = i;
            i++;
            continue;
        }
        if (kw(xl, i, "current") && !kw(xl, i + 1, "of")) {
            unsigned s, e;
            size_t j = read_qualifier(xl, i + 1, &s, &e, SQ_TU_YEAR, SQ_TU_F3);
            char buf[48];
            snprintf(buf, sizeof buf, "ifx_current(%u, %u)", s, e);
            emit_text(xl, i, j, buf);
            xl->last_prim = xl->last_tok_out;
            xl->last_prim_tok = i;
            i = j;
            continue;
        }
        if ((kw(xl, i, "datetime") || kw(xl, i, "interval")) && op(xl, i + 1, "(")) {
            i = emit_datetime_literal(xl, i);
            continue;
        }
        if (kw(xl, i, "extend") && op(xl, i + 1, "(")) {
            size_t close = match_paren(xl, i + 1), comma = close;
            int d = 0;
            for (size_t j = i + 2; j < close; j++) {
                if (op(xl, j, "("))
                    d++;
                else if (op(xl, j, ")"))
                    d--;
                else if (d == 0 && op(xl, j, ",")) {
                    comma = j;
                    break;
                }
            }
            unsigned s = SQ_TU_YEAR, e = SQ_TU_F3;
            if (comma < close)
                read_qualifier(xl, comma + 1, &s, &e, SQ_TU_YEAR, SQ_TU_F3);
            emit_text(xl, i, i + 2, "ifx_extend(");
            size_t start = xl->last_tok_out;
            emit_range(xl, i + 2, comma);
            char buf[32];
            snprintf(buf, sizeof buf, ", %u, %u)", s, e);
            emit_raw(xl, buf);
            xl->prev_end = xl->t[close].off + 1;
            xl->last_prim = start;
            i = close + 1;
            continue;
        }
        if ((kw(xl, i, "cast")) && op(xl, i + 1, "(")) {
            size_t close = match_paren(xl, i + 1), as = close;
            int d = 0;
            for (size_t j = i + 2; j < close; j++) {
                if (op(xl, j, "("))
                    d++;
                else if (op(xl, j, ")"))
                    d--;
                else if (d == 0 && kw(xl, j, "as")) {
                    as = j;
                    break;
                }
            }
            struct ifx_type ty;
            size_t k = as + 1;
            if (as >= close || ifx_type_parse(xl->sql, xl->t, &k, &ty, xl->err) < 0 || k != close) {
                if (!xl->failed && xl->err->sqlcode == 0)
                    fail(xl, SRV_E_SYNTAX, as, NULL);
                xl->failed = true;
                return;
            }
            emit_text(xl, i, i + 2, "ifx_cast(");
            size_t start = xl->last_tok_out;
            emit_range(xl, i + 2, as);
            char buf[96];
            struct ifx_type from;
            char fnm[129];
            srv_type_expr(xl->sql, xl->t, i + 2, as, xl->tabs, xl->ntabs, &from, fnm, sizeof fnm);
            if (from.code == SQ_T_INTERVAL) /* the operand's type: see fn_cast */
                snprintf(buf, sizeof buf, ", %u, %u, %u, %u, %u)", (unsigned)ty.code,
                         (unsigned)ty.len, (unsigned)ty.xid, (unsigned)from.code,
                         (unsigned)from.len);
            else
                snprintf(buf, sizeof buf, ", %u, %u, %u)", (unsigned)ty.code, (unsigned)ty.len,
                         (unsigned)ty.xid);
            emit_raw(xl, buf);
            xl->prev_end = xl->t[close].off + 1;
            xl->last_prim = start;
            i = close + 1;
            continue;
        }
        if ((kw(xl, i, "substring") || kw(xl, i, "trim")) && op(xl, i + 1, "(")) {
            bool trim = kw(xl, i, "trim");
            size_t close = match_paren(xl, i + 1), from = close, forr = close;
            int d = 0;
            for (size_t j = i + 2; j < close; j++) {
                if (op(xl, j, "("))
                    d++;
                else if (op(xl, j, ")"))
                    d--;
                else if (d == 0 && kw(xl, j, "from") && from == close)
                    from = j;
                else if (d == 0 && kw(xl, j, "for"))
                    forr = j;
            }
            size_t start;
            if (!trim) {
                if (from == close) { /* SUBSTRING(x, a, b) is not Informix, but harmless */
                    emit_text(xl, i, i + 1, "substr");
                    i++;
                    continue;
                }
                emit_text(xl, i, i + 2, "substr(");
                start = xl->last_tok_out;
                emit_range(xl, i + 2, from);
                emit_raw(xl, ", ");
                emit_range(xl, from + 1, forr);
                if (forr < close) {
                    emit_raw(xl, ", ");
                    emit_range(xl, forr + 1, close);
                }
            } else {
                if (from == close) {
                    emit_text(xl, i, i + 1, "trim");
                    i++;
                    continue;
                }
                size_t j = i + 2;
                const char *fn = "trim(";
                if (kw(xl, j, "leading"))
                    fn = "ltrim(", j++;
                else if (kw(xl, j, "trailing"))
                    fn = "rtrim(", j++;
                else if (kw(xl, j, "both"))
                    j++;
                emit_text(xl, i, i + 2, fn);
                start = xl->last_tok_out;
                emit_range(xl, from + 1, close);
                emit_raw(xl, ", ");
                if (j < from)
                    emit_range(xl, j, from);
                else
                    emit_raw(xl, "' '");
            }
            emit_raw(xl, ")");
            xl->prev_end = xl->t[close].off + 1;
            xl->last_prim = start;
            i = close + 1;
            continue;
        }
        if (kw(xl, i, "matches")) {
            /* MATCHES '*?[...]' → GLOB with Informix's '\' escape translated. */
            emit_text(xl, i, i + 1, "GLOB ifx_mpat(");
            size_t e = primary_end(xl, i + 1);
            if (e > b)
                e = b;
            xl->prev_end = xl->t[i + 1 < xl->n ? i + 1 : i].off;
            emit_range(xl, i + 1, e);
            emit_raw(xl, ")");
            i = e;
            continue;
        }
        if (kw(xl, i, "like")) {
            emit_tok(xl, i);
            size_t e = primary_end(xl, i + 1);
            if (e > b)
                e = b;
            emit_range(xl, i + 1, e);
            if (!kw(xl, e, "escape"))
                emit_raw(xl, " ESCAPE '\\'"); /* Informix's default LIKE escape */
            i = e;
            continue;
        }
        if ((kw(xl, i, "update") || kw(xl, i, "into") || kw(xl, i, "table")) &&
            is_ident(xl, i + 1)) {
            emit_tok(xl, i);
            i = emit_table_ref(xl, i + 1);
            continue;
        }
        emit_tok(xl, i);
        xl->last_prim = xl->last_tok_out;
        xl->last_prim_tok = i;
        i++;
    }
}

static int finish(struct xl *xl)
{
    close_scopes_at(xl, 0);
    if (xl->failed)
        return -1;
    xl->x->sql = sb_take(&xl->out);
    if (!xl->x->sql) {
        srv_err_set(xl->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    return 0;
}

/* ---- statements -------------------------------------------------------------- */


/* -617 "A blob data type must be supplied within this context": Informix
 * takes BYTE/TEXT values only from host variables (or NULL), never from a
 * quoted string or a number in INSERT ... VALUES / UPDATE ... SET (doc §9.7,
 * "no BYTE/TEXT literals in SQL"). True (and xl failed) for such a literal. */
static bool lob_literal(struct xl *xl, size_t start, size_t end, const struct ifx_type *ty)
{
    if (ty->code != SQ_T_BYTE && ty->code != SQ_T_TEXT)
        return false;
    if (end == start + 1 && (xl->t[start].k == TK_STRING || xl->t[start].k == TK_NUMBER)) {
        fail(xl, -617, start, NULL);
        return true;
    }
    return false;
}

static int xl_insert(struct xl *xl)
{
    /* INSERT INTO name [(cols)] VALUES (exprs) | SELECT ... */
    size_t i = 1;
    if (!kw(xl, i, "into")) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return -1;
    }
    emit_tok(xl, 0);
    emit_tok(xl, i);
    size_t tname = i + 1;
    i = emit_table_ref(xl, i + 1);
    if (i == tname) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return -1;
    }
    const struct cat_table *tab = xl->ntabs > 0 ? &xl->tabs[xl->ntabs - 1] : NULL;
    char target[129];
    srv_tok_ident(xl->sql, &xl->t[i - 1], target, sizeof target);
    if (tab && strcmp(tab->name, target) != 0)
        tab = NULL;
    const struct cat_col *cols[SQ_MAX_COLUMNS > 4096 ? 4096 : SQ_MAX_COLUMNS];
    size_t ncols = 0;
    if (op(xl, i, "(")) {
        size_t close = match_paren(xl, i);
        emit_tok(xl, i);
        for (size_t j = i + 1; j < close; j++) {
            emit_tok(xl, j);
            if (is_ident(xl, j) && tab) {
                char cn[129];
                srv_tok_ident(xl->sql, &xl->t[j], cn, sizeof cn);
                const struct cat_col *c = cat_col_find(tab, cn);
                if (!c) {
                    fail(xl, SRV_E_NO_COLUMN, j, cn);
                    return -1;
                }
                if (ncols < sizeof cols / sizeof cols[0])
                    cols[ncols++] = c;
            }
        }
        if (close >= xl->n) {
            fail(xl, SRV_E_SYNTAX, close, NULL);
            return -1;
        }
        emit_tok(xl, close);
        i = close + 1;
    } else if (tab) {
        for (size_t k = 0; k < tab->ncols && k < sizeof cols / sizeof cols[0]; k++)
            cols[ncols++] = &tab->cols[k];
    }
    if (tab && ncols > 0 && kw(xl, i, "select")) {
        /* INSERT ... SELECT: coerce every selected value to its target
         * column as INSERT ... VALUES does (a DECIMAL(12,2) column rounds
         * 1.005 to 1.01), naming the SELECT's columns by position:
         * WITH ifx_src(c1..cn) AS (SELECT ...) SELECT ifx_co(c1, type) ... */
        struct sq_buf h = SQ_BUF_INIT, tail = SQ_BUF_INIT;
        sb_puts(&h, "WITH ifx_src(");
        sb_puts(&tail, ") SELECT ");
        for (size_t k = 0; k < ncols; k++) {
            sb_printf(&h, "%sc%zu", k ? ", " : "", k + 1);
            sb_printf(&tail, "%sifx_co(c%zu, %u, %u, %u)", k ? ", " : "", k + 1,
                      (unsigned)cols[k]->ty.code, (unsigned)cols[k]->ty.len,
                      (unsigned)cols[k]->ty.xid);
        }
        sb_puts(&h, ") AS (");
        sb_puts(&tail, " FROM ifx_src");
        char *head = sb_take(&h), *foot = sb_take(&tail);
        if (!head || !foot) {
            sq_free(head);
            sq_free(foot);
            fail(xl, SRV_E_NOMEM, i, NULL);
            return -1;
        }
        emit_text(xl, i, i, head);
        xl->prev_end = xl->t[i].off;
        emit_range(xl, i, xl->n);
        emit_raw(xl, foot);
        sq_free(head);
        sq_free(foot);
        return finish(xl);
    }
    if (!kw(xl, i, "values") || !op(xl, i + 1, "(") || !tab) {
        emit_range(xl, i, xl->n);
        return finish(xl);
    }
    emit_tok(xl, i);
    emit_tok(xl, i + 1);
    size_t close = match_paren(xl, i + 1);
    if (close >= xl->n) {
        fail(xl, SRV_E_SYNTAX, xl->n, NULL);
        return -1;
    }
    size_t start = i + 2, nv = 0;
    int d = 0;
    for (size_t j = start; j <= close; j++) {
        if (j < close && op(xl, j, "("))
            d++;
        else if (j < close && op(xl, j, ")"))
            d--;
        if (j < close && !(d == 0 && op(xl, j, ",")))
            continue;
        if (j == start) {
            fail(xl, SRV_E_SYNTAX, j, NULL);
            return -1;
        }
        if (nv >= ncols) {
            fail(xl, SRV_E_NCOLS, j, NULL);
            return -1;
        }
        const struct cat_col *c = cols[nv++];
        if (nv > 1)
            emit_tok(xl, start - 1); /* the ',' */
        if (lob_literal(xl, start, j, &c->ty))
            return -1;
        char buf[96];
        emit_text(xl, start, start, "ifx_co(");
        xl->prev_end = xl->t[start].off;
        if (j == start + 1 && xl->t[start].k == TK_PARAM)
            emit_param(xl, start, &c->ty, c->name);
        else
            emit_range(xl, start, j);
        snprintf(buf, sizeof buf, ", %u, %u, %u)", (unsigned)c->ty.code, (unsigned)c->ty.len,
                 (unsigned)c->ty.xid);
        emit_raw(xl, buf);
        start = j + 1;
    }
    if (nv != ncols) {
        fail(xl, SRV_E_NCOLS, close, NULL);
        return -1;
    }
    emit_tok(xl, close);
    if (close + 1 < xl->n)
        emit_range(xl, close + 1, xl->n);
    return finish(xl);
}

static int xl_update(struct xl *xl)
{
    /* UPDATE name SET col = expr, ... [WHERE ...] */
    emit_tok(xl, 0);
    size_t i = emit_table_ref(xl, 1);
    if (i == 1 || !kw(xl, i, "set")) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return -1;
    }
    const struct cat_table *tab = xl->ntabs > 0 ? &xl->tabs[0] : NULL;
    emit_tok(xl, i);
    i++;
    if (!tab || op(xl, i, "(") || op(xl, i, "*")) {
        emit_range(xl, i, xl->n); /* TODO(2): SET (a, b) = (x, y) coercion */
        return finish(xl);
    }
    for (;;) {
        size_t c0 = i;
        if (is_ident(xl, i) && op(xl, i + 1, ".") && is_ident(xl, i + 2))
            i += 2;
        if (!is_ident(xl, i) || !op(xl, i + 1, "=")) {
            fail(xl, SRV_E_SYNTAX, i, NULL);
            return -1;
        }
        char cn[129];
        srv_tok_ident(xl->sql, &xl->t[i], cn, sizeof cn);
        const struct cat_col *c = cat_col_find(tab, cn);
        if (!c) {
            fail(xl, SRV_E_NO_COLUMN, i, cn);
            return -1;
        }
        if (c0 != i) {
            space_for(xl, c0);
            xl->prev_end = xl->t[i].off - 1;
        }
        emit_tok(xl, i);
        emit_tok(xl, i + 1);
        size_t start = i + 2, j = start;
        int d = 0;
        for (; j < xl->n; j++) {
            if (op(xl, j, "("))
                d++;
            else if (op(xl, j, ")"))
                d--;
            else if (d == 0 && (op(xl, j, ",") || kw(xl, j, "where")))
                break;
        }
        if (j == start) {
            fail(xl, SRV_E_SYNTAX, j, NULL);
            return -1;
        }
        if (lob_literal(xl, start, j, &c->ty))
            return -1;
        char buf[96];
        emit_text(xl, start, start, "ifx_co(");
        xl->prev_end = xl->t[start].off;
        if (j == start + 1 && xl->t[start].k == TK_PARAM)
            emit_param(xl, start, &c->ty, c->name);
        else
            emit_range(xl, start, j);
        snprintf(buf, sizeof buf, ", %u, %u, %u)", (unsigned)c->ty.code, (unsigned)c->ty.len,
                 (unsigned)c->ty.xid);
        emit_raw(xl, buf);
        if (op(xl, j, ",")) {
            emit_tok(xl, j);
            i = j + 1;
            continue;
        }
        emit_range(xl, j, xl->n);
        return finish(xl);
    }
}

static int xl_delete(struct xl *xl)
{
    emit_tok(xl, 0);
    size_t i = 1;
    if (kw(xl, i, "from")) {
        emit_tok(xl, i);
        i++;
    } else {
        emit_text(xl, i, i, "FROM"); /* Informix allows DELETE name WHERE ... */
    }
    size_t j = emit_table_ref(xl, i);
    if (j == i) {
        fail(xl, SRV_E_SYNTAX, i, NULL);
        return -1;
    }
    emit_range(xl, j, xl->n);
    return finish(xl);
}

/* Translate a SELECT (tokens [a, n)) into x->sql; used for views as well. */
static int xl_select(struct xl *xl, size_t a)
{
    emit_range(xl, a, xl->n);
    return finish(xl);
}

static void xl_init(struct xl *xl, struct srv_session *s, const char *sql,
                    const struct srv_toks *tk, struct srv_xlate *x, struct srv_err *err)
{
    memset(xl, 0, sizeof *xl);
    xl->s = s;
    xl->sql = sql;
    xl->t = tk->v;
    xl->n = tk->n;
    xl->x = x;
    xl->err = err;
    xl->from_depth = -1;
    sq_buf_init(&xl->out);
}

static void xl_fini(struct xl *xl)
{
    for (size_t k = 0; k < xl->ntabs; k++)
        cat_table_fini(&xl->tabs[k]);
    sq_buf_fini(&xl->out);
}

/* Translate the SELECT starting at token a into a fresh SQL string (views). */
char *srv_xlate_select_at(struct srv_session *s, const char *sql, const struct srv_toks *tk,
                          size_t a, struct srv_xlate *x, struct srv_err *err)
{
    struct xl xl;
    xl_init(&xl, s, sql, tk, x, err);
    prescan_tables(&xl);
    char *saved = x->sql;
    x->sql = NULL;
    char *out = NULL;
    if (xl_select(&xl, a) == 0)
        out = x->sql;
    x->sql = saved;
    xl_fini(&xl);
    return out;
}

/* Translate an expression (tokens [a, b)) into a new string (DEFAULT, CHECK). */
char *srv_xlate_expr(struct srv_session *s, const char *sql, const struct srv_toks *tk, size_t a,
                     size_t b, struct srv_err *err)
{
    struct srv_xlate x;
    memset(&x, 0, sizeof x);
    struct xl xl;
    xl_init(&xl, s, sql, tk, &x, err);
    emit_range(&xl, a, b);
    char *out = NULL;
    if (finish(&xl) == 0)
        out = x.sql;
    x.sql = NULL;
    xl_fini(&xl);
    srv_xlate_fini(&x);
    return out;
}

int srv_xlate(struct srv_session *s, const char *sql, size_t len, struct srv_xlate *x,
              struct srv_toks *toks, struct srv_err *err)
{
    memset(x, 0, sizeof *x);
    if (srv_lex(sql, len, s->delimident, toks, err) < 0)
        return -1;
    if (toks->n == 0) {
        srv_err_set(err, SRV_E_SYNTAX, 0, 0, NULL);
        return -1;
    }
    size_t np = 0;
    for (size_t k = 0; k < toks->n; k++)
        if (toks->v[k].k == TK_PARAM)
            np++;
    if (np > SQ_MAX_PARAMS) {
        srv_err_set(err, SRV_E_SYNTAX, 0, 0, NULL);
        return -1;
    }
    x->nparams = np;
    if (np > 0) {
        x->params = sq_calloc(np, sizeof *x->params);
        if (!x->params) {
            srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
            return -1;
        }
    }
    struct xl xl;
    xl_init(&xl, s, sql, toks, x, err);
    int rc;
    x->action = ACT_SQLITE;
    if (kw(&xl, 0, "select") || kw(&xl, 0, "with") || op(&xl, 0, "(")) {
        prescan_tables(&xl);
        x->stype = SQ_STMT_SELECT;
        x->has_rows = true;
        /* SELECT ... INTO TEMP t: TODO(2) (SQLite runs it as CREATE TABLE AS). */
        rc = xl_select(&xl, 0);
    } else if (kw(&xl, 0, "insert")) {
        x->stype = SQ_STMT_INSERT;
        rc = xl_insert(&xl);
    } else if (kw(&xl, 0, "update") && !kw(&xl, 1, "statistics")) {
        x->stype = SQ_STMT_UPDATE;
        rc = xl_update(&xl);
    } else if (kw(&xl, 0, "delete")) {
        prescan_tables(&xl);
        x->stype = SQ_STMT_DELETE;
        rc = xl_delete(&xl);
    } else {
        xl_fini(&xl);
        return srv_xlate_ddl(s, sql, toks, x, err);
    }
    xl_fini(&xl);
    return rc;
}

void srv_ddl_free(struct srv_ddl *d)
{
    if (!d)
        return;
    for (size_t k = 0; k < d->ncols; k++) {
        sq_free(d->cols[k].def_sql);
        sq_free(d->cols[k].check_sql);
    }
    for (size_t k = 0; k < d->ncons; k++)
        sq_free(d->cons[k].check_sql);
    sq_free(d->cols);
    sq_free(d->cons);
    sq_free(d);
}

void srv_xlate_fini(struct srv_xlate *x)
{
    sq_free(x->sql);
    sq_free(x->sql2);
    sq_free(x->params);
    sq_free(x->omap);
    sq_free(x->items);
    sq_free(x->tabs);
    srv_ddl_free(x->ddl);
    sq_free(x->grant);
    memset(x, 0, sizeof *x);
}

uint32_t srv_xlate_src_offset(const struct srv_xlate *x, uint32_t out_off)
{
    uint32_t best = 0;
    for (size_t k = 0; k < x->nomap; k++)
        if (x->omap[2 * k] <= out_off)
            best = x->omap[2 * k + 1];
    return best;
}
