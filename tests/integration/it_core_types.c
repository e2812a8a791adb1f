/* SPDX-License-Identifier: MIT */
/* it_core_types.c - every scalar type round-tripped through a table on a real
 * ifxlite with the core client: inserted with bind parameters (the forms of
 * PROTOCOL.md "Bind parameters"), selected back and compared exactly in text
 * form; NULL in every column; SERIAL / SERIAL8 / BIGSERIAL values reported in
 * SQ_DONE and SQ_INSERTDONE. */
#include "it_core.h"
#include "sq_types.h"

static struct sq_param p_str(const char *s)
{
    struct sq_param p = {0};
    size_t n = strlen(s);
    p.type = n <= 255 ? SQ_T_VARCHAR : SQ_T_CHAR;
    p.prec = n <= 255 ? (uint16_t)n : 0;
    p.u.s.p = (const uint8_t *)s;
    p.u.s.n = n;
    return p;
}

static struct sq_param p_int(int64_t v, uint16_t type, uint16_t prec)
{
    struct sq_param p = {0};
    p.type = type;
    p.prec = prec;
    p.u.i = v;
    return p;
}

static struct sq_param p_dbl(double v, uint16_t type)
{
    struct sq_param p = {0};
    p.type = type;
    p.u.f = v;
    return p;
}

static struct sq_param p_null(void)
{
    struct sq_param p = {0};
    p.type = SQ_T_CHAR;
    p.is_null = true;
    return p;
}

static char lvc_text[3001];

struct colcase {
    const char *name;
    const char *decl;
    const char *expect; /* text form read back */
};

static const struct colcase cols[] = {
    {"c", "CHAR(10)", "abc       "},
    {"nc", "NCHAR(5)", "xy   "},
    {"vc", "VARCHAR(20)", "hello world"},
    {"nvc", "NVARCHAR(20)", "grüße"},
    {"lvc", "LVARCHAR(4000)", NULL /* lvc_text */},
    {"si", "SMALLINT", "-32767"},
    {"i", "INTEGER", "2147483647"},
    {"i8", "INT8", "-9223372036854775807"},
    {"bi", "BIGINT", "9223372036854775807"},
    {"sf", "SMALLFLOAT", "3.5"},
    {"f", "FLOAT", "0.1"},
    {"d122", "DECIMAL(12,2)", "-12345.67"},
    {"d3210", "DECIMAL(32,10)", "1234567890.0123456789"},
    {"d16", "DECIMAL(16)", "276.125"},
    {"m", "MONEY(10,2)", "98765.43"},
    {"dt", "DATE", "2024-06-15"},
    {"ts", "DATETIME YEAR TO SECOND", "2024-06-15 12:34:56"},
    {"tf", "DATETIME YEAR TO FRACTION(5)", "2024-06-15 12:34:56.12345"},
    {"hm", "DATETIME HOUR TO MINUTE", "12:34"},
    {"ids", "INTERVAL DAY(3) TO SECOND", "123 04:05:06"},
    {"iym", "INTERVAL YEAR TO MONTH", "2-06"},
    {"b", "BOOLEAN", "t"},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void make_params(struct sq_param *p)
{
    memset(lvc_text, 'L', sizeof lvc_text - 1);
    lvc_text[sizeof lvc_text - 1] = '\0';
    size_t k = 0;
    p[k++] = p_str("abc");
    p[k++] = p_str("xy");
    p[k++] = p_str("hello world");
    p[k++] = p_str("grüße");
    p[k++] = p_str(lvc_text);
    p[k++] = p_int(-32767, SQ_T_INTEGER, 0x0A00);
    p[k++] = p_int(2147483647, SQ_T_INTEGER, 0x0A00);
    p[k++] = p_int(-9223372036854775807LL, SQ_T_BIGINT, 0x1300);
    p[k++] = p_int(9223372036854775807LL, SQ_T_BIGINT, 0x1300);
    p[k++] = p_dbl(3.5, SQ_T_SMALLFLOAT);
    p[k++] = p_dbl(0.1, SQ_T_FLOAT);
    p[k++] = p_str("-12345.67");
    p[k++] = p_str("1234567890.0123456789");
    p[k++] = p_str("276.125");
    p[k++] = p_str("98765.43");
    p[k++] = p_int(sq_date_from_ymd(2024, 6, 15), SQ_T_DATE, 0);
    p[k++] = p_str("2024-06-15 12:34:56");
    p[k++] = p_str("2024-06-15 12:34:56.12345");
    p[k++] = p_str("12:34");
    p[k++] = p_str("123 04:05:06");
    p[k++] = p_str("2-06");
    p[k++] = p_str("t");
    ck_assert_uint_eq(k, NCOLS);
}

static void create_table(struct sq_conn *c, const char *name)
{
    char sql[2048];
    size_t o = (size_t)snprintf(sql, sizeof sql, "CREATE TABLE %s (id SERIAL", name);
    for (size_t i = 0; i < NCOLS; i++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", %s %s", cols[i].name, cols[i].decl);
    snprintf(sql + o, sizeof sql - o, ")");
    it_exec(c, sql);
}

static struct sq_stmt *prepare_insert(struct sq_conn *c, const char *table)
{
    char sql[1024];
    size_t o = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (0", table);
    for (size_t i = 0; i < NCOLS; i++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ", ?");
    snprintf(sql + o, sizeof sql - o, ")");
    struct sq_stmt *st;
    enum sq_rc rc = sq_stmt_prepare(c, sql, strlen(sql), &st);
    ck_assert_msg(rc == SQ_RC_OK, "%s: %s", sql, sq_conn_errmsg(c));
    ck_assert_uint_eq(sq_stmt_nparams(st), NCOLS);
    ck_assert(!sq_stmt_returns_rows(st));
    return st;
}

/* Fetch row `id` and compare column by column. */
static void check_row(struct sq_conn *c, const char *table, int id, bool nulls)
{
    char sql[1024];
    size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT ");
    for (size_t i = 0; i < NCOLS; i++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s", i ? ", " : "", cols[i].name);
    snprintf(sql + o, sizeof sql - o, " FROM %s WHERE id = %d", table, id);
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    ck_assert_uint_eq(sq_stmt_ncols(st), NCOLS);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    enum sq_rc rc = sq_stmt_fetch(st, &row);
    ck_assert_msg(rc == SQ_RC_OK, "fetch: %s %s", sq_rc_name(rc), sq_conn_errmsg(c));
    for (size_t i = 0; i < NCOLS; i++) {
        const struct sq_coldesc *col = sq_stmt_col(st, i);
        ck_assert_str_eq(col->name, cols[i].name);
        ck_assert_msg(col->kind != SQ_K_UNKNOWN, "%s: unknown kind (type %u)", cols[i].name,
                      col->type);
        struct sq_value v;
        ck_assert_int_eq(sq_row_value(row, i, &v), SQ_RC_OK);
        if (nulls) {
            ck_assert_msg(v.is_null, "%s (%s) is not NULL", cols[i].name, cols[i].decl);
            continue;
        }
        ck_assert_msg(!v.is_null, "%s is NULL", cols[i].name);
        char text[4200];
        (void)sq_value_format(col, &v, text, sizeof text);
        const char *want = cols[i].expect ? cols[i].expect : lvc_text;
        ck_assert_msg(strcmp(text, want) == 0, "%s %s: got \"%s\", want \"%s\"", cols[i].name,
                      cols[i].decl, text, want);
    }
    ck_assert_int_eq(sq_stmt_fetch(st, &row), SQ_RC_NO_DATA);
    sq_stmt_free(st);
}

START_TEST(every_scalar_type_round_trips)
{
    struct sq_conn *c = it_connect("testdb");
    create_table(c, "ty_all");
    struct sq_stmt *ins = prepare_insert(c, "ty_all");
    struct sq_param p[NCOLS];
    make_params(p);
    enum sq_rc rc = sq_stmt_execute(ins, p, NCOLS);
    ck_assert_msg(rc == SQ_RC_OK, "insert: %s", sq_conn_errmsg(c));
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 1);
    ck_assert_int_eq(sq_conn_last_done(c)->serial, 1);
    for (size_t i = 0; i < NCOLS; i++)
        p[i] = p_null();
    ck_assert_int_eq(sq_stmt_execute(ins, p, NCOLS), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_last_done(c)->serial, 2);
    sq_stmt_free(ins);
    check_row(c, "ty_all", 1, false);
    check_row(c, "ty_all", 2, true);
    sq_conn_free(c);
}
END_TEST

/* Same in an unlogged database, where no XACTSTAT comes back. */
START_TEST(every_scalar_type_round_trips_unlogged)
{
    struct sq_conn *c = it_connect("plain");
    create_table(c, "ty_plain");
    struct sq_stmt *ins = prepare_insert(c, "ty_plain");
    struct sq_param p[NCOLS];
    make_params(p);
    ck_assert_int_eq(sq_stmt_execute(ins, p, NCOLS), SQ_RC_OK);
    sq_stmt_free(ins);
    check_row(c, "ty_plain", 1, false);
    sq_conn_free(c);
}
END_TEST

START_TEST(serial_serial8_bigserial_are_reported)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE t_serial (id SERIAL, v INTEGER)");
    it_exec(c, "CREATE TABLE t_serial8 (id SERIAL8, v INTEGER)");
    it_exec(c, "CREATE TABLE t_bigserial (id BIGSERIAL, v INTEGER)");
    struct sq_done d;
    for (int k = 1; k <= 3; k++) {
        ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_serial (v) VALUES (7)", 35, &d), SQ_RC_OK);
        ck_assert_int_eq(d.rows, 1);
        ck_assert_int_eq(d.serial, k);
        ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_serial8 (v) VALUES (7)", 36, &d), SQ_RC_OK);
        ck_assert(d.has_insertdone);
        ck_assert_int_eq(d.serial8, k);
        ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_bigserial (v) VALUES (7)", 38, &d),
                         SQ_RC_OK);
        ck_assert(d.has_insertdone);
        ck_assert_int_eq(d.bigserial, k);
    }
    /* An explicit value moves the counter on. */
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_serial VALUES (100, 1)", 36, &d), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_serial (v) VALUES (7)", 35, &d), SQ_RC_OK);
    ck_assert_int_eq(d.serial, 101);
    char out[256];
    ck_assert_int_eq(it_query(c, "SELECT id FROM t_serial8 ORDER BY id", out, sizeof out), 3);
    ck_assert_str_eq(out, "1\n2\n3\n");
    ck_assert_int_eq(it_query(c, "SELECT id FROM t_bigserial ORDER BY id", out, sizeof out), 3);
    ck_assert_str_eq(out, "1\n2\n3\n");
    /* DBINFO('sqlca.sqlerrd1') after an insert: the last SERIAL. */
    ck_assert_int_eq(sq_conn_exec(c, "INSERT INTO t_serial (v) VALUES (8)", 35, &d), SQ_RC_OK);
    ck_assert_int_eq(it_scalar(c, "SELECT DBINFO('sqlca.sqlerrd1') FROM systables WHERE tabid = 1"),
                     102);
    sq_conn_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_types");
    TCase *tc = tcase_create("types");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_scalar_type_round_trips);
    tcase_add_test(tc, every_scalar_type_round_trips_unlogged);
    tcase_add_test(tc, serial_serial8_bigserial_are_reported);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
