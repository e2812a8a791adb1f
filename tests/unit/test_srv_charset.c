/* SPDX-License-Identifier: MIT */
/* test_srv_charset.c - ifxlite's database code sets (server/srv_charset.c):
 * locale names, conversion at the wire boundary both ways, byte lengths and
 * cuts in the database code set (srv_cs_fit), and the locale stored in a
 * database file. Expected bytes from ISO/IEC 8859-1 and Microsoft's CP1252
 * and CP932 tables. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "srv_charset.h"

START_TEST(locale_names_resolve)
{
    char n[32];
    ck_assert(srv_cs_codeset("en_US.8859-1", n, sizeof n));
    ck_assert_str_eq(n, "ISO-8859-1");
    ck_assert(srv_cs_codeset("en_US.819", n, sizeof n));
    ck_assert_str_eq(n, "ISO-8859-1");
    ck_assert(srv_cs_codeset("en_US.57372", n, sizeof n));
    ck_assert_str_eq(n, "UTF-8");
    ck_assert(srv_cs_codeset("en_US.CP1252", n, sizeof n));
    ck_assert_str_eq(n, "CP1252");
    ck_assert(srv_cs_codeset("ja_JP.sjis-s", n, sizeof n));
    ck_assert_str_eq(n, "CP932");
    ck_assert(!srv_cs_codeset("en_US.bogus", n, sizeof n));
    ck_assert(!srv_cs_codeset("", n, sizeof n));
    ck_assert(srv_cs_same("en_US.819", "de_DE.8859-1"));
    ck_assert(!srv_cs_same("en_US.819", "en_US.utf8"));
    ck_assert(!srv_cs_same("x.bogus", "x.bogus"));
}
END_TEST

START_TEST(latin1_in_and_out)
{
    struct srv_cs *cs = NULL;
    ck_assert_int_eq(srv_cs_open("en_US.8859-1", &cs), 0);
    ck_assert_ptr_nonnull(cs);
    struct sq_buf b;
    sq_buf_init(&b);
    const char *o;
    size_t on;
    ck_assert_int_eq(srv_cs_in(cs, "caf\xe9", 4, &b, &o, &on), 0);
    ck_assert_uint_eq(on, 5);
    ck_assert(memcmp(o, "caf\xc3\xa9", 5) == 0);
    ck_assert_int_eq(srv_cs_out(cs, "caf\xc3\xa9", 5, &b, &o, &on), 0);
    ck_assert_uint_eq(on, 4);
    ck_assert(memcmp(o, "caf\xe9", 4) == 0);
    /* the euro sign has no ISO-8859-1 form */
    ck_assert_int_eq(srv_cs_out(cs, "\xe2\x82\xac", 3, &b, &o, &on), -1);
    /* ASCII is passed through as is */
    const char *a = "plain";
    ck_assert_int_eq(srv_cs_out(cs, a, 5, &b, &o, &on), 0);
    ck_assert_ptr_eq(o, a);
    sq_buf_fini(&b);
    srv_cs_free(cs);
    ck_assert_int_eq(srv_cs_open("en_US.utf8", &cs), 0);
    ck_assert_ptr_null(cs);
    ck_assert_int_eq(srv_cs_open("en_US.bogus", &cs), -1);
}
END_TEST

START_TEST(cp1252_euro_and_hole)
{
    struct srv_cs *cs = NULL;
    ck_assert_int_eq(srv_cs_open("en_US.1252", &cs), 0);
    struct sq_buf b;
    sq_buf_init(&b);
    const char *o;
    size_t on;
    ck_assert_int_eq(srv_cs_out(cs, "\xe2\x82\xac", 3, &b, &o, &on), 0);
    ck_assert_uint_eq(on, 1);
    ck_assert_uint_eq((unsigned char)o[0], 0x80);
    ck_assert_int_eq(srv_cs_in(cs, "\x81", 1, &b, &o, &on), -1); /* undefined in CP1252 */
    sq_buf_fini(&b);
    srv_cs_free(cs);
}
END_TEST

START_TEST(fit_counts_database_bytes)
{
    size_t db;
    /* UTF-8 database: cut on a character boundary */
    srv_cs_set_current(NULL);
    ck_assert_uint_eq(srv_cs_fit("\xc3\xa9\xc3\xa9\xc3\xa9", 6, 5, &db), 4);
    ck_assert_uint_eq(db, 6);
    /* ISO-8859-1: five 'é' are five bytes */
    struct srv_cs *cs = NULL;
    ck_assert_int_eq(srv_cs_open("en_US.819", &cs), 0);
    srv_cs_set_current(cs);
    const char *five = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    ck_assert_uint_eq(srv_cs_fit(five, 10, 5, &db), 10);
    ck_assert_uint_eq(db, 5);
    ck_assert_uint_eq(srv_cs_fit(five, 10, 3, &db), 6);
    ck_assert_uint_eq(db, 5);
    srv_cs_free(cs);
    /* CP932: a kanji is two bytes */
    ck_assert_int_eq(srv_cs_open("ja_JP.932", &cs), 0);
    srv_cs_set_current(cs);
    ck_assert_uint_eq(srv_cs_fit("a\xe6\x97\xa5\xe6\x9c\xac", 7, 4, &db), 4);
    ck_assert_uint_eq(db, 5);
    srv_cs_set_current(NULL);
    srv_cs_free(cs);
}
END_TEST

START_TEST(locale_is_stored_in_the_database)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    char loc[64];
    srv_cs_read_locale(db, loc, sizeof loc);
    ck_assert_str_eq(loc, SRV_DEFAULT_LOCALE);
    ck_assert_int_eq(srv_cs_store_locale(db, "de_DE.8859-1"), 0);
    srv_cs_read_locale(db, loc, sizeof loc);
    ck_assert_str_eq(loc, "de_DE.8859-1");
    sqlite3_close(db);
}
END_TEST

START_TEST(connection_follows_the_open_database)
{
    struct srv_cs_conn x;
    srv_cs_conn_init(&x);
    srv_cs_conn_sync(&x, "en_US.8859-1");
    ck_assert_ptr_nonnull(x.cs);
    struct srv_cs *first = x.cs;
    srv_cs_conn_sync(&x, "en_US.8859-1");
    ck_assert_ptr_eq(x.cs, first); /* same locale: no reopen */
    srv_cs_conn_sync(&x, "");
    ck_assert_ptr_null(x.cs);
    srv_cs_conn_fini(&x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("srv_charset");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, locale_names_resolve);
    tcase_add_test(tc, latin1_in_and_out);
    tcase_add_test(tc, cp1252_euro_and_hole);
    tcase_add_test(tc, fit_counts_database_bytes);
    tcase_add_test(tc, locale_is_stored_in_the_database);
    tcase_add_test(tc, connection_follows_the_open_database);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
