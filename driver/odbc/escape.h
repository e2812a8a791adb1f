/* SPDX-License-Identifier: MIT */
/* escape.h - ODBC escape sequences ({d}, {t}, {ts}, {fn}, {oj}, {call},
 * {?=call}, {escape}, {interval}) -> Informix SQL text, and parameter marker
 * counting. ODBC layer; pure text processing: no handles, no diagnostics.
 * Used by SQLPrepare/SQLExecDirect/SQLNativeSql and SQLNumParams. */
#ifndef IFXODBC_ESCAPE_H
#define IFXODBC_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "enc.h"

enum esc_rc {
    ESC_OK = 0,
    ESC_SYNTAX, /* malformed escape; err_off = offset of its '{' (42000 / 37000) */
    ESC_NOMEM   /* HY001 */
};

/* Nesting limit for escapes inside escapes ({fn UCASE({fn ...})}). */
#define ESC_MAX_DEPTH 32

struct esc_result {
    struct str sql;          /* translated text (owned; free with esc_result_fini) */
    size_t n_markers;        /* '?' markers in sql (outside literals and comments) */
    bool has_return_value;   /* {?=call ...}: ODBC counts one more parameter (the
                              * return value, parameter 1) than sql contains */
    bool fraction_truncated; /* a {ts}/{t} fraction lost non-zero digits: 01S07 */
    size_t err_off;          /* ESC_SYNTAX: byte offset in the input */
};

void esc_result_init(struct esc_result *res);
void esc_result_fini(struct esc_result *res);

/* Translate sql[0..len) (UTF-8) into Informix SQL in res (res is
 * re-initialised first). Text outside escapes is copied byte for byte;
 * 'strings' (with ''), "quoted identifiers" (with ""), -- comments, and
 * block comments are never looked into. A '{' starts an escape only when,
 * after optional spaces, one of the escape keywords follows (d, t, ts, fn,
 * oj, call, ?=call, escape, interval; any case) in the form that escape
 * needs (d/t/ts/escape/interval: a quote follows; fn/call: a name follows);
 * any other {...} is an Informix comment and is copied verbatim. (So a brace
 * comment that itself starts like an escape, e.g. `{fn is odd}`, is taken as
 * one: unavoidable, as in every ODBC driver for Informix.) Mappings
 * are listed in escape.c. Unknown {fn} functions pass through as
 * NAME(args). On ESC_SYNTAX res->err_off is the offset of the bad escape's
 * '{' and res->sql is empty. */
enum esc_rc esc_translate(const char *sql, size_t len, struct esc_result *res);

/* Count parameter markers in sql[0..len) as ODBC sees them (SQLNumParams):
 * every '?' outside literals, quoted identifiers and comments, including the
 * return-value marker of {?=call}. Works on untranslated text (escapes are
 * recognised, so {fn ...} is not mistaken for a comment) and on translated
 * text. If offsets != NULL, the byte offsets of the first max_offsets markers
 * are stored. Returns the count. */
size_t esc_count_markers(const char *sql, size_t len, size_t *offsets, size_t max_offsets);

#endif
