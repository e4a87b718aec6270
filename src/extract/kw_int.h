/*
 * kw_int.h - internals of the keyword extractor (keywords.c, kw_idf.c,
 * kw_stop.c).  See docs/topics.md.
 */
#ifndef TEKG_KW_INT_H
#define TEKG_KW_INT_H

#include <stddef.h>

/* Keywords kept per document (best first). */
#define KW_MAX 30
/* A merged phrase must occur at least this often in the document. */
#define KW_MIN_PHRASE_TF 2
/* A merged phrase has at most this many words and characters. */
#define KW_PHRASE_WORDS 3
#define KW_PHRASE_CHARS 8

/* IDF of `word` (UTF-8, NUL-terminated) from the shared table; the table's
 * median for a word it lacks; -1 when no table could be loaded.  *known
 * (nullable) is 1 when the word is in the table.  Thread-safe: the table is
 * loaded once (pthread_once) and read-only afterwards. */
double kw_idf(const char *word, int *known);

/* 1 when `word` is boilerplate that never becomes a keyword and breaks a
 * phrase (报道, 记者, 表示, ...). */
int kw_is_stop(const char *word);
/* 1 when `word` is too generic to be a keyword alone but may be part of a
 * phrase (经济, 发展, 建设, ...): 口岸经济 is a keyword, 经济 is not. */
int kw_is_generic(const char *word);

struct xlex;
/* 1 when `word` is a title of the lexicon (data/titles.tsv: 厅长, 大使,
 * 首席执行官 ...) or ends with one (市委书记, 渔业局局长): who speaks, not
 * what about.  A NULL lexicon knows no titles.  O(characters). */
int kw_is_title(const struct xlex *lex, const char *word);

#endif
