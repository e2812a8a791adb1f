/* SPDX-License-Identifier: MIT */
/* enc.c - UTF-8 <-> UTF-16LE (SQLWCHAR) at the API boundary, ANSI/W input
 * helpers and the one output helper per family (termination, truncation,
 * lengths in bytes or characters). ODBC layer; pure: no handles, no I/O. */
#include "enc.h"

#include <stdint.h>
#include <string.h>

#include "sq_alloc.h"

#define REPL_CP 0xFFFDu

void str_init(struct str *s)
{
    s->p = NULL;
    s->len = 0;
}

void str_fini(struct str *s)
{
    if (!s)
        return;
    sq_free(s->p);
    s->p = NULL;
    s->len = 0;
}

void str_fini_secret(struct str *s)
{
    if (!s)
        return;
    if (s->p)
        explicit_bzero(s->p, s->len);
    str_fini(s);
}

enum enc_rc str_set(struct str *s, const char *p, size_t len)
{
    if (!p) {
        str_fini(s);
        return ENC_OK;
    }
    size_t n;
    if (!sq_size_add(len, 1, &n))
        return ENC_NOMEM;
    char *copy = sq_malloc(n);
    if (!copy)
        return ENC_NOMEM;
    if (len)
        memcpy(copy, p, len);
    copy[len] = '\0';
    str_fini(s);
    s->p = copy;
    s->len = len;
    return ENC_OK;
}

/* Decode one UTF-8 sequence at s[0..n), n >= 1. Returns the bytes consumed
 * (>= 1). On a well-formed sequence *cp is the code point and *ok true; on an
 * ill-formed one, the consumed bytes are the maximal subpart (the longest
 * prefix of a well-formed sequence, at least one byte) and *ok is false. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *ok)
{
    unsigned char b0 = s[0];
    *ok = false;
    *cp = REPL_CP;
    if (b0 < 0x80) {
        *cp = b0;
        *ok = true;
        return 1;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    uint32_t v;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        v = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        v = b0 & 0x0Fu;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        v = b0 & 0x07u;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        return 1; /* 80..C1, F5..FF: never a lead byte */
    }
    size_t i;
    for (i = 1; i <= need; i++) {
        if (i >= n)
            return i; /* truncated at the end of the input */
        unsigned char b = s[i];
        unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h)
            return i;
        v = v << 6 | (b & 0x3Fu);
    }
    *cp = v;
    *ok = true;
    return i;
}

static size_t utf8_width(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

size_t enc_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t enc_utf8_next(const char *p, size_t n, uint32_t *cp, bool *ok)
{
    return utf8_decode((const unsigned char *)p, n, cp, ok);
}

bool enc_utf8_valid(const char *p, size_t len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool ok;
        i += utf8_decode(s + i, len - i, &cp, &ok);
        if (!ok)
            return false;
    }
    return true;
}

enum enc_rc enc_from_narrow(const SQLCHAR *text, SQLINTEGER len, struct str *out)
{
    str_init(out);
    if (!text)
        return ENC_OK;
    size_t n;
    if (len == SQL_NTS)
        n = strlen((const char *)text);
    else if (len < 0)
        return ENC_BAD_LENGTH;
    else
        n = (size_t)len;
    if (!enc_utf8_valid((const char *)text, n))
        return ENC_INVALID;
    return str_set(out, (const char *)text, n);
}

enum enc_rc enc_from_wide(const SQLWCHAR *text, SQLINTEGER len, struct str *out)
{
    str_init(out);
    if (!text)
        return ENC_OK;
    size_t n;
    if (len == SQL_NTS) {
        n = 0;
        while (text[n])
            n++;
    } else if (len < 0) {
        return ENC_BAD_LENGTH;
    } else {
        n = (size_t)len;
    }
    /* First pass: validate and measure; second pass: write. */
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = text[i];
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 >= n || text[i + 1] < 0xDC00 || text[i + 1] > 0xDFFF)
                return ENC_INVALID;
            bytes += 4;
            i++;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return ENC_INVALID;
        } else {
            bytes += utf8_width(u);
        }
    }
    size_t total;
    if (!sq_size_add(bytes, 1, &total))
        return ENC_NOMEM;
    char *p = sq_malloc(total);
    if (!p)
        return ENC_NOMEM;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = text[i];
        if (u >= 0xD800 && u <= 0xDBFF) {
            uint32_t lo = text[++i];
            u = 0x10000u + ((u - 0xD800u) << 10) + (lo - 0xDC00u);
        }
        o += enc_utf8_put(u, p + o);
    }
    p[o] = '\0';
    out->p = p;
    out->len = o;
    return ENC_OK;
}

size_t enc_narrow_len(const char *src, size_t src_len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, n = 0;
    while (i < src_len) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, src_len - i, &cp, &ok);
        n += ok ? k : 3;
        i += k;
    }
    return n;
}

size_t enc_utf16_len(const char *src, size_t src_len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0, n = 0;
    while (i < src_len) {
        uint32_t cp;
        bool ok;
        i += utf8_decode(s + i, src_len - i, &cp, &ok);
        n += cp >= 0x10000 ? 2 : 1;
    }
    return n;
}

enum enc_rc enc_out_narrow(const char *src, size_t src_len, SQLCHAR *buf, size_t buf_bytes,
                           size_t *full_bytes)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t room = buf && buf_bytes ? buf_bytes - 1 : 0; /* bytes for text */
    size_t i = 0, total = 0, written = 0;
    bool fits = true;
    while (i < src_len) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(s + i, src_len - i, &cp, &ok);
        size_t w = ok ? k : 3;
        if (fits && buf && written + w <= room) {
            if (ok)
                memcpy(buf + written, s + i, k);
            else
                enc_utf8_put(REPL_CP, (char *)buf + written);
            written += w;
        } else {
            fits = false; /* never resume after a character that did not fit */
        }
        total += w;
        i += k;
    }
    if (buf && buf_bytes)
        buf[written] = '\0';
    if (full_bytes)
        *full_bytes = total;
    if (!buf)
        return ENC_OK;
    return written < total ? ENC_TRUNCATED : ENC_OK;
}

enum enc_rc enc_out_wide(const char *src, size_t src_len, SQLWCHAR *buf, size_t buf_len,
                         enum enc_unit unit, size_t *full_len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t cap_units = unit == ENC_UNIT_BYTES ? buf_len / 2 : buf_len;
    size_t room = buf && cap_units ? cap_units - 1 : 0; /* units for text */
    size_t i = 0, total = 0, written = 0;
    bool fits = true;
    while (i < src_len) {
        uint32_t cp;
        bool ok;
        i += utf8_decode(s + i, src_len - i, &cp, &ok);
        size_t w = cp >= 0x10000 ? 2 : 1;
        if (fits && buf && written + w <= room) {
            if (w == 2) {
                uint32_t v = cp - 0x10000u;
                buf[written] = (SQLWCHAR)(0xD800u + (v >> 10));
                buf[written + 1] = (SQLWCHAR)(0xDC00u + (v & 0x3FFu));
            } else {
                buf[written] = (SQLWCHAR)cp;
            }
            written += w;
        } else {
            fits = false;
        }
        total += w;
    }
    if (buf && cap_units)
        buf[written] = 0;
    if (full_len)
        *full_len = unit == ENC_UNIT_BYTES ? total * 2 : total;
    if (!buf)
        return ENC_OK;
    return written < total ? ENC_TRUNCATED : ENC_OK;
}
