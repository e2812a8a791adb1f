/* SPDX-License-Identifier: MIT */
/* api_catalog.c - catalog entry points, ANSI and W (style.md rule 2: enter,
 * convert the name arguments, one catalog_*() call, leave): SQLTables(W),
 * SQLColumns(W), SQLPrimaryKeys(W), SQLForeignKeys(W), SQLStatistics(W),
 * SQLSpecialColumns(W), SQLProcedures(W), SQLProcedureColumns(W),
 * SQLTablePrivileges(W), SQLColumnPrivileges(W). */
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "catalog.h"
#include "stmt.h"

#define API __attribute__((visibility("default")))
#define NARGS 6

/* Convert n name arguments (ANSI: UTF-8 bytes; W: UTF-16). A NULL pointer
 * stays absent; lengths are SQL_NTS or >= 0 (else HY090). */
static SQLRETURN args_in(struct stmt *s, bool wide, const void *const *p, const SQLSMALLINT *len,
                         size_t n, struct str *out)
{
    SQLRETURN rc = SQL_SUCCESS;
    for (size_t i = 0; i < n && SQL_SUCCEEDED(rc); i++)
        rc = enc_rc_diag(&s->hdr, wide ? enc_from_wide(p[i], len[i], &out[i])
                                       : enc_from_narrow(p[i], len[i], &out[i]));
    if (ODBC_LOG_ON() && SQL_SUCCEEDED(rc) && n >= 1) /* the names, NULL when absent */
        odbc_log_args(&s->hdr, "names=%s,%s,%s,%s,%s,%s",
                      odbc_log_str(0, out[0].p, (long)out[0].len),
                      odbc_log_str(1, n > 1 ? out[1].p : NULL, n > 1 ? (long)out[1].len : 0),
                      odbc_log_str(2, n > 2 ? out[2].p : NULL, n > 2 ? (long)out[2].len : 0),
                      odbc_log_str(3, n > 3 ? out[3].p : NULL, n > 3 ? (long)out[3].len : 0),
                      n > 4 ? odbc_log_str(4, out[4].p, (long)out[4].len) : "-",
                      n > 5 ? odbc_log_str(5, out[5].p, (long)out[5].len) : "-");
    return rc;
}

static void args_fini(struct str *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        str_fini(&a[i]);
}

/* One catalog call: which function, the entry point's name (for the log),
 * ANSI or W, the name arguments and the integer ones. The A and W shims
 * below differ only in these. */
enum cat_fn {
    CAT_TABLES,
    CAT_COLUMNS,
    CAT_PRIMARY_KEYS,
    CAT_FOREIGN_KEYS,
    CAT_STATISTICS,
    CAT_SPECIAL_COLUMNS,
    CAT_PROCEDURES,
    CAT_PROCEDURE_COLUMNS,
    CAT_TABLE_PRIVILEGES,
    CAT_COLUMN_PRIVILEGES
};

struct cat_call {
    enum cat_fn fn;
    const char *name;
    bool wide;
    size_t n;
    const void *p[NARGS];
    SQLSMALLINT len[NARGS];
    SQLUSMALLINT x[3];
};

static SQLRETURN cat_run(SQLHSTMT h, const struct cat_call *c)
{
    struct stmt *s = stmt_enter_fn(h, ENTER_CLEAR_DIAG, c->name);
    if (!s)
        return SQL_INVALID_HANDLE;
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, c->wide, c->p, c->len, c->n, a);
    if (SQL_SUCCEEDED(rc)) {
        switch (c->fn) {
        case CAT_TABLES:
            rc = catalog_tables(s, &a[0], &a[1], &a[2], &a[3]);
            break;
        case CAT_COLUMNS:
            rc = catalog_columns(s, &a[0], &a[1], &a[2], &a[3]);
            break;
        case CAT_PRIMARY_KEYS:
            rc = catalog_primary_keys(s, &a[0], &a[1], &a[2]);
            break;
        case CAT_FOREIGN_KEYS:
            rc = catalog_foreign_keys(s, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]);
            break;
        case CAT_STATISTICS:
            rc = catalog_statistics(s, &a[0], &a[1], &a[2], c->x[0], c->x[1]);
            break;
        case CAT_SPECIAL_COLUMNS:
            rc = catalog_special_columns(s, c->x[0], &a[0], &a[1], &a[2], c->x[1], c->x[2]);
            break;
        case CAT_PROCEDURES:
            rc = catalog_procedures(s, &a[0], &a[1], &a[2]);
            break;
        case CAT_PROCEDURE_COLUMNS:
            rc = catalog_procedure_columns(s, &a[0], &a[1], &a[2], &a[3]);
            break;
        case CAT_TABLE_PRIVILEGES:
            rc = catalog_table_privileges(s, &a[0], &a[1], &a[2]);
            break;
        case CAT_COLUMN_PRIVILEGES:
            rc = catalog_column_privileges(s, &a[0], &a[1], &a[2], &a[3]);
            break;
        }
    }
    args_fini(a, c->n);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                SQLCHAR *type, SQLSMALLINT type_len)
{
    const struct cat_call c = {.fn = CAT_TABLES,
                               .name = __func__,
                               .wide = false,
                               .n = 4,
                               .p = {cat, schem, table, type},
                               .len = {cat_len, schem_len, table_len, type_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schem,
                                 SQLSMALLINT schem_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                 SQLWCHAR *type, SQLSMALLINT type_len)
{
    const struct cat_call c = {.fn = CAT_TABLES,
                               .name = __func__,
                               .wide = true,
                               .n = 4,
                               .p = {cat, schem, table, type},
                               .len = {cat_len, schem_len, table_len, type_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                 SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                 SQLCHAR *column, SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_COLUMNS,
                               .name = __func__,
                               .wide = false,
                               .n = 4,
                               .p = {cat, schem, table, column},
                               .len = {cat_len, schem_len, table_len, column_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schem,
                                  SQLSMALLINT schem_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                  SQLWCHAR *column, SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_COLUMNS,
                               .name = __func__,
                               .wide = true,
                               .n = 4,
                               .p = {cat, schem, table, column},
                               .len = {cat_len, schem_len, table_len, column_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                     SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    const struct cat_call c = {.fn = CAT_PRIMARY_KEYS,
                               .name = __func__,
                               .wide = false,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                      SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                      SQLSMALLINT table_len)
{
    const struct cat_call c = {.fn = CAT_PRIMARY_KEYS,
                               .name = __func__,
                               .wide = true,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *pk_cat, SQLSMALLINT pk_cat_len,
                                     SQLCHAR *pk_schem, SQLSMALLINT pk_schem_len, SQLCHAR *pk_table,
                                     SQLSMALLINT pk_table_len, SQLCHAR *fk_cat,
                                     SQLSMALLINT fk_cat_len, SQLCHAR *fk_schem,
                                     SQLSMALLINT fk_schem_len, SQLCHAR *fk_table,
                                     SQLSMALLINT fk_table_len)
{
    const struct cat_call c = {
        .fn = CAT_FOREIGN_KEYS,
        .name = __func__,
        .wide = false,
        .n = 6,
        .p = {pk_cat, pk_schem, pk_table, fk_cat, fk_schem, fk_table},
        .len = {pk_cat_len, pk_schem_len, pk_table_len, fk_cat_len, fk_schem_len, fk_table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *pk_cat, SQLSMALLINT pk_cat_len,
                                      SQLWCHAR *pk_schem, SQLSMALLINT pk_schem_len,
                                      SQLWCHAR *pk_table, SQLSMALLINT pk_table_len,
                                      SQLWCHAR *fk_cat, SQLSMALLINT fk_cat_len, SQLWCHAR *fk_schem,
                                      SQLSMALLINT fk_schem_len, SQLWCHAR *fk_table,
                                      SQLSMALLINT fk_table_len)
{
    const struct cat_call c = {
        .fn = CAT_FOREIGN_KEYS,
        .name = __func__,
        .wide = true,
        .n = 6,
        .p = {pk_cat, pk_schem, pk_table, fk_cat, fk_schem, fk_table},
        .len = {pk_cat_len, pk_schem_len, pk_table_len, fk_cat_len, fk_schem_len, fk_table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                    SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                    SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    const struct cat_call c = {.fn = CAT_STATISTICS,
                               .name = __func__,
                               .wide = false,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len},
                               .x = {unique, reserved}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                     SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                     SQLSMALLINT table_len, SQLUSMALLINT unique,
                                     SQLUSMALLINT reserved)
{
    const struct cat_call c = {.fn = CAT_STATISTICS,
                               .name = __func__,
                               .wide = true,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len},
                               .x = {unique, reserved}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *cat,
                                        SQLSMALLINT cat_len, SQLCHAR *schem, SQLSMALLINT schem_len,
                                        SQLCHAR *table, SQLSMALLINT table_len, SQLUSMALLINT scope,
                                        SQLUSMALLINT nullable)
{
    const struct cat_call c = {.fn = CAT_SPECIAL_COLUMNS,
                               .name = __func__,
                               .wide = false,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len},
                               .x = {id_type, scope, nullable}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *cat,
                                         SQLSMALLINT cat_len, SQLWCHAR *schem,
                                         SQLSMALLINT schem_len, SQLWCHAR *table,
                                         SQLSMALLINT table_len, SQLUSMALLINT scope,
                                         SQLUSMALLINT nullable)
{
    const struct cat_call c = {.fn = CAT_SPECIAL_COLUMNS,
                               .name = __func__,
                               .wide = true,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len},
                               .x = {id_type, scope, nullable}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                    SQLSMALLINT schem_len, SQLCHAR *proc, SQLSMALLINT proc_len)
{
    const struct cat_call c = {.fn = CAT_PROCEDURES,
                               .name = __func__,
                               .wide = false,
                               .n = 3,
                               .p = {cat, schem, proc},
                               .len = {cat_len, schem_len, proc_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                     SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *proc,
                                     SQLSMALLINT proc_len)
{
    const struct cat_call c = {.fn = CAT_PROCEDURES,
                               .name = __func__,
                               .wide = true,
                               .n = 3,
                               .p = {cat, schem, proc},
                               .len = {cat_len, schem_len, proc_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                          SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *proc,
                                          SQLSMALLINT proc_len, SQLCHAR *column,
                                          SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_PROCEDURE_COLUMNS,
                               .name = __func__,
                               .wide = false,
                               .n = 4,
                               .p = {cat, schem, proc, column},
                               .len = {cat_len, schem_len, proc_len, column_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                           SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *proc,
                                           SQLSMALLINT proc_len, SQLWCHAR *column,
                                           SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_PROCEDURE_COLUMNS,
                               .name = __func__,
                               .wide = true,
                               .n = 4,
                               .p = {cat, schem, proc, column},
                               .len = {cat_len, schem_len, proc_len, column_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                         SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *table,
                                         SQLSMALLINT table_len)
{
    const struct cat_call c = {.fn = CAT_TABLE_PRIVILEGES,
                               .name = __func__,
                               .wide = false,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                          SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                          SQLSMALLINT table_len)
{
    const struct cat_call c = {.fn = CAT_TABLE_PRIVILEGES,
                               .name = __func__,
                               .wide = true,
                               .n = 3,
                               .p = {cat, schem, table},
                               .len = {cat_len, schem_len, table_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                          SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *table,
                                          SQLSMALLINT table_len, SQLCHAR *column,
                                          SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_COLUMN_PRIVILEGES,
                               .name = __func__,
                               .wide = false,
                               .n = 4,
                               .p = {cat, schem, table, column},
                               .len = {cat_len, schem_len, table_len, column_len}};
    return cat_run(h, &c);
}

API SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                           SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                           SQLSMALLINT table_len, SQLWCHAR *column,
                                           SQLSMALLINT column_len)
{
    const struct cat_call c = {.fn = CAT_COLUMN_PRIVILEGES,
                               .name = __func__,
                               .wide = true,
                               .n = 4,
                               .p = {cat, schem, table, column},
                               .len = {cat_len, schem_len, table_len, column_len}};
    return cat_run(h, &c);
}
