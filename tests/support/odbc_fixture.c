/* SPDX-License-Identifier: MIT */
/* odbc_fixture.c - the common fixture of the DM integration tests. */
#include "odbc_fixture.h"

#include <stdint.h>
#include <string.h>

struct odbc_test_env fx_test_env;
SQLHENV fx_env;
SQLHDBC fx_dbc;

void fx_setup(void)
{
    ck_assert_msg(odbc_test_env_start(&fx_test_env, NULL), "test environment");
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &fx_env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(fx_env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, fx_env, &fx_dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLDriverConnect(fx_dbc, NULL, (SQLCHAR *)fx_test_env.connstr, SQL_NTS, NULL,
                                    0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, fx_dbc);
    ck_assert(SQL_SUCCEEDED(rc));
}

void fx_teardown(void)
{
    SQLDisconnect(fx_dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, fx_dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, fx_env);
    odbc_test_env_stop(&fx_test_env);
}

SQLHSTMT fx_new_stmt(void)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, fx_dbc, &st), SQL_SUCCESS);
    return st;
}

void fx_expect_diag(SQLSMALLINT type, SQLHANDLE h, const char *state, SQLINTEGER native)
{
    SQLCHAR got[6] = "";
    SQLINTEGER nat = 12345;
    SQLCHAR msg[512];
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(type, h, 1, got, &nat, msg, sizeof msg, &len), SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)got, state) == 0, "SQLSTATE %s, want %s (%s)", got, state, msg);
    ck_assert_int_eq(nat, native);
}

void fx_expect_state(SQLHSTMT st, SQLSMALLINT rec, const char *state)
{
    SQLCHAR got[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[512];
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, rec, got, &nat, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)got, state) == 0, "SQLSTATE %s, want %s (%s)", got, state, msg);
}

void fx_exec_ok(SQLHSTMT st, const char *sql)
{
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA, "%s", sql);
    SQLFreeStmt(st, SQL_CLOSE);
}
