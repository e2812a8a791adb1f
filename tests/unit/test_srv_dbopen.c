/* SPDX-License-Identifier: MIT */
/* test_srv_dbopen.c - opening a database while other sessions of the same
 * database write and close must never report -329 for a database that
 * exists (SQLite BUSY during the WAL checkpoint of a closing connection). */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "srv_sql.h"

static struct srv_engine *eng;
static char dir[64];
static atomic_bool stop;

static void setup(void)
{
    struct srv_err err;
    snprintf(dir, sizeof dir, "/tmp/ifxlite-dbopen-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    eng = srv_engine_new(dir, &err);
    ck_assert_ptr_nonnull(eng);
    ck_assert_int_eq(srv_engine_create_db(eng, "testdb", SRV_DB_LOGGED, &err), 0);
}

static void teardown(void)
{
    srv_engine_free(eng);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static int run(struct srv_session *s, const char *sql)
{
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    struct srv_exec_result res;
    int rc = srv_stmt_execute(st, &res, &err);
    srv_stmt_free(st);
    return rc < 0 ? err.sqlcode : 0;
}

/* A writer that keeps opening the database, writing, and closing (each close
 * of the last connection checkpoints the WAL). */
static void *churn(void *arg)
{
    (void)arg;
    int id = 1000;
    while (!atomic_load(&stop)) {
        struct srv_err err;
        struct srv_session *s = srv_session_new(eng, id++, "informix");
        if (s && srv_session_dbopen(s, "testdb", &err) == 0) {
            (void)run(s, "INSERT INTO t VALUES (1)"); /* errors here are not the point */
        }
        srv_session_free(s);
    }
    return NULL;
}

START_TEST(dbopen_during_concurrent_close_finds_the_database)
{
    struct srv_err err;
    struct srv_session *s0 = srv_session_new(eng, 1, "informix");
    ck_assert_int_eq(srv_session_dbopen(s0, "testdb", &err), 0);
    ck_assert_int_eq(run(s0, "CREATE TABLE t (i INTEGER)"), 0);
    srv_session_free(s0);

    pthread_t th;
    atomic_store(&stop, false);
    ck_assert_int_eq(pthread_create(&th, NULL, churn, NULL), 0);
    int failures = 0, last = 0;
    for (int i = 0; i < 400; i++) {
        struct srv_session *s = srv_session_new(eng, 2 + i, "informix");
        ck_assert_ptr_nonnull(s);
        if (srv_session_dbopen(s, "testdb", &err) != 0) {
            failures++;
            last = err.sqlcode;
        }
        srv_session_free(s);
    }
    atomic_store(&stop, true);
    pthread_join(th, NULL);
    ck_assert_msg(failures == 0, "%d of 400 opens failed (last sqlcode %d)", failures, last);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("srv_dbopen");
    TCase *tc = tcase_create("concurrency");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, dbopen_during_concurrent_close_finds_the_database);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
