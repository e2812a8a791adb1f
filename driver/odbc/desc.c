/* SPDX-License-Identifier: MIT */
/* desc.c - descriptor records and the SQLGet/SetDescField, SQLGet/SetDescRec
 * and SQLCopyDesc rules: which fields each kind of descriptor has, which are
 * read-only (IRD), how setting a type field updates the others. The IRD's
 * values come from conv_describe() of the statement's columns. */
#include "desc.h"

#include <string.h>

#include "sq_alloc.h"
#include "stmt.h"

void desc_rec_reset(const struct desc *d, struct desc_rec *r)
{
    sq_free(r->name);
    memset(r, 0, sizeof *r);
    if (d->kind == DESC_ARD || d->kind == DESC_APD) {
        r->type = r->concise_type = SQL_C_DEFAULT;
    } else {
        r->type = r->concise_type = SQL_VARCHAR;
        r->nullable = SQL_NULLABLE;
        r->unnamed = SQL_UNNAMED;
    }
    if (d->kind == DESC_IPD)
        r->parameter_type = SQL_PARAM_INPUT;
}

void desc_init(struct desc *d, struct dbc *dbc, enum desc_kind kind, struct stmt *owner)
{
    memset(d, 0, sizeof *d);
    d->hdr.magic = HANDLE_MAGIC_DESC;
    d->hdr.type = SQL_HANDLE_DESC;
    d->hdr.lock = dbc_handle(dbc)->lock;
    diag_init(&d->hdr.diag);
    d->hdr.diag.odbc2 = dbc_odbc_version(dbc) == SQL_OV_ODBC2;
    d->dbc = dbc;
    link_init(&d->node);
    d->kind = kind;
    d->owner = owner;
    d->array_size = 1;
    d->bind_type = SQL_BIND_BY_COLUMN;
}

void desc_fini(struct desc *d)
{
    if (!d)
        return;
    for (SQLSMALLINT i = 0; i < d->cap; i++)
        sq_free(d->recs[i].name);
    sq_free(d->recs);
    d->recs = NULL;
    d->cap = d->count = 0;
    diag_fini(&d->hdr.diag);
}

struct desc_rec *desc_rec(struct desc *d, SQLSMALLINT n, bool create)
{
    if (n < 0 || n >= DESC_MAX_RECS)
        return NULL;
    if (n >= d->cap) {
        if (!create)
            return NULL;
        SQLSMALLINT ncap = d->cap ? d->cap : 8;
        while (ncap <= n)
            ncap = ncap > DESC_MAX_RECS / 2 ? DESC_MAX_RECS : (SQLSMALLINT)(ncap * 2);
        struct desc_rec *nr = sq_realloc(d->recs, (size_t)ncap * sizeof *nr);
        if (!nr)
            return NULL;
        memset(nr + d->cap, 0, (size_t)(ncap - d->cap) * sizeof *nr);
        for (SQLSMALLINT i = d->cap; i < ncap; i++)
            desc_rec_reset(d, &nr[i]);
        d->recs = nr;
        d->cap = ncap;
    }
    if (n > d->count) {
        if (!create)
            return NULL;
        d->count = n;
    }
    return &d->recs[n];
}

void desc_set_count(struct desc *d, SQLSMALLINT n)
{
    if (n < 0)
        n = 0;
    for (SQLSMALLINT i = (SQLSMALLINT)(n + 1); i <= d->count && i < d->cap; i++)
        desc_rec_reset(d, &d->recs[i]);
    if (n < d->count)
        d->count = n;
    else if (n > d->count)
        (void)desc_rec(d, n, true);
}

void desc_rec_set_concise(struct desc_rec *r, SQLSMALLINT concise)
{
    switch (concise) {
    case SQL_DATE: /* ODBC 2 codes (same values for C and SQL) */
        concise = SQL_TYPE_DATE;
        break;
    case SQL_TIME:
        concise = SQL_TYPE_TIME;
        break;
    case SQL_TIMESTAMP:
        concise = SQL_TYPE_TIMESTAMP;
        break;
    default:
        break;
    }
    r->concise_type = concise;
    if (concise >= SQL_TYPE_DATE && concise <= SQL_TYPE_TIMESTAMP) {
        r->type = SQL_DATETIME;
        r->datetime_sub = (SQLSMALLINT)(concise - SQL_TYPE_DATE + SQL_CODE_DATE);
    } else if (concise >= SQL_INTERVAL_YEAR && concise <= SQL_INTERVAL_MINUTE_TO_SECOND) {
        r->type = SQL_INTERVAL;
        r->datetime_sub = (SQLSMALLINT)(concise - 100);
    } else {
        r->type = concise;
        r->datetime_sub = 0;
    }
}

SQLLEN desc_c_elem_size(SQLSMALLINT c_type, SQLLEN buffer_len)
{
    switch (c_type) {
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
        return (SQLLEN)sizeof(SQLSMALLINT);
    case SQL_C_LONG:
    case SQL_C_SLONG:
    case SQL_C_ULONG:
        return (SQLLEN)sizeof(SQLINTEGER);
    case SQL_C_FLOAT:
        return (SQLLEN)sizeof(SQLREAL);
    case SQL_C_DOUBLE:
        return (SQLLEN)sizeof(SQLDOUBLE);
    case SQL_C_BIT:
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
        return 1;
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
        return (SQLLEN)sizeof(SQLBIGINT);
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE:
        return (SQLLEN)sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME:
        return (SQLLEN)sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP:
        return (SQLLEN)sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_NUMERIC:
        return (SQLLEN)sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_GUID:
        return (SQLLEN)sizeof(SQLGUID);
    default:
        if (c_type >= SQL_C_INTERVAL_YEAR && c_type <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
            return (SQLLEN)sizeof(SQL_INTERVAL_STRUCT);
        return buffer_len;
    }
}

SQLRETURN out_str(struct handle *h, const char *src, size_t src_len, SQLPOINTER buf,
                  SQLLEN buf_len, SQLSMALLINT *len16, SQLINTEGER *len32, bool wide,
                  enum enc_unit unit)
{
    size_t full = 0;
    enum enc_rc rc;
    if (!src)
        src = "";
    if (buf_len < 0)
        return diag_add(h, DIAG_HY090, NULL);
    if (wide) {
        rc = enc_out_wide(src, src_len, buf, buf ? (size_t)buf_len : 0, unit, &full);
        if (unit == ENC_UNIT_BYTES)
            full *= 1; /* enc_out_wide reports in the unit asked */
    } else {
        rc = enc_out_narrow(src, src_len, buf, buf ? (size_t)buf_len : 0, &full);
    }
    if (full > 32767 && len16)
        full = 32767;
    if (len16)
        *len16 = (SQLSMALLINT)full;
    if (len32)
        *len32 = (SQLINTEGER)full;
    if (rc == ENC_TRUNCATED || (buf && buf_len == 0 && full > 0))
        return diag_add(h, DIAG_01004, NULL);
    if (rc == ENC_NOMEM)
        return diag_add(h, DIAG_HY001, NULL);
    return SQL_SUCCESS;
}

/* ---- field catalogue ------------------------------------------------------ */

enum fkind { FK_NONE, FK_SMALL, FK_INT, FK_LEN, FK_ULEN, FK_PTR, FK_STR };

static enum fkind field_kind(SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_ALLOC_TYPE:
    case SQL_DESC_COUNT:
    case SQL_DESC_CONCISE_TYPE:
    case SQL_DESC_DATETIME_INTERVAL_CODE:
    case SQL_DESC_FIXED_PREC_SCALE:
    case SQL_DESC_NULLABLE:
    case SQL_DESC_PARAMETER_TYPE:
    case SQL_DESC_PRECISION:
    case SQL_DESC_ROWVER:
    case SQL_DESC_SCALE:
    case SQL_DESC_SEARCHABLE:
    case SQL_DESC_TYPE:
    case SQL_DESC_UNNAMED:
    case SQL_DESC_UNSIGNED:
    case SQL_DESC_UPDATABLE:
        return FK_SMALL;
    case SQL_DESC_BIND_TYPE:
    case SQL_DESC_AUTO_UNIQUE_VALUE:
    case SQL_DESC_CASE_SENSITIVE:
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
    case SQL_DESC_NUM_PREC_RADIX:
        return FK_INT;
    case SQL_DESC_DISPLAY_SIZE:
    case SQL_DESC_OCTET_LENGTH:
        return FK_LEN;
    case SQL_DESC_ARRAY_SIZE:
    case SQL_DESC_LENGTH:
        return FK_ULEN;
    case SQL_DESC_ARRAY_STATUS_PTR:
    case SQL_DESC_BIND_OFFSET_PTR:
    case SQL_DESC_ROWS_PROCESSED_PTR:
    case SQL_DESC_DATA_PTR:
    case SQL_DESC_INDICATOR_PTR:
    case SQL_DESC_OCTET_LENGTH_PTR:
        return FK_PTR;
    case SQL_DESC_BASE_COLUMN_NAME:
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_LITERAL_PREFIX:
    case SQL_DESC_LITERAL_SUFFIX:
    case SQL_DESC_LOCAL_TYPE_NAME:
    case SQL_DESC_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_TYPE_NAME:
        return FK_STR;
    default:
        return FK_NONE;
    }
}

int desc_field_kind(SQLSMALLINT field)
{
    return (int)field_kind(field);
}

static bool is_header_field(SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_ALLOC_TYPE:
    case SQL_DESC_ARRAY_SIZE:
    case SQL_DESC_ARRAY_STATUS_PTR:
    case SQL_DESC_BIND_OFFSET_PTR:
    case SQL_DESC_BIND_TYPE:
    case SQL_DESC_COUNT:
    case SQL_DESC_ROWS_PROCESSED_PTR:
        return true;
    default:
        return false;
    }
}

/* Value of a record field. Strings in *s, everything else in *v / *p. False
 * when the field does not apply to this kind of descriptor. */
static bool rec_field(const struct desc *d, const struct desc_rec *r, SQLSMALLINT field,
                      SQLLEN *v, SQLPOINTER *p, const char **s)
{
    bool app = d->kind == DESC_ARD || d->kind == DESC_APD;
    bool ird = d->kind == DESC_IRD;
    const struct conv_coltype *ct = &r->ct;
    *v = 0;
    *p = NULL;
    *s = NULL;
    switch (field) {
    case SQL_DESC_TYPE: *v = r->type; return true;
    case SQL_DESC_CONCISE_TYPE: *v = r->concise_type; return true;
    case SQL_DESC_DATETIME_INTERVAL_CODE: *v = r->datetime_sub; return true;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: *v = r->dt_interval_prec; return true;
    case SQL_DESC_OCTET_LENGTH: *v = r->octet_length; return true;
    case SQL_DESC_LENGTH: *v = (SQLLEN)r->length; return true;
    case SQL_DESC_PRECISION: *v = r->precision; return true;
    case SQL_DESC_SCALE: *v = r->scale; return true;
    case SQL_DESC_NUM_PREC_RADIX: *v = r->num_prec_radix; return true;
    case SQL_DESC_DATA_PTR: *p = r->data_ptr; return app;
    case SQL_DESC_INDICATOR_PTR: *p = r->ind_ptr; return app;
    case SQL_DESC_OCTET_LENGTH_PTR: *p = r->octet_length_ptr; return app;
    case SQL_DESC_PARAMETER_TYPE: *v = r->parameter_type; return d->kind == DESC_IPD;
    case SQL_DESC_NULLABLE: *v = r->nullable; return !app;
    case SQL_DESC_UNNAMED: *v = r->unnamed; return !app;
    case SQL_DESC_NAME: *s = r->name ? r->name : ""; return !app;
    case SQL_DESC_ROWVER: *v = SQL_FALSE; return !app;
    case SQL_DESC_UNSIGNED: *v = ird ? ct->is_unsigned : SQL_FALSE; return !app;
    case SQL_DESC_FIXED_PREC_SCALE: *v = ird ? ct->fixed_prec_scale : SQL_FALSE; return !app;
    case SQL_DESC_CASE_SENSITIVE: *v = ird ? ct->case_sensitive : SQL_FALSE; return !app;
    case SQL_DESC_TYPE_NAME: *s = ird ? ct->type_name : ""; return !app;
    case SQL_DESC_LOCAL_TYPE_NAME: *s = ""; return !app;
    case SQL_DESC_AUTO_UNIQUE_VALUE: *v = ct->auto_unique; return ird;
    case SQL_DESC_SEARCHABLE: *v = ct->searchable; return ird;
    case SQL_DESC_DISPLAY_SIZE: *v = ct->display_size; return ird;
    case SQL_DESC_UPDATABLE: *v = SQL_ATTR_READWRITE_UNKNOWN; return ird;
    case SQL_DESC_LITERAL_PREFIX: *s = ct->literal_prefix; return ird;
    case SQL_DESC_LITERAL_SUFFIX: *s = ct->literal_suffix; return ird;
    case SQL_DESC_LABEL:
    case SQL_DESC_BASE_COLUMN_NAME: *s = r->name ? r->name : ""; return ird;
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_CATALOG_NAME: *s = ""; return ird; /* TODO(2): table from DESCRIBE */
    default: return false;
    }
}

static void put_num(SQLPOINTER value, enum fkind k, SQLLEN v, SQLPOINTER p)
{
    if (!value)
        return;
    switch (k) {
    case FK_SMALL: *(SQLSMALLINT *)value = (SQLSMALLINT)v; break;
    case FK_INT: *(SQLINTEGER *)value = (SQLINTEGER)v; break;
    case FK_LEN: *(SQLLEN *)value = v; break;
    case FK_ULEN: *(SQLULEN *)value = (SQLULEN)v; break;
    case FK_PTR: *(SQLPOINTER *)value = p; break;
    default: break;
    }
}

SQLRETURN desc_get_field(struct desc *d, struct handle *diag_to, SQLSMALLINT recno,
                         SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buf_len,
                         SQLINTEGER *str_len, bool wide)
{
    enum fkind k = field_kind(field);
    if (k == FK_NONE)
        return diag_add(diag_to, DIAG_HY091, NULL);
    if (is_header_field(field)) {
        SQLLEN v = 0;
        SQLPOINTER p = NULL;
        switch (field) {
        case SQL_DESC_ALLOC_TYPE: v = d->is_explicit ? SQL_DESC_ALLOC_USER : SQL_DESC_ALLOC_AUTO; break;
        case SQL_DESC_ARRAY_SIZE: v = (SQLLEN)d->array_size; break;
        case SQL_DESC_ARRAY_STATUS_PTR: p = d->array_status_ptr; break;
        case SQL_DESC_BIND_OFFSET_PTR: p = d->bind_offset_ptr; break;
        case SQL_DESC_BIND_TYPE: v = (SQLLEN)d->bind_type; break;
        case SQL_DESC_COUNT: v = d->count; break;
        case SQL_DESC_ROWS_PROCESSED_PTR: p = d->rows_processed_ptr; break;
        default: break;
        }
        if ((d->kind == DESC_IRD || d->kind == DESC_IPD) &&
            (field == SQL_DESC_ARRAY_SIZE || field == SQL_DESC_BIND_TYPE ||
             field == SQL_DESC_BIND_OFFSET_PTR))
            return diag_add(diag_to, DIAG_HY091, NULL);
        if ((d->kind == DESC_ARD || d->kind == DESC_APD) && field == SQL_DESC_ROWS_PROCESSED_PTR)
            return diag_add(diag_to, DIAG_HY091, NULL);
        put_num(value, k, v, p);
        return SQL_SUCCESS;
    }
    if (recno < 0)
        return diag_add(diag_to, DIAG_07009, NULL);
    if (d->kind == DESC_IRD && d->owner && d->owner->state < STMT_S3 && !d->owner->local)
        return diag_add(diag_to, DIAG_HY007, NULL);
    if (recno > d->count)
        return SQL_NO_DATA;
    struct desc_rec *r = desc_rec(d, recno, false);
    if (!r)
        return SQL_NO_DATA;
    SQLLEN v;
    SQLPOINTER p;
    const char *s;
    if (!rec_field(d, r, field, &v, &p, &s))
        return diag_add(diag_to, DIAG_HY091, NULL);
    if (k == FK_STR)
        return out_str(diag_to, s, strlen(s), value, buf_len, NULL, str_len, wide,
                       ENC_UNIT_BYTES);
    put_num(value, k, v, p);
    return SQL_SUCCESS;
}

static SQLLEN int_arg(SQLPOINTER value)
{
    return (SQLLEN)(intptr_t)value;
}

SQLRETURN desc_set_field(struct desc *d, struct handle *diag_to, SQLSMALLINT recno,
                         SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buf_len)
{
    (void)buf_len;
    enum fkind k = field_kind(field);
    if (k == FK_NONE)
        return diag_add(diag_to, DIAG_HY091, NULL);
    if (d->kind == DESC_IRD && field != SQL_DESC_ARRAY_STATUS_PTR &&
        field != SQL_DESC_ROWS_PROCESSED_PTR)
        return diag_add(diag_to, DIAG_HY016, NULL);
    if (is_header_field(field)) {
        switch (field) {
        case SQL_DESC_ALLOC_TYPE:
            return diag_add(diag_to, DIAG_HY091, NULL);
        case SQL_DESC_ARRAY_SIZE:
            if (int_arg(value) <= 0)
                return diag_add(diag_to, DIAG_HY024, NULL);
            d->array_size = (SQLULEN)int_arg(value);
            return SQL_SUCCESS;
        case SQL_DESC_ARRAY_STATUS_PTR: d->array_status_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_BIND_OFFSET_PTR: d->bind_offset_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_BIND_TYPE: d->bind_type = (SQLULEN)int_arg(value); return SQL_SUCCESS;
        case SQL_DESC_ROWS_PROCESSED_PTR: d->rows_processed_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_COUNT: {
            SQLLEN n = int_arg(value);
            if (n < 0 || n >= DESC_MAX_RECS)
                return diag_add(diag_to, DIAG_07009, NULL);
            desc_set_count(d, (SQLSMALLINT)n);
            if (d->count != n)
                return diag_add(diag_to, DIAG_HY001, NULL);
            return SQL_SUCCESS;
        }
        default:
            return diag_add(diag_to, DIAG_HY091, NULL);
        }
    }
    if (recno < 0 || recno >= DESC_MAX_RECS || (recno == 0 && d->kind == DESC_IPD))
        return diag_add(diag_to, DIAG_07009, NULL);
    struct desc_rec *r = desc_rec(d, recno, true);
    if (!r)
        return diag_add(diag_to, DIAG_HY001, NULL);
    SQLLEN v = int_arg(value);
    /* ODBC "SQLSetDescField": setting any record field of an ARD/APD other
     * than the deferred SQL_DESC_DATA_PTR / INDICATOR_PTR / OCTET_LENGTH_PTR
     * unbinds the record (its data pointer becomes NULL). */
    if ((d->kind == DESC_ARD || d->kind == DESC_APD) && field != SQL_DESC_DATA_PTR &&
        field != SQL_DESC_INDICATOR_PTR && field != SQL_DESC_OCTET_LENGTH_PTR)
        r->data_ptr = NULL;
    switch (field) {
    case SQL_DESC_TYPE:
        if (v == SQL_DATETIME || v == SQL_INTERVAL) {
            r->type = (SQLSMALLINT)v;
            if (r->datetime_sub)
                r->concise_type = (SQLSMALLINT)(v == SQL_DATETIME
                                                     ? SQL_TYPE_DATE - 1 + r->datetime_sub
                                                     : 100 + r->datetime_sub);
        } else {
            desc_rec_set_concise(r, (SQLSMALLINT)v);
        }
        if (v == SQL_C_NUMERIC || v == SQL_DECIMAL || v == SQL_NUMERIC) {
            r->precision = 38;
            r->scale = 0;
        }
        return SQL_SUCCESS;
    case SQL_DESC_CONCISE_TYPE:
        desc_rec_set_concise(r, (SQLSMALLINT)v);
        return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE:
        r->datetime_sub = (SQLSMALLINT)v;
        if (r->type == SQL_DATETIME)
            r->concise_type = (SQLSMALLINT)(SQL_TYPE_DATE - 1 + v);
        else if (r->type == SQL_INTERVAL)
            r->concise_type = (SQLSMALLINT)(100 + v);
        return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: r->dt_interval_prec = (SQLINTEGER)v; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH: r->octet_length = v; return SQL_SUCCESS;
    case SQL_DESC_LENGTH: r->length = (SQLULEN)v; return SQL_SUCCESS;
    case SQL_DESC_PRECISION: r->precision = (SQLSMALLINT)v; return SQL_SUCCESS;
    case SQL_DESC_SCALE: r->scale = (SQLSMALLINT)v; return SQL_SUCCESS;
    case SQL_DESC_NUM_PREC_RADIX: r->num_prec_radix = (SQLSMALLINT)v; return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR:
        if (d->kind == DESC_IPD)
            return diag_add(diag_to, DIAG_HY091, NULL);
        r->data_ptr = value;
        return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR:
        if (d->kind == DESC_IPD)
            return diag_add(diag_to, DIAG_HY091, NULL);
        r->ind_ptr = value;
        return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR:
        if (d->kind == DESC_IPD)
            return diag_add(diag_to, DIAG_HY091, NULL);
        r->octet_length_ptr = value;
        return SQL_SUCCESS;
    case SQL_DESC_PARAMETER_TYPE:
        if (d->kind != DESC_IPD)
            return diag_add(diag_to, DIAG_HY091, NULL);
        if (v != SQL_PARAM_INPUT)
            return diag_add(diag_to, DIAG_HYC00, "only input parameters are supported");
        r->parameter_type = (SQLSMALLINT)v;
        return SQL_SUCCESS;
    case SQL_DESC_NAME:
        if (d->kind != DESC_IPD)
            return diag_add(diag_to, DIAG_HY091, NULL);
        sq_free(r->name);
        r->name = sq_strdup(value ? (const char *)value : "");
        r->unnamed = SQL_NAMED;
        return r->name ? SQL_SUCCESS : diag_add(diag_to, DIAG_HY001, NULL);
    case SQL_DESC_UNNAMED:
        if (d->kind != DESC_IPD || v == SQL_NAMED)
            return diag_add(diag_to, DIAG_HY091, NULL);
        r->unnamed = (SQLSMALLINT)v;
        return SQL_SUCCESS;
    case SQL_DESC_NULLABLE:
    default:
        return diag_add(diag_to, DIAG_HY091, NULL);
    }
}

SQLRETURN desc_get_rec(struct desc *d, SQLSMALLINT recno, SQLPOINTER name,
                       SQLSMALLINT buf_len, SQLSMALLINT *str_len, SQLSMALLINT *type,
                       SQLSMALLINT *sub, SQLLEN *length, SQLSMALLINT *precision,
                       SQLSMALLINT *scale, SQLSMALLINT *nullable, bool wide)
{
    if (recno < 0)
        return diag_add(&d->hdr, DIAG_07009, NULL);
    if (recno > d->count)
        return SQL_NO_DATA;
    struct desc_rec *r = desc_rec(d, recno, false);
    if (!r)
        return SQL_NO_DATA;
    if (type)
        *type = r->type;
    if (sub)
        *sub = r->datetime_sub;
    if (length)
        *length = r->octet_length;
    if (precision)
        *precision = r->precision;
    if (scale)
        *scale = r->scale;
    if (nullable)
        *nullable = r->nullable;
    const char *nm = r->name ? r->name : "";
    return out_str(&d->hdr, nm, strlen(nm), name, buf_len, str_len, NULL, wide,
                   ENC_UNIT_CHARS);
}

SQLRETURN desc_set_rec(struct desc *d, SQLSMALLINT recno, SQLSMALLINT type, SQLSMALLINT sub,
                       SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale,
                       SQLPOINTER data, SQLLEN *octet_len_ptr, SQLLEN *ind_ptr)
{
    if (d->kind == DESC_IRD)
        return diag_add(&d->hdr, DIAG_HY016, NULL);
    if (recno < 0 || recno >= DESC_MAX_RECS || (recno == 0 && d->kind == DESC_IPD))
        return diag_add(&d->hdr, DIAG_07009, NULL);
    struct desc_rec *r = desc_rec(d, recno, true);
    if (!r)
        return diag_add(&d->hdr, DIAG_HY001, NULL);
    if (type == SQL_DATETIME)
        desc_rec_set_concise(r, (SQLSMALLINT)(SQL_TYPE_DATE - 1 + sub));
    else if (type == SQL_INTERVAL)
        desc_rec_set_concise(r, (SQLSMALLINT)(100 + sub));
    else
        desc_rec_set_concise(r, type);
    r->octet_length = length;
    r->precision = precision;
    r->scale = scale;
    if (d->kind != DESC_IPD) {
        r->data_ptr = data;
        r->octet_length_ptr = octet_len_ptr;
        r->ind_ptr = ind_ptr;
    }
    return SQL_SUCCESS;
}

SQLRETURN desc_copy(struct desc *src, struct desc *dst)
{
    if (dst->kind == DESC_IRD)
        return diag_add(&dst->hdr, DIAG_HY016, NULL);
    if (src->kind == DESC_IRD && src->owner && src->owner->state < STMT_S3 && !src->owner->local)
        return diag_add(&dst->hdr, DIAG_HY007, NULL);
    if (src == dst)
        return SQL_SUCCESS;
    desc_set_count(dst, 0);
    if (src->count > 0 && !desc_rec(dst, src->count, true))
        return diag_add(&dst->hdr, DIAG_HY001, NULL);
    for (SQLSMALLINT i = 0; i <= src->count && i < src->cap; i++) {
        struct desc_rec *s = &src->recs[i];
        struct desc_rec *t = &dst->recs[i];
        char *nm = s->name ? sq_strdup(s->name) : NULL;
        if (s->name && !nm)
            return diag_add(&dst->hdr, DIAG_HY001, NULL);
        sq_free(t->name);
        *t = *s;
        t->name = nm;
        if (dst->kind != DESC_IRD)
            t->col = NULL;
    }
    dst->array_size = src->array_size;
    dst->array_status_ptr = src->array_status_ptr;
    dst->bind_offset_ptr = src->bind_offset_ptr;
    dst->bind_type = src->bind_type;
    dst->rows_processed_ptr = src->rows_processed_ptr;
    return SQL_SUCCESS;
}

bool desc_add_user(struct desc *d, struct stmt *s)
{
    for (size_t i = 0; i < d->nusers; i++)
        if (d->users[i] == s)
            return true;
    if (d->nusers == d->cap_users) {
        size_t ncap = d->cap_users ? d->cap_users * 2 : 4;
        struct stmt **nu = sq_realloc(d->users, ncap * sizeof *nu);
        if (!nu)
            return false;
        d->users = nu;
        d->cap_users = ncap;
    }
    d->users[d->nusers++] = s;
    return true;
}

void desc_del_user(struct desc *d, struct stmt *s)
{
    for (size_t i = 0; i < d->nusers; i++) {
        if (d->users[i] == s) {
            d->users[i] = d->users[--d->nusers];
            return;
        }
    }
}

/* ---- explicit descriptors (contract with dbc.c) ---------------------------- */

struct desc *desc_new_explicit(struct dbc *dbc)
{
    struct desc *d = sq_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    desc_init(d, dbc, DESC_ARD, NULL);
    d->is_explicit = true;
    dbc_attach_desc(dbc, d, &d->node);
    return d;
}

void desc_free(struct desc *d)
{
    if (!d || !d->is_explicit)
        return;
    /* statements using it fall back to their implicit descriptors */
    for (size_t i = 0; i < d->nusers; i++) {
        struct stmt *s = d->users[i];
        if (s->ard == d)
            s->ard = &s->ard_impl;
        if (s->apd == d)
            s->apd = &s->apd_impl;
    }
    sq_free(d->users);
    link_del(&d->node);
    d->hdr.magic = HANDLE_MAGIC_DEAD;
    desc_fini(d);
    sq_free(d);
}

struct desc *desc_from_link(struct link *node)
{
    return LINK_ENTRY(node, struct desc, node);
}

struct handle *desc_handle(struct desc *d)
{
    return &d->hdr;
}
