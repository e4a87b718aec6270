/*
 * lac_net.h - the LAC-small network on a batch of sequences.
 *
 * For each sequence: embedding, two bidirectional GRU layers, emissions and
 * CRF Viterbi decoding, exactly as ../shared/docs/lac-model.md describes
 * (docs/tagger.md explains the batching).  The sequences of a batch run side
 * by side: the input projections of many time steps become one matrix
 * product, and each recurrence step multiplies the states of all sequences
 * still running.  Results do not depend on how sequences are batched.
 */
#ifndef TEKG_NLP_LAC_NET_H
#define TEKG_NLP_LAC_NET_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/lac_model.h"

typedef struct lac_seq {
	const uint16_t *ids;   /* word.dic ids, len of them */
	size_t len;            /* >= 1 */
	unsigned char *tags;   /* out: len label ids */
} lac_seq;

/* Scratch memory of one thread, grown on demand; reuse it across calls. */
typedef struct lac_ws lac_ws;

lac_ws *lac_ws_new(void);     /* NULL when out of memory */
void lac_ws_free(lac_ws *ws); /* NULL-safe */
size_t lac_ws_bytes(const lac_ws *ws);

/*
 * Tag n sequences, sorted by len in non-increasing order (asserted).
 * Returns 0 or TEKG_ENOMEM.  When emis is non-NULL it receives the
 * emission scores (rows of LAC_NTAGP floats, sequence after sequence in
 * batch order), valid until the next call with the same workspace.
 */
int lac_net_run(const lac_model *m, const lac_kernels *k, lac_ws *ws,
                lac_seq *seqs, size_t n, const float **emis);

/*
 * Viterbi over len rows of emissions e (row stride ld): start + e_0,
 * transitions [from][to] (m->transp), end scores; ties go to the lower
 * label id, as in Paddle's crf_decoding.  alpha holds 3 * LAC_VT floats,
 * bp len * LAC_VT bytes of scratch.
 */
void lac_viterbi(const lac_model *m, const lac_kernels *k, const float *e, size_t ld,
                 size_t len, unsigned char *tags, float *alpha, unsigned char *bp);

#endif
