/* SPDX-License-Identifier: MIT */
/* test_odbc_enc.c - UTF-8 <-> UTF-16 at the API boundary (driver/odbc/enc.c):
 * input validation, U+FFFD replacement on output, tiny buffers, truncation
 * flags, lengths in bytes and characters. Vectors are hand-written from the
 * Unicode standard (ch. 3, table 3-7 and "U+FFFD substitution"). */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "enc.h"
#include "sq_alloc.h"

#define NTS_END 0xFFFFFFFFu /* marks the end of a UTF-16 vector in the tables */

/* ---- W input ------------------------------------------------------------ */

struct wide_in_case {
    const char *name;
    unsigned units[8]; /* UTF-16 code units, ended by NTS_END */
    enum enc_rc rc;
    const char *utf8_hex; /* expected UTF-8 when rc == ENC_OK */
};

static const struct wide_in_case wide_in[] = {
    {"ascii", {0x41, 0x42, NTS_END}, ENC_OK, "41 42"},
    {"latin1", {0xE9, NTS_END}, ENC_OK, "C3 A9"},
    {"euro_3byte", {0x20AC, NTS_END}, ENC_OK, "E2 82 AC"},
    {"bmp_last", {0xFFFF, NTS_END}, ENC_OK, "EF BF BF"},
    {"below_surrogates", {0xD7FF, NTS_END}, ENC_OK, "ED 9F BF"},
    {"above_surrogates", {0xE000, NTS_END}, ENC_OK, "EE 80 80"},
    {"pair_first", {0xD800, 0xDC00, NTS_END}, ENC_OK, "F0 90 80 80"},
    {"pair_emoji", {0xD83D, 0xDE00, NTS_END}, ENC_OK, "F0 9F 98 80"},
    {"pair_last", {0xDBFF, 0xDFFF, NTS_END}, ENC_OK, "F4 8F BF BF"},
    {"embedded_nul", {0x41, 0x00, 0x42, NTS_END}, ENC_OK, "41 00 42"},
    {"empty", {NTS_END}, ENC_OK, ""},
    {"lone_high", {0xD800, NTS_END}, ENC_INVALID, NULL},
    {"lone_low", {0xDC00, 0x41, NTS_END}, ENC_INVALID, NULL},
    {"high_then_ascii", {0xD83D, 0x41, NTS_END}, ENC_INVALID, NULL},
    {"high_at_end", {0x41, 0xDBFF, NTS_END}, ENC_INVALID, NULL},
    {"swapped_pair", {0xDE00, 0xD83D, NTS_END}, ENC_INVALID, NULL},
};

static size_t units_of(const unsigned *u, SQLWCHAR *out)
{
    size_t n = 0;
    while (u[n] != NTS_END) {
        out[n] = (SQLWCHAR)u[n];
        n++;
    }
    return n;
}

START_TEST(wide_input_converts_or_rejects)
{
    const struct wide_in_case *c = &wide_in[_i];
    SQLWCHAR w[8];
    size_t n = units_of(c->units, w);
    struct str s = STR_INIT;
    enum enc_rc rc = enc_from_wide(w, (SQLINTEGER)n, &s);
    ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
    if (rc == ENC_OK) {
        ck_assert_ptr_nonnull(s.p);
        ck_assert_hex(s.p, s.len, c->utf8_hex);
        ck_assert_int_eq(s.p[s.len], 0);
        /* and back again: the same code units, full length in characters */
        SQLWCHAR back[9];
        size_t full = 0;
        ck_assert_int_eq(enc_out_wide(s.p, s.len, back, 9, ENC_UNIT_CHARS, &full), ENC_OK);
        ck_assert_uint_eq(full, n);
        ck_assert_int_eq(memcmp(back, w, n * sizeof(SQLWCHAR)), 0);
        ck_assert_uint_eq(enc_utf16_len(s.p, s.len), n);
    } else {
        ck_assert_ptr_null(s.p);
    }
    str_fini(&s);
}
END_TEST

START_TEST(wide_input_nts_null_and_bad_length)
{
    static const SQLWCHAR w[] = {0x68, 0x69, 0};
    struct str s = STR_INIT;
    ck_assert_int_eq(enc_from_wide(w, SQL_NTS, &s), ENC_OK);
    ck_assert_str_eq(s.p, "hi");
    str_fini(&s); /* the output is overwritten, not freed */
    ck_assert_int_eq(enc_from_wide(w, 1, &s), ENC_OK);
    ck_assert_str_eq(s.p, "h");
    str_fini(&s);
    ck_assert_int_eq(enc_from_wide(NULL, 5, &s), ENC_OK);
    ck_assert_ptr_null(s.p);
    ck_assert_int_eq(enc_from_wide(w, -7, &s), ENC_BAD_LENGTH);
    ck_assert_ptr_null(s.p);
}
END_TEST

/* ---- ANSI input ----------------------------------------------------------- */

struct narrow_in_case {
    const char *name;
    const char *hex;
    enum enc_rc rc;
};

static const struct narrow_in_case narrow_in[] = {
    {"ascii", "61 62 63", ENC_OK},
    {"two_byte", "C3 A9", ENC_OK},
    {"three_byte", "E2 82 AC", ENC_OK},
    {"four_byte", "F0 9F 98 80", ENC_OK},
    {"max_cp", "F4 8F BF BF", ENC_OK},
    {"empty", "", ENC_OK},
    {"overlong_2", "C0 80", ENC_INVALID},
    {"overlong_3", "E0 80 80", ENC_INVALID},
    {"overlong_4", "F0 80 80 80", ENC_INVALID},
    {"surrogate_d800", "ED A0 80", ENC_INVALID},
    {"above_10ffff", "F4 90 80 80", ENC_INVALID},
    {"lead_f5", "F5 80 80 80", ENC_INVALID},
    {"lone_continuation", "61 80", ENC_INVALID},
    {"truncated_2", "C3", ENC_INVALID},
    {"truncated_3", "E2 82", ENC_INVALID},
    {"truncated_4", "F0 9F 98", ENC_INVALID},
    {"ff_byte", "FF", ENC_INVALID},
};

START_TEST(narrow_input_validates_utf8)
{
    const struct narrow_in_case *c = &narrow_in[_i];
    uint8_t *b;
    size_t n;
    ck_hex(c->hex, &b, &n);
    struct str s = STR_INIT;
    enum enc_rc rc = enc_from_narrow(b, (SQLINTEGER)n, &s);
    ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
    ck_assert(enc_utf8_valid((const char *)b, n) == (c->rc == ENC_OK));
    if (rc == ENC_OK) {
        ck_assert_uint_eq(s.len, n);
        ck_assert_int_eq(memcmp(s.p, b, n), 0);
    }
    str_fini(&s);
    free(b);
}
END_TEST

START_TEST(narrow_input_nts_null_and_bad_length)
{
    struct str s = STR_INIT;
    ck_assert_int_eq(enc_from_narrow((const SQLCHAR *)"abc", SQL_NTS, &s), ENC_OK);
    ck_assert_uint_eq(s.len, 3);
    str_fini(&s);
    ck_assert_int_eq(enc_from_narrow((const SQLCHAR *)"abc", 2, &s), ENC_OK);
    ck_assert_str_eq(s.p, "ab");
    str_fini(&s);
    ck_assert_int_eq(enc_from_narrow(NULL, SQL_NTS, &s), ENC_OK);
    ck_assert_ptr_null(s.p);
    ck_assert_int_eq(enc_from_narrow((const SQLCHAR *)"abc", -2, &s), ENC_BAD_LENGTH);
    ck_assert_int_eq(enc_from_narrow((const SQLCHAR *)"abc", SQL_NULL_DATA, &s), ENC_BAD_LENGTH);
}
END_TEST

/* ---- ANSI output ---------------------------------------------------------- */

struct narrow_out_case {
    const char *name;
    const char *src_hex;
    size_t buf_bytes;
    const char *want_hex; /* bytes written, terminator included */
    size_t full;
    enum enc_rc rc;
};

static const struct narrow_out_case narrow_out[] = {
    {"fits", "61 62 63", 4, "61 62 63 00", 3, ENC_OK},
    {"one_short", "61 62 63", 3, "61 62 00", 3, ENC_TRUNCATED},
    {"one_byte_buffer", "61 62 63", 1, "00", 3, ENC_TRUNCATED},
    {"zero_buffer", "61 62 63", 0, "", 3, ENC_TRUNCATED},
    {"empty_zero_buffer", "", 0, "", 0, ENC_OK},
    {"empty_one_byte", "", 1, "00", 0, ENC_OK},
    {"no_split_2byte", "61 C3 A9", 3, "61 00", 3, ENC_TRUNCATED},
    {"two_byte_fits", "61 C3 A9", 4, "61 C3 A9 00", 3, ENC_OK},
    {"no_split_4byte", "F0 9F 98 80", 4, "00", 4, ENC_TRUNCATED},
    {"four_byte_fits", "F0 9F 98 80", 5, "F0 9F 98 80 00", 4, ENC_OK},
    {"no_resume_after_cut", "E2 82 AC 61", 3, "00", 4, ENC_TRUNCATED},
    {"invalid_byte_replaced", "61 FF 62", 10, "61 EF BF BD 62 00", 5, ENC_OK},
    {"truncated_seq_one_fffd", "61 E2 82", 10, "61 EF BF BD 00", 4, ENC_OK},
    {"replacement_not_split", "61 E2 82", 4, "61 00", 4, ENC_TRUNCATED},
    {"overlong_two_fffd", "C0 80", 10, "EF BF BD EF BF BD 00", 6, ENC_OK},
    {"surrogate_three_fffd", "ED A0 80", 10, "EF BF BD EF BF BD EF BF BD 00", 9, ENC_OK},
};

START_TEST(narrow_output_terminates_and_truncates)
{
    const struct narrow_out_case *c = &narrow_out[_i];
    uint8_t *src, *want;
    size_t sn, wn;
    ck_hex(c->src_hex, &src, &sn);
    ck_hex(c->want_hex, &want, &wn);
    uint8_t *buf = malloc(c->buf_bytes + 1);
    memset(buf, 0xAA, c->buf_bytes + 1);
    size_t full = 999;
    enum enc_rc rc = enc_out_narrow((const char *)src, sn, buf, c->buf_bytes, &full);
    ck_assert_msg(rc == c->rc, "%s: rc %d", c->name, rc);
    ck_assert_uint_eq(full, c->full);
    ck_assert_bytes(buf, wn, want, wn);
    ck_assert_int_eq(buf[wn], 0xAA); /* nothing written past the expected bytes */
    ck_assert_uint_eq(enc_narrow_len((const char *)src, sn), c->full);
    /* NULL buffer: measure only, no truncation */
    full = 999;
    ck_assert_int_eq(enc_out_narrow((const char *)src, sn, NULL, 0, &full), ENC_OK);
    ck_assert_uint_eq(full, c->full);
    free(buf);
    free(src);
    free(want);
}
END_TEST

/* ---- W output -------------------------------------------------------------- */

struct wide_out_case {
    const char *name;
    const char *src_hex;
    size_t buf_len;
    enum enc_unit unit;
    const char *want_hex; /* UTF-16LE bytes written, terminator included */
    size_t full;          /* in `unit` */
    enum enc_rc rc;
};

static const struct wide_out_case wide_out[] = {
    {"chars_fit", "61 62", 3, ENC_UNIT_CHARS, "61 00 62 00 00 00", 2, ENC_OK},
    {"chars_short", "61 62", 2, ENC_UNIT_CHARS, "61 00 00 00", 2, ENC_TRUNCATED},
    {"chars_one", "61 62", 1, ENC_UNIT_CHARS, "00 00", 2, ENC_TRUNCATED},
    {"chars_zero", "61 62", 0, ENC_UNIT_CHARS, "", 2, ENC_TRUNCATED},
    {"bytes_fit", "61 62", 6, ENC_UNIT_BYTES, "61 00 62 00 00 00", 4, ENC_OK},
    {"bytes_odd_rounds_down", "61 62", 5, ENC_UNIT_BYTES, "61 00 00 00", 4, ENC_TRUNCATED},
    {"bytes_two", "61 62", 2, ENC_UNIT_BYTES, "00 00", 4, ENC_TRUNCATED},
    {"bytes_one", "61 62", 1, ENC_UNIT_BYTES, "", 4, ENC_TRUNCATED},
    {"bytes_zero", "61 62", 0, ENC_UNIT_BYTES, "", 4, ENC_TRUNCATED},
    {"pair_fits", "F0 9F 98 80", 3, ENC_UNIT_CHARS, "3D D8 00 DE 00 00", 2, ENC_OK},
    {"pair_not_split", "F0 9F 98 80", 2, ENC_UNIT_CHARS, "00 00", 2, ENC_TRUNCATED},
    {"pair_not_split_bytes", "F0 9F 98 80", 4, ENC_UNIT_BYTES, "00 00", 4, ENC_TRUNCATED},
    {"a_then_pair", "61 F0 9F 98 80", 3, ENC_UNIT_CHARS, "61 00 00 00", 3, ENC_TRUNCATED},
    {"invalid_to_fffd", "FF", 4, ENC_UNIT_CHARS, "FD FF 00 00", 1, ENC_OK},
    {"empty_one_char", "", 1, ENC_UNIT_CHARS, "00 00", 0, ENC_OK},
    {"empty_one_byte", "", 1, ENC_UNIT_BYTES, "", 0, ENC_OK},
    {"three_byte_char", "E2 82 AC", 2, ENC_UNIT_CHARS, "AC 20 00 00", 1, ENC_OK},
};

START_TEST(wide_output_terminates_and_truncates)
{
    const struct wide_out_case *c = &wide_out[_i];
    uint8_t *src, *want;
    size_t sn, wn;
    ck_hex(c->src_hex, &src, &sn);
    ck_hex(c->want_hex, &want, &wn);
    size_t bytes = c->unit == ENC_UNIT_BYTES ? c->buf_len : c->buf_len * 2;
    /* SQLWCHAR-aligned allocation, 2 sentinel bytes past the end */
    SQLWCHAR *buf = malloc((bytes / 2 + 2) * sizeof(SQLWCHAR));
    memset(buf, 0xAA, (bytes / 2 + 2) * sizeof(SQLWCHAR));
    size_t full = 999;
    enum enc_rc rc = enc_out_wide((const char *)src, sn, buf, c->buf_len, c->unit, &full);
    ck_assert_msg(rc == c->rc, "%s: rc %d", c->name, rc);
    ck_assert_uint_eq(full, c->full);
    ck_assert_bytes(buf, wn, want, wn);
    ck_assert_int_eq(((uint8_t *)buf)[wn], 0xAA);
    full = 999;
    ck_assert_int_eq(enc_out_wide((const char *)src, sn, NULL, 0, c->unit, &full), ENC_OK);
    ck_assert_uint_eq(full, c->full);
    free(buf);
    free(src);
    free(want);
}
END_TEST

/* Every buffer size for a mixed string: the output is always a prefix made of
 * whole characters, terminated, and flagged exactly when something is missing. */
START_TEST(every_buffer_size_gives_whole_character_prefix)
{
    static const char mixed[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"; /* a é € 😀 z */
    size_t n = sizeof mixed - 1;
    for (size_t bb = 0; bb <= n + 2; bb++) {
        SQLCHAR buf[32];
        size_t full;
        enum enc_rc rc = enc_out_narrow(mixed, n, buf, bb, &full);
        ck_assert_uint_eq(full, n);
        if (bb == 0)
            continue;
        size_t got = strlen((char *)buf);
        ck_assert(got <= bb - 1);
        ck_assert_int_eq(memcmp(buf, mixed, got), 0);
        ck_assert(enc_utf8_valid((char *)buf, got));
        ck_assert_int_eq(rc, got < n ? ENC_TRUNCATED : ENC_OK);
    }
    SQLWCHAR all[16];
    size_t units;
    ck_assert_int_eq(enc_out_wide(mixed, n, all, 16, ENC_UNIT_CHARS, &units), ENC_OK);
    ck_assert_uint_eq(units, 6);
    for (size_t cu = 0; cu <= units + 1; cu++) {
        SQLWCHAR buf[16];
        size_t full;
        enum enc_rc rc = enc_out_wide(mixed, n, buf, cu, ENC_UNIT_CHARS, &full);
        ck_assert_uint_eq(full, units);
        if (cu == 0)
            continue;
        size_t got = 0;
        while (buf[got])
            got++;
        ck_assert(got <= cu - 1);
        ck_assert_int_eq(memcmp(buf, all, got * sizeof(SQLWCHAR)), 0);
        if (got)
            ck_assert(buf[got - 1] < 0xD800 || buf[got - 1] > 0xDBFF); /* no lone high */
        ck_assert_int_eq(rc, got < units ? ENC_TRUNCATED : ENC_OK);
    }
}
END_TEST

/* All BMP scalar values and a sample of supplementary ones round-trip. */
START_TEST(round_trip_code_point_ranges)
{
    for (unsigned cp = 1; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 97) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        SQLWCHAR w[2];
        size_t n = 1;
        if (cp >= 0x10000) {
            w[0] = (SQLWCHAR)(0xD800 + ((cp - 0x10000) >> 10));
            w[1] = (SQLWCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            n = 2;
        } else {
            w[0] = (SQLWCHAR)cp;
        }
        struct str s = STR_INIT;
        ck_assert_int_eq(enc_from_wide(w, (SQLINTEGER)n, &s), ENC_OK);
        ck_assert_uint_eq(s.len, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
        ck_assert(enc_utf8_valid(s.p, s.len));
        SQLWCHAR back[3];
        size_t full;
        ck_assert_int_eq(enc_out_wide(s.p, s.len, back, 3, ENC_UNIT_CHARS, &full), ENC_OK);
        ck_assert_uint_eq(full, n);
        ck_assert_int_eq(memcmp(back, w, n * sizeof(SQLWCHAR)), 0);
        str_fini(&s);
    }
}
END_TEST

START_TEST(str_set_and_secret_fini)
{
    struct str s = STR_INIT;
    ck_assert_int_eq(str_set(&s, "a\0b", 3), ENC_OK);
    ck_assert_uint_eq(s.len, 3);
    ck_assert_int_eq(s.p[3], 0);
    ck_assert_int_eq(str_set(&s, NULL, 0), ENC_OK);
    ck_assert_ptr_null(s.p);
    ck_assert_int_eq(str_set(&s, "secret", 6), ENC_OK);
    str_fini_secret(&s);
    ck_assert_ptr_null(s.p);
    ck_assert_uint_eq(s.len, 0);
    str_fini(NULL);
    str_fini_secret(NULL);
}
END_TEST

/* With the 'fault' preset the first allocation fails: a clean ENC_NOMEM and
 * an absent output. Without hooks the calls simply succeed. */
START_TEST(allocation_failure_is_clean)
{
    static const SQLWCHAR w[] = {0x61, 0xD83D, 0xDE00, 0};
    struct str s = STR_INIT;
    sq_alloc_fail_at(1);
    enum enc_rc rw = enc_from_wide(w, SQL_NTS, &s);
    sq_alloc_fail_at(0);
    ck_assert(rw == ENC_OK || (rw == ENC_NOMEM && s.p == NULL));
    str_fini(&s);
    sq_alloc_fail_at(1);
    enum enc_rc rn = enc_from_narrow((const SQLCHAR *)"abc", SQL_NTS, &s);
    sq_alloc_fail_at(0);
    ck_assert(rn == ENC_OK || (rn == ENC_NOMEM && s.p == NULL));
    str_fini(&s);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *enc_suite(void)
{
    Suite *s = suite_create("odbc_enc");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, wide_input_converts_or_rejects, 0, N(wide_in));
    tcase_add_test(tc, wide_input_nts_null_and_bad_length);
    tcase_add_loop_test(tc, narrow_input_validates_utf8, 0, N(narrow_in));
    tcase_add_test(tc, narrow_input_nts_null_and_bad_length);
    tcase_add_loop_test(tc, narrow_output_terminates_and_truncates, 0, N(narrow_out));
    tcase_add_loop_test(tc, wide_output_terminates_and_truncates, 0, N(wide_out));
    tcase_add_test(tc, every_buffer_size_gives_whole_character_prefix);
    tcase_add_test(tc, round_trip_code_point_ranges);
    tcase_add_test(tc, str_set_and_secret_fini);
    tcase_add_test(tc, allocation_failure_is_clean);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(enc_suite());
}
