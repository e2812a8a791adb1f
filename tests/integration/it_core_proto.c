/* SPDX-License-Identifier: MIT */
/* it_core_proto.c - the core client against ifxlite's alternative profiles
 * and fault plans: the all-zero SQ_PROTOCOLS grant (legacy DESCRIBE, u16 SQL
 * length and error offset, i32 DONE, 10-byte INSERTDONE), INSERTDONE only when
 * generated, and broken servers (drop mid-tuple, garbage opcode, truncated
 * DESCRIBE, stall past the I/O timeout, SQ_ERR mid-fetch, close after login),
 * plus sq_conn_interrupt() from another thread. One ifxlite per test. */
#include <pthread.h>
#include <time.h>

#include "it_core.h"
#include "sq_types.h"

static void start(const char *const *args)
{
    ck_assert_msg(it_server_start(&it_srv, args), "cannot start ifxlite");
}

START_TEST(zero_mask_profile_uses_the_narrow_layouts)
{
    const char *args[] = {"--profile", "proto=zero", NULL};
    start(args);
    struct sq_conn *c = it_connect("testdb");
    const struct sq_caps *caps = sq_conn_caps(c);
    ck_assert(!caps->ext_describe && !caps->big_sql && !caps->long_rowid);
    it_exec(c, "CREATE TABLE z_t (id SERIAL8, name VARCHAR(20), d DECIMAL(8,2), "
               "ts DATETIME YEAR TO SECOND)");
    struct sq_done d;
    const char *ins =
        "INSERT INTO z_t (name, d, ts) VALUES ('abc', 1234.56, '2024-06-15 12:34:56')";
    ck_assert_int_eq(sq_conn_exec(c, ins, strlen(ins), &d), SQ_RC_OK);
    ck_assert_int_eq(d.rows, 1);
    ck_assert(d.has_insertdone);
    ck_assert_int_eq(d.serial8, 1);
    char out[256];
    ck_assert_int_eq(it_query(c, "SELECT id, name, d, ts FROM z_t", out, sizeof out), 1);
    ck_assert_str_eq(out, "1|abc|1234.56|2024-06-15 12:34:56\n");
    it_exec_err(c, "SELECT * FROM nosuchtable", -206);
    ck_assert_str_eq(sq_conn_server_error(c)->text, "nosuchtable");
    sq_conn_free(c);
    it_server_stop(&it_srv);
}
END_TEST

START_TEST(insertdone_only_when_generated)
{
    const char *args[] = {"--profile", "insertdone=generated", NULL};
    start(args);
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE g_t (v INTEGER)");
    it_exec(c, "CREATE TABLE g8_t (id SERIAL8, v INTEGER)");
    struct sq_done d;
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO g_t VALUES (1)", 26, &d), SQ_RC_OK);
    ck_assert(!d.has_insertdone);
    ck_assert_int_eq(d.rows, 1);
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO g8_t (v) VALUES (1)", 31, &d), SQ_RC_OK);
    ck_assert(d.has_insertdone);
    ck_assert_int_eq(d.serial8, 1);
    sq_conn_free(c);
    it_server_stop(&it_srv);
}
END_TEST

/* Open a SELECT over a few rows and fetch to the end; the result code. */
static enum sq_rc select_all(struct sq_conn *c)
{
    struct sq_stmt *st;
    enum sq_rc rc = sq_stmt_prepare(c, "SELECT tabname FROM systables", 29, &st);
    if (rc != SQ_RC_OK)
        return rc;
    rc = sq_stmt_open(st, NULL, 0, 0);
    while (rc == SQ_RC_OK) {
        const struct sq_row *row;
        rc = sq_stmt_fetch(st, &row);
    }
    sq_stmt_free(st);
    return rc == SQ_RC_NO_DATA ? SQ_RC_OK : rc;
}

/* The connect itself runs the database-kind query (prepare, open + fetch,
 * close, release) right after DBOPEN, so each fault plan hits it there. */
struct fault_case {
    const char *plan;
    enum sq_rc want; /* from sq_conn_connect */
};

static const struct fault_case faults[] = {
    {"drop-mid-tuple", SQ_RC_IO},     {"garbage-opcode", SQ_RC_PROTOCOL},
    {"truncate-describe", SQ_RC_IO},  {"close-after-login", SQ_RC_IO},
    {"reject-login", SQ_RC_REJECTED}, {"stall:3000", SQ_RC_TIMEOUT},
};

START_TEST(fault_plans_give_clean_errors)
{
    const struct fault_case *f = &faults[_i];
    const char *args[] = {"--fault", f->plan, NULL};
    start(args);
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.io_timeout_ms = 500;
    struct sq_conn *c = sq_conn_new();
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    ck_assert_msg(rc == f->want, "%s: got %s (%s)", f->plan, sq_rc_name(rc), sq_conn_errmsg(c));
    ck_assert(sq_conn_is_broken(c));
    ck_assert_int_ne(sq_conn_errmsg(c)[0], '\0');
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1 FROM systables", 23, &st), SQ_RC_BROKEN);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_BROKEN);
    sq_conn_close(c);
    sq_conn_free(c);
    it_server_stop(&it_srv);
}
END_TEST

/* The error hits the kind query of the 2nd connection (which the connect
 * tolerates: kind unknown); the connection stays usable. */
START_TEST(error_mid_fetch_keeps_the_connection)
{
    const char *args[] = {"--fault", "err-mid-fetch:2", NULL};
    start(args);
    struct sq_conn *c = it_connect("testdb");
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_LOGGED);
    sq_conn_free(c);
    c = it_connect("testdb");
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_UNKNOWN);
    ck_assert_int_eq(select_all(c), SQ_RC_OK);
    it_exec(c, "CREATE TABLE m_t (v INTEGER)");
    it_exec(c, "INSERT INTO m_t VALUES (1)");
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM m_t"), 1);
    sq_conn_free(c);
    it_server_stop(&it_srv);
}
END_TEST

static void *interrupter(void *arg)
{
    struct timespec ts = {0, 200 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sq_conn_interrupt(arg);
    return NULL;
}

/* ifxlite stalls every reply after login, so the connect blocks in session
 * setup; another thread interrupts it. */
START_TEST(interrupt_from_another_thread_cancels)
{
    const char *args[] = {"--fault", "stall:5000", NULL};
    start(args);
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.io_timeout_ms = 0;
    struct sq_conn *c = sq_conn_new();
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, interrupter, c), 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_CANCELLED);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    pthread_join(th, NULL);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_msg(secs < 3.0, "interrupt took %.2f s", secs);
    ck_assert(sq_conn_is_broken(c));
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1 FROM systables", 23, &st), SQ_RC_BROKEN);
    sq_conn_free(c);
    it_server_stop(&it_srv);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_proto");
    TCase *tc = tcase_create("proto");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, zero_mask_profile_uses_the_narrow_layouts);
    tcase_add_test(tc, insertdone_only_when_generated);
    tcase_add_loop_test(tc, fault_plans_give_clean_errors, 0,
                        (int)(sizeof faults / sizeof faults[0]));
    tcase_add_test(tc, error_mid_fetch_keeps_the_connection);
    tcase_add_test(tc, interrupt_from_another_thread_cancels);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
