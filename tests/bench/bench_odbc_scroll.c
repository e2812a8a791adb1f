/* SPDX-License-Identifier: MIT */
/* bench_odbc_scroll.c - memory and round trips of big results through the
 * unixODBC DM, libifxodbc.so and a private ifxlite:
 * - forward-only: peak client RSS (VmHWM, reset through clear_refs) above the
 *   RSS after connect while fetching ROWS rows in 1000-row rowsets;
 * - STATIC: peak client and ifxlite RSS while fetching FETCHES random rows
 *   (SQL_FETCH_ABSOLUTE, rowset of 1) of a SCROLL-row cursor, the time of one
 *   such fetch, and its round trips, counted in the driver's protocol trace
 *   (one "C->S" line per request group, each answered by one reply group) on
 *   a second, traced connection.
 * Exits 1 when a client peak is 32 MiB or more above its baseline.
 * Usage: bench_odbc_scroll [forward|scroll|all] [rows=10000000] [scroll=1000000]
 *        [fetches=100000] */
#include "bench_odbc_common.h"

static long proc_kib(const char *file, const char *key)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return -1;
    char line[256];
    long v = -1;
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, kl) == 0) {
            v = strtol(line + kl, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

/* Start a new high-water mark for pid (0 = this process): Linux resets
 * VmHWM to the current RSS when "5" is written to clear_refs. */
static void hwm_reset(long pid)
{
    char path[64];
    if (pid)
        snprintf(path, sizeof path, "/proc/%ld/clear_refs", pid);
    else
        snprintf(path, sizeof path, "/proc/self/clear_refs");
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

static long pid_kib(long pid, const char *key)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    return proc_kib(path, key);
}

#define LIMIT_KIB (32L * 1024)
static int over_limit;

static const char gen_sql[] = "with recursive c(n) as (select 1 union all select n + 1 from c "
                              "where n < %lu) select n, 'row' || n from c";

static void forward(struct bench_ctx *b, unsigned long rows)
{
    hwm_reset(0);
    long base = proc_kib("/proc/self/status", "VmRSS:");
    SQLHSTMT st = bench_stmt(b);
    char sql[256];
    snprintf(sql, sizeof sql, gen_sql, rows);
    SQLINTEGER n[1000];
    char v[1000][16];
    SQLLEN vi[1000];
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)1000, 0), "rowset");
    SQLULEN got = 0;
    bench_check(SQL_HANDLE_STMT, st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0),
                "fetched");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 1, SQL_C_LONG, n, 0, NULL), "bind");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 2, SQL_C_CHAR, v, sizeof v[0], vi), "bind");
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), "select");
    unsigned long total = 0;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        if (n[0] != (SQLINTEGER)(total + 1)) {
            fprintf(stderr, "row %lu: got %d\n", total + 1, (int)n[0]);
            exit(1);
        }
        total += got;
    }
    bench_check(SQL_HANDLE_STMT, st, rc == SQL_NO_DATA ? SQL_SUCCESS : rc, "fetch");
    bench_mark_now(b, &z);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    if (total != rows) {
        fprintf(stderr, "forward: %lu rows, want %lu\n", total, rows);
        exit(1);
    }
    bench_report("forward-only, 1000-row rowsets", &a, &z, rows);
    long peak = proc_kib("/proc/self/status", "VmHWM:");
    printf("forward-only %lu rows: client baseline RSS %ld KiB, peak %ld KiB, +%ld KiB\n", rows,
           base, peak, peak - base);
    if (peak - base >= LIMIT_KIB)
        over_limit = 1;
}

/* Round trips of one random SQL_FETCH_ABSOLUTE with a rowset of rs rows, from
 * the protocol trace of a second connection. */
static void round_trips(struct bench_ctx *b, unsigned long rows, SQLULEN rs)
{
    char path[] = "/tmp/bench_scroll_trace_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        exit(1);
    }
    close(fd);
    char cs[1024];
    snprintf(cs, sizeof cs, "%sTrace=1;TraceFile=%s;", b->env.connstr, path);
    SQLHDBC dbc;
    SQLHSTMT st;
    bench_check(SQL_HANDLE_ENV, b->henv, SQLAllocHandle(SQL_HANDLE_DBC, b->henv, &dbc), "dbc");
    bench_check(SQL_HANDLE_DBC, dbc,
                SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL,
                                 SQL_DRIVER_NOPROMPT),
                "traced connect");
    bench_check(SQL_HANDLE_DBC, dbc, SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), "stmt");
    char sql[256];
    snprintf(sql, sizeof sql, gen_sql, rows);
    static SQLINTEGER n[1000];
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0),
                "static");
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(uintptr_t)rs, 0),
                "rowset");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 1, SQL_C_LONG, n, 0, NULL), "bind");
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), "select");
    bench_check(SQL_HANDLE_STMT, st, SQLFetchScroll(st, SQL_FETCH_LAST, 0), "last");
    long before = -1, after = -1;
    enum { K = 200 };
    uint64_t x = 2463534242ull;
    for (int pass = 0; pass < 2; pass++) {
        FILE *f = fopen(path, "r");
        long c = 0;
        char line[4096];
        while (f && fgets(line, sizeof line, f))
            if (strstr(line, "C->S "))
                c++;
        if (f)
            fclose(f);
        if (pass == 1) {
            after = c;
            break;
        }
        before = c;
        for (int i = 0; i < K; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            SQLLEN at = (SQLLEN)(x % (rows - rs + 1)) + 1;
            bench_check(SQL_HANDLE_STMT, st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, at), "abs");
            if (n[0] != (SQLINTEGER)at || n[rs - 1] != (SQLINTEGER)(at + (SQLLEN)rs - 1)) {
                fprintf(stderr, "absolute %ld: got %d\n", (long)at, (int)n[0]);
                exit(1);
            }
        }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    unlink(path);
    if (before <= 0 || after < before) {
        fprintf(stderr, "no protocol trace in %s\n", path);
        exit(1);
    }
    printf("STATIC random FETCH_ABSOLUTE, rowset %lu: %.2f round trips per fetch "
           "(%ld request groups for %d fetches)\n",
           (unsigned long)rs, (double)(after - before) / K, after - before, K);
}

static void scroll(struct bench_ctx *b, unsigned long rows, unsigned long fetches)
{
    hwm_reset(0);
    hwm_reset((long)b->env.srv.pid);
    long base = proc_kib("/proc/self/status", "VmRSS:");
    long sbase = pid_kib((long)b->env.srv.pid, "VmRSS:");
    SQLHSTMT st = bench_stmt(b);
    char sql[256];
    snprintf(sql, sizeof sql, gen_sql, rows);
    SQLINTEGER n = 0;
    char v[16];
    SQLLEN vi = 0;
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0),
                "static");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 1, SQL_C_LONG, &n, 0, NULL), "bind");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 2, SQL_C_CHAR, v, sizeof v, &vi), "bind");
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), "select");
    bench_check(SQL_HANDLE_STMT, st, SQLFetchScroll(st, SQL_FETCH_LAST, 0), "last");
    if ((unsigned long)n != rows) {
        fprintf(stderr, "last row %d, want %lu\n", (int)n, rows);
        exit(1);
    }
    bench_mark_now(b, &z);
    bench_report("STATIC open + FETCH_LAST", &a, &z, 1);
    uint64_t x = 88172645463325252ull;
    bench_mark_now(b, &a);
    for (unsigned long i = 0; i < fetches; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        SQLLEN at = (SQLLEN)(x % rows) + 1;
        bench_check(SQL_HANDLE_STMT, st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, at), "absolute");
        if (n != (SQLINTEGER)at) {
            fprintf(stderr, "absolute %ld: got %d\n", (long)at, (int)n);
            exit(1);
        }
    }
    bench_mark_now(b, &z);
    bench_report("STATIC random FETCH_ABSOLUTE", &a, &z, fetches);
    long speak = pid_kib((long)b->env.srv.pid, "VmHWM:");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    long peak = proc_kib("/proc/self/status", "VmHWM:");
    printf("STATIC %lu rows, %lu random fetches: %.2f us per fetch; client baseline RSS %ld "
           "KiB, peak %ld KiB, +%ld KiB; ifxlite RSS before %ld KiB, peak %ld KiB, +%ld KiB\n",
           rows, fetches, (z.wall - a.wall) * 1e6 / (double)fetches, base, peak, peak - base,
           sbase, speak, speak - sbase);
    if (peak - base >= LIMIT_KIB)
        over_limit = 1;
    round_trips(b, rows, 1);
    round_trips(b, rows, 100);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    unsigned long rows = bench_arg_count(argc, argv, 2, 10000000ul);
    unsigned long srows = bench_arg_count(argc, argv, 3, 1000000ul);
    unsigned long fetches = bench_arg_count(argc, argv, 4, 100000ul);
    bool fw = strcmp(mode, "all") == 0 || strcmp(mode, "forward") == 0;
    bool sc = strcmp(mode, "all") == 0 || strcmp(mode, "scroll") == 0;
    if (!fw && !sc) {
        fprintf(stderr, "usage: bench_odbc_scroll [forward|scroll|all] [rows] [scroll_rows] "
                        "[fetches]\n");
        return 2;
    }
    struct bench_ctx b;
    bench_start(&b, getenv("BENCH_CONNSTR_EXTRA"));
    if (fw)
        forward(&b, rows);
    if (sc)
        scroll(&b, srows, fetches);
    bench_stop(&b);
    if (over_limit)
        fprintf(stderr, "client peak RSS 32 MiB or more above its baseline\n");
    return over_limit;
}
