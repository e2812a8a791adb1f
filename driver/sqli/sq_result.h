/* SPDX-License-Identifier: MIT */
/* sq_result.h - prepared statements, cursors and row views of the protocol
 * core. Rows of a fetch batch live in a per-statement arena (one reused
 * buffer + row offsets); values are decoded lazily with sq_value_decode().
 * No allocation per row. No ODBC, no locks (the connection's owner calls). */
#ifndef IFXODBC_SQ_RESULT_H
#define IFXODBC_SQ_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_conn.h"
#include "sq_rc.h"
#include "sq_value.h"

/* Byte span of one column inside a row. */
struct sq_span {
    uint32_t off;
    uint32_t len;
};

/* A fetched row: a borrowed view, valid until the next fetch, close or free
 * on its statement. */
struct sq_row {
    const struct sq_stmt *stmt;
    const uint8_t *data; /* the tuple bytes */
    size_t len;
    const struct sq_span *spans; /* one per column */
    uint16_t warnings;           /* the TUPLE's warnings field */
    int32_t position;            /* 1-based SQ_TUPID position (scroll cursors), 0 if none */
};

/* Cursor options for sq_stmt_open(). */
#define SQ_CURSOR_SCROLL 0x1u
#define SQ_CURSOR_HOLD 0x2u

/* Prepare one statement: SQ_PREPARE (nparams = '?' markers outside quotes and
 * comments) + NDESCRIBE + WANTDONE. OK with *out; SERVER (syntax error ...);
 * or a connection failure. The statement belongs to the caller (sq_stmt_free)
 * and must be freed before its connection is (after that it only fails). */
enum sq_rc sq_stmt_prepare(struct sq_conn *conn, const char *sql, size_t len, struct sq_stmt **out);

/* Execute a non-cursor statement: SQ_ID [SQ_BIND] SQ_EXECUTE. The DONE goes to
 * sq_conn_last_done(). n must equal sq_stmt_nparams() (else MISUSE). */
enum sq_rc sq_stmt_execute(struct sq_stmt *st, const struct sq_param *params, size_t n);

/* ---- pipelined execution (doc §7.9 "Batching", [U] on real servers) ----
 * Several `SQ_ID id SQ_BIND ... SQ_EXECUTE SQ_EOT` groups are written before
 * their replies are read; replies come back one group per request group, in
 * order, so the server cannot tell a pipelined group from a sequential one.
 * The window is bounded in groups (depth, at most SQ_PIPE_MAX_DEPTH) and in
 * request bytes (SQ_PIPE_MAX_BYTES, except that one set always fits) so that
 * neither side blocks for ever on a full socket buffer: see sq_result.c. */
#define SQ_PIPE_MAX_DEPTH 256u
#define SQ_PIPE_DEFAULT_DEPTH 256u
#define SQ_PIPE_MAX_BYTES (256u * 1024u)

/* Outcome of one parameter set of sq_stmt_execute_many(). */
struct sq_exec_status {
    enum sq_rc rc;     /* OK; SERVER (sqlcode/isam set); or the connection failure */
    int sqlcode;       /* SQ_ERR's SQLCODE, 0 if none */
    int isam;
    int64_t rows;      /* DONE rows (affected) */
    int32_t serial;    /* generated SERIAL, 0 if none */
    int64_t serial8;   /* INSERTDONE SERIAL8, 0 if none */
    int64_t bigserial; /* INSERTDONE BIGSERIAL, 0 if none */
};

/* Supplies parameter set i: OK with *params (sq_stmt_nparams() of them; they
 * need to stay valid only until the next call), SQ_RC_NO_DATA to skip set i
 * (nothing sent, no done call), or any other code to stop before set i. No
 * request may be made on the connection from inside (MISUSE). */
typedef enum sq_rc (*sq_exec_fill_fn)(void *ctx, size_t i, const struct sq_param **params);
/* Outcome of a sent set i, called in set order once its reply group was read:
 * OK or SERVER (sq_conn_last_done() / sq_conn_server_error() / errmsg describe
 * set i during the call), or a connection failure (then also for every
 * later set already sent). */
typedef void (*sq_exec_done_fn)(void *ctx, size_t i, enum sq_rc rc);

/* Execute a non-cursor statement for sets first..nsets-1 with up to `depth`
 * groups in flight (0 = SQ_PIPE_DEFAULT_DEPTH; 1 = one round trip per set,
 * the bytes of sq_stmt_execute). A server error fails only its own set.
 * Returns OK when every set was handled (*next = nsets); the fill's stop code
 * with *next = the set it refused (replies of sets sent before are read
 * first); MISUSE (bad arguments, open cursor) or a bind encoding failure with
 * *next = that set; or a connection failure (*next = first set not sent). */
enum sq_rc sq_stmt_execute_pipe(struct sq_stmt *st, size_t first, size_t nsets, size_t depth,
                                sq_exec_fill_fn fill, sq_exec_done_fn done, void *ctx,
                                size_t *next);

/* Array form: set i is sets[i * nparams .. + nparams) (nparams must equal
 * sq_stmt_nparams()). out[i] gets every set's outcome. OK when every set got a
 * reply (some may be SERVER); otherwise the failure, and every set without a
 * reply has that code in out[i].rc. */
enum sq_rc sq_stmt_execute_many(struct sq_stmt *st, const struct sq_param *sets, size_t nsets,
                                size_t nparams, size_t depth, struct sq_exec_status *out);

/* Deadline for the calls that follow on this connection: every transport wait
 * (send, receive, prefetch drain) ends by ms milliseconds from now; 0 clears
 * it. A wait that reaches it fails with SQ_RC_TIMEOUT and the connection is
 * then BROKEN, since SQLI has no cancel message (doc §12.1). (sq_conn.c; kept
 * here because sq_conn.h belongs to the connection setup.) */
void sq_conn_set_deadline(struct sq_conn *conn, int64_t ms);

/* Open a cursor on a statement that returns rows. Non-scroll cursors chain the
 * first SQ_NFETCH into the same group (PROTOCOL.md), so the first batch is
 * already here when this returns. flags: SQ_CURSOR_SCROLL | SQ_CURSOR_HOLD. */
enum sq_rc sq_stmt_open(struct sq_stmt *st, const struct sq_param *params, size_t n,
                        unsigned flags);

/* Next row of a (non-scroll or scroll) cursor, fetching a new batch with
 * SQ_NFETCH when the current one is used up. OK with *row; NO_DATA at the end
 * (SQ_DONE seen; rows in sq_conn_last_done()); SERVER; failure.
 * Prefetch (non-scroll cursors): when a batch arrives without SQ_DONE, the
 * next `SQ_ID id SQ_NFETCH` is sent at once, before its rows are handed out,
 * so the server builds the next batch while the caller converts this one. At
 * most one fetch is outstanding per connection; any other request on the
 * connection (this cursor's CLOSE, another statement, COMMIT ...) first reads
 * that reply (kept for this cursor, or discarded by CLOSE). */
enum sq_rc sq_stmt_fetch(struct sq_stmt *st, const struct sq_row **row);

/* Scroll fetch (cursor opened with SQ_CURSOR_SCROLL): SQ_SFETCH with
 * scroll_type SQ_SFETCH_* and target (ABSOLUTE: 1-based row; RELATIVE:
 * offset; others: sent as given). NEXT is served from the buffered batch when
 * it holds more rows. OK with *row (row->position = TUPID); NO_DATA past
 * either end. */
enum sq_rc sq_stmt_sfetch(struct sq_stmt *st, uint16_t scroll_type, int32_t target,
                          const struct sq_row **row);

/* Close the cursor (SQ_CLOSE). OK if it was not open. */
enum sq_rc sq_stmt_close(struct sq_stmt *st);

/* Close the cursor if open, release the statement on the server (SQ_RELEASE)
 * when the connection is usable, and free everything. NULL is a no-op. */
void sq_stmt_free(struct sq_stmt *st);

/* Statement facts from DESCRIBE. */
uint16_t sq_stmt_id(const struct sq_stmt *st);
uint16_t sq_stmt_type(const struct sq_stmt *st); /* SQ_STMT_* */
bool sq_stmt_returns_rows(const struct sq_stmt *st);
size_t sq_stmt_nparams(const struct sq_stmt *st);
size_t sq_stmt_ncols(const struct sq_stmt *st);
/* Column i (borrowed; valid until sq_stmt_free). NULL if out of range. */
const struct sq_coldesc *sq_stmt_col(const struct sq_stmt *st, size_t i);
bool sq_stmt_is_open(const struct sq_stmt *st);
const char *sq_stmt_cursor_name(const struct sq_stmt *st); /* "" before the first open */

/* Decode column col of a row (views point into the row). OK; NO_DATA if col is
 * out of range; or sq_value_decode()'s error. */
enum sq_rc sq_row_value(const struct sq_row *row, size_t col, struct sq_value *out);
/* Raw bytes of column col. False if out of range. */
bool sq_row_raw(const struct sq_row *row, size_t col, const uint8_t **p, size_t *n);

/* Count '?' parameter markers outside '...', "...", -- line comments,
 * { } and C-style comments. */
size_t sq_count_params(const char *sql, size_t len);

#endif
