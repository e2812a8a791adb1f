/* SPDX-License-Identifier: MIT */
/* test_srv_sql.c - unit tests of ifxlite's SQL engine (srv_sql.h) talking to
 * the engine directly: types and catalog, values, SERIALs, dialect, errors,
 * transactions per database kind, isolation and lock waits. Each test uses a
 * fresh temporary data directory. */
#include "srv_sql.h"

#include "ck_util.h"
#include "srv_fixture.h"
#include "sq_opcodes.h"
#include "sq_types.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int count_rows(struct srv_session *s, const char *sql)
{
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    if (srv_stmt_open(st, &err) != 0) {
        srv_stmt_free(st);
        return err.sqlcode;
    }
    struct srv_val row[16];
    int n = 0, rc;
    while ((rc = srv_stmt_next(st, row, &err)) == 1)
        n++;
    srv_stmt_free(st);
    return rc < 0 ? err.sqlcode : n;
}

/* ---- catalog and describe ------------------------------------------------ */

START_TEST(create_table_every_type_fills_syscolumns)
{
    OK(g_s, "CREATE TABLE every (c CHAR(10), nc NCHAR(4), vc VARCHAR(20,5), nvc NVARCHAR(30),"
            " lvc LVARCHAR(1000), lv2 LVARCHAR, si SMALLINT, i INTEGER NOT NULL, i8 INT8,"
            " bi BIGINT, sf SMALLFLOAT, fl FLOAT, d DECIMAL(12,4), df DECIMAL, dp DECIMAL(8),"
            " nu NUMERIC(6), m MONEY, m2 MONEY(10,3), dt DATE, ts DATETIME YEAR TO SECOND,"
            " tf DATETIME YEAR TO FRACTION(5), hm DATETIME HOUR TO MINUTE,"
            " iv INTERVAL DAY(2) TO SECOND, ym INTERVAL YEAR TO MONTH, b BOOLEAN, by BYTE,"
            " tx TEXT, bl BLOB, cl CLOB)");
    static const struct {
        const char *name;
        int coltype;
        int collength;
    } want[] = {
        {"c", 0, 10},       {"nc", 15, 4},       {"vc", 13, (5 << 8) | 20},
        {"nvc", 16, 30},    {"lvc", 43, 1000},   {"lv2", 43, 2048},
        {"si", 1, 2},       {"i", 2 | 0x100, 4}, {"i8", 17, 10},
        {"bi", 52, 8},      {"sf", 4, 4},        {"fl", 3, 8},
        {"d", 5, 0x0C04},   {"df", 5, 0x10FF},   {"dp", 5, 0x08FF},
        {"nu", 5, 0x0600},  {"m", 8, 0x1002},    {"m2", 8, 0x0A03},
        {"dt", 7, 4},       {"ts", 10, 0x0E0A},  {"tf", 10, 0x130F},
        {"hm", 10, 0x0468}, {"iv", 14, 0x084A},  {"ym", 14, 0x0602},
        {"b", 45, 1},       {"by", 11, 56},      {"tx", 12, 56},
        {"bl", 41, 72},     {"cl", 41, 72},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        char sql[256], out[2][128];
        snprintf(sql, sizeof sql,
                 "SELECT c.coltype, c.collength FROM syscolumns c, systables t"
                 " WHERE c.tabid = t.tabid AND t.tabname = 'every' AND c.colname = '%s'",
                 want[k].name);
        ck_assert_int_eq(query_row(g_s, sql, out, 2), 0);
        ck_assert_msg(atoi(out[0]) == want[k].coltype, "%s coltype %s", want[k].name, out[0]);
        ck_assert_msg(atoi(out[1]) == want[k].collength, "%s collength %s", want[k].name, out[1]);
    }
    expect1(g_s, "SELECT tabid FROM systables WHERE tabname = 'every'", "100");
    expect1(g_s, "SELECT ncols FROM systables WHERE tabname = 'every'", "29");
    expect1(g_s, "SELECT tabtype FROM systables WHERE tabname = 'every'", "T");
}
END_TEST

START_TEST(describe_every_type_as_informix)
{
    OK(g_s, "CREATE TABLE every (c CHAR(10), vc VARCHAR(20,5), lvc LVARCHAR(1000),"
            " i INTEGER NOT NULL, i8 INT8, d DECIMAL(12,4), ts DATETIME YEAR TO SECOND,"
            " b BOOLEAN, bl BLOB, cl CLOB, s SERIAL, s8 SERIAL8, bs BIGSERIAL)");
    struct srv_err err;
    const char *sql = "SELECT * FROM every";
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(srv_stmt_type(st), SQ_STMT_SELECT);
    ck_assert(srv_stmt_returns_rows(st));
    ck_assert_uint_eq(srv_stmt_ncols(st), 13);
    static const struct {
        const char *name;
        unsigned type, enc_len, xid;
        const char *xname;
    } want[] = {
        {"c", 0, 10, 0, ""},        {"vc", 13, 0x0514, 0, ""},  {"lvc", 40, 1000, 1, "lvarchar"},
        {"i", 2 | 0x100, 4, 0, ""}, {"i8", 17, 10, 0, ""},      {"d", 5, 0x0C04, 0, ""},
        {"ts", 10, 0x0E0A, 0, ""},  {"b", 41, 1, 5, "boolean"}, {"bl", 41, 72, 10, "blob"},
        {"cl", 41, 72, 11, "clob"}, {"s", 6, 4, 0, ""},         {"s8", 18, 10, 0, ""},
        {"bs", 53, 8, 0, ""},
    };
    for (size_t k = 0; k < 13; k++) {
        const struct srv_col *c = srv_stmt_col(st, k);
        ck_assert_str_eq(c->name, want[k].name);
        ck_assert_msg(c->type == want[k].type, "%s type %u", c->name, c->type);
        ck_assert_msg(c->enc_len == want[k].enc_len, "%s enc_len %u", c->name, c->enc_len);
        ck_assert_uint_eq(c->xid, want[k].xid);
        ck_assert_str_eq(c->xname, want[k].xname);
    }
    ck_assert_uint_gt(srv_stmt_tuple_size(st), 0);
    srv_stmt_free(st);
}
END_TEST

static void expect_col(const char *sql, size_t i, const char *name, unsigned type, unsigned enc_len)
{
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_msg(st != NULL, "%s -> %d", sql, err.sqlcode);
    const struct srv_col *c = srv_stmt_col(st, i);
    ck_assert_ptr_nonnull(c);
    ck_assert_msg(strcmp(c->name, name) == 0, "%s: name '%s' want '%s'", sql, c->name, name);
    ck_assert_msg(c->type == type, "%s: type %u want %u", sql, c->type, type);
    ck_assert_msg(c->enc_len == enc_len, "%s: enc_len 0x%X want 0x%X", sql, c->enc_len, enc_len);
    srv_stmt_free(st);
}

START_TEST(describe_expressions_as_informix)
{
    OK(g_s, "CREATE TABLE t (a INTEGER, d DECIMAL(12,2), f FLOAT, c CHAR(5), v VARCHAR(10))");
    /* V6: COUNT(*) is a 9-byte DECIMAL: DECIMAL(15) floating, DECLEN(15,255) = 9. */
    expect_col("SELECT COUNT(*) FROM t", 0, "(count(*))", SQ_T_DECIMAL, 0x0FFF);
    expect_col("SELECT count(a) FROM t", 0, "(count)", SQ_T_DECIMAL, 0x0FFF);
    expect_col("SELECT SUM(a) FROM t", 0, "(sum)", SQ_T_DECIMAL, 0x20FF);
    expect_col("SELECT sum(d) FROM t", 0, "(sum)", SQ_T_DECIMAL, 0x2002);
    expect_col("SELECT avg(a) FROM t", 0, "(avg)", SQ_T_DECIMAL, 0x20FF);
    expect_col("SELECT max(v) FROM t", 0, "(max)", SQ_T_VARCHAR, 10);
    expect_col("SELECT min(a) FROM t", 0, "(min)", SQ_T_INTEGER, 4);
    expect_col("SELECT a + 1 FROM t", 0, "(expression)", SQ_T_INTEGER, 4);
    expect_col("SELECT a / 2 FROM t", 0, "(expression)", SQ_T_DECIMAL, 0x20FF);
    expect_col("SELECT f * a FROM t", 0, "(expression)", SQ_T_FLOAT, 8);
    expect_col("SELECT 42 FROM t", 0, "(constant)", SQ_T_INTEGER, 4);
    expect_col("SELECT 12.50 FROM t", 0, "(constant)", SQ_T_DECIMAL, 0x0402);
    expect_col("SELECT 'abc' FROM t", 0, "(constant)", SQ_T_CHAR, 3);
    expect_col("SELECT TODAY FROM t", 0, "(today)", SQ_T_DATE, 4);
    expect_col("SELECT CURRENT FROM t", 0, "(current)", SQ_T_DATETIME, 0x110D);
    expect_col("SELECT CURRENT YEAR TO SECOND FROM t", 0, "(current)", SQ_T_DATETIME, 0x0E0A);
    expect_col("SELECT a AS Total FROM t", 0, "total", SQ_T_INTEGER, 4);
    expect_col("SELECT c || v FROM t", 0, "(expression)", SQ_T_VARCHAR, 15);
    expect_col("SELECT LENGTH(v) FROM t", 0, "(expression)", SQ_T_INTEGER, 4);
    expect_col("SELECT a::DECIMAL(5,1) FROM t", 0, "a", SQ_T_DECIMAL, 0x0501);
    expect_col("SELECT CAST(a AS CHAR(8)) x FROM t", 0, "x", SQ_T_CHAR, 8);
    expect_col("SELECT DBINFO('sessionid') FROM t", 0, "(expression)", SQ_T_INTEGER, 4);
    expect_col("SELECT T.A FROM t", 0, "a", SQ_T_INTEGER, 4);
}
END_TEST

/* ---- values ---------------------------------------------------------------- */

START_TEST(decimal_values_round_trip_exactly)
{
    OK(g_s, "CREATE TABLE dec (a DECIMAL(32,10), b DECIMAL(12,2), c DECIMAL(6), m MONEY)");
    OK(g_s, "INSERT INTO dec VALUES ('1234567890123456789012.1234567891', 1234.5, 3.14159265,"
            " 19.999)");
    char out[4][128];
    ck_assert_int_eq(query_row(g_s, "SELECT a, b, c, m FROM dec", out, 4), 0);
    ck_assert_str_eq(out[0], "1234567890123456789012.1234567891");
    ck_assert_str_eq(out[1], "1234.50");
    ck_assert_str_eq(out[2], "3.14159");
    ck_assert_str_eq(out[3], "20.00");
    /* comparisons and arithmetic on values that fit in 15 digits work */
    expect1(g_s, "SELECT b * 2 FROM dec WHERE b = 1234.5", "2469");
    expect1(g_s, "SELECT count(*) FROM dec WHERE b = '1234.50'", "1");
    ck_assert_int_eq(run(g_s, "INSERT INTO dec (b) VALUES (12345678901.5)", NULL), -1226);
    ck_assert_int_eq(run(g_s, "INSERT INTO dec (b) VALUES ('12x')", NULL), -1213);
}
END_TEST

START_TEST(date_datetime_interval_values)
{
    OK(g_s, "CREATE TABLE dt (d DATE, ts DATETIME YEAR TO SECOND, f5 DATETIME YEAR TO FRACTION(5),"
            " hm DATETIME HOUR TO MINUTE, ymd DATETIME YEAR TO DAY, iv INTERVAL DAY(3) TO SECOND)");
    OK(g_s, "INSERT INTO dt VALUES ('2024-06-15', '2026-06-20 12:34:56',"
            " '2024-01-02 03:04:05.12345', '10:30', '2024-02-29 11:00:00', '12 03:04:05')");
    char out[6][128];
    ck_assert_int_eq(query_row(g_s, "SELECT d, ts, f5, hm, ymd, iv FROM dt", out, 6), 0);
    ck_assert_str_eq(out[0], "2024-06-15");
    ck_assert_str_eq(out[1], "2026-06-20 12:34:56");
    ck_assert_str_eq(out[2], "2024-01-02 03:04:05.12345");
    ck_assert_str_eq(out[3], "10:30");
    ck_assert_str_eq(out[4], "2024-02-29");
    ck_assert_str_eq(out[5], "12 03:04:05");
    OK(g_s, "DELETE FROM dt");
    OK(g_s, "INSERT INTO dt (d) VALUES ('06/15/2024')");
    expect1(g_s, "SELECT d FROM dt", "2024-06-15");
    ck_assert_int_eq(run(g_s, "INSERT INTO dt (d) VALUES ('2024-13-01')", NULL), -1205);
    ck_assert_int_eq(run(g_s, "INSERT INTO dt (d) VALUES ('2023-02-29')", NULL), -1206);
    ck_assert_int_eq(run(g_s, "INSERT INTO dt (ts) VALUES ('2024-01-01 25:00:00')", NULL), -1263);
    ck_assert_int_eq(run(g_s, "INSERT INTO dt (hm) VALUES ('1x:00')", NULL), -1262);
    ck_assert_int_eq(run(g_s, "INSERT INTO dt (iv) VALUES ('1 00:61:00')", NULL), -1263);
    expect1(g_s, "SELECT d - 1 FROM dt", "2024-06-14");
    expect1(g_s, "SELECT 20 + d FROM dt", "2024-07-05");
    expect1(g_s, "SELECT d - MDY(6, 1, 2024) FROM dt", "14");
    expect_col("SELECT d + 1 FROM dt", 0, "(expression)", SQ_T_DATE, 4);
    expect1(g_s, "SELECT count(*) FROM dt WHERE d < TODAY - 1", "1");
    expect1(g_s, "SELECT MDY(2, 29, 2024) FROM systables WHERE tabid = 1", "2024-02-29");
    expect1(g_s, "SELECT WEEKDAY('2024-06-16') FROM systables WHERE tabid = 1", "0");
    expect1(g_s,
            "SELECT YEAR(DATETIME(2024-06-16 10:00) YEAR TO MINUTE) FROM systables"
            " WHERE tabid = 1",
            "2024");
}
END_TEST

START_TEST(integer_and_char_coercion)
{
    OK(g_s, "CREATE TABLE ic (s SMALLINT, i INTEGER, c CHAR(5), v VARCHAR(4), b BOOLEAN,"
            " f SMALLFLOAT)");
    OK(g_s, "INSERT INTO ic VALUES ('12', 7.9, 'ab', 'abcdefg', 't', 0.1)");
    char out[6][128];
    ck_assert_int_eq(query_row(g_s, "SELECT s, i, c, v, b, f FROM ic", out, 6), 0);
    ck_assert_str_eq(out[0], "12");
    ck_assert_str_eq(out[1], "7");
    ck_assert_str_eq(out[2], "ab   "); /* CHAR pads */
    ck_assert_str_eq(out[3], "abcd");  /* non-ANSI: silent truncation */
    ck_assert_str_eq(out[4], "1");
    ck_assert_str_eq(out[5], "0.10000000149011612"); /* SMALLFLOAT precision */
    expect1(g_s, "SELECT count(*) FROM ic WHERE c = 'ab'", "1");
    expect1(g_s, "SELECT count(*) FROM ic WHERE b = 't'", "1");
    ck_assert_int_eq(run(g_s, "INSERT INTO ic (s) VALUES (40000)", NULL), -1214);
    ck_assert_int_eq(run(g_s, "INSERT INTO ic (i) VALUES (3000000000)", NULL), -1215);
    ck_assert_int_eq(run(g_s, "INSERT INTO ic (i) VALUES ('abc')", NULL), -1213);
    ck_assert_int_eq(run(g_s, "UPDATE ic SET i = 'x1'", NULL), -1213);
    ck_assert_int_eq(run(g_s, "SELECT * FROM ic WHERE i = 'zz'", NULL), -1213);
}
END_TEST

START_TEST(bound_params_are_coerced_to_target_columns)
{
    OK(g_s, "CREATE TABLE p (i INTEGER, d DECIMAL(10,2), dt DATE, c CHAR(4))");
    struct srv_err err;
    const char *sql = "INSERT INTO p (i, d, dt, c) VALUES (?, ?, ?, ?)";
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(srv_stmt_type(st), SQ_STMT_INSERT);
    ck_assert_uint_eq(srv_stmt_nparams(st), 4);
    ck_assert_uint_eq(srv_stmt_param(st, 0)->type, SQ_T_INTEGER);
    ck_assert_uint_eq(srv_stmt_param(st, 1)->enc_len, 0x0A02);
    ck_assert_uint_eq(srv_stmt_param(st, 2)->type, SQ_T_DATE);
    ck_assert_str_eq(srv_stmt_param(st, 3)->name, "c");
    struct srv_val v[4] = {{SRV_V_TEXT, 0, 0, "42", 2},
                           {SRV_V_TEXT, 0, 0, "-12.345", 7},
                           {SRV_V_TEXT, 0, 0, "2024-06-15", 10},
                           {SRV_V_INT, 5, 0, NULL, 0}};
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(srv_stmt_bind(st, i, &v[i], &err), 0);
    struct srv_exec_result res;
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), 0);
    ck_assert_int_eq(res.rows, 1);
    ck_assert(res.is_insert);
    struct srv_val bad = {SRV_V_TEXT, 0, 0, "4x2", 3};
    ck_assert_int_eq(srv_stmt_bind(st, 0, &bad, &err), 0);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -1213);
    srv_stmt_free(st);
    char out[4][128];
    ck_assert_int_eq(query_row(g_s, "SELECT i, d, dt, c FROM p", out, 4), 0);
    ck_assert_str_eq(out[0], "42");
    ck_assert_str_eq(out[1], "-12.35");
    ck_assert_str_eq(out[2], "2024-06-15");
    ck_assert_str_eq(out[3], "5   ");
    /* WHERE col = ? coerces the parameter to the column's type */
    sql = "SELECT count(*) FROM p WHERE d = ? AND c = ?";
    st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(st);
    struct srv_val w[2] = {{SRV_V_TEXT, 0, 0, "-12.35", 6}, {SRV_V_TEXT, 0, 0, "5", 1}};
    ck_assert_int_eq(srv_stmt_bind(st, 0, &w[0], &err), 0);
    ck_assert_int_eq(srv_stmt_bind(st, 1, &w[1], &err), 0);
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[1];
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].k, SRV_V_TEXT);
    ck_assert_str_eq(row[0].p, "1");
    srv_stmt_free(st);
}
END_TEST

START_TEST(nulls_round_trip)
{
    OK(g_s, "CREATE TABLE n (i INTEGER, d DECIMAL(5,2), c CHAR(3), dt DATE, b BOOLEAN)");
    OK(g_s, "INSERT INTO n VALUES (NULL, NULL, NULL, NULL, NULL)");
    char out[5][128];
    ck_assert_int_eq(query_row(g_s, "SELECT * FROM n", out, 5), 0);
    for (int i = 0; i < 5; i++)
        ck_assert_str_eq(out[i], "NULL");
    ck_assert_int_eq(run(g_s, "CREATE TABLE nn (i INTEGER NOT NULL)", NULL), 0);
    ck_assert_int_eq(run(g_s, "INSERT INTO nn VALUES (NULL)", NULL), -391);
}
END_TEST

/* ---- SERIAL ---------------------------------------------------------------- */

START_TEST(serial_generation_rules)
{
    OK(g_s, "CREATE TABLE s (id SERIAL, v CHAR(1))");
    struct srv_exec_result r;
    ck_assert_int_eq(run(g_s, "INSERT INTO s (v) VALUES ('a')", &r), 0);
    ck_assert_int_eq(r.serial, 1);
    ck_assert_int_eq(run(g_s, "INSERT INTO s VALUES (0, 'b')", &r), 0);
    ck_assert_int_eq(r.serial, 2);
    ck_assert_int_eq(run(g_s, "INSERT INTO s VALUES (10, 'c')", &r), 0);
    ck_assert_int_eq(r.serial, 10);
    ck_assert_int_eq(run(g_s, "INSERT INTO s VALUES (5, 'd')", &r), 0);
    ck_assert_int_eq(r.serial, 5);
    ck_assert_int_eq(run(g_s, "INSERT INTO s (v) VALUES ('e')", &r), 0);
    ck_assert_int_eq(r.serial, 11);
    expect1(g_s, "SELECT DBINFO('sqlca.sqlerrd1') FROM systables WHERE tabid = 1", "11");
    expect1(g_s, "SELECT max(id) FROM s", "11");
    OK(g_s, "CREATE TABLE s100 (id SERIAL(100), v INT)");
    ck_assert_int_eq(run(g_s, "INSERT INTO s100 (v) VALUES (1)", &r), 0);
    ck_assert_int_eq(r.serial, 100);
    OK(g_s, "CREATE TABLE s8 (id SERIAL8, b BIGSERIAL, v INT)");
    ck_assert_int_eq(run(g_s, "INSERT INTO s8 (v) VALUES (1)", &r), 0);
    ck_assert_int_eq(r.serial8, 1);
    ck_assert_int_eq(r.bigserial, 1);
    ck_assert_int_eq(run(g_s, "INSERT INTO s8 VALUES (5000000000, 0, 2)", &r), 0);
    ck_assert_int_eq(r.serial8, 5000000000LL);
    ck_assert_int_eq(r.bigserial, 2);
    expect1(g_s, "SELECT DBINFO('serial8') FROM systables WHERE tabid = 1", "5000000000");
}
END_TEST

/* ---- dialect ------------------------------------------------------------------- */

START_TEST(first_skip_limit)
{
    OK(g_s, "CREATE TABLE f (i INT)");
    for (int i = 1; i <= 10; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO f VALUES (%d)", i);
        OK(g_s, sql);
    }
    ck_assert_int_eq(count_rows(g_s, "SELECT FIRST 3 * FROM f"), 3);
    ck_assert_int_eq(count_rows(g_s, "SELECT LIMIT 4 i FROM f"), 4);
    ck_assert_int_eq(count_rows(g_s, "SELECT SKIP 8 i FROM f"), 2);
    expect1(g_s, "SELECT SKIP 2 FIRST 3 i FROM f ORDER BY i DESC", "8");
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM f WHERE i IN (SELECT FIRST 2 i FROM f"
                                     " ORDER BY i)"),
                     2);
    expect1(g_s, "SELECT first FROM (SELECT i AS first FROM f) ORDER BY 1", "1");
}
END_TEST

START_TEST(constant_select_and_dbinfo)
{
    expect1(g_s, "SELECT 1 FROM systables WHERE tabid = 1", "1");
    expect1(g_s, "select tabname from \"informix\".systables where tabid = 1", "systables");
    expect1(g_s, "SELECT DBINFO('sessionid') FROM systables WHERE tabid = 1", "7");
    expect1(g_s, "SELECT DBINFO('dbname') FROM systables WHERE tabid = 1", "testdb");
    expect1(g_s, "SELECT USER FROM systables WHERE tabid = 1", "tester");
    char out[1][128];
    ck_assert_int_eq(query_row(g_s, "SELECT TODAY FROM systables WHERE tabid = 1", out, 1), 0);
    ck_assert_uint_eq(strlen(out[0]), 10);
    ck_assert_int_eq(
        query_row(g_s, "SELECT CURRENT YEAR TO SECOND FROM systables WHERE tabid = 1", out, 1), 0);
    ck_assert_uint_eq(strlen(out[0]), 19);
    ck_assert_int_eq(query_row(g_s, "SELECT CURRENT FROM systables WHERE tabid = 1", out, 1), 0);
    ck_assert_uint_eq(strlen(out[0]), 23); /* YEAR TO FRACTION(3) */
    expect1(g_s, "SELECT is_logging FROM sysmaster:sysdatabases WHERE name = 'testdb'", "1");
    expect1(g_s, "SELECT is_ansi FROM sysmaster:\"informix\".sysdatabases WHERE name = 'testdb'",
            "0");
}
END_TEST

START_TEST(functions_matches_and_strings)
{
    OK(g_s, "CREATE TABLE w (s VARCHAR(20), n INT)");
    OK(g_s, "INSERT INTO w VALUES ('hello', 7)");
    OK(g_s, "INSERT INTO w VALUES ('Hello world', NULL)");
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM w WHERE s MATCHES 'h*'"), 1);
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM w WHERE s MATCHES '[Hh]ell?*'"), 2);
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM w WHERE s NOT MATCHES '*world'"), 1);
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM w WHERE s LIKE 'h%'"), 1); /* case-sensitive */
    expect1(g_s, "SELECT NVL(n, -1) FROM w WHERE s = 'Hello world'", "-1");
    expect1(g_s, "SELECT DECODE(n, 7, 'seven', 'other') FROM w WHERE n = 7", "seven");
    expect1(g_s, "SELECT UPPER(s) || '!' FROM w WHERE n = 7", "HELLO!");
    expect1(g_s, "SELECT SUBSTRING(s FROM 2 FOR 3) FROM w WHERE n = 7", "ell");
    expect1(g_s, "SELECT TRIM(LEADING 'h' FROM s) FROM w WHERE n = 7", "ello");
    expect1(g_s, "SELECT LENGTH('ab  ') FROM systables WHERE tabid = 1", "2");
    expect1(g_s, "SELECT MOD(n, 4) FROM w WHERE n = 7", "3");
    expect1(g_s, "SELECT n / 2 FROM w WHERE n = 7", "3.5");
    expect1(g_s, "SELECT ROUND(2.567, 1) FROM systables WHERE tabid = 1", "2.6");
    ck_assert_int_eq(count_rows(g_s, "SELECT n / 0 FROM w WHERE n = 7"), -1202);
}
END_TEST

START_TEST(comments_and_strings_do_not_confuse_translation)
{
    OK(g_s, "CREATE TABLE q (s VARCHAR(40))");
    OK(g_s, "INSERT INTO q VALUES ('SELECT FIRST 1 TODAY -- not a comment')");
    OK(g_s, "INSERT INTO q /* a { comment */ VALUES ('it''s { x } /* y */') -- trailing");
    OK(g_s, "INSERT INTO q { informix comment: FIRST 3 } VALUES ('x::int MATCHES')");
    ck_assert_int_eq(count_rows(g_s, "SELECT * FROM q"), 3);
    expect1(g_s, "SELECT s FROM q WHERE s LIKE 'SELECT%'", "SELECT FIRST 1 TODAY -- not a comment");
    expect1(g_s, "SELECT s FROM q WHERE s LIKE 'it%'", "it's { x } /* y */");
    expect1(g_s, "SELECT \"s\" FROM \"q\" WHERE s = 'x::int MATCHES'", "x::int MATCHES");
    srv_session_set_delimident(g_s, false); /* "x" is a string literal without DELIMIDENT */
    expect1(g_s, "SELECT s FROM q WHERE s = \"x::int MATCHES\"", "x::int MATCHES");
}
END_TEST

START_TEST(views_alter_rename_and_indexes)
{
    OK(g_s, "CREATE TABLE base (a INT, b DECIMAL(8,2))");
    OK(g_s, "INSERT INTO base VALUES (1, 2.5)");
    OK(g_s, "CREATE VIEW v1 (x, y) AS SELECT a, b * 2 FROM base");
    expect_col("SELECT x, y FROM v1", 0, "x", SQ_T_INTEGER, 4);
    expect_col("SELECT * FROM v1", 1, "y", SQ_T_DECIMAL, 0x20FF);
    expect1(g_s, "SELECT y FROM v1", "5");
    expect1(g_s, "SELECT tabtype FROM systables WHERE tabname = 'v1'", "V");
    OK(g_s, "ALTER TABLE base ADD (c CHAR(2) DEFAULT 'zz', d DATE)");
    expect1(g_s, "SELECT c FROM base", "zz");
    expect_col("SELECT d FROM base", 0, "d", SQ_T_DATE, 4);
    OK(g_s, "ALTER TABLE base DROP d");
    ck_assert_int_eq(run(g_s, "SELECT d FROM base", NULL), -217);
    OK(g_s, "RENAME COLUMN base.c TO cc");
    expect1(g_s, "SELECT cc FROM base", "zz");
    OK(g_s, "CREATE UNIQUE INDEX ix_a ON base (a)");
    ck_assert_int_eq(run(g_s, "CREATE INDEX ix_a ON base (b)", NULL), -316);
    ck_assert_int_eq(run(g_s, "INSERT INTO base (a) VALUES (1)", NULL), -239);
    OK(g_s, "DROP VIEW v1");
    OK(g_s, "RENAME TABLE base TO base2");
    expect1(g_s, "SELECT a FROM base2", "1");
    OK(g_s, "DROP TABLE base2");
    ck_assert_int_eq(run(g_s, "SELECT * FROM base2", NULL), -206);
    OK(g_s, "CREATE TEMP TABLE tt (id SERIAL, x CHAR(3)) WITH NO LOG");
    OK(g_s, "INSERT INTO tt (x) VALUES ('a')");
    expect1(g_s, "SELECT id || x FROM tt", "1a  "); /* CHAR keeps its blanks */
    ck_assert_int_eq(run(g_s, "CREATE VIEW v2 AS SELECT a * 2 AS dbl FROM base2", NULL), -206);
}
END_TEST

/* ---- errors ----------------------------------------------------------------------- */

START_TEST(error_codes)
{
    struct srv_err err;
    const char *sql = "SELEC * FROM x";
    ck_assert_ptr_null(srv_stmt_prepare(g_s, sql, strlen(sql), &err));
    ck_assert_int_eq(err.sqlcode, -201);
    sql = "SELECT * FROM nosuch";
    ck_assert_ptr_null(srv_stmt_prepare(g_s, sql, strlen(sql), &err));
    ck_assert_int_eq(err.sqlcode, -206);
    ck_assert_str_eq(err.text, "nosuch");
    OK(g_s, "CREATE TABLE e1 (a INT PRIMARY KEY, b INT UNIQUE CONSTRAINT e1_b_uq,"
            " c INT CHECK (c > 0) CONSTRAINT c_pos, d INT)");
    OK(g_s, "CREATE TABLE e2 (x INT, y INT, FOREIGN KEY (x) REFERENCES e1 (a) CONSTRAINT fk_x)");
    sql = "SELECT nocol FROM e1";
    ck_assert_ptr_null(srv_stmt_prepare(g_s, sql, strlen(sql), &err));
    ck_assert_int_eq(err.sqlcode, -217);
    ck_assert_str_eq(err.text, "nocol");
    ck_assert_int_eq(run(g_s, "SELECT a FROM e1, e1 x", NULL), -324);
    ck_assert_int_eq(run(g_s, "CREATE TABLE e1 (a INT)", NULL), -310);
    OK(g_s, "INSERT INTO e1 VALUES (1, 1, 1, 1)");
    struct srv_stmt *st;
    struct srv_exec_result res;
    sql = "INSERT INTO e1 VALUES (1, 2, 1, 1)";
    st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -268);
    ck_assert_int_eq(err.isam, -100);
    ck_assert_str_eq(err.text, "u100_1");
    srv_stmt_free(st);
    sql = "INSERT INTO e1 VALUES (2, 1, 1, 1)";
    st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -268);
    ck_assert_str_eq(err.text, "e1_b_uq");
    srv_stmt_free(st);
    sql = "INSERT INTO e1 VALUES (3, 3, -1, 1)";
    st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -530);
    ck_assert_str_eq(err.text, "c_pos");
    srv_stmt_free(st);
    sql = "INSERT INTO e2 VALUES (9, 1)";
    st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -691);
    ck_assert_str_eq(err.text, "fk_x");
    srv_stmt_free(st);
    OK(g_s, "INSERT INTO e2 VALUES (1, 1)");
    ck_assert_int_eq(run(g_s, "DELETE FROM e1", NULL), -692);
    ck_assert_int_eq(run(g_s, "INSERT INTO e1 (a, b) VALUES (1, 2, 3)", NULL), -236);
    ck_assert_int_eq(run(g_s, "INSERT INTO e1 VALUES (1)", NULL), -236);
    ck_assert_int_eq(run(g_s, "SELECT nofunc(a) FROM e1", NULL), -674);
    /* syntax error offsets point into the original text */
    sql = "SELECT a FROM e1 WHERE WHERE";
    ck_assert_ptr_null(srv_stmt_prepare(g_s, sql, strlen(sql), &err));
    ck_assert_int_eq(err.sqlcode, -201);
    ck_assert_uint_eq(err.offset, 23);
    /* no database */
    struct srv_session *s2 = srv_session_new(g_eng, 8, "x");
    sql = "SELECT 1 FROM systables";
    ck_assert_ptr_null(srv_stmt_prepare(s2, sql, strlen(sql), &err));
    ck_assert_int_eq(err.sqlcode, -349);
    ck_assert_int_eq(srv_session_dbopen(s2, "missing", &err), -1);
    ck_assert_int_eq(err.sqlcode, -329);
    ck_assert_int_eq(srv_session_dbopen(s2, "../etc/passwd", &err), -1);
    ck_assert_int_eq(err.sqlcode, -329);
    srv_session_free(s2);
}
END_TEST

/* ---- transactions ---------------------------------------------------------------- */

START_TEST(transactions_logged)
{
    struct srv_err err;
    OK(g_s, "CREATE TABLE tx (i INT)");
    ck_assert(!srv_session_in_txn(g_s));
    ck_assert_int_eq(run(g_s, "COMMIT WORK", NULL), -255);
    ck_assert_int_eq(run(g_s, "ROLLBACK", NULL), -255);
    OK(g_s, "BEGIN WORK");
    ck_assert(srv_session_in_txn(g_s));
    ck_assert_int_eq(run(g_s, "BEGIN", NULL), -535);
    OK(g_s, "INSERT INTO tx VALUES (1)");
    OK(g_s, "ROLLBACK WORK");
    ck_assert(!srv_session_in_txn(g_s));
    expect1(g_s, "SELECT count(*) FROM tx", "0");
    ck_assert_int_eq(srv_session_begin(g_s, &err), 0);
    OK(g_s, "INSERT INTO tx VALUES (2)");
    OK(g_s, "SAVEPOINT sp1");
    OK(g_s, "INSERT INTO tx VALUES (3)");
    OK(g_s, "ROLLBACK WORK TO SAVEPOINT sp1");
    ck_assert_int_eq(srv_session_commit(g_s, &err), 0);
    expect1(g_s, "SELECT sum(i) FROM tx", "2");
    /* autocommit outside a transaction: visible to another session */
    OK(g_s, "INSERT INTO tx VALUES (5)");
    struct srv_session *s2 = srv_session_new(g_eng, 9, "other");
    ck_assert_int_eq(srv_session_dbopen(s2, "testdb", &err), 0);
    expect1(s2, "SELECT sum(i) FROM tx", "7");
    srv_session_free(s2);
}
END_TEST

START_TEST(transactions_unlogged)
{
    struct srv_session *s = open_db("nolog", SRV_DB_UNLOGGED);
    struct srv_err err;
    ck_assert_int_eq(srv_session_dbkind(s), SRV_DB_UNLOGGED);
    ck_assert_int_eq(srv_session_begin(s, &err), -1);
    ck_assert_int_eq(err.sqlcode, -256);
    ck_assert_int_eq(run(s, "BEGIN WORK", NULL), -256);
    ck_assert_int_eq(run(s, "COMMIT WORK", NULL), -255);
    srv_engine_set_unlogged_begin_error(g_eng, -201);
    ck_assert_int_eq(run(s, "BEGIN WORK", NULL), -201);
    OK(s, "CREATE TABLE u (i INT)");
    OK(s, "INSERT INTO u VALUES (1)");
    ck_assert(!srv_session_in_txn(s));
    expect1(s, "SELECT is_logging FROM sysmaster:sysdatabases WHERE name = 'nolog'", "0");
    srv_session_free(s);
}
END_TEST

START_TEST(transactions_ansi)
{
    struct srv_session *s = open_db("ansidb", SRV_DB_ANSI);
    struct srv_err err;
    ck_assert(srv_session_in_txn(s));
    OK(s, "COMMIT WORK"); /* commits an empty transaction */
    OK(s, "BEGIN WORK");  /* allowed before the implicit transaction started */
    ck_assert_int_eq(run(s, "BEGIN WORK", NULL), -535);
    OK(s, "ROLLBACK WORK");
    OK(s, "CREATE TABLE a (i INT, c CHAR(3))");
    OK(s, "INSERT INTO a VALUES (1, 'x')");
    OK(s, "ROLLBACK WORK");
    ck_assert_int_eq(run(s, "SELECT * FROM a", NULL), -206);
    OK(s, "CREATE TABLE a (i INT, c CHAR(3))");
    OK(s, "INSERT INTO a VALUES (1, 'x')");
    ck_assert_int_eq(srv_session_commit(s, &err), 0);
    /* ANSI: an over-long string is an error, not a truncation */
    ck_assert_int_eq(run(s, "INSERT INTO a VALUES (2, 'abcd')", NULL), -1279);
    OK(s, "INSERT INTO a VALUES (3, 'ab  ')");
    srv_session_free(s); /* rolls back the open transaction */
    s = srv_session_new(g_eng, 3, "u");
    ck_assert_int_eq(srv_session_dbopen(s, "ansidb", &err), 0);
    expect1(s, "SELECT count(*) FROM a", "1");
    expect1(s, "SELECT is_ansi FROM sysmaster:sysdatabases WHERE name = 'ansidb'", "1");
    srv_session_free(s);
}
END_TEST

START_TEST(two_sessions_isolation_and_bounded_lock_wait)
{
    struct srv_err err;
    OK(g_s, "CREATE TABLE iso (i INT)");
    struct srv_session *s2 = srv_session_new(g_eng, 2, "two");
    ck_assert_int_eq(srv_session_dbopen(s2, "testdb", &err), 0);
    OK(g_s, "BEGIN WORK");
    OK(g_s, "INSERT INTO iso VALUES (1)");
    expect1(s2, "SELECT count(*) FROM iso", "0"); /* uncommitted: invisible */
    OK(s2, "SET LOCK MODE TO WAIT 1");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = run(s2, "INSERT INTO iso VALUES (2)", NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    ck_assert_int_eq(rc, -271);
    ck_assert_msg(secs >= 0.5 && secs < 5.0, "waited %.2f s", secs);
    OK(s2, "SET LOCK MODE TO NOT WAIT");
    struct srv_exec_result res;
    const char *sql = "DELETE FROM iso";
    struct srv_stmt *st = srv_stmt_prepare(s2, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_execute(st, &res, &err), -1);
    ck_assert_int_eq(err.sqlcode, -240);
    ck_assert_int_eq(err.isam, -107);
    srv_stmt_free(st);
    OK(g_s, "COMMIT WORK");
    expect1(s2, "SELECT count(*) FROM iso", "1"); /* committed: visible */
    srv_session_free(s2);
}
END_TEST

START_TEST(scroll_cursor_positions)
{
    OK(g_s, "CREATE TABLE sc (i INT)");
    for (int i = 1; i <= 5; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO sc VALUES (%d)", i * 10);
        OK(g_s, sql);
    }
    struct srv_err err;
    const char *sql = "SELECT i FROM sc ORDER BY i";
    struct srv_stmt *st = srv_stmt_prepare(g_s, sql, strlen(sql), &err);
    ck_assert_int_eq(srv_stmt_open(st, &err), 0);
    struct srv_val row[1];
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].i, 10);
    ck_assert_int_eq(srv_stmt_row_count(st, &err), 5);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].i, 20);
    ck_assert_int_eq(srv_stmt_fetch_at(st, 5, row, &err), 1);
    ck_assert_int_eq(row[0].i, 50);
    ck_assert_int_eq(srv_stmt_fetch_at(st, 6, row, &err), 0);
    ck_assert_int_eq(srv_stmt_fetch_at(st, 0, row, &err), 0);
    ck_assert_int_eq(srv_stmt_fetch_at(st, 3, row, &err), 1);
    ck_assert_int_eq(row[0].i, 30);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), 1);
    ck_assert_int_eq(row[0].i, 40);
    srv_stmt_close(st);
    ck_assert_int_eq(srv_stmt_next(st, row, &err), -1);
    ck_assert_int_eq(err.sqlcode, -400);
    srv_stmt_free(st);
}
END_TEST

START_TEST(statement_types)
{
    static const struct {
        const char *sql;
        int type;
    } cases[] = {
        {"CREATE TABLE st1 (i INT)", SQ_STMT_CRETAB},
        {"CREATE TEMP TABLE st2 (i INT)", SQ_STMT_CTEMP},
        {"CREATE INDEX sti ON st1 (i)", SQ_STMT_CREIDX},
        {"DROP TABLE st1", SQ_STMT_DRPTAB},
        {"BEGIN WORK", SQ_STMT_BEGWORK},
        {"COMMIT WORK", SQ_STMT_COMMIT},
        {"ROLLBACK WORK", SQ_STMT_ROLLBACK},
        {"SET ISOLATION TO COMMITTED READ", SQ_STMT_ISOLATE},
        {"SET EXPLAIN ON", SQ_STMT_EXPLAIN},
        {"UPDATE STATISTICS", SQ_STMT_STATS},
        {"CREATE VIEW stv AS SELECT tabid FROM systables", SQ_STMT_CREVIEW},
    };
    OK(g_s, "CREATE TABLE st1 (i INT)"); /* CREATE INDEX is checked against it at PREPARE */
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct srv_err err;
        struct srv_stmt *st = srv_stmt_prepare(g_s, cases[k].sql, strlen(cases[k].sql), &err);
        ck_assert_msg(st != NULL, "%s -> %d", cases[k].sql, err.sqlcode);
        ck_assert_msg(srv_stmt_type(st) == cases[k].type, "%s: %d", cases[k].sql,
                      srv_stmt_type(st));
        ck_assert(!srv_stmt_returns_rows(st));
        ck_assert_uint_eq(srv_stmt_ncols(st), 0);
        srv_stmt_free(st);
    }
}
END_TEST

/* Truncated/garbage statements must fail cleanly, never crash. */
START_TEST(truncated_statements_fail_cleanly)
{
    static const char *const sqls[] = {
        "CREATE TABLE tr (a DECIMAL(12,2) NOT NULL, b DATETIME YEAR TO FRACTION(3) DEFAULT"
        " CURRENT YEAR TO FRACTION(3), CONSTRAINT pk PRIMARY KEY (a))",
        "SELECT SKIP 1 FIRST 2 a, CAST(a AS CHAR(3)), SUBSTRING('x' FROM 1 FOR 1) FROM tr WHERE"
        " a MATCHES '*' AND b > DATETIME(2024-01-01 00:00:00) YEAR TO SECOND",
        "INSERT INTO tr (a, b) VALUES ('1.5', EXTEND(TODAY, YEAR TO DAY))",
        "UPDATE tr SET a = a / 2 WHERE a::INT = 1",
    };
    for (size_t k = 0; k < sizeof sqls / sizeof sqls[0]; k++) {
        size_t n = strlen(sqls[k]);
        for (size_t len = 0; len < n; len++) {
            struct srv_err err;
            struct srv_stmt *st = srv_stmt_prepare(g_s, sqls[k], len, &err);
            if (st) {
                struct srv_exec_result res;
                if (srv_stmt_returns_rows(st)) {
                    if (srv_stmt_open(st, &err) == 0) {
                        struct srv_val row[8];
                        while (srv_stmt_next(st, row, &err) == 1)
                            ;
                    }
                } else {
                    (void)srv_stmt_execute(st, &res, &err);
                }
                srv_stmt_free(st);
            } else {
                ck_assert_int_lt(err.sqlcode, 0);
            }
        }
        OK(g_s, sqls[k]);
    }
}
END_TEST

static Suite *srv_sql_suite(void)
{
    Suite *s = suite_create("srv_sql");
    TCase *tc = tcase_create("engine");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, create_table_every_type_fills_syscolumns);
    tcase_add_test(tc, describe_every_type_as_informix);
    tcase_add_test(tc, describe_expressions_as_informix);
    tcase_add_test(tc, decimal_values_round_trip_exactly);
    tcase_add_test(tc, date_datetime_interval_values);
    tcase_add_test(tc, integer_and_char_coercion);
    tcase_add_test(tc, bound_params_are_coerced_to_target_columns);
    tcase_add_test(tc, nulls_round_trip);
    tcase_add_test(tc, serial_generation_rules);
    tcase_add_test(tc, first_skip_limit);
    tcase_add_test(tc, constant_select_and_dbinfo);
    tcase_add_test(tc, functions_matches_and_strings);
    tcase_add_test(tc, comments_and_strings_do_not_confuse_translation);
    tcase_add_test(tc, views_alter_rename_and_indexes);
    tcase_add_test(tc, error_codes);
    tcase_add_test(tc, transactions_logged);
    tcase_add_test(tc, transactions_unlogged);
    tcase_add_test(tc, transactions_ansi);
    tcase_add_test(tc, two_sessions_isolation_and_bounded_lock_wait);
    tcase_add_test(tc, scroll_cursor_positions);
    tcase_add_test(tc, statement_types);
    tcase_add_test(tc, truncated_statements_fail_cleanly);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(srv_sql_suite());
}
