/* SPDX-License-Identifier: MIT */
/* test_sq_bytes.c - the shared byte-level helpers of the core (sq_rd.h,
 * sq_wr.c, sq_buf.c, sq_alloc.c): big-endian integers, str16 / zstr16 / fixN
 * padding rules (doc §0.3), short reads that leave the cursor where it was,
 * back-filled lengths, and the buffer's sticky out-of-memory state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_buf.h"
#include "sq_rd.h"
#include "sq_wr.h"

START_TEST(writers_are_big_endian)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_wr_u8(&b, 0xAB);
    sq_wr_u16(&b, 0x1234);
    sq_wr_u32(&b, 0x89ABCDEFu);
    sq_wr_u64(&b, 0x0102030405060708ull);
    sq_wr_i16(&b, -206);
    sq_wr_i32(&b, -2);
    sq_wr_i64(&b, -1);
    ck_assert(sq_buf_ok(&b));
    ck_assert_hex(b.data, b.len,
                  "AB 12 34 89 AB CD EF 01 02 03 04 05 06 07 08 FF 32 FF FF FF FE"
                  "FF FF FF FF FF FF FF FF");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(readers_are_big_endian_and_signed)
{
    uint8_t *p;
    size_t n;
    ck_hex("AB 12 34 89 AB CD EF 01 02 03 04 05 06 07 08 FF 32 FF FF FF FE 80 00 00 00 00 00 00 00",
           &p, &n);
    struct sq_rd rd;
    sq_rd_init(&rd, p, n);
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    ck_assert(sq_rd_u8(&rd, &u8) && u8 == 0xAB);
    ck_assert(sq_rd_u16(&rd, &u16) && u16 == 0x1234);
    ck_assert(sq_rd_u32(&rd, &u32) && u32 == 0x89ABCDEFu);
    ck_assert(sq_rd_u64(&rd, &u64) && u64 == 0x0102030405060708ull);
    ck_assert(sq_rd_i16(&rd, &i16) && i16 == -206);
    ck_assert(sq_rd_i32(&rd, &i32) && i32 == -2);
    ck_assert(sq_rd_i64(&rd, &i64) && i64 == INT64_MIN);
    ck_assert_uint_eq(sq_rd_left(&rd), 0);
    ck_assert(!sq_rd_u8(&rd, &u8));
    free(p);
}
END_TEST

/* Every reader, given one byte too few, fails and leaves the cursor alone. */
START_TEST(short_reads_leave_cursor_unchanged)
{
    static const uint8_t data[16] = {0, 3, 'a', 'b', 'c', 0, 0, 4, 'a', 'b', 'c', 0};
    struct sq_rd rd;
    const uint8_t *p;
    size_t n;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    sq_rd_init(&rd, data, 1);
    ck_assert(!sq_rd_u16(&rd, &u16) && rd.pos == 0);
    sq_rd_init(&rd, data, 3);
    ck_assert(!sq_rd_u32(&rd, &u32) && rd.pos == 0);
    sq_rd_init(&rd, data, 7);
    ck_assert(!sq_rd_u64(&rd, &u64) && rd.pos == 0);
    ck_assert(!sq_rd_bytes(&rd, 8, &p) && rd.pos == 0);
    ck_assert(!sq_rd_skip(&rd, 8) && rd.pos == 0);
    /* str16 "abc": 2 + 3 + pad = 6 bytes; each shorter span fails whole. */
    for (size_t len = 0; len < 6; len++) {
        sq_rd_init(&rd, data, len);
        ck_assert(!sq_rd_str16(&rd, &p, &n));
        ck_assert_uint_eq(rd.pos, 0);
    }
    sq_rd_init(&rd, data, 6);
    ck_assert(sq_rd_str16(&rd, &p, &n));
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(rd.pos, 6);
    ck_assert(memcmp(p, "abc", 3) == 0);
    /* zstr16 "abc\0": 2 + 4, no pad; n excludes the NUL. */
    for (size_t len = 6; len < 12; len++) {
        sq_rd_init(&rd, data, len);
        rd.pos = 6;
        ck_assert(!sq_rd_zstr16(&rd, &p, &n));
        ck_assert_uint_eq(rd.pos, 6);
    }
    sq_rd_init(&rd, data, 12);
    rd.pos = 6;
    ck_assert(sq_rd_zstr16(&rd, &p, &n));
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(rd.pos, 12);
}
END_TEST

/* doc §0.3: str16 pads odd lengths with one 00 (not counted); zstr16 counts
 * its NUL and never pads; fixN fills with NULs and cuts long text. */
START_TEST(string_forms_and_padding)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert(sq_wr_str16(&b, "abc", 3));
    ck_assert(sq_wr_str16(&b, "ab", 2));
    ck_assert(sq_wr_str16(&b, "", 0));
    ck_assert(sq_wr_zstr16(&b, "sqli"));
    ck_assert(sq_wr_zstr16(&b, ""));
    sq_wr_fix(&b, "ol", 8);
    sq_wr_fix(&b, "toolongtext", 4);
    sq_wr_pad(&b, 3);
    sq_wr_pad(&b, 4);
    ck_assert_hex(b.data, b.len,
                  "00 03 61 62 63 00  00 02 61 62  00 00"
                  "00 05 73 71 6C 69 00  00 01 00"
                  "6F 6C 00 00 00 00 00 00  74 6F 6F 6C  00");
    static char big[70000];
    size_t len = b.len;
    ck_assert(!sq_wr_str16(&b, big, sizeof big));
    ck_assert_uint_eq(b.len, len);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(backfill_and_zeros)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_wr_u16(&b, 0);
    sq_wr_u32(&b, 0);
    sq_wr_zeros(&b, 3);
    sq_wr_put_u16_at(&b, 0, 0xBEEF);
    sq_wr_put_u32_at(&b, 2, 0x01020304);
    sq_wr_put_u32_at(&b, 8, 0xFFFFFFFF); /* out of range: ignored */
    ck_assert_hex(b.data, b.len, "BE EF 01 02 03 04 00 00 00");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(buffer_consume_reset_shrink)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_buf_append(&b, "abcdef", 6);
    sq_buf_consume(&b, 2);
    ck_assert_hex(b.data, b.len, "\"cdef\"");
    sq_buf_consume(&b, 10);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_ptr_nonnull(b.data);
    sq_buf_shrink(&b, 0);
    ck_assert_ptr_null(b.data);
    ck_assert(sq_buf_reserve(&b, 1000));
    ck_assert_uint_ge(b.cap, 1000);
    sq_buf_append(&b, "x", 1);
    sq_buf_reset(&b);
    ck_assert_uint_eq(b.len, 0);
    sq_buf_append(&b, "y", 1);
    ck_assert(!sq_buf_reserve(&b, SIZE_MAX)); /* len + extra overflows: no allocation tried */
    ck_assert(!sq_buf_ok(&b));
    sq_buf_fini(&b);
}
END_TEST

/* Sticky OOM: after a failed growth, appends are no-ops until reset. Needs
 * the fault hook (IFX_FAULT_HOOKS); otherwise the overflow path shows it. */
START_TEST(buffer_oom_is_sticky)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_alloc_fail_at(1); /* with hooks: the next allocation fails */
    sq_buf_append(&b, "abc", 3);
    sq_alloc_fail_at(0);
    if (sq_buf_ok(&b)) {
        /* Hooks compiled out: force the sticky state through overflow. */
        ck_assert(!sq_buf_reserve(&b, SIZE_MAX));
    } else {
        ck_assert_uint_eq(b.len, 0);
    }
    ck_assert(!sq_buf_ok(&b));
    size_t len = b.len;
    sq_wr_u32(&b, 7);
    sq_wr_str16(&b, "x", 1);
    ck_assert_uint_eq(b.len, len);
    ck_assert(!sq_buf_ok(&b));
    sq_buf_reset(&b);
    ck_assert(sq_buf_ok(&b));
    sq_wr_u16(&b, 1);
    ck_assert_hex(b.data, b.len, "00 01");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(size_arithmetic_reports_overflow)
{
    size_t out = 5;
    ck_assert(sq_size_mul(1000, 1000, &out) && out == 1000000);
    ck_assert(!sq_size_mul(SIZE_MAX / 2 + 1, 2, &out) && out == 1000000);
    ck_assert(sq_size_add(1, 2, &out) && out == 3);
    ck_assert(!sq_size_add(SIZE_MAX, 1, &out) && out == 3);
    ck_assert_ptr_null(sq_calloc(SIZE_MAX / 2, 4));
    char *d = sq_strndup("abcdef", 3);
    ck_assert_str_eq(d, "abc");
    sq_free(d);
    ck_assert_ptr_null(sq_strdup(NULL));
}
END_TEST

START_TEST(loaders_match_readers)
{
    static const uint8_t d[8] = {0x80, 1, 2, 3, 4, 5, 6, 7};
    ck_assert_uint_eq(sq_load_u16(d), 0x8001);
    ck_assert_uint_eq(sq_load_u32(d), 0x80010203u);
    ck_assert_uint_eq(sq_load_u64(d), 0x8001020304050607ull);
}
END_TEST

static Suite *bytes_suite(void)
{
    Suite *s = suite_create("sq_bytes");
    TCase *tc = tcase_create("bytes");
    tcase_add_test(tc, writers_are_big_endian);
    tcase_add_test(tc, readers_are_big_endian_and_signed);
    tcase_add_test(tc, short_reads_leave_cursor_unchanged);
    tcase_add_test(tc, string_forms_and_padding);
    tcase_add_test(tc, backfill_and_zeros);
    tcase_add_test(tc, buffer_consume_reset_shrink);
    tcase_add_test(tc, buffer_oom_is_sticky);
    tcase_add_test(tc, size_arithmetic_reports_overflow);
    tcase_add_test(tc, loaders_match_readers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(bytes_suite());
}
