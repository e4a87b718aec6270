/*
 * alloc.h - the allocator every tekg module uses, with a fault-injection hook.
 *
 * All library allocations go through these wrappers so that tests can make
 * the Nth allocation fail (curl's "torture" idea) and check that every
 * failure path returns TEKG_ENOMEM, leaks nothing and leaves state consistent.
 * tekg_free(NULL) is a no-op, as is free(NULL).  Thread-safe.
 */
#ifndef TEKG_UTIL_ALLOC_H
#define TEKG_UTIL_ALLOC_H

#include <stddef.h>

void *tekg_malloc(size_t n);
void *tekg_calloc(size_t count, size_t size);
void *tekg_realloc(void *p, size_t n);
void tekg_free(void *p);
/* Copies of a NUL-terminated string / of `n` bytes plus a NUL; NULL on failure. */
char *tekg_strdup(const char *s);
char *tekg_strndup(const char *s, size_t n);

/*
 * Test hook: after `n` more successful allocations, every allocation fails
 * until the hook is reset with a negative `n` (the default).  Returns the
 * number of allocations made since the last call (useful to size a loop).
 */
long tekg_alloc_fail_after(long n);

#endif
