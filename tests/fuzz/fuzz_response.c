/* SPDX-License-Identifier: MIT */
/* fuzz_response.c - fuzz target over the core's response decoders: a server
 * message stream (sq_decode_msg, DESCRIBE -> sq_describe_apply, TUPLE -> row
 * split -> sq_value_width / sq_value_decode / sq_value_format), single
 * values of any column type, and a smart-LOB conversation (the input is what
 * the server says while sq_lo_fetch / sq_lo_create run: SQ_FILE requests are
 * answered through a file handler, sq_file.c). libFuzzer entry point when built with clang
 * -fsanitize=fuzzer; with FUZZ_STANDALONE a bounded random-mutation driver
 * for ctest (argv[1] = iterations, argv[2] = seconds cap). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sq_alloc.h"
#include "sq_file.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_rd.h"
#include "sq_result.h"
#include "sq_transport.h"
#include "sq_types.h"
#include "sq_value.h"
#include "sq_wr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use_value(const struct sq_coldesc *col, const uint8_t *p, size_t n)
{
    struct sq_value v;
    if (sq_value_decode(col, p, n, &v) != SQ_RC_OK)
        return;
    char buf[128];
    (void)sq_value_format(col, &v, buf, sizeof buf);
}

/* Mode B: one column type from the input, then values back to back. */
static void fuzz_values(const uint8_t *d, size_t n)
{
    if (n < 6)
        return;
    struct sq_coldesc col;
    memset(&col, 0, sizeof col);
    col.name = "c";
    col.xname = "";
    col.type = (uint16_t)(d[0] << 8 | d[1]);
    col.enc_len = (uint32_t)d[2] << 24 | (uint32_t)d[3] << 16 | (uint32_t)d[4] << 8 | d[5];
    col.kind = sq_kind_resolve(col.type, 0, "");
    col.nullable = true;
    sq_coldesc_resolve(&col);
    size_t off = 6;
    while (off < n) {
        size_t w = 0;
        if (sq_value_width(&col, d + off, n - off, &w) != SQ_RC_OK || w == 0 || w > n - off)
            return;
        use_value(&col, d + off, w);
        off += w;
    }
}

/* Mode A: a reply stream as the connection would read it. */
static void fuzz_stream(uint8_t flags, const uint8_t *d, size_t n)
{
    struct sq_caps caps;
    memset(&caps, 0, sizeof caps);
    caps.ext_describe = flags & 1;
    caps.big_sql = (flags >> 1) & 1;
    caps.long_rowid = (flags >> 2) & 1;
    struct sq_stmt st;
    memset(&st, 0, sizeof st);
    struct sq_rd rd;
    sq_rd_init(&rd, d, n);
    for (int guard = 0; guard < 4096; guard++) {
        struct sq_msg m;
        size_t before = rd.pos;
        if (sq_decode_msg(&caps, &rd, &m) != SQ_RC_OK || rd.pos <= before)
            break;
        if (m.op == SQ_DESCRIBE) {
            if (sq_describe_apply(&caps, &m.u.describe, &st) != SQ_RC_OK)
                break;
            sq_result_reset(&st);
        } else if (m.op == SQ_TUPLE && st.ncols > 0) {
            if (sq_result_add_tuple(&st, m.u.tuple.warnings, m.u.tuple.p, m.u.tuple.n, 0) !=
                SQ_RC_OK)
                break;
            const struct sq_row *row = NULL;
            if (sq_result_row(&st, st.nents - 1, &row) != SQ_RC_OK || !row)
                continue;
            for (size_t i = 0; i < st.ncols; i++)
                use_value(&st.cols[i], row->data + row->spans[i].off, row->spans[i].len);
        } else if (m.op == SQ_EOT) {
            sq_result_reset(&st);
        }
    }
    sq_result_fini(&st);
    sq_free(st.cols);
    sq_free(st.names);
    sq_free(st.spans);
    sq_free(st.fixw);
}

/* Mode C: the server's side of a smart-LOB call. */
struct ffile {
    size_t wrote, left;
};

static enum sq_rc ff_open(void *ctx, const char *name, size_t n, int32_t mode, uint64_t *size)
{
    (void)name;
    (void)n;
    struct ffile *f = ctx;
    f->left = 5000;
    *size = mode == SQ_FILE_MODE_READ ? f->left : 0;
    return SQ_RC_OK;
}

static enum sq_rc ff_read(void *ctx, uint8_t *buf, size_t max, size_t *got)
{
    struct ffile *f = ctx;
    size_t k = f->left < max ? f->left : max;
    memset(buf, 'x', k);
    f->left -= k;
    *got = k;
    return SQ_RC_OK;
}

static enum sq_rc ff_write(void *ctx, const uint8_t *p, size_t n)
{
    (void)p;
    ((struct ffile *)ctx)->wrote += n;
    return SQ_RC_OK;
}

static void ff_close(void *ctx)
{
    (void)ctx;
}

static void fuzz_lofile(uint8_t flags, const uint8_t *d, size_t n)
{
    struct sq_caps caps;
    memset(&caps, 0, sizeof caps);
    caps.ext_describe = true;
    caps.big_sql = true;
    caps.long_rowid = true;
    struct sq_transport *tr = sq_mem_new(d, n, 1 + (flags & 7));
    struct sq_conn *c = sq_conn_new();
    if (!tr || !c) {
        if (tr)
            tr->ops->close(tr);
        sq_conn_free(c);
        return;
    }
    sq_conn_attach(c, tr, &caps);
    struct ffile f = {0, 0};
    struct sq_file_ops ops = {&f, ff_open, ff_read, ff_write, ff_close};
    uint8_t loc[72] = {0};
    for (int k = 0; k < 2 && !sq_conn_is_broken(c); k++) {
        if (flags & 8)
            (void)sq_lo_create(c, flags & 16, &ops, loc);
        else
            (void)sq_lo_fetch(c, flags & 16, loc, &ops);
    }
    sq_conn_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (data[0] & 0x80)
        fuzz_values(data + 1, size - 1);
    else if (data[0] & 0x40)
        fuzz_lofile(data[0], data + 1, size - 1);
    else
        fuzz_stream(data[0], data + 1, size - 1);
    return 0;
}

#ifdef FUZZ_STANDALONE
/* ---- bounded random-mutation driver (no libFuzzer: gcc builds, ctest) ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

/* Seeds: value headers for common types and small reply streams. */
static size_t make_seed(uint8_t *b, size_t cap, unsigned k)
{
    static const uint8_t streams[][24] = {
        {0x00, 0x00, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
         0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0C}, /* DONE + EOT */
        {0x01, 0x00, 0x0D, 0xFF, 0x38, 0xFF, 0x91, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x74,
         0x00, 0x00, 0x0C}, /* ERR -200 + EOT */
        {0x03, 0x00, 0x7E, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04, 0x00, 0x0C}, /* PROTOCOLS */
    };
    static const uint16_t types[] = {SQ_T_CHAR, SQ_T_INTEGER, SQ_T_DECIMAL, SQ_T_DATETIME,
                                     SQ_T_VARCHAR, 1, 3, 4, 6, 7, 8, 14, 17, 40, 41, 43, 52};
    if (k % 8 == 2) {
        /* a smart-LOB conversation (as test_sq_file builds it): DESCRIBE of
         * one LVARCHAR column, then open (write), a write with one block,
         * close, the row, DONE, EOT; or, for filetoblob, open (read) and two
         * read requests */
        struct sq_buf s = SQ_BUF_INIT;
        bool make = rnd() & 1;
        sq_wr_u8(&s, (uint8_t)(0x40 | (make ? 8 : 0) | (rnd() & 0x17)));
        sq_wr_u16(&s, SQ_DESCRIBE), sq_wr_u16(&s, 2), sq_wr_u16(&s, 3), sq_wr_u32(&s, 0);
        sq_wr_u16(&s, make ? 77 : 105), sq_wr_u16(&s, 1), sq_wr_u32(&s, 2);
        sq_wr_u32(&s, 0), sq_wr_u32(&s, 0), sq_wr_u16(&s, make ? SQ_T_UDTFIXED : SQ_T_UDTVAR);
        sq_wr_u32(&s, make ? SQ_XID_BLOB : SQ_XID_LVARCHAR);
        sq_wr_u16(&s, 0), sq_wr_u16(&s, 0), sq_wr_u16(&s, 0), sq_wr_u16(&s, 0);
        sq_wr_u32(&s, 0), sq_wr_u32(&s, make ? 72 : 100);
        sq_wr_bytes(&s, "x", 2);
        sq_wr_u16(&s, SQ_EOT);
        sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_OPEN), (void)sq_wr_str16(&s, "lo", 2);
        sq_wr_i32(&s, make ? SQ_FILE_MODE_READ : SQ_FILE_MODE_WRITE), sq_wr_i32(&s, 0);
        sq_wr_i32(&s, 0), sq_wr_u16(&s, SQ_EOT);
        if (make) {
            for (int r = 0; r < 2; r++) {
                sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_READREQ), sq_wr_u16(&s, 1000);
                sq_wr_i32(&s, 4000), sq_wr_u16(&s, SQ_EOT);
            }
        } else {
            sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_WRITEREQ);
            sq_wr_u16(&s, SQ_FILE_WRITE), (void)sq_wr_str16(&s, "abc", 3);
            sq_wr_u16(&s, SQ_EOT);
        }
        sq_wr_u16(&s, SQ_FILE), sq_wr_u16(&s, SQ_FILE_CLOSE), sq_wr_u16(&s, SQ_EOT);
        uint32_t vlen = make ? 72 : 2;
        sq_wr_u16(&s, SQ_TUPLE), sq_wr_u16(&s, 0), sq_wr_u32(&s, vlen + 5);
        sq_wr_u8(&s, 0), sq_wr_u32(&s, vlen);
        for (uint32_t i = 0; i < vlen; i++)
            sq_wr_u8(&s, (uint8_t)i);
        if ((vlen + 5) & 1u)
            sq_wr_u8(&s, 0);
        sq_wr_u16(&s, SQ_DONE), sq_wr_u16(&s, 0), sq_wr_i64(&s, 1), sq_wr_i64(&s, 0);
        sq_wr_i32(&s, 0), sq_wr_u16(&s, SQ_EOT);
        sq_wr_u16(&s, SQ_EOT); /* CLOSE */
        size_t n = s.len < cap ? s.len : cap;
        memcpy(b, s.data, n);
        sq_buf_fini(&s);
        return n;
    }
    if (k % 2 == 0) {
        const uint8_t *s = streams[(k / 2) % 3];
        size_t n = sizeof streams[0];
        memcpy(b, s, n < cap ? n : cap);
        return n;
    }
    uint16_t t = types[(k / 2) % (sizeof types / sizeof types[0])];
    size_t n = 7 + rnd() % 40;
    if (n > cap)
        n = cap;
    b[0] = 0x80;
    b[1] = (uint8_t)(t >> 8);
    b[2] = (uint8_t)t;
    b[3] = 0;
    b[4] = 0;
    b[5] = (uint8_t)(rnd() % 2);
    b[6] = (uint8_t)(rnd() % 64);
    for (size_t i = 7; i < n; i++)
        b[i] = (uint8_t)rnd();
    return n;
}

static size_t mutate(uint8_t *b, size_t n, size_t cap)
{
    unsigned ops = 1 + rnd() % 4;
    for (unsigned o = 0; o < ops; o++) {
        switch (rnd() % 5) {
        case 0: /* flip a byte */
            if (n)
                b[rnd() % n] ^= (uint8_t)(1u << (rnd() % 8));
            break;
        case 1: /* random byte */
            if (n)
                b[rnd() % n] = (uint8_t)rnd();
            break;
        case 2: /* truncate */
            if (n)
                n = rnd() % n + 1;
            break;
        case 3: /* append an opcode-looking pair */
            if (n + 2 <= cap) {
                static const uint8_t ops_[] = {SQ_DESCRIBE, SQ_TUPLE, SQ_DONE, SQ_ERR, SQ_EOT,
                                               SQ_COST, SQ_INSERTDONE, SQ_XACTSTAT, SQ_TUPID,
                                               SQ_PROTOCOLS, SQ_ID, SQ_FILE, SQ_FILE_WRITE};
                b[n++] = 0;
                b[n++] = ops_[rnd() % sizeof ops_];
            }
            break;
        default: /* interesting lengths */
            if (n >= 2) {
                static const uint8_t v[] = {0x00, 0x01, 0x7F, 0x80, 0xFF};
                size_t at = rnd() % (n - 1);
                b[at] = v[rnd() % 5];
                b[at + 1] = v[rnd() % 5];
            }
            break;
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    long iters = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    long secs = argc > 2 ? strtol(argv[2], NULL, 10) : 20;
    time_t end = time(NULL) + secs;
    uint8_t buf[4096];
    long done = 0;
    for (; done < iters && time(NULL) < end; done++) {
        size_t n = make_seed(buf, sizeof buf, (unsigned)done);
        for (int r = 0; r < 8; r++) {
            n = mutate(buf, n, sizeof buf);
            (void)LLVMFuzzerTestOneInput(buf, n);
            /* every prefix of small inputs: truncation must stay clean */
            if (n <= 48)
                for (size_t k = 0; k < n; k++)
                    (void)LLVMFuzzerTestOneInput(buf, k);
        }
    }
    printf("fuzz_response: %ld rounds (x8 mutations) without a fault\n", done);
    return 0;
}
#endif
