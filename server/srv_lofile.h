/* SPDX-License-Identifier: MIT */
/* srv_lofile.h - ifxlite's smart-LOB (BLOB/CLOB) side of the wire
 * (driver/sqli/PROTOCOL.md "Smart LOBs", doc §9.8 [L]):
 *   - the 72-byte locator a row carries (ours: u64 BE size at 0..7, "ILO1" at
 *     8..11, u32 BE handle at 12..15, 0 = not fetchable, zeros after);
 *   - the locator bind block (type 41 UDTFIXED, prec = extended id 10/11);
 *   - the SQ_FILE requests the server sends while a statement runs lotofile /
 *     filetoblob / filetoclob, and decoders of the client's answer groups.
 * Written independently of the driver's side; only byte helpers are shared.
 * Pure functions, no I/O. */
#ifndef IFXLITE_SRV_LOFILE_H
#define IFXLITE_SRV_LOFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "sq_rc.h"
#include "sq_rd.h"

#define SRV_LO_LOC 72 /* = SQ_LO_LOCATOR_SIZE */
#define SRV_LO_MAGIC "ILO1"

/* SQ_FILE operations (u16 after the opcode) and open modes. */
#define SRV_FILE_OPEN 0
#define SRV_FILE_CLOSE 1
#define SRV_FILE_READ 2
#define SRV_FILE_WRITE 3
#define SRV_FILE_MODE_UP 0   /* the client reads its file and sends it (filetoblob) */
#define SRV_FILE_MODE_DOWN 1 /* the client writes its file (lotofile) */

/* What ifxlite asks for (ours): bufsize of a read request, bytes per read
 * request, bytes per write request, bytes of one SQ_FILE_WRITE block. */
#define SRV_FILE_BUFSIZE 32000u
#define SRV_FILE_AMOUNT (1u << 20)
#define SRV_FILE_WRITE_REQ (1u << 20)
#define SRV_FILE_WRITE_CHUNK 32000u

/* Locator: write one for a value of `size` bytes under `handle`. */
void srv_lo_locator(uint8_t out[SRV_LO_LOC], uint64_t size, uint32_t handle);
/* Read one back: false when n != 72 or the magic is not ours. */
bool srv_lo_locator_read(const uint8_t *p, size_t n, uint64_t *size, uint32_t *handle);

/* ---- Server -> client requests (each ends with SQ_EOT) ---- */
/* 00 62 | 00 00 | str16 name | i32 mode | i32 flags | i32 offset | 00 0C */
void srv_enc_file_open(struct sq_buf *b, const char *name, size_t n, int32_t mode);
/* 00 62 00 02 u16 bufsize i32 amount 00 0C */
void srv_enc_file_read(struct sq_buf *b, uint16_t bufsize, int32_t amount);
/* Write request: srv_enc_file_write_begin (00 62 00 03), then one
 * srv_enc_file_write_chunk (00 6B str16 chunk) per block, then srv_enc_eot. */
void srv_enc_file_write_begin(struct sq_buf *b);
void srv_enc_file_write_chunk(struct sq_buf *b, const uint8_t *p, size_t n);
/* 00 62 00 01 00 0C */
void srv_enc_file_close(struct sq_buf *b);

/* ---- Client -> server answers ---- */
/* 00 6A i32 result 00 0C (open, write). OK, NEED_MORE (rd unchanged) or
 * PROTOCOL (anything else: the connection closes). */
enum sq_rc srv_dec_file_result(struct sq_rd *rd, int32_t *result);
/* 00 0C (close). */
enum sq_rc srv_dec_file_closed(struct sq_rd *rd);
/* Answer to a read request of `amount` bytes with chunks of at most bufsize:
 * 00 6A i32 total, 00 6A str16 chunk ... (summing to total), 00 0C. The bytes
 * are appended to dst (which the caller reserves). PROTOCOL when total is
 * negative or over amount, a chunk is over bufsize or the chunks do not sum
 * to total. NEED_MORE leaves rd and dst unchanged. */
enum sq_rc srv_dec_file_data(struct sq_rd *rd, uint16_t bufsize, int32_t amount,
                             struct sq_buf *dst, int32_t *total);

/* The name lotofile writes (IBM's rule): "name!" is used as "name"; any other
 * name gets '.' and 16 hex digits of `id` appended. Returns the length (cut to
 * cap - 1, NUL-terminated). */
size_t srv_lo_file_name(const char *name, size_t n, uint64_t id, char *out, size_t cap);

#endif
