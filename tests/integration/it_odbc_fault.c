/* SPDX-License-Identifier: MIT */
/* it_odbc_fault.c - a hostile server through the real driver manager: every
 * ifxlite fault plan at login / prepare / execute / fetch gives its documented
 * SQLSTATE within the configured timeout (no hang, no crash, no corrupted row),
 * a broken connection fails fast with 08S01 and reports CONNECTION_DEAD, and
 * SQLCancel from another thread returns HY008 promptly. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <check.h>
#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "fault_proxy.h"
#include "odbc_env.h"

static struct odbc_test_env g_env;
static SQLHENV g_henv;
static SQLHDBC g_dbc;

static void start(const char *plan)
{
    const char *args[] = {"--fault", plan, NULL};
    ck_assert_msg(odbc_test_env_start(&g_env, plan ? args : NULL), "test environment");
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &g_henv), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(g_henv, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, g_henv, &g_dbc), SQL_SUCCESS);
}

static SQLRETURN do_connect(void)
{
    return SQLDriverConnect(g_dbc, NULL, (SQLCHAR *)"DSN=ifxtest;", SQL_NTS, NULL, 0, NULL,
                            SQL_DRIVER_NOPROMPT);
}

static void connect_ok(void)
{
    SQLRETURN rc = do_connect();
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_DBC, g_dbc);
    ck_assert(SQL_SUCCEEDED(rc));
}

static void stop(void)
{
    /* SQLDisconnect must succeed whatever state the wire is in. */
    SQLRETURN rc = SQLDisconnect(g_dbc);
    ck_assert(rc == SQL_SUCCESS || rc == SQL_ERROR); /* ERROR only when never connected */
    ck_assert_int_eq(SQLFreeHandle(SQL_HANDLE_DBC, g_dbc), SQL_SUCCESS);
    SQLFreeHandle(SQL_HANDLE_ENV, g_henv);
    odbc_test_env_stop(&g_env);
}

static void state_of(SQLSMALLINT type, SQLHANDLE h, char state[6], SQLINTEGER *native)
{
    SQLCHAR msg[512];
    SQLSMALLINT len;
    state[0] = '\0';
    ck_assert_int_eq(
        SQLGetDiagRec(type, h, 1, (SQLCHAR *)state, native, msg, sizeof msg, &len),
        SQL_SUCCESS);
}

static void expect_state(SQLSMALLINT type, SQLHANDLE h, const char *want)
{
    char got[6];
    SQLINTEGER nat = 0;
    state_of(type, h, got, &nat);
    ck_assert_msg(strcmp(got, want) == 0, "SQLSTATE %s, want %s", got, want);
}

static SQLUINTEGER dead(void)
{
    SQLUINTEGER v = 7;
    ck_assert_int_eq(SQLGetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_DEAD, &v, SQL_IS_UINTEGER, NULL),
                     SQL_SUCCESS);
    return v;
}

/* After a link failure: later calls fail at once with 08S01, DEAD is TRUE. */
static void expect_broken_after(void)
{
    ck_assert_int_eq(dead(), SQL_CD_TRUE);
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    double t0 = odbc_test_now();
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT 1 FROM systables WHERE tabid = 1",
                                   SQL_NTS),
                     SQL_ERROR);
    ck_assert(odbc_test_now() - t0 < 0.5);
    expect_state(SQL_HANDLE_STMT, st, "08S01");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- login ----------------------------------------------------------------- */

START_TEST(reject_login_28000)
{
    start("reject-login");
    double t0 = odbc_test_now();
    ck_assert_int_eq(do_connect(), SQL_ERROR);
    ck_assert(odbc_test_now() - t0 < 5.0);
    char st[6];
    SQLINTEGER nat = 0;
    state_of(SQL_HANDLE_DBC, g_dbc, st, &nat);
    ck_assert_str_eq(st, "28000");
    ck_assert_int_eq(nat, -951);
    stop();
}
END_TEST

START_TEST(close_after_login_08001)
{
    start("close-after-login");
    double t0 = odbc_test_now();
    ck_assert_int_eq(do_connect(), SQL_ERROR);
    ck_assert(odbc_test_now() - t0 < 5.0);
    expect_state(SQL_HANDLE_DBC, g_dbc, "08001");
    stop();
}
END_TEST

/* Every reply after the login stalls 3 s. While connecting, the 1 s
 * connection timeout bounds each wait before the 2 s login timeout does:
 * HYT01 (ODBC: the connection timeout expired) after about 1 s. */
START_TEST(stall_connection_timeout)
{
    start("stall:3000");
    ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)2, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)1, 0),
                     SQL_SUCCESS);
    double t0 = odbc_test_now();
    ck_assert_int_eq(do_connect(), SQL_ERROR);
    double dt = odbc_test_now() - t0;
    ck_assert_msg(dt >= 0.9 && dt < 1.6, "connect took %.2f s", dt);
    expect_state(SQL_HANDLE_DBC, g_dbc, "HYT01");
    stop();
}
END_TEST

/* The same stall with only a login timeout: HYT00 (login timeout expired). */
START_TEST(stall_login_timeout_HYT00)
{
    start("stall:3000");
    ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)1, 0),
                     SQL_SUCCESS);
    double t0 = odbc_test_now();
    ck_assert_int_eq(do_connect(), SQL_ERROR);
    double dt = odbc_test_now() - t0;
    ck_assert_msg(dt >= 0.9 && dt < 1.6, "connect took %.2f s", dt);
    expect_state(SQL_HANDLE_DBC, g_dbc, "HYT00");
    stop();
}
END_TEST

/* SQL_ATTR_CONNECTION_TIMEOUT set on an open connection bounds later waits. */
START_TEST(connection_timeout_after_connect)
{
    start("stall:1500");
    connect_ok();
    ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)1, 0),
                     SQL_SUCCESS);
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    double t0 = odbc_test_now();
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                     SQL_ERROR);
    double dt = odbc_test_now() - t0;
    ck_assert_msg(dt >= 0.9 && dt < 1.45, "timed out after %.2f s", dt);
    expect_state(SQL_HANDLE_STMT, st, "HYT01"); /* the connection timeout, not a query timeout */
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    expect_broken_after();
    stop();
}
END_TEST

/* ---- prepare / execute / fetch --------------------------------------------- */

/* A fault that hits the connect: 08001 promptly, nothing left behind. */
static void connect_fails_08001(const char *plan)
{
    start(plan);
    double t0 = odbc_test_now();
    ck_assert_int_eq(do_connect(), SQL_ERROR);
    ck_assert(odbc_test_now() - t0 < 3.0);
    expect_state(SQL_HANDLE_DBC, g_dbc, "08001");
    stop();
}

START_TEST(truncate_describe_08S01)
{
    /* The first DESCRIBE of a session is the login's database-kind query,
     * so the fault hits the connect (the proxy tests cover later phases). */
    connect_fails_08001("truncate-describe");
}
END_TEST

START_TEST(garbage_opcode_08S01)
{
    start("garbage-opcode");
    SQLRETURN rc = do_connect();
    if (rc == SQL_ERROR) { /* the kind query after DBOPEN got the garbage */
        expect_state(SQL_HANDLE_DBC, g_dbc, "08001");
    } else {
        SQLHSTMT st;
        ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
        ck_assert_int_eq(
            SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS), SQL_ERROR);
        expect_state(SQL_HANDLE_STMT, st, "08S01");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        expect_broken_after();
    }
    stop();
}
END_TEST

/* Drop in the middle of a tuple: rows delivered before are intact, the
 * failing call gives 08S01, nothing half-decoded reaches the application. */
START_TEST(drop_mid_tuple_08S01)
{
    /* The first SQ_TUPLE of a session belongs to the login's database-kind
     * query: the connect fails cleanly (fetch-phase drops: proxy tests). */
    connect_fails_08001("drop-mid-tuple");
}
END_TEST

/* SQ_ERR in the middle of a fetch is a clean server error: the first row is
 * delivered, the error carries the server's SQLCODE, the link survives. */
START_TEST(err_mid_fetch_server_error)
{
    /* The fault fires in the first fetch of the session, the login's
     * database-kind query, whose failure the core tolerates (kind unknown):
     * the connection stays usable and later fetches are exact. */
    start("err-mid-fetch");
    connect_ok();
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT COUNT(*) FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    SQLINTEGER n = 0;
    SQLLEN ind = 0;
    ck_assert_int_eq(SQLGetData(st, 1, SQL_C_SLONG, &n, 0, &ind), SQL_SUCCESS);
    ck_assert_int_gt(n, 5);
    ck_assert_int_eq(SQLFetch(st), SQL_NO_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    ck_assert_int_eq(dead(), SQL_CD_FALSE);
    stop();
}
END_TEST

/* Query timeout against a stalling server: HYT00 within the timeout, then
 * the connection is broken (a timed-out SQLI exchange cannot be resumed). */
START_TEST(stall_query_timeout_HYT00)
{
    start("stall:1500");
    connect_ok();
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0), SQL_SUCCESS);
    double t0 = odbc_test_now();
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                     SQL_ERROR);
    double dt = odbc_test_now() - t0;
    ck_assert_msg(dt >= 0.9 && dt < 2.0, "timeout after %.2f s", dt);
    expect_state(SQL_HANDLE_STMT, st, "HYT00");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    expect_broken_after();
    stop();
}
END_TEST

/* ---- cancel ---------------------------------------------------------------- */

struct cancel_arg {
    SQLHSTMT st;
    double sent;
};

static void *cancel_later(void *p)
{
    struct cancel_arg *a = p;
    usleep(300 * 1000);
    a->sent = odbc_test_now();
    (void)SQLCancel(a->st);
    return NULL;
}

START_TEST(cancel_running_statement_HY008)
{
    start("stall:1500");
    connect_ok();
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    struct cancel_arg a = {st, 0};
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, cancel_later, &a), 0);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                     SQL_ERROR);
    double latency = odbc_test_now() - a.sent;
    pthread_join(th, NULL);
    fprintf(stderr, "cancel latency %.2f ms\n", latency * 1e3);
    ck_assert_msg(latency < 0.5, "cancel took %.2f s", latency);
    expect_state(SQL_HANDLE_STMT, st, "HY008");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* No wire interrupt exists in SQLI (sqli-protocol.md §12.1): the cancel
     * broke the connection. */
    expect_broken_after();
    stop();
}
END_TEST

/* A cancel while nothing runs does not affect the next statement. */
START_TEST(idle_cancel_harmless)
{
    start(NULL);
    connect_ok();
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLCancel(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables WHERE tabid = 1",
                                   SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    ck_assert_int_eq(SQLCancel(st), SQL_SUCCESS); /* closes the open cursor */
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables WHERE tabid = 2",
                                   SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    ck_assert_int_eq(dead(), SQL_CD_FALSE);
    stop();
}
END_TEST

/* SQLCancel from another thread between two calls (nothing runs): the next
 * statement is unaffected, 200 times over; the link stays up. */
struct idle_arg {
    SQLHSTMT st;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int turn; /* 0 main runs, 1 canceller's turn, 2 stop */
    int cancels;
};

static void *idle_canceller(void *p)
{
    struct idle_arg *a = p;
    pthread_mutex_lock(&a->mu);
    for (;;) {
        while (a->turn == 0)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->turn == 2)
            break;
        if (SQLCancel(a->st) == SQL_SUCCESS)
            a->cancels++;
        a->turn = 0;
        pthread_cond_broadcast(&a->cv);
    }
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

START_TEST(idle_cancel_from_other_thread)
{
    start(NULL);
    connect_ok();
    struct idle_arg a = {.turn = 0};
    pthread_mutex_init(&a.mu, NULL);
    pthread_cond_init(&a.cv, NULL);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &a.st), SQL_SUCCESS);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, idle_canceller, &a), 0);
    for (int i = 1; i <= 200; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "SELECT %d FROM systables WHERE tabid = 1", i);
        ck_assert_int_eq(SQLExecDirect(a.st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS);
        SQLINTEGER v = 0;
        SQLLEN ind = 0;
        ck_assert_int_eq(SQLFetch(a.st), SQL_SUCCESS);
        ck_assert_int_eq(SQLGetData(a.st, 1, SQL_C_SLONG, &v, 0, &ind), SQL_SUCCESS);
        ck_assert_int_eq(v, i);
        ck_assert_int_eq(SQLCloseCursor(a.st), SQL_SUCCESS);
        pthread_mutex_lock(&a.mu); /* the canceller's turn: nothing runs now */
        a.turn = 1;
        pthread_cond_broadcast(&a.cv);
        while (a.turn == 1)
            pthread_cond_wait(&a.cv, &a.mu);
        pthread_mutex_unlock(&a.mu);
    }
    pthread_mutex_lock(&a.mu);
    a.turn = 2;
    pthread_cond_broadcast(&a.cv);
    pthread_mutex_unlock(&a.mu);
    pthread_join(th, NULL);
    ck_assert_int_eq(a.cancels, 200);
    ck_assert_int_eq(dead(), SQL_CD_FALSE);
    SQLFreeHandle(SQL_HANDLE_STMT, a.st);
    pthread_cond_destroy(&a.cv);
    pthread_mutex_destroy(&a.mu);
    stop();
}
END_TEST

/* KeepAliveIdle / KeepAliveInterval / KeepAliveCount reach the socket. */
static bool socket_with_keepalive(int idle, int intvl, int cnt)
{
    for (int fd = 3; fd < 1024; fd++) {
        int v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &v, &l) != 0 || !v)
            continue;
        int a = 0, b = 0, c = 0;
        l = sizeof a;
        (void)getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &a, &l);
        l = sizeof b;
        (void)getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &b, &l);
        l = sizeof c;
        (void)getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &c, &l);
        if (a == idle && b == intvl && c == cnt)
            return true;
    }
    return false;
}

START_TEST(keepalive_dsn_options)
{
    start(NULL);
    ck_assert(!socket_with_keepalive(17, 5, 3));
    SQLRETURN rc = SQLDriverConnect(
        g_dbc, NULL,
        (SQLCHAR *)"DSN=ifxtest;KeepAliveIdle=17;KeepAliveInterval=5;KeepAliveCount=3;",
        SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    ck_assert(SQL_SUCCEEDED(rc));
    ck_assert(socket_with_keepalive(17, 5, 3));
    ck_assert_int_eq(SQLDisconnect(g_dbc), SQL_SUCCESS);
    ck_assert_int_eq(SQLDriverConnect(g_dbc, NULL, (SQLCHAR *)"DSN=ifxtest;KeepAliveCount=500;",
                                      SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT),
                     SQL_ERROR);
    expect_state(SQL_HANDLE_DBC, g_dbc, "08001");
    stop();
}
END_TEST

/* Disconnect with a transaction open succeeds (the server rolls back). */
START_TEST(disconnect_with_open_txn)
{
    start(NULL);
    connect_ok();
    ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF,
                                       0),
                     SQL_SUCCESS);
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"CREATE TABLE dt (a INT)", SQL_NTS),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLDisconnect(g_dbc), SQL_SUCCESS);
    connect_ok();
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT a FROM dt", SQL_NTS), SQL_ERROR);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    stop();
}
END_TEST

/* ---- every server fault at every phase (fault plans with /TEXT and @K) ------ */

/* The plan's /fx_id arms a fault when the test's query is prepared (never
 * during the connect's own queries); @K picks the Kth point after that:
 * reply groups for stall and garbage-opcode, tuples for drop-mid-tuple and
 * err-mid-fetch. 4 KiB fetch buffers: the 120 rows take several round trips. */
struct phase_case {
    const char *plan;
    int query_timeout, conn_timeout; /* seconds, 0 = none */
    int phase;                       /* 1 prepare, 2 execute, 3 fetch */
    const char *state;
    SQLINTEGER native; /* 0: not checked */
    bool dead;         /* the connection is broken afterwards */
};

enum { PROWS = 120 };
static int g_phase_scenarios;

static const char *const phase_names[] = {"", "prepare", "execute", "fetch"};

static void run_phase_case(const struct phase_case *pc)
{
    start(pc->plan);
    ck_assert(SQL_SUCCEEDED(SQLDriverConnect(g_dbc, NULL,
                                             (SQLCHAR *)"DSN=ifxtest;FetchBufferSize=4096;",
                                             SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT)));
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(
        SQLExecDirect(st, (SQLCHAR *)"CREATE TABLE ft (id INT, s VARCHAR(200))", SQL_NTS),
        SQL_SUCCESS);
    ck_assert_int_eq(SQLPrepare(st, (SQLCHAR *)"INSERT INTO ft VALUES (?, ?)", SQL_NTS),
                     SQL_SUCCESS);
    for (SQLINTEGER i = 1; i <= PROWS; i++) {
        char sv[128];
        SQLLEN ind = SQL_NTS, iind = 0;
        snprintf(sv, sizeof sv, "row-%d-%080d", (int)i, (int)i);
        ck_assert_int_eq(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                                          &i, 0, &iind),
                         SQL_SUCCESS);
        ck_assert_int_eq(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 200,
                                          0, sv, 0, &ind),
                         SQL_SUCCESS);
        ck_assert_int_eq(SQLExecute(st), SQL_SUCCESS);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    if (pc->conn_timeout)
        ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_TIMEOUT,
                                           (SQLPOINTER)(uintptr_t)pc->conn_timeout, 0),
                         SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    if (pc->query_timeout)
        ck_assert_int_eq(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT,
                                        (SQLPOINTER)(uintptr_t)pc->query_timeout, 0),
                         SQL_SUCCESS);
    int tmo = pc->query_timeout > pc->conn_timeout ? pc->query_timeout : pc->conn_timeout;
    double bound = tmo ? tmo + 0.6 : 2.0; /* each call returns within its timeout */
    int phase = 0;
    long rows = 0;
    SQLRETURN rc;
    double t0 = odbc_test_now(), dt;
    rc = SQLPrepare(st, (SQLCHAR *)"SELECT id AS fx_id, s FROM ft ORDER BY id", SQL_NTS);
    dt = odbc_test_now() - t0;
    if (rc != SQL_SUCCESS) {
        phase = 1;
    } else {
        t0 = odbc_test_now();
        rc = SQLExecute(st);
        dt = odbc_test_now() - t0;
        if (rc != SQL_SUCCESS)
            phase = 2;
    }
    while (!phase) {
        t0 = odbc_test_now();
        rc = SQLFetch(st);
        dt = odbc_test_now() - t0;
        if (rc == SQL_NO_DATA)
            break;
        if (rc != SQL_SUCCESS) {
            phase = 3;
            break;
        }
        /* Every row delivered is exact. */
        SQLINTEGER id = 0;
        SQLLEN ind = 0;
        char sv[256], want[256];
        ck_assert_int_eq(SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind), SQL_SUCCESS);
        ck_assert_int_eq(SQLGetData(st, 2, SQL_C_CHAR, sv, sizeof sv, &ind), SQL_SUCCESS);
        rows++;
        snprintf(want, sizeof want, "row-%ld-%080ld", rows, rows);
        ck_assert_int_eq(id, rows);
        ck_assert_str_eq(sv, want);
    }
    char got[6] = "";
    SQLINTEGER nat = 0;
    if (phase)
        state_of(SQL_HANDLE_STMT, st, got, &nat);
    fprintf(stderr, "fault %-34s -> %s at %s after %ld rows in %.2f s (native %d)\n", pc->plan,
            got[0] ? got : "none", phase_names[phase], rows, dt, (int)nat);
    g_phase_scenarios++;
    ck_assert_msg(phase == pc->phase, "%s: failed at phase %d, want %d", pc->plan, phase,
                  pc->phase);
    ck_assert_msg(strcmp(got, pc->state) == 0, "%s: SQLSTATE %s, want %s", pc->plan, got,
                  pc->state);
    if (pc->native)
        ck_assert_int_eq(nat, pc->native);
    ck_assert_msg(dt < bound, "%s: the failing call took %.2f s (bound %.1f)", pc->plan, dt,
                  bound);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    if (pc->dead) {
        expect_broken_after();
    } else {
        ck_assert_int_eq(dead(), SQL_CD_FALSE);
        /* The connection still works. */
        ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
        ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT COUNT(*) FROM ft", SQL_NTS),
                         SQL_SUCCESS);
        SQLINTEGER n = 0;
        SQLLEN ind = 0;
        ck_assert_int_eq(SQLFetch(st), SQL_SUCCESS);
        ck_assert_int_eq(SQLGetData(st, 1, SQL_C_SLONG, &n, 0, &ind), SQL_SUCCESS);
        ck_assert_int_eq(n, PROWS);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    double td = odbc_test_now();
    ck_assert_int_eq(SQLDisconnect(g_dbc), SQL_SUCCESS);
    ck_assert_msg(odbc_test_now() - td < 2.0, "disconnect took %.2f s", odbc_test_now() - td);
    stop(); /* ifxlite's shutdown waits out a stalled session: not timed */
}

static const struct phase_case phase_cases[] = {
    /* prepare */
    {"truncate-describe/fx_id", 0, 0, 1, "08S01", 0, true},
    {"garbage-opcode/fx_id", 0, 0, 1, "08S01", 0, true},
    {"stall:3000/fx_id", 1, 0, 1, "HYT00", 0, true},
    {"stall:3000/fx_id", 0, 1, 1, "HYT01", 0, true},
    /* execute */
    {"garbage-opcode@2/fx_id", 0, 0, 2, "08S01", 0, true},
    {"stall:3000@2/fx_id", 1, 0, 2, "HYT00", 0, true},
    {"stall:3000@2/fx_id", 0, 1, 2, "HYT01", 0, true},
    {"drop-mid-tuple/fx_id", 0, 0, 2, "08S01", 0, true},
    {"err-mid-fetch/fx_id", 0, 0, 2, "HY000", -244, false},
    /* fetch */
    {"garbage-opcode@3/fx_id", 0, 0, 3, "08S01", 0, true},
    {"stall:3000@3/fx_id", 1, 0, 3, "HYT00", 0, true},
    {"stall:3000@3/fx_id", 0, 1, 3, "HYT01", 0, true},
    {"drop-mid-tuple@70/fx_id", 0, 0, 3, "08S01", 0, true},
    {"err-mid-fetch@70/fx_id", 0, 0, 3, "HY000", -244, false},
};

START_TEST(fault_at_every_phase)
{
    run_phase_case(&phase_cases[_i]);
    if (_i == (int)(sizeof phase_cases / sizeof phase_cases[0]) - 1)
        fprintf(stderr, "phase fault scenarios exercised: %zu\n",
                sizeof phase_cases / sizeof phase_cases[0]);
}
END_TEST

/* ---- TCP proxy: cut / RST / stall at every byte offset --------------------- */

enum { NROWS = 60 };
static struct fault_proxy g_proxy;
static char g_pconn[256];
static int g_scenarios; /* fault scenarios exercised (reported) */

static void proxy_setup(void)
{
    start(NULL);
    ck_assert(fault_proxy_start(&g_proxy, g_env.srv.port));
    /* A 4 KiB fetch buffer: the 60 rows take several NFETCH round trips. */
    snprintf(g_pconn, sizeof g_pconn, "DSN=ifxtest;Service=%d;FetchBufferSize=4096;",
             g_proxy.port);
    fault_proxy_arm(&g_proxy, FP_PASS, FP_S2C, 0);
    connect_ok();
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"CREATE TABLE ft (id INT, s VARCHAR(200))",
                                   SQL_NTS),
                     SQL_SUCCESS);
    for (int i = 1; i <= NROWS; i++) {
        char sql[300];
        snprintf(sql, sizeof sql, "INSERT INTO ft VALUES (%d, 'row-%d-%0100d')", i, i, i);
        ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    ck_assert_int_eq(SQLDisconnect(g_dbc), SQL_SUCCESS);
}

static void proxy_teardown(void)
{
    fault_proxy_stop(&g_proxy);
    stop();
    fprintf(stderr, "fault scenarios exercised: %d\n", g_scenarios);
}

static bool state_is(SQLSMALLINT type, SQLHANDLE h, const char *a, const char *b)
{
    char got[6];
    SQLINTEGER nat = 0;
    state_of(type, h, got, &nat);
    bool ok = strcmp(got, a) == 0 || (b && strcmp(got, b) == 0);
    if (!ok)
        fprintf(stderr, "unexpected SQLSTATE %s (want %s%s%s)\n", got, a, b ? " or " : "",
                b ? b : "");
    return ok;
}

/* Connect, prepare, execute, fetch every row through the proxy. Every row
 * delivered must be exact; a failure must carry the documented SQLSTATE:
 * 08001 while connecting, 08S01 afterwards (HYT00/HYT01 when `stall`).
 * Returns the stage reached (4 = everything worked). */
static int scenario(bool stall)
{
    g_scenarios++;
    double t0 = odbc_test_now();
    if (stall) {
        ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)1, 0),
                         SQL_SUCCESS);
        ck_assert_int_eq(SQLSetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)1, 0),
                         SQL_SUCCESS);
    }
    SQLRETURN rc = SQLDriverConnect(g_dbc, NULL, (SQLCHAR *)g_pconn, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        ck_assert_int_eq(rc, SQL_ERROR);
        /* A stall while connecting: the login timeout (1 s, counted from
         * the start) expires no later than the 1 s connection timeout of
         * the stalled wait: HYT00. */
        ck_assert(stall ? state_is(SQL_HANDLE_DBC, g_dbc, "HYT00", NULL)
                        : state_is(SQL_HANDLE_DBC, g_dbc, "08001", NULL));
        ck_assert_msg(odbc_test_now() - t0 < 4.0, "connect failure took %.2f s", odbc_test_now() - t0);
        return 0;
    }
    int stage = 1;
    SQLHSTMT st;
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &st), SQL_SUCCESS);
    rc = SQLPrepare(st, (SQLCHAR *)"SELECT id, s FROM ft ORDER BY id", SQL_NTS);
    if (rc == SQL_SUCCESS) {
        stage = 2;
        rc = SQLExecute(st);
    }
    long rows = 0;
    if (rc == SQL_SUCCESS) {
        stage = 3;
        while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
            SQLINTEGER id = 0;
            SQLLEN ind = 0;
            char sv[256], want[256];
            ck_assert_int_eq(SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind), SQL_SUCCESS);
            ck_assert_int_eq(SQLGetData(st, 2, SQL_C_CHAR, sv, sizeof sv, &ind), SQL_SUCCESS);
            rows++;
            snprintf(want, sizeof want, "row-%ld-%0100ld", rows, rows);
            ck_assert_int_eq(id, rows);
            ck_assert_str_eq(sv, want);
        }
        if (rc == SQL_NO_DATA) {
            ck_assert_int_eq(rows, NROWS);
            stage = 4;
        }
    }
    if (stage < 4) {
        ck_assert_int_eq(rc, SQL_ERROR);
        ck_assert(stall ? state_is(SQL_HANDLE_STMT, st, "HYT01", NULL) /* no query timeout */
                        : state_is(SQL_HANDLE_STMT, st, "08S01", NULL));
        ck_assert_int_eq(dead(), SQL_CD_TRUE);
        /* Later calls fail fast with 08S01; rows already delivered stayed exact. */
        SQLHSTMT s2;
        ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, g_dbc, &s2), SQL_SUCCESS);
        ck_assert_int_eq(SQLExecDirect(s2, (SQLCHAR *)"SELECT 1 FROM systables", SQL_NTS),
                         SQL_ERROR);
        ck_assert(state_is(SQL_HANDLE_STMT, s2, "08S01", NULL));
        SQLFreeHandle(SQL_HANDLE_STMT, s2);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    double td = odbc_test_now();
    ck_assert_int_eq(SQLDisconnect(g_dbc), SQL_SUCCESS);
    ck_assert_msg(odbc_test_now() - td < 2.5, "disconnect took %.2f s", odbc_test_now() - td);
    ck_assert_msg(odbc_test_now() - t0 < 6.0, "scenario took %.2f s", odbc_test_now() - t0);
    if (stall) {
        SQLSetConnectAttr(g_dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)0, 0);
        SQLSetConnectAttr(g_dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)0, 0);
    }
    return stage;
}

/* Total bytes each way of a clean scenario. */
static void clean_totals(long *s2c, long *c2s)
{
    fault_proxy_arm(&g_proxy, FP_PASS, FP_S2C, 0);
    ck_assert_int_eq(scenario(false), 4);
    usleep(100 * 1000); /* the proxy notices the close */
    *s2c = atomic_load(&g_proxy.s2c_bytes);
    *c2s = atomic_load(&g_proxy.c2s_bytes);
    ck_assert_int_gt(*s2c, 100);
}

static void scan(enum fp_mode mode, enum fp_dir dir, long step)
{
    long s2c, c2s;
    clean_totals(&s2c, &c2s);
    long total = dir == FP_S2C ? s2c : c2s;
    const char *full = getenv("IFX_FAULT_FULL"); /* =1: every offset (ran by hand) */
    if (full && full[0] == '1')
        step = 1;
    int stages[5] = {0};
    for (long off = 0; off < total; off += step) {
        fault_proxy_arm(&g_proxy, mode, dir, off);
        stages[scenario(false)]++;
    }
    fprintf(stderr, "scan mode %d dir %d: %ld bytes, step %ld: failed at connect %d, prepare %d,"
            " execute %d, fetch %d, completed %d\n", (int)mode, (int)dir, total, step, stages[0],
            stages[1], stages[2], stages[3], stages[4]);
    ck_assert_int_gt(stages[0], 0);
    ck_assert_int_gt(stages[3], 0);
}

START_TEST(proxy_cut_server_stream_every_offset)
{
    scan(FP_CUT, FP_S2C, 13);
}
END_TEST

START_TEST(proxy_rst_server_stream)
{
    scan(FP_RST, FP_S2C, 41);
}
END_TEST

START_TEST(proxy_cut_client_stream)
{
    long s2c, c2s;
    clean_totals(&s2c, &c2s);
    const char *full = getenv("IFX_FAULT_FULL");
    long step = full && full[0] == '1' ? 1 : 9;
    for (long off = 0; off < c2s; off += step) {
        fault_proxy_arm(&g_proxy, FP_CUT, FP_C2S, off);
        /* Only losing the final SQ_EXIT / release bytes can go unnoticed. */
        if (scenario(false) == 4)
            ck_assert_msg(off >= c2s - 32, "cut at %ld of %ld went unnoticed", off, c2s);
    }
}
END_TEST

/* Stalls at a few points of each phase: bounded by the 1 s timeouts. */
START_TEST(proxy_stall_points)
{
    long s2c, c2s;
    clean_totals(&s2c, &c2s);
    const long offs[] = {5, s2c / 3, (2 * s2c) / 3, s2c - 30}; /* login, prepare, execute, fetch */
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        fault_proxy_arm(&g_proxy, FP_STALL, FP_S2C, offs[i]);
        (void)scenario(true);
    }
}
END_TEST

static Suite *fault_suite(void)
{
    Suite *s = suite_create("odbc_fault");
    TCase *tc = tcase_create("faults");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, reject_login_28000);
    tcase_add_test(tc, close_after_login_08001);
    tcase_add_test(tc, stall_connection_timeout);
    tcase_add_test(tc, stall_login_timeout_HYT00);
    tcase_add_loop_test(tc, fault_at_every_phase, 0,
                        (int)(sizeof phase_cases / sizeof phase_cases[0]));
    tcase_add_test(tc, connection_timeout_after_connect);
    tcase_add_test(tc, truncate_describe_08S01);
    tcase_add_test(tc, garbage_opcode_08S01);
    tcase_add_test(tc, drop_mid_tuple_08S01);
    tcase_add_test(tc, err_mid_fetch_server_error);
    tcase_add_test(tc, stall_query_timeout_HYT00);
    tcase_add_test(tc, cancel_running_statement_HY008);
    tcase_add_test(tc, idle_cancel_harmless);
    tcase_add_test(tc, idle_cancel_from_other_thread);
    tcase_add_test(tc, disconnect_with_open_txn);
    tcase_add_test(tc, keepalive_dsn_options);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("proxy");
    tcase_add_checked_fixture(tp, proxy_setup, proxy_teardown);
    tcase_set_timeout(tp, 300);
    tcase_add_test(tp, proxy_cut_server_stream_every_offset);
    tcase_add_test(tp, proxy_rst_server_stream);
    tcase_add_test(tp, proxy_cut_client_stream);
    tcase_add_test(tp, proxy_stall_points);
    suite_add_tcase(s, tp);
    return s;
}

int main(void)
{
    return ck_run(fault_suite());
}
