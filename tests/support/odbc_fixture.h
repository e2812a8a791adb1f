/* SPDX-License-Identifier: MIT */
/* odbc_fixture.h - the common fixture of the DM integration tests: per test,
 * a fresh ifxlite (odbc_env.h), an ODBC 3 environment and one connection to
 * DSN ifxtest; plus the assertions those tests share. */
#ifndef IFXODBC_ODBC_FIXTURE_H
#define IFXODBC_ODBC_FIXTURE_H

#include <check.h>

#include <sql.h>
#include <sqlext.h>

#include "odbc_env.h"

extern struct odbc_test_env fx_test_env;
extern SQLHENV fx_env;
extern SQLHDBC fx_dbc;

/* Check checked-fixture functions: start ifxlite and connect / disconnect and stop. */
void fx_setup(void);
void fx_teardown(void);

/* A new statement on fx_dbc (asserts success). */
SQLHSTMT fx_new_stmt(void);

/* Assert rc; on mismatch print the statement's diagnostics. */
#define EXPECT_RC(st, expr, want)                                                                  \
    do {                                                                                           \
        SQLRETURN r_ = (expr);                                                                     \
        if (r_ != (want))                                                                          \
            odbc_dump_diag(SQL_HANDLE_STMT, (st));                                                 \
        ck_assert_int_eq(r_, (want));                                                              \
    } while (0)
#define OK(st, expr) EXPECT_RC(st, expr, SQL_SUCCESS)

/* First diagnostic record has this SQLSTATE and native error. */
void fx_expect_diag(SQLSMALLINT type, SQLHANDLE h, const char *state, SQLINTEGER native);
/* Record `rec` of a statement has this SQLSTATE. */
void fx_expect_state(SQLHSTMT st, SQLSMALLINT rec, const char *state);
/* SQLExecDirect succeeds (or is SQL_NO_DATA); the cursor is closed after. */
void fx_exec_ok(SQLHSTMT st, const char *sql);

#endif
