/* SPDX-License-Identifier: MIT */
/* bench_odbc_common.h - shared helpers of the end-to-end ODBC benchmarks
 * (bench_odbc_fetch.c, bench_odbc_insert.c): a private ifxlite + unixODBC
 * setup through odbc_env.h, wall clock, the client's CPU (getrusage) and the
 * ifxlite child's CPU (/proc/PID/stat utime+stime), and a result line. Header
 * only (static functions): each benchmark is one executable. */
#ifndef IFXODBC_BENCH_ODBC_COMMON_H
#define IFXODBC_BENCH_ODBC_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <sql.h>
#include <sqlext.h>

#include "odbc_env.h"

struct bench_ctx {
    struct odbc_test_env env;
    SQLHENV henv;
    SQLHDBC dbc;
};

/* A point in time: wall clock, this process's CPU, the server's CPU (seconds). */
struct bench_mark {
    double wall;
    double cpu_client;
    double cpu_server;
};

static inline double bench_wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline double bench_cpu_self(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0.0;
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* utime + stime of a process from /proc/PID/stat (fields 14 and 15), seconds;
 * -1 when unreadable. The comm field (2) may hold spaces: parse after ')'. */
static inline double bench_cpu_pid(pid_t pid)
{
    char path[64], line[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1.0;
    size_t n = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[n] = '\0';
    char *p = strrchr(line, ')');
    if (!p)
        return -1.0;
    /* after ')' come fields 3.. : state ppid pgrp session tty tpgid flags minflt cminflt
     * majflt cmajflt utime stime */
    unsigned long long ut = 0, st = 0;
    if (sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) !=
        2)
        return -1.0;
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0)
        hz = 100;
    return (double)(ut + st) / (double)hz;
}

static inline void bench_mark_now(const struct bench_ctx *b, struct bench_mark *m)
{
    m->cpu_server = bench_cpu_pid(b->env.srv.pid);
    m->cpu_client = bench_cpu_self();
    m->wall = bench_wall();
}

/* One result line: rows/s, wall, client and server CPU, CPU per row. */
static inline void bench_report(const char *label, const struct bench_mark *a,
                         const struct bench_mark *z, uint64_t rows)
{
    double wall = z->wall - a->wall;
    double cc = z->cpu_client - a->cpu_client;
    double cs = z->cpu_server - a->cpu_server;
    double r = rows ? (double)rows : 1.0;
    printf("%-28s rows=%-8llu wall=%7.3fs  %10.0f rows/s  client_cpu=%6.3fs (%5.2f us/row, "
           "%3.0f%%)  server_cpu=%6.3fs (%5.2f us/row, %3.0f%%)\n",
           label, (unsigned long long)rows, wall, wall > 0 ? r / wall : 0.0, cc, cc * 1e6 / r,
           wall > 0 ? 100.0 * cc / wall : 0.0, cs, cs * 1e6 / r,
           wall > 0 ? 100.0 * cs / wall : 0.0);
    fflush(stdout);
}

/* Print the diagnostics and exit(1) when rc is not a success. */
static inline void bench_check(SQLSMALLINT type, SQLHANDLE h, SQLRETURN rc, const char *what)
{
    if (SQL_SUCCEEDED(rc))
        return;
    fprintf(stderr, "%s failed (rc %d)\n", what, (int)rc);
    odbc_dump_diag(type, h);
    exit(1);
}

/* Start ifxlite and connect; extra (may be NULL) is appended to "DSN=ifxtest;". */
static inline void bench_start(struct bench_ctx *b, const char *extra)
{
    /* BENCH_DB_LOCALE (env): testdb is created with this DB_LOCALE and the
     * driver sends it (docs/charsets.md), to measure code set conversion */
    const char *loc = getenv("BENCH_DB_LOCALE");
    char create[128];
    const char *loc_args[] = {"--create-db", create, NULL};
    if (loc && *loc)
        snprintf(create, sizeof create, "testdb:logged:%s", loc);
    if (!odbc_test_env_start(&b->env, loc && *loc ? loc_args : NULL)) {
        fprintf(stderr, "cannot start ifxlite / the ODBC environment\n");
        exit(1);
    }
    if (extra && *extra) {
        size_t used = strlen(b->env.connstr);
        snprintf(b->env.connstr + used, sizeof b->env.connstr - used, "%s", extra);
    }
    if (loc && *loc) {
        size_t used = strlen(b->env.connstr);
        snprintf(b->env.connstr + used, sizeof b->env.connstr - used, "DB_LOCALE=%s;", loc);
    }
    bench_check(SQL_HANDLE_ENV, SQL_NULL_HANDLE,
                SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &b->henv), "SQLAllocHandle(ENV)");
    bench_check(SQL_HANDLE_ENV, b->henv,
                SQLSetEnvAttr(b->henv, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                "SQLSetEnvAttr");
    bench_check(SQL_HANDLE_ENV, b->henv, SQLAllocHandle(SQL_HANDLE_DBC, b->henv, &b->dbc),
                "SQLAllocHandle(DBC)");
    bench_check(SQL_HANDLE_DBC, b->dbc,
                SQLDriverConnect(b->dbc, NULL, (SQLCHAR *)b->env.connstr, SQL_NTS, NULL, 0, NULL,
                                 SQL_DRIVER_NOPROMPT),
                "SQLDriverConnect");
    printf("ifxlite pid %ld on port %d, driver %s, \"%s\"\n", (long)b->env.srv.pid,
           b->env.srv.port, odbc_test_driver_path(), b->env.connstr);
}

static inline void bench_stop(struct bench_ctx *b)
{
    SQLDisconnect(b->dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, b->dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, b->henv);
    odbc_test_env_stop(&b->env);
}

static inline SQLHSTMT bench_stmt(struct bench_ctx *b)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    bench_check(SQL_HANDLE_DBC, b->dbc, SQLAllocHandle(SQL_HANDLE_STMT, b->dbc, &st),
                "SQLAllocHandle(STMT)");
    return st;
}

static inline void bench_exec(struct bench_ctx *b, const char *sql)
{
    SQLHSTMT st = bench_stmt(b);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)(uintptr_t)sql, SQL_NTS);
    if (rc != SQL_NO_DATA)
        bench_check(SQL_HANDLE_STMT, st, rc, sql);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static inline void bench_autocommit(struct bench_ctx *b, bool on)
{
    bench_check(SQL_HANDLE_DBC, b->dbc,
                SQLSetConnectAttr(b->dbc, SQL_ATTR_AUTOCOMMIT,
                                  (SQLPOINTER)(uintptr_t)(on ? SQL_AUTOCOMMIT_ON
                                                             : SQL_AUTOCOMMIT_OFF),
                                  0),
                "SQLSetConnectAttr(AUTOCOMMIT)");
}

static inline void bench_commit(struct bench_ctx *b)
{
    bench_check(SQL_HANDLE_DBC, b->dbc, SQLEndTran(SQL_HANDLE_DBC, b->dbc, SQL_COMMIT),
                "SQLEndTran(COMMIT)");
}

/* A positive count from argv[i] (or def when absent); exit(2) on garbage. */
static inline unsigned long bench_arg_count(int argc, char **argv, int i, unsigned long def)
{
    if (argc <= i)
        return def;
    char *end = NULL;
    unsigned long v = strtoul(argv[i], &end, 10);
    if (!end || *end || v == 0) {
        fprintf(stderr, "bad count '%s'\n", argv[i]);
        exit(2);
    }
    return v;
}

#endif
