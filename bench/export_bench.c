/*
 * export_bench.c - the GraphML writer against igraph_write_graph_graphml
 * (bench/bench_export.sh).
 *
 *   export_bench EDGES DIR
 *
 * Builds a synthetic graph in memory: EDGES edges between EDGES/10 nodes,
 * with the attribute set tekg exports (node: type, label, aliases,
 * mentions, docs, first_seen, last_seen, degree, pagerank, betweenness,
 * community, coreness, x, y, size, r, g, b; edge: type, weight, docs,
 * evidence, evidence_doc, evidence_start, evidence_end, first_seen,
 * last_seen), once as a tekg_graph and once as an igraph_t with the same
 * values in C attributes.  Then writes DIR/tekg.graphml with
 * tekg_export_graphml and DIR/igraph.graphml with igraph_write_graph_graphml
 * (each timed from open to close), and prints seconds, MB/s, the ratio and
 * how much the peak RSS grew while tekg wrote (the writer streams); then
 * the same figures for tekg's GEXF, JSON and CSV writers.  The files are
 * removed.  Exit 0 unless something failed outright.
 */
#include "tekg/export.h"
#include "tekg/graph.h"

#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef enum { S, I, D } kind;

typedef struct col {
	const char *name;
	kind k;
} col;

static const col node_cols[] = {
	{"type", S}, {"label", S}, {"aliases", S}, {"mentions", I}, {"docs", I},
	{"first_seen", S}, {"last_seen", S}, {"degree", I}, {"pagerank", D},
	{"betweenness", D}, {"community", I}, {"coreness", I}, {"x", D}, {"y", D},
	{"size", D}, {"r", I}, {"g", I}, {"b", I},
};
static const col edge_cols[] = {
	{"type", S}, {"weight", D}, {"docs", I}, {"evidence", S}, {"evidence_doc", S},
	{"evidence_start", I}, {"evidence_end", I}, {"first_seen", S}, {"last_seen", S},
};
#define NNC (sizeof node_cols / sizeof node_cols[0])
#define NEC (sizeof edge_cols / sizeof edge_cols[0])

static const char *const types[] = {"person", "organization", "place", "event"};
static const char *const rels[] = {"co_occurs", "participant", "held_in", "affiliated_with"};
static const char *const names[] = {"王毅", "亚太经合组织", "深圳", "进博会", "外交部", "李强"};
static const char *const sentences[] = {
	"外交部长王毅出席峰会并致辞，强调各方应加强合作。",
	"亚太经合组织第三十二次领导人非正式会议在深圳举行。",
	"李强在上海会见出席进博会的外国政要和企业家代表。",
	"双方就推动区域经济一体化 & “全球治理” <改革> 交换意见。",
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

/* The value of column c of element i: a string into buf, or a number. */
static void value(int node, size_t c, size_t i, char *buf, size_t n, double *num)
{
	uint64_t h = mix(i * 31 + c + (node ? 0 : 977));
	const char *name = node ? node_cols[c].name : edge_cols[c].name;

	*num = 0;
	buf[0] = '\0';
	if (!strcmp(name, "type"))
		snprintf(buf, n, "%s", node ? types[h % 4] : rels[h % 4]);
	else if (!strcmp(name, "label"))
		snprintf(buf, n, "%s%zu", names[h % 6], i);
	else if (!strcmp(name, "aliases"))
		snprintf(buf, n, "%s|%s%zu", names[h % 6], names[(h >> 8) % 6], i);
	else if (!strcmp(name, "first_seen"))
		snprintf(buf, n, "2025-%02d-%02d", (int)(h % 6) + 1, (int)(h >> 8) % 28 + 1);
	else if (!strcmp(name, "last_seen"))
		snprintf(buf, n, "2025-%02d-%02d", (int)(h % 6) + 7, (int)(h >> 8) % 28 + 1);
	else if (!strcmp(name, "evidence"))
		snprintf(buf, n, "%s", sentences[h % 4]);
	else if (!strcmp(name, "evidence_doc"))
		snprintf(buf, n, "d%llu", (unsigned long long)(h % 50000));
	else if (!strcmp(name, "weight"))
		*num = (double)(h % 7 + 1);
	else if (!strcmp(name, "pagerank") || !strcmp(name, "betweenness"))
		*num = (double)(h % 1000000) / 1e7;
	else if (!strcmp(name, "x") || !strcmp(name, "y") || !strcmp(name, "size"))
		*num = (double)(h % 200000) / 100.0 - 1000.0;
	else if (!strcmp(name, "r") || !strcmp(name, "g") || !strcmp(name, "b"))
		*num = (double)(h % 256);
	else
		*num = (double)(h % 5000);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A /proc/self/status field in kB, or 0. */
static long status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = 0;
	size_t n = strlen(field);

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return v;
}

/*
 * Reset the peak RSS (Linux: "5" into /proc/self/clear_refs) and return the
 * current RSS, so that peak_rss_kb() afterwards measures one step; falls
 * back to the process-wide peak where that is not possible.
 */
static long rss_mark_kb(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");

	if (f) {
		fputs("5", f);
		fclose(f);
	}
	return status_kb("VmRSS");
}

static long peak_rss_kb(void)
{
	long hwm = status_kb("VmHWM");
	struct rusage ru;

	if (hwm > 0)
		return hwm;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static double file_mb(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (double)st.st_size / 1048576.0 : 0;
}

int main(int argc, char **argv)
{
	size_t ne, nn, i, c, s, d;
	tekg_graph *g = NULL;
	tekg_error err = {0};
	igraph_t ig;
	igraph_vector_int_t ends;
	igraph_vector_t nums;
	igraph_strvector_t strs;
	char buf[256], tpath[4096], ipath[4096];
	double num, t0, t_tekg, t_ig, mb_tekg, mb_ig;
	long rss0, rss1;
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: export_bench EDGES DIR\n");
		return 2;
	}
	ne = (size_t)strtoull(argv[1], NULL, 10);
	nn = ne / 10 ? ne / 10 : 1;
	snprintf(tpath, sizeof tpath, "%s/tekg.graphml", argv[2]);
	snprintf(ipath, sizeof ipath, "%s/igraph.graphml", argv[2]);
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_attribute_table(&igraph_cattribute_table);

	/* the same graph twice */
	if (tekg_graph_new(&g, &err))
		return 1;
	igraph_vector_int_init(&ends, (igraph_integer_t)(2 * ne));
	for (i = 0; i < nn; i++) {
		snprintf(buf, sizeof buf, "n%zu", i);
		if (tekg_graph_add_node(g, buf, NULL))
			return 1;
	}
	for (i = 0; i < ne; i++) {
		s = (size_t)(mix(2 * i + 1) % nn);
		d = (size_t)(mix(2 * i + 2) % nn);
		if (tekg_graph_add_edge(g, s, d, NULL))
			return 1;
		VECTOR(ends)[2 * i] = (igraph_integer_t)s;
		VECTOR(ends)[2 * i + 1] = (igraph_integer_t)d;
	}
	if (igraph_create(&ig, &ends, (igraph_integer_t)nn, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
		return 1;
	igraph_vector_int_destroy(&ends);
	for (int node = 1; node >= 0; node--) {
		size_t n = node ? nn : ne, ncols = node ? NNC : NEC;
		const col *cols = node ? node_cols : edge_cols;
		tekg_elem e = node ? TEKG_NODE : TEKG_EDGE;
		for (c = 0; c < ncols; c++) {
			int rc = 0;
			if (cols[c].k == S)
				igraph_strvector_init(&strs, (igraph_integer_t)n);
			else
				igraph_vector_init(&nums, (igraph_integer_t)n);
			for (i = 0; i < n && rc == 0; i++) {
				value(node, c, i, buf, sizeof buf, &num);
				if (cols[c].k == S) {
					rc = tekg_graph_set_str(g, e, cols[c].name, i, buf);
					igraph_strvector_set(&strs, (igraph_integer_t)i, buf);
				} else {
					rc = cols[c].k == I ? tekg_graph_set_int(g, e, cols[c].name, i, (int64_t)num)
					                    : tekg_graph_set_double(g, e, cols[c].name, i, num);
					VECTOR(nums)[i] = num;
				}
			}
			if (rc)
				return 1;
			if (cols[c].k == S) {
				if (node)
					igraph_cattribute_VAS_setv(&ig, cols[c].name, &strs);
				else
					igraph_cattribute_EAS_setv(&ig, cols[c].name, &strs);
				igraph_strvector_destroy(&strs);
			} else {
				if (node)
					igraph_cattribute_VAN_setv(&ig, cols[c].name, &nums);
				else
					igraph_cattribute_EAN_setv(&ig, cols[c].name, &nums);
				igraph_vector_destroy(&nums);
			}
		}
	}
	printf("export: synthetic graph, %zu nodes (%zu attributes), %zu edges (%zu attributes)\n",
	       nn, NNC, ne, NEC);

	rss0 = rss_mark_kb();
	t0 = now();
	if (tekg_export_graphml(g, tpath, &err)) {
		fprintf(stderr, "export_bench: %s\n", err.msg);
		return 1;
	}
	t_tekg = now() - t0;
	rss1 = peak_rss_kb();
	mb_tekg = file_mb(tpath);
	unlink(tpath);

	t0 = now();
	if ((f = fopen(ipath, "w")) == NULL || igraph_write_graph_graphml(&ig, f, 0) != IGRAPH_SUCCESS) {
		fprintf(stderr, "export_bench: igraph_write_graph_graphml failed\n");
		return 1;
	}
	fclose(f);
	t_ig = now() - t0;
	mb_ig = file_mb(ipath);
	unlink(ipath);

	printf("export: tekg   GraphML %7.1f MB in %6.2f s = %6.1f MB/s\n", mb_tekg, t_tekg,
	       mb_tekg / t_tekg);
	printf("export: igraph GraphML %7.1f MB in %6.2f s = %6.1f MB/s\n", mb_ig, t_ig,
	       mb_ig / t_ig);
	printf("export: speed ratio tekg/igraph %.2fx (time igraph / time tekg; >= 1 means tekg "
	       "is at least as fast)\n", t_ig / t_tekg);
	printf("export: peak RSS grew by %.1f MB while tekg wrote %.0f MB (streaming)\n",
	       (double)(rss1 - rss0) / 1024.0, mb_tekg);
	igraph_destroy(&ig);

	/* the other writers, for the record (no reference to compare with) */
	{
		static const struct {
			tekg_export_format f;
			const char *name, *file;
		} others[] = {
			{TEKG_EXPORT_GEXF, "GEXF", "tekg.gexf"},
			{TEKG_EXPORT_JSON, "JSON", "tekg.json"},
			{TEKG_EXPORT_CSV, "CSV", "csv"},
		};
		char p[4096], q[4200];
		size_t k;
		for (k = 0; k < sizeof others / sizeof others[0]; k++) {
			double mb;
			snprintf(p, sizeof p, "%s/%s", argv[2], others[k].file);
			rss0 = rss_mark_kb();
			t0 = now();
			if (tekg_export_write(g, others[k].f, p, &err)) {
				fprintf(stderr, "export_bench: %s\n", err.msg);
				return 1;
			}
			t_tekg = now() - t0;
			rss1 = peak_rss_kb();
			if (others[k].f == TEKG_EXPORT_CSV) {
				snprintf(q, sizeof q, "%s/nodes.csv", p);
				mb = file_mb(q);
				unlink(q);
				snprintf(q, sizeof q, "%s/edges.csv", p);
				mb += file_mb(q);
				unlink(q);
				rmdir(p);
			} else {
				mb = file_mb(p);
				unlink(p);
			}
			printf("export: tekg   %-7s %7.1f MB in %6.2f s = %6.1f MB/s, peak RSS +%.1f MB\n",
			       others[k].name, mb, t_tekg, mb / t_tekg, (double)(rss1 - rss0) / 1024.0);
		}
	}
	tekg_graph_free(g);
	return 0;
}
