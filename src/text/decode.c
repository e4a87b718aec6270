/*
 * decode.c - detect the encoding of one input and convert it to UTF-8.
 *
 * Order: NUL bytes or many control bytes -> not text; UTF-16/32 BOMs ->
 * unsupported; UTF-8 BOM -> UTF-8 (BOM dropped); valid UTF-8 -> UTF-8;
 * mostly-valid UTF-8 with a few bad bytes -> error at the first bad byte;
 * otherwise GB18030 and Big5 are tried with iconv and the candidate that
 * decodes cleanly with the larger share of level-1 (common) hanzi wins.
 * Level 1 is a property of the byte codes: GB2312 rows 0xB0-0xD7 and Big5
 * 0xA440-0xC67E hold the most frequent characters of each standard, so a
 * wrong guess (Big5 bytes read as GBK, or the reverse) scores about half
 * of what the right one does.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

/* Share of 2-byte GB codes in the level-1 hanzi block, per mille; -1 when
 * the byte structure is not GB18030. */
static int gb_score(const unsigned char *s, size_t len)
{
	size_t i = 0, multi = 0, common = 0;

	while (i < len) {
		unsigned c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= len)
			return -1;
		if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) { /* four-byte form */
			if (i + 3 >= len)
				return -1;
			multi++;
			i += 4;
			continue;
		}
		if (s[i + 1] < 0x40 || s[i + 1] == 0x7F || s[i + 1] == 0xFF)
			return -1;
		multi++;
		if (c >= 0xB0 && c <= 0xD7 && s[i + 1] >= 0xA1)
			common++;
		i += 2;
	}
	return multi ? (int)(common * 1000 / multi) : 0;
}

static int big5_score(const unsigned char *s, size_t len)
{
	size_t i = 0, multi = 0, common = 0;

	while (i < len) {
		unsigned c = s[i], t, code;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c < 0x81 || c == 0xFF || i + 1 >= len)
			return -1;
		t = s[i + 1];
		if (!((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE)))
			return -1;
		code = (c << 8) | t;
		multi++;
		if (code >= 0xA440 && code <= 0xC67E)
			common++;
		i += 2;
	}
	return multi ? (int)(common * 1000 / multi) : 0;
}

/* iconv from `from` to UTF-8; 0 on a clean conversion. */
static int conv(const char *from, const char *in, size_t len, char **out, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = len * 2 + 16, inleft = len, outleft;
	char *buf, *ip = (char *)(uintptr_t)in, *op;
	int rc = TEKG_EENCODING;

	if (cd == (iconv_t)-1)
		return TEKG_EENCODING;
	buf = tekg_malloc(cap);
	if (buf == NULL) {
		iconv_close(cd);
		return TEKG_ENOMEM;
	}
	op = buf;
	outleft = cap - 1;
	while (inleft > 0) {
		size_t r = iconv(cd, &ip, &inleft, &op, &outleft);

		if (r == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(op - buf);
				char *nb = tekg_realloc(buf, cap * 2);

				if (nb == NULL) {
					rc = TEKG_ENOMEM;
					goto fail;
				}
				buf = nb;
				cap *= 2;
				op = buf + used;
				outleft = cap - 1 - used;
				continue;
			}
			goto fail;
		}
	}
	*op = '\0';
	*out = buf;
	*out_len = (size_t)(op - buf);
	iconv_close(cd);
	return 0;
fail:
	tekg_free(buf);
	iconv_close(cd);
	return rc;
}

/* Count valid multi-byte UTF-8 sequences and invalid bytes. */
static void utf8_census(const char *s, size_t len, size_t *valid_multi, size_t *bad)
{
	size_t i = 0;
	uint32_t cp;

	*valid_multi = *bad = 0;
	while (i < len) {
		size_t n;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = tekg_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			(*bad)++;
			i++;
		} else {
			(*valid_multi)++;
			i += n;
		}
	}
}

int tx_decode(const char *path, const char *bytes, size_t len, char **out,
              size_t *out_len, const char **enc, tekg_error *err)
{
	const unsigned char *u = (const unsigned char *)bytes;
	size_t i, ctrl = 0, bad_off = 0, vm, nbad;
	const char *nul;
	int rc;

	*out = NULL;
	*out_len = 0;
	*enc = "UTF-8";
	if (!path)
		path = "<input>";
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return tekg_error_set(err, TEKG_EENCODING,
		                      "%s: UTF-16/UTF-32 text is not supported (convert it to UTF-8)", path);
	nul = len ? memchr(bytes, '\0', len) : NULL;
	if (nul)
		return tekg_error_set(err, TEKG_EENCODING,
		                      "%s: binary data, not text (NUL byte at offset %zu)", path,
		                      (size_t)(nul - bytes));
	for (i = 0; i < len; i++)
		if (u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' && u[i] != '\t' &&
		    u[i] != '\f' && u[i] != '\v' && u[i] != 0x1B)
			ctrl++;
	if (len && ctrl * 100 > len)
		return tekg_error_set(err, TEKG_EENCODING,
		                      "%s: binary data, not text (%zu control bytes)", path, ctrl);
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3;
		len -= 3;
		if (!tekg_utf8_valid(bytes, len, &bad_off))
			return tekg_error_set(err, TEKG_EENCODING,
			                      "%s: invalid UTF-8 at byte offset %zu", path, bad_off + 3);
		goto copy;
	}
	if (tekg_utf8_valid(bytes, len, &bad_off))
		goto copy;
	utf8_census(bytes, len, &vm, &nbad);
	if (vm < 4 * nbad) {
		int gs = gb_score(u, len), bs = big5_score(u, len);

		const char *cand[2];
		int score[2], pass, k;
		static const int bar[2] = {600, 250};

		/* Try the better-scoring candidate first.  A candidate must convert
		 * cleanly and look like real text: first at >= 60% common hanzi
		 * (GB2312 level 1 / Big5 frequent block), then at >= 25%, which
		 * traditional text written in GB18030 reaches (many of its
		 * characters lie outside level 1: 30% to 56% measured) and random
		 * high bytes do not (about 15%). */
		if (gs >= bs) {
			cand[0] = "GB18030"; score[0] = gs; cand[1] = "BIG5-HKSCS"; score[1] = bs;
		} else {
			cand[0] = "BIG5-HKSCS"; score[0] = bs; cand[1] = "GB18030"; score[1] = gs;
		}
		for (pass = 0; pass < 2; pass++) {
			for (k = 0; k < 2; k++) {
				if (score[k] < bar[pass] || (pass == 1 && score[k] >= bar[0]))
					continue;
				rc = conv(cand[k], bytes, len, out, out_len);
				if (rc == TEKG_ENOMEM)
					return tekg_error_set(err, rc, "%s: out of memory", path);
				if (rc == 0) {
					*enc = cand[k][0] == 'G' ? "GB18030" : "BIG5";
					return 0;
				}
			}
		}
	}
	return tekg_error_set(err, TEKG_EENCODING,
	                      "%s: invalid UTF-8 at byte offset %zu (not GB18030 or Big5 either)",
	                      path, bad_off);
copy:
	*out = tekg_strndup(bytes, len);
	if (*out == NULL)
		return tekg_error_set(err, TEKG_ENOMEM, "%s: out of memory", path);
	*out_len = len;
	return 0;
}
