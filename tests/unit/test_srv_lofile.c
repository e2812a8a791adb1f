/* SPDX-License-Identifier: MIT */
/* test_srv_lofile.c - ifxlite's smart-LOB wire pieces (server/srv_lofile.c,
 * PROTOCOL.md "Smart LOBs"): the 72-byte locator, every SQ_FILE request byte
 * for byte, the decoders of the client's answers (good, split, malformed),
 * lotofile's file name rule, and the locator bind block as srv_decode_bparam
 * walks it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_types.h"
#include "sq_wr.h"
#include "srv_lofile.h"
#include "srv_proto.h"
#include "sq_alloc.h"
#include "srv_fixture.h"

START_TEST(locator_bytes)
{
    uint8_t loc[SRV_LO_LOC];
    srv_lo_locator(loc, 0x0102030405060708ull, 0x0A0B0C0Du);
    ck_assert_hex(loc, 16, "01 02 03 04 05 06 07 08 49 4C 4F 31 0A 0B 0C 0D");
    for (size_t i = 16; i < SRV_LO_LOC; i++)
        ck_assert_uint_eq(loc[i], 0);
    uint64_t size;
    uint32_t h;
    ck_assert(srv_lo_locator_read(loc, sizeof loc, &size, &h));
    ck_assert(size == 0x0102030405060708ull);
    ck_assert_uint_eq(h, 0x0A0B0C0Du);
    ck_assert(!srv_lo_locator_read(loc, 71, &size, &h)); /* wrong length */
    loc[8] = 'X';
    ck_assert(!srv_lo_locator_read(loc, sizeof loc, &size, &h)); /* not ours */
}
END_TEST

START_TEST(file_requests_bytes)
{
    struct sq_buf b;
    sq_buf_init(&b);
    srv_enc_file_open(&b, "lo!", 3, SRV_FILE_MODE_UP);
    ck_assert_hex(b.data, b.len,
                  "00 62 00 00 00 03 6C 6F 21 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0C");
    sq_buf_reset(&b);
    srv_enc_file_open(&b, "ab", 2, SRV_FILE_MODE_DOWN);
    ck_assert_hex(b.data, b.len, "00 62 00 00 00 02 61 62 00 00 00 01 00 00 00 00 00 00 00 00 00 0C");
    sq_buf_reset(&b);
    srv_enc_file_read(&b, 32000, 1 << 20);
    ck_assert_hex(b.data, b.len, "00 62 00 02 7D 00 00 10 00 00 00 0C");
    sq_buf_reset(&b);
    srv_enc_file_write_begin(&b);
    srv_enc_file_write_chunk(&b, (const uint8_t *)"xyz", 3);
    srv_enc_file_write_chunk(&b, (const uint8_t *)"pq", 2);
    sq_wr_u16(&b, 12);
    ck_assert_hex(b.data, b.len, "00 62 00 03 00 6B 00 03 78 79 7A 00 00 6B 00 02 70 71 00 0C");
    sq_buf_reset(&b);
    srv_enc_file_close(&b);
    ck_assert_hex(b.data, b.len, "00 62 00 01 00 0C");
    sq_buf_fini(&b);
}
END_TEST

static enum sq_rc dec_result_hex(const char *hex, int32_t *res, size_t *pos)
{
    uint8_t *p;
    size_t n;
    ck_hex(hex, &p, &n);
    struct sq_rd rd;
    sq_rd_init(&rd, p, n);
    enum sq_rc rc = srv_dec_file_result(&rd, res);
    *pos = rd.pos;
    free(p);
    return rc;
}

START_TEST(result_and_close_answers)
{
    int32_t r = 0;
    size_t pos;
    ck_assert_int_eq(dec_result_hex("00 6A 00 00 10 01 00 0C", &r, &pos), SQ_RC_OK);
    ck_assert_int_eq(r, 4097);
    ck_assert_uint_eq(pos, 8);
    ck_assert_int_eq(dec_result_hex("00 6A FF FF FF FE 00 0C", &r, &pos), SQ_RC_OK);
    ck_assert_int_eq(r, -2);
    ck_assert_int_eq(dec_result_hex("00 6A 00 00", &r, &pos), SQ_RC_NEED_MORE);
    ck_assert_uint_eq(pos, 0);
    ck_assert_int_eq(dec_result_hex("00 6A 00 00 00 00", &r, &pos), SQ_RC_NEED_MORE);
    ck_assert_int_eq(dec_result_hex("00 6B 00 00 00 00 00 0C", &r, &pos), SQ_RC_PROTOCOL);
    ck_assert_int_eq(dec_result_hex("00 6A 00 00 00 00 00 6A", &r, &pos), SQ_RC_PROTOCOL);
    uint8_t eot[2] = {0, 12}, bad[2] = {0, 0x6A};
    struct sq_rd rd;
    sq_rd_init(&rd, eot, 2);
    ck_assert_int_eq(srv_dec_file_closed(&rd), SQ_RC_OK);
    sq_rd_init(&rd, eot, 1);
    ck_assert_int_eq(srv_dec_file_closed(&rd), SQ_RC_NEED_MORE);
    sq_rd_init(&rd, bad, 2);
    ck_assert_int_eq(srv_dec_file_closed(&rd), SQ_RC_PROTOCOL);
}
END_TEST

static enum sq_rc dec_data_hex(const char *hex, uint16_t bufsize, int32_t amount,
                               struct sq_buf *dst, int32_t *total, size_t *pos)
{
    uint8_t *p;
    size_t n;
    ck_hex(hex, &p, &n);
    struct sq_rd rd;
    sq_rd_init(&rd, p, n);
    enum sq_rc rc = srv_dec_file_data(&rd, bufsize, amount, dst, total);
    *pos = rd.pos;
    free(p);
    return rc;
}

START_TEST(read_answers)
{
    struct sq_buf d;
    sq_buf_init(&d);
    int32_t t;
    size_t pos;
    /* total 5 in chunks of 3 (odd: pad byte) and 2 */
    const char *good = "00 6A 00 00 00 05 00 6A 00 03 61 62 63 00 00 6A 00 02 64 65 00 0C";
    ck_assert_int_eq(dec_data_hex(good, 3, 8, &d, &t, &pos), SQ_RC_OK);
    ck_assert_int_eq(t, 5);
    ck_assert_uint_eq(pos, 22);
    ck_assert_hex(d.data, d.len, "61 62 63 64 65");
    /* end of file: total 0, no chunk */
    sq_buf_reset(&d);
    ck_assert_int_eq(dec_data_hex("00 6A 00 00 00 00 00 0C", 3, 8, &d, &t, &pos), SQ_RC_OK);
    ck_assert_int_eq(t, 0);
    ck_assert_uint_eq(d.len, 0);
    /* every cut of the good answer: NEED_MORE, nothing taken */
    uint8_t *p;
    size_t n;
    ck_hex(good, &p, &n);
    for (size_t k = 0; k < n; k++) {
        struct sq_rd rd;
        sq_rd_init(&rd, p, k);
        sq_buf_reset(&d);
        ck_assert_int_eq(srv_dec_file_data(&rd, 3, 8, &d, &t), SQ_RC_NEED_MORE);
        ck_assert_uint_eq(rd.pos, 0);
        ck_assert_uint_eq(d.len, 0);
    }
    free(p);
    /* more than asked, a chunk over bufsize, chunks over/under total, bad opcodes */
    static const char *const bad[] = {
        "00 6A 00 00 00 09 00 0C",                               /* total > amount 8 */
        "00 6A FF FF FF FF 00 0C",                               /* negative total */
        "00 6A 00 00 00 04 00 6A 00 04 61 62 63 64 00 0C",       /* chunk 4 > bufsize 3 */
        "00 6A 00 00 00 02 00 6A 00 03 61 62 63 00 00 0C",       /* chunks over total */
        "00 6A 00 00 00 05 00 6A 00 03 61 62 63 00 00 0C",       /* chunks under total */
        "00 6B 00 00 00 00 00 0C",                               /* wrong opcode */
        "00 6A 00 00 00 02 00 6B 00 02 61 62 00 0C",             /* wrong chunk opcode */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sq_buf_reset(&d);
        ck_assert_msg(dec_data_hex(bad[i], 3, 8, &d, &t, &pos) == SQ_RC_PROTOCOL, "case %zu", i);
        ck_assert_uint_eq(pos, 0);
    }
    sq_buf_fini(&d);
}
END_TEST

START_TEST(lotofile_name_rule)
{
    char out[64];
    ck_assert_uint_eq(srv_lo_file_name("ifxodbc_lo!", 11, 7, out, sizeof out), 10);
    ck_assert_str_eq(out, "ifxodbc_lo");
    ck_assert_uint_eq(srv_lo_file_name("photo", 5, 0x1Au, out, sizeof out), 22);
    ck_assert_str_eq(out, "photo.000000000000001a");
}
END_TEST

START_TEST(locator_bind_block)
{
    /* u16 41, i16 0, u16 10 (BLOB), 72 locator bytes; then a NULL CLOB; then a
     * BOOLEAN as UDTFIXED (prec 5: one byte + pad) still decodes as before */
    struct sq_buf b;
    sq_buf_init(&b);
    uint8_t loc[SRV_LO_LOC];
    srv_lo_locator(loc, 4097, 3);
    sq_wr_u16(&b, SQ_T_UDTFIXED);
    sq_wr_i16(&b, 0);
    sq_wr_u16(&b, SQ_XID_BLOB);
    sq_wr_bytes(&b, loc, sizeof loc);
    sq_wr_u16(&b, SQ_T_UDTFIXED);
    sq_wr_i16(&b, -1);
    sq_wr_u16(&b, SQ_XID_CLOB);
    sq_wr_u16(&b, SQ_T_UDTFIXED);
    sq_wr_i16(&b, 0);
    sq_wr_u16(&b, 5);
    sq_wr_u8(&b, 1);
    sq_wr_u8(&b, 0);
    struct sq_rd rd;
    sq_rd_init(&rd, b.data, b.len);
    struct srv_bparam p;
    ck_assert_int_eq(srv_decode_bparam(&rd, &p), SQ_RC_OK);
    ck_assert_uint_eq(p.type, SQ_T_UDTFIXED);
    ck_assert_uint_eq(p.prec, SQ_XID_BLOB);
    ck_assert_uint_eq(p.len, SRV_LO_LOC);
    ck_assert_uint_eq(rd.pos, 6 + SRV_LO_LOC);
    uint64_t size;
    uint32_t h;
    ck_assert(srv_lo_locator_read(p.data, p.len, &size, &h));
    ck_assert(size == 4097 && h == 3);
    struct srv_val v;
    char scratch[SRV_BIND_SCRATCH];
    /* the value needs the session's registry: the pure conversion refuses */
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), -9810);
    ck_assert_int_eq(srv_decode_bparam(&rd, &p), SQ_RC_OK);
    ck_assert_int_eq(p.ind, -1);
    ck_assert_uint_eq(rd.pos, 6 + SRV_LO_LOC + 6);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert_int_eq(v.k, SRV_V_NULL);
    ck_assert_int_eq(srv_decode_bparam(&rd, &p), SQ_RC_OK);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert_int_eq(v.k, SRV_V_INT);
    ck_assert_int_eq(v.i, 1);
    ck_assert_uint_eq(rd.pos, b.len);
    /* a locator block cut short: NEED_MORE */
    sq_rd_init(&rd, b.data, 6 + SRV_LO_LOC - 1);
    ck_assert_int_eq(srv_decode_bparam(&rd, &p), SQ_RC_NEED_MORE);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(row_locator_has_magic)
{
    struct srv_col col;
    memset(&col, 0, sizeof col);
    col.type = SQ_T_UDTFIXED;
    col.xid = SQ_XID_CLOB;
    col.enc_len = SRV_LO_LOC;
    struct srv_val v = {.k = SRV_V_TEXT, .p = "hello", .n = 5};
    struct sq_buf b;
    sq_buf_init(&b);
    ck_assert_int_eq(srv_val_encode(&b, &col, &v), 0);
    ck_assert_uint_eq(b.len, 5 + SRV_LO_LOC);
    ck_assert_hex(b.data, 21,
                  "00 00 00 00 48 00 00 00 00 00 00 00 05 49 4C 4F 31 00 00 00 00");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(profile_sqfile_chunk)
{
    struct srv_profile p;
    char err[200];
    srv_profile_init(&p);
    ck_assert_uint_eq(p.sqfile_chunk, 0); /* default: SRV_FILE_WRITE_CHUNK */
    ck_assert_int_eq(srv_profile_set(&p, "sqfile_chunk=1000", err, sizeof err), 0);
    ck_assert_uint_eq(p.sqfile_chunk, 1000);
    static const char *const bad[] = {"sqfile_chunk=0", "sqfile_chunk=65535", "sqfile_chunk=x",
                                      "sqfile_chunk=", "sqfile_chunk=-5", "sqfile_chunk=12k"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(srv_profile_set(&p, bad[i], err, sizeof err) == -1, "%s", bad[i]);
    ck_assert_uint_eq(p.sqfile_chunk, 1000);
}
END_TEST

/* ---- the SQL functions against a fake client (srv_file_io) ---- */
static uint8_t put_data[64];
static size_t put_n;
static char put_name[128];
static int gets, puts_, mades;

static int fake_get(void *ctx, const char *name, uint8_t **data, size_t *n, struct srv_err *err)
{
    (void)ctx;
    gets++;
    if (strcmp(name, "f1") != 0) {
        memset(err, 0, sizeof *err);
        err->sqlcode = -9810;
        snprintf(err->text, sizeof err->text, "cannot open client file %s", name);
        return -9810;
    }
    *data = sq_malloc(5);
    memcpy(*data, "he\0lo", 5);
    *n = 5;
    return 0;
}

static int fake_put(void *ctx, const char *name, const uint8_t *p, size_t n, struct srv_err *err)
{
    (void)ctx;
    (void)err;
    puts_++;
    snprintf(put_name, sizeof put_name, "%s", name);
    ck_assert_uint_le(n, sizeof put_data);
    memcpy(put_data, p, n);
    put_n = n;
    return 0;
}

static void fake_made(void *ctx, size_t n)
{
    (void)ctx;
    ck_assert_uint_eq(n, 5);
    mades++;
}

START_TEST(sql_functions_use_the_file_callbacks)
{
    struct srv_err e;
    OK(g_s, "CREATE TABLE lt (id INTEGER, b BLOB, c CLOB)");
    /* no callbacks installed: -9810, nothing else */
    ck_assert_int_eq(run(g_s, "INSERT INTO lt VALUES (1, filetoblob('f1', 'client'), NULL)", NULL),
                     -9810);
    struct srv_file_io io = {.ctx = NULL, .get = fake_get, .put = fake_put, .made = fake_made};
    srv_session_set_file_io(g_s, &io);
    OK(g_s, "INSERT INTO lt VALUES (1, filetoblob('f1', 'client'), filetoclob('f1', 'CLIENT'))");
    ck_assert_int_eq(gets, 2);
    ck_assert_int_eq(mades, 2);
    OK(g_s, "INSERT INTO lt VALUES (2, NULL, NULL)");
    OK(g_s, "INSERT INTO lt VALUES (3, filetoblob('f1', 'client', 'lt', 'b'), NULL)");
    ck_assert_int_eq(run(g_s, "INSERT INTO lt VALUES (4, filetoblob('nope', 'client'), NULL)", NULL),
                     -9810);
    ck_assert_int_eq(run(g_s, "INSERT INTO lt VALUES (4, filetoblob('f1', 'server'), NULL)", NULL),
                     -9810);
    ck_assert_int_eq(gets, 4); /* 'server' asks the client nothing */
    /* lotofile: the name used, IBM's '!' rule; NULL gives NULL without a put */
    expect1(g_s, "SELECT lotofile(b, 'out!', 'client') FROM lt WHERE id = 1", "out");
    ck_assert_int_eq(puts_, 1);
    ck_assert_str_eq(put_name, "out");
    ck_assert_uint_eq(put_n, 5);
    ck_assert(memcmp(put_data, "he\0lo", 5) == 0);
    expect1(g_s, "SELECT lotofile(c, 'x!', 'client') FROM lt WHERE id = 1", "x");
    ck_assert_uint_eq(put_n, 5);
    ck_assert_msg(memcmp(put_data, "he\0lo", 5) == 0, "%02x %02x %02x %02x %02x", put_data[0],
                  put_data[1], put_data[2], put_data[3], put_data[4]); /* CLOB bytes as they came */
    expect1(g_s, "SELECT lotofile(b, 'x', 'client') FROM lt WHERE id = 2", "NULL");
    ck_assert_int_eq(puts_, 2);
    char out[1][128];
    ck_assert_int_eq(query_row(g_s, "SELECT lotofile(b, 'pic', 'client') FROM lt WHERE id = 3", out, 1),
                     0);
    ck_assert_str_eq(out[0], put_name);
    ck_assert_uint_eq(strlen(out[0]), 20);
    ck_assert(strncmp(out[0], "pic.", 4) == 0);
    ck_assert_int_eq(run(g_s, "SELECT lotofile(b, 'x', 'server') FROM lt", NULL), -9810);
    /* result types: filetoblob a BLOB, filetoclob a CLOB, lotofile an LVARCHAR */
    const char *sql = "SELECT filetoblob('f1', 'client'), filetoclob('f1', 'client'), "
                      "lotofile(b, 'a', 'client') FROM lt WHERE id = 1";
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &e);
    ck_assert_ptr_nonnull(st);
    ck_assert_uint_eq(SQ_T_BASE(srv_stmt_col(st, 0)->type), SQ_T_UDTFIXED);
    ck_assert_uint_eq(srv_stmt_col(st, 0)->xid, SQ_XID_BLOB);
    ck_assert_uint_eq(srv_stmt_col(st, 1)->xid, SQ_XID_CLOB);
    ck_assert_uint_eq(srv_stmt_col(st, 2)->xid, SQ_XID_LVARCHAR);
    /* the engine hands over a row's value buffer (no copy): the same bytes */
    ck_assert_int_eq(srv_stmt_open(st, &e), 0);
    struct srv_val row[3];
    ck_assert_int_eq(srv_stmt_next(st, row, &e), 1);
    ck_assert_uint_eq(row[0].n, 5);
    ck_assert_ptr_null(srv_stmt_take_value(st, 0, "not the buffer"));
    uint8_t *own = srv_stmt_take_value(st, 0, row[0].p);
    ck_assert_ptr_eq(own, row[0].p);
    ck_assert(memcmp(own, "he\0lo", 5) == 0);
    ck_assert_ptr_null(srv_stmt_take_value(st, 0, row[0].p)); /* taken once */
    ck_assert_int_eq(srv_stmt_next(st, row, &e), 0);
    srv_stmt_close(st);
    srv_stmt_free(st);
    sq_free(own);
    srv_session_set_file_io(g_s, NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("srv_lofile");
    TCase *t = tcase_create("lofile");
    tcase_add_test(t, locator_bytes);
    tcase_add_test(t, file_requests_bytes);
    tcase_add_test(t, result_and_close_answers);
    tcase_add_test(t, read_answers);
    tcase_add_test(t, lotofile_name_rule);
    tcase_add_test(t, locator_bind_block);
    tcase_add_test(t, row_locator_has_magic);
    tcase_add_test(t, profile_sqfile_chunk);
    suite_add_tcase(s, t);
    TCase *q = tcase_create("sql");
    tcase_add_checked_fixture(q, setup, teardown);
    tcase_add_test(q, sql_functions_use_the_file_callbacks);
    suite_add_tcase(s, q);
    return ck_run(s);
}
