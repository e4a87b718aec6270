/*
 * extract.c - the extraction stage's entry point: prepares an article's
 * offset tables and runs the extractors (dates, entities, ...) in order.
 */
#include "extract/extract_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct tekg_extractor {
	char *data_dir;
	xlex *lex;
	xcur cur;
};

#ifndef TEKG_PREFIX
#define TEKG_PREFIX "/usr/local"
#endif

static int is_dir(const char *p)
{
	struct stat st;

	return p && *p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int load_curation_text(xcur *cur, const char *text, tekg_error *err)
{
	char *copy, *line, *save = NULL;
	int rc = 0;

	if (text == NULL)
		return 0;
	if ((copy = tekg_strdup(text)) == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	for (line = strtok_r(copy, "\n", &save); line && rc == 0; line = strtok_r(NULL, "\n", &save)) {
		char *f[3] = {0}, *p = line, *q;
		size_t n = 0;
		if (*line == '#' || *line == '\0')
			continue;
		while (n < 3 && p) {
			f[n++] = p;
			if ((q = strchr(p, '\t')) == NULL)
				break;
			*q = '\0';
			p = q + 1;
		}
		rc = xcur_add(cur, f[0], f[1], f[2], err);
	}
	tekg_free(copy);
	return rc;
}

int tekg_extractor_new(tekg_extractor **out, const tekg_extract_opts *opts, tekg_error *err)
{
	tekg_extractor *x = tekg_calloc(1, sizeof *x);
	const char *dir = NULL, *env = getenv("TEKG_DATA_DIR");
	size_t i;
	int rc = 0;

	*out = NULL;
	if (x == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	if ((rc = xlex_new(&x->lex))) {
		rc = tekg_error_set(err, rc, "out of memory");
		goto cleanup;
	}
	if (opts && opts->data_dir)
		dir = opts->data_dir;
	else if (env && *env)
		dir = env;
	if (dir) {
		if ((rc = xlex_load_dir(x->lex, dir, err)))
			goto cleanup;
	} else {
		/* the defaults: a place without lexicons is skipped, but running
		 * out of memory or a malformed line is an error */
		const char *defaults[] = {TEKG_PREFIX "/share/tekg", "data", NULL};
		size_t d;
		if (opts)
			defaults[2] = opts->fallback_data_dir;
		for (d = 0; d < sizeof defaults / sizeof defaults[0] && dir == NULL; d++) {
			if (defaults[d] == NULL || !is_dir(defaults[d]))
				continue;
			rc = xlex_load_dir(x->lex, defaults[d], err);
			if (rc == 0)
				dir = defaults[d];
			else if (rc != TEKG_ENOTFOUND)
				goto cleanup;
		}
	}
	rc = 0;
	if (dir && (x->data_dir = tekg_strdup(dir)) == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; opts && i < opts->n_lexicons; i++)
		if ((rc = xlex_load_file(x->lex, opts->lexicons[i], err)))
			goto cleanup;
	if (opts && (rc = load_curation_text(&x->cur, opts->curation_text, err)))
		goto cleanup;
	for (i = 0; opts && i < opts->n_curations; i++)
		if ((rc = xcur_load_file(&x->cur, opts->curations[i], err)))
			goto cleanup;
	*out = x;
	return 0;
cleanup:
	tekg_extractor_free(x);
	return rc;
}

void tekg_extractor_free(tekg_extractor *x)
{
	if (x == NULL)
		return;
	tekg_free(x->data_dir);
	xlex_free(x->lex);
	xcur_clear(&x->cur);
	tekg_free(x);
}

const char *tekg_extractor_data_dir(const tekg_extractor *x)
{
	return x ? x->data_dir : NULL;
}

size_t tekg_extractor_curation_count(const tekg_extractor *x)
{
	return x ? x->cur.n : 0;
}

void tekg_extractor_curation_get(const tekg_extractor *x, size_t i, const char **op,
                                 const char **a, const char **b)
{
	static const char *names[] = {"", "merge", "rename", "block", "type"};
	const xcur_op *o = &x->cur.ops[i];

	*op = names[o->op];
	*a = o->a;
	*b = o->b;
}

static size_t *byte_table(const char *s, size_t len, size_t chars)
{
	size_t *t = tekg_malloc((chars + 1) * sizeof *t), i = 0, c = 0;

	if (t == NULL)
		return NULL;
	while (i < len && c < chars) {
		t[c++] = i;
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	while (c <= chars)
		t[c++] = len;
	return t;
}

int xart_init(xart *xa, const tekg_article *a)
{
	xa->a = a;
	xa->doc_date = NULL;
	xa->obyte = byte_table(a->orig, a->orig_len, a->orig_chars);
	xa->wbyte = byte_table(a->work, a->work_len, a->work_chars);
	if (!xa->obyte || !xa->wbyte) {
		xart_clear(xa);
		return TEKG_ENOMEM;
	}
	return 0;
}

void xart_clear(xart *xa)
{
	tekg_free(xa->obyte);
	tekg_free(xa->wbyte);
	xa->obyte = xa->wbyte = NULL;
}

size_t xart_sentence_of(const xart *xa, size_t w)
{
	const tekg_article *a = xa->a;
	size_t lo = 0, hi = a->n_sents;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->sents[mid].wend <= w)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->n_sents && a->sents[lo].wstart <= w)
		return lo;
	return a->n_sents;
}

void xart_orig_span(const xart *xa, size_t ws, size_t we, size_t *os, size_t *oe)
{
	const tekg_article *a = xa->a;

	if (ws > a->work_chars)
		ws = a->work_chars;
	if (we > a->work_chars)
		we = a->work_chars;
	*os = a->map[ws];
	*oe = we > ws ? a->map[we - 1] + 1 : *os;
	if (*oe > a->orig_chars)
		*oe = a->orig_chars;
}

char *xart_orig_text(const xart *xa, size_t os, size_t oe)
{
	return tekg_strndup(xa->a->orig + xa->obyte[os], xa->obyte[oe] - xa->obyte[os]);
}

char *xart_work_text(const xart *xa, size_t ws, size_t we)
{
	return tekg_strndup(xa->a->work + xa->wbyte[ws], xa->wbyte[we] - xa->wbyte[ws]);
}

int tekg_extract_article(tekg_extractor *x, const tekg_article *a, const char *doc_date,
                         const tekg_tag_result *tags, tekg_extraction *out, tekg_error *err)
{
	xart xa;
	xent_ctx ec;
	int rc;

	ec.lex = x ? x->lex : NULL;
	ec.cur = x ? &x->cur : NULL;
	if ((rc = xart_init(&xa, a)))
		return tekg_error_set(err, rc, "out of memory");
	xa.doc_date = doc_date;
	if ((rc = extract_dates(&xa, doc_date, out, err)))
		goto cleanup;
	if (tags && (rc = extract_entities(&xa, &ec, tags, out, err)))
		goto cleanup;
	if (tags && (rc = extract_events(&xa, tags, out, err)))
		goto cleanup;
	if (tags && (rc = extract_keywords(&xa, ec.lex, tags, out, err)))
		goto cleanup;
cleanup:
	xart_clear(&xa);
	return rc;
}
