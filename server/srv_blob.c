/* SPDX-License-Identifier: MIT */
/* srv_blob.c - ifxlite's BYTE/TEXT descriptors, per-cursor value registry,
 * client chunk spool and SQ_BLOB encoder (see srv_blob.h). */
#include "srv_blob.h"

#include <string.h>

#include "sq_alloc.h"
#include "sq_opcodes.h"
#include "sq_wr.h"
#include "srv_sql.h"

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void srv_blob_desc(uint8_t out[SRV_BLOB_DESC], bool is_null, uint64_t size, uint16_t col1,
                   uint16_t stmt_id, uint32_t handle)
{
    memset(out, 0, SRV_BLOB_DESC);
    if (is_null) {
        out[SRV_BLOB_OFF_FLAGS + 1] = SRV_BLOB_FLAG_NULL;
        return;
    }
    out[SRV_BLOB_OFF_COLOFF] = (uint8_t)(col1 >> 8);
    out[SRV_BLOB_OFF_COLOFF + 1] = (uint8_t)col1;
    put_be32(out + SRV_BLOB_OFF_TBLSPACE, (uint32_t)stmt_id + 1u);
    put_be32(out + SRV_BLOB_OFF_SIZE, size > UINT32_MAX ? UINT32_MAX : (uint32_t)size);
    put_be32(out + SRV_BLOB_OFF_ADDR, handle);
    out[SRV_BLOB_OFF_FLAGS + 1] = SRV_BLOB_FLAG_PNBLOB;
}

bool srv_blob_desc_read(const uint8_t d[SRV_BLOB_DESC], uint32_t *size, uint32_t *handle)
{
    *size = get_be32(d + SRV_BLOB_OFF_SIZE);
    *handle = get_be32(d + SRV_BLOB_OFF_ADDR);
    return !(d[SRV_BLOB_OFF_FLAGS + 1] & SRV_BLOB_FLAG_NULL);
}

/* ---- registry ---- */

void srv_blobreg_init(struct srv_blobreg *r)
{
    memset(r, 0, sizeof *r);
    r->next_handle = 1;
    r->call_first = 1;
}

void srv_blobreg_clear(struct srv_blobreg *r)
{
    for (size_t i = 0; i < r->n; i++)
        sq_free(r->ents[i].data);
    sq_free(r->ents);
    uint32_t next = r->next_handle; /* handles are never reused on this cursor */
    srv_blobreg_init(r);
    r->next_handle = next;
    r->call_first = next;
}

void srv_blobreg_fetch_begin(struct srv_blobreg *r, uint32_t first)
{
    size_t keep = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (r->ents[i].handle < r->call_first)
            sq_free(r->ents[i].data);
        else
            r->ents[keep++] = r->ents[i];
    }
    r->n = keep;
    r->call_first = first;
}

uint32_t srv_blobreg_adopt(struct srv_blobreg *r, uint8_t *d, size_t n)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        struct srv_blob_ent *e = sq_realloc(r->ents, cap * sizeof *e);
        if (!e)
            return 0;
        r->ents = e;
        r->cap = cap;
    }
    if (r->next_handle == 0)
        r->next_handle = 1; /* wrapped after 4 billion values: 0 means "none" */
    struct srv_blob_ent *e = &r->ents[r->n++];
    e->handle = r->next_handle++;
    e->data = d;
    e->n = n;
    return e->handle;
}

uint32_t srv_blobreg_add(struct srv_blobreg *r, const void *p, size_t n)
{
    uint8_t *d = sq_malloc(n ? n : 1);
    if (!d)
        return 0;
    if (n)
        memcpy(d, p, n);
    uint32_t h = srv_blobreg_adopt(r, d, n);
    if (!h)
        sq_free(d);
    return h;
}

const struct srv_blob_ent *srv_blobreg_find(const struct srv_blobreg *r, uint32_t handle)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->ents[i].handle == handle)
            return &r->ents[i];
    return NULL;
}

void srv_blobreg_drop(struct srv_blobreg *r, uint32_t handle)
{
    for (size_t i = 0; i < r->n; i++) {
        if (r->ents[i].handle == handle) {
            sq_free(r->ents[i].data);
            memmove(&r->ents[i], &r->ents[i + 1], (r->n - i - 1) * sizeof r->ents[0]);
            r->n--;
            return;
        }
    }
}

/* ---- spool ---- */

void srv_blobspool_init(struct srv_blobspool *s)
{
    memset(s, 0, sizeof *s);
}

void srv_blobspool_reset(struct srv_blobspool *s)
{
    for (size_t i = 0; i < s->n; i++)
        sq_buf_fini(&s->vals[i]);
    sq_free(s->vals);
    srv_blobspool_init(s);
}

void srv_blobspool_chunk(struct srv_blobspool *s, const uint8_t *p, size_t n)
{
    if (s->oom)
        return;
    if (!s->open) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 4;
            struct sq_buf *v = sq_realloc(s->vals, cap * sizeof *v);
            if (!v) {
                s->oom = true;
                return;
            }
            s->vals = v;
            s->cap = cap;
        }
        sq_buf_init(&s->vals[s->n++]);
        s->open = true;
    }
    struct sq_buf *cur = &s->vals[s->n - 1];
    if (n == 0) {
        s->open = false;
        return;
    }
    if (n > SRV_MAX_LOB - cur->len) {
        s->oom = true; /* over what ifxlite stores: the bind fails (-208) */
        return;
    }
    sq_buf_append(cur, p, n);
    if (!sq_buf_ok(cur))
        s->oom = true;
}

const struct sq_buf *srv_blobspool_take(struct srv_blobspool *s)
{
    size_t closed = srv_blobspool_count(s);
    if (s->taken >= closed)
        return NULL;
    return &s->vals[s->taken++];
}

size_t srv_blobspool_count(const struct srv_blobspool *s)
{
    return s->open ? s->n - 1 : s->n;
}

void srv_enc_blob_chunk(struct sq_buf *b, const uint8_t *p, size_t n)
{
    sq_wr_u16(b, SQ_BLOB);
    (void)sq_wr_str16(b, p, n); /* n <= SRV_BLOB_CHUNK < 65536 */
}
