/*
 * fold.c - character classes and the cheap folding the paragraph and
 * credit patterns match on.  Folding is one char to one char, so indices
 * in a folded window are indices in the original.
 */
#include "text/text_int.h"
#include "util/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Traditional forms of the chars that occur in the patterns (记者, 报,
 * 来源, 图为, 责编, 声明 ...), sorted by code point for bsearch. */
static const struct { uint32_t t, s; } trad[] = {
	{0x4E26, 0x5E76}, /* 並 */ {0x4F86, 0x6765}, /* 來 */ {0x50B3, 0x4F20}, /* 傳 */
	{0x50C5, 0x4EC5}, /* 僅 */ {0x5167, 0x5185}, /* 內 */ {0x5225, 0x522B}, /* 別 */
	{0x5283, 0x5212}, /* 劃 */ {0x570B, 0x56FD}, /* 國 */ {0x5716, 0x56FE}, /* 圖 */
	{0x5831, 0x62A5}, /* 報 */ {0x5BE6, 0x5B9E}, /* 實 */ {0x5C08, 0x4E13}, /* 專 */
	{0x5C0D, 0x5BF9}, /* 對 */ {0x5C6C, 0x5C5E}, /* 屬 */ {0x5E83, 0x5E7F}, /* 広 */
	{0x5EE3, 0x5E7F}, /* 廣 */ {0x5F9E, 0x4ECE}, /* 從 */ {0x6236, 0x6237}, /* 戶 */
	{0x64CA, 0x51FB}, /* 擊 */ {0x6558, 0x53D9}, /* 敘 */ {0x6642, 0x65F6}, /* 時 */
	{0x6771, 0x4E1C}, /* 東 */ {0x689D, 0x6761}, /* 條 */ {0x6A13, 0x697C}, /* 樓 */
	{0x6B0A, 0x6743}, /* 權 */ {0x6D88, 0x6D88}, /* 消 */ {0x6FDF, 0x6D4E}, /* 濟 */
	{0x7063, 0x6E7E}, /* 灣 */ {0x70BA, 0x4E3A}, /* 為 */ {0x7232, 0x4E3A}, /* 爲 */
	{0x7368, 0x72EC}, /* 獨 */ {0x767C, 0x53D1}, /* 發 */ {0x7A31, 0x79F0}, /* 稱 */
	{0x7D04, 0x7EA6}, /* 約 */ {0x7D71, 0x7EDF}, /* 統 */ {0x7D9C, 0x7EFC}, /* 綜 */
	{0x7DB2, 0x7F51}, /* 網 */ {0x7DE8, 0x7F16}, /* 編 */ {0x7E8C, 0x7EED}, /* 續 */
	{0x7FD2, 0x4E60}, /* 習 */ {0x8072, 0x58F0}, /* 聲 */ {0x806F, 0x8054}, /* 聯 */
	{0x8077, 0x804C}, /* 職 */ {0x81FA, 0x53F0}, /* 臺 */ {0x8207, 0x4E0E}, /* 與 */
	{0x898B, 0x89C1}, /* 見 */ {0x8996, 0x89C6}, /* 視 */ {0x8A02, 0x8BA2}, /* 訂 */
	{0x8A0A, 0x8BAF}, /* 訊 */ {0x8A18, 0x8BB0}, /* 記 */ {0x8A2D, 0x8BBE}, /* 設 */
	{0x8A3B, 0x6CE8}, /* 註 */ {0x8A55, 0x8BC4}, /* 評 */ {0x8A08, 0x8BA1}, /* 計 */
	{0x8ACB, 0x8BF7}, /* 請 */ {0x8B1D, 0x8C22}, /* 謝 */ {0x8B80, 0x8BFB}, /* 讀 */
	{0x8CAC, 0x8D23}, /* 責 */ {0x8F09, 0x8F7D}, /* 載 */ {0x8F2F, 0x8F91}, /* 輯 */
	{0x8F49, 0x8F6C}, /* 轉 */ {0x9019, 0x8FD9}, /* 這 */ {0x9023, 0x8FDE}, /* 連 */
	{0x9032, 0x8FDB}, /* 進 */ {0x904E, 0x8FC7}, /* 過 */ {0x9053, 0x9053}, /* 道 */
	{0x9580, 0x95E8}, /* 門 */ {0x9593, 0x95F4}, /* 間 */ {0x95B1, 0x9605}, /* 閱 */
	{0x95DC, 0x5173}, /* 關 */ {0x96FB, 0x7535}, /* 電 */ {0x982D, 0x5934}, /* 頭 */
	{0x984C, 0x9898}, /* 題 */ {0x983B, 0x9891}, /* 頻 */ {0x985E, 0x7C7B}, /* 類 */
	{0x9EDE, 0x70B9}, /* 點 */ {0x865F, 0x53F7}, /* 號 */ {0x83EF, 0x534E}, /* 華 */
	{0x5C0E, 0x5BFC}, /* 導 */ {0x532F, 0x6C47}, /* 匯 */ {0x5F59, 0x6C47}, /* 彙 */
	{0x8A0A, 0x8BAF}, /* dup-safe */ {0x54E1, 0x5458}, /* 員 */ {0x651D, 0x6444}, /* 攝 */
	{0x806E, 0x8054}, /* 聮 */ {0x570D, 0x56F4}, /* 圍 */ {0x555F, 0x542F}, /* 啟 */
	{0x9801, 0x9875}, /* 頁 */ {0x7D93, 0x7ECF}, /* 經 */ {0x805E, 0x95FB}, /* 聞 */
	{0x9EE8, 0x515A}, /* 黨 */ {0x7E3D, 0x603B}, /* 總 */ {0x5F35, 0x5F20}, /* 張 */
	{0x6E2F, 0x6E2F}, /* 港 */ {0x7D50, 0x7ED3}, /* 結 */ {0x7A3F, 0x7A3F}, /* 稿 */
	{0x4FC2, 0x7CFB}, /* 係 */ {0x55AE, 0x5355}, /* 單 */ {0x8655, 0x5904}, /* 處 */
};

static int trad_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static pthread_once_t sort_once_ctl = PTHREAD_ONCE_INIT;
static uint32_t keys[sizeof trad / sizeof trad[0]];
static uint32_t vals[sizeof trad / sizeof trad[0]];

static void sort_once(void)
{
	/* insertion sort of a tiny constant table, once per process */
	size_t n = sizeof trad / sizeof trad[0], i, j;

	for (i = 0; i < n; i++) {
		keys[i] = trad[i].t;
		vals[i] = trad[i].s;
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && keys[j - 1] > keys[j]; j--) {
			uint32_t t = keys[j]; keys[j] = keys[j - 1]; keys[j - 1] = t;
			t = vals[j]; vals[j] = vals[j - 1]; vals[j - 1] = t;
		}
}

uint32_t tx_fold(uint32_t cp)
{
	const uint32_t *hit;

	if (cp < 0x80)
		return cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;
	if (cp == 0x3000 || cp == 0x00A0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 || cp == 0xFEFF)
		return ' ';
	if (cp == 0x3002 || cp == 0xFF61)
		return 0x3002;
	if (cp < 0x4E00 || cp > 0x9FFF)
		return cp;
	pthread_once(&sort_once_ctl, sort_once);
	hit = bsearch(&cp, keys, sizeof keys / sizeof keys[0], sizeof keys[0], trad_cmp);
	return hit ? vals[hit - keys] : cp;
}

int tx_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0x3000 || cp == 0x00A0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B) ||
	       cp == 0x202F || cp == 0x205F;
}

int tx_is_cjk(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

int tx_is_punct(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
		       (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
	return (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003) ||
	       (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F) ||
	       (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	       cp == 0x00B7 || cp == 0x30FB || (cp >= 0x25A0 && cp <= 0x25FF) ||
	       (cp >= 0x2600 && cp <= 0x26FF) || cp == 0x00AB || cp == 0x00BB;
}

void tx_win_head(tx_win *w, const char *s, size_t len)
{
	size_t b = 0;

	w->n = 0;
	while (b < len && w->n < TX_WIN) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(s + b, len - b, &cp);

		if (k == 0)
			k = 1;
		w->boff[w->n] = (uint32_t)b;
		w->raw[w->n] = cp;
		w->f[w->n] = tx_fold(cp);
		w->n++;
		b += k;
	}
	w->boff[w->n] = (uint32_t)b;
	w->whole = b >= len;
}

void tx_win_tail(tx_win *w, const char *s, size_t len)
{
	size_t start = len, cnt = 0;

	/* walk back TX_WIN chars (continuation bytes are 10xxxxxx) */
	while (start > 0 && cnt < TX_WIN) {
		start--;
		if (((unsigned char)s[start] & 0xC0) != 0x80)
			cnt++;
	}
	tx_win_head(w, s + start, len - start);
	/* offsets are relative to the window start; shift them to the paragraph */
	if (start) {
		size_t i;

		for (i = 0; i <= w->n; i++)
			w->boff[i] += (uint32_t)start;
		w->whole = 0;
	} else {
		w->whole = 1;
	}
}

size_t tx_match(const uint32_t *f, size_t n, size_t at, const char *lit)
{
	size_t i = at, b = 0, ll = strlen(lit);

	while (b < ll) {
		uint32_t cp;
		size_t k = tekg_utf8_decode(lit + b, ll - b, &cp);

		if (k == 0 || i >= n || f[i] != cp)
			return 0;
		b += k;
		i++;
	}
	return i - at;
}

size_t tx_find(const uint32_t *f, size_t n, size_t from, const char *lit)
{
	size_t i;

	for (i = from; i < n; i++)
		if (tx_match(f, n, i, lit))
			return i;
	return (size_t)-1;
}
