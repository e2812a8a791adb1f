/* SPDX-License-Identifier: MIT */
/* stmt_fetch.c - result side of a statement: SQLBindCol, SQLFetch,
 * SQLFetchScroll / SQLExtendedFetch with rowsets (column- or row-wise
 * binding, bind offsets, row status and rows-fetched pointers) over
 * forward-only and STATIC (server scroll) cursors, bookmarks, SQLSetPos
 * (SQL_POSITION), chunked SQLGetData, SQLNumResultCols, SQLDescribeCol and
 * SQLColAttribute. No allocation per row or per cell. */
#include "stmt.h"

#include <string.h>

#include "charset_odbc.h"
#include "sq_opcodes.h"

SQLRETURN stmt_bind_col(struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                        SQLLEN buf_len, SQLLEN *ind)
{
    SQLRETURN rc = stmt_check(s, FN_BIND);
    if (rc != SQL_SUCCESS)
        return rc;
    if (col == 0 && s->use_bookmarks == SQL_UB_OFF)
        return diag_add(&s->hdr, DIAG_07009, "bookmarks are off (SQL_ATTR_USE_BOOKMARKS)");
    if (col == 0 && buf && c_type != SQL_C_BOOKMARK && c_type != SQL_C_VARBOOKMARK &&
        c_type != SQL_C_ULONG && c_type != SQL_C_UBIGINT && c_type != SQL_C_DEFAULT)
        return diag_add(&s->hdr, DIAG_HY003, "a bookmark is SQL_C_BOOKMARK or SQL_C_VARBOOKMARK");
    if (col >= DESC_MAX_RECS)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    if (!buf && !ind) {
        /* unbind */
        if (col == 0) {
            struct desc_rec *b = desc_rec(s->ard, 0, false);
            if (b)
                desc_rec_reset(s->ard, b);
        } else if (col <= (SQLUSMALLINT)s->ard->count) {
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
    enum sq_rc r = sq_row_value(s->row, col0, v);
    return r == SQ_RC_OK ? charset_cell_in(s, *cd, v) : r;
}

static bool has_row(const struct stmt *s)
{
    if (s->state != STMT_S6)
        return false;
    if (s->scroll)
        return !s->at_end && s->rs_rows > 0;
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
            total = diag_merge_rc(total, vr == CHARSET_RC_REPORTED
                                             ? SQL_ERROR
                                             : diag_add_at(&s->hdr, DIAG_HY000,
                                                           (SQLLEN)s->rows_fetched, c,
                                                           "cannot decode column %d", (int)c));
            continue;
        }
        struct conv_target t;
        t.c_type = resolve_c(s, (SQLUSMALLINT)c, r->concise_type);
        t.buf_len = r->octet_length;
        t.buf = desc_elem_ptr(s->ard, r, r->data_ptr, i, desc_c_elem_size(t.c_type, t.buf_len));
        t.num_precision = r->precision;
        t.num_scale = r->scale;
        t.interval_frac = r->type == SQL_INTERVAL && r->precision > 0 ? r->precision : -1;
        if (stmt_lob_is_col(cd) && !s->local) {
            /* BYTE/TEXT: the row has a descriptor; the value comes by
             * SQ_FETCHBLOB (stmt_lob.c). */
            SQLLEN *lind = desc_elem_ptr(s->ard, r, r->ind_ptr, i, (SQLLEN)sizeof(SQLLEN));
            SQLLEN *llen = desc_elem_ptr(s->ard, r, r->octet_length_ptr, i,
                                         (SQLLEN)sizeof(SQLLEN));
            SQLLEN tmp = 0;
            SQLRETURN lr = stmt_lob_bound(s, (SQLUSMALLINT)c, cd, &v, &t,
                                          lind || llen ? &tmp : NULL, (SQLLEN)s->rows_fetched);
            if (lr != SQL_ERROR) {
                if (lind)
                    len_store(lind, tmp);
                if (llen && llen != lind && tmp != SQL_NULL_DATA)
                    len_store(llen, tmp);
            }
            total = diag_merge_rc(total, lr);
            continue;
        }
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
    stmt_call_begin(s, w);
    enum sq_rc r = stmt_call_end(s, sq_stmt_fetch(s->sq, &s->row));
    if (r != SQ_RC_OK)
        s->row = NULL;
    return r;
}

static SQLRETURN fetch_rowset(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset);

/* Row i of a rowset was filled with rrc: its status entry, the error count
 * (a rowset of only errors is SQL_ERROR) and the rowset's return code (a row
 * error makes the rowset SQL_SUCCESS_WITH_INFO). */
static void rowset_row_done(SQLUSMALLINT *status, SQLULEN i, SQLRETURN rrc, size_t *errors,
                            SQLRETURN *total)
{
    if (status)
        status[i] = rrc == SQL_SUCCESS ? SQL_ROW_SUCCESS
                    : rrc == SQL_ERROR ? SQL_ROW_ERROR
                                       : SQL_ROW_SUCCESS_WITH_INFO;
    if (rrc == SQL_ERROR) {
        (*errors)++;
        *total = diag_merge_rc(*total, SQL_SUCCESS_WITH_INFO);
    } else {
        *total = diag_merge_rc(*total, rrc);
    }
}

/* ---- STATIC cursors over server scroll cursors ----
 * A rowset starting at row S is one SQ_SFETCH ABSOLUTE S (one round trip,
 * one row) followed by SQ_SFETCH NEXT for the rest (the server fills the
 * fetch buffer; the core hands out the buffered rows). When the row the core
 * holds is S-1, the first row is a NEXT too, so scrolling forward streams.
 * Row numbers and bookmarks are the server's TUPIDs. The result size
 * (LastResultRow of the ODBC positioning rules) is asked once with
 * SQ_SFETCH LAST when a rule needs it, then cached: a STATIC cursor is
 * insensitive. Only the current row is held in memory, never the result. */

unsigned stmt_cursor_flags(const struct stmt *s)
{
    unsigned f = 0;
    if (s->cursor_type != SQL_CURSOR_FORWARD_ONLY)
        f |= SQ_CURSOR_SCROLL;
    if (s->cursor_hold)
        f |= SQ_CURSOR_HOLD;
    return f;
}

static enum sq_rc scroll_call(struct stmt *s, uint16_t type, int64_t target)
{
    if (target > INT32_MAX)
        target = INT32_MAX;
    if (target < INT32_MIN)
        target = INT32_MIN;
    struct sq_conn *w = dbc_wire(s->dbc);
    stmt_call_begin(s, w);
    enum sq_rc r = stmt_call_end(s, sq_stmt_sfetch(s->sq, type, (int32_t)target, &s->row));
    if (r != SQ_RC_OK)
        s->row = NULL;
    return r;
}

/* LastResultRow (capped by SQL_ATTR_MAX_ROWS) into *n: one SQ_SFETCH LAST the
 * first time. */
static enum sq_rc scroll_last(struct stmt *s, int64_t *n)
{
    if (s->rs_last < 0) {
        enum sq_rc r = scroll_call(s, SQ_SFETCH_LAST, 0);
        if (r == SQ_RC_NO_DATA)
            s->rs_last = 0;
        else if (r == SQ_RC_OK)
            s->rs_last = s->row->position > 0 ? s->row->position : 0;
        else
            return r;
    }
    *n = s->rs_last;
    if (s->max_rows && (SQLULEN)*n > s->max_rows)
        *n = (int64_t)s->max_rows;
    return SQ_RC_OK;
}

/* Make row `pos` (>= 1) the core's current row: NEXT when the current row is
 * pos-1, else ABSOLUTE. NO_DATA past the end (or past SQL_ATTR_MAX_ROWS). */
static enum sq_rc scroll_goto(struct stmt *s, int64_t pos)
{
    if (s->max_rows && (SQLULEN)pos > s->max_rows)
        return SQ_RC_NO_DATA;
    if (s->rs_last >= 0 && pos > s->rs_last)
        return SQ_RC_NO_DATA;
    enum sq_rc r;
    if (s->row && s->row->position == pos - 1 && pos > 1)
        r = scroll_call(s, SQ_SFETCH_NEXT, 0);
    else
        r = scroll_call(s, SQ_SFETCH_ABSOLUTE, pos);
    if (r == SQ_RC_NO_DATA && (s->rs_last < 0 || s->rs_last >= pos) && pos >= 1)
        s->rs_last = pos - 1;
    if (r == SQ_RC_OK && s->row->position != pos) {
        /* The TUPID is the authority; a different row than asked for means
         * we and the server disagree on positions. */
        s->row = NULL;
        return SQ_RC_PROTOCOL;
    }
    return r;
}

/* Bookmark (column 0) of row `pos` into the bound buffer of rowset row i. */
static SQLRETURN fill_bookmark(struct stmt *s, SQLULEN i, int64_t pos)
{
    const struct desc_rec *r = desc_rec(s->ard, 0, false);
    if (!r || s->use_bookmarks == SQL_UB_OFF || (!r->data_ptr && !r->ind_ptr))
        return SQL_SUCCESS;
    SQLSMALLINT ct = r->concise_type;
    uint32_t v32 = (uint32_t)pos;
    uint64_t v64 = (uint64_t)pos;
    bool var = ct == SQL_C_VARBOOKMARK;
    SQLLEN size = ct == SQL_C_UBIGINT ? 8 : 4;
    SQLLEN *indp = desc_elem_ptr(s->ard, r, r->ind_ptr, i, (SQLLEN)sizeof(SQLLEN));
    if (r->data_ptr) {
        void *buf = desc_elem_ptr(s->ard, r, r->data_ptr, i, var ? r->octet_length : size);
        if (var && r->octet_length < 4) {
            if (indp)
                len_store(indp, 4);
            return diag_add_at(&s->hdr, DIAG_01004, (SQLLEN)i + 1, 0, NULL);
        }
        if (size == 8)
            memcpy(buf, &v64, 8);
        else
            memcpy(buf, &v32, 4);
    }
    if (indp)
        len_store(indp, size);
    return SQL_SUCCESS;
}

/* First row of the new rowset per the ODBC "Cursor positioning rules" of
 * SQLFetchScroll: *start >= 1, or 0 = before start, -1 = after end; *warn
 * is set for the 01S06 cases. */
static SQLRETURN scroll_target(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset,
                               SQLULEN rowset, int64_t *start, bool *warn)
{
    int64_t cur = s->rs_start;
    bool before = !s->rs_after_end && cur == 0;
    bool after = s->rs_after_end;
    int64_t rs = (int64_t)rowset;
    int64_t n = 0;
    enum sq_rc r;
    *warn = false;
    switch (orientation) {
    case SQL_FETCH_NEXT:
        /* "If the rowset size has changed since the previous fetch, this is
         * the rowset size used with the previous call." */
        *start = before ? 1 : after ? -1 : cur + (int64_t)(s->rs_size ? s->rs_size : rowset);
        return SQL_SUCCESS;
    case SQL_FETCH_FIRST:
        *start = 1;
        return SQL_SUCCESS;
    case SQL_FETCH_PRIOR:
        if (before || cur == 1) {
            *start = 0;
        } else if (!after && cur <= rs) {
            *start = 1;
            *warn = true;
        } else if (!after) {
            *start = cur - rs;
        } else {
            if ((r = scroll_last(s, &n)) != SQ_RC_OK)
                return stmt_wire_error(s, r);
            *start = n < rs ? 1 : n - rs + 1;
            *warn = n < rs; /* the rules' note [a] on PRIOR covers this case too */
        }
        return SQL_SUCCESS;
    case SQL_FETCH_LAST:
        if ((r = scroll_last(s, &n)) != SQ_RC_OK)
            return stmt_wire_error(s, r);
        *start = n == 0 ? -1 : n <= rs ? 1 : n - rs + 1;
        return SQL_SUCCESS;
    case SQL_FETCH_RELATIVE:
        if ((before && offset > 0) || (after && offset < 0))
            return scroll_target(s, SQL_FETCH_ABSOLUTE, offset, rowset, start, warn);
        if (before || (after && offset >= 0)) {
            *start = before ? 0 : -1;
        } else if (cur + offset < 1) {
            if (cur == 1 || -(int64_t)offset > rs) {
                *start = 0;
            } else {
                *start = 1;
                *warn = true;
            }
        } else {
            *start = cur + offset; /* past the end shows as NO_DATA from the server */
        }
        return SQL_SUCCESS;
    case SQL_FETCH_BOOKMARK:
    case SQL_FETCH_ABSOLUTE: {
        int64_t off = offset;
        if (orientation == SQL_FETCH_BOOKMARK) {
            if (s->use_bookmarks == SQL_UB_OFF)
                return diag_add(&s->hdr, DIAG_HY106, "bookmarks are off");
            if (!s->fetch_bookmark)
                return diag_add(&s->hdr, DIAG_HY111, "no SQL_ATTR_FETCH_BOOKMARK_PTR");
            int32_t bm;
            memcpy(&bm, s->fetch_bookmark, sizeof bm);
            if (bm < 1)
                return diag_add(&s->hdr, DIAG_HY111, "invalid bookmark value");
            off = (int64_t)bm + offset;
            *start = off < 1 ? 0 : off;
            return SQL_SUCCESS;
        }
        if (off == 0) {
            *start = 0;
        } else if (off > 0) {
            *start = off;
        } else {
            if ((r = scroll_last(s, &n)) != SQ_RC_OK)
                return stmt_wire_error(s, r);
            if (-off <= n)
                *start = n + off + 1;
            else
                *start = -off > rs ? 0 : 1; /* no 01S06 here: the rules' note
                                             * names PRIOR and RELATIVE only */
        }
        return SQL_SUCCESS;
    }
    default:
        return diag_add(&s->hdr, DIAG_HY106, NULL);
    }
}

/* SQLFetchScroll on a STATIC cursor. */
static SQLRETURN scroll_rowset(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset,
                               SQLULEN rowset, SQLUSMALLINT *status, SQLULEN *fetched)
{
    int64_t start = 0;
    bool warn = false;
    SQLRETURN total = scroll_target(s, orientation, offset, rowset, &start, &warn);
    if (!SQL_SUCCEEDED(total))
        return total;
    struct conv_today today;
    conv_today(&today);
    SQLULEN got = 0;
    size_t errors = 0;
    bool failed = false;
    s->state = STMT_S6;
    s->setpos_row = 1;
    s->rs_size = rowset;
    while (start >= 1 && got < rowset) {
        enum sq_rc r = scroll_goto(s, start + (int64_t)got);
        if (r == SQ_RC_NO_DATA)
            break;
        if (r != SQ_RC_OK) {
            total = stmt_wire_error(s, r);
            failed = true;
            break;
        }
        if (got == 0)
            s->rows_fetched = s->row->position; /* diagnostics' row numbers */
        SQLRETURN rrc = fill_row(s, got, &today);
        rrc = diag_merge_rc(rrc, fill_bookmark(s, got, s->row->position));
        rowset_row_done(status, got, rrc, &errors, &total);
        got++;
    }
    if (status)
        for (SQLULEN i = got; i < rowset; i++)
            status[i] = SQL_ROW_NOROW;
    if (fetched)
        *fetched = got;
    if (failed)
        return SQL_ERROR;
    s->rs_rows = got;
    if (got == 0) {
        s->row = NULL;
        s->rs_after_end = start != 0;
        s->rs_start = 0;
        s->at_end = true;
        return SQL_NO_DATA;
    }
    s->rs_after_end = false;
    s->at_end = false;
    s->rs_start = start;
    if (warn)
        total = diag_merge_rc(total, diag_add(&s->hdr, DIAG_01S06, NULL));
    if (errors == got)
        return SQL_ERROR;
    return total;
}

/* For SQLGetData / SQLSetPos on a STATIC cursor: make the core's row the
 * cursor's current row (rowset row setpos_row), refetching it by position
 * (one round trip) when the fetch moved past it. */
static enum sq_rc scroll_current(struct stmt *s)
{
    int64_t want = s->rs_start + (int64_t)s->setpos_row - 1;
    if (s->row && s->row->position == want)
        return SQ_RC_OK;
    return scroll_call(s, SQ_SFETCH_ABSOLUTE, want);
}

SQLRETURN stmt_set_pos(struct stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    if (s->state < STMT_S5 || s->state > STMT_S7) {
        if (s->state >= STMT_S8)
            return diag_add(&s->hdr, DIAG_HY010, NULL);
        return diag_add(&s->hdr, DIAG_24000, NULL);
    }
    if (op != SQL_POSITION && op != SQL_REFRESH && op != SQL_UPDATE && op != SQL_DELETE &&
        op != SQL_ADD)
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    if (lock != SQL_LOCK_NO_CHANGE && lock != SQL_LOCK_EXCLUSIVE && lock != SQL_LOCK_UNLOCK)
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    if (op != SQL_POSITION)
        return diag_add(&s->hdr, DIAG_HYC00, "read-only cursors: only SQL_POSITION");
    if (lock != SQL_LOCK_NO_CHANGE)
        return diag_add(&s->hdr, DIAG_HYC00, "no row locking");
    if (s->state != STMT_S6 || s->at_end)
        return diag_add(&s->hdr, DIAG_24000, NULL);
    if (row == 0)
        return diag_add(&s->hdr, DIAG_HY109, "SQL_POSITION needs a row number");
    SQLULEN in_set = s->scroll ? s->rs_rows : 1;
    if ((SQLULEN)row > in_set)
        return diag_add(&s->hdr, DIAG_HY107, NULL);
    if (!s->scroll)
        return SQL_SUCCESS; /* a forward-only rowset of 1: already there */
    s->setpos_row = (SQLULEN)row;
    s->gd_col = 0;
    conv_getdata_reset(&s->gd);
    stmt_deadline_arm(s);
    enum sq_rc r = scroll_current(s);
    stmt_deadline_disarm(s);
    if (r != SQ_RC_OK)
        return r == SQ_RC_NO_DATA ? diag_add(&s->hdr, DIAG_HY107, NULL) : stmt_wire_error(s, r);
    return SQL_SUCCESS;
}

SQLRETURN stmt_extended_fetch(struct stmt *s, SQLUSMALLINT orientation, SQLLEN offset,
                              SQLULEN *rows, SQLUSMALLINT *status)
{
    SQLUSMALLINT *save_status = s->ird.array_status_ptr;
    SQLULEN *save_rows = s->ird.rows_processed_ptr;
    s->ird.array_status_ptr = status;
    s->ird.rows_processed_ptr = rows;
    SQLRETURN rc;
    if (orientation == SQL_FETCH_BOOKMARK) {
        /* ODBC 2: the offset is the bookmark itself. */
        int32_t bm = offset > INT32_MAX || offset < 0 ? 0 : (int32_t)offset;
        SQLPOINTER save_bm = s->fetch_bookmark;
        s->fetch_bookmark = &bm;
        rc = stmt_fetch(s, SQL_FETCH_BOOKMARK, 0);
        s->fetch_bookmark = save_bm;
    } else {
        rc = stmt_fetch(s, (SQLSMALLINT)orientation, offset);
    }
    s->ird.array_status_ptr = save_status;
    s->ird.rows_processed_ptr = save_rows;
    return rc;
}

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
    SQLRETURN rc = stmt_check(s, FN_FETCH);
    if (rc != SQL_SUCCESS)
        return rc;
    if (s->state == STMT_S5) {
        /* First fetch of a new cursor. */
        s->scroll = !s->local && s->sq && s->cursor_type != SQL_CURSOR_FORWARD_ONLY;
        s->rs_after_end = false;
        s->rs_start = 0;
        s->rs_rows = 0;
        s->rs_size = 0;
        s->rs_last = -1;
        s->setpos_row = 1;
    }
    SQLULEN rowset = s->ard->array_size;
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    s->gd_col = 0;
    conv_getdata_reset(&s->gd);
    if (s->scroll)
        return scroll_rowset(s, orientation, offset, rowset, status, s->ird.rows_processed_ptr);
    if (orientation != SQL_FETCH_NEXT)
        return diag_add(&s->hdr, DIAG_HY106, "only SQL_FETCH_NEXT on a forward-only cursor");
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
        rowset_row_done(status, got, rrc, &errors, &total);
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
    if (col > (SQLUSMALLINT)s->ird.count)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (buf_len < 0)
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    /* ODBC "SQLGetData", HY109: "the cursor was a forward-only cursor and the
     * rowset size was greater than one" (no SQL_GD_BLOCK, no SQLSetPos). */
    if (s->ard->array_size > 1 && !s->scroll)
        return diag_add(&s->hdr, DIAG_HY109,
                        "SQLGetData on a forward-only cursor with a rowset size over 1");
    if (s->scroll) {
        enum sq_rc sr = scroll_current(s);
        if (sr != SQ_RC_OK)
            return sr == SQ_RC_NO_DATA ? diag_add(&s->hdr, DIAG_24000, NULL)
                                       : stmt_wire_error(s, sr);
    }
    if (col == 0 && s->use_bookmarks != SQL_UB_OFF && s->scroll && s->row) {
        /* The bookmark: the row's TUPID as a 4-byte integer. */
        int32_t bm = s->row->position;
        SQLSMALLINT ct = c_type == SQL_C_DEFAULT ? SQL_C_VARBOOKMARK : c_type;
        if (ct == SQL_C_UBIGINT) {
            uint64_t v = (uint64_t)bm;
            if (buf)
                memcpy(buf, &v, sizeof v);
            if (ind)
                *ind = 8;
            return SQL_SUCCESS;
        }
        if (ct != SQL_C_VARBOOKMARK && ct != SQL_C_BOOKMARK && ct != SQL_C_ULONG)
            return diag_add(&s->hdr, DIAG_07006, NULL);
        if (ind)
            *ind = 4;
        if (ct == SQL_C_VARBOOKMARK && buf_len < 4)
            return diag_add(&s->hdr, DIAG_01004, NULL);
        if (buf)
            memcpy(buf, &bm, sizeof bm);
        return SQL_SUCCESS;
    }
    if (col == 0)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    if (col != s->gd_col) {
        conv_getdata_reset(&s->gd);
        s->gd_col = col;
    }
    const struct sq_coldesc *cd = NULL;
    struct sq_value v;
    enum sq_rc vr = cell(s, (size_t)(col - 1), &cd, &v);
    if (vr != SQ_RC_OK)
        return vr == CHARSET_RC_REPORTED
                   ? SQL_ERROR
                   : diag_add(&s->hdr, DIAG_HY000, "cannot decode column %u", (unsigned)col);
    struct conv_target t;
    t.c_type = resolve_c(s, col, c_type);
    t.buf = buf;
    t.buf_len = buf_len;
    if (stmt_lob_is_col(cd) && !s->local)
        return stmt_lob_getdata(s, col, cd, &v, &t, ind); /* large objects (stmt_lob.c) */
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
