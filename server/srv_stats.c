/* SPDX-License-Identifier: MIT */
/* srv_stats.c - the registry of open sessions, statements and cursors
 * (srv_stats.h). One global mutex: updates are a few stores, snapshots copy. */
#include "srv_stats.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sq_alloc.h"

struct stmt_ent {
    bool used, open, scroll, hold;
    char sql[SRV_STATS_SQL];
};

struct srv_stats_sess {
    struct srv_stats_session_row row; /* nstmts / ncursors kept up to date */
    struct stmt_ent *stmts;           /* indexed by statement id */
    size_t cap;
    struct srv_stats_sess *prev, *next;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct srv_stats_sess *g_head;
static int g_nsessions;

static void copy_str(char *dst, size_t dstsz, const char *src, size_t len)
{
    if (!src)
        len = 0;
    if (len >= dstsz)
        len = dstsz - 1;
    if (len)
        memcpy(dst, src, len);
    dst[len] = '\0';
}

struct srv_stats_sess *srv_stats_attach(int sid, const char *user, const char *host, int pid,
                                        const char *program)
{
    struct srv_stats_sess *ss = sq_calloc(1, sizeof *ss);
    if (!ss)
        return NULL;
    ss->row.sid = sid;
    ss->row.pid = pid;
    ss->row.connected = (int64_t)time(NULL);
    copy_str(ss->row.user, sizeof ss->row.user, user, user ? strlen(user) : 0);
    copy_str(ss->row.host, sizeof ss->row.host, host, host ? strlen(host) : 0);
    copy_str(ss->row.program, sizeof ss->row.program, program, program ? strlen(program) : 0);
    pthread_mutex_lock(&g_lock);
    ss->next = g_head;
    if (g_head)
        g_head->prev = ss;
    g_head = ss;
    g_nsessions++;
    pthread_mutex_unlock(&g_lock);
    return ss;
}

void srv_stats_detach(struct srv_stats_sess *ss)
{
    if (!ss)
        return;
    pthread_mutex_lock(&g_lock);
    if (ss->prev)
        ss->prev->next = ss->next;
    else
        g_head = ss->next;
    if (ss->next)
        ss->next->prev = ss->prev;
    g_nsessions--;
    pthread_mutex_unlock(&g_lock);
    sq_free(ss->stmts);
    sq_free(ss);
}

void srv_stats_set_db(struct srv_stats_sess *ss, const char *dbname)
{
    if (!ss)
        return;
    pthread_mutex_lock(&g_lock);
    copy_str(ss->row.dbname, sizeof ss->row.dbname, dbname, dbname ? strlen(dbname) : 0);
    pthread_mutex_unlock(&g_lock);
}

void srv_stats_stmt_add(struct srv_stats_sess *ss, unsigned id, const char *sql, size_t len)
{
    if (!ss)
        return;
    pthread_mutex_lock(&g_lock);
    if (id >= ss->cap) {
        size_t cap = ss->cap ? ss->cap : 16;
        while (cap <= id)
            cap *= 2;
        struct stmt_ent *n = sq_realloc(ss->stmts, cap * sizeof *n);
        if (!n) { /* accounting only: the statement itself is unaffected */
            pthread_mutex_unlock(&g_lock);
            return;
        }
        memset(n + ss->cap, 0, (cap - ss->cap) * sizeof *n);
        ss->stmts = n;
        ss->cap = cap;
    }
    struct stmt_ent *e = &ss->stmts[id];
    if (!e->used)
        ss->row.nstmts++;
    if (e->open)
        ss->row.ncursors--;
    memset(e, 0, sizeof *e);
    e->used = true;
    copy_str(e->sql, sizeof e->sql, sql, len);
    copy_str(ss->row.last_sql, sizeof ss->row.last_sql, sql, len);
    pthread_mutex_unlock(&g_lock);
}

void srv_stats_stmt_del(struct srv_stats_sess *ss, unsigned id)
{
    if (!ss)
        return;
    pthread_mutex_lock(&g_lock);
    if (id < ss->cap && ss->stmts[id].used) {
        if (ss->stmts[id].open)
            ss->row.ncursors--;
        ss->row.nstmts--;
        memset(&ss->stmts[id], 0, sizeof ss->stmts[id]);
    }
    pthread_mutex_unlock(&g_lock);
}

void srv_stats_stmt_open(struct srv_stats_sess *ss, unsigned id, bool open, bool scroll,
                         bool hold)
{
    if (!ss)
        return;
    pthread_mutex_lock(&g_lock);
    if (id < ss->cap && ss->stmts[id].used) {
        struct stmt_ent *e = &ss->stmts[id];
        if (e->open != open)
            ss->row.ncursors += open ? 1 : -1;
        e->open = open;
        e->scroll = scroll;
        e->hold = hold;
    }
    pthread_mutex_unlock(&g_lock);
}

int srv_stats_snapshot(struct srv_stats_session_row **sessions, size_t *nsessions,
                       struct srv_stats_stmt_row **stmts, size_t *nstmts)
{
    *sessions = NULL;
    *stmts = NULL;
    *nsessions = *nstmts = 0;
    pthread_mutex_lock(&g_lock);
    size_t ns = 0, nt = 0;
    for (struct srv_stats_sess *ss = g_head; ss; ss = ss->next) {
        ns++;
        nt += (size_t)ss->row.nstmts;
    }
    struct srv_stats_session_row *sv = sq_calloc(ns ? ns : 1, sizeof *sv);
    struct srv_stats_stmt_row *tv = sq_calloc(nt ? nt : 1, sizeof *tv);
    if (!sv || !tv) {
        pthread_mutex_unlock(&g_lock);
        sq_free(sv);
        sq_free(tv);
        return -1;
    }
    size_t i = 0, j = 0;
    for (struct srv_stats_sess *ss = g_head; ss; ss = ss->next) {
        sv[i++] = ss->row;
        for (size_t k = 0; k < ss->cap && j < nt; k++) {
            const struct stmt_ent *e = &ss->stmts[k];
            if (!e->used)
                continue;
            tv[j].sid = ss->row.sid;
            tv[j].id = (unsigned)k;
            tv[j].open = e->open;
            tv[j].scroll = e->scroll;
            tv[j].hold = e->hold;
            memcpy(tv[j].sql, e->sql, sizeof tv[j].sql);
            j++;
        }
    }
    pthread_mutex_unlock(&g_lock);
    *sessions = sv;
    *nsessions = i;
    *stmts = tv;
    *nstmts = j;
    return 0;
}

void srv_stats_totals(int *sessions, int *stmts, int *cursors)
{
    int s = 0, c = 0;
    pthread_mutex_lock(&g_lock);
    for (struct srv_stats_sess *ss = g_head; ss; ss = ss->next) {
        s += ss->row.nstmts;
        c += ss->row.ncursors;
    }
    if (sessions)
        *sessions = g_nsessions;
    pthread_mutex_unlock(&g_lock);
    if (stmts)
        *stmts = s;
    if (cursors)
        *cursors = c;
}
