/*
 * time.c - Chinese temporal expressions -> ISO 8601 (see tekg/time.h and
 * docs/time.md for the rules).
 *
 * The input is decoded once into an array of code points in which the
 * characters that matter are folded: full-width digits and punctuation to
 * ASCII, the traditional characters of date phrases to simplified (週 -> 周,
 * 時 -> 时 ...).  Folding is one code point to one code point, so an index
 * into the array is a code-point offset of the caller's text.
 *
 * Two passes.  The parser walks the text left to right and, at each
 * position, tries the expression forms in a fixed order; a match yields an
 * `expr` (one or two `raw` dates, the second being the end of a range) and
 * the walk resumes after it.  Raw dates hold what was written (a year, a
 * relative year, a month, a day, a period) and nothing inferred.  The
 * resolver then turns each expr into ISO start/end values against the
 * anchor, the sentence context (the year and month last written in the
 * same sentence) and, for the end of a range, the start.  When no anchor is
 * given, the anchor inference works on the parser's output.
 *
 * Only libc; allocations through util/alloc.h.
 */
#include "tekg/time.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define YEAR_MIN 1000
#define YEAR_MAX 2999
#define PAD 16            /* zero code points after the text: look-ahead needs no bound checks */
#define DATELINE_SPAN 400 /* a dateline is looked for in the first chars only */
#define HEADER_SPAN 2000  /* a header date line likewise */

/* ---- folded text ------------------------------------------------------ */

typedef struct text {
	uint32_t *cp; /* n + PAD entries, cp[n..] == 0 */
	size_t n;
} text;

/* Traditional -> simplified for the characters of date phrases. */
static const uint32_t trad_pairs[][2] = {
	{0x9031, 0x5468}, /* 週 周 */ {0x6642, 0x65F6}, /* 時 时 */
	{0x65BC, 0x4E8E}, /* 於 于 */ {0x5F9E, 0x4ECE}, /* 從 从 */
	{0x4F86, 0x6765}, /* 來 来 */ {0x5F8C, 0x540E}, /* 後 后 */
	{0x500B, 0x4E2A}, /* 個 个 */ {0x5167, 0x5185}, /* 內 内 */
	{0x9918, 0x4F59}, /* 餘 余 */ {0x865F, 0x53F7}, /* 號 号 */
	{0x79AE, 0x793C}, /* 禮 礼 */ {0x7E8C, 0x7EED}, /* 續 续 */
	{0x6B77, 0x5386}, /* 歷 历 */ {0x9EDE, 0x70B9}, /* 點 点 */
	{0x8A31, 0x8BB8}, /* 許 许 */ {0x7D04, 0x7EA6}, /* 約 约 */
	{0x6578, 0x6570}, /* 數 数 */ {0x904E, 0x8FC7}, /* 過 过 */
	{0x9593, 0x95F4}, /* 間 间 */ {0x7576, 0x5F53}, /* 當 当 */
	{0x9019, 0x8FD9}, /* 這 这 */ {0x5169, 0x4E24}, /* 兩 两 */
	{0x9418, 0x949F}, /* 鐘 钟 */ {0x958B, 0x5F00}, /* 開 开 */
	{0x5C07, 0x5C06}, /* 將 将 */ {0x66C6, 0x5386}, /* 曆 历 */
	{0x6DE9, 0x51CC}, /* 淩 凌 */ {0x9054, 0x8FBE}, /* 達 达 */
	{0x6EFF, 0x6EE1}, /* 滿 满 */ {0x9032, 0x8FDB}, /* 進 进 */
	{0x9805, 0x9879}, /* 項 项 */ {0x5104, 0x4EBF}, /* 億 亿 */
	{0x842C, 0x4E07}, /* 萬 万 */ {0x7BC0, 0x8282}, /* 節 节 */
	{0x7D00, 0x7EAA}, /* 紀 纪 */ {0x9577, 0x957F}, /* 長 长 */
	{0x6703, 0x4F1A}, /* 會 会 */ {0x756B, 0x753B}, /* 畫 画 */
	{0x5283, 0x5212}, /* 劃 划 */ {0x5E7E, 0x51E0}, /* 幾 几 */
	{0x904B, 0x8FD0}, /* 運 运 */ {0x5831, 0x62A5}, /* 報 报 */
	{0x96FB, 0x7535}, /* 電 电 */ {0x8A08, 0x8BA1}, /* 計 计 */
	{0x6C7A, 0x51B3}, /* 決 决 */ {0x9EBC, 0x4E48}, /* 麼 么 */
	{0x898F, 0x89C4}, /* 規 规 */ {0x66AB, 0x6682}, /* 暫 暂 */
};

static uint32_t fold(uint32_t c)
{
	size_t i;

	if (c >= 0xFF10 && c <= 0xFF19)
		return '0' + (c - 0xFF10);
	switch (c) {
	case 0xFF08: return '(';
	case 0xFF09: return ')';
	case 0xFF5E: case 0x301C: case 0x223C: return '~';
	case 0xFF0D: case 0x2010: case 0x2011: case 0x2012: case 0x2013:
	case 0x2014: case 0x2015: case 0x2212: case 0xFE63: case 0x2500:
		return '-';
	case 0xFF1A: return ':';
	case 0xFF0E: return '.';
	case 0xFF0F: return '/';
	case 0x3000: case '\t': return ' ';
	case 0x25CB: case 0x25EF: return 0x3007; /* ○ -> 〇 */
	default: break;
	}
	if (c >= 0x4E00 && c <= 0x9FFF)
		for (i = 0; i < sizeof trad_pairs / sizeof trad_pairs[0]; i++)
			if (trad_pairs[i][0] == c)
				return trad_pairs[i][1];
	return c;
}

/* Decode and fold text[0..len); TEKG_EENCODING names the bad byte. */
static int text_load(text *t, const char *s, size_t len, tekg_error *err)
{
	size_t off = 0, n = 0, bad = 0;

	t->cp = NULL;
	t->n = 0;
	if (len > SIZE_MAX / sizeof *t->cp - PAD)
		return tekg_error_set(err, TEKG_ELIMIT, "text too long (%zu bytes)", len);
	if (!tekg_utf8_valid(s, len, &bad))
		return tekg_error_set(err, TEKG_EENCODING, "invalid UTF-8 at byte %zu", bad);
	t->cp = tekg_malloc((len + PAD) * sizeof *t->cp);
	if (!t->cp)
		return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
	while (off < len) {
		uint32_t c;
		size_t b = tekg_utf8_decode(s + off, len - off, &c);
		if (b == 0)
			b = 1;
		t->cp[n++] = fold(c);
		off += b;
	}
	memset(t->cp + n, 0, PAD * sizeof *t->cp);
	t->n = n;
	return 0;
}

static uint32_t at(const text *t, size_t i)
{
	return i < t->n ? t->cp[i] : 0;
}

static uint32_t before(const text *t, size_t i)
{
	return i > 0 && i <= t->n ? t->cp[i - 1] : 0;
}

/* First code point of a UTF-8 literal. */
static uint32_t U(const char *s)
{
	uint32_t c = 0;
	tekg_utf8_decode(s, strlen(s), &c);
	return c;
}

/* Number of chars of `s` (UTF-8 literal) if the text spells it at i, else 0. */
static size_t lit(const text *t, size_t i, const char *s)
{
	size_t off = 0, len = strlen(s), k = 0;

	while (off < len) {
		uint32_t c;
		size_t b = tekg_utf8_decode(s + off, len - off, &c);
		if (b == 0 || at(t, i + k) != c)
			return 0;
		off += b;
		k++;
	}
	return k;
}

/* 1-based index of c among the code points of the literal `set`, else 0. */
static int in_set(uint32_t c, const char *set)
{
	size_t off = 0, len = strlen(set);
	int k = 1;

	if (c == 0)
		return 0;
	while (off < len) {
		uint32_t x;
		size_t b = tekg_utf8_decode(set + off, len - off, &x);
		if (b == 0)
			return 0;
		if (x == c)
			return k;
		off += b;
		k++;
	}
	return 0;
}

/* Longest of a NULL-terminated list of literals spelled at i; *which gets
 * its index.  Returns its length in chars, 0 when none. */
static size_t lit_any(const text *t, size_t i, const char *const *list, int *which)
{
	size_t best = 0, k;
	int j;

	for (j = 0; list[j]; j++)
		if ((k = lit(t, i, list[j])) > best) {
			best = k;
			if (which)
				*which = j;
		}
	return best;
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

#define CN_DIGITS "〇零一二三四五六七八九"
#define CN_NUMERALS "〇零一二三四五六七八九十百千万亿廿卅两"

static int cn_digit(uint32_t c)
{
	int k = in_set(c, CN_DIGITS);
	return k == 0 ? -1 : k <= 2 ? 0 : k - 2;
}

static int is_cn_numeral(uint32_t c)
{
	return in_set(c, CN_NUMERALS) != 0;
}

/* Characters after which a number is a count, not a date (第12日, 近2000年,
 * 连续21年, 每1日, 约3月). */
static int count_prefix(uint32_t c)
{
	return in_set(c, "第每约近共续余逾超满历多数几") != 0;
}

/* ---- numbers ---------------------------------------------------------- */

typedef struct num {
	long v;     /* value (saturates at 999999999) */
	size_t end; /* index after the number */
	int digits; /* Arabic digits read, or chars of a Chinese numeral */
	int cn;     /* written in Chinese numerals */
} num;

/* Arabic digits at i that do not continue a number (no digit or '.' before,
 * none after but what the caller checks). */
static int arabic_at(const text *t, size_t i, num *o)
{
	size_t k = i;
	long v = 0;
	int nd = 0;
	uint32_t b = before(t, i);

	if (!is_digit(at(t, i)) || is_digit(b) || b == '.')
		return 0;
	while (is_digit(at(t, k))) {
		if (nd < 9)
			v = v * 10 + (long)(at(t, k) - '0');
		nd++;
		k++;
	}
	if (at(t, k) == '.' && is_digit(at(t, k + 1)))
		return 0; /* 3.5小时, 2.5日 */
	o->v = nd > 9 ? 999999999L : v;
	o->end = k;
	o->digits = nd;
	o->cn = 0;
	return 1;
}

/* A year in Chinese digits, one per position: 二〇二五. */
static int cn_year_at(const text *t, size_t i, num *o)
{
	long v = 0;
	int k, dgt;

	if (is_cn_numeral(before(t, i)) || is_digit(before(t, i)))
		return 0;
	for (k = 0; k < 4; k++) {
		if ((dgt = cn_digit(at(t, i + (size_t)k))) < 0)
			return 0;
		v = v * 10 + dgt;
	}
	if (is_cn_numeral(at(t, i + 4)))
		return 0;
	o->v = v;
	o->end = i + 4;
	o->digits = 4;
	o->cn = 1;
	return 1;
}

/* A small Chinese number 1..39: 三, 十, 十一, 二十, 二十三, 廿三, 卅, 三十一. */
static int cn_small_at(const text *t, size_t i, num *o)
{
	size_t k = i;
	long v = 0;
	int d1, d2;
	uint32_t ten = U("十");

	if (is_cn_numeral(before(t, i)) || is_digit(before(t, i)))
		return 0;
	d1 = cn_digit(at(t, k));
	if (at(t, k) == ten) {
		v = 10;
		k++;
		if ((d2 = cn_digit(at(t, k))) > 0) {
			v += d2;
			k++;
		}
	} else if (at(t, k) == U("廿") || at(t, k) == U("卅")) {
		v = at(t, k) == U("廿") ? 20 : 30;
		k++;
		if ((d2 = cn_digit(at(t, k))) > 0) {
			v += d2;
			k++;
		}
	} else if (d1 > 0) {
		k++;
		if (at(t, k) == ten && d1 <= 3) {
			v = d1 * 10;
			k++;
			if ((d2 = cn_digit(at(t, k))) > 0) {
				v += d2;
				k++;
			}
		} else {
			v = d1;
		}
	} else {
		return 0;
	}
	if (is_cn_numeral(at(t, k)))
		return 0;
	o->v = v;
	o->end = k;
	o->digits = (int)(k - i);
	o->cn = 1;
	return 1;
}

/* A month or day number: 1-2 Arabic digits or a small Chinese number. */
static int small_at(const text *t, size_t i, num *o, int allow_cn)
{
	if (arabic_at(t, i, o))
		return o->digits <= 2;
	return allow_cn && cn_small_at(t, i, o);
}

/* ---- calendar --------------------------------------------------------- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int dim(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* ISO weekday, 1 = Monday .. 7 = Sunday. */
static int weekday(long days)
{
	long r = ((days % 7) + 7 + 3) % 7;
	return (int)r + 1;
}

/* ---- raw expressions -------------------------------------------------- */

enum { K_DATE, K_RELDAY, K_WEEK, K_PLAN, K_DECADE, K_APPROX, K_SAMEDAY };

/* What was written for one date, nothing inferred. */
typedef struct raw {
	int kind;
	int ykind;    /* 0 none, 1 written (y), 2 relative (y = offset) */
	int y;
	int mkind;    /* 0 none, 1 written (m), 2 relative (m = offset) */
	int m;
	int d;        /* 0 none */
	int pm1, pm2; /* year-level period: months pm1..pm2 (pm2 > 12: next year) */
	int pd1, pd2; /* month-level period: days pd1..pd2 (pd2 31: month end) */
	int fullyear; /* 全年 */
	int wday;     /* written weekday 1..7, 0 none */
	int off;      /* K_RELDAY day offset, K_WEEK week offset */
	int bday;     /* K_RELDAY: day in brackets (今日（12日）) */
	int weekend;  /* K_WEEK: 周末 */
	unsigned flags;
} raw;

/* One expression as parsed: a date, or a range of two. */
typedef struct expr {
	size_t s, e;  /* span, chars */
	raw a, b;
	int has_b;
	unsigned flags; /* RANGE, SINCE */
	size_t a_s, a_e; /* span of the start alone when the range is A 至 B
	                    (a_e 0 otherwise): used when B does not resolve */
} expr;

static void raw_init(raw *r, int kind)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
}

static size_t skip_spaces(const text *t, size_t k)
{
	while (at(t, k) == ' ')
		k++;
	return k;
}

/* Weekday char after 星期/周/礼拜: 1..7 or 0. */
static int wday_char(uint32_t c, int allow_tian)
{
	int k = in_set(c, "一二三四五六日");
	if (k)
		return k;
	if (allow_tian && c == U("天"))
		return 7;
	return 0;
}

/* A weekday word at k: 星期X, 礼拜X, 周X.  Sets *wd, returns its end or 0. */
static size_t weekday_word(const text *t, size_t k, int *wd)
{
	size_t l;

	if ((l = lit(t, k, "星期")) || (l = lit(t, k, "礼拜"))) {
		if ((*wd = wday_char(at(t, k + l), 1)))
			return k + l + 1;
		return 0;
	}
	if (at(t, k) == U("周") && (*wd = wday_char(at(t, k + 1), 0)))
		return k + 2;
	return 0;
}

/* A weekday, in brackets or not, after a date: （星期日）, (周四), 星期四. */
static size_t weekday_ext(const text *t, size_t k, int *wd)
{
	size_t j = skip_spaces(t, k), e;

	if (at(t, j) == '(') {
		e = weekday_word(t, skip_spaces(t, j + 1), wd);
		if (e && at(t, skip_spaces(t, e)) == ')')
			return skip_spaces(t, e) + 1;
		return k;
	}
	e = weekday_word(t, j, wd);
	return e ? e : k;
}

/* A clock time: 14时30分, 9点半, 8时许, 14:30, 14:30:05.  Returns the end or k. */
static size_t clock_ext(const text *t, size_t k)
{
	num h, mi;
	size_t j = skip_spaces(t, k), l;

	if (!small_at(t, j, &h, 1) || h.v > 24)
		return k;
	j = h.end;
	if (at(t, j) == ':' && !h.cn) {
		if (!arabic_at(t, j + 1, &mi) || mi.digits != 2 || mi.v > 59)
			return k;
		j = mi.end;
		if (at(t, j) == ':' && arabic_at(t, j + 1, &mi) && mi.digits == 2 && mi.v <= 59)
			j = mi.end;
		return j;
	}
	if (!(l = lit(t, j, "时")) && !(l = lit(t, j, "点")))
		return k;
	if (lit(t, j + l, "间") || lit(t, j + l, "期"))
		return k;
	j += l;
	if (small_at(t, j, &mi, 1) && mi.v <= 59 && lit(t, mi.end, "分")) {
		j = mi.end + 1;
		if (small_at(t, j, &mi, 1) && mi.v <= 59 && lit(t, mi.end, "秒"))
			j = mi.end + 1;
	} else if (lit(t, j, "半")) {
		j++;
	}
	if ((l = lit(t, j, "许")) || (l = lit(t, j, "左右")))
		j += l;
	return j;
}

/* A time of day after a date: 上午, 下午, 晚, 14时30分 ... (kept at day
 * precision).  Returns the end or k; sets TIME_OF_DAY. */
static size_t tod_ext(const text *t, size_t k, unsigned *flags)
{
	static const char *const words[] = {"上午", "下午", "中午", "晚上", "晚间", "凌晨", "早上",
		"早晨", "清晨", "傍晚", "夜间", "深夜", "午后", "午间", "夜里", "当晚", NULL};
	size_t j = skip_spaces(t, k), l, c;

	if ((l = lit_any(t, j, words, NULL)))
		j += l;
	else if ((at(t, j) == U("晚") || at(t, j) == U("早")) &&
	         !in_set(at(t, j + 1), "宴会报餐霞年期些点稻于已就先"))
		j++;
	else
		j = k;
	c = clock_ext(t, j);
	if (c == j && j == k)
		return k;
	*flags |= TEKG_TIMEX_TIME_OF_DAY;
	return c;
}

/* Range separators between two dates. */
static size_t range_sep(const text *t, size_t k)
{
	static const char *const seps[] = {"至", "到", "-", "--", "~", "起至", "持续到", "持续至",
		"延续到", "延续至", "直至", "一直到", "一直持续到", NULL};
	size_t j = skip_spaces(t, k), l = lit_any(t, j, seps, NULL);

	return l ? skip_spaces(t, j + l) : 0;
}

static int parse_date(const text *t, size_t i, expr *x, int as_end);

/* Year-level periods after a year (written or relative): 上半年, 第一季度,
 * 底, 年初, 春季, 全年.  Returns the end or k. */
static size_t year_period(const text *t, size_t k, raw *r)
{
	static const char *const q[] = {"第一季度", "第二季度", "第三季度", "第四季度", "一季度",
		"二季度", "三季度", "四季度", NULL};
	size_t l;
	int w = 0;
	uint32_t c = at(t, k), n1 = at(t, k + 1);

	if ((l = lit(t, k, "上半年"))) {
		r->pm1 = 1, r->pm2 = 6;
	} else if ((l = lit(t, k, "下半年"))) {
		r->pm1 = 7, r->pm2 = 12;
	} else if ((l = lit(t, k, "全年"))) {
		if (in_set(at(t, k + l), "级龄"))
			return k;
		r->fullyear = 1;
		r->flags |= TEKG_TIMEX_PERIOD;
		return k + l;
	} else if ((l = lit_any(t, k, q, &w))) {
		r->pm1 = (w % 4) * 3 + 1, r->pm2 = (w % 4) * 3 + 3;
	} else if ((l = lit(t, k, "前三季度"))) {
		r->pm1 = 1, r->pm2 = 9;
	} else if ((l = lit(t, k, "前两季度"))) {
		r->pm1 = 1, r->pm2 = 6;
	} else if ((l = lit(t, k, "年初")) || (l = lit(t, k, "初"))) {
		if (in_set(at(t, k + l), "步中期级次等始心衷创"))
			return k;
		r->pm1 = 1, r->pm2 = 3;
	} else if ((l = lit(t, k, "年底")) || (l = lit(t, k, "年末")) ||
	           (l = lit(t, k, "底")) || (l = lit(t, k, "末"))) {
		if (in_set(at(t, k + l), "线层部座子薪片"))
			return k;
		r->pm1 = 10, r->pm2 = 12;
	} else if ((w = in_set(c, "春夏秋冬")) &&
	           (in_set(n1, "季天") || n1 < 0x3400 || (n1 >= 0x3000 && n1 < 0x3040) ||
	            (n1 >= 0xFF00 && n1 <= 0xFFEF))) {
		l = in_set(n1, "季天") ? 2 : 1;
		r->pm1 = w * 3, r->pm2 = w * 3 + 2;
	} else {
		return k;
	}
	r->flags |= TEKG_TIMEX_PERIOD;
	return k + l;
}

/* Month-level periods after a month: 上旬, 中旬, 下旬, 初, 底, 末, 中下旬. */
static size_t month_period(const text *t, size_t k, raw *r)
{
	size_t l;

	if ((l = lit(t, k, "上旬")) || (l = lit(t, k, "月初")) ||
	    ((l = lit(t, k, "初")) && !in_set(at(t, k + 1), "步期中级次等始心衷创"))) {
		r->pd1 = 1, r->pd2 = 10;
	} else if ((l = lit(t, k, "中下旬"))) {
		r->pd1 = 11, r->pd2 = 31;
	} else if ((l = lit(t, k, "中旬"))) {
		r->pd1 = 11, r->pd2 = 20;
	} else if ((l = lit(t, k, "下旬")) || (l = lit(t, k, "月底")) || (l = lit(t, k, "月末")) ||
	           (((l = lit(t, k, "底")) || (l = lit(t, k, "末"))) &&
	            !in_set(at(t, k + 1), "线层部座子薪片"))) {
		r->pd1 = 21, r->pd2 = 31;
	} else {
		return k;
	}
	r->flags |= TEKG_TIMEX_PERIOD;
	return k + l;
}

/* After a day: weekday and time of day. */
static size_t day_ext(const text *t, size_t k, raw *r)
{
	int wd = 0;
	size_t j = weekday_ext(t, k, &wd);

	if (j != k) {
		r->wday = wd;
		r->flags |= TEKG_TIMEX_WEEKDAY;
	}
	return tod_ext(t, j, &r->flags);
}

/* A day number with 日/号 at k (after a month).  1 found (r->d, *end),
 * 0 none, -1 a day that cannot exist (the whole expression is rejected). */
static int day_after_month(const text *t, size_t k, raw *r, size_t *end)
{
	num d;
	size_t l;

	if (!small_at(t, k, &d, 1))
		return 0;
	if (!(l = lit(t, d.end, "日")) && !(l = lit(t, d.end, "号")))
		return 0;
	if (d.v < 1 || d.v > 31 || (r->mkind == 1 && d.v > dim(2000, r->m)))
		return -1;
	r->d = (int)d.v;
	*end = d.end + l;
	return 1;
}

/* NUM sep NUM unit after a prefix (2025年1-3月, 12月11-12日).  Fills x->a
 * and x->b from the prefix; returns the end, 0 when there is no such
 * shape, BAD_RANGE when there is one that is not a range of dates. */
#define BAD_RANGE ((size_t)-1)
static size_t inner_range(const text *t, size_t k, const raw *prefix, expr *x, int unit_month)
{
	num n1, n2;
	size_t j, l;
	const char *unit = unit_month ? "月" : "日";

	if (!small_at(t, k, &n1, 1) || (j = range_sep(t, n1.end)) == 0 || !small_at(t, j, &n2, 1))
		return 0;
	if (!(l = lit(t, n2.end, unit)) && !(!unit_month && (l = lit(t, n2.end, "号"))))
		return 0;
	x->a = *prefix;
	x->b = *prefix;
	if (unit_month) {
		if (n1.v < 1 || n1.v > 12 || n2.v < 1 || n2.v > 12 || n2.v <= n1.v)
			return BAD_RANGE;
		x->a.mkind = x->b.mkind = 1;
		x->a.m = (int)n1.v, x->b.m = (int)n2.v;
		j = n2.end + l;
		if (lit(t, j, "份"))
			j++;
		return j;
	}
	if (n1.v < 1 || n2.v > 31 || n2.v <= n1.v ||
	    (prefix->mkind == 1 && n2.v > dim(2000, prefix->m)))
		return BAD_RANGE;
	x->a.d = (int)n1.v, x->b.d = (int)n2.v;
	x->has_b = 1;
	return day_ext(t, n2.end + l, &x->b);
}

/* After a month (x->a has it): day, inner day range, month period. */
static size_t after_month(const text *t, size_t k, expr *x)
{
	size_t e = k, j;
	int rc;

	if (lit(t, k, "份"))
		k++;
	rc = day_after_month(t, k, &x->a, &e);
	if (rc < 0)
		return 0;
	if (rc > 0)
		return day_ext(t, e, &x->a);
	if ((j = inner_range(t, k, &x->a, x, 0)) == BAD_RANGE)
		return 0;
	if (j) {
		x->has_b = 1;
		x->flags |= TEKG_TIMEX_RANGE;
		return j;
	}
	return month_period(t, k, &x->a);
}

/* After a year (x->a has it): period, month, inner month range. */
static size_t after_year(const text *t, size_t k, expr *x)
{
	num m;
	size_t j;

	if (lit(t, k, "度"))
		k++;
	if ((j = year_period(t, k, &x->a)) != k)
		return j;
	if (small_at(t, k, &m, 1) && lit(t, m.end, "月")) {
		if (m.v < 1 || m.v > 12)
			return 0;
		x->a.mkind = 1;
		x->a.m = (int)m.v;
		return after_month(t, m.end + 1, x);
	}
	if ((j = inner_range(t, k, &x->a, x, 1)) == BAD_RANGE)
		return 0;
	if (j) {
		x->has_b = 1;
		x->flags |= TEKG_TIMEX_RANGE;
		return j;
	}
	return k;
}

/* Up to `max` + 1 ASCII digits at k, no boundary checks; *nd digits. */
static long digits_at(const text *t, size_t k, int max, int *nd)
{
	long v = 0;

	*nd = 0;
	while (is_digit(at(t, k + (size_t)*nd)) && *nd <= max) {
		v = v * 10 + (long)(at(t, k + (size_t)*nd) - '0');
		(*nd)++;
	}
	return v;
}

/* A number date 2025-12-11, 2025/12/11, 2025.12.11 with an optional time. */
static size_t numeric_date(const text *t, size_t i, expr *x)
{
	long y, m, d;
	int ny, nm, nd;
	uint32_t sep, b = before(t, i);
	size_t j;

	if (is_digit(b) || b == '.' || b == '-' || b == '/')
		return 0;
	y = digits_at(t, i, 4, &ny);
	if (ny != 4)
		return 0;
	j = i + 4;
	sep = at(t, j);
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	m = digits_at(t, j + 1, 2, &nm);
	if (nm < 1 || nm > 2 || at(t, j + 1 + (size_t)nm) != sep)
		return 0;
	j += 2 + (size_t)nm;
	d = digits_at(t, j, 2, &nd);
	if (nd < 1 || nd > 2)
		return 0;
	j += (size_t)nd;
	if (m < 1 || m > 12 || d < 1 || y < YEAR_MIN || y > YEAR_MAX || d > dim((int)y, (int)m))
		return 0;
	if ((at(t, j) == '.' || at(t, j) == sep) && is_digit(at(t, j + 1)))
		return 0;
	raw_init(&x->a, K_DATE);
	x->a.ykind = 1, x->a.y = (int)y;
	x->a.mkind = 1, x->a.m = (int)m;
	x->a.d = (int)d;
	if (at(t, j) == ' ' || at(t, j) == 'T') {
		size_t c = clock_ext(t, j + 1);
		if (c != j + 1) {
			x->a.flags |= TEKG_TIMEX_TIME_OF_DAY;
			return c;
		}
	}
	return day_ext(t, j, &x->a);
}

/* 十四五 (the 14th five-year plan, 2021..2025). */
static size_t plan(const text *t, size_t i, expr *x)
{
	int n;
	uint32_t b = before(t, i);
	size_t e = i + 3;
	int quoted = in_set(b, "“\"「『‘'") != 0;

	if (at(t, i) != U("十") || (n = cn_digit(at(t, i + 1))) < 1 || at(t, i + 2) != U("五"))
		return 0;
	if (is_cn_numeral(b) || is_digit(b) || is_cn_numeral(at(t, e)) || is_digit(at(t, e)))
		return 0;
	/* Written bare (十四五的开局, a line of its own), it is the plan unless
	 * a measure word or a unit makes it a count: 十四五个人, 十四五岁. */
	if (!quoted && b == U("第"))
		return 0;
	if (!quoted && in_set(at(t, e), "个岁人名天年月日号时分秒位家次元万千百亿米里公斤吨只件条座所台辆本项种倍成层号期届%％"))
		return 0;
	raw_init(&x->a, K_PLAN);
	x->a.y = 1966 + 5 * (10 + n - 3);
	x->a.flags |= TEKG_TIMEX_PLAN;
	return e;
}

/* Relative days: 今天, 昨日, 明天 ... with （12日） and a time of day. */
static size_t relday(const text *t, size_t i, expr *x)
{
	static const char *const w[] = {"今天", "今日", "今晨", "今晚", "今早", "昨天", "昨日", "昨晚",
		"昨晨", "前天", "前日", "明天", "明日", "明晚", "后天", "大前天", "大后天", NULL};
	static const int off[] = {0, 0, 0, 0, 0, -1, -1, -1, -1, -2, -2, 1, 1, 1, 2, -3, 3};
	int which = 0, wd = 0;
	size_t l = lit_any(t, i, w, &which), j, k;
	num d;

	if (!l) {
		/* two days in one word: 明后天 (tomorrow and the day after),
		 * 今明两天 / 今明两日 (today and tomorrow) */
		int from = 0;
		if ((l = lit(t, i, "明后天")) || (l = lit(t, i, "明后两天")) ||
		    (l = lit(t, i, "明后两日")))
			from = 1;
		else if (!(l = lit(t, i, "今明两天")) && !(l = lit(t, i, "今明两日")))
			return 0;
		raw_init(&x->a, K_RELDAY);
		x->a.off = from;
		x->a.flags |= TEKG_TIMEX_RELATIVE;
		x->b = x->a;
		x->b.off = from + 1;
		x->has_b = 1;
		x->flags |= TEKG_TIMEX_RANGE;
		return i + l;
	}
	if (which == 14 && in_set(before(t, i), "先和与"))
		return 0; /* 先天/后天 (innate/acquired) */
	raw_init(&x->a, K_RELDAY);
	x->a.off = off[which];
	x->a.flags |= TEKG_TIMEX_RELATIVE;
	if (which == 2 || which == 3 || which == 4 || which == 7 || which == 8 || which == 13)
		x->a.flags |= TEKG_TIMEX_TIME_OF_DAY;
	j = i + l;
	k = skip_spaces(t, j);
	if (at(t, k) == '(') {
		size_t m = skip_spaces(t, k + 1);
		if (small_at(t, m, &d, 1) && d.v >= 1 && d.v <= 31 &&
		    (lit(t, d.end, "日") || lit(t, d.end, "号"))) {
			m = skip_spaces(t, d.end + 1);
			if (at(t, m) == ')') {
				x->a.bday = (int)d.v;
				j = m + 1;
			} else if ((m = weekday_word(t, m, &wd)) && at(t, skip_spaces(t, m)) == ')') {
				x->a.bday = (int)d.v;
				x->a.wday = wd;
				x->a.flags |= TEKG_TIMEX_WEEKDAY;
				j = skip_spaces(t, m) + 1;
			}
		}
	}
	return day_ext(t, j, &x->a);
}

/* Weeks: 本周, 上周, 下周 (Monday..Sunday), 下周三, 上周末. */
static size_t week(const text *t, size_t i, expr *x)
{
	static const char *const w[] = {"本周", "这周", "上周", "下周", "本星期", "上星期", "下星期",
		"这个星期", "上个星期", "下个星期", "上个礼拜", "下个礼拜", "这个礼拜", "上礼拜",
		"下礼拜", "下下周", "上上周", NULL};
	static const int off[] = {0, 0, -1, 1, 0, -1, 1, 0, -1, 1, -1, 1, 0, -1, 1, 2, -2};
	int which = 0, wd;
	size_t l = lit_any(t, i, w, &which), j;

	if (!l)
		return 0;
	j = i + l;
	if (in_set(at(t, j), "期年刊报边岁") || lit(t, j, "内"))
		return 0;
	raw_init(&x->a, K_WEEK);
	x->a.off = off[which];
	x->a.flags |= TEKG_TIMEX_RELATIVE;
	if (at(t, j) == U("末")) {
		x->a.weekend = 1;
		return j + 1;
	}
	if ((wd = wday_char(at(t, j), at(t, j - 1) != U("周")))) {
		size_t k = skip_spaces(t, j + 1), m;
		num d;
		x->a.wday = wd;
		x->a.flags |= TEKG_TIMEX_WEEKDAY;
		j++;
		/* 本周五（12日） */
		if (at(t, k) == '(' && small_at(t, (m = skip_spaces(t, k + 1)), &d, 1) && d.v >= 1 &&
		    d.v <= 31 && (lit(t, d.end, "日") || lit(t, d.end, "号")) &&
		    at(t, skip_spaces(t, d.end + 1)) == ')') {
			x->a.bday = (int)d.v;
			j = skip_spaces(t, d.end + 1) + 1;
		}
		return tod_ext(t, j, &x->a.flags);
	}
	return j;
}

/* Periods and vague words written without a year: 上半年, 年底, 第一季度,
 * 全年, 本月, 上个月, 月底, 上旬, 近日, 日前. */
static size_t bare_period(const text *t, size_t i, expr *x)
{
	static const char *const rm[] = {"本月", "上月", "下月", "上个月", "下个月", NULL};
	static const int roff[] = {0, -1, 1, -1, 1};
	uint32_t b = before(t, i);
	size_t j, l;
	int which = 0;

	if (b == U("年") || b == U("每") || b == U("个") || b == U("月") || is_digit(b) ||
	    is_cn_numeral(b))
		return 0;
	raw_init(&x->a, K_DATE);
	if ((l = lit_any(t, i, rm, &which))) {
		if (in_set(at(t, i + l), "刊报度薪费票卡球台") || lit(t, i + l, "内"))
			return 0;
		x->a.mkind = 2;
		x->a.m = roff[which];
		x->a.flags |= TEKG_TIMEX_RELATIVE;
		return after_month(t, i + l, x) ? after_month(t, i + l, x) : i + l;
	}
	if ((l = lit(t, i, "近日")) || (l = lit(t, i, "日前"))) {
		if (in_set(at(t, i + l), "内来均夕"))
			return 0;
		/* 节日前, 生日前, 工作日前, 周日前: "before a day", not "recently" */
		if (lit(t, i, "日前") &&
		    in_set(b, "节生假作念期当某个几数每平末周天该此本这那今昨明前后次首届第"))
			return 0;
		raw_init(&x->a, K_APPROX);
		x->a.flags |= TEKG_TIMEX_APPROX | TEKG_TIMEX_RELATIVE;
		return i + l;
	}
	if ((l = lit(t, i, "月初")) || (l = lit(t, i, "月底")) || (l = lit(t, i, "月末")) ||
	    (l = lit(t, i, "上旬")) || (l = lit(t, i, "中旬")) || (l = lit(t, i, "下旬"))) {
		if (lit(t, i, "上旬") || lit(t, i, "中旬") || lit(t, i, "下旬"))
			return 0; /* without a month it is too vague */
		j = month_period(t, i, &x->a);
		if (j == i)
			return 0;
		x->a.flags |= TEKG_TIMEX_RELATIVE;
		return j;
	}
	if (lit(t, i, "上半年") || lit(t, i, "下半年") || lit(t, i, "全年") || lit(t, i, "年初") ||
	    lit(t, i, "年底") || lit(t, i, "年末") || lit(t, i, "第一季度") || lit(t, i, "第二季度") ||
	    lit(t, i, "第三季度") || lit(t, i, "第四季度") || lit(t, i, "一季度") ||
	    lit(t, i, "二季度") || lit(t, i, "三季度") || lit(t, i, "四季度") || lit(t, i, "前三季度")) {
		j = year_period(t, i, &x->a);
		if (j == i)
			return 0;
		x->a.flags |= TEKG_TIMEX_RELATIVE;
		return j;
	}
	return 0;
}

/* The characters an expression can start with besides digits, sorted
 * (〇一七三上下九二五今全八六前十卅去后四大年廿日明昨月本次第近这零, 当): a quick
 * test that skips most positions of a text. */
static const uint32_t starters[] = {
	0x3007, 0x4E00, 0x4E03, 0x4E09, 0x4E0A, 0x4E0B, 0x4E5D, 0x4E8C, 0x4E94, 0x4ECA, 0x5168,
	0x516B, 0x516D, 0x524D, 0x5341, 0x5345, 0x53BB, 0x540E, 0x56DB, 0x5927, 0x5E74, 0x5EFF,
	0x5F53, 0x65E5, 0x660E, 0x6628, 0x6708, 0x672C, 0x6B21, 0x7B2C, 0x8FD1, 0x8FD9, 0x96F6,
};

static int may_start(uint32_t c)
{
	size_t lo = 0, hi = sizeof starters / sizeof starters[0];

	if (is_digit(c))
		return 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (starters[mid] == c)
			return 1;
		if (starters[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * One date at i (no range or 以来 handling): fills x->a (and x->b for the
 * inner ranges 2025年1-3月, 12月11-12日, 2020-2024年) and returns 1 with
 * x->e set.  as_end: parsing the end of a range (12月11日至12日), where a
 * bare day after 月 or a count prefix is not an issue.
 */
static int parse_date(const text *t, size_t i, expr *x, int as_end)
{
	static const char *const ry[] = {"今年", "去年", "明年", "前年", "后年", "本年", "上年",
		"次年", NULL};
	static const int ryoff[] = {0, -1, 1, -2, 2, 0, -1, 1};
	num n, n2;
	size_t j, l;
	uint32_t c = at(t, i), b = before(t, i);
	int which = 0;

	if (!may_start(c))
		return 0;
	memset(x, 0, sizeof *x);
	x->s = i;
	raw_init(&x->a, K_DATE);
	if (is_digit(c) || cn_digit(c) >= 0 || c == U("十") || c == U("廿") || c == U("卅")) {
		int counted = !as_end && count_prefix(b);
		/* the tail of a refused range (2025年3-1月) is not a date either */
		if (!as_end && (b == '-' || b == '~') && i >= 2 && is_digit(t->cp[i - 2]))
			return 0;
		if ((j = numeric_date(t, i, x))) {
			x->e = j;
			return 1;
		}
		/* a written year: 2025年, 二〇二五年 */
		if ((arabic_at(t, i, &n) || cn_year_at(t, i, &n)) && lit(t, n.end, "年")) {
			if (n.digits != 4 || counted)
				return 0;
			if (n.v < YEAR_MIN || n.v > YEAR_MAX)
				return 0; /* 0999年, 99999年 are refused, never clamped */
			if (lit(t, n.end + 1, "代")) {
				if (n.v % 10)
					return 0;
				raw_init(&x->a, K_DECADE);
				x->a.y = (int)n.v;
				x->e = n.end + 2;
				return 1;
			}
			x->a.ykind = 1;
			x->a.y = (int)n.v;
			j = after_year(t, n.end + 1, x);
			if (j == 0)
				return 0;
			x->e = j;
			return 1;
		}
		/* a month: 12月, 十二月 */
		if (small_at(t, i, &n, 1) && lit(t, n.end, "月") && !counted) {
			if (n.v < 1 || n.v > 12)
				return 0;
			/* the rest of a refused year (99999年12月31日): not a date
			 * in the anchor's year (同年12月 still is) */
			if (!as_end && b == U("年") && i >= 2 &&
			    (is_digit(t->cp[i - 2]) || cn_digit(t->cp[i - 2]) >= 0))
				return 0;
			if (in_set(at(t, n.end + 1), "来内余多"))
				return 0; /* 3月来? durations */
			x->a.mkind = 1;
			x->a.m = (int)n.v;
			j = after_month(t, n.end + 1, x);
			if (j == 0)
				return 0;
			x->e = j;
			return 1;
		}
		/* a bare day in Arabic digits: 11日 (not 11号: 1号线, 1号建议); in
		 * Chinese numerals only as the end of a range (十一日至十二日) */
		if ((arabic_at(t, i, &n) || (as_end && cn_small_at(t, i, &n))) &&
		    lit(t, n.end, "日")) {
			if ((!n.cn && n.digits > 2) || n.v < 1 || n.v > 31 || counted)
				return 0;
			if (!as_end && (b == U("月") || b == U("年")))
				return 0; /* the rest of a refused date (2月30日) */
			if (!as_end && (lit(t, n.end + 1, "内") || lit(t, n.end + 1, "以内") ||
			                lit(t, n.end + 1, "之内") || lit(t, n.end + 1, "后") ||
			                lit(t, n.end + 1, "前") || lit(t, n.end + 1, "均") ||
			                lit(t, n.end + 1, "游")))
				return 0;
			x->a.d = (int)n.v;
			x->e = day_ext(t, n.end + 1, &x->a);
			return 1;
		}
		/* NUM-NUM with the unit after the second: 2026—2030年, 1-3月, 11-12日 */
		if (arabic_at(t, i, &n) && !counted && (j = range_sep(t, n.end)) &&
		    arabic_at(t, j, &n2) && n2.v > n.v) {
			if (n.digits == 4 && n2.digits == 4 && lit(t, n2.end, "年") &&
			    n.v >= YEAR_MIN && n2.v <= YEAR_MAX) {
				x->a.ykind = 1, x->a.y = (int)n.v;
				x->b = x->a;
				x->b.y = (int)n2.v;
				x->has_b = 1;
				x->flags |= TEKG_TIMEX_RANGE;
				x->e = n2.end + 1;
				if (lit(t, x->e, "度"))
					x->e++;
				return 1;
			}
			if (n.digits <= 2 && n2.digits <= 2 && lit(t, n2.end, "月") && n.v >= 1 &&
			    n2.v <= 12) {
				x->a.mkind = 1, x->a.m = (int)n.v;
				x->b = x->a;
				x->b.m = (int)n2.v;
				x->has_b = 1;
				x->flags |= TEKG_TIMEX_RANGE;
				x->e = n2.end + 1 + (lit(t, n2.end + 1, "份") ? 1 : 0);
				return 1;
			}
			if (n.digits <= 2 && n2.digits <= 2 && lit(t, n2.end, "日") && n.v >= 1 &&
			    n2.v <= 31 && b != U("月")) {
				x->a.d = (int)n.v;
				x->b = x->a;
				x->b.d = (int)n2.v;
				x->has_b = 1;
				x->flags |= TEKG_TIMEX_RANGE;
				x->e = day_ext(t, n2.end + 1, &x->b);
				return 1;
			}
		}
		if (c == U("十") && (j = plan(t, i, x)) != 0) {
			x->e = j;
			return 1;
		}
		raw_init(&x->a, K_DATE);
		x->has_b = 0;
		x->flags = 0;
	}
	if ((l = lit_any(t, i, ry, &which))) {
		if (which >= 5 && in_set(at(t, i + l), "级纪轻龄人会"))
			return 0;
		x->a.ykind = 2;
		x->a.y = ryoff[which];
		x->a.flags |= TEKG_TIMEX_RELATIVE;
		j = after_year(t, i + l, x);
		if (j == 0)
			return 0;
		x->e = j;
		return 1;
	}
	/* 当天, 当日: the day last named in the text */
	if ((l = lit(t, i, "当天")) || (l = lit(t, i, "当日"))) {
		if (lit(t, i + l, "内") || in_set(at(t, i + l), "晚早") || in_set(b, "相每"))
			return 0;
		raw_init(&x->a, K_SAMEDAY);
		x->e = day_ext(t, i + l, &x->a);
		return 1;
	}
	if ((j = relday(t, i, x)) || (j = week(t, i, x)) || (j = bare_period(t, i, x))) {
		x->e = j;
		return 1;
	}
	return 0;
}

/* Does the raw end of a range stand on its own (it has a year, or it is
 * relative)?  Otherwise it borrows from the start. */
static int parse_expr(const text *t, size_t i, expr *x)
{
	expr y;
	size_t j, l;

	if (!parse_date(t, i, x, 0))
		return 0;
	/* 以来, 至今: a start point */
	j = x->e;
	if (x->a.kind == K_PLAN && in_set(at(t, j), "”\"」』’'"))
		j++;
	if (((l = lit(t, j, "以来")) || (l = lit(t, j, "至今")) || (l = lit(t, j, "迄今")) ||
	     (l = lit(t, j, "到今天")) || (l = lit(t, j, "起至今"))) &&
	    at(t, j + l) != U("年")) {
		x->flags |= TEKG_TIMEX_SINCE;
		x->e = j + l;
		if (in_set(before(t, x->s), "自从"))
			x->s--;
		return 1;
	}
	/* a range: A 至 B */
	if (!x->has_b && x->a.kind != K_APPROX && (j = range_sep(t, x->e)) != 0 &&
	    parse_date(t, j, &y, 1) && !y.has_b && y.a.kind != K_APPROX && y.a.kind != K_PLAN) {
		x->b = y.a;
		x->has_b = 1;
		x->flags |= TEKG_TIMEX_RANGE;
		x->a_s = x->s;
		x->a_e = x->e;
		x->e = y.e;
		if (in_set(before(t, x->s), "自从"))
			x->s--;
	}
	return 1;
}

/* ---- resolution ------------------------------------------------------- */

typedef struct ymd {
	int y, m, d; /* m, d 0 when coarser */
	int prec;
} ymd;

typedef struct anchor {
	int ok;
	int y, m, d;
	long days;
} anchor;

/* Lowest and highest day numbers a value covers. */
static long ymd_lo(const ymd *v)
{
	return days_from_civil(v->y, v->m ? v->m : 1, v->d ? v->d : 1);
}

static long ymd_hi(const ymd *v)
{
	int m = v->m ? v->m : 12;
	return days_from_civil(v->y, m, v->d ? v->d : dim(v->y, m));
}

static int year_ok(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

static void set_day(ymd *v, long days)
{
	civil_from_days(days, &v->y, &v->m, &v->d);
	v->prec = TEKG_TIME_DAY;
}

/* Month-day without a year: the year (ay-1, ay, ay+1) nearest the anchor,
 * among those whose weekday matches a written weekday when any does. */
static int nearest_year_md(const anchor *an, int m, int d, int wday, int *y)
{
	int cand, pass, found = 0;
	long best = 0;

	for (pass = wday ? 0 : 1; pass < 2 && !found; pass++)
		for (cand = an->y - 1; cand <= an->y + 1; cand++) {
			long dd, dist;
			if (!year_ok(cand) || d > dim(cand, m))
				continue;
			dd = days_from_civil(cand, m, d);
			if (pass == 0 && weekday(dd) != wday)
				continue;
			dist = labs(dd - an->days);
			if (!found || dist < best) {
				best = dist;
				*y = cand;
				found = 1;
			}
		}
	return found;
}

/* Month without a day: the year putting it nearest the anchor's month
 * (a tie, six months either way, goes to the past). */
static int nearest_year_m(const anchor *an, int m, int *y)
{
	int cand, found = 0;
	long best = 0;

	for (cand = an->y - 1; cand <= an->y + 1; cand++) {
		long dist = labs((long)(cand * 12 + m) - (long)(an->y * 12 + an->m));
		if (!year_ok(cand))
			continue;
		if (!found || dist < best) {
			best = dist;
			*y = cand;
			found = 1;
		}
	}
	return found;
}

/* A day of the month without month or year: the month (previous, this,
 * next) putting it nearest `ref`; returns 0 when none has that day. */
static int nearest_month_d(int ry, int rm, long rdays, int d, int *y, int *m)
{
	int k, found = 0;
	long best = 0;

	for (k = -1; k <= 1; k++) {
		int cy = ry, cm = rm + k;
		long dist;
		if (cm < 1)
			cm = 12, cy--;
		if (cm > 12)
			cm = 1, cy++;
		if (!year_ok(cy) || d > dim(cy, cm))
			continue;
		dist = labs(days_from_civil(cy, cm, d) - rdays);
		if (!found || dist < best) {
			best = dist;
			*y = cy;
			*m = cm;
			found = 1;
		}
	}
	return found;
}

/* Sentence context: the year and month of the last date in the sentence
 * that wrote a year or a month.  wy: its year was written (or relative).
 * ld: the last single day resolved anywhere before (for 当天), 0 none. */
typedef struct ctx {
	int y, m, wy;
	long ld;
	int has_ld;
} ctx;

/*
 * Resolve one raw date into [*s, *e].  base: the resolved start of a range
 * when r is its end (it lends the year and month r does not write).
 * Returns 1, or 0 when it cannot be resolved (no anchor, a day that does
 * not exist, a year out of range).
 */
static int resolve_raw(const raw *r, const anchor *an, const ctx *cx, const ymd *base,
                       ymd *s, ymd *e, unsigned *flags)
{
	int Y = 0, M = 0;

	memset(s, 0, sizeof *s);
	memset(e, 0, sizeof *e);
	*flags |= r->flags;
	switch (r->kind) {
	case K_PLAN:
	case K_DECADE:
		s->y = r->y;
		e->y = r->y + (r->kind == K_PLAN ? 4 : 9);
		s->prec = e->prec = TEKG_TIME_YEAR;
		return year_ok(s->y) && year_ok(e->y);
	case K_SAMEDAY:
		if (!cx || !cx->has_ld)
			return 0;
		set_day(s, cx->ld);
		*e = *s;
		return 1;
	case K_APPROX:
		if (!an->ok)
			return 0;
		s->y = e->y = an->y;
		s->m = e->m = an->m;
		s->prec = e->prec = TEKG_TIME_MONTH;
		return 1;
	case K_RELDAY: {
		long dd;
		int yy, mm, d0;
		if (!an->ok)
			return 0;
		dd = an->days + r->off;
		if (r->bday) {
			civil_from_days(dd, &yy, &mm, &d0);
			if (!nearest_month_d(yy, mm, dd, r->bday, &yy, &mm))
				return 0;
			dd = days_from_civil(yy, mm, r->bday);
		}
		set_day(s, dd);
		*e = *s;
		return year_ok(s->y);
	}
	case K_WEEK: {
		long mon;
		if (!an->ok)
			return 0;
		mon = an->days - (weekday(an->days) - 1) + 7L * r->off;
		if (r->wday) {
			long dd = mon + r->wday - 1;
			if (r->bday) {
				int yy, mm, d0;
				civil_from_days(dd, &yy, &mm, &d0);
				if (!nearest_month_d(yy, mm, dd, r->bday, &yy, &mm))
					return 0;
				dd = days_from_civil(yy, mm, r->bday);
			}
			set_day(s, dd);
			*e = *s;
		} else if (r->weekend) {
			set_day(s, mon + 5);
			set_day(e, mon + 6);
		} else {
			set_day(s, mon);
			set_day(e, mon + 6);
		}
		return year_ok(s->y) && year_ok(e->y);
	}
	default:
		break;
	}

	/* K_DATE: the year, then the month */
	if (r->ykind == 1) {
		Y = r->y;
	} else if (r->ykind == 2) {
		if (!an->ok)
			return 0;
		Y = an->y + r->y;
	} else if (r->mkind == 2) {
		int mi;
		if (!an->ok)
			return 0;
		mi = an->y * 12 + (an->m - 1) + r->m;
		Y = mi / 12;
		M = mi % 12 + 1;
	} else if (base) {
		Y = base->y;
		if (r->mkind == 0 && (r->d || r->pd1))
			M = base->m;
	} else if (r->mkind == 1) {
		*flags |= TEKG_TIMEX_INFERRED_YEAR;
		if (cx && cx->y && cx->wy) {
			Y = cx->y;
		} else if (!an->ok) {
			return 0;
		} else if (r->d || r->pd1) {
			if (!nearest_year_md(an, r->m, r->d ? r->d : 1, r->d ? r->wday : 0, &Y))
				return 0;
		} else if (!nearest_year_m(an, r->m, &Y)) {
			return 0;
		}
	} else if (r->d) {
		*flags |= TEKG_TIMEX_INFERRED_YEAR;
		if (cx && cx->y && cx->m) {
			Y = cx->y;
			M = cx->m;
		} else if (!an->ok) {
			return 0;
		} else if (!nearest_month_d(an->y, an->m, an->days, r->d, &Y, &M)) {
			return 0;
		}
	} else {
		/* a bare period: this year, or this month for 月底 */
		if (!an->ok)
			return 0;
		Y = an->y;
		if (r->pd1)
			M = an->m;
		*flags |= TEKG_TIMEX_RELATIVE;
	}
	if (r->mkind == 1)
		M = r->m;
	if (!year_ok(Y))
		return 0;

	if (r->fullyear || (!M && !r->pm1)) {
		s->y = e->y = Y;
		s->prec = e->prec = TEKG_TIME_YEAR;
		return 1;
	}
	if (r->pm1 && !M) {
		s->y = Y, s->m = r->pm1;
		e->y = Y, e->m = r->pm2;
		if (e->m > 12)
			e->m -= 12, e->y++;
		s->prec = e->prec = TEKG_TIME_MONTH;
		return year_ok(e->y);
	}
	if (r->pd1) {
		s->y = e->y = Y;
		s->m = e->m = M;
		s->d = r->pd1;
		e->d = r->pd2 > dim(Y, M) ? dim(Y, M) : r->pd2;
		s->prec = e->prec = TEKG_TIME_DAY;
		return 1;
	}
	if (!r->d) {
		s->y = e->y = Y;
		s->m = e->m = M;
		s->prec = e->prec = TEKG_TIME_MONTH;
		return 1;
	}
	if (r->d > dim(Y, M))
		return 0;
	s->y = e->y = Y;
	s->m = e->m = M;
	s->d = e->d = r->d;
	s->prec = e->prec = TEKG_TIME_DAY;
	return 1;
}

static void ymd_iso(const ymd *v, char out[11])
{
	if (v->prec == TEKG_TIME_YEAR)
		snprintf(out, 11, "%04d", v->y);
	else if (v->prec == TEKG_TIME_MONTH)
		snprintf(out, 11, "%04d-%02d", v->y, v->m);
	else
		snprintf(out, 11, "%04d-%02d-%02d", v->y, v->m, v->d);
}

/* Resolve a parsed expression; 0 when it cannot be. */
static int resolve_one(const expr *x, const anchor *an, const ctx *cx, tekg_timex *out)
{
	ymd as, ae, bs, be;
	unsigned flags = x->flags;
	size_t s = x->s, e = x->e;

	if (!resolve_raw(&x->a, an, cx, NULL, &as, &ae, &flags))
		return 0;
	if (x->has_b) {
		unsigned bflags = 0;
		int borrowed = x->b.ykind == 0 && x->b.mkind != 2 && x->b.kind == K_DATE;
		int ok = resolve_raw(&x->b, an, cx, borrowed ? &as : NULL, &bs, &be, &bflags);
		if (ok && borrowed && ymd_hi(&be) < ymd_lo(&as)) {
			/* 12月28日至1月3日, 30日至2日: the end rolls over */
			raw b2 = x->b;
			ymd base2 = as;
			if (b2.mkind == 0 && b2.d) {
				base2.m++;
				if (base2.m > 12)
					base2.m = 1, base2.y++;
			} else {
				base2.y++;
			}
			ok = resolve_raw(&b2, an, cx, &base2, &bs, &be, &bflags);
		}
		if (ok && ymd_lo(&bs) >= ymd_lo(&as) && ymd_hi(&be) >= ymd_hi(&ae)) {
			ae = be;
			flags |= bflags | TEKG_TIMEX_RANGE;
		} else if (x->a_e) {
			/* 2025年12月至2025年: only the start is a date */
			s = x->a_s;
			e = x->a_e;
			flags &= ~TEKG_TIMEX_RANGE;
		} else {
			return 0; /* 2025年3-1月: not a date */
		}
	}
	memset(out, 0, sizeof *out);
	out->start = s;
	out->end = e;
	ymd_iso(&as, out->iso_start);
	ymd_iso(&ae, out->iso_end);
	out->precision = as.prec;
	if (flags & TEKG_TIMEX_SINCE) {
		memcpy(out->iso_end, out->iso_start, sizeof out->iso_end);
		flags &= ~TEKG_TIMEX_RANGE;
	}
	out->flags = flags;
	return 1;
}

/* First (hi 0) or last (hi 1) day of an ISO value written by ymd_iso. */
static long iso_days(const char *v, int hi)
{
	ymd x;
	size_t len = strlen(v);

	memset(&x, 0, sizeof x);
	x.y = atoi(v);
	x.m = len >= 7 ? atoi(v + 5) : 0;
	x.d = len >= 10 ? atoi(v + 8) : 0;
	return hi ? ymd_hi(&x) : ymd_lo(&x);
}

/*
 * Resolve a parsed expression; 0 when it cannot be.  A range whose start
 * has a month but no year (1至11月, 12月28日至1月3日) picks the year as a
 * whole: the one (anchor's year, before, after) whose interval lies nearest
 * the anchor (in days, or in months for month ranges; 0 when the anchor is
 * inside), the past at a tie, and a written weekday must match when it can.
 */
static int resolve_expr(const expr *x, const anchor *an, const ctx *cx, tekg_timex *out)
{
	expr x2;
	tekg_timex tmp;
	long best = 0;
	int y, pass, found = 0, best_y = 0;

	if (x->has_b && x->a.kind == K_DATE && x->a.ykind == 0 && x->a.mkind == 1 &&
	    x->b.kind == K_DATE && x->b.ykind == 1 && !(x->flags & TEKG_TIMEX_SINCE)) {
		/* 12月11日至2025年12月12日: the start takes the end's year, or the
		 * year before when it would come after the end (12月28日至2026年1月3日) */
		x2 = *x;
		x2.a.ykind = 1;
		for (y = x->b.y; y >= x->b.y - 1; y--) {
			x2.a.y = y;
			if (year_ok(y) && resolve_one(&x2, an, cx, out) &&
			    (out->flags & TEKG_TIMEX_RANGE)) {
				out->flags |= TEKG_TIMEX_INFERRED_YEAR;
				return 1;
			}
		}
	}
	if (!x->has_b || x->a.kind != K_DATE || x->a.ykind != 0 || x->a.mkind != 1 || !an->ok ||
	    (cx && cx->y && cx->wy) || (x->flags & TEKG_TIMEX_SINCE))
		return resolve_one(x, an, cx, out);
	x2 = *x;
	x2.a.ykind = 1;
	for (pass = x->a.wday && x->a.d ? 0 : 1; pass < 2 && !found; pass++)
		for (y = an->y - 1; y <= an->y + 1; y++) {
			long lo, hi, dist;
			if (!year_ok(y))
				continue;
			x2.a.y = y;
			if (pass == 0 && (x->a.d > dim(y, x->a.m) ||
			                  weekday(days_from_civil(y, x->a.m, x->a.d)) != x->a.wday))
				continue;
			if (!resolve_one(&x2, an, cx, &tmp))
				continue;
			if (tmp.precision == TEKG_TIME_DAY) {
				lo = iso_days(tmp.iso_start, 0);
				hi = iso_days(tmp.iso_end, 1);
				dist = an->days < lo ? lo - an->days : an->days > hi ? an->days - hi : 0;
			} else { /* months against the anchor's month */
				long am = an->y * 12L + an->m;
				lo = atoi(tmp.iso_start) * 12L + atoi(tmp.iso_start + 5);
				hi = atoi(tmp.iso_end) * 12L + atoi(tmp.iso_end + 5);
				dist = am < lo ? lo - am : am > hi ? am - hi : 0;
			}
			if (!found || dist < best) {
				best = dist;
				best_y = y;
				found = 1;
			}
		}
	if (!found)
		return 0;
	x2.a.y = best_y;
	if (!resolve_one(&x2, an, cx, out))
		return 0;
	out->flags |= TEKG_TIMEX_INFERRED_YEAR;
	return 1;
}

/* ---- the parse pass --------------------------------------------------- */

typedef struct exprs {
	expr *v;
	size_t n, cap;
} exprs;

static int exprs_push(exprs *xs, const expr *x)
{
	if (xs->n == xs->cap) {
		size_t cap = xs->cap ? xs->cap * 2 : 16;
		expr *v = tekg_realloc(xs->v, cap * sizeof *v);
		if (!v)
			return TEKG_ENOMEM;
		xs->v = v;
		xs->cap = cap;
	}
	xs->v[xs->n++] = *x;
	return 0;
}

/* Is the expression starting at s recurring (每年3月, 每月15日, 每年的年底,
 * 每逢12月)?  Then it names no date. */
static int recurring(const text *t, size_t s)
{
	static const char *const w[] = {"每年", "每月", "每周", "每天", "每日", "每逢", "每个月",
		"每季度", "每星期", NULL};
	size_t k, back;
	int which;

	if (before(t, s) == U("的"))
		s--;
	for (back = 2; back <= 3; back++) {
		if (s < back)
			break;
		k = s - back;
		if (lit_any(t, k, w, &which) == back)
			return 1;
	}
	return 0;
}

static int parse_all(const text *t, exprs *xs, tekg_error *err)
{
	size_t i = 0;
	expr x;

	while (i < t->n) {
		if (parse_expr(t, i, &x) && x.e > i) {
			if (recurring(t, x.s)) {
				i = x.e;
				continue;
			}
			if (exprs_push(xs, &x) < 0)
				return tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			i = x.e;
		} else {
			i++;
		}
	}
	return 0;
}

static int sentence_end(uint32_t c)
{
	return c == '\n' || in_set(c, "。！？!?；;") != 0;
}

/* ---- anchors ---------------------------------------------------------- */

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	int i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return 1;
}

int tekg_time_parse_date(const char *s, int *y, int *m, int *d, tekg_error *err)
{
	int yy, mm, dd;

	if (!parse_ymd(s, &yy, &mm, &dd))
		return tekg_error_set(err, TEKG_EINVAL, "'%s' is not a date of the form YYYY-MM-DD",
		                      s ? s : "(null)");
	if (!year_ok(yy))
		return tekg_error_set(err, TEKG_EINVAL, "year %d out of range %d..%d", yy, YEAR_MIN,
		                      YEAR_MAX);
	if (mm < 1 || mm > 12 || dd < 1 || dd > dim(yy, mm))
		return tekg_error_set(err, TEKG_EINVAL, "'%s' is not a valid date", s);
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 0;
}

static void anchor_set(anchor *an, int y, int m, int d)
{
	an->ok = 1;
	an->y = y;
	an->m = m;
	an->d = d;
	an->days = days_from_civil(y, m, d);
}

static int is_written_full(const raw *r)
{
	return r->kind == K_DATE && r->ykind == 1 && r->mkind == 1 && r->d && !r->pd1 &&
	       year_ok(r->y) && r->d <= dim(r->y, r->m);
}

/*
 * How does expression x (inside quotation marks when quoted) vote for the
 * article's year?  VOTE_NONE: it does not; VOTE_WEAK: a year alone that
 * modifies the noun after it (2026年亚太经合组织, 2026年APEC东道主) names an
 * edition or a host year, which is the article's year or the next;
 * VOTE_TIME: a written year that says when something happened.  Left out:
 *   - both ends of a range (2020年至2024年, 2026—2030年): statistics series
 *     and plan periods, not the time of the report;
 *   - dates inside quotation marks (“...”, 「...」): what a speaker says
 *     looks forward or back (“2030年，我们将...”).
 * A year alone is a time when punctuation, the line end or one of the
 * function words of YEAR_FOLLOW comes next (2024年，..., 2024年是...); a
 * year with a month, or with a period the parser took in (2025年底,
 * 2025年度, 2025年以来), always is.
 */
enum { VOTE_NONE, VOTE_WEAK, VOTE_TIME };
#define YEAR_FOLLOW "是将在于的起就已又也还共全内中里间以至到前后来末底初"

static int year_votes(const text *t, const expr *x, int quoted)
{
	const raw *r = &x->a;
	uint32_t c;

	if (x->has_b || quoted || r->kind != K_DATE || r->ykind != 1 || !year_ok(r->y))
		return VOTE_NONE;
	if (r->mkind || r->pm1 || r->fullyear || (x->flags & TEKG_TIMEX_SINCE))
		return VOTE_TIME;
	c = at(t, x->e);
	if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF))
		return in_set(c, YEAR_FOLLOW) ? VOTE_TIME : VOTE_WEAK;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
		return VOTE_WEAK;
	return VOTE_TIME;
}

/* Quotation depth at each expression's start, in one pass: opening and
 * closing marks of “” 「」 『』, an ASCII '"' toggles; a line end closes
 * everything (a quote left open by page layout does not run on). */
static void quote_marks(const text *t, const exprs *xs, unsigned char *q)
{
	size_t i = 0, k;
	int depth = 0, ascii = 0;

	for (k = 0; k < xs->n; k++) {
		for (; i < xs->v[k].s && i < t->n; i++) {
			uint32_t c = t->cp[i];
			if (c == '\n')
				depth = ascii = 0;
			else if (c == 0x201C || c == 0x300C || c == 0x300E)
				depth++;
			else if ((c == 0x201D || c == 0x300D || c == 0x300F) && depth > 0)
				depth--;
			else if (c == '"')
				ascii = !ascii;
		}
		q[k] = depth > 0 || ascii;
	}
}

/* The most mentioned written year that votes (year_votes; ties: the later),
 * 0 when none.  *weak: 1 when no vote for it said a time (VOTE_WEAK only). */
static int most_year(const text *t, const exprs *xs, int *weak)
{
	const size_t span = YEAR_MAX - YEAR_MIN + 1;
	size_t *cnt, i, best = 0;
	unsigned char *q, *strong;
	int best_y = 0, v;

	*weak = 0;
	cnt = tekg_calloc(span, sizeof *cnt);
	strong = tekg_calloc(span, 1);
	q = tekg_calloc(xs->n ? xs->n : 1, 1);
	if (q)
		quote_marks(t, xs, q);
	for (i = 0; i < xs->n; i++) {
		const raw *r = &xs->v[i].a;
		size_t k;
		if ((v = year_votes(t, &xs->v[i], q ? q[i] : 0)) == VOTE_NONE)
			continue;
		k = (size_t)(r->y - YEAR_MIN);
		if (strong && v == VOTE_TIME)
			strong[k] = 1;
		if (cnt) {
			cnt[k]++;
			if (cnt[k] > best || (cnt[k] == best && r->y > best_y)) {
				best = cnt[k];
				best_y = r->y;
			}
		} else if (r->y > best_y) {
			best_y = r->y; /* no memory for the counts: the latest year */
		}
	}
	if (best_y && strong)
		*weak = !strong[best_y - YEAR_MIN];
	tekg_free(q);
	tekg_free(strong);
	tekg_free(cnt);
	return best_y;
}

/* Rules 3 and 4 of tekg_time_infer_anchor over parsed expressions.  *weak:
 * 1 when the year came from VOTE_WEAK years only. */
static int infer_from_exprs(const text *t, const exprs *xs, anchor *an, int *weak)
{
	size_t i, j;
	int have = 0, best_y, md_m = 0, md_d = 0;
	long best = 0;

	memset(an, 0, sizeof *an);
	*weak = 0;
	for (i = 0; i < xs->n; i++) {
		const raw *rs[2] = {&xs->v[i].a, xs->v[i].has_b ? &xs->v[i].b : NULL};
		for (j = 0; j < 2; j++) {
			const raw *r = rs[j];
			long dd;
			if (!r || !is_written_full(r))
				continue;
			dd = days_from_civil(r->y, r->m, r->d);
			if (!have || dd > best) {
				best = dd;
				have = 1;
			}
		}
	}
	if (have) {
		int y, m, d;
		civil_from_days(best, &y, &m, &d);
		anchor_set(an, y, m, d);
		return 1;
	}
	/* the most mentioned written year with the latest month-day */
	for (i = 0; i < xs->n; i++) {
		const raw *r = &xs->v[i].a;
		if (r->kind == K_DATE && r->ykind == 0 && r->mkind == 1 && r->d &&
		    r->m * 32 + r->d > md_m * 32 + md_d) {
			md_m = r->m;
			md_d = r->d;
		}
	}
	best_y = md_m ? most_year(t, xs, weak) : 0;
	if (best_y && md_d <= dim(best_y, md_m)) {
		anchor_set(an, best_y, md_m, md_d);
		return 1;
	}
	*weak = 0;
	return 0;
}

/* A header line holding only a date (and a time), perhaps after a short
 * label ending in a colon. */
static int header_date(const text *t, const exprs *xs, anchor *an)
{
	size_t i, ls = 0;

	for (i = 0; i < xs->n; i++) {
		const expr *x = &xs->v[i];
		size_t k, le;
		if (x->s >= HEADER_SPAN)
			break;
		if (x->has_b || x->flags || !is_written_full(&x->a))
			continue;
		/* nothing after it on its line, at most a short label before */
		for (le = x->e; le < t->n && (t->cp[le] == ' ' || t->cp[le] == '\r'); le++)
			;
		if (le < t->n && t->cp[le] != '\n')
			continue;
		for (ls = x->s; ls > 0 && x->s - ls <= 24 && t->cp[ls - 1] != '\n'; ls--)
			;
		if (ls > 0 && t->cp[ls - 1] != '\n')
			continue;
		for (k = ls; k < x->s && t->cp[k] == ' '; k++)
			;
		if (k < x->s) {
			size_t c;
			for (c = k; c < x->s && t->cp[c] != ':'; c++)
				;
			if (c >= x->s || x->s - k > 16)
				continue;
			for (c++; c < x->s && t->cp[c] == ' '; c++)
				;
			if (c != x->s)
				continue;
		}
		anchor_set(an, x->a.y, x->a.m, x->a.d);
		return 1;
	}
	return 0;
}

/* A dateline: month and day followed by 电 near the top. */
static int dateline_md(const text *t, const exprs *xs, int *m, int *d)
{
	size_t i;

	for (i = 0; i < xs->n; i++) {
		const expr *x = &xs->v[i];
		if (x->s >= DATELINE_SPAN)
			break;
		if (!x->has_b && x->a.kind == K_DATE && x->a.ykind == 0 && x->a.mkind == 1 &&
		    x->a.d && !x->a.pd1 && at(t, x->e) == U("电")) {
			*m = x->a.m;
			*d = x->a.d;
			return 1;
		}
	}
	return 0;
}

/* Give month/day the year nearest `ref`. */
static int md_near(const anchor *ref, int m, int d, anchor *out)
{
	int y;

	if (!nearest_year_md(ref, m, d, 0, &y))
		return 0;
	anchor_set(out, y, m, d);
	return 1;
}

/*
 * The text-only part of the anchoring rules.  dl_m/dl_d: a dateline given
 * by the caller (0 when none: the text is scanned for one).  *inferred: 0
 * (header date), 1 (inferred) or TEKG_TIME_WEAK (the year came only from
 * years that name something, 2026年APEC: a dated neighbour wins over them).
 */
static void infer_text(const text *t, const exprs *xs, int dl_m, int dl_d,
                       const anchor *neigh, anchor *an, int *inferred, int dateline_first)
{
	anchor hdr, expl;
	int have_hdr, have_expl, y, weak = 0, yweak = 0;

	memset(an, 0, sizeof *an);
	*inferred = 1;
	have_hdr = header_date(t, xs, &hdr);
	have_expl = infer_from_exprs(t, xs, &expl, &weak);
	if (dateline_first && (dl_m || dateline_md(t, xs, &dl_m, &dl_d))) {
		if (have_hdr && md_near(&hdr, dl_m, dl_d, an)) {
			*inferred = 0;
			return;
		}
		if (have_expl && !weak && md_near(&expl, dl_m, dl_d, an))
			return;
		if (neigh->ok && md_near(neigh, dl_m, dl_d, an))
			return;
		if (have_expl && md_near(&expl, dl_m, dl_d, an)) {
			*inferred = TEKG_TIME_WEAK;
			return;
		}
		if ((y = most_year(t, xs, &yweak)) && dl_d <= dim(y, dl_m)) {
			anchor_set(an, y, dl_m, dl_d);
			*inferred = yweak ? TEKG_TIME_WEAK : 1;
			return;
		}
	}
	if (have_hdr) {
		*an = hdr;
		*inferred = 0;
		return;
	}
	if (have_expl && !weak) {
		*an = expl;
		return;
	}
	if (neigh->ok) {
		*an = *neigh;
		return;
	}
	if (have_expl) {
		*an = expl;
		*inferred = TEKG_TIME_WEAK;
	}
}

static void anchor_out(const anchor *an, char out[11])
{
	if (an->ok)
		snprintf(out, 11, "%04d-%02d-%02d", an->y, an->m, an->d);
	else
		out[0] = '\0';
}

int tekg_time_infer_anchor(const char *text_, size_t len, const char *neighbour_date,
                           char out_date[11], int *inferred, tekg_error *err)
{
	text t = {NULL, 0};
	exprs xs = {NULL, 0, 0};
	anchor neigh, an;
	int rc, inf = 1, y, m, d;

	memset(&neigh, 0, sizeof neigh);
	if (!out_date || (!text_ && len > 0))
		return tekg_error_set(err, TEKG_EINVAL, "time: NULL argument");
	out_date[0] = '\0';
	if (inferred)
		*inferred = 1;
	if (neighbour_date && *neighbour_date) {
		if ((rc = tekg_time_parse_date(neighbour_date, &y, &m, &d, err)) < 0)
			return rc;
		anchor_set(&neigh, y, m, d);
	}
	if ((rc = text_load(&t, text_ ? text_ : "", len, err)) < 0)
		goto cleanup;
	if ((rc = parse_all(&t, &xs, err)) < 0)
		goto cleanup;
	infer_text(&t, &xs, 0, 0, &neigh, &an, &inf, 1);
	anchor_out(&an, out_date);
	if (inferred)
		*inferred = inf;
cleanup:
	tekg_free(xs.v);
	tekg_free(t.cp);
	return rc;
}

int tekg_time_anchor_article(const tekg_article *a, const char *cli_date,
                             const char *neighbour_date, char out_date[11], int *inferred,
                             tekg_error *err)
{
	text t = {NULL, 0};
	exprs xs = {NULL, 0, 0};
	anchor neigh, an;
	const char *s;
	size_t len;
	int rc = 0, inf = 1, y, m, d;

	memset(&neigh, 0, sizeof neigh);
	if (!a || !out_date)
		return tekg_error_set(err, TEKG_EINVAL, "time: NULL argument");
	out_date[0] = '\0';
	if (inferred)
		*inferred = 1;
	if (cli_date && *cli_date) {
		if ((rc = tekg_time_parse_date(cli_date, NULL, NULL, NULL, err)) < 0)
			return rc;
		memcpy(out_date, cli_date, 11);
		if (inferred)
			*inferred = 0;
		return 0;
	}
	if (neighbour_date && *neighbour_date) {
		if ((rc = tekg_time_parse_date(neighbour_date, &y, &m, &d, err)) < 0)
			return rc;
		anchor_set(&neigh, y, m, d);
	}
	if (a->date && strlen(a->date) >= 10) {
		char buf[11];
		memcpy(buf, a->date, 10);
		buf[10] = '\0';
		if (tekg_time_parse_date(buf, NULL, NULL, NULL, NULL) == 0) {
			memcpy(out_date, buf, 11);
			if (inferred)
				*inferred = 0;
			return 0;
		}
	}
	s = a->work ? a->work : a->orig;
	len = a->work ? a->work_len : a->orig_len;
	if (!s) {
		s = "";
		len = 0;
	}
	if ((rc = text_load(&t, s, len, err)) < 0)
		goto cleanup;
	if ((rc = parse_all(&t, &xs, err)) < 0)
		goto cleanup;
	if (a->dateline.month >= 1 && a->dateline.month <= 12 && a->dateline.day >= 1 &&
	    a->dateline.day <= 31)
		infer_text(&t, &xs, a->dateline.month, a->dateline.day, &neigh, &an, &inf, 1);
	else
		infer_text(&t, &xs, 0, 0, &neigh, &an, &inf, 1);
	anchor_out(&an, out_date);
	if (inferred)
		*inferred = inf;
cleanup:
	tekg_free(xs.v);
	tekg_free(t.cp);
	return rc;
}

/* ---- the public finder ------------------------------------------------ */

/* Does x open its sentence (nothing but spaces and brackets before it, from
 * sent_s) and end with a comma (2024年，...)? */
static int frames_sentence(const text *t, size_t sent_s, const expr *x)
{
	size_t k;

	for (k = sent_s; k < x->s; k++)
		if (t->cp[k] != ' ' && t->cp[k] != '\r' && !in_set(t->cp[k], "“\"「『（(【▲●"))
			return 0;
	return at(t, x->e) == ',' || at(t, x->e) == 0xFF0C || at(t, x->e) == 0x3001;
}

int tekg_time_find(const char *text_, size_t len, const char *anchor_s, tekg_timex **out,
                   size_t *n_out, tekg_error *err)
{
	text t = {NULL, 0};
	exprs xs = {NULL, 0, 0};
	tekg_timex *res = NULL;
	anchor an, none;
	ctx cx = {0, 0, 0, 0, 0};
	size_t i, n = 0, k, prev_e = 0, sent_s = 0;
	int rc = 0, y, m, d, inf;

	if (!out || !n_out)
		return tekg_error_set(err, TEKG_EINVAL, "time: NULL argument");
	*out = NULL;
	*n_out = 0;
	if (!text_ && len > 0)
		return tekg_error_set(err, TEKG_EINVAL, "time: NULL text");
	memset(&an, 0, sizeof an);
	memset(&none, 0, sizeof none);
	if (anchor_s && *anchor_s) {
		if ((rc = tekg_time_parse_date(anchor_s, &y, &m, &d, err)) < 0)
			return rc;
		anchor_set(&an, y, m, d);
	}
	if ((rc = text_load(&t, text_ ? text_ : "", len, err)) < 0)
		goto cleanup;
	if ((rc = parse_all(&t, &xs, err)) < 0)
		goto cleanup;
	if (!an.ok)
		infer_text(&t, &xs, 0, 0, &none, &an, &inf, 1);
	if (xs.n) {
		res = tekg_calloc(xs.n, sizeof *res);
		if (!res) {
			rc = tekg_error_set(err, TEKG_ENOMEM, "out of memory");
			goto cleanup;
		}
	}
	for (i = 0; i < xs.n; i++) {
		const expr *x = &xs.v[i];
		for (k = prev_e; k < x->s; k++)
			if (sentence_end(t.cp[k])) {
				cx.y = cx.m = cx.wy = 0;
				sent_s = k + 1;
			}
		prev_e = x->e;
		if (!resolve_expr(x, &an, &cx, &res[n]))
			continue;
		/* What this one wrote becomes the sentence's context, except a
		 * year alone inside a sentence (担任2026年APEC东道主): only a
		 * year that frames the sentence (2024年，...) counts. */
		if (x->a.kind == K_DATE && (x->a.ykind || x->a.mkind) &&
		    !(x->flags & TEKG_TIMEX_SINCE) &&
		    (res[n].precision > TEKG_TIME_YEAR || frames_sentence(&t, sent_s, x))) {
			const char *v = res[n].iso_end;
			cx.y = atoi(v);
			cx.m = strlen(v) >= 7 ? atoi(v + 5) : 0;
			cx.wy = x->a.ykind != 0;
		}
		if (res[n].precision == TEKG_TIME_DAY && !strcmp(res[n].iso_start, res[n].iso_end) &&
		    !(res[n].flags & TEKG_TIMEX_SINCE)) {
			const char *v = res[n].iso_start;
			cx.ld = days_from_civil(atoi(v), atoi(v + 5), atoi(v + 8));
			cx.has_ld = 1;
		}
		n++;
	}
	if (n == 0) {
		tekg_free(res);
		res = NULL;
	}
	*out = res;
	*n_out = n;
	res = NULL;
cleanup:
	tekg_free(res);
	tekg_free(xs.v);
	tekg_free(t.cp);
	return rc;
}

int tekg_time_value(const tekg_timex *t, char *buf, size_t n)
{
	int w;

	if (buf && n > 0)
		buf[0] = '\0';
	if (!t || !buf || n == 0)
		return TEKG_EINVAL;
	if (strcmp(t->iso_start, t->iso_end) == 0)
		w = snprintf(buf, n, "%s", t->iso_start);
	else
		w = snprintf(buf, n, "%s/%s", t->iso_start, t->iso_end);
	if (w < 0 || (size_t)w >= n) {
		buf[0] = '\0';
		return TEKG_EINVAL;
	}
	return w;
}
