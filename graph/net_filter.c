/*
 * net_filter.c - filtered copies, projections and name resolution on the
 * property graph (no igraph here; see network.h for the rules).
 */
#include "tekg/network.h"
#include "tekg/text.h"
#include "util/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- copying ------------------------------------------------------------ */

/* Copy every attribute of element `from` of src onto element `to` of dst. */
static int copy_attrs(tekg_graph *dst, const tekg_graph *src, tekg_elem e, size_t from,
                      size_t to)
{
	size_t c, nc = tekg_graph_n_attrs(src, e);
	tekg_attr_value v;
	int rc = 0;

	for (c = 0; c < nc && rc == 0; c++) {
		const char *name = tekg_graph_attr_name(src, e, c);
		if (!tekg_graph_attr_get(src, e, c, from, &v))
			continue;
		switch (v.type) {
		case TEKG_ATTR_STRING: rc = tekg_graph_set_str(dst, e, name, to, v.s); break;
		case TEKG_ATTR_INT: rc = tekg_graph_set_int(dst, e, name, to, v.i); break;
		case TEKG_ATTR_DOUBLE: rc = tekg_graph_set_double(dst, e, name, to, v.d); break;
		case TEKG_ATTR_BOOL: rc = tekg_graph_set_bool(dst, e, name, to, (int)v.i); break;
		}
	}
	return rc;
}

/* The subgraph of kept nodes and kept edges whose ends are both kept. */
static int copy_subgraph(tekg_graph **out, const tekg_graph *g, const unsigned char *nkeep,
                         const unsigned char *ekeep, tekg_error *err)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t *map = NULL, i, k, idx;
	tekg_graph *h = NULL;
	int rc;

	*out = NULL;
	if ((rc = tekg_graph_new(&h, err)))
		return rc;
	if ((map = tekg_malloc((nn ? nn : 1) * sizeof *map)) == NULL)
		goto nomem;
	for (i = 0; i < nn; i++) {
		map[i] = SIZE_MAX;
		if (nkeep && !nkeep[i])
			continue;
		if (tekg_graph_add_node(h, tekg_graph_node_id(g, i), &idx) ||
		    copy_attrs(h, g, TEKG_NODE, i, idx))
			goto nomem;
		map[i] = idx;
	}
	for (k = 0; k < ne; k++) {
		size_t s, d;
		tekg_graph_edge_ends(g, k, &s, &d);
		if ((ekeep && !ekeep[k]) || map[s] == SIZE_MAX || map[d] == SIZE_MAX)
			continue;
		if (tekg_graph_add_edge(h, map[s], map[d], &idx) || copy_attrs(h, g, TEKG_EDGE, k, idx))
			goto nomem;
	}
	for (i = 0; i < tekg_graph_n_notes(g); i++) {
		const char *key, *val;
		tekg_graph_note(g, i, &key, &val);
		if (tekg_graph_set_note(h, key, val))
			goto nomem;
	}
	tekg_free(map);
	*out = h;
	return 0;
nomem:
	tekg_free(map);
	tekg_graph_free(h);
	return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
}

/* ---- dates -------------------------------------------------------------- */

/* Partial ISO dates cover their period: "2025-12" spans 2025-12-01..31. */
static int is_prefix(const char *p, const char *s)
{
	return strncmp(p, s, strlen(p)) == 0;
}

/* The part of date value s that bounds a period: an interval "A/B" starts
 * at A and ends at B (last = 1); other values are themselves.  Copies into
 * buf (n bytes, truncating) and returns it. */
static const char *date_bound(const char *s, int last, char *buf, size_t n)
{
	const char *slash = strchr(s, '/');
	size_t len;

	if (slash == NULL)
		return s;
	if (last) {
		s = slash + 1;
		len = strlen(s);
	} else {
		len = (size_t)(slash - s);
	}
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

/* Does [lo, hi] overlap [from, to]?  NULL bounds are open.  lo and hi may
 * be intervals "A/B": lo counts from its A, hi up to its B. */
static int overlaps(const char *lo, const char *hi, const char *from, const char *to)
{
	char lb[64], hb[64];

	lo = date_bound(lo, 0, lb, sizeof lb);
	hi = date_bound(hi, 1, hb, sizeof hb);
	if (to && !(strcmp(lo, to) <= 0 || is_prefix(to, lo)))
		return 0;
	if (from && !(strcmp(hi, from) >= 0 || is_prefix(hi, from)))
		return 0;
	return 1;
}

static int node_in_window(const tekg_graph *g, size_t i, const char *from, const char *to)
{
	const char *t = tekg_network_node_str(g, i, "type"), *lo = NULL, *hi = NULL;

	if (t && strcmp(t, "document") == 0) {
		lo = hi = tekg_network_node_str(g, i, "date");
	} else if (t && strcmp(t, "date") == 0) {
		lo = hi = tekg_network_node_str(g, i, "value");
	} else if (t && strcmp(t, "event") == 0 && tekg_network_node_str(g, i, "start")) {
		lo = tekg_network_node_str(g, i, "start");
		hi = tekg_network_node_str(g, i, "end");
	}
	if (lo == NULL) {
		lo = tekg_network_node_str(g, i, "first_seen");
		hi = tekg_network_node_str(g, i, "last_seen");
	}
	if (lo == NULL || *lo == '\0')
		return 0;
	if (hi == NULL || *hi == '\0')
		hi = lo;
	return overlaps(lo, hi, from, to);
}

static int edge_in_window(const tekg_graph *g, size_t k, const char *from, const char *to)
{
	const char *lo = tekg_network_edge_str(g, k, "first_seen");
	const char *hi = tekg_network_edge_str(g, k, "last_seen");

	if (lo == NULL || *lo == '\0')
		return 1;
	return overlaps(lo, hi && *hi ? hi : lo, from, to);
}

/* ---- filter ------------------------------------------------------------- */

static int type_listed(const tekg_network_opts *o, const char *t)
{
	size_t k;

	for (k = 0; k < o->n_types; k++)
		if (t && strcmp(o->types[k], t) == 0)
			return 1;
	return 0;
}

/* Adjacency as CSR over edges: for node i, adj[off[i]..off[i+1]) are edge
 * indexes incident to i (either end). */
typedef struct adjacency {
	size_t *off, *adj;
} adjacency;

static void adjacency_free(adjacency *a)
{
	tekg_free(a->off);
	tekg_free(a->adj);
}

static int adjacency_build(adjacency *a, const tekg_graph *g)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE), k, s, d;
	size_t *pos;

	a->off = tekg_calloc(nn + 1, sizeof *a->off);
	a->adj = tekg_malloc((2 * ne + 1) * sizeof *a->adj);
	pos = tekg_malloc((nn + 1) * sizeof *pos);
	if (!a->off || !a->adj || !pos) {
		tekg_free(pos);
		adjacency_free(a);
		return TEKG_ENOMEM;
	}
	for (k = 0; k < ne; k++) {
		tekg_graph_edge_ends(g, k, &s, &d);
		a->off[s + 1]++;
		if (d != s)
			a->off[d + 1]++;
	}
	for (k = 0; k < nn; k++)
		a->off[k + 1] += a->off[k];
	memcpy(pos, a->off, (nn + 1) * sizeof *pos);
	for (k = 0; k < ne; k++) {
		tekg_graph_edge_ends(g, k, &s, &d);
		a->adj[pos[s]++] = k;
		if (d != s)
			a->adj[pos[d]++] = k;
	}
	tekg_free(pos);
	return 0;
}

int tekg_network_filters_active(const tekg_network_opts *o)
{
	return o && (o->n_types || o->from || o->to || o->min_weight > 0 || o->ego || o->topic);
}

int tekg_network_filter(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                        tekg_error *err)
{
	static const tekg_network_opts defaults;
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE), i, k;
	unsigned char *nkeep = NULL, *ekeep = NULL;
	size_t *queue = NULL, *dist = NULL;
	adjacency adj = {NULL, NULL};
	int rc = 0;

	*out = NULL;
	if (o == NULL)
		o = &defaults;
	if (o->n_types > TEKG_NET_MAX_TYPES || o->depth < 0)
		return tekg_error_set(err, TEKG_EINVAL, "filter: bad options");
	nkeep = tekg_malloc(nn + 1);
	ekeep = tekg_malloc(ne + 1);
	if (!nkeep || !ekeep || adjacency_build(&adj, g)) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (i = 0; i < nn; i++) {
		const char *t = tekg_network_node_str(g, i, "type");
		int keep = 1;
		if (o->n_types && !type_listed(o, t) &&
		    !(o->include_documents && t && strcmp(t, "document") == 0))
			keep = 0;
		if (keep && (o->from || o->to) && !node_in_window(g, i, o->from, o->to))
			keep = 0;
		nkeep[i] = (unsigned char)keep;
	}
	for (k = 0; k < ne; k++) {
		size_t s, d;
		tekg_graph_edge_ends(g, k, &s, &d);
		ekeep[k] = nkeep[s] && nkeep[d] &&
		           !(o->min_weight > 0 && tekg_network_edge_weight(g, k) < o->min_weight) &&
		           (!(o->from || o->to) || edge_in_window(g, k, o->from, o->to));
	}
	if (o->topic) {
		/* the topic, what is about it, and their neighbours */
		unsigned char *in = tekg_calloc(nn + 1, 1);
		size_t t, j;
		if (in == NULL) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		if ((rc = tekg_network_resolve(g, o->topic, "topic", &t, err))) {
			tekg_free(in);
			goto cleanup;
		}
		in[t] = 2;
		for (j = adj.off[t]; j < adj.off[t + 1]; j++) {
			size_t e = adj.adj[j], s, d;
			const char *et = tekg_network_edge_str(g, e, "type");
			tekg_graph_edge_ends(g, e, &s, &d);
			if (ekeep[e] && et && strcmp(et, "about") == 0)
				in[s == t ? d : s] = 2;
		}
		for (i = 0; i < nn; i++) {
			if (in[i] != 2 || i == t)
				continue;
			for (j = adj.off[i]; j < adj.off[i + 1]; j++) {
				size_t e = adj.adj[j], s, d;
				tekg_graph_edge_ends(g, e, &s, &d);
				if (ekeep[e] && !in[s == i ? d : s])
					in[s == i ? d : s] = 1;
			}
		}
		for (i = 0; i < nn; i++)
			nkeep[i] = nkeep[i] && in[i];
		tekg_free(in);
	}
	if (o->ego) {
		size_t start, head = 0, tail = 0, depth = o->depth > 0 ? (size_t)o->depth : 1;
		if ((rc = tekg_network_resolve(g, o->ego, NULL, &start, err)))
			goto cleanup;
		if (!nkeep[start]) {
			rc = tekg_error_set(err, TEKG_ENOTFOUND, "'%s' is outside the filtered graph",
			                    o->ego);
			goto cleanup;
		}
		queue = tekg_malloc((nn + 1) * sizeof *queue);
		dist = tekg_malloc((nn + 1) * sizeof *dist);
		if (!queue || !dist) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
		for (i = 0; i < nn; i++)
			dist[i] = SIZE_MAX;
		dist[start] = 0;
		queue[tail++] = start;
		while (head < tail) {
			size_t u = queue[head++], j;
			if (dist[u] >= depth)
				continue;
			for (j = adj.off[u]; j < adj.off[u + 1]; j++) {
				size_t e = adj.adj[j], s, d, w;
				tekg_graph_edge_ends(g, e, &s, &d);
				if (!ekeep[e] || !nkeep[s] || !nkeep[d])
					continue;
				if (o->directed && s != u && !tekg_network_edge_undirected(g, e))
					continue;
				w = s == u ? d : s;
				if (dist[w] != SIZE_MAX || !tekg_network_in_view(g, w, o))
					continue;
				dist[w] = dist[u] + 1;
				queue[tail++] = w;
			}
		}
		for (i = 0; i < nn; i++)
			nkeep[i] = nkeep[i] && dist[i] != SIZE_MAX;
	}
	rc = copy_subgraph(out, g, nkeep, ekeep, err);
cleanup:
	tekg_free(nkeep);
	tekg_free(ekeep);
	tekg_free(queue);
	tekg_free(dist);
	adjacency_free(&adj);
	return rc;
}

/* ---- projection ----------------------------------------------------------- */

typedef struct part {
	size_t a, b;        /* projected nodes (graph indexes), a's id < b's id */
	size_t event;       /* event node */
	size_t ea, eb;      /* participation edges of a and b */
} part;

int tekg_network_id_cmp(const char *x, const char *y)
{
	long long a = strtoll(x + 1, NULL, 10), b = strtoll(y + 1, NULL, 10);

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int part_cmp(const void *p, const void *q)
{
	const part *x = p, *y = q;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	if (x->event != y->event)
		return x->event < y->event ? -1 : 1;
	return 0;
}

static int ll_cmp(const void *p, const void *q)
{
	long long a = *(const long long *)p, b = *(const long long *)q;

	return a < b ? -1 : a > b;
}

int tekg_network_project(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                         tekg_error *err)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), i, j, k, np = 0, cap = 0;
	const char *want;
	adjacency adj = {NULL, NULL};
	size_t *members = NULL, *medges = NULL, *map = NULL, nm;
	part *parts = NULL;
	tekg_graph *h = NULL;
	char *labels = NULL, *ids = NULL;
	size_t llen = 0, ilen = 0;
	long long *docs = NULL;
	int rc = 0;

	*out = NULL;
	if (o == NULL || o->projection == TEKG_PROJ_NONE)
		return copy_subgraph(out, g, NULL, NULL, err);
	if (o->projection != TEKG_PROJ_PERSON && o->projection != TEKG_PROJ_ORGANIZATION)
		return tekg_error_set(err, TEKG_EINVAL, "unknown projection");
	want = o->projection == TEKG_PROJ_PERSON ? "person" : "organization";
	if (adjacency_build(&adj, g))
		goto nomem;
	members = tekg_malloc((nn + 1) * sizeof *members);
	medges = tekg_malloc((nn + 1) * sizeof *medges);
	map = tekg_malloc((nn + 1) * sizeof *map);
	if (!members || !medges || !map)
		goto nomem;
	for (i = 0; i < nn; i++)
		map[i] = SIZE_MAX;
	if ((rc = tekg_graph_new(&h, err)))
		goto cleanup;
	/* participants of each event, in edge order, first edge per member */
	for (i = 0; i < nn; i++) {
		const char *t = tekg_network_node_str(g, i, "type");
		if (!t || strcmp(t, "event") != 0)
			continue;
		nm = 0;
		for (j = adj.off[i]; j < adj.off[i + 1]; j++) {
			size_t e = adj.adj[j], s, d, w, q;
			const char *et = tekg_network_edge_str(g, e, "type"), *wt;
			tekg_graph_edge_ends(g, e, &s, &d);
			if (!et || (strcmp(et, "participant") != 0 && strcmp(et, "organizer") != 0))
				continue;
			w = s == i ? d : s;
			wt = tekg_network_node_str(g, w, "type");
			if (!wt || strcmp(wt, want) != 0)
				continue;
			for (q = 0; q < nm && members[q] != w; q++)
				;
			if (q < nm)
				continue;
			members[nm] = w;
			medges[nm++] = e;
			if (map[w] == SIZE_MAX) {
				size_t idx;
				if (tekg_graph_add_node(h, tekg_graph_node_id(g, w), &idx) ||
				    copy_attrs(h, g, TEKG_NODE, w, idx))
					goto nomem;
				map[w] = idx;
			}
		}
		for (j = 0; j < nm; j++) {
			for (k = j + 1; k < nm; k++) {
				part p;
				int c = tekg_network_id_cmp(tekg_graph_node_id(g, members[j]),
				                            tekg_graph_node_id(g, members[k]));
				if (np == cap) {
					size_t ncap = cap ? cap * 2 : 64;
					part *np2 = tekg_realloc(parts, ncap * sizeof *parts);
					if (np2 == NULL)
						goto nomem;
					parts = np2;
					cap = ncap;
				}
				p.a = c < 0 ? members[j] : members[k];
				p.b = c < 0 ? members[k] : members[j];
				p.ea = c < 0 ? medges[j] : medges[k];
				p.eb = c < 0 ? medges[k] : medges[j];
				p.event = i;
				parts[np++] = p;
			}
		}
	}
	if (np)
		qsort(parts, np, sizeof *parts, part_cmp);
	docs = tekg_malloc((2 * np + 1) * sizeof *docs);
	if (docs == NULL)
		goto nomem;
	for (j = 0; j < np; j = k) {
		size_t e, q, nd = 0, ndist = 0;
		const char *fs = NULL, *ls = NULL;
		for (k = j; k < np && parts[k].a == parts[j].a && parts[k].b == parts[j].b; k++)
			;
		tekg_free(labels);
		tekg_free(ids);
		labels = ids = NULL;
		llen = ilen = 0;
		for (q = j; q < k; q++) {
			const char *lab = tekg_network_node_str(g, parts[q].event, "label");
			const char *id = tekg_graph_node_id(g, parts[q].event);
			const char *st = tekg_network_node_str(g, parts[q].event, "start");
			const char *en = tekg_network_node_str(g, parts[q].event, "end");
			const char *dd;
			size_t la = strlen(lab ? lab : ""), ia = strlen(id);
			char *nl = tekg_realloc(labels, llen + la + 2), *ni;
			if (nl == NULL)
				goto nomem;
			labels = nl;
			ni = tekg_realloc(ids, ilen + ia + 2);
			if (ni == NULL)
				goto nomem;
			ids = ni;
			if (llen)
				labels[llen++] = '|';
			memcpy(labels + llen, lab ? lab : "", la + 1);
			llen += la;
			if (ilen)
				ids[ilen++] = '|';
			memcpy(ids + ilen, id, ia + 1);
			ilen += ia;
			if (st && (!fs || strcmp(st, fs) < 0))
				fs = st;
			if (!en)
				en = st;
			if (en && (!ls || strcmp(en, ls) > 0))
				ls = en;
			if ((dd = tekg_network_edge_str(g, parts[q].ea, "evidence_doc")))
				docs[nd++] = strtoll(dd + 1, NULL, 10);
			if ((dd = tekg_network_edge_str(g, parts[q].eb, "evidence_doc")))
				docs[nd++] = strtoll(dd + 1, NULL, 10);
		}
		qsort(docs, nd, sizeof *docs, ll_cmp);
		for (q = 0; q < nd; q++)
			if (q == 0 || docs[q] != docs[q - 1])
				ndist++;
		if (tekg_graph_add_edge(h, map[parts[j].a], map[parts[j].b], &e) ||
		    tekg_graph_set_str(h, TEKG_EDGE, "type", e, "shared_event") ||
		    tekg_graph_set_double(h, TEKG_EDGE, "weight", e, (double)(k - j)) ||
		    tekg_graph_set_int(h, TEKG_EDGE, "docs", e, (int64_t)ndist) ||
		    tekg_graph_set_str(h, TEKG_EDGE, "events", e, labels) ||
		    tekg_graph_set_str(h, TEKG_EDGE, "event_ids", e, ids))
			goto nomem;
		{
			/* evidence: a's participation in the first shared event */
			static const char *const ev[] = {"evidence", "evidence_doc"};
			static const char *const evi[] = {"evidence_start", "evidence_end"};
			size_t c;
			tekg_attr_value v;
			for (c = 0; c < 2; c++) {
				const char *s = tekg_network_edge_str(g, parts[j].ea, ev[c]);
				if (s && tekg_graph_set_str(h, TEKG_EDGE, ev[c], e, s))
					goto nomem;
			}
			for (c = 0; c < 2; c++) {
				size_t col = tekg_graph_attr_find(g, TEKG_EDGE, evi[c]);
				if (col != (size_t)-1 && tekg_graph_attr_get(g, TEKG_EDGE, col, parts[j].ea, &v) &&
				    v.type == TEKG_ATTR_INT &&
				    tekg_graph_set_int(h, TEKG_EDGE, evi[c], e, v.i))
					goto nomem;
			}
		}
		if ((fs && tekg_graph_set_str(h, TEKG_EDGE, "first_seen", e, fs)) ||
		    (ls && tekg_graph_set_str(h, TEKG_EDGE, "last_seen", e, ls)))
			goto nomem;
	}
	for (i = 0; i < tekg_graph_n_notes(g); i++) {
		const char *key, *val;
		tekg_graph_note(g, i, &key, &val);
		if (tekg_graph_set_note(h, key, val))
			goto nomem;
	}
	if (tekg_graph_set_note(h, "projection", want))
		goto nomem;
	*out = h;
	h = NULL;
	goto cleanup;
nomem:
	rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
cleanup:
	tekg_graph_free(h);
	adjacency_free(&adj);
	tekg_free(members);
	tekg_free(medges);
	tekg_free(map);
	tekg_free(parts);
	tekg_free(labels);
	tekg_free(ids);
	tekg_free(docs);
	return rc;
}

/* ---- filters and projection together -------------------------------------- */

int tekg_network_apply(tekg_graph **out, const tekg_graph *g, const tekg_network_opts *o,
                       tekg_error *err)
{
	tekg_network_opts pre, post;
	tekg_graph *a = NULL, *b = NULL;
	int rc;

	*out = NULL;
	if (o == NULL || o->projection == TEKG_PROJ_NONE)
		return tekg_network_filter(out, g, o, err);
	/* before projecting: what needs documents, events and topics */
	pre = *o;
	pre.n_types = 0;
	pre.min_weight = 0;
	pre.ego = NULL;
	pre.depth = 0;
	/* after: what is about the projected nodes and edges */
	post = *o;
	post.from = post.to = NULL;
	post.topic = NULL;
	if ((rc = tekg_network_filter(&a, g, &pre, err)) ||
	    (rc = tekg_network_project(&b, a, o, err)))
		goto cleanup;
	if (tekg_network_filters_active(&post)) {
		rc = tekg_network_filter(out, b, &post, err);
	} else {
		*out = b;
		b = NULL;
	}
cleanup:
	tekg_graph_free(a);
	tekg_graph_free(b);
	return rc;
}

/* ---- names ---------------------------------------------------------------- */

/* Does the "|"-joined list contain `name` exactly (fold: compare folded)? */
static int alias_match(const char *aliases, const char *name, int fold)
{
	const char *p = aliases;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (fold) {
			char *f = tekg_text_simplify(p, len, TEKG_SCRIPT_T2S);
			int eq = f && strcmp(f, name) == 0;
			free(f);
			if (eq)
				return 1;
		} else if (len == strlen(name) && memcmp(p, name, len) == 0) {
			return 1;
		}
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int label_match(const char *label, const char *name, int fold)
{
	char *f;
	int eq;

	if (!label)
		return 0;
	if (!fold)
		return strcmp(label, name) == 0;
	f = tekg_text_simplify(label, strlen(label), TEKG_SCRIPT_T2S);
	eq = f && strcmp(f, name) == 0;
	free(f);
	return eq;
}

#define MAX_CAND 8

/* "label (id, type), ..." of the first candidates into buf: whole entries
 * only (a label is never cut mid-character), then ", ..." when some are
 * left out (more than MAX_CAND, or no room). */
static void list_candidates(const tekg_graph *g, const size_t *c, size_t n, char *buf,
                            size_t size)
{
	static const char more[] = ", ...";
	size_t k, len = 0;
	char one[512];

	buf[0] = '\0';
	for (k = 0; k < n && k < MAX_CAND; k++) {
		const char *lab = tekg_network_node_str(g, c[k], "label");
		const char *t = tekg_network_node_str(g, c[k], "type");
		int w = snprintf(one, sizeof one, "%s%s (%s, %s)", k ? ", " : "", lab ? lab : "",
		                 tekg_graph_node_id(g, c[k]), t ? t : "?");
		if (w < 0 || (size_t)w >= sizeof one || len + (size_t)w + sizeof more > size)
			break;
		memcpy(buf + len, one, (size_t)w + 1);
		len += (size_t)w;
	}
	if (k < n && len + sizeof more <= size)
		memcpy(buf + len, k ? more : more + 2, sizeof more - (k ? 0 : 2));
}

int tekg_network_resolve(const tekg_graph *g, const char *name, const char *type,
                         size_t *node, tekg_error *err)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), i, nl = 0, na = 0, pass;
	size_t lab[MAX_CAND + 1], ali[MAX_CAND + 1];
	char *folded = NULL, list[400];
	int rc = 0;

	*node = SIZE_MAX;
	if (name == NULL || *name == '\0')
		return tekg_error_set(err, TEKG_EINVAL, "empty name");
	i = tekg_graph_find_node(g, name);
	if (i != (size_t)-1) {
		const char *t = tekg_network_node_str(g, i, "type");
		if (!type || (t && strcmp(t, type) == 0)) {
			*node = i;
			return 0;
		}
	}
	folded = tekg_text_simplify(name, strlen(name), TEKG_SCRIPT_T2S);
	for (pass = 0; pass < 2 && nl == 0 && na == 0; pass++) {
		const char *key = pass == 0 ? name : folded;
		if (key == NULL)
			break;
		if (pass == 1 && strcmp(folded, name) == 0)
			continue;
		for (i = 0; i < nn; i++) {
			const char *t = tekg_network_node_str(g, i, "type");
			if (type && (!t || strcmp(t, type) != 0))
				continue;
			if (label_match(tekg_network_node_str(g, i, "label"), key, pass)) {
				if (nl <= MAX_CAND)
					lab[nl] = i;
				nl++;
			} else if (alias_match(tekg_network_node_str(g, i, "aliases"), key, pass)) {
				if (na <= MAX_CAND)
					ali[na] = i;
				na++;
			}
		}
	}
	if (nl == 1 || (nl == 0 && na == 1)) {
		*node = nl ? lab[0] : ali[0];
		goto cleanup;
	}
	if (nl > 1 || na > 1) {
		list_candidates(g, nl ? lab : ali, nl ? nl : na, list, sizeof list);
		rc = tekg_error_set(err, TEKG_EAMBIGUOUS, "'%s' is ambiguous: %s", name, list);
		goto cleanup;
	}
	/* not found: suggest labels containing the name (or its folded form) */
	for (i = 0; i < nn && nl <= MAX_CAND; i++) {
		const char *l = tekg_network_node_str(g, i, "label");
		const char *t = tekg_network_node_str(g, i, "type");
		if (type && (!t || strcmp(t, type) != 0))
			continue;
		if (l && (strstr(l, name) || (folded && strstr(l, folded))))
			lab[nl++] = i;
	}
	if (nl) {
		list_candidates(g, lab, nl, list, sizeof list);
		rc = tekg_error_set(err, TEKG_ENOTFOUND, "no %s named '%s'; did you mean: %s",
		                    type ? type : "node", name, list);
	} else {
		rc = tekg_error_set(err, TEKG_ENOTFOUND, "no %s named '%s'", type ? type : "node",
		                    name);
	}
cleanup:
	free(folded);
	return rc;
}
