/* SPDX-License-Identifier: MIT */
/* test_srv_perf_equiv.c - ifxlite's fast fetch paths give exactly what the
 * general paths give: DECIMAL text from a stored REAL / INTEGER / TEXT (vs
 * "%.15g" + ifx_dec_round + ifx_dec_format), DECIMAL and DATETIME wire forms
 * (fast text layouts vs the general parsers, reached with a leading blank),
 * DATETIME parse/format (vs the general parser and the old snprintf format),
 * over many deterministic pseudo-random values, every DECIMAL(p,s) and every
 * DATETIME qualifier. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_types.h"
#include "srv_sql_internal.h"
#include "srv_value.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    rng_state = x;
    return x;
}

static unsigned rndn(unsigned n)
{
    return (unsigned)(rnd() % n);
}

/* The general path of convert_col for a REAL in DECIMAL(p,s). */
static size_t old_dec_text_double(double v, unsigned p, unsigned s, char *out, size_t cap)
{
    struct ifx_dec d;
    ifx_dec_from_double(v, &d);
    ifx_dec_round(&d, p, s);
    return ifx_dec_format(&d, s, out, cap);
}

static size_t old_dec_text_parse(const char *txt, unsigned p, unsigned s, char *out, size_t cap)
{
    struct ifx_dec d;
    if (!ifx_dec_parse(txt, strlen(txt), &d))
        return 0;
    ifx_dec_round(&d, p, s);
    return ifx_dec_format(&d, s, out, cap);
}

/* Random decimal text with nd significant digits (leading digit non-zero)
 * and nf of them after the point (nf may exceed nd: leading fraction zeros). */
static void rnd_decimal(char *buf, unsigned nd, unsigned nf, bool neg)
{
    char dig[64];
    for (unsigned k = 0; k < nd; k++)
        dig[k] = (char)('0' + (k == 0 ? 1 + rndn(9) : rndn(10)));
    size_t o = 0;
    if (neg)
        buf[o++] = '-';
    if (nd > nf) {
        memcpy(buf + o, dig, nd - nf);
        o += nd - nf;
    } else {
        buf[o++] = '0';
    }
    if (nf) {
        buf[o++] = '.';
        for (unsigned k = nd; k < nf; k++)
            buf[o++] = '0';
        unsigned from = nd > nf ? nd - nf : 0;
        memcpy(buf + o, dig + from, nd - from);
        o += nd - from;
    }
    buf[o] = '\0';
}

static void check_double(double v, unsigned s, size_t *fast_hits)
{
    char got[200], want[200];
    for (unsigned p = s > 0 ? s : 1; p <= 32; p += 7) {
        size_t n = srv_dec_text_from_double(v, s, got, sizeof got);
        if (n == 0)
            return;
        size_t m = old_dec_text_double(v, p, s, want, sizeof want);
        ck_assert_msg(n == m && strcmp(got, want) == 0, "%.17g at (%u,%u): fast '%s', general '%s'",
                      v, p, s, got, want);
    }
    (*fast_hits)++;
}

START_TEST(decimal_text_from_double_matches_general_path)
{
    size_t hits = 0, born = 0;
    for (unsigned s = 0; s <= 32; s++) {
        /* Values born as decimals of <= 15 digits with <= s fraction digits:
         * every one must take the fast path (s <= 22) and match. */
        for (int i = 0; i < 1500; i++) {
            char txt[80];
            unsigned nd = 1 + rndn(15);
            unsigned nf = s == 0 ? 0 : rndn((s < 15 ? s : 15) + 1);
            rnd_decimal(txt, nd, nf, rnd() & 1);
            double v = strtod(txt, NULL);
            size_t before = hits;
            check_double(v, s, &hits);
            if (s <= 22) {
                born++;
                ck_assert_msg(hits == before + 1, "fast path not taken for %s at scale %u", txt, s);
            }
        }
        /* Arbitrary doubles: whatever the fast path accepts must match. */
        for (int i = 0; i < 1500; i++) {
            uint64_t bits = rnd();
            double v;
            memcpy(&v, &bits, sizeof v);
            check_double(v, s, &hits);
            check_double(ldexp((double)(rnd() >> 11), -(int)rndn(60)), s, &hits);
            check_double((double)(int64_t)(rnd() >> rndn(64)) / 1000.0, s, &hits);
        }
    }
    static const double edge[] = {0.0,
                                  -0.0,
                                  0.5,
                                  -0.5,
                                  0.05,
                                  0.005,
                                  1e-22,
                                  1e14,
                                  1e15,
                                  999999999999999.0,
                                  99999999999999.9,
                                  0.1,
                                  0.3,
                                  1.005,
                                  2.675,
                                  1e300,
                                  -1e-300,
                                  123456789012345.6,
                                  5e-324};
    for (size_t k = 0; k < sizeof edge / sizeof edge[0]; k++)
        for (unsigned s = 0; s <= 23; s++)
            check_double(edge[k], s, &hits);
    double inf = HUGE_VAL;
    char buf[64];
    ck_assert_uint_eq(srv_dec_text_from_double(inf, 2, buf, sizeof buf), 0);
    ck_assert_uint_eq(srv_dec_text_from_double(-inf, 2, buf, sizeof buf), 0);
    ck_assert_uint_eq(srv_dec_text_from_double(nan(""), 2, buf, sizeof buf), 0);
    ck_assert_uint_eq(srv_dec_text_from_double(1.5, SQ_DEC_FLOATING, buf, sizeof buf), 0);
    ck_assert_uint_eq(srv_dec_text_from_double(12345.5, 2, buf, 8), 0); /* "12345.50" + NUL */
    ck_assert_uint_eq(srv_dec_text_from_double(12345.5, 2, buf, 9), 8);
    ck_assert_str_eq(buf, "12345.50");
    ck_assert_uint_eq(srv_dec_text_from_double(-0.0, 3, buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "0.000");
    ck_assert_uint_eq(srv_dec_text_from_double(-0.05, 2, buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "-0.05");
    ck_assert_uint_eq(srv_dec_text_from_double(1.005, 2, buf, sizeof buf), 0); /* must round */
    ck_assert(born > 30000 && hits >= born);
}
END_TEST

START_TEST(decimal_text_from_int_matches_general_path)
{
    char got[200], want[200], txt[32];
    for (unsigned s = 0; s <= 64; s++) {
        for (int i = 0; i < 400; i++) {
            int64_t v = (int64_t)(rnd() >> rndn(64));
            if (rnd() & 1)
                v = -v;
            if (i == 0)
                v = INT64_MIN;
            if (i == 1)
                v = 0;
            size_t n = srv_dec_text_from_int(v, s, got, sizeof got);
            ck_assert_uint_gt(n, 0);
            snprintf(txt, sizeof txt, "%lld", (long long)v);
            size_t m = old_dec_text_parse(txt, 32, s, want, sizeof want);
            ck_assert_msg(n == m && strcmp(got, want) == 0, "%s at scale %u: '%s' vs '%s'", txt, s,
                          got, want);
        }
    }
    ck_assert_uint_eq(srv_dec_text_from_int(5, SQ_DEC_FLOATING, got, sizeof got), 0);
    ck_assert_uint_eq(srv_dec_text_from_int(-5, 2, got, 5), 0); /* "-5.00" needs 6 */
    ck_assert_uint_eq(srv_dec_text_from_int(-5, 2, got, 6), 5);
    ck_assert_str_eq(got, "-5.00");
}
END_TEST

/* Random text in and around the plain decimal form. */
static void rnd_dec_text(char *buf, size_t cap)
{
    static const char alpha[] = "0123456789000.-+ e";
    size_t o = 0;
    unsigned kind = rndn(4);
    if (kind == 0) { /* anything */
        unsigned len = rndn(12);
        for (unsigned k = 0; k < len && o + 1 < cap; k++)
            buf[o++] = alpha[rndn(sizeof alpha - 1)];
        buf[o] = '\0';
        return;
    }
    if (rnd() & 1)
        buf[o++] = '-';
    unsigned ni = rndn(kind == 3 ? 40 : 12), nf = rndn(kind == 3 ? 40 : 8);
    for (unsigned k = 0; k < ni && o + 1 < cap; k++)
        buf[o++] = (char)('0' + (rndn(3) == 0 ? 0 : rndn(10)));
    if (nf || rndn(4) == 0) {
        buf[o++] = '.';
        for (unsigned k = 0; k < nf && o + 1 < cap; k++)
            buf[o++] = (char)('0' + (rndn(3) == 0 ? 0 : rndn(10)));
    }
    buf[o] = '\0';
}

START_TEST(decimal_text_to_scale_matches_general_path)
{
    char txt[128], got[200], want[200];
    size_t hits = 0;
    for (int i = 0; i < 60000; i++) {
        rnd_dec_text(txt, sizeof txt);
        unsigned s = rndn(34);
        size_t n = srv_dec_text_to_scale(txt, strlen(txt), s, got, sizeof got);
        if (n == 0)
            continue;
        hits++;
        size_t m = old_dec_text_parse(txt, 32, s, want, sizeof want);
        ck_assert_msg(n == m && strcmp(got, want) == 0, "'%s' at scale %u: '%s' vs '%s'", txt, s,
                      got, want);
    }
    ck_assert_uint_gt(hits, 20000);
    static const struct {
        const char *in;
        unsigned s;
        const char *out;
    } ex[] = {{"007.5", 2, "7.50"},       {"-0.000", 2, "0.00"}, {"-.5", 1, "-0.5"},
              {"12.", 0, "12"},           {"1.500", 2, "1.50"},  {"0", 3, "0.000"},
              {"-0012.30", 4, "-12.3000"}};
    for (size_t k = 0; k < sizeof ex / sizeof ex[0]; k++) {
        ck_assert_uint_gt(
            srv_dec_text_to_scale(ex[k].in, strlen(ex[k].in), ex[k].s, got, sizeof got), 0);
        ck_assert_str_eq(got, ex[k].out);
    }
    /* what needs rounding or is not plain goes the general way */
    static const char *const slow[] = {"1.005", " 1", "1 ", "+1", "1e3", ".", "-", "", "1.2.3"};
    for (size_t k = 0; k < sizeof slow / sizeof slow[0]; k++)
        ck_assert_uint_eq(srv_dec_text_to_scale(slow[k], strlen(slow[k]), 2, got, sizeof got), 0);
    ck_assert_uint_eq(srv_dec_text_to_scale("1", 1, SQ_DEC_FLOATING, got, sizeof got), 0);
}
END_TEST

/* srv_dec_from_text on text vs the same text behind a blank (which only the
 * general parser accepts): same code, same bytes. */
static void check_dec_wire(const char *txt, uint32_t enc)
{
    uint8_t a[64], b[64];
    size_t w = srv_dec_width(enc);
    char sp[200];
    snprintf(sp, sizeof sp, " %s", txt);
    memset(a, 0xAA, sizeof a);
    memset(b, 0x55, sizeof b);
    int ra = srv_dec_from_text(txt, strlen(txt), enc, a, w);
    int rb = srv_dec_from_text(sp, strlen(sp), enc, b, w);
    ck_assert_msg(ra == rb, "'%s' enc %04x: rc %d vs %d", txt, (unsigned)enc, ra, rb);
    ck_assert_msg(memcmp(a, b, w) == 0, "'%s' enc %04x: bytes differ", txt, (unsigned)enc);
}

START_TEST(decimal_wire_fast_matches_general_path)
{
    char txt[128];
    for (unsigned p = 1; p <= 32; p++) {
        for (unsigned s = 0; s <= p; s++) {
            uint32_t enc = (uint32_t)(p << 8 | s);
            for (int i = 0; i < 60; i++) {
                rnd_dec_text(txt, sizeof txt);
                check_dec_wire(txt, enc);
                rnd_decimal(txt, 1 + rndn(17), rndn(s + 2), rnd() & 1);
                check_dec_wire(txt, enc);
            }
            check_dec_wire("0", enc);
            check_dec_wire("-0.00", enc);
        }
        uint32_t fl = (uint32_t)(p << 8 | SQ_DEC_FLOATING);
        for (int i = 0; i < 200; i++) {
            rnd_dec_text(txt, sizeof txt);
            check_dec_wire(txt, fl);
            rnd_decimal(txt, 1 + rndn(17), rndn(20), rnd() & 1);
            check_dec_wire(txt, fl);
        }
    }
    check_dec_wire("12345678901234567", 0x2000);
    check_dec_wire("123456789012345678", 0x2000);
    check_dec_wire("99999999999999999", 0x1000); /* DECIMAL(16): overflow both ways */
    check_dec_wire("0.00000000000000001", 0x20FF);
}
END_TEST

/* ---- DATETIME ---- */

/* The format as it was (snprintf), the reference for ifx_dt_format. */
static size_t old_dt_format(const struct ifx_dt *dt, unsigned start, unsigned end, char *out,
                            size_t cap)
{
    int sf = start == SQ_TU_FRAC ? 6 : IFX_TU_FIELD(start), ef = IFX_TU_FIELD(end);
    static const char seps[] = {0, '-', '-', ' ', ':', ':', '.'};
    size_t o = 0;
    out[0] = '\0';
    for (int k = sf; k <= ef && o + 12 < cap; k++) {
        if (k > sf)
            out[o++] = seps[k];
        if (k == 6) {
            int fd = (int)end - 10;
            char f[16];
            snprintf(f, sizeof f, "%05d", dt->f[6]);
            memcpy(out + o, f, (size_t)fd);
            o += (size_t)fd;
            out[o] = '\0';
            continue;
        }
        int w = k == 0 ? 4 : 2;
        o += (size_t)snprintf(out + o, cap - o, "%0*d", w, dt->f[k]);
    }
    return o;
}

/* Every DATETIME qualifier: start YEAR..SECOND or FRACTION, end up to F5. */
struct qual {
    unsigned start, end;
};

static size_t all_quals(struct qual *q)
{
    size_t n = 0;
    for (unsigned s = SQ_TU_YEAR; s <= SQ_TU_SECOND; s += 2) {
        for (unsigned e = s; e <= SQ_TU_SECOND; e += 2)
            q[n++] = (struct qual){s, e};
        for (unsigned e = SQ_TU_F1; e <= SQ_TU_F5; e++)
            q[n++] = (struct qual){s, e};
    }
    for (unsigned e = SQ_TU_F1; e <= SQ_TU_F5; e++)
        q[n++] = (struct qual){SQ_TU_FRAC, e};
    return n;
}

/* Text in the qualifier's canonical layout with random (also out of range)
 * field values, sometimes mutated. */
static void rnd_dt_text(const struct qual *q, char *buf, size_t cap)
{
    struct ifx_dt dt;
    static const int hi[] = {10000, 14, 33, 25, 61, 61, 100000};
    for (int k = 0; k < 7; k++)
        dt.f[k] = rndn(4) == 0 ? (int)rndn((unsigned)hi[k]) : (int)rndn((unsigned)hi[k] - 2) + 1;
    if (rndn(3) == 0) {
        dt.f[1] = 2;
        dt.f[2] = 28 + (int)rndn(3);
    }
    old_dt_format(&dt, q->start, q->end, buf, cap);
    size_t n = strlen(buf);
    switch (rndn(8)) {
    case 0:
        if (n) /* one character changed */
            buf[rndn((unsigned)n)] = "0123456789-: .T/x"[rndn(17)];
        break;
    case 1:
        if (n + 2 < cap) { /* one more character somewhere */
            size_t at = rndn((unsigned)n + 1);
            memmove(buf + at + 1, buf + at, n - at + 1);
            buf[at] = "0123456789-: ."[rndn(14)];
        }
        break;
    case 2:
        if (n) /* cut */
            buf[rndn((unsigned)n)] = '\0';
        break;
    default:
        break;
    }
}

START_TEST(datetime_parse_fast_matches_general_path)
{
    struct qual qs[64];
    size_t nq = all_quals(qs);
    char txt[64], sp[80];
    size_t ok = 0;
    for (size_t qi = 0; qi < nq; qi++) {
        for (int i = 0; i < 2500; i++) {
            rnd_dt_text(&qs[qi], txt, sizeof txt);
            snprintf(sp, sizeof sp, " %s", txt);
            struct ifx_dt a, b;
            memset(&a, 0x11, sizeof a);
            memset(&b, 0x11, sizeof b);
            int ra = ifx_dt_parse(txt, strlen(txt), qs[qi].start, qs[qi].end, &a);
            int rb = ifx_dt_parse(sp, strlen(sp), qs[qi].start, qs[qi].end, &b);
            ck_assert_msg(ra == rb, "'%s' (%u,%u): %d vs %d", txt, qs[qi].start, qs[qi].end, ra,
                          rb);
            if (ra != 0)
                continue;
            ok++;
            /* fields outside the qualifier may come from the clock (EXTEND) */
            int sf = IFX_TU_FIELD(qs[qi].start), ef = IFX_TU_FIELD(qs[qi].end);
            if (qs[qi].start == SQ_TU_FRAC)
                sf = 6;
            for (int k = sf; k <= ef; k++)
                ck_assert_int_eq(a.f[k], b.f[k]);
            char f1[64], f2[64];
            size_t n1 = ifx_dt_format(&a, qs[qi].start, qs[qi].end, f1, sizeof f1);
            size_t n2 = old_dt_format(&b, qs[qi].start, qs[qi].end, f2, sizeof f2);
            ck_assert_uint_eq(n1, n2);
            ck_assert_str_eq(f1, f2);
        }
    }
    ck_assert_uint_gt(ok, 30000);
    struct ifx_dt dt;
    ck_assert_int_eq(ifx_dt_parse("2024-02-29 23:59:59", 19, SQ_TU_YEAR, SQ_TU_SECOND, &dt), 0);
    ck_assert_int_ne(ifx_dt_parse("2023-02-29 23:59:59", 19, SQ_TU_YEAR, SQ_TU_SECOND, &dt), 0);
    ck_assert_int_ne(ifx_dt_parse("0000-01-01 00:00:00", 19, SQ_TU_YEAR, SQ_TU_SECOND, &dt), 0);
}
END_TEST

START_TEST(datetime_format_matches_snprintf)
{
    struct qual qs[64];
    size_t nq = all_quals(qs);
    for (size_t qi = 0; qi < nq; qi++) {
        for (int i = 0; i < 2000; i++) {
            struct ifx_dt dt;
            for (int k = 0; k < 7; k++) {
                unsigned r = rndn(10);
                dt.f[k] = r == 0   ? -(int)rndn(100000)
                          : r == 1 ? (int)(rnd() >> 33)
                                   : (int)rndn(k == 0   ? 10000
                                               : k == 6 ? 100000
                                                        : 100);
            }
            size_t caps[] = {64, 20, 13, 8};
            for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
                char a[64], b[64];
                memset(a, 'x', sizeof a);
                memset(b, 'x', sizeof b);
                size_t na = ifx_dt_format(&dt, qs[qi].start, qs[qi].end, a, caps[c]);
                size_t nb = old_dt_format(&dt, qs[qi].start, qs[qi].end, b, caps[c]);
                ck_assert_uint_eq(na, nb);
                ck_assert_msg(strcmp(a, b) == 0, "'%s' vs '%s'", a, b);
            }
        }
    }
}
END_TEST

START_TEST(datetime_wire_fast_matches_general_path)
{
    struct qual qs[64];
    size_t nq = all_quals(qs);
    char txt[64], sp[80];
    size_t ok = 0;
    for (size_t qi = 0; qi < nq; qi++) {
        if (qs[qi].start == SQ_TU_FRAC)
            continue; /* never canonical for the fast path; general only */
        uint32_t qual = SQ_TU_DTENCODE(qs[qi].start, qs[qi].end);
        size_t w = srv_dt_width(qual);
        ck_assert_uint_gt(w, 0);
        for (int i = 0; i < 2500; i++) {
            rnd_dt_text(&qs[qi], txt, sizeof txt);
            if (i == 0) /* all zero: the 0xC0 zero */
                for (char *c = txt; *c; c++)
                    *c = *c >= '0' && *c <= '9' ? '0' : *c;
            snprintf(sp, sizeof sp, " %s", txt);
            uint8_t a[32], b[32];
            memset(a, 0xAA, sizeof a);
            memset(b, 0x55, sizeof b);
            int ra = srv_dt_from_text(txt, strlen(txt), qual, false, a, w);
            int rb = srv_dt_from_text(sp, strlen(sp), qual, false, b, w);
            ck_assert_msg(ra == rb, "'%s' q %04x: %d vs %d", txt, (unsigned)qual, ra, rb);
            ck_assert_msg(memcmp(a, b, w) == 0, "'%s' q %04x: bytes differ", txt, (unsigned)qual);
            ok += ra == 0;
        }
    }
    ck_assert_uint_gt(ok, 30000);
    /* YEAR TO SECOND 2024-01-02 03:10:10: pairs 20 24 01 02 03 10 10, exp 7 */
    uint8_t out[8];
    uint32_t ys = SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_SECOND);
    ck_assert_int_eq(srv_dt_from_text("2024-01-02 03:10:10", 19, ys, false, out, 8), 0);
    ck_assert_hex(out, 8, "C7 14 18 01 02 03 0A 0A");
}
END_TEST

static Suite *equiv_suite(void)
{
    Suite *s = suite_create("srv_perf_equiv");
    TCase *t = tcase_create("equiv");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, decimal_text_from_double_matches_general_path);
    tcase_add_test(t, decimal_text_from_int_matches_general_path);
    tcase_add_test(t, decimal_text_to_scale_matches_general_path);
    tcase_add_test(t, decimal_wire_fast_matches_general_path);
    tcase_add_test(t, datetime_parse_fast_matches_general_path);
    tcase_add_test(t, datetime_format_matches_snprintf);
    tcase_add_test(t, datetime_wire_fast_matches_general_path);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(equiv_suite());
}
