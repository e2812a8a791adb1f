/* SPDX-License-Identifier: MIT */
/* it_odbc_types_num.c - DECIMAL/MONEY exact to 32 digits through the unixODBC
 * DM against ifxlite (SQL_C_CHAR, SQL_C_WCHAR, SQL_C_NUMERIC, both ways, and
 * the server's arithmetic), the generated SERIAL / SERIAL8 / BIGSERIAL
 * through the driver's statement attributes (include/sqlifx.h) and DBINFO,
 * LVARCHAR up to 32739 bytes, and collections / ROW as their text form. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "../../include/sqlifx.h"
#include "ck_util.h"
#include "odbc_fixture.h"

static void get_text(SQLHSTMT st, SQLUSMALLINT col, const char *want)
{
    char buf[128];
    SQLLEN n = -5;
    OK(st, SQLGetData(st, col, SQL_C_CHAR, buf, sizeof buf, &n));
    ck_assert_msg(strcmp(buf, want) == 0, "column %u: '%s', want '%s'", col, buf, want);
    ck_assert_int_eq(n, (SQLLEN)strlen(want));
}

static void get_wtext(SQLHSTMT st, SQLUSMALLINT col, const char *want)
{
    SQLWCHAR buf[128];
    SQLLEN n = -5;
    OK(st, SQLGetData(st, col, SQL_C_WCHAR, buf, sizeof buf, &n));
    ck_assert_int_eq(n, (SQLLEN)(strlen(want) * sizeof(SQLWCHAR)));
    for (size_t k = 0; k <= strlen(want); k++)
        ck_assert_msg(buf[k] == (SQLWCHAR)(unsigned char)want[k], "column %u: unit %zu", col, k);
}

/* Decimal digits of a SQL_NUMERIC_STRUCT's little-endian magnitude. */
static void numeric_digits(const SQL_NUMERIC_STRUCT *ns, char *out, size_t cap)
{
    uint8_t v[SQL_MAX_NUMERIC_LEN];
    memcpy(v, ns->val, sizeof v);
    char rev[64];
    size_t n = 0;
    for (;;) {
        bool zero = true;
        unsigned rem = 0;
        for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--) {
            unsigned cur = rem * 256u + v[i];
            v[i] = (uint8_t)(cur / 10u);
            rem = cur % 10u;
            if (v[i])
                zero = false;
        }
        rev[n++] = (char)('0' + rem);
        if (zero || n + 1 >= sizeof rev)
            break;
    }
    size_t o = 0;
    while (n > 0 && o + 1 < cap)
        out[o++] = rev[--n];
    out[o] = '\0';
}

/* 32-digit decimal text -> SQL_NUMERIC_STRUCT magnitude. */
static void numeric_from_digits(const char *digits, SQL_NUMERIC_STRUCT *ns)
{
    memset(ns->val, 0, sizeof ns->val);
    for (const char *p = digits; *p; p++) {
        unsigned carry = (unsigned)(*p - '0');
        for (int i = 0; i < SQL_MAX_NUMERIC_LEN; i++) {
            unsigned cur = ns->val[i] * 10u + carry;
            ns->val[i] = (SQLCHAR)(cur & 0xFF);
            carry = cur >> 8;
        }
    }
}

#define TD_CREATE                                                                                  \
    "create table td (id integer, d3210 decimal(32,10), d3232 decimal(32,32), d320 "              \
    "decimal(32,0), m money(32,2), f decimal(32), f16 decimal(16))"

START_TEST(decimal32_exact_through_text)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, TD_CREATE);
    static const char *const vals[2][6] = {
        {"-1234567890123456789012.1234567891", "0.00000000000000000000000000000001",
         "99999999999999999999999999999999", "-999999999999999999999999999999.99",
         "12345678901234567890123456789012", "1.234567890123456"},
        {"9999999999999999999999.9999999999", "-0.99999999999999999999999999999999",
         "-99999999999999999999999999999999", "0.01", "-0.0000000000000000000000000000001234",
         "-1234567890123456"},
    };
    SQLLEN ind[6];
    OK(st, SQLPrepare(st,
                      (SQLCHAR *)"insert into td values (?, ?, ?, ?, ?, ?, ?)", SQL_NTS));
    for (int r = 0; r < 2; r++) {
        SQLINTEGER id = r + 1;
        OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                                NULL));
        for (SQLUSMALLINT c = 0; c < 6; c++) {
            ind[c] = SQL_NTS;
            OK(st, SQLBindParameter(st, (SQLUSMALLINT)(c + 2), SQL_PARAM_INPUT, SQL_C_CHAR,
                                    SQL_DECIMAL, 32, 10, (SQLPOINTER)(uintptr_t)vals[r][c], 0,
                                    &ind[c]));
        }
        OK(st, SQLExecute(st));
    }
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st,
                         (SQLCHAR *)"select d3210, d3232, d320, m, f, f16 from td order by id",
                         SQL_NTS));
    static const char *const back[2][6] = {
        {"-1234567890123456789012.1234567891", "0.00000000000000000000000000000001",
         "99999999999999999999999999999999", "-999999999999999999999999999999.99",
         "12345678901234567890123456789012", "1.234567890123456"},
        {"9999999999999999999999.9999999999", "-0.99999999999999999999999999999999",
         "-99999999999999999999999999999999", "0.01", "-0.0000000000000000000000000000001234",
         "-1234567890123456"},
    };
    for (int pass = 0; pass < 2; pass++) { /* SQL_C_CHAR, then SQL_C_WCHAR */
        if (pass)
            OK(st, SQLExecDirect(st,
                                 (SQLCHAR *)"select d3210, d3232, d320, m, f, f16 from td "
                                            "order by id",
                                 SQL_NTS));
        for (int r = 0; r < 2; r++) {
            OK(st, SQLFetch(st));
            for (SQLUSMALLINT c = 1; c <= 6; c++) {
                if (pass)
                    get_wtext(st, c, back[r][c - 1]);
                else
                    get_text(st, c, back[r][c - 1]);
            }
        }
        OK(st, SQLCloseCursor(st));
    }
    /* the server computes on them exactly */
    OK(st, SQLExecDirect(st,
                         (SQLCHAR *)"select d320 - 1, m + 0.01, d3210 * 3, d3232 + d3232, "
                                    "d3210 + 0.0000000001, d3210 / 3, -d320 from td where id = 1",
                         SQL_NTS));
    OK(st, SQLFetch(st));
    get_text(st, 1, "99999999999999999999999999999998");
    get_text(st, 2, "-999999999999999999999999999999.98");
    get_text(st, 3, "-3703703670370370367036.3703703673");
    get_text(st, 4, "0.00000000000000000000000000000002");
    get_text(st, 5, "-1234567890123456789012.123456789");
    get_text(st, 6, "-411522630041152263004.04115226303"); /* 32 significant digits */
    get_text(st, 7, "-99999999999999999999999999999999");
    OK(st, SQLCloseCursor(st));
    /* and aggregates them exactly */
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select sum(d3210), avg(d3210) from td", SQL_NTS));
    OK(st, SQLFetch(st));
    get_text(st, 1, "8765432109876543210987.8765432108");
    get_text(st, 2, "4382716054938271605493.9382716054");
    OK(st, SQLCloseCursor(st));
    /* and compares them exactly */
    OK(st, SQLExecDirect(st,
                         (SQLCHAR *)"select id from td where d320 = "
                                    "99999999999999999999999999999999",
                         SQL_NTS));
    SQLINTEGER id = 0;
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &id, 0, NULL));
    ck_assert_int_eq(id, 1);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(decimal32_exact_through_numeric)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table tn (id integer, d3210 decimal(32,10), d3232 decimal(32,32), d320 decimal(32,0))");
    /* in: SQL_C_NUMERIC with precision 32 and scale 10 / 32 */
    SQL_NUMERIC_STRUCT a, b, c;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&c, 0, sizeof c);
    a.precision = 32, a.scale = 10, a.sign = 0; /* negative */
    numeric_from_digits("12345678901234567890121234567891", &a);
    b.precision = 32, b.scale = 32, b.sign = 1;
    numeric_from_digits("1", &b);
    c.precision = 32, c.scale = 0, c.sign = 1;
    numeric_from_digits("99999999999999999999999999999999", &c);
    SQLHDESC apd;
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into tn (id, d3210, d3232, d320) values (1, ?, ?, ?)",
                      SQL_NTS));
    SQLLEN la = sizeof a, lb = sizeof b, lc = sizeof c;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_NUMERIC, SQL_DECIMAL, 32, 10, &a, 0,
                            &la));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_NUMERIC, SQL_DECIMAL, 32, 32, &b, 0,
                            &lb));
    OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_NUMERIC, SQL_DECIMAL, 32, 0, &c, 0,
                            &lc));
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_APP_PARAM_DESC, &apd, 0, NULL));
    static const SQLSMALLINT scales[] = {10, 32, 0};
    for (SQLSMALLINT k = 1; k <= 3; k++) {
        OK(st, SQLSetDescField(apd, k, SQL_DESC_PRECISION, (SQLPOINTER)32, 0));
        OK(st, SQLSetDescField(apd, k, SQL_DESC_SCALE, (SQLPOINTER)(intptr_t)scales[k - 1], 0));
        SQLPOINTER p = k == 1 ? (SQLPOINTER)&a : k == 2 ? (SQLPOINTER)&b : (SQLPOINTER)&c;
        OK(st, SQLSetDescField(apd, k, SQL_DESC_DATA_PTR, p, 0));
    }
    OK(st, SQLExecute(st));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select d3210, d3232, d320 from tn", SQL_NTS));
    OK(st, SQLFetch(st));
    get_text(st, 1, "-1234567890123456789012.1234567891");
    get_text(st, 2, "0.00000000000000000000000000000001");
    get_text(st, 3, "99999999999999999999999999999999");
    OK(st, SQLCloseCursor(st));
    /* out: SQL_C_NUMERIC bound with ARD precision 32 and the column's scale */
    SQL_NUMERIC_STRUCT o[3];
    SQLLEN oi[3];
    memset(o, 0, sizeof o);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select d3210, d3232, d320 from tn", SQL_NTS));
    SQLHDESC ard;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL));
    for (SQLSMALLINT k = 1; k <= 3; k++) {
        OK(st, SQLBindCol(st, (SQLUSMALLINT)k, SQL_C_NUMERIC, &o[k - 1], sizeof o[0], &oi[k - 1]));
        OK(st, SQLSetDescField(ard, k, SQL_DESC_PRECISION, (SQLPOINTER)32, 0));
        OK(st, SQLSetDescField(ard, k, SQL_DESC_SCALE, (SQLPOINTER)(intptr_t)scales[k - 1], 0));
        OK(st, SQLSetDescField(ard, k, SQL_DESC_DATA_PTR, &o[k - 1], 0));
    }
    OK(st, SQLFetch(st));
    char digits[64];
    numeric_digits(&o[0], digits, sizeof digits);
    ck_assert_str_eq(digits, "12345678901234567890121234567891");
    ck_assert_int_eq(o[0].sign, 0);
    ck_assert_int_eq(o[0].scale, 10);
    numeric_digits(&o[1], digits, sizeof digits);
    ck_assert_str_eq(digits, "1");
    ck_assert_int_eq(o[1].scale, 32);
    ck_assert_int_eq(o[1].sign, 1);
    numeric_digits(&o[2], digits, sizeof digits);
    ck_assert_str_eq(digits, "99999999999999999999999999999999");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(serial_values_through_attributes)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ts1 (s serial, s8 serial8, v integer)");
    fx_exec_ok(st, "create table ts2 (b bigserial, v integer)");
    SQLLEN v = -1;
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ts1 (v) values (1)", SQL_NTS));
    OK(st, SQLGetStmtAttr(st, SQL_GET_SERIAL_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 1);
    OK(st, SQLGetStmtAttr(st, SQL_IFX_ATTR_GET_SERIAL8_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 1);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ts1 (s, s8, v) values (100, 5000000000, 2)",
                         SQL_NTS));
    OK(st, SQLGetStmtAttr(st, SQL_GET_SERIAL_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 100);
    OK(st, SQLGetStmtAttr(st, SQL_IFX_ATTR_GET_SERIAL8_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 5000000000LL);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ts2 (v) values (1)", SQL_NTS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ts2 (v) values (2)", SQL_NTS));
    OK(st, SQLGetStmtAttr(st, SQL_IFX_ATTR_GET_BIGSERIAL_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 2);
    OK(st, SQLGetStmtAttr(st, SQL_GET_SERIAL_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 0); /* this INSERT generated no SERIAL */
    /* a parameter array: the last set's value */
    SQLINTEGER vals[3] = {7, 8, 9};
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, vals, 0,
                            NULL));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into ts1 (v) values (?)", SQL_NTS));
    OK(st, SQLGetStmtAttr(st, SQL_GET_SERIAL_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 103);
    OK(st, SQLGetStmtAttr(st, SQL_IFX_ATTR_GET_SERIAL8_VALUE, &v, sizeof v, NULL));
    ck_assert_int_eq(v, 5000000003LL);
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)1, 0));
    /* read-only */
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_GET_SERIAL_VALUE, (SQLPOINTER)1, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY092");
    /* the same values through DBINFO, per session */
    OK(st, SQLExecDirect(st,
                         (SQLCHAR *)"select dbinfo('sqlca.sqlerrd1'), dbinfo('serial8'), "
                                    "dbinfo('bigserial') from systables where tabid = 1",
                         SQL_NTS));
    OK(st, SQLFetch(st));
    SQLBIGINT b = 0;
    OK(st, SQLGetData(st, 1, SQL_C_SBIGINT, &b, 0, NULL));
    ck_assert_int_eq(b, 103);
    OK(st, SQLGetData(st, 2, SQL_C_SBIGINT, &b, 0, NULL));
    ck_assert_int_eq(b, 5000000003LL);
    OK(st, SQLGetData(st, 3, SQL_C_SBIGINT, &b, 0, NULL));
    ck_assert_int_eq(b, 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(lvarchar_long_strings_both_ways)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table tl (id integer, a lvarchar(32739), c char(1000))");
    static char big[32740], got[32740];
    for (size_t k = 0; k < 32739; k++)
        big[k] = (char)('A' + k % 26);
    big[32739] = '\0';
    static const size_t lens[] = {255, 256, 1000, 4096, 32739};
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into tl (id, a, c) values (?, ?, ?)", SQL_NTS));
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        SQLINTEGER id = (SQLINTEGER)k;
        SQLLEN n = (SQLLEN)lens[k], nc = n > 1000 ? 1000 : n;
        OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                                NULL));
        OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32739, 0, big,
                                0, &n));
        OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_CHAR, 1000, 0, big, 0,
                                &nc));
        OK(st, SQLExecute(st));
    }
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select a, c from tl order by id", SQL_NTS));
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++) {
        OK(st, SQLFetch(st));
        SQLLEN n = 0;
        OK(st, SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, &n));
        ck_assert_int_eq(n, (SQLLEN)lens[k]);
        ck_assert(memcmp(got, big, lens[k]) == 0);
        OK(st, SQLGetData(st, 2, SQL_C_CHAR, got, sizeof got, &n));
        ck_assert_int_eq(n, 1000);
        size_t nc = lens[k] > 1000 ? 1000 : lens[k];
        ck_assert(memcmp(got, big, nc) == 0);
    }
    OK(st, SQLCloseCursor(st));
    /* a 300-byte string parameter compares with an LVARCHAR column */
    SQLLEN n300 = 300;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 300, 0, big, 0,
                            &n300));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select count(*) from tl where a = ?", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLINTEGER cnt = -1;
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &cnt, 0, NULL));
    ck_assert_int_eq(cnt, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(collections_as_text)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table tc (id integer, s set(integer not null), m multiset(varchar(10) "
                   "not null), l list(integer not null), r row(a integer, b varchar(10)))");
    fx_exec_ok(st, "insert into tc values (1, 'SET{1,2,3}', 'MULTISET{''a'',''a''}', "
                   "'LIST{3,1}', 'ROW(1,''x'')')");
    fx_exec_ok(st, "insert into tc (id) values (2)");
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select s, m, l, r from tc order by id", SQL_NTS));
    static const char *const names[] = {"set", "multiset", "list", "row"};
    static const char *const vals[] = {"SET{1,2,3}", "MULTISET{'a','a'}", "LIST{3,1}",
                                       "ROW(1,'x')"};
    for (SQLUSMALLINT c = 1; c <= 4; c++) {
        SQLSMALLINT type = 0;
        OK(st, SQLDescribeCol(st, c, NULL, 0, NULL, &type, NULL, NULL, NULL));
        ck_assert_int_eq(type, SQL_LONGVARCHAR);
        char tn[32];
        OK(st, SQLColAttribute(st, c, SQL_DESC_TYPE_NAME, tn, sizeof tn, NULL, NULL));
        ck_assert_str_eq(tn, names[c - 1]);
    }
    OK(st, SQLFetch(st));
    for (SQLUSMALLINT c = 1; c <= 4; c++)
        get_text(st, c, vals[c - 1]);
    OK(st, SQLFetch(st));
    char buf[16];
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_types_num");
    TCase *tc = tcase_create("num");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, decimal32_exact_through_text);
    tcase_add_test(tc, decimal32_exact_through_numeric);
    tcase_add_test(tc, serial_values_through_attributes);
    tcase_add_test(tc, lvarchar_long_strings_both_ways);
    tcase_add_test(tc, collections_as_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
