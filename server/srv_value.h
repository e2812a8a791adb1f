/* SPDX-License-Identifier: MIT */
/* srv_value.h - ifxlite's own value codecs: canonical text (srv_sql.h) <->
 * Informix wire forms (doc §9.4-§9.6) for DECIMAL/MONEY, DATE, DATETIME,
 * INTERVAL, INT8, BOOLEAN, strings; row encoding per column type; bind
 * parameter blocks -> struct srv_val. Written independently of the driver's
 * value code (never shared, so one misreading cannot pass both sides' tests).
 * Pure functions; no I/O, no engine calls. */
#ifndef IFXLITE_SRV_VALUE_H
#define IFXLITE_SRV_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sq_buf.h"
#include "srv_sql.h"

/* Informix codes returned by the conversions below (0 = success). */
#define SRV_E_DEC_OVERFLOW (-1226) /* decimal or money value exceeds maximum precision */
#define SRV_E_DT_BADVALUE (-1262)  /* non-numeric character in datetime or interval */
#define SRV_E_BADDATE (-1205)      /* invalid month/day/year in a date */
#define SRV_E_CONVERT (-1260)      /* cannot convert between the specified types */
#define SRV_E_BADTYPE (-1260)      /* type the row encoder does not know */
#define SRV_E_LO_BIND (-9810)      /* smart-LOB locator the session must resolve */

/* ---- DATE: i32 days since 1899-12-31 ---- */
/* "YYYY-MM-DD" (years 1..9999; other years printed as digits). out >= 16 bytes. */
void srv_date_to_text(int32_t days, char out[16]);
/* Parse "YYYY-MM-DD" (month/day checked). 0 or SRV_E_BADDATE. */
int srv_date_from_text(const char *s, size_t n, int32_t *days);

/* ---- INT8 / SERIAL8: i16 sign (1, -1, 0 = NULL), u32 low word, u32 high word ---- */
void srv_int8_put(uint8_t out[10], int64_t v, bool is_null);
/* False if the bytes are not a valid INT8 (magnitude over 2^63). */
bool srv_int8_get(const uint8_t in[10], int64_t *v, bool *is_null);

/* ---- DECIMAL / MONEY stored form (§9.4) ---- */
/* Bytes of DECIMAL(p,s) in a row: DECLEN. */
size_t srv_dec_width(uint32_t enc_len);
/* Encode text ("-12.5", "1e3", "  7 ") into `width` bytes for (p,s) of enc_len,
 * rounding half away from zero to the scale (floating: p significant digits).
 * 0, SRV_E_CONVERT (syntax) or SRV_E_DEC_OVERFLOW. */
int srv_dec_from_text(const char *s, size_t n, uint32_t enc_len, uint8_t *out, size_t width);
/* Decode n stored bytes to plain text ("-42.125", "0"). *is_null when byte 0 is
 * 0. 0 or SRV_E_CONVERT (bad digit byte, text does not fit in outsz). */
int srv_dec_to_text(const uint8_t *b, size_t n, char *out, size_t outsz, bool *is_null);

/* Canonical text (srv_sql.h) of a DECIMAL/MONEY with a fixed scale from the
 * REAL or INTEGER SQLite stores for it, without the general digit-string path
 * (the engine's fetch path). For a double, only when it is the double nearest
 * to a decimal of at most 15 significant digits and at most `scale` fraction
 * digits: that decimal is then exactly what "%.15g" prints (DBL_DIG), and the
 * text is the one rounding to the scale and formatting would give, e.g.
 * "-12.50" for -12.5 at scale 2. Returns the length, or 0 when the fast form
 * does not apply (floating scale, scale > 22, more digits, NaN, too small cap):
 * the caller then takes the general path. */
size_t srv_dec_text_from_double(double v, unsigned scale, char *out, size_t cap);
/* The same for an integer ("-7.00" for -7 at scale 2; scale <= 64). */
size_t srv_dec_text_from_int(int64_t v, unsigned scale, char *out, size_t cap);
/* The same for exact TEXT storage in plain "[-]digits[.digits]" form (at most
 * 64 digits) that needs no rounding to the scale: "007.5" -> "7.50" at scale
 * 2, "-0.000" -> "0.00". 0 for anything else (blanks, '+', exponents, digits
 * to round away, floating scale). */
size_t srv_dec_text_to_scale(const char *s, size_t n, unsigned scale, char *out, size_t cap);

/* ---- DATETIME / INTERVAL (qualifier = encoded_length) ---- */
/* Bytes in a row: 1 + ceil(I/2) + ceil(F/2); 0 for an invalid qualifier. */
size_t srv_dt_width(uint32_t qual);
/* Encode canonical text ("2026-06-20 12:34:56", "12 03:04:05", "-1-06") per the
 * qualifier, normalised (decimal point after the last non-FRACTION field).
 * 0 or SRV_E_DT_BADVALUE. */
int srv_dt_from_text(const char *s, size_t n, uint32_t qual, bool is_interval, uint8_t *out,
                     size_t width);
/* Decode stored bytes to canonical text per the qualifier. 0 or SRV_E_DT_BADVALUE. */
int srv_dt_to_text(const uint8_t *b, size_t n, uint32_t qual, bool is_interval, char *out,
                   size_t outsz, bool *is_null);

/* ---- Rows (§9.3-§9.5) ---- */
/* Largest wire size of a value of this column (DESCRIBE tuple_size/start_pos). */
size_t srv_val_max_width(const struct srv_col *c);
/* Append the column value's wire form (NULL markers per §9.5). 0, or an
 * Informix error code (conversion failed; the buffer is then unchanged). */
int srv_val_encode(struct sq_buf *b, const struct srv_col *c, const struct srv_val *v);

/* ---- Bind parameters (§9.6) ---- */
struct srv_bparam {
    uint16_t type; /* base type code as sent */
    int16_t ind;   /* 0 value, -1 NULL */
    uint16_t prec;
    const uint8_t *data; /* string bytes / fixed bytes / stored decimal bytes */
    size_t len;
};
#define SRV_BIND_SCRATCH 320
/* Turn a decoded block into the engine's canonical value. Text made here (DATE,
 * DECIMAL, DATETIME) lives in scratch, so v is valid while scratch and the
 * block are. 0 or an Informix error code. */
int srv_bparam_to_val(const struct srv_bparam *p, struct srv_val *v,
                      char scratch[SRV_BIND_SCRATCH]);

#endif
