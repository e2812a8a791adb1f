/* SPDX-License-Identifier: MIT */
/* fault_proxy.c - the fault-injecting TCP proxy of fault_proxy.h: poll-driven
 * byte pump between one client and the upstream server, cut / RST / stall
 * at an exact byte offset of one direction. */
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int connect_upstream(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void rst_close(int fd)
{
    struct linger l = {1, 0};
    (void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

/* Pump one connection until either side closes, the fault fires (CUT/RST)
 * or the proxy stops. */
static void pump(struct fault_proxy *p, int cfd, int sfd)
{
    enum fp_mode mode = (enum fp_mode)atomic_load(&p->mode);
    enum fp_dir dir = (enum fp_dir)atomic_load(&p->dir);
    long offset = atomic_load(&p->offset);
    long sent[2] = {0, 0}; /* [FP_S2C], [FP_C2S] */
    bool stalled = false;
    char buf[4096];
    while (!atomic_load(&p->stop)) {
        struct pollfd pf[2] = {{cfd, POLLIN, 0}, {sfd, stalled ? 0 : POLLIN, 0}};
        int n = poll(pf, 2, 50);
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (stalled) {
            /* Forward nothing; only notice the client going away (its bytes
             * are swallowed) so the next connection can be served. */
            if (pf[0].revents && recv(cfd, buf, sizeof buf, 0) <= 0)
                goto done;
            continue;
        }
        for (int i = 0; i < 2; i++) {
            if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            int from = i == 0 ? cfd : sfd, to = i == 0 ? sfd : cfd;
            int d = i == 0 ? FP_C2S : FP_S2C;
            size_t cap = sizeof buf;
            if (mode != FP_PASS && d == (int)dir) {
                long left = offset - sent[d];
                if (left <= 0)
                    left = 0;
                if ((size_t)left < cap)
                    cap = (size_t)left;
            }
            if (cap > 0) {
                ssize_t got = recv(from, buf, cap, 0);
                if (got <= 0)
                    goto done;
                if (send(to, buf, (size_t)got, MSG_NOSIGNAL) != got)
                    goto done;
                sent[d] += got;
                atomic_store(d == FP_S2C ? &p->s2c_bytes : &p->c2s_bytes, sent[d]);
            }
            if (mode != FP_PASS && d == (int)dir && sent[d] >= offset) {
                atomic_store(&p->fired, true);
                if (mode == FP_STALL) {
                    stalled = true;
                    break;
                }
                if (mode == FP_RST) {
                    rst_close(cfd);
                    rst_close(sfd);
                } else {
                    close(cfd);
                    close(sfd);
                }
                return;
            }
        }
    }
done:
    close(cfd);
    close(sfd);
}

static void *proxy_main(void *arg)
{
    struct fault_proxy *p = arg;
    while (!atomic_load(&p->stop)) {
        struct pollfd pf = {p->listen_fd, POLLIN, 0};
        if (poll(&pf, 1, 50) <= 0)
            continue;
        int cfd = accept(p->listen_fd, NULL, NULL);
        if (cfd < 0)
            continue;
        int one = 1;
        (void)setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int sfd = connect_upstream(p->upstream_port);
        if (sfd < 0) {
            close(cfd);
            continue;
        }
        atomic_store(&p->s2c_bytes, 0);
        atomic_store(&p->c2s_bytes, 0);
        atomic_store(&p->fired, false);
        pump(p, cfd, sfd);
    }
    return NULL;
}

bool fault_proxy_start(struct fault_proxy *p, int upstream_port)
{
    memset(p, 0, sizeof *p);
    p->upstream_port = upstream_port;
    atomic_init(&p->stop, false);
    atomic_init(&p->mode, FP_PASS);
    atomic_init(&p->dir, FP_S2C);
    atomic_init(&p->offset, 0);
    atomic_init(&p->s2c_bytes, 0);
    atomic_init(&p->c2s_bytes, 0);
    atomic_init(&p->fired, false);
    p->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (p->listen_fd < 0)
        return false;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (bind(p->listen_fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(p->listen_fd, 8) != 0 ||
        getsockname(p->listen_fd, (struct sockaddr *)&a, &len) != 0) {
        close(p->listen_fd);
        return false;
    }
    p->port = ntohs(a.sin_port);
    if (pthread_create(&p->thread, NULL, proxy_main, p) != 0) {
        close(p->listen_fd);
        return false;
    }
    return true;
}

void fault_proxy_arm(struct fault_proxy *p, enum fp_mode mode, enum fp_dir dir, long offset)
{
    atomic_store(&p->mode, (int)mode);
    atomic_store(&p->dir, (int)dir);
    atomic_store(&p->offset, offset);
}

void fault_proxy_stop(struct fault_proxy *p)
{
    atomic_store(&p->stop, true);
    pthread_join(p->thread, NULL);
    close(p->listen_fd);
}
