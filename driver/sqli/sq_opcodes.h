/* SPDX-License-Identifier: MIT */
/* sq_opcodes.h - SQLI opcodes and session-layer constants, named as the
 * protocol names them (../shared/docs/sqli-protocol.md §2, §6.4).
 * Constants only: shared by the driver core and ifxlite. */
#ifndef IFXODBC_SQ_OPCODES_H
#define IFXODBC_SQ_OPCODES_H

/* Session layer (SL) header: u16 pdu_size (incl. header), u8 type, u8 attr, u16 opts. */
#define SQ_SL_HEADER_SIZE 6
#define SQ_SL_CONREQ 1
#define SQ_SL_CONACC 2
#define SQ_SL_CONREJ 3
#define SQ_SL_REDIRECT 13 /* [U] body unknown: treated as a connection error */
#define SQ_SL_ATTR_SQLI 60 /* 0x3C */

/* Login body markers (§3.2, §4.1). */
#define SQ_ASC_START 100
#define SQ_ASC_VERSION 101
#define SQ_ASC_SVCSTATUS 102
#define SQ_ASC_STMTOPTS 104
#define SQ_ASC_ENV 106
#define SQ_ASC_PROCINFO 107
#define SQ_ASC_SERVICE 108
#define SQ_ASC_APPNAME 116
#define SQ_ASC_END 127
#define SQ_PROTO_VERSION 61 /* 0x3D */

/* SQLI opcodes (§6.4). */
#define SQ_COMMAND 1
#define SQ_PREPARE 2
#define SQ_CURNAME 3
#define SQ_ID 4
#define SQ_BIND 5
#define SQ_OPEN 6
#define SQ_EXECUTE 7
#define SQ_DESCRIBE 8
#define SQ_NFETCH 9
#define SQ_CLOSE 10
#define SQ_RELEASE 11
#define SQ_EOT 12
#define SQ_ERR 13
#define SQ_TUPLE 14
#define SQ_DONE 15
#define SQ_CMMTWORK 19
#define SQ_RBWORK 20
#define SQ_SVPOINT 21
#define SQ_NDESCRIBE 22
#define SQ_SFETCH 23
#define SQ_SCROLL 24
#define SQ_TUPID 25
#define SQ_DBLIST 26
#define SQ_BEGIN 35
#define SQ_DBOPEN 36
#define SQ_DBCLOSE 37
#define SQ_FETCHBLOB 38
#define SQ_BLOB 39
#define SQ_BBIND 41
#define SQ_HOLD 43
#define SQ_ISOLEVEL 47
#define SQ_LOCKWAIT 48
#define SQ_WANTDONE 49
#define SQ_VERSION 53
#define SQ_COST 55
#define SQ_EXIT 56
#define SQ_INFO 81
#define SQ_INSERTDONE 94
#define SQ_LODATA 97
#define SQ_FILE 98
#define SQ_XACTSTAT 99
#define SQ_RET_TYPE 100
#define SQ_GETROUTINE 101
#define SQ_EXFPROUTINE 102
#define SQ_FPROUTINE 103
#define SQ_FPARAM 104
#define SQ_FILE_READ 106
#define SQ_FILE_WRITE 107
/* SQ_FILE optypes (doc §9.8 [L]): open, close, read from the client, write
 * to the client. */
#define SQ_FILE_OPEN 0
#define SQ_FILE_CLOSE 1
#define SQ_FILE_READREQ 2
#define SQ_FILE_WRITEREQ 3
#define SQ_PROTOCOLS 126
#define SQ_ACCEPT 127
#define SQ_ACK 128
#define SQ_CHALLENGE 129
#define SQ_RESPONSE 130
#define SQ_VPUT 133
#define SQ_SQLISETSVPT 137
#define SQ_SQLIRELSVPT 138
#define SQ_SQLIRBACKSVPT 139
#define SQ_BATCHSTART 141
#define SQ_BATCHEND 142

/* SQ_INFO item type for the environment block (§5.2). */
#define SQ_INFO_ENV 6

/* SQ_SFETCH scroll types (§7.8): 1, 4, 6 are [C]; the rest are [U] (our choice,
 * following ESQL/C's fetch orientation numbering; ifxlite accepts the same). */
#define SQ_SFETCH_NEXT 1
#define SQ_SFETCH_PRIOR 2
#define SQ_SFETCH_FIRST 3
#define SQ_SFETCH_LAST 4
#define SQ_SFETCH_CURRENT 5
#define SQ_SFETCH_ABSOLUTE 6
#define SQ_SFETCH_RELATIVE 7

/* SQ_PROTOCOLS feature bits (§5.1): byte index into the mask, bit. */
#define SQ_PROTO_PAM_BYTE 5
#define SQ_PROTO_PAM_BIT 0x08
#define SQ_PROTO_EXTDESC_BYTE 7
#define SQ_PROTO_EXTDESC_BIT 0x01
#define SQ_PROTO_BIGSQL_BYTE 7 /* "remove 64K limit": u32 SQL length and error offset */
#define SQ_PROTO_BIGSQL_BIT 0x02
#define SQ_PROTO_LARGETUPLE_BYTE 8
#define SQ_PROTO_LARGETUPLE_BIT 0x04
#define SQ_PROTO_LONGROWID_BYTE 8 /* i64 DONE rows/rowid */
#define SQ_PROTO_LONGROWID_BIT 0x02

/* ESQL/C statement types reported in SQ_DESCRIBE (sqlstype.h [D]). */
#define SQ_STMT_DATABASE 1
#define SQ_STMT_SELECT 2
#define SQ_STMT_SELINTO 3
#define SQ_STMT_UPDATE 4
#define SQ_STMT_DELETE 5
#define SQ_STMT_INSERT 6
#define SQ_STMT_UPDCURR 7
#define SQ_STMT_DELCURR 8
#define SQ_STMT_LDINSERT 9
#define SQ_STMT_LOCK 10
#define SQ_STMT_UNLOCK 11
#define SQ_STMT_CREADB 12
#define SQ_STMT_DROPDB 13
#define SQ_STMT_CRETAB 14
#define SQ_STMT_DRPTAB 15
#define SQ_STMT_CREIDX 16
#define SQ_STMT_DRPIDX 17
#define SQ_STMT_GRANT 18
#define SQ_STMT_REVOKE 19
#define SQ_STMT_RENTAB 20
#define SQ_STMT_RENCOL 21
#define SQ_STMT_CREAUD 22
#define SQ_STMT_STARTAUD 23
#define SQ_STMT_STOPAUD 24
#define SQ_STMT_DRPAUD 25
#define SQ_STMT_RECTAB 26
#define SQ_STMT_CHKTAB 27
#define SQ_STMT_REPTAB 28
#define SQ_STMT_ALTER 29
#define SQ_STMT_STATS 30
#define SQ_STMT_CLSDB 31
#define SQ_STMT_DELALL 32
#define SQ_STMT_UPDALL 33
#define SQ_STMT_BEGWORK 34
#define SQ_STMT_COMMIT 35
#define SQ_STMT_ROLLBACK 36
#define SQ_STMT_SAVEPOINT 37
#define SQ_STMT_STARTDB 38
#define SQ_STMT_RFORWARD 39
#define SQ_STMT_CREVIEW 40
#define SQ_STMT_DROPVIEW 41
#define SQ_STMT_DEBUG 42
#define SQ_STMT_CREASYN 43
#define SQ_STMT_DROPSYN 44
#define SQ_STMT_CTEMP 45
#define SQ_STMT_WAITFOR 46
#define SQ_STMT_ALTIDX 47
#define SQ_STMT_ISOLATE 48
#define SQ_STMT_SETLOG 49
#define SQ_STMT_EXPLAIN 50
#define SQ_STMT_SCHEMA 51
#define SQ_STMT_OPTIM 52
#define SQ_STMT_CREPROC 53
#define SQ_STMT_DRPPROC 54
#define SQ_STMT_CONSTRMODE 55
#define SQ_STMT_EXECPROC 56
#define SQ_STMT_DBGFILE 57
#define SQ_STMT_CREOPCL 58
#define SQ_STMT_ALTOPCL 59
#define SQ_STMT_DRPOPCL 60
#define SQ_STMT_OPRESERVE 61
#define SQ_STMT_OPRELEASE 62
#define SQ_STMT_OPTIMEOUT 63
#define SQ_STMT_PROCSTATS 64
#define SQ_STMT_EXECFUNC 70 /* EXECUTE FUNCTION: returns rows like a SELECT */

#endif
