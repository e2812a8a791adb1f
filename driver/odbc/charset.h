/* SPDX-License-Identifier: MIT */
/* charset.h - the database code set (docs/charsets.md). Inside the driver,
 * text is UTF-8 (enc.h); on the wire it is in the code set of DB_LOCALE
 * (sqli-protocol.md §9.10). This module names code sets from Informix locale
 * names (language_territory.codeset, code set by name or GLS number) and
 * converts between UTF-8 and the database code set.
 *
 * Part 1 (charset.c) is pure: no handles, no diagnostics. A UTF-8 database
 * needs no converter at all (charset_open gives NULL: the fast path). Single
 * byte code sets are converted through 256-entry tables built once with
 * iconv at connect time (no iconv call per cell); multibyte ones through
 * iconv. Text that is pure ASCII is passed through untouched for every
 * ASCII-compatible code set.
 *
 * Part 2 (charset_odbc.c) is the ODBC glue called from the statement and
 * connection code: it owns the per-connection scratch buffers and turns a
 * failed conversion into SQLSTATE 22018 with native error -21005. Caller
 * holds the connection lock for every call on a struct charset (iconv
 * descriptors and scratch buffers are per connection). */
#ifndef IFXODBC_CHARSET_H
#define IFXODBC_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- part 1: locale names and conversion -------------------------------- */

enum cs_kind {
    CS_K_UTF8 = 0, /* no conversion */
    CS_K_SBCS,     /* one byte per character: lookup tables */
    CS_K_MBCS      /* iconv */
};

/* What a locale name resolves to. */
struct cs_locale {
    char iconv_name[32]; /* "ISO-8859-1", "UTF-8", "CP1252", ... */
    enum cs_kind kind;
    uint16_t csid; /* GLS code set number (819, 57372 ...), 0 if unknown */
};

/* Parse an Informix locale name: "en_US.8859-1", "en_US.819", "de_DE.utf8",
 * "en_US.57372", "en_US.CP1252", "ja_JP.sjis-s", or a bare code set
 * ("8859-1", "utf8"). The code set part is matched case-insensitively
 * ignoring '-' and '_', by name or GLS number; "@modifier" suffixes are
 * ignored. False when the name has no code set we know. */
bool charset_parse_locale(const char *locale, struct cs_locale *out);

/* True when two locale names name the same code set (en_US.819 and
 * de_DE.8859-1 do); false if either is unknown. */
bool charset_same_codeset(const char *a, const char *b);

enum cs_rc {
    CS_OK = 0,
    CS_UNMAPPABLE, /* to the database: a character the code set cannot hold */
    CS_INVALID,    /* from the database: bytes that are not text in the code set */
    CS_UNKNOWN,    /* charset_open: no such code set (or iconv lacks it) */
    CS_NOMEM
};

struct charset;

/* Converter for a database locale. *out == NULL with CS_OK for a UTF-8
 * database (no conversion). CS_UNKNOWN for a name charset_parse_locale
 * rejects or iconv cannot open. */
enum cs_rc charset_open(const char *db_locale, struct charset **out);
void charset_free(struct charset *cs);              /* NULL is a no-op */
const char *charset_name(const struct charset *cs); /* iconv name; "UTF-8" for NULL */
/* Most UTF-8 bytes one database byte can become (1 for NULL, 2 for
 * 8859-1, 3 for CP1252 or multibyte code sets): octet lengths. */
unsigned charset_utf8_factor(const struct charset *cs);

/* A growable output buffer (caller-owned; charset_buf_fini frees it). */
struct cs_buf {
    char *p;
    size_t cap;
};
void charset_buf_fini(struct cs_buf *b);

/* True when p[0..n) needs no conversion (NULL converter, or pure ASCII in an
 * ASCII-compatible code set). */
bool charset_is_passthrough(const struct charset *cs, const char *p, size_t n);

/* UTF-8 -> database code set. On CS_OK, *out and *out_len are the result (in b,
 * or p itself when nothing needed converting; NUL-terminated either way
 * when it is in b). CS_UNMAPPABLE: *bad_off (may be NULL) is the byte offset
 * in p of the character and *bad_cp its code point (0xFFFD for bytes that
 * are not UTF-8). */
enum cs_rc charset_to_db(struct charset *cs, const char *p, size_t n, struct cs_buf *b,
                         const char **out, size_t *out_len, size_t *bad_off, uint32_t *bad_cp);
/* Database code set -> UTF-8; CS_INVALID with *bad_off at the first byte
 * that is not a character of the code set. */
enum cs_rc charset_from_db(struct charset *cs, const char *p, size_t n, struct cs_buf *b,
                           const char **out, size_t *out_len, size_t *bad_off);

#endif
