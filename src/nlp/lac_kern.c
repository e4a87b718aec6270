/*
 * lac_kern.c - portable kernels, weight packing and run-time dispatch.
 *
 * The portable set is the reference the SIMD sets are tested against; it
 * uses libm's expf.  Sigmoid and tanh follow Paddle's GRU activations
 * without clipping: sigmoid(x) = 1 / (1 + e^-x), tanh(x) = 2 / (1 + e^-2x) - 1.
 */
#include "nlp/lac_kern.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void lac_pack(float *dst, const float *w, size_t k, size_t n_in, size_t n)
{
	size_t p, kk, j;

	for (p = 0; p < n / 16; p++)
		for (kk = 0; kk < k; kk++)
			for (j = 0; j < 16; j++) {
				size_t col = p * 16 + j;

				dst[(p * k + kk) * 16 + j] = col < n_in ? w[kk * n_in + col] : 0.0f;
			}
}

static void gemm_generic(size_t m, size_t n, size_t k, const float *const *a,
                         const float *bp, const float *bias, float *c, size_t ldc)
{
	size_t i, p, kk, j;

	for (i = 0; i < m; i++) {
		const float *ai = a[i];

		for (p = 0; p < n / 16; p++) {
			const float *b = bp + p * k * 16;
			float acc[16];

			for (j = 0; j < 16; j++)
				acc[j] = bias ? bias[p * 16 + j] : 0.0f;
			for (kk = 0; kk < k; kk++) {
				float x = ai[kk];

				for (j = 0; j < 16; j++)
					acc[j] += x * b[kk * 16 + j];
			}
			memcpy(c + i * ldc + p * 16, acc, sizeof acc);
		}
	}
}

static float sigm(float x)
{
	return 1.0f / (1.0f + expf(-x));
}

static float tanh2(float x)
{
	return 2.0f / (1.0f + expf(-2.0f * x)) - 1.0f;
}

static void gate1_generic(size_t n, const float *const *p, const float *g,
                          const float *h, float *u, float *rh)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < LAC_H; j++) {
			float uu = sigm(p[i][j] + g[i * 2 * LAC_H + j]);
			float r = sigm(p[i][LAC_H + j] + g[i * 2 * LAC_H + LAC_H + j]);

			u[i * LAC_H + j] = uu;
			rh[i * LAC_H + j] = r * h[i * LAC_H + j];
		}
}

static void gate2_generic(size_t n, const float *const *p, const float *c,
                          const float *u, float *h, float *const *out)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < LAC_H; j++) {
			float cand = tanh2(p[i][2 * LAC_H + j] + c[i * LAC_H + j]);
			float uu = u[i * LAC_H + j], hh = h[i * LAC_H + j];

			h[i * LAC_H + j] = (1.0f - uu) * hh + uu * cand;
		}
		memcpy(out[i], h + i * LAC_H, LAC_H * sizeof(float));
	}
}

static void viterbi_generic(size_t nfrom, const float *cur, const float *tr,
                            float *mx, unsigned char *bp)
{
	size_t i, j;

	for (i = 0; i < LAC_VT; i++) {
		mx[i] = cur[0] + tr[i];
		bp[i] = 0;
	}
	for (j = 1; j < nfrom; j++) {
		const float *row = tr + j * LAC_VT;
		float cj = cur[j];

		for (i = 0; i < LAC_VT; i++) {
			float sc = cj + row[i];

			if (sc > mx[i]) {
				mx[i] = sc;
				bp[i] = (unsigned char)j;
			}
		}
	}
}

static const lac_kernels generic = {"generic", gemm_generic, gate1_generic, gate2_generic,
                                    viterbi_generic};

const lac_kernels *lac_kernels_generic(void)
{
	return &generic;
}

const lac_kernels *lac_kernels_best(void)
{
	const char *want = getenv("TEKG_KERNELS");
	const lac_kernels *k;

	if (want && !strcmp(want, "generic"))
		return &generic;
	if (want && !strcmp(want, "avx2") && (k = lac_kernels_avx2()) != NULL)
		return k;
	if ((k = lac_kernels_avx512()) != NULL)
		return k;
	if ((k = lac_kernels_avx2()) != NULL)
		return k;
	return &generic;
}
