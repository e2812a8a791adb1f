/* SPDX-License-Identifier: MIT */
/* sq_response.c - server-to-client message decoders of the protocol core
 * (doc §5-§7, PROTOCOL.md). Pure, bounded, restartable: they read only from
 * struct sq_rd, answer NEED_MORE with the cursor rewound to the message start,
 * check every count against sq_limits.h, and take layout decisions only from
 * the negotiated caps. Fixtures: tests/unit/test_sq_response.c. */
#include <string.h>

#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_limits.h"
#include "sq_opcodes.h"

void sq_caps_from_mask(struct sq_caps *caps, const uint8_t *mask, size_t n)
{
    memset(caps, 0, sizeof *caps);
    if (n > SQ_MAX_PROTO_MASK)
        n = SQ_MAX_PROTO_MASK;
    memcpy(caps->mask, mask, n);
    caps->mask_len = n;
#define SQ_BIT(byte, bit) ((byte) < n && (mask[(byte)] & (bit)) != 0)
    caps->pam = SQ_BIT(SQ_PROTO_PAM_BYTE, SQ_PROTO_PAM_BIT);
    caps->ext_describe = SQ_BIT(SQ_PROTO_EXTDESC_BYTE, SQ_PROTO_EXTDESC_BIT);
    caps->big_sql = SQ_BIT(SQ_PROTO_BIGSQL_BYTE, SQ_PROTO_BIGSQL_BIT);
    caps->large_tuple = SQ_BIT(SQ_PROTO_LARGETUPLE_BYTE, SQ_PROTO_LARGETUPLE_BIT);
    caps->long_rowid = SQ_BIT(SQ_PROTO_LONGROWID_BYTE, SQ_PROTO_LONGROWID_BIT);
#undef SQ_BIT
}

const char *sq_opcode_name(uint16_t op)
{
    switch (op) {
    case SQ_DESCRIBE:
        return "SQ_DESCRIBE";
    case SQ_EOT:
        return "SQ_EOT";
    case SQ_ERR:
        return "SQ_ERR";
    case SQ_TUPLE:
        return "SQ_TUPLE";
    case SQ_DONE:
        return "SQ_DONE";
    case SQ_TUPID:
        return "SQ_TUPID";
    case SQ_DBLIST:
        return "SQ_DBLIST";
    case SQ_COST:
        return "SQ_COST";
    case SQ_EXIT:
        return "SQ_EXIT";
    case SQ_INFO:
        return "SQ_INFO";
    case SQ_INSERTDONE:
        return "SQ_INSERTDONE";
    case SQ_XACTSTAT:
        return "SQ_XACTSTAT";
    case SQ_PROTOCOLS:
        return "SQ_PROTOCOLS";
    case SQ_BLOB:
        return "SQ_BLOB";
    case SQ_FILE:
        return "SQ_FILE";
    case SQ_FILE_WRITE:
        return "SQ_FILE_WRITE";
    default:
        return "SQ_?";
    }
}

/* Shorthands: on a short read, rewind and ask for more. */
/* i64 through the shared loader (avoids a false maybe-uninitialized warning
 * that sq_rd_u64 triggers under inlining). */
static bool rd_i64(struct sq_rd *rd, int64_t *v)
{
    const uint8_t *p;
    if (!sq_rd_bytes(rd, 8, &p))
        return false;
    *v = (int64_t)sq_load_u64(p);
    return true;
}

/* str16 whose length is checked against a limit before its bytes are awaited.
 * 1 ok, 0 short, -1 over the limit. */
static int rd_str16_max(struct sq_rd *rd, size_t max, const uint8_t **p, size_t *n)
{
    size_t save = rd->pos;
    uint16_t len;
    if (!sq_rd_u16(rd, &len))
        return 0;
    if (len > max)
        return -1;
    if (!sq_rd_bytes(rd, len, p) || !sq_rd_skip(rd, len & 1u)) {
        rd->pos = save;
        return 0;
    }
    *n = len;
    return 1;
}

#define NEED(expr)                                                                                 \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            rd->pos = start;                                                                       \
            return SQ_RC_NEED_MORE;                                                                \
        }                                                                                          \
    } while (0)

/* SQ_DESCRIBE (doc §7.3, PROTOCOL.md):
 *   u16 stmt_type, u16 id, u32 cost, u16 tuple_size, u16 nfields,
 *   u32 strtab_size if ext_describe else u16,
 *   nfields x column block:
 *     u32 field_index, u32 start_pos (u16 without ext_describe [U, NMAP]),
 *     u16 type, u32 xid, str16 owner, str16 xname, u16 reference, u16 alignment,
 *     u32 source_type, u32 encoded_length
 *   strtab_size bytes of NUL-terminated names, pad if odd.
 * Here only validated and located; sq_describe_apply() builds the columns. */
static enum sq_rc dec_describe(const struct sq_caps *caps, struct sq_rd *rd, size_t start,
                               struct sq_describe_view *d)
{
    NEED(sq_rd_u16(rd, &d->stmt_type) && sq_rd_u16(rd, &d->id) && sq_rd_u32(rd, &d->cost) &&
         sq_rd_u16(rd, &d->tuple_size) && sq_rd_u16(rd, &d->nfields));
    if (caps->ext_describe) {
        NEED(sq_rd_u32(rd, &d->strtab_size));
    } else {
        uint16_t s;
        NEED(sq_rd_u16(rd, &s));
        d->strtab_size = s;
    }
    if (d->nfields > SQ_MAX_COLUMNS || d->strtab_size > SQ_MAX_STRTAB)
        return SQ_RC_PROTOCOL;
    size_t cols_at = rd->pos;
    for (uint32_t i = 0; i < d->nfields; i++) {
        const uint8_t *s;
        size_t n1;
        NEED(sq_rd_skip(rd, caps->ext_describe ? 4 + 4 + 2 + 4 : 4 + 2 + 2 + 4));
        for (int k = 0; k < 2; k++) {
            int r = rd_str16_max(rd, SQ_MAX_NAME, &s, &n1);
            if (r < 0)
                return SQ_RC_PROTOCOL;
            NEED(r > 0);
        }
        NEED(sq_rd_skip(rd, 2 + 2 + 4 + 4));
    }
    d->cols = rd->p + cols_at;
    d->cols_len = rd->pos - cols_at;
    NEED(sq_rd_bytes(rd, d->strtab_size, &d->strtab));
    NEED(sq_rd_skip(rd, d->strtab_size & 1u));
    return SQ_RC_OK;
}

/* SQ_INFO from the server (doc §6.4, LIB) [U]: items u16 type, str16 data,
 * ended by type 0. Validated and ignored. */
static enum sq_rc dec_info(struct sq_rd *rd, size_t start)
{
    for (unsigned items = 0;; items++) {
        uint16_t type;
        const uint8_t *s;
        size_t n;
        NEED(sq_rd_u16(rd, &type));
        if (type == 0)
            return SQ_RC_OK;
        if (items >= SQ_MAX_ENV_VARS)
            return SQ_RC_PROTOCOL;
        NEED(sq_rd_str16(rd, &s, &n));
    }
}

/* SQ_DBLIST (doc §7.13) [L]: str16 names ended by an empty one. Validated and
 * ignored. TODO(2): hand the names out when a caller needs them. */
static enum sq_rc dec_dblist(struct sq_rd *rd, size_t start)
{
    for (unsigned items = 0;; items++) {
        const uint8_t *s;
        size_t n;
        int r = rd_str16_max(rd, SQ_MAX_NAME, &s, &n);
        if (r < 0 || items >= 65535u)
            return SQ_RC_PROTOCOL;
        NEED(r > 0);
        if (n == 0)
            return SQ_RC_OK;
    }
}

enum sq_rc sq_decode_msg(const struct sq_caps *caps, struct sq_rd *rd, struct sq_msg *m)
{
    size_t start = rd->pos;
    /* A whole TUPLE in the buffer, the message of every row, takes no detour
     * (the general case below is the same reading, step by step). */
    if (rd->len - rd->pos >= 8) {
        const uint8_t *h = rd->p + rd->pos;
        uint32_t n = sq_load_u32(h + 4);
        if (sq_load_u16(h) == SQ_TUPLE && n <= SQ_MAX_ROW_SIZE &&
            rd->len - rd->pos - 8 >= (size_t)n + (n & 1u)) {
            m->op = SQ_TUPLE;
            m->u.tuple.warnings = sq_load_u16(h + 2);
            m->u.tuple.p = h + 8;
            m->u.tuple.n = n;
            rd->pos += 8 + (size_t)n + (n & 1u);
            return SQ_RC_OK;
        }
    }
    NEED(sq_rd_u16(rd, &m->op));
    switch (m->op) {
    case SQ_EOT:
    case SQ_EXIT:
        return SQ_RC_OK;

    case SQ_TUPLE: {
        /* u16 warnings, u32 size, size bytes, pad if odd (doc §7.7). */
        uint16_t w;
        uint32_t n;
        NEED(sq_rd_u16(rd, &w) && sq_rd_u32(rd, &n));
        if (n > SQ_MAX_ROW_SIZE)
            return SQ_RC_PROTOCOL;
        const uint8_t *p;
        NEED(sq_rd_bytes(rd, n, &p) && sq_rd_skip(rd, n & 1u));
        m->u.tuple.warnings = w;
        m->u.tuple.p = p;
        m->u.tuple.n = n;
        return SQ_RC_OK;
    }

    case SQ_DONE: {
        /* u16 warnings, i32|i64 rows, i32|i64 rowid (long_rowid), i32 serial
         * (doc §7.10: 14 or 22 bytes; never peek for more). */
        uint16_t w;
        int64_t rows, rowid;
        int32_t serial;
        NEED(sq_rd_u16(rd, &w));
        if (caps->long_rowid) {
            NEED(rd_i64(rd, &rows) && rd_i64(rd, &rowid));
        } else {
            int32_t r32, id32;
            NEED(sq_rd_i32(rd, &r32) && sq_rd_i32(rd, &id32));
            rows = r32;
            rowid = id32;
        }
        NEED(sq_rd_i32(rd, &serial));
        m->u.done.warnings = w;
        m->u.done.rows = rows;
        m->u.done.rowid = rowid;
        m->u.done.serial = serial;
        return SQ_RC_OK;
    }

    case SQ_COST:
        /* i32 estimated rows, i32 estimated cost (field order is LIB's [U]). */
        NEED(sq_rd_i32(rd, &m->u.cost.est_rows) && sq_rd_i32(rd, &m->u.cost.est_cost));
        return SQ_RC_OK;

    case SQ_INSERTDONE: {
        /* 10-byte INT8 SERIAL8, then i64 BIGSERIAL only with long_rowid
         * (doc §17.3, PROTOCOL.md: 10 or 18 bytes by caps). */
        const uint8_t *p;
        int64_t big = 0;
        NEED(sq_rd_bytes(rd, 10, &p));
        if (caps->long_rowid)
            NEED(rd_i64(rd, &big));
        bool is_null = false;
        int64_t v = 0;
        if (sq_int8_from_wire(p, 10, &v, &is_null) != SQ_RC_OK)
            return SQ_RC_PROTOCOL;
        m->u.insertdone.serial8_null = is_null;
        m->u.insertdone.serial8 = is_null ? 0 : v;
        m->u.insertdone.bigserial = big;
        return SQ_RC_OK;
    }

    case SQ_XACTSTAT:
        /* u16 event, u16 new level, u16 old level (6 bytes, doc §7.10). */
        NEED(sq_rd_u16(rd, &m->u.xactstat.event) && sq_rd_u16(rd, &m->u.xactstat.new_level) &&
             sq_rd_u16(rd, &m->u.xactstat.old_level));
        return SQ_RC_OK;

    case SQ_ERR: {
        /* i16 sqlcode, i16 isam, u16|u32 offset (big_sql), str16 text (doc §7.11).
         * LIB's special layouts for -368/-619/SQLSTATE are [U] and not used. */
        int16_t code, isam;
        uint32_t off;
        NEED(sq_rd_i16(rd, &code) && sq_rd_i16(rd, &isam));
        if (caps->big_sql) {
            NEED(sq_rd_u32(rd, &off));
        } else {
            uint16_t o16;
            NEED(sq_rd_u16(rd, &o16));
            off = o16;
        }
        const uint8_t *t;
        size_t tn;
        int r = rd_str16_max(rd, SQ_MAX_ERRTEXT, &t, &tn);
        if (r < 0)
            return SQ_RC_PROTOCOL;
        NEED(r > 0);
        m->u.err.sqlcode = code;
        m->u.err.isam = isam;
        m->u.err.offset = off;
        m->u.err.text = t;
        m->u.err.text_len = tn;
        return SQ_RC_OK;
    }

    case SQ_BLOB:
        /* str16 chunk + pad; an empty chunk ends the value (doc §9.7, V20). */
        NEED(sq_rd_str16(rd, &m->u.blob.p, &m->u.blob.n));
        return SQ_RC_OK;

    case SQ_FILE:
        /* A client file request (doc §9.8 [L]; widths of open ours:
         * PROTOCOL.md "Smart LOBs"): u16 optype, then per optype
         * open: str16 name, i32 mode, i32 flags, i32 offset; read: u16
         * bufsize, i32 amount; close, write: nothing. */
        NEED(sq_rd_u16(rd, &m->u.file.optype));
        switch (m->u.file.optype) {
        case SQ_FILE_OPEN:
            NEED(sq_rd_str16(rd, &m->u.file.name, &m->u.file.name_n));
            NEED(sq_rd_i32(rd, &m->u.file.mode));
            NEED(sq_rd_i32(rd, &m->u.file.flags));
            NEED(sq_rd_i32(rd, &m->u.file.offset));
            return SQ_RC_OK;
        case SQ_FILE_READREQ:
            NEED(sq_rd_u16(rd, &m->u.file.bufsize));
            NEED(sq_rd_i32(rd, &m->u.file.amount));
            return SQ_RC_OK;
        case SQ_FILE_CLOSE:
        case SQ_FILE_WRITEREQ:
            return SQ_RC_OK;
        default:
            return SQ_RC_PROTOCOL;
        }

    case SQ_FILE_WRITE:
        /* str16 chunk of a client file being written (doc §9.8 [L]). */
        NEED(sq_rd_str16(rd, &m->u.blob.p, &m->u.blob.n));
        return SQ_RC_OK;

    case SQ_TUPID:
        /* i32 1-based row position (doc §7.8 [U] width, PROTOCOL.md: i32). */
        NEED(sq_rd_i32(rd, &m->u.tupid));
        return SQ_RC_OK;

    case SQ_DESCRIBE:
        return dec_describe(caps, rd, start, &m->u.describe);

    case SQ_PROTOCOLS: {
        /* u16 n, n bytes, pad (doc §5.1). */
        uint16_t n;
        const uint8_t *p;
        NEED(sq_rd_u16(rd, &n));
        if (n > SQ_MAX_PROTO_MASK)
            return SQ_RC_PROTOCOL;
        NEED(sq_rd_bytes(rd, n, &p) && sq_rd_skip(rd, n & 1u));
        m->u.protocols.mask = p;
        m->u.protocols.n = n;
        return SQ_RC_OK;
    }

    case SQ_INFO:
        return dec_info(rd, start);

    case SQ_DBLIST:
        return dec_dblist(rd, start);

    default:
        /* No length prefix: an unknown opcode makes the stream unreadable. */
        return SQ_RC_PROTOCOL;
    }
}

/* Copy a NUL-terminated name starting at strtab[off]; PROTOCOL if it is not
 * terminated inside the table. */
static bool name_at(const struct sq_describe_view *d, uint32_t off, size_t *len)
{
    if (d->strtab_size == 0) {
        *len = 0; /* no string table: unnamed columns (V15 mock style) */
        return true;
    }
    if (off >= d->strtab_size)
        return false;
    const void *nul = memchr(d->strtab + off, 0, d->strtab_size - off);
    if (!nul)
        return false;
    *len = (size_t)((const uint8_t *)nul - (d->strtab + off));
    return true;
}

enum sq_rc sq_describe_apply(const struct sq_caps *caps, const struct sq_describe_view *d,
                             struct sq_stmt *st)
{
    size_t n = d->nfields;
    /* Storage: each name and xname NUL-terminated, plus one shared "". */
    size_t need = d->strtab_size + 1;
    struct sq_rd rd;
    struct {
        uint32_t fidx;
        uint16_t type;
        uint32_t xid;
        const uint8_t *xname;
        size_t xname_len;
        uint32_t src, enc;
    } c;

    for (int pass = 0; pass < 2; pass++) {
        sq_rd_init(&rd, d->cols, d->cols_len);
        char *w = NULL;
        struct sq_coldesc *cols = NULL;
        if (pass == 1) {
            cols = n ? sq_calloc(n, sizeof *cols) : NULL;
            char *names = sq_malloc(need);
            if ((n && !cols) || !names) {
                sq_free(cols);
                sq_free(names);
                return SQ_RC_NOMEM;
            }
            sq_free(st->cols);
            sq_free(st->names);
            sq_free(st->spans);
            sq_free(st->fixw);
            st->spans = n ? sq_calloc(n, sizeof *st->spans) : NULL;
            st->fixw = n ? sq_calloc(n, sizeof *st->fixw) : NULL;
            st->cols = cols;
            st->names = names;
            st->ncols = n;
            if (n && (!st->spans || !st->fixw)) {
                st->ncols = 0;
                return SQ_RC_NOMEM;
            }
            names[0] = '\0';
            w = names + 1;
        }
        for (size_t i = 0; i < n; i++) {
            const uint8_t *owner;
            size_t owner_len;
            uint16_t u16;
            uint32_t u32;
            bool ok = sq_rd_u32(&rd, &c.fidx);
            if (caps->ext_describe)
                ok = ok && sq_rd_u32(&rd, &u32);
            else
                ok = ok && sq_rd_u16(&rd, &u16);
            ok = ok && sq_rd_u16(&rd, &c.type) && sq_rd_u32(&rd, &c.xid) &&
                 sq_rd_str16(&rd, &owner, &owner_len) && sq_rd_str16(&rd, &c.xname, &c.xname_len) &&
                 sq_rd_u16(&rd, &u16) && sq_rd_u16(&rd, &u16) && sq_rd_u32(&rd, &c.src) &&
                 sq_rd_u32(&rd, &c.enc);
            if (!ok)
                return SQ_RC_PROTOCOL; /* validated by the decoder; cannot happen */
            size_t nlen;
            if (!name_at(d, c.fidx, &nlen))
                return SQ_RC_PROTOCOL;
            if (pass == 0) {
                need += nlen + 1 + c.xname_len + 1;
                continue;
            }
            struct sq_coldesc *col = &cols[i];
            col->name = w;
            if (nlen)
                memcpy(w, d->strtab + c.fidx, nlen);
            w[nlen] = '\0';
            w += nlen + 1;
            col->xname = w;
            if (c.xname_len)
                memcpy(w, c.xname, c.xname_len);
            w[c.xname_len] = '\0';
            w += c.xname_len + 1;
            col->type = c.type;
            col->xid = c.xid;
            col->source_type = c.src;
            col->enc_len = c.enc;
            sq_coldesc_resolve(col);
        }
    }
    st->id = d->id;
    st->type = d->stmt_type;
    st->cost = d->cost;
    st->tuple_size = d->tuple_size;
    return SQ_RC_OK;
}
