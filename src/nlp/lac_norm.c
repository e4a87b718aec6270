/*
 * lac_norm.c - binary search in the generated normalisation table.
 */
#include "nlp/lac_norm.h"

uint32_t tekg_lac_norm(uint32_t cp)
{
	size_t lo = 0, hi = tekg_lac_norm_npairs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tekg_lac_norm_pairs[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < tekg_lac_norm_npairs && tekg_lac_norm_pairs[lo][0] == cp)
		return tekg_lac_norm_pairs[lo][1];
	return cp;
}
