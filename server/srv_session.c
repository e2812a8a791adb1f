/* SPDX-License-Identifier: MIT */
/* srv_session.c - ifxlite's per-connection loop: login, then read client
 * groups (bounded decoders on a growing input buffer; a group is handled when
 * its SQ_EOT has arrived), call the SQL engine (srv_sql.h), encode one reply
 * group ending in SQ_EOT. An error answers SQ_ERR + SQ_EOT and skips the rest
 * of the group; a malformed or unknown message closes the connection. Fault
 * plans (srv_fault.h) hook in at the reply points. */
#include "srv_proto.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "sq_wr.h"
#include "srv_charset.h"
#include "srv_blob.h"
#include "srv_lofile.h"
#include "srv_log.h"
#include "srv_stats.h"
#include "srv_tls.h"

/* Informix codes chosen for conditions the protocol side detects itself. */
#define SRV_E_NOSTMT (-481)  /* invalid statement name or statement was not prepared */
#define SRV_E_NOTOPEN (-400) /* fetch attempted on unopen cursor */
#define SRV_E_TOOMANY                                                                              \
    (-208)                      /* memory allocation failed during query processing:               \
                                 * our choice for the per-session statement cap */
#define SRV_E_BINDCOUNT (-254)  /* too many or too few host variables given */
#define SRV_E_NOTCURSOR (-481)  /* a cursor opened on a statement that returns no rows */
#define SRV_E_SCROLLTYPE (-201) /* unknown SFETCH scroll type: our choice */
#define SRV_E_MIDFETCH (-244)   /* fault err-mid-fetch: could not do a physical-order read */
#define SRV_E_NODB (-329)       /* database not found or no system permission */
#define SRV_E_NOMEM (-208)
#define SRV_E_REFUSED (-1809) /* server rejected the connection (session cap) */
/* BYTE/TEXT (doc §9.7, §7.5): -602 for a FETCHBLOB whose cursor is not open or
 * whose descriptor this cursor did not hand out; -611 for a scroll cursor
 * over BYTE/TEXT columns (documented: Genero's Informix notes, "error -611
 * when executing the OPEN"); -254 for an SQ_BBIND count that does not match
 * the BYTE/TEXT parameters or the SQ_BLOB values sent. */
#define SRV_E_BLOBOPEN (-602)
#define SRV_E_SCROLLBLOB (-611)

/* Smart LOBs (BLOB/CLOB, PROTOCOL.md "Smart LOBs"). Values handed out in rows
 * live in their cursor's `lobs` registry with the same lifetime as BYTE/TEXT
 * values (from the fetch call before the current one on; all at CLOSE,
 * re-OPEN and RELEASE), so a locator of the current row can be read by another
 * statement (lotofile(?::BLOB, ...)) while the cursor stays on it. Values made
 * by filetoblob/filetoclob and handed out in a row go to the session's
 * `lofiles` registry instead, since the client binds them to its own
 * statement after closing that cursor: an entry goes when bound into a
 * statement that returns no rows (at the end of that group), else when the
 * session ends; at most SRV_LO_FILES_MAX entries and SRV_LO_FILES_BYTES bytes
 * are kept (the oldest goes first; the newest always stays). Handles are
 * unique in the session (c->lo_next). */
#define SRV_E_LO (-9810) /* Smart-large-object error: client file, stale locator */
#define SRV_LO_FILES_MAX 8
#define SRV_LO_FILES_BYTES (256u << 20)
#define SRV_LO_MADE_MAX 16 /* filetoblob values made while one row is computed */
#define SRV_LO_USED_MAX 64 /* file values bound in one group */

/* XACTSTAT event numbers: our choice ([U] in the doc). Levels: 1 in a
 * transaction, 0 not. */
#define SRV_XACT_BEGIN 1
#define SRV_XACT_COMMIT 2
#define SRV_XACT_ROLLBACK 3
#define SRV_XACT_STMT 4

struct slot {
    struct srv_stmt *st;
    uint16_t id;
    char curname[SQ_MAX_NAME + 1];
    bool is_scroll, is_hold, is_open, at_end;
    int64_t rows_sent;     /* NFETCH rows sent since OPEN (the final DONE count) */
    int64_t pos;           /* scroll position: 0 before the first row */
    struct sq_buf pending; /* an encoded TUPLE that did not fit the last NFETCH */
    bool has_pending;
    struct srv_val *rowv; /* row views from the engine, ncols entries, reused */
    struct srv_blobreg blobs; /* BYTE/TEXT values handed out while the cursor is open */
    uint32_t row_first;       /* first blob handle of the row in `pending` */
    size_t row_lob;           /* bytes of the BYTE/TEXT values of the row in `pending` */
    struct srv_blobreg lobs;  /* BLOB/CLOB values handed out (see SRV_LO_FILES_MAX) */
    uint32_t lo_row_first;    /* first smart-LOB handle of the row in `pending` */
};

struct conn {
    const struct srv_ctx *ctx;
    int fd;
    struct srv_tls_conn *tls; /* onsocssl: the session's bytes go through TLS; else NULL */
    int no;
    struct srv_session *sess;
    struct srv_caps caps;
    struct sq_buf in, out, row;
    size_t scan_pos;           /* message boundary up to which the group was scanned */
    struct srv_caps scan_caps; /* caps in force at scan_pos */
    struct slot **slots;
    size_t nslots; /* capacity of slots */
    size_t nopen;
    struct slot *cur; /* statement chosen by SQ_ID / PREPARE in this group */
    bool err;         /* an SQ_ERR was sent in this group: skip the rest */
    bool done_sent;   /* a DONE was sent for the current statement */
    bool db_replied;  /* a DBOPEN succeeded in an earlier group */
    bool cut;         /* fault: send out[0..cut_at) and close */
    size_t cut_at;
    /* Per fault of the plan (srv_fault.h): armed, points seen, fired. */
    bool fault_armed[SRV_FAULT_MAX], fault_fired[SRV_FAULT_MAX];
    int fault_seen[SRV_FAULT_MAX];
    char client_locale[64], db_locale[64], dbdate[32];
    bool delimident;        /* the client's DELIMIDENT (see login_delimident) */
    struct srv_cs_conn csx; /* the open database's code set (srv_charset.h) */
    bool lost;       /* a reply write failed mid-group: close */
    struct srv_blobspool spool; /* SQ_BLOB values of the group being read */
    size_t blob_params;         /* BYTE/TEXT values bound in this group */
    struct srv_stats_sess *stats; /* registry entry (sysmaster tables), or NULL */
    /* Smart LOBs (see SRV_LO_FILES_MAX) and the SQ_FILE exchange. */
    struct srv_blobreg lofiles; /* filetoblob/filetoclob values handed out in rows */
    uint32_t lo_next;           /* next smart-LOB handle of the session */
    size_t made[SRV_LO_MADE_MAX], nmade; /* sizes of values filetoblob made, not yet encoded */
    uint32_t used[SRV_LO_USED_MAX];      /* lofiles entries bound in this group */
    size_t nused;
    struct sq_buf fin; /* the client's answers to SQ_FILE requests (never c->in) */
};

/* ---------------------------------------------------------------- I/O --- */

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static bool send_all(int fd, struct srv_tls_conn *tls, const uint8_t *p, size_t n)
{
    if (tls)
        return srv_tls_send_all(tls, p, n);
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Read more bytes into b. timeout_ms < 0 waits forever. 1 read, 0 EOF or
 * error, -1 timeout. */
static int read_more(int fd, struct srv_tls_conn *tls, struct sq_buf *b, int timeout_ms)
{
    for (;;) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        /* TLS may hold decrypted bytes that poll(2) cannot see. */
        int r = tls && srv_tls_pending(tls) ? 1 : poll(&pfd, 1, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return 0;
        if (r == 0)
            return -1;
        if (!sq_buf_reserve(b, 65536))
            return 0;
        if (tls) {
            ssize_t n = srv_tls_recv(tls, b->data + b->len, b->cap - b->len);
            if (n <= 0)
                return n < 0 ? -1 : 0; /* -1: a record stalled (SO_RCVTIMEO) */
            b->len += (size_t)n;
            return 1;
        }
        ssize_t got = recv(fd, b->data + b->len, b->cap - b->len, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        b->len += (size_t)got;
        return 1;
    }
}

/* Read exactly n bytes (login phase). */
static bool read_exact(int fd, struct srv_tls_conn *tls, struct sq_buf *b, size_t n, int timeout_ms)
{
    while (b->len < n) {
        if (read_more(fd, tls, b, timeout_ms) != 1)
            return false;
    }
    return true;
}

/* ------------------------------------------------------------ slots --- */

static void slot_free(struct slot *s)
{
    if (!s)
        return;
    if (s->st) {
        if (s->is_open)
            srv_stmt_close(s->st);
        srv_stmt_free(s->st);
    }
    sq_buf_fini(&s->pending);
    sq_free(s->rowv);
    srv_blobreg_clear(&s->blobs);
    srv_blobreg_clear(&s->lobs);
    sq_free(s);
}

/* The slot's cursor opened or closed: keep is_open and the registry in step. */
static void set_open(struct conn *c, struct slot *s, bool open)
{
    s->is_open = open;
    srv_stats_stmt_open(c->stats, s->id, open, s->is_scroll, s->is_hold);
}

static void release_slot(struct conn *c, struct slot *s)
{
    if (c->cur == s)
        c->cur = NULL;
    srv_stats_stmt_del(c->stats, s->id);
    c->slots[s->id] = NULL;
    c->nopen--;
    slot_free(s);
}

static void release_all(struct conn *c)
{
    for (size_t i = 0; i < c->nslots; i++) {
        if (c->slots[i])
            release_slot(c, c->slots[i]);
    }
    c->cur = NULL;
}

/* Smallest free id from 0, the table grown on demand up to SRV_MAX_STMTS. */
static struct slot *new_slot(struct conn *c, struct srv_stmt *st)
{
    size_t id = 0;
    while (id < c->nslots && c->slots[id])
        id++;
    if (id == c->nslots) {
        size_t cap = c->nslots ? c->nslots * 2 : 16;
        if (cap > SRV_MAX_STMTS)
            cap = SRV_MAX_STMTS;
        if (id >= cap)
            return NULL;
        struct slot **ns = sq_realloc(c->slots, cap * sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t i = c->nslots; i < cap; i++)
            ns[i] = NULL;
        c->slots = ns;
        c->nslots = cap;
    }
    struct slot *s = sq_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    sq_buf_init(&s->pending);
    srv_blobreg_init(&s->blobs);
    srv_blobreg_init(&s->lobs);
    s->st = st;
    s->id = (uint16_t)id;
    c->slots[id] = s;
    c->nopen++;
    return s;
}

/* ----------------------------------------------------------- faults --- */

/* Arm every fault of this session at login: those without /TEXT. */
static void faults_arm_initial(struct conn *c)
{
    const struct srv_fault_plan *p = &c->ctx->faults;
    for (size_t i = 0; i < p->n; i++)
        c->fault_armed[i] = p->f[i].on[0] == '\0';
}

static bool contains(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; m && i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

/* A statement was prepared: arm the /TEXT faults whose text it contains. */
static void faults_arm_on(struct conn *c, const char *sql, size_t len)
{
    const struct srv_fault_plan *p = &c->ctx->faults;
    for (size_t i = 0; i < p->n; i++) {
        const struct srv_fault *f = &p->f[i];
        if (f->on[0] && !c->fault_armed[i] && (f->session == 0 || f->session == c->no) &&
            contains(sql, len, f->on))
            c->fault_armed[i] = true;
    }
}

/* One point where a fault of `kind` can fire: the fault that fires now, or
 * NULL. Each fault counts its points once armed and fires at its @K-th (a
 * stall keeps firing after that; the others fire once). */
static const struct srv_fault *fault_point(struct conn *c, enum srv_fault_kind kind)
{
    const struct srv_fault_plan *p = &c->ctx->faults;
    for (size_t i = 0; i < p->n; i++) {
        const struct srv_fault *f = &p->f[i];
        if (f->kind != kind || (f->session != 0 && f->session != c->no) || !c->fault_armed[i] ||
            c->fault_fired[i])
            continue;
        if (c->fault_seen[i] < f->at)
            c->fault_seen[i]++;
        if (c->fault_seen[i] < f->at)
            continue;
        if (kind != SRV_FAULT_STALL)
            c->fault_fired[i] = true;
        return f;
    }
    return NULL;
}

/* ---------------------------------------------------------- replies --- */

static void reply_err(struct conn *c, const struct srv_err *e)
{
    srv_log(SRV_LOG_DEBUG, c->no, "error %d (isam %d) %s", e->sqlcode, e->isam, e->text);
    const char *t = e->text;
    size_t tn;
    if (srv_cs_out(c->csx.cs, e->text, strlen(e->text), &c->csx.buf, &t, &tn) != 0)
        t = e->text; /* the insertion text stays readable, if not exact */
    srv_enc_err(&c->out, &c->caps, e->sqlcode, e->isam, e->offset, t);
    c->err = true;
}

static void reply_code(struct conn *c, int sqlcode, const char *text)
{
    struct srv_err e;
    memset(&e, 0, sizeof e);
    e.sqlcode = sqlcode;
    size_t n = text ? strnlen(text, sizeof e.text - 1) : 0;
    if (n)
        memcpy(e.text, text, n);
    e.text[n] = '\0';
    reply_err(c, &e);
}

static bool db_is_logged(struct conn *c)
{
    return srv_session_has_db(c->sess) && srv_session_dbkind(c->sess) != SRV_DB_UNLOGGED;
}

static void xactstat_if_changed(struct conn *c, bool before)
{
    bool after = srv_session_in_txn(c->sess);
    if (db_is_logged(c) && before != after)
        srv_enc_xactstat(&c->out, SRV_XACT_STMT, after ? 1 : 0, before ? 1 : 0);
}

/* ------------------------------------------------------------ fetch --- */

/* Character types whose text is in the database code set on the wire
 * (TEXT and CLOB travel as bytes: docs/charsets.md). */
static bool is_char_type(uint16_t type, uint32_t xid)
{
    switch (SQ_T_BASE(type)) {
    case SQ_T_CHAR:
    case SQ_T_NCHAR:
    case SQ_T_VARCHAR:
    case SQ_T_NVARCHAR:
    case SQ_T_LVARCHAR_CLIENT:
        return true;
    case SQ_T_UDTVAR:
        return xid == SQ_XID_LVARCHAR;
    default:
        return false;
    }
}

/* ------------------------------------------------------ smart LOBs --- */

/* Register column i's value of the current row in r under the session's next
 * handle (0: out of memory): the engine's buffer is taken over when it can be
 * (no copy of a large value), else the value is copied. */
static uint32_t lo_add(struct conn *c, struct slot *s, size_t i, struct srv_blobreg *r,
                       const struct srv_val *v)
{
    r->next_handle = c->lo_next;
    uint8_t *own = srv_stmt_take_value(s->st, i, v->p);
    uint32_t h = own ? srv_blobreg_adopt(r, own, v->n) : srv_blobreg_add(r, v->p ? v->p : "", v->n);
    if (!h)
        sq_free(own);
    c->lo_next = r->next_handle;
    return h;
}

/* The value of n bytes being encoded was made by filetoblob/filetoclob in
 * this row: take it off the list. */
static bool lo_take_made(struct conn *c, size_t n)
{
    for (size_t i = 0; i < c->nmade; i++) {
        if (c->made[i] == n) {
            c->made[i] = c->made[--c->nmade];
            return true;
        }
    }
    return false;
}

/* Make room in lofiles for one more value of n bytes (the bounds above). */
static void lo_files_room(struct conn *c, size_t n)
{
    for (;;) {
        size_t total = n;
        for (size_t i = 0; i < c->lofiles.n; i++)
            total += c->lofiles.ents[i].n;
        if (c->lofiles.n == 0 ||
            (c->lofiles.n < SRV_LO_FILES_MAX && total <= SRV_LO_FILES_BYTES))
            return;
        srv_blobreg_drop(&c->lofiles, c->lofiles.ents[0].handle); /* the oldest */
    }
}

/* The value a locator names: the session's file values, then every cursor's.
 * *file tells which. NULL when no registry has it (stale or never ours). */
static const struct srv_blob_ent *lo_find(struct conn *c, uint32_t h, bool *file)
{
    const struct srv_blob_ent *e = srv_blobreg_find(&c->lofiles, h);
    *file = e != NULL;
    for (size_t i = 0; !e && i < c->nslots; i++)
        if (c->slots[i])
            e = srv_blobreg_find(&c->slots[i]->lobs, h);
    return e;
}

/* End of a group: the file values bound into stored rows are consumed. */
static void lo_group_end(struct conn *c)
{
    for (size_t i = 0; i < c->nused; i++)
        srv_blobreg_drop(&c->lofiles, c->used[i]);
    c->nused = 0;
    c->nmade = 0;
}

/* ---- SQ_FILE exchange (PROTOCOL.md "Smart LOBs", doc §9.8 [L]) ----
 * Nested in a group: the reply so far and a request ending in SQ_EOT go out,
 * the client's answer group is read into c->fin (c->in is being walked by
 * handle_group and must not move), decoded, and the statement goes on. Any
 * failure of the exchange itself (EOF, timeout, malformed answer) loses the
 * connection: the statement fails and the session closes after its reply. */

static void lo_err(struct srv_err *err, int sqlcode, const char *text)
{
    memset(err, 0, sizeof *err);
    err->sqlcode = sqlcode;
    if (text)
        snprintf(err->text, sizeof err->text, "%s", text);
}

static int lo_lost(struct conn *c, struct srv_err *err, const char *why)
{
    srv_log(SRV_LOG_WARN, c->no, "client file exchange: %s, closing", why);
    c->lost = true;
    lo_err(err, SRV_E_LO, "client file exchange failed");
    return SRV_E_LO;
}

/* Write out c->out (flush points inside a request too). */
static bool lo_send(struct conn *c)
{
    if (c->cut || !sq_buf_ok(&c->out))
        return false;
    bool ok = send_all(c->fd, c->tls, c->out.data, c->out.len);
    sq_buf_reset(&c->out);
    return ok;
}

/* Read more of the client's answer. False on EOF, timeout or an answer far
 * over what any request allows. */
static bool lo_fill(struct conn *c)
{
    /* the largest legal answer: 1 MiB in 1-byte chunks, 6 bytes each */
    if (c->fin.len > 6u * SRV_FILE_AMOUNT + 65536u)
        return false;
    int tmo = c->ctx->stall_timeout_ms > 0 ? c->ctx->stall_timeout_ms : 60000;
    return read_more(c->fd, c->tls, &c->fin, tmo) == 1;
}

/* The answer was decoded up to pos: it must be the whole of what came. */
static bool lo_done(struct conn *c, size_t pos)
{
    bool whole = pos == c->fin.len;
    sq_buf_reset(&c->fin);
    if (c->fin.cap > (4u << 20))
        sq_buf_fini(&c->fin);
    return whole;
}

/* Send the request in c->out and read its whole answer (result:
 * the answer's i32, or NULL for a bare SQ_EOT). 0, or the connection is
 * lost. */
static int lo_await(struct conn *c, int32_t *result, const char *what, struct srv_err *err)
{
    if (!lo_send(c))
        return lo_lost(c, err, "cannot send a request");
    for (;;) {
        struct sq_rd rd;
        sq_rd_init(&rd, c->fin.data, c->fin.len);
        enum sq_rc rc = result ? srv_dec_file_result(&rd, result) : srv_dec_file_closed(&rd);
        if (rc == SQ_RC_OK)
            return lo_done(c, rd.pos) ? 0 : lo_lost(c, err, "extra bytes after an answer");
        if (rc != SQ_RC_NEED_MORE)
            return lo_lost(c, err, what);
        if (!lo_fill(c))
            return lo_lost(c, err, "no answer");
    }
}

/* `00 6A i32 result 00 0C`: the answer to an open or a write. */
static int lo_result(struct conn *c, int32_t *result, struct srv_err *err)
{
    return lo_await(c, result, "malformed answer", err);
}

static int lo_close(struct conn *c, struct srv_err *err)
{
    srv_enc_file_close(&c->out);
    return lo_await(c, NULL, "malformed answer to close", err);
}

static int lo_fail(struct srv_err *err, const char *what, const char *name)
{
    char t[200];
    snprintf(t, sizeof t, "%s client file %.120s", what, name);
    lo_err(err, SRV_E_LO, t);
    return SRV_E_LO;
}

/* srv_file_io.get: open (mode 0), read requests of at most 1 MiB until the
 * size the client gave is read (or its file ends), close. */
static int fio_get(void *ctx, const char *name, uint8_t **data, size_t *n, struct srv_err *err)
{
    struct conn *c = ctx;
    int32_t size;
    *data = NULL;
    *n = 0;
    srv_enc_file_open(&c->out, name, strlen(name), SRV_FILE_MODE_UP);
    int rc = lo_result(c, &size, err);
    if (rc)
        return rc;
    if (size < 0)
        return lo_fail(err, "cannot open", name);
    if ((uint32_t)size > SRV_MAX_LOB) {
        if ((rc = lo_close(c, err)) != 0)
            return rc;
        return lo_fail(err, "too large:", name);
    }
    struct sq_buf buf = SQ_BUF_INIT;
    if (!sq_buf_reserve(&buf, size ? (size_t)size : 1)) {
        sq_buf_fini(&buf);
        (void)lo_close(c, err);
        lo_err(err, SRV_E_NOMEM, NULL);
        return SRV_E_NOMEM;
    }
    while (buf.len < (size_t)size) {
        size_t left = (size_t)size - buf.len;
        int32_t amount = (int32_t)(left < SRV_FILE_AMOUNT ? left : SRV_FILE_AMOUNT);
        srv_enc_file_read(&c->out, (uint16_t)SRV_FILE_BUFSIZE, amount);
        if (!lo_send(c)) {
            sq_buf_fini(&buf);
            return lo_lost(c, err, "cannot send a request");
        }
        int32_t total = 0;
        for (;;) {
            /* decode only once the bytes end like an answer (00 0C), so a
             * 1 MiB answer is not decoded again after every read */
            enum sq_rc drc = SQ_RC_NEED_MORE;
            struct sq_rd rd;
            sq_rd_init(&rd, c->fin.data, c->fin.len);
            if (c->fin.len >= 8 && sq_load_u16(c->fin.data + c->fin.len - 2) == SQ_EOT)
                drc = srv_dec_file_data(&rd, (uint16_t)SRV_FILE_BUFSIZE, amount, &buf, &total);
            if (drc == SQ_RC_OK && lo_done(c, rd.pos))
                break;
            if (drc == SQ_RC_OK)
                drc = SQ_RC_PROTOCOL; /* bytes after the answer */
            if (drc != SQ_RC_NEED_MORE || !lo_fill(c)) {
                sq_buf_fini(&buf);
                return lo_lost(c, err, drc == SQ_RC_NEED_MORE ? "no answer" : "malformed data");
            }
        }
        if (total < amount)
            break; /* the client's file ended early */
    }
    if ((rc = lo_close(c, err)) != 0 || !sq_buf_ok(&buf)) {
        sq_buf_fini(&buf);
        if (rc)
            return rc;
        lo_err(err, SRV_E_NOMEM, NULL);
        return SRV_E_NOMEM;
    }
    *data = buf.data;
    *n = buf.len;
    return 0;
}

/* srv_file_io.put: open (mode 1), one write request per 1 MiB (its blocks
 * written out every SRV_BLOB_FLUSH bytes), close. */
static int fio_put(void *ctx, const char *name, const uint8_t *p, size_t n, struct srv_err *err)
{
    struct conn *c = ctx;
    int32_t res;
    srv_enc_file_open(&c->out, name, strlen(name), SRV_FILE_MODE_DOWN);
    int rc = lo_result(c, &res, err);
    if (rc)
        return rc;
    if (res < 0)
        return lo_fail(err, "cannot create", name);
    size_t chunk = c->ctx->profile.sqfile_chunk ? c->ctx->profile.sqfile_chunk
                                                : SRV_FILE_WRITE_CHUNK;
    for (size_t off = 0; off < n;) {
        size_t req = n - off < SRV_FILE_WRITE_REQ ? n - off : SRV_FILE_WRITE_REQ;
        srv_enc_file_write_begin(&c->out);
        for (size_t k = 0; k < req;) {
            size_t m = req - k < chunk ? req - k : chunk;
            srv_enc_file_write_chunk(&c->out, p + off + k, m);
            k += m;
            if (c->out.len >= SRV_BLOB_FLUSH && !lo_send(c))
                return lo_lost(c, err, "cannot send data");
        }
        srv_enc_eot(&c->out);
        if ((rc = lo_result(c, &res, err)) != 0)
            return rc;
        if (res < 0 || (size_t)res != req) {
            if ((rc = lo_close(c, err)) != 0)
                return rc;
            return lo_fail(err, res < 0 ? "cannot write" : "short write to", name);
        }
        off += req;
    }
    return lo_close(c, err);
}

static void fio_made(void *ctx, size_t n)
{
    struct conn *c = ctx;
    if (c->nmade < SRV_LO_MADE_MAX)
        c->made[c->nmade++] = n;
}

/* Encode the current row as a complete TUPLE message into s->pending. */
static int encode_tuple(struct conn *c, struct slot *s, const struct srv_val *row)
{
    size_t ncols = srv_stmt_ncols(s->st);
    sq_buf_reset(&c->row);
    s->row_first = s->blobs.next_handle;
    s->lo_row_first = c->lo_next;
    s->row_lob = 0;
    for (size_t i = 0; i < ncols; i++) {
        const struct srv_col *col = srv_stmt_col(s->st, i);
        struct srv_val v = row[i];
        if (c->csx.cs && v.k == SRV_V_TEXT && is_char_type(col->type, col->xid) &&
            srv_cs_out(c->csx.cs, v.p, v.n, &c->csx.buf, &v.p, &v.n) != 0)
            return SRV_E_BADCHAR;
        size_t at = c->row.len;
        int rc = srv_val_encode(&c->row, col, &v);
        if (rc)
            return rc;
        uint16_t t = SQ_T_BASE(col->type);
        if ((t == SQ_T_BYTE || t == SQ_T_TEXT) && row[i].k != SRV_V_NULL && sq_buf_ok(&c->row) &&
            c->row.len - at == SRV_BLOB_DESC) {
            /* The row carries a descriptor; the value waits for SQ_FETCHBLOB. */
            uint32_t h = srv_blobreg_add(&s->blobs, row[i].p ? row[i].p : "", row[i].n);
            if (!h)
                return SRV_E_NOMEM;
            s->row_lob += row[i].n;
            srv_blob_desc(c->row.data + at, false, row[i].n, (uint16_t)(i + 1), s->id, h);
        }
        if (t == SQ_T_UDTFIXED && (col->xid == SQ_XID_BLOB || col->xid == SQ_XID_CLOB) &&
            row[i].k != SRV_V_NULL && sq_buf_ok(&c->row) &&
            c->row.len - at == 5 + SRV_LO_LOC) {
            /* u8 0, u32 72, locator: register the value, put its handle in */
            bool made = lo_take_made(c, row[i].n);
            if (made)
                lo_files_room(c, row[i].n);
            uint32_t h = lo_add(c, s, i, made ? &c->lofiles : &s->lobs, &row[i]);
            if (!h)
                return SRV_E_NOMEM;
            if (!made)
                s->row_lob += row[i].n;
            srv_lo_locator(c->row.data + at + 5, row[i].n, h);
        }
    }
    c->nmade = 0;
    if (!sq_buf_ok(&c->row) || c->row.len > SQ_MAX_ROW_SIZE)
        return SRV_E_NOMEM;
    sq_buf_reset(&s->pending);
    srv_enc_tuple(&s->pending, c->row.data, c->row.len);
    if (!sq_buf_ok(&s->pending))
        return SRV_E_NOMEM;
    s->has_pending = true;
    return 0;
}

/* Next row into s->pending: 1 row, 0 end, -1 error sent. Scroll cursors walk
 * by position (srv_stmt_fetch_at), others with srv_stmt_next. */
static int next_tuple(struct conn *c, struct slot *s, int64_t at, bool by_pos)
{
    size_t ncols = srv_stmt_ncols(s->st);
    struct srv_err e;
    memset(&e, 0, sizeof e);
    if (!s->rowv) {
        s->rowv = sq_calloc(ncols ? ncols : 1, sizeof *s->rowv);
        if (!s->rowv) {
            reply_code(c, SRV_E_NOMEM, "");
            return -1;
        }
    }
    struct srv_val *row = s->rowv;
    int r = by_pos ? srv_stmt_fetch_at(s->st, at, row, &e) : srv_stmt_next(s->st, row, &e);
    if (r < 0) {
        reply_err(c, &e);
    } else if (r > 0) {
        int rc = encode_tuple(c, s, row);
        if (rc) {
            reply_code(c, rc, "");
            r = -1;
        }
    }
    return r < 0 ? -1 : r;
}

/* Append s->pending to the reply, arming the drop-mid-tuple fault. */
static void send_pending(struct conn *c, struct slot *s)
{
    size_t at = c->out.len;
    sq_buf_append(&c->out, s->pending.data, s->pending.len);
    s->has_pending = false;
    if (!c->cut && fault_point(c, SRV_FAULT_DROP_MID_TUPLE)) {
        c->cut = true;
        c->cut_at = at + s->pending.len / 2;
    }
}

/* After a tuple went out: the err-mid-fetch fault. True if it fired. */
static bool midfetch_fault(struct conn *c)
{
    if (c->cut || !fault_point(c, SRV_FAULT_ERR_MID_FETCH))
        return false;
    reply_code(c, SRV_E_MIDFETCH, "");
    return true;
}

/* SQ_NFETCH: TUPLEs while the next one fits in bufsize (at least one; the
 * budget counts whole TUPLE messages), then DONE(rows sent in all) + COST at
 * the end, or nothing more (the group's EOT) when rows remain. */
static void do_nfetch(struct conn *c, struct slot *s, uint32_t bufsize)
{
    size_t budget = bufsize < SRV_MAX_REPLY_ROWS ? bufsize : SRV_MAX_REPLY_ROWS;
    size_t used = 0;
    int sent = 0;
    srv_blobreg_fetch_begin(&s->blobs, s->has_pending ? s->row_first : s->blobs.next_handle);
    srv_blobreg_fetch_begin(&s->lobs, s->has_pending ? s->lo_row_first : c->lo_next);
    while (!s->at_end) {
        if (!s->has_pending) {
            int r = next_tuple(c, s, s->pos + 1, s->is_scroll);
            if (r < 0)
                return;
            if (r == 0) {
                s->at_end = true;
                if (s->is_scroll)
                    s->pos++;
                break;
            }
            if (s->is_scroll)
                s->pos++;
        }
        /* BYTE/TEXT values count too: the registry holds them until the
         * next-but-one fetch, so a batch of big values stays small. */
        if (sent > 0 && used + s->pending.len + s->row_lob > budget)
            return; /* keep the row for the next fetch */
        used += s->pending.len + s->row_lob;
        send_pending(c, s);
        sent++;
        s->rows_sent++;
        if (midfetch_fault(c))
            return;
    }
    srv_enc_done(&c->out, &c->caps, 0, s->rows_sent, 0, 0);
    srv_enc_cost(&c->out, (int32_t)(s->rows_sent > INT32_MAX ? INT32_MAX : s->rows_sent), 0);
}

/* SQ_SFETCH (PROTOCOL.md): one row as TUPID + TUPLE, or DONE + COST past
 * either end. NEXT fills the buffer from the current position (target ignored:
 * our reading), each row preceded by its TUPID. */
static void do_sfetch(struct conn *c, struct slot *s, const struct srv_msg *m)
{
    int64_t want;
    struct srv_err e;
    memset(&e, 0, sizeof e);
    s->has_pending = false;
    srv_blobreg_fetch_begin(&s->lobs, c->lo_next);
    switch (m->u.sfetch.type) {
    case SQ_SFETCH_NEXT: {
        size_t budget =
            m->u.sfetch.bufsize < SRV_MAX_REPLY_ROWS ? m->u.sfetch.bufsize : SRV_MAX_REPLY_ROWS;
        size_t used = 0;
        int sent = 0;
        for (;;) {
            int r = next_tuple(c, s, s->pos + 1, true);
            if (r < 0)
                return;
            if (r == 0) {
                s->pos++;
                break;
            }
            if (sent > 0 && used + s->pending.len + 6 > budget) {
                s->has_pending = false; /* refetched by position next time */
                return;
            }
            s->pos++;
            srv_enc_tupid(&c->out, (int32_t)s->pos);
            used += s->pending.len + 6;
            send_pending(c, s);
            sent++;
            if (midfetch_fault(c))
                return;
        }
        srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
        srv_enc_cost(&c->out, 0, 0);
        return;
    }
    case SQ_SFETCH_PRIOR:
        want = s->pos - 1;
        break;
    case SQ_SFETCH_FIRST:
        want = 1;
        break;
    case SQ_SFETCH_LAST:
        want = srv_stmt_row_count(s->st, &e);
        if (want < 0) {
            reply_err(c, &e);
            return;
        }
        break;
    case SQ_SFETCH_CURRENT:
        want = s->pos;
        break;
    case SQ_SFETCH_ABSOLUTE:
        want = m->u.sfetch.target;
        break;
    case SQ_SFETCH_RELATIVE:
        want = s->pos + m->u.sfetch.target;
        break;
    default:
        reply_code(c, SRV_E_SCROLLTYPE, "");
        return;
    }
    int r = want >= 1 ? next_tuple(c, s, want, true) : 0;
    if (r < 0)
        return;
    if (r == 0) {
        if (want < 1) {
            s->pos = 0;
        } else {
            int64_t n = srv_stmt_row_count(s->st, &e);
            s->pos = n >= 0 ? n + 1 : want;
        }
        s->has_pending = false;
        srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
        srv_enc_cost(&c->out, 0, 0);
        return;
    }
    s->pos = want;
    srv_enc_tupid(&c->out, (int32_t)(want > INT32_MAX ? INT32_MAX : want));
    send_pending(c, s);
    (void)midfetch_fault(c); /* the ERR follows the row in the same group */
}

/* --------------------------------------------------------- messages --- */

static void do_describe(struct conn *c, struct slot *s)
{
    struct srv_stmt *st = s->st;
    bool rows = srv_stmt_returns_rows(st);
    size_t n = rows ? srv_stmt_ncols(st) : srv_stmt_nparams(st);
    const struct srv_col **cols = NULL;
    if (!rows && n && !srv_stmt_param(st, 0))
        n = 0; /* parameters not described (not an INSERT): zero columns */
    if (n) {
        cols = sq_calloc(n, sizeof *cols);
        if (!cols) {
            reply_code(c, SRV_E_NOMEM, "");
            return;
        }
        for (size_t i = 0; i < n; i++) {
            cols[i] = rows ? srv_stmt_col(st, i) : srv_stmt_param(st, i);
            if (!cols[i]) {
                n = 0;
                break;
            }
        }
    }
    struct srv_col *named = NULL; /* names in the database code set */
    if (n && c->csx.cs) {
        named = sq_calloc(n, sizeof *named);
        if (!named) {
            sq_free(cols);
            reply_code(c, SRV_E_NOMEM, "");
            return;
        }
        for (size_t i = 0; i < n; i++) {
            named[i] = *cols[i];
            const char *o;
            size_t on;
            if (srv_cs_out(c->csx.cs, cols[i]->name, strlen(cols[i]->name), &c->csx.buf, &o, &on) ==
                    0 &&
                on < sizeof named[i].name) {
                memcpy(named[i].name, o, on);
                named[i].name[on] = '\0';
            }
            cols[i] = &named[i];
        }
    }
    size_t at = c->out.len;
    srv_enc_describe(&c->out, &c->caps, (uint16_t)srv_stmt_type(st), s->id, 0, cols, n);
    sq_free(cols);
    sq_free(named);
    if (!c->cut && fault_point(c, SRV_FAULT_TRUNCATE_DESCRIBE)) {
        c->cut = true;
        c->cut_at = at + (c->out.len - at) / 2;
    }
}

static void do_prepare(struct conn *c, const struct srv_msg *m)
{
    size_t len = m->u.prepare.len;
    const char *sql = (const char *)m->u.prepare.sql;
    while (len && sql[len - 1] == '\0')
        len--; /* NMAP/JDBC count a trailing NUL (W18) */
    c->cur = NULL;
    c->done_sent = false;
    if (c->nopen >= SRV_MAX_STMTS) {
        reply_code(c, SRV_E_TOOMANY, "");
        return;
    }
    if (srv_cs_in(c->csx.cs, sql, len, &c->csx.buf, &sql, &len) != 0) {
        reply_code(c, SRV_E_ILLEGAL_CHAR, ""); /* not text in the database code set */
        return;
    }
    faults_arm_on(c, sql, len);
    struct srv_err e;
    memset(&e, 0, sizeof e);
    struct srv_stmt *st = srv_stmt_prepare(c->sess, sql, len, &e);
    if (!st) {
        reply_err(c, &e);
        return;
    }
    struct slot *s = new_slot(c, st);
    if (!s) {
        srv_stmt_free(st);
        reply_code(c, SRV_E_TOOMANY, "");
        return;
    }
    srv_stats_stmt_add(c->stats, s->id, sql, len);
    c->cur = s;
}

/* A BYTE/TEXT parameter block: its value is the next spooled SQ_BLOB stream
 * of the group (doc §9.7), unless the descriptor says NULL (flags 0x0001, as
 * JDBC sends it; an indicator of -1 is NULL too). */
static int bind_blob(struct conn *c, const struct srv_bparam *p, struct srv_val *v)
{
    uint32_t size, handle;
    memset(v, 0, sizeof *v);
    v->k = SRV_V_NULL;
    if (p->len != SRV_BLOB_DESC || !srv_blob_desc_read(p->data, &size, &handle))
        return 0;
    if (c->spool.oom)
        return SRV_E_NOMEM;
    const struct sq_buf *b = srv_blobspool_take(&c->spool);
    if (!b)
        return SRV_E_BINDCOUNT; /* fewer SQ_BLOB values than BYTE/TEXT parameters */
    c->blob_params++;
    v->k = p->type == SQ_T_BYTE ? SRV_V_BYTES : SRV_V_TEXT;
    v->p = b->data ? (const char *)b->data : "";
    v->n = b->len;
    return 0;
}

/* A smart-LOB locator parameter (PROTOCOL.md): the value its handle names in
 * this session. A file value bound into a statement that returns no rows is
 * consumed at the end of the group. */
static bool bind_locator(struct conn *c, struct slot *s, const struct srv_bparam *p,
                         struct srv_val *v)
{
    uint64_t size;
    uint32_t h;
    bool file = false;
    const struct srv_blob_ent *e = NULL;
    memset(v, 0, sizeof *v);
    if (srv_lo_locator_read(p->data, p->len, &size, &h) && h != 0)
        e = lo_find(c, h, &file);
    if (!e || e->n != size) {
        reply_code(c, SRV_E_LO, "smart-large-object locator not valid in this session");
        return false;
    }
    v->k = p->prec == SQ_XID_CLOB ? SRV_V_TEXT : SRV_V_BYTES;
    v->p = (const char *)e->data;
    v->n = e->n;
    if (file && !srv_stmt_returns_rows(s->st) && c->nused < SRV_LO_USED_MAX)
        c->used[c->nused++] = h;
    return true;
}

/* SQ_FETCHBLOB (doc §9.7): the value named by a descriptor of this cursor's
 * rows, as SQ_BLOB chunks and an empty chunk; the group's EOT follows. The
 * reply is written out every SRV_BLOB_FLUSH bytes, so a large value never sits
 * whole in the reply buffer (the socket's flow control paces the server). */
static bool do_fetchblob(struct conn *c, struct slot *s, const uint8_t *desc)
{
    uint32_t size, handle;
    if (!s->is_open) {
        reply_code(c, SRV_E_BLOBOPEN, "");
        return true;
    }
    if (!srv_blob_desc_read(desc, &size, &handle)) {
        srv_enc_blob_chunk(&c->out, NULL, 0); /* a NULL value: no data */
        return true;
    }
    const struct srv_blob_ent *e = srv_blobreg_find(&s->blobs, handle);
    if (!e) {
        reply_code(c, SRV_E_BLOBOPEN, "");
        return true;
    }
    for (size_t off = 0; off < e->n;) {
        size_t n = e->n - off < SRV_BLOB_CHUNK ? e->n - off : SRV_BLOB_CHUNK;
        srv_enc_blob_chunk(&c->out, e->data + off, n);
        off += n;
        if (c->out.len >= SRV_BLOB_FLUSH && !c->cut) {
            if (!sq_buf_ok(&c->out) || !send_all(c->fd, c->tls, c->out.data, c->out.len))
                return false;
            sq_buf_reset(&c->out);
        }
    }
    srv_enc_blob_chunk(&c->out, NULL, 0);
    return true;
}

static void do_bind(struct conn *c, struct slot *s, const struct srv_msg *m)
{
    if (m->u.bind.count != srv_stmt_nparams(s->st)) {
        reply_code(c, SRV_E_BINDCOUNT, "");
        return;
    }
    struct sq_rd rd;
    sq_rd_init(&rd, m->u.bind.blocks, m->u.bind.len);
    for (size_t i = 0; i < m->u.bind.count; i++) {
        struct srv_bparam p;
        struct srv_val v;
        char scratch[SRV_BIND_SCRATCH];
        struct srv_err e;
        memset(&e, 0, sizeof e);
        if (srv_decode_bparam(&rd, &p) != SQ_RC_OK) {
            reply_code(c, SRV_E_BINDCOUNT, ""); /* cannot happen: checked by the scan */
            return;
        }
        int rc;
        bool lob = (p.type == SQ_T_BYTE || p.type == SQ_T_TEXT) && p.ind != -1;
        bool loc = p.type == SQ_T_UDTFIXED && p.ind != -1 &&
                   (p.prec == SQ_XID_BLOB || p.prec == SQ_XID_CLOB);
        if (loc) {
            if (!bind_locator(c, s, &p, &v))
                return;
            lob = true;
            rc = 0;
        } else if (lob)
            rc = bind_blob(c, &p, &v);
        else
            rc = srv_bparam_to_val(&p, &v, scratch);
        if (rc) {
            reply_code(c, rc, "");
            return;
        }
        if (v.k == SRV_V_TEXT && is_char_type(p.type, SQ_XID_LVARCHAR) &&
            srv_cs_in(c->csx.cs, v.p, v.n, &c->csx.buf, &v.p, &v.n) != 0) {
            reply_code(c, SRV_E_BADCHAR, "bind value");
            return;
        }
        if ((lob ? srv_stmt_bind_lob(s->st, i, &v, &e) : srv_stmt_bind(s->st, i, &v, &e)) != 0) {
            reply_err(c, &e);
            return;
        }
    }
}

static void do_execute(struct conn *c, struct slot *s)
{
    struct srv_err e;
    memset(&e, 0, sizeof e);
    bool before = srv_session_in_txn(c->sess);
    c->done_sent = true;
    if (srv_stmt_returns_rows(s->st)) {
        /* EXECUTE of a SELECT: run it, count and discard the rows */
        size_t ncols = srv_stmt_ncols(s->st);
        struct srv_val *row = sq_calloc(ncols ? ncols : 1, sizeof *row);
        int64_t n = 0;
        int r;
        if (!row) {
            reply_code(c, SRV_E_NOMEM, "");
            return;
        }
        if (s->is_open)
            srv_stmt_close(s->st);
        set_open(c, s, false);
        if (srv_stmt_open(s->st, &e) != 0) {
            sq_free(row);
            reply_err(c, &e);
            return;
        }
        while ((r = srv_stmt_next(s->st, row, &e)) > 0)
            n++;
        srv_stmt_close(s->st);
        sq_free(row);
        if (r < 0) {
            reply_err(c, &e);
            return;
        }
        srv_enc_done(&c->out, &c->caps, 0, n, 0, 0);
        srv_enc_cost(&c->out, (int32_t)(n > INT32_MAX ? INT32_MAX : n), 0);
        xactstat_if_changed(c, before);
        return;
    }
    struct srv_exec_result res;
    memset(&res, 0, sizeof res);
    if (srv_stmt_execute(s->st, &res, &e) != 0) {
        reply_err(c, &e);
        xactstat_if_changed(c, before);
        return;
    }
    if (res.is_insert &&
        (c->ctx->profile.insertdone_always || res.serial8 != 0 || res.bigserial != 0))
        srv_enc_insertdone(&c->out, &c->caps, res.serial8, res.bigserial);
    srv_enc_done(&c->out, &c->caps, 0, res.rows, res.rowid, res.serial);
    srv_enc_cost(&c->out, (int32_t)(res.rows > INT32_MAX ? INT32_MAX : res.rows), 0);
    xactstat_if_changed(c, before);
}

static void do_open(struct conn *c, struct slot *s)
{
    struct srv_err e;
    memset(&e, 0, sizeof e);
    if (!srv_stmt_returns_rows(s->st)) {
        reply_code(c, SRV_E_NOTCURSOR, "");
        return;
    }
    if (s->is_open)
        srv_stmt_close(s->st);
    set_open(c, s, false);
    s->at_end = false;
    s->has_pending = false;
    srv_blobreg_clear(&s->blobs);
    srv_blobreg_clear(&s->lobs);
    if (s->is_scroll) {
        for (size_t i = 0; i < srv_stmt_ncols(s->st); i++) {
            uint16_t t = SQ_T_BASE(srv_stmt_col(s->st, i)->type);
            if (t == SQ_T_BYTE || t == SQ_T_TEXT) {
                reply_code(c, SRV_E_SCROLLBLOB, "");
                return;
            }
        }
    }
    s->rows_sent = 0;
    s->pos = 0;
    bool before = srv_session_in_txn(c->sess);
    if (srv_stmt_open(s->st, &e) != 0) {
        reply_err(c, &e);
        return;
    }
    set_open(c, s, true);
    xactstat_if_changed(c, before);
}

static void do_txn(struct conn *c, uint16_t op)
{
    struct srv_err e;
    memset(&e, 0, sizeof e);
    bool before = srv_session_in_txn(c->sess);
    int rc;
    uint16_t ev;
    if (op == SQ_BEGIN) {
        rc = srv_session_begin(c->sess, &e);
        ev = SRV_XACT_BEGIN;
    } else if (op == SQ_CMMTWORK) {
        rc = srv_session_commit(c->sess, &e);
        ev = SRV_XACT_COMMIT;
    } else {
        rc = srv_session_rollback(c->sess, &e);
        ev = SRV_XACT_ROLLBACK;
    }
    if (rc != 0) {
        reply_err(c, &e);
        return;
    }
    if (db_is_logged(c))
        srv_enc_xactstat(&c->out, ev, srv_session_in_txn(c->sess) ? 1 : 0, before ? 1 : 0);
    srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
}

static void do_info(struct conn *c, const struct srv_msg *m)
{
    struct sq_rd rd;
    sq_rd_init(&rd, m->u.info.entries, m->u.info.len);
    for (;;) {
        const uint8_t *n, *v;
        size_t nl, vl;
        bool done;
        if (srv_decode_info_entry(&rd, &n, &nl, &v, &vl, &done) != SQ_RC_OK || done)
            return;
        srv_log(SRV_LOG_DEBUG, c->no, "info %.*s=%.*s", (int)nl, (const char *)n,
                (int)(vl > 200 ? 200 : vl), (const char *)v);
    }
}

/* Run one decoded message. The statement-targeting ones need c->cur. */
static void dispatch(struct conn *c, const struct srv_msg *m)
{
    struct srv_err e;
    memset(&e, 0, sizeof e);
    switch (m->op) {
    case SQ_PROTOCOLS: {
        uint8_t granted[SRV_MASK_MAX];
        srv_caps_grant(&c->ctx->profile, m->u.protocols.mask, m->u.protocols.len, granted,
                       &c->caps);
        srv_enc_protocols(&c->out, granted, m->u.protocols.len);
        return;
    }
    case SQ_INFO:
        do_info(c, m);
        return;
    case SQ_DBOPEN: {
        char name[SQ_MAX_NAME + 1];
        memcpy(name, m->u.dbopen.name, m->u.dbopen.len);
        name[m->u.dbopen.len] = '\0';
        release_all(c);
        if (memchr(m->u.dbopen.name, 0, m->u.dbopen.len) || m->u.dbopen.len == 0) {
            reply_code(c, SRV_E_NODB, name);
            return;
        }
        if (srv_session_dbopen(c->sess, name, &e) != 0) {
            reply_err(c, &e);
            return;
        }
        srv_log(SRV_LOG_INFO, c->no, "database %s opened", name);
        srv_stats_set_db(c->stats, name);
        srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
        return;
    }
    case SQ_DBCLOSE:
        release_all(c);
        srv_stats_set_db(c->stats, "");
        if (srv_session_dbclose(c->sess, &e) != 0) {
            reply_err(c, &e);
            return;
        }
        srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
        return;
    case SQ_DBLIST:
        /* TODO(2): list the data directory's databases (needs an engine call) */
        srv_enc_dblist_end(&c->out);
        return;
    case SQ_BEGIN:
    case SQ_CMMTWORK:
    case SQ_RBWORK:
        do_txn(c, m->op);
        return;
    case SQ_PREPARE:
    case SQ_COMMAND:
        do_prepare(c, m);
        return;
    case SQ_ID:
        c->cur = m->u.id < c->nslots ? c->slots[m->u.id] : NULL;
        c->done_sent = false;
        if (!c->cur)
            reply_code(c, SRV_E_NOSTMT, "");
        return;
    case SQ_WANTDONE:
        if (!c->done_sent) {
            srv_enc_done(&c->out, &c->caps, 0, 0, 0, 0);
            srv_enc_cost(&c->out, 0, 0);
            c->done_sent = true;
        }
        return;
    case SQ_RET_TYPE:
        return; /* accepted and ignored (PROTOCOL.md) */
    default:
        break;
    }
    struct slot *s = c->cur;
    if (!s) {
        reply_code(c, SRV_E_NOSTMT, "");
        return;
    }
    switch (m->op) {
    case SQ_NDESCRIBE:
        do_describe(c, s);
        return;
    case SQ_CURNAME:
        /* A cursor declaration starts (doc §7.5): SQ_SCROLL / SQ_HOLD after
         * it say what this cursor is; a re-declared one forgets the last. */
        memcpy(s->curname, m->u.curname.name, m->u.curname.len);
        s->curname[m->u.curname.len] = '\0';
        s->is_scroll = false;
        s->is_hold = false;
        return;
    case SQ_SCROLL:
        s->is_scroll = true;
        return;
    case SQ_HOLD:
        s->is_hold = true;
        return;
    case SQ_BIND:
        do_bind(c, s, m);
        return;
    case SQ_OPEN:
        do_open(c, s);
        return;
    case SQ_EXECUTE:
        do_execute(c, s);
        return;
    case SQ_NFETCH:
        if (!s->is_open) {
            reply_code(c, SRV_E_NOTOPEN, "");
            return;
        }
        do_nfetch(c, s, m->u.bufsize);
        return;
    case SQ_SFETCH:
        if (!s->is_open) {
            reply_code(c, SRV_E_NOTOPEN, "");
            return;
        }
        do_sfetch(c, s, m);
        return;
    case SQ_CLOSE:
        if (s->is_open)
            srv_stmt_close(s->st);
        set_open(c, s, false);
        s->has_pending = false;
        srv_blobreg_clear(&s->blobs);
        srv_blobreg_clear(&s->lobs);
        return;
    case SQ_FETCHBLOB:
        if (!do_fetchblob(c, s, m->u.blobdesc))
            c->lost = true;
        return;
    case SQ_BBIND:
        /* The chunks were spooled while the group was read (scan_group). */
        if (m->u.bbind != c->blob_params || srv_blobspool_count(&c->spool) != c->blob_params ||
            c->spool.open)
            reply_code(c, SRV_E_BINDCOUNT, "");
        return;
    case SQ_RELEASE:
        release_slot(c, s);
        return;
    default:
        srv_log(SRV_LOG_WARN, c->no, "unhandled opcode %u", m->op);
        return;
    }
}

/* ----------------------------------------------------------- groups --- */

/* Send the reply group in c->out, applying stall/garbage/cut faults. False
 * when the connection must close. */
static bool flush_reply(struct conn *c)
{
    const struct srv_fault *f = fault_point(c, SRV_FAULT_STALL);
    if (f && f->ms > 0)
        sleep_ms(f->ms);
    if (!sq_buf_ok(&c->out)) {
        srv_log(SRV_LOG_ERROR, c->no, "out of memory building a reply");
        return false;
    }
    if (c->cut) {
        (void)send_all(c->fd, c->tls, c->out.data, c->cut_at); /* closing anyway */
        srv_log(SRV_LOG_INFO, c->no, "fault: reply cut at byte %zu, closing", c->cut_at);
        return false;
    }
    bool ok = send_all(c->fd, c->tls, c->out.data, c->out.len);
    sq_buf_reset(&c->out);
    if (c->out.cap > (1u << 20))
        sq_buf_fini(&c->out);
    return ok;
}

/* Find the end of the next complete group (after SQ_EOT, or after a bare
 * SQ_EXIT) from c->scan_pos. OK, NEED_MORE or PROTOCOL. */
static enum sq_rc scan_group(struct conn *c, size_t *end)
{
    struct sq_rd rd;
    sq_rd_init(&rd, c->in.data, c->in.len);
    rd.pos = c->scan_pos;
    for (;;) {
        struct srv_msg m;
        size_t at = rd.pos;
        enum sq_rc rc = srv_decode_msg(&rd, &c->scan_caps, &m);
        if (rc == SQ_RC_NEED_MORE) {
            c->scan_pos = at;
            return rc;
        }
        if (rc != SQ_RC_OK) {
            uint16_t op = 0;
            if (c->in.len - at >= 2)
                op = sq_load_u16(c->in.data + at);
            srv_log(SRV_LOG_WARN, c->no, "malformed or unknown message (opcode %u) at byte %zu", op,
                    at);
            return rc;
        }
        if (m.op == SQ_BLOB) {
            /* Move the chunk to the spool and cut it out of the input, so a
             * large value never sits in the group buffer (SRV_MAX_GROUP). */
            srv_blobspool_chunk(&c->spool, m.u.blob.p, m.u.blob.n);
            size_t len = rd.pos - at;
            memmove(c->in.data + at, c->in.data + rd.pos, c->in.len - rd.pos);
            c->in.len -= len;
            sq_rd_init(&rd, c->in.data, c->in.len);
            rd.pos = at;
            continue;
        }
        if (m.op == SQ_PROTOCOLS) {
            uint8_t granted[SRV_MASK_MAX];
            srv_caps_grant(&c->ctx->profile, m.u.protocols.mask, m.u.protocols.len, granted,
                           &c->scan_caps);
        }
        if (m.op == SQ_EOT || m.op == SQ_EXIT) {
            *end = rd.pos;
            return SQ_RC_OK;
        }
    }
}

/* A garbage-opcode fault with /TEXT is armed: it counts every reply group
 * from the arming one on, database or not. */
static bool garbage_armed_by_text(const struct conn *c)
{
    const struct srv_fault_plan *p = &c->ctx->faults;
    for (size_t i = 0; i < p->n; i++)
        if (p->f[i].kind == SRV_FAULT_GARBAGE_OPCODE && p->f[i].on[0] && c->fault_armed[i])
            return true;
    return false;
}

/* Run a complete group in[0..end). False when the connection must close. */
static bool handle_group(struct conn *c, size_t end)
{
    struct sq_rd rd;
    sq_rd_init(&rd, c->in.data, end);
    c->err = false;
    c->done_sent = false;
    c->cur = NULL;
    c->blob_params = 0;
    c->nmade = 0;
    c->nused = 0;
    sq_buf_reset(&c->out);
    bool db_before = c->db_replied;
    bool opened = false;
    for (;;) {
        struct srv_msg m;
        if (srv_decode_msg(&rd, &c->caps, &m) != SQ_RC_OK)
            return false; /* cannot happen: scanned with the same caps */
        srv_log(SRV_LOG_DEBUG, c->no, "<- %s", srv_op_name(m.op));
        if (m.op == SQ_EOT)
            break;
        if (m.op == SQ_EXIT) {
            /* doc §17.1: bare SQ_EXIT answered by a bare SQ_EXIT, then close */
            srv_enc_exit(&c->out);
            (void)flush_reply(c);
            srv_log(SRV_LOG_INFO, c->no, "client exit");
            return false;
        }
        if (c->err)
            continue; /* the rest of a failing group is not executed */
        srv_cs_conn_sync(&c->csx, srv_session_db_locale(c->sess));
        dispatch(c, &m);
        if (c->lost)
            return false;
        if (m.op == SQ_DBOPEN && !c->err)
            opened = true;
    }
    srv_blobspool_reset(&c->spool);
    lo_group_end(c);
    srv_enc_eot(&c->out);
    /* garbage-opcode without /TEXT: reply groups after the database opened */
    if ((db_before || garbage_armed_by_text(c)) &&
        fault_point(c, SRV_FAULT_GARBAGE_OPCODE)) {
        sq_buf_reset(&c->out);
        sq_wr_u16(&c->out, 0x0471); /* V21: unknown opcode 1137 */
        srv_enc_eot(&c->out);
        srv_log(SRV_LOG_INFO, c->no, "fault: garbage opcode sent");
    }
    if (opened)
        c->db_replied = true;
    return flush_reply(c);
}

/* ------------------------------------------------------------ login --- */

/* DELIMIDENT from the login environment. Informix's rule: without DELIMIDENT,
 * "x" is a string literal; DELIMIDENT=y (or Y, yes, or an empty value, as a
 * bare `export DELIMIDENT` gives) makes it a delimited identifier; n/no/
 * anything else keeps it off. Our ODBC driver sends DELIMIDENT=y unless the DSN
 * turns it off, in which case it sends nothing (driver/odbc/dbc.c). The last
 * occurrence wins, as in srv_login_env. */
static bool login_delimident(const struct srv_conreq *rq)
{
    static const char name[] = "DELIMIDENT";
    bool on = false;
    for (size_t i = 0; i < rq->nenv; i++) {
        const struct srv_envvar *e = &rq->env[i];
        if (e->nlen != sizeof name - 1 || memcmp(e->name, name, e->nlen) != 0)
            continue;
        on = e->vlen == 0 || e->val[0] == 'y' || e->val[0] == 'Y';
    }
    return on;
}

/* Read and answer the login. True when the session may continue. */
static bool do_login(struct conn *c, struct srv_conreq *rq)
{
    size_t body_len;
    int tmo = c->ctx->stall_timeout_ms;
    if (!read_exact(c->fd, c->tls, &c->in, SQ_SL_HEADER_SIZE, tmo))
        return false;
    if (srv_login_header(c->in.data, c->in.len, &body_len) != SQ_RC_OK) {
        srv_log(SRV_LOG_WARN, c->no, "not an SQLI connection request");
        return false;
    }
    if (!read_exact(c->fd, c->tls, &c->in, SQ_SL_HEADER_SIZE + body_len, tmo))
        return false;
    if (srv_login_parse(c->in.data + SQ_SL_HEADER_SIZE, body_len, rq) != SQ_RC_OK) {
        srv_log(SRV_LOG_WARN, c->no, "malformed connection request");
        return false;
    }
    int svc = srv_login_check(c->ctx, rq);
    if (svc == 0 && srv_fault_get(&c->ctx->faults, SRV_FAULT_REJECT_LOGIN, c->no))
        svc = -951;
    srv_login_env(rq, "CLIENT_LOCALE", c->client_locale, sizeof c->client_locale);
    srv_login_env(rq, "DB_LOCALE", c->db_locale, sizeof c->db_locale);
    srv_login_env(rq, "DBDATE", c->dbdate, sizeof c->dbdate);
    c->delimident = login_delimident(rq); /* rq's strings point into c->in: read them now */
    sq_buf_reset(&c->out);
    srv_login_reply(&c->out, rq, c->ctx->server_name, c->ctx->profile.server_version, (int16_t)svc);
    bool sent = sq_buf_ok(&c->out) && send_all(c->fd, c->tls, c->out.data, c->out.len);
    sq_buf_reset(&c->out);
    explicit_bzero(rq->password, sizeof rq->password);
    if (svc != 0) {
        srv_log(SRV_LOG_INFO, c->no, "login of '%s' refused (%d)", rq->user, svc);
        return false;
    }
    srv_log(SRV_LOG_INFO, c->no, "login of '%s' (client locale '%s', db locale '%s')", rq->user,
            c->client_locale, c->db_locale);
    if (!sent)
        return false;
    if (srv_fault_get(&c->ctx->faults, SRV_FAULT_CLOSE_AFTER_LOGIN, c->no)) {
        srv_log(SRV_LOG_INFO, c->no, "fault: closing after login");
        return false;
    }
    sq_buf_consume(&c->in, SQ_SL_HEADER_SIZE + body_len);
    return true;
}

void srv_conn_run(const struct srv_ctx *ctx, int fd, int session_no)
{
    struct conn *c = sq_calloc(1, sizeof *c);
    struct srv_conreq *rq = sq_calloc(1, sizeof *rq);
    if (!c || !rq) {
        srv_log(SRV_LOG_ERROR, session_no, "out of memory");
        goto out;
    }
    c->ctx = ctx;
    c->fd = fd;
    c->no = session_no;
    sq_buf_init(&c->in);
    sq_buf_init(&c->out);
    sq_buf_init(&c->row);
    sq_buf_init(&c->fin);
    srv_blobreg_init(&c->lofiles);
    c->lo_next = 1;
    srv_cs_conn_init(&c->csx);
    c->caps.nfetch16 = ctx->profile.nfetch16;
    if (ctx->tls) {
        /* onsocssl (doc §11): the handshake comes before the SL header. */
        c->tls =
            srv_tls_accept(ctx->tls, fd, SRV_TLS_HANDSHAKE_MS, ctx->stall_timeout_ms, session_no);
        if (!c->tls)
            goto out;
    }
    faults_arm_initial(c);
    if (!do_login(c, rq))
        goto out;
    /* Accounting only: a session runs without its registry entry. */
    c->stats = srv_stats_attach(session_no, rq->user, rq->host, (int)rq->pid, rq->app_name);
    c->sess = srv_session_new(ctx->eng, session_no, rq->user);
    if (!c->sess) {
        srv_log(SRV_LOG_ERROR, session_no, "cannot create an engine session");
        goto out;
    }
    srv_session_set_delimident(c->sess, c->delimident);
    struct srv_file_io fio = {.ctx = c, .get = fio_get, .put = fio_put, .made = fio_made};
    srv_session_set_file_io(c->sess, &fio);
    srv_session_set_client_locale(c->sess, c->db_locale);
    c->scan_caps = c->caps;
    for (;;) {
        size_t end;
        enum sq_rc rc = scan_group(c, &end);
        if (rc == SQ_RC_OK) {
            if (!handle_group(c, end))
                break;
            sq_buf_consume(&c->in, end);
            c->scan_pos = 0;
            c->scan_caps = c->caps;
            if (!c->in.len)
                sq_buf_shrink(&c->in, 1u << 20);
            continue;
        }
        if (rc != SQ_RC_NEED_MORE)
            break;
        if (c->in.len > SRV_MAX_GROUP) {
            srv_log(SRV_LOG_WARN, c->no, "client group over %u bytes, closing", SRV_MAX_GROUP);
            break;
        }
        /* idle between groups: wait forever; inside a message: stall timeout */
        int r = read_more(fd, c->tls, &c->in, c->in.len ? ctx->stall_timeout_ms : -1);
        if (r == -1)
            srv_log(SRV_LOG_WARN, c->no, "partial message stalled, closing");
        if (r != 1)
            break;
    }
    srv_log(SRV_LOG_INFO, session_no, "session ends");
out:
    if (c) {
        if (c->sess) {
            release_all(c);
            srv_session_free(c->sess); /* rolls back an open transaction */
        }
        bool counted = c->stats != NULL;
        srv_stats_detach(c->stats); /* after every statement was released */
        c->stats = NULL;
        if (counted) {
            int ns = 0, nt = 0, nc = 0;
            srv_stats_totals(&ns, &nt, &nc);
            srv_log(SRV_LOG_INFO, session_no,
                    "released; server now %d session(s), %d statement(s), %d open cursor(s)", ns,
                    nt, nc);
        }
        sq_free(c->slots);
        srv_tls_conn_free(c->tls);
        sq_buf_fini(&c->in);
        sq_buf_fini(&c->out);
        sq_buf_fini(&c->row);
        sq_buf_fini(&c->fin);
        srv_blobreg_clear(&c->lofiles);
        srv_cs_conn_fini(&c->csx);
        srv_blobspool_reset(&c->spool);
        sq_free(c);
    }
    if (rq) {
        explicit_bzero(rq, sizeof *rq);
        sq_free(rq);
    }
}

void srv_conn_refuse(const struct srv_ctx *ctx, int fd, int16_t svc_error)
{
    if (ctx->tls)
        return; /* TODO(8): a CONREJ over TLS needs a handshake first; just close */
    struct sq_buf in = SQ_BUF_INIT, out = SQ_BUF_INIT;
    struct srv_conreq *rq = sq_calloc(1, sizeof *rq);
    size_t body_len;
    bool parsed = false;
    if (rq && read_exact(fd, NULL, &in, SQ_SL_HEADER_SIZE, 1000) &&
        srv_login_header(in.data, in.len, &body_len) == SQ_RC_OK &&
        read_exact(fd, NULL, &in, SQ_SL_HEADER_SIZE + body_len, 1000))
        parsed = srv_login_parse(in.data + SQ_SL_HEADER_SIZE, body_len, rq) == SQ_RC_OK;
    srv_login_reply(&out, parsed ? rq : NULL, ctx->server_name, ctx->profile.server_version,
                    svc_error ? svc_error : SRV_E_REFUSED);
    if (sq_buf_ok(&out))
        (void)send_all(fd, NULL, out.data, out.len); /* best effort: closing anyway */
    sq_buf_fini(&in);
    sq_buf_fini(&out);
    if (rq) {
        explicit_bzero(rq, sizeof *rq);
        sq_free(rq);
    }
}
