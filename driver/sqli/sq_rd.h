/* SPDX-License-Identifier: MIT */
/* sq_rd.h - bounded big-endian reader over a byte span. It never does I/O: a
 * short read returns false and leaves the cursor where it was, so a decoder can
 * answer SQ_RC_NEED_MORE and be retried once more bytes have arrived. These are
 * the only functions that assemble integers from wire bytes.
 * Byte-level helper shared by the driver core and ifxlite. */
#ifndef IFXODBC_SQ_RD_H
#define IFXODBC_SQ_RD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct sq_rd {
    const uint8_t *p;
    size_t len;
    size_t pos;
};

static inline void sq_rd_init(struct sq_rd *rd, const void *p, size_t len)
{
    rd->p = (const uint8_t *)p;
    rd->len = len;
    rd->pos = 0;
}

static inline size_t sq_rd_left(const struct sq_rd *rd)
{
    return rd->len - rd->pos;
}

static inline bool sq_rd_u8(struct sq_rd *rd, uint8_t *v)
{
    if (rd->len - rd->pos < 1)
        return false;
    *v = rd->p[rd->pos++];
    return true;
}

static inline bool sq_rd_u16(struct sq_rd *rd, uint16_t *v)
{
    if (rd->len - rd->pos < 2)
        return false;
    const uint8_t *b = rd->p + rd->pos;
    *v = (uint16_t)((unsigned)b[0] << 8 | b[1]);
    rd->pos += 2;
    return true;
}

static inline bool sq_rd_u32(struct sq_rd *rd, uint32_t *v)
{
    if (rd->len - rd->pos < 4)
        return false;
    const uint8_t *b = rd->p + rd->pos;
    *v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    rd->pos += 4;
    return true;
}

static inline bool sq_rd_u64(struct sq_rd *rd, uint64_t *v)
{
    uint32_t hi, lo;
    if (rd->len - rd->pos < 8)
        return false;
    (void)sq_rd_u32(rd, &hi); /* length checked above */
    (void)sq_rd_u32(rd, &lo);
    *v = (uint64_t)hi << 32 | lo;
    return true;
}

static inline bool sq_rd_i16(struct sq_rd *rd, int16_t *v)
{
    uint16_t u;
    if (!sq_rd_u16(rd, &u))
        return false;
    *v = (int16_t)u;
    return true;
}

static inline bool sq_rd_i32(struct sq_rd *rd, int32_t *v)
{
    uint32_t u;
    if (!sq_rd_u32(rd, &u))
        return false;
    *v = (int32_t)u;
    return true;
}

static inline bool sq_rd_i64(struct sq_rd *rd, int64_t *v)
{
    uint64_t u;
    if (!sq_rd_u64(rd, &u))
        return false;
    *v = (int64_t)u;
    return true;
}

/* Borrow n bytes: *out points into the span, valid as long as the span is. */
static inline bool sq_rd_bytes(struct sq_rd *rd, size_t n, const uint8_t **out)
{
    if (rd->len - rd->pos < n)
        return false;
    *out = rd->p + rd->pos;
    rd->pos += n;
    return true;
}

static inline bool sq_rd_skip(struct sq_rd *rd, size_t n)
{
    if (rd->len - rd->pos < n)
        return false;
    rd->pos += n;
    return true;
}

/* str16: u16 length N, N bytes, one pad byte when N is odd. All or nothing. */
static inline bool sq_rd_str16(struct sq_rd *rd, const uint8_t **p, size_t *n)
{
    size_t save = rd->pos;
    uint16_t len;
    if (!sq_rd_u16(rd, &len) || !sq_rd_bytes(rd, len, p) || !sq_rd_skip(rd, len & 1u)) {
        rd->pos = save;
        return false;
    }
    *n = len;
    return true;
}

/* zstr16 (login packets only): u16 length N counting a trailing NUL, N bytes.
 * *n excludes the NUL when the last byte is NUL. All or nothing. */
static inline bool sq_rd_zstr16(struct sq_rd *rd, const uint8_t **p, size_t *n)
{
    size_t save = rd->pos;
    uint16_t len;
    if (!sq_rd_u16(rd, &len) || !sq_rd_bytes(rd, len, p)) {
        rd->pos = save;
        return false;
    }
    *n = (len && (*p)[len - 1] == 0) ? (size_t)len - 1 : len;
    return true;
}

/* Big-endian loads from a raw pointer the caller has bounds-checked. */
static inline uint16_t sq_load_u16(const uint8_t *b)
{
    return (uint16_t)((unsigned)b[0] << 8 | b[1]);
}

static inline uint32_t sq_load_u32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint64_t sq_load_u64(const uint8_t *b)
{
    return (uint64_t)sq_load_u32(b) << 32 | sq_load_u32(b + 4);
}

#endif
