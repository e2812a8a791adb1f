/* SPDX-License-Identifier: MIT */
/* odbc_log.c - ODBC-level log: every entry point, its handle, key arguments,
 * return code and diagnostic records (SQLSTATE, native error, message),
 * written through the protocol trace's file writer (sq_trace.h) so both
 * layers interleave in one file, one write(2) per line. Lines are tagged
 * "odbc" where protocol lines carry the connection number c<N>.
 *
 *   ... odbc ENTER SQLExecDirect stmt=0x55d0c1e0
 *   ... odbc   SQLExecDirect sql="SELECT * FROM nosuch"
 *   ... c1 C->S PREPARE group bytes=44
 *   ... c1 S->C ERR sqlcode=-206 ...
 *   ... odbc LEAVE SQLExecDirect stmt=0x55d0c1e0 rc=SQL_ERROR
 *   ... odbc   diag[1] SQLSTATE=42S02 native=-206 message="[ifxodbc]..."
 *
 * Passwords: SQLConnect's password argument is never formatted; connection
 * strings go through dsn_redact(); no other entry point takes a secret. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dbc.h"
#include "desc.h"
#include "dsn.h"
#include "handles.h"
#include "sq_trace.h"
#include "stmt.h"

atomic_int odbc_log_on;

static struct sq_trace *g_sink; /* $IFXODBC_TRACE; written once under pthread_once */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
    const char *path = getenv("IFXODBC_TRACE");
    if (path && path[0]) {
        g_sink = sq_trace_open_tagged(path, "odbc");
        if (g_sink)
            atomic_store(&odbc_log_on, 1);
    }
}

void odbc_log_init(void)
{
    pthread_once(&g_once, init_once);
}

static const char *type_name(SQLSMALLINT type)
{
    switch (type) {
    case SQL_HANDLE_ENV:
        return "env";
    case SQL_HANDLE_DBC:
        return "dbc";
    case SQL_HANDLE_STMT:
        return "stmt";
    case SQL_HANDLE_DESC:
        return "desc";
    default:
        return "handle";
    }
}

/* The sink of a (valid, locked) handle: its connection's own, else the
 * process sink. */
static struct sq_trace *sink_of(struct handle *h)
{
    struct dbc *d = NULL;
    if (h) {
        switch (h->type) {
        case SQL_HANDLE_DBC:
            d = (struct dbc *)(void *)h;
            break;
        case SQL_HANDLE_STMT:
            d = ((struct stmt *)(void *)h)->dbc;
            break;
        case SQL_HANDLE_DESC:
            d = ((struct desc *)(void *)h)->dbc;
            break;
        default:
            break;
        }
    }
    if (d && d->hdr.log)
        return d->hdr.log;
    return g_sink;
}

/* One trace line: prefix, then fmt (cut at the buffer's size). */
static void vput(struct sq_trace *t, const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
static void vput(struct sq_trace *t, const char *prefix, const char *fmt, va_list ap)
{
    if (!t)
        return;
    char buf[8192];
    int p = snprintf(buf, sizeof buf, "%s", prefix);
    if (p < 0 || (size_t)p >= sizeof buf)
        return;
    int n = vsnprintf(buf + p, sizeof buf - (size_t)p, fmt, ap);
    if (n < 0)
        return;
    size_t len = (size_t)p + (size_t)n;
    sq_trace_text(t, buf, len < sizeof buf ? len : sizeof buf - 1);
}

static void put(struct sq_trace *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct sq_trace *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(t, "", fmt, ap);
    va_end(ap);
}

static const char *rc_name(SQLRETURN rc)
{
    switch (rc) {
    case SQL_SUCCESS:
        return "SQL_SUCCESS";
    case SQL_SUCCESS_WITH_INFO:
        return "SQL_SUCCESS_WITH_INFO";
    case SQL_ERROR:
        return "SQL_ERROR";
    case SQL_INVALID_HANDLE:
        return "SQL_INVALID_HANDLE";
    case SQL_NO_DATA:
        return "SQL_NO_DATA";
    case SQL_NEED_DATA:
        return "SQL_NEED_DATA";
    case SQL_STILL_EXECUTING:
        return "SQL_STILL_EXECUTING";
    default:
        return "?";
    }
}

void odbc_log_enter(struct handle *h, SQLSMALLINT type, const void *raw, const char *fn)
{
    if (!h) { /* not a valid handle: the call returns SQL_INVALID_HANDLE */
        put(g_sink, "ENTER %s %s=%p rc=SQL_INVALID_HANDLE", fn, type_name(type), raw);
        return;
    }
    h->log_fn = fn;
    put(sink_of(h), "ENTER %s %s=%p", fn, type_name(h->type), (void *)h);
}

void odbc_log_leave(struct handle *h, SQLRETURN rc, bool with_diag)
{
    struct sq_trace *t = sink_of(h);
    if (!t)
        return;
    const char *fn = h->log_fn ? h->log_fn : "?";
    put(t, "LEAVE %s %s=%p rc=%s(%d)", fn, type_name(h->type), (void *)h, rc_name(rc), (int)rc);
    if (!with_diag)
        return;
    for (SQLSMALLINT i = 1;; i++) {
        const struct diag_rec *r = diag_rec_at(&h->diag, i);
        if (!r)
            break;
        put(t, "  %s diag[%d] SQLSTATE=%s native=%d message=%s", fn, (int)i, r->state,
            (int)r->native, odbc_log_str(0, r->msg, -1));
    }
}

void odbc_log_args(struct handle *h, const char *fmt, ...)
{
    struct sq_trace *t = sink_of(h);
    if (!t)
        return;
    char prefix[128];
    snprintf(prefix, sizeof prefix, "  %s ", h && h->log_fn ? h->log_fn : "?");
    va_list ap;
    va_start(ap, fmt);
    vput(t, prefix, fmt, ap);
    va_end(ap);
}

const char *odbc_log_str(int slot, const void *s, long len)
{
    enum { CAP = 2048 };
    static _Thread_local char bufs[8][CAP + 32];
    char *out = bufs[slot & 7];
    if (!s)
        return "NULL";
    const unsigned char *p = s;
    size_t n = len < 0 ? strlen((const char *)p) : (size_t)len;
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n && o < CAP; i++) {
        unsigned char ch = p[i];
        if (ch == '"' || ch == '\\') {
            out[o++] = '\\';
            out[o++] = (char)ch;
        } else if (ch < 0x20 || ch == 0x7F) {
            out[o++] = ch == '\n' ? ' ' : '.';
        } else {
            out[o++] = (char)ch;
        }
    }
    out[o++] = '"';
    if (n > CAP)
        o += (size_t)snprintf(out + o, 24, "...(%zu bytes)", n);
    out[o] = '\0';
    return out;
}

void odbc_log_connect(struct handle *h, const char *sink_path, const char *fn, const char *conn_str,
                      size_t len)
{
    if (h->log) {
        sq_trace_close(h->log);
        h->log = NULL;
    }
    if (sink_path) {
        h->log = sq_trace_open_tagged(sink_path, "odbc");
        if (h->log)
            atomic_store(&odbc_log_on, 1);
    }
    struct sq_trace *t = sink_of(h);
    if (!t)
        return;
    h->log_fn = fn;
    if (h->log) /* the ENTER line went to the process sink (or nowhere) */
        put(t, "ENTER %s dbc=%p", fn, (void *)h);
    if (!conn_str)
        return;
    struct str red = STR_INIT;
    if (dsn_redact(conn_str, len, &red) == DSN_OK && red.p)
        put(t, "  %s %s", fn, odbc_log_str(0, red.p, (long)red.len));
    else
        put(t, "  %s <connection string not shown>", fn);
    str_fini(&red);
}

void odbc_log_close(struct handle *h)
{
    if (h && h->log) {
        sq_trace_close(h->log);
        h->log = NULL;
    }
}

const char *odbc_log_sink_path(const struct dsn_cfg *c)
{
    /* Before dsn_cfg_finish(): read the raw values (opt.trace is set there). */
    const char *v = dsn_cfg_get(c, DSN_KW_TRACE);
    static const char *const yes[] = {"y", "yes", "1", "true", "on"};
    bool on = false;
    for (size_t i = 0; v && i < sizeof yes / sizeof yes[0] && !on; i++)
        on = strcasecmp(v, yes[i]) == 0;
    if (!on)
        return NULL;
    /* The same default as the protocol trace's (dbc.c). */
    const char *f = dsn_cfg_get(c, DSN_KW_TRACE_FILE);
    return f && f[0] ? f : "/tmp/ifxodbc_trace.log";
}
