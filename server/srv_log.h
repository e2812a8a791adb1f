/* SPDX-License-Identifier: MIT */
/* srv_log.h - ifxlite's log: one line per event on stderr (stdout carries only
 * the "listening on" line). Thread-safe; never logs passwords or row data.
 * Part of ifxlite's protocol side; depends on nothing but libc. */
#ifndef IFXLITE_SRV_LOG_H
#define IFXLITE_SRV_LOG_H

#include <stdbool.h>

enum srv_log_level { SRV_LOG_ERROR, SRV_LOG_WARN, SRV_LOG_INFO, SRV_LOG_DEBUG };

/* Messages above `lvl` are dropped. Default SRV_LOG_WARN. */
void srv_log_set_level(enum srv_log_level lvl);
enum srv_log_level srv_log_get_level(void);

/* "error", "warn", "info", "debug" (case-sensitive). False if unknown. */
bool srv_log_parse_level(const char *s, enum srv_log_level *out);

/* Log one line: "ifxlite: LEVEL [session N] message". session 0 = no session. */
void srv_log(enum srv_log_level lvl, int session, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
