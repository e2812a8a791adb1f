/* SPDX-License-Identifier: MIT */
/* stmt_fetch.c - result side of a statement: SQLBindCol, SQLFetch and
 * SQLFetchScroll(NEXT) with rowsets (column- or row-wise binding, bind
 * offsets, row status and rows-fetched pointers), chunked SQLGetData,
 * SQLNumResultCols, SQLDescribeCol and SQLColAttribute. Values go straight
 * from the core's row (or the local result set) through conv_to_c() into the
 * application's buffers: no allocation per row or per cell. */
#include "stmt.h"

#include <string.h>

SQLRETURN stmt_bind_col(struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                        SQLLEN buf_len, SQLLEN *ind)
{
    SQLRETURN rc = stmt_check(s, FN_BIND);
    if (rc != SQL_SUCCESS)
        return rc;
    if (col == 0)
        return diag_add(&s->hdr, DIAG_07009, "bookmark columns are not supported");
    if (col >= DESC_MAX_RECS)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    if (!buf && !ind) {
        /* unbind */
        if (col <= (SQLUSMALLINT)s->ard->count) {
            desc_rec_reset(s->ard, &s->ard->recs[col]);
            if (col == (SQLUSMALLINT)s->ard->count) {
                SQLSMALLINT n = s->ard->count;
                while (n > 0 && !s->ard->recs[n].data_ptr && !s->ard->recs[n].ind_ptr)
                    n--;
                desc_set_count(s->ard, n);
            }
        }
        return SQL_SUCCESS;
    }
    struct desc_rec *r = desc_rec(s->ard, (SQLSMALLINT)col, true);
    if (!r)
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    desc_rec_set_concise(r, c_type);
    r->data_ptr = buf;
    r->octet_length = buf_len;
    r->ind_ptr = ind;
    r->octet_length_ptr = ind;
    if (c_type == SQL_C_NUMERIC) {
        r->precision = 38;
        r->scale = 0;
    }
    return SQL_SUCCESS;
}

/* Column col0 (0-based) of the current row: descriptor and value. */
static enum sq_rc cell(struct stmt *s, size_t col0, const struct sq_coldesc **cd,
                       struct sq_value *v)
{
    if (s->local) {
        size_t cur = s->local_pos - 1;
        if (col0 >= s->local->ncols || s->local_pos == 0 || cur >= s->local->nrows)
            return SQ_RC_NO_DATA;
        *cd = &s->local->cols[col0];
        *v = s->local->cells[cur * s->local->ncols + col0];
        return SQ_RC_OK;
    }
    *cd = sq_stmt_col(s->sq, col0);
    if (!*cd || !s->row)
        return SQ_RC_NO_DATA;
    return sq_row_value(s->row, col0, v);
}

static bool has_row(const struct stmt *s)
{
    if (s->state != STMT_S6)
        return false;
    return s->local ? (s->local_pos > 0 && s->local_pos <= s->local->nrows && !s->at_end)
                    : s->row != NULL;
}

static SQLSMALLINT resolve_c(const struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type)
{
    if (c_type == SQL_C_DEFAULT && col <= (SQLUSMALLINT)s->ird.count)
        return s->ird.recs[col].ct.c_default;
    if (c_type == SQL_ARD_TYPE && col <= (SQLUSMALLINT)s->ard->count)
        return s->ard->recs[col].concise_type;
    return c_type;
}

static SQLRETURN fill_row(struct stmt *s, SQLULEN i, const struct conv_today *today)
{
    SQLRETURN total = SQL_SUCCESS;
    SQLSMALLINT ncols = s->ird.count;
    for (SQLSMALLINT c = 1; c <= s->ard->count && c <= ncols; c++) {
        const struct desc_rec *r = &s->ard->recs[c];
        if (!r->data_ptr && !r->ind_ptr && !r->octet_length_ptr)
            continue;
        const struct sq_coldesc *cd = NULL;
        struct sq_value v;
        enum sq_rc vr = cell(s, (size_t)(c - 1), &cd, &v);
        if (vr != SQ_RC_OK) {
            total = diag_merge_rc(total, diag_add_at(&s->hdr, DIAG_HY000, (SQLLEN)s->rows_fetched,
                                                     c, "cannot decode column %d", (int)c));
            continue;
        }
        struct conv_target t;
        t.c_type = resolve_c(s, (SQLUSMALLINT)c, r->concise_type);
        t.buf_len = r->octet_length;
        t.buf = desc_elem_ptr(s->ard, r, r->data_ptr, i, desc_c_elem_size(t.c_type, t.buf_len));
        t.num_precision = r->precision;
        t.num_scale = r->scale;
        t.interval_frac = r->type == SQL_INTERVAL && r->precision > 0 ? r->precision : -1;
        t.today = today;
        SQLLEN *indp = desc_elem_ptr(s->ard, r, r->ind_ptr, i, (SQLLEN)sizeof(SQLLEN));
        SQLLEN *lenp = desc_elem_ptr(s->ard, r, r->octet_length_ptr, i, (SQLLEN)sizeof(SQLLEN));
        SQLLEN tmp = 0;
        enum conv_rc cr = conv_to_c(cd, &v, &t, (indp || lenp) ? &tmp : NULL);
        if (cr == CONV_OK || !conv_rc_is_error(cr)) {
            if (tmp == SQL_NULL_DATA && !indp) {
                cr = CONV_NULL_NO_INDICATOR;
            } else {
                if (indp)
                    len_store(indp, tmp);
                if (lenp && lenp != indp && tmp != SQL_NULL_DATA)
                    len_store(lenp, tmp);
            }
        }
        if (cr != CONV_OK)
            total = diag_merge_rc(total, diag_from_conv(&s->hdr, (int)cr,
                                                        (SQLLEN)s->rows_fetched, c));
    }
    return total;
}

/* Advance to the next row. SQ_RC_OK, SQ_RC_NO_DATA, or a failure. */
static enum sq_rc next_row(struct stmt *s)
{
    if (s->max_rows && (SQLULEN)s->rows_fetched >= s->max_rows)
        return SQ_RC_NO_DATA;
    if (s->local) {
        if (s->local_pos >= s->local->nrows) {
            s->local_pos = s->local->nrows + 1;
            return SQ_RC_NO_DATA;
        }
        s->local_pos++;
        return SQ_RC_OK;
    }
    struct sq_conn *w = dbc_wire(s->dbc);
    atomic_store(&s->running_wire, w);
    enum sq_rc r = sq_stmt_fetch(s->sq, &s->row);
    atomic_store(&s->running_wire, NULL);
    if (r != SQ_RC_OK)
        s->row = NULL;
    return r;
}

static SQLRETURN fetch_rowset(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset);

/* SQL_ATTR_QUERY_TIMEOUT bounds the whole call (every fetch round trip). */
SQLRETURN stmt_fetch(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    stmt_deadline_arm(s);
    SQLRETURN rc = fetch_rowset(s, orientation, offset);
    stmt_deadline_disarm(s);
    return rc;
}

static SQLRETURN fetch_rowset(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    (void)offset;
    SQLRETURN rc = stmt_check(s, FN_FETCH);
    if (rc != SQL_SUCCESS)
        return rc;
    if (orientation != SQL_FETCH_NEXT)
        return diag_add(&s->hdr, DIAG_HY106, "only SQL_FETCH_NEXT on a forward-only cursor");
    SQLULEN rowset = s->ard->array_size;
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    s->gd_col = 0;
    conv_getdata_reset(&s->gd);
    struct conv_today today;
    conv_today(&today);
    SQLULEN got = 0;
    size_t errors = 0;
    SQLRETURN total = SQL_SUCCESS;
    bool failed = false;
    s->state = STMT_S6;
    while (got < rowset && !s->at_end) {
        enum sq_rc r = next_row(s);
        if (r == SQ_RC_NO_DATA) {
            s->at_end = true;
            break;
        }
        if (r != SQ_RC_OK) {
            total = stmt_wire_error(s, r);
            failed = true;
            break;
        }
        s->rows_fetched++;
        SQLRETURN rrc = fill_row(s, got, &today);
        if (status)
            status[got] = rrc == SQL_SUCCESS ? SQL_ROW_SUCCESS
                          : rrc == SQL_ERROR ? SQL_ROW_ERROR
                                             : SQL_ROW_SUCCESS_WITH_INFO;
        if (rrc == SQL_ERROR) {
            errors++;
            total = diag_merge_rc(total, SQL_SUCCESS_WITH_INFO);
        } else {
            total = diag_merge_rc(total, rrc);
        }
        got++;
    }
    if (status)
        for (SQLULEN i = got; i < rowset; i++)
            status[i] = SQL_ROW_NOROW;
    if (s->ird.rows_processed_ptr)
        *s->ird.rows_processed_ptr = got;
    if (failed)
        return SQL_ERROR;
    if (got == 0) {
        s->row = NULL;
        return SQL_NO_DATA;
    }
    if (errors == got)
        return SQL_ERROR;
    return total;
}

SQLRETURN stmt_get_data(struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                        SQLLEN buf_len, SQLLEN *ind)
{
    SQLRETURN rc = stmt_check(s, FN_GETDATA);
    if (rc != SQL_SUCCESS)
        return rc;
    if (!has_row(s))
        return diag_add(&s->hdr, DIAG_24000, NULL);
    if (col == 0 || col > (SQLUSMALLINT)s->ird.count)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    /* ODBC "SQLGetData", HY109: "the cursor was a forward-only cursor and the
     * rowset size was greater than one" (no SQL_GD_BLOCK, no SQLSetPos). */
    if (s->ard->array_size > 1)
        return diag_add(&s->hdr, DIAG_HY109,
                        "SQLGetData on a forward-only cursor with a rowset size over 1");
    if (col != s->gd_col) {
        conv_getdata_reset(&s->gd);
        s->gd_col = col;
    }
    const struct sq_coldesc *cd = NULL;
    struct sq_value v;
    enum sq_rc vr = cell(s, (size_t)(col - 1), &cd, &v);
    if (vr != SQ_RC_OK)
        return diag_add(&s->hdr, DIAG_HY000, "cannot decode column %u", (unsigned)col);
    struct conv_target t;
    t.c_type = resolve_c(s, col, c_type);
    t.buf = buf;
    t.buf_len = buf_len;
    t.num_precision = 0;
    t.num_scale = 0;
    t.interval_frac = -1;
    if (c_type == SQL_ARD_TYPE && col <= (SQLUSMALLINT)s->ard->count) {
        t.num_precision = s->ard->recs[col].precision;
        t.num_scale = s->ard->recs[col].scale;
    }
    t.today = NULL;
    SQLLEN tmp = 0;
    enum conv_rc cr = conv_getdata(&s->gd, cd, &v, &t, ind ? &tmp : NULL);
    if (cr == CONV_NO_DATA)
        return SQL_NO_DATA;
    if (!conv_rc_is_error(cr) && ind)
        *ind = tmp;
    if (cr == CONV_OK)
        return SQL_SUCCESS;
    return diag_from_conv(&s->hdr, (int)cr, (SQLLEN)s->rows_fetched, (SQLINTEGER)col);
}

SQLRETURN stmt_num_result_cols(struct stmt *s, SQLSMALLINT *n)
{
    SQLRETURN rc = stmt_check(s, FN_NUMRESULTCOLS);
    if (rc != SQL_SUCCESS)
        return rc;
    if (n)
        *n = (s->returns_rows || s->local) ? s->ird.count : 0;
    return SQL_SUCCESS;
}

/* ODBC 2 applications see the ODBC 2 datetime codes. */
static SQLSMALLINT app_sql_type(const struct stmt *s, SQLSMALLINT t)
{
    if (!s->hdr.diag.odbc2)
        return t;
    switch (t) {
    case SQL_TYPE_DATE: return SQL_DATE;
    case SQL_TYPE_TIME: return SQL_TIME;
    case SQL_TYPE_TIMESTAMP: return SQL_TIMESTAMP;
    default: return t;
    }
}

SQLRETURN stmt_describe_col(struct stmt *s, SQLUSMALLINT col, SQLPOINTER name,
                            SQLSMALLINT buf_len, SQLSMALLINT *name_len, SQLSMALLINT *type,
                            SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable,
                            bool wide)
{
    SQLRETURN rc = stmt_check(s, FN_DESCRIBECOL);
    if (rc != SQL_SUCCESS)
        return rc;
    if (col == 0 || col > (SQLUSMALLINT)s->ird.count)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    const struct desc_rec *r = &s->ird.recs[col];
    if (type)
        *type = app_sql_type(s, r->ct.concise_type);
    if (size)
        *size = r->ct.column_size;
    if (digits)
        *digits = r->ct.decimal_digits;
    if (nullable)
        *nullable = r->nullable;
    const char *nm = r->name ? r->name : "";
    return out_str(&s->hdr, nm, strlen(nm), name, buf_len, name_len, NULL, wide,
                   ENC_UNIT_CHARS);
}

SQLRETURN stmt_col_attribute(struct stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                             SQLPOINTER str, SQLSMALLINT buf_len, SQLSMALLINT *str_len,
                             SQLLEN *num, bool wide)
{
    SQLRETURN rc = stmt_check(s, FN_COLATTRIBUTE);
    if (rc != SQL_SUCCESS)
        return rc;
    if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
        if (num)
            *num = s->ird.count;
        return SQL_SUCCESS;
    }
    if (col == 0 || col > (SQLUSMALLINT)s->ird.count)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    const struct desc_rec *r = &s->ird.recs[col];
    SQLLEN v = 0;
    switch (field) {
    case SQL_COLUMN_NAME:
        field = SQL_DESC_NAME;
        break;
    case SQL_COLUMN_LENGTH:
        v = r->ct.octet_length;
        goto number;
    case SQL_COLUMN_PRECISION:
        v = (SQLLEN)r->ct.column_size;
        goto number;
    case SQL_COLUMN_SCALE:
        v = r->ct.decimal_digits;
        goto number;
    case SQL_COLUMN_NULLABLE:
        v = r->nullable;
        goto number;
    case SQL_DESC_CONCISE_TYPE:
        v = app_sql_type(s, r->ct.concise_type);
        goto number;
    case SQL_DESC_OCTET_LENGTH:
        v = r->ct.octet_length;
        goto number;
    default:
        break;
    }
    int k = desc_field_kind((SQLSMALLINT)field);
    if (k == 0 || k == 5)
        return diag_add(&s->hdr, DIAG_HY091, NULL);
    if (k == 6) {
        if (buf_len < 0)
            return diag_add(&s->hdr, DIAG_HY090, NULL);
        SQLINTEGER len32 = 0;
        rc = desc_get_field(&s->ird, &s->hdr, (SQLSMALLINT)col, (SQLSMALLINT)field, str,
                            buf_len, &len32, wide);
        if (str_len)
            *str_len = (SQLSMALLINT)(len32 > 32767 ? 32767 : len32);
        return rc;
    }
    union {
        SQLSMALLINT s16;
        SQLINTEGER s32;
        SQLLEN l;
        SQLULEN u;
    } u;
    memset(&u, 0, sizeof u);
    rc = desc_get_field(&s->ird, &s->hdr, (SQLSMALLINT)col, (SQLSMALLINT)field, &u, 0, NULL,
                        wide);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    switch (k) {
    case 1: v = u.s16; break;
    case 2: v = u.s32; break;
    case 3: v = u.l; break;
    default: v = (SQLLEN)u.u; break;
    }
number:
    if (num)
        *num = v;
    return SQL_SUCCESS;
}
