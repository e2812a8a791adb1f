/* SPDX-License-Identifier: MIT */
/* sq_buf.c - growable byte buffer with sticky OOM. */
#include "sq_buf.h"

#include <string.h>

#include "sq_alloc.h"

void sq_buf_init(struct sq_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

void sq_buf_fini(struct sq_buf *b)
{
    sq_free(b->data);
    sq_buf_init(b);
}

bool sq_buf_reserve(struct sq_buf *b, size_t extra)
{
    size_t need;
    if (b->oom)
        return false;
    if (!sq_size_add(b->len, extra, &need)) {
        b->oom = true;
        return false;
    }
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    uint8_t *p = sq_realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void sq_buf_append(struct sq_buf *b, const void *p, size_t n)
{
    if (!n || !sq_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void sq_buf_reset(struct sq_buf *b)
{
    b->len = 0;
    b->oom = false;
}

void sq_buf_consume(struct sq_buf *b, size_t n)
{
    if (n >= b->len) {
        b->len = 0;
        return;
    }
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
}

void sq_buf_shrink(struct sq_buf *b, size_t keep)
{
    if (b->len || b->cap <= keep)
        return;
    sq_free(b->data);
    b->data = NULL;
    b->cap = 0;
}
