/* SPDX-License-Identifier: MIT */
/* test_srv_fault.c - ifxlite's fault plan syntax (srv_fault.h): NAME[:N][@K][/TEXT]
 * and stall:MS[:N][@K][/TEXT]; bad plans are refused with a message. */
#include <check.h>
#include <string.h>

#include "ck_util.h"
#include "srv_fault.h"

static struct srv_fault_plan parse_ok(const char *text)
{
    struct srv_fault_plan p;
    memset(&p, 0, sizeof p);
    char err[256] = "";
    ck_assert_msg(srv_fault_parse(&p, text, err, sizeof err) == 0, "%s: %s", text, err);
    return p;
}

static void parse_bad(const char *text, const char *want)
{
    struct srv_fault_plan p;
    memset(&p, 0, sizeof p);
    char err[256] = "";
    ck_assert_int_eq(srv_fault_parse(&p, text, err, sizeof err), -1);
    ck_assert_msg(strstr(err, want) != NULL, "%s: message '%s' lacks '%s'", text, err, want);
}

START_TEST(plain_and_session)
{
    struct srv_fault_plan p = parse_ok("drop-mid-tuple,err-mid-fetch:3");
    ck_assert_uint_eq(p.n, 2);
    ck_assert_int_eq(p.f[0].kind, SRV_FAULT_DROP_MID_TUPLE);
    ck_assert_int_eq(p.f[0].session, 0);
    ck_assert_int_eq(p.f[0].at, 1);
    ck_assert_str_eq(p.f[0].on, "");
    ck_assert_int_eq(p.f[1].session, 3);
    ck_assert_ptr_eq(srv_fault_get(&p, SRV_FAULT_ERR_MID_FETCH, 2), NULL);
    ck_assert_ptr_nonnull(srv_fault_get(&p, SRV_FAULT_ERR_MID_FETCH, 3));
}
END_TEST

START_TEST(point_and_text)
{
    struct srv_fault_plan p =
        parse_ok("truncate-describe@2,stall:1500:4@3/FROM ft,garbage-opcode/a:b@c,err-mid-fetch:2@5");
    ck_assert_uint_eq(p.n, 4);
    ck_assert_int_eq(p.f[0].at, 2);
    ck_assert_int_eq(p.f[1].kind, SRV_FAULT_STALL);
    ck_assert_int_eq(p.f[1].ms, 1500);
    ck_assert_int_eq(p.f[1].session, 4);
    ck_assert_int_eq(p.f[1].at, 3);
    ck_assert_str_eq(p.f[1].on, "FROM ft");
    ck_assert_str_eq(p.f[2].on, "a:b@c"); /* the text runs to the end of the fault */
    ck_assert_int_eq(p.f[2].at, 1);
    ck_assert_int_eq(p.f[3].session, 2);
    ck_assert_int_eq(p.f[3].at, 5);
}
END_TEST

START_TEST(bad_plans)
{
    parse_bad("drop-mid-tuple@0", "bad point number");
    parse_bad("drop-mid-tuple@x", "bad point number");
    parse_bad("drop-mid-tuple/", "/TEXT");
    parse_bad("reject-login@2", "no @K or /TEXT");
    parse_bad("close-after-login/x", "no @K or /TEXT");
    parse_bad("stall@2", "stall needs a delay");
    parse_bad("nosuch@2", "unknown fault 'nosuch'");
}
END_TEST

static Suite *fault_suite(void)
{
    Suite *s = suite_create("srv_fault");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, plain_and_session);
    tcase_add_test(tc, point_and_text);
    tcase_add_test(tc, bad_plans);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(fault_suite());
}
