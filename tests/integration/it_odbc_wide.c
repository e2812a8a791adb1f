/* SPDX-License-Identifier: MIT */
/* it_odbc_wide.c - the W family end to end through the unixODBC DM against
 * ifxlite: SQLPrepareW / SQLExecDirectW with non-ASCII text (a 4-byte
 * character included), SQLDescribeColW and SQLColAttributeW names and units,
 * SQL_C_WCHAR SQLGetData chunks that never split a surrogate pair,
 * SQLGetDiagRecW, SQLNativeSqlW, SQLGetInfoW strings and the completed
 * connection string of SQLDriverConnectW. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "ck_util.h"
#include "odbc_env.h"

/* UTF-8 -> UTF-16 (test helper; input is valid UTF-8). Returns units. */
static size_t to_w(const char *s, SQLWCHAR *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        uint32_t cp;
        if (*p < 0x80) {
            cp = *p++;
        } else if (*p < 0xE0) {
            cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (*p < 0xF0) {
            cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
                 (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
            p += 4;
        }
        if (cp >= 0x10000) {
            ck_assert(n + 2 < cap);
            cp -= 0x10000;
            out[n++] = (SQLWCHAR)(0xD800 + (cp >> 10));
            out[n++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            ck_assert(n + 1 < cap);
            out[n++] = (SQLWCHAR)cp;
        }
    }
    out[n] = 0;
    return n;
}

/* ---- shared fixture (copied in each it_odbc_*.c: one process, one server) ---- */
static struct odbc_test_env E;
static SQLHENV env;
static SQLHDBC dbc;

static void setup(void)
{
    ck_assert_msg(odbc_test_env_start(&E, NULL), "test environment");
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    /* connected through SQLDriverConnectW (as pyodbc): the DM then reads the
     * driver's diagnostics with SQLGetDiagRecW; after an ANSI connect it uses
     * the ANSI SQLGetDiagRec and widens bytes, so non-ASCII text would be
     * mangled by the DM, not by the driver */
    SQLWCHAR wconn[512];
    to_w(E.connstr, wconn, 512);
    SQLRETURN rc = SQLDriverConnectW(dbc, NULL, wconn, SQL_NTS, NULL, 0, NULL,
                                     SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert(SQL_SUCCEEDED(rc));
}

static void teardown(void)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    odbc_test_env_stop(&E);
}

static SQLHSTMT new_stmt(void)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    return st;
}

#define EXPECT_RC(st, expr, want)                                                                  \
    do {                                                                                           \
        SQLRETURN r_ = (expr);                                                                     \
        if (r_ != (want))                                                                          \
            odbc_dump_diag(SQL_HANDLE_STMT, (st));                                                 \
        ck_assert_int_eq(r_, (want));                                                              \
    } while (0)
#define OK(st, expr) EXPECT_RC(st, expr, SQL_SUCCESS)

static void expect_state(SQLHSTMT st, SQLSMALLINT rec, const char *state)
{
    SQLCHAR got[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[512];
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, rec, got, &nat, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)got, state) == 0, "SQLSTATE %s, want %s (%s)", got, state, msg);
}

/* UTF-16 -> UTF-8 (test helper; input is valid UTF-16). */
static void from_w(const SQLWCHAR *w, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = w[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (w[i + 1] - 0xDC00u);
            i++;
        }
        ck_assert(o + 5 < cap);
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | cp >> 6);
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (char)(0xE0 | cp >> 12);
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | cp >> 18);
            out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = '\0';
}

static size_t wlen(const SQLWCHAR *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

static SQLRETURN exec_w(SQLHSTMT st, const char *sql_utf8)
{
    static SQLWCHAR w[2048];
    to_w(sql_utf8, w, 2048);
    return SQLExecDirectW(st, w, SQL_NTS);
}

static void exec_w_ok(SQLHSTMT st, const char *sql_utf8)
{
    SQLRETURN rc = exec_w(st, sql_utf8);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s", sql_utf8);
    SQLFreeStmt(st, SQL_CLOSE);
}

/* U+1D11E MUSICAL SYMBOL G CLEF: 4 bytes of UTF-8, a surrogate pair in UTF-16 */
#define CLEF "\xF0\x9D\x84\x9E"
#define GRUESSE "Gr\xC3\xBC\xC3\x9F" "e " CLEF " \xE2\x82\xAC" /* Grüße 𝄞 € */

static bool wt_created;

static void ensure_table(void)
{
    if (wt_created)
        return;
    SQLHSTMT st = new_stmt();
    exec_w_ok(st, "create table wt (id integer, txt nvarchar(250))");
    exec_w_ok(st, "insert into wt values (1, '" GRUESSE "')");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    wt_created = true;
}

/* Read the whole text column as SQL_C_WCHAR in one call, as UTF-8. */
static void fetch_text(SQLHSTMT st, SQLUSMALLINT col, char *out, size_t cap)
{
    SQLWCHAR w[600];
    SQLLEN n = 0;
    OK(st, SQLGetData(st, col, SQL_C_WCHAR, w, sizeof w, &n));
    ck_assert(n >= 0 && n % 2 == 0);
    ck_assert_uint_eq(wlen(w), (size_t)n / 2);
    from_w(w, (size_t)n / 2, out, cap);
}

START_TEST(exec_direct_and_prepare_w)
{
    ensure_table();
    SQLHSTMT st = new_stmt();
    /* literal with a 4-byte character in the WHERE clause of SQLExecDirectW */
    OK(st, exec_w(st, "select id, txt from wt where txt = '" GRUESSE "'"));
    OK(st, SQLFetch(st));
    SQLINTEGER id = 0;
    SQLLEN n;
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &n));
    ck_assert_int_eq(id, 1);
    char text[1024];
    fetch_text(st, 2, text, sizeof text);
    ck_assert_str_eq(text, GRUESSE);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    /* SQLPrepareW + a SQL_C_WCHAR parameter (byte length) */
    SQLWCHAR sql[128], param[64];
    to_w("insert into wt values (?, ?) -- \xC3\xA9t\xC3\xA9 ?", sql, 128);
    size_t pn = to_w(CLEF "x" CLEF "\xC3\xA9", param, 64);
    OK(st, SQLPrepareW(st, sql, SQL_NTS));
    SQLSMALLINT np = -1;
    OK(st, SQLNumParams(st, &np));
    ck_assert_int_eq(np, 2); /* the marker in the comment does not count */
    SQLLEN plen = (SQLLEN)(pn * sizeof(SQLWCHAR));
    id = 2;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0,
                            NULL));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, pn, 0, param,
                            plen, &plen));
    OK(st, SQLExecute(st));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, exec_w(st, "select txt, length(txt) from wt where id = 2"));
    OK(st, SQLFetch(st));
    fetch_text(st, 1, text, sizeof text);
    ck_assert_str_eq(text, CLEF "x" CLEF "\xC3\xA9");
    /* all of it was read: the next SQLGetData on the column is SQL_NO_DATA */
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_WCHAR, text, sizeof text, &n), SQL_NO_DATA);
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    /* the same value as SQL_C_CHAR is UTF-8 */
    OK(st, exec_w(st, "select txt from wt where id = 2"));
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_CHAR, text, sizeof text, &n));
    ck_assert_str_eq(text, CLEF "x" CLEF "\xC3\xA9");
    ck_assert_int_eq(n, 11);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(describe_col_w)
{
    ensure_table();
    SQLHSTMT st = new_stmt();
    /* größe𝄞: 5 BMP characters and a surrogate pair = 7 UTF-16 units */
    OK(st, exec_w(st, "select id, txt \"gr\xC3\xB6\xC3\x9F" "e" CLEF "\" from wt"));
    SQLWCHAR name[64], want[64];
    size_t wn = to_w("gr\xC3\xB6\xC3\x9F" "e" CLEF, want, 64);
    ck_assert_uint_eq(wn, 7);
    SQLSMALLINT len = -1, type = 0, digits = -1, nullable = -1;
    SQLULEN size = 0;
    OK(st, SQLDescribeColW(st, 2, name, 64, &len, &type, &size, &digits, &nullable));
    ck_assert_int_eq(len, 7); /* characters */
    ck_assert_mem_eq(name, want, 8 * sizeof(SQLWCHAR));
    ck_assert_int_eq(type, SQL_VARCHAR);
    ck_assert_uint_eq(size, 250);
    /* truncation: 01004, the full length, a terminated buffer */
    SQLWCHAR small[4] = {9, 9, 9, 9};
    EXPECT_RC(st, SQLDescribeColW(st, 2, small, 4, &len, NULL, NULL, NULL, NULL),
              SQL_SUCCESS_WITH_INFO);
    expect_state(st, 1, "01004");
    ck_assert_int_eq(len, 7);
    ck_assert_mem_eq(small, want, 3 * sizeof(SQLWCHAR));
    ck_assert_int_eq(small[3], 0);
    /* a buffer ending inside the surrogate pair keeps whole characters */
    SQLWCHAR seven[7];
    EXPECT_RC(st, SQLDescribeColW(st, 2, seven, 7, &len, NULL, NULL, NULL, NULL),
              SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(len, 7);
    ck_assert_uint_eq(wlen(seven), 5);
    ck_assert_mem_eq(seven, want, 5 * sizeof(SQLWCHAR));
    /* SQLColAttributeW: string lengths in bytes */
    SQLWCHAR attr[64];
    SQLSMALLINT alen = -1;
    OK(st, SQLColAttributeW(st, 2, SQL_DESC_NAME, attr, sizeof attr, &alen, NULL));
    ck_assert_int_eq(alen, 14);
    ck_assert_mem_eq(attr, want, 8 * sizeof(SQLWCHAR));
    OK(st, SQLColAttributeW(st, 2, SQL_DESC_LABEL, attr, sizeof attr, &alen, NULL));
    ck_assert_int_eq(alen, 14);
    ck_assert_mem_eq(attr, want, 8 * sizeof(SQLWCHAR));
    EXPECT_RC(st, SQLColAttributeW(st, 2, SQL_DESC_NAME, attr, 6, &alen, NULL),
              SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(alen, 14);
    ck_assert_int_eq(attr[2], 0);
    SQLLEN num = 0;
    OK(st, SQLColAttributeW(st, 2, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &num));
    ck_assert_int_eq(num, SQL_VARCHAR);
    OK(st, SQLColAttributeW(st, 1, SQL_DESC_NAME, attr, sizeof attr, &alen, NULL));
    ck_assert_int_eq(alen, 4);
    char u8[64];
    from_w(attr, (size_t)alen / 2, u8, sizeof u8);
    ck_assert_str_eq(u8, "id");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

/* SQL_C_WCHAR in chunks: every piece NUL-terminated, whole UTF-16 units,
 * never ends on a high surrogate, indicator = bytes left before the call,
 * 01004 until the last piece, then SQL_NO_DATA. */
static void chunked(SQLHSTMT st, SQLLEN buf_bytes, const SQLWCHAR *want, size_t want_units)
{
    SQLWCHAR buf[64];
    SQLWCHAR got[600];
    size_t got_units = 0;
    size_t left = want_units * 2;
    ck_assert(buf_bytes <= (SQLLEN)sizeof buf);
    for (int guard = 0; guard < 1000; guard++) {
        SQLLEN ind = -7;
        memset(buf, 0xAB, sizeof buf);
        SQLRETURN rc = SQLGetData(st, 1, SQL_C_WCHAR, buf, buf_bytes, &ind);
        if (left == 0) {
            ck_assert_int_eq(rc, SQL_NO_DATA);
            break;
        }
        ck_assert_msg(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO, "rc %d", rc);
        ck_assert_int_eq(ind, (SQLLEN)left);
        size_t units = wlen(buf);
        ck_assert(units * 2 + 2 <= (size_t)buf_bytes);
        if (rc == SQL_SUCCESS_WITH_INFO) {
            expect_state(st, 1, "01004");
            ck_assert(units > 0);
            ck_assert_msg(!(buf[units - 1] >= 0xD800 && buf[units - 1] < 0xDC00),
                          "piece ends inside a surrogate pair");
        } else {
            ck_assert_uint_eq(units * 2, left);
        }
        memcpy(got + got_units, buf, units * 2);
        got_units += units;
        left -= units * 2;
    }
    ck_assert_uint_eq(got_units, want_units);
    ck_assert_mem_eq(got, want, want_units * 2);
}

START_TEST(getdata_wchar_chunks)
{
    ensure_table();
    SQLHSTMT st = new_stmt();
    char text[400];
    size_t o = 0;
    for (int i = 0; i < 20; i++) { /* 135 bytes: fits NVARCHAR(250) */
        memcpy(text + o, i % 3 ? "a" CLEF : "\xC3\xA9" CLEF CLEF, i % 3 ? 5 : 10);
        o += i % 3 ? 5 : 10;
    }
    text[o] = '\0';
    char sql[600];
    snprintf(sql, sizeof sql, "insert into wt values (3, '%s')", text);
    exec_w_ok(st, sql);
    SQLWCHAR want[600];
    size_t wn = to_w(text, want, 600);
    /* even and odd buffer sizes, some forcing a stop before a surrogate pair */
    static const SQLLEN sizes[] = {6, 7, 8, 9, 10, 64};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        OK(st, exec_w(st, "select txt from wt where id = 3"));
        OK(st, SQLFetch(st));
        chunked(st, sizes[k], want, wn);
        OK(st, SQLFreeStmt(st, SQL_CLOSE));
    }
    /* a zero-length buffer only reports the length */
    OK(st, exec_w(st, "select txt from wt where id = 3"));
    OK(st, SQLFetch(st));
    SQLLEN ind = 0;
    SQLWCHAR dummy[1];
    EXPECT_RC(st, SQLGetData(st, 1, SQL_C_WCHAR, dummy, 0, &ind), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(ind, (SQLLEN)(wn * 2));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(diag_rec_w)
{
    SQLHSTMT st = new_stmt();
    EXPECT_RC(st, exec_w(st, "select * from n\xC3\xB6pe"), SQL_ERROR);
    SQLWCHAR state[6], msg[512];
    SQLINTEGER native = 0;
    SQLSMALLINT len = -1;
    ck_assert_int_eq(SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, state, &native, msg, 512, &len),
                     SQL_SUCCESS);
    char u8[1100];
    from_w(state, 5, u8, sizeof u8);
    ck_assert_str_eq(u8, "42S02");
    ck_assert_int_eq(native, -206);
    ck_assert_uint_eq((size_t)len, wlen(msg)); /* characters */
    from_w(msg, (size_t)len, u8, sizeof u8);
    ck_assert_msg(strstr(u8, "n\xC3\xB6pe") != NULL, "message: %s", u8);
    ck_assert_msg(strncmp(u8, "[", 1) == 0, "message: %s", u8);
    /* a short buffer: SQL_SUCCESS_WITH_INFO, the full length, terminated */
    SQLSMALLINT full = len;
    SQLWCHAR shortbuf[8];
    ck_assert_int_eq(SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, state, &native, shortbuf, 8, &len),
                     SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(len, full);
    ck_assert_uint_eq(wlen(shortbuf), 7);
    /* SQLGetDiagFieldW: SQLSTATE */
    SQLWCHAR st2[6];
    SQLSMALLINT blen = -1;
    ck_assert_int_eq(SQLGetDiagFieldW(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, st2,
                                      sizeof st2, &blen),
                     SQL_SUCCESS);
    from_w(st2, 5, u8, sizeof u8);
    ck_assert_str_eq(u8, "42S02");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(native_sql_w)
{
    const char *in = "select {fn ucase(txt)}, '" CLEF "' from wt where d = {d '2024-01-02'}";
    const char *ansi = "select UPPER(txt), '" CLEF "' from wt where d = MDY(1, 2, 2024)";
    SQLWCHAR win[256], wout[256], want[256];
    to_w(in, win, 256);
    size_t wn = to_w(ansi, want, 256);
    SQLINTEGER len = -1;
    ck_assert_int_eq(SQLNativeSqlW(dbc, win, SQL_NTS, wout, 256, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, (SQLINTEGER)wn); /* characters */
    ck_assert_mem_eq(wout, want, (wn + 1) * sizeof(SQLWCHAR));
    /* explicit input length in characters (stop before the escape clause) */
    ck_assert_int_eq(SQLNativeSqlW(dbc, win, 6, wout, 256, &len), SQL_SUCCESS);
    ck_assert_int_eq(len, 6);
    ck_assert_mem_eq(wout, want, 6 * sizeof(SQLWCHAR));
    /* truncation */
    ck_assert_int_eq(SQLNativeSqlW(dbc, win, SQL_NTS, wout, 5, &len), SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(len, (SQLINTEGER)wn);
    ck_assert_uint_eq(wlen(wout), 4);
}
END_TEST

START_TEST(get_info_w)
{
    static const SQLUSMALLINT infos[] = {SQL_DBMS_NAME, SQL_DRIVER_ODBC_VER, SQL_DBMS_VER,
                                         SQL_DRIVER_NAME, SQL_IDENTIFIER_QUOTE_CHAR,
                                         SQL_DESCRIBE_PARAMETER};
    for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
        char a[256];
        SQLSMALLINT alen = -1;
        ck_assert_int_eq(SQLGetInfo(dbc, infos[i], a, sizeof a, &alen), SQL_SUCCESS);
        SQLWCHAR w[256], want[256];
        SQLSMALLINT wl = -1;
        ck_assert_int_eq(SQLGetInfoW(dbc, infos[i], w, sizeof w, &wl), SQL_SUCCESS);
        size_t wn = to_w(a, want, 256);
        ck_assert_int_eq(wl, (SQLSMALLINT)(wn * 2)); /* bytes */
        ck_assert_mem_eq(w, want, (wn + 1) * 2);
    }
    SQLWCHAR ver[8];
    SQLSMALLINT vl = -1;
    ck_assert_int_eq(SQLGetInfoW(dbc, SQL_DRIVER_ODBC_VER, ver, sizeof ver, &vl), SQL_SUCCESS);
    char u8[16];
    from_w(ver, (size_t)vl / 2, u8, sizeof u8);
    ck_assert_str_eq(u8, "03.80");
    /* a 4-byte buffer: one character and the terminator */
    SQLWCHAR tiny[2] = {9, 9};
    ck_assert_int_eq(SQLGetInfoW(dbc, SQL_DRIVER_ODBC_VER, tiny, sizeof tiny, &vl),
                     SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(vl, 10);
    ck_assert_int_eq(tiny[0], '0');
    ck_assert_int_eq(tiny[1], 0);
}
END_TEST

START_TEST(driver_connect_w)
{
    SQLHDBC d2 = SQL_NULL_HDBC;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &d2), SQL_SUCCESS);
    SQLWCHAR in[512], out[1024];
    to_w(E.connstr, in, 512);
    SQLSMALLINT olen = -1;
    SQLRETURN rc = SQLDriverConnectW(d2, NULL, in, SQL_NTS, out, 1024, &olen,
                                     SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, d2);
    ck_assert_int_eq(rc, SQL_SUCCESS);
    ck_assert_uint_eq((size_t)olen, wlen(out)); /* characters */
    char u8[2048];
    from_w(out, (size_t)olen, u8, sizeof u8);
    ck_assert_msg(strstr(u8, "DSN=ifxtest") != NULL, "completed: %s", u8);
    /* the completed string works as a connection string of its own */
    SQLHSTMT st = SQL_NULL_HSTMT;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, d2, &st), SQL_SUCCESS);
    OK(st, exec_w(st, "select count(*) from systables where tabid = 1"));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(d2);
    SQLWCHAR small[6];
    SQLSMALLINT slen = -1;
    rc = SQLDriverConnectW(d2, NULL, out, SQL_NTS, small, 6, &slen, SQL_DRIVER_NOPROMPT);
    ck_assert_int_eq(rc, SQL_SUCCESS_WITH_INFO);
    ck_assert_int_eq(slen, olen);
    ck_assert_uint_eq(wlen(small), 5);
    SQLDisconnect(d2);
    SQLFreeHandle(SQL_HANDLE_DBC, d2);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_wide");
    TCase *tc = tcase_create("wide");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, exec_direct_and_prepare_w);
    tcase_add_test(tc, describe_col_w);
    tcase_add_test(tc, getdata_wchar_chunks);
    tcase_add_test(tc, diag_rec_w);
    tcase_add_test(tc, native_sql_w);
    tcase_add_test(tc, get_info_w);
    tcase_add_test(tc, driver_connect_w);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
