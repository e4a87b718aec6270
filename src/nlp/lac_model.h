/*
 * lac_model.h - loading Baidu's LAC-small model as shipped by python3-jieba.
 *
 * The model directory holds word.dic (character -> id), tag.dic (57 labels)
 * and model_baseline/ with one Paddle tensor per file.  Every file is
 * checked (header, data type, dims, size) against the one model this code
 * implements; anything else is TEKG_EMODEL with a message naming the file
 * and the Debian package.  See ../shared/docs/lac-model.md and docs/tagger.md.
 */
#ifndef TEKG_NLP_LAC_MODEL_H
#define TEKG_NLP_LAC_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "tekg/error.h"
#include "nlp/lac_kern.h"

#define LAC_EMB 128        /* embedding width */
#define LAC_VOCAB 20941    /* embedding rows */
#define LAC_OOV 20940      /* id of characters not in word.dic */
#define LAC_NTAG 57        /* labels */
#define LAC_NTAGP 64       /* labels padded to a panel multiple */
#define LAC_TAGTYPE 8      /* bytes of a type name, NUL included */

#define LAC_DEBIAN_PACKAGE "python3-jieba"

/* A raw tensor as stored: dims and row-major float data (owned). */
typedef struct lac_tensor {
	int ndims;
	int64_t dims[4];
	size_t count;  /* product of dims */
	float *data;   /* tekg_malloc'd, count floats */
} lac_tensor;

/*
 * Parse one Paddle parameter file from memory (buf[0..len)): header, the
 * protobuf TensorDesc (float32 only) and the data.  On success fills *out
 * (caller frees out->data with tekg_free) and returns 0; otherwise returns
 * TEKG_EMODEL with `name` in the message and leaves *out empty.
 */
int lac_tensor_parse(lac_tensor *out, const unsigned char *buf, size_t len,
                     const char *name, tekg_error *err);
/* Read and parse dir/model_baseline/name; dims must equal want[0..nwant). */
int lac_tensor_load(lac_tensor *out, const char *dir, const char *name,
                    const int64_t *want, int nwant, tekg_error *err);

/* One direction of one BiGRU layer, packed for the kernels. */
typedef struct lac_dir {
	size_t k;     /* input width: 128 (layer 1) or 256 (layer 2) */
	float *wx;    /* packed k x 384 input projection */
	float *bx;    /* 384: fc bias + GRU bias */
	float *wur;   /* packed 128 x 256 (u | r) */
	float *wc;    /* packed 128 x 128 */
} lac_dir;

typedef struct lac_model {
	float *emb;                 /* LAC_VOCAB x 128, row-major (own block) */
	lac_dir dir[2][2];          /* [layer][0 forward, 1 backward] */
	float *wo;                  /* packed 256 x 64 emission weights */
	float *bo;                  /* 64 emission biases (57 used) */
	float start[LAC_NTAG];      /* CRF start scores */
	float end[LAC_NTAG];        /* CRF end scores */
	float trans[LAC_NTAG * LAC_NTAG]; /* [from * 57 + to] */
	float transp[LAC_NTAG * LAC_VT];  /* the same, rows padded to 64 */
	char type[LAC_NTAG][LAC_TAGTYPE]; /* "PER" for PER-B, "O" for O */
	unsigned char begin[LAC_NTAG];    /* 1 for X-B labels */
	int tag_o;                  /* id of O */
	uint16_t *bmp;              /* 65536: code point -> id, normalised */
	uint32_t *vcp;              /* word.dic characters, sorted */
	uint16_t *vid;              /* their ids */
	size_t nvocab;
	void *arena;                /* one block holding the packed weights */
	size_t bytes;               /* size of the loaded parameters */
} lac_model;

/*
 * Load the model from `dir` (the lac_small directory).  Returns 0 and a new
 * model in *out (free with lac_model_free), or TEKG_EMODEL / TEKG_ENOMEM /
 * TEKG_EIO with a message naming the file and LAC_DEBIAN_PACKAGE.
 */
int lac_model_load(lac_model **out, const char *dir, tekg_error *err);
void lac_model_free(lac_model *m);

/* Fill m->transp from m->trans (done by lac_model_load). */
void lac_model_prepare_crf(lac_model *m);

/* The word.dic id of code point cp after normalisation (LAC_OOV if absent). */
int lac_model_id(const lac_model *m, uint32_t cp);

#endif
