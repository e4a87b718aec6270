/*
 * utf8.h - strict UTF-8 decoding and encoding helpers.
 *
 * Strict means RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF.  Offsets are bytes unless a name says "chars".
 */
#ifndef TEKG_UTIL_UTF8_H
#define TEKG_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from s[0..len).  Returns the number of bytes used
 * (1..4) and stores the code point in *cp, or returns 0 when the sequence
 * is invalid or truncated (then *cp is U+FFFD).  len must be > 0.
 */
size_t tekg_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (4 bytes room); returns bytes written (1..4).
 * Surrogates and values above U+10FFFF are written as U+FFFD. */
size_t tekg_utf8_encode(uint32_t cp, char *out);

/*
 * Check that s[0..len) is valid UTF-8.  Returns 1 when valid; otherwise 0
 * and, if bad_offset is non-NULL, the byte offset of the first bad sequence.
 */
int tekg_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Number of code points in valid UTF-8 s[0..len). */
size_t tekg_utf8_count(const char *s, size_t len);

/* Byte offset of code point index `chars` in valid UTF-8 s[0..len)
 * (len when chars is past the end). */
size_t tekg_utf8_offset(const char *s, size_t len, size_t chars);

#endif
