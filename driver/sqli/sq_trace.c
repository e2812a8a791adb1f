/* SPDX-License-Identifier: MIT */
/* sq_trace.c - protocol trace file: one line per message with a timestamp,
 * direction, opcode name and key fields, plus hex on request. Never prints
 * the login request's bytes (the password is in them in clear text). Lines
 * are written with one write(2) each on an O_APPEND descriptor, so that
 * several connections can share one trace file. */
#include "sq_trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "sq_conn.h"
#include "sq_internal.h"
#include "sq_opcodes.h"

/* Hex is printed for at most this many bytes of one message. */
#define TRACE_HEX_MAX  4096u
#define TRACE_LINE_CAP (64u + 3u * TRACE_HEX_MAX + 512u)

struct sq_trace {
    int fd;
    bool hex;
    bool skip_next_out; /* the login request: already traced without its bytes */
    unsigned long id;   /* connection number in this process */
};

static atomic_ulong trace_ids;

struct sq_trace *sq_trace_open(const char *path)
{
    if (!path || !path[0])
        path = getenv("IFXODBC_TRACE");
    if (!path || !path[0])
        return NULL;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return NULL;
    struct sq_trace *t = sq_calloc(1, sizeof *t);
    if (!t) {
        close(fd);
        return NULL;
    }
    t->fd = fd;
    const char *hx = getenv("IFXODBC_TRACE_HEX");
    t->hex = hx && hx[0] == '1';
    t->id = atomic_fetch_add(&trace_ids, 1ul) + 1ul;
    return t;
}

void sq_trace_close(struct sq_trace *t)
{
    if (!t)
        return;
    close(t->fd);
    sq_free(t);
}

/* Append formatted text at *len (bounded by cap, always NUL-terminated). */
static void app(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void app(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    if (*len + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (w < 0)
        return;
    *len += (size_t)w;
    if (*len >= cap)
        *len = cap - 1;
}

static void app_hex(char *buf, size_t cap, size_t *len, const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t shown = n > TRACE_HEX_MAX ? TRACE_HEX_MAX : n;
    app(buf, cap, len, " |");
    for (size_t i = 0; i < shown && *len + 4 < cap; i++) {
        buf[(*len)++] = ' ';
        buf[(*len)++] = digits[p[i] >> 4];
        buf[(*len)++] = digits[p[i] & 15];
    }
    buf[*len] = '\0';
    if (shown < n)
        app(buf, cap, len, " ...(+%zu bytes)", n - shown);
}

/* Printable excerpt of a server text (error message), bounded. */
static void app_text(char *buf, size_t cap, size_t *len, const uint8_t *p, size_t n)
{
    app(buf, cap, len, " text=\"");
    for (size_t i = 0; i < n && i < 200 && *len + 2 < cap; i++)
        buf[(*len)++] = p[i] >= 0x20 && p[i] < 0x7F && p[i] != '"' ? (char)p[i] : '.';
    buf[*len] = '\0';
    app(buf, cap, len, "\"");
}

size_t sq_trace_fmt_out(char *buf, size_t cap, const uint8_t *p, size_t n, bool hex)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    uint16_t op = n >= 2 ? (uint16_t)((unsigned)p[0] << 8 | p[1]) : 0;
    /* A request group: named by its first message (the group is not split
     * into messages: that would need a request decoder in the client). */
    app(buf, cap, &len, "C->S %s group bytes=%zu", n >= 2 ? sq_opcode_name(op) : "?", n);
    if (op == SQ_EXIT)
        app(buf, cap, &len, " (disconnect)");
    if (hex)
        app_hex(buf, cap, &len, p, n);
    return len;
}

size_t sq_trace_fmt_in(char *buf, size_t cap, const struct sq_msg *m, const uint8_t *p, size_t n,
                       bool hex)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    app(buf, cap, &len, "S->C %s bytes=%zu", sq_opcode_name(m->op), n);
    switch (m->op) {
    case SQ_ERR:
        app(buf, cap, &len, " sqlcode=%d isam=%d offset=%u", m->u.err.sqlcode, m->u.err.isam,
            (unsigned)m->u.err.offset);
        if (m->u.err.text_len)
            app_text(buf, cap, &len, m->u.err.text, m->u.err.text_len);
        break;
    case SQ_DONE:
        app(buf, cap, &len, " warnings=0x%04X rows=%lld rowid=%lld serial=%ld",
            (unsigned)m->u.done.warnings, (long long)m->u.done.rows,
            (long long)m->u.done.rowid, (long)m->u.done.serial);
        break;
    case SQ_TUPLE:
        app(buf, cap, &len, " warnings=0x%04X size=%lu", (unsigned)m->u.tuple.warnings,
            (unsigned long)m->u.tuple.n);
        break;
    case SQ_DESCRIBE:
        app(buf, cap, &len, " stmt_type=%u id=%u nfields=%u tuple_size=%u",
            (unsigned)m->u.describe.stmt_type, (unsigned)m->u.describe.id,
            (unsigned)m->u.describe.nfields, (unsigned)m->u.describe.tuple_size);
        break;
    case SQ_COST:
        app(buf, cap, &len, " est_rows=%ld est_cost=%ld", (long)m->u.cost.est_rows,
            (long)m->u.cost.est_cost);
        break;
    case SQ_XACTSTAT:
        app(buf, cap, &len, " event=%u new=%u old=%u", (unsigned)m->u.xactstat.event,
            (unsigned)m->u.xactstat.new_level, (unsigned)m->u.xactstat.old_level);
        break;
    case SQ_TUPID:
        app(buf, cap, &len, " tupid=%ld", (long)m->u.tupid);
        break;
    default:
        break;
    }
    if (hex)
        app_hex(buf, cap, &len, p, n);
    return len;
}

/* Timestamp + connection id prefix, then the line, then one write(2). */
static void emit(struct sq_trace *t, char *line, size_t len, size_t cap)
{
    char head[64];
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    time_t s = tv.tv_sec;
    gmtime_r(&s, &tm);
    int hl = snprintf(head, sizeof head, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ c%lu ",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec, (long)tv.tv_usec, t->id);
    if (hl < 0 || (size_t)hl >= sizeof head)
        hl = 0;
    size_t hlen = (size_t)hl;
    if (len + hlen + 1 >= cap)
        len = cap - hlen - 2;
    memmove(line + hlen, line, len);
    memcpy(line, head, hlen);
    line[hlen + len] = '\n';
    size_t total = hlen + len + 1;
    size_t off = 0;
    while (off < total) {
        ssize_t w = write(t->fd, line + off, total - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return; /* best effort */
        off += (size_t)w;
    }
}

void sq_trace_login(struct sq_trace *t, const struct sq_conn_cfg *cfg, size_t n)
{
    if (!t)
        return;
    char line[1024];
    size_t len = 0;
    line[0] = '\0';
    app(line, sizeof line - 80, &len,
        "C->S CONREQ bytes=%zu host=%.255s service=%.64s server=%.128s user=%.128s "
        "database=%.128s tls=%s password=<redacted>",
        n, cfg->host ? cfg->host : "", cfg->service ? cfg->service : "",
        cfg->server_name ? cfg->server_name : "", cfg->user ? cfg->user : "",
        cfg->database ? cfg->database : "", cfg->tls.enabled ? "yes" : "no");
    emit(t, line, len, sizeof line);
    t->skip_next_out = true;
}

void sq_trace_login_reply(struct sq_trace *t, unsigned sl_type, int svc_error,
                          const char *server_name, const uint8_t *p, size_t n)
{
    if (!t)
        return;
    char *line = sq_malloc(TRACE_LINE_CAP);
    if (!line)
        return;
    size_t len = 0;
    line[0] = '\0';
    const char *kind = sl_type == SQ_SL_CONACC   ? "CONACC"
                       : sl_type == SQ_SL_CONREJ ? "CONREJ"
                       : sl_type == SQ_SL_REDIRECT ? "REDIRECT"
                                                   : "SL?";
    app(line, TRACE_LINE_CAP - 80, &len, "S->C %s bytes=%zu sl_type=%u svc_error=%d server=%.128s",
        kind, n, sl_type, svc_error, server_name ? server_name : "");
    if (t->hex)
        app_hex(line, TRACE_LINE_CAP - 80, &len, p, n);
    emit(t, line, len, TRACE_LINE_CAP);
    sq_free(line);
}

void sq_trace_out(struct sq_trace *t, const uint8_t *p, size_t n)
{
    if (!t)
        return;
    if (t->skip_next_out) {
        t->skip_next_out = false;
        return;
    }
    char *line = sq_malloc(TRACE_LINE_CAP);
    if (!line)
        return;
    size_t len = sq_trace_fmt_out(line, TRACE_LINE_CAP - 80, p, n, t->hex);
    emit(t, line, len, TRACE_LINE_CAP);
    sq_free(line);
}

void sq_trace_in(struct sq_trace *t, const struct sq_msg *m, const uint8_t *p, size_t n)
{
    if (!t)
        return;
    char *line = sq_malloc(TRACE_LINE_CAP);
    if (!line)
        return;
    size_t len = sq_trace_fmt_in(line, TRACE_LINE_CAP - 80, m, p, n, t->hex);
    emit(t, line, len, TRACE_LINE_CAP);
    sq_free(line);
}
