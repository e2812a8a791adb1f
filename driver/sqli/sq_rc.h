/* SPDX-License-Identifier: MIT */
/* sq_rc.h - status codes of the protocol core (driver/sqli). No ODBC here. */
#ifndef IFXODBC_SQ_RC_H
#define IFXODBC_SQ_RC_H

enum sq_rc {
    SQ_RC_OK = 0,
    SQ_RC_NEED_MORE,   /* decoder wants more bytes; a normal answer, not an error */
    SQ_RC_NO_DATA,     /* end of rows */
    SQ_RC_SERVER,      /* the server sent SQ_ERR; details in the connection's server error */
    SQ_RC_REJECTED,    /* login refused (CONREJ or non-zero svcError) */
    SQ_RC_NOMEM,       /* allocation failed */
    SQ_RC_IO,          /* socket error or peer closed */
    SQ_RC_TIMEOUT,     /* deadline passed */
    SQ_RC_CANCELLED,   /* interrupted on request */
    SQ_RC_PROTOCOL,    /* malformed or unexpected bytes from the peer */
    SQ_RC_BROKEN,      /* connection poisoned by an earlier failure */
    SQ_RC_UNSUPPORTED, /* valid but not handled (a type or a layout we refuse cleanly) */
    SQ_RC_MISUSE,      /* caller broke the API contract (a driver bug) */
    SQ_RC__COUNT
};

/* Stable upper-case name of a status, e.g. "PROTOCOL". Never NULL. */
const char *sq_rc_name(enum sq_rc rc);

#endif
