/* SPDX-License-Identifier: MIT */
/* sq_mem.c - in-memory transport: reads replay a scripted byte string (in
 * chunks of a chosen size, to exercise split reads), writes are recorded.
 * Used by the unit tests (a scripted server) and by bench_decode. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "sq_alloc.h"
#include "sq_transport.h"

struct mem_transport {
    struct sq_transport base;
    const uint8_t *script;
    uint8_t *owned; /* copy of the script, or NULL when borrowed */
    size_t len;
    size_t pos;
    size_t max_chunk;
    struct sq_buf written;
    atomic_bool interrupted;
};

static enum sq_rc mem_read(struct sq_transport *base, void *buf, size_t cap, size_t *got,
                           int64_t deadline, char *err, size_t errcap)
{
    struct mem_transport *t = (struct mem_transport *)base;
    (void)deadline; /* a script never blocks */
    *got = 0;
    if (atomic_load(&t->interrupted))
        return SQ_RC_CANCELLED;
    size_t left = t->len - t->pos;
    if (left == 0) {
        snprintf(err, errcap, "server closed the connection");
        return SQ_RC_IO;
    }
    size_t n = left < cap ? left : cap;
    if (t->max_chunk && n > t->max_chunk)
        n = t->max_chunk;
    memcpy(buf, t->script + t->pos, n);
    t->pos += n;
    *got = n;
    return SQ_RC_OK;
}

static enum sq_rc mem_write(struct sq_transport *base, const void *buf, size_t len,
                            int64_t deadline, char *err, size_t errcap)
{
    struct mem_transport *t = (struct mem_transport *)base;
    (void)deadline;
    if (atomic_load(&t->interrupted))
        return SQ_RC_CANCELLED;
    sq_buf_append(&t->written, buf, len);
    if (!sq_buf_ok(&t->written)) {
        snprintf(err, errcap, "out of memory recording a write");
        return SQ_RC_NOMEM;
    }
    return SQ_RC_OK;
}

static void mem_interrupt(struct sq_transport *base)
{
    struct mem_transport *t = (struct mem_transport *)base;
    atomic_store(&t->interrupted, true);
}

static void mem_close(struct sq_transport *base)
{
    struct mem_transport *t = (struct mem_transport *)base;
    if (!t)
        return;
    sq_buf_fini(&t->written);
    sq_free(t->owned);
    sq_free(t);
}

static const struct sq_transport_ops mem_ops = {
    .read = mem_read,
    .write = mem_write,
    .interrupt = mem_interrupt,
    .close = mem_close,
};

static struct mem_transport *mem_alloc(size_t len, size_t max_chunk)
{
    struct mem_transport *t = sq_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->base.ops = &mem_ops;
    t->len = len;
    t->max_chunk = max_chunk;
    sq_buf_init(&t->written);
    atomic_init(&t->interrupted, false);
    return t;
}

struct sq_transport *sq_mem_new(const void *script, size_t len, size_t max_chunk)
{
    struct mem_transport *t = mem_alloc(len, max_chunk);
    if (!t)
        return NULL;
    t->owned = sq_memdup(script, len);
    if (!t->owned) {
        sq_free(t);
        return NULL;
    }
    t->script = t->owned;
    return &t->base;
}

struct sq_transport *sq_mem_new_borrowed(const void *script, size_t len, size_t max_chunk)
{
    struct mem_transport *t = mem_alloc(len, max_chunk);
    if (!t)
        return NULL;
    t->script = script;
    return &t->base;
}

const struct sq_buf *sq_mem_written(const struct sq_transport *base)
{
    if (!base || base->ops != &mem_ops)
        return NULL;
    return &((const struct mem_transport *)base)->written;
}

size_t sq_mem_unread(const struct sq_transport *base)
{
    if (!base || base->ops != &mem_ops)
        return 0;
    const struct mem_transport *t = (const struct mem_transport *)base;
    return t->len - t->pos;
}

void sq_mem_rewind(struct sq_transport *base)
{
    if (!base || base->ops != &mem_ops)
        return;
    struct mem_transport *t = (struct mem_transport *)base;
    t->pos = 0;
    sq_buf_reset(&t->written);
}
