/* SPDX-License-Identifier: MIT */
/* charset.c - Informix locale names -> iconv code sets, and UTF-8 <->
 * database code set conversion (charset.h part 1). Pure: no handles. Single
 * byte code sets use tables built once with iconv; multibyte ones call iconv. */
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "sq_alloc.h"

/* ---- locale names -------------------------------------------------------- */

struct cs_entry {
    const char *names; /* normalised names (lower case, no '-' '_'), '|' separated */
    uint16_t csid;
    const char *iconv_name;
    enum cs_kind kind;
};

/* GLS code set names and numbers (the numbers as in LIB's table and IBM's
 * registry). Names are compared after normalisation. */
static const struct cs_entry cs_table[] = {
    {"utf8|unicode", 57372, "UTF-8", CS_K_UTF8},
    {"88591|iso88591|latin1", 819, "ISO-8859-1", CS_K_SBCS},
    {"88592|iso88592|latin2", 912, "ISO-8859-2", CS_K_SBCS},
    {"88595|iso88595", 915, "ISO-8859-5", CS_K_SBCS},
    {"88597|iso88597", 813, "ISO-8859-7", CS_K_SBCS},
    {"88598|iso88598", 916, "ISO-8859-8", CS_K_SBCS},
    {"88599|iso88599", 920, "ISO-8859-9", CS_K_SBCS},
    {"885915|iso885915|latin9", 57391, "ISO-8859-15", CS_K_SBCS},
    {"cp1250|windows1250", 1250, "CP1250", CS_K_SBCS},
    {"cp1251|windows1251", 1251, "CP1251", CS_K_SBCS},
    {"cp1252|windows1252", 1252, "CP1252", CS_K_SBCS},
    {"cp1253|windows1253", 1253, "CP1253", CS_K_SBCS},
    {"cp1254|windows1254", 1254, "CP1254", CS_K_SBCS},
    {"cp1255|windows1255", 1255, "CP1255", CS_K_SBCS},
    {"cp1256|windows1256", 1256, "CP1256", CS_K_SBCS},
    {"cp1257|windows1257", 1257, "CP1257", CS_K_SBCS},
    {"pcusa|cp437", 437, "CP437", CS_K_SBCS},
    {"pclatin1|cp850", 850, "CP850", CS_K_SBCS},
    {"koi8r", 878, "KOI8-R", CS_K_SBCS},
    {"ascii|usascii", 364, "ASCII", CS_K_SBCS},
    {"sjis|sjiss|cp932|shiftjis", 932, "CP932", CS_K_MBCS},
    {"ujis|eucjp", 0, "EUC-JP", CS_K_MBCS},
    {"big5|cp950", 950, "CP950", CS_K_MBCS},
    {"gb|gb2312|gb231280|cp936|gbk", 57357, "CP936", CS_K_MBCS},
    {"ksc|ksc5601|cp949|euckr", 57356, "CP949", CS_K_MBCS},
    {"gb18030|gb180302000", 5488, "GB18030", CS_K_MBCS},
};

/* Lower-case s[0..n) without '-' and '_' into out (cap bytes); false if long. */
static bool normalise(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '-' || c == '_')
            continue;
        if (o + 1 >= cap)
            return false;
        out[o++] = (char)tolower(c);
    }
    out[o] = '\0';
    return o > 0;
}

static bool name_in(const char *names, const char *key)
{
    size_t kl = strlen(key);
    const char *p = names;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == kl && memcmp(p, key, l) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

bool charset_parse_locale(const char *locale, struct cs_locale *out)
{
    if (!locale)
        return false;
    /* language_territory.codeset[@modifier]; a bare code set is accepted */
    const char *dot = strrchr(locale, '.');
    const char *cs = dot ? dot + 1 : locale;
    const char *at = strchr(cs, '@');
    size_t n = at ? (size_t)(at - cs) : strlen(cs);
    char key[40];
    if (!normalise(cs, n, key, sizeof key))
        return false;
    char *end = NULL;
    long num = strtol(key, &end, 10);
    bool numeric = end && *end == '\0' && key[0] >= '0' && key[0] <= '9';
    for (size_t i = 0; i < sizeof cs_table / sizeof cs_table[0]; i++) {
        const struct cs_entry *e = &cs_table[i];
        if (numeric && e->csid != 0 && num == (long)e->csid) {
            snprintf(out->iconv_name, sizeof out->iconv_name, "%s", e->iconv_name);
            out->kind = e->kind;
            out->csid = e->csid;
            return true;
        }
    }
    /* by name; "8859-1" normalises to the all-digit "88591" */
    for (size_t i = 0; i < sizeof cs_table / sizeof cs_table[0]; i++) {
        const struct cs_entry *e = &cs_table[i];
        if (name_in(e->names, key)) {
            snprintf(out->iconv_name, sizeof out->iconv_name, "%s", e->iconv_name);
            out->kind = e->kind;
            out->csid = e->csid;
            return true;
        }
    }
    return false;
}

bool charset_same_codeset(const char *a, const char *b)
{
    struct cs_locale la, lb;
    return charset_parse_locale(a, &la) && charset_parse_locale(b, &lb) &&
           strcmp(la.iconv_name, lb.iconv_name) == 0;
}

/* ---- converters ---------------------------------------------------------- */

#define CS_NONE 0xFFFFFFFFu

struct cs_hi {
    uint32_t cp;
    uint8_t b;
};

struct charset {
    struct cs_locale loc;
    bool ascii_ok;   /* bytes 00..7F are ASCII both ways */
    unsigned factor; /* UTF-8 bytes per database byte at most */
    /* single byte */
    uint32_t dec[256];    /* byte -> code point, CS_NONE if undefined */
    struct cs_hi hi[256]; /* code point >= 0x80 -> byte, sorted by cp */
    size_t nhi;
    /* multibyte */
    iconv_t to_db;
    iconv_t from_db;
};

static int hi_cmp(const void *a, const void *b)
{
    const struct cs_hi *x = a, *y = b;
    return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/* Decode one byte through iconv (to UTF-32BE); CS_NONE if undefined. */
static uint32_t sbcs_decode_one(iconv_t cd, unsigned char byte)
{
    char in[1] = {(char)byte};
    unsigned char outb[8];
    char *ip = in, *op = (char *)outb;
    size_t il = 1, ol = sizeof outb;
    (void)iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 || sizeof outb - ol != 4)
        return CS_NONE;
    return (uint32_t)outb[0] << 24 | (uint32_t)outb[1] << 16 | (uint32_t)outb[2] << 8 | outb[3];
}

static size_t utf8_width(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static enum cs_rc build_sbcs(struct charset *cs)
{
    iconv_t cd = iconv_open("UTF-32BE", cs->loc.iconv_name);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? CS_NOMEM : CS_UNKNOWN;
    cs->ascii_ok = true;
    cs->factor = 1;
    cs->nhi = 0;
    for (unsigned b = 0; b < 256; b++) {
        uint32_t cp = sbcs_decode_one(cd, (unsigned char)b);
        cs->dec[b] = cp;
        if (b < 0x80 && cp != b)
            cs->ascii_ok = false;
        if (cp == CS_NONE)
            continue;
        if (utf8_width(cp) > cs->factor)
            cs->factor = (unsigned)utf8_width(cp);
        if (cp >= 0x80) {
            cs->hi[cs->nhi].cp = cp;
            cs->hi[cs->nhi].b = (uint8_t)b;
            cs->nhi++;
        }
    }
    iconv_close(cd);
    qsort(cs->hi, cs->nhi, sizeof cs->hi[0], hi_cmp);
    return CS_OK;
}

static enum cs_rc build_mbcs(struct charset *cs)
{
    cs->to_db = iconv_open(cs->loc.iconv_name, "UTF-8");
    if (cs->to_db == (iconv_t)-1)
        return errno == ENOMEM ? CS_NOMEM : CS_UNKNOWN;
    cs->from_db = iconv_open("UTF-8", cs->loc.iconv_name);
    if (cs->from_db == (iconv_t)-1)
        return errno == ENOMEM ? CS_NOMEM : CS_UNKNOWN;
    /* ASCII-compatible when 00..7F decode to themselves */
    char in[128], outb[512];
    for (int i = 0; i < 128; i++)
        in[i] = (char)i;
    char *ip = in, *op = outb;
    size_t il = sizeof in, ol = sizeof outb;
    cs->ascii_ok = iconv(cs->from_db, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
                   sizeof outb - ol == sizeof in && memcmp(in, outb, sizeof in) == 0;
    (void)iconv(cs->from_db, NULL, NULL, NULL, NULL);
    cs->factor = 3; /* e.g. a one-byte half-width katakana is 3 bytes in UTF-8 */
    return CS_OK;
}

enum cs_rc charset_open(const char *db_locale, struct charset **out)
{
    *out = NULL;
    struct cs_locale loc;
    if (!charset_parse_locale(db_locale, &loc))
        return CS_UNKNOWN;
    if (loc.kind == CS_K_UTF8)
        return CS_OK;
    struct charset *cs = sq_calloc(1, sizeof *cs);
    if (!cs)
        return CS_NOMEM;
    cs->loc = loc;
    cs->to_db = (iconv_t)-1;
    cs->from_db = (iconv_t)-1;
    enum cs_rc rc = loc.kind == CS_K_SBCS ? build_sbcs(cs) : build_mbcs(cs);
    if (rc != CS_OK) {
        charset_free(cs);
        return rc;
    }
    *out = cs;
    return CS_OK;
}

void charset_free(struct charset *cs)
{
    if (!cs)
        return;
    if (cs->to_db != (iconv_t)-1)
        iconv_close(cs->to_db);
    if (cs->from_db != (iconv_t)-1)
        iconv_close(cs->from_db);
    sq_free(cs);
}

const char *charset_name(const struct charset *cs)
{
    return cs ? cs->loc.iconv_name : "UTF-8";
}

unsigned charset_utf8_factor(const struct charset *cs)
{
    return cs ? cs->factor : 1;
}

void charset_buf_fini(struct cs_buf *b)
{
    if (!b)
        return;
    sq_free(b->p);
    b->p = NULL;
    b->cap = 0;
}

static bool buf_reserve(struct cs_buf *b, size_t need)
{
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    char *p = sq_realloc(b->p, cap);
    if (!p)
        return false;
    b->p = p;
    b->cap = cap;
    return true;
}

bool charset_is_passthrough(const struct charset *cs, const char *p, size_t n)
{
    if (!cs)
        return true;
    if (!cs->ascii_ok)
        return n == 0;
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    /* eight bytes at a time while no high bit is set */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            return false;
    }
    for (; i < n; i++)
        if (s[i] & 0x80)
            return false;
    return true;
}

static const struct cs_hi *hi_find(const struct charset *cs, uint32_t cp)
{
    struct cs_hi key = {cp, 0};
    return bsearch(&key, cs->hi, cs->nhi, sizeof cs->hi[0], hi_cmp);
}

/* iconv p[0..n) into b; on EILSEQ/EINVAL *bad_off is the input offset. */
static enum cs_rc run_iconv(iconv_t cd, const char *p, size_t n, size_t grow, struct cs_buf *b,
                            size_t *out_len, size_t *bad_off)
{
    (void)iconv(cd, NULL, NULL, NULL, NULL);
    size_t need = n * grow + 16;
    if (!buf_reserve(b, need))
        return CS_NOMEM;
    char *ip, *op = b->p;
    memcpy(&ip, &p, sizeof ip); /* iconv's prototype wants char **; it only reads */
    size_t il = n, ol = b->cap - 1;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            break;
        if (errno == E2BIG) {
            size_t used = (size_t)(op - b->p);
            if (!buf_reserve(b, b->cap * 2))
                return CS_NOMEM;
            op = b->p + used;
            ol = b->cap - 1 - used;
            continue;
        }
        if (bad_off)
            *bad_off = (size_t)(ip - p);
        return CS_INVALID;
    }
    /* flush a shift state, if any */
    for (;;) {
        if (iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1)
            break;
        size_t used = (size_t)(op - b->p);
        if (errno != E2BIG || !buf_reserve(b, b->cap * 2))
            return CS_NOMEM;
        op = b->p + used;
        ol = b->cap - 1 - used;
    }
    *out_len = (size_t)(op - b->p);
    b->p[*out_len] = '\0';
    return CS_OK;
}

enum cs_rc charset_to_db(struct charset *cs, const char *p, size_t n, struct cs_buf *b,
                         const char **out, size_t *out_len, size_t *bad_off, uint32_t *bad_cp)
{
    if (charset_is_passthrough(cs, p, n)) {
        *out = p;
        *out_len = n;
        return CS_OK;
    }
    if (cs->loc.kind == CS_K_SBCS) {
        if (!buf_reserve(b, n + 1))
            return CS_NOMEM;
        size_t i = 0, o = 0;
        while (i < n) {
            uint32_t cp;
            bool ok;
            size_t k = enc_utf8_next(p + i, n - i, &cp, &ok);
            int byte = -1;
            if (ok && cp < 0x80 && cs->ascii_ok)
                byte = (int)cp;
            else if (ok) {
                const struct cs_hi *h = cp < 0x80 ? NULL : hi_find(cs, cp);
                if (h)
                    byte = h->b;
                else
                    for (unsigned x = 0; x < 0x80 && byte < 0; x++)
                        if (cs->dec[x] == cp)
                            byte = (int)x;
            }
            if (byte < 0) {
                if (bad_off)
                    *bad_off = i;
                if (bad_cp)
                    *bad_cp = ok ? cp : 0xFFFDu;
                return CS_UNMAPPABLE;
            }
            b->p[o++] = (char)byte;
            i += k;
        }
        b->p[o] = '\0';
        *out = b->p;
        *out_len = o;
        return CS_OK;
    }
    size_t off = 0, len = 0;
    enum cs_rc rc = run_iconv(cs->to_db, p, n, 2, b, &len, &off);
    if (rc == CS_INVALID) {
        uint32_t cp;
        bool ok;
        (void)enc_utf8_next(p + off, n - off, &cp, &ok);
        if (bad_off)
            *bad_off = off;
        if (bad_cp)
            *bad_cp = ok ? cp : 0xFFFDu;
        return CS_UNMAPPABLE;
    }
    if (rc != CS_OK)
        return rc;
    *out = b->p;
    *out_len = len;
    return CS_OK;
}

enum cs_rc charset_from_db(struct charset *cs, const char *p, size_t n, struct cs_buf *b,
                           const char **out, size_t *out_len, size_t *bad_off)
{
    if (charset_is_passthrough(cs, p, n)) {
        *out = p;
        *out_len = n;
        return CS_OK;
    }
    const unsigned char *s = (const unsigned char *)p;
    if (cs->loc.kind == CS_K_SBCS) {
        size_t need;
        if (!sq_size_mul(n, cs->factor, &need) || !sq_size_add(need, 1, &need) ||
            !buf_reserve(b, need))
            return CS_NOMEM;
        unsigned char *o = (unsigned char *)b->p;
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t cp = cs->dec[s[i]];
            if (cp < 0x80) {
                o[w++] = (unsigned char)cp;
            } else if (cp < 0x800) {
                o[w++] = (unsigned char)(0xC0 | cp >> 6);
                o[w++] = (unsigned char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                o[w++] = (unsigned char)(0xE0 | cp >> 12);
                o[w++] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
                o[w++] = (unsigned char)(0x80 | (cp & 0x3F));
            } else {
                if (bad_off)
                    *bad_off = i;
                return CS_INVALID; /* CS_NONE: the byte is not a character */
            }
        }
        o[w] = '\0';
        *out = b->p;
        *out_len = w;
        return CS_OK;
    }
    size_t len = 0;
    enum cs_rc rc = run_iconv(cs->from_db, p, n, 3, b, &len, bad_off);
    if (rc != CS_OK)
        return rc;
    *out = b->p;
    *out_len = len;
    return CS_OK;
}
