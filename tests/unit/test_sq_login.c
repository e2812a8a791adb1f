/* SPDX-License-Identifier: MIT */
/* test_sq_login.c - the login packets of the client core (driver/sqli/sq_login.c):
 * CONREQ byte for byte against doc §3.6 (tests/fixtures/c2s_conreq_example.hex),
 * CONACC/CONREJ parsing of accepts and rejects hand-built from doc §4.4 (not
 * from ifxlite's code), REDIRECT, and every truncation of each reply. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_wr.h"

/* doc §3.6 worked example. */
START_TEST(conreq_matches_doc_example)
{
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    cfg.user = "informix";
    cfg.password = "secret";
    cfg.server_name = "ol_test";
    cfg.client_locale = "en_US.utf8";
    cfg.db_locale = "en_US.8859-1";
    cfg.app_name = "myodbc";
    struct sq_procinfo pi = {.pid = 0x1234, .thread_id = 0, .hostname = "client01", .cwd = "/tmp"};
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_login_build_conreq(&b, &cfg, &pi), SQ_RC_OK);
    uint8_t *exp;
    size_t exp_len;
    ck_fixture("c2s_conreq_example.hex", &exp, &exp_len);
    ck_assert_uint_eq(exp_len, 338);
    ck_assert_bytes(b.data, b.len, exp, exp_len);
    free(exp);
    sq_buf_fini(&b);
}
END_TEST

static bool contains(const uint8_t *hay, size_t n, const void *needle, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

/* Extra environment pairs go after the six defaults and raise the count. */
START_TEST(conreq_appends_extra_env)
{
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    const struct sq_env_pair env[] = {{"DBDATE", "Y4MD-"}};
    cfg.env = env;
    cfg.nenv = 1;
    struct sq_procinfo pi = {.pid = 1, .hostname = "h", .cwd = "/"};
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_login_build_conreq(&b, &cfg, &pi), SQ_RC_OK);
    ck_assert_uint_eq(sq_load_u16(b.data), b.len);
    /* "00 6A 00 07" then DBPATH first. */
    ck_assert(contains(b.data, b.len,
                       "\x00\x6a\x00\x07\x00\x07"
                       "DBPATH",
                       12));
    ck_assert(contains(b.data, b.len,
                       "\x00\x07"
                       "DBDATE\x00\x00\x06"
                       "Y4MD-\x00",
                       17));
    sq_buf_fini(&b);
}
END_TEST

/* The accept body of doc §4.4, built from the doc's description. */
#define ACC_HEAD                                                                                   \
    "00 64 00 65 00 00 00 3D 00 06 \"IEEEM\" 00 00 6C \"sqlexec\" 00 00 00 00 00 "                 \
    "00 0B \"14.10.FC10\" 00 00 0C \"RDS#R000000\" 00 00 0B \"ol_ifxlite\" 00 "                    \
    "00 00 01 3C 00 00 00 00 00 00 00 00 00 01 "                                                   \
    "00 00 00 00 "                                                                                 \
    "\"ol\" 00 00 00 00 00 00 00 00 00 3D \"tlitcp\" 00 00 00 00 00 01 "

/* Build an SL packet: u16 size, type, 60, u16 0, body. Caller frees. */
static void packet(uint8_t type, const char *body_hex, uint8_t **out, size_t *len)
{
    uint8_t *body;
    size_t n;
    ck_hex(body_hex, &body, &n);
    struct sq_buf b = SQ_BUF_INIT;
    sq_wr_u16(&b, (uint16_t)(n + 6));
    sq_wr_u8(&b, type);
    sq_wr_u8(&b, 60);
    sq_wr_u16(&b, 0);
    sq_wr_bytes(&b, body, n);
    ck_assert(sq_buf_ok(&b));
    free(body);
    *out = b.data;
    *len = b.len;
}

START_TEST(conacc_parses_doc_accept)
{
    uint8_t *p;
    size_t n;
    packet(2, ACC_HEAD "00 66 00 00 00 00 00 00 00 00 00 00 00 7F", &p, &n);
    ck_assert_uint_eq(n, 132);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    ck_assert_uint_eq(acc.sl_type, SQ_SL_CONACC);
    ck_assert_str_eq(acc.version, "14.10.FC10");
    ck_assert_str_eq(acc.serial, "RDS#R000000");
    ck_assert_str_eq(acc.name, "ol_ifxlite");
    ck_assert(acc.has_status);
    ck_assert_int_eq(acc.svc_error, 0);
    ck_assert_int_eq(acc.os_error, 0);
    sq_free(p);
}
END_TEST

/* CONREJ with -951 (FC 49) at marker + 8 (doc §4.2 decision). */
START_TEST(conrej_reads_svc_error_at_marker_plus_8)
{
    uint8_t *p;
    size_t n;
    packet(3, ACC_HEAD "00 66 00 00 00 00 00 00 FC 49 00 00 00 7F", &p, &n);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    ck_assert_uint_eq(acc.sl_type, SQ_SL_CONREJ);
    ck_assert_int_eq(acc.svc_error, -951);
    ck_assert_int_eq(acc.os_error, 0);
    sq_free(p);
}
END_TEST

/* NMAP: sl_type 2 with svcError -761 is still a refusal (checked by the
 * session code; here the parse must hand the code out). */
START_TEST(conacc_type2_with_svc_error_reports_it)
{
    uint8_t *p;
    size_t n;
    packet(2, ACC_HEAD "00 66 00 00 00 00 00 00 FD 07 00 00 00 7F", &p, &n);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    ck_assert_uint_eq(acc.sl_type, SQ_SL_CONACC);
    ck_assert_int_eq(acc.svc_error, -761);
    sq_free(p);
}
END_TEST

/* Odd-length unknown strings (doc §17.14) or other shapes: the 102 block is
 * still found by scanning the length-delimited packet. */
START_TEST(conrej_odd_shape_still_finds_status)
{
    uint8_t *p;
    size_t n;
    packet(3,
           "00 64 00 65 00 00 00 3D 00 02 41 42 00 6C \"sqlexec\" 00 00 00 00 00 "
           "00 02 31 00 00 02 32 00 00 02 33 00 " /* 3 short zstr16 */
           "00 00 01 3C 00 00 00 00 00 00 00 00 00 01 00 01 58 00 00 "
           "\"ol\" 00 00 00 00 00 00 00 00 00 3D \"tlitcp\" 00 00 00 00 00 01 "
           "00 66 00 00 00 00 00 00 FC 49 00 00 00 7F",
           &p, &n);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    ck_assert(acc.has_status);
    ck_assert_int_eq(acc.svc_error, -951);
    sq_free(p);
}
END_TEST

START_TEST(redirect_is_reported_as_type_13)
{
    uint8_t *p;
    size_t n;
    packet(13, "00 01 02 03", &p, &n);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    ck_assert_uint_eq(acc.sl_type, SQ_SL_REDIRECT);
    sq_free(p);
}
END_TEST

START_TEST(unknown_sl_type_or_bad_size_is_protocol)
{
    uint8_t *p;
    size_t n;
    packet(7, "00 00", &p, &n);
    struct sq_conacc acc;
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_PROTOCOL);
    sq_free(p);
    const uint8_t small[] = {0x00, 0x03, 0x02, 0x3C, 0x00, 0x00};
    ck_assert_int_eq(sq_login_parse_reply(small, sizeof small, &acc), SQ_RC_PROTOCOL);
    /* An accept without any status block cannot be trusted. */
    packet(2, ACC_HEAD "00 7F", &p, &n);
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_PROTOCOL);
    sq_free(p);
}
END_TEST

static const char *const reply_bodies[] = {
    ACC_HEAD "00 66 00 00 00 00 00 00 00 00 00 00 00 7F",
    ACC_HEAD "00 66 00 00 00 00 00 00 FC 49 00 00 00 7F",
};

/* Every prefix of each reply: NEED_MORE (short of pdu_size); and each prefix
 * presented as a whole packet (pdu_size patched): a clean answer, no crash. */
START_TEST(every_truncation_is_need_more_or_clean)
{
    uint8_t *p;
    size_t n;
    packet(_i == 0 ? 2 : 3, reply_bodies[_i], &p, &n);
    struct sq_conacc acc;
    for (size_t len = 0; len < n; len++)
        ck_assert_int_eq(sq_login_parse_reply(p, len, &acc), SQ_RC_NEED_MORE);
    ck_assert_int_eq(sq_login_parse_reply(p, n, &acc), SQ_RC_OK);
    for (size_t len = 6; len < n; len++) {
        uint8_t *q = malloc(len);
        ck_assert_ptr_nonnull(q);
        memcpy(q, p, len);
        q[0] = (uint8_t)(len >> 8);
        q[1] = (uint8_t)len;
        enum sq_rc rc = sq_login_parse_reply(q, len, &acc);
        if (_i == 0)
            ck_assert(rc == SQ_RC_PROTOCOL || (rc == SQ_RC_OK && acc.has_status));
        else
            ck_assert(rc == SQ_RC_OK);
        free(q);
    }
    sq_free(p);
}
END_TEST

static Suite *login_suite(void)
{
    Suite *s = suite_create("sq_login");
    TCase *tc = tcase_create("login");
    tcase_add_test(tc, conreq_matches_doc_example);
    tcase_add_test(tc, conreq_appends_extra_env);
    tcase_add_test(tc, conacc_parses_doc_accept);
    tcase_add_test(tc, conrej_reads_svc_error_at_marker_plus_8);
    tcase_add_test(tc, conacc_type2_with_svc_error_reports_it);
    tcase_add_test(tc, conrej_odd_shape_still_finds_status);
    tcase_add_test(tc, redirect_is_reported_as_type_13);
    tcase_add_test(tc, unknown_sl_type_or_bad_size_is_protocol);
    tcase_add_loop_test(tc, every_truncation_is_need_more_or_clean, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(login_suite());
}
