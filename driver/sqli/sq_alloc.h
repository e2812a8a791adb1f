/* SPDX-License-Identifier: MIT */
/* sq_alloc.h - every allocation of the core (and of ifxlite) goes through here,
 * so overflow is checked in one place and the fault build can fail the Nth one. */
#ifndef IFXODBC_SQ_ALLOC_H
#define IFXODBC_SQ_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

void *sq_malloc(size_t n);
void *sq_calloc(size_t count, size_t size); /* NULL on overflow */
void *sq_realloc(void *p, size_t n);
void sq_free(void *p);
char *sq_strdup(const char *s);                 /* NULL in, NULL out */
char *sq_strndup(const char *s, size_t n);      /* always NUL-terminates */
void *sq_memdup(const void *p, size_t n);

/* Overflow-checked size arithmetic: false on overflow (and *out untouched). */
bool sq_size_mul(size_t a, size_t b, size_t *out);
bool sq_size_add(size_t a, size_t b, size_t *out);

/* Fault hook (compiled in with SQ_FAULT_HOOKS): allocation number n (1-based,
 * counted from this call) fails; 0 disables. Returns the number of allocations
 * made since the last call. Without the hook it does nothing and returns 0. */
long sq_alloc_fail_at(long n);

#endif
