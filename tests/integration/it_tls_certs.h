/* SPDX-License-Identifier: MIT */
/* it_tls_certs.h - TLS test material made at test time with the OpenSSL API
 * (nothing checked in that can expire): a CA, a second unrelated CA, server
 * certificates (valid, expired, wrong host name, self-signed) and a client
 * certificate, as PEM files in a fresh directory. Header-only, for it_tls.c
 * and it_odbc_tls.c. */
#ifndef IFXODBC_IT_TLS_CERTS_H
#define IFXODBC_IT_TLS_CERTS_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

struct it_certs {
    char dir[128];
    char ca[200];         /* CA certificate (trust anchor of the tests) */
    char other_ca[200];   /* an unrelated CA: "unknown CA" */
    char server_key[200]; /* one key for every server certificate */
    char server[200];     /* CN localhost, SAN DNS:localhost, IP:127.0.0.1, by ca */
    char expired[200];    /* same names, validity ended yesterday, by ca */
    char wronghost[200];  /* SAN DNS:wrong.example only, by ca */
    char selfsigned[200]; /* same names as server, self-signed */
    char client[200];     /* client certificate by ca */
    char client_key[200];
};

static EVP_PKEY *itc_key(void)
{
    EVP_PKEY *k = EVP_EC_gen("P-256");
    if (!k) {
        fprintf(stderr, "it_certs: EC key generation failed\n");
        exit(1);
    }
    return k;
}

static void itc_ext(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, issuer, cert, NULL, NULL, 0);
    X509_EXTENSION *ex = X509V3_EXT_conf_nid(NULL, &v3, nid, value);
    if (!ex || !X509_add_ext(cert, ex, -1)) {
        fprintf(stderr, "it_certs: extension %d=%s failed\n", nid, value);
        exit(1);
    }
    X509_EXTENSION_free(ex);
}

/* A certificate for key, signed by issuer_key (issuer NULL: self-signed),
 * valid from now+from_days to now+to_days. san may be NULL. */
static X509 *itc_cert(const char *cn, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuer_key, bool is_ca,
                      long from_days, long to_days, const char *san, const char *eku)
{
    X509 *x = X509_new();
    unsigned char serial[8];
    if (!x || RAND_bytes(serial, sizeof serial) != 1) {
        fprintf(stderr, "it_certs: X509_new/RAND failed\n");
        exit(1);
    }
    serial[0] &= 0x7F;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, NULL);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x));
    BN_free(bn);
    X509_set_version(x, 2);
    X509_time_adj_ex(X509_getm_notBefore(x), (int)from_days, 0, NULL);
    X509_time_adj_ex(X509_getm_notAfter(x), (int)to_days, 0, NULL);
    X509_set_pubkey(x, key);
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, (const unsigned char *)"ifxodbc tests", -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
    X509 *iss = issuer ? issuer : x;
    if (is_ca) {
        itc_ext(x, iss, NID_basic_constraints, "critical,CA:TRUE");
        itc_ext(x, iss, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        itc_ext(x, iss, NID_basic_constraints, "CA:FALSE");
        itc_ext(x, iss, NID_key_usage, "critical,digitalSignature,keyAgreement");
        if (eku)
            itc_ext(x, iss, NID_ext_key_usage, eku);
    }
    itc_ext(x, iss, NID_subject_key_identifier, "hash");
    if (san)
        itc_ext(x, iss, NID_subject_alt_name, san);
    if (!X509_sign(x, issuer_key ? issuer_key : key, EVP_sha256())) {
        fprintf(stderr, "it_certs: sign failed\n");
        exit(1);
    }
    return x;
}

static void itc_write_cert(const char *path, X509 *x)
{
    FILE *f = fopen(path, "w");
    if (!f || !PEM_write_X509(f, x) || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static void itc_write_key(const char *path, EVP_PKEY *k)
{
    FILE *f = fopen(path, "w");
    if (!f || !PEM_write_PrivateKey(f, k, NULL, NULL, 0, NULL, NULL) || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

/* Make every file in a fresh /tmp directory. Exits the process on failure. */
static void it_certs_make(struct it_certs *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->dir, sizeof c->dir, "/tmp/ifxodbc-tls-XXXXXX");
    if (!mkdtemp(c->dir)) {
        perror("mkdtemp");
        exit(1);
    }
#define ITC_PATH(field, name) snprintf(c->field, sizeof c->field, "%s/%s", c->dir, name)
    ITC_PATH(ca, "ca.pem");
    ITC_PATH(other_ca, "other-ca.pem");
    ITC_PATH(server_key, "server.key");
    ITC_PATH(server, "server.pem");
    ITC_PATH(expired, "expired.pem");
    ITC_PATH(wronghost, "wronghost.pem");
    ITC_PATH(selfsigned, "selfsigned.pem");
    ITC_PATH(client, "client.pem");
    ITC_PATH(client_key, "client.key");
#undef ITC_PATH
    static const char names[] = "DNS:localhost,IP:127.0.0.1";
    EVP_PKEY *ca_key = itc_key(), *other_key = itc_key(), *srv_key = itc_key(),
             *cli_key = itc_key();
    X509 *ca = itc_cert("ifxodbc test CA", ca_key, NULL, NULL, true, -1, 30, NULL, NULL);
    X509 *other = itc_cert("unrelated CA", other_key, NULL, NULL, true, -1, 30, NULL, NULL);
    X509 *srv = itc_cert("localhost", srv_key, ca, ca_key, false, -1, 30, names, "serverAuth");
    X509 *exp = itc_cert("localhost", srv_key, ca, ca_key, false, -30, -1, names, "serverAuth");
    X509 *wrong = itc_cert("wrong.example", srv_key, ca, ca_key, false, -1, 30, "DNS:wrong.example",
                           "serverAuth");
    X509 *self = itc_cert("localhost", srv_key, NULL, NULL, false, -1, 30, names, "serverAuth");
    X509 *cli = itc_cert("informix", cli_key, ca, ca_key, false, -1, 30, NULL, "clientAuth");
    itc_write_cert(c->ca, ca);
    itc_write_cert(c->other_ca, other);
    itc_write_key(c->server_key, srv_key);
    itc_write_cert(c->server, srv);
    itc_write_cert(c->expired, exp);
    itc_write_cert(c->wronghost, wrong);
    itc_write_cert(c->selfsigned, self);
    itc_write_cert(c->client, cli);
    itc_write_key(c->client_key, cli_key);
    X509 *all[] = {ca, other, srv, exp, wrong, self, cli};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        X509_free(all[i]);
    EVP_PKEY *keys[] = {ca_key, other_key, srv_key, cli_key};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        EVP_PKEY_free(keys[i]);
}

/* SHA-256 of the first certificate in a PEM file, 64 upper-case hex digits. */
static void it_certs_fingerprint(const char *path, char out[65])
{
    FILE *f = fopen(path, "r");
    X509 *x = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
    if (f)
        fclose(f);
    unsigned char md[32];
    unsigned int len = 0;
    if (!x || X509_digest(x, EVP_sha256(), md, &len) != 1 || len != 32) {
        fprintf(stderr, "it_certs: cannot fingerprint %s\n", path);
        exit(1);
    }
    X509_free(x);
    for (size_t i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02X", md[i]);
}

static void it_certs_remove(struct it_certs *c)
{
    if (!c->dir[0])
        return;
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", c->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "it_certs: could not remove %s\n", c->dir);
    c->dir[0] = '\0';
}

#endif
