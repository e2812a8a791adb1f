/* SPDX-License-Identifier: MIT */
/* info.h - SQLGetInfo answers and SQLGetFunctions' table, as lookup tables.
 * Caller holds the dbc lock. */
#ifndef IFXODBC_INFO_H
#define IFXODBC_INFO_H

#include "handles.h"

struct dbc;

enum info_kind { INFO_STR, INFO_U16, INFO_U32 };

/* One answer: a string (UTF-8, s valid while the lock is held) or an integer. */
struct info_val {
    enum info_kind kind;
    const char *s;
    SQLUINTEGER u;
    char buf[96]; /* storage for computed strings */
};

/* SQLGetInfo: SQL_SUCCESS with *out, or HY096 (unknown type) on dbc. */
SQLRETURN info_get(struct dbc *dbc, SQLUSMALLINT type, struct info_val *out);

/* SQLGetFunctions: SQL_API_ODBC3_ALL_FUNCTIONS (bitmap of
 * SQL_API_ODBC3_ALL_FUNCTIONS_SIZE words), SQL_API_ALL_FUNCTIONS (100
 * SQLUSMALLINT flags) or one function id. Answers from the table of exported
 * functions (driver/exports.txt; tests/lint/check_exports.sh compares). */
SQLRETURN info_functions(struct dbc *dbc, SQLUSMALLINT id, SQLUSMALLINT *supported);

/* The exported functions: id and name (for tests). */
struct info_fn {
    SQLUSMALLINT id;
    const char *name;
};
const struct info_fn *info_functions_table(size_t *count);

#endif
