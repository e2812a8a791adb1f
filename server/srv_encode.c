/* SPDX-License-Identifier: MIT */
/* srv_encode.c - ifxlite's server->client message encoders (doc §5, §7,
 * PROTOCOL.md), on sq_wr. Field widths follow the negotiated capabilities
 * only. Written independently of the driver's response decoders; pinned by
 * byte-exact vectors in tests/unit/test_srv_encode.c. */
#include "srv_proto.h"

#include <string.h>

#include "sq_opcodes.h"
#include "sq_types.h"
#include "sq_wr.h"

void srv_caps_grant(const struct srv_profile *prof, const uint8_t *mask, size_t n, uint8_t *out,
                    struct srv_caps *caps)
{
    if (prof->proto == SRV_PROTO_ZERO) {
        memset(out, 0, n);
    } else {
        memcpy(out, mask, n);
        if (n > SQ_PROTO_PAM_BYTE)
            out[SQ_PROTO_PAM_BYTE] &= (uint8_t)~SQ_PROTO_PAM_BIT;
        if (n > SQ_PROTO_LARGETUPLE_BYTE)
            out[SQ_PROTO_LARGETUPLE_BYTE] &= (uint8_t)~SQ_PROTO_LARGETUPLE_BIT;
    }
    caps->ext_describe =
        n > SQ_PROTO_EXTDESC_BYTE && (out[SQ_PROTO_EXTDESC_BYTE] & SQ_PROTO_EXTDESC_BIT);
    caps->big_sql = n > SQ_PROTO_BIGSQL_BYTE && (out[SQ_PROTO_BIGSQL_BYTE] & SQ_PROTO_BIGSQL_BIT);
    caps->long_rowid =
        n > SQ_PROTO_LONGROWID_BYTE && (out[SQ_PROTO_LONGROWID_BYTE] & SQ_PROTO_LONGROWID_BIT);
    caps->nfetch16 = prof->nfetch16;
}

void srv_enc_eot(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EOT);
}

void srv_enc_exit(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EXIT);
}

/* SQ_PROTOCOLS: u16 n, n mask bytes, pad (§5.1). */
void srv_enc_protocols(struct sq_buf *b, const uint8_t *mask, size_t n)
{
    sq_wr_u16(b, SQ_PROTOCOLS);
    (void)sq_wr_str16(b, mask, n); /* n <= SQ_MAX_PROTO_MASK, cannot fail */
}

/* SQ_DONE (§7.10): u16 warnings, i32|i64 rows, i32|i64 rowid, i32 serial;
 * i64 when long_rowid is in force (14 or 22 payload bytes). */
void srv_enc_done(struct sq_buf *b, const struct srv_caps *caps, uint16_t warnings, int64_t rows,
                  int64_t rowid, int32_t serial)
{
    sq_wr_u16(b, SQ_DONE);
    sq_wr_u16(b, warnings);
    if (caps->long_rowid) {
        sq_wr_i64(b, rows);
        sq_wr_i64(b, rowid);
    } else {
        sq_wr_i32(b, rows > INT32_MAX ? INT32_MAX : (int32_t)rows);
        sq_wr_i32(b, rowid > INT32_MAX ? INT32_MAX : (int32_t)rowid);
    }
    sq_wr_i32(b, serial);
}

/* SQ_COST: i32 estimated rows, i32 estimated cost ([U] order, LIB's). */
void srv_enc_cost(struct sq_buf *b, int32_t est_rows, int32_t est_cost)
{
    sq_wr_u16(b, SQ_COST);
    sq_wr_i32(b, est_rows);
    sq_wr_i32(b, est_cost);
}

/* SQ_INSERTDONE (§7.10, §17.3): 10-byte INT8 SERIAL8 (0 = none -> INT8 NULL,
 * what LIB saw after INSERTs that generated nothing), then i64 BIGSERIAL only
 * when long_rowid is in force. */
void srv_enc_insertdone(struct sq_buf *b, const struct srv_caps *caps, int64_t serial8,
                        int64_t bigserial)
{
    uint8_t i8[10];
    sq_wr_u16(b, SQ_INSERTDONE);
    srv_int8_put(i8, serial8, serial8 == 0);
    sq_wr_bytes(b, i8, sizeof i8);
    if (caps->long_rowid)
        sq_wr_i64(b, bigserial);
}

/* SQ_XACTSTAT: u16 event, u16 new level, u16 old level ([U] meanings). */
void srv_enc_xactstat(struct sq_buf *b, uint16_t event, uint16_t new_level, uint16_t old_level)
{
    sq_wr_u16(b, SQ_XACTSTAT);
    sq_wr_u16(b, event);
    sq_wr_u16(b, new_level);
    sq_wr_u16(b, old_level);
}

/* SQ_ERR (§7.11): i16 sqlcode, i16 isam, u16|u32 offset (big_sql), str16 the
 * %s insertion text. */
void srv_enc_err(struct sq_buf *b, const struct srv_caps *caps, int sqlcode, int isam,
                 uint32_t offset, const char *text)
{
    size_t n = text ? strnlen(text, SQ_MAX_ERRTEXT) : 0;
    sq_wr_u16(b, SQ_ERR);
    sq_wr_i16(b, (int16_t)sqlcode);
    sq_wr_i16(b, (int16_t)isam);
    if (caps->big_sql)
        sq_wr_u32(b, offset);
    else
        sq_wr_u16(b, offset > 0xFFFFu ? 0xFFFFu : (uint16_t)offset);
    (void)sq_wr_str16(b, text ? text : "", n); /* n <= SQ_MAX_ERRTEXT */
}

/* SQ_TUPID: i32 1-based row position ([U] width, PROTOCOL.md). */
void srv_enc_tupid(struct sq_buf *b, int32_t pos)
{
    sq_wr_u16(b, SQ_TUPID);
    sq_wr_i32(b, pos);
}

/* SQ_TUPLE (§7.7): u16 warnings 0, u32 size, row, pad to even. */
void srv_enc_tuple(struct sq_buf *b, const uint8_t *row, size_t len)
{
    /* One reservation for the whole message (sent once per fetched row). */
    if (len > SIZE_MAX - 9) {
        b->oom = true; /* sticky, as the sq_wr writers leave it */
        return;
    }
    size_t total = 8 + len + (len & 1u);
    if (!sq_buf_reserve(b, total))
        return;
    uint8_t *o = b->data + b->len;
    o[0] = (uint8_t)(SQ_TUPLE >> 8);
    o[1] = (uint8_t)SQ_TUPLE;
    o[2] = 0;
    o[3] = 0;
    o[4] = (uint8_t)((uint32_t)len >> 24);
    o[5] = (uint8_t)((uint32_t)len >> 16);
    o[6] = (uint8_t)((uint32_t)len >> 8);
    o[7] = (uint8_t)len;
    if (len)
        memcpy(o + 8, row, len);
    if (len & 1u)
        o[8 + len] = 0;
    b->len += total;
}

/* SQ_DESCRIBE (§7.3, PROTOCOL.md):
 *   u16 stmt_type, u16 id, u32 cost, u16 tuple_size (saturates at 65535),
 *   u16 nfields, u32 strtab size (extended) | u16 (legacy)
 *   per column, extended (30 bytes for built-ins): u32 field_index (offset of
 *     the name in the string table), u32 start_pos, u16 type, u32 xid,
 *     str16 owner (""), str16 xname, u16 ref 0, u16 align 0, u32 source 0,
 *     u32 encoded_length
 *   legacy (NMAP's capture, [U]): the same with start_pos as a u16 (28 bytes)
 *   string table: NUL-terminated names in column order, pad if odd.
 * start_pos sums the columns' maximum wire widths (not usable for parsing). */
void srv_enc_describe(struct sq_buf *b, const struct srv_caps *caps, uint16_t stmt_type,
                      uint16_t id, uint32_t cost, const struct srv_col *const *cols, size_t ncols)
{
    size_t tuple = 0;
    for (size_t i = 0; i < ncols; i++)
        tuple += srv_val_max_width(cols[i]);
    sq_wr_u16(b, SQ_DESCRIBE);
    sq_wr_u16(b, stmt_type);
    sq_wr_u16(b, id);
    sq_wr_u32(b, cost);
    sq_wr_u16(b, tuple > 0xFFFFu ? 0xFFFFu : (uint16_t)tuple);
    sq_wr_u16(b, (uint16_t)ncols);
    /* Legacy (u16) string table over 64 KiB: the names that do not fit are left
     * out and their field_index is 0. TODO(2): decide with a capture. */
    size_t limit = caps->ext_describe ? SIZE_MAX : 0xFFFFu;
    size_t used = 0, pos = 0;
    size_t hdr_strtab = b->len;
    if (caps->ext_describe)
        sq_wr_u32(b, 0);
    else
        sq_wr_u16(b, 0);
    for (size_t i = 0; i < ncols; i++) {
        const struct srv_col *c = cols[i];
        size_t nl = strnlen(c->name, sizeof c->name - 1) + 1;
        size_t xl = strnlen(c->xname, sizeof c->xname - 1);
        uint32_t field_index = (uint32_t)(used + nl <= limit ? used : 0);
        if (used + nl <= limit)
            used += nl;
        sq_wr_u32(b, field_index);
        if (caps->ext_describe)
            sq_wr_u32(b, (uint32_t)pos);
        else
            sq_wr_u16(b, pos > 0xFFFFu ? 0xFFFFu : (uint16_t)pos);
        sq_wr_u16(b, c->type);
        sq_wr_u32(b, c->xid);
        (void)sq_wr_str16(b, "", 0);
        (void)sq_wr_str16(b, c->xname, xl);
        sq_wr_u16(b, 0);
        sq_wr_u16(b, 0);
        sq_wr_u32(b, 0);
        sq_wr_u32(b, c->enc_len);
        pos += srv_val_max_width(c);
    }
    size_t written = 0;
    for (size_t i = 0; i < ncols; i++) {
        size_t nl = strnlen(cols[i]->name, sizeof cols[i]->name - 1) + 1;
        if (written + nl > limit)
            break;
        sq_wr_bytes(b, cols[i]->name, nl - 1);
        sq_wr_u8(b, 0);
        written += nl;
    }
    sq_wr_pad(b, written);
    if (caps->ext_describe)
        sq_wr_put_u32_at(b, hdr_strtab, (uint32_t)written);
    else
        sq_wr_put_u16_at(b, hdr_strtab, (uint16_t)written);
}

/* SQ_DBLIST reply with no names: opcode, u16 0. */
void srv_enc_dblist_end(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_DBLIST);
    sq_wr_u16(b, 0);
}
