/*
 * error.c - the shared error context (see include/tekg/error.h).
 */
#include "tekg/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *tekg_strerror(int code)
{
	switch (code) {
	case TEKG_OK: return "success";
	case TEKG_ENOMEM: return "out of memory";
	case TEKG_EIO: return "input/output error";
	case TEKG_EPARSE: return "malformed input";
	case TEKG_EENCODING: return "invalid or unsupported encoding";
	case TEKG_EDB: return "database error";
	case TEKG_EINVAL: return "invalid argument";
	case TEKG_ENOTFOUND: return "not found";
	case TEKG_EMODEL: return "tagger model missing or unexpected";
	case TEKG_EGRAPH: return "graph error";
	case TEKG_ELIMIT: return "size limit exceeded";
	case TEKG_EAMBIGUOUS: return "ambiguous name";
	default: return "unknown error";
	}
}

int tekg_error_set(tekg_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	char *nl;

	if (err == NULL)
		return code;
	err->code = code;
	if (fmt == NULL) {
		snprintf(err->msg, sizeof err->msg, "%s", tekg_strerror(code));
		return code;
	}
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	/* one line only: a message never carries a newline */
	while ((nl = strpbrk(err->msg, "\r\n")) != NULL)
		*nl = ' ';
	return code;
}

void tekg_error_clear(tekg_error *err)
{
	if (err == NULL)
		return;
	err->code = 0;
	err->msg[0] = '\0';
}
