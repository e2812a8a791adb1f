/* SPDX-License-Identifier: MIT */
/* sq_dec.c - DECIMAL/MONEY on the client side (protocol core, driver/sqli):
 * the stored form (doc §9.4), exact text conversion without locale or floating
 * point, rounding, and int64/double helpers. Pure; no ODBC, no allocation.
 * Stored form:
 *   byte 0   bit 7 = 1 positive; bits 0..6 = exponent + 64, XOR 0x7F if negative;
 *            0x00 = NULL (a negative value with exponent +63 would collide: refused)
 *   byte 1.. base-100 digits, value = 0.d1 d2 ... x 100^exp; negatives hold the
 *            base-100 complement (trailing 00 stay, last non-zero 100 - d, others 99 - d);
 *            unused trailing bytes 00
 * Zero is written C0 00 ... (positive, exponent 0, no digits): our [U] choice
 * (doc §17.15); any first byte other than 00 with no non-zero digit reads as zero. */
#include "sq_value.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sq_limits.h"

#define DEC_EXP_MIN (-64)
#define DEC_EXP_MAX 63
#define DD_MAX 80 /* decimal digits in the working form: 64 + alignment + carry */

/* Working form: sign * 0.d[0] d[1] ... d[nd-1] x 10^dexp, one decimal digit per byte. */
struct ddig {
    int sign;
    int dexp;
    int nd;
    uint8_t d[DD_MAX];
};

static void dd_from_dec(const struct sq_decimal *d, struct ddig *x)
{
    unsigned nd = d->ndig <= SQ_MAX_DEC_DIGITS ? d->ndig : SQ_MAX_DEC_DIGITS;
    x->sign = d->sign < 0 ? -1 : 1;
    x->dexp = 2 * (int)d->exp;
    x->nd = 2 * (int)nd;
    for (unsigned i = 0; i < nd; i++) {
        x->d[2 * i] = (uint8_t)(d->dig[i] / 10u);
        x->d[2 * i + 1] = (uint8_t)(d->dig[i] % 10u);
    }
}

/* Round to the first `keep` digits (half away from zero). keep may be < 0. */
static void dd_round(struct ddig *x, int keep)
{
    if (keep >= x->nd)
        return;
    if (keep < 0) {
        x->nd = 0;
        return;
    }
    uint8_t r = x->d[keep];
    x->nd = keep;
    if (r < 5)
        return;
    int i = keep - 1;
    while (i >= 0 && x->d[i] == 9)
        x->d[i--] = 0;
    if (i >= 0) {
        x->d[i]++;
    } else {
        /* all nines (or nothing kept): 0.999 -> 0.1 x 10^(dexp+1) */
        x->d[0] = 1;
        x->nd = 1;
        x->dexp++;
    }
}

/* Normalise and pack into base-100 digits, rounding to at most maxdig of them.
 * SQ_RC_PROTOCOL if the exponent leaves the stored form's range. */
static enum sq_rc dd_to_dec(struct ddig *x, struct sq_decimal *d, unsigned maxdig)
{
    int lead = 0;
    for (int pass = 0; pass < 2; pass++) {
        while (lead < x->nd && x->d[lead] == 0)
            lead++;
        if (lead) {
            memmove(x->d, x->d + lead, (size_t)(x->nd - lead));
            x->nd -= lead;
            x->dexp -= lead;
            lead = 0;
        }
        while (x->nd > 0 && x->d[x->nd - 1] == 0)
            x->nd--;
        if (x->nd == 0)
            break;
        if (x->dexp & 1) { /* align to a digit pair: a pair never straddles the point */
            memmove(x->d + 1, x->d, (size_t)x->nd);
            x->d[0] = 0;
            x->nd++;
            x->dexp++;
        }
        if (pass == 0 && x->nd > 2 * (int)maxdig)
            dd_round(x, 2 * (int)maxdig); /* may carry: normalise once more */
        else
            break;
    }
    memset(d, 0, sizeof *d);
    d->sign = 1;
    if (x->nd == 0)
        return SQ_RC_OK; /* zero: sign +1, exp 0, no digits */
    d->sign = (int8_t)(x->sign < 0 ? -1 : 1);
    int exp = x->dexp / 2;
    if (exp < DEC_EXP_MIN || exp > DEC_EXP_MAX)
        return SQ_RC_PROTOCOL;
    int npairs = (x->nd + 1) / 2;
    if (npairs > (int)maxdig)
        npairs = (int)maxdig; /* cannot happen after rounding; belt and braces */
    for (int i = 0; i < npairs; i++) {
        uint8_t lo = 2 * i + 1 < x->nd ? x->d[2 * i + 1] : 0;
        d->dig[i] = (uint8_t)(x->d[2 * i] * 10 + lo);
    }
    d->ndig = (uint8_t)npairs;
    d->exp = (int16_t)exp;
    return SQ_RC_OK;
}

enum sq_rc sq_dec_from_wire(const uint8_t *p, size_t n, struct sq_decimal *d, bool *is_null)
{
    memset(d, 0, sizeof *d);
    d->sign = 1;
    *is_null = false;
    if (n < 1 || n - 1 > SQ_MAX_DEC_DIGITS)
        return SQ_RC_PROTOCOL;
    if (p[0] == 0x00) {
        *is_null = true;
        return SQ_RC_OK;
    }
    bool pos = (p[0] & 0x80u) != 0;
    unsigned e7 = p[0] & 0x7Fu;
    if (!pos)
        e7 ^= 0x7Fu;
    size_t nd = n - 1;
    /* Check and copy in one pass, straight into d->dig (32 bytes, nd <= 32). */
    uint8_t *dig = d->dig;
    for (size_t i = 0; i < nd; i++) {
        uint8_t c = p[1 + i];
        if (c > 99) {
            memset(d, 0, sizeof *d); /* not a base-100 digit in either form */
            d->sign = 1;
            return SQ_RC_PROTOCOL;
        }
        dig[i] = c;
    }
    size_t first = 0, last = nd;
    while (last > 0 && dig[last - 1] == 0)
        last--;
    if (!pos && last > 0) {
        /* undo the base-100 complement (it is its own inverse); trailing 00 stay */
        dig[last - 1] = (uint8_t)(100u - dig[last - 1]);
        for (size_t j = 0; j + 1 < last; j++)
            dig[j] = (uint8_t)(99u - dig[j]);
        /* the complement never makes the last non-zero digit zero (1..99 -> 99..1) */
    }
    while (first < last && dig[first] == 0)
        first++;
    if (first == last) {
        memset(d->dig, 0, sizeof d->dig);
        return SQ_RC_OK; /* zero (C0 or 80 or any sign byte with no digits) */
    }
    d->sign = (int8_t)(pos ? 1 : -1);
    d->exp = (int16_t)((int)e7 - 64 - (int)first);
    d->ndig = (uint8_t)(last - first);
    if (first) {
        memmove(dig, dig + first, last - first);
        memset(dig + (last - first), 0, first);
    }
    return SQ_RC_OK;
}

enum sq_rc sq_dec_to_wire(const struct sq_decimal *d, uint8_t *p, size_t n)
{
    struct ddig x;
    struct sq_decimal r;

    if (n < 1 || n - 1 > SQ_MAX_DEC_DIGITS || d->ndig > SQ_MAX_DEC_DIGITS)
        return SQ_RC_MISUSE;
    for (unsigned i = 0; i < d->ndig; i++)
        if (d->dig[i] > 99)
            return SQ_RC_MISUSE;
    dd_from_dec(d, &x);
    enum sq_rc rc = dd_to_dec(&x, &r, (unsigned)(n - 1));
    if (rc != SQ_RC_OK)
        return rc;
    memset(p, 0, n);
    if (r.ndig == 0) {
        p[0] = 0xC0;
        return SQ_RC_OK;
    }
    unsigned e7 = (unsigned)(r.exp + 64);
    if (r.sign < 0) {
        if (e7 == 0x7Fu)
            return SQ_RC_PROTOCOL; /* would read back as NULL (doc §17.17) */
        p[0] = (uint8_t)(e7 ^ 0x7Fu);
        size_t i = r.ndig;
        while (i > 0 && r.dig[i - 1] == 0)
            i--;
        /* r.dig[r.ndig - 1] is non-zero after normalisation, so i == r.ndig */
        for (size_t j = 0; j < i; j++)
            p[1 + j] = (uint8_t)(j + 1 == i ? 100u - r.dig[j] : 99u - r.dig[j]);
    } else {
        p[0] = (uint8_t)(0x80u | e7);
        memcpy(p + 1, r.dig, r.ndig);
    }
    return SQ_RC_OK;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

enum sq_rc sq_dec_from_text(const char *s, size_t n, struct sq_decimal *d)
{
    struct ddig x;
    size_t i = 0;
    int ndigits = 0; /* digits seen in the mantissa */
    bool seen_nz = false, too_many = false;

    memset(d, 0, sizeof *d);
    d->sign = 1;
    x.sign = 1;
    x.dexp = 0;
    x.nd = 0;
    while (i < n && is_blank(s[i]))
        i++;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        x.sign = s[i++] == '-' ? -1 : 1;
    for (int part = 0; part < 2; part++) {
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            uint8_t c = (uint8_t)(s[i++] - '0');
            ndigits++;
            if (!seen_nz && c == 0) {
                if (part == 1)
                    x.dexp--; /* leading zero of the fraction */
                continue;
            }
            seen_nz = true;
            if (part == 0)
                x.dexp++;
            if (x.nd < 64) {
                x.d[x.nd++] = c;
            } else if (c != 0) {
                too_many = true;
            } else {
                /* a zero past 64 digits: fine while no non-zero digit follows */
            }
        }
        if (part == 0) {
            if (i < n && s[i] == '.')
                i++;
            else
                break;
        }
    }
    if (ndigits == 0)
        return SQ_RC_PROTOCOL;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int esign = 1, ev = 0, edigits = 0;
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            esign = s[i++] == '-' ? -1 : 1;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (ev < 100000)
                ev = ev * 10 + (s[i] - '0');
            i++;
            edigits++;
        }
        if (!edigits)
            return SQ_RC_PROTOCOL;
        if (seen_nz)
            x.dexp += esign * ev;
    }
    while (i < n && is_blank(s[i]))
        i++;
    if (i != n || too_many)
        return SQ_RC_PROTOCOL;
    if (!seen_nz)
        x.dexp = 0;
    return dd_to_dec(&x, d, SQ_MAX_DEC_DIGITS);
}

/* Digit k of the working form, 0 outside it. */
static uint8_t dd_at(const struct ddig *x, long k)
{
    return (k < 0 || k >= x->nd) ? 0 : x->d[k];
}

struct dsink {
    char *buf;
    size_t cap;
    size_t len;
};

static void dsink_c(struct dsink *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

size_t sq_dec_to_text(const struct sq_decimal *d, int scale, char *buf, size_t cap)
{
    struct ddig x;
    struct dsink o = {buf, cap, 0};

    if (scale > 255)
        scale = 255;
    dd_from_dec(d, &x);
    if (scale >= 0)
        dd_round(&x, x.dexp + scale);
    while (x.nd > 0 && x.d[x.nd - 1] == 0)
        x.nd--;
    bool zero = true;
    for (int i = 0; i < x.nd; i++)
        if (x.d[i])
            zero = false;
    if (x.sign < 0 && !zero)
        dsink_c(&o, '-');
    /* integer part: digits 0 .. dexp-1 */
    bool any = false;
    for (long k = 0; k < x.dexp; k++) {
        uint8_t c = dd_at(&x, k);
        if (!any && c == 0)
            continue;
        any = true;
        dsink_c(&o, (char)('0' + c));
    }
    if (!any)
        dsink_c(&o, '0');
    long nfrac;
    if (scale >= 0) {
        nfrac = scale;
    } else {
        nfrac = x.nd - x.dexp; /* trailing zeros already stripped */
        if (nfrac < 0 || zero)
            nfrac = 0;
    }
    if (nfrac > 0) {
        dsink_c(&o, '.');
        for (long j = 0; j < nfrac; j++)
            dsink_c(&o, (char)('0' + dd_at(&x, x.dexp + j)));
    }
    if (cap)
        buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len;
}

void sq_dec_round(struct sq_decimal *d, int scale)
{
    struct ddig x;
    struct sq_decimal r;

    if (scale > 300 || d->ndig == 0)
        return;
    if (scale < -300)
        scale = -300;
    dd_from_dec(d, &x);
    dd_round(&x, x.dexp + scale);
    if (dd_to_dec(&x, &r, SQ_MAX_DEC_DIGITS) == SQ_RC_OK)
        *d = r;
}

double sq_dec_to_double(const struct sq_decimal *d)
{
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    struct ddig x;
    uint64_t m = 0;
    int k = 0;
    double v;

    dd_from_dec(d, &x);
    while (x.nd > 0 && x.d[x.nd - 1] == 0)
        x.nd--;
    if (x.nd == 0)
        return 0.0;
    for (; k < x.nd && k < 19; k++)
        m = m * 10u + x.d[k];
    int e = x.dexp - k; /* value = m x 10^e (digits past 19 dropped) */
    if (m <= (UINT64_C(1) << 53) && e >= -22 && e <= 22)
        v = e >= 0 ? (double)m * pow10[e] : (double)m / pow10[-e]; /* exact, one rounding */
    else
        v = (double)((long double)m * powl(10.0L, (long double)e));
    return x.sign < 0 ? -v : v;
}

enum sq_rc sq_dec_from_double(double v, struct sq_decimal *d)
{
    char tmp[64];

    if (!isfinite(v))
        return SQ_RC_PROTOCOL;
    int n = snprintf(tmp, sizeof tmp, "%.17g", v);
    if (n <= 0 || (size_t)n >= sizeof tmp)
        return SQ_RC_PROTOCOL;
    for (int i = 0; i < n; i++)
        if (tmp[i] == ',')
            tmp[i] = '.'; /* LC_NUMERIC may use a comma */
    return sq_dec_from_text(tmp, (size_t)n, d);
}

enum sq_rc sq_dec_from_int(int64_t v, struct sq_decimal *d)
{
    struct ddig x;
    uint8_t rev[20];
    int n = 0;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        rev[n++] = (uint8_t)(mag % 10u);
        mag /= 10u;
    } while (mag);
    x.sign = v < 0 ? -1 : 1;
    x.nd = n;
    x.dexp = n;
    for (int i = 0; i < n; i++)
        x.d[i] = rev[n - 1 - i];
    return dd_to_dec(&x, d, SQ_MAX_DEC_DIGITS);
}

enum sq_rc sq_dec_to_int(const struct sq_decimal *d, int64_t *v)
{
    uint64_t mag = 0;
    unsigned nd = d->ndig;

    if (nd > SQ_MAX_DEC_DIGITS)
        return SQ_RC_PROTOCOL;
    while (nd > 0 && d->dig[nd - 1] == 0)
        nd--;
    if (nd == 0) {
        *v = 0;
        return SQ_RC_OK;
    }
    if (d->exp < (int)nd || d->exp > 10)
        return SQ_RC_PROTOCOL; /* has a fraction, or >= 10^20 */
    for (int i = 0; i < d->exp; i++) {
        uint64_t dg = i < (int)nd ? d->dig[i] : 0;
        if (mag > (UINT64_MAX - dg) / 100u)
            return SQ_RC_PROTOCOL;
        mag = mag * 100u + dg;
    }
    if (d->sign < 0) {
        if (mag > (uint64_t)INT64_MAX + 1u)
            return SQ_RC_PROTOCOL;
        *v = mag == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX)
            return SQ_RC_PROTOCOL;
        *v = (int64_t)mag;
    }
    return SQ_RC_OK;
}
