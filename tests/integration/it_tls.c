/* SPDX-License-Identifier: MIT */
/* it_tls.c - TLS (onsocssl, doc §11) through the protocol core against ifxlite
 * --tls-cert/--tls-key: round trip, each verification failure by reason,
 * plaintext/TLS mismatches in both directions (prompt, never a fallback), pin,
 * client certificates, a proxy capture with no password or SQL text in it,
 * no password in ifxlite's log, and fetch throughput TLS vs plaintext. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>

#include "it_core.h"
#include "it_tls_certs.h"
#include "sq_tls.h"

static struct it_certs certs;

static void certs_setup(void)
{
    it_certs_make(&certs);
}

static void certs_teardown(void)
{
    it_certs_remove(&certs);
}

/* Start ifxlite serving cert (NULL: plaintext) into it_srv (it_core.h). */
static void start_server(const char *cert, const char *client_ca, const char *log_level)
{
    const char *args[12];
    size_t n = 0;
    if (cert) {
        args[n++] = "--tls-cert";
        args[n++] = cert;
        args[n++] = "--tls-key";
        args[n++] = certs.server_key;
    }
    if (client_ca) {
        args[n++] = "--tls-client-ca";
        args[n++] = client_ca;
    }
    if (log_level) {
        args[n++] = "--log-level";
        args[n++] = log_level;
    }
    args[n] = NULL;
    ck_assert_msg(it_server_start(&it_srv, args), "cannot start ifxlite");
}

static void stop_server(void)
{
    it_server_stop(&it_srv);
}

/* TLS settings trusting the test CA. */
static void tls_cfg(struct sq_conn_cfg *cfg, const char *db)
{
    it_cfg(cfg, db);
    cfg->tls.enabled = true;
    cfg->tls.ca_file = certs.ca;
}

/* Connect expecting failure; returns the elapsed ms and copies the message. */
static long connect_fail(const struct sq_conn_cfg *cfg, enum sq_rc want, char *msg, size_t cap)
{
    struct sq_conn *c = sq_conn_new();
    ck_assert_ptr_nonnull(c);
    int64_t t0 = sq_time_ms();
    enum sq_rc rc = sq_conn_connect(c, cfg);
    long ms = (long)(sq_time_ms() - t0);
    snprintf(msg, cap, "%s", sq_conn_errmsg(c));
    ck_assert_msg(rc == want, "connect: %s (want %s): %s", sq_rc_name(rc), sq_rc_name(want), msg);
    ck_assert(sq_conn_is_broken(c));
    sq_conn_free(c);
    return ms;
}

static struct sq_conn *connect_ok(const struct sq_conn_cfg *cfg)
{
    struct sq_conn *c = sq_conn_new();
    ck_assert_ptr_nonnull(c);
    enum sq_rc rc = sq_conn_connect(c, cfg);
    ck_assert_msg(rc == SQ_RC_OK, "connect: %s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
    return c;
}

#define ck_assert_contains(hay, needle)                                                            \
    ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" does not contain \"%s\"", (hay),        \
                  (needle))

/* ---- the happy path ---- */

START_TEST(tls_connect_and_query_round_trip)
{
    start_server(certs.server, NULL, NULL);
    static const char *const hosts[] = {"127.0.0.1", "localhost"}; /* IP SAN and DNS SAN */
    for (size_t i = 0; i < 2; i++) {
        struct sq_conn_cfg cfg;
        tls_cfg(&cfg, "testdb");
        cfg.host = hosts[i];
        struct sq_conn *c = connect_ok(&cfg);
        it_exec(c, "CREATE TEMP TABLE t (i INT, s VARCHAR(20))");
        it_exec(c, "INSERT INTO t VALUES (1, 'one')");
        it_exec(c, "INSERT INTO t VALUES (2, 'two')");
        char out[256];
        ck_assert_int_eq(it_query(c, "SELECT i, s FROM t ORDER BY i", out, sizeof out), 2);
        ck_assert_str_eq(out, "1|one\n2|two\n");
        ck_assert_int_eq(sq_conn_begin(c), SQ_RC_OK);
        ck_assert_int_eq(sq_conn_rollback(c), SQ_RC_OK);
        sq_conn_close(c);
        ck_assert_int_eq(sq_conn_state(c), SQ_CONN_CLOSED);
        sq_conn_free(c);
    }
    stop_server();
}
END_TEST

/* ---- verification failures, each named ---- */

START_TEST(tls_wrong_ca_is_unknown_ca)
{
    start_server(certs.server, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.ca_file = certs.other_ca;
    char msg[600];
    long ms = connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "unknown CA");
    ck_assert_msg(ms < 3000, "took %ld ms", ms);
    stop_server();
}
END_TEST

START_TEST(tls_system_store_rejects_private_ca)
{
    start_server(certs.server, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.ca_file = NULL; /* default: the system trust store, which knows nothing of ours */
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "unknown CA");
    stop_server();
}
END_TEST

START_TEST(tls_self_signed_is_rejected)
{
    start_server(certs.selfsigned, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "self-signed");
    stop_server();
}
END_TEST

START_TEST(tls_expired_certificate_is_named)
{
    start_server(certs.expired, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    char msg[600];
    long ms = connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "expired");
    ck_assert_msg(ms < 3000, "took %ld ms", ms);
    stop_server();
}
END_TEST

START_TEST(tls_name_mismatch_is_named)
{
    start_server(certs.wronghost, NULL, NULL);
    static const char *const hosts[] = {"127.0.0.1", "localhost"};
    for (size_t i = 0; i < 2; i++) {
        struct sq_conn_cfg cfg;
        tls_cfg(&cfg, "testdb");
        cfg.host = hosts[i];
        char msg[600];
        (void)connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
        ck_assert_contains(msg, "name mismatch");
    }
    /* The name to verify can be given apart from the address. */
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.verify_name = "wrong.example";
    struct sq_conn *c = connect_ok(&cfg);
    sq_conn_free(c);
    stop_server();
}
END_TEST

/* ---- plaintext vs TLS, both ways: prompt, never a fallback ---- */

START_TEST(tls_client_against_plaintext_server_fails_promptly)
{
    start_server(NULL, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.connect_timeout_ms = 20000; /* the failure must not need the timeout */
    char msg[600];
    long ms = connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "TLS");
    ck_assert_contains(msg, "plaintext");
    ck_assert_msg(ms < 3000, "took %ld ms", ms);
    stop_server();
}
END_TEST

START_TEST(plaintext_client_against_tls_server_fails_promptly)
{
    start_server(certs.server, NULL, NULL);
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, "testdb");
    cfg.connect_timeout_ms = 20000;
    cfg.io_timeout_ms = 20000;
    char msg[600];
    long ms = connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "onsocssl");
    ck_assert_msg(ms < 3000, "took %ld ms", ms);
    stop_server();
}
END_TEST

/* A silent peer (accepts, never answers) is bounded by the connect timeout. */
START_TEST(tls_handshake_is_bounded_by_connect_timeout)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(lfd, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(lfd, (struct sockaddr *)&sa, sizeof sa), 0);
    ck_assert_int_eq(listen(lfd, 4), 0);
    socklen_t sl = sizeof sa;
    ck_assert_int_eq(getsockname(lfd, (struct sockaddr *)&sa, &sl), 0);
    char port[16];
    snprintf(port, sizeof port, "%u", (unsigned)ntohs(sa.sin_port));
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    cfg.host = "127.0.0.1";
    cfg.service = port;
    cfg.tls.enabled = true;
    cfg.tls.ca_file = certs.ca;
    cfg.connect_timeout_ms = 700;
    char msg[600];
    long ms = connect_fail(&cfg, SQ_RC_TIMEOUT, msg, sizeof msg);
    ck_assert_contains(msg, "TLS handshake timed out");
    ck_assert_msg(ms >= 600 && ms < 3000, "took %ld ms", ms);
    close(lfd);
}
END_TEST

/* ---- pinning, insecure mode, client certificates, bad settings ---- */

START_TEST(tls_fingerprint_pin_match_and_mismatch)
{
    start_server(certs.selfsigned, NULL, NULL);
    char fp[65], other[65];
    ck_assert_int_eq(sq_tls_file_fingerprint(certs.selfsigned, fp), SQ_RC_OK);
    ck_assert_int_eq(strlen(fp), 64);
    char indep[65];
    it_certs_fingerprint(certs.selfsigned, indep); /* computed without the core */
    ck_assert_str_eq(fp, indep);
    ck_assert_int_eq(sq_tls_file_fingerprint(certs.server, other), SQ_RC_OK);
    ck_assert_str_ne(fp, other);

    /* Pinned: a self-signed certificate is accepted without any CA. */
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.ca_file = NULL;
    cfg.tls.fingerprint = fp;
    struct sq_conn *c = connect_ok(&cfg);
    it_exec(c, "CREATE TEMP TABLE p (i INT)");
    sq_conn_free(c);

    /* The same pin written with colons and a prefix. */
    char colons[120] = "sha256:";
    for (size_t i = 0; i < 64; i += 2) {
        size_t o = strlen(colons);
        snprintf(colons + o, sizeof colons - o, "%s%c%c", i ? ":" : "", fp[i], fp[i + 1]);
    }
    cfg.tls.fingerprint = colons;
    c = connect_ok(&cfg);
    sq_conn_free(c);

    cfg.tls.fingerprint = other;
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    ck_assert_contains(msg, "fingerprint mismatch");
    ck_assert_contains(msg, fp); /* tells the user what the server presented */

    cfg.tls.fingerprint = "abcd";
    (void)connect_fail(&cfg, SQ_RC_MISUSE, msg, sizeof msg);
    ck_assert_contains(msg, "fingerprint");
    stop_server();
}
END_TEST

START_TEST(tls_insecure_no_verify_accepts_any_certificate)
{
    start_server(certs.expired, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.ca_file = certs.other_ca;
    cfg.tls.insecure_no_verify = true;
    struct sq_conn *c = connect_ok(&cfg);
    it_exec(c, "CREATE TEMP TABLE x (i INT)");
    sq_conn_free(c);
    stop_server();
}
END_TEST

START_TEST(tls_client_certificate_required_by_server)
{
    start_server(certs.server, certs.ca, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    char msg[600];
    struct sq_conn *c = sq_conn_new();
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    /* TLS 1.3: the server's refusal may arrive after our handshake ended,
     * as the answer to the login. Either way the connect fails. */
    ck_assert_msg(rc == SQ_RC_IO, "connect without a client cert: %s: %s", sq_rc_name(rc),
                  sq_conn_errmsg(c));
    sq_conn_free(c);

    cfg.tls.client_cert = certs.client;
    cfg.tls.client_key = certs.client_key;
    c = connect_ok(&cfg);
    it_exec(c, "CREATE TEMP TABLE cc (i INT)");
    sq_conn_free(c);

    cfg.tls.client_key = certs.server_key; /* wrong key for the certificate */
    (void)connect_fail(&cfg, SQ_RC_MISUSE, msg, sizeof msg);
    ck_assert_contains(msg, "client key");
    stop_server();
}
END_TEST

START_TEST(tls_missing_ca_file_is_a_settings_error)
{
    start_server(certs.server, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.ca_file = "/nonexistent/ca.pem";
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_MISUSE, msg, sizeof msg);
    ck_assert_contains(msg, "CA file");
    stop_server();
}
END_TEST

/* ---- what an eavesdropper sees ---- */

struct proxy {
    int lfd;
    int target_port;
    char port_str[16];
    pthread_t th;
    unsigned char *rec; /* both directions, in arrival order */
    size_t len, cap;
};

static void proxy_record(struct proxy *p, const unsigned char *b, size_t n)
{
    if (p->len + n > p->cap) {
        size_t cap = (p->len + n) * 2;
        unsigned char *r = realloc(p->rec, cap);
        if (!r)
            return;
        p->rec = r;
        p->cap = cap;
    }
    memcpy(p->rec + p->len, b, n);
    p->len += n;
}

static void *proxy_main(void *arg)
{
    struct proxy *p = arg;
    int a = accept(p->lfd, NULL, NULL);
    if (a < 0)
        return NULL;
    int b = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)p->target_port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (b < 0 || connect(b, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(a);
        if (b >= 0)
            close(b);
        return NULL;
    }
    unsigned char buf[16384];
    for (;;) {
        struct pollfd pf[2] = {{.fd = a, .events = POLLIN}, {.fd = b, .events = POLLIN}};
        if (poll(pf, 2, 10000) <= 0)
            break;
        int from = (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) ? a : b;
        int to = from == a ? b : a;
        ssize_t n = recv(from, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        proxy_record(p, buf, (size_t)n);
        if (send(to, buf, (size_t)n, MSG_NOSIGNAL) != n)
            break;
    }
    close(a);
    close(b);
    return NULL;
}

static void proxy_start(struct proxy *p, int target_port)
{
    memset(p, 0, sizeof *p);
    p->target_port = target_port;
    p->lfd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(p->lfd, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(p->lfd, (struct sockaddr *)&sa, sizeof sa), 0);
    ck_assert_int_eq(listen(p->lfd, 1), 0);
    socklen_t sl = sizeof sa;
    ck_assert_int_eq(getsockname(p->lfd, (struct sockaddr *)&sa, &sl), 0);
    snprintf(p->port_str, sizeof p->port_str, "%u", (unsigned)ntohs(sa.sin_port));
    ck_assert_int_eq(pthread_create(&p->th, NULL, proxy_main, p), 0);
}

static void proxy_join(struct proxy *p)
{
    pthread_join(p->th, NULL);
    close(p->lfd);
}

static bool mem_has(const unsigned char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k && i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0)
            return true;
    return false;
}

#define CAPTURE_PASSWORD "Pw-Cap7xQz"
#define CAPTURE_SQL "SELECT tabname FROM systables WHERE tabname = 'marker_q9z'"

/* One session through the proxy; returns the recorded bytes (caller frees). */
static unsigned char *captured_session(bool tls, size_t *len)
{
    struct proxy px;
    proxy_start(&px, it_srv.port);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.tls.enabled = tls;
    cfg.service = px.port_str;
    cfg.user = "capuser";
    cfg.password = CAPTURE_PASSWORD;
    struct sq_conn *c = connect_ok(&cfg);
    char out[256];
    ck_assert_int_eq(it_query(c, CAPTURE_SQL, out, sizeof out), 0);
    sq_conn_close(c);
    sq_conn_free(c);
    proxy_join(&px);
    *len = px.len;
    return px.rec;
}

START_TEST(tls_capture_has_no_password_and_no_sql_text)
{
    /* Control: the same session in plaintext shows both (so the search works). */
    const char *args[] = {"--user", "capuser:" CAPTURE_PASSWORD, NULL};
    ck_assert(it_server_start(&it_srv, args));
    size_t n = 0;
    unsigned char *rec = captured_session(false, &n);
    ck_assert(mem_has(rec, n, CAPTURE_PASSWORD));
    ck_assert(mem_has(rec, n, "marker_q9z"));
    free(rec);
    it_server_stop(&it_srv);

    const char *targs[] = {"--user",     "capuser:" CAPTURE_PASSWORD,
                           "--tls-cert", certs.server,
                           "--tls-key",  certs.server_key,
                           NULL};
    ck_assert(it_server_start(&it_srv, targs));
    rec = captured_session(true, &n);
    ck_assert_msg(n > 500, "only %zu bytes captured", n);
    ck_assert_int_eq(rec[0], 0x16); /* the first byte on the wire is a TLS handshake record */
    ck_assert(!mem_has(rec, n, CAPTURE_PASSWORD));
    ck_assert(!mem_has(rec, n, "marker_q9z"));
    ck_assert(!mem_has(rec, n, "systables"));
    ck_assert(!mem_has(rec, n, "capuser"));
    free(rec);
    it_server_stop(&it_srv);
}
END_TEST

/* A TLS client never sends a byte of the login to a plaintext server. */
START_TEST(tls_client_never_falls_back_to_plaintext)
{
    const char *args[] = {"--user", "capuser:" CAPTURE_PASSWORD, NULL};
    ck_assert(it_server_start(&it_srv, args));
    struct proxy px;
    proxy_start(&px, it_srv.port);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.service = px.port_str;
    cfg.user = "capuser";
    cfg.password = CAPTURE_PASSWORD;
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_IO, msg, sizeof msg);
    proxy_join(&px);
    ck_assert_msg(px.len > 0, "nothing was sent");
    ck_assert_int_eq(px.rec[0], 0x16);
    ck_assert(!mem_has(px.rec, px.len, CAPTURE_PASSWORD));
    ck_assert(!mem_has(px.rec, px.len, "capuser"));
    free(px.rec);
    it_server_stop(&it_srv);
}
END_TEST

/* ifxlite's log at debug level, across a refused and an accepted TLS login,
 * never contains the passwords. */
START_TEST(server_log_never_contains_the_password)
{
    char logpath[300];
    snprintf(logpath, sizeof logpath, "%s/ifxlite.log", certs.dir);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int lf = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert(saved >= 0 && lf >= 0);
    dup2(lf, STDERR_FILENO); /* ifxlite inherits it */
    const char *args[] = {"--user",      "capuser:" CAPTURE_PASSWORD,
                          "--tls-cert",  certs.server,
                          "--tls-key",   certs.server_key,
                          "--log-level", "debug",
                          NULL};
    bool started = it_server_start(&it_srv, args);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(lf);
    ck_assert(started);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    cfg.user = "capuser";
    cfg.password = "Wrong-Pw-4kx";
    char msg[600];
    (void)connect_fail(&cfg, SQ_RC_REJECTED, msg, sizeof msg);
    ck_assert(!strstr(msg, "Wrong-Pw-4kx"));
    cfg.password = CAPTURE_PASSWORD;
    struct sq_conn *c = connect_ok(&cfg);
    sq_conn_free(c);
    it_server_stop(&it_srv); /* flushes and ends the log */
    FILE *f = fopen(logpath, "r");
    ck_assert_ptr_nonnull(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    ck_assert_msg(strstr(text, "capuser") != NULL, "the log has no login lines: %s", text);
    ck_assert(!strstr(text, CAPTURE_PASSWORD));
    ck_assert(!strstr(text, "Wrong-Pw-4kx"));
}
END_TEST

/* ---- throughput: fetch N rows over TLS and over plaintext ---- */

static double fetch_rows_ms(struct sq_conn *c, long *rows)
{
    int64_t t0 = sq_time_ms();
    struct sq_stmt *st;
    const char *sql = "SELECT i, s FROM big";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &st), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(st, NULL, 0, 0), SQ_RC_OK);
    long n = 0;
    const struct sq_row *row;
    enum sq_rc rc;
    while ((rc = sq_stmt_fetch(st, &row)) == SQ_RC_OK)
        n++;
    ck_assert_int_eq(rc, SQ_RC_NO_DATA);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    sq_stmt_free(st);
    *rows = n;
    return (double)(sq_time_ms() - t0);
}

START_TEST(tls_fetch_throughput_vs_plaintext)
{
    /* IT_TLS_ROWS=100000 for the number in the report; small by default so
     * the sanitizer build stays quick. */
    const char *env = getenv("IT_TLS_ROWS");
    long want = env ? atol(env) : 10000;
    if (want < 10 || want > 1000000)
        want = 10000;
    start_server(certs.server, NULL, NULL);
    struct sq_conn_cfg cfg;
    tls_cfg(&cfg, "testdb");
    struct sq_conn *c = connect_ok(&cfg);
    it_exec(c, "CREATE TABLE d (i INT)");
    for (int i = 0; i < 10; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO d VALUES (%d)", i);
        it_exec(c, sql);
    }
    it_exec(c, "CREATE TABLE big (i INT, s VARCHAR(40))");
    it_exec(c, "INSERT INTO big SELECT a.i + 10 * b.i + 100 * c.i + 1000 * e.i + 10000 * f.i, "
               "'a row of text for the fetch test' FROM d a, d b, d c, d e, d f");
    char q[80];
    snprintf(q, sizeof q, "DELETE FROM big WHERE i >= %ld", want);
    it_exec(c, q);
    double best_tls = 1e18, best_plain = 1e18;
    long rows = 0;
    for (int rep = 0; rep < 3; rep++) {
        double ms = fetch_rows_ms(c, &rows);
        ck_assert_int_eq(rows, want);
        if (ms < best_tls)
            best_tls = ms;
    }
    sq_conn_free(c);
    it_server_stop(&it_srv);

    /* Same data directory layout: a plaintext server over a copy is not
     * needed; fill a fresh one the same way. */
    start_server(NULL, NULL, NULL);
    struct sq_conn_cfg pcfg;
    it_cfg(&pcfg, "testdb");
    c = connect_ok(&pcfg);
    it_exec(c, "CREATE TABLE d (i INT)");
    for (int i = 0; i < 10; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO d VALUES (%d)", i);
        it_exec(c, sql);
    }
    it_exec(c, "CREATE TABLE big (i INT, s VARCHAR(40))");
    it_exec(c, "INSERT INTO big SELECT a.i + 10 * b.i + 100 * c.i + 1000 * e.i + 10000 * f.i, "
               "'a row of text for the fetch test' FROM d a, d b, d c, d e, d f");
    it_exec(c, q);
    for (int rep = 0; rep < 3; rep++) {
        double ms = fetch_rows_ms(c, &rows);
        ck_assert_int_eq(rows, want);
        if (ms < best_plain)
            best_plain = ms;
    }
    sq_conn_free(c);
    it_server_stop(&it_srv);
    if (best_plain < 1)
        best_plain = 1;
    if (best_tls < 1)
        best_tls = 1;
    fprintf(stderr,
            "it_tls: fetch of %ld rows: plaintext %.0f ms (%.0f rows/s), TLS %.0f ms "
            "(%.0f rows/s); TLS/plaintext throughput ratio %.2f\n",
            want, best_plain, (double)want * 1000.0 / best_plain, best_tls,
            (double)want * 1000.0 / best_tls, best_plain / best_tls);
}
END_TEST

static Suite *tls_suite(void)
{
    Suite *s = suite_create("tls");
    TCase *tc = tcase_create("tls");
    tcase_add_unchecked_fixture(tc, certs_setup, certs_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, tls_connect_and_query_round_trip);
    tcase_add_test(tc, tls_wrong_ca_is_unknown_ca);
    tcase_add_test(tc, tls_system_store_rejects_private_ca);
    tcase_add_test(tc, tls_self_signed_is_rejected);
    tcase_add_test(tc, tls_expired_certificate_is_named);
    tcase_add_test(tc, tls_name_mismatch_is_named);
    tcase_add_test(tc, tls_client_against_plaintext_server_fails_promptly);
    tcase_add_test(tc, plaintext_client_against_tls_server_fails_promptly);
    tcase_add_test(tc, tls_handshake_is_bounded_by_connect_timeout);
    tcase_add_test(tc, tls_fingerprint_pin_match_and_mismatch);
    tcase_add_test(tc, tls_insecure_no_verify_accepts_any_certificate);
    tcase_add_test(tc, tls_client_certificate_required_by_server);
    tcase_add_test(tc, tls_missing_ca_file_is_a_settings_error);
    tcase_add_test(tc, tls_capture_has_no_password_and_no_sql_text);
    tcase_add_test(tc, tls_client_never_falls_back_to_plaintext);
    tcase_add_test(tc, server_log_never_contains_the_password);
    tcase_add_test(tc, tls_fetch_throughput_vs_plaintext);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(tls_suite());
}
