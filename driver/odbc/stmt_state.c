/* SPDX-License-Identifier: MIT */
/* stmt_state.c - the ODBC 3 statement state table (ODBC Programmer's
 * Reference, Appendix B "Statement Transitions") as data: for each function
 * and state, whether the call may proceed or fails with HY010 (function
 * sequence error), 24000 (invalid cursor state) or 07005 (not a cursor
 * specification). Transitions are done by the functions themselves. */
#include "stmt.h"

/* Cell codes. 'o' proceed, 'F' HY010, 'C' 24000, 'D' 07005,
 * 'P' proceed if the statement was prepared with SQLPrepare, else HY010,
 * 'Q' 24000 if prepared, else HY010. Columns: S1 .. S10. */
static const char state_table[FN__COUNT][11] = {
    [FN_PREPARE] = "ooooCCCFFF",
    [FN_EXECUTE] = "FooPQQQFFF",
    [FN_EXECDIRECT] = "ooooCCCFFF",
    [FN_FETCH] = "FFFCooFFFF",
    [FN_GETDATA] = "FFFCCooFFF",
    [FN_NUMRESULTCOLS] = "FooooooFFF",
    [FN_DESCRIBECOL] = "FDoDoooFFF",
    [FN_COLATTRIBUTE] = "FDoDoooFFF",
    [FN_ROWCOUNT] = "FFFooooFFF",
    [FN_CLOSECURSOR] = "CCCCoooFFF",
    [FN_FREESTMT] = "oooooooFFF",
    [FN_PARAMDATA] = "FFFFFFFoFo",
    [FN_PUTDATA] = "FFFFFFFFoo",
    [FN_MORERESULTS] = "FooooooFFF",
    [FN_NUMPARAMS] = "FooooooFFF",
    [FN_DESCRIBEPARAM] = "FooooooFFF",
    [FN_BIND] = "oooooooFFF",
    [FN_SETATTR] = "oooooooFFF",
    [FN_GETATTR] = "oooooooFFF",
    [FN_CATALOG] = "ooooCCCFFF",
    [FN_CURSORNAME] = "oooCCCCFFF",
};

enum stmt_verdict stmt_state_check(enum stmt_fn fn, enum stmt_state st, bool prepared)
{
    if ((int)fn < 0 || fn >= FN__COUNT || st < STMT_S1 || st > STMT_S10)
        return SV_HY010;
    switch (state_table[fn][st - STMT_S1]) {
    case 'o': return SV_OK;
    case 'C': return SV_24000;
    case 'D': return SV_07005;
    case 'P': return prepared ? SV_OK : SV_HY010;
    case 'Q': return prepared ? SV_24000 : SV_HY010;
    default: return SV_HY010;
    }
}

SQLRETURN stmt_check(struct stmt *s, enum stmt_fn fn)
{
    switch (stmt_state_check(fn, s->state, s->prepared)) {
    case SV_OK: return SQL_SUCCESS;
    case SV_24000: return diag_add(&s->hdr, DIAG_24000, NULL);
    case SV_07005: return diag_add(&s->hdr, DIAG_07005, NULL);
    case SV_HY109: return diag_add(&s->hdr, DIAG_HY109, NULL);
    case SV_HY010:
    default: return diag_add(&s->hdr, DIAG_HY010, NULL);
    }
}
