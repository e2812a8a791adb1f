/* SPDX-License-Identifier: MIT */
/* srv_charset.c - ifxlite's database code sets: locale names, iconv at the
 * wire boundary, byte lengths in the database code set, and the locale
 * stored in each database file (srv_charset.h). */
#include "srv_charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sq_alloc.h"

/* GLS code set of a locale: by number or by name (lower case, without '-'
 * and '_'). */
static const struct {
    int csid;
    const char *name;
    const char *alt;
    const char *iconv;
    bool single; /* one byte per character */
} codesets[] = {
    {57372, "utf8", "unicode", "UTF-8", false},
    {819, "88591", "iso88591", "ISO-8859-1", true},
    {912, "88592", "iso88592", "ISO-8859-2", true},
    {915, "88595", "iso88595", "ISO-8859-5", true},
    {813, "88597", "iso88597", "ISO-8859-7", true},
    {57391, "885915", "iso885915", "ISO-8859-15", true},
    {1250, "cp1250", "windows1250", "CP1250", true},
    {1251, "cp1251", "windows1251", "CP1251", true},
    {1252, "cp1252", "windows1252", "CP1252", true},
    {364, "ascii", "usascii", "ASCII", true},
    {850, "pclatin1", "cp850", "CP850", true},
    {932, "sjis", "sjiss", "CP932", false},
    {950, "big5", "cp950", "CP950", false},
    {57357, "gb", "cp936", "CP936", false},
    {57356, "ksc", "cp949", "CP949", false},
    {5488, "gb18030", "gb180302000", "GB18030", false},
};

static int find_codeset(const char *locale)
{
    if (!locale)
        return -1;
    const char *dot = strrchr(locale, '.');
    const char *p = dot ? dot + 1 : locale;
    char key[32];
    size_t k = 0;
    for (; *p && *p != '@'; p++) {
        if (*p == '-' || *p == '_')
            continue;
        if (k + 1 >= sizeof key)
            return -1;
        key[k++] = (char)tolower((unsigned char)*p);
    }
    key[k] = '\0';
    if (k == 0)
        return -1;
    bool digits = strspn(key, "0123456789") == k;
    int num = digits ? atoi(key) : -1;
    for (size_t i = 0; i < sizeof codesets / sizeof codesets[0]; i++) {
        if (digits && codesets[i].csid == num)
            return (int)i;
    }
    /* names, some of them all digits once normalised ("8859-1" is "88591") */
    for (size_t i = 0; i < sizeof codesets / sizeof codesets[0]; i++) {
        if (strcmp(codesets[i].name, key) == 0 || strcmp(codesets[i].alt, key) == 0)
            return (int)i;
    }
    return -1;
}

bool srv_cs_codeset(const char *locale, char *iconv_name, size_t cap)
{
    int i = find_codeset(locale);
    if (i < 0)
        return false;
    snprintf(iconv_name, cap, "%s", codesets[i].iconv);
    return true;
}

bool srv_cs_same(const char *a, const char *b)
{
    int x = find_codeset(a), y = find_codeset(b);
    return x >= 0 && x == y;
}

struct srv_cs {
    int idx;
    iconv_t in;  /* db -> UTF-8 */
    iconv_t out; /* UTF-8 -> db */
};

void srv_cs_free(struct srv_cs *cs)
{
    if (!cs)
        return;
    if (cs->in != (iconv_t)-1)
        iconv_close(cs->in);
    if (cs->out != (iconv_t)-1)
        iconv_close(cs->out);
    sq_free(cs);
}

int srv_cs_open(const char *locale, struct srv_cs **out)
{
    *out = NULL;
    int i = find_codeset(locale);
    if (i < 0)
        return -1;
    if (strcmp(codesets[i].iconv, "UTF-8") == 0)
        return 0;
    struct srv_cs *cs = sq_calloc(1, sizeof *cs);
    if (!cs)
        return -1;
    cs->idx = i;
    cs->in = iconv_open("UTF-8", codesets[i].iconv);
    cs->out = iconv_open(codesets[i].iconv, "UTF-8");
    if (cs->in == (iconv_t)-1 || cs->out == (iconv_t)-1) {
        srv_cs_free(cs);
        return -1;
    }
    *out = cs;
    return 0;
}

static bool ascii_only(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 0x80)
            return false;
    return true;
}

static int convert(iconv_t cd, const char *p, size_t n, struct sq_buf *b, const char **o,
                   size_t *on)
{
    (void)iconv(cd, NULL, NULL, NULL, NULL);
    sq_buf_reset(b);
    if (!sq_buf_reserve(b, n * 4 + 8))
        return -1;
    char *ip;
    memcpy(&ip, &p, sizeof ip); /* iconv only reads its input */
    char *op = (char *)b->data;
    size_t il = n, ol = b->cap - 1;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
        iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
        return -1;
    b->len = (size_t)(op - (char *)b->data);
    b->data[b->len] = 0;
    *o = (const char *)b->data;
    *on = b->len;
    return 0;
}

int srv_cs_in(struct srv_cs *cs, const char *p, size_t n, struct sq_buf *b, const char **o,
              size_t *on)
{
    *o = p;
    *on = n;
    if (!cs || ascii_only(p, n))
        return 0;
    return convert(cs->in, p, n, b, o, on);
}

int srv_cs_out(struct srv_cs *cs, const char *p, size_t n, struct sq_buf *b, const char **o,
               size_t *on)
{
    *o = p;
    *on = n;
    if (!cs || ascii_only(p, n))
        return 0;
    return convert(cs->out, p, n, b, o, on);
}

/* ---- lengths in the database code set ---- */

static _Thread_local struct srv_cs *current;

void srv_cs_set_current(struct srv_cs *cs)
{
    current = cs;
}

/* Bytes of the UTF-8 sequence starting with lead byte c (1 for junk). */
static size_t seq_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

/* Bytes one UTF-8 character takes in the current code set. */
static size_t char_db_len(const char *p, size_t k)
{
    if (k == 1 && (unsigned char)p[0] < 0x80)
        return 1;
    if (!current)
        return k;
    if (codesets[current->idx].single)
        return 1;
    char out[16];
    char *ip, *op = out;
    memcpy(&ip, &p, sizeof ip);
    size_t il = k, ol = sizeof out;
    (void)iconv(current->out, NULL, NULL, NULL, NULL);
    if (iconv(current->out, &ip, &il, &op, &ol) == (size_t)-1)
        return k;
    return sizeof out - ol;
}

size_t srv_cs_fit(const char *p, size_t n, size_t max, size_t *db_len)
{
    size_t i = 0, total = 0, cut = 0;
    bool cut_set = false;
    while (i < n) {
        size_t k = seq_len((unsigned char)p[i]);
        if (k > n - i)
            k = n - i;
        size_t w = char_db_len(p + i, k);
        if (!cut_set && total + w > max) {
            cut = i;
            cut_set = true;
        }
        total += w;
        i += k;
    }
    *db_len = total;
    return cut_set ? cut : n;
}

/* ---- locale metadata ---- */

int srv_cs_store_locale(sqlite3 *db, const char *locale)
{
    if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS ifxlite_locale (locale TEXT NOT NULL)", NULL,
                     NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "DELETE FROM ifxlite_locale", NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO ifxlite_locale VALUES (?)", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, locale, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return rc;
}

void srv_cs_read_locale(sqlite3 *db, char *out, size_t cap)
{
    snprintf(out, cap, "%s", SRV_DEFAULT_LOCALE);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT locale FROM ifxlite_locale LIMIT 1", -1, &st, NULL) !=
        SQLITE_OK)
        return; /* a database made before locales were stored: UTF-8 */
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* ---- per connection ---- */

void srv_cs_conn_init(struct srv_cs_conn *x)
{
    x->cs = NULL;
    x->locale[0] = '\0';
    sq_buf_init(&x->buf);
}

void srv_cs_conn_fini(struct srv_cs_conn *x)
{
    srv_cs_free(x->cs);
    x->cs = NULL;
    sq_buf_fini(&x->buf);
    srv_cs_set_current(NULL);
}

void srv_cs_conn_sync(struct srv_cs_conn *x, const char *db_locale)
{
    if (!db_locale)
        db_locale = "";
    if (strcmp(x->locale, db_locale) != 0) {
        srv_cs_free(x->cs);
        x->cs = NULL;
        if (db_locale[0] && srv_cs_open(db_locale, &x->cs) != 0)
            x->cs = NULL; /* unknown: stored by a newer ifxlite; bytes pass unchanged */
        snprintf(x->locale, sizeof x->locale, "%s", db_locale);
    }
    srv_cs_set_current(x->cs);
}
