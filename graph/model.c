/*
 * model.c - the property graph's storage: nodes with export ids, edges as
 * index pairs, typed attribute columns with presence flags, and an id ->
 * index hash table.  No igraph here; graph/network.c converts.
 */
#include "tekg/graph.h"
#include "util/alloc.h"

#include <string.h>

typedef struct column {
	char *name;
	tekg_attr_type type;
	size_t cap;            /* elements allocated in the arrays below */
	char **s;
	int64_t *i;
	double *d;
	unsigned char *has;
} column;

typedef struct side {
	size_t n, cap;
	column *cols;
	size_t ncols, capcols;
} side;

struct tekg_graph {
	side el[2];            /* TEKG_NODE, TEKG_EDGE */
	char **ids;            /* node export ids */
	size_t *esrc, *edst;
	size_t *hash;          /* open addressing: node index + 1, 0 empty */
	size_t hcap;
	char **notes;          /* key, value, key, value ... */
	size_t nnotes;
};

int tekg_graph_new(tekg_graph **out, tekg_error *err)
{
	*out = tekg_calloc(1, sizeof **out);
	if (*out == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	return 0;
}

static void column_free(column *c, size_t n)
{
	size_t k;

	if (c->s)
		for (k = 0; k < n && k < c->cap; k++)
			tekg_free(c->s[k]);
	tekg_free(c->name);
	tekg_free(c->s);
	tekg_free(c->i);
	tekg_free(c->d);
	tekg_free(c->has);
}

void tekg_graph_free(tekg_graph *g)
{
	size_t e, k;

	if (g == NULL)
		return;
	for (e = 0; e < 2; e++) {
		for (k = 0; k < g->el[e].ncols; k++)
			column_free(&g->el[e].cols[k], g->el[e].n);
		tekg_free(g->el[e].cols);
	}
	for (k = 0; k < g->el[TEKG_NODE].n; k++)
		tekg_free(g->ids[k]);
	for (k = 0; k < 2 * g->nnotes; k++)
		tekg_free(g->notes[k]);
	tekg_free(g->notes);
	tekg_free(g->ids);
	tekg_free(g->esrc);
	tekg_free(g->edst);
	tekg_free(g->hash);
	tekg_free(g);
}

size_t tekg_graph_count(const tekg_graph *g, tekg_elem e)
{
	return g->el[e].n;
}

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static int rehash(tekg_graph *g, size_t ncap)
{
	size_t *nh = tekg_calloc(ncap, sizeof *nh), k;

	if (nh == NULL)
		return TEKG_ENOMEM;
	for (k = 0; k < g->el[TEKG_NODE].n; k++) {
		size_t h = (size_t)(str_hash(g->ids[k]) & (ncap - 1));
		while (nh[h])
			h = (h + 1) & (ncap - 1);
		nh[h] = k + 1;
	}
	tekg_free(g->hash);
	g->hash = nh;
	g->hcap = ncap;
	return 0;
}

size_t tekg_graph_find_node(const tekg_graph *g, const char *id)
{
	size_t h;

	if (g->hcap == 0)
		return (size_t)-1;
	h = (size_t)(str_hash(id) & (g->hcap - 1));
	while (g->hash[h]) {
		if (strcmp(g->ids[g->hash[h] - 1], id) == 0)
			return g->hash[h] - 1;
		h = (h + 1) & (g->hcap - 1);
	}
	return (size_t)-1;
}

static int grow_array(void **p, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 64;
	void *np;

	if (need <= *cap)
		return 0;
	while (ncap < need)
		ncap *= 2;
	np = tekg_realloc(*p, ncap * size);
	if (np == NULL)
		return TEKG_ENOMEM;
	*p = np;
	*cap = ncap;
	return 0;
}

int tekg_graph_add_node(tekg_graph *g, const char *id, size_t *idx)
{
	side *sd = &g->el[TEKG_NODE];
	size_t cap = sd->cap, h, n = sd->n;
	char *copy;

	if (grow_array((void **)&g->ids, &cap, n + 1, sizeof *g->ids))
		return TEKG_ENOMEM;
	sd->cap = cap;
	if ((n + 1) * 2 > g->hcap && rehash(g, g->hcap ? g->hcap * 2 : 1024))
		return TEKG_ENOMEM;
	if ((copy = tekg_strdup(id)) == NULL)
		return TEKG_ENOMEM;
	g->ids[n] = copy;
	h = (size_t)(str_hash(id) & (g->hcap - 1));
	while (g->hash[h])
		h = (h + 1) & (g->hcap - 1);
	g->hash[h] = n + 1;
	sd->n = n + 1;
	if (idx)
		*idx = n;
	return 0;
}

int tekg_graph_add_edge(tekg_graph *g, size_t src, size_t dst, size_t *idx)
{
	side *sd = &g->el[TEKG_EDGE];
	size_t cap = sd->cap, n = sd->n;

	if (grow_array((void **)&g->esrc, &cap, n + 1, sizeof *g->esrc))
		return TEKG_ENOMEM;
	cap = sd->cap;
	if (grow_array((void **)&g->edst, &cap, n + 1, sizeof *g->edst))
		return TEKG_ENOMEM;
	sd->cap = cap;
	g->esrc[n] = src;
	g->edst[n] = dst;
	sd->n = n + 1;
	if (idx)
		*idx = n;
	return 0;
}

const char *tekg_graph_node_id(const tekg_graph *g, size_t node)
{
	return node < g->el[TEKG_NODE].n ? g->ids[node] : NULL;
}

void tekg_graph_edge_ends(const tekg_graph *g, size_t edge, size_t *src, size_t *dst)
{
	*src = g->esrc[edge];
	*dst = g->edst[edge];
}

size_t tekg_graph_n_attrs(const tekg_graph *g, tekg_elem e)
{
	return g->el[e].ncols;
}

const char *tekg_graph_attr_name(const tekg_graph *g, tekg_elem e, size_t col)
{
	return g->el[e].cols[col].name;
}

tekg_attr_type tekg_graph_attr_type(const tekg_graph *g, tekg_elem e, size_t col)
{
	return g->el[e].cols[col].type;
}

size_t tekg_graph_attr_find(const tekg_graph *g, tekg_elem e, const char *name)
{
	size_t k;

	for (k = 0; k < g->el[e].ncols; k++)
		if (strcmp(g->el[e].cols[k].name, name) == 0)
			return k;
	return (size_t)-1;
}

int tekg_graph_attr_get(const tekg_graph *g, tekg_elem e, size_t col, size_t i,
                        tekg_attr_value *v)
{
	const column *c = &g->el[e].cols[col];

	if (i >= c->cap || !c->has[i])
		return 0;
	v->type = c->type;
	v->s = c->s ? c->s[i] : NULL;
	v->i = c->i ? c->i[i] : 0;
	v->d = c->d ? c->d[i] : 0;
	return 1;
}

/* The column `name` of type t, created on first use and sized for index i. */
static int column_for(tekg_graph *g, tekg_elem e, const char *name, tekg_attr_type t,
                      size_t i, column **out)
{
	side *sd = &g->el[e];
	size_t k = tekg_graph_attr_find(g, e, name), ncap;
	column *c;

	if (i >= sd->n)
		return TEKG_EINVAL;
	if (k == (size_t)-1) {
		size_t capcols = sd->capcols;
		if (grow_array((void **)&sd->cols, &capcols, sd->ncols + 1, sizeof *sd->cols))
			return TEKG_ENOMEM;
		sd->capcols = capcols;
		c = &sd->cols[sd->ncols];
		memset(c, 0, sizeof *c);
		if ((c->name = tekg_strdup(name)) == NULL)
			return TEKG_ENOMEM;
		c->type = t;
		sd->ncols++;
	} else {
		c = &sd->cols[k];
		if (c->type != t)
			return TEKG_EINVAL;
	}
	if (i >= c->cap) {
		void *p;
		ncap = c->cap ? c->cap : 64;
		while (ncap <= i)
			ncap *= 2;
		if (t == TEKG_ATTR_STRING) {
			if ((p = tekg_realloc(c->s, ncap * sizeof *c->s)) == NULL)
				return TEKG_ENOMEM;
			c->s = p;
			memset(c->s + c->cap, 0, (ncap - c->cap) * sizeof *c->s);
		} else if (t == TEKG_ATTR_DOUBLE) {
			if ((p = tekg_realloc(c->d, ncap * sizeof *c->d)) == NULL)
				return TEKG_ENOMEM;
			c->d = p;
		} else {
			if ((p = tekg_realloc(c->i, ncap * sizeof *c->i)) == NULL)
				return TEKG_ENOMEM;
			c->i = p;
		}
		if ((p = tekg_realloc(c->has, ncap)) == NULL)
			return TEKG_ENOMEM;
		c->has = p;
		memset(c->has + c->cap, 0, ncap - c->cap);
		c->cap = ncap;
	}
	*out = c;
	return 0;
}

int tekg_graph_set_str(tekg_graph *g, tekg_elem e, const char *name, size_t i, const char *v)
{
	column *c;
	char *copy = NULL;
	int rc = column_for(g, e, name, TEKG_ATTR_STRING, i, &c);

	if (rc)
		return rc;
	if (v && (copy = tekg_strdup(v)) == NULL)
		return TEKG_ENOMEM;
	tekg_free(c->s[i]);
	c->s[i] = copy;
	c->has[i] = copy != NULL;
	return 0;
}

static int set_int(tekg_graph *g, tekg_elem e, const char *name, size_t i, int64_t v,
                   tekg_attr_type t)
{
	column *c;
	int rc = column_for(g, e, name, t, i, &c);

	if (rc)
		return rc;
	c->i[i] = v;
	c->has[i] = 1;
	return 0;
}

int tekg_graph_set_int(tekg_graph *g, tekg_elem e, const char *name, size_t i, int64_t v)
{
	return set_int(g, e, name, i, v, TEKG_ATTR_INT);
}

int tekg_graph_set_bool(tekg_graph *g, tekg_elem e, const char *name, size_t i, int v)
{
	return set_int(g, e, name, i, v ? 1 : 0, TEKG_ATTR_BOOL);
}

int tekg_graph_set_double(tekg_graph *g, tekg_elem e, const char *name, size_t i, double v)
{
	column *c;
	int rc = column_for(g, e, name, TEKG_ATTR_DOUBLE, i, &c);

	if (rc)
		return rc;
	c->d[i] = v;
	c->has[i] = 1;
	return 0;
}

int tekg_graph_set_note(tekg_graph *g, const char *key, const char *value)
{
	char **n = tekg_realloc(g->notes, (2 * g->nnotes + 2) * sizeof *n);
	char *k, *v;

	if (n == NULL)
		return TEKG_ENOMEM;
	g->notes = n;
	k = tekg_strdup(key);
	v = tekg_strdup(value ? value : "");
	if (!k || !v) {
		tekg_free(k);
		tekg_free(v);
		return TEKG_ENOMEM;
	}
	n[2 * g->nnotes] = k;
	n[2 * g->nnotes + 1] = v;
	g->nnotes++;
	return 0;
}

size_t tekg_graph_n_notes(const tekg_graph *g)
{
	return g->nnotes;
}

void tekg_graph_note(const tekg_graph *g, size_t i, const char **key, const char **value)
{
	*key = g->notes[2 * i];
	*value = g->notes[2 * i + 1];
}
