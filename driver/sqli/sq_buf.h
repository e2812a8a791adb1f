/* SPDX-License-Identifier: MIT */
/* sq_buf.h - growable byte buffer with a sticky out-of-memory state (libpq's
 * "broken buffer" idiom): after a failed growth every append is a no-op, so a
 * writer builds a whole message and checks sq_buf_ok() once at the end.
 * Byte-level helper shared by the driver core and ifxlite. */
#ifndef IFXODBC_SQ_BUF_H
#define IFXODBC_SQ_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sq_buf {
    uint8_t *data;
    size_t len; /* bytes in use */
    size_t cap; /* bytes allocated */
    bool oom;   /* sticky: a growth failed */
};

#define SQ_BUF_INIT {NULL, 0, 0, false}

void sq_buf_init(struct sq_buf *b);
void sq_buf_fini(struct sq_buf *b); /* frees; the buffer is reusable after sq_buf_init */

/* Make room for `extra` more bytes. False (and oom set) on failure or overflow. */
bool sq_buf_reserve(struct sq_buf *b, size_t extra);

/* Append bytes; on failure sets oom and leaves the content as it was. */
void sq_buf_append(struct sq_buf *b, const void *p, size_t n);

/* Empty the buffer, keep the allocation, clear oom. */
void sq_buf_reset(struct sq_buf *b);

/* Drop the first n bytes (n <= len), moving the rest to the front. */
void sq_buf_consume(struct sq_buf *b, size_t n);

/* Give back memory above `keep` bytes when the buffer is empty (hiredis maxbuf). */
void sq_buf_shrink(struct sq_buf *b, size_t keep);

static inline bool sq_buf_ok(const struct sq_buf *b)
{
    return !b->oom;
}

#endif
