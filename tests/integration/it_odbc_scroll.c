/* SPDX-License-Identifier: MIT */
/* it_odbc_scroll.c - STATIC (server scroll) cursors through the unixODBC DM
 * against ifxlite: SQLFetchScroll in every orientation with rowsets of 1, 7
 * and 1000 over 0, 1, 999, 1000, 1001 and 100,000 rows, every fetched row
 * compared with the expected one and every outcome with an independent model
 * of the ODBC "cursor positioning rules"; cursor type downgrade (01S02),
 * SQL_ATTR_ROW_NUMBER, bookmarks, SQLSetPos(SQL_POSITION) + SQLGetData,
 * SQLExtendedFetch (ODBC 2), WITH HOLD cursors across a commit. */
#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "../../include/sqlifx.h"
#include "ck_util.h"
#include "odbc_fixture.h"

#define BIG 100000
#define MAXRS 1000

/* sc_big(id) holds 1..BIG; a result of n rows is "id <= n", so row p has id p. */
static void fill_rows(void)
{
    static SQLINTEGER ids[1000];
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table sc_k (id integer)");
    fx_exec_ok(st, "create table sc_big (id integer, v integer)");
    for (int i = 0; i < 1000; i++)
        ids[i] = i;
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(uintptr_t)1000, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, ids, 0, NULL));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into sc_k values (?)", SQL_NTS));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = fx_new_stmt();
    fx_exec_ok(st, "insert into sc_big select a.id * 1000 + b.id + 1, (a.id * 1000 + b.id + 1) * 3 "
                   "from sc_k a, sc_k b where a.id < 100");
    fx_exec_ok(st, "select count(*) from sc_big");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void setup_all(void)
{
    fx_setup();
    fill_rows();
}

/* ---- the model: ODBC "Cursor positioning rules" for SQLFetchScroll ----
 * cur: 0 before start, -1 after end, else the first row of the rowset. */
struct model {
    int64_t cur, prev_rs, n;
    int64_t bm_row; /* row of the saved bookmark (SQL_FETCH_BOOKMARK) */
};

/* First row of the new rowset (>= 1), 0 before start, -1 after end. */
static int64_t model_start(const struct model *m, SQLSMALLINT o, int64_t off, int64_t rs,
                           int *warn)
{
    bool before = m->cur == 0, after = m->cur == -1;
    int64_t n = m->n;
    *warn = 0;
    switch (o) {
    case SQL_FETCH_NEXT:
        if (before)
            return 1;
        if (after || m->cur + m->prev_rs > n)
            return -1;
        return m->cur + m->prev_rs;
    case SQL_FETCH_PRIOR:
        if (before || m->cur == 1)
            return 0;
        if (after) {
            if (n < rs) {
                *warn = n > 0;
                return 1;
            }
            return n - rs + 1;
        }
        if (m->cur <= rs) {
            *warn = 1;
            return 1;
        }
        return m->cur - rs;
    case SQL_FETCH_FIRST:
        return 1;
    case SQL_FETCH_LAST:
        return n <= rs ? 1 : n - rs + 1;
    case SQL_FETCH_ABSOLUTE:
        if (off < 0) {
            if (-off <= n)
                return n + off + 1;
            return -off > rs ? 0 : 1;
        }
        return off == 0 ? 0 : off > n ? -1 : off;
    case SQL_FETCH_RELATIVE:
        if ((before && off > 0) || (after && off < 0)) {
            struct model a = *m;
            return model_start(&a, SQL_FETCH_ABSOLUTE, off, rs, warn);
        }
        if (before && off <= 0)
            return 0;
        if (after && off >= 0)
            return -1;
        if (m->cur == 1 && off < 0)
            return 0;
        if (m->cur + off < 1) {
            if (-off > rs)
                return 0;
            *warn = 1;
            return 1;
        }
        return m->cur + off > n ? -1 : m->cur + off;
    case SQL_FETCH_BOOKMARK: {
        /* rows from the bookmarked row + offset; outside the result: no data */
        int64_t at = m->bm_row + off;
        return at < 1 ? 0 : at > n ? -1 : at;
    }
    default:
        return -2;
    }
}

static SQLINTEGER ids[MAXRS], vals[MAXRS];
static SQLLEN id_ind[MAXRS], val_ind[MAXRS];
static SQLUSMALLINT status[MAXRS];
static SQLULEN fetched;
static unsigned char bms[MAXRS][8]; /* column 0, SQL_C_VARBOOKMARK */
static SQLLEN bm_ind[MAXRS];
static unsigned char saved_bm[8];

static SQLHSTMT open_static(int64_t n, SQLULEN rs)
{
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(uintptr_t)rs, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, saved_bm, 0));
    OK(st, SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bms, sizeof bms[0], bm_ind));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, ids, 0, id_ind));
    OK(st, SQLBindCol(st, 2, SQL_C_LONG, vals, 0, val_ind));
    char sql[128];
    snprintf(sql, sizeof sql, "select id, v from sc_big where id <= %lld order by id",
             (long long)n);
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
    return st;
}

/* One SQLFetchScroll checked against the model (rc, 01S06, rows, status
 * array, every row's values); the model moves along. */
static long nsteps;
static void step(SQLHSTMT st, struct model *m, SQLSMALLINT o, SQLLEN off, SQLULEN rs)
{
    nsteps++;
    int warn = 0;
    int64_t start = model_start(m, o, off, (int64_t)rs, &warn);
    int64_t rows = 0;
    if (start >= 1 && start <= m->n)
        rows = m->n - start + 1 < (int64_t)rs ? m->n - start + 1 : (int64_t)rs;
    for (SQLULEN i = 0; i < rs; i++)
        ids[i] = -7;
    fetched = 9999;
    SQLRETURN rc = SQLFetchScroll(st, o, off);
    /* plain comparisons: a Check assertion costs a write(2) each */
    SQLRETURN want = rows == 0 ? SQL_NO_DATA : warn ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
    if (rc != want) {
        odbc_dump_diag(SQL_HANDLE_STMT, st);
        ck_abort_msg("o=%d off=%ld rs=%lu n=%lld cur=%lld: rc %d, want %d", o, (long)off,
                     (unsigned long)rs, (long long)m->n, (long long)m->cur, rc, want);
    }
    if (rows == 0) {
        m->cur = start == 0 ? 0 : -1;
        m->prev_rs = (int64_t)rs;
        return;
    }
    if (warn)
        fx_expect_state(st, 1, "01S06");
    if (fetched != (SQLULEN)rows)
        ck_abort_msg("fetched %lu, want %lld", (unsigned long)fetched, (long long)rows);
    for (int64_t i = 0; i < (int64_t)rs; i++) {
        bool ok = i < rows ? status[i] == SQL_ROW_SUCCESS && ids[i] == start + i &&
                                 vals[i] == (start + i) * 3 && bm_ind[i] > 0 &&
                                 bm_ind[i] <= (SQLLEN)sizeof bms[0]
                           : status[i] == SQL_ROW_NOROW;
        if (!ok)
            ck_abort_msg("row %lld of rowset at %lld: status %d id %d v %d", (long long)i,
                         (long long)start, status[i], ids[i], vals[i]);
    }
    SQLULEN rn = 0;
    SQLRETURN rr = SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rn, 0, NULL);
    if (rr != SQL_SUCCESS || rn != (SQLULEN)start)
        ck_abort_msg("SQL_ATTR_ROW_NUMBER %lu (rc %d), want %lld", (unsigned long)rn, rr,
                     (long long)start);
    m->cur = start;
    m->prev_rs = (int64_t)rs;
}

/* Keep the bookmark of rowset row i (its row number is ids[i]). */
static void save_bookmark(struct model *m, SQLULEN i)
{
    if (m->cur < 1)
        return;
    memcpy(saved_bm, bms[i], sizeof saved_bm);
    m->bm_row = ids[i];
}

/* The orientation mix run over every (rows, rowset size) pair. */
static void orientation_mix(int64_t n, SQLULEN rs)
{
    SQLHSTMT st = open_static(n, rs);
    struct model m = {0, (int64_t)rs, n, 0};
    int64_t r = (int64_t)rs;
    step(st, &m, SQL_FETCH_PRIOR, 0, rs);    /* before start stays before start */
    step(st, &m, SQL_FETCH_NEXT, 0, rs);
    step(st, &m, SQL_FETCH_NEXT, 0, rs);
    step(st, &m, SQL_FETCH_PRIOR, 0, rs);
    step(st, &m, SQL_FETCH_PRIOR, 0, rs);
    step(st, &m, SQL_FETCH_LAST, 0, rs);
    step(st, &m, SQL_FETCH_NEXT, 0, rs);     /* after end */
    step(st, &m, SQL_FETCH_NEXT, 0, rs);
    step(st, &m, SQL_FETCH_PRIOR, 0, rs);    /* back from after end */
    step(st, &m, SQL_FETCH_FIRST, 0, rs);
    step(st, &m, SQL_FETCH_RELATIVE, 3, rs);
    step(st, &m, SQL_FETCH_PRIOR, 0, rs);    /* 1 < start <= rowset: 01S06 */
    step(st, &m, SQL_FETCH_RELATIVE, -1, rs); /* from row 1: before start */
    step(st, &m, SQL_FETCH_RELATIVE, 5, rs);  /* from before start: ABSOLUTE 5 */
    step(st, &m, SQL_FETCH_RELATIVE, -4, rs);
    step(st, &m, SQL_FETCH_RELATIVE, 0, rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, -1, rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, -(SQLLEN)(n + 1), rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, -(SQLLEN)(n + r + 1), rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, (SQLLEN)(n / 2 + 1), rs);
    save_bookmark(&m, fetched > 1 ? 1 : 0);
    step(st, &m, SQL_FETCH_RELATIVE, -(SQLLEN)(r + 5), rs);
    if (m.bm_row > 0) {
        step(st, &m, SQL_FETCH_BOOKMARK, 0, rs);
        step(st, &m, SQL_FETCH_LAST, 0, rs);
        step(st, &m, SQL_FETCH_BOOKMARK, -1, rs);
        step(st, &m, SQL_FETCH_BOOKMARK, r, rs);
        step(st, &m, SQL_FETCH_BOOKMARK, -(SQLLEN)m.bm_row, rs);    /* before start */
        step(st, &m, SQL_FETCH_NEXT, 0, rs);
        step(st, &m, SQL_FETCH_BOOKMARK, (SQLLEN)(n - m.bm_row + 1), rs); /* after end */
        step(st, &m, SQL_FETCH_PRIOR, 0, rs);
    }
    step(st, &m, SQL_FETCH_ABSOLUTE, (SQLLEN)n, rs);
    step(st, &m, SQL_FETCH_RELATIVE, 1, rs);  /* past the end */
    step(st, &m, SQL_FETCH_RELATIVE, -2, rs); /* from after end: ABSOLUTE -2 */
    step(st, &m, SQL_FETCH_ABSOLUTE, (SQLLEN)n + 1, rs);
    step(st, &m, SQL_FETCH_RELATIVE, 0, rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, 0, rs);
    step(st, &m, SQL_FETCH_RELATIVE, 0, rs);
    step(st, &m, SQL_FETCH_ABSOLUTE, 2, rs);
    step(st, &m, SQL_FETCH_RELATIVE, -1, rs); /* from row 2: row 1 with 01S06 */
    /* Every row once forward ... */
    m.cur = 0;
    OK(st, SQLCloseCursor(st));
    char sql[128];
    snprintf(sql, sizeof sql, "select id, v from sc_big where id <= %lld order by id",
             (long long)n);
    OK(st, SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS));
    do
        step(st, &m, SQL_FETCH_NEXT, 0, rs);
    while (m.cur != -1);
    /* ... and backward (smaller results, or big rowsets over the big one). */
    if (n > 0 && (n <= 1001 || rs == MAXRS)) {
        do
            step(st, &m, SQL_FETCH_PRIOR, 0, rs);
        while (m.cur != 0);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

START_TEST(every_orientation_every_size)
{
    static const int64_t sizes[] = {0, 1, 999, 1000, 1001, BIG};
    static const SQLULEN rowsets[] = {1, 7, MAXRS};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (size_t j = 0; j < sizeof rowsets / sizeof rowsets[0]; j++)
            orientation_mix(sizes[i], rowsets[j]);
    ck_assert_int_gt(nsteps, 100000);
    fprintf(stderr, "%ld fetches checked\n", nsteps);
}
END_TEST

START_TEST(rowset_size_change_next_uses_previous)
{
    /* NEXT after a rowset size change moves by the previous rowset size. */
    SQLHSTMT st = open_static(100, 7);
    struct model m = {0, 7, 100, 0};
    step(st, &m, SQL_FETCH_NEXT, 0, 7);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0));
    step(st, &m, SQL_FETCH_NEXT, 0, 3);
    ck_assert_int_eq(ids[0], 8);
    step(st, &m, SQL_FETCH_NEXT, 0, 3);
    ck_assert_int_eq(ids[0], 11);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(cursor_type_attributes)
{
    SQLHSTMT st = fx_new_stmt();
    SQLULEN v = 99;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_CURSOR_FORWARD_ONLY);
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_KEYSET_DRIVEN,
                                 0),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S02");
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_CURSOR_STATIC);
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_DYNAMIC, 0),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S02");
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_SCROLLABLE);
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0),
              SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S02");
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CONCURRENCY, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_CONCUR_READ_ONLY);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)SQL_NONSCROLLABLE, 0));
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_CURSOR_FORWARD_ONLY);
    /* forward-only: only NEXT */
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from sc_big where id <= 3", SQL_NTS));
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY106");
    OK(st, SQLCloseCursor(st));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)SQL_SCROLLABLE, 0));
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_CURSOR_STATIC);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from sc_big where id <= 3", SQL_NTS));
    /* the type cannot change while the cursor is open */
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY,
                                 0),
              SQL_ERROR);
    fx_expect_state(st, 1, "24000");
    SQLINTEGER id = 0;
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, &id, 0, NULL));
    OK(st, SQLFetchScroll(st, SQL_FETCH_LAST, 0));
    ck_assert_int_eq(id, 3);
    EXPECT_RC(st, SQLFetchScroll(st, 99, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY106");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(bookmarks)
{
    SQLHSTMT st = fx_new_stmt();
    SQLINTEGER id[5];
    SQLLEN ind[5], bind[5];
    unsigned char bm[5][4];
    SQLULEN n = 0;
    /* bookmarks off: column 0 cannot be bound */
    EXPECT_RC(st, SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, 4, bind), SQL_ERROR);
    fx_expect_state(st, 1, "07009");
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)5, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &n, 0));
    OK(st, SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, 4, bind));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, id, 0, ind));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from sc_big where id <= 50 order by id",
                         SQL_NTS));
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 20));
    ck_assert_uint_eq(n, 5);
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(id[i], 20 + i);
        ck_assert_int_eq(bind[i], 4);
    }
    unsigned char saved[4];
    memcpy(saved, bm[2], 4); /* row 22 */
    OK(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0));
    ck_assert_int_eq(id[0], 1);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, saved, 0));
    OK(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0));
    ck_assert_int_eq(id[0], 22);
    OK(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, -2));
    ck_assert_int_eq(id[0], 20);
    OK(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 27));
    ck_assert_uint_eq(n, 2); /* rows 49, 50: partial rowset */
    ck_assert_int_eq(id[1], 50);
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 29), SQL_NO_DATA);
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_BOOKMARK, -22), SQL_NO_DATA);
    /* SQLGetData of column 0 after positioning */
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 30));
    OK(st, SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE));
    unsigned char got[4];
    SQLLEN gl = 0;
    OK(st, SQLGetData(st, 0, SQL_C_VARBOOKMARK, got, sizeof got, &gl));
    ck_assert_int_eq(gl, 4);
    ck_assert_mem_eq(got, bm[3], 4);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(setpos_and_getdata)
{
    SQLHSTMT st = fx_new_stmt();
    SQLINTEGER id[7];
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)7, 0));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, id, 0, NULL));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, v from sc_big where id <= 100 order by id",
                         SQL_NTS));
    EXPECT_RC(st, SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR);
    fx_expect_state(st, 1, "24000");
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 40));
    /* after the fetch the cursor is on the rowset's first row */
    SQLINTEGER v = 0;
    OK(st, SQLGetData(st, 2, SQL_C_LONG, &v, 0, NULL));
    ck_assert_int_eq(v, 120);
    SQLULEN rn = 0;
    for (SQLSETPOSIROW r = 1; r <= 7; r++) {
        OK(st, SQLSetPos(st, r, SQL_POSITION, SQL_LOCK_NO_CHANGE));
        OK(st, SQLGetData(st, 2, SQL_C_LONG, &v, 0, NULL));
        ck_assert_int_eq(v, (39 + (int)r) * 3);
        OK(st, SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rn, 0, NULL));
        ck_assert_uint_eq(rn, 39 + r);
    }
    EXPECT_RC(st, SQLSetPos(st, 8, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR);
    fx_expect_state(st, 1, "HY107");
    EXPECT_RC(st, SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_ERROR);
    fx_expect_state(st, 1, "HYC00");
    /* partial rowset at the end: only its rows can be positioned on */
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 98));
    ck_assert_int_eq(id[2], 100);
    OK(st, SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE));
    OK(st, SQLGetData(st, 1, SQL_C_LONG, &v, 0, NULL));
    ck_assert_int_eq(v, 100);
    EXPECT_RC(st, SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR);
    fx_expect_state(st, 1, "HY107");
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_NO_DATA);
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_LONG, &v, 0, NULL), SQL_ERROR);
    fx_expect_state(st, 1, "24000");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(hold_cursor_survives_commit)
{
    SQLHSTMT st = fx_new_stmt();
    SQLHSTMT st2 = fx_new_stmt();
    SQLINTEGER id = 0;
    OK(st, SQLSetStmtAttr(st, (SQLINTEGER)SQL_IFX_ATTR_CURSOR_HOLD,
                          (SQLPOINTER)SQL_IFX_CURSOR_HOLD_ON, 0));
    SQLULEN hv = 0;
    OK(st, SQLGetStmtAttr(st, (SQLINTEGER)SQL_IFX_ATTR_CURSOR_HOLD, &hv, 0, NULL));
    ck_assert_uint_eq(hv, SQL_IFX_CURSOR_HOLD_ON);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, &id, 0, NULL));
    OK(st2, SQLBindCol(st2, 1, SQL_C_LONG, &id, 0, NULL));
    OK(fx_dbc, SQLSetConnectAttr(fx_dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from sc_big where id <= 10 order by id",
                         SQL_NTS));
    OK(st2, SQLExecDirect(st2, (SQLCHAR *)"select id from sc_big where id <= 10 order by id",
                          SQL_NTS));
    OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 4));
    OK(st2, SQLFetch(st2));
    /* while a statement has the hold attribute on, SQLGetInfo says cursors
     * are preserved (else SQL_CB_CLOSE) */
    SQLUSMALLINT cb = 0;
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_CURSOR_COMMIT_BEHAVIOR, &cb, sizeof cb, NULL));
    ck_assert_uint_eq(cb, SQL_CB_PRESERVE);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_CURSOR_ROLLBACK_BEHAVIOR, &cb, sizeof cb, NULL));
    ck_assert_uint_eq(cb, SQL_CB_CLOSE);
    OK(fx_dbc, SQLEndTran(SQL_HANDLE_DBC, fx_dbc, SQL_COMMIT));
    /* the plain cursor was closed by the driver (state S1: HY010) */
    EXPECT_RC(st2, SQLFetch(st2), SQL_ERROR);
    fx_expect_state(st2, 1, "HY010");
    /* the hold cursor goes on */
    OK(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0));
    ck_assert_int_eq(id, 5);
    OK(st, SQLFetchScroll(st, SQL_FETCH_LAST, 0));
    ck_assert_int_eq(id, 10);
    /* a rollback closes it */
    OK(fx_dbc, SQLEndTran(SQL_HANDLE_DBC, fx_dbc, SQL_ROLLBACK));
    EXPECT_RC(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY010"); /* SQL_CB_CLOSE: the DM moved it to S1 */
    OK(fx_dbc, SQLSetConnectAttr(fx_dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st2);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_CURSOR_COMMIT_BEHAVIOR, &cb, sizeof cb, NULL));
    ck_assert_uint_eq(cb, SQL_CB_CLOSE);
}
END_TEST

START_TEST(getinfo_scroll)
{
    SQLUINTEGER v = 0;
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_SCROLL_OPTIONS, &v, sizeof v, NULL));
    ck_assert_uint_eq(v, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &v, sizeof v, NULL));
    ck_assert(v & SQL_CA1_ABSOLUTE);
    ck_assert(v & SQL_CA1_BOOKMARK);
    ck_assert(v & SQL_CA1_POS_POSITION);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_KEYSET_CURSOR_ATTRIBUTES1, &v, sizeof v, NULL));
    ck_assert_uint_eq(v, 0);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_DYNAMIC_CURSOR_ATTRIBUTES1, &v, sizeof v, NULL));
    ck_assert_uint_eq(v, 0);
    OK(fx_dbc, SQLGetInfo(fx_dbc, SQL_FETCH_DIRECTION, &v, sizeof v, NULL));
    ck_assert(v & SQL_FD_FETCH_ABSOLUTE);
    SQLUSMALLINT f = 0;
    OK(fx_dbc, SQLGetFunctions(fx_dbc, SQL_API_SQLEXTENDEDFETCH, &f));
    ck_assert_uint_eq(f, SQL_TRUE);
    OK(fx_dbc, SQLGetFunctions(fx_dbc, SQL_API_SQLSETPOS, &f));
    ck_assert_uint_eq(f, SQL_TRUE);
}
END_TEST

START_TEST(odbc2_extended_fetch)
{
    /* An ODBC 2 application: its own environment and connection. */
    SQLHENV env;
    SQLHDBC dbc;
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)fx_test_env.connstr, SQL_NTS, NULL, 0,
                                    NULL, SQL_DRIVER_NOPROMPT);
    ck_assert(SQL_SUCCEEDED(rc));
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)7, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_ON, 0));
    SQLINTEGER id[7];
    SQLUSMALLINT rs[7];
    SQLULEN n = 0;
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, id, 0, NULL));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from sc_big where id <= 20 order by id",
                         SQL_NTS));
    OK(st, SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &n, rs));
    ck_assert_uint_eq(n, 7);
    ck_assert_int_eq(id[6], 7);
    ck_assert_int_eq(rs[6], SQL_ROW_SUCCESS);
    OK(st, SQLExtendedFetch(st, SQL_FETCH_LAST, 0, &n, rs));
    ck_assert_uint_eq(n, 7);
    ck_assert_int_eq(id[0], 14);
    OK(st, SQLExtendedFetch(st, SQL_FETCH_ABSOLUTE, 17, &n, rs));
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(id[3], 20);
    ck_assert_int_eq(rs[4], SQL_ROW_NOROW);
    EXPECT_RC(st, SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &n, rs), SQL_NO_DATA);
    OK(st, SQLExtendedFetch(st, SQL_FETCH_PRIOR, 0, &n, rs));
    ck_assert_int_eq(id[0], 14);
    OK(st, SQLExtendedFetch(st, SQL_FETCH_RELATIVE, -3, &n, rs));
    ck_assert_int_eq(id[0], 11);
    /* ODBC 2 bookmark fetch: the offset is the bookmark */
    OK(st, SQLSetPos(st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE));
    /* SQL_C_BOOKMARK is SQL_C_UBIGINT on 64-bit unixODBC: the buffer is a
     * BOOKMARK (SQLULEN), 8 bytes; a 4-byte one gets overrun. */
    BOOKMARK bm = 0;
    OK(st, SQLGetData(st, 0, SQL_C_BOOKMARK, &bm, sizeof bm, NULL));
    ck_assert_uint_eq(bm, 12);
    OK(st, SQLExtendedFetch(st, SQL_FETCH_FIRST, 0, &n, rs));
    OK(st, SQLExtendedFetch(st, SQL_FETCH_BOOKMARK, (SQLLEN)bm, &n, rs));
    ck_assert_int_eq(id[0], 12);
    /* the IRD's status and count pointers were not touched */
    SQLPOINTER p = (SQLPOINTER)1;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, &p, 0, NULL));
    ck_assert_ptr_null(p);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_ENV, env), SQL_SUCCESS);
}
END_TEST

static long srv_kib(const char *key)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", (long)fx_test_env.srv.pid);
    FILE *f = fopen(path, "r");
    long v = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, strlen(key)) == 0)
            v = strtol(line + strlen(key), NULL, 10);
    if (f)
        fclose(f);
    return v;
}

START_TEST(server_memory_bounded)
{
    /* ifxlite spools a scroll cursor's rows to a temporary SQLite database,
     * not to its heap: 50,000 rows of 1,000 characters (50 MB) scrolled to
     * the end and back raise its peak RSS by far less than the result. */
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/clear_refs", (long)fx_test_env.srv.pid);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("5", f); /* VmHWM := VmRSS */
    fclose(f);
    long before = srv_kib("VmRSS:");
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, cast(rpad('x', 1000, 'y') as lvarchar(1000)) from sc_big "
                                        "where id <= 50000 order by id",
                         SQL_NTS));
    SQLINTEGER id = 0;
    static char v[1100];
    SQLLEN vl = 0;
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, &id, 0, NULL));
    OK(st, SQLBindCol(st, 2, SQL_C_CHAR, v, sizeof v, &vl));
    OK(st, SQLFetchScroll(st, SQL_FETCH_LAST, 0));
    ck_assert_int_eq(id, 50000);
    ck_assert_int_eq(vl, 1000);
    ck_assert(v[0] == 'x' && v[999] == 'y');
    for (SQLLEN at = 1; at <= 50000; at += 4999) {
        OK(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, at));
        ck_assert_int_eq(id, at);
        ck_assert_int_eq(vl, 1000);
    }
    long peak = srv_kib("VmHWM:");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    ck_assert_int_gt(before, 0);
    fprintf(stderr, "ifxlite peak RSS +%ld KiB over a 50 MB scroll\n", peak - before);
    ck_assert_msg(peak - before < 16 * 1024, "ifxlite peak RSS +%ld KiB", peak - before);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_scroll");
    TCase *tc = tcase_create("scroll");
    tcase_add_unchecked_fixture(tc, setup_all, fx_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, cursor_type_attributes);
    tcase_add_test(tc, rowset_size_change_next_uses_previous);
    tcase_add_test(tc, bookmarks);
    tcase_add_test(tc, setpos_and_getdata);
    tcase_add_test(tc, hold_cursor_survives_commit);
    tcase_add_test(tc, getinfo_scroll);
    tcase_add_test(tc, odbc2_extended_fetch);
    tcase_add_test(tc, server_memory_bounded);
    tcase_add_test(tc, every_orientation_every_size);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    /* server_memory_bounded measures ifxlite's RSS: under ASan its
     * quarantine of freed blocks (256 MiB by default) would count as well. */
    const char *ao = getenv("ASAN_OPTIONS");
    char opts[512];
    snprintf(opts, sizeof opts, "%s%squarantine_size_mb=4", ao ? ao : "", ao && *ao ? ":" : "");
    setenv("ASAN_OPTIONS", opts, 1);
    return ck_run(suite());
}
