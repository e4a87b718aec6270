/*
 * alloc.c - allocation wrappers with a fault-injection countdown.
 */
#include "util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static atomic_long fail_after = -1; /* <0: never fail */
static atomic_long made = 0;

static int should_fail(void)
{
	long left = atomic_load(&fail_after);

	atomic_fetch_add(&made, 1);
	if (left < 0)
		return 0;
	if (left == 0)
		return 1;
	/* several threads may race here; failing one extra call is harmless */
	atomic_fetch_sub(&fail_after, 1);
	return 0;
}

long tekg_alloc_fail_after(long n)
{
	long m = atomic_exchange(&made, 0);

	atomic_store(&fail_after, n);
	return m;
}

void *tekg_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *tekg_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	if (count == 0 || size == 0)
		count = size = 1;
	return calloc(count, size);
}

void *tekg_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void tekg_free(void *p)
{
	free(p);
}

char *tekg_strndup(const char *s, size_t n)
{
	char *d;

	if (s == NULL)
		return NULL;
	d = tekg_malloc(n + 1);
	if (d == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *tekg_strdup(const char *s)
{
	return s ? tekg_strndup(s, strlen(s)) : NULL;
}
