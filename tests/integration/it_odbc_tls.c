/* SPDX-License-Identifier: MIT */
/* it_odbc_tls.c - TLS through the unixODBC driver manager against ifxlite
 * --tls-cert/--tls-key: Protocol=onsocssl / Encrypt=yes round trip; wrong CA,
 * expired, name mismatch, plaintext server behind a TLS DSN and TLS server
 * behind a plaintext DSN each give a prompt 08001 naming the reason; pin,
 * insecure mode, client certificate; PWD never echoed or in diagnostics. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "it_tls_certs.h"
#include "odbc_env.h"

static struct it_certs certs;
static struct odbc_test_env tenv; /* its ifxlite serves TLS with certs.server */
static struct it_server extra;    /* a second server for the failure cases */
static SQLHENV env;
static SQLHDBC dbc;

static void certs_setup(void)
{
    it_certs_make(&certs);
}

static void certs_teardown(void)
{
    it_certs_remove(&certs);
}

static void setup(void)
{
    const char *args[] = {"--tls-cert", certs.server, "--tls-key", certs.server_key, NULL};
    ck_assert_msg(odbc_test_env_start(&tenv, args), "could not start ifxlite");
    memset(&extra, 0, sizeof extra);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
}

static void teardown(void)
{
    SQLDisconnect(dbc); /* may fail: not connected */
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    if (extra.pid > 0)
        it_server_stop(&extra);
    odbc_test_env_stop(&tenv);
}

/* Start the extra server serving cert (NULL: plaintext). */
static void start_extra(const char *cert, const char *client_ca)
{
    const char *args[8];
    size_t n = 0;
    if (cert) {
        args[n++] = "--tls-cert";
        args[n++] = cert;
        args[n++] = "--tls-key";
        args[n++] = certs.server_key;
    }
    if (client_ca) {
        args[n++] = "--tls-client-ca";
        args[n++] = client_ca;
    }
    args[n] = NULL;
    ck_assert_msg(it_server_start(&extra, args), "cannot start the extra ifxlite");
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* DSN-less connection string to port with extra keywords. */
static void connstr(char *out, size_t cap, int port, const char *more)
{
    snprintf(out, cap,
             "DRIVER=ifxodbc;Host=127.0.0.1;Service=%d;Server=ol_ifxlite;Database=testdb;"
             "UID=informix;PWD=secret;%s",
             port, more);
}

static void expect_ok(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE h)
{
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(type, h);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

/* Connect expecting 08001 whose message contains `reason`, within max_ms. */
static void expect_08001(const char *in, const char *reason, long max_ms)
{
    long t0 = now_ms();
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)(uintptr_t)in, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    long ms = now_ms() - t0;
    ck_assert_int_eq(rc, SQL_ERROR);
    SQLCHAR st[6] = "", msg[1024] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    ck_assert(
        SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, st, &native, msg, sizeof msg, &len)));
    ck_assert_msg(strcmp((const char *)st, "08001") == 0, "state %s: %s", st, msg);
    ck_assert_msg(strstr((const char *)msg, reason) != NULL, "\"%s\" lacks \"%s\"", msg, reason);
    ck_assert_msg(strstr((const char *)msg, "secret") == NULL, "password in diag: %s", msg);
    ck_assert_msg(ms < max_ms, "took %ld ms", ms);
}

/* Create, fill and read back a temp table over the connected dbc. */
static void round_trip(void)
{
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    expect_ok(SQLExecDirect(st, (SQLCHAR *)"CREATE TEMP TABLE tt (i INT, s VARCHAR(10))", SQL_NTS),
              SQL_HANDLE_STMT, st);
    expect_ok(SQLExecDirect(st, (SQLCHAR *)"INSERT INTO tt VALUES (7, 'seven')", SQL_NTS),
              SQL_HANDLE_STMT, st);
    expect_ok(SQLExecDirect(st, (SQLCHAR *)"SELECT i, s FROM tt", SQL_NTS), SQL_HANDLE_STMT, st);
    expect_ok(SQLFetch(st), SQL_HANDLE_STMT, st);
    SQLINTEGER i = 0;
    SQLCHAR s[16] = "";
    SQLLEN ind = 0;
    expect_ok(SQLGetData(st, 1, SQL_C_SLONG, &i, 0, &ind), SQL_HANDLE_STMT, st);
    expect_ok(SQLGetData(st, 2, SQL_C_CHAR, s, sizeof s, &ind), SQL_HANDLE_STMT, st);
    ck_assert_int_eq(i, 7);
    ck_assert_str_eq((const char *)s, "seven");
    ck_assert_int_eq(SQLFetch(st), SQL_NO_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

START_TEST(odbc_onsocssl_round_trip_and_no_pwd_echo)
{
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.ca);
    snprintf(in, sizeof in, "DSN=ifxtest;PWD=secret;%s", more);
    SQLCHAR out[1024] = "";
    SQLSMALLINT out_len = 0;
    expect_ok(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, out, sizeof out, &out_len,
                               SQL_DRIVER_NOPROMPT),
              SQL_HANDLE_DBC, dbc);
    ck_assert_msg(strstr((const char *)out, "secret") == NULL, "password echoed: %s", out);
    ck_assert_msg(strstr((const char *)out, "PWD") == NULL, "PWD echoed: %s", out);
    ck_assert_msg(strstr((const char *)out, "Protocol=onsocssl") != NULL, "got %s", out);
    ck_assert_msg(strstr((const char *)out, "TLSCAFile=") != NULL, "got %s", out);
    round_trip();
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
}
END_TEST

START_TEST(odbc_encrypt_yes_with_host_name)
{
    char in[1024], more[400];
    snprintf(more, sizeof more, "Encrypt=yes;TLSCAFile=%s", certs.ca);
    snprintf(in, sizeof in,
             "DRIVER=ifxodbc;Host=localhost;Service=%d;Server=ol_ifxlite;Database=testdb;"
             "UID=informix;PWD=secret;%s",
             tenv.srv.port, more);
    expect_ok(
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc);
    round_trip();
}
END_TEST

START_TEST(odbc_wrong_ca_is_08001_unknown_ca)
{
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.other_ca);
    connstr(in, sizeof in, tenv.srv.port, more);
    expect_08001(in, "unknown CA", 3000);
}
END_TEST

START_TEST(odbc_expired_certificate_is_08001_expired)
{
    start_extra(certs.expired, NULL);
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.ca);
    connstr(in, sizeof in, extra.port, more);
    expect_08001(in, "expired", 3000);
}
END_TEST

START_TEST(odbc_name_mismatch_is_08001)
{
    start_extra(certs.wronghost, NULL);
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.ca);
    connstr(in, sizeof in, extra.port, more);
    expect_08001(in, "name mismatch", 3000);
    /* TLSServerName says which name to expect. */
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s;TLSServerName=wrong.example",
             certs.ca);
    connstr(in, sizeof in, extra.port, more);
    expect_ok(
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc);
}
END_TEST

START_TEST(odbc_plaintext_server_behind_tls_dsn_is_prompt_08001)
{
    start_extra(NULL, NULL);
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s;LoginTimeout=30", certs.ca);
    connstr(in, sizeof in, extra.port, more);
    expect_08001(in, "plaintext", 3000);
    /* Encrypt=no cannot weaken Protocol=onsocssl. */
    snprintf(more, sizeof more, "Protocol=onsocssl;Encrypt=no;TLSCAFile=%s", certs.ca);
    connstr(in, sizeof in, extra.port, more);
    expect_08001(in, "plaintext", 3000);
}
END_TEST

START_TEST(odbc_tls_server_behind_plaintext_dsn_is_prompt_08001)
{
    /* The ifxtest DSN in odbc.ini says Protocol=onsoctcp. */
    expect_08001("DSN=ifxtest;LoginTimeout=30", "onsocssl", 3000);
}
END_TEST

START_TEST(odbc_fingerprint_pin_match_and_mismatch)
{
    char fp[65], other[65], in[1024], more[400];
    it_certs_fingerprint(certs.server, fp);
    it_certs_fingerprint(certs.expired, other);
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCertFingerprint=%s", fp);
    connstr(in, sizeof in, tenv.srv.port, more);
    expect_ok(
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc);
    round_trip();
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCertFingerprint=%s", other);
    connstr(in, sizeof in, tenv.srv.port, more);
    expect_08001(in, "fingerprint mismatch", 3000);
}
END_TEST

START_TEST(odbc_insecure_no_verify_and_bad_verify_value)
{
    char in[1024];
    /* No CA given: the system store does not know the test CA ... */
    connstr(in, sizeof in, tenv.srv.port, "Protocol=onsocssl");
    expect_08001(in, "unknown CA", 3000);
    /* ... unless verification is switched off by name. */
    connstr(in, sizeof in, tenv.srv.port, "Protocol=onsocssl;TLSVerify=insecure-no-verify");
    expect_ok(
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc);
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    connstr(in, sizeof in, tenv.srv.port, "Protocol=onsocssl;TLSVerify=off");
    expect_08001(in, "TLSVerify", 3000);
}
END_TEST

START_TEST(odbc_client_certificate)
{
    start_extra(certs.server, certs.ca);
    char in[2048], more[700];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s;TLSClientCert=%s;TLSClientKey=%s",
             certs.ca, certs.client, certs.client_key);
    connstr(in, sizeof in, extra.port, more);
    expect_ok(
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc);
    round_trip();
    expect_ok(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.ca);
    connstr(in, sizeof in, extra.port, more);
    SQLRETURN rc =
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    ck_assert_int_eq(rc, SQL_ERROR);
}
END_TEST

START_TEST(odbc_bad_password_over_tls_is_28000_without_the_password)
{
    char in[1024], more[400];
    snprintf(more, sizeof more, "Protocol=onsocssl;TLSCAFile=%s", certs.ca);
    snprintf(in, sizeof in, "DSN=ifxtest;PWD={Wr0ng;Pw};%s", more);
    SQLRETURN rc =
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    ck_assert_int_eq(rc, SQL_ERROR);
    for (SQLSMALLINT i = 1; i < 10; i++) {
        SQLCHAR st[6] = "", msg[1024] = "";
        SQLINTEGER native = 0;
        SQLSMALLINT len = 0;
        if (!SQL_SUCCEEDED(
                SQLGetDiagRec(SQL_HANDLE_DBC, dbc, i, st, &native, msg, sizeof msg, &len)))
            break;
        if (i == 1)
            ck_assert_str_eq((const char *)st, "28000");
        ck_assert_msg(strstr((const char *)msg, "Wr0ng") == NULL, "password in diag: %s", msg);
    }
}
END_TEST

static Suite *odbc_tls_suite(void)
{
    Suite *s = suite_create("odbc_tls");
    TCase *tc = tcase_create("tls");
    tcase_add_unchecked_fixture(tc, certs_setup, certs_teardown);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, odbc_onsocssl_round_trip_and_no_pwd_echo);
    tcase_add_test(tc, odbc_encrypt_yes_with_host_name);
    tcase_add_test(tc, odbc_wrong_ca_is_08001_unknown_ca);
    tcase_add_test(tc, odbc_expired_certificate_is_08001_expired);
    tcase_add_test(tc, odbc_name_mismatch_is_08001);
    tcase_add_test(tc, odbc_plaintext_server_behind_tls_dsn_is_prompt_08001);
    tcase_add_test(tc, odbc_tls_server_behind_plaintext_dsn_is_prompt_08001);
    tcase_add_test(tc, odbc_fingerprint_pin_match_and_mismatch);
    tcase_add_test(tc, odbc_insecure_no_verify_and_bad_verify_value);
    tcase_add_test(tc, odbc_client_certificate);
    tcase_add_test(tc, odbc_bad_password_over_tls_is_28000_without_the_password);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(odbc_tls_suite());
}
