/* SPDX-License-Identifier: MIT */
/* it_odbc_gaps.c - statement rules through the unixODBC DM against ifxlite
 * that the first version left open: SQLGetData with a rowset larger than 1
 * (HY109 on a forward-only cursor), SQLDescribeParam for markers outside
 * INSERT ... VALUES (WHERE / SET columns), and parameter arrays on a
 * statement that returns rows (HYC00, SQL_PAS_NO_SELECT). */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "ck_util.h"
#include "odbc_fixture.h"

static bool gp_created;

static void ensure_table(void)
{
    if (gp_created)
        return;
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table gp (id integer not null, d decimal(10,3), "
                "ts datetime year to second, name varchar(30))");
    fx_exec_ok(st, "insert into gp values (1, 1.5, '2024-01-01 10:00:00', 'one')");
    fx_exec_ok(st, "insert into gp values (2, 2.5, '2024-01-02 10:00:00', 'two')");
    fx_exec_ok(st, "insert into gp values (3, 3.5, '2024-01-03 10:00:00', 'three')");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    gp_created = true;
}

START_TEST(getdata_with_rowset_over_one)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    SQLINTEGER ids[2];
    SQLLEN ind[2];
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)2, 0));
    OK(st, SQLBindCol(st, 1, SQL_C_SLONG, ids, 0, ind));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, name from gp order by id", SQL_NTS));
    OK(st, SQLFetch(st));
    ck_assert_int_eq(ids[0], 1);
    ck_assert_int_eq(ids[1], 2);
    char name[32];
    SQLLEN n;
    /* forward-only cursor, rowset size 2: HY109 (ODBC "SQLGetData") */
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_CHAR, name, sizeof name, &n), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "HY109", 0);
    /* back to a rowset of one row: SQLGetData works on the next fetch */
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1, 0));
    OK(st, SQLFetch(st));
    ck_assert_int_eq(ids[0], 3);
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, name, sizeof name, &n));
    ck_assert_str_eq(name, "three");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

struct pdesc {
    SQLSMALLINT type;
    SQLULEN size;
    SQLSMALLINT digits;
    SQLSMALLINT nullable;
};

static void expect_params(SQLHSTMT st, const char *sql, const struct pdesc *want, int n)
{
    OK(st, SQLPrepare(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS));
    SQLSMALLINT np = -1;
    OK(st, SQLNumParams(st, &np));
    ck_assert_int_eq(np, n);
    for (int i = 0; i < n; i++) {
        SQLSMALLINT type = -1, digits = -1, nullable = -1;
        SQLULEN size = 0;
        OK(st, SQLDescribeParam(st, (SQLUSMALLINT)(i + 1), &type, &size, &digits, &nullable));
        ck_assert_msg(type == want[i].type && size == want[i].size &&
                          digits == want[i].digits && nullable == want[i].nullable,
                      "%s: param %d is (%d, %lu, %d, %d)", sql, i + 1, type,
                      (unsigned long)size, digits, nullable);
    }
}

START_TEST(describe_param_outside_insert)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    const struct pdesc sel[] = {{SQL_INTEGER, 10, 0, SQL_NO_NULLS},
                                {SQL_DECIMAL, 10, 3, SQL_NULLABLE},
                                {SQL_TYPE_TIMESTAMP, 19, 0, SQL_NULLABLE},
                                {SQL_VARCHAR, 30, 0, SQL_NULLABLE}};
    expect_params(st, "select name from gp where id = ? and d > ? and ts <= ? and name like ?",
                  sel, 4);
    /* the described statement still executes normally */
    SQLINTEGER id = 2;
    char d[] = "1", ts[] = "2030-01-01 00:00:00", pat[] = "t%";
    SQLLEN nts = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                            NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_DECIMAL, 10, 3, d, 0, &nts));
    OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_TYPE_TIMESTAMP, 19, 0, ts, 0,
                            &nts));
    OK(st, SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 30, 0, pat, 0,
                            &nts));
    OK(st, SQLExecute(st));
    char name[32];
    SQLLEN n;
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, name, sizeof name, &n));
    ck_assert_str_eq(name, "two");
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    /* qualified column, alias, UPDATE ... SET, DELETE */
    const struct pdesc q[] = {{SQL_DECIMAL, 10, 3, SQL_NULLABLE}};
    expect_params(st, "select g.id from gp g where g.d >= ? order by 1", q, 1);
    const struct pdesc upd[] = {{SQL_VARCHAR, 30, 0, SQL_NULLABLE},
                                {SQL_TYPE_TIMESTAMP, 19, 0, SQL_NULLABLE},
                                {SQL_INTEGER, 10, 0, SQL_NO_NULLS}};
    expect_params(st, "update gp set name = ?, ts = ? where id <> ?", upd, 3);
    const struct pdesc del[] = {{SQL_DECIMAL, 10, 3, SQL_NULLABLE}};
    expect_params(st, "delete from gp where d = ?", del, 1);
    /* not a plain column, or more than one table: VARCHAR(4000), nullable unknown */
    const struct pdesc unk[] = {{SQL_VARCHAR, 4000, 0, SQL_NULLABLE_UNKNOWN},
                                {SQL_INTEGER, 10, 0, SQL_NO_NULLS}};
    expect_params(st, "select id from gp where id + 1 = ? and id = ?", unk, 2);
    const struct pdesc join[] = {{SQL_VARCHAR, 4000, 0, SQL_NULLABLE_UNKNOWN}};
    expect_params(st, "select a.id from gp a, gp b where a.id = ?", join, 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(param_array_on_select)
{
    ensure_table();
    SQLUINTEGER pas = 0;
    ck_assert_int_eq(SQLGetInfo(fx_dbc, SQL_PARAM_ARRAY_SELECTS, &pas, sizeof pas, NULL),
                     SQL_SUCCESS);
    ck_assert_uint_eq(pas, SQL_PAS_NO_SELECT);
    SQLHSTMT st = fx_new_stmt();
    SQLINTEGER ids[3] = {1, 2, 3};
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids, 0,
                            NULL));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"select name from gp where id = ?", SQL_NTS),
              SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "HYC00", 0);
    /* prepared: the same at SQLExecute; with one parameter set it runs */
    OK(st, SQLPrepare(st, (SQLCHAR *)"select name from gp where id = ?", SQL_NTS));
    EXPECT_RC(st, SQLExecute(st), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "HYC00", 0);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)1, 0));
    OK(st, SQLExecute(st));
    char name[32];
    SQLLEN n;
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, name, sizeof name, &n));
    ck_assert_str_eq(name, "one");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_gaps");
    TCase *tc = tcase_create("gaps");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, getdata_with_rowset_over_one);
    tcase_add_test(tc, describe_param_outside_insert);
    tcase_add_test(tc, param_array_on_select);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
