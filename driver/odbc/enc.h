/* SPDX-License-Identifier: MIT */
/* enc.h - strings at the ODBC API boundary (ODBC layer, pure: no handles, no
 * diagnostics). Inside the driver a string is UTF-8 {p, len}; SQLWCHAR is
 * 2-byte UTF-16LE (unixODBC default build). Functions return enum enc_rc and
 * the caller maps it to a SQLSTATE (INVALID -> 22018 or HY000, BAD_LENGTH ->
 * HY090, NOMEM -> HY001, TRUNCATED -> 01004). */
#ifndef IFXODBC_ENC_H
#define IFXODBC_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sql.h>
#include <sqlext.h>

/* An owned UTF-8 string. When p != NULL, p[len] == '\0' (one extra byte is
 * always allocated), but len is authoritative: embedded NULs are possible.
 * p == NULL means "absent" (a NULL pointer from the application). */
struct str {
    char *p;
    size_t len;
};

#define STR_INIT                                                                                   \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

void str_init(struct str *s);
/* Free the content; the string is empty (absent) afterwards. NULL is a no-op. */
void str_fini(struct str *s);
/* Same, but zeroes the bytes first (explicit_bzero): for passwords. */
void str_fini_secret(struct str *s);

enum enc_rc {
    ENC_OK = 0,
    ENC_TRUNCATED,  /* output did not fit: caller adds 01004 */
    ENC_INVALID,    /* input is not well-formed UTF-8 / UTF-16 (lone surrogate) */
    ENC_BAD_LENGTH, /* negative length other than SQL_NTS, or too long: HY090 */
    ENC_NOMEM       /* HY001 */
};

/* Replace s with a copy of p[0..len). p == NULL makes s absent. Validates
 * nothing. ENC_OK or ENC_NOMEM (s unchanged on failure). */
enum enc_rc str_set(struct str *s, const char *p, size_t len);

/* True when p[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). */
bool enc_utf8_valid(const char *p, size_t len);

/* Decode the UTF-8 character at p[0..n), n >= 1: returns the bytes consumed
 * (>= 1); *ok false for an ill-formed sequence (then the maximal ill-formed
 * subpart is consumed and *cp is U+FFFD). */
size_t enc_utf8_next(const char *p, size_t n, uint32_t *cp, bool *ok);
/* Code point cp as UTF-8 into out (room for 4); returns the bytes written. */
size_t enc_utf8_put(uint32_t cp, char *out);

/* ---- input: application -> driver ------------------------------------- */

/* ANSI argument (SQLCHAR *, length in bytes or SQL_NTS) -> UTF-8 str. The
 * ANSI entry points take UTF-8; ill-formed input is rejected (ENC_INVALID),
 * never repaired. text == NULL gives an absent str (s->p == NULL) and ENC_OK:
 * the caller decides whether NULL is allowed (else HY009). Any negative
 * length other than SQL_NTS gives ENC_BAD_LENGTH. *out is an output only:
 * it is overwritten without being freed (pass an empty or uninitialised
 * str). On failure *out is left absent. */
enum enc_rc enc_from_narrow(const SQLCHAR *text, SQLINTEGER len, struct str *out);

/* W argument (SQLWCHAR *, length in characters, i.e. UTF-16 code units, or
 * SQL_NTS) -> UTF-8 str. Surrogate pairs are combined; a lone surrogate gives
 * ENC_INVALID. NULL, negative lengths and *out as for enc_from_narrow. */
enum enc_rc enc_from_wide(const SQLWCHAR *text, SQLINTEGER len, struct str *out);

/* ---- output: driver -> application ------------------------------------ */

/* Unit of a W BufferLength / StringLength: ODBC uses bytes for some
 * functions (SQLGetInfoW, SQLGetConnectAttrW, SQLColAttributeW, SQLGetData
 * with SQL_C_WCHAR) and characters for others (SQLDescribeColW,
 * SQLDriverConnectW, SQLGetDiagRecW, SQLNativeSqlW). */
enum enc_unit {
    ENC_UNIT_BYTES,
    ENC_UNIT_CHARS /* UTF-16 code units */
};

/* Copy UTF-8 src into an ANSI buffer of buf_bytes bytes (terminator
 * included). Source bytes that are not well-formed UTF-8 (data from the
 * server) are replaced by U+FFFD (EF BF BD), one per maximal ill-formed
 * subpart (Unicode ch. 3 "best practice"). Copies whole characters only,
 * always NUL-terminates when buf_bytes >= 1, and sets *full_bytes (if not
 * NULL) to the length of the whole (sanitised) string without terminator.
 * Returns ENC_TRUNCATED when buf != NULL and not everything fit; buf == NULL
 * only measures and returns ENC_OK (no 01004 when no buffer was given). */
enum enc_rc enc_out_narrow(const char *src, size_t src_len, SQLCHAR *buf, size_t buf_bytes,
                           size_t *full_bytes);

/* Copy UTF-8 src into a UTF-16 buffer whose size buf_len is in `unit`
 * (an odd byte count is rounded down to whole code units). Invalid UTF-8 ->
 * U+FFFD as above. Never splits a surrogate pair, always writes a 2-byte NUL
 * when there is room for one unit, and sets *full_len (if not NULL) to the
 * whole length in `unit` without terminator. ENC_TRUNCATED as above. */
enum enc_rc enc_out_wide(const char *src, size_t src_len, SQLWCHAR *buf, size_t buf_len,
                         enum enc_unit unit, size_t *full_len);

/* Length of src in UTF-16 code units (invalid bytes count as U+FFFD, as
 * enc_out_wide writes them), without converting. For StringLengthPtr. */
size_t enc_utf16_len(const char *src, size_t src_len);

/* Length of src in bytes after U+FFFD replacement (as enc_out_narrow writes). */
size_t enc_narrow_len(const char *src, size_t src_len);

#endif
