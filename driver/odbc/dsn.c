/* SPDX-License-Identifier: MIT */
/* dsn.c - the DSN keyword table and everything driven by it: connection
 * string parse (ODBC grammar, first occurrence wins), odbc.ini merge, defaults
 * and validation, completed-string emit (never PWD) and log redaction.
 * ODBC layer: no handles, no sockets; odbc.ini only via libodbcinst. */
#include "dsn.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <odbcinst.h>

#include "sq_alloc.h"
#include "sq_buf.h"
#include "sq_limits.h"

#define KW(field) offsetof(struct dsn_cfg, field)

/* Names follow IBM's Informix ODBC driver (long form first, IBM's short form
 * as alias) so that existing odbc.ini files and connection strings work. */
/* clang-format off */
static const struct dsn_keyword keywords[DSN_KW__COUNT] = {
    [DSN_KW_DSN] = {.id = DSN_KW_DSN, .name = "DSN", .aliases = {NULL},
        .offset = KW(dsn), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Data source name"},
    [DSN_KW_DRIVER] = {.id = DSN_KW_DRIVER, .name = "DRIVER", .aliases = {NULL},
        .offset = KW(driver), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Driver name or path (DSN-less connection)"},
    [DSN_KW_DESCRIPTION] = {.id = DSN_KW_DESCRIPTION, .name = "Description",
        .aliases = {"DESC", NULL},
        .offset = KW(description), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Description of the data source"},
    [DSN_KW_SERVER] = {.id = DSN_KW_SERVER, .name = "Server",
        .aliases = {"SRVR", "INFORMIXSERVER", NULL},
        .offset = KW(server), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Informix server name (INFORMIXSERVER / DBSERVERNAME)"},
    [DSN_KW_HOST] = {.id = DSN_KW_HOST, .name = "Host", .aliases = {"HOSTNAME", NULL},
        .offset = KW(host), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Host name or IP address of the server"},
    [DSN_KW_SERVICE] = {.id = DSN_KW_SERVICE, .name = "Service", .aliases = {"SERV", "PORT", NULL},
        .offset = KW(service), .def = NULL, .is_secret = false,
        .kind = DSN_K_SERVICE, .min = 1, .max = 65535,
        .help = "Port number or /etc/services name of the listener"},
    [DSN_KW_PROTOCOL] = {.id = DSN_KW_PROTOCOL, .name = "Protocol", .aliases = {"PRO", NULL},
        .offset = KW(protocol), .def = "onsoctcp", .is_secret = false,
        .kind = DSN_K_PROTOCOL, .min = 0, .max = 0,
        .help = "onsoctcp (TCP) or onsocssl (TLS); nothing else"},
    [DSN_KW_DATABASE] = {.id = DSN_KW_DATABASE, .name = "Database", .aliases = {"DB", NULL},
        .offset = KW(database), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Database to open after login"},
    [DSN_KW_UID] = {.id = DSN_KW_UID, .name = "UID", .aliases = {"LogonID", NULL},
        .offset = KW(uid), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "User name"},
    [DSN_KW_PWD] = {.id = DSN_KW_PWD, .name = "PWD", .aliases = {"Password", NULL},
        .offset = KW(pwd), .def = NULL, .is_secret = true,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Password"},
    [DSN_KW_CLIENT_LOCALE] = {.id = DSN_KW_CLIENT_LOCALE, .name = "CLIENT_LOCALE",
        .aliases = {"CLOC", NULL},
        .offset = KW(client_locale), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Client locale (default en_US.utf8); docs/charsets.md"},
    [DSN_KW_DB_LOCALE] = {.id = DSN_KW_DB_LOCALE, .name = "DB_LOCALE", .aliases = {"DLOC", NULL},
        .offset = KW(db_locale), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Database locale: its code set is what the driver converts to and from "
                "(default: CLIENT_LOCALE), e.g. en_US.819; docs/charsets.md"},
    [DSN_KW_LOGIN_TIMEOUT] = {.id = DSN_KW_LOGIN_TIMEOUT, .name = "LoginTimeout", .aliases = {NULL},
        .offset = KW(login_timeout), .def = NULL, .is_secret = false,
        .kind = DSN_K_UINT, .min = 0, .max = 86400,
        .help = "Seconds to wait for connect and login (0 = no limit)"},
    [DSN_KW_QUERY_TIMEOUT] = {.id = DSN_KW_QUERY_TIMEOUT, .name = "QueryTimeout", .aliases = {NULL},
        .offset = KW(query_timeout), .def = NULL, .is_secret = false,
        .kind = DSN_K_UINT, .min = 0, .max = 86400,
        .help = "Default statement timeout in seconds (0 = no limit)"},
    [DSN_KW_FETCH_BUFFER_SIZE] = {.id = DSN_KW_FETCH_BUFFER_SIZE, .name = "FetchBufferSize",
        .aliases = {"FBC", "FBS", NULL},
        .offset = KW(fetch_buffer_size), .def = "65536", .is_secret = false,
        .kind = DSN_K_UINT, .min = 4096, .max = SQ_MAX_ROW_SIZE,
        .help = "Bytes of rows asked for per fetch round trip"},
    [DSN_KW_DELIMIDENT] = {.id = DSN_KW_DELIMIDENT, .name = "DELIMIDENT", .aliases = {NULL},
        .offset = KW(delimident), .def = "y", .is_secret = false,
        .kind = DSN_K_BOOL, .min = 0, .max = 0,
        .help = "\"double quotes\" delimit identifiers"},
    [DSN_KW_SCROLLABLE] = {.id = DSN_KW_SCROLLABLE, .name = "EnableScrollableCursors",
        .aliases = {"SCUR", NULL},
        .offset = KW(scrollable), .def = "0", .is_secret = false,
        .kind = DSN_K_BOOL, .min = 0, .max = 0,
        .help = "Allow scrollable (static) cursors"},
    [DSN_KW_POOL_DIRTY_RULE] = {.id = DSN_KW_POOL_DIRTY_RULE, .name = "PoolDirtyRule",
        .aliases = {NULL},
        .offset = KW(pool_dirty_rule), .def = "1", .is_secret = false,
        .kind = DSN_K_BOOL, .min = 0, .max = 0,
        .help = "Report a dirty connection as dead to the pool"},
    [DSN_KW_OPTIONS] = {.id = DSN_KW_OPTIONS, .name = "Options", .aliases = {"OPT", NULL},
        .offset = KW(options), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Server environment options (reserved)"},
    [DSN_KW_TRACE] = {.id = DSN_KW_TRACE, .name = "Trace", .aliases = {NULL},
        .offset = KW(trace), .def = "0", .is_secret = false,
        .kind = DSN_K_BOOL, .min = 0, .max = 0,
        .help = "Write a driver debug log"},
    [DSN_KW_TRACE_FILE] = {.id = DSN_KW_TRACE_FILE, .name = "TraceFile", .aliases = {NULL},
        .offset = KW(trace_file), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Path of the driver debug log"},
    /* TLS (issue #8, doc §11). Verified by default: the server certificate must
     * chain to TLSCAFile (or the system trust store) and name Host (or
     * TLSServerName). TLSCertFingerprint pins the certificate instead.
     * Asking for TLS in either Protocol or Encrypt gives TLS: nothing here
     * can turn an onsocssl DSN back into plaintext, and a failed handshake
     * never falls back. */
    [DSN_KW_ENCRYPT] = {.id = DSN_KW_ENCRYPT, .name = "Encrypt", .aliases = {"TLS", "SSL", NULL},
        .offset = KW(encrypt), .def = "0", .is_secret = false,
        .kind = DSN_K_BOOL, .min = 0, .max = 0,
        .help = "yes: TLS (same as Protocol=onsocssl); no cannot override onsocssl"},
    [DSN_KW_TLS_CA_FILE] = {.id = DSN_KW_TLS_CA_FILE, .name = "TLSCAFile",
        .aliases = {"SSLCA", NULL},
        .offset = KW(tls_ca_file), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "PEM file of CA certificates to trust (default: the system trust store)"},
    [DSN_KW_TLS_SERVER_NAME] = {.id = DSN_KW_TLS_SERVER_NAME, .name = "TLSServerName",
        .aliases = {NULL},
        .offset = KW(tls_server_name), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "Name the server certificate must carry (default: Host)"},
    [DSN_KW_TLS_FINGERPRINT] = {.id = DSN_KW_TLS_FINGERPRINT, .name = "TLSCertFingerprint",
        .aliases = {NULL},
        .offset = KW(tls_fingerprint), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "SHA-256 of the server certificate (hex); replaces CA and name checks"},
    [DSN_KW_TLS_CLIENT_CERT] = {.id = DSN_KW_TLS_CLIENT_CERT, .name = "TLSClientCert",
        .aliases = {NULL},
        .offset = KW(tls_client_cert), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "PEM client certificate (chain) to present"},
    [DSN_KW_TLS_CLIENT_KEY] = {.id = DSN_KW_TLS_CLIENT_KEY, .name = "TLSClientKey",
        .aliases = {NULL},
        .offset = KW(tls_client_key), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "PEM private key of TLSClientCert (default: in that file)"},
    [DSN_KW_TLS_VERIFY] = {.id = DSN_KW_TLS_VERIFY, .name = "TLSVerify", .aliases = {NULL},
        .offset = KW(tls_verify), .def = "full", .is_secret = false,
        .kind = DSN_K_TLS_VERIFY, .min = 0, .max = 0,
        .help = "full (default) or insecure-no-verify (development only: no certificate check)"},
    /* Parameter arrays: BIND+EXECUTE groups written before their replies are
     * read (doc §7.9 "Batching", untested on real servers [U]); 1 = one round
     * trip per parameter set, as IBM's driver does. */
    [DSN_KW_PIPELINE_DEPTH] = {.id = DSN_KW_PIPELINE_DEPTH, .name = "PipelineDepth",
        .aliases = {NULL},
        .offset = KW(pipeline_depth), .def = "256", .is_secret = false,
        .kind = DSN_K_UINT, .min = 1, .max = 256,
        .help = "Parameter sets in flight per parameter array (1 = one round trip per set)"},
    /* sqlhosts (issue #9): without Host/Service, Server is looked up here. */
    [DSN_KW_SQLHOSTS] = {.id = DSN_KW_SQLHOSTS, .name = "SQLHOSTS",
        .aliases = {"INFORMIXSQLHOSTS", NULL},
        .offset = KW(sqlhosts), .def = NULL, .is_secret = false,
        .kind = DSN_K_STRING, .min = 0, .max = 0,
        .help = "sqlhosts file resolving Server (default $INFORMIXSQLHOSTS, "
                "$INFORMIXDIR/etc/sqlhosts)"},
    /* TCP keepalive (issue #7): SO_KEEPALIVE is always on; these tune it so a
     * silently dead peer breaks the connection (08S01) instead of hanging. */
    [DSN_KW_KEEPALIVE_IDLE] = {.id = DSN_KW_KEEPALIVE_IDLE, .name = "KeepAliveIdle",
        .aliases = {NULL},
        .offset = KW(keepalive_idle), .def = "0", .is_secret = false,
        .kind = DSN_K_UINT, .min = 0, .max = 32767,
        .help = "Seconds idle before the first TCP keepalive probe (0 = system default)"},
    [DSN_KW_KEEPALIVE_INTERVAL] = {.id = DSN_KW_KEEPALIVE_INTERVAL, .name = "KeepAliveInterval",
        .aliases = {NULL},
        .offset = KW(keepalive_interval), .def = "0", .is_secret = false,
        .kind = DSN_K_UINT, .min = 0, .max = 32767,
        .help = "Seconds between TCP keepalive probes (0 = system default)"},
    [DSN_KW_KEEPALIVE_COUNT] = {.id = DSN_KW_KEEPALIVE_COUNT, .name = "KeepAliveCount",
        .aliases = {NULL},
        .offset = KW(keepalive_count), .def = "0", .is_secret = false,
        .kind = DSN_K_UINT, .min = 0, .max = 127,
        .help = "Unanswered keepalive probes before the link is dead (0 = system default)"},
};
/* clang-format on */

/* Values longer than this from odbc.ini are refused (DSN_TOO_LONG). */
#define DSN_INI_BUF 4096

const struct dsn_keyword *dsn_keywords(void)
{
    return keywords;
}

static bool name_eq(const char *name, const char *key, size_t len)
{
    return strlen(name) == len && strncasecmp(name, key, len) == 0;
}

const struct dsn_keyword *dsn_keyword_find(const char *key, size_t len)
{
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const struct dsn_keyword *k = &keywords[i];
        if (name_eq(k->name, key, len))
            return k;
        for (size_t a = 0; a < 3 && k->aliases[a]; a++)
            if (name_eq(k->aliases[a], key, len))
                return k;
    }
    return NULL;
}

static char **field(struct dsn_cfg *cfg, enum dsn_kw kw)
{
    return (char **)(void *)((unsigned char *)cfg + keywords[kw].offset);
}

const char *dsn_cfg_get(const struct dsn_cfg *cfg, enum dsn_kw kw)
{
    if ((unsigned)kw >= DSN_KW__COUNT)
        return NULL;
    const void *p = (const unsigned char *)cfg + keywords[kw].offset;
    const char *const *f = p;
    return *f;
}

void dsn_cfg_init(struct dsn_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
}

static void free_value(char *v, bool secret)
{
    if (v && secret)
        explicit_bzero(v, strlen(v));
    sq_free(v);
}

void dsn_cfg_fini(struct dsn_cfg *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        char **f = field(cfg, (enum dsn_kw)i);
        free_value(*f, keywords[i].is_secret);
        *f = NULL;
    }
    for (size_t i = 0; i < cfg->n_extra; i++) {
        sq_free(cfg->extra[i].key);
        /* An unknown keyword might hold a secret of some other driver: zero it. */
        free_value(cfg->extra[i].value, true);
    }
    sq_free(cfg->extra);
    dsn_cfg_init(cfg);
}

/* Replace a value unconditionally. */
static enum dsn_rc put_value(struct dsn_cfg *cfg, enum dsn_kw kw, const char *v, size_t len,
                             enum dsn_src src)
{
    char *copy = sq_strndup(v, len);
    if (!copy)
        return DSN_NOMEM;
    char **f = field(cfg, kw);
    free_value(*f, keywords[kw].is_secret);
    *f = copy;
    cfg->src[kw] = (unsigned char)src;
    return DSN_OK;
}

enum dsn_rc dsn_cfg_set(struct dsn_cfg *cfg, enum dsn_kw kw, const char *value, size_t len,
                        enum dsn_src src)
{
    if ((unsigned)kw >= DSN_KW__COUNT || !value)
        return DSN_OK;
    char **f = field(cfg, kw);
    if (*f && cfg->src[kw] >= (unsigned char)src)
        return DSN_OK; /* same or stronger source already set: first wins */
    return put_value(cfg, kw, value, len, src);
}

/* ---- connection-string lexer (shared by parse and redact) -------------- */

struct cs_seg {
    size_t start, end; /* [start, end): the segment without its ';' */
    bool has_eq;
    size_t key_b, key_e; /* trimmed key */
    size_t val_b, val_e; /* braced: including both braces; else trimmed */
    bool braced, unclosed, junk;
};

static bool is_sp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Lex one segment starting at pos (< len). Lenient: records problems in the
 * flags instead of failing, so that redaction can still work. */
static void cs_scan(const char *s, size_t len, size_t pos, struct cs_seg *g)
{
    memset(g, 0, sizeof *g);
    g->start = pos;
    size_t p = pos;
    while (p < len && s[p] != '=' && s[p] != ';')
        p++;
    if (p >= len || s[p] == ';') {
        g->end = p;
        return;
    }
    g->has_eq = true;
    g->key_b = pos;
    g->key_e = p;
    while (g->key_b < g->key_e && is_sp(s[g->key_b]))
        g->key_b++;
    while (g->key_e > g->key_b && is_sp(s[g->key_e - 1]))
        g->key_e--;
    p++; /* '=' */
    while (p < len && is_sp(s[p]) && s[p] != ';')
        p++;
    if (p < len && s[p] == '{') {
        g->braced = true;
        g->val_b = p;
        size_t q = p + 1;
        for (;;) {
            if (q >= len) {
                g->unclosed = true;
                g->val_e = g->end = len;
                return;
            }
            if (s[q] == '}') {
                if (q + 1 < len && s[q + 1] == '}') {
                    q += 2;
                    continue;
                }
                break;
            }
            q++;
        }
        g->val_e = q + 1;
        q++;
        while (q < len && s[q] != ';') {
            if (!is_sp(s[q]))
                g->junk = true;
            q++;
        }
        g->end = q;
        return;
    }
    g->val_b = p;
    while (p < len && s[p] != ';')
        p++;
    g->end = p;
    g->val_e = p;
    while (g->val_e > g->val_b && is_sp(s[g->val_e - 1]))
        g->val_e--;
}

static bool seg_blank(const char *s, const struct cs_seg *g)
{
    for (size_t i = g->start; i < g->end; i++)
        if (!is_sp(s[i]))
            return false;
    return true;
}

/* Unescape a braced value span ("{...}" with "}}") into a new string. */
static char *unbrace(const char *s, size_t b, size_t e, size_t *out_len)
{
    size_t n = e - b - 2;
    char *v = sq_malloc(n + 1);
    if (!v)
        return NULL;
    size_t o = 0;
    for (size_t i = b + 1; i < e - 1; i++) {
        v[o++] = s[i];
        if (s[i] == '}' && i + 1 < e - 1 && s[i + 1] == '}')
            i++;
    }
    v[o] = '\0';
    *out_len = o;
    return v;
}

static enum dsn_rc add_extra(struct dsn_cfg *cfg, const char *key, size_t klen, char *value)
{
    for (size_t i = 0; i < cfg->n_extra; i++) {
        if (strlen(cfg->extra[i].key) == klen && strncasecmp(cfg->extra[i].key, key, klen) == 0) {
            free_value(value, true); /* first occurrence wins */
            return DSN_OK;
        }
    }
    size_t n;
    if (!sq_size_add(cfg->n_extra, 1, &n))
        goto fail;
    struct dsn_extra *arr = sq_realloc(cfg->extra, n * sizeof *arr);
    if (!arr)
        goto fail;
    cfg->extra = arr;
    char *k = sq_strndup(key, klen);
    if (!k)
        goto fail;
    arr[cfg->n_extra].key = k;
    arr[cfg->n_extra].value = value;
    cfg->n_extra = n;
    return DSN_OK;
fail:
    free_value(value, true);
    return DSN_NOMEM;
}

enum dsn_rc dsn_parse(struct dsn_cfg *cfg, const char *s, size_t len, size_t *err_off)
{
    size_t pos = 0;
    while (pos < len) {
        struct cs_seg g;
        cs_scan(s, len, pos, &g);
        if (!g.has_eq) {
            if (!seg_blank(s, &g))
                goto syntax;
        } else {
            if (g.key_b == g.key_e || g.unclosed || g.junk)
                goto syntax;
            size_t vlen;
            char *v;
            if (g.braced) {
                v = unbrace(s, g.val_b, g.val_e, &vlen);
            } else {
                vlen = g.val_e - g.val_b;
                v = sq_strndup(s + g.val_b, vlen);
            }
            if (!v)
                return DSN_NOMEM;
            const struct dsn_keyword *k = dsn_keyword_find(s + g.key_b, g.key_e - g.key_b);
            enum dsn_rc rc = DSN_OK;
            if (!k) {
                rc = add_extra(cfg, s + g.key_b, g.key_e - g.key_b, v);
                v = NULL;
            } else if ((k->id == DSN_KW_DSN && cfg->src[DSN_KW_DRIVER] == DSN_SRC_CONNSTR) ||
                       (k->id == DSN_KW_DRIVER && cfg->src[DSN_KW_DSN] == DSN_SRC_CONNSTR)) {
                /* ODBC: of DSN and DRIVER the leftmost is used, the other ignored. */
            } else {
                rc = dsn_cfg_set(cfg, k->id, v, vlen, DSN_SRC_CONNSTR);
            }
            free_value(v, k && k->is_secret);
            if (rc != DSN_OK)
                return rc;
        }
        pos = g.end < len ? g.end + 1 : len;
        continue;
    syntax:
        if (err_off)
            *err_off = g.start;
        return DSN_SYNTAX;
    }
    return DSN_OK;
}

/* ---- odbc.ini ----------------------------------------------------------- */

int dsn_lookup_odbcinst(void *ctx, const char *section, const char *key, char *buf, size_t n)
{
    (void)ctx; /* the real lookup needs no context */
    if (n > 32767)
        n = 32767;
    return SQLGetPrivateProfileString(section, key, "", buf, (int)n, "odbc.ini");
}

static bool want_ini(const struct dsn_cfg *cfg, enum dsn_kw kw)
{
    const char *v = dsn_cfg_get(cfg, kw);
    if (!v)
        return true;
    return cfg->src[kw] == DSN_SRC_CONNSTR && v[0] == '\0';
}

enum dsn_rc dsn_cfg_load_ini(struct dsn_cfg *cfg, dsn_lookup_fn lookup, void *ctx)
{
    if (!lookup)
        lookup = dsn_lookup_odbcinst;
    const char *dsn = cfg->dsn;
    if (!dsn || !dsn[0])
        return DSN_OK;
    char *buf = sq_malloc(DSN_INI_BUF);
    if (!buf)
        return DSN_NOMEM;
    enum dsn_rc rc = DSN_OK;
    for (size_t i = 0; i < DSN_KW__COUNT && rc == DSN_OK; i++) {
        const struct dsn_keyword *k = &keywords[i];
        /* DSN names the section; the section's Driver= is the DM's business. */
        if (k->id == DSN_KW_DSN || k->id == DSN_KW_DRIVER || !want_ini(cfg, k->id))
            continue;
        const char *names[4] = {k->name, k->aliases[0], NULL, NULL};
        if (k->aliases[0])
            names[2] = k->aliases[1];
        if (k->aliases[0] && k->aliases[1])
            names[3] = k->aliases[2];
        for (size_t a = 0; a < 4 && names[a]; a++) {
            buf[0] = '\0';
            int n = lookup(ctx, dsn, names[a], buf, DSN_INI_BUF);
            if (n <= 0 || !buf[0])
                continue;
            size_t vlen = strnlen(buf, DSN_INI_BUF);
            if (vlen >= DSN_INI_BUF - 1) {
                rc = DSN_TOO_LONG;
                break;
            }
            rc = put_value(cfg, k->id, buf, vlen, DSN_SRC_INI);
            break;
        }
    }
    explicit_bzero(buf, DSN_INI_BUF); /* may have held the password */
    sq_free(buf);
    return rc;
}

/* ---- defaults and validation ------------------------------------------- */

static int parse_bool(const char *v)
{
    static const char *const yes[] = {"y", "yes", "1", "true", "on"};
    static const char *const no[] = {"n", "no", "0", "false", "off"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

/* Decimal digits only, no sign, bounded; false on garbage or overflow. */
static bool parse_ulong(const char *v, unsigned long *out)
{
    if (!v[0])
        return false;
    unsigned long n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        if (n > 429496729UL)
            return false;
        n = n * 10 + (unsigned long)(*p - '0');
    }
    *out = n;
    return true;
}

static bool check_value(struct dsn_cfg *cfg, const struct dsn_keyword *k, const char *v)
{
    unsigned long n = 0;
    switch (k->kind) {
    case DSN_K_STRING:
        return true;
    case DSN_K_BOOL: {
        int b = parse_bool(v);
        if (b < 0)
            return false;
        if (k->id == DSN_KW_DELIMIDENT)
            cfg->opt.delimident = b;
        else if (k->id == DSN_KW_SCROLLABLE)
            cfg->opt.scrollable = b;
        else if (k->id == DSN_KW_POOL_DIRTY_RULE)
            cfg->opt.pool_dirty_rule = b;
        else if (k->id == DSN_KW_TRACE)
            cfg->opt.trace = b;
        else if (k->id == DSN_KW_ENCRYPT && b)
            cfg->opt.use_tls = true; /* never cleared here: onsocssl stays TLS */
        return true;
    }
    case DSN_K_UINT:
        if (!parse_ulong(v, &n))
            return false;
        if (n < k->min || n > k->max) {
            /* IBM's driver silently uses the default for an out-of-range
             * FetchBufferSize; do the same. Other keywords: an error. */
            if (k->id != DSN_KW_FETCH_BUFFER_SIZE)
                return false;
            n = strtoul(k->def, NULL, 10);
        }
        if (k->id == DSN_KW_LOGIN_TIMEOUT)
            cfg->opt.login_timeout = (unsigned)n;
        else if (k->id == DSN_KW_QUERY_TIMEOUT)
            cfg->opt.query_timeout = (unsigned)n;
        else if (k->id == DSN_KW_FETCH_BUFFER_SIZE)
            cfg->opt.fetch_buffer_size = (unsigned)n;
        else if (k->id == DSN_KW_PIPELINE_DEPTH)
            cfg->opt.pipeline_depth = (unsigned)n;
        else if (k->id == DSN_KW_KEEPALIVE_IDLE)
            cfg->opt.keepalive_idle = (unsigned)n;
        else if (k->id == DSN_KW_KEEPALIVE_INTERVAL)
            cfg->opt.keepalive_interval = (unsigned)n;
        else if (k->id == DSN_KW_KEEPALIVE_COUNT)
            cfg->opt.keepalive_count = (unsigned)n;
        return true;
    case DSN_K_PROTOCOL:
        /* Checked before Encrypt (table order), which may then turn TLS on. */
        if (strcasecmp(v, "onsoctcp") == 0)
            cfg->opt.use_tls = false;
        else if (strcasecmp(v, "onsocssl") == 0)
            cfg->opt.use_tls = true;
        else
            return false;
        return true;
    case DSN_K_SERVICE:
        if (v[0] >= '0' && v[0] <= '9') {
            if (!parse_ulong(v, &n) || n < k->min || n > k->max)
                return false;
            cfg->opt.port = (unsigned)n;
            return true;
        }
        for (const char *p = v; *p; p++)
            if (is_sp(*p) || *p == '/' || *p == ';')
                return false;
        cfg->opt.port = 0; /* a service name: resolved at connect */
        return true;
    case DSN_K_TLS_VERIFY:
        if (strcasecmp(v, "full") == 0)
            cfg->opt.tls_insecure = false;
        else if (strcasecmp(v, "insecure-no-verify") == 0)
            cfg->opt.tls_insecure = true;
        else
            return false;
        return true;
    }
    return false;
}

enum dsn_rc dsn_cfg_finish(struct dsn_cfg *cfg, enum dsn_kw *err_kw)
{
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const struct dsn_keyword *k = &keywords[i];
        char **f = field(cfg, k->id);
        /* An empty value means "not set" (UID=;PWD= from DBD::ODBC, or an
         * empty line in odbc.ini): the default applies. */
        if (k->def && (!*f || !(*f)[0])) {
            enum dsn_rc rc = put_value(cfg, k->id, k->def, strlen(k->def), DSN_SRC_DEFAULT);
            if (rc != DSN_OK)
                return rc;
        }
    }
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const struct dsn_keyword *k = &keywords[i];
        const char *v = dsn_cfg_get(cfg, k->id);
        if (!v || !v[0])
            continue;
        if (!check_value(cfg, k, v)) {
            if (err_kw)
                *err_kw = k->id;
            return DSN_BAD_VALUE;
        }
    }
    return DSN_OK;
}

/* ---- emit and redact ---------------------------------------------------- */

static bool needs_braces(const char *v)
{
    size_t n = strlen(v);
    if (n && (is_sp(v[0]) || is_sp(v[n - 1])))
        return true;
    return strpbrk(v, ";{}") != NULL;
}

static void emit_pair(struct sq_buf *b, const char *key, const char *v)
{
    if (b->len)
        sq_buf_append(b, ";", 1);
    sq_buf_append(b, key, strlen(key));
    sq_buf_append(b, "=", 1);
    if (!needs_braces(v)) {
        sq_buf_append(b, v, strlen(v));
        return;
    }
    sq_buf_append(b, "{", 1);
    for (const char *p = v; *p; p++) {
        sq_buf_append(b, p, 1);
        if (*p == '}')
            sq_buf_append(b, "}", 1);
    }
    sq_buf_append(b, "}", 1);
}

static enum dsn_rc buf_to_str(struct sq_buf *b, struct str *out)
{
    if (!sq_buf_ok(b)) {
        sq_buf_fini(b);
        return DSN_NOMEM;
    }
    enum enc_rc rc = str_set(out, b->len ? (const char *)b->data : "", b->len);
    sq_buf_fini(b);
    return rc == ENC_OK ? DSN_OK : DSN_NOMEM;
}

enum dsn_rc dsn_emit(const struct dsn_cfg *cfg, struct str *out)
{
    struct sq_buf b;
    sq_buf_init(&b);
    if (cfg->dsn)
        emit_pair(&b, "DSN", cfg->dsn);
    else if (cfg->driver)
        emit_pair(&b, "DRIVER", cfg->driver);
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const struct dsn_keyword *k = &keywords[i];
        const char *v = dsn_cfg_get(cfg, k->id);
        /* Never echo the password (issue #8): see dsn.h. */
        if (k->id == DSN_KW_DSN || k->id == DSN_KW_DRIVER || k->is_secret || !v)
            continue;
        bool emit = cfg->src[k->id] == DSN_SRC_CONNSTR ||
                    (cfg->src[k->id] == DSN_SRC_INI && (!k->def || strcasecmp(v, k->def) != 0));
        if (emit)
            emit_pair(&b, k->name, v);
    }
    for (size_t i = 0; i < cfg->n_extra; i++)
        emit_pair(&b, cfg->extra[i].key, cfg->extra[i].value);
    return buf_to_str(&b, out);
}

enum dsn_rc dsn_redact(const char *s, size_t len, struct str *out)
{
    struct sq_buf b;
    sq_buf_init(&b);
    size_t pos = 0;
    while (pos < len) {
        struct cs_seg g;
        cs_scan(s, len, pos, &g);
        const struct dsn_keyword *k =
            g.has_eq ? dsn_keyword_find(s + g.key_b, g.key_e - g.key_b) : NULL;
        if (k && k->is_secret) {
            /* Keep "key =" as written, hide the value (and anything up to ';'). */
            sq_buf_append(&b, s + g.start, g.val_b - g.start);
            sq_buf_append(&b, "***", 3);
        } else {
            sq_buf_append(&b, s + g.start, g.end - g.start);
        }
        if (g.end < len)
            sq_buf_append(&b, ";", 1);
        pos = g.end < len ? g.end + 1 : len;
    }
    return buf_to_str(&b, out);
}
