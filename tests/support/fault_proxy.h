/* SPDX-License-Identifier: MIT */
/* fault_proxy.h - a TCP proxy for fault tests: forwards 127.0.0.1:<port> to an
 * upstream port and, at a chosen byte offset of one direction, cuts the
 * stream (FIN), resets it (RST) or stalls it (stops forwarding, keeps the
 * socket open). One connection at a time; runs in its own thread. */
#ifndef IFXODBC_FAULT_PROXY_H
#define IFXODBC_FAULT_PROXY_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

enum fp_mode {
    FP_PASS,  /* forward everything */
    FP_CUT,   /* after `offset` bytes: close both sides (FIN) */
    FP_RST,   /* after `offset` bytes: close both sides with RST (SO_LINGER 0) */
    FP_STALL, /* after `offset` bytes: forward nothing more, keep both open */
};

enum fp_dir {
    FP_S2C, /* server to client bytes are counted */
    FP_C2S, /* client to server bytes are counted */
};

struct fault_proxy {
    int listen_fd;
    int port;
    int upstream_port;
    pthread_t thread;
    atomic_bool stop;
    /* The fault for the next accepted connection (set before connecting). */
    atomic_int mode;
    atomic_int dir;
    atomic_long offset;
    /* Bytes forwarded per direction on the last connection. */
    atomic_long s2c_bytes;
    atomic_long c2s_bytes;
    atomic_bool fired; /* the fault of the last connection happened */
};

/* Listen on 127.0.0.1:0 and start the thread. False on failure. */
bool fault_proxy_start(struct fault_proxy *p, int upstream_port);
/* Arm the fault for the next connection. */
void fault_proxy_arm(struct fault_proxy *p, enum fp_mode mode, enum fp_dir dir, long offset);
/* Stop the thread and close everything. */
void fault_proxy_stop(struct fault_proxy *p);

#endif
