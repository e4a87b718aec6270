/*
 * graph.h - the graph stage: a property graph built from the store, the
 * form every exporter writes and every query reads.
 *
 * Nodes are documents ("d<id>") and entities ("n<id>": persons,
 * organizations, places, events, dates, topics), ids derived from store ids
 * so they are stable across exports.  Attributes are typed columns (string,
 * int, double, bool); a value may be absent.  Edges are directed as the
 * graph contract says (mentions: document -> node, ...).
 *
 * Ownership: tekg_graph_from_store() returns a graph freed with
 * tekg_graph_free(); getters return borrowed pointers valid until the graph
 * is changed or freed.
 */
#ifndef TEKG_GRAPH_H
#define TEKG_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "tekg/error.h"
#include "tekg/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tekg_attr_type {
	TEKG_ATTR_STRING = 0,
	TEKG_ATTR_INT,
	TEKG_ATTR_DOUBLE,
	TEKG_ATTR_BOOL
} tekg_attr_type;

typedef enum tekg_elem { TEKG_NODE = 0, TEKG_EDGE = 1 } tekg_elem;

typedef struct tekg_attr_value {
	tekg_attr_type type;
	const char *s;   /* STRING */
	int64_t i;       /* INT, BOOL (0/1) */
	double d;        /* DOUBLE */
} tekg_attr_value;

typedef struct tekg_graph tekg_graph;

/* Options for building; zero-initialise for the defaults. */
typedef struct tekg_graph_opts {
	int include_duplicates;  /* let near-duplicate documents count as evidence */
	int no_documents;        /* leave document nodes and mentions edges out */
} tekg_graph_opts;

/* An empty graph.  0 or TEKG_ENOMEM. */
int tekg_graph_new(tekg_graph **out, tekg_error *err);
/*
 * Build the graph from the store: document nodes with title, source, date,
 * date_inferred, duplicate_of, source_start/end; entity nodes with the
 * contract's attributes; aggregated edges with weight, docs and evidence.
 * 0, TEKG_EDB or TEKG_ENOMEM.  Memory: linear in nodes + edges.
 */
int tekg_graph_from_store(tekg_graph **out, tekg_store *s, const tekg_graph_opts *opts,
                          tekg_error *err);
void tekg_graph_free(tekg_graph *g);

size_t tekg_graph_count(const tekg_graph *g, tekg_elem e);
/* Append a node with export id `id` (copied) / an edge between node
 * indexes; *idx receives the new index.  0 or TEKG_ENOMEM. */
int tekg_graph_add_node(tekg_graph *g, const char *id, size_t *idx);
int tekg_graph_add_edge(tekg_graph *g, size_t src, size_t dst, size_t *idx);
const char *tekg_graph_node_id(const tekg_graph *g, size_t node);
/* Node index of an export id, or (size_t)-1.  O(1) average. */
size_t tekg_graph_find_node(const tekg_graph *g, const char *id);
void tekg_graph_edge_ends(const tekg_graph *g, size_t edge, size_t *src, size_t *dst);

/* Attribute columns of nodes or edges, in creation order. */
size_t tekg_graph_n_attrs(const tekg_graph *g, tekg_elem e);
const char *tekg_graph_attr_name(const tekg_graph *g, tekg_elem e, size_t col);
tekg_attr_type tekg_graph_attr_type(const tekg_graph *g, tekg_elem e, size_t col);
/* Column index by name, or (size_t)-1. */
size_t tekg_graph_attr_find(const tekg_graph *g, tekg_elem e, const char *name);
/* 1 and *v when element i has a value in column col, else 0. */
int tekg_graph_attr_get(const tekg_graph *g, tekg_elem e, size_t col, size_t i,
                        tekg_attr_value *v);

/* Set a value, creating the column with that type on first use (a later
 * set with another type is TEKG_EINVAL).  Strings are copied; NULL clears.
 * 0, TEKG_EINVAL or TEKG_ENOMEM. */
int tekg_graph_set_str(tekg_graph *g, tekg_elem e, const char *name, size_t i, const char *v);
int tekg_graph_set_int(tekg_graph *g, tekg_elem e, const char *name, size_t i, int64_t v);
int tekg_graph_set_double(tekg_graph *g, tekg_elem e, const char *name, size_t i, double v);
int tekg_graph_set_bool(tekg_graph *g, tekg_elem e, const char *name, size_t i, int v);

/* Graph-level key/value notes (e.g. how betweenness was computed),
 * written by exporters that support them.  Copied.  0 or TEKG_ENOMEM. */
int tekg_graph_set_note(tekg_graph *g, const char *key, const char *value);
size_t tekg_graph_n_notes(const tekg_graph *g);
void tekg_graph_note(const tekg_graph *g, size_t i, const char **key, const char **value);

/* Versions of igraph linked (static string). */
const char *tekg_graph_lib_version(void);

#ifdef __cplusplus
}
#endif
#endif
