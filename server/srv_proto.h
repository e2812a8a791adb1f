/* SPDX-License-Identifier: MIT */
/* srv_proto.h - ifxlite's protocol side, internal declarations: negotiated
 * capabilities, client->server request decoders (srv_decode.c), server->client
 * encoders (srv_encode.c), the login exchange (srv_login.c), the per-connection
 * loop (srv_session.c) and the listener (srv_listen.c). Message layouts are
 * written here a second time, independently of driver/sqli's messages; only the
 * byte helpers (sq_rd, sq_wr, sq_buf, sq_alloc) and constants are shared. */
#ifndef IFXLITE_SRV_PROTO_H
#define IFXLITE_SRV_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "sq_rc.h"
#include "sq_limits.h"
#include "sq_rd.h"
#include "srv_fault.h"
#include "srv_profile.h"
#include "srv_sql.h"
#include "srv_value.h"

/* ---- Negotiated state (SQ_PROTOCOLS, doc §5.1, PROTOCOL.md) ---- */
struct srv_caps {
    bool ext_describe; /* mask byte 7 0x01: u32 string table, 30-byte column blocks */
    bool big_sql;      /* mask byte 7 0x02: u32 PREPARE length and SQ_ERR offset */
    bool long_rowid;   /* mask byte 8 0x02: i64 DONE rows/rowid, 18-byte INSERTDONE */
    bool nfetch16;     /* profile nfetch16=1: SQ_NFETCH bufsize is a u16 */
};

#define SRV_MASK_MAX 64 /* = SQ_MAX_PROTO_MASK */

/* The mask ifxlite grants for the client's mask (profile proto=echo|zero), and
 * the capabilities it puts in force. out has room for n bytes. */
void srv_caps_grant(const struct srv_profile *prof, const uint8_t *mask, size_t n, uint8_t *out,
                    struct srv_caps *caps);

/* ---- Client -> server messages (srv_decode.c) ---- */
struct srv_msg {
    uint16_t op;
    union {
        struct { /* SQ_PREPARE, SQ_COMMAND */
            uint16_t nparams;
            const uint8_t *sql;
            size_t len; /* a trailing NUL counted by the client (NMAP, W18) is kept */
        } prepare;
        struct { /* SQ_CURNAME */
            const uint8_t *name;
            size_t len;
        } curname;
        uint16_t id; /* SQ_ID */
        struct {     /* SQ_BIND: blocks checked; walk them with srv_decode_bparam */
            uint16_t count;
            const uint8_t *blocks;
            size_t len;
        } bind;
        uint32_t bufsize; /* SQ_NFETCH */
        struct {          /* SQ_SFETCH */
            uint16_t type;
            int32_t target;
            uint32_t bufsize;
        } sfetch;
        uint16_t rbwork; /* SQ_RBWORK argument */
        struct {         /* SQ_DBOPEN */
            const uint8_t *name;
            size_t len;
            uint16_t flags;
        } dbopen;
        struct { /* SQ_PROTOCOLS */
            const uint8_t *mask;
            size_t len;
        } protocols;
        const uint8_t *blobdesc; /* SQ_FETCHBLOB: the 56-byte descriptor */
        uint16_t bbind;          /* SQ_BBIND: number of values whose chunks follow [U width] */
        struct {                 /* SQ_BLOB: one chunk (empty: end of a value) */
            const uint8_t *p;
            size_t n;
        } blob;
        struct { /* SQ_INFO: entries (str16 name, str16 value) up to 0,0 */
            uint16_t type;
            size_t nentries;
            const uint8_t *entries;
            size_t len;
        } info;
    } u;
};

/* Decode one message (opcode and payload) at rd's cursor. SQ_RC_OK with the
 * cursor after it; SQ_RC_NEED_MORE with the cursor unchanged; SQ_RC_PROTOCOL
 * for an unknown opcode or a count/length over sq_limits.h (the stream cannot be
 * resynchronised). Pointers in *m borrow rd's span. Never allocates. */
enum sq_rc srv_decode_msg(struct sq_rd *rd, const struct srv_caps *caps, struct srv_msg *m);

/* Walk one SQ_BIND parameter block (u16 type, i16 indicator, u16 prec, value,
 * pad): the value's layout follows the type (§9.6, PROTOCOL.md). */
enum sq_rc srv_decode_bparam(struct sq_rd *rd, struct srv_bparam *p);

/* Walk one SQ_INFO entry; *done at the 0,0 terminator. */
enum sq_rc srv_decode_info_entry(struct sq_rd *rd, const uint8_t **name, size_t *nlen,
                                 const uint8_t **val, size_t *vlen, bool *done);

/* Short name of a client opcode for logs ("PREPARE"), "?" if unknown. */
const char *srv_op_name(uint16_t op);

/* ---- Server -> client messages (srv_encode.c); all append to b ---- */
void srv_enc_eot(struct sq_buf *b);
void srv_enc_exit(struct sq_buf *b);
void srv_enc_protocols(struct sq_buf *b, const uint8_t *mask, size_t n);
/* DONE: u16 warnings, i32|i64 rows, i32|i64 rowid (long_rowid), i32 serial. */
void srv_enc_done(struct sq_buf *b, const struct srv_caps *caps, uint16_t warnings, int64_t rows,
                  int64_t rowid, int32_t serial);
void srv_enc_cost(struct sq_buf *b, int32_t est_rows, int32_t est_cost);
/* INSERTDONE: INT8 serial8 (0 -> INT8 NULL), + i64 bigserial when long_rowid. */
void srv_enc_insertdone(struct sq_buf *b, const struct srv_caps *caps, int64_t serial8,
                        int64_t bigserial);
void srv_enc_xactstat(struct sq_buf *b, uint16_t event, uint16_t new_level, uint16_t old_level);
/* ERR: i16 sqlcode, i16 isam, u16|u32 offset (big_sql), str16 text (cut at 65535). */
void srv_enc_err(struct sq_buf *b, const struct srv_caps *caps, int sqlcode, int isam,
                 uint32_t offset, const char *text);
void srv_enc_tupid(struct sq_buf *b, int32_t pos);
/* TUPLE: u16 0, u32 size, row bytes, pad. */
void srv_enc_tuple(struct sq_buf *b, const uint8_t *row, size_t len);
/* DESCRIBE (extended or legacy per caps). cols may be NULL when ncols is 0. */
void srv_enc_describe(struct sq_buf *b, const struct srv_caps *caps, uint16_t stmt_type,
                      uint16_t id, uint32_t cost, const struct srv_col *const *cols, size_t ncols);
/* DBLIST: str16 names, u16 0. */
void srv_enc_dblist_end(struct sq_buf *b);

/* ---- Login (srv_login.c, doc §3-§4) ---- */
#define SRV_LOGIN_STR 256
struct srv_envvar {
    const uint8_t *name;
    size_t nlen;
    const uint8_t *val;
    size_t vlen;
};
struct srv_conreq {
    uint32_t version;
    uint32_t cap1, cap2, cap3;
    uint16_t flags;
    char client_version[SRV_LOGIN_STR];
    char client_serial[SRV_LOGIN_STR];
    char app_proto[SRV_LOGIN_STR];
    char user[SRV_LOGIN_STR];
    size_t user_len;
    char password[SRV_LOGIN_STR];
    size_t password_len;
    char family[9];
    uint32_t proto_version;
    char transport[9];
    uint32_t net_level;
    char server[SRV_LOGIN_STR];
    char dbname[SRV_LOGIN_STR];
    struct srv_envvar env[SQ_MAX_ENV_VARS];
    size_t nenv;
    bool has_procinfo;
    uint32_t pid;
    char host[SRV_LOGIN_STR];
    char cwd[SRV_LOGIN_STR];
    char app_name[SRV_LOGIN_STR];
};

/* Parse the SL header: SQ_RC_OK with *body_len, SQ_RC_NEED_MORE, or
 * SQ_RC_PROTOCOL (size < 6, type not CONREQ, attr not 60). */
enum sq_rc srv_login_header(const uint8_t *hdr, size_t len, size_t *body_len);
/* Parse a CONREQ body (after the SL header), bounded by len. Env entries
 * borrow body. SQ_RC_OK or SQ_RC_PROTOCOL. */
enum sq_rc srv_login_parse(const uint8_t *body, size_t len, struct srv_conreq *rq);
/* Build the whole reply packet (SL header + body, doc §4.4): CONACC when
 * svc_error is 0, else CONREJ. rq may be NULL (defaults echoed). */
void srv_login_reply(struct sq_buf *b, const struct srv_conreq *rq, const char *server_name,
                     const char *server_version, int16_t svc_error);
/* Value of an env variable from the CONREQ ("" if absent), copied into out. */
void srv_login_env(const struct srv_conreq *rq, const char *name, char *out, size_t outsz);

/* ---- Server configuration shared by all sessions ---- */
struct srv_user {
    char *name;
    char *password;
};

struct srv_tls;

struct srv_ctx {
    struct srv_engine *eng;
    const struct srv_user *users;
    size_t nusers;
    const char *server_name; /* DBSERVERNAME; clients may send it or "" */
    struct srv_profile profile;
    struct srv_fault_plan faults;
    int stall_timeout_ms; /* partial message stalled this long -> close (default 60000) */
    struct srv_tls *tls;  /* onsocssl listener (srv_tls.h), or NULL for onsoctcp */
};

/* -951 unless user/password match an entry (constant-time compare), -761 for a
 * non-empty server name other than ctx->server_name, else 0. */
int srv_login_check(const struct srv_ctx *ctx, const struct srv_conreq *rq);

/* ---- Per-connection loop (srv_session.c) ---- */
#define SRV_MAX_STMTS 4096             /* open statements per session */
#define SRV_MAX_GROUP (80u << 20)      /* bytes of one client group we buffer */
#define SRV_MAX_REPLY_ROWS (32u << 20) /* tuple bytes per NFETCH reply, whatever bufsize */

/* Serve one client on fd (already accepted) until EXIT, EOF, a protocol error,
 * a fault or shutdown (the listener shuts the socket down). Does not close fd:
 * the caller does. session_no is 1-based (it selects faults). Sessions run
 * concurrently; each uses only its own state and the thread-safe engine. */
void srv_conn_run(const struct srv_ctx *ctx, int fd, int session_no);

/* Answer a connection over the session cap: read the CONREQ (bounded, 1 s) and
 * send CONREJ with svc_error (0: -1809). Does not close fd. */
void srv_conn_refuse(const struct srv_ctx *ctx, int fd, int16_t svc_error);

/* ---- Listener (srv_listen.c) ---- */
#define SRV_MAX_SESSIONS 256

/* Bind and listen on host:port (port "0" = any free port). Writes the bound
 * "HOST:PORT" into out. Listening fd, or -1 with a message in err. */
int srv_listen_open(const char *host, const char *port, char *out, size_t outsz, char *err,
                    size_t errlen);
/* Accept loop with one detached thread per client, until SIGTERM/SIGINT (or
 * srv_listen_stop()). Then stops accepting, shuts client sockets down, waits
 * for the sessions (up to 10 s). Closes lfd. Returns the number of sessions
 * still running (0: clean; otherwise the engine must not be freed). */
int srv_listen_run(const struct srv_ctx *ctx, int lfd);
/* Ask a running srv_listen_run to stop (async-signal-safe). */
void srv_listen_stop(void);

#endif
