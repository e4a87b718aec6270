/*
 * json.c - JSON in graphology's serialisation format, what Gephi Lite and
 * sigma.js load (graph.import(data) or Graph.from(data)):
 *
 *   {"attributes": {"creator": "tekg ...", <graph notes>},
 *    "options": {"type": "directed", "multi": true, "allowSelfLoops": true},
 *    "nodes": [{"key": "n1", "attributes": {"type": "person", ...}}, ...],
 *    "edges": [{"key": "e0", "source": "d1", "target": "n1",
 *               "attributes": {...}}, ...]}
 *
 * Values keep their types (numbers, booleans, strings); absent values and
 * NaN/Inf are left out.  Strings are made safe as in the XML writers, then
 * JSON-escaped.  A node with r, g, b also gets "color": "#rrggbb" (unless
 * it has a color column), which sigma.js draws.  One node or edge a line.
 */
#include "tekg/export.h"
#include "export/sink.h"
#include "export/xmlsafe.h"
#include "util/alloc.h"
#include "util/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NONE ((size_t)-1)

static int put_str(tekg_buf *b, tekg_buf *tmp, const char *s)
{
	const char *safe = tekg_xml_safe(tmp, s);

	return safe ? tekg_json_string(b, safe, tmp->len) : TEKG_ENOMEM;
}

/* "name":value pairs of element i; *first tracks the comma. */
static int put_attrs(tekg_buf *b, tekg_buf *tmp, const tekg_graph *g, tekg_elem e, size_t i,
                     char **keys, int *first)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	tekg_attr_value v;
	char num[64];
	int rc = 0;

	for (k = 0; k < nk && rc == 0; k++) {
		if (!tekg_graph_attr_get(g, e, k, i, &v))
			continue;
		if (v.type != TEKG_ATTR_STRING && !tekg_export_scalar(&v, num, sizeof num))
			continue;
		if (!*first)
			rc = tekg_buf_putc(b, ',');
		*first = 0;
		rc = rc ? rc : tekg_buf_puts(b, keys[k]);
		if (v.type == TEKG_ATTR_STRING)
			rc = rc ? rc : put_str(b, tmp, v.s);
		else
			rc = rc ? rc : tekg_buf_puts(b, num);
	}
	return rc;
}

static int channel(const tekg_graph *g, size_t k, size_t i, int *out)
{
	tekg_attr_value v;
	double d;

	if (k == NONE || !tekg_graph_attr_get(g, TEKG_NODE, k, i, &v))
		return 0;
	if (v.type == TEKG_ATTR_INT)
		d = (double)v.i;
	else if (v.type == TEKG_ATTR_DOUBLE && isfinite(v.d))
		d = v.d;
	else
		return 0;
	*out = (int)fmin(255, fmax(0, d));
	return 1;
}

/* `"name":` for every column of e, JSON-escaped once. */
static int make_keys(const tekg_graph *g, tekg_elem e, tekg_buf *tmp, char ***out)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	char **keys = tekg_calloc(nk ? nk : 1, sizeof *keys);
	tekg_buf kb = {0};

	*out = keys;
	if (keys == NULL)
		return TEKG_ENOMEM;
	for (k = 0; k < nk; k++) {
		tekg_buf_reset(&kb);
		if (put_str(&kb, tmp, tekg_graph_attr_name(g, e, k)) || tekg_buf_putc(&kb, ':') ||
		    (keys[k] = tekg_strdup(kb.data)) == NULL) {
			tekg_buf_free(&kb);
			return TEKG_ENOMEM;
		}
	}
	tekg_buf_free(&kb);
	return 0;
}

static void free_keys(char **keys, size_t n)
{
	size_t k;

	if (keys == NULL)
		return;
	for (k = 0; k < n; k++)
		tekg_free(keys[k]);
	tekg_free(keys);
}

static int write_doc(tekg_sink *s, const tekg_graph *g, char **nkeys, char **ekeys,
                     tekg_buf *tmp)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t i, src, dst, cr, cg, cb, ccolor;
	tekg_buf *b = &s->b;
	const char *k, *v;
	char id[24], color[16];
	int rc, first, r, gr, bl;

#ifdef TEKG_VERSION
	rc = tekg_buf_puts(b, "{\"attributes\":{\"creator\":\"tekg " TEKG_VERSION "\"");
#else
	rc = tekg_buf_puts(b, "{\"attributes\":{\"creator\":\"tekg\"");
#endif
	for (i = 0; i < tekg_graph_n_notes(g) && rc == 0; i++) {
		tekg_graph_note(g, i, &k, &v);
		rc = tekg_buf_putc(b, ',');
		rc = rc ? rc : put_str(b, tmp, k);
		rc = rc ? rc : tekg_buf_putc(b, ':');
		rc = rc ? rc : put_str(b, tmp, v);
	}
	rc = rc ? rc : tekg_buf_puts(b, "},\n\"options\":{\"type\":\"directed\",\"multi\":true,"
	                                "\"allowSelfLoops\":true},\n\"nodes\":[");
	cr = tekg_graph_attr_find(g, TEKG_NODE, "r");
	cg = tekg_graph_attr_find(g, TEKG_NODE, "g");
	cb = tekg_graph_attr_find(g, TEKG_NODE, "b");
	ccolor = tekg_graph_attr_find(g, TEKG_NODE, "color");
	for (i = 0; i < nn && rc == 0; i++) {
		rc = tekg_buf_puts(b, i ? ",\n{\"key\":" : "\n{\"key\":");
		rc = rc ? rc : put_str(b, tmp, tekg_graph_node_id(g, i));
		rc = rc ? rc : tekg_buf_puts(b, ",\"attributes\":{");
		first = 1;
		rc = rc ? rc : put_attrs(b, tmp, g, TEKG_NODE, i, nkeys, &first);
		if (rc == 0 && ccolor == NONE && channel(g, cr, i, &r) && channel(g, cg, i, &gr) &&
		    channel(g, cb, i, &bl)) {
			snprintf(color, sizeof color, "#%02x%02x%02x", r, gr, bl);
			rc = tekg_buf_printf(b, "%s\"color\":\"%s\"", first ? "" : ",", color);
		}
		rc = rc ? rc : tekg_buf_puts(b, "}}");
		if (rc == 0 && tekg_sink_tick(s))
			rc = TEKG_EIO;
	}
	rc = rc ? rc : tekg_buf_puts(b, "\n],\n\"edges\":[");
	for (i = 0; i < ne && rc == 0; i++) {
		tekg_graph_edge_ends(g, i, &src, &dst);
		tekg_fmt_i64((int64_t)i, id);
		rc = tekg_buf_puts(b, i ? ",\n{\"key\":\"e" : "\n{\"key\":\"e");
		rc = rc ? rc : tekg_buf_puts(b, id);
		rc = rc ? rc : tekg_buf_puts(b, "\",\"source\":");
		rc = rc ? rc : put_str(b, tmp, tekg_graph_node_id(g, src));
		rc = rc ? rc : tekg_buf_puts(b, ",\"target\":");
		rc = rc ? rc : put_str(b, tmp, tekg_graph_node_id(g, dst));
		rc = rc ? rc : tekg_buf_puts(b, ",\"attributes\":{");
		first = 1;
		rc = rc ? rc : put_attrs(b, tmp, g, TEKG_EDGE, i, ekeys, &first);
		rc = rc ? rc : tekg_buf_puts(b, "}}");
		if (rc == 0 && tekg_sink_tick(s))
			rc = TEKG_EIO;
	}
	rc = rc ? rc : tekg_buf_puts(b, "\n]}\n");
	return rc;
}

int tekg_export_json(const tekg_graph *g, const char *path, tekg_error *err)
{
	char **nkeys = NULL, **ekeys = NULL;
	tekg_buf tmp = {0};
	tekg_sink s;
	int rc;

	if (make_keys(g, TEKG_NODE, &tmp, &nkeys) || make_keys(g, TEKG_EDGE, &tmp, &ekeys)) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	if ((rc = tekg_sink_open(&s, path, 0, err)))
		goto cleanup;
	rc = tekg_sink_close(&s, write_doc(&s, g, nkeys, ekeys, &tmp), err);
cleanup:
	free_keys(nkeys, tekg_graph_n_attrs(g, TEKG_NODE));
	free_keys(ekeys, tekg_graph_n_attrs(g, TEKG_EDGE));
	tekg_buf_free(&tmp);
	return rc;
}
