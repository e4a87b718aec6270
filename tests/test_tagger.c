/*
 * test_tagger.c - the LAC-small tagger: tensor files, kernels, GRU step,
 * Viterbi, splitting, normalisation, and end-to-end tags.
 *
 * Numeric checks compare against values computed here independently, in
 * double precision and straight from the formulas of
 * ../shared/docs/lac-model.md (unpacked weights, libm, brute-force paths),
 * so a layout, gate-order, direction or tie-breaking mistake in src/nlp
 * fails.  Tests that need the model skip when it is not installed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tekg/tagger.h"
#include "nlp/lac_kern.h"
#include "nlp/lac_model.h"
#include "nlp/lac_net.h"
#include "nlp/lac_norm.h"
#include "nlp/lac_split.h"
#include "util/alloc.h"

/* ---- helpers ----------------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ull;

static double urand(void) /* [-1, 1) */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (double)(rng_state >> 11) / (double)(1ull << 52) - 1.0;
}

static const char *model_dir(void)
{
	const char *env = getenv("TEKG_MODEL_DIR");
	const char *d = env && *env ? env : tekg_tagger_default_dir();
	char p[4096];
	struct stat st;

	snprintf(p, sizeof p, "%s/model_baseline/word_emb", d);
	return stat(p, &st) == 0 ? d : NULL;
}

#define SKIP_WITHOUT_MODEL()                                                   \
	do {                                                                   \
		if (model_dir() == NULL) {                                     \
			fprintf(stderr, "skipped: LAC model not found (install the " \
			        "Debian package python3-jieba or set TEKG_MODEL_DIR)\n"); \
			skip();                                                \
		}                                                              \
	} while (0)

static const lac_kernels *kernel_sets(int i)
{
	switch (i) {
	case 0: return lac_kernels_generic();
	case 1: return lac_kernels_avx2();
	case 2: return lac_kernels_avx512();
	default: return NULL;
	}
}

/* A Paddle tensor file in memory: header, desc, data. */
static size_t make_tensor(unsigned char *out, const unsigned char *desc, int dlen,
                          const float *data, int n)
{
	size_t o = 0;

	memset(out, 0, 16);
	o = 16;
	out[o++] = (unsigned char)dlen;
	out[o++] = 0;
	out[o++] = 0;
	out[o++] = 0;
	memcpy(out + o, desc, (size_t)dlen);
	o += (size_t)dlen;
	memcpy(out + o, data, (size_t)n * 4);
	return o + (size_t)n * 4;
}

/* ---- tensor parsing ---------------------------------------------------- */

static void test_tensor_parse(void **state)
{
	static const unsigned char plain[] = {0x08, 0x05, 0x10, 0x02, 0x10, 0x03};
	static const unsigned char packed[] = {0x08, 0x05, 0x12, 0x02, 0x02, 0x03};
	static const unsigned char int_type[] = {0x08, 0x02, 0x10, 0x02, 0x10, 0x03};
	const float v[6] = {1.5f, -2.0f, 3.25f, 0.0f, 1e-3f, -7.0f};
	unsigned char buf[128];
	lac_tensor t;
	tekg_error err = {0};
	size_t n;
	int i;

	(void)state;
	n = make_tensor(buf, plain, 6, v, 6);
	assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), 0);
	assert_int_equal(t.ndims, 2);
	assert_int_equal(t.dims[0], 2);
	assert_int_equal(t.dims[1], 3);
	assert_int_equal(t.count, 6);
	for (i = 0; i < 6; i++)
		assert_true(t.data[i] == v[i]);
	tekg_free(t.data);

	n = make_tensor(buf, packed, 6, v, 6);
	assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), 0);
	assert_int_equal(t.ndims, 2);
	assert_int_equal(t.dims[1], 3);
	tekg_free(t.data);

	/* one float short: a different model, not a crash */
	n = make_tensor(buf, plain, 6, v, 5);
	assert_int_equal(lac_tensor_parse(&t, buf, n, "short", &err), TEKG_EMODEL);
	assert_non_null(strstr(err.msg, "short"));
	assert_null(t.data);
	/* not float32 */
	n = make_tensor(buf, int_type, 6, v, 6);
	assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), TEKG_EMODEL);
	assert_non_null(strstr(err.msg, "float32"));
	/* bad version */
	n = make_tensor(buf, plain, 6, v, 6);
	buf[0] = 1;
	assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), TEKG_EMODEL);
	/* descriptor size past the end, truncated files */
	n = make_tensor(buf, plain, 6, v, 6);
	buf[16] = 200;
	assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), TEKG_EMODEL);
	assert_int_equal(lac_tensor_parse(&t, buf, 10, "x", &err), TEKG_EMODEL);
	/* truncated varint inside the descriptor */
	{
		static const unsigned char bad[] = {0x08, 0x85};

		n = make_tensor(buf, bad, 2, v, 0);
		assert_int_equal(lac_tensor_parse(&t, buf, n, "x", &err), TEKG_EMODEL);
	}
}

/* ---- kernels ----------------------------------------------------------- */

static void test_pack_layout(void **state)
{
	float w[3 * 20], p[3 * 32];
	size_t k, j;

	(void)state;
	for (k = 0; k < 3; k++)
		for (j = 0; j < 20; j++)
			w[k * 20 + j] = (float)(100 * k + j);
	lac_pack(p, w, 3, 20, 32);
	/* panel 0 row 2 column 5; panel 1 row 1 column 17; padding zero */
	assert_true(p[(0 * 3 + 2) * 16 + 5] == 205.0f);
	assert_true(p[(1 * 3 + 1) * 16 + 1] == 117.0f);
	assert_true(p[(1 * 3 + 0) * 16 + 4] == 0.0f);
}

static void check_gemm(const lac_kernels *kern, size_t m, size_t n, size_t k, int with_bias)
{
	float *a = malloc(m * k * sizeof *a), *w = malloc(k * n * sizeof *w);
	float *bp = aligned_alloc(64, k * n * sizeof *bp), *bias = malloc(n * sizeof *bias);
	float *c = malloc(m * (n + 3) * sizeof *c);
	const float **rows = malloc(m * sizeof *rows);
	size_t i, j, kk;

	for (i = 0; i < m * k; i++)
		a[i] = (float)urand();
	for (i = 0; i < k * n; i++)
		w[i] = (float)urand();
	for (j = 0; j < n; j++)
		bias[j] = (float)urand();
	for (i = 0; i < m; i++)
		rows[i] = a + ((i * 7) % m) * k; /* rows in a scrambled order */
	lac_pack(bp, w, k, n, n);
	kern->gemm(m, n, k, rows, bp, with_bias ? bias : NULL, c, n + 3);
	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++) {
			double ref = with_bias ? bias[j] : 0.0;

			for (kk = 0; kk < k; kk++)
				ref += (double)rows[i][kk] * w[kk * n + j];
			if (fabs(ref - c[i * (n + 3) + j]) > 1e-4 * (1 + fabs(ref)))
				fail_msg("%s gemm %zux%zux%zu: C[%zu][%zu] = %g, expected %g",
				         kern->name, m, n, k, i, j, c[i * (n + 3) + j], ref);
		}
	free(a);
	free(w);
	free(bp);
	free(bias);
	free(c);
	free(rows);
}

static void test_gemm_kernels(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < 3; s++) {
		const lac_kernels *kern = kernel_sets(s);

		if (!kern)
			continue;
		check_gemm(kern, 1, 16, 7, 1);
		check_gemm(kern, 13, 48, 40, 1);   /* partial row tile, odd panels */
		check_gemm(kern, 6, 128, 128, 0);
		check_gemm(kern, 50, 384, 256, 1);
		check_gemm(kern, 7, 320, 33, 0);   /* 64-column groups then a 16-column one */
		check_gemm(kern, 2, 256, 128, 1);  /* short products: one-row kernels */
		check_gemm(kern, 8, 128, 128, 0);
	}
}

/*
 * One GRU step through the kernels (h W_ur, gates, (r*h) W_c, update)
 * against the doc's formulas in double precision with unpacked weights:
 *   u = sig(p_u + h W_u), r = sig(p_r + h W_r), c = tanh(p_c + (r*h) W_c),
 *   h' = (1-u) h + u c, W_ur columns u then r.
 */
static void test_gru_step(void **state)
{
	enum { N = 5, H = LAC_H };
	static float wur[H * 2 * H], wc[H * H], p[N][3 * H], h[N * H], h0[N * H];
	float *wurp = aligned_alloc(64, sizeof wur), *wcp = aligned_alloc(64, sizeof wc);
	static float g[N * 2 * H], u[N * H], rh[N * H], cc[N * H], out[N][H];
	const float *prow[N], *hrow[N], *rhrow[N];
	float *orow[N];
	size_t i, j, q;
	int s;

	(void)state;
	for (i = 0; i < H * 2 * H; i++)
		wur[i] = (float)(0.3 * urand());
	for (i = 0; i < H * H; i++)
		wc[i] = (float)(0.3 * urand());
	for (i = 0; i < N; i++)
		for (j = 0; j < 3 * H; j++)
			p[i][j] = (float)(2 * urand());
	for (i = 0; i < N * H; i++)
		h0[i] = (float)urand();
	lac_pack(wurp, wur, H, 2 * H, 2 * H);
	lac_pack(wcp, wc, H, H, H);
	for (s = 0; s < 3; s++) {
		const lac_kernels *kern = kernel_sets(s);

		if (!kern)
			continue;
		memcpy(h, h0, sizeof h);
		for (i = 0; i < N; i++) {
			prow[i] = p[i];
			hrow[i] = h + i * H;
			rhrow[i] = rh + i * H;
			orow[i] = out[i];
		}
		kern->gemm(N, 2 * H, H, hrow, wurp, NULL, g, 2 * H);
		kern->gru_gate1(N, prow, g, h, u, rh);
		kern->gemm(N, H, H, rhrow, wcp, NULL, cc, H);
		kern->gru_gate2(N, prow, cc, u, h, orow);
		for (i = 0; i < N; i++) {
			double uu[H], rr[H], hn;

			for (j = 0; j < H; j++) {
				double su = p[i][j], sr = p[i][H + j];

				for (q = 0; q < H; q++) {
					su += (double)h0[i * H + q] * wur[q * 2 * H + j];
					sr += (double)h0[i * H + q] * wur[q * 2 * H + H + j];
				}
				uu[j] = 1 / (1 + exp(-su));
				rr[j] = 1 / (1 + exp(-sr));
			}
			for (j = 0; j < H; j++) {
				double sc = p[i][2 * H + j];

				for (q = 0; q < H; q++)
					sc += rr[q] * h0[i * H + q] * wc[q * H + j];
				hn = (1 - uu[j]) * h0[i * H + j] + uu[j] * tanh(sc);
				if (fabs(hn - h[i * H + j]) > 2e-5 || out[i][j] != h[i * H + j])
					fail_msg("%s GRU step row %zu unit %zu: %g, expected %g",
					         kern->name, i, j, h[i * H + j], hn);
			}
		}
	}
	free(wurp);
	free(wcp);
}

/* ---- Viterbi ----------------------------------------------------------- */

static double path_score(const lac_model *m, const float *e, size_t len, const int *path)
{
	double s = m->start[path[0]] + e[path[0]];
	size_t t;

	for (t = 1; t < len; t++)
		s += m->trans[path[t - 1] * LAC_NTAG + path[t]] + e[t * LAC_NTAGP + path[t]];
	return s + m->end[path[len - 1]];
}

static void test_viterbi_bruteforce(void **state)
{
	static lac_model m;
	float e[4 * LAC_NTAGP], alpha[3 * LAC_VT];
	unsigned char tags[4], bp[4 * LAC_VT];
	int path[4], best[4];
	size_t len, i, round;
	int s;

	(void)state;
	for (round = 0; round < 6; round++) {
		for (i = 0; i < LAC_NTAG; i++) {
			m.start[i] = (float)(3 * urand());
			m.end[i] = (float)(3 * urand());
		}
		for (i = 0; i < LAC_NTAG * LAC_NTAG; i++)
			m.trans[i] = (float)(3 * urand());
		lac_model_prepare_crf(&m);
		for (i = 0; i < 4 * LAC_NTAGP; i++)
			e[i] = (float)(3 * urand());
		for (len = 1; len <= (round < 2 ? 4u : 3u); len++) {
			double bs = -INFINITY;
			long idx, total = 1;

			for (i = 0; i < len; i++)
				total *= LAC_NTAG;
			for (idx = 0; idx < total; idx++) {
				long x = idx;
				double sc;

				for (i = 0; i < len; i++) {
					path[i] = (int)(x % LAC_NTAG);
					x /= LAC_NTAG;
				}
				sc = path_score(&m, e, len, path);
				if (sc > bs) {
					bs = sc;
					memcpy(best, path, sizeof path);
				}
			}
			for (s = 0; s < 3; s++) {
				const lac_kernels *kern = kernel_sets(s);

				if (!kern)
					continue;
				lac_viterbi(&m, kern, e, LAC_NTAGP, len, tags, alpha, bp);
				for (i = 0; i < len; i++)
					if (tags[i] != best[i])
						fail_msg("%s round %zu len %zu: position %zu tag %d, "
						         "brute force %d", kern->name, round, len, i,
						         tags[i], best[i]);
			}
		}
	}
	/* all scores equal: Paddle keeps the first maximum, so label 0; and
	 * a tie between labels 5 and 9 of the previous step goes to 5 */
	memset(&m, 0, sizeof m);
	memset(e, 0, sizeof e);
	for (s = 0; s < 3; s++) {
		const lac_kernels *kern = kernel_sets(s);

		if (!kern)
			continue;
		memset(&m, 0, sizeof m);
		lac_model_prepare_crf(&m);
		lac_viterbi(&m, kern, e, LAC_NTAGP, 3, tags, alpha, bp);
		assert_int_equal(tags[0] + tags[1] + tags[2], 0);
		m.start[5] = m.start[9] = 1.0f;
		m.end[20] = 1.0f;
		lac_viterbi(&m, kern, e, LAC_NTAGP, 2, tags, alpha, bp);
		assert_int_equal(tags[0], 5);
		assert_int_equal(tags[1], 20);
	}
}

/* ---- normalisation and splitting -------------------------------------- */

static void test_normalise(void **state)
{
	(void)state;
	assert_int_equal(tekg_lac_norm(0xFF21), 'A');     /* Ａ */
	assert_int_equal(tekg_lac_norm(0xFF11), '1');     /* １ */
	assert_int_equal(tekg_lac_norm(0xFF0C), ',');     /* ， */
	assert_int_equal(tekg_lac_norm(0x3002), '.');     /* 。 */
	assert_int_equal(tekg_lac_norm(0x3001), ',');     /* 、 */
	assert_int_equal(tekg_lac_norm(0x201C), '"');     /* “ */
	assert_int_equal(tekg_lac_norm(0x201D), '"');
	assert_int_equal(tekg_lac_norm(0x2018), '\'');
	assert_int_equal(tekg_lac_norm(0x2019), '\'');
	assert_int_equal(tekg_lac_norm(0xFF61), '.');     /* ｡ -> 。 -> . */
	assert_int_equal(tekg_lac_norm(0x3000), ' ');     /* ideographic space */
	assert_int_equal(tekg_lac_norm(0x2026), 0x2026);  /* … is "..." : kept */
	assert_int_equal(tekg_lac_norm(0x3220), 0x3220);  /* ㈠ is "(一)": kept */
	assert_int_equal(tekg_lac_norm(0x2460), '1');     /* ① */
	assert_int_equal(tekg_lac_norm(0xFF76), 0x30AB);  /* half-width katakana */
	assert_int_equal(tekg_lac_norm(0x1D400), 'A');    /* mathematical bold A */
	assert_int_equal(tekg_lac_norm(0x4E2D), 0x4E2D);  /* 中 */
	assert_int_equal(tekg_lac_norm('a'), 'a');
	assert_int_equal(tekg_lac_norm(0x1F600), 0x1F600);
}

static void test_split(void **state)
{
	uint32_t cp[100];
	size_t i, e, s;

	(void)state;
	for (i = 0; i < 100; i++)
		cp[i] = 0x4E00 + (uint32_t)i;
	/* fits: whole */
	assert_int_equal(lac_split_next(cp, 30, 0, 40), 30);
	/* no punctuation: hard cut */
	assert_int_equal(lac_split_next(cp, 100, 0, 40), 40);
	/* a comma at 30 and a full stop at 25: the stop wins (after it) */
	cp[29] = 0xFF0C;
	cp[24] = 0x3002;
	assert_int_equal(lac_split_next(cp, 100, 0, 40), 25);
	/* a closing quote after the stop stays with its sentence */
	cp[25] = 0x201D;
	assert_int_equal(lac_split_next(cp, 100, 0, 40), 26);
	/* a stop in the first half of the window is ignored; the comma is used */
	cp[24] = cp[25] = 0x4E00;
	cp[10] = 0x3002;
	assert_int_equal(lac_split_next(cp, 100, 0, 40), 30);
	/* whitespace as a last resort */
	cp[29] = 0x4E00;
	cp[33] = ' ';
	assert_int_equal(lac_split_next(cp, 100, 0, 40), 34);
	/* cuts cover the sequence, each piece within bounds */
	for (s = 0; s < 100; s = e) {
		e = lac_split_next(cp, 100, s, 16);
		assert_true(e > s && e - s <= 16);
		if (e < 100)
			assert_true(e - s >= 8);
	}
}

/* ---- with the model ---------------------------------------------------- */

static tekg_tagger *tagger;

static int setup_model(void **state)
{
	tekg_error err = {0};

	(void)state;
	if (model_dir() && tekg_tagger_new(&tagger, model_dir(), &err) != 0) {
		fprintf(stderr, "model load failed: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown_model(void **state)
{
	(void)state;
	tekg_tagger_free(tagger);
	tagger = NULL;
	return 0;
}

/* "WORD/TYPE WORD/TYPE ..." of text, in a static buffer. */
static const char *tag_string(const char *text)
{
	static char out[4096];
	tekg_token *tok = NULL;
	tekg_error err = {0};
	size_t n = 0, i, o = 0, b = 0, ch = 0, len = strlen(text);

	assert_int_equal(tekg_tagger_tag(tagger, text, len, &tok, &n, &err), 0);
	out[0] = 0;
	for (i = 0; i < n; i++) {
		size_t b0 = b;

		while (ch < tok[i].end) { /* skip one UTF-8 character */
			b++;
			while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
				b++;
			ch++;
		}
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s/%s", i ? " " : "",
		                      (int)(b - b0), text + b0, tok[i].type);
	}
	tekg_free(tok);
	return out;
}

static void test_model_errors(void **state)
{
	tekg_tagger *t = NULL;
	tekg_error err = {0};
	char dir[] = "/tmp/tekg_lacXXXXXX", p[4200], q[4200];
	static const char *files[] = {"fc_0.b_0", "fc_0.w_0", "fc_1.b_0", "fc_1.w_0",
		"fc_2.b_0", "fc_2.w_0", "fc_3.b_0", "fc_3.w_0", "fc_4.w_0", "gru_0.b_0",
		"gru_0.w_0", "gru_1.b_0", "gru_1.w_0", "gru_2.b_0", "gru_2.w_0", "gru_3.b_0",
		"gru_3.w_0", "word_emb", "crfw"};
	static const unsigned char desc58[] = {0x08, 0x05, 0x10, 58};
	static float zeros[58];
	unsigned char buf[512];
	size_t i, n;
	FILE *f;

	(void)state;
	assert_int_equal(tekg_tagger_new(&t, "/nonexistent/lac", &err), TEKG_EMODEL);
	assert_null(t);
	assert_non_null(strstr(err.msg, "python3-jieba"));
	assert_non_null(strstr(err.msg, "/nonexistent/lac"));
	SKIP_WITHOUT_MODEL();

	/* a copy of the model whose fc_4.b_0 has 58 values: another model */
	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/model_baseline", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/word.dic", dir);
	snprintf(q, sizeof q, "%s/word.dic", model_dir());
	assert_int_equal(symlink(q, p), 0);
	snprintf(p, sizeof p, "%s/tag.dic", dir);
	snprintf(q, sizeof q, "%s/tag.dic", model_dir());
	assert_int_equal(symlink(q, p), 0);
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(p, sizeof p, "%s/model_baseline/%s", dir, files[i]);
		snprintf(q, sizeof q, "%s/model_baseline/%s", model_dir(), files[i]);
		assert_int_equal(symlink(q, p), 0);
	}
	n = make_tensor(buf, desc58, 4, zeros, 58);
	snprintf(p, sizeof p, "%s/model_baseline/fc_4.b_0", dir);
	f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
	assert_int_equal(tekg_tagger_new(&t, dir, &err), TEKG_EMODEL);
	assert_non_null(strstr(err.msg, "fc_4.b_0"));
	assert_non_null(strstr(err.msg, "58"));
	/* and a missing file is named */
	unlink(p);
	assert_int_equal(tekg_tagger_new(&t, dir, &err), TEKG_EMODEL);
	assert_non_null(strstr(err.msg, "fc_4.b_0"));
	assert_non_null(strstr(err.msg, "python3-jieba"));
	/* TEKG_MODEL_DIR is used when no directory is given */
	setenv("TEKG_MODEL_DIR", dir, 1);
	assert_int_equal(tekg_tagger_new(&t, NULL, &err), TEKG_EMODEL);
	assert_non_null(strstr(err.msg, dir));
	unsetenv("TEKG_MODEL_DIR");
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(p, sizeof p, "%s/model_baseline/%s", dir, files[i]);
		unlink(p);
	}
	snprintf(p, sizeof p, "%s/model_baseline", dir);
	rmdir(p);
	snprintf(p, sizeof p, "%s/word.dic", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/tag.dic", dir);
	unlink(p);
	rmdir(dir);
}

static void test_end_to_end(void **state)
{
	(void)state;
	SKIP_WITHOUT_MODEL();
	/* Checked by reading: names, places, organisations, a list with 、 */
	assert_string_equal(tag_string("王毅在广州出席中国华电、国家电投签约仪式。"),
	                    "王毅/PER 在/p 广州/LOC 出席/v 中国华电/ORG 、/w 国家电投/ORG "
	                    "签约/vn 仪式/n 。/w");
	/* full-width digits are normalised for the lookup, kept in the output */
	assert_string_equal(tag_string("２０２６年１２月１１日，会议在深圳举行。"),
	                    "２０２６年１２月１１日/TIME ，/w 会议/n 在/p 深圳/LOC 举行/v 。/w");
}

/*
 * The whole network in double precision from the raw tensors, written from
 * the doc without the packed layout or batching, against lac_net_run().
 */
typedef struct ref_net {
	lac_tensor emb, fc_w[4], fc_b[4], gru_w[4], gru_b[4], out_w, out_b;
} ref_net;

static void ref_gru(const ref_net *r, int idx, const double *x, size_t k, size_t len,
                    int backward, double *y /* len x 256 */, int half)
{
	double h[LAC_H] = {0}, p[LAC_G], u[LAC_H], rr[LAC_H];
	const float *W = r->fc_w[idx].data, *B = r->fc_b[idx].data;
	const float *G = r->gru_w[idx].data, *GB = r->gru_b[idx].data;
	size_t s, t, j, q;

	for (s = 0; s < len; s++) {
		t = backward ? len - 1 - s : s;
		for (j = 0; j < LAC_G; j++) {
			p[j] = B[j] + GB[j];
			for (q = 0; q < k; q++)
				p[j] += x[t * k + q] * W[q * LAC_G + j];
		}
		for (j = 0; j < LAC_H; j++) {
			double su = p[j], sr = p[LAC_H + j];

			for (q = 0; q < LAC_H; q++) {
				su += h[q] * G[q * 2 * LAC_H + j];
				sr += h[q] * G[q * 2 * LAC_H + LAC_H + j];
			}
			u[j] = 1 / (1 + exp(-su));
			rr[j] = 1 / (1 + exp(-sr));
		}
		{
			double hn[LAC_H];

			for (j = 0; j < LAC_H; j++) {
				double sc = p[2 * LAC_H + j];

				for (q = 0; q < LAC_H; q++)
					sc += rr[q] * h[q] * G[2 * LAC_H * LAC_H + q * LAC_H + j];
				hn[j] = (1 - u[j]) * h[j] + u[j] * tanh(sc);
			}
			memcpy(h, hn, sizeof h);
		}
		memcpy(y + t * 256 + half * LAC_H, h, sizeof h);
	}
}

static void test_reference_forward(void **state)
{
	static const char *names[4] = {"0", "1", "2", "3"};
	static const char *texts[] = {"王毅在广州出席签约仪式。", "ＡＰＥＣ会议", "他说：“好！”"};
	const lac_model *m;
	ref_net r;
	tekg_error err = {0};
	char nm[32];
	int i;
	size_t s;

	(void)state;
	(void)names;
	SKIP_WITHOUT_MODEL();
	memset(&r, 0, sizeof r);
	{
		const int64_t de[2] = {LAC_VOCAB, LAC_EMB}, dow[2] = {256, LAC_NTAG};
		const int64_t dob[1] = {LAC_NTAG}, dgw[2] = {LAC_H, LAC_G}, dgb[2] = {1, LAC_G};
		const int64_t dfb[1] = {LAC_G};

		assert_int_equal(lac_tensor_load(&r.emb, model_dir(), "word_emb", de, 2, &err), 0);
		assert_int_equal(lac_tensor_load(&r.out_w, model_dir(), "fc_4.w_0", dow, 2, &err), 0);
		assert_int_equal(lac_tensor_load(&r.out_b, model_dir(), "fc_4.b_0", dob, 1, &err), 0);
		for (i = 0; i < 4; i++) {
			const int64_t dfw[2] = {i < 2 ? 128 : 256, LAC_G};

			snprintf(nm, sizeof nm, "fc_%d.w_0", i);
			assert_int_equal(lac_tensor_load(&r.fc_w[i], model_dir(), nm, dfw, 2, &err), 0);
			snprintf(nm, sizeof nm, "fc_%d.b_0", i);
			assert_int_equal(lac_tensor_load(&r.fc_b[i], model_dir(), nm, dfb, 1, &err), 0);
			snprintf(nm, sizeof nm, "gru_%d.w_0", i);
			assert_int_equal(lac_tensor_load(&r.gru_w[i], model_dir(), nm, dgw, 2, &err), 0);
			snprintf(nm, sizeof nm, "gru_%d.b_0", i);
			assert_int_equal(lac_tensor_load(&r.gru_b[i], model_dir(), nm, dgb, 2, &err), 0);
		}
	}
	{
		lac_model *mm = NULL;

		assert_int_equal(lac_model_load(&mm, model_dir(), &err), 0);
		m = mm;
	}
	for (s = 0; s < sizeof texts / sizeof *texts; s++) {
		const char *t = texts[s];
		uint16_t ids[64];
		unsigned char tags[64], rtags[64], bp[64 * LAC_VT];
		double *x, *y1, *y2, maxdiff = 0;
		float *re, alpha[3 * LAC_VT];
		const float *emis;
		size_t len = 0, b = 0, j, q, pos;
		lac_seq seq;
		lac_ws *ws = lac_ws_new();
		int kset;

		while (t[b]) {
			uint32_t cp;
			size_t nb = 1;

			cp = (unsigned char)t[b];
			if (cp >= 0xF0) nb = 4, cp &= 7;
			else if (cp >= 0xE0) nb = 3, cp &= 15;
			else if (cp >= 0xC0) nb = 2, cp &= 31;
			for (j = 1; j < nb; j++)
				cp = cp << 6 | ((unsigned char)t[b + j] & 0x3F);
			b += nb;
			ids[len++] = (uint16_t)lac_model_id(m, cp);
		}
		x = calloc(len * 128, sizeof *x);
		y1 = calloc(len * 256, sizeof *y1);
		y2 = calloc(len * 256, sizeof *y2);
		re = calloc(len * LAC_NTAGP, sizeof *re);
		for (pos = 0; pos < len; pos++)
			for (j = 0; j < 128; j++)
				x[pos * 128 + j] = r.emb.data[(size_t)ids[pos] * 128 + j];
		ref_gru(&r, 0, x, 128, len, 0, y1, 0);
		ref_gru(&r, 1, x, 128, len, 1, y1, 1);
		ref_gru(&r, 2, y1, 256, len, 0, y2, 0);
		ref_gru(&r, 3, y1, 256, len, 1, y2, 1);
		for (pos = 0; pos < len; pos++)
			for (j = 0; j < LAC_NTAG; j++) {
				double e = r.out_b.data[j];

				for (q = 0; q < 256; q++)
					e += y2[pos * 256 + q] * r.out_w.data[q * LAC_NTAG + j];
				re[pos * LAC_NTAGP + j] = (float)e;
			}
		lac_viterbi(m, lac_kernels_generic(), re, LAC_NTAGP, len, rtags, alpha, bp);
		for (kset = 0; kset < 3; kset++) {
			const lac_kernels *kern = kernel_sets(kset);

			if (!kern)
				continue;
			seq.ids = ids;
			seq.len = len;
			seq.tags = tags;
			assert_int_equal(lac_net_run(m, kern, ws, &seq, 1, &emis), 0);
			for (pos = 0; pos < len; pos++)
				for (j = 0; j < LAC_NTAG; j++) {
					double d = fabs(emis[pos * LAC_NTAGP + j] - re[pos * LAC_NTAGP + j]);

					if (d > maxdiff)
						maxdiff = d;
				}
			if (maxdiff > 1e-3)
				fail_msg("%s: emissions of \"%s\" differ from the reference by %g",
				         kern->name, t, maxdiff);
			assert_memory_equal(tags, rtags, len);
		}
		lac_ws_free(ws);
		free(x);
		free(y1);
		free(y2);
		free(re);
	}
	lac_model_free((lac_model *)(uintptr_t)m);
	tekg_free(r.emb.data);
	tekg_free(r.out_w.data);
	tekg_free(r.out_b.data);
	for (i = 0; i < 4; i++) {
		tekg_free(r.fc_w[i].data);
		tekg_free(r.fc_b[i].data);
		tekg_free(r.gru_w[i].data);
		tekg_free(r.gru_b[i].data);
	}
}

static void test_batch_matches_single(void **state)
{
	static const char *texts[] = {
		"王毅在广州出席签约仪式。", "", "今天天气很好", "ＡＢＣ公司于2025年成立，总部设在北京。",
		"😀表情", "a", "国家统计局发布数据显示，全国居民消费价格同比上涨。",
		"他说：“我们会继续努力。”", "   ", "上海 浦东 新区"};
	enum { N = sizeof texts / sizeof *texts };
	tekg_tag_input in[N];
	tekg_tag_result res[N];
	tekg_error err = {0};
	size_t i, j;

	(void)state;
	SKIP_WITHOUT_MODEL();
	for (i = 0; i < N; i++) {
		in[i].text = texts[i];
		in[i].len = strlen(texts[i]);
	}
	assert_int_equal(tekg_tagger_tag_batch(tagger, in, N, res, 2, &err), 0);
	for (i = 0; i < N; i++) {
		tekg_token *tok = NULL;
		size_t n = 0;

		assert_int_equal(tekg_tagger_tag(tagger, texts[i], strlen(texts[i]), &tok, &n, &err), 0);
		assert_int_equal(n, res[i].n);
		for (j = 0; j < n; j++) {
			assert_int_equal(tok[j].start, res[i].tokens[j].start);
			assert_int_equal(tok[j].end, res[i].tokens[j].end);
			assert_string_equal(tok[j].type, res[i].tokens[j].type);
		}
		/* tokens tile the input */
		if (n) {
			assert_int_equal(tok[0].start, 0);
			for (j = 1; j < n; j++)
				assert_int_equal(tok[j].start, tok[j - 1].end);
		}
		tekg_free(tok);
		tekg_free(res[i].tokens);
	}
	assert_int_equal(res[1].n, 0);
}

static void test_robustness(void **state)
{
	tekg_token *tok = NULL;
	tekg_error err = {0};
	size_t n = 99, i, j, len;
	char *big;
	const lac_model *m;

	(void)state;
	SKIP_WITHOUT_MODEL();
	/* empty */
	assert_int_equal(tekg_tagger_tag(tagger, "", 0, &tok, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_null(tok);
	/* invalid UTF-8: error with the byte offset */
	assert_int_equal(tekg_tagger_tag(tagger, "ab\xff" "c", 4, &tok, &n, &err), TEKG_EENCODING);
	assert_non_null(strstr(err.msg, "offset 2"));
	assert_null(tok);
	assert_int_equal(tekg_tagger_tag(tagger, "中\xe4\xb8", 5, &tok, &n, &err), TEKG_EENCODING);
	/* emoji and rare characters are OOV; still covered by tokens */
	{
		lac_model *mm = NULL;

		assert_int_equal(lac_model_load(&mm, model_dir(), &err), 0);
		m = mm;
		assert_int_equal(lac_model_id(m, 0x1F600), LAC_OOV);
		assert_int_equal(lac_model_id(m, ' '), LAC_OOV);
		assert_int_equal(lac_model_id(m, 0x20000), LAC_OOV);
		assert_int_not_equal(lac_model_id(m, 0x4E2D), LAC_OOV);
		/* normalisation: Ａ looks up A, 。 looks up . */
		assert_int_equal(lac_model_id(m, 0xFF21), lac_model_id(m, 'A'));
		assert_int_equal(lac_model_id(m, 0x3002), lac_model_id(m, '.'));
		assert_int_equal(lac_model_id(m, 0x1D400), lac_model_id(m, 'A'));
		lac_model_free(mm);
	}
	assert_int_equal(tekg_tagger_tag(tagger, "好😀𠀀。", strlen("好😀𠀀。"), &tok, &n, &err), 0);
	assert_true(n >= 1);
	assert_int_equal(tok[n - 1].end, 4);
	tekg_free(tok);

	/* a long sequence with a small split length: cuts at sentence ends,
	 * no word crosses a cut, everything covered */
	assert_int_equal(tekg_tagger_set_max_len(tagger, 8), TEKG_EINVAL);
	assert_int_equal(tekg_tagger_set_max_len(tagger, 40), 0);
	{
		const char *unit = "王毅在广州出席签约仪式。"; /* 12 characters */
		size_t ul = strlen(unit), reps = 300;

		big = malloc(ul * reps + 1);
		for (i = 0; i < reps; i++)
			memcpy(big + i * ul, unit, ul);
		len = ul * reps;
		big[len] = 0;
		assert_int_equal(tekg_tagger_tag(tagger, big, len, &tok, &n, &err), 0);
		assert_int_equal(tok[0].start, 0);
		assert_int_equal(tok[n - 1].end, 12 * reps);
		for (j = 1; j < n; j++)
			assert_int_equal(tok[j].start, tok[j - 1].end);
		/* every sentence gets the same tags: cuts fall after 。 */
		for (j = 0; j < n; j++)
			if (tok[j].start % 12 == 0)
				assert_string_equal(tok[j].type, "PER");
		tekg_free(tok);
		free(big);
	}
	assert_int_equal(tekg_tagger_set_max_len(tagger, TEKG_TAGGER_MAX_LEN), 0);
}

/* Random valid UTF-8 (ASCII, controls, CJK, punctuation, emoji, astral
 * ideographs), with and without splitting: tokens always tile the input
 * and batch results equal single-call results. */
static void test_random_text(void **state)
{
	enum { N = 60 };
	static char buf[N][2048];
	tekg_tag_input in[N];
	tekg_tag_result res[N];
	tekg_error err = {0};
	size_t i, j, round;

	(void)state;
	SKIP_WITHOUT_MODEL();
	for (round = 0; round < 2; round++) {
		assert_int_equal(tekg_tagger_set_max_len(tagger, round ? 40 : TEKG_TAGGER_MAX_LEN), 0);
		for (i = 0; i < N; i++) {
			size_t len = 0, nc = (size_t)((urand() + 1) * 200), c;

			for (c = 0; c < nc; c++) {
				double r = urand();
				uint32_t cp;
				char tmp[4];
				size_t k, nb;

				if (r < -0.6)
					cp = 0x4E00 + (uint32_t)((urand() + 1) * 2000);
				else if (r < -0.3)
					cp = (uint32_t)((urand() + 1) * 64); /* ASCII, controls */
				else if (r < 0)
					cp = (uint32_t[]){0x3002, 0xFF0C, 0x3001, 0x201C, 0x201D, ' ', 0x3000,
					                  0xFF01, 0x2026, 0xFF21}[(int)((urand() + 1) * 5)];
				else if (r < 0.3)
					cp = 0x1F600 + (uint32_t)((urand() + 1) * 40);
				else if (r < 0.6)
					cp = 0x20000 + (uint32_t)((urand() + 1) * 1000);
				else
					cp = 0x5000 + (uint32_t)((urand() + 1) * 10000);
				if (cp == 0)
					cp = 'x';
				/* encode */
				if (cp < 0x80) {
					tmp[0] = (char)cp;
					nb = 1;
				} else if (cp < 0x800) {
					tmp[0] = (char)(0xC0 | cp >> 6);
					tmp[1] = (char)(0x80 | (cp & 0x3F));
					nb = 2;
				} else if (cp < 0x10000) {
					tmp[0] = (char)(0xE0 | cp >> 12);
					tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
					tmp[2] = (char)(0x80 | (cp & 0x3F));
					nb = 3;
				} else {
					tmp[0] = (char)(0xF0 | cp >> 18);
					tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
					tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
					tmp[3] = (char)(0x80 | (cp & 0x3F));
					nb = 4;
				}
				for (k = 0; k < nb; k++)
					buf[i][len++] = tmp[k];
			}
			in[i].text = buf[i];
			in[i].len = len;
		}
		assert_int_equal(tekg_tagger_tag_batch(tagger, in, N, res, 3, &err), 0);
		for (i = 0; i < N; i++) {
			tekg_token *tok = NULL;
			size_t n = 0, nchars = 0, b;

			for (b = 0; b < in[i].len; b++)
				nchars += ((unsigned char)buf[i][b] & 0xC0) != 0x80;
			assert_int_equal(tekg_tagger_tag(tagger, in[i].text, in[i].len, &tok, &n, &err), 0);
			assert_int_equal(n, res[i].n);
			if (nchars == 0) {
				assert_int_equal(n, 0);
				continue;
			}
			assert_int_equal(tok[0].start, 0);
			assert_int_equal(tok[n - 1].end, nchars);
			for (j = 0; j < n; j++) {
				assert_true(tok[j].end > tok[j].start);
				if (j)
					assert_int_equal(tok[j].start, tok[j - 1].end);
				if (round)
					assert_true(tok[j].end - tok[j].start <= 40);
				assert_int_equal(tok[j].start, res[i].tokens[j].start);
				assert_int_equal(tok[j].end, res[i].tokens[j].end);
				assert_string_equal(tok[j].type, res[i].tokens[j].type);
			}
			tekg_free(tok);
			tekg_free(res[i].tokens);
		}
	}
	assert_int_equal(tekg_tagger_set_max_len(tagger, TEKG_TAGGER_MAX_LEN), 0);
}

static void test_alloc_failures(void **state)
{
	const char *text = "王毅在广州出席签约仪式。";
	tekg_tagger *t = NULL;
	tekg_error err = {0};
	long k;
	int rc;

	(void)state;
	SKIP_WITHOUT_MODEL();
	/* loading: every failure is TEKG_ENOMEM and leaves nothing behind */
	for (k = 0; k < 200; k++) {
		tekg_alloc_fail_after(k);
		rc = tekg_tagger_new(&t, model_dir(), &err);
		tekg_alloc_fail_after(-1);
		if (rc == 0)
			break;
		assert_int_equal(rc, TEKG_ENOMEM);
		assert_null(t);
	}
	assert_non_null(t);
	/* tagging on a fresh tagger (workspaces not yet allocated) */
	for (k = 0; k < 200; k++) {
		tekg_token *tok = NULL;
		size_t n = 0;

		tekg_alloc_fail_after(k);
		rc = tekg_tagger_tag(t, text, strlen(text), &tok, &n, &err);
		tekg_alloc_fail_after(-1);
		if (rc == 0) {
			assert_true(n > 0);
			tekg_free(tok);
			break;
		}
		assert_int_equal(rc, TEKG_ENOMEM);
		assert_null(tok);
	}
	assert_true(k < 200);
	tekg_tagger_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tensor_parse),
		cmocka_unit_test(test_pack_layout),
		cmocka_unit_test(test_gemm_kernels),
		cmocka_unit_test(test_gru_step),
		cmocka_unit_test(test_viterbi_bruteforce),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_model_errors),
		cmocka_unit_test(test_end_to_end),
		cmocka_unit_test(test_reference_forward),
		cmocka_unit_test(test_batch_matches_single),
		cmocka_unit_test(test_robustness),
		cmocka_unit_test(test_random_text),
		cmocka_unit_test(test_alloc_failures),
	};

	return cmocka_run_group_tests(tests, setup_model, teardown_model);
}
