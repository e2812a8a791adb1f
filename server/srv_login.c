/* SPDX-License-Identifier: MIT */
/* srv_login.c - ifxlite's side of the login exchange (doc §2-§4, PROTOCOL.md
 * "Login"): SL header check, CONREQ body parse (bounded by the PDU; blocks 107
 * and 116 optional), credential check, CONACC/CONREJ construction (svcError at
 * marker 102 + 8). Independent of the driver's login encoder/decoder. */
#include "srv_proto.h"

#include <stdio.h>
#include <string.h>

#include "sq_opcodes.h"
#include "sq_wr.h"

enum sq_rc srv_login_header(const uint8_t *hdr, size_t len, size_t *body_len)
{
    struct sq_rd rd;
    uint16_t size;
    uint8_t type, attr;
    sq_rd_init(&rd, hdr, len);
    if (!sq_rd_u16(&rd, &size) || !sq_rd_u8(&rd, &type) || !sq_rd_u8(&rd, &attr) ||
        !sq_rd_skip(&rd, 2))
        return SQ_RC_NEED_MORE;
    if (size < SQ_SL_HEADER_SIZE || type != SQ_SL_CONREQ || attr != SQ_SL_ATTR_SQLI)
        return SQ_RC_PROTOCOL;
    *body_len = (size_t)size - SQ_SL_HEADER_SIZE;
    return SQ_RC_OK;
}

/* zstr16 into a NUL-terminated buffer; false if short or too long. */
static bool rd_zstr(struct sq_rd *rd, char *out, size_t outsz, size_t *outlen)
{
    const uint8_t *p;
    size_t n;
    if (!sq_rd_zstr16(rd, &p, &n) || n >= outsz)
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    if (outlen)
        *outlen = n;
    return true;
}

static bool rd_fix(struct sq_rd *rd, size_t n, char *out, size_t outsz)
{
    const uint8_t *p;
    if (!sq_rd_bytes(rd, n, &p))
        return false;
    size_t k = 0;
    while (k < n && k + 1 < outsz && p[k])
        k++;
    memcpy(out, p, k);
    out[k] = '\0';
    return true;
}

static bool expect_u16(struct sq_rd *rd, uint16_t want)
{
    uint16_t v = 0;
    return sq_rd_u16(rd, &v) && v == want;
}

/* CONREQ body (doc §3.2): 100, 101, u32 version, u16 n + float format, 108 +
 * fix12 service, zstr16 version, zstr16 serial, zstr16 app protocol, u32 cap1..3,
 * u16 flags, zstr16 user, zstr16 password, fix8 family, u32 version, fix8
 * transport, u32 net level, u16 104 u16 u32 (statement options), zstr16 server,
 * zstr16 database (empty), 4 x u16, 106 u16 count + pairs of zstr16, then
 * optional 107 (u32, u32 pid, u32 tid, zstr16 host, u16, zstr16 cwd) and 116
 * (u16 L, L bytes: u32, u32, zstr16 app name), then 127. */
enum sq_rc srv_login_parse(const uint8_t *body, size_t len, struct srv_conreq *rq)
{
    struct sq_rd rd;
    uint16_t n, marker;
    const uint8_t *p;
    memset(rq, 0, sizeof *rq);
    sq_rd_init(&rd, body, len);
    if (!expect_u16(&rd, SQ_ASC_START) || !expect_u16(&rd, SQ_ASC_VERSION) ||
        !sq_rd_u32(&rd, &rq->version) || !sq_rd_u16(&rd, &n) || n > 64 ||
        !sq_rd_bytes(&rd, n, &p) || !expect_u16(&rd, SQ_ASC_SERVICE) || !sq_rd_skip(&rd, 12))
        return SQ_RC_PROTOCOL;
    if (!rd_zstr(&rd, rq->client_version, sizeof rq->client_version, NULL) ||
        !rd_zstr(&rd, rq->client_serial, sizeof rq->client_serial, NULL) ||
        !rd_zstr(&rd, rq->app_proto, sizeof rq->app_proto, NULL) || !sq_rd_u32(&rd, &rq->cap1) ||
        !sq_rd_u32(&rd, &rq->cap2) || !sq_rd_u32(&rd, &rq->cap3) || !sq_rd_u16(&rd, &rq->flags))
        return SQ_RC_PROTOCOL;
    if (!rd_zstr(&rd, rq->user, sizeof rq->user, &rq->user_len) ||
        !rd_zstr(&rd, rq->password, sizeof rq->password, &rq->password_len))
        return SQ_RC_PROTOCOL;
    if (!rd_fix(&rd, 8, rq->family, sizeof rq->family) || !sq_rd_u32(&rd, &rq->proto_version) ||
        !rd_fix(&rd, 8, rq->transport, sizeof rq->transport) || !sq_rd_u32(&rd, &rq->net_level))
        return SQ_RC_PROTOCOL;
    if (!expect_u16(&rd, SQ_ASC_STMTOPTS) || !sq_rd_skip(&rd, 6))
        return SQ_RC_PROTOCOL;
    if (!rd_zstr(&rd, rq->server, sizeof rq->server, NULL) ||
        !rd_zstr(&rd, rq->dbname, sizeof rq->dbname, NULL) || !sq_rd_skip(&rd, 8))
        return SQ_RC_PROTOCOL;
    if (!expect_u16(&rd, SQ_ASC_ENV) || !sq_rd_u16(&rd, &n) || n > SQ_MAX_ENV_VARS)
        return SQ_RC_PROTOCOL;
    for (uint16_t i = 0; i < n; i++) {
        struct srv_envvar *e = &rq->env[rq->nenv];
        if (!sq_rd_zstr16(&rd, &e->name, &e->nlen) || !sq_rd_zstr16(&rd, &e->val, &e->vlen))
            return SQ_RC_PROTOCOL;
        rq->nenv++;
    }
    for (;;) {
        if (!sq_rd_u16(&rd, &marker))
            return SQ_RC_PROTOCOL;
        if (marker == SQ_ASC_END)
            return SQ_RC_OK;
        if (marker == SQ_ASC_PROCINFO) {
            uint32_t zero, tid;
            uint16_t z16;
            if (!sq_rd_u32(&rd, &zero) || !sq_rd_u32(&rd, &rq->pid) || !sq_rd_u32(&rd, &tid) ||
                !rd_zstr(&rd, rq->host, sizeof rq->host, NULL) || !sq_rd_u16(&rd, &z16) ||
                !rd_zstr(&rd, rq->cwd, sizeof rq->cwd, NULL))
                return SQ_RC_PROTOCOL;
            rq->has_procinfo = true;
        } else if (marker == SQ_ASC_APPNAME) {
            uint16_t blen;
            const uint8_t *blk;
            if (!sq_rd_u16(&rd, &blen) || !sq_rd_bytes(&rd, blen, &blk))
                return SQ_RC_PROTOCOL;
            struct sq_rd sub;
            sq_rd_init(&sub, blk, blen);
            if (!sq_rd_skip(&sub, 8) || !rd_zstr(&sub, rq->app_name, sizeof rq->app_name, NULL))
                rq->app_name[0] = '\0'; /* informational only */
        } else {
            return SQ_RC_PROTOCOL; /* unknown block: its length is unknown */
        }
    }
}

void srv_login_env(const struct srv_conreq *rq, const char *name, char *out, size_t outsz)
{
    size_t nl = strlen(name);
    if (outsz)
        out[0] = '\0';
    for (size_t i = 0; rq && i < rq->nenv; i++) {
        const struct srv_envvar *e = &rq->env[i];
        if (e->nlen == nl && memcmp(e->name, name, nl) == 0) {
            size_t k = e->vlen < outsz - 1 ? e->vlen : outsz - 1;
            memcpy(out, e->val, k);
            out[k] = '\0';
        }
    }
}

/* CONACC/CONREJ (doc §4.4, PROTOCOL.md): SL header (type 2 or 3, attr 60),
 * 100, 101, u32 61, u16 6 "IEEEM\0", 108 fix12("sqlexec"), zstr16 server
 * version, zstr16 serial "RDS#R000000", zstr16 DBSERVERNAME, the client's
 * cap1..3 and flags echoed, two empty u16 0 strings, fix8 family, u32 version,
 * fix8 transport, u32 net level (the client's, echoed), 102, 6 zero bytes,
 * i16 svcError, i16 osError 0, 127. */
void srv_login_reply(struct sq_buf *b, const struct srv_conreq *rq, const char *server_name,
                     const char *server_version, int16_t svc_error)
{
    size_t start = b->len;
    sq_wr_u16(b, 0); /* pdu_size, back-filled */
    sq_wr_u8(b, svc_error ? SQ_SL_CONREJ : SQ_SL_CONACC);
    sq_wr_u8(b, SQ_SL_ATTR_SQLI);
    sq_wr_u16(b, 0);
    sq_wr_u16(b, SQ_ASC_START);
    sq_wr_u16(b, SQ_ASC_VERSION);
    sq_wr_u32(b, SQ_PROTO_VERSION);
    sq_wr_u16(b, 6);
    sq_wr_bytes(b, "IEEEM", 6);
    sq_wr_u16(b, SQ_ASC_SERVICE);
    sq_wr_fix(b, "sqlexec", 12);
    (void)sq_wr_zstr16(b, server_version);
    (void)sq_wr_zstr16(b, "RDS#R000000");
    (void)sq_wr_zstr16(b, server_name);
    sq_wr_u32(b, rq ? rq->cap1 : 0x13C);
    sq_wr_u32(b, rq ? rq->cap2 : 0);
    sq_wr_u32(b, rq ? rq->cap3 : 0);
    sq_wr_u16(b, rq ? rq->flags : 1);
    sq_wr_u16(b, 0);
    sq_wr_u16(b, 0);
    sq_wr_fix(b, rq && rq->family[0] ? rq->family : "ol", 8);
    sq_wr_u32(b, rq && rq->proto_version ? rq->proto_version : SQ_PROTO_VERSION);
    sq_wr_fix(b, rq && rq->transport[0] ? rq->transport : "tlitcp", 8);
    sq_wr_u32(b, rq ? rq->net_level : 1);
    sq_wr_u16(b, SQ_ASC_SVCSTATUS);
    sq_wr_zeros(b, 6);
    sq_wr_i16(b, svc_error);
    sq_wr_i16(b, 0);
    sq_wr_u16(b, SQ_ASC_END);
    size_t total = b->len - start;
    sq_wr_put_u16_at(b, start, total > 0xFFFFu ? 0xFFFFu : (uint16_t)total);
}

/* Constant-time equality of two byte strings (length leaks, content does not). */
static bool ct_equal(const char *a, size_t an, const char *b, size_t bn)
{
    unsigned diff = an != bn;
    size_t n = an < bn ? an : bn;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned)(a[i] ^ b[i]);
    return diff == 0;
}

int srv_login_check(const struct srv_ctx *ctx, const struct srv_conreq *rq)
{
    bool ok = false;
    for (size_t i = 0; i < ctx->nusers; i++) {
        const struct srv_user *u = &ctx->users[i];
        bool m = ct_equal(u->name, strlen(u->name), rq->user, rq->user_len);
        m &= ct_equal(u->password, strlen(u->password), rq->password, rq->password_len);
        ok |= m;
    }
    if (!ok)
        return -951;
    if (rq->server[0] && strcmp(rq->server, ctx->server_name) != 0)
        return -761;
    return 0;
}
