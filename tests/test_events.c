/*
 * test_events.c - events (src/extract/events.c) through the public
 * extraction API: text stage -> LAC tagger -> tekg_extract_article().
 *
 * Every text here is written for these tests (no corpus text).  The suite
 * needs the LAC model (python3-jieba); without it every test skips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#include "tekg/extract.h"
#include "tekg/tagger.h"
#include "tekg/text.h"
#include "util/alloc.h"
#include "util/utf8.h"

static tekg_tagger *tagger;
static tekg_extractor *extractor;

static int setup(void **state)
{
	tekg_error err = {0};
	struct stat st;
	tekg_extract_opts opts = {0};

	(void)state;
	if (stat(tekg_tagger_default_dir(), &st) != 0)
		return 0; /* tests skip */
	if (tekg_tagger_new(&tagger, NULL, &err) != 0) {
		fprintf(stderr, "model load failed: %s\n", err.msg);
		return -1;
	}
	opts.data_dir = "data";
	if (tekg_extractor_new(&extractor, &opts, &err) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tekg_tagger_free(tagger);
	tekg_extractor_free(extractor);
	return 0;
}

#define NEED_MODEL()                                                            \
	do {                                                                    \
		if (tagger == NULL) {                                           \
			fprintf(stderr, "skipped: LAC model not installed\n");  \
			skip();                                                 \
		}                                                               \
	} while (0)

/* With TEKG_TEST_VERBOSE set, print the events and their edges. */
static void dump(const tekg_extraction *x)
{
	size_t i;

	if (getenv("TEKG_TEST_VERBOSE") == NULL)
		return;
	for (i = 0; i < x->n_entities; i++)
		if (!strcmp(x->entities[i].type, "event"))
			fprintf(stderr, "event %zu %s [%s] %s %s..%s\n", i, x->entities[i].label,
			        x->entities[i].key, x->entities[i].kind,
			        x->entities[i].start ? x->entities[i].start : "-",
			        x->entities[i].end ? x->entities[i].end : "-");
	for (i = 0; i < x->n_edges; i++)
		if (strcmp(x->edges[i].type, "co_occurs") && x->edges[i].src != TEKG_X_DOCUMENT)
			fprintf(stderr, "  %s %s -> %s %s\n", x->edges[i].type,
			        x->entities[x->edges[i].src].label, x->entities[x->edges[i].dst].label,
			        x->edges[i].role ? x->edges[i].role : "");
}

/* Read `text` and tag its first article: *src and *res belong to the
 * caller (release()). */
static const tekg_article *prepare(const char *text, tekg_source **src, tekg_tag_result **res)
{
	tekg_tag_input *in;
	tekg_error err = {0};
	const tekg_article *a;
	size_t i;

	assert_int_equal(tekg_text_read(src, "events.txt", text, strlen(text), NULL, &err), 0);
	assert_true((*src)->n_arts >= 1);
	a = &(*src)->arts[0];
	in = calloc(a->n_sents + 1, sizeof *in);
	*res = calloc(a->n_sents + 1, sizeof **res);
	assert_non_null(in);
	assert_non_null(*res);
	for (i = 0; i < a->n_sents; i++) {
		size_t b0 = tekg_utf8_offset(a->work, a->work_len, a->sents[i].wstart);
		size_t b1 = tekg_utf8_offset(a->work, a->work_len, a->sents[i].wend);
		in[i].text = a->work + b0;
		in[i].len = b1 - b0;
	}
	assert_int_equal(tekg_tagger_tag_batch(tagger, in, a->n_sents, *res, 1, &err), 0);
	free(in);
	return a;
}

static void release(tekg_source *src, tekg_tag_result *res)
{
	size_t i;

	for (i = 0; i < src->arts[0].n_sents; i++)
		tekg_free(res[i].tokens);
	free(res);
	tekg_source_free(src);
}

/* Extract the first article of `text` anchored on doc_date into *x. */
static void extract(const char *text, const char *doc_date, tekg_extraction *x)
{
	tekg_source *src = NULL;
	tekg_tag_result *res = NULL;
	tekg_error err = {0};
	const tekg_article *a = prepare(text, &src, &res);

	memset(x, 0, sizeof *x);
	assert_int_equal(tekg_extract_article(extractor, a, doc_date, res, x, &err), 0);
	dump(x);
	release(src, res);
}

static size_t n_events(const tekg_extraction *x)
{
	size_t i, n = 0;

	for (i = 0; i < x->n_entities; i++)
		n += !strcmp(x->entities[i].type, "event");
	return n;
}

/* The event whose label contains `part`, asserting there is exactly one. */
static size_t event(const tekg_extraction *x, const char *part)
{
	size_t i, found = (size_t)-1, n = 0;

	for (i = 0; i < x->n_entities; i++)
		if (!strcmp(x->entities[i].type, "event") && strstr(x->entities[i].label, part)) {
			found = i;
			n++;
		}
	if (n != 1) {
		fprintf(stderr, "%zu events labelled *%s*:", n, part);
		for (i = 0; i < x->n_entities; i++)
			if (!strcmp(x->entities[i].type, "event"))
				fprintf(stderr, " [%s %s]", x->entities[i].label, x->entities[i].key);
		fprintf(stderr, "\n");
	}
	assert_int_equal(n, 1);
	return found;
}

static void expect_dates(const tekg_extraction *x, size_t e, const char *start, const char *end)
{
	assert_non_null(x->entities[e].start);
	assert_string_equal(x->entities[e].start, start);
	assert_string_equal(x->entities[e].end, end);
}

/* Is there an edge `type` between src and an entity labelled dst_label (or
 * from an entity labelled src_label to dst), with `role` when non-NULL? */
static int has_edge_to(const tekg_extraction *x, const char *type, size_t src,
                       const char *dst_label)
{
	size_t i;

	for (i = 0; i < x->n_edges; i++)
		if (!strcmp(x->edges[i].type, type) && x->edges[i].src == src &&
		    !strcmp(x->entities[x->edges[i].dst].label, dst_label))
			return 1;
	return 0;
}

static int has_edge_from(const tekg_extraction *x, const char *type, const char *src_label,
                         size_t dst, const char *role)
{
	size_t i;

	for (i = 0; i < x->n_edges; i++)
		if (!strcmp(x->edges[i].type, type) && x->edges[i].dst == dst &&
		    x->edges[i].src != TEKG_X_DOCUMENT &&
		    !strcmp(x->entities[x->edges[i].src].label, src_label) &&
		    (role == NULL || (x->edges[i].role && !strcmp(x->edges[i].role, role))))
			return 1;
	return 0;
}

/* A named forum with a date range, a place, speakers, an organiser, and a
 * later mention that is the same event. */
static void test_forum(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("9月8日至9日，第五届全球海洋经济论坛在青岛举行。"
	        "海洋大学校长陈立华出席会议并致辞，国家海洋研究所所长赵明远发表主旨演讲。"
	        "此次论坛由青岛市人民政府主办。"
	        "全球海洋经济论坛自2018年起每年举办一次。\n",
	        "2026-09-10", &x);
	e = event(&x, "全球海洋经济论坛");
	assert_string_equal(x.entities[e].label, "第五届全球海洋经济论坛");
	assert_string_equal(x.entities[e].kind, "forum");
	expect_dates(&x, e, "2026-09-08", "2026-09-09");
	assert_true(has_edge_to(&x, "held_in", e, "青岛"));
	assert_true(has_edge_to(&x, "held_on", e, "2026-09-08/2026-09-09"));
	assert_true(has_edge_from(&x, "participant", "陈立华", e, "出席"));
	assert_true(has_edge_from(&x, "participant", "陈立华", e, "致辞"));
	assert_true(has_edge_from(&x, "participant", "赵明远", e, "主旨演讲"));
	assert_true(has_edge_from(&x, "organizer", "青岛市人民政府", e, NULL));
	assert_int_equal(n_events(&x), 1);
	tekg_extraction_clear(&x);
}

/* A planned event takes its planned date; 在港 is Hong Kong. */
static void test_planned_and_abbreviation(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("明年5月，第六届国际珠宝博览会将在港举办。\n", "2026-09-10", &x);
	e = event(&x, "国际珠宝博览会");
	assert_string_equal(x.entities[e].kind, "exhibition");
	expect_dates(&x, e, "2027-05", "2027-05");
	assert_true(has_edge_to(&x, "held_in", e, "香港"));
	tekg_extraction_clear(&x);
}

/* A seminar on the first morning of a summit is part of it and held where
 * it is; a year written before a name with its own date stays in the label. */
static void test_part_of(void **state)
{
	tekg_extraction x;
	size_t summit, seminar;

	(void)state;
	NEED_MODEL();
	extract("10月12日至14日，2027年中欧城市合作峰会在成都举行。"
	        "10月12日上午，智慧交通研讨会举行，来自各国的代表约300人参会。\n",
	        "2026-10-15", &x);
	summit = event(&x, "城市合作峰会");
	seminar = event(&x, "智慧交通研讨会");
	assert_string_equal(x.entities[summit].label, "2027年中欧城市合作峰会");
	assert_string_equal(x.entities[summit].kind, "summit");
	expect_dates(&x, summit, "2026-10-12", "2026-10-14");
	expect_dates(&x, seminar, "2026-10-12", "2026-10-12");
	assert_true(has_edge_to(&x, "part_of", seminar, x.entities[summit].label));
	assert_true(has_edge_to(&x, "held_in", seminar, "成都"));
	tekg_extraction_clear(&x);
}

/* A year that is the only date is the date, not part of the label; a
 * ceremony named after its event is part of it. */
static void test_year_and_ceremony(void **state)
{
	tekg_extraction x;
	size_t e, c;

	(void)state;
	NEED_MODEL();
	extract("2019年，各方在杭州举行了第一届数字丝路大会。"
	        "3月2日，第二届数字丝路大会开幕式在西安举行，市长刘建平出席开幕式。\n",
	        "2027-03-03", &x);
	e = event(&x, "第一届数字丝路大会");
	assert_string_equal(x.entities[e].label, "第一届数字丝路大会");
	expect_dates(&x, e, "2019", "2019");
	assert_true(has_edge_to(&x, "held_in", e, "杭州"));
	c = event(&x, "开幕式");
	assert_string_equal(x.entities[c].kind, "ceremony");
	expect_dates(&x, c, "2027-03-02", "2027-03-02");
	assert_true(has_edge_to(&x, "held_in", c, "西安"));
	assert_true(has_edge_to(&x, "part_of", c, "第二届数字丝路大会"));
	assert_true(has_edge_from(&x, "participant", "刘建平", c, "出席"));
	tekg_extraction_clear(&x);
}

/* 会 and 展 inside ordinary words are no events; nor a head that names a
 * post or a count of unnamed meetings. */
static void test_non_events(void **state)
{
	tekg_extraction x;

	(void)state;
	NEED_MODEL();
	extract("这次机会来之不易，社会各界和学会都很关注经济发展的新进展。"
	        "协会秘书长张伟表示，今年将举行约30个国际展览及会议，博览会组委会正在筹备。\n",
	        "2026-05-01", &x);
	assert_int_equal(n_events(&x), 0);
	tekg_extraction_clear(&x);
}

/* The same event named by two articles gets one key (the store merges by
 * key): the year and the acronym do not change it. */
static void test_cross_document_key(void **state)
{
	tekg_extraction a, b;
	size_t ea, eb;

	(void)state;
	NEED_MODEL();
	extract("6月3日，2027年ABC第二次部长会在大连举行。\n", "2027-06-04", &a);
	extract("ABC第二次部长会3日在大连开幕。\n", "2027-06-04", &b);
	ea = event(&a, "第二次部长会");
	eb = event(&b, "第二次部长会");
	assert_string_equal(a.entities[ea].key, b.entities[eb].key);
	assert_string_equal(b.entities[eb].start, "2027-06-03");
	tekg_extraction_clear(&a);
	tekg_extraction_clear(&b);
}

/* A verb-framed signing with its parties, dated by 当天. */
static void test_signing(void **state)
{
	tekg_extraction x;
	size_t i, n = 0;

	(void)state;
	NEED_MODEL();
	extract("4月9日，第三届智能制造博览会在苏州开幕。"
	        "当天，苏州市工业和信息化局与华为技术有限公司签署战略合作协议。\n",
	        "2027-04-10", &x);
	for (i = 0; i < x.n_entities; i++)
		if (!strcmp(x.entities[i].type, "event") && x.entities[i].kind &&
		    !strcmp(x.entities[i].kind, "signing")) {
			n++;
			expect_dates(&x, i, "2027-04-09", "2027-04-09");
			/* the entities stage may label it 华为 or 华为技术有限公司 */
			assert_true(has_edge_from(&x, "participant", "华为技术有限公司", i, "签约") ||
			            has_edge_from(&x, "participant", "华为", i, "签约"));
			assert_true(has_edge_from(&x, "participant", "苏州市工业和信息化局", i, "签约"));
		}
	assert_int_equal(n, 1);
	tekg_extraction_clear(&x);
}

/* A meeting framed by 会见: both sides take part. */
static void test_meeting_verb(void **state)
{
	tekg_extraction x;
	size_t i, n = 0;

	(void)state;
	NEED_MODEL();
	extract("5月20日，国务院副总理周建国在北京会见了来访的新西兰总理安德森。\n", "2027-05-21", &x);
	for (i = 0; i < x.n_entities; i++)
		if (!strcmp(x.entities[i].type, "event")) {
			n++;
			assert_string_equal(x.entities[i].kind, "meeting");
			expect_dates(&x, i, "2027-05-20", "2027-05-20");
			assert_true(has_edge_to(&x, "held_in", i, "北京"));
			assert_true(has_edge_from(&x, "participant", "周建国", i, "会见"));
			assert_true(has_edge_from(&x, "participant", "安德森", i, "会见"));
		}
	assert_int_equal(n, 1);
	tekg_extraction_clear(&x);
}

/* A partial date of a planned event (将于) is in the future; a quoted word
 * and name-forming verbs inside a name; 由A主办，B承办. */
static void test_planned_partial_date(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("第九届海峡两岸青年“创客之星”创新创业大赛将于2月10日至12日在厦门举行。"
	        "本届大赛由厦门市人民政府主办，厦门大学承办。\n",
	        "2027-03-01", &x);
	e = event(&x, "创新创业大赛");
	assert_string_equal(x.entities[e].label, "第九届海峡两岸青年创客之星创新创业大赛");
	expect_dates(&x, e, "2028-02-10", "2028-02-12");
	assert_true(has_edge_to(&x, "held_in", e, "厦门"));
	assert_true(has_edge_from(&x, "organizer", "厦门市人民政府", e, NULL));
	assert_true(has_edge_from(&x, "organizer", "厦门大学", e, NULL));
	tekg_extraction_clear(&x);
}

/* Visits (A对B进行国事访问, A访问B) and an anniversary celebration; an
 * interview (接受记者访问) is no visit. */
static void test_visit_and_anniversary(void **state)
{
	tekg_extraction x;
	size_t v, c;

	(void)state;
	NEED_MODEL();
	extract("应国家主席习近平邀请，巴西总统卢西亚诺将于5月6日至8日对中国进行国事访问。"
	        "庆祝南方大学建校80周年大会10日在广州隆重举行。"
	        "校长王志刚接受记者访问时说，大会很成功。\n",
	        "2027-05-01", &x);
	v = event(&x, "访问");
	assert_string_equal(x.entities[v].label, "卢西亚诺访问中国");
	assert_string_equal(x.entities[v].kind, "visit");
	expect_dates(&x, v, "2027-05-06", "2027-05-08");
	assert_true(has_edge_to(&x, "held_in", v, "中国"));
	assert_true(has_edge_from(&x, "participant", "卢西亚诺", v, "访问"));
	c = event(&x, "周年大会");
	assert_string_equal(x.entities[c].label, "庆祝南方大学建校80周年大会");
	assert_string_equal(x.entities[c].kind, "ceremony");
	expect_dates(&x, c, "2027-05-10", "2027-05-10");
	assert_true(has_edge_to(&x, "held_in", c, "广州"));
	assert_int_equal(n_events(&x), 2);
	tekg_extraction_clear(&x);
}

/* A与B举行会谈: a meeting of both, labelled A与B会谈. */
static void test_talks(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("6月2日，国务院总理刘国华与德国总理施密特在北京举行会谈。\n", "2027-06-03", &x);
	e = event(&x, "会谈");
	assert_string_equal(x.entities[e].label, "刘国华与施密特会谈");
	assert_string_equal(x.entities[e].kind, "meeting");
	expect_dates(&x, e, "2027-06-02", "2027-06-02");
	assert_true(has_edge_to(&x, "held_in", e, "北京"));
	assert_true(has_edge_from(&x, "participant", "刘国华", e, "会谈"));
	assert_true(has_edge_from(&x, "participant", "施密特", e, "会谈"));
	tekg_extraction_clear(&x);
}

/* "ORG召开会议": the organisation's meeting, convened by it; later 会议 and
 * 主持会议 refer to it. */
static void test_convened_meeting(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("国务院4月2日召开会议，研究部署春季农业生产。国务院总理刘国华主持会议。"
	        "会议指出，要稳定粮食播种面积。\n",
	        "2027-04-03", &x);
	e = event(&x, "会议");
	assert_string_equal(x.entities[e].label, "国务院会议");
	expect_dates(&x, e, "2027-04-02", "2027-04-02");
	assert_true(has_edge_from(&x, "organizer", "国务院", e, NULL));
	assert_true(has_edge_from(&x, "participant", "刘国华", e, "主持"));
	assert_int_equal(n_events(&x), 1);
	tekg_extraction_clear(&x);
}

/* A name that is the subject opening its clause keeps the words the
 * tagger cuts oddly (碳中和 as 中/和); 在京 is Beijing. */
static void test_clause_subject_name(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("4月28日，2027碳达峰碳中和绿色发展论坛在京举行。\n", "2027-04-29", &x);
	e = event(&x, "绿色发展论坛");
	assert_string_equal(x.entities[e].label, "2027碳达峰碳中和绿色发展论坛");
	expect_dates(&x, e, "2027-04-28", "2027-04-28");
	assert_true(has_edge_to(&x, "held_in", e, "北京"));
	tekg_extraction_clear(&x);
}

/* 在此间 is the dateline's place. */
static void test_here_is_dateline(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("新华社杭州5月9日电（记者张三）第五届数字经济论坛9日在此间开幕。\n", "2027-05-09", &x);
	e = event(&x, "数字经济论坛");
	expect_dates(&x, e, "2027-05-09", "2027-05-09");
	assert_true(has_edge_to(&x, "held_in", e, "杭州"));
	tekg_extraction_clear(&x);
}

/* A short name in parentheses is an alias; a later mention by it is the
 * same event. */
static void test_abbreviation_alias(void **state)
{
	tekg_extraction x;
	size_t e, i;
	int has = 0;

	(void)state;
	NEED_MODEL();
	extract("2027年中国国际服务贸易交易会（服贸会）9月10日在北京开幕。"
	        "服贸会期间，各方签署了多项合作协议。\n",
	        "2027-09-11", &x);
	e = event(&x, "交易会");
	for (i = 0; i < x.entities[e].n_aliases; i++)
		has |= !strcmp(x.entities[e].aliases[i], "服贸会");
	assert_true(has);
	expect_dates(&x, e, "2027-09-10", "2027-09-10");
	assert_true(has_edge_to(&x, "held_in", e, "北京"));
	assert_int_equal(n_events(&x), 1);
	tekg_extraction_clear(&x);
}

/* A comma between a name and its date and place: the subjectless clause
 * after it belongs to the name that ends the clause before; a venue the
 * entities stage knows as an organisation in a city gives the city. */
static void test_comma_clause_and_venue(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("由东海航运协会和南方港口集团联合主办的第十二届环球航运论坛，"
	        "1月13日至14日在香港会议展览中心举行。论坛吸引了来自30多个国家的代表。\n",
	        "2027-01-15", &x);
	e = event(&x, "环球航运论坛");
	assert_string_equal(x.entities[e].label, "第十二届环球航运论坛");
	expect_dates(&x, e, "2027-01-13", "2027-01-14");
	assert_true(has_edge_to(&x, "held_in", e, "香港"));
	assert_false(has_edge_to(&x, "held_in", e, "香港会议展览中心"));
	assert_true(has_edge_from(&x, "organizer", "东海航运协会", e, NULL));
	assert_true(has_edge_from(&x, "organizer", "南方港口集团", e, NULL));
	assert_int_equal(n_events(&x), 1);
	tekg_extraction_clear(&x);
	/* a person opening the next clause is its subject: no date from there */
	extract("第十二届环球航运论坛，1月13日张海明在杭州出席签字活动。\n", "2027-01-15", &x);
	assert_int_equal(n_events(&x), 0);
	tekg_extraction_clear(&x);
}

/* A count of one (一场, 一次) is a determiner: the name after it is an
 * event; 第一次 stays an ordinal. */
static void test_count_of_one(void **state)
{
	tekg_extraction x;
	size_t big, e;

	(void)state;
	NEED_MODEL();
	extract("5月7日至9日，第四届东湖绿色发展大会在武汉举行。"
	        "5月8日，大会还举行了一场绿色金融研讨会。\n",
	        "2027-05-10", &x);
	big = event(&x, "东湖绿色发展大会");
	e = event(&x, "绿色金融研讨会");
	assert_string_equal(x.entities[e].label, "绿色金融研讨会");
	assert_string_equal(x.entities[e].kind, "forum");
	expect_dates(&x, e, "2027-05-08", "2027-05-08");
	assert_true(has_edge_to(&x, "part_of", e, x.entities[big].label));
	assert_true(has_edge_to(&x, "held_in", e, "武汉"));
	tekg_extraction_clear(&x);
	extract("6月2日，协会举办了一次青年创业座谈会。6月9日，第一次乡村振兴座谈会举行。\n",
	        "2027-06-10", &x);
	e = event(&x, "青年创业座谈会");
	assert_string_equal(x.entities[e].label, "青年创业座谈会");
	expect_dates(&x, e, "2027-06-02", "2027-06-02");
	e = event(&x, "乡村振兴座谈会");
	assert_string_equal(x.entities[e].label, "第一次乡村振兴座谈会");
	tekg_extraction_clear(&x);
}

/* An organisation named like a meeting is no meeting; plural modifiers
 * (更多, 各类, 一系列) name no single event; one description (新品发布会)
 * held by two companies on two days is two events. */
static void test_not_one_event(void **state)
{
	tekg_extraction x;
	size_t i, n = 0;

	(void)state;
	NEED_MODEL();
	extract("秘书长在联合国贸易和发展会议上表示，全球贸易将放缓。"
	        "会展局表示，将在今年举办更多展会。协会今年还将举办各类行业论坛和一系列专题研讨会。\n",
	        "2027-05-09", &x);
	assert_int_equal(n_events(&x), 0);
	tekg_extraction_clear(&x);
	extract("3月2日，星河科技公司在深圳举行新品发布会。"
	        "3月5日，蓝海电子公司在杭州举行新品发布会。\n",
	        "2027-03-06", &x);
	assert_int_equal(n_events(&x), 2);
	for (i = 0; i < x.n_entities; i++) {
		if (strcmp(x.entities[i].type, "event"))
			continue;
		assert_string_equal(x.entities[i].label, "新品发布会");
		assert_string_equal(x.entities[i].kind, "launch");
		if (!strcmp(x.entities[i].start, "2027-03-02")) {
			assert_true(has_edge_to(&x, "held_in", i, "深圳"));
			assert_false(has_edge_to(&x, "held_in", i, "杭州"));
			n++;
		} else {
			assert_string_equal(x.entities[i].start, "2027-03-05");
			assert_true(has_edge_to(&x, "held_in", i, "杭州"));
			assert_false(has_edge_to(&x, "held_in", i, "深圳"));
			n++;
		}
	}
	assert_int_equal(n, 2);
	tekg_extraction_clear(&x);
	/* the same day: the organisers tell them apart */
	extract("3月2日，星河科技公司在深圳举行新品发布会。"
	        "同日，蓝海电子公司在杭州举行新品发布会。\n",
	        "2027-03-06", &x);
	assert_int_equal(n_events(&x), 2);
	tekg_extraction_clear(&x);
}

/* The ordinal is no part of the key: 第十二届X论坛 and X论坛 of one year are
 * one event across articles, while two editions in one article stay two;
 * a short name (东博会) is the event named in full before it. */
static void test_ordinal_key_and_short_name(void **state)
{
	tekg_extraction a, b;
	size_t ea, eb, i;
	int has = 0;

	(void)state;
	NEED_MODEL();
	extract("1月13日，第十二届环球航运论坛在宁波举行。\n", "2027-01-14", &a);
	extract("环球航运论坛13日在宁波开幕，去年的第十一届环球航运论坛吸引了2000人。\n",
	        "2027-01-14", &b);
	ea = event(&a, "环球航运论坛");
	assert_string_equal(a.entities[ea].label, "第十二届环球航运论坛");
	for (i = 0, eb = (size_t)-1; i < b.n_entities; i++)
		if (!strcmp(b.entities[i].type, "event") && !strcmp(b.entities[i].start, "2027-01-13"))
			eb = i;
	assert_true(eb != (size_t)-1);
	assert_string_equal(a.entities[ea].key, b.entities[eb].key);
	assert_int_equal(n_events(&b), 2); /* 第十一届 is another event */
	i = event(&b, "第十一届");
	assert_string_equal(b.entities[i].start, "2026");
	tekg_extraction_clear(&a);
	tekg_extraction_clear(&b);

	extract("5月25日，第九届中国东湖国际博览会在武汉开幕。本届东博会共有60多个国家参展。"
	        "东博会期间签约项目300个。\n",
	        "2027-05-26", &a);
	assert_int_equal(n_events(&a), 1);
	ea = event(&a, "东湖国际博览会");
	assert_string_equal(a.entities[ea].label, "第九届中国东湖国际博览会");
	assert_string_equal(a.entities[ea].key, "event:中国东湖国际博览会@2027");
	for (i = 0; i < a.entities[ea].n_aliases; i++)
		has |= !strcmp(a.entities[ea].aliases[i], "东博会");
	assert_true(has);
	tekg_extraction_clear(&a);
	/* two full names could be meant: the short name joins neither */
	extract("5月25日，东海渔业博览会在舟山开幕。5月26日，东方渔具博览会在宁波开幕。"
	        "东博会期间签约项目300个。\n",
	        "2027-05-26", &a);
	assert_int_equal(n_events(&a), 2);
	tekg_extraction_clear(&a);
}

/* Heads 对话会 and 开幕礼 (開幕禮); a signing ceremony of two parties with
 * its attendees; X主办了Y. */
static void test_more_heads(void **state)
{
	tekg_extraction x;
	size_t e, c;

	(void)state;
	NEED_MODEL();
	extract("商务部将于2028年9月在北京举办2028东海数字贸易对话会。\n", "2027-05-07", &x);
	e = event(&x, "对话会");
	assert_string_equal(x.entities[e].label, "2028东海数字贸易对话会");
	assert_string_equal(x.entities[e].kind, "forum");
	expect_dates(&x, e, "2028-09", "2028-09");
	assert_true(has_edge_to(&x, "held_in", e, "北京"));
	tekg_extraction_clear(&x);

	extract("5月6日，第十届東海文化節開幕禮在香港舉行，官員李志明主持開幕禮。\n", "2027-05-07", &x);
	c = event(&x, "开幕礼");
	assert_string_equal(x.entities[c].kind, "ceremony");
	expect_dates(&x, c, "2027-05-06", "2027-05-06");
	assert_true(has_edge_to(&x, "held_in", c, "香港"));
	assert_true(has_edge_to(&x, "part_of", c, "第十届东海文化节"));
	assert_true(has_edge_from(&x, "participant", "李志明", c, "主持"));
	tekg_extraction_clear(&x);

	extract("5月6日，东海港口集团与南方航运公司在宁波举行签约仪式，"
	        "市长张海明出席签约仪式并致辞。\n",
	        "2027-05-07", &x);
	e = event(&x, "签约仪式");
	assert_string_equal(x.entities[e].label, "东海港口集团与南方航运公司签约仪式");
	assert_string_equal(x.entities[e].kind, "signing");
	expect_dates(&x, e, "2027-05-06", "2027-05-06");
	assert_true(has_edge_to(&x, "held_in", e, "宁波"));
	assert_true(has_edge_from(&x, "participant", "东海港口集团", e, "签约"));
	assert_true(has_edge_from(&x, "participant", "南方航运公司", e, "签约"));
	assert_true(has_edge_from(&x, "participant", "张海明", e, "出席"));
	assert_true(has_edge_from(&x, "participant", "张海明", e, "致辞"));
	assert_int_equal(n_events(&x), 1);
	tekg_extraction_clear(&x);

	extract("东海航运协会和南方港口集团5月6日在宁波主办了第三届港口物流论坛。\n", "2027-05-07", &x);
	e = event(&x, "港口物流论坛");
	assert_true(has_edge_from(&x, "organizer", "东海航运协会", e, NULL));
	assert_true(has_edge_from(&x, "organizer", "南方港口集团", e, NULL));
	tekg_extraction_clear(&x);
}

/* A dash between name parts and 暨 joining two parts stay in the label. */
static void test_dash_and_ji_labels(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("9月8日，第三届中国—南洋博览会在海口开幕。"
	        "第五届东海-南洋经贸论坛同日在海口举行。\n",
	        "2027-09-09", &x);
	e = event(&x, "博览会");
	assert_string_equal(x.entities[e].label, "第三届中国—南洋博览会");
	assert_true(has_edge_to(&x, "held_in", e, "海口"));
	e = event(&x, "经贸论坛");
	assert_string_equal(x.entities[e].label, "第五届东海-南洋经贸论坛");
	tekg_extraction_clear(&x);
	extract("9月3日，纪念东海人民抗洪斗争暨全国水利建设胜利80周年大会在北京隆重举行。\n",
	        "2027-09-04", &x);
	e = event(&x, "周年大会");
	assert_string_equal(x.entities[e].label, "纪念东海人民抗洪斗争暨全国水利建设胜利80周年大会");
	assert_string_equal(x.entities[e].kind, "ceremony");
	expect_dates(&x, e, "2027-09-03", "2027-09-03");
	tekg_extraction_clear(&x);
}

/* 展期至 gives the end; 当天 is the story's day, not the latest date
 * written; 明年 gives its year to a month after it. */
static void test_period_same_day_next_year(void **state)
{
	tekg_extraction x;
	size_t e;

	(void)state;
	NEED_MODEL();
	extract("第十届东海礼品展5月26日在香港开幕，展期至5月29日。\n", "2027-05-27", &x);
	e = event(&x, "礼品展");
	expect_dates(&x, e, "2027-05-26", "2027-05-29");
	assert_true(has_edge_to(&x, "held_on", e, "2027-05-26/2027-05-29"));
	tekg_extraction_clear(&x);

	extract("5月20日，第三届东海论坛在宁波开幕。论坛回顾了5月8日举行的筹备会议。"
	        "当天下午，东海海洋研讨会举行。\n",
	        "2027-05-21", &x);
	e = event(&x, "海洋研讨会");
	expect_dates(&x, e, "2027-05-20", "2027-05-20");
	e = event(&x, "筹备会议");
	expect_dates(&x, e, "2027-05-08", "2027-05-08");
	tekg_extraction_clear(&x);

	extract("展览局表示，明年第十届东海礼品展将于5月在香港举行。\n", "2027-03-01", &x);
	e = event(&x, "礼品展");
	expect_dates(&x, e, "2028-05", "2028-05");
	assert_true(has_edge_to(&x, "held_in", e, "香港"));
	tekg_extraction_clear(&x);
}

/* An event framed by another's period (博览会期间，/ 会后，) without a date
 * of its own takes that event's dates and, inside it, part_of; a date of
 * its own is kept; a frame that could name two events does nothing. */
static void test_period_frame(void **state)
{
	tekg_extraction x;
	size_t e, s;

	(void)state;
	NEED_MODEL();
	extract("3月14日至16日，第五届南海渔业博览会在湛江举行。"
	        "博览会期间，湛江市农业农村局与海丰水产有限公司签署了冷链物流合作协议。\n",
	        "2027-03-17", &x);
	e = event(&x, "南海渔业博览会");
	s = event(&x, "冷链物流合作协议");
	expect_dates(&x, s, "2027-03-14", "2027-03-16");
	assert_true(has_edge_to(&x, "part_of", s, x.entities[e].label));
	assert_true(has_edge_to(&x, "held_in", s, "湛江"));
	tekg_extraction_clear(&x);

	extract("6月3日，第二届西江生态论坛在肇庆召开。"
	        "会后，肇庆市生态环境局与西江环保集团签署了流域治理合作备忘录。\n",
	        "2027-06-04", &x);
	e = event(&x, "西江生态论坛");
	s = event(&x, "流域治理合作备忘录");
	expect_dates(&x, s, "2027-06-03", "2027-06-03");
	assert_false(has_edge_to(&x, "part_of", s, x.entities[e].label));
	tekg_extraction_clear(&x);

	extract("3月14日至16日，第五届南海渔业博览会在湛江举行。"
	        "博览会期间，湛江市农业农村局与海丰水产有限公司于4月2日签署了冷链物流合作协议。\n",
	        "2027-04-03", &x);
	e = event(&x, "南海渔业博览会");
	s = event(&x, "冷链物流合作协议");
	expect_dates(&x, s, "2027-04-02", "2027-04-02");
	assert_false(has_edge_to(&x, "part_of", s, x.entities[e].label));
	tekg_extraction_clear(&x);

	extract("5月8日，第三届珠江航运论坛在广州开幕。5月9日，首届南沙港口论坛在广州举行。"
	        "论坛期间，广州港集团与南沙海关签署了通关便利化合作协议。\n",
	        "2027-05-10", &x);
	s = event(&x, "通关便利化合作协议");
	assert_false(has_edge_to(&x, "part_of", s, x.entities[event(&x, "珠江航运论坛")].label));
	assert_false(has_edge_to(&x, "part_of", s, x.entities[event(&x, "南沙港口论坛")].label));
	assert_int_equal(strlen(x.entities[s].start), 4);
	tekg_extraction_clear(&x);
}

/* Every allocation failure returns TEKG_ENOMEM and leaks nothing (run
 * under ASan to see leaks); then the full run succeeds. */
static void test_out_of_memory(void **state)
{
	tekg_source *src = NULL;
	tekg_tag_result *res = NULL;
	const tekg_article *a;
	long n;
	int rc = -1;

	(void)state;
	NEED_MODEL();
	a = prepare("9月8日至9日，第五届全球海洋经济论坛在青岛举行。"
	            "海洋大学校长陈立华出席会议并致辞。此次论坛由青岛市人民政府主办。\n",
	            &src, &res);
	for (n = 0; n < 100000 && rc != 0; n += 1) {
		tekg_extraction x;
		tekg_error err = {0};
		memset(&x, 0, sizeof x);
		tekg_alloc_fail_after(n);
		rc = tekg_extract_article(extractor, a, "2026-09-10", res, &x, &err);
		tekg_alloc_fail_after(-1);
		assert_true(rc == 0 || rc == TEKG_ENOMEM);
		if (rc == 0)
			assert_true(n_events(&x) >= 1);
		tekg_extraction_clear(&x);
	}
	assert_int_equal(rc, 0);
	assert_true(n > 50); /* the failures were really injected */
	release(src, res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forum),
		cmocka_unit_test(test_planned_and_abbreviation),
		cmocka_unit_test(test_part_of),
		cmocka_unit_test(test_year_and_ceremony),
		cmocka_unit_test(test_non_events),
		cmocka_unit_test(test_cross_document_key),
		cmocka_unit_test(test_signing),
		cmocka_unit_test(test_meeting_verb),
		cmocka_unit_test(test_planned_partial_date),
		cmocka_unit_test(test_visit_and_anniversary),
		cmocka_unit_test(test_talks),
		cmocka_unit_test(test_convened_meeting),
		cmocka_unit_test(test_clause_subject_name),
		cmocka_unit_test(test_here_is_dateline),
		cmocka_unit_test(test_abbreviation_alias),
		cmocka_unit_test(test_comma_clause_and_venue),
		cmocka_unit_test(test_count_of_one),
		cmocka_unit_test(test_not_one_event),
		cmocka_unit_test(test_ordinal_key_and_short_name),
		cmocka_unit_test(test_more_heads),
		cmocka_unit_test(test_dash_and_ji_labels),
		cmocka_unit_test(test_period_same_day_next_year),
		cmocka_unit_test(test_period_frame),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
