/* SPDX-License-Identifier: MIT */
/* srv_log.c - ifxlite's stderr log. One fprintf per line, so lines from
 * session threads never interleave (stdio locks the stream per call). */
#include "srv_log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static atomic_int log_level = SRV_LOG_WARN;

void srv_log_set_level(enum srv_log_level lvl)
{
    atomic_store(&log_level, (int)lvl);
}

enum srv_log_level srv_log_get_level(void)
{
    return (enum srv_log_level)atomic_load(&log_level);
}

bool srv_log_parse_level(const char *s, enum srv_log_level *out)
{
    static const char *const names[] = {"error", "warn", "info", "debug"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (enum srv_log_level)i;
            return true;
        }
    }
    return false;
}

void srv_log(enum srv_log_level lvl, int session, const char *fmt, ...)
{
    static const char *const tags[] = {"ERROR", "WARN", "INFO", "DEBUG"};
    if ((int)lvl > atomic_load(&log_level))
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (session > 0)
        fprintf(stderr, "ifxlite: %s [session %d] %s\n", tags[lvl], session, msg);
    else
        fprintf(stderr, "ifxlite: %s %s\n", tags[lvl], msg);
}
