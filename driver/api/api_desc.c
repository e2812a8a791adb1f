/* SPDX-License-Identifier: MIT */
/* api_desc.c - ANSI descriptor entry points: SQLGetDescField,
 * SQLSetDescField, SQLGetDescRec, SQLSetDescRec, SQLCopyDesc. Shims over
 * desc.c; strings are UTF-8. */
#include <sql.h>
#include <sqlext.h>

#include "desc.h"
#include "stmt.h"

#define API __attribute__((visibility("default")))

API SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                      SQLPOINTER value, SQLINTEGER buf_len, SQLINTEGER *str_len)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d field=%d", (int)rec, (int)field);
    return desc_leave(d, desc_get_field(d, &d->hdr, rec, field, value, buf_len, str_len, false));
}

API SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                      SQLPOINTER value, SQLINTEGER buf_len)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d field=%d", (int)rec, (int)field);
    SQLRETURN rc;
    if (desc_field_kind(field) == 6 && value) {
        struct str v = STR_INIT;
        rc = enc_rc_diag(&d->hdr, enc_from_narrow(value, buf_len, &v));
        if (SQL_SUCCEEDED(rc))
            rc = desc_set_field(d, &d->hdr, rec, field, v.p, (SQLINTEGER)v.len);
        str_fini(&v);
    } else {
        rc = desc_set_field(d, &d->hdr, rec, field, value, buf_len);
    }
    return desc_leave(d, rc);
}

API SQLRETURN SQL_API SQLGetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLCHAR *name,
                                    SQLSMALLINT buf_len, SQLSMALLINT *str_len, SQLSMALLINT *type,
                                    SQLSMALLINT *sub, SQLLEN *length, SQLSMALLINT *precision,
                                    SQLSMALLINT *scale, SQLSMALLINT *nullable)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d", (int)rec);
    return desc_leave(d, desc_get_rec(d, rec, name, buf_len, str_len, type, sub, length,
                                      precision, scale, nullable, false));
}

API SQLRETURN SQL_API SQLSetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT type,
                                    SQLSMALLINT sub, SQLLEN length, SQLSMALLINT precision,
                                    SQLSMALLINT scale, SQLPOINTER data, SQLLEN *octet_len,
                                    SQLLEN *ind)
{
    struct desc *d = desc_enter(h, ENTER_CLEAR_DIAG);
    if (!d)
        return SQL_INVALID_HANDLE;
    ODBC_LOG_ARGS(&d->hdr, "rec=%d type=%d", (int)rec, (int)type);
    return desc_leave(d, desc_set_rec(d, rec, type, sub, length, precision, scale, data,
                                      octet_len, ind));
}

API SQLRETURN SQL_API SQLCopyDesc(SQLHDESC src, SQLHDESC dst)
{
    struct desc *t = desc_enter(dst, ENTER_CLEAR_DIAG);
    if (!t)
        return SQL_INVALID_HANDLE;
    /* both belong to one connection (one lock): the source is checked, not locked again */
    struct desc *s = src;
    if (!s || desc_handle(s)->magic != HANDLE_MAGIC_DESC || s->dbc != t->dbc)
        return desc_leave(t, s && desc_handle(s)->magic == HANDLE_MAGIC_DESC
                                 ? diag_add(&t->hdr, DIAG_HY024, "descriptors of different "
                                                                 "connections")
                                 : SQL_INVALID_HANDLE);
    return desc_leave(t, desc_copy(s, t));
}
