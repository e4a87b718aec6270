/*
 * lac_split.h - where to cut a sequence that is too long to tag whole.
 *
 * A piece starting at `start` ends at the returned position e, with
 * start < e <= start + max (and e == n when the rest fits).  Within the last
 * half of the window (start + max/2 .. start + max] the rightmost cut after
 * sentence-final punctuation (。！？!?；; or a newline, with a closing quote
 * or bracket that follows it) wins, then after a clause separator (，、,：:),
 * then after whitespace; with none of these the cut is at start + max.
 * Each call scans at most max/2 characters and every piece but the last is
 * at least max/2 long, so splitting is linear in n.
 */
#ifndef TEKG_NLP_LAC_SPLIT_H
#define TEKG_NLP_LAC_SPLIT_H

#include <stddef.h>
#include <stdint.h>

size_t lac_split_next(const uint32_t *cp, size_t n, size_t start, size_t max);

#endif
