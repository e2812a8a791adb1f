/* SPDX-License-Identifier: MIT */
/* it_odbc_trace.c - the trace file a user sends with a problem report
 * (issue #9): through the driver manager, Trace=1 / TraceFile= in the
 * connection string and $IFXODBC_TRACE write the ODBC entry points (ENTER /
 * LEAVE with the handle, key arguments and return code, every diagnostic
 * record's SQLSTATE, native error and message) and the protocol messages of
 * the session into one file, and the password appears nowhere in it: not
 * from the connection string, not from SQLConnect's argument, not from the
 * login request, also when the login fails. Without tracing nothing is
 * written. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env tenv;

static void start(void)
{
    ck_assert_msg(odbc_test_env_start(&tenv, NULL), "could not start ifxlite");
}

static void stop(void)
{
    odbc_test_env_stop(&tenv);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

static void expect_in(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fputs(text, stderr);
    ck_assert_msg(strstr(text, needle) != NULL, "trace lacks \"%s\"", needle);
}

static void expect_not_in(const char *text, const char *needle)
{
    if (strstr(text, needle))
        fputs(text, stderr);
    ck_assert_msg(strstr(text, needle) == NULL, "trace contains \"%s\"", needle);
}

/* The env + dbc of one session; returns the SQLDriverConnect rc. */
static SQLRETURN session_connect(SQLHENV *env, SQLHDBC *dbc, char *connstr)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(*env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, *env, dbc), SQL_SUCCESS);
    return SQLDriverConnect(*dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, NULL, 0, NULL,
                            SQL_DRIVER_NOPROMPT);
}

static void session_end(SQLHENV env, SQLHDBC dbc)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

/* One traced session: a good query, a failing one, disconnect. */
static void traced_session(char *connstr)
{
    SQLHENV env;
    SQLHDBC dbc;
    SQLRETURN rc = session_connect(&env, &dbc, connstr);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert(SQL_SUCCEEDED(rc));
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT FIRST 1 tabname FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLCloseCursor(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM no_such_tab_xq", SQL_NTS),
                     SQL_ERROR);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    session_end(env, dbc);
}

START_TEST(trace_keyword_session_without_password)
{
    char path[512], connstr[1024];
    snprintf(path, sizeof path, "%s/kw.trace", tenv.dir);
    unlink(path);
    /* Password= (PWD's other spelling) carries ifxlite's real password. */
    snprintf(connstr, sizeof connstr,
             "DSN=ifxtest;UID=informix;Password=secret;Trace=1;TraceFile=%s", path);
    traced_session(connstr);
    char *t = slurp(path);
    ck_assert_msg(t != NULL, "no trace file %s", path);
    /* the ODBC layer: entry points, handles, arguments, return codes */
    expect_in(t, " odbc ENTER SQLDriverConnect dbc=");
    expect_in(t, "Password=***");
    expect_in(t, " odbc LEAVE SQLDriverConnect dbc=");
    expect_in(t, "rc=SQL_SUCCESS(0)");
    expect_in(t, " odbc ENTER SQLExecDirect stmt=");
    expect_in(t, "sql=\"SELECT * FROM no_such_tab_xq\"");
    expect_in(t, " odbc LEAVE SQLExecDirect stmt=");
    expect_in(t, "rc=SQL_ERROR(-1)");
    expect_in(t, "SQLSTATE=42S02 native=-206 message=\"[ifxodbc][Informix]");
    expect_in(t, " odbc ENTER SQLFetch stmt=");
    expect_in(t, " odbc ENTER SQLDisconnect dbc=");
    expect_in(t, " odbc LEAVE SQLFreeHandle dbc=");
    /* the protocol layer in the same file */
    expect_in(t, "C->S CONREQ");
    expect_in(t, "password=<redacted>");
    expect_in(t, "S->C SQ_ERR bytes=");
    expect_in(t, "sqlcode=-206");
    /* and never the password */
    expect_not_in(t, "secret");
    free(t);
}
END_TEST

START_TEST(trace_failed_login_without_password)
{
    char path[512], connstr[1024];
    snprintf(path, sizeof path, "%s/fail.trace", tenv.dir);
    unlink(path);
    snprintf(connstr, sizeof connstr,
             "DSN=ifxtest;UID=informix;PWD={hunter2;x};Trace=1;TraceFile=%s", path);
    SQLHENV env;
    SQLHDBC dbc;
    ck_assert_int_eq(session_connect(&env, &dbc, connstr), SQL_ERROR);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    char *t = slurp(path);
    ck_assert_msg(t != NULL, "no trace file %s", path);
    expect_in(t, " odbc ENTER SQLDriverConnect dbc=");
    expect_in(t, "PWD=***");
    expect_in(t, "SQLSTATE=28000 native=-951");
    expect_not_in(t, "hunter2");
    free(t);
}
END_TEST

START_TEST(sqlconnect_password_argument_not_logged)
{
    char path[512];
    snprintf(path, sizeof path, "%s/env.trace", tenv.dir);
    unlink(path);
    /* $IFXODBC_TRACE is read at the process's first SQLAllocHandle(ENV): in
     * fork mode this test's process is fresh. */
    if (getenv("CK_FORK") && strcmp(getenv("CK_FORK"), "no") == 0)
        return;
    setenv("IFXODBC_TRACE", path, 1);
    SQLHENV env;
    SQLHDBC dbc;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    ck_assert_int_eq(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, (SQLCHAR *)"informix", SQL_NTS,
                                (SQLCHAR *)"secret", SQL_NTS),
                     SQL_SUCCESS);
    SQLCHAR name[64];
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DBMS_NAME, name, sizeof name, &len), SQL_SUCCESS);
    session_end(env, dbc);
    unsetenv("IFXODBC_TRACE");
    char *t = slurp(path);
    ck_assert_msg(t != NULL, "no trace file %s", path);
    expect_in(t, " odbc ENTER SQLAllocHandle env=");
    expect_in(t, " odbc ENTER SQLSetEnvAttr env=");
    expect_in(t, " odbc ENTER SQLConnect dbc=");
    expect_in(t, "dsn=\"ifxtest\" uid=\"informix\" pwd=<redacted>");
    expect_in(t, " odbc ENTER SQLGetInfo dbc=");
    expect_in(t, "type=17"); /* SQL_DBMS_NAME */
    expect_in(t, "C->S CONREQ");
    expect_in(t, "S->C CONACC");
    expect_not_in(t, "secret");
    free(t);
}
END_TEST

START_TEST(no_trace_writes_nothing)
{
    if (getenv("IFXODBC_TRACE"))
        return; /* the user traces the whole run */
    char path[512];
    snprintf(path, sizeof path, "%s/off.trace", tenv.dir);
    unlink(path);
    /* TraceFile without Trace=1: tracing stays off. */
    char connstr[1024];
    snprintf(connstr, sizeof connstr, "DSN=ifxtest;TraceFile=%s", path);
    traced_session(connstr);
    struct stat sb;
    ck_assert_msg(stat(path, &sb) != 0, "a trace file was written with tracing off");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_trace");
    TCase *tc = tcase_create("trace");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, trace_keyword_session_without_password);
    tcase_add_test(tc, trace_failed_login_without_password);
    tcase_add_test(tc, sqlconnect_password_argument_not_logged);
    tcase_add_test(tc, no_trace_writes_nothing);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
