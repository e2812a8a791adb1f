/* SPDX-License-Identifier: MIT */
/* it_odbc_connect.c - connecting through the unixODBC driver manager:
 * SQLConnect with a DSN, SQLDriverConnect with DSN= and DRIVER= strings
 * (completed string without PWD, 01004 when cut), login failures (28000 /
 * -951, 08001 with nothing listening, -329 unknown database), W connects,
 * ODBC 2 / 3 / 3.80 environments and the handle state errors. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

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

static void alloc_version(SQLINTEGER version)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(intptr_t)version, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
}

static void setup(void)
{
    alloc_version(SQL_OV_ODBC3);
}

static void teardown(void)
{
    SQLDisconnect(dbc); /* may fail: not connected */
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

/* First diagnostic record's state and native error of a handle. */
static void first_diag(SQLSMALLINT type, SQLHANDLE h, char state[6], SQLINTEGER *native,
                       char *msg, size_t cap)
{
    SQLCHAR st[6] = "", m[1024] = "";
    SQLINTEGER nat = 0;
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLGetDiagRec(type, h, 1, st, &nat, m, sizeof m, &len);
    ck_assert_msg(SQL_SUCCEEDED(rc), "no diagnostic record (rc %d)", (int)rc);
    memcpy(state, st, 6);
    if (native)
        *native = nat;
    if (msg)
        snprintf(msg, cap, "%s", (const char *)m);
}

static void expect_ok(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE h)
{
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(type, h);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

static void expect_connected(void)
{
    SQLCHAR name[64] = "";
    SQLSMALLINT len = 0;
    expect_ok(SQLGetInfo(dbc, SQL_DBMS_NAME, name, sizeof name, &len), SQL_HANDLE_DBC, dbc);
    ck_assert_str_eq((const char *)name, "Informix");
}

START_TEST(connect_dsn)
{
    expect_ok(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC,
              dbc);
    expect_connected();
    SQLCHAR db[64] = "";
    SQLSMALLINT len = 0;
    expect_ok(SQLGetInfo(dbc, SQL_DATABASE_NAME, db, sizeof db, &len), SQL_HANDLE_DBC, dbc);
    ck_assert_str_eq((const char *)db, "testdb");
    SQLCHAR dsn[64] = "";
    expect_ok(SQLGetInfo(dbc, SQL_DATA_SOURCE_NAME, dsn, sizeof dsn, &len), SQL_HANDLE_DBC, dbc);
    ck_assert_str_eq((const char *)dsn, "ifxtest");
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    /* reconnect on the same handle works */
    expect_ok(SQLConnect(dbc, (SQLCHAR *)"ifxplain", SQL_NTS, (SQLCHAR *)"informix", SQL_NTS,
                         (SQLCHAR *)"secret", SQL_NTS),
              SQL_HANDLE_DBC, dbc);
    expect_connected();
}
END_TEST

START_TEST(driver_connect_dsn)
{
    SQLCHAR out[512] = "";
    SQLSMALLINT out_len = 0;
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=ifxtest;PWD=secret", SQL_NTS, out,
                               sizeof out, &out_len, SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(out_len, (int)strlen((const char *)out));
    ck_assert_msg(strstr((const char *)out, "DSN=ifxtest") == (const char *)out, "got %s", out);
    ck_assert_msg(strstr((const char *)out, "secret") == NULL, "password echoed: %s", out);
    ck_assert_msg(strstr((const char *)out, "PWD") == NULL, "PWD echoed: %s", out);
    expect_connected();
}
END_TEST

static void driver_string(char *buf, size_t cap, const char *driver, const char *extra)
{
    snprintf(buf, cap,
             "DRIVER={%s};Host=127.0.0.1;Service=%d;Server=ol_ifxlite;Database=testdb;"
             "UID=informix;PWD=secret;%s",
             driver, tenv.srv.port, extra);
}

START_TEST(driver_connect_driver_name_and_path)
{
    char in[512];
    SQLCHAR out[512] = "";
    SQLSMALLINT out_len = 0;
    driver_string(in, sizeof in, "ifxodbc", "");
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, out, sizeof out, &out_len,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    ck_assert_msg(strncmp((const char *)out, "DRIVER={ifxodbc}", 16) == 0 ||
                      strncmp((const char *)out, "DRIVER=ifxodbc", 14) == 0,
                  "got %s", out);
    ck_assert_msg(strstr((const char *)out, "secret") == NULL, "password echoed: %s", out);
    expect_connected();
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);

    driver_string(in, sizeof in, odbc_test_driver_path(), "");
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    expect_connected();
}
END_TEST

START_TEST(driver_connect_short_buffer_01004)
{
    SQLCHAR out[10];
    memset(out, 'X', sizeof out);
    SQLSMALLINT out_len = 0;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=ifxtest", SQL_NTS, out,
                                    sizeof out, &out_len, SQL_DRIVER_NOPROMPT);
    ck_assert_int_eq(rc, SQL_SUCCESS_WITH_INFO);
    char st[6];
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "01004");
    ck_assert_int_gt(out_len, 9);
    ck_assert_int_eq(out[9], '\0');
    ck_assert_int_eq(strncmp((const char *)out, "DSN=ifxte", 9), 0);
    expect_connected(); /* the connection is open anyway */
}
END_TEST

START_TEST(driver_connect_empty_uid_pwd_uses_dsn)
{
    /* DBD::ODBC appends "UID=;PWD=" (odbc-notes §3.4) */
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=ifxtest;UID=;PWD=", SQL_NTS, NULL, 0,
                               NULL, SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    expect_connected();
}
END_TEST

START_TEST(bad_password_28000)
{
    SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, (SQLCHAR *)"informix", SQL_NTS,
                              (SQLCHAR *)"wrong", SQL_NTS);
    ck_assert_int_eq(rc, SQL_ERROR);
    char st[6], msg[1024];
    SQLINTEGER native = 0;
    first_diag(SQL_HANDLE_DBC, dbc, st, &native, msg, sizeof msg);
    ck_assert_str_eq(st, "28000");
    ck_assert_int_eq(native, -951);
    /* the DM prefixes "[unixODBC]" to errors of its SQLConnect (observed) */
    ck_assert_msg(strstr(msg, "[ifxodbc][Informix]Incorrect password or user informix ") != NULL,
                  "message %s", msg);
    ck_assert_msg(strlen(msg) < 500, "message too long");
}
END_TEST

static int closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t len = sizeof a;
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd); /* nothing listens there now */
    return ntohs(a.sin_port);
}

START_TEST(nothing_listening_08001)
{
    char in[512];
    snprintf(in, sizeof in,
             "DRIVER={ifxodbc};Host=127.0.0.1;Service=%d;Server=ol_ifxlite;Database=testdb;"
             "UID=informix;PWD=secret",
             closed_port());
    ck_assert_int_eq(SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)2, 0),
                     SQL_SUCCESS);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ck_assert_int_eq(rc, SQL_ERROR);
    char st[6], msg[1024];
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, msg, sizeof msg);
    ck_assert_str_eq(st, "08001");
    ck_assert_msg(strstr(msg, "[ifxodbc][SQLI]") == msg, "message %s", msg);
    ck_assert_int_lt(t1.tv_sec - t0.tv_sec, 5);
}
END_TEST

START_TEST(unknown_database_329)
{
    char in[512];
    snprintf(in, sizeof in,
             "DRIVER={ifxodbc};Host=127.0.0.1;Service=%d;Server=ol_ifxlite;Database=nosuchdb;"
             "UID=informix;PWD=secret",
             tenv.srv.port);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    ck_assert_int_eq(rc, SQL_ERROR);
    char st[6];
    SQLINTEGER native = 0;
    first_diag(SQL_HANDLE_DBC, dbc, st, &native, NULL, 0);
    ck_assert_int_eq(native, -329);
    ck_assert_str_eq(st, "08004"); /* diag_map: -329 -> 08004 */
}
END_TEST

START_TEST(wrong_server_name_761)
{
    char in[512];
    snprintf(in, sizeof in,
             "DRIVER={ifxodbc};Host=127.0.0.1;Service=%d;Server=other_srv;Database=testdb;"
             "UID=informix;PWD=secret",
             tenv.srv.port);
    ck_assert_int_eq(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL,
                                      SQL_DRIVER_NOPROMPT),
                     SQL_ERROR);
    char st[6];
    SQLINTEGER native = 0;
    first_diag(SQL_HANDLE_DBC, dbc, st, &native, NULL, 0);
    ck_assert_int_eq(native, -761);
    ck_assert_str_eq(st, "08001");
}
END_TEST

/* UTF-8 text -> UTF-16 (BMP and surrogate pairs) for the W tests. */
static size_t to_w(const char *s, SQLWCHAR *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n + 2 < cap) {
        unsigned cp;
        if (*p < 0x80) {
            cp = *p++;
        } else if (*p < 0xE0) {
            cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            p += 2;
        } else if (*p < 0xF0) {
            cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            p += 3;
        } else {
            cp = ((unsigned)(p[0] & 0x07) << 18) | ((unsigned)(p[1] & 0x3F) << 12) |
                 ((unsigned)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            p += 4;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[n++] = (SQLWCHAR)(0xD800 + (cp >> 10));
            out[n++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            out[n++] = (SQLWCHAR)cp;
        }
    }
    out[n] = 0;
    return n;
}

START_TEST(wide_connect_and_diag)
{
    SQLWCHAR w[256], out[256];
    to_w("DSN=ifxtest", w, 256);
    SQLSMALLINT out_len = 0;
    expect_ok(SQLDriverConnectW(dbc, NULL, w, SQL_NTS, out, 256, &out_len, SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    ck_assert_int_gt(out_len, 10);
    ck_assert_int_eq(out[0], 'D');
    ck_assert_int_eq(out[out_len], 0);
    expect_connected();
    ck_assert_int_eq(SQLDisconnect(dbc), SQL_SUCCESS);

    to_w("ifxtest", w, 256);
    SQLWCHAR uid[64], pwd[64];
    to_w("informix", uid, 64);
    to_w("secret", pwd, 64);
    expect_ok(SQLConnectW(dbc, w, SQL_NTS, uid, SQL_NTS, pwd, SQL_NTS), SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(SQLDisconnect(dbc), SQL_SUCCESS);

    /* a non-ASCII user (with a character outside the BMP) is refused: the
     * W diagnostic carries the server's text */
    to_w("us\xc3\xa9r\xf0\x9f\x98\x80", uid, 64);
    SQLRETURN rc = SQLConnectW(dbc, w, SQL_NTS, uid, SQL_NTS, pwd, SQL_NTS);
    ck_assert_int_eq(rc, SQL_ERROR);
    SQLWCHAR st[6], msg[600];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    ck_assert_int_eq(SQLGetDiagRecW(SQL_HANDLE_DBC, dbc, 1, st, &native, msg, 600, &len),
                     SQL_SUCCESS);
    ck_assert_int_eq(native, -951);
    ck_assert_int_eq(st[0], '2');
    ck_assert_int_eq(st[1], '8');
    ck_assert_int_eq(msg[0], '[');
    ck_assert_int_eq(msg[len], 0);
    /* tiny W message buffer: truncated, NUL-terminated, full length reported */
    SQLWCHAR small[5];
    SQLSMALLINT len2 = 0;
    ck_assert_int_eq(SQLGetDiagRecW(SQL_HANDLE_DBC, dbc, 1, st, &native, small, 5, &len2),
                     SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(len2, len);
    ck_assert_int_eq(small[4], 0);
}
END_TEST

START_TEST(odbc_versions)
{
    teardown(); /* replace the ODBC 3 environment of setup() */
    static const SQLINTEGER versions[] = {SQL_OV_ODBC2, SQL_OV_ODBC3, SQL_OV_ODBC3_80};
    for (size_t i = 0; i < 3; i++) {
        alloc_version(versions[i]);
        SQLINTEGER got = 0;
        ck_assert_int_eq(SQLGetEnvAttr(env, SQL_ATTR_ODBC_VERSION, &got, 0, NULL), SQL_SUCCESS);
        ck_assert_int_eq(got, versions[i]);
        /* SQL_SUCCESS, not 01000 "driver does not support the requested version" */
        expect_ok(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0),
                  SQL_HANDLE_DBC, dbc);
        /* an error the driver reports: unknown information type */
        SQLCHAR buf[16];
        ck_assert_int_eq(SQLGetInfo(dbc, 9999, buf, sizeof buf, NULL), SQL_ERROR);
        char st[6];
        first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
        ck_assert_str_eq(st, versions[i] == SQL_OV_ODBC2 ? "S1096" : "HY096");
        teardown();
    }
    alloc_version(SQL_OV_ODBC3);
}
END_TEST

START_TEST(state_errors)
{
    /* not connected: 08003 */
    SQLCHAR buf[32];
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof buf, NULL), SQL_ERROR);
    char st[6];
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "08003");
    ck_assert_int_eq(SQLDisconnect(dbc), SQL_ERROR);
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "08003");

    expect_ok(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC,
              dbc);
    /* connected: a second connect is 08002, freeing is HY010 */
    ck_assert_int_eq(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_ERROR);
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "08002");
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DBC, dbc), SQL_ERROR);
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "HY010");
    expect_connected(); /* still usable */
}
END_TEST

START_TEST(connection_dead_and_attrs)
{
    expect_ok(SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC,
              dbc);
    SQLUINTEGER dead = 99;
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, SQL_IS_UINTEGER, NULL),
              SQL_HANDLE_DBC, dbc);
    ck_assert_uint_eq(dead, SQL_CD_FALSE);
    SQLCHAR cat[64] = "";
    SQLINTEGER len = 0;
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len),
              SQL_HANDLE_DBC, dbc);
    ck_assert_str_eq((const char *)cat, "testdb");
    ck_assert_int_eq(len, 6);
    SQLUINTEGER ac = 0;
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &ac, 0, NULL), SQL_HANDLE_DBC, dbc);
    ck_assert_uint_eq(ac, SQL_AUTOCOMMIT_ON);
    /* isolation through SET ISOLATION */
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_READ_UNCOMMITTED,
                                0),
              SQL_HANDLE_DBC, dbc);
    SQLUINTEGER iso = 0;
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, &iso, 0, NULL), SQL_HANDLE_DBC, dbc);
    ck_assert_uint_eq(iso, SQL_TXN_READ_UNCOMMITTED);
    /* the server goes away: the connection reports dead only after a failure */
    it_server_stop(&tenv.srv);
    SQLRETURN rc = SQLSetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION,
                                     (SQLPOINTER)SQL_TXN_READ_COMMITTED, 0);
    ck_assert_int_eq(rc, SQL_ERROR);
    char st[6];
    first_diag(SQL_HANDLE_DBC, dbc, st, NULL, NULL, 0);
    ck_assert_str_eq(st, "08S01");
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, SQL_IS_UINTEGER, NULL),
              SQL_HANDLE_DBC, dbc);
    ck_assert_uint_eq(dead, SQL_CD_TRUE);
    ck_assert_int_eq(SQLDisconnect(dbc), SQL_SUCCESS); /* always succeeds */
}
END_TEST

START_TEST(preconnect_attributes)
{
    /* what the DM replays before a connect (odbc-notes §1.4 / §8) */
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
              SQL_HANDLE_DBC, dbc);
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_ONLY, 0),
              SQL_HANDLE_DBC, dbc);
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_PACKET_SIZE, (SQLPOINTER)8192, 0), SQL_HANDLE_DBC,
              dbc);
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)30, 0),
              SQL_HANDLE_DBC, dbc);
    expect_ok(SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLCHAR *)"plain", SQL_NTS),
              SQL_HANDLE_DBC, dbc);
    char in[512];
    snprintf(in, sizeof in,
             "DRIVER={ifxodbc};Host=127.0.0.1;Service=%d;Server=ol_ifxlite;UID=informix;"
             "PWD=secret",
             tenv.srv.port);
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    SQLCHAR db[32] = "", ro[4] = "";
    expect_ok(SQLGetInfo(dbc, SQL_DATABASE_NAME, db, sizeof db, NULL), SQL_HANDLE_DBC, dbc);
    ck_assert_str_eq((const char *)db, "plain");
    expect_ok(SQLGetInfo(dbc, SQL_DATA_SOURCE_READ_ONLY, ro, sizeof ro, NULL), SQL_HANDLE_DBC,
              dbc);
    ck_assert_str_eq((const char *)ro, "Y");
    SQLUINTEGER ac = 1;
    expect_ok(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &ac, 0, NULL), SQL_HANDLE_DBC, dbc);
    ck_assert_uint_eq(ac, SQL_AUTOCOMMIT_OFF);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_connect");
    TCase *tc = tcase_create("connect");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, connect_dsn);
    tcase_add_test(tc, driver_connect_dsn);
    tcase_add_test(tc, driver_connect_driver_name_and_path);
    tcase_add_test(tc, driver_connect_short_buffer_01004);
    tcase_add_test(tc, driver_connect_empty_uid_pwd_uses_dsn);
    tcase_add_test(tc, bad_password_28000);
    tcase_add_test(tc, nothing_listening_08001);
    tcase_add_test(tc, unknown_database_329);
    tcase_add_test(tc, wrong_server_name_761);
    tcase_add_test(tc, wide_connect_and_diag);
    tcase_add_test(tc, odbc_versions);
    tcase_add_test(tc, state_errors);
    tcase_add_test(tc, preconnect_attributes);
    tcase_add_test(tc, connection_dead_and_attrs); /* last: it stops the server */
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
