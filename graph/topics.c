/*
 * topics.c - clustering the stored keywords into topics (docs/topics.md).
 *
 * 1. Read every document's keywords (tekg_store_each_keyword).
 * 2. Blend IDF: idf = (K * idf_jieba + N * idf_corpus) / (K + N), where N
 *    is the number of documents with keywords, K the prior (in documents)
 *    and idf_corpus = ln((1 + N) / (1 + df)) + 1; without jieba's IDF,
 *    idf = idf_corpus.  A keyword's weight in a document is
 *    tf / (highest tf of the document) * idf.  From 10 documents on, a
 *    keyword found in more than half of them is corpus boilerplate and
 *    left out.
 * 3. Keyword graph: each document's per_doc heaviest keywords are nodes;
 *    every pair of them gets an edge weighted by the product of their
 *    weights relative to the document's heaviest (summed over documents).
 * 4. Leiden (modularity at resolution 1, beta 0.01, fixed seed) on that
 *    graph; a cluster of at least min_size keywords is a topic.  Its
 *    keywords are ranked by their weight relative to each document's
 *    heaviest keyword, summed over documents (a keyword shared by the
 *    topic's documents wins).  The label is the best keyword and the next
 *    one that neither contains it nor is contained in it, joined by "、";
 *    the listed keywords are aliases, but for those naming another node
 *    (so --topic 口岸经济 finds it and APEC stays the organization).
 * 5. Relevance of document d to topic t: the share of d's keyword weight
 *    (its per_doc heaviest) that falls in t.  An `about` edge goes from d
 *    to every topic with relevance >= min_relevance, and always to its
 *    best topic; an event gets an `about` edge to each topic of the
 *    documents it appears in, with the largest such relevance.  Evidence:
 *    the document's sentence holding the most occurrences of the topic's
 *    listed keywords (the first sentence when none does).
 */
#include "tekg/topics.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* graph/network.c */
void tekg_graph_igraph_init(void);
int tekg_network_igraph_error(int igraph_rc, const char *what, tekg_error *err);

#define NOMEM_IF(c)                                                                    \
	do {                                                                           \
		if (c) {                                                               \
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");        \
			goto cleanup;                                                  \
		}                                                                      \
	} while (0)

/* ---- interned words ------------------------------------------------------ */

typedef struct words {
	char **w;          /* owned */
	size_t n, cap;
	size_t *slots, mask; /* index + 1 */
} words;

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void words_free(words *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		tekg_free(t->w[i]);
	tekg_free(t->w);
	tekg_free(t->slots);
}

/* Index of `w`, added when new; (size_t)-1 on no memory. */
static size_t words_intern(words *t, const char *w)
{
	size_t h;

	if (t->slots == NULL || 2 * (t->n + 1) > t->mask + 1) {
		size_t ns = t->slots ? 2 * (t->mask + 1) : 1024, i, *s = tekg_calloc(ns, sizeof *s);
		if (s == NULL)
			return (size_t)-1;
		for (i = 0; i < t->n; i++) {
			for (h = fnv(t->w[i]) & (ns - 1); s[h]; h = (h + 1) & (ns - 1))
				;
			s[h] = i + 1;
		}
		tekg_free(t->slots);
		t->slots = s;
		t->mask = ns - 1;
	}
	for (h = fnv(w) & t->mask; t->slots[h]; h = (h + 1) & t->mask)
		if (strcmp(t->w[t->slots[h] - 1], w) == 0)
			return t->slots[h] - 1;
	if (t->n == t->cap) {
		size_t nc = t->cap ? 2 * t->cap : 1024;
		char **nw = tekg_realloc(t->w, nc * sizeof *nw);
		if (nw == NULL)
			return (size_t)-1;
		t->w = nw;
		t->cap = nc;
	}
	if ((t->w[t->n] = tekg_strdup(w)) == NULL)
		return (size_t)-1;
	t->slots[h] = ++t->n;
	return t->n - 1;
}

/* The callbacks below (on_keyword, on_sentence, on_doc_event) return
 * TEKG_ENOMEM without a message, which the store passes through: give it
 * one, so every failure of tekg_topics_rebuild() says what went wrong. */
static int cb_failed(int rc, tekg_error *err)
{
	if (rc == TEKG_ENOMEM && (err == NULL || err->msg[0] == '\0'))
		return tekg_error_set(err, rc, "out of memory");
	return rc;
}

/* ---- state ------------------------------------------------------------- */

typedef struct krow {
	size_t w;          /* word index */
	const char *word;  /* w's text, set once every word is read */
	double tf, idf, b; /* b: blended weight */
} krow;

typedef struct kdoc {
	int64_t id;
	size_t first, n;   /* rows */
	size_t ntop;       /* rows[first .. first+ntop) are in the graph */
	double maxb;
} kdoc;

typedef struct about {
	size_t doc;        /* kdoc index */
	size_t topic;      /* topic index */
	double rel;
	int64_t sentence;
} about;

typedef struct ev_about {
	int64_t event;
	size_t topic, doc;
	double rel;
} ev_about;

typedef struct state {
	const tekg_topic_opts *o;
	words w;
	krow *rows;
	size_t nrows, caprows;
	kdoc *docs;
	size_t ndocs, capdocs;
	size_t no_idf;      /* rows without jieba IDF */
	const char *const *wtext; /* for sorting */
	/* events */
	ev_about *ev;
	size_t nev, capev;
	about *ab;
	size_t nab;
	size_t *doc_ab;     /* per doc: first about index; ndocs + 1 entries */
	tekg_error *err;
} state;

static int on_keyword(const tekg_keyword_row *r, void *ud)
{
	state *st = ud;
	size_t wi;
	krow *k;

	if (st->ndocs == 0 || st->docs[st->ndocs - 1].id != r->doc_id) {
		if (st->ndocs == st->capdocs) {
			size_t nc = st->capdocs ? 2 * st->capdocs : 256;
			kdoc *nd = tekg_realloc(st->docs, nc * sizeof *nd);
			if (nd == NULL)
				return tekg_error_set(st->err, TEKG_ENOMEM, "out of memory");
			st->docs = nd;
			st->capdocs = nc;
		}
		memset(&st->docs[st->ndocs], 0, sizeof st->docs[0]);
		st->docs[st->ndocs].id = r->doc_id;
		st->docs[st->ndocs++].first = st->nrows;
	}
	if ((wi = words_intern(&st->w, r->word)) == (size_t)-1)
		return tekg_error_set(st->err, TEKG_ENOMEM, "out of memory");
	if (st->nrows == st->caprows) {
		size_t nc = st->caprows ? 2 * st->caprows : 1024;
		krow *nr = tekg_realloc(st->rows, nc * sizeof *nr);
		if (nr == NULL)
			return tekg_error_set(st->err, TEKG_ENOMEM, "out of memory");
		st->rows = nr;
		st->caprows = nc;
	}
	k = &st->rows[st->nrows++];
	k->w = wi;
	k->tf = (double)r->tf;
	k->idf = r->idf;
	k->b = 0;
	st->no_idf += r->idf < 0;
	st->docs[st->ndocs - 1].n++;
	return 0;
}

static int cmp_rows(const void *a, const void *b)
{
	const krow *x = a, *y = b;

	if (x->b != y->b)
		return x->b > y->b ? -1 : 1;
	return strcmp(x->word, y->word);
}

typedef struct pair {
	uint64_t key;      /* a << 32 | b, a < b (node ids) */
	double w;
} pair;

static int cmp_pairs(const void *a, const void *b)
{
	const pair *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

typedef struct topic {
	size_t cluster;
	size_t *members;   /* word indices, best first */
	size_t n;
	double mass;       /* summed relevance of documents */
	const char *first; /* the best keyword (for ordering) */
	int64_t id;
} topic;

typedef struct member {
	size_t w;
	double score;
	const char *word;
} member;

static int cmp_members(const void *a, const void *b)
{
	const member *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->word, y->word);
}

static int cmp_topics(const void *a, const void *b)
{
	const topic *x = a, *y = b;

	if (x->mass != y->mass)
		return x->mass > y->mass ? -1 : 1;
	return strcmp(x->first, y->first);
}

static int on_doc_event(int64_t doc_id, int64_t event, void *ud)
{
	state *st = ud;
	size_t lo = 0, hi = st->ndocs, k;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->docs[mid].id < doc_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == st->ndocs || st->docs[lo].id != doc_id)
		return 0;
	for (k = st->doc_ab[lo]; k < st->doc_ab[lo + 1]; k++) {
		if (st->nev == st->capev) {
			size_t nc = st->capev ? 2 * st->capev : 256;
			ev_about *ne = tekg_realloc(st->ev, nc * sizeof *ne);
			if (ne == NULL)
				return tekg_error_set(st->err, TEKG_ENOMEM, "out of memory");
			st->ev = ne;
			st->capev = nc;
		}
		st->ev[st->nev].event = event;
		st->ev[st->nev].topic = st->ab[k].topic;
		st->ev[st->nev].doc = lo;
		st->ev[st->nev++].rel = st->ab[k].rel;
	}
	return 0;
}

static int cmp_ev(const void *a, const void *b)
{
	const ev_about *x = a, *y = b;

	if (x->event != y->event)
		return x->event < y->event ? -1 : 1;
	if (x->topic != y->topic)
		return x->topic < y->topic ? -1 : 1;
	if (x->rel != y->rel)
		return x->rel > y->rel ? -1 : 1;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* Sentences of one document, for evidence. */
typedef struct sents {
	int64_t *id;
	char **text;
	size_t n, cap;
} sents;

static void sents_clear(sents *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		tekg_free(s->text[i]);
	s->n = 0;
}

static int on_sentence(int64_t id, const char *work, void *ud)
{
	sents *s = ud;

	if (s->n == s->cap) {
		size_t nc = s->cap ? 2 * s->cap : 64;
		int64_t *ni = tekg_realloc(s->id, nc * sizeof *ni);
		char **nt;
		if (ni == NULL)
			return TEKG_ENOMEM;
		s->id = ni;
		if ((nt = tekg_realloc(s->text, nc * sizeof *nt)) == NULL)
			return TEKG_ENOMEM;
		s->text = nt;
		s->cap = nc;
	}
	if ((s->text[s->n] = tekg_strdup(work)) == NULL)
		return TEKG_ENOMEM;
	s->id[s->n++] = id;
	return 0;
}

static size_t count_occ(const char *hay, const char *needle)
{
	size_t n = 0, l = strlen(needle);

	if (l == 0)
		return 0;
	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += l;
	}
	return n;
}

/* The sentence of s with the most occurrences of topic t's listed keywords;
 * the first sentence when none holds one (every edge carries evidence);
 * 0 for a document without sentences. */
static int64_t best_sentence(const sents *s, const topic *t, size_t nkw, const words *w)
{
	size_t i, k, best = 0;
	int64_t id = s->n ? s->id[0] : 0;

	for (i = 0; i < s->n; i++) {
		size_t c = 0;
		for (k = 0; k < t->n && k < nkw; k++)
			c += count_occ(s->text[i], w->w[t->members[k]]);
		if (c > best) {
			best = c;
			id = s->id[i];
		}
	}
	return id;
}

/* Store topic t: label = best two unrelated keywords, keywords and aliases
 * = the best nkw (<= TEKG_TOPIC_MAX_KEYWORDS).  t->id receives the entity
 * id. */
static int write_topic(tekg_store *s, topic *t, const words *w, size_t nkw, tekg_buf *b,
                       tekg_error *err)
{
	const char *al[TEKG_TOPIC_MAX_KEYWORDS];
	char *label = NULL, *kw = NULL, *key = NULL;
	size_t k, na = t->n < nkw ? t->n : nkw;
	int rc = 0;

	/* the second label word: the best one that neither holds nor is held
	 * by the first (技能、劳动者 rather than 技能、技能人才) */
	for (k = 1; k < t->n; k++)
		if (!strstr(w->w[t->members[k]], w->w[t->members[0]]) &&
		    !strstr(w->w[t->members[0]], w->w[t->members[k]]))
			break;
	tekg_buf_reset(b);
	if (tekg_buf_puts(b, w->w[t->members[0]]) ||
	    (k < t->n && (tekg_buf_puts(b, "、") || tekg_buf_puts(b, w->w[t->members[k]]))) ||
	    (label = tekg_buf_detach(b, NULL)) == NULL)
		goto nomem;
	for (k = 0; k < t->n && k < nkw; k++)
		if (tekg_buf_puts(b, k ? "|" : "") || tekg_buf_puts(b, w->w[t->members[k]]))
			goto nomem;
	if ((kw = tekg_buf_detach(b, NULL)) == NULL)
		goto nomem;
	if (tekg_buf_puts(b, "topic:") || tekg_buf_puts(b, label) ||
	    (key = tekg_buf_detach(b, NULL)) == NULL)
		goto nomem;
	for (k = 0; k < na; k++)
		al[k] = w->w[t->members[k]];
	rc = tekg_store_topic_add(s, key, label, kw, al, na, &t->id, err);
	goto cleanup;
nomem:
	rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
cleanup:
	tekg_free(label);
	tekg_free(kw);
	tekg_free(key);
	return rc;
}

int tekg_topics_rebuild(tekg_store *s, const tekg_topic_opts *opts, tekg_error *err)
{
	tekg_topic_opts o;
	state st;
	size_t i, j, k, nnodes = 0, npairs = 0, capp = 0, nm = 0, ntopics = 0, nclusters = 0;
	size_t *node_of = NULL, *node_word = NULL, *cl_topic = NULL, *cl_size = NULL;
	double *score = NULL, *df = NULL;
	pair *pairs = NULL;
	topic *topics = NULL;
	igraph_t g;
	igraph_vector_int_t ev, memb;
	igraph_vector_t wv, str;
	int g_ok = 0, ev_ok = 0, m_ok = 0, w_ok = 0, s_ok = 0, in_tx = 0, rc = 0;
	igraph_integer_t nc = 0;
	igraph_real_t quality = 0, modularity = 0;
	sents se = {0};
	tekg_buf b;
	char note[160];

	memset(&st, 0, sizeof st);
	tekg_buf_init(&b, 0);
	memset(&o, 0, sizeof o);
	if (opts)
		o = *opts;
	if (o.seed == 0) o.seed = TEKG_TOPIC_SEED;
	if (o.per_doc == 0) o.per_doc = TEKG_TOPIC_PER_DOC;
	if (o.keywords == 0) o.keywords = TEKG_TOPIC_KEYWORDS;
	if (o.keywords > TEKG_TOPIC_MAX_KEYWORDS) o.keywords = TEKG_TOPIC_MAX_KEYWORDS;
	if (o.min_size == 0) o.min_size = TEKG_TOPIC_MIN_SIZE;
	if (o.min_relevance <= 0) o.min_relevance = TEKG_TOPIC_MIN_RELEVANCE;
	if (o.idf_prior <= 0) o.idf_prior = TEKG_TOPIC_IDF_PRIOR;
	if (o.resolution <= 0) o.resolution = TEKG_TOPIC_RESOLUTION;
	st.o = &o;
	st.err = err;

	if ((rc = tekg_store_begin(s, err)))
		return rc;
	in_tx = 1;
	if ((rc = tekg_store_topics_clear(s, err)) ||
	    (rc = tekg_store_each_keyword(s, o.include_duplicates, on_keyword, &st, err)))
		goto cleanup;
	for (i = 0; i < st.nrows; i++)
		st.rows[i].word = st.w.w[st.rows[i].w];

	/* 2. blended IDF and weights */
	df = tekg_calloc(st.w.n + 1, sizeof *df);
	score = tekg_calloc(st.w.n + 1, sizeof *score);
	node_of = tekg_malloc((st.w.n + 1) * sizeof *node_of);
	NOMEM_IF(!df || !score || !node_of);
	for (i = 0; i < st.nrows; i++)
		df[st.rows[i].w] += 1;
	for (i = 0; i < st.ndocs; i++) {
		kdoc *d = &st.docs[i];
		double maxtf = 0, N = (double)st.ndocs;
		size_t keep = 0;
		for (j = d->first; j < d->first + d->n; j++)
			if (st.rows[j].tf > maxtf)
				maxtf = st.rows[j].tf;
		for (j = d->first; j < d->first + d->n; j++) {
			krow *r = &st.rows[j];
			double idc = log((1 + N) / (1 + df[r->w])) + 1, idf;
			idf = r->idf >= 0 ? (o.idf_prior * r->idf + N * idc) / (o.idf_prior + N) : idc;
			r->b = maxtf > 0 ? r->tf / maxtf * idf : 0;
			if (st.ndocs >= 10 && df[r->w] > N / 2)
				r->b = 0; /* corpus boilerplate */
		}
		qsort(st.rows + d->first, d->n, sizeof *st.rows, cmp_rows);
		for (j = d->first; j < d->first + d->n && keep < o.per_doc; j++)
			if (st.rows[j].b > 0)
				keep++;
		d->ntop = keep;
		d->maxb = keep ? st.rows[d->first].b : 0;
	}

	/* 3. the keyword graph */
	for (i = 0; i < st.w.n; i++)
		node_of[i] = (size_t)-1;
	for (i = 0; i < st.ndocs; i++)
		for (j = st.docs[i].first; j < st.docs[i].first + st.docs[i].ntop; j++)
			if (node_of[st.rows[j].w] == (size_t)-1)
				node_of[st.rows[j].w] = nnodes++;
	node_word = tekg_malloc((nnodes + 1) * sizeof *node_word);
	NOMEM_IF(!node_word);
	for (i = 0; i < st.w.n; i++)
		if (node_of[i] != (size_t)-1)
			node_word[node_of[i]] = i;
	for (i = 0; i < st.ndocs; i++) {
		kdoc *d = &st.docs[i];
		for (j = d->first; j < d->first + d->ntop; j++) {
			score[st.rows[j].w] += st.rows[j].b / d->maxb;
			for (k = j + 1; k < d->first + d->ntop; k++) {
				size_t a = node_of[st.rows[j].w], c = node_of[st.rows[k].w];
				if (npairs == capp) {
					size_t ncap = capp ? 2 * capp : 1024;
					pair *np = tekg_realloc(pairs, ncap * sizeof *np);
					NOMEM_IF(np == NULL);
					pairs = np;
					capp = ncap;
				}
				pairs[npairs].key = a < c ? (uint64_t)a << 32 | c : (uint64_t)c << 32 | a;
				pairs[npairs++].w = st.rows[j].b / d->maxb * st.rows[k].b / d->maxb;
			}
		}
	}
	if (npairs)
		qsort(pairs, npairs, sizeof *pairs, cmp_pairs);
	for (i = 0; i < npairs; i++) {
		if (nm > 0 && pairs[nm - 1].key == pairs[i].key)
			pairs[nm - 1].w += pairs[i].w;
		else
			pairs[nm++] = pairs[i];
	}

	/* 4. Leiden */
	tekg_graph_igraph_init();
#define IG(call, what)                                                                 \
	do {                                                                           \
		if ((rc = tekg_network_igraph_error((call), (what), err)))            \
			goto cleanup;                                                  \
	} while (0)
	IG(igraph_vector_int_init(&memb, (igraph_integer_t)nnodes), "topics");
	m_ok = 1;
	if (nm > 0) {
		double total = 0;
		IG(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * nm)), "topics");
		ev_ok = 1;
		IG(igraph_vector_init(&wv, (igraph_integer_t)nm), "topics");
		w_ok = 1;
		for (i = 0; i < nm; i++) {
			VECTOR(ev)[2 * i] = (igraph_integer_t)(pairs[i].key >> 32);
			VECTOR(ev)[2 * i + 1] = (igraph_integer_t)(pairs[i].key & 0xffffffffu);
			VECTOR(wv)[i] = pairs[i].w;
			total += pairs[i].w;
		}
		IG(igraph_create(&g, &ev, (igraph_integer_t)nnodes, IGRAPH_UNDIRECTED), "topics");
		g_ok = 1;
		IG(igraph_vector_init(&str, 0), "topics");
		s_ok = 1;
		IG(igraph_strength(&g, &str, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &wv),
		   "topics");
		igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o.seed);
		IG(igraph_community_leiden(&g, &wv, &str, o.resolution / (2.0 * total), 0.01, 0, -1, &memb,
		                           &nc, &quality),
		   "topics: leiden");
		IG(igraph_modularity(&g, &memb, &wv, 1.0, 0, &modularity), "topics: modularity");
	} else {
		for (i = 0; i < nnodes; i++)
			VECTOR(memb)[i] = (igraph_integer_t)i;
		nc = (igraph_integer_t)nnodes;
	}
	nclusters = (size_t)nc;

	/* clusters big enough are candidate topics; cl_topic maps a cluster to
	 * its topic index once the topics are ordered */
	cl_size = tekg_calloc(nclusters + 1, sizeof *cl_size);
	cl_topic = tekg_malloc((nclusters + 1) * sizeof *cl_topic);
	topics = tekg_calloc(nclusters + 1, sizeof *topics);
	NOMEM_IF(!cl_size || !cl_topic || !topics);
	for (i = 0; i < nnodes; i++)
		cl_size[VECTOR(memb)[i]]++;

	/* 5. relevance of documents (about.topic holds the cluster for now) */
	st.doc_ab = tekg_calloc(st.ndocs + 1, sizeof *st.doc_ab);
	st.ab = tekg_malloc((st.ndocs * 8 + 1) * sizeof *st.ab);
	NOMEM_IF(!st.doc_ab || !st.ab);
	{
		double *mass = tekg_calloc(nclusters + 1, sizeof *mass), *dmass;
		dmass = tekg_calloc(nclusters + 1, sizeof *dmass);
		if (!mass || !dmass) {
			tekg_free(mass);
			tekg_free(dmass);
			NOMEM_IF(1);
		}
		for (i = 0; i < st.ndocs; i++) {
			kdoc *d = &st.docs[i];
			double tot = 0, bestm = 0;
			size_t best = (size_t)-1, first = st.nab, c;
			st.doc_ab[i] = st.nab;
			for (j = d->first; j < d->first + d->ntop; j++) {
				c = (size_t)VECTOR(memb)[node_of[st.rows[j].w]];
				tot += st.rows[j].b;
				if (cl_size[c] >= o.min_size)
					mass[c] += st.rows[j].b;
			}
			for (j = d->first; j < d->first + d->ntop; j++) {
				c = (size_t)VECTOR(memb)[node_of[st.rows[j].w]];
				if (mass[c] > bestm || (mass[c] == bestm && mass[c] > 0 && c < best)) {
					bestm = mass[c];
					best = c;
				}
			}
			for (j = d->first; j < d->first + d->ntop; j++) {
				c = (size_t)VECTOR(memb)[node_of[st.rows[j].w]];
				if (mass[c] <= 0)
					continue;
				if ((mass[c] / tot >= o.min_relevance || c == best) && st.nab - first < 8) {
					st.ab[st.nab].doc = i;
					st.ab[st.nab].topic = c;
					st.ab[st.nab].rel = round(mass[c] / tot * 1000) / 1000;
					st.ab[st.nab++].sentence = 0;
					dmass[c] += mass[c] / tot;
				}
				mass[c] = 0; /* once per cluster */
			}
		}
		st.doc_ab[st.ndocs] = st.nab;
		/* topics: clusters some document is about, ordered by summed relevance */
		for (i = 0; i < nclusters; i++) {
			if (dmass[i] <= 0)
				continue;
			topics[ntopics].cluster = i;
			topics[ntopics].mass = dmass[i];
			topics[ntopics].members = tekg_malloc(cl_size[i] * sizeof(size_t));
			if (topics[ntopics].members == NULL) {
				tekg_free(mass);
				tekg_free(dmass);
				NOMEM_IF(1);
			}
			ntopics++;
		}
		tekg_free(mass);
		tekg_free(dmass);
	}
	for (i = 0; i < nclusters; i++)
		cl_topic[i] = (size_t)-1;
	for (i = 0; i < ntopics; i++)
		cl_topic[topics[i].cluster] = i;
	for (i = 0; i < nnodes; i++) {
		size_t t = cl_topic[VECTOR(memb)[i]];
		if (t != (size_t)-1)
			topics[t].members[topics[t].n++] = node_word[i];
	}
	for (i = 0; i < ntopics; i++) {
		member *m = tekg_malloc((topics[i].n + 1) * sizeof *m);
		NOMEM_IF(m == NULL);
		for (k = 0; k < topics[i].n; k++) {
			m[k].w = topics[i].members[k];
			m[k].score = score[m[k].w];
			m[k].word = st.w.w[m[k].w];
		}
		qsort(m, topics[i].n, sizeof *m, cmp_members);
		for (k = 0; k < topics[i].n; k++)
			topics[i].members[k] = m[k].w;
		topics[i].first = st.w.w[topics[i].members[0]];
		tekg_free(m);
	}
	qsort(topics, ntopics, sizeof *topics, cmp_topics);
	for (i = 0; i < ntopics; i++)
		cl_topic[topics[i].cluster] = i;
	for (i = 0; i < st.nab; i++)
		st.ab[i].topic = cl_topic[st.ab[i].topic];

	/* write the topics */
	for (i = 0; i < ntopics; i++)
		if ((rc = write_topic(s, &topics[i], &st.w, o.keywords, &b, err)))
			goto cleanup;
	/* document -> topic, with the evidence sentence */
	for (i = 0; i < st.ndocs; i++) {
		if (st.doc_ab[i] == st.doc_ab[i + 1])
			continue;
		sents_clear(&se);
		if ((rc = tekg_store_each_sentence_text(s, st.docs[i].id, on_sentence, &se, err))) {
			rc = cb_failed(rc, err);
			goto cleanup;
		}
		for (k = st.doc_ab[i]; k < st.doc_ab[i + 1]; k++) {
			about *a = &st.ab[k];
			a->sentence = best_sentence(&se, &topics[a->topic], o.keywords, &st.w);
			if ((rc = tekg_store_about_add(s, st.docs[i].id, 0, topics[a->topic].id,
			                               a->sentence, a->rel, err)))
				goto cleanup;
		}
	}
	/* event -> topic: the best relevance among the event's documents */
	if ((rc = tekg_store_each_doc_event(s, on_doc_event, &st, err))) {
		rc = cb_failed(rc, err);
		goto cleanup;
	}
	if (st.nev)
		qsort(st.ev, st.nev, sizeof *st.ev, cmp_ev);
	for (i = 0; i < st.nev; i++) {
		const ev_about *e = &st.ev[i];
		size_t a;
		if (i > 0 && st.ev[i - 1].event == e->event && st.ev[i - 1].topic == e->topic)
			continue;
		for (a = st.doc_ab[e->doc]; a < st.doc_ab[e->doc + 1]; a++)
			if (st.ab[a].topic == e->topic)
				break;
		if ((rc = tekg_store_about_add(s, st.docs[e->doc].id, e->event, topics[e->topic].id,
		                               a < st.doc_ab[e->doc + 1] ? st.ab[a].sentence : 0,
		                               e->rel, err)))
			goto cleanup;
	}
	/* topics that did not come back */
	if ((rc = tekg_store_topics_prune(s, err)))
		goto cleanup;
	/* notes */
	if (st.nrows == 0)
		snprintf(note, sizeof note, "none: no keywords stored");
	else if (st.no_idf == st.nrows)
		snprintf(note, sizeof note, "corpus only (jieba's idf.txt was not found at extraction)");
	else
		snprintf(note, sizeof note, "blend: jieba idf.txt (prior %g documents) + corpus",
		         o.idf_prior);
	if ((rc = tekg_store_topics_note_set(s, "idf", note, err)))
		goto cleanup;
	snprintf(note, sizeof note,
	         "leiden:modularity,resolution=%g,beta=0.01,seed=%lu,per_doc=%zu,min_size=%zu,"
	         "min_relevance=%g", o.resolution, o.seed, o.per_doc, o.min_size, o.min_relevance);
	if ((rc = tekg_store_topics_note_set(s, "settings", note, err)))
		goto cleanup;
	snprintf(note, sizeof note, "%.6f", (double)modularity);
	if ((rc = tekg_store_topics_note_set(s, "modularity", note, err)))
		goto cleanup;
	if ((rc = tekg_store_commit(s, err)))
		goto cleanup;
	in_tx = 0;
cleanup:
	if (rc && in_tx)
		tekg_store_rollback(s);
	if (g_ok)
		igraph_destroy(&g);
	if (ev_ok)
		igraph_vector_int_destroy(&ev);
	if (m_ok)
		igraph_vector_int_destroy(&memb);
	if (w_ok)
		igraph_vector_destroy(&wv);
	if (s_ok)
		igraph_vector_destroy(&str);
	for (i = 0; topics && i < ntopics; i++)
		tekg_free(topics[i].members);
	tekg_free(topics);
	tekg_free(cl_size);
	tekg_free(cl_topic);
	tekg_free(node_of);
	tekg_free(node_word);
	tekg_free(score);
	tekg_free(df);
	tekg_free(pairs);
	tekg_free(st.rows);
	tekg_free(st.docs);
	tekg_free(st.ab);
	tekg_free(st.doc_ab);
	tekg_free(st.ev);
	sents_clear(&se);
	tekg_free(se.id);
	tekg_free(se.text);
	tekg_buf_free(&b);
	words_free(&st.w);
	return rc;
}
