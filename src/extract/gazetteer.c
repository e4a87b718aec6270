/*
 * gazetteer.c - the lexicons the entity rules consult: places and
 * organisations with kinds, aliases and parents, title words, organisation
 * and place suffixes, surnames and words the tagger wrongly marks as names.
 *
 * Every file has one format (docs/entities.md, data/README.md):
 *     CLASS <TAB> KIND <TAB> NAME[|ALIAS...] [<TAB> PARENT]
 * CLASS is place, organization, title, title_prefix, org_suffix,
 * place_suffix, surname, stop or place_short (PLACE|SHORT...: one-character
 * short forms of a listed place, 武汉|汉); KIND may be "-".  '#' starts a comment
 * line.  Names are stored as written and, when different, in simplified
 * script (tekg_text_simplify), so a traditional entry matches the work text.
 *
 * One name may carry several classes (书记 is a title, 局 an org suffix);
 * a later place/organization line for the same name replaces kind,
 * canonical and parent (so --lexicon files override the shipped data).
 * A suffix line's kind (the kind an unlisted name ending in it gets) is
 * kept apart from a listed name's kind (okind, pkind).
 */
#include "extract/extract_int.h"
#include "tekg/text.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strings live in big blocks (a lexicon is thousands of short strings;
 * one allocation each would dominate start-up and fault-injection runs). */
typedef struct xblock {
	struct xblock *next;
	size_t used, cap;
	char data[];
} xblock;

struct xlex {
	xlex_entry *tab;   /* open addressing, cap a power of two */
	size_t cap, n;
	size_t maxlen;     /* longest place/organization name, chars */
	xblock *blocks;    /* string storage, freed with the lexicon */
};

/* A copy of s[0..len) in the lexicon's blocks, or NULL on no memory. */
static char *xdup(xlex *lx, const char *s, size_t len)
{
	xblock *b = lx->blocks;
	char *p;

	if (b == NULL || b->cap - b->used < len + 1) {
		size_t cap = len + 1 > 65536 ? len + 1 : 65536;
		if ((b = tekg_malloc(sizeof *b + cap)) == NULL)
			return NULL;
		b->next = lx->blocks;
		b->used = 0;
		b->cap = cap;
		lx->blocks = b;
	}
	p = b->data + b->used;
	memcpy(p, s, len);
	p[len] = '\0';
	b->used += len + 1;
	return p;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int xlex_new(xlex **out)
{
	xlex *lx = tekg_calloc(1, sizeof *lx);

	*out = NULL;
	if (lx == NULL)
		return TEKG_ENOMEM;
	lx->cap = 1024;
	if ((lx->tab = tekg_calloc(lx->cap, sizeof *lx->tab)) == NULL) {
		tekg_free(lx);
		return TEKG_ENOMEM;
	}
	*out = lx;
	return 0;
}

void xlex_free(xlex *lx)
{
	xblock *b, *nb;

	if (lx == NULL)
		return;
	for (b = lx->blocks; b; b = nb) {
		nb = b->next;
		tekg_free(b);
	}
	tekg_free(lx->tab);
	tekg_free(lx);
}

const xlex_entry *xlex_get(const xlex *lx, const char *s, size_t len)
{
	size_t i;

	if (lx == NULL || len == 0)
		return NULL;
	i = hash_bytes(s, len) & (lx->cap - 1);
	while (lx->tab[i].name) {
		if (lx->tab[i].len == len && memcmp(lx->tab[i].name, s, len) == 0)
			return &lx->tab[i];
		i = (i + 1) & (lx->cap - 1);
	}
	return NULL;
}

int xlex_has(const xlex *lx, const char *s, size_t len, unsigned cls)
{
	const xlex_entry *e = xlex_get(lx, s, len);

	return e && (e->flags & cls);
}

size_t xlex_maxlen(const xlex *lx)
{
	return lx ? lx->maxlen : 0;
}

static int grow(xlex *lx)
{
	xlex_entry *old = lx->tab;
	size_t ocap = lx->cap, i;

	lx->cap *= 2;
	if ((lx->tab = tekg_calloc(lx->cap, sizeof *lx->tab)) == NULL) {
		lx->tab = old;
		lx->cap = ocap;
		return TEKG_ENOMEM;
	}
	for (i = 0; i < ocap; i++)
		if (old[i].name) {
			size_t j = hash_bytes(old[i].name, old[i].len) & (lx->cap - 1);
			while (lx->tab[j].name)
				j = (j + 1) & (lx->cap - 1);
			lx->tab[j] = old[i];
		}
	tekg_free(old);
	return 0;
}

static int set_str(xlex *lx, char **slot, const char *v)
{
	char *c = NULL;

	if (v && *v && strcmp(v, "-") && (c = xdup(lx, v, strlen(v))) == NULL)
		return TEKG_ENOMEM;
	*slot = c; /* the old string stays in its block until xlex_free */
	return 0;
}

/* Add or update one name.  0 or TEKG_ENOMEM. */
static int put(xlex *lx, const char *name, unsigned cls, const char *kind, const char *canon,
               const char *parent)
{
	size_t len = strlen(name), i;
	xlex_entry *e;

	if (len == 0)
		return 0;
	if ((lx->n + 1) * 2 > lx->cap && grow(lx))
		return TEKG_ENOMEM;
	i = hash_bytes(name, len) & (lx->cap - 1);
	while (lx->tab[i].name && !(lx->tab[i].len == len && !memcmp(lx->tab[i].name, name, len)))
		i = (i + 1) & (lx->cap - 1);
	e = &lx->tab[i];
	if (e->name == NULL) {
		if ((e->name = xdup(lx, name, len)) == NULL)
			return TEKG_ENOMEM;
		e->len = len;
		lx->n++;
	}
	e->flags |= cls;
	if (cls & (XL_PLACE | XL_ORG)) {
		size_t chars = tekg_utf8_count(name, len);
		e->flags &= ~(unsigned)((XL_PLACE | XL_ORG) & ~cls);
		if (set_str(lx, &e->kind, kind) || set_str(lx, &e->canon, canon) ||
		    set_str(lx, &e->parent, parent))
			return TEKG_ENOMEM;
		if (chars > lx->maxlen)
			lx->maxlen = chars;
	}
	/* a suffix's kind has its own slot: 局 may also be listed with another kind */
	if ((cls & XL_ORG_SUFFIX) && set_str(lx, &e->okind, kind))
		return TEKG_ENOMEM;
	if ((cls & XL_PLACE_SUFFIX) && set_str(lx, &e->pkind, kind))
		return TEKG_ENOMEM;
	if ((cls & XL_PLACE_SHORT) && set_str(lx, &e->short_of, canon))
		return TEKG_ENOMEM;
	return 0;
}

static unsigned class_of(const char *s)
{
	static const struct { const char *name; unsigned cls; } t[] = {
		{"place", XL_PLACE}, {"organization", XL_ORG}, {"title", XL_TITLE},
		{"title_prefix", XL_TITLE_PREFIX}, {"org_suffix", XL_ORG_SUFFIX},
		{"place_suffix", XL_PLACE_SUFFIX}, {"surname", XL_SURNAME}, {"stop", XL_STOP},
		{"place_short", XL_PLACE_SHORT},
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(s, t[i].name))
			return t[i].cls;
	return 0;
}

/* Put `name` and, when it differs, its simplified form. */
static int put2(xlex *lx, const char *name, unsigned cls, const char *kind, const char *canon,
                const char *parent)
{
	char *simp;
	int rc;

	if ((rc = put(lx, name, cls, kind, canon, parent)))
		return rc;
	simp = tekg_text_simplify(name, strlen(name), TEKG_SCRIPT_T2S);
	if (simp && strcmp(simp, name))
		rc = put(lx, simp, cls, kind, canon, parent);
	free(simp);
	return rc;
}

int xlex_load_line(xlex *lx, char *line, const char *path, size_t lineno, tekg_error *err)
{
	char *f[4] = {0}, *p = line, *names, *save = NULL, *nm, *canon = NULL;
	size_t nf = 0, len = strlen(line);
	unsigned cls;
	int rc = 0;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (len == 0 || line[0] == '#')
		return 0;
	while (nf < 4) {
		f[nf++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			break;
		*p++ = '\0';
	}
	if (nf < 3 || (cls = class_of(f[0])) == 0)
		return tekg_error_set(err, TEKG_EPARSE,
		                      "%s:%zu: expected CLASS<TAB>KIND<TAB>NAME[|ALIAS...][<TAB>PARENT]",
		                      path, lineno);
	names = f[2];
	for (nm = strtok_r(names, "|", &save); nm; nm = strtok_r(NULL, "|", &save)) {
		if (canon == NULL) {
			canon = tekg_text_simplify(nm, strlen(nm), TEKG_SCRIPT_T2S);
			if (canon == NULL)
				return tekg_error_set(err, TEKG_EPARSE, "%s:%zu: invalid UTF-8", path, lineno);
			if (cls == XL_PLACE_SHORT)
				continue; /* 武汉|汉: the place, then its short forms */
		}
		if ((rc = put2(lx, nm, cls, f[1], canon, nf > 3 ? f[3] : NULL)))
			break;
	}
	free(canon);
	if (rc)
		return tekg_error_set(err, rc, "out of memory");
	return 0;
}

int xlex_load_file(xlex *lx, const char *path, tekg_error *err)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	int rc = 0;

	if (fp == NULL)
		return tekg_error_set(err, TEKG_EIO, "%s: %s", path, strerror(errno));
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if ((rc = xlex_load_line(lx, line, path, lineno, err)))
			break;
	}
	if (rc == 0 && ferror(fp))
		rc = tekg_error_set(err, TEKG_EIO, "%s: read error", path);
	free(line);
	fclose(fp);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int xlex_load_dir(xlex *lx, const char *dir, tekg_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, *path = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (d == NULL)
		return tekg_error_set(err, TEKG_EIO, "%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		char **nn;
		if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".tsv"))
			continue;
		if ((nn = tekg_realloc(names, (n + 1) * sizeof *nn)) == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		names = nn;
		if ((names[n] = tekg_strdup(de->d_name)) == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		n++;
	}
	if (n == 0) {
		rc = tekg_error_set(err, TEKG_ENOTFOUND, "%s: no lexicon (*.tsv) files", dir);
		goto cleanup;
	}
	qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n && rc == 0; i++) {
		size_t l = strlen(dir) + strlen(names[i]) + 2;
		if ((path = tekg_malloc(l)) == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			break;
		}
		snprintf(path, l, "%s/%s", dir, names[i]);
		rc = xlex_load_file(lx, path, err);
		tekg_free(path);
		path = NULL;
	}
cleanup:
	for (i = 0; i < n; i++)
		tekg_free(names[i]);
	tekg_free(names);
	closedir(d);
	return rc;
}
