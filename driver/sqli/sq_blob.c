/* SPDX-License-Identifier: MIT */
/* sq_blob.c - BYTE/TEXT streams of the protocol core (sq_blob.h, doc §9.7). */
#include "sq_blob.h"

#include <string.h>

#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "sq_wr.h"

/* Request bytes collected before they are written while a value streams. */
#define SQ_BLOB_OUT_FLUSH (64u << 10)

#define DESC_OFF_SIZE 16
#define DESC_OFF_FLAGS 38
#define DESC_FLAG_NULL 0x0001u

void sq_blob_desc_write(uint8_t out[56], uint32_t size)
{
    memset(out, 0, SQ_BLOB_DESCRIPTOR_SIZE);
    out[DESC_OFF_SIZE] = (uint8_t)(size >> 24);
    out[DESC_OFF_SIZE + 1] = (uint8_t)(size >> 16);
    out[DESC_OFF_SIZE + 2] = (uint8_t)(size >> 8);
    out[DESC_OFF_SIZE + 3] = (uint8_t)size;
}

uint32_t sq_blob_desc_size(const uint8_t d[56])
{
    return sq_load_u32(d + DESC_OFF_SIZE);
}

bool sq_blob_desc_is_null(const uint8_t d[56])
{
    return (sq_load_u16(d + DESC_OFF_FLAGS) & DESC_FLAG_NULL) != 0;
}

/* ---- reading ---- */

bool sq_blob_reading(const struct sq_conn *c)
{
    return c && c->blob_reading;
}

uint64_t sq_blob_serial(const struct sq_conn *c)
{
    return c ? c->blob_serial : 0;
}

enum sq_rc sq_blob_open(struct sq_stmt *st, const uint8_t *desc, size_t n)
{
    struct sq_conn *c = NULL;
    enum sq_rc rc = sq_stmt_conn(st, &c);
    if (rc != SQ_RC_OK)
        return rc;
    if (!st->is_open || n != SQ_BLOB_DESCRIPTOR_SIZE || !desc || c->in_pipeline)
        return SQ_RC_MISUSE;
    sq_buf_reset(&c->out);
    sq_req_id(&c->out, st->id);
    sq_wr_u16(&c->out, SQ_FETCHBLOB);
    sq_wr_bytes(&c->out, desc, SQ_BLOB_DESCRIPTOR_SIZE); /* 56: even, no pad */
    sq_req_eot(&c->out);
    rc = sq_conn_flush(c); /* drains a previous stream and a prefetch first */
    if (rc != SQ_RC_OK)
        return rc;
    c->round_trips++;
    c->blob_reading = true;
    c->blob_saw_err = false;
    c->blob_serial++;
    return SQ_RC_OK;
}

/* One message of a FETCHBLOB reply. Chunks (n > 0) are returned; the empty
 * chunk, DONE/COST/XACTSTAT (LIB skips a DONE here, doc §9.7 [U]) are read
 * past; ERR is recorded; EOT ends the stream. */
enum sq_rc sq_blob_read(struct sq_conn *c, const uint8_t **p, size_t *n)
{
    if (!c || !c->blob_reading)
        return SQ_RC_MISUSE;
    for (;;) {
        struct sq_msg m;
        enum sq_rc rc = sq_conn_next_msg(c, &m);
        if (rc != SQ_RC_OK) {
            c->blob_reading = false;
            return rc;
        }
        switch (m.op) {
        case SQ_BLOB:
            if (m.u.blob.n > 0 && !c->blob_saw_err) {
                *p = m.u.blob.p;
                *n = m.u.blob.n;
                return SQ_RC_OK;
            }
            break;
        case SQ_EOT:
            c->blob_reading = false;
            return c->blob_saw_err ? SQ_RC_SERVER : SQ_RC_NO_DATA;
        case SQ_ERR:
            if (!c->blob_saw_err)
                sq_conn_record_error(c, &m);
            c->blob_saw_err = true;
            break;
        case SQ_DONE:
        case SQ_COST:
        case SQ_XACTSTAT:
            break;
        default:
            c->blob_reading = false;
            return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected %s (opcode %u) in a blob reply",
                                sq_opcode_name(m.op), m.op);
        }
    }
}

enum sq_rc sq_blob_drain(struct sq_conn *c)
{
    while (c->blob_reading) {
        const uint8_t *p;
        size_t n;
        enum sq_rc rc = sq_blob_read(c, &p, &n);
        if (rc == SQ_RC_NO_DATA || rc == SQ_RC_SERVER)
            return SQ_RC_OK; /* the stream's own outcome does not concern the next request */
        if (rc != SQ_RC_OK)
            return rc;
    }
    return SQ_RC_OK;
}

enum sq_rc sq_blob_abort(struct sq_conn *c)
{
    return c ? sq_blob_drain(c) : SQ_RC_MISUSE;
}

/* ---- writing ---- */

static bool is_lob(const struct sq_param *p)
{
    return !p->is_null && (p->type == SQ_T_BYTE || p->type == SQ_T_TEXT);
}

bool sq_params_have_lob(const struct sq_param *params, size_t n)
{
    return sq_params_lob_count(params, n) > 0;
}

size_t sq_params_lob_count(const struct sq_param *params, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; params && i < n; i++)
        k += is_lob(&params[i]);
    return k;
}

bool sq_lobexec_active(const struct sq_conn *c)
{
    return c && c->lob_writing;
}

/* Abandon a half-sent group after a local failure: the stream cannot be
 * resynchronised, so the connection is broken. */
static enum sq_rc lob_fail(struct sq_conn *c, enum sq_rc rc, const char *why)
{
    c->lob_writing = false;
    if (c->state == SQ_CONN_BROKEN)
        return rc;
    return sq_conn_fail(c, rc, "BYTE/TEXT parameter stream: %s", why);
}

/* Write what is framed so far: between calls conn->out stays empty, because
 * any other request builder starts by resetting it (and is then refused with
 * MISUSE by sq_conn_flush). A partial chunk waits in lob_chunk. */
static enum sq_rc flush_now(struct sq_conn *c)
{
    if (c->out.len == 0)
        return SQ_RC_OK;
    enum sq_rc rc = sq_conn_write_out(c);
    if (rc != SQ_RC_OK)
        c->lob_writing = false; /* sq_conn_write_out broke the connection */
    return rc;
}

enum sq_rc sq_lobexec_begin(struct sq_stmt *st, const struct sq_param *params, size_t n)
{
    struct sq_conn *c = NULL;
    enum sq_rc rc = sq_stmt_conn(st, &c);
    if (rc != SQ_RC_OK)
        return rc;
    if (st->is_open || n != st->nparams || (n && !params) || c->in_pipeline || c->lob_writing)
        return SQ_RC_MISUSE;
    size_t count = sq_params_lob_count(params, n);
    if (count > 0xFFFFu)
        return SQ_RC_MISUSE;
    sq_buf_reset(&c->out);
    sq_req_id(&c->out, st->id);
    rc = sq_req_bind(&c->out, params, n);
    if (rc != SQ_RC_OK) {
        sq_buf_reset(&c->out);
        return rc;
    }
    /* SQ_BBIND u16 count: the doc leaves the width [U]; ours (PROTOCOL.md). */
    sq_wr_u16(&c->out, SQ_BBIND);
    sq_wr_u16(&c->out, (uint16_t)count);
    if (!sq_buf_ok(&c->out)) {
        sq_buf_reset(&c->out);
        return SQ_RC_NOMEM;
    }
    /* Anything outstanding is read before the first byte of this group. */
    if (c->blob_reading && (rc = sq_blob_drain(c)) != SQ_RC_OK)
        return rc;
    if (c->prefetch && (rc = sq_result_drain(c)) != SQ_RC_OK)
        return rc;
    memset(&c->pending, 0, sizeof c->pending);
    memset(&c->last_done, 0, sizeof c->last_done);
    c->lob_writing = true;
    c->lob_values_left = count;
    c->lob_chunk_n = 0;
    return flush_now(c);
}

static void frame_chunk(struct sq_conn *c)
{
    sq_wr_u16(&c->out, SQ_BLOB);
    (void)sq_wr_str16(&c->out, c->lob_chunk, c->lob_chunk_n); /* <= 1024 */
    c->lob_chunk_n = 0;
}

static enum sq_rc maybe_write(struct sq_conn *c)
{
    if (c->out.len < SQ_BLOB_OUT_FLUSH)
        return SQ_RC_OK;
    enum sq_rc rc = sq_conn_write_out(c);
    if (rc != SQ_RC_OK)
        c->lob_writing = false; /* sq_conn_write_out broke the connection */
    return rc;
}

enum sq_rc sq_lobexec_put(struct sq_stmt *st, const void *p, size_t n)
{
    struct sq_conn *c = st ? st->conn : NULL;
    if (!c || !c->lob_writing || c->lob_values_left == 0)
        return SQ_RC_MISUSE;
    const uint8_t *b = p;
    while (n > 0) {
        size_t k = SQ_BLOB_PUT_CHUNK - c->lob_chunk_n;
        if (k > n)
            k = n;
        memcpy(c->lob_chunk + c->lob_chunk_n, b, k);
        c->lob_chunk_n += k;
        b += k;
        n -= k;
        if (c->lob_chunk_n == SQ_BLOB_PUT_CHUNK) {
            frame_chunk(c);
            enum sq_rc rc = maybe_write(c);
            if (rc != SQ_RC_OK)
                return rc;
        }
    }
    return flush_now(c);
}

enum sq_rc sq_lobexec_end(struct sq_stmt *st)
{
    struct sq_conn *c = st ? st->conn : NULL;
    if (!c || !c->lob_writing || c->lob_values_left == 0)
        return SQ_RC_MISUSE;
    if (c->lob_chunk_n > 0)
        frame_chunk(c);
    frame_chunk(c); /* the empty chunk ends the value */
    c->lob_values_left--;
    return flush_now(c);
}

enum sq_rc sq_lobexec_finish(struct sq_stmt *st, bool execute)
{
    struct sq_conn *c = st ? st->conn : NULL;
    if (!c || !c->lob_writing)
        return SQ_RC_MISUSE;
    if (c->lob_values_left > 0) {
        if (execute)
            return SQ_RC_MISUSE; /* values missing: the caller must end them or abandon */
        /* Abandon: end the values that are still open so the group parses. */
        while (c->lob_values_left > 0) {
            if (c->lob_chunk_n > 0)
                frame_chunk(c);
            frame_chunk(c);
            c->lob_values_left--;
        }
    }
    if (execute)
        sq_req_execute(&c->out);
    sq_req_eot(&c->out);
    if (!sq_buf_ok(&c->out))
        return lob_fail(c, SQ_RC_NOMEM, "out of memory");
    c->lob_writing = false;
    enum sq_rc rc = sq_conn_write_out(c);
    if (rc != SQ_RC_OK)
        return rc;
    c->round_trips++;
    struct sq_reply r = {0};
    return sq_conn_read_reply(c, &r);
}

enum sq_rc sq_lobexec_run(struct sq_stmt *st, const struct sq_param *params, size_t n)
{
    for (size_t i = 0; params && i < n; i++)
        if (is_lob(&params[i]) && params[i].u.lob.n && !params[i].u.lob.p)
            return SQ_RC_MISUSE; /* streamed values need sq_lobexec_put: nothing sent */
    enum sq_rc rc = sq_lobexec_begin(st, params, n);
    if (rc != SQ_RC_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (!is_lob(&params[i]))
            continue;
        const struct sq_param *p = &params[i];
        if (p->u.lob.n && (rc = sq_lobexec_put(st, p->u.lob.p, (size_t)p->u.lob.n)) != SQ_RC_OK)
            return rc;
        if ((rc = sq_lobexec_end(st)) != SQ_RC_OK)
            return rc;
    }
    return sq_lobexec_finish(st, true);
}
