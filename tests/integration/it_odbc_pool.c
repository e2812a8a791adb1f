/* SPDX-License-Identifier: MIT */
/* it_odbc_pool.c - connection pooling through the real unixODBC driver manager
 * ([ODBC] Pooling=Yes, CPTimeout in a private odbcinst.ini): a dirty
 * connection (uncommitted insert, autocommit left off, open cursor) is never
 * handed to the next borrower; a clean one is, proven with
 * DBINFO('sessionid'); ODBC 3.0 and 3.80 (SQL_ATTR_RESET_CONNECTION) apps. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <check.h>
#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env g_env;
static SQLHENV g_henv;

static void env_for(SQLULEN version)
{
    ck_assert_msg(odbc_test_env_start(&g_env, NULL), "test environment");
    ck_assert(odbc_test_write_pool_ini(&g_env, NULL));
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &g_henv), SQL_SUCCESS);
    ck_assert_int_eq(
        SQLSetEnvAttr(g_henv, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(uintptr_t)version, 0),
        SQL_SUCCESS);
}

static void setup_nopool(void)
{
    ck_assert_msg(odbc_test_env_start(&g_env, NULL), "test environment");
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &g_henv), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(g_henv, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
}

static void setup3(void)
{
    env_for(SQL_OV_ODBC3);
}

static void setup380(void)
{
    env_for(SQL_OV_ODBC3_80);
}

static void teardown(void)
{
    SQLFreeHandle(SQL_HANDLE_ENV, g_henv);
    odbc_test_env_stop(&g_env);
}

static SQLHDBC connect_str(const char *connstr)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, g_henv, &dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)(uintptr_t)connstr, SQL_NTS, NULL, 0,
                                    NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert(SQL_SUCCEEDED(rc));
    return dbc;
}

/* The pool key is the exact connection string (odbc-notes §1.2). */
#define POOLED "DSN=ifxtest;"
#define OTHER "DSN=ifxtest;UID=informix;" /* another key: never a pooled one */

static SQLHDBC checkout(void)
{
    return connect_str(POOLED);
}

static void release(SQLHDBC dbc)
{
    ck_assert_int_eq(SQLDisconnect(dbc), SQL_SUCCESS);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DBC, dbc), SQL_SUCCESS);
}

static void exec_ok(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA, "%s", sql);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
}

static long query_long(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s", sql);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    SQLINTEGER v = -1;
    SQLLEN ind = 0;
    ck_assert_int_eq(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind), SQL_SUCCESS);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS);
    return (long)v;
}

static long session_id(SQLHDBC dbc)
{
    return query_long(dbc, "SELECT DBINFO('sessionid') FROM systables WHERE tabid = 1");
}

static SQLULEN conn_attr(SQLHDBC dbc, SQLINTEGER attr)
{
    SQLUINTEGER v = 12345;
    ck_assert_int_eq(SQLGetConnectAttr(dbc, attr, &v, SQL_IS_UINTEGER, NULL), SQL_SUCCESS);
    return v;
}

static void make_table(void)
{
    SQLHDBC d = connect_str(OTHER);
    exec_ok(d, "CREATE TABLE pt (id INT, v VARCHAR(20))");
    release(d);
}

/* Count rows in pt on a connection that is not from the pool's key. */
static long committed_rows(void)
{
    SQLHDBC d = connect_str(OTHER);
    long n = query_long(d, "SELECT COUNT(*) FROM pt");
    release(d);
    return n;
}

/* A clean connection is reused: same server session. */
START_TEST(clean_connection_is_reused)
{
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_eq(session_id(b), sid);
    release(b);
    b = checkout();
    ck_assert_int_eq(session_id(b), sid);
    release(b);
}
END_TEST

/* Autocommit off, uncommitted insert, disconnect without commit: the next
 * checkout is a new session, does not see the row, and the row is never
 * committed. */
START_TEST(uncommitted_insert_not_reused)
{
    make_table();
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    exec_ok(a, "INSERT INTO pt VALUES (1, 'leak')");
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_TRUE);
    release(a); /* back to the pool, dirty: the DM calls nothing in the driver */
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    ck_assert_int_eq(conn_attr(b, SQL_ATTR_AUTOCOMMIT), SQL_AUTOCOMMIT_ON);
    ck_assert_int_eq(query_long(b, "SELECT COUNT(*) FROM pt"), 0);
    release(b);
    ck_assert_int_eq(committed_rows(), 0);
}
END_TEST

/* Autocommit left off with no work done: still not handed out. */
START_TEST(autocommit_off_not_reused)
{
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    ck_assert_int_eq(conn_attr(b, SQL_ATTR_AUTOCOMMIT), SQL_AUTOCOMMIT_ON);
    release(b);
}
END_TEST

/* An open cursor left behind (statement not closed, not freed). */
START_TEST(open_cursor_not_reused)
{
    SQLHDBC a = checkout();
    long sid = session_id(a);
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, a, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabname FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_TRUE);
    release(a); /* the DM frees its statement wrapper only */
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    release(b);
}
END_TEST

/* Isolation changed from its post-connect value: dirty. */
START_TEST(isolation_change_not_reused)
{
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_TXN_ISOLATION,
                                       (SQLPOINTER)SQL_TXN_READ_UNCOMMITTED, 0),
                     SQL_SUCCESS);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    ck_assert_int_eq(conn_attr(b, SQL_ATTR_TXN_ISOLATION), SQL_TXN_READ_COMMITTED);
    release(b);
}
END_TEST

/* BEGIN WORK as SQL text under autocommit (the DBD::ODBC / PHP way): the
 * open transaction is seen, the connection is not reused, nothing commits. */
START_TEST(begin_work_sql_not_reused)
{
    make_table();
    SQLHDBC a = checkout();
    long sid = session_id(a);
    exec_ok(a, "BEGIN WORK");
    exec_ok(a, "INSERT INTO pt VALUES (5, 'begin')");
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_TRUE);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    ck_assert_int_eq(query_long(b, "SELECT COUNT(*) FROM pt"), 0);
    release(b);
    ck_assert_int_eq(committed_rows(), 0);
}
END_TEST

/* COMMIT WORK as SQL text ends it: clean again. */
START_TEST(commit_work_sql_is_reused)
{
    make_table();
    SQLHDBC a = checkout();
    long sid = session_id(a);
    exec_ok(a, "BEGIN WORK");
    exec_ok(a, "INSERT INTO pt VALUES (6, 'c')");
    exec_ok(a, "COMMIT WORK");
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_eq(session_id(b), sid);
    release(b);
    ck_assert_int_eq(committed_rows(), 1);
}
END_TEST

/* SET ISOLATION as SQL text changes the session for good. */
START_TEST(set_isolation_sql_not_reused)
{
    SQLHDBC a = checkout();
    long sid = session_id(a);
    exec_ok(a, "SET ISOLATION TO DIRTY READ");
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_ne(session_id(b), sid);
    release(b);
}
END_TEST

/* Committed work leaves the connection clean again: reused. */
START_TEST(committed_work_is_reused)
{
    make_table();
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    exec_ok(a, "INSERT INTO pt VALUES (2, 'kept')");
    ck_assert_int_eq(SQLEndTran(SQL_HANDLE_DBC, a, SQL_COMMIT), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_eq(session_id(b), sid);
    ck_assert_int_eq(query_long(b, "SELECT COUNT(*) FROM pt"), 1);
    release(b);
}
END_TEST

/* ODBC 3.80: the DM sends SQL_ATTR_RESET_CONNECTION at release, so the same
 * dirty connection comes back rolled back and reset, and IS reused. */
START_TEST(odbc380_reset_rolls_back_and_reuses)
{
    make_table();
    SQLHDBC a = checkout();
    long sid = session_id(a);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    exec_ok(a, "INSERT INTO pt VALUES (3, 'reset')");
    SQLHSTMT st; /* and an open cursor */
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, a, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM pt", SQL_NTS), SQL_SUCCESS);
    release(a);
    SQLHDBC b = checkout();
    ck_assert_int_eq(session_id(b), sid);
    ck_assert_int_eq(conn_attr(b, SQL_ATTR_AUTOCOMMIT), SQL_AUTOCOMMIT_ON);
    ck_assert_int_eq(query_long(b, "SELECT COUNT(*) FROM pt"), 0);
    release(b);
    ck_assert_int_eq(committed_rows(), 0);
}
END_TEST

/* The application itself may set SQL_ATTR_RESET_CONNECTION. */
START_TEST(reset_connection_direct)
{
    make_table();
    SQLHDBC a = connect_str(OTHER);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    exec_ok(a, "INSERT INTO pt VALUES (4, 'x')");
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_TRUE);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_RESET_CONNECTION,
                                       (SQLPOINTER)SQL_RESET_CONNECTION_YES, SQL_IS_UINTEGER),
                     SQL_SUCCESS);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_AUTOCOMMIT), SQL_AUTOCOMMIT_ON);
    ck_assert_int_eq(query_long(a, "SELECT COUNT(*) FROM pt"), 0);
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_RESET_CONNECTION, (SQLPOINTER)7, 0),
                     SQL_ERROR);
    release(a);
}
END_TEST

/* PoolDirtyRule=0: a transaction no longer reports dead (the wire is fine). */
START_TEST(dirty_rule_option_off)
{
    SQLHDBC a = connect_str("DSN=ifxtest;PoolDirtyRule=0;");
    ck_assert_int_eq(SQLSetConnectAttr(a, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    release(a);
}
END_TEST

/* A forked child that disconnects a parent's connection closes only its
 * descriptor: the parent's session keeps working. */
START_TEST(fork_child_disconnect_keeps_parent)
{
    SQLHDBC a = connect_str(OTHER);
    long sid = session_id(a);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        SQLUINTEGER dead = 0;
        int ok = SQLGetConnectAttr(a, SQL_ATTR_CONNECTION_DEAD, &dead, SQL_IS_UINTEGER, NULL) ==
                     SQL_SUCCESS &&
                 dead == SQL_CD_TRUE;
        ok = ok && SQLDisconnect(a) == SQL_SUCCESS;
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_int_eq(session_id(a), sid);
    ck_assert_int_eq(conn_attr(a, SQL_ATTR_CONNECTION_DEAD), SQL_CD_FALSE);
    release(a);
}
END_TEST

/* Measurement (printed, not asserted beyond "pooled is faster"): cold
 * connect vs pooled checkout. */
START_TEST(measure_checkout)
{
    enum { N = 50 };
    double cold = 0;
    char cs[64];
    double t0 = odbc_test_now(); /* a new key each time: always a cold connect */
    for (int i = 0; i < N; i++) {
        snprintf(cs, sizeof cs, "DSN=ifxtest;UID=informix;PipelineDepth=%d;", 100 + i);
        release(connect_str(cs));
    }
    cold = (odbc_test_now() - t0) / N;
    release(checkout());
    t0 = odbc_test_now();
    for (int i = 0; i < N; i++)
        release(checkout());
    double pooled = (odbc_test_now() - t0) / N;
    fprintf(stderr, "pool: cold connect %.1f us, pooled checkout %.1f us, ratio %.1f\n",
            cold * 1e6, pooled * 1e6, pooled > 0 ? cold / pooled : 0.0);
    ck_assert(pooled < cold);
}
END_TEST

static Suite *pool_suite(void)
{
    Suite *s = suite_create("odbc_pool");
    TCase *t3 = tcase_create("odbc3");
    tcase_add_checked_fixture(t3, setup3, teardown);
    tcase_set_timeout(t3, 30);
    tcase_add_test(t3, clean_connection_is_reused);
    tcase_add_test(t3, uncommitted_insert_not_reused);
    tcase_add_test(t3, autocommit_off_not_reused);
    tcase_add_test(t3, open_cursor_not_reused);
    tcase_add_test(t3, isolation_change_not_reused);
    tcase_add_test(t3, committed_work_is_reused);
    tcase_add_test(t3, begin_work_sql_not_reused);
    tcase_add_test(t3, commit_work_sql_is_reused);
    tcase_add_test(t3, set_isolation_sql_not_reused);
    tcase_add_test(t3, reset_connection_direct);
    tcase_add_test(t3, dirty_rule_option_off);
    tcase_add_test(t3, measure_checkout);
    suite_add_tcase(s, t3);
    TCase *t380 = tcase_create("odbc380");
    tcase_add_checked_fixture(t380, setup380, teardown);
    tcase_set_timeout(t380, 30);
    tcase_add_test(t380, odbc380_reset_rolls_back_and_reuses);
    tcase_add_test(t380, clean_connection_is_reused);
    suite_add_tcase(s, t380);
    TCase *tn = tcase_create("nopool"); /* the driver's own SQLDisconnect runs */
    tcase_add_checked_fixture(tn, setup_nopool, teardown);
    tcase_set_timeout(tn, 30);
    tcase_add_test(tn, fork_child_disconnect_keeps_parent);
    suite_add_tcase(s, tn);
    return s;
}

int main(void)
{
    return ck_run(pool_suite());
}
