/* SPDX-License-Identifier: MIT */
/* test_odbc_sqlhosts.c - sqlhosts parse and resolution: plain, TLS and group
 * entries, e= group end, refused nettypes, service names, DSN host lists,
 * the file search order, and bad input (truncated at every length). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ck_util.h"
#include "dsn.h"
#include "sq_alloc.h"
#include "sqlhosts.h"

static const char sample[] =
    "# sqlhosts for the tests\n"
    "ol_plain   onsoctcp   db1.example.com  9088\n"
    "ol_tls\tonsocssl\tdb2.example.com\t9089   k=1,s=0   # TLS listener\n"
    "\n"
    "g_clust    group      -                -      i=10,c=0,e=ol_m3\n"
    "ol_m1      onsoctcp   m1.example.com   sqlexec    g=g_clust\n"
    "ol_m2      drsoctcp   m2.example.com   9090       g=g_clust\n"
    "ol_m3      onsocssl   m3.example.com   9091       g=g_clust\n"
    "ol_m4      onsoctcp   m4.example.com   9092       g=g_clust\n"
    "ol_shm     onipcshm   localhost        whatever\n"
    "g_empty    group      -                -\n"
    "ol_badserv onsoctcp   h                nosuchservice\n";

static const char *fake_env_vals[][2] = {
    {"INFORMIXSQLHOSTS", NULL}, {"INFORMIXDIR", NULL}, {"INFORMIXSERVER", NULL}};

static const char *fake_getenv(const char *name)
{
    for (size_t i = 0; i < sizeof fake_env_vals / sizeof fake_env_vals[0]; i++)
        if (strcmp(fake_env_vals[i][0], name) == 0)
            return fake_env_vals[i][1];
    return NULL;
}

static unsigned fake_port(const char *name)
{
    return strcmp(name, "sqlexec") == 0 ? 1526u : 0u;
}

static const struct sqlhosts_env fenv = {fake_getenv, fake_port};

static void set_env(const char *sqlhosts, const char *dir, const char *server)
{
    fake_env_vals[0][1] = sqlhosts;
    fake_env_vals[1][1] = dir;
    fake_env_vals[2][1] = server;
}

START_TEST(parse_fields)
{
    struct sqlhosts h;
    unsigned line = 0;
    ck_assert_int_eq(sqlhosts_parse(sample, strlen(sample), &h, &line), SQLHOSTS_OK);
    ck_assert_uint_eq(h.n, 10);
    ck_assert_str_eq(h.e[1].name, "ol_tls");
    ck_assert_str_eq(h.e[1].nettype, "onsocssl");
    ck_assert_str_eq(h.e[1].host, "db2.example.com");
    ck_assert_str_eq(h.e[1].service, "9089");
    ck_assert_uint_eq(h.e[1].line, 3);
    ck_assert(h.e[2].is_group);
    ck_assert_str_eq(h.e[2].end, "ol_m3");
    ck_assert_str_eq(h.e[3].group, "g_clust");
    ck_assert(!h.e[3].is_group);
    sqlhosts_free(&h);
}
END_TEST

START_TEST(resolve_plain_and_tls)
{
    struct sqlhosts h;
    char err[256];
    ck_assert_int_eq(sqlhosts_parse(sample, strlen(sample), &h, NULL), SQLHOSTS_OK);
    struct sqlhosts_target *t = NULL;
    size_t n = 0;
    ck_assert_int_eq(sqlhosts_resolve(&h, "ol_plain", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(t[0].server, "ol_plain");
    ck_assert_str_eq(t[0].host, "db1.example.com");
    ck_assert_str_eq(t[0].service, "9088");
    ck_assert(!t[0].tls);
    sq_free(t);
    ck_assert_int_eq(sqlhosts_resolve(&h, "ol_tls", &fenv, &t, &n, err, sizeof err), SQLHOSTS_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert(t[0].tls);
    ck_assert_str_eq(t[0].service, "9089");
    sq_free(t);
    /* Names are case-sensitive, as in Informix. */
    ck_assert_int_eq(sqlhosts_resolve(&h, "OL_PLAIN", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_NOT_FOUND);
    ck_assert_ptr_null(t);
    ck_assert_ptr_nonnull(strstr(err, "OL_PLAIN"));
    sqlhosts_free(&h);
}
END_TEST

START_TEST(resolve_group)
{
    struct sqlhosts h;
    char err[256];
    ck_assert_int_eq(sqlhosts_parse(sample, strlen(sample), &h, NULL), SQLHOSTS_OK);
    struct sqlhosts_target *t = NULL;
    size_t n = 0;
    ck_assert_int_eq(sqlhosts_resolve(&h, "g_clust", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_OK);
    ck_assert_uint_eq(n, 3); /* e=ol_m3: ol_m4 is not a member */
    ck_assert_str_eq(t[0].server, "ol_m1");
    ck_assert_str_eq(t[0].service, "1526"); /* sqlexec through the service lookup */
    ck_assert_str_eq(t[0].refused, "");
    ck_assert_str_eq(t[1].server, "ol_m2");
    ck_assert_ptr_nonnull(strstr(t[1].refused, "DRDA")); /* tried as a failed member */
    ck_assert_str_eq(t[2].server, "ol_m3");
    ck_assert(t[2].tls);
    ck_assert_str_eq(t[2].host, "m3.example.com");
    sq_free(t);
    ck_assert_int_eq(sqlhosts_resolve(&h, "g_empty", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_ptr_nonnull(strstr(err, "no members"));
    sqlhosts_free(&h);
}
END_TEST

START_TEST(resolve_refused)
{
    struct sqlhosts h;
    char err[256];
    ck_assert_int_eq(sqlhosts_parse(sample, strlen(sample), &h, NULL), SQLHOSTS_OK);
    struct sqlhosts_target *t = NULL;
    size_t n = 0;
    ck_assert_int_eq(sqlhosts_resolve(&h, "ol_m2", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_REFUSED);
    ck_assert_ptr_nonnull(strstr(err, "drsoctcp"));
    ck_assert_int_eq(sqlhosts_resolve(&h, "ol_shm", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_REFUSED);
    ck_assert_ptr_nonnull(strstr(err, "onipcshm"));
    ck_assert_int_eq(sqlhosts_resolve(&h, "ol_badserv", &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_REFUSED);
    ck_assert_ptr_nonnull(strstr(err, "nosuchservice"));
    ck_assert_ptr_null(t);
    sqlhosts_free(&h);
}
END_TEST

START_TEST(parse_errors)
{
    struct sqlhosts h;
    unsigned line = 0;
    const char *bad = "ok onsoctcp h 1\nshort onsoctcp h\n";
    ck_assert_int_eq(sqlhosts_parse(bad, strlen(bad), &h, &line), SQLHOSTS_SYNTAX);
    ck_assert_uint_eq(line, 2);
    ck_assert_ptr_null(h.e);
    /* Over-long name. */
    char longname[400];
    memset(longname, 'a', 200);
    snprintf(longname + 200, sizeof longname - 200, " onsoctcp h 1\n");
    ck_assert_int_eq(sqlhosts_parse(longname, strlen(longname), &h, &line), SQLHOSTS_SYNTAX);
    ck_assert_uint_eq(line, 1);
    /* Only comments and blanks: no entries, fine. */
    const char *empty = "# nothing\n\n   \t\n";
    ck_assert_int_eq(sqlhosts_parse(empty, strlen(empty), &h, &line), SQLHOSTS_OK);
    ck_assert_uint_eq(h.n, 0);
    sqlhosts_free(&h);
}
END_TEST

/* Every prefix of the sample parses or fails cleanly (no crash, no leak). */
START_TEST(parse_truncated)
{
    size_t len = strlen(sample);
    for (size_t i = 0; i <= len; i++) {
        struct sqlhosts h;
        unsigned line = 0;
        enum sqlhosts_rc rc = sqlhosts_parse(sample, i, &h, &line);
        ck_assert(rc == SQLHOSTS_OK || rc == SQLHOSTS_SYNTAX);
        if (rc == SQLHOSTS_OK) {
            char err[256];
            struct sqlhosts_target *t = NULL;
            size_t n = 0;
            if (sqlhosts_resolve(&h, "g_clust", &fenv, &t, &n, err, sizeof err) == SQLHOSTS_OK)
                ck_assert_uint_ge(n, 1);
            sq_free(t);
        } else {
            ck_assert_ptr_null(h.e);
        }
        sqlhosts_free(&h);
    }
}
END_TEST

START_TEST(host_list)
{
    struct sqlhosts_target *t = NULL;
    size_t n = 0;
    char err[256];
    ck_assert_int_eq(sqlhosts_host_list("a, b:9089 ,[::1]:9090,c:sqlexec", "9088", false, &fenv,
                                        &t, &n, err, sizeof err),
                     SQLHOSTS_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(t[0].host, "a");
    ck_assert_str_eq(t[0].service, "9088");
    ck_assert_str_eq(t[1].host, "b");
    ck_assert_str_eq(t[1].service, "9089");
    ck_assert_str_eq(t[2].host, "::1");
    ck_assert_str_eq(t[2].service, "9090");
    ck_assert_str_eq(t[3].service, "1526");
    ck_assert_str_eq(t[0].server, "");
    sq_free(t);
    /* A bare IPv6 address (two colons) is a host, not host:port. */
    ck_assert_int_eq(sqlhosts_host_list("::1", "9088", true, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_OK);
    ck_assert_str_eq(t[0].host, "::1");
    ck_assert(t[0].tls);
    sq_free(t);
    ck_assert_int_eq(sqlhosts_host_list("a,,b", "1", false, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_int_eq(sqlhosts_host_list("a", NULL, false, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_ptr_nonnull(strstr(err, "No Service"));
    ck_assert_int_eq(sqlhosts_host_list("a:70000", NULL, false, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_int_eq(sqlhosts_host_list("[::1", "1", false, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_int_eq(sqlhosts_host_list("a:nosuch", NULL, false, &fenv, &t, &n, err, sizeof err),
                     SQLHOSTS_BAD_VALUE);
    ck_assert_ptr_null(t);
}
END_TEST

START_TEST(path_order)
{
    char buf[256];
    set_env(NULL, NULL, NULL);
    ck_assert_ptr_null(sqlhosts_path(NULL, &fenv, buf, sizeof buf));
    set_env(NULL, "/opt/ifx", NULL);
    ck_assert_str_eq(sqlhosts_path(NULL, &fenv, buf, sizeof buf), "/opt/ifx/etc/sqlhosts");
    set_env("/etc/my_sqlhosts", "/opt/ifx", NULL);
    ck_assert_str_eq(sqlhosts_path("", &fenv, buf, sizeof buf), "/etc/my_sqlhosts");
    ck_assert_str_eq(sqlhosts_path("/dsn/file", &fenv, buf, sizeof buf), "/dsn/file");
    set_env(NULL, NULL, NULL);
}
END_TEST

static char tmpfile_path[64];

static void write_sample(void)
{
    snprintf(tmpfile_path, sizeof tmpfile_path, "/tmp/sqlhosts_test_XXXXXX");
    int fd = mkstemp(tmpfile_path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, sample, strlen(sample)), (ssize_t)strlen(sample));
    close(fd);
}

/* dsn_cfg -> targets: Server through the DSN's SQLHOSTS, INFORMIXSERVER as the
 * default, Host/Service taking precedence, a TLS DSN forcing TLS. */
START_TEST(targets_from_cfg)
{
    write_sample();
    struct dsn_cfg cfg;
    dsn_cfg_init(&cfg);
    char cs[256];
    snprintf(cs, sizeof cs, "Server=g_clust;SQLHOSTS=%s", tmpfile_path);
    ck_assert_int_eq(dsn_parse(&cfg, cs, strlen(cs), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    struct sqlhosts_target *t = NULL;
    size_t n = 0;
    char err[256];
    set_env(NULL, NULL, NULL);
    ck_assert_int_eq(sqlhosts_targets(&cfg, &fenv, &t, &n, err, sizeof err), SQLHOSTS_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(t[0].server, "ol_m1");
    sq_free(t);
    dsn_cfg_fini(&cfg);

    /* No Server: INFORMIXSERVER; file from INFORMIXSQLHOSTS; Encrypt forces TLS. */
    set_env(tmpfile_path, NULL, "ol_plain");
    const char *cs2 = "Encrypt=yes";
    ck_assert_int_eq(dsn_parse(&cfg, cs2, strlen(cs2), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_int_eq(sqlhosts_targets(&cfg, &fenv, &t, &n, err, sizeof err), SQLHOSTS_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(t[0].host, "db1.example.com");
    ck_assert(t[0].tls);
    sq_free(t);
    dsn_cfg_fini(&cfg);

    /* Host given: the host list wins over Server. */
    const char *cs3 = "Server=ol_plain;Host=h1,h2;Service=7000";
    ck_assert_int_eq(dsn_parse(&cfg, cs3, strlen(cs3), NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_int_eq(sqlhosts_targets(&cfg, &fenv, &t, &n, err, sizeof err), SQLHOSTS_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(t[1].host, "h2");
    ck_assert_str_eq(t[1].service, "7000");
    sq_free(t);
    dsn_cfg_fini(&cfg);

    /* Nothing at all. */
    set_env(NULL, NULL, NULL);
    ck_assert_int_eq(dsn_parse(&cfg, "UID=x", 5, NULL), DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_int_ne(sqlhosts_targets(&cfg, &fenv, &t, &n, err, sizeof err), SQLHOSTS_OK);
    ck_assert_ptr_nonnull(strstr(err, "INFORMIXSERVER"));
    dsn_cfg_fini(&cfg);
    /* A missing file. */
    ck_assert_int_eq(dsn_parse(&cfg, "Server=x;SQLHOSTS=/nonexistent/sqlhosts", 39, NULL),
                     DSN_OK);
    ck_assert_int_eq(dsn_cfg_finish(&cfg, NULL), DSN_OK);
    ck_assert_int_eq(sqlhosts_targets(&cfg, &fenv, &t, &n, err, sizeof err), SQLHOSTS_NO_FILE);
    dsn_cfg_fini(&cfg);
    unlink(tmpfile_path);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sqlhosts");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parse_fields);
    tcase_add_test(tc, resolve_plain_and_tls);
    tcase_add_test(tc, resolve_group);
    tcase_add_test(tc, resolve_refused);
    tcase_add_test(tc, parse_errors);
    tcase_add_test(tc, parse_truncated);
    tcase_add_test(tc, host_list);
    tcase_add_test(tc, path_order);
    tcase_add_test(tc, targets_from_cfg);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
