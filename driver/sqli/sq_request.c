/* SPDX-License-Identifier: MIT */
/* sq_request.c - client-to-server message encoders of the protocol core
 * (doc §5-§8). Each appends one message to a buffer with sq_wr; the caller
 * closes the group with sq_req_eot() and checks the buffer once. Also the
 * '?' marker counter used by PREPARE. Fixtures: tests/unit/test_sq_request.c. */
#include <string.h>

#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_wr.h"

/* LIB's 9-byte SQ_PROTOCOLS mask, sent to live 14.10 servers (doc §5.1, W3). */
const uint8_t sq_client_proto_mask[9] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x8C, 0xAA, 0x97, 0x06};

void sq_req_eot(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EOT);
}

/* SQ_PROTOCOLS: u16 n, n mask bytes, pad to even (doc §5.1). */
void sq_req_protocols(struct sq_buf *b, const uint8_t *mask, size_t n)
{
    sq_wr_u16(b, SQ_PROTOCOLS);
    sq_wr_u16(b, (uint16_t)n);
    sq_wr_bytes(b, mask, n);
    sq_wr_pad(b, n);
}

static size_t round_even(size_t n)
{
    return n + (n & 1u);
}

/* SQ_INFO (doc §5.2): u16 6 (env), u16 total_len, u16 max_name, u16 max_value
 * (longest, rounded up to even), str16 name/value pairs, u16 0 u16 0.
 * total_len follows LIB: 4 (the max fields) + entry bytes + 4 (terminator);
 * the server must not trust it anyway. */
bool sq_req_info(struct sq_buf *b, const struct sq_env_pair *env, size_t n)
{
    size_t entries = 0, max_name = 0, max_value = 0;
    for (size_t i = 0; i < n; i++) {
        size_t ln = strlen(env[i].name), lv = strlen(env[i].value);
        if (ln > 0x7FF0u || lv > 0x7FF0u)
            return false;
        entries += 2 + round_even(ln) + 2 + round_even(lv);
        if (round_even(ln) > max_name)
            max_name = round_even(ln);
        if (round_even(lv) > max_value)
            max_value = round_even(lv);
    }
    if (entries + 8 > 0xFFFFu)
        return false;
    sq_wr_u16(b, SQ_INFO);
    sq_wr_u16(b, SQ_INFO_ENV);
    sq_wr_u16(b, (uint16_t)(4 + entries + 4));
    sq_wr_u16(b, (uint16_t)max_name);
    sq_wr_u16(b, (uint16_t)max_value);
    for (size_t i = 0; i < n; i++) {
        (void)sq_wr_str16(b, env[i].name, strlen(env[i].name)); /* lengths checked above */
        (void)sq_wr_str16(b, env[i].value, strlen(env[i].value));
    }
    sq_wr_u16(b, 0);
    sq_wr_u16(b, 0);
    return true;
}

void sq_req_info_default(struct sq_buf *b)
{
    /* Every source sends these two; NMAP/IDB spelling of SUBQCACHESZ (doc §5.2). */
    static const struct sq_env_pair env[] = {{"DBTEMP", "/tmp"}, {"SUBQCACHESZ", "10"}};
    (void)sq_req_info(b, env, 2); /* constant input: cannot exceed the limits */
}

/* SQ_DBOPEN: str16 name, u16 flags = 0 (doc §5.4). */
bool sq_req_dbopen(struct sq_buf *b, const char *name, size_t len)
{
    if (len > SQ_MAX_NAME)
        return false;
    sq_wr_u16(b, SQ_DBOPEN);
    (void)sq_wr_str16(b, name, len); /* len checked */
    sq_wr_u16(b, 0);
    return true;
}

/* SQ_PREPARE (doc §7.2): u16 nparams, u16 length (u32 when big_sql), SQL
 * bytes, pad if odd; then SQ_NDESCRIBE, SQ_WANTDONE. */
enum sq_rc sq_req_prepare(struct sq_buf *b, const struct sq_caps *caps, uint16_t nparams,
                          const char *sql, size_t len)
{
    if (len > SQ_MAX_SQL_SIZE || (!caps->big_sql && len > 0xFFFFu))
        return SQ_RC_MISUSE;
    sq_wr_u16(b, SQ_PREPARE);
    sq_wr_u16(b, nparams);
    if (caps->big_sql)
        sq_wr_u32(b, (uint32_t)len);
    else
        sq_wr_u16(b, (uint16_t)len);
    sq_wr_bytes(b, sql, len);
    sq_wr_pad(b, len);
    sq_wr_u16(b, SQ_NDESCRIBE);
    sq_wr_u16(b, SQ_WANTDONE);
    return SQ_RC_OK;
}

void sq_req_id(struct sq_buf *b, uint16_t id)
{
    sq_wr_u16(b, SQ_ID);
    sq_wr_u16(b, id);
}

/* SQ_BIND: u16 count, then count parameter blocks (doc §7.9, §9.6; the
 * blocks themselves come from sq_param_encode in sq_value.c). */
enum sq_rc sq_req_bind(struct sq_buf *b, const struct sq_param *params, size_t n)
{
    if (n > SQ_MAX_PARAMS)
        return SQ_RC_MISUSE;
    sq_wr_u16(b, SQ_BIND);
    sq_wr_u16(b, (uint16_t)n);
    for (size_t i = 0; i < n; i++) {
        enum sq_rc rc = sq_param_encode(b, &params[i]);
        if (rc != SQ_RC_OK)
            return rc;
    }
    return SQ_RC_OK;
}

void sq_req_execute(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EXECUTE);
}

/* SQ_CURNAME: str16 name (doc §7.5). */
bool sq_req_curname(struct sq_buf *b, const char *name)
{
    size_t n = strlen(name);
    if (n > SQ_MAX_NAME)
        return false;
    sq_wr_u16(b, SQ_CURNAME);
    (void)sq_wr_str16(b, name, n); /* n checked */
    return true;
}

/* [SQ_SCROLL] [SQ_HOLD] SQ_OPEN: SCROLL between CURNAME and OPEN (SEED, JDBC
 * capture), HOLD after SCROLL (LIB) (doc §7.5). */
void sq_req_open(struct sq_buf *b, bool scroll, bool hold)
{
    if (scroll)
        sq_wr_u16(b, SQ_SCROLL);
    if (hold)
        sq_wr_u16(b, SQ_HOLD);
    sq_wr_u16(b, SQ_OPEN);
}

/* SQ_NFETCH: u32 bufsize, u16 0 (doc §7.6: u32 on current servers). */
void sq_req_nfetch(struct sq_buf *b, uint32_t bufsize)
{
    sq_wr_u16(b, SQ_NFETCH);
    sq_wr_u32(b, bufsize);
    sq_wr_u16(b, 0);
}

/* SQ_SFETCH: u16 scroll_type, i32 target, u32 bufsize (doc §7.8). */
void sq_req_sfetch(struct sq_buf *b, uint16_t scroll_type, int32_t target, uint32_t bufsize)
{
    sq_wr_u16(b, SQ_SFETCH);
    sq_wr_u16(b, scroll_type);
    sq_wr_i32(b, target);
    sq_wr_u32(b, bufsize);
}

void sq_req_close(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_CLOSE);
}

void sq_req_release(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_RELEASE);
}

/* Transactions (doc §8.1, recommended bytes): BEGIN and COMMIT bare, ROLLBACK
 * with its required u16 0. */
void sq_req_begin(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_BEGIN);
}

void sq_req_commit(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_CMMTWORK);
}

void sq_req_rollback(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_RBWORK);
    sq_wr_u16(b, 0);
}

/* Bare SQ_EXIT, no EOT (doc §17.1, PROTOCOL.md). */
void sq_req_exit(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EXIT);
}

/* '?' markers outside '...' and "..." (doubled quotes stay inside), -- line
 * comments, { } comments and C-style comments. */
size_t sq_count_params(const char *sql, size_t len)
{
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        char c = sql[i];
        if (c == '\'' || c == '"') {
            i++;
            while (i < len) {
                if (sql[i] == c) {
                    if (i + 1 < len && sql[i + 1] == c) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            i++; /* closing quote (or past the end) */
        } else if (c == '-' && i + 1 < len && sql[i + 1] == '-') {
            while (i < len && sql[i] != '\n')
                i++;
        } else if (c == '{') {
            while (i < len && sql[i] != '}')
                i++;
            i++;
        } else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
            i += 2;
            while (i + 1 < len && !(sql[i] == '*' && sql[i + 1] == '/'))
                i++;
            i += 2;
        } else {
            if (c == '?')
                n++;
            i++;
        }
    }
    return n;
}
