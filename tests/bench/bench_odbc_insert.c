/* SPDX-License-Identifier: MIT */
/* bench_odbc_insert.c - end-to-end insert throughput through the unixODBC
 * driver manager, libifxodbc.so and a private ifxlite: ROWS rows of INTEGER,
 * BIGINT, DECIMAL(12,2), VARCHAR(20), DATETIME YEAR TO SECOND with column-wise
 * parameter arrays (SQL_ATTR_PARAMSET_SIZE = BATCH, one prepared INSERT) in one
 * transaction; then AC_ROWS single-row inserts with autocommit ON against the
 * same in one transaction (autocommit OFF), as a ratio. The array insert runs
 * twice: with the connection's PipelineDepth (default 256 groups in flight)
 * and again on a connection with PipelineDepth=1 (one round trip per
 * parameter set), and the speed-up is printed. Prints rows/s, wall,
 * client CPU (getrusage) and ifxlite CPU (/proc), and checks the table.
 * Usage: bench_odbc_insert [rows=100000] [ac_rows=10000] [batch=1000] */
#include "bench_odbc_common.h"

#define DEC_LEN 24
#define VC_LEN 24

/* Column-wise parameter buffers for up to cap rows. */
struct pbuf {
    size_t cap;
    SQLINTEGER *i;
    SQLBIGINT *b;
    char *d;
    char *v;
    SQL_TIMESTAMP_STRUCT *t;
    SQLLEN *len_d;
    SQLLEN *len_v;
    SQLUSMALLINT *status;
};

static void pbuf_init(struct pbuf *p, size_t cap)
{
    p->cap = cap;
    p->i = calloc(cap, sizeof *p->i);
    p->b = calloc(cap, sizeof *p->b);
    p->d = calloc(cap, DEC_LEN);
    p->v = calloc(cap, VC_LEN);
    p->t = calloc(cap, sizeof *p->t);
    p->len_d = calloc(cap, sizeof *p->len_d);
    p->len_v = calloc(cap, sizeof *p->len_v);
    p->status = calloc(cap, sizeof *p->status);
    if (!p->i || !p->b || !p->d || !p->v || !p->t || !p->len_d || !p->len_v || !p->status) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
}

static void pbuf_free(struct pbuf *p)
{
    free(p->i);
    free(p->b);
    free(p->d);
    free(p->v);
    free(p->t);
    free(p->len_d);
    free(p->len_v);
    free(p->status);
}

/* Row k (1-based) at slot j: the same values bench_odbc_fetch generates. */
static void pbuf_fill(struct pbuf *p, size_t j, unsigned long k)
{
    p->i[j] = (SQLINTEGER)k;
    p->b[j] = (SQLBIGINT)k * 1000003;
    p->len_d[j] = snprintf(p->d + j * DEC_LEN, DEC_LEN, "%lu.%lu", k % 100000, k % 90 + 10);
    p->len_v[j] = snprintf(p->v + j * VC_LEN, VC_LEN, "row%lu", k);
    SQL_TIMESTAMP_STRUCT *t = &p->t[j];
    t->year = 2024;
    t->month = 1;
    t->day = 2;
    t->hour = 3;
    t->minute = (SQLUSMALLINT)(k % 50 + 10);
    t->second = (SQLUSMALLINT)(k % 49 + 10);
    t->fraction = 0;
}

/* Prepare "insert into <table> values (?,?,?,?,?)" with the buffers bound
 * column-wise and a parameter set size of n. */
static SQLHSTMT prepare_insert(struct bench_ctx *b, const char *table, struct pbuf *p, size_t n,
                               SQLULEN *processed)
{
    SQLHSTMT st = bench_stmt(b);
    char sql[128];
    snprintf(sql, sizeof sql, "insert into %s values (?, ?, ?, ?, ?)", table);
    bench_check(SQL_HANDLE_STMT, st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), "SQLPrepare");
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)SQL_PARAM_BIND_BY_COLUMN,
                               0),
                "PARAM_BIND_TYPE");
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(uintptr_t)n, 0),
                "PARAMSET_SIZE");
    bench_check(SQL_HANDLE_STMT, st, SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, p->status, 0),
                "PARAM_STATUS_PTR");
    bench_check(SQL_HANDLE_STMT, st,
                SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, processed, 0),
                "PARAMS_PROCESSED_PTR");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, p->i, 0,
                                 NULL),
                "bind 1");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, p->b, 0,
                                 NULL),
                "bind 2");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_DECIMAL, 12, 2, p->d,
                                 DEC_LEN, p->len_d),
                "bind 3");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, p->v,
                                 VC_LEN, p->len_v),
                "bind 4");
    bench_check(SQL_HANDLE_STMT, st,
                SQLBindParameter(st, 5, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
                                 19, 0, p->t, 0, NULL),
                "bind 5");
    return st;
}

/* Execute the prepared statement for rows first..first+n-1 (n <= p->cap). */
static void exec_sets(SQLHSTMT st, struct pbuf *p, unsigned long first, size_t n,
                      const SQLULEN *processed)
{
    for (size_t j = 0; j < n; j++)
        pbuf_fill(p, j, first + j);
    if (n != p->cap)
        bench_check(SQL_HANDLE_STMT, st,
                    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(uintptr_t)n, 0),
                    "PARAMSET_SIZE");
    SQLRETURN rc = SQLExecute(st);
    bench_check(SQL_HANDLE_STMT, st, rc, "SQLExecute");
    if (*processed != n) {
        fprintf(stderr, "SQLExecute: %lu sets processed, want %zu\n", (unsigned long)*processed,
                n);
        exit(1);
    }
    for (size_t j = 0; j < n; j++) {
        if (p->status[j] != SQL_PARAM_SUCCESS) {
            fprintf(stderr, "set %zu: status %u\n", j, (unsigned)p->status[j]);
            odbc_dump_diag(SQL_HANDLE_STMT, st);
            exit(1);
        }
    }
}

/* Fail unless the table holds rows 1..n (count, sum(i), sum(b)), all committed:
 * checked after a rollback of whatever is pending. */
static void expect_table(struct bench_ctx *b, const char *table, unsigned long n)
{
    SQLHSTMT st = bench_stmt(b);
    char sql[160];
    snprintf(sql, sizeof sql, "select count(*), sum(i), sum(b), sum(length(v)) from %s", table);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), sql);
    bench_check(SQL_HANDLE_STMT, st, SQLFetch(st), "SQLFetch");
    SQLBIGINT cnt = 0, si = 0, sb = 0, sl = 0;
    SQLLEN l0, l1, l2, l3;
    bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 1, SQL_C_SBIGINT, &cnt, 0, &l0), "count");
    bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 2, SQL_C_SBIGINT, &si, 0, &l1), "sum(i)");
    bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 3, SQL_C_SBIGINT, &sb, 0, &l2), "sum(b)");
    bench_check(SQL_HANDLE_STMT, st, SQLGetData(st, 4, SQL_C_SBIGINT, &sl, 0, &l3), "sum(len)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    uint64_t want = (uint64_t)n * (n + 1) / 2;
    if ((uint64_t)cnt != n || (uint64_t)si != want || (uint64_t)sb != want * 1000003u ||
        sl <= 0) {
        fprintf(stderr, "%s: count %lld (want %lu), sum(i) %lld (want %llu), sum(b) %lld\n",
                table, (long long)cnt, n, (long long)si, (unsigned long long)want,
                (long long)sb);
        exit(1);
    }
}

static void create_table(struct bench_ctx *b, const char *table)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "create table %s (i integer, b bigint, d decimal(12,2), v varchar(20), "
             "t datetime year to second)",
             table);
    bench_exec(b, sql);
}

/* n rows in batches of `batch` parameter sets; autocommit as given (off: one
 * transaction, committed inside the timing). Returns the wall seconds. */
static double run_insert(struct bench_ctx *b, const char *label, const char *table,
                         unsigned long n, size_t batch, bool autocommit)
{
    create_table(b, table);
    bench_autocommit(b, autocommit);
    struct pbuf p;
    pbuf_init(&p, batch);
    SQLULEN processed = 0;
    struct bench_mark a, z;
    bench_mark_now(b, &a);
    SQLHSTMT st = prepare_insert(b, table, &p, batch, &processed);
    for (unsigned long done = 0; done < n;) {
        size_t k = n - done < batch ? (size_t)(n - done) : batch;
        exec_sets(st, &p, done + 1, k, &processed);
        done += k;
    }
    if (!autocommit)
        bench_commit(b);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_mark_now(b, &z);
    bench_autocommit(b, true);
    char full[96];
    snprintf(full, sizeof full, "%s batch=%zu", label, batch);
    bench_report(full, &a, &z, n);
    expect_table(b, table, n);
    pbuf_free(&p);
    return z.wall - a.wall;
}

/* Reconnect the benchmark's dbc with extra appended to the base connection
 * string (same server). */
static void reconnect(struct bench_ctx *b, const char *base, const char *extra)
{
    SQLDisconnect(b->dbc);
    char cs[sizeof b->env.connstr];
    snprintf(cs, sizeof cs, "%s%s", base, extra);
    bench_check(SQL_HANDLE_DBC, b->dbc,
                SQLDriverConnect(b->dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL,
                                 SQL_DRIVER_NOPROMPT),
                "SQLDriverConnect");
}

int main(int argc, char **argv)
{
    unsigned long rows = bench_arg_count(argc, argv, 1, 100000ul);
    unsigned long ac_rows = bench_arg_count(argc, argv, 2, 10000ul);
    size_t batch = (size_t)bench_arg_count(argc, argv, 3, 1000ul);
    struct bench_ctx b;
    bench_start(&b, getenv("BENCH_CONNSTR_EXTRA"));

    double piped = run_insert(&b, "insert array, 1 txn", "bi_main", rows, batch, false);
    char base[sizeof b.env.connstr];
    snprintf(base, sizeof base, "%s", b.env.connstr);
    reconnect(&b, base, "PipelineDepth=1;");
    double single = run_insert(&b, "insert array, 1 txn, PipelineDepth=1", "bi_main_d1", rows,
                               batch, false);
    printf("array insert PipelineDepth=1 / connection's depth wall ratio: %.2fx\n",
           piped > 0 ? single / piped : 0.0);
    reconnect(&b, base, "");

    /* The autocommit lesson: the same single-row inserts, one transaction per
     * row (autocommit ON) against all in one (autocommit OFF). */
    double on = run_insert(&b, "insert 1 row/exec, AC on", "bi_ac_on", ac_rows, 1, true);
    double off = run_insert(&b, "insert 1 row/exec, AC off", "bi_ac_off", ac_rows, 1, false);
    double arr_on = run_insert(&b, "insert array, AC on", "bi_arr_on", ac_rows, batch, true);
    double arr_off = run_insert(&b, "insert array, AC off", "bi_arr_off", ac_rows, batch, false);
    printf("autocommit ON / OFF wall ratio (%lu rows): single-row execs %.2fx, arrays %.2fx\n",
           ac_rows, off > 0 ? on / off : 0.0, arr_off > 0 ? arr_on / arr_off : 0.0);
    bench_stop(&b);
    return 0;
}
