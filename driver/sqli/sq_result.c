/* SPDX-License-Identifier: MIT */
/* sq_result.c - statements, cursors and the per-statement row arena of the
 * protocol core: PREPARE / EXECUTE / OPEN / NFETCH / SFETCH / CLOSE / RELEASE
 * request groups (doc §7.1), batches of TUPLEs kept in one reused buffer with
 * row offsets, and lazy column splitting (sq_value_width) and decoding
 * (sq_value_decode). Fetching allocates nothing per row. */
#include <stdio.h>
#include <string.h>

#include "sq_alloc.h"
#include "sq_blob.h"
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
    sq_buf_fini(&st->alt_rows);
    sq_free(st->alt_ents);
    st->alt_ents = NULL;
    st->alt_nents = st->alt_cap = 0;
    st->has_stash = false;
}

/* ---- prefetch stash ----
 * Two arenas per statement: the batch being handed out (rows/ents) and the
 * stash (alt_*), which receives a prefetched reply read early. Swapping the
 * two moves no row bytes, so views into the current batch stay valid. */

static void stash_swap(struct sq_stmt *st)
{
    struct sq_buf b = st->rows;
    st->rows = st->alt_rows;
    st->alt_rows = b;
    struct sq_rowent *e = st->ents;
    st->ents = st->alt_ents;
    st->alt_ents = e;
    size_t n = st->nents;
    st->nents = st->alt_nents;
    st->alt_nents = n;
    n = st->ents_cap;
    st->ents_cap = st->alt_cap;
    st->alt_cap = n;
}

static void stash_clear(struct sq_stmt *st)
{
    st->has_stash = false;
    st->alt_nents = 0;
    sq_buf_reset(&st->alt_rows);
}

/* A non-scroll fetch reply must carry rows or the DONE (see sq_stmt_fetch). */
static enum sq_rc check_fetch_reply(struct sq_conn *conn, const struct sq_reply *r)
{
    if (r->ntuples == 0 && !r->saw_done && !r->saw_err)
        return sq_conn_fail(conn, SQ_RC_PROTOCOL, "NFETCH reply carried neither rows nor SQ_DONE");
    return SQ_RC_OK;
}

enum sq_rc sq_result_drain(struct sq_conn *conn)
{
    struct sq_stmt *st = conn->prefetch;
    if (!st)
        return SQ_RC_OK;
    conn->prefetch = NULL;
    /* The reply belongs to st's future fetch, not to the request about to be
     * sent: keep the connection's DONE and error state as they were. */
    struct sq_done saved_done = conn->last_done;
    struct sq_done saved_pending = conn->pending;
    struct sq_server_error saved_err = conn->server_err;
    char saved_msg[SQ_ERRMSG_MAX];
    memcpy(saved_msg, conn->errmsg, sizeof saved_msg);
    size_t cur = st->cur;
    stash_swap(st); /* the current batch moves aside untouched */
    st->nents = 0;
    sq_buf_reset(&st->rows);
    memset(&conn->pending, 0, sizeof conn->pending);
    struct sq_reply r = {.stmt = st, .want_tuples = true};
    enum sq_rc rc = sq_conn_read_reply(conn, &r);
    stash_swap(st); /* drained batch in the stash, current batch back */
    st->cur = cur;
    if (rc != SQ_RC_OK && rc != SQ_RC_SERVER)
        return rc; /* the connection is broken */
    enum sq_rc crc = check_fetch_reply(conn, &r);
    if (crc != SQ_RC_OK)
        return crc;
    st->has_stash = true;
    st->stash_rc = rc;
    st->stash_done = r.saw_done;
    st->stash_last_done = conn->last_done;
    st->stash_err = conn->server_err;
    memcpy(st->stash_msg, conn->errmsg, sizeof st->stash_msg);
    conn->last_done = saved_done;
    conn->pending = saved_pending;
    conn->server_err = saved_err;
    memcpy(conn->errmsg, saved_msg, sizeof saved_msg);
    return SQ_RC_OK;
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
    if (st->conn->prefetch == st)
        st->conn->prefetch = NULL; /* only on a broken connection (else drained first) */
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

enum sq_rc sq_stmt_conn(struct sq_stmt *st, struct sq_conn **conn)
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
    sq_buf_init(&st->alt_rows);
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
    enum sq_rc rc = sq_stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (st->is_open)
        return SQ_RC_MISUSE;
    if (sq_params_have_lob(params, n))
        return sq_lobexec_run(st, params, n); /* BYTE/TEXT data follow the BIND (sq_blob.c) */
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

/* ---- pipelined execution ----
 * Deadlock argument. The client writes a chunk of request groups with one
 * blocking write, then reads replies. While it writes, the server executes
 * the groups it has already received and writes their replies, which pile up
 * unread in the client's receive buffer (and the server's send buffer). The
 * server only stops reading requests if one of its reply writes blocks, i.e.
 * when the unread replies exceed those two buffers; then neither side would
 * move. The window bounds the unread replies: at most `depth` <= 256 groups
 * are in flight, and a reply to `SQ_BIND ... SQ_EXECUTE` is ~30-70 bytes
 * (INSERTDONE 20, DONE 26, COST 10, XACTSTAT 8, EOT 2) or an SQ_ERR of ~16
 * bytes + its %s insertion (an identifier, normally < 130 bytes), so 256
 * replies are ~17 KiB (~40 KiB if every set fails), well under Linux's
 * default loopback/TCP buffers (tcp_rmem default 128 KiB receive, plus the
 * peer's send buffer, both auto-tuned upwards). The request side is bounded
 * by SQ_PIPE_MAX_BYTES (one set always goes, however large) so that the
 * client's memory and the server's input buffer stay small. An insertion text
 * near SQ_MAX_ERRTEXT on every failing set could exceed that margin; real
 * servers send identifiers there, and a stuck write still ends at the
 * io/call deadline. After a chunk, the client reads replies until half the
 * window is free and writes the next chunk, so the server works on the rest
 * of the window while the client builds more groups. */

static size_t pipe_depth(size_t depth)
{
    if (depth == 0)
        return SQ_PIPE_DEFAULT_DEPTH;
    return depth > SQ_PIPE_MAX_DEPTH ? SQ_PIPE_MAX_DEPTH : depth;
}

static enum sq_rc pipe_run(struct sq_conn *conn, struct sq_stmt *st, size_t first, size_t nsets,
                           size_t depth, sq_exec_fill_fn fill, sq_exec_done_fn done, void *ctx,
                           size_t *next)
{
    enum sq_rc rc;
    size_t ring[SQ_PIPE_MAX_DEPTH]; /* indexes of the sets in flight, in order */
    size_t head = 0, count = 0;
    size_t i = first;
    enum sq_rc stop = SQ_RC_OK; /* why filling stopped before set i */

    for (;;) {
        /* Fill a chunk: up to the window in groups and bytes. */
        sq_buf_reset(&conn->out);
        size_t chunk = 0;
        while (stop == SQ_RC_OK && i < nsets && count + chunk < depth &&
               (chunk == 0 || conn->out.len < SQ_PIPE_MAX_BYTES)) {
            const struct sq_param *params = NULL;
            enum sq_rc frc = fill(ctx, i, &params);
            if (frc == SQ_RC_NO_DATA) {
                i++;
                continue;
            }
            if (frc == SQ_RC_OK && st->nparams && !params)
                frc = SQ_RC_MISUSE;
            if (frc == SQ_RC_OK && sq_params_have_lob(params, st->nparams))
                frc = SQ_RC_MISUSE; /* BYTE/TEXT data follow their BIND: sq_lobexec_run */
            if (frc != SQ_RC_OK) {
                stop = frc;
                break;
            }
            size_t mark = conn->out.len;
            sq_req_id(&conn->out, st->id);
            if (st->nparams) {
                frc = sq_req_bind(&conn->out, params, st->nparams);
                if (frc == SQ_RC_OK && !sq_buf_ok(&conn->out))
                    frc = SQ_RC_NOMEM;
            }
            if (frc != SQ_RC_OK) {
                conn->out.len = mark; /* the earlier groups are intact */
                conn->out.oom = false;
                stop = frc;
                break;
            }
            sq_req_execute(&conn->out);
            sq_req_eot(&conn->out);
            ring[(head + count + chunk) % SQ_PIPE_MAX_DEPTH] = i;
            chunk++;
            i++;
        }
        if (chunk > 0) {
            /* The first flush reads another cursor's outstanding prefetch
             * first (sq_conn_flush); none can start while we run. */
            rc = sq_conn_flush(conn);
            if (rc == SQ_RC_NOMEM && !sq_conn_is_broken(conn)) {
                /* Nothing of this chunk was sent: stop before its first set. */
                i = ring[(head + count) % SQ_PIPE_MAX_DEPTH];
                stop = rc;
            } else if (rc != SQ_RC_OK) {
                *next = ring[(head + count) % SQ_PIPE_MAX_DEPTH];
                for (size_t k = 0; k < count; k++)
                    done(ctx, ring[(head + k) % SQ_PIPE_MAX_DEPTH], rc);
                return rc;
            } else {
                conn->round_trips += chunk;
                count += chunk;
            }
        }
        /* Read replies until half the window is free (all of it at the end). */
        bool more = stop == SQ_RC_OK && i < nsets;
        size_t keep = more ? depth / 2 : 0;
        while (count > keep) {
            size_t set = ring[head];
            head = (head + 1) % SQ_PIPE_MAX_DEPTH;
            count--;
            memset(&conn->pending, 0, sizeof conn->pending);
            memset(&conn->last_done, 0, sizeof conn->last_done);
            struct sq_reply r = {0};
            rc = sq_conn_read_reply(conn, &r);
            done(ctx, set, rc);
            if (rc != SQ_RC_OK && rc != SQ_RC_SERVER) {
                /* Broken mid-window: the sets still in flight share the fate. */
                for (size_t k = 0; k < count; k++)
                    done(ctx, ring[(head + k) % SQ_PIPE_MAX_DEPTH], rc);
                *next = i;
                return rc;
            }
        }
        if (!more) {
            *next = i;
            return stop;
        }
    }
}

enum sq_rc sq_stmt_execute_pipe(struct sq_stmt *st, size_t first, size_t nsets, size_t depth,
                                sq_exec_fill_fn fill, sq_exec_done_fn done, void *ctx,
                                size_t *next)
{
    *next = first;
    struct sq_conn *conn;
    enum sq_rc rc = sq_stmt_conn(st, &conn);
    if (rc != SQ_RC_OK)
        return rc;
    if (st->is_open || !fill || !done)
        return SQ_RC_MISUSE;
    /* Callbacks must not make requests: sq_conn_check refuses them meanwhile. */
    conn->in_pipeline = true;
    rc = pipe_run(conn, st, first, nsets, pipe_depth(depth), fill, done, ctx, next);
    conn->in_pipeline = false;
    return rc;
}

struct many_ctx {
    const struct sq_param *sets;
    size_t nparams;
    struct sq_exec_status *out;
    struct sq_conn *conn;
};

static enum sq_rc many_fill(void *vctx, size_t i, const struct sq_param **params)
{
    struct many_ctx *m = vctx;
    *params = m->nparams ? &m->sets[i * m->nparams] : NULL;
    return SQ_RC_OK;
}

static void many_done(void *vctx, size_t i, enum sq_rc rc)
{
    struct many_ctx *m = vctx;
    struct sq_exec_status *o = &m->out[i];
    memset(o, 0, sizeof *o);
    o->rc = rc;
    if (rc == SQ_RC_SERVER) {
        o->sqlcode = m->conn->server_err.sqlcode;
        o->isam = m->conn->server_err.isam;
    } else if (rc == SQ_RC_OK) {
        const struct sq_done *d = &m->conn->last_done;
        o->rows = d->rows;
        o->serial = d->serial;
        o->serial8 = d->serial8;
        o->bigserial = d->bigserial;
    }
}

enum sq_rc sq_stmt_execute_many(struct sq_stmt *st, const struct sq_param *sets, size_t nsets,
                                size_t nparams, size_t depth, struct sq_exec_status *out)
{
    if (!st || !out || (nsets && nparams && !sets))
        return SQ_RC_MISUSE;
    if (nparams != st->nparams)
        return SQ_RC_MISUSE;
    struct many_ctx m = {.sets = sets, .nparams = nparams, .out = out, .conn = st->conn};
    size_t next = 0;
    enum sq_rc rc = sq_stmt_execute_pipe(st, 0, nsets, depth, many_fill, many_done, &m, &next);
    if (rc != SQ_RC_OK) {
        /* Sets that never got a reply (or were never sent). */
        for (size_t k = next; k < nsets; k++) {
            memset(&out[k], 0, sizeof out[k]);
            out[k].rc = rc;
        }
    }
    return rc;
}

/* After a non-scroll batch without SQ_DONE: send the next `SQ_ID id SQ_NFETCH
 * SQ_EOT` now and read its reply later (sq_stmt_fetch, or sq_result_drain
 * when another request comes first). */
static enum sq_rc send_prefetch(struct sq_conn *conn, struct sq_stmt *st)
{
    if (st->is_done || st->is_scroll || conn->prefetch)
        return SQ_RC_OK;
    sq_buf_reset(&conn->out);
    sq_req_id(&conn->out, st->id);
    sq_req_nfetch(&conn->out, conn->fetch_buf);
    sq_req_eot(&conn->out);
    enum sq_rc rc = sq_conn_flush(conn);
    if (rc != SQ_RC_OK)
        return rc;
    conn->round_trips++;
    conn->fetch_round_trips++;
    conn->prefetch = st;
    return SQ_RC_OK;
}

enum sq_rc sq_stmt_open(struct sq_stmt *st, const struct sq_param *params, size_t n, unsigned flags)
{
    struct sq_conn *conn;
    enum sq_rc rc = sq_stmt_conn(st, &conn);
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
    stash_clear(st);
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
    return scroll ? SQ_RC_OK : send_prefetch(conn, st);
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
    enum sq_rc rc = sq_stmt_conn(st, &conn);
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
    if (st->has_stash) {
        /* The prefetched reply was read early (sq_result_drain). */
        stash_swap(st);
        stash_clear(st);
        st->cur = 0;
        r.ntuples = (uint32_t)st->nents;
        r.saw_done = st->stash_done;
        conn->last_done = st->stash_last_done;
        rc = st->stash_rc;
        if (rc == SQ_RC_SERVER) {
            conn->server_err = st->stash_err;
            memcpy(conn->errmsg, st->stash_msg, sizeof conn->errmsg);
        }
    } else if (conn->prefetch == st) {
        /* Our NFETCH is already on its way: only read the reply. */
        conn->prefetch = NULL;
        sq_result_reset(st);
        memset(&conn->pending, 0, sizeof conn->pending);
        r.stmt = st;
        r.want_tuples = true;
        rc = sq_conn_read_reply(conn, &r);
    } else {
        rc = fetch_batch(conn, st, false, 0, 0, &r);
    }
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
    rc = send_prefetch(conn, st); /* before the rows are handed out */
    if (rc != SQ_RC_OK)
        return rc;
    return batch_row(st, row);
}

enum sq_rc sq_stmt_sfetch(struct sq_stmt *st, uint16_t scroll_type, int32_t target,
                          const struct sq_row **row)
{
    *row = NULL;
    struct sq_conn *conn;
    enum sq_rc rc = sq_stmt_conn(st, &conn);
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
    enum sq_rc rc = sq_stmt_conn(st, &conn);
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
    rc = sq_conn_roundtrip(conn, &r); /* reads an outstanding prefetch first */
    stash_clear(st);                  /* its rows are discarded */
    return rc;
}

void sq_stmt_free(struct sq_stmt *st)
{
    if (!st)
        return;
    struct sq_conn *conn;
    if (sq_stmt_conn(st, &conn) == SQ_RC_OK) {
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
