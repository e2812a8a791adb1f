/* SPDX-License-Identifier: MIT */
/* diag.h - diagnostic records (style.md rule 4): a list per handle, SQLSTATEs
 * from one designated-initializer table keyed by enum diag_state, and the
 * single mapping points from core (sq_rc), conversion (conv_rc) and server
 * (SQLCODE via diag_map.c) errors. Only diag.c writes a record list. */
#ifndef IFXODBC_DIAG_H
#define IFXODBC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include <sql.h>
#include <sqlext.h>

enum diag_state {
    DIAG_01000, DIAG_01001, DIAG_01002, DIAG_01003, DIAG_01004, DIAG_01006, DIAG_01S00,
    DIAG_01S01, DIAG_01S02, DIAG_01S06, DIAG_01S07, DIAG_01S08, DIAG_07002, DIAG_07005,
    DIAG_07006, DIAG_07009, DIAG_07S01, DIAG_08001, DIAG_08002, DIAG_08003, DIAG_08004,
    DIAG_08007, DIAG_08S01, DIAG_21S01, DIAG_21S02, DIAG_22001, DIAG_22002, DIAG_22003,
    DIAG_22007, DIAG_22008, DIAG_22012, DIAG_22015, DIAG_22018, DIAG_22019, DIAG_22025,
    DIAG_22026, DIAG_23000, DIAG_24000, DIAG_25000, DIAG_25S01, DIAG_25S02, DIAG_25S03,
    DIAG_28000, DIAG_34000, DIAG_3C000, DIAG_3D000, DIAG_3F000, DIAG_40001, DIAG_40003,
    DIAG_42000, DIAG_42S01, DIAG_42S02, DIAG_42S11, DIAG_42S12, DIAG_42S21, DIAG_42S22,
    DIAG_44000, DIAG_HY000, DIAG_HY001, DIAG_HY003, DIAG_HY004, DIAG_HY007, DIAG_HY008,
    DIAG_HY009, DIAG_HY010, DIAG_HY011, DIAG_HY012, DIAG_HY013, DIAG_HY014, DIAG_HY015,
    DIAG_HY016, DIAG_HY017, DIAG_HY018, DIAG_HY019, DIAG_HY020, DIAG_HY021, DIAG_HY024,
    DIAG_HY090, DIAG_HY091, DIAG_HY092, DIAG_HY095, DIAG_HY096, DIAG_HY097, DIAG_HY098,
    DIAG_HY099, DIAG_HY100, DIAG_HY101, DIAG_HY103, DIAG_HY104, DIAG_HY105, DIAG_HY106,
    DIAG_HY107, DIAG_HY109, DIAG_HY110, DIAG_HY111, DIAG_HYC00, DIAG_HYT00, DIAG_HYT01,
    DIAG_IM001, DIAG_IM002, DIAG_IM008, DIAG_IM017,
    DIAG__COUNT
};

struct diag_state_info {
    const char *state3; /* ODBC 3.x SQLSTATE */
    const char *state2; /* ODBC 2.x SQLSTATE (S1xxx ...) */
    const char *text;   /* default message text */
};
/* The table, indexed by enum diag_state; every entry is filled (unit-tested). */
extern const struct diag_state_info diag_states[DIAG__COUNT];

struct diag_rec {
    char state[6];          /* SQLSTATE as reported (ODBC 3 or 2 form per env) */
    SQLINTEGER native;      /* Informix SQLCODE, or 0 for driver errors */
    char *msg;              /* full text with "[ifxodbc][...]" prefix; owned */
    SQLLEN row;             /* SQL_DIAG_ROW_NUMBER */
    SQLINTEGER col;         /* SQL_DIAG_COLUMN_NUMBER */
    bool from_server;       /* class/subclass origin: "ISO 9075" vs "ODBC 3.0" decided from state */
};

/* Per-handle diagnostics. Header fields: SQL_DIAG_RETURNCODE (rc),
 * SQL_DIAG_ROW_COUNT, SQL_DIAG_CURSOR_ROW_COUNT, SQL_DIAG_DYNAMIC_FUNCTION(_CODE). */
struct diag {
    struct diag_rec *recs;
    size_t n, cap;
    SQLRETURN rc;
    SQLLEN row_count;
    SQLLEN cursor_row_count;
    const char *dynamic_function; /* static string, "" when none */
    SQLINTEGER dynamic_function_code;
    bool odbc2;                   /* report ODBC 2 SQLSTATEs (env's ODBC version is 2) */
};

struct handle;
struct sq_conn;

void diag_init(struct diag *d);
void diag_fini(struct diag *d);
void diag_clear(struct diag *d);

/* Append a record with a driver-originated message "[ifxodbc][SQLI]<text>"
 * (fmt NULL -> the state's default text). Returns SQL_ERROR, or
 * SQL_SUCCESS_WITH_INFO for class 01 states. On out of memory the record is
 * dropped but the return code still says what happened. */
SQLRETURN diag_add(struct handle *h, enum diag_state st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Same with row and column numbers (SQL_DIAG_ROW_NUMBER / COLUMN_NUMBER). */
SQLRETURN diag_add_at(struct handle *h, enum diag_state st, SQLLEN row, SQLINTEGER col,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Server error: SQLSTATE from diag_map (SQLCODE), native = SQLCODE, message
 * "[ifxodbc][Informix]<standard text> (ISAM <isam>)" built with sq_errtext(). */
SQLRETURN diag_add_server(struct handle *h, int sqlcode, int isam, const char *param);
/* Core failure (enum sq_rc, as int to keep sq headers out) -> SQLSTATE:
 * IO/PROTOCOL/BROKEN 08S01, TIMEOUT HYT00, CANCELLED HY008, NOMEM HY001,
 * SERVER via diag_add_server from sq_conn_server_error(conn), REJECTED 28000
 * (-951) or 08001 (others), UNSUPPORTED HYC00, MISUSE HY000 (driver bug). */
SQLRETURN diag_from_sq(struct handle *h, struct sq_conn *conn, int sq_rc);
/* Conversion outcome (enum conv_rc as int) -> 01004, 01S07, 22003, ... or
 * SQL_SUCCESS for OK. */
SQLRETURN diag_from_conv(struct handle *h, int conv_rc, SQLLEN row, SQLINTEGER col);

/* Combine return codes of several steps: ERROR > SUCCESS_WITH_INFO > SUCCESS. */
SQLRETURN diag_merge_rc(SQLRETURN a, SQLRETURN b);

/* ---- read side (SQLGetDiagRec / SQLGetDiagField; never modifies) -------- */
/* Record recno (1-based), or NULL when out of range. Valid until the list
 * changes (the caller holds the handle's lock). */
const struct diag_rec *diag_rec_at(const struct diag *d, SQLSMALLINT recno);
/* SQL_DIAG_CLASS_ORIGIN / SQL_DIAG_SUBCLASS_ORIGIN of a record ("ISO 9075" or
 * "ODBC 3.0"); static strings. */
const char *diag_class_origin(const struct diag_rec *r);
const char *diag_subclass_origin(const struct diag_rec *r);

#endif
