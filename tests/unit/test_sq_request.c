/* SPDX-License-Identifier: MIT */
/* test_sq_request.c - byte-exact tests of the client request encoders
 * (driver/sqli/sq_request.c) against the protocol doc's examples (§5, §7, §8)
 * and §13.2 vectors, plus the '?' marker counter. All fixtures hand-written
 * (doc "OURS"/LIB/NMAP vectors), none captured from a real server. */
#include <string.h>

#include "ck_util.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_types.h"

static const struct sq_caps caps_none;
static const struct sq_caps caps_big = {.big_sql = true};

#define SQL_72 "SELECT id, name FROM t1 WHERE id > ?"

/* doc §7.2 example (u16 length, one parameter). */
START_TEST(prepare_u16_matches_doc_example)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_req_prepare(&b, &caps_none, 1, SQL_72, strlen(SQL_72)), SQ_RC_OK);
    sq_req_eot(&b);
    ck_assert(sq_buf_ok(&b));
    ck_assert_hex(b.data, b.len, "00 02 00 01 00 24 \"" SQL_72 "\" 00 16 00 31 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* Same statement with big_sql granted: u32 length (doc §7.2, IDB's JDBC view). */
START_TEST(prepare_u32_when_big_sql)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_req_prepare(&b, &caps_big, 1, SQL_72, strlen(SQL_72)), SQ_RC_OK);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 02 00 01 00 00 00 24 \"" SQL_72 "\" 00 16 00 31 00 0C");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(prepare_pads_odd_length)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_req_prepare(&b, &caps_none, 0, "SELECT 1", 8), SQ_RC_OK);
    ck_assert_int_eq(sq_req_prepare(&b, &caps_none, 0, "SELECT 12", 9), SQ_RC_OK);
    ck_assert_hex(b.data, b.len,
                  "00 02 00 00 00 08 \"SELECT 1\" 00 16 00 31"
                  "00 02 00 00 00 09 \"SELECT 12\" 00 00 16 00 31");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(prepare_refuses_over_64k_without_big_sql)
{
    struct sq_buf b = SQ_BUF_INIT;
    static char big[70000];
    memset(big, ' ', sizeof big);
    ck_assert_int_eq(sq_req_prepare(&b, &caps_none, 0, big, sizeof big), SQ_RC_MISUSE);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_int_eq(sq_req_prepare(&b, &caps_big, 0, big, sizeof big), SQ_RC_OK);
    ck_assert_uint_eq(b.len, 2 + 2 + 4 + sizeof big + 4);
    sq_buf_fini(&b);
}
END_TEST

/* doc §5.2: the 48-byte SQ_INFO example (LIB's total_len rule). */
START_TEST(info_matches_48_byte_example)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_info_default(&b);
    sq_req_eot(&b);
    ck_assert_uint_eq(b.len, 48);
    ck_assert_hex(b.data, b.len,
                  "00 51 00 06 00 28 00 0C 00 04"
                  "00 06 44 42 54 45 4D 50  00 04 2F 74 6D 70"
                  "00 0B 53 55 42 51 43 41 43 48 45 53 5A 00  00 02 31 30"
                  "00 00 00 00 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* W3: LIB's SQ_PROTOCOLS request. */
START_TEST(protocols_matches_w3)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_protocols(&b, sq_client_proto_mask, sizeof sq_client_proto_mask);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* doc §5.4 examples (and W20). */
START_TEST(dbopen_matches_doc_examples)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert(sq_req_dbopen(&b, "stores", 6));
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 24 00 06 73 74 6F 72 65 73 00 00 00 0C");
    sq_buf_reset(&b);
    ck_assert(sq_req_dbopen(&b, "testdb1", 7));
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 24 00 07 74 65 73 74 64 62 31 00 00 00 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* doc §7.5 example: cursor _ifxc0000000000001 on statement 5. */
START_TEST(curname_open_matches_doc_example)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 5);
    ck_assert(sq_req_curname(&b, "_ifxc0000000000001"));
    sq_req_open(&b, false, false);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len,
                  "00 04 00 05 00 03 00 12 5F 69 66 78 63 30 30 30 30 30 30 30 30 30 30 30 30 31 "
                  "00 06 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* W8 (LIB's 17-byte name, padded) and W9 (SCROLL + HOLD + OPEN tail). */
START_TEST(curname_pads_and_scroll_hold_order)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 0x1234);
    ck_assert(sq_req_curname(&b, "_ifxc000000000000"));
    sq_req_open(&b, true, true);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len,
                  "00 04 12 34 00 03 00 11 \"_ifxc000000000000\" 00 00 18 00 2B 00 06 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* doc §7.6 example. */
START_TEST(nfetch_matches_doc_example)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 5);
    sq_req_nfetch(&b, 4096);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 04 00 05 00 09 00 00 10 00 00 00 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* doc §7.8 example: ABSOLUTE row 10 on statement 5; W11 prefix. */
START_TEST(sfetch_matches_doc_example)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 5);
    sq_req_sfetch(&b, SQ_SFETCH_ABSOLUTE, 10, 4096);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 04 00 05 00 17 00 06 00 00 00 0A 00 00 10 00 00 0C");
    sq_buf_reset(&b);
    sq_req_sfetch(&b, SQ_SFETCH_ABSOLUTE, 1, 4096);
    ck_assert_hex(b.data, 8, "00 17 00 06 00 00 00 01");
    sq_buf_fini(&b);
}
END_TEST

/* doc §7.9 example: statement 5, (42, 'abc', NULL), then execute. */
START_TEST(bind_execute_matches_doc_example)
{
    struct sq_param p[3];
    memset(p, 0, sizeof p);
    p[0].type = SQ_T_INTEGER;
    p[0].prec = 0x0A00;
    p[0].u.i = 42;
    p[1].type = SQ_T_CHAR;
    p[1].u.s.p = (const uint8_t *)"abc";
    p[1].u.s.n = 3;
    p[2].type = SQ_T_CHAR;
    p[2].is_null = true;
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 5);
    ck_assert_int_eq(sq_req_bind(&b, p, 3), SQ_RC_OK);
    sq_req_execute(&b);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len,
                  "00 04 00 05  00 05 00 03"
                  "  00 02 00 00 0A 00 00 00 00 2A"
                  "  00 00 00 00 00 00 00 03 61 62 63 00"
                  "  00 00 FF FF 00 00"
                  "00 07 00 0C");
    sq_buf_fini(&b);
}
END_TEST

/* W13 close and release; §8.1 recommended transaction bytes; W22 exit. */
START_TEST(close_release_txn_exit_bytes)
{
    struct sq_buf b = SQ_BUF_INIT;
    sq_req_id(&b, 7);
    sq_req_close(&b);
    sq_req_eot(&b);
    sq_req_id(&b, 7);
    sq_req_release(&b);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 04 00 07 00 0A 00 0C  00 04 00 07 00 0B 00 0C");
    sq_buf_reset(&b);
    sq_req_begin(&b);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 23 00 0C");
    sq_buf_reset(&b);
    sq_req_commit(&b);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 13 00 0C");
    sq_buf_reset(&b);
    sq_req_rollback(&b);
    sq_req_eot(&b);
    ck_assert_hex(b.data, b.len, "00 14 00 00 00 0C");
    sq_buf_reset(&b);
    sq_req_exit(&b);
    ck_assert_hex(b.data, b.len, "00 38");
    sq_buf_fini(&b);
}
END_TEST

struct marker_case {
    const char *sql;
    size_t n;
};

static const struct marker_case marker_cases[] = {
    {"SELECT * FROM t WHERE a = ? AND b = ?", 2},
    {"SELECT '?' FROM t WHERE a = ?", 1},
    {"SELECT \"a?b\" FROM t", 0},
    {"SELECT 'it''s ?' , ? FROM t", 1},
    {"SELECT 1 -- what?\n, ? FROM t", 1},
    {"SELECT { comment ? } ? FROM t", 1},
    {"SELECT /* ? ? */ ? FROM t", 1},
    {"INSERT INTO t VALUES (?, ?, ?)", 3},
    {"SELECT 'unterminated ?", 0},
    {"SELECT /* unterminated ?", 0},
    {"?", 1},
    {"", 0},
};

START_TEST(count_params_skips_quotes_and_comments)
{
    const struct marker_case *c = &marker_cases[_i];
    ck_assert_msg(sq_count_params(c->sql, strlen(c->sql)) == c->n, "%s", c->sql);
}
END_TEST

static Suite *request_suite(void)
{
    Suite *s = suite_create("sq_request");
    TCase *tc = tcase_create("encoders");
    tcase_add_test(tc, prepare_u16_matches_doc_example);
    tcase_add_test(tc, prepare_u32_when_big_sql);
    tcase_add_test(tc, prepare_pads_odd_length);
    tcase_add_test(tc, prepare_refuses_over_64k_without_big_sql);
    tcase_add_test(tc, info_matches_48_byte_example);
    tcase_add_test(tc, protocols_matches_w3);
    tcase_add_test(tc, dbopen_matches_doc_examples);
    tcase_add_test(tc, curname_open_matches_doc_example);
    tcase_add_test(tc, curname_pads_and_scroll_hold_order);
    tcase_add_test(tc, nfetch_matches_doc_example);
    tcase_add_test(tc, sfetch_matches_doc_example);
    tcase_add_test(tc, bind_execute_matches_doc_example);
    tcase_add_test(tc, close_release_txn_exit_bytes);
    tcase_add_loop_test(tc, count_params_skips_quotes_and_comments, 0,
                        (int)(sizeof marker_cases / sizeof marker_cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(request_suite());
}
