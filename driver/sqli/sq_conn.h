/* SPDX-License-Identifier: MIT */
/* sq_conn.h - the SQLI client connection (libpq-like): login, session setup,
 * transactions, statements and the sticky error state. Protocol core only:
 * never includes ODBC headers and takes no locks (one owner at a time; only
 * sq_conn_interrupt() may be called from another thread). Statement and row
 * access is in sq_result.h. */
#ifndef IFXODBC_SQ_CONN_H
#define IFXODBC_SQ_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_limits.h"
#include "sq_rc.h"
#include "sq_tls.h"

struct sq_conn;
struct sq_stmt;

struct sq_env_pair {
    const char *name;
    const char *value;
};

/* Connection settings. All pointers are borrowed for the duration of
 * sq_conn_connect() only. Fill with sq_conn_cfg_init() first. */
struct sq_conn_cfg {
    const char *host;        /* default "localhost" */
    const char *service;     /* port number or /etc/services name (required) */
    const char *server_name; /* INFORMIXSERVER; may be "" */
    const char *user;
    const char *password;
    const char *database; /* NULL or "" = open no database */
    /* Locales. Default "en_US.utf8" for BOTH: doc §3.3 says LIB sends DB_LOCALE
     * en_US.8859-1, but every string the core and the ODBC layer hand over is
     * UTF-8 and ifxlite stores UTF-8, so we announce UTF-8 on both sides and do
     * no code-set conversion in the core. */
    const char *client_locale;
    const char *db_locale;
    const char *app_name;          /* default "ifxodbc" */
    int connect_timeout_ms;        /* <= 0: none */
    int io_timeout_ms;             /* per read/write wait; 0 = none */
    /* TCP keepalive (SO_KEEPALIVE is always on): idle seconds before the
     * first probe, seconds between probes, probes before the link is declared
     * dead; 0 = the operating system's default. */
    int keepalive_idle_s;
    int keepalive_intvl_s;
    int keepalive_cnt;
    uint32_t fetch_buf_size;       /* NFETCH/SFETCH buffer size; 0 = SQ_DEFAULT_FETCH_BUF */
    const struct sq_env_pair *env; /* extra login environment, after the six defaults */
    size_t nenv;
    /* TLS (onsocssl, doc §11): tls.enabled wraps the TCP stream in TLS before
     * the login; never falls back to plaintext. Zeroed by sq_conn_cfg_init. */
    struct sq_tls_cfg tls;
    /* Protocol trace file (sq_trace.h); NULL/"" = $IFXODBC_TRACE or none. */
    const char *trace_file;
};

/* Negotiated features (from the server's SQ_PROTOCOLS mask, doc §5.1). */
struct sq_caps {
    bool ext_describe; /* byte 7 0x01: extended DESCRIBE column blocks, u32 strtab size */
    bool big_sql;      /* byte 7 0x02: u32 PREPARE length and SQ_ERR offset */
    bool long_rowid;   /* byte 8 0x02: i64 DONE rows/rowid, 18-byte INSERTDONE */
    bool large_tuple;  /* byte 8 0x04: recorded, changes nothing (never granted by ifxlite) */
    bool pam;          /* byte 5 0x08: server wants a PAM dialogue (unsupported) */
    uint8_t mask[SQ_MAX_PROTO_MASK];
    size_t mask_len;
};

/* Last server error (SQ_ERR): SQLCODE, ISAM code, offset into the SQL text and
 * the %s insertion text (NOT the full message; see sq_errtext()). */
struct sq_server_error {
    int sqlcode;
    int isam;
    uint32_t offset;
    char text[SQ_MAX_ERRTEXT + 1];
};

/* The last SQ_DONE (plus a preceding SQ_INSERTDONE, if any). */
struct sq_done {
    uint16_t warnings;
    int64_t rows;   /* rows processed / affected (sqlerrd[2]) */
    int64_t rowid;  /* ROWID of the last row processed */
    int32_t serial; /* generated SERIAL (sqlerrd[1]); 0 when none */
    bool has_insertdone;
    bool serial8_null; /* INSERTDONE's INT8 was NULL (sign 0) */
    int64_t serial8;   /* generated SERIAL8 from SQ_INSERTDONE; 0 when none */
    int64_t bigserial; /* generated BIGSERIAL (only with long_rowid) */
};

struct sq_server_info {
    char version[64]; /* e.g. "14.10.FC10" */
    char serial[64];  /* e.g. "RDS#R000000" */
    char name[129];   /* DBSERVERNAME as the server reports it */
};

enum sq_dbkind { SQ_DB_UNKNOWN = 0, SQ_DB_UNLOGGED, SQ_DB_LOGGED, SQ_DB_ANSI };
enum sq_conn_state { SQ_CONN_NEW = 0, SQ_CONN_READY, SQ_CONN_BROKEN, SQ_CONN_CLOSED };

/* Defaults: host "localhost", locales en_US.utf8, app "ifxodbc", timeouts 0. */
void sq_conn_cfg_init(struct sq_conn_cfg *cfg);

/* New unconnected connection; NULL on out of memory. Free with sq_conn_free. */
struct sq_conn *sq_conn_new(void);
/* Close (sq_conn_close) if needed, detach remaining statements (they then
 * fail with SQ_RC_BROKEN; free them separately) and free. NULL is a no-op. */
void sq_conn_free(struct sq_conn *conn);

/* TCP connect, then (cfg->tls.enabled) the TLS handshake, bounded by
 * connect_timeout_ms or SQ_TLS_HANDSHAKE_MS (a TLS failure is IO, TIMEOUT or
 * MISUSE for bad settings, with a message starting "TLS" that names the
 * reason), then CONREQ/CONACC, SQ_PROTOCOLS, SQ_INFO, SQ_DBOPEN (if a database
 * is given), then the database kind query (failure there leaves the kind
 * unknown). Returns OK; REJECTED (code in sq_conn_server_error()->sqlcode);
 * SERVER (DBOPEN failed: -329 ...); UNSUPPORTED (PAM, redirect); IO, TIMEOUT,
 * PROTOCOL, NOMEM. On any failure other than OK the connection is BROKEN and
 * sq_conn_errmsg() says why. Only on a NEW connection (else MISUSE). */
enum sq_rc sq_conn_connect(struct sq_conn *conn, const struct sq_conn_cfg *cfg);

/* Send a bare SQ_EXIT, wait (bounded) for its echo, close. Always succeeds
 * locally; the state becomes CLOSED. */
void sq_conn_close(struct sq_conn *conn);

/* Thread- and async-signal-safe: make the running (or next) operation fail
 * with SQ_RC_CANCELLED. SQLI has no cancel message, so the connection is then
 * BROKEN (doc §12.1). */
void sq_conn_interrupt(struct sq_conn *conn);

/* BROKEN, or interrupted (sq_conn_interrupt) since: nothing more can be sent. */
bool sq_conn_is_broken(const struct sq_conn *conn);

/* Forked child (the socket belongs to the parent's session): drop the
 * transport without any I/O (no SQ_EXIT, no TLS close_notify, no shutdown(2)),
 * closing only this process's descriptor. The state becomes CLOSED; free with
 * sq_conn_free as usual. */
void sq_conn_abandon(struct sq_conn *conn);

/* Change the per-wait I/O bound of an open connection (ms; <= 0: none), as
 * SQL_ATTR_CONNECTION_TIMEOUT set after the connect. Caller holds the
 * connection (no exchange runs). */
void sq_conn_set_io_timeout(struct sq_conn *conn, int ms);
/* After a call failed with SQ_RC_TIMEOUT: true when the per-wait I/O bound
 * (io_timeout_ms) expired, false when the per-call deadline did. */
bool sq_conn_timeout_is_io(const struct sq_conn *conn);
enum sq_conn_state sq_conn_state(const struct sq_conn *conn);
/* Message of the last failure (sticky once BROKEN), or "" if none. For a
 * server error: "error -206 (isam -111): The specified table (t) is not ...". */
const char *sq_conn_errmsg(const struct sq_conn *conn);
const struct sq_server_error *sq_conn_server_error(const struct sq_conn *conn);
const struct sq_caps *sq_conn_caps(const struct sq_conn *conn);
const struct sq_server_info *sq_conn_server_info(const struct sq_conn *conn);
enum sq_dbkind sq_conn_db_kind(const struct sq_conn *conn);
const struct sq_done *sq_conn_last_done(const struct sq_conn *conn);
/* Number of request groups sent and answered so far (tests, statistics). */
uint64_t sq_conn_round_trips(const struct sq_conn *conn);
uint64_t sq_conn_fetch_round_trips(const struct sq_conn *conn); /* NFETCH/SFETCH only */

/* Transactions: SQ_BEGIN, SQ_CMMTWORK, SQ_RBWORK. OK, SERVER (-255, -256 ...)
 * or a connection failure. */
enum sq_rc sq_conn_begin(struct sq_conn *conn);
enum sq_rc sq_conn_commit(struct sq_conn *conn);
enum sq_rc sq_conn_rollback(struct sq_conn *conn);

/* Run one statement without parameters: prepare, execute (or open, fetch
 * every row and close for a SELECT), release. *done (may be NULL) receives
 * the statement's DONE (rows = rows affected or fetched). */
enum sq_rc sq_conn_exec(struct sq_conn *conn, const char *sql, size_t len, struct sq_done *done);

/* Standard Informix message for an SQLCODE with %s filled from param (may be
 * NULL or ""); "Informix error %d" for codes not in the table. Writes at most
 * cap bytes including the NUL; returns the length needed. (sq_errtext.c) */
size_t sq_errtext(int sqlcode, const char *param, char *buf, size_t cap);

#endif
