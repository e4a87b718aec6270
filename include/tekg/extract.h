/*
 * extract.h - what the extraction stage produces for one document: the
 * plain structs that the store persists.  No SQLite, igraph or libxml2 here.
 *
 * Offsets are code points in the document's ORIGINAL text (tekg_article.orig),
 * so evidence is cut from the source script as written.
 *
 * Identity: every entity, event, date and topic has a stable key
 * "type:canonical" (plus "#n" for a homonym) so that re-ingesting, ingesting
 * in another order or merging databases yields the same nodes.  The store
 * upserts by key: aliases are merged, the first label wins unless a
 * curation renames it.
 *
 * Ownership: a tekg_extraction owns every string and array inside it;
 * free it with tekg_extraction_free().
 */
#ifndef TEKG_EXTRACT_H
#define TEKG_EXTRACT_H

#include <stddef.h>

#include "tekg/error.h"
#include "tekg/tagger.h"
#include "tekg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A node other than a document: person, organization, place, event, date or topic. */
typedef struct tekg_x_entity {
	char *key;       /* "person:王毅", "date:2025-12-11", ... unique in the extraction */
	char *type;      /* "person" | "organization" | "place" | "event" | "date" | "topic" */
	char *label;     /* canonical display name, simplified */
	char *kind;      /* org/place/event kind, or NULL */
	char *title;     /* person: most frequent title in this document, or NULL */
	char *start;     /* event: ISO 8601 start, or NULL */
	char *end;       /* event: ISO 8601 end, or NULL */
	char *value;     /* date: ISO 8601 value, or NULL */
	char *keywords;  /* topic: "|"-joined keywords, or NULL */
	char **aliases;  /* distinct surface forms (any script), may be empty */
	size_t n_aliases;
} tekg_x_entity;

/* One occurrence of an entity in the text. */
typedef struct tekg_x_mention {
	size_t entity;       /* index into tekg_extraction.entities */
	size_t sentence;     /* index into the article's sentences, or
	                        TEKG_X_DOCUMENT for a name in a credit (byline) */
	size_t start, end;   /* code points in the article's original text */
	char *surface;       /* as written (original script) */
	char *norm;          /* normalised (simplified) form */
} tekg_x_mention;

#define TEKG_X_DOCUMENT ((size_t)-1) /* an edge endpoint that is the document itself */

/* A typed, evidenced relation (see docs/graph-contract for the types). */
typedef struct tekg_x_edge {
	char *type;          /* "affiliated_with", "held_in", "participant", ... */
	size_t src;          /* entity index, or TEKG_X_DOCUMENT (for "about") */
	size_t dst;          /* entity index */
	size_t sentence;     /* evidence sentence index in the article */
	char *role;          /* participant role (出席, 致辞, ...) or NULL */
	char *title;         /* affiliated_with title or NULL */
	double weight;       /* 1 unless the relation carries a strength */
} tekg_x_edge;

/* A keyword of the document for topics (src/extract/keywords.c): a noun,
 * verbal noun or merged phrase with its count and TF-IDF weight. */
typedef struct tekg_x_keyword {
	char *word;          /* simplified form, e.g. "口岸经济" */
	size_t tf;           /* occurrences in the document */
	double idf;          /* IDF from jieba's idf.txt; < 0 when the file is missing */
	double weight;       /* tf / max tf * idf (the static score; topics re-blend it) */
} tekg_x_keyword;

typedef struct tekg_extraction {
	tekg_x_entity *entities;
	size_t n_entities, cap_entities;
	tekg_x_mention *mentions;
	size_t n_mentions, cap_mentions;
	tekg_x_edge *edges;
	size_t n_edges, cap_edges;
	tekg_x_keyword *keywords;  /* best first; owned */
	size_t n_keywords, cap_keywords;
} tekg_extraction;

/* Release everything inside x (not x itself).  NULL is a no-op. */
void tekg_extraction_clear(tekg_extraction *x);

/*
 * Find the entity with `key`, or append a new one with that key, type and
 * label.  Returns its index in *idx.  0 or TEKG_ENOMEM.  O(n) lookup: an
 * extraction holds one document's entities (hundreds at most).
 */
int tekg_extraction_entity(tekg_extraction *x, const char *type, const char *label,
                           const char *key, size_t *idx);
/* Add `alias` to entity idx unless present.  0 or TEKG_ENOMEM. */
int tekg_extraction_alias(tekg_extraction *x, size_t idx, const char *alias);
/* Set a string field (kind, title, start, end, value, keywords) of entity
 * idx, replacing what was there.  `field` names it.  0, TEKG_EINVAL or TEKG_ENOMEM. */
int tekg_extraction_set(tekg_extraction *x, size_t idx, const char *field, const char *value);
/* Append a mention / an edge (strings copied).  0 or TEKG_ENOMEM. */
int tekg_extraction_mention(tekg_extraction *x, size_t entity, size_t sentence,
                            size_t start, size_t end, const char *surface, const char *norm);
int tekg_extraction_edge(tekg_extraction *x, const char *type, size_t src, size_t dst,
                         size_t sentence, const char *role, const char *title, double weight);
/* Append a keyword (word copied).  0 or TEKG_ENOMEM. */
int tekg_extraction_keyword(tekg_extraction *x, const char *word, size_t tf, double idf,
                            double weight);

/* The IDF table the keyword extractor uses: $TEKG_IDF_FILE when set and
 * non-empty, else tekg_keywords_default_idf().  Loaded once per process on
 * first use.  Returns the path loaded, or NULL when it could not be read
 * (keywords then carry idf < 0 and topics use corpus IDF only). */
const char *tekg_keywords_idf_path(void);
/* "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt" (python3-jieba). */
const char *tekg_keywords_default_idf(void);

/* ---- the extraction stage ------------------------------------------- */

typedef struct tekg_extractor tekg_extractor;

/* Options; zero-initialise for the defaults. */
typedef struct tekg_extract_opts {
	const char *data_dir;  /* lexicons; NULL: $TEKG_DATA_DIR, PREFIX/share/tekg, ./data */
	/* Tried after the defaults when data_dir is NULL and none of them has
	 * lexicons (the CLI passes the folder beside its executable), or NULL. */
	const char *fallback_data_dir;
	/* Extra lexicon files (--lexicon, format in docs/entities.md), loaded
	 * after the data directory so their lines override it. */
	const char *const *lexicons;
	size_t n_lexicons;
	/* Curation files (--curation), applied in order after `curation_text`. */
	const char *const *curations;
	size_t n_curations;
	/* Curation lines kept in the database ("op<TAB>a<TAB>b" lines joined
	 * by newlines), or NULL. */
	const char *curation_text;
} tekg_extract_opts;

/* Create an extractor (loads lexicons and curation once).  0, TEKG_EIO
 * (a named data directory, lexicon or curation file unreadable),
 * TEKG_EPARSE (a malformed line: the message names file and line),
 * TEKG_EINVAL (a bad curation line), TEKG_ENOMEM.  When no data_dir is
 * given and none of the default places has lexicons, the extractor runs
 * with an empty lexicon (tagger names only, fewer rules).
 * Free with tekg_extractor_free() (NULL-safe).  One extractor may serve
 * one thread at a time. */
int tekg_extractor_new(tekg_extractor **out, const tekg_extract_opts *opts, tekg_error *err);
void tekg_extractor_free(tekg_extractor *x);
/* The folder whose lexicons were loaded, or NULL when none was found (the
 * extractor then runs on the tagger's names alone).  Borrowed. */
const char *tekg_extractor_data_dir(const tekg_extractor *x);
/* The curation operations the extractor applies, in order (the
 * curation_text lines, then the files'): count, and operation i's name
 * ("merge", "rename", "block", "type") and simplified names (b NULL for
 * block).  Borrowed; valid until tekg_extractor_free. */
size_t tekg_extractor_curation_count(const tekg_extractor *x);
void tekg_extractor_curation_get(const tekg_extractor *x, size_t i, const char **op,
                                 const char **a, const char **b);

/*
 * Extract one article into `out` (which the caller zero-initialises and
 * later clears): entities and their mentions from the tagger's tokens,
 * date nodes from the time expressions (anchored on doc_date, nullable),
 * and the relations between them.  tags[i] holds the tokens of sentence i's
 * working text (a->work between sents[i].wstart and wend), as
 * tekg_tagger_tag_batch() returns them; tags may be NULL (no tagger: dates
 * only).  0, TEKG_ENOMEM; on error `out` holds a partial result to clear.
 */
int tekg_extract_article(tekg_extractor *x, const tekg_article *a, const char *doc_date,
                         const tekg_tag_result *tags, tekg_extraction *out,
                         tekg_error *err);

#ifdef __cplusplus
}
#endif
#endif
