/* SPDX-License-Identifier: MIT */
/* bench_odbc_scroll.c - client memory and round trips of big results through
 * the unixODBC DM, libifxodbc.so and a private ifxlite: peak RSS (VmHWM)
 * above the baseline while fetching ROWS rows forward-only, and while
 * fetching random rows of a SCROLL-row STATIC cursor; the wire round trips
 * (write(2) calls, /proc/self/io syscw) per random-access fetch.
 * Usage: bench_odbc_scroll [forward|scroll|all] [rows=10000000] [scroll=1000000]
 *        [fetches=20000] */
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

static const char gen_sql[] = "with recursive c(n) as (select 1 union all select n + 1 from c "
                              "where n < %lu) select n, 'row' || n from c";

static void forward(struct bench_ctx *b, unsigned long rows)
{
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
    printf("forward-only %lu rows: baseline RSS %ld KiB, peak %ld KiB, +%ld KiB\n", rows, base,
           peak, peak - base);
}

static void scroll(struct bench_ctx *b, unsigned long rows, unsigned long fetches)
{
    long base = proc_kib("/proc/self/status", "VmRSS:");
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
    long w0 = proc_kib("/proc/self/io", "syscw:");
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
    long w1 = proc_kib("/proc/self/io", "syscw:");
    bench_report("STATIC random FETCH_ABSOLUTE", &a, &z, fetches);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    long peak = proc_kib("/proc/self/status", "VmHWM:");
    printf("STATIC %lu rows, %lu random fetches: baseline RSS %ld KiB, peak %ld KiB, +%ld KiB; "
           "%.3f writes (round trips) per fetch\n",
           rows, fetches, base, peak, peak - base,
           w0 >= 0 && w1 >= 0 ? (double)(w1 - w0) / (double)fetches : -1.0);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    unsigned long rows = bench_arg_count(argc, argv, 2, 10000000ul);
    unsigned long srows = bench_arg_count(argc, argv, 3, 1000000ul);
    unsigned long fetches = bench_arg_count(argc, argv, 4, 20000ul);
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
    return 0;
}
