/*
 * store_entities.c - the curation table: researchers' entity fixes kept in
 * the database so that every later ingest and `tekg reindex` applies them
 * (docs/entities.md).  The extraction stage parses and applies them; the
 * store only keeps the lines.
 */
#include "store/store_int.h"
#include "util/alloc.h"

#include <stdio.h>
#include <string.h>

int tekg_store_curation_add(tekg_store *s, const char *op, const char *a, const char *b,
                            tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (op == NULL || a == NULL)
		return tekg_error_set(err, TEKG_EINVAL, "curation needs an operation and a name");
	if ((rc = store_prepare(s,
	                        "INSERT INTO curation(op, a, b) SELECT ?1, ?2, ?3 WHERE NOT EXISTS"
	                        " (SELECT 1 FROM curation WHERE op = ?1 AND a = ?2 AND b IS ?3)",
	                        &st, err)))
		return rc;
	store_bind_text(st, 1, op);
	store_bind_text(st, 2, a);
	store_bind_text(st, 3, b);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_dberr(s, err, "storing a curation line");
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_curation_text(tekg_store *s, char **out, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	char *txt = NULL;
	size_t len = 0;
	int rc = 0, step;

	*out = NULL;
	if ((rc = store_prepare(s, "SELECT op, a, b FROM curation ORDER BY id", &st, err)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *f[3];
		size_t i, add = 0;
		char *n;
		for (i = 0; i < 3; i++) {
			f[i] = (const char *)sqlite3_column_text(st, (int)i);
			add += (f[i] ? strlen(f[i]) : 0) + 1;
		}
		if ((n = tekg_realloc(txt, len + add + 1)) == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		txt = n;
		for (i = 0; i < 3; i++) {
			if (i == 2 && f[2] == NULL)
				break;
			if (i)
				txt[len++] = '\t';
			memcpy(txt + len, f[i] ? f[i] : "", f[i] ? strlen(f[i]) : 0);
			len += f[i] ? strlen(f[i]) : 0;
		}
		txt[len++] = '\n';
		txt[len] = '\0';
	}
	if (step != SQLITE_DONE) {
		rc = store_dberr(s, err, "reading curation");
		goto cleanup;
	}
	*out = txt;
	txt = NULL;
cleanup:
	tekg_free(txt);
	sqlite3_finalize(st);
	return rc;
}

/* The organisations (and places) a stored person is affiliated with, as
 * keys joined by '\n' with a leading and trailing '\n'; "" when none. */
static int stored_affiliations(tekg_store *s, int64_t id, char **out, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	char *txt = NULL, *n;
	size_t len = 0;
	int rc = 0, step;

	*out = NULL;
	if ((rc = store_prepare(s,
	                        "SELECT DISTINCT o.key FROM edge e JOIN entity o ON o.id = e.dst"
	                        " WHERE e.type = 'affiliated_with' AND e.src = ?1",
	                        &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((txt = tekg_strdup("\n")) == NULL)
		goto nomem;
	len = 1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		size_t kl = k ? strlen(k) : 0;
		if ((n = tekg_realloc(txt, len + kl + 2)) == NULL)
			goto nomem;
		txt = n;
		memcpy(txt + len, k, kl);
		len += kl;
		txt[len++] = '\n';
		txt[len] = '\0';
	}
	if (step != SQLITE_DONE) {
		rc = store_dberr(s, err, "reading affiliations");
		goto cleanup;
	}
	*out = txt;
	txt = NULL;
	goto cleanup;
nomem:
	rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
cleanup:
	tekg_free(txt);
	sqlite3_finalize(st);
	return rc;
}

/* The name in key "type:NAME" with the administrative words that vary
 * between two writings of one body removed (人民政府, 政府, 特别行政区, 特区,
 * 市, 省): 香港特区政府财政司 and 香港特区财政司 both give 香港财政司.  The
 * result is written to out (size cap); it is "" for keys without a ':'. */
static void org_core(const char *key, size_t klen, char *out, size_t cap)
{
	static const char *const drop[] = {"人民政府", "特别行政区", "政府", "特区", "市", "省"};
	const char *p = memchr(key, ':', klen), *end = key + klen;
	size_t o = 0, i;

	out[0] = '\0';
	if (p == NULL)
		return;
	for (p++; p < end && o + 1 < cap;) {
		for (i = 0; i < sizeof drop / sizeof drop[0]; i++) {
			size_t l = strlen(drop[i]);
			if ((size_t)(end - p) >= l && !memcmp(p, drop[i], l))
				break;
		}
		if (i < sizeof drop / sizeof drop[0]) {
			p += strlen(drop[i]);
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}

/* Do two organisation keys name one body, or one a sub-unit of the other,
 * once administrative words are dropped (香港特区财政司 and
 * 香港特区政府财政司; 外交部 and 外交部国际经济司)?  Cores shorter than two
 * characters never match. */
static int org_variant(const char *a, size_t al, const char *b, size_t bl)
{
	char ca[256], cb[256];
	size_t la, lb;

	if (strncmp(a, "organization:", 13) || strncmp(b, "organization:", 13) || al >= sizeof ca ||
	    bl >= sizeof cb)
		return 0;
	org_core(a, al, ca, sizeof ca);
	org_core(b, bl, cb, sizeof cb);
	la = strlen(ca);
	lb = strlen(cb);
	if (la < 6 || lb < 6)
		return 0;
	return la <= lb ? !strncmp(ca, cb, la) : !strncmp(ca, cb, lb);
}

/* Does the '\n'-joined list aff hold key, or a variant of it? */
static int aff_shares(const char *aff, const char *key)
{
	const char *p = aff, *nl;
	size_t kl = strlen(key);

	while (*p) {
		if (*p == '\n') {
			p++;
			continue;
		}
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (((size_t)(nl - p) == kl && !memcmp(p, key, kl)) || org_variant(p, (size_t)(nl - p), key, kl))
			return 1;
		p = nl;
	}
	return 0;
}

int tekg_store_resolve_persons(tekg_store *s, tekg_extraction *x, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t i, j;
	int rc = 0;

	if ((rc = store_prepare(s,
	                        "SELECT id, key FROM entity WHERE type = 'person' AND"
	                        " (key = ?1 OR substr(key, 1, length(?1) + 1) = ?1 || '#')"
	                        " ORDER BY length(key), key",
	                        &st, err)))
		return rc;
	for (i = 0; i < x->n_entities && rc == 0; i++) {
		tekg_x_entity *e = &x->entities[i];
		int naff = 0, ncand = 0, chosen = 0, step;
		char *pick = NULL;
		if (strcmp(e->type, "person") || strchr(e->key, '#'))
			continue;
		for (j = 0; j < x->n_edges; j++) {
			const tekg_x_edge *g = &x->edges[j];
			const tekg_x_entity *o;
			if (g->src != i || strcmp(g->type, "affiliated_with") || g->dst >= x->n_entities)
				continue;
			o = &x->entities[g->dst];
			/* officials hold several posts in government bodies and
			 * places: those are no evidence of a different person (the
			 * extractor gives unlisted bodies their suffix's kind) */
			if (strcmp(o->type, "organization") ||
			    (o->kind && (!strcmp(o->kind, "government") || !strcmp(o->kind, "international")))) {
				naff = -1000;
				break;
			}
			naff++;
		}
		if (naff <= 0)
			continue; /* no evidence: the name's first node */
		sqlite3_reset(st);
		store_bind_text(st, 1, e->key);
		while (!chosen && (step = sqlite3_step(st)) == SQLITE_ROW) {
			char *aff = NULL;
			int64_t id = sqlite3_column_int64(st, 0);
			const char *key = (const char *)sqlite3_column_text(st, 1);
			int shared = 0;
			ncand++;
			if ((rc = stored_affiliations(s, id, &aff, err)))
				break;
			if (strcmp(aff, "\n") == 0) {
				shared = 1; /* the stored one has no evidence either way */
			} else {
				for (j = 0; j < x->n_edges && !shared; j++) {
					const tekg_x_edge *g = &x->edges[j];
					if (g->src != i || strcmp(g->type, "affiliated_with") || g->dst >= x->n_entities)
						continue;
					/* the same body, written with or without 政府/特区/市/省, or
					 * a sub-unit of it */
					shared = aff_shares(aff, x->entities[g->dst].key);
				}
			}
			tekg_free(aff);
			if (shared) {
				chosen = 1;
				if (strcmp(key, e->key) && (pick = tekg_strdup(key)) == NULL)
					rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			}
		}
		if (rc)
			break;
		if (!chosen && ncand > 0) {
			/* every stored namesake works elsewhere: a homonym */
			size_t kl = strlen(e->key) + 24;
			if ((pick = tekg_malloc(kl)) == NULL) {
				rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
				break;
			}
			snprintf(pick, kl, "%s#%d", e->key, ncand + 1);
		}
		if (pick) {
			tekg_free(e->key);
			e->key = pick;
		}
	}
	sqlite3_finalize(st);
	return rc;
}
