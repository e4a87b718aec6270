/*
 * store_topics.c - keywords of documents, topic entities and `about` edges
 * (docs/topics.md).  graph/topics.c computes the topics; this file is the
 * SQL it needs.
 */
#include "store/store_int.h"
#include "util/alloc.h"

#include <string.h>

static int step_done(tekg_store *s, sqlite3_stmt *st, const char *what, tekg_error *err)
{
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_dberr(s, err, what);
}

int tekg_store_put_keywords(tekg_store *s, int64_t doc_id, const tekg_extraction *x,
                            tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if ((rc = store_prepare(s, "DELETE FROM keyword WHERE doc_id = ?", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	if ((rc = step_done(s, st, "replacing keywords", err)))
		goto cleanup;
	sqlite3_finalize(st);
	st = NULL;
	if (x->n_keywords == 0)
		goto cleanup;
	if ((rc = store_prepare(s, "INSERT OR IGNORE INTO keyword(doc_id, word, tf, idf, weight)"
	                           " VALUES (?, ?, ?, ?, ?)", &st, err)))
		goto cleanup;
	for (i = 0; i < x->n_keywords; i++) {
		const tekg_x_keyword *k = &x->keywords[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc_id);
		store_bind_text(st, 2, k->word);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)k->tf);
		if (k->idf >= 0)
			sqlite3_bind_double(st, 4, k->idf);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_double(st, 5, k->weight);
		if ((rc = step_done(s, st, "storing a keyword", err)))
			goto cleanup;
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_keyword(tekg_store *s, int include_duplicates,
                            int (*cb)(const tekg_keyword_row *, void *), void *ud,
                            tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	tekg_keyword_row r;
	int rc, step;

	if ((rc = store_prepare(s, "SELECT k.doc_id, k.word, k.tf, coalesce(k.idf, -1), k.weight"
	                           " FROM keyword k JOIN document d ON d.id = k.doc_id"
	                           " WHERE ?1 OR d.duplicate_of IS NULL"
	                           " ORDER BY k.doc_id, k.weight DESC, k.word", &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, include_duplicates ? 1 : 0);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r.doc_id = sqlite3_column_int64(st, 0);
		r.word = (const char *)sqlite3_column_text(st, 1);
		r.tf = sqlite3_column_int64(st, 2);
		r.idf = sqlite3_column_double(st, 3);
		r.weight = sqlite3_column_double(st, 4);
		if ((rc = cb(&r, ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading keywords");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_topics_clear(tekg_store *s, tekg_error *err)
{
	return store_exec(s,
	                  "DELETE FROM edge WHERE type = 'about';"
	                  "DELETE FROM alias WHERE entity_id IN"
	                  " (SELECT id FROM entity WHERE type = 'topic');",
	                  err);
}

int tekg_store_topics_prune(tekg_store *s, tekg_error *err)
{
	return store_exec(s,
	                  "DELETE FROM entity WHERE type = 'topic' AND id NOT IN"
	                  " (SELECT dst FROM edge WHERE type = 'about');",
	                  err);
}

int tekg_store_topic_add(tekg_store *s, const char *key, const char *label,
                         const char *keywords, const char *const *aliases, size_t n_aliases,
                         int64_t *id, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if ((rc = store_prepare(s, "INSERT INTO entity(key, type, label, keywords)"
	                           " VALUES (?, 'topic', ?, ?) ON CONFLICT(key) DO UPDATE SET"
	                           " label = excluded.label, keywords = excluded.keywords"
	                           " RETURNING id", &st, err)))
		return rc;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, label);
	store_bind_text(st, 3, keywords);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_dberr(s, err, "storing a topic");
		goto cleanup;
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	/* an alias that names another node (APEC: 亚太经合组织) is left out, so
	 * that names stay unambiguous */
	if ((rc = store_prepare(s, "INSERT OR IGNORE INTO alias(entity_id, alias)"
	                           " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM alias a"
	                           "   JOIN entity e ON e.id = a.entity_id"
	                           "   WHERE a.alias = ?2 AND e.type <> 'topic')"
	                           " AND NOT EXISTS (SELECT 1 FROM entity e"
	                           "   WHERE e.label = ?2 AND e.type <> 'topic')",
	                        &st, err)))
		goto cleanup;
	for (i = 0; i < n_aliases; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, *id);
		store_bind_text(st, 2, aliases[i]);
		if ((rc = step_done(s, st, "storing a topic alias", err)))
			goto cleanup;
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_about_add(tekg_store *s, int64_t doc_id, int64_t src_event, int64_t topic_id,
                         int64_t sentence_id, double weight, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "INSERT INTO edge(type, src_doc, src, dst, doc_id, sentence_id,"
	                           " weight) VALUES ('about', ?, ?, ?, ?, ?, ?)", &st, err)))
		return rc;
	if (src_event) {
		sqlite3_bind_null(st, 1);
		sqlite3_bind_int64(st, 2, src_event);
	} else {
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_null(st, 2);
	}
	sqlite3_bind_int64(st, 3, topic_id);
	sqlite3_bind_int64(st, 4, doc_id);
	if (sentence_id)
		sqlite3_bind_int64(st, 5, sentence_id);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_double(st, 6, weight);
	rc = step_done(s, st, "storing an about edge", err);
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_doc_event(tekg_store *s, int (*cb)(int64_t doc_id, int64_t event, void *),
                              void *ud, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, step;

	if ((rc = store_prepare(s,
	                        "SELECT doc_id, eid FROM ("
	                        " SELECT m.doc_id, m.entity_id AS eid FROM mention m"
	                        " UNION SELECT e.doc_id, e.dst FROM edge e"
	                        " UNION SELECT e.doc_id, e.src FROM edge e WHERE e.src IS NOT NULL)"
	                        " JOIN entity x ON x.id = eid WHERE x.type = 'event'"
	                        " ORDER BY doc_id, eid",
	                        &st, err)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = cb(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), ud)))
			goto cleanup;
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading events of documents");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_sentence_text(tekg_store *s, int64_t doc_id,
                                  int (*cb)(int64_t sentence_id, const char *work, void *),
                                  void *ud, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, step;

	if ((rc = store_prepare(s, "SELECT s.id, substr(d.work, s.wstart + 1, s.wend - s.wstart)"
	                           " FROM sentence s JOIN document d ON d.id = s.doc_id"
	                           " WHERE s.doc_id = ? ORDER BY s.idx", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 1);
		if ((rc = cb(sqlite3_column_int64(st, 0), t ? t : "", ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading sentences");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_topics_note_set(tekg_store *s, const char *key, const char *value,
                               tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, value ? "INSERT OR REPLACE INTO meta(key, value)"
	                                   " VALUES ('topics.' || ?1, ?2)"
	                                 : "DELETE FROM meta WHERE key = 'topics.' || ?1",
	                        &st, err)))
		return rc;
	store_bind_text(st, 1, key);
	if (value)
		store_bind_text(st, 2, value);
	rc = step_done(s, st, "storing a topics note", err);
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_topics_note_get(tekg_store *s, const char *key, char **out, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, step;

	*out = NULL;
	if ((rc = store_prepare(s, "SELECT value FROM meta WHERE key = 'topics.' || ?", &st, err)))
		return rc;
	store_bind_text(st, 1, key);
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (v && (*out = tekg_strdup(v)) == NULL)
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	} else if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading a topics note");
	sqlite3_finalize(st);
	return rc;
}
