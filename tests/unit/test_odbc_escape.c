/* SPDX-License-Identifier: MIT */
/* test_odbc_escape.c - ODBC escape translation to Informix SQL and '?'
 * marker counting (driver/odbc/escape.c): every mapping, nesting, literals and
 * comments that contain braces or '?', {ts} fractions, malformed escapes with
 * their offsets, and every prefix of every input (clean result, no crash). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "escape.h"
#include "sq_alloc.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

struct xl_case {
    const char *in;
    const char *out; /* NULL when rc != ESC_OK */
    size_t markers;
    bool ret, frac;
    enum esc_rc rc;
    size_t err_off;
};

#define OK(i, o)                                                                                   \
    {                                                                                              \
        i, o, 0, false, false, ESC_OK, 0                                                           \
    }
#define OKM(i, o, m)                                                                               \
    {                                                                                              \
        i, o, m, false, false, ESC_OK, 0                                                           \
    }
#define OKF(i, o)                                                                                  \
    {                                                                                              \
        i, o, 0, false, true, ESC_OK, 0                                                            \
    }
#define BAD(i, off)                                                                                \
    {                                                                                              \
        i, NULL, 0, false, false, ESC_SYNTAX, off                                                  \
    }

static const struct xl_case cases[] = {
    /* {d} {t} {ts} */
    OK("SELECT * FROM t WHERE d = {d '2024-01-02'}", "SELECT * FROM t WHERE d = MDY(1, 2, 2024)"),
    OK("{d '2024-02-29'}", "MDY(2, 29, 2024)"),
    OK("{D'1999-12-31'}", "MDY(12, 31, 1999)"),
    OK("{ d ' 2000-1-9 ' }", "MDY(1, 9, 2000)"),
    BAD("{d '2023-02-29'}", 0),
    BAD("x {d '2024-1-32'}", 2),
    BAD("{d '24-01-02'}", 0),
    BAD("{d '2024-01-02'", 0),
    BAD("{d '2024-01-02' x}", 0),
    OK("{t '10:11:12'}", "DATETIME(10:11:12) HOUR TO SECOND"),
    OK("{t '7:05:00'}", "DATETIME(07:05:00) HOUR TO SECOND"),
    OK("{t '10:11:12.25'}", "DATETIME(10:11:12.25000) HOUR TO FRACTION(5)"),
    BAD("{t '24:00:00'}", 0),
    BAD("{t '10:60:00'}", 0),
    BAD("{t '10:11'}", 0),
    OK("{ts '2024-01-02 03:04:05'}", "DATETIME(2024-01-02 03:04:05) YEAR TO SECOND"),
    OK("{TS '2024-01-02 03:04:05.5'}", "DATETIME(2024-01-02 03:04:05.50000) YEAR TO FRACTION(5)"),
    OK("{ts '2024-01-02 03:04:05.12345'}",
       "DATETIME(2024-01-02 03:04:05.12345) YEAR TO FRACTION(5)"),
    OKF("{ts '2024-01-02 03:04:05.123456'}",
        "DATETIME(2024-01-02 03:04:05.12345) YEAR TO FRACTION(5)"),
    OKF("{ts '2024-01-02 03:04:05.999999999'}",
        "DATETIME(2024-01-02 03:04:05.99999) YEAR TO FRACTION(5)"),
    OK("{ts '2024-01-02 03:04:05.123450000'}",
       "DATETIME(2024-01-02 03:04:05.12345) YEAR TO FRACTION(5)"),
    BAD("{ts '2024-01-02 03:04:05.1234567890'}", 0),
    BAD("{ts '2024-01-02 03:04:05.'}", 0),
    BAD("{ts '2024-13-02 03:04:05'}", 0),
    BAD("{ts '2024-01-0203:04:05'}", 0),
    /* {fn}: string functions */
    OK("{fn CONCAT(a, b)}", "(a || b)"),
    OK("{fn ucase(name)}", "UPPER(name)"),
    OK("{fn LCASE('X')}", "LOWER('X')"),
    OK("{fn LENGTH(s)}", "LENGTH(s)"),
    OK("{fn CHAR_LENGTH(s)}", "CHAR_LENGTH(s)"),
    OK("{fn CHARACTER_LENGTH(s)}", "CHAR_LENGTH(s)"),
    OK("{fn OCTET_LENGTH(s)}", "OCTET_LENGTH(s)"),
    OK("{fn SUBSTRING(s, 2, 3)}", "SUBSTR(s, 2, 3)"),
    OK("{fn SUBSTRING(s,2)}", "SUBSTR(s, 2)"),
    OK("{fn LEFT(s, 3)}", "SUBSTR(s, 1, 3)"),
    OK("{fn RIGHT(s, 3)}", "RIGHT(s, 3)"),
    OK("{fn LTRIM(s)}", "LTRIM(s)"),
    OK("{fn RTRIM(s)}", "RTRIM(s)"),
    OK("{fn LOCATE('b', s)}", "CHARINDEX('b', s)"),
    OK("{fn LOCATE('b', s, 2)}", "CHARINDEX('b', s, 2)"),
    OK("{fn REPLACE(s, 'a', 'b')}", "REPLACE(s, 'a', 'b')"),
    OK("{fn ASCII(s)}", "ASCII(s)"),
    OK("{fn CHAR(65)}", "CHR(65)"),
    OK("{fn SPACE(3)}", "LPAD(' ', 3)"),
    /* numeric */
    OK("{fn ABS(-1)}", "ABS(-1)"),
    OK("{fn ABS((a+b)*2)}", "ABS((a+b)*2)"),
    OK("{fn CEILING(x)}", "CEIL(x)"),
    OK("{fn FLOOR(x)}", "FLOOR(x)"),
    OK("{fn ROUND(x, 2)}", "ROUND(x, 2)"),
    OK("{fn ROUND(x)}", "ROUND(x)"),
    OK("{fn TRUNCATE(x, 2)}", "TRUNC(x, 2)"),
    OK("{fn MOD(a, 3)}", "MOD(a, 3)"),
    OK("{fn POWER(2, 10)}", "POW(2, 10)"),
    OK("{fn SQRT(x)}", "SQRT(x)"),
    OK("{fn EXP(x)}", "EXP(x)"),
    OK("{fn LOG(x)}", "LOGN(x)"),
    OK("{fn LOG10(x)}", "LOG10(x)"),
    OK("{fn PI()}", "3.14159265358979"),
    OK("{fn SIGN(x)}", "SIGN(x)"),
    OK("{fn SIN(x)}+{fn COS(x)}+{fn TAN(x)}", "SIN(x)+COS(x)+TAN(x)"),
    OK("{fn ASIN(x)}+{fn ACOS(x)}+{fn ATAN(x)}", "ASIN(x)+ACOS(x)+ATAN(x)"),
    OK("{fn ATAN2(y, x)}", "ATAN2(y, x)"),
    OK("{fn COT(x)}", "(1 / TAN(x))"),
    OK("{fn DEGREES(x)}+{fn RADIANS(x)}", "DEGREES(x)+RADIANS(x)"),
    /* date and time */
    OK("{fn NOW()}", "CURRENT YEAR TO FRACTION(5)"),
    OK("{fn CURDATE()}", "TODAY"),
    OK("{fn CURRENT_DATE}", "TODAY"),
    OK("{fn CURRENT_DATE()}", "TODAY"),
    OK("{fn CURTIME()}", "CURRENT HOUR TO SECOND"),
    OK("{fn CURRENT_TIME(0)}", "CURRENT HOUR TO SECOND"),
    OK("{fn CURRENT_TIMESTAMP()}", "CURRENT YEAR TO FRACTION(5)"),
    OK("{fn YEAR(d)}", "YEAR(d)"),
    OK("{fn MONTH(d)}", "MONTH(d)"),
    OK("{fn DAYOFMONTH(d)}", "DAY(d)"),
    OK("{fn DAYOFWEEK(d)}", "(WEEKDAY(d) + 1)"),
    OK("{fn QUARTER(d)}", "TRUNC((MONTH(d) + 2) / 3)"),
    OK("{fn HOUR(t)}", "CAST(CAST(EXTEND(t, HOUR TO HOUR) AS CHAR(2)) AS INTEGER)"),
    OK("{fn MINUTE(t)}", "CAST(CAST(EXTEND(t, MINUTE TO MINUTE) AS CHAR(2)) AS INTEGER)"),
    OK("{fn SECOND(t)}", "CAST(CAST(EXTEND(t, SECOND TO SECOND) AS CHAR(2)) AS INTEGER)"),
    /* system and conversion */
    OK("{fn DATABASE()}", "DBINFO('dbname')"),
    OK("{fn USER()}", "USER"),
    OK("{fn IFNULL(a, 0)}", "NVL(a, 0)"),
    OK("{fn CONVERT(x, SQL_INTEGER)}", "CAST(x AS INTEGER)"),
    OK("{fn CONVERT(x, SQL_VARCHAR)}", "CAST(x AS LVARCHAR)"),
    OK("{fn CONVERT(d, sql_type_timestamp)}", "CAST(d AS DATETIME YEAR TO FRACTION(5))"),
    OK("{fn CONVERT(x, SQL_BIGINT)}", "CAST(x AS BIGINT)"),
    OK("{fn CONVERT(x, SQL_DOUBLE)}", "CAST(x AS FLOAT)"),
    OK("{fn CONVERT(x,DATE)}", "CAST(x AS DATE)"),
    BAD("{fn CONVERT(x, SQL_BINARY)}", 0),
    BAD("{fn CONVERT(x)}", 0),
    /* unknown functions pass through; wrong arity of a known one is an error */
    OK("{fn RAND()}", "RAND()"),
    OK("{fn MYFUNC( a ,b )}", "MYFUNC( a ,b )"),
    OK("{fn foo}", "foo"),
    BAD("{fn UCASE(a, b)}", 0),
    BAD("{fn PI(1)}", 0),
    /* nesting and literals inside arguments */
    OK("{fn UCASE({fn CONCAT(a,b)})}", "UPPER((a || b))"),
    OK("{fn LENGTH({fn LTRIM({fn RTRIM(x)})})}", "LENGTH(LTRIM(RTRIM(x)))"),
    OK("{fn CONCAT('a,b', c)}", "('a,b' || c)"),
    OK("{fn CONCAT('}', ')')}", "('}' || ')')"),
    OKM("{fn CONCAT('a)', ?)}", "('a)' || ?)", 1),
    OK("{fn YEAR({d '2024-05-06'})}", "YEAR(MDY(5, 6, 2024))"),
    /* {oj} */
    OK("SELECT * FROM {oj t1 LEFT OUTER JOIN t2 ON t1.a = t2.a}",
       "SELECT * FROM t1 LEFT OUTER JOIN t2 ON t1.a = t2.a"),
    OK("SELECT * FROM {oj {oj a LEFT OUTER JOIN b ON a.x = b.x} LEFT OUTER JOIN c ON (b.y = c.y)}",
       "SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x LEFT OUTER JOIN c ON (b.y = c.y)"),
    /* {call} {?=call} */
    OKM("{call proc(?, ?)}", "EXECUTE PROCEDURE proc(?, ?)", 2),
    OK("{ call proc }", "EXECUTE PROCEDURE proc()"),
    OK("{CALL proc()}", "EXECUTE PROCEDURE proc()"),
    {"{?=call f(?)}", "EXECUTE FUNCTION f(?)", 1, true, false, ESC_OK, 0},
    {"{? = CALL owner.f()}", "EXECUTE FUNCTION owner.f()", 0, true, false, ESC_OK, 0},
    OK("{call \"Owner\".p(1, {d '2024-01-02'})}",
       "EXECUTE PROCEDURE \"Owner\".p(1, MDY(1, 2, 2024))"),
    OK("{call p((1+2), 'x)')}", "EXECUTE PROCEDURE p((1+2), 'x)')"),
    BAD("{call p(?}", 0),
    BAD("{call p(1) x}", 0),
    /* {escape} */
    OK("SELECT * FROM t WHERE a LIKE '%\\_%' {escape '\\'}",
       "SELECT * FROM t WHERE a LIKE '%\\_%' ESCAPE '\\'"),
    OK("WHERE a LIKE 'x!%' {ESCAPE '!'}", "WHERE a LIKE 'x!%' ESCAPE '!'"),
    BAD("{escape '!' x}", 0),
    /* {interval} */
    OK("{interval '5' DAY}", "INTERVAL(5) DAY TO DAY"),
    OK("{INTERVAL '123' DAY}", "INTERVAL(123) DAY(3) TO DAY"),
    OK("{interval -'1 10' DAY TO HOUR}", "INTERVAL(-1 10) DAY TO HOUR"),
    OK("{interval '12:30' HOUR TO MINUTE}", "INTERVAL(12:30) HOUR TO MINUTE"),
    OK("{interval '1-6' YEAR TO MONTH}", "INTERVAL(1-6) YEAR TO MONTH"),
    OK("{interval '5' DAY(4)}", "INTERVAL(5) DAY(4) TO DAY"),
    OK("{interval '10:20.5' MINUTE TO SECOND}", "INTERVAL(10:20.5) MINUTE TO FRACTION(1)"),
    OKF("{interval '10:20.123456' MINUTE TO SECOND}",
        "INTERVAL(10:20.12345) MINUTE TO FRACTION(5)"),
    BAD("{interval '1' YEAR TO DAY}", 0),
    BAD("{interval '1' HOUR TO DAY}", 0),
    BAD("{interval '1' FORTNIGHT}", 0),
    BAD("{interval 'x' DAY}", 0),
    BAD("{interval '1.5' DAY}", 0),
    /* literals and comments are never translated */
    OK("SELECT '{fn UCASE(x)}' FROM t", "SELECT '{fn UCASE(x)}' FROM t"),
    OK("SELECT \"{d\" FROM t", "SELECT \"{d\" FROM t"),
    OK("SELECT a -- {fn x( ?\nFROM t", "SELECT a -- {fn x( ?\nFROM t"),
    OK("SELECT /* {d '2020-01-01'} ? */ a FROM t", "SELECT /* {d '2020-01-01'} ? */ a FROM t"),
    OKM("SELECT { a comment ? } a FROM t WHERE b = ?",
        "SELECT { a comment ? } a FROM t WHERE b = ?", 1),
    OK("SELECT {delete me} a", "SELECT {delete me} a"),
    OK("{ d is for dog }", "{ d is for dog }"),
    OK("{fn}", "{fn}"),
    OKM("SELECT 'it''s {fn x}', ? FROM t", "SELECT 'it''s {fn x}', ? FROM t", 1),
    OKM("INSERT INTO t VALUES (?, ?, '?', \"?\")", "INSERT INTO t VALUES (?, ?, '?', \"?\")", 2),
    OK("SELECT 'abc", "SELECT 'abc"),
    OK("SELECT a } b", "SELECT a } b"),
    OK("", ""),
    /* malformed escapes report the offset of their '{' (innermost) */
    BAD("SELECT {fn UCASE(a}", 7),
    BAD("SELECT {fn UCASE(a) x}", 7),
    BAD("SELECT x FROM {oj t1 LEFT JOIN t2", 14),
    BAD("SELECT {fn UCASE({d 'bad'})}", 17),
    OK("SELECT {fn ( x)}", "SELECT {fn ( x)}"), /* no name after fn: a comment */
};

START_TEST(translate_escape)
{
    const struct xl_case *c = &cases[_i];
    struct esc_result r;
    esc_result_init(&r);
    enum esc_rc rc = esc_translate(c->in, strlen(c->in), &r);
    ck_assert_msg(rc == c->rc, "'%s': rc %d, want %d (out '%s')", c->in, rc, c->rc,
                  r.sql.p ? r.sql.p : "");
    if (rc == ESC_OK) {
        ck_assert_ptr_nonnull(r.sql.p);
        ck_assert_str_eq(r.sql.p, c->out);
        ck_assert_uint_eq(r.sql.len, strlen(c->out));
        ck_assert_uint_eq(r.n_markers, c->markers);
        ck_assert(r.has_return_value == c->ret);
        ck_assert(r.fraction_truncated == c->frac);
    } else {
        ck_assert_uint_eq(r.err_off, c->err_off);
        ck_assert_ptr_null(r.sql.p);
    }
    esc_result_fini(&r);
}
END_TEST

/* Feed every prefix of every input: a clean OK or SYNTAX, never a crash. A
 * prefix that ends inside an escape must not be accepted as complete. */
START_TEST(translate_every_prefix_is_clean)
{
    for (size_t i = 0; i < (size_t)N(cases); i++) {
        const char *in = cases[i].in;
        size_t len = strlen(in);
        for (size_t n = 0; n < len; n++) {
            struct esc_result r;
            esc_result_init(&r);
            enum esc_rc rc = esc_translate(in, n, &r);
            ck_assert(rc == ESC_OK || rc == ESC_SYNTAX);
            if (rc == ESC_SYNTAX)
                ck_assert(r.err_off < n);
            else
                ck_assert_ptr_nonnull(r.sql.p);
            esc_result_fini(&r);
        }
    }
}
END_TEST

START_TEST(nesting_depth_is_bounded)
{
    char sql[1024] = "";
    for (int d = 0; d < ESC_MAX_DEPTH + 2; d++)
        strcat(sql, "{fn ABS(");
    strcat(sql, "1");
    for (int d = 0; d < ESC_MAX_DEPTH + 2; d++)
        strcat(sql, ")}");
    struct esc_result r;
    esc_result_init(&r);
    ck_assert_int_eq(esc_translate(sql, strlen(sql), &r), ESC_SYNTAX);
    ck_assert_uint_eq(r.err_off, (size_t)ESC_MAX_DEPTH * 8); /* the first one too deep */
    esc_result_fini(&r);
    /* exactly at the limit works */
    char ok[1024] = "";
    for (int d = 0; d < ESC_MAX_DEPTH; d++)
        strcat(ok, "{fn ABS(");
    strcat(ok, "1");
    for (int d = 0; d < ESC_MAX_DEPTH; d++)
        strcat(ok, ")}");
    ck_assert_int_eq(esc_translate(ok, strlen(ok), &r), ESC_OK);
    char want[1024] = "";
    for (int d = 0; d < ESC_MAX_DEPTH; d++)
        strcat(want, "ABS(");
    strcat(want, "1");
    for (int d = 0; d < ESC_MAX_DEPTH; d++)
        strcat(want, ")");
    ck_assert_str_eq(r.sql.p, want);
    esc_result_fini(&r);
}
END_TEST

/* No mapping may repeat an argument (a '?' in it would be duplicated, and the
 * statement would get more markers than the application binds). */
static const struct {
    const char *name;
    int nargs;
    int markers_out; /* markers expected in the output */
} arity[] = {
    {"ASCII", 1, 1},
    {"CHAR", 1, 1},
    {"CHAR_LENGTH", 1, 1},
    {"CHARACTER_LENGTH", 1, 1},
    {"CONCAT", 2, 2},
    {"LCASE", 1, 1},
    {"LEFT", 2, 2},
    {"LENGTH", 1, 1},
    {"LOCATE", 3, 3},
    {"LTRIM", 1, 1},
    {"OCTET_LENGTH", 1, 1},
    {"REPLACE", 3, 3},
    {"RIGHT", 2, 2},
    {"RTRIM", 1, 1},
    {"SPACE", 1, 1},
    {"SUBSTRING", 3, 3},
    {"UCASE", 1, 1},
    {"ABS", 1, 1},
    {"ACOS", 1, 1},
    {"ASIN", 1, 1},
    {"ATAN", 1, 1},
    {"ATAN2", 2, 2},
    {"CEILING", 1, 1},
    {"COS", 1, 1},
    {"COT", 1, 1},
    {"DEGREES", 1, 1},
    {"EXP", 1, 1},
    {"FLOOR", 1, 1},
    {"LOG", 1, 1},
    {"LOG10", 1, 1},
    {"MOD", 2, 2},
    {"POWER", 2, 2},
    {"RADIANS", 1, 1},
    {"ROUND", 2, 2},
    {"SIGN", 1, 1},
    {"SIN", 1, 1},
    {"SQRT", 1, 1},
    {"TAN", 1, 1},
    {"TRUNCATE", 2, 2},
    {"DAYOFMONTH", 1, 1},
    {"DAYOFWEEK", 1, 1},
    {"HOUR", 1, 1},
    {"MINUTE", 1, 1},
    {"MONTH", 1, 1},
    {"QUARTER", 1, 1},
    {"SECOND", 1, 1},
    {"YEAR", 1, 1},
    {"IFNULL", 2, 2},
    {"CURRENT_TIME", 1, 0}, /* the precision is dropped: n_markers says so */
    {"CURRENT_TIMESTAMP", 1, 0},
};

START_TEST(templates_never_repeat_an_argument)
{
    char sql[128];
    int n = snprintf(sql, sizeof sql, "{fn %s(", arity[_i].name);
    for (int a = 0; a < arity[_i].nargs; a++)
        n += snprintf(sql + n, sizeof sql - (size_t)n, a ? ", ?" : "?");
    snprintf(sql + n, sizeof sql - (size_t)n, ")}");
    struct esc_result r;
    esc_result_init(&r);
    ck_assert_int_eq(esc_translate(sql, strlen(sql), &r), ESC_OK);
    ck_assert_msg(r.n_markers == (size_t)arity[_i].markers_out, "%s -> %s", sql, r.sql.p);
    ck_assert_uint_eq(esc_count_markers(r.sql.p, r.sql.len, NULL, 0), r.n_markers);
    ck_assert_ptr_null(strstr(r.sql.p, "{fn")); /* it was mapped, not passed through */
    esc_result_fini(&r);
}
END_TEST

/* ---- marker counting ---------------------------------------------------------- */

static const struct {
    const char *sql;
    size_t count;
    size_t off[4];
} count_cases[] = {
    {"SELECT ? FROM t WHERE a = ? AND b = '?'", 2, {7, 26}},
    {"{?=call f(?)}", 2, {1, 10}},
    {"{fn CONCAT(?, 'x')} -- ?\n/* ? */ { ? } ?", 2, {11, 39}},
    {"SELECT \"?\" , '''?' , ?", 1, {21}},
    {"/* ?", 0, {0}},
    {"SELECT {d ?", 0, {0}}, /* not an escape (no quote): a comment to the end */
    {"", 0, {0}},
    {"???", 3, {0, 1, 2}},
};

START_TEST(count_markers)
{
    size_t off[4] = {99, 99, 99, 99};
    const char *sql = count_cases[_i].sql;
    size_t n = esc_count_markers(sql, strlen(sql), off, 4);
    ck_assert_uint_eq(n, count_cases[_i].count);
    for (size_t i = 0; i < n && i < 4; i++)
        ck_assert_uint_eq(off[i], count_cases[_i].off[i]);
    ck_assert_uint_eq(esc_count_markers(sql, strlen(sql), NULL, 0), n);
    /* only max_offsets are written */
    size_t one[2] = {99, 77};
    esc_count_markers(sql, strlen(sql), one, 1);
    ck_assert_uint_eq(one[1], 77);
}
END_TEST

START_TEST(count_matches_translation_plus_return_marker)
{
    static const char sql[] = "{?=call f(?, {fn UCASE(?)}, '?')}";
    struct esc_result r;
    esc_result_init(&r);
    ck_assert_int_eq(esc_translate(sql, strlen(sql), &r), ESC_OK);
    ck_assert_str_eq(r.sql.p, "EXECUTE FUNCTION f(?, UPPER(?), '?')");
    ck_assert(r.has_return_value);
    ck_assert_uint_eq(r.n_markers + 1, esc_count_markers(sql, strlen(sql), NULL, 0));
    esc_result_fini(&r);
}
END_TEST

/* Allocation #n fails, for n = 1.. until the translation succeeds: each
 * failure is a clean ESC_NOMEM (ASan checks nothing leaks). Only bites in the
 * 'fault' preset (SQ_FAULT_HOOKS); elsewhere the first round succeeds. */
START_TEST(allocation_failures_are_clean)
{
    static const char sql[] =
        "SELECT {fn UCASE({fn CONCAT(a, ?)})}, {ts '2024-01-02 03:04:05.1'} FROM {oj t LEFT "
        "OUTER JOIN u ON t.a = u.a} WHERE x = {fn CONVERT(y, SQL_INTEGER)}; {call p(?, ?)}";
    for (long n = 1; n < 500; n++) {
        struct esc_result r;
        esc_result_init(&r);
        sq_alloc_fail_at(n);
        enum esc_rc rc = esc_translate(sql, strlen(sql), &r);
        sq_alloc_fail_at(0);
        if (rc == ESC_OK) {
            ck_assert_uint_eq(r.n_markers, 3);
            esc_result_fini(&r);
            return;
        }
        ck_assert_int_eq(rc, ESC_NOMEM);
        esc_result_fini(&r);
    }
    ck_abort_msg("never succeeded");
}
END_TEST

static Suite *escape_suite(void)
{
    Suite *s = suite_create("odbc_escape");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, translate_escape, 0, N(cases));
    tcase_add_test(tc, translate_every_prefix_is_clean);
    tcase_add_test(tc, nesting_depth_is_bounded);
    tcase_add_loop_test(tc, templates_never_repeat_an_argument, 0, N(arity));
    tcase_add_loop_test(tc, count_markers, 0, N(count_cases));
    tcase_add_test(tc, count_matches_translation_plus_return_marker);
    tcase_add_test(tc, allocation_failures_are_clean);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(escape_suite());
}
