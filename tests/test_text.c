/*
 * test_text.c - the text stage: decoding, normalisation and its map,
 * article splitting, credits, datelines, sentences, JSONL, HTML, limits.
 *
 * Fixtures are in tests/data/text (our own short articles); the seed
 * corpus test reads ../shared and is skipped without it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>

#include "testutil.h"

#include <pthread.h>
#include <sys/resource.h>
#include <time.h>

#include "tekg/text.h"
#include "util/alloc.h"
#include "util/utf8.h"

#define DATA "tests/data/text/"

/* ---- helpers ----------------------------------------------------------- */

static tekg_source *read_file(const char *path, const tekg_text_opts *opts)
{
	size_t len = 0;
	char *buf = slurp(path, &len);
	tekg_source *src = NULL;
	tekg_error err = {0};
	int rc;

	assert_non_null(buf);
	rc = tekg_text_read(&src, path, buf, len, opts, &err);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", path, err.msg);
	assert_int_equal(rc, 0);
	free(buf);
	return src;
}

static tekg_source *read_mem(const char *text, const tekg_text_opts *opts)
{
	tekg_source *src = NULL;
	tekg_error err = {0};

	assert_int_equal(tekg_text_read(&src, "mem.txt", text, strlen(text), opts, &err), 0);
	return src;
}

/* Decode a string into code points (caller frees). */
static uint32_t *cps(const char *s, size_t len, size_t *n)
{
	uint32_t *out = malloc((len + 1) * sizeof *out);
	size_t b = 0;

	*n = 0;
	while (b < len) {
		size_t k = tekg_utf8_decode(s + b, len - b, &out[*n]);

		assert_true(k > 0);
		b += k;
		(*n)++;
	}
	return out;
}

/* Text of work chars [a,b) as a new string. */
static char *work_sub(const tekg_article *a, size_t s, size_t e)
{
	size_t b0 = tekg_utf8_offset(a->work, a->work_len, s);
	size_t b1 = tekg_utf8_offset(a->work, a->work_len, e);

	return tekg_strndup(a->work + b0, b1 - b0);
}

static char *orig_sub(const tekg_article *a, size_t s, size_t e)
{
	size_t b0 = tekg_utf8_offset(a->orig, a->orig_len, s);
	size_t b1 = tekg_utf8_offset(a->orig, a->orig_len, e);

	return tekg_strndup(a->orig + b0, b1 - b0);
}

static int is_cjk(uint32_t c)
{
	return c >= 0x4E00 && c <= 0x9FFF;
}

/* Invariants every article must satisfy. */
static void check_article(const tekg_article *a)
{
	size_t nw, no, i;
	uint32_t *w, *o;

	assert_non_null(a->orig);
	assert_non_null(a->work);
	assert_non_null(a->map);
	assert_true(tekg_utf8_valid(a->orig, a->orig_len, NULL));
	assert_true(tekg_utf8_valid(a->work, a->work_len, NULL));
	assert_int_equal(strlen(a->orig), a->orig_len);
	assert_int_equal(strlen(a->work), a->work_len);
	w = cps(a->work, a->work_len, &nw);
	o = cps(a->orig, a->orig_len, &no);
	assert_int_equal(nw, a->work_chars);
	assert_int_equal(no, a->orig_chars);
	assert_int_equal(a->map[a->work_chars], a->orig_chars);
	assert_true(a->src_end >= a->src_start);
	for (i = 0; i < nw; i++) {
		assert_true(a->map[i] < no);
		if (i)
			assert_true(a->map[i] >= a->map[i - 1]);
		/* ASCII and CJK stay what they were (up to script conversion) */
		if (o[a->map[i]] < 0x80 && o[a->map[i]] != '\r' && o[a->map[i]] != '&')
			assert_int_equal(w[i], o[a->map[i]]);
		if (is_cjk(w[i]))
			assert_true(is_cjk(o[a->map[i]]));
	}
	for (i = 0; i < a->n_sents; i++) {
		const tekg_sentence *s = &a->sents[i];

		assert_true(s->wstart < s->wend);
		assert_true(s->wend <= a->work_chars);
		assert_true(s->start < s->end);
		assert_true(s->end <= a->orig_chars);
		assert_int_equal(s->start, a->map[s->wstart]);
		assert_int_equal(s->end, a->map[s->wend - 1] + 1);
		if (i)
			assert_true(s->wstart >= a->sents[i - 1].wend);
		/* no sentence starts or ends with a space */
		assert_false(w[s->wstart] == ' ' || w[s->wstart] == '\n');
		assert_false(w[s->wend - 1] == ' ' || w[s->wend - 1] == '\n');
	}
	for (i = 0; i < a->n_credits; i++) {
		assert_true(a->credits[i].start < a->credits[i].end);
		assert_true(a->credits[i].end <= a->orig_chars);
		assert_non_null(a->credits[i].text);
		assert_non_null(a->credits[i].role);
	}
	if (a->dateline.text)
		assert_true(a->dateline.end <= a->orig_chars && a->dateline.start < a->dateline.end);
	free(w);
	free(o);
}

static void check_source(const tekg_source *s)
{
	size_t i;

	assert_non_null(s->encoding);
	assert_true(s->format != TEKG_FORMAT_AUTO);
	assert_true(s->script != TEKG_SCRIPT_AUTO);
	for (i = 0; i < s->n_arts; i++)
		check_article(&s->arts[i]);
}

static const char *meta(const tekg_meta *m, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(m[i].key, key) == 0)
			return m[i].value;
	return NULL;
}

static size_t count_str(const char *hay, const char *needle)
{
	size_t n = 0, l = strlen(needle);
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += l;
	}
	return n;
}

/* Does any sentence's work text contain s? */
static int in_sentences(const tekg_article *a, const char *s)
{
	size_t i;
	int hit = 0;

	for (i = 0; i < a->n_sents && !hit; i++) {
		char *t = work_sub(a, a->sents[i].wstart, a->sents[i].wend);

		hit = strstr(t, s) != NULL;
		tekg_free(t);
	}
	return hit;
}

/* ---- plain text: our mixed page ---------------------------------------- */

static void test_page_mixed(void **state)
{
	tekg_source *s = read_file(DATA "page-mixed.txt", NULL);
	tekg_article *a;
	char *t;

	(void)state;
	check_source(s);
	assert_string_equal(s->encoding, "UTF-8");
	assert_int_equal(s->format, TEKG_FORMAT_TEXT);
	assert_int_equal(s->script, TEKG_SCRIPT_T2S);
	assert_int_equal(s->n_arts, 3);
	/* page furniture belongs to the source */
	assert_string_equal(meta(s->meta, s->n_meta, "责编"), "吴小芸");
	assert_string_equal(meta(s->meta, s->n_meta, "版式设计"), "郑可");

	/* article 1: headline, subtitle, byline with a spaced name, header date */
	a = &s->arts[0];
	assert_string_equal(a->title, "深圳湾科技园启动“智造伙伴”计划");
	assert_string_equal(meta(a->meta, a->n_meta, "subtitle"), "首批三十家企业签约入驻");
	assert_string_equal(a->date, "2026-03-18");
	assert_int_equal(a->n_credits, 1);
	assert_string_equal(a->credits[0].outlet, "本报");
	assert_string_equal(a->credits[0].role, "记者");
	assert_int_equal(a->credits[0].n_names, 1);
	assert_string_equal(a->credits[0].names[0], "林晓");
	t = orig_sub(a, a->credits[0].start, a->credits[0].end);
	assert_string_equal(t, "本报记者 林 晓");
	tekg_free(t);
	assert_int_equal(a->n_sents, 4);
	/* residue stripped, repeated paragraph dropped, layout break re-joined */
	assert_non_null(strstr(a->orig, "![]()"));
	assert_null(strstr(a->work, "![]()"));
	assert_int_equal(count_str(a->orig, "周明远在仪式上"), 2);
	assert_int_equal(count_str(a->work, "周明远在仪式上"), 1);
	assert_non_null(strstr(a->orig, "有望\n\n缩短"));
	assert_non_null(strstr(a->work, "有望缩短三分之一。"));
	t = work_sub(a, a->sents[2].wstart, a->sents[2].wend);
	assert_string_equal(t, "园区运营方负责人陈嘉怡介绍,入驻企业可共享检测平台和中试车间,研发周期有望缩短三分之一。");
	tekg_free(t);
	t = work_sub(a, a->sents[3].wstart, a->sents[3].wend);
	assert_string_equal(t, "“我们希望把实验室里的成果更快送上生产线。”");
	tekg_free(t);
	assert_false(in_sentences(a, "本报记者"));
	assert_false(in_sentences(a, "首批三十家企业签约入驻"));

	/* article 2: opened by a dateline with a credit; caption with a photo credit */
	a = &s->arts[1];
	assert_string_equal(a->title, "海上风电装备展在深圳开幕");
	assert_string_equal(a->dateline.text, "新华社深圳3月19日电");
	assert_string_equal(a->dateline.agency, "新华社");
	assert_string_equal(a->dateline.place, "深圳");
	assert_int_equal(a->dateline.month, 3);
	assert_int_equal(a->dateline.day, 19);
	t = orig_sub(a, a->dateline.start, a->dateline.end);
	assert_string_equal(t, "新华社深圳3月19日电");
	tekg_free(t);
	assert_int_equal(a->n_credits, 2);
	assert_null(a->credits[0].outlet);
	assert_string_equal(a->credits[0].names[0], "赵子衡");
	assert_string_equal(a->credits[1].outlet, "新华社");
	assert_string_equal(a->credits[1].role, "摄影");
	assert_string_equal(a->credits[1].names[0], "孙一鸣");
	assert_string_equal(meta(a->meta, a->n_meta, "caption"), "签约现场。 新华社记者 孙一鸣 摄");
	/* 。！？； all end sentences; the dateline is not narrative */
	assert_int_equal(a->n_sents, 4);
	t = work_sub(a, a->sents[0].wstart, a->sents[0].wend);
	assert_string_equal(t, "第三届海上风电装备展19日在深圳会展中心开幕,来自12个国家的200余家企业参展。");
	tekg_free(t);
	t = orig_sub(a, a->sents[0].start, a->sents[0].end);
	assert_string_equal(t, "第三届海上风电装备展19日在深圳会展中心开幕，来自12个国家的200余家企业参展。");
	tekg_free(t);
	t = work_sub(a, a->sents[2].wstart, a->sents[2].wend);
	assert_string_equal(t, "参展企业还将发布多款新型风机产品;");
	tekg_free(t);

	/* article 3: a continuation; 来源 and the disclaimer go to metadata */
	a = &s->arts[2];
	assert_null(a->title);
	assert_string_equal(meta(a->meta, a->n_meta, "continuation"), "（上接第一版）");
	assert_string_equal(meta(a->meta, a->n_meta, "来源"), "深圳商报");
	assert_non_null(meta(a->meta, a->n_meta, "disclaimer"));
	assert_null(strstr(a->work, "特别声明"));
	assert_null(strstr(a->work, "来源"));
	assert_int_equal(a->n_sents, 2);
	tekg_source_free(s);
}

/* ---- traditional script, GB18030, Big5 --------------------------------- */

static void check_hk(tekg_source *s)
{
	tekg_article *a;
	char *t;

	check_source(s);
	assert_int_equal(s->script, TEKG_SCRIPT_HK2S);
	assert_int_equal(s->n_arts, 1);
	a = &s->arts[0];
	assert_string_equal(a->title, "灣區論壇在港舉行 聚焦綠色金融");
	assert_string_equal(a->dateline.text, "香港文匯報訊");
	assert_string_equal(a->dateline.agency, "香港文汇报");
	assert_string_equal(a->dateline.place, "香港");
	assert_int_equal(a->dateline.month, 0);
	assert_int_equal(a->n_credits, 2);
	assert_string_equal(a->credits[0].role, "记者");
	assert_int_equal(a->credits[0].n_names, 2);
	assert_string_equal(a->credits[0].names[0], "何家明");
	assert_string_equal(a->credits[0].names[1], "鄧雅文");
	assert_string_equal(a->credits[1].outlet, "香港文汇报");
	assert_string_equal(a->credits[1].role, "摄影");
	/* orig stays traditional, work is simplified */
	assert_non_null(strstr(a->orig, "論壇期間"));
	assert_non_null(strstr(a->work, "论坛期间"));
	assert_int_equal(a->n_sents, 5);
	t = work_sub(a, a->sents[0].wstart, a->sents[0].wend);
	assert_string_equal(t, "第五届湾区绿色金融论坛昨日在香港会议展览中心举行,逾八百名业界代表出席。");
	tekg_free(t);
	t = orig_sub(a, a->sents[0].start, a->sents[0].end);
	assert_string_equal(t, "第五屆灣區綠色金融論壇昨日在香港會議展覽中心舉行，逾八百名業界代表出席。");
	tekg_free(t);
	/* a closing quote after 。 ends the sentence */
	t = work_sub(a, a->sents[3].wstart, a->sents[3].wend);
	assert_string_equal(t, "「这是一个新的起点。」");
	tekg_free(t);
}

static void test_traditional_utf8(void **state)
{
	tekg_source *s = read_file(DATA "hk-forum-trad.txt", NULL);

	(void)state;
	assert_string_equal(s->encoding, "UTF-8");
	check_hk(s);
	tekg_source_free(s);
}

static void test_big5(void **state)
{
	tekg_source *s = read_file(DATA "big5.txt", NULL);
	tekg_source *u = read_file(DATA "hk-forum-trad.txt", NULL);

	(void)state;
	assert_string_equal(s->encoding, "BIG5");
	check_hk(s);
	assert_string_equal(s->text, u->text);
	tekg_source_free(s);
	tekg_source_free(u);
}

static void test_gb18030(void **state)
{
	tekg_source *s = read_file(DATA "gb18030.txt", NULL);
	tekg_article *a;

	(void)state;
	check_source(s);
	assert_string_equal(s->encoding, "GB18030");
	assert_int_equal(s->n_arts, 1);
	a = &s->arts[0];
	assert_string_equal(a->title, "广州南沙新区举办跨境电商博览会");
	assert_int_equal(a->n_sents, 2);
	assert_non_null(strstr(a->orig, "广州市商务局局长黄立新"));
	tekg_source_free(s);
}

/* Traditional script written in GB18030: most of its characters lie
 * outside GB2312 level 1, yet it converts cleanly and is accepted. */
static void test_gb18030_traditional(void **state)
{
	static char trad[] = "臺灣區域經濟論壇昨日於臺北舉辦，與會學者圍繞產業轉型與數位貿易展開討論。"
	                     "主辦單位表示，論壇將每年舉辦，邀請亞太各經濟體專家參與對話，並發佈年度報告。\n";
	char gb[512], *in = trad, *out = gb;
	size_t il = sizeof trad - 1, ol = sizeof gb;
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &il, &out, &ol) != (size_t)-1);
	iconv_close(cd);
	assert_int_equal(tekg_text_read(&s, "trad-gb.txt", gb, (size_t)(out - gb), NULL, &err), 0);
	assert_string_equal(s->encoding, "GB18030");
	assert_non_null(strstr(s->arts[0].orig, "臺灣區域經濟論壇"));
	assert_non_null(strstr(s->arts[0].work, "台湾区域经济论坛"));
	check_source(s);
	tekg_source_free(s);
}

/* The page's language tag chooses the Hong Kong or Taiwan profile when no
 * outlet or URL says so. */
static void test_html_lang_profile(void **state)
{
	static const char *const pages[] = {
		"<html lang=\"zh-HK\"><head><title>t</title></head><body><p>市民昨日在公園參加活動，氣氛熱烈。</p></body></html>",
		"<html><head><meta property=\"og:locale\" content=\"zh_TW\"></head><body><p>市民昨日在公園參加活動，氣氛熱烈。</p></body></html>",
		"<html><head><meta http-equiv=\"Content-Language\" content=\"zh-Hant-HK\"></head><body><p>市民昨日在公園參加活動。</p></body></html>",
		"<html lang=\"zh-CN\"><body><p>市民昨日在公园参加活动，气氛热烈。</p></body></html>",
	};
	static const tekg_script_profile want[] = {TEKG_SCRIPT_HK2S, TEKG_SCRIPT_TW2S,
	                                           TEKG_SCRIPT_HK2S, TEKG_SCRIPT_T2S};
	tekg_text_opts o = {0};
	size_t k;
	char *w;

	(void)state;
	o.format = TEKG_FORMAT_HTML;
	for (k = 0; k < sizeof pages / sizeof pages[0]; k++) {
		tekg_source *s = read_mem(pages[k], &o);
		assert_int_equal(s->script, want[k]);
		assert_int_equal(s->n_arts, 1);
		assert_non_null(strstr(s->arts[0].work, "公园"));
		tekg_source_free(s);
	}
	/* JSON Lines: a lang field; the working copy differs between profiles
	 * for the Hong Kong form 衞 (hk2s: 卫, t2s keeps it) */
	o.format = TEKG_FORMAT_JSONL;
	{
		tekg_source *s = read_mem("{\"lang\": \"zh-HK\", \"text\": \"衞生署發言人表示。\"}\n"
		                          "{\"text\": \"衞生署發言人昨日表示。\"}\n", &o);
		assert_int_equal(s->n_arts, 2);
		w = s->arts[0].work;
		assert_non_null(strstr(w, "卫生署"));
		assert_null(strstr(s->arts[1].work, "卫生署"));
		tekg_source_free(s);
	}
}

/* JSONL dates as feeds write them: ISO, YYYYMMDD, RFC 2822, Unix seconds
 * and milliseconds (read at UTC+8), and one that is kept as metadata only. */
static void test_jsonl_date_forms(void **state)
{
	static const char *const dates[] = {
		"\"2025-03-06T09:30:00+08:00\"", "\"20250306\"", "\"Thu, 06 Mar 2025 10:00:00 +0800\"",
		"\"6 Mar 2025\"", "1741276800", "1741276800000", "\"1741276800\"", "\"上周四\"",
	};
	/* 1741276800 is 2025-03-06T16:00:00Z, 2025-03-07 00:00 in UTC+8 */
	static const char *const want[] = {"2025-03-06", "2025-03-06", "2025-03-06", "2025-03-06",
	                                   "2025-03-07", "2025-03-07", "2025-03-07", NULL};
	tekg_text_opts o = {0};
	char line[256];
	size_t k;

	(void)state;
	o.format = TEKG_FORMAT_JSONL;
	for (k = 0; k < sizeof dates / sizeof dates[0]; k++) {
		tekg_source *s;
		snprintf(line, sizeof line, "{\"date\": %s, \"text\": \"市政府召开会议，部署春季工作。\"}\n",
		         dates[k]);
		s = read_mem(line, &o);
		assert_int_equal(s->n_arts, 1);
		if (want[k])
			assert_string_equal(s->arts[0].date, want[k]);
		else
			assert_null(s->arts[0].date);
		tekg_source_free(s);
	}
}

/* A continuation marker written inside a body line, at its end (下转) or
 * its start (上接), is split off: metadata of the article, not text. */
static void test_inline_continuation(void **state)
{
	tekg_source *s;

	(void)state;
	s = read_mem("本报讯 昨日，市政府召开常务会议，研究部署春季植树工作，要求各区抓紧落实。"
	             "（下转第二版）\n", NULL);
	assert_int_equal(s->n_arts, 1);
	assert_null(strstr(s->arts[0].work, "下转"));
	assert_non_null(meta(s->arts[0].meta, s->arts[0].n_meta, "continuation"));
	check_source(s);
	tekg_source_free(s);
	s = read_mem("(上接第一版) 会议还要求，各区要把植树任务分解到街道，按期完成。\n", NULL);
	assert_int_equal(s->n_arts, 1);
	assert_null(strstr(s->arts[0].work, "上接"));
	assert_non_null(strstr(s->arts[0].work, "会议还要求"));
	assert_non_null(meta(s->arts[0].meta, s->arts[0].n_meta, "continuation"));
	check_source(s);
	tekg_source_free(s);
}

static void test_script_profile_option(void **state)
{
	tekg_text_opts o = {0};
	tekg_source *s;

	(void)state;
	o.script = TEKG_SCRIPT_NONE;
	s = read_file(DATA "hk-forum-trad.txt", &o);
	assert_int_equal(s->script, TEKG_SCRIPT_NONE);
	assert_non_null(strstr(s->arts[0].work, "論壇期間"));
	check_source(s);
	tekg_source_free(s);
	o.script = TEKG_SCRIPT_TW2S;
	s = read_file(DATA "hk-forum-trad.txt", &o);
	assert_int_equal(s->script, TEKG_SCRIPT_TW2S);
	assert_non_null(strstr(s->arts[0].work, "论坛期间"));
	tekg_source_free(s);
}

/* ---- normalisation and the map ---------------------------------------- */

static void test_nfkc_map(void **state)
{
	/* full-width letters/digits, ideographic space, an ellipsis, 臺灣 */
	const char *in = "ＡＰＥＣ会议于２０２６年在臺灣举行…　各方出席。";
	tekg_source *s = read_mem(in, NULL);
	tekg_article *a;
	size_t i;

	(void)state;
	check_source(s);
	a = &s->arts[0];
	assert_string_equal(a->orig, in);
	assert_string_equal(a->work, "APEC会议于2026年在台湾举行... 各方出席。");
	/* the three dots all come from the one ellipsis (orig char 17) */
	assert_int_equal(a->map[16], 16);
	assert_int_equal(a->map[17], 17);
	assert_int_equal(a->map[18], 17);
	assert_int_equal(a->map[19], 17);
	assert_int_equal(a->map[20], 18);
	for (i = 0; i < 4; i++)
		assert_int_equal(a->map[i], i);
	tekg_source_free(s);
}

static void test_simplify(void **state)
{
	char *t;

	(void)state;
	t = tekg_text_simplify("這裏發佈臺灣ＡＢＣ１２３", strlen("這裏發佈臺灣ＡＢＣ１２３"), TEKG_SCRIPT_T2S);
	assert_string_equal(t, "这里发布台湾ABC123");
	free(t);
	t = tekg_text_simplify("這裏ＡＢＣ", strlen("這裏ＡＢＣ"), TEKG_SCRIPT_NONE);
	assert_string_equal(t, "這裏ABC");
	free(t);
	t = tekg_text_simplify("简体不变", strlen("简体不变"), TEKG_SCRIPT_T2S);
	assert_string_equal(t, "简体不变");
	free(t);
	assert_null(tekg_text_simplify("\xff", 1, TEKG_SCRIPT_T2S));
}

static void test_sentences(void **state)
{
	const char *in = "他问：“你来吗？”她说：“来！”然后走了；天黑了。没有句号的尾巴\n\n新段落。";
	tekg_source *s = read_mem(in, NULL);
	tekg_article *a = &s->arts[0];
	const char *want[] = {"他问:“你来吗?”", "她说:“来!”", "然后走了;", "天黑了。",
	                      "没有句号的尾巴", "新段落。"};
	size_t i;

	(void)state;
	check_source(s);
	assert_int_equal(a->n_sents, 6);
	for (i = 0; i < 6; i++) {
		char *t = work_sub(a, a->sents[i].wstart, a->sents[i].wend);

		assert_string_equal(t, want[i]);
		tekg_free(t);
	}
	tekg_source_free(s);
}

/* ---- credits ----------------------------------------------------------- */

static void test_credit_forms(void **state)
{
	tekg_source *s;
	tekg_article *a;

	(void)state;
	/* a run of one-char tokens is one name; three chars too */
	s = read_mem("标题一行\n\n记者 王 晓 东\n\n正文第一句话说得很清楚。\n", NULL);
	a = &s->arts[0];
	assert_int_equal(a->n_credits, 1);
	assert_int_equal(a->credits[0].n_names, 1);
	assert_string_equal(a->credits[0].names[0], "王晓东");
	assert_null(a->credits[0].outlet);
	tekg_source_free(s);
	/* a closing credit with two roles */
	s = read_mem("正文第一句话说得很清楚。\n（记者 李明 通讯员 陈东）\n", NULL);
	a = &s->arts[0];
	check_source(s);
	assert_int_equal(a->n_credits, 2);
	assert_string_equal(a->credits[0].role, "记者");
	assert_string_equal(a->credits[0].names[0], "李明");
	assert_string_equal(a->credits[1].role, "通讯员");
	assert_string_equal(a->credits[1].names[0], "陈东");
	assert_int_equal(a->n_sents, 1);
	tekg_source_free(s);
	/* a compound surname keeps four chars together; two names are split */
	s = read_mem("正文第一句话说得很清楚。\n（记者 欧阳明远 通讯员 张三李四）\n", NULL);
	a = &s->arts[0];
	assert_int_equal(a->n_credits, 2);
	assert_int_equal(a->credits[0].n_names, 1);
	assert_string_equal(a->credits[0].names[0], "欧阳明远");
	assert_int_equal(a->credits[1].n_names, 2);
	assert_string_equal(a->credits[1].names[1], "李四");
	tekg_source_free(s);
	/* narrative with 记者 is not a credit */
	s = read_mem("记者从市卫生健康委获悉，今年新增社康机构三十家。\n", NULL);
	a = &s->arts[0];
	assert_int_equal(a->n_credits, 0);
	assert_int_equal(a->n_sents, 1);
	tekg_source_free(s);
	/* a credit at the end of a body paragraph */
	s = read_mem("两地签署合作备忘录。（记者 冯子健）\n", NULL);
	a = &s->arts[0];
	check_source(s);
	assert_int_equal(a->n_credits, 1);
	assert_string_equal(a->credits[0].names[0], "冯子健");
	assert_int_equal(a->n_sents, 1);
	assert_false(in_sentences(a, "冯子健"));
	tekg_source_free(s);
}

/* ---- bad input --------------------------------------------------------- */

static void test_invalid_utf8(void **state)
{
	const char good[] = "深圳湾科技园今日开园。";
	char buf[64];
	tekg_source *s = (tekg_source *)1;
	tekg_error err = {0};
	size_t n = strlen(good);

	(void)state;
	memcpy(buf, good, n);
	buf[9] = (char)0xFF; /* inside the fourth char */
	assert_int_equal(tekg_text_read(&s, "bad.txt", buf, n, NULL, &err), TEKG_EENCODING);
	assert_null(s);
	assert_int_equal(err.code, TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "bad.txt"));
	assert_non_null(strstr(err.msg, "byte offset 9"));
	/* Latin-1 is not supported either */
	assert_int_equal(tekg_text_read(&s, "latin1.txt", "caf\xe9 au lait", 12, NULL, &err), TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "latin1.txt"));
	assert_non_null(strstr(err.msg, "byte offset 3"));
}

static void test_binary(void **state)
{
	const char bin[] = {'\x7f', 'E', 'L', 'F', '\x02', '\x01', '\0', '\0', 'x'};
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_text_read(&s, "a.out", bin, sizeof bin, NULL, &err), TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "a.out"));
	assert_non_null(strstr(err.msg, "binary"));
	assert_int_equal(tekg_text_read(&s, "u16.txt", "\xff\xfe\x41\x00", 4, NULL, &err), TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "UTF-16"));
}

static void test_empty_and_bom(void **state)
{
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_text_read(&s, "empty.txt", "", 0, NULL, &err), 0);
	assert_int_equal(s->n_arts, 0);
	tekg_source_free(s);
	assert_int_equal(tekg_text_read(&s, "blank.txt", " \n\n\t\n", 5, NULL, &err), 0);
	assert_int_equal(s->n_arts, 0);
	tekg_source_free(s);
	assert_int_equal(tekg_text_read(&s, "bom.txt", "\xEF\xBB\xBF新闻正文。", 18, NULL, &err), 0);
	assert_string_equal(s->encoding, "UTF-8");
	assert_string_equal(s->text, "新闻正文。");
	assert_int_equal(s->n_arts, 1);
	assert_int_equal(s->arts[0].n_sents, 1);
	tekg_source_free(s);
	tekg_source_free(NULL);
}

static void test_limit(void **state)
{
	tekg_text_opts o = {0};
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	o.max_bytes = 10;
	assert_int_equal(tekg_text_read(&s, "big.txt", "深圳湾科技园今日开园。", 33, &o, &err), TEKG_ELIMIT);
	assert_null(s);
	assert_non_null(strstr(err.msg, "big.txt"));
}

/* A 50 MB single line: linear time, memory a small multiple of the input. */
static void test_huge_line(void **state)
{
	const char *unit = "深圳经济特区建立四十五周年，改革开放再出发；";
	size_t ul = strlen(unit), n = (50u << 20) / ul, i, len = n * ul;
	char *buf = malloc(len + 1);
	tekg_source *s = NULL;
	tekg_error err = {0};
	struct timespec t0, t1;
	struct rusage ru;
	double secs;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < n; i++)
		memcpy(buf + i * ul, unit, ul);
	buf[len] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(tekg_text_read(&s, "huge.txt", buf, len, NULL, &err), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "50 MB line: %.2f s, peak RSS %ld MB\n", secs, ru.ru_maxrss / 1024);
	assert_int_equal(s->n_arts, 1);
	assert_int_equal(s->arts[0].n_sents, n);
	assert_int_equal(s->arts[0].orig_chars, n * 22);
	assert_int_equal(s->arts[0].map[s->arts[0].work_chars], s->arts[0].orig_chars);
	/* generous bounds: the machine is shared; quadratic work would take hours */
	assert_true(secs < 120.0);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
	assert_true((size_t)ru.ru_maxrss * 1024 < 10 * len);
#endif
	tekg_source_free(s);
	free(buf);
}


/* Many short lines: every per-line step must stay linear. */
static void test_many_lines(void **state)
{
	size_t n = 200000, i, len = 0;
	char *buf = malloc(n * 64 + 1);
	tekg_source *s = NULL;
	tekg_error err = {0};
	struct timespec t0, t1;
	double secs;

	(void)state;
	assert_non_null(buf);
	/* one article with 100000 captions and 100000 sentences */
	len += (size_t)sprintf(buf + len, "展会图片说明汇总\n");
	for (i = 0; i < n / 2; i++) {
		len += (size_t)sprintf(buf + len, "图为第%zu号展台。\n", i);
		len += (size_t)sprintf(buf + len, "第%zu句正文，内容各不相同。\n", i);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(tekg_text_read(&s, "many.txt", buf, len, NULL, &err), 0);
	assert_int_equal(s->n_arts, 1);
	assert_int_equal(s->arts[0].n_sents, n / 2);
	assert_int_equal(s->arts[0].n_meta, n / 2);
	tekg_source_free(s);
	/* JSON Lines: every other line malformed */
	len = 0;
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(buf + len, i % 2 ? "{\"text\": \"第%zu条。\"}\n" : "{bad %zu\n", i);
	assert_int_equal(tekg_text_read(&s, "many.jsonl", buf, len, NULL, &err), 0);
	assert_int_equal(s->n_arts, n / 2);
	assert_int_equal(s->n_diags, n / 2);
	assert_int_equal(s->diags[n / 2 - 1].line, n - 1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	fprintf(stderr, "200000 lines twice: %.2f s\n", secs);
	assert_true(secs < 120.0);
	tekg_source_free(s);
	free(buf);
}


/* Several threads reading at once (OpenCC handles and tables are shared). */
static void *reader_thread(void *arg)
{
	static const char *files[] = {DATA "hk-forum-trad.txt", DATA "page-mixed.txt",
	                              DATA "big5.txt", DATA "page.html"};
	size_t k = (size_t)(uintptr_t)arg, i;
	intptr_t bad = 0;

	for (i = 0; i < 20; i++) {
		const char *f = files[(k + i) % 4];
		size_t len = 0;
		char *buf = slurp(f, &len);
		tekg_source *s = NULL;
		tekg_error err = {0};

		if (!buf || tekg_text_read(&s, f, buf, len, NULL, &err) != 0 || s->n_arts == 0 ||
		    strstr(s->arts[0].work, "論") != NULL)
			bad++;
		tekg_source_free(s);
		free(buf);
	}
	return (void *)bad;
}

static void test_threads(void **state)
{
	pthread_t t[4];
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, reader_thread, (void *)(uintptr_t)i), 0);
	for (i = 0; i < 4; i++) {
		void *r;

		assert_int_equal(pthread_join(t[i], &r), 0);
		assert_int_equal((intptr_t)r, 0);
	}
}

/* ---- JSON Lines -------------------------------------------------------- */

static void test_jsonl(void **state)
{
	tekg_source *s = read_file(DATA "news.jsonl", NULL);
	tekg_article *a;

	(void)state;
	check_source(s);
	assert_int_equal(s->format, TEKG_FORMAT_JSONL);
	assert_int_equal(s->n_arts, 2);
	assert_int_equal(s->n_diags, 1);
	assert_int_equal(s->diags[0].code, TEKG_EPARSE);
	assert_int_equal(s->diags[0].line, 2);
	assert_true(s->diags[0].byte_offset > 0);
	/* the line is in .line: the message does not repeat file and line */
	assert_int_equal(strncmp(s->diags[0].msg, "malformed JSON: ", 16), 0);
	assert_null(strstr(s->diags[0].msg, "news.jsonl"));
	a = &s->arts[0];
	assert_string_equal(a->title, "前海举办青年创业大赛");
	assert_string_equal(a->date, "2026-06-01");
	assert_string_equal(a->url, "https://news.example.cn/2026/0601/a1.html");
	assert_string_equal(meta(a->meta, a->n_meta, "id"), "n1");
	assert_string_equal(meta(a->meta, a->n_meta, "author"), "编辑部");
	assert_string_equal(meta(a->meta, a->n_meta, "tags"), "[\"创业\",\"前海\"]");
	assert_int_equal(a->n_sents, 2);
	assert_int_equal(a->src_start, 0);
	/* the third line: a .hk URL picks hk2s; a closing credit */
	a = &s->arts[1];
	assert_string_equal(a->date, "2026-06-03");
	assert_string_equal(meta(a->meta, a->n_meta, "id"), "3");
	assert_string_equal(a->work, "港深两地今日签署合作备忘录。\n(记者 冯子健)");
	assert_int_equal(a->n_sents, 1);
	assert_int_equal(a->n_credits, 1);
	assert_string_equal(a->credits[0].names[0], "馮子健");
	tekg_source_free(s);
}

static void test_jsonl_field_map(void **state)
{
	tekg_text_opts o = {0};
	tekg_source *s = NULL;
	tekg_error err = {0};
	size_t len = 0;
	char *buf = slurp(DATA "mapped.jsonl", &len);

	(void)state;
	/* without the map there is no "text": nothing usable */
	assert_int_equal(tekg_text_read(&s, "mapped.jsonl", buf, len, &o, &err), TEKG_EPARSE);
	assert_non_null(strstr(err.msg, "mapped.jsonl"));
	o.field_map = "text=content,date=published_at,title=headline";
	assert_int_equal(tekg_text_read(&s, "mapped.jsonl", buf, len, &o, &err), 0);
	assert_int_equal(s->n_arts, 1);
	assert_string_equal(s->arts[0].title, "地铁新线通车");
	assert_string_equal(s->arts[0].date, "2026-07-09");
	assert_int_equal(s->arts[0].n_meta, 0);
	tekg_source_free(s);
	o.field_map = "body";
	assert_int_equal(tekg_text_read(&s, "mapped.jsonl", buf, len, &o, &err), TEKG_EINVAL);
	free(buf);
}

static void test_jsonl_all_bad(void **state)
{
	const char *in = "{\"text\": 1}\nnot json\n[1,2]\n";
	tekg_text_opts o = {0};
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	o.format = TEKG_FORMAT_JSONL;
	assert_int_equal(tekg_text_read(&s, "bad.jsonl", in, strlen(in), &o, &err), TEKG_EPARSE);
	assert_null(s);
}

/* ---- HTML -------------------------------------------------------------- */

static void test_html(void **state)
{
	static const char *gone[] = {"郑秋水", "王大锤", "李小龙", "赵铁柱", "张三丰", "段落计数器",
	                             "脚本文字", "首页", "热门推荐", "分享到", "版权所有", "display", NULL};
	tekg_source *s = read_file(DATA "page.html", NULL);
	tekg_article *a;
	size_t i, k;

	(void)state;
	check_source(s);
	assert_int_equal(s->format, TEKG_FORMAT_HTML);
	assert_int_equal(s->n_arts, 1);
	a = &s->arts[0];
	assert_string_equal(a->title, "南山科技节开幕");
	assert_string_equal(a->date, "2026-09-12");
	assert_string_equal(a->url, "https://news.example.cn/tech/20260912.html");
	assert_non_null(strstr(a->orig, "刘雨桐"));
	assert_non_null(strstr(a->orig, "郭晓东"));
	for (i = 0; gone[i]; i++) {
		assert_null(strstr(a->orig, gone[i]));
		assert_null(strstr(a->work, gone[i]));
		for (k = 0; k < a->n_meta; k++)
			assert_null(strstr(a->meta[k].value, gone[i]));
	}
	assert_int_equal(a->n_sents, 4);
	tekg_source_free(s);
}

/* ---- MinHash ----------------------------------------------------------- */

static void test_minhash(void **state)
{
	const char *a = "珠海横琴合作区挂牌满五年之际，两地协同再提速。五年来，合作区聚焦产业，"
	                "推动科技研发再突破、跨境通关再便利、居民就业再扩大，在琴澳一体化进程中"
	                "迈出坚实步伐。今年前三季度，合作区地区生产总值同比增长6.2%。";
	const char *b = "珠海横琴合作区挂牌满五年之际 两地协同再提速!五年来 合作区聚焦产业 "
	                "推动科技研发再突破 跨境通关再便利 居民就业再扩大 在琴澳一体化进程中"
	                "迈出坚实步伐 今年前三季度 合作区地区生产总值同比增长6.2%";
	const char *c = "广州南沙新区举办跨境电商博览会，吸引了来自东南亚的采购商参会，"
	                "市商务局表示将打造综合服务平台。";
	char d[1024];
	uint32_t sa[TEKG_MINHASH_K], sb[TEKG_MINHASH_K], sc[TEKG_MINHASH_K], sd[TEKG_MINHASH_K];
	uint32_t se[TEKG_MINHASH_K], sf[TEKG_MINHASH_K];

	(void)state;
	tekg_text_minhash(a, strlen(a), sa);
	tekg_text_minhash(b, strlen(b), sb);
	tekg_text_minhash(c, strlen(c), sc);
	/* punctuation and spaces do not count */
	assert_true(tekg_text_minhash_sim(sa, sb) == 1.0);
	assert_true(tekg_text_minhash_sim(sa, sc) < 0.2);
	/* one char changed near the end: still a near-duplicate */
	snprintf(d, sizeof d, "%s", a);
	memcpy(strstr(d, "6.2%"), "6.3%", 4);
	tekg_text_minhash(d, strlen(d), sd);
	assert_true(tekg_text_minhash_sim(sa, sd) >= 0.9);
	assert_true(tekg_text_minhash_sim(sa, sd) < 1.0);
	tekg_text_minhash("", 0, se);
	tekg_text_minhash("短", strlen("短"), sf);
	assert_int_equal(se[0], 0xFFFFFFFFu);
	assert_true(sf[0] != 0xFFFFFFFFu);
}

/* ---- misc -------------------------------------------------------------- */

static void test_lib_versions(void **state)
{
	const char *v = tekg_text_lib_versions();

	(void)state;
	assert_non_null(strstr(v, "libxml2 "));
	assert_non_null(strstr(v, "OpenCC"));
	assert_non_null(strstr(v, "jansson "));
	assert_non_null(strstr(v, "utf8proc "));
}

static void test_format_sniffing(void **state)
{
	tekg_source *s = NULL;
	tekg_error err = {0};
	const char *j = "{\"text\": \"第一句。\"}\n";
	const char *h = "<html><body><p>第一句。</p></body></html>";

	(void)state;
	assert_int_equal(tekg_text_read(&s, "stdin", j, strlen(j), NULL, &err), 0);
	assert_int_equal(s->format, TEKG_FORMAT_JSONL);
	tekg_source_free(s);
	assert_int_equal(tekg_text_read(&s, "stdin", h, strlen(h), NULL, &err), 0);
	assert_int_equal(s->format, TEKG_FORMAT_HTML);
	assert_int_equal(s->n_arts, 1);
	assert_string_equal(s->arts[0].orig, "第一句。");
	tekg_source_free(s);
}

/* Every allocation failure is reported as TEKG_ENOMEM and nothing crashes. */
static void test_alloc_failures(void **state)
{
	size_t len = 0;
	char *buf = slurp(DATA "page-mixed.txt", &len);
	long n, total;
	tekg_source *s = NULL;
	tekg_error err = {0};

	(void)state;
	tekg_alloc_fail_after(-1);
	assert_int_equal(tekg_text_read(&s, "p.txt", buf, len, NULL, &err), 0);
	tekg_source_free(s);
	tekg_alloc_fail_after(-1);
	assert_int_equal(tekg_text_read(&s, "p.txt", buf, len, NULL, &err), 0);
	total = tekg_alloc_fail_after(-1);
	tekg_source_free(s);
	for (n = 0; n < total; n += (total > 400 ? 3 : 1)) {
		int rc;

		s = NULL;
		tekg_alloc_fail_after(n);
		rc = tekg_text_read(&s, "p.txt", buf, len, NULL, &err);
		tekg_alloc_fail_after(-1);
		if (rc == 0) {
			tekg_source_free(s);
			continue;
		}
		assert_int_equal(rc, TEKG_ENOMEM);
		assert_null(s);
	}
	free(buf);
}


/* ---- random inputs from tricky pieces: invariants hold, nothing crashes -- */

static void test_random_pieces(void **state)
{
	static const char *pieces[] = {
		"（", "）", "(", ")", "记者", "記者", "本报", "新华社", "深圳", "8月", "25日", "电", "讯",
		"摄", "供图", "通讯员", "上接第一版", "下转第二版", "来源：", "责编：", "版式设计：", "图为",
		"▲", "●", "【", "】", "“", "”", "「", "」", "。", "，", "、", "；", "！", "？", "：", "…",
		"\n", "\n\n", " ", "　", "![](", "](x)", "<p>", "</p>", "&nbsp;", "&amp;", "12月11日，",
		"近日，", "周", "岚", "许懿", "欧阳", "２０２６", "ＡＢＣ", "臺灣", "特别声明", "Notice:",
		"2025-05-19 12:04:35", "——", "報道", "香港文匯報", "發", "a", "1", "\t", "\r\n", "ǅ", "é",
		"\xF0\x9F\x98\x80", "\xE2\x80\x8B"};
	size_t np = sizeof pieces / sizeof pieces[0];
	uint64_t rng = 0x1234567ULL;
	char buf[4096];
	int iter;

	(void)state;
	for (iter = 0; iter < 3000; iter++) {
		size_t len = 0, n;
		tekg_source *s = NULL;
		tekg_error err = {0};
		int rc;

		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (size_t)(rng >> 33) % 120;
		while (n--) {
			const char *p;
			size_t pl;

			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			p = pieces[(rng >> 33) % np];
			pl = strlen(p);
			if (len + pl >= sizeof buf)
				break;
			memcpy(buf + len, p, pl);
			len += pl;
		}
		buf[len] = '\0';
		rc = tekg_text_read(&s, "rand.txt", buf, len, NULL, &err);
		assert_int_equal(rc, 0);
		check_source(s);
		tekg_source_free(s);
	}
}


/* Random HTML and JSONL built from tricky pieces: no crash, invariants hold. */
static void test_random_structured(void **state)
{
	static const char *html[] = {
		"<p>", "</p>", "<div class=\"sidebar\">", "<div>", "</div>", "<br>", "<article>",
		"</article>", "<script>", "</script>", "<!--", "-->", "<h1>", "</h1>", "<title>",
		"</title>", "<meta property=\"og:title\" content=\"标题\">", "<nav>", "</nav>",
		"深圳", "记者 周 岚", "。", "，", "&nbsp;", "&", "<", ">", "\"", "新华社北京8月25日电", "\n",
		"<aside>", "<td>", "<table>", "<li>", "<![CDATA[x]]>", "<?xml?>", "<html>", "<body>"};
	static const char *json[] = {
		"{", "}", "\"text\"", "\"title\"", "\"date\"", ":", ",", "\"正文。\"", "\"2026-01-02\"",
		"1", "null", "[", "]", "\\n", "\"", "\\u00e9", "\n", "true", "\"url\"", "\"x.hk\""};
	uint64_t rng = 0xabcdefULL;
	char buf[4096];
	int iter, kind;

	(void)state;
	for (kind = 0; kind < 2; kind++)
		for (iter = 0; iter < 1500; iter++) {
			const char **pc = kind ? json : html;
			size_t np = kind ? sizeof json / sizeof json[0] : sizeof html / sizeof html[0];
			size_t len = 0, n;
			tekg_source *s = NULL;
			tekg_error err = {0};
			tekg_text_opts o = {0};
			int rc;

			if (kind && iter % 3 == 0) /* often a well-formed line first */
				len = (size_t)sprintf(buf, "{\"text\": \"第一句。\"}\n");
			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			n = (size_t)(rng >> 33) % 100;
			while (n--) {
				size_t pl;

				rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
				pl = strlen(pc[(rng >> 33) % np]);
				if (len + pl >= sizeof buf)
					break;
				memcpy(buf + len, pc[(rng >> 33) % np], pl);
				len += pl;
			}
			o.format = kind ? TEKG_FORMAT_JSONL : TEKG_FORMAT_HTML;
			rc = tekg_text_read(&s, kind ? "r.jsonl" : "r.html", buf, len, &o, &err);
			if (rc == 0) {
				check_source(s);
				tekg_source_free(s);
			} else {
				assert_true(rc == TEKG_EPARSE);
				assert_null(s);
			}
		}
}

/* ---- the seed corpus --------------------------------------------------- */

static void test_seed_corpus(void **state)
{
	static const struct {
		const char *name;
		size_t arts;
	} seeds[] = {
		{"000_04809c00e92d7046.txt", 4}, {"001_564e235c852a85cf.txt", 2},
		{"002_19e48e543d25edcd.txt", 4}, {"003_45a6f49ae89e1481.txt", 5},
		{"004_c733bba341b2a307.txt", 4},
	};
	tekg_source *s[5];
	char path[8192];
	size_t i, k;

	(void)state;
	SKIP_WITHOUT_SHARED();
	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "%s/corpus/%s", shared_dir(), seeds[i].name);
		s[i] = read_file(path, NULL);
		check_source(s[i]);
		assert_int_equal(s[i]->n_arts, seeds[i].arts);
		for (k = 0; k < s[i]->n_arts; k++) {
			assert_true(s[i]->arts[k].n_sents > 0);
			assert_null(strstr(s[i]->arts[k].work, "![]("));
			if (k)
				assert_true(s[i]->arts[k].src_start >= s[i]->arts[k - 1].src_end);
		}
	}
	/* 000: the line broken after 我 is one sentence again */
	assert_non_null(strstr(s[0]->arts[0].orig, "我\n\n们面临"));
	assert_non_null(strstr(s[0]->arts[0].work, "我们面临"));
	/* 001: the residue is in the original only; the closing credit */
	assert_non_null(strstr(s[1]->arts[0].orig, "![]()"));
	assert_int_equal(s[1]->arts[0].n_credits, 1);
	assert_string_equal(s[1]->arts[0].credits[0].outlet, "南方+");
	assert_int_equal(s[1]->arts[0].credits[0].n_names, 2);
	assert_non_null(meta(s[1]->arts[1].meta, s[1]->arts[1].n_meta, "disclaimer"));
	assert_non_null(meta(s[1]->arts[1].meta, s[1]->arts[1].n_meta, "来源"));
	assert_int_equal(s[1]->script, TEKG_SCRIPT_T2S);
	/* 002: Hong Kong paper, repeated paragraphs dropped from the work copy */
	assert_int_equal(s[2]->script, TEKG_SCRIPT_HK2S);
	assert_int_equal(count_str(s[2]->arts[0].orig, "推動今年領導人會議發表"), 2);
	assert_int_equal(count_str(s[2]->arts[0].work, "推动今年领导人会议发表"), 1);
	assert_string_equal(s[2]->arts[1].credits[0].role, "记者");
	assert_int_equal(s[2]->arts[1].credits[0].n_names, 2);
	assert_string_equal(s[2]->arts[3].dateline.agency, "香港文汇报");
	/* 003: closing dateline, opening dateline, continuations, furniture */
	assert_string_equal(s[3]->arts[0].dateline.agency, "新华社");
	assert_string_equal(s[3]->arts[0].dateline.place, "深圳");
	assert_int_equal(s[3]->arts[0].dateline.month, 8);
	assert_int_equal(s[3]->arts[0].dateline.day, 25);
	assert_string_equal(s[3]->arts[1].dateline.place, "北京");
	assert_string_equal(s[3]->arts[1].credits[0].names[0], "白瀛");
	assert_null(s[3]->arts[3].title);
	assert_non_null(meta(s[3]->arts[3].meta, s[3]->arts[3].n_meta, "continuation"));
	assert_int_equal(count_str(s[3]->arts[4].orig, "数字赋能，城市生活更美好——"), 2);
	assert_int_equal(count_str(s[3]->arts[4].work, "数字赋能,城市生活更美好——"), 1);
	assert_non_null(meta(s[3]->meta, s[3]->n_meta, "版式设计"));
	for (k = 0; k < s[3]->n_arts; k++)
		assert_null(strstr(s[3]->arts[k].work, "责编"));
	/* 004: the spaced byline is one person */
	assert_string_equal(s[4]->arts[0].credits[0].outlet, "本报");
	assert_int_equal(s[4]->arts[0].credits[0].n_names, 1);
	/* two characters written with a space between them, joined */
	assert_int_equal(strlen(s[4]->arts[0].credits[0].names[0]), 6);
	assert_null(strchr(s[4]->arts[0].credits[0].names[0], ' '));
	assert_false(in_sentences(&s[4]->arts[0], "本报记者"));
	assert_string_equal(s[4]->arts[2].dateline.agency, "本报");
	assert_int_equal(s[4]->arts[2].credits[0].n_names, 2);
	for (i = 0; i < 5; i++)
		tekg_source_free(s[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_mixed),
		cmocka_unit_test(test_traditional_utf8),
		cmocka_unit_test(test_big5),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_gb18030_traditional),
		cmocka_unit_test(test_script_profile_option),
		cmocka_unit_test(test_nfkc_map),
		cmocka_unit_test(test_simplify),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_credit_forms),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_empty_and_bom),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_jsonl_field_map),
		cmocka_unit_test(test_jsonl_all_bad),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_lang_profile),
		cmocka_unit_test(test_jsonl_date_forms),
		cmocka_unit_test(test_inline_continuation),
		cmocka_unit_test(test_minhash),
		cmocka_unit_test(test_lib_versions),
		cmocka_unit_test(test_format_sniffing),
		cmocka_unit_test(test_alloc_failures),
		cmocka_unit_test(test_random_pieces),
		cmocka_unit_test(test_random_structured),
		cmocka_unit_test(test_seed_corpus),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
