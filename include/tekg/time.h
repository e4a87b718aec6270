/*
 * time.h - the temporal normaliser: finds time expressions in simplified or
 * traditional Chinese news text and normalises them to ISO 8601 against the
 * document's date (the anchor), and decides that date for each article.
 *
 * The module depends on libc only.  It reads both scripts directly: the few
 * traditional characters that occur in dates (週 時 於 從 來 後 個 號 ...) and
 * full-width digits and punctuation are folded internally; offsets always
 * refer to the caller's text.
 *
 * Offsets count Unicode code points ("chars") of the input, never bytes.
 *
 * Precision: a value is written at the precision the text supports,
 * "2025" (year), "2025-12" (month) or "2025-12-11" (day).  Times of day
 * (上午, 14时30分) are part of the span but the value stays at day precision.
 * Every expression has a start and an end; they are equal for a point.
 *
 * The rules (how a partial date picks its year, ranges, 以来, what is not a
 * time) are described in docs/time.md.
 */
#ifndef TEKG_TIME_H
#define TEKG_TIME_H

#include <stddef.h>

#include "tekg/error.h"
#include "tekg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* tekg_timex.precision */
enum {
	TEKG_TIME_YEAR = 1,  /* "2025" */
	TEKG_TIME_MONTH = 2, /* "2025-12" */
	TEKG_TIME_DAY = 3    /* "2025-12-11" */
};

/* tekg_timex.flags */
#define TEKG_TIMEX_RELATIVE      0x001u /* resolved against the anchor (昨日, 今年, 下周) */
#define TEKG_TIMEX_RANGE         0x002u /* written as a range (至, 到, -, 从...持续到) */
#define TEKG_TIMEX_SINCE         0x004u /* 以来 / 至今: a start point, not an event date */
#define TEKG_TIMEX_PLAN          0x008u /* a five-year plan period (十四五) */
#define TEKG_TIMEX_INFERRED_YEAR 0x010u /* the year (or month) was not written: picked by rule */
#define TEKG_TIMEX_PERIOD        0x020u /* a part of a year or month (上半年, 第一季度, 上旬) */
#define TEKG_TIMEX_WEEKDAY       0x040u /* a weekday was written (（星期日）, 下周三) */
#define TEKG_TIMEX_APPROX        0x080u /* vague (近日, 日前): the anchor's month */
#define TEKG_TIMEX_TIME_OF_DAY   0x100u /* a time of day was written (上午, 14时30分) */

/* *inferred of tekg_time_infer_anchor() and tekg_time_anchor_article():
 * 0 the date was given, 1 inferred, TEKG_TIME_WEAK inferred from years that
 * only name something (2026年APEC东道主: a host year, an edition), which is
 * the article's year or the next.  A caller that knows a dated neighbour in
 * the same source should prefer it (pass it as neighbour_date). */
#define TEKG_TIME_WEAK 2

/* One time expression found in a text. */
typedef struct tekg_timex {
	size_t start, end;  /* code-point offsets of the span [start, end) in the input */
	char iso_start[11]; /* "2025", "2025-12" or "2025-12-11", NUL-terminated */
	char iso_end[11];   /* same form; equal to iso_start for a point */
	int precision;      /* TEKG_TIME_YEAR / _MONTH / _DAY of iso_start */
	unsigned flags;     /* TEKG_TIMEX_* */
} tekg_timex;

/*
 * Find and normalise the time expressions of UTF-8 text[0..len).
 *
 * anchor: the document date "YYYY-MM-DD", which resolves relative (昨日,
 * 今年, 下周三) and partial (12月11日, 11日) expressions.  NULL or "" means
 * none: then an anchor is inferred from the text's own explicit dates with
 * the rule of tekg_time_infer_anchor(); when none can be inferred, the
 * expressions that need one are left out (explicit dates are still found).
 *
 * On success returns 0 and sets *out to an array of *n_out expressions in
 * text order, non-overlapping (the caller frees it with tekg_free(); it is
 * NULL when *n_out is 0).  On failure *out is NULL, *n_out 0, and:
 *   TEKG_EINVAL     a NULL out/n_out, text NULL with len > 0, or an anchor
 *                   that is not a valid date in years 1000..2999;
 *   TEKG_EENCODING  invalid UTF-8 (the message gives the byte offset);
 *   TEKG_ELIMIT     a text too long to index (more than SIZE_MAX / 4 bytes);
 *   TEKG_ENOMEM.
 * Linear time in len.
 */
int tekg_time_find(const char *text, size_t len, const char *anchor,
                   tekg_timex **out, size_t *n_out, tekg_error *err);

/*
 * Write the date node value of t into buf (n bytes): iso_start for a point
 * ("2025-12-11", "2025-12", "2025"), "iso_start/iso_end" for an interval
 * ("2025-12-11/2025-12-12").  22 bytes always suffice.
 * Returns the length written (without the NUL), or TEKG_EINVAL when t or buf
 * is NULL or buf is too small (then buf holds "" if n > 0).
 */
int tekg_time_value(const tekg_timex *t, char *buf, size_t n);

/*
 * Parse and validate a date "YYYY-MM-DD" (exactly that form, years
 * 1000..2999, a day that exists in its month).  Any of y, m, d may be NULL.
 * Returns 0, or TEKG_EINVAL with a message naming the problem.
 */
int tekg_time_parse_date(const char *s, int *y, int *m, int *d, tekg_error *err);

/*
 * Infer a reference date from a text alone (UTF-8 text[0..len)), in this
 * order (the first that applies wins):
 *   1. a dateline "(新华社深圳8月25日电)" in the first 400 chars: month and
 *      day as written, in the year that puts it nearest to the header date
 *      of rule 2 (then not inferred), else to the date of rule 3, else to
 *      neighbour_date, else in the most mentioned explicit year (inferred);
 *   2. a header line holding only a date, optionally labelled and with a
 *      time: "2025-05-19 12:04:35", "发布时间：2025-05-19" (not inferred);
 *   3. the latest explicit full date written in the text (inferred);
 *   4. the most mentioned explicit year (ties: the later) with the latest
 *      month-day written without a year (inferred).  Years in ranges
 *      (2020年至2024年) and inside quotation marks do not count; a year
 *      that modifies a noun (2026年APEC) counts, but when only such years
 *      voted for the winner, neighbour_date wins over it and otherwise
 *      *inferred is TEKG_TIME_WEAK (docs/time.md);
 *   5. neighbour_date ("YYYY-MM-DD" of a dated article next to this one in
 *      the same source, or NULL) (inferred);
 *   6. none: out_date is "" and *inferred 1.
 * out_date receives "YYYY-MM-DD" or "".  inferred may be NULL.
 * Returns 0, or TEKG_EINVAL (NULL text with len > 0, NULL out_date, or an
 * invalid neighbour_date), TEKG_EENCODING, TEKG_ENOMEM.
 */
int tekg_time_infer_anchor(const char *text, size_t len, const char *neighbour_date,
                           char out_date[11], int *inferred, tekg_error *err);

/*
 * Decide the date of one article (the document node's `date` and
 * `date_inferred`).  Priority:
 *   1. cli_date (the --date option), when non-NULL and non-empty;
 *   2. a->date (JSONL date, HTML metadata or header, parsed by the text
 *      stage);
 *   3. a->dateline (month/day; the text is scanned for one when the text
 *      stage recorded none), its year as in tekg_time_infer_anchor rule 1
 *      (inferred unless a header date line gave the year);
 *   4. a header date line in the text: not inferred;
 *   5. the article's explicit dates (rules 3 and 4 above): inferred, or
 *      TEKG_TIME_WEAK after neighbour_date as in rule 4 above;
 *   6. neighbour_date: inferred;
 *   7. none: out_date "" and *inferred 1.
 * The text examined is a->work (the simplified working copy), or a->orig
 * when work is NULL.  out_date receives "YYYY-MM-DD" or "".
 * Returns 0; TEKG_EINVAL when a or out_date is NULL or cli_date or
 * neighbour_date is not a valid date (an unusable a->date is ignored);
 * TEKG_EENCODING, TEKG_ENOMEM.
 */
int tekg_time_anchor_article(const tekg_article *a, const char *cli_date,
                             const char *neighbour_date, char out_date[11],
                             int *inferred, tekg_error *err);

#ifdef __cplusplus
}
#endif
#endif
