/* SPDX-License-Identifier: MIT */
/* test_sq_response.c - the client's reply decoders (driver/sqli/sq_response.c)
 * on the doc's examples and §13.1 vectors: DESCRIBE (extended, legacy, zero
 * columns), TUPLE, DONE 14/22, COST, INSERTDONE 10/18, XACTSTAT, ERR u16/u32,
 * TUPID, PROTOCOLS, unknown opcodes and over-limit counts. Every fixture is
 * also truncated at every length and split at every byte. All hand-written. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "sq_alloc.h"
#include "sq_internal.h"
#include "sq_opcodes.h"
#include "sq_types.h"

static const struct sq_caps caps_none;
static const struct sq_caps caps_all = {.ext_describe = true, .big_sql = true, .long_rowid = true};

/* doc §7.3: extended-layout example, 86 bytes. */
#define DESCRIBE_EXT                                                                               \
    "00 08  00 02  00 05  00 00 00 00  00 19  00 02  00 00 00 08 "                                 \
    "00 00 00 00  00 00 00 00  01 02  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  "      \
    "00 00 00 04 "                                                                                 \
    "00 00 00 03  00 00 00 04  00 0D  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  "      \
    "00 00 00 14 "                                                                                 \
    "69 64 00 6E 61 6D 65 00"

/* The same statement in the legacy layout of PROTOCOL.md (u16 strtab size,
 * u16 start_pos; 28-byte column blocks) [U, after NMAP]. */
#define DESCRIBE_LEGACY                                                                            \
    "00 08  00 02  00 05  00 00 00 00  00 19  00 02  00 08 "                                       \
    "00 00 00 00  00 00  01 02  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  "            \
    "00 00 00 04 "                                                                                 \
    "00 00 00 03  00 04  00 0D  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  "            \
    "00 00 00 14 "                                                                                 \
    "69 64 00 6E 61 6D 65 00"

/* One LVARCHAR column (type 40, xid 1, xname "lvarchar"), odd string table "v\0" + pad. */
#define DESCRIBE_LVARCHAR                                                                          \
    "00 08  00 02  00 01  00 00 00 00  08 05  00 01  00 00 00 02 "                                 \
    "00 00 00 00  00 00 00 00  00 28  00 00 00 01  00 00  00 08 \"lvarchar\"  00 00  00 00  "      \
    "00 00 00 00  00 00 08 00 "                                                                    \
    "76 00"

/* Zero-column describe (DDL): type 14 CREATE TABLE, id 3. */
#define DESCRIBE_ZERO "00 08 00 0E 00 03 00 00 00 00 00 00 00 00 00 00 00 00"

struct vec {
    const char *name;
    const struct sq_caps *caps;
    const char *hex;
    uint16_t op;
};

static const struct vec vecs[] = {
    {"describe_ext", &caps_all, DESCRIBE_EXT, SQ_DESCRIBE},
    {"describe_legacy", &caps_none, DESCRIBE_LEGACY, SQ_DESCRIBE},
    {"describe_lvarchar", &caps_all, DESCRIBE_LVARCHAR, SQ_DESCRIBE},
    {"describe_zero", &caps_all, DESCRIBE_ZERO, SQ_DESCRIBE},
    {"tuple_7_abc", &caps_all, "00 0E 00 00 00 00 00 08 00 00 00 07 03 61 62 63", SQ_TUPLE},
    {"tuple_8_null", &caps_all, "00 0E 00 00 00 00 00 06 00 00 00 08 01 00", SQ_TUPLE},
    {"tuple_odd_pad", &caps_all, "00 0E 00 00 00 00 00 05 00 00 00 07 00 00", SQ_TUPLE},
    {"done_14", &caps_none, "00 0F 00 00 00 00 00 01 00 00 00 01 00 00 00 00", SQ_DONE},
    {"done_22", &caps_all,
     "00 0F 00 02 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00 09 00 00 00 07", SQ_DONE},
    {"cost", &caps_all, "00 37 00 00 00 01 00 00 00 02", SQ_COST},
    {"insertdone_10", &caps_none, "00 5E 00 01 71 FB 04 CB 00 00 01 1F", SQ_INSERTDONE},
    {"insertdone_18", &caps_all, "00 5E 00 01 71 FB 04 CB 00 00 01 1F 00 00 00 00 00 00 00 2A",
     SQ_INSERTDONE},
    {"xactstat", &caps_all, "00 63 00 01 00 02 00 00", SQ_XACTSTAT},
    {"err_u16", &caps_none, "00 0D FF 32 FF 91 00 0E 00 0B 6E 6F 73 75 63 68 74 61 62 6C 65 00",
     SQ_ERR},
    {"err_u32", &caps_all,
     "00 0D FF 32 FF 91 00 00 00 0E 00 0B 6E 6F 73 75 63 68 74 61 62 6C 65 00", SQ_ERR},
    {"err_v19", &caps_none, "00 0D FF 9C 00 00 00 00 00 0A \"test error\"", SQ_ERR},
    {"tupid", &caps_all, "00 19 00 00 00 0A", SQ_TUPID},
    {"protocols_v23", &caps_none, "00 7E 00 09 00 00 00 00 00 00 00 00 00 00", SQ_PROTOCOLS},
    {"info_items", &caps_all, "00 51 00 03 00 02 41 42 00 00", SQ_INFO},
    {"dblist", &caps_all, "00 1A 00 06 \"stores\" 00 03 \"abc\" 00 00 00", SQ_DBLIST},
    {"eot", &caps_all, "00 0C", SQ_EOT},
    {"exit", &caps_all, "00 38", SQ_EXIT},
};
#define NVECS ((int)(sizeof vecs / sizeof vecs[0]))

static struct sq_msg decode_one(const struct vec *v, const uint8_t *p, size_t n)
{
    struct sq_rd rd;
    struct sq_msg m;
    sq_rd_init(&rd, p, n);
    ck_assert_int_eq(sq_decode_msg(v->caps, &rd, &m), SQ_RC_OK);
    ck_assert_msg(rd.pos == n, "%s: consumed %zu of %zu", v->name, rd.pos, n);
    ck_assert_uint_eq(m.op, v->op);
    return m;
}

/* Each vector decodes completely; every shorter prefix is NEED_MORE with the
 * cursor back at the message start. */
START_TEST(vector_decodes_and_every_truncation_needs_more)
{
    const struct vec *v = &vecs[_i];
    uint8_t *p;
    size_t n;
    ck_hex(v->hex, &p, &n);
    (void)decode_one(v, p, n);
    for (size_t len = 0; len < n; len++) {
        uint8_t *q = malloc(len ? len : 1); /* exact-size copy: ASan sees any over-read */
        ck_assert_ptr_nonnull(q);
        memcpy(q, p, len);
        struct sq_rd rd;
        struct sq_msg m;
        sq_rd_init(&rd, q, len);
        ck_assert_msg(sq_decode_msg(v->caps, &rd, &m) == SQ_RC_NEED_MORE, "%s at %zu", v->name,
                      len);
        ck_assert_uint_eq(rd.pos, 0);
        free(q);
    }
    free(p);
}
END_TEST

/* All vectors back to back (same caps), split at every byte: the first part
 * decodes what it can, the rest is appended and decoding resumes. */
START_TEST(stream_split_at_every_byte_decodes_the_same)
{
    const struct sq_caps *caps = _i ? &caps_all : &caps_none;
    struct sq_buf all = SQ_BUF_INIT;
    uint16_t ops[64];
    size_t nops = 0;
    for (int i = 0; i < NVECS; i++) {
        if (vecs[i].caps != caps)
            continue;
        uint8_t *p;
        size_t n;
        ck_hex(vecs[i].hex, &p, &n);
        sq_buf_append(&all, p, n);
        ops[nops++] = vecs[i].op;
        free(p);
    }
    for (size_t split = 0; split <= all.len; split++) {
        struct sq_buf in = SQ_BUF_INIT;
        sq_buf_append(&in, all.data, split);
        size_t head = 0, got = 0;
        bool appended = false;
        for (;;) {
            struct sq_rd rd;
            struct sq_msg m;
            sq_rd_init(&rd, in.data ? in.data + head : (const uint8_t *)"", in.len - head);
            enum sq_rc rc = sq_decode_msg(caps, &rd, &m);
            if (rc == SQ_RC_NEED_MORE) {
                ck_assert_uint_eq(rd.pos, 0);
                if (appended)
                    break;
                sq_buf_append(&in, all.data + split, all.len - split);
                appended = true;
                continue;
            }
            ck_assert_int_eq(rc, SQ_RC_OK);
            ck_assert_uint_lt(got, nops);
            ck_assert_uint_eq(m.op, ops[got]);
            got++;
            head += rd.pos;
        }
        ck_assert_uint_eq(got, nops);
        ck_assert_uint_eq(head, all.len);
        sq_buf_fini(&in);
    }
    sq_buf_fini(&all);
}
END_TEST

static struct sq_msg decode_named(const char *name, uint8_t **keep)
{
    for (int i = 0; i < NVECS; i++) {
        if (strcmp(vecs[i].name, name) != 0)
            continue;
        size_t n;
        ck_hex(vecs[i].hex, keep, &n);
        return decode_one(&vecs[i], *keep, n);
    }
    ck_abort_msg("no vector %s", name);
    struct sq_msg none = {0};
    return none;
}

static void check_two_columns(const struct sq_caps *caps, const char *vec)
{
    uint8_t *p;
    struct sq_msg m = decode_named(vec, &p);
    ck_assert_uint_eq(m.u.describe.stmt_type, SQ_STMT_SELECT);
    ck_assert_uint_eq(m.u.describe.id, 5);
    ck_assert_uint_eq(m.u.describe.tuple_size, 25);
    ck_assert_uint_eq(m.u.describe.nfields, 2);
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(sq_describe_apply(caps, &m.u.describe, st), SQ_RC_OK);
    ck_assert_uint_eq(st->id, 5);
    ck_assert_uint_eq(st->ncols, 2);
    ck_assert_str_eq(st->cols[0].name, "id");
    ck_assert_uint_eq(st->cols[0].type, 0x0102);
    ck_assert_int_eq(st->cols[0].kind, SQ_K_INTEGER);
    ck_assert(!st->cols[0].nullable);
    ck_assert_uint_eq(st->cols[0].enc_len, 4);
    ck_assert_str_eq(st->cols[1].name, "name");
    ck_assert_int_eq(st->cols[1].kind, SQ_K_VARCHAR);
    ck_assert(st->cols[1].nullable);
    ck_assert_uint_eq(st->cols[1].enc_len, 20);
    ck_assert_str_eq(st->cols[1].xname, "");
    free(p);
    sq_free(st->cols);
    sq_free(st->names);
    sq_free(st->spans);
    sq_free(st->fixw);
    sq_free(st);
}

START_TEST(describe_extended_doc_example)
{
    check_two_columns(&caps_all, "describe_ext");
}
END_TEST

START_TEST(describe_legacy_layout)
{
    check_two_columns(&caps_none, "describe_legacy");
}
END_TEST

START_TEST(describe_lvarchar_keeps_xname_and_odd_strtab)
{
    uint8_t *p;
    struct sq_msg m = decode_named("describe_lvarchar", &p);
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    ck_assert_int_eq(sq_describe_apply(&caps_all, &m.u.describe, st), SQ_RC_OK);
    ck_assert_uint_eq(st->ncols, 1);
    ck_assert_str_eq(st->cols[0].name, "v");
    ck_assert_str_eq(st->cols[0].xname, "lvarchar");
    ck_assert_uint_eq(st->cols[0].xid, 1);
    ck_assert_int_eq(st->cols[0].kind, SQ_K_LVARCHAR);
    free(p);
    sq_free(st->cols);
    sq_free(st->names);
    sq_free(st->spans);
    sq_free(st->fixw);
    sq_free(st);
}
END_TEST

START_TEST(describe_zero_columns)
{
    uint8_t *p;
    struct sq_msg m = decode_named("describe_zero", &p);
    ck_assert_uint_eq(m.u.describe.nfields, 0);
    ck_assert_uint_eq(m.u.describe.stmt_type, SQ_STMT_CRETAB);
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    ck_assert_int_eq(sq_describe_apply(&caps_all, &m.u.describe, st), SQ_RC_OK);
    ck_assert_uint_eq(st->ncols, 0);
    ck_assert_uint_eq(st->id, 3);
    free(p);
    sq_free(st->names);
    sq_free(st);
}
END_TEST

START_TEST(describe_name_offset_outside_strtab_is_protocol)
{
    uint8_t *p;
    size_t n;
    /* field_index 9 with an 8-byte string table. */
    ck_hex("00 08 00 02 00 05 00 00 00 00 00 04 00 01 00 00 00 08 "
           "00 00 00 09 00 00 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
           "00 00 00 04 \"id\" 00 \"name\" 00",
           &p, &n);
    struct sq_rd rd;
    struct sq_msg m;
    sq_rd_init(&rd, p, n);
    ck_assert_int_eq(sq_decode_msg(&caps_all, &rd, &m), SQ_RC_OK);
    struct sq_stmt *st = sq_calloc(1, sizeof *st);
    ck_assert_int_eq(sq_describe_apply(&caps_all, &m.u.describe, st), SQ_RC_PROTOCOL);
    free(p);
    sq_free(st);
}
END_TEST

START_TEST(tuple_fields)
{
    uint8_t *p;
    struct sq_msg m = decode_named("tuple_7_abc", &p);
    ck_assert_uint_eq(m.u.tuple.warnings, 0);
    ck_assert_uint_eq(m.u.tuple.n, 8);
    ck_assert_hex(m.u.tuple.p, m.u.tuple.n, "00 00 00 07 03 61 62 63");
    free(p);
    m = decode_named("tuple_odd_pad", &p);
    ck_assert_uint_eq(m.u.tuple.n, 5);
    free(p);
}
END_TEST

/* V14 (14-byte DONE) and the 22-byte long-row-id form. */
START_TEST(done_widths_follow_caps)
{
    uint8_t *p;
    struct sq_msg m = decode_named("done_14", &p);
    ck_assert_int_eq(m.u.done.rows, 1);
    ck_assert_int_eq(m.u.done.rowid, 1);
    ck_assert_int_eq(m.u.done.serial, 0);
    free(p);
    m = decode_named("done_22", &p);
    ck_assert_uint_eq(m.u.done.warnings, 2);
    ck_assert_int_eq(m.u.done.rows, 5);
    ck_assert_int_eq(m.u.done.rowid, 9);
    ck_assert_int_eq(m.u.done.serial, 7);
    free(p);
    /* The 14-byte DONE read under long_rowid is short: NEED_MORE, no peeking. */
    ck_hex("00 0F 00 00 00 00 00 01 00 00 00 01 00 00 00 00", &p, &(size_t){0});
    struct sq_rd rd;
    sq_rd_init(&rd, p, 16);
    ck_assert_int_eq(sq_decode_msg(&caps_all, &rd, &m), SQ_RC_NEED_MORE);
    free(p);
}
END_TEST

START_TEST(cost_xactstat_tupid_fields)
{
    uint8_t *p;
    struct sq_msg m = decode_named("cost", &p);
    ck_assert_int_eq(m.u.cost.est_rows, 1);
    ck_assert_int_eq(m.u.cost.est_cost, 2);
    free(p);
    m = decode_named("xactstat", &p);
    ck_assert_uint_eq(m.u.xactstat.event, 1);
    ck_assert_uint_eq(m.u.xactstat.new_level, 2);
    ck_assert_uint_eq(m.u.xactstat.old_level, 0);
    free(p);
    m = decode_named("tupid", &p);
    ck_assert_int_eq(m.u.tupid, 10);
    free(p);
}
END_TEST

/* V18 and its 18-byte long-row-id form. */
START_TEST(insertdone_10_and_18)
{
    uint8_t *p;
    struct sq_msg m = decode_named("insertdone_10", &p);
    ck_assert(!m.u.insertdone.serial8_null);
    ck_assert_int_eq(m.u.insertdone.serial8, 1234567890123LL);
    ck_assert_int_eq(m.u.insertdone.bigserial, 0);
    free(p);
    m = decode_named("insertdone_18", &p);
    ck_assert_int_eq(m.u.insertdone.serial8, 1234567890123LL);
    ck_assert_int_eq(m.u.insertdone.bigserial, 42);
    free(p);
}
END_TEST

/* doc §7.11 example (u16 offset), its u32 form, and V19. */
START_TEST(err_fields)
{
    uint8_t *p;
    struct sq_msg m = decode_named("err_u16", &p);
    ck_assert_int_eq(m.u.err.sqlcode, -206);
    ck_assert_int_eq(m.u.err.isam, -111);
    ck_assert_uint_eq(m.u.err.offset, 14);
    ck_assert_uint_eq(m.u.err.text_len, 11);
    ck_assert(memcmp(m.u.err.text, "nosuchtable", 11) == 0);
    free(p);
    m = decode_named("err_u32", &p);
    ck_assert_int_eq(m.u.err.sqlcode, -206);
    ck_assert_uint_eq(m.u.err.offset, 14);
    free(p);
    m = decode_named("err_v19", &p);
    ck_assert_int_eq(m.u.err.sqlcode, -100);
    ck_assert_int_eq(m.u.err.isam, 0);
    ck_assert_uint_eq(m.u.err.text_len, 10);
    free(p);
}
END_TEST

START_TEST(protocols_mask_sets_caps)
{
    uint8_t mask[9] = {0xFF, 0xFC, 0x7F, 0xFC, 0x3C, 0x84, 0xAA, 0x97, 0x02};
    struct sq_caps c;
    sq_caps_from_mask(&c, mask, sizeof mask);
    ck_assert(c.ext_describe && c.big_sql && c.long_rowid);
    ck_assert(!c.pam && !c.large_tuple);
    mask[5] |= 0x08;
    mask[8] |= 0x04;
    sq_caps_from_mask(&c, mask, sizeof mask);
    ck_assert(c.pam && c.large_tuple);
    sq_caps_from_mask(&c, mask, 7); /* NMAP's 7-byte mask: bytes 7-8 absent */
    ck_assert(!c.ext_describe && !c.big_sql && !c.long_rowid);
}
END_TEST

struct bad {
    const char *name;
    const char *hex;
};

static const struct bad bads[] = {
    {"v21_unknown_opcode", "04 71 00 0C"},
    {"client_opcode_from_server", "00 0A 00 0C"},
    {"tuple_over_limit", "00 0E 00 00 04 00 00 01"},
    {"describe_too_many_columns", "00 08 00 02 00 00 00 00 00 00 00 00 9C 40 00 00 00 00"},
    {"describe_strtab_over_limit", "00 08 00 02 00 00 00 00 00 00 00 00 00 00 01 00 00 00"},
    {"err_text_over_limit", "00 0D FF 32 00 00 00 00 00 00 10 01"},
    {"protocols_mask_over_limit", "00 7E 01 00"},
    {"insertdone_bad_sign", "00 5E 00 07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
};

START_TEST(bad_input_is_protocol_error)
{
    uint8_t *p;
    size_t n;
    ck_hex(bads[_i].hex, &p, &n);
    struct sq_rd rd;
    struct sq_msg m;
    sq_rd_init(&rd, p, n);
    ck_assert_msg(sq_decode_msg(&caps_all, &rd, &m) == SQ_RC_PROTOCOL, "%s", bads[_i].name);
    free(p);
}
END_TEST

static Suite *response_suite(void)
{
    Suite *s = suite_create("sq_response");
    TCase *tc = tcase_create("decoders");
    tcase_add_loop_test(tc, vector_decodes_and_every_truncation_needs_more, 0, NVECS);
    tcase_add_loop_test(tc, stream_split_at_every_byte_decodes_the_same, 0, 2);
    tcase_add_test(tc, describe_extended_doc_example);
    tcase_add_test(tc, describe_legacy_layout);
    tcase_add_test(tc, describe_lvarchar_keeps_xname_and_odd_strtab);
    tcase_add_test(tc, describe_zero_columns);
    tcase_add_test(tc, describe_name_offset_outside_strtab_is_protocol);
    tcase_add_test(tc, tuple_fields);
    tcase_add_test(tc, done_widths_follow_caps);
    tcase_add_test(tc, cost_xactstat_tupid_fields);
    tcase_add_test(tc, insertdone_10_and_18);
    tcase_add_test(tc, err_fields);
    tcase_add_test(tc, protocols_mask_sets_caps);
    tcase_add_loop_test(tc, bad_input_is_protocol_error, 0, (int)(sizeof bads / sizeof bads[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(response_suite());
}
