/* SPDX-License-Identifier: MIT */
/* stmt.h - the ODBC statement: state (ODBC 3 S1..S12 as a data table in
 * stmt_state.c), prepared server statement, cursor, bindings through the
 * four descriptors, chunked SQLGetData, parameter arrays and data at
 * execution, and the in-memory "local result set" used by SQLGetTypeInfo
 * (and later the catalog functions). Caller of every function holds the
 * connection lock (handles.h); nothing here locks. */
#ifndef IFXODBC_STMT_H
#define IFXODBC_STMT_H

#include <stdbool.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "charset_odbc.h"
#include "conv.h"
#include "desc.h"
#include "enc.h"
#include "handles.h"
#include "sq_result.h"

/* ODBC 3 statement states (Appendix B). S7 (SQLExtendedFetch) is unused. */
enum stmt_state {
    STMT_S1 = 1, /* allocated */
    STMT_S2,     /* prepared, no result set */
    STMT_S3,     /* prepared, result set */
    STMT_S4,     /* executed, no result set */
    STMT_S5,     /* cursor open, not positioned */
    STMT_S6,     /* cursor positioned (SQLFetch/SQLFetchScroll) */
    STMT_S7,
    STMT_S8,     /* need data (SQLParamData next) */
    STMT_S9,     /* must put (SQLPutData next) */
    STMT_S10,    /* can put */
    STMT_S11,    /* executing (another thread) */
    STMT_S12     /* cancelled */
};

/* Functions whose legality depends on the state (stmt_state.c). */
enum stmt_fn {
    FN_PREPARE, FN_EXECUTE, FN_EXECDIRECT, FN_FETCH, FN_GETDATA, FN_NUMRESULTCOLS,
    FN_DESCRIBECOL, FN_COLATTRIBUTE, FN_ROWCOUNT, FN_CLOSECURSOR, FN_FREESTMT,
    FN_PARAMDATA, FN_PUTDATA, FN_MORERESULTS, FN_NUMPARAMS, FN_DESCRIBEPARAM,
    FN_BIND, FN_SETATTR, FN_GETATTR, FN_CATALOG, FN_CURSORNAME, FN__COUNT
};

/* Outcome of a state check. */
enum stmt_verdict { SV_OK = 0, SV_HY010, SV_24000, SV_07005, SV_HY109 };
enum stmt_verdict stmt_state_check(enum stmt_fn fn, enum stmt_state st, bool prepared);
/* Check and add the diagnostic: SQL_SUCCESS when allowed, else SQL_ERROR. */
SQLRETURN stmt_check(struct stmt *s, enum stmt_fn fn);

/* In-memory result set (SQLGetTypeInfo, catalog functions later). Cells are
 * decoded values (sq_value); strings are owned by the set. */
struct lrs {
    size_t ncols, nrows, cap_rows;
    struct sq_coldesc *cols;    /* names owned */
    struct sq_value *cells;     /* nrows * ncols */
    char **strs;                /* owned string storage */
    size_t nstrs, cap_strs;
};
struct lrs *lrs_new(size_t ncols);
void lrs_free(struct lrs *r);
/* Column i: name and Informix type (SQ_T_VARCHAR with max length, SMALLINT,
 * INTEGER). */
bool lrs_col(struct lrs *r, size_t i, const char *name, uint16_t type, uint32_t enc_len,
             bool nullable);
/* Append a row of NULLs; returns its index or (size_t)-1 on out of memory. */
size_t lrs_add_row(struct lrs *r);
bool lrs_set_str(struct lrs *r, size_t row, size_t col, const char *s); /* NULL -> NULL */
void lrs_set_int(struct lrs *r, size_t row, size_t col, int64_t v);
void lrs_set_null(struct lrs *r, size_t row, size_t col);

/* One parameter's data-at-execution buffer. */
struct dae_buf {
    uint8_t *p;
    size_t len, cap;
    bool is_null;
    bool given;    /* SQLPutData was called at least once */
    bool lob_stream; /* a BYTE/TEXT value whose SQLPutData pieces go to the wire (stmt_lob.c) */
    bool lob_spool;  /* a BYTE/TEXT value of unknown length: SQLPutData pieces go to `spool` */
    void *spool;     /* FILE * of an anonymous temporary file, or NULL */
    uint16_t lob_type; /* SQ_T_BYTE / SQ_T_TEXT of a spooled value */
    bool lob_smart;    /* its target column is a BLOB/CLOB: sent as a locator made by
                        * filetoblob/filetoclob (stmt_smartlob.c) */
    uint8_t locator[72]; /* that locator, while the parameter refers to it */
    bool text_raw;     /* SQL_C_BINARY data: a TEXT/CLOB value keeps its bytes as given */
    uint64_t app_len;  /* bytes SQLPutData gave for a spooled value (UTF-16 ones included) */
    uint8_t wcarry[3]; /* SQL_C_WCHAR spooled: a code unit or surrogate cut by the piece */
    uint8_t wcarry_n;
    bool xcoded;       /* the spool was converted to the database code set */
};

/* A smart large object's data as lotofile delivered it (stmt_smartlob.c):
 * in memory up to a limit, then in an anonymous temporary file. */
struct lob_spool {
    uint8_t *mem;
    size_t mem_n, mem_cap;
    void *file;  /* FILE *, or NULL */
    uint64_t n;  /* bytes delivered */
    uint64_t rd; /* bytes read back */
    bool failed; /* a write to the spool failed */
};

/* BYTE/TEXT value being returned by SQLGetData (stmt_lob.c). */
struct lob_rd {
    bool active;        /* col/row_no below name the value */
    bool finished;      /* everything returned: SQL_NO_DATA next */
    bool opened;        /* our SQ_FETCHBLOB stream is (or was) the connection's */
    bool src_done;      /* the stream's end was read */
    SQLUSMALLINT col;
    int64_t row_no;     /* stmt rows_fetched when started */
    SQLSMALLINT c_type;
    uint8_t kind;       /* conversion (stmt_lob.c) */
    uint64_t serial;    /* sq_blob_serial of our stream */
    uint64_t total;     /* bytes of the value (descriptor) */
    uint64_t consumed;  /* source bytes converted */
    uint64_t emitted;   /* output bytes returned */
    uint64_t received;  /* source bytes received from the current stream */
    uint64_t skip;      /* source bytes to drop from a re-opened stream */
    bool hex_pend;      /* the low hex digit of a consumed byte is still to return */
    uint8_t hex_lo;
    uint8_t desc[56];
    uint8_t *buf;       /* unconverted source: at most one chunk + a partial sequence */
    size_t buf_off, buf_n, buf_cap;
    bool smart;           /* a BLOB/CLOB: the source is sp, filled by lotofile */
    struct lob_spool sp;
    bool xcode;           /* TEXT/CLOB in a non-UTF-8 database: each chunk is converted
                           * to UTF-8 (xc) before buf; total then counts source bytes
                           * and the remaining output length is unknown */
    struct lob_xcode xc;
};

/* BYTE/TEXT parameters being sent (stmt_lob.c). */
struct lob_wr {
    bool begun;      /* the group's SQ_BIND went out; sq_lobexec_* in progress */
    size_t next;     /* next parameter (0-based) whose value is to be sent */
    size_t cur;      /* 1-based parameter the application is streaming, 0 none */
    uint64_t put, declared;
};

struct stmt {
    struct handle hdr;          /* must be first */
    struct dbc *dbc;
    struct link node;           /* in dbc's statement list */
    enum stmt_state state;
    bool prepared;              /* by SQLPrepare (re-executable) vs SQLExecDirect */
    bool returns_rows;          /* prepared statement produces a result set */
    struct sq_stmt *sq;         /* server statement, NULL when none */
    struct str sql;             /* translated SQL text of the current statement */
    size_t nmarkers;            /* '?' in sql */
    /* cursor */
    const struct sq_row *row;   /* current row (S6), borrowed from sq */
    struct lrs *local;          /* local result set instead of sq, or NULL */
    size_t local_pos;           /* next local row index */
    bool at_end;                /* NO_DATA reached */
    int64_t rows_fetched;       /* rows fetched from the current cursor */
    SQLLEN row_count;           /* SQLRowCount */
    /* SQLGetData */
    SQLUSMALLINT gd_col;        /* column of the last SQLGetData (0 = none) */
    struct conv_getdata_state gd;
    struct lob_rd lob;          /* BYTE/TEXT column being read */
    struct lob_wr lobw;         /* BYTE/TEXT parameters being written */
    /* descriptors */
    struct desc ard_impl, apd_impl, ird, ipd;
    struct desc *ard, *apd;
    /* attributes */
    SQLULEN cursor_type, concurrency, max_rows, query_timeout, max_length, keyset_size;
    SQLULEN noscan, retrieve_data, use_bookmarks, async_enable, cursor_scrollable;
    SQLULEN cursor_sensitivity, simulate_cursor, row_number;
    SQLULEN metadata_id; /* SQL_ATTR_METADATA_ID set on the statement, or STMT_METADATA_ID_DBC */
    SQLULEN *ard_rows_fetched_save;
    /* scrollable (STATIC) cursors, stmt_fetch.c: positions are the server's
     * 1-based TUPIDs; the client never counts rows itself. */
    bool scroll;                /* the open cursor is a server scroll cursor */
    bool rs_after_end;          /* the rowset is "after end" */
    int64_t rs_start;           /* first row of the current rowset (0 = before start) */
    SQLULEN rs_rows;            /* rows in the current rowset */
    SQLULEN rs_size;            /* rowset size of the fetch that made it (FETCH_NEXT) */
    int64_t rs_last;            /* last row of the result once known, -1 unknown */
    SQLULEN setpos_row;         /* SQLSetPos(SQL_POSITION) row in the rowset, 1-based */
    SQLULEN cursor_hold;        /* SQL_IFX_ATTR_CURSOR_HOLD (include/sqlifx.h) */
    /* Values generated by the statement's last executed INSERT (its last
     * parameter set): SQ_DONE's serial and rowid, SQ_INSERTDONE's SERIAL8
     * and BIGSERIAL; 0 when none (SQL_GET_SERIAL_VALUE ..., include/sqlifx.h). */
    int64_t last_serial, last_serial8, last_bigserial, last_rowid;
    SQLPOINTER fetch_bookmark;  /* SQL_ATTR_FETCH_BOOKMARK_PTR */
    char cursor_name[130];
    bool cursor_name_set;
    /* parameters: scratch reused across executions (no per-row allocation) */
    struct sq_param *params;
    struct conv_scratch *scratch;
    size_t params_cap;
    /* parameter targets: for INSERT ... VALUES, the described target columns
     * (a SELECT of them prepared once, never executed); see stmt_params.c */
    struct sq_stmt *ptarget;
    int32_t *ptarget_map;       /* marker i -> column of ptarget, -1 = unknown */
    bool ptarget_tried;
    bool ptarget_insert;        /* targets of INSERT ... VALUES (also used to convert) */
    /* data at execution */
    struct dae_buf *dae;        /* one per parameter (params_cap) */
    size_t dae_param;           /* 1-based parameter being put (0 = none yet) */
    SQLULEN dae_row;            /* parameter set row being executed */
    bool dae_direct;            /* the statement came from SQLExecDirect */
    SQLRETURN exec_rc;          /* accumulated rc of a parameter array run */
    SQLRETURN exec_rc_lob;      /* rc of building the set whose BYTE/TEXT data are streaming */
    _Atomic(struct sq_conn *) running_wire; /* set while a server call runs (SQLCancel) */
    atomic_bool cancelled;      /* the running call was interrupted: HY008 */
};

/* stmt.c */
/* Map an enc_rc of an argument conversion: SQL_SUCCESS or SQL_ERROR + diag. */
SQLRETURN enc_rc_diag(struct handle *h, enum enc_rc e);
/* SQLCancel without the lock: interrupts a running call on another thread
 * (true), or false when nothing runs (then cancel under the lock). */
bool stmt_cancel_running(SQLHSTMT h);
/* Bracket one server call on wire w that SQLCancel may interrupt: call_begin
 * publishes w (and forgets any earlier cancel); call_end withdraws it and
 * turns r into SQ_RC_CANCELLED when a cancel reached this call (the
 * connection is then broken), so a cancel is never charged to a later call. */
void stmt_call_begin(struct stmt *s, struct sq_conn *w);
enum sq_rc stmt_call_end(struct stmt *s, enum sq_rc r);
SQLRETURN stmt_set_attr(struct stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len);
/* SQL_ATTR_METADATA_ID in effect: the statement's own value once set on it,
 * else the connection's current value. */
#define STMT_METADATA_ID_DBC ((SQLULEN)-1)
bool stmt_metadata_id(const struct stmt *s);
SQLRETURN stmt_get_attr(struct stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buf_len,
                        SQLINTEGER *str_len);
SQLRETURN stmt_free_stmt(struct stmt *s, SQLUSMALLINT option);
SQLRETURN stmt_close_cursor(struct stmt *s, bool strict);
SQLRETURN stmt_cancel(struct stmt *s);
SQLRETURN stmt_set_cursor_name(struct stmt *s, const struct str *name);
SQLRETURN stmt_get_cursor_name(struct stmt *s, SQLPOINTER buf, SQLSMALLINT buf_len,
                               SQLSMALLINT *len, bool wide);
/* State after the cursor closed: S3/S2 when prepared, else S1. */
void stmt_to_closed_state(struct stmt *s);
/* Map a core failure to a diagnostic (HY008 after SQLCancel). */
SQLRETURN stmt_wire_error(struct stmt *s, enum sq_rc rc);
/* Drop the result (cursor, local set, current row); keeps the prepared statement. */
void stmt_reset_cursor(struct stmt *s);
/* Release the server statement and forget the SQL text (state S1). */
void stmt_unprepare(struct stmt *s);
/* Fill the IRD from the prepared statement or the local set. */
SQLRETURN stmt_build_ird(struct stmt *s);
/* Serve a local result set (takes ownership): state S5, IRD from its columns. */
SQLRETURN stmt_attach_local(struct stmt *s, struct lrs *r);

/* stmt_exec.c */
/* SQL_ATTR_QUERY_TIMEOUT: set (arm) and clear (disarm) the connection's
 * per-call deadline around the server calls of one ODBC call; no-ops when the
 * timeout is 0 or the statement has no connection. */
void stmt_deadline_arm(struct stmt *s);
void stmt_deadline_disarm(struct stmt *s);
SQLRETURN stmt_prepare(struct stmt *s, const struct str *sql);
SQLRETURN stmt_execute(struct stmt *s);
SQLRETURN stmt_exec_direct(struct stmt *s, const struct str *sql);
SQLRETURN stmt_param_data(struct stmt *s, SQLPOINTER *token);
SQLRETURN stmt_put_data(struct stmt *s, SQLPOINTER data, SQLLEN len);
SQLRETURN stmt_row_count(struct stmt *s, SQLLEN *count);
SQLRETURN stmt_more_results(struct stmt *s);
SQLRETURN stmt_num_params(struct stmt *s, SQLSMALLINT *n);
SQLRETURN stmt_describe_param(struct stmt *s, SQLUSMALLINT n, SQLSMALLINT *type,
                              SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable);
/* SQLNativeSql on a connection. */
SQLRETURN native_sql(struct handle *h, const struct str *in, SQLPOINTER out, SQLINTEGER out_len,
                     SQLINTEGER *len, bool wide);

/* stmt_lob.c: BYTE/TEXT columns and parameters (docs/large-objects.md) */
bool stmt_lob_is_col(const struct sq_coldesc *cd);
void stmt_lob_rd_reset(struct stmt *s);
void stmt_lob_free(struct stmt *s);
/* SQLGetData of a BYTE/TEXT column (chunked across calls). */
SQLRETURN stmt_lob_getdata(struct stmt *s, SQLUSMALLINT col, const struct sq_coldesc *cd,
                           const struct sq_value *v, const struct conv_target *t, SQLLEN *ind);
/* A bound BYTE/TEXT column at fetch time: one piece, the rest dropped. */
SQLRETURN stmt_lob_bound(struct stmt *s, SQLUSMALLINT col, const struct sq_coldesc *cd,
                         const struct sq_value *v, const struct conv_target *t, SQLLEN *ind,
                         SQLLEN diag_row);
/* Send BYTE/TEXT parameter values (see stmt_lob.c); SQL_NEED_DATA when the
 * application streams the next one, else SQL_SUCCESS with *r the outcome
 * (or SQL_ERROR with a diagnostic: nothing was executed). */
SQLRETURN stmt_lob_step(struct stmt *s, size_t n, enum sq_rc *r);
/* SQLPutData of a streamed BYTE/TEXT parameter. */
SQLRETURN stmt_lob_put(struct stmt *s, const void *data, SQLLEN len);
/* End a half-sent BYTE/TEXT group without executing it (cancel, free). */
void stmt_lob_abandon(struct stmt *s);
/* SQLPutData of a spooled BYTE/TEXT parameter (length not declared). */
SQLRETURN stmt_lob_spool_put(struct stmt *s, struct dae_buf *b, const void *data, size_t n);
/* The same for SQL_C_WCHAR pieces of a TEXT/CLOB value: spooled as UTF-8;
 * final: the value is complete (a cut unit left over becomes U+FFFD). */
SQLRETURN stmt_lob_spool_put_wide(struct stmt *s, struct dae_buf *b, const void *data, size_t n,
                                  bool final);
/* Close a parameter's spool file. */
void stmt_lob_spool_close(struct dae_buf *b);
/* BLOB/CLOB data cannot be moved yet (docs/large-objects.md): true, with
 * HYC00, for a non-NULL smart-LOB value; a NULL one is left to the caller. */
/* stmt_smartlob.c: BLOB/CLOB data through lotofile / filetoblob (sq_file.h). */
/* Read the object named by locator (a row's 72 bytes) into sp (emptied
 * first): SQL_SUCCESS, or SQL_ERROR with a diagnostic. */
SQLRETURN stmt_smartlob_fetch(struct stmt *s, const struct sq_coldesc *cd,
                              const uint8_t *locator, struct lob_spool *sp);
/* Up to cap further bytes of sp into buf (*got = 0 at its end). */
SQLRETURN stmt_smartlob_pull(struct stmt *s, struct lob_spool *sp, uint8_t *buf, size_t cap,
                             size_t *got);
void stmt_lob_spool_free(struct lob_spool *sp);
/* Turn every built BYTE/TEXT parameter whose target is a BLOB/CLOB column
 * into the locator of a new object holding its data (one filetoblob /
 * filetoclob each). SQL_SUCCESS or SQL_ERROR with a diagnostic. */
SQLRETURN stmt_smartlob_params(struct stmt *s, size_t n);
/* Any parameter of the statement a BYTE/TEXT value (by types and targets)? */
bool stmt_params_have_lob(struct stmt *s, size_t n);

/* stmt_params.c */
SQLRETURN stmt_bind_param(struct stmt *s, SQLUSMALLINT n, SQLSMALLINT io, SQLSMALLINT c_type,
                          SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits,
                          SQLPOINTER data, SQLLEN buf_len, SQLLEN *ind);
/* Make room for n parameters in the scratch arrays. */
bool stmt_params_reserve(struct stmt *s, size_t n);
/* Described target column of parameter i (0-based) of an INSERT ... VALUES,
 * used to convert the parameter; NULL when unknown. Never costs a round trip
 * for other statements. */
const struct sq_coldesc *stmt_param_target(struct stmt *s, size_t i);
/* The column parameter i is compared with or assigned to, for
 * SQLDescribeParam: INSERT ... VALUES targets, and for single-table SELECT,
 * UPDATE and DELETE the column of "col <op> ?" / "SET col = ?"; NULL when
 * unknown. */
const struct sq_coldesc *stmt_param_describe_target(struct stmt *s, size_t i);
void stmt_param_targets_free(struct stmt *s);
/* Build the sq_params of parameter set `row`. Returns SQL_NEED_DATA (with
 * s->dae_param set to the first DAE parameter without data) when a
 * data-at-execution parameter still needs its data, SQL_SUCCESS(_WITH_INFO)
 * when all params are built, SQL_ERROR with a diagnostic otherwise. */
SQLRETURN stmt_params_build(struct stmt *s, SQLULEN row, size_t n);
/* Address of a bound buffer for row `row` of a parameter or column array. */
void *desc_elem_ptr(const struct desc *d, const struct desc_rec *r, void *base, SQLULEN row,
                    SQLLEN elem_size);
/* True when parameter rec at row is data-at-execution. */
bool stmt_param_is_dae(const struct stmt *s, const struct desc_rec *r, SQLULEN row);
void stmt_dae_reset(struct stmt *s);

/* Application length/indicator cells may be unaligned (pyodbc packs the
 * indicator right after each value in its parameter rows): copy bytes. */
static inline SQLLEN len_load(const SQLLEN *p)
{
    SQLLEN v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void len_store(SQLLEN *p, SQLLEN v)
{
    memcpy(p, &v, sizeof v);
}

/* stmt_fetch.c */
SQLRETURN stmt_bind_col(struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                        SQLLEN buf_len, SQLLEN *ind);
SQLRETURN stmt_fetch(struct stmt *s, SQLSMALLINT orientation, SQLLEN offset);
/* SQLExtendedFetch (ODBC 2): SQLFetchScroll with its own row count and
 * status array instead of the IRD's. */
SQLRETURN stmt_extended_fetch(struct stmt *s, SQLUSMALLINT orientation, SQLLEN offset,
                              SQLULEN *rows, SQLUSMALLINT *status);
/* SQLSetPos: SQL_POSITION only (read-only cursors). */
SQLRETURN stmt_set_pos(struct stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock);
/* True when a statement of the connection has SQL_IFX_ATTR_CURSOR_HOLD on
 * (stmt.c; SQLGetInfo(SQL_CURSOR_COMMIT_BEHAVIOR) answers from it). */
bool stmt_any_hold(struct dbc *dbc);
/* sq_stmt_open() flags for the statement's cursor attributes. */
unsigned stmt_cursor_flags(const struct stmt *s);
SQLRETURN stmt_get_data(struct stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                        SQLLEN buf_len, SQLLEN *ind);
SQLRETURN stmt_num_result_cols(struct stmt *s, SQLSMALLINT *n);
SQLRETURN stmt_describe_col(struct stmt *s, SQLUSMALLINT col, SQLPOINTER name,
                            SQLSMALLINT buf_len, SQLSMALLINT *name_len, SQLSMALLINT *type,
                            SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable,
                            bool wide);
SQLRETURN stmt_col_attribute(struct stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                             SQLPOINTER str, SQLSMALLINT buf_len, SQLSMALLINT *str_len,
                             SQLLEN *num, bool wide);

/* typeinfo.c */
SQLRETURN stmt_get_type_info(struct stmt *s, SQLSMALLINT sql_type);

#endif
