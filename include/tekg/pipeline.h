/*
 * pipeline.h - the whole ingest: files -> text -> tagger -> extract ->
 * store, one SQLite transaction per source, and reindex (re-extract the
 * stored documents without re-reading files).
 *
 * The library never prints: problems with single inputs (a missing file,
 * invalid UTF-8, a malformed JSONL line) go to the on_problem callback and
 * are counted in the report; processing continues with the other inputs.
 * Database and internal errors stop the run and are returned.
 */
#ifndef TEKG_PIPELINE_H
#define TEKG_PIPELINE_H

#include <stddef.h>

#include "tekg/error.h"
#include "tekg/store.h"
#include "tekg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tekg_pipeline tekg_pipeline;

/* What a run did so far. */
typedef struct tekg_report {
	size_t inputs;           /* files (and stdin) looked at */
	size_t rejected;         /* inputs rejected whole (missing, binary, bad encoding) */
	size_t problems;         /* every reported problem, including single bad lines */
	size_t sources_new;      /* sources stored */
	size_t sources_known;    /* sources skipped: same bytes already stored */
	size_t articles;         /* articles read from new sources */
	size_t docs_new;         /* new documents */
	size_t docs_linked;      /* articles that were an already stored document */
	size_t bytes;            /* raw bytes read */
	size_t chars_tagged;     /* characters run through the tagger */
} tekg_report;

typedef struct tekg_pipeline_opts {
	tekg_text_opts text;     /* input format, script profile, JSONL field map */
	const char *date;        /* --date: the documents' date, YYYY-MM-DD, or NULL */
	const char *model_dir;   /* --model, or NULL for $TEKG_MODEL_DIR / the Debian path */
	int jobs;                /* tagger threads; <= 0: number of cores */
	int no_tagger;           /* skip tagging (dates and documents only) */
	/* --lexicon FILEs (after the data directory's lexicons) and --curation
	 * FILEs; a curation file's lines are also kept in the database, which
	 * applies them to every later ingest and reindex (docs/entities.md). */
	const char *const *lexicons;
	size_t n_lexicons;
	const char *const *curations;
	size_t n_curations;
	/* The lexicon folder to try when $TEKG_DATA_DIR is unset and neither
	 * PREFIX/share/tekg nor ./data exists (tekg_extract_opts), or NULL. */
	const char *fallback_data_dir;
	/* A problem with one input (path, or "-" for stdin): the run goes on. */
	void (*on_problem)(void *ud, const char *path, const tekg_error *e);
	/* Called with the running report (for progress): after each source,
	 * and within a source after an article at most four times a second
	 * (one big JSONL file shows progress too); reindex likewise. */
	void (*on_progress)(void *ud, const char *path, const tekg_report *r);
	void *ud;
} tekg_pipeline_opts;

/*
 * Create a pipeline writing to store `s` (borrowed: it must outlive the
 * pipeline).  Loads the tagger unless opts->no_tagger: a missing or
 * unexpected model is TEKG_EMODEL with a message naming the Debian package.
 * 0 or a negative code; free with tekg_pipeline_free (NULL-safe).
 */
int tekg_pipeline_new(tekg_pipeline **out, tekg_store *s, const tekg_pipeline_opts *opts,
                      tekg_error *err);
void tekg_pipeline_free(tekg_pipeline *p);

/*
 * Ingest a path: a file, a directory (recursed in name order, hidden
 * entries skipped) or "-" (standard input).  Each source is one
 * transaction: a failure or a kill leaves the store as before that source,
 * and a re-run completes the work (sources already stored are skipped by
 * content hash).  Returns 0 when the store is consistent (even if inputs
 * were rejected: see the report), or TEKG_EDB / TEKG_ENOMEM / TEKG_EMODEL.
 */
int tekg_pipeline_ingest(tekg_pipeline *p, const char *path, tekg_error *err);

/* Ingest bytes already in memory as source `name`. */
int tekg_pipeline_ingest_bytes(tekg_pipeline *p, const char *name, const char *bytes,
                               size_t len, tekg_error *err);

/* Re-run date anchoring and extraction on every stored document (one
 * transaction).  0 or a negative code. */
int tekg_pipeline_reindex(tekg_pipeline *p, tekg_error *err);

/* After ingest or reindex: rebuild the topics from the stored keywords
 * (tekg_topics_rebuild, include/tekg/topics.h; its own transaction). */
int tekg_pipeline_finish(tekg_pipeline *p, tekg_error *err);

/* The running report (borrowed). */
const tekg_report *tekg_pipeline_report(const tekg_pipeline *p);
/* The folder the lexicons came from, or NULL when none was found.  Borrowed. */
const char *tekg_pipeline_data_dir(const tekg_pipeline *p);

#ifdef __cplusplus
}
#endif
#endif
