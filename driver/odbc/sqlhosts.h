/* SPDX-License-Identifier: MIT */
/* sqlhosts.h - Informix sqlhosts file parse and Server= resolution into an
 * ordered list of connect targets (host, service, TLS or not), including
 * server groups (failover) and a DSN host list (Host=a,b:port,[v6]:port).
 * Pure: the file is read by sqlhosts_load(); env and /etc/services lookups go
 * through replaceable callbacks so that tests need no real environment. */
#ifndef IFXODBC_SQLHOSTS_H
#define IFXODBC_SQLHOSTS_H

#include <stdbool.h>
#include <stddef.h>

#include "dsn.h"

/* Bounds: a bigger file or entry is refused (never trusted). */
#define SQLHOSTS_MAX_FILE    (1u << 20) /* bytes of an sqlhosts file */
#define SQLHOSTS_MAX_ENTRIES 4096
#define SQLHOSTS_MAX_TARGETS 64 /* members of one group / hosts of one host list */
#define SQLHOSTS_NAME_MAX    128
#define SQLHOSTS_HOST_MAX    255
#define SQLHOSTS_SERV_MAX    63

enum sqlhosts_rc {
    SQLHOSTS_OK = 0,
    SQLHOSTS_NOMEM,
    SQLHOSTS_SYNTAX,    /* a line with too few fields or an over-long field */
    SQLHOSTS_NO_FILE,   /* the file cannot be read */
    SQLHOSTS_TOO_BIG,   /* file, entry count or group size over the bounds above */
    SQLHOSTS_NOT_FOUND, /* no entry for the server name */
    SQLHOSTS_REFUSED,   /* nettype we do not speak (drsoctcp, onipcshm ...) */
    SQLHOSTS_BAD_VALUE  /* empty group, bad host list, unknown service name */
};

struct sqlhosts_entry {
    char name[SQLHOSTS_NAME_MAX + 1];
    char nettype[32];
    char host[SQLHOSTS_HOST_MAX + 1];
    char service[SQLHOSTS_SERV_MAX + 1];
    char group[SQLHOSTS_NAME_MAX + 1]; /* g= option: the group this entry belongs to */
    char end[SQLHOSTS_NAME_MAX + 1];   /* e= option of a group: its last member */
    bool is_group;                     /* nettype "group" */
    unsigned line;                     /* 1-based line in the file */
};

struct sqlhosts {
    struct sqlhosts_entry *e;
    size_t n;
};

/* One place to try, in order. `refused` is non-empty when this member cannot
 * be tried at all (nettype, unknown service): it is then reported as that
 * member's failure reason without a connect attempt. */
struct sqlhosts_target {
    char server[SQLHOSTS_NAME_MAX + 1]; /* dbservername sent in the login ("" = as given) */
    char host[SQLHOSTS_HOST_MAX + 1];
    char service[SQLHOSTS_SERV_MAX + 1]; /* decimal port after resolution */
    bool tls;                            /* onsocssl */
    char refused[160];
};

/* Parse sqlhosts text[0..len): lines of `dbservername nettype hostname
 * servicename [options]`, fields separated by blanks or tabs, '#' starts a
 * comment, blank lines ignored. Options: comma-separated k=v (g= group,
 * e= end of group, c=, k=, s=, b=, i=, ... accepted; only g= and e= matter
 * here). nettype "group" makes a group entry (hostname/service "-"). On
 * SQLHOSTS_SYNTAX *err_line (if not NULL) is the 1-based line. */
enum sqlhosts_rc sqlhosts_parse(const char *text, size_t len, struct sqlhosts *out,
                                unsigned *err_line);
void sqlhosts_free(struct sqlhosts *h);

/* Read and parse a file (at most SQLHOSTS_MAX_FILE bytes). err gets a
 * human-readable reason on failure. */
enum sqlhosts_rc sqlhosts_load(const char *path, struct sqlhosts *out, char *err, size_t errcap);

/* Environment for resolution (NULL members: getenv / getservbyname). */
struct sqlhosts_env {
    const char *(*get_env)(const char *name);
    /* Port of a service name (host byte order), 0 when unknown. */
    unsigned (*service_port)(const char *name);
};

/* Which sqlhosts file applies: the DSN keyword SQLHOSTS, else
 * $INFORMIXSQLHOSTS, else $INFORMIXDIR/etc/sqlhosts; NULL when none.
 * The result is written into buf. */
const char *sqlhosts_path(const char *dsn_value, const struct sqlhosts_env *env, char *buf,
                          size_t cap);

/* Resolve `server` in h: a plain entry gives one target, a group gives its
 * members in file order (up to its e= member). Nested groups are refused.
 * *out is allocated (sq_free it). */
enum sqlhosts_rc sqlhosts_resolve(const struct sqlhosts *h, const char *server,
                                  const struct sqlhosts_env *env, struct sqlhosts_target **out,
                                  size_t *n, char *err, size_t errcap);

/* A DSN host list: "a,b:9089,[::1]:9090"; a host without a port takes
 * `service` (a port or service name; may be NULL when every item has one). */
enum sqlhosts_rc sqlhosts_host_list(const char *hosts, const char *service, bool tls,
                                    const struct sqlhosts_env *env, struct sqlhosts_target **out,
                                    size_t *n, char *err, size_t errcap);

/* The targets of a connection: with Host or Service given, the host list
 * (Host default "localhost"); otherwise Server (default $INFORMIXSERVER)
 * through the sqlhosts file. cfg must have passed dsn_cfg_finish(). */
enum sqlhosts_rc sqlhosts_targets(const struct dsn_cfg *cfg, const struct sqlhosts_env *env,
                                  struct sqlhosts_target **out, size_t *n, char *err,
                                  size_t errcap);

#endif
