/*
 * extract_int.h - internals shared by the extraction stage's files.
 */
#ifndef TEKG_EXTRACT_INT_H
#define TEKG_EXTRACT_INT_H

#include "tekg/extract.h"

/* An article prepared for extraction: char -> byte offsets of the original
 * text, so spans are cut from it in O(1). */
typedef struct xart {
	const tekg_article *a;
	size_t *obyte;   /* orig_chars + 1 entries */
	size_t *wbyte;   /* work_chars + 1 entries */
	const char *doc_date; /* "YYYY-MM-DD" anchor of the article, or NULL (borrowed) */
} xart;

int xart_init(xart *xa, const tekg_article *a);
void xart_clear(xart *xa);
/* Index of the sentence holding work char w, or a->n_sents when none. */
size_t xart_sentence_of(const xart *xa, size_t w);
/* Orig span of the work span [ws, we). */
void xart_orig_span(const xart *xa, size_t ws, size_t we, size_t *os, size_t *oe);
/* New strings cut from the orig / work text (chars), NULL on no memory. */
char *xart_orig_text(const xart *xa, size_t os, size_t oe);
char *xart_work_text(const xart *xa, size_t ws, size_t we);

/* The stages of extraction, each appending to out. */
int extract_dates(const xart *xa, const char *doc_date, tekg_extraction *out, tekg_error *err);
int extract_entities(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                     tekg_error *err);
/* Events with their arguments; runs after dates and entities, whose
 * entities and mentions it finds in `out` (src/extract/events.c). */
int extract_events(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                   tekg_error *err);
/* Keywords of the article for topics (src/extract/keywords.c). */
int extract_keywords(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                     tekg_error *err);

#endif
