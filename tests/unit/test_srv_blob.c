/* SPDX-License-Identifier: MIT */
/* test_srv_blob.c - ifxlite's BYTE/TEXT pieces (server/srv_blob.c): the
 * descriptor bytes (tblob_t: size at 16..19, flags at 38..39), the SQ_BLOB
 * chunk encoding (V20), the client chunk spool and the per-cursor registry's
 * lifetime across fetch calls. */
#include <stdlib.h>
#include <string.h>

#include "ck_util.h"
#include "srv_blob.h"

START_TEST(descriptor_bytes)
{
    uint8_t d[SRV_BLOB_DESC];
    srv_blob_desc(d, false, 0x01020304u, 3, 7, 0x0A0B0C0Du);
    static const uint8_t want[SRV_BLOB_DESC] = {
        0,    0,    0,    3,    0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4,
        0x0A, 0x0B, 0x0C, 0x0D, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08};
    ck_assert(memcmp(d, want, sizeof want) == 0);
    uint32_t size, h;
    ck_assert(srv_blob_desc_read(d, &size, &h));
    ck_assert_uint_eq(size, 0x01020304u);
    ck_assert_uint_eq(h, 0x0A0B0C0Du);
    srv_blob_desc(d, true, 99, 1, 1, 1);
    for (size_t i = 0; i < SRV_BLOB_DESC; i++)
        ck_assert_uint_eq(d[i], i == 39 ? 1 : 0); /* doc §9.5: byte 39 = 1 is NULL */
    ck_assert(!srv_blob_desc_read(d, &size, &h));
}
END_TEST

START_TEST(chunk_encoding_v20)
{
    struct sq_buf b;
    sq_buf_init(&b);
    srv_enc_blob_chunk(&b, (const uint8_t *)"abc", 3);
    srv_enc_blob_chunk(&b, NULL, 0);
    static const uint8_t want[] = {0x00, 0x27, 0x00, 0x03, 0x61, 0x62,
                                   0x63, 0x00, 0x00, 0x27, 0x00, 0x00};
    ck_assert_uint_eq(b.len, sizeof want);
    ck_assert(memcmp(b.data, want, sizeof want) == 0);
    sq_buf_fini(&b);
}
END_TEST

START_TEST(spool_collects_values_in_order)
{
    struct srv_blobspool s;
    srv_blobspool_init(&s);
    srv_blobspool_chunk(&s, (const uint8_t *)"ab", 2);
    srv_blobspool_chunk(&s, (const uint8_t *)"cd", 2);
    ck_assert_uint_eq(srv_blobspool_count(&s), 0); /* still open */
    ck_assert_ptr_null(srv_blobspool_take(&s));
    srv_blobspool_chunk(&s, NULL, 0);
    srv_blobspool_chunk(&s, NULL, 0); /* an empty value */
    ck_assert_uint_eq(srv_blobspool_count(&s), 2);
    const struct sq_buf *v = srv_blobspool_take(&s);
    ck_assert_uint_eq(v->len, 4);
    ck_assert(memcmp(v->data, "abcd", 4) == 0);
    v = srv_blobspool_take(&s);
    ck_assert_uint_eq(v->len, 0);
    ck_assert_ptr_null(srv_blobspool_take(&s));
    srv_blobspool_reset(&s);
    ck_assert_uint_eq(srv_blobspool_count(&s), 0);
}
END_TEST

/* Fetch k drops what was sent before fetch k-1; the row kept for the next
 * call (encoded in call k-1, sent in call k) survives with its batch. */
START_TEST(registry_keeps_the_previous_batch)
{
    struct srv_blobreg r;
    srv_blobreg_init(&r);
    srv_blobreg_fetch_begin(&r, r.next_handle); /* call 1 */
    uint32_t a = srv_blobreg_add(&r, "a", 1), b = srv_blobreg_add(&r, "b", 1);
    uint32_t pend = r.next_handle;
    uint32_t c = srv_blobreg_add(&r, "c", 1); /* encoded, kept for call 2 */
    srv_blobreg_fetch_begin(&r, pend);        /* call 2: batch 1 may still be read */
    ck_assert_ptr_nonnull(srv_blobreg_find(&r, a));
    uint32_t d = srv_blobreg_add(&r, "d", 1);
    srv_blobreg_fetch_begin(&r, r.next_handle); /* call 3: batch 1 is done */
    ck_assert_ptr_null(srv_blobreg_find(&r, a));
    ck_assert_ptr_null(srv_blobreg_find(&r, b));
    ck_assert_ptr_nonnull(srv_blobreg_find(&r, c)); /* sent in call 2 */
    ck_assert_ptr_nonnull(srv_blobreg_find(&r, d));
    srv_blobreg_clear(&r);
    ck_assert_ptr_null(srv_blobreg_find(&r, d));
    ck_assert_uint_gt(srv_blobreg_add(&r, "e", 1), d); /* handles are not reused */
    srv_blobreg_clear(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("srv_blob");
    TCase *t = tcase_create("blob");
    tcase_add_test(t, descriptor_bytes);
    tcase_add_test(t, chunk_encoding_v20);
    tcase_add_test(t, spool_collects_values_in_order);
    tcase_add_test(t, registry_keeps_the_previous_batch);
    suite_add_tcase(s, t);
    return ck_run(s);
}
