/* SPDX-License-Identifier: MIT */
/* diag_map.c - Informix SQLCODE -> ODBC 3 SQLSTATE: one sorted table and a
 * bsearch, plus the ISAM refinements. ODBC layer; pure data, no handles.
 * Where IBM's choice is not documented the row carries the reason. */
#include "diag_map.h"

#include <stdlib.h>

/* Sorted by sqlcode ascending (most negative first); no duplicates. */
static const struct diag_map_entry table[] = {
    {-27001, "08S01"}, /* read error during connection attempt */
    {-25596, "08001"}, /* INFORMIXSERVER not listed in sqlhosts */
    {-25588, "08001"}, /* the application cannot connect to the server */
    {-25582, "08S01"}, /* network connection is broken */
    {-25580, "08S01"}, /* system error in network function */
    {-23197, "08004"}, /* database locale mismatch at DBOPEN: the connection is refused
                        * (docs/charsets.md) */
    {-23101, "08001"}, /* locale (code set) unknown: the connect cannot proceed */
    {-21005, "22018"}, /* character not convertible between code sets (docs/charsets.md) */
    {-1279, "22001"},  /* value exceeds string column length */
    {-1267, "22008"},  /* datetime computation out of range */
    {-1266, "22008"},  /* incompatible datetime/interval operands */
    {-1265, "22008"},  /* overflow on a datetime or interval operation */
    {-1264, "22007"},  /* extra characters at the end of a datetime or interval */
    {-1263, "22007"},  /* a datetime or interval field is incorrect */
    {-1262, "22007"},  /* non-numeric character in datetime or interval */
    {-1226, "22003"},  /* decimal or money value exceeds maximum precision */
    {-1218, "22007"},  /* string to date conversion error */
    {-1215, "22003"},  /* value too large for INTEGER */
    {-1214, "22003"},  /* value too large for SMALLINT */
    {-1213, "22018"},  /* character to numeric conversion error */
    {-1206, "22008"},  /* invalid day in date: a field out of range, like ODBC's 22008 */
    {-1205, "22008"},  /* invalid month in date */
    {-1204, "22008"},  /* invalid year in date */
    {-1202, "22012"},  /* division by zero */
    {-956, "28000"},   /* client host or user not trusted */
    {-952, "28000"},   /* user's password is not correct */
    {-951, "28000"},   /* incorrect password or user not known */
    {-930, "08001"},   /* cannot connect to database server */
    {-908, "08001"},   /* attempt to connect to database server failed */
    {-761, "08001"},   /* INFORMIXSERVER does not match DBSERVERNAME/ALIASES */
    {-703, "23000"},   /* primary key column with a NULL value */
    {-692, "23000"},   /* key still referenced (foreign key) */
    {-691, "23000"},   /* missing key in referenced table (foreign key) */
    {-674, "42000"},   /* routine cannot be resolved */
    {-535, "25000"},   /* already in transaction */
    {-530, "23000"},   /* check constraint failed */
    {-408, "08S01"},   /* invalid message type received (protocol) */
    {-406, "HY001"},   /* memory allocation error */
    {-400, "24000"},   /* fetch attempted on an unopened cursor */
    {-391, "23000"},   /* cannot insert a NULL into a NOT NULL column */
    {-387, "42000"},   /* no connect permission (a privilege, as -272/-273) */
    {-349, "08003"},   /* database not selected yet: no usable connection */
    {-346, "HY000"},   /* could not update a row: see the ISAM refinement */
    {-329, "08004"},   /* database not found or no system permission: the server
                        * rejected the connection (our connect opens the
                        * database; IBM's state here is not documented) */
    {-328, "42S21"},   /* column already exists */
    {-324, "42000"},   /* ambiguous column */
    {-319, "42S12"},   /* index does not exist */
    {-316, "42S11"},   /* index already exists */
    {-310, "42S01"},   /* table already exists */
    {-294, "42000"},   /* column must be in the GROUP BY list */
    {-292, "23000"},   /* an implied insert column does not accept NULLs */
    {-284, "21000"},   /* subquery returned more than one row */
    {-275, "42000"},   /* no INSERT permission */
    {-274, "42000"},   /* no DELETE permission */
    {-273, "42000"},   /* no UPDATE permission */
    {-272, "42000"},   /* no SELECT permission */
    {-271, "HY000"},   /* could not insert new row: see the ISAM refinement */
    {-268, "23000"},   /* unique constraint violated */
    /* Lock family: the statement failed but the transaction is intact, so
     * not 40001 (which says "rolled back"); HYT00 belongs to the query
     * timeout. IBM's driver reports these as HY000 (S1000) too. A deadlock
     * (ISAM -143) is refined to 40001. */
    {-263, "HY000"}, /* could not lock row for update */
    {-256, "25000"}, /* transaction not available (unlogged database) */
    {-255, "25000"}, /* not in transaction */
    {-250, "HY000"}, /* cannot read record for update (lock) */
    {-246, "HY000"}, /* indexed read failed (lock) */
    {-245, "HY000"}, /* position via index failed (lock) */
    {-244, "HY000"}, /* physical-order read failed (lock) */
    {-243, "HY000"}, /* could not position within a table (lock) */
    {-239, "23000"}, /* duplicate value in a UNIQUE INDEX column */
    {-236, "21S01"}, /* INSERT column count does not match VALUES */
    {-218, "42S02"}, /* synonym not found */
    {-217, "42S22"}, /* column not found */
    {-213, "HY008"}, /* statement interrupted by user */
    {-208, "HY001"}, /* memory allocation failed during query processing */
    {-206, "42S02"}, /* table not in the database */
    {-203, "42000"}, /* syntax family */
    {-202, "42000"}, /* illegal character in the statement */
    {-201, "42000"}, /* syntax error */
};

const struct diag_map_entry *diag_map_table(size_t *count)
{
    *count = sizeof table / sizeof table[0];
    return table;
}

static int cmp_entry(const void *key, const void *elem)
{
    int k = *(const int *)key;
    int c = ((const struct diag_map_entry *)elem)->sqlcode;
    return (k > c) - (k < c);
}

const char *diag_map_sqlstate(int sqlcode, int isam)
{
    if (sqlcode == 0)
        return "00000";
    if (sqlcode == 100)
        return "02000";
    if (sqlcode > 0)
        return "01000";
    /* ISAM -143 / -78: deadlock detected; the server gives up the statement
     * and the application should roll back and retry: serialization failure. */
    if (isam == -143 || isam == -78)
        return "40001";
    if (isam == -100 && (sqlcode == -239 || sqlcode == -271 || sqlcode == -346))
        return "23000";
    const struct diag_map_entry *e =
        bsearch(&sqlcode, table, sizeof table / sizeof table[0], sizeof table[0], cmp_entry);
    return e ? e->state : "HY000";
}
