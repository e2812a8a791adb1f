/* SPDX-License-Identifier: MIT */
/* test_odbc_dsn.c - DSN keyword table, connection-string parsing (braces,
 * escaped braces, duplicates, whitespace, empty values, unknown keywords),
 * odbc.ini merge precedence (injected lookup and the real libodbcinst with a
 * temporary ODBCINI), validation, completed-string emit (never PWD) and log
 * redaction (driver/odbc/dsn.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ck_util.h"
#include "dsn.h"
#include "sq_alloc.h"

#define END DSN_KW__COUNT

/* Case-insensitive substring test (strcasestr is a GNU extension). */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- keyword table ---------------------------------------------------------- */

START_TEST(keyword_table_is_complete_and_unambiguous)
{
    const struct dsn_keyword *k = dsn_keywords();
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        ck_assert_msg(k[i].name != NULL, "row %zu has no name", i);
        ck_assert_uint_eq(k[i].id, i);
        ck_assert_ptr_nonnull(k[i].help);
        ck_assert(k[i].offset + sizeof(char *) <= offsetof(struct dsn_cfg, src));
        ck_assert_ptr_eq(dsn_keyword_find(k[i].name, strlen(k[i].name)), &k[i]);
        for (size_t a = 0; a < 3 && k[i].aliases[a]; a++)
            ck_assert_ptr_eq(dsn_keyword_find(k[i].aliases[a], strlen(k[i].aliases[a])), &k[i]);
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(k[i].offset != k[j].offset, "rows %zu and %zu share a field", i, j);
    }
    ck_assert_ptr_eq(dsn_keyword_find("srvr", 4), &k[DSN_KW_SERVER]);
    ck_assert_ptr_eq(dsn_keyword_find("PassWord", 8), &k[DSN_KW_PWD]);
    ck_assert_ptr_eq(dsn_keyword_find("DBX", 2), &k[DSN_KW_DATABASE]); /* length-bounded */
    ck_assert_ptr_null(dsn_keyword_find("TranslationDLL", 14));
    ck_assert(k[DSN_KW_PWD].is_secret);
    ck_assert_str_eq(k[DSN_KW_PROTOCOL].def, "onsoctcp");
    ck_assert_str_eq(k[DSN_KW_DELIMIDENT].def, "y");
    ck_assert_str_eq(k[DSN_KW_POOL_DIRTY_RULE].def, "1");
}
END_TEST

/* ---- parse ------------------------------------------------------------------ */

struct kv {
    enum dsn_kw kw;
    const char *val; /* NULL: must be unset */
};

struct parse_case {
    const char *name;
    const char *in;
    enum dsn_rc rc;
    size_t err_off;
    struct kv want[6];
    const char *extra_key, *extra_val; /* one expected unknown keyword, or NULL */
};

static const struct parse_case parse_cases[] = {
    {"plain",
     "DSN=mydsn;UID=joe;PWD=secret",
     DSN_OK,
     0,
     {{DSN_KW_DSN, "mydsn"}, {DSN_KW_UID, "joe"}, {DSN_KW_PWD, "secret"}, {END, NULL}},
     NULL,
     NULL},
    {"trailing_semicolon", "DSN=x;", DSN_OK, 0, {{DSN_KW_DSN, "x"}, {END, NULL}}, NULL, NULL},
    {"whitespace_trimmed",
     " Server = ol_srv ;\tHost=  h1  ",
     DSN_OK,
     0,
     {{DSN_KW_SERVER, "ol_srv"}, {DSN_KW_HOST, "h1"}, {END, NULL}},
     NULL,
     NULL},
    {"braces_keep_semicolon_and_escape",
     "PWD={a;b}}c};UID=u",
     DSN_OK,
     0,
     {{DSN_KW_PWD, "a;b}c"}, {DSN_KW_UID, "u"}, {END, NULL}},
     NULL,
     NULL},
    {"braces_keep_spaces",
     "PWD={ spaced } ;UID=u",
     DSN_OK,
     0,
     {{DSN_KW_PWD, " spaced "}, {DSN_KW_UID, "u"}, {END, NULL}},
     NULL,
     NULL},
    {"empty_braces", "DSN=x;PWD={}", DSN_OK, 0, {{DSN_KW_PWD, ""}, {END, NULL}}, NULL, NULL},
    {"open_brace_in_braces",
     "Database={a{b}",
     DSN_OK,
     0,
     {{DSN_KW_DATABASE, "a{b"}, {END, NULL}},
     NULL,
     NULL},
    {"duplicate_first_wins",
     "UID=first;uid=second;LogonID=third",
     DSN_OK,
     0,
     {{DSN_KW_UID, "first"}, {END, NULL}},
     NULL,
     NULL},
    {"alias_duplicate_first_wins",
     "SRVR=s1;Server=s2;INFORMIXSERVER=s3",
     DSN_OK,
     0,
     {{DSN_KW_SERVER, "s1"}, {END, NULL}},
     NULL,
     NULL},
    {"driver_before_dsn",
     "DRIVER={IBM INFORMIX ODBC DRIVER};DSN=x",
     DSN_OK,
     0,
     {{DSN_KW_DRIVER, "IBM INFORMIX ODBC DRIVER"}, {DSN_KW_DSN, NULL}, {END, NULL}},
     NULL,
     NULL},
    {"dsn_before_driver",
     "DSN=x;DRIVER=y",
     DSN_OK,
     0,
     {{DSN_KW_DSN, "x"}, {DSN_KW_DRIVER, NULL}, {END, NULL}},
     NULL,
     NULL},
    {"dbd_odbc_empty_uid_pwd",
     "DSN=x;UID=;PWD=",
     DSN_OK,
     0,
     {{DSN_KW_DSN, "x"}, {DSN_KW_UID, ""}, {DSN_KW_PWD, ""}, {END, NULL}},
     NULL,
     NULL},
    {"unknown_kept_first_wins",
     "DSN=x;Foo=bar;FOO=baz",
     DSN_OK,
     0,
     {{DSN_KW_DSN, "x"}, {END, NULL}},
     "Foo",
     "bar"},
    {"unknown_value_with_equals", "KEY=a=b", DSN_OK, 0, {{END, NULL}}, "KEY", "a=b"},
    {"empty_segments", ";; DSN=x ;;", DSN_OK, 0, {{DSN_KW_DSN, "x"}, {END, NULL}}, NULL, NULL},
    {"empty_string", "", DSN_OK, 0, {{DSN_KW_DSN, NULL}, {END, NULL}}, NULL, NULL},
    {"ibm_short_names",
     "DB=stores;CLOC=en_US.utf8;DLOC=en_US.819;SERV=9088;PRO=onsocssl",
     DSN_OK,
     0,
     {{DSN_KW_DATABASE, "stores"},
      {DSN_KW_CLIENT_LOCALE, "en_US.utf8"},
      {DSN_KW_DB_LOCALE, "en_US.819"},
      {DSN_KW_SERVICE, "9088"},
      {DSN_KW_PROTOCOL, "onsocssl"},
      {END, NULL}},
     NULL,
     NULL},
    {"braced_with_spaces_around",
     "Database = {my db} ; UID=u",
     DSN_OK,
     0,
     {{DSN_KW_DATABASE, "my db"}, {DSN_KW_UID, "u"}, {END, NULL}},
     NULL,
     NULL},
    {"segment_without_equals", "DSN=x;garbage;UID=u", DSN_SYNTAX, 6, {{END, NULL}}, NULL, NULL},
    {"empty_keyword", "DSN=x; =v", DSN_SYNTAX, 6, {{END, NULL}}, NULL, NULL},
    {"unclosed_brace", "UID=u;PWD={abc", DSN_SYNTAX, 6, {{END, NULL}}, NULL, NULL},
    {"junk_after_brace", "PWD={abc}x;UID=u", DSN_SYNTAX, 0, {{END, NULL}}, NULL, NULL},
};

START_TEST(parse_connection_string)
{
    const struct parse_case *c = &parse_cases[_i];
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    size_t off = 12345;
    enum dsn_rc rc = dsn_parse(&cfg, c->in, strlen(c->in), &off);
    ck_assert_msg(rc == c->rc, "%s: rc %d", c->name, rc);
    if (rc == DSN_SYNTAX)
        ck_assert_uint_eq(off, c->err_off);
    for (size_t i = 0; c->want[i].kw != END; i++) {
        const char *got = dsn_cfg_get(&cfg, c->want[i].kw);
        if (c->want[i].val == NULL) {
            ck_assert_msg(got == NULL, "%s: kw %d set to '%s'", c->name, c->want[i].kw, got);
        } else {
            ck_assert_msg(got != NULL, "%s: kw %d unset", c->name, c->want[i].kw);
            ck_assert_str_eq(got, c->want[i].val);
            ck_assert_int_eq(cfg.src[c->want[i].kw], DSN_SRC_CONNSTR);
        }
    }
    if (rc == DSN_OK) {
        if (c->extra_key) {
            ck_assert_uint_eq(cfg.n_extra, 1);
            ck_assert_str_eq(cfg.extra[0].key, c->extra_key);
            ck_assert_str_eq(cfg.extra[0].value, c->extra_val);
        } else {
            ck_assert_uint_eq(cfg.n_extra, 0);
        }
    }
    dsn_cfg_fini(&cfg);
}
END_TEST

/* Every prefix of every good case: parses or fails cleanly, never crashes. */
START_TEST(parse_every_prefix_is_clean)
{
    for (size_t i = 0; i < (size_t)N(parse_cases); i++) {
        const char *in = parse_cases[i].in;
        for (size_t n = 0; n <= strlen(in); n++) {
            struct dsn_cfg cfg;
            dsn_cfg_init(&cfg);
            size_t off = 999;
            enum dsn_rc rc = dsn_parse(&cfg, in, n, &off);
            ck_assert(rc == DSN_OK || rc == DSN_SYNTAX);
            if (rc == DSN_SYNTAX)
                ck_assert(off < n || n == 0);
            dsn_cfg_fini(&cfg);
        }
    }
}
END_TEST

/* ---- merge with odbc.ini ------------------------------------------------------ */

struct fake_ini {
    const char *section, *key, *value;
};

static struct fake_ini ini_rows[] = {
    {"d1", "Server", "ini_srv"}, {"d1", "Host", "ini_host"},   {"d1", "LogonID", "ini_uid"},
    {"d1", "pwd", "ini_pwd"},    {"d1", "Database", "ini_db"}, {"d1", "SERV", "9999"},
    {"d1", "Driver", "/x.so"},   {"d1", "DELIMIDENT", "y"},    {"d1", "PoolDirtyRule", "0"},
    {"d2", "Server", "other"},   {NULL, NULL, NULL},
};

static int lookups;

static int fake_lookup(void *ctx, const char *section, const char *key, char *buf, size_t n)
{
    const struct fake_ini *rows = ctx;
    lookups++;
    buf[0] = '\0';
    for (size_t i = 0; rows[i].section; i++) {
        if (strcasecmp(rows[i].section, section) == 0 && strcasecmp(rows[i].key, key) == 0) {
            snprintf(buf, n, "%s", rows[i].value);
            return (int)strlen(buf);
        }
    }
    return 0;
}

START_TEST(merge_connstr_over_ini_over_default)
{
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    static const char cs[] = "DSN=d1;Host=cs_host;UID=;PWD=;Database=cs_db";
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, fake_lookup, ini_rows), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_str_eq(cfg.host, "cs_host"); /* connection string beats odbc.ini */
    ck_assert_int_eq(cfg.src[DSN_KW_HOST], DSN_SRC_CONNSTR);
    ck_assert_str_eq(cfg.database, "cs_db");
    ck_assert_str_eq(cfg.server, "ini_srv"); /* odbc.ini fills the rest */
    ck_assert_int_eq(cfg.src[DSN_KW_SERVER], DSN_SRC_INI);
    ck_assert_str_eq(cfg.uid, "ini_uid"); /* empty UID= does not hide the DSN's, via alias */
    ck_assert_str_eq(cfg.pwd, "ini_pwd");
    ck_assert_str_eq(cfg.service, "9999"); /* found under the alias SERV */
    ck_assert_uint_eq(cfg.opt.port, 9999);
    ck_assert_ptr_null(cfg.driver);             /* the section's Driver= is the DM's */
    ck_assert_str_eq(cfg.protocol, "onsoctcp"); /* default */
    ck_assert_int_eq(cfg.src[DSN_KW_PROTOCOL], DSN_SRC_DEFAULT);
    ck_assert(!cfg.opt.pool_dirty_rule); /* odbc.ini beats the default */
    ck_assert(cfg.opt.delimident);
    ck_assert(!cfg.opt.use_tls);
    dsn_cfg_fini(&cfg);
}
END_TEST

START_TEST(merge_without_dsn_reads_no_ini)
{
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    static const char cs[] = "DRIVER=/x.so;Host=h";
    lookups = 0;
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, fake_lookup, ini_rows), DSN_OK);
    ck_assert_int_eq(lookups, 0);
    ck_assert_ptr_null(cfg.server);
    dsn_cfg_fini(&cfg);
}
END_TEST

START_TEST(sqlconnect_style_set_then_merge)
{
    /* SQLConnect(DSN, UID, PWD): the caller sets the three as CONNSTR values. */
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    ck_assert_int_eq(dsn_cfg_set(&cfg, DSN_KW_DSN, "d1", 2, DSN_SRC_CONNSTR), DSN_OK);
    ck_assert_int_eq(dsn_cfg_set(&cfg, DSN_KW_UID, "app", 3, DSN_SRC_CONNSTR), DSN_OK);
    ck_assert_int_eq(dsn_cfg_set(&cfg, DSN_KW_UID, "late", 4, DSN_SRC_CONNSTR), DSN_OK);
    ck_assert_int_eq(dsn_cfg_set(&cfg, DSN_KW_UID, "ini", 3, DSN_SRC_INI), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, fake_lookup, ini_rows), DSN_OK);
    ck_assert_str_eq(cfg.uid, "app");
    ck_assert_str_eq(cfg.pwd, "ini_pwd");
    dsn_cfg_fini(&cfg);
    ck_assert_ptr_null(cfg.uid); /* fini re-initialises */
    ck_assert_ptr_null(cfg.pwd);
}
END_TEST

/* The real lookup through libodbcinst: a temporary ODBCSYSINI/ODBCINI. The
 * test runs in its own forked process, so the DM's per-process ini cache
 * starts empty. */
START_TEST(merge_reads_real_odbc_ini)
{
    char dir[] = "/tmp/ifx_dsn_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], inst[256];
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    snprintf(inst, sizeof inst, "%s/odbcinst.ini", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "[realdsn]\nDriver=/nonexistent.so\nServer=ol_real\nHOST=realhost\n"
               "Service=9090\nDatabase=stores\nLogonID=informix\nPassword=in.secret\n"
               "FBC=32768\n");
    fclose(f);
    f = fopen(inst, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    setenv("ODBCSYSINI", dir, 1);
    setenv("ODBCINI", path, 1);
    setenv("ODBCSEARCH", "ODBC_BOTH_DSN", 1);

    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    static const char cs[] = "DSN=realdsn;Database=other";
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, NULL, NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_ptr_nonnull(cfg.server);
    ck_assert_str_eq(cfg.server, "ol_real");
    ck_assert_str_eq(cfg.host, "realhost"); /* key lookup is case-insensitive */
    ck_assert_uint_eq(cfg.opt.port, 9090);
    ck_assert_str_eq(cfg.database, "other");
    ck_assert_str_eq(cfg.uid, "informix");  /* alias LogonID */
    ck_assert_str_eq(cfg.pwd, "in.secret"); /* alias Password */
    ck_assert_uint_eq(cfg.opt.fetch_buffer_size, 32768);
    dsn_cfg_fini(&cfg);
    unlink(path);
    unlink(inst);
    rmdir(dir);
}
END_TEST

START_TEST(ini_value_too_long_is_refused)
{
    static struct fake_ini rows[] = {{"big", "Database", NULL}, {NULL, NULL, NULL}};
    char *v = malloc(5000);
    memset(v, 'x', 4999);
    v[4999] = '\0';
    rows[0].value = v;
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    ck_assert_int_eq(dsn_cfg_set(&cfg, DSN_KW_DSN, "big", 3, DSN_SRC_CONNSTR), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, fake_lookup, rows), DSN_TOO_LONG);
    dsn_cfg_fini(&cfg);
    free(v);
}
END_TEST

/* ---- validation ------------------------------------------------------------- */

struct finish_case {
    const char *in;
    enum dsn_rc rc;
    enum dsn_kw bad_kw;
};

static const struct finish_case finish_cases[] = {
    {"Protocol=onsoctcp", DSN_OK, END},
    {"Protocol=ONSOCSSL", DSN_OK, END},
    {"Protocol=olsoctcp", DSN_BAD_VALUE, DSN_KW_PROTOCOL},
    {"Protocol=onipcshm", DSN_BAD_VALUE, DSN_KW_PROTOCOL},
    {"Service=9088", DSN_OK, END},
    {"Service=sqlexec", DSN_OK, END},
    {"Service=0", DSN_BAD_VALUE, DSN_KW_SERVICE},
    {"Service=65536", DSN_BAD_VALUE, DSN_KW_SERVICE},
    {"Service=90a", DSN_BAD_VALUE, DSN_KW_SERVICE},
    {"Service={sql exec}", DSN_BAD_VALUE, DSN_KW_SERVICE},
    {"LoginTimeout=30", DSN_OK, END},
    {"LoginTimeout=abc", DSN_BAD_VALUE, DSN_KW_LOGIN_TIMEOUT},
    {"LoginTimeout=-1", DSN_BAD_VALUE, DSN_KW_LOGIN_TIMEOUT},
    {"QueryTimeout=99999999999999", DSN_BAD_VALUE, DSN_KW_QUERY_TIMEOUT},
    {"FetchBufferSize=100", DSN_OK, END}, /* IBM: out of range -> default */
    {"FBS=x", DSN_BAD_VALUE, DSN_KW_FETCH_BUFFER_SIZE},
    {"DELIMIDENT=n", DSN_OK, END},
    {"DELIMIDENT=maybe", DSN_BAD_VALUE, DSN_KW_DELIMIDENT},
    {"SCUR=yes;PoolDirtyRule=off;Trace=true", DSN_OK, END},
    {"UID=;PWD=;DELIMIDENT=", DSN_OK, END},
};

START_TEST(finish_validates_values)
{
    const struct finish_case *c = &finish_cases[_i];
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    ck_assert_int_eq(dsn_parse(&cfg, c->in, strlen(c->in), NULL), DSN_OK);
    enum dsn_kw bad = END;
    enum dsn_rc rc = dsn_cfg_finish(&cfg, &bad);
    ck_assert_msg(rc == c->rc, "%s: rc %d", c->in, rc);
    if (rc != DSN_OK)
        ck_assert_int_eq(bad, c->bad_kw);
    dsn_cfg_fini(&cfg);
}
END_TEST

START_TEST(finish_fills_typed_options)
{
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    static const char cs[] =
        "PRO=onsocssl;SERV=9089;LoginTimeout=15;QueryTimeout=60;FetchBufferSize=100;"
        "SCUR=yes;PoolDirtyRule=off;Trace=true;DELIMIDENT=";
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert(cfg.opt.use_tls);
    ck_assert_uint_eq(cfg.opt.port, 9089);
    ck_assert_uint_eq(cfg.opt.login_timeout, 15);
    ck_assert_uint_eq(cfg.opt.query_timeout, 60);
    ck_assert_uint_eq(cfg.opt.fetch_buffer_size, 65536);
    ck_assert(cfg.opt.scrollable);
    ck_assert(!cfg.opt.pool_dirty_rule);
    ck_assert(cfg.opt.trace);
    ck_assert(cfg.opt.delimident); /* empty -> default y */
    dsn_cfg_fini(&cfg);
}
END_TEST

/* ---- emit ---------------------------------------------------------------------- */

struct emit_case {
    const char *in;
    const char *out;
};

static const struct emit_case emit_cases[] = {
    {"DSN=d;UID=u;PWD=p;Host=h;Foo={a;b}", "DSN=d;Host=h;UID=u;Foo={a;b}"},
    {"DRIVER=drv;Protocol=onsoctcp", "DRIVER=drv;Protocol=onsoctcp"},
    {"DRIVER={my drv};Database={ x};SRVR=a}b", "DRIVER=my drv;Server={a}}b};Database={ x}"},
    {"DSN=d;Password=secret;pwd=other", "DSN=d"},
    {"DSN=d;UID=;PWD=", "DSN=d;UID="},
    {"Host=h", "Host=h"},
};

START_TEST(emit_completed_string)
{
    const struct emit_case *c = &emit_cases[_i];
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    ck_assert_int_eq(dsn_parse(&cfg, c->in, strlen(c->in), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    struct str out = STR_INIT;
    ck_assert_int_eq(dsn_emit(&cfg, &out), DSN_OK);
    ck_assert_str_eq(out.p, c->out);
    ck_assert(!contains_ci(out.p, "PWD"));
    ck_assert(!contains_ci(out.p, "Password"));
    ck_assert(!contains_ci(out.p, "secret"));
    /* round trip: the emitted string parses back to the same values */
    struct dsn_cfg back;
    dsn_cfg_init(&back);
    ck_assert_int_eq(dsn_parse(&back, out.p, out.len, NULL), DSN_OK);
    for (size_t k = 0; k < DSN_KW__COUNT; k++) {
        if (k == DSN_KW_PWD || cfg.src[k] != DSN_SRC_CONNSTR)
            continue;
        ck_assert_str_eq(dsn_cfg_get(&back, (enum dsn_kw)k), dsn_cfg_get(&cfg, (enum dsn_kw)k));
    }
    ck_assert_uint_eq(back.n_extra, cfg.n_extra);
    str_fini(&out);
    dsn_cfg_fini(&back);
    dsn_cfg_fini(&cfg);
}
END_TEST

START_TEST(emit_includes_ini_values_that_differ_from_default)
{
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    static const char cs[] = "DSN=d1;UID=;PWD=";
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_load_ini(&cfg, fake_lookup, ini_rows), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    struct str out = STR_INIT;
    ck_assert_int_eq(dsn_emit(&cfg, &out), DSN_OK);
    /* DELIMIDENT=y from odbc.ini equals the default: not repeated; no PWD */
    ck_assert_str_eq(out.p, "DSN=d1;Server=ini_srv;Host=ini_host;Service=9999;Database=ini_db;"
                            "UID=ini_uid;PoolDirtyRule=0");
    str_fini(&out);
    dsn_cfg_fini(&cfg);
}
END_TEST

/* ---- redact --------------------------------------------------------------------- */

static const struct emit_case redact_cases[] = {
    {"DSN=x;PWD=secret;UID=u", "DSN=x;PWD=***;UID=u"},
    {"Password = {se;cr}}et} ; UID=u", "Password = ***; UID=u"},
    {"pwd={unclosed;UID=u", "pwd=***"},
    {"UID=u;PWD=", "UID=u;PWD=***"},
    {"DSN=x;garbage;pwd=s", "DSN=x;garbage;pwd=***"},
    {"DSN=x;UID=u;", "DSN=x;UID=u;"},
    {"DSN=x;PWD=a;Password=b", "DSN=x;PWD=***;Password=***"},
    {"", ""},
};

START_TEST(redact_hides_passwords)
{
    const struct emit_case *c = &redact_cases[_i];
    struct str out = STR_INIT;
    ck_assert_int_eq(dsn_redact(c->in, strlen(c->in), &out), DSN_OK);
    ck_assert_str_eq(out.p, c->out);
    str_fini(&out);
}
END_TEST

/* Allocation #n fails for n = 1.. until parse + merge + finish + emit all
 * succeed: every failure is DSN_NOMEM and the cfg is still freeable (the
 * 'fault' preset makes this bite). */
START_TEST(allocation_failures_are_clean)
{
    static const char cs[] = "DSN=d1;UID=;PWD={p;w};Host=h;Foo=bar;Baz={q}";
    for (long n = 1; n < 500; n++) {
        struct dsn_cfg cfg;
        dsn_cfg_init(&cfg);
        struct str out = STR_INIT;
        sq_alloc_fail_at(n);
        enum dsn_rc rc = dsn_parse(&cfg, cs, strlen(cs), NULL);
        if (rc == DSN_OK)
            rc = dsn_cfg_load_ini(&cfg, fake_lookup, ini_rows);
        if (rc == DSN_OK)
            rc = dsn_cfg_finish(&cfg, NULL);
        if (rc == DSN_OK)
            rc = dsn_emit(&cfg, &out);
        sq_alloc_fail_at(0);
        dsn_cfg_fini(&cfg);
        if (rc == DSN_OK) {
            ck_assert_str_eq(out.p, "DSN=d1;Server=ini_srv;Host=h;Service=9999;Database=ini_db;"
                                    "UID=ini_uid;PoolDirtyRule=0;Foo=bar;Baz=q");
            str_fini(&out);
            return;
        }
        ck_assert_int_eq(rc, DSN_NOMEM);
        ck_assert_ptr_null(out.p);
    }
    ck_abort_msg("never succeeded");
}
END_TEST

static Suite *dsn_suite(void)
{
    Suite *s = suite_create("odbc_dsn");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, keyword_table_is_complete_and_unambiguous);
    tcase_add_loop_test(tc, parse_connection_string, 0, N(parse_cases));
    tcase_add_test(tc, parse_every_prefix_is_clean);
    tcase_add_test(tc, merge_connstr_over_ini_over_default);
    tcase_add_test(tc, merge_without_dsn_reads_no_ini);
    tcase_add_test(tc, sqlconnect_style_set_then_merge);
    tcase_add_test(tc, merge_reads_real_odbc_ini);
    tcase_add_test(tc, ini_value_too_long_is_refused);
    tcase_add_loop_test(tc, finish_validates_values, 0, N(finish_cases));
    tcase_add_test(tc, finish_fills_typed_options);
    tcase_add_loop_test(tc, emit_completed_string, 0, N(emit_cases));
    tcase_add_test(tc, emit_includes_ini_values_that_differ_from_default);
    tcase_add_loop_test(tc, redact_hides_passwords, 0, N(redact_cases));
    tcase_add_test(tc, allocation_failures_are_clean);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(dsn_suite());
}
