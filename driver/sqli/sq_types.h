/* SPDX-License-Identifier: MIT */
/* sq_types.h - Informix column type codes (SQ_T_*), flag bits and qualifier
 * helpers (§9.1, §9.2). Constants and pure arithmetic only: shared by the
 * driver core and ifxlite. Never reuse IBM CSDK names (they clash with ODBC). */
#ifndef IFXODBC_SQ_TYPES_H
#define IFXODBC_SQ_TYPES_H

#include <stdint.h>

#define SQ_T_CHAR 0
#define SQ_T_SMALLINT 1
#define SQ_T_INTEGER 2
#define SQ_T_FLOAT 3
#define SQ_T_SMALLFLOAT 4
#define SQ_T_DECIMAL 5
#define SQ_T_SERIAL 6
#define SQ_T_DATE 7
#define SQ_T_MONEY 8
#define SQ_T_NULL 9
#define SQ_T_DATETIME 10
#define SQ_T_BYTE 11
#define SQ_T_TEXT 12
#define SQ_T_VARCHAR 13
#define SQ_T_INTERVAL 14
#define SQ_T_NCHAR 15
#define SQ_T_NVARCHAR 16
#define SQ_T_INT8 17
#define SQ_T_SERIAL8 18
#define SQ_T_SET 19
#define SQ_T_MULTISET 20
#define SQ_T_LIST 21
#define SQ_T_ROW 22
#define SQ_T_COLLECTION 23
#define SQ_T_ROWREF 24
#define SQ_T_UDTVAR 40   /* variable-length opaque: LVARCHAR (xname "lvarchar") */
#define SQ_T_UDTFIXED 41 /* fixed-length opaque: BOOLEAN, BLOB (xid 10), CLOB (xid 11) */
#define SQ_T_LVARCHAR_CLIENT 43 /* client-side code; servers describe LVARCHAR as 40 */
#define SQ_T_BOOLEAN_CLIENT 45  /* client-side code; used in binds */
#define SQ_T_BIGINT 52
#define SQ_T_BIGSERIAL 53

#define SQ_T_BASE(t) ((uint16_t)((t)&0x00FFu))

/* Flag bits in the high byte of the type (syscolumns.coltype [D]). */
#define SQ_TF_NOTNULL 0x0100u
#define SQ_TF_HOSTVAR 0x0200u
#define SQ_TF_NETFLT 0x0400u
#define SQ_TF_DISTINCT 0x0800u
#define SQ_TF_NAMEDROW 0x1000u
#define SQ_TF_DISTLVARCHAR 0x2000u
#define SQ_TF_DISTBOOLEAN 0x4000u
#define SQ_TF_CLIENTCOLL 0x8000u

/* Extended type ids (sysxtdtypes): 10/11 are [C]; 1/5 are [U] (usual numbering). */
#define SQ_XID_LVARCHAR 1
#define SQ_XID_BOOLEAN 5
#define SQ_XID_BLOB 10
#define SQ_XID_CLOB 11

/* Sizes on the wire. */
#define SQ_BLOB_DESCRIPTOR_SIZE 56 /* BYTE/TEXT in a row */
#define SQ_LO_LOCATOR_SIZE 72      /* BLOB/CLOB in a row */

/* Time units (datetime.h [D]). */
#define SQ_TU_YEAR 0
#define SQ_TU_MONTH 2
#define SQ_TU_DAY 4
#define SQ_TU_HOUR 6
#define SQ_TU_MINUTE 8
#define SQ_TU_SECOND 10
#define SQ_TU_FRAC 12 /* FRACTION as a start field */
#define SQ_TU_F1 11
#define SQ_TU_F2 12
#define SQ_TU_F3 13
#define SQ_TU_F4 14
#define SQ_TU_F5 15

#define SQ_TU_END(q) ((unsigned)(q)&0xFu)
#define SQ_TU_START(q) (((unsigned)(q) >> 4) & 0xFu)
#define SQ_TU_LEN(q) (((unsigned)(q) >> 8) & 0xFFu)
#define SQ_TU_ENCODE(len, s, e) ((uint16_t)(((len) << 8) | ((s) << 4) | (e)))
/* DATETIME qualifier: digits = (4 if YEAR else 2) + (end - start). */
#define SQ_TU_DTENCODE(s, e) SQ_TU_ENCODE(((e) - (s) + ((s) == SQ_TU_YEAR ? 4 : 2)), s, e)
/* INTERVAL qualifier: digits = leading precision + (end - start). */
#define SQ_TU_IENCODE(lead, s, e) SQ_TU_ENCODE(((lead) + (e) - (s)), s, e)

/* DECIMAL/MONEY encoded_length = (p << 8) | s, s = 0xFF for floating DECIMAL(p). */
#define SQ_DEC_PREC(len) (((unsigned)(len) >> 8) & 0xFFu)
#define SQ_DEC_SCALE(len) ((unsigned)(len)&0xFFu)
#define SQ_DEC_FLOATING 0xFFu
/* Bytes of a stored decimal: DECLEN(p, s) = (p + (s & 1) + 3) / 2 (CSDK [C]). */
#define SQ_DECLEN(p, s) (((unsigned)(p) + ((unsigned)(s)&1u) + 3u) / 2u)

/* VARCHAR encoded_length = (min_space << 8) + max_size. */
#define SQ_VC_MAX(len) ((unsigned)(len)&0xFFu)
#define SQ_VC_MIN(len) (((unsigned)(len) >> 8) & 0xFFu)

/* DATE: days since 1899-12-31 (day 0). */
#define SQ_DATE_EPOCH_YEAR 1899

#endif
