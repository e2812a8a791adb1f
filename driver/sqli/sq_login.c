/* SPDX-License-Identifier: MIT */
/* sq_login.c - login and session setup of the protocol core: the CONREQ
 * packet (doc §3.2, byte for byte the §3.6 example), the CONACC/CONREJ parse
 * (§4, svcError at marker 102 + 8), SQ_PROTOCOLS, SQ_INFO, SQ_DBOPEN and the
 * database-kind query (§5, PROTOCOL.md). Fixtures: tests/unit/test_sq_login.c. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_trace.h"
#include "sq_types.h"
#include "sq_wr.h"

void sq_procinfo_current(struct sq_procinfo *pi, char *host, size_t hostcap, char *cwd,
                         size_t cwdcap)
{
    pi->pid = (uint32_t)getpid();
    pi->thread_id = (uint32_t)(uintptr_t)pthread_self();
    if (hostcap && gethostname(host, hostcap) != 0)
        snprintf(host, hostcap, "localhost");
    if (hostcap)
        host[hostcap - 1] = '\0';
    if (cwdcap && !getcwd(cwd, cwdcap))
        snprintf(cwd, cwdcap, "/");
    pi->hostname = host;
    pi->cwd = cwd;
}

static const char *nz(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

/* CONREQ (doc §3.2): SL header (u16 pdu_size incl. header, u8 1, u8 60, u16 0),
 * then 100, 101, u32 61, u16 6 "IEEEM\0", 108 fix12("sqlexec"), zstr16
 * "9.280", "RDS#R000000", "sqli", u32 0x13C, u32 0, u32 0, u16 1 (§3.5),
 * zstr16 user, password, fix8("ol"), u32 61, fix8("tlitcp"), u32 1,
 * 104, 11, u32 3, zstr16 server, u16 0 (no database: §3.2 #19), 4 x u16 0,
 * 106 count pairs (zstr16 name, value), 107 (u32 0, pid, thread, zstr16 host,
 * u16 0, zstr16 cwd), 116 (u16 10 + len + 1, u32 0, u32 0, zstr16 app), 127. */
enum sq_rc sq_login_build_conreq(struct sq_buf *b, const struct sq_conn_cfg *cfg,
                                 const struct sq_procinfo *pi)
{
    size_t start = b->len;
    const char *app = nz(cfg->app_name, "");
    if (strlen(app) > 1000 || cfg->nenv > SQ_MAX_ENV_VARS)
        return SQ_RC_MISUSE;
    sq_wr_u16(b, 0); /* pdu_size, back-filled */
    sq_wr_u8(b, SQ_SL_CONREQ);
    sq_wr_u8(b, SQ_SL_ATTR_SQLI);
    sq_wr_u16(b, 0);

    sq_wr_u16(b, SQ_ASC_START);
    sq_wr_u16(b, SQ_ASC_VERSION);
    sq_wr_u32(b, SQ_PROTO_VERSION);
    sq_wr_u16(b, 6);
    sq_wr_fix(b, "IEEEM", 6);
    sq_wr_u16(b, SQ_ASC_SERVICE);
    sq_wr_fix(b, "sqlexec", 12);
    bool ok = sq_wr_zstr16(b, "9.280") && sq_wr_zstr16(b, "RDS#R000000") && sq_wr_zstr16(b, "sqli");
    sq_wr_u32(b, 0x13C);
    sq_wr_u32(b, 0);
    sq_wr_u32(b, 0);
    sq_wr_u16(b, 1);
    ok = ok && sq_wr_zstr16(b, nz(cfg->user, "")) && sq_wr_zstr16(b, nz(cfg->password, ""));
    sq_wr_fix(b, "ol", 8);
    sq_wr_u32(b, SQ_PROTO_VERSION);
    sq_wr_fix(b, "tlitcp", 8);
    sq_wr_u32(b, 1);
    sq_wr_u16(b, SQ_ASC_STMTOPTS);
    sq_wr_u16(b, 11);
    sq_wr_u32(b, 3);
    ok = ok && sq_wr_zstr16(b, nz(cfg->server_name, ""));
    sq_wr_u16(b, 0);
    sq_wr_zeros(b, 8);

    /* Environment: the six of doc §3.6, in its order, then the caller's. */
    const struct sq_env_pair base[] = {
        {"DBPATH", "."},
        {"CLIENT_LOCALE", nz(cfg->client_locale, "en_US.utf8")},
        {"CLNT_PAM_CAPABLE", "1"},
        {"IFX_UPDDESC", "1"},
        {"DB_LOCALE", nz(cfg->db_locale, "en_US.utf8")},
        {"NODEFDAC", "no"},
    };
    size_t nbase = sizeof base / sizeof base[0];
    sq_wr_u16(b, SQ_ASC_ENV);
    sq_wr_u16(b, (uint16_t)(nbase + cfg->nenv));
    for (size_t i = 0; i < nbase; i++)
        ok = ok && sq_wr_zstr16(b, base[i].name) && sq_wr_zstr16(b, base[i].value);
    for (size_t i = 0; i < cfg->nenv; i++)
        ok = ok && sq_wr_zstr16(b, nz(cfg->env[i].name, "")) &&
             sq_wr_zstr16(b, nz(cfg->env[i].value, ""));

    sq_wr_u16(b, SQ_ASC_PROCINFO);
    sq_wr_u32(b, 0);
    sq_wr_u32(b, pi->pid);
    sq_wr_u32(b, pi->thread_id);
    ok = ok && sq_wr_zstr16(b, nz(pi->hostname, ""));
    sq_wr_u16(b, 0);
    ok = ok && sq_wr_zstr16(b, nz(pi->cwd, ""));

    sq_wr_u16(b, SQ_ASC_APPNAME);
    sq_wr_u16(b, (uint16_t)(10 + strlen(app) + 1));
    sq_wr_u32(b, 0);
    sq_wr_u32(b, 0);
    ok = ok && sq_wr_zstr16(b, app);
    sq_wr_u16(b, SQ_ASC_END);

    if (!sq_buf_ok(b))
        return SQ_RC_NOMEM;
    size_t total = b->len - start;
    if (!ok || total > SQ_MAX_LOGIN_PDU) {
        b->len = start;
        return SQ_RC_MISUSE;
    }
    sq_wr_put_u16_at(b, start, (uint16_t)total);
    return SQ_RC_OK;
}

static void copy_str(char *dst, size_t cap, const uint8_t *p, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, p, n);
    dst[n] = '\0';
}

/* Sequential reading of the CONACC mirror (doc §4.1, §4.4). False if the body
 * does not have that shape; the caller then scans for the 102 block. */
static bool parse_mirror(struct sq_rd *rd, struct sq_conacc *out)
{
    uint16_t m1, m2, n, svc;
    uint32_t ver;
    const uint8_t *p;
    size_t len;
    if (!sq_rd_u16(rd, &m1) || !sq_rd_u16(rd, &m2) || m1 != SQ_ASC_START || m2 != SQ_ASC_VERSION ||
        !sq_rd_u32(rd, &ver) || !sq_rd_u16(rd, &n) || !sq_rd_skip(rd, n) || !sq_rd_u16(rd, &svc) ||
        svc != SQ_ASC_SERVICE || !sq_rd_skip(rd, 12))
        return false;
    if (!sq_rd_zstr16(rd, &p, &len))
        return false;
    copy_str(out->version, sizeof out->version, p, len);
    if (!sq_rd_zstr16(rd, &p, &len))
        return false;
    copy_str(out->serial, sizeof out->serial, p, len);
    if (!sq_rd_zstr16(rd, &p, &len))
        return false;
    copy_str(out->name, sizeof out->name, p, len);
    /* caps (14), two "u16 n + n bytes" strings [U] (no pad: doc §17.14 gives
     * none), the 24-byte protocol/transport block. */
    if (!sq_rd_skip(rd, 14) || !sq_rd_u16(rd, &n) || !sq_rd_skip(rd, n) || !sq_rd_u16(rd, &n) ||
        !sq_rd_skip(rd, n) || !sq_rd_skip(rd, 24))
        return false;
    return true;
}

/* Status block: u16 102, 6 unknown bytes, i16 svcError, i16 osError
 * (svcError at marker + 8: NMAP's reading, doc §4.2 decision). */
static bool parse_status(struct sq_rd *rd, struct sq_conacc *out)
{
    uint16_t marker;
    return sq_rd_u16(rd, &marker) && marker == SQ_ASC_SVCSTATUS && sq_rd_skip(rd, 6) &&
           sq_rd_i16(rd, &out->svc_error) && sq_rd_i16(rd, &out->os_error);
}

enum sq_rc sq_login_parse_reply(const uint8_t *p, size_t n, struct sq_conacc *out)
{
    memset(out, 0, sizeof *out);
    if (n < SQ_SL_HEADER_SIZE)
        return SQ_RC_NEED_MORE;
    uint16_t pdu = sq_load_u16(p);
    if (pdu < SQ_SL_HEADER_SIZE)
        return SQ_RC_PROTOCOL;
    if (n < pdu)
        return SQ_RC_NEED_MORE;
    out->sl_type = p[2];
    if (out->sl_type == SQ_SL_REDIRECT)
        return SQ_RC_OK; /* body format unknown (doc §4.3) */
    if (out->sl_type != SQ_SL_CONACC && out->sl_type != SQ_SL_CONREJ)
        return SQ_RC_PROTOCOL;
    struct sq_rd rd;
    sq_rd_init(&rd, p + SQ_SL_HEADER_SIZE, (size_t)pdu - SQ_SL_HEADER_SIZE);
    size_t after = 0;
    if (parse_mirror(&rd, out)) {
        after = rd.pos;
        if (parse_status(&rd, out)) {
            out->has_status = true;
            return SQ_RC_OK;
        }
    } else {
        out->version[0] = out->serial[0] = out->name[0] = '\0';
    }
    /* Not where the mirror puts it: scan the rest of the body for the block.
     * This is not layout guessing inside the message stream: the packet is
     * length-delimited and fully read. */
    for (size_t at = after; at + 12 <= rd.len; at++) {
        rd.pos = at;
        if (parse_status(&rd, out)) {
            out->has_status = true;
            return SQ_RC_OK;
        }
    }
    out->svc_error = out->os_error = 0;
    return out->sl_type == SQ_SL_CONREJ ? SQ_RC_OK : SQ_RC_PROTOCOL;
}

/* ---- session setup ---- */

static enum sq_rc login_fail_server(struct sq_conn *c, enum sq_rc rc, const char *what)
{
    char msg[SQ_ERRMSG_MAX];
    snprintf(msg, sizeof msg, "%s", c->errmsg);
    return sq_conn_fail(c, rc, "%.100s: %.400s", what, msg);
}

static enum sq_rc read_conacc(struct sq_conn *c, const char *user)
{
    enum sq_rc rc = sq_conn_need(c, SQ_SL_HEADER_SIZE);
    if (rc != SQ_RC_OK)
        return rc;
    uint16_t pdu = sq_load_u16(c->in.data + c->in_head);
    /* A TLS record (alert 0x15 / handshake 0x16, version 3.x) where the login
     * reply belongs: an onsocssl listener refused our plaintext login. */
    if ((pdu >> 8 == 0x15 || pdu >> 8 == 0x16) && (pdu & 0xFF) == 0x03)
        return sq_conn_fail(c, SQ_RC_IO,
                            "the server answered with TLS: it is an onsocssl listener "
                            "(connect with TLS, e.g. Protocol=onsocssl)");
    if (pdu < SQ_SL_HEADER_SIZE)
        return sq_conn_fail(c, SQ_RC_PROTOCOL, "login reply: bad packet size %u", pdu);
    rc = sq_conn_need(c, pdu);
    if (rc != SQ_RC_OK)
        return rc;
    struct sq_conacc acc;
    rc = sq_login_parse_reply(c->in.data + c->in_head, pdu, &acc);
    if (rc == SQ_RC_OK)
        sq_trace_login_reply(c->trace, acc.sl_type, acc.svc_error, acc.name,
                             c->in.data + c->in_head, pdu);
    c->in_head += pdu;
    if (rc != SQ_RC_OK)
        return sq_conn_fail(c, SQ_RC_PROTOCOL, "login reply: malformed packet (session type %u)",
                            acc.sl_type);
    if (acc.sl_type == SQ_SL_REDIRECT)
        return sq_conn_fail(c, SQ_RC_UNSUPPORTED,
                            "the server redirected the connection (SL REDIRECT); redirects are "
                            "not supported");
    if (acc.sl_type == SQ_SL_CONREJ || acc.svc_error != 0 || acc.os_error != 0) {
        c->server_err.sqlcode = acc.svc_error;
        c->server_err.isam = acc.os_error;
        char msg[SQ_ERRMSG_MAX];
        if (acc.svc_error) {
            /* CONREJ carries no insertion text; -951's %s is the user name. */
            if (acc.svc_error == -951)
                snprintf(c->server_err.text, sizeof c->server_err.text, "%s", user);
            (void)sq_errtext(acc.svc_error, c->server_err.text, msg, sizeof msg);
            return sq_conn_fail(c, SQ_RC_REJECTED, "login rejected: error %d: %s", acc.svc_error,
                                msg);
        }
        return sq_conn_fail(c, SQ_RC_REJECTED, "login rejected (os error %d)", acc.os_error);
    }
    snprintf(c->server.version, sizeof c->server.version, "%s", acc.version);
    snprintf(c->server.serial, sizeof c->server.serial, "%s", acc.serial);
    snprintf(c->server.name, sizeof c->server.name, "%s", acc.name);
    return SQ_RC_OK;
}

static enum sq_rc negotiate_protocols(struct sq_conn *c)
{
    sq_buf_reset(&c->out);
    sq_req_protocols(&c->out, sq_client_proto_mask, sizeof sq_client_proto_mask);
    sq_req_eot(&c->out);
    enum sq_rc rc = sq_conn_flush(c);
    if (rc != SQ_RC_OK)
        return rc;
    c->round_trips++;
    bool got_mask = false;
    for (;;) {
        struct sq_msg m;
        rc = sq_conn_next_msg(c, &m);
        if (rc != SQ_RC_OK)
            return rc;
        if (m.op == SQ_PROTOCOLS && !got_mask) {
            struct sq_caps caps;
            sq_caps_from_mask(&caps, m.u.protocols.mask, m.u.protocols.n);
            c->caps = caps;
            got_mask = true;
        } else if (m.op == SQ_EOT && got_mask) {
            break;
        } else {
            return sq_conn_fail(c, SQ_RC_PROTOCOL, "unexpected %s in the SQ_PROTOCOLS reply",
                                sq_opcode_name(m.op));
        }
    }
    if (c->caps.pam)
        return sq_conn_fail(c, SQ_RC_UNSUPPORTED,
                            "the server requires PAM authentication, which is not supported yet");
    /* TODO(2): PAM challenge/response (doc §5.3). */
    return SQ_RC_OK;
}

/* Learn the database kind (PROTOCOL.md: sysmaster:sysdatabases). Server
 * errors leave it unknown; connection failures are returned. */
static bool value_as_int(const struct sq_value *v, int64_t *out)
{
    if (v->is_null)
        return false;
    switch (v->kind) {
    case SQ_K_SMALLINT:
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL:
    case SQ_K_BOOLEAN:
        *out = v->u.i;
        return true;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
        return sq_dec_to_int(&v->u.dec, out) == SQ_RC_OK;
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
    case SQ_K_LVARCHAR:
        if (v->u.s.n == 0)
            return false;
        *out = (v->u.s.p[0] == '1' || v->u.s.p[0] == 't' || v->u.s.p[0] == 'y') ? 1 : 0;
        return true;
    default:
        return false;
    }
}

/* First failure of a chain of calls: later ones only repeat BROKEN. */
static enum sq_rc keep_first(enum sq_rc first, enum sq_rc rc)
{
    return first != SQ_RC_OK ? first : rc;
}

static enum sq_rc learn_db_kind(struct sq_conn *c, const char *db)
{
    enum sq_rc failed = SQ_RC_OK;
    char sql[2 * SQ_MAX_NAME + 128];
    size_t n = (size_t)snprintf(sql, sizeof sql,
                                "SELECT is_logging, is_ansi FROM sysmaster:sysdatabases "
                                "WHERE name = '");
    for (const char *s = db; *s && n + 4 < sizeof sql; s++) {
        if (*s == '\'')
            sql[n++] = '\'';
        sql[n++] = *s;
    }
    sql[n++] = '\'';
    sql[n] = '\0';
    struct sq_stmt *st = NULL;
    enum sq_rc rc = sq_stmt_prepare(c, sql, n, &st);
    failed = keep_first(failed, rc);
    if (rc == SQ_RC_OK && sq_stmt_ncols(st) == 2) {
        rc = sq_stmt_open(st, NULL, 0, 0);
        failed = keep_first(failed, rc);
    }
    const struct sq_row *row = NULL;
    if (rc == SQ_RC_OK && sq_stmt_is_open(st)) {
        rc = sq_stmt_fetch(st, &row);
        failed = keep_first(failed, rc);
    }
    if (rc == SQ_RC_OK && row) {
        struct sq_value v1, v2;
        int64_t logging, ansi;
        if (sq_row_value(row, 0, &v1) == SQ_RC_OK && sq_row_value(row, 1, &v2) == SQ_RC_OK &&
            value_as_int(&v1, &logging) && value_as_int(&v2, &ansi))
            c->db_kind = ansi ? SQ_DB_ANSI : logging ? SQ_DB_LOGGED : SQ_DB_UNLOGGED;
    }
    sq_stmt_free(st);
    if (c->state != SQ_CONN_READY)
        return failed != SQ_RC_OK && failed != SQ_RC_SERVER ? failed : SQ_RC_BROKEN;
    /* Whatever happened at the server, the connect itself succeeded. */
    c->errmsg[0] = '\0';
    memset(&c->server_err, 0, sizeof c->server_err);
    memset(&c->last_done, 0, sizeof c->last_done);
    return SQ_RC_OK;
}

enum sq_rc sq_conn_connect_over(struct sq_conn *c, const struct sq_conn_cfg *cfg,
                                struct sq_transport *tr, const struct sq_procinfo *pi)
{
    if (c->state != SQ_CONN_NEW) {
        if (tr)
            tr->ops->close(tr);
        return SQ_RC_MISUSE;
    }
    c->tr = tr;
    if (atomic_load(&c->interrupted))
        tr->ops->interrupt(tr); /* an interrupt that came before the transport */
    c->io_timeout_ms = cfg->io_timeout_ms > 0 ? cfg->io_timeout_ms : 0;
    c->fetch_buf = cfg->fetch_buf_size ? cfg->fetch_buf_size : SQ_DEFAULT_FETCH_BUF;
    memset(&c->caps, 0, sizeof c->caps);

    char host[256], cwd[1024];
    struct sq_procinfo cur;
    if (!pi) {
        sq_procinfo_current(&cur, host, sizeof host, cwd, sizeof cwd);
        pi = &cur;
    }
    sq_buf_reset(&c->out);
    enum sq_rc rc = sq_login_build_conreq(&c->out, cfg, pi);
    if (rc != SQ_RC_OK) {
        if (c->out.data)
            explicit_bzero(c->out.data, c->out.cap);
        return sq_conn_fail(c, rc, "cannot build the login packet (%s)", sq_rc_name(rc));
    }
    /* The password is in the buffer in clear text (doc §3.4): send, then wipe.
     * The trace prints the login's key fields only, never these bytes. */
    if (!c->trace)
        c->trace = sq_trace_open(cfg->trace_file);
    sq_trace_login(c->trace, cfg, c->out.len);
    uint8_t *pwbuf = c->out.data;
    size_t pwcap = c->out.cap;
    rc = sq_conn_flush(c);
    if (pwbuf && c->out.data == pwbuf)
        explicit_bzero(pwbuf, pwcap);
    if (rc != SQ_RC_OK)
        return rc;
    c->round_trips++;
    rc = read_conacc(c, cfg->user ? cfg->user : "");
    if (rc != SQ_RC_OK)
        return rc;
    c->state = SQ_CONN_READY;

    rc = negotiate_protocols(c);
    if (rc != SQ_RC_OK)
        return rc;

    sq_buf_reset(&c->out);
    sq_req_info_default(&c->out);
    sq_req_eot(&c->out);
    struct sq_reply r = {0};
    rc = sq_conn_roundtrip(c, &r);
    if (rc == SQ_RC_SERVER)
        return login_fail_server(c, rc, "session setup (SQ_INFO) failed");
    if (rc != SQ_RC_OK)
        return rc;

    const char *db = cfg->database;
    if (db && *db) {
        size_t len = strlen(db);
        sq_buf_reset(&c->out);
        if (!sq_req_dbopen(&c->out, db, len))
            return sq_conn_fail(c, SQ_RC_MISUSE, "database name too long");
        sq_req_eot(&c->out);
        struct sq_reply r2 = {0};
        rc = sq_conn_roundtrip(c, &r2);
        if (rc == SQ_RC_SERVER) {
            /* Leave politely, then report the DBOPEN error as the failure. */
            struct sq_server_error e = c->server_err;
            char msg[SQ_ERRMSG_MAX];
            snprintf(msg, sizeof msg, "cannot open database %.128s: %.360s", db, c->errmsg);
            sq_conn_close(c);
            c->server_err = e;
            c->state = SQ_CONN_NEW; /* so the failure is recorded as BROKEN below */
            sq_conn_fail(c, SQ_RC_SERVER, "%s", msg);
            return SQ_RC_SERVER;
        }
        if (rc != SQ_RC_OK)
            return rc;
        return learn_db_kind(c, db);
    }
    return SQ_RC_OK;
}

enum sq_rc sq_conn_connect(struct sq_conn *c, const struct sq_conn_cfg *cfg)
{
    if (!c || !cfg)
        return SQ_RC_MISUSE;
    if (c->state != SQ_CONN_NEW)
        return SQ_RC_MISUSE;
    struct sq_transport *tr = NULL;
    char err[256] = "";
    enum sq_rc rc =
        sq_tcp_connect(cfg->host, cfg->service, cfg->connect_timeout_ms, &tr, err, sizeof err);
    if (rc != SQ_RC_OK) {
        c->server_err.sqlcode = -908; /* client-side "socket connection failed" code */
        return sq_conn_fail(c, rc, "%s", err);
    }
    sq_tcp_keepalive(tr, cfg->keepalive_idle_s, cfg->keepalive_intvl_s, cfg->keepalive_cnt);
    if (cfg->tls.enabled) {
        /* doc §11: TLS right after the TCP connect, before the SL header. The
         * handshake shares the connect timeout; a failure never falls back. */
        int ms = cfg->connect_timeout_ms > 0 ? cfg->connect_timeout_ms : SQ_TLS_HANDSHAKE_MS;
        struct sq_transport *plain = tr;
        rc = sq_tls_wrap(plain, cfg->host, &cfg->tls, sq_deadline_in(ms), &tr, NULL, err,
                         sizeof err);
        if (rc != SQ_RC_OK)
            return sq_conn_fail(c, rc, "%s", err);
    }
    return sq_conn_connect_over(c, cfg, tr, NULL);
}
