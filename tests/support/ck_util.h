/* SPDX-License-Identifier: MIT */
/* ck_util.h - Check helpers: hex fixtures and byte-exact comparisons.
 *
 * Hex text format (fixtures and inline vectors): hex byte pairs separated by
 * any white space; "quoted ASCII" inserts the bytes of the text; '#' starts a
 * comment to the end of the line. Example: 00 03 00 05 "hello" 00  # str16 */
#ifndef IFXODBC_CK_UTIL_H
#define IFXODBC_CK_UTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parse hex text into a malloc'd buffer (*out, *len). Aborts the test on a
 * syntax error. Caller frees with free(). */
void ck_hex(const char *text, uint8_t **out, size_t *len);

/* Load tests/fixtures/NAME (e.g. "conreq_login.hex") as hex text. */
void ck_fixture(const char *name, uint8_t **out, size_t *len);

/* Fail with a readable diff (first differing offset, both sides in hex) unless
 * the two byte strings are identical. */
#define ck_assert_bytes(got, got_len, exp, exp_len)                                               \
    ck_bytes_eq_at(__FILE__, __LINE__, (const uint8_t *)(got), (got_len),                          \
                   (const uint8_t *)(exp), (exp_len))
void ck_bytes_eq_at(const char *file, int line, const uint8_t *got, size_t got_len,
                    const uint8_t *exp, size_t exp_len);

/* Same, with the expectation given as hex text. */
#define ck_assert_hex(got, got_len, hex)                                                           \
    ck_hex_eq_at(__FILE__, __LINE__, (const uint8_t *)(got), (got_len), (hex))
void ck_hex_eq_at(const char *file, int line, const uint8_t *got, size_t got_len,
                  const char *hex);

/* Run a suite (fork mode by default; CK_FORK=no for gdb). Returns the exit code. */
int ck_run(Suite *s);

#endif
