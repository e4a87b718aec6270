/*
 * entities.c - persons, organizations and places from the tagger's tokens.
 *
 * Baseline: every PER/nr token is a person, LOC/ns a place, ORG/nt an
 * organization, keyed by type and simplified surface.  The entities work
 * (titles, affiliations, boundaries, gazetteers, resolution) refines this.
 */
#include "extract/extract_int.h"
#include "util/alloc.h"

#include <stdio.h>
#include <string.h>

static const char *entity_type(const char *tag)
{
	if (!strcmp(tag, "PER") || !strcmp(tag, "nr"))
		return "person";
	if (!strcmp(tag, "LOC") || !strcmp(tag, "ns"))
		return "place";
	if (!strcmp(tag, "ORG") || !strcmp(tag, "nt"))
		return "organization";
	return NULL;
}

int extract_entities(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                     tekg_error *err)
{
	const tekg_article *a = xa->a;
	size_t si, k, idx, os, oe;
	char *surface = NULL, *norm = NULL, *key = NULL;
	int rc = 0;

	for (si = 0; si < a->n_sents; si++) {
		const tekg_sentence *s = &a->sents[si];
		for (k = 0; k < tags[si].n; k++) {
			const tekg_token *t = &tags[si].tokens[k];
			const char *type = entity_type(t->type);
			size_t ws = s->wstart + t->start, we = s->wstart + t->end;
			size_t klen;
			if (type == NULL || we <= ws || we > s->wend)
				continue;
			if (!strcmp(type, "person") && we - ws < 2)
				continue; /* a lone character is a surname fragment, not a name */
			norm = xart_work_text(xa, ws, we);
			xart_orig_span(xa, ws, we, &os, &oe);
			surface = xart_orig_text(xa, os, oe);
			if (!norm || !surface)
				goto nomem;
			klen = strlen(type) + strlen(norm) + 2;
			if ((key = tekg_malloc(klen)) == NULL)
				goto nomem;
			snprintf(key, klen, "%s:%s", type, norm);
			if ((rc = tekg_extraction_entity(out, type, norm, key, &idx)) ||
			    (rc = tekg_extraction_alias(out, idx, surface)) ||
			    (rc = tekg_extraction_mention(out, idx, si, os, oe, surface, norm)))
				goto nomem;
			tekg_free(key);
			tekg_free(surface);
			tekg_free(norm);
			key = surface = norm = NULL;
		}
	}
	return 0;
nomem:
	tekg_free(key);
	tekg_free(surface);
	tekg_free(norm);
	return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
}
