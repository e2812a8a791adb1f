/* SPDX-License-Identifier: MIT */
/* sq_value.c - client-side value codecs (protocol core, driver/sqli): column
 * kinds, value widths in a row, decoding into struct sq_value, literal text,
 * DATE and INT8 helpers, and SQ_BIND parameter blocks (doc §9.3-§9.6).
 * DECIMAL lives in sq_dec.c, DATETIME/INTERVAL in sq_dt.c. Pure: no I/O, no
 * allocation, no locale, no ODBC. ifxlite has its own codecs. */
#include "sq_value.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sq_internal.h"
#include "sq_limits.h"
#include "sq_rd.h"
#include "sq_types.h"
#include "sq_wr.h"

/* ---- kinds ---- */

static bool name_is(const char *xname, const char *want)
{
    if (!xname)
        return false;
    for (; *xname && *want; xname++, want++) {
        char c = *xname;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != *want)
            return false;
    }
    return *xname == '\0' && *want == '\0';
}

/* Base code in the low byte, flags in the high byte (doc §9.1). The two
 * DISTINCT-of flags name the built-in opaque type they wrap, whatever the base. */
enum sq_kind sq_kind_resolve(uint16_t type, uint32_t xid, const char *xname)
{
    uint16_t base = SQ_T_BASE(type);

    if (type & SQ_TF_DISTLVARCHAR)
        return SQ_K_LVARCHAR;
    if (type & SQ_TF_DISTBOOLEAN)
        return SQ_K_BOOLEAN;
    switch (base) {
    case SQ_T_CHAR:
        return SQ_K_CHAR;
    case SQ_T_SMALLINT:
        return SQ_K_SMALLINT;
    case SQ_T_INTEGER:
        return SQ_K_INTEGER;
    case SQ_T_FLOAT:
        return SQ_K_FLOAT;
    case SQ_T_SMALLFLOAT:
        return SQ_K_SMALLFLOAT;
    case SQ_T_DECIMAL:
        return SQ_K_DECIMAL;
    case SQ_T_SERIAL:
        return SQ_K_SERIAL;
    case SQ_T_DATE:
        return SQ_K_DATE;
    case SQ_T_MONEY:
        return SQ_K_MONEY;
    case SQ_T_NULL:
        return SQ_K_NULLTYPE;
    case SQ_T_DATETIME:
        return SQ_K_DATETIME;
    case SQ_T_BYTE:
        return SQ_K_BYTE;
    case SQ_T_TEXT:
        return SQ_K_TEXT;
    case SQ_T_VARCHAR:
        return SQ_K_VARCHAR;
    case SQ_T_INTERVAL:
        return SQ_K_INTERVAL;
    case SQ_T_NCHAR:
        return SQ_K_NCHAR;
    case SQ_T_NVARCHAR:
        return SQ_K_NVARCHAR;
    case SQ_T_INT8:
        return SQ_K_INT8;
    case SQ_T_SERIAL8:
        return SQ_K_SERIAL8;
    case SQ_T_UDTVAR:
        /* xid 1 is [U] (usual numbering); the name is the cross-check. */
        if (name_is(xname, "lvarchar") || xid == SQ_XID_LVARCHAR)
            return SQ_K_LVARCHAR;
        return SQ_K_UDTVAR;
    case SQ_T_UDTFIXED:
        /* A non-empty known name wins over the id; ids 10/11 are [C], 5 is [U]. */
        if (name_is(xname, "boolean"))
            return SQ_K_BOOLEAN;
        if (name_is(xname, "blob"))
            return SQ_K_BLOB;
        if (name_is(xname, "clob"))
            return SQ_K_CLOB;
        if (xid == SQ_XID_BOOLEAN)
            return SQ_K_BOOLEAN;
        if (xid == SQ_XID_BLOB)
            return SQ_K_BLOB;
        if (xid == SQ_XID_CLOB)
            return SQ_K_CLOB;
        return SQ_K_UDTFIXED;
    case SQ_T_LVARCHAR_CLIENT:
        return SQ_K_LVARCHAR;
    case SQ_T_BOOLEAN_CLIENT:
        return SQ_K_BOOLEAN;
    case SQ_T_BIGINT:
        return SQ_K_BIGINT;
    case SQ_T_BIGSERIAL:
        return SQ_K_BIGSERIAL;
    case SQ_T_SET:
    case SQ_T_MULTISET:
    case SQ_T_LIST:
    case SQ_T_ROW:
    case SQ_T_COLLECTION:
        return SQ_K_COLLECTION; /* their text form, UDT framed [U] (PROTOCOL.md) */
    default:
        return SQ_K_UNKNOWN; /* ROWREF, ... */
    }
}

const char *sq_collection_name(uint16_t type)
{
    switch (SQ_T_BASE(type)) {
    case SQ_T_SET:
        return "set";
    case SQ_T_MULTISET:
        return "multiset";
    case SQ_T_LIST:
        return "list";
    case SQ_T_ROW:
        return "row";
    default:
        return "collection";
    }
}

const char *sq_kind_name(enum sq_kind k)
{
    static const char *const names[SQ_K__COUNT] = {
        [SQ_K_UNKNOWN] = "UNKNOWN",     [SQ_K_CHAR] = "CHAR",
        [SQ_K_NCHAR] = "NCHAR",         [SQ_K_VARCHAR] = "VARCHAR",
        [SQ_K_NVARCHAR] = "NVARCHAR",   [SQ_K_LVARCHAR] = "LVARCHAR",
        [SQ_K_SMALLINT] = "SMALLINT",   [SQ_K_INTEGER] = "INTEGER",
        [SQ_K_SERIAL] = "SERIAL",       [SQ_K_INT8] = "INT8",
        [SQ_K_SERIAL8] = "SERIAL8",     [SQ_K_BIGINT] = "BIGINT",
        [SQ_K_BIGSERIAL] = "BIGSERIAL", [SQ_K_SMALLFLOAT] = "SMALLFLOAT",
        [SQ_K_FLOAT] = "FLOAT",         [SQ_K_DECIMAL] = "DECIMAL",
        [SQ_K_MONEY] = "MONEY",         [SQ_K_DATE] = "DATE",
        [SQ_K_DATETIME] = "DATETIME",   [SQ_K_INTERVAL] = "INTERVAL",
        [SQ_K_BOOLEAN] = "BOOLEAN",     [SQ_K_BYTE] = "BYTE",
        [SQ_K_TEXT] = "TEXT",           [SQ_K_BLOB] = "BLOB",
        [SQ_K_CLOB] = "CLOB",           [SQ_K_UDTVAR] = "UDTVAR", [SQ_K_COLLECTION] = "COLLECTION",
        [SQ_K_UDTFIXED] = "UDTFIXED",   [SQ_K_NULLTYPE] = "NULL",
    };
    if ((unsigned)k >= (unsigned)SQ_K__COUNT || !names[k])
        return "UNKNOWN";
    return names[k];
}

/* ---- widths (doc §9.9) ---- */

/* BOOLEAN sent with the client code 45 is one byte (LIB's guess, no capture);
 * as UDTFIXED 41 (what servers describe) it has the UDT framing. */
static bool is_bool_byte(const struct sq_coldesc *col)
{
    return col->kind == SQ_K_BOOLEAN && SQ_T_BASE(col->type) == SQ_T_BOOLEAN_CLIENT &&
           !(col->type & SQ_TF_DISTBOOLEAN);
}

static bool is_udt_framed(enum sq_kind k)
{
    return k == SQ_K_LVARCHAR || k == SQ_K_BOOLEAN || k == SQ_K_UDTVAR || k == SQ_K_UDTFIXED ||
           k == SQ_K_BLOB || k == SQ_K_CLOB || k == SQ_K_COLLECTION;
}

/* DECIMAL/MONEY stored width from encoded_length; 0 when the precision is not
 * 1..32 or the scale is neither floating nor <= precision. */
static size_t dec_width(uint32_t enc_len)
{
    unsigned p = SQ_DEC_PREC(enc_len), s = SQ_DEC_SCALE(enc_len);
    if (enc_len > 0xFFFFu || p < 1 || p > 32 || (s != SQ_DEC_FLOATING && s > p))
        return 0;
    return SQ_DECLEN(p, s);
}

/* Fixed widths; 0 for variable or unsized kinds. */
static size_t fixed_width(enum sq_kind k)
{
    switch (k) {
    case SQ_K_SMALLINT:
        return 2;
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_DATE:
    case SQ_K_SMALLFLOAT:
        return 4;
    case SQ_K_FLOAT:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL:
        return 8;
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
        return 10;
    case SQ_K_BYTE:
    case SQ_K_TEXT:
        return SQ_BLOB_DESCRIPTOR_SIZE;
    default:
        return 0;
    }
}

/* How a column's values are sized, from the descriptor alone (the part of the
 * width rules that never depends on the row). SQ_WC_FIXED sets *fixed,
 * SQ_WC_ERROR sets *rc. Row widths:
 *   CHAR/NCHAR            encoded_length bytes
 *   VARCHAR/NVARCHAR      u8 len, len bytes
 *   UDTVAR/UDTFIXED       u8 null flag, u32 len, len bytes (LVARCHAR, BOOLEAN 41, other
 *                         UDTs; BLOB/CLOB too: [u8 null][u32 72][72-byte locator] is our
 *                         PROTOCOL.md decision, [U] in doc §9.4 / §17.11)
 *   BOOLEAN 45            1 byte [U]
 *   DECIMAL/MONEY         DECLEN(p, s)
 *   DATETIME/INTERVAL     sq_dt_width(qualifier)
 *   fixed types           fixed_width() */
static enum sq_wclass width_class(const struct sq_coldesc *col, size_t *fixed, enum sq_rc *rc)
{
    enum sq_kind k = col->kind;

    *fixed = 0;
    *rc = SQ_RC_OK;
    if (is_bool_byte(col)) {
        *fixed = 1;
        return SQ_WC_FIXED;
    }
    if (is_udt_framed(k))
        return SQ_WC_UDT;
    switch (k) {
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
        if (col->enc_len > SQ_MAX_ROW_SIZE)
            break;
        *fixed = col->enc_len;
        return SQ_WC_FIXED;
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
        return SQ_WC_U8LEN;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
        *fixed = dec_width(col->enc_len);
        if (!*fixed)
            break;
        return SQ_WC_FIXED;
    case SQ_K_DATETIME:
    case SQ_K_INTERVAL:
        if (col->enc_len > 0xFFFFu)
            break;
        if (!sq_dt_qual_valid((uint16_t)col->enc_len, k == SQ_K_INTERVAL))
            break;
        *fixed = sq_dt_width((uint16_t)col->enc_len);
        return SQ_WC_FIXED;
    default:
        *fixed = fixed_width(k);
        if (*fixed)
            return SQ_WC_FIXED;
        *rc = SQ_RC_UNSUPPORTED; /* UNKNOWN, NULLTYPE: TODO(2) untyped NULL width */
        return SQ_WC_ERROR;
    }
    *rc = SQ_RC_PROTOCOL;
    return SQ_WC_ERROR;
}

void sq_coldesc_resolve(struct sq_coldesc *desc)
{
    size_t fixed;
    enum sq_rc rc;

    desc->kind = sq_kind_resolve(desc->type, desc->xid, desc->xname);
    desc->nullable = !(desc->type & SQ_TF_NOTNULL);
    desc->pre_wclass = (uint8_t)width_class(desc, &fixed, &rc);
    desc->pre_width = (uint32_t)fixed; /* <= SQ_MAX_ROW_SIZE */
    desc->pre_wrc = rc;
    desc->pre_kind = desc->kind;
    desc->pre_type = desc->type;
    desc->pre_enc_len = desc->enc_len;
    sq_dt_precompute(desc);
}

/* The per-row part: the precomputed class when it may be trusted, else the
 * same class computed now. */
enum sq_rc sq_value_width(const struct sq_coldesc *col, const uint8_t *p, size_t avail,
                          size_t *width)
{
    size_t w;
    enum sq_rc rc;
    enum sq_wclass wc;

    if (sq_coldesc_pre_ok(col)) {
        wc = (enum sq_wclass)col->pre_wclass;
        w = col->pre_width;
        rc = col->pre_wrc;
    } else {
        wc = width_class(col, &w, &rc);
    }
    switch (wc) {
    case SQ_WC_FIXED:
        break;
    case SQ_WC_U8LEN:
        if (avail < 1)
            return SQ_RC_PROTOCOL;
        w = 1u + (size_t)p[0];
        break;
    case SQ_WC_UDT: {
        struct sq_rd rd;
        uint8_t flag;
        uint32_t len;
        sq_rd_init(&rd, p, avail);
        if (!sq_rd_u8(&rd, &flag) || !sq_rd_u32(&rd, &len))
            return SQ_RC_PROTOCOL;
        if (len > SQ_MAX_LVARCHAR)
            return SQ_RC_PROTOCOL;
        w = 5u + (size_t)len;
        break;
    }
    default:
        return rc != SQ_RC_OK ? rc : SQ_RC_PROTOCOL;
    }
    if (w > avail)
        return SQ_RC_PROTOCOL;
    *width = w;
    return SQ_RC_OK;
}

/* ---- decoding ---- */

static bool all_ff(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0xFF)
            return false;
    return true;
}

static double load_double(const uint8_t *p)
{
    uint64_t u = sq_load_u64(p);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static float load_float(const uint8_t *p)
{
    uint32_t u = sq_load_u32(p);
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static enum sq_rc bool_from_byte(uint8_t b, int64_t *v)
{
    if (b == 't' || b == 'T' || b == 1) {
        *v = 1;
        return SQ_RC_OK;
    }
    if (b == 'f' || b == 'F' || b == 0) {
        *v = 0;
        return SQ_RC_OK;
    }
    return SQ_RC_PROTOCOL;
}

/* UDT framing: u8 null flag, u32 length, bytes (n already checked). */
static enum sq_rc udt_decode(const struct sq_coldesc *col, const uint8_t *p, struct sq_value *out)
{
    uint8_t flag = p[0];
    uint32_t len = sq_load_u32(p + 1);
    if (flag > 1)
        return SQ_RC_PROTOCOL;
    if (flag == 1) {
        out->is_null = true; /* V11: 01 00 00 00 00 (length 0); a length is tolerated */
        return SQ_RC_OK;
    }
    out->u.s.p = p + 5;
    out->u.s.n = len;
    if (col->kind == SQ_K_BOOLEAN) {
        if (len != 1)
            return SQ_RC_PROTOCOL;
        return bool_from_byte(p[5], &out->u.i); /* V10: 't' / 'f' */
    }
    if ((col->kind == SQ_K_BLOB || col->kind == SQ_K_CLOB) && len != SQ_LO_LOCATOR_SIZE)
        return SQ_RC_PROTOCOL;
    return SQ_RC_OK;
}

/* Decode one value of exactly n bytes; n must be the width sq_value_width()
 * computes for these bytes, anything else is SQ_RC_PROTOCOL. With trusted
 * precomputed facts the two common classes are checked here directly: the
 * answer is the same (fixed: w > n and w != n both refuse; u8 length: n < 1,
 * w > n and w != n). */
enum sq_rc sq_value_decode(const struct sq_coldesc *col, const uint8_t *p, size_t n,
                           struct sq_value *out)
{
    bool sized = false;
    if (sq_coldesc_pre_ok(col)) {
        if (col->pre_wclass == SQ_WC_FIXED) {
            if (n != col->pre_width)
                return SQ_RC_PROTOCOL;
            sized = true;
        } else if (col->pre_wclass == SQ_WC_U8LEN) {
            if (n < 1 || n != 1u + (size_t)p[0])
                return SQ_RC_PROTOCOL;
            sized = true;
        }
    }
    if (!sized) {
        size_t w;
        enum sq_rc rc = sq_value_width(col, p, n, &w);
        if (rc != SQ_RC_OK)
            return rc;
        if (w != n)
            return SQ_RC_PROTOCOL;
    }

    memset(out, 0, sizeof *out);
    out->kind = col->kind;

    switch (col->kind) {
    case SQ_K_SMALLINT: {
        uint16_t u = sq_load_u16(p);
        out->is_null = u == 0x8000u;
        out->u.i = (int16_t)u;
        return SQ_RC_OK;
    }
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_DATE: {
        uint32_t u = sq_load_u32(p);
        out->is_null = u == 0x80000000u;
        out->u.i = (int32_t)u;
        return SQ_RC_OK;
    }
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL: {
        uint64_t u = sq_load_u64(p);
        out->is_null = u == UINT64_C(0x8000000000000000);
        out->u.i = out->is_null ? 0 : (int64_t)u;
        return SQ_RC_OK;
    }
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
        return sq_int8_from_wire(p, n, &out->u.i, &out->is_null);
    case SQ_K_BOOLEAN:
        if (is_bool_byte(col))
            return bool_from_byte(p[0], &out->u.i); /* TODO(2): NULL form of a 1-byte BOOLEAN */
        return udt_decode(col, p, out);
    case SQ_K_LVARCHAR:
    case SQ_K_UDTVAR:
    case SQ_K_UDTFIXED:
    case SQ_K_BLOB:
    case SQ_K_CLOB:
    case SQ_K_COLLECTION:
        return udt_decode(col, p, out);
    case SQ_K_SMALLFLOAT:
        out->is_null = all_ff(p, 4);
        if (!out->is_null)
            out->u.f = (double)load_float(p);
        return SQ_RC_OK;
    case SQ_K_FLOAT:
        out->is_null = all_ff(p, 8);
        if (!out->is_null)
            out->u.f = load_double(p);
        return SQ_RC_OK;
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
        /* NULL CHAR is a NUL first byte: our [U] decision (PROTOCOL.md). */
        out->is_null = n > 0 && p[0] == 0;
        out->u.s.p = p;
        out->u.s.n = n;
        return SQ_RC_OK;
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
        /* V9: 01 00 is NULL, 00 is the empty string. */
        out->is_null = p[0] == 1 && p[1] == 0;
        out->u.s.p = p + 1;
        out->u.s.n = p[0];
        return SQ_RC_OK;
    case SQ_K_BYTE:
    case SQ_K_TEXT:
        out->is_null = p[39] == 1; /* doc §9.5 [L] */
        out->u.s.p = p;
        out->u.s.n = n;
        return SQ_RC_OK;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
        return sq_dec_from_wire(p, n, &out->u.dec, &out->is_null);
    case SQ_K_DATETIME:
    case SQ_K_INTERVAL:
        return sq_dt_decode_col(col, p, n, &out->u.dt, &out->is_null);
    default:
        return SQ_RC_UNSUPPORTED;
    }
}

/* ---- formatting ---- */

/* snprintf-like sink: counts everything, stores what fits (cap - 1) and keeps
 * the buffer NUL-terminated. */
struct sink {
    char *buf;
    size_t cap;
    size_t len;
};

static void sink_put(struct sink *o, const char *s, size_t n)
{
    if (o->cap && o->len < o->cap - 1) {
        size_t room = o->cap - 1 - o->len;
        memcpy(o->buf + o->len, s, n < room ? n : room);
    }
    o->len += n;
    if (o->cap)
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

/* Shortest %.Ng (N from lo to hi) that reads back to the same value, with a '.'
 * decimal separator whatever LC_NUMERIC says: the round-trip check runs in the
 * current locale (snprintf and strtod agree with each other), then a ','
 * separator is replaced. `single` checks the round trip at float precision. */
static size_t fmt_float(double v, bool single, char *tmp, size_t cap)
{
    int lo = single ? 6 : 15, hi = single ? 9 : 17;
    int n = 0;
    if (isnan(v))
        return (size_t)snprintf(tmp, cap, "nan");
    if (isinf(v))
        return (size_t)snprintf(tmp, cap, v < 0 ? "-inf" : "inf");
    for (int prec = lo; prec <= hi; prec++) {
        n = snprintf(tmp, cap, "%.*g", prec, v);
        double back = strtod(tmp, NULL);
        if (single ? (float)back == (float)v : back == v)
            break;
    }
    for (char *c = tmp; *c; c++)
        if (*c == ',')
            *c = '.';
    return n > 0 ? (size_t)n : 0;
}

size_t sq_value_format(const struct sq_coldesc *col, const struct sq_value *v, char *buf,
                       size_t cap)
{
    struct sink o = {buf, cap, 0};
    char tmp[64];

    if (cap)
        buf[0] = '\0';
    if (v->is_null)
        return 0;
    switch (v->kind) {
    case SQ_K_SMALLINT:
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL: {
        int n = snprintf(tmp, sizeof tmp, "%" PRId64, v->u.i);
        sink_put(&o, tmp, (size_t)n);
        break;
    }
    case SQ_K_DATE: {
        int y, m, d;
        sq_date_to_ymd(v->u.i, &y, &m, &d);
        int n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
        sink_put(&o, tmp, (size_t)n);
        break;
    }
    case SQ_K_FLOAT:
    case SQ_K_SMALLFLOAT: {
        size_t n = fmt_float(v->u.f, v->kind == SQ_K_SMALLFLOAT, tmp, sizeof tmp);
        sink_put(&o, tmp, n < sizeof tmp ? n : sizeof tmp - 1);
        break;
    }
    case SQ_K_BOOLEAN:
        sink_put(&o, v->u.i ? "t" : "f", 1);
        break;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY: {
        int scale = -1;
        if (col && SQ_DEC_SCALE(col->enc_len) != SQ_DEC_FLOATING)
            scale = (int)SQ_DEC_SCALE(col->enc_len);
        return sq_dec_to_text(&v->u.dec, scale, buf, cap);
    }
    case SQ_K_DATETIME:
    case SQ_K_INTERVAL:
        return sq_dt_to_text(&v->u.dt, v->kind == SQ_K_INTERVAL, buf, cap);
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
    case SQ_K_LVARCHAR:
    case SQ_K_UDTVAR:
    case SQ_K_UDTFIXED:
    case SQ_K_COLLECTION:
    case SQ_K_BYTE:
    case SQ_K_TEXT:
    case SQ_K_BLOB:
    case SQ_K_CLOB:
        /* Raw bytes as sent (CHAR blank padded; descriptors/locators verbatim). */
        if (v->u.s.n)
            sink_put(&o, (const char *)v->u.s.p, v->u.s.n);
        break;
    default:
        break;
    }
    return o.len;
}

/* ---- DATE: days since 1899-12-31, proleptic Gregorian ---- */

/* Days from 1970-01-01 (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

#define DATE_EPOCH_OFFSET 25568 /* 1970-01-01 is day 25568 (V7) */

int64_t sq_date_from_ymd(int year, int month, int day)
{
    return days_from_civil(year, month, day) + DATE_EPOCH_OFFSET;
}

void sq_date_to_ymd(int64_t days, int *year, int *month, int *day)
{
    /* Clamp to what int years can express; Informix's range is far inside. */
    if (days > INT64_C(1) << 40)
        days = INT64_C(1) << 40;
    if (days < -(INT64_C(1) << 40))
        days = -(INT64_C(1) << 40);
    int64_t z = days - DATE_EPOCH_OFFSET + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(y + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

bool sq_date_valid(int year, int month, int day)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    int max = mdays[month - 1];
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        max = 29;
    return day <= max;
}

/* ---- INT8 / SERIAL8 ----
 *   i16 sign   1 positive, -1 negative, 0 NULL
 *   u32 low    low 32 bits of the magnitude  (word order [U], LIB's)
 *   u32 high   high 32 bits
 * Zero is sign 1, magnitude 0 (PROTOCOL.md). Magnitude > INT64_MAX is refused. */
enum sq_rc sq_int8_from_wire(const uint8_t *p, size_t n, int64_t *v, bool *is_null)
{
    if (n < 10)
        return SQ_RC_PROTOCOL;
    int16_t sign = (int16_t)sq_load_u16(p);
    uint64_t mag = (uint64_t)sq_load_u32(p + 6) << 32 | sq_load_u32(p + 2);
    *v = 0;
    *is_null = false;
    if (sign == 0) {
        *is_null = true;
        return SQ_RC_OK;
    }
    if ((sign != 1 && sign != -1) || mag > (uint64_t)INT64_MAX)
        return SQ_RC_PROTOCOL;
    *v = sign < 0 ? -(int64_t)mag : (int64_t)mag;
    return SQ_RC_OK;
}

void sq_int8_to_wire(int64_t v, bool is_null, uint8_t out[10])
{
    uint16_t sign = is_null ? 0 : v < 0 ? 0xFFFFu : 1u;
    uint64_t mag = is_null ? 0 : v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t lo = (uint32_t)mag, hi = (uint32_t)(mag >> 32);
    out[0] = (uint8_t)(sign >> 8);
    out[1] = (uint8_t)sign;
    for (int i = 0; i < 4; i++) {
        out[2 + i] = (uint8_t)(lo >> (24 - 8 * i));
        out[6 + i] = (uint8_t)(hi >> (24 - 8 * i));
    }
}

/* ---- bind parameters (doc §9.6, PROTOCOL.md "Bind parameters") ----
 *   u16 type, u16 indicator (0 / FFFF), u16 prec, then unless NULL:
 *   SMALLINT 1  i16            INTEGER 2, SERIAL 6  i32     BIGINT 52, BIGSERIAL 53  i64
 *   FLOAT 3     IEEE double    SMALLFLOAT 4  IEEE single    DATE 7  i32 days
 *   INT8 17, SERIAL8 18  10 bytes (sq_int8_to_wire)
 *   CHAR 0, VARCHAR 13, NCHAR 15, NVARCHAR 16, LVARCHAR 43  str16
 *   DECIMAL 5, MONEY 8     u16 n, n = DECLEN(p, s) stored bytes, pad (prec = p << 8 | s)
 *   DATETIME 10, INTERVAL 14  u16 n, n = sq_dt_width(prec) stored bytes, pad (prec = qual)
 *   BOOLEAN 45  1 byte 1/0, pad byte
 * The native DECIMAL/DATETIME/INTERVAL/BOOLEAN forms are [U] (PROTOCOL.md sends
 * them as strings by default); ifxlite accepts both. Values that the type
 * cannot hold are SQ_RC_MISUSE (the caller range-checks). */
static void wr_double(struct sq_buf *b, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    sq_wr_u64(b, u);
}

static void wr_float(struct sq_buf *b, float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    sq_wr_u32(b, u);
}

/* Stored decimal of a DECIMAL/MONEY parameter, rounded to the declared scale
 * and refused when its integer digits exceed p - s. */
static enum sq_rc param_decimal(const struct sq_param *p, uint8_t *out, size_t *n)
{
    unsigned prec = SQ_DEC_PREC(p->prec), scale = SQ_DEC_SCALE(p->prec);
    size_t w = dec_width(p->prec);
    struct sq_decimal d = p->u.dec;

    if (!w || d.ndig > SQ_MAX_DEC_DIGITS)
        return SQ_RC_MISUSE;
    if (scale != SQ_DEC_FLOATING) {
        sq_dec_round(&d, (int)scale);
        /* integer decimal digits = 2*exp minus a leading zero of the first pair */
        if (d.ndig) {
            int idig = 2 * d.exp - (d.dig[0] < 10 ? 1 : 0);
            if (idig > (int)(prec - scale))
                return SQ_RC_MISUSE;
        }
    }
    if (sq_dec_to_wire(&d, out, w) != SQ_RC_OK)
        return SQ_RC_MISUSE;
    *n = w;
    return SQ_RC_OK;
}

enum sq_rc sq_param_encode(struct sq_buf *out, const struct sq_param *p)
{
    uint8_t tmp[40];
    size_t n = 0;
    enum sq_rc rc;

    if (p->type > 0xFFu)
        return SQ_RC_MISUSE; /* flags are never sent (doc §7.9) */

    /* Check the value before writing anything, so a refusal leaves `out` as it was. */
    if (!p->is_null) {
        switch (p->type) {
        case SQ_T_SMALLINT:
            if (p->u.i <= INT16_MIN || p->u.i > INT16_MAX)
                return SQ_RC_MISUSE;
            break;
        case SQ_T_INTEGER:
        case SQ_T_SERIAL:
        case SQ_T_DATE:
            if (p->u.i <= INT32_MIN || p->u.i > INT32_MAX)
                return SQ_RC_MISUSE; /* the most negative value is the NULL marker */
            break;
        case SQ_T_BIGINT:
        case SQ_T_BIGSERIAL:
        case SQ_T_INT8:
        case SQ_T_SERIAL8:
            if (p->u.i == INT64_MIN)
                return SQ_RC_MISUSE;
            break;
        case SQ_T_FLOAT:
        case SQ_T_SMALLFLOAT:
        case SQ_T_BOOLEAN_CLIENT:
            break;
        case SQ_T_CHAR:
        case SQ_T_VARCHAR:
        case SQ_T_NCHAR:
        case SQ_T_NVARCHAR:
        case SQ_T_LVARCHAR_CLIENT:
            if (p->u.s.n > 0xFFFFu || (p->u.s.n && !p->u.s.p))
                return SQ_RC_MISUSE;
            break;
        case SQ_T_DECIMAL:
        case SQ_T_MONEY:
            rc = param_decimal(p, tmp, &n);
            if (rc != SQ_RC_OK)
                return rc;
            break;
        case SQ_T_DATETIME:
        case SQ_T_INTERVAL: {
            bool iv = p->type == SQ_T_INTERVAL;
            if (p->u.dt.qual != p->prec || !sq_dt_qual_valid(p->prec, iv))
                return SQ_RC_MISUSE;
            n = sq_dt_width(p->prec);
            if (n > sizeof tmp || sq_dt_to_wire(&p->u.dt, iv, tmp, n) != SQ_RC_OK)
                return SQ_RC_MISUSE;
            break;
        }
        case SQ_T_BYTE:
        case SQ_T_TEXT:
            if (p->u.lob.n > UINT32_MAX) /* tb_size is 32 bits (blob.h) */
                return SQ_RC_MISUSE;
            break;
        case SQ_T_UDTFIXED:
            /* A smart-LOB locator (PROTOCOL.md "Smart LOBs", ours): prec is
             * the extended id, the value the 72 locator bytes. */
            if ((p->prec != SQ_XID_BLOB && p->prec != SQ_XID_CLOB) ||
                p->u.s.n != SQ_LO_LOCATOR_SIZE || !p->u.s.p)
                return SQ_RC_MISUSE;
            break;
        default:
            return SQ_RC_MISUSE;
        }
    }

    size_t start = out->len;
    sq_wr_u16(out, p->type);
    sq_wr_u16(out, p->is_null ? 0xFFFFu : 0u);
    sq_wr_u16(out, p->prec);
    if (!p->is_null) {
        switch (p->type) {
        case SQ_T_SMALLINT:
            sq_wr_i16(out, (int16_t)p->u.i);
            break;
        case SQ_T_INTEGER:
        case SQ_T_SERIAL:
        case SQ_T_DATE:
            sq_wr_i32(out, (int32_t)p->u.i);
            break;
        case SQ_T_BIGINT:
        case SQ_T_BIGSERIAL:
            sq_wr_i64(out, p->u.i);
            break;
        case SQ_T_INT8:
        case SQ_T_SERIAL8:
            sq_int8_to_wire(p->u.i, false, tmp);
            sq_wr_bytes(out, tmp, 10);
            break;
        case SQ_T_FLOAT:
            wr_double(out, p->u.f);
            break;
        case SQ_T_SMALLFLOAT:
            wr_float(out, (float)p->u.f);
            break;
        case SQ_T_BOOLEAN_CLIENT:
            sq_wr_u8(out, p->u.i ? 1u : 0u);
            sq_wr_u8(out, 0);
            break;
        case SQ_T_DECIMAL:
        case SQ_T_MONEY:
        case SQ_T_DATETIME:
        case SQ_T_INTERVAL:
            sq_wr_u16(out, (uint16_t)n);
            sq_wr_bytes(out, tmp, n);
            sq_wr_pad(out, n);
            break;
        case SQ_T_BYTE:
        case SQ_T_TEXT:
        {
            uint8_t desc[SQ_BLOB_DESCRIPTOR_SIZE];
            sq_blob_desc_write(desc, (uint32_t)p->u.lob.n);
            sq_wr_bytes(out, desc, sizeof desc);
            break;
        }
        case SQ_T_UDTFIXED:
            sq_wr_bytes(out, p->u.s.p, SQ_LO_LOCATOR_SIZE); /* 72: even, no pad */
            break;
        default:                                        /* strings, checked above */
            (void)sq_wr_str16(out, p->u.s.p, p->u.s.n); /* length checked above */
            break;
        }
    }
    if (!sq_buf_ok(out)) {
        if (out->len > start)
            out->len = start;
        return SQ_RC_NOMEM;
    }
    return SQ_RC_OK;
}
