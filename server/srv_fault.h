/* SPDX-License-Identifier: MIT */
/* srv_fault.h - ifxlite fault plans (--fault PLAN): deliberate misbehaviour for
 * the driver's fault tests (drop mid-tuple, garbage opcode, truncated DESCRIBE,
 * stalls, rejected logins, errors mid-fetch). Pure data and parsing; the session
 * loop asks srv_fault_get() at the points where a fault can fire. */
#ifndef IFXLITE_SRV_FAULT_H
#define IFXLITE_SRV_FAULT_H

#include <stdbool.h>
#include <stddef.h>

enum srv_fault_kind {
    SRV_FAULT_DROP_MID_TUPLE,    /* send half of the first SQ_TUPLE, then close */
    SRV_FAULT_GARBAGE_OPCODE,    /* first reply after DBOPEN: opcode 0x0471 + EOT */
    SRV_FAULT_TRUNCATE_DESCRIBE, /* send half of the first SQ_DESCRIBE, then close */
    SRV_FAULT_STALL,             /* sleep MS before every reply group after login */
    SRV_FAULT_REJECT_LOGIN,      /* CONREJ -951 whatever the credentials */
    SRV_FAULT_ERR_MID_FETCH,     /* after the first tuple of a fetch: SQ_ERR -244 */
    SRV_FAULT_CLOSE_AFTER_LOGIN, /* CONACC, then close */
    SRV_FAULT__COUNT
};

#define SRV_FAULT_MAX 8
#define SRV_FAULT_ON_MAX 64

/* Where a fault fires. Each kind has its points: drop-mid-tuple and
 * err-mid-fetch every SQ_TUPLE sent, truncate-describe every SQ_DESCRIBE,
 * garbage-opcode and stall every reply group (garbage-opcode only after the
 * group that opened the database, unless `on` arms it). A fault counts its
 * points from the moment it is armed (at once, or when the session prepares
 * a statement whose text contains `on`) and fires at the `at`-th; stall
 * then keeps stalling every later reply group. */
struct srv_fault {
    enum srv_fault_kind kind;
    int ms;      /* STALL only */
    int session; /* 0 = every session, else the Nth accepted connection (1-based) */
    int at;      /* fire at the at-th point after arming (1 = the first) */
    char on[SRV_FAULT_ON_MAX]; /* "" = armed from the start of the session */
};

struct srv_fault_plan {
    struct srv_fault f[SRV_FAULT_MAX];
    size_t n;
};

/* PLAN = FAULT[,FAULT...]; FAULT = NAME[:N][@K][/TEXT] or stall:MS[:N][@K][/TEXT].
 * NAME is one of drop-mid-tuple, garbage-opcode, truncate-describe,
 * reject-login, err-mid-fetch, close-after-login. :N limits the fault to the
 * Nth connection, @K fires it at the Kth point instead of the first, /TEXT
 * arms it when a prepared statement's text contains TEXT (no comma; to the
 * end of the fault). The two login faults take neither @K nor /TEXT.
 * 0, or -1 with a message in err. */
int srv_fault_parse(struct srv_fault_plan *plan, const char *text, char *err, size_t errlen);

/* The fault of this kind that applies to session `session_no`, or NULL. */
const struct srv_fault *srv_fault_get(const struct srv_fault_plan *plan, enum srv_fault_kind kind,
                                      int session_no);

const char *srv_fault_help(void);

#endif
