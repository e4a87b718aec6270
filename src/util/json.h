/*
 * json.h - write JSON strings (RFC 8259) into a tekg_buf.  Used by the
 * store (metadata columns), the CLI (--json output) and the JSON exporter;
 * parsing JSON is the JSONL reader's job (jansson).
 */
#ifndef TEKG_UTIL_JSON_H
#define TEKG_UTIL_JSON_H

#include <stddef.h>
#include "util/buf.h"

/*
 * Append s[0..len) as a quoted JSON string: ", \ and control characters
 * escaped; invalid UTF-8 bytes become U+FFFD so the output is always valid.
 * s may be NULL: then `null` is written.  0, TEKG_ENOMEM or TEKG_ELIMIT.
 */
int tekg_json_string(tekg_buf *b, const char *s, size_t len);
/* Same for a NUL-terminated string (NULL -> null). */
int tekg_json_cstr(tekg_buf *b, const char *s);

#endif
