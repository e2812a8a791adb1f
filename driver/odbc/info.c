/* SPDX-License-Identifier: MIT */
/* info.c - SQLGetInfo as one static table (plus a few answers computed from
 * the connection: DBMS version, names, quote character) and SQLGetFunctions
 * from the table of exported functions. Every answer must be true of the
 * driver: masks follow escape.c ({fn}), the statement side's capabilities
 * (forward-only cursors, SQL_CB_CLOSE) and Informix SQL. */
#include "info.h"

#include <stdio.h>
#include <string.h>

#include "dbc.h"
#include "sq_conn.h"
#include "stmt.h"

#define STR(t, v) {t, INFO_STR, v, 0}
#define U16(t, v) {t, INFO_U16, NULL, (SQLUINTEGER)(v)}
#define U32(t, v) {t, INFO_U32, NULL, (SQLUINTEGER)(v)}

struct info_entry {
    SQLUSMALLINT type;
    enum info_kind kind;
    const char *s;
    SQLUINTEGER u;
};

/* {fn CONVERT()} targets (escape.c conv_types) per source class. */
#define CVT_CHARS (SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR | \
                   SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR)
#define CVT_NUMS (SQL_CVT_BIGINT | SQL_CVT_BIT | SQL_CVT_DECIMAL | SQL_CVT_DOUBLE | SQL_CVT_FLOAT | \
                  SQL_CVT_INTEGER | SQL_CVT_NUMERIC | SQL_CVT_REAL | SQL_CVT_SMALLINT |         \
                  SQL_CVT_TINYINT)
#define CVT_FROM_CHAR (CVT_CHARS | CVT_NUMS | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP)
#define CVT_FROM_NUM (CVT_CHARS | CVT_NUMS)
#define CVT_FROM_DATE (CVT_CHARS | SQL_CVT_DATE | SQL_CVT_TIMESTAMP)
#define CVT_FROM_TIME (CVT_CHARS | SQL_CVT_TIME | SQL_CVT_TIMESTAMP)
#define CVT_FROM_TS (CVT_CHARS | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP)

#define FN_STR (SQL_FN_STR_ASCII | SQL_FN_STR_CHAR | SQL_FN_STR_CHAR_LENGTH |                   \
                SQL_FN_STR_CHARACTER_LENGTH | SQL_FN_STR_CONCAT | SQL_FN_STR_LCASE |            \
                SQL_FN_STR_LEFT | SQL_FN_STR_LENGTH | SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2 | \
                SQL_FN_STR_LTRIM | SQL_FN_STR_OCTET_LENGTH | SQL_FN_STR_REPLACE |              \
                SQL_FN_STR_RIGHT | SQL_FN_STR_RTRIM | SQL_FN_STR_SPACE | SQL_FN_STR_SUBSTRING | \
                SQL_FN_STR_UCASE)
#define FN_NUM (SQL_FN_NUM_ABS | SQL_FN_NUM_ACOS | SQL_FN_NUM_ASIN | SQL_FN_NUM_ATAN |          \
                SQL_FN_NUM_ATAN2 | SQL_FN_NUM_CEILING | SQL_FN_NUM_COS | SQL_FN_NUM_COT |       \
                SQL_FN_NUM_DEGREES | SQL_FN_NUM_EXP | SQL_FN_NUM_FLOOR | SQL_FN_NUM_LOG |       \
                SQL_FN_NUM_LOG10 | SQL_FN_NUM_MOD | SQL_FN_NUM_PI | SQL_FN_NUM_POWER |          \
                SQL_FN_NUM_RADIANS | SQL_FN_NUM_ROUND | SQL_FN_NUM_SIGN | SQL_FN_NUM_SIN |      \
                SQL_FN_NUM_SQRT | SQL_FN_NUM_TAN | SQL_FN_NUM_TRUNCATE)
#define FN_TD (SQL_FN_TD_CURDATE | SQL_FN_TD_CURRENT_DATE | SQL_FN_TD_CURTIME |                 \
               SQL_FN_TD_CURRENT_TIME | SQL_FN_TD_CURRENT_TIMESTAMP | SQL_FN_TD_DAYOFMONTH |    \
               SQL_FN_TD_DAYOFWEEK | SQL_FN_TD_HOUR | SQL_FN_TD_MINUTE | SQL_FN_TD_MONTH |      \
               SQL_FN_TD_NOW | SQL_FN_TD_QUARTER | SQL_FN_TD_SECOND | SQL_FN_TD_YEAR)

/* Words Informix reserves beyond the ODBC list (SQL_KEYWORDS). */
#define IFX_KEYWORDS                                                                           \
    "ANSI,ATTACH,BEFORE,BOOLEAN,BYTE,CLUSTER,DATABASE,DATETIME,DBA,DBINFO,DETACH,DIRTY,"        \
    "EXCLUSIVE,EXTEND,FRACTION,INFORMIX,INT8,INTERVAL,LVARCHAR,MATCHES,MEDIUM,MODE,MONEY,"      \
    "NCHAR,NVARCHAR,NVL,RAISE,RESOURCE,ROWID,SERIAL,SERIAL8,SKIP,SMALLFLOAT,SYNONYM,TEMP,"     \
    "TODAY,TRACE,UNITS,WAIT"

static const struct info_entry info_table[] = {
    /* driver and data source */
    STR(SQL_DRIVER_NAME, "libifxodbc.so"),
    STR(SQL_DRIVER_VER, "00.01.0000"),
    STR(SQL_DRIVER_ODBC_VER, "03.80"),
    STR(SQL_DBMS_NAME, "Informix"),
    STR(SQL_ACCESSIBLE_PROCEDURES, "N"),
    STR(SQL_ACCESSIBLE_TABLES, "N"),
    STR(SQL_CATALOG_NAME, "Y"),
    STR(SQL_CATALOG_NAME_SEPARATOR, ":"),
    STR(SQL_CATALOG_TERM, "database"),
    STR(SQL_COLLATION_SEQ, ""),
    STR(SQL_COLUMN_ALIAS, "Y"),
    STR(SQL_DESCRIBE_PARAMETER, "Y"),
    STR(SQL_EXPRESSIONS_IN_ORDERBY, "Y"),
    STR(SQL_INTEGRITY, "Y"),
    STR(SQL_KEYWORDS, IFX_KEYWORDS),
    STR(SQL_LIKE_ESCAPE_CLAUSE, "Y"),
    STR(SQL_MAX_ROW_SIZE_INCLUDES_LONG, "N"),
    STR(SQL_MULT_RESULT_SETS, "N"),
    STR(SQL_MULTIPLE_ACTIVE_TXN, "Y"),
    STR(SQL_NEED_LONG_DATA_LEN, "Y"), /* BYTE/TEXT data at execution streams with it (stmt_lob.c) */
    STR(SQL_ORDER_BY_COLUMNS_IN_SELECT, "N"),
    STR(SQL_OUTER_JOINS, "Y"),
    STR(SQL_PROCEDURE_TERM, "procedure"),
    STR(SQL_PROCEDURES, "Y"),
    STR(SQL_ROW_UPDATES, "N"),
    STR(SQL_SCHEMA_TERM, "owner"),
    STR(SQL_SEARCH_PATTERN_ESCAPE, "\\"),
    STR(SQL_SPECIAL_CHARACTERS, ""),
    STR(SQL_TABLE_TERM, "table"),
    STR(SQL_XOPEN_CLI_YEAR, "1995"),

    /* limits */
    U16(SQL_MAX_DRIVER_CONNECTIONS, 0),
    U16(SQL_MAX_CONCURRENT_ACTIVITIES, 0),
    U16(SQL_ACTIVE_ENVIRONMENTS, 0),
    U16(SQL_MAX_CATALOG_NAME_LEN, 128),
    U16(SQL_MAX_COLUMN_NAME_LEN, 128),
    U16(SQL_MAX_COLUMNS_IN_GROUP_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_INDEX, 16),
    U16(SQL_MAX_COLUMNS_IN_ORDER_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_SELECT, 0),
    U16(SQL_MAX_COLUMNS_IN_TABLE, 0),
    U16(SQL_MAX_CURSOR_NAME_LEN, 128),
    U16(SQL_MAX_IDENTIFIER_LEN, 128),
    U16(SQL_MAX_PROCEDURE_NAME_LEN, 128),
    U16(SQL_MAX_SCHEMA_NAME_LEN, 32),
    U16(SQL_MAX_TABLE_NAME_LEN, 128),
    U16(SQL_MAX_TABLES_IN_SELECT, 0),
    U16(SQL_MAX_USER_NAME_LEN, 32),
    U32(SQL_MAX_BINARY_LITERAL_LEN, 0),
    U32(SQL_MAX_CHAR_LITERAL_LEN, 32767),
    U32(SQL_MAX_INDEX_SIZE, 0),
    U32(SQL_MAX_ROW_SIZE, 32767),
    U32(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, 0),

    /* SQL dialect */
    U16(SQL_CATALOG_LOCATION, SQL_CL_START),
    U32(SQL_CATALOG_USAGE, SQL_CU_DML_STATEMENTS | SQL_CU_TABLE_DEFINITION |
                               SQL_CU_INDEX_DEFINITION | SQL_CU_PRIVILEGE_DEFINITION),
    U32(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS | SQL_SU_TABLE_DEFINITION |
                              SQL_SU_INDEX_DEFINITION | SQL_SU_PRIVILEGE_DEFINITION),
    U16(SQL_CONCAT_NULL_BEHAVIOR, SQL_CB_NULL),
    U16(SQL_CORRELATION_NAME, SQL_CN_ANY),
    U16(SQL_FILE_USAGE, SQL_FILE_NOT_SUPPORTED),
    U16(SQL_GROUP_BY, SQL_GB_GROUP_BY_CONTAINS_SELECT),
    U16(SQL_IDENTIFIER_CASE, SQL_IC_LOWER),
    U16(SQL_QUOTED_IDENTIFIER_CASE, SQL_IC_SENSITIVE),
    U16(SQL_NON_NULLABLE_COLUMNS, SQL_NNC_NON_NULL),
    U16(SQL_NULL_COLLATION, SQL_NC_LOW),
    U32(SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT |
                                     SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM),
    U32(SQL_ALTER_DOMAIN, 0),
    U32(SQL_ALTER_TABLE, SQL_AT_ADD_COLUMN_SINGLE | SQL_AT_ADD_CONSTRAINT |
                             SQL_AT_DROP_COLUMN_RESTRICT | SQL_AT_ADD_TABLE_CONSTRAINT |
                             SQL_AT_CONSTRAINT_NAME_DEFINITION),
    U32(SQL_CREATE_ASSERTION, 0),
    U32(SQL_CREATE_CHARACTER_SET, 0),
    U32(SQL_CREATE_COLLATION, 0),
    U32(SQL_CREATE_DOMAIN, 0),
    U32(SQL_CREATE_SCHEMA, 0),
    U32(SQL_CREATE_TABLE, SQL_CT_CREATE_TABLE | SQL_CT_COLUMN_CONSTRAINT |
                              SQL_CT_COLUMN_DEFAULT | SQL_CT_TABLE_CONSTRAINT |
                              SQL_CT_CONSTRAINT_NAME_DEFINITION),
    U32(SQL_CREATE_TRANSLATION, 0),
    U32(SQL_CREATE_VIEW, SQL_CV_CREATE_VIEW | SQL_CV_CHECK_OPTION),
    U32(SQL_DDL_INDEX, SQL_DI_CREATE_INDEX | SQL_DI_DROP_INDEX),
    U32(SQL_DROP_ASSERTION, 0),
    U32(SQL_DROP_CHARACTER_SET, 0),
    U32(SQL_DROP_COLLATION, 0),
    U32(SQL_DROP_DOMAIN, 0),
    U32(SQL_DROP_SCHEMA, 0),
    U32(SQL_DROP_TABLE, SQL_DT_DROP_TABLE),
    U32(SQL_DROP_TRANSLATION, 0),
    U32(SQL_DROP_VIEW, SQL_DV_DROP_VIEW),
    U32(SQL_DATETIME_LITERALS, SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIME | SQL_DL_SQL92_TIMESTAMP),
    U32(SQL_INDEX_KEYWORDS, SQL_IK_ASC | SQL_IK_DESC),
    U32(SQL_INFO_SCHEMA_VIEWS, 0),
    U32(SQL_INSERT_STATEMENT, SQL_IS_INSERT_LITERALS | SQL_IS_INSERT_SEARCHED),
    U32(SQL_OJ_CAPABILITIES, SQL_OJ_LEFT | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED | SQL_OJ_INNER |
                                 SQL_OJ_ALL_COMPARISON_OPS),
    U32(SQL_SQL_CONFORMANCE, SQL_SC_SQL92_ENTRY),
    U32(SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME |
                                          SQL_SDF_CURRENT_TIMESTAMP),
    U32(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, SQL_SFKD_CASCADE | SQL_SFKD_NO_ACTION),
    U32(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, SQL_SFKU_NO_ACTION),
    U32(SQL_SQL92_GRANT, SQL_SG_DELETE_TABLE | SQL_SG_INSERT_TABLE | SQL_SG_REFERENCES_TABLE |
                             SQL_SG_SELECT_TABLE | SQL_SG_UPDATE_TABLE |
                             SQL_SG_WITH_GRANT_OPTION),
    U32(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_CHAR_LENGTH |
                                               SQL_SNVF_CHARACTER_LENGTH |
                                               SQL_SNVF_OCTET_LENGTH),
    U32(SQL_SQL92_PREDICATES, SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS | SQL_SP_IN |
                                  SQL_SP_ISNOTNULL | SQL_SP_ISNULL | SQL_SP_LIKE |
                                  SQL_SP_QUANTIFIED_COMPARISON),
    U32(SQL_SQL92_RELATIONAL_JOIN_OPERATORS, SQL_SRJO_INNER_JOIN | SQL_SRJO_LEFT_OUTER_JOIN |
                                                 SQL_SRJO_CROSS_JOIN),
    U32(SQL_SQL92_REVOKE, SQL_SR_DELETE_TABLE | SQL_SR_INSERT_TABLE | SQL_SR_REFERENCES_TABLE |
                              SQL_SR_SELECT_TABLE | SQL_SR_UPDATE_TABLE),
    U32(SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL),
    U32(SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING |
                                        SQL_SSF_TRIM_BOTH | SQL_SSF_TRIM_LEADING |
                                        SQL_SSF_TRIM_TRAILING),
    U32(SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE |
                                         SQL_SVE_NULLIF),
    U32(SQL_SUBQUERIES, SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS |
                            SQL_SQ_IN | SQL_SQ_QUANTIFIED),
    U32(SQL_UNION, SQL_U_UNION | SQL_U_UNION_ALL),
    U32(SQL_STRING_FUNCTIONS, FN_STR),
    U32(SQL_NUMERIC_FUNCTIONS, FN_NUM),
    U32(SQL_TIMEDATE_FUNCTIONS, FN_TD),
    U32(SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL | SQL_FN_SYS_USERNAME),
    U32(SQL_TIMEDATE_ADD_INTERVALS, 0),
    U32(SQL_TIMEDATE_DIFF_INTERVALS, 0),
    U32(SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CONVERT),
    U32(SQL_CONVERT_BIGINT, CVT_FROM_NUM),
    U32(SQL_CONVERT_BINARY, 0),
    U32(SQL_CONVERT_BIT, CVT_FROM_NUM),
    U32(SQL_CONVERT_CHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_DATE, CVT_FROM_DATE),
    U32(SQL_CONVERT_DECIMAL, CVT_FROM_NUM),
    U32(SQL_CONVERT_DOUBLE, CVT_FROM_NUM),
    U32(SQL_CONVERT_FLOAT, CVT_FROM_NUM),
    U32(SQL_CONVERT_INTEGER, CVT_FROM_NUM),
    U32(SQL_CONVERT_INTERVAL_DAY_TIME, 0),
    U32(SQL_CONVERT_INTERVAL_YEAR_MONTH, 0),
    U32(SQL_CONVERT_LONGVARBINARY, 0),
    U32(SQL_CONVERT_LONGVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_NUMERIC, CVT_FROM_NUM),
    U32(SQL_CONVERT_REAL, CVT_FROM_NUM),
    U32(SQL_CONVERT_SMALLINT, CVT_FROM_NUM),
    U32(SQL_CONVERT_TIME, CVT_FROM_TIME),
    U32(SQL_CONVERT_TIMESTAMP, CVT_FROM_TS),
    U32(SQL_CONVERT_TINYINT, CVT_FROM_NUM),
    U32(SQL_CONVERT_VARBINARY, 0),
    U32(SQL_CONVERT_VARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WLONGVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_GUID, 0),

    /* transactions */
    U16(SQL_TXN_CAPABLE, SQL_TC_ALL),
    U32(SQL_DEFAULT_TXN_ISOLATION, SQL_TXN_READ_COMMITTED),
    U32(SQL_TXN_ISOLATION_OPTION, SQL_TXN_READ_UNCOMMITTED | SQL_TXN_READ_COMMITTED |
                                      SQL_TXN_REPEATABLE_READ | SQL_TXN_SERIALIZABLE),
    U16(SQL_CURSOR_COMMIT_BEHAVIOR, SQL_CB_CLOSE),
    U16(SQL_CURSOR_ROLLBACK_BEHAVIOR, SQL_CB_CLOSE),
    U32(SQL_DTC_TRANSITION_COST, 0),

    /* cursors and statements: forward-only, read-only for now */
    U32(SQL_CURSOR_SENSITIVITY, SQL_INSENSITIVE),
    U32(SQL_SCROLL_OPTIONS, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC),
    U32(SQL_SCROLL_CONCURRENCY, SQL_SCCO_READ_ONLY),
    /* SQLExtendedFetch is exported: odbc-notes §8 */
    U32(SQL_FETCH_DIRECTION, SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST |
                                 SQL_FD_FETCH_PRIOR | SQL_FD_FETCH_ABSOLUTE |
                                 SQL_FD_FETCH_RELATIVE | SQL_FD_FETCH_BOOKMARK),
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT),
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, SQL_CA2_READ_ONLY_CONCURRENCY),
    U32(SQL_STATIC_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE |
                                           SQL_CA1_BOOKMARK | SQL_CA1_LOCK_NO_CHANGE |
                                           SQL_CA1_POS_POSITION),
    U32(SQL_STATIC_CURSOR_ATTRIBUTES2, SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_STATIC_SENSITIVITY, 0),
    U32(SQL_LOCK_TYPES, 0),
    U32(SQL_POS_OPERATIONS, SQL_POS_POSITION),
    U32(SQL_POSITIONED_STATEMENTS, 0),
    U32(SQL_BOOKMARK_PERSISTENCE, SQL_BP_SCROLL),
    U32(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND),
    U32(SQL_PARAM_ARRAY_ROW_COUNTS, SQL_PARC_BATCH),
    U32(SQL_PARAM_ARRAY_SELECTS, SQL_PAS_NO_SELECT),
    U32(SQL_BATCH_ROW_COUNT, 0),
    U32(SQL_BATCH_SUPPORT, 0),
    U32(SQL_ASYNC_MODE, SQL_AM_NONE),
    U32(SQL_ASYNC_DBC_FUNCTIONS, SQL_ASYNC_DBC_NOT_CAPABLE),
    U32(SQL_ODBC_INTERFACE_CONFORMANCE, SQL_OIC_CORE),
    U16(SQL_ODBC_API_CONFORMANCE, SQL_OAC_LEVEL1),
    U16(SQL_ODBC_SQL_CONFORMANCE, SQL_OSC_CORE),
    U16(SQL_ODBC_SAG_CLI_CONFORMANCE, SQL_OSCC_COMPLIANT),
    U32(SQL_STANDARD_CLI_CONFORMANCE, SQL_SCC_XOPEN_CLI_VERSION1),
};

/* "14.10.FC10" -> "14.10.0010 14.10.FC10": ODBC's ##.##.#### followed by the
 * product's own version string (allowed by the spec). The release number is
 * the digits at the end of the third part; parts that do not parse give 0. */
static void format_dbms_ver(const char *v, char *out, size_t cap)
{
    unsigned major = 0, minor = 0, rel = 0;
    const char *p = v;
    while (*p >= '0' && *p <= '9')
        major = major * 10 + (unsigned)(*p++ - '0') % 100;
    if (*p == '.')
        p++;
    while (*p >= '0' && *p <= '9')
        minor = minor * 10 + (unsigned)(*p++ - '0') % 100;
    if (*p == '.')
        p++;
    const char *end = p + strlen(p), *q = end;
    while (q > p && q[-1] >= '0' && q[-1] <= '9')
        q--;
    for (; q < end && q - p < 8; q++)
        rel = (rel * 10 + (unsigned)(*q - '0')) % 10000;
    snprintf(out, cap, "%02u.%02u.%04u %s", major % 100, minor % 100, rel, v);
}

static void set_str(struct info_val *out, const char *s)
{
    out->kind = INFO_STR;
    out->s = s ? s : "";
}

SQLRETURN info_get(struct dbc *dbc, SQLUSMALLINT type, struct info_val *out)
{
    memset(out, 0, sizeof *out);
    switch (type) { /* answers computed from the connection */
    case SQL_DBMS_VER:
        if (!dbc->wire)
            return diag_add(&dbc->hdr, DIAG_08003, NULL);
        format_dbms_ver(sq_conn_server_info(dbc->wire)->version, out->buf, sizeof out->buf);
        set_str(out, out->buf);
        return SQL_SUCCESS;
    case SQL_SERVER_NAME:
        set_str(out, dbc->server_name);
        return SQL_SUCCESS;
    case SQL_DATA_SOURCE_NAME:
        set_str(out, dbc->dsn_name);
        return SQL_SUCCESS;
    case SQL_DATABASE_NAME:
        set_str(out, dbc->database);
        return SQL_SUCCESS;
    case SQL_USER_NAME:
        set_str(out, dbc->user);
        return SQL_SUCCESS;
    case SQL_DATA_SOURCE_READ_ONLY:
        set_str(out, dbc->access_mode == SQL_MODE_READ_ONLY ? "Y" : "N");
        return SQL_SUCCESS;
    case SQL_IDENTIFIER_QUOTE_CHAR:
        /* DELIMIDENT=y (the DSN default) is sent at login: "x" is an identifier. */
        set_str(out, dbc->delimident ? "\"" : " ");
        return SQL_SUCCESS;
    case SQL_CURSOR_COMMIT_BEHAVIOR:
        /* Cursors close at commit (SQL_CB_CLOSE) unless opened WITH HOLD
         * (SQL_IFX_ATTR_CURSOR_HOLD): while a statement of the connection has
         * that attribute on, say SQL_CB_PRESERVE so that the driver manager
         * leaves its hold cursor open; the driver still closes the others
         * itself (stmt_on_txn_end). Rollback always closes: SQL_CB_CLOSE. */
        out->kind = INFO_U16;
        out->u = stmt_any_hold(dbc) ? SQL_CB_PRESERVE : SQL_CB_CLOSE;
        return SQL_SUCCESS;
    case SQL_MAX_STATEMENT_LEN:
        out->kind = INFO_U32;
        out->u = dbc->wire && sq_conn_caps(dbc->wire)->big_sql ? 0 : 65535;
        return SQL_SUCCESS;
    default:
        break;
    }
    for (size_t i = 0; i < sizeof info_table / sizeof info_table[0]; i++) {
        if (info_table[i].type == type) {
            out->kind = info_table[i].kind;
            out->s = info_table[i].s;
            out->u = info_table[i].u;
            return SQL_SUCCESS;
        }
    }
    return diag_add(&dbc->hdr, DIAG_HY096, "Unknown information type %u", (unsigned)type);
}

/* ---- SQLGetFunctions ---------------------------------------------------- */

#define FN(name, id) {id, #name}
/* Exactly the non-W functions in driver/exports.txt (check_exports.sh). */
static const struct info_fn fn_table[] = {
    FN(SQLAllocHandle, SQL_API_SQLALLOCHANDLE),
    FN(SQLBindCol, SQL_API_SQLBINDCOL),
    FN(SQLBindParameter, SQL_API_SQLBINDPARAMETER),
    FN(SQLCancel, SQL_API_SQLCANCEL),
    FN(SQLCloseCursor, SQL_API_SQLCLOSECURSOR),
    FN(SQLColAttribute, SQL_API_SQLCOLATTRIBUTE),
    FN(SQLColumnPrivileges, SQL_API_SQLCOLUMNPRIVILEGES),
    FN(SQLColumns, SQL_API_SQLCOLUMNS),
    FN(SQLConnect, SQL_API_SQLCONNECT),
    FN(SQLCopyDesc, SQL_API_SQLCOPYDESC),
    FN(SQLDescribeCol, SQL_API_SQLDESCRIBECOL),
    FN(SQLDescribeParam, SQL_API_SQLDESCRIBEPARAM),
    FN(SQLDisconnect, SQL_API_SQLDISCONNECT),
    FN(SQLDriverConnect, SQL_API_SQLDRIVERCONNECT),
    FN(SQLEndTran, SQL_API_SQLENDTRAN),
    FN(SQLExecDirect, SQL_API_SQLEXECDIRECT),
    FN(SQLExecute, SQL_API_SQLEXECUTE),
    FN(SQLFetch, SQL_API_SQLFETCH),
    FN(SQLExtendedFetch, SQL_API_SQLEXTENDEDFETCH),
    FN(SQLFetchScroll, SQL_API_SQLFETCHSCROLL),
    FN(SQLForeignKeys, SQL_API_SQLFOREIGNKEYS),
    FN(SQLFreeHandle, SQL_API_SQLFREEHANDLE),
    FN(SQLFreeStmt, SQL_API_SQLFREESTMT),
    FN(SQLGetConnectAttr, SQL_API_SQLGETCONNECTATTR),
    FN(SQLGetCursorName, SQL_API_SQLGETCURSORNAME),
    FN(SQLGetData, SQL_API_SQLGETDATA),
    FN(SQLGetDescField, SQL_API_SQLGETDESCFIELD),
    FN(SQLGetDescRec, SQL_API_SQLGETDESCREC),
    FN(SQLGetDiagField, SQL_API_SQLGETDIAGFIELD),
    FN(SQLGetDiagRec, SQL_API_SQLGETDIAGREC),
    FN(SQLGetEnvAttr, SQL_API_SQLGETENVATTR),
    FN(SQLGetFunctions, SQL_API_SQLGETFUNCTIONS),
    FN(SQLGetInfo, SQL_API_SQLGETINFO),
    FN(SQLGetStmtAttr, SQL_API_SQLGETSTMTATTR),
    FN(SQLGetTypeInfo, SQL_API_SQLGETTYPEINFO),
    FN(SQLMoreResults, SQL_API_SQLMORERESULTS),
    FN(SQLNativeSql, SQL_API_SQLNATIVESQL),
    FN(SQLNumParams, SQL_API_SQLNUMPARAMS),
    FN(SQLNumResultCols, SQL_API_SQLNUMRESULTCOLS),
    FN(SQLParamData, SQL_API_SQLPARAMDATA),
    FN(SQLPrepare, SQL_API_SQLPREPARE),
    FN(SQLPrimaryKeys, SQL_API_SQLPRIMARYKEYS),
    FN(SQLProcedureColumns, SQL_API_SQLPROCEDURECOLUMNS),
    FN(SQLProcedures, SQL_API_SQLPROCEDURES),
    FN(SQLPutData, SQL_API_SQLPUTDATA),
    FN(SQLRowCount, SQL_API_SQLROWCOUNT),
    FN(SQLSetConnectAttr, SQL_API_SQLSETCONNECTATTR),
    FN(SQLSetCursorName, SQL_API_SQLSETCURSORNAME),
    FN(SQLSetDescField, SQL_API_SQLSETDESCFIELD),
    FN(SQLSetDescRec, SQL_API_SQLSETDESCREC),
    FN(SQLSetPos, SQL_API_SQLSETPOS),
    FN(SQLSetEnvAttr, SQL_API_SQLSETENVATTR),
    FN(SQLSetStmtAttr, SQL_API_SQLSETSTMTATTR),
    FN(SQLSpecialColumns, SQL_API_SQLSPECIALCOLUMNS),
    FN(SQLStatistics, SQL_API_SQLSTATISTICS),
    FN(SQLTablePrivileges, SQL_API_SQLTABLEPRIVILEGES),
    FN(SQLTables, SQL_API_SQLTABLES),
};

const struct info_fn *info_functions_table(size_t *count)
{
    *count = sizeof fn_table / sizeof fn_table[0];
    return fn_table;
}

SQLRETURN info_functions(struct dbc *dbc, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    size_t n = sizeof fn_table / sizeof fn_table[0];
    if (!supported)
        return diag_add(&dbc->hdr, DIAG_HY009, NULL);
    if (id == SQL_API_ODBC3_ALL_FUNCTIONS) {
        memset(supported, 0, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * sizeof *supported);
        for (size_t i = 0; i < n; i++)
            supported[fn_table[i].id >> 4] |= (SQLUSMALLINT)(1u << (fn_table[i].id & 0xF));
        return SQL_SUCCESS;
    }
    if (id == SQL_API_ALL_FUNCTIONS) {
        memset(supported, 0, 100 * sizeof *supported);
        for (size_t i = 0; i < n; i++)
            if (fn_table[i].id < 100)
                supported[fn_table[i].id] = SQL_TRUE;
        return SQL_SUCCESS;
    }
    *supported = SQL_FALSE;
    for (size_t i = 0; i < n; i++)
        if (fn_table[i].id == id)
            *supported = SQL_TRUE;
    return SQL_SUCCESS;
}
