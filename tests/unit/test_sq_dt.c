/* SPDX-License-Identifier: MIT */
/* test_sq_dt.c - unit tests of the client DATETIME/INTERVAL codec (sq_dt.c):
 * V4/V5 both ways, the digit-alignment rule (doc §17.4) pinned per qualifier
 * shape, normalised and odd-width forms, qualifier checks, text forms, range
 * checks, truncation, and a round-trip property over every DATETIME qualifier
 * and every INTERVAL qualifier of both families with leading precision 1..9. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_types.h"
#include "sq_value.h"

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(rng_state >> 33) % n;
}

/* One pinned value: qualifier, kind, text, stored bytes (hand-written, OURS
 * unless marked V4/V5; they follow the rule written down in sq_dt.c). */
struct dt_vec {
    uint16_t qual;
    bool interval;
    const char *text;
    const char *hex;
};

#define DT(s, e) SQ_TU_DTENCODE(s, e)
#define IV(l, s, e) SQ_TU_IENCODE(l, s, e)

static const struct dt_vec vecs[] = {
    {0x0E0A, false, "2026-06-20 12:34:56", "C7 14 1A 06 14 0C 22 38"}, /* V4 */
    {0x084A, true, "12 03:04:05", "C4 0C 03 04 05"},                   /* V5 */
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-06-15", "C4 14 18 06 0F"},
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "05:00", "C2 05 00"}, /* §17.4: point after MINUTE */
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "00:05", "C1 05 00"},
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "12:34", "C2 0C 22"},
    {DT(SQ_TU_MONTH, SQ_TU_DAY), false, "06-15", "C2 06 0F"},
    {DT(SQ_TU_HOUR, SQ_TU_SECOND), false, "00:05:06", "C2 05 06 00"}, /* normalised */
    {DT(SQ_TU_HOUR, SQ_TU_SECOND), false, "00:00:00", "C0 00 00 00"}, /* zero */
    {DT(SQ_TU_YEAR, SQ_TU_F3), false, "2024-06-15 12:34:56.789", "C7 14 18 06 0F 0C 22 38 4E 5A"},
    {DT(SQ_TU_YEAR, SQ_TU_F5), false, "0001-01-01 00:00:00.00001",
     "C6 01 01 01 00 00 00 00 00 0A 00"},
    {DT(SQ_TU_SECOND, SQ_TU_F1), false, "07.5", "C1 07 32"},
    {DT(SQ_TU_SECOND, SQ_TU_F2), false, "00.05", "C0 05 00"},
    {DT(SQ_TU_YEAR, SQ_TU_YEAR), false, "0999", "C2 09 63"},
    {IV(3, SQ_TU_DAY, SQ_TU_F3), true, "123 04:05:06.789", "C5 01 17 04 05 06 4E 5A"},
    {IV(3, SQ_TU_DAY, SQ_TU_F3), true, "0 00:00:00.001", "BF 0A 00 00 00 00 00 00"},
    {IV(2, SQ_TU_HOUR, SQ_TU_MINUTE), true, "-3:04", "3D 60 60"},
    {IV(2, SQ_TU_YEAR, SQ_TU_MONTH), true, "2-06", "C2 02 06"},
    {IV(9, SQ_TU_YEAR, SQ_TU_MONTH), true, "-999999999-11", "39 5A 00 00 00 00 59"},
    {IV(1, SQ_TU_MONTH, SQ_TU_MONTH), true, "7", "C1 07"},
    {IV(5, SQ_TU_SECOND, SQ_TU_F5), true, "12345.67891", "C3 01 17 2D 43 59 0A"},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "0 00:00:00", "C0 00 00 00 00"},
    /* FRACTION TO FRACTION(n): no integer digits, written without the point */
    {0x03CD, false, "123", "C0 0C 1E"},
    {0x01CB, false, "5", "C0 32"},
    {0x03CD, true, "-123", "3F 57 46"},
};

START_TEST(vector_decodes_to_text)
{
    const struct dt_vec *v = &vecs[_i];
    uint8_t *b;
    size_t n;
    struct sq_dt dt;
    bool is_null = true;
    char t[64];

    ck_hex(v->hex, &b, &n);
    ck_assert_uint_eq(n, sq_dt_width(v->qual));
    ck_assert(sq_dt_qual_valid(v->qual, v->interval));
    ck_assert_int_eq(sq_dt_from_wire(v->qual, v->interval, b, n, &dt, &is_null), SQ_RC_OK);
    ck_assert(!is_null);
    ck_assert_uint_eq(sq_dt_to_text(&dt, v->interval, t, sizeof t), strlen(v->text));
    ck_assert_str_eq(t, v->text);
    free(b);
}
END_TEST

START_TEST(vector_encodes_from_text)
{
    const struct dt_vec *v = &vecs[_i];
    struct sq_dt dt;
    uint8_t w[32];
    size_t n = sq_dt_width(v->qual);

    ck_assert_int_eq(sq_dt_from_text(v->qual, v->interval, v->text, strlen(v->text), &dt),
                     SQ_RC_OK);
    ck_assert_int_eq(sq_dt_to_wire(&dt, v->interval, w, n), SQ_RC_OK);
    ck_assert_hex(w, n, v->hex);
}
END_TEST

START_TEST(vector_truncated_is_error)
{
    const struct dt_vec *v = &vecs[_i];
    uint8_t *b;
    size_t n;
    struct sq_dt dt;
    bool is_null;

    ck_hex(v->hex, &b, &n);
    for (size_t k = 0; k < n; k++) {
        uint8_t *copy = malloc(k + 1);
        memcpy(copy, b, k);
        ck_assert_int_eq(sq_dt_from_wire(v->qual, v->interval, copy, k, &dt, &is_null),
                         SQ_RC_PROTOCOL);
        free(copy);
    }
    free(b);
}
END_TEST

START_TEST(v4_fields)
{
    static const uint8_t v4[8] = {0xC7, 0x14, 0x1A, 0x06, 0x14, 0x0C, 0x22, 0x38};
    static const uint8_t v5[5] = {0xC4, 0x0C, 0x03, 0x04, 0x05};
    struct sq_dt dt;
    bool is_null;

    ck_assert_int_eq(sq_dt_from_wire(0x0E0A, false, v4, 8, &dt, &is_null), SQ_RC_OK);
    ck_assert_int_eq(dt.f[SQ_DT_YEAR], 2026);
    ck_assert_int_eq(dt.f[SQ_DT_MONTH], 6);
    ck_assert_int_eq(dt.f[SQ_DT_DAY], 20);
    ck_assert_int_eq(dt.f[SQ_DT_HOUR], 12);
    ck_assert_int_eq(dt.f[SQ_DT_MINUTE], 34);
    ck_assert_int_eq(dt.f[SQ_DT_SECOND], 56);
    ck_assert_int_eq(dt.f[SQ_DT_FRAC], 0);
    ck_assert_uint_eq(dt.qual, 0x0E0A);
    ck_assert_int_eq(sq_dt_from_wire(0x084A, true, v5, 5, &dt, &is_null), SQ_RC_OK);
    ck_assert_int_eq(dt.f[SQ_DT_DAY], 12);
    ck_assert_int_eq(dt.f[SQ_DT_HOUR], 3);
    ck_assert_int_eq(dt.f[SQ_DT_MINUTE], 4);
    ck_assert_int_eq(dt.f[SQ_DT_SECOND], 5);
    ck_assert(!dt.neg);
    ck_assert_uint_eq(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND), 0x0E0A);
    ck_assert_uint_eq(SQ_TU_IENCODE(2, SQ_TU_DAY, SQ_TU_SECOND), 0x084A);
}
END_TEST

START_TEST(null_and_unnormalised_forms)
{
    static const uint8_t zero5[5] = {0};
    /* LIB-style byte-walked HOUR TO SECOND 00:05:06 with exponent 3 */
    static const uint8_t unnorm[4] = {0xC3, 0x00, 0x05, 0x06};
    struct sq_dt dt;
    bool is_null = false;

    ck_assert_int_eq(sq_dt_from_wire(0x084A, true, zero5, 5, &dt, &is_null), SQ_RC_OK);
    ck_assert(is_null);
    ck_assert_int_eq(sq_dt_from_wire(DT(SQ_TU_HOUR, SQ_TU_SECOND), false, unnorm, 4, &dt, &is_null),
                     SQ_RC_OK);
    ck_assert(!is_null);
    ck_assert_int_eq(dt.f[SQ_DT_HOUR], 0);
    ck_assert_int_eq(dt.f[SQ_DT_MINUTE], 5);
    ck_assert_int_eq(dt.f[SQ_DT_SECOND], 6);
}
END_TEST

struct bad_wire {
    uint16_t qual;
    bool interval;
    const char *hex;
};

static const struct bad_wire bads[] = {
    {DT(SQ_TU_YEAR, SQ_TU_MONTH), false, "C3 14 18 0D"},        /* month 13 */
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "C4 14 17 02 1D"},       /* 2023-02-29 */
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "C4 00 00 01 01"},       /* year 0 */
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "C2 18 00"},          /* 24:00 */
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "C3 01 00"},          /* 3 pairs of integer */
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "3D 60 60"},          /* negative DATETIME */
    {DT(SQ_TU_HOUR, SQ_TU_F1), false, "C3 01 02 03 05"},        /* 2nd fraction digit */
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "C2 64 00"},          /* digit byte 100 */
    {IV(2, SQ_TU_HOUR, SQ_TU_MINUTE), true, "C2 01 3C"},        /* minute 60 */
    {IV(3, SQ_TU_DAY, SQ_TU_DAY), true, "C2 0A 00"},            /* 1000 > DAY(3) */
    {IV(2, SQ_TU_YEAR, SQ_TU_MONTH), true, "C2 01 0C"},         /* month 12 in an interval */
    {0x0E0B, false, "C7 14 1A 06 14 0C 22 38"},                 /* digits do not match */
    {SQ_TU_ENCODE(14, 0, 3), false, "C7 14 1A 06 14 0C 22 38"}, /* odd end TU */
    {SQ_TU_ENCODE(4, 4, 2), true, "C2 01 01"},                  /* start > end */
};

START_TEST(bad_wire_is_protocol_error)
{
    const struct bad_wire *v = &bads[_i];
    uint8_t *b;
    size_t n;
    struct sq_dt dt;
    bool is_null;

    ck_hex(v->hex, &b, &n);
    ck_assert_int_eq(sq_dt_from_wire(v->qual, v->interval, b, n, &dt, &is_null), SQ_RC_PROTOCOL);
    free(b);
}
END_TEST

START_TEST(qualifier_checks_and_widths)
{
    /* DATETIME: every start <= end pair is valid with its TU_DTENCODE digits */
    static const unsigned tus[] = {0, 2, 4, 6, 8, 10, 11, 12, 13, 14, 15};
    for (unsigned a = 0; a < 6; a++)
        for (unsigned b = a; b < 11; b++) {
            uint16_t q = DT(tus[a], tus[b]);
            ck_assert(sq_dt_qual_valid(q, false));
            ck_assert(!sq_dt_qual_valid((uint16_t)(q + 0x100), false));
        }
    ck_assert(!sq_dt_qual_valid(SQ_TU_ENCODE(4, 2, 0), false)); /* start > end */
    ck_assert(!sq_dt_qual_valid(SQ_TU_ENCODE(3, 1, 2), false)); /* odd start TU */
    ck_assert(!sq_dt_qual_valid(SQ_TU_ENCODE(5, 0, 1), false));
    ck_assert(!sq_dt_qual_valid(0x0E0A, true)); /* YEAR TO SECOND interval */
    ck_assert(!sq_dt_qual_valid(IV(0, SQ_TU_DAY, SQ_TU_SECOND), true));
    ck_assert(!sq_dt_qual_valid(IV(10, SQ_TU_DAY, SQ_TU_SECOND), true));
    ck_assert(sq_dt_qual_valid(IV(9, SQ_TU_DAY, SQ_TU_F5), true));
    ck_assert(!sq_dt_qual_valid(IV(2, SQ_TU_YEAR, SQ_TU_DAY), true)); /* mixed families */
    ck_assert(!sq_dt_qual_valid(IV(2, SQ_TU_MONTH, SQ_TU_HOUR), true));
    /* widths: 1 + ceil(I/2) + ceil(F/2) */
    ck_assert_uint_eq(sq_dt_width(0x0E0A), 8);
    ck_assert_uint_eq(sq_dt_width(0x084A), 5);
    ck_assert_uint_eq(sq_dt_width(IV(3, SQ_TU_DAY, SQ_TU_F3)), 8); /* LIB's rule says 7 */
    ck_assert_uint_eq(sq_dt_width(DT(SQ_TU_YEAR, SQ_TU_F5)), 11);
    ck_assert_uint_eq(sq_dt_width(DT(SQ_TU_HOUR, SQ_TU_MINUTE)), 3);
    ck_assert_uint_eq(sq_dt_width(IV(9, SQ_TU_DAY, SQ_TU_F5)), 12);
}
END_TEST

struct text_case {
    uint16_t qual;
    bool interval;
    const char *in;
    enum sq_rc rc;
    const char *out;
};

static const struct text_case texts[] = {
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-02-29", SQ_RC_OK, "2024-02-29"},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2023-02-29", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "1900-02-29", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2000-02-29", SQ_RC_OK, "2000-02-29"},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-04-31", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-06", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-6-5", SQ_RC_OK, "2024-06-05"},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, " 2024-06-15 ", SQ_RC_OK, "2024-06-15"},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "2024-06-15x", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "20245-06-15", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_DAY), false, "-2024-06-15", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_MONTH, SQ_TU_DAY), false, "02-29", SQ_RC_OK, "02-29"},
    {DT(SQ_TU_MONTH, SQ_TU_DAY), false, "02-30", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_MONTH, SQ_TU_DAY), false, "13-01", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_DAY, SQ_TU_HOUR), false, "31 23", SQ_RC_OK, "31 23"},
    {DT(SQ_TU_DAY, SQ_TU_HOUR), false, "32 23", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "24:00", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "12:60", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_MINUTE), false, "12.34", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_SECOND), false, "23:59:60", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_F3), false, "12:34:56.5", SQ_RC_OK, "12:34:56.500"},
    {DT(SQ_TU_HOUR, SQ_TU_F3), false, "12:34:56", SQ_RC_OK, "12:34:56.000"},
    {DT(SQ_TU_HOUR, SQ_TU_F3), false, "12:34:56.1234", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_F5), false, "12:34:56.123456", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_HOUR, SQ_TU_SECOND), false, "12:34:56.1", SQ_RC_PROTOCOL, NULL},
    {DT(SQ_TU_YEAR, SQ_TU_F5), false, "2024-06-15 12:34:56.12345", SQ_RC_OK,
     "2024-06-15 12:34:56.12345"},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "-12 03:04:05", SQ_RC_OK, "-12 03:04:05"},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "+5 3:4:5", SQ_RC_OK, "5 03:04:05"},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "123 03:04:05", SQ_RC_PROTOCOL, NULL},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "12 24:04:05", SQ_RC_PROTOCOL, NULL},
    {IV(2, SQ_TU_DAY, SQ_TU_SECOND), true, "-0 00:00:00", SQ_RC_OK, "0 00:00:00"},
    {IV(2, SQ_TU_HOUR, SQ_TU_MINUTE), true, "3:04", SQ_RC_OK, "3:04"},
    {IV(2, SQ_TU_HOUR, SQ_TU_MINUTE), true, "3:60", SQ_RC_PROTOCOL, NULL},
    {IV(3, SQ_TU_HOUR, SQ_TU_MINUTE), true, "100:30", SQ_RC_OK, "100:30"},
    {IV(2, SQ_TU_YEAR, SQ_TU_MONTH), true, "2-06", SQ_RC_OK, "2-06"},
    {IV(2, SQ_TU_YEAR, SQ_TU_MONTH), true, "2-12", SQ_RC_PROTOCOL, NULL},
    {IV(4, SQ_TU_YEAR, SQ_TU_YEAR), true, "-1234", SQ_RC_OK, "-1234"},
    {IV(2, SQ_TU_SECOND, SQ_TU_F3), true, "5.12", SQ_RC_OK, "5.120"},
    {IV(2, SQ_TU_SECOND, SQ_TU_F3), true, "", SQ_RC_PROTOCOL, NULL},
    {IV(2, SQ_TU_SECOND, SQ_TU_F3), true, "-", SQ_RC_PROTOCOL, NULL},
};

START_TEST(text_parses_checks_and_prints)
{
    const struct text_case *c = &texts[_i];
    struct sq_dt dt;
    char t[64];

    ck_assert_msg(sq_dt_from_text(c->qual, c->interval, c->in, strlen(c->in), &dt) == c->rc,
                  "\"%s\"", c->in);
    if (c->rc == SQ_RC_OK) {
        sq_dt_to_text(&dt, c->interval, t, sizeof t);
        ck_assert_str_eq(t, c->out);
    }
}
END_TEST

START_TEST(to_wire_checks_width_and_ranges)
{
    struct sq_dt dt;
    uint8_t w[16];

    ck_assert_int_eq(sq_dt_from_text(0x0E0A, false, "2026-06-20 12:34:56", 19, &dt), SQ_RC_OK);
    ck_assert_int_eq(sq_dt_to_wire(&dt, false, w, 7), SQ_RC_MISUSE);
    dt.f[SQ_DT_MONTH] = 13;
    ck_assert_int_eq(sq_dt_to_wire(&dt, false, w, 8), SQ_RC_PROTOCOL);
    dt.f[SQ_DT_MONTH] = 2;
    dt.f[SQ_DT_DAY] = 29; /* 2026 is not a leap year */
    ck_assert_int_eq(sq_dt_to_wire(&dt, false, w, 8), SQ_RC_PROTOCOL);
    memset(&dt, 0, sizeof dt);
    dt.qual = IV(2, SQ_TU_DAY, SQ_TU_DAY);
    dt.f[SQ_DT_DAY] = 100;
    ck_assert_int_eq(sq_dt_to_wire(&dt, true, w, sq_dt_width(dt.qual)), SQ_RC_PROTOCOL);
    dt.f[SQ_DT_DAY] = -1;
    ck_assert_int_eq(sq_dt_to_wire(&dt, true, w, sq_dt_width(dt.qual)), SQ_RC_PROTOCOL);
}
END_TEST

START_TEST(to_text_truncates_like_snprintf)
{
    struct sq_dt dt;
    char t[6];

    ck_assert_int_eq(sq_dt_from_text(0x0E0A, false, "2026-06-20 12:34:56", 19, &dt), SQ_RC_OK);
    ck_assert_uint_eq(sq_dt_to_text(&dt, false, t, sizeof t), 19);
    ck_assert_str_eq(t, "2026-");
    ck_assert_uint_eq(sq_dt_to_text(&dt, false, NULL, 0), 19);
}
END_TEST

/* Round trip one value through wire and text; compare fields. */
static void round_trip(const struct sq_dt *in, bool interval)
{
    uint8_t w[32];
    char t[64];
    struct sq_dt back, parsed;
    bool is_null = true;
    size_t n = sq_dt_width(in->qual);

    ck_assert_msg(sq_dt_to_wire(in, interval, w, n) == SQ_RC_OK, "qual %04X", in->qual);
    ck_assert_int_eq(sq_dt_from_wire(in->qual, interval, w, n, &back, &is_null), SQ_RC_OK);
    ck_assert(!is_null);
    size_t len = sq_dt_to_text(in, interval, t, sizeof t);
    ck_assert_uint_lt(len, sizeof t);
    ck_assert_msg(sq_dt_from_text(in->qual, interval, t, len, &parsed) == SQ_RC_OK,
                  "qual %04X text \"%s\"", in->qual, t);
    for (int f = 0; f < 7; f++) {
        ck_assert_msg(back.f[f] == in->f[f], "qual %04X field %d wire %lld vs %lld (%s)", in->qual,
                      f, (long long)back.f[f], (long long)in->f[f], t);
        ck_assert_msg(parsed.f[f] == in->f[f], "qual %04X field %d text \"%s\"", in->qual, f, t);
    }
    ck_assert_int_eq(back.neg, in->neg);
    ck_assert_int_eq(parsed.neg, in->neg);
    ck_assert_uint_eq(back.qual, in->qual);
}

static const int64_t pow10s[10] = {1,      10,      100,      1000,      10000,
                                   100000, 1000000, 10000000, 100000000, 1000000000};

/* Random fields valid for the qualifier; `mode` 0 random, 1 minimum, 2 maximum,
 * 3 zero leading field with random others. FRACTION keeps only F digits. */
static void fill(struct sq_dt *dt, uint16_t q, bool interval, int mode)
{
    unsigned s = SQ_TU_START(q), e = SQ_TU_END(q);
    int first = (int)s / 2, last = (int)(e > 10 ? 10 : e) / 2;
    int fdig = e > 10 ? (int)e - 10 : 0;
    int lead_w = (int)SQ_TU_LEN(q) - fdig - 2 * (last - first);
    static const int64_t lo_dt[6] = {1, 1, 1, 0, 0, 0};
    static const int64_t hi_dt[6] = {9999, 12, 28, 23, 59, 59};
    static const int64_t hi_iv[6] = {0, 11, 0, 23, 59, 59};

    memset(dt, 0, sizeof *dt);
    dt->qual = q;
    for (int f = first; f <= last; f++) {
        int64_t lo, hi;
        if (interval) {
            lo = 0;
            hi = f == first ? pow10s[lead_w] - 1 : hi_iv[f];
        } else {
            lo = lo_dt[f];
            hi = hi_dt[f];
            if (f == first && f != SQ_DT_YEAR && hi > 99)
                hi = 99;
        }
        int64_t v = mode == 1 ? lo : mode == 2 ? hi : lo + (int64_t)rnd((uint32_t)(hi - lo + 1));
        if (mode == 3 && f == first)
            v = lo;
        dt->f[f] = v;
    }
    if (!interval && mode == 2 && first <= SQ_DT_MONTH && last >= SQ_DT_DAY)
        dt->f[SQ_DT_DAY] = 31, dt->f[SQ_DT_MONTH] = 12;
    if (!interval && mode == 2 && first == SQ_DT_DAY)
        dt->f[SQ_DT_DAY] = 31;
    if (fdig) {
        int64_t fr = mode == 1   ? 0
                     : mode == 2 ? pow10s[fdig] - 1
                                 : (int64_t)rnd((uint32_t)pow10s[fdig]);
        dt->f[SQ_DT_FRAC] = fr * pow10s[5 - fdig];
    }
    if (interval && mode != 1)
        dt->neg = rnd(2) == 1;
    bool zero = true;
    for (int f = 0; f < 7; f++)
        if (dt->f[f])
            zero = false;
    if (zero)
        dt->neg = false;
}

static const unsigned all_tus[] = {0, 2, 4, 6, 8, 10, 11, 12, 13, 14, 15};

START_TEST(datetime_round_trip_every_qualifier)
{
    int quals = 0;
    for (unsigned a = 0; a < 6; a++)
        for (unsigned b = a; b < 11; b++) {
            uint16_t q = DT(all_tus[a], all_tus[b]);
            struct sq_dt dt;
            for (int mode = 0; mode < 4; mode++)
                for (int rep = 0; rep < (mode == 0 ? 6 : 1); rep++) {
                    fill(&dt, q, false, mode);
                    round_trip(&dt, false);
                }
            quals++;
        }
    ck_assert_int_eq(quals, 51);
}
END_TEST

START_TEST(interval_round_trip_every_qualifier)
{
    int lead = _i + 1, quals = 0;
    /* YEAR/MONTH family */
    for (unsigned a = 0; a < 2; a++)
        for (unsigned b = a; b < 2; b++) {
            uint16_t q = IV(lead, all_tus[a], all_tus[b]);
            ck_assert(sq_dt_qual_valid(q, true));
            struct sq_dt dt;
            for (int mode = 0; mode < 4; mode++)
                for (int rep = 0; rep < (mode == 0 ? 5 : 1); rep++) {
                    fill(&dt, q, true, mode);
                    round_trip(&dt, true);
                }
            quals++;
        }
    /* DAY..FRACTION family */
    for (unsigned a = 2; a < 6; a++)
        for (unsigned b = a; b < 11; b++) {
            uint16_t q = IV(lead, all_tus[a], all_tus[b]);
            ck_assert(sq_dt_qual_valid(q, true));
            struct sq_dt dt;
            for (int mode = 0; mode < 4; mode++)
                for (int rep = 0; rep < (mode == 0 ? 5 : 1); rep++) {
                    fill(&dt, q, true, mode);
                    round_trip(&dt, true);
                }
            quals++;
        }
    ck_assert_int_eq(quals, 3 + 30);
}
END_TEST

static Suite *dt_suite(void)
{
    Suite *s = suite_create("sq_dt");
    TCase *tc = tcase_create("vectors");
    int nv = (int)(sizeof vecs / sizeof vecs[0]);
    tcase_add_loop_test(tc, vector_decodes_to_text, 0, nv);
    tcase_add_loop_test(tc, vector_encodes_from_text, 0, nv);
    tcase_add_loop_test(tc, vector_truncated_is_error, 0, nv);
    tcase_add_test(tc, v4_fields);
    tcase_add_test(tc, null_and_unnormalised_forms);
    tcase_add_loop_test(tc, bad_wire_is_protocol_error, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_test(tc, qualifier_checks_and_widths);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_loop_test(tc, text_parses_checks_and_prints, 0,
                        (int)(sizeof texts / sizeof texts[0]));
    tcase_add_test(tc, to_wire_checks_width_and_ranges);
    tcase_add_test(tc, to_text_truncates_like_snprintf);
    suite_add_tcase(s, tc);

    tc = tcase_create("property");
    tcase_add_test(tc, datetime_round_trip_every_qualifier);
    tcase_add_loop_test(tc, interval_round_trip_every_qualifier, 0, 9);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(dt_suite());
}
