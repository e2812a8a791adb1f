/* SPDX-License-Identifier: MIT */
/* conv_num.c - conversion layer: exact decimal numbers (struct conv_dnum),
 * locale-independent text <-> number, range checks, UTF-8/UTF-16 helpers and
 * the conv_rc names. Pure; the only libc state touched is the calling
 * thread's locale (uselocale) around snprintf/strtod. */
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"

static const char *const rc_names[CONV_RC__COUNT][2] = {
    [CONV_OK] = {"OK", "00000"},
    [CONV_TRUNCATED] = {"TRUNCATED", "01004"},
    [CONV_FRACTION_TRUNCATED] = {"FRACTION_TRUNCATED", "01S07"},
    [CONV_NO_DATA] = {"NO_DATA", "00000"},
    [CONV_OUT_OF_RANGE] = {"OUT_OF_RANGE", "22003"},
    [CONV_INVALID_CHAR] = {"INVALID_CHAR", "22018"},
    [CONV_INVALID_DATETIME] = {"INVALID_DATETIME", "22007"},
    [CONV_DATETIME_OVERFLOW] = {"DATETIME_OVERFLOW", "22008"},
    [CONV_INTERVAL_OVERFLOW] = {"INTERVAL_OVERFLOW", "22015"},
    [CONV_RIGHT_TRUNC] = {"RIGHT_TRUNC", "22001"},
    [CONV_UNSUPPORTED] = {"UNSUPPORTED", "07006"},
    [CONV_NOMEM] = {"NOMEM", "HY001"},
    [CONV_NULL_NO_INDICATOR] = {"NULL_NO_INDICATOR", "22002"},
    [CONV_INVALID_LENGTH] = {"INVALID_LENGTH", "HY090"},
};

const char *conv_rc_name(enum conv_rc rc)
{
    if ((unsigned)rc >= CONV_RC__COUNT || !rc_names[rc][0])
        return "UNKNOWN";
    return rc_names[rc][0];
}

const char *conv_rc_sqlstate(enum conv_rc rc)
{
    if ((unsigned)rc >= CONV_RC__COUNT || !rc_names[rc][1])
        return "HY000";
    return rc_names[rc][1];
}

/* ---- exact decimals ---------------------------------------------------- */

static void dnum_zero(struct conv_dnum *x)
{
    x->neg = false;
    x->n = 0;
    x->exp = 0;
}

/* Drop trailing zero digits (raising exp) and leading zero digits. */
static void dnum_norm(struct conv_dnum *x)
{
    unsigned lead = 0;
    while (lead < x->n && x->d[lead] == 0)
        lead++;
    if (lead > 0) {
        memmove(x->d, x->d + lead, (size_t)(x->n - lead));
        x->n = (uint8_t)(x->n - lead);
    }
    while (x->n > 0 && x->d[x->n - 1] == 0) {
        x->n--;
        x->exp++;
    }
    if (x->n == 0)
        dnum_zero(x);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

#define DNUM_EXP_LIMIT 100000

bool conv_dnum_parse(const char *s, size_t n, struct conv_dnum *out, bool *lost)
{
    size_t i = 0, end = n;
    int64_t exp_adj = 0;
    bool any = false, dropped = false;

    dnum_zero(out);
    if (lost)
        *lost = false;
    if (!s)
        return false;
    while (i < end && is_space(s[i]))
        i++;
    while (end > i && is_space(s[end - 1]))
        end--;
    if (i < end && (s[i] == '+' || s[i] == '-'))
        out->neg = s[i++] == '-';
    for (; i < end && is_digit(s[i]); i++) {
        any = true;
        if (out->n == 0 && s[i] == '0')
            continue;
        if (out->n < CONV_DNUM_MAX) {
            out->d[out->n++] = (uint8_t)(s[i] - '0');
        } else {
            exp_adj++;
            dropped = dropped || s[i] != '0';
        }
        if (exp_adj > DNUM_EXP_LIMIT)
            return false;
    }
    if (i < end && s[i] == '.') {
        for (i++; i < end && is_digit(s[i]); i++) {
            any = true;
            if (out->n == 0 && s[i] == '0') {
                exp_adj--;
            } else if (out->n < CONV_DNUM_MAX) {
                out->d[out->n++] = (uint8_t)(s[i] - '0');
                exp_adj--;
            } else {
                dropped = dropped || s[i] != '0';
            }
            if (exp_adj < -DNUM_EXP_LIMIT)
                return false;
        }
    }
    if (!any)
        return false;
    if (i < end && (s[i] == 'e' || s[i] == 'E')) {
        bool eneg = false, edig = false;
        int64_t e = 0;
        i++;
        if (i < end && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < end && is_digit(s[i]); i++) {
            edig = true;
            e = e * 10 + (s[i] - '0');
            if (e > DNUM_EXP_LIMIT)
                return false;
        }
        if (!edig)
            return false;
        exp_adj += eneg ? -e : e;
    }
    if (i != end)
        return false;
    if (exp_adj > DNUM_EXP_LIMIT || exp_adj < -DNUM_EXP_LIMIT)
        return false;
    out->exp = (int32_t)exp_adj;
    dnum_norm(out);
    if (lost)
        *lost = dropped;
    return true;
}

void conv_dnum_from_u64(uint64_t v, struct conv_dnum *out)
{
    uint8_t tmp[20];
    unsigned k = 0;
    dnum_zero(out);
    while (v > 0) {
        tmp[k++] = (uint8_t)(v % 10u);
        v /= 10u;
    }
    for (unsigned j = 0; j < k; j++)
        out->d[j] = tmp[k - 1 - j];
    out->n = (uint8_t)k;
    dnum_norm(out);
}

void conv_dnum_from_i64(int64_t v, struct conv_dnum *out)
{
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    conv_dnum_from_u64(mag, out);
    out->neg = v < 0 && out->n > 0;
}

enum conv_rc conv_dnum_to_u64(const struct conv_dnum *x, uint64_t max, uint64_t *v)
{
    int64_t intdig = (int64_t)x->n + x->exp;
    uint64_t acc = 0;
    bool frac = false;

    *v = 0;
    if (x->n == 0)
        return CONV_OK;
    if (intdig > 20)
        return CONV_OUT_OF_RANGE;
    for (int64_t k = 0; k < intdig; k++) {
        unsigned dig = k < x->n ? x->d[k] : 0u;
        if (acc > (UINT64_MAX - dig) / 10u)
            return CONV_OUT_OF_RANGE;
        acc = acc * 10u + dig;
    }
    frac = intdig < (int64_t)x->n; /* normalised: dropped digits hold a non-zero one */
    if (x->neg && acc > 0)
        return CONV_OUT_OF_RANGE;
    if (acc > max)
        return CONV_OUT_OF_RANGE;
    *v = acc;
    return frac ? CONV_FRACTION_TRUNCATED : CONV_OK;
}

enum conv_rc conv_dnum_to_i64(const struct conv_dnum *x, int64_t min, int64_t max, int64_t *v)
{
    struct conv_dnum mag = *x;
    uint64_t m = 0;
    enum conv_rc rc;

    mag.neg = false;
    *v = 0;
    rc = conv_dnum_to_u64(&mag, UINT64_MAX, &m);
    if (rc == CONV_OUT_OF_RANGE)
        return rc;
    if (x->neg) {
        uint64_t lim = min < 0 ? (uint64_t)(-(min + 1)) + 1u : 0u;
        if (m > lim)
            return CONV_OUT_OF_RANGE;
        *v = m == 0 ? 0 : -(int64_t)(m - 1u) - 1;
    } else {
        if (max < 0 || m > (uint64_t)max)
            return CONV_OUT_OF_RANGE;
        *v = (int64_t)m;
    }
    if (*v < min || *v > max)
        return CONV_OUT_OF_RANGE;
    return rc;
}

bool conv_dnum_round(struct conv_dnum *x, int scale)
{
    int64_t keep = (int64_t)x->n + x->exp + scale;
    bool up;

    if (x->n == 0 || keep >= x->n)
        return false;
    if (keep < 0) {
        dnum_zero(x);
        return true;
    }
    up = x->d[keep] >= 5;
    x->n = (uint8_t)keep;
    x->exp = -scale;
    if (up) {
        int i = (int)x->n - 1;
        while (i >= 0 && x->d[i] == 9)
            x->d[i--] = 0;
        if (i < 0) {
            memmove(x->d + 1, x->d, x->n);
            x->d[0] = 1;
            x->n++;
        } else {
            x->d[i]++;
        }
    }
    dnum_norm(x);
    return true;
}

/* Bounded writer: counts everything, stores what fits (keeping room for NUL). */
struct tw {
    char *buf;
    size_t cap, len;
};

static void tw_c(struct tw *w, char c)
{
    if (w->buf && w->len + 1 < w->cap)
        w->buf[w->len] = c;
    w->len++;
}

static size_t tw_end(struct tw *w)
{
    if (w->buf && w->cap > 0)
        w->buf[w->len < w->cap ? w->len : w->cap - 1] = '\0';
    return w->len;
}

size_t conv_dnum_to_text(const struct conv_dnum *in, int scale, char *buf, size_t cap)
{
    struct conv_dnum x = *in;
    struct tw w = {buf, cap, 0};
    int64_t intdig, fd;

    if (scale >= 0)
        (void)conv_dnum_round(&x, scale); /* the dropped digits are the point of rounding */
    intdig = (int64_t)x.n + x.exp;
    fd = scale >= 0 ? scale : (x.exp < 0 ? -(int64_t)x.exp : 0);
    if (x.n > 0 && x.neg)
        tw_c(&w, '-');
    if (intdig <= 0) {
        tw_c(&w, '0');
    } else {
        for (int64_t k = 0; k < intdig; k++)
            tw_c(&w, (char)('0' + (k < x.n ? x.d[k] : 0)));
    }
    if (fd > 0) {
        tw_c(&w, '.');
        for (int64_t j = 0; j < fd; j++) {
            int64_t p = intdig + j;
            tw_c(&w, (char)('0' + (p >= 0 && p < x.n ? x.d[p] : 0)));
        }
    }
    return tw_end(&w);
}

enum conv_rc conv_dnum_to_numeric(const struct conv_dnum *in, int precision, int scale,
                                  SQL_NUMERIC_STRUCT *out)
{
    struct conv_dnum x = *in;
    bool frac = false;
    int64_t keep, total;

    memset(out, 0, sizeof(*out));
    if (precision < 1 || precision > 38 || scale < -38 || scale > 38)
        return CONV_OUT_OF_RANGE;
    out->precision = (SQLCHAR)precision;
    out->scale = (SQLSCHAR)scale;
    out->sign = 1;
    keep = (int64_t)x.n + x.exp + scale;
    if (keep < x.n) {
        frac = x.n > 0;
        x.n = (uint8_t)(keep > 0 ? keep : 0);
        x.exp = -scale;
        dnum_norm(&x);
    }
    if (x.n == 0)
        return frac ? CONV_FRACTION_TRUNCATED : CONV_OK;
    total = (int64_t)x.n + x.exp + scale; /* digits of the scaled integer */
    if (total > precision)
        return CONV_OUT_OF_RANGE;
    out->sign = x.neg ? 0 : 1;
    for (int64_t k = 0; k < total; k++) {
        unsigned carry = k < x.n ? x.d[k] : 0u;
        for (int b = 0; b < SQL_MAX_NUMERIC_LEN; b++) {
            unsigned t = (unsigned)out->val[b] * 10u + carry;
            out->val[b] = (SQLCHAR)(t & 0xFFu);
            carry = t >> 8;
        }
        if (carry)
            return CONV_OUT_OF_RANGE; /* unreachable for <= 38 digits */
    }
    return frac ? CONV_FRACTION_TRUNCATED : CONV_OK;
}

void conv_dnum_from_numeric(const SQL_NUMERIC_STRUCT *ns, struct conv_dnum *out)
{
    uint8_t mag[SQL_MAX_NUMERIC_LEN];
    uint8_t rev[48];
    unsigned k = 0;
    bool nz = true;

    memcpy(mag, ns->val, sizeof(mag));
    dnum_zero(out);
    while (nz && k < sizeof(rev)) {
        unsigned rem = 0;
        nz = false;
        for (int b = SQL_MAX_NUMERIC_LEN - 1; b >= 0; b--) {
            unsigned cur = (rem << 8) | mag[b];
            mag[b] = (uint8_t)(cur / 10u);
            rem = cur % 10u;
            nz = nz || mag[b] != 0;
        }
        rev[k++] = (uint8_t)rem;
    }
    for (unsigned j = 0; j < k; j++)
        out->d[j] = rev[k - 1 - j];
    out->n = (uint8_t)k;
    out->exp = -(int32_t)ns->scale;
    out->neg = ns->sign == 0;
    dnum_norm(out);
}

/* ---- double <-> text in the C locale ----------------------------------- */

static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale;

static void c_locale_init(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Switch this thread to the C locale; returns the previous one (or 0 if the
 * C locale object could not be made, then the process locale stays). */
static locale_t c_locale_enter(void)
{
    (void)pthread_once(&c_locale_once, c_locale_init); /* cannot fail for a static once */
    if (c_locale == (locale_t)0)
        return (locale_t)0;
    return uselocale(c_locale);
}

static void c_locale_leave(locale_t prev)
{
    if (prev != (locale_t)0)
        (void)uselocale(prev); /* restoring a locale we were given cannot fail */
}

bool conv_text_to_double(const char *s, size_t n, double *v)
{
    char tmp[400];
    char *endp = NULL;
    size_t i = 0;
    locale_t prev;

    *v = 0.0;
    while (n > 0 && is_space(s[n - 1]))
        n--;
    while (i < n && is_space(s[i]))
        i++;
    if (i >= n || n - i >= sizeof(tmp))
        return false;
    for (size_t k = i; k < n; k++) {
        char c = s[k];
        if (!is_digit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-')
            return false; /* no hex floats, inf or nan */
    }
    memcpy(tmp, s + i, n - i);
    tmp[n - i] = '\0';
    prev = c_locale_enter();
    *v = strtod(tmp, &endp);
    c_locale_leave(prev);
    return endp == tmp + (n - i) && endp != tmp;
}

size_t conv_double_to_text(double v, bool is_float, char *buf, size_t cap)
{
    char tmp[64];
    int len = 0;
    int maxp = is_float ? 9 : 17;
    locale_t prev;

    if (!isfinite(v)) {
        len = snprintf(tmp, sizeof(tmp), "%s", isnan(v) ? "nan" : (v < 0 ? "-inf" : "inf"));
    } else {
        prev = c_locale_enter();
        for (int p = 1; p <= maxp; p++) {
            char *endp = NULL;
            double back;
            len = snprintf(tmp, sizeof(tmp), "%.*g", p, v);
            back = strtod(tmp, &endp);
            if (is_float ? (float)back == (float)v : back == v)
                break;
        }
        c_locale_leave(prev);
    }
    if (len < 0)
        len = 0;
    if (buf && cap > 0) {
        size_t k = (size_t)len < cap ? (size_t)len : cap - 1;
        memcpy(buf, tmp, k);
        buf[k] = '\0';
    }
    return (size_t)len;
}

bool conv_dnum_from_double(double v, bool is_float, struct conv_dnum *out)
{
    char tmp[64];
    size_t len;
    dnum_zero(out);
    if (!isfinite(v))
        return false;
    len = conv_double_to_text(v, is_float, tmp, sizeof(tmp));
    return len < sizeof(tmp) && conv_dnum_parse(tmp, len, out, NULL);
}

enum conv_rc conv_dnum_to_double(const struct conv_dnum *x, double *v)
{
    char tmp[CONV_DNUM_MAX + 32];
    int len;
    char digits[CONV_DNUM_MAX + 1];

    *v = 0.0;
    if (x->n == 0)
        return CONV_OK;
    for (unsigned k = 0; k < x->n; k++)
        digits[k] = (char)('0' + x->d[k]);
    digits[x->n] = '\0';
    len = snprintf(tmp, sizeof(tmp), "%s%se%ld", x->neg ? "-" : "", digits, (long)x->exp);
    if (len < 0 || (size_t)len >= sizeof(tmp) || !conv_text_to_double(tmp, (size_t)len, v))
        return CONV_OUT_OF_RANGE;
    if (!isfinite(*v))
        return CONV_OUT_OF_RANGE;
    return CONV_OK;
}

/* ---- UTF-8 / UTF-16 ---------------------------------------------------- */

size_t conv_utf8_next(const uint8_t *s, size_t n, uint32_t *cp)
{
    uint8_t c = s[0];
    size_t len;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1Fu;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0Fu;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07u;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0u) != 0x80u) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

size_t conv_utf16_units(const uint8_t *s, size_t n)
{
    size_t units = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        if (s[i] < 0x80) {
            i++;
            units++;
            continue;
        }
        i += conv_utf8_next(s + i, n - i, &cp);
        units += cp >= 0x10000 ? 2u : 1u;
    }
    return units;
}

size_t conv_utf8_put(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0u | (cp >> 6));
        out[1] = (uint8_t)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0u | (cp >> 12));
        out[1] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (uint8_t)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    out[0] = (uint8_t)(0xF0u | (cp >> 18));
    out[1] = (uint8_t)(0x80u | ((cp >> 12) & 0x3Fu));
    out[2] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
    out[3] = (uint8_t)(0x80u | (cp & 0x3Fu));
    return 4;
}
