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

/* Statement attributes (read-only, SQLGetStmtAttr) giving what the
 * statement's last executed INSERT generated; 0 when it generated nothing.
 * With a parameter array they describe the last parameter set.
 *  - SQL_GET_SERIAL_VALUE: the SERIAL value (sqlca.sqlerrd[1], from SQ_DONE).
 *    Number and name as IBM's Informix ODBC driver (infxcli.h, 1040 + 9).
 *  - SQL_GET_ROWID: the ROWID of the last row processed (IBM: 1040 + 8).
 *  - SQL_IFX_ATTR_GET_SERIAL8_VALUE / SQL_IFX_ATTR_GET_BIGSERIAL_VALUE: the
 *    SERIAL8 / BIGSERIAL value from SQ_INSERTDONE. IBM's driver has no
 *    attribute for these (its applications use DBINFO('serial8') /
 *    DBINFO('bigserial')), so they are ours, in the driver-specific range.
 *    BIGSERIAL is only on the wire when the server grants 8-byte row ids. */
#ifndef SQL_GET_ROWID
#define SQL_GET_ROWID 1048
#endif
#ifndef SQL_GET_SERIAL_VALUE
#define SQL_GET_SERIAL_VALUE 1049
#endif
#define SQL_IFX_ATTR_GET_SERIAL8_VALUE 0x4102
#define SQL_IFX_ATTR_GET_BIGSERIAL_VALUE 0x4103

#endif
