/*
 * test_entities.c - the entity stage rule by rule, on our own sentences
 * with hand-written tagger output (so a rule is tested, not the model):
 * boundaries, lexicon names, brackets, titles and affiliations, persons
 * after titles, list repairs, sub-units (subunit_of) and located_in, resolution,
 * credits, curation, and the shipped data files.
 *
 * Each case is "WORD/TAG WORD/TAG ..." (the shape `tekg tag` prints); the
 * words joined form the article text.  Run from the repository root (the
 * lexicons are read from ./data).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testutil.h"

#include "extract/extract_int.h"
#include "tekg/extract.h"
#include "tekg/text.h"

typedef struct fixture {
	tekg_source *src;
	tekg_tag_result *tags;
	tekg_extraction x;
} fixture;

/* Split "W/T W/T" into the text and the tokens; returns the text. */
static char *parse_tagged(const char *tagged, char words[][64], char tags[][8], size_t *n)
{
	char *text = calloc(1, strlen(tagged) + 2);
	const char *p = tagged;

	*n = 0;
	while (*p) {
		const char *sp = strchr(p, ' '), *end = sp ? sp : p + strlen(p), *sl = end;
		while (sl > p && *sl != '/')
			sl--;
		assert_true(sl > p);
		memcpy(words[*n], p, (size_t)(sl - p));
		words[*n][sl - p] = '\0';
		for (char *u = words[*n]; *u; u++)
			if (*u == '_')
				*u = ' '; /* a space inside a word (Latin names) */
		memcpy(tags[*n], sl + 1, (size_t)(end - sl - 1));
		tags[*n][end - sl - 1] = '\0';
		strcat(text, words[*n]);
		(*n)++;
		p = sp ? sp + 1 : end;
	}
	strcat(text, "\n");
	return text;
}

static size_t chars_of(const char *s, size_t bytes)
{
	size_t i, n = 0;

	for (i = 0; i < bytes; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* DUMP=1 prints what was extracted (for debugging a failing case). */
static void dump(const fixture *f)
{
	size_t i;

	if (getenv("DUMP") == NULL)
		return;
	for (i = 0; i < f->x.n_entities; i++)
		fprintf(stderr, "E %s%s%s\n", f->x.entities[i].key,
		        f->x.entities[i].title ? " title=" : "",
		        f->x.entities[i].title ? f->x.entities[i].title : "");
	for (i = 0; i < f->x.n_edges; i++)
		if (f->x.edges[i].src != TEKG_X_DOCUMENT)
			fprintf(stderr, "G %s %s -> %s %s\n", f->x.edges[i].type,
			        f->x.entities[f->x.edges[i].src].key, f->x.entities[f->x.edges[i].dst].key,
			        f->x.edges[i].title ? f->x.edges[i].title : "");
}

/* Extract one article given as tagged text, with an optional curation. */
static void run(fixture *f, const char *tagged, const char *curation)
{
	static char words[256][64], tags[256][8];
	size_t n, i, cur = 0;
	char *text = parse_tagged(tagged, words, tags, &n);
	tekg_extractor *ex = NULL;
	tekg_extract_opts xo = {0};
	tekg_error err = {0};
	tekg_article *a;

	memset(f, 0, sizeof *f);
	assert_int_equal(tekg_text_read(&f->src, "t.txt", text, strlen(text), NULL, &err), 0);
	free(text);
	assert_true(f->src->n_arts >= 1);
	a = &f->src->arts[0];
	f->tags = calloc(a->n_sents + 1, sizeof *f->tags);
	for (i = 0; i < n; i++) {
		char *simp = tekg_text_simplify(words[i], strlen(words[i]), TEKG_SCRIPT_T2S);
		const char *hit;
		size_t ws, we, s;
		assert_non_null(simp);
		hit = strstr(a->work + cur, simp);
		if (hit == NULL) { /* a word the text stage moved out (a credit) */
			free(simp);
			continue;
		}
		ws = chars_of(a->work, (size_t)(hit - a->work));
		we = ws + chars_of(simp, strlen(simp));
		cur = (size_t)(hit - a->work) + strlen(simp);
		free(simp);
		for (s = 0; s < a->n_sents; s++)
			if (a->sents[s].wstart <= ws && we <= a->sents[s].wend)
				break;
		if (s == a->n_sents)
			continue;
		{
			tekg_tag_result *r = &f->tags[s];
			r->tokens = realloc(r->tokens, (r->n + 1) * sizeof *r->tokens);
			r->tokens[r->n].start = ws - a->sents[s].wstart;
			r->tokens[r->n].end = we - a->sents[s].wstart;
			memcpy(r->tokens[r->n].type, tags[i], sizeof r->tokens[r->n].type);
			r->tokens[r->n].type[sizeof r->tokens[r->n].type - 1] = '\0';
			r->n++;
		}
	}
	xo.data_dir = "data";
	xo.curation_text = curation;
	assert_int_equal(tekg_extractor_new(&ex, &xo, &err), 0);
	assert_int_equal(tekg_extract_article(ex, a, "2030-01-02", f->tags, &f->x, &err), 0);
	tekg_extractor_free(ex);
	dump(f);
}

static void done(fixture *f)
{
	size_t i;

	for (i = 0; f->src && i <= f->src->arts[0].n_sents; i++)
		free(f->tags[i].tokens);
	free(f->tags);
	tekg_extraction_clear(&f->x);
	tekg_source_free(f->src);
}

/* Index of the entity with key, or -1. */
static long ent(const fixture *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->x.n_entities; i++)
		if (!strcmp(f->x.entities[i].key, key))
			return (long)i;
	return -1;
}

static int has_alias(const fixture *f, const char *key, const char *alias)
{
	long e = ent(f, key);
	size_t i;

	if (e < 0)
		return 0;
	for (i = 0; i < f->x.entities[e].n_aliases; i++)
		if (!strcmp(f->x.entities[e].aliases[i], alias))
			return 1;
	return 0;
}

/* The title of the edge type src -> dst, "" when untitled, NULL when absent. */
static const char *edge(const fixture *f, const char *type, const char *src, const char *dst)
{
	long s = ent(f, src), d = ent(f, dst);
	size_t i;

	for (i = 0; s >= 0 && d >= 0 && i < f->x.n_edges; i++)
		if (!strcmp(f->x.edges[i].type, type) && f->x.edges[i].src == (size_t)s &&
		    f->x.edges[i].dst == (size_t)d)
			return f->x.edges[i].title ? f->x.edges[i].title : "";
	return NULL;
}

static size_t count_type(const fixture *f, const char *type)
{
	size_t i, n = 0;

	for (i = 0; i < f->x.n_entities; i++)
		n += !strcmp(f->x.entities[i].type, type);
	return n;
}

/* ---- lexicons --------------------------------------------------------- */

static void test_data_files(void **state)
{
	xlex *lx = NULL;
	tekg_error err = {0};
	const xlex_entry *e;
	char bad[] = "place\tcity";
	(void)state;

	assert_int_equal(xlex_new(&lx), 0);
	assert_int_equal(xlex_load_dir(lx, "data", &err), 0);
	e = xlex_get(lx, "深圳市", strlen("深圳市"));
	assert_non_null(e);
	assert_true(e->flags & XL_PLACE);
	assert_string_equal(e->canon, "深圳");
	assert_string_equal(e->parent, "广东");
	e = xlex_get(lx, "APEC", 4);
	assert_non_null(e);
	assert_string_equal(e->canon, "亚太经合组织");
	assert_string_equal(e->kind, "international");
	e = xlex_get(lx, "亞太經合組織", strlen("亞太經合組織")); /* traditional entry */
	assert_non_null(e);
	assert_string_equal(e->canon, "亚太经合组织");
	assert_true(xlex_has(lx, "司长", strlen("司长"), XL_TITLE));
	assert_true(xlex_has(lx, "记者", strlen("记者"), XL_TITLE));
	assert_true(xlex_has(lx, "有限公司", strlen("有限公司"), XL_ORG_SUFFIX));
	assert_true(xlex_has(lx, "欧阳", strlen("欧阳"), XL_SURNAME));
	assert_true(xlex_has(lx, "常务", strlen("常务"), XL_TITLE_PREFIX));
	assert_false(xlex_has(lx, "王毅", strlen("王毅"), XL_PLACE | XL_ORG | XL_TITLE));
	/* an event's organising committee is not the organisation that owns the event */
	e = xlex_get(lx, "世界技能大赛组委会", strlen("世界技能大赛组委会"));
	assert_non_null(e);
	assert_string_equal(e->canon, "世界技能大赛组委会");
	/* one-character short forms of places */
	e = xlex_get(lx, "汉", strlen("汉"));
	assert_non_null(e);
	assert_true(e->flags & XL_PLACE_SHORT);
	assert_string_equal(e->short_of, "武汉");
	assert_false(xlex_has(lx, "武汉", strlen("武汉"), XL_PLACE_SHORT));
	/* and the organisation keeps its own canonical name */
	e = xlex_get(lx, "世界技能组织", strlen("世界技能组织"));
	assert_non_null(e);
	assert_string_equal(e->canon, "世界技能组织");
	assert_true(xlex_maxlen(lx) >= 6);
	/* a malformed line names file and line */
	assert_int_equal(xlex_load_line(lx, bad, "x.tsv", 7, &err), TEKG_EPARSE);
	assert_non_null(strstr(err.msg, "x.tsv:7"));
	xlex_free(lx);
	/* a missing directory */
	assert_int_equal(xlex_new(&lx), 0);
	assert_int_equal(xlex_load_dir(lx, "no/such/dir", &err), TEKG_EIO);
	xlex_free(lx);
}

/* ---- rules -------------------------------------------------------------- */

static void test_title_chain(void **state)
{
	fixture f;
	(void)state;
	/* a sub-unit with a title, then a date and a second "ORG title", then a
	 * name the tagger tagged as a time word */
	run(&f, "商务部国际贸易司/nt 司长/n 、/w 2030年/TIME 亚太经合组织/ORG 工作组/n 副主席/n "
	        "金秋/t 出席/v 会议/n 。/w", NULL);
	assert_true(ent(&f, "person:金秋") >= 0);
	assert_string_equal(edge(&f, "affiliated_with", "person:金秋", "organization:商务部国际贸易司"),
	                    "司长");
	assert_string_equal(edge(&f, "affiliated_with", "person:金秋", "organization:亚太经合组织"),
	                    "工作组副主席");
	assert_non_null(edge(&f, "subunit_of", "organization:商务部国际贸易司", "organization:商务部"));
	done(&f);
}

static void test_city_official_and_minister(void **state)
{
	fixture f;
	(void)state;
	run(&f, "杭州市/LOC 市长/n 李明/PER 表示/v ，/w 国务委员/n 、/w 外交/n 部长/n 赵刚/PER "
	        "会见/v 了/u 客人/n 。/w", NULL);
	assert_true(ent(&f, "place:杭州") >= 0);
	assert_true(has_alias(&f, "place:杭州", "杭州市"));
	assert_string_equal(edge(&f, "affiliated_with", "person:李明", "place:杭州"), "市长");
	assert_true(ent(&f, "organization:外交部") >= 0);
	assert_string_equal(edge(&f, "affiliated_with", "person:赵刚", "organization:外交部"),
	                    "外交部长");
	assert_string_equal(f.x.entities[ent(&f, "person:赵刚")].title, "外交部长");
	done(&f);
}

static void test_more_titles(void **state)
{
	fixture f;
	(void)state;
	/* 行长, 行政长官; a title whose last character the tagger glued to the
	 * name (新闻|发言|人柏|子航); party committees: X|市委书记, X市委书记 and
	 * X市|委书记 give the organisation X市委 and the title 书记 */
	run(&f, "东海银行/ORG 行长/n 陶志远/PER 说/v 。/w 外事办/n 新闻/n 发言/vn 人柏/n 子航/PER "
	        "表示/v 。/w 杭州/LOC 市委书记/n 郑远航/PER 出席/v 。/w 湖州市委书记/n 钱立群/PER "
	        "讲话/v 。/w 温州市/LOC 委书记/n 纪明川/PER 到场/v 。/w 特区/n 行政长官/n 宁思远/PER "
	        "致辞/v 。/w 杭州市发展和改革委员会/ORG 发布/v 通知/n 。/w", NULL);
	assert_string_equal(edge(&f, "affiliated_with", "person:陶志远", "organization:东海银行"), "行长");
	/* 杭州市委 is no abbreviation of 杭州市发展和改革委员会 */
	assert_true(ent(&f, "organization:杭州市发展和改革委员会") >= 0);
	assert_true(ent(&f, "person:柏子航") >= 0);
	assert_true(ent(&f, "person:子航") < 0);
	assert_string_equal(f.x.entities[ent(&f, "person:柏子航")].title, "新闻发言人");
	assert_string_equal(edge(&f, "affiliated_with", "person:郑远航", "organization:杭州市委"), "书记");
	assert_string_equal(edge(&f, "affiliated_with", "person:钱立群", "organization:湖州市委"), "书记");
	assert_string_equal(edge(&f, "affiliated_with", "person:纪明川", "organization:温州市委"), "书记");
	assert_non_null(edge(&f, "located_in", "organization:杭州市委", "place:杭州"));
	assert_string_equal(f.x.entities[ent(&f, "person:宁思远")].title, "行政长官");
	done(&f);
}

static void test_title_without_org(void **state)
{
	fixture f;
	(void)state;
	/* a title with no organisation before it is still the person's title;
	 * an affiliation's title wins over it */
	run(&f, "副总经理/n 司马行舟/PER 说/v ，/w 常务/n 副院长/n 欧阳明远/PER 表示/v 。/w "
	        "东海物流有限公司/ORG 董事长/n 陶志远/PER 说/v 。/w 董事/n 陶志远/PER 补充/v 。/w", NULL);
	assert_string_equal(f.x.entities[ent(&f, "person:司马行舟")].title, "副总经理");
	assert_string_equal(f.x.entities[ent(&f, "person:欧阳明远")].title, "常务副院长");
	assert_string_equal(f.x.entities[ent(&f, "person:陶志远")].title, "董事长");
	done(&f);
}

static void test_suffix_kinds(void **state)
{
	fixture f;
	(void)state;
	/* unlisted bodies take their suffix's kind */
	run(&f, "云州省人民政府/ORG 和/c 东港特区财政司/ORG 、/w 青禾大学/ORG 发布/v 通知/n 。/w", NULL);
	assert_string_equal(f.x.entities[ent(&f, "organization:云州省人民政府")].kind, "government");
	assert_string_equal(f.x.entities[ent(&f, "organization:东港特区财政司")].kind, "government");
	assert_string_equal(f.x.entities[ent(&f, "organization:青禾大学")].kind, "academic");
	done(&f);
}

static void test_posted_abroad(void **state)
{
	fixture f;
	(void)state;
	/* X驻Y + title: the post belongs to X, not to the place Y; a named
	 * mission is one organisation */
	run(&f, "法国/LOC 驻/v 杭州/LOC 总领事/n 陶明远/PER 出席/v 。/w 中国/LOC 驻/v 法国/LOC "
	        "大使馆/n 参赞/n 柏青松/PER 说/v 。/w", NULL);
	assert_string_equal(edge(&f, "affiliated_with", "person:陶明远", "place:法国"), "驻杭州总领事");
	assert_null(edge(&f, "affiliated_with", "person:陶明远", "place:杭州"));
	assert_string_equal(edge(&f, "affiliated_with", "person:柏青松", "organization:中国驻法国大使馆"),
	                    "参赞");
	assert_string_equal(f.x.entities[ent(&f, "organization:中国驻法国大使馆")].kind, "government");
	done(&f);
}

static void test_bureau_head(void **state)
{
	fixture f;
	(void)state;
	/* X局|局长 and X局局长 give the bureau X局 and the title 局长 (not X局局);
	 * 及 inside a bureau's name keeps it whole */
	run(&f, "財經/n 事務/n 及/c 庫務局/n 局長/n 許一帆/PER 說/v 。/w 保安局局长/n 何立新/PER "
	        "表示/v 。/w", NULL);
	assert_string_equal(edge(&f, "affiliated_with", "person:许一帆", "organization:财经事务及库务局"),
	                    "局长");
	assert_true(ent(&f, "organization:库务局局") < 0);
	assert_string_equal(edge(&f, "affiliated_with", "person:何立新", "organization:保安局"), "局长");
	assert_true(ent(&f, "organization:保安局局") < 0);
	done(&f);
}

static void test_name_from_chars(void **state)
{
	fixture f;
	(void)state;
	/* the tagger cut the name (蓝|海|川 as 蓝海/n 川/v) or glued it to the verb
	 * (上官若水说/v): the name is rebuilt from characters up to the verb */
	run(&f, "自治区/n 主席/n 蓝海/n 川/v 说/v 。/w 研究员/n 上官若水说/v 。/w "
	        "主任/n 王刚/n 又/d 说/v 。/w 书记/n 强调指出/v ，/w 主任/n 高度/d 评价/v 。/w", NULL);
	assert_true(ent(&f, "person:蓝海川") >= 0);
	assert_true(ent(&f, "person:蓝海") < 0);
	assert_string_equal(f.x.entities[ent(&f, "person:蓝海川")].title, "主席");
	assert_true(ent(&f, "person:上官若水") >= 0);
	assert_true(ent(&f, "person:王刚") >= 0);
	assert_int_equal(count_type(&f, "person"), 3);
	done(&f);
}

static void test_spurious_organisations(void **state)
{
	fixture f;
	(void)state;
	/* a region inside an event's name, a generic word before a title, and
	 * venues of 在…举行 are no organisations */
	run(&f, "第五届/m 浙江西部/LOC 国际/n 博览会/n 在/p 杭州/LOC 开幕/v 。/w 多个/m 国际组织/n "
	        "代表/n 出席/v 。/w 论坛/n 在/p 杭州国际会议展览中心/ORG 举行/v 。/w 大会/n 在/p 西湖/n "
	        "博览/v 城/n 隆重/a 举行/v 。/w 展会/n 在/p 杭州国际会展中心/LOC 开幕/v 。/w", NULL);
	assert_int_equal(count_type(&f, "organization"), 0);
	assert_string_equal(f.x.entities[ent(&f, "place:杭州国际会议展览中心")].kind, "facility");
	assert_non_null(edge(&f, "located_in", "place:杭州国际会议展览中心", "place:杭州"));
	/* the venue's short name is the venue */
	assert_true(has_alias(&f, "place:杭州国际会议展览中心", "杭州国际会展中心"));
	assert_true(ent(&f, "place:杭州国际会展中心") < 0);
	assert_string_equal(f.x.entities[ent(&f, "place:西湖博览城")].kind, "facility");
	done(&f);
}

static void test_short_forms(void **state)
{
	fixture f;
	(void)state;
	/* a company with and without its legal form is one; city nicknames and
	 * one-character short forms between 在/来 and a verb name the city, but
	 * 到|港|后 is a harbour */
	run(&f, "青山汽车集团/ORG 发布/v 新车/n 。/w 青山汽车集团有限公司/ORG 成立/v 于/p 1990年/TIME "
	        "。/w 南岭科技有限公司/ORG 与/c 南岭科技股份有限公司/ORG 合作/v 。/w 论坛/n 在/p 汉/ns "
	        "举行/v 。/w 代表团/n 来沪/v 参加/v 会议/n 。/w 货物/n 到/v 港/LOC 后/f 清关/v 。/w "
	        "峰会/n 在/p 鹏城/LOC 举行/v 。/w", NULL);
	assert_true(has_alias(&f, "organization:青山汽车集团有限公司", "青山汽车集团"));
	assert_true(ent(&f, "organization:青山汽车集团") < 0);
	assert_int_equal(count_type(&f, "organization"), 2);
	assert_true(has_alias(&f, "place:武汉", "汉"));
	assert_true(ent(&f, "place:汉") < 0);
	assert_true(has_alias(&f, "place:上海", "沪"));
	assert_true(has_alias(&f, "place:深圳", "鹏城"));
	assert_true(ent(&f, "place:香港") < 0);
	assert_int_equal(count_type(&f, "place"), 3);
	done(&f);
}

static void test_name_after_title(void **state)
{
	fixture f;
	(void)state;
	/* a surname and a given name the tagger split, after 董事长 */
	run(&f, "东海物流有限公司/ORG 董事长/n 应/v 志远/n 介绍/v 情况/n 。/w", NULL);
	assert_true(ent(&f, "person:应志远") >= 0);
	assert_string_equal(edge(&f, "affiliated_with", "person:应志远",
	                         "organization:东海物流有限公司"), "董事长");
	assert_int_equal(count_type(&f, "person"), 1);
	done(&f);
}

static void test_brackets_and_boundaries(void **state)
{
	fixture f;
	(void)state;
	/* ORG（ACRONYM） gives an alias; quotes and 讯 stay out of names */
	run(&f, "北方日报讯/nt 国际太阳能联盟/ORG （/w ISA/nz ）/w 发布/v 报告/n ，/w "
	        "「亚太经合组织/ORG 方式/n 」/w 受到/v 关注/v 。/w", NULL);
	assert_true(ent(&f, "organization:北方日报") >= 0);
	assert_true(ent(&f, "organization:北方日报讯") < 0);
	assert_true(has_alias(&f, "organization:国际太阳能联盟", "ISA"));
	assert_true(ent(&f, "organization:亚太经合组织") >= 0);
	assert_true(ent(&f, "organization:「亚太经合组织") < 0);
	done(&f);
}

static void test_lexicon_acronym_and_script(void **state)
{
	fixture f;
	(void)state;
	/* the tagger splits APEC and calls it a person; traditional script */
	run(&f, "APE/nr C/v 會議/n 在/p 深圳/LOC 舉行/v ，/w 亞太經合組織/ORG 成員/n 出席/v 。/w "
	        "深圳市/LOC 歡迎/v 各方/r 。/w", NULL);
	assert_true(ent(&f, "organization:亚太经合组织") >= 0);
	assert_true(has_alias(&f, "organization:亚太经合组织", "APEC"));
	assert_true(has_alias(&f, "organization:亚太经合组织", "亞太經合組織"));
	assert_int_equal(count_type(&f, "person"), 0);
	assert_true(has_alias(&f, "place:深圳", "深圳市"));
	assert_int_equal(count_type(&f, "place"), 1);
	done(&f);
}

static void test_lists(void **state)
{
	fixture f;
	(void)state;
	run(&f, "腾讯/ORG 、/w 星河机器人/nz 、/w 云杉智能/PER 等/u 企业/n 参展/v 。/w "
	        "获奖者/n 为/v 王大成/PER 、/w 李小红/PER 、/w 周明/PER 中等/a 3/m 人/n 。/w", NULL);
	assert_true(ent(&f, "organization:星河机器人") >= 0);
	assert_true(ent(&f, "organization:云杉智能") >= 0);
	assert_true(ent(&f, "person:云杉智能") < 0);
	assert_true(ent(&f, "person:周明中") >= 0);
	assert_true(ent(&f, "person:周明") < 0);
	done(&f);
}

static void test_resolution(void **state)
{
	fixture f;
	(void)state;
	/* a short later mention; an abbreviation; a short company name */
	run(&f, "法国/LOC 专家/n 让·杜邦/PER 表示/v 。/w 杜邦/PER 说/v 。/w "
	        "记者/n 从/p 杭州市卫生健康委员会/ORG 获悉/v 。/w 杭州市卫健委/ORG 表示/v 。/w "
	        "杭州市青禾农业科技有限公司/ORG 成立/v 。/w 青禾农业/ORG 发展/v 。/w", NULL);
	assert_true(has_alias(&f, "person:让·杜邦", "杜邦"));
	assert_true(ent(&f, "person:杜邦") < 0);
	assert_true(has_alias(&f, "organization:杭州市卫生健康委员会", "杭州市卫健委"));
	assert_true(ent(&f, "organization:杭州市卫健委") < 0);
	assert_true(has_alias(&f, "organization:杭州市青禾农业科技有限公司", "青禾农业"));
	/* places named inside organisations */
	assert_non_null(edge(&f, "located_in", "organization:杭州市卫生健康委员会", "place:杭州"));
	done(&f);
}

static void test_place_forms(void **state)
{
	fixture f;
	(void)state;
	run(&f, "德化县/LOC 的/u 瓷器/n 从/p 德化/LOC 运往/v 深圳前海/LOC 。/w", NULL);
	assert_true(has_alias(&f, "place:德化", "德化县"));
	assert_true(ent(&f, "place:德化县") < 0);
	assert_true(ent(&f, "place:深圳") >= 0);
	assert_true(ent(&f, "place:前海") >= 0);
	assert_non_null(edge(&f, "located_in", "place:前海", "place:深圳"));
	assert_int_equal(count_type(&f, "place"), 3);
	done(&f);
}

static void test_not_names(void **state)
{
	fixture f;
	(void)state;
	/* common words, -化 nouns, a place and a verb, Latin words, lone characters */
	run(&f, "推进/v 普惠化/ORG 发展/v ，/w 中国主办/ORG 大会/n ，/w 实现/v 高效/a 联通/ORG ，/w "
	        "使用/v AI/nr 和/c CEO/nr ，/w 新/nr 产品/n 到/v 港/LOC 。/w", NULL);
	assert_int_equal(count_type(&f, "organization"), 0);
	assert_int_equal(count_type(&f, "person"), 0);
	assert_true(ent(&f, "place:中国") >= 0);
	assert_int_equal(count_type(&f, "place"), 1);
	done(&f);
}

static void test_numeral_measure(void **state)
{
	fixture f;
	(void)state;
	/* 从一 before a measure word is a preposition and a number, also after a
	 * place and when the measure word starts a longer token; organisations
	 * before a count survive */
	run(&f, "杭州/LOC 从一/ORG 家/n 小作坊/n 起步/v ，/w 他/r 从一/ORG 名/q 学徒/n 成长/v 为/v "
	        "工程师/n ，/w 从三/ORG 家/q 门店/n 扩大/v ，/w 住/v 进/v 从一/ORG 间小屋/n 搬出/v 。/w "
	        "南岭科技/ORG 两/m 名/q 工程师/n 和/c 青山汽车集团/ORG 一/m 位/q 代表/n 出席/v 。/w", NULL);
	assert_true(ent(&f, "organization:从一") < 0);
	assert_true(ent(&f, "organization:杭州从一") < 0);
	assert_true(ent(&f, "organization:从三") < 0);
	assert_true(ent(&f, "place:杭州") >= 0);
	assert_true(ent(&f, "organization:南岭科技") >= 0);
	assert_true(ent(&f, "organization:青山汽车集团") >= 0);
	assert_int_equal(count_type(&f, "organization"), 2);
	done(&f);
}

static void test_after_etc(void **state)
{
	fixture f;
	(void)state;
	/* the word after 等 closing a list is the class of the items; the items
	 * themselves, listed or suffixed names after 等, and 等 as a verb keep
	 * their names */
	run(&f, "发展/v 新材料/n 、/w 高端装备/n 等/u 新兴产业/ORG 。/w 引进/v 氢能/n 等等/u "
	        "未来产业/ORG 。/w 华为/ORG 、/w 星河机器人/ORG 等/u 企业/n 参展/v 。/w "
	        "天河电子/ORG 、/w 东岭科技/ORG 等/u 青山汽车集团/ORG 子公司/n 出席/v 。/w "
	        "记者/n 等/v 南岭传媒/ORG 回复/v 。/w", NULL);
	assert_true(ent(&f, "organization:新兴产业") < 0);
	assert_true(ent(&f, "organization:未来产业") < 0);
	assert_true(ent(&f, "organization:华为") >= 0);
	assert_true(ent(&f, "organization:星河机器人") >= 0);
	assert_true(ent(&f, "organization:天河电子") >= 0);
	assert_true(ent(&f, "organization:东岭科技") >= 0);
	assert_true(ent(&f, "organization:青山汽车集团") >= 0);
	assert_true(ent(&f, "organization:南岭传媒") >= 0);
	assert_int_equal(count_type(&f, "organization"), 6);
	done(&f);
}

static void test_shared_tail(void **state)
{
	fixture f;
	(void)state;
	/* one character plus a shared word in a 、-list is a coinage; company
	 * short names sharing a word, suffixed names and persons are kept */
	run(&f, "推进/v 硬连接/ORG 、/w 软连接/ORG 、/w 云/n 连接/ORG 。/w 做好/v 内循环/ORG 、/w "
	        "外循环/LOC 。/w 云天科技/ORG 、/w 星河科技/ORG 签约/v 。/w 东城区/LOC 、/w 西城区/LOC "
	        "发布/v 通知/n 。/w 王小明/PER 、/w 李小明/PER 获奖/v 。/w", NULL);
	assert_true(ent(&f, "organization:硬连接") < 0);
	assert_true(ent(&f, "organization:软连接") < 0);
	assert_true(ent(&f, "organization:连接") < 0);
	assert_true(ent(&f, "organization:内循环") < 0);
	assert_true(ent(&f, "place:外循环") < 0);
	assert_true(ent(&f, "organization:云天科技") >= 0);
	assert_true(ent(&f, "organization:星河科技") >= 0);
	assert_int_equal(count_type(&f, "organization"), 2);
	assert_true(ent(&f, "place:东城区") >= 0);
	assert_true(ent(&f, "place:西城区") >= 0);
	assert_true(ent(&f, "person:王小明") >= 0);
	assert_true(ent(&f, "person:李小明") >= 0);
	done(&f);
}

static void test_modifier_list(void **state)
{
	fixture f;
	(void)state;
	/* parallel modifiers before 的 hold no organisation, wherever the false
	 * one stands in the list; names in lists of names or nouns, a company
	 * short name before 的 and names joined by 和 are kept */
	run(&f, "构建/v 全/a 周期/n 、/w 多层次/ORG 的/u 服务/vn 体系/n 。/w 形成/v 宽/a 领域/n 、/w "
	        "立体式/ORG 、/w 多平台/m 的/u 格局/n 。/w 来自/v 政府部门/n 、/w 东岭电子/ORG 的/u "
	        "代表/n 出席/v 。/w 华为/ORG 、/w 星河智能/ORG 的/u 专家/n 发言/v 。/w 深圳市政府/ORG "
	        "的/u 支持/n 。/w 青禾农业/ORG 的/u 产品/n 畅销/v 。/w 阿里巴巴/ORG 和/c 腾讯/ORG 的/u "
	        "合作/vn 。/w 新/a 发布/v 、/w 青岚/ORG 的/u 新品/n 。/w", NULL);
	assert_true(ent(&f, "organization:多层次") < 0);
	assert_true(ent(&f, "organization:立体式") < 0);
	assert_true(ent(&f, "organization:东岭电子") >= 0);
	assert_true(ent(&f, "organization:华为") >= 0);
	assert_true(ent(&f, "organization:星河智能") >= 0);
	assert_true(ent(&f, "organization:深圳市政府") >= 0 || ent(&f, "organization:深圳市人民政府") >= 0);
	assert_true(ent(&f, "organization:青禾农业") >= 0);
	assert_true(ent(&f, "organization:阿里巴巴") >= 0);
	assert_true(ent(&f, "organization:腾讯") >= 0);
	assert_true(ent(&f, "organization:青岚") >= 0);
	done(&f);
}

static void test_title_then_verb(void **state)
{
	fixture f;
	(void)state;
	/* a verb starting with a surname character after a title is no name;
	 * a place name at the start of a common word is no place */
	run(&f, "党委/n 书记/n 强调/v ，/w 大厅/n 要/v 用/v 大理石/n 装修/v ，/w 主任/n 高度/d 评价/v ，/w "
	        "货物/n 运到/v 码头/LOC 交给/v 委员会/ORG 。/w", NULL);
	assert_int_equal(count_type(&f, "organization"), 0);
	assert_int_equal(count_type(&f, "person"), 0);
	assert_int_equal(count_type(&f, "place"), 0);
	done(&f);
}

static void test_latin_person(void **state)
{
	fixture f;
	(void)state;
	run(&f, "官员/n M/v aria_Santos/nr 表示/v 。/w 专家/n 让•杜邦/PER 和/c 让·杜邦/PER 见面/v 。/w", NULL);
	assert_true(ent(&f, "person:Maria Santos") >= 0);
	assert_true(ent(&f, "person:让·杜邦") >= 0); /* one key for every middle dot */
	assert_true(has_alias(&f, "person:让·杜邦", "让•杜邦"));
	assert_int_equal(count_type(&f, "person"), 2);
	done(&f);
}

static void test_credit(void **state)
{
	fixture f;
	size_t i;
	int found = 0;
	(void)state;
	run(&f, "会议/n 在/p 杭州/LOC 举行/v 。/w （/w 新华社/ORG 记者/n 王小明/PER ）/w", NULL);
	if (f.src->arts[0].n_credits == 0) {
		done(&f);
		skip(); /* the text stage did not see a credit here */
	}
	for (i = 0; i < f.x.n_entities; i++)
		if (!strcmp(f.x.entities[i].key, "person:王小明")) {
			found = 1;
			assert_non_null(f.x.entities[i].title);
			assert_string_equal(f.x.entities[i].title, "记者");
		}
	assert_true(found);
	assert_string_equal(edge(&f, "affiliated_with", "person:王小明", "organization:新华社"), "记者");
	done(&f);
}

static void test_curation(void **state)
{
	fixture f;
	const char *cur = "block\t港澳\n"
	                  "rename\t李明\t李明华\n"
	                  "merge\t东海集团\t东海物流\n"
	                  "type\t星海号\tplace\n"
	                  "# a comment\n";
	(void)state;
	run(&f, "李明/PER 到/v 港澳/LOC 考察/v ，/w 东海集团/ORG 和/c 东海物流/ORG 参加/v ，/w "
	        "星海号/ORG 靠岸/v 。/w", cur);
	assert_true(ent(&f, "place:港澳") < 0);
	assert_true(ent(&f, "person:李明华") >= 0);
	assert_true(has_alias(&f, "person:李明华", "李明"));
	assert_true(ent(&f, "person:李明") < 0);
	assert_true(has_alias(&f, "organization:东海集团", "东海物流"));
	assert_true(ent(&f, "organization:东海物流") < 0);
	assert_true(ent(&f, "place:星海号") >= 0);
	assert_true(ent(&f, "organization:星海号") < 0);
	done(&f);
}

static void test_curation_errors(void **state)
{
	xcur c = {0};
	tekg_error err = {0};
	(void)state;
	assert_int_equal(xcur_add(&c, "merge", "甲", NULL, &err), TEKG_EINVAL);
	assert_int_equal(xcur_add(&c, "explode", "甲", "乙", &err), TEKG_EINVAL);
	assert_int_equal(xcur_add(&c, "type", "甲", "planet", &err), TEKG_EINVAL);
	assert_int_equal(xcur_add(&c, "block", "甲", NULL, &err), 0);
	assert_int_equal(xcur_add(&c, "rename", "亞太", "亚太地区", &err), 0);
	assert_string_equal(c.ops[1].a, "亚太"); /* names are kept simplified */
	xcur_clear(&c);
	assert_int_equal(xcur_load_file(&c, "no/such/file", &err), TEKG_EIO);
}

static void test_mentions_have_sentences(void **state)
{
	fixture f;
	size_t i, e;
	(void)state;
	run(&f, "会议/n 在/p 杭州/LOC 举行/v 。/w 李明/PER 出席/v 。/w", NULL);
	for (i = 0; i < f.x.n_mentions; i++) {
		const tekg_x_mention *m = &f.x.mentions[i];
		assert_true(m->sentence < f.src->arts[0].n_sents);
		assert_true(m->start < m->end);
	}
	/* the helper for the events stage */
	assert_true(xent_at(&f.x, 1, f.src->arts[0].sents[1].start, f.src->arts[0].sents[1].start,
	                    1, &e));
	assert_string_equal(f.x.entities[e].key, "person:李明");
	assert_false(xent_at(&f.x, 0, 0, 1, 0, &e));
	done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_data_files),
		cmocka_unit_test(test_title_chain),
		cmocka_unit_test(test_city_official_and_minister),
		cmocka_unit_test(test_more_titles),
		cmocka_unit_test(test_title_without_org),
		cmocka_unit_test(test_suffix_kinds),
		cmocka_unit_test(test_posted_abroad),
		cmocka_unit_test(test_bureau_head),
		cmocka_unit_test(test_name_from_chars),
		cmocka_unit_test(test_spurious_organisations),
		cmocka_unit_test(test_short_forms),
		cmocka_unit_test(test_name_after_title),
		cmocka_unit_test(test_brackets_and_boundaries),
		cmocka_unit_test(test_lexicon_acronym_and_script),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_resolution),
		cmocka_unit_test(test_place_forms),
		cmocka_unit_test(test_not_names),
		cmocka_unit_test(test_numeral_measure),
		cmocka_unit_test(test_after_etc),
		cmocka_unit_test(test_shared_tail),
		cmocka_unit_test(test_modifier_list),
		cmocka_unit_test(test_title_then_verb),
		cmocka_unit_test(test_latin_person),
		cmocka_unit_test(test_credit),
		cmocka_unit_test(test_curation),
		cmocka_unit_test(test_curation_errors),
		cmocka_unit_test(test_mentions_have_sentences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
