/* SPDX-License-Identifier: MIT */
/* conv_decimal.c - conversion layer: DECIMAL/MONEY values (struct sq_decimal,
 * base-100 digits) into exact decimal numbers (struct conv_dnum), which
 * conv_num.c turns into text, SQL_NUMERIC_STRUCT, integers or doubles. No
 * binary floating point unless the application asked for a double. */
#include <string.h>

#include "conv.h"
#include "sq_limits.h"

bool conv_dnum_from_sq(const struct sq_decimal *d, struct conv_dnum *out)
{
    unsigned k = 0;

    memset(out, 0, sizeof(*out));
    if (d->ndig > SQ_MAX_DEC_DIGITS || d->ndig > sizeof(d->dig))
        return false;
    for (unsigned i = 0; i < d->ndig; i++) {
        if (d->dig[i] > 99)
            return false;
        out->d[k++] = (uint8_t)(d->dig[i] / 10u);
        out->d[k++] = (uint8_t)(d->dig[i] % 10u);
    }
    out->n = (uint8_t)k;
    out->exp = 2 * (int32_t)d->exp - (int32_t)k;
    out->neg = d->sign < 0;
    /* normalise as conv_dnum_parse does: reuse the parser-free path */
    {
        unsigned lead = 0;
        while (lead < out->n && out->d[lead] == 0)
            lead++;
        if (lead > 0) {
            memmove(out->d, out->d + lead, (size_t)(out->n - lead));
            out->n = (uint8_t)(out->n - lead);
        }
        while (out->n > 0 && out->d[out->n - 1] == 0) {
            out->n--;
            out->exp++;
        }
        if (out->n == 0) {
            out->neg = false;
            out->exp = 0;
        }
    }
    return true;
}
