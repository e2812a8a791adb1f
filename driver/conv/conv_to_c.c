/* SPDX-License-Identifier: MIT */
/* conv_to_c.c - conversion layer: a decoded Informix value (struct sq_value)
 * into an application buffer of any SQL_C_* type, following the ODBC 3.x
 * "Converting Data from SQL to C Data Types" tables; plus chunked SQLGetData.
 * Pure: no handles, no allocation, no diagnostics. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "conv.h"
#include "sq_types.h"

/* What the source value is, once loaded, in ODBC terms. */
enum src_class {
    SRC_STRING,
    SRC_BINARY,
    SRC_EXACT,
    SRC_APPROX,
    SRC_BIT,
    SRC_DATE,
    SRC_TIME,
    SRC_TIMESTAMP,
    SRC_INTERVAL
};

struct src {
    enum src_class cls;
    SQLSMALLINT c_default;
    const uint8_t *p; /* STRING, BINARY */
    size_t n;
    struct conv_dnum num; /* EXACT, BIT; not filled for integers going to an integer C type */
    bool has_i64;         /* integer source: i64 holds it exactly */
    int64_t i64;
    int scale;            /* EXACT: digits after the point in text, -1 = as stored */
    double f;             /* APPROX */
    bool is_float;
    struct conv_ts ts; /* DATE, TIME, TIMESTAMP */
    int frac_digits;   /* TIME, TIMESTAMP, INTERVAL */
    struct conv_ival iv;
    const struct sq_dt *dt; /* DATETIME/INTERVAL: text in Informix's literal form */
    bool dt_interval;
};

static SQLSMALLINT norm_c_type(SQLSMALLINT c)
{
    switch (c) {
    case SQL_C_DATE:
        return SQL_C_TYPE_DATE;
    case SQL_C_TIME:
        return SQL_C_TYPE_TIME;
    case SQL_C_TIMESTAMP:
        return SQL_C_TYPE_TIMESTAMP;
    case SQL_C_TINYINT:
        return SQL_C_STINYINT;
    case SQL_C_SHORT:
        return SQL_C_SSHORT;
    case SQL_C_LONG:
        return SQL_C_SLONG;
    default:
        return c;
    }
}

static enum conv_rc load_src(const struct sq_coldesc *col, const struct sq_value *v,
                             const struct conv_today *today, struct src *s)
{
    memset(s, 0, sizeof(*s));
    s->scale = -1;
    switch (v->kind) {
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
    case SQ_K_LVARCHAR:
    case SQ_K_COLLECTION:
    case SQ_K_TEXT:
    case SQ_K_CLOB:
        s->cls = SRC_STRING;
        s->c_default = SQL_C_CHAR;
        s->p = v->u.s.p;
        s->n = v->u.s.p ? v->u.s.n : 0;
        return CONV_OK;
    case SQ_K_BYTE:
    case SQ_K_BLOB:
    case SQ_K_UDTVAR:
    case SQ_K_UDTFIXED:
        s->cls = SRC_BINARY;
        s->c_default = SQL_C_BINARY;
        s->p = v->u.s.p;
        s->n = v->u.s.p ? v->u.s.n : 0;
        return CONV_OK;
    case SQ_K_SMALLINT:
    case SQ_K_INTEGER:
    case SQ_K_SERIAL:
    case SQ_K_INT8:
    case SQ_K_SERIAL8:
    case SQ_K_BIGINT:
    case SQ_K_BIGSERIAL:
        s->cls = SRC_EXACT;
        s->c_default = v->kind == SQ_K_SMALLINT                            ? SQL_C_SSHORT
                       : v->kind == SQ_K_INTEGER || v->kind == SQ_K_SERIAL ? SQL_C_SLONG
                                                                           : SQL_C_SBIGINT;
        /* s->num is filled by prepare() unless the target is an integer C type:
         * to_int() range-checks i64 directly (no digit string round trip). */
        s->has_i64 = true;
        s->i64 = v->u.i;
        return CONV_OK;
    case SQ_K_DECIMAL:
    case SQ_K_MONEY:
        s->cls = SRC_EXACT;
        s->c_default = SQL_C_CHAR;
        if (col && SQ_DEC_SCALE(col->enc_len) != SQ_DEC_FLOATING)
            s->scale = (int)SQ_DEC_SCALE(col->enc_len);
        return conv_dnum_from_sq(&v->u.dec, &s->num) ? CONV_OK : CONV_UNSUPPORTED;
    case SQ_K_SMALLFLOAT:
    case SQ_K_FLOAT:
        s->cls = SRC_APPROX;
        s->is_float = v->kind == SQ_K_SMALLFLOAT;
        s->c_default = s->is_float ? SQL_C_FLOAT : SQL_C_DOUBLE;
        s->f = v->u.f;
        return CONV_OK;
    case SQ_K_BOOLEAN:
        s->cls = SRC_BIT;
        s->c_default = SQL_C_BIT;
        conv_dnum_from_i64(v->u.i != 0, &s->num);
        return CONV_OK;
    case SQ_K_DATE:
        s->cls = SRC_DATE;
        s->c_default = SQL_C_TYPE_DATE;
        if (v->u.i < -3652059 || v->u.i > 2958464) /* 0001-01-01 .. 9999-12-31 */
            return CONV_DATETIME_OVERFLOW;
        conv_ymd_from_days(v->u.i, &s->ts.year, &s->ts.month, &s->ts.day);
        return CONV_OK;
    case SQ_K_DATETIME:
        switch (conv_dt_class_of(v->u.dt.qual)) {
        case CONV_DTC_DATE:
            s->cls = SRC_DATE;
            s->c_default = SQL_C_TYPE_DATE;
            break;
        case CONV_DTC_TIME:
            s->cls = SRC_TIME;
            s->c_default = SQL_C_TYPE_TIME;
            break;
        default:
            s->cls = SRC_TIMESTAMP;
            s->c_default = SQL_C_TYPE_TIMESTAMP;
            break;
        }
        s->frac_digits = conv_qual_frac_digits(v->u.dt.qual);
        s->dt = &v->u.dt;
        s->dt_interval = false;
        conv_dt_to_ts(&v->u.dt, today, &s->ts);
        return CONV_OK;
    case SQ_K_INTERVAL:
        s->cls = SRC_INTERVAL;
        if (!conv_ival_from_dt(&v->u.dt, &s->iv))
            return CONV_UNSUPPORTED;
        s->c_default = (SQLSMALLINT)(SQL_C_INTERVAL_YEAR - SQL_IS_YEAR + (int)s->iv.code);
        s->frac_digits = conv_qual_frac_digits(v->u.dt.qual);
        s->dt = &v->u.dt;
        s->dt_interval = true;
        return CONV_OK;
    default:
        return CONV_UNSUPPORTED;
    }
}

/* ---- fixed-size outputs ------------------------------------------------ */

static enum conv_rc put_fixed(const struct conv_target *t, SQLLEN *ind, const void *data,
                              size_t size, enum conv_rc rc)
{
    if (t->buf)
        memcpy(t->buf, data, size);
    if (ind)
        *ind = (SQLLEN)size;
    return rc;
}

/* ---- streams: string/binary data to CHAR, WCHAR, BINARY ----------------- */

enum stream_kind { ST_RAW, ST_HEX, ST_UTF16, ST_HEX16 };

static const char hexdig[] = "0123456789ABCDEF";

static size_t stream_total(enum stream_kind k, const uint8_t *p, size_t n)
{
    switch (k) {
    case ST_RAW:
        return n;
    case ST_HEX:
        return 2 * n;
    case ST_UTF16:
        return 2 * conv_utf16_units(p, n);
    default:
        return 4 * n;
    }
}

uint8_t *conv_piece_room(const struct conv_target *t, SQLSMALLINT c_type, size_t *avail,
                         size_t *term)
{
    *term = c_type == SQL_C_CHAR ? 1 : c_type == SQL_C_WCHAR ? 2 : 0;
    *avail = 0;
    if (!t->buf || t->buf_len <= 0 || (size_t)t->buf_len < *term)
        return NULL;
    *avail = (size_t)t->buf_len - *term;
    if (*term == 2)
        *avail &= ~(size_t)1;
    return t->buf;
}

/* Write the next piece: *ind = bytes remaining before the call; CONV_OK when
 * this piece ends the data, CONV_TRUNCATED otherwise. */
static enum conv_rc stream_piece(enum stream_kind k, SQLSMALLINT c_type, const uint8_t *p, size_t n,
                                 size_t *src_off, size_t *out_off, size_t total,
                                 const struct conv_target *t, SQLLEN *ind)
{
    size_t term, avail, w = 0;
    uint8_t *out = conv_piece_room(t, c_type, &avail, &term);
    size_t remaining = total - *out_off;

    if (ind)
        *ind = (SQLLEN)remaining;
    switch (k) {
    case ST_RAW:
        w = remaining < avail ? remaining : avail;
        if (w > 0)
            memcpy(out, p + *out_off, w);
        *out_off += w;
        break;
    case ST_HEX:
        w = remaining < avail ? remaining : avail;
        for (size_t j = 0; j < w; j++) {
            size_t o = *out_off + j;
            uint8_t b = p[o / 2];
            out[j] = (uint8_t)hexdig[(o & 1u) ? (b & 0xFu) : (b >> 4)];
        }
        *out_off += w;
        break;
    case ST_HEX16:
        w = remaining < avail ? remaining : avail;
        for (size_t j = 0; j < w; j += 2) {
            size_t u = (*out_off + j) / 2;
            uint8_t b = p[u / 2];
            out[j] = (uint8_t)hexdig[(u & 1u) ? (b & 0xFu) : (b >> 4)];
            out[j + 1] = 0;
        }
        *out_off += w;
        break;
    case ST_UTF16:
        while (*src_off < n) {
            uint32_t cp;
            size_t used = conv_utf8_next(p + *src_off, n - *src_off, &cp);
            size_t need = cp >= 0x10000 ? 4u : 2u;
            if (w + need > avail)
                break;
            if (need == 2) {
                out[w] = (uint8_t)(cp & 0xFFu);
                out[w + 1] = (uint8_t)(cp >> 8);
            } else {
                uint32_t c = cp - 0x10000;
                uint32_t hi = 0xD800u + (c >> 10), lo = 0xDC00u + (c & 0x3FFu);
                out[w] = (uint8_t)(hi & 0xFFu);
                out[w + 1] = (uint8_t)(hi >> 8);
                out[w + 2] = (uint8_t)(lo & 0xFFu);
                out[w + 3] = (uint8_t)(lo >> 8);
            }
            w += need;
            *src_off += used;
        }
        *out_off += w;
        break;
    }
    if (out) {
        for (size_t j = 0; j < term; j++)
            out[w + j] = 0;
    }
    return *out_off >= total ? CONV_OK : CONV_TRUNCATED;
}

static bool stream_kind_for(enum src_class cls, SQLSMALLINT c_type, enum stream_kind *k)
{
    if (cls != SRC_STRING && cls != SRC_BINARY)
        return false;
    switch (c_type) {
    case SQL_C_CHAR:
        *k = cls == SRC_STRING ? ST_RAW : ST_HEX;
        return true;
    case SQL_C_WCHAR:
        *k = cls == SRC_STRING ? ST_UTF16 : ST_HEX16;
        return true;
    case SQL_C_BINARY:
        *k = ST_RAW;
        return true;
    default:
        return false;
    }
}

/* ---- text of non-string sources to CHAR / WCHAR -------------------------- */

/* `essential` = characters that may not be cut (whole digits, the date and
 * time part): cutting into them is 22003, cutting after them 01004. */
static enum conv_rc put_text(const struct conv_target *t, SQLSMALLINT c_type, const char *text,
                             size_t len, size_t essential, SQLLEN *ind)
{
    size_t unit = c_type == SQL_C_WCHAR ? 2 : 1;
    size_t cap_units, w;
    uint8_t *out = t->buf;
    enum conv_rc rc = CONV_OK;

    if (ind)
        *ind = (SQLLEN)(len * unit);
    if (!out || t->buf_len <= 0)
        return len > 0 ? CONV_TRUNCATED : CONV_OK; /* length query */
    cap_units = (size_t)t->buf_len / unit;
    if (len < cap_units) {
        w = len;
    } else if (essential < cap_units) {
        w = cap_units - 1;
        rc = CONV_TRUNCATED;
    } else {
        return CONV_OUT_OF_RANGE;
    }
    for (size_t j = 0; j < w; j++) {
        if (unit == 1) {
            out[j] = (uint8_t)text[j];
        } else {
            out[2 * j] = (uint8_t)text[j];
            out[2 * j + 1] = 0;
        }
    }
    memset(out + w * unit, 0, unit);
    return rc;
}

static size_t essential_of(const char *text, size_t len)
{
    const char *dot = memchr(text, '.', len);
    if (memchr(text, 'e', len))
        return len;
    return dot ? (size_t)(dot - text) : len;
}

static enum conv_rc to_text(const struct src *s, const struct conv_target *t, SQLSMALLINT c_type,
                            SQLLEN *ind)
{
    char text[512];
    size_t len = 0, essential;

    switch (s->cls) {
    case SRC_EXACT:
    case SRC_BIT:
        len = conv_dnum_to_text(&s->num, s->scale, text, sizeof(text));
        break;
    case SRC_APPROX:
        if (!isfinite(s->f))
            return CONV_OUT_OF_RANGE;
        len = conv_double_to_text(s->f, s->is_float, text, sizeof(text));
        break;
    case SRC_DATE:
        if (s->dt) { /* DATETIME YEAR TO DAY */
            len = sq_dt_to_text(s->dt, false, text, sizeof(text));
            break;
        }
        len = conv_ts_to_text(&s->ts, true, false, 0, text, sizeof(text));
        break;
    case SRC_TIME:
    case SRC_TIMESTAMP:
    case SRC_INTERVAL:
        /* Informix's literal form of the qualifier's own fields ("12:34" for
         * HOUR TO MINUTE, "06-15" for MONTH TO DAY, "-12 03:04:05.120" for an
         * INTERVAL), as DB-Access and IBM's driver print them: the text reads
         * back into the same column unchanged (sq_dt.c's codec). */
        if (s->dt) {
            len = sq_dt_to_text(s->dt, s->dt_interval, text, sizeof(text));
            if (len > 0)
                break;
        }
        if (s->cls == SRC_INTERVAL)
            len = conv_ival_to_text(&s->iv, s->frac_digits, text, sizeof(text));
        else
            len = conv_ts_to_text(&s->ts, s->cls == SRC_TIMESTAMP, true, s->frac_digits, text,
                                  sizeof(text));
        break;
    default:
        return CONV_UNSUPPORTED;
    }
    if (len >= sizeof(text))
        return CONV_OUT_OF_RANGE;
    essential = essential_of(text, len);
    return put_text(t, c_type, text, len, essential, ind);
}

/* ---- numbers ----------------------------------------------------------- */

/* The source as an exact number: CONV_OK, or the error for this source. */
static enum conv_rc src_number(const struct src *s, struct conv_dnum *x)
{
    switch (s->cls) {
    case SRC_EXACT:
    case SRC_BIT:
        *x = s->num;
        return CONV_OK;
    case SRC_APPROX:
        return conv_dnum_from_double(s->f, s->is_float, x) ? CONV_OK : CONV_OUT_OF_RANGE;
    case SRC_STRING:
        return conv_dnum_parse((const char *)s->p, s->n, x, NULL) ? CONV_OK : CONV_INVALID_CHAR;
    case SRC_INTERVAL: {
        /* ODBC: single-field intervals convert to exact numerics */
        int first, last;
        char text[48];
        size_t len;
        if (!conv_ival_fields(s->iv.code, &first, &last) || first != last)
            return CONV_UNSUPPORTED;
        len = conv_ival_to_text(&s->iv, first == SQ_DT_SECOND ? 9 : 0, text, sizeof(text));
        return conv_dnum_parse(text, len, x, NULL) ? CONV_OK : CONV_UNSUPPORTED;
    }
    default:
        return CONV_UNSUPPORTED;
    }
}

struct int_range {
    SQLSMALLINT c_type;
    size_t size;
    bool is_signed;
    int64_t min;
    uint64_t max;
};

static const struct int_range int_ranges[] = {
    {SQL_C_STINYINT, 1, true, INT8_MIN, INT8_MAX},  {SQL_C_UTINYINT, 1, false, 0, UINT8_MAX},
    {SQL_C_SSHORT, 2, true, INT16_MIN, INT16_MAX},  {SQL_C_USHORT, 2, false, 0, UINT16_MAX},
    {SQL_C_SLONG, 4, true, INT32_MIN, INT32_MAX},   {SQL_C_ULONG, 4, false, 0, UINT32_MAX},
    {SQL_C_SBIGINT, 8, true, INT64_MIN, INT64_MAX}, {SQL_C_UBIGINT, 8, false, 0, UINT64_MAX},
};

/* A switch, not a search of the table: called for every cell fetched. */
static const struct int_range *int_range_of(SQLSMALLINT c_type)
{
    switch (c_type) {
    case SQL_C_STINYINT: return &int_ranges[0];
    case SQL_C_UTINYINT: return &int_ranges[1];
    case SQL_C_SSHORT: return &int_ranges[2];
    case SQL_C_USHORT: return &int_ranges[3];
    case SQL_C_SLONG: return &int_ranges[4];
    case SQL_C_ULONG: return &int_ranges[5];
    case SQL_C_SBIGINT: return &int_ranges[6];
    case SQL_C_UBIGINT: return &int_ranges[7];
    default: return NULL;
    }
}

static void store_int(const struct int_range *r, int64_t sv, uint64_t uv, uint8_t out[8])
{
    int8_t i8 = 0;
    uint8_t u8 = 0;
    int16_t i16 = 0;
    uint16_t u16 = 0;
    int32_t i32 = 0;
    uint32_t u32 = 0;
    switch (r->c_type) {
    case SQL_C_STINYINT:
        i8 = (int8_t)sv;
        memcpy(out, &i8, 1);
        break;
    case SQL_C_UTINYINT:
        u8 = (uint8_t)uv;
        memcpy(out, &u8, 1);
        break;
    case SQL_C_SSHORT:
        i16 = (int16_t)sv;
        memcpy(out, &i16, 2);
        break;
    case SQL_C_USHORT:
        u16 = (uint16_t)uv;
        memcpy(out, &u16, 2);
        break;
    case SQL_C_SLONG:
        i32 = (int32_t)sv;
        memcpy(out, &i32, 4);
        break;
    case SQL_C_ULONG:
        u32 = (uint32_t)uv;
        memcpy(out, &u32, 4);
        break;
    case SQL_C_SBIGINT:
        memcpy(out, &sv, 8);
        break;
    default:
        memcpy(out, &uv, 8);
        break;
    }
}

static enum conv_rc to_int(const struct src *s, const struct int_range *r,
                           const struct conv_target *t, SQLLEN *ind)
{
    uint8_t bytes[8];
    int64_t sv = 0;
    uint64_t uv = 0;
    enum conv_rc rc;

    if (s->cls == SRC_APPROX) {
        double f = s->f, tr;
        if (!isfinite(f))
            return CONV_OUT_OF_RANGE;
        tr = trunc(f);
        if (r->is_signed) {
            if (tr < (double)r->min || tr >= -(double)r->min)
                return CONV_OUT_OF_RANGE;
            sv = (int64_t)tr;
        } else {
            if (tr < 0 || tr >= (double)r->max + 1.0)
                return CONV_OUT_OF_RANGE;
            uv = (uint64_t)tr;
        }
        rc = tr != f ? CONV_FRACTION_TRUNCATED : CONV_OK;
    } else if (s->has_i64) {
        /* integer source: same results as the conv_dnum path, without it */
        int64_t v = s->i64;
        if (r->is_signed) {
            if (v < r->min || (v > 0 && (uint64_t)v > r->max))
                return CONV_OUT_OF_RANGE;
            sv = v;
        } else {
            if (v < 0 || (uint64_t)v > r->max)
                return CONV_OUT_OF_RANGE;
            uv = (uint64_t)v;
        }
        rc = CONV_OK;
    } else {
        struct conv_dnum x;
        rc = src_number(s, &x);
        if (rc != CONV_OK)
            return rc;
        if (r->is_signed)
            rc = conv_dnum_to_i64(&x, r->min, (int64_t)r->max, &sv);
        else
            rc = conv_dnum_to_u64(&x, r->max, &uv);
        if (conv_rc_is_error(rc))
            return rc;
    }
    store_int(r, sv, uv, bytes);
    return put_fixed(t, ind, bytes, r->size, rc);
}

static enum conv_rc to_real(const struct src *s, bool is_float, const struct conv_target *t,
                            SQLLEN *ind)
{
    double d;
    if (s->cls == SRC_APPROX) {
        d = s->f;
    } else if (s->cls == SRC_STRING) {
        struct conv_dnum x;
        if (!conv_dnum_parse((const char *)s->p, s->n, &x, NULL))
            return CONV_INVALID_CHAR;
        if (conv_dnum_to_double(&x, &d) != CONV_OK)
            return CONV_OUT_OF_RANGE;
    } else {
        struct conv_dnum x;
        enum conv_rc rc = src_number(s, &x);
        if (rc != CONV_OK)
            return rc;
        if (conv_dnum_to_double(&x, &d) != CONV_OK)
            return CONV_OUT_OF_RANGE;
    }
    if (is_float) {
        float fl;
        if (isfinite(d) && fabs(d) > FLT_MAX)
            return CONV_OUT_OF_RANGE;
        fl = (float)d;
        return put_fixed(t, ind, &fl, sizeof(fl), CONV_OK);
    }
    return put_fixed(t, ind, &d, sizeof(d), CONV_OK);
}

static enum conv_rc to_bit(const struct src *s, const struct conv_target *t, SQLLEN *ind)
{
    unsigned char b;
    enum conv_rc rc = CONV_OK;
    if (s->cls == SRC_APPROX) {
        if (!(s->f >= 0.0 && s->f < 2.0))
            return CONV_OUT_OF_RANGE;
        b = s->f >= 1.0;
        if (s->f != 0.0 && s->f != 1.0)
            rc = CONV_FRACTION_TRUNCATED;
    } else {
        struct conv_dnum x;
        uint64_t u;
        enum conv_rc r2 = src_number(s, &x);
        if (r2 != CONV_OK)
            return r2;
        r2 = conv_dnum_to_u64(&x, 1, &u);
        if (conv_rc_is_error(r2))
            return CONV_OUT_OF_RANGE;
        b = (unsigned char)u;
        rc = r2;
    }
    return put_fixed(t, ind, &b, 1, rc);
}

static enum conv_rc to_numeric(const struct src *s, const struct conv_target *t, SQLLEN *ind)
{
    SQL_NUMERIC_STRUCT ns;
    struct conv_dnum x;
    int prec = t->num_precision > 0 ? t->num_precision : 38;
    enum conv_rc rc = src_number(s, &x);
    if (rc != CONV_OK)
        return rc;
    rc = conv_dnum_to_numeric(&x, prec, t->num_scale, &ns);
    if (conv_rc_is_error(rc))
        return rc;
    return put_fixed(t, ind, &ns, sizeof(ns), rc);
}

/* ---- dates and times --------------------------------------------------- */

/* The source as a timestamp; *has_date / *has_time say what it carries. */
static enum conv_rc src_ts(const struct src *s, const struct conv_today *today, struct conv_ts *ts,
                           bool *has_date, bool *has_time)
{
    switch (s->cls) {
    case SRC_DATE:
        *ts = s->ts;
        *has_date = true;
        *has_time = false;
        return CONV_OK;
    case SRC_TIME:
        *ts = s->ts;
        *has_date = false;
        *has_time = true;
        return CONV_OK;
    case SRC_TIMESTAMP:
        *ts = s->ts;
        *has_date = true;
        *has_time = true;
        return CONV_OK;
    case SRC_STRING: {
        enum conv_rc rc = conv_parse_ts((const char *)s->p, s->n, ts, has_date, has_time);
        if (rc != CONV_OK)
            return CONV_INVALID_CHAR; /* char -> date/time: not a literal is 22018 */
        if (!*has_date) {
            ts->year = today->year;
            ts->month = today->month;
            ts->day = today->day;
        }
        return CONV_OK;
    }
    default:
        return CONV_UNSUPPORTED;
    }
}

static enum conv_rc to_date(const struct src *s, const struct conv_today *today,
                            const struct conv_target *t, SQLLEN *ind)
{
    struct conv_ts ts;
    bool hd, ht;
    SQL_DATE_STRUCT ds;
    enum conv_rc rc = src_ts(s, today, &ts, &hd, &ht);
    if (rc != CONV_OK)
        return rc;
    if (!hd)
        return s->cls == SRC_STRING ? CONV_INVALID_CHAR : CONV_UNSUPPORTED;
    if (ht && (ts.hour || ts.minute || ts.second || ts.frac_ns))
        rc = CONV_FRACTION_TRUNCATED;
    ds.year = (SQLSMALLINT)ts.year;
    ds.month = (SQLUSMALLINT)ts.month;
    ds.day = (SQLUSMALLINT)ts.day;
    return put_fixed(t, ind, &ds, sizeof(ds), rc);
}

static enum conv_rc to_time(const struct src *s, const struct conv_today *today,
                            const struct conv_target *t, SQLLEN *ind)
{
    struct conv_ts ts;
    bool hd, ht;
    SQL_TIME_STRUCT tm;
    enum conv_rc rc = src_ts(s, today, &ts, &hd, &ht);
    if (rc != CONV_OK)
        return rc;
    if (!ht)
        return s->cls == SRC_STRING ? CONV_INVALID_CHAR : CONV_UNSUPPORTED;
    if (ts.frac_ns)
        rc = CONV_FRACTION_TRUNCATED;
    tm.hour = (SQLUSMALLINT)ts.hour;
    tm.minute = (SQLUSMALLINT)ts.minute;
    tm.second = (SQLUSMALLINT)ts.second;
    return put_fixed(t, ind, &tm, sizeof(tm), rc);
}

static enum conv_rc to_timestamp(const struct src *s, const struct conv_today *today,
                                 const struct conv_target *t, SQLLEN *ind)
{
    struct conv_ts ts;
    bool hd, ht;
    SQL_TIMESTAMP_STRUCT out;
    enum conv_rc rc = src_ts(s, today, &ts, &hd, &ht);
    if (rc != CONV_OK)
        return rc;
    if (!hd) { /* TIME -> TIMESTAMP: today's date (ODBC) */
        ts.year = today->year;
        ts.month = today->month;
        ts.day = today->day;
    }
    out.year = (SQLSMALLINT)ts.year;
    out.month = (SQLUSMALLINT)ts.month;
    out.day = (SQLUSMALLINT)ts.day;
    out.hour = (SQLUSMALLINT)ts.hour;
    out.minute = (SQLUSMALLINT)ts.minute;
    out.second = (SQLUSMALLINT)ts.second;
    out.fraction = ts.frac_ns;
    return put_fixed(t, ind, &out, sizeof(out), CONV_OK);
}

/* ---- intervals --------------------------------------------------------- */

static enum conv_rc to_interval(const struct src *s, SQLSMALLINT c_type,
                                const struct conv_target *t, SQLLEN *ind)
{
    SQLINTERVAL code = (SQLINTERVAL)(c_type - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR);
    struct conv_ival iv;
    SQL_INTERVAL_STRUCT out;
    enum conv_rc rc = CONV_OK;
    int first, last, prec = t->interval_frac < 0 ? 6 : t->interval_frac;
    uint32_t div = 1;

    if (!conv_ival_fields(code, &first, &last))
        return CONV_UNSUPPORTED;
    if (prec > 9)
        prec = 9;
    if (s->cls == SRC_INTERVAL) {
        rc = conv_ival_convert(&s->iv, code, &iv);
    } else if (s->cls == SRC_STRING) {
        rc = conv_ival_parse((const char *)s->p, s->n, code, &iv);
    } else if (s->cls == SRC_EXACT || s->cls == SRC_BIT) {
        /* exact numeric -> single-field interval (ODBC allows only those) */
        struct conv_dnum x = s->num;
        uint64_t u;
        if (first != last)
            return CONV_UNSUPPORTED;
        memset(&iv, 0, sizeof(iv));
        iv.code = code;
        iv.neg = x.neg;
        x.neg = false;
        rc = conv_dnum_to_u64(&x, UINT32_MAX, &u);
        if (conv_rc_is_error(rc))
            return CONV_INTERVAL_OVERFLOW;
        switch (first) {
        case SQ_DT_YEAR:
            iv.year = u;
            break;
        case SQ_DT_MONTH:
            iv.month = u;
            break;
        case SQ_DT_DAY:
            iv.day = u;
            break;
        case SQ_DT_HOUR:
            iv.hour = u;
            break;
        case SQ_DT_MINUTE:
            iv.minute = u;
            break;
        default: {
            /* seconds: the fraction as nanoseconds from value * 1e9 (< 2^64) */
            SQL_NUMERIC_STRUCT ns;
            uint64_t lo = 0;
            iv.second = u;
            rc = conv_dnum_to_numeric(&x, 38, 9, &ns);
            if (conv_rc_is_error(rc))
                return CONV_INTERVAL_OVERFLOW;
            for (int b = 7; b >= 0; b--)
                lo = (lo << 8) | ns.val[b];
            iv.frac_ns = (uint32_t)(lo % 1000000000u);
            break;
        }
        }
    } else {
        return CONV_UNSUPPORTED;
    }
    if (conv_rc_is_error(rc))
        return rc;
    memset(&out, 0, sizeof(out));
    out.interval_type = code;
    out.interval_sign = iv.neg ? SQL_TRUE : SQL_FALSE;
    if (code == SQL_IS_YEAR || code == SQL_IS_MONTH || code == SQL_IS_YEAR_TO_MONTH) {
        out.intval.year_month.year = (SQLUINTEGER)iv.year;
        out.intval.year_month.month = (SQLUINTEGER)iv.month;
    } else {
        out.intval.day_second.day = (SQLUINTEGER)iv.day;
        out.intval.day_second.hour = (SQLUINTEGER)iv.hour;
        out.intval.day_second.minute = (SQLUINTEGER)iv.minute;
        out.intval.day_second.second = (SQLUINTEGER)iv.second;
        for (int k = prec; k < 9; k++)
            div *= 10u;
        out.intval.day_second.fraction = iv.frac_ns / div;
        if (iv.frac_ns % div != 0 && rc == CONV_OK)
            rc = CONV_FRACTION_TRUNCATED;
    }
    return put_fixed(t, ind, &out, sizeof(out), rc);
}

/* ---- binary of non-string sources -------------------------------------- */

static enum conv_rc to_binary_fixed(const struct src *s, const struct conv_today *today,
                                    const struct conv_target *t, SQLLEN *ind)
{
    /* ODBC: the bytes of the value's default C representation; 22003 when the
     * buffer is too small (no partial binary numbers). */
    uint8_t tmp[sizeof(SQL_INTERVAL_STRUCT) + sizeof(SQL_NUMERIC_STRUCT)];
    SQLLEN len = 0;
    struct conv_target t2 = *t;
    enum conv_rc rc;

    t2.buf = tmp;
    t2.buf_len = (SQLLEN)sizeof(tmp);
    t2.today = today;
    t2.c_type = s->c_default == SQL_C_CHAR ? SQL_C_NUMERIC : s->c_default;
    if (s->cls == SRC_EXACT && s->c_default == SQL_C_CHAR) {
        t2.num_precision = 38;
        t2.num_scale = (SQLSMALLINT)(s->scale >= 0 ? s->scale : 0);
    }
    rc = CONV_UNSUPPORTED;
    switch (s->cls) {
    case SRC_EXACT:
    case SRC_BIT:
    case SRC_APPROX: {
        const struct int_range *r = int_range_of(t2.c_type);
        if (r)
            rc = to_int(s, r, &t2, &len);
        else if (t2.c_type == SQL_C_NUMERIC)
            rc = to_numeric(s, &t2, &len);
        else if (t2.c_type == SQL_C_BIT)
            rc = to_bit(s, &t2, &len);
        else
            rc = to_real(s, t2.c_type == SQL_C_FLOAT, &t2, &len);
        break;
    }
    case SRC_DATE:
        rc = to_date(s, today, &t2, &len);
        break;
    case SRC_TIME:
        rc = to_time(s, today, &t2, &len);
        break;
    case SRC_TIMESTAMP:
        rc = to_timestamp(s, today, &t2, &len);
        break;
    case SRC_INTERVAL:
        t2.interval_frac = 6;
        rc = to_interval(s, t2.c_type, &t2, &len);
        break;
    default:
        break;
    }
    if (conv_rc_is_error(rc))
        return rc;
    if (ind)
        *ind = len;
    if (t->buf && (t->buf_len < 0 || len > t->buf_len))
        return CONV_OUT_OF_RANGE;
    if (t->buf)
        memcpy(t->buf, tmp, (size_t)len);
    return rc;
}

/* ---- dispatch ---------------------------------------------------------- */

static enum conv_rc convert(const struct src *s, SQLSMALLINT c_type, const struct conv_today *today,
                            const struct conv_target *t, SQLLEN *ind)
{
    const struct int_range *r = int_range_of(c_type);

    if (r)
        return s->cls == SRC_BINARY || s->cls == SRC_DATE || s->cls == SRC_TIME ||
                       s->cls == SRC_TIMESTAMP
                   ? CONV_UNSUPPORTED
                   : to_int(s, r, t, ind);
    switch (c_type) {
    case SQL_C_CHAR:
    case SQL_C_WCHAR:
        return to_text(s, t, c_type, ind);
    case SQL_C_BINARY:
        return to_binary_fixed(s, today, t, ind);
    case SQL_C_BIT:
        if (s->cls == SRC_BINARY || s->cls == SRC_DATE || s->cls == SRC_TIME ||
            s->cls == SRC_TIMESTAMP || s->cls == SRC_INTERVAL)
            return CONV_UNSUPPORTED;
        return to_bit(s, t, ind);
    case SQL_C_FLOAT:
    case SQL_C_DOUBLE:
        if (s->cls == SRC_BINARY || s->cls == SRC_DATE || s->cls == SRC_TIME ||
            s->cls == SRC_TIMESTAMP || s->cls == SRC_INTERVAL)
            return CONV_UNSUPPORTED;
        return to_real(s, c_type == SQL_C_FLOAT, t, ind);
    case SQL_C_NUMERIC:
        if (s->cls == SRC_BINARY || s->cls == SRC_DATE || s->cls == SRC_TIME ||
            s->cls == SRC_TIMESTAMP)
            return CONV_UNSUPPORTED;
        return to_numeric(s, t, ind);
    case SQL_C_TYPE_DATE:
        return to_date(s, today, t, ind);
    case SQL_C_TYPE_TIME:
        return to_time(s, today, t, ind);
    case SQL_C_TYPE_TIMESTAMP:
        return to_timestamp(s, today, t, ind);
    default:
        if (c_type >= SQL_C_INTERVAL_YEAR && c_type <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
            return to_interval(s, c_type, t, ind);
        return CONV_UNSUPPORTED;
    }
}

/* Whether converting v to c_type (as asked, before SQL_C_DEFAULT is resolved)
 * can read today's date. It is read only by conv_dt_to_ts() for a DATETIME
 * not starting at YEAR (load_src), by src_ts() for a string without a date,
 * and by to_timestamp() for a time-only value (a DATETIME not starting at
 * YEAR again). conv_today() costs a time() + localtime_r() (~600 instructions,
 * measured by bench_odbc_fetch): SQLGetData must not pay it per cell. */
static bool needs_today(const struct sq_value *v, SQLSMALLINT c_type)
{
    switch (v->kind) {
    case SQ_K_DATETIME:
        return SQ_TU_START(v->u.dt.qual) != SQ_TU_YEAR;
    case SQ_K_CHAR:
    case SQ_K_NCHAR:
    case SQ_K_VARCHAR:
    case SQ_K_NVARCHAR:
    case SQ_K_LVARCHAR:
    case SQ_K_COLLECTION:
    case SQ_K_TEXT:
    case SQ_K_CLOB:
        c_type = norm_c_type(c_type);
        return c_type == SQL_C_TYPE_DATE || c_type == SQL_C_TYPE_TIME ||
               c_type == SQL_C_TYPE_TIMESTAMP;
    default:
        return false;
    }
}

static enum conv_rc prepare(const struct sq_coldesc *col, const struct sq_value *v,
                            const struct conv_target *t, struct conv_today *today, struct src *s,
                            SQLSMALLINT *c_type)
{
    if (t->today) {
        *today = *t->today;
    } else if (!v->is_null && needs_today(v, t->c_type)) {
        conv_today(today);
    } else {
        /* never read (needs_today); a valid date all the same */
        today->year = 1970;
        today->month = 1;
        today->day = 1;
    }
    if (v->kind == SQ_K_NULLTYPE && !v->is_null)
        return CONV_UNSUPPORTED;
    if (v->is_null) {
        *c_type = norm_c_type(t->c_type);
        return CONV_OK;
    }
    {
        enum conv_rc rc = load_src(col, v, today, s);
        if (rc != CONV_OK)
            return rc;
    }
    *c_type = norm_c_type(t->c_type == SQL_C_DEFAULT ? s->c_default : t->c_type);
    if (s->has_i64 && !int_range_of(*c_type))
        conv_dnum_from_i64(s->i64, &s->num);
    return CONV_OK;
}

enum conv_rc conv_to_c(const struct sq_coldesc *col, const struct sq_value *v,
                       const struct conv_target *t, SQLLEN *ind)
{
    struct conv_today today;
    struct src s;
    SQLSMALLINT c_type;
    enum stream_kind k;
    enum conv_rc rc = prepare(col, v, t, &today, &s, &c_type);

    if (rc != CONV_OK)
        return rc;
    if (v->is_null) {
        if (!ind)
            return CONV_NULL_NO_INDICATOR;
        *ind = SQL_NULL_DATA;
        return CONV_OK;
    }
    if (stream_kind_for(s.cls, c_type, &k)) {
        size_t src_off = 0, out_off = 0;
        return stream_piece(k, c_type, s.p, s.n, &src_off, &out_off, stream_total(k, s.p, s.n), t,
                            ind);
    }
    return convert(&s, c_type, &today, t, ind);
}

void conv_getdata_reset(struct conv_getdata_state *st)
{
    memset(st, 0, sizeof(*st));
}

enum conv_rc conv_getdata(struct conv_getdata_state *st, const struct sq_coldesc *col,
                          const struct sq_value *v, const struct conv_target *t, SQLLEN *ind)
{
    struct conv_today today;
    struct src s;
    SQLSMALLINT c_type;
    enum stream_kind k;
    enum conv_rc rc;

    if (st->done)
        return CONV_NO_DATA;
    rc = prepare(col, v, t, &today, &s, &c_type);
    if (rc != CONV_OK)
        return rc;
    if (st->started && c_type != st->c_type)
        return CONV_UNSUPPORTED;
    if (v->is_null) {
        if (!ind)
            return CONV_NULL_NO_INDICATOR;
        *ind = SQL_NULL_DATA;
        st->done = true;
        return CONV_OK;
    }
    if (!stream_kind_for(s.cls, c_type, &k)) {
        rc = convert(&s, c_type, &today, t, ind);
        if (!conv_rc_is_error(rc))
            st->done = true;
        return rc;
    }
    if (!st->started) {
        st->started = true;
        st->c_type = c_type;
        st->out_total = stream_total(k, s.p, s.n);
    } else if (st->out_off >= st->out_total) {
        st->done = true;
        return CONV_NO_DATA;
    }
    rc = stream_piece(k, c_type, s.p, s.n, &st->src_off, &st->out_off, st->out_total, t, ind);
    if (rc == CONV_OK)
        st->done = true;
    return rc;
}
