/*
 * gexf.c - the GEXF 1.3 writer for Gephi's timeline (see export.h and
 * docs/exports.md): mode="dynamic" timeformat="date", start/end on nodes
 * and edges, viz colour/position/size, typed attributes.
 *
 * Periods: a node's period is the hull of its dates (first_seen, last_seen,
 * an event's start and end, a date node's value, a document's date), each
 * widened to full dates ("2025-12" covers 2025-12-01 .. 2025-12-31).  An
 * edge takes its own first_seen..last_seen kept inside the overlap of its
 * ends' periods (so Gephi never shows an edge whose ends are hidden), the
 * overlap alone when it has no dates or falls outside it.  When the ends
 * never coexist, its own dates, else a zero-length period at the later of
 * the ends' starts; nothing (always present) only when no end is dated and
 * it has no dates of its own.  Node periods are kept in memory (22
 * bytes a node) for that; everything else streams.
 *
 * Attribute ids are the column numbers ("0", "1", ...), titles the column
 * names; ids never clash with Gephi's own columns (id, label, weight).
 */
#include "tekg/export.h"
#include "export/sink.h"
#include "export/xmlsafe.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NS "http://gexf.net/1.3"
#define NS_VIZ "http://gexf.net/1.3/viz"
#define W(call)                                                                        \
	do {                                                                           \
		if ((call) < 0)                                                        \
			goto io_error;                                                 \
	} while (0)
#define X(s) ((const xmlChar *)(s))
#define NONE ((size_t)-1)

typedef char date11[11];

/* Columns the writer treats specially (NONE when absent). */
typedef struct cols {
	size_t label, x, y, size, r, g, b;           /* node */
	size_t dates[6];                             /* node: first_seen last_seen start end value date */
	size_t etype, weight, efirst, elast;         /* edge */
} cols;

static int node_special(const cols *c, size_t k)
{
	return k == c->label || k == c->x || k == c->y || k == c->size || k == c->r ||
	       k == c->g || k == c->b;
}

static const char *gexf_type(tekg_attr_type t)
{
	switch (t) {
	case TEKG_ATTR_INT: return "long";
	case TEKG_ATTR_DOUBLE: return "double";
	case TEKG_ATTR_BOOL: return "boolean";
	default: return "string";
	}
}

/* Widen the string in column k of element i into the hull [lo, hi]. */
static void hull_add(const tekg_graph *g, tekg_elem e, size_t k, size_t i, char *lo, char *hi)
{
	tekg_attr_value v;
	date11 a, z;

	if (k == NONE || !tekg_graph_attr_get(g, e, k, i, &v) || v.type != TEKG_ATTR_STRING)
		return;
	if (!tekg_date_widen(v.s, 0, a) || !tekg_date_widen(v.s, 1, z))
		return;
	if (lo[0] == '\0' || strcmp(a, lo) < 0)
		memcpy(lo, a, sizeof a);
	if (hi[0] == '\0' || strcmp(z, hi) > 0)
		memcpy(hi, z, sizeof z);
}

/* The edge's period into lo/hi ("" when none), as the file comment says. */
static void edge_period(const tekg_graph *g, const cols *c, const date11 *nlo,
                        const date11 *nhi, size_t e, char *lo, char *hi)
{
	size_t s, d;
	date11 olo = "", ohi = "", later = "";
	const char *l1, *l2, *h1, *h2;

	tekg_graph_edge_ends(g, e, &s, &d);
	/* overlap of the ends' periods (an undated end does not constrain) */
	l1 = nlo[s], l2 = nlo[d], h1 = nhi[s], h2 = nhi[d];
	if (l1[0] && l2[0]) {
		memcpy(olo, strcmp(l1, l2) > 0 ? l1 : l2, sizeof olo);
		memcpy(ohi, strcmp(h1, h2) < 0 ? h1 : h2, sizeof ohi);
		if (strcmp(olo, ohi) > 0) {
			/* the ends never coexist: the later start, kept as a last
			 * resort so the edge still gets a period */
			memcpy(later, olo, sizeof later);
			olo[0] = ohi[0] = '\0';
		}
	} else if (l1[0] || l2[0]) {
		memcpy(olo, l1[0] ? l1 : l2, sizeof olo);
		memcpy(ohi, l1[0] ? h1 : h2, sizeof ohi);
	}
	lo[0] = hi[0] = '\0';
	hull_add(g, TEKG_EDGE, c->efirst, e, lo, hi);
	hull_add(g, TEKG_EDGE, c->elast, e, lo, hi);
	if (lo[0] && olo[0]) {
		if (strcmp(olo, lo) > 0)
			memcpy(lo, olo, sizeof olo);
		if (strcmp(ohi, hi) < 0)
			memcpy(hi, ohi, sizeof ohi);
		if (strcmp(lo, hi) > 0)
			lo[0] = '\0';
	}
	if (!lo[0]) {
		memcpy(lo, olo, sizeof olo);
		memcpy(hi, ohi, sizeof ohi);
	}
	if (!lo[0] && later[0]) { /* a zero-length spell, never "always present" */
		memcpy(lo, later, sizeof later);
		memcpy(hi, later, sizeof later);
	}
}

static int write_decls(xmlTextWriterPtr w, const tekg_graph *g, tekg_elem e, const cols *c,
                       tekg_buf *tmp)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	char id[24];

	W(xmlTextWriterStartElement(w, X("attributes")));
	W(xmlTextWriterWriteAttribute(w, X("class"), X(e == TEKG_NODE ? "node" : "edge")));
	W(xmlTextWriterWriteAttribute(w, X("mode"), X("static")));
	for (k = 0; k < nk; k++) {
		if (e == TEKG_NODE ? node_special(c, k) : k == c->weight)
			continue;
		tekg_fmt_i64((int64_t)k, id);
		W(xmlTextWriterStartElement(w, X("attribute")));
		W(xmlTextWriterWriteAttribute(w, X("id"), X(id)));
		W(xmlTextWriterWriteAttribute(w, X("title"),
		                              X(tekg_xml_safe(tmp, tekg_graph_attr_name(g, e, k)))));
		W(xmlTextWriterWriteAttribute(w, X("type"),
		                              X(gexf_type(tekg_graph_attr_type(g, e, k)))));
		W(xmlTextWriterEndElement(w));
	}
	W(xmlTextWriterEndElement(w));
	return 0;
io_error:
	return TEKG_EIO;
}

/* <attvalues> of element i (nothing when it has no values to write). */
static int put_attvalues(tekg_buf *b, const tekg_graph *g, tekg_elem e, size_t i,
                         const cols *c)
{
	size_t k, nk = tekg_graph_n_attrs(g, e);
	tekg_attr_value v;
	char num[64], id[24];
	int rc = 0, open = 0;

	for (k = 0; k < nk && rc == 0; k++) {
		if (e == TEKG_NODE ? node_special(c, k) : k == c->weight)
			continue;
		if (!tekg_graph_attr_get(g, e, k, i, &v))
			continue;
		if (v.type != TEKG_ATTR_STRING && !tekg_export_scalar(&v, num, sizeof num))
			continue;
		if (!open) {
			rc = tekg_buf_append(b, "        <attvalues>\n", 20);
			open = 1;
		}
		tekg_fmt_i64((int64_t)k, id);
		rc = rc ? rc : tekg_buf_append(b, "          <attvalue for=\"", 25);
		rc = rc ? rc : tekg_buf_puts(b, id);
		rc = rc ? rc : tekg_buf_append(b, "\" value=\"", 9);
		if (v.type == TEKG_ATTR_STRING)
			rc = rc ? rc : tekg_xml_escape(b, v.s, 1);
		else
			rc = rc ? rc : tekg_buf_puts(b, num);
		rc = rc ? rc : tekg_buf_append(b, "\"/>\n", 4);
	}
	if (open && rc == 0)
		rc = tekg_buf_append(b, "        </attvalues>\n", 21);
	return rc;
}

static int put_period(tekg_buf *b, const char *lo, const char *hi)
{
	int rc = 0;

	if (!lo[0])
		return 0;
	rc = tekg_buf_append(b, " start=\"", 8);
	rc = rc ? rc : tekg_buf_append(b, lo, 10);
	rc = rc ? rc : tekg_buf_append(b, "\" end=\"", 7);
	rc = rc ? rc : tekg_buf_append(b, hi, 10);
	return rc ? rc : tekg_buf_putc(b, '"');
}

static int get_double(const tekg_graph *g, size_t k, size_t i, double *out)
{
	tekg_attr_value v;

	if (k == NONE || !tekg_graph_attr_get(g, TEKG_NODE, k, i, &v))
		return 0;
	if (v.type == TEKG_ATTR_DOUBLE)
		*out = v.d;
	else if (v.type == TEKG_ATTR_INT)
		*out = (double)v.i;
	else
		return 0;
	return isfinite(*out);
}

static int put_viz(tekg_buf *b, const tekg_graph *g, const cols *c, size_t i)
{
	double r, gr, bl, x, y, sz;
	char n1[64], n2[64];
	int rc = 0;

	if (get_double(g, c->r, i, &r) && get_double(g, c->g, i, &gr) &&
	    get_double(g, c->b, i, &bl)) {
		rc = tekg_buf_printf(b, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n",
		                     (int)fmin(255, fmax(0, r)), (int)fmin(255, fmax(0, gr)),
		                     (int)fmin(255, fmax(0, bl)));
	}
	if (rc == 0 && get_double(g, c->x, i, &x) && get_double(g, c->y, i, &y)) {
		tekg_xml_double(x, n1, sizeof n1);
		tekg_xml_double(y, n2, sizeof n2);
		rc = tekg_buf_printf(b, "        <viz:position x=\"%s\" y=\"%s\" z=\"0\"/>\n", n1, n2);
	}
	if (rc == 0 && get_double(g, c->size, i, &sz)) {
		tekg_xml_double(fmax(0, sz), n1, sizeof n1);
		rc = tekg_buf_printf(b, "        <viz:size value=\"%s\"/>\n", n1);
	}
	return rc;
}

static int write_body(tekg_sink *s, const tekg_graph *g, const cols *c, date11 *nlo,
                      date11 *nhi)
{
	size_t nn = tekg_graph_count(g, TEKG_NODE), ne = tekg_graph_count(g, TEKG_EDGE);
	size_t i, k, src, dst;
	tekg_buf *b = &s->b;
	tekg_attr_value v;
	char num[64], id[24];
	date11 lo, hi;
	int rc = tekg_buf_printf(b, "\n    <nodes count=\"%zu\">\n", nn);

	for (i = 0; i < nn && rc == 0; i++) {
		nlo[i][0] = nhi[i][0] = '\0';
		for (k = 0; k < 6; k++)
			hull_add(g, TEKG_NODE, c->dates[k], i, nlo[i], nhi[i]);
		rc = tekg_buf_append(b, "      <node id=\"", 16);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, i), 1);
		if (rc == 0 && c->label != NONE && tekg_graph_attr_get(g, TEKG_NODE, c->label, i, &v) &&
		    v.type == TEKG_ATTR_STRING) {
			rc = tekg_buf_append(b, "\" label=\"", 9);
			rc = rc ? rc : tekg_xml_escape(b, v.s, 1);
		}
		rc = rc ? rc : tekg_buf_putc(b, '"');
		rc = rc ? rc : put_period(b, nlo[i], nhi[i]);
		rc = rc ? rc : tekg_buf_append(b, ">\n", 2);
		rc = rc ? rc : put_attvalues(b, g, TEKG_NODE, i, c);
		rc = rc ? rc : put_viz(b, g, c, i);
		rc = rc ? rc : tekg_buf_append(b, "      </node>\n", 14);
		if (rc == 0 && tekg_sink_tick(s))
			return TEKG_EIO;
	}
	rc = rc ? rc : tekg_buf_printf(b, "    </nodes>\n    <edges count=\"%zu\">\n", ne);
	for (i = 0; i < ne && rc == 0; i++) {
		tekg_graph_edge_ends(g, i, &src, &dst);
		tekg_fmt_i64((int64_t)i, id);
		rc = tekg_buf_append(b, "      <edge id=\"e", 17);
		rc = rc ? rc : tekg_buf_puts(b, id);
		rc = rc ? rc : tekg_buf_append(b, "\" source=\"", 10);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, src), 1);
		rc = rc ? rc : tekg_buf_append(b, "\" target=\"", 10);
		rc = rc ? rc : tekg_xml_escape(b, tekg_graph_node_id(g, dst), 1);
		rc = rc ? rc : tekg_buf_putc(b, '"');
		if (rc == 0 && c->etype != NONE && tekg_graph_attr_get(g, TEKG_EDGE, c->etype, i, &v) &&
		    v.type == TEKG_ATTR_STRING) {
			rc = tekg_buf_append(b, " kind=\"", 7);
			rc = rc ? rc : tekg_xml_escape(b, v.s, 1);
			rc = rc ? rc : tekg_buf_append(b, "\" label=\"", 9);
			rc = rc ? rc : tekg_xml_escape(b, v.s, 1);
			rc = rc ? rc : tekg_buf_putc(b, '"');
		}
		if (rc == 0 && c->weight != NONE && tekg_graph_attr_get(g, TEKG_EDGE, c->weight, i, &v) &&
		    v.type != TEKG_ATTR_STRING && v.type != TEKG_ATTR_BOOL &&
		    tekg_export_scalar(&v, num, sizeof num)) {
			rc = tekg_buf_append(b, " weight=\"", 9);
			rc = rc ? rc : tekg_buf_puts(b, num);
			rc = rc ? rc : tekg_buf_putc(b, '"');
		}
		edge_period(g, c, (const date11 *)nlo, (const date11 *)nhi, i, lo, hi);
		rc = rc ? rc : put_period(b, lo, hi);
		rc = rc ? rc : tekg_buf_append(b, ">\n", 2);
		rc = rc ? rc : put_attvalues(b, g, TEKG_EDGE, i, c);
		rc = rc ? rc : tekg_buf_append(b, "      </edge>\n", 14);
		if (rc == 0 && tekg_sink_tick(s))
			return TEKG_EIO;
	}
	rc = rc ? rc : tekg_buf_append(b, "    </edges>\n  ", 15);
	if (rc == 0 && tekg_sink_flush(s))
		rc = TEKG_EIO;
	return rc;
}

static int write_doc(tekg_sink *s, const tekg_graph *g, const cols *c, date11 *nlo,
                     date11 *nhi, tekg_buf *tmp)
{
	xmlTextWriterPtr w = s->w;
	size_t i;
	int rc;

	W(xmlTextWriterSetIndent(w, 1));
	W(xmlTextWriterSetIndentString(w, X("  ")));
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w, X("gexf")));
	W(xmlTextWriterWriteAttribute(w, X("xmlns"), X(NS)));
	W(xmlTextWriterWriteAttribute(w, X("xmlns:viz"), X(NS_VIZ)));
	W(xmlTextWriterWriteAttribute(w, X("version"), X("1.3")));
	W(xmlTextWriterStartElement(w, X("meta")));
#ifdef TEKG_VERSION
	W(xmlTextWriterWriteElement(w, X("creator"), X("tekg " TEKG_VERSION)));
#else
	W(xmlTextWriterWriteElement(w, X("creator"), X("tekg")));
#endif
	if (tekg_graph_n_notes(g) > 0) {
		tekg_buf desc = {0};
		const char *k, *v;
		int bad = 0;
		for (i = 0; i < tekg_graph_n_notes(g) && !bad; i++) {
			tekg_graph_note(g, i, &k, &v);
			bad = tekg_buf_printf(&desc, "%s%s=%s", i ? "; " : "", k, v);
		}
		if (bad || xmlTextWriterWriteElement(w, X("description"),
		                                     X(tekg_xml_safe(tmp, desc.data))) < 0) {
			tekg_buf_free(&desc);
			goto io_error;
		}
		tekg_buf_free(&desc);
	}
	W(xmlTextWriterEndElement(w)); /* meta */
	W(xmlTextWriterStartElement(w, X("graph")));
	W(xmlTextWriterWriteAttribute(w, X("mode"), X("dynamic")));
	W(xmlTextWriterWriteAttribute(w, X("defaultedgetype"), X("directed")));
	W(xmlTextWriterWriteAttribute(w, X("timeformat"), X("date")));
	if ((rc = write_decls(w, g, TEKG_NODE, c, tmp)) ||
	    (rc = write_decls(w, g, TEKG_EDGE, c, tmp)) ||
	    (rc = write_body(s, g, c, nlo, nhi)))
		return rc;
	W(xmlTextWriterEndElement(w)); /* graph */
	W(xmlTextWriterEndElement(w)); /* gexf */
	W(xmlTextWriterEndDocument(w));
	return 0;
io_error:
	return TEKG_EIO;
}

int tekg_export_gexf(const tekg_graph *g, const char *path, tekg_error *err)
{
	static const char *const date_cols[6] = {"first_seen", "last_seen", "start",
	                                         "end", "value", "date"};
	size_t nn = tekg_graph_count(g, TEKG_NODE), k;
	date11 *nlo = NULL, *nhi = NULL;
	tekg_buf tmp = {0};
	tekg_sink s;
	cols c;
	int rc;

	c.label = tekg_graph_attr_find(g, TEKG_NODE, "label");
	c.x = tekg_graph_attr_find(g, TEKG_NODE, "x");
	c.y = tekg_graph_attr_find(g, TEKG_NODE, "y");
	c.size = tekg_graph_attr_find(g, TEKG_NODE, "size");
	c.r = tekg_graph_attr_find(g, TEKG_NODE, "r");
	c.g = tekg_graph_attr_find(g, TEKG_NODE, "g");
	c.b = tekg_graph_attr_find(g, TEKG_NODE, "b");
	for (k = 0; k < 6; k++)
		c.dates[k] = tekg_graph_attr_find(g, TEKG_NODE, date_cols[k]);
	c.etype = tekg_graph_attr_find(g, TEKG_EDGE, "type");
	c.weight = tekg_graph_attr_find(g, TEKG_EDGE, "weight");
	c.efirst = tekg_graph_attr_find(g, TEKG_EDGE, "first_seen");
	c.elast = tekg_graph_attr_find(g, TEKG_EDGE, "last_seen");
	nlo = tekg_calloc(nn ? nn : 1, sizeof *nlo);
	nhi = tekg_calloc(nn ? nn : 1, sizeof *nhi);
	if (nlo == NULL || nhi == NULL) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
		goto cleanup;
	}
	if ((rc = tekg_sink_open(&s, path, 1, err)))
		goto cleanup;
	rc = write_doc(&s, g, &c, nlo, nhi, &tmp);
	rc = tekg_sink_close(&s, rc, err);
cleanup:
	tekg_buf_free(&tmp);
	tekg_free(nlo);
	tekg_free(nhi);
	return rc;
}
