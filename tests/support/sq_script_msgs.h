/* SPDX-License-Identifier: MIT */
/* sq_script_msgs.h - server messages for the core's unit tests that script a
 * server over a memory transport (test_sq_conn.c, test_sq_pipeline.c). They
 * are written with sq_wr from the protocol document (§7), independently of
 * the client's encoders and decoders and of ifxlite's. Header-only: each test
 * uses its own subset. */
#ifndef IFXODBC_SQ_SCRIPT_MSGS_H
#define IFXODBC_SQ_SCRIPT_MSGS_H

#include <stdint.h>
#include <string.h>

#include "sq_buf.h"
#include "sq_opcodes.h"
#include "sq_wr.h"

struct col {
    const char *name;
    uint16_t type;
    uint32_t enc_len;
};

static inline void s_eot(struct sq_buf *b)
{
    sq_wr_u16(b, SQ_EOT);
}

/* Extended describe (doc §7.3). */
static inline void s_describe(struct sq_buf *b, uint16_t type, uint16_t id, const struct col *cols,
                              size_t n)
{
    size_t strtab = 0;
    for (size_t i = 0; i < n; i++)
        strtab += strlen(cols[i].name) + 1;
    sq_wr_u16(b, SQ_DESCRIBE);
    sq_wr_u16(b, type);
    sq_wr_u16(b, id);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, 100);
    sq_wr_u16(b, (uint16_t)n);
    sq_wr_u32(b, (uint32_t)strtab);
    uint32_t off = 0;
    for (size_t i = 0; i < n; i++) {
        sq_wr_u32(b, off);
        sq_wr_u32(b, 0);
        sq_wr_u16(b, cols[i].type);
        sq_wr_u32(b, 0);
        sq_wr_u16(b, 0);
        sq_wr_u16(b, 0);
        sq_wr_u16(b, 0);
        sq_wr_u16(b, 0);
        sq_wr_u32(b, 0);
        sq_wr_u32(b, cols[i].enc_len);
        off += (uint32_t)strlen(cols[i].name) + 1;
    }
    for (size_t i = 0; i < n; i++)
        sq_wr_bytes(b, cols[i].name, strlen(cols[i].name) + 1);
    sq_wr_pad(b, strtab);
}

static inline void s_done(struct sq_buf *b, int64_t rows, int32_t serial)
{
    sq_wr_u16(b, SQ_DONE);
    sq_wr_u16(b, 0);
    sq_wr_i64(b, rows);
    sq_wr_i64(b, 0);
    sq_wr_i32(b, serial);
}

static inline void s_err(struct sq_buf *b, int16_t code, int16_t isam, const char *text)
{
    sq_wr_u16(b, SQ_ERR);
    sq_wr_i16(b, code);
    sq_wr_i16(b, isam);
    sq_wr_u32(b, 0);
    sq_wr_str16(b, text, strlen(text));
    s_eot(b);
}

/* Row (INTEGER id, VARCHAR name). */
static inline void s_row_iv(struct sq_buf *b, int32_t id, const char *name)
{
    size_t n = strlen(name);
    sq_wr_u16(b, SQ_TUPLE);
    sq_wr_u16(b, 0);
    sq_wr_u32(b, (uint32_t)(4 + 1 + n));
    sq_wr_i32(b, id);
    sq_wr_u8(b, (uint8_t)n);
    sq_wr_bytes(b, name, n);
    sq_wr_pad(b, 5 + n);
}

#endif
