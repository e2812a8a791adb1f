/* SPDX-License-Identifier: MIT */
/* srv_listen.c - ifxlite's listener: bind/listen, accept loop with one
 * detached thread per client (capped; over the cap a CONREJ), and clean
 * shutdown on SIGTERM/SIGINT through a self-pipe (the handler only writes one
 * byte): stop accepting, shut client sockets down, wait for the sessions. */
#include "srv_proto.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "srv_log.h"

static int sig_pipe[2] = {-1, -1};

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t reg_cond = PTHREAD_COND_INITIALIZER;
static int reg_fds[SRV_MAX_SESSIONS];
static int reg_active;

struct job {
    const struct srv_ctx *ctx;
    int fd;
    int no;
    int slot;
};

static void on_signal(int sig)
{
    (void)sig;
    int saved = errno;
    if (sig_pipe[1] >= 0) {
        char ch = 1;
        ssize_t r = write(sig_pipe[1], &ch, 1);
        (void)r; /* a full pipe already holds a wake-up */
    }
    errno = saved;
}

void srv_listen_stop(void)
{
    on_signal(0);
}

static bool set_cloexec_nonblock(int fd, bool nonblock)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0 || fcntl(fd, F_SETFD, fl | FD_CLOEXEC) < 0)
        return false;
    if (nonblock) {
        fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
            return false;
    }
    return true;
}

int srv_listen_open(const char *host, const char *port, char *out, size_t outsz, char *err,
                    size_t errlen)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        snprintf(err, errlen, "cannot resolve %s:%s: %s", host, port, gai_strerror(rc));
        return -1;
    }
    int fd = -1;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        int one = 1;
        (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); /* best effort */
        if (set_cloexec_nonblock(fd, false) && bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
            listen(fd, 128) == 0)
            break;
        snprintf(err, errlen, "cannot listen on %s:%s: %s", host, port, strerror(errno));
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0)
        return -1;
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    char hbuf[NI_MAXHOST], pbuf[NI_MAXSERV];
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0 ||
        getnameinfo((struct sockaddr *)&ss, sl, hbuf, sizeof hbuf, pbuf, sizeof pbuf,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        snprintf(err, errlen, "cannot read the bound address: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (ss.ss_family == AF_INET6)
        snprintf(out, outsz, "[%s]:%s", hbuf, pbuf);
    else
        snprintf(out, outsz, "%s:%s", hbuf, pbuf);
    return fd;
}

static void *session_thread(void *arg)
{
    struct job *j = arg;
    srv_conn_run(j->ctx, j->fd, j->no);
    pthread_mutex_lock(&reg_lock);
    reg_fds[j->slot] = -1;
    reg_active--;
    pthread_cond_broadcast(&reg_cond);
    pthread_mutex_unlock(&reg_lock);
    close(j->fd); /* after deregistering: shutdown() never hits a reused fd */
    sq_free(j);
    return NULL;
}

static bool install_signals(void)
{
    if (pipe(sig_pipe) != 0 || !set_cloexec_nonblock(sig_pipe[0], true) ||
        !set_cloexec_nonblock(sig_pipe[1], true))
        return false;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
        return false;
    sa.sa_handler = SIG_IGN;
    return sigaction(SIGPIPE, &sa, NULL) == 0;
}

static void start_session(const struct srv_ctx *ctx, int cfd, int no)
{
    int one = 1;
    (void)setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* latency only */
    pthread_mutex_lock(&reg_lock);
    int slot = -1;
    if (reg_active < SRV_MAX_SESSIONS) {
        for (int i = 0; i < SRV_MAX_SESSIONS; i++) {
            if (reg_fds[i] < 0) {
                slot = i;
                break;
            }
        }
    }
    if (slot >= 0) {
        reg_fds[slot] = cfd;
        reg_active++;
    }
    pthread_mutex_unlock(&reg_lock);
    if (slot < 0) {
        srv_log(SRV_LOG_WARN, no, "session cap (%d) reached: connection refused", SRV_MAX_SESSIONS);
        srv_conn_refuse(ctx, cfd, 0);
        close(cfd);
        return;
    }
    struct job *j = sq_calloc(1, sizeof *j);
    pthread_attr_t attr;
    pthread_t tid;
    bool ok = j && pthread_attr_init(&attr) == 0;
    if (ok) {
        j->ctx = ctx;
        j->fd = cfd;
        j->no = no;
        j->slot = slot;
        ok = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
             pthread_create(&tid, &attr, session_thread, j) == 0;
        pthread_attr_destroy(&attr);
    }
    if (!ok) {
        srv_log(SRV_LOG_ERROR, no, "cannot start a session thread");
        sq_free(j);
        pthread_mutex_lock(&reg_lock);
        reg_fds[slot] = -1;
        reg_active--;
        pthread_mutex_unlock(&reg_lock);
        close(cfd);
    }
}

int srv_listen_run(const struct srv_ctx *ctx, int lfd)
{
    for (int i = 0; i < SRV_MAX_SESSIONS; i++)
        reg_fds[i] = -1;
    if (!install_signals()) {
        srv_log(SRV_LOG_ERROR, 0, "cannot install signal handlers: %s", strerror(errno));
        close(lfd);
        return 0;
    }
    int next_no = 0;
    for (;;) {
        struct pollfd pfd[2] = {{.fd = lfd, .events = POLLIN},
                                {.fd = sig_pipe[0], .events = POLLIN}};
        int r = poll(pfd, 2, -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            srv_log(SRV_LOG_ERROR, 0, "poll: %s", strerror(errno));
            break;
        }
        if (pfd[1].revents)
            break;
        if (pfd[0].revents & POLLIN) {
            int cfd = accept(lfd, NULL, NULL);
            if (cfd < 0) {
                if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
                    srv_log(SRV_LOG_WARN, 0, "accept: %s", strerror(errno));
                if (errno == EMFILE || errno == ENFILE) {
                    struct timespec ts = {0, 100000000L};
                    nanosleep(&ts, NULL);
                }
                continue;
            }
            (void)set_cloexec_nonblock(cfd, false); /* not inherited by anything we run */
            start_session(ctx, cfd, ++next_no);
        }
    }
    srv_log(SRV_LOG_INFO, 0, "shutting down");
    close(lfd);
    pthread_mutex_lock(&reg_lock);
    for (int i = 0; i < SRV_MAX_SESSIONS; i++) {
        if (reg_fds[i] >= 0)
            (void)shutdown(reg_fds[i], SHUT_RDWR); /* wakes the session's read */
    }
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 10;
    while (reg_active > 0) {
        if (pthread_cond_timedwait(&reg_cond, &reg_lock, &deadline) == ETIMEDOUT)
            break;
    }
    int left = reg_active;
    pthread_mutex_unlock(&reg_lock);
    if (left)
        srv_log(SRV_LOG_WARN, 0, "%d session(s) still busy at exit", left);
    return left;
}
