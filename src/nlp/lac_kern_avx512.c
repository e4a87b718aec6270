/*
 * lac_kern_avx512.c - AVX-512F kernels (compiled with -mavx512f -mfma).
 *
 * GEMM micro-kernel: 6 rows x 64 columns (four packed panels) held in 24
 * zmm accumulators; per k it loads 4 weight vectors and broadcasts 6
 * inputs for 24 FMAs.  A row's result depends only on its own inputs (the
 * same FMA order for every row), so batching never changes the numbers.
 * exp uses a Cephes-style polynomial on [-ln2/2, ln2/2] (about 1 ulp) and
 * scalef for the power of two.
 */
#include "nlp/lac_kern.h"

#if defined(__x86_64__) && defined(__AVX512F__) && defined(__FMA__)
#include <immintrin.h>
#include <string.h>

static inline __m512 exp16(__m512 x)
{
	const __m512 hi = _mm512_set1_ps(88.3762626647949f);
	const __m512 lo = _mm512_set1_ps(-88.3762626647949f);
	__m512 n, r, y;

	x = _mm512_min_ps(_mm512_max_ps(x, lo), hi);
	n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
	                         _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
	r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
	r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
	y = _mm512_set1_ps(1.9875691500E-4f);
	y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(1.3981999507E-3f));
	y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(8.3334519073E-3f));
	y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(4.1665795894E-2f));
	y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(1.6666665459E-1f));
	y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(5.0000001201E-1f));
	y = _mm512_fmadd_ps(y, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
	return _mm512_scalef_ps(y, n);
}

static inline __m512 sigmoid16(__m512 x)
{
	const __m512 one = _mm512_set1_ps(1.0f);

	return _mm512_div_ps(one, _mm512_add_ps(one, exp16(_mm512_sub_ps(_mm512_setzero_ps(), x))));
}

static inline __m512 tanh16(__m512 x)
{
	const __m512 one = _mm512_set1_ps(1.0f);
	__m512 e = exp16(_mm512_mul_ps(x, _mm512_set1_ps(-2.0f)));

	return _mm512_sub_ps(_mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(one, e)), one);
}

/* 6 rows x 64 columns; b points at the first of 4 panels (stride k*16). */
static void kern_6x64(size_t k, const float *const *a, const float *b, const float *bias,
                      float *const *c)
{
	const size_t ps = k * 16;
	__m512 c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23;
	__m512 c30, c31, c32, c33, c40, c41, c42, c43, c50, c51, c52, c53;
	const float *a0 = a[0], *a1 = a[1], *a2 = a[2], *a3 = a[3], *a4 = a[4], *a5 = a[5];
	size_t kk;

	if (bias) {
		c00 = _mm512_loadu_ps(bias);
		c01 = _mm512_loadu_ps(bias + 16);
		c02 = _mm512_loadu_ps(bias + 32);
		c03 = _mm512_loadu_ps(bias + 48);
	} else {
		c00 = c01 = c02 = c03 = _mm512_setzero_ps();
	}
	c10 = c20 = c30 = c40 = c50 = c00;
	c11 = c21 = c31 = c41 = c51 = c01;
	c12 = c22 = c32 = c42 = c52 = c02;
	c13 = c23 = c33 = c43 = c53 = c03;
	for (kk = 0; kk < k; kk++) {
		const float *bk = b + kk * 16;
		__m512 b0 = _mm512_load_ps(bk), b1 = _mm512_load_ps(bk + ps);
		__m512 b2 = _mm512_load_ps(bk + 2 * ps), b3 = _mm512_load_ps(bk + 3 * ps);
		__m512 x;

#define ROW(R)                                              \
		x = _mm512_set1_ps(a##R[kk]);               \
		c##R##0 = _mm512_fmadd_ps(x, b0, c##R##0); \
		c##R##1 = _mm512_fmadd_ps(x, b1, c##R##1); \
		c##R##2 = _mm512_fmadd_ps(x, b2, c##R##2); \
		c##R##3 = _mm512_fmadd_ps(x, b3, c##R##3);
		ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5)
#undef ROW
	}
#define STORE(R)                                        \
	_mm512_storeu_ps(c[R], c##R##0);                \
	_mm512_storeu_ps(c[R] + 16, c##R##1);           \
	_mm512_storeu_ps(c[R] + 32, c##R##2);           \
	_mm512_storeu_ps(c[R] + 48, c##R##3);
	STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
#undef STORE
}

/* 1 row x 64 columns: for the last one or two rows of a product (a long
 * sequence running alone), where a 6-row tile would waste FMAs.  Same
 * operation order per element as kern_6x64. */
static void kern_1x64(size_t k, const float *a, const float *b, const float *bias, float *c)
{
	const size_t ps = k * 16;
	__m512 c0, c1, c2, c3;
	size_t kk;

	if (bias) {
		c0 = _mm512_loadu_ps(bias);
		c1 = _mm512_loadu_ps(bias + 16);
		c2 = _mm512_loadu_ps(bias + 32);
		c3 = _mm512_loadu_ps(bias + 48);
	} else {
		c0 = c1 = c2 = c3 = _mm512_setzero_ps();
	}
	for (kk = 0; kk < k; kk++) {
		const float *bk = b + kk * 16;
		__m512 x = _mm512_set1_ps(a[kk]);

		c0 = _mm512_fmadd_ps(x, _mm512_load_ps(bk), c0);
		c1 = _mm512_fmadd_ps(x, _mm512_load_ps(bk + ps), c1);
		c2 = _mm512_fmadd_ps(x, _mm512_load_ps(bk + 2 * ps), c2);
		c3 = _mm512_fmadd_ps(x, _mm512_load_ps(bk + 3 * ps), c3);
	}
	_mm512_storeu_ps(c, c0);
	_mm512_storeu_ps(c + 16, c1);
	_mm512_storeu_ps(c + 32, c2);
	_mm512_storeu_ps(c + 48, c3);
}

/* 6 rows x 16 columns (one panel), for column counts not a multiple of 64. */
static void kern_6x16(size_t k, const float *const *a, const float *b, const float *bias,
                      float *const *c)
{
	__m512 acc[6];
	size_t kk, r;

	for (r = 0; r < 6; r++)
		acc[r] = bias ? _mm512_loadu_ps(bias) : _mm512_setzero_ps();
	for (kk = 0; kk < k; kk++) {
		__m512 bv = _mm512_load_ps(b + kk * 16);

		for (r = 0; r < 6; r++)
			acc[r] = _mm512_fmadd_ps(_mm512_set1_ps(a[r][kk]), bv, acc[r]);
	}
	for (r = 0; r < 6; r++)
		_mm512_storeu_ps(c[r], acc[r]);
}

static void gemm_avx512(size_t m, size_t n, size_t k, const float *const *a,
                        const float *bp, const float *bias, float *c, size_t ldc)
{
	size_t np = n / 16, p, i, q;
	float scratch[6][64] __attribute__((aligned(64)));

	for (p = 0; p < np;) {
		size_t g = np - p >= 4 ? 4 : 1;

		for (i = 0; i < m; i += 6) {
			size_t r = m - i < 6 ? m - i : 6;
			const float *ar[6];
			float *cr[6];

			if (g == 4 && r <= 2) {
				for (q = 0; q < r; q++)
					kern_1x64(k, a[i + q], bp + p * k * 16, bias ? bias + p * 16 : NULL,
					          c + (i + q) * ldc + p * 16);
				continue;
			}
			for (q = 0; q < 6; q++) {
				ar[q] = a[i + (q < r ? q : r - 1)];
				cr[q] = q < r ? c + (i + q) * ldc + p * 16 : scratch[q];
			}
			if (g == 4)
				kern_6x64(k, ar, bp + p * k * 16, bias ? bias + p * 16 : NULL, cr);
			else
				kern_6x16(k, ar, bp + p * k * 16, bias ? bias + p * 16 : NULL, cr);
		}
		p += g;
	}
}

static void gate1_avx512(size_t n, const float *const *p, const float *g,
                         const float *h, float *u, float *rh)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const float *pi = p[i], *gi = g + i * 2 * LAC_H, *hi = h + i * LAC_H;

		for (j = 0; j < LAC_H; j += 16) {
			__m512 uu = sigmoid16(_mm512_add_ps(_mm512_loadu_ps(pi + j), _mm512_loadu_ps(gi + j)));
			__m512 r = sigmoid16(_mm512_add_ps(_mm512_loadu_ps(pi + LAC_H + j),
			                                   _mm512_loadu_ps(gi + LAC_H + j)));

			_mm512_storeu_ps(u + i * LAC_H + j, uu);
			_mm512_storeu_ps(rh + i * LAC_H + j, _mm512_mul_ps(r, _mm512_loadu_ps(hi + j)));
		}
	}
}

static void gate2_avx512(size_t n, const float *const *p, const float *c,
                         const float *u, float *h, float *const *out)
{
	const __m512 one = _mm512_set1_ps(1.0f);
	size_t i, j;

	for (i = 0; i < n; i++) {
		const float *pi = p[i] + 2 * LAC_H;
		float *hi = h + i * LAC_H, *oi = out[i];

		for (j = 0; j < LAC_H; j += 16) {
			__m512 cand = tanh16(_mm512_add_ps(_mm512_loadu_ps(pi + j),
			                                   _mm512_loadu_ps(c + i * LAC_H + j)));
			__m512 uu = _mm512_loadu_ps(u + i * LAC_H + j), hh = _mm512_loadu_ps(hi + j);
			__m512 hn = _mm512_add_ps(_mm512_mul_ps(_mm512_sub_ps(one, uu), hh),
			                          _mm512_mul_ps(uu, cand));

			_mm512_storeu_ps(hi + j, hn);
			_mm512_storeu_ps(oi + j, hn);
		}
	}
}

static void viterbi_avx512(size_t nfrom, const float *cur, const float *tr,
                           float *mx, unsigned char *bp)
{
	size_t g, j;

	for (g = 0; g < LAC_VT; g += 16) {
		__m512 best = _mm512_add_ps(_mm512_set1_ps(cur[0]), _mm512_loadu_ps(tr + g));
		__m512i arg = _mm512_setzero_si512();

		for (j = 1; j < nfrom; j++) {
			__m512 sc = _mm512_add_ps(_mm512_set1_ps(cur[j]), _mm512_loadu_ps(tr + j * LAC_VT + g));
			__mmask16 gt = _mm512_cmp_ps_mask(sc, best, _CMP_GT_OQ);

			best = _mm512_mask_mov_ps(best, gt, sc);
			arg = _mm512_mask_mov_epi32(arg, gt, _mm512_set1_epi32((int)j));
		}
		_mm512_storeu_ps(mx + g, best);
		_mm_storeu_si128((__m128i *)(void *)(bp + g), _mm512_cvtepi32_epi8(arg));
	}
}

static const lac_kernels avx512 = {"avx512", gemm_avx512, gate1_avx512, gate2_avx512,
                                   viterbi_avx512};

const lac_kernels *lac_kernels_avx512(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma"))
		return &avx512;
	return NULL;
}
#else
const lac_kernels *lac_kernels_avx512(void)
{
	return NULL;
}
#endif
