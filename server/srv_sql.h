/* SPDX-License-Identifier: MIT */
/* srv_sql.h - ifxlite's SQL engine: Informix SQL dialect and semantics on
 * SQLite. Knows nothing of the wire: the session layer (srv_session.c) decodes
 * requests, calls these functions, and encodes what they return.
 *
 * Values cross this interface in a canonical form (struct srv_val):
 *   SMALLINT/INTEGER/SERIAL/INT8/SERIAL8/BIGINT/BIGSERIAL  SRV_V_INT
 *   BOOLEAN                                                SRV_V_INT 0/1
 *   SMALLFLOAT/FLOAT                                       SRV_V_FLOAT
 *   CHAR/NCHAR/VARCHAR/NVARCHAR/LVARCHAR/TEXT              SRV_V_TEXT (bytes)
 *   BYTE                                                   SRV_V_BYTES
 *   DECIMAL/MONEY      SRV_V_TEXT plain decimal "-1234.5600" (no exponent)
 *   DATE               SRV_V_TEXT "YYYY-MM-DD"
 *   DATETIME           SRV_V_TEXT "YYYY-MM-DD hh:mm:ss.fffff", only the
 *                      qualifier's fields ("12:34" for HOUR TO MINUTE)
 *   INTERVAL           SRV_V_TEXT "[-]D hh:mm:ss.fff" / "[-]Y-MM" per qualifier
 * Bind parameters arrive in the same forms (the wire layer converts DATE day
 * counts, packed decimals and datetimes to text; strings stay strings); the
 * engine coerces them to the target column's type. */
#ifndef IFXLITE_SRV_SQL_H
#define IFXLITE_SRV_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum srv_dbkind { SRV_DB_UNLOGGED, SRV_DB_LOGGED, SRV_DB_ANSI };

/* An Informix error: SQLCODE, ISAM code, offset in the SQL text (0 if none),
 * and the %s insertion text (e.g. a table name), NOT a full message. */
struct srv_err {
    int sqlcode;
    int isam;
    uint32_t offset;
    char text[256];
};

enum srv_vk { SRV_V_NULL, SRV_V_INT, SRV_V_FLOAT, SRV_V_TEXT, SRV_V_BYTES };
struct srv_val {
    enum srv_vk k;
    int64_t i;
    double f;
    const char *p; /* TEXT/BYTES; borrowed, valid until the next call on the statement */
    size_t n;
};

/* Largest BYTE/TEXT value ifxlite stores (under SQLite's default 1e9-byte
 * SQLITE_MAX_LENGTH; Informix's own limit is 2^31 bytes). */
#define SRV_MAX_LOB (768u << 20)

/* A result column or parameter slot, described as Informix would. */
struct srv_col {
    char name[129];
    uint16_t type;    /* SQ_T_* base code | SQ_TF_NOTNULL when the column rejects NULL */
    uint32_t enc_len; /* encoded_length (§9.2) */
    uint32_t xid;     /* extended id: 0 builtin; LVARCHAR/BOOLEAN/BLOB/CLOB as sq_types.h */
    char xname[33];   /* "" or "lvarchar" / "boolean" / "blob" / "clob" */
};

/* Result of a non-SELECT statement (feeds SQ_DONE / SQ_INSERTDONE). */
struct srv_exec_result {
    int64_t rows;      /* rows processed (sqlerrd[2]) */
    int64_t rowid;     /* rowid of the last row processed, 0 if none */
    int32_t serial;    /* generated SERIAL (sqlerrd[1]) or 0 */
    int64_t serial8;   /* generated SERIAL8 or 0 */
    int64_t bigserial; /* generated BIGSERIAL or 0 */
    bool is_insert;
};

struct srv_engine;
struct srv_session;
struct srv_stmt;

/* Engine: the data directory holds one SQLite file per Informix database
 * (NAME.db) plus the database kind. Thread-safe; one per process. */
struct srv_engine *srv_engine_new(const char *datadir, struct srv_err *err);
void srv_engine_free(struct srv_engine *eng);
/* Create (or keep, if it exists) a database; 0 or -1 with err. */
int srv_engine_create_db(struct srv_engine *eng, const char *name, enum srv_dbkind kind,
                         struct srv_err *err);
/* The same with a DB_LOCALE (NULL: none stored, which reads as en_US.utf8). */
int srv_engine_create_db_locale(struct srv_engine *eng, const char *name, enum srv_dbkind kind,
                                const char *locale, struct srv_err *err);
/* Lock-wait bound in milliseconds for every session (default 2000). */
void srv_engine_set_lock_timeout(struct srv_engine *eng, int ms);
/* Which error an SQ_BEGIN / BEGIN WORK in an unlogged database gives:
 * -256 (the manual) by default, or -201 (what IDB saw). */
void srv_engine_set_unlogged_begin_error(struct srv_engine *eng, int sqlcode);

/* Session: one per client connection (one thread). */
struct srv_session *srv_session_new(struct srv_engine *eng, int session_id, const char *user);
void srv_session_free(struct srv_session *s); /* rolls back an open transaction */
/* Open a database: 0, or -1 with -329 (missing) / others. Closes the current one. */
int srv_session_dbopen(struct srv_session *s, const char *name, struct srv_err *err);
int srv_session_dbclose(struct srv_session *s, struct srv_err *err);
bool srv_session_has_db(const struct srv_session *s);
/* The client's DB_LOCALE from the login: CREATE DATABASE stores it, and
 * opening a database whose code set differs fails with -23197. */
void srv_session_set_client_locale(struct srv_session *s, const char *db_locale);
/* Locale of the open database ("" when none is open). */
const char *srv_session_db_locale(const struct srv_session *s);
enum srv_dbkind srv_session_dbkind(const struct srv_session *s);
bool srv_session_in_txn(const struct srv_session *s);
/* DELIMIDENT: true makes "x" a delimited identifier, false makes it a string
 * literal as in plain Informix. The wire side sets it from the client's login
 * environment (absent means false, as on a real server); a session created
 * without that call starts with true. */
void srv_session_set_delimident(struct srv_session *s, bool on);
/* SQ_BEGIN / SQ_CMMTWORK / SQ_RBWORK, with Informix's rules per database kind. */
int srv_session_begin(struct srv_session *s, struct srv_err *err);
int srv_session_commit(struct srv_session *s, struct srv_err *err);
int srv_session_rollback(struct srv_session *s, struct srv_err *err);

/* Client files for lotofile / filetoblob / filetoclob (doc §9.8 [L]): the
 * wire side installs these; the SQL functions call them from inside the
 * running statement, while the client waits for the reply (srv_session.c
 * runs the SQ_FILE exchange). Each returns 0, or an Informix error code with
 * err filled (-9810 for a file the client cannot open or write).
 *   get: the whole client file `name` into a new sq_malloc'd buffer (*data,
 *        *n; the caller frees it with sq_free); made_handle is then called.
 *   put: write n bytes as the client file `name` (created or truncated).
 *   made: filetoblob/filetoclob produced a value of n bytes in the running
 *        statement (so the row encoder keeps its locator past its cursor). */
struct srv_file_io {
    void *ctx;
    int (*get)(void *ctx, const char *name, uint8_t **data, size_t *n, struct srv_err *err);
    int (*put)(void *ctx, const char *name, const uint8_t *p, size_t n, struct srv_err *err);
    void (*made)(void *ctx, size_t n);
};
/* Install (copied) or remove (NULL) the client file callbacks. Without them,
 * the three functions fail with -9810. */
void srv_session_set_file_io(struct srv_session *s, const struct srv_file_io *io);

/* Statements. prepare parses and plans; nothing runs yet. On error the offset
 * points into the SQL text where Informix would report it. */
struct srv_stmt *srv_stmt_prepare(struct srv_session *s, const char *sql, size_t len,
                                  struct srv_err *err);
void srv_stmt_free(struct srv_stmt *st);
int srv_stmt_type(const struct srv_stmt *st);        /* SQ_STMT_* (2 = SELECT) */
bool srv_stmt_returns_rows(const struct srv_stmt *st); /* SELECT / EXECUTE FUNCTION */
size_t srv_stmt_ncols(const struct srv_stmt *st);
const struct srv_col *srv_stmt_col(const struct srv_stmt *st, size_t i);
size_t srv_stmt_nparams(const struct srv_stmt *st);
/* Described parameter slots: for INSERT, the target columns; else may be NULL. */
const struct srv_col *srv_stmt_param(const struct srv_stmt *st, size_t i);
uint32_t srv_stmt_tuple_size(const struct srv_stmt *st); /* max row bytes */

/* Bind parameter i (0-based); copies what it needs. 0 or -1 with err. */
int srv_stmt_bind(struct srv_stmt *st, size_t i, const struct srv_val *v, struct srv_err *err);
/* The same for a BYTE/TEXT value (SRV_V_BYTES / SRV_V_TEXT) of up to
 * SRV_MAX_LOB bytes instead of SQ_MAX_LVARCHAR. */
int srv_stmt_bind_lob(struct srv_stmt *st, size_t i, const struct srv_val *v,
                      struct srv_err *err);
/* Run a non-SELECT statement. 0 or -1 with err. */
int srv_stmt_execute(struct srv_stmt *st, struct srv_exec_result *res, struct srv_err *err);
/* Open the cursor of a SELECT (runs it). 0 or -1 with err. */
int srv_stmt_open(struct srv_stmt *st, struct srv_err *err);
/* Next row: 1 with row[0..ncols-1] filled (views valid until the next call),
 * 0 at the end, -1 with err. */
int srv_stmt_next(struct srv_stmt *st, struct srv_val *row, struct srv_err *err);
/* Scroll cursors: position to a 1-based row (after srv_stmt_open); returns 1 if
 * the row exists and fills row, 0 if outside the result, -1 on error. */
int srv_stmt_fetch_at(struct srv_stmt *st, int64_t pos, struct srv_val *row, struct srv_err *err);
int64_t srv_stmt_row_count(struct srv_stmt *st, struct srv_err *err); /* for LAST; -1 on error */
/* Hand over the buffer holding column i's value of the current row (the one
 * row[i].p points to after srv_stmt_next/fetch_at), so a large value is kept
 * without one more copy: the caller owns it (sq_free) and row[i] stays valid
 * as long as the caller keeps it. NULL when the value is not in such a buffer
 * (then copy it). */
void *srv_stmt_take_value(struct srv_stmt *st, size_t i, const void *p);
void srv_stmt_close(struct srv_stmt *st); /* close the cursor; the statement stays prepared */

#endif
