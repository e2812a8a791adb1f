/* SPDX-License-Identifier: MIT */
/* it_odbc_desc.c - descriptors through the unixODBC DM against ifxlite:
 * SQLGetDescField / SQLSetDescField / SQLGetDescRec / SQLSetDescRec on the
 * ARD, APD, IRD and IPD, SQLCopyDesc, an explicit descriptor as
 * SQL_ATTR_APP_ROW_DESC / APP_PARAM_DESC, HY017 for freeing an implicit
 * descriptor, the read-only IRD (HY016) and SQL_DESC_COUNT semantics. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "ck_util.h"
#include "odbc_fixture.h"

static SQLHDESC stmt_desc(SQLHSTMT st, SQLINTEGER attr)
{
    SQLHDESC d = SQL_NULL_HDESC;
    OK(st, SQLGetStmtAttr(st, attr, &d, 0, NULL));
    ck_assert_ptr_nonnull(d);
    return d;
}

static void expect_desc_state(SQLHDESC d, const char *state)
{
    SQLCHAR got[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[512];
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_DESC, d, 1, got, &nat, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)got, state) == 0, "SQLSTATE %s, want %s (%s)", got, state, msg);
}

static SQLSMALLINT desc_count(SQLHDESC d)
{
    SQLSMALLINT n = -1;
    SQLRETURN rc = SQLGetDescField(d, 0, SQL_DESC_COUNT, &n, 0, NULL);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_DESC, d);
    ck_assert_int_eq(rc, SQL_SUCCESS);
    return n;
}

static bool dt_created;

static void ensure_table(void)
{
    if (dt_created)
        return;
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table dt (id integer not null, name varchar(20), amount decimal(8,2))");
    fx_exec_ok(st, "insert into dt values (1, 'one', 1.50)");
    fx_exec_ok(st, "insert into dt values (2, 'two', 22.25)");
    fx_exec_ok(st, "insert into dt values (3, null, null)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    dt_created = true;
}

START_TEST(ird_fields_and_read_only)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    SQLHDESC ird = stmt_desc(st, SQL_ATTR_IMP_ROW_DESC);
    /* not prepared yet: HY007 (the DM answers it for every IRD field) */
    SQLSMALLINT v16 = -1;
    ck_assert_int_eq(SQLGetDescField(ird, 1, SQL_DESC_TYPE, &v16, 0, NULL), SQL_ERROR);
    expect_desc_state(ird, "HY007");
    OK(st, SQLPrepare(st, (SQLCHAR *)"select id, name, amount from dt order by id", SQL_NTS));
    ck_assert_int_eq(desc_count(ird), 3);
    SQLCHAR name[32];
    SQLSMALLINT nlen = -1, type = -1, sub = -1, prec = -1, scale = -1, nullable = -1;
    SQLLEN len = -1;
    ck_assert_int_eq(SQLGetDescRec(ird, 3, name, sizeof name, &nlen, &type, &sub, &len, &prec,
                                   &scale, &nullable),
                     SQL_SUCCESS);
    ck_assert_str_eq((char *)name, "amount");
    ck_assert_int_eq(nlen, 6);
    ck_assert_int_eq(type, SQL_DECIMAL);
    ck_assert_int_eq(prec, 8);
    ck_assert_int_eq(scale, 2);
    ck_assert_int_eq(nullable, SQL_NULLABLE);
    ck_assert_int_eq(len, 10); /* octet length: digits, sign and point */
    ck_assert_int_eq(SQLGetDescRec(ird, 1, name, sizeof name, &nlen, &type, &sub, &len, &prec,
                                   &scale, &nullable),
                     SQL_SUCCESS);
    ck_assert_str_eq((char *)name, "id");
    ck_assert_int_eq(type, SQL_INTEGER);
    ck_assert_int_eq(nullable, SQL_NO_NULLS);
    /* past the last record */
    ck_assert_int_eq(SQLGetDescRec(ird, 4, name, sizeof name, &nlen, &type, &sub, &len, &prec,
                                   &scale, &nullable),
                     SQL_NO_DATA);
    ck_assert_int_eq(SQLGetDescField(ird, 4, SQL_DESC_TYPE, &v16, 0, NULL), SQL_NO_DATA);
    SQLCHAR tn[32];
    SQLINTEGER tlen = -1;
    ck_assert_int_eq(SQLGetDescField(ird, 2, SQL_DESC_TYPE_NAME, tn, sizeof tn, &tlen),
                     SQL_SUCCESS);
    ck_assert_str_eq((char *)tn, "varchar");
    ck_assert_int_eq(tlen, 7);
    SQLULEN length = 0;
    ck_assert_int_eq(SQLGetDescField(ird, 2, SQL_DESC_LENGTH, &length, 0, NULL), SQL_SUCCESS);
    ck_assert_uint_eq(length, 20);
    /* the IRD is read-only */
    ck_assert_int_eq(SQLSetDescField(ird, 1, SQL_DESC_TYPE, (SQLPOINTER)SQL_CHAR, 0), SQL_ERROR);
    expect_desc_state(ird, "HY016");
    ck_assert_int_eq(SQLSetDescField(ird, 0, SQL_DESC_COUNT, (SQLPOINTER)1, 0), SQL_ERROR);
    expect_desc_state(ird, "HY016");
    ck_assert_int_eq(SQLSetDescRec(ird, 1, SQL_CHAR, 0, 10, 0, 0, NULL, NULL, NULL), SQL_ERROR);
    expect_desc_state(ird, "HY016");
    /* ... except its header pointers (SQL_ATTR_ROWS_FETCHED_PTR) */
    SQLULEN fetched = 99;
    ck_assert_int_eq(SQLSetDescField(ird, 0, SQL_DESC_ROWS_PROCESSED_PTR, &fetched, 0),
                     SQL_SUCCESS);
    SQLULEN *fp = NULL;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fp, 0, NULL));
    ck_assert_ptr_eq(fp, &fetched);
    /* SQLCopyDesc into an IRD: HY016 */
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    ck_assert_int_eq(SQLCopyDesc(ard, ird), SQL_ERROR);
    expect_desc_state(ird, "HY016");
    OK(st, SQLExecute(st));
    OK(st, SQLFetch(st));
    ck_assert_uint_eq(fetched, 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(ard_count_and_set_rec)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    SQLSMALLINT alloc = -1;
    ck_assert_int_eq(SQLGetDescField(ard, 0, SQL_DESC_ALLOC_TYPE, &alloc, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(alloc, SQL_DESC_ALLOC_AUTO);
    ck_assert_int_eq(desc_count(ard), 0);
    SQLINTEGER id = 0;
    SQLLEN id_ind = 0, name_ind = 0, amt_ind = 0;
    char name[21], amount[16];
    /* SQL_DESC_COUNT is the highest bound record */
    OK(st, SQLBindCol(st, 3, SQL_C_CHAR, amount, sizeof amount, &amt_ind));
    ck_assert_int_eq(desc_count(ard), 3);
    OK(st, SQLBindCol(st, 1, SQL_C_SLONG, &id, 0, &id_ind));
    ck_assert_int_eq(desc_count(ard), 3);
    OK(st, SQLBindCol(st, 3, SQL_C_CHAR, NULL, 0, NULL)); /* unbind the highest */
    ck_assert_int_eq(desc_count(ard), 1);
    /* SQLSetDescRec binds column 2 as text and column 3 again */
    ck_assert_int_eq(SQLSetDescRec(ard, 2, SQL_C_CHAR, 0, sizeof name, 0, 0, name, &name_ind,
                                   &name_ind),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescRec(ard, 3, SQL_C_CHAR, 0, sizeof amount, 0, 0, amount, &amt_ind,
                                   &amt_ind),
                     SQL_SUCCESS);
    ck_assert_int_eq(desc_count(ard), 3);
    SQLSMALLINT type = -1;
    SQLLEN olen = -1;
    ck_assert_int_eq(SQLGetDescRec(ard, 2, NULL, 0, NULL, &type, NULL, &olen, NULL, NULL, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(type, SQL_C_CHAR);
    ck_assert_int_eq(olen, (SQLLEN)sizeof name);
    SQLPOINTER ptr = NULL;
    ck_assert_int_eq(SQLGetDescField(ard, 2, SQL_DESC_DATA_PTR, &ptr, 0, NULL), SQL_SUCCESS);
    ck_assert_ptr_eq(ptr, name);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, name, amount from dt order by id", SQL_NTS));
    OK(st, SQLFetch(st));
    ck_assert_int_eq(id, 1);
    ck_assert_str_eq(name, "one");
    ck_assert_int_eq(name_ind, 3);
    ck_assert_str_eq(amount, "1.50");
    /* SQL_DESC_COUNT lowered: records beyond it are unbound */
    ck_assert_int_eq(SQLSetDescField(ard, 0, SQL_DESC_COUNT, (SQLPOINTER)2, 0), SQL_SUCCESS);
    strcpy(amount, "untouched");
    OK(st, SQLFetch(st));
    ck_assert_int_eq(id, 2);
    ck_assert_str_eq(name, "two");
    ck_assert_str_eq(amount, "untouched");
    /* setting a field other than the deferred ones unbinds the record (ODBC
     * "SQLSetDescField": the data pointer is reset) */
    ck_assert_int_eq(SQLSetDescField(ard, 2, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_CHAR, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLGetDescField(ard, 2, SQL_DESC_DATA_PTR, &ptr, 0, NULL), SQL_SUCCESS);
    ck_assert_ptr_null(ptr);
    strcpy(name, "kept");
    name_ind = 77;
    ck_assert_int_eq(SQLSetDescField(ard, 2, SQL_DESC_INDICATOR_PTR, NULL, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(ard, 2, SQL_DESC_OCTET_LENGTH_PTR, NULL, 0), SQL_SUCCESS);
    OK(st, SQLFetch(st));
    ck_assert_int_eq(id, 3);
    ck_assert_str_eq(name, "kept");
    ck_assert_int_eq(name_ind, 77);
    /* SQL_UNBIND: count 0 */
    OK(st, SQLFreeStmt(st, SQL_UNBIND));
    ck_assert_int_eq(desc_count(ard), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(apd_ipd_fields)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    SQLHDESC apd = stmt_desc(st, SQL_ATTR_APP_PARAM_DESC);
    SQLHDESC ipd = stmt_desc(st, SQL_ATTR_IMP_PARAM_DESC);
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into dt values (?, ?, ?)", SQL_NTS));
    ck_assert_int_eq(desc_count(apd), 0);
    SQLINTEGER id = 10;
    char nm[] = "ten";
    SQLLEN nm_len = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                            NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 20, 0, nm, 0,
                            &nm_len));
    ck_assert_int_eq(desc_count(apd), 2);
    ck_assert_int_eq(desc_count(ipd), 2);
    SQLSMALLINT v = -1;
    ck_assert_int_eq(SQLGetDescField(ipd, 2, SQL_DESC_CONCISE_TYPE, &v, 0, NULL), SQL_SUCCESS);
    ck_assert_int_eq(v, SQL_VARCHAR);
    ck_assert_int_eq(SQLGetDescField(ipd, 2, SQL_DESC_PARAMETER_TYPE, &v, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(v, SQL_PARAM_INPUT);
    SQLULEN len = 0;
    ck_assert_int_eq(SQLGetDescField(ipd, 2, SQL_DESC_LENGTH, &len, 0, NULL), SQL_SUCCESS);
    ck_assert_uint_eq(len, 20);
    ck_assert_int_eq(SQLGetDescField(apd, 1, SQL_DESC_CONCISE_TYPE, &v, 0, NULL), SQL_SUCCESS);
    ck_assert_int_eq(v, SQL_C_SLONG);
    /* parameter 3 through the descriptors alone: APD (C side) + IPD (SQL side) */
    char amt[] = "3.75";
    SQLLEN amt_len = SQL_NTS;
    ck_assert_int_eq(SQLSetDescRec(apd, 3, SQL_C_CHAR, 0, 0, 0, 0, amt, &amt_len, &amt_len),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescRec(ipd, 3, SQL_DECIMAL, 0, 0, 8, 2, NULL, NULL, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(desc_count(apd), 3);
    ck_assert_int_eq(desc_count(ipd), 3);
    /* APD fields that do not exist on an IPD */
    SQLPOINTER p = NULL;
    ck_assert_int_eq(SQLGetDescField(ipd, 1, SQL_DESC_DATA_PTR, &p, 0, NULL), SQL_ERROR);
    expect_desc_state(ipd, "HY091");
    /* PARAMSET_SIZE is the APD's SQL_DESC_ARRAY_SIZE */
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)1, 0));
    SQLULEN asz = 0;
    ck_assert_int_eq(SQLGetDescField(apd, 0, SQL_DESC_ARRAY_SIZE, &asz, 0, NULL), SQL_SUCCESS);
    ck_assert_uint_eq(asz, 1);
    OK(st, SQLExecute(st));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select name, amount from dt where id = 10", SQL_NTS));
    OK(st, SQLFetch(st));
    char out[32];
    SQLLEN ind;
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, out, sizeof out, &ind));
    ck_assert_str_eq(out, "ten");
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, out, sizeof out, &ind));
    ck_assert_str_eq(out, "3.75");
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    /* SQL_RESET_PARAMS empties the APD and IPD */
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    ck_assert_int_eq(desc_count(apd), 0);
    ck_assert_int_eq(desc_count(ipd), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    fx_exec_ok(st = fx_new_stmt(), "delete from dt where id = 10");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(explicit_descriptor)
{
    ensure_table();
    SQLHDESC d = SQL_NULL_HDESC;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DESC, fx_dbc, &d), SQL_SUCCESS);
    SQLSMALLINT alloc = -1;
    ck_assert_int_eq(SQLGetDescField(d, 0, SQL_DESC_ALLOC_TYPE, &alloc, 0, NULL), SQL_SUCCESS);
    ck_assert_int_eq(alloc, SQL_DESC_ALLOC_USER);
    SQLINTEGER ids[3];
    SQLLEN id_ind[3];
    char names[3][8];
    SQLLEN name_ind[3];
    ck_assert_int_eq(SQLSetDescField(d, 0, SQL_DESC_ARRAY_SIZE, (SQLPOINTER)3, 0), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescRec(d, 1, SQL_C_SLONG, 0, sizeof(SQLINTEGER), 0, 0, ids, id_ind,
                                   id_ind),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescRec(d, 2, SQL_C_CHAR, 0, 8, 0, 0, names, name_ind, name_ind),
                     SQL_SUCCESS);
    SQLHSTMT st = fx_new_stmt();
    SQLHDESC implicit_ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, d, 0));
    ck_assert_ptr_eq(stmt_desc(st, SQL_ATTR_APP_ROW_DESC), d);
    /* the rowset size is the explicit ARD's array size */
    SQLULEN rs = 0;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &rs, 0, NULL));
    ck_assert_uint_eq(rs, 3);
    SQLULEN fetched = 0;
    OK(st, SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id, name from dt where id <= 3 order by id",
                         SQL_NTS));
    OK(st, SQLFetch(st));
    ck_assert_uint_eq(fetched, 3);
    ck_assert_int_eq(ids[0], 1);
    ck_assert_int_eq(ids[2], 3);
    ck_assert_str_eq(names[1], "two");
    ck_assert_int_eq(name_ind[2], SQL_NULL_DATA);
    OK(st, SQLCloseCursor(st));
    /* an implicit descriptor of another statement cannot be assigned */
    SQLHSTMT st2 = fx_new_stmt();
    SQLHDESC other_ard = stmt_desc(st2, SQL_ATTR_APP_ROW_DESC);
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, other_ard, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY017");
    /* nor can an implementation descriptor be set */
    SQLHDESC ird2 = stmt_desc(st2, SQL_ATTR_IMP_ROW_DESC);
    EXPECT_RC(st, SQLSetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, ird2, 0), SQL_ERROR);
    fx_expect_state(st, 1, "HY017");
    /* freeing an implicit descriptor: HY017 */
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DESC, other_ard), SQL_ERROR);
    expect_desc_state(other_ard, "HY017");
    /* the same explicit descriptor shared as the ARD of a second statement */
    OK(st2, SQLSetStmtAttr(st2, SQL_ATTR_APP_ROW_DESC, d, 0));
    OK(st2, SQLExecDirect(st2, (SQLCHAR *)"select id, name from dt where id = 2", SQL_NTS));
    memset(ids, 0, sizeof ids);
    OK(st2, SQLFetch(st2));
    ck_assert_int_eq(ids[0], 2);
    OK(st2, SQLCloseCursor(st2));
    /* setting SQL_NULL_HDESC goes back to the implicit ARD (unixODBC 2.3.11
     * keeps answering SQL_ATTR_APP_ROW_DESC with its last wrapper, so the
     * driver's state is checked: the implicit ARD's rowset size 1) */
    OK(st2, SQLSetStmtAttr(st2, SQL_ATTR_APP_ROW_DESC, SQL_NULL_HDESC, 0));
    OK(st2, SQLGetStmtAttr(st2, SQL_ATTR_ROW_ARRAY_SIZE, &rs, 0, NULL));
    ck_assert_uint_eq(rs, 1);
    /* freeing the explicit descriptor reverts st to its implicit ARD */
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DESC, d), SQL_SUCCESS);
    ck_assert_ptr_eq(stmt_desc(st, SQL_ATTR_APP_ROW_DESC), implicit_ard);
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &rs, 0, NULL));
    ck_assert_uint_eq(rs, 1);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select id from dt where id = 1", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLFreeHandle(SQL_HANDLE_STMT, st2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(copy_desc)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLPrepare(st, (SQLCHAR *)"select id, amount from dt where id = 2", SQL_NTS));
    SQLHDESC ird = stmt_desc(st, SQL_ATTR_IMP_ROW_DESC);
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    /* IRD -> explicit descriptor -> ARD: types come along, then the buffers */
    SQLHDESC d = SQL_NULL_HDESC;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DESC, fx_dbc, &d), SQL_SUCCESS);
    ck_assert_int_eq(SQLCopyDesc(ird, d), SQL_SUCCESS);
    ck_assert_int_eq(desc_count(d), 2);
    SQLSMALLINT type = -1, prec = -1, scale = -1;
    ck_assert_int_eq(SQLGetDescRec(d, 2, NULL, 0, NULL, &type, NULL, NULL, &prec, &scale, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(type, SQL_DECIMAL);
    ck_assert_int_eq(prec, 8);
    ck_assert_int_eq(scale, 2);
    SQLINTEGER id = 0;
    char amount[16];
    SQLLEN ind1 = 0, ind2 = 0;
    ck_assert_int_eq(SQLSetDescRec(d, 1, SQL_C_SLONG, 0, 4, 0, 0, &id, &ind1, &ind1),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescRec(d, 2, SQL_C_CHAR, 0, sizeof amount, 0, 0, amount, &ind2,
                                   &ind2),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLCopyDesc(d, ard), SQL_SUCCESS);
    ck_assert_int_eq(desc_count(ard), 2);
    SQLSMALLINT alloc = -1;
    ck_assert_int_eq(SQLGetDescField(ard, 0, SQL_DESC_ALLOC_TYPE, &alloc, 0, NULL),
                     SQL_SUCCESS);
    ck_assert_int_eq(alloc, SQL_DESC_ALLOC_AUTO); /* not copied */
    OK(st, SQLExecute(st));
    OK(st, SQLFetch(st));
    ck_assert_int_eq(id, 2);
    ck_assert_str_eq(amount, "22.25");
    ck_assert_int_eq(ind2, 5);
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DESC, d), SQL_SUCCESS);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_desc");
    TCase *tc = tcase_create("desc");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, ird_fields_and_read_only);
    tcase_add_test(tc, ard_count_and_set_rec);
    tcase_add_test(tc, apd_ipd_fields);
    tcase_add_test(tc, explicit_descriptor);
    tcase_add_test(tc, copy_desc);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
