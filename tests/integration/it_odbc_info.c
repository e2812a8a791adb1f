/* SPDX-License-Identifier: MIT */
/* it_odbc_info.c - SQLGetInfo through the driver manager (DBMS name and
 * version from the server, driver version strings, tiny buffers with 01004,
 * integer answers, W form, unknown type HY096) and SQLGetFunctions. */
#include <ctype.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env tenv;
static SQLHENV env;
static SQLHDBC dbc;

static void start(void)
{
    ck_assert_msg(odbc_test_env_start(&tenv, NULL), "could not start ifxlite");
}

static void stop(void)
{
    odbc_test_env_stop(&tenv);
}

static void setup(void)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

static void teardown(void)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

static void info_str(SQLUSMALLINT type, const char *expect)
{
    SQLCHAR buf[256] = "";
    SQLSMALLINT len = -1;
    SQLRETURN rc = SQLGetInfo(dbc, type, buf, sizeof buf, &len);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(rc, SQL_SUCCESS);
    ck_assert_str_eq((const char *)buf, expect);
    ck_assert_int_eq(len, (int)strlen(expect));
}

static SQLUSMALLINT info_u16(SQLUSMALLINT type)
{
    SQLUSMALLINT v = 0xFFFF;
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetInfo(dbc, type, &v, sizeof v, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, 2);
    return v;
}

static SQLUINTEGER info_u32(SQLUSMALLINT type)
{
    SQLUINTEGER v = 0xFFFFFFFFu;
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetInfo(dbc, type, &v, sizeof v, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, 4);
    return v;
}

START_TEST(strings)
{
    info_str(SQL_DBMS_NAME, "Informix");
    info_str(SQL_DRIVER_ODBC_VER, "03.80");
    info_str(SQL_DRIVER_VER, "00.01.0000");
    info_str(SQL_DRIVER_NAME, "libifxodbc.so");
    info_str(SQL_IDENTIFIER_QUOTE_CHAR, "\"");
    info_str(SQL_CATALOG_NAME_SEPARATOR, ":");
    info_str(SQL_CATALOG_TERM, "database");
    info_str(SQL_SCHEMA_TERM, "owner");
    info_str(SQL_DATABASE_NAME, "testdb");
    info_str(SQL_USER_NAME, "informix");
    info_str(SQL_SERVER_NAME, "ol_ifxlite");
    info_str(SQL_DATA_SOURCE_READ_ONLY, "N");
    info_str(SQL_MULT_RESULT_SETS, "N");
    info_str(SQL_CATALOG_NAME, "Y");
}
END_TEST

START_TEST(dbms_version_from_server)
{
    /* ifxlite reports "14.10.FC10" (PROTOCOL.md CONACC) -> ##.##.#### + product text */
    SQLCHAR buf[64] = "";
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DBMS_VER, buf, sizeof buf, NULL), SQL_SUCCESS);
    ck_assert_str_eq((const char *)buf, "14.10.0010 14.10.FC10");
    const char *v = (const char *)buf;
    ck_assert(isdigit((unsigned char)v[0]) && v[2] == '.' && v[5] == '.');
}
END_TEST

START_TEST(tiny_buffers)
{
    /* pyodbc: 2-byte buffers for Y/N answers */
    SQLCHAR yn[2] = {'x', 'x'};
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_NEED_LONG_DATA_LEN, yn, 2, &len), SQL_SUCCESS);
    ck_assert_int_eq(yn[0], 'Y'); /* BYTE/TEXT data at execution stream with the length */
    ck_assert_int_eq(yn[1], '\0');
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DESCRIBE_PARAMETER, yn, 2, &len), SQL_SUCCESS);
    ck_assert_int_eq(yn[0], 'Y');
    /* cut: 01004, NUL-terminated, full length */
    SQLCHAR small[5];
    memset(small, 'x', sizeof small);
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DBMS_NAME, small, 4, &len), SQL_SUCCESS_WITH_INFO);
    ck_assert_str_eq((const char *)small, "Inf");
    ck_assert_int_eq(small[4], 'x'); /* nothing written past the buffer */
    ck_assert_int_eq(len, 8);
    SQLCHAR st[6];
    SQLINTEGER native;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, st, &native, NULL, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "01004");
    /* no buffer: length only */
    len = 0;
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DBMS_NAME, NULL, 0, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, 8);
}
END_TEST

START_TEST(integers)
{
    ck_assert_uint_eq(info_u16(SQL_CURSOR_COMMIT_BEHAVIOR), SQL_CB_CLOSE);
    ck_assert_uint_eq(info_u16(SQL_CURSOR_ROLLBACK_BEHAVIOR), SQL_CB_CLOSE);
    ck_assert_uint_eq(info_u16(SQL_TXN_CAPABLE), SQL_TC_ALL);
    ck_assert_uint_eq(info_u16(SQL_IDENTIFIER_CASE), SQL_IC_LOWER);
    ck_assert_uint_eq(info_u16(SQL_MAX_COLUMN_NAME_LEN), 128);
    ck_assert_uint_eq(info_u16(SQL_CATALOG_LOCATION), SQL_CL_START);
    ck_assert_uint_eq(info_u16(SQL_NULL_COLLATION), SQL_NC_LOW);
    ck_assert_uint_eq(info_u32(SQL_DEFAULT_TXN_ISOLATION), SQL_TXN_READ_COMMITTED);
    /* SQLExtendedFetch is exported, so every direction it serves is advertised
     * (odbc-notes §8: never advertise them without it) */
    ck_assert_uint_eq(info_u32(SQL_FETCH_DIRECTION),
                      SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST |
                          SQL_FD_FETCH_PRIOR | SQL_FD_FETCH_ABSOLUTE | SQL_FD_FETCH_RELATIVE |
                          SQL_FD_FETCH_BOOKMARK);
    ck_assert_uint_eq(info_u32(SQL_SCROLL_OPTIONS), SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
    ck_assert_uint_eq(info_u32(SQL_ASYNC_MODE), SQL_AM_NONE);
    ck_assert_uint_eq(info_u32(SQL_GETDATA_EXTENSIONS),
                      SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND);
    ck_assert_uint_eq(info_u32(SQL_ODBC_INTERFACE_CONFORMANCE), SQL_OIC_CORE);
    ck_assert(info_u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_UCASE);
    ck_assert(info_u32(SQL_CONVERT_CHAR) & SQL_CVT_INTEGER);
    ck_assert_uint_eq(info_u32(SQL_STATIC_CURSOR_ATTRIBUTES1),
                      SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE | SQL_CA1_BOOKMARK |
                          SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION);
    ck_assert_uint_eq(info_u32(SQL_KEYSET_CURSOR_ATTRIBUTES1), 0);
}
END_TEST

START_TEST(unknown_type_hy096)
{
    SQLCHAR buf[16];
    ck_assert_int_eq(SQLGetInfo(dbc, 4242, buf, sizeof buf, NULL), SQL_ERROR);
    SQLCHAR st[6];
    SQLINTEGER native;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, st, &native, NULL, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)st, "HY096");
}
END_TEST

START_TEST(wide_info)
{
    SQLWCHAR w[32];
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetInfoW(dbc, SQL_DBMS_NAME, w, sizeof w, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, 16); /* bytes */
    ck_assert_int_eq(w[0], 'I');
    ck_assert_int_eq(w[7], 'x');
    ck_assert_int_eq(w[8], 0);
    /* 6 bytes: two characters and the terminator */
    ck_assert_int_eq(SQLGetInfoW(dbc, SQL_DBMS_NAME, w, 6, &len), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(w[1], 'n');
    ck_assert_int_eq(w[2], 0);
}
END_TEST

START_TEST(functions)
{
    SQLUSMALLINT yes = 0;
    ck_assert_int_eq(SQLGetFunctions(dbc, SQL_API_SQLCONNECT, &yes), SQL_SUCCESS);
    ck_assert_int_eq(yes, SQL_TRUE);
    ck_assert_int_eq(SQLGetFunctions(dbc, SQL_API_SQLGETDIAGREC, &yes), SQL_SUCCESS);
    ck_assert_int_eq(yes, SQL_TRUE);
    /* exported for ODBC 2 scrolling applications (and consistent with
     * SQL_FETCH_DIRECTION above) */
    ck_assert_int_eq(SQLGetFunctions(dbc, SQL_API_SQLEXTENDEDFETCH, &yes), SQL_SUCCESS);
    ck_assert_int_eq(yes, SQL_TRUE);
    /* not exported: SQLBrowseConnect */
    ck_assert_int_eq(SQLGetFunctions(dbc, SQL_API_SQLBROWSECONNECT, &yes), SQL_SUCCESS);
    ck_assert_int_eq(yes, SQL_FALSE);
    SQLUSMALLINT bits[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
    ck_assert_int_eq(SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bits), SQL_SUCCESS);
    ck_assert(SQL_FUNC_EXISTS(bits, SQL_API_SQLENDTRAN));
    ck_assert(SQL_FUNC_EXISTS(bits, SQL_API_SQLGETINFO));
    ck_assert(SQL_FUNC_EXISTS(bits, SQL_API_SQLSETPOS)); /* SQL_POSITION on static cursors */
    ck_assert(!SQL_FUNC_EXISTS(bits, SQL_API_SQLBULKOPERATIONS));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_info");
    TCase *tc = tcase_create("info");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, strings);
    tcase_add_test(tc, dbms_version_from_server);
    tcase_add_test(tc, tiny_buffers);
    tcase_add_test(tc, integers);
    tcase_add_test(tc, unknown_type_hy096);
    tcase_add_test(tc, wide_info);
    tcase_add_test(tc, functions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
