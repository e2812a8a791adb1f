/* SPDX-License-Identifier: MIT */
/* charset_odbc.h - where the database code set meets the ODBC layer
 * (charset.h part 2, docs/charsets.md). Hooks called from dbc.c, stmt*.c and
 * the catalog; each is a no-op (and costs one pointer test) when the database
 * code set is UTF-8. Caller holds the connection lock. Conversion failures
 * are SQLSTATE 22018 with native error -21005. */
#ifndef IFXODBC_CHARSET_ODBC_H
#define IFXODBC_CHARSET_ODBC_H

#include <sql.h>
#include <sqlext.h>

#include "charset.h"
#include "conv.h"
#include "sq_rc.h"
#include "sq_value.h"

struct dbc;
struct stmt;
struct handle;

/* Per-connection state: the converter and its scratch buffers. */
struct charset_conn {
    struct charset *cs; /* never NULL here: a UTF-8 database has no charset_conn */
    struct cs_buf sql;  /* SQL text sent */
    struct cs_buf cell; /* the current cell (valid until the next cell) */
    struct cs_buf text; /* names and messages */
    struct cs_buf *par; /* one per parameter */
    size_t npar;
};
void charset_conn_free(struct charset_conn *c); /* NULL is a no-op */

/* Resolve CLIENT_LOCALE / DB_LOCALE before the login: DB_LOCALE defaults to
 * CLIENT_LOCALE, which defaults to en_US.utf8 (as IBM's clients do). Sets
 * dbc->csc (NULL for a UTF-8 database) and the strings to send. An unknown
 * code set -> 08001 with native error -23101. */
SQLRETURN charset_connect(struct dbc *dbc, const char *client_locale, const char *db_locale,
                          const char **send_client, const char **send_db);

/* SQL text (UTF-8) -> database code set for sq_stmt_prepare. *out is sql or
 * a connection buffer valid until the next call. */
SQLRETURN charset_sql_out(struct dbc *dbc, struct handle *h, const char *sql, size_t n,
                          const char **out, size_t *out_len);

/* The string parameters of one parameter set, after conv_from_c, into the
 * database code set (VARCHAR over 255 bytes becomes CHAR, as conv_from_c
 * would have chosen). row is 0-based, for the diagnostic. */
SQLRETURN charset_params_out(struct stmt *s, size_t n, SQLULEN row);

/* A character cell (CHAR, NCHAR, VARCHAR, NVARCHAR, LVARCHAR) read from the
 * server -> UTF-8 in place (v then points into the connection's cell buffer
 * until the next call). Local result sets (catalog, type info) are UTF-8
 * already and are not converted. SQ_RC_OK, SQ_RC_NOMEM, or CHARSET_RC_REPORTED after
 * adding 22018 to the statement. */
#define CHARSET_RC_REPORTED SQ_RC__COUNT
enum sq_rc charset_cell_in(struct stmt *s, const struct sq_coldesc *cd, struct sq_value *v);

/* The same for values that stay inside the driver (catalog rows, which are
 * UTF-8 from then on): no diagnostic; a value that does not convert is left
 * as it is. */
void charset_value_in(struct dbc *dbc, struct sq_value *v);

/* Column name from the server -> a new UTF-8 string (sq_malloc'd), NULL on
 * out of memory. Bytes that do not convert are copied as they are. */
char *charset_name_dup(struct dbc *dbc, const char *name);

/* Octet lengths of character columns in UTF-8 (column size stays in bytes of
 * the database code set, the most characters the column can hold). */
void charset_adjust_coltype(struct dbc *dbc, const struct sq_coldesc *col, struct conv_coltype *ct);

/* Server error insertion text -> UTF-8 (buf of cap bytes) for the
 * diagnostics of handle h; returns text itself when nothing changes. */
const char *charset_diag_text(struct handle *h, const char *text, char *buf, size_t cap);

/* TEXT and CLOB values, read or sent in pieces. */
#define LOB_CARRY_MAX 3
struct lob_xcode {
    uint8_t carry[LOB_CARRY_MAX]; /* an incomplete character from the last piece */
    size_t carry_n;
    uint64_t done;      /* source bytes converted, for messages */
    struct cs_buf out;  /* the converted piece */
    struct cs_buf join; /* carry + piece */
};
/* One piece of a TEXT/CLOB value from the database code set to UTF-8 (*out
 * valid until the next call); last = no piece follows. SQL_SUCCESS, or
 * SQL_ERROR with 22018 / -21005 (bytes that are not text of the code set). */
SQLRETURN charset_lob_in(struct stmt *s, struct lob_xcode *x, const uint8_t *p, size_t n,
                         bool last, const uint8_t **out, size_t *out_n);
void charset_lob_xcode_fini(struct lob_xcode *x);
/* A spooled TEXT/CLOB parameter (a FILE * of UTF-8 written by SQLPutData)
 * into a new temporary file in the database code set; *spool and *len are
 * replaced (the old file is closed). No-op for a UTF-8 database. SQL_SUCCESS
 * or SQL_ERROR with 22018 / -21005 for a character the code set lacks. */
SQLRETURN charset_lob_spool_out(struct stmt *s, void **spool, size_t *len, size_t param);

#endif
