/* SPDX-License-Identifier: MIT */
/* diag_map.h - Informix SQLCODE (and ISAM code) -> ODBC 3 SQLSTATE for
 * server errors. ODBC layer; a pure lookup table (the message catalogue lives
 * elsewhere; this maps codes only). diag.c turns the state into a record. */
#ifndef IFXODBC_DIAG_MAP_H
#define IFXODBC_DIAG_MAP_H

#include <stddef.h>

struct diag_map_entry {
    int sqlcode;
    char state[6]; /* ODBC 3 SQLSTATE, NUL-terminated */
};

/* SQLSTATE for a server error: 0 -> "00000", 100 -> "02000", other positive
 * codes (warnings) -> "01000"; negative codes from the table, refined by the
 * ISAM code where that decides the class (deadlock ISAM -143/-78 -> "40001";
 * ISAM -100 duplicate key under -239/-271/-346 -> "23000"); any other
 * negative code -> "HY000". Returns a static string, never NULL. */
const char *diag_map_sqlstate(int sqlcode, int isam);

/* The table, sorted by sqlcode ascending (the unit test checks this). */
const struct diag_map_entry *diag_map_table(size_t *count);

#endif
