/* SPDX-License-Identifier: MIT */
/* sqlifx.h - driver-specific ODBC attributes of the Informix SQLI ODBC
 * driver (libifxodbc). The project's only installed header: include it after
 * <sqlext.h>. Values are in the driver-specific range (SQL_DRIVER_*_BASE). */
#ifndef SQLIFX_H
#define SQLIFX_H

/* Statement attribute: SQL_IFX_CURSOR_HOLD_ON opens the statement's cursors
 * WITH HOLD (SQ_HOLD), so they survive SQLEndTran(SQL_COMMIT); a rollback
 * still closes them. Default SQL_IFX_CURSOR_HOLD_OFF. Set it before the
 * statement is executed (24000 while a cursor is open). */
#define SQL_IFX_ATTR_CURSOR_HOLD 0x4101
#define SQL_IFX_CURSOR_HOLD_OFF 0UL
#define SQL_IFX_CURSOR_HOLD_ON 1UL

#endif
