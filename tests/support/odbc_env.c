/* SPDX-License-Identifier: MIT */
/* odbc_env.c - private unixODBC configuration for integration tests: ifxlite
 * child process, odbcinst.ini naming the built driver, odbc.ini with the test
 * DSNs, and a diagnostics dump helper. */
#include "odbc_env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef IFXODBC_DRIVER_PATH
#error "IFXODBC_DRIVER_PATH must be defined by the build"
#endif

const char *odbc_test_driver_path(void)
{
    return IFXODBC_DRIVER_PATH;
}

static bool write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return false;
    }
    bool ok = fputs(text, f) >= 0;
    if (fclose(f) != 0)
        ok = false;
    return ok;
}

static int dsn_section(char *out, size_t cap, const char *name, const char *db, int port)
{
    return snprintf(out, cap,
                    "[%s]\n"
                    "Driver = ifxodbc\n"
                    "Description = ifxlite test database %s\n"
                    "Server = ol_ifxlite\n"
                    "Host = 127.0.0.1\n"
                    "Service = %d\n"
                    "Protocol = onsoctcp\n"
                    "Database = %s\n"
                    "UID = informix\n"
                    "PWD = secret\n\n",
                    name, db, port, db);
}

bool odbc_test_env_start(struct odbc_test_env *e, const char *const *server_args)
{
    memset(e, 0, sizeof *e);
    snprintf(e->dir, sizeof e->dir, "/tmp/ifxodbc-test-XXXXXX");
    if (!mkdtemp(e->dir)) {
        perror("mkdtemp");
        e->dir[0] = '\0';
        return false;
    }
    if (!it_server_start(&e->srv, server_args)) {
        odbc_test_env_stop(e);
        return false;
    }
    char inst[1024];
    snprintf(inst, sizeof inst,
             "[ODBC]\n"
             "Trace = No\n\n"
             "[ifxodbc]\n"
             "Description = Informix ODBC driver (SQLI) under test\n"
             "Driver = %s\n"
             "Driver64 = %s\n"
             "Threading = 0\n"
             "FileUsage = 1\n",
             IFXODBC_DRIVER_PATH, IFXODBC_DRIVER_PATH);
    char ini[2048];
    size_t n = 0;
    static const char *const dsns[][2] = {
        {"ifxtest", "testdb"}, {"ifxplain", "plain"}, {"ifxansi", "ansidb"}};
    for (size_t i = 0; i < 3; i++) {
        int w = dsn_section(ini + n, sizeof ini - n, dsns[i][0], dsns[i][1], e->srv.port);
        if (w < 0 || (size_t)w >= sizeof ini - n)
            return false;
        n += (size_t)w;
    }
    if (!write_file(e->dir, "odbcinst.ini", inst) || !write_file(e->dir, "odbc.ini", ini)) {
        odbc_test_env_stop(e);
        return false;
    }
    char ini_path[512];
    snprintf(ini_path, sizeof ini_path, "%s/odbc.ini", e->dir);
    setenv("ODBCSYSINI", e->dir, 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);
    setenv("ODBCINI", ini_path, 1);
    setenv("ODBCSEARCH", "ODBC_BOTH_DSN", 1);
    snprintf(e->dsn, sizeof e->dsn, "ifxtest");
    snprintf(e->connstr, sizeof e->connstr, "DSN=ifxtest;");
    return true;
}

void odbc_test_env_stop(struct odbc_test_env *e)
{
    it_server_stop(&e->srv);
    if (e->dir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", e->dir);
        if (system(cmd) != 0)
            fprintf(stderr, "odbc_env: could not remove %s\n", e->dir);
        e->dir[0] = '\0';
    }
}

void odbc_dump_diag(SQLSMALLINT type, SQLHANDLE h)
{
    for (SQLSMALLINT i = 1; i < 50; i++) {
        SQLCHAR state[6] = "", msg[1024] = "";
        SQLINTEGER native = 0;
        SQLSMALLINT len = 0;
        SQLRETURN rc = SQLGetDiagRec(type, h, i, state, &native, msg, sizeof msg, &len);
        if (!SQL_SUCCEEDED(rc))
            break;
        fprintf(stderr, "  diag %d: [%s] native %d: %s\n", (int)i, (const char *)state,
                (int)native, (const char *)msg);
    }
}

bool odbc_test_write_pool_ini(const struct odbc_test_env *e, const char *odbc_extra)
{
    char path[512];
    snprintf(path, sizeof path, "%s/odbcinst.ini", e->dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fprintf(f,
            "[ODBC]\nTrace = No\nPooling = Yes\n%s\n"
            "[ifxodbc]\nDescription = pooled\nDriver = %s\nDriver64 = %s\n"
            "Threading = 0\nCPTimeout = 60\nFileUsage = 1\n",
            odbc_extra ? odbc_extra : "", odbc_test_driver_path(), odbc_test_driver_path());
    return fclose(f) == 0;
}

double odbc_test_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
