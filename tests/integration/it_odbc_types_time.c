/* SPDX-License-Identifier: MIT */
/* it_odbc_types_time.c - every DATETIME and INTERVAL qualifier through the
 * unixODBC DM against ifxlite: a value goes in as Informix literal text
 * (SQL_C_CHAR) and as the ODBC struct (SQL_C_TYPE_TIMESTAMP,
 * SQL_C_INTERVAL_*), and comes back as the same literal text and the same
 * struct fields; fractions beyond the column's FRACTION(n) round with 01S07;
 * negative INTERVALs and leading-precision overflow (22015); the server's
 * DATETIME/INTERVAL arithmetic described with IBM's qualifiers. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_fixture.h"

/* TU codes (syscolumns): YEAR 0, MONTH 2, DAY 4, HOUR 6, MINUTE 8, SECOND 10,
 * FRACTION(n) 10 + n; FRACTION as a start field is 12. */
static const char *const tu_word[] = {"year", "", "month", "", "day", "", "hour", "",
                                      "minute", "", "second"};

/* "year to fraction(3)" ... */
static void qual_text(unsigned s, unsigned e, int lead, char *out, size_t cap)
{
    char a[24], b[24];
    if (s == 12)
        snprintf(a, sizeof a, "fraction");
    else if (lead > 0)
        snprintf(a, sizeof a, "%s(%d)", tu_word[s], lead);
    else
        snprintf(a, sizeof a, "%s", tu_word[s]);
    if (e > 10)
        snprintf(b, sizeof b, "fraction(%u)", e - 10);
    else
        snprintf(b, sizeof b, "%s", tu_word[e]);
    snprintf(out, cap, "%s to %s", a, b);
}

/* The master value 2024-06-15 12:34:56.12344 as the qualifier's literal (its
 * fraction rounds to every FRACTION(n) by truncation). */
static void dt_literal(unsigned s, unsigned e, char *out, size_t cap)
{
    static const char *const part[] = {"2024", "06", "15", "12", "34", "56"};
    static const char sep[] = {0, '-', '-', ' ', ':', ':'};
    size_t o = 0;
    out[0] = '\0';
    unsigned last = e > 10 ? 10 : e;
    if (s <= 10)
        for (unsigned f = s; f <= last; f += 2) {
            if (f > s)
                out[o++] = sep[f / 2];
            o += (size_t)snprintf(out + o, cap - o, "%s", part[f / 2]);
        }
    if (e > 10)
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", s <= 10 ? "." : "", (int)(e - 10),
                              "12344");
    (void)o;
}

/* Interval master: leading field 123 (or "12344" digits for FRACTION TO),
 * then 11 months / 04:05:06.12344, negative. */
static void iv_literal(unsigned s, unsigned e, char *out, size_t cap)
{
    static const char *const part[] = {"", "11", "", "04", "05", "06"};
    static const char sep[] = {0, '-', 0, ' ', ':', ':'};
    size_t o = (size_t)snprintf(out, cap, "-");
    unsigned last = e > 10 ? 10 : e;
    if (s <= 10)
        for (unsigned f = s; f <= last; f += 2) {
            if (f > s)
                out[o++] = sep[f / 2];
            o += (size_t)snprintf(out + o, cap - o, "%s", f == s ? "123" : part[f / 2]);
        }
    if (e > 10)
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", s <= 10 ? "." : "", (int)(e - 10),
                              "12344");
    (void)o;
}

static void get_text(SQLHSTMT st, SQLUSMALLINT col, char *buf, size_t cap)
{
    SQLLEN n = -5;
    OK(st, SQLGetData(st, col, SQL_C_CHAR, buf, (SQLLEN)cap, &n));
    ck_assert_int_eq(n, (SQLLEN)strlen(buf));
}

/* One column table; returns the statement positioned on the only row. */
static void select_one(SQLHSTMT st, const char *tab)
{
    char sql[128];
    snprintf(sql, sizeof sql, "select c from %s", tab);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(rc == SQL_SUCCESS, "select from %s: rc %d", tab, rc);
    OK(st, SQLFetch(st));
}

/* "create table <tab> (c <kind> <q>)" */
static void create_col(SQLHSTMT st, const char *tab, const char *kind, const char *q)
{
    char sql[256];
    snprintf(sql, sizeof sql, "create table %s (c %s %s)", tab, kind, q);
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
}

static void delete_all(SQLHSTMT st, const char *tab)
{
    char sql[64];
    snprintf(sql, sizeof sql, "delete from %s", tab);
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
}

START_TEST(every_datetime_qualifier)
{
    SQLHSTMT st = fx_new_stmt();
    int n = 0;
    for (unsigned s = 0; s <= 12; s += 2) {
        for (unsigned e = s == 12 ? 11 : s; e <= 15; e += (e < 10 ? 2 : 1)) {
            if (s == 12 && e < 11)
                continue;
            char q[96], lit[64], tab[32], got[64];
            qual_text(s, e, 0, q, sizeof q);
            dt_literal(s, e, lit, sizeof lit);
            snprintf(tab, sizeof tab, "dq%d", n++);
            create_col(st, tab, "datetime", q);
            /* 1. literal text in (SQL_C_CHAR parameter), literal text out */
            char sql[128];
            snprintf(sql, sizeof sql, "insert into %s values (?)", tab);
            SQLLEN ind = SQL_NTS;
            OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_CHAR, 40, 0, lit, 0,
                                    &ind));
            OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
            OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
            select_one(st, tab);
            get_text(st, 1, got, sizeof got);
            ck_assert_msg(strcmp(got, lit) == 0, "datetime %s: text '%s', want '%s'", q, got, lit);
            OK(st, SQLCloseCursor(st));
            /* 2. out as a TIMESTAMP struct: the qualifier's fields are the master's */
            select_one(st, tab);
            SQL_TIMESTAMP_STRUCT ts;
            memset(&ts, 0, sizeof ts);
            SQLRETURN rc = SQLGetData(st, 1, SQL_C_TYPE_TIMESTAMP, &ts, sizeof ts, &ind);
            ck_assert_msg(rc == SQL_SUCCESS, "datetime %s: struct rc %d", q, rc);
            const int want[] = {2024, 6, 15, 12, 34, 56};
            const int have[] = {ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second};
            for (unsigned f = s; f <= (e > 10 ? 10 : e) && s <= 10; f += 2)
                ck_assert_msg(have[f / 2] == want[f / 2], "datetime %s: field %u = %d", q, f,
                              have[f / 2]);
            if (e > 10) {
                static const SQLUINTEGER fr[] = {100000000, 120000000, 123000000, 123400000,
                                                 123440000};
                ck_assert_msg(ts.fraction == fr[e - 11], "datetime %s: fraction %lu", q,
                              (unsigned long)ts.fraction);
            }
            OK(st, SQLCloseCursor(st));
            delete_all(st, tab);
            /* 3. the full struct in: the column keeps its qualifier's fields */
            SQL_TIMESTAMP_STRUCT in = {2024, 6, 15, 12, 34, 56, 123440000};
            ind = sizeof in;
            OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP,
                                    SQL_TYPE_TIMESTAMP, 25, 5, &in, 0, &ind));
            rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
            if (rc != SQL_SUCCESS && !(s == 0 && e == 15))
                fx_expect_state(st, 1, "01S07"); /* fields outside the qualifier dropped */
            ck_assert_msg(rc == SQL_SUCCESS || (rc == SQL_SUCCESS_WITH_INFO && !(s == 0 && e == 15)),
                          "datetime %s: struct insert rc %d", q, rc);
            OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
            select_one(st, tab);
            get_text(st, 1, got, sizeof got);
            ck_assert_msg(strcmp(got, lit) == 0, "datetime %s: struct round trip '%s', want '%s'",
                          q, got, lit);
            OK(st, SQLCloseCursor(st));
        }
    }
    ck_assert_int_eq(n, 56);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

/* SQL_C_INTERVAL_* type and SQL_IS_* code of an INTERVAL qualifier. */
static void iv_ctype(unsigned s, unsigned e, SQLSMALLINT *ctype, SQLSMALLINT *sqltype)
{
    if (e > 10)
        e = 10;
    if (s == 12)
        s = 10;
    static const struct {
        unsigned s, e;
        SQLSMALLINT c, t;
    } map[] = {
        {0, 0, SQL_C_INTERVAL_YEAR, SQL_INTERVAL_YEAR},
        {0, 2, SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH},
        {2, 2, SQL_C_INTERVAL_MONTH, SQL_INTERVAL_MONTH},
        {4, 4, SQL_C_INTERVAL_DAY, SQL_INTERVAL_DAY},
        {4, 6, SQL_C_INTERVAL_DAY_TO_HOUR, SQL_INTERVAL_DAY_TO_HOUR},
        {4, 8, SQL_C_INTERVAL_DAY_TO_MINUTE, SQL_INTERVAL_DAY_TO_MINUTE},
        {4, 10, SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND},
        {6, 6, SQL_C_INTERVAL_HOUR, SQL_INTERVAL_HOUR},
        {6, 8, SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_INTERVAL_HOUR_TO_MINUTE},
        {6, 10, SQL_C_INTERVAL_HOUR_TO_SECOND, SQL_INTERVAL_HOUR_TO_SECOND},
        {8, 8, SQL_C_INTERVAL_MINUTE, SQL_INTERVAL_MINUTE},
        {8, 10, SQL_C_INTERVAL_MINUTE_TO_SECOND, SQL_INTERVAL_MINUTE_TO_SECOND},
        {10, 10, SQL_C_INTERVAL_SECOND, SQL_INTERVAL_SECOND},
    };
    for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
        if (map[k].s == s && map[k].e == e) {
            *ctype = map[k].c;
            *sqltype = map[k].t;
            return;
        }
    ck_abort_msg("no interval type for %u..%u", s, e);
}

START_TEST(every_interval_qualifier)
{
    SQLHSTMT st = fx_new_stmt();
    int n = 0;
    for (unsigned s = 0; s <= 12; s += 2) {
        for (unsigned e = s == 12 ? 11 : s; e <= 15; e += (e < 10 ? 2 : 1)) {
            if (s <= 2 && e > 2)
                break; /* year-month class ends at MONTH */
            char q[96], lit[64], tab[32], got[64];
            qual_text(s, e, s == 12 ? 0 : 5, q, sizeof q);
            iv_literal(s, e, lit, sizeof lit);
            snprintf(tab, sizeof tab, "iq%d", n++);
            create_col(st, tab, "interval", q);
            char sql[128];
            snprintf(sql, sizeof sql, "insert into %s values (?)", tab);
            SQLLEN ind = SQL_NTS;
            OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_CHAR, 40, 0, lit, 0,
                                    &ind));
            SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
            if (rc != SQL_SUCCESS)
                odbc_dump_diag(SQL_HANDLE_STMT, st);
            ck_assert_msg(rc == SQL_SUCCESS, "interval %s: text insert '%s' rc %d", q, lit, rc);
            OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
            select_one(st, tab);
            get_text(st, 1, got, sizeof got);
            ck_assert_msg(strcmp(got, lit) == 0, "interval %s: text '%s', want '%s'", q, got, lit);
            OK(st, SQLCloseCursor(st));
            /* the column's own SQL_C_INTERVAL_* struct */
            select_one(st, tab);
            SQLSMALLINT ctype, sqltype;
            iv_ctype(s, e, &ctype, &sqltype);
            SQLLEN cattr = 0;
            OK(st, SQLColAttribute(st, 1, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &cattr));
            ck_assert_msg(cattr == sqltype, "interval %s: described as %ld", q, (long)cattr);
            SQL_INTERVAL_STRUCT iv;
            memset(&iv, 0, sizeof iv);
            rc = SQLGetData(st, 1, ctype, &iv, sizeof iv, &ind);
            ck_assert_msg(rc == SQL_SUCCESS, "interval %s: struct rc %d", q, rc);
            ck_assert_int_eq(iv.interval_sign, SQL_TRUE);
            if (s <= 2) {
                ck_assert_uint_eq(s == 0 ? iv.intval.year_month.year
                                         : iv.intval.year_month.month,
                                  123);
                if (s == 0 && e == 2)
                    ck_assert_uint_eq(iv.intval.year_month.month, 11);
            } else {
                const SQLUINTEGER want[] = {0, 0, 0, 4, 5, 6};
                const SQLUINTEGER have[] = {0,
                                            0,
                                            iv.intval.day_second.day,
                                            iv.intval.day_second.hour,
                                            iv.intval.day_second.minute,
                                            iv.intval.day_second.second};
                for (unsigned f = s; f <= (e > 10 ? 10 : e) && s <= 10; f += 2)
                    ck_assert_msg(have[f / 2] == (f == s ? 123 : want[f / 2]),
                                  "interval %s: field %u = %lu", q, f,
                                  (unsigned long)have[f / 2]);
                if (e > 10) {
                    /* default interval precision 6: microseconds */
                    static const SQLUINTEGER fr[] = {100000, 120000, 123000, 123400, 123440};
                    ck_assert_msg(iv.intval.day_second.fraction == fr[e - 11],
                                  "interval %s: fraction %lu", q,
                                  (unsigned long)iv.intval.day_second.fraction);
                }
            }
            OK(st, SQLCloseCursor(st));
            delete_all(st, tab);
            /* the struct back in as a parameter */
            ind = sizeof iv;
            OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, ctype, sqltype, 0, 6, &iv, 0, &ind));
            rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
            if (rc != SQL_SUCCESS)
                odbc_dump_diag(SQL_HANDLE_STMT, st);
            ck_assert_msg(rc == SQL_SUCCESS, "interval %s: struct insert rc %d", q, rc);
            OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
            select_one(st, tab);
            get_text(st, 1, got, sizeof got);
            ck_assert_msg(strcmp(got, lit) == 0, "interval %s: struct round trip '%s', want '%s'",
                          q, got, lit);
            OK(st, SQLCloseCursor(st));
        }
    }
    ck_assert_int_eq(n, 38);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(timestamp_fraction_rounds_with_01s07)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table tf (f5 datetime year to fraction(5), f3 datetime year to "
                   "fraction(3), s datetime year to second)");
    /* 9 digits from the application: rounded to the column's FRACTION(n) */
    SQL_TIMESTAMP_STRUCT a = {2024, 6, 15, 12, 34, 56, 123456789};
    SQL_TIMESTAMP_STRUCT b = {2024, 6, 15, 12, 34, 56, 999600000};
    SQL_TIMESTAMP_STRUCT c = {2024, 6, 15, 12, 34, 56, 500000000};
    SQLLEN ia = sizeof a, ib = sizeof b, ic = sizeof c;
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into tf values (?, ?, ?)", SQL_NTS));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 29,
                            9, &a, 0, &ia));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 29,
                            9, &b, 0, &ib));
    OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 29,
                            9, &c, 0, &ic));
    EXPECT_RC(st, SQLExecute(st), SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S07");
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select f5, f3, s from tf", SQL_NTS));
    OK(st, SQLFetch(st));
    char got[64];
    get_text(st, 1, got, sizeof got);
    ck_assert_str_eq(got, "2024-06-15 12:34:56.12346");
    get_text(st, 2, got, sizeof got);
    ck_assert_str_eq(got, "2024-06-15 12:34:57.000"); /* .9996 rounds into the next second */
    get_text(st, 3, got, sizeof got);
    ck_assert_str_eq(got, "2024-06-15 12:34:57");
    OK(st, SQLCloseCursor(st));
    /* 6 digits as text (SQL_C_CHAR) into FRACTION(5): rounded too, 01S07 */
    fx_exec_ok(st, "delete from tf");
    char txt[] = "2024-06-15 12:34:56.123456";
    SQLLEN it = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_TYPE_TIMESTAMP, 26, 6, txt, 0,
                            &it));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"insert into tf (f5) values (?)", SQL_NTS),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S07");
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select f5 from tf", SQL_NTS));
    OK(st, SQLFetch(st));
    get_text(st, 1, got, sizeof got);
    ck_assert_str_eq(got, "2024-06-15 12:34:56.12346");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(interval_overflow_and_sign)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ti (d interval day(3) to second, ym interval year(2) to month)");
    fx_exec_ok(st, "insert into ti values ('-999 23:59:59', '-99-11')");
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select d, ym from ti", SQL_NTS));
    OK(st, SQLFetch(st));
    SQL_INTERVAL_STRUCT iv;
    SQLLEN ind;
    OK(st, SQLGetData(st, 1, SQL_C_INTERVAL_DAY_TO_SECOND, &iv, sizeof iv, &ind));
    ck_assert_int_eq(iv.interval_type, SQL_IS_DAY_TO_SECOND);
    ck_assert_int_eq(iv.interval_sign, SQL_TRUE);
    ck_assert_uint_eq(iv.intval.day_second.day, 999);
    ck_assert_uint_eq(iv.intval.day_second.second, 59);
    OK(st, SQLCloseCursor(st));
    /* re-expressed in hours: 999 * 24 + 23 */
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select d, ym from ti", SQL_NTS));
    OK(st, SQLFetch(st));
    /* (minutes and seconds dropped: 01S07) */
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_INTERVAL_HOUR, &iv, sizeof iv, &ind),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S07");
    ck_assert_uint_eq(iv.intval.day_second.hour, 999u * 24u + 23u);
    OK(st, SQLGetData(st, 2, SQL_C_INTERVAL_MONTH, &iv, sizeof iv, &ind));
    ck_assert_int_eq(iv.interval_sign, SQL_TRUE);
    ck_assert_uint_eq(iv.intval.year_month.month, 99u * 12u + 11u);
    OK(st, SQLCloseCursor(st));
    /* a struct whose leading field exceeds the column's precision: 22015 */
    memset(&iv, 0, sizeof iv);
    iv.interval_type = SQL_IS_DAY;
    iv.intval.day_second.day = 1000;
    ind = sizeof iv;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_INTERVAL_DAY, SQL_INTERVAL_DAY_TO_SECOND,
                            0, 0, &iv, 0, &ind));
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into ti (d) values (?)", SQL_NTS));
    EXPECT_RC(st, SQLExecute(st), SQL_ERROR);
    fx_expect_state(st, 1, "22015");
    /* and a DAY_TO_SECOND struct converts into a YEAR TO MONTH column: 07006 */
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(server_time_arithmetic)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table ta (t datetime year to fraction(5), i interval day(3) to second)");
    fx_exec_ok(st, "insert into ta values ('2024-06-15 12:34:56.12345', '-123 04:05:06')");
    OK(st, SQLExecDirect(
               st,
               (SQLCHAR *)"select t - datetime(2024-01-01 00:00:00) year to second, "
                          "t + interval(1) day to day, t - i, i + i, cast(i as char(20)), "
                          "extend(t, year to day) - datetime(2020-02-03) year to day, "
                          "datetime(2024-03) year to month - datetime(2023-01) year to month, "
                          "extend(t, hour to fraction(1)) from ta",
               SQL_NTS));
    struct {
        SQLSMALLINT type;
        const char *text;
    } want[] = {
        {SQL_INTERVAL_DAY_TO_SECOND, "166 12:34:56.12345"}, /* DAY(9) TO FRACTION(5) */
        {SQL_TYPE_TIMESTAMP, "2024-06-16 12:34:56.12345"},
        {SQL_TYPE_TIMESTAMP, "2024-10-16 16:40:02.12345"},
        {SQL_INTERVAL_DAY_TO_SECOND, "-246 08:10:12"},
        {SQL_CHAR, "-123 04:05:06       "},
        {SQL_INTERVAL_DAY, "1594"},
        {SQL_INTERVAL_YEAR_TO_MONTH, "1-02"},
        {SQL_TYPE_TIME, "12:34:56.1"},
    };
    OK(st, SQLFetch(st));
    for (SQLUSMALLINT c = 1; c <= 8; c++) {
        SQLSMALLINT type;
        OK(st, SQLDescribeCol(st, c, NULL, 0, NULL, &type, NULL, NULL, NULL));
        ck_assert_msg(type == want[c - 1].type, "column %u: type %d", c, type);
        char got[64];
        get_text(st, c, got, sizeof got);
        ck_assert_msg(strcmp(got, want[c - 1].text) == 0, "column %u: '%s'", c, got);
    }
    OK(st, SQLCloseCursor(st));
    /* January 31 + 1 month does not exist: -1267, 22008 */
    EXPECT_RC(st,
              SQLExecDirect(st,
                            (SQLCHAR *)"select datetime(2024-01-31) year to day + interval(1) "
                                       "month to month from ta",
                            SQL_NTS),
              SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "22008", -1267);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_types_time");
    TCase *tc = tcase_create("time");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_datetime_qualifier);
    tcase_add_test(tc, every_interval_qualifier);
    tcase_add_test(tc, timestamp_fraction_rounds_with_01s07);
    tcase_add_test(tc, interval_overflow_and_sign);
    tcase_add_test(tc, server_time_arithmetic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
