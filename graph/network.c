/*
 * network.c - the bridge to igraph and the network measures.
 *
 * igraph's default error handler aborts the process; the library never
 * aborts, so every entry point installs handlers that only record igraph's
 * reason (thread-locally) and free igraph's cleanup stack, and igraph's
 * codes are translated into TEKG_EGRAPH / TEKG_ENOMEM with that reason.
 *
 * Measures run on the "measure view" (see network.h): a simple undirected
 * igraph built from the view's nodes, parallel edges merged with their
 * weights summed.  Choices and their reasons are in docs/network.md.
 */
#include "tekg/network.h"
#include "tekg/graph.h"
#include "util/alloc.h"

#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char last_reason[256];

static void on_error(const char *reason, const char *file, int line, igraph_error_t e)
{
	snprintf(last_reason, sizeof last_reason, "%s", reason ? reason : "?");
	/* frees igraph's FINALLY stack and returns instead of aborting */
	igraph_error_handler_ignore(reason, file, line, e);
}

static void on_warning(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

/* Handlers may be thread-local in igraph: install them on every entry
 * (two assignments), not once per process. */
void tekg_graph_igraph_init(void);
void tekg_graph_igraph_init(void)
{
	igraph_set_error_handler(on_error);
	igraph_set_warning_handler(on_warning);
}

int tekg_network_igraph_error(int igraph_rc, const char *what, tekg_error *err);
/*
 * Translate an igraph return code: 0 for IGRAPH_SUCCESS, TEKG_ENOMEM for
 * IGRAPH_ENOMEM, else TEKG_EGRAPH; the message names `what` and igraph's
 * reason.
 */
int tekg_network_igraph_error(int igraph_rc, const char *what, tekg_error *err)
{
	int code;

	if (igraph_rc == IGRAPH_SUCCESS)
		return 0;
	code = igraph_rc == IGRAPH_ENOMEM ? TEKG_ENOMEM : TEKG_EGRAPH;
	return tekg_error_set(err, code, "%s: igraph: %s (%s)", what,
	                      igraph_strerror((igraph_error_t)igraph_rc),
	                      last_reason[0] ? last_reason : "no detail");
}

const char *tekg_graph_lib_version(void)
{
	static char buf[64];
	const char *s = NULL;
	int major = 0, minor = 0, sub = 0;

	igraph_version(&s, &major, &minor, &sub);
	snprintf(buf, sizeof buf, "igraph %s", s ? s : "?");
	return buf;
}

/* ---- attribute helpers ------------------------------------------------ */

const char *tekg_network_node_str(const tekg_graph *g, size_t i, const char *attr)
{
	size_t c = tekg_graph_attr_find(g, TEKG_NODE, attr);
	tekg_attr_value v;

	if (c == (size_t)-1 || tekg_graph_attr_type(g, TEKG_NODE, c) != TEKG_ATTR_STRING ||
	    !tekg_graph_attr_get(g, TEKG_NODE, c, i, &v))
		return NULL;
	return v.s;
}

const char *tekg_network_edge_str(const tekg_graph *g, size_t e, const char *attr)
{
	size_t c = tekg_graph_attr_find(g, TEKG_EDGE, attr);
	tekg_attr_value v;

	if (c == (size_t)-1 || tekg_graph_attr_type(g, TEKG_EDGE, c) != TEKG_ATTR_STRING ||
	    !tekg_graph_attr_get(g, TEKG_EDGE, c, e, &v))
		return NULL;
	return v.s;
}

double tekg_network_edge_weight(const tekg_graph *g, size_t e)
{
	size_t c = tekg_graph_attr_find(g, TEKG_EDGE, "weight");
	tekg_attr_value v;

	if (c == (size_t)-1 || !tekg_graph_attr_get(g, TEKG_EDGE, c, e, &v))
		return 1;
	if (v.type == TEKG_ATTR_DOUBLE)
		return v.d;
	return (double)v.i;
}

int tekg_network_in_view(const tekg_graph *g, size_t i, const tekg_network_opts *o)
{
	const char *t;

	if (o && o->include_documents)
		return 1;
	t = tekg_network_node_str(g, i, "type");
	if (t == NULL)
		return 1;
	return strcmp(t, "document") != 0 && strcmp(t, "date") != 0 && strcmp(t, "topic") != 0;
}

int tekg_network_edge_undirected(const tekg_graph *g, size_t e)
{
	const char *t = tekg_network_edge_str(g, e, "type");

	return t && (strcmp(t, "co_occurs") == 0 || strcmp(t, "shared_event") == 0);
}

/* ---- the view as an igraph -------------------------------------------- */

typedef struct view {
	igraph_t ig;
	int ig_ok;              /* ig initialised */
	igraph_vector_t w;      /* merged edge weights */
	int w_ok;
	size_t n;               /* view nodes */
	size_t *of_view;        /* view index -> graph node */
	size_t *to_view;        /* graph node -> view index or SIZE_MAX */
} view;

typedef struct pair {
	uint64_t key;           /* lo << 32 | hi (view indexes) */
	double w;
} pair;

static int pair_cmp(const void *a, const void *b)
{
	uint64_t x = ((const pair *)a)->key, y = ((const pair *)b)->key;

	return x < y ? -1 : x > y;
}

static void view_free(view *v)
{
	if (v->ig_ok)
		igraph_destroy(&v->ig);
	if (v->w_ok)
		igraph_vector_destroy(&v->w);
	tekg_free(v->of_view);
	tekg_free(v->to_view);
	memset(v, 0, sizeof *v);
}

static int view_build(view *v, const tekg_graph *g, const tekg_network_opts *o, tekg_error *err)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t i, k, np = 0, nm = 0;
	pair *pairs = NULL;
	igraph_vector_int_t ev;
	int ev_ok = 0, rc = 0;

	memset(v, 0, sizeof *v);
	if (nn > UINT32_MAX - 1)
		return tekg_error_set(err, TEKG_ELIMIT, "graph too large for the measures");
	v->of_view = tekg_malloc((nn ? nn : 1) * sizeof *v->of_view);
	v->to_view = tekg_malloc((nn ? nn : 1) * sizeof *v->to_view);
	pairs = tekg_malloc((ne ? ne : 1) * sizeof *pairs);
	if (!v->of_view || !v->to_view || !pairs) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < nn; i++) {
		if (tekg_network_in_view(g, i, o)) {
			v->to_view[i] = v->n;
			v->of_view[v->n++] = i;
		} else {
			v->to_view[i] = SIZE_MAX;
		}
	}
	for (k = 0; k < ne; k++) {
		size_t s, d, a, b;
		tekg_graph_edge_ends(g, k, &s, &d);
		a = v->to_view[s];
		b = v->to_view[d];
		if (a == SIZE_MAX || b == SIZE_MAX || a == b)
			continue;
		if (a > b) {
			size_t t = a;
			a = b;
			b = t;
		}
		pairs[np].key = (uint64_t)a << 32 | (uint64_t)b;
		pairs[np].w = tekg_network_edge_weight(g, k);
		if (!(pairs[np].w > 0) || !isfinite(pairs[np].w))
			pairs[np].w = 1; /* PageRank and Leiden need positive weights */
		np++;
	}
	qsort(pairs, np, sizeof *pairs, pair_cmp);
	for (k = 0; k < np; k++) {
		if (nm > 0 && pairs[nm - 1].key == pairs[k].key)
			pairs[nm - 1].w += pairs[k].w;
		else
			pairs[nm++] = pairs[k];
	}
	tekg_graph_igraph_init();
	if ((rc = tekg_network_igraph_error(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * nm)),
	                                    "building the view", err)))
		goto cleanup;
	ev_ok = 1;
	if ((rc = tekg_network_igraph_error(igraph_vector_init(&v->w, (igraph_integer_t)nm),
	                                    "building the view", err)))
		goto cleanup;
	v->w_ok = 1;
	for (k = 0; k < nm; k++) {
		VECTOR(ev)[2 * k] = (igraph_integer_t)(pairs[k].key >> 32);
		VECTOR(ev)[2 * k + 1] = (igraph_integer_t)(pairs[k].key & 0xffffffffu);
		VECTOR(v->w)[k] = pairs[k].w;
	}
	if ((rc = tekg_network_igraph_error(igraph_create(&v->ig, &ev, (igraph_integer_t)v->n,
	                                                  IGRAPH_UNDIRECTED),
	                                    "building the view", err)))
		goto cleanup;
	v->ig_ok = 1;
cleanup:
	if (ev_ok)
		igraph_vector_int_destroy(&ev);
	tekg_free(pairs);
	if (rc)
		view_free(v);
	return rc;
}

/* ---- measures ----------------------------------------------------------- */

/* Add a note unless the same key already holds the same value (measures
 * computed one at a time must not repeat the shared notes). */
static int note_once(tekg_graph *g, const char *key, const char *value)
{
	size_t i;
	const char *k, *v;

	for (i = 0; i < tekg_graph_n_notes(g); i++) {
		tekg_graph_note(g, i, &k, &v);
		if (strcmp(k, key) == 0 && strcmp(v, value) == 0)
			return 0;
	}
	return tekg_graph_set_note(g, key, value);
}

/* A fixed palette for communities 0..11 (largest first), then repeated;
 * grey for nodes outside the measure view. */
static const unsigned char palette[12][3] = {
	{66, 133, 244}, {234, 67, 53},  {52, 168, 83},  {251, 188, 5},
	{142, 68, 173}, {0, 172, 193},  {255, 112, 67}, {124, 179, 66},
	{236, 64, 122}, {92, 107, 192}, {141, 110, 99}, {38, 166, 154},
};
static const unsigned char grey[3] = {160, 160, 160};

#define SIZE_MIN_PX 4.0
#define SIZE_MAX_PX 40.0
#define GRID_ABOVE 1000          /* grid Fruchterman-Reingold above this many nodes */
#define SAMPLE_BUDGET 150000000.0 /* sampled betweenness: sources * (n + m) */

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

#define IG(call, what)                                                                   \
	do {                                                                             \
		if ((rc = tekg_network_igraph_error((call), (what), err)))               \
			goto cleanup;                                                    \
	} while (0)
#define SET(call)                                                                        \
	do {                                                                             \
		if ((rc = (call))) {                                                     \
			rc = tekg_error_set(err, rc, "writing measures: %s",             \
			                    tekg_strerror(rc));                          \
			goto cleanup;                                                    \
		}                                                                        \
	} while (0)

static int m_degree(tekg_graph *g, view *v, tekg_error *err)
{
	igraph_vector_int_t deg;
	igraph_vector_t str;
	int d_ok = 0, s_ok = 0, rc = 0;
	size_t i;

	IG(igraph_vector_int_init(&deg, 0), "degree");
	d_ok = 1;
	IG(igraph_vector_init(&str, 0), "degree");
	s_ok = 1;
	IG(igraph_degree(&v->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "degree");
	IG(igraph_strength(&v->ig, &str, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &v->w),
	   "weighted degree");
	for (i = 0; i < v->n; i++) {
		SET(tekg_graph_set_int(g, TEKG_NODE, "degree", v->of_view[i], VECTOR(deg)[i]));
		SET(tekg_graph_set_double(g, TEKG_NODE, "weighted_degree", v->of_view[i],
		                          VECTOR(str)[i]));
	}
cleanup:
	if (d_ok)
		igraph_vector_int_destroy(&deg);
	if (s_ok)
		igraph_vector_destroy(&str);
	return rc;
}

static int m_pagerank(tekg_graph *g, view *v, tekg_error *err)
{
	igraph_vector_t pr;
	igraph_real_t value;
	int ok = 0, rc = 0;
	size_t i;
	double mx = 0;

	IG(igraph_vector_init(&pr, 0), "pagerank");
	ok = 1;
	if (v->n > 0)
		IG(igraph_pagerank(&v->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, &value, igraph_vss_all(),
		                   0, 0.85, &v->w, NULL),
		   "pagerank");
	for (i = 0; i < v->n; i++)
		if (VECTOR(pr)[i] > mx)
			mx = VECTOR(pr)[i];
	for (i = 0; i < v->n; i++) {
		double p = VECTOR(pr)[i];
		SET(tekg_graph_set_double(g, TEKG_NODE, "pagerank", v->of_view[i], p));
		SET(tekg_graph_set_double(g, TEKG_NODE, "size", v->of_view[i],
		                          SIZE_MIN_PX + (SIZE_MAX_PX - SIZE_MIN_PX) *
		                                            (mx > 0 ? sqrt(p / mx) : 0)));
	}
cleanup:
	if (ok)
		igraph_vector_destroy(&pr);
	return rc;
}

static int m_betweenness(tekg_graph *g, view *v, const tekg_network_opts *o, uint64_t seed,
                         tekg_error *err)
{
	igraph_vector_t bc;
	igraph_vector_int_t src;
	int ok = 0, s_ok = 0, rc = 0;
	size_t i, limit = o && o->betweenness_exact ? o->betweenness_exact
	                                            : TEKG_NET_BETWEENNESS_EXACT;
	size_t m = (size_t)igraph_ecount(&v->ig), k;
	char note[128];
	double scale = 1;

	IG(igraph_vector_init(&bc, 0), "betweenness");
	ok = 1;
	if (v->n <= limit) {
		IG(igraph_betweenness(&v->ig, &bc, igraph_vss_all(), 0, NULL), "betweenness");
		snprintf(note, sizeof note, "exact");
	} else {
		/* Brandes from k sources drawn without replacement, scaled by n/k:
		 * an unbiased estimate whose cost is k * (n + m). */
		uint64_t st = seed;
		k = (size_t)(SAMPLE_BUDGET / (double)(v->n + m));
		if (k < 64)
			k = 64;
		if (k > v->n)
			k = v->n;
		IG(igraph_vector_int_init_range(&src, 0, (igraph_integer_t)v->n), "betweenness");
		s_ok = 1;
		for (i = 0; i < k; i++) {
			size_t j = i + (size_t)(splitmix(&st) % (uint64_t)(v->n - i));
			igraph_integer_t t = VECTOR(src)[i];
			VECTOR(src)[i] = VECTOR(src)[j];
			VECTOR(src)[j] = t;
		}
		IG(igraph_vector_int_resize(&src, (igraph_integer_t)k), "betweenness");
		IG(igraph_betweenness_subset(&v->ig, &bc, igraph_vss_all(), 0,
		                             igraph_vss_vector(&src), igraph_vss_all(), NULL),
		   "betweenness");
		scale = (double)v->n / (double)k;
		snprintf(note, sizeof note, "sampled:sources=%zu,seed=%llu,exact_max=%zu", k,
		         (unsigned long long)seed, limit);
	}
	for (i = 0; i < v->n; i++)
		SET(tekg_graph_set_double(g, TEKG_NODE, "betweenness", v->of_view[i],
		                          VECTOR(bc)[i] * scale));
	SET(note_once(g, "betweenness", note));
cleanup:
	if (ok)
		igraph_vector_destroy(&bc);
	if (s_ok)
		igraph_vector_int_destroy(&src);
	return rc;
}

static int m_coreness(tekg_graph *g, view *v, tekg_error *err)
{
	igraph_vector_int_t c;
	int ok = 0, rc = 0;
	size_t i;

	IG(igraph_vector_int_init(&c, 0), "coreness");
	ok = 1;
	IG(igraph_coreness(&v->ig, &c, IGRAPH_ALL), "coreness");
	for (i = 0; i < v->n; i++)
		SET(tekg_graph_set_int(g, TEKG_NODE, "coreness", v->of_view[i], VECTOR(c)[i]));
cleanup:
	if (ok)
		igraph_vector_int_destroy(&c);
	return rc;
}

typedef struct comm_size {
	igraph_integer_t id, size, first;
} comm_size;

static int comm_cmp(const void *a, const void *b)
{
	const comm_size *x = a, *y = b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int m_community(tekg_graph *g, view *v, uint64_t seed, tekg_error *err)
{
	igraph_vector_int_t memb;
	igraph_vector_t str;
	igraph_integer_t nc = 0;
	igraph_real_t quality = 0, q = 0, total = 0;
	comm_size *cs = NULL;
	igraph_integer_t *renum = NULL;
	int m_ok = 0, s_ok = 0, rc = 0;
	size_t i;
	char note[64];

	IG(igraph_vector_int_init(&memb, (igraph_integer_t)v->n), "leiden");
	m_ok = 1;
	IG(igraph_vector_init(&str, 0), "leiden");
	s_ok = 1;
	IG(igraph_strength(&v->ig, &str, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &v->w),
	   "leiden");
	for (i = 0; i < (size_t)igraph_vector_size(&v->w); i++)
		total += VECTOR(v->w)[i];
	if (v->n > 0 && total > 0) {
		igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
		/* modularity objective: node weights = strengths, resolution 1/(2m) */
		IG(igraph_community_leiden(&v->ig, &v->w, &str, 1.0 / (2.0 * total), 0.01, 0, -1,
		                           &memb, &nc, &quality),
		   "leiden");
		IG(igraph_modularity(&v->ig, &memb, &v->w, 1.0, 0, &q), "modularity");
	} else {
		for (i = 0; i < v->n; i++)
			VECTOR(memb)[i] = (igraph_integer_t)i;
		nc = (igraph_integer_t)v->n;
	}
	/* number communities by decreasing size, ties by first node */
	cs = tekg_calloc((size_t)nc + 1, sizeof *cs);
	renum = tekg_malloc(((size_t)nc + 1) * sizeof *renum);
	if (!cs || !renum) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < (size_t)nc; i++) {
		cs[i].id = (igraph_integer_t)i;
		cs[i].first = (igraph_integer_t)v->n;
	}
	for (i = 0; i < v->n; i++) {
		igraph_integer_t c = VECTOR(memb)[i];
		cs[c].size++;
		if ((igraph_integer_t)i < cs[c].first)
			cs[c].first = (igraph_integer_t)i;
	}
	qsort(cs, (size_t)nc, sizeof *cs, comm_cmp);
	for (i = 0; i < (size_t)nc; i++)
		renum[cs[i].id] = (igraph_integer_t)i;
	for (i = 0; i < v->n; i++) {
		igraph_integer_t c = renum[VECTOR(memb)[i]];
		const unsigned char *rgb = palette[c % 12];
		size_t node = v->of_view[i];
		SET(tekg_graph_set_int(g, TEKG_NODE, "community", node, c));
		SET(tekg_graph_set_int(g, TEKG_NODE, "r", node, rgb[0]));
		SET(tekg_graph_set_int(g, TEKG_NODE, "g", node, rgb[1]));
		SET(tekg_graph_set_int(g, TEKG_NODE, "b", node, rgb[2]));
	}
	snprintf(note, sizeof note, "leiden:modularity,beta=0.01,seed=%llu",
	         (unsigned long long)seed);
	SET(note_once(g, "community", note));
	snprintf(note, sizeof note, "%.6f", (double)q);
	SET(note_once(g, "modularity", note));
	snprintf(note, sizeof note, "%lld", (long long)nc);
	SET(note_once(g, "communities", note));
cleanup:
	if (m_ok)
		igraph_vector_int_destroy(&memb);
	if (s_ok)
		igraph_vector_destroy(&str);
	tekg_free(cs);
	tekg_free(renum);
	return rc;
}

/* Iterations: 500 for small graphs, fewer as the graph grows so the
 * layout's cost stays near a fixed budget (each iteration is ~O(n + m)
 * with the grid). */
static igraph_integer_t layout_iterations(size_t n, size_t m)
{
	double it = 1e8 / (double)(n + m + 1);

	if (it > 500)
		it = 500;
	if (it < 50)
		it = 50;
	return (igraph_integer_t)it;
}

static int m_layout(tekg_graph *g, view *v, uint64_t seed, tekg_error *err)
{
	igraph_matrix_t pos;
	int ok = 0, rc = 0;
	size_t i, m = (size_t)igraph_ecount(&v->ig);
	int grid = v->n > GRID_ABOVE;
	igraph_integer_t niter = layout_iterations(v->n, m);
	char note[96];

	IG(igraph_matrix_init(&pos, 0, 0), "layout");
	ok = 1;
	if (v->n > 0) {
		igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
		IG(igraph_layout_fruchterman_reingold(&v->ig, &pos, 0, niter,
		                                      sqrt((double)v->n) / 10.0,
		                                      grid ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
		                                      NULL, NULL, NULL, NULL, NULL),
		   "layout");
	}
	for (i = 0; i < v->n; i++) {
		SET(tekg_graph_set_double(g, TEKG_NODE, "x", v->of_view[i], MATRIX(pos, i, 0)));
		SET(tekg_graph_set_double(g, TEKG_NODE, "y", v->of_view[i], MATRIX(pos, i, 1)));
	}
	snprintf(note, sizeof note, "fruchterman_reingold%s:niter=%lld,seed=%llu",
	         grid ? "_grid" : "", (long long)niter, (unsigned long long)seed);
	SET(note_once(g, "layout", note));
cleanup:
	if (ok)
		igraph_matrix_destroy(&pos);
	return rc;
}

/* Nodes outside the view: placed at the mean of their laid-out neighbours
 * (a golden-angle offset keeps them apart), smallest size, grey. */
static int place_outside(tekg_graph *g, view *v, unsigned want, tekg_error *err)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	double *sx = NULL, *sy = NULL;
	size_t *cnt = NULL, i, k;
	size_t cx = tekg_graph_attr_find(g, TEKG_NODE, "x");
	size_t cy = tekg_graph_attr_find(g, TEKG_NODE, "y");
	int rc = 0;

	if (v->n == nn)
		return 0;
	sx = tekg_calloc(nn, sizeof *sx);
	sy = tekg_calloc(nn, sizeof *sy);
	cnt = tekg_calloc(nn, sizeof *cnt);
	if (!sx || !sy || !cnt) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	if ((want & TEKG_NET_LAYOUT) && cx != (size_t)-1 && cy != (size_t)-1) {
		for (k = 0; k < ne; k++) {
			size_t s, d, in, out;
			tekg_attr_value vx, vy;
			tekg_graph_edge_ends(g, k, &s, &d);
			if ((v->to_view[s] == SIZE_MAX) == (v->to_view[d] == SIZE_MAX))
				continue;
			in = v->to_view[s] != SIZE_MAX ? s : d;
			out = in == s ? d : s;
			if (tekg_graph_attr_get(g, TEKG_NODE, cx, in, &vx) &&
			    tekg_graph_attr_get(g, TEKG_NODE, cy, in, &vy)) {
				sx[out] += vx.d;
				sy[out] += vy.d;
				cnt[out]++;
			}
		}
	}
	for (i = 0; i < nn; i++) {
		if (v->to_view[i] != SIZE_MAX)
			continue;
		if (want & TEKG_NET_LAYOUT) {
			double a = 2.399963229728653 * (double)i;
			double x = cnt[i] ? sx[i] / (double)cnt[i] : 0;
			double y = cnt[i] ? sy[i] / (double)cnt[i] : 0;
			SET(tekg_graph_set_double(g, TEKG_NODE, "x", i, x + cos(a)));
			SET(tekg_graph_set_double(g, TEKG_NODE, "y", i, y + sin(a)));
		}
		if (want & TEKG_NET_PAGERANK)
			SET(tekg_graph_set_double(g, TEKG_NODE, "size", i, SIZE_MIN_PX));
		if (want & TEKG_NET_COMMUNITY) {
			SET(tekg_graph_set_int(g, TEKG_NODE, "r", i, grey[0]));
			SET(tekg_graph_set_int(g, TEKG_NODE, "g", i, grey[1]));
			SET(tekg_graph_set_int(g, TEKG_NODE, "b", i, grey[2]));
		}
	}
cleanup:
	tekg_free(sx);
	tekg_free(sy);
	tekg_free(cnt);
	return rc;
}

int tekg_network_measures(tekg_graph *g, const tekg_network_opts *o, tekg_error *err)
{
	view v;
	unsigned want = o && o->measures ? o->measures : TEKG_NET_ALL;
	uint64_t seed = o && o->seed ? o->seed : TEKG_NET_SEED;
	int rc;
	char buf[32];

	if ((rc = view_build(&v, g, o, err)))
		return rc;
	if ((rc = note_once(g, "measures_view",
	                              o && o->include_documents ? "all nodes, undirected"
	                                                        : "entity-event, undirected"))) {
		rc = tekg_error_set(err, rc, "out of memory");
		goto cleanup;
	}
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)seed);
	if ((rc = note_once(g, "seed", buf))) {
		rc = tekg_error_set(err, rc, "out of memory");
		goto cleanup;
	}
	if (((want & TEKG_NET_DEGREE) && (rc = m_degree(g, &v, err))) ||
	    ((want & TEKG_NET_PAGERANK) && (rc = m_pagerank(g, &v, err))) ||
	    ((want & TEKG_NET_BETWEENNESS) && (rc = m_betweenness(g, &v, o, seed, err))) ||
	    ((want & TEKG_NET_CORENESS) && (rc = m_coreness(g, &v, err))) ||
	    ((want & TEKG_NET_COMMUNITY) && (rc = m_community(g, &v, seed, err))) ||
	    ((want & TEKG_NET_LAYOUT) && (rc = m_layout(g, &v, seed, err))))
		goto cleanup;
	rc = place_outside(g, &v, want, err);
cleanup:
	view_free(&v);
	return rc;
}
