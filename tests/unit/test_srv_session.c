/* SPDX-License-Identifier: MIT */
/* test_srv_session.c - ifxlite's per-connection loop (server/srv_session.c)
 * driven through a socketpair, with srv_conn_run in a thread against the real
 * SQL engine on a temporary data directory: login (accept, -951, -761),
 * PROTOCOLS, INFO, DBOPEN, PREPARE/EXECUTE/BIND/OPEN/NFETCH/CLOSE/RELEASE,
 * errors skipping the rest of a group, EXIT, faults, stalls and random bytes. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ck_util.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "srv_proto.h"

static struct srv_user user = {"informix", "secret"};
static struct srv_ctx ctx;
static char datadir[64];
static int cfd = -1;
static pthread_t th;
static bool th_running;

struct th_arg {
    int fd;
};
static struct th_arg targ;

static void *server_thread(void *arg)
{
    struct th_arg *a = arg;
    srv_conn_run(&ctx, a->fd, 1);
    close(a->fd);
    return NULL;
}

static void start(const char *fault)
{
    struct srv_err e;
    memset(&ctx, 0, sizeof ctx);
    snprintf(datadir, sizeof datadir, "/tmp/ifxlite-unit-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(datadir));
    ctx.eng = srv_engine_new(datadir, &e);
    ck_assert_ptr_nonnull(ctx.eng);
    /* the login fixture (doc §3.6) sends DB_LOCALE en_US.8859-1: the databases
     * it opens are 8859-1 ones, else the open is -23197 (docs/charsets.md) */
    ck_assert_int_eq(
        srv_engine_create_db_locale(ctx.eng, "testdb", SRV_DB_LOGGED, "en_US.8859-1", &e), 0);
    ck_assert_int_eq(
        srv_engine_create_db_locale(ctx.eng, "plain", SRV_DB_UNLOGGED, "en_US.8859-1", &e), 0);
    ctx.users = &user;
    ctx.nusers = 1;
    ctx.server_name = "ol_test";
    ctx.stall_timeout_ms = 300;
    srv_profile_init(&ctx.profile);
    if (fault) {
        char err[128];
        ck_assert_int_eq(srv_fault_parse(&ctx.faults, fault, err, sizeof err), 0);
    }
    int sv[2];
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    cfd = sv[0];
    targ.fd = sv[1];
    ck_assert_int_eq(pthread_create(&th, NULL, server_thread, &targ), 0);
    th_running = true;
}

static void stop(void)
{
    if (cfd >= 0)
        close(cfd);
    cfd = -1;
    if (th_running)
        pthread_join(th, NULL);
    th_running = false;
    srv_engine_free(ctx.eng);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", datadir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", datadir);
}

static void send_bytes(const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t w = send(cfd, p, n, MSG_NOSIGNAL);
        ck_assert_int_gt(w, 0);
        p += w;
        n -= (size_t)w;
    }
}

static void send_hex(const char *h)
{
    uint8_t *p;
    size_t n;
    ck_hex(h, &p, &n);
    send_bytes(p, n);
    free(p);
}

/* Read one reply: until it ends in 00 0C (00 38 for EXIT, 00 7F for login) and nothing more comes
 * for 150 ms, or EOF. The server sends each reply group with one send(). */
static size_t recv_reply(uint8_t *buf, size_t cap, bool *eof)
{
    size_t n = 0;
    *eof = false;
    for (;;) {
        struct pollfd pfd = {.fd = cfd, .events = POLLIN};
        bool complete = n >= 2 && buf[n - 2] == 0 &&
                        (buf[n - 1] == 0x0C || buf[n - 1] == 0x38 || buf[n - 1] == 0x7F);
        int r = poll(&pfd, 1, complete ? 150 : 5000);
        if (r == 0) {
            ck_assert_msg(complete, "reply incomplete after 5 s (%zu bytes)", n);
            return n;
        }
        ssize_t got = recv(cfd, buf + n, cap - n, 0);
        if (got <= 0) {
            *eof = true;
            return n;
        }
        n += (size_t)got;
        ck_assert_uint_lt(n, cap);
    }
}

static uint8_t rbuf[1 << 16];

static size_t exchange(const char *hex, bool *eof)
{
    bool dummy;
    send_hex(hex);
    return recv_reply(rbuf, sizeof rbuf, eof ? eof : &dummy);
}

/* PREPARE sql (u32 length: big_sql is granted by setup_session) + NDESCRIBE +
 * WANTDONE + EOT, per PROTOCOL.md; returns the reply length. */
static size_t prepare(const char *sql, uint16_t nparams)
{
    char h[1024];
    size_t len = strlen(sql);
    snprintf(h, sizeof h, "00 02 %02X %02X 00 00 %02X %02X \"%s\" %s 00 16 00 31 00 0C",
             nparams >> 8, nparams & 0xFF, (unsigned)(len >> 8), (unsigned)(len & 0xFF), sql,
             len & 1 ? "00" : "");
    return exchange(h, NULL);
}

static void login(void)
{
    uint8_t *pkt;
    size_t n;
    bool eof;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n); /* doc §3.6: informix/secret@ol_test */
    send_bytes(pkt, n);
    free(pkt);
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_uint_eq(got, 129);
    ck_assert_hex(rbuf, 4, "00 81 02 3C");
    ck_assert_hex(rbuf + got - 8, 8, "00 00 00 00 00 00 00 7F");
}

static void setup_session(void)
{
    login();
    size_t n = exchange("00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C", NULL); /* W3 */
    ck_assert_hex(rbuf, n, "00 7E 00 09 FF FC 7F FC 3C 84 AA 97 02 00 00 0C");
    n = exchange("00 51 00 06 00 28 00 0C 00 04 00 06 \"DBTEMP\" 00 04 \"/tmp\" 00 0B"
                 " \"SUBQCACHESZ\" 00 00 02 \"10\" 00 00 00 00 00 0C",
                 NULL); /* §5.2 */
    ck_assert_hex(rbuf, n, "00 0C");
    n = exchange("00 24 00 06 \"testdb\" 00 00 00 0C", NULL);
    /* DONE with i64 counts (long row id granted) + EOT */
    ck_assert_hex(rbuf, n,
                  "00 0F 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0C");
}

/* Log in with the doc §3.6 CONREQ, DELIMIDENT=delim appended to its
 * environment (delim NULL: the fixture as it is, without DELIMIDENT), then
 * PROTOCOLS and DBOPEN testdb as setup_session does. */
static void setup_session_delimident(const char *delim)
{
    uint8_t *pkt;
    size_t n;
    bool eof;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    if (delim) {
        size_t at = 0; /* marker 106, count 6, then six name/value zstr16 pairs */
        for (size_t k = SQ_SL_HEADER_SIZE; k + 4 <= n && !at; k++)
            if (sq_load_u16(pkt + k) == SQ_ASC_ENV && sq_load_u16(pkt + k + 2) == 6)
                at = k;
        ck_assert_uint_gt(at, 0);
        size_t p = at + 4;
        for (int i = 0; i < 12; i++) {
            ck_assert_uint_le(p + 2, n);
            p += 2 + sq_load_u16(pkt + p);
        }
        uint8_t pair[64];
        size_t m = 0;
        const char *strs[2] = {"DELIMIDENT", delim};
        for (int i = 0; i < 2; i++) {
            size_t l = strlen(strs[i]) + 1;
            pair[m++] = (uint8_t)(l >> 8);
            pair[m++] = (uint8_t)l;
            memcpy(pair + m, strs[i], l);
            m += l;
        }
        uint8_t *q = malloc(n + m);
        ck_assert_ptr_nonnull(q);
        memcpy(q, pkt, p);
        memcpy(q + p, pair, m);
        memcpy(q + p + m, pkt + p, n - p);
        q[at + 3] = 7;                  /* seven variables */
        q[0] = (uint8_t)((n + m) >> 8); /* SL pdu size */
        q[1] = (uint8_t)(n + m);
        free(pkt);
        pkt = q;
        n += m;
    }
    send_bytes(pkt, n);
    free(pkt);
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_uint_eq(got, 129);
    ck_assert_hex(rbuf, 4, "00 81 02 3C");                                 /* CONACC */
    n = exchange("00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C", NULL); /* W3 */
    ck_assert_hex(rbuf, 4, "00 7E 00 09");
    n = exchange("00 24 00 06 \"testdb\" 00 00 00 0C", NULL);
    ck_assert_uint_eq(sq_load_u16(rbuf), SQ_DONE);
}

/* PREPARE with the SQL text sent as raw bytes (it may hold '"'). */
static size_t prepare_bytes(const char *sql)
{
    char h[2048];
    size_t len = strlen(sql), o = 0;
    o += (size_t)snprintf(h + o, sizeof h - o, "00 02 00 00 00 00 %02X %02X", (unsigned)(len >> 8),
                          (unsigned)(len & 0xFF));
    for (size_t i = 0; i < len; i++)
        o += (size_t)snprintf(h + o, sizeof h - o, " %02X", (unsigned char)sql[i]);
    snprintf(h + o, sizeof h - o, "%s 00 16 00 31 00 0C", len & 1 ? " 00" : "");
    return exchange(h, NULL);
}

/* Find an opcode at a message boundary we know: returns offset of `op` scanning
 * the reply's leading opcode only (tests check shapes explicitly). */
static uint16_t u16_at(size_t off)
{
    return sq_load_u16(rbuf + off);
}

START_TEST(login_refused_for_bad_password)
{
    start(NULL);
    uint8_t *pkt;
    size_t n;
    bool eof;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    pkt[0x5D] = 'X'; /* "secret" -> "secXet" */
    send_bytes(pkt, n);
    free(pkt);
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_uint_eq(got, 129);
    ck_assert_uint_eq(rbuf[2], SQ_SL_CONREJ);
    ck_assert_int_eq((int16_t)sq_load_u16(rbuf + got - 14 + 8), -951);
    /* then the server closes */
    got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof && got == 0);
    stop();
}
END_TEST

START_TEST(login_refused_for_other_server_name)
{
    start(NULL);
    ctx.server_name = "ol_other";
    uint8_t *pkt;
    size_t n;
    bool eof;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    send_bytes(pkt, n);
    free(pkt);
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_uint_eq(rbuf[2], SQ_SL_CONREJ);
    ck_assert_int_eq((int16_t)sq_load_u16(rbuf + got - 6), -761);
    stop();
}
END_TEST

START_TEST(full_statement_flow)
{
    start(NULL);
    setup_session();
    bool eof;
    size_t n;

    /* unknown database: ERR -329 + EOT */
    n = exchange("00 24 00 06 \"nosuch\" 00 00 00 0C", NULL);
    ck_assert_hex(rbuf, 4, "00 0D FE B7");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    n = exchange("00 24 00 06 \"testdb\" 00 00 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);

    /* DDL: PREPARE (u32 length: big_sql granted) + NDESCRIBE + WANTDONE */
    n = prepare("CREATE TABLE t1 (id INTEGER, name VARCHAR(20))", 0);
    /* DESCRIBE: type CREATE TABLE (14), id 0, zero columns; DONE 24; COST 10; EOT */
    ck_assert_hex(rbuf, 18, "00 08 00 0E 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    ck_assert_uint_eq(n, 18 + 24 + 10 + 2);
    ck_assert_uint_eq(u16_at(18), SQ_DONE);
    ck_assert_uint_eq(u16_at(42), SQ_COST);
    n = exchange("00 04 00 00 00 07 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    n = exchange("00 04 00 00 00 0B 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");

    /* INSERT with parameters: the id 0 is free again (smallest free id) */
    n = prepare("INSERT INTO t1 VALUES (?, ?)", 2);
    ck_assert_hex(rbuf, 14, "00 08 00 06 00 00 00 00 00 00 00 19 00 02");
    /* §7.9 BIND (42, 'abc') + EXECUTE */
    n = exchange("00 04 00 00 00 05 00 02 00 02 00 00 0A 00 00 00 00 2A"
                 " 00 00 00 00 00 00 00 03 61 62 63 00 00 07 00 0C",
                 NULL);
    /* INSERTDONE (INT8 NULL + i64 with long row id), DONE rows 1, COST, EOT */
    ck_assert_hex(rbuf, 12, "00 5E 00 00 00 00 00 00 00 00 00 00");
    ck_assert_uint_eq(u16_at(20), SQ_DONE);
    ck_assert_hex(rbuf + 22, 10, "00 00 00 00 00 00 00 00 00 01");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    /* BIND with the wrong count: ERR -254, EXECUTE skipped */
    n = exchange("00 04 00 00 00 05 00 01 00 02 00 00 00 00 00 00 00 01 00 07 00 0C", NULL);
    ck_assert_hex(rbuf, 4, "00 0D FF 02");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");

    /* SELECT: DESCRIBE type 2, id 1, two columns */
    n = prepare("SELECT id, name FROM t1", 0);
    ck_assert_hex(rbuf, 14, "00 08 00 02 00 01 00 00 00 00 00 19 00 02");
    /* chained CURNAME + OPEN + NFETCH: one reply group with the rows */
    n = exchange("00 04 00 01 00 03 00 12 \"_ifxc0000000000001\" 00 06"
                 " 00 04 00 01 00 09 00 00 10 00 00 00 00 0C",
                 NULL);
    ck_assert_hex(rbuf, 16, "00 0E 00 00 00 00 00 08 00 00 00 2A 03 61 62 63");
    ck_assert_uint_eq(u16_at(16), SQ_DONE);
    ck_assert_hex(rbuf + 18, 10, "00 00 00 00 00 00 00 00 00 01");
    ck_assert_uint_eq(u16_at(16 + 24), SQ_COST);
    ck_assert_uint_eq(n, 16 + 24 + 10 + 2);
    /* fetch after the end: DONE + COST + EOT */
    n = exchange("00 04 00 01 00 09 00 00 10 00 00 00 00 0C", NULL);
    ck_assert_uint_eq(n, 24 + 10 + 2);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);
    n = exchange("00 04 00 01 00 0A 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    /* NFETCH on a closed cursor: -400 */
    n = exchange("00 04 00 01 00 09 00 00 10 00 00 00 00 0C", NULL);
    ck_assert_hex(rbuf, 4, "00 0D FE 70");
    n = exchange("00 04 00 01 00 0B 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    /* unknown statement id: -481, the rest of the group is skipped */
    n = exchange("00 04 00 07 00 07 00 04 00 00 00 0B 00 0C", NULL);
    ck_assert_hex(rbuf, 4, "00 0D FE 1F");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    n = exchange("00 04 00 00 00 0B 00 0C", NULL); /* statement 0 still exists */
    ck_assert_hex(rbuf, n, "00 0C");
    /* lone EOT gets a lone EOT */
    n = exchange("00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    /* SQ_EXIT: bare echo, then close */
    n = exchange("00 38", &eof);
    ck_assert_hex(rbuf, n, "00 38");
    n = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof && n == 0);
    stop();
}
END_TEST

START_TEST(small_fetch_buffer_sends_one_row_per_reply)
{
    start(NULL);
    setup_session();
    size_t n;
    n = prepare("CREATE TABLE t1 (id INTEGER, name VARCHAR(20))", 0);
    n = exchange("00 04 00 00 00 07 00 0C", NULL);
    n = prepare("INSERT INTO t1 VALUES (?, ?)", 2);
    ck_assert_uint_eq(u16_at(0), SQ_DESCRIBE);
    for (int i = 1; i <= 3; i++) {
        char h[200];
        snprintf(h, sizeof h,
                 "00 04 00 01 00 05 00 02 00 02 00 00 0A 00 00 00 00 %02X"
                 " 00 00 FF FF 00 00 00 07 00 0C",
                 i);
        n = exchange(h, NULL);
        ck_assert_uint_ne(u16_at(0), SQ_ERR);
    }
    n = prepare("SELECT id, name FROM t1", 0);
    ck_assert_hex(rbuf, 6, "00 08 00 02 00 02");
    n = exchange("00 04 00 02 00 03 00 05 \"_ifxc\" 00 00 06 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    for (int i = 1; i <= 3; i++) {
        /* bufsize 1: one row each, no DONE while rows remain (NULL VARCHAR 01 00) */
        n = exchange("00 04 00 02 00 09 00 00 00 01 00 00 00 0C", NULL);
        char h[100];
        snprintf(h, sizeof h, "00 0E 00 00 00 00 00 06 00 00 00 %02X 01 00", i);
        ck_assert_hex(rbuf, 14, h);
        if (i < 3)
            ck_assert_uint_eq(n, 16);
    }
    n = exchange("00 04 00 02 00 09 00 00 00 01 00 00 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);
    stop();
}
END_TEST

START_TEST(transactions_reply_xactstat_in_logged_db)
{
    start(NULL);
    setup_session();
    size_t n = exchange("00 23 00 0C", NULL);
    ck_assert_hex(rbuf, 8, "00 63 00 01 00 01 00 00");
    ck_assert_uint_eq(u16_at(8), SQ_DONE);
    n = exchange("00 13 00 0C", NULL);
    ck_assert_hex(rbuf, 8, "00 63 00 02 00 00 00 01");
    n = exchange("00 13 00 0C", NULL); /* no transaction: -255 */
    ck_assert_hex(rbuf, 4, "00 0D FF 01");
    n = exchange("00 24 00 05 \"plain\" 00 00 00 00 0C", NULL);
    n = exchange("00 23 00 0C", NULL); /* unlogged: -256 */
    ck_assert_hex(rbuf, 4, "00 0D FF 00");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    stop();
}
END_TEST

START_TEST(random_bytes_after_login_close_cleanly)
{
    start(NULL);
    login();
    unsigned seed = (unsigned)_i * 7919u + 1u;
    uint8_t junk[512];
    for (size_t i = 0; i < sizeof junk; i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (uint8_t)(seed >> 16);
    }
    junk[0] = 0x04; /* an opcode the server does not know */
    junk[1] = 0x71;
    send_bytes(junk, sizeof junk);
    bool eof;
    (void)recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof);
    stop();
}
END_TEST

START_TEST(stalled_partial_message_is_dropped)
{
    start(NULL);
    login();
    send_hex("00 02 00 00 00 40"); /* PREPARE announcing 64 bytes, then silence */
    bool eof;
    (void)recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof); /* stall timeout 300 ms */
    stop();
}
END_TEST

START_TEST(split_group_is_reassembled)
{
    start(NULL);
    login();
    static const char *w3 = "00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C";
    uint8_t *p;
    size_t n;
    ck_hex(w3, &p, &n);
    for (size_t i = 0; i < n; i++) {
        send_bytes(p + i, 1);
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    free(p);
    bool eof;
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_hex(rbuf, got, "00 7E 00 09 FF FC 7F FC 3C 84 AA 97 02 00 00 0C");
    stop();
}
END_TEST

START_TEST(fault_truncate_describe_cuts_and_closes)
{
    start("truncate-describe");
    setup_session();
    bool eof;
    /* the session's first DESCRIBE is cut in half */
    send_hex("00 02 00 00 00 00 00 1C \"CREATE TABLE t1 (id INTEGER)\" 00 16 00 31 00 0C");
    size_t n = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_eq(u16_at(0), SQ_DESCRIBE);
    stop();
}
END_TEST

START_TEST(fault_garbage_opcode_after_dbopen)
{
    start("garbage-opcode");
    setup_session();
    size_t n = exchange("00 0C", NULL);
    ck_assert_hex(rbuf, n, "04 71 00 0C");
    stop();
}
END_TEST

START_TEST(fault_reject_and_close_after_login)
{
    start("reject-login");
    uint8_t *pkt;
    size_t n;
    bool eof;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    send_bytes(pkt, n);
    free(pkt);
    size_t got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert_uint_eq(rbuf[2], SQ_SL_CONREJ);
    ck_assert_int_eq((int16_t)sq_load_u16(rbuf + got - 6), -951);
    stop();
    start("close-after-login:1");
    login();
    got = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof && got == 0);
    stop();
}
END_TEST

/* Two rows (1, 'abc') and (2, NULL) in t1, SELECT prepared as statement 2. */
static void two_rows_and_select(void)
{
    (void)prepare("CREATE TABLE t1 (id INTEGER, name VARCHAR(20))", 0);
    (void)exchange("00 04 00 00 00 07 00 0C", NULL);
    (void)prepare("INSERT INTO t1 VALUES (?, ?)", 2);
    (void)exchange("00 04 00 01 00 05 00 02 00 02 00 00 0A 00 00 00 00 01"
                   " 00 00 00 00 00 00 00 03 61 62 63 00 00 07 00 0C",
                   NULL);
    ck_assert_uint_ne(u16_at(0), SQ_ERR);
    (void)exchange("00 04 00 01 00 05 00 02 00 02 00 00 0A 00 00 00 00 02"
                   " 00 00 FF FF 00 00 00 07 00 0C",
                   NULL);
    ck_assert_uint_ne(u16_at(0), SQ_ERR);
    (void)prepare("SELECT id, name FROM t1", 0);
    ck_assert_hex(rbuf, 6, "00 08 00 02 00 02");
}

START_TEST(scroll_cursor_sfetch)
{
    start(NULL);
    setup_session();
    two_rows_and_select();
    size_t n = exchange("00 04 00 02 00 03 00 05 \"_ifxc\" 00 00 18 00 06 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    /* ABSOLUTE 2: TUPID 2, TUPLE (2, NULL), EOT */
    n = exchange("00 04 00 02 00 17 00 06 00 00 00 02 00 00 10 00 00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 19 00 00 00 02 00 0E 00 00 00 00 00 06 00 00 00 02 01 00 00 0C");
    /* PRIOR: row 1 */
    n = exchange("00 04 00 02 00 17 00 02 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_hex(rbuf, 6, "00 19 00 00 00 01");
    /* LAST: row 2 */
    n = exchange("00 04 00 02 00 17 00 04 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_hex(rbuf, 6, "00 19 00 00 00 02");
    /* NEXT past the end: DONE + COST + EOT */
    n = exchange("00 04 00 02 00 17 00 01 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);
    ck_assert_uint_eq(n, 24 + 10 + 2);
    /* FIRST then NEXT fills the buffer: TUPID 2 + TUPLE, then DONE */
    n = exchange("00 04 00 02 00 17 00 03 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_hex(rbuf, 6, "00 19 00 00 00 01");
    n = exchange("00 04 00 02 00 17 00 01 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_hex(rbuf, 6, "00 19 00 00 00 02");
    ck_assert_uint_eq(u16_at(6 + 14), SQ_DONE);
    /* ABSOLUTE 0: before the first row */
    n = exchange("00 04 00 02 00 17 00 06 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_DONE);
    /* unknown scroll type: an error, the session goes on */
    n = exchange("00 04 00 02 00 17 00 09 00 00 00 00 00 00 10 00 00 0C", NULL);
    ck_assert_uint_eq(u16_at(0), SQ_ERR);
    n = exchange("00 0C", NULL);
    ck_assert_hex(rbuf, n, "00 0C");
    stop();
}
END_TEST

START_TEST(command_w19_runs_in_one_group)
{
    start(NULL);
    setup_session();
    /* COMMAND (u32 length under big_sql) + NDESCRIBE + EXECUTE + RELEASE */
    static const char *sql = "CREATE TABLE t9 (a INTEGER)";
    char h[300];
    snprintf(h, sizeof h, "00 01 00 00 00 00 00 %02X \"%s\" %s 00 16 00 07 00 0B 00 0C",
             (unsigned)strlen(sql), sql, strlen(sql) & 1 ? "00" : "");
    size_t n = exchange(h, NULL);
    ck_assert_hex(rbuf, 6, "00 08 00 0E 00 00");
    ck_assert_uint_eq(u16_at(18), SQ_DONE);
    ck_assert_uint_eq(u16_at(42), SQ_COST);
    ck_assert_uint_eq(n, 18 + 24 + 10 + 2);
    /* the id was released: the next statement gets 0 again */
    n = prepare("SELECT a FROM t9", 0);
    ck_assert_hex(rbuf, 6, "00 08 00 02 00 00");
    stop();
}
END_TEST

START_TEST(fault_drop_mid_tuple)
{
    start("drop-mid-tuple");
    setup_session();
    two_rows_and_select();
    bool eof;
    send_hex(
        "00 04 00 02 00 03 00 05 \"_ifxc\" 00 00 06 00 04 00 02 00 09 00 00 10 00 00 00 00 0C");
    size_t n = recv_reply(rbuf, sizeof rbuf, &eof);
    ck_assert(eof);
    ck_assert_uint_eq(n, 8); /* half of the 16-byte first TUPLE */
    ck_assert_hex(rbuf, 2, "00 0E");
    stop();
}
END_TEST

START_TEST(fault_err_mid_fetch_and_stall)
{
    start("err-mid-fetch,stall:50");
    setup_session();
    two_rows_and_select();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t n = exchange("00 04 00 02 00 03 00 05 \"_ifxc\" 00 00 06"
                        " 00 04 00 02 00 09 00 00 10 00 00 00 00 0C",
                        NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* one TUPLE, then SQ_ERR -244, then EOT */
    ck_assert_uint_eq(u16_at(0), SQ_TUPLE);
    ck_assert_hex(rbuf + 16, 4, "00 0D FF 0C");
    ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    ck_assert_int_ge(ms, 50);
    stop();
}
END_TEST

/* DELIMIDENT comes from the login environment: y/Y/yes (or empty) make "x" an
 * identifier, n or no DELIMIDENT at all (Informix's default) a string. */
static const struct {
    const char *env;
    bool ident;
} delim_cases[] = {{NULL, false}, {"y", true},  {"Y", true},
                   {"yes", true}, {"n", false}, {"", true}};

START_TEST(delimident_from_login_environment)
{
    start(NULL);
    setup_session_delimident(delim_cases[_i].env);
    size_t n = prepare_bytes("SELECT \"x\" FROM systables WHERE tabid = 1");
    if (delim_cases[_i].ident) {
        /* "x" is a column name: -217 column not found */
        ck_assert_hex(rbuf, 4, "00 0D FF 27");
        ck_assert_hex(rbuf + n - 2, 2, "00 0C");
    } else {
        /* "x" is the string 'x': SELECT (2), statement 0, one CHAR(1) column */
        ck_assert_hex(rbuf, 14, "00 08 00 02 00 00 00 00 00 00 00 01 00 01");
        n = exchange("00 04 00 00 00 03 00 05 \"_ifxc\" 00 00 06"
                     " 00 04 00 00 00 09 00 00 10 00 00 00 00 0C",
                     NULL);
        ck_assert_hex(rbuf, 9, "00 0E 00 00 00 00 00 01 78");
    }
    stop();
}
END_TEST

START_TEST(fault_plan_parsing)
{
    struct srv_fault_plan plan;
    char err[128];
    memset(&plan, 0, sizeof plan);
    ck_assert_int_eq(
        srv_fault_parse(&plan, "drop-mid-tuple:3,stall:250,garbage-opcode", err, sizeof err), 0);
    ck_assert_uint_eq(plan.n, 3);
    ck_assert_ptr_null(srv_fault_get(&plan, SRV_FAULT_DROP_MID_TUPLE, 2));
    ck_assert_ptr_nonnull(srv_fault_get(&plan, SRV_FAULT_DROP_MID_TUPLE, 3));
    const struct srv_fault *f = srv_fault_get(&plan, SRV_FAULT_STALL, 9);
    ck_assert(f && f->ms == 250 && f->session == 0);
    memset(&plan, 0, sizeof plan);
    ck_assert_int_eq(srv_fault_parse(&plan, "stall:10:2", err, sizeof err), 0);
    ck_assert(plan.f[0].ms == 10 && plan.f[0].session == 2);
    static const char *bad[] = {
        "nope", "stall", "stall:x", "drop-mid-tuple:0", "err-mid-fetch:-1", "reject-login:1:2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&plan, 0, sizeof plan);
        ck_assert_msg(srv_fault_parse(&plan, bad[i], err, sizeof err) != 0, "%s", bad[i]);
    }
}
END_TEST

static Suite *session_suite(void)
{
    Suite *s = suite_create("srv_session");
    TCase *t = tcase_create("socketpair");
    tcase_set_timeout(t, 30);
    tcase_add_test(t, login_refused_for_bad_password);
    tcase_add_test(t, login_refused_for_other_server_name);
    tcase_add_test(t, full_statement_flow);
    tcase_add_test(t, small_fetch_buffer_sends_one_row_per_reply);
    tcase_add_test(t, transactions_reply_xactstat_in_logged_db);
    tcase_add_loop_test(t, random_bytes_after_login_close_cleanly, 0, 8);
    tcase_add_test(t, stalled_partial_message_is_dropped);
    tcase_add_test(t, split_group_is_reassembled);
    tcase_add_test(t, fault_truncate_describe_cuts_and_closes);
    tcase_add_test(t, fault_garbage_opcode_after_dbopen);
    tcase_add_test(t, fault_reject_and_close_after_login);
    tcase_add_test(t, scroll_cursor_sfetch);
    tcase_add_test(t, command_w19_runs_in_one_group);
    tcase_add_test(t, fault_drop_mid_tuple);
    tcase_add_test(t, fault_err_mid_fetch_and_stall);
    tcase_add_test(t, fault_plan_parsing);
    tcase_add_loop_test(t, delimident_from_login_environment, 0,
                        (int)(sizeof delim_cases / sizeof delim_cases[0]));
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(session_suite());
}
