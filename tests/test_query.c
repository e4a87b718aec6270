/*
 * test_query.c - the fixture store of the query tests, built through the
 * store API (documents, sentences, entities, events by hand, relations),
 * and checks that the graph built from it holds what the queries rely on.
 *
 *   test_query                  run the checks
 *   test_query --make-fixture F write the fixture store to F (tests/cli/query.sh)
 *
 * The fixture (three documents, 2025-11-10 .. 2025-12-05):
 *   d1 亚太经合组织峰会在深圳开幕: the summit (event n, held in 深圳 on
 *      2025-11-10, organised by 深圳市政府); 王毅 (外交部长, 外交部) speaks,
 *      李强 attends; 李强 and 王毅 in one sentence.
 *   d2 进博会在上海举行: 进博会 in 上海 on 2025-12-01; 李强 attends, 張偉
 *      (traditional script, label 张伟) accompanies him.
 *   d3 张伟会见王毅: another 张伟 (a homonym, key person:张伟#2) meets 王毅.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "tekg/extract.h"
#include "tekg/graph.h"
#include "tekg/network.h"
#include "tekg/store.h"
#include "tekg/text.h"
#include "testutil.h"

/* UTF-8 code point count. */
static size_t chars(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		c += ((unsigned char)s[k] & 0xc0) != 0x80;
	return c;
}

/* An article whose text is `text` (already simplified: work == orig),
 * split into sentences after each 。 */
static void make_article(tekg_article *a, char *title, char *text, char *date)
{
	size_t k, n = strlen(text), start = 0, pos = 0;

	memset(a, 0, sizeof *a);
	a->title = title;
	a->orig = text;
	a->orig_len = n;
	a->orig_chars = chars(text, n);
	a->work = text;
	a->work_len = n;
	a->work_chars = a->orig_chars;
	a->map = calloc(a->work_chars + 1, sizeof *a->map);
	for (k = 0; k <= a->work_chars; k++)
		a->map[k] = k;
	a->sents = calloc(16, sizeof *a->sents);
	for (k = 0; k < n;) {
		size_t len = 1;
		unsigned char c = (unsigned char)text[k];
		if (c >= 0xf0)
			len = 4;
		else if (c >= 0xe0)
			len = 3;
		else if (c >= 0xc0)
			len = 2;
		pos++;
		if (len == 3 && memcmp(text + k, "。", 3) == 0) {
			a->sents[a->n_sents].start = a->sents[a->n_sents].wstart = start;
			a->sents[a->n_sents].end = a->sents[a->n_sents].wend = pos;
			a->n_sents++;
			start = pos;
		}
		k += len;
	}
	a->date = date;
	a->src_start = 0;
	a->src_end = a->orig_chars;
}

static void free_article(tekg_article *a)
{
	free(a->map);
	free(a->sents);
}

/* Mention of entity e at the first occurrence of `surface` in sentence s. */
static void mention(tekg_extraction *x, const tekg_article *a, size_t e, size_t s,
                    const char *surface, const char *norm)
{
	const char *p = a->orig, *hit;
	size_t k = 0, start;

	/* p: the first byte of sentence s (offsets count code points) */
	while (*p && k < a->sents[s].start) {
		p++;
		if (((unsigned char)*p & 0xc0) != 0x80)
			k++;
	}
	hit = strstr(p, surface);
	assert_non_null(hit);
	start = chars(a->orig, (size_t)(hit - a->orig));
	assert_int_equal(tekg_extraction_mention(x, e, s, start, start + chars(surface, strlen(surface)),
	                                         surface, norm), 0);
}

static size_t entity(tekg_extraction *x, const char *type, const char *label, const char *key,
                     const char *alias)
{
	size_t i;

	assert_int_equal(tekg_extraction_entity(x, type, label, key, &i), 0);
	assert_int_equal(tekg_extraction_alias(x, i, alias ? alias : label), 0);
	return i;
}

static int64_t put_doc(tekg_store *s, int64_t src, size_t seq, tekg_article *a, const char *date)
{
	int64_t id;
	int is_new;

	assert_int_equal(tekg_store_document_put(s, src, seq, a, date, 0, &id, &is_new, NULL), 0);
	assert_true(is_new);
	return id;
}

static int make_fixture(const char *path)
{
	tekg_store *s = NULL;
	tekg_source src;
	tekg_article a;
	tekg_extraction x;
	tekg_error err = {0};
	int64_t sid, doc;
	size_t summit, wang, li, zhang, zhang2, mfa, szgov, sz, sh, expo, d1, d2, e;
	char t1[] = "亚太经合组织峰会在深圳开幕";
	char x1[] = "亚太经合组织峰会11月10日在深圳开幕。外交部长王毅出席峰会并致辞。"
	            "李强与王毅在会上交谈。深圳市政府主办本次峰会。";
	char t2[] = "进博会在上海举行";
	char x2[] = "进博会12月1日在上海举行。李强出席进博会开幕式。張偉陪同李强参观展馆。";
	char t3[] = "张伟会见王毅";
	char x3[] = "另一位张伟在北京会见王毅，双方就合作交换意见。";
	char path_name[] = "fixture.txt", enc_name[] = "UTF-8";
	char dt1[] = "2025-11-10", dt2[] = "2025-12-01", dt3[] = "2025-12-05";

	unlink(path);
	if (tekg_store_open(&s, path, 0, &err)) {
		fprintf(stderr, "fixture: %s\n", err.msg);
		return 1;
	}
	memset(&src, 0, sizeof src);
	src.path = path_name;
	src.encoding = enc_name;
	src.format = TEKG_FORMAT_TEXT;
	src.script = TEKG_SCRIPT_T2S;
	assert_int_equal(tekg_store_begin(s, &err), 0);
	assert_int_equal(tekg_store_source_add(s, &src, "fixture-hash", 1, &sid, &err), 0);

	/* d1: the summit */
	make_article(&a, t1, x1, dt1);
	doc = put_doc(s, sid, 0, &a, dt1);
	memset(&x, 0, sizeof x);
	summit = entity(&x, "event", "亚太经合组织峰会", "event:亚太经合组织峰会", NULL);
	assert_int_equal(tekg_extraction_alias(&x, summit, "APEC峰会"), 0);
	assert_int_equal(tekg_extraction_alias(&x, summit, "亞太經合組織峰會"), 0);
	assert_int_equal(tekg_extraction_set(&x, summit, "kind", "summit"), 0);
	assert_int_equal(tekg_extraction_set(&x, summit, "start", "2025-11-10"), 0);
	assert_int_equal(tekg_extraction_set(&x, summit, "end", "2025-11-11"), 0);
	sz = entity(&x, "place", "深圳", "place:深圳", NULL);
	assert_int_equal(tekg_extraction_set(&x, sz, "kind", "city"), 0);
	d1 = entity(&x, "date", "2025-11-10", "date:2025-11-10", "11月10日");
	assert_int_equal(tekg_extraction_set(&x, d1, "value", "2025-11-10"), 0);
	mfa = entity(&x, "organization", "外交部", "organization:外交部", NULL);
	assert_int_equal(tekg_extraction_set(&x, mfa, "kind", "government"), 0);
	wang = entity(&x, "person", "王毅", "person:王毅", NULL);
	assert_int_equal(tekg_extraction_set(&x, wang, "title", "外交部长"), 0);
	li = entity(&x, "person", "李强", "person:李强", NULL);
	assert_int_equal(tekg_extraction_alias(&x, li, "李強"), 0);
	szgov = entity(&x, "organization", "深圳市政府", "organization:深圳市政府", NULL);
	mention(&x, &a, summit, 0, "亚太经合组织峰会", "亚太经合组织峰会");
	mention(&x, &a, d1, 0, "11月10日", "11月10日");
	mention(&x, &a, sz, 0, "深圳", "深圳");
	mention(&x, &a, mfa, 1, "外交部", "外交部");
	mention(&x, &a, wang, 1, "王毅", "王毅");
	mention(&x, &a, li, 2, "李强", "李强");
	mention(&x, &a, wang, 2, "王毅", "王毅");
	mention(&x, &a, szgov, 3, "深圳市政府", "深圳市政府");
	assert_int_equal(tekg_extraction_edge(&x, "held_in", summit, sz, 0, NULL, NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "held_on", summit, d1, 0, NULL, NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "participant", wang, summit, 1, "致辞", NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "affiliated_with", wang, mfa, 1, NULL, "外交部长", 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "participant", li, summit, 2, "出席", NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "organizer", szgov, summit, 3, NULL, NULL, 1), 0);
	assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	tekg_extraction_clear(&x);
	free_article(&a);

	/* d2: the expo */
	make_article(&a, t2, x2, dt2);
	doc = put_doc(s, sid, 1, &a, dt2);
	memset(&x, 0, sizeof x);
	expo = entity(&x, "event", "进博会", "event:进博会", NULL);
	assert_int_equal(tekg_extraction_set(&x, expo, "kind", "exhibition"), 0);
	assert_int_equal(tekg_extraction_set(&x, expo, "start", "2025-12-01"), 0);
	assert_int_equal(tekg_extraction_set(&x, expo, "end", "2025-12-01"), 0);
	sh = entity(&x, "place", "上海", "place:上海", NULL);
	assert_int_equal(tekg_extraction_set(&x, sh, "kind", "city"), 0);
	d2 = entity(&x, "date", "2025-12-01", "date:2025-12-01", "12月1日");
	assert_int_equal(tekg_extraction_set(&x, d2, "value", "2025-12-01"), 0);
	li = entity(&x, "person", "李强", "person:李强", NULL);
	zhang = entity(&x, "person", "张伟", "person:张伟", "張偉");
	mention(&x, &a, expo, 0, "进博会", "进博会");
	mention(&x, &a, d2, 0, "12月1日", "12月1日");
	mention(&x, &a, sh, 0, "上海", "上海");
	mention(&x, &a, li, 1, "李强", "李强");
	mention(&x, &a, zhang, 2, "張偉", "张伟");
	mention(&x, &a, li, 2, "李强", "李强");
	assert_int_equal(tekg_extraction_edge(&x, "held_in", expo, sh, 0, NULL, NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "held_on", expo, d2, 0, NULL, NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "participant", li, expo, 1, "出席", NULL, 1), 0);
	assert_int_equal(tekg_extraction_edge(&x, "participant", zhang, expo, 2, "陪同", NULL, 1), 0);
	assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	tekg_extraction_clear(&x);
	free_article(&a);

	/* d3: the other 张伟 */
	make_article(&a, t3, x3, dt3);
	doc = put_doc(s, sid, 2, &a, dt3);
	memset(&x, 0, sizeof x);
	zhang2 = entity(&x, "person", "张伟", "person:张伟#2", NULL);
	wang = entity(&x, "person", "王毅", "person:王毅", NULL);
	mention(&x, &a, zhang2, 0, "张伟", "张伟");
	mention(&x, &a, wang, 0, "王毅", "王毅");
	assert_int_equal(tekg_store_put_extraction(s, doc, &x, &err), 0);
	tekg_extraction_clear(&x);
	free_article(&a);
	(void)e;

	assert_int_equal(tekg_store_commit(s, &err), 0);
	tekg_store_close(s);
	return 0;
}

static char fixture_path[256];

static int setup(void **state)
{
	(void)state;
	snprintf(fixture_path, sizeof fixture_path, "/tmp/tekg-test-query-%ld.db", (long)getpid());
	return make_fixture(fixture_path);
}

static int teardown(void **state)
{
	char p[300];

	(void)state;
	unlink(fixture_path);
	snprintf(p, sizeof p, "%s-wal", fixture_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", fixture_path);
	unlink(p);
	return 0;
}

static tekg_graph *load(void)
{
	tekg_store *s = NULL;
	tekg_graph *g = NULL;
	tekg_error err = {0};

	assert_int_equal(tekg_store_open(&s, fixture_path, TEKG_STORE_READONLY, &err), 0);
	assert_int_equal(tekg_graph_from_store(&g, s, NULL, &err), 0);
	tekg_store_close(s);
	return g;
}

static void test_fixture_graph(void **state)
{
	tekg_graph *g = load();
	size_t n;
	tekg_error err = {0};

	(void)state;
	/* 3 documents, 12 entities */
	assert_int_equal(tekg_graph_count(g, TEKG_NODE), 15);
	assert_int_equal(tekg_network_resolve(g, "李強", NULL, &n, &err), 0);
	assert_string_equal(tekg_network_node_str(g, n, "label"), "李强");
	assert_int_equal(tekg_network_resolve(g, "张伟", NULL, &n, &err), TEKG_EAMBIGUOUS);
	assert_int_equal(tekg_network_resolve(g, "APEC峰会", "event", &n, &err), 0);
	assert_string_equal(tekg_network_node_str(g, n, "start"), "2025-11-10");
	tekg_graph_free(g);
}

static void test_fixture_measures(void **state)
{
	tekg_graph *g = load(), *p = NULL;
	tekg_network_opts o = {0};
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_network_measures(g, NULL, &err), 0);
	o.projection = TEKG_PROJ_PERSON;
	assert_int_equal(tekg_network_project(&p, g, &o, &err), 0);
	/* 王毅-李强 (the summit), 李强-张伟 (the expo) */
	assert_int_equal(tekg_graph_count(p, TEKG_EDGE), 2);
	tekg_graph_free(p);
	tekg_graph_free(g);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_graph),
		cmocka_unit_test(test_fixture_measures),
	};

	if (argc == 3 && strcmp(argv[1], "--make-fixture") == 0)
		return make_fixture(argv[2]);
	return cmocka_run_group_tests(tests, setup, teardown);
}
