/* SPDX-License-Identifier: MIT */
/* test_sq_pipeline.c - pipelined execution (sq_stmt_execute_pipe/_many) and
 * the NFETCH prefetch against a scripted strict request/response server: a
 * test transport that hands out reply group k only after request group k was
 * written (so reading ahead of writing fails the test instead of hanging) and
 * logs the order of writes and reads. Pins the exact bytes sent, the window
 * shape, per-set errors, a broken link mid-window, close while a prefetch is
 * outstanding, and another statement's request draining it (rows kept). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_script_msgs.h"
#include "sq_types.h"
#include "sq_wr.h"

static const struct sq_caps caps_all = {.ext_describe = true, .big_sql = true, .long_rowid = true};

/* ---- the gated transport ---- */

#define MAX_REPLIES 64

struct gate {
    struct sq_transport base;
    struct sq_buf written;
    size_t scan;          /* request bytes parsed so far */
    size_t groups_in;     /* complete request groups written */
    const uint8_t *rep[MAX_REPLIES];
    size_t rep_len[MAX_REPLIES];
    size_t nrep, cur, off; /* reply being read and offset in it */
    bool eof_after;        /* after the scripted replies: the peer closes */
    char log[512];
};

/* Count complete request groups in the written stream (the messages these
 * tests send: ID, BIND of INTEGERs, EXECUTE, PREPARE, NDESCRIBE, WANTDONE,
 * CURNAME, OPEN, NFETCH, CLOSE, RELEASE, EOT). */
static void gate_scan(struct gate *g)
{
    const uint8_t *p = g->written.data;
    size_t n = g->written.len, i = g->scan;
    for (;;) {
        if (n - i < 2)
            break;
        unsigned op = (unsigned)p[i] << 8 | p[i + 1];
        size_t need = 2;
        if (op == SQ_ID) {
            need = 4;
        } else if (op == SQ_BIND) {
            if (n - i < 4)
                break;
            unsigned cnt = (unsigned)p[i + 2] << 8 | p[i + 3];
            need = 4 + (size_t)cnt * 10; /* INTEGER blocks: type ind prec i32 */
        } else if (op == SQ_PREPARE) {
            if (n - i < 8)
                break;
            size_t len = (size_t)p[i + 4] << 24 | (size_t)p[i + 5] << 16 | (size_t)p[i + 6] << 8 |
                         p[i + 7];
            need = 8 + len + (len & 1);
        } else if (op == SQ_CURNAME) {
            if (n - i < 4)
                break;
            size_t len = (size_t)p[i + 2] << 8 | p[i + 3];
            need = 4 + len + (len & 1);
        } else if (op == SQ_NFETCH) {
            need = 8;
        }
        if (n - i < need)
            break;
        i += need;
        if (op == SQ_EOT)
            g->groups_in++;
    }
    g->scan = i;
}

static void gate_log(struct gate *g, const char *ev)
{
    size_t l = strlen(g->log);
    snprintf(g->log + l, sizeof g->log - l, "%s%s", l ? " " : "", ev);
}

static enum sq_rc gate_read(struct sq_transport *t, void *buf, size_t cap, size_t *got,
                            int64_t deadline, char *err, size_t errcap)
{
    (void)deadline;
    struct gate *g = (struct gate *)t;
    if (g->cur >= g->nrep) {
        snprintf(err, errcap, g->eof_after ? "peer closed" : "script exhausted");
        return SQ_RC_IO;
    }
    if (g->cur >= g->groups_in) {
        snprintf(err, errcap, "client waits for reply %zu before sending its request", g->cur);
        return SQ_RC_IO;
    }
    if (g->off == 0)
        gate_log(g, "R");
    size_t left = g->rep_len[g->cur] - g->off;
    size_t k = left < cap ? left : cap;
    memcpy(buf, g->rep[g->cur] + g->off, k);
    g->off += k;
    if (g->off == g->rep_len[g->cur]) {
        g->cur++;
        g->off = 0;
    }
    *got = k;
    return SQ_RC_OK;
}

static enum sq_rc gate_write(struct sq_transport *t, const void *buf, size_t len,
                             int64_t deadline, char *err, size_t errcap)
{
    (void)deadline, (void)err, (void)errcap;
    struct gate *g = (struct gate *)t;
    size_t before = g->groups_in;
    sq_buf_append(&g->written, buf, len);
    gate_scan(g);
    char ev[32];
    snprintf(ev, sizeof ev, "W%zu", g->groups_in - before);
    gate_log(g, ev);
    return SQ_RC_OK;
}

static void gate_interrupt(struct sq_transport *t)
{
    (void)t;
}

static void gate_close(struct sq_transport *t)
{
    (void)t; /* owned by the test */
}

static const struct sq_transport_ops gate_ops = {gate_read, gate_write, gate_interrupt,
                                                 gate_close};

/* Replies: one sq_buf per reply group. */
struct script {
    struct sq_buf g[MAX_REPLIES];
    size_t n;
};

static struct sq_buf *next_group(struct script *s)
{
    ck_assert(s->n < MAX_REPLIES);
    sq_buf_init(&s->g[s->n]);
    return &s->g[s->n++];
}

static void script_fini(struct script *s)
{
    for (size_t i = 0; i < s->n; i++)
        sq_buf_fini(&s->g[i]);
}

static struct sq_conn *gate_conn(struct gate *g, const struct script *s)
{
    memset(g, 0, sizeof *g);
    g->base.ops = &gate_ops;
    sq_buf_init(&g->written);
    for (size_t i = 0; i < s->n; i++) {
        g->rep[i] = s->g[i].data;
        g->rep_len[i] = s->g[i].len;
    }
    g->nrep = s->n;
    struct sq_conn *c = sq_conn_new();
    ck_assert_ptr_nonnull(c);
    sq_conn_attach(c, &g->base, &caps_all);
    return c;
}

/* ---- server-side script (writers: sq_script_msgs.h) ---- */

static const struct col iv_cols[] = {{"id", SQ_T_INTEGER, 4}, {"name", SQ_T_VARCHAR, 20}};
static const struct col ins_cols[] = {{"id", SQ_T_INTEGER, 4}};

/* INSERT with one parameter, statement id 7. */
static void s_prepare_insert(struct script *s)
{
    struct sq_buf *b = next_group(s);
    s_describe(b, SQ_STMT_INSERT, 7, ins_cols, 1), s_done(b, 0, 0), s_eot(b);
}

static struct sq_stmt *prep(struct sq_conn *c, const char *sql)
{
    struct sq_stmt *st = NULL;
    enum sq_rc rc = sq_stmt_prepare(c, sql, strlen(sql), &st);
    ck_assert_msg(rc == SQ_RC_OK, "prepare: %s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
    return st;
}

static void set_ints(struct sq_param *p, size_t n)
{
    memset(p, 0, n * sizeof *p);
    for (size_t i = 0; i < n; i++) {
        p[i].type = SQ_T_INTEGER;
        p[i].prec = 0x0A00;
        p[i].u.i = (int32_t)(0x100 + i); /* no 00 0C pattern in the values */
    }
}

/* The group of set i: SQ_ID 7, BIND 1 INTEGER, EXECUTE, EOT (doc §7.9). */
static void want_group(char *out, size_t cap, size_t i)
{
    snprintf(out, cap, "00 04 00 07 00 05 00 01 00 02 00 00 0A 00 00 00 %02X %02X 00 07 00 0C",
             (unsigned)((0x100 + i) >> 8), (unsigned)((0x100 + i) & 0xFF));
}

static void assert_sets_sent(const struct gate *g, size_t from, size_t nsets)
{
    const size_t glen = 22;
    ck_assert_uint_eq(g->written.len - from, nsets * glen);
    for (size_t i = 0; i < nsets; i++) {
        char hex[128];
        want_group(hex, sizeof hex, i);
        ck_assert_hex(g->written.data + from + i * glen, glen, hex);
    }
}

/* Depth 4, 6 sets, set 2 fails (-239): window of 4, read down to 2, write 2,
 * read the rest; the error only fails its own set. */
START_TEST(pipeline_window_shape_bytes_and_per_set_error)
{
    struct script s = {0};
    s_prepare_insert(&s);
    for (int i = 0; i < 6; i++) {
        struct sq_buf *b = next_group(&s);
        if (i == 2) {
            s_err(b, -239, -100, "");
            continue;
        }
        s_done(b, 1, 10 + i), s_eot(b);
    }
    s_eot(next_group(&s)); /* RELEASE */
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "INSERT INTO t VALUES (?)");
    size_t from = g.written.len;
    struct sq_param p[6];
    set_ints(p, 6);
    struct sq_exec_status out[6];
    uint64_t rt = sq_conn_round_trips(c);
    ck_assert_int_eq(sq_stmt_execute_many(st, p, 6, 1, 4, out), SQ_RC_OK);
    assert_sets_sent(&g, from, 6);
    ck_assert_str_eq(g.log, "W1 R W4 R R W2 R R R R");
    ck_assert_uint_eq(sq_conn_round_trips(c) - rt, 6);
    for (int i = 0; i < 6; i++) {
        if (i == 2) {
            ck_assert_int_eq(out[i].rc, SQ_RC_SERVER);
            ck_assert_int_eq(out[i].sqlcode, -239);
            ck_assert_int_eq(out[i].isam, -100);
        } else {
            ck_assert_int_eq(out[i].rc, SQ_RC_OK);
            ck_assert_int_eq(out[i].rows, 1);
            ck_assert_int_eq(out[i].serial, 10 + i);
        }
    }
    ck_assert(!sq_conn_is_broken(c));
    sq_stmt_free(st);
    ck_assert_hex(g.written.data + g.written.len - 8, 8, "00 04 00 07 00 0B 00 0C");
    sq_conn_free(c);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* Depth 1: one round trip per set, the same bytes. */
START_TEST(pipeline_depth_one_is_one_round_trip_per_set)
{
    struct script s = {0};
    s_prepare_insert(&s);
    for (int i = 0; i < 3; i++) {
        struct sq_buf *b = next_group(&s);
        s_done(b, 1, 0), s_eot(b);
    }
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "INSERT INTO t VALUES (?)");
    size_t from = g.written.len;
    struct sq_param p[3];
    set_ints(p, 3);
    struct sq_exec_status out[3];
    ck_assert_int_eq(sq_stmt_execute_many(st, p, 3, 1, 1, out), SQ_RC_OK);
    assert_sets_sent(&g, from, 3);
    ck_assert_str_eq(g.log, "W1 R W1 R W1 R W1 R");
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(out[i].rc, SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_execute_many(st, p, 3, 2, 1, out), SQ_RC_MISUSE);
    sq_conn_free(c); /* the statement becomes a husk */
    sq_stmt_free(st);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* The peer closes after the first reply of a window of 4: set 0 OK, the
 * three in flight and the two never sent fail, the connection is broken. */
START_TEST(pipeline_broken_mid_window_fails_the_rest)
{
    struct script s = {0};
    s_prepare_insert(&s);
    struct sq_buf *b = next_group(&s);
    s_done(b, 1, 0), s_eot(b);
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    g.eof_after = true;
    struct sq_stmt *st = prep(c, "INSERT INTO t VALUES (?)");
    struct sq_param p[6];
    set_ints(p, 6);
    struct sq_exec_status out[6];
    ck_assert_int_eq(sq_stmt_execute_many(st, p, 6, 1, 4, out), SQ_RC_IO);
    ck_assert_int_eq(out[0].rc, SQ_RC_OK);
    for (int i = 1; i < 6; i++)
        ck_assert_int_eq(out[i].rc, SQ_RC_IO);
    ck_assert_str_eq(g.log, "W1 R W4 R");
    ck_assert(sq_conn_is_broken(c));
    ck_assert_int_eq(sq_stmt_execute_many(st, p, 6, 1, 4, out), SQ_RC_BROKEN);
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* Fill callback: set 1 skipped, stop before set 3 (as the ODBC layer does for
 * SQL_PARAM_IGNORE and data at execution). */
struct fctx {
    struct sq_param p[5];
    char done_log[64];
};

static enum sq_rc f_fill(void *vctx, size_t i, const struct sq_param **params)
{
    struct fctx *f = vctx;
    if (i == 1)
        return SQ_RC_NO_DATA;
    if (i == 3)
        return SQ_RC_NEED_MORE;
    *params = &f->p[i];
    return SQ_RC_OK;
}

static void f_done(void *vctx, size_t i, enum sq_rc rc)
{
    struct fctx *f = vctx;
    size_t l = strlen(f->done_log);
    snprintf(f->done_log + l, sizeof f->done_log - l, "%zu:%s ", i, sq_rc_name(rc));
}

START_TEST(pipeline_skip_and_stop_from_the_fill_callback)
{
    struct script s = {0};
    s_prepare_insert(&s);
    for (int i = 0; i < 2; i++) {
        struct sq_buf *b = next_group(&s);
        s_done(b, 1, 0), s_eot(b);
    }
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "INSERT INTO t VALUES (?)");
    size_t from = g.written.len;
    struct fctx f = {0};
    set_ints(f.p, 5);
    size_t next = 99;
    ck_assert_int_eq(sq_stmt_execute_pipe(st, 0, 5, 8, f_fill, f_done, &f, &next),
                     SQ_RC_NEED_MORE);
    ck_assert_uint_eq(next, 3);
    ck_assert_str_eq(f.done_log, "0:OK 2:OK ");
    char g0[128], g2[128];
    want_group(g0, sizeof g0, 0);
    want_group(g2, sizeof g2, 2);
    ck_assert_hex(g.written.data + from, 22, g0);
    ck_assert_hex(g.written.data + from + 22, 22, g2);
    ck_assert_uint_eq(g.written.len, from + 44);
    ck_assert_str_eq(g.log, "W1 R W2 R R");
    sq_conn_free(c);
    sq_stmt_free(st);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* ---- prefetch ---- */

static void s_prepare_select(struct script *s)
{
    struct sq_buf *b = next_group(s);
    s_describe(b, SQ_STMT_SELECT, 3, iv_cols, 2), s_done(b, 0, 0), s_eot(b);
}

static const char *const open_hex = "00 04 00 03 00 03 00 12 5F 69 66 78 63 30 30 30 30 30 30 30 "
                                    "30 30 30 30 30 31 00 06 00 04 00 03 00 09 00 01 00 00 00 00 "
                                    "00 0C";
static const char *const nfetch_hex = "00 04 00 03 00 09 00 01 00 00 00 00 00 0C";

static void expect_row(struct sq_stmt *st, int32_t id)
{
    const struct sq_row *row;
    enum sq_rc rc = sq_stmt_fetch(st, &row);
    ck_assert_msg(rc == SQ_RC_OK, "fetch %d: %s", id, sq_rc_name(rc));
    struct sq_value v;
    ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.i, id);
}

/* OPEN+NFETCH brings 2 rows without DONE: the next NFETCH goes out before
 * open returns; the second batch's rows make the client send a third; close
 * with that one outstanding reads (and drops) its reply, then sends CLOSE. */
START_TEST(prefetch_bytes_and_close_while_outstanding)
{
    struct script s = {0};
    s_prepare_select(&s);
    struct sq_buf *b = next_group(&s);
    s_row_iv(b, 1, "a"), s_row_iv(b, 2, "b"), s_eot(b);
    b = next_group(&s);
    s_row_iv(b, 3, "c"), s_eot(b);
    b = next_group(&s);
    s_row_iv(b, 4, "d"), s_eot(b); /* read by CLOSE, discarded */
    s_eot(next_group(&s));          /* CLOSE */
    s_eot(next_group(&s));          /* RELEASE */
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "SELECT id, name FROM t");
    size_t from = g.written.len;
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    ck_assert_str_eq(g.log, "W1 R W1 R W1");
    expect_row(st, 1);
    expect_row(st, 2);
    ck_assert_str_eq(g.log, "W1 R W1 R W1");
    expect_row(st, 3); /* reads the prefetched reply, sends the next NFETCH */
    ck_assert_str_eq(g.log, "W1 R W1 R W1 R W1");
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert_str_eq(g.log, "W1 R W1 R W1 R W1 R W1 R");
    sq_stmt_free(st);
    char want[1024];
    snprintf(want, sizeof want, "%s %s %s 00 04 00 03 00 0A 00 0C 00 04 00 03 00 0B 00 0C",
             open_hex, nfetch_hex, nfetch_hex);
    ck_assert_hex(g.written.data + from, g.written.len - from, want);
    ck_assert(!sq_conn_is_broken(c));
    ck_assert_uint_eq(sq_conn_fetch_round_trips(c), 3);
    sq_conn_free(c);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* Another statement's request drains the prefetched reply into the cursor's
 * stash: the current row stays valid, the stashed rows and DONE come next,
 * and neither the DONE nor an error leaks into the other statement. */
START_TEST(prefetch_drained_by_another_statement_keeps_rows)
{
    struct script s = {0};
    s_prepare_select(&s);
    struct sq_buf *b = next_group(&s);
    s_row_iv(b, 1, "a"), s_row_iv(b, 2, "b"), s_eot(b);
    b = next_group(&s);
    s_row_iv(b, 3, "c"), s_done(b, 3, 0), s_eot(b); /* drained by the INSERT's PREPARE */
    s_prepare_insert(&s);
    b = next_group(&s);
    s_done(b, 1, 0), s_eot(b); /* the INSERT */
    s_eot(next_group(&s));     /* CLOSE */
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "SELECT id, name FROM t");
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    struct sq_stmt *ins = prep(c, "INSERT INTO t VALUES (?)");
    /* the row view still reads row 1 */
    struct sq_value v;
    ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.i, 1);
    struct sq_param p[1];
    set_ints(p, 1);
    ck_assert_int_eq(sq_stmt_execute(ins, p, 1), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 1);
    expect_row(st, 2);
    expect_row(st, 3);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 3);
    ck_assert_str_eq(g.log, "W1 R W1 R W1 R W1 R W1 R");
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert(!sq_conn_is_broken(c));
    sq_conn_free(c);
    sq_stmt_free(st);
    sq_stmt_free(ins);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* An error in a drained reply is kept for the cursor: the other statement
 * succeeds with a clean error state, the cursor reports -244 afterwards. */
START_TEST(prefetch_error_is_kept_for_its_cursor)
{
    struct script s = {0};
    s_prepare_select(&s);
    struct sq_buf *b = next_group(&s);
    s_row_iv(b, 1, "a"), s_eot(b);
    s_err(next_group(&s), -244, -107, "t");
    b = next_group(&s);
    sq_wr_u16(b, SQ_XACTSTAT), sq_wr_u16(b, 2), sq_wr_u16(b, 0), sq_wr_u16(b, 1);
    s_done(b, 0, 0), s_eot(b); /* COMMIT */
    s_eot(next_group(&s));     /* CLOSE */
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "SELECT id, name FROM t");
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    expect_row(st, 1);
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, 0);
    ck_assert_str_eq(sq_conn_errmsg(c), "");
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -244);
    ck_assert_int_eq(sq_conn_server_error(c)->isam, -107);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert(!sq_conn_is_broken(c));
    sq_conn_free(c);
    sq_stmt_free(st);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

/* A scroll cursor never prefetches; a result that ends in its first batch
 * neither. */
START_TEST(no_prefetch_for_scroll_or_finished_cursor)
{
    struct script s = {0};
    s_prepare_select(&s);
    struct sq_buf *b = next_group(&s);
    s_row_iv(b, 1, "a"), s_done(b, 1, 0), s_eot(b);
    s_eot(next_group(&s)); /* CLOSE */
    s_eot(next_group(&s)); /* scroll OPEN */
    s_eot(next_group(&s)); /* CLOSE */
    struct gate g;
    struct sq_conn *c = gate_conn(&g, &s);
    struct sq_stmt *st = prep(c, "SELECT id, name FROM t");
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    expect_row(st, 1);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, SQ_CURSOR_SCROLL), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert_str_eq(g.log, "W1 R W1 R W1 R W1 R W1 R");
    sq_conn_free(c);
    sq_stmt_free(st);
    sq_buf_fini(&g.written);
    script_fini(&s);
}
END_TEST

static Suite *pipeline_suite(void)
{
    Suite *s = suite_create("sq_pipeline");
    TCase *t = tcase_create("pipeline");
    tcase_add_test(t, pipeline_window_shape_bytes_and_per_set_error);
    tcase_add_test(t, pipeline_depth_one_is_one_round_trip_per_set);
    tcase_add_test(t, pipeline_broken_mid_window_fails_the_rest);
    tcase_add_test(t, pipeline_skip_and_stop_from_the_fill_callback);
    tcase_add_test(t, prefetch_bytes_and_close_while_outstanding);
    tcase_add_test(t, prefetch_drained_by_another_statement_keeps_rows);
    tcase_add_test(t, prefetch_error_is_kept_for_its_cursor);
    tcase_add_test(t, no_prefetch_for_scroll_or_finished_cursor);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(pipeline_suite());
}
