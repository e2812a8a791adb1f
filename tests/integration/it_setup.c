/* SPDX-License-Identifier: MIT */
/* it_setup.c - the setup library (libifxodbcS.so) through libodbcinst in a
 * private ODBCSYSINI: SQLConfigDataSource adds, modifies and removes a DSN
 * (checked with SQLGetPrivateProfileString and `odbcinst -q -s`);
 * ODBCINSTConstructProperties lists every keyword of the driver's table;
 * exports are exactly setup/exports.txt; docs/dsn-keywords.md matches the
 * keyword table row by row (so the reference cannot drift). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <odbcinst.h>
#include <odbcinstext.h>

#include "ck_util.h"
#include "dsn.h"

static char dir[64];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* Private odbcinst.ini registering the driver with its setup library, an
 * empty odbc.ini, and the environment pointing unixODBC at them (before any
 * odbcinst call: unixODBC caches these per process). */
static void setup_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/it_setup_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], text[1024];
    snprintf(path, sizeof path, "%s/odbcinst.ini", dir);
    snprintf(text, sizeof text,
             "[ifxodbc]\nDescription = Informix ODBC driver (SQLI)\nDriver = %s\nSetup = %s\n"
             "Threading = 0\n",
             IFXODBC_DRIVER_PATH, IFXODBC_SETUP_PATH);
    write_file(path, text);
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    write_file(path, "");
    setenv("ODBCSYSINI", dir, 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);
    setenv("ODBCINI", path, 1);
    setenv("HOME", dir, 1);
}

static void cleanup_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

static void get(const char *dsn, const char *key, char *buf, int n)
{
    SQLGetPrivateProfileString(dsn, key, "", buf, n, "odbc.ini");
}

/* Output of a shell command (bounded). */
static void run(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = '\0';
    pclose(p);
}

START_TEST(config_data_source)
{
    /* Add: IBM spellings are stored under the canonical names. */
    ck_assert(SQLConfigDataSource(NULL, ODBC_ADD_DSN, "ifxodbc",
                                  "DSN=it_dsn\0Description=test dsn\0SRVR=ol_a\0Host=db1\0"
                                  "Service=9088\0DB=stores\0EnableScrollableCursors=1\0"));
    char v[256];
    get("it_dsn", "Driver", v, sizeof v);
    ck_assert_str_eq(v, "ifxodbc");
    get("it_dsn", "Server", v, sizeof v);
    ck_assert_str_eq(v, "ol_a");
    get("it_dsn", "Database", v, sizeof v);
    ck_assert_str_eq(v, "stores");
    get("it_dsn", "Service", v, sizeof v);
    ck_assert_str_eq(v, "9088");
    char out[4096];
    run("odbcinst -q -s", out, sizeof out);
    ck_assert_msg(strstr(out, "[it_dsn]") != NULL, "odbcinst -q -s: %s", out);

    /* Modify: a new value, and an empty value removes the keyword. */
    ck_assert(SQLConfigDataSource(NULL, ODBC_CONFIG_DSN, "ifxodbc",
                                  "DSN=it_dsn\0Service=9099\0DB=\0"));
    get("it_dsn", "Service", v, sizeof v);
    ck_assert_str_eq(v, "9099");
    get("it_dsn", "Database", v, sizeof v);
    ck_assert_str_eq(v, "");
    get("it_dsn", "Server", v, sizeof v);
    ck_assert_str_eq(v, "ol_a");

    /* Unknown keyword and missing DSN: refused, nothing written. */
    ck_assert(!SQLConfigDataSource(NULL, ODBC_ADD_DSN, "ifxodbc", "DSN=bad_dsn\0Bogus=1\0"));
    DWORD code = 0;
    char msg[512];
    WORD ml = 0;
    ck_assert_int_eq(SQLInstallerError(1, &code, msg, sizeof msg, &ml), SQL_SUCCESS);
    ck_assert_uint_eq(code, ODBC_ERROR_INVALID_KEYWORD_VALUE);
    ck_assert_ptr_nonnull(strstr(msg, "Bogus"));
    ck_assert(!SQLConfigDataSource(NULL, ODBC_ADD_DSN, "ifxodbc", "Host=x\0"));
    run("odbcinst -q -s", out, sizeof out);
    ck_assert_ptr_null(strstr(out, "[bad_dsn]"));

    /* Remove. */
    ck_assert(SQLConfigDataSource(NULL, ODBC_REMOVE_DSN, "ifxodbc", "DSN=it_dsn\0"));
    run("odbcinst -q -s", out, sizeof out);
    ck_assert_msg(strstr(out, "[it_dsn]") == NULL, "still listed: %s", out);
}
END_TEST

START_TEST(properties_cover_table)
{
    HODBCINSTPROPERTY first = NULL;
    ck_assert_int_eq(ODBCINSTConstructProperties((char *)"ifxodbc", &first), ODBCINST_SUCCESS);
    const struct dsn_keyword *kw = dsn_keywords();
    for (size_t i = 0; i < DSN_KW__COUNT; i++) {
        const char *want = kw[i].id == DSN_KW_DSN      ? "Name"
                           : kw[i].id == DSN_KW_DRIVER ? "Driver"
                                                       : kw[i].name;
        HODBCINSTPROPERTY p = first;
        while (p && strcasecmp(p->szName, want) != 0)
            p = p->pNext;
        ck_assert_msg(p != NULL, "property %s missing", want);
        if (kw[i].id == DSN_KW_DSN || kw[i].id == DSN_KW_DRIVER ||
            kw[i].id == DSN_KW_DESCRIPTION)
            continue; /* supplied by odbcinst itself */
        ck_assert_ptr_nonnull(p->pszHelp);
        ck_assert_msg(strstr(p->pszHelp, kw[i].help) == p->pszHelp, "%s help: %s", want,
                      p->pszHelp);
        if (kw[i].is_secret)
            ck_assert_int_eq(p->nPromptType, ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD);
        if (kw[i].kind == DSN_K_BOOL) {
            ck_assert_int_eq(p->nPromptType, ODBCINST_PROMPTTYPE_LISTBOX);
            ck_assert_str_eq(p->aPromptData[0], "Yes");
            ck_assert_str_eq(p->aPromptData[1], "No");
            ck_assert_ptr_null(p->aPromptData[2]);
        }
    }
    ck_assert_int_eq(ODBCINSTDestructProperties(&first), ODBCINST_SUCCESS);
}
END_TEST

START_TEST(exports_exact)
{
    char cmd[512], out[4096];
    snprintf(cmd, sizeof cmd,
             "nm -D --defined-only '%s' | awk '$2 ~ /^[TtWiV]$/ {print $3}' | sed 's/@.*//' | "
             "sort | tr '\\n' ' '",
             IFXODBC_SETUP_PATH);
    run(cmd, out, sizeof out);
    ck_assert_str_eq(out, "ConfigDSN ConfigDriver ODBCINSTGetProperties ");
    snprintf(cmd, sizeof cmd, "grep -E '^[A-Za-z]+$' '%s/setup/exports.txt' | sort | tr '\\n' ' '",
             IFX_SOURCE_DIR);
    run(cmd, out, sizeof out);
    ck_assert_str_eq(out, "ConfigDSN ConfigDriver ODBCINSTGetProperties ");
}
END_TEST

/* docs/dsn-keywords.md: one row per keyword, in table order, with the same
 * name, aliases and default. */
START_TEST(doc_matches_table)
{
    char path[512];
    snprintf(path, sizeof path, "%s/docs/dsn-keywords.md", IFX_SOURCE_DIR);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    const struct dsn_keyword *kw = dsn_keywords();
    size_t i = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "| `", 3) != 0)
            continue;
        ck_assert_msg(i < DSN_KW__COUNT, "extra row: %s", line);
        char want[512];
        int w = snprintf(want, sizeof want, "| `%s` | ", kw[i].name);
        if (!kw[i].aliases[0])
            w += snprintf(want + w, sizeof want - (size_t)w, "-");
        for (size_t a = 0; a < 3 && kw[i].aliases[a]; a++)
            w += snprintf(want + w, sizeof want - (size_t)w, "%s`%s`", a ? ", " : "",
                          kw[i].aliases[a]);
        if (kw[i].def)
            snprintf(want + w, sizeof want - (size_t)w, " | `%s` |", kw[i].def);
        else
            snprintf(want + w, sizeof want - (size_t)w, " | - |");
        ck_assert_msg(strncmp(line, want, strlen(want)) == 0, "row %zu: %s expected %s (regenerate)",
                      i, line,
                      want);
        i++;
    }
    fclose(f);
    ck_assert_msg(i == DSN_KW__COUNT, "%zu rows for %d keywords: run docs/gen-dsn-keywords.py", i,
                  (int)DSN_KW__COUNT);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("setup");
    TCase *tc = tcase_create("setup");
    tcase_add_checked_fixture(tc, setup_dir, cleanup_dir);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, config_data_source);
    tcase_add_test(tc, properties_cover_table);
    tcase_add_test(tc, exports_exact);
    tcase_add_test(tc, doc_matches_table);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
