/*
 * store.c - opening, migrating and closing the SQLite store; transactions;
 * sources; counts; read-only ad-hoc queries.  Documents live in
 * store_doc.c, extractions in store_extract.c, the graph read API in
 * store_read.c.
 */
#include "store/store_int.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema_sql.h"

/*
 * A new database gets schema.sql, which is always the latest version.  An
 * older database is upgraded by the deltas below: entry i takes
 * user_version i + 1 to i + 2 (entry 0 takes version 1 to 2, and so on).
 * Adding a version: change schema.sql, bump TEKG_STORE_SCHEMA_VERSION and
 * append the delta here.
 */
static const char *const migrations[] = {
	/* 1 -> 2: keywords of documents, for topics */
	"CREATE TABLE keyword (doc_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	" word TEXT NOT NULL, tf INTEGER NOT NULL, idf REAL, weight REAL NOT NULL,"
	" PRIMARY KEY (doc_id, word)) WITHOUT ROWID;"
	"CREATE INDEX keyword_word ON keyword(word);",
	/* 2 -> 3: the --date of the ingest, so that reindex keeps it */
	"ALTER TABLE source ADD COLUMN cli_date TEXT;",
};

int store_dberr(tekg_store *s, tekg_error *err, const char *what)
{
	int ec = s && s->db ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : "no connection";

	if ((ec & 0xff) == SQLITE_NOMEM)
		return tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", what);
	return tekg_error_set(err, TEKG_EDB, "%s: %s: %s", s && s->path ? s->path : "database",
	                      what, msg);
}

int store_prepare(tekg_store *s, const char *sql, sqlite3_stmt **st, tekg_error *err)
{
	*st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_dberr(s, err, "prepare");
	return 0;
}

int store_exec(tekg_store *s, const char *sql, tekg_error *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOMEM)
			tekg_error_set(err, TEKG_ENOMEM, "database: out of memory");
		else
			tekg_error_set(err, TEKG_EDB, "%s: %s", s->path,
			               msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return (rc & 0xff) == SQLITE_NOMEM ? TEKG_ENOMEM : TEKG_EDB;
	}
	return 0;
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

const char *tekg_store_lib_version(void)
{
	return sqlite3_libversion();
}

static int user_version(tekg_store *s, int *v, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "PRAGMA user_version", &st, err)))
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_dberr(s, err, "reading the schema version");
		goto cleanup;
	}
	*v = sqlite3_column_int(st, 0);
cleanup:
	sqlite3_finalize(st);
	return rc;
}

static int count_tables(tekg_store *s, int *n, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "SELECT count(*) FROM sqlite_master", &st, err)))
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_dberr(s, err, "reading the schema");
		goto cleanup;
	}
	*n = sqlite3_column_int(st, 0);
cleanup:
	sqlite3_finalize(st);
	return rc;
}

static int migrate(tekg_store *s, tekg_error *err)
{
	int v = 0, ntab = 0, rc;
	char sql[64];

	if ((rc = user_version(s, &v, err)))
		return rc;
	if (v > TEKG_STORE_SCHEMA_VERSION)
		return tekg_error_set(err, TEKG_EDB,
		                      "%s: schema version %d is newer than this tekg (%d): upgrade tekg",
		                      s->path, v, TEKG_STORE_SCHEMA_VERSION);
	if (v == TEKG_STORE_SCHEMA_VERSION)
		return 0;
	if (v == 0) {
		if ((rc = count_tables(s, &ntab, err)))
			return rc;
		if (ntab > 0)
			return tekg_error_set(err, TEKG_EDB, "%s: not a tekg database", s->path);
	}
	if (s->readonly)
		return tekg_error_set(err, TEKG_EDB,
		                      "%s: database has an older schema; any writing command (ingest, reindex) upgrades it",
		                      s->path);
	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err)))
		return rc;
	if (v == 0) {
		if ((rc = store_exec(s, schema_sql, err)))
			goto fail;
		v = TEKG_STORE_SCHEMA_VERSION;
	}
	for (; v < TEKG_STORE_SCHEMA_VERSION; v++) {
		if ((size_t)(v - 1) >= sizeof migrations / sizeof migrations[0] ||
		    migrations[v - 1] == NULL) {
			rc = tekg_error_set(err, TEKG_EDB, "%s: no migration from schema version %d",
			                    s->path, v);
			goto fail;
		}
		if ((rc = store_exec(s, migrations[v - 1], err)))
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", TEKG_STORE_SCHEMA_VERSION);
	if ((rc = store_exec(s, sql, err)))
		goto fail;
	return store_exec(s, "COMMIT", err);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* A read-only database in a folder it cannot write to: SQLite cannot make
 * the WAL index (-shm) there, so reading fails.  When no write-ahead log is
 * pending (no PATH-wal, or an empty one), nothing can be changing the file
 * either, and it is opened as immutable.  1 when it was reopened so. */
static int reopen_immutable(tekg_store *s)
{
	char *dir, *slash;
	struct stat st;
	tekg_buf uri = {0}, wal = {0};
	const char *p;
	int writable, ok = 0;

	if ((dir = tekg_strdup(s->path)) == NULL)
		return 0;
	slash = strrchr(dir, '/');
	if (slash == NULL)
		writable = access(".", W_OK) == 0;
	else {
		slash[slash == dir] = '\0';
		writable = access(dir, W_OK) == 0;
	}
	tekg_free(dir);
	if (writable)
		return 0;
	if (tekg_buf_printf(&wal, "%s-wal", s->path))
		return 0;
	ok = stat(wal.data, &st) != 0 || st.st_size == 0;
	tekg_buf_free(&wal);
	if (!ok)
		return 0;
	/* file: URI with the path percent-escaped */
	ok = tekg_buf_puts(&uri, "file:") == 0;
	for (p = s->path; ok && *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7F)
			ok = tekg_buf_printf(&uri, "%%%02X", c) == 0;
		else
			ok = tekg_buf_putc(&uri, (char)c) == 0;
	}
	ok = ok && tekg_buf_puts(&uri, "?immutable=1") == 0;
	if (ok) {
		sqlite3_close_v2(s->db);
		s->db = NULL;
		ok = sqlite3_open_v2(uri.data, &s->db,
		                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
		                     NULL) == SQLITE_OK;
		if (ok) {
			sqlite3_extended_result_codes(s->db, 1);
			sqlite3_busy_timeout(s->db, 10000);
		}
	}
	tekg_buf_free(&uri);
	return ok;
}

int tekg_store_open(tekg_store **out, const char *path, int flags, tekg_error *err)
{
	tekg_store *s;
	struct stat stbuf;
	int oflags, rc;

	*out = NULL;
	if (path == NULL || *path == '\0')
		return tekg_error_set(err, TEKG_EINVAL, "no database path");
	if (stat(path, &stbuf) == 0) {
		if (S_ISDIR(stbuf.st_mode))
			return tekg_error_set(err, TEKG_EDB, "%s: is a directory, not a database", path);
	} else if (flags & (TEKG_STORE_READONLY | TEKG_STORE_NOCREATE)) {
		return tekg_error_set(err, TEKG_ENOTFOUND, "%s: no such database", path);
	}
	s = tekg_calloc(1, sizeof *s);
	if (s == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	s->path = tekg_strdup(path);
	if (s->path == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto fail;
	}
	s->readonly = (flags & TEKG_STORE_READONLY) != 0;
	oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = store_dberr(s, err, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 10000);
	if (!s->readonly && sqlite3_db_readonly(s->db, "main") == 1) {
		rc = tekg_error_set(err, TEKG_EDB, "%s: database is read-only", path);
		goto fail;
	}
	/* The first real read tells a corrupt file or a non-database apart. */
	if ((rc = migrate(s, err))) {
		if (!s->readonly || !reopen_immutable(s))
			goto fail;
		if (err)
			memset(err, 0, sizeof *err);
		if ((rc = migrate(s, err)))
			goto fail;
	}
	if (!s->readonly) {
		if ((rc = store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
		                     err)))
			goto fail;
	}
	if ((rc = store_exec(s, "PRAGMA foreign_keys = ON;", err)))
		goto fail;
	*out = s;
	return 0;
fail:
	tekg_store_close(s);
	return rc;
}

void tekg_store_close(tekg_store *s)
{
	if (s == NULL)
		return;
	if (s->db) {
		if (s->in_tx)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	tekg_free(s->path);
	tekg_free(s);
}

int tekg_store_begin(tekg_store *s, tekg_error *err)
{
	int rc = store_exec(s, "BEGIN IMMEDIATE", err);

	if (rc == 0)
		s->in_tx = 1;
	return rc;
}

int tekg_store_commit(tekg_store *s, tekg_error *err)
{
	int rc = store_exec(s, "COMMIT", err);

	if (rc == 0)
		s->in_tx = 0;
	return rc;
}

void tekg_store_rollback(tekg_store *s)
{
	if (s && s->in_tx) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->in_tx = 0;
	}
}

/* ---- sources ---------------------------------------------------------- */

int tekg_store_source_find(tekg_store *s, const char *hash, int64_t *id, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*id = 0;
	if ((rc = store_prepare(s, "SELECT id FROM source WHERE hash = ?", &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW: *id = sqlite3_column_int64(st, 0); break;
	case SQLITE_DONE: break;
	default: rc = store_dberr(s, err, "finding a source");
	}
	sqlite3_finalize(st);
	return rc;
}

static const char *format_name(tekg_input_format f)
{
	switch (f) {
	case TEKG_FORMAT_JSONL: return "jsonl";
	case TEKG_FORMAT_HTML: return "html";
	default: return "text";
	}
}

static const char *script_name(tekg_script_profile p)
{
	switch (p) {
	case TEKG_SCRIPT_HK2S: return "hk2s";
	case TEKG_SCRIPT_TW2S: return "tw2s";
	case TEKG_SCRIPT_NONE: return "none";
	default: return "t2s";
	}
}

/* JSON object of key/value metadata; the caller frees *out. */
static int meta_json(const tekg_meta *m, size_t n, char **out)
{
	tekg_buf b = {0};
	size_t i;
	int rc = tekg_buf_putc(&b, '{');

	for (i = 0; rc == 0 && i < n; i++) {
		if (i)
			rc = tekg_buf_putc(&b, ',');
		if (!rc)
			rc = tekg_json_cstr(&b, m[i].key ? m[i].key : "");
		if (!rc)
			rc = tekg_buf_putc(&b, ':');
		if (!rc)
			rc = tekg_json_cstr(&b, m[i].value ? m[i].value : "");
	}
	if (!rc)
		rc = tekg_buf_putc(&b, '}');
	if (rc) {
		tekg_buf_free(&b);
		return rc;
	}
	*out = tekg_buf_detach(&b, NULL);
	return *out ? 0 : TEKG_ENOMEM;
}

int store_meta_json(const tekg_meta *m, size_t n, char **out);
int store_meta_json(const tekg_meta *m, size_t n, char **out)
{
	return meta_json(m, n, out);
}

int tekg_store_source_add(tekg_store *s, const tekg_source *src, const char *hash,
                          size_t bytes, int64_t *id, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	char *meta = NULL;
	int rc;

	if ((rc = meta_json(src->meta, src->n_meta, &meta)))
		return tekg_error_set(err, rc, "out of memory");
	if ((rc = store_prepare(s,
	                        "INSERT INTO source(path, hash, bytes, format, encoding, script, meta)"
	                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
	                        &st, err)))
		goto cleanup;
	store_bind_text(st, 1, src->path ? src->path : "-");
	store_bind_text(st, 2, hash);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)bytes);
	store_bind_text(st, 4, format_name(src->format));
	store_bind_text(st, 5, src->encoding ? src->encoding : "UTF-8");
	store_bind_text(st, 6, script_name(src->script));
	store_bind_text(st, 7, meta);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = store_dberr(s, err, "adding a source");
		goto cleanup;
	}
	*id = sqlite3_last_insert_rowid(s->db);
cleanup:
	sqlite3_finalize(st);
	tekg_free(meta);
	return rc;
}

int tekg_store_source_set_date(tekg_store *s, int64_t source_id, const char *date,
                               tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "UPDATE source SET cli_date = ? WHERE id = ?", &st, err)))
		return rc;
	store_bind_text(st, 1, date && *date ? date : NULL);
	sqlite3_bind_int64(st, 2, source_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_dberr(s, err, "setting a source date");
	sqlite3_finalize(st);
	return rc;
}

int store_gc_entities(tekg_store *s, tekg_error *err)
{
	return store_exec(s,
	                  "DELETE FROM entity WHERE id NOT IN (SELECT entity_id FROM mention)"
	                  " AND id NOT IN (SELECT dst FROM edge)"
	                  " AND id NOT IN (SELECT src FROM edge WHERE src IS NOT NULL);",
	                  err);
}

int tekg_store_source_remove(tekg_store *s, const char *name, size_t *n_sources,
                             size_t *n_docs, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, ns = 0, nd = 0;

	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS rm_src(id INTEGER PRIMARY KEY);"
	                        "DELETE FROM temp.rm_src;", err)))
		return rc;
	if ((rc = store_prepare(s, "INSERT INTO temp.rm_src SELECT id FROM source"
	                           " WHERE path = ?1 OR hash = ?1", &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = store_dberr(s, err, "finding the source");
		goto cleanup;
	}
	ns = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	st = NULL;
	if (ns == 0) {
		rc = tekg_error_set(err, TEKG_ENOTFOUND, "%s: no such source in %s", name, s->path);
		goto cleanup;
	}
	/* documents that only the removed sources support */
	if ((rc = store_exec(s,
	                     "DELETE FROM document WHERE id IN (SELECT doc_id FROM doc_source"
	                     " WHERE source_id IN (SELECT id FROM temp.rm_src))"
	                     " AND id NOT IN (SELECT doc_id FROM doc_source"
	                     " WHERE source_id NOT IN (SELECT id FROM temp.rm_src));",
	                     err)))
		goto cleanup;
	nd = sqlite3_changes(s->db);
	if ((rc = store_exec(s, "DELETE FROM source WHERE id IN (SELECT id FROM temp.rm_src);",
	                     err)))
		goto cleanup;
	rc = store_gc_entities(s, err);
cleanup:
	sqlite3_finalize(st);
	if (n_sources)
		*n_sources = (size_t)ns;
	if (n_docs)
		*n_docs = (size_t)nd;
	return rc;
}

/* ---- counts ----------------------------------------------------------- */

int tekg_store_stats_get(tekg_store *s, tekg_store_stats *o, tekg_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM document),"
		" (SELECT count(*) FROM document WHERE duplicate_of IS NOT NULL),"
		" (SELECT count(*) FROM sentence), (SELECT count(*) FROM credit),"
		" (SELECT count(*) FROM mention),"
		" (SELECT count(*) FROM entity WHERE type = 'person'),"
		" (SELECT count(*) FROM entity WHERE type = 'organization'),"
		" (SELECT count(*) FROM entity WHERE type = 'place'),"
		" (SELECT count(*) FROM entity WHERE type = 'event'),"
		" (SELECT count(*) FROM entity WHERE type = 'date'),"
		" (SELECT count(*) FROM entity WHERE type = 'topic'),"
		" (SELECT count(*) FROM edge),"
		" (SELECT count(*) FROM (SELECT DISTINCT type, src_doc, src, dst FROM edge))";
	sqlite3_stmt *st = NULL;
	int64_t *f[] = {&o->sources, &o->documents, &o->duplicates, &o->sentences, &o->credits,
	                &o->mentions, &o->persons, &o->organizations, &o->places, &o->events,
	                &o->dates, &o->topics, &o->edges, &o->edge_pairs};
	size_t i;
	int rc;

	memset(o, 0, sizeof *o);
	if ((rc = store_prepare(s, sql, &st, err)))
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_dberr(s, err, "counting");
		goto cleanup;
	}
	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		*f[i] = sqlite3_column_int64(st, (int)i);
cleanup:
	sqlite3_finalize(st);
	return rc;
}

/* ---- ad-hoc read-only queries ----------------------------------------- */

/* One statement, read-only; per row either `cb` (text values) or `tcb`
 * (typed values, REALs exact). */
static int query_ro(tekg_store *s, const char *sql,
                    int (*cb)(int, const char *const *, const char *const *, void *),
                    int (*tcb)(int, const char *const *, const char *const *,
                               const tekg_sql_type *, void *),
                    void *ud, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	const char **names = NULL, **vals = NULL;
	tekg_sql_type *types = NULL;
	char *reals = NULL; /* 32 bytes per column for exact REAL text */
	int rc = 0, ncol, i, step;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK)
		return tekg_error_set(err, TEKG_EINVAL, "sql: %s", sqlite3_errmsg(s->db));
	if (st == NULL)
		return tekg_error_set(err, TEKG_EINVAL, "sql: empty statement");
	while (tail && (isspace((unsigned char)*tail) || *tail == ';'))
		tail++;
	if (tail && *tail) {
		rc = tekg_error_set(err, TEKG_EINVAL, "sql: only one statement is allowed");
		goto cleanup;
	}
	if (!sqlite3_stmt_readonly(st)) {
		rc = tekg_error_set(err, TEKG_EINVAL, "sql: only read-only statements are allowed");
		goto cleanup;
	}
	ncol = sqlite3_column_count(st);
	names = tekg_calloc((size_t)ncol + 1, sizeof *names);
	vals = tekg_calloc((size_t)ncol + 1, sizeof *vals);
	types = tekg_calloc((size_t)ncol + 1, sizeof *types);
	reals = tekg_calloc((size_t)ncol + 1, 32);
	if (!names || !vals || !types || !reals) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < ncol; i++)
		names[i] = sqlite3_column_name(st, i);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ncol; i++) {
			int t = sqlite3_column_type(st, i);
			vals[i] = (const char *)sqlite3_column_text(st, i);
			types[i] = t == SQLITE_INTEGER ? TEKG_SQL_INTEGER
			           : t == SQLITE_FLOAT ? TEKG_SQL_REAL
			           : t == SQLITE_BLOB  ? TEKG_SQL_BLOB
			           : t == SQLITE_NULL  ? TEKG_SQL_NULL
			                               : TEKG_SQL_TEXT;
			if (tcb && t == SQLITE_FLOAT) {
				double v = sqlite3_column_double(st, i);
				char *out = reals + 32 * (size_t)i;
				int prec;
				for (prec = 15; prec <= 17; prec++) {
					snprintf(out, 32, "%.*g", prec, v);
					if (strtod(out, NULL) == v)
						break;
				}
				vals[i] = out;
			}
		}
		if ((rc = tcb ? tcb(ncol, names, vals, types, ud) : cb(ncol, names, vals, ud)))
			goto cleanup;
	}
	if (step != SQLITE_DONE)
		rc = tekg_error_set(err, TEKG_EINVAL, "sql: %s", sqlite3_errmsg(s->db));
cleanup:
	tekg_free(names);
	tekg_free(vals);
	tekg_free(types);
	tekg_free(reals);
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_query_readonly(tekg_store *s, const char *sql,
                              int (*cb)(int, const char *const *, const char *const *, void *),
                              void *ud, tekg_error *err)
{
	return query_ro(s, sql, cb, NULL, ud, err);
}

int tekg_store_query_readonly_typed(tekg_store *s, const char *sql,
                                    int (*cb)(int, const char *const *, const char *const *,
                                              const tekg_sql_type *, void *),
                                    void *ud, tekg_error *err)
{
	return query_ro(s, sql, NULL, cb, ud, err);
}
