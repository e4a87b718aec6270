/*
 * sha256.h - SHA-256 (FIPS 180-4), used for content hashes of sources and
 * documents so that re-ingesting the same bytes or the same article adds
 * nothing.
 */
#ifndef TEKG_UTIL_SHA256_H
#define TEKG_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct tekg_sha256 {
	uint32_t h[8];
	uint64_t bits;
	unsigned char blk[64];
	size_t used;
} tekg_sha256;

void tekg_sha256_init(tekg_sha256 *c);
void tekg_sha256_update(tekg_sha256 *c, const void *data, size_t len);
void tekg_sha256_final(tekg_sha256 *c, unsigned char out[32]);
/* One-shot: lower-case hex digest (64 chars + NUL) of data[0..len). */
void tekg_sha256_hex(const void *data, size_t len, char out[65]);

#endif
