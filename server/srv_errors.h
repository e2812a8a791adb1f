/* SPDX-License-Identifier: MIT */
/* srv_errors.h - ifxlite's Informix error vocabulary: SQLCODE/ISAM constants,
 * the message table, and the one place SQLite failures become Informix errors.
 * Part of ifxlite's SQL engine; knows nothing of the wire. */
#ifndef IFXLITE_SRV_ERRORS_H
#define IFXLITE_SRV_ERRORS_H

#include "srv_sql.h"

#include <stdbool.h>

/* SQLCODEs used by the engine (Informix numbering, finderr). */
enum {
    SRV_E_SYNTAX = -201,          /* A syntax error has occurred. */
    SRV_E_NO_TABLE = -206,        /* The specified table (%s) is not in the database. */
    SRV_E_NOMEM = -208,           /* Memory allocation failed during query processing. */
    SRV_E_NO_COLUMN = -217,       /* Column (%s) not found in any table in the query. */
    SRV_E_HOSTVARS = -254,        /* Too many or too few host variables given. */
    SRV_E_NCOLS = -236,           /* Number of columns in INSERT does not match VALUES. */
    SRV_E_DUP_INDEX = -239,       /* duplicate value in a UNIQUE INDEX column (%s) */
    SRV_E_DELETE = -240,          /* Could not delete a row. */
    SRV_E_POSITION = -243,        /* Could not position within a table (%s). */
    SRV_E_READ = -244,            /* Could not do a physical-order read to fetch next row. */
    SRV_E_NOT_IN_TXN = -255,      /* Not in transaction. */
    SRV_E_NO_TXN = -256,          /* Transaction not available. */
    SRV_E_DUP_CONSTR = -268,      /* Unique constraint (%s) violated. */
    SRV_E_INSERT = -271,          /* Could not insert new row into the table. */
    SRV_E_NCOLS_VIEW = -294,      /* The number of view columns does not match the SELECT. */
    SRV_E_TABLE_EXISTS = -310,    /* Table (%s) already exists in database. */
    SRV_E_NOT_OWNER = -313,       /* Not owner of table (%s). */
    SRV_E_INDEX_EXISTS = -316,    /* Index (%s) already exists in database. */
    SRV_E_AMBIGUOUS = -324,       /* Ambiguous column (%s). */
    SRV_E_COL_EXISTS = -328,      /* Column (%s) already exists in table. */
    SRV_E_DB_EXISTS = -330,       /* Cannot create or rename the database. */
    SRV_E_DB_MISSING = -329,      /* Database not found or no system permission. */
    SRV_E_UPDATE = -346,          /* Could not update a row in the table. */
    SRV_E_NO_DB = -349,           /* Database not selected yet. */
    SRV_E_NOT_OPEN = -400,        /* Fetch attempted on unopen cursor. */
    SRV_E_DB_IN_USE = -425,       /* Database is currently opened by another user. */
    SRV_E_NOT_NULL = -391,        /* Cannot insert a null into column (%s). */
    SRV_E_CHECK = -530,           /* Check constraint (%s) failed. */
    SRV_E_IN_TXN = -535,          /* Already in transaction. */
    SRV_E_NO_FUNC = -674,         /* Routine (%s) can not be resolved. */
    SRV_E_FK_MISSING = -691,      /* Missing key in referenced table for constraint (%s). */
    SRV_E_FK_REFERENCED = -692,   /* Key value for constraint (%s) is still being referenced. */
    SRV_E_NOT_IMPL = -999,        /* Not implemented yet. */
    SRV_E_DIV_ZERO = -1202,       /* An attempt was made to divide by zero. */
    SRV_E_BAD_YEAR = -1204,       /* Invalid year in date. */
    SRV_E_BAD_MONTH = -1205,      /* Invalid month in date. */
    SRV_E_BAD_DAY = -1206,        /* Invalid day in date. */
    SRV_E_CHAR_TO_NUM = -1213,    /* A character to numeric conversion process failed. */
    SRV_E_SMALLINT_RANGE = -1214, /* Value too large to fit in a SMALLINT. */
    SRV_E_INT_RANGE = -1215,      /* Value too large to fit in an INTEGER. */
    SRV_E_DATE_CONV = -1218,      /* String to date conversion error. */
    SRV_E_DEC_OVERFLOW = -1226,   /* Decimal or money value exceeds maximum precision. */
    SRV_E_DT_NONNUM = -1262,      /* Non-numeric character in datetime or interval. */
    SRV_E_DT_RANGE = -1263,       /* A field in a datetime or interval value is incorrect. */
    SRV_E_DT_EXTRA = -1264,       /* Extra characters at the end of a datetime or interval. */
    SRV_E_DT_ARITH = -1266,       /* Intervals or Datetimes are incompatible for the operation. */
    SRV_E_DT_OVERFLOW = -1267,    /* The result of a datetime computation is out of range. */
    SRV_E_STR_TOO_LONG = -1279,   /* Value exceeds string column length. */
    SRV_E_LO = -9810,             /* Smart-large-object error (client files, locators). */
};

/* ISAM codes. */
enum {
    SRV_ISAM_DUP = -100,          /* ISAM error: duplicate value for a record with unique key. */
    SRV_ISAM_LOCKED = -107,       /* ISAM error: record is locked. */
    SRV_ISAM_NO_FILE = -111,      /* ISAM error: no record found. */
    SRV_ISAM_LOCK_TIMEOUT = -154, /* ISAM error: Lock Timeout Expired. */
};

/* Fill err (NULL is allowed: nothing happens). text is the %s insertion, may be NULL. */
void srv_err_set(struct srv_err *err, int sqlcode, int isam, uint32_t offset, const char *text);
void srv_err_clear(struct srv_err *err);

/* Informix's message template for sqlcode ("%s" marks the insertion), or a
 * generic text for codes not in the table. Never NULL. */
const char *srv_err_message(int sqlcode);

/* Errors raised inside SQLite functions travel as the message text
 * "IFX <sqlcode> <isam> <text>". srv_err_encode writes that form; parse reads
 * it back (false when msg is not in that form). */
void srv_err_encode(char *out, size_t cap, int sqlcode, int isam, const char *text);
bool srv_err_parse(const char *msg, struct srv_err *err);

/* What the statement was doing when SQLite failed: picks lock-error codes
 * and foreign-key directions. */
enum srv_err_ctx { SRV_CTX_OTHER, SRV_CTX_SELECT, SRV_CTX_INSERT, SRV_CTX_UPDATE, SRV_CTX_DELETE };

/* Map an SQLite failure (primary/extended rc and sqlite3_errmsg text) to an
 * Informix error, without database lookups (constraint names are resolved by
 * the caller for UNIQUE/FK failures, see srv_sql.c). */
void srv_err_from_sqlite(struct srv_err *err, int rc, int xrc, const char *msg,
                         enum srv_err_ctx ctx, bool nowait);

#endif
