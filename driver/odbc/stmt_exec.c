/* SPDX-License-Identifier: MIT */
/* stmt_exec.c - SQLPrepare, SQLExecute, SQLExecDirect (escapes translated
 * first unless SQL_ATTR_NOSCAN), parameter arrays (one BIND+EXECUTE group per
 * parameter set), data at execution (SQLParamData/SQLPutData), SQLRowCount,
 * SQLMoreResults, SQLNumParams, SQLDescribeParam and SQLNativeSql.
 *
 * Decisions:
 *  - SQLRowCount after a SELECT is -1 while the cursor has not reached its
 *    end, then the number of rows fetched (psqlODBC with UseDeclareFetch
 *    behaves the same; without it psqlODBC knows the count up front because it
 *    buffers the whole result, which we do not).
 *  - An UPDATE/DELETE that touched no row returns SQL_NO_DATA (ODBC 3 apps).
 *  - Parameter arrays of statements without a result set are pipelined
 *    (sq_stmt_execute_pipe): up to PipelineDepth BIND+EXECUTE groups are
 *    written before their replies are read. Each set's status, the processed
 *    count and the diagnostics are what one round trip per set gives; a
 *    server error fails only its set. PipelineDepth=1 is one round trip per
 *    set. SQL_ATTR_QUERY_TIMEOUT bounds each call (prepare, execute, fetch)
 *    through sq_conn_set_deadline: HYT00, and the connection is then dead
 *    (08S01), since SQLI has no cancel message (doc §12.1).
 *  - A parameter array (SQL_ATTR_PARAMSET_SIZE > 1) on a statement that
 *    returns rows fails with HYC00 at SQLExecute/SQLExecDirect, as
 *    SQLGetInfo(SQL_PARAM_ARRAY_SELECTS) = SQL_PAS_NO_SELECT announces.
 *  - SQLDescribeParam: SQLI's PREPARE does not describe input parameters. For
 *    INSERT ... VALUES the target columns are described, and for a
 *    single-table SELECT / UPDATE / DELETE the column of "col <op> ?" or
 *    "SET col = ?" (one extra PREPARE, on the first SQLDescribeParam only;
 *    stmt_params.c); otherwise a parameter is SQL_VARCHAR(4000), nullable
 *    unknown (pyodbc's fast_executemany sizes its buffers from it). */
#include "stmt.h"

#include <string.h>

#include "charset_odbc.h"
#include "dbc.h"
#include "escape.h"
#include "sq_alloc.h"
#include "sq_blob.h"
#include "sq_opcodes.h"

#define DAE_MAX_BYTES ((size_t)64 * 1024 * 1024)
#define DESCRIBE_PARAM_SIZE 4000

static SQLRETURN translate(struct handle *h, bool noscan, const struct str *in, struct str *out,
                           size_t *nmarkers)
{
    if (noscan) {
        if (str_set(out, in->p, in->len) != ENC_OK)
            return diag_add(h, DIAG_HY001, NULL);
        *nmarkers = esc_count_markers(out->p, out->len, NULL, 0);
        return SQL_SUCCESS;
    }
    struct esc_result er;
    esc_result_init(&er);
    enum esc_rc e = esc_translate(in->p, in->len, &er);
    if (e == ESC_NOMEM) {
        esc_result_fini(&er);
        return diag_add(h, DIAG_HY001, NULL);
    }
    if (e != ESC_OK) {
        size_t off = er.err_off;
        esc_result_fini(&er);
        return diag_add(h, DIAG_42000, "Syntax error in ODBC escape sequence at offset %zu", off);
    }
    str_fini(out);
    *out = er.sql;
    er.sql.p = NULL;
    er.sql.len = 0;
    *nmarkers = er.n_markers;
    esc_result_fini(&er);
    if (!out->p && str_set(out, "", 0) != ENC_OK)
        return diag_add(h, DIAG_HY001, NULL);
    return SQL_SUCCESS;
}

static SQLRETURN do_prepare(struct stmt *s, const struct str *sql)
{
    if (!sql->p)
        return diag_add(&s->hdr, DIAG_HY009, NULL);
    struct sq_conn *w = dbc_wire(s->dbc);
    if (!w)
        return diag_add(&s->hdr, DIAG_08003, NULL);
    stmt_reset_cursor(s);
    stmt_unprepare(s);
    SQLRETURN rc = translate(&s->hdr, s->noscan == SQL_NOSCAN_ON, sql, &s->sql, &s->nmarkers);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    const char *wire_sql;
    size_t wire_len;
    rc = diag_merge_rc(rc, charset_sql_out(s->dbc, &s->hdr, s->sql.p, s->sql.len, &wire_sql,
                                           &wire_len));
    if (!SQL_SUCCEEDED(rc)) {
        str_fini(&s->sql);
        return rc;
    }
    stmt_call_begin(s, w);
    stmt_deadline_arm(s);
    enum sq_rc r = sq_stmt_prepare(w, wire_sql, wire_len, &s->sq);
    stmt_deadline_disarm(s);
    r = stmt_call_end(s, r);
    if (r != SQ_RC_OK && s->sq) {
        sq_stmt_free(s->sq); /* prepared, but the link went with the cancel */
        s->sq = NULL;
    }
    if (r != SQ_RC_OK) {
        s->sq = NULL;
        str_fini(&s->sql);
        return stmt_wire_error(s, r);
    }
    s->returns_rows = sq_stmt_returns_rows(s->sq);
    s->nmarkers = sq_stmt_nparams(s->sq);
    SQLRETURN rc2 = stmt_build_ird(s);
    if (!SQL_SUCCEEDED(rc2)) {
        stmt_unprepare(s);
        return rc2;
    }
    return diag_merge_rc(rc, rc2);
}

SQLRETURN stmt_prepare(struct stmt *s, const struct str *sql)
{
    SQLRETURN rc = stmt_check(s, FN_PREPARE);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = do_prepare(s, sql);
    if (!SQL_SUCCEEDED(rc)) {
        s->state = STMT_S1;
        return rc;
    }
    s->prepared = true;
    s->dae_direct = false;
    s->state = s->returns_rows ? STMT_S3 : STMT_S2;
    return rc;
}

static void set_param_status(struct stmt *s, SQLULEN row, SQLUSMALLINT st)
{
    if (s->ipd.array_status_ptr)
        s->ipd.array_status_ptr[row] = st;
}

/* ---- pipelined parameter sets (statements without a result set) ---- */

struct pipe_ctx {
    struct stmt *s;
    size_t n;          /* parameters per set */
    SQLULEN start;     /* first set of this run: its data-at-execution data is in */
    SQLRETURN total;
    size_t ok_sets, err_sets;
    bool link_failed;  /* a connection failure was reported (once) */
};

/* Build set i into s->params (core callback; no request may be made here). */
static enum sq_rc pipe_fill(void *vctx, size_t i, const struct sq_param **params)
{
    struct pipe_ctx *c = vctx;
    struct stmt *s = c->s;
    SQLULEN row = (SQLULEN)i;
    if (row != c->start)
        stmt_dae_reset(s); /* the previous set's data went into its group */
    if (s->apd->array_status_ptr && s->apd->array_status_ptr[row] == SQL_PARAM_IGNORE) {
        set_param_status(s, row, SQL_PARAM_UNUSED);
        return SQ_RC_NO_DATA;
    }
    if (s->ipd.rows_processed_ptr)
        *s->ipd.rows_processed_ptr = row + 1;
    SQLRETURN rc = SQL_SUCCESS;
    if (c->n) {
        rc = stmt_params_build(s, row, c->n);
        if (rc == SQL_NEED_DATA)
            return SQ_RC_NEED_MORE; /* stop before this set: SQLParamData */
        if (!SQL_SUCCEEDED(rc)) {
            set_param_status(s, row, SQL_PARAM_ERROR);
            c->err_sets++;
            c->total = diag_merge_rc(c->total, SQL_SUCCESS_WITH_INFO);
            return SQ_RC_NO_DATA; /* not sent */
        }
    }
    if (c->n && sq_params_have_lob(s->params, c->n)) {
        /* A BYTE/TEXT value (text over 65535 bytes) in a later set of a
         * pipelined array: it needs its own group (run_sets decides by the
         * first set), so this set is refused rather than sent half. */
        (void)diag_add_at(&s->hdr, DIAG_22001, (SQLLEN)row + 1, 0,
                          "a value over 65535 bytes in a parameter array whose first set has "
                          "none: bind it as SQL_LONGVARCHAR / SQL_LONGVARBINARY");
        set_param_status(s, row, SQL_PARAM_ERROR);
        c->err_sets++;
        c->total = diag_merge_rc(c->total, SQL_SUCCESS_WITH_INFO);
        return SQ_RC_NO_DATA;
    }
    /* Final unless its reply is an error (pipe_done). */
    set_param_status(s, row, rc == SQL_SUCCESS ? SQL_PARAM_SUCCESS : SQL_PARAM_SUCCESS_WITH_INFO);
    c->total = diag_merge_rc(c->total, rc);
    *params = c->n ? s->params : NULL;
    return SQ_RC_OK;
}

/* Remember what the INSERT of one parameter set generated (sqlerrd[1],
 * SQ_INSERTDONE); a set that generated nothing leaves zeros, as Informix's
 * sqlca does for the statement's last row. */
static void stmt_note_generated(struct stmt *s, const struct sq_done *d)
{
    s->last_serial = d->serial;
    s->last_serial8 = d->has_insertdone && !d->serial8_null ? d->serial8 : 0;
    s->last_bigserial = d->has_insertdone ? d->bigserial : 0;
    s->last_rowid = d->rowid;
}

/* Reply of set i (in order; the connection's error state is that set's). */
static void pipe_done(void *vctx, size_t i, enum sq_rc r)
{
    struct pipe_ctx *c = vctx;
    struct stmt *s = c->s;
    if (r == SQ_RC_OK) {
        c->ok_sets++;
        const struct sq_done *d = sq_conn_last_done(dbc_wire(s->dbc));
        s->row_count += (SQLLEN)d->rows;
        stmt_note_generated(s, d);
        return;
    }
    if (r == SQ_RC_SERVER || !c->link_failed)
        (void)stmt_wire_error(s, r);
    if (r != SQ_RC_SERVER)
        c->link_failed = true;
    set_param_status(s, (SQLULEN)i, SQL_PARAM_ERROR);
    c->err_sets++;
    c->total = diag_merge_rc(c->total, SQL_SUCCESS_WITH_INFO);
}

/* Run sets s->dae_row.. through the pipeline. SQL_NEED_DATA suspends (state
 * S8, s->dae_row = the set waiting for data); otherwise SQL_SUCCESS with the
 * outcome in *ctx. */
static SQLRETURN run_pipelined(struct stmt *s, struct sq_conn *w, size_t n, SQLULEN nsets,
                               struct pipe_ctx *c)
{
    /* Resolve the INSERT targets (one PREPARE) now: no request may be made
     * while groups are in flight. */
    if (n)
        (void)stmt_param_target(s, 0);
    c->s = s;
    c->n = n;
    c->start = s->dae_row;
    size_t next = (size_t)s->dae_row;
    stmt_call_begin(s, w);
    enum sq_rc r = sq_stmt_execute_pipe(s->sq, (size_t)s->dae_row, (size_t)nsets,
                                        dbc_pipeline_depth(s->dbc), pipe_fill, pipe_done, c,
                                        &next);
    r = stmt_call_end(s, r);
    s->dae_row = (SQLULEN)next;
    if (r == SQ_RC_NEED_MORE) {
        s->exec_rc = c->total;
        s->state = STMT_S8;
        return SQL_NEED_DATA;
    }
    stmt_dae_reset(s);
    SQLULEN unused_from = nsets;
    if (r != SQ_RC_OK) {
        if (c->link_failed) {
            /* Every set sent got its status in pipe_done; none after. */
            unused_from = (SQLULEN)next;
            if (s->ipd.rows_processed_ptr)
                *s->ipd.rows_processed_ptr = (SQLULEN)next;
        } else {
            /* Set `next` could not be sent (encoding, memory, link). */
            (void)stmt_wire_error(s, r);
            if (next < nsets) {
                set_param_status(s, (SQLULEN)next, SQL_PARAM_ERROR);
                if (s->ipd.rows_processed_ptr)
                    *s->ipd.rows_processed_ptr = (SQLULEN)next + 1;
            }
            c->err_sets++;
            c->total = diag_merge_rc(c->total, SQL_SUCCESS_WITH_INFO);
            unused_from = (SQLULEN)next + 1;
        }
    }
    for (SQLULEN row = unused_from; row < nsets; row++)
        set_param_status(s, row, SQL_PARAM_UNUSED);
    return SQL_SUCCESS;
}

/* Execute the parameter sets from s->dae_row on. SQL_NEED_DATA suspends. */
static SQLRETURN run_sets(struct stmt *s)
{
    struct sq_conn *w = dbc_wire(s->dbc);
    if (!w)
        return diag_add(&s->hdr, DIAG_08003, NULL);
    size_t n = sq_stmt_nparams(s->sq);
    SQLULEN nsets = n && !s->returns_rows ? s->apd->array_size : 1;
    if (n && !stmt_params_reserve(s, n))
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    SQLRETURN total = s->exec_rc;
    size_t ok_sets = 0, err_sets = 0;
    /* BYTE/TEXT parameters stream after their BIND: one set at a time. */
    bool lob = !s->returns_rows && (s->lobw.begun || (n && stmt_params_have_lob(s, n)));
    if (!s->returns_rows && !lob) {
        struct pipe_ctx c = {.total = total};
        SQLRETURN prc = run_pipelined(s, w, n, nsets, &c);
        if (prc == SQL_NEED_DATA)
            return prc;
        total = c.total;
        ok_sets = c.ok_sets;
        err_sets = c.err_sets;
        s->dae_row = nsets;
    }
    for (; (s->returns_rows || lob) && s->dae_row < nsets; s->dae_row++) {
        SQLULEN row = s->dae_row;
        SQLRETURN rc = SQL_SUCCESS;
        enum sq_rc r;
        if (s->lobw.begun) {
            /* Back from SQLParamData: the streamed value is complete. */
            rc = s->exec_rc_lob;
            goto lob_send;
        }
        if (s->apd->array_status_ptr && s->apd->array_status_ptr[row] == SQL_PARAM_IGNORE) {
            set_param_status(s, row, SQL_PARAM_UNUSED);
            continue;
        }
        if (s->ipd.rows_processed_ptr)
            *s->ipd.rows_processed_ptr = row + 1;
        if (n) {
            rc = stmt_params_build(s, row, n);
            if (rc == SQL_NEED_DATA) {
                s->exec_rc = total;
                s->state = STMT_S8;
                return SQL_NEED_DATA;
            }
            if (!SQL_SUCCEEDED(rc)) {
                set_param_status(s, row, SQL_PARAM_ERROR);
                err_sets++;
                stmt_dae_reset(s);
                total = diag_merge_rc(total, SQL_SUCCESS_WITH_INFO);
                continue;
            }
        }
        if (lob && n) {
            /* BLOB/CLOB values first become objects of their own (the
             * server reads them as client files); their locators are bound. */
            SQLRETURN sr = stmt_smartlob_params(s, n);
            if (sr == SQL_ERROR) {
                set_param_status(s, row, SQL_PARAM_ERROR);
                err_sets++;
                stmt_dae_reset(s);
                total = diag_merge_rc(total, SQL_SUCCESS_WITH_INFO);
                continue;
            }
        }
        if (lob && sq_params_have_lob(s->params, n)) {
            s->exec_rc_lob = rc;
        lob_send:
            stmt_call_begin(s, w);
            SQLRETURN lr = stmt_lob_step(s, n, &r);
            r = stmt_call_end(s, r);
            if (r == SQ_RC_CANCELLED && lr != SQL_ERROR) {
                stmt_lob_abandon(s); /* nothing more goes to a cancelled link */
                lr = SQL_SUCCESS;    /* r reports it below */
            }
            if (lr == SQL_NEED_DATA) {
                s->exec_rc = total;
                s->state = STMT_S8;
                return SQL_NEED_DATA;
            }
            if (lr == SQL_ERROR) {
                set_param_status(s, row, SQL_PARAM_ERROR);
                err_sets++;
                stmt_dae_reset(s);
                total = diag_merge_rc(total, SQL_SUCCESS_WITH_INFO);
                continue;
            }
        } else {
            stmt_call_begin(s, w);
            r = s->returns_rows ? sq_stmt_open(s->sq, s->params, n, stmt_cursor_flags(s))
                                : sq_stmt_execute(s->sq, s->params, n);
            r = stmt_call_end(s, r);
            if (r == SQ_RC_SERVER && s->returns_rows && s->cursor_type != SQL_CURSOR_FORWARD_ONLY &&
                sq_conn_server_error(w)->sqlcode == -611) {
                /* BYTE/TEXT under a scroll cursor: Informix refuses the OPEN
                 * (-611). ODBC lets the driver substitute a cursor type at
                 * execution (01S02), so the statement runs forward-only, as
                 * applications that ask for STATIC by default (PHP's odbc)
                 * need; SQLGetStmtAttr reports the type used. */
                s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
                s->cursor_scrollable = SQL_NONSCROLLABLE;
                stmt_call_begin(s, w);
                r = stmt_call_end(s, sq_stmt_open(s->sq, s->params, n, stmt_cursor_flags(s)));
                if (r == SQ_RC_OK) {
                    (void)diag_add(&s->hdr, DIAG_01S02,
                                   "the cursor is forward-only: a scroll cursor cannot select "
                                   "BYTE/TEXT columns (Informix -611)");
                    rc = diag_merge_rc(rc, SQL_SUCCESS_WITH_INFO);
                }
            }
        }
        stmt_dae_reset(s);
        if (r != SQ_RC_OK) {
            (void)stmt_wire_error(s, r);
            set_param_status(s, row, SQL_PARAM_ERROR);
            err_sets++;
            total = diag_merge_rc(total, SQL_SUCCESS_WITH_INFO);
            if (r != SQ_RC_SERVER)
                break; /* the connection is gone: stop */
            continue;
        }
        set_param_status(s, row, rc == SQL_SUCCESS ? SQL_PARAM_SUCCESS
                                                   : SQL_PARAM_SUCCESS_WITH_INFO);
        total = diag_merge_rc(total, rc);
        ok_sets++;
        if (!s->returns_rows) {
            const struct sq_done *d = sq_conn_last_done(w);
            s->row_count += (SQLLEN)d->rows;
            stmt_note_generated(s, d);
        }
    }
    if (s->returns_rows)
        for (SQLULEN row = s->dae_row + 1; row < nsets; row++)
            set_param_status(s, row, SQL_PARAM_UNUSED);
    s->exec_rc = SQL_SUCCESS;
    bool ok = ok_sets > 0 || (err_sets == 0);
    if (!ok || (nsets == 1 && err_sets > 0)) {
        stmt_to_closed_state(s);
        (void)dbc_after_statement(s->dbc, &s->hdr, false);
        return SQL_ERROR;
    }
    if (s->returns_rows) {
        s->state = STMT_S5;
        s->rows_fetched = 0;
        s->row_count = -1;
        s->at_end = false;
        return total;
    }
    s->state = STMT_S4;
    SQLRETURN arc = dbc_after_statement(s->dbc, &s->hdr, true);
    if (arc == SQL_ERROR)
        return SQL_ERROR;
    total = diag_merge_rc(total, arc);
    uint16_t type = sq_stmt_type(s->sq);
    if (total == SQL_SUCCESS && s->row_count == 0 && nsets == 1 &&
        (type == SQ_STMT_UPDATE || type == SQ_STMT_DELETE) &&
        dbc_odbc_version(s->dbc) != SQL_OV_ODBC2)
        return SQL_NO_DATA;
    return total;
}

/* SQL_ATTR_QUERY_TIMEOUT: a deadline for the server calls of one ODBC call. */
void stmt_deadline_arm(struct stmt *s)
{
    struct sq_conn *w = dbc_wire(s->dbc);
    if (w && s->query_timeout > 0)
        sq_conn_set_deadline(w, (int64_t)(s->query_timeout > 86400u * 365u ? 86400u * 365u
                                                                         : s->query_timeout) *
                                    1000);
}

void stmt_deadline_disarm(struct stmt *s)
{
    struct sq_conn *w = dbc_wire(s->dbc);
    if (w && s->query_timeout > 0)
        sq_conn_set_deadline(w, 0);
}

static SQLRETURN run(struct stmt *s)
{
    stmt_deadline_arm(s);
    SQLRETURN rc = run_sets(s);
    stmt_deadline_disarm(s);
    return rc;
}

static SQLRETURN start(struct stmt *s)
{
    if (s->sq && sq_stmt_is_open(s->sq))
        stmt_reset_cursor(s);
    size_t need = sq_stmt_nparams(s->sq);
    if (need && s->returns_rows && s->apd->array_size > 1)
        return diag_add(&s->hdr, DIAG_HYC00, "parameter arrays on a statement that returns rows "
                                             "(SQL_PARAM_ARRAY_SELECTS is SQL_PAS_NO_SELECT)");
    /* 07002: every marker needs a bound parameter */
    if (need > (size_t)s->apd->count)
        return diag_add(&s->hdr, DIAG_07002, NULL);
    for (size_t i = 1; i <= need; i++) {
        const struct desc_rec *r = &s->apd->recs[i];
        if (!r->data_ptr && !r->ind_ptr && !r->octet_length_ptr)
            return diag_add(&s->hdr, DIAG_07002, "parameter %zu is not bound", i);
    }
    SQLRETURN rc = dbc_before_statement(s->dbc, &s->hdr);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    s->dae_row = 0;
    s->dae_param = 0;
    s->row_count = 0;
    s->last_serial = s->last_serial8 = s->last_bigserial = s->last_rowid = 0;
    s->rows_fetched = 0;
    s->exec_rc = rc;
    stmt_dae_reset(s);
    if (s->ipd.rows_processed_ptr)
        *s->ipd.rows_processed_ptr = 0;
    return run(s);
}

SQLRETURN stmt_execute(struct stmt *s)
{
    SQLRETURN rc = stmt_check(s, FN_EXECUTE);
    if (rc != SQL_SUCCESS)
        return rc;
    if (!s->sq)
        return diag_add(&s->hdr, DIAG_HY010, NULL);
    s->dae_direct = false;
    return start(s);
}

SQLRETURN stmt_exec_direct(struct stmt *s, const struct str *sql)
{
    SQLRETURN rc = stmt_check(s, FN_EXECDIRECT);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = do_prepare(s, sql);
    if (!SQL_SUCCEEDED(rc)) {
        s->state = STMT_S1;
        return rc;
    }
    s->prepared = false;
    s->dae_direct = true;
    SQLRETURN rc2 = start(s);
    if (rc2 == SQL_ERROR)
        return SQL_ERROR;
    return rc2 == SQL_SUCCESS ? rc : (rc2 == SQL_NO_DATA || rc2 == SQL_NEED_DATA
                                          ? rc2 : diag_merge_rc(rc, rc2));
}

/* ---- data at execution ----------------------------------------------------- */

SQLRETURN stmt_param_data(struct stmt *s, SQLPOINTER *token)
{
    SQLRETURN rc = stmt_check(s, FN_PARAMDATA);
    if (rc != SQL_SUCCESS)
        return rc;
    if (s->state == STMT_S10) {
        /* the current parameter is complete: look for the next one or run */
        rc = run(s);
        if (rc != SQL_NEED_DATA)
            return rc;
    }
    /* S8 (or S8 again after run): hand out the parameter's token */
    struct desc_rec *r = desc_rec(s->apd, (SQLSMALLINT)s->dae_param, false);
    if (!r)
        return diag_add(&s->hdr, DIAG_HY000, "no data-at-execution parameter");
    if (token)
        *token = desc_elem_ptr(s->apd, r, r->data_ptr, s->dae_row,
                               desc_c_elem_size(r->concise_type, r->octet_length));
    s->state = STMT_S9;
    return SQL_NEED_DATA;
}

/* Bytes of a NUL-terminated SQLPutData piece (SQL_NTS): UTF-16 units for
 * SQL_C_WCHAR, bytes otherwise; the terminator not counted. */
static size_t nts_bytes(SQLSMALLINT ct, const void *data)
{
    if (ct != SQL_C_WCHAR)
        return strlen(data);
    const SQLWCHAR *w = data;
    size_t n = 0;
    while (w[n])
        n++;
    return n * sizeof(SQLWCHAR);
}

SQLRETURN stmt_put_data(struct stmt *s, SQLPOINTER data, SQLLEN len)
{
    SQLRETURN rc = stmt_check(s, FN_PUTDATA);
    if (rc != SQL_SUCCESS)
        return rc;
    if (s->dae_param == 0 || s->dae_param > s->params_cap)
        return diag_add(&s->hdr, DIAG_HY010, NULL);
    if (s->lobw.begun && s->lobw.cur && s->lobw.cur == s->dae_param) {
        /* A BYTE/TEXT value going straight to the wire (stmt_lob.c). */
        SQLRETURN lr = stmt_lob_put(s, data, len);
        if (lr == SQL_ERROR) {
            stmt_dae_reset(s);
            stmt_to_closed_state(s);
            (void)dbc_after_statement(s->dbc, &s->hdr, false);
            return SQL_ERROR;
        }
        s->state = STMT_S10;
        return lr;
    }
    struct desc_rec *r = &s->apd->recs[s->dae_param];
    struct dae_buf *b = &s->dae[s->dae_param - 1];
    SQLSMALLINT ct = r->concise_type;
    if (len == SQL_NULL_DATA) {
        if (b->given && (b->len > 0 || b->is_null))
            return diag_add(&s->hdr, DIAG_HY011, NULL);
        b->is_null = true;
        b->given = true;
        s->state = STMT_S10;
        return SQL_SUCCESS;
    }
    if (b->is_null)
        return diag_add(&s->hdr, DIAG_HY011, NULL);
    if (b->lob_spool) {
        /* BYTE/TEXT of undeclared length: to a temporary file, not memory */
        size_t n;
        if (len == SQL_NTS && ct != SQL_C_BINARY && data)
            n = nts_bytes(ct, data);
        else if (len < 0)
            return diag_add(&s->hdr, DIAG_HY090, NULL);
        else
            n = (size_t)len;
        if (n && !data)
            return diag_add(&s->hdr, DIAG_HY009, NULL);
        b->app_len += n;
        SQLRETURN lr = ct == SQL_C_WCHAR ? stmt_lob_spool_put_wide(s, b, data, n, false)
                                         : stmt_lob_spool_put(s, b, data, n);
        if (lr == SQL_SUCCESS)
            s->state = STMT_S10;
        return lr;
    }
    bool is_var = ct == SQL_C_CHAR || ct == SQL_C_WCHAR || ct == SQL_C_BINARY ||
                  ct == SQL_C_DEFAULT;
    size_t n;
    if (is_var) {
        if (len == SQL_NTS) {
            if (!data)
                return diag_add(&s->hdr, DIAG_HY009, NULL);
            n = nts_bytes(ct, data);
        } else if (len < 0) {
            return diag_add(&s->hdr, DIAG_HY090, NULL);
        } else {
            n = (size_t)len;
        }
        if (b->given && b->len > 0 && !is_var)
            return diag_add(&s->hdr, DIAG_HY019, NULL);
    } else {
        if (b->given)
            return diag_add(&s->hdr, DIAG_HY019, NULL);
        n = (size_t)desc_c_elem_size(ct, len < 0 ? 0 : len);
    }
    if (n > 0 && !data)
        return diag_add(&s->hdr, DIAG_HY009, NULL);
    if (n > DAE_MAX_BYTES - b->len)
        return diag_add(&s->hdr, DIAG_22001, NULL);
    if (b->len + n + 2 > b->cap) {
        size_t ncap = b->cap ? b->cap : 256;
        while (ncap < b->len + n + 2)
            ncap *= 2;
        uint8_t *np = sq_realloc(b->p, ncap);
        if (!np)
            return diag_add(&s->hdr, DIAG_HY001, NULL);
        b->p = np;
        b->cap = ncap;
    }
    if (n)
        memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = 0;
    b->p[b->len + 1] = 0;
    b->given = true;
    s->state = STMT_S10;
    return SQL_SUCCESS;
}

/* ---- results ----------------------------------------------------------------- */

SQLRETURN stmt_row_count(struct stmt *s, SQLLEN *count)
{
    SQLRETURN rc = stmt_check(s, FN_ROWCOUNT);
    if (rc != SQL_SUCCESS)
        return rc;
    SQLLEN v;
    if (s->local)
        v = (SQLLEN)s->local->nrows;
    else if (s->returns_rows)
        v = s->at_end ? (SQLLEN)s->rows_fetched : -1;
    else
        v = s->row_count;
    if (count)
        *count = v;
    return SQL_SUCCESS;
}

SQLRETURN stmt_more_results(struct stmt *s)
{
    SQLRETURN rc = stmt_check(s, FN_MORERESULTS);
    if (rc != SQL_SUCCESS)
        return rc;
    if (stmt_has_open_cursor(s)) {
        rc = stmt_close_cursor(s, false);
        if (rc == SQL_ERROR)
            return rc;
    } else if (s->state == STMT_S4) {
        stmt_to_closed_state(s);
    }
    return SQL_NO_DATA;
}

SQLRETURN stmt_num_params(struct stmt *s, SQLSMALLINT *n)
{
    SQLRETURN rc = stmt_check(s, FN_NUMPARAMS);
    if (rc != SQL_SUCCESS)
        return rc;
    if (n)
        *n = (SQLSMALLINT)(s->nmarkers > 32767 ? 32767 : s->nmarkers);
    return SQL_SUCCESS;
}

SQLRETURN stmt_describe_param(struct stmt *s, SQLUSMALLINT n, SQLSMALLINT *type,
                              SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    SQLRETURN rc = stmt_check(s, FN_DESCRIBEPARAM);
    if (rc != SQL_SUCCESS)
        return rc;
    if (n == 0 || n > s->nmarkers)
        return diag_add(&s->hdr, DIAG_07009, NULL);
    SQLSMALLINT t = SQL_VARCHAR;
    SQLULEN sz = DESCRIBE_PARAM_SIZE;
    SQLSMALLINT dg = 0;
    const struct sq_coldesc *tc = stmt_param_describe_target(s, (size_t)n - 1);
    struct conv_coltype ct;
    if (tc && conv_describe(tc, &ct) == CONV_OK) {
        t = ct.concise_type;
        sz = ct.column_size;
        dg = ct.decimal_digits;
    } else if (n <= (SQLUSMALLINT)s->ipd.count && s->ipd.recs[n].concise_type != SQL_VARCHAR) {
        const struct desc_rec *r = &s->ipd.recs[n];
        t = r->concise_type;
        sz = r->length;
        dg = r->scale;
    }
    if (type)
        *type = t;
    if (size)
        *size = sz;
    if (digits)
        *digits = dg;
    if (nullable)
        *nullable = tc ? (tc->nullable ? SQL_NULLABLE : SQL_NO_NULLS) : SQL_NULLABLE_UNKNOWN;
    return SQL_SUCCESS;
}

SQLRETURN native_sql(struct handle *h, const struct str *in, SQLPOINTER out, SQLINTEGER out_len,
                     SQLINTEGER *len, bool wide)
{
    if (!in->p)
        return diag_add(h, DIAG_HY009, NULL);
    struct str sql = STR_INIT;
    size_t nm = 0;
    SQLRETURN rc = translate(h, false, in, &sql, &nm);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    SQLRETURN rc2 = out_str(h, sql.p, sql.len, out, out_len, NULL, len, wide, ENC_UNIT_CHARS);
    str_fini(&sql);
    return diag_merge_rc(rc, rc2);
}
