/* SPDX-License-Identifier: MIT */
/* srv_value.c - ifxlite's value codecs (doc §9.4-§9.6, PROTOCOL.md "Values").
 * Written from the protocol document alone, independently of the driver's
 * value code. Decimals go through one exact digit-string form (struct num);
 * DATETIME/INTERVAL are decimals whose point sits after the qualifier's last
 * non-FRACTION field (PROTOCOL.md, doc §17.4), normalised like any decimal. */
#include "srv_value.h"
#include "srv_lofile.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sq_types.h"
#include "sq_limits.h"
#include "sq_wr.h"
#include "sq_rd.h"

#define SRV_E_SMALLINT_RANGE (-1214) /* value too large to fit in a SMALLINT */
#define SRV_E_INT_RANGE (-1215)      /* value too large to fit in an INTEGER */

/* ------------------------------------------------------------------------ */
/* Exact decimal numbers: value = 0.d[0]d[1]...d[nd-1] x 10^e, d[0] != 0,  */
/* no trailing zero digits; nd == 0 is zero.                                */

#define NUM_MAX 160

struct num {
    bool neg;
    int e;
    uint8_t d[NUM_MAX];
    size_t nd;
};

static void num_trim(struct num *x)
{
    size_t lead = 0;
    while (lead < x->nd && x->d[lead] == 0)
        lead++;
    if (lead) {
        memmove(x->d, x->d + lead, x->nd - lead);
        x->nd -= lead;
        x->e -= (int)lead;
    }
    while (x->nd && x->d[x->nd - 1] == 0)
        x->nd--;
    if (!x->nd) {
        x->e = 0;
        x->neg = false;
    }
}

/* Text: [spaces][+-]digits[.digits][(e|E)[+-]digits][spaces]. */
static bool num_parse(const char *s, size_t n, struct num *x)
{
    size_t i = 0;
    memset(x, 0, sizeof *x);
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        x->neg = s[i++] == '-';
    bool any = false, seen_point = false, started = false;
    int intdigits = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (!started && c == '0') {
                if (seen_point && --intdigits < -10000)
                    return false; /* a leading zero after the point shifts the value */
                continue;
            }
            started = true;
            if (x->nd < NUM_MAX)
                x->d[x->nd++] = (uint8_t)(c - '0');
            if (!seen_point)
                intdigits++;
            if (intdigits > 10000)
                return false;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (!any)
        return false;
    long ex = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (ex < 100000)
                ex = ex * 10 + (s[i] - '0');
            i++;
        }
        if (i == start || ex > 10000)
            return false;
        if (eneg)
            ex = -ex;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i != n)
        return false;
    x->e = intdigits + (int)ex;
    num_trim(x);
    return true;
}

/* Keep `keep` significant digits, rounding half away from zero. */
static void num_round(struct num *x, long keep)
{
    if (keep >= (long)x->nd)
        return;
    if (keep < 0) {
        x->nd = 0;
        num_trim(x);
        return;
    }
    bool up = x->d[keep] >= 5;
    x->nd = (size_t)keep;
    if (up) {
        size_t i = x->nd;
        while (i > 0 && x->d[i - 1] == 9) {
            x->d[i - 1] = 0;
            i--;
        }
        if (i == 0) {
            x->d[0] = 1;
            x->nd = 1;
            x->e += 1;
        } else {
            x->d[i - 1]++;
        }
    }
    num_trim(x);
}

/* Stored decimal form into exactly `width` bytes (width >= 1). Zero is 0xC0
 * (positive, exponent 0, no digits): our choice for doc §17.15. */
static int num_to_dec(const struct num *x, uint8_t *out, size_t width)
{
    memset(out, 0, width);
    if (width < 1)
        return SRV_E_DEC_OVERFLOW;
    if (x->nd == 0) {
        out[0] = 0xC0;
        return 0;
    }
    uint8_t dig[NUM_MAX + 2];
    size_t nd = 0;
    int e = x->e;
    if (e % 2 != 0) {
        dig[nd++] = 0;
        e += 1;
    }
    memcpy(dig + nd, x->d, x->nd);
    nd += x->nd;
    if (nd % 2)
        dig[nd++] = 0;
    size_t npairs = nd / 2;
    int exp100 = e / 2;
    if (npairs > width - 1 || exp100 < -64 || exp100 > 63)
        return SRV_E_DEC_OVERFLOW;
    uint8_t pairs[NUM_MAX / 2 + 1];
    for (size_t k = 0; k < npairs; k++)
        pairs[k] = (uint8_t)(dig[2 * k] * 10 + dig[2 * k + 1]);
    /* trailing zero pairs cannot occur: the last significant digit is non-zero
     * and sits in the last pair */
    if (x->neg) {
        out[0] = (uint8_t)(((unsigned)(exp100 + 64) ^ 0x7Fu) & 0x7Fu);
        for (size_t k = npairs; k-- > 0;)
            out[1 + k] = (uint8_t)(k == npairs - 1 ? 100 - pairs[k] : 99 - pairs[k]);
    } else {
        out[0] = (uint8_t)(0x80u | (unsigned)(exp100 + 64));
        memcpy(out + 1, pairs, npairs);
    }
    return 0;
}

/* Stored decimal bytes into a num. *is_null when byte 0 is 0x00. */
static bool dec_to_num(const uint8_t *b, size_t n, struct num *x, bool *is_null)
{
    memset(x, 0, sizeof *x);
    *is_null = false;
    if (n < 1)
        return false;
    if (b[0] == 0) {
        *is_null = true;
        return true;
    }
    if (n - 1 > NUM_MAX / 2)
        return false;
    x->neg = !(b[0] & 0x80u);
    unsigned ex = b[0] & 0x7Fu;
    if (x->neg)
        ex ^= 0x7Fu;
    int exp100 = (int)ex - 64;
    size_t last = 0; /* 1 + index of the last non-zero digit byte */
    for (size_t k = 1; k < n; k++) {
        if (b[k] > 99)
            return false;
        if (b[k])
            last = k;
    }
    for (size_t k = 1; k < n; k++) {
        unsigned d = b[k];
        if (x->neg && k <= last)
            d = k == last ? 100 - d : 99 - d;
        x->d[x->nd++] = (uint8_t)(d / 10);
        x->d[x->nd++] = (uint8_t)(d % 10);
    }
    x->e = exp100 * 2;
    num_trim(x);
    return true;
}

/* Plain text "-123.45" / "0.001" / "0". False if it does not fit. */
static bool num_to_text(const struct num *x, char *out, size_t outsz)
{
    size_t o = 0;
#define PUT(ch)                                                                                    \
    do {                                                                                           \
        if (o + 1 >= outsz)                                                                        \
            return false;                                                                          \
        out[o++] = (ch);                                                                           \
    } while (0)
    if (x->nd == 0) {
        PUT('0');
        out[o] = '\0';
        return true;
    }
    if (x->neg)
        PUT('-');
    if (x->e <= 0) {
        PUT('0');
    } else {
        for (int i = 0; i < x->e; i++)
            PUT((char)('0' + ((size_t)i < x->nd ? x->d[i] : 0)));
    }
    if ((long)x->nd > (long)x->e) {
        PUT('.');
        for (int i = x->e; i < 0; i++)
            PUT('0');
        for (size_t i = x->e > 0 ? (size_t)x->e : 0; i < x->nd; i++)
            PUT((char)('0' + x->d[i]));
    }
#undef PUT
    out[o] = '\0';
    return true;
}

/* ------------------------------------------------------------------------ */
/* DECIMAL / MONEY                                                           */

size_t srv_dec_width(uint32_t enc_len)
{
    unsigned p = SQ_DEC_PREC(enc_len), s = SQ_DEC_SCALE(enc_len);
    if (p == 0)
        p = 16; /* DECIMAL without precision is DECIMAL(16) */
    return SQ_DECLEN(p, s);
}

/* Base-100 digits m * 100^-nf2 into the stored form (num_to_dec's layout:
 * pairs aligned on the point, no leading or trailing zero pairs, zero is
 * 0xC0). out is zeroed first; width >= 1. 0 or SRV_E_DEC_OVERFLOW. */
static int pairs_to_dec(bool neg, uint64_t m, int nf2, uint8_t *out, size_t width)
{
    memset(out, 0, width);
    if (m == 0) {
        out[0] = 0xC0;
        return 0;
    }
    uint8_t pr[12]; /* least significant first; m < 10^19 */
    unsigned np = 0;
    while (m) {
        pr[np++] = (uint8_t)(m % 100u);
        m /= 100u;
    }
    int exp100 = (int)np - nf2;
    unsigned lo = 0;
    while (pr[lo] == 0)
        lo++; /* trailing zero pairs; pr[np - 1] != 0 ends the loop */
    size_t cnt = np - lo;
    if (cnt > width - 1 || exp100 < -64 || exp100 > 63)
        return SRV_E_DEC_OVERFLOW;
    if (neg) {
        out[0] = (uint8_t)(((unsigned)(exp100 + 64) ^ 0x7Fu) & 0x7Fu);
        for (size_t k = 0; k < cnt; k++) {
            unsigned d = pr[np - 1 - k];
            out[1 + k] = (uint8_t)(k == cnt - 1 ? 100 - d : 99 - d);
        }
    } else {
        out[0] = (uint8_t)(0x80u | (unsigned)(exp100 + 64));
        for (size_t k = 0; k < cnt; k++)
            out[1 + k] = pr[np - 1 - k];
    }
    return 0;
}

/* Number of decimal digits of m (1 for 0). */
static unsigned u64_digits(uint64_t m)
{
    unsigned nd = 1;
    while (m >= 10) {
        m /= 10;
        nd++;
    }
    return nd;
}

/* Fast path of srv_dec_from_text for what the engine produces on every fetch:
 * plain "[-]digits[.digits]" with at most 17 digits that needs no rounding.
 * The value is exactly m * 10^-nf; it is packed straight into base-100 digits
 * with the general path's overflow rule. Returns 1 when the text is not of
 * that kind (the general path then decides), else 0 or SRV_E_DEC_OVERFLOW
 * exactly as the general path would. */
static int dec_from_text_fast(const char *s, size_t n, unsigned p, unsigned sc, uint8_t *out,
                              size_t width)
{
    size_t i = 0;
    bool neg = false;
    if (width < 1)
        return 1;
    if (i < n && s[i] == '-') {
        neg = true;
        i++;
    }
    uint64_t m = 0;
    size_t ndig = 0, nf = 0;
    for (; i < n; i++) {
        unsigned dg = (unsigned)(unsigned char)s[i] - '0';
        if (dg > 9)
            break;
        if (++ndig > 17)
            return 1;
        m = m * 10 + dg;
    }
    if (i < n && s[i] == '.') {
        for (i++; i < n; i++) {
            unsigned dg = (unsigned)(unsigned char)s[i] - '0';
            if (dg > 9)
                break;
            if (++ndig > 17)
                return 1;
            m = m * 10 + dg;
            nf++;
        }
    }
    if (i != n || ndig == 0)
        return 1;
    while (nf > 0 && m % 10 == 0) {
        m /= 10;
        nf--;
    }
    if (m != 0) {
        if (sc == SQ_DEC_FLOATING) {
            uint64_t t = m;
            while (t % 10 == 0)
                t /= 10;
            if (u64_digits(t) > p)
                return 1; /* needs rounding to p significant digits */
        } else {
            if (nf > sc)
                return 1; /* needs rounding to the scale */
            if ((int)u64_digits(m) - (int)nf > (int)p - (int)sc) {
                memset(out, 0, width);
                return SRV_E_DEC_OVERFLOW;
            }
        }
    }
    if (nf % 2) {
        m *= 10; /* m < 10^17 */
        nf++;
    }
    return pairs_to_dec(neg, m, (int)(nf / 2), out, width);
}

int srv_dec_from_text(const char *s, size_t n, uint32_t enc_len, uint8_t *out, size_t width)
{
    struct num x;
    unsigned p = SQ_DEC_PREC(enc_len), sc = SQ_DEC_SCALE(enc_len);
    if (p == 0)
        p = 16;
    int frc = dec_from_text_fast(s, n, p, sc, out, width);
    if (frc != 1)
        return frc;
    if (!num_parse(s, n, &x)) {
        memset(out, 0, width);
        return SRV_E_CONVERT;
    }
    if (sc == SQ_DEC_FLOATING) {
        num_round(&x, (long)p);
    } else {
        num_round(&x, (long)x.e + (long)sc);
        if (x.nd && x.e > (int)p - (int)sc) {
            memset(out, 0, width);
            return SRV_E_DEC_OVERFLOW;
        }
    }
    return num_to_dec(&x, out, width);
}

int srv_dec_to_text(const uint8_t *b, size_t n, char *out, size_t outsz, bool *is_null)
{
    struct num x;
    if (!dec_to_num(b, n, &x, is_null))
        return SRV_E_CONVERT;
    if (*is_null) {
        if (outsz)
            out[0] = '\0';
        return 0;
    }
    return num_to_text(&x, out, outsz) ? 0 : SRV_E_CONVERT;
}

/* |u| as decimal digits, zero-padded on the left to at least `minw` digits,
 * with a point before the last `scale` of them: "12.50", "0.05", "3".
 * Returns the length, 0 if it does not fit in cap (with the NUL). */
static size_t scaled_text(bool neg, uint64_t u, unsigned scale, char *out, size_t cap)
{
    char dig[96];
    size_t nd = 0;
    do {
        dig[nd++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (nd < (size_t)scale + 1)
        dig[nd++] = '0'; /* dig is least significant first */
    size_t need = (neg ? 1 : 0) + nd + (scale ? 1 : 0) + 1;
    if (need > cap)
        return 0;
    size_t o = 0;
    if (neg)
        out[o++] = '-';
    for (size_t k = nd; k-- > 0;) {
        out[o++] = dig[k];
        if (k == scale && scale)
            out[o++] = '.';
    }
    out[o] = '\0';
    return o;
}

size_t srv_dec_text_from_double(double v, unsigned scale, char *out, size_t cap)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    /* 10^k exactly representable as doubles for k <= 22 */
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (scale > 22 || !(v > -1e15 && v < 1e15))
        return 0; /* NaN, infinities, 16+ integer digits: general path */
    /* sc: the largest scale <= `scale` at which v * 10^sc stays below 10^15
     * (a 15-digit decimal with e integer digits has at most 15 - e fraction
     * digits, so no candidate is lost). */
    unsigned sc = scale;
    double x = v * p10[sc];
    while (!(x > -1e15 && x < 1e15) && sc > 0)
        x = v * p10[--sc];
    if (!(x > -1e15 && x < 1e15))
        return 0;
    int64_t r = (int64_t)(x < 0 ? x - 0.5 : x + 0.5);
    if (r <= -1000000000000000LL || r >= 1000000000000000LL)
        return 0;
    /* r and 10^sc are exact doubles and IEEE division rounds correctly, so
     * this is the double nearest to r / 10^sc: when it is v, the decimal
     * r / 10^sc (<= 15 significant digits, <= scale fraction digits) is what
     * "%.15g" gives for v, and rounding it to `scale` digits changes nothing. */
    if ((double)r / p10[sc] != v)
        return 0;
    size_t n = scaled_text(r < 0, r < 0 ? (uint64_t)0 - (uint64_t)r : (uint64_t)r, sc, out, cap);
    if (n == 0 || sc == scale)
        return n;
    size_t extra = (scale - sc) + (sc == 0 ? 1 : 0); /* zeros up to the scale, '.' */
    if (n + extra + 1 > cap)
        return 0;
    if (sc == 0)
        out[n++] = '.';
    memset(out + n, '0', scale - sc);
    n += scale - sc;
    out[n] = '\0';
    return n;
#else
    (void)v;
    (void)scale;
    (void)out;
    (void)cap;
    return 0; /* excess precision would break the exactness argument */
#endif
}

size_t srv_dec_text_from_int(int64_t v, unsigned scale, char *out, size_t cap)
{
    if (scale > 64)
        return 0; /* also SQ_DEC_FLOATING: rounding to p digits, general path */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char dig[24];
    size_t nd = 0;
    do {
        dig[nd++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t need = (v < 0 ? 1 : 0) + nd + (scale ? 1 + (size_t)scale : 0) + 1;
    if (need > cap)
        return 0;
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    while (nd > 0)
        out[o++] = dig[--nd];
    if (scale) {
        out[o++] = '.';
        memset(out + o, '0', scale);
        o += scale;
    }
    out[o] = '\0';
    return o;
}

size_t srv_dec_text_to_scale(const char *s, size_t n, unsigned scale, char *out, size_t cap)
{
    if (scale > 64)
        return 0;
    size_t i = 0;
    bool neg = false;
    if (i < n && s[i] == '-') {
        neg = true;
        i++;
    }
    size_t is = i;
    while (i < n && (unsigned)(unsigned char)s[i] - '0' <= 9u)
        i++;
    size_t ie = i, fs = i, fe = i;
    if (i < n && s[i] == '.') {
        fs = ++i;
        while (i < n && (unsigned)(unsigned char)s[i] - '0' <= 9u)
            i++;
        fe = i;
    }
    if (i != n || (ie == is && fe == fs) || (ie - is) + (fe - fs) > 64)
        return 0;
    while (fe > fs + scale && s[fe - 1] == '0')
        fe--; /* zeros beyond the scale: nothing to round */
    if (fe - fs > scale)
        return 0; /* rounding: the general path */
    while (is < ie && s[is] == '0')
        is++;
    bool nonzero = is < ie;
    for (size_t k = fs; k < fe && !nonzero; k++)
        nonzero = s[k] != '0';
    size_t need = (neg && nonzero ? 1 : 0) + (ie > is ? ie - is : 1) + (scale ? 1 + scale : 0) + 1;
    if (need > cap)
        return 0;
    size_t o = 0;
    if (neg && nonzero)
        out[o++] = '-';
    if (ie > is) {
        memcpy(out + o, s + is, ie - is);
        o += ie - is;
    } else {
        out[o++] = '0';
    }
    if (scale) {
        out[o++] = '.';
        if (fe > fs)
            memcpy(out + o, s + fs, fe - fs);
        memset(out + o + (fe - fs), '0', scale - (fe - fs));
        o += scale;
    }
    out[o] = '\0';
    return o;
}

/* ------------------------------------------------------------------------ */
/* DATETIME / INTERVAL                                                       */

struct dtq {
    unsigned start, end;
    unsigned nint; /* YEAR..SECOND fields in the qualifier */
    unsigned lead; /* digits of the leading field */
    unsigned I, F; /* integer and fraction digits */
};

static bool dtq_parse(uint32_t q, struct dtq *o)
{
    unsigned len = SQ_TU_LEN(q);
    o->start = SQ_TU_START(q);
    o->end = SQ_TU_END(q);
    /* FRACTION (12) TO FRACTION(1) (11) ends "before" it starts */
    if ((o->end < o->start && !(o->start == SQ_TU_FRAC && o->end >= SQ_TU_F1)) ||
        (o->start <= SQ_TU_SECOND && o->start % 2) ||
        (o->end <= SQ_TU_SECOND && o->end % 2))
        return false;
    o->F = o->end > SQ_TU_SECOND ? o->end - SQ_TU_SECOND : 0;
    if (o->start > SQ_TU_SECOND) { /* FRACTION TO FRACTION(n) */
        o->nint = 0;
        o->lead = 0;
        o->I = 0;
        return true;
    }
    unsigned last = o->end >= SQ_TU_SECOND ? SQ_TU_SECOND : o->end;
    o->nint = (last - o->start) / 2 + 1;
    if (len < o->F)
        return false;
    o->I = len - o->F;
    if (o->I < 2 * (o->nint - 1) + 1)
        return false;
    o->lead = o->I - 2 * (o->nint - 1);
    if (o->lead > 9 || o->I + o->F > 32)
        return false;
    return true;
}

size_t srv_dt_width(uint32_t qual)
{
    struct dtq q;
    if (!dtq_parse(qual, &q))
        return 0;
    return 1 + (q.I + 1) / 2 + (q.F + 1) / 2;
}

static char dt_sep_before(unsigned tu)
{
    switch (tu) {
    case SQ_TU_MONTH:
    case SQ_TU_DAY:
        return '-';
    case SQ_TU_HOUR:
        return ' ';
    default:
        return ':';
    }
}

/* Fast path of srv_dt_from_text for a DATETIME in the canonical layout the
 * engine hands out on every fetch: the leading field with exactly q->lead
 * digits, each further field as its canonical separator ('-' '-' ' ' ':' ':')
 * and 2 digits, then '.' and exactly q->F digits when the qualifier has a
 * FRACTION, nothing else. The general path reads such text to the same digit
 * string; here the digits are paired on the point directly. Returns 1 when
 * the text is not in that layout (the general path decides), else 0 or
 * SRV_E_DT_BADVALUE like the general path. out is already zeroed. */
static int dt_from_text_fast(const char *s, size_t n, const struct dtq *q, uint8_t *out,
                             size_t width)
{
    uint8_t dig[48];
    size_t nd = 0, i = 0;
    if (q->nint == 0)
        return 1;
    if (q->I % 2)
        dig[nd++] = 0; /* align the pairs on the point */
    for (unsigned k = 0; k < q->nint; k++) {
        size_t w = k == 0 ? q->lead : 2;
        if (k > 0) {
            if (i >= n || s[i] != dt_sep_before(q->start + 2 * k))
                return 1;
            i++;
        }
        if (n - i < w)
            return 1;
        for (size_t z = 0; z < w; z++) {
            unsigned dg = (unsigned)(unsigned char)s[i + z] - '0';
            if (dg > 9)
                return 1;
            dig[nd++] = (uint8_t)dg;
        }
        i += w;
    }
    if (q->F) {
        if (i >= n || s[i] != '.' || n - i - 1 != q->F)
            return 1;
        for (i++; i < n; i++) {
            unsigned dg = (unsigned)(unsigned char)s[i] - '0';
            if (dg > 9)
                return 1;
            dig[nd++] = (uint8_t)dg;
        }
    }
    if (i != n)
        return 1;
    if (nd % 2)
        dig[nd++] = 0;
    size_t np = nd / 2, lo = 0, hi = np;
    int exp100 = (int)(q->I + q->I % 2) / 2;
    uint8_t pr[24];
    for (size_t k = 0; k < np; k++)
        pr[k] = (uint8_t)(dig[2 * k] * 10 + dig[2 * k + 1]);
    while (lo < np && pr[lo] == 0)
        lo++;
    if (lo == np) {
        out[0] = 0xC0; /* all zero: num_to_dec's zero */
        return 0;
    }
    while (pr[hi - 1] == 0)
        hi--;
    exp100 -= (int)lo;
    if (hi - lo > width - 1 || exp100 < -64 || exp100 > 63)
        return SRV_E_DT_BADVALUE;
    out[0] = (uint8_t)(0x80u | (unsigned)(exp100 + 64));
    memcpy(out + 1, pr + lo, hi - lo);
    return 0;
}

int srv_dt_from_text(const char *s, size_t n, uint32_t qual, bool is_interval, uint8_t *out,
                     size_t width)
{
    struct dtq q;
    memset(out, 0, width);
    if (!dtq_parse(qual, &q) || width < 1 + (q.I + 1) / 2 + (q.F + 1) / 2) /* srv_dt_width */
        return SRV_E_DT_BADVALUE;
    if (!is_interval) {
        int frc = dt_from_text_fast(s, n, &q, out, width);
        if (frc != 1)
            return frc;
        memset(out, 0, width);
    }
    size_t i = 0;
    struct num x;
    memset(&x, 0, sizeof x);
    while (i < n && s[i] == ' ')
        i++;
    if (is_interval && i < n && (s[i] == '-' || s[i] == '+'))
        x.neg = s[i++] == '-';
    for (unsigned k = 0; k < q.nint; k++) {
        unsigned w = k == 0 ? q.lead : 2;
        if (k > 0) {
            if (i >= n || (s[i] >= '0' && s[i] <= '9'))
                return SRV_E_DT_BADVALUE;
            i++; /* any one separator: '-', ' ', ':', 'T' */
            while (s[i - 1] == ' ' && i < n && s[i] == ' ')
                i++;
        }
        size_t start = i;
        unsigned long long v = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 18) {
            v = v * 10 + (unsigned)(s[i] - '0');
            i++;
        }
        if (i == start)
            return SRV_E_DT_BADVALUE;
        unsigned long long lim = 1;
        for (unsigned z = 0; z < w; z++)
            lim *= 10;
        if (v >= lim)
            return SRV_E_DT_BADVALUE;
        for (unsigned z = w; z-- > 0;) {
            x.d[x.nd + z] = (uint8_t)(v % 10);
            v /= 10;
        }
        x.nd += w;
    }
    if (i < n && (s[i] == '.' || (q.nint == 0 && s[i] >= '0' && s[i] <= '9'))) {
        /* FRACTION TO FRACTION(n) is written without the point ("123"); ".123" is read too */
        if (s[i] == '.')
            i++;
        unsigned taken = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (taken < q.F)
                x.d[x.nd + taken++] = (uint8_t)(s[i] - '0');
            i++; /* digits beyond the qualifier's FRACTION are dropped */
        }
    }
    x.nd += q.F; /* missing fraction digits are zero (x was zeroed) */
    while (i < n && s[i] == ' ')
        i++;
    if (i != n)
        return SRV_E_DT_BADVALUE;
    x.e = (int)q.I;
    num_trim(&x);
    return num_to_dec(&x, out, width) == 0 ? 0 : SRV_E_DT_BADVALUE;
}

int srv_dt_to_text(const uint8_t *b, size_t n, uint32_t qual, bool is_interval, char *out,
                   size_t outsz, bool *is_null)
{
    struct dtq q;
    struct num x;
    if (!dtq_parse(qual, &q) || !dec_to_num(b, n, &x, is_null))
        return SRV_E_DT_BADVALUE;
    if (*is_null) {
        if (outsz)
            out[0] = '\0';
        return 0;
    }
    if (x.neg && !is_interval)
        return SRV_E_DT_BADVALUE;
    /* digit with place value 10^j (j = 0 units) of the integer part */
    for (size_t i = 0; i < x.nd; i++) {
        long place = (long)x.e - 1 - (long)i;
        if (place >= (long)q.I && x.d[i])
            return SRV_E_DT_BADVALUE;
    }
    char digits[40];
    for (unsigned k = 0; k < q.I; k++) {
        long i = (long)x.e - 1 - (long)(q.I - 1 - k);
        digits[k] = (char)('0' + ((i >= 0 && (size_t)i < x.nd) ? x.d[i] : 0));
    }
    for (unsigned k = 1; k <= q.F; k++) {
        long i = (long)x.e - 1 + (long)k;
        digits[q.I + k - 1] = (char)('0' + ((i >= 0 && (size_t)i < x.nd) ? x.d[i] : 0));
    }
    size_t o = 0;
    char tmp[64];
    if (x.neg)
        tmp[o++] = '-';
    unsigned pos = 0;
    for (unsigned k = 0; k < q.nint; k++) {
        unsigned w = k == 0 ? q.lead : 2;
        if (k > 0)
            tmp[o++] = dt_sep_before(q.start + 2 * k);
        unsigned first = pos;
        if (k == 0 && is_interval) { /* interval leading field: no zero padding */
            while (first + 1 < pos + w && digits[first] == '0')
                first++;
        }
        for (unsigned z = first; z < pos + w; z++)
            tmp[o++] = digits[z];
        pos += w;
    }
    if (q.F) {
        if (q.nint)
            tmp[o++] = '.';
        for (unsigned z = 0; z < q.F; z++)
            tmp[o++] = digits[q.I + z];
    }
    if (o + 1 > outsz)
        return SRV_E_DT_BADVALUE;
    memcpy(out, tmp, o);
    out[o] = '\0';
    return 0;
}

/* ------------------------------------------------------------------------ */
/* DATE                                                                      */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

#define DATE_BASE (-25568) /* days_from_civil(1899, 12, 31): Informix day 0 */

void srv_date_to_text(int32_t days, char out[16])
{
    int64_t y;
    unsigned m, d;
    char tmp[64];
    civil_from_days((int64_t)days + DATE_BASE, &y, &m, &d);
    /* |days| < 2^31 keeps the year within 7 digits: at most 15 characters */
    snprintf(tmp, sizeof tmp, "%04lld-%02u-%02u", (long long)y, m % 100u, d % 100u);
    size_t n = strnlen(tmp, 15);
    memcpy(out, tmp, n);
    out[n] = '\0';
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int srv_date_from_text(const char *s, size_t n, int32_t *days)
{
    unsigned f[3] = {0, 0, 0};
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    for (int k = 0; k < 3; k++) {
        if (k > 0) {
            if (i >= n || s[i] != '-')
                return SRV_E_BADDATE;
            i++;
        }
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < (k == 0 ? 4u : 2u))
            f[k] = f[k] * 10 + (unsigned)(s[i++] - '0');
        if (i == start)
            return SRV_E_BADDATE;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i != n || f[0] < 1 || f[1] < 1 || f[1] > 12 || f[2] < 1)
        return SRV_E_BADDATE;
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned maxd = mdays[f[1] - 1] + (f[1] == 2 && is_leap(f[0]) ? 1 : 0);
    if (f[2] > maxd)
        return SRV_E_BADDATE;
    *days = (int32_t)(days_from_civil(f[0], f[1], f[2]) - DATE_BASE);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* INT8                                                                      */

void srv_int8_put(uint8_t out[10], int64_t v, bool is_null)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint16_t sign = is_null ? 0 : v < 0 ? 0xFFFFu : 1u;
    if (is_null)
        mag = 0;
    uint32_t lo = (uint32_t)mag, hi = (uint32_t)(mag >> 32);
    out[0] = (uint8_t)(sign >> 8);
    out[1] = (uint8_t)sign;
    out[2] = (uint8_t)(lo >> 24);
    out[3] = (uint8_t)(lo >> 16);
    out[4] = (uint8_t)(lo >> 8);
    out[5] = (uint8_t)lo;
    out[6] = (uint8_t)(hi >> 24);
    out[7] = (uint8_t)(hi >> 16);
    out[8] = (uint8_t)(hi >> 8);
    out[9] = (uint8_t)hi;
}

bool srv_int8_get(const uint8_t in[10], int64_t *v, bool *is_null)
{
    int16_t sign = (int16_t)sq_load_u16(in);
    uint64_t mag = (uint64_t)sq_load_u32(in + 6) << 32 | sq_load_u32(in + 2);
    *is_null = sign == 0;
    *v = 0;
    if (*is_null)
        return true;
    if (sign == 1) {
        if (mag > (uint64_t)INT64_MAX)
            return false;
        *v = (int64_t)mag;
        return true;
    }
    if (sign == -1) {
        if (mag > (uint64_t)INT64_MAX + 1u)
            return false;
        *v = mag == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)mag;
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static bool col_is_boolean(const struct srv_col *c)
{
    uint16_t t = SQ_T_BASE(c->type);
    return t == SQ_T_BOOLEAN_CLIENT ||
           (t == SQ_T_UDTFIXED && (c->xid == SQ_XID_BOOLEAN || strcmp(c->xname, "boolean") == 0));
}

size_t srv_val_max_width(const struct srv_col *c)
{
    switch (SQ_T_BASE(c->type)) {
    case SQ_T_CHAR:
    case SQ_T_NCHAR:
        return c->enc_len;
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR:
        return 1 + (SQ_VC_MAX(c->enc_len) ? SQ_VC_MAX(c->enc_len) : 255);
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
        return srv_dec_width(c->enc_len);
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL:
        return srv_dt_width(c->enc_len);
    case SQ_T_BYTE:
    case SQ_T_TEXT:
        return SQ_BLOB_DESCRIPTOR_SIZE;
    default:
        if (col_is_boolean(c))
            return 6;
        return 5 + (size_t)c->enc_len;
    }
}

/* Text form of a non-text value, for text-typed columns and decimals. */
static const char *val_text(const struct srv_val *v, char *tmp, size_t tmpsz, size_t *n)
{
    switch (v->k) {
    case SRV_V_INT:
        snprintf(tmp, tmpsz, "%lld", (long long)v->i);
        break;
    case SRV_V_FLOAT:
        snprintf(tmp, tmpsz, "%.17g", v->f);
        break;
    case SRV_V_TEXT:
    case SRV_V_BYTES:
        *n = v->n;
        return v->p ? v->p : "";
    default:
        tmp[0] = '\0';
        break;
    }
    *n = strlen(tmp);
    return tmp;
}

static int val_int(const struct srv_val *v, int64_t *out)
{
    if (v->k == SRV_V_INT) {
        *out = v->i;
        return 0;
    }
    if (v->k == SRV_V_FLOAT) {
        if (!(v->f > -9.2e18 && v->f < 9.2e18))
            return SRV_E_CONVERT;
        *out = (int64_t)llround(v->f);
        return 0;
    }
    if (v->k == SRV_V_TEXT) {
        struct num x;
        if (!v->p || !num_parse(v->p, v->n, &x))
            return SRV_E_CONVERT;
        num_round(&x, x.e);
        if (x.e > 18)
            return SRV_E_CONVERT;
        int64_t r = 0;
        for (int i = 0; i < x.e; i++)
            r = r * 10 + ((size_t)i < x.nd ? x.d[i] : 0);
        *out = x.neg ? -r : r;
        return 0;
    }
    return SRV_E_CONVERT;
}

static int val_float(const struct srv_val *v, double *out)
{
    if (v->k == SRV_V_FLOAT) {
        *out = v->f;
        return 0;
    }
    if (v->k == SRV_V_INT) {
        *out = (double)v->i;
        return 0;
    }
    if (v->k == SRV_V_TEXT && v->p && v->n < 64) {
        char tmp[64];
        memcpy(tmp, v->p, v->n);
        tmp[v->n] = '\0';
        char *end;
        errno = 0;
        *out = strtod(tmp, &end);
        while (*end == ' ')
            end++;
        return (end == tmp || *end || errno == ERANGE) ? SRV_E_CONVERT : 0;
    }
    return SRV_E_CONVERT;
}

static void wr_udt(struct sq_buf *b, const void *p, size_t n, bool is_null)
{
    sq_wr_u8(b, is_null ? 1 : 0);
    sq_wr_u32(b, is_null ? 0 : (uint32_t)n);
    if (!is_null)
        sq_wr_bytes(b, p, n);
}

/* Room for n (>= 1) more bytes at the end of b: where to write them (the
 * caller then adds n to b->len), or NULL once the buffer is broken (the
 * sticky oom of sq_buf, as the sq_wr writers leave it). One reservation per
 * value instead of one per sq_wr call: the row encoder is on the fetch path. */
static inline uint8_t *wr_room(struct sq_buf *b, size_t n)
{
    if (!b->oom && b->data && b->cap - b->len >= n)
        return b->data + b->len;
    return sq_buf_reserve(b, n) ? b->data + b->len : NULL;
}

static inline void put_be32(uint8_t *o, uint32_t v)
{
    o[0] = (uint8_t)(v >> 24);
    o[1] = (uint8_t)(v >> 16);
    o[2] = (uint8_t)(v >> 8);
    o[3] = (uint8_t)v;
}

static inline void wr_be16(struct sq_buf *b, uint16_t v)
{
    uint8_t *o = wr_room(b, 2);
    if (o) {
        o[0] = (uint8_t)(v >> 8);
        o[1] = (uint8_t)v;
        b->len += 2;
    }
}

static inline void wr_be32(struct sq_buf *b, uint32_t v)
{
    uint8_t *o = wr_room(b, 4);
    if (o) {
        put_be32(o, v);
        b->len += 4;
    }
}

static inline void wr_be64(struct sq_buf *b, uint64_t v)
{
    uint8_t *o = wr_room(b, 8);
    if (o) {
        put_be32(o, (uint32_t)(v >> 32));
        put_be32(o + 4, (uint32_t)v);
        b->len += 8;
    }
}

/* n bytes of p, then `fill` up to w bytes in all (n <= w, w >= 1). */
static inline void wr_padded(struct sq_buf *b, const void *p, size_t n, uint8_t fill, size_t w)
{
    uint8_t *o = wr_room(b, w);
    if (o) {
        if (n)
            memcpy(o, p, n);
        if (w > n)
            memset(o + n, fill, w - n);
        b->len += w;
    }
}

int srv_val_encode(struct sq_buf *b, const struct srv_col *c, const struct srv_val *v)
{
    bool null = v->k == SRV_V_NULL;
    char tmp[64];
    uint8_t raw[64];
    size_t n;
    int64_t iv = 0;
    double fv = 0;
    int rc;
    switch (SQ_T_BASE(c->type)) {
    case SQ_T_CHAR:
    case SQ_T_NCHAR: {
        size_t w = c->enc_len;
        if (null) {
            /* PROTOCOL.md: a CHAR NULL is a NUL first byte, then blanks */
            if (w) {
                uint8_t *o = wr_room(b, w);
                if (o) {
                    o[0] = 0;
                    memset(o + 1, ' ', w - 1);
                    b->len += w;
                }
            }
            return 0;
        }
        const char *s = val_text(v, tmp, sizeof tmp, &n);
        if (n > w)
            n = w;
        if (w)
            wr_padded(b, s, n, ' ', w);
        return 0;
    }
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR: {
        if (null) {
            wr_be16(b, 0x0100u); /* length 1, then a 00 byte */
            return 0;
        }
        size_t max = SQ_VC_MAX(c->enc_len) ? SQ_VC_MAX(c->enc_len) : 255;
        const char *s = val_text(v, tmp, sizeof tmp, &n);
        if (n > max)
            n = max;
        uint8_t *o = wr_room(b, 1 + n);
        if (o) {
            o[0] = (uint8_t)n;
            if (n)
                memcpy(o + 1, s, n);
            b->len += 1 + n;
        }
        return 0;
    }
    case SQ_T_SMALLINT:
        if (!null && (rc = val_int(v, &iv)) != 0)
            return rc;
        if (!null && (iv < -32767 || iv > 32767))
            return SRV_E_SMALLINT_RANGE;
        wr_be16(b, null ? 0x8000u : (uint16_t)(int16_t)iv);
        return 0;
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
        if (!null && (rc = val_int(v, &iv)) != 0)
            return rc;
        if (!null && (iv < -2147483647LL || iv > 2147483647LL))
            return SRV_E_INT_RANGE;
        wr_be32(b, null ? 0x80000000u : (uint32_t)(int32_t)iv);
        return 0;
    case SQ_T_BIGINT:
    case SQ_T_BIGSERIAL:
        if (!null && (rc = val_int(v, &iv)) != 0)
            return rc;
        if (!null && iv == INT64_MIN)
            return SRV_E_CONVERT;
        wr_be64(b, null ? 0x8000000000000000ull : (uint64_t)iv);
        return 0;
    case SQ_T_INT8:
    case SQ_T_SERIAL8:
        if (!null && (rc = val_int(v, &iv)) != 0)
            return rc;
        if (!null && iv == INT64_MIN)
            return SRV_E_CONVERT;
        srv_int8_put(raw, iv, null);
        wr_padded(b, raw, 10, 0, 10);
        return 0;
    case SQ_T_FLOAT: {
        if (!null && (rc = val_float(v, &fv)) != 0)
            return rc;
        uint64_t bits = UINT64_MAX;
        if (!null)
            memcpy(&bits, &fv, 8);
        wr_be64(b, bits);
        return 0;
    }
    case SQ_T_SMALLFLOAT: {
        if (!null && (rc = val_float(v, &fv)) != 0)
            return rc;
        float f = (float)fv;
        uint32_t bits = UINT32_MAX;
        if (!null)
            memcpy(&bits, &f, 4);
        wr_be32(b, bits);
        return 0;
    }
    case SQ_T_DATE: {
        int32_t days = 0;
        if (!null) {
            if (v->k == SRV_V_TEXT) {
                if ((rc = srv_date_from_text(v->p ? v->p : "", v->n, &days)) != 0)
                    return rc;
            } else {
                if ((rc = val_int(v, &iv)) != 0)
                    return rc;
                if (iv < -2147483647LL || iv > 2147483647LL)
                    return SRV_E_BADDATE;
                days = (int32_t)iv;
            }
        }
        wr_be32(b, null ? 0x80000000u : (uint32_t)days);
        return 0;
    }
    case SQ_T_DECIMAL:
    case SQ_T_MONEY: {
        size_t w = srv_dec_width(c->enc_len);
        if (w > sizeof raw)
            return SRV_E_DEC_OVERFLOW;
        if (null) {
            sq_wr_zeros(b, w);
            return 0;
        }
        const char *s = val_text(v, tmp, sizeof tmp, &n);
        if ((rc = srv_dec_from_text(s, n, c->enc_len, raw, w)) != 0)
            return rc;
        wr_padded(b, raw, w, 0, w); /* w >= 1 for any (p,s) */
        return 0;
    }
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL: {
        size_t w = srv_dt_width(c->enc_len);
        if (w == 0 || w > sizeof raw)
            return SRV_E_DT_BADVALUE;
        if (null) {
            sq_wr_zeros(b, w);
            return 0;
        }
        if (v->k != SRV_V_TEXT)
            return SRV_E_DT_BADVALUE;
        rc = srv_dt_from_text(v->p ? v->p : "", v->n, c->enc_len,
                              SQ_T_BASE(c->type) == SQ_T_INTERVAL, raw, w);
        if (rc)
            return rc;
        wr_padded(b, raw, w, 0, w);
        return 0;
    }
    case SQ_T_BYTE:
    case SQ_T_TEXT: {
        /* 56-byte descriptor: size at 16..19, byte 39 = 1 for NULL (IDB's reading).
         * TODO(2): stream the data through SQ_FETCHBLOB / SQ_BLOB. */
        uint8_t d[SQ_BLOB_DESCRIPTOR_SIZE];
        memset(d, 0, sizeof d);
        if (null) {
            d[39] = 1;
        } else {
            uint32_t sz = v->n > UINT32_MAX ? UINT32_MAX : (uint32_t)v->n;
            d[16] = (uint8_t)(sz >> 24);
            d[17] = (uint8_t)(sz >> 16);
            d[18] = (uint8_t)(sz >> 8);
            d[19] = (uint8_t)sz;
        }
        sq_wr_bytes(b, d, sizeof d);
        return 0;
    }
    default:
        break;
    }
    if (col_is_boolean(c)) {
        uint8_t t = 'f';
        if (!null) {
            if (v->k == SRV_V_TEXT && v->n >= 1)
                t = (v->p[0] == 't' || v->p[0] == 'T' || v->p[0] == '1') ? 't' : 'f';
            else if ((rc = val_int(v, &iv)) != 0)
                return rc;
            else
                t = iv ? 't' : 'f';
        }
        wr_udt(b, &t, 1, null);
        return 0;
    }
    uint16_t t = SQ_T_BASE(c->type);
    if (t == SQ_T_UDTFIXED && (c->xid == SQ_XID_BLOB || c->xid == SQ_XID_CLOB)) {
        /* BLOB/CLOB: a 72-byte smart-LOB locator in UDT framing, as a real
         * server sends (doc §9.4). Its contents are opaque ([U]); ifxlite's
         * (srv_lofile.h): size, "ILO1", handle 0 here; the session puts the
         * handle of the registered value in (srv_session.c encode_tuple). */
        uint8_t loc[SQ_LO_LOCATOR_SIZE];
        srv_lo_locator(loc, null ? 0 : v->n, 0);
        wr_udt(b, null ? NULL : loc, null ? 0 : sizeof loc, null);
        return 0;
    }
    if (t == SQ_T_UDTVAR || t == SQ_T_UDTFIXED || t == SQ_T_LVARCHAR_CLIENT ||
        (t >= SQ_T_SET && t <= SQ_T_COLLECTION)) {
        /* collections and ROW: their text form, UDT framed (PROTOCOL.md) */
        if (null) {
            wr_udt(b, NULL, 0, true);
            return 0;
        }
        const char *s = val_text(v, tmp, sizeof tmp, &n);
        if (n > SQ_MAX_LVARCHAR)
            return SRV_E_CONVERT;
        wr_udt(b, s, n, false);
        return 0;
    }
    return SRV_E_BADTYPE;
}

/* ------------------------------------------------------------------------ */
/* Bind parameters                                                           */

int srv_bparam_to_val(const struct srv_bparam *p, struct srv_val *v, char scratch[SRV_BIND_SCRATCH])
{
    memset(v, 0, sizeof *v);
    v->k = SRV_V_NULL;
    if (p->ind == -1)
        return 0;
    const uint8_t *d = p->data;
    bool null = false;
    int rc;
    switch (p->type) {
    case SQ_T_CHAR:
    case SQ_T_VARCHAR:
    case SQ_T_NCHAR:
    case SQ_T_NVARCHAR:
    case SQ_T_LVARCHAR_CLIENT:
    case SQ_T_UDTVAR:
        v->k = SRV_V_TEXT;
        v->p = (const char *)d;
        v->n = p->len;
        return 0;
    case SQ_T_SMALLINT:
        v->k = SRV_V_INT;
        v->i = (int16_t)sq_load_u16(d);
        return 0;
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
        v->k = SRV_V_INT;
        v->i = (int32_t)sq_load_u32(d);
        return 0;
    case SQ_T_BIGINT:
    case SQ_T_BIGSERIAL:
        v->k = SRV_V_INT;
        v->i = (int64_t)sq_load_u64(d);
        return 0;
    case SQ_T_INT8:
    case SQ_T_SERIAL8:
        if (!srv_int8_get(d, &v->i, &null))
            return SRV_E_CONVERT;
        v->k = null ? SRV_V_NULL : SRV_V_INT;
        return 0;
    case SQ_T_FLOAT: {
        uint64_t bits = sq_load_u64(d);
        memcpy(&v->f, &bits, 8);
        v->k = SRV_V_FLOAT;
        return 0;
    }
    case SQ_T_SMALLFLOAT: {
        uint32_t bits = sq_load_u32(d);
        float f;
        memcpy(&f, &bits, 4);
        v->f = f;
        v->k = SRV_V_FLOAT;
        return 0;
    }
    case SQ_T_DATE: {
        uint32_t days = sq_load_u32(d);
        if (days == 0x80000000u)
            return 0; /* NULL marker used as a value */
        srv_date_to_text((int32_t)days, scratch);
        v->k = SRV_V_TEXT;
        v->p = scratch;
        v->n = strlen(scratch);
        return 0;
    }
    case SQ_T_DECIMAL:
    case SQ_T_MONEY:
        if ((rc = srv_dec_to_text(d, p->len, scratch, SRV_BIND_SCRATCH, &null)) != 0)
            return rc;
        break;
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL:
        rc = srv_dt_to_text(d, p->len, p->prec, p->type == SQ_T_INTERVAL, scratch, SRV_BIND_SCRATCH,
                            &null);
        if (rc)
            return rc;
        break;
    case SQ_T_BOOLEAN_CLIENT:
    case SQ_T_UDTFIXED:
        if (p->type == SQ_T_UDTFIXED && (p->prec == SQ_XID_BLOB || p->prec == SQ_XID_CLOB))
            return SRV_E_LO_BIND; /* a locator: resolved by the session (srv_session.c) */
        v->k = SRV_V_INT;
        v->i = (d[0] == 1 || d[0] == 't' || d[0] == 'T') ? 1 : 0;
        return 0;
    default:
        return SRV_E_CONVERT;
    }
    if (null)
        return 0;
    v->k = SRV_V_TEXT;
    v->p = scratch;
    v->n = strlen(scratch);
    return 0;
}
