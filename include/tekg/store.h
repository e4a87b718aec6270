/*
 * store.h - the SQLite store: the one truth every later stage reads.
 *
 * The only module that speaks SQL.  Schema: src/store/schema.sql, versioned
 * with PRAGMA user_version and upgraded by migrations on open.  WAL mode;
 * the pipeline wraps each source in one transaction (tekg_store_begin /
 * commit), so an interrupted ingest leaves the database as it was before
 * that source and a re-run completes it.
 *
 * Errors: every function returns 0 or a negative TEKG_E* code and fills
 * `err` (nullable).  TEKG_EDB covers SQLite errors, including a corrupt or
 * read-only database.  Strings handed to callbacks are borrowed for the
 * duration of the call.
 */
#ifndef TEKG_STORE_H
#define TEKG_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "tekg/error.h"
#include "tekg/extract.h"
#include "tekg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tekg_store tekg_store;

enum {
	TEKG_STORE_READONLY = 1, /* open read-only (queries, export); never creates */
	TEKG_STORE_NOCREATE = 2  /* fail with TEKG_ENOTFOUND when the file is missing */
};

#define TEKG_STORE_SCHEMA_VERSION 3

/*
 * Open (creating and migrating as needed) the database at `path`.
 * Returns 0 and *out (close with tekg_store_close), or TEKG_EDB (not a
 * database, corrupt, newer schema than this tekg, read-only file while
 * writing), TEKG_ENOTFOUND, TEKG_ENOMEM.
 */
int tekg_store_open(tekg_store **out, const char *path, int flags, tekg_error *err);
/* Close; NULL is a no-op.  An open transaction is rolled back. */
void tekg_store_close(tekg_store *s);
/* SQLite's version string (static). */
const char *tekg_store_lib_version(void);

int tekg_store_begin(tekg_store *s, tekg_error *err);
int tekg_store_commit(tekg_store *s, tekg_error *err);
/* Roll back the open transaction, if any; never fails visibly. */
void tekg_store_rollback(tekg_store *s);

/* ---- sources ---------------------------------------------------------- */

/* *id = the source whose raw bytes hash to `hash`, or 0 when none. */
int tekg_store_source_find(tekg_store *s, const char *hash, int64_t *id, tekg_error *err);
/* Record a source (path, hash of its raw bytes, size, format, encoding,
 * script profile, page-furniture metadata).  *id receives its row id. */
int tekg_store_source_add(tekg_store *s, const tekg_source *src, const char *hash,
                          size_t bytes, int64_t *id, tekg_error *err);
/* Record the --date given when source_id was ingested ("YYYY-MM-DD"; NULL
 * or "" for none), so that reindex dates its documents the same way. */
int tekg_store_source_set_date(tekg_store *s, int64_t source_id, const char *date,
                               tekg_error *err);
/*
 * Remove every source whose path or hash equals `name`, every document only
 * they supported, and every entity left with no mention and no edge.
 * *n_sources / *n_docs (nullable) receive counts.  TEKG_ENOTFOUND when no
 * source matches.
 */
int tekg_store_source_remove(tekg_store *s, const char *name, size_t *n_sources,
                             size_t *n_docs, tekg_error *err);

/* ---- documents -------------------------------------------------------- */

/*
 * Store article `a`, the seq-th of source `source_id`.  An article whose
 * working text hashes like a stored document is the same document: only a
 * link to this source is added and *is_new is 0.  A new document gets its
 * sentences, credits and dateline, and is compared with stored documents by
 * MinHash (LSH bands): at similarity >= TEKG_STORE_DUP_THRESHOLD it is
 * marked duplicate_of the earliest such document.  `date` (YYYY-MM-DD or a
 * partial ISO date, nullable) is the document date, `date_inferred` 1 when
 * it was inferred.
 */
#define TEKG_STORE_DUP_THRESHOLD 0.9
int tekg_store_document_put(tekg_store *s, int64_t source_id, size_t seq,
                            const tekg_article *a, const char *date, int date_inferred,
                            int64_t *doc_id, int *is_new, tekg_error *err);
/* Replace the document's date (used by reindex when the time rules change). */
int tekg_store_document_set_date(tekg_store *s, int64_t doc_id, const char *date,
                                 int date_inferred, tekg_error *err);

/*
 * Persist the extraction of document doc_id: entities are upserted by key
 * (aliases merged; kind/title/start/end/value/keywords filled when empty),
 * mentions and edges inserted with their evidence sentence.  Idempotent per
 * document: earlier mentions and edges of doc_id are replaced.
 */
int tekg_store_put_extraction(tekg_store *s, int64_t doc_id, const tekg_extraction *x,
                              tekg_error *err);

/*
 * Rebuild a stored document as a one-article tekg_source (for reindex and
 * show): orig, work, map, sentences, credits, dateline, date, url, title,
 * metadata; src->path is the first source's path.  Free with
 * tekg_source_free().  TEKG_ENOTFOUND for an unknown id.
 */
int tekg_store_document_load(tekg_store *s, int64_t doc_id, tekg_source **out,
                             tekg_error *err);

/* One link of a document to a source, as listed by tekg_store_document_order. */
typedef struct tekg_store_docref {
	int64_t source_id; /* source row id */
	int64_t doc_id;    /* document row id */
	char cli_date[11]; /* the source's ingest --date, "" when none */
} tekg_store_docref;

/*
 * List every (source, document) link in source id order and, within a
 * source, in article order (seq): the order in which reindex dates
 * documents with their neighbours.  On success *out (freed by the caller
 * with tekg_free(); NULL when *n is 0) holds *n entries; a document in two
 * sources appears twice.  TEKG_EDB, TEKG_ENOMEM.
 */
int tekg_store_document_order(tekg_store *s, tekg_store_docref **out, size_t *n,
                              tekg_error *err);

/* Call cb for every document id in id order; a non-zero return from cb
 * stops the walk and is returned. */
int tekg_store_each_document_id(tekg_store *s, int (*cb)(int64_t id, void *ud), void *ud,
                                tekg_error *err);

/* Delete every mention, edge and entity (documents stay): reindex's first step. */
int tekg_store_clear_extractions(tekg_store *s, tekg_error *err);

/* Find a document by id ("12", "n12"/"d12" as exported) or by exact title.
 * TEKG_ENOTFOUND / TEKG_EAMBIGUOUS. */
int tekg_store_document_resolve(tekg_store *s, const char *name, int64_t *doc_id,
                                tekg_error *err);

/* ---- counts ----------------------------------------------------------- */

typedef struct tekg_store_stats {
	int64_t sources, documents, duplicates, sentences, credits, mentions;
	int64_t persons, organizations, places, events, dates, topics;
	int64_t edges;       /* stored relation rows (evidence), all types */
	int64_t edge_pairs;  /* distinct (type, source, target) relations */
} tekg_store_stats;

int tekg_store_stats_get(tekg_store *s, tekg_store_stats *out, tekg_error *err);

/* ---- read API for graph/ and export/ --------------------------------- */

typedef struct tekg_doc_row {
	int64_t id;
	const char *title, *url, *date, *source, *dup_title;
	int date_inferred;
	int64_t duplicate_of;           /* 0 when not a duplicate */
	int64_t source_start, source_end;
	int64_t n_sources;
} tekg_doc_row;

typedef struct tekg_entity_row {
	int64_t id;
	const char *key, *type, *label, *kind, *title, *start, *end, *value, *keywords;
	const char *aliases;           /* "|"-joined distinct surface forms */
	int64_t mentions, docs;
	const char *first_seen, *last_seen; /* ISO dates of the documents, or NULL */
} tekg_entity_row;

typedef struct tekg_edge_row {
	const char *type;
	int src_is_doc;                /* 1: src is a document id, 0: an entity id */
	int64_t src, dst;              /* dst is an entity id */
	const char *role, *title;
	double weight;                 /* sum of observation weights */
	int64_t docs;                  /* distinct documents with evidence */
	const char *evidence;          /* first evidence sentence, original script */
	int64_t evidence_doc, evidence_start, evidence_end;
	const char *first_seen, *last_seen;
} tekg_edge_row;

/* Walk documents / entities / aggregated edges.  include_duplicates: when 0
 * (the default of every command), documents marked duplicate_of contribute
 * no evidence to edges or counts (their document nodes still exist).
 * Edges include the derived "mentions" (document -> entity) and "co_occurs"
 * (two persons/organizations/places in one sentence) relations. */
int tekg_store_each_document(tekg_store *s, int (*cb)(const tekg_doc_row *, void *),
                             void *ud, tekg_error *err);
int tekg_store_each_entity(tekg_store *s, int include_duplicates,
                           int (*cb)(const tekg_entity_row *, void *), void *ud,
                           tekg_error *err);
int tekg_store_each_edge(tekg_store *s, int include_duplicates,
                         int (*cb)(const tekg_edge_row *, void *), void *ud,
                         tekg_error *err);

/* Credits of a document (for show). */
typedef struct tekg_credit_row {
	const char *role, *outlet, *names, *text;
} tekg_credit_row;
int tekg_store_each_credit(tekg_store *s, int64_t doc_id,
                           int (*cb)(const tekg_credit_row *, void *), void *ud,
                           tekg_error *err);
/* Sources of a document (path, source_start, source_end). */
int tekg_store_each_doc_source(tekg_store *s, int64_t doc_id,
                               int (*cb)(const char *path, int64_t start, int64_t end, void *),
                               void *ud, tekg_error *err);

/* Run one read-only statement and call cb per row with column names and
 * text values (NULL for SQL NULL).  Rejects anything that writes
 * (TEKG_EINVAL).  For `tekg query sql`. */
int tekg_store_query_readonly(tekg_store *s, const char *sql,
                              int (*cb)(int ncol, const char *const *names,
                                        const char *const *values, void *ud),
                              void *ud, tekg_error *err);

/* Storage class of a value passed by tekg_store_query_readonly_typed. */
typedef enum {
	TEKG_SQL_NULL,
	TEKG_SQL_INTEGER,
	TEKG_SQL_REAL,
	TEKG_SQL_TEXT,
	TEKG_SQL_BLOB
} tekg_sql_type;

/* The same, with each value's storage class in types[] (from
 * sqlite3_column_type).  REAL values come as the shortest text that reads
 * back as the same double (not SQLite's 15 digits); the others as SQLite
 * renders them, NULL as a NULL pointer.  Arrays are borrowed for the call. */
int tekg_store_query_readonly_typed(tekg_store *s, const char *sql,
                                    int (*cb)(int ncol, const char *const *names,
                                              const char *const *values,
                                              const tekg_sql_type *types, void *ud),
                                    void *ud, tekg_error *err);

/* ---- keywords and topics (src/store/store_topics.c, docs/topics.md) ---- */

/* Replace the stored keywords of doc_id with x->keywords (called by
 * tekg_store_put_extraction). */
int tekg_store_put_keywords(tekg_store *s, int64_t doc_id, const tekg_extraction *x,
                            tekg_error *err);

/* One stored keyword of a document; idf < 0 when it had no jieba IDF. */
typedef struct tekg_keyword_row {
	int64_t doc_id;
	const char *word;
	int64_t tf;
	double idf, weight;
} tekg_keyword_row;

/* Walk the keywords of every document (duplicates left out unless
 * include_duplicates), by document id then weight (descending), word. */
int tekg_store_each_keyword(tekg_store *s, int include_duplicates,
                            int (*cb)(const tekg_keyword_row *, void *), void *ud,
                            tekg_error *err);

/* Delete every `about` edge and the aliases of every topic: the first step
 * of a rebuild.  Topic entities stay, so a topic that comes back keeps its
 * id; tekg_store_topics_prune() then deletes those that did not. */
int tekg_store_topics_clear(tekg_store *s, tekg_error *err);
/* Delete every topic entity without an `about` edge. */
int tekg_store_topics_prune(tekg_store *s, tekg_error *err);
/* Insert topic `key` (or update the one with that key: same id) with label,
 * "|"-joined keywords and aliases (nullable array; an alias that is the
 * label or an alias of a node other than a topic is skipped); *id receives
 * its entity id. */
int tekg_store_topic_add(tekg_store *s, const char *key, const char *label,
                         const char *keywords, const char *const *aliases, size_t n_aliases,
                         int64_t *id, tekg_error *err);
/* Insert an `about` edge row: from document doc_id (src_event 0) or from
 * event entity src_event, to topic_id, evidenced in doc_id's sentence
 * sentence_id (0: none), with weight = relevance. */
int tekg_store_about_add(tekg_store *s, int64_t doc_id, int64_t src_event, int64_t topic_id,
                         int64_t sentence_id, double weight, tekg_error *err);
/* Call cb for each (document, event entity) pair: the event is mentioned in
 * the document or is the source or target of one of its edges. */
int tekg_store_each_doc_event(tekg_store *s, int (*cb)(int64_t doc_id, int64_t event, void *),
                              void *ud, tekg_error *err);
/* Call cb for each sentence of doc_id in order with its id and working
 * (simplified) text. */
int tekg_store_each_sentence_text(tekg_store *s, int64_t doc_id,
                                  int (*cb)(int64_t sentence_id, const char *work, void *),
                                  void *ud, tekg_error *err);
/* A note about how topics were made (meta table, key "topics.KEY"):
 * set (value NULL deletes) / get (*out owned by the caller, NULL when unset). */
int tekg_store_topics_note_set(tekg_store *s, const char *key, const char *value,
                               tekg_error *err);
int tekg_store_topics_note_get(tekg_store *s, const char *key, char **out, tekg_error *err);

/* ---- entity curation (src/store/store_entities.c) ----------------------
 * Researchers' fixes kept in the database (table curation) and applied by
 * the extraction stage on every ingest and reindex.
 * Add one line unless the same (op, a, b) is already there.  op is merge,
 * rename, block or type (the caller validates it); b NULL for block.
 * 0, TEKG_EINVAL, TEKG_EDB. */
int tekg_store_curation_add(tekg_store *s, const char *op, const char *a, const char *b,
                            tekg_error *err);
/* Every curation line in insertion order as "op<TAB>a[<TAB>b]\n" lines;
 * *out owned by the caller (tekg_free), NULL when the table is empty.
 * 0, TEKG_EDB, TEKG_ENOMEM. */
int tekg_store_curation_text(tekg_store *s, char **out, tekg_error *err);
/*
 * Cross-document homonyms (docs/entities.md): before x is stored, a person
 * of x affiliated only with organisations that are not government or
 * international bodies, whose stored namesakes ("person:NAME",
 * "person:NAME#n") all have affiliations and share none with it is a
 * different person: its key becomes "person:NAME#n" (n = namesakes + 1);
 * when one namesake shares an organisation (or has no affiliation), x's
 * person takes that namesake's key.  Persons without affiliations keep
 * "person:NAME".  Only keys change.  0, TEKG_EDB, TEKG_ENOMEM.
 */
int tekg_store_resolve_persons(tekg_store *s, tekg_extraction *x, tekg_error *err);

#ifdef __cplusplus
}
#endif
#endif
