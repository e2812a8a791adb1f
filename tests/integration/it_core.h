/* SPDX-License-Identifier: MIT */
/* it_core.h - helpers shared by the core's integration tests (it_core_*.c):
 * one ifxlite per test case (an unchecked fixture started before the tests
 * fork), connecting with the core client, running SQL and reading results
 * back as text. Header-only (each it_*.c is its own executable). */
#ifndef IFXODBC_IT_CORE_H
#define IFXODBC_IT_CORE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "it_server.h"
#include "sq_conn.h"
#include "sq_result.h"

#define IT_SERVER_NAME "ol_ifxlite"

static struct it_server it_srv;

static inline void it_setup(void)
{
    if (!it_server_start(&it_srv, NULL)) {
        fprintf(stderr, "cannot start ifxlite\n");
        exit(1);
    }
}

static inline void it_teardown(void)
{
    it_server_stop(&it_srv);
}

static inline void it_cfg(struct sq_conn_cfg *cfg, const char *db)
{
    sq_conn_cfg_init(cfg);
    cfg->host = it_srv.host;
    cfg->service = it_srv.port_str;
    cfg->server_name = IT_SERVER_NAME;
    cfg->user = "informix";
    cfg->password = "secret";
    cfg->database = db;
    cfg->connect_timeout_ms = 5000;
    cfg->io_timeout_ms = 20000;
}

static inline struct sq_conn *it_connect(const char *db)
{
    struct sq_conn_cfg cfg;
    it_cfg(&cfg, db);
    struct sq_conn *c = sq_conn_new();
    ck_assert_ptr_nonnull(c);
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    ck_assert_msg(rc == SQ_RC_OK, "connect to %s: %s: %s", db, sq_rc_name(rc), sq_conn_errmsg(c));
    return c;
}

#define it_exec(c, sql) it_exec_at(__LINE__, (c), (sql))
static inline void it_exec_at(int line, struct sq_conn *c, const char *sql)
{
    enum sq_rc rc = sq_conn_exec(c, sql, strlen(sql), NULL);
    ck_assert_msg(rc == SQ_RC_OK, "line %d: %s: %s: %s", line, sql, sq_rc_name(rc),
                  sq_conn_errmsg(c));
}

/* Run sql expecting a server error with this SQLCODE. */
#define it_exec_err(c, sql, code) it_exec_err_at(__LINE__, (c), (sql), (code))
static inline void it_exec_err_at(int line, struct sq_conn *c, const char *sql, int code)
{
    enum sq_rc rc = sq_conn_exec(c, sql, strlen(sql), NULL);
    ck_assert_msg(rc == SQ_RC_SERVER, "line %d: %s: expected SQLCODE %d, got %s (%s)", line, sql,
                  code, sq_rc_name(rc), sq_conn_errmsg(c));
    ck_assert_msg(sq_conn_server_error(c)->sqlcode == code, "line %d: %s: SQLCODE %d, not %d (%s)",
                  line, sql, sq_conn_server_error(c)->sqlcode, code, sq_conn_errmsg(c));
    ck_assert(!sq_conn_is_broken(c));
}

/* Every row as "v1|v2|...\n" (NULL as "<null>") into out. Returns rows. */
static inline long it_rows_text(struct sq_conn *c, struct sq_stmt *st, char *out, size_t cap)
{
    size_t o = 0;
    long rows = 0;
    out[0] = '\0';
    for (;;) {
        const struct sq_row *row;
        enum sq_rc rc = sq_stmt_fetch(st, &row);
        if (rc == SQ_RC_NO_DATA)
            break;
        ck_assert_msg(rc == SQ_RC_OK, "fetch: %s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
        for (size_t j = 0; j < sq_stmt_ncols(st); j++) {
            struct sq_value v;
            ck_assert_int_eq(sq_row_value(row, j, &v), SQ_RC_OK);
            char cell[4200];
            if (v.is_null)
                snprintf(cell, sizeof cell, "<null>");
            else
                (void)sq_value_format(sq_stmt_col(st, j), &v, cell, sizeof cell);
            int n = snprintf(out + o, cap - o, "%s%s", j ? "|" : "", cell);
            ck_assert(n >= 0 && (size_t)n < cap - o);
            o += (size_t)n;
        }
        ck_assert(o + 1 < cap);
        out[o++] = '\n';
        out[o] = '\0';
        rows++;
    }
    return rows;
}

/* Prepare + open + all rows as text + free. */
#define it_query(c, sql, out, cap) it_query_at(__LINE__, (c), (sql), (out), (cap))
static inline long it_query_at(int line, struct sq_conn *c, const char *sql, char *out, size_t cap)
{
    struct sq_stmt *st;
    enum sq_rc rc = sq_stmt_prepare(c, sql, strlen(sql), &st);
    ck_assert_msg(rc == SQ_RC_OK, "line %d: prepare %s: %s: %s", line, sql, sq_rc_name(rc),
                  sq_conn_errmsg(c));
    rc = sq_stmt_open(st, NULL, 0, 0);
    ck_assert_msg(rc == SQ_RC_OK, "line %d: open %s: %s: %s", line, sql, sq_rc_name(rc),
                  sq_conn_errmsg(c));
    long n = it_rows_text(c, st, out, cap);
    ck_assert_int_eq(sq_stmt_close(st), SQ_RC_OK);
    sq_stmt_free(st);
    return n;
}

/* First column of the first row as an integer (COUNT(*) comes back as DECIMAL). */
static inline long long it_scalar(struct sq_conn *c, const char *sql)
{
    char out[256];
    long n = it_query(c, sql, out, sizeof out);
    ck_assert_msg(n == 1, "%s: %ld rows", sql, n);
    return atoll(out);
}

#endif
