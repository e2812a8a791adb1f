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
    char tag[16];       /* non-empty: printed instead of c<id> */
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

struct sq_trace *sq_trace_open_tagged(const char *path, const char *tag)
{
    if (!path || !path[0])
        return NULL;
    struct sq_trace *t = sq_trace_open(path);
    if (t)
        snprintf(t->tag, sizeof t->tag, "%s", tag && tag[0] ? tag : "odbc");
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

/* Request opcode names (the response side's sq_opcode_name() knows only
 * what servers send). */
static const char *req_name(uint16_t op)
{
    switch (op) {
    case SQ_COMMAND:
        return "SQ_COMMAND";
    case SQ_PREPARE:
        return "SQ_PREPARE";
    case SQ_CURNAME:
        return "SQ_CURNAME";
    case SQ_ID:
        return "SQ_ID";
    case SQ_BIND:
        return "SQ_BIND";
    case SQ_OPEN:
        return "SQ_OPEN";
    case SQ_EXECUTE:
        return "SQ_EXECUTE";
    case SQ_NFETCH:
        return "SQ_NFETCH";
    case SQ_CLOSE:
        return "SQ_CLOSE";
    case SQ_RELEASE:
        return "SQ_RELEASE";
    case SQ_CMMTWORK:
        return "SQ_CMMTWORK";
    case SQ_RBWORK:
        return "SQ_RBWORK";
    case SQ_NDESCRIBE:
        return "SQ_NDESCRIBE";
    case SQ_SFETCH:
        return "SQ_SFETCH";
    case SQ_SCROLL:
        return "SQ_SCROLL";
    case SQ_BEGIN:
        return "SQ_BEGIN";
    case SQ_DBOPEN:
        return "SQ_DBOPEN";
    case SQ_DBCLOSE:
        return "SQ_DBCLOSE";
    case SQ_FETCHBLOB:
        return "SQ_FETCHBLOB";
    case SQ_BBIND:
        return "SQ_BBIND";
    case SQ_HOLD:
        return "SQ_HOLD";
    case SQ_WANTDONE:
        return "SQ_WANTDONE";
    case SQ_LODATA:
        return "SQ_LODATA";
    case SQ_RET_TYPE:
        return "SQ_RET_TYPE";
    case SQ_VPUT:
        return "SQ_VPUT";
    default:
        return sq_opcode_name(op);
    }
}

static uint16_t ld16(const uint8_t *p)
{
    return (uint16_t)((unsigned)p[0] << 8 | p[1]);
}

static uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A str16 at p[0..n) (u16 length, bytes, pad to even): its total size, or 0
 * when it does not fit. */
static size_t str16_size(const uint8_t *p, size_t n)
{
    if (n < 2)
        return 0;
    size_t len = ld16(p);
    size_t total = 2 + len + (len & 1u);
    return total <= n ? total : 0;
}

size_t sq_trace_fmt_req(char *buf, size_t cap, const uint8_t *p, size_t n, size_t *used)
{
    size_t len = 0;
    *used = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    if (n < 2)
        return 0;
    uint16_t op = ld16(p);
    size_t u = 0; /* 0: cannot size this message (the rest is shown as one) */
    app(buf, cap, &len, "C->S   %s", req_name(op));
    switch (op) {
    case SQ_EOT:
    case SQ_EXECUTE:
    case SQ_CLOSE:
    case SQ_RELEASE:
    case SQ_BEGIN:
    case SQ_CMMTWORK:
    case SQ_EXIT:
    case SQ_NDESCRIBE:
    case SQ_WANTDONE:
    case SQ_SCROLL:
    case SQ_HOLD:
    case SQ_OPEN:
    case SQ_DBCLOSE:
        u = 2;
        break;
    case SQ_ID:
        if (n >= 4) {
            u = 4;
            app(buf, cap, &len, " id=%u", (unsigned)ld16(p + 2));
        }
        break;
    case SQ_RBWORK:
        u = n >= 4 ? 4 : 0;
        break;
    case SQ_NFETCH:
        if (n >= 8) {
            u = 8;
            app(buf, cap, &len, " bufsize=%lu", (unsigned long)ld32(p + 2));
        }
        break;
    case SQ_SFETCH:
        if (n >= 12) {
            u = 12;
            app(buf, cap, &len, " scroll_type=%u target=%ld bufsize=%lu", (unsigned)ld16(p + 2),
                (long)(int32_t)ld32(p + 4), (unsigned long)ld32(p + 8));
        }
        break;
    case SQ_PROTOCOLS:
        if (n >= 4) {
            size_t m = ld16(p + 2), t = 4 + m + (m & 1u);
            if (t <= n) {
                u = t;
                app(buf, cap, &len, " mask_bytes=%zu", m);
            }
        }
        break;
    case SQ_CURNAME:
    case SQ_DBOPEN: {
        size_t t = str16_size(p + 2, n - 2);
        if (t) {
            size_t sl = ld16(p + 2);
            app(buf, cap, &len, " name=\"%.*s\"", (int)(sl > 128 ? 128 : sl), (const char *)p + 4);
            u = 2 + t + (op == SQ_DBOPEN ? 2 : 0);
            if (u > n)
                u = 0;
        }
        break;
    }
    case SQ_INFO: {
        /* u16 type, u16 total, u16 max_name, u16 max_value, str16 pairs, 0 0 */
        size_t o = 10;
        app(buf, cap, &len, " env:");
        while (o + 4 <= n) {
            if (ld16(p + o) == 0 && ld16(p + o + 2) == 0) {
                u = o + 4;
                break;
            }
            size_t a = str16_size(p + o, n - o);
            size_t b = a ? str16_size(p + o + a, n - o - a) : 0;
            if (!a || !b)
                break;
            app(buf, cap, &len, " %.*s=%.*s", (int)ld16(p + o), (const char *)p + o + 2,
                (int)ld16(p + o + a), (const char *)p + o + a + 2);
            o += a + b;
        }
        break;
    }
    case SQ_PREPARE:
        /* u16 nparams, then the length as u32 (big_sql) or u16: the one that
         * lands on SQ_NDESCRIBE (what sq_req_prepare writes next). */
        if (n >= 6) {
            unsigned np = ld16(p + 2);
            size_t l32 = n >= 8 ? ld32(p + 4) : 0, l16 = ld16(p + 4), sl = 0, off = 0;
            if (n >= 8 && 8 + l32 + (l32 & 1u) + 2 <= n &&
                ld16(p + 8 + l32 + (l32 & 1u)) == SQ_NDESCRIBE) {
                sl = l32;
                off = 8;
            } else if (6 + l16 + (l16 & 1u) <= n) {
                sl = l16;
                off = 6;
            }
            if (off) {
                u = off + sl + (sl & 1u);
                app(buf, cap, &len, " nparams=%u sql_len=%zu", np, sl);
                app_text(buf, cap, &len, p + off, sl);
            }
        }
        break;
    case SQ_BIND:
        if (n >= 4)
            app(buf, cap, &len, " count=%u", (unsigned)ld16(p + 2));
        break;
    default:
        break;
    }
    if (!u) {
        u = n;
        if (n > 2)
            app(buf, cap, &len, " (+%zu bytes, not split further)", n - 2);
    }
    *used = u;
    return len;
}

size_t sq_trace_fmt_out(char *buf, size_t cap, const uint8_t *p, size_t n, bool hex)
{
    size_t len = 0;
    if (cap == 0)
        return 0;
    buf[0] = '\0';
    uint16_t op = n >= 2 ? ld16(p) : 0;
    /* The group line, named by its first message; sq_trace_out() follows it
     * with one line per message (sq_trace_fmt_req). */
    app(buf, cap, &len, "C->S %s group bytes=%zu", n >= 2 ? req_name(op) : "?", n);
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
    char who[24];
    if (t->tag[0])
        snprintf(who, sizeof who, "%s", t->tag);
    else
        snprintf(who, sizeof who, "c%lu", t->id);
    int hl = snprintf(head, sizeof head, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ %s ",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec, (long)tv.tv_usec, who);
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
    /* One line per message of a group of several. */
    size_t used = 0;
    if (n > 2)
        for (size_t off = 0; off + 2 <= n; off += used) {
            len = sq_trace_fmt_req(line, 1024, p + off, n - off, &used);
            if (off == 0 && used == n)
                break; /* a single message: the group line said it all */
            emit(t, line, len, TRACE_LINE_CAP);
            if (!used)
                break;
        }
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

void sq_trace_text(struct sq_trace *t, const char *text, size_t len)
{
    if (!t)
        return;
    size_t cap = len + 128u;
    char *line = sq_malloc(cap);
    if (!line)
        return;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        line[i] = ch < 0x20 || ch == 0x7F ? '.' : (char)ch;
    }
    line[len] = '\0';
    emit(t, line, len, cap);
    sq_free(line);
}
