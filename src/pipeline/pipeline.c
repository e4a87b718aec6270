/*
 * pipeline.c - orchestration of the stages for ingest and reindex.
 *
 * Per source: read bytes -> hash (skip known sources) -> text stage ->
 * one transaction { source row; per article: date anchoring, document row
 * (or a link when the document is known), tagging of its sentences in one
 * batch, extraction, persisted extraction } -> commit.
 */
#include "tekg/pipeline.h"
#include "tekg/extract.h"
#include "tekg/tagger.h"
#include "tekg/time.h"
#include "tekg/topics.h"
#include "util/alloc.h"
#include "util/sha256.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_SOURCE_BYTES ((size_t)256 << 20)
#define PROGRESS_NS 250000000L /* at most four progress calls a second within a source */

struct tekg_pipeline {
	tekg_store *store;
	tekg_pipeline_opts opts;
	char *date;               /* owned copy of opts.date */
	tekg_tagger *tagger;
	tekg_extractor *extractor;
	tekg_report report;
	struct timespec progress_at; /* last on_progress call (CLOCK_MONOTONIC) */
};

int tekg_pipeline_new(tekg_pipeline **out, tekg_store *s, const tekg_pipeline_opts *opts,
                      tekg_error *err)
{
	tekg_pipeline *p;
	int rc;

	*out = NULL;
	if (opts && opts->date && *opts->date && tekg_time_parse_date(opts->date, NULL, NULL, NULL, err))
		return TEKG_EINVAL;
	p = tekg_calloc(1, sizeof *p);
	if (p == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	p->store = s;
	if (opts)
		p->opts = *opts;
	if (p->opts.date && (p->date = tekg_strdup(p->opts.date)) == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto fail;
	}
	p->opts.date = p->date;
	if (!p->opts.no_tagger && (rc = tekg_tagger_new(&p->tagger, p->opts.model_dir, err)))
		goto fail;
	{
		/* entities: lexicons, and curation kept in the store plus the files' */
		tekg_extract_opts xo = {0};
		char *ctext = NULL;
		size_t i;
		if ((rc = tekg_store_curation_text(s, &ctext, err)))
			goto fail;
		xo.lexicons = p->opts.lexicons;
		xo.n_lexicons = p->opts.n_lexicons;
		xo.curations = p->opts.curations;
		xo.n_curations = p->opts.n_curations;
		xo.curation_text = ctext;
		xo.fallback_data_dir = p->opts.fallback_data_dir;
		rc = tekg_extractor_new(&p->extractor, &xo, err);
		tekg_free(ctext);
		if (rc)
			goto fail;
		for (i = 0; p->opts.n_curations && i < tekg_extractor_curation_count(p->extractor); i++) {
			const char *op, *a, *b;
			tekg_extractor_curation_get(p->extractor, i, &op, &a, &b);
			if ((rc = tekg_store_curation_add(s, op, a, b, err)))
				goto fail;
		}
	}
	*out = p;
	return 0;
fail:
	tekg_pipeline_free(p);
	return rc;
}

void tekg_pipeline_free(tekg_pipeline *p)
{
	if (p == NULL)
		return;
	tekg_tagger_free(p->tagger);
	tekg_extractor_free(p->extractor);
	tekg_free(p->date);
	tekg_free(p);
}

const char *tekg_pipeline_data_dir(const tekg_pipeline *p)
{
	return tekg_extractor_data_dir(p->extractor);
}

const tekg_report *tekg_pipeline_report(const tekg_pipeline *p)
{
	return &p->report;
}

/* Report progress within a source (after an article): on_progress at most
 * every PROGRESS_NS, so that one big JSONL file shows it moving.  One clock
 * read per article. */
static void progress_tick(tekg_pipeline *p, const char *path)
{
	struct timespec now;

	if (!p->opts.on_progress || clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return;
	if ((now.tv_sec - p->progress_at.tv_sec) * 1000000000L +
	    (now.tv_nsec - p->progress_at.tv_nsec) < PROGRESS_NS)
		return;
	p->progress_at = now;
	p->opts.on_progress(p->opts.ud, path ? path : "-", &p->report);
}

static void problem(tekg_pipeline *p, const char *path, const tekg_error *e)
{
	p->report.problems++;
	if (p->opts.on_problem)
		p->opts.on_problem(p->opts.ud, path, e);
}

static void free_tags(tekg_tag_result *res, size_t n)
{
	size_t i;

	if (res == NULL)
		return;
	for (i = 0; i < n; i++)
		tekg_free(res[i].tokens);
	tekg_free(res);
}

/* Byte offsets of every char of s (chars + 1 entries). */
static size_t *char_bytes(const char *s, size_t len, size_t chars)
{
	size_t *t = tekg_malloc((chars + 1) * sizeof *t), i = 0, c = 0;

	if (t == NULL)
		return NULL;
	while (i < len && c < chars) {
		t[c++] = i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	while (c <= chars)
		t[c++] = len;
	return t;
}

static int tag_sentences(tekg_pipeline *p, const tekg_article *a, tekg_tag_result **out,
                         tekg_error *err)
{
	tekg_tag_input *in = NULL;
	tekg_tag_result *res = NULL;
	size_t *wb = NULL, i;
	int rc = 0;

	*out = NULL;
	if (p->tagger == NULL || a->n_sents == 0)
		return 0;
	in = tekg_calloc(a->n_sents, sizeof *in);
	res = tekg_calloc(a->n_sents, sizeof *res);
	wb = char_bytes(a->work, a->work_len, a->work_chars);
	if (!in || !res || !wb) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < a->n_sents; i++) {
		size_t ws = a->sents[i].wstart, we = a->sents[i].wend;
		if (we > a->work_chars)
			we = a->work_chars;
		if (ws > we)
			ws = we;
		in[i].text = a->work + wb[ws];
		in[i].len = wb[we] - wb[ws];
		p->report.chars_tagged += we - ws;
	}
	if ((rc = tekg_tagger_tag_batch(p->tagger, in, a->n_sents, res, p->opts.jobs, err)))
		goto cleanup;
	*out = res;
	res = NULL;
cleanup:
	free_tags(res, a->n_sents);
	tekg_free(in);
	tekg_free(wb);
	return rc;
}

static int extract_and_store(tekg_pipeline *p, int64_t doc_id, const tekg_article *a,
                             const char *date, tekg_error *err)
{
	tekg_extraction x = {0};
	tekg_tag_result *tags = NULL;
	int rc;

	if ((rc = tag_sentences(p, a, &tags, err)))
		return rc;
	if ((rc = tekg_extract_article(p->extractor, a, date, tags, &x, err)) == 0 &&
	    (rc = tekg_store_resolve_persons(p->store, &x, err)) == 0) /* homonyms */
		rc = tekg_store_put_extraction(p->store, doc_id, &x, err);
	tekg_extraction_clear(&x);
	free_tags(tags, a->n_sents);
	return rc;
}

/* Anchor one article against neighbour (NULL: none).  A date that cannot
 * be decided is "" and inferred 1.  Returns 0 or TEKG_ENOMEM. */
static int anchor_one(const tekg_article *a, const char *cli_date, const char *neighbour,
                      char date[11], int *inferred, tekg_error *err)
{
	tekg_error terr = {0};

	if (tekg_time_anchor_article(a, cli_date, neighbour && *neighbour ? neighbour : NULL,
	                             date, inferred, &terr) == 0)
		return 0;
	if (terr.code == TEKG_ENOMEM)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	date[0] = '\0';
	*inferred = 1;
	return 0;
}

/*
 * Decide the dates of the n articles of one source, in source order, into
 * dates[i] and inferred[i] (0 or 1).  An article's own evidence comes first;
 * its neighbours in the source fill in what the text leaves open:
 *   - forward, each article gets the last date before it that rests on
 *     evidence (not TEKG_TIME_WEAK) as neighbour_date;
 *   - backward, an article still undated, or dated only by years that name
 *     something (TEKG_TIME_WEAK), takes the next such date: an undated
 *     first article takes its date from the second;
 *   - only when no article of the source has such a date, an undated
 *     article takes the nearest weak date (previous, else next).
 * A date that cannot be decided is "".  Returns 0 or TEKG_ENOMEM.
 */
static int anchor_source(const tekg_article *const *arts, size_t n, const char *cli_date,
                         char (*dates)[11], int *inferred, tekg_error *err)
{
	char strong[11] = "", any[11] = "";
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if ((rc = anchor_one(arts[i], cli_date, strong, dates[i], &inferred[i], err)))
			return rc;
		if (!dates[i][0] && any[0]) {
			if ((rc = anchor_one(arts[i], cli_date, any, dates[i], &inferred[i], err)))
				return rc;
			if (dates[i][0])
				inferred[i] = TEKG_TIME_WEAK;
		}
		if (dates[i][0] && inferred[i] != TEKG_TIME_WEAK)
			memcpy(strong, dates[i], sizeof strong);
		if (dates[i][0])
			memcpy(any, dates[i], sizeof any);
	}
	strong[0] = any[0] = '\0';
	for (i = n; i-- > 0;) {
		char d[11];
		int inf = 1;
		if (dates[i][0] && inferred[i] != TEKG_TIME_WEAK) {
			memcpy(strong, dates[i], sizeof strong);
		} else if (strong[0] || (!dates[i][0] && any[0])) {
			if ((rc = anchor_one(arts[i], cli_date, strong[0] ? strong : any, d, &inf, err)))
				return rc;
			if (d[0]) {
				memcpy(dates[i], d, sizeof d);
				inferred[i] = strong[0] ? inf : TEKG_TIME_WEAK;
			}
		}
		if (dates[i][0])
			memcpy(any, dates[i], sizeof any);
	}
	for (i = 0; i < n; i++)
		if (inferred[i] == TEKG_TIME_WEAK)
			inferred[i] = 1;
	return 0;
}

static int store_source(tekg_pipeline *p, const tekg_source *src, const char *hash,
                        size_t bytes, tekg_error *err)
{
	const tekg_article **arts = NULL;
	char (*dates)[11] = NULL;
	int *inferred = NULL;
	int64_t source_id = 0, doc_id;
	int is_new, rc;
	size_t i, n = src->n_arts ? src->n_arts : 1;

	arts = tekg_calloc(n, sizeof *arts);
	dates = tekg_calloc(n, sizeof *dates);
	inferred = tekg_calloc(n, sizeof *inferred);
	if (!arts || !dates || !inferred) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < src->n_arts; i++)
		arts[i] = &src->arts[i];
	if ((rc = anchor_source(arts, src->n_arts, p->opts.date, dates, inferred, err)))
		goto cleanup;
	if ((rc = tekg_store_begin(p->store, err)))
		goto cleanup;
	if ((rc = tekg_store_source_add(p->store, src, hash, bytes, &source_id, err)))
		goto fail;
	if (p->opts.date && *p->opts.date &&
	    (rc = tekg_store_source_set_date(p->store, source_id, p->opts.date, err)))
		goto fail;
	for (i = 0; i < src->n_arts; i++) {
		const tekg_article *a = &src->arts[i];
		if ((rc = tekg_store_document_put(p->store, source_id, i, a, dates[i], inferred[i],
		                                  &doc_id, &is_new, err)))
			goto fail;
		if (!is_new) {
			p->report.docs_linked++;
			progress_tick(p, src->path);
			continue;
		}
		p->report.docs_new++;
		if ((rc = extract_and_store(p, doc_id, a, dates[i], err)))
			goto fail;
		progress_tick(p, src->path);
	}
	if ((rc = tekg_store_commit(p->store, err)))
		goto fail;
	p->report.sources_new++;
	p->report.articles += src->n_arts;
	goto cleanup;
fail:
	tekg_store_rollback(p->store);
cleanup:
	tekg_free(arts);
	tekg_free(dates);
	tekg_free(inferred);
	return rc;
}

int tekg_pipeline_ingest_bytes(tekg_pipeline *p, const char *name, const char *bytes,
                               size_t len, tekg_error *err)
{
	tekg_source *src = NULL;
	tekg_error terr = {0};
	int64_t known = 0;
	char hash[65];
	size_t i;
	int rc;

	p->report.inputs++;
	p->report.bytes += len;
	tekg_sha256_hex(bytes, len, hash);
	if ((rc = tekg_store_source_find(p->store, hash, &known, err)))
		return rc;
	if (known) {
		p->report.sources_known++;
		goto done;
	}
	rc = tekg_text_read(&src, name, bytes, len, &p->opts.text, &terr);
	if (rc == TEKG_ENOMEM)
		return tekg_error_set(err, rc, "%s", terr.msg);
	if (rc) {
		p->report.rejected++;
		problem(p, name, &terr);
		rc = 0;
		goto done;
	}
	for (i = 0; i < src->n_diags; i++) {
		tekg_error d = {0};
		if (src->diags[i].line)
			tekg_error_set(&d, src->diags[i].code, "line %zu: %s", src->diags[i].line,
			               src->diags[i].msg ? src->diags[i].msg : "rejected");
		else
			tekg_error_set(&d, src->diags[i].code, "%s",
			               src->diags[i].msg ? src->diags[i].msg : "rejected");
		problem(p, name, &d);
	}
	rc = store_source(p, src, hash, len, err);
	tekg_source_free(src);
	if (rc)
		return rc;
done:
	if (p->opts.on_progress)
		p->opts.on_progress(p->opts.ud, name, &p->report);
	return 0;
}

/* Read a whole stream; NULL with err set on failure or over the cap. */
static char *read_stream(FILE *f, const char *name, size_t *len, tekg_error *err)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = tekg_malloc(cap), *nb;

	if (buf == NULL) {
		tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		return NULL;
	}
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= MAX_SOURCE_BYTES) {
				tekg_free(buf);
				tekg_error_set(err, TEKG_ELIMIT, "larger than %zu MiB",
				               MAX_SOURCE_BYTES >> 20);
				return NULL;
			}
			nb = tekg_realloc(buf, cap * 2);
			if (nb == NULL) {
				tekg_free(buf);
				tekg_error_set(err, TEKG_ENOMEM, "out of memory");
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		tekg_free(buf);
		tekg_error_set(err, TEKG_EIO, "read error: %s", strerror(errno));
		return NULL;
	}
	(void)name;
	*len = n;
	return buf;
}

static int ingest_file(tekg_pipeline *p, const char *path, tekg_error *err)
{
	tekg_error ferr = {0};
	FILE *f;
	char *buf;
	size_t len = 0;
	int rc;

	if (strcmp(path, "-") == 0) {
		f = stdin;
	} else if ((f = fopen(path, "rb")) == NULL) {
		p->report.inputs++;
		p->report.rejected++;
		tekg_error_set(&ferr, TEKG_EIO, "%s", strerror(errno));
		problem(p, path, &ferr);
		return 0;
	}
	{
		/* a regular file over the cap is refused before reading it */
		struct stat st;
		if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size > (uintmax_t)MAX_SOURCE_BYTES) {
			fclose(f);
			p->report.inputs++;
			p->report.rejected++;
			tekg_error_set(&ferr, TEKG_ELIMIT, "larger than %zu MiB",
			               MAX_SOURCE_BYTES >> 20);
			problem(p, path, &ferr);
			return 0;
		}
	}
	buf = read_stream(f, path, &len, &ferr);
	if (f != stdin)
		fclose(f);
	if (buf == NULL) {
		if (ferr.code == TEKG_ENOMEM)
			return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		p->report.inputs++;
		p->report.rejected++;
		problem(p, path, &ferr);
		return 0;
	}
	rc = tekg_pipeline_ingest_bytes(p, path, buf, len, err);
	tekg_free(buf);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ingest_dir(tekg_pipeline *p, const char *path, int depth, tekg_error *err)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL, **nn;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (depth > 64) {
		tekg_error e = {0};
		tekg_error_set(&e, TEKG_ELIMIT, "directories nested too deeply");
		problem(p, path, &e);
		return 0;
	}
	if ((d = opendir(path)) == NULL) {
		tekg_error e = {0};
		p->report.rejected++;
		tekg_error_set(&e, TEKG_EIO, "%s", strerror(errno));
		problem(p, path, &e);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len;
		char *full;
		if (de->d_name[0] == '.')
			continue;
		len = strlen(path) + strlen(de->d_name) + 2;
		if ((full = tekg_malloc(len)) == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		snprintf(full, len, "%s%s%s", path,
		         path[strlen(path) - 1] == '/' ? "" : "/", de->d_name);
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nn = tekg_realloc(names, cap * sizeof *nn)) == NULL) {
				tekg_free(full);
				rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
				goto cleanup;
			}
			names = nn;
		}
		names[n++] = full;
	}
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		struct stat st;
		/* Inside a folder only regular files and folders are read: a
		 * symbolic link could lead outside the input (or loop) and a FIFO
		 * or device would block or never end. */
		if (lstat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = ingest_dir(p, names[i], depth + 1, err);
		} else if (lstat(names[i], &st) == 0 && !S_ISREG(st.st_mode)) {
			tekg_error e = {0};
			p->report.inputs++;
			p->report.rejected++;
			tekg_error_set(&e, TEKG_EIO, S_ISLNK(st.st_mode)
			               ? "symbolic link inside a folder, not followed"
			               : "not a regular file, skipped");
			problem(p, names[i], &e);
		} else {
			rc = ingest_file(p, names[i], err);
		}
	}
cleanup:
	closedir(d);
	for (i = 0; i < n; i++)
		tekg_free(names[i]);
	tekg_free(names);
	return rc;
}

int tekg_pipeline_ingest(tekg_pipeline *p, const char *path, tekg_error *err)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return ingest_dir(p, path, 0, err);
	return ingest_file(p, path, err);
}

/* Re-date and re-extract the documents refs[0..n) of one source, in its
 * order; done[doc_id] marks documents already handled through an earlier
 * source (a document keeps the date of the first source that holds it). */
static int reindex_source(tekg_pipeline *p, const tekg_store_docref *refs, size_t n,
                          unsigned char *done, tekg_error *err)
{
	tekg_source **docs = NULL;
	const tekg_article **arts = NULL;
	char (*dates)[11] = NULL;
	int *inferred = NULL;
	const char *cli = p->opts.date && *p->opts.date ? p->opts.date : refs[0].cli_date;
	size_t i;
	int rc = 0;

	docs = tekg_calloc(n, sizeof *docs);
	arts = tekg_calloc(n, sizeof *arts);
	dates = tekg_calloc(n, sizeof *dates);
	inferred = tekg_calloc(n, sizeof *inferred);
	if (!docs || !arts || !dates || !inferred) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < n; i++) {
		if ((rc = tekg_store_document_load(p->store, refs[i].doc_id, &docs[i], err)))
			goto cleanup;
		arts[i] = &docs[i]->arts[0];
	}
	if ((rc = anchor_source(arts, n, cli, dates, inferred, err)))
		goto cleanup;
	for (i = 0; i < n; i++) {
		if (done[refs[i].doc_id])
			continue;
		done[refs[i].doc_id] = 1;
		if ((rc = tekg_store_document_set_date(p->store, refs[i].doc_id, dates[i],
		                                       inferred[i], err)) ||
		    (rc = extract_and_store(p, refs[i].doc_id, arts[i], dates[i], err)))
			goto cleanup;
		p->report.docs_new++;
		progress_tick(p, docs[i]->path);
	}
cleanup:
	for (i = 0; docs && i < n; i++)
		tekg_source_free(docs[i]);
	tekg_free(docs);
	tekg_free(arts);
	tekg_free(dates);
	tekg_free(inferred);
	return rc;
}

typedef struct reindex_ctx {
	tekg_pipeline *p;
	const unsigned char *done;
	size_t n_done;
	tekg_error *err;
} reindex_ctx;

/* A document no source holds (not made by tekg itself): dated alone. */
static int reindex_orphan(int64_t id, void *ud)
{
	reindex_ctx *c = ud;
	tekg_pipeline *p = c->p;
	tekg_source *src = NULL;
	char date[11];
	int inferred = 1, rc;

	if (id >= 0 && (size_t)id < c->n_done && c->done[id])
		return 0;
	if ((rc = tekg_store_document_load(p->store, id, &src, c->err)))
		return rc;
	if ((rc = anchor_one(&src->arts[0], p->opts.date, NULL, date, &inferred, c->err)) == 0 &&
	    (rc = tekg_store_document_set_date(p->store, id, date, inferred, c->err)) == 0)
		rc = extract_and_store(p, id, &src->arts[0], date, c->err);
	tekg_source_free(src);
	p->report.docs_new++;
	return rc;
}

/*
 * Reindex: each source's documents are dated again together, in source
 * order and with the source's ingest --date (unless reindex has its own),
 * exactly as ingest dated them; then re-extracted.
 */
int tekg_pipeline_reindex(tekg_pipeline *p, tekg_error *err)
{
	tekg_store_docref *refs = NULL;
	unsigned char *done = NULL;
	size_t n = 0, i, g, n_done = 1;
	reindex_ctx c;
	int rc;

	if ((rc = tekg_store_begin(p->store, err)))
		return rc;
	if ((rc = tekg_store_clear_extractions(p->store, err)) ||
	    (rc = tekg_store_document_order(p->store, &refs, &n, err)))
		goto fail;
	for (i = 0; i < n; i++)
		if (refs[i].doc_id >= 0 && (size_t)refs[i].doc_id >= n_done)
			n_done = (size_t)refs[i].doc_id + 1;
	if ((done = tekg_calloc(n_done, 1)) == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto fail;
	}
	for (g = 0; g < n; g = i) {
		for (i = g; i < n && refs[i].source_id == refs[g].source_id; i++)
			;
		if ((rc = reindex_source(p, refs + g, i - g, done, err)))
			goto fail;
	}
	c.p = p;
	c.done = done;
	c.n_done = n_done;
	c.err = err;
	if ((rc = tekg_store_each_document_id(p->store, reindex_orphan, &c, err)) ||
	    (rc = tekg_store_commit(p->store, err)))
		goto fail;
	tekg_free(refs);
	tekg_free(done);
	return 0;
fail:
	tekg_store_rollback(p->store);
	tekg_free(refs);
	tekg_free(done);
	return rc;
}

int tekg_pipeline_finish(tekg_pipeline *p, tekg_error *err)
{
	return tekg_topics_rebuild(p->store, NULL, err);
}
