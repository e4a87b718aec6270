/*
 * extract_int.h - internals shared by the extraction stage's files.
 */
#ifndef TEKG_EXTRACT_INT_H
#define TEKG_EXTRACT_INT_H

#include "tekg/extract.h"

/* An article prepared for extraction: char -> byte offsets of the original
 * text, so spans are cut from it in O(1). */
typedef struct xart {
	const tekg_article *a;
	size_t *obyte;   /* orig_chars + 1 entries */
	size_t *wbyte;   /* work_chars + 1 entries */
	const char *doc_date; /* "YYYY-MM-DD" anchor of the article, or NULL (borrowed) */
} xart;

int xart_init(xart *xa, const tekg_article *a);
void xart_clear(xart *xa);
/* Index of the sentence holding work char w, or a->n_sents when none. */
size_t xart_sentence_of(const xart *xa, size_t w);
/* Orig span of the work span [ws, we). */
void xart_orig_span(const xart *xa, size_t ws, size_t we, size_t *os, size_t *oe);
/* New strings cut from the orig / work text (chars), NULL on no memory. */
char *xart_orig_text(const xart *xa, size_t os, size_t oe);
char *xart_work_text(const xart *xa, size_t ws, size_t we);

/* ---- lexicons (src/extract/gazetteer.c) ------------------------------
 * Classes a name can carry; one name may have several. */
enum {
	XL_PLACE = 1u << 0,
	XL_ORG = 1u << 1,
	XL_TITLE = 1u << 2,        /* 司长, 董事长, 记者 ... */
	XL_TITLE_PREFIX = 1u << 3, /* 副, 常务, 执行, 原 ... */
	XL_ORG_SUFFIX = 1u << 4,   /* 公司, 集团, 委员会, 局 ... */
	XL_PLACE_SUFFIX = 1u << 5, /* 省, 市, 区, 机场 ... */
	XL_SURNAME = 1u << 6,
	XL_STOP = 1u << 7,         /* a common word the tagger takes for a name */
	XL_PLACE_SHORT = 1u << 8   /* a one-character short form of a place (汉 = 武汉) */
};

typedef struct xlex_entry {
	char *name;      /* as listed (and a second entry for its simplified form) */
	size_t len;      /* bytes */
	unsigned flags;  /* XL_* */
	char *kind;      /* place/organization kind or NULL */
	char *canon;     /* place/organization canonical name (simplified) or NULL */
	char *parent;    /* place/organization it lies in or belongs to, or NULL */
	char *okind;     /* kind an unlisted organisation ending in this org_suffix gets, or NULL */
	char *pkind;     /* kind an unlisted place ending in this place_suffix gets, or NULL */
	char *short_of;  /* place_short: the place it stands for (汉 -> 武汉), or NULL */
} xlex_entry;

typedef struct xlex xlex;

/* An empty lexicon.  0 or TEKG_ENOMEM; free with xlex_free (NULL-safe). */
int xlex_new(xlex **out);
void xlex_free(xlex *lx);
/* Load one file / every *.tsv of a directory in name order.  0, TEKG_EIO,
 * TEKG_EPARSE (message names file and line), TEKG_ENOTFOUND (no file in
 * dir), TEKG_ENOMEM.  Later lines override kind/canonical/parent. */
int xlex_load_file(xlex *lx, const char *path, tekg_error *err);
int xlex_load_dir(xlex *lx, const char *dir, tekg_error *err);
/* Parse one line (modified in place). */
int xlex_load_line(xlex *lx, char *line, const char *path, size_t lineno, tekg_error *err);
/* The entry for s[0..len) (bytes), or NULL.  Borrowed. O(1). */
const xlex_entry *xlex_get(const xlex *lx, const char *s, size_t len);
/* Whether s[0..len) carries any class in cls. */
int xlex_has(const xlex *lx, const char *s, size_t len, unsigned cls);
/* Longest place/organization name in chars (bounds the text scan). */
size_t xlex_maxlen(const xlex *lx);

/* ---- curation (src/extract/curation.c) -------------------------------
 * Researchers' fixes, applied to every document's entities:
 *   merge A B   B is the same entity as A (B becomes an alias of A)
 *   rename A B  the entity named A is labelled B (A stays an alias)
 *   block A     A is not an entity
 *   type A T    A is of type T (person, organization, place) */
typedef enum { XC_MERGE = 1, XC_RENAME, XC_BLOCK, XC_TYPE } xcur_opcode;

typedef struct xcur_op {
	xcur_opcode op;
	char *a, *b;     /* simplified names; b NULL for block */
} xcur_op;

typedef struct xcur {
	xcur_op *ops;
	size_t n;
} xcur;

/* Add one operation ("merge", "rename", "block", "type" and names, any
 * script).  0, TEKG_EINVAL (unknown op, missing name, bad type), TEKG_ENOMEM. */
int xcur_add(xcur *c, const char *op, const char *a, const char *b, tekg_error *err);
/* Load a curation file: one operation a line, fields separated by TABs
 * (or by spaces when a line has no TAB), '#' comments.  0, TEKG_EIO,
 * TEKG_EPARSE (file:line), TEKG_ENOMEM. */
int xcur_load_file(xcur *c, const char *path, tekg_error *err);
void xcur_clear(xcur *c);

/* What the entity stage reads besides the tokens; both may be NULL. */
typedef struct xent_ctx {
	const xlex *lex;
	const xcur *cur;
} xent_ctx;

/* The stages of extraction, each appending to out. */
int extract_dates(const xart *xa, const char *doc_date, tekg_extraction *out, tekg_error *err);
/* Persons, organizations and places with mentions, affiliated_with,
 * located_in and subunit_of edges (src/extract/entities.c). */
int extract_entities(const xart *xa, const xent_ctx *ctx, const tekg_tag_result *tags,
                     tekg_extraction *out, tekg_error *err);

/*
 * For the events stage: the person/organization/place entity with a
 * mention in `sentence` whose original span contains [orig_start,
 * orig_end), or the first one starting at or after orig_start within the
 * sentence when `following` is set.  Returns 1 and sets *entity (index in
 * out->entities), or 0.  Credit mentions (bylines) have sentence
 * TEKG_X_DOCUMENT and are never returned.  O(mentions).
 */
int xent_at(const tekg_extraction *out, size_t sentence, size_t orig_start, size_t orig_end,
            int following, size_t *entity);
/* Events with their arguments; runs after dates and entities, whose
 * entities and mentions it finds in `out` (src/extract/events.c). */
int extract_events(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                   tekg_error *err);
/* Keywords of the article for topics (src/extract/keywords.c); lex (may be
 * NULL) supplies the titles that are never keywords. */
int extract_keywords(const xart *xa, const xlex *lex, const tekg_tag_result *tags,
                     tekg_extraction *out, tekg_error *err);

#endif
