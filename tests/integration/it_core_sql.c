/* SPDX-License-Identifier: MIT */
/* it_core_sql.c - statements through the core client on a real ifxlite:
 * SQLCODEs of common errors, transactions in logged and unlogged databases,
 * two connections and uncommitted rows, a 10,000-row result over several
 * NFETCH round trips, FIRST/SKIP, parameterised SELECT, scroll cursors. */
#include "it_core.h"
#include "sq_opcodes.h"
#include "sq_types.h"

START_TEST(errors_carry_informix_sqlcodes)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE e_t (id INTEGER NOT NULL, name VARCHAR(20))");
    it_exec(c, "CREATE UNIQUE INDEX e_t_ix ON e_t (id)");
    it_exec(c, "CREATE TABLE e_pk (id INTEGER PRIMARY KEY)");
    it_exec_err(c, "SELEC * FROM e_t", -201);
    it_exec_err(c, "SELECT * FROM nosuchtable", -206);
    ck_assert_str_eq(sq_conn_server_error(c)->text, "nosuchtable");
    ck_assert_ptr_nonnull(
        strstr(sq_conn_errmsg(c), "The specified table (nosuchtable) is not in the database."));
    it_exec_err(c, "SELECT nosuchcol FROM e_t", -217);
    it_exec(c, "INSERT INTO e_t VALUES (1, 'a')");
    it_exec_err(c, "INSERT INTO e_t VALUES (1, 'b')", -239);
    it_exec(c, "INSERT INTO e_pk VALUES (1)");
    it_exec_err(c, "INSERT INTO e_pk VALUES (1)", -268);
    it_exec_err(c, "INSERT INTO e_t VALUES (NULL, 'c')", -391);
    it_exec_err(c, "CREATE TABLE e_t (x INTEGER)", -310);
    /* The connection is still fine. */
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM e_t"), 1);
    sq_conn_free(c);
}
END_TEST

START_TEST(transactions_in_a_logged_database)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE tx_t (v INTEGER)");
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
    it_exec(c, "INSERT INTO tx_t VALUES (1)");
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM tx_t"), 1);
    ck_assert_int_eq(sq_conn_rollback(c), SQ_RC_OK);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM tx_t"), 0);
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
    it_exec(c, "INSERT INTO tx_t VALUES (2)");
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM tx_t"), 1);
    /* COMMIT with no transaction open. */
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -255);
    /* The SQL statements work the same way. */
    it_exec(c, "BEGIN WORK");
    it_exec(c, "INSERT INTO tx_t VALUES (3)");
    it_exec(c, "ROLLBACK WORK");
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM tx_t"), 1);
    sq_conn_free(c);
}
END_TEST

START_TEST(begin_in_an_unlogged_database_is_256)
{
    struct sq_conn *c = it_connect("plain");
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -256);
    ck_assert(!sq_conn_is_broken(c));
    it_exec(c, "CREATE TABLE u_t (v INTEGER)");
    it_exec(c, "INSERT INTO u_t VALUES (1)");
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM u_t"), 1);
    sq_conn_free(c);
}
END_TEST

START_TEST(second_connection_does_not_see_uncommitted_rows)
{
    struct sq_conn *a = it_connect("testdb");
    struct sq_conn *b = it_connect("testdb");
    it_exec(a, "CREATE TABLE iso_t (v INTEGER)");
    it_exec(a, "INSERT INTO iso_t VALUES (1)");
    ck_assert_int_eq(sq_conn_begin(a), SQ_RC_OK);
    it_exec(a, "INSERT INTO iso_t VALUES (2)");
    /* b sees only the committed row, or is told the rows are locked. */
    char out[256];
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(b, "SELECT v FROM iso_t ORDER BY v", 30, &st), SQ_RC_OK);
    enum sq_rc rc = sq_stmt_open(st, NULL, 0, 0);
    if (rc == SQ_RC_OK) {
        long n = it_rows_text(b, st, out, sizeof out);
        ck_assert_int_eq(n, 1);
        ck_assert_str_eq(out, "1\n");
        ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    } else {
        ck_assert_int_eq(rc, SQ_RC_SERVER);
        int code = sq_conn_server_error(b)->sqlcode;
        ck_assert_msg(code == -243 || code == -244 || code == -252, "got %d", code);
    }
    sq_stmt_free(st);
    ck_assert_int_eq(sq_conn_commit(a), SQ_RC_OK);
    ck_assert_int_eq(it_query(b, "SELECT v FROM iso_t ORDER BY v", out, sizeof out), 2);
    ck_assert_str_eq(out, "1\n2\n");
    sq_conn_free(a);
    sq_conn_free(b);
}
END_TEST

START_TEST(ten_thousand_rows_over_several_fetches)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE big_t (id INTEGER, name VARCHAR(40), amount DECIMAL(12,2))");
    ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
    struct sq_stmt *ins;
    const char *isql = "INSERT INTO big_t VALUES (?, ?, ?)";
    ck_assert_int_eq(sq_stmt_prepare(c, isql, strlen(isql), &ins), SQ_RC_OK);
    for (int i = 0; i < 10000; i++) {
        char name[32], amount[32];
        snprintf(name, sizeof name, "row number %05d", i);
        snprintf(amount, sizeof amount, "%d.%02d", i * 3, i % 100);
        struct sq_param p[3] = {{.type = SQ_T_INTEGER, .prec = 0x0A00, .u.i = i}};
        p[1].type = SQ_T_VARCHAR;
        p[1].prec = (uint16_t)strlen(name);
        p[1].u.s.p = (const uint8_t *)name;
        p[1].u.s.n = strlen(name);
        p[2].type = SQ_T_VARCHAR;
        p[2].prec = (uint16_t)strlen(amount);
        p[2].u.s.p = (const uint8_t *)amount;
        p[2].u.s.n = strlen(amount);
        ck_assert_int_eq(sq_stmt_execute(ins, p, 3), SQ_RC_OK);
    }
    sq_stmt_free(ins);
    ck_assert_int_eq(sq_conn_commit(c), SQ_RC_OK);

    struct sq_stmt *st;
    const char *sql = "SELECT id, name, amount FROM big_t ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    uint64_t before = sq_conn_fetch_round_trips(c);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    int n = 0;
    for (;;) {
        const struct sq_row *row;
        enum sq_rc rc = sq_stmt_fetch(st, &row);
        if (rc == SQ_RC_NO_DATA)
            break;
        ck_assert_msg(rc == SQ_RC_OK, "row %d: %s %s", n, sq_rc_name(rc), sq_conn_errmsg(c));
        struct sq_value v;
        char text[64], want[64];
        ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
        ck_assert_int_eq(v.u.i, n);
        ck_assert_int_eq(sq_row_value(row, 1, &v), SQ_RC_OK);
        snprintf(want, sizeof want, "row number %05d", n);
        ck_assert_uint_eq(v.u.s.n, strlen(want));
        ck_assert(memcmp(v.u.s.p, want, v.u.s.n) == 0);
        ck_assert_int_eq(sq_row_value(row, 2, &v), SQ_RC_OK);
        (void)sq_value_format(sq_stmt_col(st, 2), &v, text, sizeof text);
        snprintf(want, sizeof want, "%d.%02d", n * 3, n % 100);
        ck_assert_str_eq(text, want);
        n++;
    }
    ck_assert_int_eq(n, 10000);
    uint64_t trips = sq_conn_fetch_round_trips(c) - before;
    ck_assert_msg(trips > 1, "only %llu fetch round trips", (unsigned long long)trips);
    ck_assert_int_eq(sq_conn_last_done(c)->rows, 10000);
    sq_stmt_free(st);
    sq_conn_free(c);
}
END_TEST

START_TEST(first_skip_and_parameterised_select)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE fs_t (id INTEGER)");
    for (int i = 1; i <= 10; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO fs_t VALUES (%d)", i);
        it_exec(c, sql);
    }
    char out[256];
    ck_assert_int_eq(it_query(c, "SELECT FIRST 3 id FROM fs_t ORDER BY id", out, sizeof out), 3);
    ck_assert_str_eq(out, "1\n2\n3\n");
    ck_assert_int_eq(it_query(c, "SELECT SKIP 2 FIRST 3 id FROM fs_t ORDER BY id", out, sizeof out),
                     3);
    ck_assert_str_eq(out, "3\n4\n5\n");
    struct sq_stmt *st;
    const char *sql = "SELECT id FROM fs_t WHERE id > ? AND id < ? ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    ck_assert_uint_eq(sq_stmt_nparams(st), 2);
    struct sq_param p[2] = {{.type = SQ_T_INTEGER, .prec = 0x0A00, .u.i = 6},
                            {.type = SQ_T_INTEGER, .prec = 0x0A00, .u.i = 9}};
    ck_assert_int_eq(sq_stmt_open(st, p, 2, 0), SQ_RC_OK);
    ck_assert_int_eq(it_rows_text(c, st, out, sizeof out), 2);
    ck_assert_str_eq(out, "7\n8\n");
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    /* Reopen with other values. */
    p[0].u.i = 0;
    p[1].u.i = 3;
    ck_assert_int_eq(sq_stmt_open(st, p, 2, 0), SQ_RC_OK);
    ck_assert_int_eq(it_rows_text(c, st, out, sizeof out), 2);
    ck_assert_str_eq(out, "1\n2\n");
    sq_stmt_free(st);
    sq_conn_free(c);
}
END_TEST

START_TEST(scroll_cursor_positions)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE sc_t (id INTEGER)");
    for (int i = 1; i <= 5; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO sc_t VALUES (%d)", i * 10);
        it_exec(c, sql);
    }
    struct sq_stmt *st;
    const char *sql = "SELECT id FROM sc_t ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, SQ_CURSOR_SCROLL), SQ_RC_OK);
    const struct sq_row *row;
    struct sq_value v;
    enum sq_rc rc = sq_stmt_sfetch(st, SQ_SFETCH_ABSOLUTE, 3, &row);
    ck_assert_msg(rc == SQ_RC_OK, "%s %s", sq_rc_name(rc), sq_conn_errmsg(c));
    ck_assert_int_eq(row->position, 3);
    ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.i, 30);
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_LAST, 0, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 5);
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_FIRST, 0, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 1);
    ck_assert_int_eq(sq_row_value(row, 0, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.i, 10);
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_ABSOLUTE, 6, &row), SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_stmt_sfetch(st, SQ_SFETCH_ABSOLUTE, 2, &row), SQ_RC_OK);
    ck_assert_int_eq(row->position, 2);
    ck_assert(!sq_conn_is_broken(c));
    sq_stmt_free(st);
    sq_conn_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_sql");
    TCase *tc = tcase_create("sql");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, errors_carry_informix_sqlcodes);
    tcase_add_test(tc, transactions_in_a_logged_database);
    tcase_add_test(tc, begin_in_an_unlogged_database_is_256);
    tcase_add_test(tc, second_connection_does_not_see_uncommitted_rows);
    tcase_add_test(tc, ten_thousand_rows_over_several_fetches);
    tcase_add_test(tc, first_skip_and_parameterised_select);
    tcase_add_test(tc, scroll_cursor_positions);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
