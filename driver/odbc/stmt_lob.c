/* SPDX-License-Identifier: MIT */
/* stmt_lob.c - BYTE and TEXT through ODBC (docs/large-objects.md).
 *
 * Reading. A row carries only the 56-byte descriptor; SQLGetData and bound
 * columns pull the value from the server with SQ_FETCHBLOB (sq_blob.h) one
 * chunk at a time, converting on the way: SQL_C_BINARY and SQL_C_CHAR of TEXT
 * get the bytes, SQL_C_CHAR of BYTE two hex digits per byte, SQL_C_WCHAR of
 * TEXT UTF-16 (never splitting a surrogate pair), SQL_C_WCHAR of BYTE hex in
 * UTF-16. Only the current chunk (at most 64 KiB) is held. While data remain
 * the call returns 01004 with *ind = what remains before the call: exact for
 * bytes and hex (the descriptor gives the size), SQL_NO_TOTAL for UTF-16 (the
 * count of code units is not known before the text is read). Another request
 * on the connection in between drains the stream (sq_conn_flush); the next
 * SQLGetData then asks again and skips what was already received (the cursor
 * is still open, so the descriptor is still good). Hex output is cut at whole
 * bytes, so a piece may be one character shorter than the buffer allows,
 * except that a buffer with room for a single digit gets one digit per call.
 *
 * Writing. BYTE/TEXT parameters (conv_lob_type) go as descriptor blocks in
 * SQ_BIND followed by SQ_BBIND and the SQ_BLOB chunks (sq_lobexec_*). Values
 * in bound buffers are sent from the application's buffer. A data-at-execution
 * value whose length is declared (SQL_LEN_DATA_AT_EXEC(n), as
 * SQL_NEED_LONG_DATA_LEN = "Y" asks for) of C type BINARY (or CHAR for TEXT)
 * is streamed: each SQLPutData piece goes to the wire, so the value is never
 * held; its parameters are asked for after all the others (ODBC leaves the
 * order to the driver), because the BIND, which precedes the data, must carry
 * every other value. Less or more data than declared is 22026 and the
 * statement is not executed. Without a declared length the pieces go to an
 * anonymous temporary file, sent at execution; SQL_C_WCHAR values are
 * collected in memory, as for any other type. */
#include "stmt.h"

#include <stdio.h>
#include <string.h>

#include "dbc.h"
#include "sq_alloc.h"
#include "sq_blob.h"
#include "sq_types.h"

enum { LOB_RAW, LOB_HEX, LOB_UTF16, LOB_HEX16 };

static const char hexdig[] = "0123456789ABCDEF";

bool stmt_lob_is_col(const struct sq_coldesc *cd)
{
    return cd && (cd->kind == SQ_K_BYTE || cd->kind == SQ_K_TEXT || cd->kind == SQ_K_BLOB ||
                  cd->kind == SQ_K_CLOB);
}

static const char *lob_name(const struct sq_coldesc *cd)
{
    switch (cd->kind) {
    case SQ_K_BYTE:
        return "BYTE";
    case SQ_K_TEXT:
        return "TEXT";
    case SQ_K_BLOB:
        return "BLOB";
    default:
        return "CLOB";
    }
}

void stmt_lob_rd_reset(struct stmt *s)
{
    struct lob_rd *L = &s->lob;
    stmt_lob_spool_free(&L->sp);
    charset_lob_xcode_fini(&L->xc);
    uint8_t *buf = L->buf;
    size_t cap = L->buf_cap;
    memset(L, 0, sizeof *L);
    L->buf = buf;
    L->buf_cap = cap;
}

void stmt_lob_free(struct stmt *s)
{
    stmt_lob_spool_free(&s->lob.sp);
    charset_lob_xcode_fini(&s->lob.xc);
    sq_free(s->lob.buf);
    memset(&s->lob, 0, sizeof s->lob);
}

/* Bytes of the UTF-8 sequence that starts with b (1 for anything invalid:
 * conv_utf8_next turns it into U+FFFD). */
static size_t utf8_len(uint8_t b)
{
    if (b < 0xC2)
        return 1;
    if (b < 0xE0)
        return 2;
    if (b < 0xF0)
        return 3;
    if (b < 0xF5)
        return 4;
    return 1;
}

/* Make room and append n bytes to the unconverted tail of the buffer. */
static bool buf_add(struct lob_rd *L, const uint8_t *p, size_t n)
{
    if (L->buf_off > 0) {
        memmove(L->buf, L->buf + L->buf_off, L->buf_n - L->buf_off);
        L->buf_n -= L->buf_off;
        L->buf_off = 0;
    }
    if (L->buf_n + n > L->buf_cap) {
        size_t cap = L->buf_n + n < 65536 + 8 ? 65536 + 8 : L->buf_n + n;
        uint8_t *b = sq_realloc(L->buf, cap);
        if (!b)
            return false;
        L->buf = b;
        L->buf_cap = cap;
    }
    memcpy(L->buf + L->buf_n, p, n);
    L->buf_n += n;
    return true;
}

/* A chunk of source into the buffer, converted to UTF-8 first for TEXT/CLOB
 * in a non-UTF-8 database (last: no chunk follows). */
static SQLRETURN add_src(struct stmt *s, struct lob_rd *L, const uint8_t *p, size_t n, bool last)
{
    if (L->xcode) {
        if (charset_lob_in(s, &L->xc, p, n, last, &p, &n) != SQL_SUCCESS)
            return SQL_ERROR;
    }
    if (n && !buf_add(L, p, n))
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    return SQL_SUCCESS;
}

/* Get the next chunk into the buffer. SQL_SUCCESS (src_done may now be set),
 * or SQL_ERROR with a diagnostic. */
static SQLRETURN pull(struct stmt *s, struct lob_rd *L)
{
    if (L->smart) {
        /* BLOB/CLOB: the next chunk of the spool lotofile filled. */
        uint8_t chunk[16384];
        size_t got;
        if (stmt_smartlob_pull(s, &L->sp, chunk, sizeof chunk, &got) != SQL_SUCCESS)
            return SQL_ERROR;
        L->received += got;
        if (L->sp.rd >= L->sp.n)
            L->src_done = true;
        return add_src(s, L, chunk, got, L->src_done);
    }
    struct sq_conn *w = dbc_wire(s->dbc);
    if (!w || !s->sq)
        return diag_add(&s->hdr, DIAG_08003, NULL);
    if (L->opened && (!sq_blob_reading(w) || sq_blob_serial(w) != L->serial)) {
        /* Our stream was drained by another request: ask again and skip. */
        L->opened = false;
        L->skip = L->received;
        L->received = 0;
    }
    if (!L->opened) {
        stmt_deadline_arm(s);
        enum sq_rc r = sq_blob_open(s->sq, L->desc, sizeof L->desc);
        stmt_deadline_disarm(s);
        if (r == SQ_RC_MISUSE)
            return diag_add(&s->hdr, DIAG_HY010, "the cursor of this BYTE/TEXT value is closed");
        if (r != SQ_RC_OK)
            return stmt_wire_error(s, r);
        L->opened = true;
        L->serial = sq_blob_serial(w);
    }
    for (;;) {
        const uint8_t *p;
        size_t n;
        stmt_deadline_arm(s);
        enum sq_rc r = sq_blob_read(w, &p, &n);
        stmt_deadline_disarm(s);
        if (r == SQ_RC_NO_DATA) {
            L->src_done = true;
            L->opened = false;
            if (L->received + L->skip < L->total)
                return diag_add(
                    &s->hdr, DIAG_HY000, "BYTE/TEXT value ended after %llu of %llu bytes",
                    (unsigned long long)(L->received + L->skip), (unsigned long long)L->total);
            return L->xcode && L->xc.carry_n ? add_src(s, L, NULL, 0, true) : SQL_SUCCESS;
        }
        if (r != SQ_RC_OK) {
            L->opened = false;
            return stmt_wire_error(s, r);
        }
        L->received += n;
        if (L->skip >= n) {
            L->skip -= n;
            continue;
        }
        p += L->skip;
        n -= (size_t)L->skip;
        L->skip = 0;
        return add_src(s, L, p, n, L->received >= L->total);
    }
}

/* Convert buffered source into out[*w..avail). Stops when the buffer needs
 * more source (or, for UTF-16, a whole sequence is not there yet). */
static void convert(struct lob_rd *L, uint8_t *out, size_t avail, size_t *w)
{
    if (L->hex_pend) {
        /* a buffer too small for a whole byte's digits got only the high one */
        size_t half = L->kind == LOB_HEX ? 1 : 2;
        if (avail - *w < half)
            return;
        out[*w] = L->hex_lo;
        if (half == 2)
            out[*w + 1] = 0;
        *w += half;
        L->emitted += half;
        L->hex_pend = false;
    }
    while (L->buf_off < L->buf_n && *w < avail) {
        const uint8_t *p = L->buf + L->buf_off;
        size_t have = L->buf_n - L->buf_off;
        switch (L->kind) {
        case LOB_RAW: {
            size_t k = avail - *w < have ? avail - *w : have;
            memcpy(out + *w, p, k);
            *w += k;
            L->buf_off += k;
            L->consumed += k;
            L->emitted += k;
            break;
        }
        case LOB_HEX:
        case LOB_HEX16: {
            size_t per = L->kind == LOB_HEX ? 2 : 4;
            size_t k = (avail - *w) / per;
            if (k == 0) {
                /* room for one digit: the high one now, the low one next call */
                out[*w] = (uint8_t)hexdig[p[0] >> 4];
                if (per == 4)
                    out[*w + 1] = 0;
                *w += per / 2;
                L->hex_lo = (uint8_t)hexdig[p[0] & 0xF];
                L->hex_pend = true;
                L->buf_off++;
                L->consumed++;
                L->emitted += per / 2;
                return;
            }
            if (k > have)
                k = have;
            for (size_t j = 0; j < k; j++) {
                uint8_t hi = (uint8_t)hexdig[p[j] >> 4], lo = (uint8_t)hexdig[p[j] & 0xF];
                if (per == 2) {
                    out[*w] = hi;
                    out[*w + 1] = lo;
                } else {
                    out[*w] = hi;
                    out[*w + 1] = 0;
                    out[*w + 2] = lo;
                    out[*w + 3] = 0;
                }
                *w += per;
            }
            L->buf_off += k;
            L->consumed += k;
            L->emitted += k * per;
            break;
        }
        default: { /* LOB_UTF16 */
            size_t need = utf8_len(p[0]);
            if (have < need && (L->xcode ? !L->src_done : L->consumed + have < L->total))
                return; /* the rest of the sequence is in the next chunk */
            uint32_t cp;
            size_t used = conv_utf8_next(p, have, &cp);
            size_t units = cp >= 0x10000 ? 4u : 2u;
            if (*w + units > avail)
                return;
            if (units == 2) {
                out[*w] = (uint8_t)(cp & 0xFF);
                out[*w + 1] = (uint8_t)(cp >> 8);
            } else {
                uint32_t c = cp - 0x10000, hi = 0xD800u + (c >> 10), lo = 0xDC00u + (c & 0x3FF);
                out[*w] = (uint8_t)(hi & 0xFF);
                out[*w + 1] = (uint8_t)(hi >> 8);
                out[*w + 2] = (uint8_t)(lo & 0xFF);
                out[*w + 3] = (uint8_t)(lo >> 8);
            }
            *w += units;
            L->buf_off += used;
            L->consumed += used;
            L->emitted += units;
            break;
        }
        }
    }
}

/* Every byte of the value was converted (the stream's empty chunk and EOT
 * may still be unread: the next request drains them). */
static bool all_out(const struct lob_rd *L)
{
    if (L->xcode) /* consumed counts UTF-8 bytes, total source bytes */
        return L->src_done && L->buf_off == L->buf_n;
    return L->consumed >= L->total && !L->hex_pend;
}

/* Output bytes still to come, or -1 when not known (UTF-16). */
static int64_t remaining(const struct lob_rd *L)
{
    if (L->xcode)
        return all_out(L) ? 0 : -1;
    uint64_t left = L->total - L->consumed;
    switch (L->kind) {
    case LOB_RAW:
        return (int64_t)left;
    case LOB_HEX:
        return (int64_t)(2 * left + (L->hex_pend ? 1 : 0));
    case LOB_HEX16:
        return (int64_t)(4 * left + (L->hex_pend ? 2 : 0));
    default:
        return all_out(L) ? 0 : -1;
    }
}

/* Start reading column col's value (v: its descriptor) as c_type. */
static SQLRETURN start(struct stmt *s, SQLUSMALLINT col, const struct sq_coldesc *cd,
                       const struct sq_value *v, SQLSMALLINT c_type)
{
    struct lob_rd *L = &s->lob;
    stmt_lob_rd_reset(s);
    bool text = cd->kind == SQ_K_TEXT || cd->kind == SQ_K_CLOB;
    bool smart = cd->kind == SQ_K_BLOB || cd->kind == SQ_K_CLOB;
    switch (c_type) {
    case SQL_C_BINARY:
        L->kind = LOB_RAW;
        break;
    case SQL_C_CHAR:
        L->kind = text ? LOB_RAW : LOB_HEX;
        break;
    case SQL_C_WCHAR:
        L->kind = text ? LOB_UTF16 : LOB_HEX16;
        break;
    default:
        return diag_add(&s->hdr, DIAG_07006,
                        "a %s value converts only to SQL_C_BINARY, "
                        "SQL_C_CHAR or SQL_C_WCHAR",
                        lob_name(cd));
    }
    L->xcode = text && s->dbc->csc && c_type != SQL_C_BINARY; /* binary: the stored bytes */
    if (smart) {
        if (!v->u.s.p || v->u.s.n != SQ_LO_LOCATOR_SIZE)
            return diag_add(&s->hdr, DIAG_HY000, "malformed %s locator", lob_name(cd));
        SQLRETURN rc = stmt_smartlob_fetch(s, cd, v->u.s.p, &L->sp);
        if (rc != SQL_SUCCESS)
            return rc;
        L->smart = true;
        L->total = L->sp.n;
    } else {
        if (!v->u.s.p || v->u.s.n != SQ_BLOB_DESCRIPTOR_SIZE)
            return diag_add(&s->hdr, DIAG_HY000, "malformed BYTE/TEXT descriptor");
        memcpy(L->desc, v->u.s.p, sizeof L->desc);
        L->total = sq_blob_desc_size(L->desc);
    }
    L->active = true;
    L->col = col;
    L->row_no = s->rows_fetched;
    L->c_type = c_type;
    L->src_done = L->total == 0; /* nothing to ask the server for */
    return SQL_SUCCESS;
}

/* A NULL large object: SQL_NULL_DATA, or 22002 without an indicator. */
static SQLRETURN null_out(struct stmt *s, SQLLEN *ind, SQLLEN diag_row, SQLUSMALLINT col)
{
    if (!ind)
        return diag_from_conv(&s->hdr, CONV_NULL_NO_INDICATOR, diag_row, (SQLINTEGER)col);
    *ind = SQL_NULL_DATA;
    return SQL_SUCCESS;
}

/* One piece into t->buf. final: SQL_SUCCESS and this is the last piece.
 * SQL_SUCCESS_WITH_INFO (01004) when more remains. */
static SQLRETURN piece(struct stmt *s, const struct conv_target *t, SQLLEN *ind, SQLLEN diag_row,
                       SQLUSMALLINT col)
{
    struct lob_rd *L = &s->lob;
    size_t term, avail;
    uint8_t *out = conv_piece_room(t, L->c_type, &avail, &term);
    int64_t before = remaining(L);
    size_t w = 0;
    while (out && !all_out(L)) {
        convert(L, out, avail, &w);
        if (all_out(L) || w >= avail)
            break;
        /* convert stopped early: the buffer is empty, a UTF-8 sequence
         * continues in the next chunk, or the next unit does not fit. */
        bool need_src =
            L->buf_off == L->buf_n ||
            (L->kind == LOB_UTF16 && L->buf_n - L->buf_off < utf8_len(L->buf[L->buf_off]));
        if (!need_src || L->src_done)
            break;
        SQLRETURN rc = pull(s, L);
        if (rc == SQL_ERROR)
            return rc;
    }
    if (out)
        memset(out + w, 0, term);
    /* UTF-16 at its end: the total of this last piece is exact. */
    if (before < 0 && all_out(L))
        before = (int64_t)w;
    if (ind)
        *ind = before < 0 ? SQL_NO_TOTAL : (SQLLEN)before;
    if (all_out(L)) {
        L->finished = true;
        return SQL_SUCCESS;
    }
    return diag_from_conv(&s->hdr, CONV_TRUNCATED, diag_row, (SQLINTEGER)col);
}

SQLRETURN stmt_lob_getdata(struct stmt *s, SQLUSMALLINT col, const struct sq_coldesc *cd,
                           const struct sq_value *v, const struct conv_target *t, SQLLEN *ind)
{
    struct lob_rd *L = &s->lob;
    SQLLEN diag_row = (SQLLEN)s->rows_fetched;
    bool same = L->active && L->col == col && L->row_no == s->rows_fetched;
    if (same && L->finished)
        return SQL_NO_DATA;
    if (same && L->c_type != t->c_type)
        return diag_add(&s->hdr, DIAG_07006, "the C type changed between SQLGetData calls");
    if (!same) {
        if (v->is_null) {
            stmt_lob_rd_reset(s);
            L->active = true;
            L->col = col;
            L->row_no = s->rows_fetched;
            L->finished = true;
            return null_out(s, ind, diag_row, col);
        }
        SQLRETURN rc = start(s, col, cd, v, t->c_type);
        if (rc != SQL_SUCCESS)
            return rc;
    }
    return piece(s, t, ind, diag_row, col);
}

SQLRETURN stmt_lob_bound(struct stmt *s, SQLUSMALLINT col, const struct sq_coldesc *cd,
                         const struct sq_value *v, const struct conv_target *t, SQLLEN *ind,
                         SQLLEN diag_row)
{
    if (v->is_null)
        return null_out(s, ind, diag_row, col);
    SQLRETURN rc = start(s, col, cd, v, t->c_type);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = piece(s, t, ind, diag_row, col);
    /* The application sees only this piece: drop the rest of the stream (the
     * next request would do it anyway) and forget the reader, so an
     * SQLGetData of the column starts from the beginning. */
    struct sq_conn *w = dbc_wire(s->dbc);
    if (w && s->lob.opened && sq_blob_reading(w) && sq_blob_serial(w) == s->lob.serial)
        (void)sq_blob_abort(w);
    stmt_lob_rd_reset(s);
    return rc;
}

/* ---- writing ---------------------------------------------------------------- */

void stmt_lob_abandon(struct stmt *s)
{
    if (!s->lobw.begun)
        return;
    struct sq_conn *w = dbc_wire(s->dbc);
    if (s->sq && w && sq_lobexec_active(w))
        (void)sq_lobexec_finish(s->sq, false); /* nothing is executed */
    memset(&s->lobw, 0, sizeof s->lobw);
}

/* Send the BYTE/TEXT values of s->params from lobw.next on: in-memory ones
 * whole, and stop at the next one the application streams (SQL_NEED_DATA,
 * s->dae_param set). SQL_SUCCESS with *r = the execution's outcome when all
 * were sent (then the group is finished and its reply read). */
SQLRETURN stmt_lob_step(struct stmt *s, size_t n, enum sq_rc *r)
{
    struct lob_wr *W = &s->lobw;
    *r = SQ_RC_OK;
    if (!W->begun) {
        *r = sq_lobexec_begin(s->sq, s->params, n);
        if (*r != SQ_RC_OK)
            return SQL_SUCCESS;
        memset(W, 0, sizeof *W);
        W->begun = true;
    } else if (W->cur) {
        /* The streamed parameter W->cur is complete (SQLParamData). */
        if (W->put != W->declared) {
            uint64_t put = W->put, decl = W->declared;
            stmt_lob_abandon(s);
            return diag_add(&s->hdr, DIAG_22026,
                            "parameter %zu: %llu bytes given for a declared length of %llu",
                            (size_t)(W->cur), (unsigned long long)put, (unsigned long long)decl);
        }
        *r = sq_lobexec_end(s->sq);
        W->cur = 0;
        W->next++;
        if (*r != SQ_RC_OK) {
            memset(W, 0, sizeof *W);
            return SQL_SUCCESS;
        }
    }
    while (W->next < n) {
        const struct sq_param *p = &s->params[W->next];
        if (p->is_null || (p->type != SQ_T_BYTE && p->type != SQ_T_TEXT)) {
            W->next++;
            continue;
        }
        if (s->dae && s->dae[W->next].lob_spool && s->dae[W->next].spool) {
            /* spooled value: read back from its file in pieces */
            FILE *f = s->dae[W->next].spool;
            const size_t cap = 65536;
            uint8_t *piece = sq_malloc(cap);
            uint64_t left = p->u.lob.n;
            if (!piece) {
                stmt_lob_abandon(s);
                return diag_add(&s->hdr, DIAG_HY001, NULL);
            }
            rewind(f);
            while (*r == SQ_RC_OK && left > 0) {
                size_t k = left < cap ? (size_t)left : cap;
                if (fread(piece, 1, k, f) != k) {
                    sq_free(piece);
                    stmt_lob_abandon(s);
                    return diag_add(&s->hdr, DIAG_HY000,
                                    "cannot read back parameter %zu from its temporary file",
                                    W->next + 1);
                }
                *r = sq_lobexec_put(s->sq, piece, k);
                left -= k;
            }
            sq_free(piece);
            if (*r == SQ_RC_OK)
                *r = sq_lobexec_end(s->sq);
            if (*r != SQ_RC_OK) {
                memset(W, 0, sizeof *W);
                return SQL_SUCCESS;
            }
            W->next++;
            continue;
        }
        if (s->dae && s->dae[W->next].lob_stream) {
            W->cur = W->next + 1;
            W->put = 0;
            W->declared = p->u.lob.n;
            s->dae_param = W->cur;
            return SQL_NEED_DATA;
        }
        if (p->u.lob.n)
            *r = sq_lobexec_put(s->sq, p->u.lob.p, (size_t)p->u.lob.n);
        if (*r == SQ_RC_OK)
            *r = sq_lobexec_end(s->sq);
        if (*r != SQ_RC_OK) {
            memset(W, 0, sizeof *W);
            return SQL_SUCCESS;
        }
        W->next++;
    }
    *r = sq_lobexec_finish(s->sq, true);
    memset(W, 0, sizeof *W);
    return SQL_SUCCESS;
}

SQLRETURN stmt_lob_put(struct stmt *s, const void *data, SQLLEN len)
{
    struct lob_wr *W = &s->lobw;
    const struct desc_rec *a = &s->apd->recs[W->cur];
    if (len == SQL_NULL_DATA) {
        stmt_lob_abandon(s);
        return diag_add(&s->hdr, DIAG_22026,
                        "NULL for a BYTE/TEXT parameter whose length "
                        "was declared with SQL_LEN_DATA_AT_EXEC");
    }
    size_t n;
    if (len == SQL_NTS) {
        if (!data || a->concise_type == SQL_C_BINARY) {
            stmt_lob_abandon(s);
            return diag_add(&s->hdr, a->concise_type == SQL_C_BINARY ? DIAG_HY090 : DIAG_HY009,
                            NULL);
        }
        n = strlen(data);
    } else if (len < 0) {
        stmt_lob_abandon(s);
        return diag_add(&s->hdr, DIAG_HY090, NULL);
    } else {
        n = (size_t)len;
    }
    if (n && !data) {
        stmt_lob_abandon(s);
        return diag_add(&s->hdr, DIAG_HY009, NULL);
    }
    if (n > W->declared - W->put) {
        uint64_t decl = W->declared;
        size_t cur = W->cur;
        stmt_lob_abandon(s);
        return diag_add(&s->hdr, DIAG_22026,
                        "parameter %zu: more data than its declared length of %llu bytes", cur,
                        (unsigned long long)decl);
    }
    if (n == 0)
        return SQL_SUCCESS;
    stmt_deadline_arm(s);
    enum sq_rc r = sq_lobexec_put(s->sq, data, n);
    stmt_deadline_disarm(s);
    if (r != SQ_RC_OK) {
        memset(W, 0, sizeof *W);
        return stmt_wire_error(s, r);
    }
    W->put += n;
    return SQL_SUCCESS;
}

void stmt_lob_spool_close(struct dae_buf *b)
{
    if (b->spool)
        fclose(b->spool);
    b->spool = NULL;
}

SQLRETURN stmt_lob_spool_put(struct stmt *s, struct dae_buf *b, const void *data, size_t n)
{
    if (!b->spool) {
        b->spool = tmpfile(); /* unlinked at once: nothing is left behind */
        if (!b->spool)
            return diag_add(&s->hdr, DIAG_HY001,
                            "cannot create a temporary file for a BYTE/TEXT parameter");
        b->len = 0;
    }
    if (n && fwrite(data, 1, n, b->spool) != n)
        return diag_add(&s->hdr, DIAG_HY001,
                        "cannot write a BYTE/TEXT parameter to its temporary file");
    b->len += n;
    b->given = true;
    return SQL_SUCCESS;
}

SQLRETURN stmt_lob_spool_put_wide(struct stmt *s, struct dae_buf *b, const void *data, size_t n,
                                  bool final)
{
    const uint8_t *p = data;
    size_t cn = b->wcarry_n, avail = cn + n, k = 0, o = 0;
    uint8_t out[4096 + 8];
#define WBYTE(i) ((i) < cn ? b->wcarry[(i)] : p[(i) - cn])
    SQLRETURN rc = stmt_lob_spool_put(s, b, NULL, 0); /* the spool exists, given */
    while (rc == SQL_SUCCESS && avail - k >= 2) {
        uint32_t u = (uint32_t)WBYTE(k) | (uint32_t)WBYTE(k + 1) << 8, cp = u;
        size_t used = 2;
        if (u >= 0xD800 && u < 0xDC00) {
            if (avail - k < 4 && !final)
                break; /* its low surrogate is in the next piece */
            uint32_t u2 = avail - k >= 4 ? (uint32_t)WBYTE(k + 2) | (uint32_t)WBYTE(k + 3) << 8 : 0;
            if (u2 >= 0xDC00 && u2 < 0xE000) {
                cp = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
                used = 4;
            } else {
                cp = 0xFFFD;
            }
        } else if (u >= 0xDC00 && u < 0xE000) {
            cp = 0xFFFD; /* a lone low surrogate, as conv_from_c treats it */
        }
        o += enc_utf8_put(cp, (char *)out + o);
        k += used;
        if (o >= 4096) {
            rc = stmt_lob_spool_put(s, b, out, o);
            o = 0;
        }
    }
    if (rc == SQL_SUCCESS && final && avail - k == 1) {
        out[o++] = 0xEF, out[o++] = 0xBF, out[o++] = 0xBD; /* half a code unit */
        k = avail;
    }
    if (rc == SQL_SUCCESS && o)
        rc = stmt_lob_spool_put(s, b, out, o);
    if (rc == SQL_SUCCESS) {
        uint8_t keep[3];
        size_t kn = avail - k;
        for (size_t j = 0; j < kn; j++)
            keep[j] = WBYTE(k + j);
        memcpy(b->wcarry, keep, kn);
        b->wcarry_n = (uint8_t)kn;
    }
#undef WBYTE
    return rc;
}
