/* SPDX-License-Identifier: MIT */
/* test_sq_value.c - unit tests of the client value layer (sq_value.c): kind
 * resolution, widths per kind, decoding the doc §13.1 vectors into values and
 * text, NULL forms (§9.5), truncation at every length, DATE and INT8 helpers,
 * float formatting, and byte-exact SQ_BIND parameter blocks (§7.9, §9.6). */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_buf.h"
#include "sq_limits.h"
#include "sq_types.h"
#include "sq_value.h"

static struct sq_coldesc col_of(uint16_t type, uint32_t xid, const char *xname, uint32_t enc_len)
{
    struct sq_coldesc c = {.name = "c",
                           .type = type,
                           .xid = xid,
                           .xname = xname,
                           .enc_len = enc_len,
                           .kind = SQ_K_UNKNOWN,
                           .nullable = true};
    sq_coldesc_resolve(&c);
    return c;
}

/* ---- kinds ---- */

struct kind_case {
    uint16_t type;
    uint32_t xid;
    const char *xname;
    enum sq_kind kind;
};

static const struct kind_case kinds[] = {
    {0, 0, "", SQ_K_CHAR},
    {1, 0, "", SQ_K_SMALLINT},
    {2, 0, "", SQ_K_INTEGER},
    {3, 0, "", SQ_K_FLOAT},
    {4, 0, "", SQ_K_SMALLFLOAT},
    {5, 0, "", SQ_K_DECIMAL},
    {6, 0, "", SQ_K_SERIAL},
    {7, 0, "", SQ_K_DATE},
    {8, 0, "", SQ_K_MONEY},
    {9, 0, "", SQ_K_NULLTYPE},
    {10, 0, "", SQ_K_DATETIME},
    {11, 0, "", SQ_K_BYTE},
    {12, 0, "", SQ_K_TEXT},
    {13, 0, "", SQ_K_VARCHAR},
    {14, 0, "", SQ_K_INTERVAL},
    {15, 0, "", SQ_K_NCHAR},
    {16, 0, "", SQ_K_NVARCHAR},
    {17, 0, "", SQ_K_INT8},
    {18, 0, "", SQ_K_SERIAL8},
    {19, 0, "", SQ_K_COLLECTION}, /* SET .. COLLECTION: their text form */
    {20, 0, "", SQ_K_COLLECTION},
    {21, 0, "", SQ_K_COLLECTION},
    {22, 0, "", SQ_K_COLLECTION},
    {23, 0, "", SQ_K_COLLECTION},
    {24, 0, "", SQ_K_UNKNOWN},
    {4118, 0, "", SQ_K_COLLECTION}, /* named ROW */
    {40, 1, "lvarchar", SQ_K_LVARCHAR},
    {40, 1, "", SQ_K_LVARCHAR},
    {40, 0, "LVARCHAR", SQ_K_LVARCHAR},
    {40, 77, "mytype", SQ_K_UDTVAR},
    {40, 77, NULL, SQ_K_UDTVAR},
    {41, 5, "boolean", SQ_K_BOOLEAN},
    {41, 5, "", SQ_K_BOOLEAN},
    {41, 0, "Boolean", SQ_K_BOOLEAN},
    {41, 10, "", SQ_K_BLOB},
    {41, 0, "blob", SQ_K_BLOB},
    {41, 11, "", SQ_K_CLOB},
    {41, 0, "clob", SQ_K_CLOB},
    {41, 99, "point", SQ_K_UDTFIXED},
    {43, 0, "", SQ_K_LVARCHAR},
    {45, 0, "", SQ_K_BOOLEAN},
    {52, 0, "", SQ_K_BIGINT},
    {53, 0, "", SQ_K_BIGSERIAL},
    {0x0102, 0, "", SQ_K_INTEGER},             /* NOT NULL */
    {0x0400 | 5, 0, "", SQ_K_DECIMAL},         /* NETFLT */
    {2061, 0, "", SQ_K_VARCHAR},               /* DISTINCT VARCHAR (IDSSECURITYLABEL) */
    {0x2000 | 40, 300, "myvc", SQ_K_LVARCHAR}, /* DISTINCT of LVARCHAR */
    {0x2800 | 40, 300, "myvc", SQ_K_LVARCHAR},
    {0x4000 | 41, 301, "mybool", SQ_K_BOOLEAN}, /* DISTINCT of BOOLEAN */
    {0x4900 | 41, 301, "mybool", SQ_K_BOOLEAN},
    {99, 0, "", SQ_K_UNKNOWN},
};

START_TEST(kind_resolves)
{
    const struct kind_case *c = &kinds[_i];
    ck_assert_msg(sq_kind_resolve(c->type, c->xid, c->xname) == c->kind, "type %u", c->type);
}
END_TEST

START_TEST(kind_names_and_nullable)
{
    for (int k = 0; k < SQ_K__COUNT; k++) {
        const char *n = sq_kind_name((enum sq_kind)k);
        ck_assert_ptr_nonnull(n);
        ck_assert(k == SQ_K_UNKNOWN || strcmp(n, "UNKNOWN") != 0);
        for (int j = 0; j < k; j++)
            ck_assert_str_ne(n, sq_kind_name((enum sq_kind)j));
    }
    ck_assert_str_eq(sq_kind_name(SQ_K_DATETIME), "DATETIME");
    ck_assert_str_eq(sq_kind_name(SQ_K__COUNT), "UNKNOWN");
    struct sq_coldesc c = col_of(0x0102, 0, "", 4);
    ck_assert(!c.nullable);
    ck_assert_int_eq(c.kind, SQ_K_INTEGER);
    c = col_of(2, 0, "", 4);
    ck_assert(c.nullable);
}
END_TEST

/* ---- decoding vectors: bytes -> value -> text ---- */

struct dec_case {
    uint16_t type;
    uint32_t xid;
    const char *xname;
    uint32_t enc_len;
    const char *hex;
    bool is_null;
    const char *text;
};

static const struct dec_case decs[] = {
    {2, 0, "", 4, "00 00 00 2A", false, "42"},
    {2, 0, "", 4, "FF FF FF FE", false, "-2"},
    {2, 0, "", 4, "80 00 00 00", true, ""}, /* V8 */
    {6, 0, "", 4, "7F FF FF FF", false, "2147483647"},
    {1, 0, "", 2, "FF FE", false, "-2"},
    {1, 0, "", 2, "80 00", true, ""},                    /* V8 */
    {52, 0, "", 8, "80 00 00 00 00 00 00 00", true, ""}, /* V8 */
    {52, 0, "", 8, "80 00 00 00 00 00 00 01", false, "-9223372036854775807"},
    {53, 0, "", 8, "00 00 00 00 00 00 00 01", false, "1"},
    {17, 0, "", 10, "00 01 71 FB 04 CB 00 00 01 1F", false, "1234567890123"},       /* §9.4, V18 */
    {18, 0, "", 10, "00 01 FF FF FF FF 7F FF FF FF", false, "9223372036854775807"}, /* V12 */
    {17, 0, "", 10, "FF FF 00 00 00 01 00 00 00 00", false, "-1"},
    {17, 0, "", 10, "00 01 00 00 00 00 00 00 00 00", false, "0"},
    {17, 0, "", 10, "00 00 00 00 00 00 00 00 00 00", true, ""},
    {3, 0, "", 8, "40 0C 00 00 00 00 00 00", false, "3.5"}, /* V13 */
    {3, 0, "", 8, "3F B9 99 99 99 99 99 9A", false, "0.1"},
    {3, 0, "", 8, "44 15 AF 1D 78 B5 8C 40", false, "1e+20"},
    {3, 0, "", 8, "3F D5 55 55 55 55 55 55", false, "0.3333333333333333"},
    {3, 0, "", 8, "BF F0 00 00 00 00 00 00", false, "-1"},
    {3, 0, "", 8, "FF FF FF FF FF FF FF FF", true, ""},
    {4, 0, "", 4, "3D CC CC CD", false, "0.1"},
    {4, 0, "", 4, "40 60 00 00", false, "3.5"},
    {4, 0, "", 4, "FF FF FF FF", true, ""},
    {7, 0, "", 4, "00 00 63 E0", false, "1970-01-01"}, /* V7 */
    {7, 0, "", 4, "00 00 00 00", false, "1899-12-31"}, /* V7 */
    {7, 0, "", 4, "00 00 B1 91", false, "2024-06-15"}, /* V7 */
    {7, 0, "", 4, "FF FF FF FF", false, "1899-12-30"},
    {7, 0, "", 4, "80 00 00 00", true, ""},
    {0, 0, "", 5, "61 62 63 20 20", false, "abc  "},
    {0, 0, "", 5, "00 20 20 20 20", true, ""}, /* our [U] CHAR NULL */
    {15, 0, "", 3, "78 79 7A", false, "xyz"},
    {13, 0, "", 0x0040, "03 61 62 63", false, "abc"},
    {13, 0, "", 0x0040, "01 00", true, ""}, /* V9 */
    {13, 0, "", 0x0040, "00", false, ""},   /* V9 */
    {16, 0, "", 0x0040, "01 41", false, "A"},
    {40, 1, "lvarchar", 2048, "00 00 00 00 05 68 65 6C 6C 6F", false, "hello"}, /* V11 */
    {40, 1, "lvarchar", 2048, "01 00 00 00 00", true, ""},                      /* V11 */
    {40, 1, "lvarchar", 2048, "00 00 00 00 00", false, ""},
    {40, 77, "mytype", 100, "00 00 00 00 02 01 02", false, "\x01\x02"},
    {41, 5, "boolean", 1, "00 00 00 00 01 74", false, "t"}, /* V10 */
    {41, 5, "boolean", 1, "00 00 00 00 01 66", false, "f"}, /* V10 */
    {41, 5, "boolean", 1, "01 00 00 00 00", true, ""},
    {45, 0, "", 1, "01", false, "t"},
    {45, 0, "", 1, "00", false, "f"},
    {5, 0, "", 0x0C04, "C3 01 17 2D 43 59 00", false, "12345.6789"}, /* V1 */
    {5, 0, "", 0x0A03, "3E 39 57 32 00 00 00", false, "-42.125"},    /* V2 */
    {8, 0, "", 0x0C02, "3C 5A 0C 22 39 00 00", false, "-98765.43"},  /* V3 */
    {5, 0, "", 0x10FF, "C2 02 4C 00 00 00 00 00 00 00", false, "276"},
    {5, 0, "", 0x0502, "C1 0C 32 00", false, "12.50"}, /* fixed scale prints 2 decimals */
    {5, 0, "", 0x0502, "C0 00 00 00", false, "0.00"},
    {5, 0, "", 0x0502, "00 00 00 00", true, ""},
    {10, 0, "", 0x0E0A, "C7 14 1A 06 14 0C 22 38", false, "2026-06-20 12:34:56"}, /* V4 */
    {14, 0, "", 0x084A, "C4 0C 03 04 05", false, "12 03:04:05"},                  /* V5 */
    {10, 0, "", 0x0E0A, "00 00 00 00 00 00 00 00", true, ""},
};

static void decode_case(const struct dec_case *c, struct sq_coldesc *col, struct sq_value *v,
                        uint8_t **b, size_t *n)
{
    size_t w = 0;
    *col = col_of(c->type, c->xid, c->xname, c->enc_len);
    ck_hex(c->hex, b, n);
    ck_assert_msg(sq_value_width(col, *b, *n, &w) == SQ_RC_OK, "width of %s", c->hex);
    ck_assert_uint_eq(w, *n);
    ck_assert_msg(sq_value_decode(col, *b, *n, v) == SQ_RC_OK, "decode of %s", c->hex);
}

START_TEST(vector_decodes_and_formats)
{
    const struct dec_case *c = &decs[_i];
    struct sq_coldesc col;
    struct sq_value v;
    uint8_t *b;
    size_t n;
    char t[128];

    decode_case(c, &col, &v, &b, &n);
    ck_assert_int_eq(v.kind, col.kind);
    ck_assert_msg(v.is_null == c->is_null, "null of %s", c->hex);
    size_t len = sq_value_format(&col, &v, t, sizeof t);
    ck_assert_uint_eq(len, strlen(c->text));
    ck_assert_msg(memcmp(t, c->text, len) == 0 && t[len] == '\0', "%s: got \"%s\" want \"%s\"",
                  c->hex, t, c->text);
    free(b);
}
END_TEST

START_TEST(vector_truncated_at_every_length_is_error)
{
    const struct dec_case *c = &decs[_i];
    struct sq_coldesc col;
    struct sq_value v;
    uint8_t *b;
    size_t n, w;

    decode_case(c, &col, &v, &b, &n);
    for (size_t k = 0; k < n; k++) {
        uint8_t *copy = malloc(k + 1); /* exact-size copy so ASan sees any over-read */
        memcpy(copy, b, k);
        ck_assert_int_eq(sq_value_width(&col, copy, k, &w), SQ_RC_PROTOCOL);
        ck_assert_int_eq(sq_value_decode(&col, copy, k, &v), SQ_RC_PROTOCOL);
        free(copy);
    }
    /* one byte too many is refused by decode (the width says otherwise) */
    uint8_t *longer = malloc(n + 1);
    memcpy(longer, b, n);
    longer[n] = 0;
    ck_assert_int_eq(sq_value_decode(&col, longer, n + 1, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_value_width(&col, longer, n + 1, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, n);
    free(longer);
    free(b);
}
END_TEST

static const struct dec_case *case_of(const char *hex)
{
    for (size_t i = 0; i < sizeof decs / sizeof decs[0]; i++)
        if (strcmp(decs[i].hex, hex) == 0)
            return &decs[i];
    ck_abort_msg("no case %s", hex);
    return NULL;
}

START_TEST(values_are_typed)
{
    struct sq_coldesc col;
    struct sq_value v;
    uint8_t *b;
    size_t n;

    decode_case(case_of("00 01 71 FB 04 CB 00 00 01 1F"), &col, &v, &b, &n); /* INT8 */
    ck_assert(v.u.i == INT64_C(1234567890123));
    free(b);
    decode_case(case_of("40 0C 00 00 00 00 00 00"), &col, &v, &b, &n); /* FLOAT 3.5 */
    ck_assert(v.u.f == 3.5);
    free(b);
    decode_case(case_of("00 00 B1 91"), &col, &v, &b, &n); /* DATE 2024-06-15 */
    ck_assert(v.u.i == 45457);
    free(b);
    decode_case(case_of("61 62 63 20 20"), &col, &v, &b, &n); /* CHAR(5) */
    ck_assert_uint_eq(v.u.s.n, 5);
    ck_assert_ptr_eq(v.u.s.p, b);
    free(b);
    decode_case(case_of("00 00 00 00 05 68 65 6C 6C 6F"), &col, &v, &b, &n); /* LVARCHAR */
    ck_assert_uint_eq(v.u.s.n, 5);
    ck_assert_ptr_eq(v.u.s.p, b + 5);
    free(b);
    decode_case(case_of("00 00 00 00 01 74"), &col, &v, &b, &n); /* BOOLEAN t */
    ck_assert(v.u.i == 1);
    free(b);
    decode_case(case_of("C3 01 17 2D 43 59 00"), &col, &v, &b, &n); /* DECIMAL V1 */
    ck_assert_int_eq(v.u.dec.exp, 3);
    ck_assert_uint_eq(v.u.dec.ndig, 5);
    free(b);
    decode_case(case_of("C7 14 1A 06 14 0C 22 38"), &col, &v, &b, &n); /* DATETIME V4 */
    ck_assert(v.u.dt.f[SQ_DT_YEAR] == 2026);
    free(b);
}
END_TEST

/* ---- widths and bad input ---- */

START_TEST(widths_per_kind)
{
    uint8_t buf[128] = {0};
    size_t w;
    struct {
        uint16_t type;
        uint32_t xid;
        const char *xname;
        uint32_t enc_len;
        size_t width;
    } t[] = {
        {1, 0, "", 2, 2},
        {2, 0, "", 4, 4},
        {6, 0, "", 4, 4},
        {7, 0, "", 4, 4},
        {4, 0, "", 4, 4},
        {3, 0, "", 8, 8},
        {52, 0, "", 8, 8},
        {53, 0, "", 8, 8},
        {17, 0, "", 10, 10},
        {18, 0, "", 10, 10},
        {0, 0, "", 20, 20},
        {15, 0, "", 7, 7},
        {0, 0, "", 0, 0},
        {11, 0, "", 56, 56},
        {12, 0, "", 56, 56},
        {5, 0, "", 0x0C04, 7},
        {5, 0, "", 0x0A03, 7},
        {5, 0, "", 0x10FF, 10},
        {5, 0, "", 0x20FF, 18},
        {8, 0, "", 0x0C02, 7},
        {5, 0, "", 0x0100, 2},
        {10, 0, "", 0x0E0A, 8},
        {14, 0, "", 0x084A, 5},
        {14, 0, "", 0x0C4D, 8},
        {10, 0, "", SQ_TU_DTENCODE(6, 8), 3},
        {45, 0, "", 1, 1},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct sq_coldesc c = col_of(t[i].type, t[i].xid, t[i].xname, t[i].enc_len);
        ck_assert_int_eq(sq_value_width(&c, buf, sizeof buf, &w), SQ_RC_OK);
        ck_assert_msg(w == t[i].width, "type %u: %zu", t[i].type, w);
    }
    /* variable widths */
    struct sq_coldesc vc = col_of(13, 0, "", 255);
    buf[0] = 200;
    ck_assert_int_eq(sq_value_width(&vc, buf, sizeof buf, &w), SQ_RC_PROTOCOL);
    buf[0] = 100;
    ck_assert_int_eq(sq_value_width(&vc, buf, sizeof buf, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 101);
    ck_assert_int_eq(sq_value_width(&vc, buf, 0, &w), SQ_RC_PROTOCOL);
    buf[0] = 0;
    struct sq_coldesc lv = col_of(40, 1, "lvarchar", 2048);
    static const uint8_t huge[5] = {0, 0x02, 0x00, 0x00, 0x01}; /* 32 MiB + 1 */
    ck_assert_int_eq(sq_value_width(&lv, huge, 5, &w), SQ_RC_PROTOCOL);
    static const uint8_t big[5] = {0, 0x00, 0x01, 0x00, 0x00}; /* 65536 bytes: runs past */
    ck_assert_int_eq(sq_value_width(&lv, big, 5, &w), SQ_RC_PROTOCOL);
    /* BLOB/CLOB: UDT framing + 72-byte locator (PROTOCOL.md decision, [U]) */
    uint8_t blob[77] = {0, 0, 0, 0, 72};
    struct sq_coldesc bc = col_of(41, 10, "", 72);
    struct sq_value v;
    ck_assert_int_eq(sq_value_width(&bc, blob, sizeof blob, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 77);
    ck_assert_int_eq(sq_value_decode(&bc, blob, sizeof blob, &v), SQ_RC_OK);
    ck_assert(!v.is_null);
    ck_assert_uint_eq(v.u.s.n, 72);
    ck_assert_ptr_eq(v.u.s.p, blob + 5);
    blob[4] = 71;
    ck_assert_int_eq(sq_value_decode(&bc, blob, 76, &v), SQ_RC_PROTOCOL);
    struct sq_coldesc cc = col_of(41, 0, "clob", 72);
    static const uint8_t clob_null[5] = {1, 0, 0, 0, 0};
    ck_assert_int_eq(sq_value_decode(&cc, clob_null, 5, &v), SQ_RC_OK);
    ck_assert(v.is_null);
}
END_TEST

START_TEST(unsized_and_bad_descriptors_are_refused)
{
    uint8_t buf[32] = {0};
    size_t w;
    struct sq_value v;
    struct {
        uint16_t type;
        uint32_t enc_len;
        enum sq_rc rc;
    } t[] = {
        {24, 0, SQ_RC_UNSUPPORTED},      /* ROWREF */
        {9, 0, SQ_RC_UNSUPPORTED},       /* untyped NULL */
        {5, 0x0000, SQ_RC_PROTOCOL},     /* DECIMAL(0) */
        {5, 0x2100, SQ_RC_PROTOCOL},     /* DECIMAL(33) */
        {5, 0x0506, SQ_RC_PROTOCOL},     /* scale > precision */
        {10, 0x0E0B, SQ_RC_PROTOCOL},    /* digits do not match */
        {10, 0x0E42, SQ_RC_PROTOCOL},    /* start > end */
        {14, 0x0E0A, SQ_RC_PROTOCOL},    /* YEAR TO SECOND interval */
        {14, 0x004A, SQ_RC_PROTOCOL},    /* leading precision 0 */
        {10, 0x01CA, SQ_RC_PROTOCOL},    /* FRACTION TO SECOND */
        {0, 64u << 20 | 1u, SQ_RC_PROTOCOL},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        struct sq_coldesc c = col_of(t[i].type, 0, "", t[i].enc_len);
        ck_assert_msg(sq_value_width(&c, buf, sizeof buf, &w) == t[i].rc, "case %zu", i);
        ck_assert_msg(sq_value_decode(&c, buf, sizeof buf, &v) == t[i].rc, "case %zu", i);
    }
}
END_TEST

START_TEST(garbage_values_are_protocol_errors)
{
    struct sq_value v;
    struct sq_coldesc bl = col_of(41, 5, "boolean", 1);
    static const uint8_t bad_flag[6] = {2, 0, 0, 0, 1, 't'};
    static const uint8_t bad_char[6] = {0, 0, 0, 0, 1, 'x'};
    static const uint8_t bad_len[7] = {0, 0, 0, 0, 2, 't', 't'};
    ck_assert_int_eq(sq_value_decode(&bl, bad_flag, 6, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_value_decode(&bl, bad_char, 6, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_value_decode(&bl, bad_len, 7, &v), SQ_RC_PROTOCOL);
    struct sq_coldesc b45 = col_of(45, 0, "", 1);
    static const uint8_t b7[1] = {7};
    ck_assert_int_eq(sq_value_decode(&b45, b7, 1, &v), SQ_RC_PROTOCOL);
    struct sq_coldesc i8 = col_of(17, 0, "", 10);
    static const uint8_t min8[10] = {0xFF, 0xFF, 0, 0, 0, 0, 0x80, 0, 0, 0}; /* V12 min */
    static const uint8_t sign2[10] = {0, 2, 0, 0, 0, 1, 0, 0, 0, 0};
    ck_assert_int_eq(sq_value_decode(&i8, min8, 10, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_value_decode(&i8, sign2, 10, &v), SQ_RC_PROTOCOL);
    struct sq_coldesc dc = col_of(5, 0, "", 0x0502);
    static const uint8_t dgar[4] = {0xC1, 0xFF, 0, 0};
    ck_assert_int_eq(sq_value_decode(&dc, dgar, 4, &v), SQ_RC_PROTOCOL);
    struct sq_coldesc dtc = col_of(10, 0, "", 0x0E0A);
    static const uint8_t dt13[8] = {0xC7, 0x14, 0x1A, 0x0D, 0x14, 0x0C, 0x22, 0x38};
    ck_assert_int_eq(sq_value_decode(&dtc, dt13, 8, &v), SQ_RC_PROTOCOL);
}
END_TEST

START_TEST(byte_text_descriptor_null_flag)
{
    uint8_t d[56] = {0};
    struct sq_value v;
    struct sq_coldesc c = col_of(11, 0, "", 56);

    ck_assert_int_eq(sq_value_decode(&c, d, 56, &v), SQ_RC_OK);
    ck_assert(!v.is_null);
    ck_assert_uint_eq(v.u.s.n, 56);
    d[39] = 1;
    ck_assert_int_eq(sq_value_decode(&c, d, 56, &v), SQ_RC_OK);
    ck_assert(v.is_null);
    c = col_of(12, 0, "", 56);
    ck_assert_int_eq(sq_value_decode(&c, d, 56, &v), SQ_RC_OK);
    ck_assert(v.is_null);
}
END_TEST

START_TEST(row_walk_mixed_columns)
{
    /* VARCHAR 'z', INTEGER 7, LVARCHAR NULL, DECIMAL V1, BOOLEAN t: back to back (§9.3) */
    uint8_t *row;
    size_t n, off = 0, w;
    struct sq_coldesc cols[5] = {col_of(13, 0, "", 10), col_of(2, 0, "", 4),
                                 col_of(40, 1, "lvarchar", 2048), col_of(5, 0, "", 0x0C04),
                                 col_of(41, 5, "boolean", 1)};
    static const char *const want[5] = {"z", "7", "", "12345.6789", "t"};
    char t[64];

    ck_hex("01 7A  00 00 00 07  01 00 00 00 00  C3 01 17 2D 43 59 00  00 00 00 00 01 74", &row, &n);
    for (int i = 0; i < 5; i++) {
        struct sq_value v;
        ck_assert_int_eq(sq_value_width(&cols[i], row + off, n - off, &w), SQ_RC_OK);
        ck_assert_int_eq(sq_value_decode(&cols[i], row + off, w, &v), SQ_RC_OK);
        sq_value_format(&cols[i], &v, t, sizeof t);
        ck_assert_str_eq(t, want[i]);
        ck_assert(v.is_null == (i == 2));
        off += w;
    }
    ck_assert_uint_eq(off, n);
    free(row);
}
END_TEST

/* ---- formatting ---- */

START_TEST(format_truncates_like_snprintf)
{
    struct sq_value v = {.kind = SQ_K_INTEGER, .is_null = false, .u.i = 12345};
    char t[3];

    ck_assert_uint_eq(sq_value_format(NULL, &v, t, sizeof t), 5);
    ck_assert_str_eq(t, "12");
    ck_assert_uint_eq(sq_value_format(NULL, &v, NULL, 0), 5);
    v.is_null = true;
    ck_assert_uint_eq(sq_value_format(NULL, &v, t, sizeof t), 0);
    ck_assert_str_eq(t, "");
}
END_TEST

START_TEST(format_decimal_without_column_prints_all_digits)
{
    struct sq_value v = {.kind = SQ_K_DECIMAL};
    char t[32];
    ck_assert_int_eq(sq_dec_from_text("12.50", 5, &v.u.dec), SQ_RC_OK);
    sq_value_format(NULL, &v, t, sizeof t);
    ck_assert_str_eq(t, "12.5");
    struct sq_coldesc c = col_of(8, 0, "", 0x0803); /* MONEY(8,3): no currency symbol */
    v.kind = SQ_K_MONEY;
    sq_value_format(&c, &v, t, sizeof t);
    ck_assert_str_eq(t, "12.500");
}
END_TEST

START_TEST(float_format_round_trips)
{
    static const double vals[] = {
        0.1, 1.0 / 3, 2.0 / 3, 1e20, 1e-7, 123456789.125, -0.0, 5e-324, 1.7976931348623157e308,
        100, 0.3,     1e15,    1e16};
    char t[64];
    struct sq_value v = {.kind = SQ_K_FLOAT};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        v.u.f = vals[i];
        size_t n = sq_value_format(NULL, &v, t, sizeof t);
        ck_assert_uint_eq(n, strlen(t));
        ck_assert_msg(strtod(t, NULL) == vals[i], "%s", t);
        /* shortest: one digit fewer does not round-trip */
        char fewer[400];
        int digits = 0;
        bool started = false;
        for (const char *p = t; *p && *p != 'e'; p++) {
            if (*p >= '1' && *p <= '9')
                started = true;
            if (started && *p >= '0' && *p <= '9')
                digits++;
        }
        if (digits > 15) {
            snprintf(fewer, sizeof fewer, "%.*g", digits - 1, vals[i]);
            ck_assert_msg(strtod(fewer, NULL) != vals[i], "%s is not shortest", t);
        }
    }
    v.u.f = -0.0;
    sq_value_format(NULL, &v, t, sizeof t);
    ck_assert_str_eq(t, "-0");
    v.kind = SQ_K_SMALLFLOAT;
    v.u.f = (double)(1.0f / 3.0f);
    sq_value_format(NULL, &v, t, sizeof t);
    ck_assert_str_eq(t, "0.33333334"); /* shortest at float precision */
}
END_TEST

START_TEST(float_format_ignores_lc_numeric)
{
    static const char *const locs[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE"};
    const char *got = NULL;
    for (size_t i = 0; i < sizeof locs / sizeof locs[0] && !got; i++)
        got = setlocale(LC_NUMERIC, locs[i]);
    struct sq_value v = {.kind = SQ_K_FLOAT, .u.f = 3.5};
    char t[32];
    sq_value_format(NULL, &v, t, sizeof t);
    ck_assert_str_eq(t, "3.5");
    v.u.f = 0.1;
    sq_value_format(NULL, &v, t, sizeof t);
    ck_assert_str_eq(t, "0.1");
    struct sq_decimal d;
    ck_assert_int_eq(sq_dec_from_double(2.25, &d), SQ_RC_OK);
    sq_dec_to_text(&d, -1, t, sizeof t);
    ck_assert_str_eq(t, "2.25");
    setlocale(LC_NUMERIC, "C");
}
END_TEST

/* ---- DATE / INT8 helpers ---- */

START_TEST(date_helpers)
{
    int y, m, d;
    ck_assert(sq_date_from_ymd(1970, 1, 1) == 25568); /* V7 */
    ck_assert(sq_date_from_ymd(1899, 12, 31) == 0);
    ck_assert(sq_date_from_ymd(2024, 6, 15) == 45457);
    ck_assert(sq_date_from_ymd(1899, 12, 30) == -1);
    ck_assert(sq_date_from_ymd(1900, 3, 1) == 60); /* 1900 is not a leap year */
    sq_date_to_ymd(sq_date_from_ymd(1, 1, 1), &y, &m, &d);
    ck_assert(y == 1 && m == 1 && d == 1);
    sq_date_to_ymd(sq_date_from_ymd(9999, 12, 31), &y, &m, &d);
    ck_assert(y == 9999 && m == 12 && d == 31);
    ck_assert(sq_date_from_ymd(1, 1, 1) == -693594);
    /* every 7th day over the whole range round-trips and is valid */
    int64_t prev = sq_date_from_ymd(1, 1, 1) - 1;
    for (int64_t days = sq_date_from_ymd(1, 1, 1); days <= sq_date_from_ymd(9999, 12, 31);
         days += 7) {
        sq_date_to_ymd(days, &y, &m, &d);
        ck_assert(sq_date_valid(y, m, d));
        ck_assert(sq_date_from_ymd(y, m, d) == days);
        ck_assert(days > prev);
        prev = days;
    }
    ck_assert(sq_date_valid(2024, 2, 29));
    ck_assert(!sq_date_valid(2023, 2, 29));
    ck_assert(!sq_date_valid(1900, 2, 29));
    ck_assert(sq_date_valid(2000, 2, 29));
    ck_assert(!sq_date_valid(0, 1, 1));
    ck_assert(!sq_date_valid(10000, 1, 1));
    ck_assert(!sq_date_valid(2024, 13, 1));
    ck_assert(!sq_date_valid(2024, 4, 31));
    ck_assert(!sq_date_valid(2024, 4, 0));
}
END_TEST

START_TEST(int8_helpers)
{
    uint8_t out[10];
    int64_t v;
    bool is_null;

    sq_int8_to_wire(INT64_C(1234567890123), false, out);
    ck_assert_hex(out, 10, "00 01 71 FB 04 CB 00 00 01 1F"); /* §9.4 */
    sq_int8_to_wire(INT64_MAX, false, out);
    ck_assert_hex(out, 10, "00 01 FF FF FF FF 7F FF FF FF"); /* V12 max */
    sq_int8_to_wire(0, false, out);
    ck_assert_hex(out, 10, "00 01 00 00 00 00 00 00 00 00"); /* PROTOCOL.md: zero */
    sq_int8_to_wire(-5, false, out);
    ck_assert_hex(out, 10, "FF FF 00 00 00 05 00 00 00 00");
    sq_int8_to_wire(77, true, out);
    ck_assert_hex(out, 10, "00 00 00 00 00 00 00 00 00 00");
    ck_assert_int_eq(sq_int8_from_wire(out, 9, &v, &is_null), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_int8_from_wire(out, 10, &v, &is_null), SQ_RC_OK);
    ck_assert(is_null);
    sq_int8_to_wire(-INT64_MAX, false, out);
    ck_assert_int_eq(sq_int8_from_wire(out, 10, &v, &is_null), SQ_RC_OK);
    ck_assert(!is_null && v == -INT64_MAX);
}
END_TEST

/* ---- bind parameters ---- */

static void encode_expect(const struct sq_param *p, const char *hex)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(sq_param_encode(&b, p), SQ_RC_OK);
    ck_assert_hex(b.data, b.len, hex);
    ck_assert_uint_eq(b.len % 2, 0);
    sq_buf_fini(&b);
}

START_TEST(param_blocks_doc_example)
{
    /* doc §7.9 example, byte for byte: 42, 'abc', NULL */
    struct sq_buf b = SQ_BUF_INIT;
    struct sq_param i42 = {.type = SQ_T_INTEGER, .prec = 0x0A00, .u.i = 42};
    struct sq_param abc = {.type = SQ_T_CHAR, .prec = 0, .u.s = {(const uint8_t *)"abc", 3}};
    struct sq_param nul = {.type = SQ_T_CHAR, .prec = 0, .is_null = true};
    ck_assert_int_eq(sq_param_encode(&b, &i42), SQ_RC_OK);
    ck_assert_int_eq(sq_param_encode(&b, &abc), SQ_RC_OK);
    ck_assert_int_eq(sq_param_encode(&b, &nul), SQ_RC_OK);
    ck_assert_hex(b.data, b.len,
                  "00 02 00 00 0A 00 00 00 00 2A"
                  "00 00 00 00 00 00 00 03 61 62 63 00"
                  "00 00 FF FF 00 00");
    sq_buf_fini(&b);
}
END_TEST

START_TEST(param_blocks_every_type)
{
    struct sq_param p;
    struct sq_dt dt;

    p = (struct sq_param){.type = SQ_T_VARCHAR, .prec = 2, .u.s = {(const uint8_t *)"ab", 2}};
    encode_expect(&p, "00 0D 00 00 00 02 00 02 61 62");
    p = (struct sq_param){.type = SQ_T_VARCHAR, .prec = 0, .u.s = {NULL, 0}};
    encode_expect(&p, "00 0D 00 00 00 00 00 00");
    p = (struct sq_param){.type = SQ_T_LVARCHAR_CLIENT, .u.s = {(const uint8_t *)"hello", 5}};
    encode_expect(&p, "00 2B 00 00 00 00 00 05 68 65 6C 6C 6F 00");
    p = (struct sq_param){.type = SQ_T_SMALLINT, .u.i = -2};
    encode_expect(&p, "00 01 00 00 00 00 FF FE");
    p = (struct sq_param){.type = SQ_T_INTEGER, .u.i = -1};
    encode_expect(&p, "00 02 00 00 00 00 FF FF FF FF");
    p = (struct sq_param){.type = SQ_T_BIGINT, .prec = 0x1300, .u.i = -2};
    encode_expect(&p, "00 34 00 00 13 00 FF FF FF FF FF FF FF FE");
    p = (struct sq_param){.type = SQ_T_INT8, .u.i = INT64_C(1234567890123)};
    encode_expect(&p, "00 11 00 00 00 00 00 01 71 FB 04 CB 00 00 01 1F");
    p = (struct sq_param){.type = SQ_T_FLOAT, .u.f = 3.5};
    encode_expect(&p, "00 03 00 00 00 00 40 0C 00 00 00 00 00 00"); /* V13 */
    p = (struct sq_param){.type = SQ_T_SMALLFLOAT, .u.f = 3.5};
    encode_expect(&p, "00 04 00 00 00 00 40 60 00 00");
    p = (struct sq_param){.type = SQ_T_DATE, .u.i = 45457};
    encode_expect(&p, "00 07 00 00 00 00 00 00 B1 91"); /* V7 */
    p = (struct sq_param){.type = SQ_T_BOOLEAN_CLIENT, .u.i = 1};
    encode_expect(&p, "00 2D 00 00 00 00 01 00");
    p = (struct sq_param){.type = SQ_T_BOOLEAN_CLIENT, .u.i = 0};
    encode_expect(&p, "00 2D 00 00 00 00 00 00");

    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0C04};
    ck_assert_int_eq(sq_dec_from_text("12345.6789", 10, &p.u.dec), SQ_RC_OK);
    encode_expect(&p, "00 05 00 00 0C 04 00 07 C3 01 17 2D 43 59 00 00"); /* V1 + pad */
    p = (struct sq_param){.type = SQ_T_MONEY, .prec = 0x0C02};
    ck_assert_int_eq(sq_dec_from_text("-98765.43", 9, &p.u.dec), SQ_RC_OK);
    encode_expect(&p, "00 08 00 00 0C 02 00 07 3C 5A 0C 22 39 00 00 00"); /* V3 + pad */
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0802};
    ck_assert_int_eq(sq_dec_from_text("1234.56", 7, &p.u.dec), SQ_RC_OK);
    encode_expect(&p, "00 05 00 00 08 02 00 05 C2 0C 22 38 00 00");
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0502};
    ck_assert_int_eq(sq_dec_from_text("1.005", 5, &p.u.dec), SQ_RC_OK);
    encode_expect(&p, "00 05 00 00 05 02 00 04 C1 01 01 00"); /* rounded to scale 2 */
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x10FF};
    ck_assert_int_eq(sq_dec_from_text("276", 3, &p.u.dec), SQ_RC_OK);
    encode_expect(&p, "00 05 00 00 10 FF 00 0A C2 02 4C 00 00 00 00 00 00 00");

    p = (struct sq_param){.type = SQ_T_DATETIME, .prec = 0x0E0A};
    ck_assert_int_eq(sq_dt_from_text(0x0E0A, false, "2026-06-20 12:34:56", 19, &dt), SQ_RC_OK);
    p.u.dt = dt;
    encode_expect(&p, "00 0A 00 00 0E 0A 00 08 C7 14 1A 06 14 0C 22 38"); /* V4 */
    p = (struct sq_param){.type = SQ_T_INTERVAL, .prec = 0x084A};
    ck_assert_int_eq(sq_dt_from_text(0x084A, true, "12 03:04:05", 11, &dt), SQ_RC_OK);
    p.u.dt = dt;
    encode_expect(&p, "00 0E 00 00 08 4A 00 05 C4 0C 03 04 05 00"); /* V5 + pad */

    /* NULL of any type: indicator -1, prec as given, no value bytes */
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0C04, .is_null = true};
    encode_expect(&p, "00 05 FF FF 0C 04");
    p = (struct sq_param){.type = SQ_T_INTEGER, .prec = 0x0A00, .is_null = true};
    encode_expect(&p, "00 02 FF FF 0A 00");
}
END_TEST

START_TEST(param_refusals_leave_buffer_untouched)
{
    struct sq_buf b = SQ_BUF_INIT;
    struct sq_param p;
    static uint8_t big[70000];

    struct sq_param bad[10];
    int nb = 0;
    bad[nb++] = (struct sq_param){.type = 99, .u.i = 1};
    bad[nb++] = (struct sq_param){.type = 0x0102, .u.i = 1}; /* flags */
    bad[nb++] = (struct sq_param){.type = SQ_T_INTEGER, .u.i = INT64_C(2147483648)};
    bad[nb++] = (struct sq_param){.type = SQ_T_INTEGER, .u.i = INT32_MIN}; /* NULL marker */
    bad[nb++] = (struct sq_param){.type = SQ_T_SMALLINT, .u.i = 40000};
    bad[nb++] = (struct sq_param){.type = SQ_T_CHAR, .u.s = {big, sizeof big}};
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0300}; /* DECIMAL(3,0) */
    ck_assert_int_eq(sq_dec_from_text("12345", 5, &p.u.dec), SQ_RC_OK);
    bad[nb++] = p;
    p.prec = 0x0000; /* DECIMAL(0) */
    bad[nb++] = p;
    p = (struct sq_param){.type = SQ_T_DATETIME, .prec = 0x084A}; /* qual mismatch */
    ck_assert_int_eq(sq_dt_from_text(0x0E0A, false, "2026-06-20 12:34:56", 19, &p.u.dt), SQ_RC_OK);
    bad[nb++] = p;
    p = (struct sq_param){.type = SQ_T_DATETIME, .prec = 0x0E0A};
    ck_assert_int_eq(sq_dt_from_text(0x0E0A, false, "2026-06-20 12:34:56", 19, &p.u.dt), SQ_RC_OK);
    p.u.dt.f[SQ_DT_MONTH] = 13;
    bad[nb++] = p;
    for (int i = 0; i < nb; i++) {
        ck_assert_msg(sq_param_encode(&b, &bad[i]) == SQ_RC_MISUSE, "case %d", i);
        ck_assert_uint_eq(b.len, 0);
    }
    /* DECIMAL(5,2) accepts 999.99 but not 1000 */
    p = (struct sq_param){.type = SQ_T_DECIMAL, .prec = 0x0502};
    ck_assert_int_eq(sq_dec_from_text("999.994", 7, &p.u.dec), SQ_RC_OK);
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_OK);
    ck_assert_int_eq(sq_dec_from_text("999.995", 7, &p.u.dec), SQ_RC_OK);
    size_t before = b.len;
    ck_assert_int_eq(sq_param_encode(&b, &p), SQ_RC_MISUSE);
    ck_assert_uint_eq(b.len, before);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(collection_is_udt_framed_text)
{
    /* PROTOCOL.md "Collections": u8 null flag, u32 length, the text form */
    static const uint8_t row[] = {0x00, 0x00, 0x00, 0x00, 0x0A, 'S', 'E', 'T', '{', '1', ',',
                                  '2', ',', '3', '}', 0x01, 0x00, 0x00, 0x00, 0x00};
    struct sq_coldesc c = col_of(SQ_T_ROW | 0x1000, 0, "", 2048); /* named ROW */
    ck_assert_int_eq(c.kind, SQ_K_COLLECTION);
    c = col_of(SQ_T_SET, 0, "set", 2048);
    size_t w = 0;
    struct sq_value v;
    ck_assert_int_eq(sq_value_width(&c, row, sizeof row, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 15);
    ck_assert_int_eq(sq_value_decode(&c, row, w, &v), SQ_RC_OK);
    ck_assert(!v.is_null);
    ck_assert_uint_eq(v.u.s.n, 10);
    ck_assert(memcmp(v.u.s.p, "SET{1,2,3}", 10) == 0);
    char t[32];
    ck_assert_uint_eq(sq_value_format(&c, &v, t, sizeof t), 10);
    ck_assert_str_eq(t, "SET{1,2,3}");
    ck_assert_int_eq(sq_value_width(&c, row + 15, sizeof row - 15, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 5);
    ck_assert_int_eq(sq_value_decode(&c, row + 15, w, &v), SQ_RC_OK);
    ck_assert(v.is_null);
    ck_assert_str_eq(sq_collection_name(SQ_T_MULTISET), "multiset");
    ck_assert_str_eq(sq_collection_name(SQ_T_ROW | 0x1000), "row");
}
END_TEST

static Suite *value_suite(void)
{
    Suite *s = suite_create("sq_value");
    TCase *tc = tcase_create("kinds");
    tcase_add_loop_test(tc, kind_resolves, 0, (int)(sizeof kinds / sizeof kinds[0]));
    tcase_add_test(tc, kind_names_and_nullable);
    suite_add_tcase(s, tc);

    tc = tcase_create("decode");
    int nd = (int)(sizeof decs / sizeof decs[0]);
    tcase_add_loop_test(tc, vector_decodes_and_formats, 0, nd);
    tcase_add_loop_test(tc, vector_truncated_at_every_length_is_error, 0, nd);
    tcase_add_test(tc, values_are_typed);
    tcase_add_test(tc, widths_per_kind);
    tcase_add_test(tc, collection_is_udt_framed_text);
    tcase_add_test(tc, unsized_and_bad_descriptors_are_refused);
    tcase_add_test(tc, garbage_values_are_protocol_errors);
    tcase_add_test(tc, byte_text_descriptor_null_flag);
    tcase_add_test(tc, row_walk_mixed_columns);
    suite_add_tcase(s, tc);

    tc = tcase_create("format");
    tcase_add_test(tc, format_truncates_like_snprintf);
    tcase_add_test(tc, format_decimal_without_column_prints_all_digits);
    tcase_add_test(tc, float_format_round_trips);
    tcase_add_test(tc, float_format_ignores_lc_numeric);
    tcase_add_test(tc, date_helpers);
    tcase_add_test(tc, int8_helpers);
    suite_add_tcase(s, tc);

    tc = tcase_create("params");
    tcase_add_test(tc, param_blocks_doc_example);
    tcase_add_test(tc, param_blocks_every_type);
    tcase_add_test(tc, param_refusals_leave_buffer_untouched);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(value_suite());
}
