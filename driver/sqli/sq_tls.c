/* SPDX-License-Identifier: MIT */
/* sq_tls.c - TLS transport of the protocol core (doc §11: TLS starts right
 * after the TCP connect, before the SL header; no STARTTLS). OpenSSL 3 runs
 * over the inner sq_transport through a custom BIO, so deadlines, interrupt
 * and the TCP code stay in one place. Verification is on unless the caller
 * sets insecure_no_verify; failures are classified (expired, unknown CA ...). */
#include <arpa/inet.h>
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "sq_alloc.h"
#include "sq_tls.h"

#define TLS_CLOSE_NOTIFY_MS 500 /* bound on sending close_notify at close */

struct tls_transport {
    struct sq_transport base;
    struct sq_transport *inner;
    SSL_CTX *ctx;
    SSL *ssl;
    int64_t deadline; /* of the operation in progress (read by the BIO) */
    enum sq_rc io_rc; /* first inner-transport failure of the operation */
    char io_err[200]; /* its message */
    size_t raw_in;    /* bytes received from the inner transport (plaintext detection) */
    bool handshaken;
    atomic_bool interrupted;
};

/* ---- the BIO that reads and writes through the inner transport ---- */

static BIO_METHOD *bio_meth;
static pthread_once_t bio_once = PTHREAD_ONCE_INIT;

static int bio_tr_read(BIO *b, char *buf, int len)
{
    struct tls_transport *t = BIO_get_data(b);
    BIO_clear_retry_flags(b);
    if (!t || len <= 0 || t->io_rc != SQ_RC_OK)
        return -1;
    size_t got = 0;
    enum sq_rc rc = t->inner->ops->read(t->inner, buf, (size_t)len, &got, t->deadline, t->io_err,
                                        sizeof t->io_err);
    if (rc != SQ_RC_OK) {
        t->io_rc = rc;
        return -1; /* no retry flag: SSL_ERROR_SYSCALL, and io_rc says why */
    }
    t->raw_in += got;
    return (int)got;
}

static int bio_tr_write(BIO *b, const char *buf, int len)
{
    struct tls_transport *t = BIO_get_data(b);
    BIO_clear_retry_flags(b);
    if (!t || len < 0 || t->io_rc != SQ_RC_OK)
        return -1;
    enum sq_rc rc =
        t->inner->ops->write(t->inner, buf, (size_t)len, t->deadline, t->io_err, sizeof t->io_err);
    if (rc != SQ_RC_OK) {
        t->io_rc = rc;
        return -1;
    }
    return len;
}

static long bio_tr_ctrl(BIO *b, int cmd, long num, void *ptr)
{
    (void)b;
    (void)num;
    (void)ptr;
    return cmd == BIO_CTRL_FLUSH ? 1 : 0; /* writes are never buffered here */
}

static int bio_tr_create(BIO *b)
{
    BIO_set_init(b, 1);
    return 1;
}

static void bio_make_method(void)
{
    BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "sqli transport");
    if (!m)
        return;
    if (!BIO_meth_set_read(m, bio_tr_read) || !BIO_meth_set_write(m, bio_tr_write) ||
        !BIO_meth_set_ctrl(m, bio_tr_ctrl) || !BIO_meth_set_create(m, bio_tr_create)) {
        BIO_meth_free(m);
        return;
    }
    bio_meth = m; /* process lifetime: freed by nobody, like OpenSSL's own methods */
}

/* ---- helpers ---- */

const char *sq_tls_fail_name(enum sq_tls_fail why)
{
    switch (why) {
    case SQ_TLS_FAIL_NONE:
        return "none";
    case SQ_TLS_FAIL_CONFIG:
        return "bad TLS settings";
    case SQ_TLS_FAIL_EXPIRED:
        return "certificate expired";
    case SQ_TLS_FAIL_NOT_YET:
        return "certificate not yet valid";
    case SQ_TLS_FAIL_UNKNOWN_CA:
        return "unknown CA";
    case SQ_TLS_FAIL_SELF_SIGNED:
        return "self-signed certificate (unknown CA)";
    case SQ_TLS_FAIL_NAME:
        return "name mismatch";
    case SQ_TLS_FAIL_FINGERPRINT:
        return "fingerprint mismatch";
    case SQ_TLS_FAIL_VERIFY:
        return "certificate verification failed";
    case SQ_TLS_FAIL_PLAINTEXT:
        return "server does not speak TLS";
    case SQ_TLS_FAIL_HANDSHAKE:
        return "handshake failure";
    case SQ_TLS_FAIL_IO:
        return "I/O error";
    }
    return "?";
}

/* Text of the oldest queued OpenSSL error ("" if none); clears the queue. */
static void ssl_err_text(char *buf, size_t cap)
{
    unsigned long e = ERR_get_error();
    buf[0] = '\0';
    if (e)
        ERR_error_string_n(e, buf, cap);
    ERR_clear_error();
}

/* Normalise a fingerprint: optional "sha256:" / "sha256=", then 32 bytes of
 * hex with optional ':' / ' ' / '-' separators. False on anything else. */
static bool parse_fingerprint(const char *s, uint8_t out[32])
{
    if (strncasecmp(s, "sha256", 6) == 0 && (s[6] == ':' || s[6] == '='))
        s += 7;
    size_t n = 0;
    int hi = -1;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ':' || c == ' ' || c == '-')
            continue;
        if (!isxdigit(c))
            return false;
        int v = isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10);
        if (hi < 0) {
            hi = v;
            continue;
        }
        if (n >= 32)
            return false;
        out[n++] = (uint8_t)(hi << 4 | v);
        hi = -1;
    }
    return n == 32 && hi < 0;
}

static bool cert_sha256(X509 *cert, uint8_t out[32])
{
    unsigned int len = 0;
    return X509_digest(cert, EVP_sha256(), out, &len) == 1 && len == 32;
}

static void hex_upper(const uint8_t *p, size_t n, char *out)
{
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

enum sq_rc sq_tls_file_fingerprint(const char *pem_path, char out[65])
{
    out[0] = '\0';
    FILE *f = pem_path ? fopen(pem_path, "r") : NULL;
    if (!f)
        return SQ_RC_IO;
    X509 *cert = PEM_read_X509(f, NULL, NULL, NULL);
    (void)fclose(f); /* read-only: nothing to lose */
    ERR_clear_error();
    if (!cert)
        return SQ_RC_IO;
    uint8_t md[32];
    bool ok = cert_sha256(cert, md);
    X509_free(cert);
    if (!ok)
        return SQ_RC_IO;
    hex_upper(md, sizeof md, out);
    return SQ_RC_OK;
}

/* Verify callback when a pin replaces chain verification: accept the chain
 * here; the leaf is compared with the pin after the handshake. */
static int verify_accept_all(int preverify_ok, X509_STORE_CTX *ctx)
{
    (void)preverify_ok;
    (void)ctx;
    return 1;
}

static enum sq_tls_fail classify_verify(long v)
{
    switch (v) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return SQ_TLS_FAIL_EXPIRED;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return SQ_TLS_FAIL_NOT_YET;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return SQ_TLS_FAIL_SELF_SIGNED;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
        return SQ_TLS_FAIL_UNKNOWN_CA;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return SQ_TLS_FAIL_NAME;
    default:
        return SQ_TLS_FAIL_VERIFY;
    }
}

static enum sq_rc fail_cfg(enum sq_tls_fail *why, char *err, size_t errcap, const char *what,
                           const char *path)
{
    char ossl[256];
    ssl_err_text(ossl, sizeof ossl);
    *why = SQ_TLS_FAIL_CONFIG;
    snprintf(err, errcap, "TLS: %s%s%s%s%s", what, path ? " " : "", path ? path : "",
             ossl[0] ? ": " : "", ossl);
    return SQ_RC_MISUSE;
}

/* Build the SSL_CTX for cfg. */
static enum sq_rc make_ctx(const struct sq_tls_cfg *cfg, bool pinned, SSL_CTX **out,
                           enum sq_tls_fail *why, char *err, size_t errcap)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        *why = SQ_TLS_FAIL_CONFIG;
        snprintf(err, errcap, "TLS: out of memory creating the context");
        return SQ_RC_NOMEM;
    }
    *out = ctx;
    if (!SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION))
        return fail_cfg(why, err, errcap, "cannot require TLS 1.2", NULL);
    SSL_CTX_set_read_ahead(ctx, 1); /* fewer, larger reads from the socket */
    SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY);
    if (cfg->insecure_no_verify) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    } else if (pinned) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_accept_all);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
        if (cfg->ca_file && cfg->ca_file[0]) {
            if (SSL_CTX_load_verify_locations(ctx, cfg->ca_file, NULL) != 1)
                return fail_cfg(why, err, errcap, "cannot load the CA file", cfg->ca_file);
        } else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
            return fail_cfg(why, err, errcap, "cannot load the system trust store", NULL);
        }
    }
    if (cfg->client_cert && cfg->client_cert[0]) {
        const char *key =
            cfg->client_key && cfg->client_key[0] ? cfg->client_key : cfg->client_cert;
        if (SSL_CTX_use_certificate_chain_file(ctx, cfg->client_cert) != 1)
            return fail_cfg(why, err, errcap, "cannot load the client certificate",
                            cfg->client_cert);
        if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1)
            return fail_cfg(why, err, errcap, "cannot load the client key", key);
        if (SSL_CTX_check_private_key(ctx) != 1)
            return fail_cfg(why, err, errcap, "client key does not match the certificate", key);
    } else if (cfg->client_key && cfg->client_key[0]) {
        *why = SQ_TLS_FAIL_CONFIG;
        snprintf(err, errcap, "TLS: a client key needs a client certificate");
        return SQ_RC_MISUSE;
    }
    return SQ_RC_OK;
}

/* Expected name: IP literal -> IP SAN check, else DNS name check + SNI. */
static enum sq_rc set_peer_name(SSL *ssl, const char *name, bool verify, enum sq_tls_fail *why,
                                char *err, size_t errcap)
{
    unsigned char addr[16];
    bool is_ip = inet_pton(AF_INET, name, addr) == 1 || inet_pton(AF_INET6, name, addr) == 1;
    if (!is_ip && SSL_set_tlsext_host_name(ssl, name) != 1)
        return fail_cfg(why, err, errcap, "bad server name", name);
    if (!verify)
        return SQ_RC_OK;
    X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    int ok = is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name)
                   : X509_VERIFY_PARAM_set1_host(param, name, 0);
    if (ok != 1)
        return fail_cfg(why, err, errcap, "cannot set the name to verify", name);
    return SQ_RC_OK;
}

/* Explain a failed SSL_connect. */
static enum sq_rc handshake_error(struct tls_transport *t, int ret, enum sq_tls_fail *why,
                                  char *err, size_t errcap)
{
    int e = SSL_get_error(t->ssl, ret);
    char ossl[256];
    ssl_err_text(ossl, sizeof ossl);
    long v = SSL_get_verify_result(t->ssl);
    if (atomic_load(&t->interrupted) || t->io_rc == SQ_RC_CANCELLED) {
        *why = SQ_TLS_FAIL_IO;
        snprintf(err, errcap, "TLS handshake cancelled");
        return SQ_RC_CANCELLED;
    }
    if (v != X509_V_OK) {
        *why = classify_verify(v);
        snprintf(err, errcap, "TLS: server certificate rejected: %s (%s)", sq_tls_fail_name(*why),
                 X509_verify_cert_error_string(v));
        return SQ_RC_IO;
    }
    if (t->io_rc == SQ_RC_TIMEOUT) {
        *why = SQ_TLS_FAIL_IO;
        snprintf(err, errcap,
                 "TLS handshake timed out (is the server a plaintext onsoctcp listener?)");
        return SQ_RC_TIMEOUT;
    }
    if (t->io_rc != SQ_RC_OK) {
        if (t->raw_in == 0) {
            /* A plaintext SQLI server reads our ClientHello as a bad SL header
             * and hangs up without a byte (ifxlite does): say so. */
            *why = SQ_TLS_FAIL_PLAINTEXT;
            snprintf(err, errcap,
                     "TLS: %s: the server closed the connection during the TLS handshake "
                     "(%s); it is probably a plaintext (onsoctcp) listener",
                     sq_tls_fail_name(*why), t->io_err);
            return SQ_RC_IO;
        }
        *why = SQ_TLS_FAIL_IO;
        snprintf(err, errcap, "TLS handshake failed: %s", t->io_err);
        return t->io_rc == SQ_RC_NOMEM ? SQ_RC_NOMEM : SQ_RC_IO;
    }
    if (strstr(ossl, "wrong version number") || strstr(ossl, "packet length too long") ||
        strstr(ossl, "http request") || strstr(ossl, "record layer failure")) {
        *why = SQ_TLS_FAIL_PLAINTEXT;
        snprintf(err, errcap, "TLS: %s (%s); is it a plaintext (onsoctcp) listener?",
                 sq_tls_fail_name(*why), ossl);
        return SQ_RC_IO;
    }
    *why = SQ_TLS_FAIL_HANDSHAKE;
    snprintf(err, errcap, "TLS: %s: %s", sq_tls_fail_name(*why),
             ossl[0] ? ossl : (e == SSL_ERROR_ZERO_RETURN ? "peer closed" : "no details"));
    return SQ_RC_IO;
}

/* Compare the peer's leaf certificate with the pin. */
static enum sq_rc check_pin(struct tls_transport *t, const uint8_t pin[32], enum sq_tls_fail *why,
                            char *err, size_t errcap)
{
    X509 *peer = SSL_get1_peer_certificate(t->ssl);
    uint8_t md[32];
    bool ok = peer && cert_sha256(peer, md);
    X509_free(peer);
    if (!ok) {
        *why = SQ_TLS_FAIL_FINGERPRINT;
        snprintf(err, errcap, "TLS: %s: the server sent no certificate", sq_tls_fail_name(*why));
        return SQ_RC_IO;
    }
    if (CRYPTO_memcmp(md, pin, 32) != 0) {
        char hex[65];
        hex_upper(md, sizeof md, hex);
        *why = SQ_TLS_FAIL_FINGERPRINT;
        snprintf(err, errcap, "TLS: %s: the server's certificate has SHA-256 %s",
                 sq_tls_fail_name(*why), hex);
        return SQ_RC_IO;
    }
    return SQ_RC_OK;
}

/* ---- transport ops ---- */

static void tls_begin(struct tls_transport *t, int64_t deadline)
{
    t->deadline = deadline;
    t->io_rc = SQ_RC_OK;
    t->io_err[0] = '\0';
}

/* Map a failed SSL_read/SSL_write. */
static enum sq_rc tls_op_error(struct tls_transport *t, int ret, const char *what, char *err,
                               size_t errcap)
{
    int e = SSL_get_error(t->ssl, ret);
    char ossl[256];
    ssl_err_text(ossl, sizeof ossl);
    if (atomic_load(&t->interrupted))
        return SQ_RC_CANCELLED;
    if (t->io_rc != SQ_RC_OK) {
        snprintf(err, errcap, "%s", t->io_err);
        return t->io_rc;
    }
    if (e == SSL_ERROR_ZERO_RETURN) {
        snprintf(err, errcap, "server closed the TLS session");
        return SQ_RC_IO;
    }
    snprintf(err, errcap, "TLS %s failed: %s", what, ossl[0] ? ossl : "unexpected end of stream");
    return SQ_RC_IO;
}

static enum sq_rc tls_read(struct sq_transport *base, void *buf, size_t cap, size_t *got,
                           int64_t deadline, char *err, size_t errcap)
{
    struct tls_transport *t = (struct tls_transport *)base;
    *got = 0;
    if (atomic_load(&t->interrupted))
        return SQ_RC_CANCELLED;
    tls_begin(t, deadline);
    size_t n = 0;
    int ret = SSL_read_ex(t->ssl, buf, cap, &n);
    if (ret == 1 && n > 0) {
        *got = n;
        return SQ_RC_OK;
    }
    return tls_op_error(t, ret, "read", err, errcap);
}

static enum sq_rc tls_write(struct sq_transport *base, const void *buf, size_t len,
                            int64_t deadline, char *err, size_t errcap)
{
    struct tls_transport *t = (struct tls_transport *)base;
    if (atomic_load(&t->interrupted))
        return SQ_RC_CANCELLED;
    if (len == 0)
        return SQ_RC_OK;
    tls_begin(t, deadline);
    size_t n = 0;
    int ret = SSL_write_ex(t->ssl, buf, len, &n);
    if (ret == 1 && n == len)
        return SQ_RC_OK;
    return tls_op_error(t, ret, "write", err, errcap);
}

static void tls_interrupt(struct sq_transport *base)
{
    struct tls_transport *t = (struct tls_transport *)base;
    atomic_store(&t->interrupted, true);
    t->inner->ops->interrupt(t->inner); /* async-signal-safe (shutdown(2) for TCP) */
}

static void tls_free(struct tls_transport *t)
{
    if (t->ssl)
        SSL_free(t->ssl); /* frees the BIO too */
    SSL_CTX_free(t->ctx);
    if (t->inner)
        t->inner->ops->close(t->inner);
    ERR_clear_error();
    sq_free(t);
}

static void tls_close(struct sq_transport *base)
{
    struct tls_transport *t = (struct tls_transport *)base;
    if (!t)
        return;
    if (t->handshaken && !atomic_load(&t->interrupted)) {
        /* Polite close_notify, bounded; the reply is not awaited. */
        tls_begin(t, sq_deadline_in(TLS_CLOSE_NOTIFY_MS));
        (void)SSL_shutdown(t->ssl); /* best effort: the socket closes anyway */
    }
    tls_free(t);
}

static const struct sq_transport_ops tls_ops = {
    .read = tls_read,
    .write = tls_write,
    .interrupt = tls_interrupt,
    .close = tls_close,
};

bool sq_tls_describe(const struct sq_transport *base, char *buf, size_t cap)
{
    if (cap)
        buf[0] = '\0';
    if (!base || base->ops != &tls_ops)
        return false;
    const struct tls_transport *t = (const struct tls_transport *)base;
    snprintf(buf, cap, "%s %s", SSL_get_version(t->ssl), SSL_get_cipher_name(t->ssl));
    return true;
}

enum sq_rc sq_tls_wrap(struct sq_transport *inner, const char *host, const struct sq_tls_cfg *cfg,
                       int64_t deadline, struct sq_transport **out, enum sq_tls_fail *why,
                       char *err, size_t errcap)
{
    enum sq_tls_fail why_local = SQ_TLS_FAIL_NONE;
    if (!why)
        why = &why_local;
    *why = SQ_TLS_FAIL_NONE;
    *out = NULL;
    if (!inner)
        return SQ_RC_MISUSE;
    uint8_t pin[32];
    bool pinned = cfg && cfg->fingerprint && cfg->fingerprint[0];
    if (!cfg || (pinned && !parse_fingerprint(cfg->fingerprint, pin))) {
        inner->ops->close(inner);
        *why = SQ_TLS_FAIL_CONFIG;
        snprintf(err, errcap,
                 "TLS: the certificate fingerprint must be 64 hex digits "
                 "(SHA-256), optionally with ':' separators");
        return SQ_RC_MISUSE;
    }
    struct tls_transport *t = sq_calloc(1, sizeof *t);
    if (!t) {
        inner->ops->close(inner);
        snprintf(err, errcap, "out of memory");
        return SQ_RC_NOMEM;
    }
    t->base.ops = &tls_ops;
    t->inner = inner;
    atomic_init(&t->interrupted, false);
    ERR_clear_error();

    enum sq_rc rc = make_ctx(cfg, pinned, &t->ctx, why, err, errcap);
    if (rc != SQ_RC_OK)
        goto fail;
    if (pthread_once(&bio_once, bio_make_method) != 0 || !bio_meth) {
        snprintf(err, errcap, "TLS: cannot create the BIO method");
        rc = SQ_RC_NOMEM;
        goto fail;
    }
    t->ssl = SSL_new(t->ctx);
    BIO *bio = t->ssl ? BIO_new(bio_meth) : NULL;
    if (!bio) {
        snprintf(err, errcap, "TLS: out of memory creating the session");
        rc = SQ_RC_NOMEM;
        goto fail;
    }
    BIO_set_data(bio, t);
    SSL_set_bio(t->ssl, bio, bio); /* the SSL owns the BIO from here */

    const char *name = cfg->verify_name && cfg->verify_name[0] ? cfg->verify_name : host;
    if (!name || !name[0])
        name = "localhost";
    rc = set_peer_name(t->ssl, name, !cfg->insecure_no_verify && !pinned, why, err, errcap);
    if (rc != SQ_RC_OK)
        goto fail;

    tls_begin(t, deadline);
    int ret = SSL_connect(t->ssl);
    if (ret != 1) {
        rc = handshake_error(t, ret, why, err, errcap);
        goto fail;
    }
    if (pinned) {
        rc = check_pin(t, pin, why, err, errcap);
        if (rc != SQ_RC_OK)
            goto fail;
    }
    t->handshaken = true;
    *out = &t->base;
    return SQ_RC_OK;
fail:
    tls_free(t);
    return rc;
}
