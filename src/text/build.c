/*
 * build.c - one article from its paragraphs: the original text, the
 * working copy with its map, sentences, credits, dateline, title, metadata.
 */
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- metadata ---------------------------------------------------------- */

int tx_meta_add(tekg_meta **m, size_t *n, const char *key, const char *val, size_t vlen)
{
	tekg_meta *nm;
	size_t i;

	size_t cap;

	/* an identical pair among the last few is skipped (版式设计 printed twice);
	 * a bounded look-back keeps this linear */
	for (i = *n > 8 ? *n - 8 : 0; i < *n; i++)
		if (strcmp((*m)[i].key, key) == 0 && strlen((*m)[i].value) == vlen &&
		    memcmp((*m)[i].value, val, vlen) == 0)
			return 0;
	if ((cap = tx_grow_to(*n)) != 0) {
		nm = tekg_realloc(*m, cap * sizeof *nm);
		if (!nm)
			return TEKG_ENOMEM;
		*m = nm;
	}
	nm = *m;
	nm[*n].key = tekg_strdup(key);
	nm[*n].value = tekg_strndup(val, vlen);
	if (!nm[*n].key || !nm[*n].value) {
		tekg_free(nm[*n].key);
		tekg_free(nm[*n].value);
		return TEKG_ENOMEM;
	}
	(*n)++;
	return 0;
}

int tx_meta_addz(tekg_meta **m, size_t *n, const char *key, const char *val)
{
	return tx_meta_add(m, n, key, val, strlen(val));
}

void tx_meta_free(tekg_meta *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		tekg_free(m[i].key);
		tekg_free(m[i].value);
	}
	tekg_free(m);
}

void tx_article_clear(tekg_article *a)
{
	size_t i, j;

	if (!a)
		return;
	tekg_free(a->title);
	tekg_free(a->orig);
	tekg_free(a->work);
	tekg_free(a->map);
	tekg_free(a->sents);
	for (i = 0; i < a->n_credits; i++) {
		tekg_free(a->credits[i].text);
		tekg_free(a->credits[i].outlet);
		tekg_free(a->credits[i].role);
		for (j = 0; j < a->credits[i].n_names; j++)
			tekg_free(a->credits[i].names[j]);
		tekg_free(a->credits[i].names);
	}
	tekg_free(a->credits);
	tekg_free(a->dateline.text);
	tekg_free(a->dateline.agency);
	tekg_free(a->dateline.place);
	tekg_free(a->date);
	tekg_free(a->url);
	tx_meta_free(a->meta, a->n_meta);
	memset(a, 0, sizeof *a);
}

/* ---- dates ------------------------------------------------------------- */

static int num(const char *s, size_t len, size_t *i, int maxd, int *v)
{
	int d = 0;

	*v = 0;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9' && d < maxd) {
		*v = *v * 10 + (s[*i] - '0');
		(*i)++;
		d++;
	}
	return d;
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The other forms feeds use: YYYYMMDD; a Unix time in seconds (9 or 10
 * digits) or milliseconds (12 or 13), read in China's time zone (UTC+8:
 * mainland, Hong Kong, Macao and Taiwan alike); RFC 2822
 * ("Thu, 06 Mar 2025 10:00:00 +0800": the date as written). */
static int other_date(const char *s, size_t len, int *y, int *m, int *d)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t i = 0, n = 0, k;

	while (n < len && s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == len && n == 8) {
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		*m = (s[4] - '0') * 10 + (s[5] - '0');
		*d = (s[6] - '0') * 10 + (s[7] - '0');
		return 0;
	}
	if (n == len && (n == 9 || n == 10 || n == 12 || n == 13)) {
		long long t = 0;
		for (k = 0; k < n; k++)
			t = t * 10 + (s[k] - '0');
		if (n >= 12)
			t /= 1000;
		civil_from_days((t + 8 * 3600) / 86400, y, m, d);
		return 0;
	}
	/* RFC 2822: [Ddd, ]D[D] Mon YYYY */
	if (len >= 5 && s[3] == ',')
		i = 4;
	while (i < len && s[i] == ' ')
		i++;
	if (num(s, len, &i, 2, d) == 0 || i >= len || s[i] != ' ')
		return -1;
	i++;
	if (len - i < 4 || s[i + 3] != ' ')
		return -1;
	for (k = 0; k < 12; k++)
		if (strncasecmp(s + i, months + 3 * k, 3) == 0)
			break;
	if (k == 12)
		return -1;
	*m = (int)k + 1;
	i += 4;
	return num(s, len, &i, 4, y) == 4 ? 0 : -1;
}

char *tx_norm_date(const char *s, size_t len)
{
	size_t i = 0;
	int y, m, d;
	char out[16];

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (other_date(s + i, len - i, &y, &m, &d) == 0)
		goto check;
	if (num(s, len, &i, 4, &y) != 4 || i >= len)
		return NULL;
	if (s[i] == '-' || s[i] == '/' || s[i] == '.') {
		i++;
	} else if (len - i >= 3 && memcmp(s + i, "年", 3) == 0) {
		i += 3;
	} else {
		return NULL;
	}
	if (num(s, len, &i, 2, &m) == 0 || i >= len)
		return NULL;
	if (s[i] == '-' || s[i] == '/' || s[i] == '.')
		i++;
	else if (len - i >= 3 && memcmp(s + i, "月", 3) == 0)
		i += 3;
	else
		return NULL;
	if (num(s, len, &i, 2, &d) == 0)
		return NULL;
check:
	if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
	return tekg_strdup(out);
}

/* ---- helpers on windows ----------------------------------------------- */

/* UTF-8 of raw window chars [a,b), skipping spaces when `nospace`. */
static char *win_str(const tx_win *w, size_t a, size_t b, int nospace)
{
	tekg_buf buf = {0};
	size_t i;
	char *s;

	for (i = a; i < b; i++) {
		if (nospace && tx_is_space(w->raw[i]))
			continue;
		if (tekg_buf_put_cp(&buf, w->raw[i])) {
			tekg_buf_free(&buf);
			return NULL;
		}
	}
	s = tekg_buf_detach(&buf, NULL);
	return s;
}

static char *win_simpl(const tx_win *w, size_t a, size_t b)
{
	char *raw = win_str(w, a, b, 0), *s;

	if (!raw)
		return NULL;
	s = tekg_text_simplify(raw, strlen(raw), TEKG_SCRIPT_T2S);
	tekg_free(raw);
	return s;
}

typedef struct bctx {
	tekg_article *a;
	size_t cred_cap;
	const char *base;
	size_t ac0; /* article's first char in base */
} bctx;

/* Add the credits parsed from window chars [x,y) (window char 0 is
 * article char wc0); span of the credit record covers [x,y). */
static int add_credits(bctx *bc, const tx_win *w, size_t wc0, size_t x, size_t y)
{
	tx_credit c[8];
	size_t n = tx_parse_credits(w, x, y, c, 8), k, j;
	tekg_article *a = bc->a;

	for (k = 0; k < n; k++) {
		tekg_credit *cr;

		if (a->n_credits == bc->cred_cap) {
			size_t nc = bc->cred_cap ? bc->cred_cap * 2 : 4;
			tekg_credit *np = tekg_realloc(a->credits, nc * sizeof *np);

			if (!np)
				return TEKG_ENOMEM;
			a->credits = np;
			bc->cred_cap = nc;
		}
		cr = &a->credits[a->n_credits];
		memset(cr, 0, sizeof *cr);
		a->n_credits++;
		cr->start = wc0 + c[k].c0;
		cr->end = wc0 + c[k].c1;
		cr->text = win_str(w, c[k].c0, c[k].c1, 0);
		cr->role = tekg_strdup(c[k].role);
		if (!cr->text || !cr->role)
			return TEKG_ENOMEM;
		if (c[k].outlet1 > c[k].outlet0 && !(cr->outlet = win_simpl(w, c[k].outlet0, c[k].outlet1)))
			return TEKG_ENOMEM;
		if (c[k].n_names) {
			cr->names = tekg_calloc(c[k].n_names, sizeof *cr->names);
			if (!cr->names)
				return TEKG_ENOMEM;
			for (j = 0; j < c[k].n_names; j++) {
				cr->names[j] = win_str(w, c[k].name0[j], c[k].name1[j], 1);
				if (!cr->names[j])
					return TEKG_ENOMEM;
				cr->n_names++;
			}
		}
	}
	return 0;
}

/* A credit with an outlet and no names: （新华社发）, 新華社 after a caption. */
static int add_plain_credit(bctx *bc, const tx_win *w, size_t wc0, size_t t0, size_t t1,
                            size_t o0, size_t o1, const char *role)
{
	tekg_article *a = bc->a;
	tekg_credit *cr;

	if (a->n_credits == bc->cred_cap) {
		size_t nc = bc->cred_cap ? bc->cred_cap * 2 : 4;
		tekg_credit *np = tekg_realloc(a->credits, nc * sizeof *np);

		if (!np)
			return TEKG_ENOMEM;
		a->credits = np;
		bc->cred_cap = nc;
	}
	cr = &a->credits[a->n_credits++];
	memset(cr, 0, sizeof *cr);
	cr->start = wc0 + t0;
	cr->end = wc0 + t1;
	cr->text = win_str(w, t0, t1, 0);
	cr->outlet = win_simpl(w, o0, o1);
	cr->role = tekg_strdup(role);
	return cr->text && cr->outlet && cr->role ? 0 : TEKG_ENOMEM;
}

static int set_dateline(bctx *bc, const tx_win *w, size_t wc0, const tx_dateline *d,
                        size_t t0, size_t t1)
{
	tekg_dateline *dl = &bc->a->dateline;

	if (dl->text)
		return 0;
	dl->text = win_str(w, t0, t1, 0);
	if (!dl->text)
		return TEKG_ENOMEM;
	if (d->ag1 > d->ag0 && !(dl->agency = win_simpl(w, d->ag0, d->ag1)))
		return TEKG_ENOMEM;
	if (d->pl1 > d->pl0) {
		if (!(dl->place = win_simpl(w, d->pl0, d->pl1)))
			return TEKG_ENOMEM;
	} else if (d->cr1 > d->cr0) {
		/* 香港文汇报讯（记者 X 深圳报道）: the place is in the credit */
		size_t r = tx_find(w->f, d->cr1, d->cr0, "报道");

		if (r != (size_t)-1) {
			size_t s = r;

			while (s > d->cr0 && tx_is_cjk(w->raw[s - 1]) && r - s < 6)
				s--;
			if (s < r && !(dl->place = win_simpl(w, s, r)))
				return TEKG_ENOMEM;
		}
	}
	dl->month = d->month;
	dl->day = d->day;
	dl->start = wc0 + t0;
	dl->end = wc0 + t1;
	return 0;
}

/* ---- the working copy of one paragraph --------------------------------- */

/* Append base[b0,b1) (first char = article char oc0) with residue removed. */
static int work_span(tx_work *w, const char *base, size_t b0, size_t b1, size_t oc0,
                     tekg_script_profile prof)
{
	size_t i = b0, run = b0, rc0 = oc0, c = oc0;
	int rc;

	while (i < b1) {
		unsigned char ch = (unsigned char)base[i];
		uint32_t repl;
		size_t k;

		if ((ch == '!' || ch == '[' || ch == '<' || ch == '&') &&
		    (k = tx_residue_at(base, b1, i, &repl)) != 0) {
			if (i > run && (rc = tx_work_append(w, base + run, i - run, rc0, prof)) != 0)
				return rc;
			if (repl && (rc = tx_work_put(w, repl, c)) != 0)
				return rc;
			c += tekg_utf8_count(base + i, k); /* alt text may be CJK */
			i += k;
			run = i;
			rc0 = c;
			continue;
		}
		i += (ch < 0x80) ? 1 : (ch >= 0xF0) ? 4 : (ch >= 0xE0) ? 3 : (ch >= 0xC0) ? 2 : 1;
		c++;
	}
	if (i > run && (rc = tx_work_append(w, base + run, i - run, rc0, prof)) != 0)
		return rc;
	return 0;
}

typedef struct region {
	size_t c0, b0, c1;
} region;

/* ---- the article ------------------------------------------------------- */

static int pick_title(bctx *bc, const tx_paras *ps, size_t fi, size_t li, int ai)
{
	tekg_article *a = bc->a;
	size_t i;
	int rc;

	for (i = fi; i <= li; i++) {
		const tx_para *p = &ps->p[i];
		const char *s = bc->base + p->b0;
		size_t len = p->b1 - p->b0, n = p->c1 - p->c0;
		const char *key;

		if (p->art != ai || p->role != RO_HEADER)
			continue;
		/* a kicker ends with a dash; a 2-4 char line (特稿) is a column tag */
		key = NULL;
		if (n <= 4)
			key = "column";
		else if (len >= 3 && (memcmp(s + len - 3, "\xE2\x80\x94", 3) == 0 ||
		                      memcmp(s + len - 3, "\xE2\x94\x80", 3) == 0))
			key = "kicker";
		else if (!a->title)
			key = NULL;
		else
			key = "subtitle";
		if (!key) {
			if (!(a->title = tekg_strndup(s, len)))
				return TEKG_ENOMEM;
		} else if ((rc = tx_meta_add(&a->meta, &a->n_meta, key, s, len)) != 0) {
			return rc;
		}
	}
	/* only a kicker: it is the title */
	if (!a->title)
		for (i = 0; i < a->n_meta; i++)
			if (strcmp(a->meta[i].key, "kicker") == 0) {
				a->title = tekg_strdup(a->meta[i].value);
				return a->title ? 0 : TEKG_ENOMEM;
			}
	return 0;
}

static int meta_of(bctx *bc, const tx_para *p)
{
	tekg_article *a = bc->a;
	const char *s = bc->base + p->b0;
	size_t len = p->b1 - p->b0;
	const char *key = NULL;

	switch (p->kind) {
	case PK_SOURCE: {
		/* 来源：新华社 -> 来源 = 新华社; (来源：X) loses its parentheses */
		size_t i, v = len, e = len;

		for (i = 0; i < len; i++) {
			if (s[i] == ':') {
				v = i + 1;
				break;
			}
			if (len - i >= 3 && memcmp(s + i, "：", 3) == 0) {
				v = i + 3;
				break;
			}
		}
		while (v < e && s[v] == ' ')
			v++;
		if (e > v && s[e - 1] == ')')
			e--;
		else if (e - v >= 3 && memcmp(s + e - 3, "）", 3) == 0)
			e -= 3;
		if (v >= e)
			return tx_meta_add(&a->meta, &a->n_meta, "来源", s, len);
		return tx_meta_add(&a->meta, &a->n_meta, "来源", s + v, e - v);
	}
	case PK_DISCLAIMER: key = "disclaimer"; break;
	case PK_PROMO: key = "promo"; break;
	case PK_CONT_UP:
	case PK_CONT_DOWN: key = "continuation"; break;
	case PK_DATEHDR: {
		int rc = tx_meta_add(&a->meta, &a->n_meta, "header", s, len);

		if (!rc && !a->date)
			a->date = tx_norm_date(s, len); /* NULL when not parseable: meta only */
		return rc;
	}
	case PK_BODY:
	case PK_HEAD: key = "trailer"; break;
	default: return 0;
	}
	return tx_meta_add(&a->meta, &a->n_meta, key, s, len);
}

int tx_build_article(tekg_article *a, const char *base, const tx_paras *ps,
                     size_t fi, size_t li, int ai, tekg_script_profile prof)
{
	bctx bc;
	tx_work w = {0};
	region *rg = NULL;
	size_t nrg = 0, rgcap = 0, sent_cap = 0, i, ac0, prev_in = (size_t)-1;
	int rc = TEKG_ENOMEM, in_chain = 0;
	tx_win *win = tekg_malloc(sizeof *win);

	memset(&bc, 0, sizeof bc);
	bc.a = a;
	bc.base = base;
	if (!win)
		return TEKG_ENOMEM;
	ac0 = ps->p[fi].c0;
	bc.ac0 = ac0;
	a->src_start = ps->p[fi].c0;
	a->src_end = ps->p[li].c1;
	a->orig_len = ps->p[li].b1 - ps->p[fi].b0;
	a->orig_chars = ps->p[li].c1 - ps->p[fi].c0;
	if (!(a->orig = tekg_strndup(base + ps->p[fi].b0, a->orig_len)))
		goto cleanup;
	tekg_buf_init(&w.buf, 0);
	if ((rc = tx_work_reserve(&w, a->orig_chars + 16, a->orig_len + 16)) != 0)
		goto cleanup;
	if ((rc = pick_title(&bc, ps, fi, li, ai)) != 0)
		goto cleanup;
	for (i = fi; i <= li; i++) {
		const tx_para *p = &ps->p[i];
		size_t oc = p->c0 - ac0, nb0, nb1;
		int cont = i > fi && (ps->p[i - 1].flags & PF_JOIN) && ps->p[i - 1].art == ai;

		if (p->art != ai)
			continue;
		if (p->role == RO_META || p->role == RO_DUP) {
			if (p->role == RO_META && !cont && (rc = meta_of(&bc, p)) != 0)
				goto cleanup;
			in_chain = 0;
			continue;
		}
		/* paragraph break (a layout join has none) */
		if (prev_in != (size_t)-1 && !cont) {
			/* the break maps to the line end after the previous paragraph
			 * (past its trailing spaces) */
			size_t nb = ps->p[prev_in].b1, nc = ps->p[prev_in].c1;

			while (nb < p->b0 && base[nb] != '\n' && base[nb] != '\r') {
				unsigned char ch = (unsigned char)base[nb];

				nb += ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
				nc++;
			}
			if (nc >= p->c0)
				nc = ps->p[prev_in].c1;
			if ((rc = tx_work_put(&w, '\n', nc - ac0)) != 0)
				goto cleanup;
		}
		prev_in = i;
		nb0 = p->b0 + (p->role == RO_NARR ? p->pre_b : 0);
		nb1 = p->b1 - (p->role == RO_NARR ? p->suf_b : 0);
		if (nb0 > p->b0 && (rc = work_span(&w, base, p->b0, nb0, oc, prof)) != 0)
			goto cleanup;
		if (p->role == RO_NARR) {
			if (!(cont && in_chain)) {
				if (nrg == rgcap) {
					size_t nc = rgcap ? rgcap * 2 : 16;
					region *nr = tekg_realloc(rg, nc * sizeof *nr);

					if (!nr) {
						rc = TEKG_ENOMEM;
						goto cleanup;
					}
					rg = nr;
					rgcap = nc;
				}
				rg[nrg].c0 = w.n;
				rg[nrg].b0 = w.buf.len;
				nrg++;
			}
			in_chain = 1;
		} else {
			in_chain = 0;
		}
		{
			size_t skip_c = nb0 > p->b0 ? tekg_utf8_count(base + p->b0, nb0 - p->b0) : 0;

			if ((rc = work_span(&w, base, nb0, nb1, oc + skip_c, prof)) != 0)
				goto cleanup;
		}
		if (p->role == RO_NARR)
			rg[nrg - 1].c1 = w.n;
		if (nb1 < p->b1) {
			size_t c_at = oc + tekg_utf8_count(base + p->b0, nb1 - p->b0);

			if ((rc = work_span(&w, base, nb1, p->b1, c_at, prof)) != 0)
				goto cleanup;
		}
		/* credits, datelines, captions */
		rc = 0;
		switch (p->kind) {
		case PK_BYLINE:
		case PK_PHOTO:
			tx_win_head(win, base + p->b0, p->b1 - p->b0);
			if (p->kind == PK_PHOTO && win->n >= 4 && win->f[win->n - 1] == ')') {
				/* 主办方供图（新华社发）: the agency that released it is a credit too */
				size_t j = win->n - 1;

				while (j > 0 && win->f[j] != '(')
					j--;
				if (j > 0)
					rc = add_credits(&bc, win, oc, 0, j);
				if (!rc && win->f[j] == '(' && win->n - j >= 4)
					rc = add_plain_credit(&bc, win, oc, j, win->n, j + 1, win->n - 2, "供图");
			} else {
				rc = add_credits(&bc, win, oc, 0, win->n);
			}
			break;
		case PK_CLOSE_CRED:
			tx_win_head(win, base + p->b0, p->b1 - p->b0);
			rc = add_credits(&bc, win, oc, 1, win->f[win->n - 1] == ')' ? win->n - 1 : win->n);
			break;
		case PK_DATELINE: {
			tx_dateline d;

			tx_win_head(win, base + p->b0, p->b1 - p->b0);
			if (tx_parse_dateline(win, 1, &d))
				rc = set_dateline(&bc, win, oc, &d, 0, win->n);
			break;
		}
		case PK_OPENER: {
			tx_dateline d;

			tx_win_head(win, base + p->b0, p->b1 - p->b0);
			if (tx_parse_dateline(win, 0, &d)) {
				rc = set_dateline(&bc, win, oc, &d, d.c0, d.c1);
				if (!rc && d.cr1 > d.cr0)
					rc = add_credits(&bc, win, oc, d.cr0, d.cr1);
			}
			break;
		}
		case PK_CAPTION: {
			/* caption text -> meta; a credit at its end (… 新华社记者 X 摄) */
			size_t nch = p->c1 - p->c0, j;

			rc = tx_meta_add(&a->meta, &a->n_meta, "caption", base + p->b0, p->b1 - p->b0);
			tx_win_tail(win, base + p->b0, p->b1 - p->b0);
			j = win->n;
			while (j > 0 && win->f[j - 1] != 0x3002 && win->f[j - 1] != '!' &&
			       !(win->f[j - 1] == ' ' && j >= 2 && win->f[j - 2] == 0x3002))
				j--;
			if (!rc && j > 0 && j < win->n) {
				size_t before = a->n_credits, x = j, y = win->n;

				rc = add_credits(&bc, win, oc + nch - win->n, j, win->n);
				while (x < y && win->f[x] == ' ')
					x++;
				/* ▲…並致辭。 新華社: an agency name alone */
				if (!rc && a->n_credits == before && y > x && y - x <= 8 &&
				    (win->f[y - 1] == 0x793E || win->f[y - 1] == 0x62A5 || win->f[y - 1] == 0x7F51))
					rc = add_plain_credit(&bc, win, oc + nch - win->n, x, y, x, y, "供图");
			}
			break;
		}
		default:
			if (p->suf_b) {
				size_t nch = p->c1 - p->c0, j;

				tx_win_tail(win, base + p->b0, p->b1 - p->b0);
				j = win->n;
				while (j > 0 && win->f[j - 1] != '(')
					j--;
				if (j > 0)
					rc = add_credits(&bc, win, oc + nch - win->n, j, win->n - 1);
			}
			break;
		}
		if (rc)
			goto cleanup;
	}
	/* map: one more entry for the end */
	if ((rc = tx_work_put(&w, 'x', a->orig_chars)) != 0)
		goto cleanup;
	w.n--;
	w.buf.len--;
	w.buf.data[w.buf.len] = '\0';
	a->work_chars = w.n;
	a->map = w.map;
	w.map = NULL;
	a->map[a->work_chars] = a->orig_chars;
	a->work = tekg_buf_detach(&w.buf, &a->work_len);
	if (!a->work) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (i = 0; i < nrg; i++)
		if ((rc = tx_sentences(a, &sent_cap, a->work, rg[i].c0, rg[i].b0, rg[i].c1)) != 0)
			goto cleanup;
	rc = 0;
cleanup:
	tx_work_free(&w);
	tekg_free(rg);
	tekg_free(win);
	return rc;
}
