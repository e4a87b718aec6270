/*
 * xmlsafe.c - text and number formatting safe for XML output, and the
 * write-to-temporary-then-rename step every exporter uses.
 */
#include "export/xmlsafe.h"
#include "util/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *tekg_xml_safe(tekg_buf *b, const char *s)
{
	size_t len, i = 0;

	tekg_buf_reset(b);
	if (s == NULL)
		s = "";
	len = strlen(s);
	if (tekg_buf_append(b, "", 0))
		return NULL;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c < 0x80) {
			if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') &&
			    tekg_buf_putc(b, (char)c))
				return NULL;
			i++;
			continue;
		}
		n = tekg_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			/* one U+FFFD for a bad lead byte and the continuation
			 * bytes that follow it */
			if (tekg_buf_put_cp(b, 0xFFFD))
				return NULL;
			i++;
			while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
			continue;
		}
		if (cp != 0xFFFE && cp != 0xFFFF && tekg_buf_append(b, s + i, n))
			return NULL;
		i += n;
	}
	return b->data;
}

int tekg_xml_double(double v, char *out, size_t n)
{
	int prec;

	if (!isfinite(v))
		return 0;
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
		return 1;
	}
	for (prec = 6; prec <= 17; prec++) {
		snprintf(out, n, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	return 1;
}

int tekg_export_tmpname(const char *path, char *out, size_t n)
{
	int w = snprintf(out, n, "%s.tmp-%ld", path, (long)getpid());

	return w < 0 || (size_t)w >= n ? -1 : 0;
}

int tekg_export_commit(const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}
