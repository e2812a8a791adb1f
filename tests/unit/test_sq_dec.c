/* SPDX-License-Identifier: MIT */
/* test_sq_dec.c - unit tests of the client DECIMAL/MONEY codec (sq_dec.c):
 * doc §9.4 / §13.1 vectors both ways, NULL and zero forms, garbage, rounding,
 * text parsing, integer/double helpers and a DECIMAL(p,s) round-trip property
 * over every precision 1..32 and fixed and floating scales. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_types.h"
#include "sq_value.h"

/* Fixed-seed generator so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(rng_state >> 33) % n;
}

struct dec_vec {
    const char *hex;
    unsigned prec, scale; /* scale 255 = floating */
    const char *text;
};

static const struct dec_vec vecs[] = {
    {"C3 01 17 2D 43 59 00", 12, 4, "12345.6789"},     /* V1 (LIVE) */
    {"3E 39 57 32 00 00 00", 10, 3, "-42.125"},        /* V2 (LIVE) */
    {"3C 5A 0C 22 39 00 00", 12, 2, "-98765.43"},      /* V3 (LIVE), MONEY */
    {"C2 0C 22 38 00", 8, 2, "1234.56"},               /* §9.4 table */
    {"3D 57 41 2C 00", 8, 2, "-1234.56"},              /* §9.4 table */
    {"C0 32 00 00", 5, 1, "0.5"},                      /* §9.4 table */
    {"C2 02 4C 00 00 00 00 00 00 00", 16, 255, "276"}, /* §9.4 table, floating */
};

START_TEST(vector_decodes_to_text)
{
    const struct dec_vec *v = &vecs[_i];
    uint8_t *b;
    size_t n;
    struct sq_decimal d;
    bool is_null = true;
    char text[128];

    ck_hex(v->hex, &b, &n);
    ck_assert_uint_eq(n, SQ_DECLEN(v->prec, v->scale));
    ck_assert_int_eq(sq_dec_from_wire(b, n, &d, &is_null), SQ_RC_OK);
    ck_assert(!is_null);
    int scale = v->scale == 255 ? -1 : (int)v->scale;
    size_t len = sq_dec_to_text(&d, scale, text, sizeof text);
    ck_assert_str_eq(text, v->text);
    ck_assert_uint_eq(len, strlen(v->text));
    free(b);
}
END_TEST

START_TEST(vector_encodes_from_text)
{
    const struct dec_vec *v = &vecs[_i];
    struct sq_decimal d;
    uint8_t out[40];
    size_t n = SQ_DECLEN(v->prec, v->scale);

    ck_assert_int_eq(sq_dec_from_text(v->text, strlen(v->text), &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_wire(&d, out, n), SQ_RC_OK);
    ck_assert_hex(out, n, v->hex);
}
END_TEST

START_TEST(vector_truncated_or_garbage_is_clean)
{
    /* Every prefix of a vector: length 0 is an error, longer prefixes are
     * shorter (valid) decimals; nothing reads past n. Decoding must never crash. */
    const struct dec_vec *v = &vecs[_i];
    uint8_t *b;
    size_t n;
    struct sq_decimal d;
    bool is_null;

    ck_hex(v->hex, &b, &n);
    ck_assert_int_eq(sq_dec_from_wire(b, 0, &d, &is_null), SQ_RC_PROTOCOL);
    for (size_t k = 1; k < n; k++) {
        uint8_t *copy = malloc(k);
        memcpy(copy, b, k);
        enum sq_rc rc = sq_dec_from_wire(copy, k, &d, &is_null);
        ck_assert(rc == SQ_RC_OK || rc == SQ_RC_PROTOCOL);
        free(copy);
    }
    free(b);
}
END_TEST

START_TEST(null_is_a_zero_first_byte)
{
    struct sq_decimal d;
    bool is_null = false;
    static const uint8_t z[7] = {0};
    static const uint8_t odd[3] = {0x00, 0x05, 0x00};

    ck_assert_int_eq(sq_dec_from_wire(z, sizeof z, &d, &is_null), SQ_RC_OK);
    ck_assert(is_null);
    is_null = false;
    /* doc §17.17: a negative exponent-63 value would also start 00; it reads as NULL */
    ck_assert_int_eq(sq_dec_from_wire(odd, sizeof odd, &d, &is_null), SQ_RC_OK);
    ck_assert(is_null);
}
END_TEST

START_TEST(zero_encodes_c0_and_both_forms_decode)
{
    struct sq_decimal d;
    bool is_null = true;
    uint8_t out[4];
    char t[16];
    static const uint8_t c0[4] = {0xC0, 0, 0, 0};
    static const uint8_t e80[3] = {0x80, 0, 0};

    ck_assert_int_eq(sq_dec_from_text("0", 1, &d), SQ_RC_OK);
    ck_assert_uint_eq(d.ndig, 0);
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_OK);
    ck_assert_hex(out, 4, "C0 00 00 00"); /* our [U] zero (doc §17.15) */
    ck_assert_int_eq(sq_dec_from_text("-0.000", 6, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_OK);
    ck_assert_hex(out, 4, "C0 00 00 00");
    ck_assert_int_eq(sq_dec_from_wire(c0, sizeof c0, &d, &is_null), SQ_RC_OK);
    ck_assert(!is_null);
    ck_assert_uint_eq(d.ndig, 0);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "0");
    sq_dec_to_text(&d, 2, t, sizeof t);
    ck_assert_str_eq(t, "0.00");
    ck_assert_int_eq(sq_dec_from_wire(e80, sizeof e80, &d, &is_null), SQ_RC_OK);
    ck_assert(!is_null);
    ck_assert_uint_eq(d.ndig, 0);
}
END_TEST

START_TEST(digit_over_99_is_protocol_error)
{
    struct sq_decimal d;
    bool is_null;
    static const uint8_t pos[3] = {0xC1, 0x64, 0x00};
    static const uint8_t neg[3] = {0x3E, 0x9A, 0x00};
    static const uint8_t big[34] = {0xC1, 1};

    ck_assert_int_eq(sq_dec_from_wire(pos, 3, &d, &is_null), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_wire(neg, 3, &d, &is_null), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_wire(big, 34, &d, &is_null), SQ_RC_PROTOCOL); /* > 32 digits */
    ck_assert_int_eq(sq_dec_from_wire(big, 33, &d, &is_null), SQ_RC_OK);
}
END_TEST

START_TEST(unnormalised_wire_is_normalised)
{
    /* C2 00 05 = 0.00 05 x 100^2 = 5 */
    static const uint8_t b[4] = {0xC2, 0x00, 0x05, 0x00};
    struct sq_decimal d;
    bool is_null;
    char t[16];

    ck_assert_int_eq(sq_dec_from_wire(b, 4, &d, &is_null), SQ_RC_OK);
    ck_assert_int_eq(d.exp, 1);
    ck_assert_uint_eq(d.ndig, 1);
    ck_assert_uint_eq(d.dig[0], 5);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "5");
}
END_TEST

static void wire_of(const char *text, size_t n, uint8_t *out, enum sq_rc want)
{
    struct sq_decimal d;
    ck_assert_int_eq(sq_dec_from_text(text, strlen(text), &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_wire(&d, out, n), want);
}

START_TEST(to_wire_rounds_to_the_width)
{
    uint8_t out[8];
    struct sq_decimal d;
    bool is_null;
    char t[32];

    wire_of("0.125", 2, out, SQ_RC_OK);
    ck_assert_hex(out, 2, "C0 0D"); /* 0.13 */
    wire_of("-0.125", 2, out, SQ_RC_OK);
    ck_assert_hex(out, 2, "3F 57"); /* -0.13: complement of 13 is 87 */
    wire_of("99.995", 3, out, SQ_RC_OK);
    ck_assert_hex(out, 3, "C2 01 00"); /* carries to 100 */
    ck_assert_int_eq(sq_dec_from_wire(out, 3, &d, &is_null), SQ_RC_OK);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "100");
    wire_of("123.4", 3, out, SQ_RC_OK);
    ck_assert_hex(out, 3, "C2 01 17"); /* 1 23 .40 dropped */
    /* odd digit counts are padded so that a pair never straddles the point */
    wire_of("1.5", 3, out, SQ_RC_OK);
    ck_assert_hex(out, 3, "C1 01 32");
    wire_of("12.5", 3, out, SQ_RC_OK);
    ck_assert_hex(out, 3, "C1 0C 32");
    wire_of("0.05", 2, out, SQ_RC_OK);
    ck_assert_hex(out, 2, "C0 05");
    wire_of("0.005", 3, out, SQ_RC_OK);
    ck_assert_hex(out, 3, "BF 32 00"); /* 0.50 x 100^-1 */
}
END_TEST

START_TEST(to_wire_refuses_exponent_out_of_range)
{
    struct sq_decimal d = {.sign = 1, .exp = 64, .ndig = 1, .dig = {1}};
    uint8_t out[4];

    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_PROTOCOL);
    d.exp = 63;
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_OK);
    ck_assert_hex(out, 4, "FF 01 00 00");
    d.sign = -1; /* 0x00 first byte would read back as NULL */
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_PROTOCOL);
    d.exp = -64;
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_OK);
    ck_assert_hex(out, 4, "7F 63 00 00");
    d.exp = -65;
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_PROTOCOL);
    d.exp = 0;
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 0), SQ_RC_MISUSE);
    d.dig[0] = 100; /* not a base-100 digit */
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 4), SQ_RC_MISUSE);
    d.dig[0] = 1;
    ck_assert_int_eq(sq_dec_to_wire(&d, out, 34), SQ_RC_MISUSE);
}
END_TEST

struct text_case {
    const char *in;
    enum sq_rc rc;
    const char *out; /* sq_dec_to_text(-1) when OK */
};

static const struct text_case texts[] = {
    {"0", SQ_RC_OK, "0"},
    {"-0", SQ_RC_OK, "0"},
    {"+3", SQ_RC_OK, "3"},
    {" 12.5 ", SQ_RC_OK, "12.5"},
    {"5.", SQ_RC_OK, "5"},
    {".5", SQ_RC_OK, "0.5"},
    {"-.05", SQ_RC_OK, "-0.05"},
    {"000123.4500", SQ_RC_OK, "123.45"},
    {"1.5E3", SQ_RC_OK, "1500"},
    {"1.5e-3", SQ_RC_OK, "0.0015"},
    {"-2e+2", SQ_RC_OK, "-200"},
    {"0e99999", SQ_RC_OK, "0"},
    {"1e-130", SQ_RC_OK,
     "0.0000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000001"},
    {"1e-131", SQ_RC_PROTOCOL, NULL},
    {"1e125", SQ_RC_OK, NULL}, /* largest power of ten: 0.10 x 100^63 */
    {"1e126", SQ_RC_PROTOCOL, NULL},
    {"1e200", SQ_RC_PROTOCOL, NULL},
    {"", SQ_RC_PROTOCOL, NULL},
    {"-", SQ_RC_PROTOCOL, NULL},
    {".", SQ_RC_PROTOCOL, NULL},
    {"1.2.3", SQ_RC_PROTOCOL, NULL},
    {"abc", SQ_RC_PROTOCOL, NULL},
    {"1e", SQ_RC_PROTOCOL, NULL},
    {"12x", SQ_RC_PROTOCOL, NULL},
    {"1,5", SQ_RC_PROTOCOL, NULL},
    {"--1", SQ_RC_PROTOCOL, NULL},
    /* 64 significant digits fit (rounded to 32 base-100 digits), 65 do not */
    {"1234567890123456789012345678901234567890123456789012345678901234", SQ_RC_OK,
     "1234567890123456789012345678901234567890123456789012345678901234"},
    {"12345678901234567890123456789012345678901234567890123456789012345", SQ_RC_PROTOCOL, NULL},
    /* trailing zeros are not significant */
    {"1000000000000000000000000000000000000000000000000000000000000000000000", SQ_RC_OK,
     "1000000000000000000000000000000000000000000000000000000000000000000000"},
};

START_TEST(text_parses_or_refuses)
{
    const struct text_case *c = &texts[_i];
    struct sq_decimal d;
    char t[300];

    ck_assert_int_eq(sq_dec_from_text(c->in, strlen(c->in), &d), c->rc);
    if (c->rc == SQ_RC_OK && c->out) {
        sq_dec_to_text(&d, -1, t, sizeof t);
        ck_assert_str_eq(t, c->out);
    } else if (c->rc == SQ_RC_OK) {
        ck_assert_uint_eq(sq_dec_to_text(&d, -1, t, sizeof t), 126); /* 1e125 */
    }
}
END_TEST

START_TEST(text_is_bounded_by_n)
{
    struct sq_decimal d;
    char t[16];
    /* only the first 4 bytes are read: "12.5" */
    ck_assert_int_eq(sq_dec_from_text("12.5junk", 4, &d), SQ_RC_OK);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "12.5");
}
END_TEST

START_TEST(to_text_truncates_like_snprintf)
{
    struct sq_decimal d;
    char t[5];

    ck_assert_int_eq(sq_dec_from_text("-98765.43", 9, &d), SQ_RC_OK);
    ck_assert_uint_eq(sq_dec_to_text(&d, -1, t, sizeof t), 9);
    ck_assert_str_eq(t, "-987");
    ck_assert_uint_eq(sq_dec_to_text(&d, 4, NULL, 0), 11); /* "-98765.4300" */
}
END_TEST

struct round_case {
    const char *in;
    int scale;
    const char *out;
};

static const struct round_case rounds[] = {
    {"2.345", 2, "2.35"},  {"-2.345", 2, "-2.35"}, {"2.344", 2, "2.34"}, {"0.5", 0, "1"},
    {"-0.5", 0, "-1"},     {"9.999", 2, "10.00"},  {"0.004", 2, "0.00"}, {"-0.004", 2, "0.00"},
    {"12.5", 2, "12.50"},  {"1234.5", -2, "1200"}, {"7", 3, "7.000"},    {"0.0449", 1, "0.0"},
    {"99.95", 1, "100.0"}, {"0.995", 2, "1.00"},
};

START_TEST(round_half_away_from_zero)
{
    const struct round_case *c = &rounds[_i];
    struct sq_decimal d;
    char t[64], t2[64];

    ck_assert_int_eq(sq_dec_from_text(c->in, strlen(c->in), &d), SQ_RC_OK);
    if (c->scale >= 0) {
        sq_dec_to_text(&d, c->scale, t, sizeof t);
        ck_assert_str_eq(t, c->out);
    }
    sq_dec_round(&d, c->scale);
    sq_dec_to_text(&d, c->scale < 0 ? -1 : c->scale, t2, sizeof t2);
    ck_assert_str_eq(t2, c->out);
}
END_TEST

START_TEST(int_helpers)
{
    static const int64_t vals[] = {0,
                                   1,
                                   -1,
                                   99,
                                   100,
                                   -100,
                                   12345678901234,
                                   INT64_MAX,
                                   INT64_MIN,
                                   INT64_MIN + 1,
                                   1000000000000000000};
    struct sq_decimal d;
    int64_t back;
    char t[32], want[32];

    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        ck_assert_int_eq(sq_dec_from_int(vals[i], &d), SQ_RC_OK);
        ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_OK);
        ck_assert(back == vals[i]);
        sq_dec_to_text(&d, -1, t, sizeof t);
        snprintf(want, sizeof want, "%lld", (long long)vals[i]);
        ck_assert_str_eq(t, want);
    }
    ck_assert_int_eq(sq_dec_from_text("1.5", 3, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_text("0.01", 4, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_text("1e20", 4, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_text("9223372036854775808", 19, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_text("-9223372036854775809", 20, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_text("1200", 4, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_to_int(&d, &back), SQ_RC_OK);
    ck_assert(back == 1200);
}
END_TEST

START_TEST(double_helpers)
{
    struct sq_decimal d;
    bool is_null;
    char t[64];
    uint8_t *b;
    size_t n;

    ck_hex(vecs[0].hex, &b, &n);
    ck_assert_int_eq(sq_dec_from_wire(b, n, &d, &is_null), SQ_RC_OK);
    ck_assert(sq_dec_to_double(&d) == 12345.6789);
    free(b);
    ck_assert_int_eq(sq_dec_from_double(3.5, &d), SQ_RC_OK);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "3.5");
    ck_assert_int_eq(sq_dec_from_double(-0.1, &d), SQ_RC_OK);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "-0.10000000000000001"); /* 17 significant digits */
    ck_assert(sq_dec_to_double(&d) == -0.1);
    ck_assert_int_eq(sq_dec_from_double(1e100, &d), SQ_RC_OK);
    ck_assert(sq_dec_to_double(&d) == 1e100);
    ck_assert_int_eq(sq_dec_from_double(0.0, &d), SQ_RC_OK);
    ck_assert_uint_eq(d.ndig, 0);
    ck_assert(sq_dec_to_double(&d) == 0.0);
    ck_assert_int_eq(sq_dec_from_double(NAN, &d), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_double(INFINITY, &d), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_dec_from_double(1e300, &d), SQ_RC_PROTOCOL); /* beyond 10^126 */
}
END_TEST

/* Random DECIMAL(p,s) text: exactly p - s integer digits (first may be 0) and s
 * fraction digits; floating: p digits with the point anywhere. Returns the
 * canonical text sq_dec_to_text prints (fixed: scale digits; floating: trimmed). */
static void random_decimal_text(unsigned p, unsigned s, char *raw, char *canon)
{
    char digits[40];
    unsigned nint;
    bool neg = rnd(2);

    for (unsigned i = 0; i < p; i++)
        digits[i] = (char)('0' + (rnd(4) == 0 ? 9 : rnd(10)));
    if (s == 255)
        nint = rnd(p + 1);
    else
        nint = p - s;
    size_t o = 0;
    if (neg)
        raw[o++] = '-';
    for (unsigned i = 0; i < nint; i++)
        raw[o++] = digits[i];
    if (nint < p) {
        raw[o++] = '.';
        for (unsigned i = nint; i < p; i++)
            raw[o++] = digits[i];
    }
    raw[o] = '\0';

    /* canonical: strip leading integer zeros, and for floating trailing fraction zeros */
    char ip[40], fp[40];
    size_t ni = 0, nf = 0;
    unsigned i = 0;
    while (i < nint && digits[i] == '0')
        i++;
    for (; i < nint; i++)
        ip[ni++] = digits[i];
    for (i = nint; i < p; i++)
        fp[nf++] = digits[i];
    if (s == 255)
        while (nf && fp[nf - 1] == '0')
            nf--;
    bool zero = true;
    for (i = 0; i < p; i++)
        if (digits[i] != '0')
            zero = false;
    o = 0;
    if (neg && !zero)
        canon[o++] = '-';
    if (!ni)
        canon[o++] = '0';
    memcpy(canon + o, ip, ni);
    o += ni;
    if (nf) {
        canon[o++] = '.';
        memcpy(canon + o, fp, nf);
        o += nf;
    }
    canon[o] = '\0';
}

START_TEST(decimal_round_trip_every_precision)
{
    unsigned p = (unsigned)_i + 1;
    unsigned scales[5] = {0, p / 2, p, p > 1 ? p - 1 : 0, 255};

    for (unsigned si = 0; si < 5; si++) {
        unsigned s = scales[si];
        size_t n = SQ_DECLEN(p, s);
        for (int rep = 0; rep < 12; rep++) {
            char raw[64], canon[64], t[80];
            uint8_t w[40];
            struct sq_decimal d, back;
            bool is_null = true;

            random_decimal_text(p, s, raw, canon);
            ck_assert_int_eq(sq_dec_from_text(raw, strlen(raw), &d), SQ_RC_OK);
            ck_assert_msg(sq_dec_to_wire(&d, w, n) == SQ_RC_OK, "%s into (%u,%u)", raw, p, s);
            ck_assert_int_eq(sq_dec_from_wire(w, n, &back, &is_null), SQ_RC_OK);
            ck_assert(!is_null);
            sq_dec_to_text(&back, s == 255 ? -1 : (int)s, t, sizeof t);
            ck_assert_msg(strcmp(t, canon) == 0, "DECIMAL(%u,%u) %s -> %s, want %s", p, s, raw, t,
                          canon);
            /* the decoded struct equals the parsed one exactly */
            ck_assert_int_eq(back.sign, d.sign);
            ck_assert_uint_eq(back.ndig, d.ndig);
            if (d.ndig) {
                ck_assert_int_eq(back.exp, d.exp);
                ck_assert(memcmp(back.dig, d.dig, d.ndig) == 0);
            }
            if (p <= 15) {
                double want = strtod(raw, NULL);
                ck_assert_msg(sq_dec_to_double(&back) == want, "%s as double", raw);
            }
        }
    }
}
END_TEST

static Suite *dec_suite(void)
{
    Suite *s = suite_create("sq_dec");
    TCase *tc = tcase_create("vectors");
    int nv = (int)(sizeof vecs / sizeof vecs[0]);
    tcase_add_loop_test(tc, vector_decodes_to_text, 0, nv);
    tcase_add_loop_test(tc, vector_encodes_from_text, 0, nv);
    tcase_add_loop_test(tc, vector_truncated_or_garbage_is_clean, 0, nv);
    tcase_add_test(tc, null_is_a_zero_first_byte);
    tcase_add_test(tc, zero_encodes_c0_and_both_forms_decode);
    tcase_add_test(tc, digit_over_99_is_protocol_error);
    tcase_add_test(tc, unnormalised_wire_is_normalised);
    tcase_add_test(tc, to_wire_rounds_to_the_width);
    tcase_add_test(tc, to_wire_refuses_exponent_out_of_range);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_loop_test(tc, text_parses_or_refuses, 0, (int)(sizeof texts / sizeof texts[0]));
    tcase_add_test(tc, text_is_bounded_by_n);
    tcase_add_test(tc, to_text_truncates_like_snprintf);
    tcase_add_loop_test(tc, round_half_away_from_zero, 0, (int)(sizeof rounds / sizeof rounds[0]));
    tcase_add_test(tc, int_helpers);
    tcase_add_test(tc, double_helpers);
    suite_add_tcase(s, tc);

    tc = tcase_create("property");
    tcase_add_loop_test(tc, decimal_round_trip_every_precision, 0, 32);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(dec_suite());
}
