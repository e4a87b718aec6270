/*
 * minhash.c - near-duplicate signatures.
 *
 * Shingles are 5 consecutive chars of the text after dropping whitespace
 * and punctuation (so layout and punctuation differences do not count).
 * Each shingle is hashed once to 64 bits (FNV-1a over the code points,
 * then the splitmix64 finaliser); hash function i is then
 * (a_i * h + b_i) >> 32 with fixed odd a_i and b_i derived from a seed, and
 * the signature keeps the minimum of each.  The share of equal positions
 * estimates the Jaccard similarity of the shingle sets; tekg treats two
 * documents with similarity >= 0.9 as near-duplicates (docs/text.md).
 * A text shorter than one shingle is one shingle; an empty text has the
 * all-0xFFFFFFFF signature.
 */
#include "tekg/text.h"
#include "text/text_int.h"
#include "util/utf8.h"

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ULL;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBULL;
	x ^= x >> 31;
	return x;
}

static void coeffs(uint64_t a[TEKG_MINHASH_K], uint64_t b[TEKG_MINHASH_K])
{
	uint64_t s = 0x74656B67ULL; /* "tekg" */
	int i;

	for (i = 0; i < TEKG_MINHASH_K; i++) {
		s += 0x9E3779B97F4A7C15ULL;
		a[i] = mix64(s) | 1;
		s += 0x9E3779B97F4A7C15ULL;
		b[i] = mix64(s);
	}
}

static void add(uint32_t sig[TEKG_MINHASH_K], const uint64_t *a, const uint64_t *b, uint64_t h)
{
	int i;

	for (i = 0; i < TEKG_MINHASH_K; i++) {
		uint32_t v = (uint32_t)((a[i] * h + b[i]) >> 32);

		if (v < sig[i])
			sig[i] = v;
	}
}

static uint64_t shingle_hash(const uint32_t *ring, size_t start, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= ring[(start + i) % TEKG_MINHASH_SHINGLE];
		h *= 1099511628211ULL;
	}
	return mix64(h);
}

void tekg_text_minhash(const char *text, size_t len, uint32_t sig[TEKG_MINHASH_K])
{
	uint64_t a[TEKG_MINHASH_K], b[TEKG_MINHASH_K];
	uint32_t ring[TEKG_MINHASH_SHINGLE];
	size_t i = 0, n = 0;
	int k;

	for (k = 0; k < TEKG_MINHASH_K; k++)
		sig[k] = 0xFFFFFFFFu;
	if (!text)
		return;
	coeffs(a, b);
	while (i < len) {
		uint32_t cp;
		size_t m = tekg_utf8_decode(text + i, len - i, &cp);

		if (m == 0)
			m = 1;
		i += m;
		if (tx_is_space(cp) || tx_is_punct(cp))
			continue;
		ring[n % TEKG_MINHASH_SHINGLE] = cp;
		n++;
		if (n >= TEKG_MINHASH_SHINGLE)
			add(sig, a, b, shingle_hash(ring, n % TEKG_MINHASH_SHINGLE, TEKG_MINHASH_SHINGLE));
	}
	if (n > 0 && n < TEKG_MINHASH_SHINGLE)
		add(sig, a, b, shingle_hash(ring, 0, n));
}

double tekg_text_minhash_sim(const uint32_t a[TEKG_MINHASH_K], const uint32_t b[TEKG_MINHASH_K])
{
	int i, eq = 0;

	for (i = 0; i < TEKG_MINHASH_K; i++)
		eq += a[i] == b[i];
	return (double)eq / TEKG_MINHASH_K;
}
