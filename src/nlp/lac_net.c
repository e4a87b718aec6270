/*
 * lac_net.c - batched forward pass and Viterbi (see lac_net.h).
 *
 * Data layout for a batch of n sequences of total length T (row r of a
 * sequence-major matrix is position pos of sequence i at r = off[i] + pos):
 *
 *   y1, y2   T x 256   layer outputs, [forward h | backward h]
 *   e        T x 64    emissions (57 used)
 *   p        rows x 384  input projections of a chunk of time steps
 *   h        n x 128   recurrent states of the running sequences
 *
 * Sequences are sorted longest first, so at time step t the running ones
 * are a prefix 0..act(t)-1 and their states stay contiguous.  The backward
 * direction processes position len_i - 1 - t of sequence i at step t.
 */
#include "nlp/lac_net.h"
#include "util/alloc.h"

#include <assert.h>
#include <string.h>

#define CHUNK_ROWS 512 /* target rows of one input-projection product */

struct lac_ws {
	float *mem;          /* all float buffers, 64-byte aligned inside */
	void *mem_base;
	size_t mem_cap;      /* floats */
	size_t cap_t, cap_n; /* sizes the float buffers were laid out for */
	float *y1, *y2, *e, *p, *h, *g, *u, *rh, *c;
	const float **arow;  /* max(T, CHUNK_ROWS + n) */
	const float **prow;  /* n */
	float **orow;        /* n */
	const float **hrow;  /* n */
	size_t *off;         /* n */
	unsigned char *bp;   /* maxlen * 64 */
	size_t ptr_cap, bp_cap;
};

lac_ws *lac_ws_new(void)
{
	return tekg_calloc(1, sizeof(lac_ws));
}

void lac_ws_free(lac_ws *ws)
{
	if (!ws)
		return;
	tekg_free(ws->mem_base);
	tekg_free(ws->arow);
	tekg_free(ws->prow);
	tekg_free(ws->orow);
	tekg_free(ws->hrow);
	tekg_free(ws->off);
	tekg_free(ws->bp);
	tekg_free(ws);
}

size_t lac_ws_bytes(const lac_ws *ws)
{
	return ws ? ws->mem_cap * sizeof(float) + ws->ptr_cap * 5 * sizeof(void *) +
	       ws->bp_cap : 0;
}

static size_t r16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

/* Make room for T positions, n sequences, longest maxlen. */
static int ws_reserve(lac_ws *ws, size_t T, size_t n, size_t maxlen)
{
	size_t need, ptrs;

	if (T > ws->cap_t || n > ws->cap_n) {
		size_t t = T > ws->cap_t ? T + T / 4 : ws->cap_t;
		size_t nn = n > ws->cap_n ? n : ws->cap_n;
		size_t rows = CHUNK_ROWS + nn;
		float *base;

		need = 2 * r16(t * 256) + r16(t * 64) + r16(rows * LAC_G) +
		       r16(nn * LAC_H) * 4 + r16(nn * 2 * LAC_H);
		tekg_free(ws->mem_base);
		ws->mem_base = tekg_malloc(need * sizeof(float) + 64);
		if (!ws->mem_base) {
			ws->mem_cap = ws->cap_t = ws->cap_n = 0;
			return TEKG_ENOMEM;
		}
		ws->mem_cap = need;
		base = (float *)(((uintptr_t)ws->mem_base + 63) & ~(uintptr_t)63);
#define TAKE(x, sz) (ws->x = base, base += r16(sz))
		TAKE(y1, t * 256);
		TAKE(y2, t * 256);
		TAKE(e, t * 64);
		TAKE(p, rows * LAC_G);
		TAKE(h, nn * LAC_H);
		TAKE(g, nn * 2 * LAC_H);
		TAKE(u, nn * LAC_H);
		TAKE(rh, nn * LAC_H);
		TAKE(c, nn * LAC_H);
#undef TAKE
		ws->cap_t = t;
		ws->cap_n = nn;
	}
	ptrs = T > CHUNK_ROWS + n ? T : CHUNK_ROWS + n;
	if (ptrs > ws->ptr_cap || n > ws->ptr_cap) {
		size_t cap = ptrs + ptrs / 4;
		void *a = tekg_realloc(ws->arow, cap * sizeof *ws->arow);

		if (!a)
			return TEKG_ENOMEM;
		ws->arow = a;
		if (!(a = tekg_realloc(ws->prow, cap * sizeof *ws->prow)))
			return TEKG_ENOMEM;
		ws->prow = a;
		if (!(a = tekg_realloc(ws->orow, cap * sizeof *ws->orow)))
			return TEKG_ENOMEM;
		ws->orow = a;
		if (!(a = tekg_realloc(ws->hrow, cap * sizeof *ws->hrow)))
			return TEKG_ENOMEM;
		ws->hrow = a;
		if (!(a = tekg_realloc(ws->off, cap * sizeof *ws->off)))
			return TEKG_ENOMEM;
		ws->off = a;
		ws->ptr_cap = cap;
	}
	if (maxlen * LAC_VT > ws->bp_cap) {
		size_t cap = maxlen * LAC_VT;
		void *a = tekg_realloc(ws->bp, cap);

		if (!a)
			return TEKG_ENOMEM;
		ws->bp = a;
		ws->bp_cap = cap;
	}
	return 0;
}

/*
 * One direction of one layer over the batch.  in(r) is the input row of
 * sequence-major position r (an embedding row or a row of y1); the states
 * go to out + r * 256 + half * 128.
 */
static void run_dir(const lac_kernels *k, lac_ws *ws, const lac_dir *d, int backward,
                    const lac_seq *s, size_t n, const float *const *inrow,
                    float *out, int half)
{
	size_t maxlen = s[0].len, act = n, t0 = 0, t, i;

	memset(ws->h, 0, n * LAC_H * sizeof(float));
	for (i = 0; i < n; i++)
		ws->hrow[i] = ws->h + i * LAC_H;
	while (t0 < maxlen) {
		size_t rows = 0, t1 = t0, a = act, base;

		/* Gather the input rows of steps t0..t1-1, step-major. */
		while (t1 < maxlen) {
			while (a > 0 && s[a - 1].len <= t1)
				a--;
			if (rows > 0 && rows + a > CHUNK_ROWS)
				break;
			for (i = 0; i < a; i++) {
				size_t pos = backward ? s[i].len - 1 - t1 : t1;

				ws->arow[rows++] = inrow[ws->off[i] + pos];
			}
			t1++;
		}
		k->gemm(rows, LAC_G, d->k, ws->arow, d->wx, d->bx, ws->p, LAC_G);
		base = 0;
		for (t = t0; t < t1; t++) {
			while (act > 0 && s[act - 1].len <= t)
				act--;
			for (i = 0; i < act; i++) {
				size_t pos = backward ? s[i].len - 1 - t : t;

				ws->prow[i] = ws->p + (base + i) * LAC_G;
				ws->orow[i] = out + (ws->off[i] + pos) * 256 + half * LAC_H;
			}
			k->gemm(act, 2 * LAC_H, LAC_H, ws->hrow, d->wur, NULL, ws->g, 2 * LAC_H);
			k->gru_gate1(act, ws->prow, ws->g, ws->h, ws->u, ws->rh);
			for (i = 0; i < act; i++)
				ws->arow[CHUNK_ROWS + i] = ws->rh + i * LAC_H;
			/* arow[0..rows) is no longer needed once p is computed */
			k->gemm(act, LAC_H, LAC_H, ws->arow + CHUNK_ROWS, d->wc, NULL, ws->c, LAC_H);
			k->gru_gate2(act, ws->prow, ws->c, ws->u, ws->h, ws->orow);
			base += act;
		}
		t0 = t1;
	}
}

int lac_net_run(const lac_model *m, const lac_kernels *k, lac_ws *ws,
                lac_seq *s, size_t n, const float **emis)
{
	size_t T = 0, i, j, r;
	const float **rows;
	int rc;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		assert(s[i].len >= 1);
		assert(i == 0 || s[i].len <= s[i - 1].len);
		T += s[i].len;
	}
	rc = ws_reserve(ws, T, n, s[0].len);
	if (rc)
		return rc;
	for (i = 0, r = 0; i < n; i++) {
		ws->off[i] = r;
		r += s[i].len;
	}
	/* Layer 1 reads embedding rows in place. */
	rows = ws->arow;
	{
		/* arow is reused by run_dir; keep the embedding row pointers in
		 * the y2 buffer (unused until layer 2). */
		const float **emb_rows = (const float **)(void *)ws->y2;

		for (i = 0; i < n; i++)
			for (j = 0; j < s[i].len; j++)
				emb_rows[ws->off[i] + j] = m->emb + (size_t)s[i].ids[j] * LAC_EMB;
		run_dir(k, ws, &m->dir[0][0], 0, s, n, emb_rows, ws->y1, 0);
		run_dir(k, ws, &m->dir[0][1], 1, s, n, emb_rows, ws->y1, 1);
	}
	{
		const float **y1_rows = (const float **)(void *)ws->e;

		/* e (T x 64 floats) has room for T pointers */
		for (r = 0; r < T; r++)
			y1_rows[r] = ws->y1 + r * 256;
		run_dir(k, ws, &m->dir[1][0], 0, s, n, y1_rows, ws->y2, 0);
		run_dir(k, ws, &m->dir[1][1], 1, s, n, y1_rows, ws->y2, 1);
	}
	for (r = 0; r < T; r++)
		rows[r] = ws->y2 + r * 256;
	k->gemm(T, LAC_NTAGP, 256, rows, m->wo, m->bo, ws->e, LAC_NTAGP);
	for (i = 0; i < n; i++) {
		float alpha[3 * LAC_VT];

		lac_viterbi(m, k, ws->e + ws->off[i] * LAC_NTAGP, LAC_NTAGP, s[i].len, s[i].tags,
		            alpha, ws->bp);
	}
	if (emis)
		*emis = ws->e;
	return 0;
}

void lac_viterbi(const lac_model *m, const lac_kernels *k, const float *e, size_t ld,
                 size_t len, unsigned char *tags, float *alpha, unsigned char *bp)
{
	float *cur = alpha, *nxt = alpha + LAC_VT, *mx = alpha + 2 * LAC_VT, best;
	size_t t, i;
	int arg;

	for (i = 0; i < LAC_NTAG; i++)
		cur[i] = m->start[i] + e[i];
	for (t = 1; t < len; t++) {
		const float *x = e + t * ld;

		k->viterbi_step(LAC_NTAG, cur, m->transp, mx, bp + t * LAC_VT);
		for (i = 0; i < LAC_NTAG; i++)
			nxt[i] = mx[i] + x[i];
		{
			float *tmp = cur;

			cur = nxt;
			nxt = tmp;
		}
	}
	best = cur[0] + m->end[0];
	arg = 0;
	for (i = 1; i < LAC_NTAG; i++)
		if (cur[i] + m->end[i] > best) {
			best = cur[i] + m->end[i];
			arg = (int)i;
		}
	tags[len - 1] = (unsigned char)arg;
	for (t = len - 1; t >= 1; t--) {
		arg = bp[t * LAC_VT + arg];
		tags[t - 1] = (unsigned char)arg;
	}
}
