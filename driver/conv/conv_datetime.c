/* SPDX-License-Identifier: MIT */
/* conv_datetime.c - conversion layer: calendar arithmetic (Informix DATE day
 * numbers), DATETIME qualifier classes, ODBC date/time/timestamp literal text
 * and ODBC interval values. Pure; no clock except conv_today(). Works on the
 * field view struct sq_dt (sq_value.h), never on wire bytes. */
#include <string.h>
#include <time.h>

#include "conv.h"
#include "sq_types.h"

/* ---- calendar ------------------------------------------------------------ */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

#define INFORMIX_DAY_OF_1970 25568 /* 1970-01-01 is day 25568 since 1899-12-31 */

int64_t conv_days_from_ymd(int year, int month, int day)
{
    return days_from_civil(year, month, day) + INFORMIX_DAY_OF_1970;
}

void conv_ymd_from_days(int64_t days, int *year, int *month, int *day)
{
    int64_t z = days - INFORMIX_DAY_OF_1970 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    *year = (int)(y + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

static int month_days(int year, int month)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : md[month - 1];
}

bool conv_date_valid(int year, int month, int day)
{
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= month_days(year, month);
}

bool conv_ts_valid(const struct conv_ts *ts)
{
    return conv_date_valid(ts->year, ts->month, ts->day) && ts->hour >= 0 && ts->hour <= 23 &&
           ts->minute >= 0 && ts->minute <= 59 && ts->second >= 0 && ts->second <= 59 &&
           ts->frac_ns < 1000000000u;
}

void conv_today(struct conv_today *out)
{
    time_t now = time(NULL);
    struct tm tmv;
    if (now != (time_t)-1 && localtime_r(&now, &tmv)) {
        out->year = tmv.tm_year + 1900;
        out->month = tmv.tm_mon + 1;
        out->day = tmv.tm_mday;
    } else {
        out->year = 1970;
        out->month = 1;
        out->day = 1;
    }
}

/* ---- DATETIME qualifiers ------------------------------------------------- */

/* Field index (SQ_DT_*) of a time unit code. */
static int tu_field(unsigned tu)
{
    return tu > SQ_TU_SECOND ? SQ_DT_FRAC : (int)(tu / 2u);
}

enum conv_dt_class conv_dt_class_of(uint16_t qual)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual);
    if (s == SQ_TU_YEAR && e == SQ_TU_DAY)
        return CONV_DTC_DATE;
    if (s >= SQ_TU_HOUR)
        return CONV_DTC_TIME;
    return CONV_DTC_TIMESTAMP;
}

int conv_qual_frac_digits(uint16_t qual)
{
    unsigned e = SQ_TU_END(qual);
    return e > SQ_TU_SECOND ? (int)(e - SQ_TU_SECOND) : 0;
}

void conv_dt_to_ts(const struct sq_dt *dt, const struct conv_today *today, struct conv_ts *ts)
{
    int s = tu_field(SQ_TU_START(dt->qual)), e = tu_field(SQ_TU_END(dt->qual));
    int64_t f[7];
    for (int i = 0; i < 7; i++) {
        if (i >= s && i <= e)
            f[i] = dt->f[i];
        else if (i < s && i == SQ_DT_YEAR)
            f[i] = today->year;
        else if (i < s && i == SQ_DT_MONTH)
            f[i] = today->month;
        else if (i < s && i == SQ_DT_DAY)
            f[i] = today->day;
        else if (i == SQ_DT_MONTH || i == SQ_DT_DAY)
            f[i] = 1;
        else
            f[i] = 0;
    }
    ts->year = (int)f[SQ_DT_YEAR];
    ts->month = (int)f[SQ_DT_MONTH];
    ts->day = (int)f[SQ_DT_DAY];
    ts->hour = (int)f[SQ_DT_HOUR];
    ts->minute = (int)f[SQ_DT_MINUTE];
    ts->second = (int)f[SQ_DT_SECOND];
    ts->frac_ns =
        f[SQ_DT_FRAC] >= 0 && f[SQ_DT_FRAC] < 100000 ? (uint32_t)f[SQ_DT_FRAC] * 10000u : 0u;
}

/* ---- literal text -------------------------------------------------------- */

struct scan {
    const char *s;
    size_t i, n;
};

/* 1..maxd digits; false if none. */
static bool scan_num(struct scan *sc, unsigned maxd, uint64_t *v, unsigned *nd)
{
    unsigned k = 0;
    *v = 0;
    while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9') {
        if (k == maxd)
            return false;
        *v = *v * 10u + (uint64_t)(sc->s[sc->i] - '0');
        sc->i++;
        k++;
    }
    if (nd)
        *nd = k;
    return k > 0;
}

static bool scan_ch(struct scan *sc, char c)
{
    if (sc->i < sc->n && sc->s[sc->i] == c) {
        sc->i++;
        return true;
    }
    return false;
}

static void scan_trim(struct scan *sc)
{
    while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t'))
        sc->i++;
    while (sc->n > sc->i && (sc->s[sc->n - 1] == ' ' || sc->s[sc->n - 1] == '\t'))
        sc->n--;
}

/* ".digits" (1..9) into nanoseconds; true if absent or well-formed. */
static bool scan_frac(struct scan *sc, uint32_t *ns)
{
    uint64_t v;
    unsigned nd;
    *ns = 0;
    if (!scan_ch(sc, '.'))
        return true;
    if (sc->i == sc->n)
        return true; /* "12:34:56." */
    if (!scan_num(sc, 9, &v, &nd))
        return false;
    for (unsigned k = nd; k < 9; k++)
        v *= 10u;
    *ns = (uint32_t)v;
    return true;
}

static bool scan_time(struct scan *sc, struct conv_ts *ts)
{
    uint64_t h, mi, se = 0;
    if (!scan_num(sc, 2, &h, NULL) || !scan_ch(sc, ':') || !scan_num(sc, 2, &mi, NULL))
        return false;
    if (scan_ch(sc, ':')) {
        if (!scan_num(sc, 2, &se, NULL) || !scan_frac(sc, &ts->frac_ns))
            return false;
    }
    ts->hour = (int)h;
    ts->minute = (int)mi;
    ts->second = (int)se;
    return true;
}

enum conv_rc conv_parse_ts(const char *s, size_t n, struct conv_ts *ts, bool *has_date,
                           bool *has_time)
{
    struct scan sc = {s, 0, n};
    uint64_t y, m, d;
    size_t save;

    memset(ts, 0, sizeof(*ts));
    ts->year = 1;
    ts->month = 1;
    ts->day = 1;
    *has_date = false;
    *has_time = false;
    scan_trim(&sc);
    save = sc.i;
    if (scan_num(&sc, 4, &y, NULL) && scan_ch(&sc, '-')) {
        if (!scan_num(&sc, 2, &m, NULL) || !scan_ch(&sc, '-') || !scan_num(&sc, 2, &d, NULL))
            return CONV_INVALID_CHAR;
        ts->year = (int)y;
        ts->month = (int)m;
        ts->day = (int)d;
        *has_date = true;
        if (sc.i < sc.n) {
            if (!scan_ch(&sc, ' ') && !scan_ch(&sc, 'T'))
                return CONV_INVALID_CHAR;
            while (scan_ch(&sc, ' '))
                ;
            if (!scan_time(&sc, ts))
                return CONV_INVALID_CHAR;
            *has_time = true;
        }
    } else {
        sc.i = save;
        if (!scan_time(&sc, ts))
            return CONV_INVALID_CHAR;
        *has_time = true;
    }
    if (sc.i != sc.n)
        return CONV_INVALID_CHAR;
    return conv_ts_valid(ts) ? CONV_OK : CONV_INVALID_DATETIME;
}

static void put_num(struct scan *w, char *buf, size_t cap, uint64_t v, unsigned width)
{
    char tmp[24];
    unsigned k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v > 0 && k < sizeof(tmp));
    while (k < width && k < sizeof(tmp))
        tmp[k++] = '0';
    while (k > 0) {
        if (buf && w->i + 1 < cap)
            buf[w->i] = tmp[k - 1];
        w->i++;
        k--;
    }
}

static void put_ch(struct scan *w, char *buf, size_t cap, char c)
{
    if (buf && w->i + 1 < cap)
        buf[w->i] = c;
    w->i++;
}

static size_t put_end(struct scan *w, char *buf, size_t cap)
{
    if (buf && cap > 0)
        buf[w->i < cap ? w->i : cap - 1] = '\0';
    return w->i;
}

static void put_frac(struct scan *w, char *buf, size_t cap, uint32_t ns, int digits)
{
    uint32_t v = ns;
    if (digits <= 0)
        return;
    if (digits > 9)
        digits = 9;
    for (int k = digits; k < 9; k++)
        v /= 10u;
    put_ch(w, buf, cap, '.');
    put_num(w, buf, cap, v, (unsigned)digits);
}

size_t conv_ts_to_text(const struct conv_ts *ts, bool date, bool time, int frac_digits, char *buf,
                       size_t cap)
{
    struct scan w = {NULL, 0, 0};
    if (date) {
        if (ts->year < 0)
            put_ch(&w, buf, cap, '-');
        put_num(&w, buf, cap, (uint64_t)(ts->year < 0 ? -(int64_t)ts->year : ts->year), 4);
        put_ch(&w, buf, cap, '-');
        put_num(&w, buf, cap, (uint64_t)ts->month, 2);
        put_ch(&w, buf, cap, '-');
        put_num(&w, buf, cap, (uint64_t)ts->day, 2);
    }
    if (time) {
        if (date)
            put_ch(&w, buf, cap, ' ');
        put_num(&w, buf, cap, (uint64_t)ts->hour, 2);
        put_ch(&w, buf, cap, ':');
        put_num(&w, buf, cap, (uint64_t)ts->minute, 2);
        put_ch(&w, buf, cap, ':');
        put_num(&w, buf, cap, (uint64_t)ts->second, 2);
        put_frac(&w, buf, cap, ts->frac_ns, frac_digits);
    }
    return put_end(&w, buf, cap);
}

/* ---- intervals ----------------------------------------------------------- */

SQLINTERVAL conv_ival_code_of(uint16_t qual)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual);
    if (e > SQ_TU_SECOND)
        e = SQ_TU_SECOND;
    if (s > SQ_TU_SECOND) /* FRACTION TO FRACTION: seconds with only a fraction */
        s = SQ_TU_SECOND;
    if (s > e || (s & 1u) || (e & 1u))
        return (SQLINTERVAL)0;
    if (s <= SQ_TU_MONTH && e >= SQ_TU_DAY)
        return (SQLINTERVAL)0; /* mixes the two families */
    switch (s) {
    case SQ_TU_YEAR:
        return e == SQ_TU_YEAR ? SQL_IS_YEAR : SQL_IS_YEAR_TO_MONTH;
    case SQ_TU_MONTH:
        return SQL_IS_MONTH;
    case SQ_TU_DAY:
        return e == SQ_TU_DAY      ? SQL_IS_DAY
               : e == SQ_TU_HOUR   ? SQL_IS_DAY_TO_HOUR
               : e == SQ_TU_MINUTE ? SQL_IS_DAY_TO_MINUTE
                                   : SQL_IS_DAY_TO_SECOND;
    case SQ_TU_HOUR:
        return e == SQ_TU_HOUR     ? SQL_IS_HOUR
               : e == SQ_TU_MINUTE ? SQL_IS_HOUR_TO_MINUTE
                                   : SQL_IS_HOUR_TO_SECOND;
    case SQ_TU_MINUTE:
        return e == SQ_TU_MINUTE ? SQL_IS_MINUTE : SQL_IS_MINUTE_TO_SECOND;
    default:
        return SQL_IS_SECOND;
    }
}

bool conv_ival_fields(SQLINTERVAL code, int *first, int *last)
{
    static const signed char map[14][2] = {
        [SQL_IS_YEAR] = {SQ_DT_YEAR, SQ_DT_YEAR},
        [SQL_IS_MONTH] = {SQ_DT_MONTH, SQ_DT_MONTH},
        [SQL_IS_DAY] = {SQ_DT_DAY, SQ_DT_DAY},
        [SQL_IS_HOUR] = {SQ_DT_HOUR, SQ_DT_HOUR},
        [SQL_IS_MINUTE] = {SQ_DT_MINUTE, SQ_DT_MINUTE},
        [SQL_IS_SECOND] = {SQ_DT_SECOND, SQ_DT_SECOND},
        [SQL_IS_YEAR_TO_MONTH] = {SQ_DT_YEAR, SQ_DT_MONTH},
        [SQL_IS_DAY_TO_HOUR] = {SQ_DT_DAY, SQ_DT_HOUR},
        [SQL_IS_DAY_TO_MINUTE] = {SQ_DT_DAY, SQ_DT_MINUTE},
        [SQL_IS_DAY_TO_SECOND] = {SQ_DT_DAY, SQ_DT_SECOND},
        [SQL_IS_HOUR_TO_MINUTE] = {SQ_DT_HOUR, SQ_DT_MINUTE},
        [SQL_IS_HOUR_TO_SECOND] = {SQ_DT_HOUR, SQ_DT_SECOND},
        [SQL_IS_MINUTE_TO_SECOND] = {SQ_DT_MINUTE, SQ_DT_SECOND},
    };
    if ((int)code < (int)SQL_IS_YEAR || (int)code > (int)SQL_IS_MINUTE_TO_SECOND)
        return false;
    *first = map[code][0];
    *last = map[code][1];
    return true;
}

static uint64_t *ival_field(struct conv_ival *iv, int f)
{
    switch (f) {
    case SQ_DT_YEAR:
        return &iv->year;
    case SQ_DT_MONTH:
        return &iv->month;
    case SQ_DT_DAY:
        return &iv->day;
    case SQ_DT_HOUR:
        return &iv->hour;
    case SQ_DT_MINUTE:
        return &iv->minute;
    default:
        return &iv->second;
    }
}

static uint64_t ival_get(const struct conv_ival *iv, int f)
{
    switch (f) {
    case SQ_DT_YEAR:
        return iv->year;
    case SQ_DT_MONTH:
        return iv->month;
    case SQ_DT_DAY:
        return iv->day;
    case SQ_DT_HOUR:
        return iv->hour;
    case SQ_DT_MINUTE:
        return iv->minute;
    default:
        return iv->second;
    }
}

bool conv_ival_from_dt(const struct sq_dt *dt, struct conv_ival *out)
{
    int first, last;
    memset(out, 0, sizeof(*out));
    out->code = conv_ival_code_of(dt->qual);
    if (!conv_ival_fields(out->code, &first, &last))
        return false;
    for (int f = first; f <= last; f++) {
        if (dt->f[f] < 0 || dt->f[f] > (int64_t)UINT32_MAX * 100)
            return false;
        *ival_field(out, f) = (uint64_t)dt->f[f];
    }
    if (last == SQ_DT_SECOND) {
        if (dt->f[SQ_DT_FRAC] < 0 || dt->f[SQ_DT_FRAC] >= 100000)
            return false;
        out->frac_ns = (uint32_t)dt->f[SQ_DT_FRAC] * 10000u;
    }
    out->neg = dt->neg;
    return true;
}

static bool is_ym(SQLINTERVAL c)
{
    return c == SQL_IS_YEAR || c == SQL_IS_MONTH || c == SQL_IS_YEAR_TO_MONTH;
}

enum conv_rc conv_ival_convert(const struct conv_ival *in, SQLINTERVAL code, struct conv_ival *out)
{
    static const uint64_t secs[6] = {0, 0, 86400, 3600, 60, 1};
    int first, last, ifirst, ilast;
    bool trunc = false;

    memset(out, 0, sizeof(*out));
    if (!conv_ival_fields(code, &first, &last) || !conv_ival_fields(in->code, &ifirst, &ilast))
        return CONV_UNSUPPORTED;
    if (is_ym(code) != is_ym(in->code))
        return CONV_UNSUPPORTED;
    out->code = code;
    out->neg = in->neg;
    if (is_ym(code)) {
        uint64_t months;
        if (in->year > UINT32_MAX || in->month > UINT32_MAX)
            return CONV_INTERVAL_OVERFLOW;
        months = in->year * 12u + in->month;
        if (first == SQ_DT_YEAR) {
            out->year = months / 12u;
            if (last == SQ_DT_MONTH)
                out->month = months % 12u;
            else
                trunc = months % 12u != 0;
        } else {
            out->month = months;
        }
    } else {
        uint64_t total = 0, unit_last = secs[last], rest;
        for (int f = SQ_DT_DAY; f <= SQ_DT_SECOND; f++) {
            uint64_t v = ival_get(in, f);
            if (v > ((uint64_t)1 << 40))
                return CONV_INTERVAL_OVERFLOW;
            total += v * secs[f];
        }
        trunc = total % unit_last != 0 || (last != SQ_DT_SECOND && in->frac_ns != 0);
        rest = total - total % unit_last;
        for (int f = first; f <= last; f++) {
            *ival_field(out, f) = rest / secs[f]; /* the leading field keeps the excess */
            rest %= secs[f];
        }
        if (last == SQ_DT_SECOND)
            out->frac_ns = in->frac_ns;
    }
    if (ival_get(out, first) > UINT32_MAX)
        return CONV_INTERVAL_OVERFLOW;
    if (out->year == 0 && out->month == 0 && out->day == 0 && out->hour == 0 && out->minute == 0 &&
        out->second == 0 && out->frac_ns == 0)
        out->neg = false;
    return trunc ? CONV_FRACTION_TRUNCATED : CONV_OK;
}

size_t conv_ival_to_text(const struct conv_ival *iv, int frac_digits, char *buf, size_t cap)
{
    static const char sep[7] = {0, '-', ' ', ' ', ':', ':', 0};
    struct scan w = {NULL, 0, 0};
    int first, last;

    if (!conv_ival_fields(iv->code, &first, &last))
        return put_end(&w, buf, cap);
    if (iv->neg)
        put_ch(&w, buf, cap, '-');
    for (int f = first; f <= last; f++) {
        if (f > first)
            put_ch(&w, buf, cap, sep[f]);
        put_num(&w, buf, cap, ival_get(iv, f), f == first ? 1u : 2u);
    }
    if (last == SQ_DT_SECOND)
        put_frac(&w, buf, cap, iv->frac_ns, frac_digits);
    return put_end(&w, buf, cap);
}

enum conv_rc conv_ival_parse(const char *s, size_t n, SQLINTERVAL code, struct conv_ival *out)
{
    static const char sep[7] = {0, '-', ' ', ' ', ':', ':', 0};
    static const uint64_t maxv[7] = {0, 11, 0, 23, 59, 59, 0};
    struct scan sc = {s, 0, n};
    int first, last;

    memset(out, 0, sizeof(*out));
    if (!conv_ival_fields(code, &first, &last))
        return CONV_UNSUPPORTED;
    out->code = code;
    scan_trim(&sc);
    if (scan_ch(&sc, '-'))
        out->neg = true;
    else
        (void)scan_ch(&sc, '+'); /* an optional plus sign */
    for (int f = first; f <= last; f++) {
        uint64_t v;
        if (f > first && !scan_ch(&sc, sep[f]))
            return CONV_INVALID_CHAR;
        if (!scan_num(&sc, f == first ? 10u : 2u, &v, NULL))
            return CONV_INVALID_CHAR;
        if (f == first ? v > UINT32_MAX : v > maxv[f])
            return CONV_INTERVAL_OVERFLOW;
        *ival_field(out, f) = v;
    }
    if (last == SQ_DT_SECOND && !scan_frac(&sc, &out->frac_ns))
        return CONV_INVALID_CHAR;
    if (sc.i != sc.n)
        return CONV_INVALID_CHAR;
    return CONV_OK;
}
