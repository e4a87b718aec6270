/*
 * test_export.c - the GraphML writer: schema-valid output, safe strings,
 * number formats, element order, read back by libxml2 and igraph, and no
 * file left behind when writing fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <unistd.h>

#include "tekg/export.h"
#include "tekg/graph.h"
#include "testutil.h"

/* A graph with hostile labels and every attribute type. */
static tekg_graph *sample(void)
{
	tekg_graph *g = NULL;
	size_t a, b, c, e;

	assert_int_equal(tekg_graph_new(&g, NULL), 0);
	assert_int_equal(tekg_graph_add_node(g, "d1", &a), 0);
	assert_int_equal(tekg_graph_add_node(g, "n1", &b), 0);
	assert_int_equal(tekg_graph_add_node(g, "n2", &c), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", a, "document"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", b, "person"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "type", c, "place"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", a, "a <b> & \"c\"\x01\x1f end"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", b, "王毅"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "label", c, "bad \xff\xfe utf8 \xe6\xb7"), 0);
	assert_int_equal(tekg_graph_set_int(g, TEKG_NODE, "mentions", b, 3), 0);
	assert_int_equal(tekg_graph_set_bool(g, TEKG_NODE, "date_inferred", a, 1), 0);
	assert_int_equal(tekg_graph_set_double(g, TEKG_NODE, "pagerank", b, 0.25), 0);
	assert_int_equal(tekg_graph_set_double(g, TEKG_NODE, "pagerank", c, NAN), 0);
	assert_int_equal(tekg_graph_add_edge(g, a, b, &e), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "mentions"), 0);
	assert_int_equal(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 2.0), 0);
	assert_int_equal(tekg_graph_add_edge(g, b, c, &e), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "co_occurs"), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_EDGE, "evidence", e, "line one,\r\n\t\"two\" ]]> <&>"), 0);
	assert_int_equal(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 1.5), 0);
	assert_int_equal(tekg_graph_set_note(g, "betweenness", "exact"), 0);
	return g;
}

static char *xpath_str(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;
	char *out = NULL;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)"http://graphml.graphdrawing.org/xmlns");
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	if (r && r->type == XPATH_STRING)
		out = strdup((const char *)r->stringval);
	else if (r && r->nodesetval && r->nodesetval->nodeNr > 0) {
		xmlChar *s = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
		out = strdup((const char *)s);
		xmlFree(s);
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return out;
}

static double xpath_num(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;
	double v;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)"http://graphml.graphdrawing.org/xmlns");
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	v = r ? xmlXPathCastToNumber(r) : -1;
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return v;
}

static void test_graphml_valid_and_safe(void **state)
{
	char path[] = "/tmp/tekg-test-export-XXXXXX";
	char xsd[8192];
	tekg_graph *g = sample();
	tekg_error err = {0};
	xmlDocPtr doc;
	char *s;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(tekg_export_graphml(g, path, &err), 0);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);

	/* hostile text survives as text */
	s = xpath_str(doc, "//g:node[@id='d1']/g:data[@key=//g:key[@attr.name='label']/@id]");
	assert_string_equal(s, "a <b> & \"c\" end");
	free(s);
	s = xpath_str(doc, "//g:node[@id='n2']/g:data[@key=//g:key[@attr.name='label']/@id]");
	assert_string_equal(s, "bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd");
	free(s);
	/* types and values */
	s = xpath_str(doc, "string(//g:key[@attr.name='mentions']/@attr.type)");
	assert_string_equal(s, "long");
	free(s);
	s = xpath_str(doc, "string(//g:key[@attr.name='date_inferred']/@attr.type)");
	assert_string_equal(s, "boolean");
	free(s);
	s = xpath_str(doc, "//g:node[@id='d1']/g:data[@key=//g:key[@attr.name='date_inferred']/@id]");
	assert_string_equal(s, "true");
	free(s);
	s = xpath_str(doc, "//g:node[@id='n1']/g:data[@key=//g:key[@attr.name='pagerank']/@id]");
	assert_string_equal(s, "0.25");
	free(s);
	s = xpath_str(doc, "//g:edge[@id='e0']/g:data[@key=//g:key[@attr.name='weight']/@id]");
	assert_string_equal(s, "2");
	free(s);
	/* CR LF, tab and markup in text survive a parser */
	s = xpath_str(doc, "//g:edge[@id='e1']/g:data[@key=//g:key[@attr.name='evidence']/@id]");
	assert_string_equal(s, "line one,\r\n\t\"two\" ]]> <&>");
	free(s);
	/* NaN is left out */
	assert_true(xpath_num(doc, "count(//g:node[@id='n2']/g:data[@key=//g:key[@attr.name='pagerank']/@id])") == 0);
	/* keys first, then nodes, then edges; edge ids unique */
	assert_true(xpath_num(doc, "count(//g:key[following::g:graph])") == xpath_num(doc, "count(//g:key)"));
	assert_true(xpath_num(doc, "count(//g:node[preceding::g:edge])") == 0);
	assert_true(xpath_num(doc, "count(//g:edge)") == 2);
	s = xpath_str(doc, "string(//g:graph/@edgedefault)");
	assert_string_equal(s, "directed");
	free(s);

	/* valid against the GraphML schema (offline) */
	if (shared_dir()) {
		xmlSchemaParserCtxtPtr pc;
		xmlSchemaPtr schema;
		xmlSchemaValidCtxtPtr vc;
		snprintf(xsd, sizeof xsd, "%s/schemas/graphml/graphml.xsd", shared_dir());
		pc = xmlSchemaNewParserCtxt(xsd);
		schema = xmlSchemaParse(pc);
		assert_non_null(schema);
		vc = xmlSchemaNewValidCtxt(schema);
		assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
		xmlSchemaFreeValidCtxt(vc);
		xmlSchemaFree(schema);
		xmlSchemaFreeParserCtxt(pc);
	} else {
		fprintf(stderr, "note: ../shared not found: schema validation skipped\n");
	}
	xmlFreeDoc(doc);

	/* igraph reads it back */
	{
		igraph_t ig;
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		igraph_set_error_handler(igraph_error_handler_ignore);
		igraph_set_attribute_table(&igraph_cattribute_table);
		assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
		fclose(f);
		assert_int_equal(igraph_vcount(&ig), 3);
		assert_int_equal(igraph_ecount(&ig), 2);
		assert_true(igraph_is_directed(&ig));
		/* values, through igraph's C attribute handler */
		assert_string_equal(VAS(&ig, "id", 1), "n1");
		assert_string_equal(VAS(&ig, "label", 0), "a <b> & \"c\" end");
		assert_string_equal(VAS(&ig, "label", 1), "王毅");
		assert_string_equal(VAS(&ig, "label", 2), "bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd");
		assert_true(VAN(&ig, "mentions", 1) == 3);
		assert_true(VAN(&ig, "pagerank", 1) == 0.25);
		assert_true(isnan(VAN(&ig, "pagerank", 2)));
		assert_true(VAB(&ig, "date_inferred", 0));
		assert_string_equal(EAS(&ig, "type", 1), "co_occurs");
		assert_true(EAN(&ig, "weight", 1) == 1.5);
		assert_string_equal(EAS(&ig, "evidence", 1), "line one,\r\n\t\"two\" ]]> <&>");
		igraph_destroy(&ig);
	}
	unlink(path);
	tekg_graph_free(g);
}

static void test_graphml_failure_leaves_nothing(void **state)
{
	tekg_graph *g = sample();
	tekg_error err = {0};

	(void)state;
	assert_int_equal(tekg_export_graphml(g, "/nonexistent-dir/x.graphml", &err), TEKG_EIO);
	assert_non_null(strstr(err.msg, "/nonexistent-dir/x.graphml"));
	assert_int_equal(access("/nonexistent-dir/x.graphml", F_OK), -1);
	tekg_graph_free(g);
}

static void test_graph_model(void **state)
{
	tekg_graph *g = NULL;
	tekg_attr_value v;
	size_t i, n;
	char id[16];

	(void)state;
	assert_int_equal(tekg_graph_new(&g, NULL), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "n%zu", i);
		assert_int_equal(tekg_graph_add_node(g, id, &n), 0);
		assert_int_equal(n, i);
	}
	assert_int_equal(tekg_graph_find_node(g, "n4321"), 4321);
	assert_int_equal(tekg_graph_find_node(g, "n5000"), (size_t)-1);
	assert_int_equal(tekg_graph_set_int(g, TEKG_NODE, "x", 4999, 7), 0);
	assert_int_equal(tekg_graph_set_str(g, TEKG_NODE, "x", 1, "s"), TEKG_EINVAL);
	assert_int_equal(tekg_graph_set_int(g, TEKG_NODE, "x", 5000, 1), TEKG_EINVAL);
	i = tekg_graph_attr_find(g, TEKG_NODE, "x");
	assert_int_equal(tekg_graph_attr_get(g, TEKG_NODE, i, 4999, &v), 1);
	assert_int_equal(v.i, 7);
	assert_int_equal(tekg_graph_attr_get(g, TEKG_NODE, i, 3, &v), 0);
	tekg_graph_free(g);
	tekg_graph_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graph_model),
		cmocka_unit_test(test_graphml_valid_and_safe),
		cmocka_unit_test(test_graphml_failure_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
