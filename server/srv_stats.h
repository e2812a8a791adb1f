/* SPDX-License-Identifier: MIT */
/* srv_stats.h - ifxlite's resource accounting: a process-wide registry of the
 * open sessions and of each session's prepared statements and open cursors.
 * The session loop (srv_session.c) records what it allocates and releases;
 * the sysmaster tables (srv_sql_catalog.c: sysmaster:syssessions,
 * syssqlcurses, and ifxlite's own ifxlite_cursors) are filled from a snapshot,
 * so a test can assert that a client released everything it used.
 * Thread-safe (one mutex); every call is short and never blocks on I/O. */
#ifndef IFXLITE_SRV_STATS_H
#define IFXLITE_SRV_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct srv_stats_sess;

/* Register a session after its login. Strings are copied (cut to the
 * sysmaster column widths). NULL only when out of memory; every other call
 * accepts NULL and does nothing. */
struct srv_stats_sess *srv_stats_attach(int sid, const char *user, const char *host, int pid,
                                        const char *program);
/* Unregister (the session has released everything or is going away). */
void srv_stats_detach(struct srv_stats_sess *ss);
void srv_stats_set_db(struct srv_stats_sess *ss, const char *dbname);

/* Statement `id` prepared (sql: its text, len bytes), released, its cursor
 * opened or closed. */
void srv_stats_stmt_add(struct srv_stats_sess *ss, unsigned id, const char *sql, size_t len);
void srv_stats_stmt_del(struct srv_stats_sess *ss, unsigned id);
void srv_stats_stmt_open(struct srv_stats_sess *ss, unsigned id, bool open, bool scroll,
                         bool hold);

#define SRV_STATS_SQL 256 /* statement text kept per statement (cut) */

struct srv_stats_session_row {
    int sid;
    char user[33];
    char host[257];
    char program[256];
    char dbname[129];
    int pid;
    int64_t connected; /* seconds since the epoch */
    int nstmts;        /* prepared statements held */
    int ncursors;      /* of which cursors open */
    char last_sql[SRV_STATS_SQL];
};

struct srv_stats_stmt_row {
    int sid;
    unsigned id;
    bool open, scroll, hold;
    char sql[SRV_STATS_SQL];
};

/* A consistent copy of the registry (caller frees both arrays with sq_free).
 * 0, or -1 when out of memory (nothing to free then). */
int srv_stats_snapshot(struct srv_stats_session_row **sessions, size_t *nsessions,
                       struct srv_stats_stmt_row **stmts, size_t *nstmts);

/* Totals: open sessions, prepared statements, open cursors. */
void srv_stats_totals(int *sessions, int *stmts, int *cursors);

#endif
