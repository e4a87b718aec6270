/*
 * buf.h - a growable byte buffer with a size cap (curl's dynbuf idea).
 *
 * A tekg_buf starts zeroed ({0}) or via tekg_buf_init(); the data is always
 * NUL-terminated after a successful append.  Appends that would exceed the
 * cap fail with TEKG_ELIMIT and leave the buffer unchanged; allocation
 * failures give TEKG_ENOMEM and also leave it unchanged.
 */
#ifndef TEKG_UTIL_BUF_H
#define TEKG_UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct tekg_buf {
	char *data;   /* owned; NUL-terminated when len > 0 */
	size_t len;   /* bytes used, excluding the NUL */
	size_t cap;   /* bytes allocated */
	size_t max;   /* hard cap on len; 0 means TEKG_BUF_DEFAULT_MAX */
} tekg_buf;

#define TEKG_BUF_DEFAULT_MAX ((size_t)1 << 31) /* 2 GiB */

void tekg_buf_init(tekg_buf *b, size_t max);
int tekg_buf_append(tekg_buf *b, const void *p, size_t n);
int tekg_buf_puts(tekg_buf *b, const char *s);
int tekg_buf_putc(tekg_buf *b, char c);
/* Append a code point as UTF-8 (invalid code points become U+FFFD). */
int tekg_buf_put_cp(tekg_buf *b, uint32_t cp);
int tekg_buf_printf(tekg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Hand the data to the caller (who frees it with tekg_free); b is reset.
 * Returns an empty string rather than NULL for an empty buffer, or NULL
 * when that allocation fails. */
char *tekg_buf_detach(tekg_buf *b, size_t *len_out);
void tekg_buf_reset(tekg_buf *b);  /* len = 0, keeps memory */
void tekg_buf_free(tekg_buf *b);   /* releases memory; NULL-safe */

#endif
