/*
 * build.c - store -> property graph: one node per document and entity, one
 * edge per aggregated relation, with the attributes of the graph contract
 * (docs/graph-schema.md).
 */
#include "tekg/graph.h"

#include <stdio.h>
#include <string.h>

typedef struct build_ctx {
	tekg_graph *g;
	const tekg_graph_opts *opts;
	tekg_error *err;
} build_ctx;

#define TRY(expr)                                                                      \
	do {                                                                           \
		int rc_ = (expr);                                                      \
		if (rc_)                                                               \
			return tekg_error_set(c->err, rc_, "building the graph: %s",   \
			                      tekg_strerror(rc_));                     \
	} while (0)

static int add_document(const tekg_doc_row *r, void *ud)
{
	build_ctx *c = ud;
	tekg_graph *g = c->g;
	char id[32], label[64];
	size_t i;

	if (c->opts->no_documents)
		return 0;
	snprintf(id, sizeof id, "d%lld", (long long)r->id);
	TRY(tekg_graph_add_node(g, id, &i));
	snprintf(label, sizeof label, "document %lld", (long long)r->id);
	TRY(tekg_graph_set_str(g, TEKG_NODE, "type", i, "document"));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "label", i, r->title && *r->title ? r->title : label));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "aliases", i, ""));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "mentions", i, 0));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "docs", i, 1));
	if (r->date) {
		TRY(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, r->date));
		TRY(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, r->date));
	}
	TRY(tekg_graph_set_str(g, TEKG_NODE, "title", i, r->title ? r->title : ""));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "source", i, r->url ? r->url : r->source));
	if (r->date)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "date", i, r->date));
	TRY(tekg_graph_set_bool(g, TEKG_NODE, "date_inferred", i, r->date_inferred));
	if (r->duplicate_of) {
		snprintf(label, sizeof label, "document %lld", (long long)r->duplicate_of);
		TRY(tekg_graph_set_str(g, TEKG_NODE, "duplicate_of", i,
		                       r->dup_title && *r->dup_title ? r->dup_title : label));
	}
	TRY(tekg_graph_set_int(g, TEKG_NODE, "source_start", i, r->source_start));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "source_end", i, r->source_end));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "sources", i, r->n_sources));
	return 0;
}

static int add_entity(const tekg_entity_row *r, void *ud)
{
	build_ctx *c = ud;
	tekg_graph *g = c->g;
	char id[32];
	size_t i;

	snprintf(id, sizeof id, "n%lld", (long long)r->id);
	TRY(tekg_graph_add_node(g, id, &i));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "type", i, r->type));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "label", i, r->label));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "aliases", i, r->aliases ? r->aliases : ""));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "mentions", i, r->mentions));
	TRY(tekg_graph_set_int(g, TEKG_NODE, "docs", i, r->docs));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, r->first_seen));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, r->last_seen));
	TRY(tekg_graph_set_str(g, TEKG_NODE, "key", i, r->key));
	if (r->title)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "title", i, r->title));
	if (r->kind)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "kind", i, r->kind));
	if (r->start)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "start", i, r->start));
	if (r->end)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "end", i, r->end));
	if (r->value)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "value", i, r->value));
	if (r->keywords)
		TRY(tekg_graph_set_str(g, TEKG_NODE, "keywords", i, r->keywords));
	return 0;
}

static int add_edge(const tekg_edge_row *r, void *ud)
{
	build_ctx *c = ud;
	tekg_graph *g = c->g;
	char id[32];
	size_t s, d, i;
	tekg_attr_value v;
	size_t mcol;

	if (r->src_is_doc && c->opts->no_documents)
		return 0;
	snprintf(id, sizeof id, "%c%lld", r->src_is_doc ? 'd' : 'n', (long long)r->src);
	s = tekg_graph_find_node(g, id);
	snprintf(id, sizeof id, "n%lld", (long long)r->dst);
	d = tekg_graph_find_node(g, id);
	if (s == (size_t)-1 || d == (size_t)-1)
		return 0;
	TRY(tekg_graph_add_edge(g, s, d, &i));
	TRY(tekg_graph_set_str(g, TEKG_EDGE, "type", i, r->type));
	TRY(tekg_graph_set_double(g, TEKG_EDGE, "weight", i, r->weight));
	TRY(tekg_graph_set_int(g, TEKG_EDGE, "docs", i, r->docs));
	TRY(tekg_graph_set_str(g, TEKG_EDGE, "evidence", i, r->evidence ? r->evidence : ""));
	snprintf(id, sizeof id, "d%lld", (long long)r->evidence_doc);
	TRY(tekg_graph_set_str(g, TEKG_EDGE, "evidence_doc", i, id));
	TRY(tekg_graph_set_int(g, TEKG_EDGE, "evidence_start", i, r->evidence_start));
	TRY(tekg_graph_set_int(g, TEKG_EDGE, "evidence_end", i, r->evidence_end));
	if (r->role)
		TRY(tekg_graph_set_str(g, TEKG_EDGE, "role", i, r->role));
	if (r->title)
		TRY(tekg_graph_set_str(g, TEKG_EDGE, "title", i, r->title));
	if (r->first_seen)
		TRY(tekg_graph_set_str(g, TEKG_EDGE, "first_seen", i, r->first_seen));
	if (r->last_seen)
		TRY(tekg_graph_set_str(g, TEKG_EDGE, "last_seen", i, r->last_seen));
	/* a document's mention count is the weight of its mentions edges */
	if (r->src_is_doc && strcmp(r->type, "mentions") == 0) {
		mcol = tekg_graph_attr_find(g, TEKG_NODE, "mentions");
		if (mcol != (size_t)-1 && tekg_graph_attr_get(g, TEKG_NODE, mcol, s, &v))
			TRY(tekg_graph_set_int(g, TEKG_NODE, "mentions", s, v.i + (int64_t)r->weight));
	}
	return 0;
}

int tekg_graph_from_store(tekg_graph **out, tekg_store *s, const tekg_graph_opts *opts,
                          tekg_error *err)
{
	static const tekg_graph_opts defaults = {0};
	build_ctx c;
	int rc;

	*out = NULL;
	c.opts = opts ? opts : &defaults;
	c.err = err;
	if ((rc = tekg_graph_new(&c.g, err)))
		return rc;
	if ((rc = tekg_store_each_document(s, add_document, &c, err)) ||
	    (rc = tekg_store_each_entity(s, c.opts->include_duplicates, add_entity, &c, err)) ||
	    (rc = tekg_store_each_edge(s, c.opts->include_duplicates, add_edge, &c, err))) {
		tekg_graph_free(c.g);
		return rc;
	}
	*out = c.g;
	return 0;
}
