/* SPDX-License-Identifier: MIT */
/* main.c - ifxlite: an Informix SQLI server on SQLite, for tests, demos and
 * CI where no Informix exists. Command line, engine setup, then the listener.
 * stdout carries exactly one line ("listening on HOST:PORT"); logs go to stderr. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sq_alloc.h"
#include "srv_charset.h"
#include "srv_log.h"
#include "srv_proto.h"
#include "srv_tls.h"

#define IFXLITE_VERSION "0.1.0"
#define MAX_USERS 64
#define MAX_DBS 64

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: ifxlite --listen HOST:PORT --data DIR --user NAME:PASSWORD [options]\n"
            "\n"
            "ifxlite speaks the server side of Informix's SQLI protocol and runs the SQL\n"
            "on SQLite (one file per database in DIR). The first line on stdout is\n"
            "\"listening on HOST:PORT\"; logs go to stderr. SIGTERM/SIGINT stop it cleanly.\n"
            "\n"
            "Options:\n"
            "  --listen HOST:PORT       address to listen on; port 0 picks a free port\n"
            "                           (IPv6: [::1]:PORT)\n"
            "  --data DIR               data directory (must exist)\n"
            "  --user NAME:PASSWORD     an account (repeatable; at least one is required,\n"
            "                           there is no anonymous access)\n"
            "  --create-db NAME[:KIND[:LOCALE]]\n"
            "                           create the database if missing (repeatable); KIND is\n"
            "                           logged (default), unlogged or ansi; LOCALE its\n"
            "                           DB_LOCALE, e.g. en_US.8859-1 (default en_US.utf8)\n"
            "  --server-name NAME       DBSERVERNAME (default ol_ifxlite); clients must send\n"
            "                           it or an empty INFORMIXSERVER, else error -761\n"
            "  --profile KEY=VALUE      protocol behaviour switch (repeatable, see below)\n"
            "  --fault PLAN             misbehave on purpose, for fault tests (see below)\n"
            "  --lock-timeout MS        lock wait bound per statement (default 2000)\n"
            "  --stall-timeout MS       close a connection whose partial message stalls\n"
            "                           longer than MS (default 60000; idle is unlimited)\n"
            "  --tls-cert FILE          PEM certificate (chain): the listener becomes an\n"
            "                           onsocssl (TLS 1.2+) one; needs --tls-key\n"
            "  --tls-key FILE           PEM private key of --tls-cert\n"
            "  --tls-client-ca FILE     require client certificates issued by this CA\n"
            "  --log-level LEVEL        error, warn (default), info or debug\n"
            "  --help                   this text\n"
            "  --version                print the version\n"
            "\n"
            "%s\n%s",
            srv_profile_help(), srv_fault_help());
}

static int die_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ifxlite: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(see ifxlite --help)\n");
    va_end(ap);
    return 2;
}

static bool parse_ms(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0 || v > 86400000L)
        return false;
    *out = (int)v;
    return true;
}

struct dbspec {
    const char *name;
    enum srv_dbkind kind;
    const char *locale; /* NULL: en_US.utf8 */
};

int main(int argc, char **argv)
{
    static struct srv_user users[MAX_USERS];
    static struct dbspec dbs[MAX_DBS];
    static struct srv_ctx ctx;
    size_t nusers = 0, ndbs = 0;
    const char *listen_at = NULL, *datadir = NULL;
    const char *tls_cert = NULL, *tls_key = NULL, *tls_client_ca = NULL;
    int lock_timeout = -1;
    char err[512];
    int rc = 0;

    memset(&ctx, 0, sizeof ctx);
    srv_profile_init(&ctx.profile);
    ctx.server_name = "ol_ifxlite";
    ctx.stall_timeout_ms = 60000;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("ifxlite %s\n", IFXLITE_VERSION);
            return 0;
        }
        if (i + 1 >= argc)
            return die_usage("option %s needs a value", a);
        const char *v = argv[++i];
        if (strcmp(a, "--listen") == 0) {
            listen_at = v;
        } else if (strcmp(a, "--data") == 0) {
            datadir = v;
        } else if (strcmp(a, "--user") == 0) {
            const char *colon = strchr(v, ':');
            if (!colon || colon == v)
                return die_usage("--user wants NAME:PASSWORD, got '%s'", v);
            if (nusers >= MAX_USERS)
                return die_usage("too many --user options (%d at most)", MAX_USERS);
            users[nusers].name = sq_strndup(v, (size_t)(colon - v));
            users[nusers].password = sq_strdup(colon + 1);
            if (!users[nusers].name || !users[nusers].password)
                return die_usage("%s", "out of memory");
            nusers++;
        } else if (strcmp(a, "--create-db") == 0) {
            if (ndbs >= MAX_DBS)
                return die_usage("too many --create-db options (%d at most)", MAX_DBS);
            const char *colon = strchr(v, ':');
            enum srv_dbkind kind = SRV_DB_LOGGED;
            const char *locale = NULL; /* NAME:KIND:LOCALE (docs/charsets.md) */
            if (colon) {
                const char *k = colon + 1, *c2 = strchr(k, ':');
                size_t kl = c2 ? (size_t)(c2 - k) : strlen(k);
                if (kl == 6 && strncmp(k, "logged", kl) == 0)
                    kind = SRV_DB_LOGGED;
                else if (kl == 8 && strncmp(k, "unlogged", kl) == 0)
                    kind = SRV_DB_UNLOGGED;
                else if (kl == 4 && strncmp(k, "ansi", kl) == 0)
                    kind = SRV_DB_ANSI;
                else
                    return die_usage("--create-db: unknown kind in '%s'", v);
                if (c2) {
                    char cs_name[32];
                    locale = c2 + 1;
                    if (!srv_cs_codeset(locale, cs_name, sizeof cs_name))
                        return die_usage("--create-db: unknown code set in locale '%s'", locale);
                }
            }
            char *name = colon ? sq_strndup(v, (size_t)(colon - v)) : sq_strdup(v);
            if (!name || !name[0])
                return die_usage("--create-db: empty name in '%s'", v);
            dbs[ndbs].name = name;
            dbs[ndbs].kind = kind;
            dbs[ndbs].locale = locale;
            ndbs++;
        } else if (strcmp(a, "--server-name") == 0) {
            if (!v[0] || strlen(v) >= SRV_LOGIN_STR)
                return die_usage("--server-name: bad name '%s'", v);
            ctx.server_name = v;
        } else if (strcmp(a, "--profile") == 0) {
            if (srv_profile_set(&ctx.profile, v, err, sizeof err) != 0)
                return die_usage("%s", err);
        } else if (strcmp(a, "--fault") == 0) {
            if (srv_fault_parse(&ctx.faults, v, err, sizeof err) != 0)
                return die_usage("%s", err);
        } else if (strcmp(a, "--lock-timeout") == 0) {
            if (!parse_ms(v, &lock_timeout))
                return die_usage("--lock-timeout: bad value '%s'", v);
        } else if (strcmp(a, "--stall-timeout") == 0) {
            if (!parse_ms(v, &ctx.stall_timeout_ms) || ctx.stall_timeout_ms == 0)
                return die_usage("--stall-timeout: bad value '%s'", v);
        } else if (strcmp(a, "--tls-cert") == 0) {
            tls_cert = v;
        } else if (strcmp(a, "--tls-key") == 0) {
            tls_key = v;
        } else if (strcmp(a, "--tls-client-ca") == 0) {
            tls_client_ca = v;
        } else if (strcmp(a, "--log-level") == 0) {
            enum srv_log_level lvl;
            if (!srv_log_parse_level(v, &lvl))
                return die_usage("--log-level: unknown level '%s'", v);
            srv_log_set_level(lvl);
        } else {
            return die_usage("unknown option '%s'", a);
        }
    }
    if (!listen_at)
        return die_usage("%s", "--listen HOST:PORT is required");
    if (!datadir)
        return die_usage("%s", "--data DIR is required");
    if (nusers == 0)
        return die_usage("%s", "at least one --user NAME:PASSWORD is required "
                               "(no anonymous access)");
    if (!tls_cert != !tls_key)
        return die_usage("%s", "--tls-cert and --tls-key go together");
    if (tls_client_ca && !tls_cert)
        return die_usage("%s", "--tls-client-ca needs --tls-cert and --tls-key");
    if (tls_cert) {
        ctx.tls = srv_tls_new(tls_cert, tls_key, tls_client_ca, err, sizeof err);
        if (!ctx.tls) {
            fprintf(stderr, "ifxlite: %s\n", err);
            return 1;
        }
    }

    char host[256], port[32];
    const char *colon = strrchr(listen_at, ':');
    size_t hl = colon ? (size_t)(colon - listen_at) : 0;
    if (!colon || hl == 0 || hl >= sizeof host || strlen(colon + 1) == 0 ||
        strlen(colon + 1) >= sizeof port)
        return die_usage("--listen wants HOST:PORT, got '%s'", listen_at);
    memcpy(host, listen_at, hl);
    host[hl] = '\0';
    if (host[0] == '[' && hl >= 2 && host[hl - 1] == ']') {
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = '\0';
    }
    snprintf(port, sizeof port, "%s", colon + 1);

    signal(SIGPIPE, SIG_IGN); /* the harness closes our stdout after the first line */

    struct srv_err e;
    memset(&e, 0, sizeof e);
    ctx.eng = srv_engine_new(datadir, &e);
    if (!ctx.eng) {
        fprintf(stderr, "ifxlite: cannot open data directory %s: %d %s\n", datadir, e.sqlcode,
                e.text);
        srv_tls_free(ctx.tls);
        return 1;
    }
    if (lock_timeout >= 0)
        srv_engine_set_lock_timeout(ctx.eng, lock_timeout);
    srv_engine_set_unlogged_begin_error(ctx.eng, ctx.profile.unlogged_begin);
    for (size_t i = 0; i < ndbs; i++) {
        if (srv_engine_create_db_locale(ctx.eng, dbs[i].name, dbs[i].kind, dbs[i].locale, &e) !=
            0) {
            fprintf(stderr, "ifxlite: cannot create database %s: %d %s\n", dbs[i].name, e.sqlcode,
                    e.text);
            srv_engine_free(ctx.eng);
            srv_tls_free(ctx.tls);
            return 1;
        }
    }
    ctx.users = users;
    ctx.nusers = nusers;

    char bound[300];
    int lfd = srv_listen_open(host, port, bound, sizeof bound, err, sizeof err);
    if (lfd < 0) {
        fprintf(stderr, "ifxlite: %s\n", err);
        srv_engine_free(ctx.eng);
        srv_tls_free(ctx.tls);
        return 1;
    }
    printf("listening on %s\n", bound);
    fflush(stdout);
    srv_log(SRV_LOG_INFO, 0, "listening on %s (%s), data %s, server name %s", bound,
            ctx.tls ? "onsocssl" : "onsoctcp", datadir, ctx.server_name);

    int left = srv_listen_run(&ctx, lfd);
    if (left == 0) {
        srv_engine_free(ctx.eng); /* else sessions still use it: leave it to exit */
        srv_tls_free(ctx.tls);
    }
    for (size_t i = 0; i < nusers; i++) {
        explicit_bzero(users[i].password, strlen(users[i].password));
        sq_free(users[i].name);
        sq_free(users[i].password);
    }
    for (size_t i = 0; i < ndbs; i++)
        sq_free((char *)(uintptr_t)dbs[i].name);
    return rc;
}
