/* SPDX-License-Identifier: MIT */
/* sq_result.c - statements, cursors and the per-statement row arena of the
 * protocol core: PREPARE / EXECUTE / OPEN / NFETCH / SFETCH / CLOSE / RELEASE
 * request groups (doc §7.1), batches of TUPLEs kept in one reused buffer with
 * row offsets, and lazy column splitting (sq_value_width) and decoding
 * (sq_value_decode). Fetching allocates nothing per row. */
#include <stdio.h>
#include <string.h>

#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"

/* ---- arena ---- */

void sq_result_reset(struct sq_stmt *st)
{
    sq_buf_reset(&st->rows);
    st->nents = 0;
    st->cur = 0;
}

enum sq_rc sq_result_add_tuple(struct sq_stmt *st, uint16_t warnings, const uint8_t *p, uint32_t n,
                               int32_t position)
{
    if (st->nents == st->ents_cap) {
        size_t cap = st->ents_cap ? st->ents_cap * 2 : 64;
        size_t bytes;
        if (!sq_size_mul(cap, sizeof *st->ents, &bytes))
            return SQ_RC_NOMEM;
        struct sq_rowent *e = sq_realloc(st->ents, bytes);
        if (!e)
            return SQ_RC_NOMEM;
        st->ents = e;
        st->ents_cap = cap;
    }
    size_t off = st->rows.len;
    if (off > UINT32_MAX - (size_t)n)
        return SQ_RC_PROTOCOL; /* a batch over 4 GiB */
    if (st->rows.cap - st->rows.len < n && !sq_buf_reserve(&st->rows, n)) {
        st->rows.oom = false; /* the batch so far is intact; the caller fails */
        return SQ_RC_NOMEM;
    }
    if (n)
        memcpy(st->rows.data + off, p, n);
    st->rows.len += n;
    struct sq_rowent *e = &st->ents[st->nents++];
    e->off = (uint32_t)off;
    e->len = n;
    e->warnings = warnings;
    e->position = position;
    return SQ_RC_OK;
}

/* Kinds whose width in a row never depends on the value (doc §9.9), so the
 * first sq_value_width() answer can be reused for every later row. */
static bool kind_is_fixed(enum sq_kind k)
{
    switch (k) {
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
    case SQ_K_SMALLINT:
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL:
    case SQ_K_SMALLFLOAT:
    case SQ_K_FLOAT:
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
    case SQ_K_DATE:
    case SQ_K_DATETIME:
    case SQ_K_INTERVAL:
    case SQ_K_BYTE:
    case SQ_K_TEXT:
        return true;
    default:
        return false;
    }
}

enum sq_rc sq_result_row(struct sq_stmt *st, size_t i, const struct sq_row **row)
{
    const struct sq_rowent *e = &st->ents[i];
    const uint8_t *data = e->len ? st->rows.data + e->off : (const uint8_t *)"";
    const size_t len = e->len, ncols = st->ncols;
    const uint32_t *fixw = st->fixw;
    const struct sq_coldesc *cols = st->cols;
    struct sq_span *spans = st->spans;
    size_t off = 0;
    for (size_t c = 0; c < ncols; c++) {
        size_t w = fixw[c], left = len - off;
        if (w == 0 || w > left) {
            const struct sq_coldesc *col = &cols[c];
            /* VARCHAR/NVARCHAR (u8 length) inline; everything else, and any
             * width that does not fit, through sq_value_width(). */
            if (col->pre_wclass == SQ_WC_U8LEN && left > 0 && 1u + (size_t)data[off] <= left &&
                sq_coldesc_pre_ok(col)) {
                w = 1u + (size_t)data[off];
            } else {
                enum sq_rc rc = sq_value_width(col, data + off, left, &w);
                if (rc != SQ_RC_OK)
                    return rc;
                if (kind_is_fixed(col->kind) && w <= UINT32_MAX)
                    st->fixw[c] = (uint32_t)w;
            }
        }
        spans[c].off = (uint32_t)off;
        spans[c].len = (uint32_t)w;
        off += w;
    }
    if (off != len)
        return SQ_RC_PROTOCOL;
    st->row.stmt = st;
    st->row.data = data;
    st->row.len = e->len;
    st->row.spans = st->spans;
    st->row.warnings = e->warnings;
    st->row.position = e->position;
    *row = &st->row;
    return SQ_RC_OK;
}

void sq_result_fini(struct sq_stmt *st)
{
    sq_buf_fini(&st->rows);
    sq_free(st->ents);
    st->ents = NULL;
    st->nents = st->ents_cap = st->cur = 0;
}

/* ---- row access ---- */

enum sq_rc sq_row_value(const struct sq_row *row, size_t col, struct sq_value *out)
{
    if (!row || !row->stmt || col >= row->stmt->ncols)
        return SQ_RC_NO_DATA;
    const struct sq_span *s = &row->spans[col];
    return sq_value_decode(&row->stmt->cols[col], row->data + s->off, s->len, out);
}

bool sq_row_raw(const struct sq_row *row, size_t col, const uint8_t **p, size_t *n)
{
    if (!row || !row->stmt || col >= row->stmt->ncols)
        return false;
    *p = row->data + row->spans[col].off;
    *n = row->spans[col].len;
    return true;
}

/* ---- statement facts ---- */

uint16_t sq_stmt_id(const struct sq_stmt *st)
{
    return st->id;
}

uint16_t sq_stmt_type(const struct sq_stmt *st)
{
    return st->type;
}

/* Decided from the statement type, never from the column count (doc §7.1c):
 * SELECT, and EXECUTE FUNCTION/PROCEDURE when it describes result columns. */
bool sq_stmt_returns_rows(const struct sq_stmt *st)
{
    if (st->type == SQ_STMT_SELECT)
        return true;
    return (st->type == SQ_STMT_EXECFUNC || st->type == SQ_STMT_EXECPROC) && st->ncols > 0;
}

size_t sq_stmt_nparams(const struct sq_stmt *st)
{
    return st->nparams;
}

size_t sq_stmt_ncols(const struct sq_stmt *st)
{
    return st->ncols;
}

const struct sq_coldesc *sq_stmt_col(const struct sq_stmt *st, size_t i)
{
    return i < st->ncols ? &st->cols[i] : NULL;
}

bool sq_stmt_is_open(const struct sq_stmt *st)
{
    return st->is_open;
}

const char *sq_stmt_cursor_name(const struct sq_stmt *st)
{
    return st->curname;
}

/* ---- statement lifecycle ---- */

static void stmt_link(struct sq_conn *conn, struct sq_stmt *st)
{
    st->conn = conn;
    st->prev = NULL;
    st->next = conn->stmts;
    if (conn->stmts)
        conn->stmts->prev = st;
    conn->stmts = st;
}

static void stmt_unlink(struct sq_stmt *st)
{
    if (!st->conn)
        return;
    if (st->prev)
        st->prev->next = st->next;
    else
        st->conn->stmts = st->next;
    if (st->next)
        st->next->prev = st->prev;
    st->next = st->prev = NULL;
    st->conn = NULL;
}

static void stmt_destroy(struct sq_stmt *st)
{
    sq_result_fini(st);
    sq_free(st->cols);
    sq_free(st->names);
    sq_free(st->spans);
    sq_free(st->fixw);
    sq_free(st);
}

static enum sq_rc stmt_conn(struct sq_stmt *st, struct sq_conn **conn)
{
    if (!st)
        return SQ_RC_MISUSE;
    if (!st->conn)
        return SQ_RC_BROKEN;
    *conn = st->conn;
    return sq_conn_check(st->conn);
}

enum sq_rc sq_stmt_prepare(struct sq_conn *conn, const char *sql, size_t len, struct sq_stmt **out)
{
    *out = NULL;
    enum sq_rc rc = sq_conn_check(conn);
    if (rc != SQ_RC_OK)
        return rc;
    size_t nparams = sq_count_params(sql, len);
    if (nparams > SQ_MAX_PARAMS)
        return SQ_RC_MISUSE;
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    if (!st)
        return SQ_RC_NOMEM;
    sq_buf_init(&st->rows);
    sq_buf_reset(&conn->out);
    rc = sq_req_prepare(&conn->out, &conn->caps, (uint16_t)nparams, sql, len);
    if (rc != SQ_RC_OK) {
        sq_buf_reset(&conn->out);
        stmt_destroy(st);
        return rc;
    }
    sq_req_eot(&conn->out);
    struct sq_reply r = {.stmt = st};
    rc = sq_conn_roundtrip(conn, &r);
    if (rc == SQ_RC_OK && !r.saw_describe)
        rc = sq_conn_fail(conn, SQ_RC_PROTOCOL, "PREPARE reply carried no SQ_DESCRIBE");
    if (rc != SQ_RC_OK) {
        /* TODO(2): a DESCRIBE followed by an SQ_ERR in the same group would leave a
         * statement id allocated on the server; not seen from ifxlite. */
        stmt_destroy(st);
        return rc;
    }
    st->nparams = nparams;
    stmt_link(conn, st);
    *out = st;
    return SQ_RC_OK;
}

static enum sq_rc put_bind(struct sq_conn *conn, struct sq_stmt *st, const struct sq_param *params,
                           size_t n)
{
    if (n != st->nparams || (n && !params))
        return SQ_RC_MISUSE;
    if (n == 0)
        return SQ_RC_OK;
    enum sq_rc rc = sq_req_bind(&conn->out, params, n);
    if (rc != SQ_RC_OK)
        sq_buf_reset(&conn->out);
    return rc;
}

enum sq_rc sq_stmt_execute(struct sq_stmt *st, const struct sq_param *params, size_t n)
{
    struct sq_conn *conn;
    enum sq_rc rc = stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (st->is_open)
        return SQ_RC_MISUSE;
    sq_buf_reset(&conn->out);
    sq_req_id(&conn->out, st->id);
    rc = put_bind(conn, st, params, n);
    if (rc != SQ_RC_OK) {
        sq_buf_reset(&conn->out);
        return rc;
    }
    sq_req_execute(&conn->out);
    sq_req_eot(&conn->out);
    memset(&conn->last_done, 0, sizeof conn->last_done);
    struct sq_reply r = {0};
    return sq_conn_roundtrip(conn, &r);
}

enum sq_rc sq_stmt_open(struct sq_stmt *st, const struct sq_param *params, size_t n, unsigned flags)
{
    struct sq_conn *conn;
    enum sq_rc rc = stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (st->is_open)
        return SQ_RC_MISUSE;
    bool scroll = (flags & SQ_CURSOR_SCROLL) != 0;
    bool hold = (flags & SQ_CURSOR_HOLD) != 0;
    /* JDBC style: "_ifxc" + 13 digits, unique per connection (doc §7.5). */
    conn->cursor_counter++;
    snprintf(st->curname, sizeof st->curname, "_ifxc%013u", (unsigned)conn->cursor_counter);

    sq_buf_reset(&conn->out);
    sq_req_id(&conn->out, st->id);
    rc = put_bind(conn, st, params, n);
    if (rc != SQ_RC_OK) {
        sq_buf_reset(&conn->out);
        return rc;
    }
    (void)sq_req_curname(&conn->out, st->curname); /* 18 bytes: within limits */
    sq_req_open(&conn->out, scroll, hold);
    if (!scroll) {
        /* Chain the first fetch (PROTOCOL.md; NMAP/IDB do the same). */
        sq_req_id(&conn->out, st->id);
        sq_req_nfetch(&conn->out, conn->fetch_buf);
    }
    sq_req_eot(&conn->out);
    sq_result_reset(st);
    st->is_done = false;
    st->is_scroll = scroll;
    memset(&conn->last_done, 0, sizeof conn->last_done);
    struct sq_reply r = {.stmt = st, .want_tuples = !scroll};
    rc = sq_conn_roundtrip(conn, &r);
    if (rc != SQ_RC_OK) {
        /* TODO(2): an error raised by the chained NFETCH (after a successful
         * OPEN) leaves the server's cursor open; the next OPEN reopens it. */
        sq_result_reset(st);
        return rc;
    }
    if (!scroll) {
        conn->fetch_round_trips++;
        if (r.ntuples == 0 && !r.saw_done)
            return sq_conn_fail(conn, SQ_RC_PROTOCOL,
                                "OPEN+NFETCH reply carried neither rows nor SQ_DONE");
    }
    st->is_open = true;
    st->is_done = r.saw_done;
    return SQ_RC_OK;
}

/* One fetch round trip into a fresh batch. */
static enum sq_rc fetch_batch(struct sq_conn *conn, struct sq_stmt *st, bool scroll,
                              uint16_t scroll_type, int32_t target, struct sq_reply *r)
{
    sq_buf_reset(&conn->out);
    sq_req_id(&conn->out, st->id);
    if (scroll)
        sq_req_sfetch(&conn->out, scroll_type, target, conn->fetch_buf);
    else
        sq_req_nfetch(&conn->out, conn->fetch_buf);
    sq_req_eot(&conn->out);
    sq_result_reset(st);
    r->stmt = st;
    r->want_tuples = true;
    conn->fetch_round_trips++;
    return sq_conn_roundtrip(conn, r);
}

static enum sq_rc batch_row(struct sq_stmt *st, const struct sq_row **row)
{
    enum sq_rc rc = sq_result_row(st, st->cur++, row);
    if (rc == SQ_RC_PROTOCOL && st->conn)
        return sq_conn_fail(st->conn, rc, "row %zu: column widths do not add up to the tuple size",
                            st->cur);
    return rc;
}

enum sq_rc sq_stmt_fetch(struct sq_stmt *st, const struct sq_row **row)
{
    *row = NULL;
    struct sq_conn *conn;
    enum sq_rc rc = stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (!st->is_open)
        return SQ_RC_MISUSE;
    if (st->is_scroll)
        return sq_stmt_sfetch(st, SQ_SFETCH_NEXT, 0, row);
    if (st->cur < st->nents)
        return batch_row(st, row);
    if (st->is_done)
        return SQ_RC_NO_DATA;
    struct sq_reply r = {0};
    rc = fetch_batch(conn, st, false, 0, 0, &r);
    if (rc != SQ_RC_OK)
        return rc;
    /* Strict group accounting (doc §13 V22): every request group gets exactly
     * one reply group, and ifxlite sends at least one TUPLE or the DONE. A
     * reply with neither would mean we lost sync (LIB's "empty EOT groups"
     * answer its own un-grouped EOT-first sends), so it breaks the connection
     * rather than ending the result early or waiting on a group that may
     * never come. */
    if (r.ntuples == 0 && !r.saw_done)
        return sq_conn_fail(conn, SQ_RC_PROTOCOL, "NFETCH reply carried neither rows nor SQ_DONE");
    st->is_done = r.saw_done;
    if (r.ntuples == 0)
        return SQ_RC_NO_DATA;
    return batch_row(st, row);
}

enum sq_rc sq_stmt_sfetch(struct sq_stmt *st, uint16_t scroll_type, int32_t target,
                          const struct sq_row **row)
{
    *row = NULL;
    struct sq_conn *conn;
    enum sq_rc rc = stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (!st->is_open || !st->is_scroll)
        return SQ_RC_MISUSE;
    if (scroll_type == SQ_SFETCH_NEXT && st->cur < st->nents)
        return batch_row(st, row);
    if (st->cur < st->nents && st->cur > 0 &&
        (scroll_type == SQ_SFETCH_PRIOR || scroll_type == SQ_SFETCH_CURRENT ||
         scroll_type == SQ_SFETCH_RELATIVE)) {
        /* A NEXT batch was not used up, so the server's position is past the
         * row the caller sees: send the move as ABSOLUTE from the caller's row. */
        int64_t here = st->ents[st->cur - 1].position;
        int64_t want = scroll_type == SQ_SFETCH_PRIOR     ? here - 1
                       : scroll_type == SQ_SFETCH_CURRENT ? here
                                                          : here + target;
        scroll_type = SQ_SFETCH_ABSOLUTE;
        target = want < 0 ? 0 : want > INT32_MAX ? INT32_MAX : (int32_t)want;
    }
    struct sq_reply r = {0};
    rc = fetch_batch(conn, st, true, scroll_type, target, &r);
    if (rc != SQ_RC_OK)
        return rc;
    if (r.ntuples == 0)
        return r.saw_done ? SQ_RC_NO_DATA
                          : sq_conn_fail(conn, SQ_RC_PROTOCOL,
                                         "SFETCH reply carried neither rows nor SQ_DONE");
    return batch_row(st, row);
}

enum sq_rc sq_stmt_close(struct sq_stmt *st)
{
    struct sq_conn *conn;
    enum sq_rc rc = stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (!st->is_open)
        return SQ_RC_OK;
    sq_buf_reset(&conn->out);
    sq_req_id(&conn->out, st->id);
    sq_req_close(&conn->out);
    sq_req_eot(&conn->out);
    st->is_open = false;
    sq_result_reset(st);
    struct sq_reply r = {0};
    return sq_conn_roundtrip(conn, &r);
}

void sq_stmt_free(struct sq_stmt *st)
{
    if (!st)
        return;
    struct sq_conn *conn;
    if (stmt_conn(st, &conn) == SQ_RC_OK) {
        /* Server errors here only matter to the server; a broken connection
         * shows in the connection's own state. */
        if (st->is_open)
            (void)sq_stmt_close(st);
        if (sq_conn_check(conn) == SQ_RC_OK) {
            sq_buf_reset(&conn->out);
            sq_req_id(&conn->out, st->id);
            sq_req_release(&conn->out);
            sq_req_eot(&conn->out);
            struct sq_reply r = {0};
            (void)sq_conn_roundtrip(conn, &r);
        }
    }
    stmt_unlink(st);
    stmt_destroy(st);
}

/* Called by sq_conn_free: statements outlive their connection only as husks. */
void sq_result_detach_all(struct sq_conn *conn)
{
    while (conn->stmts)
        stmt_unlink(conn->stmts);
}
