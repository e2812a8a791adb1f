/* SPDX-License-Identifier: MIT */
/* sq_rc.c - names of core status codes. */
#include "sq_rc.h"

static const char *const sq_rc_names[SQ_RC__COUNT] = {
    [SQ_RC_OK] = "OK",
    [SQ_RC_NEED_MORE] = "NEED_MORE",
    [SQ_RC_NO_DATA] = "NO_DATA",
    [SQ_RC_SERVER] = "SERVER",
    [SQ_RC_REJECTED] = "REJECTED",
    [SQ_RC_NOMEM] = "NOMEM",
    [SQ_RC_IO] = "IO",
    [SQ_RC_TIMEOUT] = "TIMEOUT",
    [SQ_RC_CANCELLED] = "CANCELLED",
    [SQ_RC_PROTOCOL] = "PROTOCOL",
    [SQ_RC_BROKEN] = "BROKEN",
    [SQ_RC_UNSUPPORTED] = "UNSUPPORTED",
    [SQ_RC_MISUSE] = "MISUSE",
};

const char *sq_rc_name(enum sq_rc rc)
{
    if ((unsigned)rc >= SQ_RC__COUNT || !sq_rc_names[rc])
        return "UNKNOWN";
    return sq_rc_names[rc];
}
