/* SPDX-License-Identifier: MIT */
/* it_odbc_types.c - every Informix column type through the unixODBC DM
 * against ifxlite: SQLDescribeCol / SQLColAttribute report standard ODBC
 * types, sizes and nullability; parameters bound with the natural C types go
 * in and come back exactly through SQLGetData (natural C types and
 * SQL_C_CHAR); NULL in every column; 01S07 for a 6-digit fraction into
 * DATETIME YEAR TO FRACTION(5). */
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

/* ---- the table ------------------------------------------------------------ */

#define TY_CREATE                                                                                  \
    "create table ty (id integer not null, c char(10), nc nchar(10), vc varchar(20), "            \
    "nvc nvarchar(20), lvc lvarchar(4000), si smallint, i integer, i8 int8, bi bigint, "           \
    "sf smallfloat, f float, d122 decimal(12,2), d3210 decimal(32,10), d16 decimal(16), "        \
    "m money(10,2), dt date, dts datetime year to second, dtf datetime year to fraction(5), "     \
    "dtd datetime year to day, dth datetime hour to second, dthm datetime hour to minute, "       \
    "ids interval day(3) to second, iym interval year to month, b boolean)"
#define TY_COLS                                                                                    \
    "id, c, nc, vc, nvc, lvc, si, i, i8, bi, sf, f, d122, d3210, d16, m, dt, dts, dtf, dtd, "     \
    "dth, dthm, ids, iym, b"
enum { NCOLS = 25 };

struct expect_col {
    const char *name;
    SQLSMALLINT type;      /* concise */
    SQLSMALLINT verbose;   /* SQL_DESC_TYPE */
    SQLSMALLINT code;      /* SQL_DESC_DATETIME_INTERVAL_CODE */
    SQLULEN size;
    SQLSMALLINT digits;
    SQLSMALLINT nullable;
};

static const struct expect_col ty_expect[NCOLS] = {
    {"id", SQL_INTEGER, SQL_INTEGER, 0, 10, 0, SQL_NO_NULLS},
    {"c", SQL_CHAR, SQL_CHAR, 0, 10, 0, SQL_NULLABLE},
    {"nc", SQL_CHAR, SQL_CHAR, 0, 10, 0, SQL_NULLABLE},
    {"vc", SQL_VARCHAR, SQL_VARCHAR, 0, 20, 0, SQL_NULLABLE},
    {"nvc", SQL_VARCHAR, SQL_VARCHAR, 0, 20, 0, SQL_NULLABLE},
    {"lvc", SQL_VARCHAR, SQL_VARCHAR, 0, 4000, 0, SQL_NULLABLE},
    {"si", SQL_SMALLINT, SQL_SMALLINT, 0, 5, 0, SQL_NULLABLE},
    {"i", SQL_INTEGER, SQL_INTEGER, 0, 10, 0, SQL_NULLABLE},
    {"i8", SQL_BIGINT, SQL_BIGINT, 0, 19, 0, SQL_NULLABLE},
    {"bi", SQL_BIGINT, SQL_BIGINT, 0, 19, 0, SQL_NULLABLE},
    {"sf", SQL_REAL, SQL_REAL, 0, 7, 0, SQL_NULLABLE},
    {"f", SQL_DOUBLE, SQL_DOUBLE, 0, 15, 0, SQL_NULLABLE},
    {"d122", SQL_DECIMAL, SQL_DECIMAL, 0, 12, 2, SQL_NULLABLE},
    {"d3210", SQL_DECIMAL, SQL_DECIMAL, 0, 32, 10, SQL_NULLABLE},
    {"d16", SQL_DECIMAL, SQL_DECIMAL, 0, 16, 0, SQL_NULLABLE},
    {"m", SQL_DECIMAL, SQL_DECIMAL, 0, 10, 2, SQL_NULLABLE},
    {"dt", SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, SQL_NULLABLE},
    {"dts", SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 19, 0, SQL_NULLABLE},
    {"dtf", SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 25, 5, SQL_NULLABLE},
    {"dtd", SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, SQL_NULLABLE},
    {"dth", SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 8, 0, SQL_NULLABLE},
    {"dthm", SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 8, 0, SQL_NULLABLE},
    /* ODBC column size of INTERVAL DAY(p) TO SECOND: p + 9 */
    {"ids", SQL_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL, SQL_CODE_DAY_TO_SECOND, 12, 0,
     SQL_NULLABLE},
    /* INTERVAL YEAR TO MONTH is YEAR(4) TO MONTH: 4 + 3 */
    {"iym", SQL_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL, SQL_CODE_YEAR_TO_MONTH, 7, 0,
     SQL_NULLABLE},
    {"b", SQL_BIT, SQL_BIT, 0, 1, 0, SQL_NULLABLE},
};

static bool ty_created;

static void ensure_table(void)
{
    if (ty_created)
        return;
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, TY_CREATE);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    ty_created = true;
}

static void check_describe(SQLHSTMT st, const struct expect_col *ex, SQLSMALLINT n)
{
    SQLSMALLINT ncols = -1;
    OK(st, SQLNumResultCols(st, &ncols));
    ck_assert_int_eq(ncols, n);
    for (SQLSMALLINT i = 0; i < n; i++) {
        SQLUSMALLINT col = (SQLUSMALLINT)(i + 1);
        SQLCHAR name[64];
        SQLSMALLINT name_len = -1, type = -1, digits = -1, nullable = -1;
        SQLULEN size = 0;
        OK(st, SQLDescribeCol(st, col, name, sizeof name, &name_len, &type, &size, &digits,
                              &nullable));
        ck_assert_str_eq((char *)name, ex[i].name);
        ck_assert_int_eq(name_len, (SQLSMALLINT)strlen(ex[i].name));
        ck_assert_msg(type == ex[i].type, "%s: type %d, want %d", ex[i].name, type, ex[i].type);
        ck_assert_msg(size == ex[i].size, "%s: size %lu, want %lu", ex[i].name,
                      (unsigned long)size, (unsigned long)ex[i].size);
        ck_assert_msg(digits == ex[i].digits, "%s: digits %d", ex[i].name, digits);
        ck_assert_msg(nullable == ex[i].nullable, "%s: nullable %d", ex[i].name, nullable);
        SQLLEN v = -1;
        OK(st, SQLColAttribute(st, col, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &v));
        ck_assert_int_eq(v, ex[i].type);
        OK(st, SQLColAttribute(st, col, SQL_DESC_TYPE, NULL, 0, NULL, &v));
        ck_assert_msg(v == ex[i].verbose, "%s: SQL_DESC_TYPE %ld", ex[i].name, (long)v);
        OK(st, SQLColAttribute(st, col, SQL_DESC_DATETIME_INTERVAL_CODE, NULL, 0, NULL, &v));
        ck_assert_msg(v == ex[i].code, "%s: interval code %ld", ex[i].name, (long)v);
        OK(st, SQLColAttribute(st, col, SQL_DESC_NULLABLE, NULL, 0, NULL, &v));
        ck_assert_int_eq(v, ex[i].nullable);
        OK(st, SQLColAttribute(st, col, SQL_DESC_UNSIGNED, NULL, 0, NULL, &v));
        ck_assert_int_eq(v, SQL_FALSE);
        OK(st, SQLColAttribute(st, col, SQL_DESC_DISPLAY_SIZE, NULL, 0, NULL, &v));
        ck_assert_msg(v > 0, "%s: display size %ld", ex[i].name, (long)v);
        OK(st, SQLColAttribute(st, col, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &v));
        ck_assert_msg(v > 0, "%s: octet length %ld", ex[i].name, (long)v);
        if (ex[i].type == SQL_DECIMAL) {
            OK(st, SQLColAttribute(st, col, SQL_DESC_PRECISION, NULL, 0, NULL, &v));
            ck_assert_int_eq(v, (SQLLEN)ex[i].size);
            OK(st, SQLColAttribute(st, col, SQL_DESC_SCALE, NULL, 0, NULL, &v));
            ck_assert_int_eq(v, ex[i].digits);
        }
        if (ex[i].type == SQL_CHAR || ex[i].type == SQL_VARCHAR) {
            OK(st, SQLColAttribute(st, col, SQL_DESC_LENGTH, NULL, 0, NULL, &v));
            ck_assert_int_eq(v, (SQLLEN)ex[i].size);
        }
        char label[64];
        SQLSMALLINT llen = -1;
        OK(st, SQLColAttribute(st, col, SQL_DESC_LABEL, label, sizeof label, &llen, NULL));
        ck_assert_str_eq(label, ex[i].name);
        ck_assert_int_eq(llen, (SQLSMALLINT)strlen(ex[i].name));
    }
}

START_TEST(describe_every_type)
{
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    /* after SQLPrepare (DESCRIBE came with the prepare) and after execution */
    OK(st, SQLPrepare(st, (SQLCHAR *)"select " TY_COLS " from ty", SQL_NTS));
    check_describe(st, ty_expect, NCOLS);
    OK(st, SQLExecute(st));
    check_describe(st, ty_expect, NCOLS);
    /* a few type-specific attributes */
    SQLLEN v = -1;
    OK(st, SQLColAttribute(st, 16, SQL_DESC_FIXED_PREC_SCALE, NULL, 0, NULL, &v)); /* money */
    ck_assert_int_eq(v, SQL_TRUE);
    OK(st, SQLColAttribute(st, 13, SQL_DESC_FIXED_PREC_SCALE, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, SQL_FALSE);
    OK(st, SQLColAttribute(st, 23, SQL_DESC_DATETIME_INTERVAL_PRECISION, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, 3); /* DAY(3) */
    OK(st, SQLColAttribute(st, 19, SQL_DESC_PRECISION, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, 5); /* FRACTION(5) */
    OK(st, SQLColAttribute(st, 17, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, (SQLLEN)sizeof(SQL_DATE_STRUCT));
    OK(st, SQLColAttribute(st, 9, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, 8);
    /* REAL's column size 7 counts decimal digits, so the radix is 10 */
    OK(st, SQLColAttribute(st, 11, SQL_DESC_NUM_PREC_RADIX, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, 10);
    OK(st, SQLColAttribute(st, 13, SQL_DESC_NUM_PREC_RADIX, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, 10);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(describe_serials)
{
    SQLHSTMT st = fx_new_stmt();
    fx_exec_ok(st, "create table tys (s serial, s8 serial8, v integer)");
    fx_exec_ok(st, "create table tybs (bs bigserial, v integer)");
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into tys (s, s8, v) values (0, 0, 1)",
                         SQL_NTS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into tys (s, s8, v) values (0, 0, 2)",
                         SQL_NTS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"insert into tybs (bs, v) values (0, 1)", SQL_NTS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select s, s8, v from tys order by v", SQL_NTS));
    SQLSMALLINT type;
    SQLULEN size;
    SQLSMALLINT digits, nullable;
    SQLLEN v;
    OK(st, SQLDescribeCol(st, 1, NULL, 0, NULL, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_INTEGER);
    ck_assert_uint_eq(size, 10);
    OK(st, SQLColAttribute(st, 1, SQL_DESC_AUTO_UNIQUE_VALUE, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, SQL_TRUE);
    OK(st, SQLDescribeCol(st, 2, NULL, 0, NULL, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_BIGINT);
    ck_assert_uint_eq(size, 19);
    OK(st, SQLColAttribute(st, 2, SQL_DESC_AUTO_UNIQUE_VALUE, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, SQL_TRUE);
    OK(st, SQLColAttribute(st, 3, SQL_DESC_AUTO_UNIQUE_VALUE, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, SQL_FALSE);
    SQLINTEGER s = 0;
    SQLBIGINT s8 = 0;
    SQLLEN ind;
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &s, 0, &ind));
    OK(st, SQLGetData(st, 2, SQL_C_SBIGINT, &s8, 0, &ind));
    ck_assert_int_eq(s, 1);
    ck_assert_int_eq(s8, 1);
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &s, 0, &ind));
    OK(st, SQLGetData(st, 2, SQL_C_SBIGINT, &s8, 0, &ind));
    ck_assert_int_eq(s, 2);
    ck_assert_int_eq(s8, 2);
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select bs from tybs", SQL_NTS));
    OK(st, SQLDescribeCol(st, 1, NULL, 0, NULL, &type, &size, &digits, &nullable));
    ck_assert_int_eq(type, SQL_BIGINT);
    OK(st, SQLColAttribute(st, 1, SQL_DESC_AUTO_UNIQUE_VALUE, NULL, 0, NULL, &v));
    ck_assert_int_eq(v, SQL_TRUE);
    OK(st, SQLFetch(st));
    OK(st, SQLGetData(st, 1, SQL_C_SBIGINT, &s8, 0, &ind));
    ck_assert_int_eq(s8, 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

/* Parameter values of row 1 (bound with the natural C types). */
static SQLINTEGER p_id;
static char p_c[11], p_vc[21], p_lvc[4001], p_d3210[40], p_d16[24], p_m[16];
static SQLWCHAR p_nc[11], p_nvc[21];
static SQLSMALLINT p_si;
static SQLINTEGER p_i;
static SQLBIGINT p_i8, p_bi;
static SQLREAL p_sf;
static SQLDOUBLE p_f;
static SQL_NUMERIC_STRUCT p_d122;
static SQL_DATE_STRUCT p_dt, p_dtd;
static SQL_TIMESTAMP_STRUCT p_dts, p_dtf;
static SQL_TIME_STRUCT p_dth, p_dthm;
static SQL_INTERVAL_STRUCT p_ids, p_iym;
static unsigned char p_b;
static SQLLEN ind[NCOLS];

static const char *const NVC_UTF8 = "h\xC3\xA9llo\xE2\x82\xAC"; /* héllo€ */
static const char *const NC_UTF8 = "\xC3\xA4" "b\xC3\xA7";        /* äbç */

static void bind_all(SQLHSTMT st)
{
    int k = 0;
#define BP(ct, sqlt, size, dig, ptr, blen)                                                         \
    OK(st, SQLBindParameter(st, (SQLUSMALLINT)(k + 1), SQL_PARAM_INPUT, ct, sqlt, size, dig,      \
                            ptr, blen, &ind[k]));                                                  \
    k++
    BP(SQL_C_SLONG, SQL_INTEGER, 0, 0, &p_id, 0);
    BP(SQL_C_CHAR, SQL_CHAR, 10, 0, p_c, sizeof p_c);
    BP(SQL_C_WCHAR, SQL_WCHAR, 10, 0, p_nc, sizeof p_nc);
    BP(SQL_C_CHAR, SQL_VARCHAR, 20, 0, p_vc, sizeof p_vc);
    BP(SQL_C_WCHAR, SQL_WVARCHAR, 20, 0, p_nvc, sizeof p_nvc);
    BP(SQL_C_CHAR, SQL_VARCHAR, 4000, 0, p_lvc, sizeof p_lvc);
    BP(SQL_C_SSHORT, SQL_SMALLINT, 0, 0, &p_si, 0);
    BP(SQL_C_SLONG, SQL_INTEGER, 0, 0, &p_i, 0);
    BP(SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &p_i8, 0);
    BP(SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &p_bi, 0);
    BP(SQL_C_FLOAT, SQL_REAL, 0, 0, &p_sf, 0);
    BP(SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &p_f, 0);
    BP(SQL_C_NUMERIC, SQL_DECIMAL, 12, 2, &p_d122, 0);
    BP(SQL_C_CHAR, SQL_DECIMAL, 32, 10, p_d3210, sizeof p_d3210);
    BP(SQL_C_CHAR, SQL_DECIMAL, 16, 0, p_d16, sizeof p_d16);
    BP(SQL_C_CHAR, SQL_DECIMAL, 10, 2, p_m, sizeof p_m);
    BP(SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &p_dt, 0);
    BP(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 19, 0, &p_dts, 0);
    BP(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 25, 5, &p_dtf, 0);
    BP(SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &p_dtd, 0);
    BP(SQL_C_TYPE_TIME, SQL_TYPE_TIME, 8, 0, &p_dth, 0);
    BP(SQL_C_TYPE_TIME, SQL_TYPE_TIME, 8, 0, &p_dthm, 0);
    BP(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 12, 0, &p_ids, 0);
    BP(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH, 5, 0, &p_iym, 0);
    BP(SQL_C_BIT, SQL_BIT, 1, 0, &p_b, 0);
#undef BP
    ck_assert_int_eq(k, NCOLS);
}

static void fill_values(void)
{
    p_id = 1;
    strcpy(p_c, "abc");
    to_w(NC_UTF8, p_nc, 11);
    strcpy(p_vc, "hello world");
    for (int i = 0; i < 3999; i++)
        p_lvc[i] = (char)('a' + i % 26);
    p_lvc[3999] = '\0';
    to_w(NVC_UTF8, p_nvc, 21);
    p_si = -32767;
    p_i = 2147483647;
    p_i8 = -9223372036854775807LL;
    p_bi = 1234567890123456789LL;
    p_sf = 1.25f;
    p_f = 3.141592653589793;
    memset(&p_d122, 0, sizeof p_d122);
    p_d122.precision = 12;
    p_d122.scale = 2;
    p_d122.sign = 0; /* negative */
    p_d122.val[0] = (SQLCHAR)(1234567 & 0xff);
    p_d122.val[1] = (SQLCHAR)((1234567 >> 8) & 0xff);
    p_d122.val[2] = (SQLCHAR)((1234567 >> 16) & 0xff);
    strcpy(p_d3210, "-1234567890123456789012.0123456789");
    strcpy(p_d16, "3.14159265358979");
    strcpy(p_m, "-99.95");
    p_dt = (SQL_DATE_STRUCT){2024, 2, 29};
    p_dts = (SQL_TIMESTAMP_STRUCT){1999, 12, 31, 23, 59, 58, 0};
    /* 6 fraction digits into FRACTION(5): rounded to .12346, 01S07 */
    p_dtf = (SQL_TIMESTAMP_STRUCT){2024, 7, 1, 8, 9, 10, 123456000};
    p_dtd = (SQL_DATE_STRUCT){1900, 1, 1};
    p_dth = (SQL_TIME_STRUCT){23, 59, 58};
    p_dthm = (SQL_TIME_STRUCT){7, 8, 0};
    memset(&p_ids, 0, sizeof p_ids);
    p_ids.interval_type = SQL_IS_DAY_TO_SECOND;
    p_ids.interval_sign = SQL_TRUE;
    p_ids.intval.day_second.day = 123;
    p_ids.intval.day_second.hour = 4;
    p_ids.intval.day_second.minute = 5;
    p_ids.intval.day_second.second = 6;
    memset(&p_iym, 0, sizeof p_iym);
    p_iym.interval_type = SQL_IS_YEAR_TO_MONTH;
    p_iym.interval_sign = SQL_FALSE;
    p_iym.intval.year_month.year = 5;
    p_iym.intval.year_month.month = 11;
    p_b = 1;
    for (int i = 0; i < NCOLS; i++)
        ind[i] = 0;
    ind[1] = SQL_NTS;
    ind[2] = SQL_NTS;
    ind[3] = SQL_NTS;
    ind[4] = SQL_NTS;
    ind[5] = SQL_NTS;
    ind[13] = SQL_NTS;
    ind[14] = SQL_NTS;
    ind[15] = SQL_NTS;
}

static void insert_rows(void)
{
    ensure_table();
    static bool done;
    if (done)
        return;
    done = true;
    SQLHSTMT st = fx_new_stmt();
    fill_values();
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into ty (" TY_COLS ") values (?, ?, ?, ?, ?, ?, "
                                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      SQL_NTS));
    bind_all(st);
    /* the 6-digit fraction into FRACTION(5) is the only truncation */
    EXPECT_RC(st, SQLExecute(st), SQL_SUCCESS_WITH_INFO);
    fx_expect_state(st, 1, "01S07");
    SQLLEN n = -1;
    OK(st, SQLRowCount(st, &n));
    ck_assert_int_eq(n, 1);
    /* row 2: NULL in every column but the key */
    p_id = 2;
    for (int i = 1; i < NCOLS; i++)
        ind[i] = SQL_NULL_DATA;
    OK(st, SQLExecute(st));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void get_char(SQLHSTMT st, SQLUSMALLINT col, const char *want)
{
    char buf[4100];
    SQLLEN n = -5;
    OK(st, SQLGetData(st, col, SQL_C_CHAR, buf, sizeof buf, &n));
    ck_assert_msg(strcmp(buf, want) == 0, "column %u as text: '%s', want '%s'", col, buf, want);
    ck_assert_int_eq(n, (SQLLEN)strlen(want));
}

START_TEST(natural_types_roundtrip)
{
    insert_rows();
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select " TY_COLS " from ty where id = 1", SQL_NTS));
    OK(st, SQLFetch(st));
    SQLLEN n;
    SQLINTEGER i32 = 0;
    OK(st, SQLGetData(st, 1, SQL_C_SLONG, &i32, 0, &n));
    ck_assert_int_eq(i32, 1);
    ck_assert_int_eq(n, 4);
    char cbuf[64];
    OK(st, SQLGetData(st, 2, SQL_C_CHAR, cbuf, sizeof cbuf, &n));
    ck_assert_str_eq(cbuf, "abc       "); /* CHAR(10) is blank padded */
    SQLWCHAR wbuf[64], wwant[64];
    /* NCHAR(10) holds 10 bytes: 5 of UTF-8 text, 5 blanks */
    size_t wn = to_w("\xC3\xA4" "b\xC3\xA7     ", wwant, 64);
    OK(st, SQLGetData(st, 3, SQL_C_WCHAR, wbuf, sizeof wbuf, &n));
    ck_assert_int_eq(n, (SQLLEN)(wn * sizeof(SQLWCHAR)));
    ck_assert_mem_eq(wbuf, wwant, (wn + 1) * sizeof(SQLWCHAR));
    OK(st, SQLGetData(st, 4, SQL_C_CHAR, cbuf, sizeof cbuf, &n));
    ck_assert_str_eq(cbuf, "hello world");
    ck_assert_int_eq(n, 11);
    wn = to_w(NVC_UTF8, wwant, 64);
    OK(st, SQLGetData(st, 5, SQL_C_WCHAR, wbuf, sizeof wbuf, &n));
    ck_assert_int_eq(n, (SQLLEN)(wn * sizeof(SQLWCHAR)));
    ck_assert_mem_eq(wbuf, wwant, (wn + 1) * sizeof(SQLWCHAR));
    static char lbuf[4100];
    OK(st, SQLGetData(st, 6, SQL_C_CHAR, lbuf, sizeof lbuf, &n));
    ck_assert_int_eq(n, 3999);
    ck_assert_str_eq(lbuf, p_lvc);
    SQLSMALLINT i16 = 0;
    OK(st, SQLGetData(st, 7, SQL_C_SSHORT, &i16, 0, &n));
    ck_assert_int_eq(i16, -32767);
    OK(st, SQLGetData(st, 8, SQL_C_SLONG, &i32, 0, &n));
    ck_assert_int_eq(i32, 2147483647);
    SQLBIGINT i64 = 0;
    OK(st, SQLGetData(st, 9, SQL_C_SBIGINT, &i64, 0, &n));
    ck_assert(i64 == -9223372036854775807LL);
    OK(st, SQLGetData(st, 10, SQL_C_SBIGINT, &i64, 0, &n));
    ck_assert(i64 == 1234567890123456789LL);
    ck_assert_int_eq(n, 8);
    SQLREAL r = 0;
    OK(st, SQLGetData(st, 11, SQL_C_FLOAT, &r, 0, &n));
    ck_assert(r == 1.25f);
    SQLDOUBLE d = 0;
    OK(st, SQLGetData(st, 12, SQL_C_DOUBLE, &d, 0, &n));
    ck_assert(d == 3.141592653589793);
    SQL_NUMERIC_STRUCT num;
    memset(&num, 0xEE, sizeof num);
    SQLHDESC ard = NULL;
    OK(st, SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL));
    /* SQL_ARD_TYPE: precision and scale come from the ARD record */
    ck_assert_int_eq(SQLSetDescField(ard, 13, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_NUMERIC, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(ard, 13, SQL_DESC_PRECISION, (SQLPOINTER)12, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetDescField(ard, 13, SQL_DESC_SCALE, (SQLPOINTER)2, 0), SQL_SUCCESS);
    OK(st, SQLGetData(st, 13, SQL_ARD_TYPE, &num, sizeof num, &n));
    ck_assert_int_eq(num.precision, 12);
    ck_assert_int_eq(num.scale, 2);
    ck_assert_int_eq(num.sign, 0);
    ck_assert_int_eq(num.val[0] | num.val[1] << 8 | num.val[2] << 16, 1234567);
    ck_assert_int_eq(num.val[3], 0);
    OK(st, SQLGetData(st, 14, SQL_C_CHAR, cbuf, sizeof cbuf, &n));
    ck_assert_str_eq(cbuf, "-1234567890123456789012.0123456789");
    OK(st, SQLGetData(st, 15, SQL_C_CHAR, cbuf, sizeof cbuf, &n));
    ck_assert_str_eq(cbuf, "3.14159265358979");
    OK(st, SQLGetData(st, 16, SQL_C_CHAR, cbuf, sizeof cbuf, &n));
    ck_assert_str_eq(cbuf, "-99.95");
    SQL_DATE_STRUCT ds;
    OK(st, SQLGetData(st, 17, SQL_C_TYPE_DATE, &ds, 0, &n));
    ck_assert_int_eq(ds.year, 2024);
    ck_assert_int_eq(ds.month, 2);
    ck_assert_int_eq(ds.day, 29);
    ck_assert_int_eq(n, (SQLLEN)sizeof ds);
    SQL_TIMESTAMP_STRUCT ts;
    OK(st, SQLGetData(st, 18, SQL_C_TYPE_TIMESTAMP, &ts, 0, &n));
    ck_assert(ts.year == 1999 && ts.month == 12 && ts.day == 31 && ts.hour == 23 &&
              ts.minute == 59 && ts.second == 58 && ts.fraction == 0);
    OK(st, SQLGetData(st, 19, SQL_C_TYPE_TIMESTAMP, &ts, 0, &n));
    ck_assert(ts.year == 2024 && ts.month == 7 && ts.day == 1 && ts.hour == 8 &&
              ts.minute == 9 && ts.second == 10);
    ck_assert_uint_eq(ts.fraction, 123460000); /* rounded to FRACTION(5) */
    OK(st, SQLGetData(st, 20, SQL_C_TYPE_DATE, &ds, 0, &n));
    ck_assert(ds.year == 1900 && ds.month == 1 && ds.day == 1);
    SQL_TIME_STRUCT tm;
    OK(st, SQLGetData(st, 21, SQL_C_TYPE_TIME, &tm, 0, &n));
    ck_assert(tm.hour == 23 && tm.minute == 59 && tm.second == 58);
    OK(st, SQLGetData(st, 22, SQL_C_TYPE_TIME, &tm, 0, &n));
    ck_assert(tm.hour == 7 && tm.minute == 8 && tm.second == 0);
    SQL_INTERVAL_STRUCT iv;
    memset(&iv, 0, sizeof iv);
    OK(st, SQLGetData(st, 23, SQL_C_INTERVAL_DAY_TO_SECOND, &iv, 0, &n));
    ck_assert_int_eq(iv.interval_type, SQL_IS_DAY_TO_SECOND);
    ck_assert_int_eq(iv.interval_sign, SQL_TRUE);
    ck_assert(iv.intval.day_second.day == 123 && iv.intval.day_second.hour == 4 &&
              iv.intval.day_second.minute == 5 && iv.intval.day_second.second == 6 &&
              iv.intval.day_second.fraction == 0);
    memset(&iv, 0, sizeof iv);
    OK(st, SQLGetData(st, 24, SQL_C_INTERVAL_YEAR_TO_MONTH, &iv, 0, &n));
    ck_assert_int_eq(iv.interval_type, SQL_IS_YEAR_TO_MONTH);
    ck_assert_int_eq(iv.interval_sign, SQL_FALSE);
    ck_assert(iv.intval.year_month.year == 5 && iv.intval.year_month.month == 11);
    unsigned char bit = 9;
    OK(st, SQLGetData(st, 25, SQL_C_BIT, &bit, 0, &n));
    ck_assert_int_eq(bit, 1);
    ck_assert_int_eq(n, 1);
    EXPECT_RC(st, SQLFetch(st), SQL_NO_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(every_type_as_char)
{
    insert_rows();
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select " TY_COLS " from ty where id = 1", SQL_NTS));
    OK(st, SQLFetch(st));
    get_char(st, 1, "1");
    get_char(st, 2, "abc       ");
    get_char(st, 3, "\xC3\xA4" "b\xC3\xA7     ");
    get_char(st, 4, "hello world");
    get_char(st, 5, NVC_UTF8);
    get_char(st, 6, p_lvc);
    get_char(st, 7, "-32767");
    get_char(st, 8, "2147483647");
    get_char(st, 9, "-9223372036854775807");
    get_char(st, 10, "1234567890123456789");
    get_char(st, 11, "1.25");
    get_char(st, 12, "3.141592653589793");
    get_char(st, 13, "-12345.67");
    get_char(st, 14, "-1234567890123456789012.0123456789");
    get_char(st, 15, "3.14159265358979");
    get_char(st, 16, "-99.95");
    get_char(st, 17, "2024-02-29");
    get_char(st, 18, "1999-12-31 23:59:58");
    get_char(st, 19, "2024-07-01 08:09:10.12346");
    get_char(st, 20, "1900-01-01");
    get_char(st, 21, "23:59:58");
    get_char(st, 22, "07:08"); /* Informix literal of HOUR TO MINUTE */
    get_char(st, 23, "-123 04:05:06");
    get_char(st, 24, "5-11");
    get_char(st, 25, "1");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(nulls_in_every_column)
{
    insert_rows();
    SQLHSTMT st = fx_new_stmt();
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select " TY_COLS " from ty where id = 2", SQL_NTS));
    OK(st, SQLFetch(st));
    static const SQLSMALLINT natural[NCOLS] = {
        SQL_C_SLONG, SQL_C_CHAR, SQL_C_WCHAR, SQL_C_CHAR, SQL_C_WCHAR, SQL_C_CHAR,
        SQL_C_SSHORT, SQL_C_SLONG, SQL_C_SBIGINT, SQL_C_SBIGINT, SQL_C_FLOAT, SQL_C_DOUBLE,
        SQL_C_NUMERIC, SQL_C_CHAR, SQL_C_CHAR, SQL_C_CHAR, SQL_C_TYPE_DATE,
        SQL_C_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, SQL_C_TYPE_DATE, SQL_C_TYPE_TIME,
        SQL_C_TYPE_TIME, SQL_C_INTERVAL_DAY_TO_SECOND, SQL_C_INTERVAL_YEAR_TO_MONTH,
        SQL_C_BIT};
    union {
        char c[64];
        SQL_INTERVAL_STRUCT iv;
        SQL_NUMERIC_STRUCT num;
        SQL_TIMESTAMP_STRUCT ts;
        SQLBIGINT i;
        SQLDOUBLE d;
    } buf;
    for (SQLUSMALLINT c = 2; c <= NCOLS; c++) {
        SQLLEN n = 0;
        OK(st, SQLGetData(st, c, natural[c - 1], &buf, sizeof buf, &n));
        ck_assert_msg(n == SQL_NULL_DATA, "column %u: %ld", c, (long)n);
    }
    /* a NULL without an indicator: 22002 */
    EXPECT_RC(st, SQLGetData(st, 2, SQL_C_CHAR, &buf, sizeof buf, NULL), SQL_ERROR);
    fx_expect_state(st, 1, "22002");
    OK(st, SQLFreeStmt(st, SQL_CLOSE));
    /* the same as text, through bound columns */
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select " TY_COLS " from ty where id = 2", SQL_NTS));
    static char text[NCOLS][32];
    static SQLLEN tind[NCOLS];
    for (SQLUSMALLINT c = 1; c <= NCOLS; c++)
        OK(st, SQLBindCol(st, c, SQL_C_CHAR, text[c - 1], sizeof text[c - 1], &tind[c - 1]));
    OK(st, SQLFetch(st));
    ck_assert_str_eq(text[0], "2");
    for (int c = 1; c < NCOLS; c++)
        ck_assert_msg(tind[c] == SQL_NULL_DATA, "column %d: %ld", c + 1, (long)tind[c]);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

START_TEST(char_parameters_into_every_type)
{
    /* text parameters converted by the server side of every type */
    ensure_table();
    SQLHSTMT st = fx_new_stmt();
    static const char *const vals[NCOLS] = {
        "3", "x", "y", "z", "w", "v", "12", "-5", "77", "-88", "2.5", "-0.125", "0.01",
        "0.0000000001", "-7", "1.5", "2000-01-02", "2001-02-03 04:05:06",
        "2002-03-04 05:06:07.5", "2003-04-05", "10:11:12", "13:14", "1 02:03:04", "-2-03",
        "0"};
    static const char *const back[NCOLS] = {
        "3", "x         ", "y         ", "z", "w", "v", "12", "-5", "77", "-88", "2.5",
        "-0.125", "0.01", "0.0000000001", "-7", "1.50", "2000-01-02", "2001-02-03 04:05:06",
        "2002-03-04 05:06:07.50000", "2003-04-05", "10:11:12", "13:14", "1 02:03:04",
        "-2-03", "0"};
    static SQLLEN lens[NCOLS];
    OK(st, SQLPrepare(st, (SQLCHAR *)"insert into ty (" TY_COLS ") values (?, ?, ?, ?, ?, ?, "
                                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      SQL_NTS));
    for (SQLUSMALLINT c = 1; c <= NCOLS; c++) {
        lens[c - 1] = SQL_NTS;
        OK(st, SQLBindParameter(st, c, SQL_PARAM_INPUT, SQL_C_CHAR, ty_expect[c - 1].type,
                                ty_expect[c - 1].size, ty_expect[c - 1].digits,
                                (SQLPOINTER)(uintptr_t)vals[c - 1], 0, &lens[c - 1]));
    }
    OK(st, SQLExecute(st));
    OK(st, SQLFreeStmt(st, SQL_RESET_PARAMS));
    OK(st, SQLExecDirect(st, (SQLCHAR *)"select " TY_COLS " from ty where id = 3", SQL_NTS));
    OK(st, SQLFetch(st));
    for (SQLUSMALLINT c = 1; c <= NCOLS; c++)
        get_char(st, c, back[c - 1]);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("it_odbc_types");
    TCase *tc = tcase_create("types");
    tcase_add_unchecked_fixture(tc, fx_setup, fx_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, describe_every_type);
    tcase_add_test(tc, describe_serials);
    tcase_add_test(tc, natural_types_roundtrip);
    tcase_add_test(tc, every_type_as_char);
    tcase_add_test(tc, nulls_in_every_column);
    tcase_add_test(tc, char_parameters_into_every_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setenv("CK_FORK", "no", 1);
    return ck_run(suite());
}
