/* SPDX-License-Identifier: MIT */
/* sqlhosts.c - sqlhosts parse (IBM's documented format) and resolution of a
 * server name or a DSN host list into ordered connect targets. Only
 * onsoctcp and onsocssl are spoken; other nettypes are refused with a reason.
 * No sockets: the connect loop over the targets is in dbc.c. */
#include "sqlhosts.h"

#include <ctype.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sq_alloc.h"

static const char *env_get(const struct sqlhosts_env *env, const char *name)
{
    if (env && env->get_env)
        return env->get_env(name);
    return getenv(name);
}

static unsigned serv_lookup(const struct sqlhosts_env *env, const char *name)
{
    if (env && env->service_port)
        return env->service_port(name);
    struct servent *se = getservbyname(name, "tcp");
    return se ? (unsigned)ntohs((uint16_t)se->s_port) : 0u;
}

void sqlhosts_free(struct sqlhosts *h)
{
    if (!h)
        return;
    sq_free(h->e);
    h->e = NULL;
    h->n = 0;
}

/* Copy field f[0..n) into dst (cap bytes incl. NUL); false if too long. */
static bool put(char *dst, size_t cap, const char *f, size_t n)
{
    if (n >= cap)
        return false;
    memcpy(dst, f, n);
    dst[n] = '\0';
    return true;
}

/* Options "k=1,g=grp,e=m3": keep g= and e=; the rest is accepted and ignored
 * (c= random start is not applied: members are tried in file order). */
static bool parse_options(struct sqlhosts_entry *e, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != ',')
            j++;
        const char *eq = memchr(p + i, '=', j - i);
        if (eq) {
            size_t klen = (size_t)(eq - (p + i));
            const char *v = eq + 1;
            size_t vlen = (size_t)((p + j) - v);
            if (klen == 1 && p[i] == 'g' && !put(e->group, sizeof e->group, v, vlen))
                return false;
            if (klen == 1 && p[i] == 'e' && !put(e->end, sizeof e->end, v, vlen))
                return false;
        }
        i = j + 1;
    }
    return true;
}

enum sqlhosts_rc sqlhosts_parse(const char *text, size_t len, struct sqlhosts *out,
                                unsigned *err_line)
{
    out->e = NULL;
    out->n = 0;
    if (len > SQLHOSTS_MAX_FILE)
        return SQLHOSTS_TOO_BIG;
    size_t cap = 0;
    unsigned line = 0;
    size_t pos = 0;
    while (pos < len) {
        size_t eol = pos;
        while (eol < len && text[eol] != '\n')
            eol++;
        line++;
        size_t end = eol;
        const char *hash = memchr(text + pos, '#', end - pos);
        if (hash)
            end = (size_t)(hash - text);
        /* Split into up to five blank-separated fields. */
        const char *f[5];
        size_t fl[5];
        size_t nf = 0;
        size_t i = pos;
        while (i < end) {
            while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
                i++;
            if (i >= end)
                break;
            size_t s = i;
            while (i < end && text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
                i++;
            if (nf == 5) {
                nf = 6; /* extra fields: ignored, as IBM's parser does */
                break;
            }
            f[nf] = text + s;
            fl[nf] = i - s;
            nf++;
        }
        pos = eol + 1;
        if (nf == 0)
            continue;
        if (nf < 4) {
            if (err_line)
                *err_line = line;
            sqlhosts_free(out);
            return SQLHOSTS_SYNTAX;
        }
        if (out->n == SQLHOSTS_MAX_ENTRIES) {
            sqlhosts_free(out);
            return SQLHOSTS_TOO_BIG;
        }
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            struct sqlhosts_entry *ne = sq_realloc(out->e, ncap * sizeof *ne);
            if (!ne) {
                sqlhosts_free(out);
                return SQLHOSTS_NOMEM;
            }
            out->e = ne;
            cap = ncap;
        }
        struct sqlhosts_entry *e = &out->e[out->n];
        memset(e, 0, sizeof *e);
        e->line = line;
        bool ok = put(e->name, sizeof e->name, f[0], fl[0]) &&
                  put(e->nettype, sizeof e->nettype, f[1], fl[1]) &&
                  put(e->host, sizeof e->host, f[2], fl[2]) &&
                  put(e->service, sizeof e->service, f[3], fl[3]) &&
                  (nf < 5 || parse_options(e, f[4], fl[4]));
        if (!ok) {
            if (err_line)
                *err_line = line;
            sqlhosts_free(out);
            return SQLHOSTS_SYNTAX;
        }
        e->is_group = strcasecmp(e->nettype, "group") == 0;
        out->n++;
    }
    return SQLHOSTS_OK;
}

enum sqlhosts_rc sqlhosts_load(const char *path, struct sqlhosts *out, char *err, size_t errcap)
{
    out->e = NULL;
    out->n = 0;
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errcap, "cannot read sqlhosts file %s", path);
        return SQLHOSTS_NO_FILE;
    }
    char *buf = sq_malloc(SQLHOSTS_MAX_FILE + 1);
    if (!buf) {
        fclose(fp);
        return SQLHOSTS_NOMEM;
    }
    size_t got = fread(buf, 1, SQLHOSTS_MAX_FILE + 1, fp);
    bool failed = ferror(fp) != 0;
    fclose(fp);
    if (failed) {
        sq_free(buf);
        snprintf(err, errcap, "cannot read sqlhosts file %s", path);
        return SQLHOSTS_NO_FILE;
    }
    unsigned line = 0;
    enum sqlhosts_rc rc = sqlhosts_parse(buf, got, out, &line);
    sq_free(buf);
    if (rc == SQLHOSTS_SYNTAX)
        snprintf(err, errcap, "sqlhosts file %s line %u: expected \"dbservername nettype "
                 "hostname servicename [options]\"", path, line);
    else if (rc == SQLHOSTS_TOO_BIG)
        snprintf(err, errcap, "sqlhosts file %s is too big", path);
    return rc;
}

const char *sqlhosts_path(const char *dsn_value, const struct sqlhosts_env *env, char *buf,
                          size_t cap)
{
    const char *p = dsn_value && dsn_value[0] ? dsn_value : env_get(env, "INFORMIXSQLHOSTS");
    if (p && p[0]) {
        if ((size_t)snprintf(buf, cap, "%s", p) >= cap)
            return NULL;
        return buf;
    }
    const char *dir = env_get(env, "INFORMIXDIR");
    if (!dir || !dir[0])
        return NULL;
    int w = snprintf(buf, cap, "%s/etc/sqlhosts", dir);
    if (w < 0 || (size_t)w >= cap)
        return NULL;
    return buf;
}

/* Service name or port -> decimal port in t->service; false (with a reason
 * in t->refused) when unknown or out of range. */
static bool set_service(struct sqlhosts_target *t, const char *s, size_t n,
                        const struct sqlhosts_env *env)
{
    char tmp[SQLHOSTS_SERV_MAX + 1];
    if (n == 0 || n >= sizeof tmp) {
        snprintf(t->refused, sizeof t->refused, "bad service name");
        return false;
    }
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    bool digits = true;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)tmp[i]))
            digits = false;
    unsigned long port = 0;
    if (digits)
        port = n <= 5 ? strtoul(tmp, NULL, 10) : 0;
    else
        port = serv_lookup(env, tmp);
    if (port == 0 || port > 65535) {
        snprintf(t->refused, sizeof t->refused, "unknown service \"%.64s\" (not a port and "
                 "not in /etc/services)", tmp);
        return false;
    }
    snprintf(t->service, sizeof t->service, "%lu", port);
    return true;
}

static void target_from_entry(struct sqlhosts_target *t, const struct sqlhosts_entry *e,
                              const struct sqlhosts_env *env)
{
    memset(t, 0, sizeof *t);
    snprintf(t->server, sizeof t->server, "%s", e->name);
    snprintf(t->host, sizeof t->host, "%s", e->host);
    const char *nt = e->nettype;
    /* The nettype is "xxsssttt": ol/on = native SQLI (drs = DRDA); soc =
     * sockets; tcp / ssl. */
    if (strcasecmp(nt, "onsoctcp") == 0 || strcasecmp(nt, "olsoctcp") == 0) {
        t->tls = false;
    } else if (strcasecmp(nt, "onsocssl") == 0 || strcasecmp(nt, "olsocssl") == 0) {
        t->tls = true;
    } else if (strncasecmp(nt, "drs", 3) == 0 || strncasecmp(nt, "drt", 3) == 0) {
        snprintf(t->refused, sizeof t->refused, "nettype %.31s is DRDA, which this driver "
                 "does not speak: use an onsoctcp or onsocssl listener", nt);
        return;
    } else if (strncasecmp(nt, "onipc", 5) == 0 || strncasecmp(nt, "olipc", 5) == 0) {
        snprintf(t->refused, sizeof t->refused, "nettype %.31s is local IPC (shared memory "
                 "or pipes), not supported: use an onsoctcp listener", nt);
        return;
    } else {
        snprintf(t->refused, sizeof t->refused, "nettype %.31s is not supported (only "
                 "onsoctcp and onsocssl)", nt);
        return;
    }
    set_service(t, e->service, strlen(e->service), env);
}

static const struct sqlhosts_entry *find(const struct sqlhosts *h, const char *name)
{
    for (size_t i = 0; i < h->n; i++)
        if (strcmp(h->e[i].name, name) == 0)
            return &h->e[i];
    return NULL;
}

enum sqlhosts_rc sqlhosts_resolve(const struct sqlhosts *h, const char *server,
                                  const struct sqlhosts_env *env, struct sqlhosts_target **out,
                                  size_t *n, char *err, size_t errcap)
{
    *out = NULL;
    *n = 0;
    const struct sqlhosts_entry *e = find(h, server);
    if (!e) {
        snprintf(err, errcap, "server \"%.128s\" not found in the sqlhosts file", server);
        return SQLHOSTS_NOT_FOUND;
    }
    if (!e->is_group) {
        struct sqlhosts_target *t = sq_malloc(sizeof *t);
        if (!t)
            return SQLHOSTS_NOMEM;
        target_from_entry(t, e, env);
        if (t->refused[0]) {
            snprintf(err, errcap, "server %.128s: %s", server, t->refused);
            sq_free(t);
            return SQLHOSTS_REFUSED;
        }
        *out = t;
        *n = 1;
        return SQLHOSTS_OK;
    }
    struct sqlhosts_target *ts = sq_calloc(SQLHOSTS_MAX_TARGETS, sizeof *ts);
    if (!ts)
        return SQLHOSTS_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < h->n; i++) {
        const struct sqlhosts_entry *m = &h->e[i];
        if (m->is_group || strcmp(m->group, e->name) != 0)
            continue;
        if (k == SQLHOSTS_MAX_TARGETS) {
            sq_free(ts);
            snprintf(err, errcap, "group %.128s has more than %u members", server,
                     SQLHOSTS_MAX_TARGETS);
            return SQLHOSTS_TOO_BIG;
        }
        target_from_entry(&ts[k++], m, env);
        if (e->end[0] && strcmp(m->name, e->end) == 0)
            break; /* e=: the group ends at this member */
    }
    if (k == 0) {
        sq_free(ts);
        snprintf(err, errcap, "group %.128s has no members (no entry with g=%.128s)", server,
                 server);
        return SQLHOSTS_BAD_VALUE;
    }
    *out = ts;
    *n = k;
    return SQLHOSTS_OK;
}

enum sqlhosts_rc sqlhosts_host_list(const char *hosts, const char *service, bool tls,
                                    const struct sqlhosts_env *env, struct sqlhosts_target **out,
                                    size_t *n, char *err, size_t errcap)
{
    *out = NULL;
    *n = 0;
    struct sqlhosts_target *ts = sq_calloc(SQLHOSTS_MAX_TARGETS, sizeof *ts);
    if (!ts)
        return SQLHOSTS_NOMEM;
    size_t k = 0;
    const char *p = hosts;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len && (p[0] == ' ' || p[0] == '\t')) {
            p++;
            len--;
        }
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 0 || k == SQLHOSTS_MAX_TARGETS) {
            sq_free(ts);
            snprintf(err, errcap, k == SQLHOSTS_MAX_TARGETS
                                      ? "Host list has more than 64 hosts"
                                      : "Host list \"%.200s\" has an empty item", hosts);
            return k == SQLHOSTS_MAX_TARGETS ? SQLHOSTS_TOO_BIG : SQLHOSTS_BAD_VALUE;
        }
        struct sqlhosts_target *t = &ts[k++];
        const char *h = p;
        size_t hl = len;
        const char *port = NULL;
        size_t pl = 0;
        if (p[0] == '[') { /* [v6]:port */
            const char *rb = memchr(p, ']', len);
            if (!rb) {
                sq_free(ts);
                snprintf(err, errcap, "Host list item \"%.*s\": missing ']'", (int)len, p);
                return SQLHOSTS_BAD_VALUE;
            }
            h = p + 1;
            hl = (size_t)(rb - h);
            if ((size_t)(rb + 1 - p) < len) {
                if (rb[1] != ':') {
                    sq_free(ts);
                    snprintf(err, errcap, "Host list item \"%.*s\": expected ':' after ']'",
                             (int)len, p);
                    return SQLHOSTS_BAD_VALUE;
                }
                port = rb + 2;
                pl = len - (size_t)(port - p);
            }
        } else {
            const char *colon = memchr(p, ':', len);
            if (colon && memchr(colon + 1, ':', len - (size_t)(colon + 1 - p)) == NULL) {
                hl = (size_t)(colon - p);
                port = colon + 1;
                pl = len - hl - 1;
            }
        }
        if (hl == 0 || !put(t->host, sizeof t->host, h, hl)) {
            sq_free(ts);
            snprintf(err, errcap, "Host list item \"%.*s\": bad host name", (int)len, p);
            return SQLHOSTS_BAD_VALUE;
        }
        t->tls = tls;
        if (!port) {
            port = service;
            pl = service ? strlen(service) : 0;
        }
        if (!port || pl == 0) {
            snprintf(err, errcap, "No Service (port) given for host %.200s", t->host);
            sq_free(ts);
            return SQLHOSTS_BAD_VALUE;
        }
        if (!set_service(t, port, pl, env)) {
            snprintf(err, errcap, "host %.200s: %s", t->host, t->refused);
            sq_free(ts);
            return SQLHOSTS_BAD_VALUE;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    *out = ts;
    *n = k;
    return SQLHOSTS_OK;
}

enum sqlhosts_rc sqlhosts_targets(const struct dsn_cfg *cfg, const struct sqlhosts_env *env,
                                  struct sqlhosts_target **out, size_t *n, char *err,
                                  size_t errcap)
{
    *out = NULL;
    *n = 0;
    bool has_host = cfg->host && cfg->host[0];
    bool has_service = cfg->service && cfg->service[0];
    if (has_host || has_service)
        return sqlhosts_host_list(has_host ? cfg->host : "localhost",
                                  has_service ? cfg->service : NULL, cfg->opt.use_tls, env, out, n,
                                  err, errcap);
    const char *server = cfg->server && cfg->server[0] ? cfg->server
                                                       : env_get(env, "INFORMIXSERVER");
    if (!server || !server[0]) {
        snprintf(err, errcap, "No Host/Service and no Server (or INFORMIXSERVER) to look up "
                 "in sqlhosts");
        return SQLHOSTS_NOT_FOUND;
    }
    char path[1024];
    const char *file = sqlhosts_path(cfg->sqlhosts, env, path, sizeof path);
    if (!file) {
        snprintf(err, errcap, "No Host/Service given and no sqlhosts file to resolve server "
                 "\"%.128s\" (set SQLHOSTS=, INFORMIXSQLHOSTS or INFORMIXDIR)", server);
        return SQLHOSTS_NO_FILE;
    }
    struct sqlhosts h;
    enum sqlhosts_rc rc = sqlhosts_load(file, &h, err, errcap);
    if (rc != SQLHOSTS_OK)
        return rc;
    rc = sqlhosts_resolve(&h, server, env, out, n, err, errcap);
    sqlhosts_free(&h);
    if (rc == SQLHOSTS_OK && *n > 0 && (*out)[0].server[0] && cfg->opt.use_tls) {
        for (size_t i = 0; i < *n; i++)
            (*out)[i].tls = true; /* a TLS DSN never goes plaintext */
    }
    return rc;
}
