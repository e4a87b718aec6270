/*
 * lac_kern.h - the numeric kernels of the LAC tagger, one set per ISA.
 *
 * Three sets exist: portable C (lac_kern.c), AVX2+FMA (lac_kern_avx2.c) and
 * AVX-512 (lac_kern_avx512.c).  lac_kernels_best() picks one at run time
 * with __builtin_cpu_supports, so the default build runs on any x86-64 (and
 * under valgrind, which reports no AVX-512).  TEKG_KERNELS=generic|avx2|avx512
 * forces a set (for benchmarks and tests; an unsupported choice is ignored).
 *
 * Matrix layout.  Weights are "packed": a K x N row-major matrix (N a
 * multiple of 16) is stored as N/16 panels, panel p holding rows k = 0..K-1
 * of columns 16p..16p+15 contiguously (K*16 floats, 64-byte aligned).  A
 * GEMM then streams one panel per group of output columns.  Left operands
 * are given as row pointers so that embedding rows and the rows of one time
 * step of many sentences need no copy.
 */
#ifndef TEKG_NLP_LAC_KERN_H
#define TEKG_NLP_LAC_KERN_H

#include <stddef.h>

#define LAC_H 128      /* GRU hidden size */
#define LAC_G (3 * LAC_H) /* gates u | r | c */

typedef struct lac_kernels {
	const char *name; /* "generic", "avx2", "avx512" */
	/*
	 * C[i][0..n) = bias[0..n) + a[i][0..k) . B for i < m, with B packed
	 * (k x n, n % 16 == 0); bias may be NULL (zeros).  Row i of C starts
	 * at c + i * ldc.  Every row is computed with the same sequence of
	 * operations, so a row's result does not depend on m or its position.
	 */
	void (*gemm)(size_t m, size_t n, size_t k, const float *const *a,
	             const float *bp, const float *bias, float *c, size_t ldc);
	/*
	 * GRU gates, first half, for n rows: p[i] is the row's input
	 * projection (LAC_G values, biases included), g + i*2H the product
	 * h W_ur, h + i*H the previous state.  Writes u (n x H) and r*h
	 * (n x H).
	 */
	void (*gru_gate1)(size_t n, const float *const *p, const float *g,
	                  const float *h, float *u, float *rh);
	/*
	 * Second half: cand = tanh(p[i][2H..3H) + c[i]); h = (1-u) h + u cand,
	 * written to h + i*H and to out[i] (H floats).
	 */
	void (*gru_gate2)(size_t n, const float *const *p, const float *c,
	                  const float *u, float *h, float *const *out);
	/*
	 * One Viterbi step over LAC_VT labels: for every label i < 64,
	 * mx[i] = max over j < nfrom of cur[j] + tr[j * 64 + i] and bp[i] the
	 * first j reaching it (strict >, j ascending: ties go to the lower j).
	 * tr rows are padded to 64; mx and bp hold 64 entries.
	 */
	void (*viterbi_step)(size_t nfrom, const float *cur, const float *tr,
	                     float *mx, unsigned char *bp);
} lac_kernels;

#define LAC_VT 64 /* padded label count of the Viterbi kernels */

/* Each returns NULL when the CPU (or build) lacks the instructions. */
const lac_kernels *lac_kernels_generic(void);
const lac_kernels *lac_kernels_avx2(void);
const lac_kernels *lac_kernels_avx512(void);
/* The fastest supported set, or the one TEKG_KERNELS names. Never NULL. */
const lac_kernels *lac_kernels_best(void);

/* Pack row-major w (k x n_in) into dst (k x n, zero columns n_in..n-1);
 * dst holds k * n floats, n % 16 == 0, n >= n_in. */
void lac_pack(float *dst, const float *w, size_t k, size_t n_in, size_t n);

#endif
