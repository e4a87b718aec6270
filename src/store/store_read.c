/*
 * store_read.c - the read API that graph/ and the exporters walk:
 * documents, entities with their counts and first/last dates, and edges
 * aggregated from evidence rows (plus the derived "mentions" and
 * "co_occurs" relations).  Every walk is one statement streamed row by
 * row: memory does not grow with the store.
 */
#include "store/store_int.h"

#include <string.h>

#define LIVE_DOCS                                                                      \
	"live(id, date) AS (SELECT id, date FROM document"                             \
	" WHERE ?1 OR duplicate_of IS NULL)"

int tekg_store_each_document(tekg_store *s, int (*cb)(const tekg_doc_row *, void *),
                             void *ud, tekg_error *err)
{
	static const char sql[] =
		"SELECT d.id, d.title, d.url, d.date, d.date_inferred,"
		" coalesce(d.duplicate_of, 0),"
		" (SELECT o.title FROM document o WHERE o.id = d.duplicate_of),"
		" (SELECT s.path FROM doc_source x JOIN source s ON s.id = x.source_id"
		"   WHERE x.doc_id = d.id ORDER BY x.source_id, x.seq LIMIT 1),"
		" (SELECT x.source_start FROM doc_source x WHERE x.doc_id = d.id"
		"   ORDER BY x.source_id, x.seq LIMIT 1),"
		" (SELECT x.source_end FROM doc_source x WHERE x.doc_id = d.id"
		"   ORDER BY x.source_id, x.seq LIMIT 1),"
		" (SELECT count(*) FROM doc_source x WHERE x.doc_id = d.id)"
		" FROM document d ORDER BY d.id";
	sqlite3_stmt *st = NULL;
	tekg_doc_row r;
	int rc, step;

	if ((rc = store_prepare(s, sql, &st, err)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(st, 0);
		r.title = (const char *)sqlite3_column_text(st, 1);
		r.url = (const char *)sqlite3_column_text(st, 2);
		r.date = (const char *)sqlite3_column_text(st, 3);
		r.date_inferred = sqlite3_column_int(st, 4);
		r.duplicate_of = sqlite3_column_int64(st, 5);
		r.dup_title = (const char *)sqlite3_column_text(st, 6);
		r.source = (const char *)sqlite3_column_text(st, 7);
		r.source_start = sqlite3_column_int64(st, 8);
		r.source_end = sqlite3_column_int64(st, 9);
		r.n_sources = sqlite3_column_int64(st, 10);
		if ((rc = cb(&r, ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading documents");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_entity(tekg_store *s, int include_duplicates,
                           int (*cb)(const tekg_entity_row *, void *), void *ud,
                           tekg_error *err)
{
	static const char sql[] =
		"WITH " LIVE_DOCS ","
		" ev(entity_id, doc_id) AS (SELECT entity_id, doc_id FROM mention"
		"   UNION SELECT dst, doc_id FROM edge"
		"   UNION SELECT src, doc_id FROM edge WHERE src IS NOT NULL),"
		" st AS (SELECT ev.entity_id, count(DISTINCT ev.doc_id) AS docs,"
		"   min(live.date) AS first, max(live.date) AS last"
		"   FROM ev JOIN live ON live.id = ev.doc_id GROUP BY ev.entity_id),"
		" mc AS (SELECT m.entity_id, count(*) AS n FROM mention m"
		"   JOIN live ON live.id = m.doc_id GROUP BY m.entity_id),"
		" al AS (SELECT entity_id, group_concat(alias, '|') AS a FROM"
		"   (SELECT entity_id, alias FROM alias ORDER BY entity_id, alias)"
		"   GROUP BY entity_id),"
		" tt AS (SELECT src, title, count(*) AS c, min(id) AS f FROM edge"
		"   WHERE type = 'affiliated_with' AND title IS NOT NULL GROUP BY src, title),"
		/* the most frequent title per person, computed once (a correlated
		 * subquery on tt re-ran its GROUP BY for every entity) */
		" tb AS (SELECT src, title FROM (SELECT src, title, row_number() OVER"
		"   (PARTITION BY src ORDER BY c DESC, f) AS rn FROM tt) WHERE rn = 1)"
		" SELECT e.id, e.key, e.type, e.label, e.kind, coalesce(tb.title, e.title),"
		" e.start, e.\"end\", e.value, e.keywords, al.a, coalesce(mc.n, 0),"
		" coalesce(st.docs, 0), st.first, st.last"
		" FROM entity e LEFT JOIN st ON st.entity_id = e.id"
		" LEFT JOIN mc ON mc.entity_id = e.id LEFT JOIN al ON al.entity_id = e.id"
		" LEFT JOIN tb ON tb.src = e.id"
		" ORDER BY e.id";
	sqlite3_stmt *st = NULL;
	tekg_entity_row r;
	int rc, step;

	if ((rc = store_prepare(s, sql, &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, include_duplicates ? 1 : 0);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(st, 0);
		r.key = (const char *)sqlite3_column_text(st, 1);
		r.type = (const char *)sqlite3_column_text(st, 2);
		r.label = (const char *)sqlite3_column_text(st, 3);
		r.kind = (const char *)sqlite3_column_text(st, 4);
		r.title = (const char *)sqlite3_column_text(st, 5);
		r.start = (const char *)sqlite3_column_text(st, 6);
		r.end = (const char *)sqlite3_column_text(st, 7);
		r.value = (const char *)sqlite3_column_text(st, 8);
		r.keywords = (const char *)sqlite3_column_text(st, 9);
		r.aliases = (const char *)sqlite3_column_text(st, 10);
		r.mentions = sqlite3_column_int64(st, 11);
		r.docs = sqlite3_column_int64(st, 12);
		r.first_seen = (const char *)sqlite3_column_text(st, 13);
		r.last_seen = (const char *)sqlite3_column_text(st, 14);
		if ((rc = cb(&r, ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading entities");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

/* Every edge query yields the same columns: type, src_is_doc, src, dst,
 * role, title, weight, docs, first_seen, last_seen, evidence, evidence_doc,
 * evidence_start, evidence_end. */
#define EVIDENCE_COLS                                                                  \
	" substr(d.orig, s.start + 1, s.\"end\" - s.start), d.id, s.start, s.\"end\""

static const char *const edge_sql[] = {
	/* stored relations, aggregated by (type, endpoints, role) */
	"WITH " LIVE_DOCS ","
	" g AS (SELECT e.type, e.src_doc IS NOT NULL AS is_doc, coalesce(e.src, e.src_doc) AS src,"
	"   e.dst, e.role, sum(e.weight) AS w, count(DISTINCT e.doc_id) AS docs,"
	"   min(e.id) AS first, min(l.date) AS fs, max(l.date) AS ls"
	"   FROM edge e JOIN live l ON l.id = e.doc_id"
	"   GROUP BY e.type, e.src_doc, e.src, e.dst, e.role),"
	/* the most frequent title per relation, computed once (a correlated
	 * subquery scanned every edge of the target for each group) */
	" tt AS (SELECT type, src, dst, title, count(*) AS c, min(id) AS f FROM edge"
	"   WHERE title IS NOT NULL AND src IS NOT NULL GROUP BY type, src, dst, title),"
	" tb AS (SELECT type, src, dst, title FROM (SELECT type, src, dst, title, row_number()"
	"   OVER (PARTITION BY type, src, dst ORDER BY c DESC, f) AS rn FROM tt) WHERE rn = 1)"
	" SELECT g.type, g.is_doc, g.src, g.dst, g.role, tb.title,"
	" g.w, g.docs, g.fs, g.ls,"
	/* no evidence sentence (a byline, a caption): the endpoint's mention */
	" CASE WHEN s.id IS NOT NULL THEN substr(d.orig, s.start + 1, s.\"end\" - s.start)"
	"   ELSE substr(d.orig, fm.start + 1, fm.\"end\" - fm.start) END,"
	" d.id, coalesce(s.start, fm.start), coalesce(s.\"end\", fm.\"end\")"
	" FROM g JOIN edge f ON f.id = g.first JOIN document d ON d.id = f.doc_id"
	" LEFT JOIN sentence s ON s.id = f.sentence_id"
	" LEFT JOIN mention fm ON s.id IS NULL AND fm.id = (SELECT min(x.id) FROM mention x"
	"   WHERE x.doc_id = f.doc_id AND x.entity_id IN (f.src, f.dst))"
	" LEFT JOIN tb ON NOT g.is_doc AND tb.type = g.type AND tb.src = g.src AND tb.dst = g.dst"
	" ORDER BY g.first",
	/* document -> entity, one edge per pair, weight = mentions in the
	 * document; evidence is the first mention's sentence, or the mention
	 * itself when it lies outside the narrative (a byline, a caption) */
	"WITH " LIVE_DOCS ","
	" g AS (SELECT m.doc_id, m.entity_id, count(*) AS w,"
	"   coalesce(min(m.sentence_id), -1) AS sid, min(m.id) AS mid,"
	"   l.date AS dt FROM mention m JOIN live l ON l.id = m.doc_id"
	"   GROUP BY m.doc_id, m.entity_id)"
	" SELECT 'mentions', 1, g.doc_id, g.entity_id, NULL, NULL, g.w, 1, g.dt, g.dt,"
	" CASE WHEN s.id IS NOT NULL THEN substr(d.orig, s.start + 1, s.\"end\" - s.start)"
	"   ELSE substr(d.orig, fm.start + 1, fm.\"end\" - fm.start) END,"
	" d.id, coalesce(s.start, fm.start), coalesce(s.\"end\", fm.\"end\")"
	" FROM g JOIN document d ON d.id = g.doc_id JOIN mention fm ON fm.id = g.mid"
	" LEFT JOIN sentence s ON s.id = g.sid"
	" ORDER BY g.doc_id, g.entity_id",
	/* two persons/organizations/places in one sentence; weight = sentences */
	"WITH " LIVE_DOCS ","
	" pm AS (SELECT m.entity_id, m.sentence_id, m.doc_id FROM mention m"
	"   JOIN entity e ON e.id = m.entity_id"
	"   WHERE m.sentence_id IS NOT NULL AND e.type IN ('person', 'organization', 'place')),"
	" g AS (SELECT a.entity_id AS x, b.entity_id AS y, count(DISTINCT a.sentence_id) AS w,"
	"   count(DISTINCT a.doc_id) AS docs, min(a.sentence_id) AS sid,"
	"   min(l.date) AS fs, max(l.date) AS ls"
	"   FROM pm a JOIN pm b ON b.sentence_id = a.sentence_id AND b.entity_id > a.entity_id"
	"   JOIN live l ON l.id = a.doc_id GROUP BY a.entity_id, b.entity_id)"
	" SELECT 'co_occurs', 0, g.x, g.y, NULL, NULL, g.w, g.docs, g.fs, g.ls," EVIDENCE_COLS
	" FROM g JOIN sentence s ON s.id = g.sid JOIN document d ON d.id = s.doc_id"
	" ORDER BY g.x, g.y",
};

int tekg_store_each_edge(tekg_store *s, int include_duplicates,
                         int (*cb)(const tekg_edge_row *, void *), void *ud,
                         tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	tekg_edge_row r;
	size_t q;
	int rc = 0, step;

	for (q = 0; q < sizeof edge_sql / sizeof edge_sql[0]; q++) {
		if ((rc = store_prepare(s, edge_sql[q], &st, err)))
			return rc;
		sqlite3_bind_int(st, 1, include_duplicates ? 1 : 0);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			memset(&r, 0, sizeof r);
			r.type = (const char *)sqlite3_column_text(st, 0);
			r.src_is_doc = sqlite3_column_int(st, 1);
			r.src = sqlite3_column_int64(st, 2);
			r.dst = sqlite3_column_int64(st, 3);
			r.role = (const char *)sqlite3_column_text(st, 4);
			r.title = (const char *)sqlite3_column_text(st, 5);
			r.weight = sqlite3_column_double(st, 6);
			r.docs = sqlite3_column_int64(st, 7);
			r.first_seen = (const char *)sqlite3_column_text(st, 8);
			r.last_seen = (const char *)sqlite3_column_text(st, 9);
			r.evidence = (const char *)sqlite3_column_text(st, 10);
			r.evidence_doc = sqlite3_column_int64(st, 11);
			r.evidence_start = sqlite3_column_int64(st, 12);
			r.evidence_end = sqlite3_column_int64(st, 13);
			if ((rc = cb(&r, ud)))
				goto cleanup;
		}
		if (step != SQLITE_DONE) {
			rc = store_dberr(s, err, "reading edges");
			goto cleanup;
		}
		sqlite3_finalize(st);
		st = NULL;
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_credit(tekg_store *s, int64_t doc_id,
                           int (*cb)(const tekg_credit_row *, void *), void *ud,
                           tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	tekg_credit_row r;
	int rc, step;

	if ((rc = store_prepare(s, "SELECT role, outlet, names, text FROM credit"
	                           " WHERE doc_id = ? ORDER BY id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r.role = (const char *)sqlite3_column_text(st, 0);
		r.outlet = (const char *)sqlite3_column_text(st, 1);
		r.names = (const char *)sqlite3_column_text(st, 2);
		r.text = (const char *)sqlite3_column_text(st, 3);
		if ((rc = cb(&r, ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading credits");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_doc_source(tekg_store *s, int64_t doc_id,
                               int (*cb)(const char *, int64_t, int64_t, void *), void *ud,
                               tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, step;

	if ((rc = store_prepare(s, "SELECT s.path, x.source_start, x.source_end FROM doc_source x"
	                           " JOIN source s ON s.id = x.source_id WHERE x.doc_id = ?"
	                           " ORDER BY s.id, x.seq", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = cb((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		             sqlite3_column_int64(st, 2), ud)))
			goto cleanup;
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "reading sources");
cleanup:
	sqlite3_finalize(st);
	return rc;
}
