/* SPDX-License-Identifier: MIT */
/* conv_from_c.c - conversion layer: an application's SQL_C_* parameter value
 * into a struct sq_param for SQ_BIND, following driver/sqli/PROTOCOL.md "Bind
 * parameters" and the ODBC "Converting Data from C to SQL Data Types" tables.
 * Allocates only through sq_alloc.h, into the caller's struct conv_scratch. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "conv.h"
#include "sq_alloc.h"
#include "sq_types.h"

#define PREC_INTEGER 0x0A00u /* 10 << 8, as IDB sends */
#define PREC_BIGINT 0x1300u  /* 19 << 8 */
#define STR16_MAX 65535u
#define VARCHAR_MAX 255u

void conv_scratch_init(struct conv_scratch *s)
{
    s->p = NULL;
    s->cap = 0;
}

void conv_scratch_fini(struct conv_scratch *s)
{
    sq_free(s->p);
    s->p = NULL;
    s->cap = 0;
}

/* Room for n bytes: the inline buffer, else one heap buffer grown once. */
static uint8_t *scratch_get(struct conv_scratch *s, size_t n)
{
    if (n <= sizeof(s->small))
        return s->small;
    if (n > s->cap) {
        uint8_t *np = sq_malloc(n);
        if (!np)
            return NULL;
        sq_free(s->p);
        s->p = np;
        s->cap = n;
    }
    return s->p;
}

/* INTEGER when |v| <= INT32_MAX, else BIGINT. INT32_MIN goes as BIGINT because
 * the most negative value of each width is the NULL marker (doc §9.4/§9.5);
 * callers have already refused INT64_MIN for the same reason. */
static void set_int(struct sq_param *out, int64_t v)
{
    if (v >= -INT32_MAX && v <= INT32_MAX) {
        out->type = SQ_T_INTEGER;
        out->prec = PREC_INTEGER;
    } else {
        out->type = SQ_T_BIGINT;
        out->prec = PREC_BIGINT;
    }
    out->u.i = v;
}

/* Text parameter: VARCHAR up to 255 bytes, CHAR (prec 0) up to 65535. */
static enum conv_rc set_text(struct sq_param *out, struct conv_scratch *sc, const void *p, size_t n)
{
    uint8_t *dst;
    if (n > STR16_MAX)
        return CONV_RIGHT_TRUNC; /* TODO(2): LVARCHAR / data-at-exec for longer text */
    dst = scratch_get(sc, n > 0 ? n : 1);
    if (!dst)
        return CONV_NOMEM;
    if (n > 0 && dst != p)
        memmove(dst, p, n);
    if (n <= VARCHAR_MAX) {
        out->type = SQ_T_VARCHAR;
        out->prec = (uint16_t)n;
    } else {
        out->type = SQ_T_CHAR;
        out->prec = 0;
    }
    out->u.s.p = dst;
    out->u.s.n = n;
    return CONV_OK;
}

static enum conv_rc set_cstr(struct sq_param *out, struct conv_scratch *sc, const char *text,
                             size_t n)
{
    return set_text(out, sc, text, n);
}

static bool is_char_sql(SQLSMALLINT t)
{
    return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR ||
           t == SQL_WVARCHAR || t == SQL_WLONGVARCHAR;
}

static bool is_int_sql(SQLSMALLINT t)
{
    return t == SQL_TINYINT || t == SQL_SMALLINT || t == SQL_INTEGER || t == SQL_BIGINT;
}

static bool is_approx_sql(SQLSMALLINT t)
{
    return t == SQL_REAL || t == SQL_FLOAT || t == SQL_DOUBLE;
}

/* Range of an integer SQL type, Informix's symmetric ranges (the most negative
 * value is the NULL marker on the wire). */
static void int_sql_range(SQLSMALLINT t, int64_t *min, int64_t *max)
{
    switch (t) {
    case SQL_TINYINT:
        *min = -128;
        *max = 255;
        break;
    case SQL_SMALLINT:
        *min = -32767;
        *max = 32767;
        break;
    case SQL_INTEGER:
        *min = -INT32_MAX;
        *max = INT32_MAX;
        break;
    default:
        *min = -INT64_MAX;
        *max = INT64_MAX;
        break;
    }
}

static enum sq_kind target_kind(const struct conv_param_in *in)
{
    return in->target ? in->target->kind : SQ_K_UNKNOWN;
}

static bool wants_boolean(const struct conv_param_in *in)
{
    return target_kind(in) == SQ_K_BOOLEAN;
}

static enum conv_rc set_bool(struct sq_param *out, struct conv_scratch *sc,
                             const struct conv_param_in *in, bool b)
{
    if (wants_boolean(in))
        return set_cstr(out, sc, b ? "t" : "f", 1);
    if (is_char_sql(in->sql_type))
        return set_cstr(out, sc, b ? "1" : "0", 1);
    set_int(out, b ? 1 : 0);
    return CONV_OK;
}

/* ODBC C-numeric -> SQL_BIT: 0/1 fine, 0 < x < 2 -> 22001, else 22003. */
static enum conv_rc bit_from_dnum(const struct conv_dnum *x, bool *b)
{
    uint64_t u;
    enum conv_rc rc = conv_dnum_to_u64(x, 1, &u);
    if (conv_rc_is_error(rc))
        return CONV_OUT_OF_RANGE;
    if (rc == CONV_FRACTION_TRUNCATED)
        return CONV_RIGHT_TRUNC;
    *b = u == 1;
    return CONV_OK;
}

/* An exact number (integer C types, SQL_C_NUMERIC) for the parameter. */
static enum conv_rc from_number(const struct conv_param_in *in, const struct conv_dnum *x,
                                int text_scale, bool numeric_struct, struct conv_scratch *sc,
                                struct sq_param *out)
{
    char text[128];
    size_t len;
    int64_t v, min, max;
    enum conv_rc rc;
    enum sq_kind tk = target_kind(in);

    if (wants_boolean(in) || in->sql_type == SQL_BIT) {
        bool b = false;
        rc = bit_from_dnum(x, &b);
        return rc != CONV_OK ? rc : set_bool(out, sc, in, b);
    }
    if (is_int_sql(in->sql_type) || (!numeric_struct && !is_char_sql(in->sql_type))) {
        int_sql_range(is_int_sql(in->sql_type) ? in->sql_type : SQL_BIGINT, &min, &max);
        rc = conv_dnum_to_i64(x, min, max, &v);
        if (rc == CONV_OK || rc == CONV_FRACTION_TRUNCATED) {
            set_int(out, v);
            return rc;
        }
        /* beyond BIGINT: only a decimal-ish target can take it, as text */
        if (is_int_sql(in->sql_type) ||
            !(in->sql_type == SQL_DECIMAL || in->sql_type == SQL_NUMERIC ||
              is_approx_sql(in->sql_type) || tk == SQ_K_DECIMAL || tk == SQ_K_MONEY ||
              tk == SQ_K_FLOAT || tk == SQ_K_SMALLFLOAT))
            return CONV_OUT_OF_RANGE;
    }
    len = conv_dnum_to_text(x, text_scale, text, sizeof(text));
    if (len >= sizeof(text))
        return CONV_OUT_OF_RANGE;
    return set_cstr(out, sc, text, len);
}

static enum conv_rc from_double(const struct conv_param_in *in, double f, bool is_float,
                                struct conv_scratch *sc, struct sq_param *out)
{
    if (!isfinite(f))
        return CONV_OUT_OF_RANGE;
    if (wants_boolean(in) || in->sql_type == SQL_BIT) {
        if (!(f >= 0.0 && f < 2.0))
            return CONV_OUT_OF_RANGE;
        if (f != 0.0 && f != 1.0)
            return CONV_RIGHT_TRUNC;
        return set_bool(out, sc, in, f == 1.0);
    }
    if (is_char_sql(in->sql_type)) {
        char text[64];
        size_t len = conv_double_to_text(f, is_float, text, sizeof(text));
        return set_cstr(out, sc, text, len);
    }
    if (is_int_sql(in->sql_type)) {
        int64_t min, max;
        double tr = trunc(f);
        int_sql_range(in->sql_type, &min, &max);
        if (tr < (double)min || tr > (double)max || tr >= 9223372036854775807.0)
            return CONV_OUT_OF_RANGE;
        set_int(out, (int64_t)tr);
        return tr != f ? CONV_FRACTION_TRUNCATED : CONV_OK;
    }
    if (is_float) {
        out->type = SQ_T_SMALLFLOAT;
    } else {
        out->type = SQ_T_FLOAT;
    }
    out->prec = 0;
    out->u.f = f;
    return CONV_OK;
}

/* ---- dates and times ---------------------------------------------------- */

/* Add one second, carrying into minutes, hours and days. */
static void ts_add_second(struct conv_ts *ts)
{
    if (++ts->second < 60)
        return;
    ts->second = 0;
    if (++ts->minute < 60)
        return;
    ts->minute = 0;
    if (++ts->hour < 24)
        return;
    ts->hour = 0;
    conv_ymd_from_days(conv_days_from_ymd(ts->year, ts->month, ts->day) + 1, &ts->year, &ts->month,
                       &ts->day);
}

/* Round the fraction to `digits` decimal digits (half up); true if that
 * changed the value. */
static bool ts_round_frac(struct conv_ts *ts, int digits)
{
    uint32_t unit = 1, rem;
    for (int k = digits; k < 9; k++)
        unit *= 10u;
    rem = ts->frac_ns % unit;
    if (rem == 0)
        return false;
    ts->frac_ns -= rem;
    if (rem >= unit / 2u)
        ts->frac_ns += unit;
    if (ts->frac_ns >= 1000000000u) {
        ts->frac_ns -= 1000000000u;
        ts_add_second(ts);
    }
    return true;
}

/* Informix DATETIME literal restricted to the qualifier's fields:
 * "2024-06-15 12:34:56.12345", "12:34", "06-15" ... Fields after the
 * qualifier's end are dropped (truncation: *lost set when non-zero). */
static size_t dt_literal(struct conv_ts *ts, uint16_t qual, char *buf, size_t cap, bool *lost)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual);
    int fd = conv_qual_frac_digits(qual);
    const int vals[6] = {ts->year, ts->month, ts->day, ts->hour, ts->minute, ts->second};
    static const char sep[6] = {0, '-', '-', ' ', ':', ':'};
    char full[40];
    size_t len = 0;
    unsigned first = s > SQ_TU_SECOND ? 6u : s / 2u, last = e > SQ_TU_SECOND ? 5u : e / 2u;

    *lost = false;
    if (fd > 0 || e == SQ_TU_SECOND) {
        /* rounded to the column's FRACTION(n) (whole seconds for ... TO
         * SECOND), half up, carrying into the seconds: 01S07 */
        *lost = ts_round_frac(ts, fd);
    } else if (ts->frac_ns != 0) {
        *lost = true;
    }
    for (unsigned f = last + 1; f < 6; f++) {
        if (vals[f] != (f == 1 || f == 2 ? 1 : 0) && f >= 3)
            *lost = true;
    }
    {
        /* re-read after a possible carry from rounding */
        const int v2[6] = {ts->year, ts->month, ts->day, ts->hour, ts->minute, ts->second};
        for (unsigned f = first; f <= last && f < 6; f++) {
            char tmp[8];
            int w = f == 0 ? 4 : 2, val = v2[f];
            if (f > first)
                full[len++] = sep[f];
            for (int k = w - 1; k >= 0; k--) {
                tmp[k] = (char)('0' + val % 10);
                val /= 10;
            }
            memcpy(full + len, tmp, (size_t)w);
            len += (size_t)w;
        }
    }
    if (fd > 0) {
        uint32_t v = ts->frac_ns;
        for (int k = fd; k < 9; k++)
            v /= 10u;
        if (first <= 5)
            full[len++] = '.';
        for (int k = fd - 1; k >= 0; k--) {
            full[len + (size_t)k] = (char)('0' + v % 10u);
            v /= 10u;
        }
        len += (size_t)fd;
    }
    if (buf && cap > 0) {
        size_t k = len < cap ? len : cap - 1;
        memcpy(buf, full, k);
        buf[k] = '\0';
    }
    return len;
}

/* A complete timestamp value (date and/or time known) for the parameter. */
static enum conv_rc from_ts(const struct conv_param_in *in, struct conv_ts ts, bool has_date,
                            bool has_time, struct conv_scratch *sc, struct sq_param *out)
{
    char text[48];
    size_t len;
    bool lost = false;
    enum sq_kind tk = target_kind(in);
    bool time_set = ts.hour || ts.minute || ts.second || ts.frac_ns;

    if (!has_date) {
        struct conv_today today;
        conv_today(&today);
        ts.year = today.year;
        ts.month = today.month;
        ts.day = today.day;
    }
    if (tk == SQ_K_DATETIME) {
        len = dt_literal(&ts, (uint16_t)in->target->enc_len, text, sizeof(text), &lost);
        if (len >= sizeof(text))
            return CONV_OUT_OF_RANGE;
        {
            enum conv_rc rc = set_cstr(out, sc, text, len);
            return rc == CONV_OK && lost ? CONV_FRACTION_TRUNCATED : rc;
        }
    }
    if (tk == SQ_K_DATE || in->sql_type == SQL_TYPE_DATE || in->sql_type == SQL_DATE ||
        (!has_time && !is_char_sql(in->sql_type) && in->sql_type != SQL_TYPE_TIMESTAMP &&
         in->sql_type != SQL_TIMESTAMP)) {
        enum conv_rc rc = CONV_OK;
        if (!has_date)
            return CONV_UNSUPPORTED;
        if (time_set && (in->sql_type == SQL_TYPE_DATE || in->sql_type == SQL_DATE))
            return CONV_DATETIME_OVERFLOW; /* ODBC: C timestamp -> SQL DATE with a time */
        if (time_set)
            rc = CONV_FRACTION_TRUNCATED; /* DATE column, TIMESTAMP parameter: time dropped */
        out->type = SQ_T_DATE;
        out->prec = 0;
        out->u.i = conv_days_from_ymd(ts.year, ts.month, ts.day);
        return rc;
    }
    if (in->sql_type == SQL_TYPE_TIME || in->sql_type == SQL_TIME ||
        (!has_date && is_char_sql(in->sql_type))) {
        len = conv_ts_to_text(&ts, false, true, 0, text, sizeof(text));
        lost = ts.frac_ns != 0;
    } else if (!has_time && is_char_sql(in->sql_type)) {
        len = conv_ts_to_text(&ts, true, false, 0, text, sizeof(text));
    } else {
        lost = ts_round_frac(&ts, 5);
        len = conv_ts_to_text(&ts, true, true, 5, text, sizeof(text));
    }
    {
        enum conv_rc rc = set_cstr(out, sc, text, len);
        return rc == CONV_OK && lost ? CONV_FRACTION_TRUNCATED : rc;
    }
}

static enum conv_rc from_interval(const struct conv_param_in *in, const struct conv_ival *iv,
                                  struct conv_scratch *sc, struct sq_param *out)
{
    struct conv_ival conv = *iv;
    char text[64];
    size_t len;
    int frac = 5;
    enum conv_rc rc = CONV_OK;
    uint32_t unit = 10000u;

    if (target_kind(in) == SQ_K_INTERVAL) {
        uint16_t qual = (uint16_t)in->target->enc_len;
        SQLINTERVAL code = conv_ival_code_of(qual);
        rc = conv_ival_convert(iv, code, &conv);
        if (conv_rc_is_error(rc))
            return rc;
        unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual), qlen = SQ_TU_LEN(qual);
        int first, last;
        if (s <= SQ_TU_SECOND && qlen > e - s && conv_ival_fields(code, &first, &last)) {
            /* the leading field must fit the column's leading precision */
            const uint64_t v[6] = {conv.year, conv.month, conv.day,
                                   conv.hour, conv.minute, conv.second};
            unsigned prec = qlen - (e - s);
            uint64_t lim = 1;
            for (unsigned k = 0; k < prec && k < 19; k++)
                lim *= 10u;
            if (first >= 0 && first < 6 && v[first] >= lim)
                return CONV_INTERVAL_OVERFLOW;
        }
        frac = conv_qual_frac_digits(qual);
        unit = 1;
        for (int k = frac; k < 9; k++)
            unit *= 10u;
        if (s == SQ_TU_FRAC) {
            /* FRACTION TO FRACTION(n): only the fraction digits, "[-]123" */
            if (conv.day || conv.hour || conv.minute || conv.second)
                return CONV_INTERVAL_OVERFLOW;
            len = (size_t)snprintf(text, sizeof(text), "%s%0*u", conv.neg ? "-" : "", frac,
                                   (unsigned)(conv.frac_ns / unit));
            enum conv_rc r2 = set_cstr(out, sc, text, len);
            return r2 != CONV_OK ? r2 : (conv.frac_ns % unit ? CONV_FRACTION_TRUNCATED : rc);
        }
    }
    if (conv.frac_ns % unit != 0)
        rc = CONV_FRACTION_TRUNCATED; /* digits beyond Informix's FRACTION(n) are cut */
    len = conv_ival_to_text(&conv, frac, text, sizeof(text));
    if (len >= sizeof(text))
        return CONV_OUT_OF_RANGE;
    {
        enum conv_rc r2 = set_cstr(out, sc, text, len);
        return r2 != CONV_OK ? r2 : rc;
    }
}

/* ---- character input ---------------------------------------------------- */

static enum conv_rc input_len(const struct conv_param_in *in, size_t unit, size_t *n)
{
    if (in->octet_len == SQL_NTS) {
        const uint8_t *p = in->data;
        size_t lim = in->buffer_len > 0 ? (size_t)in->buffer_len : SIZE_MAX;
        size_t k = 0;
        while (k + unit <= lim) {
            bool zero = p[k] == 0 && (unit == 1 || p[k + 1] == 0);
            if (zero)
                break;
            k += unit;
        }
        *n = k;
        return CONV_OK;
    }
    if (in->octet_len < 0)
        return CONV_INVALID_LENGTH; /* data-at-exec and others are resolved by the caller */
    if ((size_t)in->octet_len % unit != 0)
        return CONV_INVALID_LENGTH;
    *n = (size_t)in->octet_len;
    return CONV_OK;
}

/* UTF-16LE -> UTF-8 into the scratch buffer; lone surrogates become U+FFFD. */
static enum conv_rc wide_to_utf8(const uint8_t *p, size_t nbytes, struct conv_scratch *sc,
                                 const uint8_t **outp, size_t *outn)
{
    size_t units = nbytes / 2, cap, w = 0;
    uint8_t *dst;
    if (!sq_size_mul(units, 3, &cap))
        return CONV_NOMEM;
    dst = scratch_get(sc, cap > 0 ? cap : 1);
    if (!dst)
        return CONV_NOMEM;
    for (size_t k = 0; k < units; k++) {
        uint32_t u = (uint32_t)p[2 * k] | ((uint32_t)p[2 * k + 1] << 8);
        if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units) {
            uint32_t lo = (uint32_t)p[2 * k + 2] | ((uint32_t)p[2 * k + 3] << 8);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000u + ((u - 0xD800u) << 10) + (lo - 0xDC00u);
                k++;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
        }
        w += conv_utf8_put(u, dst + w);
    }
    *outp = dst;
    *outn = w;
    return CONV_OK;
}

/* ---- BYTE / TEXT parameters (doc §9.7; docs/large-objects.md) ----
 * A parameter becomes a BYTE or TEXT value (a descriptor in the BIND block,
 * the data streamed after SQ_BBIND) when its target column is BYTE/TEXT, or,
 * with no described target, when the application says SQL_LONGVARBINARY
 * (or SQL_BINARY / SQL_VARBINARY with SQL_C_BINARY data: BYTE), or for text
 * of any character SQL type longer than a CHAR parameter can carry (65535
 * bytes: TEXT). Shorter text stays a string, so LVARCHAR/VARCHAR targets of
 * UPDATE ... SET and WHERE keep working. */
uint16_t conv_lob_type(const struct conv_param_in *in)
{
    switch (target_kind(in)) {
    case SQ_K_BYTE:
    case SQ_K_BLOB: /* built as BYTE, sent as a new object's locator (stmt_smartlob.c) */
        return SQ_T_BYTE;
    case SQ_K_TEXT:
    case SQ_K_CLOB:
        return SQ_T_TEXT;
    case SQ_K_UNKNOWN:
        break;
    default:
        return 0;
    }
    if (in->target)
        return 0;
    if (in->sql_type == SQL_LONGVARBINARY ||
        (in->c_type == SQL_C_BINARY &&
         (in->sql_type == SQL_BINARY || in->sql_type == SQL_VARBINARY)))
        return SQ_T_BYTE; /* binary data has no other Informix home */
    if (is_char_sql(in->sql_type)) {
        /* Data-at-execution lengths are resolved by the caller: a declared
         * or collected length reaches us as octet_len. */
        size_t n;
        if (in->octet_len == SQL_NTS && in->data && in->c_type != SQL_C_BINARY) {
            /* a NUL-terminated string is measured: over 65535 bytes it can
             * only travel as TEXT */
            if (input_len(in, in->c_type == SQL_C_WCHAR ? 2 : 1, &n) != CONV_OK)
                return 0;
        } else if (in->octet_len == SQL_NTS || in->octet_len < 0) {
            return 0;
        } else {
            n = (size_t)in->octet_len;
        }
        if (in->c_type == SQL_C_WCHAR)
            n = n / 2 * 3; /* UTF-8 bytes at most */
        return n > STR16_MAX ? SQ_T_TEXT : 0;
    }
    return 0;
}

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of a BYTE/TEXT parameter. Binary C data and character data for
 * TEXT are passed by reference (no copy: the core streams them from the
 * application's buffer); wide text is converted to UTF-8 and character data
 * for BYTE is hex ("Converting Data from C to SQL Data Types": SQL_C_CHAR to
 * a binary type takes two hex digits per byte, 22018 otherwise). */
static enum conv_rc from_lob(const struct conv_param_in *in, SQLSMALLINT c, const uint8_t *p,
                             uint16_t lt, struct conv_scratch *sc, struct sq_param *out)
{
    size_t n;
    enum conv_rc rc;
    if (c == SQL_C_BINARY && in->octet_len == SQL_NTS)
        return CONV_INVALID_LENGTH;
    rc = input_len(in, c == SQL_C_WCHAR ? 2 : 1, &n);
    if (rc != CONV_OK)
        return rc;
    if (c == SQL_C_WCHAR) {
        rc = wide_to_utf8(p, n, sc, &p, &n);
        if (rc != CONV_OK)
            return rc;
    }
    if (c != SQL_C_BINARY && lt == SQ_T_BYTE) {
        if (n % 2)
            return CONV_INVALID_CHAR;
        /* WCHAR: p is the scratch wide_to_utf8 wrote; decode in place. */
        uint8_t *dst = c != SQL_C_WCHAR ? scratch_get(sc, n / 2 ? n / 2 : 1)
                       : p == sc->small ? sc->small
                                        : sc->p;
        if (!dst)
            return CONV_NOMEM;
        for (size_t k = 0; k < n / 2; k++) {
            int hi = hexval(p[2 * k]), lo = hexval(p[2 * k + 1]);
            if (hi < 0 || lo < 0)
                return CONV_INVALID_CHAR;
            dst[k] = (uint8_t)(hi << 4 | lo); /* in place is safe: dst[k] is behind p[2k] */
        }
        p = dst;
        n /= 2;
    }
    out->type = lt;
    out->prec = 0;
    out->is_null = false;
    out->u.lob.p = p;
    out->u.lob.n = n;
    return CONV_OK;
}

static bool ieq(const char *a, size_t n, const char *b)
{
    size_t k = 0;
    for (; k < n && b[k]; k++) {
        char c = a[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != b[k])
            return false;
    }
    return k == n && b[k] == '\0';
}

static enum conv_rc from_text(const struct conv_param_in *in, const uint8_t *p, size_t n,
                              struct conv_scratch *sc, struct sq_param *out)
{
    const char *s = (const char *)p;
    enum sq_kind tk = target_kind(in);
    SQLSMALLINT st = in->sql_type;

    if (tk == SQ_K_BOOLEAN || st == SQL_BIT) {
        struct conv_dnum x;
        size_t i = 0, e = n;
        bool b = false;
        while (i < e && s[i] == ' ')
            i++;
        while (e > i && s[e - 1] == ' ')
            e--;
        if (tk == SQ_K_BOOLEAN && (ieq(s + i, e - i, "t") || ieq(s + i, e - i, "true")))
            return set_bool(out, sc, in, true);
        if (tk == SQ_K_BOOLEAN && (ieq(s + i, e - i, "f") || ieq(s + i, e - i, "false")))
            return set_bool(out, sc, in, false);
        if (!conv_dnum_parse(s, n, &x, NULL))
            return CONV_INVALID_CHAR;
        {
            enum conv_rc rc = bit_from_dnum(&x, &b);
            return rc != CONV_OK ? rc : set_bool(out, sc, in, b);
        }
    }
    if (tk == SQ_K_DATETIME || tk == SQ_K_DATE || st == SQL_TYPE_DATE || st == SQL_DATE ||
        st == SQL_TYPE_TIMESTAMP || st == SQL_TIMESTAMP || st == SQL_TYPE_TIME || st == SQL_TIME) {
        struct conv_ts ts;
        bool hd, ht;
        /* ODBC literal text is normalised to what the target takes; anything
         * else (DBDATE formats, Informix partial literals) passes through. */
        if (conv_parse_ts(s, n, &ts, &hd, &ht) == CONV_OK)
            return from_ts(in, ts, hd, ht, sc, out);
        return set_text(out, sc, p, n);
    }
    if (is_int_sql(st) || st == SQL_DECIMAL || st == SQL_NUMERIC || is_approx_sql(st)) {
        struct conv_dnum x;
        if (!conv_dnum_parse(s, n, &x, NULL))
            return CONV_INVALID_CHAR;
        if (is_int_sql(st)) {
            int64_t v, min, max;
            enum conv_rc rc;
            int_sql_range(st, &min, &max);
            rc = conv_dnum_to_i64(&x, min, max, &v);
            if (rc == CONV_FRACTION_TRUNCATED)
                return CONV_RIGHT_TRUNC; /* ODBC: char -> integer losing fraction = 22001 */
            if (rc != CONV_OK)
                return rc;
            set_int(out, v);
            return CONV_OK;
        }
        {
            size_t i = 0, e = n; /* the exact text, trimmed: no binary floating point */
            while (i < e && (s[i] == ' ' || s[i] == '\t'))
                i++;
            while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
                e--;
            return set_text(out, sc, p + i, e - i);
        }
    }
    return set_text(out, sc, p, n);
}

/* ---- entry --------------------------------------------------------------- */

static uint16_t null_type(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
        return SQ_T_INTEGER;
    case SQL_BIGINT:
        return SQ_T_BIGINT;
    case SQL_REAL:
        return SQ_T_SMALLFLOAT;
    case SQL_FLOAT:
    case SQL_DOUBLE:
        return SQ_T_FLOAT;
    case SQL_TYPE_DATE:
    case SQL_DATE:
        return SQ_T_DATE;
    default:
        return SQ_T_VARCHAR;
    }
}

static SQLSMALLINT norm_c(SQLSMALLINT c)
{
    switch (c) {
    case SQL_C_DATE:
        return SQL_C_TYPE_DATE;
    case SQL_C_TIME:
        return SQL_C_TYPE_TIME;
    case SQL_C_TIMESTAMP:
        return SQL_C_TYPE_TIMESTAMP;
    case SQL_C_TINYINT:
        return SQL_C_STINYINT;
    case SQL_C_SHORT:
        return SQL_C_SSHORT;
    case SQL_C_LONG:
        return SQL_C_SLONG;
    default:
        return c;
    }
}

enum conv_rc conv_from_c(const struct conv_param_in *in, struct conv_scratch *sc,
                         struct sq_param *out)
{
    SQLSMALLINT c =
        norm_c(in->c_type == SQL_C_DEFAULT ? conv_default_c_type(in->sql_type) : in->c_type);
    const uint8_t *p = in->data;
    struct conv_dnum x;

    memset(out, 0, sizeof(*out));
    if (in->octet_len == SQL_NULL_DATA) {
        out->type = null_type(in->sql_type);
        out->prec = 0;
        out->is_null = true;
        return CONV_OK;
    }
    if (!p)
        return CONV_INVALID_LENGTH; /* no data pointer and not NULL (HY009 upstream) */
    switch (c) {
    case SQL_C_STINYINT: {
        int8_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_i64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_UTINYINT:
    case SQL_C_BIT: {
        uint8_t v;
        memcpy(&v, p, sizeof(v));
        if (c == SQL_C_BIT) /* any non-zero byte is true */
            return set_bool(out, sc, in, v != 0);
        conv_dnum_from_u64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_SSHORT: {
        int16_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_i64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_USHORT: {
        uint16_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_u64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_SLONG: {
        int32_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_i64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_ULONG: {
        uint32_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_u64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_SBIGINT: {
        int64_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_i64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_UBIGINT: {
        uint64_t v;
        memcpy(&v, p, sizeof(v));
        conv_dnum_from_u64(v, &x);
        return from_number(in, &x, -1, false, sc, out);
    }
    case SQL_C_NUMERIC: {
        SQL_NUMERIC_STRUCT ns;
        memcpy(&ns, p, sizeof(ns));
        /* the APD's scale when the application set one, else the struct's */
        if (in->num_precision > 0)
            ns.scale = (SQLSCHAR)in->num_scale;
        conv_dnum_from_numeric(&ns, &x);
        return from_number(in, &x, ns.scale > 0 ? ns.scale : -1, true, sc, out);
    }
    case SQL_C_FLOAT: {
        float v;
        memcpy(&v, p, sizeof(v));
        return from_double(in, v, true, sc, out);
    }
    case SQL_C_DOUBLE: {
        double v;
        memcpy(&v, p, sizeof(v));
        return from_double(in, v, false, sc, out);
    }
    case SQL_C_CHAR:
    case SQL_C_BINARY: {
        size_t n;
        enum conv_rc rc;
        uint16_t lt = conv_lob_type(in);
        if (lt)
            return from_lob(in, c, p, lt, sc, out);
        if (c == SQL_C_BINARY && in->octet_len == SQL_NTS)
            return CONV_INVALID_LENGTH;
        rc = input_len(in, 1, &n);
        if (rc != CONV_OK)
            return rc;
        if (c == SQL_C_BINARY) /* TODO(2): BYTE/BLOB parameters; bytes go as CHAR text now */
            return set_text(out, sc, p, n);
        return from_text(in, p, n, sc, out);
    }
    case SQL_C_WCHAR: {
        size_t n, un;
        const uint8_t *u8;
        if (conv_lob_type(in))
            return from_lob(in, c, p, conv_lob_type(in), sc, out);
        enum conv_rc rc = input_len(in, 2, &n);
        if (rc != CONV_OK)
            return rc;
        rc = wide_to_utf8(p, n, sc, &u8, &un);
        if (rc != CONV_OK)
            return rc;
        return from_text(in, u8, un, sc, out);
    }
    case SQL_C_TYPE_DATE: {
        SQL_DATE_STRUCT d;
        struct conv_ts ts;
        memcpy(&d, p, sizeof(d));
        memset(&ts, 0, sizeof(ts));
        ts.year = d.year;
        ts.month = d.month;
        ts.day = d.day;
        if (!conv_ts_valid(&ts))
            return CONV_INVALID_DATETIME;
        if (in->sql_type == SQL_TYPE_TIME || in->sql_type == SQL_TIME)
            return CONV_UNSUPPORTED;
        return from_ts(in, ts, true, false, sc, out);
    }
    case SQL_C_TYPE_TIME: {
        SQL_TIME_STRUCT t;
        struct conv_ts ts;
        memcpy(&t, p, sizeof(t));
        memset(&ts, 0, sizeof(ts));
        ts.year = 2000;
        ts.month = 1;
        ts.day = 1;
        ts.hour = t.hour;
        ts.minute = t.minute;
        ts.second = t.second;
        if (!conv_ts_valid(&ts))
            return CONV_INVALID_DATETIME;
        if (in->sql_type == SQL_TYPE_DATE || in->sql_type == SQL_DATE ||
            target_kind(in) == SQ_K_DATE)
            return CONV_UNSUPPORTED;
        return from_ts(in, ts, false, true, sc, out);
    }
    case SQL_C_TYPE_TIMESTAMP: {
        SQL_TIMESTAMP_STRUCT t;
        struct conv_ts ts;
        memcpy(&t, p, sizeof(t));
        ts.year = t.year;
        ts.month = t.month;
        ts.day = t.day;
        ts.hour = t.hour;
        ts.minute = t.minute;
        ts.second = t.second;
        ts.frac_ns = t.fraction;
        if (!conv_ts_valid(&ts))
            return CONV_INVALID_DATETIME;
        return from_ts(in, ts, true, true, sc, out);
    }
    default:
        break;
    }
    if (c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND) {
        SQL_INTERVAL_STRUCT is;
        struct conv_ival iv;
        static const uint64_t maxv[6] = {UINT32_MAX, 11, UINT32_MAX, 23, 59, 59};
        int first, last;
        memcpy(&is, p, sizeof(is));
        memset(&iv, 0, sizeof(iv));
        iv.code = (SQLINTERVAL)(c - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR);
        iv.neg = is.interval_sign == SQL_TRUE;
        if (iv.code == SQL_IS_YEAR || iv.code == SQL_IS_MONTH || iv.code == SQL_IS_YEAR_TO_MONTH) {
            iv.year = is.intval.year_month.year;
            iv.month = is.intval.year_month.month;
        } else {
            iv.day = is.intval.day_second.day;
            iv.hour = is.intval.day_second.hour;
            iv.minute = is.intval.day_second.minute;
            iv.second = is.intval.day_second.second;
            /* fraction in units of the default interval precision, 6 digits
             * (TODO(2): honour the APD's SQL_DESC_PRECISION) */
            if (is.intval.day_second.fraction >= 1000000u)
                return CONV_INTERVAL_OVERFLOW;
            iv.frac_ns = is.intval.day_second.fraction * 1000u;
        }
        (void)conv_ival_fields(iv.code, &first, &last); /* c is in range: always true */
        {
            const uint64_t vals[6] = {iv.year, iv.month, iv.day, iv.hour, iv.minute, iv.second};
            for (int f = first + 1; f <= last; f++) {
                if (vals[f] > maxv[f])
                    return CONV_INTERVAL_OVERFLOW;
            }
        }
        return from_interval(in, &iv, sc, out);
    }
    return CONV_UNSUPPORTED;
}
