/* SPDX-License-Identifier: MIT */
/* sq_value.h - Informix values on the client side: how wide a column value is
 * in a row, decoding it into a typed view, formatting it as Informix literal
 * text, and encoding bind parameters (§9.3-§9.6). Pure functions: no I/O, no
 * allocation, no ODBC. ifxlite has its own, independent codecs (server/). */
#ifndef IFXODBC_SQ_VALUE_H
#define IFXODBC_SQ_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "sq_rc.h"

/* What a column really is, resolved from (type, extended id, extended name). */
enum sq_kind {
    SQ_K_UNKNOWN = 0,
    SQ_K_CHAR,
    SQ_K_NCHAR,
    SQ_K_VARCHAR,
    SQ_K_NVARCHAR,
    SQ_K_LVARCHAR, /* UDTVAR 40 "lvarchar" (and client code 43) */
    SQ_K_SMALLINT,
    SQ_K_INTEGER,
    SQ_K_SERIAL,
    SQ_K_INT8,
    SQ_K_SERIAL8,
    SQ_K_BIGINT,
    SQ_K_BIGSERIAL,
    SQ_K_SMALLFLOAT,
    SQ_K_FLOAT,
    SQ_K_DECIMAL,
    SQ_K_MONEY,
    SQ_K_DATE,
    SQ_K_DATETIME,
    SQ_K_INTERVAL,
    SQ_K_BOOLEAN, /* UDTFIXED 41 "boolean" (and client code 45) */
    SQ_K_BYTE,    /* 56-byte descriptor in the row */
    SQ_K_TEXT,    /* 56-byte descriptor in the row */
    SQ_K_BLOB,    /* UDTFIXED, xid 10: 72-byte locator */
    SQ_K_CLOB,    /* UDTFIXED, xid 11: 72-byte locator */
    SQ_K_UDTVAR,  /* other variable-length opaque type: raw bytes */
    SQ_K_UDTFIXED, /* other fixed-length opaque type: raw bytes */
    SQ_K_NULLTYPE, /* type 9: untyped NULL expression */
    SQ_K_COLLECTION, /* SET/MULTISET/LIST (19-21), ROW (22, named 0x1000|22), COLLECTION
                      * (23): u8 null flag, u32 length, the Informix text form
                      * ("SET{1,2}", "ROW(1,'a')"), PROTOCOL.md "Collections" */
    SQ_K__COUNT
};

/* A column as described by SQ_DESCRIBE (or a parameter slot). */
struct sq_coldesc {
    const char *name;    /* NUL-terminated; owned by whoever built the descriptor */
    uint16_t type;       /* raw type from the wire, flags included */
    uint32_t xid;        /* extended type id (0 for built-ins) */
    const char *xname;   /* extended type name, "" for built-ins */
    uint32_t enc_len;    /* encoded_length (§9.2) */
    uint32_t source_type;
    enum sq_kind kind;   /* sq_kind_resolve() of the above */
    bool nullable;       /* !(type & SQ_TF_NOTNULL) */
    /* Row-invariant facts precomputed by sq_coldesc_resolve() so that sizing and
     * decoding a value does not re-derive them per row. They are trusted only
     * while kind, type and enc_len still equal the pre_* copies taken when they
     * were computed; a zeroed descriptor (pre_wclass SQ_WC_GENERAL) or one
     * changed after resolving simply takes the general path. */
    uint8_t pre_wclass;      /* enum sq_wclass: how the width in a row is found */
    uint8_t pre_dt_ok;       /* DATETIME/INTERVAL: 1 if the layout below is valid */
    uint8_t pre_dt_first;    /* SQ_DT_* of the first field */
    uint8_t pre_dt_last;     /* SQ_DT_* of the last non-FRACTION field */
    uint8_t pre_dt_lead_w;   /* decimal digits of the leading field */
    uint8_t pre_dt_idig;     /* integer digits I of the qualifier */
    uint8_t pre_dt_fdig;     /* fraction digits F of the qualifier */
    enum sq_rc pre_wrc;      /* SQ_WC_ERROR: what sq_value_width() answers */
    uint32_t pre_width;      /* SQ_WC_FIXED: bytes of every value */
    enum sq_kind pre_kind;   /* kind, type and enc_len the facts were computed from */
    uint16_t pre_type;
    uint32_t pre_enc_len;
};

/* How a column's width in a row is found (struct sq_coldesc pre_wclass). */
enum sq_wclass {
    SQ_WC_GENERAL = 0, /* not precomputed: the general computation */
    SQ_WC_FIXED,       /* always pre_width bytes */
    SQ_WC_U8LEN,       /* VARCHAR/NVARCHAR: u8 length, then that many bytes */
    SQ_WC_UDT,         /* u8 null flag, u32 length, then that many bytes */
    SQ_WC_ERROR        /* never sizeable: sq_value_width() returns pre_wrc */
};

/* True when the precomputed facts of `col` may be used (see above). */
static inline bool sq_coldesc_pre_ok(const struct sq_coldesc *col)
{
    return col->pre_wclass != SQ_WC_GENERAL && col->pre_kind == col->kind &&
           col->pre_type == col->type && col->pre_enc_len == col->enc_len;
}

/* Resolve the kind of a column; SQ_K_UNKNOWN for codes we cannot read
 * (collections, ROW, ...), which makes a row with such a column unreadable. */
enum sq_kind sq_kind_resolve(uint16_t type, uint32_t xid, const char *xname);
/* "set", "multiset", "list", "row" or "collection" for a SQ_K_COLLECTION type code. */
const char *sq_collection_name(uint16_t type);
const char *sq_kind_name(enum sq_kind k); /* "INTEGER", "DATETIME", ...; never NULL */

/* Fill desc->kind and desc->nullable from the raw fields, and the pre_* facts
 * (width class, fixed width, DATETIME/INTERVAL digit layout). */
void sq_coldesc_resolve(struct sq_coldesc *desc);

/* Exact decimal: value = sign * 0.d[0] d[1] ... d[n-1] * 100^exp, base-100
 * digits, normalised (d[0] != 0) unless n == 0, which is zero. */
struct sq_decimal {
    int8_t sign;     /* +1 or -1 */
    int16_t exp;     /* base-100 exponent */
    uint8_t ndig;    /* significant base-100 digits, <= SQ_MAX_DEC_DIGITS */
    uint8_t dig[32]; /* 0..99 each */
};

/* DATETIME or INTERVAL, split into fields by the qualifier. Fields outside the
 * qualifier are 0. For an INTERVAL only the leading field may exceed its usual
 * range, and `neg` gives the sign of the whole value. */
enum { SQ_DT_YEAR, SQ_DT_MONTH, SQ_DT_DAY, SQ_DT_HOUR, SQ_DT_MINUTE, SQ_DT_SECOND, SQ_DT_FRAC };
struct sq_dt {
    uint16_t qual;  /* encoded qualifier (digits << 8 | start << 4 | end) */
    bool neg;       /* INTERVAL only */
    int64_t f[7];   /* indexed by SQ_DT_*; f[SQ_DT_FRAC] is in units of 10^-5 second */
};

/* A decoded value. Views (s.p) point into the row they were decoded from and
 * are valid as long as that row is. */
struct sq_value {
    enum sq_kind kind;
    bool is_null;
    union {
        int64_t i;           /* SMALLINT, INTEGER, SERIAL, INT8, SERIAL8, BIGINT, BIGSERIAL,
                              * DATE (days since 1899-12-31), BOOLEAN (0/1) */
        double f;            /* SMALLFLOAT (widened), FLOAT */
        struct {
            const uint8_t *p;
            size_t n;
        } s;                 /* CHAR/NCHAR (blank padded, as sent), VARCHAR, NVARCHAR, LVARCHAR,
                              * other UDTs, BYTE/TEXT descriptor (56), BLOB/CLOB locator (72) */
        struct sq_decimal dec; /* DECIMAL, MONEY */
        struct sq_dt dt;       /* DATETIME, INTERVAL */
    } u;
};

/* Bytes this column's value takes in a row starting at p (avail bytes left in
 * the row). SQ_RC_OK and *width; SQ_RC_PROTOCOL if the value runs past avail or
 * a length is over a limit; SQ_RC_UNSUPPORTED for kinds we cannot size. */
enum sq_rc sq_value_width(const struct sq_coldesc *col, const uint8_t *p, size_t avail,
                          size_t *width);

/* Decode exactly one value of n bytes (as sized by sq_value_width). */
enum sq_rc sq_value_decode(const struct sq_coldesc *col, const uint8_t *p, size_t n,
                           struct sq_value *out);

/* Informix literal text of a value, as DB-Access prints it:
 *   integers plain; FLOAT/SMALLFLOAT shortest round-trip form ("3.5", "1e+20");
 *   DECIMAL/MONEY exact, with the column's scale when fixed ("12.50");
 *   DATE "YYYY-MM-DD"; DATETIME "YYYY-MM-DD hh:mm:ss.fffff" restricted to the
 *   qualifier's fields; INTERVAL "-12 03:04:05" style; BOOLEAN "t"/"f";
 *   CHAR as sent (blank padded); NULL as "" (callers check is_null).
 * `col` may be NULL (then DECIMAL prints all its digits). Writes at most cap
 * bytes including a NUL; returns the full length needed (like snprintf). */
size_t sq_value_format(const struct sq_coldesc *col, const struct sq_value *v, char *buf,
                       size_t cap);

/* ---- DECIMAL / MONEY (§9.4), pure ---- */

/* Decode the stored form (n bytes). An all-zero first byte is NULL (*is_null). */
enum sq_rc sq_dec_from_wire(const uint8_t *p, size_t n, struct sq_decimal *d, bool *is_null);
/* Encode into exactly n bytes (n = DECLEN of the column); digits beyond n-1
 * bytes are rounded half away from zero; SQ_RC_PROTOCOL if the exponent does
 * not fit (value too large for the stored form). */
enum sq_rc sq_dec_to_wire(const struct sq_decimal *d, uint8_t *p, size_t n);
/* Parse "[-+]digits[.digits][e[-+]digits]", no locale. SQ_RC_PROTOCOL on bad text
 * or more than 64 significant decimal digits. */
enum sq_rc sq_dec_from_text(const char *s, size_t n, struct sq_decimal *d);
/* Plain decimal text, no exponent. scale < 0: as many digits as stored (no
 * trailing zeros after the point); scale >= 0: exactly that many, rounded half
 * away from zero. Returns the length needed, writes at most cap bytes incl NUL. */
size_t sq_dec_to_text(const struct sq_decimal *d, int scale, char *buf, size_t cap);
/* Round to `scale` decimal digits after the point (half away from zero). */
void sq_dec_round(struct sq_decimal *d, int scale);
double sq_dec_to_double(const struct sq_decimal *d);
enum sq_rc sq_dec_from_double(double v, struct sq_decimal *d); /* 17 significant digits */
enum sq_rc sq_dec_from_int(int64_t v, struct sq_decimal *d);
/* Integer part if it fits in int64 and the value has no fraction; else PROTOCOL. */
enum sq_rc sq_dec_to_int(const struct sq_decimal *d, int64_t *v);

/* ---- DATE ---- */
int64_t sq_date_from_ymd(int year, int month, int day); /* days since 1899-12-31 */
void sq_date_to_ymd(int64_t days, int *year, int *month, int *day);
bool sq_date_valid(int year, int month, int day);

/* ---- DATETIME / INTERVAL (§9.4) ----
 * Digit alignment (protocol doc §17.4, [U]): the decimal point sits after the
 * qualifier's last non-FRACTION field (so YEAR TO DAY 2024-06-15 is
 * 0.20 24 06 15 x 100^4); FRACTION digits follow the point. The rule is
 * written down once, in sq_dt.c. Width in a row: 1 + ceil(I/2) + ceil(F/2). */
size_t sq_dt_width(uint16_t qual);
bool sq_dt_qual_valid(uint16_t qual, bool interval);
enum sq_rc sq_dt_from_wire(uint16_t qual, bool interval, const uint8_t *p, size_t n,
                           struct sq_dt *dt, bool *is_null);
enum sq_rc sq_dt_to_wire(const struct sq_dt *dt, bool interval, uint8_t *p, size_t n);
/* Parse literal text for the qualifier: DATETIME "2024-06-15 12:34:56.12345"
 * (only the qualifier's fields, fraction may have fewer digits); INTERVAL
 * "[-]12 03:04:05.5" / "[-]2-06". SQ_RC_PROTOCOL on bad text or range. */
enum sq_rc sq_dt_from_text(uint16_t qual, bool interval, const char *s, size_t n,
                           struct sq_dt *dt);
size_t sq_dt_to_text(const struct sq_dt *dt, bool interval, char *buf, size_t cap);

/* ---- INT8 / SERIAL8 (10 bytes: i16 sign, u32 low, u32 high; §9.4) ---- */
enum sq_rc sq_int8_from_wire(const uint8_t *p, size_t n, int64_t *v, bool *is_null);
void sq_int8_to_wire(int64_t v, bool is_null, uint8_t out[10]);

/* ---- bind parameters (§9.6) ---- */
struct sq_param {
    uint16_t type;   /* SQ_T_* code sent in the block */
    uint16_t prec;   /* sent as is */
    bool is_null;    /* indicator -1, no value bytes */
    union {
        int64_t i;   /* SMALLINT, INTEGER, BIGINT, INT8, DATE days, BOOLEAN 0/1 */
        double f;    /* FLOAT, SMALLFLOAT */
        struct {
            const uint8_t *p;
            size_t n;
        } s;         /* CHAR / VARCHAR text (str16 on the wire); UDTFIXED: a 72-byte
                      * smart-LOB locator, prec = SQ_XID_BLOB / SQ_XID_CLOB */
        struct sq_decimal dec; /* DECIMAL, MONEY (prec = (p << 8) | s) */
        struct sq_dt dt;       /* DATETIME, INTERVAL (prec = qualifier) */
        struct {
            const uint8_t *p; /* the value when it is in memory, or NULL: the caller
                               * streams it (sq_blob.h, sq_lobexec_*) */
            uint64_t n;       /* total bytes (the descriptor's size field) */
        } lob;                 /* BYTE, TEXT: a 56-byte descriptor in the BIND block, the
                                * data after SQ_BBIND as SQ_BLOB chunks (doc §9.7) */
    } u;
};

/* BYTE/TEXT descriptor fields (sq_blob.c; tblob_t layout, see sq_blob.h):
 * write a client-side descriptor (everything 0 except tb_size at 16..19),
 * read tb_size, and the NULL flag (tb_flags 0x0001, byte 39). */
void sq_blob_desc_write(uint8_t out[56], uint32_t size);
uint32_t sq_blob_desc_size(const uint8_t d[56]);
bool sq_blob_desc_is_null(const uint8_t d[56]);

/* Append one parameter block: u16 type, i16 indicator, u16 prec, value, pad.
 * SQ_RC_MISUSE for a type we cannot send; SQ_RC_NOMEM on buffer failure. */
enum sq_rc sq_param_encode(struct sq_buf *out, const struct sq_param *p);

#endif
