/* SPDX-License-Identifier: MIT */
/* test_odbc_diagmap.c - Informix SQLCODE (+ ISAM) -> SQLSTATE table
 * (driver/odbc/diag_map.c): the table is sorted, unique and well-formed, and
 * spot checks for every family named in the issue. */
#include <ctype.h>
#include <string.h>

#include "ck_util.h"
#include "diag_map.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(table_is_sorted_unique_and_well_formed)
{
    size_t n = 0;
    const struct diag_map_entry *t = diag_map_table(&n);
    ck_assert_uint_gt(n, 40);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_lt(t[i].sqlcode, 0);
        ck_assert_uint_eq(strlen(t[i].state), 5);
        for (size_t k = 0; k < 5; k++)
            ck_assert(isdigit((unsigned char)t[i].state[k]) ||
                      isupper((unsigned char)t[i].state[k]));
        if (i)
            ck_assert_msg(t[i - 1].sqlcode < t[i].sqlcode, "row %zu (%d) out of order", i,
                          t[i].sqlcode);
        /* every row is reachable through the lookup */
        ck_assert_str_eq(diag_map_sqlstate(t[i].sqlcode, 0), t[i].state);
    }
}
END_TEST

static const struct {
    int sqlcode, isam;
    const char *state;
} spots[] = {
    {0, 0, "00000"},
    {100, 0, "02000"},
    {1, 0, "01000"},
    {-201, 0, "42000"},
    {-202, 0, "42000"},
    {-203, 0, "42000"},
    {-206, -111, "42S02"},
    {-217, 0, "42S22"},
    {-310, 0, "42S01"},
    {-316, 0, "42S11"},
    {-319, 0, "42S12"},
    {-239, 0, "23000"},
    {-268, -100, "23000"},
    {-391, 0, "23000"},
    {-691, 0, "23000"},
    {-692, 0, "23000"},
    {-530, 0, "23000"},
    {-1202, 0, "22012"},
    {-1213, 0, "22018"},
    {-1214, 0, "22003"},
    {-1215, 0, "22003"},
    {-1226, 0, "22003"},
    {-1204, 0, "22008"},
    {-1205, 0, "22008"},
    {-1206, 0, "22008"},
    {-1262, 0, "22007"},
    {-1263, 0, "22007"},
    {-1264, 0, "22007"},
    {-1279, 0, "22001"},
    {-255, 0, "25000"},
    {-256, 0, "25000"},
    {-535, 0, "25000"},
    {-329, 0, "08004"},
    {-349, 0, "08003"},
    {-951, 0, "28000"},
    {-761, 0, "08001"},
    {-908, 0, "08001"},
    {-930, 0, "08001"},
    {-25580, 0, "08S01"},
    {-25582, 0, "08S01"},
    {-387, 0, "42000"},
    {-272, 0, "42000"},
    {-273, 0, "42000"},
    {-236, 0, "21S01"},
    {-674, 0, "42000"},
    /* lock family: HY000, deadlock refined by the ISAM code */
    {-244, -154, "HY000"},
    {-244, -143, "40001"},
    {-245, -107, "HY000"},
    {-250, -78, "40001"},
    {-243, 0, "HY000"},
    /* generic insert/update failures refined by ISAM -100 (duplicate key) */
    {-271, -100, "23000"},
    {-346, -100, "23000"},
    {-271, -113, "HY000"},
    {-346, 0, "HY000"},
    {-239, -100, "23000"},
    /* unknown negative codes default to HY000 */
    {-1, 0, "HY000"},
    {-99999, 0, "HY000"},
    {-204, 0, "HY000"},
};

START_TEST(spot_checks)
{
    const char *got = diag_map_sqlstate(spots[_i].sqlcode, spots[_i].isam);
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(strcmp(got, spots[_i].state) == 0, "%d/%d -> %s, want %s", spots[_i].sqlcode,
                  spots[_i].isam, got, spots[_i].state);
}
END_TEST

static Suite *diagmap_suite(void)
{
    Suite *s = suite_create("odbc_diagmap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, table_is_sorted_unique_and_well_formed);
    tcase_add_loop_test(tc, spot_checks, 0, N(spots));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(diagmap_suite());
}
