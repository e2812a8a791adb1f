/* SPDX-License-Identifier: MIT */
/* it_server.c - run ifxlite as a child process for integration tests. */
#include "it_server.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

static bool has_arg(const char *const *args, const char *name)
{
    for (size_t i = 0; args && args[i]; i++)
        if (strcmp(args[i], name) == 0)
            return true;
    return false;
}

bool it_server_start(struct it_server *srv, const char *const *args)
{
    memset(srv, 0, sizeof *srv);
    snprintf(srv->datadir, sizeof srv->datadir, "/tmp/ifxlite-test-XXXXXX");
    if (!mkdtemp(srv->datadir)) {
        perror("mkdtemp");
        return false;
    }
    const char *argv[64];
    size_t n = 0;
    argv[n++] = IFXLITE_PATH;
    argv[n++] = "--listen";
    argv[n++] = "127.0.0.1:0";
    argv[n++] = "--data";
    argv[n++] = srv->datadir;
    if (!has_arg(args, "--user")) {
        argv[n++] = "--user";
        argv[n++] = "informix:secret";
    }
    if (!has_arg(args, "--create-db")) {
        argv[n++] = "--create-db";
        argv[n++] = "testdb:logged";
        argv[n++] = "--create-db";
        argv[n++] = "plain:unlogged";
        argv[n++] = "--create-db";
        argv[n++] = "ansidb:ansi";
    }
    for (size_t i = 0; args && args[i] && n < 62; i++)
        argv[n++] = args[i];
    argv[n] = NULL;

    int fds[2];
    if (pipe(fds) != 0) {
        perror("pipe");
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return false;
    }
    if (pid == 0) {
#ifdef __linux__
        /* A test that dies (an ASan abort, a timeout's SIGKILL) must not
         * leave ifxlite behind holding ctest's output pipe: ctest would wait
         * for it forever, which looks like a hung test. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        char *mut[64];
        for (size_t i = 0; i <= n; i++)
            mut[i] = argv[i] ? strdup(argv[i]) : NULL; /* execv wants non-const strings */
        execv(mut[0], mut);
        perror("execv ifxlite");
        _exit(127);
    }
    close(fds[1]);
    srv->pid = pid;
    FILE *f = fdopen(fds[0], "r");
    char line[256] = "";
    bool ok = f && fgets(line, sizeof line, f) != NULL;
    if (f)
        fclose(f); /* ifxlite writes nothing more that we need; a closed pipe is fine */
    char host[64];
    int port;
    if (!ok || sscanf(line, "listening on %63[^:]:%d", host, &port) != 2) {
        fprintf(stderr, "it_server: ifxlite did not report its port (got \"%s\")\n", line);
        it_server_stop(srv);
        return false;
    }
    snprintf(srv->host, sizeof srv->host, "%s", host);
    srv->port = port;
    snprintf(srv->port_str, sizeof srv->port_str, "%d", port);
    return true;
}

void it_server_stop(struct it_server *srv)
{
    if (srv->pid > 0) {
        kill(srv->pid, SIGTERM);
        for (int i = 0; i < 500; i++) {
            int st;
            pid_t r = waitpid(srv->pid, &st, WNOHANG);
            if (r == srv->pid || (r < 0 && errno == ECHILD))
                goto reaped;
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        kill(srv->pid, SIGKILL);
        waitpid(srv->pid, NULL, 0);
    reaped:
        srv->pid = 0;
    }
    if (srv->datadir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", srv->datadir);
        if (system(cmd) != 0)
            fprintf(stderr, "it_server: could not remove %s\n", srv->datadir);
        srv->datadir[0] = '\0';
    }
}
