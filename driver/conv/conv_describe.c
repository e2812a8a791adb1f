/* SPDX-License-Identifier: MIT */
/* conv_describe.c - conversion layer: how an Informix column (struct
 * sq_coldesc) looks through SQLDescribeCol / SQLColAttribute: concise and
 * verbose types, sizes, digits, display size, type name. Mapping decisions
 * are listed in conv.h above struct conv_coltype. Pure; no handles. */
#include <stdio.h>
#include <string.h>

#include "conv.h"
#include "sq_limits.h"
#include "sq_types.h"

#define CONV_LONG_SIZE 2147483647 /* TEXT/BYTE/BLOB/CLOB: "unlimited" */

static const char *const tu_names[16] = {
    [SQ_TU_YEAR] = "year",   [SQ_TU_MONTH] = "month",   [SQ_TU_DAY] = "day",
    [SQ_TU_HOUR] = "hour",   [SQ_TU_MINUTE] = "minute", [SQ_TU_SECOND] = "second",
    [SQ_TU_F1] = "fraction", [SQ_TU_F2] = "fraction",   [SQ_TU_F3] = "fraction",
    [SQ_TU_F4] = "fraction", [SQ_TU_F5] = "fraction",
};

static bool qual_ok(uint16_t qual)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual);
    if (s == SQ_TU_FRAC && e >= SQ_TU_F1 && e <= SQ_TU_F5)
        return true; /* FRACTION (12) TO FRACTION(1) (11) ends "before" it starts */
    if (s > e || e > SQ_TU_F5 || !tu_names[s] || !tu_names[e])
        return false;
    return true;
}

/* "datetime year to fraction(3)", "interval day(3) to second". */
static void qual_name(char *buf, size_t cap, const char *kind, uint16_t qual, bool interval)
{
    unsigned s = SQ_TU_START(qual), e = SQ_TU_END(qual);
    unsigned lead = SQ_TU_LEN(qual) - (e - s);
    char start[16], end[16];

    if (interval && s <= SQ_TU_SECOND)
        (void)snprintf(start, sizeof(start), "%s(%u)", tu_names[s], lead);
    else
        (void)snprintf(start, sizeof(start), "%s", s == SQ_TU_FRAC ? "fraction" : tu_names[s]);
    if (e > SQ_TU_SECOND)
        (void)snprintf(end, sizeof(end), "fraction(%u)", e - SQ_TU_SECOND);
    else
        (void)snprintf(end, sizeof(end), "%s", tu_names[e]);
    (void)snprintf(buf, cap, "%s %s to %s", kind, start, end);
}

static void set_char(struct conv_coltype *o, SQLSMALLINT type, SQLULEN size, const char *name)
{
    o->concise_type = type;
    o->verbose_type = type;
    o->column_size = size;
    o->length = (SQLLEN)size;
    o->octet_length = (SQLLEN)size;
    o->display_size = (SQLLEN)size;
    o->case_sensitive = true;
    o->searchable = SQL_PRED_SEARCHABLE;
    o->literal_prefix = "'";
    o->literal_suffix = "'";
    o->c_default = SQL_C_CHAR;
    (void)snprintf(o->type_name, sizeof(o->type_name), "%s", name);
}

static void set_num(struct conv_coltype *o, SQLSMALLINT type, SQLULEN size, SQLLEN display,
                    SQLLEN octet, SQLSMALLINT c_default, const char *name)
{
    o->concise_type = type;
    o->verbose_type = type;
    o->column_size = size;
    o->precision = (SQLSMALLINT)size;
    o->length = (SQLLEN)size;
    o->display_size = display;
    o->octet_length = octet;
    o->num_prec_radix = 10;
    o->searchable = SQL_PRED_BASIC;
    o->c_default = c_default;
    (void)snprintf(o->type_name, sizeof(o->type_name), "%s", name);
}

static void set_long(struct conv_coltype *o, SQLSMALLINT type, const char *name)
{
    o->concise_type = type;
    o->verbose_type = type;
    o->column_size = CONV_LONG_SIZE;
    o->length = CONV_LONG_SIZE;
    o->octet_length = CONV_LONG_SIZE;
    o->display_size = CONV_LONG_SIZE;
    o->searchable = SQL_PRED_NONE;
    o->c_default = type == SQL_LONGVARBINARY ? SQL_C_BINARY : SQL_C_CHAR;
    o->case_sensitive = type == SQL_LONGVARCHAR;
    (void)snprintf(o->type_name, sizeof(o->type_name), "%s", name);
}

static void set_datetime(struct conv_coltype *o, SQLSMALLINT type, SQLSMALLINT sub, SQLULEN size,
                         SQLSMALLINT frac, SQLLEN octet, SQLSMALLINT c_default)
{
    o->concise_type = type;
    o->verbose_type = SQL_DATETIME;
    o->datetime_sub = sub;
    o->column_size = size;
    o->length = (SQLLEN)size;
    o->display_size = (SQLLEN)size;
    o->octet_length = octet;
    o->decimal_digits = frac;
    o->precision = frac;
    o->searchable = SQL_PRED_BASIC;
    o->literal_prefix = "'";
    o->literal_suffix = "'";
    o->c_default = c_default;
}

static enum conv_rc describe_datetime(const struct sq_coldesc *col, struct conv_coltype *o)
{
    uint16_t qual = (uint16_t)col->enc_len;
    SQLSMALLINT n;

    if (!qual_ok(qual))
        return CONV_UNSUPPORTED;
    n = (SQLSMALLINT)conv_qual_frac_digits(qual);
    switch (conv_dt_class_of(qual)) {
    case CONV_DTC_DATE:
        set_datetime(o, SQL_TYPE_DATE, SQL_CODE_DATE, 10, 0, (SQLLEN)sizeof(SQL_DATE_STRUCT),
                     SQL_C_TYPE_DATE);
        break;
    case CONV_DTC_TIME:
        set_datetime(o, SQL_TYPE_TIME, SQL_CODE_TIME, n > 0 ? 9u + (SQLULEN)n : 8u, n,
                     (SQLLEN)sizeof(SQL_TIME_STRUCT), SQL_C_TYPE_TIME);
        break;
    default:
        set_datetime(o, SQL_TYPE_TIMESTAMP, SQL_CODE_TIMESTAMP, n > 0 ? 20u + (SQLULEN)n : 19u, n,
                     (SQLLEN)sizeof(SQL_TIMESTAMP_STRUCT), SQL_C_TYPE_TIMESTAMP);
        break;
    }
    qual_name(o->type_name, sizeof(o->type_name), "datetime", qual, false);
    return CONV_OK;
}

static enum conv_rc describe_interval(const struct sq_coldesc *col, struct conv_coltype *o)
{
    uint16_t qual = (uint16_t)col->enc_len;
    SQLINTERVAL code;
    unsigned s, e, lead, nfields;
    int first, last, frac;
    SQLULEN size;

    if (!qual_ok(qual))
        return CONV_UNSUPPORTED;
    code = conv_ival_code_of(qual);
    if (!conv_ival_fields(code, &first, &last))
        return CONV_UNSUPPORTED;
    s = SQ_TU_START(qual);
    e = SQ_TU_END(qual);
    lead = SQ_TU_LEN(qual) >= e - s ? SQ_TU_LEN(qual) - (e - s) : 0;
    if (s > SQ_TU_SECOND)
        lead = 0; /* FRACTION TO FRACTION: no whole seconds */
    frac = conv_qual_frac_digits(qual);
    nfields = (unsigned)(last - first);
    /* characters of the value: leading digits, "-mm"/" hh"/":mm" per further
     * field, ".fffff" when there is a fraction */
    size = (SQLULEN)lead + 3u * nfields + (frac > 0 ? 1u + (SQLULEN)frac : 0u);
    o->concise_type = (SQLSMALLINT)(SQL_INTERVAL_YEAR - SQL_IS_YEAR + (int)code);
    o->verbose_type = SQL_INTERVAL;
    o->datetime_sub = (SQLSMALLINT)code;
    o->interval_precision = (SQLINTEGER)lead;
    o->column_size = size;
    o->length = (SQLLEN)size;
    o->display_size = (SQLLEN)size + 1; /* sign */
    o->octet_length = (SQLLEN)sizeof(SQL_INTERVAL_STRUCT);
    o->decimal_digits = (SQLSMALLINT)frac;
    o->precision = (SQLSMALLINT)frac;
    o->searchable = SQL_PRED_BASIC;
    o->literal_prefix = "'";
    o->literal_suffix = "'";
    o->c_default = o->concise_type; /* SQL_C_INTERVAL_* share the SQL codes */
    qual_name(o->type_name, sizeof(o->type_name), "interval", qual, true);
    return CONV_OK;
}

static enum conv_rc describe_decimal(const struct sq_coldesc *col, struct conv_coltype *o,
                                     bool money)
{
    unsigned p = SQ_DEC_PREC(col->enc_len), s = SQ_DEC_SCALE(col->enc_len);
    bool floating = s == SQ_DEC_FLOATING;

    if (p == 0 || p > 64)
        p = money ? 16u : 32u;
    if (floating)
        s = 0;
    if (s > p)
        s = p;
    set_num(o, SQL_DECIMAL, p, (SQLLEN)p + 2, (SQLLEN)p + 2, SQL_C_CHAR,
            money ? "money" : "decimal");
    o->decimal_digits = (SQLSMALLINT)s;
    o->scale = (SQLSMALLINT)s;
    o->fixed_prec_scale = money;
    return CONV_OK;
}

enum conv_rc conv_describe(const struct sq_coldesc *col, struct conv_coltype *o)
{
    memset(o, 0, sizeof(*o));
    o->literal_prefix = "";
    o->literal_suffix = "";
    o->searchable = SQL_PRED_BASIC;
    if (!col) {
        set_char(o, SQL_VARCHAR, 1, "varchar");
        return CONV_UNSUPPORTED;
    }
    switch (col->kind) {
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
        set_char(o, SQL_CHAR, col->enc_len > 0 ? col->enc_len : 1u,
                 col->kind == SQ_K_CHAR ? "char" : "nchar");
        return CONV_OK;
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR: {
        unsigned max = SQ_VC_MAX(col->enc_len);
        set_char(o, SQL_VARCHAR, max > 0 ? max : 255u,
                 col->kind == SQ_K_VARCHAR ? "varchar" : "nvarchar");
        return CONV_OK;
    }
    case SQ_K_LVARCHAR: {
        uint32_t max = col->enc_len > 0 ? col->enc_len : 2048u;
        if (max <= SQ_LVARCHAR_MAX_DECL) {
            set_char(o, SQL_VARCHAR, max, "lvarchar");
        } else {
            set_long(o, SQL_LONGVARCHAR, "lvarchar");
            o->searchable = SQL_PRED_SEARCHABLE;
            o->literal_prefix = "'";
            o->literal_suffix = "'";
        }
        return CONV_OK;
    }
    case SQ_K_TEXT:
        set_long(o, SQL_LONGVARCHAR, "text");
        return CONV_OK;
    case SQ_K_CLOB:
        set_long(o, SQL_LONGVARCHAR, "clob");
        return CONV_OK;
    case SQ_K_BYTE:
        set_long(o, SQL_LONGVARBINARY, "byte");
        return CONV_OK;
    case SQ_K_BLOB:
        set_long(o, SQL_LONGVARBINARY, "blob");
        return CONV_OK;
    case SQ_K_COLLECTION:
        /* SET/MULTISET/LIST/ROW: their Informix text form ("SET{1,2}") */
        set_long(o, SQL_LONGVARCHAR, col->xname && col->xname[0] ? col->xname
                                                                  : sq_collection_name(col->type));
        return CONV_OK;
    case SQ_K_UDTVAR:
    case SQ_K_UDTFIXED:
        set_long(o, SQL_LONGVARBINARY, col->xname && col->xname[0] ? col->xname : "opaque");
        if (col->kind == SQ_K_UDTFIXED && col->enc_len > 0) {
            o->column_size = col->enc_len;
            o->length = (SQLLEN)col->enc_len;
            o->octet_length = (SQLLEN)col->enc_len;
            o->display_size = 2 * (SQLLEN)col->enc_len;
        }
        return CONV_OK;
    case SQ_K_SMALLINT:
        set_num(o, SQL_SMALLINT, 5, 6, 2, SQL_C_SSHORT, "smallint");
        return CONV_OK;
    case SQ_K_INTEGER:
        set_num(o, SQL_INTEGER, 10, 11, 4, SQL_C_SLONG, "integer");
        return CONV_OK;
    case SQ_K_SERIAL:
        set_num(o, SQL_INTEGER, 10, 11, 4, SQL_C_SLONG, "serial");
        o->auto_unique = true;
        return CONV_OK;
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL:
        set_num(o, SQL_BIGINT, 19, 20, 8, SQL_C_SBIGINT,
                col->kind == SQ_K_INT8      ? "int8"
                : col->kind == SQ_K_SERIAL8 ? "serial8"
                : col->kind == SQ_K_BIGINT  ? "bigint"
                                            : "bigserial");
        o->auto_unique = col->kind == SQ_K_SERIAL8 || col->kind == SQ_K_BIGSERIAL;
        return CONV_OK;
    case SQ_K_SMALLFLOAT:
        set_num(o, SQL_REAL, 7, 14, 4, SQL_C_FLOAT, "smallfloat");
        return CONV_OK;
    case SQ_K_FLOAT:
        set_num(o, SQL_DOUBLE, 15, 24, 8, SQL_C_DOUBLE, "float");
        return CONV_OK;
    case SQ_K_DECIMAL:
        return describe_decimal(col, o, false);
    case SQ_K_MONEY:
        return describe_decimal(col, o, true);
    case SQ_K_DATE:
        set_datetime(o, SQL_TYPE_DATE, SQL_CODE_DATE, 10, 0, (SQLLEN)sizeof(SQL_DATE_STRUCT),
                     SQL_C_TYPE_DATE);
        (void)snprintf(o->type_name, sizeof(o->type_name), "date");
        return CONV_OK;
    case SQ_K_DATETIME:
        if (describe_datetime(col, o) == CONV_OK)
            return CONV_OK;
        break;
    case SQ_K_INTERVAL:
        if (describe_interval(col, o) == CONV_OK)
            return CONV_OK;
        break;
    case SQ_K_BOOLEAN:
        set_num(o, SQL_BIT, 1, 1, 1, SQL_C_BIT, "boolean");
        o->num_prec_radix = 0;
        o->precision = 1;
        return CONV_OK;
    case SQ_K_NULLTYPE:
        set_char(o, SQL_VARCHAR, 1, "null");
        return CONV_OK;
    default:
        break;
    }
    memset(o, 0, sizeof(*o));
    set_char(o, SQL_VARCHAR, 1, "unknown");
    return CONV_UNSUPPORTED;
}

SQLSMALLINT conv_default_c_type(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_SMALLINT:
        return SQL_C_SSHORT;
    case SQL_TINYINT:
        return SQL_C_STINYINT;
    case SQL_INTEGER:
        return SQL_C_SLONG;
    case SQL_BIGINT:
        return SQL_C_SBIGINT;
    case SQL_REAL:
        return SQL_C_FLOAT;
    case SQL_FLOAT:
    case SQL_DOUBLE:
        return SQL_C_DOUBLE;
    case SQL_BIT:
        return SQL_C_BIT;
    case SQL_NUMERIC:
        return SQL_C_NUMERIC;
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
        return SQL_C_BINARY;
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
        return SQL_C_WCHAR;
    case SQL_TYPE_DATE:
    case SQL_DATE:
        return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
    case SQL_TIME:
        return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP:
        return SQL_C_TYPE_TIMESTAMP;
    default:
        if (sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND)
            return sql_type;
        return SQL_C_CHAR; /* CHAR, VARCHAR, LONGVARCHAR, DECIMAL, unknown */
    }
}
