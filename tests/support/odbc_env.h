/* SPDX-License-Identifier: MIT */
/* odbc_env.h - integration tests through the unixODBC driver manager: start
 * ifxlite, write a private odbcinst.ini / odbc.ini that register the
 * just-built libifxodbc.so and three DSNs, and point unixODBC at them.
 * unixODBC caches ODBCSYSINI/ODBCINSTINI and ini values per process
 * (odbc-notes.md §6): call odbc_test_env_start() before any other ODBC call. */
#ifndef IFXODBC_ODBC_ENV_H
#define IFXODBC_ODBC_ENV_H

#include <stdbool.h>

#include <sql.h>
#include <sqlext.h>

#include "it_server.h"

struct odbc_test_env {
    struct it_server srv;
    char dir[256];
    char dsn[32];
    char connstr[512];
};

/* Start ifxlite (it_server_start(server_args)), write <dir>/odbcinst.ini
 * registering the just-built driver as [ifxodbc] (path from IFXODBC_DRIVER_PATH,
 * Threading = 0) and <dir>/odbc.ini with DSNs "ifxtest" (database testdb,
 * logged), "ifxplain" (plain, unlogged), "ifxansi" (ansidb, ANSI), Host
 * 127.0.0.1, Service <port>, Server ol_ifxlite, UID informix, PWD secret;
 * setenv ODBCSYSINI=dir, ODBCINSTINI=odbcinst.ini, ODBCINI=<dir>/odbc.ini,
 * ODBCSEARCH=ODBC_BOTH_DSN; connstr = "DSN=ifxtest;". False on failure. */
bool odbc_test_env_start(struct odbc_test_env *e, const char *const *server_args);
/* Stop ifxlite and remove the directory. */
void odbc_test_env_stop(struct odbc_test_env *e);
/* Print every diagnostic record of a handle to stderr (for failing assertions). */
void odbc_dump_diag(SQLSMALLINT type, SQLHANDLE h);

/* Rewrite <dir>/odbcinst.ini with unixODBC pooling on ([ODBC] Pooling = Yes
 * plus odbc_extra lines such as "PoolMaxSize = 8\n", or NULL; the driver
 * with CPTimeout = 60). Must run before the process's first ODBC call
 * (unixODBC caches the ini, odbc-notes §6). False when the file cannot be
 * written. */
bool odbc_test_write_pool_ini(const struct odbc_test_env *e, const char *odbc_extra);

/* Seconds on the monotonic clock, for timing assertions. */
double odbc_test_now(void);

/* The absolute path of the built driver (IFXODBC_DRIVER_PATH). */
const char *odbc_test_driver_path(void);

#endif
