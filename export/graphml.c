/*
 * graphml.c - the GraphML writer, following the graph contract: XML
 * declaration in UTF-8, the GraphML namespace as the default namespace,
 * <key>s first (ids k0.., attr.type one of boolean long double string,
 * for="node" or "edge"), then nodes, then edges with ids e0..;
 * edgedefault="directed"; values in the C locale; NaN/Inf values left out.
 *
 * The prologue, the root and the <key> declarations go through libxml2's
 * xmlTextWriter; nodes and edges are streamed as pre-escaped markup (one
 * pass per string, see tekg_xml_escape) through the same writer in 64 KiB
 * chunks, so memory stays flat and the writer keeps up with igraph's.
 */
#include "tekg/export.h"
#include "export/sink.h"
#include "export/xmlsafe.h"
#include "util/alloc.h"

#include <stdio.h>
#include <string.h>

#define NS "http://graphml.graphdrawing.org/xmlns"
#define W(call)                                                                        \
	do {                                                                           \
		if ((call) < 0)                                                        \
			goto io_error;                                                 \
	} while (0)
#define X(s) ((const xmlChar *)(s))

static const char *graphml_type(tekg_attr_type t)
{
	switch (t) {
	case TEKG_ATTR_INT: return "long";
	case TEKG_ATTR_DOUBLE: return "double";
	case TEKG_ATTR_BOOL: return "boolean";
	default: return "string";
	}
}

static int write_keys(xmlTextWriterPtr w, const tekg_graph *g, tekg_elem e, size_t base,
                      tekg_buf *tmp)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	char id[32];

	for (k = 0; k < nk; k++) {
		snprintf(id, sizeof id, "k%zu", base + k);
		W(xmlTextWriterStartElement(w, X("key")));
		W(xmlTextWriterWriteAttribute(w, X("id"), X(id)));
		W(xmlTextWriterWriteAttribute(w, X("for"), X(e == TEKG_NODE ? "node" : "edge")));
		W(xmlTextWriterWriteAttribute(w, X("attr.name"),
		                              X(tekg_xml_safe(tmp, tekg_graph_attr_name(g, e, k)))));
		W(xmlTextWriterWriteAttribute(w, X("attr.type"),
		                              X(graphml_type(tekg_graph_attr_type(g, e, k)))));
		W(xmlTextWriterEndElement(w));
	}
	return 0;
io_error:
	return TEKG_EIO;
}

/* <data> children of element i, appended to b. */
static int put_data(tekg_buf *b, const tekg_graph *g, tekg_elem e, size_t i, size_t base)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	tekg_attr_value v;
	char num[64], key[32];
	int rc = 0;

	for (k = 0; k < nk && rc == 0; k++) {
		if (!tekg_graph_attr_get(g, e, k, i, &v))
			continue;
		if (v.type != TEKG_ATTR_STRING && !tekg_export_scalar(&v, num, sizeof num))
			continue;
		key[0] = 'k';
		tekg_fmt_i64((int64_t)(base + k), key + 1);
		rc = tekg_buf_append(b, "      <data key=\"", 17);
		rc = rc ? rc : tekg_buf_puts(b, key);
		rc = rc ? rc : tekg_buf_append(b, "\">", 2);
		if (v.type == TEKG_ATTR_STRING)
			rc = rc ? rc : tekg_xml_escape(b, v.s, 0);
		else
			rc = rc ? rc : tekg_buf_puts(b, num);
		rc = rc ? rc : tekg_buf_append(b, "</data>\n", 8);
	}
	return rc;
}

static int write_body(tekg_sink *s, const tekg_graph *g)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t nkn = tekg_graph_n_attrs(g, TEKG_NODE), i, src, dst;
	tekg_buf *b = &s->b;
	char id[24];
	int rc = tekg_buf_putc(b, '\n');

	for (i = 0; i < nn && rc == 0; i++) {
		rc = tekg_buf_append(b, "    <node id=\"", 14);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, i), 1);
		rc = rc ? rc : tekg_buf_append(b, "\">\n", 3);
		rc = rc ? rc : put_data(b, g, TEKG_NODE, i, 0);
		rc = rc ? rc : tekg_buf_append(b, "    </node>\n", 12);
		if (rc == 0 && tekg_sink_tick(s))
			return TEKG_EIO;
	}
	for (i = 0; i < ne && rc == 0; i++) {
		tekg_graph_edge_ends(g, i, &src, &dst);
		tekg_fmt_i64((int64_t)i, id);
		rc = tekg_buf_append(b, "    <edge id=\"e", 15);
		rc = rc ? rc : tekg_buf_puts(b, id);
		rc = rc ? rc : tekg_buf_append(b, "\" source=\"", 10);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, src), 1);
		rc = rc ? rc : tekg_buf_append(b, "\" target=\"", 10);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, dst), 1);
		rc = rc ? rc : tekg_buf_append(b, "\">\n", 3);
		rc = rc ? rc : put_data(b, g, TEKG_EDGE, i, nkn);
		rc = rc ? rc : tekg_buf_append(b, "    </edge>\n", 12);
		if (rc == 0 && tekg_sink_tick(s))
			return TEKG_EIO;
	}
	rc = rc ? rc : tekg_buf_append(b, "  ", 2);
	if (rc == 0 && tekg_sink_flush(s))
		rc = TEKG_EIO;
	return rc;
}

static int write_doc(tekg_sink *s, const tekg_graph *g, tekg_buf *tmp)
{
	xmlTextWriterPtr w = s->w;
	size_t nkn = tekg_graph_n_attrs(g, TEKG_NODE), i;
	int rc;

	W(xmlTextWriterSetIndent(w, 1));
	W(xmlTextWriterSetIndentString(w, X("  ")));
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w, X("graphml")));
	W(xmlTextWriterWriteAttribute(w, X("xmlns"), X(NS)));
	W(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
	                              X("http://www.w3.org/2001/XMLSchema-instance")));
	W(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
	                              X(NS " " NS "/1.0/graphml.xsd")));
	if ((rc = write_keys(w, g, TEKG_NODE, 0, tmp)) ||
	    (rc = write_keys(w, g, TEKG_EDGE, nkn, tmp)))
		return rc;
	W(xmlTextWriterStartElement(w, X("graph")));
	W(xmlTextWriterWriteAttribute(w, X("id"), X("tekg")));
	W(xmlTextWriterWriteAttribute(w, X("edgedefault"), X("directed")));
	if (tekg_graph_n_notes(g) > 0) {
		tekg_buf desc = {0};
		const char *k, *v;
		int bad = 0;
		for (i = 0; i < tekg_graph_n_notes(g) && !bad; i++) {
			tekg_graph_note(g, i, &k, &v);
			bad = tekg_buf_printf(&desc, "%s%s=%s", i ? "; " : "", k, v);
		}
		if (bad || xmlTextWriterWriteElement(w, X("desc"), X(tekg_xml_safe(tmp, desc.data))) < 0) {
			tekg_buf_free(&desc);
			goto io_error;
		}
		tekg_buf_free(&desc);
	}
	if ((rc = write_body(s, g)))
		return rc;
	W(xmlTextWriterEndElement(w)); /* graph */
	W(xmlTextWriterEndElement(w)); /* graphml */
	W(xmlTextWriterEndDocument(w));
	return 0;
io_error:
	return TEKG_EIO;
}

int tekg_export_graphml(const tekg_graph *g, const char *path, tekg_error *err)
{
	tekg_buf tmp = {0};
	tekg_sink s;
	int rc;

	if ((rc = tekg_sink_open(&s, path, 1, err)))
		return rc;
	rc = write_doc(&s, g, &tmp);
	tekg_buf_free(&tmp);
	return tekg_sink_close(&s, rc, err);
}
