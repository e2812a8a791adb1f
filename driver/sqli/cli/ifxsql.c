/* SPDX-License-Identifier: MIT */
/* ifxsql.c - small command-line SQL client on the protocol core (driver/sqli),
 * for humans, demos and tests. Runs statements from -c, -f or stdin (split on
 * ';' outside quotes and comments) and prints results as a table (or, with
 * -t, tab-separated rows without headers). No ODBC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sq_alloc.h"
#include "sq_conn.h"
#include "sq_opcodes.h"
#include "sq_result.h"

static void usage(void)
{
    fputs("usage: ifxsql [-h host] [-p port] [-s server] [-u user] [-P password] -d database\n"
          "              [-c \"SQL\"] [-f file] [-t]\n"
          "  password also from IFXSQL_PASSWORD; statements from -c, -f or stdin, split on ';'\n"
          "  -t  tab-separated rows, no headers or row counts\n",
          stderr);
}

struct opts {
    bool tabs;
    bool batch;
};

/* ---- growable text cells for table output ---- */

struct cells {
    char **v;
    size_t n, cap;
};

static bool cells_add(struct cells *c, const char *s, size_t n)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64, bytes;
        if (!sq_size_mul(cap, sizeof *c->v, &bytes))
            return false;
        char **v = sq_realloc(c->v, bytes);
        if (!v)
            return false;
        c->v = v;
        c->cap = cap;
    }
    char *d = sq_strndup(s, n);
    if (!d)
        return false;
    c->v[c->n++] = d;
    return true;
}

static void cells_free(struct cells *c)
{
    for (size_t i = 0; i < c->n; i++)
        sq_free(c->v[i]);
    sq_free(c->v);
    c->v = NULL;
    c->n = c->cap = 0;
}

/* Text of one cell; NULL prints as empty. Returns false on out of memory. */
static bool format_cell(const struct sq_coldesc *col, const struct sq_value *v, char **out,
                        size_t *len, char *small, size_t smallcap)
{
    if (v->is_null) {
        small[0] = '\0';
        *out = small;
        *len = 0;
        return true;
    }
    size_t need = sq_value_format(col, v, small, smallcap);
    if (need < smallcap) {
        *out = small;
        *len = need;
        return true;
    }
    char *big = sq_malloc(need + 1);
    if (!big)
        return false;
    (void)sq_value_format(col, v, big, need + 1);
    *out = big;
    *len = need;
    return true;
}

static void print_table(const struct sq_stmt *st, const struct cells *c, size_t nrows)
{
    size_t ncols = sq_stmt_ncols(st);
    size_t *w = sq_calloc(ncols ? ncols : 1, sizeof *w);
    if (!w)
        return;
    for (size_t j = 0; j < ncols; j++)
        w[j] = strlen(sq_stmt_col(st, j)->name);
    for (size_t i = 0; i < nrows; i++)
        for (size_t j = 0; j < ncols; j++) {
            size_t l = strlen(c->v[i * ncols + j]);
            if (l > w[j])
                w[j] = l;
        }
    for (size_t j = 0; j < ncols; j++)
        printf("%s%-*s", j ? " | " : "", (int)w[j], sq_stmt_col(st, j)->name);
    putchar('\n');
    for (size_t j = 0; j < ncols; j++) {
        printf("%s", j ? "-+-" : "");
        for (size_t k = 0; k < w[j]; k++)
            putchar('-');
    }
    putchar('\n');
    for (size_t i = 0; i < nrows; i++) {
        for (size_t j = 0; j < ncols; j++)
            printf("%s%-*s", j ? " | " : "", (int)w[j], c->v[i * ncols + j]);
        putchar('\n');
    }
    sq_free(w);
}

static enum sq_rc run_select(struct sq_stmt *st, const struct opts *o)
{
    enum sq_rc rc = sq_stmt_open(st, NULL, 0, 0);
    if (rc != SQ_RC_OK)
        return rc;
    size_t ncols = sq_stmt_ncols(st), nrows = 0;
    struct cells cells = {0};
    for (;;) {
        const struct sq_row *row;
        rc = sq_stmt_fetch(st, &row);
        if (rc != SQ_RC_OK)
            break;
        for (size_t j = 0; j < ncols && rc == SQ_RC_OK; j++) {
            struct sq_value v;
            char small[256], *text;
            size_t len;
            rc = sq_row_value(row, j, &v);
            if (rc != SQ_RC_OK)
                break;
            if (!format_cell(sq_stmt_col(st, j), &v, &text, &len, small, sizeof small)) {
                rc = SQ_RC_NOMEM;
                break;
            }
            if (o->tabs) {
                printf("%s%.*s", j ? "\t" : "", (int)len, text);
            } else if (!cells_add(&cells, text, len)) {
                rc = SQ_RC_NOMEM;
            }
            if (text != small)
                sq_free(text);
        }
        if (rc != SQ_RC_OK)
            break;
        if (o->tabs)
            putchar('\n');
        nrows++;
    }
    if (rc == SQ_RC_NO_DATA) {
        if (!o->tabs) {
            print_table(st, &cells, nrows);
            printf("\n%zu row(s) retrieved.\n\n", nrows);
        }
        rc = sq_stmt_close(st);
    }
    cells_free(&cells);
    return rc;
}

static int report(struct sq_conn *c, enum sq_rc rc)
{
    const char *msg = sq_conn_errmsg(c);
    if (rc == SQ_RC_MISUSE && !*msg)
        msg = "statement has parameter markers or cannot run here";
    if (rc == SQ_RC_UNSUPPORTED && !*msg)
        msg = "a result column has a type this client cannot read yet";
    if (rc == SQ_RC_SERVER)
        fprintf(stderr, "%s\n", msg);
    else
        fprintf(stderr, "error (%s): %s\n", sq_rc_name(rc), *msg ? msg : "failed");
    return 1;
}

static int run_statement(struct sq_conn *c, const char *sql, size_t len, const struct opts *o)
{
    struct sq_stmt *st;
    enum sq_rc rc = sq_stmt_prepare(c, sql, len, &st);
    if (rc != SQ_RC_OK)
        return report(c, rc);
    if (sq_stmt_returns_rows(st)) {
        rc = run_select(st, o);
    } else {
        rc = sq_stmt_execute(st, NULL, 0); /* MISUSE if it has markers */
        if (rc == SQ_RC_OK && !o->tabs) {
            uint16_t t = sq_stmt_type(st);
            if (t == SQ_STMT_INSERT || t == SQ_STMT_UPDATE || t == SQ_STMT_DELETE)
                printf("%lld row(s) affected.\n\n", (long long)sq_conn_last_done(c)->rows);
        }
    }
    int status = rc == SQ_RC_OK ? 0 : report(c, rc);
    sq_stmt_free(st);
    return status;
}

/* Split on ';' outside quotes and comments; run each non-blank piece. */
static int run_script(struct sq_conn *c, const char *text, size_t n, const struct opts *o)
{
    int status = 0;
    size_t start = 0, i = 0;
    while (i <= n) {
        char ch = i < n ? text[i] : ';';
        if (ch == '\'' || ch == '"') {
            i++;
            while (i < n && text[i] != ch)
                i++;
            i++;
            continue;
        }
        if (ch == '-' && i + 1 < n && text[i + 1] == '-') {
            while (i < n && text[i] != '\n')
                i++;
            continue;
        }
        if (ch == '{') {
            while (i < n && text[i] != '}')
                i++;
            i++;
            continue;
        }
        if (ch == '/' && i + 1 < n && text[i + 1] == '*') {
            i += 2;
            while (i + 1 < n && !(text[i] == '*' && text[i + 1] == '/'))
                i++;
            i += 2;
            continue;
        }
        if (ch == ';') {
            size_t a = start, b = i < n ? i : n;
            while (a < b &&
                   (text[a] == ' ' || text[a] == '\t' || text[a] == '\n' || text[a] == '\r'))
                a++;
            while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\n' ||
                             text[b - 1] == '\r'))
                b--;
            if (b > a && run_statement(c, text + a, b - a, o) != 0) {
                status = 1;
                if (o->batch || sq_conn_is_broken(c))
                    return status;
            }
            start = i + 1;
        }
        i++;
    }
    return status;
}

static char *read_all(FILE *f, size_t *n)
{
    size_t cap = 4096, len = 0;
    char *buf = sq_malloc(cap);
    while (buf) {
        if (len == cap) {
            char *b = cap < (SIZE_MAX / 2) ? sq_realloc(buf, cap * 2) : NULL;
            if (!b) {
                sq_free(buf);
                return NULL;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    *n = len;
    return buf;
}

int main(int argc, char **argv)
{
    struct sq_conn_cfg cfg;
    sq_conn_cfg_init(&cfg);
    cfg.service = "9088";
    cfg.user = "informix";
    cfg.password = getenv("IFXSQL_PASSWORD");
    const char *cmd = NULL, *file = NULL;
    struct opts o = {0};
    int opt;
    while ((opt = getopt(argc, argv, "h:p:s:u:P:d:c:f:t")) != -1) {
        switch (opt) {
        case 'h':
            cfg.host = optarg;
            break;
        case 'p':
            cfg.service = optarg;
            break;
        case 's':
            cfg.server_name = optarg;
            break;
        case 'u':
            cfg.user = optarg;
            break;
        case 'P':
            cfg.password = optarg;
            break;
        case 'd':
            cfg.database = optarg;
            break;
        case 'c':
            cmd = optarg;
            break;
        case 'f':
            file = optarg;
            break;
        case 't':
            o.tabs = true;
            break;
        default:
            usage();
            return 2;
        }
    }
    if (!cfg.database || optind != argc) {
        usage();
        return 2;
    }
    if (!cfg.password)
        cfg.password = "";
    cfg.connect_timeout_ms = 10000;
    o.batch = cmd || file || !isatty(STDIN_FILENO);

    struct sq_conn *c = sq_conn_new();
    if (!c) {
        fputs("ifxsql: out of memory\n", stderr);
        return 1;
    }
    enum sq_rc rc = sq_conn_connect(c, &cfg);
    if (rc != SQ_RC_OK) {
        fprintf(stderr, "ifxsql: cannot connect: %s\n", sq_conn_errmsg(c));
        sq_conn_free(c);
        return 1;
    }
    int status = 0;
    if (cmd) {
        status = run_script(c, cmd, strlen(cmd), &o);
    } else {
        FILE *f = file ? fopen(file, "r") : stdin;
        if (!f) {
            fprintf(stderr, "ifxsql: cannot open %s\n", file);
            status = 1;
        } else {
            size_t n = 0;
            char *text = read_all(f, &n);
            if (file)
                fclose(f);
            if (!text) {
                fputs("ifxsql: out of memory\n", stderr);
                status = 1;
            } else {
                status = run_script(c, text, n, &o);
                sq_free(text);
            }
        }
    }
    sq_conn_free(c);
    return status;
}
