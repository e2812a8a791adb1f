/* SPDX-License-Identifier: MIT */
/* srv_sql_func.c - ifxlite's SQLite functions: Informix built-ins (TODAY,
 * CURRENT, USER, DBINFO, MDY, NVL, DECODE, LENGTH, MOD ...), the engine's
 * helpers called by translated SQL (ifx_co/ifx_cv/ifx_cast value coercion,
 * ifx_div, ifx_mpat for MATCHES, ifx_note_serial from SERIAL triggers) and the
 * ifxchar collation (CHAR compares without trailing blanks). */
#include "srv_charset.h"
#include "srv_errors.h"
#include "srv_lofile.h"
#include "srv_sql_internal.h"

#include "sq_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct srv_session *sess(sqlite3_context *ctx)
{
    return sqlite3_user_data(ctx);
}

static void raise(sqlite3_context *ctx, int sqlcode, const char *text)
{
    char msg[300];
    srv_err_encode(msg, sizeof msg, sqlcode, 0, text);
    sqlite3_result_error(ctx, msg, -1);
}

static void result_sval(sqlite3_context *ctx, struct srv_sval *v)
{
    switch (v->kind) {
    case SQLITE_INTEGER:
        sqlite3_result_int64(ctx, v->i);
        break;
    case SQLITE_FLOAT:
        sqlite3_result_double(ctx, v->f);
        break;
    case SQLITE_TEXT:
        sqlite3_result_text64(ctx, v->p, v->n, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    case SQLITE_BLOB:
        sqlite3_result_blob64(ctx, v->p, v->n, SQLITE_TRANSIENT);
        break;
    default:
        sqlite3_result_null(ctx);
        break;
    }
}

/* The end of every value-computing function: the Informix error rc, else v
 * as the result (and v released). */
static void finish_sval(sqlite3_context *ctx, int rc, struct srv_sval *v)
{
    if (rc) {
        raise(ctx, rc, NULL);
        return;
    }
    result_sval(ctx, v);
    ifx_sval_fini(v);
}

static void arg_type(sqlite3_value **argv, struct ifx_type *ty)
{
    memset(ty, 0, sizeof *ty);
    ty->code = (uint16_t)sqlite3_value_int(argv[1]);
    ty->len = (uint32_t)sqlite3_value_int64(argv[2]);
    ty->xid = (uint32_t)sqlite3_value_int64(argv[3]);
}

/* ifx_co(v, code, len, xid): storage form for an INSERT/UPDATE target. */
static void fn_co(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct ifx_type ty;
    arg_type(argv, &ty);
    struct srv_sval v;
    bool ansi = sess(ctx)->kind == SRV_DB_ANSI;
    int rc = ifx_coerce(&ty, argv[0], ansi, &v);
    finish_sval(ctx, rc, &v);
}

/* ifx_cv(v, code, len, xid): a comparison operand in the column's form. */
static void fn_cv(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct ifx_type ty;
    arg_type(argv, &ty);
    if (ifx_type_is_char(ty.code) || ty.code == SQ_T_TEXT || ty.code == SQ_T_BYTE ||
        ty.code == SQ_T_UDTFIXED || ifx_type_is_serial(ty.code)) {
        sqlite3_result_value(ctx, argv[0]); /* strings compare as given (no truncation) */
        return;
    }
    struct srv_sval v;
    int rc = ifx_coerce(&ty, argv[0], false, &v);
    finish_sval(ctx, rc, &v);
}

/* ifx_cast(v, code, len, xid [, from_code, from_len]): CAST / ::, with the
 * operand's type when the translator knows it (an INTERVAL's stored total
 * is cast through its literal text). */
static void fn_cast(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct ifx_type ty;
    arg_type(argv, &ty);
    struct srv_sval v;
    int rc;
    if (argc >= 6) {
        struct ifx_type from = {0};
        from.code = (uint16_t)sqlite3_value_int(argv[4]);
        from.len = (uint32_t)sqlite3_value_int64(argv[5]);
        rc = ifx_cast_from(&from, &ty, argv[0], &v);
    } else {
        rc = ifx_coerce(&ty, argv[0], false, &v);
    }
    finish_sval(ctx, rc, &v);
}

static bool num_arg(sqlite3_value *v, double *out)
{
    int t = sqlite3_value_type(v);
    if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        *out = sqlite3_value_double(v);
        return true;
    }
    const char *p = (const char *)sqlite3_value_text(v);
    struct ifx_dec d;
    if (!p || !ifx_dec_parse(p, (size_t)sqlite3_value_bytes(v), &d))
        return false;
    *out = strtod(p, NULL);
    return true;
}

/* A computed DECIMAL as SQLite holds DECIMAL values (ifx_dec_fits_real). */
static void dec_result(sqlite3_context *ctx, const struct ifx_dec *r)
{
    char txt[2 * IFX_DEC_MAXDIG + 8];
    size_t n = ifx_dec_format(r, SQ_DEC_FLOATING, txt, sizeof txt);
    if (ifx_dec_fits_real(r))
        sqlite3_result_double(ctx, strtod(txt, NULL));
    else
        sqlite3_result_text(ctx, txt, (int)n, SQLITE_TRANSIENT);
}

/* a / b: Informix divides exactly; division by zero is -1202. ifx_div(a, b,
 * 1) (operands that are exact numbers, srv_sql_xlate.c div_close): the
 * DECIMAL(32) quotient IBM documents for such a division ("Division:
 * precision 32, floating-point decimal"), 1/3 = 0.333... to 32 digits;
 * ifx_div(a, b) (a FLOAT operand): double precision, unless an operand is a
 * DECIMAL over 15 digits (stored as text). */
static void fn_div(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (argc == 3 || sqlite3_value_type(argv[0]) == SQLITE_TEXT ||
        sqlite3_value_type(argv[1]) == SQLITE_TEXT) {
        /* divide exactly to DECIMAL(32)'s 32 significant digits */
        struct ifx_dec x, y, r;
        if (ifx_dec_of_value(argv[0], &x) == 0 && ifx_dec_of_value(argv[1], &y) == 0) {
            if (y.ndig == 0) {
                raise(ctx, SRV_E_DIV_ZERO, NULL);
                return;
            }
            if (ifx_dec_div(&x, &y, 32, &r)) {
                dec_result(ctx, &r);
                return;
            }
        }
    }
    double a, b;
    if (!num_arg(argv[0], &a) || !num_arg(argv[1], &b)) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    if (b == 0) {
        raise(ctx, SRV_E_DIV_ZERO, NULL);
        return;
    }
    sqlite3_result_double(ctx, a / b);
}

/* ifx_dadd(a, sign, b): DATE ± days, days + DATE, DATE - DATE (days). */
static bool date_text(sqlite3_value *v, int64_t *days)
{
    if (sqlite3_value_type(v) != SQLITE_TEXT)
        return false;
    int y, m, d;
    const char *p = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (ifx_date_parse(p, n > 10 ? 10 : n, &y, &m, &d) != 0)
        return false;
    *days = ifx_date_to_days(y, m, d);
    return true;
}

static void fn_dadd(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[2]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    int sign = sqlite3_value_int(argv[1]);
    int64_t da, db;
    bool a_date = date_text(argv[0], &da), b_date = date_text(argv[2], &db);
    if (a_date && b_date && sign < 0) {
        sqlite3_result_int64(ctx, da - db);
        return;
    }
    if (!a_date && b_date && sign > 0) {
        da = db;
        db = sqlite3_value_int64(argv[0]);
    } else if (a_date && !b_date) {
        double f;
        if (!num_arg(argv[2], &f)) {
            raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
            return;
        }
        db = (int64_t)f;
    } else {
        raise(ctx, SRV_E_DATE_CONV, NULL); /* TODO(2): DATETIME/INTERVAL arithmetic */
        return;
    }
    int64_t r = da + sign * db;
    if (r < -693594 || r > 2958464) {
        raise(ctx, SRV_E_BAD_YEAR, NULL);
        return;
    }
    int y, m, d;
    ifx_days_to_date(r, &y, &m, &d);
    char txt[16];
    snprintf(txt, sizeof txt, "%04d-%02d-%02d", y, m, d);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

/* ifx_tadd(lcode, llen, rcode, rlen, a, sign, b): DATETIME/INTERVAL (and
 * DATE with INTERVAL) a +/- b, operand types from the translator. */
static void fn_tadd(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct ifx_type l = {0}, r = {0};
    l.code = (uint16_t)sqlite3_value_int(argv[0]);
    l.len = (uint32_t)sqlite3_value_int64(argv[1]);
    r.code = (uint16_t)sqlite3_value_int(argv[2]);
    r.len = (uint32_t)sqlite3_value_int64(argv[3]);
    int sign = sqlite3_value_int(argv[5]);
    struct srv_sval v;
    int rc = ifx_time_arith(&l, argv[4], sign < 0 ? '-' : '+', &r, argv[6], &v);
    finish_sval(ctx, rc, &v);
}

/* ifx_narith(a, op, b): exact DECIMAL a op b (op the character code of '+',
 * '-' or '*'). The result is stored as DECIMAL values are (ifx_coerce): REAL
 * when 15 digits hold it exactly, else the exact text. */
static void fn_narith(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[2]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    struct ifx_dec a, b, r;
    if (ifx_dec_of_value(argv[0], &a) || ifx_dec_of_value(argv[2], &b)) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    ifx_dec_arith(&a, sqlite3_value_int(argv[1]), &b, &r);
    dec_result(ctx, &r);
}

/* ifx_dsum(x) / ifx_davg(x): SUM and AVG of a DECIMAL beyond 15 digits,
 * exact (AVG to 32 significant digits); results stored as ifx_narith's. */
struct dagg {
    struct ifx_dec acc;
    int64_t n;
    bool bad;
};

static void fn_dagg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct dagg *g = sqlite3_aggregate_context(ctx, (int)sizeof *g);
    if (!g) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    struct ifx_dec x, r;
    if (ifx_dec_of_value(argv[0], &x) != 0) {
        g->bad = true;
        return;
    }
    ifx_dec_arith(&g->acc, '+', &x, &r);
    g->acc = r;
    g->n++;
}

static void fn_dagg_final(sqlite3_context *ctx, bool avg)
{
    struct dagg *g = sqlite3_aggregate_context(ctx, 0);
    if (g && g->bad) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    if (!g || g->n == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    struct ifx_dec r = g->acc;
    if (avg) {
        struct ifx_dec cnt;
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", (long long)g->n);
        ifx_dec_parse(tmp, strlen(tmp), &cnt);
        ifx_dec_div(&g->acc, &cnt, 32, &r);
    }
    dec_result(ctx, &r);
}

static void fn_dsum_final(sqlite3_context *ctx)
{
    fn_dagg_final(ctx, false);
}

static void fn_davg_final(sqlite3_context *ctx)
{
    fn_dagg_final(ctx, true);
}

static void fn_mod(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
    if (b == 0) {
        raise(ctx, SRV_E_DIV_ZERO, NULL);
        return;
    }
    sqlite3_result_int64(ctx, b == -1 ? 0 : a % b);
}

static void fn_pow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    double a, b;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (!num_arg(argv[0], &a) || !num_arg(argv[1], &b)) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    sqlite3_result_double(ctx, pow(a, b));
}

/* One-argument math: the function pointer travels as user data. */
typedef double (*math1_fn)(double);
struct math1 {
    const char *name;
    math1_fn fn;
};
static struct math1 math1_fns[] = {
    {"sqrt", sqrt}, {"exp", exp}, {"logn", log}, {"log10", log10}, {"ceil", ceil}, {"floor", floor},
    {"sin", sin},   {"cos", cos}, {"tan", tan},  {"asin", asin},   {"acos", acos}, {"atan", atan}};

static void fn_math1(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct math1 *m = sqlite3_user_data(ctx);
    double a;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (!num_arg(argv[0], &a)) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    double r = m->fn(a);
    if (isnan(r)) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_double(ctx, r);
}

static void fn_trunc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double a;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (!num_arg(argv[0], &a)) {
        raise(ctx, SRV_E_CHAR_TO_NUM, NULL);
        return;
    }
    int n = argc > 1 ? sqlite3_value_int(argv[1]) : 0;
    if (n < -30 || n > 30)
        n = 0;
    double f = pow(10.0, n);
    double r = trunc(a * f) / f;
    if (n <= 0 && fabs(r) < 9e18)
        sqlite3_result_int64(ctx, (int64_t)r);
    else
        sqlite3_result_double(ctx, r);
}

static void fn_nvl(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    sqlite3_result_value(ctx, sqlite3_value_type(argv[0]) == SQLITE_NULL ? argv[1] : argv[0]);
}

static bool values_equal(sqlite3_value *a, sqlite3_value *b)
{
    int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
    if (ta == SQLITE_NULL || tb == SQLITE_NULL)
        return ta == tb;
    if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) &&
        (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT))
        return sqlite3_value_double(a) == sqlite3_value_double(b);
    const char *pa = (const char *)sqlite3_value_text(a), *pb = (const char *)sqlite3_value_text(b);
    size_t na = (size_t)sqlite3_value_bytes(a), nb = (size_t)sqlite3_value_bytes(b);
    while (na > 0 && pa[na - 1] == ' ')
        na--;
    while (nb > 0 && pb[nb - 1] == ' ')
        nb--;
    return na == nb && memcmp(pa, pb, na) == 0;
}

/* DECODE(expr, when1, then1, ..., [else]) */
static void fn_decode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc < 3) {
        raise(ctx, SRV_E_NO_FUNC, "decode");
        return;
    }
    int i = 1;
    for (; i + 1 < argc; i += 2) {
        if (values_equal(argv[0], argv[i])) {
            sqlite3_result_value(ctx, argv[i + 1]);
            return;
        }
    }
    if (i < argc)
        sqlite3_result_value(ctx, argv[i]);
    else
        sqlite3_result_null(ctx);
}

/* The running statement's instant (see srv_session.clock_set), else now. */
static void stmt_now(sqlite3_context *ctx, struct ifx_dt *dt)
{
    const struct srv_session *s = sess(ctx);
    if (s && s->clock_set)
        ifx_dt_from_clock(s->clock_sec, s->clock_nsec, dt);
    else
        ifx_dt_now(dt);
}

static void fn_today(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    struct ifx_dt now;
    stmt_now(ctx, &now);
    char txt[16];
    snprintf(txt, sizeof txt, "%04d-%02d-%02d", now.f[0], now.f[1], now.f[2]);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

static void fn_current(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    unsigned s = argc > 0 ? (unsigned)sqlite3_value_int(argv[0]) : SQ_TU_YEAR;
    unsigned e = argc > 1 ? (unsigned)sqlite3_value_int(argv[1]) : SQ_TU_F3;
    if (e > SQ_TU_F5 || s > e)
        e = SQ_TU_F3, s = SQ_TU_YEAR;
    struct ifx_dt now;
    stmt_now(ctx, &now);
    char txt[40];
    ifx_dt_format(&now, s, e, txt, sizeof txt);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

static void fn_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, sess(ctx)->user, -1, SQLITE_TRANSIENT);
}

/* EXTEND(value, start, end): re-qualify a DATE/DATETIME. */
static void fn_extend(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    unsigned s = (unsigned)sqlite3_value_int(argv[1]), e = (unsigned)sqlite3_value_int(argv[2]);
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    struct ifx_dt dt;
    int rc = ifx_dt_parse(p, n, SQ_TU_YEAR, SQ_TU_F5, &dt);
    if (rc != 0)
        rc = ifx_dt_parse(p, n, s, e, &dt);
    if (rc != 0) {
        raise(ctx, rc, NULL);
        return;
    }
    char txt[40];
    ifx_dt_format(&dt, s, e, txt, sizeof txt);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

/* MATCHES pattern → GLOB pattern ('\x' escapes x). */
static void fn_mpat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    struct sq_buf b = SQ_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n) {
            char c = p[++i];
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                char tmp[4] = {'[', c, ']', 0};
                sb_puts(&b, tmp);
            } else {
                sb_putn(&b, &c, 1);
            }
        } else if (p[i] == '[' && i + 1 < n && p[i + 1] == '^') {
            sb_puts(&b, "[^");
            i++;
        } else {
            sb_putn(&b, &p[i], 1);
        }
    }
    char *out = sb_take(&b);
    if (!out) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
    sq_free(out);
}

static void fn_note_serial(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct srv_session *s = sess(ctx);
    int kind = sqlite3_value_int(argv[0]);
    int64_t v = sqlite3_value_int64(argv[1]);
    if (kind == SQ_T_SERIAL)
        s->cur_serial = (int32_t)v;
    else if (kind == SQ_T_SERIAL8)
        s->cur_serial8 = v;
    else
        s->cur_bigserial = v;
    sqlite3_result_int64(ctx, v);
}

static void fn_dbinfo(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct srv_session *s = sess(ctx);
    const char *what = (const char *)sqlite3_value_text(argv[0]);
    if (!what) {
        sqlite3_result_null(ctx);
        return;
    }
    char w[64];
    snprintf(w, sizeof w, "%s", what);
    for (char *c = w; *c; c++)
        *c = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
    if (strcmp(w, "sessionid") == 0) {
        sqlite3_result_int(ctx, s->id);
    } else if (strcmp(w, "sqlca.sqlerrd1") == 0) {
        sqlite3_result_int(ctx, s->last_serial);
    } else if (strcmp(w, "sqlca.sqlerrd2") == 0) {
        sqlite3_result_int64(ctx, s->last_rows);
    } else if (strcmp(w, "serial8") == 0) {
        sqlite3_result_int64(ctx, s->last_serial8);
    } else if (strcmp(w, "bigserial") == 0) {
        sqlite3_result_int64(ctx, s->last_bigserial);
    } else if (strcmp(w, "dbname") == 0) {
        sqlite3_result_text(ctx, s->dbname, -1, SQLITE_TRANSIENT);
    } else if (strcmp(w, "dbhostname") == 0) {
        char host[256] = "localhost";
        if (gethostname(host, sizeof host - 1) != 0)
            snprintf(host, sizeof host, "localhost");
        host[sizeof host - 1] = '\0';
        sqlite3_result_text(ctx, host, -1, SQLITE_TRANSIENT);
    } else if (strcmp(w, "utc_current") == 0) {
        sqlite3_result_int64(ctx, (int64_t)time(NULL));
    } else if (strcmp(w, "version") == 0) {
        const char *part = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : "full";
        if (!part)
            part = "full";
        if (strcmp(part, "major") == 0)
            sqlite3_result_text(ctx, "14", -1, SQLITE_STATIC);
        else if (strcmp(part, "minor") == 0)
            sqlite3_result_text(ctx, "10", -1, SQLITE_STATIC);
        else if (strcmp(part, "level") == 0)
            sqlite3_result_text(ctx, "FC10", -1, SQLITE_STATIC);
        else if (strcmp(part, "server-type") == 0)
            sqlite3_result_text(ctx, "IBM Informix Dynamic Server", -1, SQLITE_STATIC);
        else if (strcmp(part, "os") == 0)
            sqlite3_result_text(ctx, "U", -1, SQLITE_STATIC);
        else
            sqlite3_result_text(ctx, "IBM Informix Dynamic Server Version 14.10.FC10", -1,
                                SQLITE_STATIC);
    } else {
        raise(ctx, SRV_E_SYNTAX, NULL); /* an unknown DBINFO option is a syntax error */
    }
}

/* Date arguments: 'YYYY-MM-DD', a datetime text, or a day count. */
static bool date_arg(sqlite3_value *v, int *y, int *m, int *d)
{
    int t = sqlite3_value_type(v);
    if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        ifx_days_to_date(sqlite3_value_int64(v), y, m, d);
        return true;
    }
    const char *p = (const char *)sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (!p)
        return false;
    if (ifx_date_parse(p, n, y, m, d) == 0)
        return true;
    return n > 10 && ifx_date_parse(p, 10, y, m, d) == 0;
}

static void fn_datepart(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    int y, m, d;
    if (!date_arg(argv[0], &y, &m, &d)) {
        raise(ctx, SRV_E_DATE_CONV, NULL);
        return;
    }
    const char *which = sqlite3_user_data(ctx);
    if (which[0] == 'y')
        sqlite3_result_int(ctx, y);
    else if (which[0] == 'm')
        sqlite3_result_int(ctx, m);
    else if (which[0] == 'd')
        sqlite3_result_int(ctx, d);
    else /* weekday: 0 = Sunday; day 0 (1899-12-31) was a Sunday */
        sqlite3_result_int(ctx, (int)(((ifx_date_to_days(y, m, d) % 7) + 7) % 7));
}

static void fn_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    int y, m, d;
    if (!date_arg(argv[0], &y, &m, &d)) {
        raise(ctx, SRV_E_DATE_CONV, NULL);
        return;
    }
    char txt[16];
    snprintf(txt, sizeof txt, "%04d-%02d-%02d", y, m, d);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

static void fn_mdy(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    for (int i = 0; i < 3; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            sqlite3_result_null(ctx);
            return;
        }
    int m = sqlite3_value_int(argv[0]), d = sqlite3_value_int(argv[1]);
    int y = sqlite3_value_int(argv[2]);
    if (m < 1 || m > 12) {
        raise(ctx, SRV_E_BAD_MONTH, NULL);
        return;
    }
    if (y < 1 || y > 9999) {
        raise(ctx, SRV_E_BAD_YEAR, NULL);
        return;
    }
    if (!ifx_date_valid(y, m, d)) {
        raise(ctx, SRV_E_BAD_DAY, NULL);
        return;
    }
    char txt[16];
    snprintf(txt, sizeof txt, "%04d-%02d-%02d", y, m, d);
    sqlite3_result_text(ctx, txt, -1, SQLITE_TRANSIENT);
}

/* LENGTH: bytes without trailing blanks (Informix). */
static void fn_length(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    while (n > 0 && p[n - 1] == ' ')
        n--;
    size_t db_len; /* bytes of the database code set (srv_charset.h) */
    (void)srv_cs_fit(p, n, SIZE_MAX, &db_len);
    sqlite3_result_int64(ctx, (int64_t)db_len);
}

static void fn_octet_length(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t db_len; /* bytes of the database code set (srv_charset.h) */
    (void)srv_cs_fit(p ? p : "", p ? (size_t)sqlite3_value_bytes(argv[0]) : 0, SIZE_MAX, &db_len);
    sqlite3_result_int64(ctx, (int64_t)db_len);
}

static void fn_pad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool left = sqlite3_user_data(ctx) != NULL;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    int64_t w = sqlite3_value_int64(argv[1]);
    const char *pad = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : " ";
    if (!pad || !*pad)
        pad = " ";
    if (w < 0 || w > 32767) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t W = (size_t)w, pl = strlen(pad);
    char *out = sq_malloc(W + 1);
    if (!out) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (n >= W) {
        memcpy(out, p, W);
    } else if (left) {
        for (size_t i = 0; i < W - n; i++)
            out[i] = pad[i % pl];
        memcpy(out + W - n, p, n);
    } else {
        memcpy(out, p, n);
        for (size_t i = n; i < W; i++)
            out[i] = pad[(i - n) % pl];
    }
    sqlite3_result_text64(ctx, out, W, SQLITE_TRANSIENT, SQLITE_UTF8);
    sq_free(out);
}

static void fn_concat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct sq_buf b = SQ_BUF_INIT;
    for (int i = 0; i < argc; i++) {
        const char *p = (const char *)sqlite3_value_text(argv[i]);
        if (p)
            sb_putn(&b, p, (size_t)sqlite3_value_bytes(argv[i]));
    }
    char *out = sb_take(&b);
    if (!out) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
    sq_free(out);
}

static int ifxchar_cmp(void *arg, int na, const void *a, int nb, const void *b)
{
    (void)arg;
    const char *pa = a, *pb = b;
    while (na > 0 && pa[na - 1] == ' ')
        na--;
    while (nb > 0 && pb[nb - 1] == ' ')
        nb--;
    int n = na < nb ? na : nb;
    int c = memcmp(pa, pb, (size_t)n);
    if (c != 0)
        return c;
    return na - nb;
}

/* ---- client files: lotofile, filetoblob, filetoclob (doc §9.8 [L]) ----
 * IBM's semantics: LOTOFILE(lo, 'name', 'client'|'server') writes the value
 * to a file and returns the file name it used ("name!" is used as "name";
 * other names get '.' and 16 hex digits appended); FILETOBLOB/FILETOCLOB
 * ('name', 'client'|'server'[, 'table', 'column']) read a file into a new
 * BLOB/CLOB (table/column only pick storage options: accepted, ignored).
 * ifxlite has no server-side files: 'server' is -9810. */

#define LO_E SRV_E_LO

/* The location argument: true for 'client' (any case, blanks trimmed). */
static bool lo_client(sqlite3_context *ctx, sqlite3_value *v, const char *fn)
{
    const char *p = (const char *)sqlite3_value_text(v);
    size_t n = p ? (size_t)sqlite3_value_bytes(v) : 0;
    while (n && p[n - 1] == ' ')
        n--;
    while (n && *p == ' ')
        p++, n--;
    if (n == 6 && sqlite3_strnicmp(p, "client", 6) == 0)
        return true;
    char t[128];
    snprintf(t, sizeof t, "%s: only 'client' files are supported by ifxlite, not '%.*s'", fn,
             (int)(n > 40 ? 40 : n), p ? p : "");
    raise(ctx, LO_E, t);
    return false;
}

/* The file name argument, NUL-terminated (at most 1024 bytes), or NULL
 * (error raised). */
static bool lo_name(sqlite3_context *ctx, sqlite3_value *v, char *out, size_t cap, size_t *n)
{
    const char *p = (const char *)sqlite3_value_text(v);
    *n = p ? (size_t)sqlite3_value_bytes(v) : 0;
    if (!p || *n == 0 || *n >= cap || memchr(p, '\0', *n)) {
        raise(ctx, LO_E, "invalid client file name");
        return false;
    }
    memcpy(out, p, *n);
    out[*n] = '\0';
    return true;
}

static void raise_err(sqlite3_context *ctx, const struct srv_err *e)
{
    char msg[300];
    srv_err_encode(msg, sizeof msg, e->sqlcode, e->isam, e->text);
    sqlite3_result_error(ctx, msg, -1);
}

static void fn_lotofile(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    struct srv_session *s = sess(ctx);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx); /* nothing to write: no file exchange */
        return;
    }
    char name[1025], used[1100];
    size_t n;
    if (!lo_name(ctx, argv[1], name, sizeof name, &n) || !lo_client(ctx, argv[2], "lotofile"))
        return;
    if (!s->fio.put) {
        raise(ctx, LO_E, "no client file transfer on this connection");
        return;
    }
    size_t un = srv_lo_file_name(name, n, ++s->lo_file_no, used, sizeof used);
    const uint8_t *p = sqlite3_value_blob(argv[0]);
    size_t len = (size_t)sqlite3_value_bytes(argv[0]);
    struct srv_err e;
    memset(&e, 0, sizeof e);
    if (s->fio.put(s->fio.ctx, used, p ? p : (const uint8_t *)"", len, &e) != 0) {
        raise_err(ctx, &e);
        return;
    }
    sqlite3_result_text64(ctx, used, un, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void filetolo(sqlite3_context *ctx, sqlite3_value **argv, bool clob)
{
    struct srv_session *s = sess(ctx);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    char name[1025];
    size_t n;
    if (!lo_name(ctx, argv[0], name, sizeof name, &n) || !lo_client(ctx, argv[1], clob ? "filetoclob" : "filetoblob"))
        return;
    if (!s->fio.get) {
        raise(ctx, LO_E, "no client file transfer on this connection");
        return;
    }
    uint8_t *data = NULL;
    size_t len = 0;
    struct srv_err e;
    memset(&e, 0, sizeof e);
    if (s->fio.get(s->fio.ctx, name, &data, &len, &e) != 0) {
        raise_err(ctx, &e);
        return;
    }
    if (s->fio.made)
        s->fio.made(s->fio.ctx, len);
    /* SQLite takes the buffer (no copy); a CLOB is TEXT as its column stores it */
    if (clob)
        sqlite3_result_text64(ctx, data ? (const char *)data : "", len,
                              data ? sq_free : SQLITE_TRANSIENT, SQLITE_UTF8);
    else
        sqlite3_result_blob64(ctx, data ? (const void *)data : "", len,
                              data ? sq_free : SQLITE_TRANSIENT);
}

static void fn_filetoblob(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    filetolo(ctx, argv, false);
}

static void fn_filetoclob(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    filetolo(ctx, argv, true);
}

int srv_sql_register(sqlite3 *db, struct srv_session *s)
{
    const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    const int nd = SQLITE_UTF8;
    static char y[] = "y", m[] = "m", d[] = "d", w[] = "w";
    static char left[] = "l";
    struct {
        const char *name;
        int nargs;
        int flags;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
        void *user;
    } fns[] = {
        {"ifx_co", 4, nd, fn_co, s},
        {"ifx_cv", 4, nd, fn_cv, s},
        {"ifx_cast", 4, nd, fn_cast, s},
        {"ifx_cast", 6, nd, fn_cast, s},
        {"ifx_tadd", 7, nd, fn_tadd, s},
        {"ifx_narith", 3, det, fn_narith, s},
        {"ifx_div", 2, det, fn_div, s},
        {"ifx_div", 3, det, fn_div, s},
        {"ifx_dadd", 3, det, fn_dadd, s},
        {"ifx_today", 0, nd, fn_today, s},
        {"ifx_current", 2, nd, fn_current, s},
        {"ifx_user", 0, nd, fn_user, s},
        {"ifx_extend", 3, nd, fn_extend, s},
        {"ifx_mpat", 1, det, fn_mpat, s},
        {"ifx_note_serial", 2, nd, fn_note_serial, s},
        {"dbinfo", 1, nd, fn_dbinfo, s},
        {"dbinfo", 2, nd, fn_dbinfo, s},
        {"nvl", 2, det, fn_nvl, s},
        {"decode", -1, det, fn_decode, s},
        {"mod", 2, det, fn_mod, s},
        {"pow", 2, det, fn_pow, s},
        {"power", 2, det, fn_pow, s},
        {"trunc", 1, det, fn_trunc, s},
        {"trunc", 2, det, fn_trunc, s},
        {"year", 1, det, fn_datepart, y},
        {"month", 1, det, fn_datepart, m},
        {"day", 1, det, fn_datepart, d},
        {"weekday", 1, det, fn_datepart, w},
        {"date", 1, det, fn_date, s},
        {"mdy", 3, det, fn_mdy, s},
        {"length", 1, det, fn_length, s},
        {"char_length", 1, det, fn_length, s},
        {"octet_length", 1, det, fn_octet_length, s},
        {"lpad", 2, det, fn_pad, left},
        {"lpad", 3, det, fn_pad, left},
        {"rpad", 2, det, fn_pad, NULL},
        {"rpad", 3, det, fn_pad, NULL},
        {"concat", -1, det, fn_concat, s},
        {"lotofile", 3, nd, fn_lotofile, s},
        {"filetoblob", 2, nd, fn_filetoblob, s},
        {"filetoblob", 4, nd, fn_filetoblob, s},
        {"filetoclob", 2, nd, fn_filetoclob, s},
        {"filetoclob", 4, nd, fn_filetoclob, s},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        if (sqlite3_create_function(db, fns[i].name, fns[i].nargs, fns[i].flags, fns[i].user,
                                    fns[i].fn, NULL, NULL) != SQLITE_OK)
            return -1;
    }
    for (size_t i = 0; i < sizeof math1_fns / sizeof math1_fns[0]; i++) {
        if (sqlite3_create_function(db, math1_fns[i].name, 1, det, &math1_fns[i], fn_math1, NULL,
                                    NULL) != SQLITE_OK)
            return -1;
    }
    if (sqlite3_create_function(db, "ifx_dsum", 1, det, s, NULL, fn_dagg_step, fn_dsum_final) !=
            SQLITE_OK ||
        sqlite3_create_function(db, "ifx_davg", 1, det, s, NULL, fn_dagg_step, fn_davg_final) !=
            SQLITE_OK)
        return -1;
    if (sqlite3_create_collation(db, "ifxchar", SQLITE_UTF8, NULL, ifxchar_cmp) != SQLITE_OK)
        return -1;
    return 0;
}
