/* SPDX-License-Identifier: MIT */
/* bench_odbc_fetch.c - end-to-end fetch throughput through the unixODBC driver
 * manager, libifxodbc.so and a private ifxlite: a ROWS-row table of INTEGER,
 * BIGINT, DECIMAL(12,2), VARCHAR(20), DATETIME YEAR TO SECOND, read with
 * column-wise bound 1000-row rowsets and with SQLFetch + SQLGetData per cell.
 * Prints rows/s, wall time, client CPU (getrusage) and ifxlite CPU (/proc).
 * Usage: bench_odbc_fetch [rows=1000000] [all|bound|getdata] [rowset=1000]
 * BENCH_CONNSTR_EXTRA (env) is appended to the connection string;
 * BENCH_DB_LOCALE / BENCH_VC_PREFIX measure code set conversion. */
#include "bench_odbc_common.h"

#define DEC_LEN 24
#define VC_LEN 24

static unsigned long n_rows;

/* Checksums every mode must agree on: they make the benchmark fail (exit 1)
 * instead of printing a fast figure for wrong data. */
struct sums {
    uint64_t rows;
    uint64_t sum_i;
    uint64_t sum_b;
    uint64_t sum_sec;
    uint64_t sum_len; /* decimal + varchar text lengths */
};

static void expect_sums(const char *label, const struct sums *s)
{
    uint64_t n = n_rows;
    uint64_t want_i = n * (n + 1) / 2;
    uint64_t want_sec = 0;
    for (uint64_t k = 1; k <= n; k++)
        want_sec += (k % 49) + 10;
    if (s->rows != n || s->sum_i != want_i || s->sum_b != want_i * 1000003u ||
        s->sum_sec != want_sec || s->sum_len == 0) {
        fprintf(stderr,
                "%s: wrong data: rows %llu (want %llu), sum(i) %llu (want %llu), "
                "sum(b) %llu, sum(sec) %llu (want %llu)\n",
                label, (unsigned long long)s->rows, (unsigned long long)n,
                (unsigned long long)s->sum_i, (unsigned long long)want_i,
                (unsigned long long)s->sum_b, (unsigned long long)s->sum_sec,
                (unsigned long long)want_sec);
        exit(1);
    }
}

/* n rows generated inside ifxlite: INSERT ... WITH RECURSIVE ... SELECT (one
 * statement, one transaction). Row k: i=k, b=k*1000003, d="<k%100000>.<k%90+10>",
 * v="row<k>", t=2024-01-02 03:<k%50+10>:<k%49+10>. */
/* BENCH_VC_PREFIX (env, at most 8 bytes, no quote): v's prefix instead of
 * "row", e.g. "r\xc3\xb4w" to make every VARCHAR non-ASCII (code set bench). */
static const char *vc_prefix(void)
{
    const char *p = getenv("BENCH_VC_PREFIX");
    return p && *p && strlen(p) <= 8 && !strchr(p, '\'') ? p : "row";
}

static void populate(struct bench_ctx *b)
{
    bench_exec(b, "create table bf (i integer, b bigint, d decimal(12,2), v varchar(20), "
                  "t datetime year to second)");
    char sql[512];
    snprintf(sql, sizeof sql,
             "insert into bf with recursive c(n) as (select 1 union all select n + 1 from c "
             "where n < %lu) select n, n * 1000003, (n %% 100000) || '.' || ((n %% 90) + 10), "
             "'%s' || n, '2024-01-02 03:' || ((n %% 50) + 10) || ':' || ((n %% 49) + 10) "
             "from c",
             n_rows, vc_prefix());
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    SQLHSTMT st = bench_stmt(b);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), "populate");
    SQLLEN count = 0;
    bench_check(SQL_HANDLE_STMT, st, SQLRowCount(st, &count), "SQLRowCount");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_mark_now(b, &z);
    if ((unsigned long)count != n_rows) {
        fprintf(stderr, "populate: %ld rows, want %lu\n", (long)count, n_rows);
        exit(1);
    }
    bench_report("populate (server-side CTE)", &a, &z, n_rows);
}

static const char select_sql[] = "select i, b, d, v, t from bf";

static void fetch_bound(struct bench_ctx *b, SQLULEN rowset)
{
    SQLINTEGER *ci = calloc(rowset, sizeof *ci);
    SQLBIGINT *cb = calloc(rowset, sizeof *cb);
    char *cd = calloc(rowset, DEC_LEN);
    char *cv = calloc(rowset, VC_LEN);
    SQL_TIMESTAMP_STRUCT *ct = calloc(rowset, sizeof *ct);
    SQLLEN *ind = calloc(rowset * 5, sizeof *ind);
    SQLUSMALLINT *status = calloc(rowset, sizeof *status);
    if (!ci || !cb || !cd || !cv || !ct || !ind || !status) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    SQLULEN fetched = 0;
    struct sums s;
    memset(&s, 0, sizeof s);
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    SQLHSTMT st = bench_stmt(b);
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)SQL_BIND_BY_COLUMN, 0),
                "ROW_BIND_TYPE");
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(uintptr_t)rowset, 0),
                "ROW_ARRAY_SIZE");
    bench_check(SQL_HANDLE_STMT, st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0),
                "ROWS_FETCHED_PTR");
    bench_check(SQL_HANDLE_STMT, st, SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0),
                "ROW_STATUS_PTR");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 1, SQL_C_SLONG, ci, 0, ind), "bind 1");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindCol(st, 2, SQL_C_SBIGINT, cb, 0, ind + rowset), "bind 2");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindCol(st, 3, SQL_C_CHAR, cd, DEC_LEN, ind + 2 * rowset), "bind 3");
    bench_check(SQL_HANDLE_STMT, st, SQLBindCol(st, 4, SQL_C_CHAR, cv, VC_LEN, ind + 3 * rowset),
                "bind 4");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindCol(st, 5, SQL_C_TYPE_TIMESTAMP, ct, 0, ind + 4 * rowset), "bind 5");
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)(uintptr_t)select_sql, SQL_NTS),
                "select");
    for (;;) {
        SQLRETURN rc = SQLFetch(st);
        if (rc == SQL_NO_DATA)
            break;
        bench_check(SQL_HANDLE_STMT, st, rc, "SQLFetch (rowset)");
        for (SQLULEN r = 0; r < fetched; r++) {
            s.sum_i += (uint64_t)ci[r];
            s.sum_b += (uint64_t)cb[r];
            s.sum_sec += ct[r].second;
            s.sum_len += (uint64_t)ind[2 * rowset + r] + (uint64_t)ind[3 * rowset + r];
        }
        s.rows += fetched;
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_mark_now(b, &z);
    char label[64];
    snprintf(label, sizeof label, "fetch bound rowset=%lu", (unsigned long)rowset);
    bench_report(label, &a, &z, s.rows);
    expect_sums(label, &s);
    free(ci);
    free(cb);
    free(cd);
    free(cv);
    free(ct);
    free(ind);
    free(status);
}

static void fetch_getdata(struct bench_ctx *b)
{
    SQLINTEGER vi = 0;
    SQLBIGINT vb = 0;
    char vd[DEC_LEN], vv[VC_LEN];
    SQL_TIMESTAMP_STRUCT vt;
    SQLLEN li = 0, lb = 0, ld = 0, lv = 0, lt = 0;
    struct sums s;
    memset(&s, 0, sizeof s);
    memset(&vt, 0, sizeof vt);
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    SQLHSTMT st = bench_stmt(b);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)(uintptr_t)select_sql, SQL_NTS),
                "select");
    for (;;) {
        SQLRETURN rc = SQLFetch(st);
        if (rc == SQL_NO_DATA)
            break;
        bench_check(SQL_HANDLE_STMT, st, rc, "SQLFetch");
        bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 1, SQL_C_SLONG, &vi, 0, &li), "get 1");
        bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 2, SQL_C_SBIGINT, &vb, 0, &lb), "get 2");
        bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 3, SQL_C_CHAR, vd, sizeof vd, &ld),
                    "get 3");
        bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 4, SQL_C_CHAR, vv, sizeof vv, &lv),
                    "get 4");
        bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 5, SQL_C_TYPE_TIMESTAMP, &vt, 0, &lt),
                    "get 5");
        s.sum_i += (uint64_t)vi;
        s.sum_b += (uint64_t)vb;
        s.sum_sec += vt.second;
        s.sum_len += (uint64_t)ld + (uint64_t)lv;
        s.rows++;
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_mark_now(b, &z);
    bench_report("fetch SQLGetData per cell", &a, &z, s.rows);
    expect_sums("getdata", &s);
}

int main(int argc, char **argv)
{
    n_rows = bench_arg_count(argc, argv, 1, 1000000ul);
    const char *mode = argc > 2 ? argv[2] : "all";
    SQLULEN rowset = (SQLULEN)bench_arg_count(argc, argv, 3, 1000ul);
    bool bound = strcmp(mode, "all") == 0 || strcmp(mode, "bound") == 0;
    bool getdata = strcmp(mode, "all") == 0 || strcmp(mode, "getdata") == 0;
    if (!bound && !getdata) {
        fprintf(stderr, "usage: bench_odbc_fetch [rows] [all|bound|getdata] [rowset]\n");
        return 2;
    }
    struct bench_ctx b;
    const char *extra = getenv("BENCH_CONNSTR_EXTRA");
    bench_start(&b, extra);
    populate(&b);
    if (bound)
        fetch_bound(&b, rowset);
    if (getdata)
        fetch_getdata(&b);
    bench_stop(&b);
    return 0;
}
