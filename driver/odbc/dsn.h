/* SPDX-License-Identifier: MIT */
/* dsn.h - DSN / connection-string keywords (one table, libpq's conninfo idea),
 * connection-string parse, odbc.ini merge, completed-string emit, redaction.
 * ODBC layer; pure except dsn_cfg_load_ini(), which reads odbc.ini through
 * libodbcinst and must be called before any driver lock is taken. */
#ifndef IFXODBC_DSN_H
#define IFXODBC_DSN_H

#include <stdbool.h>
#include <stddef.h>

#include "enc.h"

/* Keyword ids. The table in dsn.c is keyed by these (designated initializers). */
enum dsn_kw {
    DSN_KW_DSN,
    DSN_KW_DRIVER,
    DSN_KW_DESCRIPTION,
    DSN_KW_SERVER,
    DSN_KW_HOST,
    DSN_KW_SERVICE,
    DSN_KW_PROTOCOL,
    DSN_KW_DATABASE,
    DSN_KW_UID,
    DSN_KW_PWD,
    DSN_KW_CLIENT_LOCALE,
    DSN_KW_DB_LOCALE,
    DSN_KW_LOGIN_TIMEOUT,
    DSN_KW_QUERY_TIMEOUT,
    DSN_KW_FETCH_BUFFER_SIZE,
    DSN_KW_DELIMIDENT,
    DSN_KW_SCROLLABLE,
    DSN_KW_POOL_DIRTY_RULE,
    DSN_KW_OPTIONS,
    DSN_KW_TRACE,
    DSN_KW_TRACE_FILE,
    DSN_KW_ENCRYPT, /* TLS (issue #8): Encrypt=yes is Protocol=onsocssl */
    DSN_KW_TLS_CA_FILE,
    DSN_KW_TLS_SERVER_NAME,
    DSN_KW_TLS_FINGERPRINT,
    DSN_KW_TLS_CLIENT_CERT,
    DSN_KW_TLS_CLIENT_KEY,
    DSN_KW_TLS_VERIFY,
    DSN_KW_PIPELINE_DEPTH, /* parameter-array groups in flight (pipelined execution) */
    DSN_KW_SQLHOSTS,       /* sqlhosts file resolving Server= (issue #9) */
    DSN_KW_KEEPALIVE_IDLE, /* TCP keepalive (issue #7) */
    DSN_KW_KEEPALIVE_INTERVAL,
    DSN_KW_KEEPALIVE_COUNT,
    DSN_KW__COUNT
};

/* Kind of value: decides validation in dsn_cfg_finish(). */
enum dsn_kind {
    DSN_K_STRING,
    DSN_K_BOOL,      /* y/n, yes/no, 1/0, true/false, on/off (any case) */
    DSN_K_UINT,      /* decimal seconds / bytes, range per keyword */
    DSN_K_PROTOCOL,  /* onsoctcp (default) or onsocssl */
    DSN_K_SERVICE,   /* port number 1..65535 or an /etc/services name */
    DSN_K_TLS_VERIFY /* full (default) or insecure-no-verify */
};

/* Where a value came from (precedence: CONNSTR > INI > DEFAULT). */
enum dsn_src { DSN_SRC_NONE = 0, DSN_SRC_DEFAULT, DSN_SRC_INI, DSN_SRC_CONNSTR };

struct dsn_keyword {
    enum dsn_kw id;
    const char *name;       /* canonical spelling: emitted and looked up in odbc.ini */
    const char *aliases[3]; /* other accepted spellings (IBM short forms), NULL-ended */
    size_t offset;          /* offsetof(struct dsn_cfg, field): a char * */
    const char *def;        /* default value, or NULL for none */
    bool is_secret;         /* never emitted, redacted in logs, zeroed on free */
    enum dsn_kind kind;
    unsigned long min, max; /* DSN_K_UINT range */
    const char *help;       /* one line, for setup/ (ODBCINSTGetProperties) */
};

/* A keyword we do not know: kept so that the completed string repeats it. */
struct dsn_extra {
    char *key;
    char *value;
};

struct dsn_cfg {
    /* Raw values (UTF-8, NUL-terminated, owned; NULL = not set). */
    char *dsn;
    char *driver;
    char *description;
    char *server;
    char *host;
    char *service;
    char *protocol;
    char *database;
    char *uid;
    char *pwd;
    char *client_locale;
    char *db_locale;
    char *login_timeout;
    char *query_timeout;
    char *fetch_buffer_size;
    char *delimident;
    char *scrollable;
    char *pool_dirty_rule;
    char *options;
    char *trace;
    char *trace_file;
    char *encrypt;
    char *tls_ca_file;
    char *tls_server_name;
    char *tls_fingerprint;
    char *tls_client_cert;
    char *tls_client_key;
    char *tls_verify;
    char *pipeline_depth;
    char *sqlhosts;
    char *keepalive_idle;
    char *keepalive_interval;
    char *keepalive_count;
    unsigned char src[DSN_KW__COUNT]; /* enum dsn_src of each value */

    struct dsn_extra *extra; /* unknown keywords, in order of appearance */
    size_t n_extra;

    /* Typed values, valid after dsn_cfg_finish() returned DSN_OK. */
    struct {
        bool use_tls;           /* Protocol=onsocssl or Encrypt=yes (either one is enough) */
        bool tls_insecure;      /* TLSVerify=insecure-no-verify (development only) */
        unsigned port;          /* 0 when Service is a service name */
        unsigned login_timeout; /* seconds, 0 = none */
        unsigned query_timeout; /* seconds, 0 = none */
        unsigned fetch_buffer_size;
        unsigned pipeline_depth; /* PipelineDepth (default 256; 1 = a round trip per set) */
        bool delimident;
        bool scrollable;
        bool pool_dirty_rule;
        bool trace;
        unsigned keepalive_idle;     /* seconds; 0 = OS default */
        unsigned keepalive_interval; /* seconds; 0 = OS default */
        unsigned keepalive_count;    /* probes; 0 = OS default */
    } opt;
};

enum dsn_rc {
    DSN_OK = 0,
    DSN_SYNTAX,    /* malformed connection string; *err_off says where */
    DSN_BAD_VALUE, /* a value failed validation; *err_kw says which keyword */
    DSN_NOMEM,
    DSN_TOO_LONG /* a value read from odbc.ini may have been cut by the buffer */
};

/* The keyword table (DSN_KW__COUNT rows, indexed by enum dsn_kw). */
const struct dsn_keyword *dsn_keywords(void);

/* Find a keyword by name or alias, case-insensitively; key[0..len) need not
 * be NUL-terminated. NULL when unknown. */
const struct dsn_keyword *dsn_keyword_find(const char *key, size_t len);

void dsn_cfg_init(struct dsn_cfg *cfg);
/* Frees everything; secret values are zeroed (explicit_bzero) first. The cfg
 * is re-initialised (reusable). NULL is a no-op. */
void dsn_cfg_fini(struct dsn_cfg *cfg);

/* Read the raw value of a keyword (NULL when not set). */
const char *dsn_cfg_get(const struct dsn_cfg *cfg, enum dsn_kw kw);

/* Set a keyword's value from `src`, if `src` takes precedence over what is
 * there (a value from a higher or equal source is kept: equal source keeps
 * the first value, so that duplicates in a connection string resolve "first
 * wins"). An empty value from the connection string counts as "not given"
 * when a lower source has a non-empty value: see dsn_cfg_load_ini(). */
enum dsn_rc dsn_cfg_set(struct dsn_cfg *cfg, enum dsn_kw kw, const char *value, size_t len,
                        enum dsn_src src);

/* Parse an ODBC connection string s[0..len) into cfg (source CONNSTR).
 * Grammar (ODBC SQLDriverConnect): attribute[;attribute]...[;], attribute =
 * keyword=value | keyword={value}. Keys are trimmed of spaces; unbraced values
 * too (brace a value to keep its outer spaces). Inside braces `}}` is a literal
 * `}`; after the closing brace only spaces may precede `;`. Keywords compare
 * case-insensitively, aliases count as the same keyword, and for a repeated
 * keyword the first occurrence wins (ODBC spec: "the driver uses the value
 * associated with the first occurrence"). DSN and DRIVER: whichever comes
 * first is used and the other ignored (ODBC spec). Unknown keywords are kept
 * in cfg->extra (first occurrence wins too) and otherwise ignored. Empty
 * segments (";;") are skipped. A non-empty segment without `=`, an empty
 * keyword or an unclosed brace give DSN_SYNTAX with *err_off (if not NULL)
 * at the byte offset of the segment. */
enum dsn_rc dsn_parse(struct dsn_cfg *cfg, const char *s, size_t len, size_t *err_off);

/* odbc.ini lookup: like SQLGetPrivateProfileString(section, key, "", buf, n,
 * "odbc.ini"): writes a NUL-terminated value (empty when absent), returns
 * its length. */
typedef int (*dsn_lookup_fn)(void *ctx, const char *section, const char *key, char *buf, size_t n);

/* The real lookup through libodbcinst (SQLGetPrivateProfileString). */
int dsn_lookup_odbcinst(void *ctx, const char *section, const char *key, char *buf, size_t n);

/* Fill keywords that are not set, or set to "" by the connection string (as
 * DBD::ODBC's appended "UID=;PWD=" are), from the DSN's odbc.ini section:
 * for each keyword the canonical name, then each alias; the first non-empty
 * value wins. Does nothing without a DSN value. lookup == NULL uses
 * dsn_lookup_odbcinst. Plain function, no locks: call before taking the dbc
 * lock (the profile API has its own locks and caches). */
enum dsn_rc dsn_cfg_load_ini(struct dsn_cfg *cfg, dsn_lookup_fn lookup, void *ctx);

/* Apply defaults to unset keywords, then validate and fill cfg->opt.
 * DSN_BAD_VALUE with *err_kw (if not NULL) on the first bad value (for
 * example Protocol=olsoctcp, Service=0, LoginTimeout=abc). */
enum dsn_rc dsn_cfg_finish(struct dsn_cfg *cfg, enum dsn_kw *err_kw);

/* Build the completed connection string for SQLDriverConnect's
 * OutConnectionString into *out (replacing its content): DSN=... or
 * DRIVER=... first, then, in table order, every keyword that was given in
 * the connection string or whose value differs from its default, then the
 * unknown keywords. Values containing ';', '{', '}' or outer spaces are
 * braced (`}` doubled). PWD is NEVER emitted (issue #8 / TLS rule: the
 * returned string must not echo the password; an application reusing it
 * supplies the password again). */
enum dsn_rc dsn_emit(const struct dsn_cfg *cfg, struct str *out);

/* Copy connection string s[0..len) for logging with the value of every
 * secret keyword (PWD, Password) replaced by "***". Works on malformed input
 * too: an unclosed brace after a secret key hides the rest of the string. */
enum dsn_rc dsn_redact(const char *s, size_t len, struct str *out);

#endif
