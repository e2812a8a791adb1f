/* SPDX-License-Identifier: MIT */
/* desc.h - ODBC descriptors (ARD, APD, IRD, IPD): header fields, records
 * (record 0 is the bookmark), the field get/set rules and SQLCopyDesc.
 * Implicit descriptors are embedded in their statement; explicit ones are
 * allocated with SQLAllocHandle(SQL_HANDLE_DESC) and listed in their dbc. */
#ifndef IFXODBC_DESC_H
#define IFXODBC_DESC_H

#include <stdbool.h>
#include <stddef.h>

#include "conv.h"
#include "enc.h"
#include "handles.h"

enum desc_kind { DESC_ARD, DESC_APD, DESC_IRD, DESC_IPD };

/* Hard cap on records (columns or parameters) a descriptor holds. */
#define DESC_MAX_RECS 32767

struct desc_rec {
    SQLSMALLINT type;           /* SQL_DESC_TYPE (verbose: SQL_DATETIME / SQL_INTERVAL) */
    SQLSMALLINT concise_type;   /* SQL_DESC_CONCISE_TYPE */
    SQLSMALLINT datetime_sub;   /* SQL_DESC_DATETIME_INTERVAL_CODE */
    SQLINTEGER dt_interval_prec; /* SQL_DESC_DATETIME_INTERVAL_PRECISION */
    SQLLEN octet_length;        /* ARD/APD: BufferLength; IRD/IPD: octet length */
    SQLULEN length;             /* SQL_DESC_LENGTH (ColumnSize for IPD) */
    SQLSMALLINT precision;
    SQLSMALLINT scale;
    SQLSMALLINT num_prec_radix;
    SQLPOINTER data_ptr;        /* ARD/APD */
    SQLLEN *ind_ptr;            /* ARD/APD */
    SQLLEN *octet_length_ptr;   /* ARD/APD */
    SQLSMALLINT parameter_type; /* IPD: SQL_PARAM_INPUT ... */
    SQLSMALLINT nullable;       /* IRD/IPD */
    SQLSMALLINT unnamed;        /* IRD/IPD: SQL_NAMED / SQL_UNNAMED */
    char *name;                 /* IRD/IPD SQL_DESC_NAME, owned UTF-8 (NULL = "") */
    const struct sq_coldesc *col; /* IRD: the described column (borrowed from the
                                   * statement's result); NULL otherwise */
    struct conv_coltype ct;     /* IRD: conv_describe(col) */
};

struct desc {
    struct handle hdr;
    struct dbc *dbc;
    struct link node;           /* dbc's list of explicit descriptors */
    enum desc_kind kind;
    bool is_explicit;
    struct stmt *owner;         /* implicit: the statement it belongs to */
    /* header fields */
    SQLULEN array_size;
    SQLUSMALLINT *array_status_ptr;
    SQLLEN *bind_offset_ptr;
    SQLULEN bind_type;          /* SQL_BIND_BY_COLUMN (0) or row size */
    SQLULEN *rows_processed_ptr;
    SQLSMALLINT count;
    struct desc_rec *recs;      /* recs[0] = bookmark, recs[1..count] */
    SQLSMALLINT cap;            /* allocated records, incl. record 0 */
    struct stmt **users;        /* explicit: statements using it as ARD/APD */
    size_t nusers, cap_users;
};

/* Implicit descriptor embedded in a statement. */
void desc_init(struct desc *d, struct dbc *dbc, enum desc_kind kind, struct stmt *owner);
void desc_fini(struct desc *d);

/* Record n (0..), growing the array and count when create is set. NULL on
 * out of memory or when n > count and !create. */
struct desc_rec *desc_rec(struct desc *d, SQLSMALLINT n, bool create);
/* Set count, freeing records beyond it (unbind). */
void desc_set_count(struct desc *d, SQLSMALLINT n);
/* Reset record to its defaults for the descriptor kind. */
void desc_rec_reset(const struct desc *d, struct desc_rec *r);
/* Set type fields from a concise type (C type for ARD/APD, SQL type for IPD). */
void desc_rec_set_concise(struct desc_rec *r, SQLSMALLINT concise);

/* Size in bytes of one element of a bound C buffer (column-wise stride):
 * the fixed size of the C type, or BufferLength for character/binary. */
SQLLEN desc_c_elem_size(SQLSMALLINT c_type, SQLLEN buffer_len);

/* Kind of a field: 0 unknown, 1 SMALLINT, 2 INTEGER, 3 SQLLEN, 4 SQLULEN,
 * 5 pointer, 6 string. */
int desc_field_kind(SQLSMALLINT field);

/* Field access (SQLGet/SetDescField). String fields are UTF-8 in the driver;
 * `wide` makes the output UTF-16 (BufferLength and *StringLength in bytes). */
SQLRETURN desc_get_field(struct desc *d, struct handle *diag_to, SQLSMALLINT recno,
                         SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buf_len,
                         SQLINTEGER *str_len, bool wide);
SQLRETURN desc_set_field(struct desc *d, struct handle *diag_to, SQLSMALLINT recno,
                         SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buf_len);
SQLRETURN desc_get_rec(struct desc *d, SQLSMALLINT recno, SQLPOINTER name,
                       SQLSMALLINT buf_len, SQLSMALLINT *str_len, SQLSMALLINT *type,
                       SQLSMALLINT *sub, SQLLEN *length, SQLSMALLINT *precision,
                       SQLSMALLINT *scale, SQLSMALLINT *nullable, bool wide);
SQLRETURN desc_set_rec(struct desc *d, SQLSMALLINT recno, SQLSMALLINT type, SQLSMALLINT sub,
                       SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale,
                       SQLPOINTER data, SQLLEN *octet_len_ptr, SQLLEN *ind_ptr);
/* SQLCopyDesc: dst must not be an IRD (HY016). */
SQLRETURN desc_copy(struct desc *src, struct desc *dst);
/* Explicit descriptor use by a statement (so desc_free can detach it). */
bool desc_add_user(struct desc *d, struct stmt *s);
void desc_del_user(struct desc *d, struct stmt *s);

/* Copy a UTF-8 string to an application buffer, narrow or wide; adds 01004 on
 * truncation. Length goes to *len16 or *len32 (either may be NULL), in bytes
 * for narrow and for wide with ENC_UNIT_BYTES, else in characters. */
SQLRETURN out_str(struct handle *h, const char *src, size_t src_len, SQLPOINTER buf,
                  SQLLEN buf_len, SQLSMALLINT *len16, SQLINTEGER *len32, bool wide,
                  enum enc_unit unit);

#endif
