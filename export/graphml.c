/*
 * graphml.c - the GraphML writer (libxml2 xmlTextWriter), following the
 * graph contract: XML declaration in UTF-8, the GraphML namespace as the
 * default namespace, <key>s first (ids k0.., attr.type one of boolean int
 * long float double string, for="node" or "edge"), then nodes, then edges
 * with ids e0..; values in the C locale; NaN/Inf values left out.
 */
#include "tekg/export.h"
#include "export/xmlsafe.h"
#include "util/alloc.h"

#include <libxml/xmlwriter.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* Format one value; returns 0 when it must be left out. */
static int value_text(const tekg_attr_value *v, tekg_buf *tmp, char *num, size_t n,
                      const char **out)
{
	switch (v->type) {
	case TEKG_ATTR_INT:
		snprintf(num, n, "%lld", (long long)v->i);
		*out = num;
		return 1;
	case TEKG_ATTR_BOOL:
		*out = v->i ? "true" : "false";
		return 1;
	case TEKG_ATTR_DOUBLE:
		*out = num;
		return tekg_xml_double(v->d, num, n);
	default:
		*out = tekg_xml_safe(tmp, v->s);
		return *out != NULL;
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
	return -1;
}

static int write_data(xmlTextWriterPtr w, const tekg_graph *g, tekg_elem e, size_t i,
                      size_t base, tekg_buf *tmp)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	tekg_attr_value v;
	const char *text;
	char id[32], num[64];

	for (k = 0; k < nk; k++) {
		if (!tekg_graph_attr_get(g, e, k, i, &v))
			continue;
		if (!value_text(&v, tmp, num, sizeof num, &text))
			continue;
		snprintf(id, sizeof id, "k%zu", base + k);
		W(xmlTextWriterStartElement(w, X("data")));
		W(xmlTextWriterWriteAttribute(w, X("key"), X(id)));
		W(xmlTextWriterWriteString(w, X(text)));
		W(xmlTextWriterEndElement(w));
	}
	return 0;
io_error:
	return -1;
}

static int write_doc(xmlTextWriterPtr w, const tekg_graph *g, tekg_buf *tmp)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t nkn = tekg_graph_n_attrs(g, TEKG_NODE), i, s, d;
	char id[32];

	W(xmlTextWriterSetIndent(w, 1));
	W(xmlTextWriterSetIndentString(w, X("  ")));
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w, X("graphml")));
	W(xmlTextWriterWriteAttribute(w, X("xmlns"), X(NS)));
	W(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
	                              X("http://www.w3.org/2001/XMLSchema-instance")));
	W(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
	                              X(NS " " NS "/1.0/graphml.xsd")));
	W(write_keys(w, g, TEKG_NODE, 0, tmp));
	W(write_keys(w, g, TEKG_EDGE, nkn, tmp));
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
	for (i = 0; i < nn; i++) {
		W(xmlTextWriterStartElement(w, X("node")));
		W(xmlTextWriterWriteAttribute(w, X("id"), X(tekg_graph_node_id(g, i))));
		W(write_data(w, g, TEKG_NODE, i, 0, tmp));
		W(xmlTextWriterEndElement(w));
	}
	for (i = 0; i < ne; i++) {
		tekg_graph_edge_ends(g, i, &s, &d);
		snprintf(id, sizeof id, "e%zu", i);
		W(xmlTextWriterStartElement(w, X("edge")));
		W(xmlTextWriterWriteAttribute(w, X("id"), X(id)));
		W(xmlTextWriterWriteAttribute(w, X("source"), X(tekg_graph_node_id(g, s))));
		W(xmlTextWriterWriteAttribute(w, X("target"), X(tekg_graph_node_id(g, d))));
		W(write_data(w, g, TEKG_EDGE, i, nkn, tmp));
		W(xmlTextWriterEndElement(w));
	}
	W(xmlTextWriterEndDocument(w));
	return 0;
io_error:
	return -1;
}

int tekg_export_graphml(const tekg_graph *g, const char *path, tekg_error *err)
{
	char tmpname[4096];
	xmlTextWriterPtr w = NULL;
	xmlOutputBufferPtr ob;
	tekg_buf tmp = {0};
	FILE *f;
	int to_stdout = strcmp(path, "-") == 0, rc = 0, failed;

	if (to_stdout) {
		f = stdout;
	} else {
		if (tekg_export_tmpname(path, tmpname, sizeof tmpname))
			return tekg_error_set(err, TEKG_EINVAL, "%s: path too long", path);
		if ((f = fopen(tmpname, "w")) == NULL)
			return tekg_error_set(err, TEKG_EIO, "%s: cannot write: %s", path,
			                      strerror(errno));
	}
	ob = xmlOutputBufferCreateFile(f, NULL);
	if (ob == NULL || (w = xmlNewTextWriter(ob)) == NULL) {
		if (ob && !w)
			xmlOutputBufferClose(ob);
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	failed = write_doc(w, g, &tmp) < 0;
	xmlFreeTextWriter(w); /* flushes the buffer into f */
	w = NULL;
	if (failed || fflush(f) != 0 || ferror(f)) {
		rc = tekg_error_set(err, TEKG_EIO, "%s: write failed: %s", path, strerror(errno));
		goto cleanup;
	}
cleanup:
	if (!to_stdout) {
		if (fclose(f) != 0 && rc == 0)
			rc = tekg_error_set(err, TEKG_EIO, "%s: write failed: %s", path,
			                    strerror(errno));
		if (rc == 0 && tekg_export_commit(tmpname, path))
			rc = tekg_error_set(err, TEKG_EIO, "%s: cannot rename into place: %s", path,
			                    strerror(errno));
		if (rc)
			unlink(tmpname);
	}
	tekg_buf_free(&tmp);
	return rc;
}

int tekg_export_format_pick(const char *name, const char *path, tekg_export_format *out,
                            tekg_error *err)
{
	const char *dot;

	*out = TEKG_EXPORT_GRAPHML;
	if (name) {
		if (strcmp(name, "graphml") == 0)
			return 0;
		return tekg_error_set(err, TEKG_EINVAL, "unknown format '%s' (known: graphml)", name);
	}
	if (path && (dot = strrchr(path, '.')) != NULL && strcmp(dot, ".graphml") == 0)
		return 0;
	return 0;
}

int tekg_export_write(const tekg_graph *g, tekg_export_format f, const char *path,
                      tekg_error *err)
{
	switch (f) {
	case TEKG_EXPORT_GRAPHML:
	default:
		return tekg_export_graphml(g, path, err);
	}
}

const char *tekg_export_lib_version(void)
{
	static char buf[48];

	snprintf(buf, sizeof buf, "libxml2 %s", xmlParserVersion);
	return buf;
}
