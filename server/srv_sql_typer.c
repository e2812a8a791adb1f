/* SPDX-License-Identifier: MIT */
/* srv_sql_typer.c - ifxlite's expression typer: gives a select-list item the
 * type and name Informix would describe ("(count(*))" DECIMAL(15), "(sum)"
 * DECIMAL(32), literals, TODAY, CURRENT, casts, arithmetic ...). It reads the
 * original Informix tokens; unknown expressions fall back to VARCHAR(255). */
#include "srv_sql_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ty_ctx {
    const char *sql;
    const struct srv_tok *t;
    const struct cat_table *tabs;
    size_t ntabs;
};

static void set(struct ifx_type *ty, uint16_t code, uint32_t len)
{
    memset(ty, 0, sizeof *ty);
    ty->code = code;
    ty->len = len;
}

static bool kw(const struct ty_ctx *c, size_t i, const char *w)
{
    return srv_tok_kw(c->sql, &c->t[i], w);
}

static bool op(const struct ty_ctx *c, size_t i, const char *o)
{
    return srv_tok_op(c->sql, &c->t[i], o);
}

static bool ident(const struct ty_ctx *c, size_t i)
{
    return c->t[i].k == TK_IDENT || c->t[i].k == TK_QIDENT;
}

bool srv_type_colref(const char *sql, const struct srv_tok *tk, size_t from, size_t to,
                     const struct cat_table *tabs, size_t ntabs, struct ifx_type *ty, char *name,
                     size_t cap)
{
    char qual[129] = "", col[129];
    if (to == from + 1) {
        if (!srv_tok_ident(sql, &tk[from], col, sizeof col))
            return false;
    } else if (to == from + 3 && srv_tok_op(sql, &tk[from + 1], ".")) {
        if (!srv_tok_ident(sql, &tk[from], qual, sizeof qual) ||
            !srv_tok_ident(sql, &tk[from + 2], col, sizeof col))
            return false;
    } else {
        return false;
    }
    const struct cat_col *found = NULL;
    for (size_t k = 0; k < ntabs && !found; k++)
        if (qual[0] && strcmp(tabs[k].name, qual) == 0)
            found = cat_col_find(&tabs[k], col);
    for (size_t k = 0; k < ntabs && !found; k++)
        found = cat_col_find(&tabs[k], col);
    if (!found)
        return false;
    *ty = found->ty;
    snprintf(name, cap, "%s", found->name);
    return true;
}

static size_t match(const struct ty_ctx *c, size_t i, size_t to)
{
    int d = 0;
    for (size_t j = i; j < to; j++) {
        if (op(c, j, "("))
            d++;
        else if (op(c, j, ")") && --d == 0)
            return j;
    }
    return to;
}

/* Rightmost top-level binary operator among ops in [a, b). */
static size_t find_binop(const struct ty_ctx *c, size_t a, size_t b, const char *const *ops,
                         size_t nops)
{
    int d = 0;
    size_t found = b;
    for (size_t j = a; j < b; j++) {
        if (op(c, j, "("))
            d++;
        else if (op(c, j, ")"))
            d--;
        else if (d == 0 && j > a) {
            for (size_t k = 0; k < nops; k++) {
                if (!op(c, j, ops[k]))
                    continue;
                /* binary only when an operand precedes */
                const struct srv_tok *p = &c->t[j - 1];
                bool operand = p->k != TK_OP || srv_tok_op(c->sql, p, ")");
                if (operand)
                    found = j;
            }
        }
    }
    return found;
}

static uint32_t char_width(const struct ifx_type *ty)
{
    switch (ty->code) {
    case SQ_T_CHAR:
    case SQ_T_NCHAR:
    case IFX_T_LVARCHAR:
        return ty->len;
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR:
        return SQ_VC_MAX(ty->len);
    case SQ_T_DATE:
        return 10;
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL:
        return 25;
    default:
        return ifx_type_is_int(ty->code) ? 20 : 40;
    }
}

static bool is_float(const struct ifx_type *ty)
{
    return ty->code == SQ_T_FLOAT || ty->code == SQ_T_SMALLFLOAT;
}

static bool is_int8(const struct ifx_type *ty)
{
    return ty->code == SQ_T_INT8 || ty->code == SQ_T_SERIAL8 || ty->code == SQ_T_BIGINT ||
           ty->code == SQ_T_BIGSERIAL;
}

static void type_range(const struct ty_ctx *c, size_t a, size_t b, struct ifx_type *ty, char *name,
                       size_t cap);

static void type_func(const struct ty_ctx *c, size_t a, size_t close, struct ifx_type *ty,
                      char *name, size_t cap)
{
    char fn[64];
    srv_tok_ident(c->sql, &c->t[a], fn, sizeof fn);
    size_t arg0 = a + 2, arg_end = close;
    int d = 0;
    for (size_t j = arg0; j < close; j++) {
        if (op(c, j, "("))
            d++;
        else if (op(c, j, ")"))
            d--;
        else if (d == 0 && op(c, j, ",")) {
            arg_end = j;
            break;
        }
    }
    bool distinct =
        arg0 < close && (kw(c, arg0, "distinct") || kw(c, arg0, "unique") || kw(c, arg0, "all"));
    if (distinct)
        arg0++;
    struct ifx_type at;
    char an[129];
    if (arg0 < arg_end)
        type_range(c, arg0, arg_end, &at, an, sizeof an);
    else
        set(&at, SQ_T_VARCHAR, 255);
    snprintf(name, cap, "(expression)");
    if (strcmp(fn, "count") == 0) {
        set(ty, SQ_T_DECIMAL, (15u << 8) | SQ_DEC_FLOATING);
        snprintf(name, cap, "%s", arg0 < close && op(c, arg0, "*") ? "(count(*))" : "(count)");
    } else if (strcmp(fn, "sum") == 0 || strcmp(fn, "avg") == 0) {
        snprintf(name, cap, "(%s)", fn);
        if (is_float(&at))
            set(ty, SQ_T_FLOAT, 8);
        else if (fn[0] == 's' && ifx_type_is_decimal(at.code) &&
                 SQ_DEC_SCALE(at.len) != SQ_DEC_FLOATING)
            set(ty, at.code, (32u << 8) | SQ_DEC_SCALE(at.len));
        else
            set(ty, SQ_T_DECIMAL, (32u << 8) | SQ_DEC_FLOATING);
    } else if (strcmp(fn, "min") == 0 || strcmp(fn, "max") == 0) {
        snprintf(name, cap, "(%s)", fn);
        *ty = at;
        ty->notnull = false;
        if (ty->code == SQ_T_SERIAL)
            ty->code = SQ_T_INTEGER;
        else if (ty->code == SQ_T_SERIAL8)
            ty->code = SQ_T_INT8;
        else if (ty->code == SQ_T_BIGSERIAL)
            ty->code = SQ_T_BIGINT;
    } else if (strcmp(fn, "length") == 0 || strcmp(fn, "char_length") == 0 ||
               strcmp(fn, "octet_length") == 0 || strcmp(fn, "mod") == 0 ||
               strcmp(fn, "instr") == 0) {
        set(ty, SQ_T_INTEGER, 4);
    } else if (strcmp(fn, "year") == 0 || strcmp(fn, "month") == 0 || strcmp(fn, "day") == 0 ||
               strcmp(fn, "weekday") == 0) {
        set(ty, SQ_T_SMALLINT, 2);
    } else if (strcmp(fn, "mdy") == 0 || strcmp(fn, "date") == 0 || strcmp(fn, "to_date") == 0) {
        set(ty, SQ_T_DATE, 4);
    } else if (strcmp(fn, "pow") == 0 || strcmp(fn, "power") == 0 || strcmp(fn, "sqrt") == 0 ||
               strcmp(fn, "exp") == 0 || strcmp(fn, "logn") == 0 || strcmp(fn, "log10") == 0 ||
               strcmp(fn, "sin") == 0 || strcmp(fn, "cos") == 0 || strcmp(fn, "tan") == 0 ||
               strcmp(fn, "asin") == 0 || strcmp(fn, "acos") == 0 || strcmp(fn, "atan") == 0) {
        set(ty, SQ_T_FLOAT, 8);
    } else if (strcmp(fn, "abs") == 0 || strcmp(fn, "round") == 0 || strcmp(fn, "trunc") == 0 ||
               strcmp(fn, "ceil") == 0 || strcmp(fn, "floor") == 0 || strcmp(fn, "nvl") == 0 ||
               strcmp(fn, "upper") == 0 || strcmp(fn, "lower") == 0 || strcmp(fn, "initcap") == 0) {
        *ty = at;
        ty->notnull = false;
        if (ifx_type_is_serial(ty->code))
            set(ty, ty->code == SQ_T_SERIAL ? SQ_T_INTEGER : SQ_T_BIGINT,
                ty->code == SQ_T_SERIAL ? 4 : 8);
        if ((strcmp(fn, "ceil") == 0 || strcmp(fn, "floor") == 0) && is_float(ty))
            set(ty, SQ_T_FLOAT, 8);
        if ((strcmp(fn, "round") == 0 || strcmp(fn, "trunc") == 0) && ifx_type_is_decimal(ty->code))
            set(ty, SQ_T_DECIMAL, (32u << 8) | SQ_DEC_FLOATING);
    } else if (strcmp(fn, "trim") == 0 || strcmp(fn, "ltrim") == 0 || strcmp(fn, "rtrim") == 0 ||
               strcmp(fn, "substr") == 0 || strcmp(fn, "substring") == 0 ||
               strcmp(fn, "lpad") == 0 || strcmp(fn, "rpad") == 0 || strcmp(fn, "replace") == 0) {
        uint32_t w = char_width(&at);
        if (strcmp(fn, "lpad") == 0 || strcmp(fn, "rpad") == 0 || strcmp(fn, "replace") == 0)
            w = 255;
        if (w > 255)
            set(ty, IFX_T_LVARCHAR, w);
        else
            set(ty, SQ_T_VARCHAR, w ? w : 1);
    } else if (strcmp(fn, "decode") == 0) {
        /* type of the first result expression */
        size_t j = arg_end + 1, cnt = 0, s0 = arg_end + 1;
        d = 0;
        for (; j <= close; j++) {
            if (j < close && op(c, j, "("))
                d++;
            else if (j < close && op(c, j, ")"))
                d--;
            if (j == close || (d == 0 && op(c, j, ","))) {
                if (cnt == 1) {
                    type_range(c, s0, j, ty, an, sizeof an);
                    return;
                }
                cnt++;
                s0 = j + 1;
            }
        }
        set(ty, SQ_T_VARCHAR, 255);
    } else if (strcmp(fn, "dbinfo") == 0) {
        char w[64] = "";
        if (c->t[arg0].k == TK_STRING) {
            snprintf(w, sizeof w, "%.*s", (int)c->t[arg0].len - 2, c->sql + c->t[arg0].off + 1);
            for (char *p = w; *p; p++)
                *p = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        }
        if (strcmp(w, "sessionid") == 0 || strcmp(w, "sqlca.sqlerrd1") == 0 ||
            strcmp(w, "sqlca.sqlerrd2") == 0 || strcmp(w, "utc_current") == 0)
            set(ty, SQ_T_INTEGER, 4);
        else if (strcmp(w, "serial8") == 0)
            set(ty, SQ_T_INT8, 10);
        else if (strcmp(w, "bigserial") == 0)
            set(ty, SQ_T_BIGINT, 8);
        else
            set(ty, SQ_T_VARCHAR, 128);
    } else if (strcmp(fn, "filetoblob") == 0 || strcmp(fn, "filetoclob") == 0) {
        set(ty, SQ_T_UDTFIXED, SQ_LO_LOCATOR_SIZE);
        ty->xid = fn[6] == 'b' ? SQ_XID_BLOB : SQ_XID_CLOB;
    } else if (strcmp(fn, "lotofile") == 0) {
        set(ty, IFX_T_LVARCHAR, 2048); /* the file name used (doc §9.8: lvarchar) */
    } else if (strcmp(fn, "concat") == 0) {
        set(ty, SQ_T_VARCHAR, 255);
    } else if (strcmp(fn, "extend") == 0) {
        set(ty, SQ_T_DATETIME, SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F3)); /* refined by the caller */
    } else {
        set(ty, SQ_T_VARCHAR, 255);
    }
}

/* One operand: literal, column, function, keyword constant, (expr). */
static void type_primary(const struct ty_ctx *c, size_t a, size_t b, struct ifx_type *ty,
                         char *name, size_t cap)
{
    const struct srv_tok *t = &c->t[a];
    snprintf(name, cap, "(expression)");
    if (b == a + 1 && t->k == TK_NUMBER) {
        snprintf(name, cap, "(constant)");
        const char *p = c->sql + t->off;
        bool point = memchr(p, '.', t->len) != NULL;
        bool exp = memchr(p, 'e', t->len) || memchr(p, 'E', t->len);
        if (exp) {
            set(ty, SQ_T_FLOAT, 8);
            return;
        }
        unsigned digits = 0, frac = 0;
        bool after = false, lead = true;
        for (uint32_t k = 0; k < t->len; k++) {
            if (p[k] == '.') {
                after = true;
                continue;
            }
            if (lead && p[k] == '0' && !after)
                continue;
            lead = false;
            digits++;
            if (after)
                frac++;
        }
        if (!point) {
            char tmp[32];
            snprintf(tmp, sizeof tmp, "%.*s", (int)(t->len < 31 ? t->len : 31), p);
            if (digits <= 10 && strtoll(tmp, NULL, 10) <= 2147483647LL) {
                set(ty, SQ_T_INTEGER, 4);
                return;
            }
        }
        if (digits == 0)
            digits = 1;
        if (digits > 32)
            digits = 32;
        if (frac > digits)
            digits = frac;
        set(ty, SQ_T_DECIMAL, (digits << 8) | frac);
        return;
    }
    if (b == a + 1 && t->k == TK_STRING) {
        snprintf(name, cap, "(constant)");
        uint32_t n = t->len >= 2 ? t->len - 2 : 0;
        set(ty, SQ_T_CHAR, n ? n : 1);
        return;
    }
    if (op(c, a, "(") && match(c, a, b) == b - 1) {
        if (kw(c, a + 1, "select")) {
            set(ty, SQ_T_VARCHAR, 255); /* TODO(2): type scalar subqueries */
            return;
        }
        type_range(c, a + 1, b - 1, ty, name, cap);
        return;
    }
    if (kw(c, a, "today") && b == a + 1) {
        set(ty, SQ_T_DATE, 4);
        snprintf(name, cap, "(today)");
        return;
    }
    if (kw(c, a, "user") && b == a + 1) {
        set(ty, SQ_T_VARCHAR, 32);
        snprintf(name, cap, "(user)");
        return;
    }
    if (kw(c, a, "null") && b == a + 1) {
        set(ty, SQ_T_CHAR, 1);
        snprintf(name, cap, "(constant)");
        return;
    }
    if ((kw(c, a, "current") && !op(c, a + 1, "(")) ||
        ((kw(c, a, "datetime") || kw(c, a, "interval")) && op(c, a + 1, "("))) {
        bool iv = kw(c, a, "interval");
        size_t q = kw(c, a, "current") ? a + 1 : match(c, a + 1, b) + 1;
        set(ty, iv ? SQ_T_INTERVAL : SQ_T_DATETIME, SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F3));
        snprintf(name, cap, "%s", kw(c, a, "current") ? "(current)" : "(constant)");
        if (q < b) {
            /* Parse "DATETIME <qualifier>" through the type parser. */
            struct srv_tok tmp[12];
            size_t n = b - q;
            if (n + 2 <= sizeof tmp / sizeof tmp[0]) {
                tmp[0] = c->t[a]; /* DATETIME or INTERVAL keyword */
                memcpy(&tmp[1], &c->t[q], n * sizeof tmp[0]);
                tmp[n + 1].k = TK_EOF;
                tmp[n + 1].off = c->t[b - 1].off + c->t[b - 1].len;
                tmp[n + 1].len = 0;
                struct ifx_type qt;
                size_t k = 0;
                struct srv_err e;
                if (!kw(c, a, "current") && ifx_type_parse(c->sql, tmp, &k, &qt, &e) == 0)
                    *ty = qt;
                else if (kw(c, a, "current")) {
                    /* CURRENT: the words after it are a DATETIME qualifier. */
                    static const char *const w[] = {"year", "", "month",  "", "day",   "",
                                                    "hour", "", "minute", "", "second"};
                    unsigned s = SQ_TU_YEAR, e2 = SQ_TU_F3;
                    for (unsigned u = 0; u <= 10; u += 2)
                        if (kw(c, q, w[u]))
                            s = u, e2 = u;
                    size_t to = q + 1;
                    if (to < b && kw(c, to, "to") && to + 1 < b) {
                        for (unsigned u = 0; u <= 10; u += 2)
                            if (kw(c, to + 1, w[u]))
                                e2 = u;
                        if (kw(c, to + 1, "fraction")) {
                            e2 = SQ_TU_F3;
                            if (to + 3 < b && c->t[to + 3].k == TK_NUMBER) {
                                int fd = atoi(c->sql + c->t[to + 3].off);
                                if (fd >= 1 && fd <= 5)
                                    e2 = 10u + (unsigned)fd;
                            }
                        }
                    }
                    set(ty, SQ_T_DATETIME, SQ_TU_DTENCODE(s, e2));
                }
            }
        }
        return;
    }
    if ((kw(c, a, "cast")) && op(c, a + 1, "(")) {
        size_t close = match(c, a + 1, b);
        for (size_t j = a + 2; j < close; j++) {
            if (kw(c, j, "as")) {
                size_t k = j + 1;
                struct srv_err e;
                if (ifx_type_parse(c->sql, c->t, &k, ty, &e) == 0)
                    return;
            }
        }
        set(ty, SQ_T_VARCHAR, 255);
        return;
    }
    if (kw(c, a, "case")) {
        for (size_t j = a + 1; j < b; j++) {
            if (kw(c, j, "then")) {
                size_t e = j + 1;
                int d = 0;
                while (e < b &&
                       !(d == 0 && (kw(c, e, "when") || kw(c, e, "else") || kw(c, e, "end")))) {
                    if (op(c, e, "("))
                        d++;
                    else if (op(c, e, ")"))
                        d--;
                    e++;
                }
                char nm[129];
                type_range(c, j + 1, e, ty, nm, sizeof nm);
                return;
            }
        }
        set(ty, SQ_T_VARCHAR, 255);
        return;
    }
    if (kw(c, a, "extend") && op(c, a + 1, "(")) {
        size_t close = match(c, a + 1, b);
        /* qualifier words after the comma */
        static const char *const w[] = {"year", "", "month",  "", "day",   "",
                                        "hour", "", "minute", "", "second"};
        unsigned s = SQ_TU_YEAR, e = SQ_TU_F3;
        for (size_t j = a + 2; j < close; j++) {
            if (!op(c, j, ","))
                continue;
            for (unsigned u = 0; u <= 10; u += 2)
                if (j + 1 < close && kw(c, j + 1, w[u]))
                    s = u, e = u;
            if (j + 3 < close && kw(c, j + 2, "to")) {
                for (unsigned u = 0; u <= 10; u += 2)
                    if (kw(c, j + 3, w[u]))
                        e = u;
                if (kw(c, j + 3, "fraction")) {
                    e = SQ_TU_F3;
                    if (j + 5 < close && op(c, j + 4, "(") && c->t[j + 5].k == TK_NUMBER) {
                        int fd = atoi(c->sql + c->t[j + 5].off); /* FRACTION(n) */
                        if (fd >= 1 && fd <= 5)
                            e = 10u + (unsigned)fd;
                    }
                }
            }
        }
        set(ty, SQ_T_DATETIME, SQ_TU_DTENCODE(s, e));
        return;
    }
    if (ident(c, a) && b > a + 1 && op(c, a + 1, "(") && match(c, a + 1, b) == b - 1) {
        type_func(c, a, b - 1, ty, name, cap);
        return;
    }
    if (srv_type_colref(c->sql, c->t, a, b, c->tabs, c->ntabs, ty, name, cap))
        return;
    if (b == a + 1 && ident(c, a))
        srv_tok_ident(c->sql, t, name, cap); /* unknown column: keep its name */
    set(ty, SQ_T_VARCHAR, 255);
}

static void type_range(const struct ty_ctx *c, size_t a, size_t b, struct ifx_type *ty, char *name,
                       size_t cap)
{
    if (a >= b) {
        set(ty, SQ_T_VARCHAR, 255);
        snprintf(name, cap, "(expression)");
        return;
    }
    static const char *const concat[] = {"||"};
    static const char *const add[] = {"+", "-"};
    static const char *const mul[] = {"*", "/"};
    static const char *const cast[] = {"::"};
    size_t j = find_binop(c, a, b, concat, 1);
    struct ifx_type l, r;
    char ln[129], rn[129];
    if (j < b) {
        type_range(c, a, j, &l, ln, sizeof ln);
        type_range(c, j + 1, b, &r, rn, sizeof rn);
        uint32_t w = char_width(&l) + char_width(&r);
        if (w <= 255)
            set(ty, SQ_T_VARCHAR, w);
        else
            set(ty, IFX_T_LVARCHAR, w);
        snprintf(name, cap, "(expression)");
        return;
    }
    j = find_binop(c, a, b, cast, 1);
    if (j < b) {
        size_t k = j + 1;
        struct srv_err e;
        if (ifx_type_parse(c->sql, c->t, &k, ty, &e) == 0 && k == b) {
            char nm[129];
            type_range(c, a, j, &l, nm, sizeof nm);
            snprintf(name, cap, "%s", nm);
            if (b > a && !(j == a + 1 && ident(c, a)))
                snprintf(name, cap, "(expression)");
            return;
        }
    }
    j = find_binop(c, a, b, add, 2);
    size_t jm = j < b ? b : find_binop(c, a, b, mul, 2);
    if (j < b || jm < b) {
        size_t at = j < b ? j : jm;
        type_range(c, a, at, &l, ln, sizeof ln);
        type_range(c, at + 1, b, &r, rn, sizeof rn);
        snprintf(name, cap, "(expression)");
        bool div = op(c, at, "/");
        struct ifx_type tt;
        if (j < b && ifx_time_arith_type(&l, op(c, at, "+") ? '+' : '-', &r, &tt)) {
            *ty = tt; /* DATETIME/INTERVAL arithmetic (srv_sql_types.c) */
            return;
        }
        if (j >= b && (l.code == SQ_T_INTERVAL || r.code == SQ_T_INTERVAL) && !is_float(&l) &&
            !is_float(&r) && l.code != r.code) {
            *ty = l.code == SQ_T_INTERVAL ? l : r; /* INTERVAL * or / a number */
            ty->notnull = false;
            return;
        }
        if (is_float(&l) || is_float(&r))
            set(ty, SQ_T_FLOAT, 8);
        else if (l.code == SQ_T_DATE && ifx_type_is_int(r.code) && !div)
            set(ty, SQ_T_DATE, 4);
        else if (r.code == SQ_T_DATE && ifx_type_is_int(l.code) && op(c, at, "+"))
            set(ty, SQ_T_DATE, 4);
        else if (l.code == SQ_T_DATE && r.code == SQ_T_DATE && op(c, at, "-"))
            set(ty, SQ_T_INTEGER, 4);
        else if (div || !ifx_type_is_int(l.code) || !ifx_type_is_int(r.code))
            set(ty, SQ_T_DECIMAL, (32u << 8) | SQ_DEC_FLOATING);
        else if (is_int8(&l) || is_int8(&r))
            set(ty, SQ_T_INT8, 10);
        else
            set(ty, SQ_T_INTEGER, 4);
        return;
    }
    if (op(c, a, "-") || op(c, a, "+")) {
        type_range(c, a + 1, b, ty, name, cap);
        snprintf(name, cap, "%s", "(expression)");
        if (c->t[a + 1].k == TK_NUMBER && b == a + 2)
            snprintf(name, cap, "(constant)");
        if (ifx_type_is_serial(ty->code))
            set(ty, ty->code == SQ_T_SERIAL ? SQ_T_INTEGER : SQ_T_BIGINT,
                ty->code == SQ_T_SERIAL ? 4 : 8);
        ty->notnull = false;
        return;
    }
    type_primary(c, a, b, ty, name, cap);
}

void srv_type_expr(const char *sql, const struct srv_tok *tk, size_t from, size_t to,
                   const struct cat_table *tabs, size_t ntabs, struct ifx_type *ty, char *name,
                   size_t cap)
{
    struct ty_ctx c = {sql, tk, tabs, ntabs};
    type_range(&c, from, to, ty, name, cap);
    if (!(to == from + 1 || (to == from + 3 && op(&c, from + 1, "."))))
        ty->notnull = false;
}
