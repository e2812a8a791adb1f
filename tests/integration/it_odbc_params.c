/* SPDX-License-Identifier: MIT */
/* it_odbc_params.c - parameters through the unixODBC DM against ifxlite:
 * row-wise parameter arrays with a bind offset (pyodbc fast_executemany's
 * shape), PARAM_STATUS_PTR / PARAMS_PROCESSED_PTR with a failing row,
 * data at execution (SQLParamData/SQLPutData in pieces), SQL_C_DEFAULT +
 * SQL_NULL_DATA, SQL_C_NUMERIC through the APD (SQLSetDescField), and
 * re-execution after SQL_CLOSE + SQL_RESET_PARAMS. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_fixture.h"

static int count_rows(char *sql)
{
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
    OK(st, SQLFetch(st));
    SQLINTEGER n = -1;
    SQLLEN ind;
    OK(st, SQLGetData(st, 1, SQL_C_LONG, &n, 0, &ind));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return (int)n;
}

START_TEST(row_wise_array_with_offset)
{
    struct prow {
        SQLBIGINT id;
        SQLLEN id_ind;
        char name[12];
        SQLLEN name_ind;
    };
    enum { N = 300 };
    static struct prow rows[N];
    for (int i = 0; i < N; i++) {
        rows[i].id = 1000 + i;
        rows[i].id_ind = 0;
        rows[i].name_ind = snprintf(rows[i].name, sizeof rows[i].name, "p%d", i);
    }
    rows[3].name_ind = SQL_NULL_DATA;
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table pa_rows (id int8 not null, name varchar(11))");
    /* fake base pointers + offset, as pyodbc does */
    SQLLEN offset = (SQLLEN)(uintptr_t)&rows[0] - 16;
    SQLULEN done = 0;
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into pa_rows values (?, ?)", SQL_NTS));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)sizeof(struct prow), 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)N, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0,
                            (SQLPOINTER)16, 0, (SQLLEN *)(16 + offsetof(struct prow, id_ind))));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 11, 0,
                            (SQLPOINTER)(16 + offsetof(struct prow, name)), 12,
                            (SQLLEN *)(16 + offsetof(struct prow, name_ind))));
    OK(st, SQLExecute(st));
    ck_assert_uint_eq(done, N);
    ck_assert_int_eq(count_rows("select count(*) from pa_rows"), N);
    ck_assert_int_eq(count_rows("select count(*) from pa_rows where name is null"), 1);
    ck_assert_int_eq(count_rows("select id from pa_rows where name = 'p299'"), 1299);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(array_status_with_failing_row)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table pa_uniq (a integer not null primary key)");
    SQLINTEGER vals[4] = {1, 2, 1, 3};
    SQLUSMALLINT status[4] = {9, 9, 9, 9};
    SQLULEN done = 0;
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)4, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, vals, 0,
                            NULL));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"insert into pa_uniq values (?)", SQL_NTS),
              SQL_SUCCESS_WITH_INFO);
    ck_assert_uint_eq(done, 4);
    ck_assert_int_eq(status[0], SQL_PARAM_SUCCESS);
    ck_assert_int_eq(status[1], SQL_PARAM_SUCCESS);
    ck_assert_int_eq(status[2], SQL_PARAM_ERROR);
    ck_assert_int_eq(status[3], SQL_PARAM_SUCCESS);
    SQLCHAR state[6];
    SQLINTEGER native;
    SQLSMALLINT len;
    SQLCHAR msg[256];
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_msg(state[0] == '2' && state[1] == '3', "state %s", state);
    ck_assert_int_eq(count_rows("select count(*) from pa_uniq"), 3);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(data_at_execution)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table pa_dae (id integer, t lvarchar(10000))");
    SQLINTEGER id = 5;
    SQLLEN dae = SQL_LEN_DATA_AT_EXEC(0);
    char token_base[1];
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into pa_dae values (?, ?)", SQL_NTS));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &id, 0, NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 10000, 0,
                            token_base, 0, &dae));
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    SQLPOINTER token = NULL;
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    ck_assert_ptr_eq(token, token_base);
    char piece[1000];
    memset(piece, 'q', sizeof piece);
    for (int i = 0; i < 7; i++)
        OK(st, SQLPutData(st, piece, sizeof piece));
    OK(st, SQLParamData(st, &token));
    ck_assert_int_eq(count_rows("select length(t) from pa_dae where id = 5"), 7000);
    /* re-execute after SQL_CLOSE + SQL_RESET_PARAMS; cancel a pending DAE */
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    EXPECT_RC(st, SQLExecute(st), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "07002", 0);
    id = 6;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &id, 0, NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 10000, 0,
                            token_base, 0, &dae));
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    OK(st, SQLCancel(st));
    ck_assert_int_eq(count_rows("select count(*) from pa_dae where id = 6"), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(default_null_and_numeric_apd)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table pa_num (a integer, d decimal(10,3))");
    SQLLEN null_ind = SQL_NULL_DATA;
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into pa_num values (?, ?)", SQL_NTS));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_DEFAULT, SQL_INTEGER, 0, 0, NULL, 0,
                            &null_ind));
    /* SQL_C_NUMERIC 1234.567 through the APD, as pyodbc's fast_executemany */
    SQL_NUMERIC_STRUCT num;
    memset(&num, 0, sizeof num);
    num.precision = 10;
    num.scale = 3;
    num.sign = 1;
    num.val[0] = (SQLCHAR)(1234567 & 0xff);
    num.val[1] = (SQLCHAR)((1234567 >> 8) & 0xff);
    num.val[2] = (SQLCHAR)((1234567 >> 16) & 0xff);
    SQLLEN nlen = sizeof num;
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_NUMERIC, SQL_DECIMAL, 10, 3, &num, 0,
                            &nlen));
    SQLHDESC apd = NULL;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_APP_PARAM_DESC, &apd, 0, NULL));
    ck_assert_int_eq(SQLSetDescField(apd, 2, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_NUMERIC, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(apd, 2, SQL_DESC_PRECISION, (SQLPOINTER)10, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(apd, 2, SQL_DESC_SCALE, (SQLPOINTER)3, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(apd, 2, SQL_DESC_DATA_PTR, &num, 0), SQL_SUCCESS);
    OK(st, SQLExecute(st));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select a, d from pa_num", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLINTEGER a;
    SQLLEN ind = 0;
    char d[32];
    OK(st, SQLGetData(st, 1, SQL_C_LONG, &a, 0, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, d, sizeof d, &ind));
    ck_assert_str_eq(d, "1234.567");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_params");
    TCase *tc = tcase_create("params");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, row_wise_array_with_offset);
    tcase_add_test(tc, array_status_with_failing_row);
    tcase_add_test(tc, data_at_execution);
    tcase_add_test(tc, default_null_and_numeric_apd);
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
