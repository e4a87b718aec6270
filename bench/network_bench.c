/*
 * network_bench.c - the network stage at scale (make bench, via
 * bench/bench_network.sh).
 *
 *   network_bench gen DB [ENTITIES [EDGES]]   write a synthetic store
 *   network_bench run DB OUT.graphml          time build, measures, export
 *
 * The synthetic store goes through the store API in one transaction:
 * persons, organizations, places and events (default 100,000 entities),
 * and relations between them (default 1,000,000: participant person ->
 * event with a role, affiliated_with person -> organization, organizer
 * organization -> event, held_in event -> place, located_in organization
 * -> place), spread over documents of 100 relations each.  Endpoints are
 * drawn with a skew (u^2) so that degrees are uneven, as in news.  A fixed
 * seed makes the store the same on every run.
 *
 * `run` prints one line per step with its wall time, then the peak
 * resident memory of the process.  It never fails on speed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tekg/export.h"
#include "tekg/extract.h"
#include "tekg/graph.h"
#include "tekg/network.h"
#include "tekg/store.h"
#include "tekg/text.h"

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Skewed index in [0, n): low indexes are drawn more often. */
static size_t skewed(size_t n)
{
	double u = (double)(rnd() >> 11) / 9007199254740992.0;

	return (size_t)(u * u * (double)n);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int die(const char *what, const tekg_error *err)
{
	fprintf(stderr, "network_bench: %s: %s\n", what, err->msg);
	return 1;
}

#define SENTS 10
#define PER_DOC 100

/* Random CJK text of SENTS sentences; map and sentences of the article. */
static void fill_article(tekg_article *a, char *text, size_t *map, tekg_sentence *sents)
{
	size_t s, k, pos = 0, chars = 0;

	for (s = 0; s < SENTS; s++) {
		size_t start = chars;
		for (k = 0; k < 30; k++) {
			uint32_t cp = 0x4e00 + (uint32_t)(rnd() % 0x5000);
			text[pos++] = (char)(0xe0 | (cp >> 12));
			text[pos++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			text[pos++] = (char)(0x80 | (cp & 0x3f));
			chars++;
		}
		memcpy(text + pos, "。", 3);
		pos += 3;
		chars++;
		sents[s].start = sents[s].wstart = start;
		sents[s].end = sents[s].wend = chars;
	}
	text[pos] = '\0';
	for (k = 0; k <= chars; k++)
		map[k] = k;
	memset(a, 0, sizeof *a);
	a->orig = a->work = text;
	a->orig_len = a->work_len = pos;
	a->orig_chars = a->work_chars = chars;
	a->map = map;
	a->sents = sents;
	a->n_sents = SENTS;
	a->src_end = chars;
}

static const char *const roles[] = {"出席", "致辞", "主持", "主旨演讲", "参加"};

static int gen(const char *path, size_t n_ent, size_t n_edges)
{
	tekg_store *s = NULL;
	tekg_error err = {0};
	tekg_source src;
	tekg_article a;
	tekg_extraction x;
	char text[SENTS * 31 * 3 + 8], key[64], label[64], date[16];
	size_t map[SENTS * 31 + 1], made = 0, seq = 0;
	tekg_sentence sents[SENTS];
	int64_t sid, doc;
	int is_new;
	/* shares of the entity ids: persons, organizations, places, events */
	size_t np = n_ent * 6 / 10, no = n_ent * 2 / 10, nl = n_ent / 10;
	size_t ne = n_ent - np - no - nl;
	double t0 = now();

	unlink(path);
	if (tekg_store_open(&s, path, 0, &err))
		return die(path, &err);
	memset(&src, 0, sizeof src);
	src.path = label;
	snprintf(label, sizeof label, "synthetic");
	src.encoding = date;
	snprintf(date, sizeof date, "UTF-8");
	src.format = TEKG_FORMAT_TEXT;
	src.script = TEKG_SCRIPT_T2S;
	if (tekg_store_begin(s, &err) ||
	    tekg_store_source_add(s, &src, "synthetic-source", 1, &sid, &err))
		return die("store", &err);
	while (made < n_edges) {
		size_t k;
		snprintf(date, sizeof date, "2025-%02d-%02d", (int)(seq % 12) + 1, (int)(seq % 28) + 1);
		fill_article(&a, text, map, sents);
		if (tekg_store_document_put(s, sid, seq, &a, date, 0, &doc, &is_new, &err))
			return die("document", &err);
		memset(&x, 0, sizeof x);
		for (k = 0; k < PER_DOC && made < n_edges; k++, made++) {
			size_t r = rnd() % 100, i1, i2, ei1, ei2;
			const char *t1, *t2, *type, *role = NULL;
			size_t base1, base2;
			if (r < 55) {
				type = "participant", t1 = "person", t2 = "event";
				i1 = skewed(np), i2 = skewed(ne), base1 = 0, base2 = np + no + nl;
				role = roles[rnd() % 5];
			} else if (r < 75) {
				type = "affiliated_with", t1 = "person", t2 = "organization";
				i1 = skewed(np), i2 = skewed(no), base1 = 0, base2 = np;
			} else if (r < 88) {
				type = "organizer", t1 = "organization", t2 = "event";
				i1 = skewed(no), i2 = skewed(ne), base1 = np, base2 = np + no + nl;
			} else if (r < 96) {
				type = "held_in", t1 = "event", t2 = "place";
				i1 = skewed(ne), i2 = skewed(nl), base1 = np + no + nl, base2 = np + no;
			} else {
				type = "located_in", t1 = "organization", t2 = "place";
				i1 = skewed(no), i2 = skewed(nl), base1 = np, base2 = np + no;
			}
			snprintf(key, sizeof key, "%s:e%zu", t1, base1 + i1);
			snprintf(label, sizeof label, "%s%zu", t1, base1 + i1);
			if (tekg_extraction_entity(&x, t1, label, key, &ei1))
				return 1;
			snprintf(key, sizeof key, "%s:e%zu", t2, base2 + i2);
			snprintf(label, sizeof label, "%s%zu", t2, base2 + i2);
			if (tekg_extraction_entity(&x, t2, label, key, &ei2))
				return 1;
			if (tekg_extraction_edge(&x, type, ei1, ei2, k % SENTS, role, NULL, 1))
				return 1;
		}
		if (tekg_store_put_extraction(s, doc, &x, &err))
			return die("extraction", &err);
		tekg_extraction_clear(&x);
		seq++;
	}
	if (tekg_store_commit(s, &err))
		return die("commit", &err);
	tekg_store_close(s);
	printf("generate: %zu documents, %zu relations, %zu entity slots in %.1f s\n", seq, made,
	       n_ent, now() - t0);
	return 0;
}

static double step_start;

static void step(const char *name)
{
	double t = now();

	if (name)
		printf("  %-28s %8.2f s\n", name, t - step_start);
	fflush(stdout);
	step_start = now();
}

static int run(const char *path, const char *out)
{
	tekg_store *s = NULL;
	tekg_graph *g = NULL;
	tekg_error err = {0};
	tekg_network_opts o;
	struct rusage ru;
	double t0 = now();
	size_t i;
	static const struct {
		unsigned bit;
		const char *name;
	} measures[] = {
		{TEKG_NET_DEGREE, "degree + weighted degree"},
		{TEKG_NET_PAGERANK, "pagerank (PRPACK)"},
		{TEKG_NET_COMMUNITY, "leiden (modularity)"},
		{TEKG_NET_BETWEENNESS, "betweenness"},
		{TEKG_NET_CORENESS, "coreness"},
		{TEKG_NET_LAYOUT, "layout"},
	};

	memset(&o, 0, sizeof o);
	step(NULL);
	if (tekg_store_open(&s, path, TEKG_STORE_READONLY, &err) ||
	    tekg_graph_from_store(&g, s, NULL, &err))
		return die("build", &err);
	tekg_store_close(s);
	printf("graph: %zu nodes, %zu edges\n", tekg_graph_count(g, TEKG_NODE),
	       tekg_graph_count(g, TEKG_EDGE));
	step("build (store -> graph)");
	{
		tekg_graph *f = NULL;
		o.from = "2025-03";
		o.to = "2025-08";
		if (tekg_network_filter(&f, g, &o, &err))
			return die("filter", &err);
		printf("filter --from 2025-03 --to 2025-08: %zu nodes, %zu edges\n", tekg_graph_count(f, TEKG_NODE),
		       tekg_graph_count(f, TEKG_EDGE));
		tekg_graph_free(f);
		o.from = o.to = NULL;
		step("filter (a date window)");
	}
	for (i = 0; i < sizeof measures / sizeof measures[0]; i++) {
		o.measures = measures[i].bit;
		if (tekg_network_measures(g, &o, &err))
			return die(measures[i].name, &err);
		step(measures[i].name);
	}
	if (tekg_export_write(g, TEKG_EXPORT_GRAPHML, out, &err))
		return die("export", &err);
	step("export (GraphML)");
	for (i = 0; i < tekg_graph_n_notes(g); i++) {
		const char *k, *v;
		tekg_graph_note(g, i, &k, &v);
		if (strcmp(k, "betweenness") == 0 || strcmp(k, "layout") == 0 ||
		    strcmp(k, "modularity") == 0 || strcmp(k, "communities") == 0)
			printf("note: %s = %s\n", k, v);
	}
	tekg_graph_free(g);
	getrusage(RUSAGE_SELF, &ru);
	printf("total %.2f s, peak RSS %.1f MB\n", now() - t0, (double)ru.ru_maxrss / 1024.0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], argc > 3 ? (size_t)atol(argv[3]) : 100000,
		           argc > 4 ? (size_t)atol(argv[4]) : 1000000);
	if (argc == 4 && strcmp(argv[1], "run") == 0)
		return run(argv[2], argv[3]);
	fprintf(stderr, "usage: network_bench gen DB [ENTITIES [EDGES]] | run DB OUT.graphml\n");
	return 2;
}
