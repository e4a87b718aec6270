/*
 * store_doc.c - documents: storing an article (with its sentences,
 * credits, offset map and MinHash bands), finding near-duplicates, and
 * rebuilding an article from the store for reindex and show.
 *
 * The offset map (work char -> orig char) is stored run-length coded: a
 * list of (work index, orig index) pairs, LEB128 varints, one pair where
 * the map stops being "previous + 1".  News text gives a handful of pairs
 * per article instead of four bytes per character.
 */
#include "store/store_int.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/sha256.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

int store_meta_json(const tekg_meta *m, size_t n, char **out);

#define LSH_BANDS 32
#define LSH_ROWS (TEKG_MINHASH_K / LSH_BANDS)

static int put_varint(tekg_buf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		tmp[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	return tekg_buf_append(b, tmp, n);
}

static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	int shift = 0;

	*v = 0;
	while (*p < end && shift < 64) {
		unsigned char c = *(*p)++;
		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return 0;
		shift += 7;
	}
	return -1;
}

static int map_encode(const size_t *map, size_t n, tekg_buf *b)
{
	size_t i;
	int rc = 0;

	for (i = 0; i <= n && rc == 0; i++)
		if (i == 0 || map[i] != map[i - 1] + 1) {
			rc = put_varint(b, i);
			if (!rc)
				rc = put_varint(b, map[i]);
		}
	return rc;
}

/* Decode into a new array of n + 1 entries; NULL on bad data or no memory. */
static size_t *map_decode(const unsigned char *p, size_t len, size_t n)
{
	const unsigned char *end = p + len;
	size_t *map = tekg_malloc((n + 1) * sizeof *map);
	uint64_t wi, oi;
	size_t i = 0, cur = 0;

	if (map == NULL)
		return NULL;
	while (p < end) {
		if (get_varint(&p, end, &wi) || get_varint(&p, end, &oi) || wi > n || wi < i)
			goto bad;
		for (; i < wi; i++)
			map[i] = ++cur;
		map[i++] = cur = (size_t)oi;
	}
	if (i == 0)
		goto bad;
	for (; i <= n; i++)
		map[i] = ++cur;
	return map;
bad:
	tekg_free(map);
	return NULL;
}

static uint64_t band_hash(const uint32_t *sig, int band)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)band;
	int i;

	for (i = 0; i < LSH_ROWS; i++) {
		h ^= sig[band * LSH_ROWS + i];
		h *= 0xBF58476D1CE4E5B9ull;
		h ^= h >> 31;
	}
	return h & 0x7FFFFFFFFFFFFFFFull; /* fits an SQLite INTEGER */
}

static void sig_to_blob(const uint32_t *sig, unsigned char *out)
{
	int i;

	for (i = 0; i < TEKG_MINHASH_K; i++) {
		out[4 * i] = (unsigned char)sig[i];
		out[4 * i + 1] = (unsigned char)(sig[i] >> 8);
		out[4 * i + 2] = (unsigned char)(sig[i] >> 16);
		out[4 * i + 3] = (unsigned char)(sig[i] >> 24);
	}
}

static void blob_to_sig(const unsigned char *p, uint32_t *sig)
{
	int i;

	for (i = 0; i < TEKG_MINHASH_K; i++)
		sig[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		         (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
}

/* The earliest stored document (not itself a duplicate) whose signature is
 * at least TEKG_STORE_DUP_THRESHOLD similar; *dup = 0 when none. */
static int find_duplicate(tekg_store *s, const uint32_t *sig, int64_t *dup, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	uint32_t other[TEKG_MINHASH_K];
	int rc, band;

	*dup = 0;
	if ((rc = store_prepare(s,
	                        "SELECT DISTINCT d.id, coalesce(d.duplicate_of, d.id), d.minhash"
	                        " FROM minhash_band b JOIN document d ON d.id = b.doc_id"
	                        " WHERE b.band = ? AND b.hash = ? ORDER BY d.id",
	                        &st, err)))
		return rc;
	for (band = 0; band < LSH_BANDS; band++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)band_hash(sig, band));
		while (sqlite3_step(st) == SQLITE_ROW) {
			const void *blob = sqlite3_column_blob(st, 2);
			int64_t root = sqlite3_column_int64(st, 1);
			if (blob == NULL || sqlite3_column_bytes(st, 2) != 4 * TEKG_MINHASH_K)
				continue;
			blob_to_sig(blob, other);
			if (tekg_text_minhash_sim(sig, other) >= TEKG_STORE_DUP_THRESHOLD &&
			    (*dup == 0 || root < *dup))
				*dup = root;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

static char *dateline_json(const tekg_dateline *d)
{
	tekg_buf b = {0};
	int rc;

	if (d->text == NULL)
		return NULL;
	rc = tekg_buf_puts(&b, "{\"text\":");
	if (!rc) rc = tekg_json_cstr(&b, d->text);
	if (!rc) rc = tekg_buf_puts(&b, ",\"agency\":");
	if (!rc) rc = tekg_json_cstr(&b, d->agency);
	if (!rc) rc = tekg_buf_puts(&b, ",\"place\":");
	if (!rc) rc = tekg_json_cstr(&b, d->place);
	if (!rc) rc = tekg_buf_printf(&b, ",\"month\":%d,\"day\":%d,\"start\":%zu,\"end\":%zu}",
	                              d->month, d->day, d->start, d->end);
	if (rc) {
		tekg_buf_free(&b);
		return NULL;
	}
	return tekg_buf_detach(&b, NULL);
}

static int link_source(tekg_store *s, int64_t source_id, size_t seq, int64_t doc_id,
                       const tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s,
	                        "INSERT OR REPLACE INTO doc_source(source_id, seq, doc_id,"
	                        " source_start, source_end) VALUES (?, ?, ?, ?, ?)",
	                        &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, source_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
	sqlite3_bind_int64(st, 3, doc_id);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)a->src_start);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)a->src_end);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_dberr(s, err, "linking a document to its source");
	sqlite3_finalize(st);
	return rc;
}

static int put_sentences(tekg_store *s, int64_t doc_id, const tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if ((rc = store_prepare(s,
	                        "INSERT INTO sentence(doc_id, idx, start, \"end\", wstart, wend)"
	                        " VALUES (?, ?, ?, ?, ?, ?)",
	                        &st, err)))
		return rc;
	for (i = 0; i < a->n_sents; i++) {
		const tekg_sentence *se = &a->sents[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)se->start);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)se->end);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)se->wstart);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)se->wend);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = store_dberr(s, err, "storing sentences");
			break;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_credits(tekg_store *s, int64_t doc_id, const tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	tekg_buf names = {0};
	size_t i, j;
	int rc;

	if ((rc = store_prepare(s,
	                        "INSERT INTO credit(doc_id, role, outlet, names, text, start, \"end\")"
	                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
	                        &st, err)))
		return rc;
	for (i = 0; i < a->n_credits; i++) {
		const tekg_credit *c = &a->credits[i];
		tekg_buf_reset(&names);
		for (j = 0; j < c->n_names && rc == 0; j++) {
			if (j)
				rc = tekg_buf_putc(&names, '|');
			if (!rc)
				rc = tekg_buf_puts(&names, c->names[j]);
		}
		if (rc) {
			rc = tekg_error_set(err, rc, "out of memory");
			break;
		}
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc_id);
		store_bind_text(st, 2, c->role);
		store_bind_text(st, 3, c->outlet);
		store_bind_text(st, 4, names.data ? names.data : "");
		store_bind_text(st, 5, c->text ? c->text : "");
		sqlite3_bind_int64(st, 6, (sqlite3_int64)c->start);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)c->end);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = store_dberr(s, err, "storing credits");
			break;
		}
	}
	tekg_buf_free(&names);
	sqlite3_finalize(st);
	return rc;
}

static int put_bands(tekg_store *s, int64_t doc_id, const uint32_t *sig, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int band, rc;

	if ((rc = store_prepare(s, "INSERT OR IGNORE INTO minhash_band(band, hash, doc_id)"
	                           " VALUES (?, ?, ?)", &st, err)))
		return rc;
	for (band = 0; band < LSH_BANDS; band++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)band_hash(sig, band));
		sqlite3_bind_int64(st, 3, doc_id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = store_dberr(s, err, "storing MinHash bands");
			break;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_document_put(tekg_store *s, int64_t source_id, size_t seq,
                            const tekg_article *a, const char *date, int date_inferred,
                            int64_t *doc_id, int *is_new, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	char hash[65];
	char *meta = NULL, *dl = NULL;
	tekg_buf map = {0};
	uint32_t sig[TEKG_MINHASH_K];
	unsigned char sigblob[4 * TEKG_MINHASH_K];
	int64_t id = 0, dup = 0;
	int rc;

	*doc_id = 0;
	*is_new = 0;
	tekg_sha256_hex(a->work, a->work_len, hash);
	if ((rc = store_prepare(s, "SELECT id FROM document WHERE hash = ?", &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_dberr(s, err, "finding a document");
	}
	sqlite3_finalize(st);
	st = NULL;
	rc = 0;
	if (id) {
		*doc_id = id;
		return link_source(s, source_id, seq, id, a, err);
	}

	tekg_text_minhash(a->work, a->work_len, sig);
	sig_to_blob(sig, sigblob);
	if ((rc = find_duplicate(s, sig, &dup, err)))
		goto cleanup;
	if ((rc = map_encode(a->map, a->work_chars, &map)) ||
	    (rc = store_meta_json(a->meta, a->n_meta, &meta))) {
		rc = tekg_error_set(err, rc, "out of memory");
		goto cleanup;
	}
	dl = dateline_json(&a->dateline);
	if ((rc = store_prepare(s,
	                        "INSERT INTO document(hash, title, url, orig, work, map, date,"
	                        " date_inferred, meta_date, dateline, meta, minhash, duplicate_of)"
	                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	                        &st, err)))
		goto cleanup;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	store_bind_text(st, 2, a->title);
	store_bind_text(st, 3, a->url);
	sqlite3_bind_text(st, 4, a->orig, (int)a->orig_len, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->work, (int)a->work_len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 6, map.data ? map.data : "", (int)map.len, SQLITE_STATIC);
	store_bind_text(st, 7, date && *date ? date : NULL);
	sqlite3_bind_int(st, 8, date_inferred ? 1 : 0);
	store_bind_text(st, 9, a->date);
	store_bind_text(st, 10, dl);
	store_bind_text(st, 11, meta);
	sqlite3_bind_blob(st, 12, sigblob, sizeof sigblob, SQLITE_STATIC);
	if (dup)
		sqlite3_bind_int64(st, 13, dup);
	else
		sqlite3_bind_null(st, 13);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = store_dberr(s, err, "storing a document");
		goto cleanup;
	}
	id = sqlite3_last_insert_rowid(s->db);
	if ((rc = put_sentences(s, id, a, err)) || (rc = put_credits(s, id, a, err)) ||
	    (rc = put_bands(s, id, sig, err)) || (rc = link_source(s, source_id, seq, id, a, err)))
		goto cleanup;
	*doc_id = id;
	*is_new = 1;
cleanup:
	sqlite3_finalize(st);
	tekg_buf_free(&map);
	tekg_free(meta);
	tekg_free(dl);
	return rc;
}

int tekg_store_document_set_date(tekg_store *s, int64_t doc_id, const char *date,
                                 int date_inferred, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "UPDATE document SET date = ?, date_inferred = ? WHERE id = ?",
	                        &st, err)))
		return rc;
	store_bind_text(st, 1, date && *date ? date : NULL);
	sqlite3_bind_int(st, 2, date_inferred ? 1 : 0);
	sqlite3_bind_int64(st, 3, doc_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_dberr(s, err, "setting a document date");
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_each_document_id(tekg_store *s, int (*cb)(int64_t, void *), void *ud,
                                tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, step;

	if ((rc = store_prepare(s, "SELECT id FROM document ORDER BY id", &st, err)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = cb(sqlite3_column_int64(st, 0), ud)))
			goto cleanup;
	if (step != SQLITE_DONE)
		rc = store_dberr(s, err, "listing documents");
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_document_order(tekg_store *s, tekg_store_docref **out, size_t *n,
                              tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	tekg_store_docref *v = NULL, *nv;
	size_t cap = 0, len = 0;
	int rc, step;

	*out = NULL;
	*n = 0;
	if ((rc = store_prepare(s, "SELECT x.source_id, x.doc_id, s.cli_date FROM doc_source x"
	                           " JOIN source s ON s.id = x.source_id"
	                           " ORDER BY x.source_id, x.seq", &st, err)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *d = sqlite3_column_text(st, 2);
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = tekg_realloc(v, cap * sizeof *nv)) == NULL) {
				rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
				goto cleanup;
			}
			v = nv;
		}
		v[len].source_id = sqlite3_column_int64(st, 0);
		v[len].doc_id = sqlite3_column_int64(st, 1);
		v[len].cli_date[0] = '\0';
		if (d && sqlite3_column_bytes(st, 2) == 10)
			memcpy(v[len].cli_date, d, 11);
		len++;
	}
	if (step != SQLITE_DONE) {
		rc = store_dberr(s, err, "listing documents");
		goto cleanup;
	}
	*out = len ? v : NULL;
	*n = len;
	if (len)
		v = NULL;
cleanup:
	tekg_free(v);
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_clear_extractions(tekg_store *s, tekg_error *err)
{
	return store_exec(s, "DELETE FROM edge; DELETE FROM mention; DELETE FROM alias;"
	                     " DELETE FROM entity;", err);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? tekg_strndup((const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

#define NOMEM_IF(cond)                                                                 \
	do {                                                                           \
		if (cond) {                                                            \
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");        \
			goto cleanup;                                                  \
		}                                                                      \
	} while (0)

static int load_sentences(tekg_store *s, int64_t doc_id, tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "SELECT count(*) FROM sentence WHERE doc_id = ?", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		a->n_sents = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	a->sents = tekg_calloc(a->n_sents ? a->n_sents : 1, sizeof *a->sents);
	NOMEM_IF(a->sents == NULL);
	if ((rc = store_prepare(s, "SELECT idx, start, \"end\", wstart, wend FROM sentence"
	                           " WHERE doc_id = ? ORDER BY idx", &st, err)))
		goto cleanup;
	sqlite3_bind_int64(st, 1, doc_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t i = (size_t)sqlite3_column_int64(st, 0);
		if (i >= a->n_sents)
			continue;
		a->sents[i].start = (size_t)sqlite3_column_int64(st, 1);
		a->sents[i].end = (size_t)sqlite3_column_int64(st, 2);
		a->sents[i].wstart = (size_t)sqlite3_column_int64(st, 3);
		a->sents[i].wend = (size_t)sqlite3_column_int64(st, 4);
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

static int split_names(const char *names, tekg_credit *c)
{
	const char *p = names, *bar;

	while (p && *p) {
		char **nn;
		size_t n;
		bar = strchr(p, '|');
		n = bar ? (size_t)(bar - p) : strlen(p);
		nn = tekg_realloc(c->names, (c->n_names + 1) * sizeof *nn);
		if (nn == NULL)
			return TEKG_ENOMEM;
		c->names = nn;
		if ((c->names[c->n_names] = tekg_strndup(p, n)) == NULL)
			return TEKG_ENOMEM;
		c->n_names++;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int load_credits(tekg_store *s, int64_t doc_id, tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "SELECT role, outlet, names, text, start, \"end\" FROM credit"
	                           " WHERE doc_id = ? ORDER BY id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tekg_credit *nc = tekg_realloc(a->credits, (a->n_credits + 1) * sizeof *nc), *c;
		NOMEM_IF(nc == NULL);
		a->credits = nc;
		c = &a->credits[a->n_credits++];
		memset(c, 0, sizeof *c);
		c->role = col_dup(st, 0);
		c->outlet = col_dup(st, 1);
		c->text = col_dup(st, 3);
		c->start = (size_t)sqlite3_column_int64(st, 4);
		c->end = (size_t)sqlite3_column_int64(st, 5);
		NOMEM_IF(c->text == NULL);
		NOMEM_IF(split_names((const char *)sqlite3_column_text(st, 2), c));
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

static int load_meta(tekg_store *s, int64_t doc_id, tekg_article *a, tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_prepare(s, "SELECT j.key, j.value FROM document d, json_each(d.meta) j"
	                           " WHERE d.id = ?", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tekg_meta *nm = tekg_realloc(a->meta, (a->n_meta + 1) * sizeof *nm);
		NOMEM_IF(nm == NULL);
		a->meta = nm;
		nm[a->n_meta].key = col_dup(st, 0);
		nm[a->n_meta].value = col_dup(st, 1);
		a->n_meta++;
		NOMEM_IF(nm[a->n_meta - 1].key == NULL);
	}
cleanup:
	sqlite3_finalize(st);
	return rc;
}

int tekg_store_document_load(tekg_store *s, int64_t doc_id, tekg_source **out, tekg_error *err)
{
	static const char sql[] =
		"SELECT d.title, d.url, d.orig, d.work, d.map, d.meta_date,"
		" json_extract(d.dateline, '$.text'), json_extract(d.dateline, '$.agency'),"
		" json_extract(d.dateline, '$.place'), json_extract(d.dateline, '$.month'),"
		" json_extract(d.dateline, '$.day'), json_extract(d.dateline, '$.start'),"
		" json_extract(d.dateline, '$.end'),"
		" (SELECT s.path FROM doc_source x JOIN source s ON s.id = x.source_id"
		"   WHERE x.doc_id = d.id ORDER BY s.id LIMIT 1),"
		" (SELECT x.source_start FROM doc_source x WHERE x.doc_id = d.id"
		"   ORDER BY x.source_id LIMIT 1),"
		" (SELECT x.source_end FROM doc_source x WHERE x.doc_id = d.id"
		"   ORDER BY x.source_id LIMIT 1),"
		" (SELECT s.script FROM doc_source x JOIN source s ON s.id = x.source_id"
		"   WHERE x.doc_id = d.id ORDER BY s.id LIMIT 1)"
		" FROM document d WHERE d.id = ?";
	sqlite3_stmt *st = NULL;
	tekg_source *src = NULL;
	tekg_article *a;
	const char *script;
	int rc;

	*out = NULL;
	if ((rc = store_prepare(s, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, doc_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		rc = tekg_error_set(err, TEKG_ENOTFOUND, "document %lld: not found", (long long)doc_id);
		goto cleanup;
	} else if (rc != SQLITE_ROW) {
		rc = store_dberr(s, err, "loading a document");
		goto cleanup;
	}
	rc = 0;
	src = tekg_calloc(1, sizeof *src);
	NOMEM_IF(src == NULL);
	src->arts = tekg_calloc(1, sizeof *src->arts);
	NOMEM_IF(src->arts == NULL);
	src->n_arts = 1;
	src->format = TEKG_FORMAT_TEXT;
	script = (const char *)sqlite3_column_text(st, 16);
	src->script = !script ? TEKG_SCRIPT_T2S
	              : !strcmp(script, "hk2s") ? TEKG_SCRIPT_HK2S
	              : !strcmp(script, "tw2s") ? TEKG_SCRIPT_TW2S
	              : !strcmp(script, "none") ? TEKG_SCRIPT_NONE : TEKG_SCRIPT_T2S;
	src->path = col_dup(st, 13);
	src->encoding = tekg_strdup("UTF-8");
	a = &src->arts[0];
	a->title = col_dup(st, 0);
	a->url = col_dup(st, 1);
	a->orig = col_dup(st, 2);
	a->work = col_dup(st, 3);
	NOMEM_IF(a->orig == NULL || a->work == NULL || src->encoding == NULL);
	a->orig_len = (size_t)sqlite3_column_bytes(st, 2);
	a->work_len = (size_t)sqlite3_column_bytes(st, 3);
	a->orig_chars = tekg_utf8_count(a->orig, a->orig_len);
	a->work_chars = tekg_utf8_count(a->work, a->work_len);
	a->map = map_decode(sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4),
	                    a->work_chars);
	if (a->map == NULL) {
		rc = tekg_error_set(err, TEKG_EDB, "document %lld: damaged offset map",
		                    (long long)doc_id);
		goto cleanup;
	}
	a->date = col_dup(st, 5);
	a->dateline.text = col_dup(st, 6);
	a->dateline.agency = col_dup(st, 7);
	a->dateline.place = col_dup(st, 8);
	a->dateline.month = sqlite3_column_int(st, 9);
	a->dateline.day = sqlite3_column_int(st, 10);
	a->dateline.start = (size_t)sqlite3_column_int64(st, 11);
	a->dateline.end = (size_t)sqlite3_column_int64(st, 12);
	a->src_start = (size_t)sqlite3_column_int64(st, 14);
	a->src_end = (size_t)sqlite3_column_int64(st, 15);
	if ((rc = load_sentences(s, doc_id, a, err)) || (rc = load_credits(s, doc_id, a, err)) ||
	    (rc = load_meta(s, doc_id, a, err)))
		goto cleanup;
	*out = src;
	src = NULL;
cleanup:
	sqlite3_finalize(st);
	tekg_source_free(src);
	return rc;
}

int tekg_store_document_resolve(tekg_store *s, const char *name, int64_t *doc_id,
                                tekg_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *p = name;
	char *end = NULL;
	long long v;
	int rc, n = 0;

	*doc_id = 0;
	if (*p == 'd' || *p == 'n')
		p++;
	v = strtoll(p, &end, 10);
	if ((rc = store_prepare(s, "SELECT id FROM document WHERE id = ?1 OR title = ?2"
	                           " ORDER BY id = ?1 DESC, id LIMIT 2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, (*p && end && *end == '\0') ? v : -1);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == 0)
			*doc_id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0)
		return tekg_error_set(err, TEKG_ENOTFOUND, "%s: no such document", name);
	if (n > 1 && !(*p && end && *end == '\0'))
		return tekg_error_set(err, TEKG_EAMBIGUOUS,
		                      "%s: several documents have this title; give the id", name);
	return 0;
}
