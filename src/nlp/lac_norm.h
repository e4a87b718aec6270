/*
 * lac_norm.h - the per-character input normalisation of the LAC tagger.
 *
 * Before a character is looked up in word.dic it is replaced by its NFKC
 * form when that form is exactly one code point (full-width letters, digits
 * and punctuation become ASCII; "…" stays "…"), and then 。、“”‘’ become
 * . , " " ' '.  The mapping is a generated table (tools/gen_lac_norm.py,
 * src/nlp/lac_norm_table.c) so that src/nlp needs no Unicode library.
 * Only the lookup key changes: output and offsets use the original text.
 */
#ifndef TEKG_NLP_LAC_NORM_H
#define TEKG_NLP_LAC_NORM_H

#include <stddef.h>
#include <stdint.h>

/* The generated table: {from, to} pairs sorted by `from`. */
extern const uint32_t tekg_lac_norm_pairs[][2];
extern const size_t tekg_lac_norm_npairs;

/* The normalised code point of `cp` (cp itself when the table has no
 * entry).  O(log n), n about 3,600. */
uint32_t tekg_lac_norm(uint32_t cp);

#endif
