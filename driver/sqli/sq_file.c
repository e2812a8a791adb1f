/* SPDX-License-Identifier: MIT */
/* sq_file.c - client file requests (SQ_FILE) and the smart-LOB calls built
 * on them (sq_file.h, doc §9.8, PROTOCOL.md "Smart LOBs"). */
#include "sq_file.h"

#include <string.h>

#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "sq_wr.h"

/* Longest file name the client takes (the server's request carries a str16;
 * our own requests use a short fixed name). */
#define SQ_FILE_NAME_MAX 1024u
/* Answer bytes collected before they are written while a file goes up. */
#define SQ_FILE_OUT_FLUSH (64u << 10)

void sq_conn_set_file_ops(struct sq_conn *c, const struct sq_file_ops *ops)
{
    c->file_ops = ops;
}

static enum sq_rc expect_eot(struct sq_conn *c, const char *what)
{
    struct sq_msg m;
    enum sq_rc rc = sq_conn_next_msg(c, &m);
    if (rc != SQ_RC_OK)
        return rc;
    if (m.op != SQ_EOT)
        return sq_conn_fail(c, SQ_RC_PROTOCOL,
                            "protocol error: SQ_FILE %s request not ended by SQ_EOT (got %s)", what,
                            sq_opcode_name(m.op));
    return SQ_RC_OK;
}

/* `SQ_FILE_READ i32 v SQ_EOT`: the answer to an open and to a write. */
static enum sq_rc answer_i32(struct sq_conn *c, int32_t v)
{
    struct sq_buf b;
    sq_buf_init(&b);
    sq_wr_u16(&b, SQ_FILE_READ);
    sq_wr_i32(&b, v);
    sq_wr_u16(&b, SQ_EOT);
    enum sq_rc rc = sq_conn_write_buf(c, &b);
    sq_buf_fini(&b);
    return rc;
}

static void file_close(struct sq_conn *c)
{
    if (c->file_open && c->file_ops && c->file_ops->close)
        c->file_ops->close(c->file_ops->ctx);
    c->file_open = false;
}

static enum sq_rc serve_open(struct sq_conn *c, const struct sq_msg *m)
{
    char name[SQ_FILE_NAME_MAX + 1];
    size_t n = m->u.file.name_n;
    bool fits = n <= SQ_FILE_NAME_MAX;
    int32_t mode = m->u.file.mode;
    if (fits) {
        memcpy(name, m->u.file.name, n); /* the view dies with the next read */
        name[n] = '\0';
    }
    enum sq_rc rc = expect_eot(c, "open");
    if (rc != SQ_RC_OK)
        return rc;
    file_close(c); /* a second open without a close: the first is over */
    const struct sq_file_ops *ops = c->file_ops;
    int32_t result = -1;
    uint64_t size = 0;
    c->file_opens++;
    if (fits && ops && ops->open && (mode == SQ_FILE_MODE_READ || mode == SQ_FILE_MODE_WRITE) &&
        ops->open(ops->ctx, name, n, mode, &size) == SQ_RC_OK) {
        c->file_open = true;
        c->file_mode = mode;
        if (mode == SQ_FILE_MODE_READ && size > (uint64_t)INT32_MAX)
            file_close(c); /* the answer is an i32: 2 GiB is Informix's LO cap anyway */
        else {
            c->file_left = mode == SQ_FILE_MODE_READ ? size : 0;
            result = (int32_t)c->file_left;
        }
    }
    return answer_i32(c, result);
}

static enum sq_rc serve_read(struct sq_conn *c, const struct sq_msg *m)
{
    uint16_t bufsize = m->u.file.bufsize;
    int32_t amount = m->u.file.amount;
    enum sq_rc rc = expect_eot(c, "read");
    if (rc != SQ_RC_OK)
        return rc;
    if (bufsize == 0 || amount < 0)
        return sq_conn_fail(c, SQ_RC_PROTOCOL,
                            "protocol error: SQ_FILE read request for %d bytes in pieces of %u",
                            (int)amount, (unsigned)bufsize);
    uint64_t total = 0;
    if (c->file_open && c->file_mode == SQ_FILE_MODE_READ)
        total = c->file_left < (uint64_t)amount ? c->file_left : (uint64_t)amount;
    uint8_t *chunk = total ? sq_malloc(bufsize) : NULL;
    if (total && !chunk)
        return sq_conn_fail(c, SQ_RC_NOMEM, "out of memory answering a file read request");
    struct sq_buf b;
    sq_buf_init(&b);
    sq_wr_u16(&b, SQ_FILE_READ);
    sq_wr_i32(&b, (int32_t)total);
    for (uint64_t left = total; left > 0 && rc == SQ_RC_OK;) {
        size_t want = left < bufsize ? (size_t)left : bufsize, got = 0;
        const struct sq_file_ops *ops = c->file_ops;
        if (ops->read(ops->ctx, chunk, want, &got) != SQ_RC_OK || got == 0 || got > want) {
            /* The server was told `total`: nothing but the truth can follow. */
            rc = sq_conn_fail(c, SQ_RC_IO, "a large-object parameter ended or failed after "
                                           "%llu of its bytes",
                              (unsigned long long)(total - left));
            break;
        }
        sq_wr_u16(&b, SQ_FILE_READ);
        (void)sq_wr_str16(&b, chunk, got); /* got <= bufsize < 65536 */
        left -= got;
        if (b.len >= SQ_FILE_OUT_FLUSH)
            rc = sq_conn_write_buf(c, &b);
    }
    if (rc == SQ_RC_OK) {
        sq_wr_u16(&b, SQ_EOT);
        rc = sq_conn_write_buf(c, &b);
        c->file_left -= total;
    }
    sq_buf_fini(&b);
    sq_free(chunk);
    return rc;
}

static enum sq_rc serve_write(struct sq_conn *c)
{
    bool ok = c->file_open && c->file_mode == SQ_FILE_MODE_WRITE;
    uint64_t total = 0;
    for (;;) {
        struct sq_msg m;
        enum sq_rc rc = sq_conn_next_msg(c, &m);
        if (rc != SQ_RC_OK)
            return rc;
        if (m.op == SQ_EOT)
            break;
        if (m.op != SQ_FILE_WRITE)
            return sq_conn_fail(c, SQ_RC_PROTOCOL,
                                "protocol error: %s inside an SQ_FILE write request",
                                sq_opcode_name(m.op));
        total += m.u.blob.n;
        if (ok && m.u.blob.n &&
            c->file_ops->write(c->file_ops->ctx, m.u.blob.p, m.u.blob.n) != SQ_RC_OK)
            ok = false; /* told to the server below; the rest is read and dropped */
    }
    return answer_i32(c, ok && total <= (uint64_t)INT32_MAX ? (int32_t)total : -1);
}

enum sq_rc sq_file_serve(struct sq_conn *c, const struct sq_msg *m)
{
    switch (m->u.file.optype) {
    case SQ_FILE_OPEN:
        return serve_open(c, m);
    case SQ_FILE_READREQ:
        return serve_read(c, m);
    case SQ_FILE_WRITEREQ:
        return serve_write(c);
    default: { /* SQ_FILE_CLOSE: the decoder takes no other optype */
        enum sq_rc rc = expect_eot(c, "close");
        if (rc != SQ_RC_OK)
            return rc;
        file_close(c);
        struct sq_buf b;
        sq_buf_init(&b);
        sq_wr_u16(&b, SQ_EOT);
        rc = sq_conn_write_buf(c, &b);
        sq_buf_fini(&b);
        return rc;
    }
    }
}

/* ---- smart-LOB calls ---- */

/* The name in our own requests: '!' keeps the server from appending its
 * unique suffix (IBM's lotofile rule); the client never touches a real file
 * of that name. */
#define LO_NAME "'ifxodbc_lo!'"
#define LO_FROM " FROM systables WHERE tabid = 1"

/* Run sql (a one-row SELECT) with the given parameters and ops in place; the
 * first column of its row into *out (when out is set). The statement stays
 * prepared in conn->lo_stmt[slot] for the next value (only OPEN, the file
 * exchange and CLOSE per value); a cached one the server no longer knows
 * (an error before any file was opened) is prepared again, once. */
static enum sq_rc lo_run(struct sq_conn *c, int slot, const char *sql,
                         const struct sq_param *params, size_t nparams,
                         const struct sq_file_ops *ops, uint8_t *out)
{
    const struct sq_file_ops *saved = c->file_ops;
    for (int attempt = 0;; attempt++) {
        bool cached = c->lo_stmt[slot] != NULL;
        enum sq_rc rc = SQ_RC_OK;
        if (!cached) {
            rc = sq_stmt_prepare(c, sql, strlen(sql), &c->lo_stmt[slot]);
            if (rc != SQ_RC_OK) {
                sq_stmt_free(c->lo_stmt[slot]);
                c->lo_stmt[slot] = NULL;
                return rc;
            }
        }
        struct sq_stmt *st = c->lo_stmt[slot];
        uint64_t opens = c->file_opens;
        c->file_ops = ops;
        rc = sq_stmt_open(st, params, nparams, 0);
        bool got = false;
        while (rc == SQ_RC_OK) {
            const struct sq_row *row;
            rc = sq_stmt_fetch(st, &row);
            if (rc != SQ_RC_OK)
                break;
            struct sq_value v;
            if (out && !got) {
                rc = sq_row_value(row, 0, &v);
                if (rc == SQ_RC_OK && (v.is_null || v.u.s.n != SQ_LO_LOCATOR_SIZE))
                    rc = sq_conn_fail(c, SQ_RC_PROTOCOL,
                                      "protocol error: filetoblob returned no locator");
                if (rc == SQ_RC_OK)
                    memcpy(out, v.u.s.p, SQ_LO_LOCATOR_SIZE);
            }
            got = true;
        }
        if (rc == SQ_RC_NO_DATA)
            rc = got ? SQ_RC_OK
                     : sq_conn_fail(c, SQ_RC_PROTOCOL, "protocol error: %s gave no row",
                                    out ? "filetoblob" : "lotofile");
        file_close(c); /* a server that never closed the file */
        c->file_ops = saved;
        enum sq_rc crc = sq_stmt_close(st);
        if (rc == SQ_RC_OK && crc != SQ_RC_OK && crc != SQ_RC_SERVER)
            rc = crc;
        if (sq_conn_is_broken(c) || (rc == SQ_RC_SERVER && cached)) {
            sq_stmt_free(st); /* not to be used again */
            c->lo_stmt[slot] = NULL;
        }
        if (rc == SQ_RC_SERVER && cached && attempt == 0 && c->file_opens == opens &&
            !sq_conn_is_broken(c))
            continue; /* maybe the server dropped it (another DATABASE ...): once more */
        return rc;
    }
}

void sq_lo_forget(struct sq_conn *c)
{
    for (size_t i = 0; i < sizeof c->lo_stmt / sizeof c->lo_stmt[0]; i++) {
        sq_stmt_free(c->lo_stmt[i]);
        c->lo_stmt[i] = NULL;
    }
}

enum sq_rc sq_lo_fetch(struct sq_conn *c, bool clob, const uint8_t locator[72],
                       const struct sq_file_ops *ops)
{
    if (!c || !locator || !ops)
        return SQ_RC_MISUSE;
    struct sq_param p;
    memset(&p, 0, sizeof p);
    p.type = SQ_T_UDTFIXED;
    p.prec = clob ? SQ_XID_CLOB : SQ_XID_BLOB;
    p.u.s.p = locator;
    p.u.s.n = SQ_LO_LOCATOR_SIZE;
    const char *sql = clob ? "SELECT lotofile(?::CLOB, " LO_NAME ", 'client')" LO_FROM
                           : "SELECT lotofile(?::BLOB, " LO_NAME ", 'client')" LO_FROM;
    return lo_run(c, clob ? 1 : 0, sql, &p, 1, ops, NULL);
}

enum sq_rc sq_lo_create(struct sq_conn *c, bool clob, const struct sq_file_ops *ops,
                        uint8_t locator[72])
{
    if (!c || !locator || !ops)
        return SQ_RC_MISUSE;
    const char *sql = clob ? "SELECT filetoclob(" LO_NAME ", 'client')" LO_FROM
                           : "SELECT filetoblob(" LO_NAME ", 'client')" LO_FROM;
    return lo_run(c, clob ? 3 : 2, sql, NULL, 0, ops, locator);
}
