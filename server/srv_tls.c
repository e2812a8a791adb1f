/* SPDX-License-Identifier: MIT */
/* srv_tls.c - ifxlite's onsocssl side (doc §11): the TLS handshake runs on
 * the accepted socket before the SL header is read, bounded by socket
 * timeouts so that a plaintext or silent client is dropped promptly; then the
 * session's bytes go through SSL_read/SSL_write. OpenSSL 3, TLS 1.2 minimum. */
#include "srv_tls.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "sq_alloc.h"
#include "srv_log.h"

struct srv_tls {
    SSL_CTX *ctx;
};

struct srv_tls_conn {
    SSL *ssl;
    int fd;
    bool failed; /* no close_notify after an error */
};

static void ossl_text(char *buf, size_t cap)
{
    unsigned long e = ERR_get_error();
    buf[0] = '\0';
    if (e)
        ERR_error_string_n(e, buf, cap);
    else
        snprintf(buf, cap, "%s", errno ? strerror(errno) : "no details");
    ERR_clear_error();
}

struct srv_tls *srv_tls_new(const char *cert_file, const char *key_file, const char *client_ca,
                            char *err, size_t errlen)
{
    char why[256];
    struct srv_tls *t = sq_calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->ctx = SSL_CTX_new(TLS_server_method());
    if (!t->ctx) {
        snprintf(err, errlen, "cannot create a TLS context");
        goto fail;
    }
    if (!SSL_CTX_set_min_proto_version(t->ctx, TLS1_2_VERSION)) {
        snprintf(err, errlen, "cannot require TLS 1.2");
        goto fail;
    }
    if (SSL_CTX_use_certificate_chain_file(t->ctx, cert_file) != 1) {
        ossl_text(why, sizeof why);
        snprintf(err, errlen, "--tls-cert %s: %s", cert_file, why);
        goto fail;
    }
    if (SSL_CTX_use_PrivateKey_file(t->ctx, key_file, SSL_FILETYPE_PEM) != 1) {
        ossl_text(why, sizeof why);
        snprintf(err, errlen, "--tls-key %s: %s", key_file, why);
        goto fail;
    }
    if (SSL_CTX_check_private_key(t->ctx) != 1) {
        snprintf(err, errlen, "--tls-key %s does not match --tls-cert %s", key_file, cert_file);
        goto fail;
    }
    if (client_ca) {
        STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(client_ca);
        if (!names || SSL_CTX_load_verify_locations(t->ctx, client_ca, NULL) != 1) {
            sk_X509_NAME_pop_free(names, X509_NAME_free);
            ossl_text(why, sizeof why);
            snprintf(err, errlen, "--tls-client-ca %s: %s", client_ca, why);
            goto fail;
        }
        SSL_CTX_set_client_CA_list(t->ctx, names); /* takes ownership */
        SSL_CTX_set_verify(t->ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    }
    /* Sessions are short-lived test connections: no resumption cache needed. */
    SSL_CTX_set_session_cache_mode(t->ctx, SSL_SESS_CACHE_OFF);
    (void)SSL_CTX_set_num_tickets(t->ctx, 0); /* fails only for a bad ctx */
    ERR_clear_error();
    return t;
fail:
    srv_tls_free(t);
    return NULL;
}

void srv_tls_free(struct srv_tls *tls)
{
    if (!tls)
        return;
    SSL_CTX_free(tls->ctx);
    sq_free(tls);
}

/* timeout_ms <= 0 clears the bound. Best effort: the plain path has none either. */
static void set_timeouts(int fd, int rcv_ms, int snd_ms)
{
    struct timeval rcv = {rcv_ms > 0 ? rcv_ms / 1000 : 0, rcv_ms > 0 ? (rcv_ms % 1000) * 1000 : 0};
    struct timeval snd = {snd_ms > 0 ? snd_ms / 1000 : 0, snd_ms > 0 ? (snd_ms % 1000) * 1000 : 0};
    (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &rcv, sizeof rcv);
    (void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &snd, sizeof snd);
}

/* A plaintext client on the onsocssl port (its first byte is not a TLS
 * handshake record, 0x16): read what it sent (so that closing sends FIN, not
 * RST, and the answer is not lost), answer with a TLS fatal alert
 * (protocol_version) it can recognise, and close. */
static void reject_plaintext(int fd, int session_no)
{
    unsigned char sink[4096];
    for (int rounds = 0; rounds < 64; rounds++) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (poll(&pfd, 1, 100) <= 0)
            break;
        ssize_t n = recv(fd, sink, sizeof sink, 0);
        if (n <= 0)
            break;
    }
    static const unsigned char alert[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};
    (void)send(fd, alert, sizeof alert, MSG_NOSIGNAL); /* best effort: closing anyway */
    srv_log(SRV_LOG_INFO, session_no, "plaintext client on the TLS listener: alert sent, closing");
}

struct srv_tls_conn *srv_tls_accept(const struct srv_tls *tls, int fd, int timeout_ms,
                                    int io_timeout_ms, int session_no)
{
    struct srv_tls_conn *c = sq_calloc(1, sizeof *c);
    if (!c) {
        srv_log(SRV_LOG_ERROR, session_no, "out of memory for a TLS session");
        return NULL;
    }
    c->fd = fd;
    c->ssl = SSL_new(tls->ctx);
    if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1) {
        srv_log(SRV_LOG_ERROR, session_no, "cannot create a TLS session");
        c->failed = true;
        srv_tls_conn_free(c);
        return NULL;
    }
    set_timeouts(fd, timeout_ms, timeout_ms);
    unsigned char first = 0;
    ssize_t pk = recv(fd, &first, 1, MSG_PEEK);
    if (pk != 1 || first != 0x16) {
        if (pk == 1)
            reject_plaintext(fd, session_no);
        else
            srv_log(SRV_LOG_INFO, session_no, "no TLS handshake within %d ms, closing", timeout_ms);
        c->failed = true;
        srv_tls_conn_free(c);
        return NULL;
    }
    errno = 0;
    int ret = SSL_accept(c->ssl);
    if (ret != 1) {
        int e = SSL_get_error(c->ssl, ret);
        char why[256];
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
            snprintf(why, sizeof why, "handshake not finished within %d ms", timeout_ms);
        else
            ossl_text(why, sizeof why);
        ERR_clear_error();
        srv_log(SRV_LOG_INFO, session_no, "TLS handshake failed, closing: %s", why);
        c->failed = true;
        srv_tls_conn_free(c);
        return NULL;
    }
    set_timeouts(fd, io_timeout_ms, 0);
    srv_log(SRV_LOG_DEBUG, session_no, "TLS session: %s %s", SSL_get_version(c->ssl),
            SSL_get_cipher_name(c->ssl));
    return c;
}

void srv_tls_conn_free(struct srv_tls_conn *c)
{
    if (!c)
        return;
    if (c->ssl) {
        if (!c->failed) {
            set_timeouts(c->fd, 500, 500);
            (void)SSL_shutdown(c->ssl); /* best effort: the socket closes next */
        }
        SSL_free(c->ssl);
    }
    ERR_clear_error();
    sq_free(c);
}

ssize_t srv_tls_recv(struct srv_tls_conn *c, void *buf, size_t cap)
{
    size_t got = 0;
    errno = 0;
    if (SSL_read_ex(c->ssl, buf, cap, &got) == 1)
        return (ssize_t)got;
    int e = SSL_get_error(c->ssl, 0);
    ERR_clear_error();
    if (e != SSL_ERROR_ZERO_RETURN)
        c->failed = true;
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
        return -1; /* SO_RCVTIMEO passed inside a record */
    return 0;
}

bool srv_tls_send_all(struct srv_tls_conn *c, const void *buf, size_t n)
{
    if (n == 0)
        return true;
    size_t done = 0;
    if (SSL_write_ex(c->ssl, buf, n, &done) == 1 && done == n)
        return true;
    ERR_clear_error();
    c->failed = true;
    return false;
}

bool srv_tls_pending(const struct srv_tls_conn *c)
{
    return SSL_has_pending(c->ssl) == 1;
}
