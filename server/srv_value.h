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
