/* SPDX-License-Identifier: MIT */
/* sq_tls.h - TLS (onsocssl, doc §11) for the protocol core: settings, and a
 * transport that runs OpenSSL 3 over another sq_transport (normally TCP).
 * Verified by default (trust store or CA file + host name); optional SHA-256
 * pin and client certificate. Protocol core only: no ODBC, no messages. */
#ifndef IFXODBC_SQ_TLS_H
#define IFXODBC_SQ_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_rc.h"
#include "sq_transport.h"

/* Handshake bound when the connection has no connect timeout. */
#define SQ_TLS_HANDSHAKE_MS 30000

/* TLS settings (part of struct sq_conn_cfg). All pointers borrowed for the
 * duration of the connect. Zeroed = TLS off. */
struct sq_tls_cfg {
    bool enabled;            /* wrap the TCP stream in TLS before the SL header */
    const char *ca_file;     /* PEM CA bundle; NULL/"" = the system trust store */
    const char *verify_name; /* name checked against the certificate; NULL/"" = host */
    /* SHA-256 of the server's leaf certificate (DER), 64 hex digits; colons,
     * spaces and a "sha256:" prefix are allowed. When set, the pin REPLACES
     * CA and host-name verification (it names exactly one certificate, which
     * may be self-signed); the handshake fails unless the leaf matches. */
    const char *fingerprint;
    const char *client_cert; /* PEM client certificate (chain) file, or NULL */
    const char *client_key;  /* PEM private key; NULL/"" = in client_cert */
    /* Development only: accept ANY certificate, no name check. A man in the
     * middle can read the password. Named loudly on purpose. */
    bool insecure_no_verify;
};

/* Why a TLS connect failed (the message says the same in words). */
enum sq_tls_fail {
    SQ_TLS_FAIL_NONE = 0,
    SQ_TLS_FAIL_CONFIG,      /* bad CA file, client cert/key, fingerprint syntax */
    SQ_TLS_FAIL_EXPIRED,     /* server certificate expired */
    SQ_TLS_FAIL_NOT_YET,     /* server certificate not yet valid */
    SQ_TLS_FAIL_UNKNOWN_CA,  /* chain does not lead to a trusted CA */
    SQ_TLS_FAIL_SELF_SIGNED, /* self-signed certificate not trusted */
    SQ_TLS_FAIL_NAME,        /* certificate does not name the host */
    SQ_TLS_FAIL_FINGERPRINT, /* certificate does not match the pin */
    SQ_TLS_FAIL_VERIFY,      /* other verification failure */
    SQ_TLS_FAIL_PLAINTEXT,   /* the peer does not speak TLS (plaintext listener) */
    SQ_TLS_FAIL_HANDSHAKE,   /* handshake failed otherwise (alert, version, cipher) */
    SQ_TLS_FAIL_IO           /* transport error / timeout during the handshake */
};

/* Short stable name: "expired", "unknown CA", "name mismatch" ... Never NULL. */
const char *sq_tls_fail_name(enum sq_tls_fail why);

/* Run a TLS 1.2+ client handshake over `inner` (which the new transport takes
 * over: it is closed on failure too) against `host`, bounded by `deadline`
 * (absolute, sq_time_ms(); SQ_NO_DEADLINE = none). On success *out is the TLS
 * transport (ops->close frees both). On failure returns SQ_RC_IO (why set:
 * verification, handshake, plaintext peer), SQ_RC_TIMEOUT, SQ_RC_CANCELLED,
 * SQ_RC_NOMEM or SQ_RC_MISUSE (bad settings), with a message in err that
 * starts with "TLS" and names the reason. why may be NULL. */
enum sq_rc sq_tls_wrap(struct sq_transport *inner, const char *host, const struct sq_tls_cfg *cfg,
                       int64_t deadline, struct sq_transport **out, enum sq_tls_fail *why,
                       char *err, size_t errcap);

/* TLS connection details of a transport made by sq_tls_wrap, into buf
 * ("TLSv1.3 TLS_AES_256_GCM_SHA384"); false (buf "") for any other transport. */
bool sq_tls_describe(const struct sq_transport *t, char *buf, size_t cap);

/* SHA-256 fingerprint of the first certificate in a PEM file, as 64 upper-case
 * hex digits + NUL into out[65]. SQ_RC_OK, SQ_RC_IO (unreadable / no cert). */
enum sq_rc sq_tls_file_fingerprint(const char *pem_path, char out[65]);

#endif
