/* SPDX-License-Identifier: MIT */
/* srv_lofile.c - ifxlite's smart-LOB locators, SQ_FILE requests and the
 * decoders of the client's answers (see srv_lofile.h). */
#include "srv_lofile.h"

#include <stdio.h>
#include <string.h>

#include "sq_opcodes.h"
#include "sq_wr.h"

void srv_lo_locator(uint8_t out[SRV_LO_LOC], uint64_t size, uint32_t handle)
{
    memset(out, 0, SRV_LO_LOC);
    for (int k = 0; k < 8; k++)
        out[k] = (uint8_t)(size >> (56 - 8 * k));
    memcpy(out + 8, SRV_LO_MAGIC, 4);
    for (int k = 0; k < 4; k++)
        out[12 + k] = (uint8_t)(handle >> (24 - 8 * k));
}

bool srv_lo_locator_read(const uint8_t *p, size_t n, uint64_t *size, uint32_t *handle)
{
    if (!p || n != SRV_LO_LOC || memcmp(p + 8, SRV_LO_MAGIC, 4) != 0)
        return false;
    *size = sq_load_u64(p);
    *handle = sq_load_u32(p + 12);
    return true;
}

void srv_enc_file_open(struct sq_buf *b, const char *name, size_t n, int32_t mode)
{
    sq_wr_u16(b, SQ_FILE);
    sq_wr_u16(b, SRV_FILE_OPEN);
    (void)sq_wr_str16(b, name, n); /* n is bounded by the caller (< 65536) */
    sq_wr_i32(b, mode);
    sq_wr_i32(b, 0); /* flags */
    sq_wr_i32(b, 0); /* offset */
    sq_wr_u16(b, SQ_EOT);
}

void srv_enc_file_read(struct sq_buf *b, uint16_t bufsize, int32_t amount)
{
    sq_wr_u16(b, SQ_FILE);
    sq_wr_u16(b, SRV_FILE_READ);
    sq_wr_u16(b, bufsize);
    sq_wr_i32(b, amount);
    sq_wr_u16(b, SQ_EOT);
}

void srv_enc_file_write_begin(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_FILE);
    sq_wr_u16(b, SRV_FILE_WRITE);
}

void srv_enc_file_write_chunk(struct sq_buf *b, const uint8_t *p, size_t n)
{
    sq_wr_u16(b, SQ_FILE_WRITE);
    (void)sq_wr_str16(b, p, n); /* n <= SRV_FILE_WRITE_CHUNK < 65536 */
}

void srv_enc_file_close(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_FILE);
    sq_wr_u16(b, SRV_FILE_CLOSE);
    sq_wr_u16(b, SQ_EOT);
}

/* The next u16 opcode must be `want`: 1 yes, 0 need more, -1 another one. */
static int expect_op(struct sq_rd *rd, uint16_t want)
{
    uint16_t op;
    if (!sq_rd_u16(rd, &op))
        return 0;
    return op == want ? 1 : -1;
}

enum sq_rc srv_dec_file_result(struct sq_rd *rd, int32_t *result)
{
    size_t save = rd->pos;
    int r = expect_op(rd, SQ_FILE_READ);
    if (r == 1 && !sq_rd_i32(rd, result))
        r = 0;
    if (r == 1)
        r = expect_op(rd, SQ_EOT);
    if (r == 1)
        return SQ_RC_OK;
    rd->pos = save;
    return r == 0 ? SQ_RC_NEED_MORE : SQ_RC_PROTOCOL;
}

enum sq_rc srv_dec_file_closed(struct sq_rd *rd)
{
    size_t save = rd->pos;
    int r = expect_op(rd, SQ_EOT);
    if (r == 1)
        return SQ_RC_OK;
    rd->pos = save;
    return r == 0 ? SQ_RC_NEED_MORE : SQ_RC_PROTOCOL;
}

enum sq_rc srv_dec_file_data(struct sq_rd *rd, uint16_t bufsize, int32_t amount,
                             struct sq_buf *dst, int32_t *total)
{
    size_t save = rd->pos, dlen = dst->len;
    enum sq_rc rc = SQ_RC_NEED_MORE;
    int r = expect_op(rd, SQ_FILE_READ);
    if (r == 1 && !sq_rd_i32(rd, total))
        r = 0;
    if (r != 1)
        goto out;
    if (*total < 0 || *total > amount) {
        r = -1;
        goto out;
    }
    size_t got = 0;
    for (;;) {
        uint16_t op;
        if (!sq_rd_u16(rd, &op)) {
            r = 0;
            goto out;
        }
        if (op == SQ_EOT)
            break;
        const uint8_t *p;
        size_t n;
        if (op != SQ_FILE_READ) {
            r = -1;
            goto out;
        }
        if (!sq_rd_str16(rd, &p, &n)) {
            r = 0;
            goto out;
        }
        if (n > bufsize || n > (size_t)*total - got) {
            r = -1;
            goto out;
        }
        sq_buf_append(dst, p, n);
        got += n;
    }
    if (got != (size_t)*total) {
        r = -1;
        goto out;
    }
    return SQ_RC_OK;
out:
    rd->pos = save;
    dst->len = dlen < dst->len ? dlen : dst->len;
    rc = r == 0 ? SQ_RC_NEED_MORE : SQ_RC_PROTOCOL;
    return rc;
}

size_t srv_lo_file_name(const char *name, size_t n, uint64_t id, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    int w;
    if (n > 0 && name[n - 1] == '!')
        w = snprintf(out, cap, "%.*s", (int)(n - 1), name);
    else
        w = snprintf(out, cap, "%.*s.%016llx", (int)n, name, (unsigned long long)id);
    if (w < 0)
        w = 0;
    return (size_t)w < cap ? (size_t)w : cap - 1;
}
