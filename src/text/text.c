/*
 * text.c - the entry point of the text stage: tekg_text_read(),
 * tekg_source_free(), tekg_text_lib_versions().
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <jansson.h>
#include <libxml/xmlversion.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define DEFAULT_MAX_BYTES ((size_t)256 << 20)

#ifndef TEKG_OPENCC_VERSION
#define TEKG_OPENCC_VERSION ""
#endif

static char versions[160];
static pthread_once_t versions_once = PTHREAD_ONCE_INIT;

static void versions_init(void)
{
	snprintf(versions, sizeof versions, "libxml2 %s, OpenCC%s%s, jansson %s, utf8proc %s",
	         LIBXML_DOTTED_VERSION, TEKG_OPENCC_VERSION[0] ? " " : "", TEKG_OPENCC_VERSION,
	         JANSSON_VERSION, utf8proc_version());
}

const char *tekg_text_lib_versions(void)
{
	pthread_once(&versions_once, versions_init);
	return versions;
}

int tx_diag(tekg_source *src, int code, size_t line, size_t off, const char *fmt, ...)
{
	tekg_diag *nd;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (tx_grow_to(src->n_diags)) {
		nd = tekg_realloc(src->diags, tx_grow_to(src->n_diags) * sizeof *nd);
		if (!nd)
			return TEKG_ENOMEM;
		src->diags = nd;
	}
	nd = src->diags;
	nd[src->n_diags].code = code;
	nd[src->n_diags].line = line;
	nd[src->n_diags].byte_offset = off;
	nd[src->n_diags].msg = tekg_strdup(msg);
	if (!nd[src->n_diags].msg)
		return TEKG_ENOMEM;
	src->n_diags++;
	return 0;
}

void tekg_source_free(tekg_source *src)
{
	size_t i;

	if (!src)
		return;
	for (i = 0; i < src->n_arts; i++)
		tx_article_clear(&src->arts[i]);
	tekg_free(src->arts);
	for (i = 0; i < src->n_diags; i++)
		tekg_free(src->diags[i].msg);
	tekg_free(src->diags);
	tx_meta_free(src->meta, src->n_meta);
	tekg_free(src->path);
	tekg_free(src->encoding);
	tekg_free(src->text);
	tekg_free(src);
}

/* Source metadata from a paragraph outside every article. */
static int source_meta(tekg_source *src, const char *base, const tx_para *p)
{
	const char *s = base + p->b0;
	size_t len = p->b1 - p->b0, i;

	switch (p->kind) {
	case PK_FURNITURE:
		/* 一版责编：刘义 -> "一版责编" = "刘义" */
		for (i = 0; i < len; i++) {
			size_t sep = 0, k, v;
			char key[96];

			if (s[i] == ':')
				sep = 1;
			else if (len - i >= 3 && memcmp(s + i, "：", 3) == 0)
				sep = 3;
			if (!sep)
				continue;
			if (i == 0 || i >= sizeof key)
				break;
			memcpy(key, s, i);
			k = i;
			while (k > 0 && key[k - 1] == ' ')
				k--;
			key[k] = '\0';
			v = i + sep;
			while (v < len && s[v] == ' ')
				v++;
			return tx_meta_add(&src->meta, &src->n_meta, key, s + v, len - v);
		}
		return tx_meta_add(&src->meta, &src->n_meta, "furniture", s, len);
	case PK_COLUMN: return tx_meta_add(&src->meta, &src->n_meta, "column", s, len);
	case PK_HEAD: return tx_meta_add(&src->meta, &src->n_meta, "headline", s, len);
	case PK_SOURCE: return tx_meta_add(&src->meta, &src->n_meta, "来源", s, len);
	case PK_DISCLAIMER: return tx_meta_add(&src->meta, &src->n_meta, "disclaimer", s, len);
	case PK_PROMO: return tx_meta_add(&src->meta, &src->n_meta, "promo", s, len);
	default: return 0;
	}
}

int tx_articles_from_text(tekg_source *src, const char *base, size_t len, int split,
                          tekg_script_profile prof, size_t src_c0, size_t src_c1,
                          tekg_error *err)
{
	tx_paras ps = {0};
	size_t nart, i, first = src->n_arts, *fi = NULL, *li = NULL;
	int rc;

	if ((rc = tx_paras_build(&ps, base, len)) != 0)
		goto cleanup;
	nart = tx_segment(&ps, base, split);
	if ((rc = tx_dedup(&ps, base)) != 0)
		goto cleanup;
	for (i = 0; i < ps.n; i++)
		if (ps.p[i].art < 0 && (rc = source_meta(src, base, &ps.p[i])) != 0)
			goto cleanup;
	if (nart == 0)
		goto cleanup;
	fi = tekg_malloc(nart * sizeof *fi);
	li = tekg_malloc(nart * sizeof *li);
	if (!fi || !li) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (i = 0; i < nart; i++)
		fi[i] = (size_t)-1;
	for (i = 0; i < ps.n; i++) {
		int a = ps.p[i].art;

		if (a < 0)
			continue;
		if (fi[a] == (size_t)-1)
			fi[a] = i;
		li[a] = i;
	}
	{
		/* capacity: the next power of two (>= 4) above the count */
		size_t have = src->n_arts ? 4 : 0, need = src->n_arts + nart;
		tekg_article *na;

		while (have && have < src->n_arts)
			have *= 2;
		if (need > have) {
			size_t cap = 4;

			while (cap < need)
				cap *= 2;
			na = tekg_realloc(src->arts, cap * sizeof *na);
			if (!na) {
				rc = TEKG_ENOMEM;
				goto cleanup;
			}
			src->arts = na;
		}
	}
	for (i = 0; i < nart; i++) {
		tekg_article *a = &src->arts[src->n_arts];

		memset(a, 0, sizeof *a);
		src->n_arts++;
		if (fi[i] == (size_t)-1)
			continue;
		if ((rc = tx_build_article(a, base, &ps, fi[i], li[i], (int)i, prof)) != 0)
			goto cleanup;
		if (!split) {
			a->src_start = src_c0;
			a->src_end = src_c1;
		}
	}
	rc = 0;
cleanup:
	(void)first;
	tekg_free(fi);
	tekg_free(li);
	tx_paras_free(&ps);
	if (rc)
		tekg_error_set(err, rc, "%s: %s", src->path, tekg_strerror(rc));
	return rc;
}

static int ends_with_ci(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf), i;

	if (m > n)
		return 0;
	for (i = 0; i < m; i++) {
		char a = s[n - m + i], b = suf[i];

		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

static tekg_input_format sniff(const char *path, const char *t, size_t len)
{
	size_t i = 0;

	if (path) {
		if (ends_with_ci(path, ".jsonl") || ends_with_ci(path, ".ndjson") ||
		    ends_with_ci(path, ".json"))
			return TEKG_FORMAT_JSONL;
		if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") ||
		    ends_with_ci(path, ".xhtml"))
			return TEKG_FORMAT_HTML;
		if (ends_with_ci(path, ".txt"))
			return TEKG_FORMAT_TEXT;
	}
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	if (i < len && t[i] == '{')
		return TEKG_FORMAT_JSONL;
	if (i < len && t[i] == '<') {
		size_t n = len - i < 2048 ? len - i : 2048, k;

		for (k = i; k + 5 <= i + n; k++)
			if (strncasecmp(t + k, "<html", 5) == 0 || strncasecmp(t + k, "<!doc", 5) == 0 ||
			    strncasecmp(t + k, "<body", 5) == 0 || strncasecmp(t + k, "<head", 5) == 0)
				return TEKG_FORMAT_HTML;
	}
	return TEKG_FORMAT_TEXT;
}

int tekg_text_read(tekg_source **out, const char *path, const char *bytes, size_t len,
                   const tekg_text_opts *opts, tekg_error *err)
{
	static const tekg_text_opts defaults;
	tekg_source *src = NULL;
	const char *enc;
	size_t max;
	int rc;

	if (out)
		*out = NULL;
	if (!out || (!bytes && len))
		return tekg_error_set(err, TEKG_EINVAL, "tekg_text_read: NULL argument");
	if (!opts)
		opts = &defaults;
	if (!path)
		path = "<input>";
	max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
	if (max > ((size_t)1 << 31))
		max = (size_t)1 << 31;
	if (len > max)
		return tekg_error_set(err, TEKG_ELIMIT, "%s: %zu bytes is over the %zu-byte limit",
		                      path, len, max);
	src = tekg_calloc(1, sizeof *src);
	if (!src || !(src->path = tekg_strdup(path))) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
		goto fail;
	}
	if ((rc = tx_decode(path, bytes ? bytes : "", len, &src->text, &src->text_len, &enc, err)) != 0)
		goto fail;
	if (!(src->encoding = tekg_strdup(enc))) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
		goto fail;
	}
	src->format = opts->format != TEKG_FORMAT_AUTO ? opts->format : sniff(path, src->text, src->text_len);
	src->script = opts->script != TEKG_SCRIPT_AUTO ? opts->script
	                                               : tx_detect_profile(NULL, src->text, src->text_len);
	switch (src->format) {
	case TEKG_FORMAT_JSONL:
		rc = tx_read_jsonl(src, opts, err);
		break;
	case TEKG_FORMAT_HTML:
		rc = tx_read_html(src, opts, err);
		break;
	default:
		src->format = TEKG_FORMAT_TEXT;
		rc = tx_articles_from_text(src, src->text, src->text_len, 1, src->script, 0, 0, err);
		break;
	}
	if (rc)
		goto fail;
	*out = src;
	return 0;
fail:
	tekg_source_free(src);
	return rc;
}
