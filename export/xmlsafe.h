/*
 * xmlsafe.h - helpers shared by the writers in export/: text made safe for
 * XML (and reused by CSV and JSON so every format carries the same
 * strings), numbers in the C locale, partial ISO dates widened to full
 * dates, and the write-to-temporary-then-rename step.
 */
#ifndef TEKG_EXPORT_XMLSAFE_H
#define TEKG_EXPORT_XMLSAFE_H

#include <stddef.h>
#include "tekg/graph.h"
#include "util/buf.h"

/*
 * Copy s into b (reset first) as text that XML 1.0 accepts: invalid UTF-8
 * sequences become U+FFFD; C0 controls other than tab, LF and CR, and the
 * non-characters U+FFFE/U+FFFF, are dropped.  Returns b->data ("" for
 * NULL s) or NULL when memory runs out.
 */
const char *tekg_xml_safe(tekg_buf *b, const char *s);

/*
 * Append s to b made safe as above and escaped for XML: &, <, > and " as
 * entities, CR as &#13; (a parser would turn CR LF into LF); with `attr`
 * also tab and LF as character references, so an attribute value survives
 * attribute-value normalisation unchanged.
 * 0 or TEKG_ENOMEM/TEKG_ELIMIT (b unchanged past what was appended).
 * One pass, no allocation beyond b's growth.
 */
int tekg_xml_escape(tekg_buf *b, const char *s, int attr);

/*
 * Append s to b made safe as above, as one RFC 4180 field: quoted (with
 * quotes doubled) when it holds a comma, a quote, CR or LF, or starts or
 * ends with a space.  0 or TEKG_ENOMEM/TEKG_ELIMIT.
 */
int tekg_csv_field(tekg_buf *b, const char *s);

/* Format a double in the C locale, shortest round-trip form ("1", "0.25");
 * returns 0 when v is NaN or infinite (then nothing should be written). */
int tekg_xml_double(double v, char *out, size_t n);

/*
 * Widen an ISO 8601 date at any precision ("2025", "2025-12", "2025-12-11",
 * or a date-time, whose date part is used) to a full date YYYY-MM-DD in
 * out (11 bytes): the first day of the period when `last` is 0, the last
 * day when 1.  An interval "A/B" ("2026/2030", "2026-12-11/2026-12-12")
 * widens A for the first day and B for the last.  Returns 0 when s (or the
 * half used) is not such a date (out is then "").
 */
int tekg_date_widen(const char *s, int last, char out[11]);

/* Decimal digits of v into out (24 bytes room), NUL-terminated; returns
 * a pointer to the NUL.  No locale, no snprintf. */
char *tekg_fmt_i64(int64_t v, char *out);

/*
 * Text of a non-string value in the C locale into num (n >= 32): integers
 * as digits, booleans as true/false, doubles as tekg_xml_double.  Returns 0
 * when the value must be left out (NaN, infinities) or is a string.
 */
int tekg_export_scalar(const tekg_attr_value *v, char *num, size_t n);

/*
 * Temporary-file dance: a unique name beside `path` (0, or -1 when it does
 * not fit in n bytes), then rename into place (0, or -1 with errno: the
 * temporary is removed).  A name from tekg_export_tmpname is tracked for
 * tekg_export_remove_temporaries until tekg_export_commit or
 * tekg_export_discard (unlink) lets it go: every name must end in one of
 * the two.  Not thread-safe (one writer at a time, as the CLI does).
 */
int tekg_export_tmpname(const char *path, char *out, size_t n);
int tekg_export_commit(const char *tmp, const char *path);
void tekg_export_discard(const char *tmp);

#endif
