/* SPDX-License-Identifier: MIT */
/* stmt_smartlob.c - BLOB and CLOB (smart large objects) through ODBC
 * (docs/large-objects.md). They look like BYTE/TEXT to the application
 * (SQL_LONGVARBINARY / SQL_LONGVARCHAR, SQLGetData in pieces, bound buffers,
 * SQLPutData); underneath, the row holds a 72-byte locator and the data move
 * by the route the protocol document marks [L] (doc §9.8, sq_file.h):
 *
 * Reading. The first SQLGetData of a value runs lotofile over its locator on
 * the same connection; the server writes the "client file", which we keep in
 * memory up to SPOOL_MEM_MAX and in an anonymous temporary file beyond, so a
 * 100 MiB value does not grow the client's memory. stmt_lob.c then converts
 * and hands it out piece by piece exactly as it does for BYTE/TEXT (hex for
 * SQL_C_CHAR of a BLOB, UTF-16 for SQL_C_WCHAR of a CLOB). The whole value is
 * read before the first piece is returned (the exchange is one statement on
 * the wire), which also makes its length exact in *StrLen_or_Ind.
 *
 * Writing. A parameter whose target column is a BLOB/CLOB is built as a
 * BYTE/TEXT value (bound buffer, SQLPutData spooled to a temporary file,
 * never held whole), then, just before execution, filetoblob/filetoclob
 * makes a new object from it (the server reads our "client file") and the
 * parameter is bound as that object's locator. */
#include "stmt.h"

#include <stdio.h>
#include <string.h>

#include "sq_alloc.h"
#include "sq_file.h"
#include "sq_types.h"

/* Bytes of a value kept in memory before the spool moves to a file. */
#define SPOOL_MEM_MAX (1u << 20)

void stmt_lob_spool_free(struct lob_spool *sp)
{
    sq_free(sp->mem);
    if (sp->file)
        fclose(sp->file);
    memset(sp, 0, sizeof *sp);
}

/* ---- reading: lotofile writes our spool ---- */

static enum sq_rc sp_open(void *ctx, const char *name, size_t name_n, int32_t mode,
                          uint64_t *size)
{
    (void)name;
    (void)name_n;
    struct lob_spool *sp = ctx;
    if (mode != SQ_FILE_MODE_WRITE)
        return SQ_RC_MISUSE; /* lotofile only writes */
    stmt_lob_spool_free(sp);
    *size = 0;
    return SQ_RC_OK;
}

static enum sq_rc sp_write(void *ctx, const uint8_t *p, size_t n)
{
    struct lob_spool *sp = ctx;
    if (!sp->file && sp->mem_n + n <= SPOOL_MEM_MAX) {
        if (sp->mem_n + n > sp->mem_cap) {
            size_t cap = sp->mem_cap ? sp->mem_cap : 4096;
            while (cap < sp->mem_n + n)
                cap *= 2;
            uint8_t *m = sq_realloc(sp->mem, cap);
            if (!m) {
                sp->failed = true;
                return SQ_RC_NOMEM;
            }
            sp->mem = m;
            sp->mem_cap = cap;
        }
        memcpy(sp->mem + sp->mem_n, p, n);
        sp->mem_n += n;
        sp->n += n;
        return SQ_RC_OK;
    }
    if (!sp->file) {
        FILE *f = tmpfile(); /* unlinked at once: nothing is left behind */
        if (!f || (sp->mem_n && fwrite(sp->mem, 1, sp->mem_n, f) != sp->mem_n)) {
            if (f)
                fclose(f);
            sp->failed = true;
            return SQ_RC_IO;
        }
        sp->file = f;
        sq_free(sp->mem);
        sp->mem = NULL;
        sp->mem_n = sp->mem_cap = 0;
    }
    if (fwrite(p, 1, n, sp->file) != n) {
        sp->failed = true;
        return SQ_RC_IO;
    }
    sp->n += n;
    return SQ_RC_OK;
}

static enum sq_rc no_read(void *ctx, uint8_t *buf, size_t max, size_t *got)
{
    (void)ctx;
    (void)buf;
    (void)max;
    *got = 0;
    return SQ_RC_MISUSE;
}

static void no_close(void *ctx)
{
    (void)ctx;
}

SQLRETURN stmt_smartlob_fetch(struct stmt *s, const struct sq_coldesc *cd,
                              const uint8_t *locator, struct lob_spool *sp)
{
    struct sq_conn *w = dbc_wire(s->dbc);
    if (!w)
        return diag_add(&s->hdr, DIAG_08003, NULL);
    stmt_lob_spool_free(sp);
    struct sq_file_ops ops = {sp, sp_open, no_read, sp_write, no_close};
    stmt_deadline_arm(s);
    enum sq_rc r = sq_lo_fetch(w, cd->kind == SQ_K_CLOB, locator, &ops);
    stmt_deadline_disarm(s);
    if (r != SQ_RC_OK) {
        stmt_lob_spool_free(sp);
        return stmt_wire_error(s, r);
    }
    if (sp->failed) {
        stmt_lob_spool_free(sp);
        return diag_add(&s->hdr, DIAG_HY001,
                        "cannot keep a %s value: its temporary file could not be written",
                        cd->kind == SQ_K_CLOB ? "CLOB" : "BLOB");
    }
    if (sp->file && fflush(sp->file) != 0) {
        stmt_lob_spool_free(sp);
        return diag_add(&s->hdr, DIAG_HY001, "cannot write a large object's temporary file");
    }
    if (sp->file)
        rewind(sp->file);
    return SQL_SUCCESS;
}

/* Up to cap of the n bytes that are in mem or in f (at their start) from
 * *pos on into buf: *got (0 at the end), false when f cannot be read. Reads
 * the spool back for SQLGetData and a parameter for filetoblob. */
static bool mem_or_file_read(const uint8_t *mem, FILE *f, uint64_t n, uint64_t *pos, uint8_t *buf,
                             size_t cap, size_t *got)
{
    uint64_t left = n - *pos;
    size_t k = left < cap ? (size_t)left : cap;
    if (k && f) {
        if (fread(buf, 1, k, f) != k)
            return false;
    } else if (k) {
        memcpy(buf, mem + *pos, k);
    }
    *pos += k;
    *got = k;
    return true;
}

SQLRETURN stmt_smartlob_pull(struct stmt *s, struct lob_spool *sp, uint8_t *buf, size_t cap,
                             size_t *got)
{
    if (!mem_or_file_read(sp->mem, sp->file, sp->n, &sp->rd, buf, cap, got))
        return diag_add(&s->hdr, DIAG_HY000,
                        "cannot read back a large object from its temporary file");
    return SQL_SUCCESS;
}

/* ---- writing: filetoblob reads the parameter ---- */

struct param_src {
    const uint8_t *p; /* in memory, or NULL */
    FILE *f;          /* spooled SQLPutData pieces, or NULL */
    uint64_t n, pos;
};

static enum sq_rc src_open(void *ctx, const char *name, size_t name_n, int32_t mode,
                           uint64_t *size)
{
    (void)name;
    (void)name_n;
    struct param_src *src = ctx;
    if (mode != SQ_FILE_MODE_READ)
        return SQ_RC_MISUSE; /* filetoblob only reads */
    src->pos = 0;
    if (src->f)
        rewind(src->f);
    *size = src->n;
    return SQ_RC_OK;
}

static enum sq_rc src_read(void *ctx, uint8_t *buf, size_t max, size_t *got)
{
    struct param_src *src = ctx;
    return mem_or_file_read(src->p, src->f, src->n, &src->pos, buf, max, got) ? SQ_RC_OK
                                                                               : SQ_RC_IO;
}

static enum sq_rc no_write(void *ctx, const uint8_t *p, size_t n)
{
    (void)ctx;
    (void)p;
    (void)n;
    return SQ_RC_MISUSE;
}

SQLRETURN stmt_smartlob_params(struct stmt *s, size_t n)
{
    struct sq_conn *w = dbc_wire(s->dbc);
    for (size_t i = 0; i < n; i++) {
        struct sq_param *p = &s->params[i];
        struct dae_buf *b = &s->dae[i];
        if (!b->lob_smart || p->is_null || (p->type != SQ_T_BYTE && p->type != SQ_T_TEXT))
            continue;
        if (!w)
            return diag_add(&s->hdr, DIAG_08003, NULL);
        struct param_src src = {p->u.lob.p, b->lob_spool ? b->spool : NULL, p->u.lob.n, 0};
        if (src.n && !src.p && !src.f)
            return diag_add_at(&s->hdr, DIAG_HY000, (SQLLEN)s->dae_row + 1, (SQLINTEGER)(i + 1),
                               "parameter %zu: its large-object data are not available", i + 1);
        struct sq_file_ops ops = {&src, src_open, src_read, no_write, no_close};
        bool clob = p->type == SQ_T_TEXT;
        stmt_deadline_arm(s);
        enum sq_rc r = sq_lo_create(w, clob, &ops, b->locator);
        stmt_deadline_disarm(s);
        if (r != SQ_RC_OK)
            return stmt_wire_error(s, r);
        memset(p, 0, sizeof *p);
        p->type = SQ_T_UDTFIXED;
        p->prec = clob ? SQ_XID_CLOB : SQ_XID_BLOB;
        p->u.s.p = b->locator;
        p->u.s.n = SQ_LO_LOCATOR_SIZE;
    }
    return SQL_SUCCESS;
}
