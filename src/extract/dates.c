/*
 * dates.c - date nodes: every time expression of an article becomes a
 * mention of the date node with its normalised value (one node per
 * distinct value, key "date:VALUE"), anchored on the document date.
 */
#include "extract/extract_int.h"
#include "tekg/time.h"
#include "util/alloc.h"

#include <stdio.h>

int extract_dates(const xart *xa, const char *doc_date, tekg_extraction *out, tekg_error *err)
{
	const tekg_article *a = xa->a;
	tekg_timex *tx = NULL;
	size_t n = 0, i, idx, sent, os, oe;
	char value[32], key[48];
	char *surface = NULL, *norm = NULL;
	int rc;

	rc = tekg_time_find(a->work, a->work_len, doc_date && *doc_date ? doc_date : NULL, &tx,
	                    &n, err);
	if (rc == TEKG_EINVAL || rc == TEKG_EENCODING) {
		/* an unusable anchor or text: no dates, not a failed document */
		tekg_error_clear(err);
		return 0;
	}
	if (rc)
		return rc;
	for (i = 0; i < n; i++) {
		if (tekg_time_value(&tx[i], value, sizeof value) <= 0)
			continue;
		sent = xart_sentence_of(xa, tx[i].start);
		if (sent >= a->n_sents)
			continue; /* in a headline or credit, outside the narrative */
		snprintf(key, sizeof key, "date:%s", value);
		if ((rc = tekg_extraction_entity(out, "date", value, key, &idx)) ||
		    (rc = tekg_extraction_set(out, idx, "value", value)))
			goto nomem;
		xart_orig_span(xa, tx[i].start, tx[i].end, &os, &oe);
		surface = xart_orig_text(xa, os, oe);
		norm = xart_work_text(xa, tx[i].start, tx[i].end);
		if (!surface || !norm)
			goto nomem;
		if ((rc = tekg_extraction_alias(out, idx, surface)) ||
		    (rc = tekg_extraction_mention(out, idx, sent, os, oe, surface, norm)))
			goto nomem;
		tekg_free(surface);
		tekg_free(norm);
		surface = norm = NULL;
	}
	tekg_free(tx);
	return 0;
nomem:
	tekg_free(surface);
	tekg_free(norm);
	tekg_free(tx);
	return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
}
