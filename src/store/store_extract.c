/*
 * store_extract.c - persisting one document's extraction: entities upserted
 * by key with merged aliases, mentions and edges with evidence sentences.
 */
#include "store/store_int.h"
#include "util/alloc.h"

#include <string.h>

/* Sentence ids of a document by index; *ids freed by the caller. */
static int sentence_ids(tekg_store *s, int64_t doc_id, int64_t **ids, size_t *n,
                        tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = store_prepare(s, "SELECT idx, id FROM sentence WHERE doc_id = ? ORDER BY idx",
	                        &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t idx = (size_t)sqlite3_column_int64(st, 0);
		if (idx >= cap) {
			size_t ncap = cap ? cap * 2 : 64, i;
			int64_t *p;
			while (ncap <= idx)
				ncap *= 2;
			p = tekg_realloc(*ids, ncap * sizeof *p);
			if (p == NULL) {
				rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
				break;
			}
			for (i = cap; i < ncap; i++)
				p[i] = 0;
			*ids = p;
			cap = ncap;
		}
		(*ids)[idx] = sqlite3_column_int64(st, 1);
		if (idx + 1 > *n)
			*n = idx + 1;
	}
	sqlite3_finalize(st);
	return rc;
}

static void bind_sentence(sqlite3_stmt *st, int i, const int64_t *ids, size_t n, size_t idx)
{
	if (idx < n && ids[idx])
		sqlite3_bind_int64(st, i, ids[idx]);
	else
		sqlite3_bind_null(st, i);
}

static int upsert_entities(tekg_store *s, const tekg_extraction *x, int64_t *eid,
                           tekg_error *err)
{
	sqlite3_stmt *up = NULL, *al = NULL;
	size_t i, j;
	int rc;

	if ((rc = store_prepare(s,
	                        "INSERT INTO entity(key, type, label, kind, title, start, \"end\","
	                        " value, keywords) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                        " ON CONFLICT(key) DO UPDATE SET"
	                        " kind = coalesce(kind, excluded.kind),"
	                        " title = coalesce(excluded.title, title),"
	                        " start = coalesce(start, excluded.start),"
	                        " \"end\" = coalesce(\"end\", excluded.\"end\"),"
	                        " value = coalesce(value, excluded.value),"
	                        " keywords = coalesce(excluded.keywords, keywords)"
	                        " RETURNING id",
	                        &up, err)) ||
	    (rc = store_prepare(s, "INSERT OR IGNORE INTO alias(entity_id, alias) VALUES (?, ?)",
	                        &al, err)))
		goto cleanup;
	for (i = 0; i < x->n_entities; i++) {
		const tekg_x_entity *e = &x->entities[i];
		sqlite3_reset(up);
		store_bind_text(up, 1, e->key);
		store_bind_text(up, 2, e->type);
		store_bind_text(up, 3, e->label);
		store_bind_text(up, 4, e->kind);
		store_bind_text(up, 5, e->title);
		store_bind_text(up, 6, e->start);
		store_bind_text(up, 7, e->end);
		store_bind_text(up, 8, e->value);
		store_bind_text(up, 9, e->keywords);
		if (sqlite3_step(up) != SQLITE_ROW) {
			rc = store_dberr(s, err, "storing an entity");
			goto cleanup;
		}
		eid[i] = sqlite3_column_int64(up, 0);
		sqlite3_reset(up);
		for (j = 0; j < e->n_aliases; j++) {
			sqlite3_reset(al);
			sqlite3_bind_int64(al, 1, eid[i]);
			store_bind_text(al, 2, e->aliases[j]);
			if (sqlite3_step(al) != SQLITE_DONE) {
				rc = store_dberr(s, err, "storing an alias");
				goto cleanup;
			}
		}
	}
cleanup:
	sqlite3_finalize(up);
	sqlite3_finalize(al);
	return rc;
}

int tekg_store_put_extraction(tekg_store *s, int64_t doc_id, const tekg_extraction *x,
                              tekg_error *err)
{
	sqlite3_stmt *del = NULL, *mn = NULL, *ed = NULL;
	int64_t *eid = NULL, *sid = NULL;
	size_t nsid = 0, i;
	int rc;

	if ((rc = store_prepare(s, "DELETE FROM mention WHERE doc_id = ?1;", &del, err)))
		goto cleanup;
	sqlite3_bind_int64(del, 1, doc_id);
	if (sqlite3_step(del) != SQLITE_DONE) {
		rc = store_dberr(s, err, "replacing mentions");
		goto cleanup;
	}
	sqlite3_finalize(del);
	if ((rc = store_prepare(s, "DELETE FROM edge WHERE doc_id = ?1;", &del, err)))
		goto cleanup;
	sqlite3_bind_int64(del, 1, doc_id);
	if (sqlite3_step(del) != SQLITE_DONE) {
		rc = store_dberr(s, err, "replacing edges");
		goto cleanup;
	}
	if ((rc = tekg_store_put_keywords(s, doc_id, x, err))) /* store_topics.c */
		goto cleanup;
	if (x->n_entities == 0)
		goto cleanup;
	eid = tekg_calloc(x->n_entities, sizeof *eid);
	if (eid == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	if ((rc = sentence_ids(s, doc_id, &sid, &nsid, err)) ||
	    (rc = upsert_entities(s, x, eid, err)))
		goto cleanup;
	if ((rc = store_prepare(s,
	                        "INSERT INTO mention(doc_id, sentence_id, entity_id, surface, norm,"
	                        " start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?)",
	                        &mn, err)) ||
	    (rc = store_prepare(s,
	                        "INSERT INTO edge(type, src_doc, src, dst, doc_id, sentence_id,"
	                        " role, title, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	                        &ed, err)))
		goto cleanup;
	for (i = 0; i < x->n_mentions; i++) {
		const tekg_x_mention *m = &x->mentions[i];
		if (m->entity >= x->n_entities)
			continue;
		sqlite3_reset(mn);
		sqlite3_bind_int64(mn, 1, doc_id);
		bind_sentence(mn, 2, sid, nsid, m->sentence);
		sqlite3_bind_int64(mn, 3, eid[m->entity]);
		store_bind_text(mn, 4, m->surface);
		store_bind_text(mn, 5, m->norm);
		sqlite3_bind_int64(mn, 6, (sqlite3_int64)m->start);
		sqlite3_bind_int64(mn, 7, (sqlite3_int64)m->end);
		if (sqlite3_step(mn) != SQLITE_DONE) {
			rc = store_dberr(s, err, "storing a mention");
			goto cleanup;
		}
	}
	for (i = 0; i < x->n_edges; i++) {
		const tekg_x_edge *e = &x->edges[i];
		if (e->dst >= x->n_entities ||
		    (e->src != TEKG_X_DOCUMENT && e->src >= x->n_entities))
			continue;
		sqlite3_reset(ed);
		store_bind_text(ed, 1, e->type);
		if (e->src == TEKG_X_DOCUMENT) {
			sqlite3_bind_int64(ed, 2, doc_id);
			sqlite3_bind_null(ed, 3);
		} else {
			sqlite3_bind_null(ed, 2);
			sqlite3_bind_int64(ed, 3, eid[e->src]);
		}
		sqlite3_bind_int64(ed, 4, eid[e->dst]);
		sqlite3_bind_int64(ed, 5, doc_id);
		bind_sentence(ed, 6, sid, nsid, e->sentence);
		store_bind_text(ed, 7, e->role);
		store_bind_text(ed, 8, e->title);
		sqlite3_bind_double(ed, 9, e->weight > 0 ? e->weight : 1.0);
		if (sqlite3_step(ed) != SQLITE_DONE) {
			rc = store_dberr(s, err, "storing an edge");
			goto cleanup;
		}
	}
cleanup:
	sqlite3_finalize(del);
	sqlite3_finalize(mn);
	sqlite3_finalize(ed);
	tekg_free(eid);
	tekg_free(sid);
	return rc;
}
