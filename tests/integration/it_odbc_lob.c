/* SPDX-License-Identifier: MIT */
/* it_odbc_lob.c - BYTE/TEXT and BLOB/CLOB through the driver manager: bound-buffer and
 * data-at-execution inserts (streamed with SQL_LEN_DATA_AT_EXEC, collected
 * without), chunked SQLGetData as binary, hex, UTF-8 and UTF-16 with exact
 * remaining lengths or SQL_NO_TOTAL, bound columns, NULLs, length mismatch
 * (22026), a stream interrupted by another statement, -611 for a scroll
 * cursor. Sizes 0, 1, 4095, 4096, 4097 and 1 MiB. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "odbc_fixture.h"

static const size_t sizes[] = {0, 1, 4095, 4096, 4097, 1u << 20};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static uint8_t *pattern(size_t n, unsigned seed, bool text)
{
    uint8_t *p = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(p);
    uint32_t x = seed * 2654435761u + 7;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = text ? (uint8_t)('a' + (x >> 16) % 26) : (uint8_t)(x >> 16);
    }
    return p;
}

/* Column types of the tests that run for both kinds of large object (loop
 * tests: _i 0 = BYTE/TEXT, 1 = BLOB/CLOB). */
static const char *const kinds[2][2] = {{"BYTE", "TEXT"}, {"BLOB", "CLOB"}};
static int cur_kind;

static void create(SQLHSTMT st, const char *name)
{
    char sql[200];
    snprintf(sql, sizeof sql, "DROP TABLE %s", name);
    (void)SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS); /* the other kind's run */
    snprintf(sql, sizeof sql, "CREATE TABLE %s (id INTEGER, b %s, t %s)", name,
             kinds[cur_kind][0], kinds[cur_kind][1]);
    fx_exec_ok(st, sql);
}

/* Insert (id, b, t) with bound buffers (NULL pointers insert NULLs). */
static void insert_bound(SQLHSTMT st, const char *table, int id, const void *b, size_t bn,
                         const void *t, size_t tn)
{
    char sql[200];
    snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (?, ?, ?)", table);
    uint8_t *bc = malloc(bn + 1), *tc = malloc(tn + 1);
    ck_assert(bc && tc);
    if (bn)
        memcpy(bc, b, bn);
    if (tn)
        memcpy(tc, t, tn);
    SQLINTEGER idv = id;
    SQLLEN bl = b ? (SQLLEN)bn : SQL_NULL_DATA, tl = t ? (SQLLEN)tn : SQL_NULL_DATA, il = 0;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &idv, 0, &il));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, bn, 0, bc,
                            (SQLLEN)bn, &bl));
    OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, tn, 0, tc,
                            (SQLLEN)tn, &tl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
    SQLLEN rows = 0;
    OK(st, SQLRowCount(st, &rows));
    ck_assert_int_eq(rows, 1);
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    free(bc);
    free(tc);
}

/* Read column col of the current row with SQLGetData in pieces of `piece`
 * bytes of C type c_type, checking each remaining length. Returns the bytes
 * (without terminators); *null for SQL_NULL_DATA. */
static uint8_t *get_all(SQLHSTMT st, SQLUSMALLINT col, SQLSMALLINT c_type, size_t piece,
                        size_t expect_total, bool exact_ind, size_t *len, bool *null)
{
    size_t term = c_type == SQL_C_CHAR ? 1 : c_type == SQL_C_WCHAR ? 2 : 0;
    size_t cap = expect_total + 16, n = 0;
    uint8_t *out = malloc(cap);
    uint8_t *buf = malloc(piece + term);
    ck_assert(out && buf);
    *null = false;
    for (int calls = 0;; calls++) {
        SQLLEN ind = -12345;
        SQLRETURN rc = SQLGetData(st, col, c_type, buf, (SQLLEN)(piece + term), &ind);
        if (rc == SQL_NO_DATA) {
            ck_assert_msg(calls > 0, "SQL_NO_DATA on the first call");
            break;
        }
        if (rc == SQL_ERROR)
            odbc_dump_diag(SQL_HANDLE_STMT, st);
        ck_assert(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        if (ind == SQL_NULL_DATA) {
            *null = true;
            break;
        }
        size_t got;
        if (rc == SQL_SUCCESS_WITH_INFO) {
            fx_expect_state(st, 1, "01004");
            if (exact_ind)
                ck_assert_int_eq(ind, (SQLLEN)(expect_total - n));
            else
                ck_assert(ind == SQL_NO_TOTAL || ind > (SQLLEN)piece);
            got = piece;
            if (c_type == SQL_C_CHAR && exact_ind && expect_total != (size_t)-1) {
                /* hex pieces are whole bytes: piece rounded down to even */
            }
            /* find the real piece length from the terminator for text */
            if (term) {
                got = 0;
                if (term == 1)
                    got = strnlen((char *)buf, piece);
                else
                    while (got + 1 < piece && (buf[got] || buf[got + 1]))
                        got += 2;
            }
        } else {
            ck_assert_int_ge(ind, 0);
            if (exact_ind)
                ck_assert_int_eq(ind, (SQLLEN)(expect_total - n));
            got = (size_t)ind;
            ck_assert_uint_le(got, piece);
        }
        ck_assert_uint_le(n + got, cap);
        memcpy(out + n, buf, got);
        n += got;
        if (rc == SQL_SUCCESS) {
            ck_assert_int_eq(SQLGetData(st, col, c_type, buf, (SQLLEN)(piece + term), &ind),
                             SQL_NO_DATA);
            break;
        }
    }
    free(buf);
    *len = n;
    return out;
}

START_TEST(bound_insert_and_chunked_getdata_every_size)
{
    cur_kind = _i;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb1");
    for (size_t i = 0; i < NSIZES; i++) {
        uint8_t *b = pattern(sizes[i], (unsigned)i, false);
        uint8_t *t = pattern(sizes[i], (unsigned)i + 50, true);
        insert_bound(st, "lb1", (int)i, b, sizes[i], t, sizes[i]);
        free(b);
        free(t);
    }
    insert_bound(st, "lb1", 100, NULL, 0, NULL, 0);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id, b, t FROM lb1 ORDER BY id", SQL_NTS));
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    OK(st, SQLDescribeCol(st, 2, NULL, 0, NULL, &type, &size, NULL, NULL));
    ck_assert_int_eq(type, SQL_LONGVARBINARY);
    OK(st, SQLDescribeCol(st, 3, NULL, 0, NULL, &type, &size, NULL, NULL));
    ck_assert_int_eq(type, SQL_LONGVARCHAR);
    for (size_t i = 0; i < NSIZES; i++) {
        OK(st, SQLFetch(st));
        size_t n;
        bool null;
        uint8_t *want = pattern(sizes[i], (unsigned)i, false);
        uint8_t *got = get_all(st, 2, SQL_C_BINARY, 1000, sizes[i], true, &n, &null);
        ck_assert(!null);
        ck_assert_uint_eq(n, sizes[i]);
        ck_assert(memcmp(got, want, n) == 0);
        free(got);
        free(want);
        want = pattern(sizes[i], (unsigned)i + 50, true);
        got = get_all(st, 3, SQL_C_CHAR, 777, sizes[i], true, &n, &null);
        ck_assert_uint_eq(n, sizes[i]);
        ck_assert(memcmp(got, want, n) == 0);
        free(got);
        free(want);
    }
    OK(st, SQLFetch(st));
    SQLLEN ind = 0;
    char c[8];
    OK(st, SQLGetData(st, 2, SQL_C_BINARY, c, sizeof c, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    OK(st, SQLGetData(st, 3, SQL_C_CHAR, c, sizeof c, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    /* back to column 2 without an indicator: 22002 */
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_BINARY, c, sizeof c, NULL), SQL_ERROR);
    fx_expect_state(st, 1, "22002");
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* Data at execution: declared lengths stream each SQLPutData piece to the
 * wire; SQL_DATA_AT_EXEC (no length) collects the value first. */
START_TEST(data_at_execution_streamed_and_collected)
{
    cur_kind = _i;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb2");
    OK(st, SQLPrepare(st, (SQLCHAR *)"INSERT INTO lb2 VALUES (?, ?, ?)", SQL_NTS));
    for (int mode = 0; mode < 2; mode++) {
        for (size_t i = 0; i < NSIZES; i++) {
            size_t n = sizes[i];
            uint8_t *b = pattern(n, (unsigned)i + 7, false);
            uint8_t *t = pattern(n, (unsigned)i + 70, true);
            SQLINTEGER idv = (SQLINTEGER)(mode * 100 + (int)i);
            SQLLEN il = 0;
            SQLLEN bl = mode == 0 ? SQL_LEN_DATA_AT_EXEC((SQLLEN)n) : SQL_DATA_AT_EXEC;
            SQLLEN tl = bl;
            OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &idv, 0,
                                    &il));
            OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, n, 0,
                                    (SQLPOINTER)2, 0, &bl));
            OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, n, 0,
                                    (SQLPOINTER)3, 0, &tl));
            EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
            SQLPOINTER token = NULL;
            int asked = 0;
            SQLRETURN rc;
            while ((rc = SQLParamData(st, &token)) == SQL_NEED_DATA) {
                const uint8_t *src = token == (SQLPOINTER)2 ? b : t;
                ck_assert(token == (SQLPOINTER)2 || token == (SQLPOINTER)3);
                asked++;
                size_t off = 0;
                do {
                    size_t k = n - off < 3333 ? n - off : 3333;
                    OK(st, SQLPutData(st, (uint8_t *)(uintptr_t)(src + off), (SQLLEN)k));
                    off += k;
                } while (off < n);
            }
            if (rc != SQL_SUCCESS)
                odbc_dump_diag(SQL_HANDLE_STMT, st);
            ck_assert_int_eq(rc, SQL_SUCCESS);
            ck_assert_int_eq(asked, 2);
            free(b);
            free(t);
        }
    }
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id, b, t FROM lb2 ORDER BY id", SQL_NTS));
    for (int mode = 0; mode < 2; mode++) {
        for (size_t i = 0; i < NSIZES; i++) {
            OK(st, SQLFetch(st));
            size_t n;
            bool null;
            uint8_t *want = pattern(sizes[i], (unsigned)i + 7, false);
            uint8_t *got = get_all(st, 2, SQL_C_BINARY, 65536, sizes[i], true, &n, &null);
            ck_assert_uint_eq(n, sizes[i]);
            ck_assert(memcmp(got, want, n) == 0);
            free(got);
            free(want);
            want = pattern(sizes[i], (unsigned)i + 70, true);
            got = get_all(st, 3, SQL_C_CHAR, 4096, sizes[i], true, &n, &null);
            ck_assert_uint_eq(n, sizes[i]);
            ck_assert(memcmp(got, want, n) == 0);
            free(got);
            free(want);
        }
    }
    OK(st, SQLCloseCursor(st));
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* Declared 100 bytes, 50 given: 22026 and nothing inserted; 150 given: 22026
 * at SQLPutData. The connection stays usable. */
START_TEST(declared_length_mismatch_is_22026)
{
    cur_kind = 0;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb3");
    OK(st, SQLPrepare(st, (SQLCHAR *)"INSERT INTO lb3 (id, b) VALUES (1, ?)", SQL_NTS));
    uint8_t data[200];
    memset(data, 0xAB, sizeof data);
    SQLLEN bl = SQL_LEN_DATA_AT_EXEC(100);
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, 100, 0,
                            (SQLPOINTER)1, 0, &bl));
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    SQLPOINTER token;
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    OK(st, SQLPutData(st, data, 50));
    EXPECT_RC(st, SQLParamData(st, &token), SQL_ERROR);
    fx_expect_state(st, 1, "22026");
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    OK(st, SQLPutData(st, data, 90));
    EXPECT_RC(st, SQLPutData(st, data, 60), SQL_ERROR);
    fx_expect_state(st, 1, "22026");
    SQLHSTMT q = fx_new_stmt();
    OK(q, SQLExecDirect(q, (SQLCHAR *)"SELECT COUNT(*) FROM lb3", SQL_NTS));
    OK(q, SQLFetch(q));
    SQLINTEGER cnt = -1;
    OK(q, SQLGetData(q, 1, SQL_C_SLONG, &cnt, 0, NULL));
    ck_assert_int_eq(cnt, 0);
    OK(q, SQLFreeHandle(SQL_HANDLE_STMT, q));
    /* Another statement while a value is half sent: refused with a clear
     * state, the stream is not disturbed. */
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    OK(st, SQLPutData(st, data, 40));
    SQLHSTMT q2 = fx_new_stmt();
    EXPECT_RC(q2, SQLExecDirect(q2, (SQLCHAR *)"SELECT COUNT(*) FROM lb3", SQL_NTS), SQL_ERROR);
    SQLCHAR state[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[300];
    SQLSMALLINT ml;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, q2, 1, state, &nat, msg, sizeof msg, &ml),
                     SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)state, "HY010") == 0, "state %s (%s)", state, msg);
    OK(q2, SQLFreeHandle(SQL_HANDLE_STMT, q2));
    OK(st, SQLPutData(st, data, 60));
    OK(st, SQLParamData(st, &token));
    /* SQLCancel in the middle of a streamed value leaves the link usable. */
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    OK(st, SQLPutData(st, data, 30));
    OK(st, SQLCancel(st));
    fx_exec_ok(st, "INSERT INTO lb3 (id) VALUES (2)");
    SQLHSTMT q3 = fx_new_stmt();
    OK(q3, SQLExecDirect(q3, (SQLCHAR *)"SELECT COUNT(*) FROM lb3 WHERE b IS NOT NULL", SQL_NTS));
    OK(q3, SQLFetch(q3));
    OK(q3, SQLGetData(q3, 1, SQL_C_SLONG, &cnt, 0, NULL));
    ck_assert_int_eq(cnt, 1); /* the 100 bytes given after the refused statement */
    OK(q3, SQLFreeHandle(SQL_HANDLE_STMT, q3));
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* BYTE as hex (SQL_C_CHAR, SQL_C_WCHAR), TEXT as UTF-16 with multi-byte
 * characters across chunk boundaries (SQL_NO_TOTAL until the end). */
START_TEST(hex_and_wide_conversions)
{
    cur_kind = _i;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb4");
    uint8_t bin[3] = {0x00, 0xAB, 0xFF};
    /* 40000 x "é😀" (2 + 4 UTF-8 bytes): sequences straddle the 32000-byte chunks */
    size_t reps = 40000, tn = reps * 6;
    uint8_t *txt = malloc(tn);
    for (size_t i = 0; i < reps; i++)
        memcpy(txt + 6 * i, "\xC3\xA9\xF0\x9F\x98\x80", 6);
    insert_bound(st, "lb4", 1, bin, 3, txt, tn);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT b, t, b FROM lb4", SQL_NTS));
    OK(st, SQLFetch(st));
    char hex[16];
    SQLLEN ind = 0;
    /* 5 bytes of room: 4 hex digits (2 whole bytes) + NUL, then the rest */
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_CHAR, hex, 5, &ind), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(ind, 6);
    ck_assert_str_eq(hex, "00AB");
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, hex, sizeof hex, &ind));
    ck_assert_int_eq(ind, 2);
    ck_assert_str_eq(hex, "FF");
    /* room for one digit per call: 00 AB FF as six calls */
    {
        SQLLEN want = 6;
        char one[2];
        const char *digits = "00ABFF";
        for (int k = 0; k < 6; k++) {
            SQLRETURN rc = SQLGetData(st, 3, SQL_C_CHAR, one, sizeof one, &ind);
            ck_assert_int_eq(rc, k < 5 ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS);
            ck_assert_int_eq(ind, want - k);
            ck_assert_int_eq(one[0], digits[k]);
            ck_assert_int_eq(one[1], 0);
        }
        EXPECT_RC(st, SQLGetData(st, 3, SQL_C_CHAR, one, sizeof one, &ind), SQL_NO_DATA);
    }
    /* wide text: pieces of 1001 bytes of room -> 500 units at most */
    size_t units = 0, calls = 0;
    SQLWCHAR w[501];
    for (;;) {
        SQLRETURN rc = SQLGetData(st, 2, SQL_C_WCHAR, w, sizeof w, &ind);
        if (rc == SQL_NO_DATA)
            break;
        ck_assert(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        size_t k = 0;
        while (w[k])
            k++;
        for (size_t j = 0; j < k;) {
            size_t pos = (units + j) % 3;
            if (pos == 0)
                ck_assert_uint_eq(w[j], 0xE9);
            else if (pos == 1)
                ck_assert_uint_eq(w[j], 0xD83D);
            else
                ck_assert_uint_eq(w[j], 0xDE00);
            j++;
        }
        if (rc == SQL_SUCCESS_WITH_INFO)
            ck_assert_int_eq(ind, SQL_NO_TOTAL);
        else
            ck_assert_int_eq(ind, (SQLLEN)(k * 2));
        units += k;
        calls++;
    }
    ck_assert_uint_eq(units, reps * 3);
    ck_assert_uint_gt(calls, 100);
    /* the same BYTE again (column 3) as wide hex */
    SQLWCHAR wh[8];
    OK(st, SQLGetData(st, 3, SQL_C_WCHAR, wh, sizeof wh, &ind));
    ck_assert_int_eq(ind, 12);
    ck_assert_uint_eq(wh[0], '0');
    ck_assert_uint_eq(wh[3], 'B');
    ck_assert_uint_eq(wh[5], 'F');
    ck_assert_uint_eq(wh[6], 0);
    /* an integer target is 07006 */
    SQLINTEGER iv;
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_SLONG, &iv, 0, &ind), SQL_ERROR);
    fx_expect_state(st, 1, "07006");
    OK(st, SQLCloseCursor(st));
    free(txt);
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* Bound columns: one piece each row (01004 and the full length when it does
 * not fit); a half-read value survives another statement on the connection. */
START_TEST(bound_columns_and_interrupted_stream)
{
    cur_kind = _i;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb5");
    uint8_t *b = pattern(100000, 3, false);
    insert_bound(st, "lb5", 1, b, 100000, (const uint8_t *)"short", 5);
    insert_bound(st, "lb5", 2, b, 10, (const uint8_t *)"", 0);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT id, b, t FROM lb5 ORDER BY id", SQL_NTS));
    uint8_t bb[64];
    char tb[64];
    SQLLEN bi = 0, ti = 0;
    OK(st, SQLBindCol(st, 2, SQL_C_BINARY, bb, sizeof bb, &bi));
    OK(st, SQLBindCol(st, 3, SQL_C_CHAR, tb, sizeof tb, &ti));
    EXPECT_RC(st, SQLFetch(st), SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01004");
    ck_assert_int_eq(bi, 100000);
    ck_assert(memcmp(bb, b, sizeof bb) == 0);
    ck_assert_int_eq(ti, 5);
    ck_assert_str_eq(tb, "short");
    /* a length query (buffer length 0) reads nothing */
    SQLLEN ind = 0;
    uint8_t part[1000];
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_BINARY, part, 0, &ind), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(ind, 100000);
    /* SQLGetData of the bound column starts from the beginning */
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_BINARY, part, sizeof part, &ind), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(ind, 100000);
    ck_assert(memcmp(part, b, sizeof part) == 0);
    /* another statement on the same connection in the middle */
    SQLHSTMT q = fx_new_stmt();
    OK(q, SQLExecDirect(q, (SQLCHAR *)"SELECT COUNT(*) FROM lb5", SQL_NTS));
    OK(q, SQLFetch(q));
    OK(q, SQLFreeHandle(SQL_HANDLE_STMT, q));
    size_t off = sizeof part;
    for (;;) {
        SQLRETURN rc = SQLGetData(st, 2, SQL_C_BINARY, part, sizeof part, &ind);
        if (rc == SQL_NO_DATA)
            break;
        ck_assert(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        ck_assert_int_eq(ind, (SQLLEN)(100000 - off));
        size_t k = rc == SQL_SUCCESS ? (size_t)ind : sizeof part;
        ck_assert(memcmp(part, b + off, k) == 0);
        off += k;
    }
    ck_assert_uint_eq(off, 100000);
    OK(st, SQLFetch(st));
    ck_assert_int_eq(bi, 10);
    ck_assert(memcmp(bb, b, 10) == 0);
    ck_assert_int_eq(ti, 0);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLCloseCursor(st));
    free(b);
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* A scroll cursor cannot select BYTE/TEXT (Informix -611 at OPEN): the
 * driver substitutes a forward-only cursor with 01S02 (ODBC's "option value
 * changed" at execution), reports it through SQLGetStmtAttr, and the values
 * read as usual; applications that ask for STATIC by default (PHP's odbc)
 * keep working. The next execution asks for a scroll cursor again only if
 * the application sets it again. */
START_TEST(scroll_cursor_over_byte_becomes_forward_only)
{
    cur_kind = 0;
    SQLHSTMT st = fx_new_stmt();
    create(st, "lb6");
    insert_bound(st, "lb6", 1, "\x01\x02", 2, "hi", 2);
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT b, t FROM lb6", SQL_NTS),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S02");
    SQLULEN ct = 99;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &ct, 0, NULL));
    ck_assert_uint_eq(ct, SQL_CURSOR_FORWARD_ONLY);
    OK(st, SQLFetch(st));
    char buf[8];
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind));
    ck_assert_str_eq(buf, "hi");
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0), SQL_ERROR); /* forward-only now */
    fx_expect_state(st, 1, "HY106");
    OK(st, SQLCloseCursor(st));
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* BLOB/CLOB specifics (the loop tests above cover sizes, conversions, data
 * at execution and bound columns): NULLs both ways, UPDATE ... SET col = ?
 * (target found by describing), a declared length that the SQLPutData pieces
 * do not match (22026, nothing inserted), a lotofile of the application's
 * own asking for a client file the driver does not give (-9810, connection
 * usable), and an object read twice and after other statements. */
START_TEST(smart_lob_nulls_update_mismatch_and_client_files)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "CREATE TABLE lb7 (id INTEGER, bl BLOB, cl CLOB)");
    fx_exec_ok(st, "INSERT INTO lb7 (id) VALUES (1)");
    uint8_t data[3] = {1, 2, 3};
    SQLLEN dl = 3, nl = SQL_NULL_DATA;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, 3, 0, data, 3,
                            &dl));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 3, 0, data, 3,
                            &nl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lb7 (id, bl, cl) VALUES (2, ?, ?)", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    /* UPDATE: the target is found by describing; a CLOB from SQL_C_WCHAR */
    SQLWCHAR wtext[4] = {'x', 0xE9, 'z', 0};
    SQLLEN wl = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 3, 0, wtext,
                            sizeof wtext, &wl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"UPDATE lb7 SET cl = ? WHERE id = 1", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    /* the catalog and the type list name them */
    char names[200] = "";
    OK(st, SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"lb7", SQL_NTS, NULL, 0));
    while (SQLFetch(st) == SQL_SUCCESS) {
        char tn[32];
        SQLSMALLINT dt = 0;
        OK(st, SQLGetData(st, 6, SQL_C_CHAR, tn, sizeof tn, NULL));
        OK(st, SQLGetData(st, 5, SQL_C_SSHORT, &dt, 0, NULL));
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s:%d ", tn, (int)dt);
    }
    ck_assert_str_eq(names, "INTEGER:4 BLOB:-4 CLOB:-1 ");
    OK(st, SQLCloseCursor(st));
    names[0] = '\0';
    OK(st, SQLGetTypeInfo(st, SQL_LONGVARBINARY));
    while (SQLFetch(st) == SQL_SUCCESS) {
        char tn[32];
        OK(st, SQLGetData(st, 1, SQL_C_CHAR, tn, sizeof tn, NULL));
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s ", tn);
    }
    ck_assert_str_eq(names, "BYTE BLOB ");
    OK(st, SQLCloseCursor(st));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT bl, cl FROM lb7 ORDER BY id", SQL_NTS));
    SQLSMALLINT type = 0;
    OK(st, SQLDescribeCol(st, 1, NULL, 0, NULL, &type, NULL, NULL, NULL));
    ck_assert_int_eq(type, SQL_LONGVARBINARY);
    OK(st, SQLDescribeCol(st, 2, NULL, 0, NULL, &type, NULL, NULL, NULL));
    ck_assert_int_eq(type, SQL_LONGVARCHAR);
    OK(st, SQLFetch(st));
    char buf[16];
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 1, SQL_C_BINARY, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, 4); /* x, é in UTF-8, z */
    ck_assert_str_eq(buf, "x\xC3\xA9z");
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)); /* BLOB as hex */
    ck_assert_int_eq(ind, 6);
    ck_assert_str_eq(buf, "010203");
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLCloseCursor(st));
    /* declared 100 bytes, given 50: 22026 and nothing executed */
    OK(st, SQLPrepare(st, (SQLCHAR *)"INSERT INTO lb7 (id, bl) VALUES (3, ?)", SQL_NTS));
    SQLLEN bl = SQL_LEN_DATA_AT_EXEC(100);
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARBINARY, 100, 0,
                            (SQLPOINTER)1, 0, &bl));
    EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
    SQLPOINTER token;
    EXPECT_RC(st, SQLParamData(st, &token), SQL_NEED_DATA);
    uint8_t half[50];
    memset(half, 7, sizeof half);
    OK(st, SQLPutData(st, half, sizeof half));
    EXPECT_RC(st, SQLParamData(st, &token), SQL_ERROR);
    fx_expect_state(st, 1, "22026");
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    /* the application's own lotofile to a client file: refused (-9810) */
    EXPECT_RC(st,
              SQLExecDirect(st,
                            (SQLCHAR *)"SELECT lotofile(bl, '/tmp/ifxodbc_never', 'client') "
                                       "FROM lb7 WHERE id = 2",
                            SQL_NTS),
              SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "HY000", -9810);
    (void)SQLCloseCursor(st);
    SQLHSTMT q = fx_new_stmt();
    OK(q, SQLExecDirect(q, (SQLCHAR *)"SELECT COUNT(*) FROM lb7", SQL_NTS));
    OK(q, SQLFetch(q));
    SQLINTEGER cnt = -1;
    OK(q, SQLGetData(q, 1, SQL_C_SLONG, &cnt, 0, NULL));
    ck_assert_int_eq(cnt, 2);
    OK(q, SQLFreeHandle(SQL_HANDLE_STMT, q));
    /* a STATIC (scroll) cursor: BLOB is allowed where BYTE is -611 */
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT bl FROM lb7 ORDER BY id", SQL_NTS));
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 2));
    OK(st, SQLGetData(st, 1, SQL_C_BINARY, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, 3);
    ck_assert(memcmp(buf, data, 3) == 0);
    OK(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0));
    OK(st, SQLGetData(st, 1, SQL_C_BINARY, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    OK(st, SQLCloseCursor(st));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0));
    /* the same object read twice, with another statement in between */
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT bl FROM lb7 WHERE id = 2", SQL_NTS));
    OK(st, SQLFetch(st));
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_BINARY, buf, 2, &ind), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(ind, 3);
    q = fx_new_stmt();
    fx_exec_ok(q, "INSERT INTO lb7 (id) VALUES (4)");
    OK(q, SQLFreeHandle(SQL_HANDLE_STMT, q));
    OK(st, SQLGetData(st, 1, SQL_C_BINARY, buf + 2, 2, &ind));
    ck_assert_int_eq(ind, 1);
    ck_assert(memcmp(buf, data, 3) == 0);
    OK(st, SQLCloseCursor(st));
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* A NUL-terminated string over 65535 bytes bound as SQL_VARCHAR (no length,
 * no long SQL type) is measured and goes as TEXT/CLOB, not refused with
 * 22001. */
START_TEST(long_nts_string_goes_as_text)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "CREATE TABLE lb8 (id INTEGER, t TEXT, c CLOB)");
    size_t n = 100000;
    char *big = (char *)pattern(n + 1, 9, true);
    big[n] = '\0';
    SQLLEN nts = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, n, 0, big, 0, &nts));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, n, 0, big, 0, &nts));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lb8 VALUES (1, ?, ?)", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    /* UPDATE: the target is known only by describing, which the length asks for */
    fx_exec_ok(st, "INSERT INTO lb8 (id) VALUES (2)");
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, n, 0, big, 0, &nts));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, n, 0, big, 0, &nts));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"UPDATE lb8 SET t = ?, c = ? WHERE id = 2", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT t, c FROM lb8 ORDER BY id", SQL_NTS));
    for (int cell = 0; cell < 4; cell++) {
        SQLUSMALLINT col = (SQLUSMALLINT)(cell % 2 + 1);
        if (col == 1)
            OK(st, SQLFetch(st));
        size_t got_n;
        bool null;
        uint8_t *got = get_all(st, col, SQL_C_CHAR, 30000, n, true, &got_n, &null);
        ck_assert(!null);
        ck_assert_uint_eq(got_n, n);
        ck_assert(memcmp(got, big, n) == 0);
        free(got);
    }
    OK(st, SQLCloseCursor(st));
    free(big);
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* TEXT and CLOB hold any bytes: 0..255 (NULs included) as SQL_C_BINARY come
 * back unchanged (ifxlite once copied the value as a C string and returned
 * what followed its first NUL from uninitialised memory). */
START_TEST(text_and_clob_keep_every_byte)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "CREATE TABLE lb9 (id INTEGER, t TEXT, c CLOB)");
    uint8_t all[1024];
    for (size_t i = 0; i < sizeof all; i++)
        all[i] = (uint8_t)i;
    SQLLEN l1 = sizeof all, l2 = sizeof all;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARCHAR, sizeof all, 0,
                            all, sizeof all, &l1));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARCHAR, sizeof all, 0,
                            all, sizeof all, &l2));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lb9 VALUES (1, ?, ?)", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT t, c FROM lb9", SQL_NTS));
    OK(st, SQLFetch(st));
    for (SQLUSMALLINT col = 1; col <= 2; col++) {
        size_t n;
        bool null;
        uint8_t *got = get_all(st, col, SQL_C_BINARY, 300, sizeof all, true, &n, &null);
        ck_assert(!null);
        ck_assert_uint_eq(n, sizeof all);
        ck_assert_msg(memcmp(got, all, n) == 0, "column %u changed", (unsigned)col);
        free(got);
    }
    OK(st, SQLCloseCursor(st));
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

/* SQL_C_WCHAR data at execution for TEXT and CLOB: spooled as UTF-8 (not
 * collected in memory), with pieces of odd byte counts that cut code units
 * and surrogate pairs, with and without a declared length (counted in
 * UTF-16 bytes: 22026 when the pieces disagree). */
START_TEST(wide_data_at_execution_spooled)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "CREATE TABLE lb10 (id INTEGER, t TEXT, c CLOB)");
    /* 30000 x "aé€😀" = 5 UTF-16 units (10 bytes), 10 UTF-8 bytes each */
    size_t reps = 30000, wn = reps * 10, un = reps * 10;
    uint8_t *w = malloc(wn), *u = malloc(un);
    ck_assert(w && u);
    static const uint8_t w1[10] = {'a', 0, 0xE9, 0, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE};
    static const uint8_t u1[10] = {'a', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80};
    for (size_t r = 0; r < reps; r++) {
        memcpy(w + r * 10, w1, 10);
        memcpy(u + r * 10, u1, 10);
    }
    OK(st, SQLPrepare(st, (SQLCHAR *)"INSERT INTO lb10 VALUES (?, ?, ?)", SQL_NTS));
    for (int mode = 0; mode < 3; mode++) {
        SQLINTEGER id = mode;
        SQLLEN il = 0;
        SQLLEN len = mode == 0 ? SQL_LEN_DATA_AT_EXEC((SQLLEN)wn)
                     : mode == 1 ? SQL_DATA_AT_EXEC
                                 : SQL_LEN_DATA_AT_EXEC((SQLLEN)wn + 2); /* wrong */
        SQLLEN len2 = len;
        OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                                &il));
        OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WLONGVARCHAR, wn, 0,
                                (SQLPOINTER)2, 0, &len));
        OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WLONGVARCHAR, wn, 0,
                                (SQLPOINTER)3, 0, &len2));
        EXPECT_RC(st, SQLExecute(st), SQL_NEED_DATA);
        SQLPOINTER tok;
        SQLRETURN rc;
        while ((rc = SQLParamData(st, &tok)) == SQL_NEED_DATA)
            for (size_t off = 0; off < wn; off += 3331) /* odd: cuts units and pairs */
                OK(st, SQLPutData(st, w + off, (SQLLEN)(wn - off < 3331 ? wn - off : 3331)));
        if (mode == 2) {
            EXPECT_RC(st, rc, SQL_ERROR);
            fx_expect_state(st, 1, "22026");
            break;
        }
        if (rc != SQL_SUCCESS)
            odbc_dump_diag(SQL_HANDLE_STMT, st);
        ck_assert_int_eq(rc, SQL_SUCCESS);
    }
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT t, c FROM lb10 ORDER BY id", SQL_NTS));
    for (int row = 0; row < 2; row++) {
        OK(st, SQLFetch(st));
        for (SQLUSMALLINT col = 1; col <= 2; col++) {
            size_t n;
            bool null;
            uint8_t *got = get_all(st, col, SQL_C_BINARY, 7777, un, true, &n, &null);
            ck_assert_uint_eq(n, un);
            ck_assert(memcmp(got, u, un) == 0);
            free(got);
        }
    }
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLCloseCursor(st));
    free(w);
    free(u);
    OK(st, SQLFreeHandle(SQL_HANDLE_STMT, st));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_lob");
    TCase *tc = tcase_create("lob");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, bound_insert_and_chunked_getdata_every_size, 0, 2);
    tcase_add_loop_test(tc, data_at_execution_streamed_and_collected, 0, 2);
    tcase_add_test(tc, declared_length_mismatch_is_22026);
    tcase_add_loop_test(tc, hex_and_wide_conversions, 0, 2);
    tcase_add_loop_test(tc, bound_columns_and_interrupted_stream, 0, 2);
    tcase_add_test(tc, scroll_cursor_over_byte_becomes_forward_only);
    tcase_add_test(tc, smart_lob_nulls_update_mismatch_and_client_files);
    tcase_add_test(tc, long_nts_string_goes_as_text);
    tcase_add_test(tc, text_and_clob_keep_every_byte);
    tcase_add_test(tc, wide_data_at_execution_spooled);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
