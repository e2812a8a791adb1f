/* SPDX-License-Identifier: MIT */
/* catalog.h - ODBC catalog functions (SQLTables, SQLColumns, ...) answered by
 * plain Informix SQL over the system catalog (systables, syscolumns,
 * sysconstraints, sysindexes, sysreferences, systabauth, sysprocedures) and
 * reshaped into the result sets the ODBC specification defines, served as
 * the statement's local result set. Layer: above odbc/ (uses stmt.h, lrs_*,
 * conv_describe) and sqli/; never includes api/. Caller holds the dbc lock. */
#ifndef IFXODBC_CATALOG_H
#define IFXODBC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "enc.h"
#include "stmt.h"

/* How an argument is read (ODBC "Arguments in Catalog Functions"). */
enum catalog_argkind {
    CATALOG_ORDINARY, /* literal, case-sensitive */
    CATALOG_PATTERN   /* search pattern: % _ and the escape '\' */
};

/* One argument after SQL_ATTR_METADATA_ID rules: absent (any value), a
 * literal, or a pattern. With METADATA_ID true every argument is an
 * identifier: "quoted" is taken literally (quotes removed, "" -> "),
 * unquoted is folded to lower case (Informix) and trailing blanks dropped. */
struct catalog_arg {
    bool present;
    bool is_pattern;
    char *text; /* owned (sq_free), NUL-terminated; NULL when absent */
};

/* Build an argument; false on out of memory. */
bool catalog_arg_init(struct catalog_arg *a, const struct str *in, enum catalog_argkind kind,
                      bool metadata_id);
void catalog_arg_fini(struct catalog_arg *a);
/* Does the stored name s match the argument? Absent arguments match all. */
bool catalog_arg_match(const struct catalog_arg *a, const char *s);
/* Pattern match with % _ and escape '\' (ODBC SQL_SEARCH_PATTERN_ESCAPE). */
bool catalog_like(const char *pattern, const char *s);
/* The argument is a literal (or a pattern without wildcards): its plain text
 * (escapes removed) written to out; false when it has wildcards or is absent. */
bool catalog_arg_literal(const struct catalog_arg *a, char *out, size_t cap);
/* Append s as an Informix string literal ('...' with '' doubling) to buf. */
bool catalog_quote(char *buf, size_t cap, const char *s);

/* Rows of a catalog query: every value as text (CHAR blanks trimmed,
 * numbers in decimal), NULL cells as NULL pointers. */
struct catalog_rows {
    size_t ncols, nrows, cap;
    char **cells; /* nrows * ncols, each owned */
};
void catalog_rows_fini(struct catalog_rows *r);
const char *catalog_cell(const struct catalog_rows *r, size_t row, size_t col);
long long catalog_cell_int(const struct catalog_rows *r, size_t row, size_t col);
/* Run one catalog SELECT on the statement's connection and collect all rows.
 * SQL_SUCCESS, or SQL_ERROR with a diagnostic on s. */
SQLRETURN catalog_fetch(struct stmt *s, const char *sql, struct catalog_rows *out);

/* Result-set columns. */
struct catalog_colspec {
    const char *name;
    uint16_t type; /* SQ_T_VARCHAR, SQ_T_SMALLINT, SQ_T_INTEGER, SQ_T_CHAR */
    uint32_t len;  /* VARCHAR/CHAR max length */
    bool nullable;
};
struct lrs *catalog_lrs_new(const struct catalog_colspec *cols, size_t n);
/* Sort the rows by the 0-based key columns (NULL first, strings by bytes,
 * integers numerically), stable. */
void catalog_lrs_sort(struct lrs *r, const size_t *keys, size_t nkeys);

/* The catalog name of the connection (the database), "" when none. */
const char *catalog_current(const struct stmt *s);

/* ---- the catalog functions (catalog_sql.c); arguments are UTF-8 strs,
 * absent when the application passed NULL. Each checks the state (FN_CATALOG),
 * runs its query and attaches the result set (state S5). ---- */
SQLRETURN catalog_tables(struct stmt *s, const struct str *cat, const struct str *schem,
                         const struct str *table, const struct str *types);
SQLRETURN catalog_columns(struct stmt *s, const struct str *cat, const struct str *schem,
                          const struct str *table, const struct str *column);
SQLRETURN catalog_primary_keys(struct stmt *s, const struct str *cat, const struct str *schem,
                               const struct str *table);
SQLRETURN catalog_foreign_keys(struct stmt *s, const struct str *pk_cat, const struct str *pk_schem,
                               const struct str *pk_table, const struct str *fk_cat,
                               const struct str *fk_schem, const struct str *fk_table);
SQLRETURN catalog_statistics(struct stmt *s, const struct str *cat, const struct str *schem,
                             const struct str *table, SQLUSMALLINT unique, SQLUSMALLINT reserved);
SQLRETURN catalog_special_columns(struct stmt *s, SQLUSMALLINT id_type, const struct str *cat,
                                  const struct str *schem, const struct str *table,
                                  SQLUSMALLINT scope, SQLUSMALLINT nullable);
SQLRETURN catalog_procedures(struct stmt *s, const struct str *cat, const struct str *schem,
                             const struct str *proc);
SQLRETURN catalog_procedure_columns(struct stmt *s, const struct str *cat, const struct str *schem,
                                    const struct str *proc, const struct str *column);
SQLRETURN catalog_table_privileges(struct stmt *s, const struct str *cat, const struct str *schem,
                                   const struct str *table);
SQLRETURN catalog_column_privileges(struct stmt *s, const struct str *cat, const struct str *schem,
                                    const struct str *table, const struct str *column);

#endif
