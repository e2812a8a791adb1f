/* SPDX-License-Identifier: MIT */
/* test_conv_to_c.c - unit tests of driver/conv SQL -> C conversions: every
 * source kind against the SQL_C_* targets (bytes, indicator, conv_rc), every
 * buffer length for string targets, and chunked SQLGetData for CHAR, WCHAR
 * and BINARY. Values are built directly as struct sq_value (no wire). */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "conv.h"
#include "sq_types.h"

static const struct conv_today fixed_today = {2025, 1, 2};

#define DT_Y2F5 SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F5)
#define DT_Y2S SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND)
#define DT_Y2D SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY)
#define DT_Y2M SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_MONTH)
#define DT_H2S SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_SECOND)
#define DT_H2M SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_MINUTE)
#define DT_M2D SQ_TU_DTENCODE(SQ_TU_MONTH, SQ_TU_DAY)
#define IV_D2S SQ_TU_IENCODE(2, SQ_TU_DAY, SQ_TU_SECOND)
#define IV_D3F3 SQ_TU_IENCODE(3, SQ_TU_DAY, SQ_TU_F3)
#define IV_Y2M SQ_TU_IENCODE(4, SQ_TU_YEAR, SQ_TU_MONTH)
#define IV_D SQ_TU_IENCODE(2, SQ_TU_DAY, SQ_TU_DAY)

#define V_INT(k, x)                                                                                \
    {                                                                                              \
        .kind = (k), .u.i = (x)                                                                    \
    }
#define V_F(k, x)                                                                                  \
    {                                                                                              \
        .kind = (k), .u.f = (x)                                                                    \
    }
#define V_S(k, str)                                                                                \
    {                                                                                              \
        .kind = (k), .u.s = {(const uint8_t *)(str), sizeof(str) - 1 }                             \
    }
#define V_DT(q, ...)                                                                               \
    {                                                                                              \
        .kind = SQ_K_DATETIME, .u.dt = {.qual = (q), .f = {__VA_ARGS__} }                          \
    }
#define V_IV(q, ng, ...)                                                                           \
    {                                                                                              \
        .kind = SQ_K_INTERVAL, .u.dt = {.qual = (q), .neg = (ng), .f = {__VA_ARGS__} }             \
    }

/* 12.50 as DECIMAL(5,2): 0.12 50 x 100^1 */
#define V_DEC_12_50                                                                                \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {.sign = 1, .exp = 1, .ndig = 2, .dig = {12, 50} }          \
    }
/* -12.5 */
#define V_DEC_M12_5                                                                                \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {.sign = -1, .exp = 1, .ndig = 2, .dig = {12, 50} }         \
    }
/* 12345.6789 DECIMAL(12,4), doc §9.4 first live vector (C3 01 17 2D 43 59) */
#define V_DEC_12345                                                                                \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {                                                           \
            .sign = 1,                                                                             \
            .exp = 3,                                                                              \
            .ndig = 5,                                                                             \
            .dig = {1, 23, 45, 67, 89}                                                             \
        }                                                                                          \
    }
/* 12345678901234567890.123456 DECIMAL(32,6) */
#define V_DEC_BIG                                                                                  \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {                                                           \
            .sign = 1,                                                                             \
            .exp = 10,                                                                             \
            .ndig = 13,                                                                            \
            .dig = {12, 34, 56, 78, 90, 12, 34, 56, 78, 90, 12, 34, 56}                            \
        }                                                                                          \
    }
/* 276 as floating DECIMAL(16), doc §9.4 table */
#define V_DEC_276                                                                                  \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {.sign = 1, .exp = 2, .ndig = 2, .dig = {2, 76} }           \
    }
/* -98765.43 MONEY(12,2), doc §9.4 live vector (3C 5A 0C 22 39) */
#define V_MONEY                                                                                    \
    {                                                                                              \
        .kind = SQ_K_MONEY, .u.dec = {.sign = -1, .exp = 3, .ndig = 4, .dig = {9, 87, 65, 43} }    \
    }
/* 0.5 DECIMAL(5,1), doc §9.4 table */
#define V_DEC_05                                                                                   \
    {                                                                                              \
        .kind = SQ_K_DECIMAL, .u.dec = {.sign = 1, .exp = 0, .ndig = 1, .dig = {50} }              \
    }

#define DEC(p, s) (((p) << 8) | (s))
#define BIG_NUM_HEX "C0 BA DC 6A AA 7E 22 98 4C 36 0A 00 00 00 00 00"
#define ISTRUCT(code, sign, d, h, m, s, f)                                                         \
    code " 00 00 00 " sign " 00 00 " d " " h " " m " " s " " f

struct case_to_c {
    const char *name;
    struct sq_value v;
    uint32_t enc_len;
    SQLSMALLINT c_type;
    SQLLEN buf_len;
    SQLSMALLINT nprec, nscale;
    enum conv_rc rc;
    SQLLEN ind;
    const char *hex; /* expected leading output bytes; NULL = not checked */
};

static const struct case_to_c to_c_cases[] = {
    /* integers */
    {"int->slong", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_SLONG, 0, 0, 0, CONV_OK, 4, "2A 00 00 00"},
    {"int->long(odbc2)", V_INT(SQ_K_INTEGER, -2), 4, SQL_C_LONG, 0, 0, 0, CONV_OK, 4,
     "FE FF FF FF"},
    {"int->char", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_CHAR, 10, 0, 0, CONV_OK, 2, "\"42\" 00"},
    {"int->wchar", V_INT(SQ_K_INTEGER, -7), 4, SQL_C_WCHAR, 10, 0, 0, CONV_OK, 4,
     "2D 00 37 00 00 00"},
    {"int->stinyint range", V_INT(SQ_K_INTEGER, 300), 4, SQL_C_STINYINT, 0, 0, 0, CONV_OUT_OF_RANGE,
     0, NULL},
    {"int->utinyint", V_INT(SQ_K_INTEGER, 255), 4, SQL_C_UTINYINT, 0, 0, 0, CONV_OK, 1, "FF"},
    {"int->ulong negative", V_INT(SQ_K_INTEGER, -1), 4, SQL_C_ULONG, 0, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"int->ushort", V_INT(SQ_K_INTEGER, 65535), 4, SQL_C_USHORT, 0, 0, 0, CONV_OK, 2, "FF FF"},
    {"int->sshort range", V_INT(SQ_K_INTEGER, 32768), 4, SQL_C_SSHORT, 0, 0, 0, CONV_OUT_OF_RANGE,
     0, NULL},
    {"smallint->bit", V_INT(SQ_K_SMALLINT, 1), 2, SQL_C_BIT, 0, 0, 0, CONV_OK, 1, "01"},
    {"int 2->bit", V_INT(SQ_K_INTEGER, 2), 4, SQL_C_BIT, 0, 0, 0, CONV_OUT_OF_RANGE, 0, NULL},
    {"bigint->sbigint", V_INT(SQ_K_BIGINT, 9007199254740993LL), 8, SQL_C_SBIGINT, 0, 0, 0, CONV_OK,
     8, "01 00 00 00 00 00 20 00"},
    {"int8->ubigint", V_INT(SQ_K_INT8, 1234567890123LL), 10, SQL_C_UBIGINT, 0, 0, 0, CONV_OK, 8,
     "CB 04 FB 71 1F 01 00 00"},
    {"bigint->char whole digits", V_INT(SQ_K_BIGINT, 12345), 8, SQL_C_CHAR, 3, 0, 0,
     CONV_OUT_OF_RANGE, 0, NULL},
    {"int->double", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_DOUBLE, 0, 0, 0, CONV_OK, 8,
     "00 00 00 00 00 00 45 40"},
    {"int->numeric", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_NUMERIC, 0, 0, 0, CONV_OK, 19,
     "26 00 01 2A 00 00 00"},
    {"int->binary", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_BINARY, 10, 0, 0, CONV_OK, 4, "2A 00 00 00"},
    {"int->binary small", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_BINARY, 2, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"int->date", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_TYPE_DATE, 0, 0, 0, CONV_UNSUPPORTED, 0, NULL},
    {"int->interval day", V_INT(SQ_K_INTEGER, 5), 4, SQL_C_INTERVAL_DAY, 0, 0, 0, CONV_OK, 28,
     ISTRUCT("03", "00 00", "05 00 00 00", "00 00 00 00", "00 00 00 00", "00 00 00 00",
             "00 00 00 00")},
    {"int->default", V_INT(SQ_K_INTEGER, 42), 4, SQL_C_DEFAULT, 0, 0, 0, CONV_OK, 4, "2A 00 00 00"},
    {"serial->char", V_INT(SQ_K_SERIAL, 7), 4, SQL_C_CHAR, 4, 0, 0, CONV_OK, 1, "\"7\" 00"},
    /* DECIMAL / MONEY */
    {"dec->char scale", V_DEC_12_50, DEC(5, 2), SQL_C_CHAR, 10, 0, 0, CONV_OK, 5, "\"12.50\" 00"},
    {"dec->char fraction cut", V_DEC_12_50, DEC(5, 2), SQL_C_CHAR, 4, 0, 0, CONV_TRUNCATED, 5,
     "\"12.\" 00"},
    {"dec->char whole cut", V_DEC_12_50, DEC(5, 2), SQL_C_CHAR, 2, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"dec->wchar", V_DEC_05, DEC(5, 1), SQL_C_WCHAR, 16, 0, 0, CONV_OK, 6,
     "30 00 2E 00 35 00 00 00"},
    {"dec->slong 01S07", V_DEC_12_50, DEC(5, 2), SQL_C_SLONG, 0, 0, 0, CONV_FRACTION_TRUNCATED, 4,
     "0C 00 00 00"},
    {"neg dec->sshort 01S07", V_DEC_M12_5, DEC(5, 1), SQL_C_SSHORT, 0, 0, 0,
     CONV_FRACTION_TRUNCATED, 2, "F4 FF"},
    {"dec->numeric 10,4", V_DEC_12345, DEC(12, 4), SQL_C_NUMERIC, 0, 10, 4, CONV_OK, 19,
     "0A 04 01 15 CD 5B 07 00"},
    {"dec->numeric prec", V_DEC_12345, DEC(12, 4), SQL_C_NUMERIC, 0, 4, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"dec->numeric 01S07", V_DEC_12345, DEC(12, 4), SQL_C_NUMERIC, 0, 10, 2,
     CONV_FRACTION_TRUNCATED, 19, "0A 02 01 87 D6 12 00"},
    {"big dec->char exact", V_DEC_BIG, DEC(32, 6), SQL_C_CHAR, 64, 0, 0, CONV_OK, 27,
     "\"12345678901234567890.123456\" 00"},
    {"big dec->numeric exact", V_DEC_BIG, DEC(32, 6), SQL_C_NUMERIC, 0, 38, 6, CONV_OK, 19,
     "26 06 01 " BIG_NUM_HEX},
    {"big dec->double", V_DEC_BIG, DEC(32, 6), SQL_C_DOUBLE, 0, 0, 0, CONV_OK, 8,
     "E1 63 9D 31 95 6A E5 43"},
    {"big dec->sbigint", V_DEC_BIG, DEC(32, 6), SQL_C_SBIGINT, 0, 0, 0, CONV_OUT_OF_RANGE, 0, NULL},
    {"floating dec->char", V_DEC_276, DEC(16, 255), SQL_C_CHAR, 10, 0, 0, CONV_OK, 3, "\"276\" 00"},
    {"money->char", V_MONEY, DEC(12, 2), SQL_C_CHAR, 16, 0, 0, CONV_OK, 9, "\"-98765.43\" 00"},
    {"dec->default char", V_DEC_12_50, DEC(5, 2), SQL_C_DEFAULT, 10, 0, 0, CONV_OK, 5,
     "\"12.50\" 00"},
    {"dec->bit 01S07", V_DEC_05, DEC(5, 1), SQL_C_BIT, 0, 0, 0, CONV_FRACTION_TRUNCATED, 1, "00"},
    /* FLOAT / SMALLFLOAT */
    {"float->char", V_F(SQ_K_FLOAT, 3.5), 8, SQL_C_CHAR, 10, 0, 0, CONV_OK, 3, "\"3.5\" 00"},
    {"float->char exp", V_F(SQ_K_FLOAT, 1e20), 8, SQL_C_CHAR, 10, 0, 0, CONV_OK, 5, "\"1e+20\" 00"},
    {"float->char shortest", V_F(SQ_K_FLOAT, 0.1), 8, SQL_C_CHAR, 10, 0, 0, CONV_OK, 3,
     "\"0.1\" 00"},
    {"smallfloat->char shortest", V_F(SQ_K_SMALLFLOAT, 0.10000000149011612), 4, SQL_C_CHAR, 10, 0,
     0, CONV_OK, 3, "\"0.1\" 00"},
    {"smallfloat->float", V_F(SQ_K_SMALLFLOAT, 3.5), 4, SQL_C_DEFAULT, 0, 0, 0, CONV_OK, 4,
     "00 00 60 40"},
    {"float->slong 01S07", V_F(SQ_K_FLOAT, 2.7), 8, SQL_C_SLONG, 0, 0, 0, CONV_FRACTION_TRUNCATED,
     4, "02 00 00 00"},
    {"float->slong range", V_F(SQ_K_FLOAT, 3e10), 8, SQL_C_SLONG, 0, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"float->float range", V_F(SQ_K_FLOAT, 1e300), 8, SQL_C_FLOAT, 0, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"float->bit 01S07", V_F(SQ_K_FLOAT, 1.5), 8, SQL_C_BIT, 0, 0, 0, CONV_FRACTION_TRUNCATED, 1,
     "01"},
    {"float->numeric", V_F(SQ_K_FLOAT, 3.5), 8, SQL_C_NUMERIC, 0, 5, 1, CONV_OK, 19,
     "05 01 01 23 00"},
    {"float exp->char small", V_F(SQ_K_FLOAT, 1.5e20), 8, SQL_C_CHAR, 4, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    /* BOOLEAN */
    {"bool->char", V_INT(SQ_K_BOOLEAN, 1), 1, SQL_C_CHAR, 4, 0, 0, CONV_OK, 1, "\"1\" 00"},
    {"bool false->char", V_INT(SQ_K_BOOLEAN, 0), 1, SQL_C_CHAR, 4, 0, 0, CONV_OK, 1, "\"0\" 00"},
    {"bool->bit default", V_INT(SQ_K_BOOLEAN, 1), 1, SQL_C_DEFAULT, 0, 0, 0, CONV_OK, 1, "01"},
    {"bool->slong", V_INT(SQ_K_BOOLEAN, 1), 1, SQL_C_SLONG, 0, 0, 0, CONV_OK, 4, "01 00 00 00"},
    /* DATE: doc §9.4 vectors 2024-06-15 = 45457, 1970-01-01 = 25568 */
    {"date->char", V_INT(SQ_K_DATE, 45457), 4, SQL_C_CHAR, 11, 0, 0, CONV_OK, 10,
     "\"2024-06-15\" 00"},
    {"date epoch->char", V_INT(SQ_K_DATE, 0), 4, SQL_C_CHAR, 11, 0, 0, CONV_OK, 10,
     "\"1899-12-31\" 00"},
    {"date 1970->char", V_INT(SQ_K_DATE, 25568), 4, SQL_C_CHAR, 11, 0, 0, CONV_OK, 10,
     "\"1970-01-01\" 00"},
    {"date->char small", V_INT(SQ_K_DATE, 45457), 4, SQL_C_CHAR, 10, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"date->type_date", V_INT(SQ_K_DATE, 45457), 4, SQL_C_TYPE_DATE, 0, 0, 0, CONV_OK, 6,
     "E8 07 06 00 0F 00"},
    {"date->odbc2 date", V_INT(SQ_K_DATE, 45457), 4, SQL_C_DATE, 0, 0, 0, CONV_OK, 6,
     "E8 07 06 00 0F 00"},
    {"date->timestamp", V_INT(SQ_K_DATE, 45457), 4, SQL_C_TYPE_TIMESTAMP, 0, 0, 0, CONV_OK, 16,
     "E8 07 06 00 0F 00 00 00 00 00 00 00 00 00 00 00"},
    {"date->time", V_INT(SQ_K_DATE, 45457), 4, SQL_C_TYPE_TIME, 0, 0, 0, CONV_UNSUPPORTED, 0, NULL},
    {"date->slong", V_INT(SQ_K_DATE, 45457), 4, SQL_C_SLONG, 0, 0, 0, CONV_UNSUPPORTED, 0, NULL},
    {"date->wchar", V_INT(SQ_K_DATE, 25568), 4, SQL_C_WCHAR, 40, 0, 0, CONV_OK, 20,
     "31 00 39 00 37 00 30 00 2D 00 30 00 31 00 2D 00 30 00 31 00 00 00"},
    /* DATETIME */
    {"dt y2f5->char", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5, SQL_C_CHAR, 40, 0, 0,
     CONV_OK, 25, "\"2024-06-15 12:34:56.12345\" 00"},
    {"dt y2f5->char cut fraction", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5,
     SQL_C_CHAR, 20, 0, 0, CONV_TRUNCATED, 25, "\"2024-06-15 12:34:56\" 00"},
    {"dt y2f5->char too small", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5, SQL_C_CHAR,
     19, 0, 0, CONV_OUT_OF_RANGE, 0, NULL},
    {"dt y2f5->timestamp", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5,
     SQL_C_TYPE_TIMESTAMP, 0, 0, 0, CONV_OK, 16, "E8 07 06 00 0F 00 0C 00 22 00 38 00 90 B2 5B 07"},
    {"dt y2f5->odbc2 timestamp", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5,
     SQL_C_TIMESTAMP, 0, 0, 0, CONV_OK, 16, "E8 07 06 00 0F 00 0C 00 22 00 38 00 90 B2 5B 07"},
    {"dt y2f5->date 01S07", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5, SQL_C_TYPE_DATE,
     0, 0, 0, CONV_FRACTION_TRUNCATED, 6, "E8 07 06 00 0F 00"},
    {"dt y2f5->time 01S07", V_DT(DT_Y2F5, 2024, 6, 15, 12, 34, 56, 12345), DT_Y2F5, SQL_C_TYPE_TIME,
     0, 0, 0, CONV_FRACTION_TRUNCATED, 6, "0C 00 22 00 38 00"},
    /* doc §13 V4-style value: 2026-06-20 12:34:56, YEAR TO SECOND */
    {"dt y2s->char", V_DT(DT_Y2S, 2026, 6, 20, 12, 34, 56, 0), DT_Y2S, SQL_C_CHAR, 40, 0, 0,
     CONV_OK, 19, "\"2026-06-20 12:34:56\" 00"},
    {"dt y2s->time", V_DT(DT_Y2S, 2026, 6, 20, 12, 34, 56, 0), DT_Y2S, SQL_C_TYPE_TIME, 0, 0, 0,
     CONV_OK, 6, "0C 00 22 00 38 00"},
    {"dt y2d->char", V_DT(DT_Y2D, 2024, 6, 15), DT_Y2D, SQL_C_CHAR, 40, 0, 0, CONV_OK, 10,
     "\"2024-06-15\" 00"},
    {"dt y2d->default", V_DT(DT_Y2D, 2024, 6, 15), DT_Y2D, SQL_C_DEFAULT, 0, 0, 0, CONV_OK, 6,
     "E8 07 06 00 0F 00"},
    {"dt h2s->char", V_DT(DT_H2S, 0, 0, 0, 12, 34, 56), DT_H2S, SQL_C_CHAR, 40, 0, 0, CONV_OK, 8,
     "\"12:34:56\" 00"},
    {"dt h2s->timestamp today", V_DT(DT_H2S, 0, 0, 0, 12, 34, 56), DT_H2S, SQL_C_TYPE_TIMESTAMP, 0,
     0, 0, CONV_OK, 16, "E9 07 01 00 02 00 0C 00 22 00 38 00 00 00 00 00"},
    {"dt h2s->date", V_DT(DT_H2S, 0, 0, 0, 12, 34, 56), DT_H2S, SQL_C_TYPE_DATE, 0, 0, 0,
     CONV_UNSUPPORTED, 0, NULL},
    /* DATETIME as text: Informix's literal form of the qualifier's fields */
    {"dt h2m->char", V_DT(DT_H2M, 0, 0, 0, 12, 34), DT_H2M, SQL_C_CHAR, 40, 0, 0, CONV_OK, 5,
     "\"12:34\" 00"},
    {"dt y2m->char", V_DT(DT_Y2M, 2024, 6), DT_Y2M, SQL_C_CHAR, 40, 0, 0, CONV_OK, 7,
     "\"2024-06\" 00"},
    {"dt m2d->timestamp", V_DT(DT_M2D, 0, 6, 15), DT_M2D, SQL_C_TYPE_TIMESTAMP, 0, 0, 0, CONV_OK,
     16, "E9 07 06 00 0F 00 00 00 00 00 00 00 00 00 00 00"},
    /* INTERVAL: doc §13 V5-style value DAY(2) TO SECOND 12 03:04:05 */
    {"iv d2s->char", V_IV(IV_D2S, false, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_CHAR, 40, 0, 0, CONV_OK,
     11, "\"12 03:04:05\" 00"},
    {"iv d2s->struct", V_IV(IV_D2S, false, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_INTERVAL_DAY_TO_SECOND,
     0, 0, 0, CONV_OK, 28,
     ISTRUCT("0A", "00 00", "0C 00 00 00", "03 00 00 00", "04 00 00 00", "05 00 00 00",
             "00 00 00 00")},
    {"iv d2s->default", V_IV(IV_D2S, true, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_DEFAULT, 0, 0, 0,
     CONV_OK, 28,
     ISTRUCT("0A", "01 00", "0C 00 00 00", "03 00 00 00", "04 00 00 00", "05 00 00 00",
             "00 00 00 00")},
    {"iv d2s->hour 01S07", V_IV(IV_D2S, false, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_INTERVAL_HOUR, 0,
     0, 0, CONV_FRACTION_TRUNCATED, 28,
     ISTRUCT("04", "00 00", "00 00 00 00", "23 01 00 00", "00 00 00 00", "00 00 00 00",
             "00 00 00 00")},
    {"iv d2s->year", V_IV(IV_D2S, false, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_INTERVAL_YEAR, 0, 0, 0,
     CONV_UNSUPPORTED, 0, NULL},
    {"iv d2s->slong", V_IV(IV_D2S, false, 0, 0, 12, 3, 4, 5), IV_D2S, SQL_C_SLONG, 0, 0, 0,
     CONV_UNSUPPORTED, 0, NULL},
    {"iv y2m neg->char", V_IV(IV_Y2M, true, 2, 6), IV_Y2M, SQL_C_CHAR, 40, 0, 0, CONV_OK, 5,
     "\"-2-06\" 00"},
    {"iv y2m->month", V_IV(IV_Y2M, false, 2, 6), IV_Y2M, SQL_C_INTERVAL_MONTH, 0, 0, 0, CONV_OK, 28,
     "02 00 00 00 00 00 00 00 00 00 00 00 1E 00 00 00"},
    {"iv d3f3->char", V_IV(IV_D3F3, false, 0, 0, 100, 0, 0, 1, 50000), IV_D3F3, SQL_C_CHAR, 40, 0,
     0, CONV_OK, 16, "\"100 00:00:01.500\" 00"},
    {"iv d3f3->struct frac us", V_IV(IV_D3F3, false, 0, 0, 100, 0, 0, 1, 50000), IV_D3F3,
     SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, 0, CONV_OK, 28,
     ISTRUCT("0A", "00 00", "64 00 00 00", "00 00 00 00", "00 00 00 00", "01 00 00 00",
             "20 A1 07 00")},
    {"iv day->slong", V_IV(IV_D, false, 0, 0, 5), IV_D, SQL_C_SLONG, 0, 0, 0, CONV_OK, 4,
     "05 00 00 00"},
    /* strings */
    {"char->char padded", V_S(SQ_K_CHAR, "abc  "), 5, SQL_C_CHAR, 10, 0, 0, CONV_OK, 5,
     "\"abc  \" 00"},
    {"varchar->wchar utf8", V_S(SQ_K_VARCHAR, "h\xC3\xA9llo"), 10, SQL_C_WCHAR, 20, 0, 0, CONV_OK,
     10, "68 00 E9 00 6C 00 6C 00 6F 00 00 00"},
    {"varchar->slong", V_S(SQ_K_VARCHAR, " 42 "), 10, SQL_C_SLONG, 0, 0, 0, CONV_OK, 4,
     "2A 00 00 00"},
    {"varchar->slong bad", V_S(SQ_K_VARCHAR, "4x"), 10, SQL_C_SLONG, 0, 0, 0, CONV_INVALID_CHAR, 0,
     NULL},
    {"varchar->slong 01S07", V_S(SQ_K_VARCHAR, "12.5"), 10, SQL_C_SLONG, 0, 0, 0,
     CONV_FRACTION_TRUNCATED, 4, "0C 00 00 00"},
    {"varchar->double", V_S(SQ_K_VARCHAR, "3.5"), 10, SQL_C_DOUBLE, 0, 0, 0, CONV_OK, 8,
     "00 00 00 00 00 00 0C 40"},
    {"varchar->double bad", V_S(SQ_K_VARCHAR, "x"), 10, SQL_C_DOUBLE, 0, 0, 0, CONV_INVALID_CHAR, 0,
     NULL},
    {"varchar->date", V_S(SQ_K_VARCHAR, "2024-06-15"), 20, SQL_C_TYPE_DATE, 0, 0, 0, CONV_OK, 6,
     "E8 07 06 00 0F 00"},
    {"varchar ts->date 01S07", V_S(SQ_K_VARCHAR, "2024-06-15 10:00:00"), 20, SQL_C_TYPE_DATE, 0, 0,
     0, CONV_FRACTION_TRUNCATED, 6, "E8 07 06 00 0F 00"},
    {"varchar->date bad", V_S(SQ_K_VARCHAR, "hello"), 20, SQL_C_TYPE_DATE, 0, 0, 0,
     CONV_INVALID_CHAR, 0, NULL},
    {"varchar->date invalid day", V_S(SQ_K_VARCHAR, "2023-02-29"), 20, SQL_C_TYPE_DATE, 0, 0, 0,
     CONV_INVALID_CHAR, 0, NULL},
    {"varchar->timestamp", V_S(SQ_K_VARCHAR, "2024-06-15 12:34:56.5"), 30, SQL_C_TYPE_TIMESTAMP, 0,
     0, 0, CONV_OK, 16, "E8 07 06 00 0F 00 0C 00 22 00 38 00 00 65 CD 1D"},
    {"varchar->bit 01S07", V_S(SQ_K_VARCHAR, "1.5"), 10, SQL_C_BIT, 0, 0, 0,
     CONV_FRACTION_TRUNCATED, 1, "01"},
    {"varchar->bit range", V_S(SQ_K_VARCHAR, "2"), 10, SQL_C_BIT, 0, 0, 0, CONV_OUT_OF_RANGE, 0,
     NULL},
    {"varchar->interval", V_S(SQ_K_VARCHAR, "12 03:04:05"), 20, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0,
     0, CONV_OK, 28,
     ISTRUCT("0A", "00 00", "0C 00 00 00", "03 00 00 00", "04 00 00 00", "05 00 00 00",
             "00 00 00 00")},
    {"varchar->interval bad", V_S(SQ_K_VARCHAR, "12:03"), 20, SQL_C_INTERVAL_DAY_TO_SECOND, 0, 0, 0,
     CONV_INVALID_CHAR, 0, NULL},
    {"varchar->char cut", V_S(SQ_K_VARCHAR, "abcdef"), 10, SQL_C_CHAR, 4, 0, 0, CONV_TRUNCATED, 6,
     "\"abc\" 00"},
    {"varchar->binary cut", V_S(SQ_K_VARCHAR, "abcdef"), 10, SQL_C_BINARY, 3, 0, 0, CONV_TRUNCATED,
     6, "\"abc\" EE"},
    {"lvarchar pair->wchar no room", V_S(SQ_K_LVARCHAR, "\xF0\x9F\x98\x80"), 100, SQL_C_WCHAR, 4, 0,
     0, CONV_TRUNCATED, 4, "00 00 EE"},
    {"lvarchar pair->wchar", V_S(SQ_K_LVARCHAR, "\xF0\x9F\x98\x80"), 100, SQL_C_WCHAR, 6, 0, 0,
     CONV_OK, 4, "3D D8 00 DE 00 00"},
    {"varchar bad utf8->wchar",
     V_S(SQ_K_VARCHAR, "a\xFF"
                       "b"),
     10, SQL_C_WCHAR, 20, 0, 0, CONV_OK, 6, "61 00 FD FF 62 00 00 00"},
    {"varchar->numeric exact", V_S(SQ_K_VARCHAR, "12345678901234567890.123456"), 40, SQL_C_NUMERIC,
     0, 38, 6, CONV_OK, 19, "26 06 01 " BIG_NUM_HEX},
    {"text->char", V_S(SQ_K_TEXT, "long text"), 56, SQL_C_CHAR, 40, 0, 0, CONV_OK, 9,
     "\"long text\" 00"},
    {"varchar->default", V_S(SQ_K_VARCHAR, "x"), 10, SQL_C_DEFAULT, 4, 0, 0, CONV_OK, 1,
     "\"x\" 00"},
    /* binary */
    {"byte->char hex", V_S(SQ_K_BYTE, "\x01\xAB"), 56, SQL_C_CHAR, 10, 0, 0, CONV_OK, 4,
     "\"01AB\" 00"},
    {"byte->char hex cut", V_S(SQ_K_BYTE, "\x01\xAB"), 56, SQL_C_CHAR, 4, 0, 0, CONV_TRUNCATED, 4,
     "\"01A\" 00"},
    {"byte->wchar hex", V_S(SQ_K_BYTE, "\x01\xAB"), 56, SQL_C_WCHAR, 20, 0, 0, CONV_OK, 8,
     "30 00 31 00 41 00 42 00 00 00"},
    {"blob->default binary", V_S(SQ_K_BLOB, "\x01\xAB"), 72, SQL_C_DEFAULT, 20, 0, 0, CONV_OK, 2,
     "01 AB EE"},
    {"byte->slong", V_S(SQ_K_BYTE, "\x01\xAB"), 56, SQL_C_SLONG, 0, 0, 0, CONV_UNSUPPORTED, 0,
     NULL},
    /* NULL */
    {"null int->slong",
     {.kind = SQ_K_INTEGER, .is_null = true},
     4,
     SQL_C_SLONG,
     0,
     0,
     0,
     CONV_OK,
     SQL_NULL_DATA,
     "EE EE EE EE"},
    {"null varchar->char",
     {.kind = SQ_K_VARCHAR, .is_null = true},
     10,
     SQL_C_CHAR,
     10,
     0,
     0,
     CONV_OK,
     SQL_NULL_DATA,
     "EE"},
    {"nulltype->char",
     {.kind = SQ_K_NULLTYPE, .is_null = true},
     0,
     SQL_C_CHAR,
     10,
     0,
     0,
     CONV_OK,
     SQL_NULL_DATA,
     "EE"},
    {"unknown kind", {.kind = SQ_K_UNKNOWN}, 0, SQL_C_CHAR, 10, 0, 0, CONV_UNSUPPORTED, 0, NULL},
    {"guid target", V_INT(SQ_K_INTEGER, 1), 4, SQL_C_GUID, 16, 0, 0, CONV_UNSUPPORTED, 0, NULL},
};

static void fill_target(struct conv_target *t, SQLSMALLINT c_type, void *buf, SQLLEN len)
{
    memset(t, 0, sizeof(*t));
    t->c_type = c_type;
    t->buf = buf;
    t->buf_len = len;
    t->interval_frac = -1;
    t->today = &fixed_today;
}

START_TEST(to_c_table)
{
    const struct case_to_c *c = &to_c_cases[_i];
    uint8_t buf[128];
    struct sq_coldesc col = {.name = "c", .kind = c->v.kind, .enc_len = c->enc_len, .xname = ""};
    struct conv_target t;
    SQLLEN ind = 12345;
    enum conv_rc rc;

    memset(buf, 0xEE, sizeof(buf));
    fill_target(&t, c->c_type, buf, c->buf_len);
    t.num_precision = c->nprec;
    t.num_scale = c->nscale;
    rc = conv_to_c(&col, &c->v, &t, &ind);
    ck_assert_msg(rc == c->rc, "%s: rc %s, expected %s", c->name, conv_rc_name(rc),
                  conv_rc_name(c->rc));
    if (conv_rc_is_error(c->rc))
        return;
    ck_assert_msg(ind == c->ind, "%s: ind %ld, expected %ld", c->name, (long)ind, (long)c->ind);
    if (c->hex) {
        uint8_t *exp;
        size_t n;
        ck_hex(c->hex, &exp, &n);
        ck_assert_msg(n <= sizeof(buf), "%s: expectation too long", c->name);
        ck_assert_bytes(buf, n, exp, n);
        free(exp);
    }
}
END_TEST

START_TEST(null_without_indicator_is_22002)
{
    struct sq_value v = {.kind = SQ_K_INTEGER, .is_null = true};
    uint8_t buf[8];
    struct conv_target t;
    fill_target(&t, SQL_C_SLONG, buf, sizeof(buf));
    ck_assert_int_eq(conv_to_c(NULL, &v, &t, NULL), CONV_NULL_NO_INDICATOR);
    ck_assert_str_eq(conv_rc_sqlstate(CONV_NULL_NO_INDICATOR), "22002");
}
END_TEST

START_TEST(decimal_without_column_prints_all_digits)
{
    struct sq_value v = V_DEC_12_50;
    char buf[16];
    SQLLEN ind;
    struct conv_target t;
    fill_target(&t, SQL_C_CHAR, buf, sizeof(buf));
    ck_assert_int_eq(conv_to_c(NULL, &v, &t, &ind), CONV_OK);
    ck_assert_str_eq(buf, "12.5");
    ck_assert_int_eq(ind, 4);
}
END_TEST

START_TEST(length_query_with_null_buffer)
{
    struct sq_value v = V_S(SQ_K_VARCHAR, "h\xC3\xA9");
    SQLLEN ind = 0;
    struct conv_target t;
    fill_target(&t, SQL_C_WCHAR, NULL, 0);
    ck_assert_int_eq(conv_to_c(NULL, &v, &t, &ind), CONV_TRUNCATED);
    ck_assert_int_eq(ind, 4);
    fill_target(&t, SQL_C_CHAR, NULL, 0);
    ck_assert_int_eq(conv_to_c(NULL, &v, &t, &ind), CONV_TRUNCATED);
    ck_assert_int_eq(ind, 3);
}
END_TEST

/* Every buffer length: never a write past buf_len, indicator always the full
 * length, WCHAR output always whole units without a split surrogate pair. */
static const char every_len_text[] = "a\xC3\xA9\xF0\x9F\x98\x80z\xE2\x82\xAC";

START_TEST(every_buffer_length_is_bounded)
{
    struct sq_value v = V_S(SQ_K_VARCHAR, every_len_text);
    static const SQLSMALLINT types[] = {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BINARY};
    for (size_t k = 0; k < 3; k++) {
        for (SQLLEN len = 0; len <= 24; len++) {
            uint8_t buf[40];
            SQLLEN ind = -5;
            struct conv_target t;
            enum conv_rc rc;
            memset(buf, 0xEE, sizeof(buf));
            fill_target(&t, types[k], buf, len);
            rc = conv_to_c(NULL, &v, &t, &ind);
            ck_assert(rc == CONV_OK || rc == CONV_TRUNCATED);
            for (size_t j = (size_t)len; j < sizeof(buf); j++)
                ck_assert_msg(buf[j] == 0xEE, "type %d len %ld wrote byte %zu", types[k], (long)len,
                              j);
            ck_assert_int_eq(ind, types[k] == SQL_C_WCHAR ? 12 : 11);
            if (types[k] == SQL_C_WCHAR && len >= 2) {
                size_t units = 0;
                while (buf[2 * units] || buf[2 * units + 1])
                    units++;
                ck_assert(2 * units + 2 <= (size_t)len);
                if (units > 0) {
                    unsigned last = buf[2 * units - 2] | (unsigned)buf[2 * units - 1] << 8;
                    ck_assert_msg(last < 0xD800 || last > 0xDBFF, "split pair at len %ld",
                                  (long)len);
                }
            }
        }
    }
}
END_TEST

/* Every truncation length of every string source must be handled cleanly by
 * the numeric parsers too (truncated text is simply another input). */
START_TEST(truncated_text_sources_never_crash)
{
    static const char *texts[] = {"12345678901234567890.123456e-3", "2024-06-15 12:34:56.123456789",
                                  "-12 03:04:05.5", "  -0.0e+0 "};
    static const SQLSMALLINT types[] = {SQL_C_SLONG,
                                        SQL_C_DOUBLE,
                                        SQL_C_NUMERIC,
                                        SQL_C_TYPE_TIMESTAMP,
                                        SQL_C_INTERVAL_DAY_TO_SECOND,
                                        SQL_C_BIT,
                                        SQL_C_UBIGINT,
                                        SQL_C_TYPE_TIME};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        size_t n = strlen(texts[i]);
        for (size_t cut = 0; cut <= n; cut++) {
            struct sq_value v = {.kind = SQ_K_VARCHAR, .u.s = {(const uint8_t *)texts[i], cut}};
            for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
                uint8_t buf[64];
                SQLLEN ind;
                struct conv_target t;
                enum conv_rc rc;
                fill_target(&t, types[k], buf, sizeof(buf));
                rc = conv_to_c(NULL, &v, &t, &ind);
                ck_assert((unsigned)rc < CONV_RC__COUNT);
                ck_assert(rc != CONV_NO_DATA);
            }
        }
    }
}
END_TEST

/* ---- chunked SQLGetData ---- */

struct piece {
    SQLLEN buf_len;
    enum conv_rc rc;
    SQLLEN ind;
    const char *hex;
};

static void run_pieces(const struct sq_value *v, SQLSMALLINT c_type, const struct piece *p,
                       size_t n)
{
    struct conv_getdata_state st;
    conv_getdata_reset(&st);
    for (size_t k = 0; k < n; k++) {
        uint8_t buf[64];
        SQLLEN ind = -77;
        struct conv_target t;
        enum conv_rc rc;
        memset(buf, 0xEE, sizeof(buf));
        fill_target(&t, c_type, buf, p[k].buf_len);
        rc = conv_getdata(&st, NULL, v, &t, &ind);
        ck_assert_msg(rc == p[k].rc, "piece %zu: rc %s, expected %s", k, conv_rc_name(rc),
                      conv_rc_name(p[k].rc));
        if (p[k].rc == CONV_NO_DATA)
            continue;
        ck_assert_msg(ind == p[k].ind, "piece %zu: ind %ld, expected %ld", k, (long)ind,
                      (long)p[k].ind);
        if (p[k].hex) {
            uint8_t *exp;
            size_t len;
            ck_hex(p[k].hex, &exp, &len);
            ck_assert_bytes(buf, len, exp, len);
            free(exp);
        }
    }
}

START_TEST(getdata_char_pieces)
{
    struct sq_value v = V_S(SQ_K_VARCHAR, "abcdefghij");
    static const struct piece p[] = {
        {4, CONV_TRUNCATED, 10, "\"abc\" 00 EE"},
        {4, CONV_TRUNCATED, 7, "\"def\" 00"},
        {4, CONV_TRUNCATED, 4, "\"ghi\" 00"},
        {4, CONV_OK, 1, "\"j\" 00 EE"},
        {4, CONV_NO_DATA, 0, NULL},
        {4, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_CHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_wchar_pieces_keep_pairs_and_even_counts)
{
    /* "a" U+1F600 "b": 4 units, 8 bytes */
    struct sq_value v = V_S(SQ_K_VARCHAR, "a\xF0\x9F\x98\x80"
                                          "b");
    static const struct piece p[] = {
        {6, CONV_TRUNCATED, 8, "61 00 00 00 EE"},       /* pair does not fit beside 'a' */
        {7, CONV_TRUNCATED, 6, "3D D8 00 DE 00 00 EE"}, /* odd length: whole units only */
        {6, CONV_OK, 2, "62 00 00 00 EE"},
        {6, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_WCHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_tiny_wchar_buffer_makes_no_progress)
{
    struct sq_value v = V_S(SQ_K_VARCHAR, "\xF0\x9F\x98\x80");
    static const struct piece p[] = {
        {4, CONV_TRUNCATED, 4, "00 00 EE"},
        {2, CONV_TRUNCATED, 4, "00 00 EE"},
        {6, CONV_OK, 4, "3D D8 00 DE 00 00"},
        {6, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_WCHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_binary_pieces_have_no_terminator)
{
    struct sq_value v = V_S(SQ_K_BYTE, "\x01\x02\x03\x04\x05");
    static const struct piece p[] = {
        {2, CONV_TRUNCATED, 5, "01 02 EE"},
        {2, CONV_TRUNCATED, 3, "03 04 EE"},
        {2, CONV_OK, 1, "05 EE"},
        {2, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_BINARY, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_hex_pieces)
{
    struct sq_value v = V_S(SQ_K_BYTE, "\xAB\xCD");
    static const struct piece p[] = {
        {4, CONV_TRUNCATED, 4, "\"ABC\" 00"},
        {4, CONV_OK, 1, "\"D\" 00"},
        {4, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_CHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_empty_string)
{
    struct sq_value v = {.kind = SQ_K_VARCHAR, .u.s = {(const uint8_t *)"", 0}};
    static const struct piece p[] = {
        {4, CONV_OK, 0, "00 EE"},
        {4, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_CHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_fixed_then_no_data)
{
    struct sq_value v = V_INT(SQ_K_INTEGER, 42);
    static const struct piece p[] = {
        {0, CONV_OK, 4, "2A 00 00 00"},
        {0, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_SLONG, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_number_as_text_is_one_shot)
{
    struct sq_value v = V_DEC_12_50;
    static const struct piece p[] = {
        {4, CONV_TRUNCATED, 4, "\"12.\" 00"},
        {4, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_CHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_null_then_no_data)
{
    struct sq_value v = {.kind = SQ_K_VARCHAR, .is_null = true};
    static const struct piece p[] = {
        {4, CONV_OK, SQL_NULL_DATA, "EE"},
        {4, CONV_NO_DATA, 0, NULL},
    };
    run_pieces(&v, SQL_C_CHAR, p, sizeof(p) / sizeof(p[0]));
}
END_TEST

START_TEST(getdata_changed_type_is_refused)
{
    struct sq_value v = V_S(SQ_K_VARCHAR, "abcdef");
    struct conv_getdata_state st;
    uint8_t buf[8];
    SQLLEN ind;
    struct conv_target t;
    conv_getdata_reset(&st);
    fill_target(&t, SQL_C_CHAR, buf, 3);
    ck_assert_int_eq(conv_getdata(&st, NULL, &v, &t, &ind), CONV_TRUNCATED);
    fill_target(&t, SQL_C_WCHAR, buf, 8);
    ck_assert_int_eq(conv_getdata(&st, NULL, &v, &t, &ind), CONV_UNSUPPORTED);
}
END_TEST

/* Reassembling WCHAR pieces of every buffer size gives the one-shot output. */
START_TEST(getdata_wchar_reassembles_for_every_size)
{
    struct sq_value v = V_S(SQ_K_LVARCHAR, every_len_text);
    uint8_t whole[64];
    SQLLEN ind;
    struct conv_target t;
    fill_target(&t, SQL_C_WCHAR, whole, sizeof(whole));
    ck_assert_int_eq(conv_to_c(NULL, &v, &t, &ind), CONV_OK);
    for (SQLLEN len = 6; len <= 20; len++) {
        struct conv_getdata_state st;
        uint8_t acc[64];
        size_t got = 0;
        enum conv_rc rc;
        int guard = 0;
        conv_getdata_reset(&st);
        do {
            uint8_t buf[32];
            SQLLEN pind;
            size_t piece;
            fill_target(&t, SQL_C_WCHAR, buf, len);
            rc = conv_getdata(&st, NULL, &v, &t, &pind);
            ck_assert(rc == CONV_OK || rc == CONV_TRUNCATED);
            ck_assert_int_eq(pind, 12 - (SQLLEN)got);
            piece = rc == CONV_OK ? (size_t)pind : 0;
            if (rc == CONV_TRUNCATED) {
                while (buf[piece] || buf[piece + 1])
                    piece += 2;
            }
            ck_assert(piece % 2 == 0);
            memcpy(acc + got, buf, piece);
            got += piece;
            ck_assert(++guard < 20);
        } while (rc == CONV_TRUNCATED);
        ck_assert_int_eq(conv_getdata(&st, NULL, &v, &t, &ind), CONV_NO_DATA);
        ck_assert_bytes(acc, got, whole, 12);
    }
}
END_TEST

static Suite *to_c_suite(void)
{
    Suite *s = suite_create("conv_to_c");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, to_c_table, 0, (int)(sizeof(to_c_cases) / sizeof(to_c_cases[0])));
    tcase_add_test(tc, null_without_indicator_is_22002);
    tcase_add_test(tc, decimal_without_column_prints_all_digits);
    tcase_add_test(tc, length_query_with_null_buffer);
    tcase_add_test(tc, every_buffer_length_is_bounded);
    tcase_add_test(tc, truncated_text_sources_never_crash);
    suite_add_tcase(s, tc);
    tc = tcase_create("getdata");
    tcase_add_test(tc, getdata_char_pieces);
    tcase_add_test(tc, getdata_wchar_pieces_keep_pairs_and_even_counts);
    tcase_add_test(tc, getdata_tiny_wchar_buffer_makes_no_progress);
    tcase_add_test(tc, getdata_binary_pieces_have_no_terminator);
    tcase_add_test(tc, getdata_hex_pieces);
    tcase_add_test(tc, getdata_empty_string);
    tcase_add_test(tc, getdata_fixed_then_no_data);
    tcase_add_test(tc, getdata_number_as_text_is_one_shot);
    tcase_add_test(tc, getdata_null_then_no_data);
    tcase_add_test(tc, getdata_changed_type_is_refused);
    tcase_add_test(tc, getdata_wchar_reassembles_for_every_size);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(to_c_suite());
}
