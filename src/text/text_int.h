/*
 * text_int.h - internals of the text stage (not installed).
 *
 * Layout of the stage:
 *   decode.c     bytes -> UTF-8 (BOM, UTF-8, GB18030, Big5), binary check
 *   convert.c    OpenCC cache, per-char NFKC, the working copy + map builder
 *   fold.c       cheap char folding used by the pattern matchers
 *   paras.c      lines -> paragraphs, paragraph kinds, layout joins
 *   credits.c    bylines, photo credits, datelines
 *   articles.c   paragraphs -> articles (boundaries, titles, duplicates)
 *   build.c      one article: orig, work, map, sentences, credits, meta
 *   sentences.c  sentence splitting of the working copy
 *   reader_jsonl.c, reader_html.c   the two structured readers
 *   minhash.c    near-duplicate signatures
 *   text.c       tekg_text_read(), tekg_source_free(), versions
 *
 * Offsets named c* count code points, b* count bytes.
 */
#ifndef TEKG_TEXT_INT_H
#define TEKG_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "tekg/text.h"
#include "util/buf.h"

/* ---- decode.c ---------------------------------------------------------- */

/* Convert raw bytes to UTF-8.  *out (tekg_malloc'd, NUL-terminated) and
 * *enc ("UTF-8", "GB18030", "BIG5", static) on success.  A UTF-8 BOM is
 * dropped.  Errors: TEKG_EENCODING (binary data, undecodable bytes: the
 * message names path and byte offset), TEKG_ENOMEM. */
int tx_decode(const char *path, const char *bytes, size_t len, char **out,
              size_t *out_len, const char **enc, tekg_error *err);

/* ---- convert.c --------------------------------------------------------- */

/* The working copy under construction: UTF-8 bytes plus, for each char,
 * the index of the original char it came from. */
typedef struct tx_work {
	tekg_buf buf;
	size_t *map;
	size_t n, cap; /* chars */
} tx_work;

void tx_work_free(tx_work *w);
/* Make room for `chars` more chars and `bytes` bytes in total (a hint: the
 * working copy is about as long as the original). */
int tx_work_reserve(tx_work *w, size_t chars, size_t bytes);
/* Append one code point that came from original char `oc`. */
int tx_work_put(tx_work *w, uint32_t cp, size_t oc);
/* Append the script-converted, NFKC-normalised form of the valid UTF-8
 * s[0..len), whose first char is original char `oc0`. */
int tx_work_append(tx_work *w, const char *s, size_t len, size_t oc0,
                   tekg_script_profile prof);

/* Cached OpenCC handle for a profile (NULL for NONE or when the profile
 * cannot be opened).  Thread-safe. */
void *tx_opencc(tekg_script_profile prof);

/* Profile from cues: URL host (.hk / .tw) and the head of the text. */
tekg_script_profile tx_detect_profile(const char *url, const char *text, size_t len);
/* The profile a language tag names (BCP 47 or POSIX style, any case):
 * zh-HK, zh-MO, zh-Hant-HK, yue -> HK2S; zh-TW, zh-Hant-TW -> TW2S;
 * anything else (zh-CN, zh-Hant, en, NULL) -> AUTO (no evidence). */
tekg_script_profile tx_profile_from_lang(const char *lang);

/* ---- fold.c ------------------------------------------------------------ */

/* Fold a code point for matching: full-width ASCII -> ASCII, U+3000 and
 * NBSP -> space, a few traditional chars used by the patterns -> simplified. */
uint32_t tx_fold(uint32_t cp);
int tx_is_space(uint32_t cp);
int tx_is_cjk(uint32_t cp);
/* Any punctuation (ASCII, CJK, general punctuation, full-width forms). */
int tx_is_punct(uint32_t cp);

/* A decoded window of a paragraph: up to TX_WIN chars from its head or
 * tail, raw and folded, with each char's byte offset in the paragraph. */
#define TX_WIN 192
typedef struct tx_win {
	uint32_t raw[TX_WIN];
	uint32_t f[TX_WIN];
	uint32_t boff[TX_WIN + 1]; /* byte offset of char i from the paragraph start */
	size_t n;
	int whole; /* the window holds the whole paragraph */
} tx_win;
void tx_win_head(tx_win *w, const char *s, size_t len);
void tx_win_tail(tx_win *w, const char *s, size_t len);
/* Does folded f[at..] start with the UTF-8 literal lit? returns its length in chars or 0 */
size_t tx_match(const uint32_t *f, size_t n, size_t at, const char *lit);
/* Find lit in f[from..n); index or (size_t)-1. */
size_t tx_find(const uint32_t *f, size_t n, size_t from, const char *lit);

/* ---- credits.c --------------------------------------------------------- */

/* A credit parsed from a window: spans are char indices in the window. */
typedef struct tx_credit {
	size_t c0, c1;           /* span of the whole credit */
	size_t outlet0, outlet1; /* empty when none */
	const char *role;        /* static simplified role */
	size_t name0[8], name1[8]; /* name tokens (may need pairing) */
	int name_join[8];        /* 1: this name is single chars joined (周 岚) */
	size_t n_names;
} tx_credit;

/* Parse a credit body f[a..b) ("南方+记者 许懿 崔璨", "记者 X、Y 深圳报道",
 * "新华社记者 X 摄", "主办方供图").  Fills up to max credits; returns how
 * many (0 when the text is not a credit). */
size_t tx_parse_credits(const tx_win *w, size_t a, size_t b, tx_credit *out, size_t max);

/* A dateline "（新华社深圳8月25日电）" or opener "新华社北京8月25日电（记者 X）"
 * / "香港文汇报讯（记者 X 深圳报道）" at window index `at`. */
typedef struct tx_dateline {
	size_t c0, c1;       /* the dateline proper (without a following credit) */
	size_t ag0, ag1;     /* agency */
	size_t pl0, pl1;     /* place */
	int month, day;
	size_t cr0, cr1;     /* a parenthesised credit right after it, or empty */
	size_t end;          /* where the narrative starts (after credit/space) */
} tx_dateline;
int tx_parse_dateline(const tx_win *w, size_t at, tx_dateline *d);

/* Returns 1 when [a..b) of the window, after the role keyword scan, is a
 * credit line (a byline), and the kind of it. */
int tx_is_credit_text(const tx_win *w, size_t a, size_t b);

/* ---- paras.c ----------------------------------------------------------- */

enum tx_kind {
	PK_BODY = 0,
	PK_HEAD,       /* headline-like: short, no full stop */
	PK_BYLINE,     /* bare byline: 本报记者 周 岚 */
	PK_CLOSE_CRED, /* closing credit: （南方+记者 许懿 崔璨）, ●X记者 Y 报道 */
	PK_DATELINE,   /* （新华社深圳8月25日电） alone */
	PK_OPENER,     /* body opening with a dateline */
	PK_CONT_UP,    /* （上接第一版） */
	PK_CONT_DOWN,  /* （下转第二版） */
	PK_SOURCE,     /* 来源：X */
	PK_DISCLAIMER, /* 特别声明 / Notice: ... */
	PK_PROMO,      /* 请关注 / 微信号 */
	PK_FURNITURE,  /* 责编：X, 版式设计：X */
	PK_RESIDUE,    /* nothing left after stripping markup residue */
	PK_CAPTION,    /* 图为..., ▲..., a short line before a photo credit */
	PK_PHOTO,      /* 主办方供图, 新华社记者 X 摄 */
	PK_COLUMN,     /* 【栏目】 intro before the first headline */
	PK_DATEHDR     /* 2025-05-19 12:04:35 */
};

enum tx_role {
	RO_NONE = 0,  /* not in any article */
	RO_NARR,      /* narrative: sentences */
	RO_HEADER,    /* title block: in work, no sentences */
	RO_CREDIT,    /* credit line: in work, no sentences */
	RO_CAPTION,   /* caption: in work, no sentences, meta "caption" */
	RO_DATELINE,  /* closing dateline: in work, no sentences */
	RO_META,      /* moved to metadata: not in work */
	RO_DUP        /* repeated paragraph: not in work */
};

#define PF_JOIN 1u  /* joined to the next paragraph (layout break) */

typedef struct tx_para {
	size_t b0, b1;   /* bytes in the base text, trimmed */
	size_t c0, c1;   /* chars in the base text */
	uint32_t pre_b;  /* narrative starts pre_b bytes in (dateline prefix) */
	uint32_t suf_b;  /* narrative ends suf_b bytes before b1 (credit suffix) */
	uint8_t kind, role;
	uint16_t flags;
	int32_t art;     /* article index, -1 none */
	uint64_t hash;   /* whitespace-insensitive hash of the logical paragraph */
} tx_para;

typedef struct tx_paras {
	tx_para *p;
	size_t n, cap;
} tx_paras;

/* Split base[0..len) into trimmed non-blank lines, classify them and mark
 * layout joins.  Linear. */
int tx_paras_build(tx_paras *ps, const char *base, size_t len);
void tx_paras_free(tx_paras *ps);
/* Markup residue at s[i] (![](), [](url), <tag>, &nbsp;): its length in
 * bytes, 0 when none; *repl is a char to put in its place (entities) or 0. */
size_t tx_residue_at(const char *s, size_t len, size_t i, uint32_t *repl);
/* Is the paragraph headline-like / does it open with a lead date? */
int tx_para_headlike(const char *base, const tx_para *p);
int tx_para_lead_date(const char *base, const tx_para *p);

/* ---- articles.c -------------------------------------------------------- */

/* Assign paragraphs to articles (p->art, p->role) and return the count.
 * split=0 puts everything into one article (JSONL, HTML).  Paragraphs
 * left out (page furniture, the column blurb, orphan headlines) get
 * art = -1 and go to the source metadata. */
size_t tx_segment(tx_paras *ps, const char *base, int split);
/* Flag repeated paragraphs within each article (role RO_DUP). */
int tx_dedup(tx_paras *ps, const char *base);

/* ---- build.c ----------------------------------------------------------- */

/* Fill `a` from the paragraphs fi..li (inclusive) that belong to article
 * `ai`.  src_start/src_end are the paragraphs' chars in base.  Returns 0 or
 * TEKG_ENOMEM. */
int tx_build_article(tekg_article *a, const char *base, const tx_paras *ps,
                     size_t fi, size_t li, int ai, tekg_script_profile prof);

/* Metadata helpers (duplicates of an identical key/value are skipped). */
int tx_meta_add(tekg_meta **m, size_t *n, const char *key, const char *val, size_t vlen);
int tx_meta_addz(tekg_meta **m, size_t *n, const char *key, const char *val);
void tx_meta_free(tekg_meta *m, size_t n);
void tx_article_clear(tekg_article *a);
/* Normalise a date string to YYYY-MM-DD (tekg_malloc'd) or NULL. */
char *tx_norm_date(const char *s, size_t len);

/* ---- sentences.c ------------------------------------------------------- */

/* Append the sentences of work chars [c0, c1) (byte offset b0 of c0) to
 * a->sents, mapping them to the original through a->map. */
int tx_sentences(tekg_article *a, size_t *cap, const char *work, size_t c0,
                 size_t b0, size_t c1);

/* ---- text.c: split one decoded text into articles (shared by readers) -- */

/* Build articles from base text into src->arts (appending).  split=0: the
 * text is one article.  src_c0/src_c1: when split=0, the article's span
 * in the source text.  title/url/date may be NULL. */
int tx_articles_from_text(tekg_source *src, const char *base, size_t len,
                          int split, tekg_script_profile prof, size_t src_c0,
                          size_t src_c1, tekg_error *err);

/* ---- readers ----------------------------------------------------------- */

int tx_read_jsonl(tekg_source *src, const tekg_text_opts *opts, tekg_error *err);
int tx_read_html(tekg_source *src, const tekg_text_opts *opts, tekg_error *err);

/* Capacity for an array that grows one element at a time without keeping
 * its capacity: when n is 0 or a power of two, grow to max(4, 2n) (so that
 * appends stay amortised O(1)).  Returns the new capacity or 0 when no
 * growth is needed. */
static inline size_t tx_grow_to(size_t n)
{
	if (n == 0)
		return 4;
	if ((n & (n - 1)) != 0)
		return 0;
	return n < 4 ? 4 : 2 * n;
}

/* Append a diagnostic to src. */
int tx_diag(tekg_source *src, int code, size_t line, size_t off, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

#endif
