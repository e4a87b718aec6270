/*
 * reader_html.c - one HTML page -> one article, with libxml2's HTML parser
 * (HTML_PARSE_NONET | NOERROR | NOWARNING | RECOVER: no network, no
 * external entities, broken markup repaired).
 *
 * Title: og:title, else the first <h1>, else <title>.  Date: <meta> named
 * article:published_time, pubdate, publishdate, date, datePublished ... or
 * <time datetime>.  URL: <link rel=canonical>, else og:url.
 * Main text: the first <article>; else the element whose <p> children hold
 * the most text; else <body>.  Dropped everywhere: script, style, noscript,
 * nav, header, footer, aside, form, iframe, button, select, textarea, svg,
 * template, comments, and elements whose class or id mentions sidebar,
 * related, comment, share, recommend, breadcrumb, menu, nav, footer,
 * copyright, advert.  Block elements and <br> end a paragraph.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

/* Case-insensitive substring test for ASCII words. */
static int ci_contains(const char *hay, const char *word)
{
	size_t wl = strlen(word);

	for (; *hay; hay++)
		if (strncasecmp(hay, word, wl) == 0)
			return 1;
	return 0;
}

static int attr_has(const xmlNode *n, const char *attr, const char *const *words)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int hit = 0;
	size_t k;

	if (!v)
		return 0;
	for (k = 0; words[k] && !hit; k++)
		if (ci_contains((const char *)v, words[k]))
			hit = 1;
	xmlFree(v);
	return hit;
}

static int dropped(const xmlNode *n)
{
	static const char *tags[] = {"script", "style", "noscript", "nav", "header", "footer", "aside",
	                             "form", "iframe", "button", "select", "textarea", "svg",
	                             "template", "object", "embed", "canvas", NULL};
	static const char *words[] = {"sidebar", "side-bar", "related", "comment", "share",
	                              "recommend", "breadcrumb", "menu", "nav", "footer", "copyright",
	                              "advert", "hot-list", "hotlist", NULL};
	size_t k;

	if (n->type == XML_COMMENT_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	for (k = 0; tags[k]; k++)
		if (name_is(n, tags[k]))
			return 1;
	return attr_has(n, "class", words) || attr_has(n, "id", words);
}

static int is_block(const xmlNode *n)
{
	static const char *tags[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
	                             "section", "article", "blockquote", "tr", "table", "ul", "ol",
	                             "dd", "dt", "figure", "figcaption", "pre", "hr", "main", "center",
	                             "td", "th", "body", NULL};
	size_t k;

	for (k = 0; tags[k]; k++)
		if (name_is(n, tags[k]))
			return 1;
	return 0;
}

static int is_dropped_path(const xmlNode *n)
{
	for (; n; n = n->parent)
		if (dropped(n))
			return 1;
	return 0;
}

/* Append text with HTML whitespace collapsed to one space. */
static int put_text(tekg_buf *b, const char *s)
{
	int rc;

	for (; *s; s++) {
		char c = *s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n' &&
			    (rc = tekg_buf_putc(b, ' ')) != 0)
				return rc;
			continue;
		}
		if ((rc = tekg_buf_putc(b, c)) != 0)
			return rc;
	}
	return 0;
}

static int newline(tekg_buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len && b->data[b->len - 1] != '\n')
		return tekg_buf_putc(b, '\n');
	return 0;
}

/* Iterative walk (deep documents must not overflow the stack). */
static int extract(const xmlNode *root, tekg_buf *b)
{
	const xmlNode *n = root;
	int rc;

	if (!root)
		return 0;
	for (;;) {
		int descend = 0;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && (rc = put_text(b, (const char *)n->content)) != 0)
				return rc;
		} else if (n->type == XML_ELEMENT_NODE && !dropped(n)) {
			if (is_block(n) && (rc = newline(b)) != 0)
				return rc;
			descend = n->children != NULL;
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* leave n: to its next sibling, closing the blocks we climb out of */
		while (n != root && n->next == NULL) {
			n = n->parent;
			if (!n)
				return newline(b);
			if (is_block(n) && (rc = newline(b)) != 0)
				return rc;
		}
		if (n == root)
			return newline(b);
		n = n->next;
	}
}

/* Text length of a node's text (not in dropped subtrees). */
static size_t text_len(const xmlNode *n)
{
	size_t s = 0;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content)
			s += strlen((const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE && !dropped(n))
			s += text_len(n->children);
	}
	return s;
}

typedef struct hctx {
	const xmlNode *article, *h1, *title, *best, *body;
	size_t best_score;
	char *og_title, *date, *url;
	char *lang;              /* <html lang>, og:locale or Content-Language */
	/* scores per parent: a tiny open table keyed by node pointer */
	const xmlNode **keys;
	size_t *vals, cap, used;
} hctx;

static size_t *score_slot(hctx *h, const xmlNode *k)
{
	size_t i = ((uintptr_t)k >> 4) & (h->cap - 1);

	while (h->keys[i] && h->keys[i] != k)
		i = (i + 1) & (h->cap - 1);
	if (!h->keys[i]) {
		if (h->used * 2 >= h->cap)
			return NULL;
		h->keys[i] = k;
		h->vals[i] = 0;
		h->used++;
	}
	return &h->vals[i];
}

static char *prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (!v)
		return NULL;
	s = tekg_strdup((const char *)v);
	xmlFree(v);
	return s;
}

static void scan(hctx *h, const xmlNode *n, int depth)
{
	static const char *datenames[] = {"article:published_time", "pubdate", "publishdate",
	                                  "publish_date", "date", "datepublished", "og:published_time",
	                                  "published_time", "dc.date", NULL};

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(n, "meta")) {
			char *p = prop(n, "property"), *nm = prop(n, "name"), *it = prop(n, "itemprop");
			const char *key = p ? p : nm ? nm : it;
			size_t k;

			if (!key && !h->lang) { /* <meta http-equiv="Content-Language"> */
				char *he = prop(n, "http-equiv");
				if (he && strcasecmp(he, "content-language") == 0)
					h->lang = prop(n, "content");
				tekg_free(he);
			}
			if (key) {
				if (strcasecmp(key, "og:title") == 0 && !h->og_title)
					h->og_title = prop(n, "content");
				else if (strcasecmp(key, "og:url") == 0 && !h->url)
					h->url = prop(n, "content");
				else if ((strcasecmp(key, "og:locale") == 0 ||
				          strcasecmp(key, "language") == 0) && !h->lang)
					h->lang = prop(n, "content");
				for (k = 0; datenames[k]; k++)
					if (strcasecmp(key, datenames[k]) == 0 && !h->date) {
						char *c = prop(n, "content");

						if (c) {
							h->date = tx_norm_date(c, strlen(c));
							tekg_free(c);
						}
					}
			}
			tekg_free(p);
			tekg_free(nm);
			tekg_free(it);
			continue;
		}
		if (name_is(n, "link")) {
			char *rel = prop(n, "rel");

			if (rel && strcasecmp(rel, "canonical") == 0 && !h->url) {
				tekg_free(h->url);
				h->url = prop(n, "href");
			}
			tekg_free(rel);
			continue;
		}
		if (dropped(n))
			continue;
		if (name_is(n, "title") && !h->title)
			h->title = n;
		else if (name_is(n, "h1") && !h->h1)
			h->h1 = n;
		else if (name_is(n, "article") && !h->article)
			h->article = n;
		else if (name_is(n, "body") && !h->body)
			h->body = n;
		else if (name_is(n, "time") && !h->date) {
			char *d = prop(n, "datetime");

			if (d) {
				h->date = tx_norm_date(d, strlen(d));
				tekg_free(d);
			}
		} else if (name_is(n, "p") && n->parent) {
			size_t *s = score_slot(h, n->parent);

			if (s) {
				*s += text_len(n->children);
				if (*s > h->best_score) {
					h->best_score = *s;
					h->best = n->parent;
				}
			}
		}
		if (depth < 256)
			scan(h, n->children, depth + 1);
	}
}

static char *node_text(const xmlNode *n)
{
	tekg_buf b = {0};
	char *s;
	size_t i;

	if (!n)
		return NULL;
	if (extract(n, &b) != 0) {
		tekg_buf_free(&b);
		return NULL;
	}
	s = tekg_buf_detach(&b, NULL);
	if (!s)
		return NULL;
	/* one line */
	for (i = 0; s[i]; i++)
		if (s[i] == '\n')
			s[i] = ' ';
	while (i > 0 && s[i - 1] == ' ')
		s[--i] = '\0';
	i = 0;
	while (s[i] == ' ')
		i++;
	memmove(s, s + i, strlen(s + i) + 1);
	return s;
}

/*
 * libxml2's HTML parser does not know a DOCTYPE's internal subset
 * (<!DOCTYPE html [ <!ENTITY ...> ]>): it ends the DOCTYPE at the first '>'
 * and the declarations become body text.  Finds such a subset in a leading
 * DOCTYPE (after a BOM, spaces and an XML declaration): returns 1 and the
 * byte span [*from, *to) from '[' to its ']' (or to the end when there is
 * none), else 0.  The entities are never expanded either way.
 */
static int dtd_subset(const char *s, size_t n, size_t *from, size_t *to)
{
	size_t i = 0, j;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (n - i >= 5 && memcmp(s + i, "<?xml", 5) == 0) {
		for (j = i; j + 1 < n && !(s[j] == '?' && s[j + 1] == '>'); j++)
			;
		if (j + 1 >= n)
			return 0;
		i = j + 2;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
			i++;
	}
	if (n - i < 9 || strncasecmp(s + i, "<!DOCTYPE", 9) != 0)
		return 0;
	for (j = i + 9; j < n && s[j] != '[' && s[j] != '>'; j++)
		;
	if (j >= n || s[j] != '[')
		return 0;
	*from = j;
	for (j = j + 1; j < n; j++) {
		size_t k = j + 1;
		if (s[j] != ']')
			continue;
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n'))
			k++;
		if (k < n && s[k] == '>')
			break;
	}
	*to = j < n ? j + 1 : n;
	return 1;
}

int tx_read_html(tekg_source *src, const tekg_text_opts *opts, tekg_error *err)
{
	htmlDocPtr doc;
	hctx h;
	tekg_buf b = {0};
	const xmlNode *main_node;
	size_t before = src->n_arts;
	tekg_script_profile prof;
	int rc = 0;

	memset(&h, 0, sizeof h);
	if (src->text_len > INT_MAX)
		return tekg_error_set(err, TEKG_ELIMIT, "%s: HTML page too large", src->path);
	{
		/* an internal subset is blanked (same offsets) in a copy */
		size_t from, to;
		char *copy = NULL;
		if (dtd_subset(src->text, src->text_len, &from, &to)) {
			if ((copy = tekg_malloc(src->text_len + 1)) == NULL)
				return tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", src->path);
			memcpy(copy, src->text, src->text_len + 1);
			memset(copy + from, ' ', to - from);
		}
		doc = htmlReadMemory(copy ? copy : src->text, (int)src->text_len, NULL, "UTF-8",
		                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		                         HTML_PARSE_RECOVER);
		tekg_free(copy);
	}
	if (!doc)
		return tekg_error_set(err, TEKG_EPARSE, "%s: not an HTML document", src->path);
	h.cap = 1024;
	while (h.cap < src->text_len / 8)
		h.cap *= 2;
	h.keys = tekg_calloc(h.cap, sizeof *h.keys);
	h.vals = tekg_calloc(h.cap, sizeof *h.vals);
	if (!h.keys || !h.vals) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", src->path);
		goto cleanup;
	}
	scan(&h, xmlDocGetRootElement(doc), 0);
	if (xmlDocGetRootElement(doc)) {
		/* the document's own language tag comes first */
		char *lang = prop(xmlDocGetRootElement(doc), "lang");
		if (lang) {
			tekg_free(h.lang);
			h.lang = lang;
		}
	}
	main_node = h.article ? h.article : h.best ? h.best : h.body ? h.body : xmlDocGetRootElement(doc);
	if (main_node && is_dropped_path(main_node))
		main_node = h.body;
	if (main_node && (rc = extract(main_node, &b)) != 0) {
		rc = tekg_error_set(err, rc, "%s: %s", src->path, tekg_strerror(rc));
		goto cleanup;
	}
	prof = opts->script != TEKG_SCRIPT_AUTO ? opts->script : tx_profile_from_lang(h.lang);
	if (prof == TEKG_SCRIPT_AUTO)
		prof = tx_detect_profile(h.url, b.data ? b.data : "", b.len);
	src->script = prof; /* one page, one article: the source's profile */
	if (b.len && (rc = tx_articles_from_text(src, b.data, b.len, 0, prof, 0,
	                                         tekg_utf8_count(src->text, src->text_len), err)) != 0)
		goto cleanup;
	if (src->n_arts > before) {
		tekg_article *a = &src->arts[src->n_arts - 1];
		char *t = h.og_title ? tekg_strdup(h.og_title) : h.h1 ? node_text(h.h1) : node_text(h.title);

		if (t && *t) {
			tekg_free(a->title);
			a->title = t;
		} else {
			tekg_free(t);
		}
		if (h.date && !a->date) {
			a->date = h.date;
			h.date = NULL;
		}
		if (h.url) {
			a->url = h.url;
			h.url = NULL;
		}
	} else {
		rc = tx_diag(src, TEKG_EPARSE, 0, 0, "no text in the HTML page");
	}
cleanup:
	tekg_buf_free(&b);
	tekg_free(h.keys);
	tekg_free(h.vals);
	tekg_free(h.og_title);
	tekg_free(h.date);
	tekg_free(h.url);
	tekg_free(h.lang);
	xmlFreeDoc(doc);
	return rc;
}
