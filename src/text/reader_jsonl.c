/*
 * reader_jsonl.c - JSON Lines: one article per line, parsed with jansson.
 *
 * Fields id, url, title, date and text; opts->field_map renames them
 * ("text=content,date=published_at" reads the text from "content").  Other
 * fields go to the article's metadata (strings as they are, other values as
 * compact JSON).  A line that is not a JSON object, or has no string text,
 * becomes a tekg_diag with its 1-based line number and byte offset (in the
 * decoded text, which is the input itself for UTF-8 without BOM); the other
 * lines are kept.  When no line at all is usable, TEKG_EPARSE.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <jansson.h>
#include <string.h>

enum { F_ID, F_URL, F_TITLE, F_DATE, F_TEXT, F_N };
static const char *canon[F_N] = {"id", "url", "title", "date", "text"};

/* Parse "text=content,date=published_at" into names[F_N] (owned by buf). */
static int parse_map(const char *spec, char *buf, size_t bufsz, const char *names[F_N])
{
	size_t i;
	char *tok, *save = NULL;

	for (i = 0; i < F_N; i++)
		names[i] = canon[i];
	if (!spec || !*spec)
		return 0;
	if (strlen(spec) >= bufsz)
		return TEKG_EINVAL;
	strcpy(buf, spec);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');

		while (*tok == ' ')
			tok++;
		if (!eq || eq == tok || !eq[1])
			return TEKG_EINVAL;
		*eq = '\0';
		for (i = 0; i < F_N; i++)
			if (strcmp(tok, canon[i]) == 0)
				break;
		if (i == F_N)
			return TEKG_EINVAL;
		names[i] = eq + 1;
	}
	return 0;
}

int tekg_text_check_field_map(const char *spec)
{
	char buf[512];
	const char *names[F_N];

	return parse_map(spec, buf, sizeof buf, names) ? TEKG_EINVAL : 0;
}

static int is_mapped(const char *key, const char *names[F_N])
{
	size_t i;

	for (i = 0; i < F_N; i++)
		if (strcmp(key, names[i]) == 0)
			return 1;
	return 0;
}

/* The value as text: strings as they are, the rest as compact JSON. */
static char *value_str(json_t *v)
{
	char *d, *s;

	if (json_is_string(v))
		return tekg_strndup(json_string_value(v), json_string_length(v));
	d = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	if (!d)
		return NULL;
	s = tekg_strdup(d);
	free(d);
	return s;
}

static int one_line(tekg_source *src, const tekg_text_opts *opts, const char *names[F_N],
                    const char *line, size_t len, size_t lineno, size_t off, size_t c0,
                    size_t c1, tekg_error *err, int *used)
{
	json_error_t je;
	json_t *root = json_loadb(line, len, 0, &je), *v;
	const char *text, *url = NULL, *key;
	size_t tlen, before = src->n_arts;
	tekg_script_profile prof;
	tekg_article *a;
	int rc = 0;

	*used = 0;
	if (!root)
		return tx_diag(src, TEKG_EPARSE, lineno, off + (je.position > 0 ? (size_t)je.position - 1 : 0),
		               "malformed JSON: %s", je.text);
	if (!json_is_object(root)) {
		rc = tx_diag(src, TEKG_EPARSE, lineno, off, "not a JSON object");
		goto cleanup;
	}
	v = json_object_get(root, names[F_TEXT]);
	if (!json_is_string(v)) {
		rc = tx_diag(src, TEKG_EPARSE, lineno, off, "no string field \"%s\"", names[F_TEXT]);
		goto cleanup;
	}
	text = json_string_value(v);
	tlen = json_string_length(v);
	if (!tekg_utf8_valid(text, tlen, NULL) || memchr(text, '\0', tlen)) {
		rc = tx_diag(src, TEKG_EENCODING, lineno, off, "text is not valid UTF-8");
		goto cleanup;
	}
	v = json_object_get(root, names[F_URL]);
	if (json_is_string(v))
		url = json_string_value(v);
	prof = opts->script;
	if (prof == TEKG_SCRIPT_AUTO) { /* a language field, then URL and outlet cues */
		static const char *const langs[] = {"lang", "language", "locale", NULL};
		size_t k;
		for (k = 0; langs[k] && prof == TEKG_SCRIPT_AUTO; k++)
			if (json_is_string(v = json_object_get(root, langs[k])))
				prof = tx_profile_from_lang(json_string_value(v));
		if (prof == TEKG_SCRIPT_AUTO)
			prof = tx_detect_profile(url, text, tlen);
	}
	if ((rc = tx_articles_from_text(src, text, tlen, 0, prof, c0, c1, err)) != 0)
		goto cleanup;
	if (src->n_arts == before) {
		rc = tx_diag(src, TEKG_EPARSE, lineno, off, "empty text");
		goto cleanup;
	}
	*used = 1;
	a = &src->arts[src->n_arts - 1];
	rc = TEKG_ENOMEM;
	if (url && !(a->url = tekg_strdup(url)))
		goto cleanup;
	v = json_object_get(root, names[F_TITLE]);
	if (json_is_string(v) && json_string_length(v) > 0) {
		char *t = tekg_strndup(json_string_value(v), json_string_length(v));

		if (!t)
			goto cleanup;
		tekg_free(a->title);
		a->title = t;
	}
	v = json_object_get(root, names[F_DATE]);
	if (v && !json_is_null(v)) {
		char *d = value_str(v);

		if (!d)
			goto cleanup;
		tekg_free(a->date);
		a->date = tx_norm_date(d, strlen(d));
		if (!a->date && tx_meta_addz(&a->meta, &a->n_meta, "date", d)) {
			tekg_free(d);
			goto cleanup;
		}
		tekg_free(d);
	}
	v = json_object_get(root, names[F_ID]);
	if (v && !json_is_null(v)) {
		char *d = value_str(v);

		if (!d || tx_meta_addz(&a->meta, &a->n_meta, "id", d)) {
			tekg_free(d);
			goto cleanup;
		}
		tekg_free(d);
	}
	json_object_foreach(root, key, v) {
		char *d;

		if (is_mapped(key, names) || json_is_null(v))
			continue;
		if (!(d = value_str(v)) || tx_meta_addz(&a->meta, &a->n_meta, key, d)) {
			tekg_free(d);
			goto cleanup;
		}
		tekg_free(d);
	}
	rc = 0;
cleanup:
	json_decref(root);
	if (rc == TEKG_ENOMEM)
		tekg_error_set(err, rc, "%s:%zu: out of memory", src->path, lineno);
	return rc;
}

int tx_read_jsonl(tekg_source *src, const tekg_text_opts *opts, tekg_error *err)
{
	const char *names[F_N];
	char mapbuf[512];
	const char *t = src->text;
	size_t len = src->text_len, b = 0, c = 0, lineno = 0, lines = 0, good = 0;
	int rc;

	if (parse_map(opts->field_map, mapbuf, sizeof mapbuf, names) != 0)
		return tekg_error_set(err, TEKG_EINVAL, "%s: bad field map \"%s\" (want e.g. text=content,date=published_at)",
		                      src->path, opts->field_map);
	while (b < len) {
		const char *nl = memchr(t + b, '\n', len - b);
		size_t e = nl ? (size_t)(nl - t) : len, n = e - b, cn = tekg_utf8_count(t + b, n), k;
		int used = 0;

		lineno++;
		for (k = 0; k < n && (t[b + k] == ' ' || t[b + k] == '\t' || t[b + k] == '\r'); k++)
			;
		if (k < n) {
			lines++;
			rc = one_line(src, opts, names, t + b, n, lineno, b, c, c + cn, err, &used);
			if (rc)
				return rc;
			good += (size_t)used;
		}
		b = e + 1;
		c += cn + 1;
	}
	if (lines > 0 && good == 0)
		return tekg_error_set(err, TEKG_EPARSE, "%s: no usable JSON line (line %zu: %s)",
		                      src->path, src->n_diags ? src->diags[0].line : (size_t)0,
		                      src->n_diags ? src->diags[0].msg : "");
	return 0;
}
