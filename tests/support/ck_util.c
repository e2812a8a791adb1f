/* SPDX-License-Identifier: MIT */
/* ck_util.c - hex fixtures and byte diffs for Check tests. */
#include "ck_util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

void ck_hex(const char *text, uint8_t **out, size_t *len)
{
    size_t cap = strlen(text) + 1, n = 0;
    uint8_t *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    const char *p = text;
    while (*p) {
        if (isspace((unsigned char)*p)) {
            p++;
        } else if (*p == '#') {
            while (*p && *p != '\n')
                p++;
        } else if (*p == '"') {
            p++;
            while (*p && *p != '"')
                buf[n++] = (uint8_t)*p++;
            ck_assert_msg(*p == '"', "unterminated quote in hex text");
            p++;
        } else {
            int hi = hexval((unsigned char)p[0]);
            int lo = p[1] ? hexval((unsigned char)p[1]) : -1;
            ck_assert_msg(hi >= 0 && lo >= 0, "bad hex near \"%.12s\"", p);
            buf[n++] = (uint8_t)(hi << 4 | lo);
            p += 2;
        }
    }
    *out = buf;
    *len = n;
}

void ck_fixture(const char *name, uint8_t **out, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", IFX_FIXTURE_DIR, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open fixture %s", path);
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)sz + 1);
    ck_assert_ptr_nonnull(text);
    size_t got = fread(text, 1, (size_t)sz, f);
    fclose(f);
    text[got] = '\0';
    ck_hex(text, out, len);
    free(text);
}

static void dump(char *dst, size_t cap, const uint8_t *p, size_t n, size_t from)
{
    size_t o = 0;
    size_t start = from > 8 ? from - 8 : 0;
    for (size_t i = start; i < n && i < start + 24 && o + 4 < cap; i++)
        o += (size_t)snprintf(dst + o, cap - o, i == from ? "[%02X]" : "%02X ", p[i]);
    if (o < cap)
        dst[o] = '\0';
}

void ck_bytes_eq_at(const char *file, int line, const uint8_t *got, size_t got_len,
                    const uint8_t *exp, size_t exp_len)
{
    size_t i = 0;
    while (i < got_len && i < exp_len && got[i] == exp[i])
        i++;
    if (i == got_len && i == exp_len)
        return;
    char g[128], e[128];
    dump(g, sizeof g, got, got_len, i);
    dump(e, sizeof e, exp, exp_len, i);
    ck_assert_msg(0, "%s:%d: bytes differ at offset %zu (got %zu bytes, expected %zu)\n got: %s\n exp: %s",
                  file, line, i, got_len, exp_len, g, e);
}

void ck_hex_eq_at(const char *file, int line, const uint8_t *got, size_t got_len, const char *hex)
{
    uint8_t *exp;
    size_t exp_len;
    ck_hex(hex, &exp, &exp_len);
    ck_bytes_eq_at(file, line, got, got_len, exp, exp_len);
    free(exp);
}

int ck_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
