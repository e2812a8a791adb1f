/* SPDX-License-Identifier: MIT */
/* sq_wr.h - big-endian writers appending to an sq_buf. Failures are sticky in
 * the buffer (check sq_buf_ok() once after building a message).
 * Byte-level helper shared by the driver core and ifxlite. */
#ifndef IFXODBC_SQ_WR_H
#define IFXODBC_SQ_WR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"

void sq_wr_u8(struct sq_buf *b, uint8_t v);
void sq_wr_u16(struct sq_buf *b, uint16_t v);
void sq_wr_u32(struct sq_buf *b, uint32_t v);
void sq_wr_u64(struct sq_buf *b, uint64_t v);
void sq_wr_i16(struct sq_buf *b, int16_t v);
void sq_wr_i32(struct sq_buf *b, int32_t v);
void sq_wr_i64(struct sq_buf *b, int64_t v);
void sq_wr_bytes(struct sq_buf *b, const void *p, size_t n);
void sq_wr_zeros(struct sq_buf *b, size_t n);

/* One 00 byte when n is odd (the str16 / tuple / value padding rule). */
void sq_wr_pad(struct sq_buf *b, size_t n);

/* str16: u16 length, bytes, pad to even. False (buffer untouched) if n > 65535. */
bool sq_wr_str16(struct sq_buf *b, const void *p, size_t n);

/* zstr16 (login packets): u16 length counting a trailing NUL, bytes, NUL.
 * False (buffer untouched) if the string is longer than 65534. */
bool sq_wr_zstr16(struct sq_buf *b, const char *s);

/* fixN: the text, then NUL bytes up to n (text longer than n is cut). */
void sq_wr_fix(struct sq_buf *b, const char *s, size_t n);

/* Overwrite a u16 at offset off (used to back-fill lengths). */
void sq_wr_put_u16_at(struct sq_buf *b, size_t off, uint16_t v);
void sq_wr_put_u32_at(struct sq_buf *b, size_t off, uint32_t v);

#endif
