/* SPDX-License-Identifier: MIT */
/* charset_odbc.c - the database code set in the ODBC layer: locales at
 * connect, SQL text and string parameters out, character cells, column names
 * and server messages in (charset_odbc.h, docs/charsets.md). */
#include "charset_odbc.h"

#include <stdio.h>
#include <string.h>

#include "dbc.h"
#include "diag.h"
#include "sq_alloc.h"
#include "sq_types.h"
#include "stmt.h"

#define DEFAULT_LOCALE "en_US.utf8"

void charset_conn_free(struct charset_conn *c)
{
    if (!c)
        return;
    charset_free(c->cs);
    charset_buf_fini(&c->sql);
    charset_buf_fini(&c->cell);
    charset_buf_fini(&c->text);
    for (size_t i = 0; i < c->npar; i++)
        charset_buf_fini(&c->par[i]);
    sq_free(c->par);
    sq_free(c);
}

SQLRETURN charset_connect(struct dbc *dbc, const char *client_locale, const char *db_locale,
                          const char **send_client, const char **send_db)
{
    const char *cl = client_locale && client_locale[0] ? client_locale : DEFAULT_LOCALE;
    const char *dl = db_locale && db_locale[0] ? db_locale : cl;
    struct cs_locale loc;
    if (!charset_parse_locale(cl, &loc))
        return diag_add_server(&dbc->hdr, -23101, 0, cl);
    struct charset *cs = NULL;
    enum cs_rc r = charset_open(dl, &cs);
    if (r == CS_NOMEM)
        return diag_add(&dbc->hdr, DIAG_HY001, NULL);
    if (r != CS_OK)
        return diag_add_server(&dbc->hdr, -23101, 0, dl);
    charset_conn_free(dbc->csc);
    dbc->csc = NULL;
    if (cs) {
        dbc->csc = sq_calloc(1, sizeof *dbc->csc);
        if (!dbc->csc) {
            charset_free(cs);
            return diag_add(&dbc->hdr, DIAG_HY001, NULL);
        }
        dbc->csc->cs = cs;
    }
    *send_client = cl;
    *send_db = dl;
    return SQL_SUCCESS;
}

static SQLRETURN unmappable(struct handle *h, const struct charset *cs, uint32_t cp, size_t off,
                            const char *what)
{
    char detail[160];
    if (cp == 0xFFFDu)
        snprintf(detail, sizeof detail, "%s: bytes at offset %zu are not UTF-8", what, off);
    else
        snprintf(detail, sizeof detail, "%s: U+%04X at offset %zu is not in %s", what, (unsigned)cp,
                 off, charset_name(cs));
    return diag_add_server(h, -21005, 0, detail);
}

SQLRETURN charset_sql_out(struct dbc *dbc, struct handle *h, const char *sql, size_t n,
                          const char **out, size_t *out_len)
{
    *out = sql;
    *out_len = n;
    struct charset_conn *c = dbc->csc;
    if (!c || charset_is_passthrough(c->cs, sql, n))
        return SQL_SUCCESS;
    size_t off = 0;
    uint32_t cp = 0;
    enum cs_rc r = charset_to_db(c->cs, sql, n, &c->sql, out, out_len, &off, &cp);
    if (r == CS_NOMEM)
        return diag_add(h, DIAG_HY001, NULL);
    if (r != CS_OK)
        return unmappable(h, c->cs, cp, off, "SQL text");
    return SQL_SUCCESS;
}

static bool is_text_param(uint16_t type)
{
    switch (SQ_T_BASE(type)) {
    case SQ_T_CHAR:
    case SQ_T_VARCHAR:
    case SQ_T_NCHAR:
    case SQ_T_NVARCHAR:
    case SQ_T_LVARCHAR_CLIENT:
        return true;
    default:
        return false;
    }
}

SQLRETURN charset_params_out(struct stmt *s, size_t n, SQLULEN row)
{
    struct charset_conn *c = s->dbc->csc;
    if (!c)
        return SQL_SUCCESS;
    if (n > c->npar) {
        struct cs_buf *nb = sq_realloc(c->par, n * sizeof *nb);
        if (!nb)
            return diag_add(&s->hdr, DIAG_HY001, NULL);
        memset(nb + c->npar, 0, (n - c->npar) * sizeof *nb);
        c->par = nb;
        c->npar = n;
    }
    for (size_t i = 0; i < n; i++) {
        struct sq_param *p = &s->params[i];
        if (!p->is_null && SQ_T_BASE(p->type) == SQ_T_TEXT && p->u.lob.p &&
            !(s->dae && s->dae[i].text_raw)) {
            /* a TEXT/CLOB value in memory (spooled ones: charset_lob_spool_out) */
            if (charset_is_passthrough(c->cs, (const char *)p->u.lob.p, (size_t)p->u.lob.n))
                continue;
            const char *o;
            size_t on, off = 0;
            uint32_t cp = 0;
            enum cs_rc r = charset_to_db(c->cs, (const char *)p->u.lob.p, (size_t)p->u.lob.n,
                                         &c->par[i], &o, &on, &off, &cp);
            if (r == CS_NOMEM)
                return diag_add(&s->hdr, DIAG_HY001, NULL);
            if (r != CS_OK) {
                char what[64];
                snprintf(what, sizeof what, "parameter %zu of row %lu", i + 1,
                         (unsigned long)row + 1);
                return unmappable(&s->hdr, c->cs, cp, off, what);
            }
            p->u.lob.p = (const uint8_t *)o;
            p->u.lob.n = on;
            continue;
        }
        if (p->is_null || !is_text_param(p->type) ||
            charset_is_passthrough(c->cs, (const char *)p->u.s.p, p->u.s.n))
            continue;
        const char *o;
        size_t on, off = 0;
        uint32_t cp = 0;
        enum cs_rc r =
            charset_to_db(c->cs, (const char *)p->u.s.p, p->u.s.n, &c->par[i], &o, &on, &off, &cp);
        if (r == CS_NOMEM)
            return diag_add(&s->hdr, DIAG_HY001, NULL);
        if (r != CS_OK) {
            char what[64];
            snprintf(what, sizeof what, "parameter %zu of row %lu", i + 1, (unsigned long)row + 1);
            return unmappable(&s->hdr, c->cs, cp, off, what);
        }
        if (on > 0xFFFFu)
            return diag_add_at(&s->hdr, DIAG_22001, (SQLLEN)row + 1, (SQLINTEGER)(i + 1),
                               "parameter %zu is %zu bytes in %s", i + 1, on, charset_name(c->cs));
        p->u.s.p = (const uint8_t *)o;
        p->u.s.n = on;
        if (SQ_T_BASE(p->type) == SQ_T_VARCHAR) {
            if (on > 255) {
                p->type = SQ_T_CHAR;
                p->prec = 0;
            } else {
                p->prec = (uint16_t)on;
            }
        }
    }
    return SQL_SUCCESS;
}

static bool is_char_kind(enum sq_kind k)
{
    return k == SQ_K_CHAR || k == SQ_K_NCHAR || k == SQ_K_VARCHAR || k == SQ_K_NVARCHAR ||
           k == SQ_K_LVARCHAR;
}

enum sq_rc charset_cell_in(struct stmt *s, const struct sq_coldesc *cd, struct sq_value *v)
{
    struct charset_conn *c = s->dbc->csc;
    if (!c || v->is_null || !is_char_kind(v->kind) ||
        charset_is_passthrough(c->cs, (const char *)v->u.s.p, v->u.s.n))
        return SQ_RC_OK;
    const char *o;
    size_t on, off = 0;
    enum cs_rc r =
        charset_from_db(c->cs, (const char *)v->u.s.p, v->u.s.n, &c->cell, &o, &on, &off);
    if (r == CS_NOMEM)
        return SQ_RC_NOMEM;
    if (r != CS_OK) {
        char detail[200];
        snprintf(
            detail, sizeof detail, "column %s: byte 0x%02X at offset %zu is not a %s character",
            cd && cd->name ? cd->name : "?", (unsigned)v->u.s.p[off], off, charset_name(c->cs));
        (void)diag_add_server(&s->hdr, -21005, 0, detail);
        return CHARSET_RC_REPORTED;
    }
    v->u.s.p = (const uint8_t *)o;
    v->u.s.n = on;
    return SQ_RC_OK;
}

void charset_value_in(struct dbc *dbc, struct sq_value *v)
{
    struct charset_conn *c = dbc->csc;
    if (!c || v->is_null || !is_char_kind(v->kind))
        return;
    const char *o;
    size_t on, off;
    if (charset_from_db(c->cs, (const char *)v->u.s.p, v->u.s.n, &c->cell, &o, &on, &off) ==
        CS_OK) {
        v->u.s.p = (const uint8_t *)o;
        v->u.s.n = on;
    }
}

char *charset_name_dup(struct dbc *dbc, const char *name)
{
    if (!name)
        name = "";
    struct charset_conn *c = dbc->csc;
    size_t n = strlen(name);
    const char *o = name;
    size_t on = n, off;
    if (c && charset_from_db(c->cs, name, n, &c->text, &o, &on, &off) != CS_OK) {
        o = name;
        on = n;
    }
    char *r = sq_malloc(on + 1);
    if (r) {
        memcpy(r, o, on);
        r[on] = '\0';
    }
    return r;
}

void charset_adjust_coltype(struct dbc *dbc, const struct sq_coldesc *col, struct conv_coltype *ct)
{
    if (!dbc->csc || !col || !is_char_kind(col->kind))
        return;
    unsigned f = charset_utf8_factor(dbc->csc->cs);
    SQLLEN size = (SQLLEN)ct->column_size;
    if (size > 0 && size <= (SQLLEN)(INT32_MAX / f))
        ct->octet_length = size * (SQLLEN)f;
}

const char *charset_diag_text(struct handle *h, const char *text, char *buf, size_t cap)
{
    if (!h || !text || !cap)
        return text;
    struct dbc *dbc = NULL;
    if (h->type == SQL_HANDLE_DBC)
        dbc = (struct dbc *)h;
    else if (h->type == SQL_HANDLE_STMT)
        dbc = ((struct stmt *)h)->dbc;
    if (!dbc || !dbc->csc)
        return text;
    size_t n = strlen(text), on, off;
    const char *o;
    if (charset_from_db(dbc->csc->cs, text, n, &dbc->csc->text, &o, &on, &off) != CS_OK)
        return text;
    snprintf(buf, cap, "%.*s", (int)on, o);
    return buf;
}

/* ---- TEXT / CLOB values (stmt_lob.c) ---------------------------------------
 * Large text goes through in pieces, so a character may be cut between two:
 * the bytes of an incomplete character at the end of a piece wait in `carry`
 * for the next one (at most 3 bytes in either direction: a UTF-8 sequence
 * or a multibyte code set's character). */

/* An unconvertible character in the last few bytes of a piece that is not the
 * last: the start of a character cut by the piece boundary. */
static bool cut_at_end(size_t off, size_t n, bool last)
{
    return !last && off + LOB_CARRY_MAX >= n && off < n;
}

SQLRETURN charset_lob_in(struct stmt *s, struct lob_xcode *x, const uint8_t *p, size_t n,
                         bool last, const uint8_t **out, size_t *out_n)
{
    struct charset_conn *c = s->dbc->csc;
    const char *src = (const char *)p;
    if (x->carry_n) {
        /* join the carried bytes and the piece */
        size_t need = x->carry_n + n;
        if (need > x->join.cap) {
            char *j = sq_realloc(x->join.p, need);
            if (!j)
                return diag_add(&s->hdr, DIAG_HY001, NULL);
            x->join.p = j;
            x->join.cap = need;
        }
        memcpy(x->join.p, x->carry, x->carry_n);
        if (n)
            memcpy(x->join.p + x->carry_n, p, n);
        src = x->join.p;
        n = need;
        x->carry_n = 0;
    }
    const char *o = src;
    size_t on = n, off = 0;
    enum cs_rc r = charset_is_passthrough(c->cs, src, n)
                       ? CS_OK
                       : charset_from_db(c->cs, src, n, &x->out, &o, &on, &off);
    if (r == CS_INVALID && cut_at_end(off, n, last)) {
        memcpy(x->carry, src + off, n - off);
        x->carry_n = n - off;
        n = off;
        o = src;
        on = n;
        r = charset_is_passthrough(c->cs, src, n)
                ? CS_OK
                : charset_from_db(c->cs, src, n, &x->out, &o, &on, &off);
    }
    if (r == CS_NOMEM)
        return diag_add(&s->hdr, DIAG_HY001, NULL);
    if (r != CS_OK) {
        char detail[160];
        snprintf(detail, sizeof detail, "large text: byte 0x%02X at offset %llu is not a %s character",
                 (unsigned)(uint8_t)src[off], (unsigned long long)(x->done + off),
                 charset_name(c->cs));
        return diag_add_server(&s->hdr, -21005, 0, detail);
    }
    x->done += n;
    *out = (const uint8_t *)o;
    *out_n = on;
    return SQL_SUCCESS;
}

void charset_lob_xcode_fini(struct lob_xcode *x)
{
    charset_buf_fini(&x->out);
    charset_buf_fini(&x->join);
    memset(x, 0, sizeof *x);
}

SQLRETURN charset_lob_spool_out(struct stmt *s, void **spool, size_t *len, size_t param)
{
    struct charset_conn *c = s->dbc->csc;
    FILE *in = *spool;
    if (!c || !in)
        return SQL_SUCCESS;
    FILE *out = tmpfile();
    if (!out)
        return diag_add(&s->hdr, DIAG_HY001,
                        "cannot create a temporary file for a TEXT/CLOB parameter");
    enum { PIECE = 65536 };
    char *buf = sq_malloc(PIECE + LOB_CARRY_MAX);
    struct cs_buf cb = {0};
    SQLRETURN rc = SQL_SUCCESS;
    size_t carry = 0, total = 0, read = 0;
    rewind(in);
    while (buf && rc == SQL_SUCCESS) {
        size_t k = fread(buf + carry, 1, PIECE, in);
        bool last = k < PIECE;
        size_t n = carry + k, off = 0, on;
        const char *o;
        uint32_t cp = 0;
        enum cs_rc r = charset_to_db(c->cs, buf, n, &cb, &o, &on, &off, &cp);
        size_t keep = 0;
        if (r == CS_UNMAPPABLE && cp == 0xFFFDu && cut_at_end(off, n, last)) {
            keep = n - off; /* a UTF-8 sequence cut by the piece */
            r = charset_to_db(c->cs, buf, off, &cb, &o, &on, &off, &cp);
        }
        if (r == CS_NOMEM) {
            rc = diag_add(&s->hdr, DIAG_HY001, NULL);
            break;
        }
        if (r != CS_OK) {
            char what[64];
            snprintf(what, sizeof what, "parameter %zu", param + 1);
            rc = unmappable(&s->hdr, c->cs, cp, read + off, what);
            break;
        }
        if (on && fwrite(o, 1, on, out) != on) {
            rc = diag_add(&s->hdr, DIAG_HY001, "cannot write a TEXT/CLOB parameter's temporary file");
            break;
        }
        total += on;
        read += n - keep;
        memmove(buf, buf + n - keep, keep);
        carry = keep;
        if (last)
            break;
    }
    if (!buf)
        rc = diag_add(&s->hdr, DIAG_HY001, NULL);
    sq_free(buf);
    charset_buf_fini(&cb);
    if (rc != SQL_SUCCESS) {
        fclose(out);
        return rc;
    }
    fclose(in);
    *spool = out;
    *len = total;
    return SQL_SUCCESS;
}
