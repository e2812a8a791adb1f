/* SPDX-License-Identifier: MIT */
/* it_odbc_fetch.c - result side through the unixODBC DM against ifxlite:
 * column-wise and row-wise SQLBindCol with 1000-row rowsets
 * (SQL_ATTR_ROW_ARRAY_SIZE, ROWS_FETCHED_PTR, ROW_STATUS_PTR, bind offsets),
 * SQLFetchScroll(NEXT), chunked SQLGetData (01004 with the remaining byte
 * count, NUL on every chunk, even byte counts for SQL_C_WCHAR), 22002. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "ck_util.h"
#include "odbc_fixture.h"

#define NROWS 2500

/* Fill fe_rows (id, name) with NROWS rows through one column-wise parameter array. */
static void fill_rows(void)
{
    static SQLINTEGER ids[NROWS];
    static char names[NROWS][16];
    static SQLLEN name_ind[NROWS];
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table fe_rows (id integer, name varchar(15))");
    for (int i = 0; i < NROWS; i++) {
        ids[i] = i;
        name_ind[i] = snprintf(names[i], sizeof names[i], "n%d", i);
    }
    name_ind[7] = SQL_NULL_DATA;
    SQLUSMALLINT status[NROWS];
    SQLULEN done = 0;
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(uintptr_t)NROWS, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0));
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, ids, 0, NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 15, 0, names,
                            sizeof names[0], name_ind));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into fe_rows values (?, ?)", SQL_NTS));
    ck_assert_uint_eq(done, NROWS);
    for (int i = 0; i < NROWS; i++)
        ck_assert_int_eq(status[i], SQL_PARAM_SUCCESS);
    SQLLEN rc = 0;
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, NROWS);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void setup_all(void)
{
    fx_setup();
    fill_rows();
}

START_TEST(column_wise_rowsets)
{
    enum { RS = 1000 };
    static SQLINTEGER ids[RS];
    static SQLLEN id_ind[RS], name_ind[RS];
    static char names[RS][16];
    SQLUSMALLINT status[RS];
    SQLULEN fetched = 0;
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)RS, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, ids, 0, id_ind));
    OK(st, SQLBindCol(st, 2, SQL_C_CHAR, names, sizeof names[0], name_ind));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, name from fe_rows order by id", SQL_NTS));
    int total = 0;
    SQLULEN want[] = {1000, 1000, 500};
    for (int b = 0; b < 3; b++) {
        OK(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0));
        ck_assert_uint_eq(fetched, want[b]);
        for (SQLULEN i = 0; i < fetched; i++, total++) {
            ck_assert_int_eq(status[i], SQL_ROW_SUCCESS);
            ck_assert_int_eq(ids[i], total);
            if (total == 7) {
                ck_assert_int_eq(name_ind[i], SQL_NULL_DATA);
            } else {
                char w[16];
                snprintf(w, sizeof w, "n%d", total);
                ck_assert_str_eq(names[i], w);
                ck_assert_int_eq(name_ind[i], (SQLLEN)strlen(w));
            }
        }
        if (b == 2)
            ck_assert_int_eq(status[500], SQL_ROW_NOROW);
    }
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    ck_assert_uint_eq(fetched, 0);
    SQLLEN rc = 0;
    OK(st, SQLRowCount(st, &rc));
    ck_assert_int_eq(rc, NROWS);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(row_wise_with_offset)
{
    struct row {
        SQLINTEGER id;
        SQLLEN id_ind;
        char name[8];
        SQLLEN name_ind;
    };
    enum { RS = 10 };
    static struct row rows[RS + 5];
    SQLLEN offset = (SQLLEN)(5 * sizeof(struct row));
    SQLULEN fetched = 0;
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)RS, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(struct row), 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset, 0));
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    OK(st, SQLBindCol(st, 1, SQL_C_LONG, &rows[0].id, 0, &rows[0].id_ind));
    OK(st, SQLBindCol(st, 2, SQL_C_CHAR, rows[0].name, sizeof rows[0].name, &rows[0].name_ind));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, name from fe_rows where id >= 1995 and "
                                        "id < 2005 order by id", SQL_NTS));
    OK(st, SQLFetch(st));
    ck_assert_uint_eq(fetched, RS);
    for (int i = 0; i < RS; i++) {
        ck_assert_int_eq(rows[5 + i].id, 1995 + i);
        char w[8];
        snprintf(w, sizeof w, "n%d", 1995 + i);
        ck_assert_str_eq(rows[5 + i].name, w);
    }
    ck_assert_int_eq(rows[0].id, 0); /* offset honoured: first 5 untouched */
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(getdata_chunks_char_and_wchar)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table fe_long (t lvarchar(20000))");
    /* 10000 bytes: 9000 'x' then 500 'é' (2 bytes each in UTF-8, 1 unit in UTF-16) */
    static char text[10001];
    memset(text, 'x', 9000);
    for (int i = 0; i < 500; i++)
        memcpy(text + 9000 + 2 * i, "\xc3\xa9", 2);
    text[10000] = 0;
    SQLLEN tl = 10000;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 20000, 0, text,
                            0, &tl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into fe_long values (?)", SQL_NTS));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));

    OK(st, SQLExecDirect(st, (SQLCHAR *)"select t, t from fe_long", SQL_NTS));
    OK(st, SQLFetch(st));
    char buf[4096];
    SQLLEN ind = 0;
    static char got[10001];
    size_t off = 0;
    SQLLEN expect_left = 10000;
    SQLRETURN rc;
    while ((rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) == SQL_SUCCESS_WITH_INFO) {
        fx_expect_diag(SQL_HANDLE_STMT, st, "01004", 0);
        ck_assert_int_eq(ind, expect_left); /* bytes left before this call */
        ck_assert_int_eq(buf[sizeof buf - 1], 0);
        memcpy(got + off, buf, sizeof buf - 1);
        off += sizeof buf - 1;
        expect_left -= (SQLLEN)(sizeof buf - 1);
    }
    ck_assert_int_eq(rc, SQL_SUCCESS);
    ck_assert_int_eq(ind, expect_left);
    memcpy(got + off, buf, (size_t)ind + 1);
    ck_assert_int_eq(memcmp(got, text, 10001), 0);
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_NO_DATA);

    /* column 2 as UTF-16: 9500 units = 19000 bytes; an odd buffer still gives whole units */
    SQLWCHAR wbuf[2049];
    size_t units = 0;
    int chunks = 0;
    while ((rc = SQLGetData(st, 2, SQL_C_WCHAR, wbuf, 4097, &ind)) != SQL_NO_DATA) {
        ck_assert(SQL_SUCCEEDED(rc));
        if (chunks == 0)
            ck_assert_int_eq(ind, 19000);
        size_t n = rc == SQL_SUCCESS ? (size_t)ind / 2 : 2047;
        ck_assert_int_eq(wbuf[n], 0);
        for (size_t i = 0; i < n; i++, units++)
            ck_assert_uint_eq(wbuf[i], units < 9000 ? 'x' : 0xe9);
        chunks++;
        if (rc == SQL_SUCCESS)
            break;
    }
    ck_assert_uint_eq(units, 9500);
    ck_assert_int_gt(chunks, 4);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(null_without_indicator)
{
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select name from fe_rows where id = 7", SQL_NTS));
    OK(st, SQLFetch(st));
    char buf[8];
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, NULL), SQL_ERROR);
    fx_expect_diag(SQL_HANDLE_STMT, st, "22002", 0);
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind));
    ck_assert_int_eq(ind, SQL_NULL_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_fetch");
    TCase *tc = tcase_create("fetch");
    tcase_add_unchecked_fixture(tc, setup_all, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, column_wise_rowsets);
    tcase_add_test(tc, row_wise_with_offset);
    tcase_add_test(tc, getdata_chunks_char_and_wchar);
    tcase_add_test(tc, null_without_indicator);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    /* one connection for the whole suite (unchecked fixture): a forked test
     * would advance the server's statement ids behind the parent's back */
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
