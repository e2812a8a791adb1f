/* SPDX-License-Identifier: MIT */
/* srv_counts.h - ifxlite's open sessions, prepared statements and open
 * cursors, read through a monitor connection from sysmaster:syssessions and
 * sysmaster:ifxlite_cursors (server/srv_stats.h). The monitor's own session
 * is left out; its running query is not yet registered when the tables are
 * filled, so it never counts itself. Header-only: DM tests include it. */
#ifndef IFXODBC_SRV_COUNTS_H
#define IFXODBC_SRV_COUNTS_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include <sql.h>
#include <sqlext.h>

struct srv_counts {
    long sessions; /* other than the monitor's */
    long stmts;    /* prepared statements held by those sessions */
    long cursors;  /* of which open cursors */
};

static inline bool srv_counts_query(SQLHDBC mon, const char *sql, long *out)
{
    SQLHSTMT st;
    SQLINTEGER v = -1;
    SQLLEN ind = 0;
    if (SQLAllocHandle(SQL_HANDLE_STMT, mon, &st) != SQL_SUCCESS)
        return false;
    bool ok = SQLExecDirect(st, (SQLCHAR *)(size_t)sql, SQL_NTS) == SQL_SUCCESS &&
              SQLFetch(st) == SQL_SUCCESS &&
              SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind) == SQL_SUCCESS;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    *out = ind == SQL_NULL_DATA ? 0 : (long)v;
    return ok;
}

/* Counts of every session but the monitor's (whose id is mon_sid). */
static inline bool srv_counts_get(SQLHDBC mon, long mon_sid, struct srv_counts *c)
{
    char q[256];
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM sysmaster:syssessions WHERE sid <> %ld", mon_sid);
    if (!srv_counts_query(mon, q, &c->sessions))
        return false;
    snprintf(q, sizeof q,
             "SELECT COUNT(*) FROM sysmaster:ifxlite_cursors WHERE cur_sessionid <> %ld",
             mon_sid);
    if (!srv_counts_query(mon, q, &c->stmts))
        return false;
    snprintf(q, sizeof q,
             "SELECT COUNT(*) FROM sysmaster:ifxlite_cursors WHERE cur_sessionid <> %ld"
             " AND cur_isopen = 1",
             mon_sid);
    return srv_counts_query(mon, q, &c->cursors);
}

/* Counts of one session. */
static inline bool srv_counts_of(SQLHDBC mon, long sid, long *stmts, long *cursors)
{
    char q[256];
    snprintf(q, sizeof q, "SELECT COUNT(*) FROM sysmaster:ifxlite_cursors WHERE cur_sessionid = %ld",
             sid);
    if (!srv_counts_query(mon, q, stmts))
        return false;
    snprintf(q, sizeof q,
             "SELECT COUNT(*) FROM sysmaster:ifxlite_cursors WHERE cur_sessionid = %ld"
             " AND cur_isopen = 1",
             sid);
    return srv_counts_query(mon, q, cursors);
}

/* DBINFO('sessionid') of a connection (its statement freed again), -1 on error. */
static inline long srv_counts_sid(SQLHDBC dbc)
{
    long sid = -1;
    if (!srv_counts_query(dbc, "SELECT DBINFO('sessionid') FROM systables WHERE tabid = 1", &sid))
        return -1;
    return sid;
}

/* Wait (up to ms) until the counts equal want: a session thread of the
 * server finishes its clean-up shortly after the client's disconnect returns. */
static inline bool srv_counts_settle(SQLHDBC mon, long mon_sid, const struct srv_counts *want,
                                     int ms, struct srv_counts *got)
{
    for (int waited = 0;; waited += 20) {
        if (!srv_counts_get(mon, mon_sid, got))
            return false;
        if (got->sessions == want->sessions && got->stmts == want->stmts &&
            got->cursors == want->cursors)
            return true;
        if (waited >= ms)
            return false;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
}

#endif
