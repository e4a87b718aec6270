/*
 * store_entities.c - the curation table: researchers' entity fixes kept in
 * the database so that every later ingest and `tekg reindex` applies them
 * (docs/entities.md).  The extraction stage parses and applies them; the
 * store only keeps the lines.
 */
#include "store/store_int.h"
#include "util/alloc.h"

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
