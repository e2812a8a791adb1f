/* SPDX-License-Identifier: MIT */
/* sq_blob.h - BYTE/TEXT (simple large objects) in the protocol core, doc §9.7:
 * pull-style reading of a value named by the 56-byte descriptor of a fetched
 * row (SQ_FETCHBLOB -> SQ_BLOB chunks), and push-style writing of BYTE/TEXT
 * parameters (SQ_BIND with type 11/12 descriptor blocks, SQ_BBIND, SQ_BLOB
 * chunks, SQ_EXECUTE). Neither side holds a whole value: reading hands out
 * one chunk at a time from the input buffer (the socket's flow control paces
 * the server), writing sends chunks as they are given.
 *
 * Descriptor (56 bytes): IBM's Client SDK blob.h tblob_t, big-endian:
 *   0 fd, 2 coloff, 4 tblspace, 8 start, 12 end, 16 size, 20 addr, 24 family,
 *   28 volume, 32 medium, 34 bstamp, 36 sockid, 38 flags (0x0001 NULL),
 *   40..55 reserved.
 * The doc's reading (size at 16..19, byte 39 = 1 NULL) agrees with it. The
 * client treats every other field as opaque and sends the row's descriptor
 * back unchanged in SQ_FETCHBLOB.
 *
 * The wire lock: while a read stream is open the connection's next request
 * (any statement, COMMIT, CLOSE ...) first drains the rest of the stream
 * (sq_conn_flush); the reader sees that through sq_blob_serial() and may
 * re-open and skip. While a write group is half sent every other request is
 * MISUSE: the group cannot be interleaved. */
#ifndef IFXODBC_SQ_BLOB_H
#define IFXODBC_SQ_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_conn.h"
#include "sq_rc.h"
#include "sq_result.h"

/* Bytes per SQ_BLOB chunk the client sends ("at most 1024, as JDBC does",
 * doc §9.7). */
#define SQ_BLOB_PUT_CHUNK 1024u

/* ---- reading ---- */

/* Send `SQ_ID id SQ_FETCHBLOB desc SQ_EOT` for a descriptor of a row of st
 * (its cursor must be open: MISUSE otherwise, the server would say -602).
 * Drains anything outstanding first. OK, MISUSE or a connection failure. */
enum sq_rc sq_blob_open(struct sq_stmt *st, const uint8_t *desc, size_t n);
/* Next chunk of the open stream: OK with *p and *n (n > 0; a view into the input
 * buffer, valid until the next call on the connection); NO_DATA at the end
 * (the reply group was read to its EOT); SERVER (SQ_ERR, e.g. -602; the group
 * was read to its EOT; sq_conn_server_error() has it); MISUSE when no stream
 * is open; or a connection failure. */
enum sq_rc sq_blob_read(struct sq_conn *c, const uint8_t **p, size_t *n);
/* Read and drop the rest of the open stream (OK if none is open). */
enum sq_rc sq_blob_abort(struct sq_conn *c);
bool sq_blob_reading(const struct sq_conn *c);
/* Changes whenever a stream is opened: a reader that remembers it after its
 * sq_blob_open() knows its stream is still the open one while
 * sq_blob_reading() && sq_blob_serial() is unchanged. */
uint64_t sq_blob_serial(const struct sq_conn *c);

/* ---- writing ---- */

/* True if any parameter is a non-NULL BYTE/TEXT. */
bool sq_params_have_lob(const struct sq_param *params, size_t n);
/* Number of non-NULL BYTE/TEXT parameters (the SQ_BBIND count). */
size_t sq_params_lob_count(const struct sq_param *params, size_t n);

/* Begin executing st with BYTE/TEXT parameters: sends `SQ_ID id SQ_BIND ...
 * SQ_BBIND count` (count = sq_params_lob_count) without ending the group.
 * Then, for each non-NULL BYTE/TEXT parameter in order, the caller gives its
 * data with sq_lobexec_put (any pieces) and ends it with sq_lobexec_end, and
 * finally calls sq_lobexec_finish. The values' sizes in the descriptors are
 * params[i].u.lob.n. OK, MISUSE (open cursor, bad params), NOMEM or a
 * connection failure. */
enum sq_rc sq_lobexec_begin(struct sq_stmt *st, const struct sq_param *params, size_t n);
/* Append bytes to the current value (sent in SQ_BLOB_PUT_CHUNK pieces as the
 * output buffer fills). */
enum sq_rc sq_lobexec_put(struct sq_stmt *st, const void *p, size_t n);
/* End the current value (an empty SQ_BLOB). */
enum sq_rc sq_lobexec_end(struct sq_stmt *st);
/* End the group: `SQ_EXECUTE SQ_EOT` (execute) or just `SQ_EOT` (abandon: the
 * server binds but runs nothing), and read the reply. OK, SERVER or a
 * failure; the DONE goes to sq_conn_last_done(). */
enum sq_rc sq_lobexec_finish(struct sq_stmt *st, bool execute);
bool sq_lobexec_active(const struct sq_conn *c);

/* Execute with BYTE/TEXT values all in memory (u.lob.p set for each non-NULL
 * one): begin, put/end each, finish. sq_stmt_execute() calls this when it
 * sees such parameters. */
enum sq_rc sq_lobexec_run(struct sq_stmt *st, const struct sq_param *params, size_t n);

#endif
