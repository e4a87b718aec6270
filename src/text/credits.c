/*
 * credits.c - bylines, photo credits and datelines, parsed from a decoded
 * window of a paragraph (folded chars, so traditional 記者 matches 记者).
 *
 * A credit is a sequence of groups "[outlet] ROLE names...": 南方+记者 许懿
 * 崔璨, 内容来源:深圳特区报 记者 刘晓梅 通讯员 Z, 新华社记者 X 摄,
 * 主办方供图.  Names are separated by spaces, 、 or commas; a run of
 * one-char tokens is one name written with spaces (本报记者 周 岚 -> 周岚);
 * a trailing "<place>报道" token and a lone 摄 are not names.  Anything
 * else (a long token, sentence punctuation) means the text is not a credit.
 */
#include "text/text_int.h"

#include <string.h>

static const struct {
	const char *kw;
	const char *role;
} roles[] = {
	{"摄影记者", "摄影"}, {"特约记者", "记者"}, {"见习记者", "记者"}, {"首席记者", "记者"},
	{"实习记者", "记者"}, {"记者", "记者"},     {"通讯员", "通讯员"},   {"实习生", "实习生"},
	{"摄影", "摄影"},     {"责任编辑", "编辑"}, {"责编", "编辑"},       {"编辑", "编辑"},
	{"撰文", "撰文"},     {"供图", "供图"},     {"文/图", "撰文"},      {NULL, NULL},
};

static size_t role_at(const uint32_t *f, size_t n, size_t i, const char **role)
{
	size_t k, m;

	for (k = 0; roles[k].kw; k++)
		if ((m = tx_match(f, n, i, roles[k].kw)) != 0) {
			*role = roles[k].role;
			return m;
		}
	return 0;
}

static int is_sep(uint32_t f)
{
	return f == ' ' || f == '\t' || f == 0x3001 /* 、 */ || f == ',' || f == 0xFF0C ||
	       f == '/' || f == 0x00B7;
}

static const char *compound[] = {"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方",
                                 "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙",
                                 "宇文", "端木", "澹台", "申屠", "钟离", NULL};

static int compound_surname(const tx_win *w, size_t i)
{
	size_t k;

	for (k = 0; compound[k]; k++)
		if (tx_match(w->raw, w->n, i, compound[k]) || tx_match(w->f, w->n, i, compound[k]))
			return 1;
	return 0;
}

/* Tokenise names in [a,b) into c; 0 when something there is not a name. */
static int names(const tx_win *w, size_t a, size_t b, tx_credit *c)
{
	size_t i = a, tok0[16], tok1[16], nt = 0, k;

	while (i < b) {
		size_t s;

		while (i < b && is_sep(w->f[i]))
			i++;
		if (i >= b)
			break;
		s = i;
		while (i < b && !is_sep(w->f[i])) {
			uint32_t f = w->f[i];

			if (f == 0x3002 || f == '!' || f == '?' || f == ';' || f == '"' ||
			    f == 0x201C || f == 0x201D || f == '(' || f == ')')
				return 0;
			i++;
		}
		/* <place>报道 / 发自<place> / 摄 are not names */
		if (i - s >= 2 && w->f[i - 2] == 0x62A5 && w->f[i - 1] == 0x9053) /* 报道 */
			continue;
		if (tx_match(w->f, i, s, "发自"))
			continue;
		if (i - s == 1 && w->f[s] == 0x6444) { /* 摄 */
			c->role = "摄影";
			continue;
		}
		if (i - s >= 3 && w->f[i - 1] == 0x6444) { /* 黄一凡摄 */
			c->role = "摄影";
			if (nt >= 16)
				return 0;
			tok0[nt] = s;
			tok1[nt++] = i - 1;
			continue;
		}
		if (nt >= 16)
			return 0;
		tok0[nt] = s;
		tok1[nt++] = i;
	}
	c->n_names = 0;
	for (k = 0; k < nt; k++) {
		size_t len = tok1[k] - tok0[k], j;

		if (len > 5)
			return 0;
		for (j = tok0[k]; j < tok1[k]; j++)
			if (tx_is_punct(w->f[j]) && w->f[j] != '+' && w->f[j] != '-')
				return 0;
		if (len == 1 && k + 1 < nt && tok1[k + 1] - tok0[k + 1] == 1) {
			/* a run of one-char tokens is one name: 周 岚, 王 晓 东 */
			size_t e = k + 1;

			while (e + 1 < nt && tok1[e + 1] - tok0[e + 1] == 1 && e - k < 3)
				e++;
			if (c->n_names < 8) {
				c->name0[c->n_names] = tok0[k];
				c->name1[c->n_names] = tok1[e];
				c->name_join[c->n_names++] = 1;
			}
			k = e;
			continue;
		}
		if (len == 4 && !compound_surname(w, tok0[k]) && tx_is_cjk(w->raw[tok0[k]])) {
			/* two two-char names written together */
			if (c->n_names + 2 <= 8) {
				c->name0[c->n_names] = tok0[k];
				c->name1[c->n_names] = tok0[k] + 2;
				c->name_join[c->n_names++] = 0;
				c->name0[c->n_names] = tok0[k] + 2;
				c->name1[c->n_names] = tok1[k];
				c->name_join[c->n_names++] = 0;
			}
			continue;
		}
		if (c->n_names < 8) {
			c->name0[c->n_names] = tok0[k];
			c->name1[c->n_names] = tok1[k];
			c->name_join[c->n_names++] = 0;
		}
	}
	return 1;
}

static void trim(const tx_win *w, size_t *a, size_t *b)
{
	/* spaces and list bullets (●■◆▲) */
	while (*a < *b && (w->f[*a] == ' ' || w->f[*a] == '\t' || w->f[*a] == 0x25CF ||
	                   w->f[*a] == 0x25A0 || w->f[*a] == 0x25C6 || w->f[*a] == 0x25B2))
		(*a)++;
	while (*b > *a && (w->f[*b - 1] == ' ' || w->f[*b - 1] == '\t'))
		(*b)--;
}

size_t tx_parse_credits(const tx_win *w, size_t a, size_t b, tx_credit *out, size_t max)
{
	size_t kpos[8], klen[8], nk = 0, i, k, nout = 0;
	const char *krole[8];

	trim(w, &a, &b);
	if (b <= a || b - a > 60)
		return 0;
	/* skip a source prefix: 内容来源: / 来源: */
	for (i = a; i + 2 < b; i++)
		if (w->f[i] == 0x6765 && w->f[i + 1] == 0x6E90 && (w->f[i + 2] == ':' || w->f[i + 2] == 0xFF1A)) {
			a = i + 3;
			break;
		}
	for (i = a; i < b && nk < 8;) {
		const char *role;
		size_t m = role_at(w->f, b, i, &role);

		if (m) {
			kpos[nk] = i;
			klen[nk] = m;
			krole[nk++] = role;
			i += m;
		} else {
			i++;
		}
	}
	if (nk == 0)
		return 0;
	for (k = 0; k < nk && nout < max; k++) {
		tx_credit *c = &out[nout];
		size_t o0, o1, n0, n1;

		memset(c, 0, sizeof *c);
		c->role = krole[k];
		/* outlet: from the end of the previous group's names to the keyword;
		 * the previous group's names end at the last separator before it */
		o1 = kpos[k];
		if (k == 0) {
			o0 = a;
		} else {
			o0 = kpos[k];
			while (o0 > kpos[k - 1] + klen[k - 1] && !is_sep(w->f[o0 - 1]))
				o0--;
		}
		trim(w, &o0, &o1);
		if (o1 - o0 > 12)
			return 0;
		/* an outlet must not be something narrative (记者从深圳...) */
		for (i = o0; i < o1; i++)
			if (w->f[i] == 0x3002 || w->f[i] == ',' || w->f[i] == 0xFF0C)
				return 0;
		c->outlet0 = o0;
		c->outlet1 = o1;
		n0 = kpos[k] + klen[k];
		if (k + 1 < nk) {
			n1 = kpos[k + 1];
			while (n1 > n0 && !is_sep(w->f[n1 - 1]))
				n1--;
		} else {
			n1 = b;
		}
		if (!names(w, n0, n1, c))
			return 0;
		if (c->n_names == 0 && strcmp(c->role, "供图") != 0 && strcmp(c->role, "摄影") != 0 &&
		    strcmp(c->role, "编辑") != 0)
			return 0;
		c->c0 = k == 0 ? a : o0;
		c->c1 = n1;
		while (c->c1 > c->c0 && is_sep(w->f[c->c1 - 1]))
			c->c1--;
		nout++;
	}
	return nout;
}

int tx_is_credit_text(const tx_win *w, size_t a, size_t b)
{
	tx_credit c[4];

	return tx_parse_credits(w, a, b, c, 4) > 0;
}

/* ---- datelines --------------------------------------------------------- */

static const char *agencies[] = {
	"新华社", "中新社", "中新网", "中国新闻社", "本报", "人民网", "新华网", "央视网", "央视新闻",
	"光明网", "人民日报", "中国日报网", "香港文汇报", "文汇报", "大公报", "香港商报", "中央社",
	"路透社", "法新社", "美联社", "共同社", "塔斯社", "澳门日报", "南方日报", "南方+",
	"深圳特区报", "深圳商报", "经济日报", "工人日报", "北京日报", "环球时报", "环球网",
	"澎湃新闻", "界面新闻", "中国青年报", "科技日报", "法治日报", "中国新闻网", NULL};

static size_t digits(const tx_win *w, size_t i, int *val)
{
	size_t s = i;
	int v = 0;

	while (i < w->n && w->f[i] >= '0' && w->f[i] <= '9' && i - s < 2) {
		v = v * 10 + (int)(w->f[i] - '0');
		i++;
	}
	*val = v;
	return i - s;
}

int tx_parse_dateline(const tx_win *w, size_t at, tx_dateline *d)
{
	size_t i, m = 0, k, p0, p1, x;
	int mo = 0, dy = 0, xun = 0;

	memset(d, 0, sizeof *d);
	for (k = 0; agencies[k]; k++)
		if ((m = tx_match(w->f, w->n, at, agencies[k])) != 0)
			break;
	if (!agencies[k]) {
		/* an unknown outlet: up to 8 chars ending in 社/报/网/台 */
		for (i = at; i < w->n && i < at + 8 && tx_is_cjk(w->raw[i]); i++)
			if (w->f[i] == 0x793E || w->f[i] == 0x62A5 || w->f[i] == 0x7F51 || w->f[i] == 0x53F0) {
				m = i + 1 - at;
				break;
			}
		if (!m)
			return 0;
	}
	d->ag0 = at;
	d->ag1 = at + m;
	i = at + m;
	p0 = i;
	while (i < w->n && i < p0 + 8 && tx_is_cjk(w->raw[i]) && w->f[i] != 0x8BAF /* 讯 */)
		i++;
	p1 = i;
	if (i < w->n && w->f[i] == 0x8BAF) { /* 本报讯, 香港文汇报讯: the place comes before 讯 too */
		xun = 1;
		i++;
	} else {
		if ((x = digits(w, i, &mo)) == 0 || i + x >= w->n || w->f[i + x] != 0x6708 /* 月 */)
			return 0;
		i += x + 1;
		if ((x = digits(w, i, &dy)) == 0 || i + x >= w->n || w->f[i + x] != 0x65E5 /* 日 */)
			return 0;
		i += x + 1;
		if (i >= w->n || (w->f[i] != 0x7535 /* 电 */ && w->f[i] != 0x8BAF))
			return 0;
		i++;
		if (mo < 1 || mo > 12 || dy < 1 || dy > 31)
			return 0;
	}
	if (xun && p1 > p0)
		return 0; /* "X报深圳讯" is rare; "本报讯" / "文汇报讯" have no place */
	d->pl0 = p0;
	d->pl1 = p1;
	d->month = mo;
	d->day = dy;
	d->c0 = at;
	d->c1 = i;
	d->cr0 = d->cr1 = i;
	/* a credit in parentheses right after: （记者 白瀛） */
	if (i < w->n && w->f[i] == '(') {
		size_t j = i + 1;

		while (j < w->n && j < i + 64 && w->f[j] != ')')
			j++;
		if (j < w->n && w->f[j] == ')' && tx_is_credit_text(w, i + 1, j)) {
			d->cr0 = i + 1;
			d->cr1 = j;
			i = j + 1;
		}
	}
	while (i < w->n && (w->f[i] == ' ' || w->f[i] == '\t'))
		i++;
	d->end = i;
	return 1;
}
