/* SPDX-License-Identifier: MIT */
/* it_odbc_charset.c - database code sets end to end (docs/charsets.md):
 * ifxlite hosts an ISO-8859-1 database, a CP1252 one and a UTF-8 one; the
 * driver converts SQL text, string parameters and character results for the
 * ANSI (UTF-8) and W (UTF-16) families; CHAR/VARCHAR lengths count bytes of
 * the database code set; a character the code set cannot hold is 22018
 * (-21005) and writes nothing; a DB_LOCALE naming another code set is
 * refused with -23197. */
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

static struct odbc_test_env E;
static SQLHENV env;

static const char *const server_args[] = {
    "--create-db", "testdb:logged",         "--create-db", "lat:logged:en_US.8859-1",
    "--create-db", "w52:logged:en_US.1252", "--create-db", "u8:logged:en_US.utf8",
    NULL};

static void setup(void)
{
    ck_assert_msg(odbc_test_env_start(&E, server_args), "test environment");
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
}

static void teardown(void)
{
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    odbc_test_env_stop(&E);
}

/* Connect (ANSI) to database db with DB_LOCALE loc; returns the rc. */
static SQLRETURN connect_db(SQLHDBC *dbc, const char *db, const char *loc)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, dbc), SQL_SUCCESS);
    char cs[700];
    snprintf(cs, sizeof cs, "%sDatabase=%s;DB_LOCALE=%s;", E.connstr, db, loc);
    return SQLDriverConnect(*dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
}

static SQLHDBC open_db(const char *db, const char *loc)
{
    SQLHDBC dbc;
    SQLRETURN rc = connect_db(&dbc, db, loc);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert(SQL_SUCCEEDED(rc));
    return dbc;
}

static void close_db(SQLHDBC dbc)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static SQLHSTMT new_stmt(SQLHDBC dbc)
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

static void exec_ok(SQLHSTMT st, const char *sql)
{
    SQLCHAR text[1024];
    snprintf((char *)text, sizeof text, "%s", sql);
    OK(st, SQLExecDirect(st, text, SQL_NTS));
    SQLFreeStmt(st, SQL_CLOSE);
}

static void expect_diag(SQLSMALLINT type, SQLHANDLE h, const char *state, SQLINTEGER native)
{
    SQLCHAR got[6] = "";
    SQLINTEGER nat = 0;
    SQLCHAR msg[512] = "";
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(type, h, 1, got, &nat, msg, sizeof msg, &len), SQL_SUCCESS);
    ck_assert_msg(strcmp((char *)got, state) == 0 && nat == native, "%s (%d), want %s (%d): %s",
                  got, (int)nat, state, (int)native, msg);
}

/* UTF-8 of U+00A0..U+00FF (96 characters, 192 bytes). */
static void latin1_upper(char *out)
{
    size_t o = 0;
    for (unsigned cp = 0xA0; cp <= 0xFF; cp++) {
        out[o++] = (char)(0xC0 | cp >> 6);
        out[o++] = (char)(0x80 | (cp & 0x3F));
    }
    out[o] = '\0';
}

/* Fetch column col of the only row of sql as SQL_C_CHAR. */
static SQLLEN fetch_text(SQLHSTMT st, const char *sql, SQLUSMALLINT col, char *buf, SQLLEN cap)
{
    SQLCHAR text[1024];
    snprintf((char *)text, sizeof text, "%s", sql);
    OK(st, SQLExecDirect(st, text, SQL_NTS));
    OK(st, SQLFetch(st));
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, col, SQL_C_CHAR, buf, cap, &ind));
    SQLFreeStmt(st, SQL_CLOSE);
    return ind;
}

START_TEST(latin1_full_range_round_trips_through_ansi)
{
    SQLHDBC dbc = open_db("lat", "en_US.819");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE t (id INT, v VARCHAR(100), c CHAR(100), v5 VARCHAR(5))");
    char up[200];
    latin1_upper(up);
    /* parameter (UTF-8 in, 96 ISO-8859-1 bytes on the wire) */
    OK(st, SQLPrepare(st, (SQLCHAR *)"INSERT INTO t VALUES (1, ?, ?, ?)", SQL_NTS));
    SQLLEN n1 = SQL_NTS, n2 = SQL_NTS, n3 = SQL_NTS;
    char five[] = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* ééééé: 5 bytes in 8859-1 */
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 100, 0, up, 0, &n1));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_CHAR, 100, 0, up, 0, &n2));
    OK(st, SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 5, 0, five, 0, &n3));
    OK(st, SQLExecute(st));
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    /* literal in the SQL text */
    exec_ok(st, "INSERT INTO t VALUES (2, '\xc3\xa9\xc3\xbc\xc3\x9f\xc3\xb1', "
                "'\xc3\xa9\xc3\xbc\xc3\x9f\xc3\xb1', 'x')");

    char got[512];
    SQLLEN ind = fetch_text(st, "SELECT v FROM t WHERE id = 1", 1, got, sizeof got);
    ck_assert_int_eq(ind, 192);
    ck_assert_str_eq(got, up);
    /* CHAR(100) is 100 bytes of ISO-8859-1: 96 characters and 4 blanks */
    ind = fetch_text(st, "SELECT c FROM t WHERE id = 1", 1, got, sizeof got);
    ck_assert_int_eq(ind, 196);
    ck_assert(memcmp(got, up, 192) == 0);
    ck_assert_str_eq(got + 192, "    ");
    /* VARCHAR(5) holds five 'é' (five bytes in the database), not two */
    ind = fetch_text(st, "SELECT v5 FROM t WHERE id = 1", 1, got, sizeof got);
    ck_assert_str_eq(got, five);
    /* the server counts bytes of its code set too */
    fetch_text(st, "SELECT LENGTH(v), OCTET_LENGTH(c) FROM t WHERE id = 1", 1, got, sizeof got);
    ck_assert_str_eq(got, "96");
    fetch_text(st, "SELECT OCTET_LENGTH(c) FROM t WHERE id = 1", 1, got, sizeof got);
    ck_assert_str_eq(got, "100");
    ind = fetch_text(st, "SELECT v FROM t WHERE id = 2", 1, got, sizeof got);
    ck_assert_str_eq(got, "\xc3\xa9\xc3\xbc\xc3\x9f\xc3\xb1");
    /* a comparison with an accented literal runs in the database code set */
    ind = fetch_text(st, "SELECT id FROM t WHERE c = '\xc3\xa9\xc3\xbc\xc3\x9f\xc3\xb1'", 1, got,
                     sizeof got);
    ck_assert_str_eq(got, "2");
    /* sizes: column size in characters (= bytes of 8859-1), octet length of
     * the UTF-8 transfer */
    OK(st, SQLPrepare(st, (SQLCHAR *)"SELECT v, c FROM t", SQL_NTS));
    SQLULEN size = 0;
    SQLLEN octets = 0;
    OK(st, SQLDescribeCol(st, 1, NULL, 0, NULL, NULL, &size, NULL, NULL));
    ck_assert_uint_eq(size, 100);
    OK(st, SQLColAttribute(st, 2, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &octets));
    ck_assert_int_eq(octets, 200);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

START_TEST(latin1_round_trips_through_wide)
{
    SQLHDBC dbc = open_db("lat", "de_DE.8859-1");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE w (id INT, v VARCHAR(120))");
    SQLWCHAR in[100];
    for (unsigned i = 0; i < 96; i++)
        in[i] = (SQLWCHAR)(0xA0 + i);
    in[96] = 0;
    SQLWCHAR sql[64];
    const char *s = "INSERT INTO w VALUES (1, ?)";
    size_t k = 0;
    for (; s[k]; k++)
        sql[k] = (SQLWCHAR)s[k];
    sql[k] = 0;
    SQLLEN n = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 100, 0, in,
                            sizeof in, &n));
    OK(st, SQLExecDirectW(st, sql, SQL_NTS));
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT v FROM w", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLWCHAR out[128];
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 1, SQL_C_WCHAR, out, sizeof out, &ind));
    ck_assert_int_eq(ind, 96 * 2);
    ck_assert(memcmp(out, in, 96 * sizeof(SQLWCHAR)) == 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

START_TEST(unrepresentable_character_is_22018_and_writes_nothing)
{
    SQLHDBC dbc = open_db("lat", "en_US.8859-1");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE u (v VARCHAR(20))");
    /* in the SQL text: the euro sign is not in ISO-8859-1 */
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO u VALUES ('5 \xe2\x82\xac')", SQL_NTS),
              SQL_ERROR);
    expect_diag(SQL_HANDLE_STMT, st, "22018", -21005);
    /* in a parameter: a CJK character, through the W family */
    SQLWCHAR cjk[] = {'a', 0x4E2D, 0};
    SQLLEN n = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, cjk,
                            sizeof cjk, &n));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO u VALUES (?)", SQL_NTS), SQL_ERROR);
    expect_diag(SQL_HANDLE_STMT, st, "22018", -21005);
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    char got[32];
    fetch_text(st, "SELECT COUNT(*) FROM u", 1, got, sizeof got);
    ck_assert_str_eq(got, "0");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

START_TEST(utf8_database_carries_emoji_through_wide)
{
    SQLHDBC dbc = open_db("u8", "en_US.57372");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE e (v VARCHAR(20))");
    SQLWCHAR in[] = {'x', 0xD83D, 0xDE00, 0x00E9, 0};
    SQLLEN n = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, in, sizeof in,
                            &n));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO e VALUES (?)", SQL_NTS));
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT v FROM e", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLWCHAR out[16];
    SQLLEN ind = 0;
    OK(st, SQLGetData(st, 1, SQL_C_WCHAR, out, sizeof out, &ind));
    ck_assert_int_eq(ind, 8);
    ck_assert(memcmp(out, in, sizeof in) == 0);
    SQLFreeStmt(st, SQL_CLOSE);
    /* and through the ANSI family as UTF-8 (F0 9F 98 80) */
    char got[32];
    fetch_text(st, "SELECT v FROM e", 1, got, sizeof got);
    ck_assert_str_eq(got, "x\xf0\x9f\x98\x80\xc3\xa9");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

START_TEST(cp1252_database_holds_the_euro_sign)
{
    SQLHDBC dbc = open_db("w52", "en_US.CP1252");
    SQLHSTMT st = new_stmt(dbc);
    /* VARCHAR(1): the euro sign is one byte (0x80) in CP1252, three in UTF-8 */
    exec_ok(st, "CREATE TABLE m (v VARCHAR(1), w VARCHAR(10))");
    exec_ok(st, "INSERT INTO m VALUES ('\xe2\x82\xac', '\xe2\x80\x9cq\xe2\x80\x9d')");
    char got[32];
    SQLLEN ind = fetch_text(st, "SELECT v FROM m", 1, got, sizeof got);
    ck_assert_int_eq(ind, 3);
    ck_assert_str_eq(got, "\xe2\x82\xac");
    fetch_text(st, "SELECT w FROM m", 1, got, sizeof got);
    ck_assert_str_eq(got, "\xe2\x80\x9cq\xe2\x80\x9d");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

START_TEST(db_locale_of_another_code_set_is_refused)
{
    SQLHDBC dbc;
    SQLRETURN rc = connect_db(&dbc, "lat", "en_US.utf8");
    ck_assert_int_eq(rc, SQL_ERROR);
    expect_diag(SQL_HANDLE_DBC, dbc, "08004", -23197);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    /* the same code set under another name or territory is accepted */
    dbc = open_db("lat", "fr_FR.iso-8859-1");
    close_db(dbc);
    /* an unknown code set is refused by the driver before any I/O */
    rc = connect_db(&dbc, "lat", "en_US.klingon");
    ck_assert_int_eq(rc, SQL_ERROR);
    expect_diag(SQL_HANDLE_DBC, dbc, "08001", -23101);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}
END_TEST

START_TEST(created_database_takes_the_clients_db_locale)
{
    SQLHDBC dbc = open_db("lat", "en_US.8859-1");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE DATABASE made1");
    exec_ok(st, "CREATE TABLE x (v CHAR(3))");
    exec_ok(st, "INSERT INTO x VALUES ('\xc3\xa4\xc3\xb6\xc3\xbc')");
    char got[16];
    fetch_text(st, "SELECT v FROM x", 1, got, sizeof got);
    ck_assert_str_eq(got, "\xc3\xa4\xc3\xb6\xc3\xbc"); /* three bytes in 8859-1: no cut */
    /* DATABASE to a database of another code set is refused the same way */
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"DATABASE u8", SQL_NTS), SQL_ERROR);
    expect_diag(SQL_HANDLE_STMT, st, "08004", -23197);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
    SQLRETURN rc = connect_db(&dbc, "made1", "en_US.utf8");
    ck_assert_int_eq(rc, SQL_ERROR);
    expect_diag(SQL_HANDLE_DBC, dbc, "08004", -23197);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}
END_TEST

START_TEST(catalog_finds_accented_names)
{
    SQLHDBC dbc = open_db("lat", "en_US.8859-1");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE \"t\xc3\xa0"
                "b\" (\"\xc3\xa7"
                "ol\" INT)");
    SQLCHAR tab[] = "t\xc3\xa0"
                    "b";
    OK(st, SQLColumns(st, NULL, 0, NULL, 0, tab, SQL_NTS, NULL, 0));
    OK(st, SQLFetch(st));
    char got[64];
    SQLLEN ind;
    OK(st, SQLGetData(st, 3, SQL_C_CHAR, got, sizeof got, &ind));
    ck_assert_str_eq(got, "t\xc3\xa0"
                          "b");
    OK(st, SQLGetData(st, 4, SQL_C_CHAR, got, sizeof got, &ind));
    ck_assert_str_eq(got, "\xc3\xa7"
                          "ol");
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    SQLFreeStmt(st, SQL_CLOSE);
    /* the column name of a result set and a server message's insertion text */
    OK(st, SQLExecDirect(st,
                         (SQLCHAR *)"SELECT * FROM \"t\xc3\xa0"
                                    "b\"",
                         SQL_NTS));
    SQLCHAR name[32];
    SQLSMALLINT nl = 0;
    OK(st, SQLDescribeCol(st, 1, name, sizeof name, &nl, NULL, NULL, NULL, NULL));
    ck_assert_str_eq((char *)name, "\xc3\xa7"
                                   "ol");
    SQLFreeStmt(st, SQL_CLOSE);
    EXPECT_RC(st,
              SQLExecDirect(st,
                            (SQLCHAR *)"SELECT * FROM n\xc3\xb6"
                                       "pe",
                            SQL_NTS),
              SQL_ERROR);
    SQLCHAR state[6], msg[256];
    SQLINTEGER nat;
    OK(st, SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &nat, msg, sizeof msg, &nl));
    ck_assert_msg(strstr((char *)msg, "(n\xc3\xb6"
                                      "pe)") != NULL,
                  "%s", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

/* Read column col of the current row entirely with SQLGetData pieces of
 * `piece` bytes (plus room for the terminator) into out; returns the length. */
static size_t get_pieces(SQLHSTMT st, SQLUSMALLINT col, SQLSMALLINT ctype, size_t piece,
                         uint8_t *out, size_t cap)
{
    size_t term = ctype == SQL_C_CHAR ? 1 : ctype == SQL_C_WCHAR ? 2 : 0, n = 0;
    uint8_t *buf = malloc(piece + term);
    ck_assert_ptr_nonnull(buf);
    for (;;) {
        SQLLEN ind = 0;
        SQLRETURN rc = SQLGetData(st, col, ctype, buf, (SQLLEN)(piece + term), &ind);
        if (rc == SQL_NO_DATA)
            break;
        if (!SQL_SUCCEEDED(rc))
            odbc_dump_diag(SQL_HANDLE_STMT, st);
        ck_assert(SQL_SUCCEEDED(rc));
        size_t got = rc == SQL_SUCCESS ? (size_t)ind : piece;
        if (rc == SQL_SUCCESS_WITH_INFO && term) {
            /* a piece ends on a whole character: find its real end */
            got = 0;
            if (term == 1)
                got = strnlen((char *)buf, piece);
            else
                while (got + 1 < piece && (buf[got] || buf[got + 1]))
                    got += 2;
        }
        if (rc == SQL_SUCCESS_WITH_INFO && ctype != SQL_C_BINARY)
            ck_assert_int_eq(ind, SQL_NO_TOTAL); /* converted: the length is not known */
        ck_assert_uint_le(n + got, cap);
        memcpy(out + n, buf, got);
        n += got;
    }
    free(buf);
    return n;
}

/* TEXT and CLOB in an ISO-8859-1 database: characters are converted both
 * ways like any character column, in pieces whose boundaries cut UTF-8
 * sequences (bound buffer, SQLPutData pieces of odd sizes), while
 * SQL_C_BINARY moves the stored bytes unchanged; a character the code set
 * lacks is 22018 / -21005 and inserts nothing. */
START_TEST(latin1_text_and_clob_are_converted_in_pieces)
{
    SQLHDBC dbc = open_db("lat", "en_US.8859-1");
    SQLHSTMT st = new_stmt(dbc);
    exec_ok(st, "CREATE TABLE lt (id INT, t TEXT, c CLOB)");
    char upper[200];
    latin1_upper(upper);
    const size_t reps = 1200; /* 1200 x 96 characters: 230400 UTF-8 bytes, 115200 stored */
    size_t un = reps * 192, ln = reps * 96;
    char *utf8 = malloc(un + 1);
    uint8_t *latin = malloc(ln);
    ck_assert(utf8 && latin);
    for (size_t r = 0; r < reps; r++) {
        memcpy(utf8 + r * 192, upper, 192);
        for (unsigned k = 0; k < 96; k++)
            latin[r * 96 + k] = (uint8_t)(0xA0 + k);
    }
    utf8[un] = '\0';
    /* row 1: bound buffers */
    SQLLEN tl = (SQLLEN)un, cl = (SQLLEN)un;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, un, 0, utf8,
                            (SQLLEN)un, &tl));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, un, 0, utf8,
                            (SQLLEN)un, &cl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lt VALUES (1, ?, ?)", SQL_NTS));
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    /* row 2: data at execution with a declared length, pieces of 3333 bytes */
    tl = cl = SQL_LEN_DATA_AT_EXEC((SQLLEN)un);
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, un, 0,
                            (SQLPOINTER)1, 0, &tl));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, un, 0,
                            (SQLPOINTER)2, 0, &cl));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lt VALUES (2, ?, ?)", SQL_NTS),
              SQL_NEED_DATA);
    SQLPOINTER tok;
    SQLRETURN rc;
    while ((rc = SQLParamData(st, &tok)) == SQL_NEED_DATA)
        for (size_t off = 0; off < un; off += 3333)
            OK(st, SQLPutData(st, utf8 + off, (SQLLEN)(un - off < 3333 ? un - off : 3333)));
    EXPECT_RC(st, rc, SQL_SUCCESS);
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    /* row 3: the stored bytes themselves, as SQL_C_BINARY */
    tl = cl = (SQLLEN)ln;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARCHAR, ln, 0, latin,
                            (SQLLEN)ln, &tl));
    OK(st, SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_BINARY, SQL_LONGVARCHAR, ln, 0, latin,
                            (SQLLEN)ln, &cl));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lt VALUES (3, ?, ?)", SQL_NTS));
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    uint8_t *got = malloc(un * 2 + 16);
    ck_assert_ptr_nonnull(got);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT t, c FROM lt ORDER BY id", SQL_NTS));
    for (int row = 1; row <= 3; row++) {
        OK(st, SQLFetch(st));
        for (SQLUSMALLINT col = 1; col <= 2; col++) {
            /* as characters, in pieces of 1001 bytes (cutting sequences) */
            size_t n = get_pieces(st, col, SQL_C_CHAR, 1001, got, un * 2 + 16);
            ck_assert_msg(n == un && memcmp(got, utf8, un) == 0, "row %d col %u: %zu bytes", row,
                          (unsigned)col, n);
        }
    }
    SQLFreeStmt(st, SQL_CLOSE);
    OK(st, SQLExecDirect(st, (SQLCHAR *)"SELECT t, c FROM lt ORDER BY id", SQL_NTS));
    for (int row = 1; row <= 3; row++) {
        OK(st, SQLFetch(st));
        /* TEXT as bytes: what the database holds, one byte per character */
        size_t n = get_pieces(st, 1, SQL_C_BINARY, 4096, got, un * 2 + 16);
        ck_assert_msg(n == ln && memcmp(got, latin, ln) == 0, "row %d: %zu stored bytes", row, n);
        /* CLOB as UTF-16 */
        n = get_pieces(st, 2, SQL_C_WCHAR, 999, got, un * 2 + 16);
        ck_assert_uint_eq(n, ln * 2);
        for (size_t k = 0; k < ln; k++)
            ck_assert(got[2 * k] == latin[k] && got[2 * k + 1] == 0);
    }
    SQLFreeStmt(st, SQL_CLOSE);
    /* the euro sign is not in ISO-8859-1 */
    char euro[] = "price: 5 \xe2\x82\xac";
    SQLLEN el = SQL_NTS;
    OK(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 20, 0,
                            euro, 0, &el));
    EXPECT_RC(st, SQLExecDirect(st, (SQLCHAR *)"INSERT INTO lt (id, c) VALUES (4, ?)", SQL_NTS),
              SQL_ERROR);
    expect_diag(SQL_HANDLE_STMT, st, "22018", -21005);
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    char cnt[16];
    fetch_text(st, "SELECT COUNT(*) FROM lt", 1, cnt, sizeof cnt);
    ck_assert_str_eq(cnt, "3");
    free(got);
    free(utf8);
    free(latin);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    close_db(dbc);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_charset");
    TCase *tc = tcase_create("charset");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, latin1_full_range_round_trips_through_ansi);
    tcase_add_test(tc, latin1_round_trips_through_wide);
    tcase_add_test(tc, unrepresentable_character_is_22018_and_writes_nothing);
    tcase_add_test(tc, utf8_database_carries_emoji_through_wide);
    tcase_add_test(tc, cp1252_database_holds_the_euro_sign);
    tcase_add_test(tc, db_locale_of_another_code_set_is_refused);
    tcase_add_test(tc, created_database_takes_the_clients_db_locale);
    tcase_add_test(tc, catalog_finds_accented_names);
    tcase_add_test(tc, latin1_text_and_clob_are_converted_in_pieces);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
