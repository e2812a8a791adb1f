/* SPDX-License-Identifier: MIT */
/* it_odbc_sqlhosts.c - Server= through an sqlhosts file, groups and host
 * lists through the driver manager, with ifxlite instances as cluster
 * members: one down (nothing listens), one rejecting the login (-761, wrong
 * DBSERVERNAME), one stalling after the login reply, one good. The session
 * lands on the first member that accepts; when none does, one 08001 lists
 * every member's reason. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env tenv; /* its ifxlite is the good member, m_good */
static struct it_server reject_srv, stall_srv, good2_srv;
static int down_port;
static char hosts_path[300];

/* A port where nothing listens: bind an ephemeral port, then close it. */
static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(s, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t len = sizeof a;
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&a, &len), 0);
    close(s);
    return ntohs(a.sin_port);
}

static void start(void)
{
    static const char *const good_args[] = {"--server-name", "m_good", NULL};
    static const char *const good2_args[] = {"--server-name", "m_good2", NULL};
    static const char *const rej_args[] = {"--server-name", "someone_else", NULL};
    static const char *const stall_args[] = {"--server-name", "m_stall", "--fault",
                                             "stall:20000", NULL};
    if (!odbc_test_env_start(&tenv, good_args) || !it_server_start(&reject_srv, rej_args) ||
        !it_server_start(&stall_srv, stall_args) || !it_server_start(&good2_srv, good2_args)) {
        fprintf(stderr, "cannot start ifxlite\n");
        exit(1);
    }
    down_port = free_port();
    snprintf(hosts_path, sizeof hosts_path, "%s/sqlhosts", tenv.dir);
    FILE *f = fopen(hosts_path, "w");
    if (!f)
        exit(1);
    fprintf(f,
            "# test cluster\n"
            "m_good    onsoctcp 127.0.0.1 %d\n"
            "m_down    onsoctcp 127.0.0.1 %d g=g_fail\n"
            "m_reject  onsoctcp 127.0.0.1 %d g=g_fail\n"
            "m_good    onsoctcp 127.0.0.1 %d g=g_fail\n"
            "g_fail    group    -         -\n"
            "g_stall   group    -         -\n"
            "m_stall   onsoctcp 127.0.0.1 %d g=g_stall\n"
            "m_good2   onsoctcp 127.0.0.1 %d g=g_stall\n"
            "g_none    group    -         -    e=m_reject2\n"
            "m_down2   onsoctcp 127.0.0.1 %d g=g_none\n"
            "m_drda    drsoctcp 127.0.0.1 %d g=g_none\n"
            "m_reject2 onsoctcp 127.0.0.1 %d g=g_none\n"
            "m_good3   onsoctcp 127.0.0.1 %d g=g_none\n"
            "g_refuse  group    -         -\n"
            "m_reject3 onsoctcp 127.0.0.1 %d g=g_refuse\n"
            "m_good2   onsoctcp 127.0.0.1 %d g=g_refuse\n"
            "g_unreach group    -         -\n"
            "m_unreach onsoctcp 192.0.2.1 9088 g=g_unreach\n"
            "m_good2   onsoctcp 127.0.0.1 %d g=g_unreach\n",
            tenv.srv.port, down_port, reject_srv.port, tenv.srv.port, stall_srv.port,
            good2_srv.port, down_port, tenv.srv.port, reject_srv.port, tenv.srv.port,
            reject_srv.port, good2_srv.port, good2_srv.port);
    fclose(f);
}

static void stop(void)
{
    it_server_stop(&good2_srv);
    it_server_stop(&stall_srv);
    it_server_stop(&reject_srv);
    odbc_test_env_stop(&tenv);
}

/* Connect with conn (DRIVER= prefix added); returns the SQLRETURN, fills
 * state/msg from the first diagnostic and server with SQL_SERVER_NAME. */
static SQLRETURN try_connect(const char *conn, char state[6], char *msg, size_t msgcap,
                             char *server, size_t servercap)
{
    SQLHENV env;
    SQLHDBC dbc;
    ck_assert(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)));
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    ck_assert(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)));
    char full[1024];
    snprintf(full, sizeof full, "DRIVER={ifxodbc};UID=informix;PWD=secret;%s", conn);
    SQLCHAR out[1024];
    SQLSMALLINT outlen = 0;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)full, SQL_NTS, out, sizeof out,
                                    &outlen, SQL_DRIVER_NOPROMPT);
    state[0] = '\0';
    if (msg && msgcap)
        msg[0] = '\0';
    if (server && servercap)
        server[0] = '\0';
    if (SQL_SUCCEEDED(rc)) {
        SQLSMALLINT n = 0;
        if (server)
            SQLGetInfo(dbc, SQL_SERVER_NAME, server, (SQLSMALLINT)servercap, &n);
        SQLHSTMT st;
        ck_assert(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
        static char q[] = "SELECT 1 FROM systables WHERE tabid = 1";
        ck_assert(SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)q, SQL_NTS)));
        ck_assert(SQL_SUCCEEDED(SQLFetch(st)));
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        SQLDisconnect(dbc);
    } else {
        SQLINTEGER native = 0;
        SQLSMALLINT ml = 0;
        SQLGetDiagRec(SQL_HANDLE_DBC, dbc, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg,
                      (SQLSMALLINT)msgcap, &ml);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return rc;
}

START_TEST(plain_entry)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=m_good;SQLHOSTS=%s;Database=testdb", hosts_path);
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good");
}
END_TEST

/* Member 1 is down, member 2 rejects the login: member 3 gets the session. */
START_TEST(group_failover)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=g_fail;SQLHOSTS=%s;Database=testdb;LoginTimeout=5",
             hosts_path);
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good");
}
END_TEST

/* Member 1 accepts the login, then stalls: LoginTimeout bounds it, member 2
 * gets the session. */
START_TEST(group_stall)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=g_stall;SQLHOSTS=%s;Database=testdb;LoginTimeout=2",
             hosts_path);
    double t0 = odbc_test_now();
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    double took = odbc_test_now() - t0;
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_msg(took >= 1.5 && took < 10.0, "took %.1f s", took);
    ck_assert_str_eq(server, "m_good2");
}
END_TEST

/* The first member refuses the login (-761): the second gets the session,
 * at once (a refusal does not wait for the login timeout). */
START_TEST(group_refuse_then_second)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=g_refuse;SQLHOSTS=%s;Database=testdb;LoginTimeout=10",
             hosts_path);
    double t0 = odbc_test_now();
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    double took = odbc_test_now() - t0;
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good2");
    ck_assert_msg(took < 5.0, "took %.1f s", took);
}
END_TEST

/* The first member's host is unreachable (TEST-NET-1, never routed: the
 * connect fails at once or hangs, depending on the network): the second
 * member gets the session within the login timeout. */
START_TEST(group_unreachable_then_second)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=g_unreach;SQLHOSTS=%s;Database=testdb;LoginTimeout=2",
             hosts_path);
    double t0 = odbc_test_now();
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    double took = odbc_test_now() - t0;
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good2");
    ck_assert_msg(took < 6.0, "took %.1f s", took);
}
END_TEST

/* No member accepts (e= ends the group before m_good3): one 08001 with the
 * reason of each member. */
START_TEST(group_all_fail)
{
    char state[6], msg[1024], conn[512];
    snprintf(conn, sizeof conn, "Server=g_none;SQLHOSTS=%s;LoginTimeout=5", hosts_path);
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, NULL, 0);
    ck_assert(!SQL_SUCCEEDED(rc));
    ck_assert_str_eq(state, "08001");
    ck_assert_msg(strstr(msg, "[1] m_down2@127.0.0.1:") != NULL, "%s", msg);
    ck_assert_msg(strstr(msg, "[2] m_drda@") != NULL && strstr(msg, "DRDA") != NULL, "%s", msg);
    ck_assert_msg(strstr(msg, "[3] m_reject2@") != NULL && strstr(msg, "-761") != NULL, "%s",
                  msg);
    ck_assert_msg(strstr(msg, "m_good3") == NULL, "%s", msg);
}
END_TEST

/* A DSN host list: first host down, second good. */
START_TEST(host_list)
{
    char state[6], msg[1024], server[128], conn[512];
    snprintf(conn, sizeof conn, "Server=m_good;Host=127.0.0.1:%d,127.0.0.1:%d;Database=testdb",
             down_port, tenv.srv.port);
    SQLRETURN rc = try_connect(conn, state, msg, sizeof msg, server, sizeof server);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good");
}
END_TEST

/* IBM-style: no Host/Service, IBM's short keywords, INFORMIXSERVER and
 * INFORMIXSQLHOSTS from the environment. */
START_TEST(ibm_style_env)
{
    setenv("INFORMIXSQLHOSTS", hosts_path, 1);
    setenv("INFORMIXSERVER", "m_good", 1);
    char state[6], msg[1024], server[128];
    SQLRETURN rc = try_connect("DB=testdb;LogonID=informix;CLOC=en_US.utf8;DLOC=en_US.utf8",
                               state, msg, sizeof msg, server, sizeof server);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s %s", state, msg);
    ck_assert_str_eq(server, "m_good");
    /* Server= overrides INFORMIXSERVER; an unknown name is a clean 08001. */
    rc = try_connect("SRVR=nosuch;DB=testdb", state, msg, sizeof msg, NULL, 0);
    ck_assert(!SQL_SUCCEEDED(rc));
    ck_assert_str_eq(state, "08001");
    ck_assert_msg(strstr(msg, "nosuch") != NULL, "%s", msg);
    unsetenv("INFORMIXSQLHOSTS");
    unsetenv("INFORMIXSERVER");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("odbc_sqlhosts");
    TCase *tc = tcase_create("sqlhosts");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, plain_entry);
    tcase_add_test(tc, group_failover);
    tcase_add_test(tc, group_stall);
    tcase_add_test(tc, group_refuse_then_second);
    tcase_add_test(tc, group_unreachable_then_second);
    tcase_add_test(tc, group_all_fail);
    tcase_add_test(tc, host_list);
    tcase_add_test(tc, ibm_style_env);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
