/* SPDX-License-Identifier: MIT */
/* srv_fixture.c - the shared fixture of ifxlite's engine unit tests: a fresh
 * data directory and engine per test, a session on a logged database, and
 * small run/query helpers over srv_sql.h. */
#include "srv_fixture.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char g_dir[256];
struct srv_engine *g_eng;
struct srv_session *g_s;

static void rm_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

struct srv_session *open_db(const char *name, enum srv_dbkind kind)
{
    struct srv_err err;
    ck_assert_int_eq(srv_engine_create_db(g_eng, name, kind, &err), 0);
    struct srv_session *s = srv_session_new(g_eng, 7, "tester");
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(srv_session_dbopen(s, name, &err) == 0, "dbopen %d", err.sqlcode);
    return s;
}

void setup(void)
{
    snprintf(g_dir, sizeof g_dir, "/tmp/test_srv_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
    struct srv_err err;
    g_eng = srv_engine_new(g_dir, &err);
    ck_assert_ptr_nonnull(g_eng);
    g_s = open_db("testdb", SRV_DB_LOGGED);
}

void teardown(void)
{
    srv_session_free(g_s);
    g_s = NULL;
    srv_engine_free(g_eng);
    g_eng = NULL;
    rm_dir(g_dir);
}

/* Run a statement; returns 0 or the SQLCODE. */
int run(struct srv_session *s, const char *sql, struct srv_exec_result *res)
{
    struct srv_err err;
    struct srv_exec_result dummy;
    struct srv_stmt *st = srv_stmt_prepare(s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    int rc = srv_stmt_execute(st, res ? res : &dummy, &err);
    srv_stmt_free(st);
    return rc == 0 ? 0 : err.sqlcode;
}

/* Prepare, open, fetch the first row's column 0..n as text into out (NULL → "NULL"). */
int query_row(struct srv_session *s, const char *sql, char out[][128], size_t n)
{
    struct srv_err err;
    struct srv_stmt *st = srv_stmt_prepare(s, sql, strlen(sql), &err);
    if (!st)
        return err.sqlcode;
    if (srv_stmt_open(st, &err) != 0) {
        srv_stmt_free(st);
        return err.sqlcode;
    }
    struct srv_val row[16];
    int rc = srv_stmt_next(st, row, &err);
    if (rc < 0) {
        srv_stmt_free(st);
        return err.sqlcode;
    }
    if (rc == 0) {
        srv_stmt_free(st);
        return 100;
    }
    for (size_t i = 0; i < n && i < srv_stmt_ncols(st); i++) {
        switch (row[i].k) {
        case SRV_V_NULL:
            snprintf(out[i], 128, "NULL");
            break;
        case SRV_V_INT:
            snprintf(out[i], 128, "%lld", (long long)row[i].i);
            break;
        case SRV_V_FLOAT:
            snprintf(out[i], 128, "%.17g", row[i].f);
            break;
        default:
            snprintf(out[i], 128, "%.*s", (int)row[i].n, row[i].p);
            break;
        }
    }
    srv_stmt_free(st);
    return 0;
}

void expect1(struct srv_session *s, const char *sql, const char *want)
{
    char out[1][128];
    int rc = query_row(s, sql, out, 1);
    ck_assert_msg(rc == 0, "%s -> %d", sql, rc);
    ck_assert_msg(strcmp(out[0], want) == 0, "%s: got '%s' want '%s'", sql, out[0], want);
}
