/*
 * keywords.c - the keywords of one article, for topics (docs/topics.md).
 *
 * 1. Candidates: the tagger's nouns and verbal nouns (n, vn, nz, nw, an)
 *    made of CJK ideographs, and Latin acronyms (APEC, AI), not boilerplate
 *    (kw_stop.c) nor a title of the lexicon or a word ending with one.
 *    Entities (PER, LOC, ORG, TIME) are not keywords.
 *    One-character nouns (碳) only count inside phrases (碳市场).
 *    Fragments are left out: a token overlapping a name mention (person,
 *    organization, place, date) without being that mention, a token that
 *    cuts a Latin run (XYZ|W), and a token mixing ideographs and Latin
 *    with a one-character part (台XYZ).
 * 2. Runs: maximal sequences of adjacent candidates inside one sentence.
 *    Any other token (a verb, punctuation, a space, a stop word) ends a run.
 * 3. Phrases: inside runs, a sequence of two or three words (at most 8
 *    characters) that occurs KW_MIN_PHRASE_TF times or more in the article
 *    is merged into one keyword (口岸 经济 -> 口岸经济; 碳 市场 -> 碳市场).
 *    A phrase does not start with a generic word nor end with a
 *    one-character word (全国 碳 is not a phrase).  A phrase's occurrences
 *    also count for those of its words that occur alone in the article
 *    too (口岸经济 for 口岸, never for a generic word), so articles on one
 *    subject share keywords however they phrase it.  Runs are covered
 *    left to right: a three-word phrase when it is frequent and at least as
 *    frequent as its first two words, else a two-word phrase, else a word.
 * 4. Score: tf / (highest tf in the article) * idf, idf from jieba's
 *    idf.txt (the table's median for an unknown word; an unknown phrase
 *    takes the largest idf of its words).  Generic words alone (经济) and
 *    phrases of generic words only (高质量 发展) are dropped.  The best
 *    KW_MAX are kept, ties by word (bytes), so the result is deterministic.
 *
 * Memory: proportional to the article's tokens.  Errors: TEKG_ENOMEM only.
 */
#include "extract/extract_int.h"
#include "extract/kw_int.h"
#include "util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small string -> counts map ------------------------------------- */

typedef struct kw_ent {
	char *word;       /* owned */
	size_t ngram_tf;  /* occurrences as an n-gram inside runs (phrases) */
	size_t tf;        /* occurrences in the final cover */
	unsigned nwords;  /* words merged into it */
	size_t at;        /* its first occurrence: words at[0 .. nwords) */
	size_t credit;    /* occurrences inside phrases (added to tf) */
	int generic;      /* every word of it is generic */
	double idf, weight;
} kw_ent;

typedef struct kw_map {
	kw_ent *ents;
	size_t n, cap;
	size_t *slots;    /* index + 1, 0 = free */
	size_t mask;
} kw_map;

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void map_free(kw_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		tekg_free(m->ents[i].word);
	tekg_free(m->ents);
	tekg_free(m->slots);
	memset(m, 0, sizeof *m);
}

static int map_rehash(kw_map *m, size_t nslots)
{
	size_t *s = tekg_calloc(nslots, sizeof *s), i, h;

	if (s == NULL)
		return TEKG_ENOMEM;
	for (i = 0; i < m->n; i++) {
		for (h = fnv(m->ents[i].word) & (nslots - 1); s[h]; h = (h + 1) & (nslots - 1))
			;
		s[h] = i + 1;
	}
	tekg_free(m->slots);
	m->slots = s;
	m->mask = nslots - 1;
	return 0;
}

/* The entry for `word`, created (word copied) when absent; NULL on no memory. */
static kw_ent *map_get(kw_map *m, const char *word, int create)
{
	size_t h;
	kw_ent *e;

	if (m->slots == NULL || 2 * (m->n + 1) > m->mask + 1) {
		if (!create && m->slots == NULL)
			return NULL;
		if (map_rehash(m, m->slots ? 2 * (m->mask + 1) : 256))
			return NULL;
	}
	for (h = fnv(word) & m->mask; m->slots[h]; h = (h + 1) & m->mask)
		if (strcmp(m->ents[m->slots[h] - 1].word, word) == 0)
			return &m->ents[m->slots[h] - 1];
	if (!create)
		return NULL;
	if (m->n == m->cap) {
		size_t ncap = m->cap ? 2 * m->cap : 64;
		kw_ent *ne = tekg_realloc(m->ents, ncap * sizeof *ne);
		if (ne == NULL)
			return NULL;
		m->ents = ne;
		m->cap = ncap;
	}
	e = &m->ents[m->n];
	memset(e, 0, sizeof *e);
	if ((e->word = tekg_strdup(word)) == NULL)
		return NULL;
	m->slots[h] = ++m->n;
	return e;
}

/* ---- candidates --------------------------------------------------------- */

static int is_ascii_word(const char *w)
{
	int letters = 0;

	for (; *w; w++) {
		unsigned char c = (unsigned char)*w;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			letters++;
		else if (!(c >= '0' && c <= '9') && c != '-')
			return 0;
	}
	return letters > 0;
}

static size_t u8_chars(const char *w)
{
	size_t n = 0;

	for (; *w; w++)
		n += ((unsigned char)*w & 0xC0) != 0x80;
	return n;
}

/* 1 when every code point of w is a CJK ideograph or an ASCII letter or
 * digit (no punctuation, symbols or spaces). */
static int plain_word(const char *w)
{
	const unsigned char *p = (const unsigned char *)w;

	while (*p) {
		uint32_t cp;
		size_t n;
		if (*p < 0x80) {
			if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			      (*p >= '0' && *p <= '9')))
				return 0;
			p++;
			continue;
		}
		if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; n = 1; }
		else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; n = 2; }
		else if ((*p & 0xF8) == 0xF0) { cp = *p & 0x07; n = 3; }
		else return 0;
		for (p++; n > 0; n--, p++) {
			if ((*p & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (*p & 0x3F);
		}
		if (!((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		      (cp >= 0x20000 && cp <= 0x3134F)))
			return 0;
	}
	return 1;
}

/* 1 when w mixes ideographs and Latin letters or digits and one of its
 * runs is a single character: an ideograph stuck to an acronym (台 of a
 * word before it, in 台XYZ) or a lone letter stuck to a word (评A).  Mixed
 * words of whole parts (AI产业) are fine. */
static int mixed_fragment(const char *w)
{
	size_t run = 0, runs = 0;
	int latin = -1, bad = 0;

	for (; *w; w++) {
		unsigned char c = (unsigned char)*w;
		int l;
		if ((c & 0xC0) == 0x80)
			continue;
		l = c < 0x80;
		if (l != latin) {
			bad |= runs > 0 && run == 1;
			runs++;
			run = 0;
			latin = l;
		}
		run++;
	}
	bad |= runs > 1 && run == 1;
	return runs > 1 && bad;
}

/* 1 when token text `w` of tagger type `t` may be part of a keyword: a
 * noun-like word of plain characters, or a Latin acronym.  One-character
 * nouns (碳) only count inside phrases (碳市场): the final scoring drops
 * one-character keywords. */
static int candidate(const char *w, const char *t, const xlex *lex)
{
	static const char *const noun_types[] = {"n", "vn", "nz", "nw", "an"};
	size_t i;

	if (!plain_word(w) || kw_is_stop(w) || kw_is_title(lex, w) || mixed_fragment(w))
		return 0;
	if (is_ascii_word(w))
		return strlen(w) >= 2 && strcmp(t, "PER") && strcmp(t, "TIME") &&
		       strcmp(t, "m") && strcmp(t, "q") && strcmp(t, "w");
	for (i = 0; i < sizeof noun_types / sizeof noun_types[0]; i++)
		if (strcmp(t, noun_types[i]) == 0)
			return u8_chars(w) >= 2 || strcmp(t, "n") == 0;
	return 0;
}

/* The candidate words of the article in order; run[i] numbers the run of
 * word i.  All owned by the struct. */
typedef struct kw_words {
	char **w;
	size_t *run;
	size_t n, cap;
} kw_words;

static void words_free(kw_words *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		tekg_free(k->w[i]);
	tekg_free(k->w);
	tekg_free(k->run);
	memset(k, 0, sizeof *k);
}

static int words_push(kw_words *k, char *w, size_t run)
{
	if (k->n == k->cap) {
		size_t ncap = k->cap ? 2 * k->cap : 256;
		char **nw = tekg_realloc(k->w, ncap * sizeof *nw);
		size_t *nr;
		if (nw == NULL)
			return TEKG_ENOMEM;
		k->w = nw;
		if ((nr = tekg_realloc(k->run, ncap * sizeof *nr)) == NULL)
			return TEKG_ENOMEM;
		k->run = nr;
		k->cap = ncap;
	}
	k->w[k->n] = w;
	k->run[k->n++] = run;
	return 0;
}

/* 1 when the byte is an ASCII letter or digit (a Latin run continues). */
static int latin_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* 1 when the work span [ws, we) (chars) cuts a Latin run: it starts with a
 * letter or digit that continues one before it, or ends with one that the
 * next character continues (APE|C, D|eepSeek). */
static int splits_latin(const xart *xa, size_t ws, size_t we)
{
	const char *t = xa->a->work;
	const size_t *b = xa->wbyte;

	if (latin_byte((unsigned char)t[b[ws]]) && ws > 0 &&
	    latin_byte((unsigned char)t[b[ws - 1]]))
		return 1;
	return we < xa->a->work_chars && latin_byte((unsigned char)t[b[we - 1]]) &&
	       latin_byte((unsigned char)t[b[we]]);
}

/* 1 when the work span [ws, we) overlaps an entity mention of sentence s
 * without being equal to it: the token is part of a name, or a name with
 * a piece of the next word stuck to it (a given name without its surname,
 * APEC东道主).  A keyword starts and ends on mention boundaries or outside
 * mentions.  Event mentions do not count.  Mentions count original
 * chars.  O(mentions). */
static int crosses_mention(const xart *xa, const tekg_extraction *out, size_t s, size_t ws,
                           size_t we)
{
	size_t os, oe, m;

	xart_orig_span(xa, ws, we, &os, &oe);
	for (m = 0; m < out->n_mentions; m++) {
		const tekg_x_mention *x = &out->mentions[m];
		/* an event's name is a phrase whose words may well be
		 * keywords (a fair, a forum); names of persons, organizations,
		 * places and dates are not */
		if (x->sentence != s || strcmp(out->entities[x->entity].type, "event") == 0)
			continue;
		if (x->end <= os || x->start >= oe)
			continue;
		if (x->start != os || x->end != oe)
			return 1;
	}
	return 0;
}

static int collect(const xart *xa, const xlex *lex, const tekg_tag_result *tags,
                   const tekg_extraction *out, kw_words *k)
{
	const tekg_article *a = xa->a;
	size_t s, j, run = 0;

	for (s = 0; s < a->n_sents; s++) {
		const tekg_tag_result *r = &tags[s];
		size_t prev_end = (size_t)-1, base = a->sents[s].wstart;

		run++;
		for (j = 0; j < r->n; j++) {
			const tekg_token *t = &r->tokens[j];
			size_t ws = base + t->start, we = base + t->end;
			char *w;
			if (t->end <= t->start || we > a->sents[s].wend) {
				run++;
				continue;
			}
			/* a token that is part of a name or of a Latin word is no
			 * keyword and ends the run (no phrase spans it) */
			if (splits_latin(xa, ws, we) || crosses_mention(xa, out, s, ws, we)) {
				run++;
				prev_end = (size_t)-1;
				continue;
			}
			if ((w = xart_work_text(xa, ws, we)) == NULL)
				return TEKG_ENOMEM;
			if (!candidate(w, t->type, lex)) {
				tekg_free(w);
				run++;
				prev_end = (size_t)-1;
				continue;
			}
			if (prev_end != t->start)
				run++;
			prev_end = t->end;
			if (words_push(k, w, run)) {
				tekg_free(w);
				return TEKG_ENOMEM;
			}
		}
	}
	return 0;
}

/* Join words i..i+n-1 into buf when they share a run and fit; 0 otherwise. */
static int join(const kw_words *k, size_t i, size_t n, char *buf, size_t cap)
{
	size_t j, len = 0, chars = 0;

	if (i + n > k->n)
		return 0;
	for (j = 0; j < n; j++) {
		size_t l = strlen(k->w[i + j]);
		if (k->run[i + j] != k->run[i] || len + l + 1 > cap)
			return 0;
		memcpy(buf + len, k->w[i + j], l);
		len += l;
		chars += u8_chars(k->w[i + j]);
	}
	buf[len] = '\0';
	/* 全国 碳 (市场): a phrase neither starts with a generic word nor ends
	 * with a one-character one */
	return chars <= KW_PHRASE_CHARS && !kw_is_generic(k->w[i]) &&
	       u8_chars(k->w[i + n - 1]) >= 2;
}

static size_t ngram_tf(kw_map *m, const char *w)
{
	kw_ent *e = map_get(m, w, 0);

	return e ? e->ngram_tf : 0;
}

static int cmp_kw(const void *a, const void *b)
{
	const kw_ent *x = *(const kw_ent *const *)a, *y = *(const kw_ent *const *)b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->word, y->word);
}

/* Count one occurrence of unit `word` made of words w[at .. at + n). */
static int add_unit(kw_map *fin, const char *word, char *const *w, size_t at, size_t n)
{
	char *const *parts = w + at;
	kw_ent *e = map_get(fin, word, 1);
	size_t j;
	int known;

	if (e == NULL)
		return TEKG_ENOMEM;
	if (e->tf++ > 0)
		return 0;
	e->nwords = (unsigned)n;
	e->at = at;
	e->generic = 1;
	for (j = 0; j < n; j++)
		e->generic &= kw_is_generic(parts[j]);
	/* idf: the table's, else (a phrase) the largest of its words' */
	e->idf = kw_idf(word, &known);
	if (!known && n > 1 && e->idf >= 0) {
		e->idf = 0;
		for (j = 0; j < n; j++) {
			double v = kw_idf(parts[j], NULL);
			if (v > e->idf)
				e->idf = v;
		}
	}
	return 0;
}

int extract_keywords(const xart *xa, const xlex *lex, const tekg_tag_result *tags,
                     tekg_extraction *out, tekg_error *err)
{
	kw_words k = {0};
	kw_map phr = {0}, fin = {0};
	kw_ent **order = NULL;
	char buf[256];
	size_t i, j, n, maxtf = 0, kept = 0;
	int rc;

	if ((rc = collect(xa, lex, tags, out, &k)))
		goto nomem;
	/* n-gram counts inside runs */
	for (i = 0; i < k.n; i++)
		for (n = 2; n <= KW_PHRASE_WORDS; n++) {
			kw_ent *e;
			if (!join(&k, i, n, buf, sizeof buf))
				break;
			if ((e = map_get(&phr, buf, 1)) == NULL)
				goto nomem;
			e->ngram_tf++;
		}
	/* cover each run left to right */
	for (i = 0; i < k.n;) {
		char b2[256];
		size_t take = 1, t3 = 0, t2 = 0;
		if (join(&k, i, 3, buf, sizeof buf))
			t3 = ngram_tf(&phr, buf);
		if (join(&k, i, 2, b2, sizeof b2))
			t2 = ngram_tf(&phr, b2);
		if (t3 >= KW_MIN_PHRASE_TF && t3 >= t2)
			take = 3;
		else if (t2 >= KW_MIN_PHRASE_TF) {
			take = 2;
			memcpy(buf, b2, strlen(b2) + 1);
		} else
			snprintf(buf, sizeof buf, "%s", k.w[i]);
		if (add_unit(&fin, buf, k.w, i, take))
			goto nomem;
		i += take;
	}
	/* a phrase also counts for those of its words that occur alone too
	 * (口岸经济 for 口岸, when 口岸 is a keyword by itself): articles on
	 * one subject then share keywords however they phrase it */
	for (i = 0; i < fin.n; i++) {
		kw_ent *e = &fin.ents[i];
		for (j = 0; e->nwords > 1 && j < e->nwords; j++) {
			kw_ent *c = map_get(&fin, k.w[e->at + j], 0);
			if (c && c->nwords == 1 && !c->generic)
				c->credit += e->tf;
		}
	}
	for (i = 0; i < fin.n; i++)
		fin.ents[i].tf += fin.ents[i].credit;
	/* score and keep the best */
	if (fin.n == 0)
		goto done;
	if ((order = tekg_malloc(fin.n * sizeof *order)) == NULL)
		goto nomem;
	for (i = 0; i < fin.n; i++) {
		kw_ent *e = &fin.ents[i];
		if (e->generic || (u8_chars(e->word) < 2))
			continue;
		if (e->tf > maxtf)
			maxtf = e->tf;
		order[kept++] = e;
	}
	for (i = 0; i < kept; i++)
		order[i]->weight = (double)order[i]->tf / (double)maxtf *
		                   (order[i]->idf >= 0 ? order[i]->idf : 1.0);
	qsort(order, kept, sizeof *order, cmp_kw);
	for (i = 0; i < kept && i < KW_MAX; i++)
		if (tekg_extraction_keyword(out, order[i]->word, order[i]->tf,
		                            order[i]->idf >= 0 ? order[i]->idf : -1.0,
		                            order[i]->weight))
			goto nomem;
done:
	rc = 0;
	goto cleanup;
nomem:
	rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
cleanup:
	tekg_free(order);
	map_free(&phr);
	map_free(&fin);
	words_free(&k);
	return rc;
}
