/* SPDX-License-Identifier: MIT */
/* test_sq_blob.c - the core's BYTE/TEXT streams (driver/sqli/sq_blob.c)
 * against a scripted server whose replies arrive one byte at a time: the
 * exact request bytes of FETCHBLOB (W12 + EOT) and of an INSERT with BYTE/TEXT
 * parameters (BIND type 11/12 descriptor blocks, SQ_BBIND, 1024-byte SQ_BLOB
 * chunks, empty chunk, EXECUTE, EOT: doc §9.7), the SQ_BLOB decoder (V20),
 * an error inside a FETCHBLOB reply (-602), a half-read stream drained by the
 * next request, and MISUSE while a write group is half sent. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_blob.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_transport.h"
#include "sq_types.h"
#include "sq_wr.h"

static const struct sq_caps caps = {.ext_describe = true, .big_sql = true, .long_rowid = true};

static void s_eot(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EOT);
}

/* DESCRIBE with one column of the given type (or none), DONE, COST, EOT. */
static void s_prepared(struct sq_buf *b, uint16_t stype, uint16_t id, uint16_t ctype)
{
    size_t n = ctype ? 1 : 0;
    sq_wr_u16(b, SQ_DESCRIBE);
    sq_wr_u16(b, stype);
    sq_wr_u16(b, id);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, 56);
    sq_wr_u16(b, (uint16_t)n);
    sq_wr_u32(b, n ? 2 : 0);
    if (n) {
        sq_wr_u32(b, 0), sq_wr_u32(b, 0), sq_wr_u16(b, ctype), sq_wr_u32(b, 0);
        sq_wr_u16(b, 0), sq_wr_u16(b, 0), sq_wr_u16(b, 0), sq_wr_u16(b, 0);
        sq_wr_u32(b, 0), sq_wr_u32(b, 56);
        sq_wr_bytes(b, "b", 2);
    }
    sq_wr_u16(b, SQ_DONE), sq_wr_u16(b, 0), sq_wr_i64(b, 0), sq_wr_i64(b, 0), sq_wr_i32(b, 0);
    sq_wr_u16(b, SQ_COST), sq_wr_i32(b, 0), sq_wr_i32(b, 0);
    s_eot(b);
}

static void s_done(struct sq_buf *b, int64_t rows)
{
    sq_wr_u16(b, SQ_DONE), sq_wr_u16(b, 0), sq_wr_i64(b, rows), sq_wr_i64(b, 0), sq_wr_i32(b, 0);
}

static void s_chunk(struct sq_buf *b, const char *p, size_t n)
{
    sq_wr_u16(b, SQ_BLOB);
    (void)sq_wr_str16(b, p, n);
}

static struct sq_conn *attached(const struct sq_buf *s, struct sq_transport **tr)
{
    *tr = sq_mem_new(s->data, s->len, 1); /* one byte per read */
    ck_assert_ptr_nonnull(*tr);
    struct sq_conn *c = sq_conn_new();
    sq_conn_attach(c, *tr, &caps);
    return c;
}

static uint8_t *hex(const char *h, size_t *n)
{
    uint8_t *p;
    ck_hex(h, &p, n);
    return p;
}

START_TEST(sq_blob_message_decodes_split_tolerant)
{
    size_t n;
    uint8_t *p = hex("00 27 00 03 61 62 63 00 00 27 00 00", &n); /* V20 + end */
    for (size_t cut = 0; cut <= n; cut++) {
        struct sq_rd rd;
        struct sq_msg m;
        sq_rd_init(&rd, p, cut);
        enum sq_rc rc = sq_decode_msg(&caps, &rd, &m);
        if (cut < 8) {
            ck_assert_int_eq(rc, SQ_RC_NEED_MORE);
            ck_assert_uint_eq(rd.pos, 0);
            continue;
        }
        ck_assert_int_eq(rc, SQ_RC_OK);
        ck_assert_uint_eq(m.op, SQ_BLOB);
        ck_assert_uint_eq(m.u.blob.n, 3);
        ck_assert(memcmp(m.u.blob.p, "abc", 3) == 0);
        rc = sq_decode_msg(&caps, &rd, &m);
        ck_assert_int_eq(rc, cut == n ? SQ_RC_OK : SQ_RC_NEED_MORE);
        if (cut == n)
            ck_assert_uint_eq(m.u.blob.n, 0);
    }
    free(p);
    uint8_t d[56];
    sq_blob_desc_write(d, 0x00012345u);
    ck_assert_uint_eq(d[16], 0);
    ck_assert_uint_eq(d[17], 1);
    ck_assert_uint_eq(d[18], 0x23);
    ck_assert_uint_eq(d[19], 0x45);
    ck_assert_uint_eq(sq_blob_desc_size(d), 0x12345u);
    ck_assert(!sq_blob_desc_is_null(d));
    d[39] = 1;
    ck_assert(sq_blob_desc_is_null(d));
}
END_TEST

START_TEST(insert_with_byte_and_text_sends_bbind_and_chunks)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, SQ_STMT_INSERT, 4, 0);
    s_done(&s, 1), s_eot(&s); /* the execution */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "INSERT INTO t VALUES (?, ?, ?)", 30, &st), SQ_RC_OK);
    size_t before = sq_mem_written(tr)->len;
    uint8_t *big = malloc(1500);
    memset(big, 'x', 1500);
    struct sq_param p[3];
    memset(p, 0, sizeof p);
    p[0].type = SQ_T_BYTE;
    p[0].u.lob.p = big;
    p[0].u.lob.n = 1500;
    p[1].type = SQ_T_TEXT;
    p[1].is_null = true;
    p[2].type = SQ_T_TEXT;
    p[2].u.lob.p = (const uint8_t *)"hi!";
    p[2].u.lob.n = 3;
    ck_assert_int_eq(sq_stmt_execute(st, p, 3), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 1);
    const struct sq_buf *w = sq_mem_written(tr);
    struct sq_buf want = SQ_BUF_INIT;
    sq_wr_u16(&want, SQ_ID), sq_wr_u16(&want, 4);
    sq_wr_u16(&want, SQ_BIND), sq_wr_u16(&want, 3);
    uint8_t d[56];
    sq_wr_u16(&want, SQ_T_BYTE), sq_wr_u16(&want, 0), sq_wr_u16(&want, 0);
    sq_blob_desc_write(d, 1500), sq_wr_bytes(&want, d, 56);
    sq_wr_u16(&want, SQ_T_TEXT), sq_wr_u16(&want, 0xFFFF), sq_wr_u16(&want, 0);
    sq_wr_u16(&want, SQ_T_TEXT), sq_wr_u16(&want, 0), sq_wr_u16(&want, 0);
    sq_blob_desc_write(d, 3), sq_wr_bytes(&want, d, 56);
    sq_wr_u16(&want, SQ_BBIND), sq_wr_u16(&want, 2);
    s_chunk(&want, (const char *)big, 1024), s_chunk(&want, (const char *)big, 476);
    s_chunk(&want, NULL, 0);
    s_chunk(&want, "hi!", 3), s_chunk(&want, NULL, 0);
    sq_wr_u16(&want, SQ_EXECUTE), s_eot(&want);
    ck_assert_uint_eq(w->len - before, want.len);
    ck_assert(memcmp(w->data + before, want.data, want.len) == 0);
    sq_buf_fini(&want);
    free(big);
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* FETCHBLOB bytes; chunks handed out one by one; a DONE inside the reply is
 * read past; -602 is SERVER with the code; a half-read stream is drained by
 * the next request; the connection stays usable. */
START_TEST(fetchblob_stream_error_and_drain)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, SQ_STMT_SELECT, 2, SQ_T_BYTE);
    /* OPEN + NFETCH: one row (a descriptor of 5 bytes), DONE */
    uint8_t d[56];
    sq_blob_desc_write(d, 5);
    d[23] = 9; /* a server's own field: sent back unchanged */
    sq_wr_u16(&s, SQ_TUPLE), sq_wr_u16(&s, 0), sq_wr_u32(&s, 56), sq_wr_bytes(&s, d, 56);
    s_done(&s, 1), sq_wr_u16(&s, SQ_COST), sq_wr_i32(&s, 0), sq_wr_i32(&s, 0), s_eot(&s);
    /* FETCHBLOB 1: "ab" "cde" end DONE EOT */
    s_chunk(&s, "ab", 2), s_chunk(&s, "cde", 3), s_chunk(&s, NULL, 0), s_done(&s, 0), s_eot(&s);
    /* FETCHBLOB 2: -602 */
    sq_wr_u16(&s, SQ_ERR), sq_wr_i16(&s, -602), sq_wr_i16(&s, 0), sq_wr_u32(&s, 0);
    (void)sq_wr_str16(&s, "", 0), s_eot(&s);
    /* FETCHBLOB 3: read one chunk, then CLOSE drains the rest */
    s_chunk(&s, "ab", 2), s_chunk(&s, "cde", 3), s_chunk(&s, NULL, 0), s_eot(&s);
    s_eot(&s); /* CLOSE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT b FROM t", 15, &st), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_col(st, 0)->kind, SQ_K_BYTE);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    const uint8_t *rd;
    size_t rn;
    ck_assert(sq_row_raw(row, 0, &rd, &rn));
    ck_assert_uint_eq(rn, 56);
    size_t before = sq_mem_written(tr)->len;
    ck_assert_int_eq(sq_blob_open(st, rd, rn), SQ_RC_OK);
    struct sq_buf want = SQ_BUF_INIT;
    sq_wr_u16(&want, SQ_ID), sq_wr_u16(&want, 2), sq_wr_u16(&want, SQ_FETCHBLOB);
    sq_wr_bytes(&want, d, 56), s_eot(&want);
    const struct sq_buf *w = sq_mem_written(tr);
    ck_assert_uint_eq(w->len - before, want.len);
    ck_assert(memcmp(w->data + before, want.data, want.len) == 0);
    const uint8_t *p;
    size_t n;
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert(memcmp(p, "ab", 2) == 0);
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_OK);
    ck_assert(memcmp(p, "cde", 3) == 0);
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_NO_DATA);
    ck_assert(!sq_blob_reading(c));
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_MISUSE);
    ck_assert_int_eq(sq_blob_open(st, rd, rn), SQ_RC_OK);
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -602);
    ck_assert_int_eq(sq_blob_open(st, rd, rn), SQ_RC_OK);
    ck_assert_int_eq(sq_blob_read(c, &p, &n), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK); /* drains "cde", end, EOT first */
    ck_assert(!sq_blob_reading(c));
    ck_assert_int_eq(sq_conn_state(c), SQ_CONN_READY);
    ck_assert_uint_eq(sq_mem_unread(tr), 0);
    /* a closed cursor's descriptor is refused locally */
    ck_assert_int_eq(sq_blob_open(st, d, 56), SQ_RC_MISUSE);
    sq_buf_fini(&want);
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* While a BYTE/TEXT group is half sent, other requests are MISUSE; an
 * abandoned group ends without EXECUTE. */
START_TEST(half_sent_group_blocks_other_requests)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, SQ_STMT_INSERT, 1, 0);
    s_eot(&s); /* reply to the abandoned group */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "INSERT INTO t VALUES (?)", 24, &st), SQ_RC_OK);
    struct sq_param p;
    memset(&p, 0, sizeof p);
    p.type = SQ_T_BYTE;
    p.u.lob.n = 10;                                             /* streamed by the caller */
    ck_assert_int_eq(sq_stmt_execute(st, &p, 1), SQ_RC_MISUSE); /* no data to send */
    size_t before = sq_mem_written(tr)->len;
    ck_assert_int_eq(sq_lobexec_begin(st, &p, 1), SQ_RC_OK);
    ck_assert_int_eq(sq_lobexec_put(st, "12345", 5), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_MISUSE);
    ck_assert_int_eq(sq_lobexec_finish(st, true), SQ_RC_MISUSE); /* the value is not ended */
    ck_assert_int_eq(sq_lobexec_finish(st, false), SQ_RC_OK);
    const struct sq_buf *w = sq_mem_written(tr);
    /* ... SQ_BBIND 1, "12345", empty chunk, EOT: no EXECUTE */
    static const uint8_t tail[] = {0x00, 0x29, 0x00, 0x01, 0x00, 0x27, 0x00, 0x05, '1',  '2',
                                   '3',  '4',  '5',  0x00, 0x00, 0x27, 0x00, 0x00, 0x00, 0x0C};
    ck_assert_uint_ge(w->len - before, sizeof tail);
    ck_assert(memcmp(w->data + w->len - sizeof tail, tail, sizeof tail) == 0);
    ck_assert(!sq_lobexec_active(c));
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sq_blob");
    TCase *t = tcase_create("blob");
    tcase_add_test(t, sq_blob_message_decodes_split_tolerant);
    tcase_add_test(t, insert_with_byte_and_text_sends_bbind_and_chunks);
    tcase_add_test(t, fetchblob_stream_error_and_drain);
    tcase_add_test(t, half_sent_group_blocks_other_requests);
    suite_add_tcase(s, t);
    return ck_run(s);
}
