/*
 * test_topics.c - keywords and topics (docs/topics.md): keyword scoring,
 * phrase merging and boilerplate on fixture articles with a fixture IDF
 * table, topic clustering, labels, relevance and event edges on a store
 * with hand-made keywords, replacement on rebuild, an empty store, and the
 * schema 1 -> 2 migration.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "tekg/extract.h"
#include "tekg/pipeline.h"
#include "tekg/store.h"
#include "tekg/topics.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "testutil.h"

#define DATA "tests/data/topics/"

static char dir[] = "/tmp/tekg-test-topics-XXXXXX";
static char dbpath[4200];

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
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

/* Rows of one read-only query as "a|b|c\n" lines. */
static int add_row(int ncol, const char *const *names, const char *const *values, void *ud)
{
	tekg_buf *b = ud;
	int k;

	(void)names;
	for (k = 0; k < ncol; k++) {
		if (k)
			tekg_buf_putc(b, '|');
		tekg_buf_puts(b, values[k] ? values[k] : "NULL");
	}
	tekg_buf_putc(b, '\n');
	return 0;
}

static char *rows(tekg_store *s, const char *sql)
{
	tekg_buf b;
	tekg_error err = {0};

	tekg_buf_init(&b, 0);
	tekg_buf_puts(&b, "");
	assert_int_equal(tekg_store_query_readonly(s, sql, add_row, &b, &err), 0);
	return tekg_buf_detach(&b, NULL);
}

static void assert_rows(tekg_store *s, const char *sql, const char *want)
{
	char *got = rows(s, sql);

	if (strcmp(got, want) != 0)
		fprintf(stderr, "query: %s\ngot:\n%s\nwant:\n%s\n", sql, got, want);
	assert_string_equal(got, want);
	tekg_free(got);
}

/* A fresh database `db` and a pipeline with the tagger on it (the test is
 * skipped when the model is not installed). */
static void open_with_tagger(const char *db, tekg_store **s, tekg_pipeline **p)
{
	tekg_pipeline_opts po;
	tekg_error err = {0};

	fresh_db(db);
	assert_int_equal(tekg_store_open(s, dbpath, 0, &err), 0);
	memset(&po, 0, sizeof po);
	po.jobs = 1;
	if (tekg_pipeline_new(p, *s, &po, &err) == TEKG_EMODEL) {
		tekg_store_close(*s);
		*s = NULL;
		fprintf(stderr, "skipped: %s\n", err.msg);
		skip();
	}
	assert_non_null(*p);
}

/* ---- keywords from the tagger ------------------------------------------ */

static void test_keywords_of_articles(void **state)
{
	tekg_pipeline *p = NULL;
	tekg_store *s = NULL;
	tekg_error err = {0};

	(void)state;
	assert_string_equal(tekg_keywords_idf_path(), DATA "fixture.idf");
	open_with_tagger("kw.db", &s, &p);
	assert_int_equal(tekg_pipeline_ingest(p, DATA "port1.txt", &err), 0);
	assert_int_equal(tekg_pipeline_finish(p, &err), 0);
	/* The title is not a sentence of the body.  口岸 经济 is a phrase (4
	 * times; IDF 9.5 = the larger of 口岸 9.5 and 经济 4.0; the trigram
	 * 口岸经济研讨会 occurs only twice, less than the bigram); 口岸 occurs
	 * alone once and gets the phrase's 4; 货物 通关 is a phrase twice (IDF
	 * of 通关 10.0) and 货物 never stands alone, so it gets nothing;
	 * unknown words take the table's median 8.8; weight = tf / 5 * idf;
	 * 经济, 专家, 企业 (generic), 本报讯, 时间 (boilerplate) are left out. */
	assert_rows(s, "SELECT word, tf, idf, printf('%.4f', weight) FROM keyword"
	               " ORDER BY weight DESC, word LIMIT 8",
	            "口岸|5|9.5|9.5000\n"
	            "口岸经济|4|9.5|7.6000\n"
	            "物流|3|7.5|4.5000\n"
	            "货物通关|2|10.0|4.0000\n"
	            "研讨会|2|8.8|3.5200\n"
	            "便利化|1|8.8|1.7600\n"
	            "前景|1|8.8|1.7600\n"
	            "国际市场|1|8.8|1.7600\n");
	assert_rows(s, "SELECT count(*) FROM keyword WHERE word IN"
	               " ('经济', '专家', '企业', '本报讯', '时间', '表示', '深圳')",
	            "0\n");
	/* one article: one topic, labelled by its best keyword and the next
	 * one unrelated to it (口岸经济 holds 口岸) */
	assert_rows(s, "SELECT label, keywords FROM entity WHERE type = 'topic'",
	            "口岸、物流|口岸|口岸经济|物流|货物通关|研讨会|便利化|前景|国际市场|成本|枢纽\n");
	tekg_pipeline_free(p);
	tekg_store_close(s);
}

/* Keywords start and end on name boundaries and keep Latin words whole
 * (fragments.txt, invented): the tagger cuts QWEC东道主 into QWE|C 东道主,
 * glues 台 (of 总台) to WTO and WTO to 东道主, and gives the given name of
 * 应渔民 as the noun 渔民; none of QWE, 台WTO, WTO东道主, 渔民 is a keyword,
 * while 东道主 (after the cut, a whole word) still is. */
static void test_keywords_fragments(void **state)
{
	tekg_pipeline *p = NULL;
	tekg_store *s = NULL;
	tekg_error err = {0};

	(void)state;
	open_with_tagger("frag.db", &s, &p);
	assert_int_equal(tekg_pipeline_ingest(p, DATA "fragments.txt", &err), 0);
	assert_int_equal(tekg_pipeline_finish(p, &err), 0);
	assert_rows(s, "SELECT word, tf, idf, printf('%.4f', weight) FROM keyword"
	               " ORDER BY weight DESC, word",
	            "海洋渔业|5|8.8|8.8000\n"
	            "深海养殖|4|8.8|7.0400\n"
	            "东道主|1|8.8|1.7600\n"
	            "工船|1|8.8|1.7600\n"
	            "远海|1|8.8|1.7600\n");
	/* the names themselves are entities */
	assert_rows(s, "SELECT e.type, m.surface FROM mention m JOIN entity e ON e.id = m.entity_id"
	               " WHERE e.type IN ('person', 'organization') ORDER BY m.id",
	            "organization|WTO\n"
	            "organization|渔业公司\n"
	            "person|应渔民\n");
	tekg_pipeline_free(p);
	tekg_store_close(s);
}

/* Titles are never keywords (titles.txt, invented): every title of the
 * lexicon (副行长, 总领事, 首席执行官, 大使, 副省长, 厅长 ...) and every word
 * ending with one (市委书记 ends with 书记) is left out, so only the
 * subject remains. */
static void test_keywords_titles(void **state)
{
	tekg_pipeline *p = NULL;
	tekg_store *s = NULL;
	tekg_error err = {0};

	(void)state;
	open_with_tagger("titles.db", &s, &p);
	assert_int_equal(tekg_pipeline_ingest(p, DATA "titles.txt", &err), 0);
	assert_int_equal(tekg_pipeline_finish(p, &err), 0);
	assert_rows(s, "SELECT word, tf, idf, printf('%.4f', weight) FROM keyword"
	               " ORDER BY weight DESC, word",
	            "冷链物流|2|8.8|8.8000\n"
	            "远洋渔业|2|8.8|8.8000\n"
	            "养殖|1|8.8|4.4000\n"
	            "深海|1|8.8|4.4000\n");
	tekg_pipeline_free(p);
	tekg_store_close(s);
}

/* ---- topics from hand-made keywords ------------------------------------ */

typedef struct kw {
	const char *word;
	size_t tf;
	double idf;
} kw;

/* Documents 1..5 (no tagger), then keywords (and, for document 1, an
 * event mentioned in it) stored by hand. */
static void build_synthetic(tekg_store *s)
{
	static const char *const texts[] = {
		"口岸经济论坛在深圳举行。货物通关时间缩短，物流更快。\n",
		"机场口岸经济持续增长。货物航线增加。\n",
		"算力大会关注芯片。人工智能模型需要算力。\n",
		"智能算力中心启用。推理芯片服务人工智能。\n",
		"口岸经济与算力融合。芯片货物出口。\n",
	};
	static const kw k1[] = {{"口岸经济", 4, 9.5}, {"货物", 3, 8.0}, {"物流", 2, 7.5},
	                        {"通关", 2, 10.0}, {NULL, 0, 0}};
	static const kw k2[] = {{"口岸经济", 3, 9.5}, {"货物", 2, 8.0}, {"航线", 1, 8.8},
	                        {"物流", 1, 7.5}, {NULL, 0, 0}};
	static const kw k3[] = {{"算力", 4, 11.0}, {"芯片", 2, 8.5}, {"模型", 2, 7.0},
	                        {"人工智能", 3, 9.0}, {NULL, 0, 0}};
	static const kw k4[] = {{"算力", 3, 11.0}, {"人工智能", 2, 9.0}, {"推理", 1, 8.8},
	                        {"芯片", 1, 8.5}, {NULL, 0, 0}};
	static const kw k5[] = {{"口岸经济", 2, 9.5}, {"货物", 1, 8.0}, {"算力", 2, 11.0},
	                        {"芯片", 1, 8.5}, {NULL, 0, 0}};
	static const kw *const kws[] = {k1, k2, k3, k4, k5};
	tekg_pipeline_opts po;
	tekg_pipeline *p = NULL;
	tekg_error err = {0};
	size_t d, i, ev;
	char name[16];

	memset(&po, 0, sizeof po);
	po.no_tagger = 1;
	po.date = "2025-12-01";
	assert_int_equal(tekg_pipeline_new(&p, s, &po, &err), 0);
	for (d = 0; d < 5; d++) {
		snprintf(name, sizeof name, "doc%zu.txt", d + 1);
		assert_int_equal(tekg_pipeline_ingest_bytes(p, name, texts[d], strlen(texts[d]), &err),
		                 0);
	}
	tekg_pipeline_free(p);
	assert_int_equal(tekg_store_begin(s, &err), 0);
	for (d = 0; d < 5; d++) {
		tekg_extraction x;
		memset(&x, 0, sizeof x);
		for (i = 0; kws[d][i].word; i++)
			assert_int_equal(tekg_extraction_keyword(&x, kws[d][i].word, kws[d][i].tf,
			                                         kws[d][i].idf, 0), 0);
		if (d == 0) {
			assert_int_equal(tekg_extraction_entity(&x, "event", "口岸经济论坛",
			                                        "event:口岸经济论坛", &ev), 0);
			assert_int_equal(tekg_extraction_mention(&x, ev, 0, 0, 6, "口岸经济论坛", NULL),
			                 0);
		}
		assert_int_equal(tekg_store_put_extraction(s, (int64_t)d + 1, &x, &err), 0);
		tekg_extraction_clear(&x);
	}
	assert_int_equal(tekg_store_commit(s, &err), 0);
}

static void test_topics_from_keywords(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	char *first;

	(void)state;
	fresh_db("syn.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	build_synthetic(s);
	assert_int_equal(tekg_topics_rebuild(s, NULL, &err), 0);
	/* two topics, ordered by the documents about them (2.471 and 2.529:
	 * AI first); keywords by their weight relative to each document's
	 * heaviest, summed */
	assert_rows(s, "SELECT key, label, keywords FROM entity WHERE type = 'topic' ORDER BY id",
	            "topic:算力、人工智能|算力、人工智能|算力|人工智能|芯片|模型|推理\n"
	            "topic:口岸经济、货物|口岸经济、货物|口岸经济|货物|物流|通关|航线\n");
	assert_rows(s, "SELECT a.alias FROM alias a JOIN entity e ON e.id = a.entity_id"
	               " WHERE e.label = '口岸经济、货物' ORDER BY a.alias",
	            "口岸经济\n物流\n航线\n货物\n通关\n");
	/* evidence: the sentence with the most occurrences of the topic's
	 * keywords (货物通关时间缩短，物流更快 holds three), the first on a tie.
	 * Document 5 splits: blended IDF (20 * idf + 5 * (ln(6 / 4) + 1)) / 25
	 * gives 口岸经济 7.881, 货物 6.681 (b = 3.341), 算力 9.081, 芯片 7.081
	 * (b = 3.541): port 11.222 / 23.843 = 0.471, AI 0.529 */
	assert_rows(s, "SELECT coalesce('d' || e.src_doc, 'n' || e.src), t.label, e.weight,"
	               " coalesce(s.idx, '-')"
	               " FROM edge e JOIN entity t ON t.id = e.dst LEFT JOIN sentence s"
	               " ON s.id = e.sentence_id WHERE e.type = 'about' ORDER BY e.id",
	            "d1|口岸经济、货物|1.0|1\n"
	            "d2|口岸经济、货物|1.0|1\n"
	            "d3|算力、人工智能|1.0|1\n"
	            "d4|算力、人工智能|1.0|1\n"
	            "d5|算力、人工智能|0.529|0\n"
	            "d5|口岸经济、货物|0.471|0\n"
	            "n1|口岸经济、货物|1.0|1\n");
	assert_rows(s, "SELECT key, value FROM meta WHERE key LIKE 'topics.%' AND key <> 'topics.modularity'"
	               " ORDER BY key",
	            "topics.idf|blend: jieba idf.txt (prior 20 documents) + corpus\n"
	            "topics.settings|leiden:modularity,resolution=1,beta=0.01,seed=42,per_doc=12,"
	            "min_size=3,min_relevance=0.1\n");
	/* a rebuild replaces: the same topics with the same ids, no duplicates */
	first = rows(s, "SELECT id, label, keywords FROM entity WHERE type = 'topic' ORDER BY id");
	assert_int_equal(tekg_topics_rebuild(s, NULL, &err), 0);
	assert_rows(s, "SELECT id, label, keywords FROM entity WHERE type = 'topic' ORDER BY id",
	            first);
	assert_rows(s, "SELECT count(*) FROM alias a JOIN entity e ON e.id = a.entity_id"
	               " WHERE e.type = 'topic'", "10\n");
	assert_rows(s, "SELECT count(*) FROM edge WHERE type = 'about'", "7\n");
	tekg_free(first);
	/* a higher min_size leaves no topic */
	{
		tekg_topic_opts o;
		memset(&o, 0, sizeof o);
		o.min_size = 6;
		assert_int_equal(tekg_topics_rebuild(s, &o, &err), 0);
		assert_rows(s, "SELECT count(*) FROM entity WHERE type = 'topic'", "0\n");
		assert_rows(s, "SELECT count(*) FROM edge WHERE type = 'about'", "0\n");
	}
	tekg_store_close(s);
}

static void test_no_keywords(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};

	(void)state;
	fresh_db("empty.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_int_equal(tekg_topics_rebuild(s, NULL, &err), 0);
	assert_rows(s, "SELECT count(*) FROM entity WHERE type = 'topic'", "0\n");
	assert_rows(s, "SELECT value FROM meta WHERE key = 'topics.idf'", "none: no keywords stored\n");
	tekg_store_close(s);
}

/* A version 1 database (no keyword table) is upgraded on open. */
static void test_migration_from_1(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	sqlite3 *db;

	(void)state;
	fresh_db("v1.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	tekg_store_close(s);
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	/* version 1 had neither the keyword table nor source.cli_date (v3) */
	assert_int_equal(sqlite3_exec(db, "DROP TABLE keyword; ALTER TABLE source DROP COLUMN cli_date;"
	                              " PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	/* read-only: refused with a hint */
	assert_int_equal(tekg_store_open(&s, dbpath, TEKG_STORE_READONLY, &err), TEKG_EDB);
	assert_non_null(strstr(err.msg, "older schema"));
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	assert_rows(s, "PRAGMA user_version", "3\n");
	assert_rows(s, "SELECT count(*) FROM keyword", "0\n");
	tekg_store_close(s);
}

/* Every allocation of a rebuild failing in turn: TEKG_ENOMEM, the previous
 * topics intact (rolled back), and the next rebuild succeeds. */
static void test_allocation_failures(void **state)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	char *want;
	long n;
	int rc = -1;

	(void)state;
	fresh_db("nomem.db");
	assert_int_equal(tekg_store_open(&s, dbpath, 0, &err), 0);
	build_synthetic(s);
	assert_int_equal(tekg_topics_rebuild(s, NULL, &err), 0);
	want = rows(s, "SELECT label, keywords FROM entity WHERE type = 'topic' ORDER BY id");
	for (n = 0; n < 2000 && rc != 0; n++) {
		char *got;
		tekg_alloc_fail_after(n);
		rc = tekg_topics_rebuild(s, NULL, &err);
		tekg_alloc_fail_after(-1);
		assert_true(rc == 0 || rc == TEKG_ENOMEM);
		got = rows(s, "SELECT label, keywords FROM entity WHERE type = 'topic' ORDER BY id");
		assert_string_equal(got, want);
		tekg_free(got);
	}
	assert_int_equal(rc, 0);
	assert_true(n > 10);
	tekg_free(want);
	tekg_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_of_articles),
		cmocka_unit_test(test_keywords_fragments),
		cmocka_unit_test(test_keywords_titles),
		cmocka_unit_test(test_topics_from_keywords),
		cmocka_unit_test(test_no_keywords),
		cmocka_unit_test(test_migration_from_1),
		cmocka_unit_test(test_allocation_failures),
	};

	/* before the IDF table is first loaded (once per process) */
	setenv("TEKG_IDF_FILE", DATA "fixture.idf", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
