/*
 * tagger.h - Chinese segmentation, POS and NER tagging with Baidu's
 * LAC-small model (the BiGRU-CRF shipped by Debian's python3-jieba).
 *
 * One pass gives words with a type: a part of speech (n, nr, ns, nt, v, p,
 * w, ...) or a named-entity type (PER, LOC, ORG, TIME).  The model files are
 * read from the python3-jieba data directory; no Python or ML framework is
 * involved.  docs/tagger.md describes the model, the input normalisation,
 * the splitting of long sequences and the measured speed and accuracy.
 *
 * Thread safety: a tekg_tagger may be used by one thread at a time (it
 * keeps scratch memory between calls).  tekg_tagger_tag_batch() runs its
 * own worker threads.  Several taggers may run in parallel.
 */
#ifndef TEKG_TAGGER_H
#define TEKG_TAGGER_H

#include <stddef.h>

#include "tekg/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tekg_tagger tekg_tagger;

/* One word of the tagged text. */
typedef struct tekg_token {
	size_t start, end; /* code-point offsets into the input, end exclusive */
	char type[8];      /* "PER", "LOC", "ORG", "TIME", "nr", "ns", "v", ...;
	                      "O" for characters the model leaves untyped */
} tekg_token;

/* One input sequence: UTF-8 text and its length in bytes. */
typedef struct tekg_tag_input {
	const char *text;
	size_t len;
} tekg_tag_input;

/* The result for one input: n tokens covering every character in order.
 * tokens belongs to the caller (tekg_free); NULL when n is 0. */
typedef struct tekg_tag_result {
	tekg_token *tokens;
	size_t n;
} tekg_tag_result;

/* Sequences longer than this many characters are split (see
 * tekg_tagger_set_max_len); shorter ones are tagged as one sequence. */
#define TEKG_TAGGER_MAX_LEN 10000

/* The Debian data directory of the model:
 * "/usr/lib/python3/dist-packages/jieba/lac_small".  Static string. */
const char *tekg_tagger_default_dir(void);

/*
 * Load the model from model_dir (the lac_small directory: word.dic,
 * tag.dic, model_baseline/).  NULL means $TEKG_MODEL_DIR when set and
 * non-empty, else tekg_tagger_default_dir().  Every file's header, data
 * type and dims are checked.
 *
 * Returns 0 and a new tagger in *out (free with tekg_tagger_free), or
 * TEKG_EMODEL (files missing or not this model: the message names the file
 * and the Debian package python3-jieba), TEKG_ENOMEM.  About 13 MB.
 */
int tekg_tagger_new(tekg_tagger **out, const char *model_dir, tekg_error *err);

/* Release the tagger and its scratch memory.  NULL is a no-op. */
void tekg_tagger_free(tekg_tagger *t);

/*
 * Change the split length (default TEKG_TAGGER_MAX_LEN, at least 16):
 * a sequence of more than max_chars characters is cut into pieces of at
 * most max_chars, each cut placed in the last half of the window after
 * sentence-final punctuation, else after a clause separator, else after
 * whitespace, else exactly at max_chars.  Each piece is tagged alone and a
 * word never spans a cut.  Returns 0 or TEKG_EINVAL.
 */
int tekg_tagger_set_max_len(tekg_tagger *t, size_t max_chars);

/*
 * Tag one sequence text[0..len) (UTF-8; len in bytes).  On success *out is
 * a new array of *n_out tokens (caller frees with tekg_free; NULL when the
 * text is empty) covering all characters, whitespace included, grouped as
 * the model groups them.  Returns 0, TEKG_EENCODING (invalid UTF-8; the
 * message gives the byte offset; nothing is returned) or TEKG_ENOMEM.
 * Cost: about 0.5 M multiply-adds per character; linear in len.
 */
int tekg_tagger_tag(tekg_tagger *t, const char *text, size_t len,
                    tekg_token **out, size_t *n_out, tekg_error *err);

/*
 * Tag n sequences at once: sequences of similar length are batched so the
 * recurrences become matrix products, and batches are spread over nthreads
 * threads (<= 0: the number of online CPUs).  res[i] receives the tokens
 * of in[i]; the output does not depend on n or nthreads.
 *
 * Returns 0, or TEKG_EENCODING (the message names the input index and byte
 * offset), TEKG_ENOMEM, TEKG_EINVAL (no mutex could be created; when a
 * thread cannot be started the others do its share).  On error
 * every res[i] is left empty ({NULL, 0}).  Each worker keeps about 14 MB
 * of scratch memory (up to 25 MB for a 10,000-character sequence) in the
 * tagger until tekg_tagger_free().
 */
int tekg_tagger_tag_batch(tekg_tagger *t, const tekg_tag_input *in, size_t n,
                          tekg_tag_result *res, int nthreads, tekg_error *err);

/* Name of the numeric kernels in use: "avx512", "avx2" or "generic". */
const char *tekg_tagger_kernels(const tekg_tagger *t);

#ifdef __cplusplus
}
#endif
#endif
