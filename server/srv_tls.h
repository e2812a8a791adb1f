/* SPDX-License-Identifier: MIT */
/* srv_tls.h - ifxlite's onsocssl listener side (doc §11): an OpenSSL 3 server
 * context from --tls-cert/--tls-key (optionally requiring client certificates),
 * a bounded handshake on an accepted socket, and record I/O for the session.
 * Independent of the driver's TLS code (sq_tls.c). */
#ifndef IFXLITE_SRV_TLS_H
#define IFXLITE_SRV_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct srv_tls;      /* shared by all sessions; read-only after srv_tls_new */
struct srv_tls_conn; /* one per session */

/* Handshake bound: a client that does not finish the TLS handshake in this
 * time (a plaintext SQLI client sends a CONREQ and waits) is dropped. */
#define SRV_TLS_HANDSHAKE_MS 5000

/* Server context: TLS 1.2 minimum, certificate chain + key (PEM). client_ca
 * (may be NULL): require and verify a client certificate issued by it. NULL
 * with a message in err on failure. */
struct srv_tls *srv_tls_new(const char *cert_file, const char *key_file, const char *client_ca,
                            char *err, size_t errlen);
void srv_tls_free(struct srv_tls *tls);

/* Run the server handshake on fd (blocking socket), at most timeout_ms. NULL
 * on failure (logged at info level with the session number). Afterwards reads
 * wait at most io_timeout_ms inside a record (<= 0: no bound). The caller
 * still owns and closes fd; free the result with srv_tls_conn_free first. */
struct srv_tls_conn *srv_tls_accept(const struct srv_tls *tls, int fd, int timeout_ms,
                                    int io_timeout_ms, int session_no);
/* Send close_notify (best effort) and free. NULL is a no-op. */
void srv_tls_conn_free(struct srv_tls_conn *c);

/* Like recv(2): > 0 bytes, 0 at EOF / close_notify / error, -1 when a
 * partial record stalled past io_timeout_ms. */
ssize_t srv_tls_recv(struct srv_tls_conn *c, void *buf, size_t cap);
/* Send all n bytes; false on error. */
bool srv_tls_send_all(struct srv_tls_conn *c, const void *buf, size_t n);
/* Decrypted or buffered bytes are waiting: poll(2) on the fd would not show them. */
bool srv_tls_pending(const struct srv_tls_conn *c);

#endif
