/*
 * convert.c - the working copy: OpenCC script conversion and per-char NFKC
 * with an exact map back to the original chars.
 *
 * OpenCC converts phrases, so it is run on chunks (up to CHUNK chars, cut
 * after punctuation when possible).  When a converted chunk has the same
 * number of chars as its input, char i maps to input char i.  Otherwise the
 * chunk is retried clause by clause (cut after every punctuation mark), and
 * a clause that still changes length is converted one char at a time (a
 * char whose conversion is not one char is kept as is).  NFKC is then
 * applied to every char on its own; all chars of an expansion (… -> ...)
 * map to the char they came from.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <ctype.h>
#include <opencc/opencc.h>
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#define CHUNK 2048

/* ---- OpenCC handles: one per profile, opened once ---------------------- */

static pthread_mutex_t cc_lock = PTHREAD_MUTEX_INITIALIZER;
static opencc_t cc_handle[5];
static int cc_tried[5];

void *tx_opencc(tekg_script_profile prof)
{
	static const char *cfg[5] = {NULL, "t2s.json", "hk2s.json", "tw2s.json", NULL};
	opencc_t h;

	if (prof <= TEKG_SCRIPT_AUTO || prof >= TEKG_SCRIPT_NONE)
		return NULL;
	pthread_mutex_lock(&cc_lock);
	if (!cc_tried[prof]) {
		cc_tried[prof] = 1;
		h = opencc_open(cfg[prof]);
		cc_handle[prof] = h == (opencc_t)-1 ? NULL : h;
	}
	h = cc_handle[prof];
	pthread_mutex_unlock(&cc_lock);
	return h;
}

/* ---- the work buffer --------------------------------------------------- */

void tx_work_free(tx_work *w)
{
	if (!w)
		return;
	tekg_buf_free(&w->buf);
	tekg_free(w->map);
	w->map = NULL;
	w->n = w->cap = 0;
}

static int reserve(tx_work *w, size_t more)
{
	size_t nc;
	size_t *nm;

	if (w->n + more + 1 <= w->cap)
		return 0;
	nc = w->cap ? w->cap : 256;
	while (nc < w->n + more + 1)
		nc *= 2;
	nm = tekg_realloc(w->map, nc * sizeof *nm);
	if (!nm)
		return TEKG_ENOMEM;
	w->map = nm;
	w->cap = nc;
	return 0;
}

int tx_work_reserve(tx_work *w, size_t chars, size_t bytes)
{
	int rc = reserve(w, chars);

	if (rc)
		return rc;
	/* grow the byte buffer once to the expected size */
	if (w->buf.cap < bytes + 1) {
		char *nd = tekg_realloc(w->buf.data, bytes + 1);

		if (!nd)
			return TEKG_ENOMEM;
		w->buf.data = nd;
		w->buf.cap = bytes + 1;
	}
	return 0;
}

static int put_raw(tx_work *w, uint32_t cp, size_t oc)
{
	char u[4];
	size_t k = tekg_utf8_encode(cp, u);
	int rc;

	if ((rc = reserve(w, 1)) != 0)
		return rc;
	if ((rc = tekg_buf_append(&w->buf, u, k)) != 0)
		return rc;
	w->map[w->n++] = oc;
	return 0;
}

/* NFKC of one code point, appended; control and zero-width chars vanish. */
int tx_work_put(tx_work *w, uint32_t cp, size_t oc)
{
	utf8proc_int32_t d[32];
	utf8proc_ssize_t n, i;
	int rc;

	if (cp < 0x80) {
		if (cp < 0x20 && cp != '\n' && cp != '\t')
			return 0;
		if (cp == 0x7F)
			return 0;
		return put_raw(w, cp, oc);
	}
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
		return put_raw(w, cp, oc);
	if ((cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0x2060 ||
	    (cp >= 0x80 && cp < 0xA0))
		return 0;
	n = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 32,
	                            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE, NULL);
	if (n <= 0 || n > 32)
		return put_raw(w, cp, oc);
	if (n > 1) {
		utf8proc_ssize_t m = utf8proc_normalize_utf32(d, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);

		if (m > 0)
			n = m;
	}
	for (i = 0; i < n; i++)
		if ((rc = put_raw(w, (uint32_t)d[i], oc)) != 0)
			return rc;
	return 0;
}

static int put_utf8(tx_work *w, const char *s, size_t len, size_t oc0)
{
	size_t b = 0, c = 0;
	int rc;

	while (b < len) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(s + b, len - b, &cp);

		if (k == 0)
			k = 1;
		if ((rc = tx_work_put(w, cp, oc0 + c)) != 0)
			return rc;
		b += k;
		c++;
	}
	return 0;
}

/* Convert s[0..len) with OpenCC: 1 when the output has the same char count
 * (then it is appended), 0 when it does not, <0 on error. */
static int try_conv(tx_work *w, void *cc, const char *s, size_t len, size_t nchars, size_t oc0)
{
	char *out = opencc_convert_utf8((opencc_t)cc, s, len);
	int rc = 0;

	if (out == NULL)
		return 0;
	if (tekg_utf8_count(out, strlen(out)) == nchars && tekg_utf8_valid(out, strlen(out), NULL))
		rc = put_utf8(w, out, strlen(out), oc0) ? TEKG_ENOMEM : 1;
	opencc_convert_utf8_free(out);
	return rc;
}

static int ascii_only(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* One clause that changed length as a whole: char by char. */
static int conv_chars(tx_work *w, void *cc, const char *s, size_t len, size_t oc0)
{
	size_t b = 0, c = 0;
	int rc;

	while (b < len) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(s + b, len - b, &cp);

		if (k == 0)
			k = 1;
		rc = cp >= 0x80 ? try_conv(w, cc, s + b, k, 1, oc0 + c) : 0;
		if (rc < 0)
			return rc;
		if (rc == 0 && (rc = tx_work_put(w, cp, oc0 + c)) != 0)
			return rc;
		b += k;
		c++;
	}
	return 0;
}

/* A chunk that changed length: clause by clause. */
static int conv_clauses(tx_work *w, void *cc, const char *s, size_t len, size_t oc0)
{
	size_t b = 0, c = 0, cb = 0, cc0 = 0;
	int rc;

	while (b < len) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(s + b, len - b, &cp);

		if (k == 0)
			k = 1;
		b += k;
		c++;
		if (tx_is_punct(cp) || b >= len) {
			rc = try_conv(w, cc, s + cb, b - cb, c - cc0, oc0 + cc0);
			if (rc < 0)
				return rc;
			if (rc == 0 && (rc = conv_chars(w, cc, s + cb, b - cb, oc0 + cc0)) != 0)
				return rc;
			cb = b;
			cc0 = c;
		}
	}
	return 0;
}

int tx_work_append(tx_work *w, const char *s, size_t len, size_t oc0, tekg_script_profile prof)
{
	void *cc = tx_opencc(prof);
	size_t b = 0, c = 0;
	int rc;

	if (cc == NULL || ascii_only(s, len))
		return put_utf8(w, s, len, oc0);
	while (b < len) {
		/* take up to CHUNK chars, preferring to end after punctuation */
		size_t e = b, n = 0, cut_b = 0, cut_n = 0;

		while (e < len && n < CHUNK) {
			uint32_t cp;
			size_t k = tekg_utf8_decode(s + e, len - e, &cp);

			if (k == 0)
				k = 1;
			e += k;
			n++;
			if (tx_is_punct(cp)) {
				cut_b = e;
				cut_n = n;
			}
		}
		if (e < len && cut_b > b) {
			e = cut_b;
			n = cut_n;
		}
		rc = ascii_only(s + b, e - b) ? 0 : try_conv(w, cc, s + b, e - b, n, oc0 + c);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			rc = ascii_only(s + b, e - b) ? put_utf8(w, s + b, e - b, oc0 + c)
			                              : conv_clauses(w, cc, s + b, e - b, oc0 + c);
			if (rc)
				return rc;
		}
		b = e;
		c += n;
	}
	return 0;
}

/* ---- standalone simplification ---------------------------------------- */

char *tekg_text_simplify(const char *s, size_t len, tekg_script_profile profile)
{
	tx_work w = {0};
	char *out;

	if (s == NULL)
		return NULL;
	if (profile == TEKG_SCRIPT_AUTO)
		profile = TEKG_SCRIPT_T2S;
	if (!tekg_utf8_valid(s, len, NULL))
		return NULL;
	if (len == 0)
		return tekg_strdup("");
	if (tx_work_append(&w, s, len, 0, profile) != 0) {
		tx_work_free(&w);
		return NULL;
	}
	out = tekg_buf_detach(&w.buf, NULL);
	tx_work_free(&w);
	return out;
}

/* ---- profile detection ------------------------------------------------- */

static int has(const char *t, size_t n, const char *lit)
{
	size_t ll = strlen(lit);

	size_t i;

	if (ll == 0 || ll > n)
		return 0;
	for (i = 0; i + ll <= n; i++)
		if (t[i] == lit[0] && memcmp(t + i, lit, ll) == 0)
			return 1;
	return 0;
}

static int host_suffix(const char *url, const char *suf)
{
	const char *h, *e;
	size_t sl = strlen(suf);

	if (!url)
		return 0;
	h = strstr(url, "://");
	h = h ? h + 3 : url;
	e = h;
	while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
		e++;
	return (size_t)(e - h) >= sl && memcmp(e - sl, suf, sl) == 0;
}

tekg_script_profile tx_profile_from_lang(const char *lang)
{
	char t[32];
	size_t i, n;

	if (lang == NULL)
		return TEKG_SCRIPT_AUTO;
	while (*lang == ' ')
		lang++;
	n = strlen(lang);
	if (n == 0 || n >= sizeof t)
		return TEKG_SCRIPT_AUTO;
	for (i = 0; i < n; i++) /* lower case, '_' as '-' */
		t[i] = lang[i] == '_' ? '-' : (char)tolower((unsigned char)lang[i]);
	t[n] = '\0';
	if (strncmp(t, "yue", 3) == 0 && (t[3] == '\0' || t[3] == '-'))
		return TEKG_SCRIPT_HK2S;
	if (strncmp(t, "zh-", 3) != 0)
		return TEKG_SCRIPT_AUTO;
	if (strstr(t, "-hk") || strstr(t, "-mo"))
		return TEKG_SCRIPT_HK2S;
	if (strstr(t, "-tw"))
		return TEKG_SCRIPT_TW2S;
	return TEKG_SCRIPT_AUTO;
}

tekg_script_profile tx_detect_profile(const char *url, const char *text, size_t len)
{
	static const char *hk[] = {"香港文匯報", "文匯報訊", "香港文汇报", "文汇报讯", "明報", "星島",
	                           "大公報", "東方日報", "頭條日報", "香港01", "信報", "香港商報",
	                           "大公文匯", NULL};
	static const char *tw[] = {"中央社", "聯合報", "自由時報", "中國時報", "聯合新聞網",
	                           "中時新聞網", "自由電子報", "臺灣新聞", NULL};
	size_t n = len < 3000 ? len : 3000, i;

	if (host_suffix(url, ".hk"))
		return TEKG_SCRIPT_HK2S;
	if (host_suffix(url, ".tw"))
		return TEKG_SCRIPT_TW2S;
	for (i = 0; text && hk[i]; i++)
		if (has(text, n, hk[i]))
			return TEKG_SCRIPT_HK2S;
	for (i = 0; text && tw[i]; i++)
		if (has(text, n, tw[i]))
			return TEKG_SCRIPT_TW2S;
	return TEKG_SCRIPT_T2S;
}
