/* SPDX-License-Identifier: MIT */
/* test_sq_file.c - the core's client file requests and smart-LOB calls
 * (driver/sqli/sq_file.c, doc §9.8, PROTOCOL.md "Smart LOBs") against a
 * scripted server whose replies arrive one byte at a time: the SQ_FILE and
 * SQ_FILE_WRITE decoders (every cut), the locator bind block, the exact
 * answers to open / read / write / close while lotofile and filetoblob run,
 * a refused open, and the protocol errors (unknown optype, SQ_FILE_WRITE
 * outside a write request, a source that ends early). */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_file.h"
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

/* DESCRIBE of a one-column SELECT (type ctype, extended id xid), DONE, COST, EOT. */
static void s_prepared(struct sq_buf *b, uint16_t id, uint16_t ctype, uint32_t xid, uint32_t len)
{
    sq_wr_u16(b, SQ_DESCRIBE);
    sq_wr_u16(b, SQ_STMT_SELECT);
    sq_wr_u16(b, id);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, (uint16_t)(len + 5));
    sq_wr_u16(b, 1);
    sq_wr_u32(b, 2);
    sq_wr_u32(b, 0), sq_wr_u32(b, 0), sq_wr_u16(b, ctype), sq_wr_u32(b, xid);
    sq_wr_u16(b, 0), sq_wr_u16(b, 0), sq_wr_u16(b, 0), sq_wr_u16(b, 0);
    sq_wr_u32(b, 0), sq_wr_u32(b, len);
    sq_wr_bytes(b, "x", 2);
    sq_wr_u16(b, SQ_DONE), sq_wr_u16(b, 0), sq_wr_i64(b, 0), sq_wr_i64(b, 0), sq_wr_i32(b, 0);
    sq_wr_u16(b, SQ_COST), sq_wr_i32(b, 0), sq_wr_i32(b, 0);
    s_eot(b);
}

/* A one-UDT-value row: [u8 0][u32 n][bytes], DONE, EOT. */
static void s_row_done(struct sq_buf *b, const void *p, uint32_t n)
{
    sq_wr_u16(b, SQ_TUPLE), sq_wr_u16(b, 0), sq_wr_u32(b, n + 5);
    sq_wr_u8(b, 0), sq_wr_u32(b, n), sq_wr_bytes(b, p, n);
    if ((n + 5) & 1u)
        sq_wr_u8(b, 0);
    sq_wr_u16(b, SQ_DONE), sq_wr_u16(b, 0), sq_wr_i64(b, 1), sq_wr_i64(b, 0), sq_wr_i32(b, 0);
    s_eot(b);
}

static void s_open(struct sq_buf *b, const char *name, int32_t mode)
{
    sq_wr_u16(b, SQ_FILE), sq_wr_u16(b, SQ_FILE_OPEN);
    (void)sq_wr_str16(b, name, strlen(name));
    sq_wr_i32(b, mode), sq_wr_i32(b, 0), sq_wr_i32(b, 0);
    s_eot(b);
}

/* The server writing a client file: open (mode 1), then one write request
 * with the `nb` blocks, SQ_EOT. */
static void s_write_req(struct sq_buf *b, const char *const *blocks, size_t nb)
{
    s_open(b, "ifxodbc_lo", SQ_FILE_MODE_WRITE);
    sq_wr_u16(b, SQ_FILE), sq_wr_u16(b, SQ_FILE_WRITEREQ);
    for (size_t i = 0; i < nb; i++)
        sq_wr_u16(b, SQ_FILE_WRITE), (void)sq_wr_str16(b, blocks[i], strlen(blocks[i]));
    s_eot(b);
}

static struct sq_conn *attached(const struct sq_buf *s, struct sq_transport **tr)
{
    *tr = sq_mem_new(s->data, s->len, 1); /* one byte per read */
    ck_assert_ptr_nonnull(*tr);
    struct sq_conn *c = sq_conn_new();
    sq_conn_attach(c, *tr, &caps);
    return c;
}

/* Where `want` occurs in w at or after from, or -1. */
static long find(const struct sq_buf *w, size_t from, const uint8_t *want, size_t n)
{
    for (size_t i = from; i + n <= w->len; i++)
        if (memcmp(w->data + i, want, n) == 0)
            return (long)i;
    return -1;
}

/* ---- a file handler over memory ---- */

struct memfile {
    const uint8_t *src; /* read mode */
    size_t src_n, pos;
    struct sq_buf got; /* write mode */
    char name[64];
    int32_t mode;
    int opens, closes;
    bool fail_write;
    size_t short_after; /* read: pretend the file ends here (0 = never) */
};

static enum sq_rc mf_open(void *ctx, const char *name, size_t n, int32_t mode, uint64_t *size)
{
    struct memfile *f = ctx;
    ck_assert_uint_lt(n, sizeof f->name);
    memcpy(f->name, name, n + 1);
    f->mode = mode;
    f->opens++;
    f->pos = 0;
    *size = mode == SQ_FILE_MODE_READ ? f->src_n : 0;
    return SQ_RC_OK;
}

static enum sq_rc mf_read(void *ctx, uint8_t *buf, size_t max, size_t *got)
{
    struct memfile *f = ctx;
    size_t end = f->short_after ? f->short_after : f->src_n;
    size_t n = end - f->pos < max ? end - f->pos : max;
    memcpy(buf, f->src + f->pos, n);
    f->pos += n;
    *got = n;
    return SQ_RC_OK;
}

static enum sq_rc mf_write(void *ctx, const uint8_t *p, size_t n)
{
    struct memfile *f = ctx;
    if (f->fail_write)
        return SQ_RC_IO;
    sq_buf_append(&f->got, p, n);
    return SQ_RC_OK;
}

static void mf_close(void *ctx)
{
    ((struct memfile *)ctx)->closes++;
}

START_TEST(file_messages_decode_at_every_cut)
{
    /* open "ab" mode 1 flags 2 offset 3; read bufsize 4 amount 10; close;
     * write; SQ_FILE_WRITE "xyz" (padded) */
    static const char *vec[] = {
        "00 62 00 00 00 02 61 62 00 00 00 01 00 00 00 02 00 00 00 03",
        "00 62 00 02 00 04 00 00 00 0A",
        "00 62 00 01",
        "00 62 00 03",
        "00 6B 00 03 78 79 7A 00",
    };
    for (size_t v = 0; v < sizeof vec / sizeof vec[0]; v++) {
        uint8_t *p;
        size_t n;
        ck_hex(vec[v], &p, &n);
        for (size_t cut = 0; cut <= n; cut++) {
            struct sq_rd rd;
            struct sq_msg m;
            sq_rd_init(&rd, p, cut);
            enum sq_rc rc = sq_decode_msg(&caps, &rd, &m);
            if (cut < n) {
                ck_assert_int_eq(rc, SQ_RC_NEED_MORE);
                ck_assert_uint_eq(rd.pos, 0);
                continue;
            }
            ck_assert_int_eq(rc, SQ_RC_OK);
            ck_assert_uint_eq(rd.pos, n);
            if (v == 4) {
                ck_assert_uint_eq(m.op, SQ_FILE_WRITE);
                ck_assert_uint_eq(m.u.blob.n, 3);
                ck_assert(memcmp(m.u.blob.p, "xyz", 3) == 0);
                continue;
            }
            ck_assert_uint_eq(m.op, SQ_FILE);
            if (v == 0) {
                ck_assert_uint_eq(m.u.file.optype, SQ_FILE_OPEN);
                ck_assert_uint_eq(m.u.file.name_n, 2);
                ck_assert(memcmp(m.u.file.name, "ab", 2) == 0);
                ck_assert_int_eq(m.u.file.mode, 1);
                ck_assert_int_eq(m.u.file.flags, 2);
                ck_assert_int_eq(m.u.file.offset, 3);
            } else if (v == 1) {
                ck_assert_uint_eq(m.u.file.optype, SQ_FILE_READREQ);
                ck_assert_uint_eq(m.u.file.bufsize, 4);
                ck_assert_int_eq(m.u.file.amount, 10);
            } else {
                ck_assert_uint_eq(m.u.file.optype, v == 2 ? SQ_FILE_CLOSE : SQ_FILE_WRITEREQ);
            }
        }
        free(p);
    }
    /* an optype the doc does not name */
    uint8_t bad[] = {0x00, 0x62, 0x00, 0x07};
    struct sq_rd rd;
    struct sq_msg m;
    sq_rd_init(&rd, bad, sizeof bad);
    ck_assert_int_eq(sq_decode_msg(&caps, &rd, &m), SQ_RC_PROTOCOL);
}
END_TEST

START_TEST(locator_parameter_block)
{
    uint8_t loc[72];
    for (size_t i = 0; i < sizeof loc; i++)
        loc[i] = (uint8_t)i;
    struct sq_param p;
    memset(&p, 0, sizeof p);
    p.type = SQ_T_UDTFIXED;
    p.prec = SQ_XID_CLOB;
    p.u.s.p = loc;
    p.u.s.n = 72;
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_OK);
    ck_assert_uint_eq(b.len, 6 + 72);
    static const uint8_t head[] = {0x00, 0x29, 0x00, 0x00, 0x00, 0x0B};
    ck_assert(memcmp(b.data, head, 6) == 0);
    ck_assert(memcmp(b.data + 6, loc, 72) == 0);
    sq_buf_reset(&b);
    p.is_null = true;
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_OK);
    static const uint8_t null_block[] = {0x00, 0x29, 0xFF, 0xFF, 0x00, 0x0B};
    ck_assert_uint_eq(b.len, 6);
    ck_assert(memcmp(b.data, null_block, 6) == 0);
    sq_buf_reset(&b);
    p.is_null = false;
    p.u.s.n = 71; /* not a locator */
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_MISUSE);
    p.u.s.n = 72;
    p.prec = SQ_XID_BOOLEAN; /* not a smart LOB */
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_MISUSE);
    ck_assert_uint_eq(b.len, 0);
    sq_buf_fini(&b);
}
END_TEST

/* lotofile: the SELECT with the locator bound, then open (mode 1), one write
 * request with two blocks, close, the row; the data reach the handler; the
 * answers are `6A i32 0 EOT`, `6A i32 5 EOT`, `EOT`. */
START_TEST(lotofile_answers_and_data)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, 3, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
    s_write_req(&s, (const char *const[]){"abc", "de"}, 2);
    sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_CLOSE), s_eot(&s);
    s_row_done(&s, "ifxodbc_lo", 10);
    s_eot(&s); /* CLOSE */
    s_eot(&s); /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct memfile f;
    memset(&f, 0, sizeof f);
    sq_buf_init(&f.got);
    struct sq_file_ops ops = {&f, mf_open, mf_read, mf_write, mf_close};
    uint8_t loc[72];
    memset(loc, 0x5A, sizeof loc);
    ck_assert_int_eq(sq_lo_fetch(c, false, loc, &ops), SQ_RC_OK);
    ck_assert_int_eq(f.opens, 1);
    ck_assert_int_eq(f.closes, 1);
    ck_assert_str_eq(f.name, "ifxodbc_lo");
    ck_assert_int_eq(f.mode, SQ_FILE_MODE_WRITE);
    ck_assert_uint_eq(f.got.len, 5);
    ck_assert(memcmp(f.got.data, "abcde", 5) == 0);
    const struct sq_buf *w = sq_mem_written(tr);
    static const char sql[] = "SELECT lotofile(?::BLOB, 'ifxodbc_lo!', 'client') FROM systables "
                              "WHERE tabid = 1";
    long at = find(w, 0, (const uint8_t *)sql, sizeof sql - 1);
    ck_assert_int_ge(at, 0);
    uint8_t block[78] = {0x00, 0x29, 0x00, 0x00, 0x00, 0x0A};
    memcpy(block + 6, loc, 72);
    at = find(w, (size_t)at, block, sizeof block);
    ck_assert_int_ge(at, 0);
    static const uint8_t answers[] = {0x00, 0x6A, 0, 0, 0, 0, 0x00, 0x0C,    /* open */
                                      0x00, 0x6A, 0, 0, 0, 5, 0x00, 0x0C,    /* write */
                                      0x00, 0x0C};                           /* close */
    ck_assert_int_ge(find(w, (size_t)at, answers, sizeof answers), 0);
    ck_assert(!sq_conn_is_broken(c));
    sq_buf_fini(&f.got);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* filetoblob: open (mode 0) answered with the size; two read requests
 * answered with `6A i32 total` + chunks of at most bufsize + EOT; the new
 * locator comes back from the row. */
START_TEST(filetoblob_answers_and_locator)
{
    uint8_t loc[72];
    for (size_t i = 0; i < sizeof loc; i++)
        loc[i] = (uint8_t)(0x80 + i);
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, 4, SQ_T_UDTFIXED, SQ_XID_BLOB, 72);
    s_open(&s, "ifxodbc_lo", SQ_FILE_MODE_READ);
    sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_READREQ), sq_wr_u16(&s, 4), sq_wr_i32(&s, 10);
    s_eot(&s);
    sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_READREQ), sq_wr_u16(&s, 4), sq_wr_i32(&s, 10);
    s_eot(&s);
    sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_CLOSE), s_eot(&s);
    s_row_done(&s, loc, 72);
    s_eot(&s); /* CLOSE */
    s_eot(&s); /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct memfile f;
    memset(&f, 0, sizeof f);
    f.src = (const uint8_t *)"hello world!!";
    f.src_n = 13;
    struct sq_file_ops ops = {&f, mf_open, mf_read, mf_write, mf_close};
    uint8_t out[72];
    ck_assert_int_eq(sq_lo_create(c, false, &ops, out), SQ_RC_OK);
    ck_assert(memcmp(out, loc, 72) == 0);
    ck_assert_int_eq(f.opens, 1);
    ck_assert_int_eq(f.closes, 1);
    ck_assert_int_eq(f.mode, SQ_FILE_MODE_READ);
    const struct sq_buf *w = sq_mem_written(tr);
    static const char sql[] = "SELECT filetoblob('ifxodbc_lo!', 'client') FROM systables WHERE "
                              "tabid = 1";
    long at = find(w, 0, (const uint8_t *)sql, sizeof sql - 1);
    ck_assert_int_ge(at, 0);
    size_t n;
    uint8_t *want;
    ck_hex("00 6A 00 00 00 0D 00 0C"                                  /* open: 13 */
           "00 6A 00 00 00 0A 00 6A 00 04 68 65 6C 6C 00 6A 00 04 6F 20 77 6F"
           "00 6A 00 02 72 6C 00 0C"                                  /* read 1: 10 */
           "00 6A 00 00 00 03 00 6A 00 03 64 21 21 00 00 0C"          /* read 2: 3 */
           "00 0C",                                                   /* close */
           &want, &n);
    ck_assert_int_ge(find(w, (size_t)at, want, n), 0);
    free(want);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* No handler: the open is refused with -1 (and the server's error ends the
 * statement); the connection stays usable. */
START_TEST(open_refused_without_handler)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, 5, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
    s_open(&s, "/etc/passwd", SQ_FILE_MODE_WRITE);
    sq_wr_u16(&s, SQ_ERR), sq_wr_i16(&s, -9810), sq_wr_i16(&s, 0), sq_wr_u32(&s, 0);
    (void)sq_wr_str16(&s, "", 0), s_eot(&s);
    s_eot(&s); /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT lotofile(b, '/etc/passwd!', 'client') FROM t",
                                     51, &st),
                     SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -9810);
    static const uint8_t refused[] = {0x00, 0x6A, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x0C};
    ck_assert_int_ge(find(sq_mem_written(tr), 0, refused, sizeof refused), 0);
    ck_assert(!sq_conn_is_broken(c));
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* A failed write is told to the server (-1) after the blocks are read. */
START_TEST(failed_write_answers_minus_one)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, 3, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
    s_write_req(&s, (const char *const[]){"abc"}, 1);
    sq_wr_u16(&s, SQ_ERR), sq_wr_i16(&s, -9810), sq_wr_i16(&s, 0), sq_wr_u32(&s, 0);
    (void)sq_wr_str16(&s, "", 0), s_eot(&s);
    s_eot(&s); /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct memfile f;
    memset(&f, 0, sizeof f);
    sq_buf_init(&f.got);
    f.fail_write = true;
    struct sq_file_ops ops = {&f, mf_open, mf_read, mf_write, mf_close};
    uint8_t loc[72] = {0};
    ck_assert_int_eq(sq_lo_fetch(c, true, loc, &ops), SQ_RC_SERVER);
    static const uint8_t failed[] = {0x00, 0x6A, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x0C};
    ck_assert_int_ge(find(sq_mem_written(tr), 0, failed, sizeof failed), 0);
    static const char sql[] = "lotofile(?::CLOB,";
    ck_assert_int_ge(find(sq_mem_written(tr), 0, (const uint8_t *)sql, sizeof sql - 1), 0);
    ck_assert_int_eq(f.closes, 1); /* the client closes what the server left open */
    ck_assert(!sq_conn_is_broken(c));
    sq_buf_fini(&f.got);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* SQ_FILE_WRITE outside a write request, and a source shorter than the size
 * it announced, break the connection with a clear message. */
START_TEST(protocol_errors_break_the_connection)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_prepared(&s, 3, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
    sq_wr_u16(&s, SQ_FILE_WRITE), (void)sq_wr_str16(&s, "abc", 3), s_eot(&s);
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct memfile f;
    memset(&f, 0, sizeof f);
    struct sq_file_ops ops = {&f, mf_open, mf_read, mf_write, mf_close};
    uint8_t loc[72] = {0};
    ck_assert_int_eq(sq_lo_fetch(c, false, loc, &ops), SQ_RC_PROTOCOL);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "SQ_FILE_WRITE"));
    sq_conn_free(c);
    sq_buf_fini(&s);

    sq_buf_init(&s);
    s_prepared(&s, 4, SQ_T_UDTFIXED, SQ_XID_BLOB, 72);
    s_open(&s, "ifxodbc_lo", SQ_FILE_MODE_READ);
    sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_READREQ), sq_wr_u16(&s, 4), sq_wr_i32(&s, 10);
    s_eot(&s);
    c = attached(&s, &tr);
    memset(&f, 0, sizeof f);
    f.src = (const uint8_t *)"hello world!!";
    f.src_n = 13;
    f.short_after = 6; /* announced 13, gives 6 */
    uint8_t out[72];
    ck_assert_int_eq(sq_lo_create(c, false, &ops, out), SQ_RC_IO);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "after 6 of its bytes"));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* The lotofile statement is prepared once per connection: the second value
 * costs OPEN + exchange + CLOSE only; a cached statement the server rejects
 * before any file request (-404 after a DATABASE, say) is prepared again. */
START_TEST(statement_kept_and_prepared_again_once)
{
    struct sq_buf s = SQ_BUF_INIT;
    for (int v = 0; v < 3; v++) {
        if (v == 0)
            s_prepared(&s, 3, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
        if (v == 2) {
            /* the cached statement is gone on the server: OPEN fails */
            sq_wr_u16(&s, SQ_ERR), sq_wr_i16(&s, -404), sq_wr_i16(&s, 0), sq_wr_u32(&s, 0);
            (void)sq_wr_str16(&s, "", 0), s_eot(&s);
            s_eot(&s); /* RELEASE of the dropped one */
            s_prepared(&s, 4, SQ_T_UDTVAR, SQ_XID_LVARCHAR, 100);
        }
        s_write_req(&s, (const char *const[]){"ab"}, 1);
        sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_CLOSE), s_eot(&s);
        s_row_done(&s, "ifxodbc_lo", 10);
        s_eot(&s); /* CLOSE */
    }
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct memfile f;
    memset(&f, 0, sizeof f);
    sq_buf_init(&f.got);
    struct sq_file_ops ops = {&f, mf_open, mf_read, mf_write, mf_close};
    uint8_t loc[72] = {1};
    for (int v = 0; v < 3; v++) {
        size_t before = f.got.len;
        ck_assert_int_eq(sq_lo_fetch(c, false, loc, &ops), SQ_RC_OK);
        ck_assert_uint_eq(f.got.len - before, 2);
    }
    const struct sq_buf *w = sq_mem_written(tr);
    static const char sql[] = "SELECT lotofile(?::BLOB,";
    long at = find(w, 0, (const uint8_t *)sql, sizeof sql - 1);
    ck_assert_int_ge(at, 0);
    at = find(w, (size_t)at + 1, (const uint8_t *)sql, sizeof sql - 1);
    ck_assert_int_ge(at, 0); /* prepared again for the third value */
    ck_assert_int_lt(find(w, (size_t)at + 1, (const uint8_t *)sql, sizeof sql - 1), 0);
    ck_assert_int_eq(f.opens, 3);
    ck_assert(!sq_conn_is_broken(c));
    sq_buf_fini(&f.got);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sq_file");
    TCase *t = tcase_create("file");
    tcase_add_test(t, file_messages_decode_at_every_cut);
    tcase_add_test(t, locator_parameter_block);
    tcase_add_test(t, lotofile_answers_and_data);
    tcase_add_test(t, filetoblob_answers_and_locator);
    tcase_add_test(t, open_refused_without_handler);
    tcase_add_test(t, failed_write_answers_minus_one);
    tcase_add_test(t, protocol_errors_break_the_connection);
    tcase_add_test(t, statement_kept_and_prepared_again_once);
    suite_add_tcase(s, t);
    return ck_run(s);
}
