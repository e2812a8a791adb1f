/* SPDX-License-Identifier: MIT */
/* it_odbc_exec.c - statement execution through the unixODBC DM against ifxlite:
 * prepare/describe before execute, state errors (HY010, 24000, 07009, 07002),
 * SQLNumParams counting, server errors (SQLSTATE + native), SQL_NO_DATA for an
 * UPDATE that touched nothing, SQLRowCount (also after SELECT), SQLMoreResults,
 * SQLNativeSql and SQLGetTypeInfo. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_fixture.h"

START_TEST(prepare_describes_before_execute)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ex_desc (a integer not null, b varchar(30), c decimal(9,3))");
    OK(st, SQLPrepare(st, (SQLCHAR *)"select a, b, c from ex_desc", SQL_NTS));
    SQLSMALLINT n = -1;
    OK(st, SQLNumResultCols(st, &n));
    ck_assert_int_eq(n, 3);
    SQLCHAR name[32];
    SQLSMALLINT nlen, type, digits, nullable;
    SQLULEN size;
    OK(st, SQLDescribeCol(st, 1, name, sizeof name, &nlen, &type, &size, &digits, &nullable));
    ck_assert_str_eq((char *)name, "a");
    ck_assert_int_eq(type, SQL_INTEGER);
    ck_assert_int_eq(nullable, SQL_NO_NULLS);
    OK(st, SQLDescribeCol(st, 3, name, sizeof name, &nlen, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_DECIMAL);
    ck_assert_uint_eq(size, 9);
    ck_assert_int_eq(digits, 3);
    /* truncated name: 01004, full length reported */
    EXPECT_RC(st, SQLDescribeCol(st, 2, name, 1, &nlen, NULL, NULL, NULL, NULL),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_diag(SQL_HANDLE_STMT, st, "01004", 0);
    ck_assert_int_eq(nlen, 1);
    EXPECT_RC(st, SQLDescribeCol(st, 4, name, sizeof name, &nlen, &type, &size, &digits,
                                 &nullable), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "07009", 0);
    SQLLEN unsig = -1;
    OK(st, SQLColAttribute(st, 1, SQL_DESC_UNSIGNED, NULL, 0, NULL, &unsig));
    ck_assert_int_eq(unsig, SQL_FALSE);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(state_errors)
{
    SQLHSTMT st = fx_new_stmt();
    EXPECT_RC(st, SQLExecute(st), SQL_ERROR); /* nothing prepared */
    fx_expect_diag(SQL_HANDLE_STMT, st, "HY010", 0);
    EXPECT_RC(st, SQLCloseCursor(st), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "24000", 0);
    OK(st, SQLFreeStmt(st, SQL_CLOSE)); /* no cursor: still fine (pyodbc) */
    fx_exec_ok(st, "create table ex_state (a integer)");
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ex_state values (1)", SQL_NTS));
    EXPECT_RC(st, SQLFetch(st), SQL_ERROR); /* executed, no result set */
    fx_expect_diag(SQL_HANDLE_STMT, st, "24000", 0);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select a from ex_state", SQL_NTS));
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_LONG, &v, 0, &ind), SQL_ERROR); /* not positioned */
    fx_expect_diag(SQL_HANDLE_STMT, st, "24000", 0);
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"select a from ex_state", SQL_NTS), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "24000", 0); /* cursor still open */
    OK(st, SQLFetch(st));
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_LONG, &v, 0, &ind), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "07009", 0);
    OK(st, SQLGetData(st, 1, SQL_C_LONG, &v, 0, &ind));
    ck_assert_int_eq(v, 1);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLCloseCursor(st));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(num_params_and_missing)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ex_np (a integer, s varchar(10))");
    OK(st, SQLPrepare(st, (SQLCHAR *)"select a from ex_np where s = '?' and a = ? -- ?",
                      SQL_NTS));
    SQLSMALLINT n = -1;
    OK(st, SQLNumParams(st, &n));
    ck_assert_int_eq(n, 1);
    EXPECT_RC(st, SQLExecute(st), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "07002", 0);
    SQLSMALLINT type = 0, nullable = 0, digits = -1;
    SQLULEN size = 0;
    OK(st, SQLDescribeParam(st, 1, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_INTEGER); /* "a = ?": the column describes the marker */
    ck_assert_uint_eq(size, 10);
    EXPECT_RC(st, SQLDescribeParam(st, 2, &type, &size, &digits, &nullable), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "07009", 0);
    /* INSERT ... VALUES: the target columns describe the markers */
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into ex_np (s, a) values (?, ?)", SQL_NTS));
    OK(st, SQLDescribeParam(st, 2, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_INTEGER);
    OK(st, SQLDescribeParam(st, 1, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_VARCHAR);
    ck_assert_uint_eq(size, 10);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(server_errors)
{
    SQLHSTMT st = fx_new_stmt();
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"select * from ex_no_such", SQL_NTS), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "42S02", -206);
    EXPECT_RC(st, SQLPrepare(st, (SQLCHAR *)"selec 1", SQL_NTS), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "42000", -201);
    /* the statement is usable afterwards */
    fx_exec_ok(st, "create table ex_err (a integer)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(row_counts_and_more_results)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ex_rc (a integer)");
    SQLLEN rc = -5;
    for (int i = 0; i < 4; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "insert into ex_rc values (%d)", i);
        OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
        OK(st, SQLRowCount(st, &rc));
        ck_assert_int_eq(rc, 1);
    }
    OK(st, SQLExecDirect(st, (SQLCHAR *)"update ex_rc set a = a + 10 where a >= 2", SQL_NTS));
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, 2);
    EXPECT_RC(st, SQLMoreResults(st), SQL_NO_DATA);
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"delete from ex_rc where a = 99", SQL_NTS),
              SQL_NO_DATA);
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, 0);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select a from ex_rc", SQL_NTS));
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, -1); /* not known before the end */
    int rows = 0;
    while (SQLFetch(st) == SQL_SUCCESS)
        rows++;
    ck_assert_int_eq(rows, 4);
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, 4);
    EXPECT_RC(st, SQLMoreResults(st), SQL_NO_DATA); /* closes the cursor */
    EXPECT_RC(st, SQLCloseCursor(st), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "24000", 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(native_sql_and_escapes)
{
    SQLCHAR out[256];
    SQLINTEGER len = 0;
    ck_assert_int_eq(SQLNativeSql(fx_dbc, (SQLCHAR *)"select {fn UCASE('a')} from t where d = "
                                               "{d '2024-01-02'}", SQL_NTS, out, sizeof out,
                                  &len),
                     SQL_SUCCESS);
    ck_assert_ptr_null(strchr((char *)out, '{'));
    ck_assert_ptr_nonnull(strstr((char *)out, "2024"));
    ck_assert_int_eq(len, (SQLINTEGER)strlen((char *)out));
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ex_esc (d date)");
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ex_esc values ({d '2024-02-29'})", SQL_NTS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select d from ex_esc where d = {d '2024-02-29'}",
                         SQL_NTS));
    OK(st, SQLFetch(st));
    SQL_DATE_STRUCT d;
    SQLLEN ind;
    OK(st, SQLGetData(st, 1, SQL_C_TYPE_DATE, &d, sizeof d, &ind));
    ck_assert_int_eq(d.year, 2024);
    ck_assert_int_eq(d.month, 2);
    ck_assert_int_eq(d.day, 29);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(type_info)
{
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLGetTypeInfo(st, SQL_TYPE_TIMESTAMP));
    SQLSMALLINT ncols = 0;
    OK(st, SQLNumResultCols(st, &ncols));
    ck_assert_int_eq(ncols, 19);
    OK(st, SQLFetch(st));
    SQLINTEGER size = 0;
    SQLLEN ind;
    OK(st, SQLGetData(st, 3, SQL_C_LONG, &size, 0, &ind));
    ck_assert_int_eq(size, 25); /* YEAR TO FRACTION(5): pyodbc keeps size - 20 digits */
    SQLCHAR name[64];
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, name, sizeof name, &ind));
    ck_assert_str_eq((char *)name, "DATETIME YEAR TO FRACTION(5)");
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLCloseCursor(st));
    OK(st, SQLGetTypeInfo(st, SQL_ALL_TYPES));
    int rows = 0;
    SQLSMALLINT prev = -32768, dt = 0;
    OK(st, SQLBindCol(st, 2, SQL_C_SHORT, &dt, 0, &ind));
    while (SQLFetch(st) == SQL_SUCCESS) {
        ck_assert_int_ge(dt, prev); /* ordered by DATA_TYPE */
        prev = dt;
        rows++;
    }
    ck_assert_int_gt(rows, 15);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_exec");
    TCase *tc = tcase_create("exec");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, prepare_describes_before_execute);
    tcase_add_test(tc, state_errors);
    tcase_add_test(tc, num_params_and_missing);
    tcase_add_test(tc, server_errors);
    tcase_add_test(tc, row_counts_and_more_results);
    tcase_add_test(tc, native_sql_and_escapes);
    tcase_add_test(tc, type_info);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    /* one connection for the whole suite (unchecked fixture): a forked test
     * would advance the server's statement ids behind the parent's back */
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
