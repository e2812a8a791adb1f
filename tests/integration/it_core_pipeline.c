/* SPDX-License-Identifier: MIT */
/* it_core_pipeline.c - pipelined execution, NFETCH prefetch and the per-call
 * deadline of the core against a real ifxlite: a 10,000-set array insert with
 * a duplicate key in the middle (only that set fails), a 100,000-row fetch
 * closed in the middle and followed by another query on the connection, a
 * prefetch drained by another statement, and sq_conn_set_deadline against
 * ifxlite's --fault stall:MS (SQ_RC_TIMEOUT, connection broken). */
#include <time.h>

#include "it_core.h"
#include "sq_transport.h"
#include "sq_types.h"

#define NSETS 10000
#define DUP_AT 5000

static struct sq_param p_int(int64_t v)
{
    struct sq_param p = {0};
    p.type = SQ_T_INTEGER;
    p.prec = 0x0A00;
    p.u.i = v;
    return p;
}

START_TEST(array_insert_with_duplicate_in_the_middle)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE pi_t (id INTEGER NOT NULL, v INTEGER)");
    it_exec(c, "CREATE UNIQUE INDEX pi_t_ix ON pi_t (id)");
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
    struct sq_stmt *st;
    const char *sql = "INSERT INTO pi_t VALUES (?, ?)";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    struct sq_param *sets = calloc(NSETS * 2, sizeof *sets);
    struct sq_exec_status *out = calloc(NSETS, sizeof *out);
    ck_assert(sets && out);
    for (int i = 0; i < NSETS; i++) {
        /* set DUP_AT repeats the key of set 10 */
        sets[2 * i] = p_int(i == DUP_AT ? 10 : i);
        sets[2 * i + 1] = p_int(i * 3);
    }
    uint64_t rt = sq_conn_round_trips(c);
    ck_assert_int_eq(sq_stmt_execute_many(st, sets, NSETS, 2, 0, out), SQ_RC_OK);
    ck_assert_uint_eq(sq_conn_round_trips(c) - rt, NSETS);
    for (int i = 0; i < NSETS; i++) {
        if (i == DUP_AT) {
            ck_assert_int_eq(out[i].rc, SQ_RC_SERVER);
            ck_assert_int_eq(out[i].sqlcode, -239);
        } else {
            ck_assert_msg(out[i].rc == SQ_RC_OK && out[i].rows == 1, "set %d: %s rows %lld", i,
                          sq_rc_name(out[i].rc), (long long)out[i].rows);
        }
    }
    ck_assert(!sq_conn_is_broken(c));
    sq_stmt_free(st);
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pi_t"), NSETS - 1);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pi_t WHERE v = 3 * id"), NSETS - 1);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pi_t WHERE id = 5000"), 0);
    free(sets);
    free(out);
    sq_conn_free(c);
}
END_TEST

/* Depth 1 gives the same outcome. */
START_TEST(array_insert_depth_one)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE pi_1 (id INTEGER NOT NULL)");
    it_exec(c, "CREATE UNIQUE INDEX pi_1_ix ON pi_1 (id)");
    struct sq_stmt *st;
    const char *sql = "INSERT INTO pi_1 VALUES (?)";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    struct sq_param sets[50];
    struct sq_exec_status out[50];
    for (int i = 0; i < 50; i++)
        sets[i] = p_int(i == 20 ? 3 : i);
    ck_assert_int_eq(sq_stmt_execute_many(st, sets, 50, 1, 1, out), SQ_RC_OK);
    for (int i = 0; i < 50; i++)
        ck_assert_int_eq(out[i].rc, i == 20 ? SQ_RC_SERVER : SQ_RC_OK);
    sq_stmt_free(st);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pi_1"), 49);
    sq_conn_free(c);
}
END_TEST

static void make_big(struct sq_conn *c, const char *table, int n)
{
    char sql[256];
    snprintf(sql, sizeof sql, "CREATE TABLE %s (id INTEGER, name VARCHAR(20))", table);
    it_exec(c, sql);
    snprintf(sql, sizeof sql,
             "INSERT INTO %s WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r "
             "WHERE x < %d) SELECT x, 'row' || x FROM r",
             table, n);
    enum sq_rc rc = sq_conn_exec(c, sql, strlen(sql), NULL);
    if (rc != SQ_RC_OK) {
        /* no CTE: insert in a pipelined array instead */
        snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (?, 'row')", table);
        struct sq_stmt *st;
        ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
        struct sq_param *sets = calloc((size_t)n, sizeof *sets);
        struct sq_exec_status *out = calloc((size_t)n, sizeof *out);
        ck_assert(sets && out);
        for (int i = 0; i < n; i++)
            sets[i] = p_int(i + 1);
        ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
        ck_assert_int_eq(sq_stmt_execute_many(st, sets, (size_t)n, 1, 0, out), SQ_RC_OK);
        ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);
        sq_stmt_free(st);
        free(sets);
        free(out);
    }
}

START_TEST(fetch_100k_close_in_the_middle_then_another_query)
{
    struct sq_conn *c = it_connect("testdb");
    make_big(c, "pf_t", 100000);
    struct sq_stmt *st;
    const char *sql = "SELECT id, name FROM pf_t ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    /* all rows, in order, with the prefetch */
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    long n = 0;
    long long sum = 0;
    for (;;) {
        const struct sq_row *row;
        enum sq_rc rc = sq_stmt_fetch(st, &row);
        if (rc == SQ_RC_NO_DATA)
            break;
        ck_assert_msg(rc == SQ_RC_OK, "%s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
        struct sq_value v;
        ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
        ck_assert_int_eq(v.u.i, n + 1);
        sum += v.u.i;
        n++;
    }
    ck_assert_int_eq(n, 100000);
    ck_assert_int_eq(sum, 100000LL * 100001 / 2);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 100000);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    /* again, closed in the middle with a prefetch outstanding */
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    for (long i = 0; i < 50000; i++) {
        const struct sq_row *row;
        ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
    }
    uint64_t fr = sq_conn_fetch_round_trips(c);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    ck_assert_uint_eq(sq_conn_fetch_round_trips(c), fr);
    ck_assert(!sq_conn_is_broken(c));
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pf_t WHERE id > 99990"), 10);
    /* a prefetch drained by another statement: rows kept, in order */
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    for (long i = 1; i <= 100000; i++) {
        const struct sq_row *row;
        ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_OK);
        struct sq_value v;
        ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
        ck_assert_int_eq(v.u.i, i);
        if (i % 20000 == 7)
            ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM pf_t WHERE id <= 3"), 3);
    }
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    sq_stmt_free(st);
    sq_conn_free(c);
}
END_TEST

/* --fault stall:400: every reply after login waits 400 ms. A 150 ms deadline
 * ends the call with TIMEOUT and breaks the connection. */
START_TEST(deadline_times_out_on_a_stalled_server)
{
    struct it_server slow;
    const char *args[] = {"--fault", "stall:400", NULL};
    ck_assert(it_server_start(&slow, args));
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, NULL);
    cfg.service = slow.port_str;
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_OK);
    /* a generous deadline lets a call through */
    sq_conn_set_deadline(c, 5000);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_SERVER); /* no database open */
    ck_assert(!sq_conn_is_broken(c));
    sq_conn_set_deadline(c, 150);
    int64_t t0 = sq_time_ms();
    enum sq_rc rc = sq_conn_exec(c, "SELECT 1 FROM systables", 23, NULL);
    int64_t took = sq_time_ms() - t0;
    ck_assert_msg(rc == SQ_RC_TIMEOUT, "%s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
    ck_assert_msg(took >= 140 && took < 390, "took %lld ms", (long long)took);
    ck_assert(sq_conn_is_broken(c));
    sq_conn_set_deadline(c, 0);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_BROKEN);
    sq_conn_free(c);
    it_server_stop(&slow);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_pipeline");
    TCase *tc = tcase_create("pipeline");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, array_insert_with_duplicate_in_the_middle);
    tcase_add_test(tc, array_insert_depth_one);
    tcase_add_test(tc, fetch_100k_close_in_the_middle_then_another_query);
    tcase_add_test(tc, deadline_times_out_on_a_stalled_server);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
