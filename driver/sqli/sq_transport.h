/* SPDX-License-Identifier: MIT */
/* sq_transport.h - byte transport under an SQLI connection: a small vtable
 * (read, write, interrupt, close) with absolute deadlines. Implementations:
 * sq_tcp.c (POSIX TCP) and sq_mem.c (scripted bytes, for tests and benches).
 * Protocol core only; no ODBC, no message knowledge. */
#ifndef IFXODBC_SQ_TRANSPORT_H
#define IFXODBC_SQ_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "sq_rc.h"

/* Deadlines are absolute CLOCK_MONOTONIC milliseconds (sq_time_ms()); a
 * negative deadline means "wait for ever". */
#define SQ_NO_DEADLINE ((int64_t)-1)

struct sq_transport;

struct sq_transport_ops {
    /* Read at most cap bytes (cap > 0) into buf, blocking until at least one
     * byte is there or the deadline passes. SQ_RC_OK with *got > 0;
     * SQ_RC_IO on error or when the peer closed (message in err);
     * SQ_RC_TIMEOUT; SQ_RC_CANCELLED after interrupt(). */
    enum sq_rc (*read)(struct sq_transport *t, void *buf, size_t cap, size_t *got, int64_t deadline,
                       char *err, size_t errcap);
    /* Write all len bytes or fail (same codes as read). */
    enum sq_rc (*write)(struct sq_transport *t, const void *buf, size_t len, int64_t deadline,
                        char *err, size_t errcap);
    /* Make a blocked or future read/write fail at once with SQ_RC_CANCELLED.
     * Async-signal-safe and callable from another thread while one of the
     * other operations runs; never frees anything. */
    void (*interrupt)(struct sq_transport *t);
    /* Close and free the transport. */
    void (*close)(struct sq_transport *t);
};

struct sq_transport {
    const struct sq_transport_ops *ops;
};

/* Current CLOCK_MONOTONIC time in milliseconds. */
int64_t sq_time_ms(void);

/* Deadline `ms` from now; ms <= 0 gives SQ_NO_DEADLINE. */
int64_t sq_deadline_in(int ms);

/* TCP: resolve host + service (port number or /etc/services name), connect
 * non-blocking with a connect timeout (connect_timeout_ms <= 0: none), set
 * TCP_NODELAY and SO_KEEPALIVE. On failure returns SQ_RC_IO or SQ_RC_TIMEOUT
 * (or SQ_RC_NOMEM) with a message in err. Caller owns *out (ops->close). */
enum sq_rc sq_tcp_connect(const char *host, const char *service, int connect_timeout_ms,
                          struct sq_transport **out, char *err, size_t errcap);

/* Tune TCP keepalive on a transport made by sq_tcp_connect (values <= 0 keep
 * the OS default). Best effort: a refused option changes nothing else. */
void sq_tcp_keepalive(struct sq_transport *t, int idle_s, int intvl_s, int cnt);

/* Memory transport: reads come from a copy of script[0..len) in pieces of at
 * most max_chunk bytes (0 = no limit), then SQ_RC_IO "peer closed". Every
 * write is appended to a record. Caller owns the result (ops->close); NULL on
 * out of memory. */
struct sq_transport *sq_mem_new(const void *script, size_t len, size_t max_chunk);
/* Same, but borrowing script (must outlive the transport); no copy. */
struct sq_transport *sq_mem_new_borrowed(const void *script, size_t len, size_t max_chunk);
/* The bytes written so far (borrowed; valid until the next write or close). */
const struct sq_buf *sq_mem_written(const struct sq_transport *t);
/* Bytes of the script not read yet. */
size_t sq_mem_unread(const struct sq_transport *t);
/* Rewind the script to its start and clear the write record (benchmarks). */
void sq_mem_rewind(struct sq_transport *t);

#endif
