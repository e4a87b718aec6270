/*
 * tagger.c - the public tagger API (include/tekg/tagger.h).
 *
 * tekg_tagger_tag_batch() works in four stages:
 *   1. check and decode every input, map characters to word.dic ids;
 *   2. cut inputs longer than max_len into pieces (lac_split.h);
 *   3. sort the pieces longest first and group neighbours into batches of
 *      at most BATCH_SEQS sequences and BATCH_CHARS characters, which worker
 *      threads take in turn and run through the network (lac_net.h);
 *   4. group each piece's labels into words: a word starts at the piece
 *      start, at an X-B label, or at O after a label other than O.
 */
#include "tekg/tagger.h"
#include "nlp/lac_model.h"
#include "nlp/lac_net.h"
#include "nlp/lac_split.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_DIR "/usr/lib/python3/dist-packages/jieba/lac_small"
#define BATCH_SEQS 64     /* sequences per batch: rows of the recurrent products */
#define BATCH_CHARS 6144  /* characters per batch (one longer piece is alone) */
#define MAX_THREADS 256

struct tekg_tagger {
	lac_model *model;
	const lac_kernels *kern;
	size_t max_len;
	lac_ws **ws;        /* one workspace per worker, kept between calls */
	size_t nws;
};

const char *tekg_tagger_default_dir(void)
{
	return DEFAULT_DIR;
}

int tekg_tagger_new(tekg_tagger **out, const char *model_dir, tekg_error *err)
{
	tekg_tagger *t;
	const char *env = getenv("TEKG_MODEL_DIR");
	int rc;

	*out = NULL;
	if (!model_dir)
		model_dir = env && *env ? env : DEFAULT_DIR;
	t = tekg_calloc(1, sizeof *t);
	if (!t)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	rc = lac_model_load(&t->model, model_dir, err);
	if (rc) {
		tekg_free(t);
		return rc;
	}
	t->kern = lac_kernels_best();
	t->max_len = TEKG_TAGGER_MAX_LEN;
	*out = t;
	return 0;
}

void tekg_tagger_free(tekg_tagger *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nws; i++)
		lac_ws_free(t->ws[i]);
	tekg_free(t->ws);
	lac_model_free(t->model);
	tekg_free(t);
}

int tekg_tagger_set_max_len(tekg_tagger *t, size_t max_chars)
{
	if (!t || max_chars < 16)
		return TEKG_EINVAL;
	t->max_len = max_chars;
	return 0;
}

const char *tekg_tagger_kernels(const tekg_tagger *t)
{
	return t->kern->name;
}

/* ---- batch ------------------------------------------------------------- */

typedef struct piece {
	size_t input;  /* index of the input */
	size_t off;    /* first character in the global arrays */
	size_t start;  /* first character within the input */
	size_t len;
} piece;

typedef struct job {
	tekg_tagger *t;
	const piece *pc;
	const size_t *order;    /* piece indices, longest first */
	const size_t *bstart;   /* batch b = order[bstart[b] .. bstart[b+1]) */
	size_t nbatch;
	const uint16_t *ids;
	unsigned char *tags;
	pthread_mutex_t lock;
	size_t next;            /* next batch to take */
	int rc;
} job;

typedef struct worker {
	job *j;
	lac_ws *ws;
	pthread_t th;
	int started;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	job *j = w->j;
	lac_seq seq[BATCH_SEQS];

	for (;;) {
		size_t b, i, n;
		int rc;

		pthread_mutex_lock(&j->lock);
		b = j->rc ? j->nbatch : j->next++;
		pthread_mutex_unlock(&j->lock);
		if (b >= j->nbatch)
			break;
		n = j->bstart[b + 1] - j->bstart[b];
		for (i = 0; i < n; i++) {
			const piece *p = &j->pc[j->order[j->bstart[b] + i]];

			seq[i].ids = j->ids + p->off;
			seq[i].len = p->len;
			seq[i].tags = j->tags + p->off;
		}
		rc = lac_net_run(j->t->model, j->t->kern, w->ws, seq, n, NULL);
		if (rc) {
			pthread_mutex_lock(&j->lock);
			if (!j->rc)
				j->rc = rc;
			pthread_mutex_unlock(&j->lock);
			break;
		}
	}
	return NULL;
}

/* Stable merge sort of piece indices by length, longest first (qsort
 * has no context argument and is not stable). */
static void sort_order(size_t *a, size_t *tmp, size_t n, const piece *pc)
{
	size_t mid, i, j, k;

	if (n < 2)
		return;
	mid = n / 2;
	sort_order(a, tmp, mid, pc);
	sort_order(a + mid, tmp, n - mid, pc);
	for (i = 0, j = mid, k = 0; i < mid && j < n;) {
		const piece *x = &pc[a[i]], *y = &pc[a[j]];

		if (x->len >= y->len)
			tmp[k++] = a[i++];
		else
			tmp[k++] = a[j++];
	}
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof *a);
}

static int ensure_ws(tekg_tagger *t, size_t n)
{
	if (t->nws >= n)
		return 0;
	{
		lac_ws **a = tekg_realloc(t->ws, n * sizeof *a);

		if (!a)
			return TEKG_ENOMEM;
		t->ws = a;
	}
	while (t->nws < n) {
		t->ws[t->nws] = lac_ws_new();
		if (!t->ws[t->nws])
			return TEKG_ENOMEM;
		t->nws++;
	}
	return 0;
}

static int online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

int tekg_tagger_tag_batch(tekg_tagger *t, const tekg_tag_input *in, size_t n,
                          tekg_tag_result *res, int nthreads, tekg_error *err)
{
	size_t *cstart = NULL, *order = NULL, *tmp = NULL, *bstart = NULL;
	uint16_t *ids = NULL;
	uint32_t *cps = NULL;
	unsigned char *tags = NULL;
	piece *pc = NULL;
	worker *w = NULL;
	size_t total = 0, npc = 0, pcap = 0, nbatch = 0, i, k, maxchars = 0;
	size_t nw = 0;
	job j;
	int rc = 0, lock_ok = 0;

	memset(&j, 0, sizeof j);
	for (i = 0; i < n; i++)
		res[i].tokens = NULL, res[i].n = 0;
	/* 1. Validate, count, decode. */
	cstart = tekg_malloc((n + 1) * sizeof *cstart);
	if (!cstart)
		goto nomem;
	for (i = 0; i < n; i++) {
		size_t bad, c;

		if (!tekg_utf8_valid(in[i].text, in[i].len, &bad)) {
			rc = tekg_error_set(err, TEKG_EENCODING, "input %zu: invalid UTF-8 at byte "
			                    "offset %zu", i, bad);
			goto cleanup;
		}
		cstart[i] = total;
		c = tekg_utf8_count(in[i].text, in[i].len);
		total += c;
		if (c > maxchars)
			maxchars = c;
	}
	cstart[n] = total;
	ids = tekg_malloc((total + 1) * sizeof *ids);
	tags = tekg_malloc(total + 1);
	if (!ids || !tags)
		goto nomem;
	if (maxchars > t->max_len) {
		cps = tekg_malloc(maxchars * sizeof *cps);
		if (!cps)
			goto nomem;
	}
	for (i = 0; i < n; i++) {
		const char *s = in[i].text;
		size_t pos = 0, c = cstart[i], nc = cstart[i + 1] - cstart[i], st;

		while (pos < in[i].len) {
			uint32_t cp;

			pos += tekg_utf8_decode(s + pos, in[i].len - pos, &cp);
			ids[c++] = (uint16_t)lac_model_id(t->model, cp);
			if (cps)
				cps[c - 1 - cstart[i]] = cp;
		}
		/* 2. Pieces. */
		for (st = 0; st < nc;) {
			size_t e = nc <= t->max_len ? nc : lac_split_next(cps, nc, st, t->max_len);

			if (npc == pcap) {
				size_t cap = pcap ? 2 * pcap : n + 16;
				piece *a = tekg_realloc(pc, cap * sizeof *a);

				if (!a)
					goto nomem;
				pc = a;
				pcap = cap;
			}
			pc[npc].input = i;
			pc[npc].off = cstart[i] + st;
			pc[npc].start = st;
			pc[npc].len = e - st;
			npc++;
			st = e;
		}
	}
	/* 3. Batches of similar lengths, longest first. */
	order = tekg_malloc((npc + 1) * sizeof *order);
	tmp = tekg_malloc((npc + 1) * sizeof *tmp);
	bstart = tekg_malloc((npc + 1) * sizeof *bstart);
	if (!order || !tmp || !bstart)
		goto nomem;
	for (i = 0; i < npc; i++)
		order[i] = i;
	sort_order(order, tmp, npc, pc);
	for (i = 0; i < npc;) {
		size_t chars = pc[order[i]].len, m = 1;

		bstart[nbatch++] = i;
		while (i + m < npc && m < BATCH_SEQS && chars + pc[order[i + m]].len <= BATCH_CHARS)
			chars += pc[order[i + m++]].len;
		i += m;
	}
	bstart[nbatch] = npc;

	if (nthreads <= 0)
		nthreads = online_cpus();
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	nw = (size_t)nthreads < nbatch ? (size_t)nthreads : nbatch;
	if (nw == 0)
		nw = 1;
	if (ensure_ws(t, nw) != 0)
		goto nomem;
	w = tekg_calloc(nw, sizeof *w);
	if (!w)
		goto nomem;
	j.t = t;
	j.pc = pc;
	j.order = order;
	j.bstart = bstart;
	j.nbatch = nbatch;
	j.ids = ids;
	j.tags = tags;
	if (pthread_mutex_init(&j.lock, NULL) != 0) {
		rc = tekg_error_set(err, TEKG_EINVAL, "cannot create a mutex");
		goto cleanup;
	}
	lock_ok = 1;
	for (k = 0; k < nw; k++) {
		w[k].j = &j;
		w[k].ws = t->ws[k];
	}
	for (k = 1; k < nw; k++) {
		if (pthread_create(&w[k].th, NULL, work, &w[k]) != 0)
			break; /* the threads started so far and this one do the work */
		w[k].started = 1;
	}
	work(&w[0]);
	for (k = 1; k < nw; k++)
		if (w[k].started)
			pthread_join(w[k].th, NULL);
	if (j.rc)
		goto nomem;

	/* 4. Words. */
	for (k = 0; k < npc;) {
		size_t inp = pc[k].input, count = 0, q, cap;
		tekg_token *tok;

		/* pieces of one input are consecutive in pc */
		for (q = k; q < npc && pc[q].input == inp; q++) {
			const unsigned char *tg = tags + pc[q].off;
			size_t p;

			for (p = 0; p < pc[q].len; p++)
				if (p == 0 || t->model->begin[tg[p]] ||
				    (tg[p] == t->model->tag_o && tg[p - 1] != t->model->tag_o))
					count++;
		}
		cap = count;
		tok = tekg_malloc(cap * sizeof *tok);
		if (!tok)
			goto nomem;
		res[inp].tokens = tok;
		count = 0;
		for (q = k; q < npc && pc[q].input == inp; q++) {
			const unsigned char *tg = tags + pc[q].off;
			size_t p;

			for (p = 0; p < pc[q].len; p++) {
				if (p == 0 || t->model->begin[tg[p]] ||
				    (tg[p] == t->model->tag_o && tg[p - 1] != t->model->tag_o)) {
					if (count)
						tok[count - 1].end = pc[q].start + p;
					tok[count].start = pc[q].start + p;
					memcpy(tok[count].type, t->model->type[tg[p]], LAC_TAGTYPE);
					count++;
				}
			}
			tok[count - 1].end = pc[q].start + pc[q].len;
		}
		res[inp].n = count;
		k = q;
	}
	goto cleanup;
nomem:
	rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory while tagging");
cleanup:
	if (rc)
		for (i = 0; i < n; i++) {
			tekg_free(res[i].tokens);
			res[i].tokens = NULL;
			res[i].n = 0;
		}
	if (lock_ok)
		pthread_mutex_destroy(&j.lock);
	tekg_free(w);
	tekg_free(cstart);
	tekg_free(order);
	tekg_free(tmp);
	tekg_free(bstart);
	tekg_free(ids);
	tekg_free(cps);
	tekg_free(tags);
	tekg_free(pc);
	return rc;
}

int tekg_tagger_tag(tekg_tagger *t, const char *text, size_t len,
                    tekg_token **out, size_t *n_out, tekg_error *err)
{
	tekg_tag_input in;
	tekg_tag_result r = {NULL, 0};
	int rc;

	in.text = text;
	in.len = len;
	*out = NULL;
	*n_out = 0;
	rc = tekg_tagger_tag_batch(t, &in, 1, &r, 1, err);
	if (rc == TEKG_EENCODING) {
		/* the batch message names input 0; say it plainly for one text */
		const char *p = strstr(err ? err->msg : "", "invalid");

		if (err && p)
			memmove(err->msg, p, strlen(p) + 1);
	}
	if (rc)
		return rc;
	*out = r.tokens;
	*n_out = r.n;
	return 0;
}
