/*
 * json.c - JSON string writer (see json.h).
 */
#include "util/json.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>

int tekg_json_string(tekg_buf *b, const char *s, size_t len)
{
	size_t i = 0, run;
	int rc;

	if (s == NULL)
		return tekg_buf_puts(b, "null");
	if ((rc = tekg_buf_putc(b, '"')))
		return rc;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			run = i;
			while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80 &&
			       s[i] != '"' && s[i] != '\\')
				i++;
			if ((rc = tekg_buf_append(b, s + run, i - run)))
				return rc;
			continue;
		}
		if (c < 0x80) {
			char esc[8];
			switch (c) {
			case '"': strcpy(esc, "\\\""); break;
			case '\\': strcpy(esc, "\\\\"); break;
			case '\n': strcpy(esc, "\\n"); break;
			case '\r': strcpy(esc, "\\r"); break;
			case '\t': strcpy(esc, "\\t"); break;
			default: snprintf(esc, sizeof esc, "\\u%04x", c); break;
			}
			if ((rc = tekg_buf_puts(b, esc)))
				return rc;
			i++;
			continue;
		}
		n = tekg_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			rc = tekg_buf_put_cp(b, 0xFFFD);
			i++;
		} else {
			rc = tekg_buf_append(b, s + i, n);
			i += n;
		}
		if (rc)
			return rc;
	}
	return tekg_buf_putc(b, '"');
}

int tekg_json_cstr(tekg_buf *b, const char *s)
{
	return tekg_json_string(b, s, s ? strlen(s) : 0);
}
