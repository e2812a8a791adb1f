/* SPDX-License-Identifier: MIT */
/* srv_sql_lex.c - ifxlite's SQL tokenizer (Informix lexical rules: 'strings'
 * with '' escapes, "identifiers" under DELIMIDENT, comments --, { } and / * * /)
 * and small string-building helpers. Part of ifxlite's SQL engine. */
#include "srv_errors.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"
#include "sq_limits.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool push(struct srv_toks *t, enum srv_tk k, size_t off, size_t len)
{
    if (t->n + 1 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64, bytes;
        if (!sq_size_mul(cap, sizeof *t->v, &bytes))
            return false;
        struct srv_tok *v = sq_realloc(t->v, bytes);
        if (!v)
            return false;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n].k = k;
    t->v[t->n].off = (uint32_t)off;
    t->v[t->n].len = (uint32_t)len;
    t->n++;
    t->v[t->n].k = TK_EOF;
    t->v[t->n].off = (uint32_t)(off + len);
    t->v[t->n].len = 0;
    return true;
}

static bool is_ident_start(unsigned char c)
{
    return isalpha(c) || c == '_' || c >= 0x80;
}

static bool is_ident_char(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

void srv_toks_fini(struct srv_toks *t)
{
    sq_free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

int srv_lex(const char *sql, size_t len, bool delimident, struct srv_toks *out, struct srv_err *err)
{
    static const char *const ops2[] = {"||", "::", "<=", ">=", "<>", "!=", "=="};
    out->v = NULL;
    out->n = out->cap = 0;
    if (len > SQ_MAX_SQL_SIZE) {
        srv_err_set(err, SRV_E_SYNTAX, 0, 0, NULL);
        return -1;
    }
    if (!push(out, TK_EOF, 0, 0))
        goto oom;
    out->n = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)sql[i];
        if (isspace(c)) {
            i++;
        } else if (c == '-' && i + 1 < len && sql[i + 1] == '-') {
            while (i < len && sql[i] != '\n')
                i++;
        } else if (c == '{') {
            size_t start = i;
            while (i < len && sql[i] != '}')
                i++;
            if (i >= len) {
                srv_err_set(err, SRV_E_SYNTAX, 0, (uint32_t)start, NULL);
                goto fail;
            }
            i++;
        } else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
            size_t start = i;
            i += 2;
            while (i + 1 < len && !(sql[i] == '*' && sql[i + 1] == '/'))
                i++;
            if (i + 1 >= len) {
                srv_err_set(err, SRV_E_SYNTAX, 0, (uint32_t)start, NULL);
                goto fail;
            }
            i += 2;
        } else if (c == '\'' || c == '"') {
            size_t start = i++;
            for (;;) {
                if (i >= len) {
                    srv_err_set(err, SRV_E_SYNTAX, 0, (uint32_t)start, NULL);
                    goto fail;
                }
                if ((unsigned char)sql[i] == c) {
                    if (i + 1 < len && (unsigned char)sql[i + 1] == c) {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
            enum srv_tk k = (c == '\'' || !delimident) ? TK_STRING : TK_QIDENT;
            if (!push(out, k, start, i - start))
                goto oom;
        } else if (is_ident_start(c)) {
            size_t start = i;
            while (i < len && is_ident_char((unsigned char)sql[i]))
                i++;
            if (!push(out, TK_IDENT, start, i - start))
                goto oom;
        } else if (isdigit(c) || (c == '.' && i + 1 < len && isdigit((unsigned char)sql[i + 1]))) {
            size_t start = i;
            while (i < len && isdigit((unsigned char)sql[i]))
                i++;
            if (i < len && sql[i] == '.') {
                i++;
                while (i < len && isdigit((unsigned char)sql[i]))
                    i++;
            }
            if (i < len && (sql[i] == 'e' || sql[i] == 'E')) {
                size_t j = i + 1;
                if (j < len && (sql[j] == '+' || sql[j] == '-'))
                    j++;
                if (j < len && isdigit((unsigned char)sql[j])) {
                    i = j;
                    while (i < len && isdigit((unsigned char)sql[i]))
                        i++;
                }
            }
            if (!push(out, TK_NUMBER, start, i - start))
                goto oom;
        } else if (c == '?') {
            if (!push(out, TK_PARAM, i, 1))
                goto oom;
            i++;
        } else {
            size_t n = 1;
            for (size_t k = 0; k < sizeof ops2 / sizeof ops2[0]; k++)
                if (i + 1 < len && sql[i] == ops2[k][0] && sql[i + 1] == ops2[k][1])
                    n = 2;
            if (!strchr("()[],.;+-*/=<>:@|!%", c)) {
                srv_err_set(err, SRV_E_SYNTAX, 0, (uint32_t)i, NULL);
                goto fail;
            }
            if (!push(out, TK_OP, i, n))
                goto oom;
            i += n;
        }
    }
    /* One statement per PREPARE: a trailing ';' is dropped, any other is an error. */
    while (out->n > 0 && srv_tok_op(sql, &out->v[out->n - 1], ";")) {
        out->n--;
        out->v[out->n].k = TK_EOF;
    }
    for (size_t k = 0; k < out->n; k++) {
        if (srv_tok_op(sql, &out->v[k], ";")) {
            srv_err_set(err, SRV_E_SYNTAX, 0, out->v[k].off, NULL);
            goto fail;
        }
    }
    out->v[out->n].off = (uint32_t)len;
    return 0;
oom:
    srv_err_set(err, SRV_E_NOMEM, 0, 0, NULL);
fail:
    srv_toks_fini(out);
    return -1;
}

bool srv_tok_kw(const char *sql, const struct srv_tok *t, const char *kw)
{
    if (t->k != TK_IDENT)
        return false;
    size_t n = strlen(kw);
    if (t->len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)sql[t->off + i]) != tolower((unsigned char)kw[i]))
            return false;
    return true;
}

bool srv_tok_op(const char *sql, const struct srv_tok *t, const char *op)
{
    size_t n = strlen(op);
    return t->k == TK_OP && t->len == n && memcmp(sql + t->off, op, n) == 0;
}

bool srv_tok_ident(const char *sql, const struct srv_tok *t, char *out, size_t cap)
{
    if (cap == 0)
        return false;
    out[0] = '\0';
    if (t->k == TK_IDENT) {
        size_t n = t->len < cap - 1 ? t->len : cap - 1;
        for (size_t i = 0; i < n; i++)
            out[i] = (char)tolower((unsigned char)sql[t->off + i]);
        out[n] = '\0';
        return true;
    }
    if (t->k == TK_QIDENT) {
        size_t o = 0;
        for (size_t i = 1; i + 1 < t->len && o + 1 < cap; i++) {
            out[o++] = sql[t->off + i];
            if (sql[t->off + i] == '"')
                i++;
        }
        out[o] = '\0';
        return true;
    }
    return false;
}

char *srv_tok_string(const char *sql, const struct srv_tok *t, size_t *len)
{
    char *out = sq_malloc(t->len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    char q = sql[t->off];
    for (size_t i = 1; i + 1 < t->len; i++) {
        out[o++] = sql[t->off + i];
        if (sql[t->off + i] == q)
            i++;
    }
    out[o] = '\0';
    if (len)
        *len = o;
    return out;
}

/* ---- string building ------------------------------------------------------ */

void sb_putn(struct sq_buf *b, const char *s, size_t n)
{
    sq_buf_append(b, s, n);
}

void sb_puts(struct sq_buf *b, const char *s)
{
    sq_buf_append(b, s, strlen(s));
}

void sb_printf(struct sq_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        sq_buf_append(b, tmp, (size_t)n);
        return;
    }
    if (!sq_buf_reserve(b, (size_t)n + 1))
        return;
    va_start(ap, fmt);
    vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_quote(struct sq_buf *b, const char *s)
{
    sb_putn(b, "'", 1);
    for (; *s; s++) {
        if (*s == '\'')
            sb_putn(b, "'", 1);
        sb_putn(b, s, 1);
    }
    sb_putn(b, "'", 1);
}

void sb_ident(struct sq_buf *b, const char *s)
{
    sb_putn(b, "\"", 1);
    for (; *s; s++) {
        if (*s == '"')
            sb_putn(b, "\"", 1);
        sb_putn(b, s, 1);
    }
    sb_putn(b, "\"", 1);
}

char *sb_take(struct sq_buf *b)
{
    sq_buf_append(b, "", 1);
    if (!sq_buf_ok(b)) {
        sq_buf_fini(b);
        return NULL;
    }
    char *p = (char *)b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}
