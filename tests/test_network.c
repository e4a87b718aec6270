/*
 * test_network.c - measures on known graphs (Zachary's karate club), the
 * measure view, filters, projections, name resolution and igraph error
 * translation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>
#include <math.h>

#include "tekg/graph.h"
#include "tekg/network.h"
#include "testutil.h"

void tekg_graph_igraph_init(void);
int tekg_network_igraph_error(int igraph_rc, const char *what, tekg_error *err);

/* Zachary's karate club as a property graph: 34 persons, 78 edges, as
 * igraph_famous("Zachary") lists them. */
static tekg_graph *karate(void)
{
	igraph_t ig;
	igraph_vector_int_t el;
	tekg_graph *g = NULL;
	igraph_integer_t k;
	char id[16];
	size_t i, e;

	tekg_graph_igraph_init();
	assert_int_equal(igraph_famous(&ig, "Zachary"), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&el, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_get_edgelist(&ig, &el, 0), IGRAPH_SUCCESS);
	assert_int_equal(tekg_graph_new(&g, NULL), 0);
	for (i = 0; i < 34; i++) {
		snprintf(id, sizeof id, "n%zu", i + 1);
		assert_int_equal(tekg_graph_add_node(g, id, NULL), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", i, "person"), 0);
		snprintf(id, sizeof id, "member %zu", i + 1);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", i, id), 0);
	}
	for (k = 0; k < igraph_vector_int_size(&el); k += 2) {
		assert_int_equal(tekg_graph_add_edge(g, (size_t)VECTOR(el)[k],
		                                     (size_t)VECTOR(el)[k + 1], &e), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "co_occurs"), 0);
		assert_int_equal(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 1.0), 0);
	}
	igraph_vector_int_destroy(&el);
	igraph_destroy(&ig);
	return g;
}

static double node_d(const tekg_graph *g, const char *attr, size_t i)
{
	size_t c = tekg_graph_attr_find(g, TEKG_NODE, attr);
	tekg_attr_value v;

	assert_true(c != (size_t)-1);
	assert_true(tekg_graph_attr_get(g, TEKG_NODE, c, i, &v));
	return v.type == TEKG_ATTR_DOUBLE ? v.d : (double)v.i;
}

static int node_has(const tekg_graph *g, const char *attr, size_t i)
{
	size_t c = tekg_graph_attr_find(g, TEKG_NODE, attr);
	tekg_attr_value v;

	return c != (size_t)-1 && tekg_graph_attr_get(g, TEKG_NODE, c, i, &v);
}

static const char *note(const tekg_graph *g, const char *key)
{
	size_t i;
	const char *k, *v, *found = NULL;

	for (i = 0; i < tekg_graph_n_notes(g); i++) {
		tekg_graph_note(g, i, &k, &v);
		if (strcmp(k, key) == 0)
			found = v;
	}
	return found;
}

/* PageRank (damping 0.85, undirected) of the karate club, from python-igraph
 * 0.10.2 (Graph.Famous('Zachary').pagerank(directed=False)), cross-checked
 * with NetworkX 2.8 nx.pagerank (tol 1e-12): they agree to 1e-11. */
static const double karate_pr[34] = {
	0.096997285, 0.052876924, 0.057078509, 0.035859858, 0.021977952, 0.029111155,
	0.029111155, 0.024490497, 0.029766056, 0.014309397, 0.021977952, 0.009564745,
	0.014644892, 0.029536456, 0.014535994, 0.014535994, 0.016784005, 0.014558677,
	0.014535994, 0.019604636, 0.014535994, 0.014558677, 0.014535994, 0.031522515,
	0.021076034, 0.021006197, 0.015044038, 0.025639767, 0.019573459, 0.026288538,
	0.024590155, 0.037158087, 0.071693226, 0.100919182,
};
/* Betweenness (undirected, unnormalised), python-igraph 0.10.2 betweenness(). */
static const double karate_bc[34] = {
	231.071429, 28.478571, 75.850794, 6.288095, 0.333333, 15.833333, 15.833333,
	0.000000, 29.529365, 0.447619, 0.333333, 0.000000, 0.000000, 24.215873,
	0.000000, 0.000000, 0.000000, 0.000000, 0.000000, 17.146825, 0.000000,
	0.000000, 0.000000, 9.300000, 1.166667, 2.027778, 0.000000, 11.792063,
	0.947619, 1.542857, 7.609524, 73.009524, 76.690476, 160.551587,
};
/* Coreness, python-igraph 0.10.2 coreness(). */
static const int karate_core[34] = {4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2,
                                    2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4};

static void test_karate_measures(void **state)
{
	tekg_graph *g = karate();
	tekg_error err = {0};
	size_t i;
	double mod;

	(void)state;
	assert_int_equal(tekg_network_measures(g, NULL, &err), 0);
	for (i = 0; i < 34; i++) {
		assert_true(fabs(node_d(g, "pagerank", i) - karate_pr[i]) < 1e-6);
		assert_true(fabs(node_d(g, "betweenness", i) - karate_bc[i]) < 1e-5);
		assert_int_equal((int)node_d(g, "coreness", i), karate_core[i]);
		assert_true(node_has(g, "x", i) && node_has(g, "y", i));
		assert_true(node_d(g, "size", i) >= 4 && node_d(g, "size", i) <= 40);
		assert_true(node_d(g, "r", i) >= 0 && node_d(g, "r", i) <= 255);
	}
	assert_int_equal((int)node_d(g, "degree", 0), 16);
	assert_int_equal((int)node_d(g, "degree", 33), 17);
	assert_true(fabs(node_d(g, "weighted_degree", 33) - 17) < 1e-12);
	assert_string_equal(note(g, "betweenness"), "exact");
	/* Leiden on modularity: the karate club's best partitions score ~0.42 */
	mod = atof(note(g, "modularity"));
	print_message("karate: modularity %s, %s communities\n", note(g, "modularity"),
	              note(g, "communities"));
	assert_true(mod > 0.41 && mod < 0.42);
	assert_true(atoi(note(g, "communities")) >= 3 && atoi(note(g, "communities")) <= 5);
	/* members 1 and 34 lead different factions */
	assert_true(node_d(g, "community", 0) != node_d(g, "community", 33));
	/* community 0 is the largest */
	{
		size_t n0 = 0, n1 = 0;
		for (i = 0; i < 34; i++) {
			n0 += node_d(g, "community", i) == 0;
			n1 += node_d(g, "community", i) == 1;
		}
		assert_true(n0 >= n1);
	}
	assert_non_null(strstr(note(g, "layout"), "fruchterman_reingold:niter=500"));
	tekg_graph_free(g);
}

/* Same seed, same numbers; the layout too. */
static void test_reproducible(void **state)
{
	tekg_graph *a = karate(), *b = karate();
	size_t i;

	(void)state;
	assert_int_equal(tekg_network_measures(a, NULL, NULL), 0);
	assert_int_equal(tekg_network_measures(b, NULL, NULL), 0);
	for (i = 0; i < 34; i++) {
		assert_true(node_d(a, "x", i) == node_d(b, "x", i));
		assert_true(node_d(a, "y", i) == node_d(b, "y", i));
		assert_true(node_d(a, "community", i) == node_d(b, "community", i));
	}
	tekg_graph_free(a);
	tekg_graph_free(b);
}

/* Sampled betweenness with every node as a source equals the exact one;
 * with half the sources it is an estimate of the right order. */
static void test_betweenness_sampled(void **state)
{
	tekg_graph *g = karate();
	tekg_network_opts o = {0};
	size_t i;
	double sum = 0, exact = 0;

	(void)state;
	o.measures = TEKG_NET_BETWEENNESS;
	o.betweenness_exact = 10; /* 34 > 10: sampled, 64 sources capped at n = 34 */
	assert_int_equal(tekg_network_measures(g, &o, NULL), 0);
	assert_string_equal(note(g, "betweenness"), "sampled:sources=34,seed=42,exact_max=10");
	for (i = 0; i < 34; i++) {
		assert_true(fabs(node_d(g, "betweenness", i) - karate_bc[i]) < 1e-5);
		sum += node_d(g, "betweenness", i);
		exact += karate_bc[i];
	}
	assert_true(fabs(sum - exact) < 1e-3);
	assert_false(node_has(g, "pagerank", 0));
	tekg_graph_free(g);
}

/* A small event graph: two persons at an event held in a place on a date,
 * a document mentioning them, an organization at another event. */
static tekg_graph *events(void)
{
	tekg_graph *g = NULL;
	size_t e;
	static const struct {
		const char *id, *type, *label, *aliases, *first, *last;
	} nodes[] = {
		{"d1", "document", "APEC 开幕", "", "2025-11-10", "2025-11-10"},
		{"n1", "person", "王毅", "王毅", "2025-11-10", "2025-11-12"},
		{"n2", "person", "李强", "李强|李強", "2025-11-10", "2025-12-01"},
		{"n3", "event", "亚太经合组织峰会", "APEC峰会|亞太經合組織峰會", "2025-11-10", "2025-11-10"},
		{"n4", "place", "深圳", "深圳", "2025-11-10", "2025-12-01"},
		{"n5", "date", "2025-11-10", "", "2025-11-10", "2025-11-10"},
		{"n6", "organization", "外交部", "外交部", "2025-12-01", "2025-12-01"},
		{"n7", "event", "进博会", "进博会", "2025-12-01", "2025-12-01"},
		{"n8", "person", "王毅", "王毅", "2025-12-01", "2025-12-01"},
	};
	static const struct {
		size_t s, d;
		const char *type;
		double w;
		const char *first;
	} edges[] = {
		{0, 1, "mentions", 2, "2025-11-10"}, {0, 2, "mentions", 1, "2025-11-10"},
		{1, 3, "participant", 1, "2025-11-10"}, {2, 3, "participant", 3, "2025-11-10"},
		{3, 4, "held_in", 1, "2025-11-10"}, {3, 5, "held_on", 1, "2025-11-10"},
		{1, 2, "co_occurs", 2, "2025-11-10"}, {6, 7, "organizer", 1, "2025-12-01"},
		{2, 7, "participant", 1, "2025-12-01"}, {7, 4, "held_in", 1, "2025-12-01"},
	};
	size_t i;

	assert_int_equal(tekg_graph_new(&g, NULL), 0);
	for (i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
		assert_int_equal(tekg_graph_add_node(g, nodes[i].id, NULL), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", i, nodes[i].type), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", i, nodes[i].label), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "aliases", i, nodes[i].aliases), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, nodes[i].first), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, nodes[i].last), 0);
	}
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "date", 0, "2025-11-10"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "start", 3, "2025-11"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "value", 5, "2025-11-10"), 0);
	for (i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		assert_int_equal(tekg_graph_add_edge(g, edges[i].s, edges[i].d, &e), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "type", e, edges[i].type), 0);
		assert_int_equal(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, edges[i].w), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "first_seen", e, edges[i].first), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "last_seen", e, edges[i].first), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "evidence_doc", e, "d1"), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "evidence", e, "证据"), 0);
	}
	return g;
}

static void test_view(void **state)
{
	tekg_graph *g = events();
	tekg_network_opts o = {0};

	(void)state;
	assert_int_equal(tekg_network_measures(g, NULL, NULL), 0);
	/* the document and the date stay out of the measures but get a place */
	assert_false(node_has(g, "pagerank", 0));
	assert_false(node_has(g, "degree", 5));
	assert_true(node_has(g, "x", 0) && node_has(g, "x", 5));
	assert_int_equal((int)node_d(g, "r", 0), 160);
	/* 李强: 王毅 (co_occurs), the summit, 进博会 */
	assert_int_equal((int)node_d(g, "degree", 2), 3);
	assert_true(fabs(node_d(g, "weighted_degree", 2) - 6) < 1e-12);
	tekg_graph_free(g);
	g = events();
	o.include_documents = 1;
	o.measures = TEKG_NET_DEGREE;
	assert_int_equal(tekg_network_measures(g, &o, NULL), 0);
	assert_int_equal((int)node_d(g, "degree", 0), 2);
	assert_int_equal((int)node_d(g, "degree", 2), 4);
	tekg_graph_free(g);
}

static size_t count(const tekg_graph *g, tekg_elem e)
{
	return tekg_graph_count(g, e);
}

static void test_filter(void **state)
{
	tekg_graph *g = events(), *f = NULL;
	tekg_network_opts o = {0};
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_network_filters_active(NULL), 0);
	assert_int_equal(tekg_network_filters_active(&o), 0);
	o.include_documents = o.directed = 1; /* views, not filters */
	assert_int_equal(tekg_network_filters_active(&o), 0);
	o.include_documents = o.directed = 0;
	o.min_weight = 0.5;
	assert_int_equal(tekg_network_filters_active(&o), 1);
	o.min_weight = 0;
	/* no options: a full copy */
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 9);
	assert_int_equal(count(f, TEKG_EDGE), 10);
	tekg_graph_free(f);
	/* types */
	o.types[0] = "person";
	o.types[1] = "event";
	o.n_types = 2;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 5);
	assert_int_equal(count(f, TEKG_EDGE), 4); /* 2 participant, co_occurs, participant */
	tekg_graph_free(f);
	memset(&o, 0, sizeof o);
	/* date window: December only */
	o.from = "2025-12";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_true(tekg_graph_find_node(f, "n7") != (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n3") == (size_t)-1);
	assert_true(tekg_graph_find_node(f, "d1") == (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n1") == (size_t)-1);
	assert_int_equal(count(f, TEKG_EDGE), 3);
	tekg_graph_free(f);
	/* partial dates cover their period: --to 2025-11 keeps November */
	o.from = NULL;
	o.to = "2025-11";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_true(tekg_graph_find_node(f, "n3") != (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n7") == (size_t)-1);
	tekg_graph_free(f);
	memset(&o, 0, sizeof o);
	/* an interval value A/B covers A's start to B's end: the date node
	 * 2025-10/2025-12 overlaps --from 2025-12-15 and --to 2025-10-05 */
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "value", 5, "2025-10/2025-12"), 0);
	o.to = NULL;
	o.from = "2025-12-15";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_true(tekg_graph_find_node(f, "n5") != (size_t)-1);
	tekg_graph_free(f);
	o.from = NULL;
	o.to = "2025-10-05";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_true(tekg_graph_find_node(f, "n5") != (size_t)-1);
	tekg_graph_free(f);
	o.from = "2026";
	o.to = NULL;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_true(tekg_graph_find_node(f, "n5") == (size_t)-1);
	tekg_graph_free(f);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "value", 5, "2025-11-10"), 0);
	memset(&o, 0, sizeof o);
	/* weight */
	o.min_weight = 2;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 9);
	assert_int_equal(count(f, TEKG_EDGE), 3);
	tekg_graph_free(f);
	memset(&o, 0, sizeof o);
	/* ego: 外交部 within 1 hop = itself and 进博会; 2 hops adds 李强, 深圳 */
	o.ego = "外交部";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 2);
	tekg_graph_free(f);
	o.depth = 2;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 4);
	tekg_graph_free(f);
	/* directed: 进博会 has out-edges only to 深圳 */
	o.ego = "进博会";
	o.depth = 3;
	o.directed = 1;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 2);
	tekg_graph_free(f);
	/* directed: co_occurs has no direction, so 李强 (its target) reaches 王毅
	 * as well as the two events it takes part in */
	o.ego = "李强";
	o.depth = 1;
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), 0);
	assert_int_equal(count(f, TEKG_NODE), 4);
	assert_true(tekg_graph_find_node(f, "n1") != (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n3") != (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n7") != (size_t)-1);
	tekg_graph_free(f);
	/* an ambiguous ego name */
	o.ego = "王毅";
	assert_int_equal(tekg_network_filter(&f, g, &o, &err), TEKG_EAMBIGUOUS);
	assert_null(f);
	tekg_graph_free(g);
}

/* --topic: the topic, what is about it (the summit), and their neighbours */
static void test_filter_topic(void **state)
{
	tekg_graph *g = events(), *f = NULL;
	tekg_network_opts o = {0};
	size_t t, e;

	(void)state;
	assert_int_equal(tekg_graph_add_node(g, "n9", &t), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", t, "topic"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", t, "APEC、峰会"), 0);
	assert_int_equal(tekg_graph_add_edge(g, 3, t, &e), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "about"), 0);
	o.topic = "APEC、峰会";
	assert_int_equal(tekg_network_filter(&f, g, &o, NULL), 0);
	/* topic, summit, 王毅, 李强, 深圳, the date */
	assert_int_equal(count(f, TEKG_NODE), 6);
	assert_true(tekg_graph_find_node(f, "n7") == (size_t)-1);
	assert_true(tekg_graph_find_node(f, "n2") != (size_t)-1);
	tekg_graph_free(f);
	o.topic = "no such topic";
	assert_int_equal(tekg_network_filter(&f, g, &o, NULL), TEKG_ENOTFOUND);
	o.topic = "李强"; /* not a topic */
	assert_int_equal(tekg_network_filter(&f, g, &o, NULL), TEKG_ENOTFOUND);
	tekg_graph_free(g);
}

static void test_project(void **state)
{
	tekg_graph *g = events(), *p = NULL;
	tekg_network_opts o = {0};
	size_t e, s, d;

	(void)state;
	o.projection = TEKG_PROJ_PERSON;
	assert_int_equal(tekg_network_project(&p, g, &o, NULL), 0);
	assert_int_equal(count(p, TEKG_NODE), 2); /* 王毅 and 李强 took part */
	assert_int_equal(count(p, TEKG_EDGE), 1);
	tekg_graph_edge_ends(p, 0, &s, &d);
	assert_string_equal(tekg_graph_node_id(p, s), "n1");
	assert_string_equal(tekg_graph_node_id(p, d), "n2");
	assert_string_equal(tekg_network_edge_str(p, 0, "events"), "亚太经合组织峰会");
	assert_string_equal(tekg_network_edge_str(p, 0, "event_ids"), "n3");
	assert_true(tekg_network_edge_weight(p, 0) == 1);
	tekg_graph_free(p);
	o.projection = TEKG_PROJ_ORGANIZATION;
	assert_int_equal(tekg_network_project(&p, g, &o, NULL), 0);
	assert_int_equal(count(p, TEKG_NODE), 1);
	assert_int_equal(count(p, TEKG_EDGE), 0);
	tekg_graph_free(p);
	(void)e;
	tekg_graph_free(g);
}

/* With a projection, --type, --min-weight and --ego apply to the projected
 * graph (before, --type person left no events to project and an empty
 * graph); the date window still applies before. */
static void test_apply_projection(void **state)
{
	tekg_graph *g = events(), *p = NULL;
	tekg_network_opts o = {0};
	tekg_error err = {0};

	(void)state;
	o.projection = TEKG_PROJ_PERSON;
	o.types[0] = "person";
	o.n_types = 1;
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_NODE), 2);
	assert_int_equal(count(p, TEKG_EDGE), 1);
	assert_string_equal(tekg_network_edge_str(p, 0, "type"), "shared_event");
	tekg_graph_free(p);
	/* the shared_event weight is 1: --min-weight 1 keeps it, 1.5 drops it */
	o.min_weight = 1;
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_EDGE), 1);
	tekg_graph_free(p);
	o.min_weight = 1.5;
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_NODE), 2);
	assert_int_equal(count(p, TEKG_EDGE), 0);
	tekg_graph_free(p);
	/* ego on the projection: 李强 and the 王毅 he shared the summit with */
	memset(&o, 0, sizeof o);
	o.projection = TEKG_PROJ_PERSON;
	o.ego = "李强";
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_NODE), 2);
	assert_true(tekg_graph_find_node(p, "n1") != (size_t)-1);
	assert_true(tekg_graph_find_node(p, "n2") != (size_t)-1);
	assert_int_equal(count(p, TEKG_EDGE), 1);
	tekg_graph_free(p);
	/* the window applies before: December has no shared event */
	o.ego = NULL;
	o.from = "2025-12";
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_EDGE), 0);
	tekg_graph_free(p);
	/* no projection: the plain filter */
	memset(&o, 0, sizeof o);
	o.min_weight = 2;
	assert_int_equal(tekg_network_apply(&p, g, &o, &err), 0);
	assert_int_equal(count(p, TEKG_NODE), 9);
	assert_int_equal(count(p, TEKG_EDGE), 3);
	tekg_graph_free(p);
	tekg_graph_free(g);
}

static void test_resolve(void **state)
{
	tekg_graph *g = events();
	tekg_error err = {0};
	size_t n;

	(void)state;
	assert_int_equal(tekg_network_resolve(g, "李强", NULL, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(tekg_network_resolve(g, "李強", NULL, &n, &err), 0); /* alias */
	assert_int_equal(n, 2);
	assert_int_equal(tekg_network_resolve(g, "APEC峰会", NULL, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(tekg_network_resolve(g, "n6", NULL, &n, &err), 0);
	assert_int_equal(n, 6);
	assert_int_equal(tekg_network_resolve(g, "王毅", NULL, &n, &err), TEKG_EAMBIGUOUS);
	assert_string_equal(err.msg, "'王毅' is ambiguous: 王毅 (n1, person), 王毅 (n8, person)");
	assert_int_equal(tekg_network_resolve(g, "王", NULL, &n, &err), TEKG_ENOTFOUND);
	assert_string_equal(err.msg, "no node named '王'; did you mean: 王毅 (n1, person), "
	                             "王毅 (n8, person)");
	assert_int_equal(tekg_network_resolve(g, "深圳", "person", &n, &err), TEKG_ENOTFOUND);
	assert_string_equal(err.msg, "no person named '深圳'");
	tekg_graph_free(g);
}

/* Long candidate labels: the "did you mean" list holds whole entries only
 * (never half a UTF-8 character) and says when some were left out. */
static void test_resolve_long_candidates(void **state)
{
	tekg_graph *g = events();
	tekg_error err = {0};
	char label[301], want[512], id[16];
	size_t n, i, k;

	(void)state;
	for (k = 0; k < 100; k++)
		memcpy(label + 3 * k, "长", 3);
	label[300] = '\0';
	for (k = 0; k < 3; k++) {
		snprintf(id, sizeof id, "n%zu", 101 + k);
		assert_int_equal(tekg_graph_add_node(g, id, &i), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", i, "person"), 0);
		assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", i, label), 0);
	}
	assert_int_equal(tekg_network_resolve(g, "长长", NULL, &n, &err), TEKG_ENOTFOUND);
	snprintf(want, sizeof want, "no node named '长长'; did you mean: %s (n101, person), ...",
	         label);
	assert_string_equal(err.msg, want);
	tekg_graph_free(g);
}

/* Traditional-script names fold to the simplified label. */
static void test_resolve_fold(void **state)
{
	tekg_graph *g = events();
	tekg_error err = {0};
	size_t n;

	(void)state;
	/* 亞太經合組織峰會 is an alias; 進博會 is not: it folds to 进博会 */
	assert_int_equal(tekg_network_resolve(g, "進博會", NULL, &n, &err), 0);
	assert_int_equal(n, 7);
	tekg_graph_free(g);
}

static void test_igraph_errors(void **state)
{
	igraph_t ig;
	tekg_error err = {0};
	int rc;

	(void)state;
	tekg_graph_igraph_init();
	/* an unknown famous graph: igraph reports an error, never aborts */
	rc = igraph_famous(&ig, "no such graph");
	assert_int_not_equal(rc, IGRAPH_SUCCESS);
	assert_int_equal(tekg_network_igraph_error(rc, "test", &err), TEKG_EGRAPH);
	assert_non_null(strstr(err.msg, "test: igraph: "));
	assert_non_null(strstr(err.msg, "no such graph"));
	assert_int_equal(tekg_network_igraph_error(IGRAPH_ENOMEM, "test", &err), TEKG_ENOMEM);
	assert_int_equal(tekg_network_igraph_error(IGRAPH_SUCCESS, "test", &err), 0);
}

static void test_empty(void **state)
{
	tekg_graph *g = NULL;

	(void)state;
	assert_int_equal(tekg_graph_new(&g, NULL), 0);
	assert_int_equal(tekg_network_measures(g, NULL, NULL), 0);
	/* three isolated nodes: each its own community, PageRank 1/3 */
	assert_int_equal(tekg_graph_add_node(g, "n1", NULL), 0);
	assert_int_equal(tekg_graph_add_node(g, "n2", NULL), 0);
	assert_int_equal(tekg_graph_add_node(g, "n3", NULL), 0);
	assert_int_equal(tekg_network_measures(g, NULL, NULL), 0);
	assert_true(fabs(node_d(g, "pagerank", 1) - 1.0 / 3) < 1e-9);
	assert_int_equal((int)node_d(g, "community", 2), 2);
	assert_int_equal((int)node_d(g, "degree", 0), 0);
	assert_true(node_has(g, "x", 2));
	tekg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_karate_measures),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_betweenness_sampled),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_filter_topic),
		cmocka_unit_test(test_project),
		cmocka_unit_test(test_apply_projection),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_resolve_fold),
		cmocka_unit_test(test_resolve_long_candidates),
		cmocka_unit_test(test_igraph_errors),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
