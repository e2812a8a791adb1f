/* SPDX-License-Identifier: MIT */
/* srv_charset.h - ifxlite's database code sets (docs/charsets.md). SQLite
 * always holds UTF-8; a database created with a non-UTF-8 DB_LOCALE has its
 * wire text (SQL, string binds, character values, column names, error
 * insertions) converted at the session's wire boundary, and its string
 * lengths (CHAR(n), VARCHAR(n)) counted in bytes of its own code set.
 * Written for the server alone (the driver has its own converter). */
#ifndef IFXLITE_SRV_CHARSET_H
#define IFXLITE_SRV_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "sq_buf.h"

#define SRV_DEFAULT_LOCALE "en_US.utf8" /* a database with no stored locale */
#define SRV_E_LOCALE_MISMATCH (-23197)  /* database locale information mismatch */
#define SRV_E_BADCHAR (-21005)          /* character not convertible */
#define SRV_E_ILLEGAL_CHAR (-202)       /* illegal character in the statement */

/* Code set of a locale name ("en_US.8859-1", "de_DE.819", "en_US.utf8",
 * "en_US.57372", "en_US.cp1252" ...) as an iconv name; false if unknown. */
bool srv_cs_codeset(const char *locale, char *iconv_name, size_t cap);
/* Both name the same code set (unknown names never match). */
bool srv_cs_same(const char *a, const char *b);

struct srv_cs;
/* 0 with *out (NULL for UTF-8), -1 for an unknown code set. */
int srv_cs_open(const char *locale, struct srv_cs **out);
void srv_cs_free(struct srv_cs *cs);

/* Database code set -> UTF-8 (wire in) and back (wire out). 0 with the
 * result in *o and *on (p itself when nothing changes, else b's bytes), -1 for
 * bytes that are not text in the code set / a character it cannot hold. */
int srv_cs_in(struct srv_cs *cs, const char *p, size_t n, struct sq_buf *b, const char **o,
              size_t *on);
int srv_cs_out(struct srv_cs *cs, const char *p, size_t n, struct sq_buf *b, const char **o,
               size_t *on);

/* The code set of the database this thread's session has open (set by the
 * wire layer); the engine's string length rules ask srv_cs_fit. */
void srv_cs_set_current(struct srv_cs *cs);
/* UTF-8 bytes of the longest prefix of p[0..n) of whole characters that
 * takes at most max bytes in the current code set; *db_len gets the whole
 * string's length in that code set. */
size_t srv_cs_fit(const char *p, size_t n, size_t max, size_t *db_len);

/* Locale metadata of a database file (table ifxlite_locale). */
int srv_cs_store_locale(sqlite3 *db, const char *locale);
/* The stored locale, or SRV_DEFAULT_LOCALE when none is stored. */
void srv_cs_read_locale(sqlite3 *db, char *out, size_t cap);

/* Per connection: the converter for the open database, re-opened when the
 * database (its locale) changes, and scratch buffers. */
struct srv_cs_conn {
    struct srv_cs *cs;
    char locale[64];
    struct sq_buf buf;
};
void srv_cs_conn_init(struct srv_cs_conn *x);
void srv_cs_conn_fini(struct srv_cs_conn *x);
/* Follow the session's database locale ("" when none is open); sets the
 * thread's current code set. */
void srv_cs_conn_sync(struct srv_cs_conn *x, const char *db_locale);

#endif
