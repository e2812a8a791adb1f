/* SPDX-License-Identifier: MIT */
/* sq_tcp.c - POSIX TCP transport for the protocol core: getaddrinfo, non-blocking
 * connect with a timeout, TCP_NODELAY + SO_KEEPALIVE, poll-based deadlines,
 * EINTR handling, MSG_NOSIGNAL sends, and an interrupt that is safe from
 * another thread or a signal handler (shutdown(2) on the socket). */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "sq_transport.h"

struct tcp_transport {
    struct sq_transport base;
    int fd;
    pid_t pid; /* process that connected: a forked child must not shutdown(2) */
    atomic_bool interrupted;
};

int64_t sq_time_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t sq_deadline_in(int ms)
{
    if (ms <= 0)
        return SQ_NO_DEADLINE;
    return sq_time_ms() + ms;
}

/* Wait until fd is ready for `events`. OK, TIMEOUT, CANCELLED or IO. */
static enum sq_rc tcp_wait(struct tcp_transport *t, short events, int64_t deadline, char *err,
                           size_t errcap)
{
    for (;;) {
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        int wait_ms = -1;
        if (deadline >= 0) {
            int64_t left = deadline - sq_time_ms();
            if (left <= 0) {
                snprintf(err, errcap, "timed out waiting for the server");
                return SQ_RC_TIMEOUT;
            }
            wait_ms = left > 0x7FFFFFFF ? 0x7FFFFFFF : (int)left;
        }
        struct pollfd pfd = {.fd = t->fd, .events = events, .revents = 0};
        int n = poll(&pfd, 1, wait_ms);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errcap, "poll: %s", strerror(errno));
            return SQ_RC_IO;
        }
        if (n == 0)
            continue; /* the deadline check above decides */
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        return SQ_RC_OK; /* readable, writable, or an error the next call reports */
    }
}

static enum sq_rc tcp_read(struct sq_transport *base, void *buf, size_t cap, size_t *got,
                           int64_t deadline, char *err, size_t errcap)
{
    struct tcp_transport *t = (struct tcp_transport *)base;
    *got = 0;
    for (;;) {
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        ssize_t n = recv(t->fd, buf, cap, 0);
        if (n > 0) {
            *got = (size_t)n;
            return SQ_RC_OK;
        }
        if (n == 0) {
            if (atomic_load(&t->interrupted))
                return SQ_RC_CANCELLED;
            snprintf(err, errcap, "server closed the connection");
            return SQ_RC_IO;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            enum sq_rc rc = tcp_wait(t, POLLIN, deadline, err, errcap);
            if (rc != SQ_RC_OK)
                return rc;
            continue;
        }
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        snprintf(err, errcap, "recv: %s", strerror(errno));
        return SQ_RC_IO;
    }
}

static enum sq_rc tcp_write(struct sq_transport *base, const void *buf, size_t len,
                            int64_t deadline, char *err, size_t errcap)
{
    struct tcp_transport *t = (struct tcp_transport *)base;
    const char *p = buf;
    while (len > 0) {
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        ssize_t n = send(t->fd, p, len, MSG_NOSIGNAL);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            enum sq_rc rc = tcp_wait(t, POLLOUT, deadline, err, errcap);
            if (rc != SQ_RC_OK)
                return rc;
            continue;
        }
        if (atomic_load(&t->interrupted))
            return SQ_RC_CANCELLED;
        snprintf(err, errcap, "send: %s", n < 0 ? strerror(errno) : "no progress");
        return SQ_RC_IO;
    }
    return SQ_RC_OK;
}

static void tcp_interrupt(struct sq_transport *base)
{
    struct tcp_transport *t = (struct tcp_transport *)base;
    atomic_store(&t->interrupted, true);
    /* shutdown() is async-signal-safe and wakes a thread blocked in poll/recv;
     * the descriptor itself stays valid until close. In a forked child it
     * would end the parent's stream too (shutdown acts on the socket, not the
     * descriptor), so there only the flag is set (getpid is async-signal-safe). */
    if (t->pid == getpid())
        (void)shutdown(t->fd, SHUT_RDWR); /* nothing useful to do if it fails */
}

static void tcp_close(struct sq_transport *base)
{
    struct tcp_transport *t = (struct tcp_transport *)base;
    if (!t)
        return;
    if (t->fd >= 0)
        (void)close(t->fd); /* errors on close of a socket carry no data we need */
    sq_free(t);
}

void sq_tcp_keepalive(struct sq_transport *base, int idle_s, int intvl_s, int cnt)
{
    struct tcp_transport *t = (struct tcp_transport *)base;
    if (!t || t->fd < 0)
        return;
    /* Best effort: a kernel refusing a value leaves its default in place. */
    if (idle_s > 0)
        (void)setsockopt(t->fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle_s, sizeof idle_s);
    if (intvl_s > 0)
        (void)setsockopt(t->fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl_s, sizeof intvl_s);
    if (cnt > 0)
        (void)setsockopt(t->fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
}

static const struct sq_transport_ops tcp_ops = {
    .read = tcp_read,
    .write = tcp_write,
    .interrupt = tcp_interrupt,
    .close = tcp_close,
};

/* Connect one address with a deadline. 0 on success (fd connected), else errno. */
static int connect_one(const struct addrinfo *ai, int64_t deadline, int *out_fd, bool *timed_out)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0)
        return errno;
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        int e = errno;
        (void)close(fd);
        return e;
    }
    int rc = connect(fd, ai->ai_addr, ai->ai_addrlen);
    if (rc != 0 && errno != EINPROGRESS && errno != EINTR) {
        int e = errno;
        (void)close(fd);
        return e;
    }
    if (rc != 0) {
        for (;;) {
            int wait_ms = -1;
            if (deadline >= 0) {
                int64_t left = deadline - sq_time_ms();
                if (left <= 0) {
                    (void)close(fd);
                    *timed_out = true;
                    return ETIMEDOUT;
                }
                wait_ms = left > 0x7FFFFFFF ? 0x7FFFFFFF : (int)left;
            }
            struct pollfd pfd = {.fd = fd, .events = POLLOUT, .revents = 0};
            int n = poll(&pfd, 1, wait_ms);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                int e = errno;
                (void)close(fd);
                return e;
            }
            if (n > 0)
                break;
        }
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0)
            soerr = errno;
        if (soerr != 0) {
            (void)close(fd);
            return soerr;
        }
    }
    int one = 1;
    /* Both options are best effort: a socket without them still works. */
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    (void)setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    *out_fd = fd;
    return 0;
}

enum sq_rc sq_tcp_connect(const char *host, const char *service, int connect_timeout_ms,
                          struct sq_transport **out, char *err, size_t errcap)
{
    *out = NULL;
    if (!host || !*host)
        host = "localhost";
    if (!service || !*service) {
        snprintf(err, errcap, "no service or port given");
        return SQ_RC_IO;
    }
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host, service, &hints, &res);
    if (gai != 0) {
        snprintf(err, errcap, "cannot resolve %s:%s: %s", host, service, gai_strerror(gai));
        return SQ_RC_IO;
    }
    int64_t deadline = sq_deadline_in(connect_timeout_ms);
    int fd = -1, last = ECONNREFUSED;
    bool timed_out = false;
    for (const struct addrinfo *ai = res; ai && fd < 0 && !timed_out; ai = ai->ai_next)
        last = connect_one(ai, deadline, &fd, &timed_out);
    freeaddrinfo(res);
    if (fd < 0) {
        snprintf(err, errcap, "cannot connect to %s:%s: %s", host, service,
                 timed_out ? "connect timeout" : strerror(last));
        return timed_out ? SQ_RC_TIMEOUT : SQ_RC_IO;
    }
    struct tcp_transport *t = sq_calloc(1, sizeof *t);
    if (!t) {
        (void)close(fd);
        snprintf(err, errcap, "out of memory");
        return SQ_RC_NOMEM;
    }
    t->base.ops = &tcp_ops;
    t->fd = fd;
    t->pid = getpid();
    atomic_init(&t->interrupted, false);
    *out = &t->base;
    return SQ_RC_OK;
}
