/* SPDX-License-Identifier: MIT */
/* test_conv_num.c - unit tests of driver/conv helpers: exact decimals (parse,
 * text, rounding, SQL_NUMERIC_STRUCT), shortest double text independent of
 * LC_NUMERIC, the Informix day calendar, ODBC date/time/interval literals and
 * UTF-8 decoding. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "conv.h"
#include "sq_types.h"

struct case_dnum {
    const char *in;
    bool ok;
    int scale;
    const char *text;
};

static const struct case_dnum dnum_cases[] = {
    {"0", true, -1, "0"},
    {"-0.000", true, -1, "0"},
    {"  +12.50  ", true, -1, "12.5"},
    {"12.5", true, 2, "12.50"},
    {".5", true, -1, "0.5"},
    {"5.", true, -1, "5"},
    {"-1.25", true, 1, "-1.3"}, /* half away from zero */
    {"1.25", true, 1, "1.3"},
    {"1.249", true, 1, "1.2"},
    {"9.99", true, 1, "10.0"},
    {"-0.004", true, 2, "0.00"},
    {"1e3", true, -1, "1000"},
    {"1.5E-3", true, -1, "0.0015"},
    {"12345678901234567890123456789012345678", true, -1, "12345678901234567890123456789012345678"},
    {"", false, -1, NULL},
    {"-", false, -1, NULL},
    {".", false, -1, NULL},
    {"1e", false, -1, NULL},
    {"1e+", false, -1, NULL},
    {"12a", false, -1, NULL},
    {"1 2", false, -1, NULL},
    {"1e999999", false, -1, NULL},
    {"0x10", false, -1, NULL},
};

START_TEST(dnum_parse_and_text)
{
    const struct case_dnum *c = &dnum_cases[_i];
    struct conv_dnum x;
    char buf[128];
    bool ok = conv_dnum_parse(c->in, strlen(c->in), &x, NULL);
    ck_assert_msg(ok == c->ok, "'%s': parse %d", c->in, ok);
    if (!ok)
        return;
    ck_assert_uint_eq(conv_dnum_to_text(&x, c->scale, buf, sizeof(buf)), strlen(c->text));
    ck_assert_str_eq(buf, c->text);
}
END_TEST

START_TEST(dnum_text_bounded)
{
    struct conv_dnum x;
    char buf[4];
    ck_assert(conv_dnum_parse("-123.45", 7, &x, NULL));
    memset(buf, 'Z', sizeof(buf));
    ck_assert_uint_eq(conv_dnum_to_text(&x, -1, buf, sizeof(buf)), 7);
    ck_assert_str_eq(buf, "-12");
    ck_assert_uint_eq(conv_dnum_to_text(&x, -1, NULL, 0), 7);
}
END_TEST

START_TEST(dnum_integer_ranges)
{
    struct conv_dnum x;
    int64_t v;
    uint64_t u;
    conv_dnum_from_i64(INT64_MIN, &x);
    ck_assert_int_eq(conv_dnum_to_i64(&x, INT64_MIN, INT64_MAX, &v), CONV_OK);
    ck_assert(v == INT64_MIN);
    ck_assert_int_eq(conv_dnum_to_i64(&x, -INT64_MAX, INT64_MAX, &v), CONV_OUT_OF_RANGE);
    conv_dnum_from_u64(UINT64_MAX, &x);
    ck_assert_int_eq(conv_dnum_to_u64(&x, UINT64_MAX, &u), CONV_OK);
    ck_assert(u == UINT64_MAX);
    ck_assert_int_eq(conv_dnum_to_i64(&x, INT64_MIN, INT64_MAX, &v), CONV_OUT_OF_RANGE);
    ck_assert(conv_dnum_parse("18446744073709551616", 20, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_u64(&x, UINT64_MAX, &u), CONV_OUT_OF_RANGE);
    ck_assert(conv_dnum_parse("-0.7", 4, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_u64(&x, 10, &u), CONV_FRACTION_TRUNCATED);
    ck_assert(u == 0);
    ck_assert_int_eq(conv_dnum_to_i64(&x, -10, 10, &v), CONV_FRACTION_TRUNCATED);
    ck_assert(v == 0);
    ck_assert(conv_dnum_parse("1e30", 4, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_i64(&x, INT64_MIN, INT64_MAX, &v), CONV_OUT_OF_RANGE);
}
END_TEST

START_TEST(dnum_many_digits_marks_lost)
{
    char text[120];
    struct conv_dnum x;
    bool lost = false;
    memset(text, '1', 100);
    ck_assert(conv_dnum_parse(text, 100, &x, &lost));
    ck_assert(lost);
    ck_assert_int_eq(x.n, CONV_DNUM_MAX);
    ck_assert_int_eq(x.exp, 100 - CONV_DNUM_MAX);
}
END_TEST

START_TEST(decimal_from_sq)
{
    /* doc §9.4: -42.125 NUMERIC(10,3): exponent 1, digits 42 12 50 */
    struct sq_decimal d = {.sign = -1, .exp = 1, .ndig = 3, .dig = {42, 12, 50}};
    struct sq_decimal bad = {.sign = 1, .exp = 1, .ndig = 1, .dig = {100}};
    struct sq_decimal zero = {.sign = 1, .exp = 0, .ndig = 0};
    struct conv_dnum x;
    char buf[32];
    ck_assert(conv_dnum_from_sq(&d, &x));
    conv_dnum_to_text(&x, 3, buf, sizeof(buf));
    ck_assert_str_eq(buf, "-42.125");
    ck_assert(!conv_dnum_from_sq(&bad, &x));
    ck_assert(conv_dnum_from_sq(&zero, &x));
    conv_dnum_to_text(&x, 2, buf, sizeof(buf));
    ck_assert_str_eq(buf, "0.00");
}
END_TEST

START_TEST(numeric_struct_both_ways)
{
    SQL_NUMERIC_STRUCT ns;
    struct conv_dnum x, back;
    char buf[64];
    /* 38 nines: the largest SQL_NUMERIC magnitude */
    const char *nines = "99999999999999999999999999999999999999";
    ck_assert(conv_dnum_parse(nines, 38, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_numeric(&x, 38, 0, &ns), CONV_OK);
    conv_dnum_from_numeric(&ns, &back);
    conv_dnum_to_text(&back, -1, buf, sizeof(buf));
    ck_assert_str_eq(buf, nines);
    ck_assert(conv_dnum_parse("1e38", 4, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_numeric(&x, 38, 0, &ns), CONV_OUT_OF_RANGE);
    ck_assert_int_eq(conv_dnum_to_numeric(&x, 39, 0, &ns), CONV_OUT_OF_RANGE);
    /* negative scale: 12300 with scale -2 -> 123 */
    ck_assert(conv_dnum_parse("12345", 5, &x, NULL));
    ck_assert_int_eq(conv_dnum_to_numeric(&x, 5, -2, &ns), CONV_FRACTION_TRUNCATED);
    ck_assert_int_eq(ns.val[0], 123);
    conv_dnum_from_numeric(&ns, &back);
    conv_dnum_to_text(&back, -1, buf, sizeof(buf));
    ck_assert_str_eq(buf, "12300");
}
END_TEST

struct case_dbl {
    double v;
    bool is_float;
    const char *text;
};

static const struct case_dbl dbl_cases[] = {
    {3.5, false, "3.5"},
    {0.1, false, "0.1"},
    {1e20, false, "1e+20"},
    {-0.001, false, "-0.001"},
    {1.0 / 3.0, false, "0.3333333333333333"},
    {123456789.0, false, "123456789"},
    {0.1f, true, "0.1"},
    {16777216.0f, true, "16777216"},
    {0.0, false, "0"},
    {2.5e-300, false, "2.5e-300"},
};

START_TEST(double_shortest_text_in_any_locale)
{
    const struct case_dbl *c = &dbl_cases[_i];
    char buf[64];
    double back;
    /* a decimal-comma locale must not leak in (only if installed) */
    (void)setlocale(LC_NUMERIC, "de_DE.UTF-8");
    ck_assert_uint_eq(conv_double_to_text(c->v, c->is_float, buf, sizeof(buf)), strlen(c->text));
    ck_assert_str_eq(buf, c->text);
    ck_assert(conv_text_to_double(buf, strlen(buf), &back));
    ck_assert(c->is_float ? (float)back == (float)c->v : back == c->v);
    (void)setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(text_to_double_rejects_junk)
{
    double v;
    ck_assert(!conv_text_to_double("1,5", 3, &v));
    ck_assert(!conv_text_to_double("inf", 3, &v));
    ck_assert(!conv_text_to_double("0x10", 4, &v));
    ck_assert(!conv_text_to_double("", 0, &v));
    ck_assert(!conv_text_to_double("1.5x", 4, &v));
    ck_assert(conv_text_to_double(" 1.5 ", 5, &v));
    ck_assert(v == 1.5);
}
END_TEST

START_TEST(calendar_days)
{
    int y, m, d;
    /* doc §9.4: day 0 = 1899-12-31, 1970-01-01 = 25568, 2024-06-15 = 45457 */
    ck_assert_int_eq(conv_days_from_ymd(1899, 12, 31), 0);
    ck_assert_int_eq(conv_days_from_ymd(1970, 1, 1), 25568);
    ck_assert_int_eq(conv_days_from_ymd(2024, 6, 15), 45457);
    ck_assert_int_eq(conv_days_from_ymd(1899, 12, 30), -1);
    for (int64_t days = -800000; days <= 3000000; days += 997) {
        conv_ymd_from_days(days, &y, &m, &d);
        ck_assert(conv_date_valid(y, m, d) || y < 1 || y > 9999);
        ck_assert_int_eq(conv_days_from_ymd(y, m, d), days);
    }
    ck_assert(conv_date_valid(2000, 2, 29));
    ck_assert(!conv_date_valid(1900, 2, 29));
    ck_assert(!conv_date_valid(2024, 4, 31));
    ck_assert(!conv_date_valid(10000, 1, 1));
}
END_TEST

struct case_ts {
    const char *in;
    enum conv_rc rc;
    bool hd, ht;
    int y, mo, d, h, mi, s;
    uint32_t ns;
};

static const struct case_ts ts_cases[] = {
    {"2024-06-15", CONV_OK, true, false, 2024, 6, 15, 0, 0, 0, 0},
    {" 2024-06-15 12:34:56.123456789 ", CONV_OK, true, true, 2024, 6, 15, 12, 34, 56, 123456789},
    {"2024-06-15 12:34", CONV_OK, true, true, 2024, 6, 15, 12, 34, 0, 0},
    {"2024-06-15T01:02:03.5", CONV_OK, true, true, 2024, 6, 15, 1, 2, 3, 500000000},
    {"12:34:56", CONV_OK, false, true, 1, 1, 1, 12, 34, 56, 0},
    {"2024-13-01", CONV_INVALID_DATETIME, true, false, 0, 0, 0, 0, 0, 0, 0},
    {"25:00:00", CONV_INVALID_DATETIME, false, true, 0, 0, 0, 0, 0, 0, 0},
    {"2024-06-15 12:34:56.1234567891", CONV_INVALID_CHAR, false, false, 0, 0, 0, 0, 0, 0, 0},
    {"2024/06/15", CONV_INVALID_CHAR, false, false, 0, 0, 0, 0, 0, 0, 0},
    {"", CONV_INVALID_CHAR, false, false, 0, 0, 0, 0, 0, 0, 0},
    {"2024-06-15 x", CONV_INVALID_CHAR, false, false, 0, 0, 0, 0, 0, 0, 0},
};

START_TEST(parse_timestamps)
{
    const struct case_ts *c = &ts_cases[_i];
    struct conv_ts ts;
    bool hd, ht;
    enum conv_rc rc = conv_parse_ts(c->in, strlen(c->in), &ts, &hd, &ht);
    ck_assert_msg(rc == c->rc, "'%s': %s", c->in, conv_rc_name(rc));
    if (rc != CONV_OK)
        return;
    ck_assert_int_eq(hd, c->hd);
    ck_assert_int_eq(ht, c->ht);
    ck_assert_int_eq(ts.year, c->y);
    ck_assert_int_eq(ts.month, c->mo);
    ck_assert_int_eq(ts.day, c->d);
    ck_assert_int_eq(ts.hour, c->h);
    ck_assert_int_eq(ts.minute, c->mi);
    ck_assert_int_eq(ts.second, c->s);
    ck_assert_uint_eq(ts.frac_ns, c->ns);
}
END_TEST

START_TEST(parse_every_prefix_never_crashes)
{
    const char *t = "2024-06-15 12:34:56.123456789";
    size_t n = strlen(t);
    for (size_t k = 0; k <= n; k++) {
        struct conv_ts ts;
        struct conv_ival iv;
        bool hd, ht;
        enum conv_rc rc = conv_parse_ts(t, k, &ts, &hd, &ht);
        ck_assert(rc == CONV_OK || rc == CONV_INVALID_CHAR || rc == CONV_INVALID_DATETIME);
        rc = conv_ival_parse(t, k, SQL_IS_DAY_TO_SECOND, &iv);
        ck_assert(rc == CONV_OK || rc == CONV_INVALID_CHAR || rc == CONV_INTERVAL_OVERFLOW);
    }
}
END_TEST

START_TEST(timestamp_text)
{
    struct conv_ts ts = {2024, 6, 15, 1, 2, 3, 123456789};
    char buf[40];
    ck_assert_uint_eq(conv_ts_to_text(&ts, true, true, 5, buf, sizeof(buf)), 25);
    ck_assert_str_eq(buf, "2024-06-15 01:02:03.12345");
    conv_ts_to_text(&ts, true, false, 0, buf, sizeof(buf));
    ck_assert_str_eq(buf, "2024-06-15");
    conv_ts_to_text(&ts, false, true, 9, buf, sizeof(buf));
    ck_assert_str_eq(buf, "01:02:03.123456789");
    ck_assert_uint_eq(conv_ts_to_text(&ts, true, true, 0, buf, 5), 19);
    ck_assert_str_eq(buf, "2024");
}
END_TEST

START_TEST(datetime_classes)
{
    ck_assert_int_eq(conv_dt_class_of(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY)), CONV_DTC_DATE);
    ck_assert_int_eq(conv_dt_class_of(SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_F5)), CONV_DTC_TIME);
    ck_assert_int_eq(conv_dt_class_of(SQ_TU_DTENCODE(SQ_TU_SECOND, SQ_TU_F2)), CONV_DTC_TIME);
    ck_assert_int_eq(conv_dt_class_of(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND)),
                     CONV_DTC_TIMESTAMP);
    ck_assert_int_eq(conv_dt_class_of(SQ_TU_DTENCODE(SQ_TU_DAY, SQ_TU_DAY)), CONV_DTC_TIMESTAMP);
    ck_assert_int_eq(conv_qual_frac_digits(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F3)), 3);
    ck_assert_int_eq(conv_qual_frac_digits(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND)), 0);
}
END_TEST

START_TEST(intervals)
{
    struct conv_ival iv, out;
    char buf[48];
    ck_assert_int_eq(conv_ival_parse("-12 03:04:05.25", 15, SQL_IS_DAY_TO_SECOND, &iv), CONV_OK);
    ck_assert(iv.neg);
    ck_assert_uint_eq(iv.day, 12);
    ck_assert_uint_eq(iv.frac_ns, 250000000u);
    conv_ival_to_text(&iv, 2, buf, sizeof(buf));
    ck_assert_str_eq(buf, "-12 03:04:05.25");
    ck_assert_int_eq(conv_ival_convert(&iv, SQL_IS_MINUTE_TO_SECOND, &out), CONV_OK);
    ck_assert_uint_eq(out.minute, 12u * 1440u + 184u);
    ck_assert_uint_eq(out.second, 5);
    ck_assert_int_eq(conv_ival_convert(&iv, SQL_IS_DAY, &out), CONV_FRACTION_TRUNCATED);
    ck_assert_int_eq(conv_ival_convert(&iv, SQL_IS_MONTH, &out), CONV_UNSUPPORTED);
    ck_assert_int_eq(conv_ival_parse("2-13", 4, SQL_IS_YEAR_TO_MONTH, &iv), CONV_INTERVAL_OVERFLOW);
    ck_assert_int_eq(conv_ival_parse("2-06", 4, SQL_IS_YEAR_TO_MONTH, &iv), CONV_OK);
    ck_assert_int_eq(conv_ival_convert(&iv, SQL_IS_MONTH, &out), CONV_OK);
    ck_assert_uint_eq(out.month, 30);
    ck_assert_int_eq(conv_ival_parse("99999999999", 11, SQL_IS_DAY, &iv), CONV_INVALID_CHAR);
    ck_assert_int_eq(conv_ival_parse("4294967296", 10, SQL_IS_DAY, &iv), CONV_INTERVAL_OVERFLOW);
    ck_assert_int_eq(conv_ival_code_of(SQ_TU_IENCODE(2, SQ_TU_FRAC, SQ_TU_F3)), SQL_IS_SECOND);
    ck_assert_int_eq(conv_ival_code_of(SQ_TU_IENCODE(2, SQ_TU_MONTH, SQ_TU_DAY)), 0);
}
END_TEST

START_TEST(utf8_decoding)
{
    static const struct {
        const char *s;
        size_t units;
    } u[] = {
        {"abc", 3},
        {"\xC3\xA9", 1},
        {"\xE2\x82\xAC", 1},
        {"\xF0\x9F\x98\x80", 2},
        {"\xC0\x80", 2},         /* overlong: two replacement characters */
        {"\xED\xA0\x80", 3},     /* encoded surrogate */
        {"\xF4\x90\x80\x80", 4}, /* above U+10FFFF */
        {"\xE2\x82", 2},         /* truncated sequence */
    };
    for (size_t k = 0; k < sizeof(u) / sizeof(u[0]); k++)
        ck_assert_uint_eq(conv_utf16_units((const uint8_t *)u[k].s, strlen(u[k].s)), u[k].units);
    {
        uint8_t out[4];
        uint32_t cp;
        ck_assert_uint_eq(conv_utf8_put(0x1F600, out), 4);
        ck_assert_uint_eq(conv_utf8_next(out, 4, &cp), 4);
        ck_assert_uint_eq(cp, 0x1F600);
        ck_assert_uint_eq(conv_utf8_next(out, 3, &cp), 1);
        ck_assert_uint_eq(cp, 0xFFFD);
    }
}
END_TEST

static Suite *num_suite(void)
{
    Suite *s = suite_create("conv_num");
    TCase *tc = tcase_create("numbers");
    tcase_add_loop_test(tc, dnum_parse_and_text, 0,
                        (int)(sizeof(dnum_cases) / sizeof(dnum_cases[0])));
    tcase_add_test(tc, dnum_text_bounded);
    tcase_add_test(tc, dnum_integer_ranges);
    tcase_add_test(tc, dnum_many_digits_marks_lost);
    tcase_add_test(tc, decimal_from_sq);
    tcase_add_test(tc, numeric_struct_both_ways);
    tcase_add_loop_test(tc, double_shortest_text_in_any_locale, 0,
                        (int)(sizeof(dbl_cases) / sizeof(dbl_cases[0])));
    tcase_add_test(tc, text_to_double_rejects_junk);
    suite_add_tcase(s, tc);
    tc = tcase_create("datetime");
    tcase_add_test(tc, calendar_days);
    tcase_add_loop_test(tc, parse_timestamps, 0, (int)(sizeof(ts_cases) / sizeof(ts_cases[0])));
    tcase_add_test(tc, parse_every_prefix_never_crashes);
    tcase_add_test(tc, timestamp_text);
    tcase_add_test(tc, datetime_classes);
    tcase_add_test(tc, intervals);
    tcase_add_test(tc, utf8_decoding);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(num_suite());
}
