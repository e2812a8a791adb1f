/* SPDX-License-Identifier: MIT */
/* it_core_login.c - the core client's login and session setup against a real
 * ifxlite: success (server facts, negotiated caps, database kind), bad
 * password (-951), unknown database (-329), wrong server name (-761), no
 * database, and a clean SQ_EXIT close. */
#include "it_core.h"

START_TEST(login_succeeds_and_learns_the_session)
{
    struct sq_conn *c = it_connect("testdb");
    ck_assert_int_eq(sq_conn_state(c), SQ_CONN_READY);
    const struct sq_caps *caps = sq_conn_caps(c);
    ck_assert(caps->ext_describe && caps->big_sql && caps->long_rowid);
    ck_assert(!caps->pam && !caps->large_tuple);
    ck_assert_str_eq(sq_conn_server_info(c)->name, IT_SERVER_NAME);
    ck_assert_int_ne(sq_conn_server_info(c)->version[0], '\0');
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_LOGGED);
    ck_assert_uint_ge(sq_conn_round_trips(c), 4);
    sq_conn_close(c);
    ck_assert_int_eq(sq_conn_state(c), SQ_CONN_CLOSED);
    sq_conn_free(c);
}
END_TEST

START_TEST(database_kinds_are_learned)
{
    struct sq_conn *c = it_connect("plain");
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_UNLOGGED);
    sq_conn_free(c);
    c = it_connect("ansidb");
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_ANSI);
    sq_conn_free(c);
}
END_TEST

START_TEST(bad_password_is_rejected_with_951)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.password = "wrong";
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_REJECTED);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -951);
    ck_assert(sq_conn_is_broken(c));
    struct sq_stmt *st;
    ck_assert_int_eq(sq_stmt_prepare(c, "SELECT 1 FROM systables", 23, &st), SQ_RC_BROKEN);
    sq_conn_free(c);
}
END_TEST

START_TEST(unknown_user_is_rejected_with_951)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.user = "nobody";
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_REJECTED);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -951);
    sq_conn_free(c);
}
END_TEST

START_TEST(unknown_database_is_329)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "nosuchdb");
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -329);
    ck_assert_ptr_nonnull(strstr(sq_conn_errmsg(c), "nosuchdb"));
    sq_conn_free(c);
}
END_TEST

START_TEST(wrong_server_name_is_761)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.server_name = "ol_elsewhere";
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_REJECTED);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -761);
    sq_conn_free(c);
}
END_TEST

START_TEST(no_database_then_open_none)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, NULL);
    struct sq_conn *c = sq_conn_new();
    ck_assert_int_eq(sq_conn_connect(c, &cfg), SQ_RC_OK);
    ck_assert_int_eq(sq_conn_db_kind(c), SQ_DB_UNKNOWN);
    sq_conn_free(c);
}
END_TEST

START_TEST(nothing_listening_is_io_error)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.service = "1"; /* tcpmux: nothing listens there in a test box */
    struct sq_conn *c = sq_conn_new();
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    ck_assert(rc == SQ_RC_IO || rc == SQ_RC_TIMEOUT);
    ck_assert(sq_conn_is_broken(c));
    sq_conn_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_login");
    TCase *tc = tcase_create("login");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, login_succeeds_and_learns_the_session);
    tcase_add_test(tc, database_kinds_are_learned);
    tcase_add_test(tc, bad_password_is_rejected_with_951);
    tcase_add_test(tc, unknown_user_is_rejected_with_951);
    tcase_add_test(tc, unknown_database_is_329);
    tcase_add_test(tc, wrong_server_name_is_761);
    tcase_add_test(tc, no_database_then_open_none);
    tcase_add_test(tc, nothing_listening_is_io_error);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
