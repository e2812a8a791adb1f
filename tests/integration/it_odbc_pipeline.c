/* SPDX-License-Identifier: MIT */
/* it_odbc_pipeline.c - through the unixODBC DM against ifxlite: pipelined
 * parameter arrays (PipelineDepth default and 1) keep ODBC's per-row status
 * semantics with a duplicate key in the middle; SQL_ATTR_QUERY_TIMEOUT on a
 * stalled server (--fault stall:MS) gives HYT00 and then 08S01. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static void state_of(SQLHSTMT st, char *out)
{
    SQLCHAR s[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[512];
    SQLSMALLINT len;
    out[0] = '\0';
    if (SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, s, &nat, msg, sizeof msg, &len)))
        memcpy(out, s, 6);
}

static SQLHDBC connect_with(SQLHENV env, char *connstr)
{
    SQLHDBC dbc;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert(SQL_SUCCEEDED(rc));
    return dbc;
}

static SQLHENV new_env(void)
{
    SQLHENV env;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    return env;
}

static void exec_ok(SQLHDBC dbc, char *sql)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s", sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static long scalar(SQLHDBC dbc, char *sql)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    ck_assert(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)));
    ck_assert(SQL_SUCCEEDED(SQLFetch(st)));
    SQLINTEGER n = -1;
    SQLLEN ind;
    ck_assert(SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_LONG, &n, 0, &ind)));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return n;
}

enum { N = 2000, DUP = 1000 };

/* 2000 sets in one SQLExecute, set DUP repeats key 7, set 5 is ignored. */
static void array_with_duplicate(const char *extra, const char *table)
{
    struct odbc_test_env E;
    ck_assert(odbc_test_env_start(&E, NULL));
    SQLHENV env = new_env();
    char cs[600];
    snprintf(cs, sizeof cs, "%s%s", E.connstr, extra);
    SQLHDBC dbc = connect_with(env, cs);
    char sql[160];
    snprintf(sql, sizeof sql, "create table %s (id integer not null, v integer)", table);
    exec_ok(dbc, sql);
    snprintf(sql, sizeof sql, "create unique index %s_ix on %s (id)", table, table);
    exec_ok(dbc, sql);
    static SQLINTEGER ids[N], vs[N];
    static SQLUSMALLINT status[N], ops[N];
    for (int i = 0; i < N; i++) {
        ids[i] = i == DUP ? 7 : i;
        vs[i] = 2 * i;
        ops[i] = i == 5 ? SQL_PARAM_IGNORE : SQL_PARAM_PROCEED;
    }
    SQLULEN processed = 0;
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    snprintf(sql, sizeof sql, "insert into %s values (?, ?)", table);
    ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(uintptr_t)N, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, ops, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, ids,
                                      0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, vs,
                                      0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS_WITH_INFO);
    ck_assert_uint_eq(processed, N);
    for (int i = 0; i < N; i++) {
        SQLUSMALLINT want = i == DUP ? SQL_PARAM_ERROR : i == 5 ? SQL_PARAM_UNUSED
                                                                 : SQL_PARAM_SUCCESS;
        ck_assert_msg(status[i] == want, "row %d: status %u, want %u", i, status[i], want);
    }
    char state[6];
    state_of(st, state);
    ck_assert_str_eq(state, "23000");
    SQLLEN rows = 0;
    ck_assert_int_eq(SQLRowCount(st, &rows), SQL_SUCCESS);
    ck_assert_int_eq(rows, N - 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    snprintf(sql, sizeof sql, "select count(*) from %s", table);
    ck_assert_int_eq(scalar(dbc, sql), N - 2);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    odbc_test_env_stop(&E);
}

START_TEST(param_array_duplicate_default_depth)
{
    array_with_duplicate("", "pa_def");
}
END_TEST

START_TEST(param_array_duplicate_depth_one)
{
    array_with_duplicate("PipelineDepth=1;", "pa_one");
}
END_TEST

START_TEST(query_timeout_hyt00_then_08s01)
{
    struct odbc_test_env E;
    const char *args[] = {"--fault", "stall:1200", NULL};
    ck_assert(odbc_test_env_start(&E, args));
    SQLHENV env = new_env();
    char cs[600];
    /* no database: only two stalled setup replies before the test */
    snprintf(cs, sizeof cs, "%sDatabase=;", E.connstr);
    SQLHDBC dbc = connect_with(env, cs);
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"select 1 from systables", SQL_NTS),
                     SQL_ERROR);
    char state[6];
    state_of(st, state);
    ck_assert_str_eq(state, "HYT00");
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"select 1 from systables", SQL_NTS),
                     SQL_ERROR);
    state_of(st, state);
    ck_assert_str_eq(state, "08S01");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    odbc_test_env_stop(&E);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_odbc_pipeline");
    TCase *tc = tcase_create("pipeline");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, param_array_duplicate_default_depth);
    tcase_add_test(tc, param_array_duplicate_depth_one);
    tcase_add_test(tc, query_timeout_hyt00_then_08s01);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
