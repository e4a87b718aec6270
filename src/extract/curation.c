/*
 * curation.c - researchers' corrections (merge, rename, block, type),
 * read from files and applied by the entity stage to every document, so a
 * fix survives re-ingest and `tekg reindex`.  Format: docs/entities.md.
 */
#include "extract/extract_int.h"
#include "tekg/text.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *simp(const char *s)
{
	char *t = tekg_text_simplify(s, strlen(s), TEKG_SCRIPT_T2S), *c;

	if (t == NULL)
		return NULL;
	c = tekg_strdup(t);
	free(t);
	return c;
}

int xcur_add(xcur *c, const char *op, const char *a, const char *b, tekg_error *err)
{
	xcur_opcode code;
	xcur_op *ops;
	char *sa = NULL, *sb = NULL;

	if (!strcmp(op, "merge")) code = XC_MERGE;
	else if (!strcmp(op, "rename")) code = XC_RENAME;
	else if (!strcmp(op, "block")) code = XC_BLOCK;
	else if (!strcmp(op, "type")) code = XC_TYPE;
	else return tekg_error_set(err, TEKG_EINVAL, "unknown curation operation '%s'", op);
	if (a == NULL || *a == '\0' || (code != XC_BLOCK && (b == NULL || *b == '\0')))
		return tekg_error_set(err, TEKG_EINVAL, "curation '%s' needs %s", op,
		                      code == XC_BLOCK ? "a name" : "two fields");
	if (code == XC_TYPE && strcmp(b, "person") && strcmp(b, "organization") && strcmp(b, "place"))
		return tekg_error_set(err, TEKG_EINVAL,
		                      "curation type '%s': expected person, organization or place", b);
	if ((sa = simp(a)) == NULL || (code != XC_BLOCK && (sb = simp(b)) == NULL))
		goto nomem;
	if ((ops = tekg_realloc(c->ops, (c->n + 1) * sizeof *ops)) == NULL)
		goto nomem;
	c->ops = ops;
	ops[c->n].op = code;
	ops[c->n].a = sa;
	ops[c->n].b = sb;
	c->n++;
	return 0;
nomem:
	tekg_free(sa);
	tekg_free(sb);
	return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
}

/* Split a line into at most 3 fields: by TABs, or by runs of spaces. */
static size_t fields(char *line, char *f[3])
{
	const char *sep = strchr(line, '\t') ? "\t" : " ";
	size_t n = 0;
	char *p = line;

	while (n < 3 && p) {
		while (*sep == ' ' && *p == ' ')
			p++;
		if (*p == '\0')
			break;
		f[n++] = p;
		if (n == 3 && *sep == '\t')
			break;
		if ((p = strpbrk(p, sep)) != NULL)
			*p++ = '\0';
	}
	return n;
}

int xcur_load_file(xcur *c, const char *path, tekg_error *err)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	int rc = 0;

	if (fp == NULL)
		return tekg_error_set(err, TEKG_EIO, "%s: %s", path, strerror(errno));
	while (getline(&line, &cap, fp) != -1) {
		char *f[3] = {0};
		size_t len = strlen(line), n;
		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		n = fields(line, f);
		if (n < 2) {
			rc = tekg_error_set(err, TEKG_EPARSE, "%s:%zu: expected OP NAME [NAME]", path, lineno);
			break;
		}
		if ((rc = xcur_add(c, f[0], f[1], f[2], err))) {
			if (rc != TEKG_ENOMEM) {
				char msg[TEKG_ERRMSG_MAX];
				snprintf(msg, sizeof msg, "%s", err ? err->msg : "");
				rc = tekg_error_set(err, TEKG_EPARSE, "%s:%zu: %s", path, lineno, msg);
			}
			break;
		}
	}
	free(line);
	fclose(fp);
	return rc;
}

void xcur_clear(xcur *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		tekg_free(c->ops[i].a);
		tekg_free(c->ops[i].b);
	}
	tekg_free(c->ops);
	c->ops = NULL;
	c->n = 0;
}
