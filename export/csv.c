/*
 * csv.c - CSV for Gephi's spreadsheet importer (Data Laboratory > Import
 * Spreadsheet): a folder with nodes.csv and edges.csv, columns as the graph
 * contract says, RFC 4180 (fields quoted when needed, quotes doubled, CRLF
 * line ends), UTF-8 without BOM.  Absent values are empty fields.
 *
 * Gephi reads some column names itself: nodes "Id" and "Label"; edges
 * "Source", "Target", "Type" (directed/undirected), "Id", "Label" and
 * "Weight".  So the node label and the edge type and weight appear only in
 * those columns, never again as attributes.
 */
#include "tekg/export.h"
#include "export/sink.h"
#include "export/xmlsafe.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NONE ((size_t)-1)

/* One field for column k of element i (nothing when absent). */
static int put_value(tekg_buf *b, const tekg_graph *g, tekg_elem e, size_t k, size_t i)
{
	tekg_attr_value v;
	char num[64];

	if (k == NONE || !tekg_graph_attr_get(g, e, k, i, &v))
		return 0;
	if (v.type == TEKG_ATTR_STRING)
		return tekg_csv_field(b, v.s);
	if (!tekg_export_scalar(&v, num, sizeof num))
		return 0;
	return tekg_buf_puts(b, num);
}

/* The remaining columns of element i, each after a comma. */
static int put_rest(tekg_buf *b, const tekg_graph *g, tekg_elem e, size_t i, size_t skip1,
                    size_t skip2)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	int rc = 0;

	for (k = 0; k < nk && rc == 0; k++) {
		if (k == skip1 || k == skip2)
			continue;
		rc = tekg_buf_putc(b, ',');
		rc = rc ? rc : put_value(b, g, e, k, i);
	}
	return rc ? rc : tekg_buf_append(b, "\r\n", 2);
}

static int put_header(tekg_buf *b, const char *fixed, const tekg_graph *g, tekg_elem e,
                      size_t skip1, size_t skip2)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	int rc = tekg_buf_puts(b, fixed);

	for (k = 0; k < nk && rc == 0; k++) {
		if (k == skip1 || k == skip2)
			continue;
		rc = tekg_buf_putc(b, ',');
		rc = rc ? rc : tekg_csv_field(b, tekg_graph_attr_name(g, e, k));
	}
	return rc ? rc : tekg_buf_append(b, "\r\n", 2);
}

static int write_nodes(tekg_sink *s, const tekg_graph *g)
{
	size_t i, nn = tekg_graph_count(g, TEKG_NODE);
	size_t label = tekg_graph_attr_find(g, TEKG_NODE, "label");
	int rc = put_header(&s->b, "Id,Label", g, TEKG_NODE, label, NONE);

	for (i = 0; i < nn && rc == 0; i++) {
		rc = tekg_csv_field(&s->b, tekg_graph_node_id(g, i));
		rc = rc ? rc : tekg_buf_putc(&s->b, ',');
		rc = rc ? rc : put_value(&s->b, g, TEKG_NODE, label, i);
		rc = rc ? rc : put_rest(&s->b, g, TEKG_NODE, i, label, NONE);
		if (rc == 0 && tekg_sink_tick(s))
			rc = TEKG_EIO;
	}
	return rc;
}

static int write_edges(tekg_sink *s, const tekg_graph *g)
{
	size_t i, src, dst, ne = tekg_graph_count(g, TEKG_EDGE);
	size_t type = tekg_graph_attr_find(g, TEKG_EDGE, "type");
	size_t weight = tekg_graph_attr_find(g, TEKG_EDGE, "weight");
	tekg_buf *b = &s->b;
	char id[24];
	int rc = put_header(b, "Source,Target,Type,Id,Label,Weight", g, TEKG_EDGE, type, weight);

	for (i = 0; i < ne && rc == 0; i++) {
		tekg_graph_edge_ends(g, i, &src, &dst);
		tekg_fmt_i64((int64_t)i, id);
		rc = tekg_csv_field(b, tekg_graph_node_id(g, src));
		rc = rc ? rc : tekg_buf_putc(b, ',');
		rc = rc ? rc : tekg_csv_field(b, tekg_graph_node_id(g, dst));
		rc = rc ? rc : tekg_buf_append(b, ",Directed,e", 11);
		rc = rc ? rc : tekg_buf_puts(b, id);
		rc = rc ? rc : tekg_buf_putc(b, ',');
		rc = rc ? rc : put_value(b, g, TEKG_EDGE, type, i);
		rc = rc ? rc : tekg_buf_putc(b, ',');
		rc = rc ? rc : put_value(b, g, TEKG_EDGE, weight, i);
		rc = rc ? rc : put_rest(b, g, TEKG_EDGE, i, type, weight);
		if (rc == 0 && tekg_sink_tick(s))
			rc = TEKG_EIO;
	}
	return rc;
}

int tekg_export_csv(const tekg_graph *g, const char *dir, tekg_error *err)
{
	char npath[4096], epath[4096];
	size_t len = strlen(dir);
	tekg_sink ns, es;
	struct stat st;
	int rc;

	if (strcmp(dir, "-") == 0 || len == 0)
		return tekg_error_set(err, TEKG_EINVAL,
		                      "CSV export writes a folder (nodes.csv, edges.csv), "
		                      "not standard output: give DIR/");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return tekg_error_set(err, TEKG_EIO, "%s: cannot create folder: %s", dir,
		                      strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return tekg_error_set(err, TEKG_EIO, "%s: not a folder", dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (snprintf(npath, sizeof npath, "%.*s/nodes.csv", (int)len, dir) >= (int)sizeof npath ||
	    snprintf(epath, sizeof epath, "%.*s/edges.csv", (int)len, dir) >= (int)sizeof epath)
		return tekg_error_set(err, TEKG_EINVAL, "%s: path too long", dir);
	if ((rc = tekg_sink_open(&ns, npath, 0, err)))
		return rc;
	ns.keep_tmp = 1;
	if ((rc = tekg_sink_close(&ns, write_nodes(&ns, g), err)))
		return rc;
	if ((rc = tekg_sink_open(&es, epath, 0, err)) == 0) {
		es.keep_tmp = 1;
		rc = tekg_sink_close(&es, write_edges(&es, g), err);
	}
	if (rc) {
		tekg_export_discard(ns.tmp);
		return rc;
	}
	/* both complete: put them in place (a file written in place, such as
	 * a FIFO, has no temporary) */
	if (ns.tmp[0] && tekg_export_commit(ns.tmp, npath)) {
		rc = tekg_error_set(err, TEKG_EIO, "%s: cannot rename into place: %s", npath,
		                    strerror(errno));
		tekg_export_discard(es.tmp);
		return rc;
	}
	if (es.tmp[0] && tekg_export_commit(es.tmp, epath))
		return tekg_error_set(err, TEKG_EIO, "%s: cannot rename into place: %s", epath,
		                      strerror(errno));
	return 0;
}
