/* SPDX-License-Identifier: MIT */
/* it_srv_lofile.c - BLOB/CLOB data through ifxlite's SQ_FILE route
 * (PROTOCOL.md "Smart LOBs", doc §9.8 [L]), raw bytes against a running
 * ifxlite: a hand-built client (byte helpers only, no driver messages) that
 * answers the server's file requests from in-memory "files". Values of 0, 1,
 * 4097 and 1 MiB + 1 bytes go in by filetoblob/filetoclob (directly in an
 * INSERT, and as a locator from SELECT filetoblob(...) bound to an INSERT),
 * come back by lotofile(?::BLOB|CLOB, 'ifxodbc_lo!', 'client') while the
 * cursor is on the row, and compare equal; a client that cannot open its file
 * gives -9810; lotofile of NULL is NULL without any file request; stale
 * locators and 'server' files give -9810; a malformed answer closes the
 * connection without a hang. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ck_util.h"
#include "it_server.h"
#include "sq_buf.h"
#include "sq_opcodes.h"
#include "sq_rd.h"
#include "sq_types.h"
#include "sq_wr.h"

static struct it_server srv;

/* ---- the client's in-memory files ---- */
#define MAX_FILES 64
struct cfile {
    char name[256];
    uint8_t *data;
    size_t n;
};
static struct cfile files[MAX_FILES];
static size_t nfiles;
static int opens;          /* SQ_FILE open requests seen */
static size_t max_block;   /* largest SQ_FILE_WRITE block seen */
static int bad_answer;     /* 1: answer the next open with a wrong opcode */
static struct cfile *cur;  /* the open file */
static size_t cur_off;

static struct cfile *file_find(const char *name)
{
    for (size_t i = 0; i < nfiles; i++)
        if (strcmp(files[i].name, name) == 0)
            return &files[i];
    return NULL;
}

static struct cfile *file_put(const char *name, const uint8_t *p, size_t n)
{
    struct cfile *f = file_find(name);
    if (!f) {
        ck_assert_uint_lt(nfiles, MAX_FILES);
        f = &files[nfiles++];
        snprintf(f->name, sizeof f->name, "%s", name);
        f->data = NULL;
    }
    free(f->data);
    f->data = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(f->data);
    if (n)
        memcpy(f->data, p, n);
    f->n = n;
    return f;
}

static void files_free(void)
{
    for (size_t i = 0; i < nfiles; i++) {
        free(files[i].data);
        files[i].data = NULL;
    }
    nfiles = 0;
}

static uint8_t *pattern(size_t n, unsigned seed)
{
    uint8_t *p = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(p);
    uint32_t x = seed * 2654435761u + 7;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (uint8_t)(x >> 16);
    }
    return p;
}

/* ---- connection ---- */
static int fd = -1;
static struct sq_buf in; /* bytes received, not yet decoded */
static size_t in_pos;

static void send_buf(struct sq_buf *b)
{
    ck_assert(sq_buf_ok(b));
    size_t off = 0;
    while (off < b->len) {
        ssize_t w = send(fd, b->data + off, b->len - off, MSG_NOSIGNAL);
        ck_assert_int_gt(w, 0);
        off += (size_t)w;
    }
    sq_buf_reset(b);
}

/* Make n bytes available at in_pos. False on EOF. */
static bool need(size_t n)
{
    while (in.len - in_pos < n) {
        if (in_pos > 0) {
            sq_buf_consume(&in, in_pos);
            in_pos = 0;
        }
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int r = poll(&pfd, 1, 20000);
        ck_assert_msg(r == 1, "no reply from ifxlite in 20 s");
        ck_assert(sq_buf_reserve(&in, 65536));
        ssize_t got = recv(fd, in.data + in.len, in.cap - in.len, 0);
        if (got <= 0)
            return false;
        in.len += (size_t)got;
    }
    return true;
}

static uint16_t rd16(void)
{
    ck_assert(need(2));
    uint16_t v = sq_load_u16(in.data + in_pos);
    in_pos += 2;
    return v;
}

static uint32_t rd32(void)
{
    ck_assert(need(4));
    uint32_t v = sq_load_u32(in.data + in_pos);
    in_pos += 4;
    return v;
}

static void rdskip(size_t n)
{
    ck_assert(need(n));
    in_pos += n;
}

/* str16 into a new buffer (NUL added). */
static uint8_t *rdstr16(size_t *n)
{
    *n = rd16();
    ck_assert(need(*n + (*n & 1)));
    uint8_t *p = malloc(*n + 1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, in.data + in_pos, *n);
    p[*n] = 0;
    in_pos += *n + (*n & 1);
    return p;
}

static void connect_login(void)
{
    fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)srv.port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    sq_buf_init(&in);
    in_pos = 0;
    uint8_t *pkt, *h;
    size_t n, hn;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n); /* doc §3.6: informix/secret@ol_test */
    struct sq_buf b = SQ_BUF_INIT;
    sq_wr_bytes(&b, pkt, n);
    free(pkt);
    send_buf(&b);
    ck_assert(need(4));
    size_t plen = sq_load_u16(in.data);
    ck_assert_hex(in.data, 4, "00 81 02 3C"); /* CONACC */
    rdskip(plen);
    /* PROTOCOLS (W3: long row ids, u32 SQL length), then DBOPEN lodb */
    ck_hex("00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C", &h, &hn);
    sq_wr_bytes(&b, h, hn);
    free(h);
    send_buf(&b);
    ck_assert_uint_eq(rd16(), SQ_PROTOCOLS);
    size_t ml = rd16();
    rdskip(ml + (ml & 1));
    ck_assert_uint_eq(rd16(), SQ_EOT);
    sq_wr_u16(&b, SQ_DBOPEN);
    (void)sq_wr_str16(&b, "lodb", 4);
    sq_wr_u16(&b, 0);
    sq_wr_u16(&b, SQ_EOT);
    send_buf(&b);
    ck_assert_uint_eq(rd16(), SQ_DONE);
    rdskip(22);
    ck_assert_uint_eq(rd16(), SQ_EOT);
    sq_buf_fini(&b);
}

static void disconnect(void)
{
    if (fd >= 0)
        close(fd);
    fd = -1;
    sq_buf_fini(&in);
}

/* ---- answering the server's file requests ---- */
static void answer_file_request(void)
{
    struct sq_buf b = SQ_BUF_INIT;
    uint16_t optype = rd16();
    if (optype == 0) { /* open */
        size_t nn;
        char *name = (char *)rdstr16(&nn);
        int32_t mode = (int32_t)rd32();
        ck_assert_uint_eq(rd32(), 0); /* flags */
        ck_assert_uint_eq(rd32(), 0); /* offset */
        ck_assert_uint_eq(rd16(), SQ_EOT);
        opens++;
        int32_t res;
        if (bad_answer) {
            bad_answer = 0;
            sq_wr_u16(&b, SQ_FILE_WRITE); /* not an answer the server knows */
            sq_wr_i32(&b, 0);
            sq_wr_u16(&b, SQ_EOT);
            send_buf(&b);
            sq_buf_fini(&b);
            free(name);
            return;
        }
        if (mode == 0) {
            cur = file_find(name);
            res = cur ? (int32_t)cur->n : -1;
        } else {
            ck_assert_int_eq(mode, 1);
            cur = file_put(name, NULL, 0);
            res = 0;
        }
        cur_off = 0;
        free(name);
        sq_wr_u16(&b, SQ_FILE_READ);
        sq_wr_i32(&b, res);
        sq_wr_u16(&b, SQ_EOT);
    } else if (optype == 2) { /* read: the server takes data up */
        uint16_t bufsize = rd16();
        int32_t amount = (int32_t)rd32();
        ck_assert_uint_eq(rd16(), SQ_EOT);
        ck_assert_uint_eq(bufsize, 32000);
        ck_assert_int_le(amount, 1 << 20);
        ck_assert_ptr_nonnull(cur);
        size_t total = cur->n - cur_off < (size_t)amount ? cur->n - cur_off : (size_t)amount;
        sq_wr_u16(&b, SQ_FILE_READ);
        sq_wr_i32(&b, (int32_t)total);
        for (size_t k = 0; k < total;) {
            size_t m = total - k < bufsize ? total - k : bufsize;
            sq_wr_u16(&b, SQ_FILE_READ);
            ck_assert(sq_wr_str16(&b, cur->data + cur_off + k, m));
            k += m;
        }
        cur_off += total;
        sq_wr_u16(&b, SQ_EOT);
    } else if (optype == 3) { /* write: data comes down */
        ck_assert_ptr_nonnull(cur);
        size_t total = 0;
        for (;;) {
            uint16_t op = rd16();
            if (op == SQ_EOT)
                break;
            ck_assert_uint_eq(op, SQ_FILE_WRITE);
            size_t m;
            uint8_t *p = rdstr16(&m);
            ck_assert_uint_le(m, 32000);
            if (m > max_block)
                max_block = m;
            cur->data = realloc(cur->data, cur->n + m + 1);
            ck_assert_ptr_nonnull(cur->data);
            memcpy(cur->data + cur->n, p, m);
            cur->n += m;
            total += m;
            free(p);
        }
        ck_assert_uint_le(total, 1u << 20);
        sq_wr_u16(&b, SQ_FILE_READ);
        sq_wr_i32(&b, (int32_t)total);
        sq_wr_u16(&b, SQ_EOT);
    } else {
        ck_assert_uint_eq(optype, 1); /* close */
        ck_assert_uint_eq(rd16(), SQ_EOT);
        cur = NULL;
        sq_wr_u16(&b, SQ_EOT);
    }
    send_buf(&b);
    sq_buf_fini(&b);
}

/* ---- one request group and its reply ---- */
struct reply {
    int sqlcode;       /* 0 or the SQ_ERR's */
    char errtext[256];
    uint8_t *rows[16]; /* TUPLE payloads */
    size_t rowlen[16];
    size_t nrows;
    bool done;
    bool eof; /* the server closed */
};

static void reply_free(struct reply *r)
{
    for (size_t i = 0; i < r->nrows; i++)
        free(r->rows[i]);
    memset(r, 0, sizeof *r);
}

static void run(struct sq_buf *b, struct reply *r)
{
    memset(r, 0, sizeof *r);
    sq_wr_u16(b, SQ_EOT);
    send_buf(b);
    for (;;) {
        if (!need(2)) {
            r->eof = true;
            return;
        }
        uint16_t op = rd16();
        switch (op) {
        case SQ_EOT:
            return;
        case SQ_FILE:
            answer_file_request();
            break;
        case SQ_TUPLE: {
            ck_assert_uint_eq(rd16(), 0);
            uint32_t n = rd32();
            ck_assert(need(n + (n & 1)));
            ck_assert_uint_lt(r->nrows, 16);
            r->rows[r->nrows] = malloc(n ? n : 1);
            memcpy(r->rows[r->nrows], in.data + in_pos, n);
            r->rowlen[r->nrows++] = n;
            in_pos += n + (n & 1);
            break;
        }
        case SQ_DONE:
            rdskip(22);
            r->done = true;
            break;
        case SQ_COST:
            rdskip(8);
            break;
        case SQ_INSERTDONE:
            rdskip(18);
            break;
        case SQ_XACTSTAT:
            rdskip(6);
            break;
        case SQ_ERR: {
            r->sqlcode = (int16_t)rd16();
            rdskip(2 + 4);
            size_t n;
            uint8_t *t = rdstr16(&n);
            snprintf(r->errtext, sizeof r->errtext, "%s", (char *)t);
            free(t);
            break;
        }
        default:
            ck_abort_msg("unexpected opcode %u in a reply", op);
        }
    }
}

/* PREPARE (no DESCRIBE); the statement gets the smallest free id. */
static void wr_prepare(struct sq_buf *b, const char *sql, uint16_t nparams)
{
    size_t n = strlen(sql);
    sq_wr_u16(b, SQ_PREPARE);
    sq_wr_u16(b, nparams);
    sq_wr_u32(b, (uint32_t)n);
    sq_wr_bytes(b, sql, n);
    sq_wr_pad(b, n);
}

static void wr_id(struct sq_buf *b, uint16_t id, uint16_t op)
{
    sq_wr_u16(b, SQ_ID);
    sq_wr_u16(b, id);
    sq_wr_u16(b, op);
}

/* PREPARE sql, OPEN, one NFETCH and RELEASE in one group (a one-row query). */
static void wr_select_once(struct sq_buf *b, const char *sql)
{
    wr_prepare(b, sql, 0);
    wr_id(b, 0, SQ_OPEN);
    sq_wr_u16(b, SQ_NFETCH);
    sq_wr_u32(b, 4096);
    sq_wr_u16(b, 0);
    sq_wr_u16(b, SQ_RELEASE);
}

static void wr_int_param(struct sq_buf *b, int32_t v)
{
    sq_wr_u16(b, SQ_T_INTEGER);
    sq_wr_i16(b, 0);
    sq_wr_u16(b, 0x0A00);
    sq_wr_i32(b, v);
}

/* The locator bind block (PROTOCOL.md): u16 41, i16 ind, u16 xid, 72 bytes. */
static void wr_loc_param(struct sq_buf *b, uint16_t xid, const uint8_t *loc)
{
    sq_wr_u16(b, SQ_T_UDTFIXED);
    sq_wr_i16(b, loc ? 0 : -1);
    sq_wr_u16(b, xid);
    if (loc)
        sq_wr_bytes(b, loc, 72);
}

static void wr_nfetch(struct sq_buf *b, uint16_t id, uint32_t bufsize)
{
    wr_id(b, id, SQ_NFETCH);
    sq_wr_u32(b, bufsize);
    sq_wr_u16(b, 0);
}

/* Run one statement without parameters to its end; returns the sqlcode. */
static int exec_sql(const char *sql)
{
    struct sq_buf b = SQ_BUF_INIT;
    struct reply r;
    wr_prepare(&b, sql, 0);
    wr_id(&b, 0, SQ_EXECUTE);
    sq_wr_u16(&b, SQ_RELEASE);
    run(&b, &r);
    int code = r.sqlcode;
    if (code) { /* the group stopped at the error: release the statement */
        wr_id(&b, 0, SQ_RELEASE);
        struct reply r2;
        run(&b, &r2);
        reply_free(&r2);
    }
    reply_free(&r);
    sq_buf_fini(&b);
    return code;
}

/* UDT-framed column at *off of a row: NULL (false) or its bytes. */
static bool udt_col(const uint8_t *row, size_t len, size_t *off, const uint8_t **p, size_t *n)
{
    ck_assert_uint_le(*off + 5, len);
    bool null = row[*off] == 1;
    *n = sq_load_u32(row + *off + 1);
    *p = row + *off + 5;
    *off += 5 + *n;
    ck_assert_uint_le(*off, len);
    return !null;
}

/* Read a locator back by lotofile on statement `rid` (prepared with one
 * parameter); the client file written must be "ifxodbc_lo". */
static struct cfile *read_back(uint16_t rid, uint16_t xid, const uint8_t *loc, int *sqlcode)
{
    struct sq_buf b = SQ_BUF_INIT;
    struct reply r;
    struct cfile *f = file_find("ifxodbc_lo");
    if (f)
        f->n = 0;
    wr_id(&b, rid, SQ_BIND);
    sq_wr_u16(&b, 1);
    wr_loc_param(&b, xid, loc);
    sq_wr_u16(&b, SQ_OPEN);
    sq_wr_u16(&b, SQ_NFETCH);
    sq_wr_u32(&b, 4096);
    sq_wr_u16(&b, 0);
    sq_wr_u16(&b, SQ_CLOSE);
    run(&b, &r);
    *sqlcode = r.sqlcode;
    if (r.sqlcode) {
        reply_free(&r);
        wr_id(&b, rid, SQ_CLOSE);
        struct reply r2;
        run(&b, &r2);
        reply_free(&r2);
        sq_buf_fini(&b);
        return NULL;
    }
    ck_assert_uint_eq(r.nrows, 1);
    size_t off = 0, n;
    const uint8_t *p;
    ck_assert(udt_col(r.rows[0], r.rowlen[0], &off, &p, &n)); /* LVARCHAR file name */
    ck_assert_uint_eq(n, 10);
    ck_assert(memcmp(p, "ifxodbc_lo", 10) == 0);
    reply_free(&r);
    sq_buf_fini(&b);
    return file_find("ifxodbc_lo");
}

static const size_t sizes[] = {0, 1, 4097, (1u << 20) + 1};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static void start_with(const char *profile)
{
    const char *args[] = {"--server-name", "ol_test", "--create-db", "lodb:unlogged:en_US.8859-1",
                          profile ? "--profile" : NULL, profile, NULL};
    ck_assert_msg(it_server_start(&srv, args), "cannot start ifxlite");
    connect_login();
    opens = 0;
    bad_answer = 0;
    max_block = 0;
}

static void start(void)
{
    start_with(NULL);
}

static void stop(void)
{
    disconnect();
    files_free();
    it_server_stop(&srv);
}

START_TEST(blob_and_clob_round_trip_every_size)
{
    start();
    ck_assert_int_eq(exec_sql("CREATE TABLE lo_t (id INTEGER, b BLOB, c CLOB)"), 0);
    struct sq_buf b = SQ_BUF_INIT;
    struct reply r;
    uint8_t *want_b[NSIZES], *want_c[NSIZES];
    for (size_t i = 0; i < NSIZES; i++) {
        want_b[i] = pattern(sizes[i], (unsigned)i);
        want_c[i] = pattern(sizes[i], (unsigned)i + 100);
        for (size_t k = 0; k < sizes[i]; k++) /* CLOB: text, blanks kept (last one too) */
            want_c[i][k] = k % 7 == 6 || k + 1 == sizes[i] ? ' ' : (uint8_t)('a' + want_c[i][k] % 26);
        char nb[32], nc[32];
        snprintf(nb, sizeof nb, "b%zu", i);
        snprintf(nc, sizeof nc, "c%zu", i);
        file_put(nb, want_b[i], sizes[i]);
        file_put(nc, want_c[i], sizes[i]);
        /* 1) filetoblob/filetoclob directly in an INSERT */
        char sql[200];
        snprintf(sql, sizeof sql,
                 "INSERT INTO lo_t VALUES (?, filetoblob('%s', 'client'), "
                 "filetoclob('%s', 'client'))",
                 nb, nc);
        wr_prepare(&b, sql, 1);
        wr_id(&b, 0, SQ_BIND);
        sq_wr_u16(&b, 1);
        wr_int_param(&b, (int32_t)i + 1);
        sq_wr_u16(&b, SQ_EXECUTE);
        sq_wr_u16(&b, SQ_RELEASE);
        int before = opens;
        run(&b, &r);
        ck_assert_msg(r.sqlcode == 0, "insert %zu: %d %s", i, r.sqlcode, r.errtext);
        ck_assert_int_eq(opens - before, 2);
        reply_free(&r);
        /* 2) the client's route: SELECT filetoblob(...) gives a locator, the
         * cursor is closed and released, the locator is bound to an INSERT */
        uint8_t locb[72], locc[72];
        for (int k = 0; k < 2; k++) {
            snprintf(sql, sizeof sql,
                     "SELECT %s('%s', 'client') FROM systables WHERE tabid = 1",
                     k ? "filetoclob" : "filetoblob", k ? nc : nb);
            wr_prepare(&b, sql, 0);
            wr_id(&b, 0, SQ_OPEN);
            sq_wr_u16(&b, SQ_NFETCH);
            sq_wr_u32(&b, 4096);
            sq_wr_u16(&b, 0);
            sq_wr_u16(&b, SQ_CLOSE);
            sq_wr_u16(&b, SQ_RELEASE);
            run(&b, &r);
            ck_assert_msg(r.sqlcode == 0, "select filetolo: %d %s", r.sqlcode, r.errtext);
            ck_assert_uint_eq(r.nrows, 1);
            size_t off = 0, n;
            const uint8_t *p;
            ck_assert(udt_col(r.rows[0], r.rowlen[0], &off, &p, &n));
            ck_assert_uint_eq(n, 72);
            ck_assert(sq_load_u64(p) == sizes[i]);
            ck_assert(memcmp(p + 8, "ILO1", 4) == 0);
            ck_assert_uint_ne(sq_load_u32(p + 12), 0);
            memcpy(k ? locc : locb, p, 72);
            reply_free(&r);
        }
        wr_prepare(&b, "INSERT INTO lo_t VALUES (?, ?, ?)", 3);
        wr_id(&b, 0, SQ_BIND);
        sq_wr_u16(&b, 3);
        wr_int_param(&b, (int32_t)i + 11);
        wr_loc_param(&b, SQ_XID_BLOB, locb);
        wr_loc_param(&b, SQ_XID_CLOB, locc);
        sq_wr_u16(&b, SQ_EXECUTE);
        sq_wr_u16(&b, SQ_RELEASE);
        run(&b, &r);
        ck_assert_msg(r.sqlcode == 0, "insert by locator %zu: %d %s", i, r.sqlcode, r.errtext);
        reply_free(&r);
        /* the locator was consumed by that INSERT: binding it again is -9810 */
        wr_prepare(&b, "INSERT INTO lo_t VALUES (?, ?, NULL)", 2);
        wr_id(&b, 0, SQ_BIND);
        sq_wr_u16(&b, 2);
        wr_int_param(&b, 999);
        wr_loc_param(&b, SQ_XID_BLOB, locb);
        sq_wr_u16(&b, SQ_EXECUTE);
        run(&b, &r);
        ck_assert_int_eq(r.sqlcode, -9810);
        reply_free(&r);
        wr_id(&b, 0, SQ_RELEASE);
        run(&b, &r);
        reply_free(&r);
    }
    /* read every value back while the cursor (id 0) is on its row, with
     * lotofile on statements 1 (BLOB) and 2 (CLOB) */
    wr_prepare(&b, "SELECT id, b, c FROM lo_t ORDER BY id", 0);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    wr_prepare(&b, "SELECT lotofile(?::BLOB, 'ifxodbc_lo!', 'client') FROM systables WHERE tabid = 1",
               1);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    wr_prepare(&b, "SELECT lotofile(?::CLOB, 'ifxodbc_lo!', 'client') FROM systables WHERE tabid = 1",
               1);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    wr_id(&b, 0, SQ_OPEN);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    size_t seen = 0;
    for (;;) {
        struct reply fr;
        wr_nfetch(&b, 0, 4096);
        run(&b, &fr);
        ck_assert_int_eq(fr.sqlcode, 0);
        for (size_t k = 0; k < fr.nrows; k++) {
            const uint8_t *row = fr.rows[k];
            int32_t id = (int32_t)sq_load_u32(row);
            size_t i = (size_t)(id > 10 ? id - 11 : id - 1);
            ck_assert_uint_lt(i, NSIZES);
            size_t off = 4, n;
            const uint8_t *lb, *lc;
            ck_assert(udt_col(row, fr.rowlen[k], &off, &lb, &n));
            ck_assert_uint_eq(n, 72);
            ck_assert(udt_col(row, fr.rowlen[k], &off, &lc, &n));
            ck_assert(sq_load_u64(lb) == sizes[i]);
            int code;
            struct cfile *f = read_back(1, SQ_XID_BLOB, lb, &code);
            ck_assert_int_eq(code, 0);
            ck_assert_ptr_nonnull(f);
            ck_assert_uint_eq(f->n, sizes[i]);
            ck_assert(memcmp(f->data, want_b[i], sizes[i]) == 0);
            f = read_back(2, SQ_XID_CLOB, lc, &code);
            ck_assert_int_eq(code, 0);
            ck_assert_uint_eq(f->n, sizes[i]);
            ck_assert(memcmp(f->data, want_c[i], sizes[i]) == 0);
            seen++;
        }
        bool end = fr.done;
        reply_free(&fr);
        if (end)
            break;
    }
    ck_assert_uint_eq(seen, 2 * NSIZES);
    /* after CLOSE the cursor's locators are stale: -9810, connection fine */
    uint8_t stale[72];
    memset(stale, 0, sizeof stale);
    memcpy(stale + 8, "ILO1", 4);
    stale[15] = 1;
    wr_id(&b, 0, SQ_CLOSE);
    run(&b, &r);
    int code;
    ck_assert_ptr_null(read_back(1, SQ_XID_BLOB, stale, &code));
    ck_assert_int_eq(code, -9810);
    for (size_t i = 0; i < NSIZES; i++) {
        free(want_b[i]);
        free(want_c[i]);
    }
    sq_buf_fini(&b);
    stop();
}
END_TEST

START_TEST(null_name_rule_and_errors)
{
    start();
    ck_assert_int_eq(exec_sql("CREATE TABLE lo_n (id INTEGER, b BLOB)"), 0);
    ck_assert_int_eq(exec_sql("INSERT INTO lo_n VALUES (1, NULL)"), 0);
    uint8_t *v = pattern(300, 9);
    file_put("v", v, 300);
    ck_assert_int_eq(exec_sql("INSERT INTO lo_n VALUES (2, filetoblob('v', 'client'))"), 0);
    struct sq_buf b = SQ_BUF_INIT;
    struct reply r;
    /* lotofile of NULL: NULL, and no file request at all */
    int before = opens;
    wr_select_once(&b, "SELECT lotofile(b, 'x', 'client') FROM lo_n WHERE id = 1");
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    ck_assert_uint_eq(r.nrows, 1);
    size_t off = 0, n;
    const uint8_t *p;
    ck_assert(!udt_col(r.rows[0], r.rowlen[0], &off, &p, &n));
    ck_assert_int_eq(opens, before);
    reply_free(&r);
    /* a name without '!' gets '.' and 16 hex digits; the column says which */
    wr_select_once(&b, "SELECT lotofile(b, 'pic', 'client') FROM lo_n WHERE id = 2");
    run(&b, &r);
    ck_assert_msg(r.sqlcode == 0, "%d %s", r.sqlcode, r.errtext);
    off = 0;
    ck_assert(udt_col(r.rows[0], r.rowlen[0], &off, &p, &n));
    ck_assert_uint_eq(n, 3 + 1 + 16);
    char name[64];
    memcpy(name, p, n);
    name[n] = 0;
    ck_assert(strncmp(name, "pic.", 4) == 0);
    struct cfile *f = file_find(name);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->n, 300);
    ck_assert(memcmp(f->data, v, 300) == 0);
    reply_free(&r);
    /* the client cannot open its file: -9810 naming it, the session goes on */
    before = opens;
    ck_assert_int_eq(exec_sql("INSERT INTO lo_n VALUES (3, filetoblob('missing', 'client'))"),
                     -9810);
    ck_assert_int_eq(opens, before + 1);
    /* 'server' files: -9810 with no file request */
    ck_assert_int_eq(exec_sql("INSERT INTO lo_n VALUES (4, filetoblob('v', 'server'))"), -9810);
    ck_assert_int_eq(opens, before + 1);
    wr_select_once(&b, "SELECT count(*) FROM lo_n");
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    ck_assert_uint_eq(r.nrows, 1);
    reply_free(&r);
    /* a locator that is not ours at all (bad magic): -9810 */
    uint8_t junk[72];
    memset(junk, 0x55, sizeof junk);
    wr_prepare(&b, "SELECT lotofile(?::BLOB, 'ifxodbc_lo!', 'client') FROM systables WHERE tabid = 1",
               1);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    int code;
    ck_assert_ptr_null(read_back(0, SQ_XID_BLOB, junk, &code));
    ck_assert_int_eq(code, -9810);
    /* a NULL locator: lotofile gives NULL, no file request */
    before = opens;
    wr_id(&b, 0, SQ_BIND);
    sq_wr_u16(&b, 1);
    wr_loc_param(&b, SQ_XID_BLOB, NULL);
    sq_wr_u16(&b, SQ_OPEN);
    sq_wr_u16(&b, SQ_NFETCH);
    sq_wr_u32(&b, 4096);
    sq_wr_u16(&b, 0);
    sq_wr_u16(&b, SQ_CLOSE);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    ck_assert_uint_eq(r.nrows, 1);
    off = 0;
    ck_assert(!udt_col(r.rows[0], r.rowlen[0], &off, &p, &n));
    ck_assert_int_eq(opens, before);
    reply_free(&r);
    /* a malformed answer to a file request: the server closes, no hang */
    bad_answer = 1;
    wr_prepare(&b, "INSERT INTO lo_n VALUES (5, filetoblob('v', 'client'))", 0);
    wr_id(&b, 1, SQ_EXECUTE);
    run(&b, &r);
    ck_assert(r.eof);
    reply_free(&r);
    free(v);
    sq_buf_fini(&b);
    stop();
}
END_TEST

/* Locators and filetoblob in UPDATE; --profile sqfile_chunk sets the
 * SQ_FILE_WRITE block size. */
START_TEST(update_and_write_block_profile)
{
    start_with("sqfile_chunk=1000");
    ck_assert_int_eq(exec_sql("CREATE TABLE lo_u (id INTEGER, b BLOB)"), 0);
    ck_assert_int_eq(exec_sql("INSERT INTO lo_u VALUES (1, NULL)"), 0);
    uint8_t *v1 = pattern(4097, 21), *v2 = pattern(2500, 22);
    file_put("u1", v1, 4097);
    file_put("u2", v2, 2500);
    ck_assert_int_eq(exec_sql("UPDATE lo_u SET b = filetoblob('u1', 'client') WHERE id = 1"), 0);
    struct sq_buf b = SQ_BUF_INIT;
    struct reply r;
    /* read it back: 4097 bytes in blocks of at most 1000 */
    wr_select_once(&b, "SELECT lotofile(b, 'back!', 'client') FROM lo_u WHERE id = 1");
    run(&b, &r);
    ck_assert_msg(r.sqlcode == 0, "%d %s", r.sqlcode, r.errtext);
    reply_free(&r);
    struct cfile *f = file_find("back");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->n, 4097);
    ck_assert(memcmp(f->data, v1, 4097) == 0);
    ck_assert_uint_eq(max_block, 1000);
    /* a locator from SELECT filetoblob bound to UPDATE ... SET b = ? */
    wr_prepare(&b, "SELECT filetoblob('u2', 'client') FROM systables WHERE tabid = 1", 0);
    wr_id(&b, 0, SQ_OPEN);
    sq_wr_u16(&b, SQ_NFETCH);
    sq_wr_u32(&b, 4096);
    sq_wr_u16(&b, 0);
    sq_wr_u16(&b, SQ_CLOSE);
    sq_wr_u16(&b, SQ_RELEASE);
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    ck_assert_uint_eq(r.nrows, 1);
    uint8_t loc[72];
    memcpy(loc, r.rows[0] + 5, 72);
    reply_free(&r);
    wr_prepare(&b, "UPDATE lo_u SET b = ? WHERE id = ?", 2);
    wr_id(&b, 0, SQ_BIND);
    sq_wr_u16(&b, 2);
    wr_loc_param(&b, SQ_XID_BLOB, loc);
    wr_int_param(&b, 1);
    sq_wr_u16(&b, SQ_EXECUTE);
    sq_wr_u16(&b, SQ_RELEASE);
    run(&b, &r);
    ck_assert_msg(r.sqlcode == 0, "%d %s", r.sqlcode, r.errtext);
    reply_free(&r);
    wr_select_once(&b, "SELECT lotofile(b, 'back!', 'client') FROM lo_u WHERE id = 1");
    run(&b, &r);
    ck_assert_int_eq(r.sqlcode, 0);
    reply_free(&r);
    f = file_find("back");
    ck_assert_uint_eq(f->n, 2500);
    ck_assert(memcmp(f->data, v2, 2500) == 0);
    free(v1);
    free(v2);
    sq_buf_fini(&b);
    stop();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_srv_lofile");
    TCase *t = tcase_create("lofile");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, blob_and_clob_round_trip_every_size);
    tcase_add_test(t, null_name_rule_and_errors);
    tcase_add_test(t, update_and_write_block_profile);
    suite_add_tcase(s, t);
    return ck_run(s);
}
