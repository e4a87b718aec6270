/*
 * test_faults.c - fault injection over the whole pipeline (curl's "torture"
 * idea): make the Nth library allocation fail, for N over the allocations
 * of a run (every one at the start, then a stride), while ingesting a small
 * corpus, rebuilding topics, building the graph and writing it in every
 * export format.  For each N:
 *
 *   - the failing call returns a negative code with a message (a call that
 *     returns 0 must have produced exactly the clean result);
 *   - the database passes PRAGMA integrity_check and holds exactly the
 *     content of a clean run stopped between two sources (per-source
 *     transactions: nothing half-stored);
 *   - a re-run without failures ends with exactly the content of a clean
 *     run (nothing lost, nothing doubled);
 *   - a failed export leaves no target file and no temporary file;
 *   - leaks are caught by LeakSanitizer in the sanitizer run
 *     (make SANITIZE=address,undefined check).
 *
 * The corpus is copied from tests/data/cli (text, JSONL, HTML).  Without
 * the tagger model the extraction stages see no tokens; with it (python3-
 * jieba installed) a second, coarser loop runs with tagging on.
 * TEKG_FAULT_STRIDE overrides the stride (1 = every allocation).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <unistd.h>

#include "tekg/export.h"
#include "tekg/graph.h"
#include "tekg/pipeline.h"
#include "tekg/store.h"
#include "tekg/tagger.h"
#include "testutil.h"
#include "util/alloc.h"

static char work[256];   /* the temporary folder */
static char corpus[300]; /* work/corpus */
static char dbpath[300]; /* work/t.db */
static char outdir[300]; /* work/out */

static const char *const files[] = {"a.txt", "b.txt", "news.jsonl", "page.html"};
#define N_FILES (sizeof files / sizeof files[0])

static const tekg_export_format formats[] = {TEKG_EXPORT_GRAPHML, TEKG_EXPORT_GEXF,
                                             TEKG_EXPORT_JSON, TEKG_EXPORT_CSV};
static const char *const outnames[] = {"g.graphml", "g.gexf", "g.json", "csv/"};
#define N_FORMATS 4

static int with_tagger;

/* ---- the database's content, as one comparable string ------------------ */

static int row_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append n bytes to *s (length *len); aborts the test on OOM (plain malloc:
 * the digest must not be subject to the fault hook). */
static void app(char **s, size_t *len, const char *p, size_t n)
{
	char *ns = realloc(*s, *len + n + 1);
	assert_non_null(ns);
	memcpy(ns + *len, p, n);
	*len += n;
	ns[*len] = '\0';
	*s = ns;
}

/*
 * Every row of every table (ingested_at left out: it is the clock), rows
 * sorted within a table, as one string; also checks PRAGMA integrity_check.
 * The caller frees the result.
 */
static char *db_digest(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *tabs = NULL, *st = NULL;
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	st = NULL;

	app(&out, &len, "", 0);
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
		"ORDER BY name", -1, &tabs, NULL), SQLITE_OK);
	while (sqlite3_step(tabs) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tabs, 0);
		char sql[256];
		char **rows = NULL;
		size_t n = 0, cap = 0, i;
		int c, nc;

		app(&out, &len, "#", 1);
		app(&out, &len, t, strlen(t));
		app(&out, &len, "\n", 1);
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
		nc = sqlite3_column_count(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *row = NULL;
			size_t rl = 0;
			app(&row, &rl, "", 0);
			for (c = 0; c < nc; c++) {
				const void *v;
				if (strcmp(sqlite3_column_name(st, c), "ingested_at") == 0)
					continue;
				v = sqlite3_column_blob(st, c);
				if (sqlite3_column_type(st, c) == SQLITE_NULL)
					app(&row, &rl, "\\N", 2);
				else if (v)
					app(&row, &rl, v, (size_t)sqlite3_column_bytes(st, c));
				app(&row, &rl, "\x1f", 1);
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				rows = realloc(rows, cap * sizeof *rows);
				assert_non_null(rows);
			}
			rows[n++] = row;
		}
		sqlite3_finalize(st);
		st = NULL;
		if (n)
			qsort(rows, n, sizeof *rows, row_cmp);
		for (i = 0; i < n; i++) {
			app(&out, &len, rows[i], strlen(rows[i]));
			app(&out, &len, "\n", 1);
			free(rows[i]);
		}
		free(rows);
	}
	sqlite3_finalize(tabs);
	sqlite3_close(db);
	return out;
}

/* ---- files --------------------------------------------------------------- */

static void copy_file(const char *from, const char *to)
{
	size_t len = 0;
	char *data = slurp(from, &len);
	FILE *f;

	assert_non_null(data);
	f = fopen(to, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(data);
}

static void remove_db(void)
{
	char p[320];

	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", dbpath);
	unlink(p);
}

/* Empty outdir (and outdir/csv); returns how many entries there were. */
static size_t clear_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	char p[600];

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		n++;
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			n += clear_dir(p);
			rmdir(p);
		} else {
			unlink(p);
		}
	}
	closedir(d);
	return n;
}

static int group_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");
	size_t i;
	char from[512], to[512];

	(void)state;
	struct stat st;

	/* tmpfs when there is one: SQLite syncs every commit, a disk makes the
	 * loop wait on I/O */
	if (!tmp || !*tmp)
		tmp = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0
		      ? "/dev/shm" : "/tmp";
	snprintf(work, sizeof work, "%s/tekg-faults-XXXXXX", tmp);
	if (!mkdtemp(work))
		return -1;
	snprintf(corpus, sizeof corpus, "%s/corpus", work);
	snprintf(dbpath, sizeof dbpath, "%s/t.db", work);
	snprintf(outdir, sizeof outdir, "%s/out", work);
	if (mkdir(corpus, 0700) != 0 || mkdir(outdir, 0700) != 0)
		return -1;
	for (i = 0; i < N_FILES; i++) {
		snprintf(from, sizeof from, "tests/data/cli/%s", files[i]);
		snprintf(to, sizeof to, "%s/%s", corpus, files[i]);
		copy_file(from, to);
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	tekg_alloc_fail_after(-1);
	clear_dir(work);
	rmdir(work);
	return 0;
}

/* ---- one run ----------------------------------------------------------- */

/* Where a run stopped. */
enum { ST_PIPELINE, ST_INGEST, ST_FINISH, ST_GRAPH, ST_EXPORT, ST_DONE };

typedef struct run_result {
	int stage;            /* ST_* of the failing call, ST_DONE when none failed */
	int rc;               /* its code */
	char msg[TEKG_ERRMSG_MAX];
	tekg_report report;
	long allocs;          /* allocations made (attempted) during the run */
	long mark[ST_DONE];   /* clean runs: allocations made before each stage */
} run_result;

/* In a clean run, note how many allocations were made so far (reading the
 * counter resets it, so the total is kept here). */
static void mark(run_result *r, long fail_at, int stage, long *sum)
{
	if (fail_at < 0) {
		*sum += tekg_alloc_fail_after(-1);
		r->mark[stage] = *sum;
	}
}

static tekg_pipeline_opts pipeline_opts(void)
{
	tekg_pipeline_opts o;

	memset(&o, 0, sizeof o);
	o.no_tagger = !with_tagger;
	o.jobs = 1;
	return o;
}

/*
 * Ingest `path` into dbpath (created when missing), finish, and when
 * `exports` build the graph and write every format into outdir.  The fault
 * hook is armed with `fail_at` (negative: off) after the store is opened, so
 * SQLite's own setup is not what fails.
 */
static void run(const char *path, long fail_at, int finish, int exports, run_result *r)
{
	tekg_store *s = NULL;
	tekg_pipeline *p = NULL;
	tekg_graph *g = NULL;
	tekg_error err = {0};
	tekg_pipeline_opts o = pipeline_opts();
	int rc;
	size_t f;
	long sum = 0;

	memset(r, 0, sizeof *r);
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	tekg_alloc_fail_after(fail_at);
	r->stage = ST_PIPELINE;
	if ((rc = tekg_pipeline_new(&p, s, &o, &err)) != 0)
		goto done;
	r->stage = ST_INGEST;
	mark(r, fail_at, ST_INGEST, &sum);
	rc = tekg_pipeline_ingest(p, path, &err);
	r->report = *tekg_pipeline_report(p);
	if (rc != 0)
		goto done;
	r->stage = ST_FINISH;
	mark(r, fail_at, ST_FINISH, &sum);
	if (finish && (rc = tekg_pipeline_finish(p, &err)) != 0)
		goto done;
	if (exports) {
		r->stage = ST_GRAPH;
		mark(r, fail_at, ST_GRAPH, &sum);
		if ((rc = tekg_graph_from_store(&g, s, NULL, &err)) != 0)
			goto done;
		r->stage = ST_EXPORT;
		mark(r, fail_at, ST_EXPORT, &sum);
		for (f = 0; f < N_FORMATS; f++) {
			char out[400];
			snprintf(out, sizeof out, "%s/%s", outdir, outnames[f]);
			if ((rc = tekg_export_write(g, formats[f], out, &err)) != 0)
				goto done;
		}
	}
	r->stage = ST_DONE;
done:
	r->allocs = sum + tekg_alloc_fail_after(-1);
	r->rc = rc;
	snprintf(r->msg, sizeof r->msg, "%s", err.msg);
	tekg_graph_free(g);
	tekg_pipeline_free(p);
	tekg_store_close(s);
}

/* Bytes of the exports in outdir, concatenated in format order ("" when a
 * file is missing).  Caller frees. */
static char *exports_digest(void)
{
	char *out = NULL;
	size_t len = 0, f;

	app(&out, &len, "", 0);
	for (f = 0; f < N_FORMATS; f++) {
		char p[600];
		size_t n = 0;
		char *data;
		if (formats[f] == TEKG_EXPORT_CSV) {
			snprintf(p, sizeof p, "%s/csv/nodes.csv", outdir);
			data = slurp(p, &n);
			if (data)
				app(&out, &len, data, n);
			free(data);
			snprintf(p, sizeof p, "%s/csv/edges.csv", outdir);
		} else {
			snprintf(p, sizeof p, "%s/%s", outdir, outnames[f]);
		}
		data = slurp(p, &n);
		if (data)
			app(&out, &len, data, n);
		free(data);
		app(&out, &len, "\x1e", 1);
	}
	return out;
}

/* ---- the loop ---------------------------------------------------------- */

static void fault_loop(long stride_default, long head, long stride_after)
{
	char *states[N_FILES + 2];
	size_t n_states = 0, i;
	char *clean_exports, *d;
	run_result r;
	long total, n, stride = stride_default, after_ingest;
	const char *env = getenv("TEKG_FAULT_STRIDE");
	size_t by_stage[ST_DONE + 1] = {0}, iterations = 0, silent = 0;
	char path[400];

	if (env && atol(env) > 0)
		stride = atol(env);

	/* The clean states: empty, after each source, after finish. */
	remove_db();
	clear_dir(outdir);
	{
		tekg_store *s = NULL;
		tekg_error err = {0};
		assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
		tekg_store_close(s);
	}
	states[n_states++] = db_digest(dbpath);
	for (i = 0; i < N_FILES; i++) {
		snprintf(path, sizeof path, "%s/%s", corpus, files[i]);
		run(path, -1, 0, 0, &r);
		assert_int_equal(r.rc, 0);
		assert_int_equal(r.report.rejected, 0);
		states[n_states++] = db_digest(dbpath);
	}
	/* A clean run of the whole folder: the reference, and the count of
	 * allocations it makes. */
	remove_db();
	run(corpus, -1, 1, 1, &r);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.stage, ST_DONE);
	assert_int_equal(r.report.sources_new, N_FILES);
	assert_true(r.report.docs_new >= N_FILES);
	total = r.allocs;
	after_ingest = r.mark[ST_FINISH];
	assert_true(after_ingest > 0 && after_ingest < total);
	assert_true(total > 100);
	states[n_states++] = db_digest(dbpath);
	clean_exports = exports_digest();
	assert_true(strlen(clean_exports) > 1000);

	for (n = 0; n <= total; n += (n < head ? 1 : n >= after_ingest ? stride_after : stride)) {
		int found = 0;

		remove_db();
		clear_dir(outdir);
		run(corpus, n, 1, 1, &r);
		iterations++;
		by_stage[r.stage]++;
		d = db_digest(dbpath); /* includes integrity_check = ok */
		if (r.stage == ST_DONE) {
			/* nothing failed, or a failure was absorbed: the result must
			 * be exactly the clean one */
			assert_int_equal(r.rc, 0);
			assert_string_equal(d, states[n_states - 1]);
			{
				char *e = exports_digest();
				assert_string_equal(e, clean_exports);
				free(e);
			}
			if (n < total)
				silent++;
		} else {
			if (r.rc >= 0 || r.msg[0] == '\0')
				fail_msg("allocation %ld: stage %d returned %d without an error", n,
				         r.stage, r.rc);
			for (i = 0; i < n_states && !found; i++)
				found = strcmp(d, states[i]) == 0;
			if (!found)
				fail_msg("allocation %ld (stage %d: %s): the database holds neither "
				         "the state before nor after a source", n, r.stage, r.msg);
			if (r.stage <= ST_GRAPH && clear_dir(outdir) != 0)
				fail_msg("allocation %ld: files in the output folder before any export", n);
			if (r.stage == ST_EXPORT) {
				/* every file there is complete: no temporary left behind */
				DIR *dd = opendir(outdir);
				struct dirent *e;
				assert_non_null(dd);
				while ((e = readdir(dd)) != NULL) {
					if (e->d_name[0] == '.')
						continue;
					if (strcmp(e->d_name, "csv") == 0) {
						char cp[500];
						DIR *cd;
						struct dirent *ce;
						snprintf(cp, sizeof cp, "%s/csv", outdir);
						cd = opendir(cp);
						assert_non_null(cd);
						while ((ce = readdir(cd)) != NULL)
							if (ce->d_name[0] != '.' &&
							    strcmp(ce->d_name, "nodes.csv") != 0 &&
							    strcmp(ce->d_name, "edges.csv") != 0)
								fail_msg("allocation %ld: csv/%s left behind", n,
								         ce->d_name);
						closedir(cd);
						continue;
					}
					if (strcmp(e->d_name, "g.graphml") != 0 &&
					    strcmp(e->d_name, "g.gexf") != 0 &&
					    strcmp(e->d_name, "g.json") != 0)
						fail_msg("allocation %ld: %s left behind by a failed export",
						         n, e->d_name);
				}
				closedir(dd);
			}
			/* a re-run without failures completes the work exactly */
			clear_dir(outdir);
			run(corpus, -1, 1, 1, &r);
			assert_int_equal(r.rc, 0);
			free(d);
			d = db_digest(dbpath);
			assert_string_equal(d, states[n_states - 1]);
			{
				char *e = exports_digest();
				assert_string_equal(e, clean_exports);
				free(e);
			}
		}
		free(d);
	}
	print_message("fault injection (%s): %ld allocations in a clean run (%ld after "
	               "ingest), %zu runs (every one of the first %ld, then every %ld in ingest, "
	               "then every %ld); failed in: pipeline %zu, "
	               "ingest %zu, finish %zu, graph %zu, export %zu; completed %zu "
	               "(of which %zu absorbed a failure)\n",
	               with_tagger ? "tagger" : "no tagger", total, total - after_ingest, iterations, head, stride, stride_after,
	               by_stage[ST_PIPELINE], by_stage[ST_INGEST], by_stage[ST_FINISH],
	               by_stage[ST_GRAPH], by_stage[ST_EXPORT], by_stage[ST_DONE], silent);
	assert_true(by_stage[ST_INGEST] > 0 && by_stage[ST_GRAPH] > 0 && by_stage[ST_EXPORT] > 0);
	for (i = 0; i < n_states; i++)
		free(states[i]);
	free(clean_exports);
}

static void test_faults_no_tagger(void **state)
{
	(void)state;
	with_tagger = 0;
	fault_loop(61, 150, 1);
}

static void test_faults_tagger(void **state)
{
	tekg_tagger *t = NULL;
	tekg_error err = {0};
	const char *dir = getenv("TEKG_MODEL_DIR");

	(void)state;
	if (tekg_tagger_new(&t, dir && *dir ? dir : tekg_tagger_default_dir(), &err) != 0) {
		print_message("skipped: no tagger model (%s)\n", err.msg);
		skip();
	}
	tekg_tagger_free(t);
	with_tagger = 1;
	fault_loop(401, 20, 11);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faults_no_tagger),
		cmocka_unit_test(test_faults_tagger),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
