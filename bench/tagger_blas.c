/*
 * tagger_blas.c - OpenBLAS against tekg's own kernels, end to end.
 *
 * Runs the tagger network (lac_net_run, same batching as the library) on
 * the lines of FILE twice: with tekg's best SIMD kernels and with a kernel
 * set whose matrix products call cblas_sgemm (the GRU gate kernels stay
 * the same).  Prints CPU-time throughput of both and how many labels agree.
 * Built and run by bench/bench_tagger.sh; not part of libtekg.
 *
 * Usage: tagger_blas MODEL_DIR FILE [MAX_CHARS]
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlp/lac_kern.h"
#include "nlp/lac_model.h"
#include "nlp/lac_net.h"
#include "util/utf8.h"

#define BATCH_SEQS 64
#define BATCH_CHARS 6144

static struct {
	const float *packed;
	float *plain;
} cache[64];
static int ncache;
static float *abuf;
static size_t abuf_cap;

/* Row-major copy of a packed matrix, made once per weight matrix. */
static const float *plain_of(const float *bp, size_t k, size_t n)
{
	size_t kk, j;
	int i;
	float *w;

	for (i = 0; i < ncache; i++)
		if (cache[i].packed == bp)
			return cache[i].plain;
	w = malloc(k * n * sizeof *w);
	if (!w || ncache == 64)
		abort();
	for (kk = 0; kk < k; kk++)
		for (j = 0; j < n; j++)
			w[kk * n + j] = bp[((j / 16) * k + kk) * 16 + j % 16];
	cache[ncache].packed = bp;
	cache[ncache++].plain = w;
	return w;
}

static void gemm_blas(size_t m, size_t n, size_t k, const float *const *a,
                      const float *bp, const float *bias, float *c, size_t ldc)
{
	const float *B = plain_of(bp, k, n), *A = a[0];
	size_t i;

	for (i = 1; i < m; i++)
		if (a[i] != a[0] + i * k)
			break;
	if (i < m) { /* rows scattered: gather them */
		if (m * k > abuf_cap) {
			abuf_cap = m * k * 2;
			free(abuf);
			abuf = malloc(abuf_cap * sizeof *abuf);
			if (!abuf)
				abort();
		}
		for (i = 0; i < m; i++)
			memcpy(abuf + i * k, a[i], k * sizeof *abuf);
		A = abuf;
	}
	if (bias)
		for (i = 0; i < m; i++)
			memcpy(c + i * ldc, bias, n * sizeof *c);
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n, (int)k, 1.0f,
	            A, (int)k, B, (int)n, bias ? 1.0f : 0.0f, c, (int)ldc);
}

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int by_len(const void *a, const void *b)
{
	const lac_seq *x = a, *y = b;

	return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

static double run(const lac_model *m, const lac_kernels *k, lac_seq *s, size_t n)
{
	lac_ws *ws = lac_ws_new();
	double t0 = cpu_now();
	size_t i = 0;

	while (i < n) {
		size_t b = 1, chars = s[i].len;

		while (i + b < n && b < BATCH_SEQS && chars + s[i + b].len <= BATCH_CHARS)
			chars += s[i + b++].len;
		if (lac_net_run(m, k, ws, s + i, b, NULL) != 0)
			abort();
		i += b;
	}
	t0 = cpu_now() - t0;
	lac_ws_free(ws);
	return t0;
}

int main(int argc, char **argv)
{
	lac_model *m = NULL;
	tekg_error err = {0};
	const lac_kernels *own = lac_kernels_best();
	lac_kernels blas;
	FILE *f;
	char *line = NULL;
	size_t cap = 0, n = 0, ncap = 0, total = 0, maxc, i, same = 0;
	ssize_t len;
	lac_seq *s = NULL;
	unsigned char *t_own, *t_blas;
	double a, b;

	if (argc < 3) {
		fprintf(stderr, "usage: tagger_blas MODEL_DIR FILE [MAX_CHARS]\n");
		return 2;
	}
	maxc = argc > 3 ? strtoul(argv[3], NULL, 10) : 300000;
	if (lac_model_load(&m, argv[1], &err) != 0) {
		fprintf(stderr, "tagger_blas: %s\n", err.msg);
		return 3;
	}
	f = fopen(argv[2], "rb");
	if (!f)
		return 1;
	while (total < maxc && (len = getline(&line, &cap, f)) > 0) {
		uint16_t *ids;
		size_t pos = 0, c = 0;

		if (line[len - 1] == '\n')
			len--;
		if (len == 0 || !tekg_utf8_valid(line, (size_t)len, NULL))
			continue;
		ids = malloc((size_t)len * sizeof *ids);
		while (pos < (size_t)len && c < 10000) {
			uint32_t cp;

			pos += tekg_utf8_decode(line + pos, (size_t)len - pos, &cp);
			ids[c++] = (uint16_t)lac_model_id(m, cp);
		}
		if (n == ncap) {
			ncap = ncap ? 2 * ncap : 1024;
			s = realloc(s, ncap * sizeof *s);
		}
		s[n].ids = ids;
		s[n].len = c;
		n++;
		total += c;
	}
	fclose(f);
	free(line);
	qsort(s, n, sizeof *s, by_len);
	t_own = malloc(total);
	t_blas = malloc(total);
	blas.name = "openblas";
	blas.gemm = gemm_blas;
	blas.gru_gate1 = own->gru_gate1;
	blas.gru_gate2 = own->gru_gate2;
	blas.viterbi_step = own->viterbi_step;
	for (i = 0, total = 0; i < n; i++) {
		s[i].tags = t_own + total;
		total += s[i].len;
	}
	a = run(m, own, s, n);
	for (i = 0, total = 0; i < n; i++) {
		s[i].tags = t_blas + total;
		total += s[i].len;
	}
	run(m, &blas, s, n); /* warm-up: unpacked weight copies, OpenBLAS buffers */
	b = run(m, &blas, s, n);
	for (i = 0; i < total; i++)
		same += t_own[i] == t_blas[i];
	printf("own kernels (%s): %.0f chars/s per core (%.2f s CPU)\n", own->name, total / a, a);
	printf("OpenBLAS sgemm:    %.0f chars/s per core (%.2f s CPU)\n", total / b, b);
	printf("own / OpenBLAS:    %.2f; labels agree on %zu of %zu characters\n", b / a, same, total);
	for (i = 0; i < n; i++)
		free((void *)(uintptr_t)s[i].ids);
	free(s);
	free(t_own);
	free(t_blas);
	lac_model_free(m);
	return 0;
}
