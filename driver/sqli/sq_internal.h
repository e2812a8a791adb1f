/* SPDX-License-Identifier: MIT */
/* sq_internal.h - private declarations of the client protocol core: the
 * connection and statement structs, request encoders (sq_request.c), reply
 * decoders (sq_response.c), login (sq_login.c) and result arena (sq_result.c).
 * Used by the core and its unit tests/bench; never by the ODBC layer. */
#ifndef IFXODBC_SQ_INTERNAL_H
#define IFXODBC_SQ_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "sq_conn.h"
#include "sq_rc.h"
#include "sq_rd.h"
#include "sq_result.h"
#include "sq_transport.h"
#include "sq_value.h"

#define SQ_ERRMSG_MAX 512

struct sq_conn {
    struct sq_transport *tr;
    enum sq_conn_state state;
    struct sq_buf in;  /* input bytes; unread data starts at in_head */
    size_t in_head;    /* read head; the buffer is compacted only when refilled */
    struct sq_buf out; /* request group being built; flushed once per group */
    struct sq_caps caps;
    struct sq_server_info server;
    char errmsg[SQ_ERRMSG_MAX];
    struct sq_server_error server_err;
    struct sq_done last_done;
    struct sq_done pending; /* INSERTDONE seen, waiting for its DONE */
    enum sq_dbkind db_kind;
    uint32_t cursor_counter;
    uint32_t fetch_buf;
    int io_timeout_ms;
    uint64_t round_trips;
    uint64_t fetch_round_trips;
    atomic_bool interrupted;
    struct sq_stmt *stmts; /* live statements, so sq_conn_free can detach them */
    /* Per-call deadline (sq_conn_set_deadline): absolute sq_time_ms(), 0 = none.
     * Bounds every transport wait together with io_timeout_ms. */
    int64_t call_deadline;
    /* The last SQ_RC_TIMEOUT came from io_timeout_ms (SQL_ATTR_CONNECTION_TIMEOUT),
     * not from call_deadline (query or login timeout): HYT01 against HYT00. */
    bool timeout_io;
    /* Statement whose prefetched SQ_NFETCH reply is still unread (at most
     * one); sq_conn_flush drains it (sq_result_drain) before sending anything. */
    struct sq_stmt *prefetch;
    bool in_pipeline; /* sq_stmt_execute_pipe runs: other requests are MISUSE */
    /* BYTE/TEXT streams (sq_blob.c). Reading: a FETCHBLOB reply is being read
     * chunk by chunk; sq_conn_flush drains the rest before sending anything
     * else. blob_serial counts FETCHBLOBs so a reader can tell its stream was
     * drained. Writing: a BIND ... SQ_BLOB group is half sent; nothing else
     * may be sent until it is finished (MISUSE). */
    bool blob_reading;
    bool blob_saw_err;
    uint64_t blob_serial;
    bool lob_writing;
    size_t lob_values_left;  /* values still to end in the half-sent group */
    size_t lob_chunk_n;      /* bytes in lob_chunk not yet framed */
    uint8_t lob_chunk[1024]; /* SQ_BLOB_PUT_CHUNK */
    struct sq_trace *trace; /* protocol trace (sq_trace.h), NULL = off */
    /* Client file requests (SQ_FILE, sq_file.h): the handler, NULL = refuse
     * every open; whether a handler file is open. */
    const struct sq_file_ops *file_ops;
    bool file_open;
    int32_t file_mode;  /* SQ_FILE_MODE_* of the open file */
    uint64_t file_left; /* read mode: bytes not yet asked for */
    uint64_t file_opens; /* open requests seen */
    /* Smart-LOB statements kept prepared (sq_file.c): lotofile of a BLOB /
     * CLOB locator, filetoblob, filetoclob. Freed by sq_lo_forget. */
    struct sq_stmt *lo_stmt[4];
};

struct sq_rowent {
    uint32_t off; /* into stmt->rows */
    uint32_t len;
    uint16_t warnings;
    int32_t position; /* TUPID or 0 */
};

struct sq_stmt {
    struct sq_conn *conn; /* NULL once the connection is gone */
    struct sq_stmt *next, *prev;
    uint16_t id;
    uint16_t type;
    uint32_t cost;
    uint16_t tuple_size;
    size_t ncols;
    struct sq_coldesc *cols;
    char *names; /* owned storage for column names and xnames */
    size_t nparams;
    bool is_open;
    bool is_scroll;
    bool is_done; /* SQ_DONE seen for the open cursor */
    char curname[24];
    /* Row arena of the current batch. */
    struct sq_buf rows;
    struct sq_rowent *ents;
    size_t nents, ents_cap, cur;
    struct sq_span *spans; /* ncols spans of the current row */
    uint32_t *fixw;        /* per column: cached width of a fixed-width kind, 0 = ask */
    struct sq_row row;
    /* Stash: a prefetched batch read early because another request needed the
     * connection (sq_result_drain), with the outcome of its reply group. */
    struct sq_buf alt_rows;
    struct sq_rowent *alt_ents;
    size_t alt_nents, alt_cap;
    bool has_stash;
    bool stash_done;     /* the stashed reply carried SQ_DONE */
    enum sq_rc stash_rc; /* OK or SERVER */
    struct sq_done stash_last_done;
    struct sq_server_error stash_err;
    char stash_msg[SQ_ERRMSG_MAX];
};

/* ---- decoded server messages (sq_response.c) ---- */

struct sq_describe_view {
    uint16_t stmt_type;
    uint16_t id;
    uint32_t cost;
    uint16_t tuple_size;
    uint16_t nfields;
    uint32_t strtab_size;
    const uint8_t *cols; /* nfields column blocks */
    size_t cols_len;
    const uint8_t *strtab; /* strtab_size bytes */
};

struct sq_msg {
    uint16_t op;
    union {
        struct sq_describe_view describe;
        struct {
            uint16_t warnings;
            const uint8_t *p;
            uint32_t n;
        } tuple;
        struct {
            uint16_t warnings;
            int64_t rows;
            int64_t rowid;
            int32_t serial;
        } done;
        struct {
            int32_t est_rows;
            int32_t est_cost;
        } cost;
        struct {
            bool serial8_null;
            int64_t serial8;
            int64_t bigserial;
        } insertdone;
        struct {
            uint16_t event, new_level, old_level;
        } xactstat;
        struct {
            int16_t sqlcode;
            int16_t isam;
            uint32_t offset;
            const uint8_t *text;
            size_t text_len;
        } err;
        int32_t tupid;
        struct {
            const uint8_t *p;
            size_t n;
        } blob; /* SQ_BLOB chunk; SQ_FILE_WRITE chunk */
        struct {
            uint16_t optype; /* SQ_FILE_OPEN / _CLOSE / _READ / _WRITE */
            const uint8_t *name;
            size_t name_n;
            int32_t mode, flags, offset; /* open */
            uint16_t bufsize;            /* read */
            int32_t amount;              /* read */
        } file; /* SQ_FILE request (sq_file.c) */
        struct {
            const uint8_t *mask;
            size_t n;
        } protocols;
    } u;
};

/* Decode one server message at rd's cursor. OK: *m filled (views point into
 * rd's span), cursor after the message. NEED_MORE: cursor back at the message
 * start. PROTOCOL: unknown opcode or a count over an sq_limits.h cap (the
 * caller breaks the connection); the cursor is then undefined. Layouts follow
 * caps only. Pure: no I/O, no allocation. */
/* The statement's connection into *conn, checked ready for a request
 * (sq_conn_check); MISUSE without a statement, BROKEN once it lost its
 * connection. */
enum sq_rc sq_stmt_conn(struct sq_stmt *st, struct sq_conn **conn);
enum sq_rc sq_decode_msg(const struct sq_caps *caps, struct sq_rd *rd, struct sq_msg *m);

/* Build column descriptors from a complete DESCRIBE view into st (replacing
 * any previous ones). NOMEM, PROTOCOL (bad name offsets), or OK. */
enum sq_rc sq_describe_apply(const struct sq_caps *caps, const struct sq_describe_view *d,
                             struct sq_stmt *st);

/* Feature flags from a server SQ_PROTOCOLS mask. */
void sq_caps_from_mask(struct sq_caps *caps, const uint8_t *mask, size_t n);

/* Opcode name for messages ("SQ_DONE"), or "SQ_?" */
const char *sq_opcode_name(uint16_t op);

/* ---- request encoders (sq_request.c): append one message, no SQ_EOT ---- */

extern const uint8_t sq_client_proto_mask[9];
void sq_req_eot(struct sq_buf *b);
void sq_req_protocols(struct sq_buf *b, const uint8_t *mask, size_t n);
/* SQ_INFO env block with LIB's total_len rule (4 + entries + 4). */
bool sq_req_info(struct sq_buf *b, const struct sq_env_pair *env, size_t n);
/* The standard block: DBTEMP=/tmp, SUBQCACHESZ=10. */
void sq_req_info_default(struct sq_buf *b);
bool sq_req_dbopen(struct sq_buf *b, const char *name, size_t len);
/* SQ_PREPARE u16 nparams, u16|u32 len (caps->big_sql), sql, pad, then
 * SQ_NDESCRIBE SQ_WANTDONE. MISUSE if len does not fit. */
enum sq_rc sq_req_prepare(struct sq_buf *b, const struct sq_caps *caps, uint16_t nparams,
                          const char *sql, size_t len);
void sq_req_id(struct sq_buf *b, uint16_t id);
enum sq_rc sq_req_bind(struct sq_buf *b, const struct sq_param *params, size_t n);
void sq_req_execute(struct sq_buf *b);
bool sq_req_curname(struct sq_buf *b, const char *name);
/* [SQ_SCROLL] [SQ_HOLD] SQ_OPEN */
void sq_req_open(struct sq_buf *b, bool scroll, bool hold);
void sq_req_nfetch(struct sq_buf *b, uint32_t bufsize);
void sq_req_sfetch(struct sq_buf *b, uint16_t scroll_type, int32_t target, uint32_t bufsize);
void sq_req_close(struct sq_buf *b);
void sq_req_release(struct sq_buf *b);
void sq_req_begin(struct sq_buf *b);
void sq_req_commit(struct sq_buf *b);
void sq_req_rollback(struct sq_buf *b);
void sq_req_exit(struct sq_buf *b);

/* ---- login (sq_login.c) ---- */

/* Process facts sent in CONREQ block 107/116; injectable for tests. */
struct sq_procinfo {
    uint32_t pid;
    uint32_t thread_id;
    const char *hostname;
    const char *cwd;
};

/* Fill from the running process. Strings point into static-duration storage
 * owned by the caller-provided buffers. */
void sq_procinfo_current(struct sq_procinfo *pi, char *host, size_t hostcap, char *cwd,
                         size_t cwdcap);

/* Append the whole CONREQ packet (SL header included), doc §3.2. */
enum sq_rc sq_login_build_conreq(struct sq_buf *b, const struct sq_conn_cfg *cfg,
                                 const struct sq_procinfo *pi);

/* Parsed CONACC/CONREJ. */
struct sq_conacc {
    uint8_t sl_type;
    char version[64];
    char serial[64];
    char name[129];
    bool has_status; /* the 102 block was found */
    int16_t svc_error;
    int16_t os_error;
};

/* Parse one complete connection-reply packet (p, n include the SL header).
 * NEED_MORE if n is short of pdu_size; PROTOCOL if malformed. */
enum sq_rc sq_login_parse_reply(const uint8_t *p, size_t n, struct sq_conacc *out);

/* Run the whole login and session setup over an already connected transport
 * (which the connection takes over, even on failure). pi may be NULL (real
 * process values). Used by sq_conn_connect() and the scripted-session tests. */
enum sq_rc sq_conn_connect_over(struct sq_conn *conn, const struct sq_conn_cfg *cfg,
                                struct sq_transport *tr, const struct sq_procinfo *pi);

/* Adopt a transport as an already logged-in session with the given caps
 * (tests and the benchmark: no login exchange). */
void sq_conn_attach(struct sq_conn *conn, struct sq_transport *tr, const struct sq_caps *caps);

/* ---- connection internals (sq_conn.c) ---- */

/* Record a failure, close the transport, set BROKEN; returns rc. Keeps the
 * first message when already broken. */
enum sq_rc sq_conn_fail(struct sq_conn *conn, enum sq_rc rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Fail fast on a broken/closed/new connection. */
enum sq_rc sq_conn_check(struct sq_conn *conn);
/* Send conn->out as one group (it must end with SQ_EOT) and reset it. */
enum sq_rc sq_conn_flush(struct sq_conn *conn);
/* Write conn->out as it is (part of a group) and reset it: no draining, no
 * checks (sq_blob.c streams SQ_BLOB chunks of a half-sent group). */
enum sq_rc sq_conn_write_out(struct sq_conn *conn);
/* The same for any buffer (sq_file.c answers file requests from its own, since
 * conn->out may hold a request waiting for a drain). */
enum sq_rc sq_conn_write_buf(struct sq_conn *conn, struct sq_buf *b);
/* Answer an SQ_FILE request just read in a reply (sq_file.c): reads the rest of
 * the request (up to its SQ_EOT), calls the connection's file handler, writes
 * the answer group. OK or a connection failure. */
enum sq_rc sq_file_serve(struct sq_conn *conn, const struct sq_msg *m);
/* Free the smart-LOB statements kept prepared (sq_file.c). */
void sq_lo_forget(struct sq_conn *conn);
/* Record an SQ_ERR as the connection's server error and message. */
void sq_conn_record_error(struct sq_conn *conn, const struct sq_msg *m);
/* Read the rest of a FETCHBLOB reply (sq_blob.c); OK or a failure. */
enum sq_rc sq_blob_drain(struct sq_conn *conn);
/* Make sure n unread bytes are buffered at in.data + in_head (login packets). */
enum sq_rc sq_conn_need(struct sq_conn *conn, size_t n);
/* Read the next complete message (views valid until the next call). */
enum sq_rc sq_conn_next_msg(struct sq_conn *conn, struct sq_msg *m);

/* What a reply group may carry and what it did carry. */
struct sq_reply {
    struct sq_stmt *stmt; /* target of DESCRIBE / TUPLE (NULL: none allowed) */
    bool want_tuples;
    bool saw_describe;
    bool saw_done;
    bool saw_err;
    uint32_t ntuples;
};

/* Read one reply group up to SQ_EOT. OK; SERVER (an SQ_ERR was in the group,
 * recorded, group drained); or a failure (connection broken). */
enum sq_rc sq_conn_read_reply(struct sq_conn *conn, struct sq_reply *r);
/* flush + read_reply, counting a round trip. */
enum sq_rc sq_conn_roundtrip(struct sq_conn *conn, struct sq_reply *r);

/* ---- precomputed DATETIME/INTERVAL layouts (sq_dt.c) ---- */

/* Fill col->pre_dt_* from the qualifier in col->enc_len (pre_dt_ok 0 when the
 * kind is not DATETIME/INTERVAL or the qualifier is invalid). */
void sq_dt_precompute(struct sq_coldesc *col);
/* sq_dt_from_wire() for a column's value of n bytes, using the precomputed
 * layout when it is usable; any value the fast path does not fully handle
 * (negative, out of range, odd digits) goes through sq_dt_from_wire(), so the
 * answer and *dt are always exactly what sq_dt_from_wire() gives. */
enum sq_rc sq_dt_decode_col(const struct sq_coldesc *col, const uint8_t *p, size_t n,
                            struct sq_dt *dt, bool *is_null);

/* ---- result arena (sq_result.c) ---- */

void sq_result_reset(struct sq_stmt *st); /* drop the batch, keep memory */
enum sq_rc sq_result_add_tuple(struct sq_stmt *st, uint16_t warnings, const uint8_t *p, uint32_t n,
                               int32_t position);
/* Split row i of the batch into column spans and fill st->row. OK, PROTOCOL
 * (widths do not add up), UNSUPPORTED (a column we cannot size). */
enum sq_rc sq_result_row(struct sq_stmt *st, size_t i, const struct sq_row **row);
void sq_result_fini(struct sq_stmt *st);
/* Read the outstanding prefetched NFETCH reply (conn->prefetch) into its
 * statement's stash, keeping the connection's last DONE and error state as
 * they were. OK (also when nothing was outstanding) or a connection failure.
 * Called by sq_conn_flush before any other request group and by
 * sq_conn_close before SQ_EXIT. */
enum sq_rc sq_result_drain(struct sq_conn *conn);
/* Detach every statement from a connection that is being freed. */
void sq_result_detach_all(struct sq_conn *conn);

#endif
