/* SPDX-License-Identifier: MIT */
/* sq_limits.h - named caps checked against every count or length read from the
 * wire before it sizes an allocation or a loop. Shared with ifxlite. */
#ifndef IFXODBC_SQ_LIMITS_H
#define IFXODBC_SQ_LIMITS_H

#define SQ_MAX_COLUMNS 32767u           /* Informix allows 32K columns per table */
#define SQ_MAX_PARAMS 32767u
#define SQ_MAX_ROW_SIZE (64u << 20)     /* a TUPLE over 64 MiB is refused */
#define SQ_MAX_SQL_SIZE (64u << 20)     /* SQL text */
#define SQ_MAX_NAME 256u                /* identifiers, cursor names */
#define SQ_MAX_STRTAB (8u << 20)        /* DESCRIBE string table */
#define SQ_MAX_LOGIN_PDU 65535u         /* u16 pdu_size */
#define SQ_MAX_ENV_VARS 256u
#define SQ_MAX_PROTO_MASK 64u           /* SQ_PROTOCOLS mask bytes accepted */
#define SQ_MAX_ERRTEXT 4096u
#define SQ_MAX_LVARCHAR (32u << 20)     /* a UDT value in a row */
#define SQ_MAX_DEC_DIGITS 32u           /* base-100 digit bytes in a decimal */
#define SQ_LVARCHAR_MAX_DECL 32739u     /* Informix's LVARCHAR limit */
#define SQ_DEFAULT_FETCH_BUF 65536u     /* NFETCH buffer size */

#endif
