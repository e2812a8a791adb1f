/* SPDX-License-Identifier: MIT */
/* it_server.h - start and stop a real ifxlite process for integration tests.
 * Each call gets a fresh data directory and an ephemeral port. */
#ifndef IFXODBC_IT_SERVER_H
#define IFXODBC_IT_SERVER_H

#include <stdbool.h>
#include <sys/types.h>

struct it_server {
    pid_t pid;
    char host[64];
    int port;
    char port_str[16];
    char datadir[256];
};

/* Start ifxlite: --listen 127.0.0.1:0 --data <fresh dir> plus `args`
 * (NULL-terminated; may be NULL). With no --user in args, adds
 * "--user informix:secret"; with no --create-db, adds
 * "--create-db testdb:logged --create-db plain:unlogged --create-db ansidb:ansi".
 * Waits for the "listening on HOST:PORT" line. False on failure (and logs why). */
bool it_server_start(struct it_server *srv, const char *const *args);

/* SIGTERM, wait (kill after 5 s), remove the data directory. */
void it_server_stop(struct it_server *srv);

#endif
