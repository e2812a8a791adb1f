/* SPDX-License-Identifier: MIT */
/* sq_wr.c - big-endian writers over sq_buf. */
#include "sq_wr.h"

#include <string.h>

void sq_wr_u8(struct sq_buf *b, uint8_t v)
{
    sq_buf_append(b, &v, 1);
}

void sq_wr_u16(struct sq_buf *b, uint16_t v)
{
    uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    sq_buf_append(b, x, 2);
}

void sq_wr_u32(struct sq_buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    sq_buf_append(b, x, 4);
}

void sq_wr_u64(struct sq_buf *b, uint64_t v)
{
    sq_wr_u32(b, (uint32_t)(v >> 32));
    sq_wr_u32(b, (uint32_t)v);
}

void sq_wr_i16(struct sq_buf *b, int16_t v)
{
    sq_wr_u16(b, (uint16_t)v);
}

void sq_wr_i32(struct sq_buf *b, int32_t v)
{
    sq_wr_u32(b, (uint32_t)v);
}

void sq_wr_i64(struct sq_buf *b, int64_t v)
{
    sq_wr_u64(b, (uint64_t)v);
}

void sq_wr_bytes(struct sq_buf *b, const void *p, size_t n)
{
    sq_buf_append(b, p, n);
}

void sq_wr_zeros(struct sq_buf *b, size_t n)
{
    if (!n || !sq_buf_reserve(b, n))
        return;
    memset(b->data + b->len, 0, n);
    b->len += n;
}

void sq_wr_pad(struct sq_buf *b, size_t n)
{
    if (n & 1u)
        sq_wr_u8(b, 0);
}

bool sq_wr_str16(struct sq_buf *b, const void *p, size_t n)
{
    if (n > 0xFFFFu)
        return false;
    sq_wr_u16(b, (uint16_t)n);
    sq_wr_bytes(b, p, n);
    sq_wr_pad(b, n);
    return true;
}

bool sq_wr_zstr16(struct sq_buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n > 0xFFFEu)
        return false;
    sq_wr_u16(b, (uint16_t)(n + 1));
    sq_wr_bytes(b, s, n);
    sq_wr_u8(b, 0);
    return true;
}

void sq_wr_fix(struct sq_buf *b, const char *s, size_t n)
{
    size_t len = s ? strnlen(s, n) : 0;
    sq_wr_bytes(b, s, len);
    sq_wr_zeros(b, n - len);
}

void sq_wr_put_u16_at(struct sq_buf *b, size_t off, uint16_t v)
{
    if (b->oom || off + 2 > b->len)
        return;
    b->data[off] = (uint8_t)(v >> 8);
    b->data[off + 1] = (uint8_t)v;
}

void sq_wr_put_u32_at(struct sq_buf *b, size_t off, uint32_t v)
{
    if (b->oom || off + 4 > b->len)
        return;
    b->data[off] = (uint8_t)(v >> 24);
    b->data[off + 1] = (uint8_t)(v >> 16);
    b->data[off + 2] = (uint8_t)(v >> 8);
    b->data[off + 3] = (uint8_t)v;
}
