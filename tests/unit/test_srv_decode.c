/* SPDX-License-Identifier: MIT */
/* test_srv_decode.c - ifxlite's client->server decoders (server/srv_decode.c,
 * srv_login.c) on the doc's client vectors: §3.6 CONREQ, W3/W4 PROTOCOLS,
 * §5.2 SQ_INFO and W5, §5.4 DBOPEN, §7.2 PREPARE (u16/u32), W18, W19, §7.5
 * CURNAME+OPEN, §7.6 NFETCH (+W16 u16), §7.8 SFETCH, §7.9 BIND+EXECUTE, W7,
 * §8.1 transactions, W22 EXIT. Every vector is also fed truncated at every
 * length: the decoder must answer need-more (cursor unchanged), never crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_opcodes.h"
#include "sq_types.h"
#include "srv_proto.h"

static const struct srv_caps caps_none = {false, false, false, false};
static const struct srv_caps caps_big = {true, true, true, false};
static const struct srv_caps caps_n16 = {false, false, false, true};

#define MAXMSG 16

/* Decode a whole vector into messages; it must end exactly at its end. */
static size_t decode_all(const uint8_t *p, size_t n, const struct srv_caps *caps,
                         struct srv_msg *out)
{
    struct sq_rd rd;
    size_t k = 0;
    sq_rd_init(&rd, p, n);
    while (sq_rd_left(&rd)) {
        ck_assert_uint_lt(k, MAXMSG);
        ck_assert_int_eq(srv_decode_msg(&rd, caps, &out[k]), SQ_RC_OK);
        k++;
    }
    return k;
}

/* Every proper prefix: each message decodes OK until the cut, then NEED_MORE
 * with the cursor at the message start. */
static void truncations_need_more(const uint8_t *p, size_t n, const struct srv_caps *caps)
{
    for (size_t cut = 0; cut < n; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1);
        memcpy(copy, p, cut);
        struct sq_rd rd;
        sq_rd_init(&rd, copy, cut);
        for (;;) {
            struct srv_msg m;
            size_t at = rd.pos;
            enum sq_rc rc = srv_decode_msg(&rd, caps, &m);
            if (rc == SQ_RC_OK)
                continue;
            ck_assert_msg(rc == SQ_RC_NEED_MORE, "cut %zu: rc %d", cut, rc);
            ck_assert_uint_eq(rd.pos, at);
            break;
        }
        free(copy);
    }
}

static uint8_t *hex(const char *h, size_t *n)
{
    uint8_t *p;
    ck_hex(h, &p, n);
    return p;
}

START_TEST(conreq_example_3_6)
{
    uint8_t *pkt;
    size_t n, body;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    ck_assert_uint_eq(n, 338);
    ck_assert_int_eq(srv_login_header(pkt, n, &body), SQ_RC_OK);
    ck_assert_uint_eq(body, 332);
    struct srv_conreq *rq = calloc(1, sizeof *rq);
    ck_assert_int_eq(srv_login_parse(pkt + 6, body, rq), SQ_RC_OK);
    ck_assert_str_eq(rq->user, "informix");
    ck_assert_str_eq(rq->password, "secret");
    ck_assert_uint_eq(rq->password_len, 6);
    ck_assert_str_eq(rq->server, "ol_test");
    ck_assert_str_eq(rq->dbname, "");
    ck_assert_str_eq(rq->client_version, "9.280");
    ck_assert_str_eq(rq->app_proto, "sqli");
    ck_assert_uint_eq(rq->cap1, 0x13C);
    ck_assert_uint_eq(rq->flags, 1);
    ck_assert_str_eq(rq->family, "ol");
    ck_assert_str_eq(rq->transport, "tlitcp");
    ck_assert_uint_eq(rq->nenv, 6);
    char v[64];
    srv_login_env(rq, "CLIENT_LOCALE", v, sizeof v);
    ck_assert_str_eq(v, "en_US.utf8");
    srv_login_env(rq, "DB_LOCALE", v, sizeof v);
    ck_assert_str_eq(v, "en_US.8859-1");
    srv_login_env(rq, "DBDATE", v, sizeof v);
    ck_assert_str_eq(v, "");
    ck_assert(rq->has_procinfo);
    ck_assert_uint_eq(rq->pid, 0x1234);
    ck_assert_str_eq(rq->host, "client01");
    ck_assert_str_eq(rq->cwd, "/tmp");
    ck_assert_str_eq(rq->app_name, "myodbc");
    /* header truncated: need more; body truncated: clean refusal */
    for (size_t cut = 0; cut < 6; cut++)
        ck_assert_int_eq(srv_login_header(pkt, cut, &body), SQ_RC_NEED_MORE);
    for (size_t cut = 0; cut < 332; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1);
        memcpy(copy, pkt + 6, cut);
        ck_assert_int_eq(srv_login_parse(copy, cut, rq), SQ_RC_PROTOCOL);
        free(copy);
    }
    free(rq);
    free(pkt);
}
END_TEST

START_TEST(conreq_without_optional_blocks_and_bad_headers)
{
    uint8_t *pkt;
    size_t n, body;
    ck_fixture("c2s_conreq_example.hex", &pkt, &n);
    /* cut the 107 and 116 blocks (NMAP omits them): body ends with 127 */
    size_t env_end = 0x119; /* offset of the 107 marker in the packet */
    ck_assert_uint_eq(sq_load_u16(pkt + env_end), SQ_ASC_PROCINFO);
    pkt[env_end] = 0x00;
    pkt[env_end + 1] = 0x7F;
    struct srv_conreq *rq = calloc(1, sizeof *rq);
    ck_assert_int_eq(srv_login_parse(pkt + 6, env_end + 2 - 6, rq), SQ_RC_OK);
    ck_assert(!rq->has_procinfo);
    ck_assert_str_eq(rq->user, "informix");
    /* an unknown block marker cannot be skipped */
    pkt[env_end + 1] = 0x70;
    ck_assert_int_eq(srv_login_parse(pkt + 6, env_end + 2 - 6, rq), SQ_RC_PROTOCOL);
    /* wrong SL type / attribute / size */
    static const uint8_t acc[6] = {0x01, 0x52, 0x02, 0x3C, 0, 0};
    static const uint8_t attr[6] = {0x01, 0x52, 0x01, 0x3D, 0, 0};
    static const uint8_t tiny[6] = {0x00, 0x05, 0x01, 0x3C, 0, 0};
    ck_assert_int_eq(srv_login_header(acc, 6, &body), SQ_RC_PROTOCOL);
    ck_assert_int_eq(srv_login_header(attr, 6, &body), SQ_RC_PROTOCOL);
    ck_assert_int_eq(srv_login_header(tiny, 6, &body), SQ_RC_PROTOCOL);
    free(rq);
    free(pkt);
}
END_TEST

START_TEST(protocols_w3_w4)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 7E 00 09 FF FC 7F FC 3C 8C AA 97 06 00 00 0C", &n); /* W3 */
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    ck_assert_uint_eq(m[0].op, SQ_PROTOCOLS);
    ck_assert_uint_eq(m[0].u.protocols.len, 9);
    ck_assert_hex(m[0].u.protocols.mask, 9, "FF FC 7F FC 3C 8C AA 97 06");
    ck_assert_uint_eq(m[1].op, SQ_EOT);
    truncations_need_more(p, n, &caps_none);
    free(p);
    p = hex("00 7E 00 07 FF FC 7F FC 3C 8C 8A 00 00 0C", &n); /* W4 */
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    ck_assert_uint_eq(m[0].u.protocols.len, 7);
    truncations_need_more(p, n, &caps_none);
    free(p);
}
END_TEST

static void check_info_entries(const struct srv_msg *m)
{
    struct sq_rd rd;
    const uint8_t *nm, *v;
    size_t nl, vl;
    bool done;
    ck_assert_uint_eq(m->op, SQ_INFO);
    ck_assert_uint_eq(m->u.info.type, SQ_INFO_ENV);
    ck_assert_uint_eq(m->u.info.nentries, 2);
    sq_rd_init(&rd, m->u.info.entries, m->u.info.len);
    ck_assert_int_eq(srv_decode_info_entry(&rd, &nm, &nl, &v, &vl, &done), SQ_RC_OK);
    ck_assert(!done && nl == 6 && memcmp(nm, "DBTEMP", 6) == 0 && vl == 4);
    ck_assert_int_eq(srv_decode_info_entry(&rd, &nm, &nl, &v, &vl, &done), SQ_RC_OK);
    ck_assert(!done && nl == 11 && memcmp(nm, "SUBQCACHESZ", 11) == 0 && vl == 2);
    ck_assert_int_eq(srv_decode_info_entry(&rd, &nm, &nl, &v, &vl, &done), SQ_RC_OK);
    ck_assert(done);
}

START_TEST(info_5_2_and_w5)
{
    static const char *body = "00 06 \"DBTEMP\" 00 04 \"/tmp\" 00 0B \"SUBQCACHESZ\" 00"
                              " 00 02 \"10\" 00 00 00 00 00 0C";
    char text[400];
    struct srv_msg m[MAXMSG];
    size_t n;
    /* §5.2: LIB's total_len 0x28 */
    snprintf(text, sizeof text, "00 51 00 06 00 28 00 0C 00 04 %s", body);
    uint8_t *p = hex(text, &n);
    ck_assert_uint_eq(n, 48);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    check_info_entries(&m[0]);
    truncations_need_more(p, n, &caps_none);
    free(p);
    /* W5: NMAP's total_len 0x26; total_len is not trusted, same result */
    snprintf(text, sizeof text, "00 51 00 06 00 26 00 0C 00 04 %s", body);
    p = hex(text, &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    check_info_entries(&m[0]);
    free(p);
}
END_TEST

START_TEST(dbopen_5_4)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 24 00 06 73 74 6F 72 65 73 00 00 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    ck_assert_uint_eq(m[0].op, SQ_DBOPEN);
    ck_assert(m[0].u.dbopen.len == 6 && memcmp(m[0].u.dbopen.name, "stores", 6) == 0);
    ck_assert_uint_eq(m[0].u.dbopen.flags, 0);
    truncations_need_more(p, n, &caps_none);
    free(p);
    p = hex("00 24 00 07 74 65 73 74 64 62 31 00 00 00 00 0C", &n); /* odd: padded */
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 2);
    ck_assert(m[0].u.dbopen.len == 7 && memcmp(m[0].u.dbopen.name, "testdb1", 7) == 0);
    truncations_need_more(p, n, &caps_none);
    free(p);
}
END_TEST

START_TEST(prepare_7_2_u16_and_u32)
{
    static const char *sql = "SELECT id, name FROM t1 WHERE id > ?";
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 02 00 01 00 24 \"SELECT id, name FROM t1 WHERE id > ?\""
                     " 00 16 00 31 00 0C",
                     &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 4);
    ck_assert_uint_eq(m[0].op, SQ_PREPARE);
    ck_assert_uint_eq(m[0].u.prepare.nparams, 1);
    ck_assert_uint_eq(m[0].u.prepare.len, strlen(sql));
    ck_assert(memcmp(m[0].u.prepare.sql, sql, strlen(sql)) == 0);
    ck_assert_uint_eq(m[1].op, SQ_NDESCRIBE);
    ck_assert_uint_eq(m[2].op, SQ_WANTDONE);
    ck_assert_uint_eq(m[3].op, SQ_EOT);
    truncations_need_more(p, n, &caps_none);
    free(p);
    /* big_sql: u32 length, odd text padded */
    p = hex("00 02 00 00 00 00 00 07 \"SELECT 1\" 00 16 00 31 00 0C", &n);
    p[8 + 7] = 0; /* "SELECT " + pad: 7 bytes of text then the pad byte */
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 4);
    ck_assert_uint_eq(m[0].u.prepare.len, 7);
    ck_assert(memcmp(m[0].u.prepare.sql, "SELECT ", 7) == 0);
    truncations_need_more(p, n, &caps_big);
    free(p);
}
END_TEST

START_TEST(prepare_w18_nmap_style_and_w19_command)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    /* W18 read per §17.8 as u16 0 + u16 length; the length counts a NUL and an
     * extra pad byte follows */
    uint8_t *p = hex("00 02 00 00 00 09 \"SELECT 1\" 00 00 00 16 00 31 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 4);
    ck_assert_uint_eq(m[0].u.prepare.len, 9);
    ck_assert_uint_eq(m[0].u.prepare.sql[8], 0);
    truncations_need_more(p, n, &caps_none);
    free(p);
    /* W19: COMMAND + NDESCRIBE + EXECUTE + RELEASE */
    p = hex("00 01 00 00 00 0B \"DROP TABLE\" 00 00 00 16 00 07 00 0B 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 5);
    ck_assert_uint_eq(m[0].op, SQ_COMMAND);
    ck_assert_uint_eq(m[0].u.prepare.len, 11);
    ck_assert_uint_eq(m[2].op, SQ_EXECUTE);
    ck_assert_uint_eq(m[3].op, SQ_RELEASE);
    truncations_need_more(p, n, &caps_none);
    free(p);
}
END_TEST

START_TEST(curname_open_7_5_and_nfetch_7_6)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 04 00 05 00 03 00 12 \"_ifxc0000000000001\" 00 06 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 4);
    ck_assert_uint_eq(m[0].op, SQ_ID);
    ck_assert_uint_eq(m[0].u.id, 5);
    ck_assert_uint_eq(m[1].op, SQ_CURNAME);
    ck_assert(m[1].u.curname.len == 18 &&
              memcmp(m[1].u.curname.name, "_ifxc0000000000001", 18) == 0);
    ck_assert_uint_eq(m[2].op, SQ_OPEN);
    truncations_need_more(p, n, &caps_none);
    free(p);
    /* W8 (odd name, padded) + W9 tail */
    p = hex("00 04 12 34 00 03 00 11 \"_ifxc000000000000\" 00 00 18 00 2B 00 06 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 6);
    ck_assert_uint_eq(m[2].op, SQ_SCROLL);
    ck_assert_uint_eq(m[3].op, SQ_HOLD);
    free(p);
    p = hex("00 04 00 05 00 09 00 00 10 00 00 00 00 0C", &n); /* §7.6 */
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 3);
    ck_assert_uint_eq(m[1].op, SQ_NFETCH);
    ck_assert_uint_eq(m[1].u.bufsize, 4096);
    truncations_need_more(p, n, &caps_big);
    free(p);
    /* W16: chained CURNAME+OPEN+NFETCH with a u16 buffer size (nfetch16) */
    p = hex("00 04 00 05 00 03 00 12 \"_ifxc0000000000001\" 00 06 00 04 00 05"
            " 00 09 10 00 00 00 00 0C",
            &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_n16, m), 6);
    ck_assert_uint_eq(m[4].op, SQ_NFETCH);
    ck_assert_uint_eq(m[4].u.bufsize, 4096);
    truncations_need_more(p, n, &caps_n16);
    free(p);
}
END_TEST

START_TEST(sfetch_7_8_and_ret_type_w7)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 04 00 05 00 17 00 06 00 00 00 0A 00 00 10 00 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 3);
    ck_assert_uint_eq(m[1].op, SQ_SFETCH);
    ck_assert_uint_eq(m[1].u.sfetch.type, SQ_SFETCH_ABSOLUTE);
    ck_assert_int_eq(m[1].u.sfetch.target, 10);
    ck_assert_uint_eq(m[1].u.sfetch.bufsize, 4096);
    truncations_need_more(p, n, &caps_big);
    free(p);
    p = hex("00 04 12 34 00 64 00 01 00 01 00 0D 00 00 00 40 00 09 00 00 10 00 00 00 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 4);
    ck_assert_uint_eq(m[1].op, SQ_RET_TYPE);
    ck_assert_uint_eq(m[2].op, SQ_NFETCH);
    truncations_need_more(p, n, &caps_big);
    free(p);
}
END_TEST

START_TEST(bind_7_9_and_execute)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 04 00 05  00 05 00 03"
                     "  00 02 00 00 0A 00 00 00 00 2A"
                     "  00 00 00 00 00 00 00 03 61 62 63 00"
                     "  00 00 FF FF 00 00"
                     " 00 07 00 0C",
                     &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 4);
    ck_assert_uint_eq(m[1].op, SQ_BIND);
    ck_assert_uint_eq(m[1].u.bind.count, 3);
    struct sq_rd rd;
    struct srv_bparam bp;
    sq_rd_init(&rd, m[1].u.bind.blocks, m[1].u.bind.len);
    ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
    ck_assert(bp.type == SQ_T_INTEGER && bp.ind == 0 && bp.prec == 0x0A00 && bp.len == 4);
    ck_assert_hex(bp.data, 4, "00 00 00 2A");
    ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
    ck_assert(bp.type == SQ_T_CHAR && bp.len == 3 && memcmp(bp.data, "abc", 3) == 0);
    ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
    ck_assert(bp.ind == -1 && bp.len == 0);
    ck_assert_uint_eq(sq_rd_left(&rd), 0);
    ck_assert_uint_eq(m[2].op, SQ_EXECUTE);
    truncations_need_more(p, n, &caps_big);
    free(p);
}
END_TEST

START_TEST(bind_native_forms)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 05 00 07"
                     " 00 05 00 00 0C 04 00 07 C3 01 17 2D 43 59 00 00" /* DECIMAL(12,4) V1 */
                     " 00 0A 00 00 0E 0A 00 08 C7 14 1A 06 14 0C 22 38" /* DATETIME V4 */
                     " 00 2D 00 00 00 00 01 00"                         /* BOOLEAN 45 */
                     " 00 11 00 00 00 00 00 01 71 FB 04 CB 00 00 01 1F" /* INT8 */
                     " 00 01 00 00 00 00 FF FE"                         /* SMALLINT -2 */
                     " 00 0D 00 00 00 03 00 03 61 62 63 00"             /* VARCHAR prec 3 */
                     " 00 07 00 00 00 00 00 00 B1 91"                   /* DATE */
                     " 00 0C",
                     &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 2);
    struct sq_rd rd;
    struct srv_bparam bp;
    sq_rd_init(&rd, m[0].u.bind.blocks, m[0].u.bind.len);
    static const uint16_t types[] = {5, 10, 45, 17, 1, 13, 7};
    static const size_t lens[] = {7, 8, 1, 10, 2, 3, 4};
    for (int i = 0; i < 7; i++) {
        ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
        ck_assert_uint_eq(bp.type, types[i]);
        ck_assert_uint_eq(bp.len, lens[i]);
    }
    truncations_need_more(p, n, &caps_big);
    free(p);
}
END_TEST

START_TEST(transactions_8_1_and_exit_w22)
{
    struct srv_msg m[MAXMSG];
    size_t n;
    uint8_t *p = hex("00 23 00 0C 00 13 00 0C 00 14 00 00 00 0C 00 38", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 7);
    ck_assert_uint_eq(m[0].op, SQ_BEGIN);
    ck_assert_uint_eq(m[2].op, SQ_CMMTWORK);
    ck_assert_uint_eq(m[4].op, SQ_RBWORK);
    ck_assert_uint_eq(m[4].u.rbwork, 0);
    ck_assert_uint_eq(m[6].op, SQ_EXIT);
    truncations_need_more(p, n, &caps_none);
    free(p);
    p = hex("00 25 00 0C 00 0A 00 0B 00 1A", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 5);
    ck_assert_uint_eq(m[0].op, SQ_DBCLOSE);
    free(p);
}
END_TEST

/* doc §9.7 writing: BIND with a BYTE descriptor block (size 5 at 16..19),
 * SQ_BBIND 1, SQ_BLOB 'abc' (W12/V20 shapes), SQ_BLOB 'de', empty SQ_BLOB,
 * EXECUTE, EOT; and reading: FETCHBLOB with a descriptor. */
#define DESC5 "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 05 " \
              "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 " \
              "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
START_TEST(byte_bind_bbind_blob_chunks_and_fetchblob_9_7)
{
    size_t n;
    struct srv_msg m[MAXMSG];
    uint8_t *p = hex("00 04 00 03 00 05 00 02 00 02 00 00 0A 00 00 00 00 07 "
                     "00 0B 00 00 00 00 " DESC5 " 00 29 00 01 00 27 00 03 61 62 63 00 "
                     "00 27 00 02 64 65 00 27 00 00 00 07 00 0C",
                     &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 8);
    ck_assert_uint_eq(m[1].op, SQ_BIND);
    ck_assert_uint_eq(m[1].u.bind.count, 2);
    struct sq_rd rd;
    struct srv_bparam bp;
    sq_rd_init(&rd, m[1].u.bind.blocks, m[1].u.bind.len);
    ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
    ck_assert_int_eq(srv_decode_bparam(&rd, &bp), SQ_RC_OK);
    ck_assert_uint_eq(bp.type, SQ_T_BYTE);
    ck_assert_uint_eq(bp.len, 56);
    ck_assert_uint_eq(bp.data[19], 5);
    ck_assert_uint_eq(m[2].op, SQ_BBIND);
    ck_assert_uint_eq(m[2].u.bbind, 1);
    ck_assert_uint_eq(m[3].op, SQ_BLOB);
    ck_assert_uint_eq(m[3].u.blob.n, 3);
    ck_assert(memcmp(m[3].u.blob.p, "abc", 3) == 0);
    ck_assert_uint_eq(m[4].u.blob.n, 2);
    ck_assert_uint_eq(m[5].op, SQ_BLOB);
    ck_assert_uint_eq(m[5].u.blob.n, 0);
    ck_assert_uint_eq(m[6].op, SQ_EXECUTE);
    truncations_need_more(p, n, &caps_none);
    free(p);
    /* W12 with our EOT */
    p = hex("00 04 00 07 00 26 " DESC5 " 00 0C", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_big, m), 3);
    ck_assert_uint_eq(m[1].op, SQ_FETCHBLOB);
    ck_assert_uint_eq(m[1].u.blobdesc[19], 5);
    truncations_need_more(p, n, &caps_big);
    free(p);
    /* a NULL BYTE parameter carries no descriptor */
    p = hex("00 05 00 01 00 0C FF FF 00 00", &n);
    ck_assert_uint_eq(decode_all(p, n, &caps_none, m), 1);
    free(p);
}
END_TEST

START_TEST(unknown_opcodes_and_over_limit_counts_are_protocol_errors)
{
    static const char *bad[] = {
        "04 71 00 0C",                         /* V21 */
        "00 15",                               /* SVPOINT: layout unknown */
        "00 80 00 0C",                         /* PAM ACK: never asked for */
        "00 02 00 00 04 00 00 01",             /* big_sql: 64 MiB + 1 */
        "00 05 80 00",                         /* BIND count 32768 */
        "00 05 00 01 00 13 00 00 00 00",       /* BIND of SET: not skippable */
        "00 05 00 01 00 05 00 00 0C 04 00 40", /* DECIMAL with 64 bytes */
        "00 7E 00 41",                         /* PROTOCOLS mask of 65 */
        "00 03 01 01",                         /* CURNAME of 257 */
        "00 24 01 01",                         /* DBOPEN name of 257 */
        "00 64 00 01 80 00",                   /* RET_TYPE 32768 columns */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t n;
        uint8_t *p = hex(bad[i], &n);
        struct sq_rd rd;
        struct srv_msg m;
        sq_rd_init(&rd, p, n);
        ck_assert_msg(srv_decode_msg(&rd, &caps_big, &m) == SQ_RC_PROTOCOL, "vector %zu", i);
        ck_assert_uint_eq(rd.pos, 0);
        free(p);
    }
}
END_TEST

START_TEST(info_entry_count_is_bounded)
{
    /* 257 empty-value entries "A" = "" then 0,0 */
    size_t n = 10 + 257 * 6 + 4;
    uint8_t *p = calloc(1, n);
    memcpy(p, "\x00\x51\x00\x06\x00\x00\x00\x02\x00\x00", 10);
    for (size_t i = 0; i < 257; i++)
        memcpy(p + 10 + i * 6, "\x00\x01\x41\x00\x00\x00", 6);
    struct sq_rd rd;
    struct srv_msg m;
    sq_rd_init(&rd, p, n);
    ck_assert_int_eq(srv_decode_msg(&rd, &caps_none, &m), SQ_RC_PROTOCOL);
    free(p);
}
END_TEST

static Suite *decode_suite(void)
{
    Suite *s = suite_create("srv_decode");
    TCase *t = tcase_create("decoders");
    tcase_set_timeout(t, 30);
    tcase_add_test(t, conreq_example_3_6);
    tcase_add_test(t, conreq_without_optional_blocks_and_bad_headers);
    tcase_add_test(t, protocols_w3_w4);
    tcase_add_test(t, info_5_2_and_w5);
    tcase_add_test(t, dbopen_5_4);
    tcase_add_test(t, prepare_7_2_u16_and_u32);
    tcase_add_test(t, prepare_w18_nmap_style_and_w19_command);
    tcase_add_test(t, curname_open_7_5_and_nfetch_7_6);
    tcase_add_test(t, sfetch_7_8_and_ret_type_w7);
    tcase_add_test(t, bind_7_9_and_execute);
    tcase_add_test(t, bind_native_forms);
    tcase_add_test(t, transactions_8_1_and_exit_w22);
    tcase_add_test(t, byte_bind_bbind_blob_chunks_and_fetchblob_9_7);
    tcase_add_test(t, unknown_opcodes_and_over_limit_counts_are_protocol_errors);
    tcase_add_test(t, info_entry_count_is_bounded);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return ck_run(decode_suite());
}
