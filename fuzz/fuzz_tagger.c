/*
 * fuzz_tagger.c - libFuzzer harness for the tagger's front end: UTF-8
 * checking and decoding, the character normalisation table (lac_norm.c),
 * the splitting of long sequences (lac_split.c) and, when the LAC-small
 * model is installed (python3-jieba), the whole of tekg_tagger_tag() with
 * a split length picked by the first input byte.  The model is loaded once
 * in LLVMFuzzerInitialize; without it only the front end is fuzzed.
 *
 * Checks: invalid UTF-8 is TEKG_EENCODING and nothing else; the tokens
 * cover every character once, in order, with a NUL-terminated type; each
 * split piece is non-empty and at most the split length.
 */
#include <string.h>

#include "fuzz/fuzz.h"
#include "fuzz/text_check.h"
#include "nlp/lac_norm.h"
#include "nlp/lac_split.h"
#include "tekg/tagger.h"
#include "util/alloc.h"

static tekg_tagger *tagger;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	tekg_error err = {0};
	const char *dir = getenv("TEKG_MODEL_DIR");

	(void)argc;
	(void)argv;
	if (!dir || !*dir)
		dir = tekg_tagger_default_dir();
	if (tekg_tagger_new(&tagger, dir, &err) != 0) {
		fprintf(stderr, "fuzz_tagger: no model (%s): fuzzing the front end only\n", err.msg);
		tagger = NULL;
	}
	return 0;
}

/* Decode valid UTF-8 (checked by the caller) into cp; returns the count. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t i = 0, k = 0;

	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			cp[k++] = c;
			i++;
		} else if (c < 0xE0) {
			cp[k++] = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
			i += 2;
		} else if (c < 0xF0) {
			cp[k++] = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
			i += 3;
		} else {
			cp[k++] = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
			          ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
			i += 4;
		}
	}
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t max = 16, chars, n, i, pos, next;
	uint32_t *cp = NULL;
	tekg_token *tok = NULL;
	size_t n_tok = 0;
	tekg_error err = {0};
	int rc;

	if (size > 0) {
		max = 16 + data[0] % 64;
		data++;
		size--;
	}
	if (size > 4096) /* the model costs ~0.5 M multiply-adds per char */
		size = 4096;
	chars = fuzz_utf8_count((const char *)data, size);

	/* Front end: normalisation table and splitting. */
	if (chars != (size_t)-1 && chars > 0) {
		cp = malloc(chars * sizeof *cp);
		if (!cp)
			return 0;
		n = decode(data, size, cp);
		FUZZ_CHECK(n == chars);
		for (i = 0; i < n; i++)
			cp[i] = tekg_lac_norm(cp[i]);
		for (pos = 0; pos < n; pos = next) {
			next = lac_split_next(cp, n, pos, max);
			FUZZ_CHECK(next > pos && next <= n && next - pos <= max);
		}
		free(cp);
	}

	if (!tagger)
		return 0;
	FUZZ_CHECK(tekg_tagger_set_max_len(tagger, max) == 0);
	rc = tekg_tagger_tag(tagger, (const char *)data, size, &tok, &n_tok, &err);
	if (chars == (size_t)-1) {
		FUZZ_CHECK(rc == TEKG_EENCODING && tok == NULL);
		return 0;
	}
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(chars == 0 ? n_tok == 0 : (tok != NULL && n_tok > 0));
	for (i = 0, pos = 0; i < n_tok; i++) {
		FUZZ_CHECK(tok[i].start == pos && tok[i].end > tok[i].start);
		FUZZ_CHECK(memchr(tok[i].type, '\0', sizeof tok[i].type) != NULL);
		pos = tok[i].end;
	}
	FUZZ_CHECK(pos == chars);
	tekg_free(tok);
	return 0;
}
