/* SPDX-License-Identifier: MIT */
/* test_sq_value_fast.c - unit tests of the decoder fast paths: the per-column
 * facts sq_coldesc_resolve() precomputes (width class, fixed width, DATETIME /
 * INTERVAL digit layout) against the general computation for every kind,
 * encoded length and qualifier; the pair-wise DATETIME/INTERVAL decoder and
 * the one-pass DECIMAL reader against reference readings; row splitting. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_limits.h"
#include "sq_types.h"
#include "sq_value.h"

/* ---- helpers ---- */

/* Check marks a point (a pipe write in fork mode) on every ck_assert; the
 * comparison loops here run millions of times, so they fail through this. */
#define EXPECT(cond, ...)                                                                          \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ck_abort_msg(__VA_ARGS__);                                                             \
    } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static struct sq_coldesc resolved(uint16_t type, uint32_t xid, const char *xname, uint32_t enc)
{
    struct sq_coldesc c = {.name = "c", .type = type, .xid = xid, .xname = xname, .enc_len = enc};
    sq_coldesc_resolve(&c);
    return c;
}

/* The same descriptor without precomputed facts: the general path. */
static struct sq_coldesc general_of(const struct sq_coldesc *c)
{
    struct sq_coldesc g = {.name = c->name,
                           .type = c->type,
                           .xid = c->xid,
                           .xname = c->xname,
                           .enc_len = c->enc_len,
                           .source_type = c->source_type,
                           .kind = c->kind,
                           .nullable = c->nullable};
    return g;
}

static void assert_value_eq(const struct sq_value *a, const struct sq_value *b, const char *what)
{
    EXPECT(a->kind == b->kind && a->is_null == b->is_null, "%s: kind/null differ", what);
    switch (a->kind) {
    case SQ_K_DATETIME:
    case SQ_K_INTERVAL:
        EXPECT(a->u.dt.qual == b->u.dt.qual && a->u.dt.neg == b->u.dt.neg, "%s: qual/neg differ",
               what);
        for (int f = 0; f < 7; f++)
            EXPECT(a->u.dt.f[f] == b->u.dt.f[f], "%s: field %d: %lld vs %lld", what, f,
                   (long long)a->u.dt.f[f], (long long)b->u.dt.f[f]);
        break;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
        EXPECT(a->u.dec.sign == b->u.dec.sign && a->u.dec.exp == b->u.dec.exp &&
                   a->u.dec.ndig == b->u.dec.ndig &&
                   memcmp(a->u.dec.dig, b->u.dec.dig, sizeof a->u.dec.dig) == 0,
               "%s: decimals differ", what);
        break;
    default:
        EXPECT(a->u.s.p == b->u.s.p && a->u.s.n == b->u.s.n, "%s: values differ", what);
        break;
    }
}

/* Decode with the precomputed facts and through the general path: same
 * answer, and on success the same value. Returns the answer. */
static enum sq_rc decode_both(const struct sq_coldesc *c, const uint8_t *p, size_t n,
                              struct sq_value *v)
{
    struct sq_coldesc g = general_of(c);
    struct sq_value gv;
    memset(v, 0xA5, sizeof *v);
    memset(&gv, 0xA5, sizeof gv);
    enum sq_rc rc = sq_value_decode(c, p, n, v);
    enum sq_rc grc = sq_value_decode(&g, p, n, &gv);
    EXPECT(rc == grc, "type %u enc 0x%x n %zu: fast %s, general %s", c->type, (unsigned)c->enc_len,
           n, sq_rc_name(rc), sq_rc_name(grc));
    /* Values are compared only on success: after an error the output is
     * unspecified, and reading the 0xA5 filler back as a bool is undefined
     * behaviour (UBSan stops on it). */
    if (rc == SQ_RC_OK)
        assert_value_eq(v, &gv, sq_kind_name(c->kind));
    return rc;
}

/* ---- widths ---- */

static const uint16_t type_codes[] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                                      15, 16, 17, 18, 19, 22, 24, 40, 41, 43, 45, 52, 53, 60, 255};
static const uint16_t type_flags[] = {0, SQ_TF_NOTNULL, SQ_TF_DISTBOOLEAN, SQ_TF_DISTLVARCHAR,
                                      SQ_TF_DISTINCT | SQ_TF_NOTNULL};
static const struct {
    uint32_t xid;
    const char *xname;
} xtypes[] = {{0, ""}, {1, "lvarchar"}, {5, "boolean"}, {10, ""}, {11, "CLOB"}, {99, "point"}};

/* Byte strings a width is computed on, at several lengths. */
static void check_width_same(const struct sq_coldesc *c)
{
    static const uint8_t bufs[][12] = {
        {0},
        {5, 'a', 'b', 'c', 'd', 'e', 0, 0, 0, 0, 0, 0},
        {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
        {0, 0, 0, 0, 3, 'x', 'y', 'z', 0, 0, 0, 0},
        {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        {0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0},
    };
    static uint8_t big[SQ_BLOB_DESCRIPTOR_SIZE + SQ_LO_LOCATOR_SIZE + 300];
    static const size_t avails[] = {0, 1, 2, 4, 5, 8, 10, 12};
    struct sq_coldesc g = general_of(c);

    EXPECT(sq_coldesc_pre_ok(c), "facts not trusted");
    for (size_t b = 0; b < sizeof bufs / sizeof bufs[0]; b++)
        for (size_t a = 0; a < sizeof avails / sizeof avails[0]; a++) {
            size_t w1 = 12345, w2 = 12345;
            enum sq_rc r1 = sq_value_width(c, bufs[b], avails[a], &w1);
            enum sq_rc r2 = sq_value_width(&g, bufs[b], avails[a], &w2);
            EXPECT(r1 == r2 && w1 == w2,
                   "type 0x%x xid %u enc 0x%x buf %zu avail %zu: %s/%zu vs %s/%zu", c->type, c->xid,
                   (unsigned)c->enc_len, b, avails[a], sq_rc_name(r1), w1, sq_rc_name(r2), w2);
        }
    /* and a roomy, zeroed row (fixed kinds that fit) */
    size_t w1 = 1, w2 = 2;
    enum sq_rc r1 = sq_value_width(c, big, sizeof big, &w1);
    enum sq_rc r2 = sq_value_width(&g, big, sizeof big, &w2);
    EXPECT(r1 == r2 && (r1 != SQ_RC_OK || w1 == w2), "roomy row differs");
    if (c->pre_wclass == SQ_WC_FIXED && c->pre_width <= sizeof big) {
        EXPECT(r1 == SQ_RC_OK && w1 == c->pre_width, "fixed width %zu", w1);
    }
}

START_TEST(precomputed_width_equals_general_for_every_kind)
{
    static const uint32_t encs[] = {0,
                                    1,
                                    2,
                                    4,
                                    8,
                                    10,
                                    20,
                                    56,
                                    72,
                                    255,
                                    256,
                                    0x0C02,
                                    0x20FF,
                                    0x2121,
                                    0x0502,
                                    0x0A0A,
                                    0x0E0A,
                                    0x0F0B,
                                    0x0306,
                                    0xFFFF,
                                    0x10000u,
                                    0xFFFFFFFFu,
                                    SQ_MAX_ROW_SIZE,
                                    SQ_MAX_ROW_SIZE + 1u};
    size_t n = 0;
    for (size_t t = 0; t < sizeof type_codes / sizeof type_codes[0]; t++)
        for (size_t f = 0; f < sizeof type_flags / sizeof type_flags[0]; f++)
            for (size_t x = 0; x < sizeof xtypes / sizeof xtypes[0]; x++)
                for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
                    struct sq_coldesc c = resolved((uint16_t)(type_codes[t] | type_flags[f]),
                                                   xtypes[x].xid, xtypes[x].xname, encs[e]);
                    check_width_same(&c);
                    n++;
                }
    ck_assert_uint_gt(n, 1000);
}
END_TEST

START_TEST(precomputed_width_equals_general_for_every_precision_and_qualifier)
{
    /* DECIMAL/MONEY: every precision and scale byte */
    for (unsigned p = 0; p < 256; p++)
        for (unsigned s = 0; s < 256; s++) {
            uint32_t enc = (p << 8) | s;
            struct sq_coldesc d = resolved(SQ_T_DECIMAL, 0, "", enc);
            check_width_same(&d);
            bool valid = p >= 1 && p <= 32 && (s == SQ_DEC_FLOATING || s <= p);
            ck_assert_int_eq(d.pre_wclass, valid ? SQ_WC_FIXED : SQ_WC_ERROR);
            if (valid)
                ck_assert_uint_eq(d.pre_width, SQ_DECLEN(p, s));
            struct sq_coldesc m = resolved(SQ_T_MONEY, 0, "", enc);
            ck_assert_int_eq(m.pre_wclass, d.pre_wclass);
            ck_assert_uint_eq(m.pre_width, d.pre_width);
        }
    /* DATETIME/INTERVAL: every length, start and end nibble */
    size_t valid_dt = 0, valid_iv = 0;
    for (unsigned len = 0; len < 40; len++)
        for (unsigned s = 0; s < 16; s++)
            for (unsigned e = 0; e < 16; e++) {
                uint16_t q = SQ_TU_ENCODE(len, s, e);
                for (int iv = 0; iv < 2; iv++) {
                    struct sq_coldesc c = resolved(iv ? SQ_T_INTERVAL : SQ_T_DATETIME, 0, "", q);
                    check_width_same(&c);
                    bool valid = sq_dt_qual_valid(q, iv);
                    ck_assert_int_eq(c.pre_dt_ok, valid && !(s == SQ_TU_FRAC && e > SQ_TU_SECOND));
                    if (c.pre_dt_ok) {
                        ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED);
                        ck_assert_uint_eq(c.pre_width, sq_dt_width(q));
                        ck_assert_uint_eq(c.pre_dt_idig + c.pre_dt_fdig, len);
                        ck_assert_uint_eq(c.pre_dt_first, s / 2);
                        *(iv ? &valid_iv : &valid_dt) += 1;
                    } else if (valid) { /* FRACTION TO FRACTION(n): general decoder */
                        ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED);
                        ck_assert_uint_eq(c.pre_width, sq_dt_width(q));
                    } else {
                        ck_assert_int_eq(c.pre_wclass, SQ_WC_ERROR);
                    }
                }
            }
    /* DATETIME: YEAR..SECOND start/end pairs x FRACTION(0..5): 21 + 6 x 5 = 51 */
    ck_assert_uint_eq(valid_dt, 51);
    ck_assert_uint_gt(valid_iv, 100);
}
END_TEST

START_TEST(width_classes_per_kind)
{
    struct sq_coldesc c = resolved(SQ_T_INTEGER, 0, "", 4);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED);
    ck_assert_uint_eq(c.pre_width, 4);
    c = resolved(SQ_T_INT8, 0, "", 10);
    ck_assert_uint_eq(c.pre_width, 10);
    c = resolved(SQ_T_CHAR, 0, "", 0);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED);
    ck_assert_uint_eq(c.pre_width, 0);
    c = resolved(SQ_T_NVARCHAR, 0, "", 20);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_U8LEN);
    c = resolved(SQ_T_UDTVAR, 1, "lvarchar", 2048);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_UDT);
    c = resolved(SQ_T_BOOLEAN_CLIENT, 0, "", 1);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED);
    ck_assert_uint_eq(c.pre_width, 1);
    c = resolved(SQ_T_BOOLEAN_CLIENT | SQ_TF_DISTBOOLEAN, 0, "", 1);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_UDT);
    c = resolved(SQ_T_SET, 0, "", 4);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_UDT); /* a collection's text form */
    c = resolved(SQ_T_ROWREF, 0, "", 4);
    ck_assert_int_eq(c.pre_wclass, SQ_WC_ERROR);
    ck_assert_int_eq(c.pre_wrc, SQ_RC_UNSUPPORTED);
    c = resolved(SQ_T_DATETIME, 0, "", SQ_TU_ENCODE(2, SQ_TU_FRAC, SQ_TU_F2));
    ck_assert_int_eq(c.pre_wclass, SQ_WC_FIXED); /* FRACTION TO FRACTION(2): 1 + 1 bytes */
    ck_assert_uint_eq(c.pre_width, 2);
    c = resolved(SQ_T_CHAR, 0, "", SQ_MAX_ROW_SIZE + 1u);
    ck_assert_int_eq(c.pre_wrc, SQ_RC_PROTOCOL);
}
END_TEST

/* Facts computed for other inputs are never used: a descriptor changed after
 * resolving, or built without resolving, takes the general path. */
START_TEST(stale_or_missing_facts_are_not_trusted)
{
    static const uint8_t dec7[7] = {0xC3, 0x01, 0x23, 0x45, 0x67, 0x00, 0x00};
    size_t w = 0;
    struct sq_value v;

    struct sq_coldesc c = resolved(SQ_T_DECIMAL, 0, "", 0x0C02); /* DECIMAL(12,2): 7 bytes */
    ck_assert_int_eq(sq_value_width(&c, dec7, sizeof dec7, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 7);
    c.enc_len = 0x0502; /* DECIMAL(5,2): 4 bytes */
    ck_assert(!sq_coldesc_pre_ok(&c));
    ck_assert_int_eq(sq_value_width(&c, dec7, sizeof dec7, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 4);
    ck_assert_int_eq(sq_value_decode(&c, dec7, 7, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(sq_value_decode(&c, dec7, 4, &v), SQ_RC_OK);

    c = resolved(SQ_T_INTEGER, 0, "", 4);
    c.kind = SQ_K_SMALLINT;
    ck_assert_int_eq(sq_value_width(&c, dec7, sizeof dec7, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 2);

    c = resolved(SQ_T_BOOLEAN_CLIENT, 0, "", 1);
    c.type = SQ_T_UDTFIXED; /* same kind, now UDT framed */
    ck_assert_int_eq(sq_value_width(&c, dec7, sizeof dec7, &w), SQ_RC_PROTOCOL);

    /* DATETIME whose qualifier changed: the new one decides */
    uint16_t ys = SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND),
             hm = SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_MINUTE);
    static const uint8_t v4[8] = {0xC7, 0x14, 0x1A, 0x06, 0x14, 0x0C, 0x22, 0x38}; /* doc V4 */
    static const uint8_t hm5[3] = {0xC2, 0x05, 0x00};                              /* 05:00 */
    c = resolved(SQ_T_DATETIME, 0, "", ys);
    ck_assert_int_eq(sq_value_decode(&c, v4, sizeof v4, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_YEAR], 2026);
    c.enc_len = hm;
    ck_assert_int_eq(sq_value_decode(&c, hm5, sizeof hm5, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_HOUR], 5);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_YEAR], 0);
    ck_assert_uint_eq(v.u.dt.qual, hm);

    /* designated initialiser with the kind only, never resolved */
    struct sq_coldesc bare = {.name = "b", .kind = SQ_K_INTEGER, .xname = ""};
    ck_assert(!sq_coldesc_pre_ok(&bare));
    ck_assert_int_eq(sq_value_width(&bare, dec7, sizeof dec7, &w), SQ_RC_OK);
    ck_assert_uint_eq(w, 4);
}
END_TEST

/* ---- DATETIME / INTERVAL pair decoder ---- */

struct qual_case {
    uint16_t q;
    bool interval;
};

static size_t all_valid_quals(struct qual_case *out, size_t cap)
{
    size_t n = 0;
    for (unsigned len = 1; len <= 32; len++)
        for (unsigned s = 0; s <= SQ_TU_SECOND; s += 2)
            for (unsigned e = s; e <= SQ_TU_F5; e++)
                for (int iv = 0; iv < 2; iv++) {
                    uint16_t q = SQ_TU_ENCODE(len, s, e);
                    if (sq_dt_qual_valid(q, iv) && n < cap)
                        out[n++] = (struct qual_case){q, iv != 0};
                }
    return n;
}

/* A random value within the qualifier's ranges. */
static void random_dt(uint16_t q, bool interval, const struct sq_coldesc *c, struct sq_dt *dt)
{
    static const int64_t hi[7] = {9999, 12, 28, 23, 59, 59, 99999};
    static const int64_t ihi[7] = {9999, 11, 31, 23, 59, 59, 99999};
    static const int64_t p10[10] = {1,      10,      100,      1000,      10000,
                                    100000, 1000000, 10000000, 100000000, 1000000000};
    memset(dt, 0, sizeof *dt);
    dt->qual = q;
    for (int f = c->pre_dt_first; f <= c->pre_dt_last; f++) {
        int64_t top = interval ? ihi[f] : hi[f];
        if (f == c->pre_dt_first && interval)
            top = p10[c->pre_dt_lead_w] - 1;
        int64_t lo = (!interval && f <= SQ_DT_DAY) ? 1 : 0;
        switch (rnd() % 4) {
        case 0:
            dt->f[f] = lo;
            break;
        case 1:
            dt->f[f] = top;
            break;
        default:
            dt->f[f] = lo + (int64_t)(rnd() % (uint32_t)(top - lo + 1));
            break;
        }
    }
    if (c->pre_dt_fdig) {
        int64_t unit = p10[5 - c->pre_dt_fdig];
        dt->f[SQ_DT_FRAC] = (int64_t)(rnd() % 100000u) / unit * unit;
    }
    dt->neg = interval && (rnd() & 1);
}

START_TEST(datetime_pair_decoder_matches_reference)
{
    static struct qual_case qs[2000];
    size_t nq = all_valid_quals(qs, sizeof qs / sizeof qs[0]);
    size_t ok = 0, refused = 0;
    ck_assert_uint_gt(nq, 300);
    for (size_t i = 0; i < nq; i++) {
        struct sq_coldesc c =
            resolved(qs[i].interval ? SQ_T_INTERVAL : SQ_T_DATETIME, 0, "", qs[i].q);
        size_t w = sq_dt_width(qs[i].q);
        uint8_t b[40];
        struct sq_value v;
        ck_assert(c.pre_dt_ok);
        ck_assert_uint_le(w, sizeof b);
        for (int rep = 0; rep < 40; rep++) {
            /* a valid value, its encoding, then every byte of it disturbed */
            struct sq_dt dt;
            random_dt(qs[i].q, qs[i].interval, &c, &dt);
            EXPECT(sq_dt_to_wire(&dt, qs[i].interval, b, w) == SQ_RC_OK, "to_wire");
            EXPECT(decode_both(&c, b, w, &v) == SQ_RC_OK, "qual 0x%04x: valid value refused",
                   qs[i].q);
            for (int f = 0; f < 7; f++)
                EXPECT(v.u.dt.f[f] == dt.f[f], "qual 0x%04x field %d", qs[i].q, f);
            ok++;
            for (size_t k = 0; k < w; k++) {
                uint8_t keep = b[k];
                static const uint8_t probes[] = {0,  1,  9,   10,   23,   24,   59,
                                                 60, 99, 100, 0x7F, 0x80, 0xC0, 0xFF};
                for (size_t pi = 0; pi < sizeof probes; pi++) {
                    b[k] = probes[pi];
                    if (decode_both(&c, b, w, &v) != SQ_RC_OK)
                        refused++;
                }
                b[k] = (uint8_t)rnd();
                (void)decode_both(&c, b, w, &v);
                b[k] = keep;
            }
            /* random bytes with a positive exponent near the layout's */
            b[0] = (uint8_t)(0xC0 + (c.pre_dt_idig + 1u) / 2u - 2u + rnd() % 5);
            for (size_t k = 1; k < w; k++)
                b[k] = (uint8_t)(rnd() % 8 == 0 ? rnd() : rnd() % 100);
            (void)decode_both(&c, b, w, &v);
            /* NULL, and wrong lengths */
            memset(b, 0, w);
            EXPECT(decode_both(&c, b, w, &v) == SQ_RC_OK && v.is_null, "NULL");
            EXPECT(decode_both(&c, b, w - 1, &v) == SQ_RC_PROTOCOL, "short");
            EXPECT(decode_both(&c, b, w + 1, &v) == SQ_RC_PROTOCOL, "long");
        }
    }
    ck_assert_uint_gt(ok, 10000);
    ck_assert_uint_gt(refused, 1000);
}
END_TEST

/* Hand-picked cases of the digit rule (doc §17.4, vectors V4 and V5). */
START_TEST(datetime_pair_decoder_vectors)
{
    struct sq_value v;
    /* V4: YEAR TO SECOND 2026-06-20 12:34:56 */
    static const uint8_t v4[] = {0xC7, 0x14, 0x1A, 0x06, 0x14, 0x0C, 0x22, 0x38};
    struct sq_coldesc c = resolved(SQ_T_DATETIME, 0, "", SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND));
    ck_assert_int_eq(decode_both(&c, v4, sizeof v4, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_YEAR], 2026);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_DAY], 20);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_SECOND], 56);
    /* V5: INTERVAL DAY(2) TO SECOND 12 03:04:05 */
    static const uint8_t v5[] = {0xC4, 0x0C, 0x03, 0x04, 0x05};
    c = resolved(SQ_T_INTERVAL, 0, "", SQ_TU_IENCODE(2, SQ_TU_DAY, SQ_TU_SECOND));
    ck_assert_int_eq(decode_both(&c, v5, sizeof v5, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_DAY], 12);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_SECOND], 5);
    ck_assert(!v.u.dt.neg);
    /* HOUR TO SECOND 00:00:05: leading zero pairs dropped (shifted layout) */
    static const uint8_t hs[] = {0xC1, 0x05, 0x00, 0x00};
    c = resolved(SQ_T_DATETIME, 0, "", SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_SECOND));
    ck_assert_int_eq(decode_both(&c, hs, sizeof hs, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_SECOND], 5);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_HOUR], 0);
    /* ... and 24:00:00, 00:60:00, a digit 100, February 30th are refused */
    static const uint8_t h24[] = {0xC3, 0x18, 0x00, 0x00};
    static const uint8_t m60[] = {0xC3, 0x00, 0x3C, 0x00};
    static const uint8_t d100[] = {0xC3, 0x01, 0x64, 0x00};
    ck_assert_int_eq(decode_both(&c, h24, sizeof h24, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(decode_both(&c, m60, sizeof m60, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(decode_both(&c, d100, sizeof d100, &v), SQ_RC_PROTOCOL);
    static const uint8_t feb30[] = {0xC4, 0x14, 0x18, 0x02, 0x1E};
    static const uint8_t feb29[] = {0xC4, 0x14, 0x18, 0x02, 0x1D};
    static const uint8_t feb29x[] = {0xC4, 0x14, 0x19, 0x02, 0x1D};
    c = resolved(SQ_T_DATETIME, 0, "", SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY));
    ck_assert_int_eq(decode_both(&c, feb30, sizeof feb30, &v), SQ_RC_PROTOCOL);
    ck_assert_int_eq(decode_both(&c, feb29, sizeof feb29, &v), SQ_RC_OK);
    ck_assert_int_eq(decode_both(&c, feb29x, sizeof feb29x, &v), SQ_RC_PROTOCOL);
    /* INTERVAL HOUR(3) TO MINUTE 123:45 (odd leading width) and 1000:00 refused */
    static const uint8_t h3[] = {0xC3, 0x01, 0x17, 0x2D};
    static const uint8_t h3x[] = {0xC3, 0x0A, 0x00, 0x00};
    c = resolved(SQ_T_INTERVAL, 0, "", SQ_TU_IENCODE(3, SQ_TU_HOUR, SQ_TU_MINUTE));
    ck_assert_int_eq(decode_both(&c, h3, sizeof h3, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_HOUR], 123);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_MINUTE], 45);
    ck_assert_int_eq(decode_both(&c, h3x, sizeof h3x, &v), SQ_RC_PROTOCOL);
    /* SECOND TO FRACTION(3) 5.123 and a digit past FRACTION(3) */
    static const uint8_t f3[] = {0xC1, 0x05, 0x0C, 0x1E};
    static const uint8_t f3x[] = {0xC1, 0x05, 0x0C, 0x1F};
    c = resolved(SQ_T_DATETIME, 0, "", SQ_TU_DTENCODE(SQ_TU_SECOND, SQ_TU_F3));
    ck_assert_int_eq(decode_both(&c, f3, sizeof f3, &v), SQ_RC_OK);
    ck_assert_int_eq(v.u.dt.f[SQ_DT_FRAC], 12300);
    ck_assert_int_eq(decode_both(&c, f3x, sizeof f3x, &v), SQ_RC_PROTOCOL);
}
END_TEST

/* ---- DECIMAL one-pass reader ---- */

/* The straightforward reading of the stored form (doc §9.4): copy, undo the
 * complement, strip zero digits at both ends. */
static enum sq_rc ref_dec_from_wire(const uint8_t *p, size_t n, struct sq_decimal *d, bool *is_null)
{
    uint8_t dig[SQ_MAX_DEC_DIGITS];
    memset(d, 0, sizeof *d);
    d->sign = 1;
    *is_null = false;
    if (n < 1 || n - 1 > SQ_MAX_DEC_DIGITS)
        return SQ_RC_PROTOCOL;
    if (p[0] == 0x00) {
        *is_null = true;
        return SQ_RC_OK;
    }
    bool pos = (p[0] & 0x80u) != 0;
    unsigned e7 = p[0] & 0x7Fu;
    if (!pos)
        e7 ^= 0x7Fu;
    size_t nd = n - 1;
    for (size_t i = 0; i < nd; i++) {
        if (p[1 + i] > 99)
            return SQ_RC_PROTOCOL;
        dig[i] = p[1 + i];
    }
    if (!pos) {
        size_t i = nd;
        while (i > 0 && dig[i - 1] == 0)
            i--;
        if (i > 0) {
            dig[i - 1] = (uint8_t)(100u - dig[i - 1]);
            for (size_t j = 0; j + 1 < i; j++)
                dig[j] = (uint8_t)(99u - dig[j]);
        }
    }
    size_t first = 0, last = nd;
    while (first < nd && dig[first] == 0)
        first++;
    while (last > first && dig[last - 1] == 0)
        last--;
    if (first == last)
        return SQ_RC_OK;
    d->sign = (int8_t)(pos ? 1 : -1);
    d->exp = (int16_t)((int)e7 - 64 - (int)first);
    d->ndig = (uint8_t)(last - first);
    memcpy(d->dig, dig + first, last - first);
    return SQ_RC_OK;
}

START_TEST(decimal_reader_matches_reference)
{
    uint8_t b[40];
    size_t cases = 0;
    for (size_t n = 0; n <= 34; n++)
        for (int rep = 0; rep < 3000; rep++) {
            b[0] = (uint8_t)rnd();
            if (rep % 7 == 0)
                b[0] = 0;
            for (size_t k = 1; k < n; k++) {
                uint32_t r = rnd();
                b[k] = (uint8_t)(r % 16 == 0   ? 0
                                 : r % 16 == 1 ? 99
                                 : r % 64 == 2 ? r >> 8
                                               : r % 100);
                if (rep % 5 == 0 && k < 3)
                    b[k] = 0; /* leading zero digits: not normalised */
                if (rep % 3 == 0 && k + 2 >= n)
                    b[k] = 0; /* trailing zero digits */
            }
            struct sq_decimal d1, d2;
            bool z1 = true, z2 = false;
            memset(&d1, 0x5A, sizeof d1);
            memset(&d2, 0xA5, sizeof d2);
            enum sq_rc r1 = sq_dec_from_wire(b, n, &d1, &z1);
            enum sq_rc r2 = ref_dec_from_wire(b, n, &d2, &z2);
            EXPECT(r1 == r2 && z1 == z2 && d1.sign == d2.sign && d1.exp == d2.exp &&
                       d1.ndig == d2.ndig && memcmp(d1.dig, d2.dig, sizeof d1.dig) == 0,
                   "n %zu rep %d: decimal readings differ", n, rep);
            cases++;
        }
    ck_assert_uint_eq(cases, 35u * 3000u);
}
END_TEST

/* Every DECIMAL(p,s) column decodes a value like the general path. */
START_TEST(decimal_columns_match_general)
{
    uint8_t b[20];
    struct sq_value v;
    for (unsigned p = 1; p <= 32; p++)
        for (unsigned s = 0; s <= p + 1; s++) {
            unsigned sc = s > p ? SQ_DEC_FLOATING : s;
            struct sq_coldesc c = resolved(SQ_T_DECIMAL, 0, "", (p << 8) | sc);
            size_t w = SQ_DECLEN(p, sc);
            ck_assert_uint_le(w, sizeof b);
            for (int rep = 0; rep < 20; rep++) {
                for (size_t k = 0; k < w; k++)
                    b[k] = (uint8_t)(k == 0 ? rnd() : rnd() % 101);
                (void)decode_both(&c, b, w, &v);
                (void)decode_both(&c, b, w - 1, &v);
            }
        }
}
END_TEST

/* ---- the other kinds through decode ---- */

START_TEST(fixed_and_varchar_decode_match_general)
{
    static const struct {
        uint16_t type;
        uint32_t xid;
        const char *xname;
        uint32_t enc;
    } cols[] = {{SQ_T_SMALLINT, 0, "", 2},
                {SQ_T_INTEGER, 0, "", 4},
                {SQ_T_SERIAL, 0, "", 4},
                {SQ_T_DATE, 0, "", 4},
                {SQ_T_BIGINT, 0, "", 8},
                {SQ_T_BIGSERIAL, 0, "", 8},
                {SQ_T_INT8, 0, "", 10},
                {SQ_T_SERIAL8, 0, "", 10},
                {SQ_T_SMALLFLOAT, 0, "", 4},
                {SQ_T_FLOAT, 0, "", 8},
                {SQ_T_CHAR, 0, "", 6},
                {SQ_T_NCHAR, 0, "", 3},
                {SQ_T_VARCHAR, 0, "", 20},
                {SQ_T_NVARCHAR, 0, "", 255},
                {SQ_T_BYTE, 0, "", 56},
                {SQ_T_TEXT, 0, "", 56},
                {SQ_T_BOOLEAN_CLIENT, 0, "", 1},
                {SQ_T_UDTFIXED, 5, "boolean", 1},
                {SQ_T_UDTVAR, 1, "lvarchar", 100},
                {SQ_T_UDTFIXED, 10, "", 72},
                {SQ_T_SET, 0, "", 4},
                {SQ_T_NULL, 0, "", 0}};
    uint8_t b[100];
    struct sq_value v;
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        struct sq_coldesc c = resolved(cols[i].type, cols[i].xid, cols[i].xname, cols[i].enc);
        for (int rep = 0; rep < 200; rep++) {
            for (size_t k = 0; k < sizeof b; k++)
                b[k] = (uint8_t)(rep % 4 == 0 ? 0 : rep % 4 == 1 ? 0xFF : rnd());
            if (rep % 5 == 2) {
                b[0] = (uint8_t)(rnd() % 3); /* UDT null flags, short VARCHARs */
                b[1] = b[2] = b[3] = 0;
                b[4] = (uint8_t)(rnd() % 80);
            }
            for (size_t n = 0; n <= 90; n++)
                (void)decode_both(&c, b, n, &v);
        }
    }
}
END_TEST

/* ---- row splitting (sq_result.c) ---- */

static struct sq_stmt *stmt_with(const struct sq_coldesc *cols, size_t n)
{
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    ck_assert_ptr_nonnull(st);
    sq_buf_init(&st->rows);
    st->cols = sq_calloc(n, sizeof *st->cols);
    st->spans = sq_calloc(n, sizeof *st->spans);
    st->fixw = sq_calloc(n, sizeof *st->fixw);
    ck_assert(st->cols && st->spans && st->fixw);
    memcpy(st->cols, cols, n * sizeof *cols);
    st->ncols = n;
    return st;
}

static void stmt_drop(struct sq_stmt *st)
{
    sq_result_fini(st);
    sq_free(st->cols);
    sq_free(st->spans);
    sq_free(st->fixw);
    sq_free(st);
}

/* The spans sq_result_row() gives, or its answer, equal a walk with
 * sq_value_width() over general-path copies of the columns. */
static enum sq_rc split_and_compare(struct sq_stmt *st, const uint8_t *row, size_t len)
{
    sq_result_reset(st);
    EXPECT(sq_result_add_tuple(st, 0, row, (uint32_t)len, 0) == SQ_RC_OK, "add_tuple");
    const struct sq_row *r = NULL;
    enum sq_rc rc = sq_result_row(st, 0, &r);
    size_t off = 0;
    enum sq_rc want = SQ_RC_OK;
    for (size_t c = 0; c < st->ncols && want == SQ_RC_OK; c++) {
        struct sq_coldesc g = general_of(&st->cols[c]);
        size_t w;
        want = sq_value_width(&g, row + off, len - off, &w);
        if (want == SQ_RC_OK && rc == SQ_RC_OK) {
            EXPECT(r->spans[c].off == off && r->spans[c].len == w, "column %zu span", c);
        }
        off += want == SQ_RC_OK ? w : 0;
    }
    if (want == SQ_RC_OK && off != len)
        want = SQ_RC_PROTOCOL;
    EXPECT(rc == want, "row of %zu bytes: %s, general walk %s", len, sq_rc_name(rc),
           sq_rc_name(want));
    return rc;
}

START_TEST(row_split_matches_general_walk)
{
    struct sq_coldesc cols[5] = {
        resolved(SQ_T_INTEGER, 0, "", 4), resolved(SQ_T_VARCHAR, 0, "", 20),
        resolved(SQ_T_DECIMAL, 0, "", 0x0C02), resolved(SQ_T_NVARCHAR, 0, "", 20),
        resolved(SQ_T_UDTVAR, 1, "lvarchar", 100)};
    struct sq_stmt *st = stmt_with(cols, 5);
    /* 4 + (1+3) + 7 + (1+0) + (5+2) = 23 bytes */
    static const uint8_t row[] = {0,  0, 0, 7, 3, 'a', 'b', 'c', 0xC3, 1,   23, 45,
                                  67, 0, 0, 0, 0, 0,   0,   0,   2,    'h', 'i'};
    ck_assert_int_eq(split_and_compare(st, row, sizeof row), SQ_RC_OK);
    ck_assert_int_eq(split_and_compare(st, row, sizeof row), SQ_RC_OK); /* cached widths */
    /* every truncation, and every value of the VARCHAR length bytes */
    for (size_t n = 0; n < sizeof row; n++)
        ck_assert_int_ne(split_and_compare(st, row, n), SQ_RC_OK);
    uint8_t b[sizeof row + 300];
    for (unsigned l1 = 0; l1 < 256; l1 += 5)
        for (unsigned l2 = 0; l2 < 256; l2 += 7) {
            memset(b, 'x', sizeof b);
            memcpy(b, row, sizeof row);
            b[4] = (uint8_t)l1;
            size_t at = 4 + 1 + l1 + 7;
            b[at] = (uint8_t)l2;
            (void)split_and_compare(st, b, sizeof row);
            (void)split_and_compare(st, b, at + 1 + l2 + 7 < sizeof b ? at + 1 + l2 + 7 : sizeof b);
        }
    stmt_drop(st);
}
END_TEST

static Suite *fast_suite(void)
{
    Suite *s = suite_create("sq_value_fast");
    TCase *tc = tcase_create("widths");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, precomputed_width_equals_general_for_every_kind);
    tcase_add_test(tc, precomputed_width_equals_general_for_every_precision_and_qualifier);
    tcase_add_test(tc, width_classes_per_kind);
    tcase_add_test(tc, stale_or_missing_facts_are_not_trusted);
    suite_add_tcase(s, tc);

    tc = tcase_create("decode");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, datetime_pair_decoder_matches_reference);
    tcase_add_test(tc, datetime_pair_decoder_vectors);
    tcase_add_test(tc, decimal_reader_matches_reference);
    tcase_add_test(tc, decimal_columns_match_general);
    tcase_add_test(tc, fixed_and_varchar_decode_match_general);
    suite_add_tcase(s, tc);

    tc = tcase_create("rows");
    tcase_add_test(tc, row_split_matches_general_walk);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(fast_suite());
}
