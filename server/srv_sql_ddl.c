/* SPDX-License-Identifier: MIT */
/* srv_sql_ddl.c - ifxlite's parser for Informix statements other than
 * SELECT/INSERT/UPDATE/DELETE: CREATE/DROP/ALTER/RENAME, transactions,
 * savepoints, SET ..., DATABASE. It classifies the statement (SQ_STMT_*) and
 * fills the action arguments of struct srv_xlate; srv_sql.c executes them. */
#include "srv_errors.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"
#include "sq_limits.h"
#include "sq_opcodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dp {
    struct srv_session *s;
    const char *sql;
    const struct srv_toks *tk;
    const struct srv_tok *t;
    size_t n;
    size_t i;
    struct srv_err *err;
};

static bool kw(const struct dp *p, size_t i, const char *w)
{
    return i < p->n && srv_tok_kw(p->sql, &p->t[i], w);
}

static bool op(const struct dp *p, size_t i, const char *o)
{
    return i < p->n && srv_tok_op(p->sql, &p->t[i], o);
}

static bool accept(struct dp *p, const char *w)
{
    if (kw(p, p->i, w)) {
        p->i++;
        return true;
    }
    return false;
}

static int syntax(struct dp *p)
{
    if (p->err->sqlcode == 0)
        srv_err_set(p->err, SRV_E_SYNTAX, 0, p->t[p->i < p->n ? p->i : p->n].off, NULL);
    return -1;
}

/* [db[@srv]:][owner.]name → name (folded). */
static bool name_at(struct dp *p, char *out, size_t cap)
{
    size_t j = p->i;
    bool id = j < p->n && (p->t[j].k == TK_IDENT || p->t[j].k == TK_QIDENT);
    if (!id)
        return false;
    if (op(p, j + 1, "@") && op(p, j + 3, ":"))
        j += 4;
    else if (op(p, j + 1, ":"))
        j += 2;
    if (op(p, j + 1, ".") && j + 2 < p->n)
        j += 2;
    if (!srv_tok_ident(p->sql, &p->t[j], out, cap))
        return false;
    p->i = j + 1;
    return true;
}

static size_t match_paren(const struct dp *p, size_t i)
{
    int d = 0;
    for (size_t j = i; j < p->n; j++) {
        if (op(p, j, "("))
            d++;
        else if (op(p, j, ")") && --d == 0)
            return j;
    }
    return p->n;
}

/* "(a, b, c)" → "a,b,c" (folded names). */
static bool name_list(struct dp *p, char *out, size_t cap)
{
    if (!op(p, p->i, "("))
        return false;
    p->i++;
    out[0] = '\0';
    for (;;) {
        char nm[129];
        if (!name_at(p, nm, sizeof nm))
            return false;
        if (!accept(p, "asc"))
            (void)accept(p, "desc"); /* optional keyword */
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%s", used ? "," : "", nm);
        if (op(p, p->i, ",")) {
            p->i++;
            continue;
        }
        if (!op(p, p->i, ")"))
            return false;
        p->i++;
        return true;
    }
}

static struct srv_ddl_con *add_con(struct srv_ddl *d, char type)
{
    size_t bytes;
    if (d->ncons >= SQ_MAX_COLUMNS || !sq_size_mul(d->ncons + 1, sizeof *d->cons, &bytes))
        return NULL;
    struct srv_ddl_con *c = sq_realloc(d->cons, bytes);
    if (!c)
        return NULL;
    d->cons = c;
    c = &d->cons[d->ncons++];
    memset(c, 0, sizeof *c);
    c->type = type;
    return c;
}

/* Optional trailing "CONSTRAINT name" (Informix puts it after the definition). */
static void constraint_name(struct dp *p, char *out)
{
    if (kw(p, p->i, "constraint")) {
        p->i++;
        name_at(p, out, 129);
    }
}

static char *translate_expr(struct dp *p, size_t a, size_t b)
{
    return srv_xlate_expr(p->s, p->sql, p->tk, a, b, p->err);
}

/* One column constraint at p->i (NOT NULL, PRIMARY KEY, UNIQUE, REFERENCES,
 * CHECK), named by pre (ANSI order) or a trailing CONSTRAINT name (Informix
 * order). 1 parsed, 0 none here, -1 error. */
static int column_constraint(struct dp *p, struct srv_ddl *d, struct srv_ddl_col *c,
                             const char *pre)
{
    struct srv_ddl_con *k = NULL;
    if (kw(p, p->i, "not") && kw(p, p->i + 1, "null")) {
        p->i += 2;
        c->ty.notnull = true;
        char ignored[129] = "";
        constraint_name(p, ignored); /* not-null constraints are not recorded */
        return 1;
    }
    if (kw(p, p->i, "primary") && kw(p, p->i + 1, "key")) {
        p->i += 2;
        k = add_con(d, 'P');
        c->ty.notnull = true; /* a primary key column rejects NULL */
    } else if (accept(p, "unique") || accept(p, "distinct")) {
        k = add_con(d, 'U');
    } else if (accept(p, "references")) {
        k = add_con(d, 'R');
        if (!k || !name_at(p, k->reftab, sizeof k->reftab))
            return syntax(p);
        if (op(p, p->i, "(") && !name_list(p, k->refcols, sizeof k->refcols))
            return syntax(p);
        if (kw(p, p->i, "on") && kw(p, p->i + 1, "delete") && kw(p, p->i + 2, "cascade")) {
            p->i += 3;
            k->check_sql = sq_strdup("CASCADE");
        }
    } else if (kw(p, p->i, "check") && op(p, p->i + 1, "(")) {
        size_t close = match_paren(p, p->i + 1);
        if (close >= p->n)
            return syntax(p);
        k = add_con(d, 'C');
        if (!k)
            return syntax(p);
        k->check_sql = translate_expr(p, p->i + 2, close);
        if (!k->check_sql)
            return -1;
        p->i = close + 1;
    } else {
        return 0;
    }
    if (!k) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    if (k->type != 'C')
        snprintf(k->cols, sizeof k->cols, "%s", c->name);
    snprintf(k->name, sizeof k->name, "%s", pre);
    constraint_name(p, k->name);
    return 1;
}

/* Column definition at p->i: name type [DEFAULT x] [constraints]. */
static int column_def(struct dp *p, struct srv_ddl *d)
{
    size_t bytes;
    if (d->ncols >= SQ_MAX_COLUMNS || !sq_size_mul(d->ncols + 1, sizeof *d->cols, &bytes)) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    struct srv_ddl_col *cols = sq_realloc(d->cols, bytes);
    if (!cols) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    d->cols = cols;
    struct srv_ddl_col *c = &d->cols[d->ncols++];
    memset(c, 0, sizeof *c);
    if (p->t[p->i].k != TK_IDENT && p->t[p->i].k != TK_QIDENT)
        return syntax(p);
    srv_tok_ident(p->sql, &p->t[p->i], c->name, sizeof c->name);
    p->i++;
    if (ifx_type_parse(p->sql, p->t, &p->i, &c->ty, p->err) < 0)
        return -1;
    if (ifx_type_is_serial(c->ty.code)) {
        c->serial_start = c->ty.xid ? (int)c->ty.xid : 1;
        c->ty.xid = 0;
    }
    for (;;) {
        if (accept(p, "default")) {
            size_t a = p->i, b;
            if (op(p, a, "-") || op(p, a, "+"))
                a++;
            if (kw(p, a, "current")) {
                /* CURRENT [start TO end]: qualifier words follow. */
                b = a + 1;
                while (b < p->n && (kw(p, b, "year") || kw(p, b, "month") || kw(p, b, "day") ||
                                    kw(p, b, "hour") || kw(p, b, "minute") || kw(p, b, "second") ||
                                    kw(p, b, "fraction") || kw(p, b, "to") || op(p, b, "(")))
                    b = op(p, b, "(") ? match_paren(p, b) + 1 : b + 1;
            } else if ((kw(p, a, "datetime") || kw(p, a, "interval")) && op(p, a + 1, "(")) {
                b = match_paren(p, a + 1) + 1;
                while (b < p->n && (kw(p, b, "year") || kw(p, b, "month") || kw(p, b, "day") ||
                                    kw(p, b, "hour") || kw(p, b, "minute") || kw(p, b, "second") ||
                                    kw(p, b, "fraction") || kw(p, b, "to") || op(p, b, "(")))
                    b = op(p, b, "(") ? match_paren(p, b) + 1 : b + 1;
            } else if (op(p, a, "(")) {
                b = match_paren(p, a) + 1;
            } else if (p->t[a].k == TK_IDENT && op(p, a + 1, "(")) {
                b = match_paren(p, a + 1) + 1;
            } else {
                b = a + 1;
            }
            if (b > p->n || a >= p->n)
                return syntax(p);
            if (!kw(p, p->i, "null")) {
                c->def_sql = translate_expr(p, p->i, b);
                if (!c->def_sql)
                    return -1;
            }
            p->i = b;
            continue;
        }
        if (accept(p, "null"))
            continue;
        char pre[129] = "";
        if (accept(p, "constraint") && !name_at(p, pre, sizeof pre))
            return syntax(p);
        int rc = column_constraint(p, d, c, pre);
        if (rc < 0)
            return -1;
        if (rc == 0) {
            if (pre[0])
                return syntax(p);
            break;
        }
    }
    return 0;
}

/* Table-level constraint at p->i. */
static int table_constraint(struct dp *p, struct srv_ddl *d)
{
    char pre[129] = "";
    if (accept(p, "constraint") && !name_at(p, pre, sizeof pre))
        return syntax(p);
    struct srv_ddl_con *k;
    if (kw(p, p->i, "primary") && kw(p, p->i + 1, "key")) {
        p->i += 2;
        k = add_con(d, 'P');
        if (!k || !name_list(p, k->cols, sizeof k->cols))
            return syntax(p);
    } else if (accept(p, "unique") || accept(p, "distinct")) {
        k = add_con(d, 'U');
        if (!k || !name_list(p, k->cols, sizeof k->cols))
            return syntax(p);
    } else if (kw(p, p->i, "foreign") && kw(p, p->i + 1, "key")) {
        p->i += 2;
        k = add_con(d, 'R');
        if (!k || !name_list(p, k->cols, sizeof k->cols) || !accept(p, "references") ||
            !name_at(p, k->reftab, sizeof k->reftab))
            return syntax(p);
        if (op(p, p->i, "(") && !name_list(p, k->refcols, sizeof k->refcols))
            return syntax(p);
        if (kw(p, p->i, "on") && kw(p, p->i + 1, "delete") && kw(p, p->i + 2, "cascade")) {
            p->i += 3;
            k->check_sql = sq_strdup("CASCADE");
        }
    } else if (kw(p, p->i, "check") && op(p, p->i + 1, "(")) {
        size_t close = match_paren(p, p->i + 1);
        if (close >= p->n)
            return syntax(p);
        k = add_con(d, 'C');
        if (!k)
            return syntax(p);
        k->check_sql = translate_expr(p, p->i + 2, close);
        if (!k->check_sql)
            return -1;
        p->i = close + 1;
    } else {
        return syntax(p);
    }
    snprintf(k->name, sizeof k->name, "%s", pre);
    constraint_name(p, k->name);
    return 0;
}

static bool starts_table_constraint(const struct dp *p)
{
    return kw(p, p->i, "constraint") || (kw(p, p->i, "primary") && kw(p, p->i + 1, "key")) ||
           ((kw(p, p->i, "unique") || kw(p, p->i, "distinct")) && op(p, p->i + 1, "(")) ||
           (kw(p, p->i, "foreign") && kw(p, p->i + 1, "key")) ||
           (kw(p, p->i, "check") && op(p, p->i + 1, "("));
}

/* Storage options after the element list are accepted and ignored. */
static void skip_storage_clauses(struct dp *p)
{
    p->i = p->n; /* WITH NO LOG, IN dbspace, EXTENT SIZE, NEXT SIZE, LOCK MODE ... */
}

static int create_table(struct dp *p, struct srv_xlate *x)
{
    x->action = ACT_CREATE_TABLE;
    x->ddl = sq_calloc(1, sizeof *x->ddl);
    if (!x->ddl) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    if (kw(p, p->i, "if") && kw(p, p->i + 1, "not") && kw(p, p->i + 2, "exists")) {
        p->i += 3;
        x->ddl->if_not_exists = true;
    }
    if (!name_at(p, x->name, sizeof x->name) || !op(p, p->i, "("))
        return syntax(p);
    p->i++;
    for (;;) {
        int rc = starts_table_constraint(p) ? table_constraint(p, x->ddl) : column_def(p, x->ddl);
        if (rc < 0)
            return -1;
        if (op(p, p->i, ",")) {
            p->i++;
            continue;
        }
        if (!op(p, p->i, ")"))
            return syntax(p);
        p->i++;
        break;
    }
    if (x->ddl->ncols == 0)
        return syntax(p);
    skip_storage_clauses(p);
    return 0;
}

static int create_index(struct dp *p, struct srv_xlate *x, bool unique)
{
    x->action = ACT_SQLITE_DDL;
    x->stype = SQ_STMT_CREIDX;
    bool ine = false;
    if (kw(p, p->i, "if") && kw(p, p->i + 1, "not") && kw(p, p->i + 2, "exists")) {
        p->i += 3;
        ine = true;
    }
    char idx[129], tab[129];
    if (!name_at(p, idx, sizeof idx) || !accept(p, "on") || !name_at(p, tab, sizeof tab))
        return syntax(p);
    size_t lp = p->i;
    if (!op(p, lp, "("))
        return syntax(p);
    size_t close = match_paren(p, lp);
    if (close >= p->n)
        return syntax(p);
    /* Column list: names with ASC/DESC kept. */
    struct sq_buf b = SQ_BUF_INIT;
    for (size_t j = lp + 1; j < close; j++) {
        char nm[129];
        if (srv_tok_ident(p->sql, &p->t[j], nm, sizeof nm) && !kw(p, j, "asc") &&
            !kw(p, j, "desc")) {
            if (b.len)
                sb_puts(&b, ", ");
            sb_ident(&b, nm);
        } else if (kw(p, j, "asc") || kw(p, j, "desc")) {
            sb_puts(&b, kw(p, j, "asc") ? " ASC" : " DESC");
        } else if (!op(p, j, ",")) {
            sq_buf_fini(&b);
            p->i = j;
            return syntax(p);
        }
    }
    char *collist = sb_take(&b);
    if (!collist) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    struct cat_table t;
    bool temp = false;
    if (p->s->db && cat_find(p->s->db, tab, &t) == 1) {
        temp = t.temp;
        cat_table_fini(&t);
    }
    struct sq_buf q = SQ_BUF_INIT;
    sb_printf(&q, "CREATE %sINDEX %s%s", unique ? "UNIQUE " : "", ine ? "IF NOT EXISTS " : "",
              temp ? "temp." : "");
    sb_ident(&q, idx);
    sb_puts(&q, " ON ");
    sb_ident(&q, tab);
    sb_printf(&q, " (%s)", collist);
    sq_free(collist);
    x->sql = sb_take(&q);
    if (!x->sql) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    snprintf(x->name, sizeof x->name, "%s", tab);
    p->i = p->n; /* USING, IN dbspace, FILLFACTOR, ONLINE ... ignored */
    return 0;
}

/* CREATE [PUBLIC | PRIVATE] SYNONYM [IF NOT EXISTS] name FOR table (p->i after
 * SYNONYM). Informix: PUBLIC is the default in a database that is not ANSI;
 * systables.tabtype 'S' public, 'P' private. */
static int create_synonym(struct dp *p, struct srv_xlate *x, bool is_public)
{
    x->stype = SQ_STMT_CREASYN;
    x->action = ACT_CREATE_SYNONYM;
    x->arg = is_public ? 1 : 0;
    if (kw(p, p->i, "if") && kw(p, p->i + 1, "not") && kw(p, p->i + 2, "exists")) {
        p->i += 3;
        x->if_exists = true;
    }
    if (!name_at(p, x->name, sizeof x->name) || !accept(p, "for") ||
        !name_at(p, x->name2, sizeof x->name2))
        return syntax(p);
    return p->i == p->n ? 0 : syntax(p);
}

static int xl_create(struct dp *p, struct srv_xlate *x)
{
    p->i = 1;
    if (kw(p, 1, "synonym") || ((kw(p, 1, "public") || kw(p, 1, "private")) &&
                                kw(p, 2, "synonym"))) {
        bool is_public = !kw(p, 1, "private");
        p->i = kw(p, 1, "synonym") ? 2 : 3;
        return create_synonym(p, x, is_public);
    }
    if (accept(p, "temp")) {
        x->temp = true;
        if (!accept(p, "table"))
            return syntax(p);
        x->stype = SQ_STMT_CTEMP;
        return create_table(p, x);
    }
    if (!accept(p, "standard"))
        (void)accept(p, "raw"); /* optional keyword */
    if (accept(p, "table")) {
        x->stype = SQ_STMT_CRETAB;
        return create_table(p, x);
    }
    bool unique = accept(p, "unique") || accept(p, "distinct");
    accept(p, "cluster");
    if (accept(p, "index"))
        return create_index(p, x, unique);
    if (unique)
        return syntax(p);
    if (accept(p, "view")) {
        x->stype = SQ_STMT_CREVIEW;
        x->action = ACT_CREATE_VIEW;
        if (kw(p, p->i, "if") && kw(p, p->i + 1, "not") && kw(p, p->i + 2, "exists")) {
            p->i += 3;
            x->if_exists = true;
        }
        if (!name_at(p, x->name, sizeof x->name))
            return syntax(p);
        if (op(p, p->i, "(")) {
            size_t close = match_paren(p, p->i);
            if (close >= p->n)
                return syntax(p);
            struct sq_buf b = SQ_BUF_INIT;
            x->ddl = sq_calloc(1, sizeof *x->ddl);
            if (!x->ddl) {
                srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
                return -1;
            }
            for (size_t j = p->i + 1; j < close; j++) {
                char nm[129];
                if (srv_tok_ident(p->sql, &p->t[j], nm, sizeof nm)) {
                    if (b.len)
                        sb_puts(&b, ", ");
                    sb_ident(&b, nm);
                    size_t bytes;
                    struct srv_ddl_col *c = NULL;
                    if (sq_size_mul(x->ddl->ncols + 1, sizeof *c, &bytes))
                        c = sq_realloc(x->ddl->cols, bytes);
                    if (!c) {
                        sq_buf_fini(&b);
                        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
                        return -1;
                    }
                    x->ddl->cols = c;
                    memset(&c[x->ddl->ncols], 0, sizeof *c);
                    snprintf(c[x->ddl->ncols++].name, 129, "%s", nm);
                } else if (!srv_tok_op(p->sql, &p->t[j], ",")) {
                    sq_buf_fini(&b);
                    p->i = j;
                    return syntax(p);
                }
            }
            x->sql = sb_take(&b); /* the column list */
            if (!x->sql) {
                srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
                return -1;
            }
            p->i = close + 1;
        }
        if (!accept(p, "as") || !kw(p, p->i, "select"))
            return syntax(p);
        x->arg = (int)p->t[p->i].off; /* the SELECT's text, described for syscolumns */
        x->sql2 = srv_xlate_select_at(p->s, p->sql, p->tk, p->i, x, p->err);
        if (!x->sql2)
            return -1;
        p->i = p->n;
        return 0;
    }
    if (accept(p, "database")) {
        x->stype = SQ_STMT_CREADB;
        x->action = ACT_CREATE_DATABASE;
        if (kw(p, p->i, "if") && kw(p, p->i + 1, "not") && kw(p, p->i + 2, "exists"))
            p->i += 3;
        if (!name_at(p, x->name, sizeof x->name))
            return syntax(p);
        x->arg = SRV_DB_UNLOGGED;
        if (accept(p, "in"))
            p->i++;
        if (accept(p, "with")) {
            accept(p, "buffered");
            if (!accept(p, "log"))
                return syntax(p);
            x->arg = SRV_DB_LOGGED;
            if (accept(p, "mode")) {
                if (!accept(p, "ansi"))
                    return syntax(p);
                x->arg = SRV_DB_ANSI;
            }
        }
        return p->i == p->n ? 0 : syntax(p);
    }
    if (accept(p, "procedure") || accept(p, "function") || accept(p, "trigger") ||
        accept(p, "sequence") || accept(p, "role")) {
        srv_err_set(p->err, SRV_E_NOT_IMPL, 0, p->t[0].off, NULL);
        return -1; /* TODO(2): SPL routines, triggers, sequences */
    }
    return syntax(p);
}

static int xl_drop(struct dp *p, struct srv_xlate *x)
{
    p->i = 1;
    bool table = accept(p, "table"), view = !table && accept(p, "view");
    if (table || view) {
        x->stype = table ? SQ_STMT_DRPTAB : SQ_STMT_DROPVIEW;
        x->action = table ? ACT_DROP_TABLE : ACT_DROP_VIEW;
        if (kw(p, p->i, "if") && kw(p, p->i + 1, "exists")) {
            p->i += 2;
            x->if_exists = true;
        }
        if (!name_at(p, x->name, sizeof x->name))
            return syntax(p);
        if (!accept(p, "cascade"))
            (void)accept(p, "restrict"); /* optional keyword */
        return p->i == p->n ? 0 : syntax(p);
    }
    if (accept(p, "index")) {
        x->stype = SQ_STMT_DRPIDX;
        x->action = ACT_SQLITE_DDL;
        bool ie = false;
        if (kw(p, p->i, "if") && kw(p, p->i + 1, "exists")) {
            p->i += 2;
            ie = true;
        }
        char nm[129];
        if (!name_at(p, nm, sizeof nm))
            return syntax(p);
        accept(p, "online");
        if (p->i != p->n)
            return syntax(p);
        struct sq_buf q = SQ_BUF_INIT;
        sb_printf(&q, "DROP INDEX %s", ie ? "IF EXISTS " : "");
        sb_ident(&q, nm);
        x->sql = sb_take(&q);
        if (!x->sql) {
            srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
            return -1;
        }
        return 0;
    }
    if (accept(p, "synonym")) {
        x->stype = SQ_STMT_DROPSYN;
        x->action = ACT_DROP_SYNONYM;
        if (kw(p, p->i, "if") && kw(p, p->i + 1, "exists")) {
            p->i += 2;
            x->if_exists = true;
        }
        if (!name_at(p, x->name, sizeof x->name))
            return syntax(p);
        return p->i == p->n ? 0 : syntax(p);
    }
    if (accept(p, "database")) {
        x->stype = SQ_STMT_DROPDB;
        x->action = ACT_DROP_DATABASE;
        if (!name_at(p, x->name, sizeof x->name))
            return syntax(p);
        return p->i == p->n ? 0 : syntax(p);
    }
    return syntax(p);
}

static int xl_alter(struct dp *p, struct srv_xlate *x)
{
    p->i = 1;
    x->stype = SQ_STMT_ALTER;
    if (!accept(p, "table") || !name_at(p, x->name, sizeof x->name))
        return syntax(p);
    if (accept(p, "add")) {
        if (kw(p, p->i, "constraint")) {
            srv_err_set(p->err, SRV_E_NOT_IMPL, 0, p->t[p->i].off, NULL);
            return -1; /* TODO(2): ALTER TABLE ADD CONSTRAINT */
        }
        x->action = ACT_ALTER_ADD;
        x->ddl = sq_calloc(1, sizeof *x->ddl);
        if (!x->ddl) {
            srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
            return -1;
        }
        bool paren = op(p, p->i, "(");
        if (paren)
            p->i++;
        for (;;) {
            if (column_def(p, x->ddl) < 0)
                return -1;
            if (accept(p, "before")) {
                char nm[129];
                if (!name_at(p, nm, sizeof nm)) /* BEFORE col: SQLite appends at the end */
                    return syntax(p);
            }
            if (paren && op(p, p->i, ",")) {
                p->i++;
                continue;
            }
            break;
        }
        if (paren) {
            if (!op(p, p->i, ")"))
                return syntax(p);
            p->i++;
        }
        if (x->ddl->ncons > 0) {
            srv_err_set(p->err, SRV_E_NOT_IMPL, 0, p->t[0].off, NULL);
            return -1; /* TODO(2): constraints on added columns */
        }
        return p->i == p->n ? 0 : syntax(p);
    }
    if (accept(p, "drop")) {
        x->action = ACT_ALTER_DROP;
        bool paren = op(p, p->i, "(");
        if (paren)
            p->i++;
        if (!name_at(p, x->name2, sizeof x->name2))
            return syntax(p);
        if (paren && !op(p, p->i++, ")"))
            return syntax(p); /* TODO(2): several columns in one DROP */
        return p->i == p->n ? 0 : syntax(p);
    }
    srv_err_set(p->err, SRV_E_NOT_IMPL, 0, p->t[p->i < p->n ? p->i : 0].off, NULL);
    return -1; /* TODO(2): MODIFY, ADD CONSTRAINT, DROP CONSTRAINT, LOCK MODE */
}

static int xl_set(struct dp *p, struct srv_xlate *x)
{
    p->i = 1;
    x->action = ACT_NOOP;
    if (kw(p, 1, "lock") && kw(p, 2, "mode") && kw(p, 3, "to")) {
        x->stype = SQ_STMT_WAITFOR;
        x->action = ACT_LOCKMODE;
        p->i = 4;
        if (accept(p, "not")) {
            if (!accept(p, "wait"))
                return syntax(p);
            x->arg = 0;
        } else if (accept(p, "wait")) {
            x->arg = -1;
            if (p->i < p->n && p->t[p->i].k == TK_NUMBER) {
                x->arg = atoi(p->sql + p->t[p->i].off);
                p->i++;
            }
        } else {
            return syntax(p);
        }
        return p->i == p->n ? 0 : syntax(p);
    }
    if (kw(p, 1, "isolation") || kw(p, 1, "transaction"))
        x->stype = SQ_STMT_ISOLATE;
    else if (kw(p, 1, "explain"))
        x->stype = SQ_STMT_EXPLAIN;
    else if (kw(p, 1, "constraints"))
        x->stype = SQ_STMT_CONSTRMODE;
    else if (kw(p, 1, "log"))
        x->stype = SQ_STMT_SETLOG;
    else if (kw(p, 1, "optimization"))
        x->stype = SQ_STMT_OPTIM;
    else if (kw(p, 1, "pdqpriority") || kw(p, 1, "environment") || kw(p, 1, "debug") ||
             kw(p, 1, "deferred_prepare") || kw(p, 1, "role") || kw(p, 1, "session"))
        x->stype = SQ_STMT_OPTIM;
    else
        return syntax(p);
    /* SQLite's WAL snapshots give COMMITTED READ or better at every level. */
    return 0;
}

/* One table privilege word at p->i: its tabauth position, or -1. */
static int priv_pos(const struct dp *p, size_t i)
{
    static const char *const words[] = {"select", "update", "", "insert", "delete",
                                        "index",  "alter",  "references", "under"};
    for (int k = 0; k < 9; k++)
        if (words[k][0] && kw(p, i, words[k]))
            return k;
    return -1;
}

/* GRANT privs ON table TO users [WITH GRANT OPTION] [AS grantor]
 * REVOKE privs ON table FROM users [CASCADE | RESTRICT] [AS grantor]
 * privs: ALL [PRIVILEGES] | priv [(cols)] [, ...] (IBM SQL Syntax, GRANT:
 * Table-Level Privileges; columns for SELECT, UPDATE and REFERENCES).
 * Database-level (CONNECT/RESOURCE/DBA), role, routine and type grants are
 * accepted without effect: ifxlite enforces no privileges. */
static int xl_grant(struct dp *p, struct srv_xlate *x)
{
    bool revoke = kw(p, 0, "revoke");
    x->stype = revoke ? SQ_STMT_REVOKE : SQ_STMT_GRANT;
    x->action = ACT_NOOP;
    size_t on = 1;
    while (on < p->n && !kw(p, on, "on") && !kw(p, on, "to") && !kw(p, on, "from"))
        on = op(p, on, "(") ? match_paren(p, on) + 1 : on + 1;
    if (!kw(p, on, "on") || kw(p, on + 1, "procedure") || kw(p, on + 1, "function") ||
        kw(p, on + 1, "routine") || kw(p, on + 1, "type") || kw(p, on + 1, "language") ||
        kw(p, on + 1, "sequence") || kw(p, on + 1, "specific"))
        return 0; /* TODO(2): sysusers, sysroleauth, sysprocauth */
    struct srv_grant *g = sq_calloc(1, sizeof *g);
    if (!g) {
        srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
        return -1;
    }
    x->grant = g;
    memcpy(g->tabauth, "---------", 10);
    p->i = 1;
    if (accept(p, "all")) {
        accept(p, "privileges");
        memcpy(g->tabauth, "su-idxar-", 10);
    } else {
        for (;;) {
            int k = priv_pos(p, p->i);
            if (k < 0)
                return syntax(p);
            p->i++;
            if (op(p, p->i, "(") && (k == 0 || k == 1 || k == 7)) {
                p->i++;
                for (;;) {
                    if (g->ncols >= SRV_GRANT_MAX)
                        return syntax(p);
                    struct srv_grant_col *c = &g->cols[g->ncols];
                    if (!name_at(p, c->col, sizeof c->col))
                        return syntax(p);
                    c->priv = k == 0 ? 's' : k == 1 ? 'u' : 'r';
                    g->ncols++;
                    if (op(p, p->i, ",")) {
                        p->i++;
                        continue;
                    }
                    if (!op(p, p->i, ")"))
                        return syntax(p);
                    p->i++;
                    break;
                }
                if (revoke) /* REVOKE takes the privilege off every column too */
                    g->tabauth[k] = "su-idxarn"[k];
            } else {
                g->tabauth[k] = "su-idxarn"[k];
            }
            if (!op(p, p->i, ","))
                break;
            p->i++;
        }
    }
    if (!accept(p, "on") || !name_at(p, x->name, sizeof x->name) ||
        !accept(p, revoke ? "from" : "to"))
        return syntax(p);
    for (;;) {
        if (g->ngrantees >= SRV_GRANT_MAX || p->i >= p->n)
            return syntax(p);
        const struct srv_tok *t = &p->t[p->i];
        char nm[129];
        if (t->k == TK_STRING) { /* 'user' keeps its case */
            char *v = srv_tok_string(p->sql, t, NULL);
            if (!v) {
                srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
                return -1;
            }
            snprintf(nm, sizeof nm, "%s", v);
            sq_free(v);
        } else if (!srv_tok_ident(p->sql, t, nm, sizeof nm)) {
            return syntax(p);
        }
        size_t nl = strlen(nm);
        if (nl > 32)
            return syntax(p);
        memcpy(g->grantees[g->ngrantees++], nm, nl + 1); /* fits: 33 bytes, checked above */
        p->i++;
        if (!op(p, p->i, ","))
            break;
        p->i++;
    }
    if (!revoke && kw(p, p->i, "with") && kw(p, p->i + 1, "grant") && kw(p, p->i + 2, "option")) {
        p->i += 3;
        g->grantable = true;
    }
    if (revoke && !accept(p, "cascade"))
        (void)accept(p, "restrict"); /* optional keyword */
    if (accept(p, "as")) {
        char nm[129];
        if (p->i >= p->n)
            return syntax(p);
        if (p->t[p->i].k == TK_STRING) {
            char *v = srv_tok_string(p->sql, &p->t[p->i], NULL);
            if (!v) {
                srv_err_set(p->err, SRV_E_NOMEM, 0, 0, NULL);
                return -1;
            }
            snprintf(nm, sizeof nm, "%s", v);
            sq_free(v);
        } else if (!srv_tok_ident(p->sql, &p->t[p->i], nm, sizeof nm)) {
            return syntax(p);
        }
        snprintf(g->grantor, sizeof g->grantor, "%.32s", nm);
        p->i++;
    }
    x->action = revoke ? ACT_REVOKE : ACT_GRANT;
    return p->i == p->n ? 0 : syntax(p);
}

int srv_xlate_ddl(struct srv_session *s, const char *sql, const struct srv_toks *tk,
                  struct srv_xlate *x, struct srv_err *err)
{
    struct dp p = {s, sql, tk, tk->v, tk->n, 0, err};
    if (kw(&p, 0, "create"))
        return xl_create(&p, x);
    if (kw(&p, 0, "drop"))
        return xl_drop(&p, x);
    if (kw(&p, 0, "alter"))
        return xl_alter(&p, x);
    if (kw(&p, 0, "begin")) {
        x->stype = SQ_STMT_BEGWORK;
        x->action = ACT_BEGIN;
        p.i = 1;
        if (!accept(&p, "work"))
            (void)accept(&p, "transaction"); /* optional keyword */
        if (kw(&p, p.i, "without") && kw(&p, p.i + 1, "replication"))
            p.i += 2;
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "commit")) {
        x->stype = SQ_STMT_COMMIT;
        x->action = ACT_COMMIT;
        p.i = 1;
        if (!accept(&p, "work"))
            (void)accept(&p, "transaction"); /* optional keyword */
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "rollback")) {
        x->stype = SQ_STMT_ROLLBACK;
        x->action = ACT_ROLLBACK;
        p.i = 1;
        if (!accept(&p, "work"))
            (void)accept(&p, "transaction"); /* optional keyword */
        if (accept(&p, "to")) {
            x->action = ACT_ROLLBACK_TO;
            x->stype = SQ_STMT_SAVEPOINT;
            accept(&p, "savepoint");
            if (p.i < p.n && !name_at(&p, x->name, sizeof x->name))
                return syntax(&p);
        }
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "savepoint") || (kw(&p, 0, "release") && kw(&p, 1, "savepoint"))) {
        x->stype = SQ_STMT_SAVEPOINT;
        x->action = kw(&p, 0, "savepoint") ? ACT_SAVEPOINT : ACT_RELEASE;
        p.i = kw(&p, 0, "savepoint") ? 1 : 2;
        if (!name_at(&p, x->name, sizeof x->name))
            return syntax(&p);
        accept(&p, "unique");
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "set"))
        return xl_set(&p, x);
    if (kw(&p, 0, "database")) {
        x->stype = SQ_STMT_DATABASE;
        x->action = ACT_DATABASE;
        p.i = 1;
        if (!name_at(&p, x->name, sizeof x->name))
            return syntax(&p);
        accept(&p, "exclusive");
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "close") && kw(&p, 1, "database") && p.n == 2) {
        x->stype = SQ_STMT_CLSDB;
        x->action = ACT_CLOSE_DATABASE;
        return 0;
    }
    if (kw(&p, 0, "rename") && (kw(&p, 1, "table") || kw(&p, 1, "column"))) {
        bool col = kw(&p, 1, "column");
        x->stype = col ? SQ_STMT_RENCOL : SQ_STMT_RENTAB;
        x->action = col ? ACT_RENAME_COLUMN : ACT_RENAME_TABLE;
        p.i = 2;
        if (col) {
            /* RENAME COLUMN table.column TO new */
            if (p.i + 2 >= p.n || !srv_tok_ident(sql, &p.t[p.i], x->name, sizeof x->name) ||
                !op(&p, p.i + 1, ".") ||
                !srv_tok_ident(sql, &p.t[p.i + 2], x->name2, sizeof x->name2))
                return syntax(&p);
            p.i += 3;
            if (!accept(&p, "to") || !name_at(&p, x->name3, sizeof x->name3))
                return syntax(&p);
        } else if (!name_at(&p, x->name, sizeof x->name) || !accept(&p, "to") ||
                   !name_at(&p, x->name2, sizeof x->name2)) {
            return syntax(&p);
        }
        return p.i == p.n ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "update") && kw(&p, 1, "statistics")) {
        x->stype = SQ_STMT_STATS;
        x->action = ACT_NOOP;
        return 0;
    }
    if (kw(&p, 0, "lock") || kw(&p, 0, "unlock")) {
        x->stype = kw(&p, 0, "lock") ? SQ_STMT_LOCK : SQ_STMT_UNLOCK;
        x->action = ACT_NOOP; /* SQLite locks the database file, not tables */
        return kw(&p, 1, "table") ? 0 : syntax(&p);
    }
    if (kw(&p, 0, "grant") || kw(&p, 0, "revoke"))
        return xl_grant(&p, x);
    if (kw(&p, 0, "execute") || kw(&p, 0, "call")) {
        srv_err_set(err, SRV_E_NOT_IMPL, 0, p.t[0].off, NULL);
        return -1; /* TODO(2): EXECUTE PROCEDURE / FUNCTION */
    }
    return syntax(&p);
}
