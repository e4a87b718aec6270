/*
 * entities.c - persons, organizations and places from the tagger's tokens,
 * refined by rules and lexicons; titles and affiliations; resolution to
 * one entity per real-world name within the document; curation.
 *
 * Each sentence's tokens become "units" (a span of the work text with a
 * tag and, for names, an entity type).  Rules then rewrite the units in a
 * fixed order (docs/entities.md gives each rule the measured error that
 * motivates it):
 *   1. boundaries: quotes, brackets and dashes leave names; Latin pieces
 *      the tagger split (A|ngelica, APE|C) join again;
 *   2. lexicon names (places, organisations, Latin acronyms) found in the
 *      text replace the tokens they cover;
 *   3. ORG（place） is one organisation (a campus), ORG（ABC） gives an alias;
 *   3b. tagger-only names (no lexicon entry, no suffix) that the context
 *      shows to be common words: a count before a measure word (从一|个),
 *      the class after a list's 等 (等|新兴产业), parallel coinages in a
 *      、-list (硬连接、软连接), one more modifier in a list of modifiers
 *      before 的 (全周期、多层次的);
 *   4. a place directly before an organisation is part of its name (but
 *      not 中国西部 before 国际博览会); venues of 在…举行 ending in 会展中心,
 *      博览城 ... are places of kind facility;
 *   5. organisations end at their last suffix (协会创会 -> 协会); words that
 *      are not names (stop list, -化 nouns, place + verb) are dropped;
 *      one-character short forms between 在/来/赴 and a verb name their
 *      place (在汉举行 -> 武汉);
 *   6. titles (with prefixes, 外交部长 = 外交部 + 部长, 库务局局长 = 库务局 +
 *      局长, 成都市委书记 = 成都市委 + 书记) are marked, also when the tagger
 *      glued the title's end to a name (新闻发言|人柏); a noun run ending in
 *      an organisation suffix before a title is an organisation
 *      (公共政策学院院长, 财经事务及库务局局长); X驻Y大使馆 is one mission;
 *   7. a name right after a title is a person even when the tagger missed
 *      or cut it (副主席白天发表, 董事长陈立新介绍, 主席蓝海|川说);
 *   8. list repairs (吴海东等 -> 吴海东; A、B、C等企业 are organisations);
 *   9. persons must look like names (surname, middle dot, Latin words).
 * Then: mentions, places named inside organisations and facilities
 * (located_in), sub-units (subunit_of), affiliations from title chains
 * (X驻Y + title belongs to X), a title with no organisation as the
 * person's own, credits (bylines), resolution (aliases, short forms,
 * abbreviations, legal forms) and curation.
 */
#include "extract/extract_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { U_NONE = 0, U_PER, U_ORG, U_LOC };

static const char *type_name[] = {NULL, "person", "organization", "place"};

typedef struct unit {
	size_t ws, we;     /* work chars (absolute) */
	char tag[8];       /* tagger type, "w" for punctuation, "gz" for lexicon */
	int ent;           /* U_* */
	int title;         /* 1 title word, 2 title prefix */
	int alias_of;      /* >= 0: unit whose entity this abbreviation names */
	int sure;          /* person found by a rule that already checked it */
	char *name;        /* entity name when it differs from the text, or NULL */
	char *tfull;       /* title text when it differs from the text, or NULL */
	size_t ent_idx;    /* document entity, after emission */
} unit;

typedef struct dent {
	int type;
	char *name;        /* canonical (simplified) */
	char *kind;
	char **al;
	size_t nal;
	size_t rep;        /* itself, or the entity it was merged into */
	int dead;
	char *title0;      /* a title with no organisation (a credit's role) */
} dent;

typedef struct dmen {
	size_t ent, sent, os, oe;
	char *surface, *norm;
} dmen;

typedef struct dedge {
	const char *type;
	size_t src, dst, sent;
	char *title;
} dedge;

typedef struct doc {
	dent *e;
	size_t ne, cape;
	dmen *m;
	size_t nm, capm;
	dedge *g;
	size_t ng, capg;
} doc;

typedef struct ctx {
	const xart *xa;
	const xlex *lex;
	doc d;
	unit *u;
	size_t nu, capu;
	size_t sent;
} ctx;

#define TRY(x) do { if ((rc = (x))) goto cleanup; } while (0)

/* ---- small helpers ---------------------------------------------------- */

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	void *q;
	size_t nc;

	if (n < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 32;
	if ((q = tekg_realloc(*p, nc * size)) == NULL)
		return TEKG_ENOMEM;
	*p = q;
	*cap = nc;
	return 0;
}

static const char *wptr(const ctx *c, size_t w)
{
	return c->xa->a->work + c->xa->wbyte[w];
}

static size_t wlen(const ctx *c, size_t ws, size_t we)
{
	return c->xa->wbyte[we] - c->xa->wbyte[ws];
}

static uint32_t wcp(const ctx *c, size_t w)
{
	uint32_t cp = 0;

	if (w >= c->xa->a->work_chars)
		return 0;
	tekg_utf8_decode(wptr(c, w), c->xa->a->work_len - c->xa->wbyte[w], &cp);
	return cp;
}

static int is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F);
}

static int is_alpha(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

static int is_alnum(uint32_t cp)
{
	return is_alpha(cp) || (cp >= '0' && cp <= '9');
}

static int is_dot(uint32_t cp)
{
	return cp == 0xB7 || cp == 0x2022 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65 ||
	       cp == 0x318D || cp == 0x2219 || cp == 0x22C5;
}

static size_t ulen(const unit *u)
{
	return u->we - u->ws;
}

/* Does the unit's text equal s? */
static int ueq(const ctx *c, const unit *u, const char *s)
{
	size_t l = wlen(c, u->ws, u->we);

	return strlen(s) == l && memcmp(wptr(c, u->ws), s, l) == 0;
}

static int lex_has(const ctx *c, size_t ws, size_t we, unsigned cls)
{
	return we > ws && xlex_has(c->lex, wptr(c, ws), wlen(c, ws, we), cls);
}

static const xlex_entry *lex_get(const ctx *c, size_t ws, size_t we)
{
	return we > ws ? xlex_get(c->lex, wptr(c, ws), wlen(c, ws, we)) : NULL;
}

static int all_han(const ctx *c, size_t ws, size_t we)
{
	size_t i;

	for (i = ws; i < we; i++)
		if (!is_han(wcp(c, i)))
			return 0;
	return we > ws;
}

/* Longest suffix of [ws,we) (shorter than the whole) in class cls: its start, or we. */
static size_t suffix_at(const ctx *c, size_t ws, size_t we, unsigned cls, int allow_whole)
{
	size_t s;

	for (s = allow_whole ? ws : ws + 1; s < we; s++)
		if (lex_has(c, s, we, cls))
			return s;
	return we;
}

/* Longest lexicon place that is a proper prefix of [ws,we): its end, or ws. */
static size_t place_prefix(const ctx *c, size_t ws, size_t we)
{
	size_t e;

	for (e = we - 1; e >= ws + 2; e--)
		if (lex_has(c, ws, e, XL_PLACE))
			return e;
	return ws;
}

/* ---- units ------------------------------------------------------------ */

static int unit_type(const char *tag)
{
	if (!strcmp(tag, "PER") || !strcmp(tag, "nr"))
		return U_PER;
	if (!strcmp(tag, "LOC") || !strcmp(tag, "ns"))
		return U_LOC;
	if (!strcmp(tag, "ORG") || !strcmp(tag, "nt"))
		return U_ORG;
	return U_NONE;
}

static void unit_free(unit *u)
{
	tekg_free(u->name);
	tekg_free(u->tfull);
	u->name = u->tfull = NULL;
}

static int unit_push(ctx *c, size_t ws, size_t we, const char *tag, int ent)
{
	unit *u;

	if (grow((void **)&c->u, &c->capu, c->nu, sizeof *c->u))
		return TEKG_ENOMEM;
	u = &c->u[c->nu++];
	memset(u, 0, sizeof *u);
	u->ws = ws;
	u->we = we;
	snprintf(u->tag, sizeof u->tag, "%s", tag);
	u->ent = ent;
	u->alias_of = -1;
	return 0;
}

/* Split unit k at char `at` (ws < at < we); both halves keep the tag, the
 * right half is not an entity.  0 or TEKG_ENOMEM. */
static int unit_split(ctx *c, size_t k, size_t at)
{
	unit nu;

	if (grow((void **)&c->u, &c->capu, c->nu, sizeof *c->u))
		return TEKG_ENOMEM;
	nu = c->u[k];
	nu.ws = at;
	nu.ent = U_NONE;
	nu.name = nu.tfull = NULL;
	nu.title = 0;
	nu.sure = 0;
	nu.alias_of = -1;
	c->u[k].we = at;
	memmove(&c->u[k + 2], &c->u[k + 1], (c->nu - k - 1) * sizeof *c->u);
	c->u[k + 1] = nu;
	c->nu++;
	return 0;
}

/* Replace units k..j (inclusive) by one unit spanning them. */
static void unit_merge(ctx *c, size_t k, size_t j, int ent, const char *tag)
{
	size_t i;

	if (j <= k) {
		c->u[k].ent = ent;
		if (tag)
			snprintf(c->u[k].tag, sizeof c->u[k].tag, "%s", tag);
		return;
	}
	c->u[k].we = c->u[j].we;
	c->u[k].ent = ent;
	c->u[k].title = 0;
	if (tag)
		snprintf(c->u[k].tag, sizeof c->u[k].tag, "%s", tag);
	for (i = k + 1; i <= j; i++)
		unit_free(&c->u[i]);
	memmove(&c->u[k + 1], &c->u[j + 1], (c->nu - j - 1) * sizeof *c->u);
	c->nu -= j - k;
}

static int is_punct_unit(const ctx *c, const unit *u)
{
	uint32_t cp = wcp(c, u->ws);

	return !strcmp(u->tag, "w") || (ulen(u) == 1 && !is_han(cp) && !is_alnum(cp));
}

static int is_sep(const ctx *c, const unit *u)
{
	return ueq(c, u, "、") || ueq(c, u, "，") || ueq(c, u, ",");
}

/* Rule 1: tokens -> units, entity boundaries trimmed, Latin pieces joined. */
static int build_units(ctx *c, const tekg_sentence *s, const tekg_tag_result *tr)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < tr->n; k++) {
		const tekg_token *t = &tr->tokens[k];
		size_t ws = s->wstart + t->start, we = s->wstart + t->end;
		int ent = unit_type(t->type);
		if (we <= ws || we > s->wend)
			continue;
		if (ent) {
			size_t a = ws, b = we;
			while (a < b && !is_han(wcp(c, a)) && !is_alnum(wcp(c, a)))
				a++;
			while (b > a && !is_han(wcp(c, b - 1)) && !is_alnum(wcp(c, b - 1)))
				b--;
			if (a > ws && (rc = unit_push(c, ws, a, "w", U_NONE)))
				return rc;
			if (b > a && (rc = unit_push(c, a, b, t->type, ent)))
				return rc;
			if (we > b && (rc = unit_push(c, b > a ? b : a, we, "w", U_NONE)))
				return rc;
			continue;
		}
		if ((rc = unit_push(c, ws, we, t->type, U_NONE)))
			return rc;
	}
	/* A|ngelica Guinto, APE|C, AP|EC: Latin pieces with no gap are one word. */
	for (k = 0; k + 1 < c->nu; k++) {
		unit *a = &c->u[k], *b = &c->u[k + 1];
		if (a->we == b->ws && is_alpha(wcp(c, a->we - 1)) && is_alpha(wcp(c, b->ws)) &&
		    is_alpha(wcp(c, a->ws)) && (a->ent || b->ent)) {
			int ent = a->ent ? a->ent : b->ent;
			unit_merge(c, k, k + 1, ent, a->ent ? a->tag : b->tag);
			k--;
		}
	}
	return 0;
}

/* Rule 2: lexicon names replace the units they cover. */
static int scan_lexicon(ctx *c)
{
	size_t k, maxlen = xlex_maxlen(c->lex);
	int rc = 0;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		size_t i = u->ws, end = c->u[c->nu - 1].we, L, j;
		const xlex_entry *e = NULL;
		if (is_punct_unit(c, u))
			continue;
		for (L = maxlen < end - i ? maxlen : end - i; L >= 2; L--) {
			e = lex_get(c, i, i + L);
			if (e && (e->flags & (XL_PLACE | XL_ORG)) && !(e->flags & XL_STOP))
				break;
			e = NULL;
		}
		if (e == NULL)
			continue;
		if (is_alpha(wcp(c, i)) && i > 0 && is_alnum(wcp(c, i - 1)))
			continue;
		if (is_alpha(wcp(c, i + L - 1)) && is_alnum(wcp(c, i + L)))
			continue;
		if (u->ent && u->we > i + L)
			continue; /* a longer name from the tagger holds it */
		for (j = k; j < c->nu && c->u[j].we <= i + L; j++)
			;
		if (j < c->nu && c->u[j].ws < i + L) {
			if (c->u[j].ent || j > k)
				continue; /* it would cut another name, or words (联合|国家级) */
			if (c->u[j].we - (i + L) < 2 ||
			    !(!strcmp(c->u[j].tag, "nz") || !strcmp(c->u[j].tag, "n")))
				continue; /* 港澳|药械通 yes; 大理|石, 大同|小异 no */
			if ((rc = unit_split(c, j, i + L)))
				return rc;
			u = &c->u[k];
		} else {
			j--;
		}
		if (j >= c->nu)
			j = c->nu - 1;
		unit_merge(c, k, j, (e->flags & XL_PLACE) ? U_LOC : U_ORG, "gz");
	}
	return 0;
}

/* Rule 3: ORG（place） is one organisation; ORG（ABC） names it. */
static void brackets(ctx *c)
{
	size_t k;

	for (k = 0; k + 3 < c->nu; k++) {
		unit *a = &c->u[k];
		if (a->ent != U_ORG && a->ent != U_LOC)
			continue;
		if (!ueq(c, &c->u[k + 1], "(") && !ueq(c, &c->u[k + 1], "（"))
			continue;
		if (!ueq(c, &c->u[k + 3], ")") && !ueq(c, &c->u[k + 3], "）"))
			continue;
		if (k + 4 < c->nu && c->u[k + 2].ent == U_LOC && c->u[k + 4].ent == U_ORG &&
		    c->u[k + 4].ws == c->u[k + 3].we && c->u[k + 4].alias_of < 0 &&
		    suffix_at(c, c->u[k + 4].ws, c->u[k + 4].we, XL_ORG_SUFFIX, 1) < c->u[k + 4].we) {
			/* 深港细胞谷（深圳）医疗科技有限公司: a company named with its city */
			unit_merge(c, k, k + 4, U_ORG, "ORG");
			continue;
		}
		if (a->ent == U_ORG && c->u[k + 2].ent == U_LOC &&
		    suffix_at(c, a->ws, a->we, XL_ORG_SUFFIX, 1) < a->we) {
			unit_merge(c, k, k + 3, U_ORG, NULL);
			if (k + 1 < c->nu && !c->u[k + 1].ent &&
			    lex_has(c, c->u[k + 1].ws, c->u[k + 1].we, XL_ORG_SUFFIX))
				unit_merge(c, k, k + 1, U_ORG, NULL);
			continue;
		}
		{
			unit *b = &c->u[k + 2];
			size_t i, upper = 0, latin = 1;
			for (i = b->ws; i < b->we; i++) {
				uint32_t cp = wcp(c, i);
				if (!is_alnum(cp))
					latin = 0;
				if (cp >= 'A' && cp <= 'Z')
					upper++;
			}
			if (latin && upper >= 2 && ulen(b) <= 10) {
				b->alias_of = (int)k;
				b->ent = a->ent;
			}
		}
	}
}

/* ---- Rule 3b: names the context shows to be common words ------------ */

/* Is unit u a name only the tagger gives: an organisation or place that no
 * lexicon lists, with no organisation or place suffix, found by no rule?
 * Only such names are open to the context rules below; a listed name or
 * one with a suffix (…大学, …市) is kept whatever surrounds it. */
static int tagger_only(const ctx *c, const unit *u)
{
	return (u->ent == U_ORG || u->ent == U_LOC) && strcmp(u->tag, "gz") && u->alias_of < 0 &&
	       !u->sure && !u->name && all_han(c, u->ws, u->we) &&
	       !lex_has(c, u->ws, u->we, XL_ORG) && !lex_has(c, u->ws, u->we, XL_PLACE) &&
	       suffix_at(c, u->ws, u->we, XL_ORG_SUFFIX, 1) == u->we &&
	       suffix_at(c, u->ws, u->we, XL_PLACE_SUFFIX, 1) == u->we;
}

/* A Chinese numeral character (一 … 十, 两, 百, 千, 万, 几, 〇, 零). */
static int numeral_cp(uint32_t cp)
{
	return cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E24 || cp == 0x4E09 || cp == 0x56DB ||
	       cp == 0x4E94 || cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D ||
	       cp == 0x5341 || cp == 0x767E || cp == 0x5343 || cp == 0x4E07 || cp == 0x51E0 ||
	       cp == 0x3007 || cp == 0x96F6;
}

/* A measure word (classifier) that follows a numeral: 个 名 位 家 项 次 种
 * 件 条 座 所 批 只 支 届 份 点 台 部 张 篇 本 间 辆 艘 架 滴.  A closed
 * grammatical class, listed here as the tagger's q tag is not always given
 * (从一|间小屋). */
static int measure_cp(uint32_t cp)
{
	static const uint32_t m[] = {0x4E2A, 0x540D, 0x4F4D, 0x5BB6, 0x9879, 0x6B21, 0x79CD,
	                             0x4EF6, 0x6761, 0x5EA7, 0x6240, 0x6279, 0x53EA, 0x652F,
	                             0x5C4A, 0x4EFD, 0x70B9, 0x53F0, 0x90E8, 0x5F20, 0x7BC7,
	                             0x672C, 0x95F4, 0x8F86, 0x8258, 0x67B6, 0x6EF4};
	size_t i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		if (m[i] == cp)
			return 1;
	return 0;
}

/* (a) A tagger-only name ending in a numeral right before a measure word
 * is a preposition or verb glued to a number (从一|个, 从一|名, 从一|间小屋):
 * a name does not end in a count.  Runs before rule 4, which would join
 * the place before it (深圳|从一 -> 深圳从一). */
static void numeral_measure(ctx *c)
{
	size_t k;

	for (k = 0; k + 1 < c->nu; k++) {
		unit *u = &c->u[k], *n = &c->u[k + 1];
		if (!tagger_only(c, u) || ulen(u) < 2 || n->ws != u->we || n->ent ||
		    !numeral_cp(wcp(c, u->we - 1)))
			continue;
		if (!strcmp(n->tag, "q") || measure_cp(wcp(c, n->ws)))
			u->ent = U_NONE;
	}
}

/* (b) The word right after a 等 or 等等 that closes a list (A、B等X,
 * A等X) names the class of the items, a common noun (等新兴产业): a name
 * is an item, not the class.  等 must follow a word (not a verb's 等待 sense,
 * tagged v) and the name must follow 等 directly. */
static void after_etc(ctx *c)
{
	size_t k;

	for (k = 2; k < c->nu; k++) {
		unit *u = &c->u[k], *d = &c->u[k - 1], *p = &c->u[k - 2];
		if (!tagger_only(c, u) || u->ws != d->we || !(ueq(c, d, "等") || ueq(c, d, "等等")) ||
		    d->tag[0] == 'v' || is_punct_unit(c, p) || p->we != d->ws)
			continue;
		u->ent = U_NONE;
	}
}

/* The word ending with unit k for a list item: k itself when it has three
 * characters, else k with a one-character Han unit glued before it
 * (硬|联通).  Returns the first unit's index; *ws is the word's first char. */
static size_t item_word(const ctx *c, size_t k, size_t *ws)
{
	const unit *u = &c->u[k];

	*ws = u->ws;
	if (ulen(u) == 2 && k > 0 && ulen(&c->u[k - 1]) == 1 && c->u[k - 1].we == u->ws &&
	    !c->u[k - 1].ent && all_han(c, c->u[k - 1].ws, u->ws)) {
		*ws = c->u[k - 1].ws;
		return k - 1;
	}
	return k;
}

/* Is the word of units [a, b] (word chars [ws, we)) two or three Han
 * characters ending in the same two characters as [tws, twe), with no name
 * in it but tagger-only ones? */
static int same_tail(const ctx *c, size_t a, size_t b, size_t ws, size_t we, size_t twe)
{
	size_t i;

	if (we - ws < 2 || we - ws > 3 || !all_han(c, ws, we) ||
	    wlen(c, we - 2, we) != wlen(c, twe - 2, twe) ||
	    memcmp(wptr(c, we - 2), wptr(c, twe - 2), wlen(c, we - 2, we)))
		return 0;
	for (i = a; i <= b; i++)
		if (c->u[i].ent && !tagger_only(c, &c->u[i]))
			return 0;
	return 1;
}

/* (c) Items of a 、-list that are one character plus the same two-character
 * word (硬X、软X、心X) are coined common nouns, parallel variations of that
 * word, not names: a name's last two characters are not shared by its
 * neighbours unless they are a suffix (…大学、…大学), which tagger_only
 * excludes.  Words of four characters or more (A科技、B科技, two company
 * short names) are not touched, nor persons (王小明、李小明). */
static void shared_tail(ctx *c)
{
	size_t k, f, ws, pws, nws;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		int hit = 0;
		if (!tagger_only(c, u) || ulen(u) < 2 || ulen(u) > 3 ||
		    (k + 1 < c->nu && c->u[k + 1].ws == u->we && !is_punct_unit(c, &c->u[k + 1])))
			continue;
		f = item_word(c, k, &ws);
		if (f >= 2 && ueq(c, &c->u[f - 1], "、")) {
			size_t pf = item_word(c, f - 2, &pws);
			hit = same_tail(c, pf, f - 2, pws, c->u[f - 2].we, u->we);
		}
		if (!hit && k + 2 < c->nu && ueq(c, &c->u[k + 1], "、")) {
			size_t nk = k + 2;
			if (ulen(&c->u[nk]) == 1 && nk + 1 < c->nu && c->u[nk + 1].ws == c->u[nk].we &&
			    ulen(&c->u[nk + 1]) == 2)
				nk++; /* 、心|联通 */
			item_word(c, nk, &nws);
			hit = nws == c->u[k + 2].ws &&
			      same_tail(c, k + 2, nk, nws, c->u[nk].we, u->we);
		}
		if (hit)
			u->ent = U_NONE;
	}
}

/* Is [ws, we) covered exactly by units a..b (adjacent, a word of the list)
 * that name nothing, are no proper noun (nz) and hold a modifier (an
 * adjective, distinguishing word, numeral or adverb: 全|流程, 多层次)? */
static int modifier_item(const ctx *c, size_t a, size_t b)
{
	size_t i;
	int mod = 0;

	for (i = a; i <= b; i++) {
		const unit *v = &c->u[i];
		if (v->ent || v->title || is_punct_unit(c, v) || !strcmp(v->tag, "nz") ||
		    (i > a && v->ws != c->u[i - 1].we))
			return 0;
		if (!strcmp(v->tag, "a") || !strcmp(v->tag, "b") || !strcmp(v->tag, "m") ||
		    !strcmp(v->tag, "ad") || !strcmp(v->tag, "d"))
			mod = 1;
	}
	return mod;
}

/* (d) In a 、-list of parallel modifiers before 的 (全流程、多维度的体系), a
 * tagger-only organisation standing alone as an item, whose neighbours have
 * its length in characters, name nothing and hold a modifier, is one more
 * modifier.  A list of names (华为、X的) or of nouns (政府部门、X的), an
 * organisation with no list (X的) or joined by 和 are not touched. */
static void modifier_list(ctx *c)
{
	size_t k, i, j, L;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		int items = 0, bad = 0;
		if (u->ent != U_ORG || !tagger_only(c, u) || ulen(u) < 2 || ulen(u) > 4)
			continue;
		L = ulen(u);
		/* items before: ... W 、 U */
		for (i = k; !bad && i >= 2 && ueq(c, &c->u[i - 1], "、"); ) {
			size_t e = i - 2, ws = c->u[e].we - L;
			for (j = e; j > 0 && c->u[j].ws > ws; j--)
				;
			if (c->u[j].ws != ws || !modifier_item(c, j, e))
				bad = 1;
			else {
				items++;
				i = j;
			}
		}
		/* items after: U 、 W 、 W ... 的 */
		for (i = k + 1; !bad && i + 1 < c->nu && ueq(c, &c->u[i], "、"); ) {
			size_t st = i + 1, we = c->u[st].ws + L;
			for (j = st; j + 1 < c->nu && c->u[j].we < we; j++)
				;
			if (c->u[j].we != we || !modifier_item(c, st, j))
				bad = 1;
			else {
				items++;
				i = j + 1;
			}
		}
		if (bad || items == 0 || i >= c->nu || !ueq(c, &c->u[i], "的") ||
		    c->u[i].ws != c->u[i - 1].we)
			continue;
		u->ent = U_NONE;
	}
}

/* Rule 3b: tagger-only names that their context shows to be common words. */
static void common_words(ctx *c)
{
	numeral_measure(c);
	after_etc(c);
	shared_tail(c);
	modifier_list(c);
}

/* Do the units after k (adjacent, up to three) end an event's name
 * (中国西部|国际|博览会)? */
static int event_name_after(const ctx *c, size_t k)
{
	static const char *const heads[] = {"博览会", "交易会", "展览会", "洽谈会", "论坛", "峰会",
	                                    "大会", "运动会", "年会", "大赛", "锦标赛", "艺术节",
	                                    "电影节", "文化节", "展销会", "推介会"};
	size_t j, i;

	for (j = k + 1; j < c->nu && j <= k + 3; j++) {
		const unit *u = &c->u[j];
		size_t l = wlen(c, u->ws, u->we);
		if (u->ws != c->u[j - 1].we || u->ent || is_punct_unit(c, u))
			return 0;
		for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
			size_t hl = strlen(heads[i]);
			if (l >= hl && !memcmp(wptr(c, u->ws) + l - hl, heads[i], hl))
				return 1;
		}
	}
	return 0;
}

/* Is the longest place suffix of [ws,we) a facility's (会展中心, 博览城)
 * at least as long as its longest organisation suffix (中心)? */
static int facility_name(const ctx *c, size_t ws, size_t we)
{
	size_t ps = suffix_at(c, ws, we, XL_PLACE_SUFFIX, 0), os = suffix_at(c, ws, we, XL_ORG_SUFFIX, 0);
	const xlex_entry *e;

	if (ps >= we || ps > os || we - ps < 2)
		return 0;
	e = lex_get(c, ps, we);
	return e && e->pkind && !strcmp(e->pkind, "facility");
}

/* A place-tagged word that ends in an organisation suffix is an
 * organisation, unless the suffix is a direction's 部 (中国西部), a
 * facility's name ends it (会展中心), or an event's name follows. */
static int loc_is_org(const ctx *c, size_t k)
{
	const unit *u = &c->u[k];
	size_t s = suffix_at(c, u->ws, u->we, XL_ORG_SUFFIX, 0);
	uint32_t b;

	if (s >= u->we)
		return 0;
	if (u->we - s == 1 && wcp(c, s) == 0x90E8 /* 部 */ && s > u->ws) {
		b = wcp(c, s - 1);
		if (b == 0x4E1C || b == 0x897F || b == 0x5357 || b == 0x5317 || b == 0x4E2D ||
		    b == 0x5185 || b == 0x5916) /* 东西南北中内外 */
			return 0;
	}
	return !facility_name(c, u->ws, u->we) && !event_name_after(c, k);
}

/* Is unit k (or the one after 隆重/盛大) a verb of holding an event? */
static int held_verb(const ctx *c, size_t k)
{
	const unit *n;

	if (k < c->nu && (ueq(c, &c->u[k], "隆重") || ueq(c, &c->u[k], "盛大")))
		k++;
	if (k >= c->nu)
		return 0;
	n = &c->u[k];
	return ueq(c, n, "举行") || ueq(c, n, "举办") || ueq(c, n, "召开") || ueq(c, n, "开幕") ||
	       ueq(c, n, "闭幕") || ueq(c, n, "开展") || ueq(c, n, "揭幕");
}

/* 在 X 举行 with X ending in a facility's name (会展中心, 博览城, 展览馆):
 * X is a place of kind facility, whether the tagger called it an
 * organisation or cut it into words (在|西部|博览|城|举行). */
static void venues(ctx *c)
{
	size_t k, j;

	for (k = 1; k + 1 < c->nu; k++) {
		unit *u = &c->u[k];
		if (!ueq(c, &c->u[k - 1], "在") || u->alias_of >= 0 || u->ent == U_PER || u->ent == U_LOC)
			continue;
		if (u->ent == U_ORG) {
			if (!lex_has(c, u->ws, u->we, XL_ORG) && facility_name(c, u->ws, u->we) &&
			    held_verb(c, k + 1)) {
				u->ent = U_LOC;
				strcpy(u->tag, "LOC");
			}
			continue;
		}
		for (j = k; j < c->nu && j < k + 4; j++) {
			const unit *v = &c->u[j];
			if (v->ent || v->title || is_punct_unit(c, v) || !all_han(c, v->ws, v->we) ||
			    (j > k && v->ws != c->u[j - 1].we))
				break;
			if (held_verb(c, j + 1)) {
				if (u->we < v->we && v->we - u->ws >= 4 && facility_name(c, u->ws, v->we) &&
				    !lex_has(c, u->ws, v->we, XL_PLACE_SUFFIX)) {
					unit_merge(c, k, j, U_LOC, "LOC");
				}
				break;
			}
		}
	}
}

/* Rule 4: place + organisation is one organisation (深圳机场|深畅国际货站);
 * an organisation whose suffix the tagger cut (民建深圳市委|会) is whole. */
static void place_org(ctx *c)
{
	size_t k;

	for (k = 0; k + 1 < c->nu; k++) {
		unit *u = &c->u[k], *n = &c->u[k + 1];
		if (u->ent == U_ORG && !n->ent && ulen(n) == 1 && n->ws == u->we &&
		    lex_has(c, u->we - 1, n->we, XL_ORG_SUFFIX))
			unit_merge(c, k, k + 1, U_ORG, NULL);
	}

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		if (u->ent == U_LOC && strcmp(u->tag, "gz") && loc_is_org(c, k))
			u->ent = U_ORG;
	}
	for (k = 0; k + 1 < c->nu; k++)
		if (c->u[k].ent == U_LOC && c->u[k + 1].ent == U_ORG && c->u[k].we == c->u[k + 1].ws &&
		    c->u[k + 1].alias_of < 0 && c->u[k].alias_of < 0 && !lex_has(c, c->u[k + 1].ws, c->u[k + 1].we, XL_ORG))
			unit_merge(c, k, k + 1, U_ORG, "ORG");
}

/* Rule 5: organisation and place boundaries and validity. */
static int validate(ctx *c)
{
	size_t k;
	int rc;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		size_t n = ulen(u), s, pp;
		if (!u->ent || u->alias_of >= 0)
			continue;
		if (lex_has(c, u->ws, u->we, XL_STOP)) {
			u->ent = U_NONE;
			continue;
		}
		if ((u->ent == U_LOC && !lex_has(c, u->ws, u->we, XL_PLACE) &&
		     lex_has(c, u->ws, u->we, XL_PLACE_SUFFIX)) ||
		    (u->ent == U_ORG && !lex_has(c, u->ws, u->we, XL_ORG) &&
		     lex_has(c, u->ws, u->we, XL_ORG_SUFFIX))) {
			u->ent = U_NONE; /* a bare 码头, 委员会: a common noun */
			continue;
		}
		if (u->ent == U_ORG && !lex_has(c, u->ws, u->we, XL_ORG)) {
			/* 协会创会 -> 协会, 文汇报讯 -> 文汇报 */
			size_t last = u->ws;
			for (s = u->ws + 1; s < u->we; s++) {
				size_t e2;
				for (e2 = s + 1; e2 <= u->we && e2 <= s + 4; e2++)
					if (lex_has(c, s, e2, XL_ORG_SUFFIX) && e2 > last)
						last = e2;
			}
			if (last > u->ws + 1 && last < u->we && u->we - last <= 2 &&
			    all_han(c, last, u->we) &&
			    suffix_at(c, last, u->we, XL_ORG_SUFFIX, 1) == u->we) {
				if ((rc = unit_split(c, k, last)))
					return rc;
				u = &c->u[k];
				strcpy(c->u[k + 1].tag, "n");
				n = ulen(u);
			}
			if (n <= 3 && k > 0 && c->u[k - 1].we == u->ws &&
			    (!strcmp(c->u[k - 1].tag, "a") || !strcmp(c->u[k - 1].tag, "ad") ||
			     !strcmp(c->u[k - 1].tag, "d")) &&
			    suffix_at(c, u->ws, u->we, XL_ORG_SUFFIX, 1) == u->we) {
				u->ent = U_NONE; /* 高效联通: a modified common word */
				continue;
			}
			if (n >= 2 && wcp(c, u->we - 1) == 0x5316 /* 化 */) {
				u->ent = U_NONE;
				continue;
			}
			pp = place_prefix(c, u->ws, u->we);
			if (pp > u->ws && u->we - pp <= 2 && lex_has(c, pp, u->we, XL_STOP)) {
				/* 中国主办, 深圳社康: a place and a word */
				if ((rc = unit_split(c, k, pp)))
					return rc;
				c->u[k].ent = U_LOC;
				strcpy(c->u[k + 1].tag, "n");
				continue;
			}
		}
		if (u->ent == U_LOC) {
			if (n < 2 && !lex_has(c, u->ws, u->we, XL_PLACE)) {
				u->ent = U_NONE;
				continue;
			}
			if (!lex_has(c, u->ws, u->we, XL_PLACE) && (pp = place_prefix(c, u->ws, u->we)) > u->ws &&
			    lex_has(c, pp, u->we, XL_PLACE)) {
				/* 深圳前海: two places */
				if ((rc = unit_split(c, k, pp)))
					return rc;
				c->u[k + 1].ent = U_LOC;
				strcpy(c->u[k + 1].tag, "gz");
				continue;
			}
			if (!lex_has(c, u->ws, u->we, XL_PLACE) && (pp = place_prefix(c, u->ws, u->we)) > u->ws &&
			    !lex_has(c, pp, u->we, XL_PLACE_SUFFIX) && !lex_has(c, pp, u->we, XL_PLACE) &&
			    !facility_name(c, pp, u->we)) {
				/* 亚太多国政商界 -> 亚太 */
				if ((rc = unit_split(c, k, pp)))
					return rc;
				strcpy(c->u[k + 1].tag, "n");
			}
		}
	}
	return 0;
}

/* Is the code point a word of arrival or presence before a short place
 * form (在汉, 赴京, 来沪, 抵蓉, 访港)? */
static int arrive_cp(uint32_t cp)
{
	return cp == 0x5728 /* 在 */ || cp == 0x4E8E /* 于 */ || cp == 0x8D74 /* 赴 */ ||
	       cp == 0x62B5 /* 抵 */ || cp == 0x6765 /* 来 */ || cp == 0x5230 /* 到 */ ||
	       cp == 0x8BBF /* 访 */ || cp == 0x8FD4 /* 返 */ || cp == 0x56DE /* 回 */ ||
	       cp == 0x79BB /* 离 */ || cp == 0x8385 /* 莅 */;
}

/* One-character short forms of places (data: place_short): 在|汉|举行,
 * 来沪|参加, 访港|期间 name 武汉, 上海, 香港 when a word of arrival or
 * presence comes before and a verb, preposition, conjunction or 期间 after
 * (到|港|后 is a harbour, not Hong Kong).  0 or TEKG_ENOMEM. */
static int short_places(ctx *c)
{
	size_t k;
	int rc;

	for (k = 0; k + 1 < c->nu; k++) {
		unit *u = &c->u[k], *n = &c->u[k + 1];
		const xlex_entry *e;
		size_t at;
		if (u->ent == U_PER || u->ent == U_ORG || u->title || n->ws != u->we ||
		    !(n->tag[0] == 'v' || n->tag[0] == 'p' || n->tag[0] == 'c' || ueq(c, n, "期间")))
			continue;
		if (ulen(u) == 1 && k > 0 && c->u[k - 1].we == u->ws && ulen(&c->u[k - 1]) == 1 &&
		    arrive_cp(wcp(c, c->u[k - 1].ws)))
			at = u->ws;
		else if (ulen(u) == 2 && !u->ent && arrive_cp(wcp(c, u->ws)))
			at = u->ws + 1;
		else
			continue;
		if ((e = lex_get(c, at, at + 1)) == NULL || !(e->flags & XL_PLACE_SHORT) || !e->short_of)
			continue;
		if (at > u->ws) {
			if ((rc = unit_split(c, k, at)))
				return rc;
			k++;
			u = &c->u[k];
		}
		u->ent = U_LOC;
		strcpy(u->tag, "gz");
		tekg_free(u->name);
		if ((u->name = tekg_strdup(e->short_of)) == NULL)
			return TEKG_ENOMEM;
	}
	return 0;
}

/* Is [ws,we) a title, possibly with prefixes (常务副院长, 执行主任)? */
static int title_text(const ctx *c, size_t ws, size_t we)
{
	size_t s, e;

	if (lex_has(c, ws, we, XL_TITLE))
		return 1;
	for (s = ws + 1; s < we; s++)
		if (lex_has(c, s, we, XL_TITLE)) {
			/* what precedes must be prefixes */
			size_t p = ws;
			while (p < s) {
				for (e = s; e > p; e--)
					if (lex_has(c, p, e, XL_TITLE_PREFIX))
						break;
				if (e == p)
					break;
				p = e;
			}
			if (p == s)
				return 1;
		}
	return 0;
}

static int surname_at(const ctx *c, size_t w)
{
	return lex_has(c, w, w + 2, XL_SURNAME) ? 2 : lex_has(c, w, w + 1, XL_SURNAME) ? 1 : 0;
}

/* 新闻|发言|人柏|子航: the tagger put a title's last character and a name's
 * first into one token.  When a title ends inside a token, the rest (one
 * or two characters, starting with a surname) and the person right after
 * it form a name of 2-4 characters.  0 or TEKG_ENOMEM. */
static int title_into_name(ctx *c)
{
	size_t k, j, p;
	int rc;

	for (k = 0; k < c->nu; k++) {
		for (j = k; j + 1 < c->nu && j < k + 3; j++) {
			unit *v = &c->u[j], *nx = &c->u[j + 1];
			if (v->ent || is_punct_unit(c, v) || !all_han(c, v->ws, v->we) ||
			    (j > k && c->u[j - 1].we != v->ws))
				break;
			if (nx->ent != U_PER || nx->ws != v->we || !all_han(c, nx->ws, nx->we) ||
			    title_text(c, c->u[k].ws, v->we))
				continue;
			for (p = v->we - 1; p > v->ws && p + 2 >= v->we; p--) {
				size_t n = v->we - p + ulen(nx);
				if (n < 2 || n > 4 || !surname_at(c, p) || !title_text(c, c->u[k].ws, p))
					continue;
				if ((rc = unit_split(c, j, p)))
					return rc;
				unit_merge(c, k, j, U_NONE, "n");
				unit_merge(c, k + 1, k + 2, U_PER, "PER");
				c->u[k + 1].sure = 1;
				goto next;
			}
		}
	next:;
	}
	return 0;
}

static int committee_head(uint32_t cp)
{
	return cp == 0x5E02 /* 市 */ || cp == 0x7701 /* 省 */ || cp == 0x533A /* 区 */ ||
	       cp == 0x53BF /* 县 */ || cp == 0x5DDE /* 州 */;
}

/* 成都|市委书记, 成都市委书记, 成都市|委书记: the party committee (成都市委)
 * is the organisation and what follows 委 the title, as 外交部长 gives
 * 外交部 + 部长.  A bare 市委书记 with no place before it stays a title.
 * 0 or TEKG_ENOMEM. */
static int party_committee(ctx *c)
{
	size_t k, i;
	int rc;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k], *pv = k > 0 ? &c->u[k - 1] : NULL;
		int loc_before = pv && pv->ent == U_LOC && pv->we == u->ws && pv->alias_of < 0;
		if (u->ent || u->title || ulen(u) < 2 || !all_han(c, u->ws, u->we))
			continue;
		if (wcp(c, u->ws) == 0x59D4 /* 委 */ && loc_before && committee_head(wcp(c, pv->we - 1)) &&
		    title_text(c, u->ws + 1, u->we)) {
			if ((rc = unit_split(c, k, u->ws + 1)))
				return rc;
			unit_merge(c, k - 1, k, U_ORG, "ORG");
			continue;
		}
		for (i = u->ws; i + 2 < u->we; i++)
			if (wcp(c, i + 1) == 0x59D4 /* 委 */ && committee_head(wcp(c, i)) &&
			    title_text(c, i + 2, u->we))
				break;
		if (i + 2 >= u->we)
			continue;
		if (i - u->ws < 2 && !loc_before)
			continue; /* 市委书记 alone: a title */
		if ((rc = unit_split(c, k, i + 2)))
			return rc;
		if (i - u->ws < 2) {
			unit_merge(c, k - 1, k, U_ORG, "ORG");
		} else {
			c->u[k].ent = U_ORG;
			strcpy(c->u[k].tag, "ORG");
			k++;
		}
	}
	return 0;
}

/* Does [ws,we) end in a mission's name (大使馆, 总领事馆, 代表处 ...)? */
static int mission_end(const ctx *c, size_t ws, size_t we)
{
	static const char *const t[] = {"大使馆", "总领事馆", "领事馆", "使馆", "代表处", "办事处", "使团"};
	size_t i, l = wlen(c, ws, we);

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t tl = strlen(t[i]);
		if (l >= tl && !memcmp(wptr(c, ws) + l - tl, t[i], tl))
			return 1;
	}
	return 0;
}

/* 中国|驻|美国|大使馆, 中国|驻|美国大使馆: a named mission is one organisation. */
static void missions(ctx *c)
{
	size_t k;

	for (k = 0; k + 2 < c->nu; k++) {
		unit *x = &c->u[k], *z = &c->u[k + 1], *y = &c->u[k + 2];
		if ((x->ent != U_ORG && x->ent != U_LOC) || !ueq(c, z, "驻") || x->we != z->ws ||
		    z->we != y->ws || x->alias_of >= 0 || y->alias_of >= 0)
			continue;
		if ((y->ent == U_ORG || y->ent == U_LOC) && mission_end(c, y->ws, y->we)) {
			unit_merge(c, k, k + 2, U_ORG, "ORG");
		} else if (y->ent == U_LOC && k + 3 < c->nu && !c->u[k + 3].ent && !c->u[k + 3].title &&
		           c->u[k + 3].ws == y->we && ulen(&c->u[k + 3]) <= 4 &&
		           all_han(c, c->u[k + 3].ws, c->u[k + 3].we) &&
		           mission_end(c, c->u[k + 3].ws, c->u[k + 3].we)) {
			unit_merge(c, k, k + 3, U_ORG, "ORG");
		}
	}
}

/* Split unit k at work char `at` into the organisation [ws, at) and the
 * title [at, we); `tfull` (owned, may be NULL) becomes the title's full
 * form.  0 or TEKG_ENOMEM (tfull freed either way on failure). */
static int split_org_title(ctx *c, size_t k, size_t at, char *tfull)
{
	unit *u;
	int rc;

	if ((rc = unit_split(c, k, at))) {
		tekg_free(tfull);
		return rc;
	}
	u = &c->u[k];
	u->title = 0;
	u->ent = U_ORG;
	strcpy(u->tag, "ORG");
	tekg_free(u->tfull);
	u->tfull = NULL;
	c->u[k + 1].title = 1;
	c->u[k + 1].tfull = tfull;
	return 0;
}

/* Rule 6: titles; 外交|部长 -> 外交部 + 部长; 公共政策学院|院长. */
static int titles(ctx *c)
{
	size_t k;
	int rc;

	missions(c);
	if ((rc = title_into_name(c)))
		return rc;
	for (k = 0; k + 1 < c->nu; k++) {
		unit *u = &c->u[k], *n = &c->u[k + 1];
		if (u->ent || n->ent || u->we != n->ws || is_punct_unit(c, u) || is_punct_unit(c, n))
			continue;
		if (!title_text(c, u->ws, u->we) && title_text(c, u->ws, n->we))
			unit_merge(c, k, k + 1, U_NONE, "n"); /* 党组|书记 -> 党组书记 */
		else if (lex_has(c, u->ws, u->we, XL_TITLE_PREFIX) && title_text(c, u->ws, n->we))
			unit_merge(c, k, k + 1, U_NONE, "n"); /* 执行|主任 */
		else if (k + 2 < c->nu && !c->u[k + 2].ent && c->u[k + 2].ws == n->we &&
		         !is_punct_unit(c, &c->u[k + 2]) && !title_text(c, u->ws, u->we) &&
		         !title_text(c, u->ws, n->we) && title_text(c, u->ws, c->u[k + 2].we))
			unit_merge(c, k, k + 2, U_NONE, "n"); /* 新闻|发言|人 */
	}
	if ((rc = party_committee(c)))
		return rc;
	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		if (u->ent == U_ORG || u->ent == U_LOC || is_punct_unit(c, u))
			continue;
		if (title_text(c, u->ws, u->we)) {
			u->title = 1;
			u->ent = U_NONE; /* CEO/nr is a title, not a person */
		} else if (!u->ent && lex_has(c, u->ws, u->we, XL_TITLE_PREFIX)) {
			u->title = 2;
		} else if (!u->ent && ueq(c, u, "长") && k > 0 && c->u[k - 1].ent == U_ORG &&
		           c->u[k - 1].we == u->ws) {
			/* 外交部|长 after the lexicon took 外交部 */
			char buf[16];
			size_t l = wlen(c, c->u[k - 1].we - 1, c->u[k - 1].we);
			if (l + 4 < sizeof buf) {
				memcpy(buf, wptr(c, c->u[k - 1].we - 1), l);
				strcpy(buf + l, "长");
				u->title = 1;
				if ((u->tfull = tekg_strdup(buf)) == NULL)
					return TEKG_ENOMEM;
			}
		}
	}
	/* 外交部长 as one title: 外交部 is the organisation, 外交部长 the title */
	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		uint32_t h;
		char *tf;
		if ((u->title != 1 && (u->ent || u->title || is_punct_unit(c, u))) || ulen(u) < 4 ||
		    wcp(c, u->we - 1) != 0x957F /* 长 */)
			continue;
		h = wcp(c, u->we - 2);
		if (u->title != 1 && (wcp(c, u->we - 3) != h || ulen(u) < 5))
			continue; /* an unlisted word is a title only as XY局局长 (not 该局局长) */
		if (!(h == 0x90E8 /* 部 */ || h == 0x5C40 /* 局 */ || h == 0x5385 /* 厅 */ ||
		      h == 0x7F72 /* 署 */) || lex_has(c, u->ws, u->we - 2, XL_TITLE_PREFIX) ||
		    !all_han(c, u->ws, u->we))
			continue;
		if (wcp(c, u->we - 3) == h) {
			/* 库务局局长: the organisation 库务局, the title 局长 */
			if ((rc = split_org_title(c, k, u->we - 2, NULL)))
				return rc;
			k++;
			continue;
		}
		if ((tf = xart_work_text(c->xa, u->ws, u->we)) == NULL)
			return TEKG_ENOMEM;
		if ((rc = split_org_title(c, k, u->we - 1, tf)))
			return rc;
		k++;
	}
	/* X|部长: X部 is the organisation */
	for (k = 1; k < c->nu; k++) {
		unit *u = &c->u[k], *p = &c->u[k - 1];
		uint32_t h = wcp(c, u->ws);
		if (u->title != 1 || ulen(u) != 2 || wcp(c, u->ws + 1) != 0x957F /* 长 */)
			continue;
		if (!(h == 0x90E8 /* 部 */ || h == 0x5C40 /* 局 */ || h == 0x5385 /* 厅 */ ||
		      h == 0x7F72 /* 署 */))
			continue;
		if (p->ent || p->title || !all_han(c, p->ws, p->we) || ulen(p) < 2 || ulen(p) > 4 ||
		    p->we != u->ws)
			continue;
		if (wcp(c, p->we - 1) == h)
			continue; /* 库务局|局长: the noun-run rule below names 库务局 */
		{
			size_t l = wlen(c, p->ws, u->we);
			char *nm = tekg_malloc(l + 1), *tf = tekg_malloc(l + 1);
			if (!nm || !tf) {
				tekg_free(nm);
				tekg_free(tf);
				return TEKG_ENOMEM;
			}
			memcpy(nm, wptr(c, p->ws), wlen(c, p->ws, u->ws + 1));
			nm[wlen(c, p->ws, u->ws + 1)] = '\0';
			memcpy(tf, wptr(c, p->ws), l);
			tf[l] = '\0';
			p->ent = U_ORG;
			p->name = nm;
			tekg_free(u->tfull);
			u->tfull = tf;
		}
	}
	/* noun run ending in an organisation suffix, right before a title */
	for (k = 1; k < c->nu; k++) {
		size_t j, start, conj;
		unit *last;
		if (c->u[k].title != 1 && !(c->u[k].title == 2 && k + 1 < c->nu && c->u[k + 1].title == 1))
			continue;
		last = &c->u[k - 1];
		if (last->ent || last->title || !all_han(c, last->ws, last->we) ||
		    suffix_at(c, last->ws, last->we, XL_ORG_SUFFIX, 1) == last->we)
			continue;
		start = k - 1;
		for (j = k - 1, conj = 0; j > 0 && k - j < 4 + conj; j--) {
			unit *p = &c->u[j - 1];
			if (p->ent == U_LOC) {
				start = j - 1;
				break;
			}
			if (ueq(c, p, "及") && j >= 2 && !conj && !c->u[j - 2].ent && !c->u[j - 2].title &&
			    all_han(c, c->u[j - 2].ws, c->u[j - 2].we) &&
			    (c->u[j - 2].tag[0] == 'n' || !strcmp(c->u[j - 2].tag, "vn"))) {
				conj = 1; /* 财经事务|及|库务局: one body's name */
				continue;
			}
			if (p->ent || p->title || is_punct_unit(c, p) || !all_han(c, p->ws, p->we) ||
			    !(p->tag[0] == 'n' || p->tag[0] == 'a' || !strcmp(p->tag, "vn") ||
			      !strcmp(p->tag, "j") || lex_has(c, p->ws, p->we, XL_ORG_SUFFIX)))
				break;
			start = j - 1;
		}
		if (start == k - 1 && (ulen(last) < 3 || lex_has(c, last->ws, last->we, XL_ORG_SUFFIX)))
			continue; /* a bare suffix (办, 工作组) is not a name */
		if (c->u[start].we == c->u[k - 1].we && ulen(&c->u[start]) < 3)
			continue;
		if (lex_has(c, c->u[start].ws, c->u[k - 1].we, XL_STOP))
			continue; /* 国际组织|代表: a generic word */
		unit_merge(c, start, k - 1, U_ORG, "ORG");
		k = start + 1;
	}
	(void)rc;
	return 0;
}

static int after_name_ok(const ctx *c, size_t k)
{
	const unit *n;

	if (k >= c->nu)
		return 1;
	n = &c->u[k];
	return is_punct_unit(c, n) || n->tag[0] == 'v' || n->tag[0] == 'p' || n->tag[0] == 'c' ||
	       n->tag[0] == 'd' || ueq(c, n, "说");
}

/* Tags a missed name does not get: verbs, adverbs, function words
 * (书记|强调, 主任|高度|评价). */
static int not_name_tag(const char *tag)
{
	return tag[0] == 'v' || tag[0] == 'd' || tag[0] == 'p' || tag[0] == 'c' || tag[0] == 'u' ||
	       tag[0] == 'r' || tag[0] == 'm' || tag[0] == 'q' || tag[0] == 'f' || tag[0] == 'w' ||
	       !strcmp(tag, "ad") || !strcmp(tag, "TIME");
}

/* Does a name end at char p: punctuation, the sentence's end, or a word
 * that follows a speaker's name (说, 表示, 出席, 在, 和 ...)? */
static int name_stop(const ctx *c, size_t p, size_t end)
{
	static const char *const w[] = {
		"说", "表示", "指出", "介绍", "发表", "出席", "强调", "认为", "称", "致辞", "主持",
		"会见", "宣布", "透露", "告诉", "提出", "回答", "谈到", "参加", "接受", "带领", "率",
		"一行", "在", "和", "与", "及", "等", "也", "对", "向", "就", "将", "的", "则", "今天",
		"日前", "近日"};
	size_t i, left;

	if (p >= end || !is_han(wcp(c, p)))
		return 1;
	left = wlen(c, p, end);
	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		size_t l = strlen(w[i]);
		if (l <= left && !memcmp(wptr(c, p), w[i], l))
			return 1;
	}
	return 0;
}

/* 主席|蓝海|川|说, 研究员|上官若水说: right after title unit k, a surname
 * and one or two more characters up to a name_stop are a name, whatever
 * the tokens.  The characters after the first token may not be function
 * words (王刚|又|说 is 王刚); a first token the tagger called a verb gives
 * only a name of three or more characters that ends inside it (书记|强调 is
 * no name).  1 when a person was made, 0 when not, or TEKG_ENOMEM. */
static int name_from_chars(ctx *c, size_t k)
{
	size_t a = c->u[k + 1].ws, s = (size_t)surname_at(c, a), end = c->u[c->nu - 1].we, p, m, i;
	int rc, verb = not_name_tag(c->u[k + 1].tag);

	if (s == 0 || a != c->u[k].we)
		return 0;
	for (p = a + s + 1; p <= a + s + 2 && p <= end; p++) {
		if (!all_han(c, a, p))
			return 0;
		if (!name_stop(c, p, end))
			continue;
		if (verb && (p - a < 3 || p >= c->u[k + 1].we))
			return 0;
		for (m = k + 1; m < c->nu && c->u[m].we < p; m++)
			;
		if (m >= c->nu)
			return 0;
		for (i = k + 1; i <= m; i++) {
			unit *v = &c->u[i];
			if (v->ent == U_ORG || v->ent == U_LOC || v->title || is_punct_unit(c, v) ||
			    (i > k + 1 && not_name_tag(v->tag) && v->tag[0] != 'v'))
				return 0;
		}
		if (c->u[m].we > p && (rc = unit_split(c, m, p)))
			return rc;
		unit_merge(c, k + 1, m, U_PER, "PER");
		c->u[k + 1].sure = 1;
		return 1;
	}
	return 0;
}

/* Rule 7: a name right after a title. */
static int after_title(ctx *c)
{
	size_t k;
	int rc;

	for (k = 0; k + 1 < c->nu; k++) {
		unit *t = &c->u[k], *u = &c->u[k + 1];
		size_t n = ulen(u);
		if (t->title != 1 || u->title || u->ent == U_ORG || u->ent == U_LOC)
			continue;
		if (!all_han(c, u->ws, u->we))
			continue;
		if (n == 4 && !memcmp(wptr(c, u->ws), wptr(c, u->ws + 2), wlen(c, u->ws, u->ws + 2)) &&
		    surname_at(c, u->ws)) {
			/* 赵宁赵宁: the name doubled by an editing slip */
			if ((rc = unit_split(c, k + 1, u->ws + 2)))
				return rc;
			u = &c->u[k + 1];
			u->ent = U_PER;
			u->sure = 1;
			strcpy(c->u[k + 2].tag, "w");
			continue;
		}
		if (u->ent == U_PER)
			continue;
		if ((rc = name_from_chars(c, k)) < 0)
			return rc;
		if (rc > 0)
			continue;
		if ((n == 2 || n == 3) && surname_at(c, u->ws) && after_name_ok(c, k + 2) &&
		    !not_name_tag(u->tag)) {
			u->ent = U_PER;
			u->sure = 1;
		} else if (n == 1 && surname_at(c, u->ws) == 1 && k + 2 < c->nu &&
		           all_han(c, c->u[k + 2].ws, c->u[k + 2].we) && ulen(&c->u[k + 2]) <= 2 &&
		           !not_name_tag(c->u[k + 2].tag) &&
		           !c->u[k + 2].ent && !c->u[k + 2].title && after_name_ok(c, k + 3)) {
			unit_merge(c, k + 1, k + 2, U_PER, "PER");
			c->u[k + 1].sure = 1;
		}
	}
	return 0;
}

/* Rule 8: list repairs. */
static int lists(ctx *c)
{
	size_t k, j;
	int rc;

	/* ...、孙志强、吴海|东等10人 */
	for (k = 1; k + 1 < c->nu; k++) {
		unit *u = &c->u[k], *n = &c->u[k + 1];
		if (u->ent != U_PER || ulen(u) != 2 || !is_sep(c, &c->u[k - 1]) || ulen(n) != 2 ||
		    wcp(c, n->ws + 1) != 0x7B49 /* 等 */ || !is_han(wcp(c, n->ws)))
			continue;
		if (k < 2 || c->u[k - 2].ent != U_PER || ulen(&c->u[k - 2]) != 3)
			continue;
		if ((rc = unit_split(c, k + 1, n->ws + 1)))
			return rc;
		unit_merge(c, k, k + 1, U_PER, NULL);
	}
	/* A、B、C等企业: the items are organisations */
	for (k = 0; k < c->nu; k++) {
		size_t first;
		int ok = 0;
		if (!ueq(c, &c->u[k], "等") || k + 1 >= c->nu)
			continue;
		{
			unit *h = &c->u[k + 1];
			if (!(ueq(c, h, "企业") || ueq(c, h, "公司") || ueq(c, h, "机构") ||
			      ueq(c, h, "单位") || ueq(c, h, "高校") || ueq(c, h, "组织") ||
			      ueq(c, h, "媒体") || ueq(c, h, "银行") || ueq(c, h, "医院")))
				continue;
		}
		first = k;
		for (j = k; j > 0; j -= 2) {
			unit *it = &c->u[j - 1];
			if (it->ent == U_LOC || it->title || is_punct_unit(c, it) || ulen(it) < 2)
				break;
			first = j - 1;
			ok++;
			if (j < 2 || !ueq(c, &c->u[j - 2], "、"))
				break;
		}
		if (ok < 2)
			continue;
		for (j = first; j < k; j += 2)
			if (c->u[j].ent != U_ORG) {
				c->u[j].ent = U_ORG;
				strcpy(c->u[j].tag, "ORG");
			}
	}
	return 0;
}

/* Rule 9: persons look like names. */
static void persons(ctx *c)
{
	size_t k, i;

	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		size_t n = ulen(u);
		if (u->ent != U_PER || u->sure)
			continue;
		if (is_alpha(wcp(c, u->ws))) {
			/* two or three Capitalised words: Angelica Guinto */
			size_t words = 0, bad = 0, inword = 0;
			for (i = u->ws; i < u->we; i++) {
				uint32_t cp = wcp(c, i);
				if (cp == ' ') {
					inword = 0;
					continue;
				}
				if (!is_alpha(cp) && cp != '-') {
					bad = 1;
					break;
				}
				if (!inword) {
					words++;
					inword = 1;
					if (!(cp >= 'A' && cp <= 'Z'))
						bad = 1;
					else if (i + 1 < u->we && wcp(c, i + 1) >= 'A' && wcp(c, i + 1) <= 'Z')
						bad = 1;
				}
			}
			if (bad || words < 2 || words > 4)
				u->ent = U_NONE;
			continue;
		}
		{
			int dot = 0;
			for (i = u->ws; i < u->we; i++) {
				uint32_t cp = wcp(c, i);
				if (is_dot(cp))
					dot = 1;
				else if (!is_han(cp))
					dot = -100;
			}
			if (dot < 0) {
				u->ent = U_NONE;
				continue;
			}
			if (dot)
				continue;
		}
		if (n < 2 || n > 4 || (!surname_at(c, u->ws) && xlex_maxlen(c->lex) > 0) ||
		    lex_has(c, u->ws, u->we, XL_STOP))
			u->ent = U_NONE; /* without lexicons (no data dir) the tagger is trusted */
	}
}

/* ---- the document's entities ---------------------------------------- */

static int add_alias(dent *e, const char *s, size_t len)
{
	size_t i;
	char **na, *cp;

	if (len == 0)
		return 0;
	for (i = 0; i < e->nal; i++)
		if (strlen(e->al[i]) == len && !memcmp(e->al[i], s, len))
			return 0;
	if ((cp = tekg_strndup(s, len)) == NULL)
		return TEKG_ENOMEM;
	if ((na = tekg_realloc(e->al, (e->nal + 1) * sizeof *na)) == NULL) {
		tekg_free(cp);
		return TEKG_ENOMEM;
	}
	e->al = na;
	e->al[e->nal++] = cp;
	return 0;
}

static int doc_entity(doc *d, int type, const char *name, size_t len, size_t *idx)
{
	size_t i;
	dent *e;

	for (i = 0; i < d->ne; i++)
		if (d->e[i].type == type && strlen(d->e[i].name) == len && !memcmp(d->e[i].name, name, len)) {
			*idx = i;
			return 0;
		}
	if (grow((void **)&d->e, &d->cape, d->ne, sizeof *d->e))
		return TEKG_ENOMEM;
	e = &d->e[d->ne];
	memset(e, 0, sizeof *e);
	if ((e->name = tekg_strndup(name, len)) == NULL)
		return TEKG_ENOMEM;
	e->type = type;
	e->rep = d->ne;
	*idx = d->ne++;
	return add_alias(e, name, len);
}

static int doc_mention(ctx *c, size_t ent, size_t sent, size_t ws, size_t we)
{
	doc *d = &c->d;
	dmen *m;
	size_t os, oe;

	xart_orig_span(c->xa, ws, we, &os, &oe);
	if (grow((void **)&d->m, &d->capm, d->nm, sizeof *d->m))
		return TEKG_ENOMEM;
	m = &d->m[d->nm];
	m->ent = ent;
	m->sent = sent;
	m->os = os;
	m->oe = oe;
	m->surface = xart_orig_text(c->xa, os, oe);
	m->norm = xart_work_text(c->xa, ws, we);
	if (!m->surface || !m->norm) {
		tekg_free(m->surface);
		tekg_free(m->norm);
		return TEKG_ENOMEM;
	}
	d->nm++;
	if (add_alias(&d->e[ent], m->surface, strlen(m->surface)) ||
	    add_alias(&d->e[ent], m->norm, strlen(m->norm)))
		return TEKG_ENOMEM;
	return 0;
}

static int doc_edge(doc *d, const char *type, size_t src, size_t dst, size_t sent,
                    const char *title, size_t tlen)
{
	dedge *g;
	size_t i;

	if (src == dst)
		return 0;
	for (i = 0; i < d->ng; i++)
		if (d->g[i].src == src && d->g[i].dst == dst && !strcmp(d->g[i].type, type) &&
		    d->g[i].sent == sent)
			return 0;
	if (grow((void **)&d->g, &d->capg, d->ng, sizeof *d->g))
		return TEKG_ENOMEM;
	g = &d->g[d->ng];
	g->type = type;
	g->src = src;
	g->dst = dst;
	g->sent = sent;
	g->title = NULL;
	if (title && tlen && (g->title = tekg_strndup(title, tlen)) == NULL)
		return TEKG_ENOMEM;
	d->ng++;
	return 0;
}

static void doc_clear(doc *d)
{
	size_t i, j;

	for (i = 0; i < d->ne; i++) {
		tekg_free(d->e[i].name);
		tekg_free(d->e[i].kind);
		tekg_free(d->e[i].title0);
		for (j = 0; j < d->e[i].nal; j++)
			tekg_free(d->e[i].al[j]);
		tekg_free(d->e[i].al);
	}
	for (i = 0; i < d->nm; i++) {
		tekg_free(d->m[i].surface);
		tekg_free(d->m[i].norm);
	}
	for (i = 0; i < d->ng; i++)
		tekg_free(d->g[i].title);
	tekg_free(d->e);
	tekg_free(d->m);
	tekg_free(d->g);
	memset(d, 0, sizeof *d);
}

/* Canonical name of a unit's entity: lexicon canonical, 深圳市 -> 深圳. */
static int canon_name(const ctx *c, const unit *u, char **out)
{
	const xlex_entry *e;
	size_t n = ulen(u);

	*out = NULL;
	if (u->name)
		return (*out = tekg_strdup(u->name)) ? 0 : TEKG_ENOMEM;
	e = lex_get(c, u->ws, u->we);
	if (e && e->canon && (e->flags & (u->ent == U_LOC ? XL_PLACE : XL_ORG)))
		return (*out = tekg_strdup(e->canon)) ? 0 : TEKG_ENOMEM;
	if (u->ent == U_LOC && n >= 3 && all_han(c, u->ws, u->we)) {
		uint32_t last = wcp(c, u->we - 1);
		if (last == 0x5E02 /* 市 */ || last == 0x7701 /* 省 */) {
			const xlex_entry *s = lex_get(c, u->ws, u->we - 1);
			if (s && s->canon && (s->flags & XL_PLACE))
				return (*out = tekg_strdup(s->canon)) ? 0 : TEKG_ENOMEM;
			return (*out = xart_work_text(c->xa, u->ws, u->we - 1)) ? 0 : TEKG_ENOMEM;
		}
	}
	if (u->ent == U_PER) {
		/* one middle dot for every dot variant (• ‧ ・ ･ ...): one key */
		size_t i, o = 0;
		char *t = tekg_malloc(wlen(c, u->ws, u->we) + 4 * ulen(u) + 1);
		if (t == NULL)
			return TEKG_ENOMEM;
		for (i = u->ws; i < u->we; i++) {
			uint32_t cp = wcp(c, i);
			size_t l = wlen(c, i, i + 1);
			if (is_dot(cp)) {
				o += tekg_utf8_encode(0xB7, t + o);
				continue;
			}
			memcpy(t + o, wptr(c, i), l);
			o += l;
		}
		t[o] = '\0';
		*out = t;
		return 0;
	}
	return (*out = xart_work_text(c->xa, u->ws, u->we)) ? 0 : TEKG_ENOMEM;
}

static const char *kind_of(const ctx *c, int type, const char *name)
{
	const xlex_entry *e = xlex_get(c->lex, name, strlen(name));
	size_t len = strlen(name), s;

	if (e && e->kind && (e->flags & (type == U_LOC ? XL_PLACE : XL_ORG)))
		return e->kind;
	/* the kind of the longest listed suffix */
	for (s = 0; s < len; s++) {
		if (((unsigned char)name[s] & 0xC0) == 0x80)
			continue;
		e = xlex_get(c->lex, name + s, len - s);
		if (e && (type == U_LOC ? e->pkind : e->okind))
			return type == U_LOC ? e->pkind : e->okind;
	}
	return NULL;
}

static int ensure_kind(ctx *c, size_t idx)
{
	dent *e = &c->d.e[idx];
	const char *k;

	if (e->kind || e->type == U_PER)
		return 0;
	if ((k = kind_of(c, e->type, e->name)) && (e->kind = tekg_strdup(k)) == NULL)
		return TEKG_ENOMEM;
	return 0;
}

/* An entity for unit u and its mention; ent_idx set. */
static int emit_unit(ctx *c, unit *u)
{
	char *nm = NULL;
	int rc;

	if ((rc = canon_name(c, u, &nm)))
		return rc;
	rc = doc_entity(&c->d, u->ent, nm, strlen(nm), &u->ent_idx);
	tekg_free(nm);
	if (rc || (rc = ensure_kind(c, u->ent_idx)))
		return rc;
	return doc_mention(c, u->ent_idx, c->sent, u->ws, u->we);
}

/* Places named at the start of an organisation (深圳海关 -> 深圳) and the
 * parent of a sub-unit (外交部国际经济司 -> 外交部). */
static int org_parts(ctx *c, unit *u)
{
	size_t pp, s, idx;
	char *nm = NULL;
	int rc = 0;

	if (u->name)
		return 0;
	{
		const xlex_entry *le = lex_get(c, u->ws, u->we);
		pp = le && (le->flags & XL_ORG) && le->kind && !strcmp(le->kind, "international")
		         ? u->ws : place_prefix(c, u->ws, u->we); /* 亚太经合组织 is not in 亚太 */
	}
	if (pp > u->ws) {
		unit pu = *u;
		pu.ent = U_LOC;
		pu.we = pp;
		pu.name = NULL;
		if ((rc = emit_unit(c, &pu)))
			return rc;
		if ((rc = doc_edge(&c->d, "located_in", u->ent_idx, pu.ent_idx, c->sent, NULL, 0)))
			return rc;
	}
	/* sub-unit: the longest proper prefix that is a listed organisation, or
	 * ends in a suffix with a suffixed remainder of 3+ chars */
	for (s = ulen(u) >= 5 ? u->we - 3 : u->ws; s > u->ws + 1; s--) {
		int listed = lex_has(c, u->ws, s, XL_ORG);
		if (!listed && (suffix_at(c, u->ws, s, XL_ORG_SUFFIX, 0) == s ||
		                suffix_at(c, s, u->we, XL_ORG_SUFFIX, 0) == u->we ||
		                lex_has(c, u->ws, s, XL_PLACE) || s <= pp + 1))
			continue;
		if (!listed && lex_has(c, s, u->we, XL_ORG_SUFFIX))
			continue; /* 人大|常委会 is a body, 民建深圳市委|会 a typo guard */
		if (!is_han(wcp(c, s)) || place_prefix(c, s, u->we) > s || lex_has(c, s, s + 2, XL_PLACE))
			continue; /* 香港中文大学|(深圳)医院, 港大|深圳医院: an institution of its own */
		{
			unit pu = *u;
			pu.we = s;
			pu.name = NULL;
			if ((rc = emit_unit(c, &pu)))
				return rc;
			idx = pu.ent_idx;
			rc = doc_edge(&c->d, "subunit_of", u->ent_idx, idx, c->sent, NULL, 0);
		}
		break;
	}
	tekg_free(nm);
	return rc;
}

/* A facility named after its place (香港会议展览中心 -> 香港): located_in. */
static int facility_parts(ctx *c, unit *u)
{
	const dent *e = &c->d.e[u->ent_idx];
	size_t pp;
	unit pu;
	int rc;

	if (u->name || !e->kind || strcmp(e->kind, "facility") || lex_has(c, u->ws, u->we, XL_PLACE) ||
	    (pp = place_prefix(c, u->ws, u->we)) <= u->ws)
		return 0;
	pu = *u;
	pu.we = pp;
	if ((rc = emit_unit(c, &pu)))
		return rc;
	return doc_edge(&c->d, "located_in", u->ent_idx, pu.ent_idx, c->sent, NULL, 0);
}

/* The text of a title unit. */
static void unit_title(const ctx *c, const unit *u, const char **s, size_t *len)
{
	if (u->tfull) {
		*s = u->tfull;
		*len = strlen(u->tfull);
	} else {
		*s = wptr(c, u->ws);
		*len = wlen(c, u->ws, u->we);
	}
}

/* Affiliations: walk back from person k over "ORG title、ORG title PER". */
static int affiliations(ctx *c, size_t k)
{
	size_t j = k, seg_end = k, skips = 0, first_title = SIZE_MAX;
	int have_title = 0, rc;
	char tbuf[256];

	while (j > 0) {
		unit *p = &c->u[j - 1];
		if (p->title) {
			if (p->title == 1)
				have_title = 1;
			if (first_title == SIZE_MAX || p->title == 1)
				first_title = j - 1;
			j--;
			continue;
		}
		if ((p->ent == U_ORG || p->ent == U_LOC) && have_title) {
			/* title text: from the organisation's end to the segment's end */
			size_t tl = 0, i;
			if (j >= 3 && ueq(c, &c->u[j - 2], "驻") && c->u[j - 2].we == p->ws &&
			    (c->u[j - 3].ent == U_ORG || c->u[j - 3].ent == U_LOC) &&
			    c->u[j - 3].we == c->u[j - 2].ws) {
				/* 中国驻美国大使X: the post belongs to what sends it (中国),
				 * not to the place it is in; the title keeps 驻美国 */
				j -= 2;
				p = &c->u[j - 1];
			}
			tbuf[0] = '\0';
			for (i = j; i < seg_end; i++) {
				const char *s;
				size_t l;
				if (c->u[i].ent == U_PER)
					break;
				unit_title(c, &c->u[i], &s, &l);
				if (is_punct_unit(c, &c->u[i]) && !ueq(c, &c->u[i], "、"))
					continue;
				if (tl + l + 1 >= sizeof tbuf)
					break;
				memcpy(tbuf + tl, s, l);
				tl += l;
				tbuf[tl] = '\0';
			}
			while (tl >= 3 && !strcmp(tbuf + tl - 3, "、"))
				tbuf[tl -= 3] = '\0';
			if ((rc = doc_edge(&c->d, "affiliated_with", c->u[k].ent_idx, p->ent_idx, c->sent,
			                   tbuf, tl)))
				return rc;
			/* another "ORG title" before a separator? */
			{
				/* ...、2026年 ORG title: dates and numbers may sit before the ORG */
				size_t q = j - 1;
				while (q > 0 && (!strcmp(c->u[q - 1].tag, "TIME") || !strcmp(c->u[q - 1].tag, "m")))
					q--;
				if (q != j - 1 && q >= 2 && is_sep(c, &c->u[q - 1]) && c->u[q - 2].title) {
					j = q + 1;
				}
			}
			if (j >= 2 && is_sep(c, &c->u[j - 2]) && j >= 3 && c->u[j - 3].title) {
				j -= 2;
				seg_end = j;
				have_title = 0;
				skips = 0;
				continue;
			}
			break;
		}
		if (is_sep(c, p) || ueq(c, p, "兼")) {
			if (j >= 2 && c->u[j - 2].title) {
				j--;
				continue;
			}
			break;
		}
		if (!have_title || p->ent == U_PER || is_punct_unit(c, p) || ++skips > 3 ||
		    p->tag[0] == 'p' || p->tag[0] == 'u' || p->tag[0] == 'c')
			break;
		j--;
	}
	(void)first_title;
	return 0;
}

/* 副总经理X说, 院长X表示: a title right before person k is the person's
 * title even when no organisation names the post (an affiliation's title,
 * when there is one, still wins on output).  0 or TEKG_ENOMEM. */
static int apposition_title(ctx *c, size_t k)
{
	size_t j = k, i, tl = 0;
	dent *e = &c->d.e[c->u[k].ent_idx];
	char tbuf[128];

	if (e->title0)
		return 0;
	while (j > 0 && c->u[j - 1].title && c->u[j - 1].we == c->u[j].ws)
		j--;
	if (j == k || c->u[k - 1].title != 1)
		return 0;
	for (i = j; i < k; i++) {
		const char *s;
		size_t l;
		unit_title(c, &c->u[i], &s, &l);
		if (tl + l + 1 >= sizeof tbuf)
			return 0;
		memcpy(tbuf + tl, s, l);
		tl += l;
	}
	tbuf[tl] = '\0';
	return (e->title0 = tekg_strdup(tbuf)) ? 0 : TEKG_ENOMEM;
}

static int do_sentence(ctx *c, const tekg_sentence *s, const tekg_tag_result *tr)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < c->nu; k++)
		unit_free(&c->u[k]);
	c->nu = 0;
	TRY(build_units(c, s, tr));
	if (c->nu == 0)
		return 0;
	TRY(scan_lexicon(c));
	brackets(c);
	common_words(c);
	place_org(c);
	venues(c);
	TRY(validate(c));
	TRY(short_places(c));
	TRY(titles(c));
	TRY(after_title(c));
	TRY(lists(c));
	persons(c);
	/* entities and mentions */
	for (k = 0; k < c->nu; k++) {
		unit *u = &c->u[k];
		if (!u->ent || u->alias_of >= 0)
			continue;
		TRY(emit_unit(c, u));
		if (u->ent == U_ORG)
			TRY(org_parts(c, u));
		else if (u->ent == U_LOC)
			TRY(facility_parts(c, u));
	}
	for (k = 2; k < c->nu; k++) {
		unit *u = &c->u[k];
		/* ENTITY ( ALIAS ): units may have moved since brackets() ran */
		if (u->alias_of >= 0 && c->u[k - 2].ent && c->u[k - 2].alias_of < 0) {
			u->ent_idx = c->u[k - 2].ent_idx;
			TRY(doc_mention(c, u->ent_idx, c->sent, u->ws, u->we));
		}
	}
	for (k = 0; k < c->nu; k++)
		if (c->u[k].ent == U_PER && c->u[k].alias_of < 0) {
			TRY(affiliations(c, k));
			TRY(apposition_title(c, k));
		}
cleanup:
	return rc;
}

/* ---- credits ---------------------------------------------------------- */

static int credits(ctx *c)
{
	const tekg_article *a = c->xa->a;
	size_t i, j, pidx, oidx;
	int rc = 0;

	for (i = 0; i < a->n_credits; i++) {
		const tekg_credit *cr = &a->credits[i];
		int has_org = 0;
		char *role = NULL;
		size_t near = 0, s;
		/* edges need an evidence sentence: the credit's nearest one (the
		 * credit itself is not a sentence); its mentions have none */
		for (s = 0; s < a->n_sents; s++)
			if (a->sents[s].start <= cr->start)
				near = s;
		if (cr->outlet && *cr->outlet && strcmp(cr->outlet, "本报") && strcmp(cr->outlet, "本刊") &&
		    !xlex_has(c->lex, cr->outlet, strlen(cr->outlet), XL_STOP)) {
			const xlex_entry *e = xlex_get(c->lex, cr->outlet, strlen(cr->outlet));
			const char *nm = e && e->canon && (e->flags & XL_ORG) ? e->canon : cr->outlet;
			if ((rc = doc_entity(&c->d, U_ORG, nm, strlen(nm), &oidx)) ||
			    (rc = add_alias(&c->d.e[oidx], cr->outlet, strlen(cr->outlet))) ||
			    (rc = ensure_kind(c, oidx)))
				return rc;
			if (c->d.e[oidx].kind == NULL && (c->d.e[oidx].kind = tekg_strdup("media")) == NULL)
				return TEKG_ENOMEM;
			has_org = 1;
		}
		role = cr->role && *cr->role ? cr->role : NULL;
		for (j = 0; j < cr->n_names; j++) {
			const char *nm = cr->names[j];
			const char *at = strstr(cr->text, nm);
			char *sn = tekg_text_simplify(nm, strlen(nm), TEKG_SCRIPT_T2S);
			dmen *m;
			if (sn == NULL)
				return TEKG_ENOMEM;
			rc = doc_entity(&c->d, U_PER, sn, strlen(sn), &pidx);
			if (rc == 0)
				rc = add_alias(&c->d.e[pidx], nm, strlen(nm));
			free(sn);
			if (rc)
				return rc;
			if (grow((void **)&c->d.m, &c->d.capm, c->d.nm, sizeof *c->d.m))
				return TEKG_ENOMEM;
			m = &c->d.m[c->d.nm];
			m->ent = pidx;
			m->sent = TEKG_X_DOCUMENT;
			if (at) {
				m->os = cr->start + tekg_utf8_count(cr->text, (size_t)(at - cr->text));
				m->oe = m->os + tekg_utf8_count(nm, strlen(nm));
			} else {
				m->os = cr->start;
				m->oe = cr->end;
			}
			m->surface = tekg_strdup(nm);
			m->norm = tekg_text_simplify(nm, strlen(nm), TEKG_SCRIPT_T2S);
			if (!m->surface || !m->norm) {
				tekg_free(m->surface);
				free(m->norm);
				return TEKG_ENOMEM;
			}
			{
				/* norm must be tekg_free-able */
				char *t = tekg_strdup(m->norm);
				free(m->norm);
				if ((m->norm = t) == NULL) {
					tekg_free(m->surface);
					return TEKG_ENOMEM;
				}
			}
			c->d.nm++;
			if (has_org && a->n_sents && (rc = doc_edge(&c->d, "affiliated_with", pidx, oidx, near,
			                              role, role ? strlen(role) : 0)))
				return rc;
			if (!has_org && role && c->d.e[pidx].title0 == NULL &&
			    (c->d.e[pidx].title0 = tekg_strdup(role)) == NULL)
				return TEKG_ENOMEM;
		}
	}
	return 0;
}

/* ---- resolution and curation ---------------------------------------- */

static size_t rep(const doc *d, size_t i)
{
	while (d->e[i].rep != i)
		i = d->e[i].rep;
	return i;
}

/* Merge entity b into a (same type or not: curation may cross types). */
static int merge_into(doc *d, size_t a, size_t b)
{
	size_t i;

	a = rep(d, a);
	b = rep(d, b);
	if (a == b)
		return 0;
	for (i = 0; i < d->e[b].nal; i++)
		if (add_alias(&d->e[a], d->e[b].al[i], strlen(d->e[b].al[i])))
			return TEKG_ENOMEM;
	d->e[b].rep = a;
	return 0;
}

/* Is s a subsequence of l (by UTF-8 chars), not a prefix? */
static int subseq(const char *s, const char *l)
{
	size_t si = 0, li = 0, sl = strlen(s), ll = strlen(l);
	int gap = 0;

	while (si < sl && li < ll) {
		uint32_t a, b;
		size_t na = tekg_utf8_decode(s + si, sl - si, &a), nb = tekg_utf8_decode(l + li, ll - li, &b);
		if (na == 0 || nb == 0)
			return 0;
		if (a == b)
			si += na;
		else if (si > 0)
			gap = 1;
		else
			return 0;
		li += nb;
	}
	return si == sl && gap;
}

static int has_name(const dent *e, const char *n)
{
	size_t i;

	if (!strcmp(e->name, n))
		return 1;
	for (i = 0; i < e->nal; i++)
		if (!strcmp(e->al[i], n))
			return 1;
	return 0;
}

/* The last char of s occurs in the organisation suffix that ends l
 * (口岸办 in ...口岸办公室, 卫健委 in ...卫生健康委). */
static int tail_in_suffix(const ctx *c, const char *s, const char *l)
{
	size_t sl = strlen(s), ll = strlen(l), b = sl, t;
	char last[8];

	while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80)
		b--;
	if (b == 0 || sl - (b - 1) >= sizeof last)
		return 0;
	b--;
	memcpy(last, s + b, sl - b);
	last[sl - b] = '\0';
	for (t = 0; t < ll; t++) {
		if (((unsigned char)l[t] & 0xC0) == 0x80)
			continue;
		if (xlex_has(c->lex, l + t, ll - t, XL_ORG_SUFFIX))
			return strstr(l + t, last) != NULL;
	}
	return 0;
}

/* Bytes of name without a final legal form (东风汽车集团有限公司 ->
 * 东风汽车集团; X股份有限公司 -> X). */
static size_t legal_core(const char *name)
{
	static const char *const forms[] = {"集团股份有限公司", "股份有限公司", "有限责任公司",
	                                    "集团有限公司", "有限公司", "股份公司"};
	size_t l = strlen(name), i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		size_t fl = strlen(forms[i]);
		if (l > fl && !strcmp(name + l - fl, forms[i]))
			return l - fl; /* legal_variant puts back a 集团 that 集团有限公司 took */
	}
	return l;
}

/* Do a and b name one company once legal forms are set aside
 * (东风汽车集团 = 东风汽车集团有限公司 = 东风汽车集团股份有限公司)? */
static int legal_variant(const char *a, const char *b)
{
	size_t ca = legal_core(a), cb = legal_core(b);
	const char *g = "集团";
	size_t gl = strlen(g);

	if (ca == strlen(a) && cb == strlen(b))
		return 0; /* neither has a legal form */
	if (ca == cb && ca >= 6 && !memcmp(a, b, ca))
		return 1;
	/* X集团 and X集团有限公司: 集团有限公司 took 集团 from the core */
	if (ca + gl == cb && ca >= 6 && !memcmp(a, b, ca) && !memcmp(b + ca, g, gl))
		return 1;
	if (cb + gl == ca && cb >= 6 && !memcmp(a, b, cb) && !memcmp(a + cb, g, gl))
		return 1;
	return 0;
}

/* Does s end in an organisation suffix of two or more characters that l
 * does not hold (深圳市委 is no abbreviation of 深圳市发展和改革委员会)? */
static int own_suffix(const ctx *c, const char *s, const char *l)
{
	size_t sl = strlen(s), t;

	for (t = 0; t < sl; t++) {
		if (((unsigned char)s[t] & 0xC0) == 0x80)
			continue;
		if (xlex_has(c->lex, s + t, sl - t, XL_ORG_SUFFIX))
			return tekg_utf8_count(s + t, sl - t) >= 2 && strstr(l, s + t) == NULL;
	}
	return 0;
}

/* 市人大 -> 深圳市人大: the city the document names most. */
static int city_scope(ctx *c)
{
	doc *d = &c->d;
	size_t i, best = SIZE_MAX, bn = 0, j;
	int rc;

	for (i = 0; i < d->ne; i++) {
		size_t n = 0;
		if (d->e[i].type != U_LOC || !d->e[i].kind || strcmp(d->e[i].kind, "city"))
			continue;
		for (j = 0; j < d->nm; j++)
			n += d->m[j].ent == i;
		if (n > bn) {
			bn = n;
			best = i;
		}
	}
	if (best == SIZE_MAX)
		return 0;
	for (i = 0; i < d->ne; i++) {
		dent *e = &d->e[i];
		size_t l = strlen(e->name), bl = strlen(d->e[best].name), idx;
		char *nm;
		if (e->type != U_ORG || l < 9 || strncmp(e->name, "市", 3))
			continue;
		if ((nm = tekg_malloc(bl + l + 1)) == NULL)
			return TEKG_ENOMEM;
		memcpy(nm, d->e[best].name, bl);
		memcpy(nm + bl, e->name, l + 1);
		for (idx = 0; idx < d->ne; idx++)
			if (idx != i && d->e[idx].type == U_ORG && !strcmp(d->e[idx].name, nm))
				break;
		if (idx < d->ne) {
			tekg_free(nm);
			if ((rc = merge_into(d, idx, i)))
				return rc;
		} else {
			tekg_free(e->name);
			e->name = nm;
			if ((rc = add_alias(e, nm, strlen(nm))))
				return rc;
		}
	}
	return 0;
}

static int resolve(ctx *c)
{
	doc *d = &c->d;
	size_t i, j;
	int rc;

	for (i = 0; i < d->ne; i++) {
		dent *s = &d->e[i];
		size_t sc = tekg_utf8_count(s->name, strlen(s->name));
		for (j = 0; j < d->ne; j++) {
			dent *l = &d->e[j];
			size_t lc, ll = strlen(l->name), sl = strlen(s->name);
			const char *p;
			if (i == j || l->type != s->type || rep(d, i) != i)
				continue;
			lc = tekg_utf8_count(l->name, ll);
			if (lc <= sc)
				continue;
			if (s->type == U_PER) {
				/* 佩德罗萨 after 爱德华多·佩德罗萨 */
				if (ll > sl + 1 && !strcmp(l->name + ll - sl, s->name)) {
					uint32_t cp = 0;
					size_t b = ll - sl;
					while (b > 0 && ((unsigned char)l->name[b - 1] & 0xC0) == 0x80)
						b--;
					if (b > 0) {
						b--;
						while (b > 0 && ((unsigned char)l->name[b] & 0xC0) == 0x80)
							b--;
						tekg_utf8_decode(l->name + b, ll - b, &cp);
						if (is_dot(cp) && (rc = merge_into(d, j, i)))
							return rc;
					}
				}
				continue;
			}
			if (s->type == U_LOC && s->kind && l->kind && !strcmp(s->kind, "facility") &&
			    !strcmp(l->kind, "facility") && sc >= 4 && !strncmp(s->name, l->name, 6) &&
			    subseq(s->name, l->name) && tail_in_suffix(c, s->name, l->name)) {
				/* 香港会展中心 in 香港会议展览中心: one venue */
				if ((rc = merge_into(d, j, i)))
					return rc;
				break;
			}
			if (s->type == U_LOC) {
				/* 德化 and 德化县, 亚太 and 亚太区: one place */
				static const char *const tails[] = {"市", "省", "县", "区", "镇"};
				size_t t;
				if (ll != sl + 3 || strncmp(l->name, s->name, sl))
					continue;
				for (t = 0; t < sizeof tails / sizeof tails[0]; t++)
					if (!strcmp(l->name + sl, tails[t]) && rep(d, j) == j) {
						if ((rc = merge_into(d, i, j)))
							return rc;
						break;
					}
				continue;
			}
			if (s->type != U_ORG || sc < 2)
				continue;
			if (legal_variant(s->name, l->name)) {
				/* the listed name wins, else the full legal name */
				if ((rc = xlex_has(c->lex, s->name, sl, XL_ORG) ? merge_into(d, i, j)
				                                                 : merge_into(d, j, i)))
					return rc;
				if (rep(d, i) != i)
					break;
				continue;
			}
			/* 深圳市卫健委 in 深圳市卫生健康委: same start, a subsequence */
			if (sc >= 4 && !strncmp(s->name, l->name, 6) && subseq(s->name, l->name) &&
			    !xlex_has(c->lex, s->name, sl, XL_ORG) && tail_in_suffix(c, s->name, l->name) &&
			    !own_suffix(c, s->name, l->name)) {
				if ((rc = merge_into(d, j, i)))
					return rc;
				break;
			}
			/* 贝壳 in 贝壳集团, 美邦链通 in 深圳市美邦链通...公司: the name without
			 * place and legal form; not a parent (外交部 of 外交部国际经济司) */
			p = strstr(l->name, s->name);
			if (p && sc >= 2) {
				size_t off = (size_t)(p - l->name), pc;
				const xlex_entry *e;
				if (xlex_has(c->lex, s->name, sl, XL_ORG))
					continue;
				{
					size_t t;
					int suff = 0;
					for (t = 0; t < sl; t++) {
						if (((unsigned char)s->name[t] & 0xC0) == 0x80)
							continue;
						if (xlex_has(c->lex, s->name + t, sl - t, XL_ORG_SUFFIX))
							suff = 1;
					}
					if (suff)
						continue;
				}
				if (off > 0) {
					e = xlex_get(c->lex, l->name, off);
					pc = off;
					if (!(e && (e->flags & XL_PLACE))) {
						/* 深圳市 + name */
						if (off > 3 && !strcmp(l->name + off - 3, "市")) {
							e = xlex_get(c->lex, l->name, off - 3);
							if (!(e && (e->flags & XL_PLACE)))
								continue;
						} else
							continue;
					}
					(void)pc;
				}
				if ((rc = merge_into(d, j, i)))
					return rc;
				break;
			}
		}
	}
	return 0;
}

static size_t find_name(const doc *d, const char *n)
{
	size_t i;

	for (i = 0; i < d->ne; i++)
		if (rep(d, i) == i && !d->e[i].dead && has_name(&d->e[i], n))
			return i;
	return SIZE_MAX;
}

static int curate(ctx *c, const xcur *cur)
{
	doc *d = &c->d;
	size_t k, a, b;
	int rc;

	if (cur == NULL)
		return 0;
	for (k = 0; k < cur->n; k++) {
		const xcur_op *op = &cur->ops[k];
		switch (op->op) {
		case XC_BLOCK:
			while ((a = find_name(d, op->a)) != SIZE_MAX)
				d->e[a].dead = 1;
			break;
		case XC_MERGE:
			a = find_name(d, op->a);
			b = find_name(d, op->b);
			if (b == SIZE_MAX)
				break;
			if (a == SIZE_MAX) {
				char *nm = tekg_strdup(op->a);
				if (nm == NULL)
					return TEKG_ENOMEM;
				tekg_free(d->e[b].name);
				d->e[b].name = nm;
				if ((rc = add_alias(&d->e[b], nm, strlen(nm))))
					return rc;
			} else if ((rc = merge_into(d, a, b))) {
				return rc;
			}
			break;
		case XC_RENAME:
			if ((a = find_name(d, op->a)) != SIZE_MAX) {
				char *nm = tekg_strdup(op->b);
				if (nm == NULL)
					return TEKG_ENOMEM;
				tekg_free(d->e[a].name);
				d->e[a].name = nm;
				if ((rc = add_alias(&d->e[a], nm, strlen(nm))))
					return rc;
			}
			break;
		case XC_TYPE:
			if ((a = find_name(d, op->a)) != SIZE_MAX) {
				d->e[a].type = !strcmp(op->b, "person") ? U_PER
				               : !strcmp(op->b, "place") ? U_LOC : U_ORG;
				tekg_free(d->e[a].kind);
				d->e[a].kind = NULL;
			}
			break;
		}
	}
	return 0;
}

/* ---- output ----------------------------------------------------------- */

static int emit(ctx *c, tekg_extraction *out)
{
	doc *d = &c->d;
	size_t *map = NULL, i, j;
	char *key = NULL;
	int rc = 0;

	if (d->ne == 0)
		return 0;
	if ((map = tekg_malloc(d->ne * sizeof *map)) == NULL)
		return TEKG_ENOMEM;
	for (i = 0; i < d->ne; i++) {
		size_t r = rep(d, i), kl;
		dent *e = &d->e[r];
		map[i] = SIZE_MAX;
		if (e->dead || d->e[i].dead)
			continue;
		if (r != i) {
			continue; /* mapped below, after its representative */
		}
		kl = strlen(type_name[e->type]) + strlen(e->name) + 2;
		if ((key = tekg_malloc(kl)) == NULL)
			goto nomem;
		snprintf(key, kl, "%s:%s", type_name[e->type], e->name);
		TRY(tekg_extraction_entity(out, type_name[e->type], e->name, key, &map[i]));
		tekg_free(key);
		key = NULL;
		for (j = 0; j < e->nal; j++)
			TRY(tekg_extraction_alias(out, map[i], e->al[j]));
		if (e->kind)
			TRY(tekg_extraction_set(out, map[i], "kind", e->kind));
	}
	for (i = 0; i < d->ne; i++)
		if (map[i] == SIZE_MAX && !d->e[i].dead && !d->e[rep(d, i)].dead)
			map[i] = map[rep(d, i)];
	for (i = 0; i < d->nm; i++) {
		dmen *m = &d->m[i];
		if (map[m->ent] == SIZE_MAX)
			continue;
		TRY(tekg_extraction_mention(out, map[m->ent], m->sent, m->os, m->oe, m->surface, m->norm));
	}
	/* person titles: the most frequent title of the person's edges */
	for (i = 0; i < d->ne; i++) {
		size_t best = SIZE_MAX, bc = 0;
		if (rep(d, i) != i || map[i] == SIZE_MAX || d->e[i].type != U_PER)
			continue;
		for (j = 0; j < d->ng; j++) {
			size_t n = 0, t;
			if (!d->g[j].title || rep(d, d->g[j].src) != i)
				continue;
			for (t = 0; t < d->ng; t++)
				if (d->g[t].title && rep(d, d->g[t].src) == i && !strcmp(d->g[t].title, d->g[j].title))
					n++;
			if (n > bc) {
				bc = n;
				best = j;
			}
		}
		if (best != SIZE_MAX)
			TRY(tekg_extraction_set(out, map[i], "title", d->g[best].title));
		else if (d->e[i].title0)
			TRY(tekg_extraction_set(out, map[i], "title", d->e[i].title0));
	}
	for (i = 0; i < d->ng; i++) {
		dedge *g = &d->g[i];
		size_t s = map[g->src], t = map[g->dst];
		if (s == SIZE_MAX || t == SIZE_MAX || s == t)
			continue;
		if (!strcmp(g->type, "affiliated_with") &&
		    !(d->e[rep(d, g->src)].type == U_PER && d->e[rep(d, g->dst)].type != U_PER))
			continue;
		TRY(tekg_extraction_edge(out, g->type, s, t, g->sent, NULL, g->title, 1.0));
	}
	/* listed places inside listed places: 前海 -> 深圳 */
	for (i = 0; i < d->ne; i++) {
		const xlex_entry *e;
		size_t p;
		if (rep(d, i) != i || map[i] == SIZE_MAX || d->e[i].type == U_PER)
			continue;
		e = xlex_get(c->lex, d->e[i].name, strlen(d->e[i].name));
		if (!e || !e->parent)
			continue;
		if ((p = find_name(d, e->parent)) == SIZE_MAX || map[p] == SIZE_MAX || map[p] == map[i])
			continue;
		for (j = 0; j < d->nm; j++)
			if (rep(d, d->m[j].ent) == i && d->m[j].sent != TEKG_X_DOCUMENT)
				break;
		TRY(tekg_extraction_edge(out, d->e[i].type == U_LOC ? "located_in" : "subunit_of", map[i],
		                         map[p], j < d->nm ? d->m[j].sent : 0, NULL, NULL, 1.0));
	}
cleanup:
	tekg_free(key);
	tekg_free(map);
	return rc;
nomem:
	rc = TEKG_ENOMEM;
	goto cleanup;
}

int extract_entities(const xart *xa, const xent_ctx *ectx, const tekg_tag_result *tags,
                     tekg_extraction *out, tekg_error *err)
{
	const tekg_article *a = xa->a;
	ctx c;
	size_t si, k;
	int rc = 0;

	memset(&c, 0, sizeof c);
	c.xa = xa;
	c.lex = ectx ? ectx->lex : NULL;
	for (si = 0; si < a->n_sents; si++) {
		c.sent = si;
		TRY(do_sentence(&c, &a->sents[si], &tags[si]));
	}
	TRY(credits(&c));
	TRY(city_scope(&c));
	TRY(resolve(&c));
	TRY(curate(&c, ectx ? ectx->cur : NULL));
	TRY(emit(&c, out));
cleanup:
	for (k = 0; k < c.nu; k++)
		unit_free(&c.u[k]);
	tekg_free(c.u);
	doc_clear(&c.d);
	if (rc)
		return tekg_error_set(err, rc, "out of memory");
	return 0;
}

int xent_at(const tekg_extraction *out, size_t sentence, size_t orig_start, size_t orig_end,
            int following, size_t *entity)
{
	size_t i, best = SIZE_MAX, bstart = SIZE_MAX;

	for (i = 0; i < out->n_mentions; i++) {
		const tekg_x_mention *m = &out->mentions[i];
		const char *t;
		if (m->sentence != sentence || m->entity >= out->n_entities)
			continue;
		t = out->entities[m->entity].type;
		if (strcmp(t, "person") && strcmp(t, "organization") && strcmp(t, "place"))
			continue;
		if (m->start <= orig_start && orig_end <= m->end) {
			*entity = m->entity;
			return 1;
		}
		if (following && m->start >= orig_start && m->start < bstart) {
			bstart = m->start;
			best = m->entity;
		}
	}
	if (best != SIZE_MAX) {
		*entity = best;
		return 1;
	}
	return 0;
}
