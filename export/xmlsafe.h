/*
 * xmlsafe.h - helpers shared by the XML writers (GraphML, GEXF).
 */
#ifndef TEKG_EXPORT_XMLSAFE_H
#define TEKG_EXPORT_XMLSAFE_H

#include <stddef.h>
#include "util/buf.h"

/*
 * Copy s into b (reset first) as text that XML 1.0 accepts: invalid UTF-8
 * sequences become U+FFFD; C0 controls other than tab, LF and CR, and the
 * non-characters U+FFFE/U+FFFF, are dropped.  Returns b->data ("" for
 * NULL s) or NULL when memory runs out.
 */
const char *tekg_xml_safe(tekg_buf *b, const char *s);

/* Format a double in the C locale, shortest round-trip form ("1", "0.25");
 * returns 0 when v is NaN or infinite (then nothing should be written). */
int tekg_xml_double(double v, char *out, size_t n);

/* Temporary-file dance: a unique name beside `path`, then rename. */
int tekg_export_tmpname(const char *path, char *out, size_t n);
int tekg_export_commit(const char *tmp, const char *path);

#endif
