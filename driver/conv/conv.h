/* SPDX-License-Identifier: MIT */
/* conv.h - type conversion layer: how an Informix column looks to ODBC, decoded
 * Informix values (sq_value.h) to SQL_C_* buffers, and SQL_C_* parameters to
 * sq_param. Pure functions: no handles, no locks, no I/O, no diagnostics (the
 * ODBC layer maps enum conv_rc to SQLSTATEs). Depends on sq_value.h's structs
 * and sq_alloc.h only; never calls sq_value.c. */
#ifndef IFXODBC_CONV_H
#define IFXODBC_CONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sql.h>
#include <sqlext.h>

#include "sq_value.h"

/* ---- status ---------------------------------------------------------------
 * Ordered: everything below CONV_OUT_OF_RANGE is a success (possibly with
 * info); everything from CONV_OUT_OF_RANGE on is an error. */
enum conv_rc {
    CONV_OK = 0,
    CONV_TRUNCATED,          /* 01004 string data, right truncated (output side) */
    CONV_FRACTION_TRUNCATED, /* 01S07 fractional truncation */
    CONV_NO_DATA,            /* conv_getdata: everything was returned (SQL_NO_DATA) */
    CONV_OUT_OF_RANGE,       /* 22003 numeric value out of range */
    CONV_INVALID_CHAR,       /* 22018 invalid character value for cast */
    CONV_INVALID_DATETIME,   /* 22007 invalid datetime format */
    CONV_DATETIME_OVERFLOW,  /* 22008 datetime field overflow */
    CONV_INTERVAL_OVERFLOW,  /* 22015 interval field overflow */
    CONV_RIGHT_TRUNC,        /* 22001 string data, right truncated (input side) */
    CONV_UNSUPPORTED,        /* 07006 restricted data type attribute violation */
    CONV_NOMEM,              /* HY001 */
    CONV_NULL_NO_INDICATOR,  /* 22002 indicator variable required but not supplied */
    CONV_INVALID_LENGTH,     /* HY090 invalid string or buffer length (input side) */
    CONV_RC__COUNT
};

const char *conv_rc_name(enum conv_rc rc);     /* "OK", "TRUNCATED", ...; never NULL */
const char *conv_rc_sqlstate(enum conv_rc rc); /* "01004", ...; "00000" for OK/NO_DATA */
static inline bool conv_rc_is_error(enum conv_rc rc)
{
    return rc >= CONV_OUT_OF_RANGE;
}

/* ---- 1. column description (conv_describe.c) ------------------------------
 * Mapping decisions (standard ODBC SQL types only):
 *  - CHAR/NCHAR -> SQL_CHAR, VARCHAR/NVARCHAR -> SQL_VARCHAR (size = max).
 *    Data is UTF-8 on the wire; we report the narrow types and convert to
 *    SQL_C_WCHAR on request (pyodbc reads both families as text).
 *  - LVARCHAR -> SQL_VARCHAR when its declared max is <= 32739 (Informix's
 *    limit, so every declared LVARCHAR), else SQL_LONGVARCHAR. Reporting
 *    LONGVARCHAR for LVARCHAR(2048) would put DBD::ODBC under LongReadLen (80).
 *  - TEXT/CLOB -> SQL_LONGVARCHAR; BYTE/BLOB and other opaque UDTs ->
 *    SQL_LONGVARBINARY.
 *  - SMALLINT -> SQL_SMALLINT, INTEGER/SERIAL -> SQL_INTEGER,
 *    INT8/SERIAL8/BIGINT/BIGSERIAL -> SQL_BIGINT, SMALLFLOAT -> SQL_REAL,
 *    FLOAT -> SQL_DOUBLE, BOOLEAN -> SQL_BIT.
 *  - DECIMAL(p,s)/MONEY(p,s) -> SQL_DECIMAL(p,s). Floating DECIMAL(p) ->
 *    SQL_DECIMAL with column size p and decimal digits 0 (as IBM's driver);
 *    its text form carries every stored digit.
 *  - DATE -> SQL_TYPE_DATE. DATETIME by qualifier: YEAR TO DAY -> SQL_TYPE_DATE;
 *    start >= HOUR -> SQL_TYPE_TIME (size 8, or 9+n with FRACTION(n), decimal
 *    digits n: ODBC allows fractional TIME precision, the C TIME struct then
 *    loses the fraction with 01S07); every other qualifier (YEAR TO SECOND,
 *    YEAR TO FRACTION(n), YEAR TO MONTH, MONTH TO DAY, DAY TO HOUR, ...) ->
 *    SQL_TYPE_TIMESTAMP (size 19, or 20+n), missing leading fields taken from
 *    the current date (Informix EXTEND semantics), missing trailing month/day
 *    = 1 and time fields = 0.
 *  - INTERVAL: year-month family -> SQL_INTERVAL_YEAR/_MONTH/_YEAR_TO_MONTH,
 *    day-time family -> SQL_INTERVAL_DAY ... _MINUTE_TO_SECOND by start/end;
 *    FRACTION ends count as SECOND with n fraction digits.
 *  - Untyped NULL expressions (type 9) -> SQL_VARCHAR(1). */
struct conv_coltype {
    SQLSMALLINT concise_type;      /* SQL_DESC_CONCISE_TYPE, SQLDescribeCol DataType */
    SQLSMALLINT verbose_type;      /* SQL_DESC_TYPE: SQL_DATETIME/SQL_INTERVAL or concise */
    SQLSMALLINT datetime_sub;      /* SQL_DESC_DATETIME_INTERVAL_CODE (SQL_CODE_*), else 0 */
    SQLINTEGER interval_precision; /* SQL_DESC_DATETIME_INTERVAL_PRECISION (leading) */
    SQLULEN column_size;           /* SQLDescribeCol ColumnSize */
    SQLSMALLINT decimal_digits;    /* SQLDescribeCol DecimalDigits */
    SQLLEN display_size;           /* SQL_DESC_DISPLAY_SIZE */
    SQLLEN octet_length;           /* SQL_DESC_OCTET_LENGTH (transfer octet length) */
    SQLLEN length;                 /* SQL_DESC_LENGTH */
    SQLSMALLINT precision;         /* SQL_DESC_PRECISION */
    SQLSMALLINT scale;             /* SQL_DESC_SCALE */
    SQLSMALLINT num_prec_radix;    /* 10, 2 (REAL/DOUBLE) or 0 */
    bool is_unsigned;              /* SQL_DESC_UNSIGNED */
    bool fixed_prec_scale;         /* SQL_DESC_FIXED_PREC_SCALE (MONEY) */
    SQLSMALLINT searchable;        /* SQL_DESC_SEARCHABLE */
    bool case_sensitive;           /* SQL_DESC_CASE_SENSITIVE */
    bool auto_unique;              /* SQL_DESC_AUTO_UNIQUE_VALUE (SERIAL*) */
    SQLSMALLINT c_default;         /* C type that SQL_C_DEFAULT means for this column */
    const char *literal_prefix;    /* SQL_DESC_LITERAL_PREFIX, "" when none */
    const char *literal_suffix;    /* SQL_DESC_LITERAL_SUFFIX, "" when none */
    char type_name[64];            /* SQL_DESC_TYPE_NAME, Informix spelling */
};

/* Describe a column (or a described parameter). CONV_OK, or CONV_UNSUPPORTED
 * for kinds we cannot represent (SQ_K_UNKNOWN, bad qualifier); *out is then
 * still filled as SQL_VARCHAR so callers can describe without failing. */
enum conv_rc conv_describe(const struct sq_coldesc *col, struct conv_coltype *out);

/* Default C type for an ODBC SQL type (SQL_C_DEFAULT resolution for
 * parameters); SQL_C_CHAR for types we do not know. */
SQLSMALLINT conv_default_c_type(SQLSMALLINT sql_type);

/* ---- 2. SQL -> C (conv_to_c.c) ------------------------------------------- */

/* The current date, used where ODBC or Informix fill date fields from it (TIME
 * -> TIMESTAMP, DATETIME MONTH TO DAY ...). conv_today() reads the clock;
 * tests pass a fixed date. */
struct conv_today {
    int year, month, day;
};
void conv_today(struct conv_today *out);

/* Where a value goes. */
struct conv_target {
    SQLSMALLINT c_type;             /* SQL_C_* (SQL_C_DEFAULT resolved from the column) */
    void *buf;                      /* TargetValuePtr; may be NULL (length only) */
    SQLLEN buf_len;                 /* BufferLength; ignored by fixed-size targets */
    SQLSMALLINT num_precision;      /* SQL_C_NUMERIC: ARD precision (0 -> 38) */
    SQLSMALLINT num_scale;          /* SQL_C_NUMERIC: ARD scale */
    SQLSMALLINT interval_frac;      /* SQL_C_INTERVAL_*SECOND: fraction digits (0..9; <0 -> 6) */
    const struct conv_today *today; /* NULL -> conv_today() */
};

/* Room for one piece of c_type data in t's buffer: the bytes it may fill
 * (leaving *term bytes for the terminator: 1 for CHAR, 2 for WCHAR, whose
 * room is kept even), or 0 with NULL when not even the terminator fits (the
 * call then only reports lengths). Returns the buffer to write, or NULL. */
uint8_t *conv_piece_room(const struct conv_target *t, SQLSMALLINT c_type, size_t *avail,
                         size_t *term);

/* Convert one value for SQLBindCol/SQLFetch or a one-shot SQLGetData.
 * *ind (may be NULL) gets SQL_NULL_DATA, the fixed size of the C type, or the
 * full length in bytes of the converted text/binary (before truncation).
 * CHAR targets: UTF-8, NUL-terminated, truncated to buf_len-1 bytes (01004;
 * may split a UTF-8 sequence, as the spec's byte truncation does).
 * WCHAR targets: UTF-16LE, truncated to whole units, never splitting a
 * surrogate pair, 2-byte NUL. Invalid UTF-8 in the source becomes U+FFFD.
 * Numbers never depend on LC_NUMERIC. NULL without ind -> CONV_NULL_NO_INDICATOR.
 * For BYTE/TEXT/BLOB/CLOB the caller puts the large object's data (not the
 * descriptor) into v->u.s. `col` may be NULL (DECIMAL then prints all digits,
 * DATETIME classes follow the value's qualifier). */
enum conv_rc conv_to_c(const struct sq_coldesc *col, const struct sq_value *v,
                       const struct conv_target *t, SQLLEN *ind);

/* Chunked SQLGetData. The state belongs to one (row, column); the caller
 * conv_getdata_reset()s it whenever the row or the column changes. String
 * and binary sources (CHAR ... LVARCHAR, TEXT, BYTE, BLOB, CLOB, UDTs) to
 * SQL_C_CHAR / SQL_C_WCHAR / SQL_C_BINARY come in consecutive pieces: each
 * piece NUL-terminated (CHAR 1 byte, WCHAR 2 bytes, BINARY none), *ind = bytes
 * remaining before this call (never SQL_NO_TOTAL), CONV_TRUNCATED while more
 * remains, CONV_OK for the last piece, CONV_NO_DATA afterwards. WCHAR pieces
 * are whole UTF-16 units and never split a surrogate pair. CHAR pieces may
 * split a UTF-8 sequence (byte stream; pyodbc and others reassemble bytes).
 * Other sources and fixed targets convert once (like conv_to_c), then
 * CONV_NO_DATA. The c_type must stay the same across the calls for one
 * column; a different one gives CONV_UNSUPPORTED. Needs no allocation: it
 * re-reads v, which must stay valid (row arena) between calls. */
struct conv_getdata_state {
    bool started;
    bool done;
    SQLSMALLINT c_type; /* resolved type of the first call */
    size_t src_off;     /* bytes of the source consumed */
    size_t out_off;     /* bytes of output returned */
    size_t out_total;   /* total output bytes (excl. terminator) */
};
void conv_getdata_reset(struct conv_getdata_state *st);
enum conv_rc conv_getdata(struct conv_getdata_state *st, const struct sq_coldesc *col,
                          const struct sq_value *v, const struct conv_target *t, SQLLEN *ind);

/* ---- 3. C -> SQL (conv_from_c.c) ----------------------------------------- */

/* Bytes an sq_param may point to; owned by the caller, reused across calls.
 * conv_from_c writes into it and the param's u.s.p points inside, so the
 * scratch must outlive the param's use (until sq_param_encode). */
struct conv_scratch {
    uint8_t *p;        /* heap storage (NULL until needed) */
    size_t cap;        /* bytes at p */
    uint8_t small[96]; /* used for values up to 96 bytes */
};
void conv_scratch_init(struct conv_scratch *s);
void conv_scratch_fini(struct conv_scratch *s); /* frees heap storage; safe twice */

struct conv_param_in {
    SQLSMALLINT c_type;   /* ValueType (SQL_C_DEFAULT resolved from sql_type) */
    SQLSMALLINT sql_type; /* ParameterType */
    const void *data;     /* ParameterValuePtr with offsets applied */
    SQLLEN octet_len;     /* *StrLen_or_IndPtr: length, SQL_NTS or SQL_NULL_DATA;
                           * pass SQL_NTS when the pointer is NULL */
    SQLLEN buffer_len;    /* BufferLength (only bounds an SQL_NTS scan if > 0) */
    SQLULEN column_size;  /* hint only */
    SQLSMALLINT decimal_digits;
    SQLSMALLINT num_precision;       /* SQL_C_NUMERIC: APD precision (informative) */
    SQLSMALLINT num_scale;           /* SQL_C_NUMERIC: APD scale */
    const struct sq_coldesc *target; /* described target column, may be NULL */
};

/* Build the bind value (PROTOCOL.md "Bind parameters"):
 *  integers -> INTEGER (2, prec 0x0A00) if they fit in i32, else BIGINT
 *  (52, prec 0x1300); SQL_C_DOUBLE -> FLOAT (3), SQL_C_FLOAT -> SMALLFLOAT (4);
 *  text -> VARCHAR (13, prec = length) up to 255 bytes, else CHAR (0, prec 0),
 *  over 65535 bytes CONV_RIGHT_TRUNC; dates -> DATE (7, days); timestamps,
 *  times, SQL_C_NUMERIC, intervals and booleans -> Informix literal text
 *  (doc §9.6 safe fallback). Numeric parameter types validate character
 *  input (22018). A parameter whose SQL type is character gets text. Returns
 *  a success code (OK, FRACTION_TRUNCATED, TRUNCATED) with *out filled, or
 *  an error code with *out unspecified. */
enum conv_rc conv_from_c(const struct conv_param_in *in, struct conv_scratch *scratch,
                         struct sq_param *out);

/* SQ_T_BYTE / SQ_T_TEXT when the parameter is a BYTE/TEXT value (its target
 * column is BYTE/TEXT, or with no described target its SQL type is
 * SQL_LONGVARBINARY / SQL_LONGVARCHAR / SQL_WLONGVARCHAR), else 0. conv_from_c
 * then fills out->u.lob (binary and CHAR-for-TEXT data by reference, WCHAR
 * converted to UTF-8, CHAR-for-BYTE decoded from hex into the scratch). */
uint16_t conv_lob_type(const struct conv_param_in *in);

/* ---- shared helpers (conv_num.c, conv_decimal.c, conv_datetime.c) ---------
 * Used across conv_*.c and by the unit tests; the ODBC layer needs none. */

/* Exact decimal number: value = (-1)^neg * int(d[0..n)) * 10^exp, digits
 * 0..9, no leading or trailing zero digits; n == 0 is zero. */
#define CONV_DNUM_MAX 80
struct conv_dnum {
    bool neg;
    uint8_t n;
    int32_t exp;
    uint8_t d[CONV_DNUM_MAX];
};

/* Parse "[ws][+-]digits[.digits][(e|E)[+-]digits][ws]" (digits on one side of
 * the point suffice). Significant digits beyond CONV_DNUM_MAX are dropped
 * (*lost set when a dropped digit was non-zero; lost may be NULL). False when
 * the text is not a numeric literal or the exponent is absurd (> 100000). */
bool conv_dnum_parse(const char *s, size_t n, struct conv_dnum *out, bool *lost);
void conv_dnum_from_i64(int64_t v, struct conv_dnum *out);
void conv_dnum_from_u64(uint64_t v, struct conv_dnum *out);
/* False for a malformed sq_decimal (digit > 99, ndig > 32). */
bool conv_dnum_from_sq(const struct sq_decimal *d, struct conv_dnum *out);
/* False for NaN/Inf. Uses the shortest round-trip digits. */
bool conv_dnum_from_double(double v, bool is_float, struct conv_dnum *out);
void conv_dnum_from_numeric(const SQL_NUMERIC_STRUCT *ns, struct conv_dnum *out);
/* Integer part within [min, max]: CONV_OK, CONV_FRACTION_TRUNCATED (fraction
 * dropped toward zero), CONV_OUT_OF_RANGE. */
enum conv_rc conv_dnum_to_i64(const struct conv_dnum *x, int64_t min, int64_t max, int64_t *v);
enum conv_rc conv_dnum_to_u64(const struct conv_dnum *x, uint64_t max, uint64_t *v);
/* CONV_OK or CONV_OUT_OF_RANGE (beyond double/float range). */
enum conv_rc conv_dnum_to_double(const struct conv_dnum *x, double *v);
/* Plain text, no exponent. scale < 0: exactly the significant digits;
 * scale >= 0: exactly that many digits after the point, rounded half away
 * from zero. "0" / "0.00" for zero, "-0.5" style. Returns the length needed;
 * writes at most cap bytes including the NUL. */
size_t conv_dnum_to_text(const struct conv_dnum *x, int scale, char *buf, size_t cap);
/* SQL_NUMERIC_STRUCT with the given precision (1..38) and scale (-38..38):
 * dropped fraction digits -> CONV_FRACTION_TRUNCATED (truncation toward
 * zero), more than `precision` digits -> CONV_OUT_OF_RANGE. */
enum conv_rc conv_dnum_to_numeric(const struct conv_dnum *x, int precision, int scale,
                                  SQL_NUMERIC_STRUCT *out);
/* Round to `scale` digits after the point, half away from zero; true if a
 * non-zero digit was dropped. */
bool conv_dnum_round(struct conv_dnum *x, int scale);

/* Shortest text that reads back as the same double (or float when is_float):
 * "3.5", "1e+20", "-0.001", "nan"/"inf" never produced (caller checks).
 * Independent of LC_NUMERIC. Returns the length; writes at most cap incl NUL. */
size_t conv_double_to_text(double v, bool is_float, char *buf, size_t cap);
/* Locale-independent strtod over exactly n bytes; false on junk. */
bool conv_text_to_double(const char *s, size_t n, double *v);

/* Calendar (proleptic Gregorian), days since 1899-12-31 as Informix DATE. */
int64_t conv_days_from_ymd(int year, int month, int day);
void conv_ymd_from_days(int64_t days, int *year, int *month, int *day);
bool conv_date_valid(int year, int month, int day);

/* A point in time as ODBC structs carry it: fraction in nanoseconds. */
struct conv_ts {
    int year, month, day, hour, minute, second;
    uint32_t frac_ns;
};
bool conv_ts_valid(const struct conv_ts *ts);

/* Class of a DATETIME qualifier as ODBC reports it. */
enum conv_dt_class { CONV_DTC_DATE, CONV_DTC_TIME, CONV_DTC_TIMESTAMP };
enum conv_dt_class conv_dt_class_of(uint16_t qual);
/* Fraction digits of a qualifier (0 unless it ends in FRACTION(n)). */
int conv_qual_frac_digits(uint16_t qual);
/* DATETIME value -> full timestamp, fields outside the qualifier defaulted. */
void conv_dt_to_ts(const struct sq_dt *dt, const struct conv_today *today, struct conv_ts *ts);

/* Parse ODBC/Informix literal text: "yyyy-mm-dd", "hh:mm:ss[.f...]",
 * "yyyy-mm-dd hh:mm:ss[.f...]" (1..9 fraction digits; a trailing ':' form
 * "yyyy-mm-dd hh:mm" is accepted). *has_date / *has_time say which parts were
 * present. CONV_OK, CONV_INVALID_CHAR (not a literal) or CONV_INVALID_DATETIME
 * (fields out of range, e.g. month 13). */
enum conv_rc conv_parse_ts(const char *s, size_t n, struct conv_ts *ts, bool *has_date,
                           bool *has_time);
/* "yyyy-mm-dd hh:mm:ss" + '.' + frac_digits digits (0..9) of frac_ns.
 * Returns the length; writes at most cap incl NUL. */
size_t conv_ts_to_text(const struct conv_ts *ts, bool date, bool time, int frac_digits, char *buf,
                       size_t cap);

/* An interval as ODBC sees it: fields by SQL_IS_* code, fraction in ns. */
struct conv_ival {
    SQLINTERVAL code; /* SQL_IS_YEAR ... SQL_IS_MINUTE_TO_SECOND */
    bool neg;
    uint64_t year, month, day, hour, minute, second;
    uint32_t frac_ns;
};
/* SQL_IS_* code for an Informix INTERVAL qualifier; 0 if invalid. */
SQLINTERVAL conv_ival_code_of(uint16_t qual);
/* First and last field (SQ_DT_YEAR .. SQ_DT_SECOND) of an SQL_IS_* code. */
bool conv_ival_fields(SQLINTERVAL code, int *first, int *last);
/* Informix INTERVAL value -> conv_ival with the qualifier's own code. */
bool conv_ival_from_dt(const struct sq_dt *dt, struct conv_ival *out);
/* Re-express in another code of the same family: CONV_OK,
 * CONV_FRACTION_TRUNCATED (trailing fields dropped), CONV_UNSUPPORTED (other
 * family), CONV_INTERVAL_OVERFLOW (leading field over 2^32-1). */
enum conv_rc conv_ival_convert(const struct conv_ival *in, SQLINTERVAL code, struct conv_ival *out);
/* ODBC interval value text: "[-]2-06", "[-]12 03:04:05.12345" (leading field
 * unpadded, the others 2 digits, frac_digits fraction digits when the code
 * has SECOND). Returns the length; writes at most cap incl NUL. */
size_t conv_ival_to_text(const struct conv_ival *iv, int frac_digits, char *buf, size_t cap);
/* Parse that value text for a given code (no INTERVAL keyword, no quotes).
 * CONV_OK, CONV_INVALID_CHAR, CONV_INTERVAL_OVERFLOW (a field out of range). */
enum conv_rc conv_ival_parse(const char *s, size_t n, SQLINTERVAL code, struct conv_ival *out);

/* UTF-8 <-> UTF-16LE. Invalid UTF-8 bytes decode as U+FFFD (one per byte). */
/* Decode one code point at s[0..n) (n > 0); returns bytes consumed (>= 1). */
size_t conv_utf8_next(const uint8_t *s, size_t n, uint32_t *cp);
/* UTF-16 code units needed for the UTF-8 text. */
size_t conv_utf16_units(const uint8_t *s, size_t n);
/* Append the UTF-8 form of cp (<= 4 bytes) to out; returns bytes written. */
size_t conv_utf8_put(uint32_t cp, uint8_t *out);

#endif
