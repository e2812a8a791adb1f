/* SPDX-License-Identifier: MIT */
/* sq_dt.c - DATETIME/INTERVAL on the client side (protocol core, driver/sqli):
 * qualifiers, the stored form (a DECIMAL, doc §9.4) and literal text. Pure; no
 * ODBC, no allocation, no locale. Uses sq_dec.c for the decimal bytes.
 *
 * THE DIGIT RULE (doc §17.4, [U]; PROTOCOL.md "Values"; written down only here):
 *   A qualifier (digits << 8 | start << 4 | end) has F = max(0, end - 10)
 *   fraction digits and I = digits - F integer digits. The integer digits are
 *   the concatenated non-FRACTION fields from start to min(end, SECOND): the
 *   leading field takes I - 2 x (fields - 1) digits (DATETIME: YEAR 4, others 2;
 *   INTERVAL: its leading precision), every other field 2. The value is the
 *   decimal number <integer digits>.<fraction digits>: the decimal point sits
 *   after the qualifier's LAST non-FRACTION field (not after SECOND), so
 *   DATETIME HOUR TO MINUTE 05:00 is 500 (C2 05 00) and YEAR TO DAY 2024-06-15
 *   is 0.20 24 06 15 x 100^4. The bytes are that decimal in the DECIMAL stored
 *   form, normalised (leading zero digit pairs dropped, exponent adjusted), in
 *   1 + ceil(I/2) + ceil(F/2) bytes. Negative INTERVALs use the negative
 *   decimal form. Decoding goes through the exponent: a digit's place is its
 *   distance from the decimal point, never its byte offset.
 * Vectors: V4 C7 14 1A 06 14 0C 22 38 = YEAR TO SECOND 2026-06-20 12:34:56,
 *          V5 C4 0C 03 04 05 = INTERVAL DAY(2) TO SECOND 12 03:04:05. */
#include "sq_value.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sq_internal.h"
#include "sq_types.h"

#define DT_MAX_DIGITS 32
#define DT_MAX_PAIRS 20 /* ceil(I/2) + ceil(F/2) <= 17, plus 2 of slack for FRACTION */

/* Parsed qualifier. Field indexes are SQ_DT_* (TU / 2 for YEAR..SECOND). */
struct qinfo {
    int first;  /* first field */
    int last;   /* last non-fraction field */
    int lead_w; /* digits of the leading field */
    int idig;   /* I */
    int fdig;   /* F */
};

static bool qual_parse(uint16_t qual, bool interval, struct qinfo *q)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual), len = SQ_TU_LEN(qual);

    if (s == SQ_TU_FRAC) {
        /* FRACTION TO FRACTION(n): no integer digits, n fraction digits (the
         * digit count of the qualifier is not used: I is 0 by definition). */
        if (e < SQ_TU_F1 || e > SQ_TU_F5)
            return false;
        q->first = SQ_DT_FRAC;
        q->last = SQ_DT_FRAC - 1; /* no integer field */
        q->fdig = (int)(e - SQ_TU_SECOND);
        q->idig = 0;
        q->lead_w = 0;
        return true;
    }
    if (s > SQ_TU_SECOND || (s & 1u) || e < s || (e <= SQ_TU_SECOND && (e & 1u)) || e > SQ_TU_F5)
        return false;
    q->first = (int)(s / 2u);
    q->last = (int)((e > SQ_TU_SECOND ? SQ_TU_SECOND : e) / 2u);
    q->fdig = e > SQ_TU_SECOND ? (int)(e - SQ_TU_SECOND) : 0;
    q->idig = (int)len - q->fdig;
    q->lead_w = q->idig - 2 * (q->last - q->first);
    if (q->idig < 1 || (int)len > DT_MAX_DIGITS)
        return false;
    if (interval) {
        if (q->lead_w < 1 || q->lead_w > 9)
            return false;
        /* two families: YEAR..MONTH, DAY..FRACTION */
        if (s <= SQ_TU_MONTH && e > SQ_TU_MONTH)
            return false;
    } else if (q->lead_w != (s == SQ_TU_YEAR ? 4 : 2)) {
        return false;
    }
    return true;
}

bool sq_dt_qual_valid(uint16_t qual, bool interval)
{
    struct qinfo q;
    return qual_parse(qual, interval, &q);
}

size_t sq_dt_width(uint16_t qual)
{
    unsigned e = SQ_TU_END(qual), len = SQ_TU_LEN(qual);
    unsigned f = e > SQ_TU_SECOND ? e - SQ_TU_SECOND : 0;
    unsigned i = len > f && SQ_TU_START(qual) != SQ_TU_FRAC ? len - f : 0;
    return 1u + (i + 1u) / 2u + (f + 1u) / 2u;
}

static const int64_t pow10_tab[10] = {1,      10,      100,      1000,      10000,
                                      100000, 1000000, 10000000, 100000000, 1000000000};

static int days_in_month(int64_t year, int64_t month, bool has_year)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 31;
    if (month == 2) {
        if (!has_year)
            return 29;
        return ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
    }
    return mdays[month - 1];
}

/* Range rules: every field of the qualifier within its range; an INTERVAL's
 * leading field only bounded by its precision. */
static bool fields_valid(const struct sq_dt *dt, bool interval, const struct qinfo *q)
{
    static const int64_t max_nonlead[7] = {9999, 11, 31, 23, 59, 59, 99999};
    for (int f = q->first; f <= q->last; f++) {
        int64_t v = dt->f[f];
        if (v < 0)
            return false;
        if (f == q->first && v >= pow10_tab[q->lead_w])
            return false;
        if (interval) {
            if (f != q->first && v > max_nonlead[f])
                return false;
            continue;
        }
        switch (f) {
        case SQ_DT_YEAR:
            if (v < 1 || v > 9999)
                return false;
            break;
        case SQ_DT_MONTH:
            if (v < 1 || v > 12)
                return false;
            break;
        case SQ_DT_DAY: {
            bool has_month = q->first <= SQ_DT_MONTH;
            int max = has_month ? days_in_month(dt->f[SQ_DT_YEAR], dt->f[SQ_DT_MONTH],
                                                q->first == SQ_DT_YEAR)
                                : 31;
            if (v < 1 || v > max)
                return false;
            break;
        }
        default:
            if (v > max_nonlead[f])
                return false;
            break;
        }
    }
    return q->fdig == 0 || (dt->f[SQ_DT_FRAC] >= 0 && dt->f[SQ_DT_FRAC] <= 99999);
}

enum sq_rc sq_dt_from_wire(uint16_t qual, bool interval, const uint8_t *p, size_t n,
                           struct sq_dt *dt, bool *is_null)
{
    struct qinfo q;
    struct sq_decimal d;
    uint8_t idig[DT_MAX_DIGITS] = {0}, fdig[5] = {0};

    memset(dt, 0, sizeof *dt);
    dt->qual = qual;
    *is_null = false;
    if (!qual_parse(qual, interval, &q) || n != sq_dt_width(qual))
        return SQ_RC_PROTOCOL;
    enum sq_rc rc = sq_dec_from_wire(p, n, &d, is_null);
    if (rc != SQ_RC_OK || *is_null)
        return rc;
    if (d.ndig && d.sign < 0 && !interval)
        return SQ_RC_PROTOCOL;
    /* Place every decimal digit by its distance from the point (2 x exp). */
    int dexp = 2 * d.exp;
    for (int k = 0; k < 2 * d.ndig; k++) {
        int c = k & 1 ? d.dig[k / 2] % 10 : d.dig[k / 2] / 10;
        if (c == 0)
            continue;
        int ip = dexp - 1 - k; /* 0 = units digit of the integer part */
        if (ip >= 0) {
            if (ip >= q.idig)
                return SQ_RC_PROTOCOL; /* more integer digits than the qualifier has */
            idig[q.idig - 1 - ip] = (uint8_t)c;
        } else {
            int fj = -ip - 1;
            if (fj >= q.fdig)
                return SQ_RC_PROTOCOL; /* more fraction digits than FRACTION(n) */
            fdig[fj] = (uint8_t)c;
        }
    }
    int pos = 0;
    for (int f = q.first; f <= q.last; f++) {
        int w = f == q.first ? q.lead_w : 2;
        int64_t v = 0;
        for (int i = 0; i < w; i++)
            v = v * 10 + idig[pos++];
        dt->f[f] = v;
    }
    int64_t fr = 0;
    for (int j = 0; j < 5; j++)
        fr = fr * 10 + (j < q.fdig ? fdig[j] : 0);
    dt->f[SQ_DT_FRAC] = fr;
    dt->neg = interval && d.ndig && d.sign < 0;
    if (!fields_valid(dt, interval, &q))
        return SQ_RC_PROTOCOL;
    return SQ_RC_OK;
}

/* ---- precomputed layout: the fast path of sq_dt_from_wire ----
 * The same digit rule, read in base-100 pairs: with the integer digits padded
 * on the left to an even count (ip = ceil(I/2) pairs) and the fraction digits
 * on the right (fp = ceil(F/2) pairs), every field but an odd-width leading one
 * is whole pairs, and a stored digit byte i (value 0.b1 b2 ... x 100^E) lands
 * on pair ip - E + i of that layout. */

void sq_dt_precompute(struct sq_coldesc *col)
{
    struct qinfo q;
    bool interval = col->kind == SQ_K_INTERVAL;

    col->pre_dt_ok = 0;
    col->pre_dt_first = col->pre_dt_last = col->pre_dt_lead_w = 0;
    col->pre_dt_idig = col->pre_dt_fdig = 0;
    if ((col->kind != SQ_K_DATETIME && !interval) || col->enc_len > 0xFFFFu ||
        !qual_parse((uint16_t)col->enc_len, interval, &q))
        return;
    if (q.idig == 0)
        return; /* FRACTION TO FRACTION: the general path */
    col->pre_dt_first = (uint8_t)q.first;
    col->pre_dt_last = (uint8_t)q.last;
    col->pre_dt_lead_w = (uint8_t)q.lead_w;
    col->pre_dt_idig = (uint8_t)q.idig;
    col->pre_dt_fdig = (uint8_t)q.fdig;
    col->pre_dt_ok = 1;
}

/* Bounds of a field held in one pair (fields_valid(): DATETIME within the
 * calendar, INTERVAL non-leading fields within the usual range). All are at
 * most 99, so a pair within them is also a base-100 digit. YEAR (4 digits,
 * 1..9999) is only ever a leading field and checked on its own. */
static const uint8_t dt_lo[6] = {1, 1, 1, 0, 0, 0};
static const uint8_t dt_hi[6] = {99, 12, 31, 23, 59, 59};
static const uint8_t iv_hi[6] = {99, 11, 31, 23, 59, 59};

/* The fast path proper: true when it decoded the value completely (a valid
 * non-negative value or NULL), false to let sq_dt_from_wire() decide. Reads
 * every pair exactly once, checking it on the way. */
static bool dt_decode_pairs(const struct sq_coldesc *col, bool interval, const uint8_t *p, size_t n,
                            struct sq_dt *dt, bool *is_null)
{
    unsigned ip = (col->pre_dt_idig + 1u) / 2u, fp = (col->pre_dt_fdig + 1u) / 2u;
    unsigned np = ip + fp;
    uint8_t buf[DT_MAX_PAIRS];
    const uint8_t *pr = p + 1; /* the pairs of the layout, when no shift is needed */

    if (n != 1u + np || np > DT_MAX_PAIRS - 2u)
        return false;
    if (p[0] == 0x00) {
        memset(dt, 0, sizeof *dt);
        dt->qual = (uint16_t)col->enc_len;
        *is_null = true;
        return true;
    }
    if (p[0] < 0x80u)
        return false; /* negative: rare, the general path undoes the complement */
    int shift = (int)ip - ((int)(p[0] & 0x7Fu) - 64);
    if (shift != 0) {
        /* leading zero pairs were dropped (or, E > ip, the value is too big
         * unless the extra pairs are zero): realign into buf */
        memset(buf, 0, sizeof buf);
        for (unsigned i = 0; i < np; i++) {
            uint8_t d = p[1 + i];
            int k = (int)i + shift;
            if (k >= 0 && k < (int)np)
                buf[k] = d;
            else if (d)
                return false; /* a digit outside the qualifier (or not a digit) */
        }
        pr = buf;
    }
    unsigned first = col->pre_dt_first, last = col->pre_dt_last;
    unsigned lead_pairs = ip - (last - first), k = 0;
    const uint8_t *hi = interval ? iv_hi : dt_hi;

    memset(dt, 0, sizeof *dt);
    dt->qual = (uint16_t)col->enc_len;
    /* leading field: lead_pairs pairs (an odd width has a zero pad digit in
     * front, which the precision bound below checks) */
    int64_t v = 0;
    for (; k < lead_pairs; k++) {
        if (pr[k] > 99)
            return false;
        v = v * 100 + pr[k];
    }
    if (v >= pow10_tab[col->pre_dt_lead_w])
        return false;
    if (!interval && (v < dt_lo[first] || (first != SQ_DT_YEAR && v > dt_hi[first])))
        return false; /* YEAR: 1..9999, the others as when not leading */
    dt->f[first] = v;
    /* every other field: one pair within its bounds */
    for (unsigned f = first + 1; f <= last; f++, k++) {
        unsigned d = pr[k], lo = interval ? 0u : dt_lo[f];
        if (d < lo || d > hi[f])
            return false;
        dt->f[f] = d;
    }
    if (fp) {
        /* FRACTION(F): pairs f1f2 f3f4 f5x; digits past F must be zero */
        for (unsigned j = 0; j < fp; j++)
            if (pr[ip + j] > 99)
                return false;
        if ((col->pre_dt_fdig & 1u) && pr[np - 1] % 10)
            return false;
        int64_t fr = (int64_t)pr[ip] * 1000;
        if (fp > 1)
            fr += (int64_t)pr[ip + 1] * 10;
        if (fp > 2)
            fr += pr[ip + 2] / 10;
        dt->f[SQ_DT_FRAC] = fr;
    }
    if (!interval && first <= SQ_DT_MONTH && last >= SQ_DT_DAY &&
        dt->f[SQ_DT_DAY] >
            days_in_month(dt->f[SQ_DT_YEAR], dt->f[SQ_DT_MONTH], first == SQ_DT_YEAR))
        return false;
    *is_null = false;
    return true;
}

enum sq_rc sq_dt_decode_col(const struct sq_coldesc *col, const uint8_t *p, size_t n,
                            struct sq_dt *dt, bool *is_null)
{
    bool interval = col->kind == SQ_K_INTERVAL;
    if (col->pre_dt_ok && sq_coldesc_pre_ok(col) &&
        dt_decode_pairs(col, interval, p, n, dt, is_null))
        return SQ_RC_OK;
    return sq_dt_from_wire((uint16_t)col->enc_len, interval, p, n, dt, is_null);
}

enum sq_rc sq_dt_to_wire(const struct sq_dt *dt, bool interval, uint8_t *p, size_t n)
{
    struct qinfo q;
    struct sq_decimal d;
    uint8_t dd[DT_MAX_DIGITS + 4];
    int nd = 0;

    if (!qual_parse(dt->qual, interval, &q) || n != sq_dt_width(dt->qual))
        return SQ_RC_MISUSE;
    if (!fields_valid(dt, interval, &q))
        return SQ_RC_PROTOCOL;
    /* integer digits, padded on the left to an even count */
    if (q.idig & 1)
        dd[nd++] = 0;
    for (int f = q.first; f <= q.last; f++) {
        int w = f == q.first ? q.lead_w : 2;
        int64_t v = dt->f[f];
        for (int i = w - 1; i >= 0; i--) {
            dd[nd + i] = (uint8_t)(v % 10);
            v /= 10;
        }
        nd += w;
    }
    int int_pairs = nd / 2;
    /* fraction digits (FRACTION(n) keeps the first n of the 5), padded on the right */
    for (int j = 0; j < q.fdig; j++)
        dd[nd++] = (uint8_t)(dt->f[SQ_DT_FRAC] / pow10_tab[4 - j] % 10);
    if (nd & 1)
        dd[nd++] = 0;

    memset(&d, 0, sizeof d);
    d.sign = 1;
    int first = 0, last = nd / 2;
    while (first < last && dd[2 * first] == 0 && dd[2 * first + 1] == 0)
        first++;
    while (last > first && dd[2 * last - 2] == 0 && dd[2 * last - 1] == 0)
        last--;
    if (first < last) {
        d.sign = (int8_t)(interval && dt->neg ? -1 : 1);
        d.exp = (int16_t)(int_pairs - first);
        d.ndig = (uint8_t)(last - first);
        for (int i = first; i < last; i++)
            d.dig[i - first] = (uint8_t)(dd[2 * i] * 10 + dd[2 * i + 1]);
    }
    return sq_dec_to_wire(&d, p, n);
}

/* Separator printed before field f (f > first). */
static const char dt_sep[7] = {0, '-', '-', ' ', ':', ':', '.'};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Read 1..maxw digits at s[*i]. */
static bool read_digits(const char *s, size_t n, size_t *i, int maxw, int64_t *v, int *width)
{
    int w = 0;
    int64_t x = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        if (w == maxw)
            return false;
        x = x * 10 + (s[*i] - '0');
        (*i)++;
        w++;
    }
    *v = x;
    *width = w;
    return w > 0;
}

enum sq_rc sq_dt_from_text(uint16_t qual, bool interval, const char *s, size_t n, struct sq_dt *dt)
{
    struct qinfo q;
    size_t i = 0;
    int w;

    memset(dt, 0, sizeof *dt);
    dt->qual = qual;
    if (!qual_parse(qual, interval, &q))
        return SQ_RC_PROTOCOL;
    while (i < n && is_blank(s[i]))
        i++;
    if (interval && i < n && (s[i] == '-' || s[i] == '+'))
        dt->neg = s[i++] == '-';
    for (int f = q.first; f <= q.last; f++) {
        if (f > q.first) {
            if (i >= n || s[i] != dt_sep[f])
                return SQ_RC_PROTOCOL;
            i++;
            if (dt_sep[f] == ' ')
                while (i < n && is_blank(s[i]))
                    i++;
        }
        if (!read_digits(s, n, &i, f == q.first ? q.lead_w : 2, &dt->f[f], &w))
            return SQ_RC_PROTOCOL;
    }
    if (q.fdig > 0 && i < n && (s[i] == '.' || (q.idig == 0 && s[i] >= '0' && s[i] <= '9'))) {
        int64_t fr;
        if (s[i] == '.')
            i++; /* FRACTION TO FRACTION(n) is written "123"; ".123" is read too */
        if (!read_digits(s, n, &i, q.fdig, &fr, &w))
            return SQ_RC_PROTOCOL;
        dt->f[SQ_DT_FRAC] = fr * pow10_tab[5 - w];
    }
    while (i < n && is_blank(s[i]))
        i++;
    if (i != n || !fields_valid(dt, interval, &q))
        return SQ_RC_PROTOCOL;
    bool zero = true;
    for (int f = 0; f < 7; f++)
        if (dt->f[f])
            zero = false;
    if (zero)
        dt->neg = false;
    return SQ_RC_OK;
}

struct tsink {
    char *buf;
    size_t cap;
    size_t len;
};

static void tsink_put(struct tsink *o, const char *s, int n)
{
    for (int k = 0; k < n; k++) {
        if (o->len + 1 < o->cap)
            o->buf[o->len] = s[k];
        o->len++;
    }
}

/* DATETIME: YYYY-MM-DD hh:mm:ss.fff restricted to the qualifier (YEAR 4
 * digits, others 2, FRACTION(n) n digits). INTERVAL: [-]leading field
 * unpadded, the others 2 digits: "2-06", "-12 03:04:05", "3:04", "5.120". */
size_t sq_dt_to_text(const struct sq_dt *dt, bool interval, char *buf, size_t cap)
{
    struct qinfo q;
    struct tsink o = {buf, cap, 0};
    char tmp[32];
    int n;

    if (cap)
        buf[0] = '\0';
    if (!qual_parse(dt->qual, interval, &q))
        return 0;
    if (interval && dt->neg) {
        bool zero = true;
        for (int f = 0; f < 7; f++)
            if (dt->f[f])
                zero = false;
        if (!zero)
            tsink_put(&o, "-", 1);
    }
    for (int f = q.first; f <= q.last; f++) {
        if (f > q.first)
            tsink_put(&o, &dt_sep[f], 1);
        int width = f == q.first ? (interval ? 1 : q.lead_w) : 2;
        n = snprintf(tmp, sizeof tmp, "%0*" PRId64, width, dt->f[f]);
        tsink_put(&o, tmp, n);
    }
    if (q.fdig > 0) {
        int64_t fr = dt->f[SQ_DT_FRAC];
        if (fr < 0)
            fr = 0;
        n = snprintf(tmp, sizeof tmp, q.idig ? ".%0*" PRId64 : "%0*" PRId64, q.fdig,
                     fr / pow10_tab[5 - q.fdig]);
        tsink_put(&o, tmp, n);
    }
    if (cap)
        buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len;
}
