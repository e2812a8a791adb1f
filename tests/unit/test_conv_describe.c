/* SPDX-License-Identifier: MIT */
/* test_conv_describe.c - unit tests of driver/conv column description: every
 * Informix kind, each DATETIME qualifier class and each INTERVAL family, as
 * SQLDescribeCol / SQLColAttribute would report them. */
#include <string.h>

#include "ck_util.h"
#include "conv.h"
#include "sq_types.h"

#define DTQ(s, e) SQ_TU_DTENCODE(SQ_TU_##s, SQ_TU_##e)
#define IVQ(l, s, e) SQ_TU_IENCODE(l, SQ_TU_##s, SQ_TU_##e)

struct case_desc {
    enum sq_kind kind;
    uint32_t enc_len;
    const char *xname;
    enum conv_rc rc;
    SQLSMALLINT concise, verbose, sub;
    SQLULEN size;
    SQLSMALLINT digits;
    SQLLEN display;
    SQLSMALLINT c_default;
    bool auto_unique, fixed;
    const char *type_name;
};

static const struct case_desc cases[] = {
    {SQ_K_CHAR, 10, "", CONV_OK, SQL_CHAR, SQL_CHAR, 0, 10, 0, 10, SQL_C_CHAR, false, false,
     "char"},
    {SQ_K_NCHAR, 4, "", CONV_OK, SQL_CHAR, SQL_CHAR, 0, 4, 0, 4, SQL_C_CHAR, false, false, "nchar"},
    {SQ_K_VARCHAR, (5u << 8) | 100u, "", CONV_OK, SQL_VARCHAR, SQL_VARCHAR, 0, 100, 0, 100,
     SQL_C_CHAR, false, false, "varchar"},
    {SQ_K_NVARCHAR, 255, "", CONV_OK, SQL_VARCHAR, SQL_VARCHAR, 0, 255, 0, 255, SQL_C_CHAR, false,
     false, "nvarchar"},
    {SQ_K_LVARCHAR, 2048, "lvarchar", CONV_OK, SQL_VARCHAR, SQL_VARCHAR, 0, 2048, 0, 2048,
     SQL_C_CHAR, false, false, "lvarchar"},
    {SQ_K_LVARCHAR, 32739, "lvarchar", CONV_OK, SQL_VARCHAR, SQL_VARCHAR, 0, 32739, 0, 32739,
     SQL_C_CHAR, false, false, "lvarchar"},
    {SQ_K_LVARCHAR, 32740, "lvarchar", CONV_OK, SQL_LONGVARCHAR, SQL_LONGVARCHAR, 0, 2147483647, 0,
     2147483647, SQL_C_CHAR, false, false, "lvarchar"},
    {SQ_K_TEXT, 56, "", CONV_OK, SQL_LONGVARCHAR, SQL_LONGVARCHAR, 0, 2147483647, 0, 2147483647,
     SQL_C_CHAR, false, false, "text"},
    {SQ_K_CLOB, 72, "clob", CONV_OK, SQL_LONGVARCHAR, SQL_LONGVARCHAR, 0, 2147483647, 0, 2147483647,
     SQL_C_CHAR, false, false, "clob"},
    {SQ_K_BYTE, 56, "", CONV_OK, SQL_LONGVARBINARY, SQL_LONGVARBINARY, 0, 2147483647, 0, 2147483647,
     SQL_C_BINARY, false, false, "byte"},
    {SQ_K_BLOB, 72, "blob", CONV_OK, SQL_LONGVARBINARY, SQL_LONGVARBINARY, 0, 2147483647, 0,
     2147483647, SQL_C_BINARY, false, false, "blob"},
    {SQ_K_SMALLINT, 2, "", CONV_OK, SQL_SMALLINT, SQL_SMALLINT, 0, 5, 0, 6, SQL_C_SSHORT, false,
     false, "smallint"},
    {SQ_K_INTEGER, 4, "", CONV_OK, SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, SQL_C_SLONG, false,
     false, "integer"},
    {SQ_K_SERIAL, 4, "", CONV_OK, SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, SQL_C_SLONG, true, false,
     "serial"},
    {SQ_K_INT8, 10, "", CONV_OK, SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, SQL_C_SBIGINT, false, false,
     "int8"},
    {SQ_K_SERIAL8, 10, "", CONV_OK, SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, SQL_C_SBIGINT, true,
     false, "serial8"},
    {SQ_K_BIGINT, 8, "", CONV_OK, SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, SQL_C_SBIGINT, false, false,
     "bigint"},
    {SQ_K_BIGSERIAL, 8, "", CONV_OK, SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, SQL_C_SBIGINT, true,
     false, "bigserial"},
    {SQ_K_SMALLFLOAT, 4, "", CONV_OK, SQL_REAL, SQL_REAL, 0, 7, 0, 14, SQL_C_FLOAT, false, false,
     "smallfloat"},
    {SQ_K_FLOAT, 8, "", CONV_OK, SQL_DOUBLE, SQL_DOUBLE, 0, 15, 0, 24, SQL_C_DOUBLE, false, false,
     "float"},
    /* DECIMAL(12,4) = 0x0C04 (doc §9.2 live vector) */
    {SQ_K_DECIMAL, 0x0C04, "", CONV_OK, SQL_DECIMAL, SQL_DECIMAL, 0, 12, 4, 14, SQL_C_CHAR, false,
     false, "decimal"},
    {SQ_K_DECIMAL, (16u << 8) | 0xFFu, "", CONV_OK, SQL_DECIMAL, SQL_DECIMAL, 0, 16, 0, 18,
     SQL_C_CHAR, false, false, "decimal"},
    {SQ_K_MONEY, (12u << 8) | 2u, "", CONV_OK, SQL_DECIMAL, SQL_DECIMAL, 0, 12, 2, 14, SQL_C_CHAR,
     false, true, "money"},
    {SQ_K_DATE, 4, "", CONV_OK, SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, 10,
     SQL_C_TYPE_DATE, false, false, "date"},
    {SQ_K_DATETIME, DTQ(YEAR, DAY), "", CONV_OK, SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0,
     10, SQL_C_TYPE_DATE, false, false, "datetime year to day"},
    /* YEAR TO SECOND = 0x0E0A (doc §9.2) */
    {SQ_K_DATETIME, 0x0E0A, "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 19,
     0, 19, SQL_C_TYPE_TIMESTAMP, false, false, "datetime year to second"},
    {SQ_K_DATETIME, DTQ(YEAR, F5), "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 25, 5, 25, SQL_C_TYPE_TIMESTAMP, false, false,
     "datetime year to fraction(5)"},
    {SQ_K_DATETIME, DTQ(YEAR, F3), "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 23, 3, 23, SQL_C_TYPE_TIMESTAMP, false, false,
     "datetime year to fraction(3)"},
    {SQ_K_DATETIME, DTQ(HOUR, SECOND), "", CONV_OK, SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 8,
     0, 8, SQL_C_TYPE_TIME, false, false, "datetime hour to second"},
    {SQ_K_DATETIME, DTQ(HOUR, MINUTE), "", CONV_OK, SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 8,
     0, 8, SQL_C_TYPE_TIME, false, false, "datetime hour to minute"},
    {SQ_K_DATETIME, DTQ(HOUR, F3), "", CONV_OK, SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 12, 3,
     12, SQL_C_TYPE_TIME, false, false, "datetime hour to fraction(3)"},
    {SQ_K_DATETIME, DTQ(YEAR, MONTH), "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 19, 0, 19, SQL_C_TYPE_TIMESTAMP, false, false, "datetime year to month"},
    {SQ_K_DATETIME, DTQ(MONTH, DAY), "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 19, 0, 19, SQL_C_TYPE_TIMESTAMP, false, false, "datetime month to day"},
    {SQ_K_DATETIME, DTQ(DAY, HOUR), "", CONV_OK, SQL_TYPE_TIMESTAMP, SQL_DATETIME,
     SQL_CODE_TIMESTAMP, 19, 0, 19, SQL_C_TYPE_TIMESTAMP, false, false, "datetime day to hour"},
    {SQ_K_DATETIME, SQ_TU_ENCODE(4, SQ_TU_DAY, SQ_TU_YEAR), "", CONV_UNSUPPORTED, SQL_VARCHAR,
     SQL_VARCHAR, 0, 1, 0, 1, SQL_C_CHAR, false, false, "unknown"},
    /* INTERVAL: DAY(2) TO SECOND = 0x084A (doc §9.2) */
    {SQ_K_INTERVAL, 0x084A, "", CONV_OK, SQL_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL,
     SQL_CODE_DAY_TO_SECOND, 11, 0, 12, SQL_C_INTERVAL_DAY_TO_SECOND, false, false,
     "interval day(2) to second"},
    {SQ_K_INTERVAL, IVQ(3, DAY, F5), "", CONV_OK, SQL_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL,
     SQL_CODE_DAY_TO_SECOND, 18, 5, 19, SQL_C_INTERVAL_DAY_TO_SECOND, false, false,
     "interval day(3) to fraction(5)"},
    {SQ_K_INTERVAL, IVQ(4, YEAR, MONTH), "", CONV_OK, SQL_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL,
     SQL_CODE_YEAR_TO_MONTH, 7, 0, 8, SQL_C_INTERVAL_YEAR_TO_MONTH, false, false,
     "interval year(4) to month"},
    {SQ_K_INTERVAL, IVQ(4, YEAR, YEAR), "", CONV_OK, SQL_INTERVAL_YEAR, SQL_INTERVAL, SQL_CODE_YEAR,
     4, 0, 5, SQL_C_INTERVAL_YEAR, false, false, "interval year(4) to year"},
    {SQ_K_INTERVAL, IVQ(2, MONTH, MONTH), "", CONV_OK, SQL_INTERVAL_MONTH, SQL_INTERVAL,
     SQL_CODE_MONTH, 2, 0, 3, SQL_C_INTERVAL_MONTH, false, false, "interval month(2) to month"},
    {SQ_K_INTERVAL, IVQ(3, DAY, DAY), "", CONV_OK, SQL_INTERVAL_DAY, SQL_INTERVAL, SQL_CODE_DAY, 3,
     0, 4, SQL_C_INTERVAL_DAY, false, false, "interval day(3) to day"},
    {SQ_K_INTERVAL, IVQ(2, DAY, HOUR), "", CONV_OK, SQL_INTERVAL_DAY_TO_HOUR, SQL_INTERVAL,
     SQL_CODE_DAY_TO_HOUR, 5, 0, 6, SQL_C_INTERVAL_DAY_TO_HOUR, false, false,
     "interval day(2) to hour"},
    {SQ_K_INTERVAL, IVQ(2, DAY, MINUTE), "", CONV_OK, SQL_INTERVAL_DAY_TO_MINUTE, SQL_INTERVAL,
     SQL_CODE_DAY_TO_MINUTE, 8, 0, 9, SQL_C_INTERVAL_DAY_TO_MINUTE, false, false,
     "interval day(2) to minute"},
    {SQ_K_INTERVAL, IVQ(2, HOUR, HOUR), "", CONV_OK, SQL_INTERVAL_HOUR, SQL_INTERVAL, SQL_CODE_HOUR,
     2, 0, 3, SQL_C_INTERVAL_HOUR, false, false, "interval hour(2) to hour"},
    {SQ_K_INTERVAL, IVQ(3, HOUR, MINUTE), "", CONV_OK, SQL_INTERVAL_HOUR_TO_MINUTE, SQL_INTERVAL,
     SQL_CODE_HOUR_TO_MINUTE, 6, 0, 7, SQL_C_INTERVAL_HOUR_TO_MINUTE, false, false,
     "interval hour(3) to minute"},
    {SQ_K_INTERVAL, IVQ(2, HOUR, SECOND), "", CONV_OK, SQL_INTERVAL_HOUR_TO_SECOND, SQL_INTERVAL,
     SQL_CODE_HOUR_TO_SECOND, 8, 0, 9, SQL_C_INTERVAL_HOUR_TO_SECOND, false, false,
     "interval hour(2) to second"},
    {SQ_K_INTERVAL, IVQ(2, MINUTE, MINUTE), "", CONV_OK, SQL_INTERVAL_MINUTE, SQL_INTERVAL,
     SQL_CODE_MINUTE, 2, 0, 3, SQL_C_INTERVAL_MINUTE, false, false, "interval minute(2) to minute"},
    {SQ_K_INTERVAL, IVQ(2, MINUTE, F2), "", CONV_OK, SQL_INTERVAL_MINUTE_TO_SECOND, SQL_INTERVAL,
     SQL_CODE_MINUTE_TO_SECOND, 8, 2, 9, SQL_C_INTERVAL_MINUTE_TO_SECOND, false, false,
     "interval minute(2) to fraction(2)"},
    {SQ_K_INTERVAL, IVQ(5, SECOND, SECOND), "", CONV_OK, SQL_INTERVAL_SECOND, SQL_INTERVAL,
     SQL_CODE_SECOND, 5, 0, 6, SQL_C_INTERVAL_SECOND, false, false, "interval second(5) to second"},
    {SQ_K_INTERVAL, IVQ(2, YEAR, DAY), "", CONV_UNSUPPORTED, SQL_VARCHAR, SQL_VARCHAR, 0, 1, 0, 1,
     SQL_C_CHAR, false, false, "unknown"},
    {SQ_K_BOOLEAN, 1, "boolean", CONV_OK, SQL_BIT, SQL_BIT, 0, 1, 0, 1, SQL_C_BIT, false, false,
     "boolean"},
    {SQ_K_UDTVAR, 100, "mytype", CONV_OK, SQL_LONGVARBINARY, SQL_LONGVARBINARY, 0, 2147483647, 0,
     2147483647, SQL_C_BINARY, false, false, "mytype"},
    {SQ_K_NULLTYPE, 0, "", CONV_OK, SQL_VARCHAR, SQL_VARCHAR, 0, 1, 0, 1, SQL_C_CHAR, false, false,
     "null"},
    {SQ_K_UNKNOWN, 0, "", CONV_UNSUPPORTED, SQL_VARCHAR, SQL_VARCHAR, 0, 1, 0, 1, SQL_C_CHAR, false,
     false, "unknown"},
};

START_TEST(describe_table)
{
    const struct case_desc *c = &cases[_i];
    struct sq_coldesc col = {
        .name = "c", .kind = c->kind, .enc_len = c->enc_len, .xname = c->xname};
    struct conv_coltype t;
    enum conv_rc rc = conv_describe(&col, &t);

    ck_assert_msg(rc == c->rc, "%s: rc %s", c->type_name, conv_rc_name(rc));
    ck_assert_str_eq(t.type_name, c->type_name);
    ck_assert_msg(t.concise_type == c->concise, "%s: concise %d", c->type_name, t.concise_type);
    ck_assert_int_eq(t.verbose_type, c->verbose);
    ck_assert_int_eq(t.datetime_sub, c->sub);
    ck_assert_msg(t.column_size == c->size, "%s: size %lu", c->type_name,
                  (unsigned long)t.column_size);
    ck_assert_int_eq(t.decimal_digits, c->digits);
    ck_assert_msg(t.display_size == c->display, "%s: display %ld", c->type_name,
                  (long)t.display_size);
    ck_assert_int_eq(t.c_default, c->c_default);
    ck_assert_int_eq(t.auto_unique, c->auto_unique);
    ck_assert_int_eq(t.fixed_prec_scale, c->fixed);
    ck_assert(t.literal_prefix != NULL && t.literal_suffix != NULL);
    ck_assert(!t.is_unsigned);
}
END_TEST

START_TEST(describe_details)
{
    struct sq_coldesc col = {.name = "c", .kind = SQ_K_INTERVAL, .enc_len = 0x084A, .xname = ""};
    struct conv_coltype t;
    ck_assert_int_eq(conv_describe(&col, &t), CONV_OK);
    ck_assert_int_eq(t.interval_precision, 2);
    ck_assert_int_eq(t.octet_length, (SQLLEN)sizeof(SQL_INTERVAL_STRUCT));
    col.kind = SQ_K_DECIMAL;
    col.enc_len = 0x0C04;
    ck_assert_int_eq(conv_describe(&col, &t), CONV_OK);
    ck_assert_int_eq(t.precision, 12);
    ck_assert_int_eq(t.scale, 4);
    ck_assert_int_eq(t.num_prec_radix, 10);
    ck_assert_int_eq(t.searchable, SQL_PRED_BASIC);
    ck_assert(!t.case_sensitive);
    col.kind = SQ_K_VARCHAR;
    col.enc_len = 20;
    ck_assert_int_eq(conv_describe(&col, &t), CONV_OK);
    ck_assert(t.case_sensitive);
    ck_assert_str_eq(t.literal_prefix, "'");
    ck_assert_int_eq(t.searchable, SQL_PRED_SEARCHABLE);
    col.kind = SQ_K_DATETIME;
    col.enc_len = SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F5);
    ck_assert_int_eq(conv_describe(&col, &t), CONV_OK);
    ck_assert_int_eq(t.octet_length, (SQLLEN)sizeof(SQL_TIMESTAMP_STRUCT));
    ck_assert_int_eq(t.precision, 5);
    ck_assert_int_eq(conv_describe(NULL, &t), CONV_UNSUPPORTED);
}
END_TEST

struct case_default_c {
    SQLSMALLINT sql, c;
};

static const struct case_default_c defaults[] = {
    {SQL_CHAR, SQL_C_CHAR},
    {SQL_VARCHAR, SQL_C_CHAR},
    {SQL_LONGVARCHAR, SQL_C_CHAR},
    {SQL_WVARCHAR, SQL_C_WCHAR},
    {SQL_DECIMAL, SQL_C_CHAR},
    {SQL_NUMERIC, SQL_C_NUMERIC},
    {SQL_SMALLINT, SQL_C_SSHORT},
    {SQL_INTEGER, SQL_C_SLONG},
    {SQL_BIGINT, SQL_C_SBIGINT},
    {SQL_REAL, SQL_C_FLOAT},
    {SQL_DOUBLE, SQL_C_DOUBLE},
    {SQL_FLOAT, SQL_C_DOUBLE},
    {SQL_BIT, SQL_C_BIT},
    {SQL_TINYINT, SQL_C_STINYINT},
    {SQL_LONGVARBINARY, SQL_C_BINARY},
    {SQL_TYPE_DATE, SQL_C_TYPE_DATE},
    {SQL_TIMESTAMP, SQL_C_TYPE_TIMESTAMP},
    {SQL_TYPE_TIME, SQL_C_TYPE_TIME},
    {SQL_INTERVAL_DAY_TO_SECOND, SQL_C_INTERVAL_DAY_TO_SECOND},
    {SQL_GUID, SQL_C_CHAR},
};

START_TEST(default_c_types)
{
    ck_assert_int_eq(conv_default_c_type(defaults[_i].sql), defaults[_i].c);
}
END_TEST

START_TEST(rc_names_and_states_complete)
{
    for (int rc = 0; rc < CONV_RC__COUNT; rc++) {
        ck_assert_str_ne(conv_rc_name((enum conv_rc)rc), "UNKNOWN");
        ck_assert_uint_eq(strlen(conv_rc_sqlstate((enum conv_rc)rc)), 5);
    }
    ck_assert_str_eq(conv_rc_sqlstate(CONV_TRUNCATED), "01004");
    ck_assert_str_eq(conv_rc_sqlstate(CONV_FRACTION_TRUNCATED), "01S07");
    ck_assert_str_eq(conv_rc_sqlstate(CONV_UNSUPPORTED), "07006");
    ck_assert(!conv_rc_is_error(CONV_NO_DATA));
    ck_assert(conv_rc_is_error(CONV_OUT_OF_RANGE));
    ck_assert_str_eq(conv_rc_name(CONV_RC__COUNT), "UNKNOWN");
}
END_TEST

static Suite *describe_suite(void)
{
    Suite *s = suite_create("conv_describe");
    TCase *tc = tcase_create("describe");
    tcase_add_loop_test(tc, describe_table, 0, (int)(sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, describe_details);
    tcase_add_loop_test(tc, default_c_types, 0, (int)(sizeof(defaults) / sizeof(defaults[0])));
    tcase_add_test(tc, rc_names_and_states_complete);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(describe_suite());
}
