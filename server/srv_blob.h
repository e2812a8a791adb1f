/* SPDX-License-Identifier: MIT */
/* srv_blob.h - ifxlite's BYTE/TEXT (simple large object) side of the wire
 * (doc §9.4 "BYTE / TEXT in rows", §9.7 streaming, PROTOCOL.md "Large
 * objects"):
 *   - the 56-byte descriptor a row carries in place of the value;
 *   - a per-cursor registry of the values handed out in rows, so that a later
 *     SQ_FETCHBLOB naming a descriptor can be answered while the cursor is
 *     open (after CLOSE the registry is empty: -602);
 *   - the spool that collects SQ_BLOB chunks of a client group (INSERT/UPDATE
 *     with BYTE/TEXT parameters) as they arrive, so that the group buffer
 *     never holds the value.
 * Descriptor layout: the tblob_t of IBM's Client SDK blob.h (public header;
 * offsets verified against doc §9.4's "size at 16..19, byte 39 = 1 NULL"):
 *   0 i16 fd | 2 i16 coloff | 4 i32 tblspace | 8 i32 start | 12 i32 end |
 *   16 i32 size | 20 i32 addr | 24 i32 family | 28 i32 volume | 32 i16 medium |
 *   34 u16 bstamp | 36 i16 sockid | 38 i16 flags (0x0001 NULL) | 40..55 reserved.
 * ifxlite's use of the fields a real server fills with disk addresses (ours,
 * [U] for real servers; clients must treat them as opaque): coloff = column
 * number (1-based), tblspace = statement id + 1, addr = registry handle. */
#ifndef IFXLITE_SRV_BLOB_H
#define IFXLITE_SRV_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"

#define SRV_BLOB_DESC 56
#define SRV_BLOB_OFF_COLOFF 2
#define SRV_BLOB_OFF_TBLSPACE 4
#define SRV_BLOB_OFF_SIZE 16
#define SRV_BLOB_OFF_ADDR 20
#define SRV_BLOB_OFF_FLAGS 38
#define SRV_BLOB_FLAG_NULL 0x0001u
#define SRV_BLOB_FLAG_PNBLOB 0x0008u /* "stored in the tablespace" */

/* Bytes of one SQ_BLOB chunk ifxlite sends (even; str16 allows 65535). The
 * doc gives JDBC's 1024 for the client's chunks only; the server's size is
 * ours. */
#define SRV_BLOB_CHUNK 32000u
/* Reply bytes buffered before they are written out during a FETCHBLOB, so a
 * 100 MiB value never sits whole in the reply buffer. */
#define SRV_BLOB_FLUSH (256u << 10)

/* Write a descriptor: NULL (flags 1, size 0) or a value of `size` bytes
 * registered under `handle`. */
void srv_blob_desc(uint8_t out[SRV_BLOB_DESC], bool is_null, uint64_t size, uint16_t col1,
                   uint16_t stmt_id, uint32_t handle);
/* Read the fields ifxlite uses back: false for a NULL descriptor. */
bool srv_blob_desc_read(const uint8_t d[SRV_BLOB_DESC], uint32_t *size, uint32_t *handle);

/* Values handed out by one cursor. Handles grow from 1; entries are kept from
 * the fetch call before the current one onwards (prefetching clients read a
 * batch while the next fetch is already answered), and all go at CLOSE. */
struct srv_blob_ent {
    uint32_t handle;
    uint8_t *data;
    size_t n;
};
struct srv_blobreg {
    struct srv_blob_ent *ents;
    size_t n, cap;
    uint32_t next_handle;
    uint32_t call_first; /* first handle sent in the current fetch call */
};
void srv_blobreg_init(struct srv_blobreg *r);
void srv_blobreg_clear(struct srv_blobreg *r); /* CLOSE / RELEASE: drop everything */
/* Start of a fetch call whose first row's values start at handle `first`
 * (the row kept from the last call, or next_handle): drop the values sent
 * before the previous call. A client sends fetch k only once batch k-1 is its
 * current batch, so nothing older can still be asked for. */
void srv_blobreg_fetch_begin(struct srv_blobreg *r, uint32_t first);
/* Copy a value in; 0 on out of memory, else its handle. */
uint32_t srv_blobreg_add(struct srv_blobreg *r, const void *p, size_t n);
/* The same without a copy: the registry takes d (sq_malloc'd) on success;
 * 0 (out of memory) leaves d with the caller. */
uint32_t srv_blobreg_adopt(struct srv_blobreg *r, uint8_t *d, size_t n);
const struct srv_blob_ent *srv_blobreg_find(const struct srv_blobreg *r, uint32_t handle);
/* Drop one value (nothing when the handle is not there). */
void srv_blobreg_drop(struct srv_blobreg *r, uint32_t handle);

/* SQ_BLOB chunks of one client group: values in arrival order; a non-empty
 * chunk extends the open value, an empty chunk closes it (an empty chunk with
 * none open is an empty value). */
struct srv_blobspool {
    struct sq_buf *vals;
    size_t n, cap;
    bool open;
    size_t taken; /* values already given to bind parameters */
    bool oom;
};
void srv_blobspool_init(struct srv_blobspool *s);
void srv_blobspool_reset(struct srv_blobspool *s); /* end of a group: free the values */
void srv_blobspool_chunk(struct srv_blobspool *s, const uint8_t *p, size_t n);
/* Next closed value for a bind parameter, NULL when none is left. */
const struct sq_buf *srv_blobspool_take(struct srv_blobspool *s);
size_t srv_blobspool_count(const struct srv_blobspool *s); /* closed values */

/* Encode one SQ_BLOB chunk message (00 27 str16 + pad). */
void srv_enc_blob_chunk(struct sq_buf *b, const uint8_t *p, size_t n);

#endif
