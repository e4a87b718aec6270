/*
 * topics.h - topics: what the news is about (docs/topics.md).
 *
 * The extraction stage stores each document's keywords (TF-IDF over
 * nouns, verbal nouns and merged phrases; src/extract/keywords.c).
 * tekg_topics_rebuild() re-weights them with an IDF blended from jieba's
 * table and the corpus, links keywords that are prominent in the same
 * documents, clusters that keyword graph with Leiden (igraph, fixed seed)
 * and stores one `topic` entity per cluster (label: its two best keywords;
 * `keywords`: the best ten, "|"-joined, also its aliases unless they name
 * another node) with `about` edges from documents
 * and events, weighted by relevance.  Exports and queries read topics like
 * any other node.
 *
 * Errors: 0 or a negative TEKG_E* code with a message in `err` (nullable):
 * TEKG_EDB, TEKG_EGRAPH, TEKG_ENOMEM.  Nothing is printed.
 */
#ifndef TEKG_TOPICS_H
#define TEKG_TOPICS_H

#include <stddef.h>

#include "tekg/error.h"
#include "tekg/store.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TEKG_TOPIC_SEED 42          /* Leiden's random seed */
#define TEKG_TOPIC_PER_DOC 12       /* keywords per document in the keyword graph */
#define TEKG_TOPIC_KEYWORDS 10      /* keywords listed per topic */
#define TEKG_TOPIC_MAX_KEYWORDS 50  /* the most keywords listed per topic */
#define TEKG_TOPIC_MIN_SIZE 3       /* keywords a cluster needs to be a topic */
#define TEKG_TOPIC_MIN_RELEVANCE 0.1 /* about edges below this (but the best) are left out */
#define TEKG_TOPIC_RESOLUTION 1.0   /* Leiden modularity resolution (lower: fewer, larger topics) */
#define TEKG_TOPIC_IDF_PRIOR 20.0   /* weight of jieba's IDF, in documents */

/* Options; zero-initialise for the defaults above. */
typedef struct tekg_topic_opts {
	unsigned long seed;        /* 0: TEKG_TOPIC_SEED */
	size_t per_doc;            /* 0: TEKG_TOPIC_PER_DOC */
	size_t keywords;           /* 0: TEKG_TOPIC_KEYWORDS; at most TEKG_TOPIC_MAX_KEYWORDS */
	size_t min_size;           /* 0: TEKG_TOPIC_MIN_SIZE */
	double min_relevance;      /* 0: TEKG_TOPIC_MIN_RELEVANCE */
	double idf_prior;          /* 0: TEKG_TOPIC_IDF_PRIOR */
	double resolution;         /* 0: TEKG_TOPIC_RESOLUTION */
	int include_duplicates;    /* duplicates' keywords count too */
} tekg_topic_opts;

/*
 * Replace the stored topics of s with topics computed from the stored
 * keywords, in one transaction (s must not be inside one).  The same
 * keywords and options give the same topics.  Notes in the store's meta
 * table: topics.idf (the IDF source), topics.settings, topics.modularity.
 * Cost: O(documents * per_doc^2) plus Leiden on the keyword graph.
 */
int tekg_topics_rebuild(tekg_store *s, const tekg_topic_opts *o, tekg_error *err);

#ifdef __cplusplus
}
#endif
#endif
