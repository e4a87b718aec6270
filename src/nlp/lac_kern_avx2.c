/*
 * lac_kern_avx2.c - AVX2 + FMA kernels (compiled with -mavx2 -mfma).
 *
 * GEMM micro-kernel: 6 rows x 16 columns (one packed panel) in 12 ymm
 * accumulators, the classic shape for 16 vector registers.  Same FMA order
 * for every row; exp as in the AVX-512 file with an integer 2^n.
 */
#include "nlp/lac_kern.h"

#if defined(__x86_64__) && defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>

static inline __m256 exp8(__m256 x)
{
	__m256 n, r, y;
	__m256i e;

	x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3365478515625f)),
	                  _mm256_set1_ps(88.3762626647949f));
	n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
	                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
	r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
	r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
	y = _mm256_set1_ps(1.9875691500E-4f);
	y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.3981999507E-3f));
	y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(8.3334519073E-3f));
	y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(4.1665795894E-2f));
	y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(1.6666665459E-1f));
	y = _mm256_fmadd_ps(y, r, _mm256_set1_ps(5.0000001201E-1f));
	y = _mm256_fmadd_ps(y, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
	/* n in [-126, 127]: a normal power of two */
	e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
	return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

static inline __m256 sigmoid8(__m256 x)
{
	const __m256 one = _mm256_set1_ps(1.0f);

	return _mm256_div_ps(one, _mm256_add_ps(one, exp8(_mm256_sub_ps(_mm256_setzero_ps(), x))));
}

static inline __m256 tanh8(__m256 x)
{
	const __m256 one = _mm256_set1_ps(1.0f);
	__m256 e = exp8(_mm256_mul_ps(x, _mm256_set1_ps(-2.0f)));

	return _mm256_sub_ps(_mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(one, e)), one);
}

static void kern_6x16(size_t k, const float *const *a, const float *b, const float *bias,
                      float *const *c)
{
	__m256 c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
	const float *a0 = a[0], *a1 = a[1], *a2 = a[2], *a3 = a[3], *a4 = a[4], *a5 = a[5];
	size_t kk;

	if (bias) {
		c00 = _mm256_loadu_ps(bias);
		c01 = _mm256_loadu_ps(bias + 8);
	} else {
		c00 = c01 = _mm256_setzero_ps();
	}
	c10 = c20 = c30 = c40 = c50 = c00;
	c11 = c21 = c31 = c41 = c51 = c01;
	for (kk = 0; kk < k; kk++) {
		__m256 b0 = _mm256_load_ps(b + kk * 16), b1 = _mm256_load_ps(b + kk * 16 + 8);
		__m256 x;

#define ROW(R)                                              \
		x = _mm256_broadcast_ss(a##R + kk);         \
		c##R##0 = _mm256_fmadd_ps(x, b0, c##R##0); \
		c##R##1 = _mm256_fmadd_ps(x, b1, c##R##1);
		ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5)
#undef ROW
	}
#define STORE(R)                                   \
	_mm256_storeu_ps(c[R], c##R##0);           \
	_mm256_storeu_ps(c[R] + 8, c##R##1);
	STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
#undef STORE
}

/* 1 row x 16 columns for the last one or two rows of a product; same
 * operation order per element as kern_6x16. */
static void kern_1x16(size_t k, const float *a, const float *b, const float *bias, float *c)
{
	__m256 c0 = bias ? _mm256_loadu_ps(bias) : _mm256_setzero_ps();
	__m256 c1 = bias ? _mm256_loadu_ps(bias + 8) : _mm256_setzero_ps();
	size_t kk;

	for (kk = 0; kk < k; kk++) {
		__m256 x = _mm256_broadcast_ss(a + kk);

		c0 = _mm256_fmadd_ps(x, _mm256_load_ps(b + kk * 16), c0);
		c1 = _mm256_fmadd_ps(x, _mm256_load_ps(b + kk * 16 + 8), c1);
	}
	_mm256_storeu_ps(c, c0);
	_mm256_storeu_ps(c + 8, c1);
}

static void gemm_avx2(size_t m, size_t n, size_t k, const float *const *a,
                      const float *bp, const float *bias, float *c, size_t ldc)
{
	size_t np = n / 16, p, i, q;
	float scratch[6][16] __attribute__((aligned(32)));

	for (p = 0; p < np; p++) {
		for (i = 0; i < m; i += 6) {
			size_t r = m - i < 6 ? m - i : 6;
			const float *ar[6];
			float *cr[6];

			if (r <= 2) {
				for (q = 0; q < r; q++)
					kern_1x16(k, a[i + q], bp + p * k * 16, bias ? bias + p * 16 : NULL,
					          c + (i + q) * ldc + p * 16);
				continue;
			}
			for (q = 0; q < 6; q++) {
				ar[q] = a[i + (q < r ? q : r - 1)];
				cr[q] = q < r ? c + (i + q) * ldc + p * 16 : scratch[q];
			}
			kern_6x16(k, ar, bp + p * k * 16, bias ? bias + p * 16 : NULL, cr);
		}
	}
}

static void gate1_avx2(size_t n, const float *const *p, const float *g,
                       const float *h, float *u, float *rh)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const float *pi = p[i], *gi = g + i * 2 * LAC_H, *hi = h + i * LAC_H;

		for (j = 0; j < LAC_H; j += 8) {
			__m256 uu = sigmoid8(_mm256_add_ps(_mm256_loadu_ps(pi + j), _mm256_loadu_ps(gi + j)));
			__m256 r = sigmoid8(_mm256_add_ps(_mm256_loadu_ps(pi + LAC_H + j),
			                                  _mm256_loadu_ps(gi + LAC_H + j)));

			_mm256_storeu_ps(u + i * LAC_H + j, uu);
			_mm256_storeu_ps(rh + i * LAC_H + j, _mm256_mul_ps(r, _mm256_loadu_ps(hi + j)));
		}
	}
}

static void gate2_avx2(size_t n, const float *const *p, const float *c,
                       const float *u, float *h, float *const *out)
{
	const __m256 one = _mm256_set1_ps(1.0f);
	size_t i, j;

	for (i = 0; i < n; i++) {
		const float *pi = p[i] + 2 * LAC_H;
		float *hi = h + i * LAC_H, *oi = out[i];

		for (j = 0; j < LAC_H; j += 8) {
			__m256 cand = tanh8(_mm256_add_ps(_mm256_loadu_ps(pi + j),
			                                  _mm256_loadu_ps(c + i * LAC_H + j)));
			__m256 uu = _mm256_loadu_ps(u + i * LAC_H + j), hh = _mm256_loadu_ps(hi + j);
			__m256 hn = _mm256_add_ps(_mm256_mul_ps(_mm256_sub_ps(one, uu), hh),
			                          _mm256_mul_ps(uu, cand));

			_mm256_storeu_ps(hi + j, hn);
			_mm256_storeu_ps(oi + j, hn);
		}
	}
}

static void viterbi_avx2(size_t nfrom, const float *cur, const float *tr,
                         float *mx, unsigned char *bp)
{
	size_t g, j, q;

	for (g = 0; g < LAC_VT; g += 8) {
		__m256 best = _mm256_add_ps(_mm256_set1_ps(cur[0]), _mm256_loadu_ps(tr + g));
		__m256 arg = _mm256_setzero_ps(); /* label ids as int32 bits */
		int ids[8];

		for (j = 1; j < nfrom; j++) {
			__m256 sc = _mm256_add_ps(_mm256_set1_ps(cur[j]), _mm256_loadu_ps(tr + j * LAC_VT + g));
			__m256 gt = _mm256_cmp_ps(sc, best, _CMP_GT_OQ);

			best = _mm256_blendv_ps(best, sc, gt);
			arg = _mm256_blendv_ps(arg, _mm256_castsi256_ps(_mm256_set1_epi32((int)j)), gt);
		}
		_mm256_storeu_ps(mx + g, best);
		_mm256_storeu_si256((__m256i *)(void *)ids, _mm256_castps_si256(arg));
		for (q = 0; q < 8; q++)
			bp[g + q] = (unsigned char)ids[q];
	}
}

static const lac_kernels avx2 = {"avx2", gemm_avx2, gate1_avx2, gate2_avx2, viterbi_avx2};

const lac_kernels *lac_kernels_avx2(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
		return &avx2;
	return NULL;
}
#else
const lac_kernels *lac_kernels_avx2(void)
{
	return NULL;
}
#endif
