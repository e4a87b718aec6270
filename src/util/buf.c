/*
 * buf.c - growable byte buffer with a cap (see buf.h).
 */
#include "util/buf.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "tekg/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tekg_buf_init(tekg_buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

static int grow(tekg_buf *b, size_t need)
{
	size_t max = b->max ? b->max : TEKG_BUF_DEFAULT_MAX;
	size_t ncap;
	char *nd;

	if (need > max || b->len + need > max)
		return TEKG_ELIMIT;
	if (b->len + need + 1 <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < b->len + need + 1)
		ncap = ncap > SIZE_MAX / 2 ? b->len + need + 1 : ncap * 2;
	nd = tekg_realloc(b->data, ncap);
	if (nd == NULL)
		return TEKG_ENOMEM;
	b->data = nd;
	b->cap = ncap;
	return 0;
}

int tekg_buf_append(tekg_buf *b, const void *p, size_t n)
{
	int rc = grow(b, n);

	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int tekg_buf_puts(tekg_buf *b, const char *s)
{
	return tekg_buf_append(b, s, strlen(s));
}

int tekg_buf_putc(tekg_buf *b, char c)
{
	return tekg_buf_append(b, &c, 1);
}

int tekg_buf_put_cp(tekg_buf *b, uint32_t cp)
{
	char tmp[4];
	size_t n = tekg_utf8_encode(cp, tmp);

	return tekg_buf_append(b, tmp, n);
}

int tekg_buf_printf(tekg_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return TEKG_EINVAL;
	rc = grow(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

char *tekg_buf_detach(tekg_buf *b, size_t *len_out)
{
	char *d = b->data;

	if (d == NULL) {
		d = tekg_malloc(1);
		if (d == NULL)
			return NULL;
		d[0] = '\0';
	}
	if (len_out)
		*len_out = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void tekg_buf_reset(tekg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void tekg_buf_free(tekg_buf *b)
{
	if (b == NULL)
		return;
	tekg_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
