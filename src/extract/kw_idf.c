/*
 * kw_idf.c - jieba's IDF table (analyse/idf.txt: "WORD IDF" per line),
 * loaded once per process into an open-addressing hash table.
 *
 * Path: $TEKG_IDF_FILE when set and non-empty, else the python3-jieba
 * Debian path.  A missing or unreadable file leaves the table empty: kw_idf
 * then returns -1 and topics fall back to corpus IDF (docs/topics.md).
 * Memory: the file's bytes (about 6 MB) plus 16 bytes per slot.
 */
#include "extract/kw_int.h"
#include "tekg/extract.h"
#include "util/alloc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KW_IDF_MAX_BYTES ((long)64 << 20)

typedef struct idf_slot {
	const char *word;  /* into idf_tab.text, NULL when free */
	double idf;
} idf_slot;

static struct {
	char *text;        /* the file, NULs written over separators; owned forever */
	idf_slot *slots;
	size_t mask;       /* slots - 1, a power of two minus one */
	double median;
	const char *path;  /* loaded file, or NULL */
	char pathbuf[4096];
} idf_tab;

static pthread_once_t idf_once = PTHREAD_ONCE_INIT;

const char *tekg_keywords_default_idf(void)
{
	return "/usr/lib/python3/dist-packages/jieba/analyse/idf.txt";
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* The k-th smallest of v[0..n) (quickselect, middle pivot; v is reordered). */
static double kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2], t;
		size_t i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

/* Read the whole file; NULL on any failure (the table stays empty). */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > KW_IDF_MAX_BYTES ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto cleanup;
	if ((buf = tekg_malloc((size_t)n + 1)) == NULL)
		goto cleanup;
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		tekg_free(buf);
		buf = NULL;
		goto cleanup;
	}
	buf[n] = '\0';
	*len = (size_t)n;
cleanup:
	fclose(f);
	return buf;
}

static void idf_load(void)
{
	const char *env = getenv("TEKG_IDF_FILE");
	const char *path = env && *env ? env : tekg_keywords_default_idf();
	size_t len = 0, lines = 0, i, nslots = 1024, nv = 0;
	double *vals = NULL;
	char *p, *end;

	if ((idf_tab.text = slurp(path, &len)) == NULL)
		return;
	for (i = 0; i < len; i++)
		lines += idf_tab.text[i] == '\n';
	while (nslots < 2 * (lines + 1))
		nslots *= 2;
	idf_tab.slots = tekg_calloc(nslots, sizeof *idf_tab.slots);
	vals = tekg_malloc((lines + 1) * sizeof *vals);
	if (idf_tab.slots == NULL || vals == NULL)
		goto fail;
	idf_tab.mask = nslots - 1;
	for (p = idf_tab.text, end = p + len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *sp, *num_end;
		double v;
		size_t h;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		sp = strchr(p, ' ');
		if (sp && sp > p) {
			*sp = '\0';
			v = strtod(sp + 1, &num_end);
			if (num_end != sp + 1 && v > 0) {
				for (h = hash_str(p) & idf_tab.mask; idf_tab.slots[h].word;
				     h = (h + 1) & idf_tab.mask)
					if (strcmp(idf_tab.slots[h].word, p) == 0)
						break;
				if (idf_tab.slots[h].word == NULL) {
					idf_tab.slots[h].word = p;
					vals[nv++] = v;
				}
				idf_tab.slots[h].idf = v;
			}
		}
		p = nl + 1;
	}
	if (nv == 0)
		goto fail;
	idf_tab.median = kth(vals, nv, nv / 2);
	tekg_free(vals);
	snprintf(idf_tab.pathbuf, sizeof idf_tab.pathbuf, "%s", path);
	idf_tab.path = idf_tab.pathbuf;
	return;
fail:
	tekg_free(vals);
	tekg_free(idf_tab.slots);
	tekg_free(idf_tab.text);
	idf_tab.slots = NULL;
	idf_tab.text = NULL;
}

const char *tekg_keywords_idf_path(void)
{
	pthread_once(&idf_once, idf_load);
	return idf_tab.path;
}

double kw_idf(const char *word, int *known)
{
	size_t h;

	if (known)
		*known = 0;
	pthread_once(&idf_once, idf_load);
	if (idf_tab.path == NULL)
		return -1;
	for (h = hash_str(word) & idf_tab.mask; idf_tab.slots[h].word; h = (h + 1) & idf_tab.mask)
		if (strcmp(idf_tab.slots[h].word, word) == 0) {
			if (known)
				*known = 1;
			return idf_tab.slots[h].idf;
		}
	return idf_tab.median;
}
