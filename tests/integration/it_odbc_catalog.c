/* SPDX-License-Identifier: MIT */
/* it_odbc_catalog.c - catalog functions through the driver manager against
 * ifxlite: result-set shapes (names, types, order) as the ODBC reference
 * defines them, sort orders, search patterns and escapes, the SQL_ALL_*
 * enumerations, SQL_ATTR_METADATA_ID folding, keys, foreign keys both ways,
 * indexes, privileges, argument errors, and SQLGetFunctions. */
#include <stdio.h>
#include <string.h>

#include <sql.h>
#include <sqlext.h>

#include "ck_util.h"
#include "odbc_env.h"

static struct odbc_test_env tenv;
static SQLHENV env;
static SQLHDBC dbc;
static SQLHSTMT st;

static void exec_ok(const char *sql)
{
    SQLCHAR buf[512];
    snprintf((char *)buf, sizeof buf, "%s", sql);
    SQLRETURN rc = SQLExecDirect(st, buf, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc), "%s", sql);
    SQLFreeStmt(st, SQL_CLOSE);
}

static void start(void)
{
    ck_assert_msg(odbc_test_env_start(&tenv, NULL), "could not start ifxlite");
}

static void stop(void)
{
    odbc_test_env_stop(&tenv);
}

/* A schema with composite keys, foreign keys across tables, unique and
 * duplicate indexes, a view and names that need escapes (my_t vs myxt). */
static const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS dept (dno INTEGER NOT NULL, site CHAR(4) NOT NULL,"
    " dname VARCHAR(40), budget DECIMAL(12,2), PRIMARY KEY (dno, site))",
    "CREATE TABLE IF NOT EXISTS emp (id SERIAL PRIMARY KEY, dno INTEGER, site CHAR(4),"
    " name NVARCHAR(50) NOT NULL, born DATE, hired DATETIME YEAR TO SECOND,"
    " notice INTERVAL DAY(3) TO HOUR, salary MONEY(10,2), bonus SMALLFLOAT, rate FLOAT,"
    " big INT8, flag BOOLEAN, memo LVARCHAR(500), photo BYTE, cv TEXT,"
    " FOREIGN KEY (dno, site) REFERENCES dept ON DELETE CASCADE)",
    "CREATE TABLE IF NOT EXISTS my_t (a INTEGER, b SMALLINT)",
    "CREATE TABLE IF NOT EXISTS myxt (a INTEGER)",
    "CREATE VIEW IF NOT EXISTS emp_v AS SELECT id, name FROM emp",
    "CREATE INDEX IF NOT EXISTS emp_name ON emp (name DESC, born)",
    "CREATE UNIQUE INDEX IF NOT EXISTS my_t_ab ON my_t (a, b)",
};

static void setup(void)
{
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS);
    ck_assert_int_eq(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0),
                     SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS);
    SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)"ifxtest", SQL_NTS, NULL, 0, NULL, 0);
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_DBC, dbc);
    ck_assert_int_eq(rc, SQL_SUCCESS);
    ck_assert_int_eq(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_SUCCESS);
    for (size_t i = 0; i < sizeof schema / sizeof schema[0]; i++)
        exec_ok(schema[i]);
}

static void teardown(void)
{
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

/* Fetch the selected columns (1-based list, 0-terminated) of every row as
 * "a|b\n" text; NULL as "~". Closes the cursor. */
static const char *rows(const int *cols)
{
    static char out[16384];
    size_t o = 0;
    out[0] = '\0';
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        for (size_t i = 0; cols[i]; i++) {
            char cell[256];
            SQLLEN ind = 0;
            ck_assert_int_eq(
                SQLGetData(st, (SQLUSMALLINT)cols[i], SQL_C_CHAR, cell, sizeof cell, &ind),
                SQL_SUCCESS);
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "",
                                  ind == SQL_NULL_DATA ? "~" : cell);
        }
        o += (size_t)snprintf(out + o, sizeof out - o, "\n");
        ck_assert_uint_lt(o, sizeof out);
    }
    if (rc != SQL_NO_DATA)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_int_eq(rc, SQL_NO_DATA);
    SQLFreeStmt(st, SQL_CLOSE);
    return out;
}

static void ok(SQLRETURN rc)
{
    if (rc != SQL_SUCCESS)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_int_eq(rc, SQL_SUCCESS);
}

static void expect_state(SQLRETURN rc, const char *state)
{
    ck_assert_int_eq(rc, SQL_ERROR);
    SQLCHAR s[6] = "", msg[256];
    SQLINTEGER native;
    SQLSMALLINT len;
    ck_assert_int_eq(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, s, &native, msg, sizeof msg, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq((const char *)s, state);
}

/* Column names and SQL types of the current result set. */
static void expect_shape(const char *const *names, const SQLSMALLINT *types, size_t n)
{
    SQLSMALLINT ncols = 0;
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, (SQLSMALLINT)n);
    for (size_t i = 0; i < n; i++) {
        SQLCHAR name[64];
        SQLSMALLINT nl, type, dig, nul;
        SQLULEN size;
        ck_assert_int_eq(SQLDescribeCol(st, (SQLUSMALLINT)(i + 1), name, sizeof name, &nl, &type,
                                        &size, &dig, &nul),
                         SQL_SUCCESS);
        ck_assert_str_eq((const char *)name, names[i]);
        ck_assert_msg(type == types[i], "%s: type %d want %d", names[i], type, types[i]);
    }
}

START_TEST(tables_shape_types_and_order)
{
    ok(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0));
    static const char *const names[] = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
                                        "REMARKS"};
    static const SQLSMALLINT types[] = {SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR, SQL_VARCHAR,
                                        SQL_VARCHAR};
    expect_shape(names, types, 5);
    const char *all = rows((const int[]){1, 2, 3, 4, 0});
    /* Ordered by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME. */
    ck_assert_ptr_nonnull(strstr(all, "testdb|informix|sysindexes|SYSTEM TABLE\n"
                                      "testdb|informix|sysindices|SYSTEM TABLE\n"));
    ck_assert_ptr_nonnull(strstr(all, "testdb|informix|dept|TABLE\ntestdb|informix|emp|TABLE\n"
                                      "testdb|informix|my_t|TABLE\ntestdb|informix|myxt|TABLE\n"
                                      "testdb|informix|emp_v|VIEW\n"));
    ck_assert_msg(strstr(all, "SYSTEM TABLE") < strstr(all, "|TABLE\n"), "type order");
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"%", SQL_NTS, (SQLCHAR *)"'VIEW'", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 0}), "emp_v|VIEW\n");
    ok(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, (SQLCHAR *)"TABLE, VIEW", SQL_NTS));
    ck_assert_ptr_null(strstr(rows((const int[]){4, 0}), "SYSTEM"));
}
END_TEST

START_TEST(tables_patterns_and_escapes)
{
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"my_t", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "my_t\nmyxt\n"); /* '_' is a wildcard */
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"my\\_t", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "my_t\n");
    ok(SQLTables(st, NULL, 0, (SQLCHAR *)"inf%", SQL_NTS, (SQLCHAR *)"e%", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "emp\nemp_v\n");
    ok(SQLTables(st, (SQLCHAR *)"otherdb", SQL_NTS, NULL, 0, NULL, 0, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "");
}
END_TEST

START_TEST(tables_enumerations)
{
    ok(SQLTables(st, (SQLCHAR *)SQL_ALL_CATALOGS, SQL_NTS, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0, NULL,
                 0));
    ck_assert_str_eq(rows((const int[]){1, 2, 3, 0}), "testdb|~|~\n");
    ok(SQLTables(st, (SQLCHAR *)"", 0, (SQLCHAR *)SQL_ALL_SCHEMAS, SQL_NTS, (SQLCHAR *)"", 0, NULL,
                 0));
    const char *owners = rows((const int[]){1, 2, 3, 0});
    ck_assert_ptr_nonnull(strstr(owners, "~|informix|~\n"));
    ok(SQLTables(st, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0,
                 (SQLCHAR *)SQL_ALL_TABLE_TYPES, SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 0}), "SYNONYM\nSYSTEM TABLE\nTABLE\nVIEW\n");
}
END_TEST

START_TEST(columns_every_type_as_describe_maps_it)
{
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, NULL, 0));
    static const char *const names[] = {"TABLE_CAT",         "TABLE_SCHEM",      "TABLE_NAME",
                                        "COLUMN_NAME",       "DATA_TYPE",        "TYPE_NAME",
                                        "COLUMN_SIZE",       "BUFFER_LENGTH",    "DECIMAL_DIGITS",
                                        "NUM_PREC_RADIX",    "NULLABLE",         "REMARKS",
                                        "COLUMN_DEF",        "SQL_DATA_TYPE",    "SQL_DATETIME_SUB",
                                        "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE"};
    static const SQLSMALLINT types[] = {
        SQL_VARCHAR, SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,  SQL_SMALLINT, SQL_VARCHAR,
        SQL_INTEGER, SQL_INTEGER,  SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR,
        SQL_VARCHAR, SQL_SMALLINT, SQL_SMALLINT, SQL_INTEGER,  SQL_INTEGER,  SQL_VARCHAR};
    expect_shape(names, types, 18);
    const char *got = rows((const int[]){4, 5, 7, 9, 11, 17, 18, 0});
    char want[2048];
    snprintf(want, sizeof want,
             "id|%d|10|0|0|1|NO\n"
             "dno|%d|10|0|1|2|YES\n"
             "site|%d|4|~|1|3|YES\n"
             "name|%d|50|~|0|4|NO\n"
             "born|%d|10|~|1|5|YES\n"
             "hired|%d|19|0|1|6|YES\n"
             "notice|%d|%s|0|1|7|YES\n"
             "salary|%d|10|2|1|8|YES\n"
             "bonus|%d|7|~|1|9|YES\n"
             "rate|%d|15|~|1|10|YES\n"
             "big|%d|19|0|1|11|YES\n"
             "flag|%d|1|~|1|12|YES\n"
             "memo|%d|500|~|1|13|YES\n"
             "photo|%d|2147483647|~|1|14|YES\n"
             "cv|%d|2147483647|~|1|15|YES\n",
             SQL_INTEGER, SQL_INTEGER, SQL_CHAR, SQL_VARCHAR, SQL_TYPE_DATE, SQL_TYPE_TIMESTAMP,
             SQL_INTERVAL_DAY_TO_HOUR, "6", /* leading precision 3 + " hh" */ SQL_DECIMAL, SQL_REAL,
             SQL_DOUBLE, SQL_BIGINT, SQL_BIT, SQL_VARCHAR, SQL_LONGVARBINARY, SQL_LONGVARCHAR);
    ck_assert_str_eq(got, want);
    /* SQL_DATA_TYPE / SQL_DATETIME_SUB of a DATE column: verbose type + code. */
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, (SQLCHAR *)"born", SQL_NTS));
    char dt[64];
    snprintf(dt, sizeof dt, "%d|%d|~\n", SQL_DATETIME, SQL_CODE_DATE);
    ck_assert_str_eq(rows((const int[]){14, 15, 16, 0}), dt);
}
END_TEST

START_TEST(columns_patterns_and_sort_order)
{
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"my%", SQL_NTS, (SQLCHAR *)"%", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 17, 0}), "my_t|a|1\nmy_t|b|2\nmyxt|a|1\n");
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"my\\_t", SQL_NTS, (SQLCHAR *)"_", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 0}), "my_t|a\nmy_t|b\n");
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp_v", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){4, 0}), "id\nname\n");
}
END_TEST

START_TEST(metadata_id_folds_identifiers)
{
    ck_assert_int_eq(SQLSetConnectAttr(dbc, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0),
                     SQL_SUCCESS);
    /* Unquoted: folded to lower case, and '_' is no longer a wildcard. */
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"MY_T", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "my_t\n");
    /* Quoted: taken as is (no such upper-case table). */
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"\"MY_T\"", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "");
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"\"my_t\"", SQL_NTS, (SQLCHAR *)"B", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 0}), "b\n");
}
END_TEST

START_TEST(primary_keys_composite_in_key_order)
{
    ok(SQLPrimaryKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS));
    static const char *const names[] = {"TABLE_CAT",   "TABLE_SCHEM", "TABLE_NAME",
                                        "COLUMN_NAME", "KEY_SEQ",     "PK_NAME"};
    static const SQLSMALLINT types[] = {SQL_VARCHAR, SQL_VARCHAR,  SQL_VARCHAR,
                                        SQL_VARCHAR, SQL_SMALLINT, SQL_VARCHAR};
    expect_shape(names, types, 6);
    const char *got = rows((const int[]){1, 2, 3, 4, 5, 0});
    ck_assert_str_eq(got, "testdb|informix|dept|dno|1\ntestdb|informix|dept|site|2\n");
    ok(SQLPrimaryKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"my_t", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 0}), ""); /* a unique index is not a key */
    expect_state(SQLPrimaryKeys(st, NULL, 0, NULL, 0, NULL, 0), "HY009");
}
END_TEST

START_TEST(foreign_keys_both_directions)
{
    static const char *const names[] = {
        "PKTABLE_CAT",   "PKTABLE_SCHEM", "PKTABLE_NAME",  "PKCOLUMN_NAME", "FKTABLE_CAT",
        "FKTABLE_SCHEM", "FKTABLE_NAME",  "FKCOLUMN_NAME", "KEY_SEQ",       "UPDATE_RULE",
        "DELETE_RULE",   "FK_NAME",       "PK_NAME",       "DEFERRABILITY"};
    static const SQLSMALLINT types[] = {SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,
                                        SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,  SQL_VARCHAR,
                                        SQL_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, SQL_VARCHAR,
                                        SQL_VARCHAR,  SQL_SMALLINT};
    char want[256];
    snprintf(want, sizeof want, "dept|dno|emp|dno|1|%d|%d\ndept|site|emp|site|2|%d|%d\n",
             SQL_NO_ACTION, SQL_CASCADE, SQL_NO_ACTION, SQL_CASCADE);
    /* Keys referencing dept (PK side given). */
    ok(SQLForeignKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS, NULL, 0, NULL, 0, NULL, 0));
    expect_shape(names, types, 14);
    ck_assert_str_eq(rows((const int[]){3, 4, 7, 8, 9, 10, 11, 0}), want);
    /* Keys of emp (FK side given). */
    ok(SQLForeignKeys(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 7, 8, 9, 10, 11, 0}), want);
    /* Both: the one relationship; names of both constraints. */
    ok(SQLForeignKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS, NULL, 0, NULL, 0,
                      (SQLCHAR *)"emp", SQL_NTS));
    const char *got = rows((const int[]){12, 13, 0});
    ck_assert_msg(strncmp(got, "r", 1) == 0 && strstr(got, "|u"), "names: %s", got);
    ok(SQLForeignKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, NULL, 0, NULL, 0, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "");
    expect_state(SQLForeignKeys(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0), "HY009");
}
END_TEST

START_TEST(statistics_table_row_then_indexes)
{
    ok(SQLStatistics(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, SQL_INDEX_ALL, SQL_QUICK));
    SQLSMALLINT ncols = 0;
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, 13);
    char want[512];
    /* NON_UNIQUE, TYPE, INDEX_QUALIFIER, INDEX_NAME, ORDINAL_POSITION order:
     * table stat (NULL NON_UNIQUE) first, then unique (PK) then duplicates. */
    snprintf(want, sizeof want,
             "~|%d|~|~|~|~\n0|%d| 101_%s|1|id|A\n1|%d| 101_%s|1|dno|A\n"
             "1|%d| 101_%s|2|site|A\n1|%d|emp_name|1|name|D\n1|%d|emp_name|2|born|A\n",
             SQL_TABLE_STAT, SQL_INDEX_OTHER, "", SQL_INDEX_OTHER, "", SQL_INDEX_OTHER, "",
             SQL_INDEX_OTHER, SQL_INDEX_OTHER);
    const char *got = rows((const int[]){4, 7, 6, 8, 9, 10, 0});
    /* constrids depend on creation order; compare with them masked. */
    char masked[512];
    size_t o = 0;
    for (const char *p = got; *p && o + 1 < sizeof masked; p++) {
        masked[o++] = *p;
        if (p[0] == '_' && p[-1] == '1' && p[-2] == '0')
            while (p[1] >= '0' && p[1] <= '9')
                p++;
    }
    masked[o] = '\0';
    ck_assert_str_eq(masked, want);
    ok(SQLStatistics(st, NULL, 0, NULL, 0, (SQLCHAR *)"my_t", SQL_NTS, SQL_INDEX_UNIQUE,
                     SQL_ENSURE));
    snprintf(want, sizeof want, "~|~\nmy_t_ab|a\nmy_t_ab|b\n");
    ck_assert_str_eq(rows((const int[]){6, 9, 0}), want);
    expect_state(SQLStatistics(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, 7, SQL_QUICK),
                 "HY100");
}
END_TEST

START_TEST(special_columns_best_rowid)
{
    ok(SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    SQLSMALLINT ncols = 0;
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, 8);
    char want[128];
    snprintf(want, sizeof want, "dno|%d|INTEGER|%d\nsite|%d|CHAR|%d\n", SQL_INTEGER,
             SQL_PC_NOT_PSEUDO, SQL_CHAR, SQL_PC_NOT_PSEUDO);
    ck_assert_str_eq(rows((const int[]){2, 3, 4, 8, 0}), want);
    ok(SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, NULL, 0, (SQLCHAR *)"my_t", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    ck_assert_str_eq(rows((const int[]){2, 0}), "a\nb\n"); /* the unique index */
    ok(SQLSpecialColumns(st, SQL_ROWVER, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    ck_assert_str_eq(rows((const int[]){2, 0}), "");
}
END_TEST

START_TEST(procedures_and_privileges)
{
    ok(SQLProcedures(st, NULL, 0, NULL, 0, (SQLCHAR *)"%", SQL_NTS));
    SQLSMALLINT ncols = 0;
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, 8);
    ck_assert_str_eq(rows((const int[]){3, 0}), "");
    ok(SQLProcedureColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"%", SQL_NTS, NULL, 0));
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, 19);
    ck_assert_str_eq(rows((const int[]){3, 0}), "");
    ok(SQLTablePrivileges(st, NULL, 0, NULL, 0, (SQLCHAR *)"myxt", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 5, 6, 7, 0}),
                     "myxt|informix|ALTER|YES\nmyxt|informix|DELETE|YES\n"
                     "myxt|public|DELETE|NO\nmyxt|informix|INDEX|YES\nmyxt|public|INDEX|NO\n"
                     "myxt|informix|INSERT|YES\nmyxt|public|INSERT|NO\n"
                     "myxt|informix|REFERENCES|YES\nmyxt|informix|SELECT|YES\n"
                     "myxt|public|SELECT|NO\nmyxt|informix|UPDATE|YES\nmyxt|public|UPDATE|NO\n");
    ok(SQLColumnPrivileges(st, NULL, 0, NULL, 0, (SQLCHAR *)"myxt", SQL_NTS, NULL, 0));
    ck_assert_int_eq(SQLNumResultCols(st, &ncols), SQL_SUCCESS);
    ck_assert_int_eq(ncols, 8);
    ck_assert_str_eq(rows((const int[]){4, 0}), "");
}
END_TEST

START_TEST(wide_forms_and_functions)
{
    SQLWCHAR name[] = {'m', 'y', '\\', '_', 't', 0};
    ck_assert_int_eq(SQLTablesW(st, NULL, 0, NULL, 0, name, SQL_NTS, NULL, 0), SQL_SUCCESS);
    ck_assert_str_eq(rows((const int[]){3, 0}), "my_t\n");
    SQLWCHAR dept[] = {'d', 'e', 'p', 't', 0};
    ck_assert_int_eq(SQLPrimaryKeysW(st, NULL, 0, NULL, 0, dept, SQL_NTS), SQL_SUCCESS);
    ck_assert_str_eq(rows((const int[]){4, 0}), "dno\nsite\n");
    static const SQLUSMALLINT fns[] = {SQL_API_SQLTABLES,          SQL_API_SQLCOLUMNS,
                                       SQL_API_SQLPRIMARYKEYS,     SQL_API_SQLFOREIGNKEYS,
                                       SQL_API_SQLSTATISTICS,      SQL_API_SQLSPECIALCOLUMNS,
                                       SQL_API_SQLPROCEDURES,      SQL_API_SQLPROCEDURECOLUMNS,
                                       SQL_API_SQLTABLEPRIVILEGES, SQL_API_SQLCOLUMNPRIVILEGES};
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        SQLUSMALLINT yes = 0;
        ck_assert_int_eq(SQLGetFunctions(dbc, fns[i], &yes), SQL_SUCCESS);
        ck_assert_msg(yes == SQL_TRUE, "function %u", fns[i]);
    }
}
END_TEST

START_TEST(catalog_on_open_cursor_is_24000)
{
    ck_assert_int_eq(SQLExecDirect(st, (SQLCHAR *)"SELECT tabid FROM systables", SQL_NTS),
                     SQL_SUCCESS);
    expect_state(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0), "24000");
    SQLFreeStmt(st, SQL_CLOSE);
}
END_TEST


START_TEST(synonyms_listed_and_usable)
{
    exec_ok("CREATE SYNONYM IF NOT EXISTS staff FOR emp");
    exec_ok("CREATE PRIVATE SYNONYM IF NOT EXISTS dept_p FOR dept");
    ok(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, (SQLCHAR *)"SYNONYM", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 0}), "dept_p|SYNONYM\nstaff|SYNONYM\n");
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"sta%", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 4, 0}), "staff|SYNONYM\n");
    /* A query through the synonym reads the table. */
    ok(SQLExecDirect(st, (SQLCHAR *)"SELECT count(*) FROM staff s, dept_p d WHERE s.dno = d.dno",
                     SQL_NTS));
    ck_assert_str_eq(rows((const int[]){1, 0}), "0\n");
    exec_ok("DROP SYNONYM dept_p");
    ok(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, (SQLCHAR *)"SYNONYM", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 0}), "staff\n");
}
END_TEST

START_TEST(granted_privileges_are_listed)
{
    exec_ok("CREATE TABLE IF NOT EXISTS gtab (k INTEGER, v VARCHAR(10))");
    exec_ok("REVOKE ALL ON gtab FROM public");
    exec_ok("GRANT SELECT ON gtab TO alice WITH GRANT OPTION");
    exec_ok("GRANT UPDATE (v) ON gtab TO bob");
    ok(SQLTablePrivileges(st, NULL, 0, NULL, 0, (SQLCHAR *)"gtab", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 5, 6, 7, 0}),
                     "informix|informix|ALTER|YES\ninformix|informix|DELETE|YES\n"
                     "informix|informix|INDEX|YES\ninformix|informix|INSERT|YES\n"
                     "informix|informix|REFERENCES|YES\ninformix|alice|SELECT|YES\n"
                     "informix|informix|SELECT|YES\ninformix|informix|UPDATE|YES\n");
    ok(SQLColumnPrivileges(st, NULL, 0, NULL, 0, (SQLCHAR *)"gtab", SQL_NTS, (SQLCHAR *)"%",
                           SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 6, 7, 8, 0}), "v|bob|UPDATE|NO\n");
    exec_ok("REVOKE UPDATE ON gtab FROM bob");
    ok(SQLColumnPrivileges(st, NULL, 0, NULL, 0, (SQLCHAR *)"gtab", SQL_NTS, (SQLCHAR *)"%",
                           SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 0}), "");
}
END_TEST

START_TEST(special_columns_rowid_fallback)
{
    /* my_t has a unique index, myxt has none: its best row id is ROWID. */
    ok(SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, NULL, 0, (SQLCHAR *)"myxt", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    char want[128];
    snprintf(want, sizeof want, "%d|rowid|%d|INTEGER|10|4|0|%d\n", SQL_SCOPE_SESSION,
             SQL_INTEGER, SQL_PC_PSEUDO);
    ck_assert_str_eq(rows((const int[]){1, 2, 3, 4, 5, 6, 7, 8, 0}), want);
    /* Views have no rowid; SQL_ROWVER is always empty. */
    ok(SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, NULL, 0, (SQLCHAR *)"emp_v", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    ck_assert_str_eq(rows((const int[]){2, 0}), "");
    ok(SQLSpecialColumns(st, SQL_ROWVER, NULL, 0, NULL, 0, (SQLCHAR *)"myxt", SQL_NTS,
                         SQL_SCOPE_CURROW, SQL_NULLABLE));
    ck_assert_str_eq(rows((const int[]){2, 0}), "");
    /* The pseudo column answers queries, described as INTEGER. */
    exec_ok("INSERT INTO myxt VALUES (42)");
    ok(SQLExecDirect(st, (SQLCHAR *)"SELECT rowid, a FROM myxt WHERE a = 42 AND rowid > 0",
                     SQL_NTS));
    SQLSMALLINT type = 0, nl, dig, nul;
    SQLULEN size;
    SQLCHAR name[32];
    ok(SQLDescribeCol(st, 1, name, sizeof name, &nl, &type, &size, &dig, &nul));
    ck_assert_int_eq(type, SQL_INTEGER);
    const char *got = rows((const int[]){1, 2, 0});
    ck_assert_msg(strstr(got, "|42\n") != NULL && got[0] >= '1' && got[0] <= '9', "%s", got);
}
END_TEST

START_TEST(statement_metadata_id_is_stored)
{
    SQLULEN v = 99;
    ok(SQLGetStmtAttr(st, SQL_ATTR_METADATA_ID, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_FALSE);
    ok(SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0));
    ok(SQLGetStmtAttr(st, SQL_ATTR_METADATA_ID, &v, 0, NULL));
    ck_assert_uint_eq(v, SQL_TRUE);
    /* Identifier rules: MY_T folds to my_t, '_' is literal. */
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"MY_T", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), "my_t\n");
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"MY_T", SQL_NTS, (SQLCHAR *)"A", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){4, 0}), "a\n");
    ok(SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0));
    ok(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"MY_T", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){3, 0}), ""); /* a pattern, case kept */
    expect_state(SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)7, 0), "HY024");
}
END_TEST

START_TEST(type_names_agree_with_typeinfo)
{
    /* Every TYPE_NAME SQLColumns gives for emp's columns is a TYPE_NAME row of
     * SQLGetTypeInfo, or (DATETIME/INTERVAL qualifiers, NVARCHAR ...) at least
     * spelled in the same case. */
    ok(SQLGetTypeInfo(st, SQL_ALL_TYPES));
    char names[4096];
    snprintf(names, sizeof names, "\n%s", rows((const int[]){1, 0}));
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"dept", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){6, 0}), "INTEGER\nCHAR\nVARCHAR\nDECIMAL\n");
    ck_assert_ptr_nonnull(strstr(names, "\nINTEGER\n"));
    ck_assert_ptr_nonnull(strstr(names, "\nCHAR\n"));
    ck_assert_ptr_nonnull(strstr(names, "\nVARCHAR\n"));
    ck_assert_ptr_nonnull(strstr(names, "\nDECIMAL\n"));
    ok(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"emp", SQL_NTS, (SQLCHAR *)"id", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){6, 0}), "SERIAL\n");
    ck_assert_ptr_nonnull(strstr(names, "\nSERIAL\n"));
}
END_TEST

START_TEST(getinfo_matches_catalog_rules)
{
    char buf[64];
    SQLSMALLINT len;
    SQLUSMALLINT u16;
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_CATALOG_NAME, buf, sizeof buf, &len), SQL_SUCCESS);
    ck_assert_str_eq(buf, "Y");
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_CATALOG_NAME_SEPARATOR, buf, sizeof buf, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq(buf, ":");
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_SEARCH_PATTERN_ESCAPE, buf, sizeof buf, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq(buf, "\\"); /* the escape tables_patterns_and_escapes uses */
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_OWNER_TERM, buf, sizeof buf, &len), SQL_SUCCESS);
    ck_assert_str_eq(buf, "owner");
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_IDENTIFIER_QUOTE_CHAR, buf, sizeof buf, &len),
                     SQL_SUCCESS);
    ck_assert_str_eq(buf, "\""); /* DELIMIDENT=y */
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_IDENTIFIER_CASE, &u16, sizeof u16, NULL), SQL_SUCCESS);
    ck_assert_uint_eq(u16, SQL_IC_LOWER); /* metadata_id folds to lower case */
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_QUOTED_IDENTIFIER_CASE, &u16, sizeof u16, NULL),
                     SQL_SUCCESS);
    ck_assert_uint_eq(u16, SQL_IC_SENSITIVE);
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_MAX_SCHEMA_NAME_LEN, &u16, sizeof u16, NULL),
                     SQL_SUCCESS);
    ck_assert_uint_eq(u16, 32); /* systables.owner CHAR(32) */
    ck_assert_int_eq(SQLGetInfo(dbc, SQL_MAX_TABLE_NAME_LEN, &u16, sizeof u16, NULL),
                     SQL_SUCCESS);
    ck_assert_uint_eq(u16, 128);
}
END_TEST

/* A statement that may affect no rows (SQL_NO_DATA for a DELETE). */
static void exec_any(const char *sql)
{
    SQLCHAR buf[512];
    snprintf((char *)buf, sizeof buf, "%s", sql);
    SQLRETURN rc = SQLExecDirect(st, buf, SQL_NTS);
    if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
        odbc_dump_diag(SQL_HANDLE_STMT, st);
    ck_assert_msg(SQL_SUCCEEDED(rc) || rc == SQL_NO_DATA, "%s", sql);
    SQLFreeStmt(st, SQL_CLOSE);
}

/* Routine metadata from sysprocedures / sysproccolumns (rows written by
 * hand: ifxlite has no CREATE PROCEDURE): the return value first, then the
 * parameters in call order, then result columns; name patterns on the routine
 * and on the column; the server's internal routines are not listed. */
START_TEST(procedure_columns_from_sysproccolumns)
{
    exec_any("DELETE FROM sysproccolumns WHERE procid IN (901, 902)");
    exec_any("DELETE FROM sysprocedures WHERE procid IN (901, 902)");
    exec_ok("INSERT INTO sysprocedures (procname, owner, procid, numargs, isproc, internal)"
            " VALUES ('rt_f', 'informix', 901, 2, 'f', 'f')");
    exec_ok("INSERT INTO sysprocedures (procname, owner, procid, numargs, isproc, internal)"
            " VALUES ('rt_int', 'informix', 902, 0, 'f', 't')");
    /* procid, paramid, paramname, paramtype, paramlen, paramxid, paramattr */
    exec_ok("INSERT INTO sysproccolumns VALUES (901, 1, 'p_in', 0, 10, 0, 1)");
    exec_ok("INSERT INTO sysproccolumns VALUES (901, 2, 'p_out', 258, 4, 0, 4)");
    exec_ok("INSERT INTO sysproccolumns VALUES (901, 3, 'r1', 10, 3594, 0, 3)");
    exec_ok("INSERT INTO sysproccolumns VALUES (901, 4, '', 7, 4, 0, 5)");
    exec_ok("INSERT INTO sysproccolumns VALUES (902, 1, 'x', 2, 4, 0, 1)");
    ok(SQLProcedures(st, NULL, 0, NULL, 0, (SQLCHAR *)"rt%", SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 8, 0}), "rt_f|2|2\n");
    /* COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, TYPE_NAME, NULLABLE, ORDINAL_POSITION */
    ok(SQLProcedureColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"rt%", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){4, 5, 6, 7, 12, 18, 0}),
                     "|5|91|DATE|1|0\n"
                     "p_in|1|1|CHAR|1|1\n"
                     "p_out|4|4|INTEGER|0|2\n"
                     "r1|3|93|DATETIME YEAR TO SECOND|1|1\n");
    ok(SQLProcedureColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"rt\\_f", SQL_NTS, (SQLCHAR *)"p\\_o%",
                           SQL_NTS));
    ck_assert_str_eq(rows((const int[]){3, 4, 0}), "rt_f|p_out\n");
    ok(SQLProcedureColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"rt_int", SQL_NTS, NULL, 0));
    ck_assert_str_eq(rows((const int[]){4, 0}), "");
    exec_any("DELETE FROM sysproccolumns WHERE procid IN (901, 902)");
    exec_any("DELETE FROM sysprocedures WHERE procid IN (901, 902)");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("odbc_catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, tables_shape_types_and_order);
    tcase_add_test(tc, tables_patterns_and_escapes);
    tcase_add_test(tc, tables_enumerations);
    tcase_add_test(tc, columns_every_type_as_describe_maps_it);
    tcase_add_test(tc, columns_patterns_and_sort_order);
    tcase_add_test(tc, metadata_id_folds_identifiers);
    tcase_add_test(tc, primary_keys_composite_in_key_order);
    tcase_add_test(tc, foreign_keys_both_directions);
    tcase_add_test(tc, statistics_table_row_then_indexes);
    tcase_add_test(tc, special_columns_best_rowid);
    tcase_add_test(tc, procedures_and_privileges);
    tcase_add_test(tc, wide_forms_and_functions);
    tcase_add_test(tc, catalog_on_open_cursor_is_24000);
    tcase_add_test(tc, synonyms_listed_and_usable);
    tcase_add_test(tc, granted_privileges_are_listed);
    tcase_add_test(tc, special_columns_rowid_fallback);
    tcase_add_test(tc, statement_metadata_id_is_stored);
    tcase_add_test(tc, type_names_agree_with_typeinfo);
    tcase_add_test(tc, getinfo_matches_catalog_rules);
    tcase_add_test(tc, procedure_columns_from_sysproccolumns);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
