/* SPDX-License-Identifier: MIT */
/* bench_odbc_lob.c - a BYTE, TEXT, BLOB and CLOB value of N MiB (default 100)
 * each in and out through the DM (as SQL_C_BINARY: the stored bytes): inserted twice with SQLPutData pieces of 256 KiB made on the fly
 * (SQL_LEN_DATA_AT_EXEC: streamed; SQL_DATA_AT_EXEC: spooled to a temporary
 * file), both read back with SQLGetData pieces of 256 KiB and checked
 * byte for byte. Reports MB/s both ways and the client's peak RSS (VmHWM)
 * above its baseline after connecting; fails (exit 1) when the value does not
 * round-trip or the peak grows by 32 MiB or more: neither direction may hold
 * the value in memory. Usage: bench_odbc_lob [MiB] */
#include "bench_odbc_common.h"

#define PIECE (256u * 1024u)
#define RSS_LIMIT_KB (32u * 1024u)

static long status_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, fl) == 0 && line[fl] == ':')
            v = strtol(line + fl + 1, NULL, 10);
    fclose(f);
    return v;
}

/* Byte k of the value: cheap to make and to check, no period near 2^8. */
static void fill(uint8_t *p, uint64_t off, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint64_t i = off + k;
        p[k] = (uint8_t)(i * 131u + (i >> 9) + (i >> 17));
    }
}

/* One column type: in twice, out twice. False when the value does not
 * round-trip; *hwm gets the peak VmHWM seen. */
static bool run(struct bench_ctx *b, const char *type, uint64_t total, unsigned long mib,
                uint8_t *piece, uint8_t *want, long base, long *hwm)
{
    char sql[96];
    snprintf(sql, sizeof sql, "CREATE TABLE lob_bench_%s (id INTEGER, b %s)", type, type);
    bench_exec(b, sql);
    /* in: data at execution, id 1 with the length declared (BYTE: streamed
     * to the wire), id 2 without (spooled to a temporary file first); a BLOB
     * is always spooled, then read by the server through filetoblob */
    struct bench_mark a, z;
    SQLRETURN rc;
    for (int id = 1; id <= 2; id++) {
        SQLHSTMT st = bench_stmt(b);
        snprintf(sql, sizeof sql, "INSERT INTO lob_bench_%s VALUES (%d, ?)", type, id);
        bench_check(SQL_HANDLE_STMT, st, SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), "SQLPrepare");
        SQLLEN len = id == 1 ? SQL_LEN_DATA_AT_EXEC((SQLLEN)total) : SQL_DATA_AT_EXEC;
        bench_check(SQL_HANDLE_STMT, st,
                    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY,
                                     (SQLULEN)total, 0, (SQLPOINTER)1, 0, &len),
                    "SQLBindParameter");
        bench_mark_now(b, &a);
        rc = SQLExecute(st);
        if (rc != SQL_NEED_DATA)
            bench_check(SQL_HANDLE_STMT, st, SQL_ERROR, "SQLExecute (expected SQL_NEED_DATA)");
        SQLPOINTER token;
        while ((rc = SQLParamData(st, &token)) == SQL_NEED_DATA) {
            for (uint64_t off = 0; off < total; off += PIECE) {
                size_t n = total - off < PIECE ? (size_t)(total - off) : PIECE;
                fill(piece, off, n);
                bench_check(SQL_HANDLE_STMT, st, SQLPutData(st, piece, (SQLLEN)n), "SQLPutData");
            }
        }
        bench_check(SQL_HANDLE_STMT, st, rc, "SQLParamData");
        bench_mark_now(b, &z);
        double in_s = z.wall - a.wall;
        long h = status_kb("VmHWM");
        printf("%s in (%s): %lu MiB in %.3f s = %.1f MB/s (client cpu %.3f s, server cpu %.3f s), "
               "VmHWM +%ld kB\n",
               type, id == 1 ? "SQL_LEN_DATA_AT_EXEC" : "SQL_DATA_AT_EXEC", mib, in_s,
               (double)total / 1e6 / in_s, z.cpu_client - a.cpu_client, z.cpu_server - a.cpu_server,
               h - base);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }

    /* out: SQLGetData pieces, checked */
    SQLHSTMT st = bench_stmt(b);
    bench_mark_now(b, &a);
    snprintf(sql, sizeof sql, "SELECT b FROM lob_bench_%s ORDER BY id", type);
    bench_check(SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), "SELECT");
    uint64_t got = 0;
    bool bad = false;
    for (int row = 0; row < 2; row++) {
        bench_check(SQL_HANDLE_STMT, st, SQLFetch(st), "SQLFetch");
        uint64_t vgot = 0;
        for (;;) {
            SQLLEN ind = 0;
            rc = SQLGetData(st, 1, SQL_C_BINARY, piece, PIECE, &ind);
            if (rc == SQL_NO_DATA)
                break;
            bench_check(SQL_HANDLE_STMT, st, rc, "SQLGetData");
            size_t n = rc == SQL_SUCCESS ? (size_t)ind : PIECE;
            if (ind != (SQLLEN)(total - vgot))
                bad = true;
            fill(want, vgot, n);
            if (memcmp(piece, want, n) != 0)
                bad = true;
            vgot += n;
        }
        if (vgot != total)
            bad = true;
        got += vgot;
    }
    bench_mark_now(b, &z);
    double out_s = z.wall - a.wall;
    *hwm = status_kb("VmHWM");
    printf("%s out: 2 x %lu MiB in %.3f s = %.1f MB/s (client cpu %.3f s, server cpu %.3f s), "
           "VmHWM +%ld kB\n",
           type, mib, out_s, 2.0 * (double)total / 1e6 / out_s, z.cpu_client - a.cpu_client,
           z.cpu_server - a.cpu_server, *hwm - base);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    if (bad || got != 2 * total) {
        fprintf(stderr, "%s value did not round-trip (%llu of %llu bytes)\n", type,
                (unsigned long long)got, (unsigned long long)(2 * total));
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    unsigned long mib = bench_arg_count(argc, argv, 1, 100);
    uint64_t total = (uint64_t)mib << 20;
    struct bench_ctx b;
    bench_start(&b, NULL);
    uint8_t *piece = malloc(PIECE), *want = malloc(PIECE);
    if (!piece || !want)
        return 1;
    fill(piece, 0, PIECE); /* touch both buffers before the baseline */
    fill(want, 0, PIECE);
    long base = status_kb("VmHWM");
    printf("baseline VmHWM %ld kB (VmRSS %ld kB)\n", base, status_kb("VmRSS"));
    long hwm = base;
    static const char *const types[] = {"BYTE", "TEXT", "BLOB", "CLOB"};
    bool ok = true;
    for (size_t t = 0; ok && t < sizeof types / sizeof types[0]; t++)
        ok = run(&b, types[t], total, mib, piece, want, base, &hwm);
    bench_stop(&b);
    free(piece);
    free(want);
    if (!ok)
        return 1;
    if (hwm - base >= (long)RSS_LIMIT_KB) {
        fprintf(stderr, "peak RSS grew by %ld kB (limit %u kB)\n", hwm - base, RSS_LIMIT_KB);
        return 1;
    }
    printf("peak RSS above baseline: %.1f MiB (limit 32 MiB)\n", (double)(hwm - base) / 1024);
    return 0;
}
