/*
 * text.h - the text stage: bytes of one input source -> articles with an
 * original text, a simplified/NFKC working copy, an offset map, sentences,
 * credits, datelines and metadata.
 *
 * Offsets: every offset in this header counts Unicode code points
 * ("chars"), never bytes, unless the field name ends in _byte.
 *
 * Ownership: tekg_text_read() returns a tekg_source that the caller frees
 * with tekg_source_free(); every pointer inside belongs to it.
 *
 * Dependencies of the stage: iconv (libc), OpenCC, utf8proc, libxml2 (HTML
 * reader only) and jansson (JSONL reader only).  No SQLite, no igraph.
 */
#ifndef TEKG_TEXT_H
#define TEKG_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "tekg/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tekg_input_format {
	TEKG_FORMAT_AUTO = 0, /* from extension, then content sniffing */
	TEKG_FORMAT_TEXT,
	TEKG_FORMAT_JSONL,
	TEKG_FORMAT_HTML
} tekg_input_format;

typedef enum tekg_script_profile {
	TEKG_SCRIPT_AUTO = 0, /* hk2s / tw2s when the source says so, else t2s */
	TEKG_SCRIPT_T2S,
	TEKG_SCRIPT_HK2S,
	TEKG_SCRIPT_TW2S,
	TEKG_SCRIPT_NONE      /* no script conversion (NFKC only) */
} tekg_script_profile;

/* A key/value pair of metadata; both owned by the enclosing struct. */
typedef struct tekg_meta {
	char *key;
	char *value;
} tekg_meta;

/* A sentence of an article.  [start, end) index the article's original
 * text, [wstart, wend) its working copy. */
typedef struct tekg_sentence {
	size_t start, end;
	size_t wstart, wend;
} tekg_sentence;

/* A byline or photo credit kept out of the narrative text
 * (南方+记者 许懿 崔璨, 新华社记者 X 摄, 本报记者 X, 通讯员 X). */
typedef struct tekg_credit {
	char *text;     /* the credit as written (original script) */
	char *outlet;   /* "新华社", "南方+", "本报", ... (simplified) or NULL when none named */
	char *role;     /* "记者", "摄影", "通讯员", "编辑", "供图", "撰文", "实习生" (simplified) */
	char **names;   /* person names in the original script, in order; a name
	                   written with spaces between its chars (周 岚) is joined
	                   (周岚); see docs/text.md for the rules */
	size_t n_names;
	size_t start, end; /* span in the article's original text */
} tekg_credit;

/* A dateline as written (（新华社深圳8月25日电）): the time stage turns it
 * into a date.  month/day are 0 when absent. */
typedef struct tekg_dateline {
	char *text;     /* as written, NULL when the article has no dateline: the
	                   whole line for a closing one (（新华社深圳8月25日电）),
	                   the dateline proper for an opening one (新华社北京8月25日电,
	                   香港文匯報訊) without the credit that follows it */
	char *agency;   /* "新华社", "中新社", "本报", "香港文汇报" ... (simplified) or NULL */
	char *place;    /* "深圳" ... (simplified) or NULL; for 报讯 forms taken
	                   from "<place>报道" in the credit */
	int month, day;
	size_t start, end; /* span in the article's original text */
} tekg_dateline;

/* One article: the unit of the graph (one document node). */
typedef struct tekg_article {
	char *title;        /* headline (original script) or NULL */
	char *orig;         /* original text, UTF-8, NUL-terminated */
	size_t orig_len;    /* bytes */
	size_t orig_chars;  /* code points */
	char *work;         /* simplified + NFKC working copy, UTF-8 */
	size_t work_len;    /* bytes */
	size_t work_chars;  /* code points */
	size_t *map;        /* work_chars + 1 entries: work char i -> orig char;
	                       map[work_chars] == orig_chars; non-decreasing */
	size_t src_start, src_end; /* span of the article in the source's decoded text
	                              (chars); plain text: orig is exactly this span;
	                              JSONL: the article's line; HTML: the whole page */
	tekg_sentence *sents;
	size_t n_sents;
	tekg_credit *credits;
	size_t n_credits;
	tekg_dateline dateline;
	char *date;         /* YYYY-MM-DD from input metadata (JSONL date, HTML
	                       meta, a "2025-05-19 12:04:35" header), else NULL */
	char *url;          /* NULL when unknown */
	tekg_meta *meta;    /* other metadata: "来源", "disclaimer", "promo", "caption",
	                       "subtitle", "kicker", "column", "continuation",
	                       "trailer", "header" (a date line), JSONL "id" and
	                       other JSONL fields, "date" when not parseable */
	size_t n_meta;
} tekg_article;

/* A non-fatal problem found while reading (a malformed JSONL line, an
 * HTML fragment dropped); the rest of the source is still usable. */
typedef struct tekg_diag {
	int code;           /* TEKG_E* */
	size_t line;        /* 1-based input line, 0 when not line-based */
	size_t byte_offset; /* in the decoded input (the raw input itself for
	                       UTF-8 without BOM) */
	char *msg;          /* one line, without the file name or line number
	                       (the caller adds them: "FILE: line N: msg") */
} tekg_diag;

/* One input source (a file, stdin, or a JSONL line's URL group). */
typedef struct tekg_source {
	char *path;                  /* as given by the caller */
	char *encoding;              /* detected: "UTF-8", "GB18030", "BIG5" (a UTF-8
	                                BOM is dropped from text) */
	tekg_input_format format;    /* resolved, never AUTO */
	tekg_script_profile script;  /* resolved, never AUTO */
	char *text;                  /* whole decoded text (UTF-8) */
	size_t text_len;             /* bytes */
	tekg_meta *meta;             /* page furniture: 版次, 责编, 版式设计 ...
	                                (key as written before the colon), "column"
	                                (a 【栏目】 blurb), "headline" (headlines
	                                with no body after them) */
	size_t n_meta;
	tekg_article *arts;
	size_t n_arts;
	tekg_diag *diags;
	size_t n_diags;
} tekg_source;

/* Options for tekg_text_read(); zero-initialise for the defaults. */
typedef struct tekg_text_opts {
	tekg_input_format format;    /* AUTO by default */
	tekg_script_profile script;  /* AUTO by default */
	const char *field_map;       /* JSONL "text=content,date=published_at" or NULL */
	size_t max_bytes;            /* cap on one source; 0 means 256 MiB; at most 2 GiB */
} tekg_text_opts;

/*
 * Read one source from memory.  `path` names it in diagnostics and in
 * tekg_source.path (it is not opened).  Detects the encoding (UTF-8 with or
 * without BOM, GB18030/GBK, Big5) and converts to UTF-8; splits articles;
 * normalises each (keeps the original, builds the working copy and map,
 * re-joins lines broken by layout, moves 来源:/disclaimer lines to
 * metadata, strips markup residue such as ![](), drops repeated
 * paragraphs); splits sentences on 。！？； and closing quotes; extracts
 * credits and datelines.
 *
 * Returns 0 and sets *out (caller frees with tekg_source_free), or a
 * negative code with *out NULL and `err` set:
 *   TEKG_EENCODING  invalid UTF-8 (message names path and byte offset) or
 *                   an encoding it cannot identify;
 *   TEKG_EPARSE     an input that has no usable article (e.g. every JSONL
 *                   line malformed); single bad JSONL lines are diags;
 *   TEKG_ELIMIT     larger than opts->max_bytes;
 *   TEKG_ENOMEM.
 * An empty input is not an error: it yields zero articles.
 * Linear time in len; memory a small multiple of len.
 */
int tekg_text_read(tekg_source **out, const char *path, const char *bytes,
                   size_t len, const tekg_text_opts *opts, tekg_error *err);

/* Check a JSONL field map ("text=content,date=published_at": names from
 * id, url, title, date, text, each mapped to a non-empty field name) before
 * any file is read.  0 when valid (NULL or empty is valid), TEKG_EINVAL. */
int tekg_text_check_field_map(const char *spec);

/* Free a source and everything in it.  NULL is a no-op. */
void tekg_source_free(tekg_source *src);

/*
 * Normalise a standalone string (used by the extraction stage for names and
 * by the tagger front end): NFKC + script conversion with `profile`.
 * AUTO means T2S.  Returns a new string (caller frees with free() or
 * tekg_free()) or NULL on failure or invalid UTF-8.
 */
char *tekg_text_simplify(const char *s, size_t len, tekg_script_profile profile);

/* Versions of the libraries the text stage links, one static line such as
 * "libxml2 2.9.14, OpenCC 1.1.5, jansson 2.14, utf8proc 2.6.0". */
const char *tekg_text_lib_versions(void);

/* Near-duplicate detection (MinHash over character shingles).  */
#define TEKG_MINHASH_K 128
#define TEKG_MINHASH_SHINGLE 5
/* Fill sig with the MinHash signature of UTF-8 text[0..len). */
void tekg_text_minhash(const char *text, size_t len, uint32_t sig[TEKG_MINHASH_K]);
/* Estimated Jaccard similarity of two signatures, 0..1. */
double tekg_text_minhash_sim(const uint32_t a[TEKG_MINHASH_K], const uint32_t b[TEKG_MINHASH_K]);

#ifdef __cplusplus
}
#endif
#endif
