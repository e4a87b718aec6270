/*
 * lac_model.c - read and check the LAC-small files (see lac_model.h).
 *
 * Parameter file layout (little-endian), as written by Paddle 1.x:
 *
 *   u32 version (0) | u64 lod_level (0) | u32 tensor version (0)
 *   | i32 desc_size | TensorDesc (protobuf, desc_size bytes) | float32 data
 *
 * TensorDesc: field 1 varint = data type (5 = FP32), field 2 = dims
 * (repeated int64, packed or not).  The data must be exactly prod(dims)
 * floats: a file of another size is another model.
 */
#include "nlp/lac_model.h"
#include "nlp/lac_norm.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HINT "install the Debian package " LAC_DEBIAN_PACKAGE \
	" (apt-get install " LAC_DEBIAN_PACKAGE ") or point --model / TEKG_MODEL_DIR at its lac_small directory"

/* Whole file into a new buffer; TEKG_EMODEL when it cannot be read. */
static int read_file(const char *path, unsigned char **out, size_t *len, tekg_error *err)
{
	FILE *f = NULL;
	unsigned char *buf = NULL;
	long n;
	int rc = 0;

	*out = NULL;
	f = fopen(path, "rb");
	if (!f) {
		rc = tekg_error_set(err, TEKG_EMODEL, "%s: %s; %s", path, strerror(errno), HINT);
		goto cleanup;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		rc = tekg_error_set(err, TEKG_EMODEL, "%s: cannot read: %s", path, strerror(errno));
		goto cleanup;
	}
	buf = tekg_malloc((size_t)n + 1);
	if (!buf) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		rc = tekg_error_set(err, TEKG_EMODEL, "%s: short read", path);
		goto cleanup;
	}
	buf[n] = 0;
	*out = buf;
	*len = (size_t)n;
	buf = NULL;
cleanup:
	tekg_free(buf);
	if (f)
		fclose(f);
	return rc;
}

static uint64_t get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Read a protobuf varint from p[*i..len); 0 ok, -1 truncated/too long. */
static int varint(const unsigned char *p, size_t len, size_t *i, uint64_t *v)
{
	int shift = 0;

	*v = 0;
	while (*i < len && shift < 64) {
		unsigned char b = p[(*i)++];

		*v |= (uint64_t)(b & 0x7F) << shift;
		if (!(b & 0x80))
			return 0;
		shift += 7;
	}
	return -1;
}

int lac_tensor_parse(lac_tensor *out, const unsigned char *buf, size_t len,
                     const char *name, tekg_error *err)
{
	size_t i, desc_end, count = 1;
	int64_t desc_size;
	uint64_t dtype = (uint64_t)-1;
	lac_tensor t;

	memset(out, 0, sizeof *out);
	memset(&t, 0, sizeof t);
	if (len < 20)
		return tekg_error_set(err, TEKG_EMODEL, "%s: not a tensor file (%zu bytes)", name, len);
	if (get_le(buf, 4) != 0 || get_le(buf + 4, 8) != 0 || get_le(buf + 12, 4) != 0)
		return tekg_error_set(err, TEKG_EMODEL, "%s: unexpected tensor header "
		                      "(version, LoD level and tensor version must be 0)", name);
	desc_size = (int32_t)(uint32_t)get_le(buf + 16, 4);
	if (desc_size <= 0 || (size_t)desc_size > len - 20)
		return tekg_error_set(err, TEKG_EMODEL, "%s: bad tensor descriptor size %lld",
		                      name, (long long)desc_size);
	i = 20;
	desc_end = 20 + (size_t)desc_size;
	while (i < desc_end) {
		uint64_t key, v, plen;
		size_t stop;

		if (varint(buf, desc_end, &i, &key) != 0)
			goto bad_desc;
		switch (key & 7) {
		case 0:
			if (varint(buf, desc_end, &i, &v) != 0)
				goto bad_desc;
			if ((key >> 3) == 1) {
				dtype = v;
			} else if ((key >> 3) == 2) {
				if (t.ndims == 4)
					goto bad_desc;
				t.dims[t.ndims++] = (int64_t)v;
			}
			break;
		case 2:
			if (varint(buf, desc_end, &i, &plen) != 0 || plen > desc_end - i)
				goto bad_desc;
			stop = i + (size_t)plen;
			if ((key >> 3) == 2) { /* packed dims */
				while (i < stop) {
					if (varint(buf, stop, &i, &v) != 0 || t.ndims == 4)
						goto bad_desc;
					t.dims[t.ndims++] = (int64_t)v;
				}
			}
			i = stop;
			break;
		case 1:
			i += 8;
			break;
		case 5:
			i += 4;
			break;
		default:
			goto bad_desc;
		}
		if (i > desc_end)
			goto bad_desc;
	}
	if (dtype != 5)
		return tekg_error_set(err, TEKG_EMODEL, "%s: tensor data type %lld, expected 5 (float32)",
		                      name, (long long)dtype);
	if (t.ndims == 0)
		goto bad_desc;
	for (i = 0; i < (size_t)t.ndims; i++) {
		if (t.dims[i] <= 0 || (uint64_t)t.dims[i] > ((size_t)1 << 31) / count)
			goto bad_desc;
		count *= (size_t)t.dims[i];
	}
	if (len - desc_end != count * 4)
		return tekg_error_set(err, TEKG_EMODEL, "%s: %zu data bytes for %zu floats",
		                      name, len - desc_end, count);
	t.count = count;
	t.data = tekg_malloc(count * sizeof(float));
	if (!t.data)
		return tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", name);
	for (i = 0; i < count; i++) {
		uint32_t u = (uint32_t)get_le(buf + desc_end + 4 * i, 4);

		memcpy(&t.data[i], &u, 4);
	}
	*out = t;
	return 0;
bad_desc:
	return tekg_error_set(err, TEKG_EMODEL, "%s: malformed tensor descriptor", name);
}

int lac_tensor_load(lac_tensor *out, const char *dir, const char *name,
                    const int64_t *want, int nwant, tekg_error *err)
{
	char path[4096];
	unsigned char *buf = NULL;
	size_t len = 0;
	int rc, i;

	memset(out, 0, sizeof *out);
	snprintf(path, sizeof path, "%s/model_baseline/%s", dir, name);
	rc = read_file(path, &buf, &len, err);
	if (rc)
		goto cleanup;
	rc = lac_tensor_parse(out, buf, len, path, err);
	if (rc)
		goto cleanup;
	if (out->ndims != nwant)
		goto mismatch;
	for (i = 0; i < nwant; i++)
		if (out->dims[i] != want[i])
			goto mismatch;
	goto cleanup;
mismatch:
	{
		char got[96] = "", exp[96] = "";
		size_t g = 0, e = 0;

		for (i = 0; i < out->ndims && g < sizeof got - 24; i++)
			g += (size_t)snprintf(got + g, sizeof got - g, "%s%lld", i ? "x" : "",
			                      (long long)out->dims[i]);
		for (i = 0; i < nwant && e < sizeof exp - 24; i++)
			e += (size_t)snprintf(exp + e, sizeof exp - e, "%s%lld", i ? "x" : "",
			                      (long long)want[i]);
		rc = tekg_error_set(err, TEKG_EMODEL, "%s: dims %s, expected %s: not the LAC-small "
		                    "model of %s", path, got, exp, LAC_DEBIAN_PACKAGE);
		tekg_free(out->data);
		memset(out, 0, sizeof *out);
	}
cleanup:
	tekg_free(buf);
	return rc;
}

/* ---- dictionaries ------------------------------------------------------ */

typedef struct vent {
	uint32_t cp;
	uint16_t id;
} vent;

static int vent_cmp(const void *a, const void *b)
{
	const vent *x = a, *y = b;

	return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/* Parse "ID<TAB>VALUE" at p (up to the newline); 0 ok. */
static int split_line(const char *p, const char *eol, long *id, const char **val, size_t *vlen)
{
	char *end;
	const char *tab = memchr(p, '\t', (size_t)(eol - p));

	if (!tab || tab == p)
		return -1;
	errno = 0;
	*id = strtol(p, &end, 10);
	if (end != tab || errno)
		return -1;
	*val = tab + 1;
	*vlen = (size_t)(eol - tab - 1);
	if (*vlen > 0 && (*val)[*vlen - 1] == '\r')
		(*vlen)--;
	return 0;
}

static int load_words(lac_model *m, const char *dir, tekg_error *err)
{
	char path[4096];
	unsigned char *buf = NULL;
	size_t len = 0, n = 0, line = 0;
	vent *v = NULL;
	unsigned char *seen = NULL;
	const char *p, *end;
	int rc, oov = -1;
	uint32_t cp;

	snprintf(path, sizeof path, "%s/word.dic", dir);
	rc = read_file(path, &buf, &len, err);
	if (rc)
		goto cleanup;
	v = tekg_calloc(LAC_VOCAB, sizeof *v);
	seen = tekg_calloc(LAC_VOCAB, 1);
	if (!v || !seen) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	p = (const char *)buf;
	end = p + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *val;
		size_t vlen, used;
		long id;

		if (!eol)
			eol = end;
		line++;
		if (split_line(p, eol, &id, &val, &vlen) != 0 || id < 0 || id >= LAC_VOCAB ||
		    seen[id]) {
			rc = tekg_error_set(err, TEKG_EMODEL, "%s:%zu: not an ID<TAB>CHAR line of "
			                    "the LAC-small vocabulary (%s)", path, line, HINT);
			goto cleanup;
		}
		seen[id] = 1;
		if (vlen == 3 && !memcmp(val, "OOV", 3)) {
			oov = (int)id;
		} else if (vlen > 4 && !memcmp(val, "OOV_", 4)) {
			/* OOV_NUM, OOV_ALPHA, ...: ids no character maps to */
		} else {
			used = vlen ? tekg_utf8_decode(val, vlen, &cp) : 0;
			if (used == 0 || used != vlen) {
				rc = tekg_error_set(err, TEKG_EMODEL, "%s:%zu: entry is not one "
				                    "UTF-8 character", path, line);
				goto cleanup;
			}
			v[n].cp = cp;
			v[n].id = (uint16_t)id;
			n++;
		}
		p = eol + 1;
	}
	if (oov != LAC_OOV || line != LAC_VOCAB - 1) {
		rc = tekg_error_set(err, TEKG_EMODEL, "%s: %zu entries, OOV id %d; expected %d and "
		                    "%d: not the LAC-small vocabulary (%s)", path, line, oov,
		                    LAC_VOCAB - 1, LAC_OOV, HINT);
		goto cleanup;
	}
	qsort(v, n, sizeof *v, vent_cmp);
	m->vcp = tekg_malloc(n * sizeof *m->vcp);
	m->vid = tekg_malloc(n * sizeof *m->vid);
	m->bmp = tekg_malloc(65536 * sizeof *m->bmp);
	if (!m->vcp || !m->vid || !m->bmp) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
		goto cleanup;
	}
	for (line = 0; line < n; line++) {
		if (line && v[line].cp == v[line - 1].cp) {
			rc = tekg_error_set(err, TEKG_EMODEL, "%s: character U+%04X listed twice",
			                    path, (unsigned)v[line].cp);
			goto cleanup;
		}
		m->vcp[line] = v[line].cp;
		m->vid[line] = v[line].id;
	}
	m->nvocab = n;
	/* Direct table for the BMP: normalisation and lookup done once here. */
	for (cp = 0; cp < 65536; cp++)
		m->bmp[cp] = LAC_OOV;
	for (cp = 0; cp < 65536; cp++) {
		size_t lo = 0, hi = n;
		uint32_t key = tekg_lac_norm(cp);

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (m->vcp[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && m->vcp[lo] == key)
			m->bmp[cp] = m->vid[lo];
	}
cleanup:
	tekg_free(buf);
	tekg_free(v);
	tekg_free(seen);
	return rc;
}

int lac_model_id(const lac_model *m, uint32_t cp)
{
	size_t lo = 0, hi = m->nvocab;

	if (cp < 65536)
		return m->bmp[cp];
	cp = tekg_lac_norm(cp);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->vcp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nvocab && m->vcp[lo] == cp ? m->vid[lo] : LAC_OOV;
}

static int load_tags(lac_model *m, const char *dir, tekg_error *err)
{
	char path[4096];
	unsigned char *buf = NULL;
	size_t len = 0, line = 0;
	const char *p, *end;
	int rc;

	snprintf(path, sizeof path, "%s/tag.dic", dir);
	rc = read_file(path, &buf, &len, err);
	if (rc)
		goto cleanup;
	m->tag_o = -1;
	p = (const char *)buf;
	end = p + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *val;
		size_t vlen;
		long id;

		if (!eol)
			eol = end;
		if (eol == p) { /* tolerate a trailing blank line */
			p = eol + 1;
			continue;
		}
		if (split_line(p, eol, &id, &val, &vlen) != 0 || id != (long)line ||
		    id >= LAC_NTAG || vlen == 0)
			goto bad;
		if (vlen == 1 && val[0] == 'O') {
			m->tag_o = (int)id;
			strcpy(m->type[id], "O");
		} else if (vlen >= 3 && vlen - 2 < LAC_TAGTYPE && val[vlen - 2] == '-' &&
		           (val[vlen - 1] == 'B' || val[vlen - 1] == 'I')) {
			memcpy(m->type[id], val, vlen - 2);
			m->type[id][vlen - 2] = 0;
			m->begin[id] = val[vlen - 1] == 'B';
		} else {
			goto bad;
		}
		line++;
		p = eol + 1;
	}
	if (line != LAC_NTAG || m->tag_o < 0)
		goto bad;
	goto cleanup;
bad:
	rc = tekg_error_set(err, TEKG_EMODEL, "%s: not the 57-label tag set of LAC-small (%s)",
	                    path, HINT);
cleanup:
	tekg_free(buf);
	return rc;
}

/* ---- parameters -------------------------------------------------------- */

static size_t round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

int lac_model_load(lac_model **out, const char *dir, tekg_error *err)
{
	static const char *fc[4] = {"fc_0", "fc_1", "fc_2", "fc_3"};
	static const char *gru[4] = {"gru_0", "gru_1", "gru_2", "gru_3"};
	lac_model *m = NULL;
	lac_tensor t = {0}, b = {0};
	size_t total, off, i, j;
	float *base;
	char name[64];
	int rc, l, d;

	*out = NULL;
	m = tekg_calloc(1, sizeof *m);
	if (!m)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory loading the model");
	rc = load_words(m, dir, err);
	if (rc)
		goto cleanup;
	rc = load_tags(m, dir, err);
	if (rc)
		goto cleanup;

	/* The embedding keeps the buffer it was parsed into (rows are read
	 * by broadcast, alignment does not matter); one 64-byte aligned arena
	 * holds the packed weights. */
	{
		const int64_t want[2] = {LAC_VOCAB, LAC_EMB};

		rc = lac_tensor_load(&t, dir, "word_emb", want, 2, err);
		if (rc)
			goto cleanup;
		m->emb = t.data;
		t.data = NULL;
	}
	total = round16(256 * LAC_NTAGP) + LAC_NTAGP;
	for (l = 0; l < 2; l++)
		for (d = 0; d < 2; d++)
			total += round16((l ? 256u : 128u) * LAC_G) + LAC_G +
			         LAC_H * 2 * LAC_H + LAC_H * LAC_H;
	m->arena = tekg_malloc(total * sizeof(float) + 64);
	if (!m->arena) {
		rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory loading the model");
		goto cleanup;
	}
	m->bytes = total * sizeof(float) + (size_t)LAC_VOCAB * LAC_EMB * sizeof(float);
	base = (float *)(((uintptr_t)m->arena + 63) & ~(uintptr_t)63);
	off = 0;
#define TAKE(n) (off += round16(n), base + off - round16(n))

	for (l = 0; l < 2; l++) {
		for (d = 0; d < 2; d++) {
			lac_dir *ld = &m->dir[l][d];
			int idx = 2 * l + d;
			int64_t wfc[2] = {l ? 256 : 128, LAC_G}, bfc[1] = {LAC_G};
			int64_t wg[2] = {LAC_H, LAC_G}, bg[2] = {1, LAC_G};

			ld->k = (size_t)wfc[0];
			snprintf(name, sizeof name, "%s.w_0", fc[idx]);
			if ((rc = lac_tensor_load(&t, dir, name, wfc, 2, err)) != 0)
				goto cleanup;
			snprintf(name, sizeof name, "%s.b_0", fc[idx]);
			if ((rc = lac_tensor_load(&b, dir, name, bfc, 1, err)) != 0)
				goto cleanup;
			ld->wx = TAKE(ld->k * LAC_G);
			lac_pack(ld->wx, t.data, ld->k, LAC_G, LAC_G);
			ld->bx = TAKE(LAC_G);
			memcpy(ld->bx, b.data, LAC_G * sizeof(float));
			tekg_free(t.data);
			tekg_free(b.data);
			t.data = b.data = NULL;

			snprintf(name, sizeof name, "%s.w_0", gru[idx]);
			if ((rc = lac_tensor_load(&t, dir, name, wg, 2, err)) != 0)
				goto cleanup;
			snprintf(name, sizeof name, "%s.b_0", gru[idx]);
			if ((rc = lac_tensor_load(&b, dir, name, bg, 2, err)) != 0)
				goto cleanup;
			/* The GRU bias joins the input projection's bias. */
			for (i = 0; i < LAC_G; i++)
				ld->bx[i] += b.data[i];
			/* First 2H*H floats: W_ur, H x 2H; then W_c, H x H. */
			ld->wur = TAKE(LAC_H * 2 * LAC_H);
			lac_pack(ld->wur, t.data, LAC_H, 2 * LAC_H, 2 * LAC_H);
			ld->wc = TAKE(LAC_H * LAC_H);
			lac_pack(ld->wc, t.data + 2 * LAC_H * LAC_H, LAC_H, LAC_H, LAC_H);
			tekg_free(t.data);
			tekg_free(b.data);
			t.data = b.data = NULL;
		}
	}
	{
		const int64_t ww[2] = {256, LAC_NTAG}, wb[1] = {LAC_NTAG};
		const int64_t wc[2] = {LAC_NTAG + 2, LAC_NTAG};

		if ((rc = lac_tensor_load(&t, dir, "fc_4.w_0", ww, 2, err)) != 0)
			goto cleanup;
		if ((rc = lac_tensor_load(&b, dir, "fc_4.b_0", wb, 1, err)) != 0)
			goto cleanup;
		m->wo = TAKE(256 * LAC_NTAGP);
		lac_pack(m->wo, t.data, 256, LAC_NTAG, LAC_NTAGP);
		m->bo = TAKE(LAC_NTAGP);
		memset(m->bo, 0, LAC_NTAGP * sizeof(float));
		memcpy(m->bo, b.data, LAC_NTAG * sizeof(float));
		tekg_free(t.data);
		tekg_free(b.data);
		t.data = b.data = NULL;
		if ((rc = lac_tensor_load(&t, dir, "crfw", wc, 2, err)) != 0)
			goto cleanup;
		for (j = 0; j < LAC_NTAG; j++) {
			m->start[j] = t.data[j];
			m->end[j] = t.data[LAC_NTAG + j];
		}
		memcpy(m->trans, t.data + 2 * LAC_NTAG, LAC_NTAG * LAC_NTAG * sizeof(float));
		lac_model_prepare_crf(m);
		tekg_free(t.data);
		t.data = NULL;
	}
#undef TAKE
	*out = m;
	m = NULL;
cleanup:
	tekg_free(t.data);
	tekg_free(b.data);
	lac_model_free(m);
	return rc;
}

void lac_model_prepare_crf(lac_model *m)
{
	size_t i, j;

	for (j = 0; j < LAC_NTAG; j++)
		for (i = 0; i < LAC_VT; i++)
			m->transp[j * LAC_VT + i] = i < LAC_NTAG ? m->trans[j * LAC_NTAG + i] : 0.0f;
}

void lac_model_free(lac_model *m)
{
	if (!m)
		return;
	tekg_free(m->arena);
	tekg_free(m->emb);
	tekg_free(m->bmp);
	tekg_free(m->vcp);
	tekg_free(m->vid);
	tekg_free(m);
}
