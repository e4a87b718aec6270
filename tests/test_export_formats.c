/*
 * test_export_formats.c - the GEXF, CSV and JSON writers and the format
 * choice: RELAX NG validation of GEXF 1.3, periods widened from partial
 * dates, viz elements, exact CSV text (RFC 4180), JSON read back with
 * jansson, hostile strings in every format, and no truncated file after a
 * write that fails half-way (a file size limit in a child process).
 *
 *   test_export_formats             run the suite
 *   test_export_formats --write DIR write the sample graph as DIR/sample.graphml,
 *                                   .gexf, .json and DIR/sample_csv/ (for
 *                                   tests/cli/export_clients.sh and export_node.sh)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <dirent.h>
#include <unistd.h>

#include "tekg/export.h"
#include "tekg/graph.h"
#include "util/utf8.h"
#include "testutil.h"

#define OK(call) assert_int_equal((call), 0)

/*
 * The sample: a document, a person with a hostile label, an event dated
 * "2025-12" (a month), a date node "2025" (a year), a place with invalid
 * UTF-8; viz columns on some nodes; edges with and without dates.
 *
 *   0 d1  document  date 2025-12-03
 *   1 n1  person    first_seen 2025-11-20, last_seen 2025-12-05, x y size r g b
 *   2 n2  event     start/end 2025-12, first_seen 2025-12-03, last_seen 2025-12-03
 *   3 n3  date      value 2025, first/last_seen 2025-12-03
 *   4 n4  place     no dates at all
 */
static tekg_graph *sample(void)
{
	tekg_graph *g = NULL;
	size_t i, e;

	OK(tekg_graph_new(&g, NULL));
	OK(tekg_graph_add_node(g, "d1", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "document"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "label", i, "报道, \"第一篇\""));
	OK(tekg_graph_set_int(g, TEKG_NODE, "mentions", i, 0));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "date", i, "2025-12-03"));
	OK(tekg_graph_set_bool(g, TEKG_NODE, "date_inferred", i, 1));
	OK(tekg_graph_add_node(g, "n1", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "person"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "label", i, "王毅 <b>&\"x\"\x01\x1f\ny"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "aliases", i, "王毅|王 毅"));
	OK(tekg_graph_set_int(g, TEKG_NODE, "mentions", i, 3));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2025-11-20"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, "2025-12-05"));
	OK(tekg_graph_set_double(g, TEKG_NODE, "pagerank", i, 0.125));
	OK(tekg_graph_set_double(g, TEKG_NODE, "x", i, -12.5));
	OK(tekg_graph_set_double(g, TEKG_NODE, "y", i, 3.25));
	OK(tekg_graph_set_double(g, TEKG_NODE, "size", i, 7.5));
	OK(tekg_graph_set_int(g, TEKG_NODE, "r", i, 228));
	OK(tekg_graph_set_int(g, TEKG_NODE, "g", i, 26));
	OK(tekg_graph_set_int(g, TEKG_NODE, "b", i, 28));
	OK(tekg_graph_add_node(g, "n2", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "event"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "label", i, "亚太经合组织峰会"));
	OK(tekg_graph_set_int(g, TEKG_NODE, "mentions", i, 2));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "start", i, "2025-12"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "end", i, "2025-12"));
	OK(tekg_graph_set_double(g, TEKG_NODE, "pagerank", i, NAN));
	OK(tekg_graph_add_node(g, "n3", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "date"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "label", i, "2025年"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "last_seen", i, "2025-12-03"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "value", i, "2025"));
	OK(tekg_graph_add_node(g, "n4", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "place"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "label", i, "bad \xff\xfe utf8 \xe6\xb7"));

	OK(tekg_graph_add_edge(g, 0, 1, &e)); /* e0 mentions, no dates */
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "mentions"));
	OK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 2));
	OK(tekg_graph_add_edge(g, 1, 2, &e)); /* e1 participant, dated */
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "participant"));
	OK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 1.5));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "role", e, "出席"));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "evidence", e, "王毅出席峰会,并\"致辞\"。\r\n第二行"));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "first_seen", e, "2025-11-01"));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "last_seen", e, "2025-12-04"));
	OK(tekg_graph_add_edge(g, 2, 3, &e)); /* e2 held_on */
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "held_on"));
	OK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 1));
	OK(tekg_graph_add_edge(g, 2, 4, &e)); /* e3 held_in: n4 has no dates */
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "held_in"));
	OK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, 1));
	OK(tekg_graph_set_note(g, "betweenness", "exact"));
	return g;
}

/* A fresh empty directory under /tmp; the caller removes it with rmtree(). */
static void mktmpdir(char *out, size_t n)
{
	snprintf(out, n, "/tmp/tekg-test-exportf-XXXXXX");
	assert_non_null(mkdtemp(out));
}

static void rmtree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char p[4096];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
		if (de->d_type == DT_DIR)
			rmtree(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* Number of entries in dir other than . and .. */
static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *xp(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;
	char *out = NULL;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)"http://gexf.net/1.3");
	xmlXPathRegisterNs(ctx, (const xmlChar *)"viz", (const xmlChar *)"http://gexf.net/1.3/viz");
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	assert_non_null(r);
	if (r->type == XPATH_STRING) {
		out = strdup((const char *)r->stringval);
	} else if (r->type == XPATH_NUMBER) {
		char num[64];
		snprintf(num, sizeof num, "%g", r->floatval);
		out = strdup(num);
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	assert_non_null(out);
	return out;
}

#define XP_EQ(doc, expr, want)                                                 \
	do {                                                                   \
		char *got_ = xp((doc), (expr));                                \
		if (strcmp(got_, (want)) != 0)                                 \
			fail_msg("%s: got '%s', want '%s'", (expr), got_, (want)); \
		free(got_);                                                    \
	} while (0)

static void test_gexf(void **state)
{
	char dir[64], path[128], rng[4200];
	tekg_graph *g = sample();
	tekg_error err = {0};
	xmlDocPtr doc;

	(void)state;
	mktmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/g.gexf", dir);
	OK(tekg_export_gexf(g, path, &err));
	assert_int_equal(count_entries(dir), 1); /* no temporary left */
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);

	XP_EQ(doc, "string(/g:gexf/@version)", "1.3");
	XP_EQ(doc, "string(/g:gexf/g:graph/@mode)", "dynamic");
	XP_EQ(doc, "string(/g:gexf/g:graph/@timeformat)", "date");
	XP_EQ(doc, "string(/g:gexf/g:graph/@defaultedgetype)", "directed");
	/* labels: hostile text survives as text, controls dropped; the LF is
	 * kept through a character reference */
	XP_EQ(doc, "string(//g:node[@id='n1']/@label)", "王毅 <b>&\"x\"\ny");
	XP_EQ(doc, "string(//g:node[@id='n4']/@label)", "bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd");
	XP_EQ(doc, "string(//g:node[@id='d1']/@label)", "报道, \"第一篇\"");
	/* periods: full dates, partial ones widened */
	XP_EQ(doc, "string(//g:node[@id='d1']/@start)", "2025-12-03");
	XP_EQ(doc, "string(//g:node[@id='d1']/@end)", "2025-12-03");
	XP_EQ(doc, "string(//g:node[@id='n1']/@start)", "2025-11-20");
	XP_EQ(doc, "string(//g:node[@id='n1']/@end)", "2025-12-05");
	XP_EQ(doc, "string(//g:node[@id='n2']/@start)", "2025-12-01");
	XP_EQ(doc, "string(//g:node[@id='n2']/@end)", "2025-12-31");
	XP_EQ(doc, "string(//g:node[@id='n3']/@start)", "2025-01-01");
	XP_EQ(doc, "string(//g:node[@id='n3']/@end)", "2025-12-31");
	XP_EQ(doc, "count(//g:node[@id='n4']/@start)", "0");
	/* e0: no dates of its own -> the overlap of d1 and n1 */
	XP_EQ(doc, "string(//g:edge[@id='e0']/@start)", "2025-12-03");
	XP_EQ(doc, "string(//g:edge[@id='e0']/@end)", "2025-12-03");
	/* e1: 2025-11-01..2025-12-04 kept inside n1 ∩ n2 = 12-01..12-05 */
	XP_EQ(doc, "string(//g:edge[@id='e1']/@start)", "2025-12-01");
	XP_EQ(doc, "string(//g:edge[@id='e1']/@end)", "2025-12-04");
	/* e3: one undated end -> the other end's period */
	XP_EQ(doc, "string(//g:edge[@id='e3']/@start)", "2025-12-01");
	XP_EQ(doc, "string(//g:edge[@id='e3']/@end)", "2025-12-31");
	/* the relation: kind, label and an attvalue; weight as XML weight */
	XP_EQ(doc, "string(//g:edge[@id='e1']/@kind)", "participant");
	XP_EQ(doc, "string(//g:edge[@id='e1']/@label)", "participant");
	XP_EQ(doc, "string(//g:edge[@id='e1']/@weight)", "1.5");
	XP_EQ(doc, "count(//g:edge[@id='e1']/@type)", "0");
	XP_EQ(doc, "string(//g:edge[@id='e1']/g:attvalues/g:attvalue[@for=//g:attributes[@class='edge']"
	           "/g:attribute[@title='type']/@id]/@value)", "participant");
	XP_EQ(doc, "string(//g:edge[@id='e1']/g:attvalues/g:attvalue[@for=//g:attributes[@class='edge']"
	           "/g:attribute[@title='evidence']/@id]/@value)", "王毅出席峰会,并\"致辞\"。\r\n第二行");
	XP_EQ(doc, "count(//g:attributes[@class='edge']/g:attribute[@title='weight'])", "0");
	/* typed attributes; label and viz columns not repeated as attributes */
	XP_EQ(doc, "string(//g:attributes[@class='node']/g:attribute[@title='mentions']/@type)", "long");
	XP_EQ(doc, "string(//g:attributes[@class='node']/g:attribute[@title='pagerank']/@type)", "double");
	XP_EQ(doc, "string(//g:attributes[@class='node']/g:attribute[@title='date_inferred']/@type)", "boolean");
	XP_EQ(doc, "count(//g:attributes[@class='node']/g:attribute[@title='label' or @title='x' or "
	           "@title='y' or @title='size' or @title='r' or @title='g' or @title='b'])", "0");
	XP_EQ(doc, "string(//g:node[@id='n1']/g:attvalues/g:attvalue[@for=//g:attributes[@class='node']"
	           "/g:attribute[@title='pagerank']/@id]/@value)", "0.125");
	XP_EQ(doc, "string(//g:node[@id='d1']/g:attvalues/g:attvalue[@for=//g:attributes[@class='node']"
	           "/g:attribute[@title='date_inferred']/@id]/@value)", "true");
	/* NaN left out */
	XP_EQ(doc, "count(//g:node[@id='n2']/g:attvalues/g:attvalue[@for=//g:attributes[@class='node']"
	           "/g:attribute[@title='pagerank']/@id])", "0");
	/* viz */
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:color/@r)", "228");
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:color/@g)", "26");
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:color/@b)", "28");
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:position/@x)", "-12.5");
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:position/@y)", "3.25");
	XP_EQ(doc, "string(//g:node[@id='n1']/viz:size/@value)", "7.5");
	XP_EQ(doc, "count(//g:node[@id='n2']/viz:color)", "0");
	XP_EQ(doc, "string(/g:gexf/g:meta/g:description)", "betweenness=exact");

	if (shared_dir()) {
		xmlRelaxNGParserCtxtPtr pc;
		xmlRelaxNGPtr schema;
		xmlRelaxNGValidCtxtPtr vc;
		snprintf(rng, sizeof rng, "%s/schemas/gexf-1.3/gexf.rng", shared_dir());
		pc = xmlRelaxNGNewParserCtxt(rng);
		schema = xmlRelaxNGParse(pc);
		assert_non_null(schema);
		vc = xmlRelaxNGNewValidCtxt(schema);
		assert_int_equal(xmlRelaxNGValidateDoc(vc, doc), 0);
		xmlRelaxNGFreeValidCtxt(vc);
		xmlRelaxNGFree(schema);
		xmlRelaxNGFreeParserCtxt(pc);
	} else {
		fprintf(stderr, "note: ../shared not found: RELAX NG validation skipped\n");
	}
	xmlFreeDoc(doc);
	rmtree(dir);
	tekg_graph_free(g);
}

static void test_gexf_empty_graph_valid(void **state)
{
	char dir[64], path[128], rng[4200];
	tekg_graph *g = NULL;
	xmlDocPtr doc;

	(void)state;
	SKIP_WITHOUT_SHARED();
	mktmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/e.gexf", dir);
	OK(tekg_graph_new(&g, NULL));
	OK(tekg_export_gexf(g, path, NULL));
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	{
		xmlRelaxNGParserCtxtPtr pc;
		xmlRelaxNGPtr schema;
		xmlRelaxNGValidCtxtPtr vc;
		snprintf(rng, sizeof rng, "%s/schemas/gexf-1.3/gexf.rng", shared_dir());
		pc = xmlRelaxNGNewParserCtxt(rng);
		schema = xmlRelaxNGParse(pc);
		vc = xmlRelaxNGNewValidCtxt(schema);
		assert_int_equal(xmlRelaxNGValidateDoc(vc, doc), 0);
		xmlRelaxNGFreeValidCtxt(vc);
		xmlRelaxNGFree(schema);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	xmlFreeDoc(doc);
	rmtree(dir);
	tekg_graph_free(g);
}

/* Interval values "A/B" (date nodes, event starts) give A's first day and
 * B's last day; they used to give no period at all.  An edge between nodes
 * that never coexist still gets a period. */
static void test_gexf_intervals(void **state)
{
	char dir[64], path[128];
	tekg_graph *g = NULL;
	xmlDocPtr doc;
	size_t i, e;

	(void)state;
	mktmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/i.gexf", dir);
	OK(tekg_graph_new(&g, NULL));
	OK(tekg_graph_add_node(g, "n1", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "date"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "value", i, "2026/2030"));
	OK(tekg_graph_add_node(g, "n2", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "event"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "start", i, "2026-12-11/2026-12-12"));
	OK(tekg_graph_add_node(g, "n3", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "date"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "value", i, "2026-02/2026-03"));
	/* n4 (2020) and n5 (2024-05) never coexist: e0 without dates of its own
	 * gets a zero-length spell at the later start, e1 its own dates */
	OK(tekg_graph_add_node(g, "n4", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "person"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2020"));
	OK(tekg_graph_add_node(g, "n5", &i));
	OK(tekg_graph_set_str(g, TEKG_NODE, "type", i, "person"));
	OK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", i, "2024-05"));
	OK(tekg_graph_add_edge(g, 3, 4, &e));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "co_occurs"));
	OK(tekg_graph_add_edge(g, 3, 4, &e));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, "co_occurs"));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "first_seen", e, "2022-03-04"));
	OK(tekg_graph_set_str(g, TEKG_EDGE, "last_seen", e, "2022-03-05"));
	OK(tekg_export_gexf(g, path, NULL));
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	XP_EQ(doc, "string(//g:node[@id='n1']/@start)", "2026-01-01");
	XP_EQ(doc, "string(//g:edge[@id='e0']/@start)", "2024-05-01");
	XP_EQ(doc, "string(//g:edge[@id='e0']/@end)", "2024-05-01");
	XP_EQ(doc, "string(//g:edge[@id='e1']/@start)", "2022-03-04");
	XP_EQ(doc, "string(//g:edge[@id='e1']/@end)", "2022-03-05");
	XP_EQ(doc, "string(//g:node[@id='n1']/@end)", "2030-12-31");
	XP_EQ(doc, "string(//g:node[@id='n2']/@start)", "2026-12-11");
	XP_EQ(doc, "string(//g:node[@id='n2']/@end)", "2026-12-12");
	XP_EQ(doc, "string(//g:node[@id='n3']/@start)", "2026-02-01");
	XP_EQ(doc, "string(//g:node[@id='n3']/@end)", "2026-03-31");
	xmlFreeDoc(doc);
	rmtree(dir);
	tekg_graph_free(g);
}

static const char want_nodes[] =
	"Id,Label,type,mentions,first_seen,last_seen,date,date_inferred,aliases,pagerank,"
	"x,y,size,r,g,b,start,end,value\r\n"
	"d1,\"报道, \"\"第一篇\"\"\",document,0,2025-12-03,2025-12-03,2025-12-03,true,,,,,,,,,,,\r\n"
	"n1,\"王毅 <b>&\"\"x\"\"\ny\",person,3,2025-11-20,2025-12-05,,,王毅|王 毅,0.125,-12.5,3.25,"
	"7.5,228,26,28,,,\r\n"
	"n2,亚太经合组织峰会,event,2,2025-12-03,2025-12-03,,,,,,,,,,,2025-12,2025-12,\r\n"
	"n3,2025年,date,,2025-12-03,2025-12-03,,,,,,,,,,,,,2025\r\n"
	"n4,bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd,place,,,,,,,,,,,,,,,,\r\n";

static const char want_edges[] =
	"Source,Target,Type,Id,Label,Weight,role,evidence,first_seen,last_seen\r\n"
	"d1,n1,Directed,e0,mentions,2,,,,\r\n"
	"n1,n2,Directed,e1,participant,1.5,出席,\"王毅出席峰会,并\"\"致辞\"\"。\r\n第二行\","
	"2025-11-01,2025-12-04\r\n"
	"n2,n3,Directed,e2,held_on,1,,,,\r\n"
	"n2,n4,Directed,e3,held_in,1,,,,\r\n";

static void test_csv(void **state)
{
	char dir[64], sub[128], p[160], *text;
	tekg_graph *g = sample();
	tekg_error err = {0};

	(void)state;
	mktmpdir(dir, sizeof dir);
	/* a folder that does not exist yet, given with a trailing slash */
	snprintf(sub, sizeof sub, "%s/out/", dir);
	OK(tekg_export_csv(g, sub, &err));
	assert_int_equal(count_entries(sub), 2);
	snprintf(p, sizeof p, "%snodes.csv", sub);
	text = slurp(p, NULL);
	assert_non_null(text);
	assert_string_equal(text, want_nodes);
	free(text);
	snprintf(p, sizeof p, "%sedges.csv", sub);
	text = slurp(p, NULL);
	assert_non_null(text);
	assert_string_equal(text, want_edges);
	free(text);
	/* again into the existing folder, without the slash: replaced */
	sub[strlen(sub) - 1] = '\0';
	OK(tekg_export_csv(g, sub, &err));
	assert_int_equal(count_entries(sub), 2);
	/* not to standard output */
	assert_int_equal(tekg_export_csv(g, "-", &err), TEKG_EINVAL);
	rmtree(dir);
	tekg_graph_free(g);
}

static json_t *member(json_t *arr, const char *key)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v)
		if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
			return json_object_get(v, "attributes");
	fail_msg("no element %s", key);
	return NULL;
}

static void test_json(void **state)
{
	char dir[64], path[128];
	tekg_graph *g = sample();
	tekg_error err = {0};
	json_error_t jerr;
	json_t *root, *nodes, *edges, *a, *e1 = NULL, *v;
	size_t i;

	(void)state;
	mktmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/g.json", dir);
	OK(tekg_export_json(g, path, &err));
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		fail_msg("JSON: %s at line %d", jerr.text, jerr.line);
	assert_true(json_is_true(json_object_get(json_object_get(root, "options"), "multi")));
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "options"), "type")),
	                    "directed");
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "attributes"),
	                                                      "betweenness")), "exact");
	nodes = json_object_get(root, "nodes");
	edges = json_object_get(root, "edges");
	assert_int_equal(json_array_size(nodes), 5);
	assert_int_equal(json_array_size(edges), 4);
	a = member(nodes, "n1");
	assert_string_equal(json_string_value(json_object_get(a, "label")), "王毅 <b>&\"x\"\ny");
	assert_int_equal(json_integer_value(json_object_get(a, "mentions")), 3);
	assert_true(json_real_value(json_object_get(a, "pagerank")) == 0.125);
	assert_true(json_number_value(json_object_get(a, "x")) == -12.5);
	assert_string_equal(json_string_value(json_object_get(a, "color")), "#e41a1c");
	a = member(nodes, "d1");
	assert_true(json_is_true(json_object_get(a, "date_inferred")));
	assert_null(json_object_get(a, "color"));
	a = member(nodes, "n2");
	assert_null(json_object_get(a, "pagerank")); /* NaN left out */
	a = member(nodes, "n4");
	assert_string_equal(json_string_value(json_object_get(a, "label")),
	                    "bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd");
	json_array_foreach(edges, i, v)
		if (!strcmp(json_string_value(json_object_get(v, "key")), "e1"))
			e1 = v;
	assert_non_null(e1);
	assert_string_equal(json_string_value(json_object_get(e1, "source")), "n1");
	assert_string_equal(json_string_value(json_object_get(e1, "target")), "n2");
	a = json_object_get(e1, "attributes");
	assert_string_equal(json_string_value(json_object_get(a, "type")), "participant");
	assert_true(json_number_value(json_object_get(a, "weight")) == 1.5);
	assert_string_equal(json_string_value(json_object_get(a, "evidence")),
	                    "王毅出席峰会,并\"致辞\"。\r\n第二行");
	json_decref(root);
	rmtree(dir);
	tekg_graph_free(g);
}

static void test_format_pick(void **state)
{
	tekg_export_format f;
	tekg_error err = {0};
	char dir[64];

	(void)state;
	mktmpdir(dir, sizeof dir);
	OK(tekg_export_format_pick("gexf", "x.graphml", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GEXF);
	OK(tekg_export_format_pick("csv", "x", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_CSV);
	assert_int_equal(tekg_export_format_pick("csv", "-", &f, &err), TEKG_EINVAL);
	assert_int_equal(tekg_export_format_pick("csv", NULL, &f, &err), TEKG_EINVAL);
	OK(tekg_export_format_pick("json", NULL, &f, &err));
	assert_int_equal(f, TEKG_EXPORT_JSON);
	OK(tekg_export_format_pick("graphml", "-", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GRAPHML);
	assert_int_equal(tekg_export_format_pick("dot", NULL, &f, &err), TEKG_EINVAL);
	assert_non_null(strstr(err.msg, "graphml, gexf, csv, json"));
	OK(tekg_export_format_pick(NULL, "a/b.graphml", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GRAPHML);
	OK(tekg_export_format_pick(NULL, "a/b.gexf", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GEXF);
	OK(tekg_export_format_pick(NULL, "b.json", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_JSON);
	OK(tekg_export_format_pick(NULL, "out/", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_CSV);
	OK(tekg_export_format_pick(NULL, dir, &f, &err));
	assert_int_equal(f, TEKG_EXPORT_CSV);
	OK(tekg_export_format_pick(NULL, "-", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GRAPHML);
	OK(tekg_export_format_pick(NULL, "graph.xml", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GRAPHML);
	assert_int_equal(tekg_export_format_pick(NULL, "g.csv", &f, &err), TEKG_EINVAL);
	assert_non_null(strstr(err.msg, "DIR/"));
	/* extensions and names ignore case */
	OK(tekg_export_format_pick(NULL, "a/B.GEXF", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GEXF);
	OK(tekg_export_format_pick(NULL, "b.Json", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_JSON);
	OK(tekg_export_format_pick(NULL, "g.GraphML", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GRAPHML);
	assert_int_equal(tekg_export_format_pick(NULL, "G.CSV", &f, &err), TEKG_EINVAL);
	OK(tekg_export_format_pick("GEXF", "x", &f, &err));
	assert_int_equal(f, TEKG_EXPORT_GEXF);
	/* a single-file format cannot go to a folder: refused before writing */
	assert_int_equal(tekg_export_format_pick("graphml", dir, &f, &err), TEKG_EINVAL);
	assert_non_null(strstr(err.msg, "is a folder"));
	assert_int_equal(tekg_export_format_pick("json", "out/", &f, &err), TEKG_EINVAL);
	OK(tekg_export_format_pick("csv", dir, &f, &err));
	assert_int_equal(f, TEKG_EXPORT_CSV);
	rmdir(dir);
}

/*
 * Write a big graph in format f to `path` in a child whose file size limit
 * is 64 KiB: the write fails half-way.  Returns the child's exit status
 * (the writer's return code, negated).
 */
static int write_limited(tekg_export_format f, const char *path)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = {65536, 65536};
		tekg_graph *g = NULL;
		char id[32];
		size_t i, n;
		int rc;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		tekg_graph_new(&g, NULL);
		for (i = 0; i < 20000; i++) {
			snprintf(id, sizeof id, "n%zu", i);
			tekg_graph_add_node(g, id, &n);
			tekg_graph_set_str(g, TEKG_NODE, "label", n, "一个相当长的标签，好让文件变大");
		}
		for (i = 1; i < 20000; i++)
			tekg_graph_add_edge(g, i - 1, i, &n);
		rc = tekg_export_write(g, f, path, NULL);
		tekg_graph_free(g);
		_exit(-rc);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_failure_leaves_old_file(void **state)
{
	static const struct {
		tekg_export_format f;
		const char *name;
	} cases[] = {
		{TEKG_EXPORT_GRAPHML, "g.graphml"},
		{TEKG_EXPORT_GEXF, "g.gexf"},
		{TEKG_EXPORT_JSON, "g.json"},
		{TEKG_EXPORT_CSV, "csv"},
	};
	char dir[64], path[128], p2[160], *text;
	size_t k;
	FILE *fp;

	(void)state;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		mktmpdir(dir, sizeof dir);
		snprintf(path, sizeof path, "%s/%s", dir, cases[k].name);
		if (cases[k].f == TEKG_EXPORT_CSV) {
			assert_int_equal(mkdir(path, 0777), 0);
			snprintf(p2, sizeof p2, "%s/nodes.csv", path);
		} else {
			snprintf(p2, sizeof p2, "%s", path);
		}
		fp = fopen(p2, "w");
		assert_non_null(fp);
		fputs("old\n", fp);
		fclose(fp);
		/* EIO (2) from the child: the write failed */
		assert_int_equal(write_limited(cases[k].f, path), -TEKG_EIO);
		text = slurp(p2, NULL);
		assert_non_null(text);
		assert_string_equal(text, "old\n"); /* untouched, not truncated */
		free(text);
		/* and no temporary file left beside it */
		assert_int_equal(count_entries(cases[k].f == TEKG_EXPORT_CSV ? path : dir), 1);
		rmtree(dir);
	}
	/* an unwritable place: an error naming it, nothing created */
	{
		tekg_graph *g = sample();
		tekg_error err = {0};
		assert_int_equal(tekg_export_write(g, TEKG_EXPORT_GEXF, "/nonexistent-dir/x.gexf", &err),
		                 TEKG_EIO);
		assert_non_null(strstr(err.msg, "/nonexistent-dir/x.gexf"));
		assert_int_equal(tekg_export_write(g, TEKG_EXPORT_JSON, "/nonexistent-dir/x.json", &err),
		                 TEKG_EIO);
		assert_int_equal(tekg_export_write(g, TEKG_EXPORT_CSV, "/nonexistent-dir/x/", &err),
		                 TEKG_EIO);
		assert_int_equal(access("/nonexistent-dir", F_OK), -1);
		tekg_graph_free(g);
	}
}

/* Records of an RFC 4180 text, each with its field count, or -1 when the
 * quoting is broken.  Fills counts[0..*n). */
static int csv_shape(const char *t, int *counts, int max, int *n)
{
	int fields = 1, inq = 0;

	*n = 0;
	for (; *t; t++) {
		if (inq) {
			if (*t == '"' && t[1] == '"')
				t++;
			else if (*t == '"')
				inq = 0;
			continue;
		}
		if (*t == '"')
			inq = 1;
		else if (*t == ',')
			fields++;
		else if (*t == '\r' && t[1] == '\n') {
			if (*n >= max)
				return -1;
			counts[(*n)++] = fields;
			fields = 1;
			t++;
		} else if (*t == '\r' || *t == '\n')
			return -1; /* a bare line end outside quotes */
	}
	return inq ? -1 : 0;
}

/* Random bytes (any of 1..255) as labels, aliases and evidence: every
 * format stays well-formed, valid UTF-8 and schema-valid. */
static void test_random_bytes(void **state)
{
	char dir[64], path[160], rng[4200], xsd[4200], *text;
	tekg_graph *g = NULL;
	unsigned seed = 12345;
	size_t i, j, n, e;
	int counts[512], nrec, k;
	xmlDocPtr doc;
	json_error_t jerr;
	json_t *root;

	(void)state;
	mktmpdir(dir, sizeof dir);
	OK(tekg_graph_new(&g, NULL));
	for (i = 0; i < 200; i++) {
		char id[16], str[64];
		size_t len = (size_t)(rand_r(&seed) % 60);
		for (j = 0; j < len; j++)
			str[j] = (char)(rand_r(&seed) % 255 + 1);
		str[len] = '\0';
		snprintf(id, sizeof id, "n%zu", i);
		OK(tekg_graph_add_node(g, id, &n));
		OK(tekg_graph_set_str(g, TEKG_NODE, "label", n, str));
		OK(tekg_graph_set_str(g, TEKG_NODE, "aliases", n, str + len / 2));
		if (i > 0) {
			OK(tekg_graph_add_edge(g, i - 1, i, &e));
			OK(tekg_graph_set_str(g, TEKG_EDGE, "evidence", e, str));
			OK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, (double)i / 7));
		}
	}
	snprintf(path, sizeof path, "%s/r.graphml", dir);
	OK(tekg_export_graphml(g, path, NULL));
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	if (shared_dir()) {
		xmlSchemaParserCtxtPtr pc;
		xmlSchemaPtr schema;
		xmlSchemaValidCtxtPtr vc;
		snprintf(xsd, sizeof xsd, "%s/schemas/graphml/graphml.xsd", shared_dir());
		pc = xmlSchemaNewParserCtxt(xsd);
		schema = xmlSchemaParse(pc);
		vc = xmlSchemaNewValidCtxt(schema);
		assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
		xmlSchemaFreeValidCtxt(vc);
		xmlSchemaFree(schema);
		xmlSchemaFreeParserCtxt(pc);
	}
	xmlFreeDoc(doc);
	snprintf(path, sizeof path, "%s/r.gexf", dir);
	OK(tekg_export_gexf(g, path, NULL));
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	if (shared_dir()) {
		xmlRelaxNGParserCtxtPtr pc;
		xmlRelaxNGPtr schema;
		xmlRelaxNGValidCtxtPtr vc;
		snprintf(rng, sizeof rng, "%s/schemas/gexf-1.3/gexf.rng", shared_dir());
		pc = xmlRelaxNGNewParserCtxt(rng);
		schema = xmlRelaxNGParse(pc);
		vc = xmlRelaxNGNewValidCtxt(schema);
		assert_int_equal(xmlRelaxNGValidateDoc(vc, doc), 0);
		xmlRelaxNGFreeValidCtxt(vc);
		xmlRelaxNGFree(schema);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	xmlFreeDoc(doc);
	snprintf(path, sizeof path, "%s/r.json", dir);
	OK(tekg_export_json(g, path, NULL));
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL)
		fail_msg("JSON: %s at line %d", jerr.text, jerr.line);
	assert_int_equal(json_array_size(json_object_get(root, "nodes")), 200);
	json_decref(root);
	snprintf(path, sizeof path, "%s/csv", dir);
	OK(tekg_export_csv(g, path, NULL));
	snprintf(path, sizeof path, "%s/csv/nodes.csv", dir);
	text = slurp(path, &n);
	assert_non_null(text);
	assert_int_equal(tekg_utf8_valid(text, n, NULL), 1);
	assert_int_equal(csv_shape(text, counts, 512, &nrec), 0);
	assert_int_equal(nrec, 201);
	for (k = 0; k < nrec; k++)
		assert_int_equal(counts[k], 3);
	free(text);
	snprintf(path, sizeof path, "%s/csv/edges.csv", dir);
	text = slurp(path, &n);
	assert_non_null(text);
	assert_int_equal(tekg_utf8_valid(text, n, NULL), 1);
	assert_int_equal(csv_shape(text, counts, 512, &nrec), 0);
	assert_int_equal(nrec, 200);
	for (k = 0; k < nrec; k++)
		assert_int_equal(counts[k], 7);
	free(text);
	rmtree(dir);
	tekg_graph_free(g);
}

/* Write the sample in every format into dir (for the client tests). */
static int write_all(const char *dir)
{
	static const struct {
		tekg_export_format f;
		const char *name;
	} outs[] = {
		{TEKG_EXPORT_GRAPHML, "sample.graphml"},
		{TEKG_EXPORT_GEXF, "sample.gexf"},
		{TEKG_EXPORT_JSON, "sample.json"},
		{TEKG_EXPORT_CSV, "sample_csv/"},
	};
	tekg_graph *g = sample();
	tekg_error err = {0};
	char path[4096];
	size_t k;

	for (k = 0; k < sizeof outs / sizeof outs[0]; k++) {
		snprintf(path, sizeof path, "%s/%s", dir, outs[k].name);
		if (tekg_export_write(g, outs[k].f, path, &err)) {
			fprintf(stderr, "test_export_formats: %s\n", err.msg);
			tekg_graph_free(g);
			return 1;
		}
	}
	tekg_graph_free(g);
	return 0;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gexf),
		cmocka_unit_test(test_gexf_empty_graph_valid),
		cmocka_unit_test(test_gexf_intervals),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_format_pick),
		cmocka_unit_test(test_failure_leaves_old_file),
		cmocka_unit_test(test_random_bytes),
	};

	if (argc == 3 && strcmp(argv[1], "--write") == 0)
		return write_all(argv[2]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
