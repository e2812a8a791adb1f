/* SPDX-License-Identifier: MIT */
/* test_conv_from_c.c - unit tests of driver/conv C -> SQL parameter
 * conversion: every SQL_C_* type into the struct sq_param PROTOCOL.md's
 * "Bind parameters" policy asks for (type, prec, value), NTS and indicator
 * lengths, NULL, SQL_C_NUMERIC exactness, TIMESTAMP fraction rounding (01S07)
 * and the ODBC error cases (22003, 22018, 22001, 22007, 22008, 22015). */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "conv.h"
#include "sq_types.h"

#define NONE SQ_K_UNKNOWN
#define DT_Y2S SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND)
#define DT_Y2D SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY)
#define DT_Y2F3 SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F3)
#define IV_H2MI SQ_TU_IENCODE(3, SQ_TU_HOUR, SQ_TU_MINUTE)
/* SQL_TIMESTAMP_STRUCT bytes (little-endian host): y m d h mi s fraction */
#define TS_2024_06_15_123456 "E8 07 06 00 0F 00 0C 00 22 00 38 00"
#define BIG_NUM_HEX "C0 BA DC 6A AA 7E 22 98 4C 36 0A 00 00 00 00 00"
#define ISTRUCT(code, sign, d, h, m, s, f)                                                         \
    code " 00 00 00 " sign " 00 00 " d " " h " " m " " s " " f

struct case_from_c {
    const char *name;
    SQLSMALLINT c_type, sql_type;
    const char *data; /* hex of the C value */
    SQLLEN octet_len;
    enum sq_kind tkind;
    uint32_t tenc;
    enum conv_rc rc;
    uint16_t type, prec;
    bool is_null;
    int64_t i;
    double f;
    const char *text; /* expected string value (hex text), NULL if not a string */
};

static const struct case_from_c cases[] = {
    /* integers: INTEGER (2, 0x0A00) when they fit in i32, else BIGINT (52, 0x1300) */
    {"slong", SQL_C_SLONG, SQL_INTEGER, "2A 00 00 00", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00,
     false, 42, 0, NULL},
    {"long odbc2", SQL_C_LONG, SQL_INTEGER, "FE FF FF FF", 0, NONE, 0, CONV_OK, SQ_T_INTEGER,
     0x0A00, false, -2, 0, NULL},
    {"sbigint big", SQL_C_SBIGINT, SQL_BIGINT, "00 00 00 00 00 01 00 00", 0, NONE, 0, CONV_OK,
     SQ_T_BIGINT, 0x1300, false, 1099511627776LL, 0, NULL},
    {"sbigint small", SQL_C_SBIGINT, SQL_BIGINT, "05 00 00 00 00 00 00 00", 0, NONE, 0, CONV_OK,
     SQ_T_INTEGER, 0x0A00, false, 5, 0, NULL},
    {"sbigint min is null marker", SQL_C_SBIGINT, SQL_BIGINT, "00 00 00 00 00 00 00 80", 0, NONE, 0,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"slong int32 min -> bigint", SQL_C_SLONG, SQL_BIGINT, "00 00 00 80", 0, NONE, 0, CONV_OK,
     SQ_T_BIGINT, 0x1300, false, -2147483648LL, 0, NULL},
    {"ubigint max -> bigint", SQL_C_UBIGINT, SQL_BIGINT, "FF FF FF FF FF FF FF FF", 0, NONE, 0,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"ubigint max -> decimal text", SQL_C_UBIGINT, SQL_DECIMAL, "FF FF FF FF FF FF FF FF", 0, NONE,
     0, CONV_OK, SQ_T_VARCHAR, 20, false, 0, 0, "\"18446744073709551615\""},
    {"slong -> smallint range", SQL_C_SLONG, SQL_SMALLINT, "40 9C 00 00", 0, NONE, 0,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"slong -> varchar text", SQL_C_SLONG, SQL_VARCHAR, "2A 00 00 00", 0, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 2, false, 0, 0, "\"42\""},
    {"sshort", SQL_C_SSHORT, SQL_SMALLINT, "FB FF", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00,
     false, -5, 0, NULL},
    {"stinyint", SQL_C_STINYINT, SQL_TINYINT, "FF", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00,
     false, -1, 0, NULL},
    {"utinyint", SQL_C_UTINYINT, SQL_INTEGER, "C8", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00,
     false, 200, 0, NULL},
    {"ushort", SQL_C_USHORT, SQL_INTEGER, "FF FF", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00, false,
     65535, 0, NULL},
    {"ulong big", SQL_C_ULONG, SQL_BIGINT, "00 28 6B EE", 0, NONE, 0, CONV_OK, SQ_T_BIGINT, 0x1300,
     false, 4000000000LL, 0, NULL},
    {"default integer", SQL_C_DEFAULT, SQL_INTEGER, "07 00 00 00", 0, NONE, 0, CONV_OK,
     SQ_T_INTEGER, 0x0A00, false, 7, 0, NULL},
    /* floating point */
    {"double", SQL_C_DOUBLE, SQL_DOUBLE, "00 00 00 00 00 00 0C 40", 0, NONE, 0, CONV_OK, SQ_T_FLOAT,
     0, false, 0, 3.5, NULL},
    {"float", SQL_C_FLOAT, SQL_REAL, "00 00 60 40", 0, NONE, 0, CONV_OK, SQ_T_SMALLFLOAT, 0, false,
     0, 3.5, NULL},
    {"double -> integer 01S07", SQL_C_DOUBLE, SQL_INTEGER, "9A 99 99 99 99 99 05 40", 0, NONE, 0,
     CONV_FRACTION_TRUNCATED, SQ_T_INTEGER, 0x0A00, false, 2, 0, NULL},
    {"double -> varchar", SQL_C_DOUBLE, SQL_VARCHAR, "9A 99 99 99 99 99 B9 3F", 0, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 3, false, 0, 0, "\"0.1\""},
    {"double inf", SQL_C_DOUBLE, SQL_DOUBLE, "00 00 00 00 00 00 F0 7F", 0, NONE, 0,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"double -> decimal keeps FLOAT", SQL_C_DOUBLE, SQL_DECIMAL, "00 00 00 00 00 00 0C 40", 0, NONE,
     0, CONV_OK, SQ_T_FLOAT, 0, false, 0, 3.5, NULL},
    /* BIT / BOOLEAN */
    {"bit -> integer", SQL_C_BIT, SQL_BIT, "01", 0, NONE, 0, CONV_OK, SQ_T_INTEGER, 0x0A00, false,
     1, 0, NULL},
    {"bit -> boolean t", SQL_C_BIT, SQL_BIT, "01", 0, SQ_K_BOOLEAN, 1, CONV_OK, SQ_T_VARCHAR, 1,
     false, 0, 0, "\"t\""},
    {"bit -> boolean f", SQL_C_BIT, SQL_BIT, "00", 0, SQ_K_BOOLEAN, 1, CONV_OK, SQ_T_VARCHAR, 1,
     false, 0, 0, "\"f\""},
    {"bit -> char", SQL_C_BIT, SQL_CHAR, "01", 0, NONE, 0, CONV_OK, SQ_T_VARCHAR, 1, false, 0, 0,
     "\"1\""},
    {"slong -> boolean", SQL_C_SLONG, SQL_INTEGER, "01 00 00 00", 0, SQ_K_BOOLEAN, 1, CONV_OK,
     SQ_T_VARCHAR, 1, false, 0, 0, "\"t\""},
    {"slong 2 -> boolean", SQL_C_SLONG, SQL_INTEGER, "02 00 00 00", 0, SQ_K_BOOLEAN, 1,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"double 0.5 -> bit 22001", SQL_C_DOUBLE, SQL_BIT, "00 00 00 00 00 00 E0 3F", 0, NONE, 0,
     CONV_RIGHT_TRUNC, 0, 0, false, 0, 0, NULL},
    /* character input */
    {"char nts", SQL_C_CHAR, SQL_VARCHAR, "\"hello\" 00 \"junk\"", SQL_NTS, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 5, false, 0, 0, "\"hello\""},
    {"char octet len", SQL_C_CHAR, SQL_VARCHAR, "\"hello\"", 3, NONE, 0, CONV_OK, SQ_T_VARCHAR, 3,
     false, 0, 0, "\"hel\""},
    {"char empty", SQL_C_CHAR, SQL_VARCHAR, "00", 0, NONE, 0, CONV_OK, SQ_T_VARCHAR, 0, false, 0, 0,
     ""},
    {"char bad length", SQL_C_CHAR, SQL_VARCHAR, "\"x\"", -7, NONE, 0, CONV_INVALID_LENGTH, 0, 0,
     false, 0, 0, NULL},
    {"char -> integer", SQL_C_CHAR, SQL_INTEGER, "\" 42 \"", 4, NONE, 0, CONV_OK, SQ_T_INTEGER,
     0x0A00, false, 42, 0, NULL},
    {"char -> integer 22018", SQL_C_CHAR, SQL_INTEGER, "\"4x\"", 2, NONE, 0, CONV_INVALID_CHAR, 0,
     0, false, 0, 0, NULL},
    {"char -> integer fraction 22001", SQL_C_CHAR, SQL_INTEGER, "\"12.5\"", 4, NONE, 0,
     CONV_RIGHT_TRUNC, 0, 0, false, 0, 0, NULL},
    {"char -> integer 22003", SQL_C_CHAR, SQL_INTEGER, "\"99999999999\"", 11, NONE, 0,
     CONV_OUT_OF_RANGE, 0, 0, false, 0, 0, NULL},
    {"char -> bigint", SQL_C_CHAR, SQL_BIGINT, "\"99999999999\"", 11, NONE, 0, CONV_OK, SQ_T_BIGINT,
     0x1300, false, 99999999999LL, 0, NULL},
    {"char -> decimal exact text", SQL_C_CHAR, SQL_DECIMAL, "\" 12.50 \"", 7, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 5, false, 0, 0, "\"12.50\""},
    {"char -> decimal 22018", SQL_C_CHAR, SQL_DECIMAL, "\"abc\"", 3, NONE, 0, CONV_INVALID_CHAR, 0,
     0, false, 0, 0, NULL},
    {"char -> double validated", SQL_C_CHAR, SQL_DOUBLE, "\"1e5\"", 3, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 3, false, 0, 0, "\"1e5\""},
    {"char -> date", SQL_C_CHAR, SQL_TYPE_DATE, "\"2024-06-15\"", 10, NONE, 0, CONV_OK, SQ_T_DATE,
     0, false, 45457, 0, NULL},
    {"char dbdate form passes", SQL_C_CHAR, SQL_TYPE_DATE, "\"15.06.2024\"", 10, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 10, false, 0, 0, "\"15.06.2024\""},
    {"char -> timestamp rounds", SQL_C_CHAR, SQL_TYPE_TIMESTAMP, "\"2024-06-15 12:34:56.123456\"",
     26, NONE, 0, CONV_FRACTION_TRUNCATED, SQ_T_VARCHAR, 25, false, 0, 0,
     "\"2024-06-15 12:34:56.12346\""},
    {"char -> datetime target", SQL_C_CHAR, SQL_VARCHAR, "\"2024-06-15 12:34:56\"", 19,
     SQ_K_DATETIME, DT_Y2D, CONV_FRACTION_TRUNCATED, SQ_T_VARCHAR, 10, false, 0, 0,
     "\"2024-06-15\""},
    {"char true -> boolean", SQL_C_CHAR, SQL_VARCHAR, "\"TRUE\"", 4, SQ_K_BOOLEAN, 1, CONV_OK,
     SQ_T_VARCHAR, 1, false, 0, 0, "\"t\""},
    {"char 0 -> boolean", SQL_C_CHAR, SQL_VARCHAR, "\"0\"", 1, SQ_K_BOOLEAN, 1, CONV_OK,
     SQ_T_VARCHAR, 1, false, 0, 0, "\"f\""},
    {"char junk -> boolean", SQL_C_CHAR, SQL_VARCHAR, "\"yes\"", 3, SQ_K_BOOLEAN, 1,
     CONV_INVALID_CHAR, 0, 0, false, 0, 0, NULL},
    {"wchar", SQL_C_WCHAR, SQL_WVARCHAR, "68 00 E9 00", 4, NONE, 0, CONV_OK, SQ_T_VARCHAR, 3, false,
     0, 0, "68 C3 A9"},
    {"wchar nts pair", SQL_C_WCHAR, SQL_WVARCHAR, "3D D8 00 DE 61 00 00 00 62 00", SQL_NTS, NONE, 0,
     CONV_OK, SQ_T_VARCHAR, 5, false, 0, 0, "F0 9F 98 80 61"},
    {"wchar lone surrogate", SQL_C_WCHAR, SQL_WVARCHAR, "3D D8 61 00", 4, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 4, false, 0, 0, "EF BF BD 61"},
    {"wchar odd length", SQL_C_WCHAR, SQL_WVARCHAR, "61 00 62", 3, NONE, 0, CONV_INVALID_LENGTH, 0,
     0, false, 0, 0, NULL},
    {"wchar -> integer", SQL_C_WCHAR, SQL_INTEGER, "34 00 32 00", 4, NONE, 0, CONV_OK, SQ_T_INTEGER,
     0x0A00, false, 42, 0, NULL},
    /* BYTE/TEXT values (docs/large-objects.md): binary data with no target,
     * any data for a BYTE/TEXT target; CHAR for BYTE is hex (22018 if not) */
    {"binary", SQL_C_BINARY, SQL_VARBINARY, "01 02 00", 3, NONE, 0, CONV_OK, SQ_T_BYTE, 0, false,
     0, 0, "01 02 00"},
    {"binary -> BYTE", SQL_C_BINARY, SQL_CHAR, "00 FF", 2, SQ_K_BYTE, 56, CONV_OK, SQ_T_BYTE, 0,
     false, 0, 0, "00 FF"},
    {"char hex -> BYTE", SQL_C_CHAR, SQL_LONGVARBINARY, "30 61 46 66", 4, SQ_K_BYTE, 56, CONV_OK,
     SQ_T_BYTE, 0, false, 0, 0, "0A FF"},
    {"char odd hex -> BYTE", SQL_C_CHAR, SQL_LONGVARBINARY, "30 61 46", 3, SQ_K_BYTE, 56,
     CONV_INVALID_CHAR, 0, 0, false, 0, 0, NULL},
    {"char non-hex -> BYTE", SQL_C_CHAR, SQL_LONGVARBINARY, "30 67", 2, NONE, 0,
     CONV_INVALID_CHAR, 0, 0, false, 0, 0, NULL},
    {"wchar -> TEXT", SQL_C_WCHAR, SQL_VARCHAR, "E9 00 61 00", 4, SQ_K_TEXT, 56, CONV_OK,
     SQ_T_TEXT, 0, false, 0, 0, "C3 A9 61"},
    {"wchar hex -> BYTE", SQL_C_WCHAR, SQL_LONGVARBINARY, "61 00 62 00", 4, SQ_K_BYTE, 56, CONV_OK,
     SQ_T_BYTE, 0, false, 0, 0, "AB"},
    {"short longvarchar stays text", SQL_C_CHAR, SQL_LONGVARCHAR, "61", 1, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 1, false, 0, 0, "61"},
    {"binary nts", SQL_C_BINARY, SQL_VARBINARY, "01 00", SQL_NTS, NONE, 0, CONV_INVALID_LENGTH, 0,
     0, false, 0, 0, NULL},
    /* DATE struct -> DATE (7, days since 1899-12-31; doc §9.4: 2024-06-15 = 45457) */
    {"date", SQL_C_TYPE_DATE, SQL_TYPE_DATE, "E8 07 06 00 0F 00", 0, NONE, 0, CONV_OK, SQ_T_DATE, 0,
     false, 45457, 0, NULL},
    {"odbc2 date", SQL_C_DATE, SQL_DATE, "B2 07 01 00 01 00", 0, NONE, 0, CONV_OK, SQ_T_DATE, 0,
     false, 25568, 0, NULL},
    {"date bad month", SQL_C_TYPE_DATE, SQL_TYPE_DATE, "E8 07 0D 00 0F 00", 0, NONE, 0,
     CONV_INVALID_DATETIME, 0, 0, false, 0, 0, NULL},
    {"date feb 29 non-leap", SQL_C_TYPE_DATE, SQL_TYPE_DATE, "E7 07 02 00 1D 00", 0, NONE, 0,
     CONV_INVALID_DATETIME, 0, 0, false, 0, 0, NULL},
    {"date -> datetime y2d", SQL_C_TYPE_DATE, SQL_TYPE_DATE, "E8 07 06 00 0F 00", 0, SQ_K_DATETIME,
     DT_Y2D, CONV_OK, SQ_T_VARCHAR, 10, false, 0, 0, "\"2024-06-15\""},
    {"date -> timestamp", SQL_C_TYPE_DATE, SQL_TYPE_TIMESTAMP, "E8 07 06 00 0F 00", 0, NONE, 0,
     CONV_OK, SQ_T_VARCHAR, 25, false, 0, 0, "\"2024-06-15 00:00:00.00000\""},
    {"date -> time", SQL_C_TYPE_DATE, SQL_TYPE_TIME, "E8 07 06 00 0F 00", 0, NONE, 0,
     CONV_UNSUPPORTED, 0, 0, false, 0, 0, NULL},
    /* TIMESTAMP struct -> Informix literal text, 5 fraction digits (01S07 when rounded) */
    {"timestamp 9 digits rounds", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 15 CD 5B 07", 0, NONE, 0, CONV_FRACTION_TRUNCATED, SQ_T_VARCHAR, 25,
     false, 0, 0, "\"2024-06-15 12:34:56.12346\""},
    {"timestamp 5 digits exact", SQL_C_TIMESTAMP, SQL_TIMESTAMP,
     TS_2024_06_15_123456 " 90 B2 5B 07", 0, NONE, 0, CONV_OK, SQ_T_VARCHAR, 25, false, 0, 0,
     "\"2024-06-15 12:34:56.12345\""},
    {"timestamp rounding carries", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     "E8 07 0C 00 1F 00 17 00 3B 00 3B 00 18 C6 9A 3B", 0, NONE, 0, CONV_FRACTION_TRUNCATED,
     SQ_T_VARCHAR, 25, false, 0, 0, "\"2025-01-01 00:00:00.00000\""},
    {"timestamp -> y2s", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 00 00 00 00", 0, SQ_K_DATETIME, DT_Y2S, CONV_OK, SQ_T_VARCHAR, 19,
     false, 0, 0, "\"2024-06-15 12:34:56\""},
    {"timestamp -> y2s drops fraction", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 15 CD 5B 07", 0, SQ_K_DATETIME, DT_Y2S, CONV_FRACTION_TRUNCATED,
     SQ_T_VARCHAR, 19, false, 0, 0, "\"2024-06-15 12:34:56\""},
    {"timestamp -> y2s rounds to the second", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 00 65 CD 1D", 0, SQ_K_DATETIME, DT_Y2S, CONV_FRACTION_TRUNCATED,
     SQ_T_VARCHAR, 19, false, 0, 0, "\"2024-06-15 12:34:57\""},
    {"timestamp -> y2f3", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 15 CD 5B 07", 0, SQ_K_DATETIME, DT_Y2F3, CONV_FRACTION_TRUNCATED,
     SQ_T_VARCHAR, 23, false, 0, 0, "\"2024-06-15 12:34:56.123\""},
    {"timestamp -> sql date with time 22008", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE,
     TS_2024_06_15_123456 " 00 00 00 00", 0, NONE, 0, CONV_DATETIME_OVERFLOW, 0, 0, false, 0, 0,
     NULL},
    {"timestamp midnight -> sql date", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE,
     "E8 07 06 00 0F 00 00 00 00 00 00 00 00 00 00 00", 0, NONE, 0, CONV_OK, SQ_T_DATE, 0, false,
     45457, 0, NULL},
    {"timestamp -> date column", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 00 00 00 00", 0, SQ_K_DATE, 4, CONV_FRACTION_TRUNCATED, SQ_T_DATE, 0,
     false, 45457, 0, NULL},
    {"timestamp feb 30", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     "E8 07 02 00 1E 00 00 00 00 00 00 00 00 00 00 00", 0, NONE, 0, CONV_INVALID_DATETIME, 0, 0,
     false, 0, 0, NULL},
    {"timestamp fraction 1e9", SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP,
     TS_2024_06_15_123456 " 00 CA 9A 3B", 0, NONE, 0, CONV_INVALID_DATETIME, 0, 0, false, 0, 0,
     NULL},
    {"time", SQL_C_TYPE_TIME, SQL_TYPE_TIME, "0C 00 22 00 38 00", 0, NONE, 0, CONV_OK, SQ_T_VARCHAR,
     8, false, 0, 0, "\"12:34:56\""},
    {"time hour 24", SQL_C_TYPE_TIME, SQL_TYPE_TIME, "18 00 22 00 38 00", 0, NONE, 0,
     CONV_INVALID_DATETIME, 0, 0, false, 0, 0, NULL},
    {"time -> date", SQL_C_TYPE_TIME, SQL_TYPE_DATE, "0C 00 22 00 38 00", 0, NONE, 0,
     CONV_UNSUPPORTED, 0, 0, false, 0, 0, NULL},
    /* SQL_C_NUMERIC: exact decimal text, never through a double */
    {"numeric big exact", SQL_C_NUMERIC, SQL_DECIMAL, "26 06 01 " BIG_NUM_HEX, 0, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 27, false, 0, 0, "\"12345678901234567890.123456\""},
    {"numeric big negative", SQL_C_NUMERIC, SQL_NUMERIC, "26 06 00 " BIG_NUM_HEX, 0, NONE, 0,
     CONV_OK, SQ_T_VARCHAR, 28, false, 0, 0, "\"-12345678901234567890.123456\""},
    {"numeric keeps scale", SQL_C_NUMERIC, SQL_DECIMAL,
     "05 02 01 E2 04 00 00 00 00 00 00 00 00 00 00 00 00 00 00", 0, NONE, 0, CONV_OK, SQ_T_VARCHAR,
     5, false, 0, 0, "\"12.50\""},
    {"numeric -> integer", SQL_C_NUMERIC, SQL_INTEGER,
     "05 00 01 2A 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", 0, NONE, 0, CONV_OK, SQ_T_INTEGER,
     0x0A00, false, 42, 0, NULL},
    /* intervals -> Informix literal text */
    {"interval d2s", SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND,
     ISTRUCT("0A", "00 00", "0C 00 00 00", "03 00 00 00", "04 00 00 00", "05 00 00 00",
             "20 A1 07 00"),
     0, NONE, 0, CONV_OK, SQ_T_VARCHAR, 17, false, 0, 0, "\"12 03:04:05.50000\""},
    {"interval y2m negative", SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH,
     ISTRUCT("07", "01 00", "02 00 00 00", "06 00 00 00", "00 00 00 00", "00 00 00 00",
             "00 00 00 00"),
     0, NONE, 0, CONV_OK, SQ_T_VARCHAR, 5, false, 0, 0, "\"-2-06\""},
    {"interval hour field 25", SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND,
     ISTRUCT("0A", "00 00", "0C 00 00 00", "19 00 00 00", "04 00 00 00", "05 00 00 00",
             "00 00 00 00"),
     0, NONE, 0, CONV_INTERVAL_OVERFLOW, 0, 0, false, 0, 0, NULL},
    {"interval -> hour to minute column", SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND,
     ISTRUCT("0A", "00 00", "0C 00 00 00", "03 00 00 00", "04 00 00 00", "05 00 00 00",
             "00 00 00 00"),
     0, SQ_K_INTERVAL, IV_H2MI, CONV_FRACTION_TRUNCATED, SQ_T_VARCHAR, 6, false, 0, 0,
     "\"291:04\""},
    {"interval day 1000 -> day(3) column 22015", SQL_C_INTERVAL_DAY, SQL_INTERVAL_DAY,
     ISTRUCT("03", "00 00", "E8 03 00 00", "00 00 00 00", "00 00 00 00", "00 00 00 00",
             "00 00 00 00"),
     0, SQ_K_INTERVAL, SQ_TU_IENCODE(3, SQ_TU_DAY, SQ_TU_SECOND), CONV_INTERVAL_OVERFLOW, 0, 0,
     false, 0, 0, NULL},
    {"interval second -> fraction to fraction(3)", SQL_C_INTERVAL_SECOND, SQL_INTERVAL_SECOND,
     ISTRUCT("05", "01 00", "00 00 00 00", "00 00 00 00", "00 00 00 00", "00 00 00 00",
             "78 E0 01 00"),
     0, SQ_K_INTERVAL, 0x03CD, CONV_OK, SQ_T_VARCHAR, 4, false, 0, 0, "\"-123\""},
    /* NULL and SQL_C_DEFAULT */
    {"null default varchar", SQL_C_DEFAULT, SQL_VARCHAR, "", SQL_NULL_DATA, NONE, 0, CONV_OK,
     SQ_T_VARCHAR, 0, true, 0, 0, NULL},
    {"null slong", SQL_C_SLONG, SQL_INTEGER, "", SQL_NULL_DATA, NONE, 0, CONV_OK, SQ_T_INTEGER, 0,
     true, 0, 0, NULL},
    {"null default date", SQL_C_DEFAULT, SQL_TYPE_DATE, "", SQL_NULL_DATA, NONE, 0, CONV_OK,
     SQ_T_DATE, 0, true, 0, 0, NULL},
    {"null double", SQL_C_DOUBLE, SQL_DOUBLE, "", SQL_NULL_DATA, NONE, 0, CONV_OK, SQ_T_FLOAT, 0,
     true, 0, 0, NULL},
    {"default timestamp", SQL_C_DEFAULT, SQL_TYPE_TIMESTAMP, TS_2024_06_15_123456 " 90 B2 5B 07", 0,
     NONE, 0, CONV_OK, SQ_T_VARCHAR, 25, false, 0, 0, "\"2024-06-15 12:34:56.12345\""},
    {"guid", SQL_C_GUID, SQL_GUID, "00 00 00 00", 16, NONE, 0, CONV_UNSUPPORTED, 0, 0, false, 0, 0,
     NULL},
};

START_TEST(from_c_table)
{
    const struct case_from_c *c = &cases[_i];
    struct sq_coldesc tcol = {.name = "t", .kind = c->tkind, .enc_len = c->tenc, .xname = ""};
    struct conv_param_in in;
    struct conv_scratch sc;
    struct sq_param out;
    uint8_t *data = NULL;
    size_t n = 0;
    enum conv_rc rc;

    ck_hex(c->data, &data, &n);
    memset(&in, 0, sizeof(in));
    in.c_type = c->c_type;
    in.sql_type = c->sql_type;
    in.data = c->octet_len == SQL_NULL_DATA ? NULL : data;
    in.octet_len = c->octet_len;
    in.buffer_len = (SQLLEN)n;
    in.target = c->tkind == NONE ? NULL : &tcol;
    conv_scratch_init(&sc);
    rc = conv_from_c(&in, &sc, &out);
    ck_assert_msg(rc == c->rc, "%s: rc %s, expected %s", c->name, conv_rc_name(rc),
                  conv_rc_name(c->rc));
    if (!conv_rc_is_error(c->rc)) {
        ck_assert_msg(out.type == c->type, "%s: type %u, expected %u", c->name, out.type, c->type);
        ck_assert_msg(out.prec == c->prec, "%s: prec 0x%04X, expected 0x%04X", c->name, out.prec,
                      c->prec);
        ck_assert_int_eq(out.is_null, c->is_null);
        if (c->is_null) {
            /* no value */
        } else if (c->text && (c->type == SQ_T_BYTE || c->type == SQ_T_TEXT)) {
            uint8_t *exp;
            size_t en;
            ck_hex(c->text, &exp, &en);
            ck_assert_bytes(out.u.lob.p, (size_t)out.u.lob.n, exp, en);
            free(exp);
        } else if (c->text) {
            uint8_t *exp;
            size_t en;
            ck_hex(c->text, &exp, &en);
            ck_assert_bytes(out.u.s.p, out.u.s.n, exp, en);
            free(exp);
        } else if (c->type == SQ_T_FLOAT || c->type == SQ_T_SMALLFLOAT) {
            ck_assert(out.u.f == c->f);
        } else {
            ck_assert_msg(out.u.i == c->i, "%s: value %lld, expected %lld", c->name,
                          (long long)out.u.i, (long long)c->i);
        }
    }
    conv_scratch_fini(&sc);
    free(data);
}
END_TEST

START_TEST(long_text_switches_to_char_then_refuses)
{
    static char big[70001];
    struct conv_param_in in;
    struct conv_scratch sc;
    struct sq_param out;
    memset(big, 'x', sizeof(big));
    memset(&in, 0, sizeof(in));
    in.c_type = SQL_C_CHAR;
    in.sql_type = SQL_LONGVARCHAR;
    in.data = big;
    conv_scratch_init(&sc);
    in.octet_len = 255;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_int_eq(out.type, SQ_T_VARCHAR);
    ck_assert_int_eq(out.prec, 255);
    in.octet_len = 256;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_int_eq(out.type, SQ_T_CHAR);
    ck_assert_int_eq(out.prec, 0);
    ck_assert_uint_eq(out.u.s.n, 256);
    in.octet_len = 65535;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_uint_eq(out.u.s.n, 65535);
    ck_assert(memcmp(out.u.s.p, big, 65535) == 0);
    /* LONGVARCHAR text over a CHAR parameter's limit becomes a TEXT value
     * (streamed after SQ_BBIND, docs/large-objects.md) ... */
    in.octet_len = 65536;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_int_eq(out.type, SQ_T_TEXT);
    ck_assert_uint_eq(out.u.lob.n, 65536);
    ck_assert_ptr_eq(out.u.lob.p, big); /* by reference, no copy */
    /* ... as does any long text with no target, while text for a known
     * non-TEXT column cannot go further. */
    in.sql_type = SQL_VARCHAR;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_int_eq(out.type, SQ_T_TEXT);
    struct sq_coldesc lv = {.name = "c", .kind = SQ_K_LVARCHAR, .xname = "lvarchar"};
    in.target = &lv;
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_RIGHT_TRUNC);
    ck_assert_str_eq(conv_rc_sqlstate(CONV_RIGHT_TRUNC), "22001");
    conv_scratch_fini(&sc);
    conv_scratch_fini(&sc); /* twice is harmless */
}
END_TEST

START_TEST(nts_is_bounded_by_buffer_length)
{
    static const char text[4] = {'a', 'b', 'c', 'd'}; /* no terminator */
    struct conv_param_in in;
    struct conv_scratch sc;
    struct sq_param out;
    memset(&in, 0, sizeof(in));
    in.c_type = SQL_C_CHAR;
    in.sql_type = SQL_VARCHAR;
    in.data = text;
    in.octet_len = SQL_NTS;
    in.buffer_len = 4;
    conv_scratch_init(&sc);
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
    ck_assert_uint_eq(out.u.s.n, 4);
    conv_scratch_fini(&sc);
}
END_TEST

START_TEST(missing_data_pointer_is_refused)
{
    struct conv_param_in in;
    struct conv_scratch sc;
    struct sq_param out;
    memset(&in, 0, sizeof(in));
    in.c_type = SQL_C_SLONG;
    in.sql_type = SQL_INTEGER;
    in.octet_len = 4;
    conv_scratch_init(&sc);
    ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_INVALID_LENGTH);
    conv_scratch_fini(&sc);
}
END_TEST

/* SQL_C_NUMERIC exactness: text -> numeric struct -> parameter text, digit for digit. */
START_TEST(numeric_round_trip_is_exact)
{
    static const char *vals[] = {"12345678901234567890.123456", "-0.000001",
                                 "99999999999999999999999999999999.999999", "0", "1"};
    for (size_t k = 0; k < sizeof(vals) / sizeof(vals[0]); k++) {
        struct conv_dnum x;
        SQL_NUMERIC_STRUCT ns;
        struct conv_param_in in;
        struct conv_scratch sc;
        struct sq_param out;
        char exp[64];
        size_t len;
        ck_assert(conv_dnum_parse(vals[k], strlen(vals[k]), &x, NULL));
        ck_assert_int_eq(conv_dnum_to_numeric(&x, 38, 6, &ns), CONV_OK);
        memset(&in, 0, sizeof(in));
        in.c_type = SQL_C_NUMERIC;
        in.sql_type = SQL_NUMERIC;
        in.data = &ns;
        conv_scratch_init(&sc);
        ck_assert_int_eq(conv_from_c(&in, &sc, &out), CONV_OK);
        len = conv_dnum_to_text(&x, 6, exp, sizeof(exp));
        ck_assert_bytes(out.u.s.p, out.u.s.n, exp, len);
        conv_scratch_fini(&sc);
    }
}
END_TEST

static Suite *from_c_suite(void)
{
    Suite *s = suite_create("conv_from_c");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, from_c_table, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, long_text_switches_to_char_then_refuses);
    tcase_add_test(tc, nts_is_bounded_by_buffer_length);
    tcase_add_test(tc, missing_data_pointer_is_refused);
    tcase_add_test(tc, numeric_round_trip_is_exact);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(from_c_suite());
}
