/* SPDX-License-Identifier: MIT */
/* stmt.c - statement life cycle (the connection side's contract in
 * handles.h), statement attributes, cursor close, cancel and cursor names,
 * and building the IRD from the prepared statement's DESCRIBE. */
#include "stmt.h"

#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "charset_odbc.h"
#include "../../include/sqlifx.h"
#include "dbc.h"
#include "sq_alloc.h"
#include "sq_blob.h"

bool stmt_metadata_id(const struct stmt *s)
{
    if (s->metadata_id == STMT_METADATA_ID_DBC)
        return s->dbc->metadata_id == SQL_TRUE;
    return s->metadata_id == SQL_TRUE;
}

struct stmt *stmt_new(struct dbc *dbc)
{
    struct stmt *s = sq_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->hdr.magic = HANDLE_MAGIC_STMT;
    s->hdr.type = SQL_HANDLE_STMT;
    s->hdr.lock = dbc_handle(dbc)->lock;
    diag_init(&s->hdr.diag);
    s->hdr.diag.odbc2 = dbc_odbc_version(dbc) == SQL_OV_ODBC2;
    s->dbc = dbc;
    link_init(&s->node);
    s->state = STMT_S1;
    str_init(&s->sql);
    desc_init(&s->ard_impl, dbc, DESC_ARD, s);
    desc_init(&s->apd_impl, dbc, DESC_APD, s);
    desc_init(&s->ird, dbc, DESC_IRD, s);
    desc_init(&s->ipd, dbc, DESC_IPD, s);
    s->ard = &s->ard_impl;
    s->apd = &s->apd_impl;
    s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
    s->concurrency = SQL_CONCUR_READ_ONLY;
    s->query_timeout = dbc_query_timeout_default(dbc);
    s->noscan = SQL_NOSCAN_OFF;
    s->retrieve_data = SQL_RD_ON;
    s->use_bookmarks = SQL_UB_OFF;
    s->async_enable = SQL_ASYNC_ENABLE_OFF;
    s->cursor_scrollable = SQL_NONSCROLLABLE;
    s->metadata_id = STMT_METADATA_ID_DBC; /* follows the connection until set here */
    s->cursor_sensitivity = SQL_INSENSITIVE;
    s->simulate_cursor = SQL_SC_UNIQUE;
    s->row_count = -1;
    atomic_init(&s->running_wire, NULL);
    conv_getdata_reset(&s->gd);
    dbc_attach_stmt(dbc, s, &s->node);
    return s;
}

static void params_free(struct stmt *s)
{
    if (s->scratch)
        for (size_t i = 0; i < s->params_cap; i++)
            conv_scratch_fini(&s->scratch[i]);
    if (s->dae) {
        for (size_t i = 0; i < s->params_cap; i++) {
            sq_free(s->dae[i].p);
            stmt_lob_spool_close(&s->dae[i]);
        }
    }
    sq_free(s->scratch);
    sq_free(s->params);
    sq_free(s->dae);
    s->scratch = NULL;
    s->params = NULL;
    s->dae = NULL;
    s->params_cap = 0;
}

void stmt_free(struct stmt *s)
{
    if (!s)
        return;
    stmt_reset_cursor(s);
    stmt_unprepare(s);
    if (s->ard != &s->ard_impl)
        desc_del_user(s->ard, s);
    if (s->apd != &s->apd_impl && s->apd != s->ard)
        desc_del_user(s->apd, s);
    desc_fini(&s->ard_impl);
    desc_fini(&s->apd_impl);
    desc_fini(&s->ird);
    desc_fini(&s->ipd);
    params_free(s);
    stmt_lob_free(s);
    link_del(&s->node);
    diag_fini(&s->hdr.diag);
    s->hdr.magic = HANDLE_MAGIC_DEAD;
    sq_free(s);
}

void stmt_to_closed_state(struct stmt *s)
{
    if (s->prepared && s->sq)
        s->state = s->returns_rows ? STMT_S3 : STMT_S2;
    else
        s->state = STMT_S1;
}

void stmt_reset_cursor(struct stmt *s)
{
    if (s->sq && sq_stmt_is_open(s->sq)) {
        struct sq_conn *w = dbc_wire(s->dbc);
        if (w && !sq_conn_is_broken(w))
            (void)sq_stmt_close(s->sq); /* a failure shows on the next call */
    }
    lrs_free(s->local);
    s->local = NULL;
    s->local_pos = 0;
    s->row = NULL;
    s->at_end = false;
    s->scroll = false;
    s->rs_rows = 0;
    s->gd_col = 0;
    conv_getdata_reset(&s->gd);
    stmt_lob_rd_reset(s);
}

void stmt_unprepare(struct stmt *s)
{
    stmt_lob_abandon(s);
    if (s->sq) {
        sq_stmt_free(s->sq); /* releases on the server when the wire is usable */
        s->sq = NULL;
    }
    stmt_param_targets_free(s);
    str_fini(&s->sql);
    s->prepared = false;
    s->returns_rows = false;
    s->nmarkers = 0;
    desc_set_count(&s->ird, 0);
    s->state = STMT_S1;
}

void stmt_on_txn_end(struct stmt *s, bool committed)
{
    /* SQL_CB_CLOSE: cursors close at commit and rollback, prepared
     * statements stay; except that a cursor opened WITH HOLD
     * (SQL_IFX_ATTR_CURSOR_HOLD) survives a commit, as on Informix. */
    if (committed && s->cursor_hold && s->sq && sq_stmt_is_open(s->sq))
        return;
    if (s->state == STMT_S5 || s->state == STMT_S6 || s->state == STMT_S7) {
        stmt_reset_cursor(s);
        stmt_to_closed_state(s);
    }
}

bool stmt_any_hold(struct dbc *dbc)
{
    for (struct link *l = dbc->stmts.next; l != &dbc->stmts; l = l->next)
        if (stmt_from_link(l)->cursor_hold)
            return true;
    return false;
}

bool stmt_has_open_cursor(const struct stmt *s)
{
    return s->state == STMT_S5 || s->state == STMT_S6 || s->state == STMT_S7;
}

struct stmt *stmt_from_link(struct link *node)
{
    return LINK_ENTRY(node, struct stmt, node);
}

struct handle *stmt_handle(struct stmt *s)
{
    return &s->hdr;
}

SQLRETURN stmt_wire_error(struct stmt *s, enum sq_rc rc)
{
    if (rc == SQ_RC_CANCELLED) {
        /* The connection is broken after an interrupt (SQLI has no cancel
         * message): mark it dead through the connection side, report HY008. */
        (void)dbc_wire_error(s->dbc, dbc_handle(s->dbc), (int)rc);
        return diag_add(&s->hdr, DIAG_HY008, NULL);
    }
    if (rc == SQ_RC_MISUSE && !s->lobw.begun && sq_lobexec_active(dbc_wire(s->dbc)))
        return diag_add(&s->hdr, DIAG_HY010,
                        "another statement on this connection is sending a BYTE/TEXT value "
                        "(SQLPutData): finish it with SQLParamData or cancel it first");
    return dbc_wire_error(s->dbc, &s->hdr, (int)rc);
}

SQLRETURN enc_rc_diag(struct handle *h, enum enc_rc e)
{
    switch (e) {
    case ENC_OK: return SQL_SUCCESS;
    case ENC_BAD_LENGTH: return diag_add(h, DIAG_HY090, NULL);
    case ENC_NOMEM: return diag_add(h, DIAG_HY001, NULL);
    case ENC_INVALID: return diag_add(h, DIAG_22018, "argument is not well-formed UTF-8/UTF-16");
    case ENC_TRUNCATED:
    default: return diag_add(h, DIAG_HY000, NULL);
    }
}

/* The only entry that runs without the connection lock (style.md rule 6):
 * it interrupts the statement's running call. SQLI has no cancel message, so
 * the interrupt breaks the connection; it must therefore reach only a call
 * that is still running, and that call must be the one to report it (HY008),
 * the next call seeing a dead link (08S01). The handshake: the canceller
 * swaps running_wire from the call's wire to CANCEL_BUSY (so the call cannot
 * end meanwhile), marks the statement cancelled, interrupts, and puts the
 * wire back; stmt_call_end waits out CANCEL_BUSY, withdraws the wire and
 * reads the mark. A cancel that finds no running call does nothing. */
static struct sq_conn *const CANCEL_BUSY = (struct sq_conn *)(uintptr_t)1;

bool stmt_cancel_running(SQLHSTMT h)
{
    struct stmt *s = h;
    if (!s || s->hdr.magic != HANDLE_MAGIC_STMT)
        return false;
    struct sq_conn *w = atomic_load(&s->running_wire);
    if (!w || w == CANCEL_BUSY ||
        !atomic_compare_exchange_strong(&s->running_wire, &w, CANCEL_BUSY))
        return false; /* nothing running, the call just ended, or another cancel */
    atomic_store(&s->cancelled, true);
    sq_conn_interrupt(w);
    atomic_store(&s->running_wire, w);
    return true;
}

void stmt_call_begin(struct stmt *s, struct sq_conn *w)
{
    atomic_store(&s->cancelled, false);
    atomic_store(&s->running_wire, w);
}

enum sq_rc stmt_call_end(struct stmt *s, enum sq_rc r)
{
    for (;;) {
        struct sq_conn *cur = atomic_load(&s->running_wire);
        if (cur == CANCEL_BUSY) {
            sched_yield(); /* a cancel is delivering its interrupt: a moment */
            continue;
        }
        if (atomic_compare_exchange_strong(&s->running_wire, &cur, NULL))
            break;
    }
    if (!atomic_exchange(&s->cancelled, false))
        return r;
    /* The interrupt may have come after the call's last byte: the link is
     * unusable all the same (sq_conn_is_broken), and this call is the one
     * that was cancelled. */
    return SQ_RC_CANCELLED;
}

/* ---- SQLFreeStmt / SQLCloseCursor / SQLCancel ------------------------------ */

SQLRETURN stmt_close_cursor(struct stmt *s, bool strict)
{
    if (strict) {
        SQLRETURN rc = stmt_check(s, FN_CLOSECURSOR);
        if (rc != SQL_SUCCESS)
            return rc;
    }
    if (s->state >= STMT_S8)
        return diag_add(&s->hdr, DIAG_HY010, NULL);
    if (stmt_has_open_cursor(s)) {
        bool server_cursor = s->sq && !s->local;
        stmt_reset_cursor(s);
        stmt_to_closed_state(s);
        /* a query ends when its cursor closes (ANSI autocommit commits here) */
        if (server_cursor)
            return dbc_after_statement(s->dbc, &s->hdr, true);
    } else if (s->state == STMT_S4) {
        stmt_to_closed_state(s);
    }
    return SQL_SUCCESS;
}

SQLRETURN stmt_free_stmt(struct stmt *s, SQLUSMALLINT option)
{
    switch (option) {
    case SQL_CLOSE:
        return stmt_close_cursor(s, false);
    case SQL_UNBIND:
        desc_set_count(s->ard, 0);
        return SQL_SUCCESS;
    case SQL_RESET_PARAMS:
        desc_set_count(s->apd, 0);
        desc_set_count(&s->ipd, 0);
        return SQL_SUCCESS;
    default:
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    }
}

SQLRETURN stmt_cancel(struct stmt *s)
{
    if (s->state >= STMT_S8 && s->state <= STMT_S10) {
        stmt_dae_reset(s);
        if (s->dae_direct) {
            stmt_unprepare(s);
        } else {
            stmt_to_closed_state(s);
        }
        return SQL_SUCCESS;
    }
    return stmt_close_cursor(s, false);
}

/* ---- cursor names ---------------------------------------------------------- */

SQLRETURN stmt_set_cursor_name(struct stmt *s, const struct str *name)
{
    SQLRETURN rc = stmt_check(s, FN_CURSORNAME);
    if (rc != SQL_SUCCESS)
        return rc;
    if (!name->p)
        return diag_add(&s->hdr, DIAG_HY009, NULL);
    if (name->len == 0 || name->len >= sizeof s->cursor_name)
        return diag_add(&s->hdr, DIAG_34000, NULL);
    if (strncasecmp(name->p, "SQLCUR", 6) == 0 || strncasecmp(name->p, "SQL_CUR", 7) == 0)
        return diag_add(&s->hdr, DIAG_34000, NULL);
    memcpy(s->cursor_name, name->p, name->len);
    s->cursor_name[name->len] = '\0';
    s->cursor_name_set = true;
    /* TODO(2): send the application's name as the server cursor name. */
    return SQL_SUCCESS;
}

SQLRETURN stmt_get_cursor_name(struct stmt *s, SQLPOINTER buf, SQLSMALLINT buf_len,
                               SQLSMALLINT *len, bool wide)
{
    if (!s->cursor_name_set) {
        const char *srv = s->sq ? sq_stmt_cursor_name(s->sq) : "";
        if (srv[0])
            snprintf(s->cursor_name, sizeof s->cursor_name, "%s", srv);
        else
            snprintf(s->cursor_name, sizeof s->cursor_name, "SQL_CUR%p", (void *)s);
    }
    return out_str(&s->hdr, s->cursor_name, strlen(s->cursor_name), buf, buf_len, len, NULL,
                   wide, ENC_UNIT_CHARS);
}

/* ---- IRD ------------------------------------------------------------------- */

static SQLRETURN ird_fill(struct stmt *s, size_t ncols, const struct sq_coldesc *(*get)(
                                                            struct stmt *, size_t))
{
    desc_set_count(&s->ird, 0);
    if (ncols == 0)
        return SQL_SUCCESS;
    if (ncols >= DESC_MAX_RECS || !desc_rec(&s->ird, (SQLSMALLINT)ncols, true))
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    for (size_t i = 0; i < ncols; i++) {
        struct desc_rec *r = &s->ird.recs[i + 1];
        const struct sq_coldesc *col = get(s, i);
        if (!col)
            return diag_add(&s->hdr, DIAG_HY000, "column %zu not described", i + 1);
        (void)conv_describe(col, &r->ct);
        charset_adjust_coltype(s->dbc, col, &r->ct);
        r->col = col;
        sq_free(r->name);
        r->name = charset_name_dup(s->dbc, col->name);
        if (!r->name)
            return diag_add(&s->hdr, DIAG_HY001, NULL);
        r->unnamed = r->name[0] ? SQL_NAMED : SQL_UNNAMED;
        r->concise_type = r->ct.concise_type;
        r->type = r->ct.verbose_type;
        r->datetime_sub = r->ct.datetime_sub;
        r->dt_interval_prec = r->ct.interval_precision;
        r->octet_length = r->ct.octet_length;
        r->length = (SQLULEN)r->ct.length;
        r->precision = r->ct.precision;
        r->scale = r->ct.scale;
        r->num_prec_radix = r->ct.num_prec_radix;
        r->nullable = col->nullable ? SQL_NULLABLE : SQL_NO_NULLS;
    }
    return SQL_SUCCESS;
}

static const struct sq_coldesc *col_of_sq(struct stmt *s, size_t i)
{
    return sq_stmt_col(s->sq, i);
}

static const struct sq_coldesc *col_of_local(struct stmt *s, size_t i)
{
    return i < s->local->ncols ? &s->local->cols[i] : NULL;
}

SQLRETURN stmt_build_ird(struct stmt *s)
{
    if (s->local)
        return ird_fill(s, s->local->ncols, col_of_local);
    if (s->sq)
        return ird_fill(s, sq_stmt_ncols(s->sq), col_of_sq);
    desc_set_count(&s->ird, 0);
    return SQL_SUCCESS;
}

SQLRETURN stmt_attach_local(struct stmt *s, struct lrs *r)
{
    stmt_reset_cursor(s);
    stmt_unprepare(s);
    s->local = r;
    s->local_pos = 0;
    s->rows_fetched = 0;
    s->row_count = (SQLLEN)r->nrows;
    SQLRETURN rc = stmt_build_ird(s);
    if (!SQL_SUCCEEDED(rc)) {
        lrs_free(s->local);
        s->local = NULL;
        desc_set_count(&s->ird, 0);
        return rc;
    }
    s->state = STMT_S5;
    return SQL_SUCCESS;
}

/* ---- attributes ------------------------------------------------------------ */

static SQLULEN uarg(SQLPOINTER v)
{
    return (SQLULEN)(uintptr_t)v;
}

static SQLRETURN set_app_desc(struct stmt *s, struct desc **slot, struct desc *impl,
                              SQLPOINTER value)
{
    struct desc *d = value;
    if (!d) {
        d = impl;
    } else {
        if (d->hdr.magic != HANDLE_MAGIC_DESC)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        if (d != impl && !d->is_explicit)
            return diag_add(&s->hdr, DIAG_HY017, NULL);
        if (d->dbc != s->dbc)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
    }
    if (d->is_explicit && !desc_add_user(d, s))
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    struct desc *old = *slot;
    *slot = d;
    if (old->is_explicit && s->ard != old && s->apd != old)
        desc_del_user(old, s);
    return SQL_SUCCESS;
}

SQLRETURN stmt_set_attr(struct stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    SQLRETURN rc = stmt_check(s, FN_SETATTR);
    if (rc != SQL_SUCCESS)
        return rc;
    SQLULEN v = uarg(value);
    switch (attr) {
    case SQL_ATTR_APP_ROW_DESC:
        return set_app_desc(s, &s->ard, &s->ard_impl, value);
    case SQL_ATTR_APP_PARAM_DESC:
        return set_app_desc(s, &s->apd, &s->apd_impl, value);
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
        return diag_add(&s->hdr, DIAG_HY017, NULL);
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
        if (v == 0)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->ard->array_size = v;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE: s->ard->bind_type = v; return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: s->ard->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR: s->ard->array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR: s->ird.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR: s->ird.rows_processed_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAMSET_SIZE:
        if (v == 0)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->apd->array_size = v;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE: s->apd->bind_type = v; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: s->apd->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR: s->apd->array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR: s->ipd.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: s->ipd.rows_processed_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
        if (stmt_has_open_cursor(s))
            return diag_add(&s->hdr, DIAG_24000, NULL);
        if (v != SQL_CURSOR_FORWARD_ONLY && v != SQL_CURSOR_STATIC &&
            v != SQL_CURSOR_KEYSET_DRIVEN && v != SQL_CURSOR_DYNAMIC)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        /* STATIC = an Informix scroll cursor (insensitive); keyset-driven and
         * dynamic cursors do not exist over SQLI: the next best is STATIC. */
        s->cursor_scrollable = v == SQL_CURSOR_FORWARD_ONLY ? SQL_NONSCROLLABLE : SQL_SCROLLABLE;
        if (v == SQL_CURSOR_KEYSET_DRIVEN || v == SQL_CURSOR_DYNAMIC) {
            s->cursor_type = SQL_CURSOR_STATIC;
            return diag_add(&s->hdr, DIAG_01S02, "cursor type changed to static");
        }
        s->cursor_type = v;
        return SQL_SUCCESS;
    case SQL_ATTR_CONCURRENCY:
        if (v != SQL_CONCUR_READ_ONLY) {
            s->concurrency = SQL_CONCUR_READ_ONLY;
            return diag_add(&s->hdr, DIAG_01S02, "concurrency changed to read-only");
        }
        s->concurrency = v;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
        if (stmt_has_open_cursor(s))
            return diag_add(&s->hdr, DIAG_24000, NULL);
        if (v != SQL_NONSCROLLABLE && v != SQL_SCROLLABLE)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->cursor_scrollable = v;
        s->cursor_type = v == SQL_SCROLLABLE ? SQL_CURSOR_STATIC : SQL_CURSOR_FORWARD_ONLY;
        return SQL_SUCCESS;
    case SQL_IFX_ATTR_CURSOR_HOLD:
        if (stmt_has_open_cursor(s))
            return diag_add(&s->hdr, DIAG_24000, NULL);
        if (v != SQL_IFX_CURSOR_HOLD_OFF && v != SQL_IFX_CURSOR_HOLD_ON)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->cursor_hold = v;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
        if (v == SQL_SENSITIVE)
            return diag_add(&s->hdr, DIAG_HYC00, NULL);
        s->cursor_sensitivity = v;
        return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS: s->max_rows = v; return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT: s->query_timeout = v; return SQL_SUCCESS; /* stmt_deadline_arm */
    case SQL_ATTR_MAX_LENGTH: s->max_length = v; return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN: s->noscan = v; return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA: s->retrieve_data = v; return SQL_SUCCESS;
    case SQL_ATTR_KEYSET_SIZE: s->keyset_size = v; return SQL_SUCCESS;
    case SQL_ATTR_SIMULATE_CURSOR: s->simulate_cursor = v; return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
        /* Bookmarks are the server's row positions (TUPID), 4 bytes. */
        if (stmt_has_open_cursor(s))
            return diag_add(&s->hdr, DIAG_24000, NULL);
        if (v != SQL_UB_OFF && v != SQL_UB_ON && v != SQL_UB_VARIABLE)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->use_bookmarks = v;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (v != SQL_ASYNC_ENABLE_OFF)
            return diag_add(&s->hdr, DIAG_HYC00, "asynchronous execution is not supported");
        return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
        if (v != SQL_FALSE)
            return diag_add(&s->hdr, DIAG_HYC00, NULL);
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        if (v != SQL_FALSE && v != SQL_TRUE)
            return diag_add(&s->hdr, DIAG_HY024, NULL);
        s->metadata_id = v;
        return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
        s->fetch_bookmark = value;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_NUMBER:
    case SQL_GET_SERIAL_VALUE:
    case SQL_GET_ROWID:
    case SQL_IFX_ATTR_GET_SERIAL8_VALUE:
    case SQL_IFX_ATTR_GET_BIGSERIAL_VALUE:
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    default:
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    }
}

SQLRETURN stmt_get_attr(struct stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buf_len,
                        SQLINTEGER *str_len)
{
    (void)buf_len;
    SQLULEN v = 0;
    SQLPOINTER p = NULL;
    bool is_ptr = false;
    switch (attr) {
    case SQL_ATTR_APP_ROW_DESC: p = s->ard; is_ptr = true; break;
    case SQL_ATTR_APP_PARAM_DESC: p = s->apd; is_ptr = true; break;
    case SQL_ATTR_IMP_ROW_DESC: p = &s->ird; is_ptr = true; break;
    case SQL_ATTR_IMP_PARAM_DESC: p = &s->ipd; is_ptr = true; break;
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE: v = s->ard->array_size; break;
    case SQL_ATTR_ROW_BIND_TYPE: v = s->ard->bind_type; break;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: p = s->ard->bind_offset_ptr; is_ptr = true; break;
    case SQL_ATTR_ROW_OPERATION_PTR: p = s->ard->array_status_ptr; is_ptr = true; break;
    case SQL_ATTR_ROW_STATUS_PTR: p = s->ird.array_status_ptr; is_ptr = true; break;
    case SQL_ATTR_ROWS_FETCHED_PTR: p = s->ird.rows_processed_ptr; is_ptr = true; break;
    case SQL_ATTR_PARAMSET_SIZE: v = s->apd->array_size; break;
    case SQL_ATTR_PARAM_BIND_TYPE: v = s->apd->bind_type; break;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: p = s->apd->bind_offset_ptr; is_ptr = true; break;
    case SQL_ATTR_PARAM_OPERATION_PTR: p = s->apd->array_status_ptr; is_ptr = true; break;
    case SQL_ATTR_PARAM_STATUS_PTR: p = s->ipd.array_status_ptr; is_ptr = true; break;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: p = s->ipd.rows_processed_ptr; is_ptr = true; break;
    case SQL_ATTR_CURSOR_TYPE: v = s->cursor_type; break;
    case SQL_ATTR_CONCURRENCY: v = s->concurrency; break;
    case SQL_ATTR_CURSOR_SCROLLABLE: v = s->cursor_scrollable; break;
    case SQL_ATTR_CURSOR_SENSITIVITY: v = s->cursor_sensitivity; break;
    case SQL_ATTR_MAX_ROWS: v = s->max_rows; break;
    case SQL_ATTR_QUERY_TIMEOUT: v = s->query_timeout; break;
    case SQL_ATTR_MAX_LENGTH: v = s->max_length; break;
    case SQL_ATTR_NOSCAN: v = s->noscan; break;
    case SQL_ATTR_RETRIEVE_DATA: v = s->retrieve_data; break;
    case SQL_ATTR_KEYSET_SIZE: v = s->keyset_size; break;
    case SQL_ATTR_SIMULATE_CURSOR: v = s->simulate_cursor; break;
    case SQL_ATTR_USE_BOOKMARKS: v = s->use_bookmarks; break;
    case SQL_IFX_ATTR_CURSOR_HOLD: v = s->cursor_hold; break;
    /* Read-only: SQLGetStmtAttr with an SQLLEN-sized buffer (IBM's
     * SQL_GET_SERIAL_VALUE reads into a 4-byte integer on 32-bit builds; we
     * always write SQLULEN, so 64-bit values are whole). */
    case SQL_GET_SERIAL_VALUE: v = (SQLULEN)s->last_serial; break;
    case SQL_GET_ROWID: v = (SQLULEN)s->last_rowid; break;
    case SQL_IFX_ATTR_GET_SERIAL8_VALUE: v = (SQLULEN)s->last_serial8; break;
    case SQL_IFX_ATTR_GET_BIGSERIAL_VALUE: v = (SQLULEN)s->last_bigserial; break;
    case SQL_ATTR_ASYNC_ENABLE: v = SQL_ASYNC_ENABLE_OFF; break;
    case SQL_ATTR_ENABLE_AUTO_IPD: v = SQL_FALSE; break;
    case SQL_ATTR_METADATA_ID: v = stmt_metadata_id(s) ? SQL_TRUE : SQL_FALSE; break;
    case SQL_ATTR_FETCH_BOOKMARK_PTR: p = s->fetch_bookmark; is_ptr = true; break;
    case SQL_ATTR_ROW_NUMBER:
        if (s->state != STMT_S6)
            return diag_add(&s->hdr, DIAG_24000, NULL);
        /* Scroll cursors: the server's position of the current row (0 when
         * the cursor is before start or after end). */
        if (s->scroll)
            v = s->at_end || s->rs_rows == 0 ? 0
                                             : (SQLULEN)(s->rs_start + (int64_t)s->setpos_row - 1);
        else
            v = (SQLULEN)s->rows_fetched;
        break;
    default:
        return diag_add(&s->hdr, DIAG_HY092, NULL);
    }
    if (value) {
        if (is_ptr)
            *(SQLPOINTER *)value = p;
        else
            *(SQLULEN *)value = v;
    }
    if (str_len)
        *str_len = is_ptr ? (SQLINTEGER)sizeof(SQLPOINTER) : (SQLINTEGER)sizeof(SQLULEN);
    return SQL_SUCCESS;
}
