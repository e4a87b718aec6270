/*
 * lac_split.c - cut points for long sequences (see lac_split.h).
 */
#include "nlp/lac_split.h"

static int is_final(uint32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' ||
	       c == 0xFF1B || c == ';' || c == '\n' || c == 0xFF61;
}

static int is_closer(uint32_t c)
{
	return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 ||
	       c == ')' || c == 0x300B || c == '"' || c == '\'';
}

static int is_clause(uint32_t c)
{
	return c == 0xFF0C || c == 0x3001 || c == ',' || c == 0xFF1A || c == ':';
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0;
}

size_t lac_split_next(const uint32_t *cp, size_t n, size_t start, size_t max)
{
	size_t hi, lo, e, best[3] = {0, 0, 0};

	if (n - start <= max)
		return n;
	hi = start + max;          /* largest allowed end */
	lo = start + max / 2;      /* smallest allowed end (>= start + 8) */
	for (e = hi; e > lo; e--) {
		uint32_t c = cp[e - 1];

		if (!best[0] && (is_final(c) ||
		                 (is_closer(c) && e - 1 > start && is_final(cp[e - 2]))))
			best[0] = e;
		if (!best[1] && is_clause(c))
			best[1] = e;
		if (!best[2] && is_space(c))
			best[2] = e;
		if (best[0])
			break;
	}
	if (best[0])
		return best[0];
	if (best[1])
		return best[1];
	if (best[2])
		return best[2];
	return hi;
}
