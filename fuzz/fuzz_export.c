/*
 * fuzz_export.c - libFuzzer harness for the public writer
 * tekg_export_write() in every format (GraphML, GEXF, CSV, JSON).
 *
 * The input describes a small property graph: after a first byte that
 * picks the format and column types, NUL-separated strings become node
 * ids, labels, dates, an attribute with a fuzzed name and edge types; all
 * may hold any bytes (invalid UTF-8, controls, markup).  The file written
 * must then parse: GraphML and GEXF with libxml2 (no network, no entity
 * substitution), JSON with jansson; CSV must leave nodes.csv and edges.csv.
 * Files go to a private temporary folder that is emptied after each input.
 */
#include <jansson.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz/fuzz.h"
#include "tekg/export.h"
#include "tekg/graph.h"

static char dir[64];

static void cleanup_dir(void)
{
	char p[128];

	snprintf(p, sizeof p, "%s/nodes.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/edges.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/csv/nodes.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/csv/edges.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/csv", dir);
	rmdir(p);
	snprintf(p, sizeof p, "%s/g.out", dir);
	unlink(p);
}

static void remove_dir(void)
{
	cleanup_dir();
	rmdir(dir);
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/tekg-fuzz-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_dir);
	xmlSetGenericErrorFunc(NULL, silent);
	return 0;
}

/* Next NUL-terminated piece of data[*pos..size) (copied into buf). */
static const char *next_str(const uint8_t *data, size_t size, size_t *pos, char *buf, size_t cap)
{
	size_t n = 0;

	while (*pos < size && data[*pos] != '\0' && n + 1 < cap)
		buf[n++] = (char)data[(*pos)++];
	while (*pos < size && data[*pos] != '\0')
		(*pos)++;
	if (*pos < size)
		(*pos)++;
	buf[n] = '\0';
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"graphml", "gexf", "csv", "json"};
	tekg_graph *g = NULL;
	tekg_error err = {0};
	tekg_export_format f;
	size_t pos = 1, node, prev = (size_t)-1, e, k;
	char id[256], val[256], fname[64], path[160];
	unsigned mode;
	int rc;

	if (size == 0 || size > 16384)
		return 0;
	mode = data[0];
	f = (tekg_export_format)(mode % 4);
	FUZZ_CHECK(tekg_graph_new(&g, &err) == 0);
	/* A fuzzed column name, used for nodes and edges. */
	next_str(data, size, &pos, fname, sizeof fname);
	if (!fname[0])
		strcpy(fname, "extra");
	for (k = 0; pos < size && k < 64; k++) {
		next_str(data, size, &pos, id, sizeof id);
		node = tekg_graph_find_node(g, id);
		if (node == (size_t)-1) {
			FUZZ_CHECK(tekg_graph_add_node(g, id, &node) == 0);
			FUZZ_CHECK(tekg_graph_set_str(g, TEKG_NODE, "type", node, k % 2 ? "person" : "event") == 0);
		}
		next_str(data, size, &pos, val, sizeof val);
		FUZZ_CHECK(tekg_graph_set_str(g, TEKG_NODE, "label", node, val) == 0);
		next_str(data, size, &pos, val, sizeof val);
		FUZZ_CHECK(tekg_graph_set_str(g, TEKG_NODE, "first_seen", node, val) == 0);
		next_str(data, size, &pos, val, sizeof val);
		/* the fuzzed column: its type from the mode byte (set once per type) */
		switch ((mode >> 2) % 4) {
		case 0: rc = tekg_graph_set_str(g, TEKG_NODE, fname, node, val); break;
		case 1: rc = tekg_graph_set_int(g, TEKG_NODE, fname, node, (int64_t)strtoll(val, NULL, 0)); break;
		case 2: rc = tekg_graph_set_double(g, TEKG_NODE, fname, node, strtod(val, NULL)); break;
		default: rc = tekg_graph_set_bool(g, TEKG_NODE, fname, node, val[0] & 1); break;
		}
		FUZZ_CHECK(rc == 0 || rc == TEKG_EINVAL);
		if (mode & 0x10) {
			/* EINVAL when the fuzzed column is also "x" with another type */
			rc = tekg_graph_set_double(g, TEKG_NODE, "x", node, strtod(val, NULL));
			FUZZ_CHECK(rc == 0 || rc == TEKG_EINVAL);
		}
		if (prev != (size_t)-1) {
			FUZZ_CHECK(tekg_graph_add_edge(g, prev, node, &e) == 0);
			next_str(data, size, &pos, val, sizeof val);
			FUZZ_CHECK(tekg_graph_set_str(g, TEKG_EDGE, "type", e, val) == 0);
			FUZZ_CHECK(tekg_graph_set_double(g, TEKG_EDGE, "weight", e, (double)(k % 7)) == 0);
			next_str(data, size, &pos, val, sizeof val);
			FUZZ_CHECK(tekg_graph_set_str(g, TEKG_EDGE, "first_seen", e, val) == 0);
			FUZZ_CHECK(tekg_graph_set_str(g, TEKG_EDGE, "evidence", e, id) == 0);
		}
		prev = node;
	}
	if (mode & 0x20) {
		next_str(data, size, &pos, val, sizeof val);
		FUZZ_CHECK(tekg_graph_set_note(g, fname, val) == 0);
	}

	if (f == TEKG_EXPORT_CSV)
		snprintf(path, sizeof path, "%s/csv/", dir);
	else
		snprintf(path, sizeof path, "%s/g.out", dir);
	FUZZ_CHECK(tekg_export_format_pick(names[f], path, &f, &err) == 0);
	rc = tekg_export_write(g, f, path, &err);
	if (rc != 0)
		fprintf(stderr, "export %s: %s\n", names[f], err.msg);
	FUZZ_CHECK(rc == 0);

	if (f == TEKG_EXPORT_GRAPHML || f == TEKG_EXPORT_GEXF) {
		xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
		FUZZ_CHECK(doc != NULL);
		xmlFreeDoc(doc);
	} else if (f == TEKG_EXPORT_JSON) {
		json_error_t je;
		json_t *j = json_load_file(path, 0, &je);
		if (!j)
			fprintf(stderr, "json: %s at line %d\n", je.text, je.line);
		FUZZ_CHECK(j != NULL);
		json_decref(j);
	} else {
		struct stat st;
		snprintf(path, sizeof path, "%s/csv/nodes.csv", dir);
		FUZZ_CHECK(stat(path, &st) == 0);
		snprintf(path, sizeof path, "%s/csv/edges.csv", dir);
		FUZZ_CHECK(stat(path, &st) == 0);
	}
	cleanup_dir();
	tekg_graph_free(g);
	return 0;
}
