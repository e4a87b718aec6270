/*
 * network.h - the network stage: filters, projections and measures on the
 * property graph (tekg_graph), computed with igraph.
 *
 * The same options drive `tekg export`, `tekg build` and `tekg query`:
 *
 *   tekg_network_filter()    a filtered copy (types, date window, minimum
 *                            weight, ego network, topic)
 *   tekg_network_project()   the person-person (or organization-organization)
 *                            network: edge weight = shared events
 *   tekg_network_measures()  degree, weighted_degree, pagerank, betweenness,
 *                            coreness, community, x, y, size, r, g, b as node
 *                            columns, and graph notes saying how they were made
 *   tekg_network_resolve()   a name (label or alias, either script, or an
 *                            export id) -> node index
 *
 * Measures use the undirected "measure view": entity and event nodes and
 * the edges between them; document, date and topic nodes (and their edges)
 * join only with include_documents.  Parallel edges are merged (weights
 * summed) and self-loops dropped.  See docs/network.md for the betweenness
 * size rule, the Leiden settings and seed, the layout and the palette.
 *
 * Errors: 0 or a negative TEKG_E* code with a one-line message in `err`
 * (nullable).  igraph failures are TEKG_EGRAPH (TEKG_ENOMEM when igraph ran
 * out of memory) with igraph's reason in the message.  Nothing here prints,
 * exits or aborts: igraph's aborting error handler is replaced before every
 * call into igraph.
 */
#ifndef TEKG_NETWORK_H
#define TEKG_NETWORK_H

#include <stddef.h>

#include "tekg/error.h"
#include "tekg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tekg_projection {
	TEKG_PROJ_NONE = 0,
	TEKG_PROJ_PERSON,        /* persons, linked by shared events */
	TEKG_PROJ_ORGANIZATION   /* organizations, linked by shared events */
} tekg_projection;

/* Bits of tekg_network_opts.measures; 0 means all of them. */
enum {
	TEKG_NET_DEGREE = 1,       /* degree, weighted_degree */
	TEKG_NET_PAGERANK = 2,     /* pagerank, size */
	TEKG_NET_BETWEENNESS = 4,  /* betweenness */
	TEKG_NET_CORENESS = 8,     /* coreness */
	TEKG_NET_COMMUNITY = 16,   /* community, r, g, b */
	TEKG_NET_LAYOUT = 32,      /* x, y */
	TEKG_NET_ALL = 63
};

#define TEKG_NET_MAX_TYPES 8
#define TEKG_NET_SEED 42                 /* default seed: Leiden, layout, sampling */
#define TEKG_NET_BETWEENNESS_EXACT 5000  /* default: exact up to this many nodes */

/*
 * Options; zero-initialise for the defaults.  Strings are borrowed (the
 * caller keeps them alive during the call).
 */
typedef struct tekg_network_opts {
	const char *types[TEKG_NET_MAX_TYPES]; /* keep only these node types (none: all) */
	size_t n_types;
	const char *from, *to;     /* ISO date window, inclusive, partial dates allowed
	                              ("2025", "2025-12"); NULL: open */
	double min_weight;         /* drop edges lighter than this; 0 keeps all */
	const char *ego;           /* keep the ego network of this name, or NULL */
	int depth;                 /* ego radius in hops; 0 means 1 */
	const char *topic;         /* keep what is about this topic, or NULL */
	int include_documents;     /* documents, dates, topics join measures and ego walks */
	tekg_projection projection;
	int directed;              /* walks follow edge direction (source -> target);
	                              co_occurs / shared_event both ways */
	unsigned measures;         /* TEKG_NET_* bits; 0: all */
	size_t betweenness_exact;  /* exact betweenness up to this many nodes;
	                              0: TEKG_NET_BETWEENNESS_EXACT */
	unsigned long seed;        /* 0: TEKG_NET_SEED */
} tekg_network_opts;

/*
 * A filtered copy of g into *out (free with tekg_graph_free):
 *  - types: a node is kept when its type is listed (documents also when
 *    include_documents is set);
 *  - from/to: documents by date, events by start..end, dates by value, other
 *    entities and edges by first_seen..last_seen must overlap the window
 *    (partial dates cover their whole period, an interval "A/B" runs from
 *    A's start to B's end; undated elements are dropped
 *    from a windowed graph, except undated edges between kept nodes);
 *  - min_weight: lighter edges are dropped;
 *  - topic: the topic node, what is `about` it, and the neighbours of those;
 *  - ego/depth: the nodes within depth hops of ego (walking the measure view,
 *    ignoring direction unless `directed`; co_occurs and shared_event edges
 *    are crossed both ways even then), after the filters above.
 * An edge is kept when both its ends are.  Attributes and notes are copied.
 * 0, TEKG_ENOTFOUND / TEKG_EAMBIGUOUS (ego or topic name), TEKG_EINVAL,
 * TEKG_ENOMEM.  O(nodes + edges) plus the attribute copies.
 */
int tekg_network_filter(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                        tekg_error *err);

/* 1 when tekg_network_filter() with `o` could drop something (types, a
 * date window, a minimum weight, an ego or a topic is set); 0 when it would
 * only copy, so callers may use the graph as it is.  NULL gives 0. */
int tekg_network_filters_active(const tekg_network_opts *o);

/*
 * The projection o->projection of g into *out (free with tekg_graph_free):
 * one node per person (organization) that takes part in an event
 * (participant or organizer edges, either direction), attributes copied;
 * one edge per pair sharing at least one event, type "shared_event" (from
 * the smaller export id to the larger), weight = number of shared events,
 * `events` the "|"-joined event labels, `event_ids` their export ids, `docs`
 * and evidence from the first shared event's participation edge.
 * TEKG_PROJ_NONE gives a plain copy.  0, TEKG_EINVAL, TEKG_ENOMEM.
 */
int tekg_network_project(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                         tekg_error *err);

/*
 * Filters and projection in the documented order, into *out (free with
 * tekg_graph_free): without a projection, tekg_network_filter with every
 * option; with one, the date window and --topic first (they need the
 * documents, events and topics the projection drops), then the projection,
 * then node types, the minimum weight and the ego network on the projected
 * graph (so `--projection person --type person` keeps the persons and
 * `--min-weight` applies to shared_event weights).  NULL o: a plain copy.
 * Errors as tekg_network_filter and tekg_network_project; *out is NULL then.
 */
int tekg_network_apply(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                       tekg_error *err);

/*
 * Compute the measures selected by o->measures (NULL: all) on the measure
 * view of g and write them as node columns: degree (int, distinct
 * neighbours), weighted_degree, pagerank (PRPACK, damping 0.85, weighted),
 * betweenness (unweighted; exact up to o->betweenness_exact nodes, else
 * estimated from sampled sources), coreness (int), community (int, Leiden
 * on modularity, numbered by decreasing size), x, y (Fruchterman-Reingold,
 * grid variant above 1000 nodes), size (from pagerank), r, g, b (int, from
 * the community).  Nodes outside the view get x, y (the mean of their
 * neighbours' positions), size and a grey colour, nothing else.  Notes:
 * measures_view, betweenness, community, modularity, layout, seed.
 * Reproducible: the same graph and seed give the same numbers.
 * 0, TEKG_EGRAPH, TEKG_ENOMEM.
 */
int tekg_network_measures(tekg_graph *g, const tekg_network_opts *o, tekg_error *err);

/* 1 when node i belongs to the measure view under `o` (NULL: defaults). */
int tekg_network_in_view(const tekg_graph *g, size_t i, const tekg_network_opts *o);

/* 1 when edge e's direction carries no meaning (co_occurs, and the
 * projection's shared_event): directed walks cross it both ways.  0 for
 * the other relations. */
int tekg_network_edge_undirected(const tekg_graph *g, size_t e);

/* Order two export ids ("d9", "n10") by their letter, then their number
 * ("n9" < "n10"); <0, 0 or >0 like strcmp. */
int tekg_network_id_cmp(const char *a, const char *b);

/*
 * Find the node called `name`: an export id ("n12", "d3"), else an exact
 * label or alias, else the same after folding traditional to simplified
 * script (tekg_text_simplify), documents by title.  `type` (nullable)
 * restricts the node type.  A unique label match wins over alias matches.
 * 0 and *node; TEKG_ENOTFOUND (message: "no node named X", with up to 8
 * labels containing it as suggestions) or TEKG_EAMBIGUOUS (message lists the
 * candidates as "label (id, type)"); lists hold whole entries only (up to 8,
 * about 400 bytes) and end in ", ..." when some are left out; TEKG_ENOMEM.
 */
int tekg_network_resolve(const tekg_graph *g, const char *name, const char *type,
                         size_t *node, tekg_error *err);

/* A node's string attribute, or NULL (borrowed). */
const char *tekg_network_node_str(const tekg_graph *g, size_t i, const char *attr);
/* An edge's string attribute, or NULL (borrowed). */
const char *tekg_network_edge_str(const tekg_graph *g, size_t e, const char *attr);
/* An edge's weight (1 when absent). */
double tekg_network_edge_weight(const tekg_graph *g, size_t e);

#ifdef __cplusplus
}
#endif
#endif
