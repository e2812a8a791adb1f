/* SPDX-License-Identifier: MIT */
/* it_odbc_txn.c - transactions per database kind (sqli-protocol.md §8.2)
 * through the driver manager: logged (autocommit on/off, SQLEndTran commit
 * and rollback, switching autocommit on commits), unlogged (autocommit off
 * accepted, SQLEndTran a no-op) and ANSI (commit after each statement with
 * autocommit on, real transactions with it off). A second connection checks
 * what other sessions see. */
#include <stdio.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env tenv;
static SQLHENV env;
static SQLHDBC dbc, other;

static void start(void)
{
    ck_assert_msg(odbc_test_env_start(&tenv, NULL), "could not start ifxlite");
}

static void stop(void)
{
    odbc_test_env_stop(&tenv);
}

static void ok(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE h)
{
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(type, h);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

static void open_dbc(SQLHDBC *c, const char *dsn)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, c), SQL_SUCCESS);
    SQLCHAR name[32];
    snprintf((char *)name, sizeof name, "%s", dsn);
    ok(SQLConnect(*c, name, SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC, *c);
}

static void open_both(const char *dsn)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    open_dbc(&dbc, dsn);
    open_dbc(&other, dsn);
}

static void teardown(void)
{
    SQLDisconnect(dbc);
    SQLDisconnect(other);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, other);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

static SQLRETURN exec(SQLHDBC c, const char *sql)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, c, &st), SQL_SUCCESS);
    SQLCHAR text[256];
    snprintf((char *)text, sizeof text, "%s", sql);
    SQLRETURN rc = SQLExecDirect(st, text, SQL_NTS);
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA) {
        fprintf(stderr, "exec \"%s\":\n", sql);
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return rc;
}

static void exec_ok(SQLHDBC c, const char *sql)
{
    SQLRETURN rc = exec(c, sql);
    ck_assert_msg(SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA, "\"%s\" failed: %d", sql, (int)rc);
}

static long count_rows(SQLHDBC c, const char *table)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, c, &st), SQL_SUCCESS);
    SQLCHAR sql[128];
    snprintf((char *)sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    ok(SQLExecDirect(st, sql, SQL_NTS), SQL_HANDLE_STMT, st);
    ok(SQLFetch(st), SQL_HANDLE_STMT, st);
    SQLINTEGER n = -1;
    SQLLEN ind = 0;
    ok(SQLGetData(st, 1, SQL_C_SLONG, &n, sizeof n, &ind), SQL_HANDLE_STMT, st);
    SQLCloseCursor(st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return n;
}

static void set_autocommit(SQLHDBC c, bool on)
{
    ok(SQLSetConnectAttr(c, SQL_ATTR_AUTOCOMMIT,
                         (SQLPOINTER)(uintptr_t)(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF), 0),
       SQL_HANDLE_DBC, c);
}

START_TEST(logged_manual_commit_and_rollback)
{
    open_both("ifxtest");
    exec_ok(dbc, "CREATE TABLE t_logged (a INTEGER)");
    set_autocommit(dbc, false);
    exec_ok(dbc, "INSERT INTO t_logged VALUES (1)");
    ck_assert_int_eq(count_rows(dbc, "t_logged"), 1); /* own work is visible */
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(dbc, "t_logged"), 0);
    exec_ok(dbc, "INSERT INTO t_logged VALUES (2)");
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(other, "t_logged"), 1);
    /* nothing open: commit and rollback are plain successes */
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    /* switching autocommit on commits the open transaction (ODBC) */
    exec_ok(dbc, "INSERT INTO t_logged VALUES (3)");
    set_autocommit(dbc, true);
    ck_assert_int_eq(count_rows(other, "t_logged"), 2);
    /* autocommit on: each statement is committed by the server */
    exec_ok(dbc, "INSERT INTO t_logged VALUES (4)");
    ck_assert_int_eq(count_rows(other, "t_logged"), 3);
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(dbc, "t_logged"), 3);
    /* environment-wide commit */
    set_autocommit(dbc, false);
    exec_ok(dbc, "INSERT INTO t_logged VALUES (5)");
    ok(SQLEndTran(SQL_HANDLE_ENV, env, SQL_COMMIT), SQL_HANDLE_ENV, env);
    ck_assert_int_eq(count_rows(other, "t_logged"), 4);
    /* disconnect with an open transaction succeeds and rolls back */
    exec_ok(dbc, "INSERT INTO t_logged VALUES (6)");
    ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(other, "t_logged"), 4);
    teardown();
}
END_TEST

START_TEST(unlogged_autocommit_off_is_accepted)
{
    open_both("ifxplain");
    exec_ok(dbc, "CREATE TABLE t_plain (a INTEGER)");
    /* pyodbc's connect sets autocommit off right away: must not fail */
    set_autocommit(dbc, false);
    exec_ok(dbc, "INSERT INTO t_plain VALUES (1)");
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    /* no transactions in an unlogged database: the row stays */
    ck_assert_int_eq(count_rows(other, "t_plain"), 1);
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    set_autocommit(dbc, true);
    teardown();
}
END_TEST

START_TEST(ansi_commits_each_statement)
{
    open_both("ifxansi");
    exec_ok(dbc, "CREATE TABLE t_ansi (a INTEGER)");
    exec_ok(dbc, "INSERT INTO t_ansi VALUES (1)");
    /* autocommit on: committed by the driver, so the other session sees it */
    ck_assert_int_eq(count_rows(other, "t_ansi"), 1);
    ok(SQLEndTran(SQL_HANDLE_DBC, other, SQL_COMMIT), SQL_HANDLE_DBC, other);
    set_autocommit(dbc, false);
    exec_ok(dbc, "INSERT INTO t_ansi VALUES (2)");
    ck_assert_int_eq(count_rows(dbc, "t_ansi"), 2);
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(dbc, "t_ansi"), 1);
    exec_ok(dbc, "INSERT INTO t_ansi VALUES (3)");
    ok(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(count_rows(other, "t_ansi"), 2);
    teardown();
}
END_TEST

START_TEST(end_tran_not_connected_and_bad_type)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    open_dbc(&dbc, "ifxtest");
    ck_assert_int_eq(SQLEndTran(SQL_HANDLE_DBC, dbc, 77), SQL_ERROR);
    SQLCHAR st[6];
    ck_assert(SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, st, NULL, NULL, 0, NULL)));
    ck_assert_str_eq((const char *)st, "HY012");
    ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_ERROR);
    ck_assert(SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, st, NULL, NULL, 0, NULL)));
    ck_assert_str_eq((const char *)st, "08003");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_txn");
    TCase *tc = tcase_create("txn");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, logged_manual_commit_and_rollback);
    tcase_add_test(tc, unlogged_autocommit_off_is_accepted);
    tcase_add_test(tc, ansi_commits_each_statement);
    tcase_add_test(tc, end_tran_not_connected_and_bad_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
