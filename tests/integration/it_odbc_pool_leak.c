/* SPDX-License-Identifier: MIT */
/* it_odbc_pool_leak.c - server-side resources through the real driver
 * manager, counted by ifxlite itself (sysmaster:syssessions and
 * sysmaster:ifxlite_cursors, server/srv_stats.h): a statement's server
 * statement and cursor are released when the statement is freed, re-prepared,
 * closed (SQLCloseCursor, SQLFreeStmt CLOSE/DROP) or its connection closes;
 * a long-running pooled application (Pooling=Yes) ends with the server's
 * statement and cursor counts back at their baseline. Also measures cold
 * connect against pooled checkout. IFX_THREADS_FULL=1 runs more checkouts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"
#include "srv_counts.h"

static struct odbc_test_env g_env;
static SQLHENV g_henv, g_monenv;
static SQLHDBC g_mon;
static long g_monsid;

static bool full_scale(void)
{
    const char *f = getenv("IFX_THREADS_FULL");
    return f && f[0] == '1';
}

static SQLHENV new_env(void)
{
    SQLHENV e;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &e), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(e, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    return e;
}

static SQLHDBC connect_on(SQLHENV env, const char *connstr)
{
    SQLHDBC d;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &d), SQL_SUCCESS);
    SQLRETURN rc = SQLDriverConnect(d, NULL, (SQLCHAR *)(uintptr_t)connstr, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, d);
    ck_assert(SQL_SUCCEEDED(rc));
    return d;
}

static void release(SQLHDBC d)
{
    ck_assert_int_eq(SQLDisconnect(d), SQL_SUCCESS);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DBC, d), SQL_SUCCESS);
}

static void setup(bool pool)
{
    ck_assert_msg(odbc_test_env_start(&g_env, NULL), "test environment");
    if (pool)
        ck_assert(odbc_test_write_pool_ini(&g_env, NULL));
    g_henv = new_env();
    /* The monitor: its own environment and pool key, never handed to the app. */
    g_monenv = new_env();
    g_mon = connect_on(g_monenv, "DSN=ifxtest;UID=informix;Description=monitor;");
    g_monsid = srv_counts_sid(g_mon);
    ck_assert_int_gt(g_monsid, 0);
}

static void setup_plain(void)
{
    setup(false);
}

static void setup_pool(void)
{
    setup(true);
}

static void teardown(void)
{
    SQLDisconnect(g_mon);
    SQLFreeHandle(SQL_HANDLE_DBC, g_mon);
    SQLFreeHandle(SQL_HANDLE_ENV, g_monenv);
    SQLFreeHandle(SQL_HANDLE_ENV, g_henv);
    odbc_test_env_stop(&g_env);
}

static void expect_of(long sid, long stmts, long cursors)
{
    long s = -1, c = -1;
    ck_assert(srv_counts_of(g_mon, sid, &s, &c));
    ck_assert_msg(s == stmts && c == cursors, "session %ld: %ld statements, %ld cursors; want %ld, %ld",
                  sid, s, c, stmts, cursors);
}

static void exec_ok(SQLHSTMT st, const char *sql)
{
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s", sql);
}

/* Every way an application ends a statement or a cursor releases it on the server. */
START_TEST(statements_released_on_server)
{
    SQLHDBC d = connect_on(g_henv, "DSN=ifxtest;");
    long sid = srv_counts_sid(d);
    ck_assert_int_gt(sid, 0);
    expect_of(sid, 0, 0);

    /* sysmaster:syssessions has one row for it, with the login's user. */
    char q[160];
    long n = -1;
    snprintf(q, sizeof q,
             "SELECT COUNT(*) FROM sysmaster:syssessions WHERE sid = %ld AND username = 'informix'",
             sid);
    ck_assert(srv_counts_query(g_mon, q, &n));
    ck_assert_int_eq(n, 1);

    SQLHSTMT st, st2;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    expect_of(sid, 1, 0); /* prepared, no cursor yet */
    ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    expect_of(sid, 1, 1);
    ck_assert_int_eq(SQLCloseCursor(st), SQL_SUCCESS);
    expect_of(sid, 1, 0); /* SQLCloseCursor: cursor closed, statement kept */
    ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS);
    expect_of(sid, 1, 0); /* SQLFreeStmt(CLOSE) */
    ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    /* Re-prepare with the cursor open: the old statement and cursor go. */
    ck_assert_int_eq(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS);
    ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)"SELECT tabname FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    expect_of(sid, 1, 0);
    /* ExecDirect over an executed statement replaces it too. */
    exec_ok(st, "SELECT tabid, tabname FROM systables");
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    expect_of(sid, 1, 1);

    /* A second statement, dropped with its cursor open. */
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st2), SQL_SUCCESS);
    exec_ok(st2, "SELECT colname FROM syscolumns");
    ck_assert_int_eq(SQLFetch(st2), SQL_SUCCESS);
    expect_of(sid, 2, 2);
    ck_assert_int_eq(SQLFreeStmt(st2, SQL_DROP), SQL_SUCCESS);
    expect_of(sid, 1, 1);
    /* A statement that returns no rows keeps nothing open. */
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st2), SQL_SUCCESS);
    exec_ok(st2, "CREATE TEMP TABLE tmp_leak (a INT)");
    exec_ok(st2, "INSERT INTO tmp_leak VALUES (1)");
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st2), SQL_SUCCESS);
    expect_of(sid, 1, 1);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
    expect_of(sid, 0, 0);

    /* Many short-lived statements: nothing accumulates. */
    for (int i = 0; i < 300; i++) {
        ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st), SQL_SUCCESS);
        exec_ok(st, i % 2 ? "SELECT tabid FROM systables" : "SELECT colno FROM syscolumns");
        ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
        if (i % 3 == 0)
            ck_assert_int_eq(SQLCloseCursor(st), SQL_SUCCESS);
        ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
    }
    expect_of(sid, 0, 0);

    /* Disconnect with statements and cursors open: the session goes. */
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st), SQL_SUCCESS);
    exec_ok(st, "SELECT tabid FROM systables");
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st2), SQL_SUCCESS);
    ck_assert_int_eq(SQLPrepare(st2, (SQLCHAR *)"SELECT 1 FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    expect_of(sid, 2, 1);
    release(d);
    struct srv_counts want = {0, 0, 0}, got = {-1, -1, -1};
    ck_assert_msg(srv_counts_settle(g_mon, g_monsid, &want, 3000, &got),
                  "after disconnect: %ld sessions, %ld statements, %ld cursors", got.sessions,
                  got.stmts, got.cursors);
}
END_TEST

/* A long-running pooled application: every checkout uses statements in a
 * different way (some leave cursors open, which makes the connection dirty
 * so the DM discards it); at the end the server holds no statement or cursor
 * of it, and no more sessions than the pool keeps. */
START_TEST(pooled_app_does_not_leak)
{
    long iters = full_scale() ? 20000 : 1500;
    struct srv_counts got = {-1, -1, -1}, base;
    ck_assert(srv_counts_get(g_mon, g_monsid, &base));
    ck_assert_int_eq(base.sessions, 0);
    long sids_changed = 0, last_sid = -1;
    for (long i = 0; i < iters; i++) {
        SQLHDBC d = connect_on(g_henv, "DSN=ifxtest;");
        SQLHSTMT st, st2;
        ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st), SQL_SUCCESS);
        switch (i % 6) {
        case 0: /* prepare, execute, fetch all, drop */
            ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)"SELECT tabid FROM systables WHERE tabid < 5",
                                        SQL_NTS),
                             SQL_SUCCESS);
            ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
            while (SQLFetch(st) == SQL_SUCCESS)
                ;
            break;
        case 1: /* partial fetch, SQLCloseCursor, re-prepare, execute */
            exec_ok(st, "SELECT tabname FROM systables");
            ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
            ck_assert_int_eq(SQLCloseCursor(st), SQL_SUCCESS);
            ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                             SQL_SUCCESS);
            ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
            ck_assert_int_eq(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS);
            break;
        case 2: /* cursor left open at disconnect: dirty, evicted */
            exec_ok(st, "SELECT tabid FROM systables");
            ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
            break;
        case 3: /* two statements, one only prepared */
            ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d, &st2), SQL_SUCCESS);
            ck_assert_int_eq(SQLPrepare(st2, (SQLCHAR *)"SELECT 1 FROM systables", SQL_NTS),
                             SQL_SUCCESS);
            exec_ok(st, "SELECT COUNT(*) FROM systables");
            ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
            ck_assert_int_eq(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS);
            ck_assert_int_eq(SQLFreeStmt(st2, SQL_DROP), SQL_SUCCESS);
            break;
        case 4: /* autocommit changed: dirty, evicted */
            ck_assert_int_eq(SQLSetConnectAttr(d, SQL_ATTR_AUTOCOMMIT,
                                               (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                             SQL_SUCCESS);
            exec_ok(st, "SELECT tabid FROM systables WHERE tabid = 1");
            ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
            ck_assert_int_eq(SQLCloseCursor(st), SQL_SUCCESS);
            break;
        default: { /* session id, to see reuse */
            SQLHSTMT s3 = st;
            SQLINTEGER sid = 0;
            SQLLEN ind = 0;
            exec_ok(s3, "SELECT DBINFO('sessionid') FROM systables WHERE tabid = 1");
            ck_assert_int_eq(SQLFetch(s3), SQL_SUCCESS);
            ck_assert_int_eq(SQLGetData(s3, 1, SQL_C_SLONG, &sid, 0, &ind), SQL_SUCCESS);
            ck_assert_int_eq(SQLCloseCursor(s3), SQL_SUCCESS);
            if (sid != last_sid)
                sids_changed++;
            last_sid = sid;
            break;
        }
        }
        ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
        release(d);
        if (i % 500 == 499) {
            /* In the middle of the run: only what the pool keeps. */
            ck_assert(srv_counts_get(g_mon, g_monsid, &got));
            ck_assert_msg(got.stmts == 0 && got.cursors == 0 && got.sessions <= 2,
                          "at %ld: %ld sessions, %ld statements, %ld cursors", i + 1,
                          got.sessions, got.stmts, got.cursors);
        }
    }
    /* The pool keeps one idle clean connection: at most one session, and it
     * holds no statement and no cursor. */
    struct srv_counts want = {1, 0, 0};
    bool settled = srv_counts_settle(g_mon, g_monsid, &want, 3000, &got);
    ck_assert_msg(settled || (got.sessions == 0 && got.stmts == 0 && got.cursors == 0),
                  "after the run: %ld sessions, %ld statements, %ld cursors", got.sessions,
                  got.stmts, got.cursors);
    fprintf(stderr,
            "pooled app: %ld checkouts; server after: %ld sessions, %ld statements, %ld cursors;"
            " session changes seen %ld\n",
            iters, got.sessions, got.stmts, got.cursors, sids_changed);
    /* The DM closes its pooled connections with the environment. */
    SQLFreeHandle(SQL_HANDLE_ENV, g_henv);
    g_henv = new_env();
    want.sessions = 0;
    (void)srv_counts_settle(g_mon, g_monsid, &want, 3000, &got);
    fprintf(stderr, "after freeing the environment: %ld sessions\n", got.sessions);
    ck_assert_int_eq(got.stmts, 0);
    ck_assert_int_eq(got.cursors, 0);
}
END_TEST

/* Cold connect against pooled checkout of the same DSN (reported). */
START_TEST(cold_vs_pooled_checkout)
{
    enum { N = 200 };
    char cs[128];
    double t0 = odbc_test_now();
    for (int i = 0; i < N; i++) {
        /* A distinct connection string per connect: a new pool key, a real login. */
        snprintf(cs, sizeof cs, "DSN=ifxtest;Description=cold%d;", i);
        release(connect_on(g_henv, cs));
    }
    double cold = (odbc_test_now() - t0) / N;
    release(connect_on(g_henv, "DSN=ifxtest;"));
    t0 = odbc_test_now();
    for (int i = 0; i < N; i++)
        release(connect_on(g_henv, "DSN=ifxtest;"));
    double pooled = (odbc_test_now() - t0) / N;
    fprintf(stderr, "connect: cold %.3f ms, pooled checkout %.3f ms, ratio %.1f\n", cold * 1e3,
            pooled * 1e3, cold / pooled);
    ck_assert_msg(pooled < cold, "pooled %.3f ms not faster than cold %.3f ms", pooled * 1e3,
                  cold * 1e3);
}
END_TEST

static Suite *leak_suite(void)
{
    Suite *s = suite_create("odbc_pool_leak");
    TCase *t1 = tcase_create("plain");
    tcase_add_checked_fixture(t1, setup_plain, teardown);
    tcase_set_timeout(t1, 120);
    tcase_add_test(t1, statements_released_on_server);
    suite_add_tcase(s, t1);
    TCase *t2 = tcase_create("pool");
    tcase_add_checked_fixture(t2, setup_pool, teardown);
    tcase_set_timeout(t2, full_scale() ? 3600 : 300);
    tcase_add_test(t2, pooled_app_does_not_leak);
    tcase_add_test(t2, cold_vs_pooled_checkout);
    suite_add_tcase(s, t2);
    return s;
}

int main(void)
{
    return ck_run(leak_suite());
}
