/* SPDX-License-Identifier: MIT */
/* srv_fault.c - parsing and lookup of fault plans. */
#include "srv_fault.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fault_names[SRV_FAULT__COUNT] = {
    [SRV_FAULT_DROP_MID_TUPLE] = "drop-mid-tuple",
    [SRV_FAULT_GARBAGE_OPCODE] = "garbage-opcode",
    [SRV_FAULT_TRUNCATE_DESCRIBE] = "truncate-describe",
    [SRV_FAULT_STALL] = "stall",
    [SRV_FAULT_REJECT_LOGIN] = "reject-login",
    [SRV_FAULT_ERR_MID_FETCH] = "err-mid-fetch",
    [SRV_FAULT_CLOSE_AFTER_LOGIN] = "close-after-login",
};

static bool parse_int(const char *s, size_t n, int lo, int hi, int *out)
{
    char tmp[16];
    if (n == 0 || n >= sizeof tmp)
        return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    long v = strtol(tmp, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static int parse_one(struct srv_fault *f, const char *s, size_t n, char *err, size_t errlen)
{
    /* /TEXT first (it may contain ':' and '@'; it runs to the end), then @K. */
    const char *slash = memchr(s, '/', n);
    size_t full = n;
    if (slash)
        n = (size_t)(slash - s);
    const char *at = memchr(s, '@', n);
    if (at)
        n = (size_t)(at - s);
    const char *c1 = memchr(s, ':', n);
    size_t nlen = c1 ? (size_t)(c1 - s) : n;
    int kind = -1;
    for (int i = 0; i < SRV_FAULT__COUNT; i++) {
        if (strlen(fault_names[i]) == nlen && memcmp(fault_names[i], s, nlen) == 0)
            kind = i;
    }
    if (kind < 0) {
        snprintf(err, errlen, "fault: unknown fault '%.*s' (see --help)", (int)nlen, s);
        return -1;
    }
    f->kind = (enum srv_fault_kind)kind;
    f->ms = 0;
    f->session = 0;
    f->at = 1;
    f->on[0] = '\0';
    if (slash) {
        size_t tl = full - (size_t)(slash + 1 - s);
        if (tl == 0 || tl >= sizeof f->on) {
            snprintf(err, errlen, "fault: /TEXT must be 1 to %d characters",
                     (int)sizeof f->on - 1);
            return -1;
        }
        memcpy(f->on, slash + 1, tl);
        f->on[tl] = '\0';
    }
    if (at) {
        size_t al = (slash ? (size_t)(slash - s) : full) - (size_t)(at + 1 - s);
        if (!parse_int(at + 1, al, 1, 1000000, &f->at)) {
            snprintf(err, errlen, "fault: bad point number '%.*s'", (int)al, at + 1);
            return -1;
        }
    }
    if ((slash || at) &&
        (f->kind == SRV_FAULT_REJECT_LOGIN || f->kind == SRV_FAULT_CLOSE_AFTER_LOGIN)) {
        snprintf(err, errlen, "fault: %s fires at the login: no @K or /TEXT", fault_names[kind]);
        return -1;
    }
    const char *rest = c1 ? c1 + 1 : NULL;
    size_t rlen = c1 ? n - nlen - 1 : 0;
    if (f->kind == SRV_FAULT_STALL) {
        if (!rest) {
            snprintf(err, errlen, "fault: stall needs a delay: stall:MS[:N]");
            return -1;
        }
        const char *c2 = memchr(rest, ':', rlen);
        size_t mlen = c2 ? (size_t)(c2 - rest) : rlen;
        if (!parse_int(rest, mlen, 0, 3600000, &f->ms)) {
            snprintf(err, errlen, "fault: bad stall delay '%.*s'", (int)mlen, rest);
            return -1;
        }
        rest = c2 ? c2 + 1 : NULL;
        rlen = c2 ? rlen - mlen - 1 : 0;
    }
    if (rest && !parse_int(rest, rlen, 1, 1000000000, &f->session)) {
        snprintf(err, errlen, "fault: bad session number '%.*s'", (int)rlen, rest);
        return -1;
    }
    return 0;
}

int srv_fault_parse(struct srv_fault_plan *plan, const char *text, char *err, size_t errlen)
{
    const char *s = text;
    for (;;) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        if (plan->n >= SRV_FAULT_MAX) {
            snprintf(err, errlen, "fault: at most %d faults", SRV_FAULT_MAX);
            return -1;
        }
        if (parse_one(&plan->f[plan->n], s, n, err, errlen) != 0)
            return -1;
        plan->n++;
        if (!comma)
            return 0;
        s = comma + 1;
    }
}

const struct srv_fault *srv_fault_get(const struct srv_fault_plan *plan, enum srv_fault_kind kind,
                                      int session_no)
{
    for (size_t i = 0; plan && i < plan->n; i++) {
        const struct srv_fault *f = &plan->f[i];
        if (f->kind == kind && (f->session == 0 || f->session == session_no))
            return f;
    }
    return NULL;
}

const char *srv_fault_help(void)
{
    return "  Fault plans (--fault FAULT[,FAULT...]; :N limits a fault to the Nth connection,\n"
           "  @K fires it at its Kth point instead of the first, /TEXT arms it when the\n"
           "  session prepares a statement containing TEXT; points: each tuple sent for\n"
           "  drop-mid-tuple and err-mid-fetch, each DESCRIBE, each reply group for\n"
           "  garbage-opcode and stall):\n"
           "    drop-mid-tuple[:N]       send half of the first SQ_TUPLE, then close\n"
           "    garbage-opcode[:N]       answer the first group after DBOPEN with opcode 0x0471\n"
           "    truncate-describe[:N]    send half of the first SQ_DESCRIBE, then close\n"
           "    stall:MS[:N]             wait MS milliseconds before every reply after login\n"
           "                             (with @K or /TEXT: from that point on)\n"
           "    reject-login[:N]         refuse the login (CONREJ, svcError -951)\n"
           "    err-mid-fetch[:N]        after the first row of a fetch, send SQ_ERR -244\n"
           "    close-after-login[:N]    accept the login, then close the connection\n";
}
