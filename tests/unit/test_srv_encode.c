/* SPDX-License-Identifier: MIT */
/* test_srv_encode.c - ifxlite's server->client encoders (server/srv_encode.c,
 * srv_login.c) pinned byte for byte to the protocol doc: §4.4 CONACC/CONREJ,
 * §5.1 SQ_PROTOCOLS, §7.3 DESCRIBE (extended and legacy), §7.7 TUPLE, V14,
 * DONE widths, V18 INSERTDONE, §7.11 ERR and V19, COST, XACTSTAT, TUPID. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "srv_proto.h"

static const struct srv_caps caps_none = {false, false, false, false};
static const struct srv_caps caps_all = {true, true, true, false};

static struct sq_buf buf;

static void setup(void)
{
    sq_buf_init(&buf);
}

static void teardown(void)
{
    sq_buf_fini(&buf);
}

static void expect_fixture(const char *name)
{
    uint8_t *exp;
    size_t n;
    ck_fixture(name, &exp, &n);
    ck_assert(sq_buf_ok(&buf));
    ck_assert_bytes(buf.data, buf.len, exp, n);
    free(exp);
}

static struct srv_conreq *parse_example_conreq(void)
{
    uint8_t *pkt;
    size_t n, body;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    ck_assert_int_eq(srv_login_header(pkt, n, &body), SQ_RC_OK);
    struct srv_conreq *rq = calloc(1, sizeof *rq);
    ck_assert_ptr_nonnull(rq);
    ck_assert_int_eq(srv_login_parse(pkt + 6, body, rq), SQ_RC_OK);
    /* env entries borrow the packet: not used after this point */
    rq->nenv = 0;
    free(pkt);
    return rq;
}

START_TEST(conacc_mirrors_request_per_doc_4_4)
{
    struct srv_conreq *rq = parse_example_conreq();
    srv_login_reply(&buf, rq, "ol_test", "14.10.FC10", 0);
    expect_fixture("s2c_conacc.hex");
    /* pdu_size counts the whole packet */
    ck_assert_uint_eq(sq_load_u16(buf.data), buf.len);
    free(rq);
}
END_TEST

START_TEST(conrej_puts_svcerror_at_marker_plus_8)
{
    struct srv_conreq *rq = parse_example_conreq();
    srv_login_reply(&buf, rq, "ol_test", "14.10.FC10", -951);
    expect_fixture("s2c_conrej.hex");
    size_t m = buf.len - 14; /* 102 marker: 2 + 6 + 2 + 2 + 2 before the end */
    ck_assert_uint_eq(sq_load_u16(buf.data + m), SQ_ASC_SVCSTATUS);
    ck_assert_int_eq((int16_t)sq_load_u16(buf.data + m + 8), -951);
    ck_assert_uint_eq(buf.data[2], SQ_SL_CONREJ);
    free(rq);
}
END_TEST

START_TEST(conrej_without_request_uses_defaults)
{
    srv_login_reply(&buf, NULL, "ol_ifxlite", "14.10.FC10", -1809);
    ck_assert_uint_eq(buf.data[2], SQ_SL_CONREJ);
    ck_assert_uint_eq(sq_load_u16(buf.data), buf.len);
    ck_assert_hex(buf.data + buf.len - 8, 8, "00 00 F8 EF 00 00 00 7F");
}
END_TEST

START_TEST(protocols_echo_clears_pam_and_large_tuple)
{
    /* W3 mask; reply per §5.1 and PROTOCOL.md (proto=echo) */
    static const uint8_t w3[9] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x8C, 0xAA, 0x97, 0x06};
    struct srv_profile prof;
    struct srv_caps caps;
    uint8_t granted[9];
    srv_profile_init(&prof);
    srv_caps_grant(&prof, w3, 9, granted, &caps);
    srv_enc_protocols(&buf, granted, 9);
    srv_enc_eot(&buf);
    ck_assert_hex(buf.data, buf.len, "00 7E 00 09 FF FC 7F FC 3C 84 AA 97 02 00 00 0C");
    ck_assert(caps.ext_describe && caps.big_sql && caps.long_rowid && !caps.nfetch16);
}
END_TEST

START_TEST(protocols_zero_profile_and_short_mask)
{
    static const uint8_t w4[7] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x8C, 0x8A};
    static const uint8_t w3[9] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x8C, 0xAA, 0x97, 0x06};
    struct srv_profile prof;
    struct srv_caps caps;
    uint8_t granted[9];
    srv_profile_init(&prof);
    /* W4 (NMAP, 7 bytes): echoed, nothing in bytes 7-8 so no features */
    srv_caps_grant(&prof, w4, 7, granted, &caps);
    srv_enc_protocols(&buf, granted, 7);
    ck_assert_hex(buf.data, buf.len, "00 7E 00 07 FF FC 7F FC 3C 84 8A 00");
    ck_assert(!caps.ext_describe && !caps.big_sql && !caps.long_rowid);
    /* proto=zero: V23 shape */
    char err[128];
    ck_assert_int_eq(srv_profile_set(&prof, "proto=zero", err, sizeof err), 0);
    ck_assert_int_eq(srv_profile_set(&prof, "nfetch16=1", err, sizeof err), 0);
    sq_buf_reset(&buf);
    srv_caps_grant(&prof, w3, 9, granted, &caps);
    srv_enc_protocols(&buf, granted, 9);
    srv_enc_eot(&buf);
    ck_assert_hex(buf.data, buf.len, "00 7E 00 09 00 00 00 00 00 00 00 00 00 00 00 0C");
    ck_assert(!caps.ext_describe && !caps.big_sql && !caps.long_rowid && caps.nfetch16);
}
END_TEST

static struct srv_col mkcol(const char *name, uint16_t type, uint32_t enc, uint32_t xid,
                            const char *xname)
{
    struct srv_col c;
    memset(&c, 0, sizeof c);
    snprintf(c.name, sizeof c.name, "%s", name);
    c.type = type;
    c.enc_len = enc;
    c.xid = xid;
    snprintf(c.xname, sizeof c.xname, "%s", xname);
    return c;
}

START_TEST(describe_extended_86_byte_example)
{
    /* §7.3 example */
    struct srv_col a = mkcol("id", SQ_T_INTEGER | SQ_TF_NOTNULL, 4, 0, "");
    struct srv_col b = mkcol("name", SQ_T_VARCHAR, 20, 0, "");
    const struct srv_col *cols[] = {&a, &b};
    srv_enc_describe(&buf, &caps_all, SQ_STMT_SELECT, 5, 0, cols, 2);
    ck_assert_uint_eq(buf.len, 86);
    expect_fixture("s2c_describe_ext.hex");
}
END_TEST

START_TEST(describe_legacy_layout)
{
    struct srv_col a = mkcol("id", SQ_T_INTEGER | SQ_TF_NOTNULL, 4, 0, "");
    struct srv_col b = mkcol("name", SQ_T_VARCHAR, 20, 0, "");
    const struct srv_col *cols[] = {&a, &b};
    srv_enc_describe(&buf, &caps_none, SQ_STMT_SELECT, 5, 0, cols, 2);
    expect_fixture("s2c_describe_legacy.hex");
}
END_TEST

START_TEST(describe_zero_columns_and_udt_names)
{
    srv_enc_describe(&buf, &caps_all, SQ_STMT_CRETAB, 0, 0, NULL, 0);
    ck_assert_hex(buf.data, buf.len, "00 08 00 0E 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    sq_buf_reset(&buf);
    /* BOOLEAN (PROTOCOL.md: type 41, xid 5, xname "boolean", encoded_length 1),
     * odd string table "ok\0" padded */
    struct srv_col c = mkcol("ok", SQ_T_UDTFIXED, 1, SQ_XID_BOOLEAN, "boolean");
    const struct srv_col *cols[] = {&c};
    srv_enc_describe(&buf, &caps_all, SQ_STMT_SELECT, 1, 0, cols, 1);
    ck_assert_hex(buf.data, buf.len,
                  "00 08 00 02 00 01 00 00 00 00 00 06 00 01 00 00 00 03"
                  " 00 00 00 00 00 00 00 00 00 29 00 00 00 05 00 00"
                  " 00 07 \"boolean\" 00 00 00 00 00 00 00 00 00 00 00 00 01"
                  " \"ok\" 00 00");
}
END_TEST

START_TEST(describe_tuple_size_saturates)
{
    struct srv_col a = mkcol("big", SQ_T_CHAR, 40000, 0, "");
    struct srv_col b = mkcol("big2", SQ_T_CHAR, 40000, 0, "");
    const struct srv_col *cols[] = {&a, &b};
    srv_enc_describe(&buf, &caps_all, SQ_STMT_SELECT, 0, 0, cols, 2);
    ck_assert_hex(buf.data + 10, 2, "FF FF");
}
END_TEST

static void row_tuple(const struct srv_col *c1, const struct srv_val *v1, const struct srv_col *c2,
                      const struct srv_val *v2)
{
    struct sq_buf row = SQ_BUF_INIT;
    ck_assert_int_eq(srv_val_encode(&row, c1, v1), 0);
    if (c2)
        ck_assert_int_eq(srv_val_encode(&row, c2, v2), 0);
    srv_enc_tuple(&buf, row.data, row.len);
    sq_buf_fini(&row);
}

START_TEST(tuple_examples_7_7)
{
    struct srv_col i = mkcol("i", SQ_T_INTEGER, 4, 0, "");
    struct srv_col v = mkcol("v", SQ_T_VARCHAR, 20, 0, "");
    struct srv_val seven = {SRV_V_INT, 7, 0, NULL, 0};
    struct srv_val abc = {SRV_V_TEXT, 0, 0, "abc", 3};
    struct srv_val eight = {SRV_V_INT, 8, 0, NULL, 0};
    struct srv_val null = {SRV_V_NULL, 0, 0, NULL, 0};
    row_tuple(&i, &seven, &v, &abc);
    ck_assert_hex(buf.data, buf.len, "00 0E 00 00 00 00 00 08 00 00 00 07 03 61 62 63");
    sq_buf_reset(&buf);
    row_tuple(&i, &eight, &v, &null);
    ck_assert_hex(buf.data, buf.len, "00 0E 00 00 00 00 00 06 00 00 00 08 01 00");
}
END_TEST

START_TEST(v14_tuple_and_14_byte_done)
{
    struct srv_col v = mkcol("v", SQ_T_VARCHAR, 20, 0, "");
    struct srv_val z = {SRV_V_TEXT, 0, 0, "z", 1};
    row_tuple(&v, &z, NULL, NULL);
    srv_enc_done(&buf, &caps_none, 0, 1, 1, 0);
    ck_assert_hex(buf.data, buf.len,
                  "00 0E 00 00 00 00 00 02 01 7A 00 0F 00 00 00 00 00 01 00 00 00 01 00 00 00 00");
}
END_TEST

START_TEST(odd_row_is_padded)
{
    struct srv_col v = mkcol("v", SQ_T_VARCHAR, 20, 0, "");
    struct srv_val ab = {SRV_V_TEXT, 0, 0, "ab", 2};
    row_tuple(&v, &ab, NULL, NULL);
    ck_assert_hex(buf.data, buf.len, "00 0E 00 00 00 00 00 03 02 61 62 00");
}
END_TEST

START_TEST(done_22_bytes_with_long_rowid)
{
    srv_enc_done(&buf, &caps_all, 0, 3, 7, 12);
    ck_assert_hex(buf.data, buf.len,
                  "00 0F 00 00 00 00 00 00 00 00 00 03 00 00 00 00 00 00 00 07 00 00 00 0C");
    ck_assert_uint_eq(buf.len - 2, 22);
}
END_TEST

START_TEST(insertdone_v18_and_long_form)
{
    srv_enc_insertdone(&buf, &caps_none, 1234567890123LL, 0); /* V18 */
    ck_assert_hex(buf.data, buf.len, "00 5E 00 01 71 FB 04 CB 00 00 01 1F");
    sq_buf_reset(&buf);
    srv_enc_insertdone(&buf, &caps_all, 0, 9); /* nothing generated: INT8 NULL; + i64 */
    ck_assert_hex(buf.data, buf.len, "00 5E 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 09");
}
END_TEST

START_TEST(err_example_7_11_and_v19)
{
    srv_enc_err(&buf, &caps_none, -206, -111, 14, "nosuchtable");
    srv_enc_eot(&buf);
    ck_assert_hex(buf.data, buf.len, "00 0D FF 32 FF 91 00 0E 00 0B \"nosuchtable\" 00 00 0C");
    sq_buf_reset(&buf);
    srv_enc_err(&buf, &caps_none, -100, 0, 0, "test error"); /* V19 */
    ck_assert_hex(buf.data, buf.len, "00 0D FF 9C 00 00 00 00 00 0A \"test error\"");
    sq_buf_reset(&buf);
    srv_enc_err(&buf, &caps_all, -201, 0, 70000, "");
    ck_assert_hex(buf.data, buf.len, "00 0D FF 37 00 00 00 01 11 70 00 00");
}
END_TEST

START_TEST(small_messages)
{
    srv_enc_cost(&buf, 5, 0);
    srv_enc_xactstat(&buf, 1, 1, 0);
    srv_enc_tupid(&buf, 10);
    srv_enc_exit(&buf);
    srv_enc_dblist_end(&buf);
    srv_enc_eot(&buf);
    ck_assert_hex(buf.data, buf.len,
                  "00 37 00 00 00 05 00 00 00 00  00 63 00 01 00 01 00 00"
                  "  00 19 00 00 00 0A  00 38  00 1A 00 00  00 0C");
}
END_TEST

START_TEST(profile_keys)
{
    struct srv_profile p;
    char err[128];
    srv_profile_init(&p);
    ck_assert(p.proto == SRV_PROTO_ECHO && p.insertdone_always && p.unlogged_begin == -256);
    ck_assert_str_eq(p.server_version, "14.10.FC10");
    ck_assert_int_eq(srv_profile_set(&p, "insertdone=generated", err, sizeof err), 0);
    ck_assert(!p.insertdone_always);
    ck_assert_int_eq(srv_profile_set(&p, "unlogged-begin=-201", err, sizeof err), 0);
    ck_assert_int_eq(p.unlogged_begin, -201);
    ck_assert_int_eq(srv_profile_set(&p, "server-version=12.10.FC6", err, sizeof err), 0);
    ck_assert_str_eq(p.server_version, "12.10.FC6");
    static const char *bad[] = {"proto=maybe",       "nosuchkey=1",     "nfetch16=2",
                                "unlogged-begin=-1", "server-version=", "proto"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(srv_profile_set(&p, bad[i], err, sizeof err) != 0, "%s", bad[i]);
}
END_TEST

static Suite *encode_suite(void)
{
    Suite *s = suite_create("srv_encode");
    TCase *t = tcase_create("encoders");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, conacc_mirrors_request_per_doc_4_4);
    tcase_add_test(t, conrej_puts_svcerror_at_marker_plus_8);
    tcase_add_test(t, conrej_without_request_uses_defaults);
    tcase_add_test(t, protocols_echo_clears_pam_and_large_tuple);
    tcase_add_test(t, protocols_zero_profile_and_short_mask);
    tcase_add_test(t, describe_extended_86_byte_example);
    tcase_add_test(t, describe_legacy_layout);
    tcase_add_test(t, describe_zero_columns_and_udt_names);
    tcase_add_test(t, describe_tuple_size_saturates);
    tcase_add_test(t, tuple_examples_7_7);
    tcase_add_test(t, v14_tuple_and_14_byte_done);
    tcase_add_test(t, odd_row_is_padded);
    tcase_add_test(t, done_22_bytes_with_long_rowid);
    tcase_add_test(t, insertdone_v18_and_long_form);
    tcase_add_test(t, err_example_7_11_and_v19);
    tcase_add_test(t, small_messages);
    tcase_add_test(t, profile_keys);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(encode_suite());
}
