/* SPDX-License-Identifier: MIT */
/* bench_decode.c - decoder throughput of the client core: a recorded reply
 * stream (DESCRIBE + NFETCH replies full of TUPLEs for INTEGER, BIGINT,
 * DECIMAL(12,2), VARCHAR(20), DATETIME YEAR TO SECOND) replayed through the
 * memory transport, the real reply decoder, the row arena, column splitting
 * and sq_value_decode of every cell. Prints ns/row and rows/s.
 * Usage: bench_decode [rows [both|frame|decode [passes]]]; "decode" runs only
 * the full pass (every cell decoded), handy under callgrind with a smaller row
 * count; passes (default 1) repeats each pass over the same stream and prints
 * the median, which also lets a profiler see mostly the timed part. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "sq_wr.h"

#define FETCH_BUF SQ_DEFAULT_FETCH_BUF

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

struct bcol {
    const char *name;
    uint16_t type;
    uint32_t enc_len;
};

static const struct bcol cols[] = {
    {"i", SQ_T_INTEGER, 4},
    {"b", SQ_T_BIGINT, 8},
    {"d", SQ_T_DECIMAL, (12u << 8) | 2u},
    {"v", SQ_T_VARCHAR, 20},
    {"t", SQ_T_DATETIME, SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND)},
};
#define NCOLS (sizeof cols / sizeof cols[0])

/* The extended DESCRIBE a server sends (doc §7.3), + DONE + COST + EOT. */
static void put_describe(struct sq_buf *b)
{
    size_t strtab = 0;
    for (size_t i = 0; i < NCOLS; i++)
        strtab += strlen(cols[i].name) + 1;
    sq_wr_u16(b, SQ_DESCRIBE);
    sq_wr_u16(b, SQ_STMT_SELECT);
    sq_wr_u16(b, 0);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, 38);
    sq_wr_u16(b, (uint16_t)NCOLS);
    sq_wr_u32(b, (uint32_t)strtab);
    uint32_t off = 0;
    for (size_t i = 0; i < NCOLS; i++) {
        sq_wr_u32(b, off);
        sq_wr_u32(b, 0);
        sq_wr_u16(b, cols[i].type);
        sq_wr_u32(b, 0);
        sq_wr_zeros(b, 8); /* empty owner, empty xname, reference, alignment */
        sq_wr_u32(b, 0);
        sq_wr_u32(b, cols[i].enc_len);
        off += (uint32_t)strlen(cols[i].name) + 1;
    }
    for (size_t i = 0; i < NCOLS; i++)
        sq_wr_bytes(b, cols[i].name, strlen(cols[i].name) + 1);
    sq_wr_pad(b, strtab);
}

static void put_done(struct sq_buf *b, int64_t rows)
{
    sq_wr_u16(b, SQ_DONE);
    sq_wr_u16(b, 0);
    sq_wr_i64(b, rows);
    sq_wr_i64(b, 0);
    sq_wr_i32(b, 0);
    sq_wr_u16(b, SQ_COST);
    sq_wr_i32(b, 0);
    sq_wr_i32(b, 0);
}

static int build_stream(struct sq_buf *s, long nrows)
{
    struct sq_decimal dec;
    struct sq_dt dt;
    uint8_t decb[7], dtb[8];
    uint16_t dq = SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND);
    if (sq_dec_from_text("12345.67", 8, &dec) != SQ_RC_OK ||
        sq_dec_to_wire(&dec, decb, sizeof decb) != SQ_RC_OK ||
        sq_dt_from_text(dq, false, "2026-06-20 12:34:56", 19, &dt) != SQ_RC_OK ||
        sq_dt_width(dq) != sizeof dtb || sq_dt_to_wire(&dt, false, dtb, sizeof dtb) != SQ_RC_OK)
        return -1;
    put_describe(s);
    put_done(s, 0);
    sq_wr_u16(s, SQ_EOT);
    size_t in_batch = 0;
    for (long r = 0; r < nrows; r++) {
        char name[16];
        int n = snprintf(name, sizeof name, "name%06ld", r % 1000000);
        uint32_t size = (uint32_t)(4 + 8 + 7 + 1 + n + 8);
        if (in_batch && (in_batch + 1) * size > FETCH_BUF) {
            sq_wr_u16(s, SQ_EOT); /* buffer full, more rows remain */
            in_batch = 0;
        }
        sq_wr_u16(s, SQ_TUPLE);
        sq_wr_u16(s, 0);
        sq_wr_u32(s, size);
        sq_wr_i32(s, (int32_t)r);
        sq_wr_i64(s, (int64_t)r * 1000003);
        sq_wr_bytes(s, decb, sizeof decb);
        sq_wr_u8(s, (uint8_t)n);
        sq_wr_bytes(s, name, (size_t)n);
        sq_wr_bytes(s, dtb, sizeof dtb);
        sq_wr_pad(s, size);
        in_batch++;
    }
    put_done(s, nrows);
    sq_wr_u16(s, SQ_EOT);
    sq_wr_u16(s, SQ_EOT); /* CLOSE */
    sq_wr_u16(s, SQ_EOT); /* RELEASE */
    return sq_buf_ok(s) ? 0 : -1;
}

/* One pass over the stream: prepare, open, fetch every row; with
 * decode_values every cell also goes through sq_value_decode. ns/row or < 0. */
static double run(const struct sq_buf *s, long nrows, bool decode_values, unsigned long long *rt)
{
    struct sq_transport *tr = sq_mem_new_borrowed(s->data, s->len, 0);
    struct sq_conn *c = sq_conn_new();
    if (!tr || !c)
        return -1;
    struct sq_caps caps = {.ext_describe = true, .big_sql = true, .long_rowid = true};
    sq_conn_attach(c, tr, &caps);

    double t0 = now_ns();
    struct sq_stmt *st = NULL;
    enum sq_rc rc = sq_stmt_prepare(c, "SELECT i, b, d, v, t FROM bench", 31, &st);
    if (rc == SQ_RC_OK)
        rc = sq_stmt_open(st, NULL, 0, 0);
    long got = 0;
    int64_t check = 0;
    while (rc == SQ_RC_OK) {
        const struct sq_row *row;
        rc = sq_stmt_fetch(st, &row);
        if (rc != SQ_RC_OK)
            break;
        for (size_t i = 0; decode_values && i < NCOLS; i++) {
            struct sq_value v;
            if (sq_row_value(row, i, &v) != SQ_RC_OK) {
                rc = SQ_RC_PROTOCOL;
                break;
            }
            if (i == 0)
                check += v.u.i;
        }
        got++;
    }
    double t1 = now_ns();
    if (rc != SQ_RC_NO_DATA || got != nrows ||
        (decode_values && check != (int64_t)nrows * (nrows - 1) / 2)) {
        fprintf(stderr, "bench_decode: stopped with %s after %ld rows: %s\n", sq_rc_name(rc), got,
                sq_conn_errmsg(c));
        return -1;
    }
    *rt = (unsigned long long)sq_conn_fetch_round_trips(c);
    sq_stmt_free(st);
    sq_conn_free(c);
    return (t1 - t0) / (double)nrows;
}

#define MAX_PASSES 99

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* run() `passes` times; the median ns/row, or < 0 if any pass failed. */
static double median_run(const struct sq_buf *s, long nrows, bool decode_values, long passes,
                         unsigned long long *rt)
{
    double t[MAX_PASSES];
    for (long i = 0; i < passes; i++) {
        t[i] = run(s, nrows, decode_values, rt);
        if (t[i] < 0)
            return -1;
    }
    qsort(t, (size_t)passes, sizeof t[0], cmp_double);
    return passes % 2 ? t[passes / 2] : (t[passes / 2 - 1] + t[passes / 2]) / 2;
}

int main(int argc, char **argv)
{
    long nrows = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
    const char *mode = argc > 2 ? argv[2] : "both";
    long passes = argc > 3 ? strtol(argv[3], NULL, 10) : 1;
    bool do_frame = strcmp(mode, "both") == 0 || strcmp(mode, "frame") == 0;
    bool do_full = strcmp(mode, "both") == 0 || strcmp(mode, "decode") == 0;
    if (nrows <= 0 || nrows > 50000000 || argc > 4 || (!do_frame && !do_full) || passes < 1 ||
        passes > MAX_PASSES) {
        fprintf(stderr, "usage: bench_decode [rows [both|frame|decode [passes (1..%d)]]]\n",
                MAX_PASSES);
        return 2;
    }
    struct sq_buf s = SQ_BUF_INIT;
    if (build_stream(&s, nrows) != 0) {
        fprintf(stderr, "bench_decode: cannot build the stream\n");
        return 1;
    }
    unsigned long long rt = 0;
    double frame = do_frame ? median_run(&s, nrows, false, passes, &rt) : 0.0;
    double full = do_full ? median_run(&s, nrows, true, passes, &rt) : 0.0;
    if (frame < 0 || full < 0)
        return 1;
    printf("bench_decode: %ld rows of (INTEGER, BIGINT, DECIMAL(12,2), VARCHAR(20), DATETIME "
           "YEAR TO SECOND), %llu fetch replies, %zu bytes, median of %ld pass%s\n",
           nrows, rt, s.len, passes, passes == 1 ? "" : "es");
    if (do_frame)
        printf("  framing + row arena + column split: %6.1f ns/row (%.0f rows/s)\n", frame,
               1e9 / frame);
    if (do_full)
        printf("  ... + sq_value_decode of every cell: %6.1f ns/row (%.0f rows/s)\n", full,
               1e9 / full);
    sq_buf_fini(&s);
    return 0;
}
