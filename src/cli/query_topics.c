/*
 * query_topics.c - the SQL behind `tekg query topics` and `tekg query topic
 * NAME` (query_topics.h).  cmd_query.c prints the result as it prints
 * `tekg query sql`: aligned text, --json or --csv.
 */
#include "cli/cli.h"
#include "cli/query_topics.h"
#include "tekg/text.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A document's display name: its title, else its first sentence cut to 24
 * characters, in brackets (an article whose headline was not detected).
 * `d` is the document row. */
#define DOC_NAME \
	"coalesce(nullif(d.title, ''), (SELECT '[' || trim(substr(d.orig, s.start + 1,"\
	" min(s.end - s.start, 24)))" \
	" || CASE WHEN s.end - s.start > 24 THEN '...' ELSE '' END || ']' FROM sentence s" \
	" WHERE s.doc_id = d.id ORDER BY s.idx LIMIT 1), '')"

/* Every topic: export id, label, keywords, documents and events about it
 * (counts, SQL integers), the labels of its three most relevant events
 * (" | "-joined), and the export ids of all its documents and all its
 * events, most relevant first.  Topics by the summed relevance of their
 * documents. */
static const char topics_sql[] =
	"WITH a AS (SELECT e.dst AS t, e.src_doc AS doc, e.src AS ev, max(e.weight) AS w"
	"   FROM edge e WHERE e.type = 'about' GROUP BY e.dst, e.src_doc, e.src)"
	" SELECT 'n' || t.id AS id, t.label AS topic, t.keywords AS keywords,"
	" (SELECT count(*) FROM a WHERE a.t = t.id AND a.doc IS NOT NULL) AS documents,"
	" (SELECT count(*) FROM a WHERE a.t = t.id AND a.ev IS NOT NULL) AS events,"
	" coalesce((SELECT group_concat(l, ' | ') FROM (SELECT x.label AS l FROM a"
	"   JOIN entity x ON x.id = a.ev WHERE a.t = t.id ORDER BY a.w DESC, x.id LIMIT 3)),"
	"   '') AS top_events,"
	" coalesce((SELECT group_concat(x, ' ') FROM (SELECT 'd' || a.doc AS x FROM a"
	"   WHERE a.t = t.id AND a.doc IS NOT NULL ORDER BY a.w DESC, a.doc)), '') AS docs,"
	" coalesce((SELECT group_concat(x, ' ') FROM (SELECT 'n' || a.ev AS x FROM a"
	"   WHERE a.t = t.id AND a.ev IS NOT NULL ORDER BY a.w DESC, a.ev)), '') AS event_ids"
	" FROM entity t WHERE t.type = 'topic' ORDER BY"
	" (SELECT sum(a.w) FROM a WHERE a.t = t.id AND a.doc IS NOT NULL) DESC, t.label";

/* One topic: itself and its keywords, then its documents and events by
 * relevance (weight: a number rounded to 3 decimals), then the persons and
 * organizations of those documents by the number of them that mention
 * them (at most 15; weight: that number, an integer).  %lld: the topic id. */
static const char topic_fmt[] =
	"WITH ad AS (SELECT e.src_doc AS doc, max(e.weight) AS w FROM edge e"
	"   WHERE e.type = 'about' AND e.dst = %lld AND e.src_doc IS NOT NULL GROUP BY e.src_doc),"
	" ae AS (SELECT e.src AS ev, max(e.weight) AS w FROM edge e"
	"   WHERE e.type = 'about' AND e.dst = %lld AND e.src IS NOT NULL GROUP BY e.src)"
	" SELECT * FROM (SELECT 'topic' AS kind, 'n' || id AS id, label AS item,"
	"   NULL AS weight, keywords AS detail FROM entity WHERE id = %lld)"
	" UNION ALL SELECT * FROM (SELECT 'document', 'd' || d.id, " DOC_NAME ","
	"   round(ad.w, 3), d.date FROM ad JOIN document d ON d.id = ad.doc"
	"   ORDER BY ad.w DESC, d.id)"
	" UNION ALL SELECT * FROM (SELECT 'event', 'n' || x.id, x.label, round(ae.w, 3),"
	"   x.start FROM ae JOIN entity x ON x.id = ae.ev ORDER BY ae.w DESC, x.id)"
	" UNION ALL SELECT * FROM (SELECT x.type, 'n' || x.id, x.label,"
	"   count(DISTINCT m.doc_id), count(*) || ' mentions' FROM mention m"
	"   JOIN ad ON ad.doc = m.doc_id JOIN entity x ON x.id = m.entity_id"
	"   WHERE x.type IN ('person', 'organization')"
	"   GROUP BY x.id ORDER BY count(DISTINCT m.doc_id) DESC, count(*) DESC, x.id LIMIT 15)";

typedef struct found {
	int64_t ids[9];
	char *labels[9];
	size_t n;
	int rc;
} found;

static int on_match(int ncol, const char *const *names, const char *const *values, void *ud)
{
	found *f = ud;
	int64_t id;
	size_t k;

	(void)names;
	if (ncol < 2 || values[0] == NULL)
		return 0;
	id = strtoll(values[0], NULL, 10);
	for (k = 0; k < f->n; k++)
		if (f->ids[k] == id)
			return 0;
	if (f->n == sizeof f->ids / sizeof f->ids[0])
		return 0;
	if ((f->labels[f->n] = tekg_strdup(values[1] ? values[1] : "")) == NULL)
		return f->rc = TEKG_ENOMEM;
	f->ids[f->n++] = id;
	return 0;
}

static void found_clear(found *f)
{
	size_t k;

	for (k = 0; k < f->n; k++)
		tekg_free(f->labels[k]);
	f->n = 0;
}

/* `s` as an SQL string literal appended to b. */
static int put_literal(tekg_buf *b, const char *s)
{
	int rc = tekg_buf_putc(b, '\'');

	for (; *s && rc == 0; s++)
		rc = *s == '\'' ? tekg_buf_puts(b, "''") : tekg_buf_putc(b, *s);
	return rc ? rc : tekg_buf_putc(b, '\'');
}

/* Topic ids matching `name` by one rule (0: label, 1: alias, 2: keyword). */
static int match(tekg_store *s, int rule, const char *name, found *f)
{
	static const char *const pre[] = {
		"SELECT id, label FROM entity WHERE type = 'topic' AND label = ",
		"SELECT e.id, e.label FROM alias a JOIN entity e ON e.id = a.entity_id"
		" WHERE e.type = 'topic' AND a.alias = ",
		"SELECT id, label FROM entity WHERE type = 'topic'"
		" AND instr('|' || keywords || '|', '|' || ",
	};
	tekg_buf b;
	tekg_error err = {0};
	char *sql;
	int rc;

	tekg_buf_init(&b, 0);
	if (tekg_buf_puts(&b, pre[rule]) || put_literal(&b, name) ||
	    tekg_buf_puts(&b, rule == 2 ? " || '|') > 0 ORDER BY id" : " ORDER BY id") ||
	    (sql = tekg_buf_detach(&b, NULL)) == NULL) {
		tekg_buf_free(&b);
		return TEKG_ENOMEM;
	}
	rc = tekg_store_query_readonly(s, sql, on_match, f, &err);
	tekg_free(sql);
	if (rc && f->rc == 0)
		cli_err(NULL, "query: %s", err.msg);
	return f->rc ? f->rc : rc;
}

/* Appends " nID LABEL" (comma-separated) to the tekg_buf ud. */
static int on_topic_hint(int ncol, const char *const *names, const char *const *values, void *ud)
{
	tekg_buf *b = ud;

	(void)names;
	if (ncol < 2 || values[0] == NULL)
		return 0;
	return (b->len && tekg_buf_putc(b, ',')) || tekg_buf_puts(b, " n") ||
	       tekg_buf_puts(b, values[0]) || tekg_buf_putc(b, ' ') ||
	       tekg_buf_puts(b, values[1] ? values[1] : "") ? TEKG_ENOMEM : 0;
}

/* The topic called `name` into *id; messages on stderr. */
static int resolve(tekg_store *s, const char *name, int64_t *id)
{
	found f;
	char *simp = NULL, *end;
	const char *forms[2];
	size_t nf = 1, k, r;
	int rc = 0;

	memset(&f, 0, sizeof f);
	forms[0] = name;
	if ((simp = tekg_text_simplify(name, strlen(name), TEKG_SCRIPT_T2S)) && strcmp(simp, name))
		forms[nf++] = simp;
	if (name[0] == 'n' && name[1] >= '0' && name[1] <= '9') {
		long long v = strtoll(name + 1, &end, 10);
		char sql[96];
		tekg_error err = {0};
		if (*end == '\0') {
			snprintf(sql, sizeof sql,
			         "SELECT id, label FROM entity WHERE type = 'topic' AND id = %lld", v);
			if ((rc = tekg_store_query_readonly(s, sql, on_match, &f, &err))) {
				cli_err(NULL, "query: %s", err.msg);
				goto cleanup;
			}
		}
	}
	for (r = 0; r < 3 && f.n == 0; r++)
		for (k = 0; k < nf && f.n == 0; k++)
			if ((rc = match(s, (int)r, forms[k], &f)))
				goto cleanup;
	if (f.n == 1) {
		*id = f.ids[0];
		goto cleanup;
	}
	if (f.n > 1) {
		cli_err(NULL, "query: '%s' names %zu topics:", name, f.n);
		for (k = 0; k < f.n; k++)
			fprintf(stderr, "  n%lld  %s\n", (long long)f.ids[k], f.labels[k]);
		rc = TEKG_EAMBIGUOUS;
		goto cleanup;
	}
	/* not found: list every topic */
	{
		tekg_error err = {0};
		tekg_buf b;
		cli_err(NULL, "query: no topic named '%s'", name);
		tekg_buf_init(&b, 0);
		if (tekg_store_query_readonly(s, "SELECT id, label FROM entity WHERE type = 'topic'"
		                                 " ORDER BY id", on_topic_hint, &b, &err) == 0 &&
		    b.len > 0)
			fprintf(stderr, "topics:%.*s\n", (int)b.len, b.data);
		tekg_buf_free(&b);
		rc = TEKG_ENOTFOUND;
	}
cleanup:
	found_clear(&f);
	free(simp);
	return rc;
}

int cli_topics_sql(tekg_store *s, const char *sub, const char *name, char **sql)
{
	int64_t id = 0;
	size_t n;
	int rc;

	*sql = NULL;
	if (strcmp(sub, "topic") != 0) {
		char *note = NULL;
		tekg_error err = {0};
		/* say so when jieba's IDF was missing (docs/topics.md) */
		if (tekg_store_topics_note_get(s, "idf", &note, &err) == 0 && note &&
		    strncmp(note, "corpus only", 11) == 0)
			cli_err(NULL, "note: topics use corpus IDF only: %s", note);
		tekg_free(note);
		return (*sql = tekg_strdup(topics_sql)) ? 0 : TEKG_ENOMEM;
	}
	if ((rc = resolve(s, name ? name : "", &id)))
		return rc;
	n = sizeof topic_fmt + 3 * 24;
	if ((*sql = tekg_malloc(n)) == NULL)
		return TEKG_ENOMEM;
	snprintf(*sql, n, topic_fmt, (long long)id, (long long)id, (long long)id);
	return 0;
}
