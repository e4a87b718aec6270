/*
 * sentences.c - sentence spans over the working copy.
 *
 * A sentence ends after 。！？；(and their half-width forms, which NFKC
 * produces) together with any closing quotes and brackets that follow
 * (。” ？」 ！）) and any further end marks (？！).  A paragraph end also
 * ends a sentence (the caller passes one region per paragraph).  Spaces at
 * either end are trimmed; empty sentences are not emitted.  Orig spans
 * come from the map: [map[ws], map[we-1] + 1).
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

static int is_end(uint32_t c)
{
	return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0xFF01 || c == 0xFF1F ||
	       c == 0xFF1B || c == 0xFF61 || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

static int is_closer(uint32_t c)
{
	return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == ')' ||
	       c == 0xFF09 || c == 0x3011 || c == 0x300B || c == 0x3009 || c == '"' || c == '\'' ||
	       c == 0x3015 || c == 0x3017;
}

static int emit(tekg_article *a, size_t *cap, const char *work, size_t ws, size_t wsb,
                size_t we, size_t web)
{
	tekg_sentence *s;
	uint32_t cp;

	/* trim spaces at both ends (byte offsets move with the chars) */
	while (ws < we) {
		size_t k = tekg_utf8_decode(work + wsb, web - wsb, &cp);

		if (!k || !tx_is_space(cp))
			break;
		ws++;
		wsb += k;
	}
	while (we > ws) {
		size_t b = web;

		do
			b--;
		while (b > wsb && ((unsigned char)work[b] & 0xC0) == 0x80);
		tekg_utf8_decode(work + b, web - b, &cp);
		if (!tx_is_space(cp))
			break;
		we--;
		web = b;
	}
	if (we <= ws)
		return 0;
	if (a->n_sents == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		tekg_sentence *np = tekg_realloc(a->sents, nc * sizeof *np);

		if (!np)
			return TEKG_ENOMEM;
		a->sents = np;
		*cap = nc;
	}
	s = &a->sents[a->n_sents++];
	s->wstart = ws;
	s->wend = we;
	s->start = a->map[ws];
	s->end = a->map[we - 1] + 1;
	return 0;
}

int tx_sentences(tekg_article *a, size_t *cap, const char *work, size_t c0, size_t b0, size_t c1)
{
	size_t c = c0, b = b0, ss = c0, ssb = b0;
	size_t len = a->work_len;
	int rc;

	while (c < c1) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(work + b, len - b, &cp);

		if (k == 0)
			k = 1;
		b += k;
		c++;
		if (is_end(cp) || cp == '\n') {
			/* absorb closing quotes and further end marks */
			while (c < c1) {
				uint32_t nx;
				size_t kk = tekg_utf8_decode(work + b, len - b, &nx);

				if (kk == 0 || !(is_closer(nx) || is_end(nx)))
					break;
				b += kk;
				c++;
			}
			if ((rc = emit(a, cap, work, ss, ssb, c, b)) != 0)
				return rc;
			ss = c;
			ssb = b;
		}
	}
	return emit(a, cap, work, ss, ssb, c1, b);
}
