/* SPDX-License-Identifier: MIT */
/* test_odbc_charset.c - the driver's database code sets (driver/odbc/charset.c):
 * locale names and GLS numbers, the UTF-8 fast path, table conversion of
 * single-byte code sets both ways (8859-1 full range, CP1252's euro sign and
 * its undefined bytes), iconv for multibyte ones, and where an unmappable
 * character is reported. Expected bytes come from the code set standards
 * (ISO/IEC 8859-1, Microsoft's CP1252 and CP932 tables). */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "ck_util.h"

struct locale_case {
    const char *locale;
    bool ok;
    const char *iconv;
    enum cs_kind kind;
};

static const struct locale_case locales[] = {
    {"en_US.8859-1", true, "ISO-8859-1", CS_K_SBCS},
    {"en_US.819", true, "ISO-8859-1", CS_K_SBCS},
    {"de_DE.8859-1", true, "ISO-8859-1", CS_K_SBCS},
    {"en_US.utf8", true, "UTF-8", CS_K_UTF8},
    {"en_US.UTF-8", true, "UTF-8", CS_K_UTF8},
    {"en_US.57372", true, "UTF-8", CS_K_UTF8},
    {"en_US.1252", true, "CP1252", CS_K_SBCS},
    {"en_US.CP1252", true, "CP1252", CS_K_SBCS},
    {"cs_CZ.912", true, "ISO-8859-2", CS_K_SBCS},
    {"ru_RU.915", true, "ISO-8859-5", CS_K_SBCS},
    {"ja_JP.932", true, "CP932", CS_K_MBCS},
    {"ja_JP.sjis-s", true, "CP932", CS_K_MBCS},
    {"zh_CN.57357", true, "CP936", CS_K_MBCS},
    {"ko_KR.57356", true, "CP949", CS_K_MBCS},
    {"zh_TW.950", true, "CP950", CS_K_MBCS},
    {"en_US.364", true, "ASCII", CS_K_SBCS},
    {"fr_FR.57391", true, "ISO-8859-15", CS_K_SBCS},
    {"de_DE.8859-15@euro", true, "ISO-8859-15", CS_K_SBCS},
    {"8859-1", true, "ISO-8859-1", CS_K_SBCS},
    {"en_US.klingon", false, "", CS_K_UTF8},
    {"en_US.12345", false, "", CS_K_UTF8},
    {"en_US.", false, "", CS_K_UTF8},
    {"", false, "", CS_K_UTF8},
};

START_TEST(locale_names_and_numbers_resolve)
{
    const struct locale_case *c = &locales[_i];
    struct cs_locale l;
    memset(&l, 0, sizeof l);
    bool ok = charset_parse_locale(c->locale, &l);
    ck_assert_msg(ok == c->ok, "%s", c->locale);
    if (ok) {
        ck_assert_str_eq(l.iconv_name, c->iconv);
        ck_assert_int_eq(l.kind, c->kind);
    }
}
END_TEST

START_TEST(same_codeset_ignores_language_and_spelling)
{
    ck_assert(charset_same_codeset("en_US.819", "de_DE.8859-1"));
    ck_assert(charset_same_codeset("en_US.utf8", "ja_JP.57372"));
    ck_assert(!charset_same_codeset("en_US.819", "en_US.utf8"));
    ck_assert(!charset_same_codeset("en_US.x", "en_US.x"));
}
END_TEST

START_TEST(utf8_database_has_no_converter)
{
    struct charset *cs = (struct charset *)1;
    ck_assert_int_eq(charset_open("en_US.utf8", &cs), CS_OK);
    ck_assert_ptr_null(cs);
    ck_assert_int_eq(charset_utf8_factor(NULL), 1);
    ck_assert(charset_is_passthrough(NULL, "\xff", 1));
    ck_assert_int_eq(charset_open("en_US.nope", &cs), CS_UNKNOWN);
}
END_TEST

START_TEST(latin1_full_range_both_ways)
{
    struct charset *cs = NULL;
    ck_assert_int_eq(charset_open("en_US.819", &cs), CS_OK);
    ck_assert_ptr_nonnull(cs);
    ck_assert_int_eq(charset_utf8_factor(cs), 2);
    char db[256], u8[512];
    size_t un = 0;
    for (unsigned b = 0; b < 256; b++) {
        db[b] = (char)b;
        if (b < 0x80) {
            u8[un++] = (char)b;
        } else {
            u8[un++] = (char)(0xC0 | b >> 6);
            u8[un++] = (char)(0x80 | (b & 0x3F));
        }
    }
    struct cs_buf b1 = {0}, b2 = {0};
    const char *o;
    size_t on, off;
    uint32_t cp;
    ck_assert_int_eq(charset_from_db(cs, db, 256, &b1, &o, &on, &off), CS_OK);
    ck_assert_uint_eq(on, un);
    ck_assert(memcmp(o, u8, un) == 0);
    ck_assert_int_eq(charset_to_db(cs, u8, un, &b2, &o, &on, &off, &cp), CS_OK);
    ck_assert_uint_eq(on, 256);
    ck_assert(memcmp(o, db, 256) == 0);
    /* pure ASCII comes back as the same pointer (no copy) */
    ck_assert_int_eq(charset_to_db(cs, "abc", 3, &b2, &o, &on, &off, &cp), CS_OK);
    ck_assert_str_eq(o, "abc");
    /* the euro sign is not in 8859-1: reported with its offset */
    ck_assert_int_eq(charset_to_db(cs, "ab\xe2\x82\xac", 5, &b2, &o, &on, &off, &cp),
                     CS_UNMAPPABLE);
    ck_assert_uint_eq(off, 2);
    ck_assert_uint_eq(cp, 0x20AC);
    /* bytes that are not UTF-8 are not silently dropped either */
    ck_assert_int_eq(charset_to_db(cs, "a\xc3", 2, &b2, &o, &on, &off, &cp), CS_UNMAPPABLE);
    ck_assert_uint_eq(cp, 0xFFFD);
    charset_buf_fini(&b1);
    charset_buf_fini(&b2);
    charset_free(cs);
}
END_TEST

START_TEST(cp1252_euro_is_0x80_and_holes_are_invalid)
{
    struct charset *cs = NULL;
    ck_assert_int_eq(charset_open("en_US.1252", &cs), CS_OK);
    ck_assert_int_eq(charset_utf8_factor(cs), 3);
    struct cs_buf b = {0};
    const char *o;
    size_t on, off = 99;
    uint32_t cp;
    ck_assert_int_eq(charset_to_db(cs, "\xe2\x82\xac", 3, &b, &o, &on, &off, &cp), CS_OK);
    ck_assert_uint_eq(on, 1);
    ck_assert_uint_eq((unsigned char)o[0], 0x80);
    ck_assert_int_eq(charset_from_db(cs, "x\x80", 2, &b, &o, &on, &off), CS_OK);
    ck_assert_str_eq(o, "x\xe2\x82\xac");
    /* 0x81 is undefined in CP1252 */
    ck_assert_int_eq(charset_from_db(cs, "ab\x81", 3, &b, &o, &on, &off), CS_INVALID);
    ck_assert_uint_eq(off, 2);
    charset_buf_fini(&b);
    charset_free(cs);
}
END_TEST

START_TEST(multibyte_code_set_goes_through_iconv)
{
    struct charset *cs = NULL;
    ck_assert_int_eq(charset_open("ja_JP.sjis-s", &cs), CS_OK);
    struct cs_buf b = {0};
    const char *o;
    size_t on, off;
    uint32_t cp;
    /* U+65E5 U+672C ("Japan") = 93 FA 96 7B in CP932 */
    ck_assert_int_eq(charset_to_db(cs, "\xe6\x97\xa5\xe6\x9c\xac", 6, &b, &o, &on, &off, &cp),
                     CS_OK);
    ck_assert_uint_eq(on, 4);
    ck_assert(memcmp(o, "\x93\xfa\x96\x7b", 4) == 0);
    ck_assert_int_eq(charset_from_db(cs, "a\x93\xfa\x96\x7b", 5, &b, &o, &on, &off), CS_OK);
    ck_assert_str_eq(o, "a\xe6\x97\xa5\xe6\x9c\xac");
    /* a lead byte with nothing after it */
    ck_assert_int_eq(charset_from_db(cs, "a\x93", 2, &b, &o, &on, &off), CS_INVALID);
    /* an emoji has no CP932 form */
    ck_assert_int_eq(charset_to_db(cs, "ok\xf0\x9f\x98\x80", 6, &b, &o, &on, &off, &cp),
                     CS_UNMAPPABLE);
    ck_assert_uint_eq(off, 2);
    ck_assert_uint_eq(cp, 0x1F600);
    charset_buf_fini(&b);
    charset_free(cs);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *charset_suite(void)
{
    Suite *s = suite_create("odbc_charset");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, locale_names_and_numbers_resolve, 0, N(locales));
    tcase_add_test(tc, same_codeset_ignores_language_and_spelling);
    tcase_add_test(tc, utf8_database_has_no_converter);
    tcase_add_test(tc, latin1_full_range_both_ways);
    tcase_add_test(tc, cp1252_euro_is_0x80_and_holes_are_invalid);
    tcase_add_test(tc, multibyte_code_set_goes_through_iconv);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(charset_suite());
}
