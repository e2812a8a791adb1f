/* SPDX-License-Identifier: MIT */
/* it_core_trace.c - protocol trace (sq_trace.h) of a real session against
 * ifxlite: the file has one line per message with the expected opcodes and
 * fields, never the password; IFXODBC_TRACE enables it too; an unwritable
 * trace path does not stop the connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "it_core.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void session(const char *trace_file, const char *password, const char *table)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.password = password;
    cfg.trace_file = trace_file;
    struct sq_conn *c = sq_conn_new();
    ck_assert_ptr_nonnull(c);
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    ck_assert_msg(rc == SQ_RC_OK, "connect: %s", sq_conn_errmsg(c));
    char sql[128];
    snprintf(sql, sizeof sql, "CREATE TABLE %s (a INT)", table);
    it_exec(c, sql);
    snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (7)", table);
    it_exec(c, sql);
    it_exec_err(c, "SELECT * FROM no_such_table", -206);
    sq_conn_close(c);
    sq_conn_free(c);
}

START_TEST(trace_session)
{
    char path[] = "/tmp/it_trace_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    unsetenv("IFXODBC_TRACE_HEX");
    session(path, "secret", "tr1");
    const char *t = slurp(path);
    ck_assert_ptr_nonnull(strstr(t, "C->S CONREQ "));
    ck_assert_ptr_nonnull(strstr(t, "user=informix"));
    ck_assert_ptr_nonnull(strstr(t, "password=<redacted>"));
    ck_assert_ptr_nonnull(strstr(t, "S->C CONACC "));
    ck_assert_ptr_nonnull(strstr(t, "C->S SQ_PROTOCOLS "));
    ck_assert_ptr_nonnull(strstr(t, "S->C SQ_DONE "));
    ck_assert_ptr_nonnull(strstr(t, "rows=1"));
    ck_assert_ptr_nonnull(strstr(t, "S->C SQ_ERR bytes="));
    ck_assert_ptr_nonnull(strstr(t, "sqlcode=-206"));
    ck_assert_ptr_nonnull(strstr(t, "S->C SQ_EOT"));
    ck_assert_ptr_nonnull(strstr(t, "C->S SQ_EXIT"));
    ck_assert_ptr_null(strstr(t, "secret"));
    ck_assert_ptr_null(strstr(t, " | ")); /* no hex unless asked */
    ck_assert_uint_ge(count_lines(t), 12);
    unlink(path);
}
END_TEST

/* IFXODBC_TRACE + IFXODBC_TRACE_HEX: hex of every message, still no password
 * (neither as text nor as hex bytes). */
START_TEST(trace_env_hex)
{
    char path[] = "/tmp/it_trace_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    setenv("IFXODBC_TRACE", path, 1);
    setenv("IFXODBC_TRACE_HEX", "1", 1);
    session(NULL, "secret", "tr2");
    unsetenv("IFXODBC_TRACE");
    unsetenv("IFXODBC_TRACE_HEX");
    const char *t = slurp(path);
    ck_assert_ptr_nonnull(strstr(t, "password=<redacted>"));
    ck_assert_ptr_nonnull(strstr(t, "C->S SQ_EXIT group bytes=2 (disconnect) | 00 38"));
    ck_assert_ptr_null(strstr(t, "secret"));
    /* "secret" in hex, as the CONREQ would carry it. */
    ck_assert_ptr_null(strstr(t, "73 65 63 72 65 74"));
    ck_assert_ptr_nonnull(strstr(t, "S->C SQ_EOT bytes=2 | 00 0C"));
    unlink(path);
}
END_TEST

START_TEST(trace_unwritable)
{
    session("/nonexistent-dir/trace.log", "secret", "tr3");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("core_trace");
    TCase *tc = tcase_create("trace");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, trace_session);
    tcase_add_test(tc, trace_env_hex);
    tcase_add_test(tc, trace_unwritable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
