/* SPDX-License-Identifier: MIT */
/* test_srv_value.c - ifxlite's value codecs (server/srv_value.c) against the
 * protocol doc's vectors (§9.4 table, §13.1 V1-V13) and round trips: DECIMAL,
 * DATETIME/INTERVAL, DATE, INT8, row encoding with NULL markers, bind blocks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_types.h"
#include "srv_value.h"

struct dec_case {
    const char *text;
    uint32_t enc;
    const char *hex;
    const char *back; /* decoded text */
};

/* V1-V3 (LIVE) and the computed rows of doc §9.4's DECIMAL table. */
static const struct dec_case dec_cases[] = {
    {"12345.6789", 0x0C04, "C3 01 17 2D 43 59 00", "12345.6789"}, /* V1 */
    {"-42.125", 0x0A03, "3E 39 57 32 00 00 00", "-42.125"},       /* V2 */
    {"-98765.43", 0x0C02, "3C 5A 0C 22 39 00 00", "-98765.43"},   /* V3 */
    {"1234.56", 0x0802, "C2 0C 22 38 00", "1234.56"},
    {"-1234.56", 0x0802, "3D 57 41 2C 00", "-1234.56"},
    {"0.5", 0x0501, "C0 32 00 00", "0.5"},
    {"276", 0x10FF, "C2 02 4C 00 00 00 00 00 00 00", "276"},
    {"1.005", 0x0502, "C1 01 01 00", "1.01"}, /* half away from zero */
    {"-1.005", 0x0502, "3E 62 63 00", "-1.01"},
    {"0", 0x0502, "C0 00 00 00", "0"}, /* our zero: 0xC0 */
    {"0.001", 0x0503, "BF 0A 00 00", "0.001"},
    {"  7 ", 0x0500, "C1 07 00 00", "7"},
    {"1e3", 0x0600, "C2 0A 00 00", "1000"},
    {"123.456", 0x05FF, "C2 01 17 2E", "123.46"}, /* floating: 5 significant */
};

START_TEST(decimal_vectors_encode_and_decode)
{
    const struct dec_case *c = &dec_cases[_i];
    uint8_t out[32];
    size_t w = srv_dec_width(c->enc);
    ck_assert_int_eq(srv_dec_from_text(c->text, strlen(c->text), c->enc, out, w), 0);
    ck_assert_hex(out, w, c->hex);
    char text[128];
    bool is_null = true;
    ck_assert_int_eq(srv_dec_to_text(out, w, text, sizeof text, &is_null), 0);
    ck_assert(!is_null);
    ck_assert_str_eq(text, c->back);
}
END_TEST

START_TEST(decimal_overflow_and_syntax_errors)
{
    uint8_t out[32];
    ck_assert_int_eq(srv_dec_from_text("1000", 4, 0x0502, out, 4), SRV_E_DEC_OVERFLOW);
    ck_assert_int_eq(srv_dec_from_text("999.995", 7, 0x0502, out, 4), SRV_E_DEC_OVERFLOW);
    ck_assert_int_eq(srv_dec_from_text("12a", 3, 0x0502, out, 4), SRV_E_CONVERT);
    ck_assert_int_eq(srv_dec_from_text("", 0, 0x0502, out, 4), SRV_E_CONVERT);
    ck_assert_int_eq(srv_dec_from_text("1e99999", 7, 0x0502, out, 4), SRV_E_CONVERT);
    ck_assert_int_eq(srv_dec_from_text("1e200", 5, 0x20FF, out, 17), SRV_E_DEC_OVERFLOW);
}
END_TEST

START_TEST(decimal_null_and_bad_bytes)
{
    static const uint8_t null7[7] = {0};
    static const uint8_t bad[3] = {0xC1, 100, 0};
    char text[64];
    bool is_null = false;
    ck_assert_int_eq(srv_dec_to_text(null7, 7, text, sizeof text, &is_null), 0);
    ck_assert(is_null);
    ck_assert_int_eq(srv_dec_to_text(bad, 3, text, sizeof text, &is_null), SRV_E_CONVERT);
    ck_assert_int_eq(srv_dec_to_text(bad, 0, text, sizeof text, &is_null), SRV_E_CONVERT);
    /* text that does not fit is an error, not an overflow */
    static const uint8_t big[4] = {0xC3, 99, 99, 99};
    ck_assert_int_eq(srv_dec_to_text(big, 4, text, 4, &is_null), SRV_E_CONVERT);
}
END_TEST

struct dt_case {
    const char *text;
    uint32_t q;
    bool interval;
    const char *hex;
    const char *back;
};

static const struct dt_case dt_cases[] = {
    /* V4: DATETIME YEAR TO SECOND */
    {"2026-06-20 12:34:56", 0x0E0A, false, "C7 14 1A 06 14 0C 22 38", "2026-06-20 12:34:56"},
    /* V5: INTERVAL DAY(2) TO SECOND */
    {"12 03:04:05", 0x084A, true, "C4 0C 03 04 05", "12 03:04:05"},
    /* normalised: leading zero pair dropped, exponent 2 (doc §9.4) */
    {"00:05:06", SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_SECOND), false, "C2 05 06 00", "00:05:06"},
    /* point after the qualifier's last field (PROTOCOL.md): 05:00 is C2 05 00 */
    {"05:00", SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_MINUTE), false, "C2 05 00", "05:00"},
    {"2024-06-15", SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_DAY), false, "C4 14 18 06 0F", "2024-06-15"},
    {"2026-06-20 12:34:56.789", SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F3), false,
     "C7 14 1A 06 14 0C 22 38 4E 5A", "2026-06-20 12:34:56.789"},
    /* odd-width leading field */
    {"123 03:04:05", SQ_TU_IENCODE(3, SQ_TU_DAY, SQ_TU_SECOND), true, "C5 01 17 03 04 05",
     "123 03:04:05"},
    /* negative INTERVAL YEAR(2) TO MONTH: complement */
    {"-1-06", SQ_TU_IENCODE(2, SQ_TU_YEAR, SQ_TU_MONTH), true, "3D 62 5E", "-1-06"},
    /* midnight is a zero value, not NULL */
    {"00:00:00", SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_SECOND), false, "C0 00 00 00", "00:00:00"},
    /* INTERVAL DAY(3) TO FRACTION(3): both parts odd, width 1 + 5 + 2 */
    {"5 01:02:03.4", SQ_TU_IENCODE(3, SQ_TU_DAY, SQ_TU_F3), true, "C4 05 01 02 03 28 00 00",
     "5 01:02:03.400"},
    /* FRACTION TO FRACTION(n) (FRACTION(1) ends "before" FRACTION starts) */
    {"123", 0x03CD, false, "C0 0C 1E", "123"},
    {".5", 0x01CB, false, "C0 32", "5"},
    {"-123", 0x03CD, true, "3F 57 46", "-123"},
};

START_TEST(datetime_interval_vectors)
{
    const struct dt_case *c = &dt_cases[_i];
    uint8_t out[32];
    size_t w = srv_dt_width(c->q);
    ck_assert_uint_gt(w, 0);
    ck_assert_int_eq(srv_dt_from_text(c->text, strlen(c->text), c->q, c->interval, out, w), 0);
    ck_assert_hex(out, w, c->hex);
    char text[64];
    bool is_null = true;
    ck_assert_int_eq(srv_dt_to_text(out, w, c->q, c->interval, text, sizeof text, &is_null), 0);
    ck_assert(!is_null);
    ck_assert_str_eq(text, c->back);
}
END_TEST

START_TEST(datetime_width_rule)
{
    ck_assert_uint_eq(srv_dt_width(0x0E0A), 8);
    ck_assert_uint_eq(srv_dt_width(0x084A), 5);
    ck_assert_uint_eq(srv_dt_width(SQ_TU_IENCODE(3, SQ_TU_DAY, SQ_TU_F3)), 8);
    ck_assert_uint_eq(srv_dt_width(SQ_TU_DTENCODE(SQ_TU_YEAR, SQ_TU_F5)), 1 + 7 + 3);
    ck_assert_uint_eq(srv_dt_width(0x0E1A), 0); /* odd start TU: invalid */
    ck_assert_uint_eq(srv_dt_width(0x0E40), 0); /* end before start */
}
END_TEST

START_TEST(datetime_rejects_bad_text)
{
    uint8_t out[16];
    uint32_t q = SQ_TU_DTENCODE(SQ_TU_HOUR, SQ_TU_MINUTE);
    ck_assert_int_eq(srv_dt_from_text("12", 2, q, false, out, 3), SRV_E_DT_BADVALUE);
    ck_assert_int_eq(srv_dt_from_text("12:345", 6, q, false, out, 3), SRV_E_DT_BADVALUE);
    ck_assert_int_eq(srv_dt_from_text("123:45", 6, q, false, out, 3), SRV_E_DT_BADVALUE);
    ck_assert_int_eq(srv_dt_from_text("12:45x", 6, q, false, out, 3), SRV_E_DT_BADVALUE);
    ck_assert_int_eq(srv_dt_from_text("-12:45", 6, q, false, out, 3), SRV_E_DT_BADVALUE);
    /* leading digits above the qualifier's integer part */
    static const uint8_t wide[3] = {0xC3, 1, 0};
    char text[32];
    bool is_null;
    ck_assert_int_eq(srv_dt_to_text(wide, 3, q, false, text, sizeof text, &is_null),
                     SRV_E_DT_BADVALUE);
    static const uint8_t null3[3] = {0, 0, 0};
    ck_assert_int_eq(srv_dt_to_text(null3, 3, q, false, text, sizeof text, &is_null), 0);
    ck_assert(is_null);
}
END_TEST

START_TEST(date_vectors)
{
    /* V7 */
    char t[16];
    int32_t d;
    srv_date_to_text(25568, t);
    ck_assert_str_eq(t, "1970-01-01");
    srv_date_to_text(0, t);
    ck_assert_str_eq(t, "1899-12-31");
    srv_date_to_text(45457, t);
    ck_assert_str_eq(t, "2024-06-15");
    srv_date_to_text(-1, t);
    ck_assert_str_eq(t, "1899-12-30");
    ck_assert_int_eq(srv_date_from_text("2024-06-15", 10, &d), 0);
    ck_assert_int_eq(d, 45457);
    ck_assert_int_eq(srv_date_from_text("1970-01-01", 10, &d), 0);
    ck_assert_int_eq(d, 25568);
    ck_assert_int_eq(srv_date_from_text("2024-02-29", 10, &d), 0);
    ck_assert_int_eq(srv_date_from_text("2023-02-29", 10, &d), SRV_E_BADDATE);
    ck_assert_int_eq(srv_date_from_text("2023-13-01", 10, &d), SRV_E_BADDATE);
    ck_assert_int_eq(srv_date_from_text("2023/01/01", 10, &d), SRV_E_BADDATE);
    ck_assert_int_eq(srv_date_from_text("", 0, &d), SRV_E_BADDATE);
}
END_TEST

START_TEST(int8_vectors)
{
    uint8_t b[10];
    int64_t v;
    bool is_null;
    srv_int8_put(b, 1234567890123LL, false); /* doc §9.4 / V18 */
    ck_assert_hex(b, 10, "00 01 71 FB 04 CB 00 00 01 1F");
    srv_int8_put(b, 0, false); /* PROTOCOL.md: zero is sign 1, magnitude 0 */
    ck_assert_hex(b, 10, "00 01 00 00 00 00 00 00 00 00");
    srv_int8_put(b, 0, true);
    ck_assert_hex(b, 10, "00 00 00 00 00 00 00 00 00 00");
    srv_int8_put(b, -5, false);
    ck_assert_hex(b, 10, "FF FF 00 00 00 05 00 00 00 00");
    static const uint8_t v12max[10] = {0, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF};
    ck_assert(srv_int8_get(v12max, &v, &is_null));
    ck_assert(!is_null);
    ck_assert(v == INT64_MAX);
    static const uint8_t badsign[10] = {0, 2, 0, 0, 0, 1, 0, 0, 0, 0};
    ck_assert(!srv_int8_get(badsign, &v, &is_null));
    static const uint8_t toobig[10] = {0, 1, 0, 0, 0, 0, 0x80, 0, 0, 0};
    ck_assert(!srv_int8_get(toobig, &v, &is_null));
}
END_TEST

static struct srv_col col(uint16_t type, uint32_t enc, uint32_t xid, const char *xname)
{
    struct srv_col c;
    memset(&c, 0, sizeof c);
    c.type = type;
    c.enc_len = enc;
    c.xid = xid;
    snprintf(c.xname, sizeof c.xname, "%s", xname);
    return c;
}

static struct srv_val vint(int64_t i)
{
    struct srv_val v = {SRV_V_INT, i, 0, NULL, 0};
    return v;
}

static struct srv_val vtext(const char *s)
{
    struct srv_val v = {SRV_V_TEXT, 0, 0, s, strlen(s)};
    return v;
}

static const struct srv_val vnull = {SRV_V_NULL, 0, 0, NULL, 0};

static void enc_expect(struct srv_col c, struct srv_val v, const char *hex)
{
    struct sq_buf b = SQ_BUF_INIT;
    ck_assert_int_eq(srv_val_encode(&b, &c, &v), 0);
    ck_assert_hex(b.data, b.len, hex);
    sq_buf_fini(&b);
}

/* The row encoder reserves once per value (srv_value.c wr_room): values
 * appended one after another into one buffer, with the growth point falling
 * inside values at every offset, are the concatenation of their own forms. */
START_TEST(row_values_append_across_buffer_growth)
{
    struct srv_col cs[] = {col(SQ_T_INTEGER, 4, 0, ""),       col(SQ_T_BIGINT, 8, 0, ""),
                           col(SQ_T_DECIMAL, 0x0C02, 0, ""),  col(SQ_T_VARCHAR, 20, 0, ""),
                           col(SQ_T_DATETIME, 0x0E0A, 0, ""), col(SQ_T_CHAR, 7, 0, ""),
                           col(SQ_T_SMALLINT, 2, 0, ""),      col(SQ_T_INT8, 10, 0, ""),
                           col(SQ_T_FLOAT, 8, 0, ""),         col(SQ_T_DATE, 4, 0, "")};
    struct srv_val f = {SRV_V_FLOAT, 0, -2.25, NULL, 0};
    struct srv_val vs[] = {vint(-5),
                           vint(1234567890123LL),
                           vtext("-98765.43"),
                           vtext("row42"),
                           vtext("2024-01-02 03:10:10"),
                           vtext("ab"),
                           vint(-300),
                           vint(-77),
                           f,
                           vtext("2024-06-15")};
    size_t nc = sizeof cs / sizeof cs[0];
    for (size_t lead = 0; lead < 64; lead++) {
        struct sq_buf all = SQ_BUF_INIT, want = SQ_BUF_INIT;
        for (size_t k = 0; k < 250 + lead; k++) { /* the first growth is at 256 bytes */
            sq_buf_append(&all, "z", 1);
            sq_buf_append(&want, "z", 1);
        }
        for (int rep = 0; rep < 20; rep++) {
            for (size_t i = 0; i < nc; i++) {
                struct srv_val v = (rep + (int)i) % 5 == 0 ? vnull : vs[i];
                struct sq_buf one = SQ_BUF_INIT;
                ck_assert_int_eq(srv_val_encode(&one, &cs[i], &v), 0);
                ck_assert_int_eq(srv_val_encode(&all, &cs[i], &v), 0);
                sq_buf_append(&want, one.data, one.len);
                sq_buf_fini(&one);
            }
        }
        ck_assert(sq_buf_ok(&all));
        ck_assert_bytes(all.data, all.len, want.data, want.len);
        sq_buf_fini(&all);
        sq_buf_fini(&want);
    }
    /* A broken buffer stays as it is; conversion errors are still reported. */
    struct sq_buf b = SQ_BUF_INIT;
    sq_buf_append(&b, "abc", 3);
    b.oom = true;
    for (size_t i = 0; i < nc; i++)
        ck_assert_int_eq(srv_val_encode(&b, &cs[i], &vs[i]), 0);
    ck_assert_uint_eq(b.len, 3);
    ck_assert_int_eq(srv_val_encode(&b, &cs[2], &vs[3]), SRV_E_CONVERT);
    ck_assert_int_eq(srv_val_encode(&b, &cs[4], &vs[3]), SRV_E_DT_BADVALUE);
    ck_assert_uint_eq(b.len, 3);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(row_values_and_null_markers)
{
    enc_expect(col(SQ_T_INTEGER, 4, 0, ""), vint(7), "00 00 00 07");
    enc_expect(col(SQ_T_VARCHAR, 20, 0, ""), vtext("abc"), "03 61 62 63");
    /* V8 */
    enc_expect(col(SQ_T_SMALLINT, 2, 0, ""), vnull, "80 00");
    enc_expect(col(SQ_T_INTEGER | SQ_TF_NOTNULL, 4, 0, ""), vnull, "80 00 00 00");
    enc_expect(col(SQ_T_BIGINT, 8, 0, ""), vnull, "80 00 00 00 00 00 00 00");
    enc_expect(col(SQ_T_DATE, 4, 0, ""), vnull, "80 00 00 00");
    /* V9 */
    enc_expect(col(SQ_T_VARCHAR, 20, 0, ""), vnull, "01 00");
    enc_expect(col(SQ_T_VARCHAR, 20, 0, ""), vtext(""), "00");
    /* V10: BOOLEAN as UDTFIXED */
    enc_expect(col(SQ_T_UDTFIXED, 1, SQ_XID_BOOLEAN, "boolean"), vint(1), "00 00 00 00 01 74");
    enc_expect(col(SQ_T_UDTFIXED, 1, SQ_XID_BOOLEAN, "boolean"), vint(0), "00 00 00 00 01 66");
    enc_expect(col(SQ_T_UDTFIXED, 1, SQ_XID_BOOLEAN, "boolean"), vnull, "01 00 00 00 00");
    /* V11: LVARCHAR */
    enc_expect(col(SQ_T_UDTVAR, 2048, SQ_XID_LVARCHAR, "lvarchar"), vtext("hello"),
               "00 00 00 00 05 68 65 6C 6C 6F");
    enc_expect(col(SQ_T_UDTVAR, 2048, SQ_XID_LVARCHAR, "lvarchar"), vnull, "01 00 00 00 00");
    /* V13 and float NULLs */
    struct srv_val f = {SRV_V_FLOAT, 0, 3.5, NULL, 0};
    enc_expect(col(SQ_T_FLOAT, 8, 0, ""), f, "40 0C 00 00 00 00 00 00");
    enc_expect(col(SQ_T_SMALLFLOAT, 4, 0, ""), f, "40 60 00 00");
    enc_expect(col(SQ_T_FLOAT, 8, 0, ""), vnull, "FF FF FF FF FF FF FF FF");
    enc_expect(col(SQ_T_SMALLFLOAT, 4, 0, ""), vnull, "FF FF FF FF");
    /* CHAR: fixed width, blank padded; NULL = NUL then blanks (PROTOCOL.md) */
    enc_expect(col(SQ_T_CHAR, 5, 0, ""), vtext("ab"), "61 62 20 20 20");
    enc_expect(col(SQ_T_CHAR, 3, 0, ""), vtext("abcdef"), "61 62 63");
    enc_expect(col(SQ_T_CHAR, 5, 0, ""), vnull, "00 20 20 20 20");
    /* INT8 / DECIMAL / DATE / DATETIME from the engine's canonical forms */
    enc_expect(col(SQ_T_INT8, 10, 0, ""), vint(1234567890123LL), "00 01 71 FB 04 CB 00 00 01 1F");
    enc_expect(col(SQ_T_SERIAL8, 10, 0, ""), vnull, "00 00 00 00 00 00 00 00 00 00");
    enc_expect(col(SQ_T_DECIMAL, 0x0C04, 0, ""), vtext("12345.6789"), "C3 01 17 2D 43 59 00");
    enc_expect(col(SQ_T_DECIMAL, 0x10FF, 0, ""), vint(276), "C2 02 4C 00 00 00 00 00 00 00");
    enc_expect(col(SQ_T_MONEY, 0x0C02, 0, ""), vnull, "00 00 00 00 00 00 00");
    enc_expect(col(SQ_T_DATE, 4, 0, ""), vtext("2024-06-15"), "00 00 B1 91");
    enc_expect(col(SQ_T_DATETIME, 0x0E0A, 0, ""), vtext("2026-06-20 12:34:56"),
               "C7 14 1A 06 14 0C 22 38");
    enc_expect(col(SQ_T_INTERVAL, 0x084A, 0, ""), vnull, "00 00 00 00 00");
    /* BYTE descriptor: size at 16..19, byte 39 = 1 for NULL */
    struct sq_buf b = SQ_BUF_INIT;
    struct srv_col bc = col(SQ_T_BYTE, 56, 0, "");
    struct srv_val bv = {SRV_V_BYTES, 0, 0, "xyz", 3};
    ck_assert_int_eq(srv_val_encode(&b, &bc, &bv), 0);
    ck_assert_uint_eq(b.len, 56);
    ck_assert_hex(b.data + 16, 4, "00 00 00 03");
    ck_assert_int_eq(srv_val_encode(&b, &bc, &vnull), 0);
    ck_assert_uint_eq(b.data[56 + 39], 1);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(collection_values_are_udt_framed_text)
{
    /* PROTOCOL.md "Collections": u8 null flag, u32 length, the text form */
    struct sq_buf b = SQ_BUF_INIT;
    struct srv_col set = col(SQ_T_SET, 2048, 0, "set");
    struct srv_val v = vtext("SET{1,2}");
    ck_assert_int_eq(srv_val_encode(&b, &set, &v), 0);
    ck_assert_hex(b.data, b.len, "00 00 00 00 08 53 45 54 7B 31 2C 32 7D");
    ck_assert_uint_eq(srv_val_max_width(&set), 2053);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(row_value_errors_leave_clean_codes)
{
    struct sq_buf b = SQ_BUF_INIT;
    struct srv_col sm = col(SQ_T_SMALLINT, 2, 0, "");
    struct srv_col dec = col(SQ_T_DECIMAL, 0x0502, 0, "");
    struct srv_col dt = col(SQ_T_DATETIME, 0x0E0A, 0, "");
    struct srv_col weird = col(24, 0, 0, ""); /* ROWREF: unknown encoding */
    struct srv_val big = vint(40000);
    struct srv_val bad = vtext("x");
    ck_assert_int_ne(srv_val_encode(&b, &sm, &big), 0);
    ck_assert_int_eq(srv_val_encode(&b, &dec, &big), SRV_E_DEC_OVERFLOW);
    ck_assert_int_eq(srv_val_encode(&b, &dt, &bad), SRV_E_DT_BADVALUE);
    ck_assert_int_eq(srv_val_encode(&b, &weird, &big), SRV_E_BADTYPE);
    ck_assert_uint_eq(b.len, 0);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(max_widths)
{
    struct srv_col c = col(SQ_T_VARCHAR, 20, 0, "");
    ck_assert_uint_eq(srv_val_max_width(&c), 21);
    c = col(SQ_T_DECIMAL, 0x0A03, 0, "");
    ck_assert_uint_eq(srv_val_max_width(&c), 7); /* DECLEN, not (p+3)/2 */
    c = col(SQ_T_UDTFIXED, 1, SQ_XID_BOOLEAN, "boolean");
    ck_assert_uint_eq(srv_val_max_width(&c), 6);
    c = col(SQ_T_TEXT, 56, 0, "");
    ck_assert_uint_eq(srv_val_max_width(&c), 56);
}
END_TEST

static struct srv_bparam bp(uint16_t type, int16_t ind, uint16_t prec, const char *hex,
                            uint8_t **keep)
{
    struct srv_bparam p = {type, ind, prec, NULL, 0};
    if (hex) {
        size_t n;
        ck_hex(hex, keep, &n);
        p.data = *keep;
        p.len = n;
    }
    return p;
}

START_TEST(bind_blocks_to_canonical_values)
{
    char scratch[SRV_BIND_SCRATCH];
    struct srv_val v;
    uint8_t *k = NULL;
    struct srv_bparam p;

    p = bp(SQ_T_INTEGER, 0, 0x0A00, "00 00 00 2A", &k); /* §7.9 */
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_INT && v.i == 42);
    free(k);
    p = bp(SQ_T_CHAR, 0, 0, "\"abc\"", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_TEXT && v.n == 3 && memcmp(v.p, "abc", 3) == 0);
    free(k);
    p = bp(SQ_T_CHAR, -1, 0, NULL, &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_NULL);
    p = bp(SQ_T_DATE, 0, 0, "00 00 B1 91", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_TEXT && v.n == 10 && memcmp(v.p, "2024-06-15", 10) == 0);
    free(k);
    p = bp(SQ_T_DECIMAL, 0, 0x0C04, "C3 01 17 2D 43 59 00", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert_str_eq(v.p, "12345.6789");
    free(k);
    p = bp(SQ_T_DATETIME, 0, 0x0E0A, "C7 14 1A 06 14 0C 22 38", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert_str_eq(v.p, "2026-06-20 12:34:56");
    free(k);
    p = bp(SQ_T_INTERVAL, 0, 0x084A, "C4 0C 03 04 05", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert_str_eq(v.p, "12 03:04:05");
    free(k);
    p = bp(SQ_T_BOOLEAN_CLIENT, 0, 0, "01", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_INT && v.i == 1);
    free(k);
    p = bp(SQ_T_INT8, 0, 0, "FF FF 00 00 00 05 00 00 00 00", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_INT && v.i == -5);
    free(k);
    p = bp(SQ_T_BIGINT, 0, 0x1300, "FF FF FF FF FF FF FF FE", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_INT && v.i == -2);
    free(k);
    p = bp(SQ_T_FLOAT, 0, 0, "40 0C 00 00 00 00 00 00", &k);
    ck_assert_int_eq(srv_bparam_to_val(&p, &v, scratch), 0);
    ck_assert(v.k == SRV_V_FLOAT && v.f == 3.5);
    free(k);
    p = bp(SQ_T_DECIMAL, 0, 0x0C04, "C3 01 17 FF", &k); /* digit byte over 99 */
    ck_assert_int_ne(srv_bparam_to_val(&p, &v, scratch), 0);
    free(k);
}
END_TEST

static Suite *value_suite(void)
{
    Suite *s = suite_create("srv_value");
    TCase *t = tcase_create("codecs");
    tcase_add_loop_test(t, decimal_vectors_encode_and_decode, 0,
                        (int)(sizeof dec_cases / sizeof dec_cases[0]));
    tcase_add_test(t, decimal_overflow_and_syntax_errors);
    tcase_add_test(t, decimal_null_and_bad_bytes);
    tcase_add_loop_test(t, datetime_interval_vectors, 0,
                        (int)(sizeof dt_cases / sizeof dt_cases[0]));
    tcase_add_test(t, datetime_width_rule);
    tcase_add_test(t, datetime_rejects_bad_text);
    tcase_add_test(t, date_vectors);
    tcase_add_test(t, int8_vectors);
    tcase_add_test(t, row_values_and_null_markers);
    tcase_add_test(t, row_values_append_across_buffer_growth);
    tcase_add_test(t, row_value_errors_leave_clean_codes);
    tcase_add_test(t, collection_values_are_udt_framed_text);
    tcase_add_test(t, max_widths);
    tcase_add_test(t, bind_blocks_to_canonical_values);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(value_suite());
}
