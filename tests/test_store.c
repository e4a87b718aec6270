/*
 * test_store.c - the SQLite store: schema and versions, documents with
 * sources, exact duplicates and near-duplicates, the offset map round trip,
 * extractions and the aggregated read API, removal, and bad databases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <unistd.h>

#include "tekg/pipeline.h"
#include "tekg/store.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "testutil.h"

/* The fixtures point tekg_article's (non-const) fields at string literals;
 * the store only reads them. */
#pragma GCC diagnostic ignored "-Wcast-qual"
#pragma GCC diagnostic ignored "-Wdiscarded-qualifiers"

static char dir[] = "/tmp/tekg-test-store-XXXXXX";
static char dbpath[4200];

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[4300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void fresh_db(const char *name)
{
	snprintf(dbpath, sizeof dbpath, "%s/%s", dir, name);
	unlink(dbpath);
}

/* An article whose working copy drops one character of the original (the
 * line break inside "我\n们") and simplifies 會 -> 会. */
typedef struct fixture {
	tekg_article a;
	tekg_sentence sents[2];
	tekg_credit credit;
	char *names[2];
	size_t map[1024];
} fixture;

static void make_article(fixture *f, const char *orig, const char *work)
{
	size_t oc, wc, i, o;

	memset(f, 0, sizeof *f);
	f->a.orig = (char *)orig;
	f->a.orig_len = strlen(orig);
	f->a.orig_chars = oc = tekg_utf8_count(orig, strlen(orig));
	f->a.work = (char *)work;
	f->a.work_len = strlen(work);
	f->a.work_chars = wc = tekg_utf8_count(work, strlen(work));
	/* map: identity, skipping the one '\n' of orig when work is shorter */
	for (i = 0, o = 0; i < wc; i++, o++) {
		size_t ob = tekg_utf8_offset(orig, strlen(orig), o);
		if (orig[ob] == '\n' && oc > wc)
			o++;
		f->map[i] = o;
	}
	f->map[wc] = oc;
	f->a.map = f->map;
	f->a.title = "标题";
	f->a.n_sents = 1;
	f->a.sents = f->sents;
	f->sents[0].start = 0;
	f->sents[0].end = oc;
	f->sents[0].wstart = 0;
	f->sents[0].wend = wc;
	f->names[0] = "许懿";
	f->names[1] = "崔璨";
	f->credit.text = "记者 许懿 崔璨";
	f->credit.role = "记者";
	f->credit.names = f->names;
	f->credit.n_names = 2;
	f->a.credits = &f->credit;
	f->a.n_credits = 1;
	f->a.dateline.text = "（新华社深圳8月25日电）";
	f->a.dateline.agency = "新华社";
	f->a.dateline.place = "深圳";
	f->a.dateline.month = 8;
	f->a.dateline.day = 25;
}

static tekg_source fake_source(const char *path)
{
	tekg_source s;

	memset(&s, 0, sizeof s);
	s.path = (char *)path;
	s.encoding = "UTF-8";
	s.format = TEKG_FORMAT_TEXT;
	s.script = TEKG_SCRIPT_T2S;
	return s;
}

typedef struct collect {
	int n;
	char buf[8][256];
} collect;

static int on_entity(const tekg_entity_row *r, void *ud)
{
	collect *c = ud;

	if (c->n < 8)
		snprintf(c->buf[c->n++], 256, "%s|%s|%s|m=%lld|d=%lld|%s", r->type, r->label,
		         r->aliases ? r->aliases : "", (long long)r->mentions, (long long)r->docs,
		         r->first_seen ? r->first_seen : "-");
	return 0;
}

static int on_edge(const tekg_edge_row *r, void *ud)
{
	collect *c = ud;

	if (c->n < 8)
		snprintf(c->buf[c->n++], 256, "%s|%d|w=%g|docs=%lld|%s|%lld-%lld|%s", r->type,
		         r->src_is_doc, r->weight, (long long)r->docs, r->evidence ? r->evidence : "",
		         (long long)r->evidence_start, (long long)r->evidence_end,
		         r->role ? r->role : "-");
	return 0;
}

static void test_documents_and_sources(void **state)
{
	static const char orig[] = "王毅在深圳會見我\n们的朋友。";
	static const char work[] = "王毅在深圳会见我们的朋友。";
	tekg_store *s = NULL;
	tekg_error err = {0};
	tekg_source src1 = fake_source("a.txt"), src2 = fake_source("b.txt"), *loaded = NULL;
	tekg_store_stats st;
	fixture f;
	int64_t sid1, sid2, doc, doc2;
	int is_new;
	size_t i;

	(void)state;
	fresh_db("docs.db");
	make_article(&f, orig, work);
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_begin(s, &err), 0);
	assert_int_equal(tekg_store_source_add(s, &src1, "hash1", 10, &sid1, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid1, 0, &f.a, "2025-08-25", 0, &doc, &is_new, &err), 0);
	assert_int_equal(is_new, 1);
	assert_int_equal(tekg_store_source_add(s, &src2, "hash2", 10, &sid2, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid2, 0, &f.a, NULL, 1, &doc2, &is_new, &err), 0);
	assert_int_equal(is_new, 0);
	assert_int_equal(doc2, doc);
	assert_int_equal(tekg_store_commit(s, &err), 0);

	assert_int_equal(tekg_store_stats_get(s, &st, &err), 0);
	assert_int_equal(st.sources, 2);
	assert_int_equal(st.documents, 1);
	assert_int_equal(st.sentences, 1);
	assert_int_equal(st.credits, 1);

	/* the stored document comes back exactly */
	assert_int_equal(tekg_store_document_load(s, doc, &loaded, &err), 0);
	assert_string_equal(loaded->arts[0].orig, orig);
	assert_string_equal(loaded->arts[0].work, work);
	assert_int_equal(loaded->arts[0].work_chars, f.a.work_chars);
	for (i = 0; i <= f.a.work_chars; i++)
		assert_int_equal(loaded->arts[0].map[i], f.map[i]);
	assert_int_equal(loaded->arts[0].n_sents, 1);
	assert_int_equal(loaded->arts[0].sents[0].end, f.a.orig_chars);
	assert_int_equal(loaded->arts[0].n_credits, 1);
	assert_int_equal(loaded->arts[0].credits[0].n_names, 2);
	assert_string_equal(loaded->arts[0].credits[0].names[1], "崔璨");
	assert_string_equal(loaded->arts[0].dateline.place, "深圳");
	assert_int_equal(loaded->arts[0].dateline.day, 25);
	assert_string_equal(loaded->path, "a.txt");
	tekg_source_free(loaded);

	assert_int_equal(tekg_store_document_load(s, 999, &loaded, &err), TEKG_ENOTFOUND);
	assert_int_equal(tekg_store_document_resolve(s, "d1", &doc2, &err), 0);
	assert_int_equal(doc2, doc);
	assert_int_equal(tekg_store_document_resolve(s, "标题", &doc2, &err), 0);
	assert_int_equal(tekg_store_document_resolve(s, "nothing", &doc2, &err), TEKG_ENOTFOUND);

	/* removing one source keeps the document the other still carries */
	assert_int_equal(tekg_store_source_remove(s, "a.txt", NULL, NULL, &err), 0);
	assert_int_equal(tekg_store_stats_get(s, &st, &err), 0);
	assert_int_equal(st.sources, 1);
	assert_int_equal(st.documents, 1);
	assert_int_equal(tekg_store_source_remove(s, "hash2", NULL, NULL, &err), 0);
	assert_int_equal(tekg_store_stats_get(s, &st, &err), 0);
	assert_int_equal(st.documents, 0);
	assert_int_equal(st.sentences, 0);
	assert_int_equal(tekg_store_source_remove(s, "a.txt", NULL, NULL, &err), TEKG_ENOTFOUND);
	tekg_store_close(s);
}

static void test_near_duplicates(void **state)
{
	char a[2048], b[2048];
	tekg_store *s = NULL;
	tekg_error err = {0};
	tekg_source src = fake_source("n.txt");
	fixture fa, fb, fc;
	int64_t sid, d1, d2, d3;
	int is_new, i;
	tekg_store_stats st;
	uint32_t x = 12345;

	(void)state;
	/* 600 pseudo-random CJK characters; b differs in one of them */
	for (i = 0; i < 600; i++) {
		x = x * 1103515245u + 12345u;
		tekg_utf8_encode(0x4E00 + (x >> 16) % 0x5000, a + 3 * i);
	}
	a[3 * 600] = '\0';
	strcpy(b, a);
	memcpy(b + 3 * 300, "鹏", 3);
	make_article(&fa, a, a);
	make_article(&fb, b, b);
	make_article(&fc, "完全不同的另一篇文章，讲的是碳市场和医保。", "完全不同的另一篇文章，讲的是碳市场和医保。");
	fresh_db("dups.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_source_add(s, &src, "h", 1, &sid, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid, 0, &fa.a, NULL, 1, &d1, &is_new, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid, 1, &fb.a, NULL, 1, &d2, &is_new, &err), 0);
	assert_int_equal(is_new, 1);
	assert_int_equal(tekg_store_document_put(s, sid, 2, &fc.a, NULL, 1, &d3, &is_new, &err), 0);
	assert_true(d1 != d2 && d2 != d3);
	assert_int_equal(tekg_store_stats_get(s, &st, &err), 0);
	assert_int_equal(st.documents, 3);
	assert_int_equal(st.duplicates, 1);
	tekg_store_close(s);
}

static void test_extraction_and_reads(void **state)
{
	static const char orig[] = "王毅在深圳會見李明。";
	static const char work[] = "王毅在深圳会见李明。";
	tekg_store *s = NULL;
	tekg_error err = {0};
	tekg_source src = fake_source("x.txt");
	tekg_extraction x = {0};
	collect ents = {0}, edges = {0};
	fixture f;
	int64_t sid, doc;
	size_t wang, sz, li;
	int is_new;

	(void)state;
	fresh_db("extract.db");
	make_article(&f, orig, work);
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_source_add(s, &src, "hx", 1, &sid, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid, 0, &f.a, "2025-12-11", 0, &doc, &is_new, &err), 0);
	assert_int_equal(tekg_extraction_entity(&x, "person", "王毅", "person:王毅", &wang), 0);
	assert_int_equal(tekg_extraction_entity(&x, "place", "深圳", "place:深圳", &sz), 0);
	assert_int_equal(tekg_extraction_entity(&x, "person", "李明", "person:李明", &li), 0);
	assert_int_equal(tekg_extraction_alias(&x, wang, "王毅"), 0);
	assert_int_equal(tekg_extraction_alias(&x, wang, "王毅"), 0);
	assert_int_equal(tekg_extraction_mention(&x, wang, 0, 0, 2, "王毅", "王毅"), 0);
	assert_int_equal(tekg_extraction_mention(&x, sz, 0, 3, 5, "深圳", "深圳"), 0);
	assert_int_equal(tekg_extraction_mention(&x, li, 0, 7, 9, "李明", "李明"), 0);
	assert_int_equal(tekg_extraction_edge(&x, "participant", wang, sz, 0, "会见", NULL, 1), 0);
	assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	/* idempotent per document */
	assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	tekg_extraction_clear(&x);

	assert_int_equal(tekg_store_each_entity(s, 0, on_entity, &ents, &err), 0);
	assert_int_equal(ents.n, 3);
	assert_string_equal(ents.buf[0], "person|王毅|王毅|m=1|d=1|2025-12-11");
	assert_string_equal(ents.buf[1], "place|深圳||m=1|d=1|2025-12-11");

	assert_int_equal(tekg_store_each_edge(s, 0, on_edge, &edges, &err), 0);
	/* 1 stored + 3 mentions + 3 co_occurs pairs */
	assert_int_equal(edges.n, 7);
	assert_string_equal(edges.buf[0], "participant|0|w=1|docs=1|王毅在深圳會見李明。|0-10|会见");
	assert_string_equal(edges.buf[1], "mentions|1|w=1|docs=1|王毅在深圳會見李明。|0-10|-");
	assert_string_equal(edges.buf[4], "co_occurs|0|w=1|docs=1|王毅在深圳會見李明。|0-10|-");
	tekg_store_close(s);
}

/* One person affiliated with org in a fresh extraction (no kinds): the key
 * tekg_store_resolve_persons gives it, in keyout. */
static void resolve_with(tekg_store *s, const char *org, int64_t doc, int store, char *keyout)
{
	tekg_extraction x = {0};
	tekg_error err = {0};
	size_t p, o;

	assert_int_equal(tekg_extraction_entity(&x, "person", "吴一凡", "person:吴一凡", &p), 0);
	{
		char key[128];
		snprintf(key, sizeof key, "organization:%s", org);
		assert_int_equal(tekg_extraction_entity(&x, "organization", org, key, &o), 0);
	}
	assert_int_equal(tekg_extraction_mention(&x, p, 0, 0, 3, "吴一凡", "吴一凡"), 0);
	assert_int_equal(tekg_extraction_edge(&x, "affiliated_with", p, o, 0, NULL, "司长", 1), 0);
	assert_int_equal(tekg_store_resolve_persons(s, &x, &err), 0);
	snprintf(keyout, 128, "%s", x.entities[p].key);
	if (store)
		assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	tekg_extraction_clear(&x);
}

static void test_homonym_variants(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	tekg_source src = fake_source("h.txt");
	fixture f;
	int64_t sid, doc;
	int is_new;
	char key[128];

	(void)state;
	fresh_db("homonym.db");
	make_article(&f, "吴一凡说。", "吴一凡说。");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_source_add(s, &src, "hh", 1, &sid, &err), 0);
	assert_int_equal(tekg_store_document_put(s, sid, 0, &f.a, "2025-12-11", 0, &doc, &is_new, &err), 0);
	resolve_with(s, "东港特区财政司", doc, 1, key);
	assert_string_equal(key, "person:吴一凡");
	/* the same body written with 政府, and a sub-unit of it: the same person */
	resolve_with(s, "东港特区政府财政司", doc, 0, key);
	assert_string_equal(key, "person:吴一凡");
	resolve_with(s, "东港财政司预算处", doc, 0, key);
	assert_string_equal(key, "person:吴一凡");
	/* an unrelated company: a namesake */
	resolve_with(s, "西山软件有限公司", doc, 0, key);
	assert_string_equal(key, "person:吴一凡#2");
	tekg_store_close(s);
}

static int print_row(int n, const char *const *names, const char *const *vals, void *ud)
{
	(void)names;
	snprintf(ud, 64, "%s", n > 0 && vals[0] ? vals[0] : "");
	return 0;
}

static void test_bad_databases(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	char out[64];
	FILE *f;

	(void)state;
	/* garbage is not a database */
	fresh_db("garbage.db");
	f = fopen(dbpath, "w");
	assert_non_null(f);
	fputs("this is not an SQLite file, just text that is long enough to be read", f);
	fclose(f);
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), TEKG_EDB);
	assert_null(s);
	assert_non_null(strstr(err.msg, "garbage.db"));

	/* a directory */
	assert_int_equal(tekg_store_open(&s, dir, 0, &err), TEKG_EDB);
	/* missing, read-only open */
	fresh_db("missing.db");
	assert_int_equal(tekg_store_open(&s, dbpath, TEKG_STORE_READONLY, &err), TEKG_ENOTFOUND);

	/* another application's database */
	fresh_db("other.db");
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), TEKG_EDB);
	assert_non_null(strstr(err.msg, "not a tekg database"));

	/* a newer schema */
	fresh_db("newer.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	tekg_store_close(s);
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), TEKG_EDB);
	assert_non_null(strstr(err.msg, "newer"));

	/* version 2 (no source.cli_date) is upgraded to 3 on open */
	fresh_db("v2.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	tekg_store_close(s);
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "ALTER TABLE source DROP COLUMN cli_date;"
		                              " PRAGMA user_version = 2", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_query_readonly(s, "PRAGMA user_version", print_row, out, &err), 0);
	assert_string_equal(out, "3");
	assert_int_equal(tekg_store_query_readonly(s, "SELECT count(cli_date) FROM source", print_row,
	                                           out, &err), 0);
	assert_string_equal(out, "0");
	tekg_store_close(s);

	/* read-only queries only, one statement */
	fresh_db("q.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_store_query_readonly(s, "SELECT count(*) FROM entity", print_row, out, &err), 0);
	assert_string_equal(out, "0");
	assert_int_equal(tekg_store_query_readonly(s, "PRAGMA user_version", print_row, out, &err), 0);
	assert_string_equal(out, "3");
	assert_int_equal(tekg_store_query_readonly(s, "DELETE FROM entity", print_row, out, &err), TEKG_EINVAL);
	assert_int_equal(tekg_store_query_readonly(s, "SELECT 1; DROP TABLE entity", print_row, out, &err), TEKG_EINVAL);
	assert_int_equal(tekg_store_query_readonly(s, "SELEC nonsense", print_row, out, &err), TEKG_EINVAL);
	tekg_store_close(s);
}

/* Every allocation failure while storing is an error, never a crash, and
 * the store stays consistent. */
static void test_allocation_failures(void **state)
{
	static const char orig[] = "王毅在深圳會見我\n们的朋友。";
	static const char work[] = "王毅在深圳会见我们的朋友。";
	tekg_source src = fake_source("f.txt");
	tekg_store_stats st;
	fixture f;
	long n;

	(void)state;
	make_article(&f, orig, work);
	for (n = 0; n < 200; n++) {
		tekg_store *s = NULL;
		tekg_error err = {0};
		int64_t sid, doc;
		int is_new, rc;
		fresh_db("alloc.db");
		tekg_alloc_fail_after(n);
		rc = tekg_store_open(&s, dbpath, 0, &err);
		if (rc == 0) {
			rc = tekg_store_begin(s, &err);
			if (!rc) rc = tekg_store_source_add(s, &src, "hf", 1, &sid, &err);
			if (!rc) rc = tekg_store_document_put(s, sid, 0, &f.a, NULL, 1, &doc, &is_new, &err);
			if (!rc) rc = tekg_store_commit(s, &err);
			else tekg_store_rollback(s);
		}
		tekg_alloc_fail_after(-1);
		if (s) {
			assert_int_equal(tekg_store_stats_get(s, &st, &err), 0);
			assert_true((rc == 0 && st.documents == 1) || (rc != 0 && st.documents == 0));
			tekg_store_close(s);
		}
		if (rc == 0)
			break;
	}
	assert_true(n < 200);
}


/* on_progress: every call's document count. */
typedef struct progress_log {
	size_t calls;
	size_t docs[64];
} progress_log;

static void log_progress(void *ud, const char *path, const tekg_report *r)
{
	progress_log *l = ud;

	(void)path;
	if (l->calls < 64)
		l->docs[l->calls] = r->docs_new;
	l->calls++;
}

/* One value of a query on the database file (sqlite3 directly). */
static void db_value(const char *sql, char *out, size_t n)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	out[0] = '\0';
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The pipeline: progress within one source, neighbours for an undated first
 * article, and an ingest --date that reindex keeps. */
static void test_pipeline_dates(void **state)
{
	static const char jsonl[] =
		"{\"id\":\"x1\",\"text\":\"昨日，临江市举行了植树活动，数百名市民参加。\"}\n"
		"{\"id\":\"x2\",\"date\":\"2031-04-09\",\"text\":\"临江新区发布三项措施，涉及交通。\"}\n"
		"{\"id\":\"x3\",\"text\":\"临江港口开通两条新航线，货运量上升。\"}\n";
	static const char text[] = "昨日，远山县召开了春耕动员会，各乡镇负责人参加。\n";
	tekg_pipeline_opts po;
	tekg_pipeline *p = NULL;
	tekg_store *s = NULL;
	tekg_error err = {0};
	progress_log log;
	char v[64];

	(void)state;
	fresh_db("pipe.db");
	memset(&log, 0, sizeof log);
	memset(&po, 0, sizeof po);
	po.no_tagger = 1;
	po.on_progress = log_progress;
	po.ud = &log;
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_pipeline_new(&p, s, &po, &err), 0);
	assert_int_equal(tekg_pipeline_ingest_bytes(p, "x.jsonl", jsonl, strlen(jsonl), &err), 0);
	/* a call after the first article, before the source was done, and
	 * the last one after it */
	assert_true(log.calls >= 2);
	assert_int_equal(log.docs[0], 1);
	assert_int_equal(log.docs[log.calls - 1], 3);
	tekg_pipeline_free(p);
	tekg_store_close(s);
	/* the undated first and last articles take the second's date */
	db_value("SELECT group_concat(date || ':' || date_inferred, ' ') FROM"
	         " (SELECT d.date, d.date_inferred FROM document d JOIN doc_source x"
	         " ON x.doc_id = d.id ORDER BY x.seq)", v, sizeof v);
	assert_string_equal(v, "2031-04-09:1 2031-04-09:0 2031-04-09:1");

	/* --date is kept with the source and reused by reindex */
	fresh_db("cli-date.db");
	memset(&po, 0, sizeof po);
	po.no_tagger = 1;
	po.date = "2031-05-20";
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_pipeline_new(&p, s, &po, &err), 0);
	assert_int_equal(tekg_pipeline_ingest_bytes(p, "y.txt", text, strlen(text), &err), 0);
	tekg_pipeline_free(p);
	po.date = NULL;
	assert_int_equal(tekg_pipeline_new(&p, s, &po, &err), 0);
	assert_int_equal(tekg_pipeline_reindex(p, &err), 0);
	tekg_pipeline_free(p);
	tekg_store_close(s);
	db_value("SELECT cli_date FROM source", v, sizeof v);
	assert_string_equal(v, "2031-05-20");
	db_value("SELECT date || ':' || date_inferred FROM document", v, sizeof v);
	assert_string_equal(v, "2031-05-20:0");
	db_value("SELECT group_concat(value) FROM entity WHERE type = 'date'", v, sizeof v);
	assert_non_null(strstr(v, "2031-05-19"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_documents_and_sources),
		cmocka_unit_test(test_near_duplicates),
		cmocka_unit_test(test_extraction_and_reads),
		cmocka_unit_test(test_homonym_variants),
		cmocka_unit_test(test_bad_databases),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_pipeline_dates),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
