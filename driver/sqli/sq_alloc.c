/* SPDX-License-Identifier: MIT */
/* sq_alloc.c - allocation wrappers with overflow checks and the fault hook. */
#include "sq_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef SQ_FAULT_HOOKS
#include <stdatomic.h>
static atomic_long fault_countdown;
static atomic_long alloc_count;

static bool fault_fire(void)
{
    atomic_fetch_add(&alloc_count, 1);
    long left = atomic_load(&fault_countdown);
    if (left <= 0)
        return false;
    if (atomic_fetch_sub(&fault_countdown, 1) == 1)
        return true;
    return false;
}

long sq_alloc_fail_at(long n)
{
    long made = atomic_exchange(&alloc_count, 0);
    atomic_store(&fault_countdown, n);
    return made;
}
#else
static inline bool fault_fire(void)
{
    return false;
}

long sq_alloc_fail_at(long n)
{
    (void)n; /* hooks compiled out */
    return 0;
}
#endif

void *sq_malloc(size_t n)
{
    if (fault_fire())
        return NULL;
    return malloc(n ? n : 1);
}

void *sq_calloc(size_t count, size_t size)
{
    size_t total;
    if (!sq_size_mul(count, size, &total))
        return NULL;
    if (fault_fire())
        return NULL;
    return calloc(total ? total : 1, 1);
}

void *sq_realloc(void *p, size_t n)
{
    if (fault_fire())
        return NULL;
    return realloc(p, n ? n : 1);
}

void sq_free(void *p)
{
    free(p);
}

char *sq_strdup(const char *s)
{
    if (!s)
        return NULL;
    return sq_strndup(s, strlen(s));
}

char *sq_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    size_t len = strnlen(s, n);
    char *d = sq_malloc(len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

void *sq_memdup(const void *p, size_t n)
{
    void *d = sq_malloc(n);
    if (d && n)
        memcpy(d, p, n);
    return d;
}

bool sq_size_mul(size_t a, size_t b, size_t *out)
{
    if (a && b > SIZE_MAX / a)
        return false;
    *out = a * b;
    return true;
}

bool sq_size_add(size_t a, size_t b, size_t *out)
{
    if (b > SIZE_MAX - a)
        return false;
    *out = a + b;
    return true;
}
