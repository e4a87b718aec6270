/*
 * paras.c - lines -> paragraphs, paragraph kinds and layout joins.
 *
 * Every non-blank line is a paragraph (trimmed of spaces, U+3000, NBSP).
 * Kinds are decided from a window of the first / last TX_WIN chars, so a
 * 50 MB line costs one pass over its bytes.  See docs/text.md for the
 * rules in prose.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <string.h>

/* ---- markup residue ---------------------------------------------------- */

static int is_tagname(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t tx_residue_at(const char *s, size_t len, size_t i, uint32_t *repl)
{
	size_t j;

	*repl = 0;
	if (s[i] == '!' && i + 1 < len && s[i + 1] == '[') {
		/* ![alt](url) */
		j = i + 2;
		while (j < len && s[j] != ']' && s[j] != '\n' && j - i < 512)
			j++;
		if (j + 1 < len && s[j] == ']' && s[j + 1] == '(') {
			j += 2;
			while (j < len && s[j] != ')' && s[j] != '\n' && j - i < 2048)
				j++;
			if (j < len && s[j] == ')')
				return j + 1 - i;
		}
		return 0;
	}
	if (s[i] == '[' && i + 1 < len && s[i + 1] == ']' && i + 2 < len && s[i + 2] == '(') {
		/* [](url) */
		j = i + 3;
		while (j < len && s[j] != ')' && s[j] != '\n' && j - i < 2048)
			j++;
		if (j < len && s[j] == ')')
			return j + 1 - i;
		return 0;
	}
	if (s[i] == '<' && i + 1 < len && (is_tagname(s[i + 1]) || (s[i + 1] == '/' && i + 2 < len && is_tagname(s[i + 2])))) {
		/* <br>, <p class="x">, </p>, <img src=...> */
		j = i + 1;
		while (j < len && s[j] != '>' && s[j] != '<' && s[j] != '\n' && j - i < 512)
			j++;
		if (j < len && s[j] == '>')
			return j + 1 - i;
		return 0;
	}
	if (s[i] == '&') {
		static const struct { const char *e; uint32_t r; } ents[] = {
			{"&nbsp;", ' '}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
			{"&quot;", '"'}, {"&#39;", '\''}, {"&ensp;", ' '}, {"&emsp;", ' '}, {NULL, 0}};
		size_t k;

		for (k = 0; ents[k].e; k++) {
			size_t el = strlen(ents[k].e);

			if (len - i >= el && memcmp(s + i, ents[k].e, el) == 0) {
				*repl = ents[k].r;
				return el;
			}
		}
	}
	return 0;
}

/* Nothing but residue and spaces? */
static int only_residue(const char *s, size_t len)
{
	size_t i = 0, seen = 0;

	while (i < len) {
		uint32_t r;
		size_t k = tx_residue_at(s, len, i, &r);

		if (k) {
			if (r && r != ' ')
				return 0;
			seen = 1;
			i += k;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else
			return 0;
	}
	return seen;
}

/* ---- small matchers on a window --------------------------------------- */

static int any_of(const tx_win *w, size_t at, const char *const *lits)
{
	size_t k;

	for (k = 0; lits[k]; k++)
		if (tx_match(w->f, w->n, at, lits[k]))
			return 1;
	return 0;
}

static int contains_any(const tx_win *w, const char *const *lits)
{
	size_t k;

	for (k = 0; lits[k]; k++)
		if (tx_find(w->f, w->n, 0, lits[k]) != (size_t)-1)
			return 1;
	return 0;
}

static int is_cn_digit(uint32_t f)
{
	return (f >= '0' && f <= '9') || f == 0x4E00 || f == 0x4E8C || f == 0x4E09 ||
	       f == 0x56DB || f == 0x4E94 || f == 0x516D || f == 0x4E03 || f == 0x516B ||
	       f == 0x4E5D || f == 0x5341;
}

static int is_furniture(const tx_win *w)
{
	static const char *labels[] = {"责任编辑", "责编", "版式设计", "版面设计", "版式", "美编",
	                               "校对", "本版编辑", "图片编辑", "编辑", "制图", "版次", NULL};
	size_t i = 0;

	if (!w->whole || w->n > 40)
		return 0;
	if (w->f[i] == 0x7B2C) /* 第 */
		i++;
	while (i < w->n && is_cn_digit(w->f[i]) && i < 4)
		i++;
	if (i > 0 && i < w->n && w->f[i] == 0x7248) /* 版 */
		i++;
	else if (i > 0 && w->f[0] != 0x7B2C)
		i = 0;
	if (!any_of(w, i, labels))
		return 0;
	return tx_find(w->f, w->n, i, ":") != (size_t)-1;
}

/* Is the whole window "(...)" around a credit? */
static int paren_credit(const tx_win *w)
{
	if (!w->whole || w->n < 4 || w->f[0] != '(' || w->f[w->n - 1] != ')')
		return 0;
	return tx_is_credit_text(w, 1, w->n - 1);
}

static int ends_with(const tx_win *w, const char *lit)
{
	size_t ll = tekg_utf8_count(lit, strlen(lit));

	return w->n >= ll && tx_match(w->f, w->n, w->n - ll, lit) == ll;
}

/* 主办方供图 / 新华社记者 X 摄 / 主办方供图（新华社发） */
static int photo_credit(const tx_win *w)
{
	size_t b = w->n;
	tx_credit c[4];
	size_t n, k;

	if (!w->whole || w->n > 40)
		return 0;
	if (b >= 4 && w->f[b - 1] == ')' && w->f[b - 2] == 0x53D1) { /* (X发) */
		size_t j = b - 2;

		while (j > 0 && w->f[j] != '(')
			j--;
		if (w->f[j] != '(')
			return 0;
		b = j;
		if (b == 0)
			return 1; /* （新华社发） alone */
	}
	n = tx_parse_credits(w, 0, b, c, 4);
	for (k = 0; k < n; k++)
		if (strcmp(c[k].role, "摄影") == 0 || strcmp(c[k].role, "供图") == 0)
			return 1;
	return 0;
}

int tx_para_headlike(const char *base, const tx_para *p)
{
	tx_win w;
	size_t i, commas = 0;
	uint32_t last;

	if (p->c1 - p->c0 > 50 || (p->flags & PF_JOIN))
		return 0;
	tx_win_head(&w, base + p->b0, p->b1 - p->b0);
	if (w.n == 0)
		return 0;
	for (i = 0; i < w.n; i++) {
		uint32_t f = w.f[i];

		if (f == 0x3002 || f == '?')
			return 0;
		if (f == ',' || f == ';')
			commas++;
	}
	last = w.f[w.n - 1];
	if (last == ',' || last == ';' || last == ':' || last == 0x3001 || last == '.' ||
	    last == 0x2026)
		return 0;
	if ((last == '!') && commas)
		return 0;
	return 1;
}

int tx_para_lead_date(const char *base, const tx_para *p)
{
	static const char *rel[] = {"近日", "日前", "昨天", "今天", "昨日", "今日", "近期", "本周", NULL};
	tx_win w;
	size_t i = 0, x;
	static const char *tod[] = {"上午", "下午", "晚间", "晚上", "凌晨", "早上", "中午", "晚", NULL};

	tx_win_head(&w, base + p->b0, p->b1 - p->b0);
	if (any_of(&w, 0, rel)) {
		i = 2;
	} else {
		x = 0;
		while (i < w.n && w.f[i] >= '0' && w.f[i] <= '9' && x < 2) {
			i++;
			x++;
		}
		if (!x || i >= w.n)
			return 0;
		if (w.f[i] == 0x6708) { /* 月 */
			i++;
			x = 0;
			while (i < w.n && w.f[i] >= '0' && w.f[i] <= '9' && x < 2) {
				i++;
				x++;
			}
			if (!x || i >= w.n)
				return 0;
		}
		if (w.f[i] != 0x65E5) /* 日 */
			return 0;
		i++;
		if (i < w.n && w.f[i] == 0x81F3) { /* 至12日 */
			i++;
			while (i < w.n && ((w.f[i] >= '0' && w.f[i] <= '9') || w.f[i] == 0x6708))
				i++;
			if (i < w.n && w.f[i] == 0x65E5)
				i++;
		}
	}
	{
		size_t k;

		for (k = 0; tod[k]; k++) {
			size_t m = tx_match(w.f, w.n, i, tod[k]);

			if (m) {
				i += m;
				break;
			}
		}
	}
	return i < w.n && (w.f[i] == ',' || w.f[i] == ' ' || w.f[i] == 0x3001);
}

static int date_header(const tx_win *w)
{
	size_t i = 0, x = 0;

	if (!w->whole || w->n > 60)
		return 0;
	while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9')
		i++;
	if (i != 4 || i >= w->n)
		return 0;
	if (w->f[i] == '-' || w->f[i] == '/' || w->f[i] == '.') {
		uint32_t sep = w->f[i];

		i++;
		while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9' && x < 2) { i++; x++; }
		if (!x || i >= w->n || w->f[i] != sep)
			return 0;
		i++;
		x = 0;
		while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9' && x < 2) { i++; x++; }
		if (!x)
			return 0;
	} else if (w->f[i] == 0x5E74) { /* 年 */
		i++;
		while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9' && x < 2) { i++; x++; }
		if (!x || i >= w->n || w->f[i] != 0x6708)
			return 0;
		i++;
		x = 0;
		while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9' && x < 2) { i++; x++; }
		if (!x || i >= w->n || w->f[i] != 0x65E5)
			return 0;
		i++;
	} else {
		return 0;
	}
	/* the rest: a time, a source, nothing narrative */
	for (; i < w->n; i++)
		if (w->f[i] == 0x3002 || w->f[i] == ',')
			return 0;
	return 1;
}

/* Kind of one paragraph (before joins). */
static int classify(const char *base, tx_para *p, size_t index)
{
	static const char *disclaimers[] = {"特别声明", "免责声明", "版权声明", "声明:", "Notice:",
	                                    "Disclaimer", "本平台仅提供信息存储服务", "转载请注明",
	                                    "未经授权", "版权所有", NULL};
	static const char *promos[] = {"微信号", "公众号", "请关注", "扫码", "长按识别", "点击关注",
	                               "阅读原文", "扫描二维码", NULL};
	static const char *sources[] = {"来源:", "来源 :", "稿源:", "本文来源:", "文章来源:",
	                                "信息来源:", "消息来源:", "(来源:", "转自:", NULL};
	static const char *captions[] = {"图为", "上图", "下图", "左图", "右图", "图片:", "图:", NULL};
	const char *s = base + p->b0;
	size_t len = p->b1 - p->b0;
	tx_win w, t;
	tx_dateline d;
	size_t nch = p->c1 - p->c0;

	if (only_residue(s, len))
		return PK_RESIDUE;
	tx_win_head(&w, s, len);
	if (is_furniture(&w))
		return PK_FURNITURE;
	if (w.whole && w.n <= 16 && (tx_match(w.f, w.n, 0, "(上接") || tx_match(w.f, w.n, 0, "上接第")))
		return PK_CONT_UP;
	if (w.whole && w.n <= 16 && (tx_match(w.f, w.n, 0, "(下转") || tx_match(w.f, w.n, 0, "下转第")))
		return PK_CONT_DOWN;
	if (w.whole && w.n >= 6 && w.f[0] == '(' && w.f[w.n - 1] == ')' &&
	    tx_parse_dateline(&w, 1, &d) && d.end == w.n - 1)
		return PK_DATELINE;
	if (paren_credit(&w))
		return PK_CLOSE_CRED;
	if (w.whole && nch <= 60 && (w.f[0] == 0x25CF || w.f[0] == 0x25A0) && ends_with(&w, "报道") &&
	    tx_is_credit_text(&w, 1, w.n))
		return PK_CLOSE_CRED;
	if (w.whole && nch <= 80 && any_of(&w, 0, sources))
		return PK_SOURCE;
	if (any_of(&w, 0, disclaimers))
		return PK_DISCLAIMER;
	if (w.whole && nch <= 80 && contains_any(&w, promos))
		return PK_PROMO;
	if (photo_credit(&w))
		return PK_PHOTO;
	if (w.whole && nch <= 40 && tx_is_credit_text(&w, 0, w.n))
		return PK_BYLINE;
	if (date_header(&w))
		return PK_DATEHDR;
	if (any_of(&w, 0, captions) || (w.n && (w.f[0] == 0x25B2 || w.f[0] == 0x25C0 ||
	                                         w.f[0] == 0x25B6 || w.f[0] == 0x25BC ||
	                                         w.f[0] == 0x25B3 || w.f[0] == 0x25C4)))
		return PK_CAPTION;
	/* 夜幕初上的深圳后海片区。 新华社记者 X 摄: a caption with its credit */
	if (w.whole && w.n <= 100 && ends_with(&w, "摄")) {
		size_t j = w.n;

		while (j > 0 && w.f[j - 1] != 0x3002)
			j--;
		if (j > 0 && j < w.n && tx_is_credit_text(&w, j, w.n))
			return PK_CAPTION;
	}
	if (w.n && (w.f[0] == 0x25CF) && !w.whole)
		; /* a long bullet is narrative */
	else if (w.n && w.f[0] == 0x25CF) {
		tx_win_tail(&t, s, len);
		if (ends_with(&t, "摄") || tx_find(w.f, w.n, 0, "图为") != (size_t)-1)
			return PK_CAPTION;
	}
	if (tx_parse_dateline(&w, 0, &d) && (d.cr1 > d.cr0 || d.month)) {
		p->pre_b = w.boff[d.end];
		return PK_OPENER;
	}
	if (index == 0 && w.n && w.f[0] == 0x3010) /* 【 */
		return PK_COLUMN;
	/* a credit in parentheses closing a body paragraph: ……。（记者 张三） */
	tx_win_tail(&t, s, len);
	if (t.n >= 6 && t.f[t.n - 1] == ')') {
		size_t j = t.n - 1;

		while (j > 0 && t.f[j] != '(' && t.n - j < 64)
			j--;
		if (t.f[j] == '(' && j > 0 && tx_is_credit_text(&t, j + 1, t.n - 1))
			p->suf_b = (uint32_t)(len - t.boff[j]);
	}
	if (tx_para_headlike(base, p))
		return PK_HEAD;
	return PK_BODY;
}

/* ---- joins ------------------------------------------------------------- */

static int list_marker(const tx_win *w)
{
	size_t i = 0;

	while (i < w->n && i < 4 && is_cn_digit(w->f[i]))
		i++;
	return i > 0 && i < w->n && (w->f[i] == 0x3001 || w->f[i] == '.');
}

static int join_ok(const char *base, const tx_para *P, const tx_para *Q, const tx_para *prev)
{
	tx_win pt, qh;
	uint32_t last;
	size_t i;
	int clause = 0;

	if (!((P->kind == PK_BODY || P->kind == PK_HEAD || P->kind == PK_OPENER) &&
	      (Q->kind == PK_BODY || Q->kind == PK_HEAD)))
		return 0;
	if (P->suf_b)
		return 0;
	/* the first line after an article start is a headline, never joined */
	if ((prev == NULL || prev->kind == PK_CONT_UP || prev->kind == PK_DATELINE ||
	                           prev->kind == PK_CLOSE_CRED || prev->kind == PK_COLUMN ||
	                           prev->kind == PK_SOURCE))
		return 0;
	tx_win_tail(&pt, base + P->b0, P->b1 - P->b0);
	tx_win_head(&qh, base + Q->b0, Q->b1 - Q->b0);
	if (!pt.n || !qh.n)
		return 0;
	last = pt.raw[pt.n - 1];
	if (tx_is_punct(last) || tx_is_space(last))
		return 0;
	if (list_marker(&qh))
		return 0;
	if (tx_is_punct(qh.raw[0])) {
		/* only an inline quoted term (“一站式结算”，…) continues a sentence */
		size_t j;

		if (qh.raw[0] != 0x201C && qh.raw[0] != 0x300C)
			return 0;
		for (j = 1; j < qh.n && j < 14; j++)
			if (qh.raw[j] == 0x201D || qh.raw[j] == 0x300D || tx_is_punct(qh.raw[j]))
				break;
		if (j >= qh.n || j >= 14 || (qh.raw[j] != 0x201D && qh.raw[j] != 0x300D) ||
		    j + 1 >= qh.n || (qh.f[j + 1] != ',' && qh.f[j + 1] != 0x3001))
			return 0;
	}
	/* a short line without end punctuation (特稿) is a tag, not a continuation */
	if (qh.whole && qh.n <= 6 && !tx_is_punct(qh.raw[qh.n - 1]))
		return 0;
	if (P->c1 - P->c0 > 50)
		clause = 1;
	for (i = 0; !clause && i < pt.n; i++)
		if (pt.f[i] == ',' || pt.f[i] == 0x3001 || pt.f[i] == ';')
			clause = 1;
	/* 间，广东省…: a one-char clause cannot open a paragraph */
	if (!clause && qh.n >= 2 && !(qh.f[0] >= '0' && qh.f[0] <= '9') &&
	    (qh.f[1] == ',' || qh.f[1] == 0x3002 || qh.f[1] == 0x3001))
		clause = 1;
	return clause;
}

/* ---- building ---------------------------------------------------------- */

/* Does the paragraph contain a comma (then it is narrative, not a caption)? */
static int no_comma_fails(const char *base, const tx_para *p)
{
	tx_win w;
	size_t i;

	tx_win_head(&w, base + p->b0, p->b1 - p->b0);
	for (i = 0; i < w.n; i++)
		if (w.f[i] == ',')
			return 1;
	return 0;
}

static int push(tx_paras *ps, size_t b0, size_t b1, size_t c0, size_t c1)
{
	tx_para *p;

	if (ps->n == ps->cap) {
		size_t nc = ps->cap ? ps->cap * 2 : 64;
		tx_para *np = tekg_realloc(ps->p, nc * sizeof *np);

		if (!np)
			return TEKG_ENOMEM;
		ps->p = np;
		ps->cap = nc;
	}
	p = &ps->p[ps->n++];
	memset(p, 0, sizeof *p);
	p->b0 = b0;
	p->b1 = b1;
	p->c0 = c0;
	p->c1 = c1;
	p->art = -1;
	return 0;
}

void tx_paras_free(tx_paras *ps)
{
	if (!ps)
		return;
	tekg_free(ps->p);
	ps->p = NULL;
	ps->n = ps->cap = 0;
}

/* Does [s, e) open with a continuation marker: (上接第X版) or (下转第X版)
 * in full- or half-width brackets, either script, at most 16 chars?  The
 * byte length of the marker, else 0. */
static size_t cont_marker(const char *s, size_t n)
{
	static const char *const opens[] = {"（", "("};
	static const char *const words[] = {"上接", "下转", "下轉"};
	size_t j, o, b, chars;

	for (o = 0; o < 2; o++) {
		size_t ol = strlen(opens[o]);
		if (n < ol || memcmp(s, opens[o], ol) != 0)
			continue;
		for (j = 0; j < 3; j++)
			if (n >= ol + 6 && memcmp(s + ol, words[j], 6) == 0)
				break;
		if (j == 3)
			return 0;
		for (b = ol + 6, chars = 3; b < n && chars <= 16; chars++) {
			uint32_t cp;
			size_t k = tekg_utf8_decode(s + b, n - b, &cp);
			if (k == 0)
				return 0;
			b += k;
			if (cp == (o == 0 ? 0xFF09u : (uint32_t)')'))
				return b;
		}
		return 0;
	}
	return 0;
}

/* A line that ends with a continuation marker after its text (…。（下转第二版）)
 * or opens with one before its text (（上接第一版）…): the byte where the two
 * parts meet, else 0. */
static size_t cont_split(const char *s, size_t n)
{
	size_t k, m;

	if ((m = cont_marker(s, n)) != 0)
		return m < n ? m : 0;
	for (k = n; k-- > 0;) {
		if ((unsigned char)s[k] == '(' || (k + 3 <= n && memcmp(s + k, "（", 3) == 0)) {
			m = cont_marker(s + k, n - k);
			return m && k + m == n && k > 0 ? k : 0;
		}
		if (n - k > 48)
			break;
	}
	return 0;
}

int tx_paras_build(tx_paras *ps, const char *base, size_t len)
{
	size_t b = 0, c = 0, i;
	int rc;

	ps->p = NULL;
	ps->n = ps->cap = 0;
	while (b < len) {
		/* one line: [b, e), chars counted as we go */
		size_t lb0 = (size_t)-1, lb1 = 0, lc0 = 0, lc1 = 0;

		while (b < len && base[b] != '\n' && base[b] != '\r') {
			uint32_t cp;
			size_t k = tekg_utf8_decode(base + b, len - b, &cp);

			if (k == 0)
				k = 1;
			if (!tx_is_space(cp)) {
				if (lb0 == (size_t)-1) {
					lb0 = b;
					lc0 = c;
				}
				lb1 = b + k;
				lc1 = c + 1;
			}
			b += k;
			c++;
		}
		if (lb0 != (size_t)-1) {
			size_t cut = cont_split(base + lb0, lb1 - lb0);
			if (cut) {
				/* two paragraphs; spaces at the cut belong to neither */
				size_t e0 = lb0 + cut, s1 = lb0 + cut;
				while (e0 > lb0 && base[e0 - 1] == ' ')
					e0--;
				while (s1 < lb1 && base[s1] == ' ')
					s1++;
				if ((rc = push(ps, lb0, e0, lc0, lc0 + tekg_utf8_count(base + lb0, e0 - lb0))) != 0 ||
				    (rc = push(ps, s1, lb1, lc0 + tekg_utf8_count(base + lb0, s1 - lb0), lc1)) != 0)
					return rc;
			} else if ((rc = push(ps, lb0, lb1, lc0, lc1)) != 0) {
				return rc;
			}
		}
		if (b < len) { /* the newline */
			b++;
			c++;
		}
	}
	for (i = 0; i < ps->n; i++)
		ps->p[i].kind = (uint8_t)classify(base, &ps->p[i], i);
	/* a short line right before a photo credit is its caption */
	for (i = 0; i + 1 < ps->n; i++)
		if (ps->p[i + 1].kind == PK_PHOTO && (ps->p[i].kind == PK_BODY || ps->p[i].kind == PK_HEAD) &&
		    ps->p[i].c1 - ps->p[i].c0 <= 40 && !no_comma_fails(base, &ps->p[i]))
			ps->p[i].kind = PK_CAPTION;
	/* layout joins: the continuation becomes body */
	for (i = 0; i + 1 < ps->n; i++)
		if (join_ok(base, &ps->p[i], &ps->p[i + 1], i ? &ps->p[i - 1] : NULL)) {
			ps->p[i].flags |= PF_JOIN;
			if (ps->p[i].kind == PK_HEAD)
				ps->p[i].kind = PK_BODY;
			ps->p[i + 1].kind = PK_BODY;
		}
	return 0;
}
