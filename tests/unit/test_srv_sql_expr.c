/* SPDX-License-Identifier: MIT */
/* test_srv_sql_expr.c - unit tests of ifxlite's SQL engine on expressions:
 * arithmetic precedence and associativity (with DATE arithmetic and ||),
 * TODAY/CURRENT evaluated once per statement, INTERVAL storage that sorts and
 * compares correctly, and IN/BETWEEN lists coerced to the column's type.
 * Each test uses a fresh temporary data directory. */
#include "srv_sql.h"

#include "ck_util.h"
#include "sq_opcodes.h"
#include "sq_types.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char g_dir[256];
static struct srv_engine *g_eng;
static struct srv_session *g_s;

static void rm_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static void setup(void)
{
    snprintf(g_dir, sizeof g_dir, "/tmp/test_srv_sql_expr_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
    struct srv_err err;
    g_eng = srv_engine_new(g_dir, &err);
    ck_assert_ptr_nonnull(g_eng);
    ck_assert_int_eq(srv_engine_create_db(g_eng, "testdb", SRV_DB_LOGGED, &err), 0);
    g_s = srv_session_new(g_eng, 7, "tester");
    ck_assert_ptr_nonnull(g_s);
    ck_assert_msg(srv_session_dbopen(g_s, "testdb", &err) == 0, "dbopen %d", err.sqlcode);
}

static void teardown(void)
{
    srv_session_free(g_s);
    g_s = NULL;
    srv_engine_free(g_eng);
    g_eng = NULL;
    rm_dir(g_dir);
}

/* Run a statement; returns 0 or the SQLCODE. */
static int run(const char *sql)
{
    struct srv_err err;
    struct srv_exec_result res;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    int rc = srv_stmt_execute(st, &res, &err);
    srv_stmt_free(st);
    return rc == 0 ? 0 : err.sqlcode;
}

#define OK(sql)                                                                                    \
    do {                                                                                           \
        int rc_ = run(sql);                                                                        \
        ck_assert_msg(rc_ == 0, "%s -> %d", (sql), rc_);                                           \
    } while (0)

static void val_text(const struct srv_val *v, char *out, size_t cap)
{
    switch (v->k) {
    case SRV_V_NULL:
        snprintf(out, cap, "NULL");
        break;
    case SRV_V_INT:
        snprintf(out, cap, "%lld", (long long)v->i);
        break;
    case SRV_V_FLOAT:
        snprintf(out, cap, "%.17g", v->f);
        break;
    default:
        snprintf(out, cap, "%.*s", (int)v->n, v->p);
        break;
    }
}

/* All rows' column 0 joined with '|' (at most cap bytes); returns 0 or SQLCODE. */
static int column0(const char *sql, char *out, size_t cap)
{
    struct srv_err err;
    out[0] = '\0';
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    if (srv_stmt_open(st, &err) != 0) {
        srv_stmt_free(st);
        return err.sqlcode;
    }
    struct srv_val row[8];
    int rc;
    size_t o = 0;
    while ((rc = srv_stmt_next(st, row, &err)) == 1) {
        char one[128];
        val_text(&row[0], one, sizeof one);
        int w = snprintf(out + o, cap - o, "%s%s", o ? "|" : "", one);
        if (w > 0 && (size_t)w < cap - o)
            o += (size_t)w;
    }
    srv_stmt_free(st);
    return rc < 0 ? err.sqlcode : 0;
}

/* The query's rows (column 0) are exactly want ("a|b|c"). */
static void expect_rows(const char *sql, const char *want)
{
    char got[2048];
    int rc = column0(sql, got, sizeof got);
    ck_assert_msg(rc == 0, "%s -> %d", sql, rc);
    ck_assert_msg(strcmp(got, want) == 0, "%s: got '%s' want '%s'", sql, got, want);
}

/* One value and the described type (base code, encoded length) of column 0. */
static void expect_typed(const char *sql, const char *want, uint16_t type, uint32_t enc_len)
{
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_msg(st != NULL, "%s -> %d", sql, err.sqlcode);
    const struct srv_col *c = srv_stmt_col(st, 0);
    ck_assert_msg((c->type & 0xFF) == type && c->enc_len == enc_len,
                  "%s: type %u len 0x%X, want %u len 0x%X", sql, (unsigned)(c->type & 0xFF),
                  (unsigned)c->enc_len, (unsigned)type, (unsigned)enc_len);
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[4];
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    char got[128];
    val_text(&row[0], got, sizeof got);
    ck_assert_msg(strcmp(got, want) == 0, "%s: got '%s' want '%s'", sql, got, want);
    srv_stmt_free(st);
}

#define ONE " FROM systables WHERE tabid = 1"
#define DEC32 ((32u << 8) | 0xFFu) /* DECIMAL(32), floating */

/* ---- 1. arithmetic precedence ---------------------------------------------- */

START_TEST(arithmetic_precedence_and_associativity)
{
    /* * and / bind equally and associate to the left; + and - below them;
     * unary minus binds tightest; parentheses are respected. Division gives
     * DECIMAL(32) floating, exact here. */
    expect_typed("SELECT 2 * 3 / 4" ONE, "1.5", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 10 - 4 - 3" ONE, "3", SQ_T_INTEGER, 4);
    expect_typed("SELECT 12 / 4 / 3" ONE, "1", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 1 + 2 * 3" ONE, "7", SQ_T_INTEGER, 4);
    expect_typed("SELECT -2 * 3" ONE, "-6", SQ_T_INTEGER, 4);
    expect_typed("SELECT (1 + 2) * 3" ONE, "9", SQ_T_INTEGER, 4);
    expect_typed("SELECT 1 + 6 / 4" ONE, "2.5", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 12 / (4 / 2)" ONE, "6", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 7 - 6 / 4 * 2" ONE, "4", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 2 - -3 * 2" ONE, "8", SQ_T_INTEGER, 4);
    expect_typed("SELECT 9 / 3 - 6 / 4" ONE, "1.5", SQ_T_DECIMAL, DEC32);
    /* a quotient that does not end: DECIMAL(32)'s 32 digits, not a double's 15-17
     * (IBM: "Division: precision 32, floating-point decimal"); a FLOAT operand
     * divides in FLOAT */
    expect_typed("SELECT 1 / 3" ONE, "0.33333333333333333333333333333333", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 2.00 / 3" ONE, "0.66666666666666666666666666666667", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT 10 / 3 * 3" ONE, "9.9999999999999999999999999999999", SQ_T_DECIMAL,
                 DEC32);
    /* CASE ... END and casts are single operands */
    expect_typed("SELECT CASE WHEN 1 = 1 THEN 6 END / 4 * 2" ONE, "3", SQ_T_DECIMAL, DEC32);
    expect_typed("SELECT '6'::INTEGER / 4 + 1" ONE, "2.5", SQ_T_DECIMAL, DEC32);
    /* || binds looser than + (Informix), tighter in SQLite */
    expect_rows("SELECT 'a' || 1 + 2" ONE, "a3");
    expect_rows("SELECT 2 * 3 || 'b' || 10 / 4" ONE, "6b2.5");
}
END_TEST

START_TEST(date_arithmetic_takes_whole_terms)
{
    expect_typed("SELECT DATE('2024-03-01') - 1 + 2" ONE, "2024-03-02", SQ_T_DATE, 4);
    expect_typed("SELECT DATE('2024-03-01') + 2 * 3" ONE, "2024-03-07", SQ_T_DATE, 4);
    expect_typed("SELECT 2 * 3 + DATE('2024-03-01')" ONE, "2024-03-07", SQ_T_DATE, 4);
    expect_typed("SELECT DATE('2024-03-01') - 10 + 1 - 1" ONE, "2024-02-20", SQ_T_DATE, 4);
    expect_typed("SELECT DATE('2024-03-10') - DATE('2024-03-01') - 2" ONE, "7", SQ_T_INTEGER, 4);
    expect_typed("SELECT 1 + (DATE('2024-03-10') - DATE('2024-03-01')) * 2" ONE, "19", SQ_T_INTEGER,
                 4);
    OK("CREATE TABLE dd (d DATE, n INTEGER)");
    OK("INSERT INTO dd VALUES ('2024-02-27', 2)");
    expect_rows("SELECT d + n * 2 FROM dd", "2024-03-02");
    expect_rows("SELECT d - n - 1 FROM dd", "2024-02-24");
    expect_rows("SELECT COUNT(*) FROM dd WHERE d + n * 2 = '2024-03-02'", "1");
}
END_TEST

/* ---- 3. TODAY and CURRENT once per statement --------------------------------- */

START_TEST(current_is_evaluated_once_per_statement)
{
    /* ~30^3 rows, each referencing CURRENT twice: one value for all. */
    expect_rows("SELECT COUNT(DISTINCT CURRENT YEAR TO FRACTION(5)) FROM systables a,"
                " systables b, systables c",
                "1");
    expect_rows("SELECT COUNT(*) FROM systables a, systables b, systables c"
                " WHERE CURRENT YEAR TO FRACTION(5) <> CURRENT YEAR TO FRACTION(5)",
                "0");
    expect_rows("SELECT COUNT(*) FROM systables a, systables b"
                " WHERE EXTEND(CURRENT, YEAR TO DAY) <> TODAY",
                "0");
    /* rows fetched later still see the instant of OPEN */
    const char *sql = "SELECT CURRENT YEAR TO FRACTION(5) FROM systables WHERE tabid < 3";
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[1];
    char first[64], second[64];
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    val_text(&row[0], first, sizeof first);
    struct timespec ts = {0, 30 * 1000 * 1000};
    nanosleep(&ts, NULL);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    val_text(&row[0], second, sizeof second);
    ck_assert_str_eq(first, second);
    /* a new OPEN takes a new instant */
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    val_text(&row[0], second, sizeof second);
    ck_assert_str_ne(first, second);
    srv_stmt_free(st);
}
END_TEST

/* ---- 4. INTERVAL storage ----------------------------------------------------- */

START_TEST(interval_order_and_compare)
{
    OK("CREATE TABLE iv (k INTEGER, a INTERVAL DAY(3) TO SECOND, b INTERVAL YEAR TO MONTH)");
    OK("INSERT INTO iv VALUES (1, '1 00:00:00', '1-06')");
    OK("INSERT INTO iv VALUES (2, '10 00:00:00', '12-00')");
    OK("INSERT INTO iv VALUES (3, '-2 03:00:00', '-0-03')");
    OK("INSERT INTO iv VALUES (4, '0 00:00:05', '2-11')");
    OK("INSERT INTO iv VALUES (5, '100 00:00:00', '-1-00')");
    OK("INSERT INTO iv VALUES (6, '9 23:59:59', '0-00')");
    OK("INSERT INTO iv VALUES (7, '-10 00:00:00', '10-01')");
    /* exact round trips, canonical text per qualifier */
    expect_rows("SELECT a FROM iv ORDER BY k",
                "1 00:00:00|10 00:00:00|-2 03:00:00|0 00:00:05|100 00:00:00|9 23:59:59|"
                "-10 00:00:00");
    expect_rows("SELECT b FROM iv ORDER BY k", "1-06|12-00|-0-03|2-11|-1-00|0-00|10-01");
    /* numeric order, negatives first */
    expect_rows("SELECT k FROM iv ORDER BY a", "7|3|4|1|6|2|5");
    expect_rows("SELECT k FROM iv ORDER BY b DESC", "2|7|4|1|6|3|5");
    expect_rows("SELECT k FROM iv WHERE a > '9 00:00:00' ORDER BY k", "2|5|6");
    expect_rows("SELECT k FROM iv WHERE a < INTERVAL(0) DAY TO DAY ORDER BY k", "3|7");
    expect_rows("SELECT k FROM iv WHERE a >= INTERVAL(-2 03:00:00) DAY TO SECOND"
                " AND a <= '0 00:00:05' ORDER BY k",
                "3|4");
    expect_rows("SELECT k FROM iv WHERE b < '0-00' ORDER BY k", "3|5");
    expect_rows("SELECT k FROM iv WHERE b > INTERVAL(2-06) YEAR TO MONTH ORDER BY k", "2|4|7");
    expect_rows("SELECT MAX(a) FROM iv", "100 00:00:00");
    expect_rows("SELECT MIN(b) FROM iv", "-1-00");
    /* a column's value keeps its meaning when copied to another column */
    OK("CREATE TABLE iv2 (a INTERVAL DAY(3) TO SECOND, h INTERVAL DAY(3) TO HOUR)");
    OK("INSERT INTO iv2 SELECT a, a FROM iv WHERE k = 6");
    expect_rows("SELECT a FROM iv2", "9 23:59:59");
    expect_rows("SELECT h FROM iv2", "9 23");
    OK("UPDATE iv2 SET h = '-3 04'");
    expect_rows("SELECT h FROM iv2", "-3 04");
    /* precision and shape are still checked */
    ck_assert_int_eq(run("INSERT INTO iv (a) VALUES ('1000 00:00:00')"), -1263);
    ck_assert_int_eq(run("INSERT INTO iv (a) VALUES ('1 00:61:00')"), -1263);
}
END_TEST

START_TEST(interval_params_round_trip)
{
    OK("CREATE TABLE ip (a INTERVAL DAY(3) TO FRACTION(3))");
    const char *sql = "INSERT INTO ip VALUES (?)";
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    static const char *const vals[] = {"-0 00:00:00.001", "12 01:02:03.456", "-12 01:02:03.400"};
    for (size_t k = 0; k < 3; k++) {
        struct srv_val v = {SRV_V_TEXT, 0, 0, vals[k], strlen(vals[k])};
        ck_assert_int_eq(srv_stmt_bind(st, 0, &v, &err), 0);
        struct srv_exec_result res;
        ck_assert_int_eq(srv_stmt_execute(st, &res, &err), 0);
    }
    srv_stmt_free(st);
    expect_rows("SELECT a FROM ip ORDER BY a", "-12 01:02:03.400|-0 00:00:00.001|12 01:02:03.456");
}
END_TEST

/* ---- 5. IN and BETWEEN coercion ---------------------------------------------- */

START_TEST(in_and_between_lists_are_coerced)
{
    OK("CREATE TABLE cv (k INTEGER, d DATE, ts DATETIME YEAR TO SECOND, m DECIMAL(10,2),"
       " i INTERVAL DAY(3) TO SECOND)");
    OK("INSERT INTO cv VALUES (1, '2024-03-01', '2024-03-01 10:00:00', 1.5, '1 00:00:00')");
    OK("INSERT INTO cv VALUES (2, '2024-03-05', '2024-03-05 12:30:00', 2, '-3 00:00:00')");
    OK("INSERT INTO cv VALUES (3, '2024-04-01', '2024-04-01 00:00:00', 10.25, '20 00:00:00')");
    /* DATE */
    expect_rows("SELECT k FROM cv WHERE d IN ('03/01/2024', '2024-03-05') ORDER BY k", "1|2");
    expect_rows("SELECT k FROM cv WHERE d NOT IN ('03/01/2024') ORDER BY k", "2|3");
    expect_rows("SELECT k FROM cv WHERE d BETWEEN '02/28/2024' AND '03/02/2024'", "1");
    expect_rows("SELECT k FROM cv WHERE d NOT BETWEEN '2024-03-01' AND '03/31/2024'", "3");
    /* DATETIME: shorter text is completed to the column's qualifier */
    expect_rows("SELECT k FROM cv WHERE ts IN ('2024-03-01 10:00', '2024-04-01 00:00:00')"
                " ORDER BY k",
                "1|3");
    expect_rows("SELECT k FROM cv WHERE ts BETWEEN '2024-03-01 10:00' AND '2024-03-05 12:30'"
                " ORDER BY k",
                "1|2");
    /* DECIMAL: strings are numbers */
    expect_rows("SELECT k FROM cv WHERE m IN ('1.50', '10.25') ORDER BY k", "1|3");
    expect_rows("SELECT k FROM cv WHERE m BETWEEN '1.75' AND '10.3' ORDER BY k", "2|3");
    expect_rows("SELECT k FROM cv WHERE cv.m IN (2, '1.5') ORDER BY k", "1|2");
    /* INTERVAL */
    expect_rows("SELECT k FROM cv WHERE i IN ('1 00:00:00', '-3 00:00:00') ORDER BY k", "1|2");
    expect_rows("SELECT k FROM cv WHERE i BETWEEN '-5 00:00:00' AND '2 00:00:00' ORDER BY k",
                "1|2");
    /* bound parameters get the same treatment */
    const char *sql = "SELECT k FROM cv WHERE d IN (?, ?) AND m BETWEEN ? AND ? ORDER BY k";
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    static const char *const p[] = {"03/05/2024", "2024-04-01", "1.99", "20"};
    for (size_t k = 0; k < 4; k++) {
        struct srv_val v = {SRV_V_TEXT, 0, 0, p[k], strlen(p[k])};
        ck_assert_int_eq(srv_stmt_bind(st, k, &v, &err), 0);
    }
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[1];
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].i, 2);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].i, 3);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 0);
    srv_stmt_free(st);
    /* a bad value is a conversion error, as for "=" */
    char out[64];
    ck_assert_int_eq(column0("SELECT k FROM cv WHERE d IN ('2024-13-01')", out, sizeof out), -1205);
    /* subqueries and expressions in the list still work */
    expect_rows("SELECT k FROM cv WHERE k IN (SELECT k FROM cv WHERE k > 1) ORDER BY k", "2|3");
    expect_rows("SELECT k FROM cv WHERE k IN (1 + 1, 3 * 1) AND k BETWEEN 1 + 1 AND 3 ORDER BY k",
                "2|3");
}
END_TEST

static Suite *expr_suite(void)
{
    Suite *s = suite_create("srv_sql_expr");
    TCase *tc = tcase_create("expr");
    tcase_set_timeout(tc, 30);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, arithmetic_precedence_and_associativity);
    tcase_add_test(tc, date_arithmetic_takes_whole_terms);
    tcase_add_test(tc, current_is_evaluated_once_per_statement);
    tcase_add_test(tc, interval_order_and_compare);
    tcase_add_test(tc, interval_params_round_trip);
    tcase_add_test(tc, in_and_between_lists_are_coerced);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(expr_suite());
}
