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

API SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                SQLCHAR *type, SQLSMALLINT type_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, type};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, type_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_tables(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schem,
                                 SQLSMALLINT schem_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                 SQLWCHAR *type, SQLSMALLINT type_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, type};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, type_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_tables(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                 SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                 SQLCHAR *column, SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_columns(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len, SQLWCHAR *schem,
                                  SQLSMALLINT schem_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                  SQLWCHAR *column, SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_columns(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                     SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_primary_keys(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                      SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                      SQLSMALLINT table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_primary_keys(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *pk_cat, SQLSMALLINT pk_cat_len,
                                     SQLCHAR *pk_schem, SQLSMALLINT pk_schem_len, SQLCHAR *pk_table,
                                     SQLSMALLINT pk_table_len, SQLCHAR *fk_cat,
                                     SQLSMALLINT fk_cat_len, SQLCHAR *fk_schem,
                                     SQLSMALLINT fk_schem_len, SQLCHAR *fk_table,
                                     SQLSMALLINT fk_table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {pk_cat, pk_schem, pk_table, fk_cat, fk_schem, fk_table};
    const SQLSMALLINT len[] = {pk_cat_len, pk_schem_len, pk_table_len,
                               fk_cat_len, fk_schem_len, fk_table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 6, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_foreign_keys(s, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]);
    args_fini(a, 6);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *pk_cat, SQLSMALLINT pk_cat_len,
                                      SQLWCHAR *pk_schem, SQLSMALLINT pk_schem_len,
                                      SQLWCHAR *pk_table, SQLSMALLINT pk_table_len,
                                      SQLWCHAR *fk_cat, SQLSMALLINT fk_cat_len, SQLWCHAR *fk_schem,
                                      SQLSMALLINT fk_schem_len, SQLWCHAR *fk_table,
                                      SQLSMALLINT fk_table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {pk_cat, pk_schem, pk_table, fk_cat, fk_schem, fk_table};
    const SQLSMALLINT len[] = {pk_cat_len, pk_schem_len, pk_table_len,
                               fk_cat_len, fk_schem_len, fk_table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 6, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_foreign_keys(s, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]);
    args_fini(a, 6);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                    SQLSMALLINT schem_len, SQLCHAR *table, SQLSMALLINT table_len,
                                    SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_statistics(s, &a[0], &a[1], &a[2], unique, reserved);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                     SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                     SQLSMALLINT table_len, SQLUSMALLINT unique,
                                     SQLUSMALLINT reserved)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_statistics(s, &a[0], &a[1], &a[2], unique, reserved);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *cat,
                                        SQLSMALLINT cat_len, SQLCHAR *schem, SQLSMALLINT schem_len,
                                        SQLCHAR *table, SQLSMALLINT table_len, SQLUSMALLINT scope,
                                        SQLUSMALLINT nullable)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_special_columns(s, id_type, &a[0], &a[1], &a[2], scope, nullable);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *cat,
                                         SQLSMALLINT cat_len, SQLWCHAR *schem,
                                         SQLSMALLINT schem_len, SQLWCHAR *table,
                                         SQLSMALLINT table_len, SQLUSMALLINT scope,
                                         SQLUSMALLINT nullable)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_special_columns(s, id_type, &a[0], &a[1], &a[2], scope, nullable);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len, SQLCHAR *schem,
                                    SQLSMALLINT schem_len, SQLCHAR *proc, SQLSMALLINT proc_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, proc};
    const SQLSMALLINT len[] = {cat_len, schem_len, proc_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_procedures(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                     SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *proc,
                                     SQLSMALLINT proc_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, proc};
    const SQLSMALLINT len[] = {cat_len, schem_len, proc_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_procedures(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                          SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *proc,
                                          SQLSMALLINT proc_len, SQLCHAR *column,
                                          SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, proc, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, proc_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_procedure_columns(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                           SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *proc,
                                           SQLSMALLINT proc_len, SQLWCHAR *column,
                                           SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, proc, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, proc_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_procedure_columns(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                         SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *table,
                                         SQLSMALLINT table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_table_privileges(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                          SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                          SQLSMALLINT table_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 3, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_table_privileges(s, &a[0], &a[1], &a[2]);
    args_fini(a, 3);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *cat, SQLSMALLINT cat_len,
                                          SQLCHAR *schem, SQLSMALLINT schem_len, SQLCHAR *table,
                                          SQLSMALLINT table_len, SQLCHAR *column,
                                          SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, false, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_column_privileges(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}

API SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *cat, SQLSMALLINT cat_len,
                                           SQLWCHAR *schem, SQLSMALLINT schem_len, SQLWCHAR *table,
                                           SQLSMALLINT table_len, SQLWCHAR *column,
                                           SQLSMALLINT column_len)
{
    struct stmt *s = stmt_enter(h, ENTER_CLEAR_DIAG);
    if (!s)
        return SQL_INVALID_HANDLE;
    const void *const p[] = {cat, schem, table, column};
    const SQLSMALLINT len[] = {cat_len, schem_len, table_len, column_len};
    struct str a[NARGS] = {STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT, STR_INIT};
    SQLRETURN rc = args_in(s, true, p, len, 4, a);
    if (SQL_SUCCEEDED(rc))
        rc = catalog_column_privileges(s, &a[0], &a[1], &a[2], &a[3]);
    args_fini(a, 4);
    return stmt_leave(s, rc);
}
