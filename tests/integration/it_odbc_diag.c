/* SPDX-License-Identifier: MIT */
/* it_odbc_diag.c - diagnostics: through the driver manager (server errors
 * with SQLSTATE, native SQLCODE and ISAM code in the text; SQLGetDiagField
 * record fields; reading never clears) and straight against the driver
 * library via dlopen, where the driver's own SQLGetDiagRec / SQLGetDiagField
 * answer (header fields, RETURNCODE, tiny buffers, record numbers). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

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

/* ---- through the DM ----------------------------------------------------- */

static SQLHENV env;
static SQLHDBC dbc;

static void connect_dsn(const char *dsn)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    SQLCHAR name[32];
    snprintf((char *)name, sizeof name, "%s", dsn);
    SQLRETURN rc = SQLConnect(dbc, name, SQL_NTS, NULL, 0, NULL, 0);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

static void disconnect(void)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

START_TEST(server_error_record)
{
    connect_dsn("ifxtest");
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM no_such_table", SQL_NTS);
    ck_assert_int_eq(rc, SQL_ERROR);
    SQLCHAR state[6], msg[600];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)state, "42S02");
    ck_assert_int_eq(native, -206);
    ck_assert_msg(strstr((const char *)msg, "[ifxodbc][Informix]") == (const char *)msg,
                  "message %s", msg);
    ck_assert_msg(strstr((const char *)msg, "no_such_table") != NULL, "message %s", msg);
    ck_assert_msg(strstr((const char *)msg, "(ISAM -111)") != NULL, "message %s", msg);
    /* reading again gives the same record */
    SQLCHAR state2[6];
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state2, NULL, NULL, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)state2, "42S02");
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, 2, state2, NULL, NULL, 0, NULL),
                     SQL_NO_DATA);
    SQLINTEGER nat2 = 0;
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_NATIVE, &nat2, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(nat2, -206);
    SQLCHAR origin[32];
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_CLASS_ORIGIN, origin,
                                     sizeof origin, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)origin, "ISO 9075");
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SUBCLASS_ORIGIN, origin,
                                     sizeof origin, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)origin, "ODBC 3.0");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    disconnect();
}
END_TEST

START_TEST(login_error_fields)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    ck_assert_int_eq(SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=ifxtest;PWD=bad", SQL_NTS, NULL,
                                      0, NULL, SQL_DRIVER_NOPROMPT),
                     SQL_ERROR);
    SQLINTEGER n = 0;
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_DBC, dbc, 0, SQL_DIAG_NUMBER, &n, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_ge(n, 1);
    SQLCHAR state[6];
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_DBC, dbc, 1, SQL_DIAG_SQLSTATE, state,
                                     sizeof state, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)state, "28000");
    SQLCHAR msg[600];
    ck_assert_int_eq(SQLGetDiagField(SQL_HANDLE_DBC, dbc, 1, SQL_DIAG_MESSAGE_TEXT, msg,
                                     sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_msg(strstr((const char *)msg, "Incorrect password") != NULL, "message %s", msg);
    ck_assert_int_lt(len, 500);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}
END_TEST

/* ---- straight to the driver -------------------------------------------- */

struct drv {
    void *so;
    SQLRETURN (*alloc)(SQLSMALLINT, SQLHANDLE, SQLHANDLE *);
    SQLRETURN (*free_h)(SQLSMALLINT, SQLHANDLE);
    SQLRETURN (*set_env)(SQLHENV, SQLINTEGER, SQLPOINTER, SQLINTEGER);
    SQLRETURN (*connect)(SQLHDBC, SQLCHAR *, SQLSMALLINT, SQLCHAR *, SQLSMALLINT, SQLCHAR *,
                         SQLSMALLINT);
    SQLRETURN (*disconnect)(SQLHDBC);
    SQLRETURN (*get_rec)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLCHAR *, SQLINTEGER *, SQLCHAR *,
                         SQLSMALLINT, SQLSMALLINT *);
    SQLRETURN (*get_field)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLSMALLINT, SQLPOINTER,
                           SQLSMALLINT, SQLSMALLINT *);
    SQLRETURN (*get_info)(SQLHDBC, SQLUSMALLINT, SQLPOINTER, SQLSMALLINT, SQLSMALLINT *);
};

#define SYM(d, field, name)                                                                        \
    do {                                                                                           \
        *(void **)(&(d)->field) = dlsym((d)->so, name);                                            \
        ck_assert_msg((d)->field != NULL, "missing %s", name);                                     \
    } while (0)

static void drv_open(struct drv *d)
{
    d->so = dlopen(odbc_test_driver_path(), RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(d->so != NULL, "dlopen: %s", dlerror());
    SYM(d, alloc, "SQLAllocHandle");
    SYM(d, free_h, "SQLFreeHandle");
    SYM(d, set_env, "SQLSetEnvAttr");
    SYM(d, connect, "SQLConnect");
    SYM(d, disconnect, "SQLDisconnect");
    SYM(d, get_rec, "SQLGetDiagRec");
    SYM(d, get_field, "SQLGetDiagField");
    SYM(d, get_info, "SQLGetInfo");
}

START_TEST(driver_diag_direct)
{
    struct drv d;
    drv_open(&d);
    SQLHENV e = NULL;
    SQLHDBC c = NULL;
    ck_assert_int_eq(d.alloc(SQL_HANDLE_ENV, NULL, &e), SQL_SUCCESS);
    /* no ODBC version yet: HY010 on the environment */
    ck_assert_int_eq(d.alloc(SQL_HANDLE_DBC, e, &c), SQL_ERROR);
    SQLCHAR st[6] = "", msg[64];
    SQLINTEGER native = 7;
    SQLSMALLINT len = 0;
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_ENV, e, 1, st, &native, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "HY010");
    ck_assert_int_eq(native, 0);
    ck_assert_msg(strncmp((const char *)msg, "[ifxodbc][SQLI]", 15) == 0, "msg %s", msg);
    /* record numbers and buffer checks */
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_ENV, e, 0, st, NULL, NULL, 0, NULL), SQL_ERROR);
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_ENV, e, 2, st, NULL, NULL, 0, NULL), SQL_NO_DATA);
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_ENV, e, 1, st, NULL, msg, -1, NULL), SQL_ERROR);
    SQLCHAR tiny[4];
    SQLSMALLINT full = 0;
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_ENV, e, 1, st, NULL, tiny, 4, &full),
                     SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(full, len);
    ck_assert_str_eq((const char *)tiny, "[if");
    /* header fields; reading added no record */
    SQLINTEGER n = 0;
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 0, SQL_DIAG_NUMBER, &n, 0, NULL), SQL_SUCCESS);
    ck_assert_int_eq(n, 1);
    SQLRETURN rcv = 0;
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 0, SQL_DIAG_RETURNCODE, &rcv, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(rcv, SQL_ERROR);
    SQLCHAR origin[16];
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 1, SQL_DIAG_CLASS_ORIGIN, origin,
                                 sizeof origin, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)origin, "ODBC 3.0");
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 1, SQL_DIAG_SQLSTATE, origin, 3, &len),
                     SQL_SUCCESS_WITH_INFO);
    ck_assert_str_eq((const char *)origin, "HY");
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 0, SQL_DIAG_ROW_COUNT, &n, 0, NULL),
                     SQL_ERROR); /* statement-only header field */
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, e, 3, SQL_DIAG_SQLSTATE, origin, 6, &len),
                     SQL_NO_DATA);
    ck_assert_int_eq(d.get_field(SQL_HANDLE_ENV, (SQLHANDLE)&n, 1, SQL_DIAG_SQLSTATE, origin, 6,
                                 &len),
                     SQL_INVALID_HANDLE);

    /* ODBC 2 environment: ODBC 2 SQLSTATEs */
    ck_assert_int_eq(d.set_env(e, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(d.alloc(SQL_HANDLE_DBC, e, &c), SQL_SUCCESS);
    ck_assert_int_eq(d.get_info(c, 4242, msg, sizeof msg, NULL), SQL_ERROR);
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_DBC, c, 1, st, NULL, NULL, 0, NULL), SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "S1096");

    /* SQLFreeHandle of a connected dbc: HY010 from the driver itself */
    ck_assert_int_eq(d.connect(c, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS);
    ck_assert_int_eq(d.connect(c, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_ERROR);
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_DBC, c, 1, st, NULL, NULL, 0, NULL), SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "08002");
    ck_assert_int_eq(d.free_h(SQL_HANDLE_DBC, c), SQL_ERROR);
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_DBC, c, 1, st, NULL, NULL, 0, NULL), SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "S1010");
    ck_assert_int_eq(d.free_h(SQL_HANDLE_ENV, e), SQL_ERROR); /* it still has a dbc */
    ck_assert_int_eq(d.disconnect(c), SQL_SUCCESS);
    ck_assert_int_eq(d.disconnect(c), SQL_ERROR); /* 08003 */
    ck_assert_int_eq(d.get_rec(SQL_HANDLE_DBC, c, 1, st, NULL, NULL, 0, NULL), SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "08003");
    ck_assert_int_eq(d.free_h(SQL_HANDLE_DBC, c), SQL_SUCCESS);
    ck_assert_int_eq(d.free_h(SQL_HANDLE_ENV, e), SQL_SUCCESS);
    ck_assert_int_eq(d.free_h(SQL_HANDLE_DBC, NULL), SQL_INVALID_HANDLE);
    /* the library stays loaded (as with the DM's DontDLClose) */
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_diag");
    TCase *tc = tcase_create("diag");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, driver_diag_direct);
    tcase_add_test(tc, login_error_fields);
    tcase_add_test(tc, server_error_record);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
