/*
 * extraction.c - the growable result of extracting one document
 * (include/tekg/extract.h).  Every extractor appends here; the store
 * persists it.
 */
#include "tekg/extract.h"
#include "util/alloc.h"

#include <string.h>

static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	p = tekg_realloc(*arr, ncap * size);
	if (p == NULL)
		return TEKG_ENOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

static void entity_clear(tekg_x_entity *e)
{
	size_t i;

	tekg_free(e->key);
	tekg_free(e->type);
	tekg_free(e->label);
	tekg_free(e->kind);
	tekg_free(e->title);
	tekg_free(e->start);
	tekg_free(e->end);
	tekg_free(e->value);
	tekg_free(e->keywords);
	for (i = 0; i < e->n_aliases; i++)
		tekg_free(e->aliases[i]);
	tekg_free(e->aliases);
}

void tekg_extraction_clear(tekg_extraction *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n_entities; i++)
		entity_clear(&x->entities[i]);
	for (i = 0; i < x->n_mentions; i++) {
		tekg_free(x->mentions[i].surface);
		tekg_free(x->mentions[i].norm);
	}
	for (i = 0; i < x->n_edges; i++) {
		tekg_free(x->edges[i].type);
		tekg_free(x->edges[i].role);
		tekg_free(x->edges[i].title);
	}
	for (i = 0; i < x->n_keywords; i++)
		tekg_free(x->keywords[i].word);
	tekg_free(x->entities);
	tekg_free(x->mentions);
	tekg_free(x->edges);
	tekg_free(x->keywords);
	memset(x, 0, sizeof *x);
}

int tekg_extraction_entity(tekg_extraction *x, const char *type, const char *label,
                           const char *key, size_t *idx)
{
	tekg_x_entity *e;
	size_t i;

	for (i = 0; i < x->n_entities; i++)
		if (strcmp(x->entities[i].key, key) == 0) {
			*idx = i;
			return 0;
		}
	if (grow((void **)&x->entities, &x->cap_entities, x->n_entities, sizeof *e))
		return TEKG_ENOMEM;
	e = &x->entities[x->n_entities];
	memset(e, 0, sizeof *e);
	e->key = tekg_strdup(key);
	e->type = tekg_strdup(type);
	e->label = tekg_strdup(label);
	if (!e->key || !e->type || !e->label) {
		entity_clear(e);
		memset(e, 0, sizeof *e);
		return TEKG_ENOMEM;
	}
	*idx = x->n_entities++;
	return 0;
}

int tekg_extraction_alias(tekg_extraction *x, size_t idx, const char *alias)
{
	tekg_x_entity *e = &x->entities[idx];
	char **na, *copy;
	size_t i;

	for (i = 0; i < e->n_aliases; i++)
		if (strcmp(e->aliases[i], alias) == 0)
			return 0;
	copy = tekg_strdup(alias);
	if (copy == NULL)
		return TEKG_ENOMEM;
	na = tekg_realloc(e->aliases, (e->n_aliases + 1) * sizeof *na);
	if (na == NULL) {
		tekg_free(copy);
		return TEKG_ENOMEM;
	}
	na[e->n_aliases++] = copy;
	e->aliases = na;
	return 0;
}

int tekg_extraction_set(tekg_extraction *x, size_t idx, const char *field, const char *value)
{
	tekg_x_entity *e = &x->entities[idx];
	char **slot, *copy = NULL;

	if (!strcmp(field, "kind")) slot = &e->kind;
	else if (!strcmp(field, "title")) slot = &e->title;
	else if (!strcmp(field, "start")) slot = &e->start;
	else if (!strcmp(field, "end")) slot = &e->end;
	else if (!strcmp(field, "value")) slot = &e->value;
	else if (!strcmp(field, "keywords")) slot = &e->keywords;
	else if (!strcmp(field, "label")) slot = &e->label;
	else return TEKG_EINVAL;
	if (value && (copy = tekg_strdup(value)) == NULL)
		return TEKG_ENOMEM;
	tekg_free(*slot);
	*slot = copy;
	return 0;
}

int tekg_extraction_mention(tekg_extraction *x, size_t entity, size_t sentence,
                            size_t start, size_t end, const char *surface, const char *norm)
{
	tekg_x_mention *m;

	if (grow((void **)&x->mentions, &x->cap_mentions, x->n_mentions, sizeof *m))
		return TEKG_ENOMEM;
	m = &x->mentions[x->n_mentions];
	m->entity = entity;
	m->sentence = sentence;
	m->start = start;
	m->end = end;
	m->surface = tekg_strdup(surface);
	m->norm = tekg_strdup(norm ? norm : surface);
	if (!m->surface || !m->norm) {
		tekg_free(m->surface);
		tekg_free(m->norm);
		return TEKG_ENOMEM;
	}
	x->n_mentions++;
	return 0;
}

int tekg_extraction_edge(tekg_extraction *x, const char *type, size_t src, size_t dst,
                         size_t sentence, const char *role, const char *title, double weight)
{
	tekg_x_edge *e;

	if (grow((void **)&x->edges, &x->cap_edges, x->n_edges, sizeof *e))
		return TEKG_ENOMEM;
	e = &x->edges[x->n_edges];
	memset(e, 0, sizeof *e);
	e->type = tekg_strdup(type);
	e->role = role ? tekg_strdup(role) : NULL;
	e->title = title ? tekg_strdup(title) : NULL;
	if (!e->type || (role && !e->role) || (title && !e->title)) {
		tekg_free(e->type);
		tekg_free(e->role);
		tekg_free(e->title);
		return TEKG_ENOMEM;
	}
	e->src = src;
	e->dst = dst;
	e->sentence = sentence;
	e->weight = weight;
	x->n_edges++;
	return 0;
}

int tekg_extraction_keyword(tekg_extraction *x, const char *word, size_t tf, double idf,
                            double weight)
{
	tekg_x_keyword *k;

	if (grow((void **)&x->keywords, &x->cap_keywords, x->n_keywords, sizeof *k))
		return TEKG_ENOMEM;
	k = &x->keywords[x->n_keywords];
	if ((k->word = tekg_strdup(word)) == NULL)
		return TEKG_ENOMEM;
	k->tf = tf;
	k->idf = idf;
	k->weight = weight;
	x->n_keywords++;
	return 0;
}
