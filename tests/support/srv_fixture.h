/* SPDX-License-Identifier: MIT */
/* srv_fixture.h - the shared fixture of ifxlite's engine unit tests
 * (test_srv_sql.c, test_srv_catalog.c): per test a fresh data directory and
 * engine (g_dir, g_eng) and a session g_s on logged database "testdb". */
#ifndef IFXLITE_SRV_FIXTURE_H
#define IFXLITE_SRV_FIXTURE_H

#include <stddef.h>

#include "srv_sql.h"

extern char g_dir[256];
extern struct srv_engine *g_eng;
extern struct srv_session *g_s;

/* Create database `name` of `kind` in g_eng and open a new session on it. */
struct srv_session *open_db(const char *name, enum srv_dbkind kind);
/* Check fixture: new engine in a temp dir with g_s on testdb / free and remove. */
void setup(void);
void teardown(void);
/* Run a statement; returns 0 or the SQLCODE. res may be NULL. */
int run(struct srv_session *s, const char *sql, struct srv_exec_result *res);
/* First row's columns 0..n-1 as text into out ("NULL" for NULL); 0, 100 when
 * there is no row, or the SQLCODE. */
int query_row(struct srv_session *s, const char *sql, char out[][128], size_t n);
/* The first column of the first row is `want`. */
void expect1(struct srv_session *s, const char *sql, const char *want);

#define OK(s, sql)                                                                                 \
    do {                                                                                           \
        int rc_ = run((s), (sql), NULL);                                                           \
        ck_assert_msg(rc_ == 0, "%s -> %d", (sql), rc_);                                           \
    } while (0)

#endif
