/* SPDX-License-Identifier: MIT */
/* it_core_lob.c - BYTE/TEXT through the protocol core against ifxlite (doc
 * §9.7): values written as SQ_BIND descriptors + SQ_BBIND + SQ_BLOB chunks
 * and read back with SQ_FETCHBLOB chunk by chunk; -602 once the cursor is
 * closed, -611 for a scroll cursor, a half-read stream drained by the next
 * request. */
#include "it_core.h"

#include <stdint.h>

#include "sq_blob.h"
#include "sq_types.h"

static uint8_t *pattern(size_t n, unsigned seed)
{
    uint8_t *p = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(p);
    uint32_t x = seed * 2654435761u + 1;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (uint8_t)(x >> 16);
    }
    return p;
}

static struct sq_param lob_param(uint16_t type, const uint8_t *p, size_t n)
{
    struct sq_param q;
    memset(&q, 0, sizeof q);
    q.type = type;
    q.u.lob.p = p;
    q.u.lob.n = n;
    return q;
}

static struct sq_param int_param(int64_t v)
{
    struct sq_param q;
    memset(&q, 0, sizeof q);
    q.type = SQ_T_INTEGER;
    q.prec = 0x0A00;
    q.u.i = v;
    return q;
}

/* Read the whole value of column col of the current row into a new buffer. */
static uint8_t *read_value(struct sq_conn *c, struct sq_stmt *st, const struct sq_row *row,
                           size_t col, size_t *len, bool *is_null)
{
    const uint8_t *d;
    size_t dn;
    ck_assert(sq_row_raw(row, col, &d, &dn));
    ck_assert_uint_eq(dn, 56);
    *is_null = sq_blob_desc_is_null(d);
    *len = 0;
    if (*is_null)
        return NULL;
    size_t want = sq_blob_desc_size(d);
    uint8_t *buf = malloc(want ? want : 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_int_eq(sq_blob_open(st, d, dn), SQ_RC_OK);
    for (;;) {
        const uint8_t *p;
        size_t n;
        enum sq_rc rc = sq_blob_read(c, &p, &n);
        if (rc == SQ_RC_NO_DATA)
            break;
        ck_assert_msg(rc == SQ_RC_OK, "blob read: %s: %s", sq_rc_name(rc), sq_conn_errmsg(c));
        ck_assert_uint_le(*len + n, want);
        memcpy(buf + *len, p, n);
        *len += n;
    }
    ck_assert(!sq_blob_reading(c));
    return buf;
}

static const size_t sizes[] = {0, 1, 4095, 4096, 4097, 1u << 20};
#define NSIZES (sizeof sizes / sizeof sizes[0])

START_TEST(byte_and_text_round_trip_every_size)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE lob_rt (id INTEGER, b BYTE, t TEXT)");
    struct sq_stmt *ins;
    const char *sql = "INSERT INTO lob_rt VALUES (?, ?, ?)";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &ins), SQ_RC_OK);
    for (size_t i = 0; i < NSIZES; i++) {
        uint8_t *b = pattern(sizes[i], (unsigned)i);
        uint8_t *t = pattern(sizes[i], (unsigned)i + 100);
        for (size_t k = 0; k < sizes[i]; k++)
            t[k] = (uint8_t)('a' + t[k] % 26);
        struct sq_param p[3] = {int_param((int64_t)i), lob_param(SQ_T_BYTE, b, sizes[i]),
                                lob_param(SQ_T_TEXT, t, sizes[i])};
        enum sq_rc rc = sq_stmt_execute(ins, p, 3);
        ck_assert_msg(rc == SQ_RC_OK, "insert %zu: %s", sizes[i], sq_conn_errmsg(c));
        ck_assert_int_eq(sq_conn_last_done(c)->rows, 1);
        free(b);
        free(t);
    }
    struct sq_param pn[3] = {int_param(99), lob_param(SQ_T_BYTE, NULL, 0),
                             lob_param(SQ_T_TEXT, NULL, 0)};
    pn[1].is_null = pn[2].is_null = true;
    ck_assert_int_eq(sq_stmt_execute(ins, pn, 3), SQ_RC_OK);
    sq_stmt_free(ins);

    struct sq_stmt *sel;
    sql = "SELECT id, b, t FROM lob_rt ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &sel), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_col(sel, 1)->kind, SQ_K_BYTE);
    ck_assert_int_eq(sq_stmt_col(sel, 2)->kind, SQ_K_TEXT);
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, 0), SQ_RC_OK);
    for (size_t i = 0; i <= NSIZES; i++) {
        const struct sq_row *row;
        ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK);
        size_t n;
        bool is_null;
        uint8_t *got = read_value(c, sel, row, 1, &n, &is_null);
        if (i == NSIZES) {
            ck_assert(is_null);
            (void)read_value(c, sel, row, 2, &n, &is_null);
            ck_assert(is_null);
            break;
        }
        ck_assert(!is_null);
        uint8_t *want = pattern(sizes[i], (unsigned)i);
        ck_assert_uint_eq(n, sizes[i]);
        ck_assert(memcmp(got, want, n) == 0);
        free(got);
        got = read_value(c, sel, row, 2, &n, &is_null);
        uint8_t *tw = pattern(sizes[i], (unsigned)i + 100);
        for (size_t k = 0; k < sizes[i]; k++)
            tw[k] = (uint8_t)('a' + tw[k] % 26);
        ck_assert_uint_eq(n, sizes[i]);
        ck_assert(memcmp(got, tw, n) == 0);
        free(got);
        free(want);
        free(tw);
    }
    ck_assert_int_eq(sq_stmt_close(sel), SQ_RC_OK);
    sq_stmt_free(sel);
    sq_conn_free(c);
}
END_TEST

/* A half-read stream is drained by the next request; after CLOSE the server
 * refuses the descriptor with -602; a scroll cursor over BYTE fails with -611. */
START_TEST(stream_drain_closed_cursor_and_scroll_errors)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE lob_dr (id INTEGER, b BYTE)");
    struct sq_stmt *ins;
    const char *sql = "INSERT INTO lob_dr VALUES (?, ?)";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &ins), SQ_RC_OK);
    uint8_t *b = pattern(300000, 7);
    struct sq_param p[2] = {int_param(1), lob_param(SQ_T_BYTE, b, 300000)};
    ck_assert_int_eq(sq_stmt_execute(ins, p, 2), SQ_RC_OK);
    p[0] = int_param(2);
    ck_assert_int_eq(sq_stmt_execute(ins, p, 2), SQ_RC_OK);
    sq_stmt_free(ins);

    struct sq_stmt *sel;
    sql = "SELECT b FROM lob_dr ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &sel), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, 0), SQ_RC_OK);
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK);
    const uint8_t *d;
    size_t dn;
    ck_assert(sq_row_raw(row, 0, &d, &dn));
    uint8_t desc[56];
    memcpy(desc, d, 56);
    ck_assert_int_eq(sq_blob_open(sel, desc, 56), SQ_RC_OK);
    uint64_t serial = sq_blob_serial(c);
    const uint8_t *cp;
    size_t cn;
    ck_assert_int_eq(sq_blob_read(c, &cp, &cn), SQ_RC_OK);
    ck_assert(memcmp(cp, b, cn) == 0);
    /* Another request on the connection: the stream is drained first. */
    ck_assert_int_eq(it_scalar(c, "SELECT COUNT(*) FROM lob_dr"), 2);
    ck_assert(!sq_blob_reading(c));
    ck_assert_int_eq(sq_blob_serial(c), serial);
    /* The cursor is still open: the same descriptor works again. */
    size_t n;
    bool is_null;
    uint8_t *got = read_value(c, sel, row, 0, &n, &is_null);
    ck_assert_uint_eq(n, 300000);
    ck_assert(memcmp(got, b, n) == 0);
    free(got);
    ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK); /* second row */
    ck_assert_int_eq(sq_stmt_close(sel), SQ_RC_OK);
    /* After CLOSE: -602 from the server (sent as a raw group: the core
     * itself refuses a closed cursor). */
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, 0), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK);
    ck_assert(sq_row_raw(row, 0, &d, &dn));
    memcpy(desc, d, 56);
    ck_assert_int_eq(sq_stmt_close(sel), SQ_RC_OK);
    ck_assert_int_eq(sq_blob_open(sel, desc, 56), SQ_RC_MISUSE);
    /* Reopen (new handles) and ask for the old descriptor: -602. */
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, 0), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK);
    ck_assert_int_eq(sq_blob_open(sel, desc, 56), SQ_RC_OK);
    ck_assert_int_eq(sq_blob_read(c, &cp, &cn), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -602);
    ck_assert(!sq_conn_is_broken(c));
    ck_assert_int_eq(sq_stmt_close(sel), SQ_RC_OK);
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, SQ_CURSOR_SCROLL), SQ_RC_SERVER);
    ck_assert_int_eq(sq_conn_server_error(c)->sqlcode, -611);
    /* no BYTE/TEXT literals (doc §9.7): -617; NULL is fine */
    it_exec_err(c, "INSERT INTO lob_dr VALUES (3, 'abc')", -617);
    it_exec_err(c, "INSERT INTO lob_dr VALUES (3, 12)", -617);
    it_exec_err(c, "UPDATE lob_dr SET b = 'x' WHERE id = 1", -617);
    it_exec(c, "INSERT INTO lob_dr VALUES (3, NULL)");
    it_exec(c, "UPDATE lob_dr SET b = NULL WHERE id = 3");
    sq_stmt_free(sel);
    free(b);
    sq_conn_free(c);
}
END_TEST

/* ifxlite counts BYTE/TEXT values against the NFETCH buffer (it keeps them
 * until the next-but-one fetch): rows with 100 KB values come one per batch,
 * and every value of every batch can still be read, prefetching included. */
START_TEST(big_values_make_small_batches)
{
    struct sq_conn *c = it_connect("testdb");
    it_exec(c, "CREATE TABLE lob_bt (id INTEGER, b BYTE)");
    struct sq_stmt *ins;
    const char *sql = "INSERT INTO lob_bt VALUES (?, ?)";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &ins), SQ_RC_OK);
    for (int i = 0; i < 6; i++) {
        uint8_t *b = pattern(100000, (unsigned)i + 40);
        struct sq_param p[2] = {int_param(i), lob_param(SQ_T_BYTE, b, 100000)};
        ck_assert_int_eq(sq_stmt_execute(ins, p, 2), SQ_RC_OK);
        free(b);
    }
    sq_stmt_free(ins);
    struct sq_stmt *sel;
    sql = "SELECT id, b FROM lob_bt ORDER BY id";
    ck_assert_int_eq(sq_stmt_prepare(c, sql, strlen(sql), &sel), SQ_RC_OK);
    uint64_t f0 = sq_conn_fetch_round_trips(c);
    ck_assert_int_eq(sq_stmt_open(sel, NULL, 0, 0), SQ_RC_OK);
    for (int i = 0; i < 6; i++) {
        const struct sq_row *row;
        ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_OK);
        size_t n;
        bool is_null;
        uint8_t *got = read_value(c, sel, row, 1, &n, &is_null);
        uint8_t *want = pattern(100000, (unsigned)i + 40);
        ck_assert_uint_eq(n, 100000);
        ck_assert(memcmp(got, want, n) == 0);
        free(got);
        free(want);
    }
    const struct sq_row *row;
    ck_assert_int_eq(sq_stmt_fetch(sel, &row), SQ_RC_NO_DATA);
    ck_assert_uint_ge(sq_conn_fetch_round_trips(c) - f0, 5);
    sq_stmt_free(sel);
    sq_conn_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("it_core_lob");
    TCase *tc = tcase_create("lob");
    tcase_add_unchecked_fixture(tc, it_setup, it_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, byte_and_text_round_trip_every_size);
    tcase_add_test(tc, stream_drain_closed_cursor_and_scroll_errors);
    tcase_add_test(tc, big_values_make_small_batches);
    suite_add_tcase(s, tc);
    return ck_run(s);
}
