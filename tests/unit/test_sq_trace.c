/* SPDX-License-Identifier: MIT */
/* test_sq_trace.c - protocol trace line formatters: opcode names and key
 * fields, hex on request, bounded output at every buffer size, and the login
 * line never carrying the password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ck_util.h"
#include "sq_conn.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_trace.h"

START_TEST(fmt_out_group)
{
    /* SQ_EXIT alone (PROTOCOL.md: bare 00 38). */
    static const uint8_t exitmsg[] = {0x00, 0x38};
    char buf[256];
    size_t n = sq_trace_fmt_out(buf, sizeof buf, exitmsg, sizeof exitmsg, true);
    ck_assert_str_eq(buf, "C->S SQ_EXIT group bytes=2 (disconnect) | 00 38");
    ck_assert_uint_eq(n, strlen(buf));
    static const uint8_t eot[] = {0x00, 0x0C};
    sq_trace_fmt_out(buf, sizeof buf, eot, sizeof eot, false);
    ck_assert_str_eq(buf, "C->S SQ_EOT group bytes=2");
}
END_TEST

START_TEST(fmt_in_fields)
{
    char buf[512];
    struct sq_msg m;
    memset(&m, 0, sizeof m);
    m.op = SQ_ERR;
    m.u.err.sqlcode = -206;
    m.u.err.isam = -111;
    m.u.err.text = (const uint8_t *)"nosuch";
    m.u.err.text_len = 6;
    static const uint8_t bytes[] = {0x00, 0x0D, 0xFF, 0x32};
    sq_trace_fmt_in(buf, sizeof buf, &m, bytes, sizeof bytes, true);
    ck_assert_str_eq(buf, "S->C SQ_ERR bytes=4 sqlcode=-206 isam=-111 offset=0 text=\"nosuch\" "
                          "| 00 0D FF 32");
    memset(&m, 0, sizeof m);
    m.op = SQ_DONE;
    m.u.done.rows = 3;
    sq_trace_fmt_in(buf, sizeof buf, &m, bytes, 2, false);
    ck_assert_str_eq(buf, "S->C SQ_DONE bytes=2 warnings=0x0000 rows=3 rowid=0 serial=0");
}
END_TEST

/* Every buffer size: NUL-terminated, never longer than cap - 1. */
START_TEST(fmt_bounded)
{
    uint8_t big[300];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)i;
    big[0] = 0x00;
    big[1] = 0x02;
    char buf[1200];
    for (size_t cap = 1; cap < sizeof buf; cap += 7) {
        memset(buf, 'x', sizeof buf);
        size_t n = sq_trace_fmt_out(buf, cap, big, sizeof big, true);
        ck_assert_uint_lt(n, cap);
        ck_assert_uint_eq(strlen(buf), n);
    }
    ck_assert_uint_eq(sq_trace_fmt_out(buf, 0, big, sizeof big, true), 0);
}
END_TEST

START_TEST(login_redacted)
{
    char path[] = "/tmp/test_sq_trace_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    struct sq_trace *t = sq_trace_open(path);
    ck_assert_ptr_nonnull(t);
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    cfg.service = "9088";
    cfg.user = "informix";
    cfg.password = "hunter2";
    sq_trace_login(t, &cfg, 300);
    static const uint8_t conreq[] = {'h', 'u', 'n', 't', 'e', 'r', '2'};
    sq_trace_out(t, conreq, sizeof conreq); /* the login bytes: skipped */
    static const uint8_t eot[] = {0x00, 0x0C};
    sq_trace_out(t, eot, sizeof eot);
    sq_trace_close(t);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char text[2048];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    unlink(path);
    ck_assert_ptr_nonnull(strstr(text, "C->S CONREQ bytes=300 host=localhost service=9088"));
    ck_assert_ptr_nonnull(strstr(text, "password=<redacted>\n"));
    ck_assert_ptr_nonnull(strstr(text, "C->S SQ_EOT group bytes=2\n"));
    ck_assert_ptr_null(strstr(text, "hunter2"));
    /* No path, no environment: off. */
    unsetenv("IFXODBC_TRACE");
    ck_assert_ptr_null(sq_trace_open(NULL));
    ck_assert_ptr_null(sq_trace_open("/nonexistent-dir/x"));
    sq_trace_close(NULL);
}
END_TEST

/* A request group is traced message by message (issue #9): sizes of the
 * messages the core sends, PREPARE with a u16 or a u32 (big_sql) length,
 * and a message that cannot be sized (BIND) taking the rest. */
START_TEST(fmt_req_split)
{
    char buf[512];
    size_t used = 0;
    /* PREPARE nparams=1, u16 len 3 "A?B" + pad, NDESCRIBE, WANTDONE, EOT */
    static const uint8_t g16[] = {0x00, 0x02, 0x00, 0x01, 0x00, 0x03, 'A',  '?',
                                  'B',  0x00, 0x00, 0x16, 0x00, 0x31, 0x00, 0x0C};
    sq_trace_fmt_req(buf, sizeof buf, g16, sizeof g16, &used);
    ck_assert_str_eq(buf, "C->S   SQ_PREPARE nparams=1 sql_len=3 text=\"A?B\"");
    ck_assert_uint_eq(used, 10);
    sq_trace_fmt_req(buf, sizeof buf, g16 + 10, sizeof g16 - 10, &used);
    ck_assert_str_eq(buf, "C->S   SQ_NDESCRIBE");
    ck_assert_uint_eq(used, 2);
    /* the same with a u32 length */
    static const uint8_t g32[] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
                                  'X',  'Y',  0x00, 0x16, 0x00, 0x31, 0x00, 0x0C};
    sq_trace_fmt_req(buf, sizeof buf, g32, sizeof g32, &used);
    ck_assert_str_eq(buf, "C->S   SQ_PREPARE nparams=0 sql_len=2 text=\"XY\"");
    ck_assert_uint_eq(used, 10);
    /* ID, NFETCH, SFETCH, DBOPEN */
    static const uint8_t g2[] = {0x00, 0x04, 0x12, 0x34, 0x00, 0x09, 0x00, 0x00,
                                 0x10, 0x00, 0x00, 0x00, 0x00, 0x24, 0x00, 0x03,
                                 'd',  'b',  '1',  0x00, 0x00, 0x00, 0x00, 0x0C};
    sq_trace_fmt_req(buf, sizeof buf, g2, sizeof g2, &used);
    ck_assert_str_eq(buf, "C->S   SQ_ID id=4660");
    ck_assert_uint_eq(used, 4);
    sq_trace_fmt_req(buf, sizeof buf, g2 + 4, sizeof g2 - 4, &used);
    ck_assert_str_eq(buf, "C->S   SQ_NFETCH bufsize=4096");
    ck_assert_uint_eq(used, 8);
    sq_trace_fmt_req(buf, sizeof buf, g2 + 12, sizeof g2 - 12, &used);
    ck_assert_str_eq(buf, "C->S   SQ_DBOPEN name=\"db1\"");
    ck_assert_uint_eq(used, 10);
    /* BIND: values are not decoded; the rest of the group is one line */
    static const uint8_t gb[] = {0x00, 0x05, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0C};
    sq_trace_fmt_req(buf, sizeof buf, gb, sizeof gb, &used);
    ck_assert_str_eq(buf, "C->S   SQ_BIND count=1 (+8 bytes, not split further)");
    ck_assert_uint_eq(used, sizeof gb);
    /* truncated PREPARE: no overrun, the rest taken */
    sq_trace_fmt_req(buf, sizeof buf, g16, 7, &used);
    ck_assert_uint_eq(used, 7);
    for (size_t n = 0; n < sizeof g16; n++)
        for (size_t cap = 0; cap < 40; cap++) {
            char small[40];
            size_t len = sq_trace_fmt_req(small, cap, g16, n, &used);
            ck_assert(cap == 0 || len < cap);
            ck_assert_uint_le(used, n);
        }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sq_trace");
    TCase *tc = tcase_create("trace");
    tcase_add_test(tc, fmt_out_group);
    tcase_add_test(tc, fmt_in_fields);
    tcase_add_test(tc, fmt_bounded);
    tcase_add_test(tc, login_redacted);
    tcase_add_test(tc, fmt_req_split);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
