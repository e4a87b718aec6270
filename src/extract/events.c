/*
 * events.c - events (meetings, summits, forums, exhibitions, competitions,
 * ceremonies, signings, ...) with their dates, places, participants,
 * organisers and the larger events they belong to.
 *
 * Works on the simplified working text of one article, one sentence at a
 * time, with the tagger's tokens for word boundaries and the persons,
 * organizations and places that extract_entities() already put in `out`.
 * docs/events.md describes the rules; in short:
 *
 *   1. A mention is an event head from the lexicon below (研讨会, 高官会,
 *      大赛, 开幕式, ...) found character by character (the tagger often
 *      splits 高官会 as 高官/会), with its name: a quoted title that ends
 *      with the head, or the nouns, names, ordinals and a directly attached
 *      year to its left.  A head with no modifier (会议, 此次研讨会) is an
 *      anaphor: it names the latest event of its kind, it creates nothing.
 *      Verb-framed signings (A与B签订…协议), meetings (A会见B, A与B会谈),
 *      visits (A访问B) and meetings an organisation convenes (ORG召开会议)
 *      are events too.
 *   2. A mention is "framed" when a happening verb (举行, 召开, 出席, ...)
 *      or 期间/上/中 governs it in its clause; only framed mentions take
 *      the clause's or the sentence's lead date and a 在X举行 place.
 *   3. Mentions with the same core name (year, parentheses, a leading
 *      acronym or organisation and a leading ordinal removed) or one core
 *      ending the other, and overlapping dates, are one event, unless their
 *      ordinals differ or they are one description (新品发布会) by two
 *      organisers; a three-character short name (西博会) joins the one full
 *      name it abbreviates.  The key is event:CORE@YEAR (two events of an
 *      article with one key: organiser or full date added).
 *      Only events that some mention frames or dates (or a quoted title)
 *      become nodes.  A mention's clause runs on over a comma into a
 *      subjectless clause (…论坛，1月13日在香港举行).
 *   4. Participants (by role word), organisers (由…主办, ORG举办…) and
 *      part_of (…开幕式, a day inside a multi-day event) are read once the
 *      events exist.
 *   5. A clause that opens with one event's name or anaphor and 期间, 会上,
 *      会后 or 活动中 (研讨会期间，…) frames the rest of its sentence: an
 *      event named there with no date of its own takes that event's
 *      start and end (会后: its end day) and, but for 会后, is part_of it.
 *      Only when exactly one event of the article so far can be meant.
 *
 * Cost: linear in the article for finding mentions; coreference compares a
 * mention with each event's distinct mentions (at most 16 per event).
 *
 * Allocation failures return TEKG_ENOMEM with `err` set; `out` then holds
 * what was appended so far (the caller clears it).  Everything allocated
 * here is released before returning.
 */
#include "extract/extract_int.h"
#include "tekg/time.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- lexicon ------------------------------------------------------------ */

enum { K_MEETING, K_SUMMIT, K_FORUM, K_EXHIBITION, K_COMPETITION, K_CEREMONY,
       K_FESTIVAL, K_LAUNCH, K_SIGNING, K_VISIT, K_ANY };

static const char *const kind_names[] = {"meeting", "summit", "forum", "exhibition",
                                         "competition", "ceremony", "festival", "launch",
                                         "signing", "visit", "event"};

#define H_SUB     1u /* a part of the event named right before it (高官会开幕式) */
#define H_GENERIC 2u /* 会议 after another head continues it (高官会会议) */
#define H_WEAK    4u /* one character: needs a noun token and 2+ modifier chars */
#define H_ANAPHOR 8u /* only ever an anaphor (活动: 首场活动, 该活动) */

typedef struct ev_head {
	const char *s;
	int kind;
	unsigned flags;
} ev_head;

/* Longest first within a shared prefix is not needed: every position tries
 * all heads and keeps the longest match. */
static const ev_head heads[] = {
	{"高官会", K_MEETING, 0}, {"部长会", K_MEETING, 0}, {"会议", K_MEETING, H_GENERIC},
	{"峰会", K_SUMMIT, 0}, {"年会", K_MEETING, 0}, {"大会", K_MEETING, 0},
	{"全会", K_MEETING, 0}, {"例会", K_MEETING, 0}, {"两会", K_MEETING, 0},
	{"论坛", K_FORUM, 0}, {"研讨会", K_FORUM, 0}, {"座谈会", K_FORUM, 0},
	{"交流会", K_FORUM, 0}, {"恳谈会", K_FORUM, 0}, {"报告会", K_FORUM, 0},
	{"分享会", K_FORUM, 0}, {"对接会", K_FORUM, 0}, {"洽谈会", K_FORUM, 0},
	{"对话会", K_FORUM, 0},
	{"推介会", K_LAUNCH, 0}, {"发布会", K_LAUNCH, 0}, {"说明会", K_LAUNCH, 0},
	{"博览会", K_EXHIBITION, 0}, {"展览会", K_EXHIBITION, 0}, {"展销会", K_EXHIBITION, 0},
	{"交易会", K_EXHIBITION, 0}, {"展览", K_EXHIBITION, 0}, {"展会", K_EXHIBITION, 0},
	{"礼品展", K_EXHIBITION, 0}, {"展", K_EXHIBITION, H_WEAK},
	{"博会", K_EXHIBITION, 0}, {"交会", K_EXHIBITION, 0}, {"贸会", K_EXHIBITION, 0},
	{"运会", K_COMPETITION, 0}, {"奥会", K_COMPETITION, 0},
	{"大赛", K_COMPETITION, 0}, {"比赛", K_COMPETITION, 0}, {"竞赛", K_COMPETITION, 0},
	{"锦标赛", K_COMPETITION, 0}, {"运动会", K_COMPETITION, 0}, {"联赛", K_COMPETITION, 0},
	{"挑战赛", K_COMPETITION, 0}, {"邀请赛", K_COMPETITION, 0},
	{"开幕式", K_CEREMONY, H_SUB}, {"闭幕式", K_CEREMONY, H_SUB},
	{"开幕礼", K_CEREMONY, H_SUB}, {"闭幕礼", K_CEREMONY, H_SUB},
	{"启动仪式", K_CEREMONY, H_SUB}, {"签约仪式", K_SIGNING, H_SUB},
	{"签字仪式", K_SIGNING, H_SUB},
	{"颁奖仪式", K_CEREMONY, H_SUB}, {"揭牌仪式", K_CEREMONY, H_SUB},
	{"颁奖典礼", K_CEREMONY, H_SUB}, {"仪式", K_CEREMONY, H_SUB}, {"典礼", K_CEREMONY, 0},
	{"庆祝大会", K_CEREMONY, 0}, {"纪念大会", K_CEREMONY, 0}, {"表彰大会", K_CEREMONY, 0},
	{"庆典", K_CEREMONY, 0}, {"晚会", K_CEREMONY, 0},
	{"活动周", K_FESTIVAL, 0}, {"活动月", K_FESTIVAL, 0}, {"宣传周", K_FESTIVAL, 0},
	{"交流活动", K_FESTIVAL, 0}, {"文化节", K_FESTIVAL, 0}, {"艺术节", K_FESTIVAL, 0},
	{"电影节", K_FESTIVAL, 0}, {"音乐节", K_FESTIVAL, 0}, {"旅游节", K_FESTIVAL, 0},
	{"购物节", K_FESTIVAL, 0}, {"美食节", K_FESTIVAL, 0}, {"嘉年华", K_FESTIVAL, 0},
	{"音乐会", K_FESTIVAL, 0}, {"活动", K_ANY, H_ANAPHOR}, {"赛事", K_COMPETITION, H_ANAPHOR},
};

/* Words before a head that make it an organisation or an everyday word. */
static const char *const not_before_head[] = {
	"代表大会", "发展", "进展", "拓展", "开展", "施展", "扩展", "延展", "伸展", "推展",
	"舒展", "招展", "参展", "布展", "策展", "会展", "展展",
};

/* Modifiers that make a head generic (an anaphor), never part of a name. */
static const char *const generic_mods[] = {
	"相关", "有关", "各类", "各项", "各场", "多场", "首场", "一系列", "系列", "重要",
	"主要", "其他", "其它", "这些", "此类", "上述", "全体", "各种", "本届", "这场",
	"此次", "本次", "这次", "该", "各", "多个", "历次", "每届", "往届",
	"更多", "一些", "多项", "诸多", "众多", "若干", "许多", "不少", "多种",
};

/* Those of them that make a named head plural or generic: 举办更多展会,
 * 各类专题研讨会, 一系列行业论坛 name no single event. */
static const char *const plural_mods[] = {
	"各类", "各项", "各场", "多场", "一系列", "系列", "其他", "其它", "这些", "此类",
	"各种", "各", "多个", "历次", "每届", "往届", "更多", "一些", "多项", "诸多",
	"众多", "若干", "许多", "不少", "多种",
};

/* A count of one (一场, 一次, 一个, 一届, 一项) before a name is a
 * determiner, "a": 举行了一场绿色金融研讨会 names one event. */
static const uint32_t one_classifiers[] = {0x573A /* 场 */, 0x6B21 /* 次 */, 0x4E2A /* 个 */,
                                           0x5C4A /* 届 */, 0x9879 /* 项 */};

/* Verbs and words that say an event happens (framing). */
static const char *const happen_words[] = {
	"举行", "举办", "召开", "开幕", "闭幕", "启动", "开启", "揭幕", "落幕", "收官",
	"开赛", "启幕", "出席", "参加", "参会", "与会", "主持", "亮相", "主办", "承办",
	"开展", "期间", "会上", "之际", "拉开帷幕", "会见", "会晤", "会谈", "签署", "签订",
	"签约",
};

static const struct { const char *verb, *role; } role_verbs[] = {
	{"发表主旨演讲", "主旨演讲"}, {"作主旨演讲", "主旨演讲"}, {"做主旨演讲", "主旨演讲"},
	{"主旨演讲", "主旨演讲"}, {"致欢迎辞", "致辞"}, {"致欢迎词", "致辞"},
	{"发表致辞", "致辞"}, {"致辞", "致辞"}, {"致词", "致辞"}, {"出席", "出席"},
	{"主持", "主持"}, {"受访", "接受采访"}, {"参会", "参会"}, {"与会", "参会"},
	{"参加", "参加"}, {"会见", "会见"}, {"会谈", "会谈"}, {"发言", "发言"},
	{"在会上", "发言"}, {"颁奖", "颁奖"},
};

/* Verbs the tagger gives inside names (中国发展高层论坛, 创新创业大赛). */
static const char *const name_verbs[] = {
	"发展", "创新", "创业", "合作", "交流", "开放", "改革", "建设", "保护", "治理",
	"服务", "设计", "制造", "研究", "管理", "教育", "传承", "融合", "转型", "投资",
	"庆祝", "纪念", "成立", "建立", "建校", "建院", "诞辰", "建党", "建国", "建交",
};

static const char *const organize_verbs[] = {
	"联合主办", "共同主办", "主办", "承办", "举办", "召开", "协办",
};

/* Short place forms (在港举办, 鹏城) are the entity stage's: data/places.tsv
 * lists 鹏城 as an alias of 深圳 and 港 as a place_short of 香港, and the
 * entity stage gives them a mention of the place they name. */

/* ---- the article as code points ---------------------------------------- */

typedef struct ent_ref {
	size_t ent;     /* entity index in out */
	size_t sent;
	size_t ws, we;  /* work chars */
	int type;       /* 0 person, 1 organization, 2 place */
} ent_ref;

typedef struct ev_mention {
	size_t sent;
	size_t ns, ne;          /* name span (work chars) */
	size_t hs, he;          /* head span (he may take a following 会议) */
	size_t te;              /* end of the head proper: the core ends here */
	size_t cs;              /* core start: after year / acronym / organiser prefix */
	size_t ys, ye;          /* a leading bare year inside the name, ys == ye when none */
	int kind;
	int named;              /* has a specific modifier: may create an event */
	int framed;             /* a happening word governs it in its clause */
	int quoted;             /* the name is a quoted title */
	size_t dash;            /* quoted: start of the part after ——, else ns */
	int outer;              /* mention index of the event it is part of (H_SUB), -1 */
	int inner;              /* mention index of the event nested in it, -1 */
	char start[11], end[11];
	int date_rank;          /* 0 none, 1 doc year, 2 name year, 3 adjacent, 4 clause/lead */
	int year_is_date;       /* the leading year was used as the date: not in the label */
	int date_after;         /* dated by a time after its name in its clause (X5日开幕) */
	size_t place;           /* entity index, (size_t)-1 none */
	int place_rank;         /* 0 none, 1 name prefix, 2 parenthesis, 3 在X举行 */
	size_t place_sent;
	int cluster;            /* event cluster, -1 for a dropped mention */
	int dropped;            /* inside a longer name found later (世界互联网大会亚太峰会) */
	size_t side_a, side_b;  /* 会见: the two sides (entity indices), else NONE */
	int talk;               /* A与B会面/会谈 (label A与B会谈) */
	size_t org;             /* named 3: ORG召开会议, the convening organisation (entity) */
	size_t abbr_s, abbr_e;  /* X（服贸会）: the short name in parentheses after it, or 0, 0 */
	char *abbr;             /* its text, or NULL */
	size_t ords, orde;      /* an ordinal cut from the core's start (第十八届), ords == orde none */
	int generic;            /* the core is a description, no name (新品发布会) */
	int shortform;          /* a short name of an event named in full before (西博会) */
	size_t by;              /* generic: the organisation before it in its clause, or NONE */
	char *tail;             /* core text for matching and the key (work, no parens) */
	char *label;            /* display label */
	char *surface;          /* orig text of the name span */
	size_t os, oe;          /* orig span */
} ev_mention;

typedef struct ev_cluster {
	int best;               /* mention giving the label */
	int date_m, place_m;    /* mentions giving date / place, -1 */
	int kind;
	size_t ent;             /* entity index once created */
	int parent;             /* cluster it is part_of, -1 */
	size_t part_sent;       /* evidence of part_of */
	size_t first_sent, last_sent;
	size_t place;           /* inherited place when place_m < 0, else (size_t)-1 */
	size_t place_sent;
	int keep;               /* some mention is framed, dated or a quoted title */
	int rep[16];            /* mentions with distinct core and dates, compared with new ones */
	size_t nrep;
	const char *key_tail;   /* the shortest core of its mentions (borrowed) */
	int clash;              /* another event of the article has the same core and year */
} ev_cluster;

typedef struct evctx {
	const xart *xa;
	const tekg_article *a;
	const tekg_tag_result *tags;
	tekg_extraction *out;
	uint32_t *cp;           /* work_chars code points */
	tekg_timex *tx;         /* usable time expressions */
	size_t ntx;
	ent_ref *ents;
	size_t nents;
	ev_mention *m;
	size_t nm, capm;
	ev_cluster *c;
	size_t nc;
	int *tokat;             /* per sentence: char -> token index */
	size_t ntokat;
	char doc_year[5];
	size_t last_lead;       /* index into tx of the latest sentence-lead time, or ntx */
	char narr_start[11];    /* the story's current date: the latest day an event was */
	char narr_end[11];      /* framed on in an earlier sentence ("" none) */
	size_t *efirst;         /* n_sents + 1: ents of sentence i are [efirst[i], efirst[i+1]) */
	size_t *mfirst;         /* n_sents + 1: the same for mentions, once all are found */
	size_t first_edge;      /* out->n_edges when events started: ours come after */
} evctx;

#define EACH_ENT(x, si, i) for ((i) = (x)->efirst[si]; (i) < (x)->efirst[(si) + 1]; (i)++)

#define NONE ((size_t)-1)

static int utf8_at(const evctx *x, size_t pos, size_t lim, const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;

	while (i < n) {
		size_t k = tekg_utf8_decode(s + i, n - i, &c);
		if (k == 0 || pos >= lim || x->cp[pos] != c)
			return 0;
		i += k;
		pos++;
	}
	return 1;
}

static size_t u8len(const char *s)
{
	return tekg_utf8_count(s, strlen(s));
}

/* Does s end exactly at pos (chars), not before lo? */
static int utf8_before(const evctx *x, size_t pos, size_t lo, const char *s)
{
	size_t n = u8len(s);

	return pos >= lo + n && utf8_at(x, pos - n, pos, s);
}

static int is_latin(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int is_clause_sep(uint32_t c)
{
	return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':' ||
	       c == 0x3002 || c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?' || c == ' ' ||
	       c == 0x3000 || c == '\n';
}

static uint32_t open_quote_of(uint32_t c)
{
	switch (c) {
	case 0x201D: return 0x201C; /* ” */
	case 0x300D: return 0x300C; /* 」 */
	case 0x300F: return 0x300E; /* 』 */
	case 0x300B: return 0x300A; /* 》 */
	case 0x2019: return 0x2018; /* ’ */
	default: return 0;
	}
}

static int is_paren_open(uint32_t c) { return c == '(' || c == 0xFF08; }
static int is_paren_close(uint32_t c) { return c == ')' || c == 0xFF09; }

/* Clause [*cs, *ce) of work char p inside sentence si. */
static void clause_of(const evctx *x, size_t si, size_t p, size_t *cs, size_t *ce)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t i = p;

	while (i > s->wstart && !is_clause_sep(x->cp[i - 1]))
		i--;
	*cs = i;
	i = p;
	while (i < s->wend && !is_clause_sep(x->cp[i]))
		i++;
	*ce = i;
}

static int find_in(const evctx *x, size_t lo, size_t hi, const char *w)
{
	size_t i, n = u8len(w);

	for (i = lo; i + n <= hi; i++)
		if (utf8_at(x, i, hi, w))
			return (int)(i - lo);
	return -1;
}

static const tekg_token *token_at(const evctx *x, size_t si, size_t w)
{
	const tekg_sentence *s = &x->a->sents[si];
	int k;

	if (w < s->wstart || w >= s->wend || x->tokat == NULL)
		return NULL;
	k = x->tokat[w - s->wstart];
	return k < 0 ? NULL : &x->tags[si].tokens[k];
}

static int tok_is(const tekg_token *t, const char *const *types)
{
	for (; *types; types++)
		if (!strcmp(t->type, *types))
			return 1;
	return 0;
}

static const char *const name_types[] = {"n", "nz", "nw", "ns", "LOC", "ORG", "nt", "vn",
                                         "an", "j", NULL};
static const char *const org_types[] = {"ORG", "nt", NULL};
static const char *const place_types[] = {"LOC", "ns", NULL};

/* ---- time ---------------------------------------------------------------- */

static int time_usable(const evctx *x, const tekg_timex *t)
{
	if (t->flags & (TEKG_TIMEX_SINCE | TEKG_TIMEX_PLAN | TEKG_TIMEX_APPROX))
		return 0;
	if (t->start > 0 && (x->cp[t->start - 1] == 0x81EA /* 自 */ ||
	                     x->cp[t->start - 1] == 0x4ECE /* 从 */))
		return 0;
	return 1;
}

/* Index of the last "topic time" of sentence si before work char upto: a
 * time that is a clause of its own (12月11日，… / 据新华社报道，2月10日，…),
 * or x->ntx when there is none. */
static size_t topic_time(const evctx *x, size_t si, size_t upto)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t i, p, best = x->ntx;

	for (i = 0; i < x->ntx; i++) {
		const tekg_timex *t = &x->tx[i];
		if (t->start < s->wstart)
			continue;
		if (t->end > upto || t->start >= s->wend)
			break;
		for (p = t->start; p > s->wstart; p--) {
			uint32_t c = x->cp[p - 1];
			if (is_clause_sep(c) || is_latin(c) || (c >= 0x3400 && c <= 0x9FFF))
				break;
		}
		if (p > s->wstart && !is_clause_sep(x->cp[p - 1]))
			continue;
		if (t->end < s->wend && is_clause_sep(x->cp[t->end]))
			best = i;
	}
	return best;
}

/* strcmp of two ISO dates at the precision of the shorter one. */
static int date_cmp_iso(const char *a, const char *b)
{
	size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);

	return strncmp(a, b, n);
}

static void set_date(ev_mention *m, const tekg_timex *t, int rank)
{
	snprintf(m->start, sizeof m->start, "%s", t->iso_start);
	snprintf(m->end, sizeof m->end, "%s", t->iso_end);
	m->date_rank = rank;
}

/* ---- entities in out ------------------------------------------------------ */

static size_t work_of_orig(const tekg_article *a, size_t o)
{
	size_t lo = 0, hi = a->work_chars;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->map[mid] < o)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int ent_order(const void *pa, const void *pb)
{
	const ent_ref *a = pa, *b = pb;

	if (a->sent != b->sent)
		return a->sent < b->sent ? -1 : 1;
	if (a->ws != b->ws)
		return a->ws < b->ws ? -1 : 1;
	return a->we < b->we ? 1 : a->we > b->we ? -1 : 0;
}

static int collect_entities(evctx *x)
{
	const tekg_extraction *out = x->out;
	size_t i, k;

	x->ents = tekg_calloc(out->n_mentions + 1, sizeof *x->ents);
	if (x->ents == NULL)
		return TEKG_ENOMEM;
	for (i = 0; i < out->n_mentions; i++) {
		const tekg_x_mention *mm = &out->mentions[i];
		const char *type = out->entities[mm->entity].type;
		int t = !strcmp(type, "person") ? 0 : !strcmp(type, "organization") ? 1
		        : !strcmp(type, "place") ? 2 : -1;
		ent_ref *e;
		if (t < 0 || mm->sentence >= x->a->n_sents)
			continue;
		e = &x->ents[x->nents++];
		e->ent = mm->entity;
		e->sent = mm->sentence;
		e->type = t;
		e->ws = work_of_orig(x->a, mm->start);
		e->we = work_of_orig(x->a, mm->end);
	}
	qsort(x->ents, x->nents, sizeof *x->ents, ent_order);
	x->efirst = tekg_calloc(x->a->n_sents + 2, sizeof *x->efirst);
	if (x->efirst == NULL)
		return TEKG_ENOMEM;
	for (i = 0, k = 0; k <= x->a->n_sents; k++) {
		while (i < x->nents && x->ents[i].sent < k)
			i++;
		x->efirst[k] = i;
	}
	x->efirst[x->a->n_sents + 1] = x->nents;
	return 0;
}

/* The entity of `type` whose mention covers work char w, or NULL. */
static const ent_ref *ent_covering(const evctx *x, size_t si, size_t w, int type)
{
	size_t i;

	EACH_ENT(x, si, i)
		if (x->ents[i].type == type && x->ents[i].ws <= w &&
		    w < x->ents[i].we)
			return &x->ents[i];
	return NULL;
}

/* The place entity labelled `name` (the entities stage's when it made one,
 * else a new place:NAME without mention).  0 or TEKG_ENOMEM. */
static int named_place(evctx *x, const char *name, size_t *idx)
{
	size_t i, klen = strlen(name) + 8;
	char *key;
	int rc = 0;

	for (i = 0; i < x->out->n_entities; i++)
		if (!strcmp(x->out->entities[i].type, "place") &&
		    !strcmp(x->out->entities[i].label, name)) {
			*idx = i;
			return 0;
		}
	if ((key = tekg_malloc(klen)) == NULL)
		return TEKG_ENOMEM;
	snprintf(key, klen, "place:%s", name);
	if (tekg_extraction_entity(x->out, "place", name, key, idx) ||
	    tekg_extraction_alias(x->out, *idx, name))
		rc = TEKG_ENOMEM;
	tekg_free(key);
	return rc;
}

/* Is e inside a longer mention of the same type (深圳市人民政府 inside
 * 深圳市人民政府口岸办公室)? */
static int ent_nested(const evctx *x, const ent_ref *e)
{
	size_t i;

	EACH_ENT(x, e->sent, i) {
		const ent_ref *o = &x->ents[i];
		if (o != e && o->type == e->type && o->ws <= e->ws &&
		    o->we >= e->we && o->we - o->ws > e->we - e->ws)
			return 1;
	}
	return 0;
}

/* Find or make a place entity for the work span [ws, we) of sentence si. */
static int place_entity(evctx *x, size_t si, size_t ws, size_t we, const char *name,
                        size_t *idx)
{
	const ent_ref *e = ent_covering(x, si, ws, 2);
	char *surface = NULL, *norm = NULL, *key = NULL;
	size_t os, oe, klen;
	int rc = TEKG_ENOMEM;

	if (e && e->we >= we) {
		*idx = e->ent;
		return 0;
	}
	norm = name ? tekg_strdup(name) : xart_work_text(x->xa, ws, we);
	xart_orig_span(x->xa, ws, we, &os, &oe);
	surface = xart_orig_text(x->xa, os, oe);
	if (norm == NULL || surface == NULL)
		goto cleanup;
	klen = strlen(norm) + 8;
	if ((key = tekg_malloc(klen)) == NULL)
		goto cleanup;
	snprintf(key, klen, "place:%s", norm);
	if (tekg_extraction_entity(x->out, "place", norm, key, idx) ||
	    tekg_extraction_alias(x->out, *idx, surface) ||
	    tekg_extraction_mention(x->out, *idx, si, os, oe, surface, norm))
		goto cleanup;
	rc = 0;
cleanup:
	tekg_free(surface);
	tekg_free(norm);
	tekg_free(key);
	return rc;
}

/* ---- mentions -------------------------------------------------------------- */

static ev_mention *new_mention(evctx *x)
{
	ev_mention *m;

	if (x->nm == x->capm) {
		size_t ncap = x->capm ? x->capm * 2 : 32;
		void *p = tekg_realloc(x->m, ncap * sizeof *x->m);
		if (p == NULL)
			return NULL;
		x->m = p;
		x->capm = ncap;
	}
	m = &x->m[x->nm++];
	memset(m, 0, sizeof *m);
	m->outer = m->inner = -1;
	m->place = NONE;
	m->cluster = -1;
	m->side_a = m->side_b = m->org = m->by = NONE;
	return m;
}

static int word_in(const evctx *x, size_t ws, size_t we, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (u8len(list[i]) == we - ws && utf8_at(x, ws, we, list[i]))
			return 1;
	return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int is_bare_year(const evctx *x, size_t ws, size_t we)
{
	size_t i;

	if (we - ws < 5 || !(we - ws == 5 || (we - ws == 6 && x->cp[we - 1] == 0x5EA6 /* 度 */)))
		return 0;
	for (i = ws; i < ws + 4; i++)
		if (x->cp[i] < '0' || x->cp[i] > '9')
			return 0;
	return x->cp[ws + 4] == 0x5E74; /* 年 */
}

/* Does "一" + a classifier end at work char p (举行了一场|研讨会)? */
static int one_count_before(const evctx *x, size_t lo, size_t p)
{
	size_t i;

	if (p < lo + 2 || x->cp[p - 2] != 0x4E00 /* 一 */)
		return 0;
	if (p >= lo + 3 && (x->cp[p - 3] == 0x5341 /* 十 */ || x->cp[p - 3] == 0x767E /* 百 */ ||
	                    x->cp[p - 3] == 0x5343 /* 千 */ || x->cp[p - 3] == 0x7B2C /* 第 */ ||
	                    (x->cp[p - 3] >= '0' && x->cp[p - 3] <= '9')))
		return 0; /* 十一个, 第一次 */
	for (i = 0; i < COUNT(one_classifiers); i++)
		if (x->cp[p - 1] == one_classifiers[i])
			return 1;
	return 0;
}

static int is_ordinal(const evctx *x, size_t ws, size_t we)
{
	size_t i;

	if (we == ws + 2 && one_count_before(x, ws, we))
		return 0; /* 一次, 一届: a count of one, not an ordinal */
	if (x->cp[ws] == 0x7B2C /* 第 */ || x->cp[ws] == 0x9996 /* 首 */)
		return 1;
	for (i = ws; i < we; i++)
		if (x->cp[i] == 0x5C4A /* 届 */ || x->cp[i] == 0x6B21 /* 次 */)
			return 1;
	return 0;
}

/* Chars of [ws, we) that are not inside parentheses or spaces. */
static size_t plain_len(const evctx *x, size_t ws, size_t we)
{
	size_t i, n = 0;
	int depth = 0;

	for (i = ws; i < we; i++) {
		if (is_paren_open(x->cp[i]))
			depth++;
		else if (is_paren_close(x->cp[i]) && depth > 0)
			depth--;
		else if (!depth && x->cp[i] != ' ' && x->cp[i] != 0x3000)
			n++;
	}
	return n;
}

/* New string: work text of [ws, we) without parenthesised groups, spaces
 * and quote marks. */
static char *plain_text(const evctx *x, size_t ws, size_t we)
{
	char *s = tekg_malloc((we - ws) * 4 + 1);
	size_t i, n = 0;
	int depth = 0;

	if (s == NULL)
		return NULL;
	for (i = ws; i < we; i++) {
		uint32_t c = x->cp[i];
		if (is_paren_open(c))
			depth++;
		else if (is_paren_close(c) && depth > 0)
			depth--;
		else if (!depth && c != ' ' && c != 0x3000 && c != 0x201C && c != 0x201D &&
		         c != 0x300C && c != 0x300D && c != 0x300E && c != 0x300F)
			n += tekg_utf8_encode(c, s + n);
	}
	s[n] = '\0';
	return s;
}

/* Where the core name starts: after the year, a leading acronym, and a
 * leading non-local organisation when enough of the name remains. */
static size_t core_start(const evctx *x, size_t si, ev_mention *m, size_t from)
{
	/* the head of the name proper: a ceremony's (…高官会开幕式) is its event's */
	size_t name_head = m->inner >= 0 ? x->m[m->inner].hs : m->hs;
	size_t cs = from, p;
	const tekg_token *t;

	if (m->ye > m->ys && cs <= m->ys)
		cs = m->ye;
	for (;;) {
		if (cs < m->hs && is_paren_open(x->cp[cs])) {
			for (p = cs; p < m->hs && !is_paren_close(x->cp[p]); p++)
				;
			cs = p < m->hs ? p + 1 : cs;
			if (p >= m->hs)
				break;
			continue;
		}
		if (cs < m->hs && is_latin(x->cp[cs])) {
			for (p = cs; p < m->hs && is_latin(x->cp[p]); p++)
				;
			if (plain_len(x, p, m->hs) < 2)
				break;
			cs = p;
			continue;
		}
		t = token_at(x, si, cs);
		if (t && !strcmp(t->type, "m") && x->a->sents[si].wstart + t->start == cs &&
		    m->ords == m->orde && is_ordinal(x, cs, x->a->sents[si].wstart + t->end) &&
		    x->a->sents[si].wstart + t->end < name_head &&
		    plain_len(x, x->a->sents[si].wstart + t->end, name_head) >= 2) {
			/* 第十八届亚洲金融论坛 is 亚洲金融论坛 of its year; 第一次高官会
			 * keeps its ordinal (nothing but the head would remain) */
			m->ords = cs;
			m->orde = cs = x->a->sents[si].wstart + t->end;
			continue;
		}
		if (t && tok_is(t, org_types) && x->a->sents[si].wstart + t->start == cs) {
			size_t te = x->a->sents[si].wstart + t->end, i;
			int local = 0;
			if (te >= m->hs)
				break;
			for (i = cs; i < te && i < cs + 4; i++)
				if (x->cp[i] == 0x7701 || x->cp[i] == 0x5E02 || x->cp[i] == 0x533A ||
				    x->cp[i] == 0x53BF) /* 省 市 区 县 */
					local = 1;
			if (local)
				break;
			if (plain_len(x, te, m->hs) >= 3 || (plain_len(x, te, m->hs) >= 2 &&
			                                     is_ordinal(x, te, m->hs))) {
				cs = te;
				continue;
			}
		}
		break;
	}
	return cs;
}

/* A name that is the subject opening its clause takes the whole clause
 * start when only nominal words, numbers, 和 and place words stand there
 * (2025碳达峰碳中和绿色发展论坛 with 碳/中/和 cut oddly by the tagger).
 * Returns the new start, or ns. */
static size_t clause_subject(evctx *x, size_t si, ev_mention *m, size_t ns)
{
	static const char *const ok_types[] = {"n", "nz", "nw", "ns", "LOC", "ORG", "nt", "vn",
	                                       "an", "a", "m", "f", "j", NULL};
	const tekg_sentence *s = &x->a->sents[si];
	size_t cs, ce, w;

	clause_of(x, si, ns, &cs, &ce);
	if (cs >= ns || ns - cs > 12)
		return ns;
	for (w = cs; w < ns;) {
		const tekg_token *t = token_at(x, si, w);
		size_t ts, te;
		if (t == NULL)
			return ns;
		ts = s->wstart + t->start;
		te = s->wstart + t->end;
		if (te > ns)
			return ns;
		if (!(tok_is(t, ok_types) || (te - ts == 1 && x->cp[ts] == 0x548C /* 和 */) ||
		      (!strcmp(t->type, "TIME") && ts == cs && is_bare_year(x, ts, te))) ||
		    word_in(x, ts, te, generic_mods, COUNT(generic_mods)) || x->cp[ts] == 0x7684)
			return ns;
		if (!strcmp(t->type, "m") && !is_ordinal(x, ts, te) && !(ts == cs && te - ts == 4))
			return ns; /* a count (3场) is no part of a name */
		w = te;
	}
	if (m->ye <= m->ys) { /* a year opening the clause belongs to the name */
		const tekg_token *t = token_at(x, si, cs);
		size_t te = t ? s->wstart + t->end : cs;
		if (t && (is_bare_year(x, cs, te) || (te - cs == 4 && x->cp[cs] >= '1' &&
		                                       x->cp[cs] <= '2'))) {
			m->ys = cs;
			m->ye = te;
		}
	}
	return cs;
}

/* Extend the name of m leftwards from its head (see the file comment). */
static void name_extent(evctx *x, size_t si, ev_mention *m)
{
	const tekg_sentence *s = &x->a->sents[si];
	const tekg_token *t = token_at(x, si, m->hs);
	size_t ns = m->hs, q;
	int took_and = 0, stop = 0;

	m->ns = m->hs;
	m->ys = m->ye = 0;
	if (t && s->wstart + t->start < m->hs) {
		if (tok_is(t, name_types) || !strcmp(t->type, "a"))
			ns = s->wstart + t->start;
		else
			stop = 1;
	}
	/* a quoted title ending with the head */
	if (m->he < s->wend && open_quote_of(x->cp[m->he])) {
		uint32_t oq = open_quote_of(x->cp[m->he]);
		for (q = m->hs; q > s->wstart && m->hs - q < 48; q--)
			if (x->cp[q - 1] == oq) {
				m->ns = q;
				m->quoted = 1;
				m->dash = q;
				for (ns = q; ns + 1 < m->hs; ns++)
					if (x->cp[ns] == 0x2014 || x->cp[ns] == '-')
						m->dash = ns + 1;
				while (m->dash < m->hs && (x->cp[m->dash] == 0x2014 || x->cp[m->dash] == '-'))
					m->dash++;
				ns = q - 1; /* a year right before the opening quote */
				t = token_at(x, si, ns - 1);
				if (ns > s->wstart && t && !strcmp(t->type, "TIME") &&
				    is_bare_year(x, s->wstart + t->start, ns)) {
					m->ys = s->wstart + t->start;
					m->ye = ns;
				}
				return;
			}
	}
	while (!stop && ns > s->wstart && m->he - ns < 30) {
		uint32_t c = x->cp[ns - 1];
		size_t ts;
		if (is_paren_close(c)) {
			for (q = ns - 1; q > s->wstart && ns - q < 16 && !is_paren_open(x->cp[q - 1]); q--)
				;
			if (q <= s->wstart || !is_paren_open(x->cp[q - 1]) || q + 1 >= ns)
				break;
			ns = q - 1;
			continue;
		}
		if ((c == 0x2014 || c == 0x2013 || c == '-' || c == 0xFF0D) && ns < m->hs) {
			/* 中国—东盟博览会: one dash between two name parts */
			t = ns >= s->wstart + 2 ? token_at(x, si, ns - 2) : NULL;
			if (t == NULL || x->cp[ns - 2] == c || is_latin(x->cp[ns - 2]) ||
			    !tok_is(t, name_types))
				break;
			ns--;
			continue;
		}
		if (is_latin(c)) {
			while (ns > s->wstart && is_latin(x->cp[ns - 1]))
				ns--;
			break; /* an acronym opens the name */
		}
		if (open_quote_of(c) && ns < m->hs) { /* 2025年“创客中国”中小企业…大赛 */
			uint32_t oq = open_quote_of(c);
			for (q = ns - 1; q > s->wstart && ns - q < 14 && x->cp[q - 1] != oq; q--)
				;
			if (q <= s->wstart || x->cp[q - 1] != oq || q + 1 >= ns)
				break;
			ns = q - 1;
			continue;
		}
		t = token_at(x, si, ns - 1);
		if (t == NULL)
			break;
		ts = s->wstart + t->start;
		if (find_in(x, ts, ns, "周年") >= 0 &&
		    (!strcmp(t->type, "TIME") || !strcmp(t->type, "m"))) {
			ns = ts; /* 成立100周年大会: an anniversary, not a date */
			continue;
		}
		if (!strcmp(t->type, "TIME") || (!strcmp(t->type, "m") && ns - ts == 4 &&
		                                  (x->cp[ts] == '1' || x->cp[ts] == '2'))) {
			if (is_bare_year(x, ts, ns) || (ns - ts == 4 && x->cp[ts + 1] >= '0' &&
			                                x->cp[ts + 1] <= '9' && x->cp[ts + 2] >= '0' &&
			                                x->cp[ts + 2] <= '9' && x->cp[ts + 3] >= '0' &&
			                                x->cp[ts + 3] <= '9')) {
				m->ys = ts;
				m->ye = ns;
				ns = ts;
			}
			break;
		}
		if (word_in(x, ts, ns, generic_mods, COUNT(generic_mods)))
			break;
		if (ns - ts == 1 && x->cp[ts] == 0x66A8 /* 暨 */ && ns < m->hs) {
			/* 纪念…战争暨…胜利80周年大会: 暨 joins two parts of one name */
			const tekg_token *pt = ts > s->wstart ? token_at(x, si, ts - 1) : NULL;
			if (pt == NULL || !(tok_is(pt, name_types) || !strcmp(pt->type, "s")))
				break;
			ns = ts;
			continue;
		}
		if (!took_and && ns - ts == 1 && x->cp[ts] == 0x548C /* 和 */ && ns < m->hs) {
			const tekg_token *pt = token_at(x, si, ts - 1);
			if (ts > s->wstart && pt && (!strcmp(pt->type, "n") || !strcmp(pt->type, "vn"))) {
				took_and = 1;
				ns = ts;
				continue;
			}
			break;
		}
		if (tok_is(t, name_types) || (!strcmp(t->type, "a") && ns - ts >= 2) ||
		    (!strcmp(t->type, "m") && is_ordinal(x, ts, ns)) ||
		    (!strcmp(t->type, "v") && ns < m->hs &&
		     word_in(x, ts, ns, name_verbs, COUNT(name_verbs)))) {
			ns = ts;
			continue;
		}
		break;
	}
	while (ns < m->hs && (x->cp[ns] == 0x548C || x->cp[ns] == 0x66A8 || x->cp[ns] == 0x2014 ||
	                      x->cp[ns] == 0x2013 || x->cp[ns] == '-' || x->cp[ns] == 0xFF0D))
		ns++; /* a joining word or dash never opens the name */
	ns = clause_subject(x, si, m, ns);
	m->ns = ns;
	m->dash = ns;
}

/* Is the word at w a post or a body of the event (高官会副主席, 论坛秘书处,
 * 大会组委会): then the head names an institution, not a happening. */
static int is_title_use(const evctx *x, size_t si, size_t w)
{
	static const char *const posts[] = {
		"副主席", "主席", "秘书长", "秘书处", "副主任", "主任", "组委会", "执委会",
		"委员会", "代表", "委员", "会长", "理事", "发言人", "官员", "成员", "主席团",
		"办公室", "筹委会", "理事长", "会长", "院长", "局长", "部长", "主办方",
	};
	const tekg_token *t = token_at(x, si, w);
	size_t i, te;

	if (t == NULL || x->a->sents[si].wstart + t->start != w)
		return 0;
	te = x->a->sents[si].wstart + t->end;
	for (i = 0; i < COUNT(posts); i++)
		if (utf8_before(x, te, w, posts[i]))
			return 1;
	return 0;
}

/* "中共中央政治局3月28日召开会议": a bare head convened by an organisation
 * named before 召开/举行 in its clause is that organisation's meeting
 * (named 3, labelled ORG + head). */
static int is_party(const evctx *x, const ent_ref *e, size_t si, size_t cs, size_t p);

static void convened(evctx *x, size_t si, ev_mention *m)
{
	size_t q = m->ns, cs, ce, i, best = NONE;

	if (q > x->a->sents[si].wstart && x->cp[q - 1] == 0x4E86 /* 了 */)
		q--;
	if (!utf8_before(x, q, x->a->sents[si].wstart, "召开") &&
	    !utf8_before(x, q, x->a->sents[si].wstart, "举行"))
		return;
	q -= 2;
	clause_of(x, si, q, &cs, &ce);
	if (m->kind == K_SIGNING) { /* 甲与乙举行签约仪式: its two parties */
		EACH_ENT(x, si, i)
			if (is_party(x, &x->ents[i], si, cs, q)) {
				if (best == NONE)
					best = i;
				else if (m->side_b == NONE && x->ents[i].ws >= x->ents[best].we)
					m->side_b = x->ents[i].ent;
			}
		if (best == NONE || m->side_b == NONE) {
			m->side_b = NONE;
			return;
		}
		m->named = 3;
		m->org = x->ents[best].ent;
		return;
	}
	EACH_ENT(x, si, i) {
		const ent_ref *e = &x->ents[i];
		if (e->type == 1 && e->ws >= cs && e->we <= q && e->we + 12 >= q &&
		    !ent_nested(x, e))
			best = i;
	}
	if (best == NONE)
		return;
	m->named = 3;
	m->org = x->ents[best].ent;
}

/* Does a known organisation end with the head [hs, he) (联合国贸易和发展会议,
 * 亚太经济合作会议)?  Known: the entities stage gave it a kind, from the
 * lexicon or an organisation suffix; an organisation the tagger alone
 * proposed (中国国际服务贸易交易会/ORG) is often an event's name and does
 * not count. */
static int org_named_by(const evctx *x, size_t si, size_t hs, size_t he)
{
	size_t i;

	EACH_ENT(x, si, i) {
		const ent_ref *e = &x->ents[i];
		if (e->type == 1 && e->ws < hs && e->we == he && x->out->entities[e->ent].kind)
			return 1;
	}
	return 0;
}

/* 甲集团与乙公司签约仪式: the name of a signing ceremony that opens with
 * a party takes the party joined to it by 与/和/同. */
static void signing_parties(evctx *x, size_t si, ev_mention *m)
{
	size_t i;
	uint32_t c;

	if (m->ns < x->a->sents[si].wstart + 2 || !ent_covering(x, si, m->ns, 1))
		return;
	c = x->cp[m->ns - 1];
	if (c != 0x4E0E /* 与 */ && c != 0x548C /* 和 */ && c != 0x540C /* 同 */)
		return;
	EACH_ENT(x, si, i) {
		const ent_ref *e = &x->ents[i];
		if (e->type <= 1 && e->we == m->ns - 1 && !ent_nested(x, e)) {
			m->ns = m->dash = e->ws;
			return;
		}
	}
}

static int find_mentions(evctx *x, size_t si)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t p = s->wstart, first = x->nm;

	while (p < s->wend) {
		const ev_head *h = NULL;
		size_t i, hl = 0, he;
		const tekg_token *t;
		ev_mention *m, *prev;
		for (i = 0; i < COUNT(heads); i++) {
			size_t l = u8len(heads[i].s);
			if (l > hl && utf8_at(x, p, s->wend, heads[i].s)) {
				h = &heads[i];
				hl = l;
			}
		}
		if (h == NULL) {
			p++;
			continue;
		}
		he = p + hl;
		t = token_at(x, si, he - 1);
		if (t && s->wstart + t->end > he && !is_paren_open(x->cp[he])) {
			p++; /* the head goes on inside a word (会议室, 大会堂) */
			continue;
		}
		if (org_named_by(x, si, p, he)) {
			p = he; /* 联合国贸易和发展会议: an organisation, not a meeting */
			continue;
		}
		for (i = 0; i < COUNT(not_before_head); i++)
			if (utf8_before(x, he, s->wstart, not_before_head[i]))
				break;
		if (i < COUNT(not_before_head)) {
			p = he;
			continue;
		}
		if (he < s->wend && is_title_use(x, si, he)) {
			p = he; /* 高官会副主席: the head names a post, not a happening */
			continue;
		}
		if ((h->flags & H_WEAK) && (!t || !(tok_is(t, name_types)) ||
		                            s->wstart + t->start == p)) {
			p = he;
			continue;
		}
		prev = x->nm > first ? &x->m[x->nm - 1] : NULL;
		if (prev && he < s->wend && is_paren_close(x->cp[he]) && prev->he < p &&
		    p - prev->he <= 8 && is_paren_open(x->cp[prev->he])) {
			prev->abbr_s = prev->he + 1; /* 交易会（服贸会）: a short name of prev */
			prev->abbr_e = he;
			tekg_free(prev->abbr);
			if ((prev->abbr = xart_work_text(x->xa, prev->abbr_s, prev->abbr_e)) == NULL)
				return TEKG_ENOMEM;
			p = he;
			continue;
		}
		if (prev && prev->he == p && (h->flags & H_GENERIC)) {
			prev->he = he; /* 高官会会议: one name, the core stays 高官会 */
			p = he;
			continue;
		}
		if ((m = new_mention(x)) == NULL)
			return TEKG_ENOMEM;
		prev = x->nm - 1 > first ? &x->m[x->nm - 2] : NULL;
		m->sent = si;
		m->hs = p;
		m->he = m->te = he;
		m->kind = h->kind;
		if (prev && prev->he == p && (h->flags & H_SUB) && prev->named) {
			m->ns = prev->ns;
			m->ys = prev->ys;
			m->ye = prev->ye;
			m->dash = prev->dash;
			m->quoted = prev->quoted;
			m->inner = (int)(x->nm - 2);
			prev->outer = (int)(x->nm - 1);
			m->named = 1;
		} else {
			name_extent(x, si, m);
			m->named = !(h->flags & H_ANAPHOR) &&
			           plain_len(x, m->dash > m->ns ? m->dash : m->ns, m->hs) -
			                   (m->ye > m->ys && m->ys >= m->ns ? m->ye - m->ys : 0) >=
			               ((h->flags & H_WEAK) ? 2u : 1u);
			if (m->ns > s->wstart && x->cp[m->ns - 1] == 0x7684 /* 的 */ && !m->quoted &&
			    m->ns == m->hs)
				m->named = 0;
			t = m->ns > s->wstart ? token_at(x, si, m->ns - 1) : NULL;
			if (t && !m->quoted && (!strcmp(t->type, "q") || (!strcmp(t->type, "m") &&
			                                                  !is_ordinal(x, s->wstart + t->start,
			                                                              m->ns))) &&
			    !one_count_before(x, s->wstart, m->ns))
				m->named = 0; /* 约40个国际展览, 3场专题论坛: a count, not a name */
			if (t && !m->quoted && s->wstart + t->end == m->ns &&
			    word_in(x, s->wstart + t->start, m->ns, plural_mods, COUNT(plural_mods)))
				m->named = 0; /* 更多展会, 各类专题论坛: not one event */
			for (i = first; i + 1 < x->nm; i++)
				if (x->m[i].hs >= m->ns && x->m[i].he <= m->hs && x->m[i].outer < 0)
					x->m[i].dropped = 1;
			/* X主办/承办…: X is the organising body (世界互联网大会除每年主办…) */
			for (i = he; i < he + 5 && i + 2 <= s->wend && !is_clause_sep(x->cp[i]); i++)
				if (utf8_at(x, i, s->wend, "主办") || utf8_at(x, i, s->wend, "承办"))
					m->dropped = 1;
		}
		if (!m->named && !m->quoted && !(h->flags & H_ANAPHOR))
			convened(x, si, m);
		if (m->named == 1 && m->kind == K_SIGNING && m->inner < 0 && !m->quoted)
			signing_parties(x, si, m);
		m->cs = m->kind == K_SIGNING && m->inner < 0 ? m->ns /* the parties are its name */
		                                             : core_start(x, si, m, m->dash > m->ns ? m->dash : m->ns);
		if (m->kind == K_MEETING && (find_in(x, m->ns, m->hs, "周年") >= 0 ||
		                             utf8_at(x, m->ns, m->hs, "庆祝") ||
		                             utf8_at(x, m->ns, m->hs, "纪念")))
			m->kind = K_CEREMONY; /* 庆祝…成立100周年大会 */
		p = he;
	}
	return 0;
}

/* ---- framing, dates, places ----------------------------------------------- */

static int framed_in(const evctx *x, size_t cs, size_t ce, const ev_mention *m)
{
	size_t i, p;

	for (p = cs; p < ce; p++) {
		if (p >= m->ns && p < m->he)
			continue;
		for (i = 0; i < COUNT(happen_words); i++)
			if (utf8_at(x, p, ce, happen_words[i]) &&
			    !(p + u8len(happen_words[i]) > m->ns && p < m->he))
				return 1;
	}
	/* 在X上 / X中 right after the name */
	if (m->he < ce && (x->cp[m->he] == 0x4E0A /* 上 */ || x->cp[m->he] == 0x4E2D /* 中 */))
		return 1;
	return 0;
}

/* Add one to the year of an ISO date in place. */
static void bump_year(char *iso)
{
	int y = atoi(iso);

	if (y >= 1000 && y < 2999) {
		char buf[16];
		snprintf(buf, sizeof buf, "%04d", (y + 1) % 10000);
		memcpy(iso, buf, 4);
	}
}

/* A planned event (将/即将/将于 in its clause) whose date had to guess its
 * year and fell before the document: the next occurrence is meant. */
static void planned_year(const evctx *x, ev_mention *m, const tekg_timex *t, size_t cs,
                         size_t ce)
{
	const char *doc = x->xa->doc_date;

	if (!(t->flags & TEKG_TIMEX_INFERRED_YEAR) || doc == NULL || strlen(doc) < 10 ||
	    find_in(x, cs, ce, "将") < 0 || date_cmp_iso(m->start, doc) >= 0)
		return;
	bump_year(m->start);
	bump_year(m->end);
}

/* The clause of mention m: the clause of its head, from its name on.  A
 * name that ends its clause takes the next clause too when that one has no
 * subject of its own (…亚洲金融论坛，1月13日至14日在香港举行): it opens
 * with a time, 在/于/将 or a happening word and names no event and no
 * person.  Verb events keep their clause. */
static void mention_clause(const evctx *x, size_t si, const ev_mention *m, size_t *cs,
                           size_t *ce)
{
	static const char *const openers[] = {"在", "于", "将", "已", "定于", "正式"};
	const tekg_sentence *s = &x->a->sents[si];
	size_t ns, ne, i, k;
	int opens = 0;

	clause_of(x, si, m->hs, cs, ce);
	if (m->ns < *cs)
		*cs = m->ns;
	if (m->named == 2 || m->he != *ce || *ce + 1 >= s->wend ||
	    (x->cp[*ce] != 0xFF0C && x->cp[*ce] != ','))
		return;
	clause_of(x, si, *ce + 1, &ns, &ne);
	if (ne <= ns)
		return;
	for (i = 0; i < x->ntx && !opens; i++)
		opens = x->tx[i].start == ns;
	for (i = 0; i < COUNT(openers) && !opens; i++)
		opens = utf8_at(x, ns, ne, openers[i]);
	for (i = 0; i < COUNT(happen_words) && !opens; i++)
		opens = utf8_at(x, ns, ne, happen_words[i]);
	if (!opens)
		return;
	for (k = x->nm; k > 0 && x->m[k - 1].sent == si; k--)
		if (x->m[k - 1].hs >= ns && x->m[k - 1].hs < ne)
			return; /* the next clause names its own event */
	EACH_ENT(x, si, i)
		if (x->ents[i].type == 0 && x->ents[i].ws >= ns && x->ents[i].we <= ne)
			return; /* …，1月13日张三出席: a person is its subject */
	*ce = ne;
}

/* Does the time expression at w say "that day" (当天, 当日, 同日, 当晚)? */
static int same_day_word(const evctx *x, size_t w)
{
	return utf8_at(x, w, w + 2, "当天") || utf8_at(x, w, w + 2, "当日") ||
	       utf8_at(x, w, w + 2, "同日") || utf8_at(x, w, w + 2, "当晚");
}

static int is_year_only(const tekg_timex *t)
{
	return strlen(t->iso_start) == 4 && strlen(t->iso_end) == 4;
}

/* Set the year of m's dates to `year` (4 chars), keeping a range's span. */
static void move_year(ev_mention *m, const char *year)
{
	int span = atoi(m->end) - atoi(m->start), y = atoi(year);
	char buf[16];

	if (y < 1000 || y > 2998 || span < 0 || span > 1)
		return;
	memcpy(m->start, year, 4);
	snprintf(buf, sizeof buf, "%04d", y + span);
	memcpy(m->end, buf, 4);
}

/* 明年…将于5月, 明年第十届X展将于5月举行: a year alone and a date whose year
 * the time module guessed, in the mention's clause (or the year leading
 * its sentence), are one date: the month and day of the one, the year of
 * the other.  m holds tx[best]'s dates.  1 when it changed them. */
static int year_of_clause(const evctx *x, ev_mention *m, size_t best, size_t cs, size_t ce)
{
	const tekg_timex *b = &x->tx[best];
	size_t i, si = xart_sentence_of(x->xa, cs), lo = cs;

	if (si < x->a->n_sents)
		lo = x->a->sents[si].wstart;
	if (is_year_only(b)) { /* the year came first: take the finer date after it */
		for (i = best + 1; i < x->ntx && x->tx[i].end <= ce; i++)
			if ((x->tx[i].flags & TEKG_TIMEX_INFERRED_YEAR) && !is_year_only(&x->tx[i]) &&
			    !(x->tx[i].start >= m->ns && x->tx[i].end <= m->he)) {
				set_date(m, &x->tx[i], 4);
				move_year(m, b->iso_start);
				return 1;
			}
		return 0;
	}
	if (!(b->flags & TEKG_TIMEX_INFERRED_YEAR))
		return 0;
	for (i = best; i-- > 0 && x->tx[i].start >= lo;)
		if (is_year_only(&x->tx[i]) && !(x->tx[i].flags & TEKG_TIMEX_INFERRED_YEAR) &&
		    (x->tx[i].start >= cs || topic_time(x, si, x->tx[i].end) == i)) {
			move_year(m, x->tx[i].iso_start);
			return 1;
		}
	return 0;
}

static void mention_date(evctx *x, size_t si, ev_mention *m)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t cs, ce, i, best = x->ntx, lead;

	mention_clause(x, si, m, &cs, &ce);
	lead = topic_time(x, si, cs);
	if (m->framed) {
		for (i = 0; i < x->ntx; i++) {
			const tekg_timex *t = &x->tx[i];
			size_t from = m->named == 2 ? m->hs : m->ye > m->ys && m->ys < m->ns ? m->ys
			                                                                     : m->ns;
			if (t->start < cs || t->end > ce || (t->start >= from && t->end <= m->he))
				continue;
			if (t->end <= m->ns)
				best = i; /* the nearest before the name */
			else if (best == x->ntx)
				best = i;
		}
		if (best == x->ntx && lead < x->ntx &&
		    !(x->tx[lead].start >= m->ns && x->tx[lead].end <= m->he))
			best = lead;
		if (best == x->ntx && x->last_lead < x->ntx &&
		    (find_in(x, s->wstart, s->wend, "当天") >= 0 ||
		     find_in(x, s->wstart, s->wend, "当日") >= 0 ||
		     find_in(x, s->wstart, s->wend, "同日") >= 0))
			best = x->last_lead;
		if (best < x->ntx) {
			set_date(m, &x->tx[best], 4);
			if (same_day_word(x, x->tx[best].start) && x->narr_start[0]) {
				/* 当天下午: the day the story is at, not the latest date */
				snprintf(m->start, sizeof m->start, "%s", x->narr_start);
				snprintf(m->end, sizeof m->end, "%s", x->narr_end);
				return;
			}
			if (!year_of_clause(x, m, best, cs, ce))
				planned_year(x, m, &x->tx[best], cs, ce);
			m->date_after = m->named && x->tx[best].start >= m->he &&
			                x->tx[best].start <= m->he + 1; /* X20日开幕, X于5日举行 */
			return;
		}
	}
	for (i = 0; i < x->ntx; i++) {
		const tekg_timex *t = &x->tx[i];
		size_t at = m->ys < m->ye ? m->ys : m->ns;
		if (t->end == at || (t->end + 1 == at && x->cp[at - 1] == 0x7684 /* 的 */)) {
			set_date(m, t, 3);
			return;
		}
	}
	if (m->ye > m->ys) {
		tekg_timex t;
		memset(&t, 0, sizeof t);
		for (i = 0; i < 4; i++)
			t.iso_start[i] = (char)x->cp[m->ys + i];
		memcpy(t.iso_end, t.iso_start, sizeof t.iso_end);
		set_date(m, &t, 2);
		m->year_is_date = 1;
		return;
	}
	if (m->framed && x->doc_year[0]) {
		snprintf(m->start, sizeof m->start, "%s", x->doc_year);
		snprintf(m->end, sizeof m->end, "%s", x->doc_year);
		m->date_rank = 1;
	}
}

/* A place word starting at w in sentence si: its end in *pe, or 0.  *name
 * is always NULL (short forms are entities of the place they name). */
static int place_at(const evctx *x, size_t si, size_t w, size_t lim, size_t *pe,
                    const char **name)
{
	const tekg_token *t = token_at(x, si, w);
	const ent_ref *e = ent_covering(x, si, w, 2);
	size_t end = w;

	*name = NULL;
	if (e && e->ws == w)
		end = e->we;
	while (t && x->a->sents[si].wstart + t->start == end && tok_is(t, place_types) &&
	       end < lim) {
		end = x->a->sents[si].wstart + t->end;
		t = token_at(x, si, end);
	}
	if (end > w) {
		*pe = end;
		return 1;
	}
	return 0;
}

/* A venue at [w, pe) that the entities stage made an organisation, or a
 * place of kind facility, located in a place (香港会议展览中心 located_in
 * 香港): that place's entity, else NONE.  The event is held in the city, not
 * in the building (the venue keeps its located_in edge). */
static size_t venue_city(const evctx *x, size_t si, size_t w, size_t pe)
{
	const ent_ref *v = ent_covering(x, si, w, 1);
	size_t i;

	if (v == NULL || v->ws != w || v->we < pe) {
		const char *kind;
		v = ent_covering(x, si, w, 2);
		if (v == NULL || v->ws != w || v->we < pe)
			return NONE;
		kind = x->out->entities[v->ent].kind;
		if (kind == NULL || strcmp(kind, "facility") != 0)
			return NONE;
	}
	for (i = 0; i < x->first_edge; i++)
		if (x->out->edges[i].src == v->ent && !strcmp(x->out->edges[i].type, "located_in") &&
		    !strcmp(x->out->entities[x->out->edges[i].dst].type, "place"))
			return x->out->edges[i].dst;
	return NONE;
}

static int mention_place(evctx *x, size_t si, ev_mention *m)
{
	size_t cs, ce, p, pe, i;
	const char *name;
	int rc;

	mention_clause(x, si, m, &cs, &ce);
	if (m->framed) {
		for (p = cs; p + 1 < ce; p++) {
			size_t v;
			size_t xs = m->named == 2 ? m->hs : m->ns; /* a verb event spans its clause */
			if ((x->cp[p] != 0x5728 /* 在 */ && x->cp[p] != 0x4E8E /* 于 */ &&
			     x->cp[p] != 0x5230 /* 到 */ && x->cp[p] != 0x8D74 /* 赴 */) ||
			    (p >= xs && p < m->he))
				continue;
			if (!place_at(x, si, p + 1, ce, &pe, &name) || (p + 1 >= xs && p + 1 < m->he))
				continue;
			/* the happening word may follow a venue: 在北京中国美术馆开幕 */
			for (v = pe, i = COUNT(happen_words); v < ce && v <= pe + 12; v++) {
				const tekg_token *t = token_at(x, si, v);
				for (i = 0; i < COUNT(happen_words); i++)
					if (utf8_at(x, v, ce, happen_words[i]))
						break;
				if (i < COUNT(happen_words) || t == NULL ||
				    !(tok_is(t, name_types) || tok_is(t, place_types) ||
				      !strcmp(t->type, "d") || !strcmp(t->type, "ad")))
					break;
			}
			if (i == COUNT(happen_words))
				continue;
			if (name == NULL && (m->place = venue_city(x, si, p + 1, pe)) != NONE)
				;
			else if ((rc = place_entity(x, si, p + 1, pe, name, &m->place)))
				return rc;
			m->place_rank = 3;
			m->place_sent = si;
			return 0;
		}
	}
	/* 在此间举行: "here" is the dateline's place (新华社杭州5月9日电) */
	if (m->framed && x->a->dateline.place && *x->a->dateline.place &&
	    (find_in(x, cs, ce, "在此间") >= 0 || find_in(x, cs, ce, "于此间") >= 0)) {
		if ((rc = named_place(x, x->a->dateline.place, &m->place)))
			return rc;
		m->place_rank = 3;
		m->place_sent = si;
		return 0;
	}
	/* a place in parentheses inside the name: APEC（深圳）会议 */
	for (p = m->ns; p + 2 < m->hs; p++)
		if (is_paren_open(x->cp[p]) && place_at(x, si, p + 1, m->hs, &pe, &name) &&
		    pe < m->hs && is_paren_close(x->cp[pe])) {
			if ((rc = place_entity(x, si, p + 1, pe, name, &m->place)))
				return rc;
			m->place_rank = 2;
			m->place_sent = si;
			return 0;
		}
	/* a name that opens with a place: 上海会议, 深圳工匠活动周 */
	p = m->cs;
	if (m->named != 2 && p < m->hs && ent_covering(x, si, p, 2) && place_at(x, si, p, m->hs, &pe, &name) &&
	    name == NULL && pe <= m->hs) {
		if ((rc = place_entity(x, si, p, pe, NULL, &m->place)))
			return rc;
		m->place_rank = 1;
		m->place_sent = si;
	}
	return 0;
}

/* ---- signings and meetings framed by a verb ------------------------------- */

static const char *const sign_verbs[] = {"签订", "签署", "签约"};
static const char *const sign_objects[] = {"框架协议", "合作协议", "协议", "合同", "备忘录",
                                           "协定", "意向书", "合作书"};

/* Is e a party of a signing whose verb is at p in clause [cs, p): a person
 * or organisation there, or a place written as a party (深圳市与…). */
static int is_party(const evctx *x, const ent_ref *e, size_t si, size_t cs, size_t p)
{
	uint32_t nx;

	if (e->sent != si || e->ws < cs || e->we > p || ent_nested(x, e))
		return 0;
	if (e->type <= 1)
		return 1;
	nx = x->cp[e->we];
	return e->type == 2 && (nx == 0x4E0E /* 与 */ || nx == 0x548C /* 和 */ ||
	                        nx == 0x540C /* 同 */);
}

/* "A与B签署协议": the parties' labels joined by 与, the verb, the object. */
static char *signing_label(const evctx *x, size_t si, size_t cs, size_t p, size_t oe)
{
	size_t i, n = 0, cap = (oe - p) * 4 + 8, ve = p + 2;
	char *s;

	EACH_ENT(x, si, i)
		if (is_party(x, &x->ents[i], si, cs, p))
			cap += strlen(x->out->entities[x->ents[i].ent].label) + 4;
	if ((s = tekg_malloc(cap)) == NULL)
		return NULL;
	s[0] = '\0';
	EACH_ENT(x, si, i)
		if (is_party(x, &x->ents[i], si, cs, p)) {
			n += (size_t)snprintf(s + n, cap - n, "%s%s", n ? "与" : "",
			                      x->out->entities[x->ents[i].ent].label);
		}
	for (i = p; i < oe; i++) {
		if (i == ve && x->cp[i] == 0x4E86 /* 了 */)
			continue;
		n += tekg_utf8_encode(x->cp[i], s + n);
	}
	s[n] = '\0';
	return s;
}

/* A visit at 访问 (p) in clause [cs, ce): "A访问B" or "A对B进行(国事)访问",
 * A a person, B a place or organisation; not 接受…访问 (an interview).
 * 0 with the ent_ref indices in *sa, *sb, else -1. */
static int find_visit(const evctx *x, size_t si, size_t cs, size_t ce, size_t p, size_t *sa,
                      size_t *sb)
{
	size_t i, dui = NONE, from;

	*sa = *sb = NONE;
	if (find_in(x, cs, p, "接受") >= 0 || find_in(x, cs, p, "采访") >= 0)
		return -1;
	for (i = cs; i + 1 < p; i++)
		if (x->cp[i] == 0x5BF9 /* 对 */ && find_in(x, i, p, "进行") >= 0)
			dui = i;
	from = dui != NONE ? dui + 1 : p + 2;
	EACH_ENT(x, si, i) {
		const ent_ref *e = &x->ents[i];
		if (e->type == 0 && e->ws >= cs && e->we <= (dui != NONE ? dui : p) &&
		    (*sa == NONE || e->ws > x->ents[*sa].ws))
			*sa = i;
		if (e->type >= 1 && e->ws >= from && e->ws <= from + 1 && e->we <= ce &&
		    *sb == NONE && !ent_nested(x, e))
			*sb = i;
	}
	return *sa != NONE && *sb != NONE ? 0 : -1;
}

/* A mention for "A与B签订…协议" / "A会见B" in sentence si, or nothing. */
static int find_verb_events(evctx *x, size_t si)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t p, i, j, cs, ce;

	for (p = s->wstart; p < s->wend; p++) {
		int sign = -1, meet = 0;
		size_t ve = 0, subj = NONE, oe = 0, sa = NONE, sb = NONE;
		ev_mention *m;
		for (i = 0; i < COUNT(sign_verbs); i++)
			if (utf8_at(x, p, s->wend, sign_verbs[i]))
				sign = (int)i;
		if (sign < 0 && (utf8_at(x, p, s->wend, "会见") || utf8_at(x, p, s->wend, "会晤")))
			meet = 1;
		if (sign < 0 && !meet && utf8_at(x, p, s->wend, "访问"))
			meet = 2;
		if (sign < 0 && !meet && (utf8_at(x, p, s->wend, "会面") || utf8_at(x, p, s->wend, "会谈")))
			meet = 3; /* A与B会面, A同B举行会谈 */
		if (sign < 0 && !meet)
			continue;
		ve = p + 2;
		clause_of(x, si, p, &cs, &ce);
		if (meet == 2) {
			if (find_visit(x, si, cs, ce, p, &sa, &sb))
				continue;
			subj = x->ents[sa].ws;
			oe = ve;
			goto make;
		}
		if (meet == 3) { /* the first two persons of the clause, joined by 与/同/和 */
			EACH_ENT(x, si, i) {
				const ent_ref *e = &x->ents[i];
				if (e->type != 0 || e->ws < cs || e->we > p)
					continue;
				if (sa == NONE)
					sa = i;
				else if (sb == NONE && e->ws > x->ents[sa].we && e->ws <= x->ents[sa].we + 10 &&
				         (x->cp[x->ents[sa].we] == 0x4E0E || x->cp[x->ents[sa].we] == 0x540C ||
				          x->cp[x->ents[sa].we] == 0x548C))
					sb = i; /* A与(德国总理)B */
			}
			if (sa == NONE || sb == NONE)
				continue;
			subj = x->ents[sa].ws;
			oe = ve;
			goto make;
		}
		EACH_ENT(x, si, i) {
			const ent_ref *e = &x->ents[i];
			if (!is_party(x, e, si, cs, p))
				continue;
			if (meet && e->type == 0 && (sa == NONE || e->ws > x->ents[sa].ws))
				sa = i; /* 会见: the last person before the verb */
			if (subj == NONE || e->ws < subj)
				subj = e->ws;
		}
		if (meet)
			subj = sa == NONE ? NONE : x->ents[sa].ws;
		if (subj == NONE)
			continue;
		if (sign >= 0) {
			for (j = ve; j < ce && j < ve + 16 && !oe; j++)
				for (i = 0; i < COUNT(sign_objects); i++)
					if (utf8_at(x, j, ce, sign_objects[i])) {
						oe = j + u8len(sign_objects[i]);
						break;
					}
		} else {
			EACH_ENT(x, si, i) {
				const ent_ref *e = &x->ents[i];
				if (e->ws >= ve && e->ws <= ve + 16 && e->we <= ce &&
				    e->type == 0 && (oe == 0 || e->we < oe)) {
					oe = e->we; /* the first person after the verb */
					sb = i;
				}
			}
		}
		if (oe == 0)
			continue;
make:
		if ((m = new_mention(x)) == NULL)
			return TEKG_ENOMEM;
		m->sent = si;
		m->ns = m->dash = m->cs = subj;
		m->hs = p;
		m->he = m->te = oe;
		m->kind = sign >= 0 ? K_SIGNING : meet == 2 ? K_VISIT : K_MEETING;
		m->talk = meet == 3;
		m->named = 2; /* verb-framed: matched on the whole label only */
		m->side_a = sa == NONE ? NONE : x->ents[sa].ent;
		m->side_b = sb == NONE ? NONE : x->ents[sb].ent;
		m->framed = 1;
		if (sign >= 0 && (m->label = signing_label(x, si, cs, p, oe)) == NULL)
			return TEKG_ENOMEM;
		if (meet == 2 && x->ents[sb].type == 2) { /* a visit is held where it goes */
			m->place = x->ents[sb].ent;
			m->place_rank = 3;
			m->place_sent = si;
		}
		p = oe - 1;
	}
	return 0;
}

/* ---- coreference ------------------------------------------------------------ */

static int date_cmp(const char *a, const char *b)
{
	size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);

	return strncmp(a, b, n);
}

static int dates_overlap(const ev_mention *a, const ev_mention *b)
{
	if (a->date_rank < 2 || b->date_rank < 2)
		return 1;
	return !(date_cmp(a->end, b->start) < 0 || date_cmp(b->end, a->start) < 0);
}

static int ends_with(const char *s, const char *t)
{
	size_t n = strlen(s), k = strlen(t);

	return k <= n && !strcmp(s + n - k, t);
}

static int same_event(const evctx *x, const ev_mention *a, const ev_mention *b)
{
	const char *s = a->tail, *t = b->tail;
	size_t ha, hb;

	if ((a->named == 2) != (b->named == 2))
		return 0;
	if (a->named == 2)
		return a->kind == b->kind && !strcmp(s, t) && dates_overlap(a, b);
	ha = a->te - a->hs;
	hb = b->te - b->hs;
	if (ha != hb || memcmp(&x->cp[a->hs], &x->cp[b->hs], ha * sizeof(uint32_t)))
		return 0; /* another head */
	if (strlen(s) < strlen(t)) {
		const char *u = s;
		s = t;
		t = u;
	}
	if (strcmp(s, t) && !(ends_with(s, t) && tekg_utf8_count(t, strlen(t)) >= ha + 2))
		return 0;
	if (a->orde > a->ords && b->orde > b->ords &&
	    (a->orde - a->ords != b->orde - b->ords ||
	     memcmp(&x->cp[a->ords], &x->cp[b->ords], (a->orde - a->ords) * sizeof(uint32_t))))
		return 0; /* 第十七届 and 第十八届 of one forum */
	if (a->generic && b->generic && a->by != NONE && b->by != NONE && a->by != b->by)
		return 0; /* 甲公司举行新品发布会 / 乙公司举行新品发布会 */
	return dates_overlap(a, b);
}

static int kind_fits(int anaphor_kind, int kind)
{
	if (anaphor_kind == K_ANY)
		return 1;
	if (anaphor_kind == K_MEETING)
		return kind == K_MEETING || kind == K_SUMMIT || kind == K_FORUM;
	return anaphor_kind == kind;
}

/* Is the three-character name s (西博会) a short form of the full name f
 * (第二十届中国西部国际博览会) of the same kind?  Conservative: the last
 * characters agree (会/展), the first starts a part of f's core that is not
 * a common word (中国, 国际, 全国, 世界, 全球, 亚洲, 亚太), and the second
 * comes after it in f. */
static int short_form_of(const evctx *x, const ev_mention *s, const ev_mention *f)
{
	static const char *const common[] = {"中国", "国际", "全国", "世界", "全球", "亚洲", "亚太"};
	size_t p, q, i;

	if (f->named != 1 || f->kind != s->kind || f->te - f->cs < 5 ||
	    x->cp[f->te - 1] != x->cp[s->he - 1])
		return 0;
	for (p = f->cs; p + 1 < f->te; p++) {
		if (x->cp[p] != x->cp[s->ns])
			continue;
		for (i = 0; i < COUNT(common); i++)
			if ((p >= f->cs && utf8_at(x, p, f->te, common[i])) ||
			    (p > f->cs && utf8_at(x, p - 1, f->te, common[i])))
				break;
		if (i < COUNT(common))
			continue;
		for (q = p + 1; q + 1 < f->te; q++)
			if (x->cp[q] == x->cp[s->ns + 1])
				return 1;
	}
	return 0;
}

/* The one earlier event of the article that the short name m (西博会, 服贸会:
 * three characters ending in 会 or 展) abbreviates, or -1 (none, or more
 * than one could be meant). */
static int short_name_event(const evctx *x, const ev_mention *m)
{
	size_t j, r;
	int found = -1;

	if (m->named != 1 || m->quoted || m->he != m->ns + 3 || plain_len(x, m->ns, m->he) != 3 ||
	    (x->cp[m->he - 1] != 0x4F1A /* 会 */ && x->cp[m->he - 1] != 0x5C55 /* 展 */))
		return -1;
	for (j = 0; j < x->nc; j++)
		for (r = 0; r < x->c[j].nrep; r++) {
			const ev_mention *f = &x->m[x->c[j].rep[r]];
			if (f != m && short_form_of(x, m, f) && dates_overlap(m, f)) {
				if (found >= 0 && found != (int)j)
					return -1;
				found = (int)j;
				break;
			}
		}
	return found;
}

static int cluster_mentions(evctx *x)
{
	size_t i, j;

	x->c = tekg_calloc(x->nm + 1, sizeof *x->c);
	if (x->c == NULL)
		return TEKG_ENOMEM;
	for (i = 0; i < x->nm; i++) {
		ev_mention *m = &x->m[i];
		if (!m->named || m->dropped)
			continue;
		/* compare with each event's distinct mentions (linear in events) */
		for (j = 0; j < x->nc && m->cluster < 0; j++) {
			ev_cluster *c = &x->c[j];
			size_t r;
			for (r = 0; r < c->nrep; r++)
				if (same_event(x, m, &x->m[c->rep[r]]) ||
				    (x->m[c->rep[r]].abbr && !strcmp(x->m[c->rep[r]].abbr, m->tail))) {
					m->cluster = (int)j;
					m->shortform = x->m[c->rep[r]].shortform &&
					               !strcmp(x->m[c->rep[r]].tail, m->tail);
					break;
				}
		}
		if (m->cluster < 0 && (m->cluster = short_name_event(x, m)) >= 0)
			m->shortform = 1; /* kept out of the key: other papers write it in full */
		if (m->cluster >= 0) {
			ev_cluster *c = &x->c[m->cluster];
			size_t r;
			for (r = 0; r < c->nrep; r++) {
				const ev_mention *o = &x->m[c->rep[r]];
				if (!strcmp(o->tail, m->tail) && !strcmp(o->start, m->start) &&
				    !strcmp(o->end, m->end))
					break;
			}
			if (r == c->nrep && c->nrep < COUNT(c->rep))
				c->rep[c->nrep++] = (int)i;
		} else {
			ev_cluster *c = &x->c[x->nc];
			m->cluster = (int)x->nc++;
			c->best = c->date_m = c->place_m = -1;
			c->parent = -1;
			c->kind = m->kind;
			c->ent = NONE;
			c->place = NONE;
			c->first_sent = m->sent;
			c->rep[0] = (int)i;
			c->nrep = 1;
		}
		if (!m->shortform && (x->c[m->cluster].key_tail == NULL ||
		                      strlen(m->tail) < strlen(x->c[m->cluster].key_tail)))
			x->c[m->cluster].key_tail = m->tail;
		x->c[m->cluster].last_sent = m->sent;
		if (m->framed || m->date_rank >= 2 || m->quoted)
			x->c[m->cluster].keep = 1;
	}
	/* the event a kept ceremony belongs to (…大会开幕式) is kept too */
	for (i = 0; i < x->nm; i++) {
		const ev_mention *m = &x->m[i];
		if (m->outer >= 0 && m->cluster >= 0 && x->m[m->outer].cluster >= 0 &&
		    x->c[x->m[m->outer].cluster].keep)
			x->c[m->cluster].keep = 1;
	}
	/* a name that is never said to happen nor dated is a reference, not an
	 * event of this story (世界经济论坛公布…名单) */
	for (i = 0; i < x->nm; i++)
		if (x->m[i].cluster >= 0 && !x->c[x->m[i].cluster].keep)
			x->m[i].cluster = -1;
	/* anaphors: the latest event of a fitting kind, at most 4 sentences back */
	for (i = 0; i < x->nm; i++) {
		ev_mention *m = &x->m[i];
		int best = -1;
		size_t bs = 0;
		if (m->named || m->dropped)
			continue;
		for (j = x->mfirst[m->sent >= 4 ? m->sent - 4 : 0]; j < x->mfirst[m->sent + 1]; j++) {
			const ev_mention *o = &x->m[j];
			if (!o->named || o->cluster < 0 || o->sent > m->sent ||
			    (o->sent == m->sent && o->hs > m->hs) || m->sent - o->sent > 4)
				continue;
			if (!kind_fits(m->kind, o->kind))
				continue;
			if (best < 0 || o->sent >= bs) {
				best = o->cluster;
				bs = o->sent;
			}
		}
		m->cluster = best;
	}
	return 0;
}

/* Is a's date better than b's: higher rank, then finer, then a range. */
static int more_precise(const ev_mention *a, const ev_mention *b)
{
	if (a->date_rank != b->date_rank)
		return a->date_rank > b->date_rank;
	if (strlen(a->start) != strlen(b->start))
		return strlen(a->start) > strlen(b->start);
	return strcmp(a->start, a->end) != 0 && strcmp(b->start, b->end) == 0;
}

/* ---- a period framing a clause ---------------------------------------------- */

/* The events that an anaphor of `kind` at work char p of sentence si could
 * name: the kept named events of a fitting kind mentioned before it in the
 * article (not only the last four sentences, as for other anaphors: a
 * frame must name exactly one).  The number of distinct ones (counting
 * stops at 2); the first in *only. */
static int candidates(const evctx *x, size_t si, size_t p, int kind, int *only)
{
	size_t j;
	int n = 0, seen[2] = {-1, -1};

	for (j = 0; j < x->mfirst[si + 1] && n < 2; j++) {
		const ev_mention *o = &x->m[j];
		if (!o->named || o->cluster < 0 || (o->sent == si && o->hs >= p) ||
		    !kind_fits(kind, o->kind) || o->cluster == seen[0] || o->cluster == seen[1])
			continue;
		seen[n++] = o->cluster;
	}
	*only = seen[0];
	return n;
}

/* Does the clause [cs, ce) of sentence si frame what follows it in a period
 * of one event: 研讨会期间，/ 会议期间，/ 会上，/ 会后，/ 活动中，/
 * X研讨会期间， (after an optional 在 and 此次, 本次 …)?  1 with that event's
 * cluster in *ref and *after 1 for 会后 (after it, not inside it); 0 when
 * the clause is no such frame or the events it could name are not exactly
 * one. */
static int period_frame(const evctx *x, size_t si, size_t cs, size_t ce, int *ref, int *after)
{
	static const char *const demonstr[] = {"此次", "本次", "这次", "本届", "这场", "该"};
	const tekg_sentence *s = &x->a->sents[si];
	size_t p = cs, k, i;

	if (ce >= s->wend || (x->cp[ce] != 0xFF0C && x->cp[ce] != ','))
		return 0;
	if (utf8_at(x, p, ce, "在"))
		p++;
	for (i = 0; i < COUNT(demonstr); i++)
		if (utf8_at(x, p, ce, demonstr[i])) {
			p += u8len(demonstr[i]);
			break;
		}
	if (ce == p + 2 && (utf8_at(x, p, ce, "会上") || utf8_at(x, p, ce, "会后"))) {
		*after = x->cp[p + 1] == 0x540E; /* 后 */
		return candidates(x, si, p, K_MEETING, ref) == 1;
	}
	for (k = x->mfirst[si]; k < x->mfirst[si + 1]; k++) {
		const ev_mention *m = &x->m[k];
		int on = 0;
		if (m->ns != p || m->he >= ce || m->named >= 2 || m->dropped)
			continue;
		if (ce == m->he + 2 && utf8_at(x, m->he, ce, "期间"))
			on = 1;
		else if (ce == m->he + 1 && x->cp[m->he - 1] == 0x4F1A /* 会 */ &&
		         (x->cp[m->he] == 0x4E0A /* 上 */ || x->cp[m->he] == 0x540E /* 后 */))
			on = 1;
		else if (ce == m->he + 1 && x->cp[m->he] == 0x4E2D /* 中 */ && m->he >= m->hs + 2 &&
		         utf8_at(x, m->he - 2, m->he, "活动"))
			on = 1;
		if (!on)
			continue;
		*after = x->cp[ce - 1] == 0x540E; /* 后 */
		if (m->named) {
			*ref = m->cluster;
			return m->cluster >= 0;
		}
		return candidates(x, si, m->hs, m->kind, ref) == 1;
	}
	return 0;
}

/* 研讨会期间，甲与乙签署了…备忘录: an event named after such a frame in its
 * sentence that has no date of its own (none of its mentions is dated)
 * takes the referenced event's start and end (会后: its end day) and, for
 * 期间/会上/中, becomes part_of it, with the sentence as evidence.  The
 * dates rank like a year in a name (2): below any date written for the
 * mention.  Runs after clustering, before choose(). */
static void period_frames(evctx *x)
{
	size_t si, p, cs, ce, k, j;

	for (si = 0; si < x->a->n_sents; si++) {
		const tekg_sentence *s = &x->a->sents[si];
		for (p = s->wstart; p < s->wend; p = ce + 1) {
			const ev_mention *rd = NULL;
			int ref, after = 0, hops;
			clause_of(x, si, p, &cs, &ce);
			if (!period_frame(x, si, cs, ce, &ref, &after))
				continue;
			for (j = 0; j < x->nm; j++) /* the referenced event's date, as choose() picks it */
				if (x->m[j].named && x->m[j].cluster == ref && x->m[j].date_rank >= 2 &&
				    (rd == NULL || more_precise(&x->m[j], rd)))
					rd = &x->m[j];
			for (k = x->mfirst[si]; k < x->mfirst[si + 1]; k++) {
				ev_mention *m = &x->m[k];
				ev_cluster *c;
				int pc;
				if (!m->named || m->cluster < 0 || m->cluster == ref || m->hs <= ce ||
				    m->outer >= 0 || m->inner >= 0 || m->date_rank >= 2)
					continue;
				for (j = 0; j < x->nm; j++)
					if (x->m[j].cluster == m->cluster && x->m[j].date_rank >= 2)
						break;
				if (j < x->nm)
					continue; /* the event is dated elsewhere: its own date */
				c = &x->c[m->cluster];
				if (after) {
					if (rd && strlen(rd->end) == 10) {
						snprintf(m->start, sizeof m->start, "%s", rd->end);
						snprintf(m->end, sizeof m->end, "%s", rd->end);
						m->date_rank = 2;
					}
					continue;
				}
				if (rd) {
					snprintf(m->start, sizeof m->start, "%s", rd->start);
					snprintf(m->end, sizeof m->end, "%s", rd->end);
					m->date_rank = 2;
				}
				for (pc = ref, hops = 0; pc >= 0 && pc != m->cluster && hops < 8; hops++)
					pc = x->c[pc].parent;
				if (c->parent < 0 && pc != m->cluster) {
					c->parent = ref;
					c->part_sent = si;
				}
			}
		}
	}
}

/* ---- output ----------------------------------------------------------------- */

static void choose(evctx *x)
{
	size_t i, j;

	for (i = 0; i < x->nm; i++) {
		ev_mention *m = &x->m[i];
		ev_cluster *c;
		if (!m->named || m->cluster < 0)
			continue;
		c = &x->c[m->cluster];
		if (c->best < 0 || strlen(m->label) > strlen(x->m[c->best].label))
			c->best = (int)i;
		if (m->date_rank && (c->date_m < 0 || more_precise(m, &x->m[c->date_m])))
			c->date_m = (int)i;
		if (m->place_rank && (c->place_m < 0 || m->place_rank > x->m[c->place_m].place_rank))
			c->place_m = (int)i;
	}
	/* anaphors may give a place to an event that has none */
	for (i = 0; i < x->nm; i++) {
		ev_mention *m = &x->m[i];
		if (!m->named && m->cluster >= 0 && m->place_rank == 3 &&
		    x->c[m->cluster].place_m < 0)
			x->c[m->cluster].place_m = (int)i;
	}
	/* part_of: nested names, then a day inside a recent event's range */
	for (i = 0; i < x->nm; i++) {
		ev_mention *m = &x->m[i];
		if (m->inner >= 0 && m->cluster >= 0 && x->m[m->inner].cluster >= 0 &&
		    x->m[m->inner].cluster != m->cluster && x->c[m->cluster].parent < 0) {
			x->c[m->cluster].parent = x->m[m->inner].cluster;
			x->c[m->cluster].part_sent = m->sent;
		}
	}
	for (i = 0; i < x->nc; i++) {
		ev_cluster *c = &x->c[i];
		const ev_mention *d;
		if (c->parent >= 0 || c->date_m < 0)
			continue;
		d = &x->m[c->date_m];
		if (d->date_rank < 3 || strlen(d->start) != 10)
			continue;
		for (j = 0; j < x->nc; j++) {
			const ev_cluster *p = &x->c[j];
			const ev_mention *pd;
			if (j == i || p->date_m < 0 || p->first_sent >= c->first_sent ||
			    c->first_sent - p->last_sent > 3 || p->parent == (int)i)
				continue;
			pd = &x->m[p->date_m];
			if (!strcmp(pd->start, pd->end) || strlen(pd->start) != 10 ||
			    strcmp(d->start, pd->start) < 0 || strcmp(d->end, pd->end) > 0)
				continue;
			if (p->kind != K_MEETING && p->kind != K_SUMMIT && p->kind != K_EXHIBITION &&
			    p->kind != K_FESTIVAL)
				continue;
			c->parent = (int)j;
			c->part_sent = c->first_sent;
			break;
		}
	}
	/* an event without a place of its own inherits its parent's */
	for (i = 0; i < x->nc; i++) {
		ev_cluster *c = &x->c[i];
		int p = c->parent, hops = 0;
		if (c->place_m >= 0 && x->m[c->place_m].place_rank >= 2)
			continue;
		while (p >= 0 && hops++ < 4) {
			if (x->c[p].place_m >= 0 && x->m[x->c[p].place_m].place_rank >= 2) {
				c->place = x->m[x->c[p].place_m].place;
				c->place_sent = c->first_sent;
				break;
			}
			p = x->c[p].parent;
		}
	}
}

static int date_node(evctx *x, const char *start, const char *end, size_t *idx)
{
	char value[32], key[48];

	if (!strcmp(start, end))
		snprintf(value, sizeof value, "%s", start);
	else
		snprintf(value, sizeof value, "%s/%s", start, end);
	snprintf(key, sizeof key, "date:%s", value);
	if (tekg_extraction_entity(x->out, "date", value, key, idx) ||
	    tekg_extraction_set(x->out, *idx, "value", value))
		return TEKG_ENOMEM;
	return 0;
}

static const char *cluster_tail(const evctx *x, const ev_cluster *c)
{
	return c->key_tail ? c->key_tail : x->m[c->best].tail;
}

static const char *cluster_year(const evctx *x, const ev_cluster *c)
{
	return c->date_m >= 0 ? x->m[c->date_m].start : x->doc_year;
}

/* Mark the kept events of the article that would share a key (one
 * description, 新品发布会, held by two companies or on two days): their keys
 * then carry the organiser, else the full date.  Only then: the plain key
 * is what other articles reporting the event produce.  O(events^2). */
static void mark_clashes(evctx *x)
{
	size_t i, j;

	for (i = 0; i < x->nc; i++)
		for (j = i + 1; j < x->nc; j++) {
			ev_cluster *a = &x->c[i], *b = &x->c[j];
			if (!a->keep || !b->keep || a->best < 0 || b->best < 0 ||
			    strcmp(cluster_tail(x, a), cluster_tail(x, b)) ||
			    strncmp(cluster_year(x, a), cluster_year(x, b), 4))
				continue;
			a->clash = b->clash = 1;
		}
}

static int emit_events(evctx *x)
{
	size_t i, n, idx, klen;
	const char *by;
	char *key = NULL;
	int rc = TEKG_ENOMEM;

	for (i = 0; i < x->nc; i++) {
		ev_cluster *c = &x->c[i];
		const ev_mention *b, *d = c->date_m >= 0 ? &x->m[c->date_m] : NULL;
		const char *tail;
		if (!c->keep || c->best < 0)
			continue;
		b = &x->m[c->best];
		/* the shortest core of the cluster is the most portable key */
		tail = cluster_tail(x, c);
		by = c->clash && b->generic && b->by != NONE ? x->out->entities[b->by].label : "";
		klen = strlen(tail) + strlen(by) + 40;
		if ((key = tekg_malloc(klen)) == NULL)
			goto cleanup;
		n = (size_t)snprintf(key, klen, "event:%s%s%s", by, *by ? "/" : "", tail);
		if (cluster_year(x, c)[0])
			n += (size_t)snprintf(key + n, klen - n, "@%.4s", cluster_year(x, c));
		if (c->clash && !*by && d) /* told apart by the full date */
			snprintf(key + n, klen - n, "@%s", d->start);
		if (tekg_extraction_entity(x->out, "event", b->label, key, &idx) ||
		    tekg_extraction_set(x->out, idx, "kind", kind_names[c->kind]))
			goto cleanup;
		if (d && (tekg_extraction_set(x->out, idx, "start", d->start) ||
		          tekg_extraction_set(x->out, idx, "end", d->end)))
			goto cleanup;
		c->ent = idx;
		tekg_free(key);
		key = NULL;
	}
	for (i = 0; i < x->nm; i++) {
		const ev_mention *m = &x->m[i];
		if (m->cluster < 0)
			continue;
		idx = x->c[m->cluster].ent;
		if (m->named && m->abbr && tekg_extraction_alias(x->out, idx, m->abbr))
			goto cleanup;
		if ((m->named && ((m->named != 3 && tekg_extraction_alias(x->out, idx, m->surface)) ||
		                  tekg_extraction_alias(x->out, idx, m->label))) ||
		    tekg_extraction_mention(x->out, idx, m->sent, m->os, m->oe, m->surface,
		                            m->label))
			goto cleanup;
	}
	for (i = 0; i < x->nc; i++) {
		const ev_cluster *c = &x->c[i];
		const ev_mention *d = c->date_m >= 0 ? &x->m[c->date_m] : NULL;
		const ev_mention *pl = c->place_m >= 0 ? &x->m[c->place_m] : NULL;
		size_t didx;
		if (c->ent == NONE)
			continue;
		if (pl && tekg_extraction_edge(x->out, "held_in", c->ent, pl->place, pl->place_sent,
		                               NULL, NULL, 1))
			goto cleanup;
		if (!pl && c->place != NONE &&
		    tekg_extraction_edge(x->out, "held_in", c->ent, c->place, c->place_sent, NULL,
		                         NULL, 1))
			goto cleanup;
		if (d && d->date_rank >= 2 &&
		    (date_node(x, d->start, d->end, &didx) ||
		     tekg_extraction_edge(x->out, "held_on", c->ent, didx, d->sent, NULL, NULL, 1)))
			goto cleanup;
		if (c->parent >= 0 && x->c[c->parent].ent != NONE &&
		    tekg_extraction_edge(x->out, "part_of", c->ent, x->c[c->parent].ent,
		                         c->part_sent, NULL, NULL, 1))
			goto cleanup;
	}
	rc = 0;
cleanup:
	tekg_free(key);
	return rc;
}

/* Add a participant / organizer edge unless the same one is there. */
static int add_edge(evctx *x, const char *type, size_t src, size_t dst, size_t si,
                    const char *role)
{
	size_t i;

	for (i = x->first_edge; i < x->out->n_edges; i++) {
		const tekg_x_edge *e = &x->out->edges[i];
		if (e->src == src && e->dst == dst && !strcmp(e->type, type) &&
		    ((role == NULL && e->role == NULL) || (role && e->role && !strcmp(role, e->role))))
			return 0;
	}
	return tekg_extraction_edge(x->out, type, src, dst, si, role, NULL, 1);
}

/* ---- participants and organisers --------------------------------------------- */

/* The event a word at w of sentence si is about: a mention in its clause
 * after w, else before it in the clause, else the latest mention of the
 * sentence before w, else the latest of the two sentences before.  -1. */
static int event_for(const evctx *x, size_t si, size_t w, int verb_events)
{
	size_t cs, ce, i;
	int after = -1, before = -1, sent_before = -1, back = -1;
	size_t back_sent = 0;

	clause_of(x, si, w, &cs, &ce);
	for (i = x->mfirst[si >= 2 ? si - 2 : 0]; i < x->mfirst[si + 1]; i++) {
		const ev_mention *m = &x->m[i];
		if (m->cluster < 0 || (m->named == 2 && !verb_events))
			continue;
		if (m->sent == si) {
			int c = m->outer >= 0 && x->m[m->outer].cluster >= 0 ? x->m[m->outer].cluster
			                                                     : m->cluster;
			if (m->hs >= w && m->hs < ce && after < 0)
				after = c;
			else if (m->he <= w && m->hs >= cs)
				before = c;
			else if (m->he <= w)
				sent_before = c;
		} else if (m->sent < si && si - m->sent <= 2 && m->sent >= back_sent) {
			back = m->cluster;
			back_sent = m->sent;
		}
	}
	return after >= 0 ? after : before >= 0 ? before : sent_before >= 0 ? sent_before : back;
}

static int add_participants(evctx *x, size_t si)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t p, i, k;

	for (p = s->wstart; p < s->wend; p++) {
		const char *role = NULL;
		size_t vl = 0, cs, ce, subj = NONE;
		int ev, interview = 0;
		for (i = 0; i < COUNT(role_verbs); i++)
			if (u8len(role_verbs[i].verb) > vl && utf8_at(x, p, s->wend, role_verbs[i].verb)) {
				role = role_verbs[i].role;
				vl = u8len(role_verbs[i].verb);
			}
		if (role == NULL && utf8_at(x, p, s->wend, "接受")) {
			clause_of(x, si, p, &cs, &ce);
			if (find_in(x, p, ce < p + 20 ? ce : p + 20, "采访") >= 0 ||
			    find_in(x, p, ce < p + 20 ? ce : p + 20, "访问") >= 0) {
				role = "接受采访";
				vl = 2;
				interview = 1;
			}
		}
		if (role == NULL)
			continue;
		for (i = x->mfirst[si]; i < x->mfirst[si + 1]; i++) /* inside a name: no role */
			if (p >= x->m[i].ns && p < x->m[i].he)
				break;
		if (i < x->mfirst[si + 1]) {
			p += vl - 1;
			continue;
		}
		clause_of(x, si, p, &cs, &ce);
		ev = event_for(x, si, p, !strcmp(role, "会见") || !strcmp(role, "会谈"));
		if (ev >= 0 && interview && x->c[ev].last_sent < si && x->c[ev].first_sent != si)
			ev = -1; /* an interview is about the story unless the event is named here */
		if (ev < 0 || x->c[ev].ent == NONE) {
			p += vl - 1;
			continue;
		}
		EACH_ENT(x, si, i) { /* the last person before the verb */
			const ent_ref *e = &x->ents[i];
			if (e->type == 0 && e->ws >= cs && e->we <= p &&
			    (subj == NONE || e->ws > x->ents[subj].ws))
				subj = i;
		}
		if (subj != NONE) {
			if (add_edge(x, "participant", x->ents[subj].ent, x->c[ev].ent, si, role))
				return TEKG_ENOMEM;
		} else if (!interview) { /* organisations speaking or attending as such */
			EACH_ENT(x, si, k) {
				const ent_ref *e = &x->ents[k];
				uint32_t nx = x->cp[e->we];
				if (e->type != 1 || e->ws < cs || e->we > p)
					continue;
				/* ORG、ORG等…, ORG代表, ORG出席: the organisation itself, not
				 * a post in it (外交部国际经济司司长) */
				if (!(e->we == p || nx == 0x3001 || nx == 0x7B49 || nx == 0x548C ||
				      nx == 0x4E0E || utf8_at(x, e->we, p, "代表")))
					continue;
				if (add_edge(x, "participant", e->ent, x->c[ev].ent, si, role))
					return TEKG_ENOMEM;
			}
		}
		if (!strcmp(role, "会见") || !strcmp(role, "会谈")) { /* the other side too */
			EACH_ENT(x, si, k) {
				const ent_ref *e = &x->ents[k];
				if (e->type <= 1 && e->ws >= p + vl && e->we <= ce &&
				    add_edge(x, "participant", e->ent, x->c[ev].ent, si, role))
					return TEKG_ENOMEM;
			}
		}
		p += vl - 1;
	}
	return 0;
}

/* The parties of verb-framed events: for a signing every person or
 * organisation named before the verb in its span, for 会见 its two sides. */
static int add_parties(evctx *x)
{
	size_t i, k;

	for (i = 0; i < x->nm; i++) {
		const ev_mention *m = &x->m[i];
		if (m->named == 3 && m->cluster >= 0 && m->org != NONE && m->kind == K_SIGNING) {
			if (add_edge(x, "participant", m->org, x->c[m->cluster].ent, m->sent, "签约") ||
			    (m->side_b != NONE && add_edge(x, "participant", m->side_b,
			                                   x->c[m->cluster].ent, m->sent, "签约")))
				return TEKG_ENOMEM;
			continue;
		}
		if (m->named == 3 && m->cluster >= 0 && m->org != NONE &&
		    add_edge(x, "organizer", m->org, x->c[m->cluster].ent, m->sent, NULL))
			return TEKG_ENOMEM;
		if (m->named == 1 && m->kind == K_SIGNING && m->inner < 0 && m->cluster >= 0) {
			EACH_ENT(x, m->sent, k) { /* 甲与乙签约仪式: the parties in its name */
				const ent_ref *e = &x->ents[k];
				if (e->type <= 1 && e->ws >= m->ns && e->we <= m->hs && !ent_nested(x, e) &&
				    add_edge(x, "participant", e->ent, x->c[m->cluster].ent, m->sent, "签约"))
					return TEKG_ENOMEM;
			}
			continue;
		}
		if (m->named != 2 || m->cluster < 0)
			continue;
		if (m->kind == K_VISIT) { /* the visitor */
			if (m->side_a != NONE &&
			    add_edge(x, "participant", m->side_a, x->c[m->cluster].ent, m->sent, "访问"))
				return TEKG_ENOMEM;
			continue;
		}
		if (m->kind != K_SIGNING) { /* 会见 / 会谈: its two sides */
			const char *role = m->talk ? "会谈" : "会见";
			if ((m->side_a != NONE &&
			     add_edge(x, "participant", m->side_a, x->c[m->cluster].ent, m->sent, role)) ||
			    (m->side_b != NONE &&
			     add_edge(x, "participant", m->side_b, x->c[m->cluster].ent, m->sent, role)))
				return TEKG_ENOMEM;
			continue;
		}
		EACH_ENT(x, m->sent, k) {
			const ent_ref *e = &x->ents[k];
			if (is_party(x, e, m->sent, m->ns, m->hs) &&
			    add_edge(x, "participant", e->ent, x->c[m->cluster].ent, m->sent, "签约"))
				return TEKG_ENOMEM;
		}
	}
	return 0;
}

static int add_organizers(evctx *x, size_t si)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t p, i, k, vl, cs, ce;

	for (p = s->wstart; p < s->wend; p++) {
		size_t from = NONE;
		int ev = -1, object = 0;
		for (i = 0, vl = 0; i < COUNT(organize_verbs); i++)
			if (utf8_at(x, p, s->wend, organize_verbs[i])) {
				vl = u8len(organize_verbs[i]);
				break;
			}
		if (vl == 0)
			continue;
		clause_of(x, si, p, &cs, &ce);
		for (k = p; k > cs; k--)
			if (x->cp[k - 1] == 0x7531 /* 由 */) {
				from = k;
				break;
			}
		/* the event: named right after the verb (举办的“…研讨会”), else the clause's */
		for (i = x->mfirst[si]; i < x->mfirst[si + 1]; i++)
			if (x->m[i].cluster >= 0 && x->m[i].ns >= p + vl &&
			    x->m[i].ns <= p + vl + 3) {
				ev = x->m[i].outer >= 0 && x->m[x->m[i].outer].cluster >= 0
				             ? x->m[x->m[i].outer].cluster
				             : x->m[i].cluster;
				/* X主办(了)Y with Y a name: X is the clause's subject */
				object = x->m[i].named &&
				         (x->m[i].ns == p + vl ||
				          (x->m[i].ns == p + vl + 1 && x->cp[p + vl] == 0x4E86 /* 了 */));
				break;
			}
		/* 由X主办, or "…，X承办": the event of the sentence; X举办 needs its object */
		if (ev < 0 && (from != NONE || !(utf8_at(x, p, s->wend, "举办") ||
		                                 utf8_at(x, p, s->wend, "召开"))))
			ev = event_for(x, si, p, 0);
		if (ev < 0 || x->c[ev].ent == NONE) {
			p += vl - 1;
			continue;
		}
		EACH_ENT(x, si, k) {
			const ent_ref *e = &x->ents[k];
			uint32_t pc = e->ws > s->wstart ? x->cp[e->ws - 1] : 0;
			if (e->type != 1 || e->we > p || ent_nested(x, e))
				continue;
			/* 由X主办; X主办(了)Y: X the subject of the clause, not a venue
			 * (在X); else X right before the verb */
			if (from != NONE ? e->ws < from
			    : object ? (e->ws < cs || pc == 0x5728 /* 在 */ || pc == 0x4E8E /* 于 */ ||
			                pc == 0x5230 /* 到 */ || pc == 0x8D74 /* 赴 */)
			             : (e->we + 1 < p || e->ws < cs))
				continue;
			if (add_edge(x, "organizer", e->ent, x->c[ev].ent, si, NULL))
				return TEKG_ENOMEM;
		}
		p += vl - 1;
	}
	return 0;
}

/* ---- driver ------------------------------------------------------------------ */

static int build_tokat(evctx *x, size_t si)
{
	const tekg_sentence *s = &x->a->sents[si];
	size_t n = s->wend - s->wstart, k, c;

	if (n > x->ntokat) {
		int *t = tekg_realloc(x->tokat, (n + 1) * sizeof *t);
		if (t == NULL)
			return TEKG_ENOMEM;
		x->tokat = t;
		x->ntokat = n;
	}
	for (c = 0; c < n; c++)
		x->tokat[c] = -1;
	for (k = 0; k < x->tags[si].n; k++) {
		const tekg_token *t = &x->tags[si].tokens[k];
		for (c = t->start; c < t->end && c < n; c++)
			x->tokat[c] = (int)k;
	}
	return 0;
}

/* A core made of common words only (新品发布会, 专题研讨会): no proper
 * name, place, number, acronym or quote in it.  Such a description names
 * different events for different organisers: m->by is the organisation
 * last named before it in its clause (甲公司在深圳举行新品发布会). */
static void generic_core(const evctx *x, size_t si, ev_mention *m)
{
	static const char *const common[] = {"n", "vn", "an", "a", "v", "c", NULL};
	const tekg_sentence *s = &x->a->sents[si];
	size_t w, cs, ce, i;

	if (m->named != 1 || m->quoted || m->inner >= 0 || m->cs >= m->hs)
		return;
	for (w = m->cs; w < m->hs;) {
		const tekg_token *t = token_at(x, si, w);
		if (t == NULL || !tok_is(t, common) || is_latin(x->cp[w]) ||
		    ent_covering(x, si, w, 1) || ent_covering(x, si, w, 2))
			return;
		w = s->wstart + t->end;
	}
	m->generic = 1;
	clause_of(x, si, m->hs, &cs, &ce);
	EACH_ENT(x, si, i) {
		const ent_ref *e = &x->ents[i];
		if (e->type == 1 && e->ws >= cs && e->we <= m->ns && !ent_nested(x, e))
			m->by = e->ent;
	}
}

/* 展期至5月29日, 会期至…, 持续至…: the end of the event named last before
 * it in sentence si (mentions [first, nm)), or of the last one of the
 * sentence before when it opens the sentence.  Only a later date of the
 * same precision is taken. */
static void period_end(evctx *x, size_t si, size_t first)
{
	static const char *const words[] = {"展期至", "展期到", "会期至", "会期到", "持续至",
	                                    "持续到", "展至", "展出至", "展出到"};
	const tekg_sentence *s = &x->a->sents[si];
	size_t p, i, j, k, n;

	for (p = s->wstart; p < s->wend; p++)
		for (i = 0; i < COUNT(words); i++) {
			ev_mention *m = NULL;
			if (!utf8_at(x, p, s->wend, words[i]))
				continue;
			n = p + u8len(words[i]);
			for (k = 0; k < x->ntx && x->tx[k].start != n; k++)
				;
			for (j = first; j < x->nm; j++)
				if (x->m[j].named == 1 && x->m[j].he <= p)
					m = &x->m[j];
			for (j = first; m == NULL && j-- > 0 && x->m[j].sent + 1 >= si;)
				if (x->m[j].named == 1 && x->m[j].sent + 1 == si)
					m = &x->m[j];
			if (k == x->ntx || m == NULL || m->date_rank < 3 ||
			    strlen(x->tx[k].iso_end) != strlen(m->start) ||
			    strcmp(x->tx[k].iso_end, m->start) <= 0)
				break;
			snprintf(m->end, sizeof m->end, "%s", x->tx[k].iso_end);
			break;
		}
}

static int finish_mention(evctx *x, ev_mention *m)
{
	size_t ls = m->dash > m->ns ? m->dash : m->ns;

	if (m->year_is_date && m->ys >= ls && m->ys < m->ye)
		ls = m->ye;
	if (m->label) {
		; /* made with the mention (signings) */
	} else if (m->named == 3) {
		const char *ol = x->out->entities[m->org].label;
		const char *ob = m->side_b != NONE ? x->out->entities[m->side_b].label : "";
		char *head = xart_work_text(x->xa, m->hs, m->te);
		size_t n = strlen(ol) + strlen(ob) + (head ? strlen(head) : 0) + 8;
		if (head && (m->label = tekg_malloc(n)) != NULL)
			snprintf(m->label, n, "%s%s%s%s", ol, *ob ? "与" : "", ob, head);
		tekg_free(head);
	} else if (m->named == 2 && m->side_a != NONE && m->side_b != NONE) {
		const char *la = x->out->entities[m->side_a].label;
		const char *lb = x->out->entities[m->side_b].label;
		size_t n = strlen(la) + strlen(lb) + 8;
		if (m->talk && (m->label = tekg_malloc(n + 8)) != NULL)
			snprintf(m->label, n + 8, "%s与%s会谈", la, lb);
		else if (!m->talk && (m->label = tekg_malloc(n)) != NULL)
			snprintf(m->label, n, "%s%s%s", la, m->kind == K_VISIT ? "访问" : "会见", lb);
	} else if (m->named == 2)
		m->label = xart_work_text(x->xa, m->ns, m->he);
	else
		m->label = plain_text(x, ls, m->he);
	m->tail = m->named >= 2 ? tekg_strdup(m->label ? m->label : "")
	                        : plain_text(x, m->cs, m->te);
	xart_orig_span(x->xa, m->ns, m->he, &m->os, &m->oe);
	m->surface = xart_orig_text(x->xa, m->os, m->oe);
	return m->label && m->tail && m->surface ? 0 : TEKG_ENOMEM;
}

static int run(evctx *x)
{
	const tekg_article *a = x->a;
	size_t si, i, n = a->work_chars, bp = 0, ntx = 0;
	tekg_timex *all = NULL;
	tekg_error terr;
	int rc;

	x->cp = tekg_malloc((n + 1) * sizeof *x->cp);
	if (x->cp == NULL)
		return TEKG_ENOMEM;
	for (i = 0; i < n && bp < a->work_len; i++)
	{
		size_t k = tekg_utf8_decode(a->work + bp, a->work_len - bp, &x->cp[i]);
		bp += k ? k : 1;
	}
	for (; i <= n; i++)
		x->cp[i] = 0;
	memset(&terr, 0, sizeof terr);
	rc = tekg_time_find(a->work, a->work_len, x->xa->doc_date && *x->xa->doc_date
	                                                  ? x->xa->doc_date : NULL,
	                    &all, &ntx, &terr);
	tekg_error_clear(&terr);
	if (rc == TEKG_ENOMEM)
		return rc;
	if (rc)
		ntx = 0;
	/* keep the usable ones (the dropped ones stay out of every rule) */
	x->tx = all;
	for (i = 0; i < ntx; i++)
		if (time_usable(x, &all[i]))
			all[x->ntx++] = all[i];
	if ((rc = collect_entities(x)))
		return rc;
	x->last_lead = x->ntx;
	for (si = 0; si < a->n_sents; si++) {
		size_t first = x->nm, lead;
		if ((rc = build_tokat(x, si)) || (rc = find_mentions(x, si)) ||
		    (rc = find_verb_events(x, si)))
			return rc;
		lead = topic_time(x, si, a->sents[si].wend);
		for (i = first; i < x->nm; i++) {
			ev_mention *m = &x->m[i];
			size_t cs, ce;
			mention_clause(x, si, m, &cs, &ce);
			if (m->named != 2)
				m->framed = m->outer < 0 && framed_in(x, cs, ce, m);
			mention_date(x, si, m);
			if ((rc = mention_place(x, si, m)))
				return rc;
			generic_core(x, si, m);
			if ((rc = finish_mention(x, m)))
				return rc;
		}
		period_end(x, si, first);
		/* the story's day: the sentence's topic time (5月20日，…), or the
		 * date after an event's name (X20日在宁波开幕); not a date that
		 * modifies a name (5月8日举行的筹备会议 looks back) */
		if (lead < x->ntx && strlen(x->tx[lead].iso_start) == 10 &&
		    !same_day_word(x, x->tx[lead].start)) {
			memcpy(x->narr_start, x->tx[lead].iso_start, sizeof x->narr_start);
			memcpy(x->narr_end, x->tx[lead].iso_start, sizeof x->narr_end);
		}
		for (i = first; i < x->nm; i++)
			if (x->m[i].date_after && strlen(x->m[i].start) == 10) {
				memcpy(x->narr_start, x->m[i].start, sizeof x->narr_start);
				memcpy(x->narr_end, x->m[i].start, sizeof x->narr_end);
			}
		if (lead < x->ntx)
			x->last_lead = lead;
	}
	x->mfirst = tekg_calloc(a->n_sents + 2, sizeof *x->mfirst);
	if (x->mfirst == NULL)
		return TEKG_ENOMEM;
	for (i = 0, si = 0; si <= a->n_sents; si++) {
		while (i < x->nm && x->m[i].sent < si)
			i++;
		x->mfirst[si] = i;
	}
	x->mfirst[a->n_sents + 1] = x->nm;
	if ((rc = cluster_mentions(x)))
		return rc;
	period_frames(x);
	choose(x);
	mark_clashes(x);
	if ((rc = emit_events(x)) || (rc = add_parties(x)))
		return rc;
	for (si = 0; si < a->n_sents; si++)
		if ((rc = build_tokat(x, si)) || (rc = add_participants(x, si)) ||
		    (rc = add_organizers(x, si)))
			return rc;
	return 0;
}

int extract_events(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                   tekg_error *err)
{
	evctx x;
	size_t i;
	int rc;

	memset(&x, 0, sizeof x);
	x.xa = xa;
	x.a = xa->a;
	x.tags = tags;
	x.out = out;
	x.first_edge = out->n_edges;
	if (xa->doc_date && strlen(xa->doc_date) >= 4)
		memcpy(x.doc_year, xa->doc_date, 4);
	if (tags == NULL || xa->a->n_sents == 0)
		return 0;
	rc = run(&x);
	for (i = 0; i < x.nm; i++) {
		tekg_free(x.m[i].tail);
		tekg_free(x.m[i].label);
		tekg_free(x.m[i].surface);
		tekg_free(x.m[i].abbr);
	}
	tekg_free(x.m);
	tekg_free(x.c);
	tekg_free(x.cp);
	tekg_free(x.tx);
	tekg_free(x.ents);
	tekg_free(x.tokat);
	tekg_free(x.efirst);
	tekg_free(x.mfirst);
	if (rc)
		return tekg_error_set(err, rc, "out of memory");
	return 0;
}
