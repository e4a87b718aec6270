/*
 * text_check.h - the invariants of a tekg_source that the text harnesses
 * (text, jsonl, html) check after every successful tekg_text_read(): the
 * offset map is total and non-decreasing, every span lies inside its text,
 * every string is valid NUL-terminated UTF-8 of the stated length.
 */
#ifndef TEKG_FUZZ_TEXT_CHECK_H
#define TEKG_FUZZ_TEXT_CHECK_H

#include <string.h>

#include "tekg/text.h"
#include "fuzz/fuzz.h"

/* Code points of valid UTF-8 s[0..n), or (size_t)-1 when invalid. */
static inline size_t fuzz_utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t k;
		unsigned cp, j;
		if (c < 0x80) { i++; count++; continue; }
		if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; }
		else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; }
		else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; }
		else return (size_t)-1;
		if (k >= n - i) return (size_t)-1;
		for (j = 1; j <= k; j++) {
			if ((p[i + j] & 0xC0) != 0x80) return (size_t)-1;
			cp = (cp << 6) | (p[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return (size_t)-1;
		i += k + 1;
		count++;
	}
	return count;
}

static inline void fuzz_check_str(const char *s)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_count(s, strlen(s)) != (size_t)-1);
}

static inline void fuzz_check_source(const tekg_source *src)
{
	size_t a, i, k;

	FUZZ_CHECK(src != NULL);
	FUZZ_CHECK(src->format != TEKG_FORMAT_AUTO);
	FUZZ_CHECK(src->script != TEKG_SCRIPT_AUTO);
	FUZZ_CHECK(src->n_arts == 0 || src->arts != NULL);
	for (i = 0; i < src->n_meta; i++) {
		fuzz_check_str(src->meta[i].key);
		fuzz_check_str(src->meta[i].value);
	}
	for (i = 0; i < src->n_diags; i++)
		FUZZ_CHECK(src->diags[i].msg != NULL && src->diags[i].code < 0);
	for (a = 0; a < src->n_arts; a++) {
		const tekg_article *ar = &src->arts[a];
		FUZZ_CHECK(ar->orig != NULL && ar->work != NULL && ar->map != NULL);
		FUZZ_CHECK(strlen(ar->orig) == ar->orig_len);
		FUZZ_CHECK(strlen(ar->work) == ar->work_len);
		FUZZ_CHECK(fuzz_utf8_count(ar->orig, ar->orig_len) == ar->orig_chars);
		FUZZ_CHECK(fuzz_utf8_count(ar->work, ar->work_len) == ar->work_chars);
		FUZZ_CHECK(ar->map[ar->work_chars] == ar->orig_chars);
		for (i = 0; i < ar->work_chars; i++)
			FUZZ_CHECK(ar->map[i] <= ar->map[i + 1]);
		FUZZ_CHECK(ar->src_start <= ar->src_end);
		for (i = 0; i < ar->n_sents; i++) {
			const tekg_sentence *s = &ar->sents[i];
			FUZZ_CHECK(s->start <= s->end && s->end <= ar->orig_chars);
			FUZZ_CHECK(s->wstart <= s->wend && s->wend <= ar->work_chars);
		}
		for (i = 0; i < ar->n_credits; i++) {
			const tekg_credit *c = &ar->credits[i];
			FUZZ_CHECK(c->start <= c->end && c->end <= ar->orig_chars);
			fuzz_check_str(c->text);
			fuzz_check_str(c->outlet);
			fuzz_check_str(c->role);
			for (k = 0; k < c->n_names; k++)
				fuzz_check_str(c->names[k]);
		}
		if (ar->dateline.text) {
			fuzz_check_str(ar->dateline.text);
			FUZZ_CHECK(ar->dateline.start <= ar->dateline.end &&
			           ar->dateline.end <= ar->orig_chars);
			FUZZ_CHECK(ar->dateline.month >= 0 && ar->dateline.month <= 12);
			FUZZ_CHECK(ar->dateline.day >= 0 && ar->dateline.day <= 31);
		}
		fuzz_check_str(ar->title);
		fuzz_check_str(ar->date);
		fuzz_check_str(ar->url);
		for (i = 0; i < ar->n_meta; i++) {
			fuzz_check_str(ar->meta[i].key);
			fuzz_check_str(ar->meta[i].value);
		}
	}
}

/* Read data as one source in `format` with the script profile chosen by the
 * input's first byte (the rest is the input), check the result, free it. */
static inline void fuzz_text_one(const uint8_t *data, size_t size, tekg_input_format format,
                          const char *path)
{
	tekg_text_opts opts;
	tekg_source *src = (tekg_source *)1;
	tekg_error err = {0};
	int rc;

	memset(&opts, 0, sizeof opts);
	opts.format = format;
	if (size > 0) {
		opts.script = (tekg_script_profile)(data[0] % 5);
		data++;
		size--;
	}
	opts.max_bytes = 1 << 20;
	rc = tekg_text_read(&src, path, (const char *)data, size, &opts, &err);
	if (rc != 0) {
		FUZZ_CHECK(src == NULL);
		FUZZ_CHECK(rc < 0 && err.code == rc && err.msg[0] != '\0');
		return;
	}
	fuzz_check_source(src);
	tekg_source_free(src);
}

#endif
