/* SPDX-License-Identifier: MIT */
/* escape.c - ODBC escape sequences -> Informix SQL, and '?' marker counting.
 * A small lexer that knows Informix's literals and three comment forms, and
 * a recursive translator for (nested) escapes. ODBC layer; pure text in,
 * text out: no handles, no diagnostics, no I/O.
 *
 * Mappings (Informix 11.70+ unless noted):
 *   {d 'y-m-d'}          MDY(m, d, y)                  a true DATE, independent of DBDATE
 *   {t 'h:m:s[.f]'}      DATETIME(hh:mm:ss) HOUR TO SECOND   (.f -> HOUR TO FRACTION(5))
 *   {ts 'y-m-d h:m:s'}   DATETIME(yyyy-mm-dd hh:mm:ss) YEAR TO SECOND
 *   {ts '... .f'}        ... YEAR TO FRACTION(5); 6-9 digits are cut to 5 (01S07 flag
 *                        when a cut digit is not 0); more than 9 digits: syntax error
 *   {oj ...}             the contents (Informix has ANSI LEFT OUTER JOIN)
 *   {call p(...)}        EXECUTE PROCEDURE p(...)      ({call p} -> p())
 *   {?=call f(...)}      EXECUTE FUNCTION f(...)       (has_return_value set)
 *   {escape 'c'}         ESCAPE 'c'
 *   {interval 'v' F [TO G]}  INTERVAL(v) F[(p)] TO G   (single field: F TO F; a fraction
 *                        of SECOND -> TO FRACTION(n), n <= 5)
 *   {fn ...}             see fn_maps[] below; unknown names pass through as NAME(args).
 */
#include "escape.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "sq_alloc.h"
#include "sq_buf.h"

/* ---- lexer helpers (shared by translate and count) --------------------- */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool is_ident_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_ident(char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static size_t skip_ws(const char *s, size_t len, size_t p)
{
    while (p < len && is_ws(s[p]))
        p++;
    return p;
}

/* s[p] is ' or ": past the closing quote (a doubled quote is content), or len. */
static size_t skip_quoted(const char *s, size_t len, size_t p)
{
    char q = s[p++];
    while (p < len) {
        if (s[p] == q) {
            if (p + 1 < len && s[p + 1] == q) {
                p += 2;
                continue;
            }
            return p + 1;
        }
        p++;
    }
    return len;
}

/* At "--": past the newline, or len. */
static size_t skip_line_comment(const char *s, size_t len, size_t p)
{
    while (p < len && s[p] != '\n')
        p++;
    return p < len ? p + 1 : len;
}

/* At slash-star: past the closing star-slash (Informix does not nest them), or len. */
static size_t skip_block_comment(const char *s, size_t len, size_t p)
{
    p += 2;
    while (p + 1 < len) {
        if (s[p] == '*' && s[p + 1] == '/')
            return p + 2;
        p++;
    }
    return len;
}

/* At '{' of a comment: past the first '}', or len (brace comments do not nest). */
static size_t skip_brace_comment(const char *s, size_t len, size_t p)
{
    while (p < len && s[p] != '}')
        p++;
    return p < len ? p + 1 : len;
}

enum esc_kind {
    EK_NONE,
    EK_D,
    EK_T,
    EK_TS,
    EK_FN,
    EK_OJ,
    EK_CALL,
    EK_RETCALL,
    EK_ESCAPE,
    EK_INTERVAL
};

static bool word_is(const char *s, size_t b, size_t e, const char *w)
{
    size_t n = strlen(w);
    return e - b == n && strncasecmp(s + b, w, n) == 0;
}

/* s[pos] == '{'. Classify; for an escape, *body is just after the keyword. */
static enum esc_kind classify(const char *s, size_t len, size_t pos, size_t *body)
{
    size_t p = skip_ws(s, len, pos + 1);
    if (p < len && s[p] == '?') {
        p = skip_ws(s, len, p + 1);
        if (p >= len || s[p] != '=')
            return EK_NONE;
        p = skip_ws(s, len, p + 1);
        size_t e = p;
        while (e < len && is_ident(s[e]))
            e++;
        if (!word_is(s, p, e, "call"))
            return EK_NONE;
        *body = e;
        return EK_RETCALL;
    }
    size_t e = p;
    while (e < len && is_ident(s[e]))
        e++;
    if (e == p)
        return EK_NONE;
    size_t r = skip_ws(s, len, e);
    char next = r < len ? s[r] : '\0';
    *body = e;
    if (word_is(s, p, e, "d") && next == '\'')
        return EK_D;
    if (word_is(s, p, e, "t") && next == '\'')
        return EK_T;
    if (word_is(s, p, e, "ts") && next == '\'')
        return EK_TS;
    if (word_is(s, p, e, "escape") && next == '\'')
        return EK_ESCAPE;
    if (word_is(s, p, e, "interval") && (next == '\'' || next == '-' || next == '+'))
        return EK_INTERVAL;
    if (word_is(s, p, e, "fn") && r > e && is_ident_start(next))
        return EK_FN;
    if (word_is(s, p, e, "call") && r > e && (is_ident_start(next) || next == '"'))
        return EK_CALL;
    if (word_is(s, p, e, "oj") && r > e)
        return EK_OJ;
    return EK_NONE;
}

size_t esc_count_markers(const char *sql, size_t len, size_t *offsets, size_t max_offsets)
{
    size_t n = 0, p = 0, body;
    while (p < len) {
        char c = sql[p];
        if (c == '\'' || c == '"') {
            p = skip_quoted(sql, len, p);
        } else if (c == '-' && p + 1 < len && sql[p + 1] == '-') {
            p = skip_line_comment(sql, len, p);
        } else if (c == '/' && p + 1 < len && sql[p + 1] == '*') {
            p = skip_block_comment(sql, len, p);
        } else if (c == '{') {
            /* An escape's braces are transparent for counting; a comment is skipped. */
            p = classify(sql, len, p, &body) == EK_NONE ? skip_brace_comment(sql, len, p) : p + 1;
        } else {
            if (c == '?') {
                if (offsets && n < max_offsets)
                    offsets[n] = p;
                n++;
            }
            p++;
        }
    }
    return n;
}

/* ---- translator ------------------------------------------------------- */

struct xl {
    const char *s;
    size_t len;
    size_t n_markers;
    bool ret;
    bool frac;
    bool failed;
    size_t err_off;
    int depth;
};

static enum esc_rc fail(struct xl *x, size_t off)
{
    if (!x->failed) { /* the innermost error is the most precise one */
        x->failed = true;
        x->err_off = off;
    }
    return ESC_SYNTAX;
}

static void put(struct sq_buf *b, const char *p, size_t n)
{
    sq_buf_append(b, p, n);
}

static void puts_(struct sq_buf *b, const char *z)
{
    sq_buf_append(b, z, strlen(z));
}

static enum esc_rc xl_escape(struct xl *x, size_t *pos, enum esc_kind k, size_t body,
                             struct sq_buf *out);

static bool in_stops(const char *stops, char c)
{
    return c != '\0' && strchr(stops, c) != NULL;
}

/* Translate s[*pos..] into out until a stop character: '}' (if in stops) stops
 * anywhere, other stop characters only outside parentheses. *pos is left at
 * the stop character, or at len. */
static enum esc_rc xl_until(struct xl *x, size_t *pos, const char *stops, struct sq_buf *out)
{
    const char *s = x->s;
    size_t len = x->len, p = *pos;
    int depth = 0;
    while (p < len) {
        char c = s[p];
        if (c == '}' && in_stops(stops, '}'))
            break;
        if (depth == 0 && in_stops(stops, c))
            break;
        size_t q;
        if (c == '\'' || c == '"') {
            q = skip_quoted(s, len, p);
        } else if (c == '-' && p + 1 < len && s[p + 1] == '-') {
            q = skip_line_comment(s, len, p);
        } else if (c == '/' && p + 1 < len && s[p + 1] == '*') {
            q = skip_block_comment(s, len, p);
        } else if (c == '{') {
            size_t body;
            enum esc_kind k = classify(s, len, p, &body);
            if (k != EK_NONE) {
                enum esc_rc rc = xl_escape(x, &p, k, body, out);
                if (rc != ESC_OK)
                    return rc;
                continue;
            }
            q = skip_brace_comment(s, len, p);
        } else {
            if (c == '?')
                x->n_markers++;
            else if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            q = p + 1;
        }
        put(out, s + p, q - p);
        p = q;
    }
    *pos = p;
    return ESC_OK;
}

/* ---- {d}, {t}, {ts} ----------------------------------------------------- */

/* Read 1..maxd decimal digits (at least mind) from lit at *i. */
static bool rd_num(const char *lit, size_t n, size_t *i, size_t mind, size_t maxd, unsigned *v)
{
    size_t k = 0;
    unsigned acc = 0;
    while (*i < n && k < maxd && lit[*i] >= '0' && lit[*i] <= '9') {
        acc = acc * 10 + (unsigned)(lit[*i] - '0');
        (*i)++;
        k++;
    }
    if (k < mind || (*i < n && lit[*i] >= '0' && lit[*i] <= '9'))
        return false;
    *v = acc;
    return true;
}

static bool rd_ch(const char *lit, size_t n, size_t *i, char c)
{
    if (*i < n && lit[*i] == c) {
        (*i)++;
        return true;
    }
    return false;
}

static unsigned days_in_month(unsigned y, unsigned m)
{
    static const unsigned char dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static bool rd_date(const char *lit, size_t n, size_t *i, unsigned *y, unsigned *m, unsigned *d)
{
    return rd_num(lit, n, i, 4, 4, y) && rd_ch(lit, n, i, '-') && rd_num(lit, n, i, 1, 2, m) &&
           rd_ch(lit, n, i, '-') && rd_num(lit, n, i, 1, 2, d) && *y >= 1 && *m >= 1 && *m <= 12 &&
           *d >= 1 && *d <= days_in_month(*y, *m);
}

/* hh:mm:ss[.f{1,9}] -> fraction digits into frac (padded/cut to 5). */
static bool rd_time(struct xl *x, const char *lit, size_t n, size_t *i, unsigned t[3], char frac[6],
                    bool *has_frac)
{
    if (!(rd_num(lit, n, i, 1, 2, &t[0]) && rd_ch(lit, n, i, ':') &&
          rd_num(lit, n, i, 1, 2, &t[1]) && rd_ch(lit, n, i, ':') &&
          rd_num(lit, n, i, 1, 2, &t[2]) && t[0] <= 23 && t[1] <= 59 && t[2] <= 59))
        return false;
    *has_frac = false;
    if (!rd_ch(lit, n, i, '.'))
        return true;
    size_t k = 0;
    bool lost = false;
    memcpy(frac, "00000", 6);
    while (*i < n && lit[*i] >= '0' && lit[*i] <= '9') {
        if (k < 5)
            frac[k] = lit[*i];
        else if (lit[*i] != '0')
            lost = true;
        k++;
        (*i)++;
    }
    if (k == 0 || k > 9)
        return false;
    if (lost)
        x->frac = true;
    *has_frac = true;
    return true;
}

static void put_2d(struct sq_buf *b, unsigned v)
{
    char t[2] = {(char)('0' + v / 10 % 10), (char)('0' + v % 10)};
    put(b, t, 2);
}

static void put_uint(struct sq_buf *b, unsigned v)
{
    char t[12];
    size_t k = sizeof t;
    do {
        t[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(b, t + k, sizeof t - k);
}

static enum esc_rc xl_datetime(struct xl *x, size_t open, size_t *pos, enum esc_kind k, size_t body,
                               struct sq_buf *out)
{
    const char *s = x->s;
    size_t p = skip_ws(s, x->len, body);
    if (p >= x->len || s[p] != '\'')
        return fail(x, open);
    size_t b = p + 1, e = b;
    while (e < x->len && s[e] != '\'')
        e++;
    if (e >= x->len)
        return fail(x, open);
    p = skip_ws(s, x->len, e + 1);
    if (p >= x->len || s[p] != '}')
        return fail(x, open);
    /* Trim spaces inside the quotes. */
    while (b < e && is_ws(s[b]))
        b++;
    while (e > b && is_ws(s[e - 1]))
        e--;
    const char *lit = s + b;
    size_t n = e - b, i = 0;
    unsigned y = 0, mo = 0, d = 0, t[3] = {0, 0, 0};
    char frac[6];
    bool has_frac = false;
    bool ok;
    if (k == EK_D) {
        ok = rd_date(lit, n, &i, &y, &mo, &d);
    } else if (k == EK_T) {
        ok = rd_time(x, lit, n, &i, t, frac, &has_frac);
    } else {
        ok = rd_date(lit, n, &i, &y, &mo, &d);
        size_t sp = i;
        while (i < n && lit[i] == ' ')
            i++;
        ok = ok && i > sp && rd_time(x, lit, n, &i, t, frac, &has_frac);
    }
    if (!ok || i != n)
        return fail(x, open);
    if (k == EK_D) {
        puts_(out, "MDY(");
        put_uint(out, mo);
        puts_(out, ", ");
        put_uint(out, d);
        puts_(out, ", ");
        put_uint(out, y);
        puts_(out, ")");
    } else {
        puts_(out, "DATETIME(");
        if (k == EK_TS) {
            char yb[4] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                          (char)('0' + y / 10 % 10), (char)('0' + y % 10)};
            put(out, yb, 4);
            puts_(out, "-");
            put_2d(out, mo);
            puts_(out, "-");
            put_2d(out, d);
            puts_(out, " ");
        }
        put_2d(out, t[0]);
        puts_(out, ":");
        put_2d(out, t[1]);
        puts_(out, ":");
        put_2d(out, t[2]);
        if (has_frac) {
            puts_(out, ".");
            put(out, frac, 5);
        }
        puts_(out, k == EK_TS ? ") YEAR TO " : ") HOUR TO ");
        puts_(out, has_frac ? "FRACTION(5)" : "SECOND");
    }
    *pos = p + 1;
    return ESC_OK;
}

/* ---- {fn ...} ------------------------------------------------------------ */

/* Templates: $1..$9 = that argument (trimmed), $* = all arguments joined by
 * ", ". No template uses an argument twice (a '?' in it would otherwise be
 * duplicated; test_odbc_escape checks this). */
struct fn_map {
    const char *odbc;
    unsigned char min, max;
    const char *tmpl;
};

static const struct fn_map fn_maps[] = {
    /* string */
    {"ASCII", 1, 1, "ASCII($1)"},
    {"CHAR", 1, 1, "CHR($1)"},
    {"CHAR_LENGTH", 1, 1, "CHAR_LENGTH($1)"},
    {"CHARACTER_LENGTH", 1, 1, "CHAR_LENGTH($1)"},
    {"CONCAT", 2, 2, "($1 || $2)"},
    {"LCASE", 1, 1, "LOWER($1)"},
    {"LEFT", 2, 2, "SUBSTR($1, 1, $2)"},
    {"LENGTH", 1, 1, "LENGTH($1)"},    /* both exclude trailing blanks */
    {"LOCATE", 2, 3, "CHARINDEX($*)"}, /* same argument order as LOCATE */
    {"LTRIM", 1, 1, "LTRIM($1)"},
    {"OCTET_LENGTH", 1, 1, "OCTET_LENGTH($1)"},
    {"REPLACE", 3, 3, "REPLACE($1, $2, $3)"},
    {"RIGHT", 2, 2, "RIGHT($1, $2)"},
    {"RTRIM", 1, 1, "RTRIM($1)"},
    {"SPACE", 1, 1, "LPAD(' ', $1)"},
    {"SUBSTRING", 2, 3, "SUBSTR($*)"},
    {"UCASE", 1, 1, "UPPER($1)"},
    /* numeric */
    {"ABS", 1, 1, "ABS($1)"},
    {"ACOS", 1, 1, "ACOS($1)"},
    {"ASIN", 1, 1, "ASIN($1)"},
    {"ATAN", 1, 1, "ATAN($1)"},
    {"ATAN2", 2, 2, "ATAN2($1, $2)"},
    {"CEILING", 1, 1, "CEIL($1)"},
    {"COS", 1, 1, "COS($1)"},
    {"COT", 1, 1, "(1 / TAN($1))"},
    {"DEGREES", 1, 1, "DEGREES($1)"},
    {"EXP", 1, 1, "EXP($1)"},
    {"FLOOR", 1, 1, "FLOOR($1)"},
    {"LOG", 1, 1, "LOGN($1)"},
    {"LOG10", 1, 1, "LOG10($1)"},
    {"MOD", 2, 2, "MOD($1, $2)"},
    {"PI", 0, 0, "3.14159265358979"},
    {"POWER", 2, 2, "POW($1, $2)"},
    {"RADIANS", 1, 1, "RADIANS($1)"},
    {"ROUND", 1, 2, "ROUND($*)"},
    {"SIGN", 1, 1, "SIGN($1)"},
    {"SIN", 1, 1, "SIN($1)"},
    {"SQRT", 1, 1, "SQRT($1)"},
    {"TAN", 1, 1, "TAN($1)"},
    {"TRUNCATE", 2, 2, "TRUNC($1, $2)"},
    /* date and time. HOUR/MINUTE/SECOND: Informix has no such functions;
     * EXTEND to the single field, then through CHAR to INTEGER (inferred from
     * the manual's cast rules, not checked on a server). */
    {"CURDATE", 0, 0, "TODAY"},
    {"CURRENT_DATE", 0, 0, "TODAY"},
    {"CURTIME", 0, 0, "CURRENT HOUR TO SECOND"},
    {"CURRENT_TIME", 0, 1, "CURRENT HOUR TO SECOND"},
    {"CURRENT_TIMESTAMP", 0, 1, "CURRENT YEAR TO FRACTION(5)"},
    {"DAYOFMONTH", 1, 1, "DAY($1)"},
    {"DAYOFWEEK", 1, 1, "(WEEKDAY($1) + 1)"}, /* ODBC: Sunday = 1; WEEKDAY: Sunday = 0 */
    {"HOUR", 1, 1, "CAST(CAST(EXTEND($1, HOUR TO HOUR) AS CHAR(2)) AS INTEGER)"},
    {"MINUTE", 1, 1, "CAST(CAST(EXTEND($1, MINUTE TO MINUTE) AS CHAR(2)) AS INTEGER)"},
    {"MONTH", 1, 1, "MONTH($1)"},
    {"NOW", 0, 0, "CURRENT YEAR TO FRACTION(5)"},
    {"QUARTER", 1, 1, "TRUNC((MONTH($1) + 2) / 3)"},
    {"SECOND", 1, 1, "CAST(CAST(EXTEND($1, SECOND TO SECOND) AS CHAR(2)) AS INTEGER)"},
    {"YEAR", 1, 1, "YEAR($1)"},
    /* system */
    {"DATABASE", 0, 0, "DBINFO('dbname')"},
    {"IFNULL", 2, 2, "NVL($1, $2)"},
    {"USER", 0, 0, "USER"},
};

/* CONVERT(x, SQL_type) target types; the SQL_ prefix is optional. */
static const struct {
    const char *odbc;
    const char *ifx;
} conv_types[] = {
    {"BIGINT", "BIGINT"},
    {"BIT", "SMALLINT"},
    {"CHAR", "LVARCHAR"},
    {"DATE", "DATE"},
    {"DECIMAL", "DECIMAL"},
    {"DOUBLE", "FLOAT"},
    {"FLOAT", "FLOAT"},
    {"GUID", "CHAR(36)"},
    {"INTEGER", "INTEGER"},
    {"LONGVARCHAR", "LVARCHAR"},
    {"NUMERIC", "DECIMAL"},
    {"REAL", "SMALLFLOAT"},
    {"SMALLINT", "SMALLINT"},
    {"TIME", "DATETIME HOUR TO SECOND"},
    {"TIMESTAMP", "DATETIME YEAR TO FRACTION(5)"},
    {"TINYINT", "SMALLINT"},
    {"TYPE_DATE", "DATE"},
    {"TYPE_TIME", "DATETIME HOUR TO SECOND"},
    {"TYPE_TIMESTAMP", "DATETIME YEAR TO FRACTION(5)"},
    {"VARCHAR", "LVARCHAR"},
    {"WCHAR", "LVARCHAR"},
    {"WLONGVARCHAR", "LVARCHAR"},
    {"WVARCHAR", "LVARCHAR"},
};

/* Arguments of one {fn} call: translated text in buf, spans (untrimmed). */
struct fn_args {
    struct sq_buf buf;
    size_t (*span)[2];
    size_t n, cap;
};

static void fn_args_fini(struct fn_args *a)
{
    sq_buf_fini(&a->buf);
    sq_free(a->span);
}

static bool fn_args_push(struct fn_args *a, size_t b, size_t e)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 8, bytes;
        if (!sq_size_mul(cap, sizeof a->span[0], &bytes))
            return false;
        void *p = sq_realloc(a->span, bytes);
        if (!p)
            return false;
        a->span = p;
        a->cap = cap;
    }
    a->span[a->n][0] = b;
    a->span[a->n][1] = e;
    a->n++;
    return true;
}

static void put_arg_trimmed(struct sq_buf *out, const struct fn_args *a, size_t i)
{
    const char *d = (const char *)a->buf.data;
    size_t b = a->span[i][0], e = a->span[i][1];
    while (b < e && is_ws(d[b]))
        b++;
    while (e > b && is_ws(d[e - 1]))
        e--;
    put(out, d + b, e - b);
}

static void expand(struct sq_buf *out, const char *tmpl, const struct fn_args *a)
{
    for (const char *t = tmpl; *t; t++) {
        if (t[0] == '$' && t[1] >= '1' && t[1] <= '9') {
            size_t i = (size_t)(t[1] - '1');
            if (i < a->n)
                put_arg_trimmed(out, a, i);
            t++;
        } else if (t[0] == '$' && t[1] == '*') {
            for (size_t i = 0; i < a->n; i++) {
                if (i)
                    puts_(out, ", ");
                put_arg_trimmed(out, a, i);
            }
            t++;
        } else {
            put(out, t, 1);
        }
    }
}

static bool arg_is(const struct fn_args *a, size_t i, const char **ifx)
{
    const char *d = (const char *)a->buf.data;
    size_t b = a->span[i][0], e = a->span[i][1];
    while (b < e && is_ws(d[b]))
        b++;
    while (e > b && is_ws(d[e - 1]))
        e--;
    if (e - b > 4 && strncasecmp(d + b, "SQL_", 4) == 0)
        b += 4;
    for (size_t k = 0; k < sizeof conv_types / sizeof conv_types[0]; k++) {
        if (word_is(d, b, e, conv_types[k].odbc)) {
            *ifx = conv_types[k].ifx;
            return true;
        }
    }
    return false;
}

static enum esc_rc xl_fn(struct xl *x, size_t open, size_t *pos, size_t body, struct sq_buf *out)
{
    const char *s = x->s;
    size_t len = x->len;
    size_t p = skip_ws(s, len, body);
    size_t nb = p;
    while (p < len && (is_ident(s[p]) || s[p] == '.'))
        p++;
    size_t ne = p;
    if (ne == nb)
        return fail(x, open);
    p = skip_ws(s, len, p);
    struct fn_args a = {SQ_BUF_INIT, NULL, 0, 0};
    bool parens = false;
    enum esc_rc rc = ESC_OK;
    if (p < len && s[p] == '(') {
        parens = true;
        p++;
        for (;;) {
            size_t b = a.buf.len;
            rc = xl_until(x, &p, ",)}", &a.buf);
            if (rc != ESC_OK)
                goto out;
            if (!fn_args_push(&a, b, a.buf.len)) {
                rc = ESC_NOMEM;
                goto out;
            }
            if (p >= len || s[p] == '}') {
                rc = fail(x, open);
                goto out;
            }
            if (s[p++] == ')')
                break;
        }
        if (!sq_buf_ok(&a.buf)) {
            rc = ESC_NOMEM;
            goto out;
        }
        /* "f()" has no arguments, not one empty one. */
        if (a.n == 1) {
            size_t i = a.span[0][0];
            while (i < a.span[0][1] && is_ws((char)a.buf.data[i]))
                i++;
            if (i == a.span[0][1])
                a.n = 0;
        }
        p = skip_ws(s, len, p);
    }
    if (p >= len || s[p] != '}') {
        rc = fail(x, open);
        goto out;
    }
    *pos = p + 1;

    const struct fn_map *m = NULL;
    for (size_t i = 0; i < sizeof fn_maps / sizeof fn_maps[0]; i++)
        if (word_is(s, nb, ne, fn_maps[i].odbc))
            m = &fn_maps[i];
    if (word_is(s, nb, ne, "CONVERT")) {
        const char *ifx = NULL;
        if (a.n != 2 || !arg_is(&a, 1, &ifx)) {
            rc = fail(x, open);
            goto out;
        }
        puts_(out, "CAST(");
        put_arg_trimmed(out, &a, 0);
        puts_(out, " AS ");
        puts_(out, ifx);
        puts_(out, ")");
    } else if (m) {
        if (a.n < m->min || a.n > m->max) {
            rc = fail(x, open);
            goto out;
        }
        expand(out, m->tmpl, &a);
    } else {
        /* Unknown: pass through as written (arguments translated). */
        put(out, s + nb, ne - nb);
        if (parens) {
            puts_(out, "(");
            for (size_t i = 0; i < a.n; i++) {
                if (i)
                    puts_(out, ",");
                put(out, (const char *)a.buf.data + a.span[i][0], a.span[i][1] - a.span[i][0]);
            }
            puts_(out, ")");
        }
    }
out:
    fn_args_fini(&a);
    return rc;
}

/* ---- {oj}, {call}, {escape}, {interval} --------------------------------- */

static void put_trimmed(struct sq_buf *out, const struct sq_buf *b)
{
    const char *d = (const char *)b->data;
    size_t s = 0, e = b->len;
    while (s < e && is_ws(d[s]))
        s++;
    while (e > s && is_ws(d[e - 1]))
        e--;
    put(out, d + s, e - s);
}

static enum esc_rc xl_oj(struct xl *x, size_t open, size_t *pos, size_t body, struct sq_buf *out)
{
    struct sq_buf b = SQ_BUF_INIT;
    size_t p = body;
    enum esc_rc rc = xl_until(x, &p, "}", &b);
    if (rc == ESC_OK && p >= x->len)
        rc = fail(x, open);
    if (rc == ESC_OK && !sq_buf_ok(&b))
        rc = ESC_NOMEM;
    if (rc == ESC_OK) {
        put_trimmed(out, &b);
        *pos = p + 1;
    }
    sq_buf_fini(&b);
    return rc;
}

static enum esc_rc xl_call(struct xl *x, size_t open, size_t *pos, size_t body, bool ret,
                           struct sq_buf *out)
{
    const char *s = x->s;
    size_t len = x->len, p = body;
    struct sq_buf name = SQ_BUF_INIT, args = SQ_BUF_INIT;
    enum esc_rc rc = xl_until(x, &p, "(}", &name);
    if (rc != ESC_OK)
        goto out;
    bool parens = p < len && s[p] == '(';
    if (parens) {
        p++;
        rc = xl_until(x, &p, ")}", &args);
        if (rc != ESC_OK)
            goto out;
        if (p >= len || s[p] != ')') {
            rc = fail(x, open);
            goto out;
        }
        p = skip_ws(s, len, p + 1);
    }
    if (p >= len || s[p] != '}') {
        rc = fail(x, open);
        goto out;
    }
    if (!sq_buf_ok(&name) || !sq_buf_ok(&args)) {
        rc = ESC_NOMEM;
        goto out;
    }
    bool empty = true;
    for (size_t i = 0; i < name.len && empty; i++)
        empty = is_ws((char)name.data[i]);
    if (empty) {
        rc = fail(x, open);
        goto out;
    }
    if (ret)
        x->ret = true;
    puts_(out, ret ? "EXECUTE FUNCTION " : "EXECUTE PROCEDURE ");
    put_trimmed(out, &name);
    puts_(out, "(");
    put_trimmed(out, &args);
    puts_(out, ")");
    *pos = p + 1;
out:
    sq_buf_fini(&name);
    sq_buf_fini(&args);
    return rc;
}

static enum esc_rc xl_like_escape(struct xl *x, size_t open, size_t *pos, size_t body,
                                  struct sq_buf *out)
{
    const char *s = x->s;
    size_t p = skip_ws(s, x->len, body);
    if (p >= x->len || s[p] != '\'')
        return fail(x, open);
    size_t e = skip_quoted(s, x->len, p);
    if (e >= x->len || s[e - 1] != '\'' || e - p < 3)
        return fail(x, open);
    size_t q = skip_ws(s, x->len, e);
    if (q >= x->len || s[q] != '}')
        return fail(x, open);
    puts_(out, "ESCAPE ");
    put(out, s + p, e - p);
    *pos = q + 1;
    return ESC_OK;
}

static const char *const iv_fields[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"};

/* A field name at *p (with optional "(n[, m])" precision); -1 if none. */
static int rd_field(const char *s, size_t len, size_t *p, unsigned *prec, bool *has_prec)
{
    size_t b = skip_ws(s, len, *p), e = b;
    while (e < len && is_ident(s[e]))
        e++;
    int f = -1;
    for (int i = 0; i < 6; i++)
        if (word_is(s, b, e, iv_fields[i]))
            f = i;
    if (f < 0)
        return -1;
    size_t q = skip_ws(s, len, e);
    *has_prec = false;
    if (q < len && s[q] == '(') {
        q = skip_ws(s, len, q + 1);
        size_t i = q;
        unsigned v = 0;
        if (!rd_num(s, len, &i, 1, 2, &v))
            return -1;
        q = skip_ws(s, len, i);
        if (q < len && s[q] == ',') { /* fractional precision: ignored, from the value */
            q = skip_ws(s, len, q + 1);
            i = q;
            unsigned fp;
            if (!rd_num(s, len, &i, 1, 2, &fp))
                return -1;
            q = skip_ws(s, len, i);
        }
        if (q >= len || s[q] != ')')
            return -1;
        *prec = v;
        *has_prec = true;
        e = q + 1;
    }
    *p = e;
    return f;
}

static enum esc_rc xl_interval(struct xl *x, size_t open, size_t *pos, size_t body,
                               struct sq_buf *out)
{
    const char *s = x->s;
    size_t len = x->len, p = skip_ws(s, len, body);
    bool neg = false;
    if (p < len && (s[p] == '-' || s[p] == '+')) {
        neg = s[p] == '-';
        p = skip_ws(s, len, p + 1);
    }
    if (p >= len || s[p] != '\'')
        return fail(x, open);
    size_t vb = p + 1, ve = vb;
    while (ve < len && s[ve] != '\'')
        ve++;
    if (ve >= len)
        return fail(x, open);
    p = ve + 1;
    while (vb < ve && is_ws(s[vb]))
        vb++;
    while (ve > vb && is_ws(s[ve - 1]))
        ve--;
    if (vb < ve && s[vb] == '-') { /* sign inside the quotes */
        neg = !neg;
        vb++;
    }
    if (vb == ve)
        return fail(x, open);
    size_t lead = 0, dot = 0, fdig = 0;
    bool in_lead = true;
    for (size_t i = vb; i < ve; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (in_lead)
                lead++;
            if (dot)
                fdig++;
        } else if (c == ' ' || c == ':' || c == '-') {
            in_lead = false;
            if (dot)
                return fail(x, open);
        } else if (c == '.' && !dot) {
            in_lead = false;
            dot = i;
        } else {
            return fail(x, open);
        }
    }
    unsigned prec = 0, prec2 = 0;
    bool has_prec = false, has_prec2 = false;
    int f1 = rd_field(s, len, &p, &prec, &has_prec), f2 = f1;
    if (f1 < 0)
        return fail(x, open);
    size_t q = skip_ws(s, len, p);
    if (q + 2 <= len && strncasecmp(s + q, "TO", 2) == 0 && (q + 2 == len || !is_ident(s[q + 2]))) {
        p = q + 2;
        f2 = rd_field(s, len, &p, &prec2, &has_prec2);
        /* Informix keeps year-month and day-time intervals apart. */
        if (f2 < 0 || f2 <= f1 || (f1 <= 1 && f2 >= 2))
            return fail(x, open);
    }
    q = skip_ws(s, len, p);
    if (q >= len || s[q] != '}')
        return fail(x, open);
    if (lead == 0 || lead > 9 || (has_prec && (prec < 1 || prec > 9)))
        return fail(x, open);
    if (dot && f2 != 5)
        return fail(x, open); /* a fraction only with SECOND as the last field */
    /* Keep at most 5 fraction digits (Informix FRACTION(5)). */
    size_t keep = ve;
    if (dot && fdig > 5) {
        keep = dot + 1 + 5;
        for (size_t i = keep; i < ve; i++)
            if (s[i] != '0')
                x->frac = true;
    }
    unsigned defp = f1 == 0 ? 4 : 2;
    if (!has_prec && lead > defp) {
        prec = (unsigned)lead;
        has_prec = true;
    }
    puts_(out, "INTERVAL(");
    if (neg)
        puts_(out, "-");
    put(out, s + vb, keep - vb);
    puts_(out, ") ");
    puts_(out, iv_fields[f1]);
    if (has_prec) {
        puts_(out, "(");
        put_uint(out, prec);
        puts_(out, ")");
    }
    puts_(out, " TO ");
    if (dot) {
        puts_(out, "FRACTION(");
        put_uint(out, (unsigned)(fdig > 5 ? 5 : fdig ? fdig : 1));
        puts_(out, ")");
    } else {
        puts_(out, iv_fields[f2]);
    }
    *pos = q + 1;
    return ESC_OK;
}

static enum esc_rc xl_escape(struct xl *x, size_t *pos, enum esc_kind k, size_t body,
                             struct sq_buf *out)
{
    size_t open = *pos;
    if (x->depth >= ESC_MAX_DEPTH)
        return fail(x, open);
    x->depth++;
    enum esc_rc rc;
    switch (k) {
    case EK_D:
    case EK_T:
    case EK_TS:
        rc = xl_datetime(x, open, pos, k, body, out);
        break;
    case EK_FN:
        rc = xl_fn(x, open, pos, body, out);
        break;
    case EK_OJ:
        rc = xl_oj(x, open, pos, body, out);
        break;
    case EK_CALL:
    case EK_RETCALL:
        rc = xl_call(x, open, pos, body, k == EK_RETCALL, out);
        break;
    case EK_ESCAPE:
        rc = xl_like_escape(x, open, pos, body, out);
        break;
    case EK_INTERVAL:
        rc = xl_interval(x, open, pos, body, out);
        break;
    case EK_NONE:
    default:
        rc = fail(x, open);
        break;
    }
    x->depth--;
    return rc;
}

void esc_result_init(struct esc_result *res)
{
    memset(res, 0, sizeof *res);
}

void esc_result_fini(struct esc_result *res)
{
    if (!res)
        return;
    str_fini(&res->sql);
    esc_result_init(res);
}

enum esc_rc esc_translate(const char *sql, size_t len, struct esc_result *res)
{
    esc_result_fini(res);
    struct xl x = {sql, len, 0, false, false, false, 0, 0};
    struct sq_buf out = SQ_BUF_INIT;
    size_t p = 0;
    enum esc_rc rc = xl_until(&x, &p, "", &out);
    if (rc == ESC_OK && !sq_buf_ok(&out))
        rc = ESC_NOMEM;
    if (rc == ESC_OK &&
        str_set(&res->sql, out.len ? (const char *)out.data : "", out.len) != ENC_OK)
        rc = ESC_NOMEM;
    sq_buf_fini(&out);
    if (rc != ESC_OK) {
        res->err_off = x.err_off;
        return rc;
    }
    /* Count on the output: exact even when a template drops an argument. */
    res->n_markers = esc_count_markers(res->sql.p, res->sql.len, NULL, 0);
    res->has_return_value = x.ret;
    res->fraction_truncated = x.frac;
    return ESC_OK;
}
