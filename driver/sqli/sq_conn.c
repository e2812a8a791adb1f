/* SPDX-License-Identifier: MIT */
/* sq_conn.c - the connection object of the protocol core: state machine,
 * input buffer with a read head, output group buffer, the reply-group reader
 * that dispatches every server message, sticky failures (sq_conn_fail),
 * transactions, sq_conn_exec and the SQ_EXIT close. No locks, no ODBC. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_trace.h"

#define SQ_IN_CHUNK 65536u    /* free space offered to each transport read */
#define SQ_CLOSE_WAIT_MS 2000 /* bound on waiting for the SQ_EXIT echo */

void sq_conn_cfg_init(struct sq_conn_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->host = "localhost";
    cfg->server_name = "";
    cfg->user = "";
    cfg->password = "";
    cfg->client_locale = "en_US.utf8";
    cfg->db_locale = "en_US.utf8";
    cfg->app_name = "ifxodbc";
}

struct sq_conn *sq_conn_new(void)
{
    struct sq_conn *c = sq_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    sq_buf_init(&c->in);
    sq_buf_init(&c->out);
    /* The input buffer always has storage, so views never start at NULL. */
    if (!sq_buf_reserve(&c->in, SQ_IN_CHUNK)) {
        sq_free(c);
        return NULL;
    }
    c->state = SQ_CONN_NEW;
    c->fetch_buf = SQ_DEFAULT_FETCH_BUF;
    atomic_init(&c->interrupted, false);
    return c;
}

static void conn_drop_transport(struct sq_conn *c)
{
    if (c->tr) {
        c->tr->ops->close(c->tr);
        c->tr = NULL;
    }
}

void sq_conn_abandon(struct sq_conn *c)
{
    if (!c)
        return;
    atomic_store(&c->interrupted, true);
    if (c->tr)
        c->tr->ops->interrupt(c->tr); /* flags only in a child: see sq_tcp.c */
    c->prefetch = NULL;
    conn_drop_transport(c);
    if (c->state != SQ_CONN_NEW)
        c->state = SQ_CONN_CLOSED;
}

void sq_conn_set_io_timeout(struct sq_conn *c, int ms)
{
    if (c)
        c->io_timeout_ms = ms > 0 ? ms : 0;
}

void sq_conn_free(struct sq_conn *c)
{
    if (!c)
        return;
    sq_conn_close(c);
    sq_result_detach_all(c);
    conn_drop_transport(c);
    sq_buf_fini(&c->in);
    sq_buf_fini(&c->out);
    sq_trace_close(c->trace);
    sq_free(c);
}

enum sq_rc sq_conn_fail(struct sq_conn *c, enum sq_rc rc, const char *fmt, ...)
{
    if (c->state != SQ_CONN_BROKEN) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->errmsg, sizeof c->errmsg, fmt, ap);
        va_end(ap);
        c->state = SQ_CONN_BROKEN;
    }
    /* Shut the stream down now; the transport object itself is freed by
     * sq_conn_close/sq_conn_free, so a concurrent sq_conn_interrupt() never
     * touches freed memory. */
    if (c->tr)
        c->tr->ops->interrupt(c->tr);
    sq_buf_reset(&c->out);
    c->in.len = 0;
    c->in_head = 0;
    c->prefetch = NULL; /* its reply will never be read */
    return rc;
}

enum sq_rc sq_conn_check(struct sq_conn *c)
{
    if (!c)
        return SQ_RC_MISUSE;
    switch (c->state) {
    case SQ_CONN_READY:
        break;
    case SQ_CONN_BROKEN:
        return SQ_RC_BROKEN;
    case SQ_CONN_NEW:
    case SQ_CONN_CLOSED:
    default:
        return SQ_RC_MISUSE;
    }
    if (atomic_load(&c->interrupted))
        return sq_conn_fail(c, SQ_RC_CANCELLED, "operation cancelled");
    if (c->in_pipeline)
        return SQ_RC_MISUSE; /* a request from inside a pipelined execute's callback */
    if (c->errmsg[0] || c->server_err.sqlcode) {
        c->errmsg[0] = '\0';
        c->server_err.sqlcode = 0;
        c->server_err.isam = 0;
        c->server_err.offset = 0;
        c->server_err.text[0] = '\0';
    }
    return SQ_RC_OK;
}

/* Deadline of one transport wait: io_timeout_ms from now, capped by the
 * per-call deadline (sq_conn_set_deadline) when one is set. */
static int64_t conn_deadline(const struct sq_conn *c)
{
    int64_t d = sq_deadline_in(c->io_timeout_ms);
    if (c->call_deadline > 0 && (d == SQ_NO_DEADLINE || c->call_deadline < d))
        d = c->call_deadline;
    return d;
}

/* A transport wait timed out: note which bound expired (the call's deadline
 * when it has passed, else the per-wait I/O bound) and fail the connection. */
static enum sq_rc conn_fail_timeout(struct sq_conn *c, const char *err)
{
    c->timeout_io = !(c->call_deadline > 0 && sq_time_ms() >= c->call_deadline);
    return sq_conn_fail(c, SQ_RC_TIMEOUT, "%s (%s)", err,
                        c->timeout_io ? "connection timeout" : "call deadline");
}

bool sq_conn_timeout_is_io(const struct sq_conn *c)
{
    return c && c->timeout_io;
}

void sq_conn_set_deadline(struct sq_conn *c, int64_t ms)
{
    if (!c)
        return;
    /* Never 0 when set: 0 means "none" in call_deadline. */
    c->call_deadline = ms > 0 ? sq_time_ms() + ms : 0;
    if (ms > 0 && c->call_deadline <= 0)
        c->call_deadline = 1;
}

enum sq_rc sq_conn_flush(struct sq_conn *c)
{
    if (c->lob_writing) {
        sq_buf_reset(&c->out);
        return SQ_RC_MISUSE; /* a BYTE/TEXT group is half sent (sq_blob.c) */
    }
    if (c->blob_reading) {
        enum sq_rc brc = sq_blob_drain(c);
        if (brc != SQ_RC_OK)
            return brc;
    }
    if (c->prefetch) {
        /* One request group at a time on the wire per reply: first read the
         * outstanding prefetched NFETCH reply into its statement's stash. */
        enum sq_rc drc = sq_result_drain(c);
        if (drc != SQ_RC_OK)
            return drc;
    }
    if (!sq_buf_ok(&c->out)) {
        sq_buf_reset(&c->out);
        return SQ_RC_NOMEM; /* nothing was sent: the stream is still in sync */
    }
    return sq_conn_write_out(c);
}

enum sq_rc sq_conn_write_out(struct sq_conn *c)
{
    return sq_conn_write_buf(c, &c->out);
}

enum sq_rc sq_conn_write_buf(struct sq_conn *c, struct sq_buf *b)
{
    if (!sq_buf_ok(b)) {
        sq_buf_reset(b);
        return sq_conn_fail(c, SQ_RC_NOMEM, "out of memory building a request");
    }
    if (!c->tr)
        return sq_conn_fail(c, SQ_RC_BROKEN, "no transport");
    char err[256] = "";
    sq_trace_out(c->trace, b->data, b->len);
    enum sq_rc rc = c->tr->ops->write(c->tr, b->data, b->len, conn_deadline(c), err, sizeof err);
    sq_buf_reset(b);
    sq_buf_shrink(b, 1u << 20);
    if (rc != SQ_RC_OK) {
        if (atomic_load(&c->interrupted))
            return sq_conn_fail(c, SQ_RC_CANCELLED, "operation cancelled");
        if (rc == SQ_RC_TIMEOUT)
            return conn_fail_timeout(c, err);
        return sq_conn_fail(c, rc, "%s", err);
    }
    return SQ_RC_OK;
}

/* Read more bytes into the input buffer. Compacts first (only here). Returns
 * the transport's code without failing the connection; err gets the text. */
static enum sq_rc conn_fill_raw(struct sq_conn *c, int64_t deadline, char *err, size_t errcap)
{
    if (!c->tr) {
        snprintf(err, errcap, "no transport");
        return SQ_RC_BROKEN;
    }
    if (atomic_load(&c->interrupted)) {
        snprintf(err, errcap, "operation cancelled");
        return SQ_RC_CANCELLED;
    }
    if (c->in_head) {
        sq_buf_consume(&c->in, c->in_head);
        c->in_head = 0;
    }
    sq_buf_shrink(&c->in, 4u << 20); /* give back a huge buffer once it is idle */
    if (!sq_buf_reserve(&c->in, SQ_IN_CHUNK)) {
        c->in.oom = false; /* the old content is intact; the caller fails the connection */
        snprintf(err, errcap, "out of memory for the input buffer");
        return SQ_RC_NOMEM;
    }
    size_t got = 0;
    enum sq_rc rc = c->tr->ops->read(c->tr, c->in.data + c->in.len, c->in.cap - c->in.len, &got,
                                     deadline, err, errcap);
    if (rc != SQ_RC_OK)
        return rc;
    c->in.len += got;
    return SQ_RC_OK;
}

static enum sq_rc conn_fill(struct sq_conn *c)
{
    char err[256] = "";
    enum sq_rc rc = conn_fill_raw(c, conn_deadline(c), err, sizeof err);
    if (rc == SQ_RC_OK)
        return SQ_RC_OK;
    if (atomic_load(&c->interrupted) || rc == SQ_RC_CANCELLED)
        return sq_conn_fail(c, SQ_RC_CANCELLED, "operation cancelled");
    if (rc == SQ_RC_TIMEOUT)
        return conn_fail_timeout(c, err);
    return sq_conn_fail(c, rc, "%s", err);
}

enum sq_rc sq_conn_need(struct sq_conn *c, size_t n)
{
    while (c->in.len - c->in_head < n) {
        enum sq_rc rc = conn_fill(c);
        if (rc != SQ_RC_OK)
            return rc;
    }
    return SQ_RC_OK;
}

static enum sq_rc conn_next_raw(struct sq_conn *c, struct sq_msg *m)
{
    struct sq_rd rd;
    sq_rd_init(&rd, c->in.data + c->in_head, c->in.len - c->in_head);
    enum sq_rc rc = sq_decode_msg(&c->caps, &rd, m);
    if (rc == SQ_RC_OK) {
        sq_trace_in(c->trace, m, c->in.data + c->in_head, rd.pos);
        c->in_head += rd.pos;
    }
    return rc;
}

enum sq_rc sq_conn_next_msg(struct sq_conn *c, struct sq_msg *m)
{
    for (;;) {
        enum sq_rc rc = conn_next_raw(c, m);
        if (rc == SQ_RC_OK)
            return rc;
        if (rc != SQ_RC_NEED_MORE) {
            uint16_t op = 0;
            if (c->in.len - c->in_head >= 2) {
                const uint8_t *p = c->in.data + c->in_head;
                op = (uint16_t)((unsigned)p[0] << 8 | p[1]);
            }
            return sq_conn_fail(c, SQ_RC_PROTOCOL,
                                "protocol error: unknown or malformed message (opcode %u, %s)", op,
                                sq_opcode_name(op));
        }
        rc = conn_fill(c);
        if (rc != SQ_RC_OK)
            return rc;
    }
}

void sq_conn_record_error(struct sq_conn *c, const struct sq_msg *m)
{
    struct sq_server_error *e = &c->server_err;
    e->sqlcode = m->u.err.sqlcode;
    e->isam = m->u.err.isam;
    e->offset = m->u.err.offset;
    size_t n = m->u.err.text_len;
    if (n)
        memcpy(e->text, m->u.err.text, n);
    e->text[n] = '\0';
    char msg[SQ_ERRMSG_MAX - 64];
    (void)sq_errtext(e->sqlcode, e->text, msg, sizeof msg); /* truncation is fine */
    if (e->isam)
        snprintf(c->errmsg, sizeof c->errmsg, "error %d (isam %d): %s", e->sqlcode, e->isam, msg);
    else
        snprintf(c->errmsg, sizeof c->errmsg, "error %d: %s", e->sqlcode, msg);
}

enum sq_rc sq_conn_read_reply(struct sq_conn *c, struct sq_reply *r)
{
    int32_t position = 0;
    for (;;) {
        struct sq_msg m;
        enum sq_rc rc = sq_conn_next_msg(c, &m);
        if (rc != SQ_RC_OK)
            return rc;
        switch (m.op) {
        case SQ_EOT:
            return r->saw_err ? SQ_RC_SERVER : SQ_RC_OK;
        case SQ_TUPLE:
            if (!r->stmt || !r->want_tuples)
                return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected SQ_TUPLE in this reply");
            rc = sq_result_add_tuple(r->stmt, m.u.tuple.warnings, m.u.tuple.p, m.u.tuple.n,
                                     position);
            if (rc != SQ_RC_OK)
                return sq_conn_fail(c, rc, "cannot store a row: %s", sq_rc_name(rc));
            position = 0;
            r->ntuples++;
            break;
        case SQ_FILE:
            /* A client file request in the middle of the reply (doc §9.8):
             * answered at once, then the reply goes on. */
            rc = sq_file_serve(c, &m);
            if (rc != SQ_RC_OK)
                return rc;
            break;
        case SQ_TUPID:
            if (!r->stmt || !r->want_tuples)
                return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected SQ_TUPID in this reply");
            position = m.u.tupid;
            break;
        case SQ_DESCRIBE:
            if (!r->stmt || r->want_tuples)
                return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected SQ_DESCRIBE in this reply");
            rc = sq_describe_apply(&c->caps, &m.u.describe, r->stmt);
            if (rc != SQ_RC_OK)
                return sq_conn_fail(c, rc, "cannot use SQ_DESCRIBE: %s", sq_rc_name(rc));
            r->saw_describe = true;
            break;
        case SQ_DONE:
            c->last_done = c->pending;
            memset(&c->pending, 0, sizeof c->pending);
            c->last_done.warnings = m.u.done.warnings;
            c->last_done.rows = m.u.done.rows;
            c->last_done.rowid = m.u.done.rowid;
            c->last_done.serial = m.u.done.serial;
            r->saw_done = true;
            break;
        case SQ_INSERTDONE:
            c->pending.has_insertdone = true;
            c->pending.serial8_null = m.u.insertdone.serial8_null;
            c->pending.serial8 = m.u.insertdone.serial8;
            c->pending.bigserial = m.u.insertdone.bigserial;
            break;
        case SQ_ERR:
            if (!r->saw_err)
                sq_conn_record_error(c, &m);
            r->saw_err = true;
            break;
        case SQ_COST:
        case SQ_XACTSTAT:
        case SQ_INFO:
        case SQ_DBLIST:
            break; /* accepted anywhere in a group; nothing to keep */
        case SQ_EXIT:
            return sq_conn_fail(c, SQ_RC_IO, "server ended the session (SQ_EXIT)");
        default:
            return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected %s (opcode %u) in a reply",
                                sq_opcode_name(m.op), m.op);
        }
    }
}

enum sq_rc sq_conn_roundtrip(struct sq_conn *c, struct sq_reply *r)
{
    memset(&c->pending, 0, sizeof c->pending);
    enum sq_rc rc = sq_conn_flush(c);
    if (rc != SQ_RC_OK)
        return rc;
    c->round_trips++;
    return sq_conn_read_reply(c, r);
}

void sq_conn_attach(struct sq_conn *c, struct sq_transport *tr, const struct sq_caps *caps)
{
    conn_drop_transport(c);
    c->tr = tr;
    c->caps = *caps;
    c->state = SQ_CONN_READY;
    c->in.len = 0;
    c->in_head = 0;
}

/* Wait for the SQ_EXIT echo (or EOT, or EOF) until the deadline, skipping
 * XACTSTAT and anything else decodable. Never fails the connection. */
static void close_wait(struct sq_conn *c, int64_t deadline)
{
    char err[256];
    for (;;) {
        struct sq_msg m;
        enum sq_rc rc = conn_next_raw(c, &m);
        if (rc == SQ_RC_OK) {
            if (m.op == SQ_EXIT || m.op == SQ_EOT)
                return;
            continue;
        }
        if (rc != SQ_RC_NEED_MORE)
            return;
        if (conn_fill_raw(c, deadline, err, sizeof err) != SQ_RC_OK)
            return;
    }
}

void sq_conn_close(struct sq_conn *c)
{
    if (!c)
        return;
    if (c->prefetch && c->state == SQ_CONN_READY && !atomic_load(&c->interrupted)) {
        /* Keep the SQ_EXIT echo the next thing to read; bounded like the echo. */
        int64_t saved = c->call_deadline, bound = sq_deadline_in(SQ_CLOSE_WAIT_MS);
        if (saved <= 0 || bound < saved)
            c->call_deadline = bound;
        (void)sq_result_drain(c);
        c->call_deadline = saved;
    }
    if (c->blob_reading && c->state == SQ_CONN_READY && !atomic_load(&c->interrupted)) {
        int64_t saved = c->call_deadline, bound = sq_deadline_in(SQ_CLOSE_WAIT_MS);
        if (saved <= 0 || bound < saved)
            c->call_deadline = bound;
        (void)sq_blob_drain(c);
        c->call_deadline = saved;
    }
    /* A half-sent BYTE/TEXT group cannot be ended cleanly: just drop the link. */
    if (c->state == SQ_CONN_READY && c->tr && !atomic_load(&c->interrupted) && !c->lob_writing) {
        /* Bare SQ_EXIT, no EOT (doc §17.1, PROTOCOL.md). */
        sq_buf_reset(&c->out);
        sq_req_exit(&c->out);
        if (sq_buf_ok(&c->out)) {
            int wait = SQ_CLOSE_WAIT_MS;
            if (c->io_timeout_ms > 0 && c->io_timeout_ms < wait)
                wait = c->io_timeout_ms;
            int64_t deadline = sq_deadline_in(wait);
            char err[256];
            sq_trace_out(c->trace, c->out.data, c->out.len);
            if (c->tr->ops->write(c->tr, c->out.data, c->out.len, deadline, err, sizeof err) ==
                SQ_RC_OK)
                close_wait(c, deadline);
        }
        sq_buf_reset(&c->out);
    }
    conn_drop_transport(c);
    if (c->state != SQ_CONN_NEW || c->tr)
        c->state = SQ_CONN_CLOSED;
    c->in.len = 0;
    c->in_head = 0;
    sq_lo_forget(c); /* they belonged to this session; closed: no RELEASE */
}

void sq_conn_interrupt(struct sq_conn *c)
{
    if (!c)
        return;
    atomic_store(&c->interrupted, true);
    struct sq_transport *tr = c->tr;
    if (tr)
        tr->ops->interrupt(tr);
}

bool sq_conn_is_broken(const struct sq_conn *c)
{
    /* interrupted: a cancel reached it, maybe after its last exchange ended;
     * the stream can no longer be trusted (no cancel message in SQLI) */
    return !c || c->state == SQ_CONN_BROKEN || atomic_load(&c->interrupted);
}

enum sq_conn_state sq_conn_state(const struct sq_conn *c)
{
    return c->state;
}

const char *sq_conn_errmsg(const struct sq_conn *c)
{
    return c ? c->errmsg : "no connection";
}

const struct sq_server_error *sq_conn_server_error(const struct sq_conn *c)
{
    return &c->server_err;
}

const struct sq_caps *sq_conn_caps(const struct sq_conn *c)
{
    return &c->caps;
}

const struct sq_server_info *sq_conn_server_info(const struct sq_conn *c)
{
    return &c->server;
}

enum sq_dbkind sq_conn_db_kind(const struct sq_conn *c)
{
    return c->db_kind;
}

const struct sq_done *sq_conn_last_done(const struct sq_conn *c)
{
    return &c->last_done;
}

uint64_t sq_conn_round_trips(const struct sq_conn *c)
{
    return c->round_trips;
}

uint64_t sq_conn_fetch_round_trips(const struct sq_conn *c)
{
    return c->fetch_round_trips;
}

/* ---- transactions (doc §8.1): replies [XACTSTAT] DONE EOT or ERR EOT ---- */

static enum sq_rc conn_simple(struct sq_conn *c, void (*enc)(struct sq_buf *))
{
    enum sq_rc rc = sq_conn_check(c);
    if (rc != SQ_RC_OK)
        return rc;
    sq_buf_reset(&c->out);
    enc(&c->out);
    sq_req_eot(&c->out);
    struct sq_reply r = {0};
    return sq_conn_roundtrip(c, &r);
}

enum sq_rc sq_conn_begin(struct sq_conn *c)
{
    return conn_simple(c, sq_req_begin);
}

enum sq_rc sq_conn_commit(struct sq_conn *c)
{
    return conn_simple(c, sq_req_commit);
}

enum sq_rc sq_conn_rollback(struct sq_conn *c)
{
    return conn_simple(c, sq_req_rollback);
}

enum sq_rc sq_conn_exec(struct sq_conn *c, const char *sql, size_t len, struct sq_done *done)
{
    struct sq_stmt *st = NULL;
    enum sq_rc rc = sq_stmt_prepare(c, sql, len, &st);
    if (rc != SQ_RC_OK)
        return rc;
    if (sq_stmt_nparams(st) != 0) {
        sq_stmt_free(st);
        return SQ_RC_MISUSE;
    }
    if (sq_stmt_returns_rows(st)) {
        int64_t n = 0;
        rc = sq_stmt_open(st, NULL, 0, 0);
        while (rc == SQ_RC_OK) {
            const struct sq_row *row;
            rc = sq_stmt_fetch(st, &row);
            if (rc == SQ_RC_OK)
                n++;
        }
        if (rc == SQ_RC_NO_DATA) {
            struct sq_done d = c->last_done;
            rc = sq_stmt_close(st);
            c->last_done = d;
            c->last_done.rows = n;
        }
    } else {
        rc = sq_stmt_execute(st, NULL, 0);
    }
    struct sq_done d = c->last_done;
    /* Keep the statement's error (if any) visible past the RELEASE. */
    struct sq_server_error e = c->server_err;
    char msg[SQ_ERRMSG_MAX];
    memcpy(msg, c->errmsg, sizeof msg);
    sq_stmt_free(st);
    if (c->state == SQ_CONN_READY) {
        c->server_err = e;
        memcpy(c->errmsg, msg, sizeof msg);
        c->last_done = d;
    }
    if (done)
        *done = d;
    return rc;
}
