/* SPDX-License-Identifier: MIT */
/* test_sq_conn.c - whole client sessions against a scripted server over the
 * memory transport (driver/sqli/sq_mem.c): login and setup, prepare, open with
 * a chained fetch, fetching over several NFETCH replies, close, release, exit;
 * server errors, garbage opcodes, peer close, V22, scroll cursors, INSERTDONE,
 * transactions, interrupt. The script is written here with sq_wr from the doc,
 * independently of the client's encoders and decoders. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_script_msgs.h"
#include "sq_types.h"
#include "sq_wr.h"

/* ifxlite's default "echo" profile grant: LIB's mask minus PAM and large tuple. */
static const uint8_t echo_mask[9] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x84, 0xAA, 0x97, 0x02};
static const struct sq_caps caps_all = {.ext_describe = true, .big_sql = true, .long_rowid = true};

/* ---- server-side script writers (doc §4.4, §7; shared ones: sq_script_msgs.h) ---- */

static void s_conacc(struct sq_buf *b, uint8_t type, int16_t svc)
{
    size_t start = b->len;
    sq_wr_u16(b, 0);
    sq_wr_u8(b, type);
    sq_wr_u8(b, 60);
    sq_wr_u16(b, 0);
    sq_wr_u16(b, 100);
    sq_wr_u16(b, 101);
    sq_wr_u32(b, 61);
    sq_wr_u16(b, 6);
    sq_wr_fix(b, "IEEEM", 6);
    sq_wr_u16(b, 108);
    sq_wr_fix(b, "sqlexec", 12);
    sq_wr_zstr16(b, "14.10.FC10");
    sq_wr_zstr16(b, "RDS#R000000");
    sq_wr_zstr16(b, "ol_script");
    sq_wr_u32(b, 0x13C);
    sq_wr_u32(b, 0);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, 1);
    sq_wr_u16(b, 0);
    sq_wr_u16(b, 0);
    sq_wr_fix(b, "ol", 8);
    sq_wr_u32(b, 61);
    sq_wr_fix(b, "tlitcp", 8);
    sq_wr_u32(b, 1);
    sq_wr_u16(b, 102);
    sq_wr_zeros(b, 6);
    sq_wr_i16(b, svc);
    sq_wr_i16(b, 0);
    sq_wr_u16(b, 127);
    sq_wr_put_u16_at(b, start, (uint16_t)(b->len - start));
}

static void s_protocols(struct sq_buf *b, const uint8_t *mask, size_t n)
{
    sq_wr_u16(b, SQ_PROTOCOLS);
    sq_wr_u16(b, (uint16_t)n);
    sq_wr_bytes(b, mask, n);
    sq_wr_pad(b, n);
    s_eot(b);
}

static void s_cost(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_COST);
    sq_wr_i32(b, 1);
    sq_wr_i32(b, 1);
}

static const struct col iv_cols[] = {{"id", 0x0102, 4}, {"name", SQ_T_VARCHAR, 20}};

/* Login + setup + database-kind query replies (logged database). */
static void s_login(struct sq_buf *b)
{
    s_conacc(b, 2, 0);
    s_protocols(b, echo_mask, sizeof echo_mask);
    s_eot(b);                  /* SQ_INFO */
    s_done(b, 0, 0), s_eot(b); /* SQ_DBOPEN */
    static const struct col kind[] = {{"is_logging", SQ_T_INTEGER, 4},
                                      {"is_ansi", SQ_T_INTEGER, 4}};
    s_describe(b, SQ_STMT_SELECT, 0, kind, 2), s_done(b, 0, 0), s_cost(b), s_eot(b);
    sq_wr_u16(b, SQ_TUPLE), sq_wr_u16(b, 0), sq_wr_u32(b, 8), sq_wr_i32(b, 1), sq_wr_i32(b, 0);
    s_done(b, 1, 0), s_cost(b), s_eot(b); /* OPEN + NFETCH */
    s_eot(b);                             /* CLOSE */
    s_eot(b);                             /* RELEASE */
}

static struct sq_conn_cfg test_cfg(void)
{
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    cfg.user = "informix";
    cfg.password = "secret";
    cfg.server_name = "ol_script";
    cfg.database = "testdb";
    return cfg;
}

static const struct sq_procinfo test_pi = {.pid = 1, .thread_id = 0, .hostname = "h", .cwd = "/"};

/* The whole session of the brief: login, prepare, open, 3 rows over 2 NFETCH
 * replies, close, release, exit. Run with every read chunk size 0 (all at
 * once) and 1 (one byte per read), so every decoder meets every split. */
START_TEST(full_session_over_memory_transport)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_login(&s);
    size_t login_len = s.len;
    s_describe(&s, SQ_STMT_SELECT, 7, iv_cols, 2), s_done(&s, 0, 0), s_cost(&s), s_eot(&s);
    s_row_iv(&s, 1, "one"), s_row_iv(&s, 2, "two"), s_eot(&s); /* OPEN + NFETCH: more left */
    s_row_iv(&s, 3, ""), s_done(&s, 3, 0), s_cost(&s), s_eot(&s);
    s_eot(&s); /* CLOSE */
    s_eot(&s); /* RELEASE */
    sq_wr_u16(&s, SQ_EXIT);
    ck_assert(sq_buf_ok(&s));
    (void)login_len;

    struct sq_transport *tr = sq_mem_new(s.data, s.len, _i ? 1 : 0);
    struct sq_conn *c = sq_conn_new();
    struct sq_conn_cfg cfg = test_cfg();
    ck_assert_int_eq(sq_conn_connect_over(c, &cfg, tr, &test_pi), SQ_RC_OK);
    ck_assert_str_eq(sq_conn_server_info(c)->version, "14.10.FC10");
    ck_assert_str_eq(sq_conn_server_info(c)->name, "ol_script");
    ck_assert(sq_conn_caps(c)->ext_describe && sq_conn_caps(c)->big_sql &&
              sq_conn_caps(c)->long_rowid && !sq_conn_caps(c)->pam);
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_LOGGED);
    size_t written_login = sq_mem_written(tr)->len;

    struct sq_stmt *st;
    const char *sql = "SELECT id, name FROM t";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    ck_assert_uint_eq(sq_stmt_id(st), 7);
    ck_assert(sq_stmt_returns_rows(st));
    ck_assert_uint_eq(sq_stmt_ncols(st), 2);
    ck_assert_str_eq(sq_stmt_col(st, 1)->name, "name");
    uint64_t fetches = sq_conn_fetch_round_trips(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    ck_assert_str_eq(sq_stmt_cursor_name(st), "_ifxc0000000000002");

    const char *names[] = {"one", "two", ""};
    for (int i = 0; i < 3; i++) {
        const struct sq_row *row;
        ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
        struct sq_value v;
        ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
        ck_assert(!v.is_null);
        ck_assert_int_eq(v.u.i, i + 1);
        ck_assert_int_eq(sq_row_value(row, 1, &v), SQ_RC_OK);
        ck_assert_uint_eq(v.u.s.n, strlen(names[i]));
        ck_assert(memcmp(v.u.s.p, names[i], v.u.s.n) == 0);
        const uint8_t *raw;
        size_t rn;
        ck_assert(sq_row_raw(row, 0, &raw, &rn));
        ck_assert_uint_eq(rn, 4);
        ck_assert_int_eq(sq_row_value(row, 2, &v), SQ_RC_NO_DATA);
    }
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 3);
    ck_assert_uint_eq(sq_conn_fetch_round_trips(c) - fetches, 2);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    sq_stmt_free(st);

    /* What the client sent after login, group by group (doc §7.1a with the
     * chained fetch of PROTOCOL.md). */
    const struct sq_buf *w = sq_mem_written(tr);
    ck_assert_hex(w->data + written_login, w->len - written_login,
                  "00 02 00 00 00 00 00 16 \"SELECT id, name FROM t\" 00 16 00 31 00 0C"
                  "00 04 00 07 00 03 00 12 \"_ifxc0000000000002\" 00 06"
                  "  00 04 00 07 00 09 00 01 00 00 00 00 00 0C"
                  "00 04 00 07 00 09 00 01 00 00 00 00 00 0C"
                  "00 04 00 07 00 0A 00 0C"
                  "00 04 00 07 00 0B 00 0C");
    sq_conn_close(c);
    ck_assert_int_eq(sq_conn_state(c), SQ_CONN_CLOSED);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* The login half of the session: CONREQ first (checked in test_sq_login),
 * then exactly W3, the §5.2 SQ_INFO, DBOPEN testdb. */
START_TEST(login_sends_setup_groups_in_order)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_login(&s);
    struct sq_transport *tr = sq_mem_new(s.data, s.len, 0);
    struct sq_conn *c = sq_conn_new();
    struct sq_conn_cfg cfg = test_cfg();
    ck_assert_int_eq(sq_conn_connect_over(c, &cfg, tr, &test_pi), SQ_RC_OK);
    const struct sq_buf *w = sq_mem_written(tr);
    size_t conreq = sq_load_u16(w->data);
    ck_assert_uint_gt(w->len, conreq + 16 + 48 + 14);
    ck_assert_hex(w->data + conreq, 16 + 48 + 14,
                  "00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C"
                  "00 51 00 06 00 28 00 0C 00 04 00 06 \"DBTEMP\" 00 04 \"/tmp\""
                  "00 0B \"SUBQCACHESZ\" 00 00 02 \"10\" 00 00 00 00 00 0C"
                  "00 24 00 06 \"testdb\" 00 00 00 0C");
    /* Then the kind query. */
    ck_assert_hex(w->data + conreq + 78, 8, "00 02 00 00 00 00 00 4C");
    /* The password is not left in the output buffer. */
    for (size_t i = 0; i + 6 <= c->out.cap; i++)
        ck_assert(memcmp(c->out.data + i, "secret", 6) != 0);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

static struct sq_conn *run_login(const struct sq_buf *s, enum sq_rc want)
{
    struct sq_transport *tr = sq_mem_new(s->data, s->len, 0);
    struct sq_conn *c = sq_conn_new();
    struct sq_conn_cfg cfg = test_cfg();
    ck_assert_int_eq(sq_conn_connect_over(c, &cfg, tr, &test_pi), want);
    return c;
}

START_TEST(login_reject_951_is_rejected_with_code)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_conacc(&s, 3, -951);
    struct sq_conn *c = run_login(&s, SQ_RC_REJECTED);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -951);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "Incorrect password"));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(login_type2_with_svc_error_is_rejected)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_conacc(&s, 2, -761);
    struct sq_conn *c = run_login(&s, SQ_RC_REJECTED);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -761);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(login_redirect_is_unsupported)
{
    struct sq_buf s = SQ_BUF_INIT;
    sq_wr_u16(&s, 8), sq_wr_u8(&s, 13), sq_wr_u8(&s, 60), sq_wr_u16(&s, 0), sq_wr_u16(&s, 0);
    struct sq_conn *c = run_login(&s, SQ_RC_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "redirect"));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(login_pam_is_unsupported)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_conacc(&s, 2, 0);
    uint8_t mask[9];
    memcpy(mask, echo_mask, 9);
    mask[5] |= 0x08;
    s_protocols(&s, mask, 9);
    struct sq_conn *c = run_login(&s, SQ_RC_UNSUPPORTED);
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "PAM"));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(login_dbopen_329_is_server_error)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_conacc(&s, 2, 0);
    s_protocols(&s, echo_mask, 9);
    s_eot(&s);
    s_err(&s, -329, -111, "");
    sq_wr_u16(&s, SQ_EXIT); /* the polite exit is echoed */
    struct sq_conn *c = run_login(&s, SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -329);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "Database not found"));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* A session without the login exchange: conn + transport over a script. */
static struct sq_conn *attached(const struct sq_buf *s, struct sq_transport **trp)
{
    struct sq_transport *tr = sq_mem_new(s->data, s->len, 0);
    ck_assert_ptr_nonnull(tr);
    struct sq_conn *c = sq_conn_new();
    sq_conn_attach(c, tr, &caps_all);
    if (trp)
        *trp = tr;
    return c;
}

static struct sq_stmt *prepared_select(struct sq_conn *c)
{
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT id, name FROM t", 22, &st), SQ_RC_OK);
    return st;
}

static void s_select_describe(struct sq_buf *s)
{
    s_describe(s, SQ_STMT_SELECT, 3, iv_cols, 2), s_done(s, 0, 0), s_cost(s), s_eot(s);
}

START_TEST(server_error_mid_fetch_keeps_connection)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    s_row_iv(&s, 1, "a"), s_eot(&s);
    s_err(&s, -244, -107, "t");
    s_eot(&s); /* CLOSE */
    s_eot(&s); /* RELEASE */
    struct sq_conn *c = attached(&s, NULL);
    struct sq_stmt *st = prepared_select(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -244);
    ck_assert_int_eq(sq_conn_server_error(c)->isam, -107);
    ck_assert_str_eq(sq_conn_server_error(c)->text, "t");
    ck_assert_str_eq(sq_conn_errmsg(c),
                     "error -244 (isam -107): Could not do a physical-order read to fetch next "
                     "row.");
    ck_assert(!sq_conn_is_broken(c));
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    sq_stmt_free(st);
    ck_assert(!sq_conn_is_broken(c));
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* Prepare error: SQ_ERR + EOT, statement not created, connection fine. */
START_TEST(prepare_syntax_error_is_server)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_err(&s, -201, 0, "");
    struct sq_conn *c = attached(&s, NULL);
    struct sq_stmt *st = (struct sq_stmt *)1;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELEC", 5, &st), SQ_RC_SERVER);
    ck_assert_ptr_null(st);
    ck_assert_str_eq(sq_conn_errmsg(c), "error -201: A syntax error has occurred.");
    ck_assert_int_eq(sq_conn_state(c), SQ_CONN_READY);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* V21: an unknown opcode breaks the connection; later calls fail at once. */
START_TEST(garbage_opcode_breaks_and_fails_fast)
{
    struct sq_buf s = SQ_BUF_INIT;
    sq_wr_u16(&s, 0x0471), s_eot(&s);
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1", 8, &st), SQ_RC_PROTOCOL);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "1137"));
    size_t written = sq_mem_written(tr)->len;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1", 8, &st), SQ_RC_BROKEN);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_BROKEN);
    ck_assert_int_eq(sq_conn_exec(c, "SELECT 1", 8, NULL), SQ_RC_BROKEN);
    ck_assert_uint_eq(sq_mem_written(tr)->len, written);
    sq_conn_close(c); /* still fine locally */
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(peer_close_mid_tuple_is_io_error)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    s_row_iv(&s, 1, "abc");
    s.len -= 3; /* the server dies in the middle of the tuple */
    struct sq_conn *c = attached(&s, NULL);
    struct sq_stmt *st = prepared_select(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_IO);
    ck_assert(sq_conn_is_broken(c));
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_BROKEN);
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* V22: "00 0C 00 0C <TUPLE> <DONE> 00 0C". Decision (sq_result.c): an NFETCH
 * reply with neither rows nor DONE is a lost-sync protocol error. */
START_TEST(v22_empty_fetch_reply_is_protocol_error)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    s_row_iv(&s, 1, "a"), s_eot(&s);
    s_eot(&s), s_eot(&s), s_row_iv(&s, 2, "b"), s_done(&s, 2, 0), s_eot(&s);
    struct sq_conn *c = attached(&s, NULL);
    struct sq_stmt *st = prepared_select(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_PROTOCOL);
    ck_assert(sq_conn_is_broken(c));
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* A row whose columns do not fill its TUPLE exactly breaks the connection. */
START_TEST(row_width_mismatch_is_protocol_error)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    sq_wr_u16(&s, SQ_TUPLE), sq_wr_u16(&s, 0), sq_wr_u32(&s, 8), sq_wr_i32(&s, 1);
    sq_wr_u8(&s, 1), sq_wr_bytes(&s, "xyz", 3); /* VARCHAR says 1 byte, 3 follow */
    s_done(&s, 1, 0), s_eot(&s);
    struct sq_conn *c = attached(&s, NULL);
    struct sq_stmt *st = prepared_select(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_PROTOCOL);
    ck_assert(sq_conn_is_broken(c));
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* INSERT with parameters: [INSERTDONE] DONE COST XACTSTAT EOT (doc §7.10). */
START_TEST(execute_reports_done_and_insertdone)
{
    struct sq_buf s = SQ_BUF_INIT;
    static const struct col ins[] = {{"a", SQ_T_SERIAL8, 10}, {"b", SQ_T_INTEGER, 4}};
    s_describe(&s, SQ_STMT_INSERT, 9, ins, 2), s_done(&s, 0, 0), s_cost(&s), s_eot(&s);
    sq_wr_u16(&s, SQ_INSERTDONE);
    uint8_t i8[10] = {0, 1, 0, 0, 0, 5, 0, 0, 0, 0};
    sq_wr_bytes(&s, i8, 10), sq_wr_i64(&s, 77);
    s_done(&s, 1, 12), s_cost(&s);
    sq_wr_u16(&s, SQ_XACTSTAT), sq_wr_u16(&s, 1), sq_wr_u16(&s, 1), sq_wr_u16(&s, 0);
    s_eot(&s);
    s_eot(&s); /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "INSERT INTO t VALUES (0, ?)", 27, &st), SQ_RC_OK);
    ck_assert_uint_eq(sq_stmt_nparams(st), 1);
    ck_assert(!sq_stmt_returns_rows(st));
    ck_assert_int_eq(sq_stmt_execute(st, NULL, 0), SQ_RC_MISUSE);
    struct sq_param p = {.type = SQ_T_INTEGER, .prec = 0x0A00, .u.i = 5};
    size_t before = sq_mem_written(tr)->len;
    ck_assert_int_eq(sq_stmt_execute(st, &p, 1), SQ_RC_OK);
    const struct sq_buf *w = sq_mem_written(tr);
    ck_assert_hex(w->data + before, w->len - before,
                  "00 04 00 09 00 05 00 01 00 02 00 00 0A 00 00 00 00 05 00 07 00 0C");
    const struct sq_done *d = sq_conn_last_done(c);
    ck_assert_int_eq(d->rows, 1);
    ck_assert_int_eq(d->serial, 12);
    ck_assert(d->has_insertdone);
    ck_assert_int_eq(d->serial8, 5);
    ck_assert_int_eq(d->bigserial, 77);
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(transactions_and_their_errors)
{
    struct sq_buf s = SQ_BUF_INIT;
    sq_wr_u16(&s, SQ_XACTSTAT), sq_wr_u16(&s, 1), sq_wr_u16(&s, 1), sq_wr_u16(&s, 0);
    s_done(&s, 0, 0), s_eot(&s); /* BEGIN */
    s_done(&s, 0, 0), s_eot(&s); /* COMMIT */
    s_err(&s, -255, 0, "");      /* ROLLBACK outside a transaction */
    s_err(&s, -256, 0, "");      /* BEGIN (say, unlogged) */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_rollback(c), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -255);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_SERVER);
    ck_assert_str_eq(sq_conn_errmsg(c), "error -256: Transaction not available.");
    const struct sq_buf *w = sq_mem_written(tr);
    ck_assert_hex(w->data, w->len, "00 23 00 0C 00 13 00 0C 00 14 00 00 00 0C 00 23 00 0C");
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(scroll_cursor_sfetch_and_tupid)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    s_eot(&s); /* OPEN (no chained fetch for scroll cursors) */
    sq_wr_u16(&s, SQ_TUPID), sq_wr_i32(&s, 10), s_row_iv(&s, 10, "ten"), s_eot(&s);
    sq_wr_u16(&s, SQ_TUPID), sq_wr_i32(&s, 11), s_row_iv(&s, 11, "x");
    sq_wr_u16(&s, SQ_TUPID), sq_wr_i32(&s, 12), s_row_iv(&s, 12, "y"), s_eot(&s);
    sq_wr_u16(&s, SQ_TUPID), sq_wr_i32(&s, 10), s_row_iv(&s, 10, "ten"), s_eot(&s);
    sq_wr_u16(&s, SQ_TUPID), sq_wr_i32(&s, 11), s_row_iv(&s, 11, "x"), s_eot(&s);
    s_done(&s, 0, 0), s_cost(&s), s_eot(&s); /* NEXT past the end */
    s_eot(&s);                               /* CLOSE */
    s_eot(&s);                               /* RELEASE */
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_stmt *st = prepared_select(c);
    size_t before = sq_mem_written(tr)->len;
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, SQ_CURSOR_SCROLL | SQ_CURSOR_HOLD), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_ABSOLUTE, 10, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 10);
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_NEXT, 0, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 11);
    /* Row 12 is buffered, so the server sits past row 11: PRIOR goes out as
     * ABSOLUTE 10. */
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_PRIOR, 0, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 10);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 11);
    struct sq_value v;
    ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.i, 11);
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    const struct sq_buf *w = sq_mem_written(tr);
    ck_assert_hex(w->data + before, w->len - before,
                  "00 04 00 03 00 03 00 12 \"_ifxc0000000000001\" 00 18 00 2B 00 06 00 0C"
                  "00 04 00 03 00 17 00 06 00 00 00 0A 00 01 00 00 00 0C"
                  "00 04 00 03 00 17 00 01 00 00 00 00 00 01 00 00 00 0C"
                  "00 04 00 03 00 17 00 06 00 00 00 0A 00 01 00 00 00 0C"
                  "00 04 00 03 00 17 00 01 00 00 00 00 00 01 00 00 00 0C"
                  "00 04 00 03 00 17 00 01 00 00 00 00 00 01 00 00 00 0C");
    sq_stmt_free(st);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(exec_runs_prepare_execute_release)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_describe(&s, SQ_STMT_CRETAB, 4, NULL, 0), s_done(&s, 0, 0), s_cost(&s), s_eot(&s);
    s_done(&s, 0, 0), s_cost(&s), s_eot(&s);
    s_eot(&s);
    /* A SELECT through exec: rows are counted. */
    s_select_describe(&s);
    s_row_iv(&s, 1, "a"), s_row_iv(&s, 2, "b"), s_done(&s, 2, 0), s_eot(&s);
    s_eot(&s), s_eot(&s);
    /* An error in EXECUTE survives the RELEASE round trip. */
    s_describe(&s, SQ_STMT_INSERT, 5, NULL, 0), s_done(&s, 0, 0), s_eot(&s);
    s_err(&s, -391, 0, "t.a");
    s_eot(&s);
    struct sq_transport *tr;
    struct sq_conn *c = attached(&s, &tr);
    struct sq_done d;
    ck_assert_int_eq(sq_conn_exec(c, "CREATE TABLE t (a INT)", 22, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_exec(c, "SELECT id, name FROM t", 22, &d), SQ_RC_OK);
    ck_assert_int_eq(d.rows, 2);
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t VALUES (NULL)", 27, &d), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -391);
    ck_assert_str_eq(sq_conn_errmsg(c), "error -391: Cannot insert a null into column (t.a).");
    ck_assert_uint_eq(sq_mem_unread(tr), 0);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

START_TEST(interrupt_cancels_and_breaks)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    struct sq_conn *c = attached(&s, NULL);
    sq_conn_interrupt(c);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1", 8, &st), SQ_RC_CANCELLED);
    ck_assert(sq_conn_is_broken(c));
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1", 8, &st), SQ_RC_BROKEN);
    sq_conn_free(c);
    sq_buf_fini(&s);
}
END_TEST

/* SQ_EXIT: bare 00 38 out; the echo, an EOT or EOF are all fine. */
START_TEST(close_sends_bare_exit_and_tolerates_eot_or_eof)
{
    for (int k = 0; k < 3; k++) {
        struct sq_buf s = SQ_BUF_INIT;
        if (k == 0)
            sq_wr_u16(&s, SQ_EXIT);
        else if (k == 1)
            s_eot(&s);
        struct sq_transport *tr;
        struct sq_conn *c = attached(&s, &tr);
        ck_assert_ptr_nonnull(tr);
        sq_buf_reset(&c->out);
        sq_req_exit(&c->out);
        ck_assert_hex(c->out.data, c->out.len, "00 38");
        sq_buf_reset(&c->out);
        sq_conn_close(c);
        ck_assert_int_eq(sq_conn_state(c), SQ_CONN_CLOSED);
        ck_assert(!sq_conn_is_broken(c));
        ck_assert_int_eq(sq_conn_begin(c), SQ_RC_MISUSE);
        sq_conn_free(c);
        sq_buf_fini(&s);
    }
}
END_TEST

START_TEST(errtext_fills_the_insertion_and_falls_back)
{
    char buf[256];
    ck_assert_uint_eq(sq_errtext(-206, "nosuchtable", buf, sizeof buf),
                      strlen("The specified table (nosuchtable) is not in the database."));
    ck_assert_str_eq(buf, "The specified table (nosuchtable) is not in the database.");
    sq_errtext(-201, "ignored", buf, sizeof buf);
    ck_assert_str_eq(buf, "A syntax error has occurred.");
    sq_errtext(-239, NULL, buf, sizeof buf);
    ck_assert_str_eq(buf, "Could not insert new row - duplicate value in a UNIQUE INDEX column "
                          "(Unique Index:).");
    sq_errtext(-1215, "", buf, sizeof buf);
    ck_assert_str_eq(buf, "Value exceeds limit of INTEGER precision.");
    sq_errtext(-12345, "x", buf, sizeof buf);
    ck_assert_str_eq(buf, "Informix error -12345");
    char small[8];
    size_t need = sq_errtext(-951, "bob", small, sizeof small);
    ck_assert_uint_gt(need, sizeof small);
    ck_assert_uint_eq(strlen(small), sizeof small - 1);
}
END_TEST

/* One scripted SELECT session; any step may hit an injected allocation
 * failure and must then fail cleanly. */
static enum sq_rc oom_scenario(const struct sq_buf *s)
{
    struct sq_transport *tr = sq_mem_new(s->data, s->len, 7);
    if (!tr)
        return SQ_RC_NOMEM;
    struct sq_conn *c = sq_conn_new();
    if (!c) {
        tr->ops->close(tr);
        return SQ_RC_NOMEM;
    }
    sq_conn_attach(c, tr, &caps_all);
    struct sq_stmt *st = NULL;
    enum sq_rc rc = sq_stmt_prepare(c, "SELECT id, name FROM t", 22, &st);
    if (rc == SQ_RC_OK)
        rc = sq_stmt_open(st, NULL, 0, 0);
    int rows = 0;
    while (rc == SQ_RC_OK) {
        const struct sq_row *row;
        rc = sq_stmt_fetch(st, &row);
        if (rc == SQ_RC_OK)
            rows++;
    }
    if (rc == SQ_RC_NO_DATA)
        rc = rows == 3 ? SQ_RC_OK : SQ_RC_PROTOCOL;
    sq_stmt_free(st);
    sq_conn_free(c);
    return rc;
}

/* Needs IFX_FAULT_HOOKS; without them the loop cannot inject and is skipped. */
START_TEST(allocation_failures_fail_cleanly)
{
    struct sq_buf s = SQ_BUF_INIT;
    s_select_describe(&s);
    s_row_iv(&s, 1, "one"), s_row_iv(&s, 2, "two"), s_eot(&s);
    s_row_iv(&s, 3, ""), s_done(&s, 3, 0), s_cost(&s), s_eot(&s);
    s_eot(&s), s_eot(&s);
    ck_assert(sq_buf_ok(&s));
    (void)sq_alloc_fail_at(0);
    ck_assert_int_eq(oom_scenario(&s), SQ_RC_OK);
    if (sq_alloc_fail_at(0) == 0) {
        sq_buf_fini(&s);
        return; /* hooks compiled out */
    }
    bool finished = false;
    for (long n = 1; n < 500 && !finished; n++) {
        (void)sq_alloc_fail_at(n);
        enum sq_rc rc = oom_scenario(&s);
        long made = sq_alloc_fail_at(0);
        if (made < n) {
            ck_assert_int_eq(rc, SQ_RC_OK); /* nothing failed */
            finished = true;
        } else {
            ck_assert_msg(rc != SQ_RC_OK, "allocation %ld failed but the session succeeded", n);
        }
    }
    ck_assert(finished);
    sq_buf_fini(&s);
}
END_TEST

static Suite *conn_suite(void)
{
    Suite *s = suite_create("sq_conn");
    TCase *tc = tcase_create("sessions");
    tcase_add_loop_test(tc, full_session_over_memory_transport, 0, 2);
    tcase_add_test(tc, login_sends_setup_groups_in_order);
    tcase_add_test(tc, login_reject_951_is_rejected_with_code);
    tcase_add_test(tc, login_type2_with_svc_error_is_rejected);
    tcase_add_test(tc, login_redirect_is_unsupported);
    tcase_add_test(tc, login_pam_is_unsupported);
    tcase_add_test(tc, login_dbopen_329_is_server_error);
    tcase_add_test(tc, server_error_mid_fetch_keeps_connection);
    tcase_add_test(tc, prepare_syntax_error_is_server);
    tcase_add_test(tc, garbage_opcode_breaks_and_fails_fast);
    tcase_add_test(tc, peer_close_mid_tuple_is_io_error);
    tcase_add_test(tc, v22_empty_fetch_reply_is_protocol_error);
    tcase_add_test(tc, row_width_mismatch_is_protocol_error);
    tcase_add_test(tc, execute_reports_done_and_insertdone);
    tcase_add_test(tc, transactions_and_their_errors);
    tcase_add_test(tc, scroll_cursor_sfetch_and_tupid);
    tcase_add_test(tc, exec_runs_prepare_execute_release);
    tcase_add_test(tc, interrupt_cancels_and_breaks);
    tcase_add_test(tc, close_sends_bare_exit_and_tolerates_eot_or_eof);
    tcase_add_test(tc, errtext_fills_the_insertion_and_falls_back);
    tcase_add_test(tc, allocation_failures_fail_cleanly);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(conn_suite());
}
