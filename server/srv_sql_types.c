/* SPDX-License-Identifier: MIT */
/* srv_sql_types.c - ifxlite's Informix data types: parsing type names,
 * describing them as Informix does, exact DECIMAL arithmetic on digit strings,
 * DATE/DATETIME/INTERVAL text forms, and the coercion of values into the
 * storage form of a column. Part of ifxlite's SQL engine. */
#include "srv_charset.h"
#include "srv_errors.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"
#include "sq_limits.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- type names ------------------------------------------------------------ */

static bool kw(const char *sql, const struct srv_tok *tk, size_t i, const char *w)
{
    return srv_tok_kw(sql, &tk[i], w);
}

/* "(n)" or "(n, m)": returns the count of numbers read (0 if no paren). */
static int paren_nums(const char *sql, const struct srv_tok *tk, size_t *i, long *a, long *b,
                      struct srv_err *err)
{
    if (!srv_tok_op(sql, &tk[*i], "("))
        return 0;
    size_t j = *i + 1;
    int got = 0;
    long *dst[2] = {a, b};
    while (got < 2) {
        if (tk[j].k != TK_NUMBER)
            goto bad;
        char tmp[32];
        size_t n = tk[j].len < sizeof tmp - 1 ? tk[j].len : sizeof tmp - 1;
        memcpy(tmp, sql + tk[j].off, n);
        tmp[n] = '\0';
        char *end;
        long v = strtol(tmp, &end, 10);
        if (*end != '\0' || v < 0)
            goto bad;
        *dst[got++] = v;
        j++;
        if (srv_tok_op(sql, &tk[j], ")"))
            break;
        if (!srv_tok_op(sql, &tk[j], ",") || got == 2)
            goto bad;
        j++;
    }
    if (!srv_tok_op(sql, &tk[j], ")"))
        goto bad;
    *i = j + 1;
    return got;
bad:
    srv_err_set(err, SRV_E_SYNTAX, 0, tk[j].off, NULL);
    return -1;
}

static int tu_word(const char *sql, const struct srv_tok *t)
{
    static const char *const w[] = {"year", "month", "day", "hour", "minute", "second"};
    for (int k = 0; k < 6; k++)
        if (srv_tok_kw(sql, t, w[k]))
            return k * 2;
    if (srv_tok_kw(sql, t, "fraction"))
        return SQ_TU_FRAC;
    return -1;
}

/* DATETIME/INTERVAL qualifier "start[(n)] TO end[(n)]". */
static int parse_qualifier(const char *sql, const struct srv_tok *tk, size_t *i, bool interval,
                           uint32_t *len, struct srv_err *err)
{
    int s = tu_word(sql, &tk[*i]);
    if (s < 0)
        goto bad;
    (*i)++;
    long lead = -1, dummy;
    if (interval) {
        int r = paren_nums(sql, tk, i, &lead, &dummy, err);
        if (r < 0)
            return -1;
    }
    int e;
    long fd = 3;
    if (kw(sql, tk, *i, "to")) {
        (*i)++;
        e = tu_word(sql, &tk[*i]);
        if (e < 0)
            goto bad;
        (*i)++;
        if (e == SQ_TU_FRAC) {
            long x;
            if (paren_nums(sql, tk, i, &fd, &x, err) < 0)
                return -1;
            if (fd < 1 || fd > 5)
                goto bad;
            e = 10 + (int)fd;
        }
    } else {
        e = s == SQ_TU_FRAC ? 13 : s;
    }
    if (s == SQ_TU_FRAC && e < SQ_TU_F1)
        goto bad;
    if (e < s && !(s == SQ_TU_FRAC && e >= SQ_TU_F1))
        goto bad;
    if (interval) {
        /* Year-month and day-time intervals do not mix. */
        if (s <= SQ_TU_MONTH && e > SQ_TU_MONTH)
            goto bad;
        if (lead < 0)
            lead = s == SQ_TU_YEAR ? 4 : (s == SQ_TU_FRAC ? (long)(e - 10) : 2);
        if (lead < 1 || lead > 9)
            goto bad;
        int span = (s == SQ_TU_FRAC) ? 0 : e - s;
        *len = SQ_TU_ENCODE((uint32_t)lead + (uint32_t)span, (uint32_t)s, (uint32_t)e);
    } else {
        *len = SQ_TU_DTENCODE((uint32_t)s, (uint32_t)e);
    }
    return 0;
bad:
    srv_err_set(err, SRV_E_SYNTAX, 0, tk[*i].off, NULL);
    return -1;
}

int ifx_type_parse(const char *sql, const struct srv_tok *tk, size_t *i, struct ifx_type *ty,
                   struct srv_err *err)
{
    memset(ty, 0, sizeof *ty);
    size_t j = *i;
    long a = -1, b = -1;
    int got;
    if (tk[j].k != TK_IDENT)
        goto bad;
    if (kw(sql, tk, j, "char") || kw(sql, tk, j, "character") || kw(sql, tk, j, "nchar")) {
        bool nat = kw(sql, tk, j, "nchar");
        j++;
        if (kw(sql, tk, j, "varying")) {
            j++;
            ty->code = nat ? SQ_T_NVARCHAR : SQ_T_VARCHAR;
            goto varchar;
        }
        ty->code = nat ? SQ_T_NCHAR : SQ_T_CHAR;
        if ((got = paren_nums(sql, tk, &j, &a, &b, err)) < 0)
            return -1;
        if (got == 2 || (got == 1 && (a < 1 || a > 32767)))
            goto bad;
        ty->len = got ? (uint32_t)a : 1;
    } else if (kw(sql, tk, j, "varchar") || kw(sql, tk, j, "nvarchar")) {
        ty->code = kw(sql, tk, j, "nvarchar") ? SQ_T_NVARCHAR : SQ_T_VARCHAR;
        j++;
    varchar:
        if ((got = paren_nums(sql, tk, &j, &a, &b, err)) < 0)
            return -1;
        if (got == 0)
            a = 1;
        if (got < 2)
            b = 0;
        if (a < 1 || a > 255 || b > a)
            goto bad;
        ty->len = ((uint32_t)b << 8) | (uint32_t)a;
    } else if (kw(sql, tk, j, "lvarchar")) {
        j++;
        ty->code = IFX_T_LVARCHAR;
        if ((got = paren_nums(sql, tk, &j, &a, &b, err)) < 0)
            return -1;
        if (got == 2 || (got == 1 && (a < 1 || a > (long)SQ_LVARCHAR_MAX_DECL)))
            goto bad;
        ty->len = got ? (uint32_t)a : 2048;
    } else if (kw(sql, tk, j, "smallint")) {
        j++;
        ty->code = SQ_T_SMALLINT;
        ty->len = 2;
    } else if (kw(sql, tk, j, "integer") || kw(sql, tk, j, "int")) {
        j++;
        ty->code = SQ_T_INTEGER;
        ty->len = 4;
    } else if (kw(sql, tk, j, "int8")) {
        j++;
        ty->code = SQ_T_INT8;
        ty->len = 10;
    } else if (kw(sql, tk, j, "bigint")) {
        j++;
        ty->code = SQ_T_BIGINT;
        ty->len = 8;
    } else if (kw(sql, tk, j, "serial") || kw(sql, tk, j, "serial8") ||
               kw(sql, tk, j, "bigserial")) {
        ty->code = kw(sql, tk, j, "serial")    ? SQ_T_SERIAL
                   : kw(sql, tk, j, "serial8") ? SQ_T_SERIAL8
                                               : SQ_T_BIGSERIAL;
        ty->len = ty->code == SQ_T_SERIAL ? 4 : ty->code == SQ_T_SERIAL8 ? 10 : 8;
        j++;
        /* SERIAL(start): the start is returned through xid (caller reads it). */
        if ((got = paren_nums(sql, tk, &j, &a, &b, err)) < 0)
            return -1;
        if (got == 2)
            goto bad;
        ty->xid = got ? (uint32_t)a : 0;
    } else if (kw(sql, tk, j, "smallfloat") || kw(sql, tk, j, "real")) {
        j++;
        ty->code = SQ_T_SMALLFLOAT;
        ty->len = 4;
    } else if (kw(sql, tk, j, "float") || kw(sql, tk, j, "double")) {
        bool dbl = kw(sql, tk, j, "double");
        j++;
        if (dbl) {
            if (!kw(sql, tk, j, "precision"))
                goto bad;
            j++;
        } else if (paren_nums(sql, tk, &j, &a, &b, err) < 0) {
            return -1;
        }
        ty->code = SQ_T_FLOAT;
        ty->len = 8;
    } else if (kw(sql, tk, j, "decimal") || kw(sql, tk, j, "dec") || kw(sql, tk, j, "numeric") ||
               kw(sql, tk, j, "money")) {
        bool numeric = kw(sql, tk, j, "numeric"), money = kw(sql, tk, j, "money");
        j++;
        if ((got = paren_nums(sql, tk, &j, &a, &b, err)) < 0)
            return -1;
        if (got >= 1 && (a < 1 || a > 32))
            goto bad;
        if (got == 2 && b > a)
            goto bad;
        if (money) {
            ty->code = SQ_T_MONEY;
            if (got == 0)
                a = 16;
            if (got < 2)
                b = 2;
            if (b > a)
                goto bad;
        } else {
            ty->code = SQ_T_DECIMAL;
            if (got == 0)
                a = 16;
            if (got < 2)
                b = numeric ? 0 : (long)SQ_DEC_FLOATING; /* NUMERIC(p) = DECIMAL(p,0) */
        }
        ty->len = ((uint32_t)a << 8) | (uint32_t)b;
    } else if (kw(sql, tk, j, "date")) {
        j++;
        ty->code = SQ_T_DATE;
        ty->len = 4;
    } else if (kw(sql, tk, j, "datetime") || kw(sql, tk, j, "interval")) {
        bool iv = kw(sql, tk, j, "interval");
        j++;
        ty->code = iv ? SQ_T_INTERVAL : SQ_T_DATETIME;
        if (parse_qualifier(sql, tk, &j, iv, &ty->len, err) < 0)
            return -1;
    } else if (kw(sql, tk, j, "boolean")) {
        j++;
        ty->code = IFX_T_BOOLEAN;
        ty->len = 1;
    } else if (kw(sql, tk, j, "byte") || kw(sql, tk, j, "text")) {
        ty->code = kw(sql, tk, j, "byte") ? SQ_T_BYTE : SQ_T_TEXT;
        ty->len = SQ_BLOB_DESCRIPTOR_SIZE;
        j++;
    } else if (kw(sql, tk, j, "set") || kw(sql, tk, j, "multiset") || kw(sql, tk, j, "list") ||
               kw(sql, tk, j, "row")) {
        /* SET/MULTISET/LIST(element NOT NULL), ROW(field type, ...): stored
         * and sent as their text form ("SET{1,2}", "ROW(1,'a')"); the
         * element types are checked, not kept (syscolumns has no room). */
        bool row = kw(sql, tk, j, "row");
        ty->code = row ? SQ_T_ROW
                   : kw(sql, tk, j, "set")      ? SQ_T_SET
                   : kw(sql, tk, j, "multiset") ? SQ_T_MULTISET
                                                : SQ_T_LIST;
        j++;
        if (!(tk[j].k == TK_OP && tk[j].len == 1 && sql[tk[j].off] == '('))
            goto bad;
        j++;
        for (;;) {
            if (row) {
                if (tk[j].k != TK_IDENT && tk[j].k != TK_QIDENT)
                    goto bad;
                j++;
            }
            struct ifx_type el;
            if (ifx_type_parse(sql, tk, &j, &el, err) < 0)
                return -1;
            if (kw(sql, tk, j, "not") && kw(sql, tk, j + 1, "null"))
                j += 2;
            if (tk[j].k == TK_OP && tk[j].len == 1 && sql[tk[j].off] == ',' && row) {
                j++;
                continue;
            }
            break;
        }
        if (!(tk[j].k == TK_OP && tk[j].len == 1 && sql[tk[j].off] == ')'))
            goto bad;
        j++;
        ty->len = 2048; /* most bytes of the text form sent */
    } else if (kw(sql, tk, j, "blob") || kw(sql, tk, j, "clob")) {
        ty->xid = kw(sql, tk, j, "blob") ? SQ_XID_BLOB : SQ_XID_CLOB;
        ty->code = SQ_T_UDTFIXED;
        ty->len = SQ_LO_LOCATOR_SIZE;
        j++;
    } else {
        goto bad;
    }
    *i = j;
    return 0;
bad:
    srv_err_set(err, SRV_E_SYNTAX, 0, tk[j].off, NULL);
    return -1;
}

bool ifx_type_is_int(uint16_t code)
{
    return code == SQ_T_SMALLINT || code == SQ_T_INTEGER || code == SQ_T_SERIAL ||
           code == SQ_T_INT8 || code == SQ_T_SERIAL8 || code == SQ_T_BIGINT ||
           code == SQ_T_BIGSERIAL;
}

bool ifx_type_is_serial(uint16_t code)
{
    return code == SQ_T_SERIAL || code == SQ_T_SERIAL8 || code == SQ_T_BIGSERIAL;
}

bool ifx_type_is_char(uint16_t code)
{
    return code == SQ_T_CHAR || code == SQ_T_NCHAR || code == SQ_T_VARCHAR ||
           code == SQ_T_NVARCHAR || code == IFX_T_LVARCHAR;
}

bool ifx_type_is_decimal(uint16_t code)
{
    return code == SQ_T_DECIMAL || code == SQ_T_MONEY;
}

void ifx_type_describe(const struct ifx_type *ty, const char *name, struct srv_col *col)
{
    memset(col, 0, sizeof *col);
    snprintf(col->name, sizeof col->name, "%s", name ? name : "");
    uint16_t flags = ty->notnull ? SQ_TF_NOTNULL : 0;
    col->type = (uint16_t)(ty->code | flags);
    col->enc_len = ty->len;
    switch (ty->code) {
    case IFX_T_LVARCHAR:
        col->type = (uint16_t)(SQ_T_UDTVAR | flags);
        col->xid = SQ_XID_LVARCHAR;
        snprintf(col->xname, sizeof col->xname, "lvarchar");
        break;
    case IFX_T_BOOLEAN:
        col->type = (uint16_t)(SQ_T_UDTFIXED | flags);
        col->xid = SQ_XID_BOOLEAN;
        col->enc_len = 1;
        snprintf(col->xname, sizeof col->xname, "boolean");
        break;
    case SQ_T_SET:
    case SQ_T_MULTISET:
    case SQ_T_LIST:
    case SQ_T_ROW:
        snprintf(col->xname, sizeof col->xname, "%s",
                 ty->code == SQ_T_SET        ? "set"
                 : ty->code == SQ_T_MULTISET ? "multiset"
                 : ty->code == SQ_T_LIST     ? "list"
                                             : "row");
        break;
    case SQ_T_UDTFIXED:
        col->xid = ty->xid;
        col->enc_len = SQ_LO_LOCATOR_SIZE;
        snprintf(col->xname, sizeof col->xname, "%s", ty->xid == SQ_XID_CLOB ? "clob" : "blob");
        break;
    default:
        break;
    }
}

const char *ifx_type_affinity(const struct ifx_type *ty)
{
    switch (ty->code) {
    case SQ_T_SMALLINT:
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
    case SQ_T_INT8:
    case SQ_T_SERIAL8:
    case SQ_T_BIGINT:
    case SQ_T_BIGSERIAL:
    case IFX_T_BOOLEAN:
        return "INT";
    case SQ_T_FLOAT:
    case SQ_T_SMALLFLOAT:
        return "REAL";
    case SQ_T_INTERVAL:
        return "INT"; /* a total in the smallest unit, see ifx_iv_to_total */
    case SQ_T_DECIMAL:
    case SQ_T_MONEY:
    case SQ_T_BYTE:
        return "BLOB"; /* no affinity: REAL or exact TEXT, see ifx_coerce */
    case SQ_T_UDTFIXED:
        return ty->xid == SQ_XID_CLOB ? "TEXT" : "BLOB";
    default:
        return "TEXT";
    }
}

uint32_t ifx_type_width(const struct ifx_type *ty)
{
    switch (ty->code) {
    case SQ_T_CHAR:
    case SQ_T_NCHAR:
        return ty->len;
    case SQ_T_SMALLINT:
        return 2;
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
    case SQ_T_DATE:
    case SQ_T_SMALLFLOAT:
        return 4;
    case SQ_T_FLOAT:
    case SQ_T_BIGINT:
    case SQ_T_BIGSERIAL:
        return 8;
    case SQ_T_INT8:
    case SQ_T_SERIAL8:
        return 10;
    case SQ_T_DECIMAL:
    case SQ_T_MONEY:
        return SQ_DECLEN(SQ_DEC_PREC(ty->len), SQ_DEC_SCALE(ty->len));
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL:
        return (SQ_TU_LEN(ty->len) + 1) / 2 + 1;
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR:
        return SQ_VC_MAX(ty->len) + 1;
    case IFX_T_LVARCHAR:
    case SQ_T_SET:
    case SQ_T_MULTISET:
    case SQ_T_LIST:
    case SQ_T_ROW:
        return ty->len + 5;
    case IFX_T_BOOLEAN:
        return 6;
    case SQ_T_UDTFIXED:
        return SQ_LO_LOCATOR_SIZE + 5;
    default:
        return SQ_BLOB_DESCRIPTOR_SIZE;
    }
}

/* ---- decimals ---------------------------------------------------------------- */

static void dec_trim(struct ifx_dec *d)
{
    while (d->ndig > 0 && d->dig[d->ndig - 1] == '0')
        d->ndig--;
    d->dig[d->ndig] = '\0';
    if (d->ndig == 0) {
        d->neg = false;
        d->point = 0;
    }
}

bool ifx_dec_parse(const char *s, size_t n, struct ifx_dec *d)
{
    memset(d, 0, sizeof *d);
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        d->neg = s[i++] == '-';
    bool any = false, seen_point = false;
    int intdig = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (!isdigit((unsigned char)c))
            break;
        any = true;
        if (d->ndig == 0 && c == '0') {
            if (seen_point)
                intdig--; /* leading zero after the point shifts the point */
            continue;
        }
        if (!seen_point)
            intdig++;
        if (d->ndig < IFX_DEC_MAXDIG)
            d->dig[d->ndig++] = c;
    }
    if (!any)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        long e = 0;
        bool edig = false;
        while (i < n && isdigit((unsigned char)s[i])) {
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
            edig = true;
            i++;
        }
        if (!edig)
            return false;
        intdig += (int)(eneg ? -e : e);
    }
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i != n)
        return false;
    d->point = intdig;
    dec_trim(d);
    return true;
}

void ifx_dec_from_double(double v, struct ifx_dec *d)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v);
    if (!ifx_dec_parse(tmp, strlen(tmp), d))
        memset(d, 0, sizeof *d);
}

void ifx_dec_round(struct ifx_dec *d, unsigned prec, unsigned scale)
{
    if (d->ndig == 0)
        return;
    int keep = scale == SQ_DEC_FLOATING ? (int)prec : d->point + (int)scale;
    if (keep >= d->ndig)
        return;
    if (keep < 0) {
        dec_trim((d->ndig = 0, d));
        return;
    }
    bool up = d->dig[keep] >= '5';
    d->ndig = keep;
    if (up) {
        int k = keep - 1;
        while (k >= 0 && d->dig[k] == '9') {
            d->dig[k] = '0';
            k--;
        }
        if (k >= 0) {
            d->dig[k]++;
        } else {
            memmove(d->dig + 1, d->dig, (size_t)d->ndig);
            d->dig[0] = '1';
            if (d->ndig < IFX_DEC_MAXDIG)
                d->ndig++;
            d->point++;
        }
    }
    dec_trim(d);
}

int ifx_dec_int_digits(const struct ifx_dec *d)
{
    return d->ndig > 0 && d->point > 0 ? d->point : 0;
}

size_t ifx_dec_format(const struct ifx_dec *d, unsigned scale, char *out, size_t cap)
{
    struct sq_buf b = SQ_BUF_INIT;
    if (d->neg && d->ndig > 0)
        sb_putn(&b, "-", 1);
    if (d->point <= 0 || d->ndig == 0) {
        sb_putn(&b, "0", 1);
    } else {
        for (int k = 0; k < d->point; k++)
            sb_putn(&b, k < d->ndig ? &d->dig[k] : "0", 1);
    }
    int nfrac;
    if (scale == SQ_DEC_FLOATING)
        nfrac = d->ndig > d->point ? d->ndig - d->point : 0;
    else
        nfrac = (int)scale;
    if (nfrac > 0) {
        sb_putn(&b, ".", 1);
        for (int k = 0; k < nfrac; k++) {
            int j = d->point + k;
            sb_putn(&b, (j >= 0 && j < d->ndig) ? &d->dig[j] : "0", 1);
        }
    }
    size_t n = 0;
    if (sq_buf_ok(&b) && cap > 0) {
        n = b.len < cap - 1 ? b.len : cap - 1;
        memcpy(out, b.data, n);
        out[n] = '\0';
    } else if (cap > 0) {
        out[0] = '\0';
    }
    sq_buf_fini(&b);
    return n;
}

static bool dec_to_int64(const struct ifx_dec *d, int64_t *out)
{
    /* Truncates the fraction (Informix converts DECIMAL to integers that way). */
    int ip = ifx_dec_int_digits(d);
    if (ip > 19)
        return false;
    uint64_t v = 0;
    for (int k = 0; k < ip; k++) {
        unsigned dg = k < d->ndig ? (unsigned)(d->dig[k] - '0') : 0u;
        if (v > (UINT64_MAX - dg) / 10)
            return false;
        v = v * 10 + dg;
    }
    if (v > (uint64_t)INT64_MAX)
        return false;
    *out = d->neg ? -(int64_t)v : (int64_t)v;
    return true;
}

static int to_dec(sqlite3_value *v, struct ifx_dec *d);

/* Exact a op b ('+', '-', '*') on decimals, rounded to IFX_DEC_MAXDIG
 * significant digits. Digits are worked on as integers scaled by a common
 * power of ten: value = (-1)^neg * D * 10^e. */
#define DEC_WORK 200
static int dec_lsd_exp(const struct ifx_dec *d)
{
    return d->point - d->ndig; /* exponent of the last digit */
}

/* |x| as little-endian digits scaled to 10^e (e <= dec_lsd_exp(x)). */
static void dec_spread(const struct ifx_dec *x, int e, uint8_t *w, int len)
{
    memset(w, 0, (size_t)len);
    int shift = dec_lsd_exp(x) - e;
    for (int k = 0; k < x->ndig; k++) {
        int pos = shift + (x->ndig - 1 - k);
        if (pos >= 0 && pos < len)
            w[pos] = (uint8_t)(x->dig[k] - '0');
    }
}

static void dec_gather(const uint8_t *w, int len, int e, bool neg, struct ifx_dec *r)
{
    memset(r, 0, sizeof *r);
    int top = len - 1;
    while (top >= 0 && w[top] == 0)
        top--;
    if (top < 0)
        return;
    int nd = top + 1;
    int keep = nd < IFX_DEC_MAXDIG ? nd : IFX_DEC_MAXDIG;
    r->neg = neg;
    r->point = nd + e;
    for (int k = 0; k < keep; k++)
        r->dig[k] = (char)('0' + w[top - k]);
    r->ndig = keep;
    if (nd > keep && w[top - keep] >= 5) { /* half away from zero */
        int k = keep - 1;
        while (k >= 0 && r->dig[k] == '9')
            r->dig[k--] = '0';
        if (k >= 0) {
            r->dig[k]++;
        } else {
            r->dig[0] = '1';
            r->point++;
        }
    }
    dec_trim(r);
}

bool ifx_dec_arith(const struct ifx_dec *a, int op, const struct ifx_dec *b, struct ifx_dec *r)
{
    uint8_t x[DEC_WORK], y[DEC_WORK], z[2 * DEC_WORK];
    if (op == '*') {
        if (a->ndig == 0 || b->ndig == 0) {
            memset(r, 0, sizeof *r);
            return true;
        }
        dec_spread(a, dec_lsd_exp(a), x, a->ndig);
        dec_spread(b, dec_lsd_exp(b), y, b->ndig);
        int len = a->ndig + b->ndig;
        memset(z, 0, (size_t)len);
        for (int i = 0; i < a->ndig; i++) {
            unsigned carry = 0;
            for (int j = 0; j < b->ndig; j++) {
                unsigned t = z[i + j] + (unsigned)x[i] * y[j] + carry;
                z[i + j] = (uint8_t)(t % 10);
                carry = t / 10;
            }
            for (int k = i + b->ndig; carry; k++) {
                unsigned t = z[k] + carry;
                z[k] = (uint8_t)(t % 10);
                carry = t / 10;
            }
        }
        dec_gather(z, len, dec_lsd_exp(a) + dec_lsd_exp(b), a->neg != b->neg, r);
        return true;
    }
    bool bneg = op == '-' ? !b->neg : b->neg;
    if (b->ndig == 0) {
        *r = *a;
        return true;
    }
    if (a->ndig == 0) {
        *r = *b;
        r->neg = bneg;
        return true;
    }
    int e = dec_lsd_exp(a) < dec_lsd_exp(b) ? dec_lsd_exp(a) : dec_lsd_exp(b);
    int hi = a->point > b->point ? a->point : b->point;
    int len = hi - e + 1;
    if (len > DEC_WORK) {
        /* Magnitudes too far apart to matter at 80 digits: keep the larger. */
        const struct ifx_dec *big = a->point >= b->point ? a : b;
        *r = *big;
        if (big == b)
            r->neg = bneg;
        return true;
    }
    dec_spread(a, e, x, len);
    dec_spread(b, e, y, len);
    if (a->neg == bneg) {
        unsigned carry = 0;
        for (int k = 0; k < len; k++) {
            unsigned t = (unsigned)x[k] + y[k] + carry;
            z[k] = (uint8_t)(t % 10);
            carry = t / 10;
        }
        dec_gather(z, len, e, a->neg, r);
        return true;
    }
    /* different signs: subtract the smaller magnitude from the larger */
    int c = 0;
    for (int k = len - 1; k >= 0 && c == 0; k--)
        c = x[k] < y[k] ? -1 : (x[k] > y[k] ? 1 : 0);
    const uint8_t *big = c >= 0 ? x : y, *small = c >= 0 ? y : x;
    int borrow = 0;
    for (int k = 0; k < len; k++) {
        int t = (int)big[k] - small[k] - borrow;
        borrow = t < 0;
        z[k] = (uint8_t)(t < 0 ? t + 10 : t);
    }
    dec_gather(z, len, e, c >= 0 ? a->neg : bneg, r);
    return true;
}

bool ifx_dec_div(const struct ifx_dec *a, const struct ifx_dec *b, int digits, struct ifx_dec *r)
{
    memset(r, 0, sizeof *r);
    if (b->ndig == 0)
        return false;
    if (a->ndig == 0)
        return true;
    /* |A| * 10^k / |B| as integers, k chosen so the quotient has digits + 2
     * digits; value = Q * 10^(lsd(a) - lsd(b) - k). */
    int k = digits + 2 + b->ndig - a->ndig;
    if (k < 0)
        k = 0;
    int nb = b->ndig, L = nb + 1, total = a->ndig + k;
    if (total > 2 * DEC_WORK - 1)
        return false;
    uint8_t rem[IFX_DEC_MAXDIG + 2] = {0}, den[IFX_DEC_MAXDIG + 2] = {0};
    uint8_t q[2 * DEC_WORK];
    for (int i = 0; i < nb; i++)
        den[L - nb + i] = (uint8_t)(b->dig[i] - '0');
    for (int t = 0; t < total; t++) {
        /* rem = rem * 10 + next digit (big-endian, L digits) */
        memmove(rem, rem + 1, (size_t)L - 1);
        rem[L - 1] = (uint8_t)(t < a->ndig ? a->dig[t] - '0' : 0);
        uint8_t qd = 0;
        for (;;) {
            int c = 0;
            for (int i = 0; i < L && c == 0; i++)
                c = rem[i] < den[i] ? -1 : rem[i] > den[i];
            if (c < 0)
                break;
            int borrow = 0;
            for (int i = L - 1; i >= 0; i--) {
                int v = (int)rem[i] - den[i] - borrow;
                borrow = v < 0;
                rem[i] = (uint8_t)(v < 0 ? v + 10 : v);
            }
            qd++;
        }
        q[t] = qd;
    }
    uint8_t w[2 * DEC_WORK];
    for (int t = 0; t < total; t++)
        w[t] = q[total - 1 - t];
    dec_gather(w, total, dec_lsd_exp(a) - dec_lsd_exp(b) - k, a->neg != b->neg, r);
    ifx_dec_round(r, (unsigned)digits, SQ_DEC_FLOATING);
    return true;
}

int ifx_dec_of_value(sqlite3_value *v, struct ifx_dec *d)
{
    return to_dec(v, d);
}

/* ---- dates --------------------------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

bool ifx_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Days since 1970-01-01 (H. Hinnant's civil algorithm). */
static int64_t civil_days(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t ifx_date_to_days(int y, int m, int d)
{
    return civil_days(y, m, d) - civil_days(1899, 12, 31);
}

void ifx_days_to_date(int64_t days, int *y, int *m, int *d)
{
    int64_t z = days + civil_days(1899, 12, 31) + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* Read up to maxd digits; returns count read. */
static int read_num(const char *s, size_t n, size_t *i, int maxd, long *v)
{
    int k = 0;
    *v = 0;
    while (*i < n && isdigit((unsigned char)s[*i]) && k < maxd) {
        *v = *v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    return k;
}

int ifx_date_parse(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    while (n > i && isspace((unsigned char)s[n - 1]))
        n--;
    long a, b, c;
    int na = read_num(s, n, &i, 4, &a);
    if (na == 0 || i >= n)
        return SRV_E_DATE_CONV;
    char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.')
        return SRV_E_DATE_CONV;
    i++;
    int nb = read_num(s, n, &i, 2, &b);
    if (nb == 0 || i >= n || s[i] != sep)
        return SRV_E_DATE_CONV;
    i++;
    int nc = read_num(s, n, &i, 4, &c);
    if (nc == 0 || i != n)
        return SRV_E_DATE_CONV;
    long yy, mm, dd;
    if (na == 4) { /* Y4MD */
        yy = a, mm = b, dd = c;
        if (nc > 2)
            return SRV_E_DATE_CONV;
    } else { /* MDY4 (Informix's default DBDATE) */
        if (nc != 4)
            return SRV_E_DATE_CONV;
        mm = a, dd = b, yy = c;
    }
    if (yy < 1 || yy > 9999)
        return SRV_E_BAD_YEAR;
    if (mm < 1 || mm > 12)
        return SRV_E_BAD_MONTH;
    if (dd < 1 || dd > days_in_month((int)yy, (int)mm))
        return SRV_E_BAD_DAY;
    *y = (int)yy;
    *m = (int)mm;
    *d = (int)dd;
    return 0;
}

/* ---- datetimes ------------------------------------------------------------------- */

void ifx_dt_now(struct ifx_dt *dt)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ifx_dt_from_clock((int64_t)ts.tv_sec, ts.tv_nsec, dt);
}

void ifx_dt_from_clock(int64_t sec, long nsec, struct ifx_dt *dt)
{
    time_t t = (time_t)sec;
    struct tm tm;
    localtime_r(&t, &tm);
    dt->f[0] = tm.tm_year + 1900;
    dt->f[1] = tm.tm_mon + 1;
    dt->f[2] = tm.tm_mday;
    dt->f[3] = tm.tm_hour;
    dt->f[4] = tm.tm_min;
    dt->f[5] = tm.tm_sec;
    dt->f[6] = (int)(nsec / 10000);
}

/* Separator that introduces field k (1..6). */
static bool dt_sep_ok(int k, char c)
{
    switch (k) {
    case 1:
    case 2:
        return c == '-';
    case 3:
        return c == ' ' || c == 'T';
    case 4:
    case 5:
        return c == ':';
    default:
        return c == '.';
    }
}

/* Parse fields from `first` on; *last = last field read. 0 or SQLCODE. */
static int dt_fields(const char *s, size_t n, int first, int *last, struct ifx_dt *dt)
{
    size_t i = 0;
    int k = first;
    for (;;) {
        long v;
        int maxd = k == 0 ? 4 : k == 6 ? 9 : (k == first ? 9 : 2);
        size_t start = i;
        int nd = read_num(s, n, &i, maxd, &v);
        if (nd == 0)
            return i < n ? SRV_E_DT_NONNUM : SRV_E_DT_RANGE;
        if (k == 6) {
            /* Fraction digits: keep 5, scaled. */
            long f = 0;
            for (size_t j = start; j < start + 5; j++)
                f = f * 10 + (j < i ? s[j] - '0' : 0);
            v = f;
        } else if (v > 99999) {
            return SRV_E_DT_RANGE;
        }
        dt->f[k] = (int)v;
        *last = k;
        if (i >= n)
            return 0;
        if (k == 6)
            return SRV_E_DT_EXTRA;
        char c = s[i];
        if (!dt_sep_ok(k + 1, c)) {
            if (isdigit((unsigned char)c))
                return SRV_E_DT_RANGE;
            return isspace((unsigned char)c) || c == '-' || c == ':' || c == '.' ? SRV_E_DT_EXTRA
                                                                                 : SRV_E_DT_NONNUM;
        }
        i++;
        if (c == ' ')
            while (i < n && s[i] == ' ')
                i++;
        k++;
    }
}

/* Fast path of ifx_dt_parse (the fetch of every DATETIME goes through it):
 * text exactly in the qualifier's canonical shape, as ifx_dt_format writes it
 * and as DATETIME values are stored (4-digit year, 2-digit fields separated by
 * '-' '-' ' ' ':' ':', then '.' and exactly n digits for FRACTION(n)).
 * dt_fields reads such text to the same fields; anything else returns false
 * and goes the general way. Only qualifiers starting at YEAR..SECOND. */
static bool dt_parse_canonical(const char *s, size_t n, int sf, int ef, unsigned end,
                               struct ifx_dt *got)
{
    static const char seps[] = {0, '-', '-', ' ', ':', ':', '.'};
    if (sf > 5 || ef < sf)
        return false;
    size_t i = 0;
    int lastint = ef < 5 ? ef : 5;
    for (int k = sf; k <= lastint; k++) {
        if (k > sf) {
            if (i >= n || s[i] != seps[k])
                return false;
            i++;
        }
        size_t w = k == 0 ? 4 : 2;
        if (n - i < w)
            return false;
        int v = 0;
        for (size_t z = 0; z < w; z++) {
            unsigned dg = (unsigned)(unsigned char)s[i + z] - '0';
            if (dg > 9)
                return false;
            v = v * 10 + (int)dg;
        }
        got->f[k] = v;
        i += w;
    }
    if (ef == 6) {
        size_t fd = (size_t)end - 10;
        if (fd < 1 || fd > 5 || i >= n || s[i] != '.' || n - i - 1 != fd)
            return false;
        i++;
        int f = 0;
        for (size_t z = 0; z < 5; z++) {
            unsigned dg = z < fd ? (unsigned)(unsigned char)s[i + z] - '0' : 0u;
            if (dg > 9)
                return false;
            f = f * 10 + (int)dg;
        }
        got->f[6] = f;
        i += fd;
    }
    return i == n;
}

int ifx_dt_parse(const char *s, size_t n, unsigned start, unsigned end, struct ifx_dt *dt)
{
    int sf = IFX_TU_FIELD(start), ef = IFX_TU_FIELD(end);
    if (start == SQ_TU_FRAC)
        sf = 6;
    struct ifx_dt got = {{0, 1, 1, 0, 0, 0, 0}};
    int last = -1, first = sf;
    if (dt_parse_canonical(s, n, sf, ef, end, &got))
        goto check;
    got = (struct ifx_dt){{0, 1, 1, 0, 0, 0, 0}};
    while (n > 0 && isspace((unsigned char)s[0]))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (sf == 6 && n > 1 && s[0] == '.') /* FRACTION TO FRACTION: ".123" as "123" */
        s++, n--;
    int rc = dt_fields(s, n, sf, &last, &got);
    if (rc != 0) {
        /* Not in the qualifier's shape: try a full date-time or a time. */
        size_t k = 0;
        while (k < n && isdigit((unsigned char)s[k]))
            k++;
        int alt = -1;
        if (k == 4 && k < n && s[k] == '-')
            alt = 0;
        else if (k >= 1 && k <= 2 && k < n && s[k] == ':' && sf <= 3)
            alt = 3;
        if (alt < 0 || alt == sf)
            return rc;
        struct ifx_dt g2 = {{0, 1, 1, 0, 0, 0, 0}};
        int l2 = -1;
        int rc2 = dt_fields(s, n, alt, &l2, &g2);
        if (rc2 != 0)
            return rc;
        got = g2;
        last = l2;
        first = alt;
    }
    /* Leading fields the text did not give come from the current time (EXTEND). */
    if (first > sf) {
        struct ifx_dt now;
        ifx_dt_now(&now);
        for (int k = sf; k < first; k++)
            got.f[k] = now.f[k];
    }
    /* Fields after the last one given keep their defaults; fields after the
     * qualifier's end are dropped (a full timestamp into YEAR TO DAY keeps the
     * date, as EXTEND would; Informix itself wants the qualifier's shape). */
    (void)last;
check:;
    static const int maxv[] = {9999, 12, 31, 23, 59, 59, 99999};
    static const int minv[] = {1, 1, 1, 0, 0, 0, 0};
    for (int k = sf; k <= ef; k++) {
        if (got.f[k] < minv[k] || got.f[k] > maxv[k])
            return SRV_E_DT_RANGE;
    }
    if (sf <= 2 && ef >= 2) {
        int y = sf == 0 ? got.f[0] : 2000; /* no year: allow Feb 29 */
        int m = sf <= 1 ? got.f[1] : 1;
        if (sf <= 1 && got.f[2] > days_in_month(y, m))
            return SRV_E_DT_RANGE;
    }
    *dt = got;
    return 0;
}

/* Zero-padded decimal digits of v (0 <= v < 10^w) into out[0..w-1]. */
static inline void put_digits(char *out, int v, int w)
{
    static const char d2[] = "00010203040506070809101112131415161718192021222324252627282930313233"
                             "34353637383940414243444546474849505152535455565758596061626364656667"
                             "6869707172737475767778798081828384858687888990919293949596979899";
    int z = w;
    while (z >= 2) {
        memcpy(out + z - 2, d2 + 2 * (v % 100), 2);
        v /= 100;
        z -= 2;
    }
    if (z)
        out[0] = (char)('0' + v % 10);
}

size_t ifx_dt_format(const struct ifx_dt *dt, unsigned start, unsigned end, char *out, size_t cap)
{
    int sf = start == SQ_TU_FRAC ? 6 : IFX_TU_FIELD(start), ef = IFX_TU_FIELD(end);
    static const char seps[] = {0, '-', '-', ' ', ':', ':', '.'};
    size_t o = 0;
    out[0] = '\0';
    for (int k = sf; k <= ef && o + 12 < cap; k++) {
        if (k > sf)
            out[o++] = seps[k];
        int w;
        if (k == 6) {
            int fd = (int)end - 10;
            char f[16];
            if (dt->f[6] >= 0 && dt->f[6] <= 99999)
                put_digits(f, dt->f[6], 5); /* what "%05d" writes, without snprintf */
            else
                snprintf(f, sizeof f, "%05d", dt->f[6]);
            memcpy(out + o, f, (size_t)fd);
            o += (size_t)fd;
            out[o] = '\0';
            continue;
        }
        w = k == 0 ? 4 : 2;
        if (dt->f[k] >= 0 && dt->f[k] < (k == 0 ? 10000 : 100)) {
            put_digits(out + o, dt->f[k], w); /* "%0*d" of an in-range field */
            o += (size_t)w;
            out[o] = '\0';
        } else {
            o += (size_t)snprintf(out + o, cap - o, "%0*d", w, dt->f[k]);
        }
    }
    return o;
}

/* ---- intervals ------------------------------------------------------------------ */

/* INTERVAL values are stored as one integer in the smallest unit of their
 * class, so that SQL comparison and ORDER BY work across signs and widths:
 * months for YEAR/MONTH intervals, 1e-5 seconds for DAY..FRACTION ones
 * (DAY(9) TO FRACTION(5) still fits in 63 bits). The text form is rebuilt from
 * the column's qualifier on output (srv_sql.c convert_col). */
static const int64_t iv_unit[7] = {12, 1, 8640000000LL, 360000000LL, 6000000LL, 100000LL, 1};

static void iv_fields(uint32_t qual, int *sf, int *ef, unsigned *lead)
{
    unsigned start = SQ_TU_START(qual), end = SQ_TU_END(qual);
    *sf = start == SQ_TU_FRAC ? 6 : IFX_TU_FIELD(start);
    *ef = IFX_TU_FIELD(end);
    unsigned digits = SQ_TU_LEN(qual), span = start == SQ_TU_FRAC ? 0 : end - start;
    *lead = digits > span ? digits - span : 0;
}

/* Unit of the qualifier's last field (or fraction digit). */
static int64_t iv_end_unit(uint32_t qual)
{
    int sf, ef;
    unsigned lead;
    iv_fields(qual, &sf, &ef, &lead);
    if (ef < 6)
        return iv_unit[ef];
    unsigned fd = SQ_TU_END(qual) >= 10 ? SQ_TU_END(qual) - 10 : 5;
    int64_t u = 1;
    for (unsigned k = fd; k < 5; k++)
        u *= 10;
    return u;
}

/* Parse INTERVAL text for qual into fields f[0..6] (struct ifx_dt numbering). */
static int iv_parse(const char *s, size_t n, uint32_t qual, long f[7], bool *negp)
{
    int sf, ef;
    unsigned lead;
    iv_fields(qual, &sf, &ef, &lead);
    if (sf > ef)
        return SRV_E_DT_RANGE;
    while (n > 0 && isspace((unsigned char)s[0]))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    bool neg = false;
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (sf == 6 && i + 1 < n && s[i] == '.')
        i++; /* FRACTION TO FRACTION: ".1234" as "1234" */
    memset(f, 0, 7 * sizeof f[0]);
    bool ym = sf <= 1;
    for (int k = sf; k <= ef; k++) {
        long v;
        size_t st = i;
        int nd = read_num(s, n, &i, k == sf ? 9 : (k == 6 ? 9 : 2), &v);
        if (nd == 0)
            return i < n ? SRV_E_DT_NONNUM : SRV_E_DT_RANGE;
        if (k == 6) {
            long fr = 0;
            for (size_t j = st; j < st + 5; j++)
                fr = fr * 10 + (j < i ? s[j] - '0' : 0);
            v = fr;
        } else if (k == sf && (unsigned)nd > lead) {
            return SRV_E_DT_RANGE;
        }
        f[k] = v;
        if (k == ef)
            break;
        if (i >= n)
            return SRV_E_DT_RANGE;
        char c = s[i];
        char want = ym ? '-' : (k == 2 ? ' ' : (k == 5 ? '.' : ':'));
        if (c != want)
            return isdigit((unsigned char)c) ? SRV_E_DT_RANGE : SRV_E_DT_NONNUM;
        i++;
    }
    if (i != n)
        return SRV_E_DT_EXTRA;
    static const long maxv[] = {0, 11, 0, 23, 59, 59, 99999};
    for (int k = sf + 1; k <= ef; k++)
        if (k != 2 && f[k] > maxv[k])
            return SRV_E_DT_RANGE;
    *negp = neg;
    return 0;
}

/* Canonical text of fields f for qual: "[-]D hh:mm:ss.fff" / "[-]Y-MM" ... */
static void iv_format(const long f[7], bool neg, uint32_t qual, char *out, size_t cap)
{
    int sf, ef;
    unsigned lead;
    iv_fields(qual, &sf, &ef, &lead);
    unsigned end = SQ_TU_END(qual);
    bool ym = sf <= 1, zero = true;
    for (int k = 0; k < 7; k++)
        if (f[k])
            zero = false;
    size_t o = 0;
    if (cap < 40) {
        if (cap)
            out[0] = '\0';
        return;
    }
    if (neg && !zero)
        out[o++] = '-';
    static const char seps[] = {0, '-', 0, ' ', ':', ':', '.'};
    for (int k = sf; k <= ef && o + 14 < cap; k++) {
        if (k > sf)
            out[o++] = ym ? '-' : seps[k];
        if (k == 6) {
            char fr[24];
            snprintf(fr, sizeof fr, "%05ld", f[6] % 100000);
            size_t fd = end >= 10 && end <= 15 ? end - 10 : 5;
            memcpy(out + o, fr, fd);
            o += fd;
            continue;
        }
        o += (size_t)snprintf(out + o, cap - o, k == sf ? "%ld" : "%02ld", f[k]);
    }
    out[o] = '\0';
}

int ifx_iv_normalize(const char *s, size_t n, uint32_t qual, char *out, size_t cap)
{
    long f[7];
    bool neg;
    int rc = iv_parse(s, n, qual, f, &neg);
    if (rc)
        return rc;
    iv_format(f, neg, qual, out, cap);
    return 0;
}

int ifx_iv_to_total(const char *s, size_t n, uint32_t qual, int64_t *total)
{
    long f[7];
    bool neg;
    int rc = iv_parse(s, n, qual, f, &neg);
    if (rc)
        return rc;
    int sf, ef;
    unsigned lead;
    iv_fields(qual, &sf, &ef, &lead);
    int64_t t = 0, part;
    for (int k = sf; k <= ef; k++)
        if (__builtin_mul_overflow((int64_t)f[k], iv_unit[k], &part) ||
            __builtin_add_overflow(t, part, &t))
            return SRV_E_DT_RANGE;
    int64_t eu = iv_end_unit(qual);
    t = t / eu * eu; /* fraction digits beyond the qualifier are dropped */
    *total = neg ? -t : t;
    return 0;
}

int ifx_iv_from_total(int64_t total, uint32_t qual, char *out, size_t cap)
{
    if (total == INT64_MIN)
        return SRV_E_DT_RANGE;
    int sf, ef;
    unsigned lead;
    iv_fields(qual, &sf, &ef, &lead);
    if (sf > ef)
        return SRV_E_DT_RANGE;
    bool neg = total < 0;
    int64_t t = neg ? -total : total;
    long f[7] = {0};
    f[sf] = (long)(t / iv_unit[sf]);
    t %= iv_unit[sf];
    for (int k = sf + 1; k <= ef; k++) {
        f[k] = (long)(t / iv_unit[k]);
        t %= iv_unit[k];
    }
    /* the leading field must fit its precision */
    long lim = 1;
    for (unsigned k = 0; k < lead && k < 18; k++)
        lim *= 10;
    if (sf < 6 && f[sf] >= lim) /* (FRACTION TO FRACTION has no leading precision) */
        return SRV_E_DT_RANGE;
    iv_format(f, neg, qual, out, cap);
    return 0;
}

int ifx_iv_coerce_total(int64_t total, uint32_t qual, int64_t *out)
{
    char txt[64];
    int rc = ifx_iv_from_total(total, qual, txt, sizeof txt);
    if (rc)
        return rc;
    int64_t eu = iv_end_unit(qual);
    *out = total / eu * eu;
    return 0;
}

/* ---- DATE / DATETIME / INTERVAL arithmetic ---------------------------------------
 * Result types follow IBM's table of arithmetic on time values (Guide to SQL:
 * Reference, "Manipulating DATETIME with INTERVAL values"):
 *   DATETIME - DATETIME -> INTERVAL, the first operand's units: year-month
 *     class YEAR(9)/MONTH(9) TO MONTH when the first operand ends at YEAR or
 *     MONTH, else DAY(9) TO its last field (HOUR(9)/MINUTE(9)/SECOND(9) ...
 *     when it starts after DAY);
 *   DATETIME +- INTERVAL, INTERVAL + DATETIME -> DATETIME, the DATETIME's
 *     qualifier (DATE operands act as DATETIME YEAR TO DAY, extended to the
 *     INTERVAL's last field when that is smaller than DAY);
 *   INTERVAL +- INTERVAL -> INTERVAL from the earlier start to the later
 *     end, leading precision 9 (both must be of one class: -1266 otherwise).
 * Values: DATETIME as its canonical text, INTERVAL as its total (above). */
static bool is_time(uint16_t code)
{
    return code == SQ_T_DATETIME || code == SQ_T_INTERVAL;
}

static bool iv_ym(uint32_t qual)
{
    return SQ_TU_START(qual) <= SQ_TU_MONTH;
}

bool ifx_time_arith_type(const struct ifx_type *l, int op, const struct ifx_type *r,
                         struct ifx_type *out)
{
    if (!is_time(l->code) && !is_time(r->code))
        return false;
    memset(out, 0, sizeof *out);
    uint16_t lc = l->code, rc = r->code;
    uint32_t ll = lc == SQ_T_DATE ? SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY) : l->len;
    uint32_t rl = rc == SQ_T_DATE ? SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY) : r->len;
    if (lc == SQ_T_DATE)
        lc = SQ_T_DATETIME;
    if (rc == SQ_T_DATE)
        rc = SQ_T_DATETIME;
    if (lc == SQ_T_DATETIME && rc == SQ_T_DATETIME) {
        if (op != '-')
            return false;
        unsigned s = SQ_TU_START(ll), e = SQ_TU_END(ll);
        out->code = SQ_T_INTERVAL;
        if (e <= SQ_TU_MONTH)
            out->len = SQ_TU_IENCODE(9, s, e);
        else
            out->len = SQ_TU_IENCODE(9, s < SQ_TU_DAY ? SQ_TU_DAY : s, e);
        return true;
    }
    if (lc == SQ_T_DATETIME && rc == SQ_T_INTERVAL) {
        unsigned s = SQ_TU_START(ll), e = SQ_TU_END(ll);
        if (l->code == SQ_T_DATE && SQ_TU_END(rl) > e)
            e = SQ_TU_END(rl);
        out->code = SQ_T_DATETIME;
        out->len = SQ_TU_DTENCODE(s, e);
        return true;
    }
    if (lc == SQ_T_INTERVAL && rc == SQ_T_DATETIME) {
        if (op != '+')
            return false;
        return ifx_time_arith_type(r, '+', l, out);
    }
    if (lc == SQ_T_INTERVAL && rc == SQ_T_INTERVAL) {
        unsigned s = SQ_TU_START(ll) < SQ_TU_START(rl) ? SQ_TU_START(ll) : SQ_TU_START(rl);
        unsigned e = SQ_TU_END(ll) > SQ_TU_END(rl) ? SQ_TU_END(ll) : SQ_TU_END(rl);
        if (s == SQ_TU_FRAC)
            s = SQ_TU_SECOND;
        out->code = SQ_T_INTERVAL;
        out->len = SQ_TU_IENCODE(9, s, e);
        return true;
    }
    return false;
}

/* 1e-5 s per day and the DATETIME as an instant in those units (days since
 * 1899-12-31, like DATE); fields outside the qualifier are those of dt. */
#define IFX_TICKS_DAY 8640000000LL
static int64_t dt_ticks(const struct ifx_dt *dt)
{
    int64_t days = ifx_date_to_days(dt->f[0], dt->f[1], dt->f[2]);
    return days * IFX_TICKS_DAY + dt->f[3] * 360000000LL + dt->f[4] * 6000000LL +
           dt->f[5] * 100000LL + dt->f[6];
}

static void dt_from_ticks(int64_t t, struct ifx_dt *dt)
{
    int64_t days = t >= 0 ? t / IFX_TICKS_DAY : -((-t + IFX_TICKS_DAY - 1) / IFX_TICKS_DAY);
    int64_t rem = t - days * IFX_TICKS_DAY;
    ifx_days_to_date(days, &dt->f[0], &dt->f[1], &dt->f[2]);
    dt->f[3] = (int)(rem / 360000000LL);
    rem %= 360000000LL;
    dt->f[4] = (int)(rem / 6000000LL);
    rem %= 6000000LL;
    dt->f[5] = (int)(rem / 100000LL);
    dt->f[6] = (int)(rem % 100000LL);
}

/* Operand of type ty (DATE text/days, DATETIME text, INTERVAL total) as a
 * full DATETIME (missing leading fields from the current time, EXTEND's rule)
 * or an INTERVAL total. */
static int time_operand(const struct ifx_type *ty, sqlite3_value *v, struct ifx_dt *dt,
                        int64_t *total)
{
    int t = sqlite3_value_type(v);
    const char *p = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (ty->code == SQ_T_INTERVAL) {
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            *total = sqlite3_value_int64(v);
            return 0;
        }
        return p ? ifx_iv_to_total(p, n, ty->len, total) : SRV_E_DT_NONNUM;
    }
    if (ty->code == SQ_T_DATE) {
        int y, m, d;
        if (t == SQLITE_INTEGER) {
            ifx_days_to_date(sqlite3_value_int64(v), &y, &m, &d);
        } else {
            int rc = p ? ifx_date_parse(p, n > 10 ? 10 : n, &y, &m, &d) : SRV_E_DATE_CONV;
            if (rc)
                return rc;
        }
        *dt = (struct ifx_dt){{y, m, d, 0, 0, 0, 0}};
        return 0;
    }
    if (!p)
        return SRV_E_DT_NONNUM;
    unsigned s = SQ_TU_START(ty->len), e = SQ_TU_END(ty->len);
    struct ifx_dt got;
    int rc = ifx_dt_parse(p, n, s, e, &got);
    if (rc)
        return rc;
    struct ifx_dt now;
    ifx_dt_now(&now);
    int sf = s == SQ_TU_FRAC ? 6 : IFX_TU_FIELD(s);
    for (int k = 0; k < sf; k++)
        got.f[k] = now.f[k];
    *dt = got;
    return 0;
}

/* An INTERVAL result (total in its class's smallest unit), checked against
 * the qualifier's leading precision (ifx_iv_from_total's error when not). */
static int iv_result(int64_t total, uint32_t qual, struct srv_sval *out)
{
    char txt[64];
    int rc = ifx_iv_from_total(total, qual, txt, sizeof txt);
    if (rc)
        return rc;
    out->kind = SQLITE_INTEGER;
    out->i = total;
    return 0;
}

int ifx_time_arith(const struct ifx_type *l, sqlite3_value *a, int op, const struct ifx_type *r,
                   sqlite3_value *b, struct srv_sval *out)
{
    memset(out, 0, sizeof *out);
    if (sqlite3_value_type(a) == SQLITE_NULL || sqlite3_value_type(b) == SQLITE_NULL) {
        out->kind = SQLITE_NULL;
        return 0;
    }
    struct ifx_type res;
    if (!ifx_time_arith_type(l, op, r, &res))
        return SRV_E_DT_ARITH;
    const struct ifx_type *dl = l, *dr = r;
    sqlite3_value *va = a, *vb = b;
    if (l->code == SQ_T_INTERVAL && r->code != SQ_T_INTERVAL) { /* INTERVAL + DATETIME */
        dl = r, dr = l, va = b, vb = a;
    }
    struct ifx_dt x = {{0}}, y = {{0}};
    int64_t ix = 0, iy = 0;
    int rc = time_operand(dl, va, &x, &ix);
    if (rc == 0)
        rc = time_operand(dr, vb, &y, &iy);
    if (rc)
        return rc;
    char txt[64];
    if (res.code == SQ_T_INTERVAL && dr->code != SQ_T_INTERVAL) {
        /* DATETIME - DATETIME */
        int64_t total;
        if (iv_ym(res.len))
            total = ((int64_t)x.f[0] * 12 + x.f[1]) - ((int64_t)y.f[0] * 12 + y.f[1]);
        else
            total = dt_ticks(&x) - dt_ticks(&y);
        int64_t eu = iv_end_unit(res.len);
        total = total / eu * eu;
        return iv_result(total, res.len, out);
    }
    if (res.code == SQ_T_INTERVAL) {
        /* INTERVAL +- INTERVAL: one class only. */
        if (iv_ym(dl->len) != iv_ym(dr->len))
            return SRV_E_DT_ARITH;
        int64_t total;
        if (op == '+' ? __builtin_add_overflow(ix, iy, &total)
                      : __builtin_sub_overflow(ix, iy, &total))
            return SRV_E_DT_RANGE;
        return iv_result(total, res.len, out);
    }
    /* DATETIME +- INTERVAL */
    int64_t d = op == '-' ? -iy : iy;
    struct ifx_dt z = x;
    if (iv_ym(dr->len)) {
        int64_t months = (int64_t)x.f[0] * 12 + (x.f[1] - 1) + d;
        if (months < 12 || months > 9999 * 12 + 11)
            return SRV_E_DT_OVERFLOW;
        z.f[0] = (int)(months / 12);
        z.f[1] = (int)(months % 12) + 1;
        if (z.f[2] > days_in_month(z.f[0], z.f[1]))
            return SRV_E_DT_OVERFLOW; /* e.g. January 31 + 1 month: -1267 as Informix */
    } else {
        int64_t t2 = dt_ticks(&x) + d;
        dt_from_ticks(t2, &z);
        if (z.f[0] < 1 || z.f[0] > 9999)
            return SRV_E_DT_OVERFLOW;
    }
    size_t n = ifx_dt_format(&z, SQ_TU_START(res.len), SQ_TU_END(res.len), txt, sizeof txt);
    out->kind = SQLITE_TEXT;
    out->p = sq_strndup(txt, n);
    out->n = n;
    return out->p ? 0 : SRV_E_NOMEM;
}

/* ---- coercion into a column's storage form -------------------------------------- */

void ifx_sval_fini(struct srv_sval *v)
{
    sq_free(v->p);
    memset(v, 0, sizeof *v);
}

static int set_text(struct srv_sval *out, const char *p, size_t n)
{
    /* all n bytes: a NUL inside (CLOB data) must neither cut the copy short
     * nor leave out->n over the allocation, as sq_strndup did */
    out->kind = SQLITE_TEXT;
    out->p = n < SIZE_MAX ? sq_malloc(n + 1) : NULL;
    out->n = n;
    if (!out->p)
        return SRV_E_NOMEM;
    if (n)
        memcpy(out->p, p, n);
    out->p[n] = '\0';
    return 0;
}

/* Value as text (numbers printed the Informix way). */
static const char *value_text(sqlite3_value *v, char *tmp, size_t cap, size_t *n)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        *n = (size_t)snprintf(tmp, cap, "%lld", (long long)sqlite3_value_int64(v));
        return tmp;
    case SQLITE_FLOAT: {
        struct ifx_dec d;
        ifx_dec_from_double(sqlite3_value_double(v), &d);
        *n = ifx_dec_format(&d, SQ_DEC_FLOATING, tmp, cap);
        return tmp;
    }
    default: {
        const char *p = (const char *)sqlite3_value_text(v);
        *n = (size_t)sqlite3_value_bytes(v);
        return p ? p : "";
    }
    }
}

static int to_dec(sqlite3_value *v, struct ifx_dec *d)
{
    char tmp[64];
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        snprintf(tmp, sizeof tmp, "%lld", (long long)sqlite3_value_int64(v));
        return ifx_dec_parse(tmp, strlen(tmp), d) ? 0 : SRV_E_CHAR_TO_NUM;
    case SQLITE_FLOAT: {
        double f = sqlite3_value_double(v);
        if (!isfinite(f))
            return SRV_E_CHAR_TO_NUM;
        ifx_dec_from_double(f, d);
        return 0;
    }
    default: {
        const char *p = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        return p && ifx_dec_parse(p, n, d) ? 0 : SRV_E_CHAR_TO_NUM;
    }
    }
}

static int coerce_int(const struct ifx_type *ty, sqlite3_value *v, struct srv_sval *out)
{
    int64_t x;
    if (sqlite3_value_type(v) == SQLITE_INTEGER) {
        x = sqlite3_value_int64(v);
    } else {
        struct ifx_dec d;
        int rc = to_dec(v, &d);
        if (rc)
            return rc;
        if (!dec_to_int64(&d, &x))
            return SRV_E_INT_RANGE;
    }
    switch (ty->code) {
    case SQ_T_SMALLINT:
        if (x < -32767 || x > 32767)
            return SRV_E_SMALLINT_RANGE;
        break;
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
        if (x < -2147483647 || x > 2147483647)
            return SRV_E_INT_RANGE;
        break;
    default:
        if (x == INT64_MIN)
            return SRV_E_INT_RANGE;
        break;
    }
    out->kind = SQLITE_INTEGER;
    out->i = x;
    return 0;
}

static int coerce_dec(const struct ifx_type *ty, sqlite3_value *v, struct srv_sval *out)
{
    struct ifx_dec d;
    int rc = to_dec(v, &d);
    if (rc)
        return rc;
    unsigned p = SQ_DEC_PREC(ty->len), s = SQ_DEC_SCALE(ty->len);
    ifx_dec_round(&d, p, s);
    if (s != SQ_DEC_FLOATING && ifx_dec_int_digits(&d) > (int)(p - s))
        return SRV_E_DEC_OVERFLOW;
    char txt[2 * IFX_DEC_MAXDIG + 8];
    size_t n = ifx_dec_format(&d, s == SQ_DEC_FLOATING ? SQ_DEC_FLOATING : s, txt, sizeof txt);
    /* Hybrid storage: REAL when 15 significant digits hold the value exactly
     * (so SQL comparison, ordering and arithmetic work), else the exact text.
     * Arithmetic and comparisons on the >15-digit TEXT values are approximate. */
    if (ifx_dec_fits_real(&d)) {
        out->kind = SQLITE_FLOAT;
        out->f = strtod(txt, NULL);
        return 0;
    }
    return set_text(out, txt, n);
}

static int coerce_text(const struct ifx_type *ty, const char *p, size_t n, bool ansi,
                       struct srv_sval *out)
{
    size_t max;
    bool pad = ty->code == SQ_T_CHAR || ty->code == SQ_T_NCHAR;
    if (ty->code == SQ_T_VARCHAR || ty->code == SQ_T_NVARCHAR)
        max = SQ_VC_MAX(ty->len);
    else
        max = ty->len;
    /* Lengths count bytes of the database code set, and a cut never splits
     * a character (srv_charset.h). */
    size_t db_len, cut = srv_cs_fit(p, n, max, &db_len);
    if (db_len > max) {
        /* Informix truncates over-long strings silently except in ANSI
         * databases, where -1279 is raised unless only blanks are lost. */
        bool blanks = true;
        for (size_t k = cut; k < n; k++)
            if (p[k] != ' ')
                blanks = false;
        if (ansi && !blanks)
            return SRV_E_STR_TOO_LONG;
        n = cut;
        (void)srv_cs_fit(p, n, max, &db_len);
    }
    if (!pad)
        return set_text(out, p, n);
    size_t padded = n + (max - db_len); /* blanks up to max bytes in the db code set */
    out->kind = SQLITE_TEXT;
    out->p = sq_malloc(padded + 1);
    if (!out->p)
        return SRV_E_NOMEM;
    memcpy(out->p, p, n);
    memset(out->p + n, ' ', padded - n);
    out->p[padded] = '\0';
    out->n = padded;
    return 0;
}

static int coerce_string(const struct ifx_type *ty, sqlite3_value *v, bool ansi,
                         struct srv_sval *out)
{
    char tmp[128];
    size_t n;
    const char *p = value_text(v, tmp, sizeof tmp, &n);
    return coerce_text(ty, p, n, ansi, out);
}

static int coerce_date(sqlite3_value *v, struct srv_sval *out)
{
    int y, m, d;
    int t = sqlite3_value_type(v);
    if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        int64_t days = sqlite3_value_int64(v);
        if (days < -693594 || days > 2958464)
            return SRV_E_BAD_YEAR;
        ifx_days_to_date(days, &y, &m, &d);
    } else {
        const char *p = (const char *)sqlite3_value_text(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        if (!p)
            return SRV_E_DATE_CONV;
        int rc = ifx_date_parse(p, n, &y, &m, &d);
        if (rc == SRV_E_DATE_CONV && n > 10 && (p[10] == ' ' || p[10] == 'T')) {
            /* A full timestamp: keep its date part (lenient, see header). */
            struct ifx_dt dt;
            if (ifx_dt_parse(p, n, SQ_TU_YEAR, SQ_TU_F5, &dt) == 0)
                rc = ifx_date_parse(p, 10, &y, &m, &d);
        }
        if (rc)
            return rc;
    }
    char txt[16];
    snprintf(txt, sizeof txt, "%04d-%02d-%02d", y, m, d);
    return set_text(out, txt, 10);
}

int ifx_coerce(const struct ifx_type *ty, sqlite3_value *v, bool ansi, struct srv_sval *out)
{
    memset(out, 0, sizeof *out);
    int t = sqlite3_value_type(v);
    if (t == SQLITE_NULL) {
        if (ifx_type_is_serial(ty->code)) {
            out->kind = SQLITE_INTEGER; /* NULL asks for a generated value, like 0 */
            return 0;
        }
        out->kind = SQLITE_NULL;
        return 0;
    }
    if (ifx_type_is_int(ty->code))
        return coerce_int(ty, v, out);
    switch (ty->code) {
    case SQ_T_FLOAT:
    case SQ_T_SMALLFLOAT: {
        double f;
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            f = sqlite3_value_double(v);
        } else {
            struct ifx_dec d;
            const char *p = (const char *)sqlite3_value_text(v);
            size_t n = (size_t)sqlite3_value_bytes(v);
            if (!p || !ifx_dec_parse(p, n, &d))
                return SRV_E_CHAR_TO_NUM;
            char *tmp = sq_strndup(p, n);
            if (!tmp)
                return SRV_E_NOMEM;
            f = strtod(tmp, NULL);
            sq_free(tmp);
        }
        if (ty->code == SQ_T_SMALLFLOAT)
            f = (double)(float)f;
        out->kind = SQLITE_FLOAT;
        out->f = f;
        return 0;
    }
    case SQ_T_DECIMAL:
    case SQ_T_MONEY:
        return coerce_dec(ty, v, out);
    case SQ_T_DATE:
        return coerce_date(v, out);
    case SQ_T_DATETIME: {
        if (t != SQLITE_TEXT && t != SQLITE_BLOB)
            return SRV_E_DT_NONNUM;
        struct ifx_dt dt;
        int rc = ifx_dt_parse((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
                              SQ_TU_START(ty->len), SQ_TU_END(ty->len), &dt);
        if (rc)
            return rc;
        char txt[40];
        size_t n = ifx_dt_format(&dt, SQ_TU_START(ty->len), SQ_TU_END(ty->len), txt, sizeof txt);
        return set_text(out, txt, n);
    }
    case SQ_T_INTERVAL: {
        /* Stored as the total in the class's smallest unit (see iv_unit). A
         * number is such a total already (from another INTERVAL column or
         * expression); text is an INTERVAL literal in the qualifier's shape. */
        int64_t total;
        int rc;
        if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
            double fv = sqlite3_value_double(v);
            if (t == SQLITE_FLOAT && !(fv > -9.2e18 && fv < 9.2e18))
                return SRV_E_DT_RANGE;
            total = t == SQLITE_INTEGER ? sqlite3_value_int64(v) : (int64_t)fv;
            rc = ifx_iv_coerce_total(total, ty->len, &total);
        } else {
            const char *p = (const char *)sqlite3_value_text(v);
            rc = p ? ifx_iv_to_total(p, (size_t)sqlite3_value_bytes(v), ty->len, &total)
                   : SRV_E_NOMEM;
        }
        if (rc)
            return rc;
        out->kind = SQLITE_INTEGER;
        out->i = total;
        return 0;
    }
    case IFX_T_BOOLEAN: {
        if (t == SQLITE_INTEGER) {
            int64_t x = sqlite3_value_int64(v);
            if (x != 0 && x != 1)
                return SRV_E_CHAR_TO_NUM;
            out->kind = SQLITE_INTEGER;
            out->i = x;
            return 0;
        }
        char tmp[64];
        size_t n;
        const char *p = value_text(v, tmp, sizeof tmp, &n);
        while (n > 0 && p[n - 1] == ' ')
            n--;
        while (n > 0 && *p == ' ')
            p++, n--;
        if (n != 1 || !strchr("tTfF10", p[0]))
            return SRV_E_CHAR_TO_NUM;
        out->kind = SQLITE_INTEGER;
        out->i = strchr("tT1", p[0]) ? 1 : 0;
        return 0;
    }
    case SQ_T_CHAR:
    case SQ_T_NCHAR:
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR:
    case IFX_T_LVARCHAR:
        return coerce_string(ty, v, ansi, out);
    case SQ_T_BYTE:
    case SQ_T_UDTFIXED:
        if (ty->code == SQ_T_UDTFIXED && ty->xid == SQ_XID_CLOB)
            break;
    {
        /* n bytes plus a NUL of our own (the value has only n: reading n + 1
         * overran it, seen once BYTE parameters could be bound) */
        const void *src = sqlite3_value_blob(v);
        out->kind = SQLITE_BLOB;
        out->n = (size_t)sqlite3_value_bytes(v);
        out->p = sq_malloc(out->n + 1);
        if (!out->p)
            return SRV_E_NOMEM;
        if (out->n && src)
            memcpy(out->p, src, out->n);
        out->p[out->n] = '\0';
        return 0;
    }
    default:
        break;
    }
    char tmp[128];
    size_t n;
    const char *p = value_text(v, tmp, sizeof tmp, &n);
    return set_text(out, p, n);
}

int ifx_cast_from(const struct ifx_type *from, const struct ifx_type *to, sqlite3_value *v,
                  struct srv_sval *out)
{
    int t = sqlite3_value_type(v);
    if (from->code == SQ_T_INTERVAL && (t == SQLITE_INTEGER || t == SQLITE_FLOAT) &&
        to->code != SQ_T_INTERVAL) {
        /* The stored total means nothing outside its qualifier: cast its
         * literal text ("-12 03:04:05.000"), as Informix prints it. */
        memset(out, 0, sizeof *out);
        if (!ifx_type_is_char(to->code))
            return SRV_E_DT_ARITH; /* INTERVAL to a number or a date */
        char txt[64];
        int rc = ifx_iv_from_total(sqlite3_value_int64(v), from->len, txt, sizeof txt);
        if (rc)
            return rc;
        return coerce_text(to, txt, strlen(txt), false, out);
    }
    return ifx_coerce(to, v, false, out);
}
