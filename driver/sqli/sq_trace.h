/* SPDX-License-Identifier: MIT */
/* sq_trace.h - protocol trace: one line per message to a file (direction,
 * opcode name, key fields; hex of the bytes when asked). The login request
 * (CONREQ, which carries the password in clear) is never dumped: only its
 * non-secret fields are printed. Enabled per connection by
 * sq_conn_cfg.trace_file or the environment variable IFXODBC_TRACE=path;
 * IFXODBC_TRACE_HEX=1 adds the hex of every message except the login. */
#ifndef IFXODBC_SQ_TRACE_H
#define IFXODBC_SQ_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sq_trace;
struct sq_msg;
struct sq_conn_cfg;

/* path NULL or "": $IFXODBC_TRACE; still none: tracing off (NULL). The file
 * is opened for append (created 0600, symlinks not followed); NULL when it
 * cannot be opened (tracing is best effort, never a connect failure). */
struct sq_trace *sq_trace_open(const char *path);
void sq_trace_close(struct sq_trace *t); /* NULL: no-op */
/* A trace for another layer's lines (the ODBC entry-point log) on the same
 * file format: lines are tagged `tag` (e.g. "odbc") instead of c<N>. path
 * must be given (no environment fallback). NULL when it cannot be opened. */
struct sq_trace *sq_trace_open_tagged(const char *path, const char *tag);
/* One free-form line (no newline in text; control bytes are shown as '.'),
 * prefixed with the timestamp and the tag / connection id. */
void sq_trace_text(struct sq_trace *t, const char *text, size_t len);

/* The login request about to be sent (n bytes): key fields only, never the
 * password; the next sq_trace_out() (the same bytes) is not dumped. */
void sq_trace_login(struct sq_trace *t, const struct sq_conn_cfg *cfg, size_t n);
/* Login reply: session-layer type, svcError, server name. */
void sq_trace_login_reply(struct sq_trace *t, unsigned sl_type, int svc_error,
                          const char *server_name, const uint8_t *p, size_t n);
/* A request group (client to server) as flushed. */
void sq_trace_out(struct sq_trace *t, const uint8_t *p, size_t n);
/* One decoded server message and its bytes. */
void sq_trace_in(struct sq_trace *t, const struct sq_msg *m, const uint8_t *p, size_t n);

/* Pure formatters (unit-tested): write one NUL-terminated line without the
 * timestamp into buf; return its length (truncated to cap - 1). */
size_t sq_trace_fmt_out(char *buf, size_t cap, const uint8_t *p, size_t n, bool hex);
/* One client message at p[0..n) (the rest of a request group): name and key
 * fields (PREPARE's SQL text, DBOPEN's name, INFO's environment, fetch sizes).
 * *used = its size; messages that cannot be sized without a request decoder
 * (SQ_BIND's values, unknown opcodes) take the rest of the group. */
size_t sq_trace_fmt_req(char *buf, size_t cap, const uint8_t *p, size_t n, size_t *used);
size_t sq_trace_fmt_in(char *buf, size_t cap, const struct sq_msg *m, const uint8_t *p, size_t n,
                       bool hex);

#endif
