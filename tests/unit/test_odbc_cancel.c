/* SPDX-License-Identifier: MIT */
/* test_odbc_cancel.c - the SQLCancel handshake (driver/odbc/stmt.c): a cancel
 * reaches only a call that is still running, that call reports it
 * (SQ_RC_CANCELLED -> HY008) even when its exchange had already finished, the
 * link is then broken, and a cancel that comes after the call ended (or
 * between calls) neither touches the link nor marks the next call. Also a
 * canceller racing the end of many calls from another thread: a call's link
 * is interrupted exactly when the call reports the cancel. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#include "ck_util.h"
#include "sq_conn.h"
#include "stmt.h"

static void init_stmt(struct stmt *s)
{
    memset(s, 0, sizeof *s);
    s->hdr.magic = HANDLE_MAGIC_STMT;
    atomic_init(&s->running_wire, NULL);
    atomic_init(&s->cancelled, false);
}

START_TEST(cancel_during_call_is_charged_to_it)
{
    struct stmt s;
    init_stmt(&s);
    struct sq_conn *w = sq_conn_new();
    bool broken_before = sq_conn_is_broken(w);
    ck_assert(!stmt_cancel_running(&s)); /* nothing runs: nothing happens */
    ck_assert_int_eq(sq_conn_is_broken(w), broken_before);
    stmt_call_begin(&s, w);
    ck_assert(stmt_cancel_running(&s));
    /* the call's exchange had succeeded: it still reports the cancel */
    ck_assert_int_eq(stmt_call_end(&s, SQ_RC_OK), SQ_RC_CANCELLED);
    ck_assert(sq_conn_is_broken(w));
    ck_assert(atomic_load(&s.running_wire) == NULL);
    sq_conn_free(w);
}
END_TEST

START_TEST(cancel_after_the_call_does_nothing)
{
    struct stmt s;
    init_stmt(&s);
    struct sq_conn *w = sq_conn_new();
    bool broken_before = sq_conn_is_broken(w);
    stmt_call_begin(&s, w);
    ck_assert_int_eq(stmt_call_end(&s, SQ_RC_OK), SQ_RC_OK);
    ck_assert(!stmt_cancel_running(&s));
    ck_assert_int_eq(sq_conn_is_broken(w), broken_before); /* not interrupted */
    /* the next call starts clean and ends with its own result */
    stmt_call_begin(&s, w);
    ck_assert_int_eq(stmt_call_end(&s, SQ_RC_SERVER), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_is_broken(w), broken_before);
    sq_conn_free(w);
}
END_TEST

struct race {
    struct stmt *s;
    atomic_bool stop;
    atomic_long hits;
};

static void *canceller(void *p)
{
    struct race *r = p;
    while (!atomic_load(&r->stop))
        if (stmt_cancel_running(r->s))
            atomic_fetch_add(&r->hits, 1);
    return NULL;
}

/* Many short calls, each on its own link, with a canceller spinning: a call
 * reports CANCELLED exactly when its link was interrupted (before the
 * handshake, a cancel that read the wire just before the call ended
 * interrupted a link whose call had succeeded), some calls get through and
 * some are cancelled. */
START_TEST(racing_canceller_is_charged_to_the_call_it_hit)
{
    struct stmt s;
    init_stmt(&s);
    struct race r = {.s = &s};
    atomic_init(&r.stop, false);
    atomic_init(&r.hits, 0);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, canceller, &r), 0);
    long cancelled_calls = 0, ok_calls = 0;
    /* until both outcomes were seen often enough (a loaded machine may run
     * the canceller rarely), within a bound */
    for (int i = 0; i < 2000000 && (cancelled_calls < 200 || ok_calls < 200); i++) {
        struct sq_conn *w = sq_conn_new();
        bool before = sq_conn_is_broken(w);
        stmt_call_begin(&s, w);
        if (i % 3 == 0)
            sched_yield(); /* a call that waits: the canceller's chance, even on one CPU */
        for (volatile int k = 0; k < (i % 7) * 50; k++) {
        } /* a call of some length */
        enum sq_rc rc = stmt_call_end(&s, SQ_RC_OK);
        /* after the end no cancel can reach this link */
        bool broken = sq_conn_is_broken(w);
        if (rc == SQ_RC_CANCELLED) {
            cancelled_calls++;
            ck_assert(broken);
        } else {
            ok_calls++;
            ck_assert_int_eq(rc, SQ_RC_OK);
            ck_assert_msg(broken == before, "call %d: link interrupted but the call succeeded", i);
        }
        sq_conn_free(w);
    }
    atomic_store(&r.stop, true);
    pthread_join(th, NULL);
    ck_assert_int_ge(cancelled_calls, 200);
    ck_assert_int_ge(ok_calls, 200);
    ck_assert_int_ge(atomic_load(&r.hits), cancelled_calls); /* a call may be hit twice */
    ck_assert(atomic_load(&s.running_wire) == NULL);
}
END_TEST

int main(void)
{
    Suite *su = suite_create("odbc_cancel");
    TCase *t = tcase_create("cancel");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, cancel_during_call_is_charged_to_it);
    tcase_add_test(t, cancel_after_the_call_does_nothing);
    tcase_add_test(t, racing_canceller_is_charged_to_the_call_it_hit);
    suite_add_tcase(su, t);
    return ck_run(su);
}
