/* SPDX-License-Identifier: MIT */
/* srv_decode.c - ifxlite's client->server request decoders (doc §5-§8,
 * PROTOCOL.md). Pure, bounded and restartable: they read only from an sq_rd,
 * answer SQ_RC_NEED_MORE with the cursor rewound to the message start, check
 * every wire count against sq_limits.h, and take widths only from the
 * negotiated capabilities. Written independently of the driver's encoders. */
#include "srv_proto.h"

#include "sq_opcodes.h"
#include "sq_types.h"

/* str16 with a bound on N: NEED_MORE if short, PROTOCOL if N > max. */
static enum sq_rc rd_str16_max(struct sq_rd *rd, size_t max, const uint8_t **p, size_t *n)
{
    size_t save = rd->pos;
    uint16_t len;
    if (!sq_rd_u16(rd, &len))
        return SQ_RC_NEED_MORE;
    if (len > max) {
        rd->pos = save;
        return SQ_RC_PROTOCOL;
    }
    rd->pos = save;
    return sq_rd_str16(rd, p, n) ? SQ_RC_OK : SQ_RC_NEED_MORE;
}

/* SQ_BIND parameter block (§7.9, §9.6, PROTOCOL.md "Bind parameters"):
 *   u16 type, i16 indicator (-1 NULL: nothing follows), u16 prec, then
 *   CHAR/VARCHAR/NCHAR/NVARCHAR/LVARCHAR(43)/UDTVAR(40): str16
 *   SMALLINT i16 | INTEGER/SERIAL/DATE/SMALLFLOAT 4 | FLOAT/BIGINT/BIGSERIAL 8 |
 *   INT8/SERIAL8 10 | DECIMAL/MONEY/DATETIME/INTERVAL: u16 n, n stored bytes, pad |
 *   BOOLEAN 45 (and UDTFIXED 41): 1 byte + pad |
 *   BYTE 11 / TEXT 12: the 56-byte descriptor (doc §9.7; the data follows
 *   the BIND as SQ_BBIND + SQ_BLOB chunks, see srv_blob.h).
 * Any other type with a value cannot be skipped: SQ_RC_PROTOCOL. */
enum sq_rc srv_decode_bparam(struct sq_rd *rd, struct srv_bparam *p)
{
    size_t save = rd->pos;
    uint16_t type, ind, prec;
    enum sq_rc rc = SQ_RC_NEED_MORE;
    if (!sq_rd_u16(rd, &type) || !sq_rd_u16(rd, &ind) || !sq_rd_u16(rd, &prec))
        goto fail;
    p->type = SQ_T_BASE(type);
    p->ind = (int16_t)ind;
    p->prec = prec;
    p->data = NULL;
    p->len = 0;
    if (p->ind == -1)
        return SQ_RC_OK;
    size_t fixed = 0;
    switch (p->type) {
    case SQ_T_CHAR:
    case SQ_T_VARCHAR:
    case SQ_T_NCHAR:
    case SQ_T_NVARCHAR:
    case SQ_T_LVARCHAR_CLIENT:
    case SQ_T_UDTVAR:
        if (!sq_rd_str16(rd, &p->data, &p->len))
            goto fail;
        return SQ_RC_OK;
    case SQ_T_SMALLINT:
        fixed = 2;
        break;
    case SQ_T_INTEGER:
    case SQ_T_SERIAL:
    case SQ_T_DATE:
    case SQ_T_SMALLFLOAT:
        fixed = 4;
        break;
    case SQ_T_FLOAT:
    case SQ_T_BIGINT:
    case SQ_T_BIGSERIAL:
        fixed = 8;
        break;
    case SQ_T_INT8:
    case SQ_T_SERIAL8:
        fixed = 10;
        break;
    case SQ_T_BOOLEAN_CLIENT:
    case SQ_T_UDTFIXED:
        if (p->type == SQ_T_UDTFIXED && (prec == SQ_XID_BLOB || prec == SQ_XID_CLOB)) {
            /* smart-LOB locator (PROTOCOL.md, ours): 72 bytes, no pad */
            fixed = SQ_LO_LOCATOR_SIZE;
            break;
        }
        if (!sq_rd_bytes(rd, 1, &p->data) || !sq_rd_skip(rd, 1))
            goto fail;
        p->len = 1;
        return SQ_RC_OK;
    case SQ_T_DECIMAL:
    case SQ_T_MONEY:
    case SQ_T_DATETIME:
    case SQ_T_INTERVAL: {
        uint16_t n;
        if (!sq_rd_u16(rd, &n))
            goto fail;
        if (n < 1 || n > SQ_MAX_DEC_DIGITS + 1) {
            rc = SQ_RC_PROTOCOL;
            goto fail;
        }
        if (!sq_rd_bytes(rd, n, &p->data) || !sq_rd_skip(rd, n & 1u))
            goto fail;
        p->len = n;
        return SQ_RC_OK;
    }
    case SQ_T_BYTE:
    case SQ_T_TEXT:
        fixed = SQ_BLOB_DESCRIPTOR_SIZE;
        break;
    default:
        rc = SQ_RC_PROTOCOL;
        goto fail;
    }
    if (!sq_rd_bytes(rd, fixed, &p->data))
        goto fail;
    p->len = fixed;
    return SQ_RC_OK;
fail:
    rd->pos = save;
    return rc;
}

enum sq_rc srv_decode_info_entry(struct sq_rd *rd, const uint8_t **name, size_t *nlen,
                                 const uint8_t **val, size_t *vlen, bool *done)
{
    size_t save = rd->pos;
    enum sq_rc rc = rd_str16_max(rd, SQ_MAX_NAME, name, nlen);
    if (rc == SQ_RC_OK)
        rc = rd_str16_max(rd, 0xFFFFu, val, vlen);
    if (rc != SQ_RC_OK) {
        rd->pos = save;
        return rc;
    }
    *done = *nlen == 0 && *vlen == 0;
    return SQ_RC_OK;
}

/* Message layouts after the u16 opcode (doc §6.4, PROTOCOL.md):
 *   COMMAND/PREPARE  u16 nparams, u16|u32 length (big_sql), SQL bytes, pad
 *   CURNAME          str16 name (<= SQ_MAX_NAME)
 *   ID               u16 statement id
 *   BIND             u16 count (<= SQ_MAX_PARAMS), count parameter blocks
 *   NFETCH           u32 bufsize (u16 with nfetch16), u16 array size (ignored)
 *   SFETCH           u16 scroll type, i32 target, u32 bufsize
 *   RBWORK           u16 (0)
 *   DBOPEN           str16 name (<= SQ_MAX_NAME), u16 flags
 *   INFO             u16 type, u16 total_len (not trusted), u16 max_name,
 *                    u16 max_value, str16 pairs up to an empty pair
 *   PROTOCOLS        u16 n (<= SQ_MAX_PROTO_MASK), n bytes, pad
 *   RET_TYPE         u16 direction, u16 ncols (<= SQ_MAX_COLUMNS), ncols x (u16, u32)
 *   FETCHBLOB        56-byte BYTE/TEXT descriptor (doc §9.7)
 *   BBIND            u16 number of values that follow as SQ_BLOB streams
 *                    (doc §9.7 leaves the width [U]; ours)
 *   BLOB             str16 chunk + pad; an empty chunk ends one value
 *   OPEN EXECUTE CLOSE RELEASE EOT CMMTWORK NDESCRIBE SCROLL BEGIN DBCLOSE HOLD
 *   WANTDONE EXIT DBLIST: no payload. */
enum sq_rc srv_decode_msg(struct sq_rd *rd, const struct srv_caps *caps, struct srv_msg *m)
{
    size_t save = rd->pos;
    enum sq_rc rc = SQ_RC_NEED_MORE;
    if (!sq_rd_u16(rd, &m->op))
        goto fail;
    switch (m->op) {
    case SQ_COMMAND:
    case SQ_PREPARE: {
        uint32_t len;
        uint16_t len16;
        if (!sq_rd_u16(rd, &m->u.prepare.nparams))
            goto fail;
        if (caps->big_sql) {
            if (!sq_rd_u32(rd, &len))
                goto fail;
        } else {
            if (!sq_rd_u16(rd, &len16))
                goto fail;
            len = len16;
        }
        if (len > SQ_MAX_SQL_SIZE) {
            rc = SQ_RC_PROTOCOL;
            goto fail;
        }
        if (!sq_rd_bytes(rd, len, &m->u.prepare.sql) || !sq_rd_skip(rd, len & 1u))
            goto fail;
        m->u.prepare.len = len;
        return SQ_RC_OK;
    }
    case SQ_CURNAME:
        rc = rd_str16_max(rd, SQ_MAX_NAME, &m->u.curname.name, &m->u.curname.len);
        if (rc != SQ_RC_OK)
            goto fail;
        return SQ_RC_OK;
    case SQ_ID:
        if (!sq_rd_u16(rd, &m->u.id))
            goto fail;
        return SQ_RC_OK;
    case SQ_BIND: {
        if (!sq_rd_u16(rd, &m->u.bind.count))
            goto fail;
        if (m->u.bind.count > SQ_MAX_PARAMS) {
            rc = SQ_RC_PROTOCOL;
            goto fail;
        }
        size_t start = rd->pos;
        for (unsigned i = 0; i < m->u.bind.count; i++) {
            struct srv_bparam p;
            rc = srv_decode_bparam(rd, &p);
            if (rc != SQ_RC_OK)
                goto fail;
        }
        m->u.bind.blocks = rd->p + start;
        m->u.bind.len = rd->pos - start;
        return SQ_RC_OK;
    }
    case SQ_NFETCH: {
        uint16_t arr;
        if (caps->nfetch16) {
            uint16_t b16;
            if (!sq_rd_u16(rd, &b16))
                goto fail;
            m->u.bufsize = b16;
        } else if (!sq_rd_u32(rd, &m->u.bufsize)) {
            goto fail;
        }
        if (!sq_rd_u16(rd, &arr))
            goto fail;
        return SQ_RC_OK;
    }
    case SQ_SFETCH:
        if (!sq_rd_u16(rd, &m->u.sfetch.type) || !sq_rd_i32(rd, &m->u.sfetch.target) ||
            !sq_rd_u32(rd, &m->u.sfetch.bufsize))
            goto fail;
        return SQ_RC_OK;
    case SQ_RBWORK:
        if (!sq_rd_u16(rd, &m->u.rbwork))
            goto fail;
        return SQ_RC_OK;
    case SQ_DBOPEN:
        rc = rd_str16_max(rd, SQ_MAX_NAME, &m->u.dbopen.name, &m->u.dbopen.len);
        if (rc != SQ_RC_OK)
            goto fail;
        rc = SQ_RC_NEED_MORE;
        if (!sq_rd_u16(rd, &m->u.dbopen.flags))
            goto fail;
        return SQ_RC_OK;
    case SQ_INFO: {
        uint16_t total, maxn, maxv;
        if (!sq_rd_u16(rd, &m->u.info.type) || !sq_rd_u16(rd, &total) || !sq_rd_u16(rd, &maxn) ||
            !sq_rd_u16(rd, &maxv))
            goto fail;
        size_t start = rd->pos;
        m->u.info.nentries = 0;
        for (;;) {
            const uint8_t *n, *v;
            size_t nl, vl;
            bool done;
            rc = srv_decode_info_entry(rd, &n, &nl, &v, &vl, &done);
            if (rc != SQ_RC_OK)
                goto fail;
            if (done)
                break;
            if (++m->u.info.nentries > SQ_MAX_ENV_VARS) {
                rc = SQ_RC_PROTOCOL;
                goto fail;
            }
        }
        m->u.info.entries = rd->p + start;
        m->u.info.len = rd->pos - start;
        return SQ_RC_OK;
    }
    case SQ_PROTOCOLS:
        rc = rd_str16_max(rd, SQ_MAX_PROTO_MASK, &m->u.protocols.mask, &m->u.protocols.len);
        if (rc != SQ_RC_OK)
            goto fail;
        return SQ_RC_OK;
    case SQ_RET_TYPE: {
        uint16_t dir, ncols;
        if (!sq_rd_u16(rd, &dir) || !sq_rd_u16(rd, &ncols))
            goto fail;
        if (ncols > SQ_MAX_COLUMNS) {
            rc = SQ_RC_PROTOCOL;
            goto fail;
        }
        if (!sq_rd_skip(rd, (size_t)ncols * 6u))
            goto fail;
        return SQ_RC_OK;
    }
    case SQ_FETCHBLOB:
        if (!sq_rd_bytes(rd, SQ_BLOB_DESCRIPTOR_SIZE, &m->u.blobdesc))
            goto fail;
        return SQ_RC_OK;
    case SQ_BBIND:
        if (!sq_rd_u16(rd, &m->u.bbind))
            goto fail;
        return SQ_RC_OK;
    case SQ_BLOB:
        if (!sq_rd_str16(rd, &m->u.blob.p, &m->u.blob.n))
            goto fail;
        return SQ_RC_OK;
    case SQ_OPEN:
    case SQ_EXECUTE:
    case SQ_CLOSE:
    case SQ_RELEASE:
    case SQ_EOT:
    case SQ_CMMTWORK:
    case SQ_NDESCRIBE:
    case SQ_SCROLL:
    case SQ_BEGIN:
    case SQ_DBCLOSE:
    case SQ_HOLD:
    case SQ_WANTDONE:
    case SQ_EXIT:
    case SQ_DBLIST:
        return SQ_RC_OK;
    default:
        rc = SQ_RC_PROTOCOL; /* unknown layout: the stream cannot be resynchronised */
        goto fail;
    }
fail:
    rd->pos = save;
    return rc;
}

const char *srv_op_name(uint16_t op)
{
    switch (op) {
    case SQ_COMMAND:
        return "COMMAND";
    case SQ_PREPARE:
        return "PREPARE";
    case SQ_CURNAME:
        return "CURNAME";
    case SQ_ID:
        return "ID";
    case SQ_BIND:
        return "BIND";
    case SQ_OPEN:
        return "OPEN";
    case SQ_EXECUTE:
        return "EXECUTE";
    case SQ_NFETCH:
        return "NFETCH";
    case SQ_CLOSE:
        return "CLOSE";
    case SQ_RELEASE:
        return "RELEASE";
    case SQ_EOT:
        return "EOT";
    case SQ_CMMTWORK:
        return "CMMTWORK";
    case SQ_RBWORK:
        return "RBWORK";
    case SQ_NDESCRIBE:
        return "NDESCRIBE";
    case SQ_SFETCH:
        return "SFETCH";
    case SQ_SCROLL:
        return "SCROLL";
    case SQ_DBLIST:
        return "DBLIST";
    case SQ_BEGIN:
        return "BEGIN";
    case SQ_DBOPEN:
        return "DBOPEN";
    case SQ_DBCLOSE:
        return "DBCLOSE";
    case SQ_HOLD:
        return "HOLD";
    case SQ_WANTDONE:
        return "WANTDONE";
    case SQ_EXIT:
        return "EXIT";
    case SQ_INFO:
        return "INFO";
    case SQ_RET_TYPE:
        return "RET_TYPE";
    case SQ_PROTOCOLS:
        return "PROTOCOLS";
    case SQ_FETCHBLOB:
        return "FETCHBLOB";
    case SQ_BBIND:
        return "BBIND";
    case SQ_BLOB:
        return "BLOB";
    default:
        return "?";
    }
}
