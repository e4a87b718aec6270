/*
 * articles.c - paragraphs -> articles, and repeated paragraphs.
 *
 * A new article needs evidence (docs/text.md):
 *   - the first content paragraph of the source;
 *   - a continuation marker （上接第一版）;
 *   - an opening dateline (新华社北京8月25日电（记者 X）…, 本报讯, 香港文汇报讯)
 *     after body text, together with the headline lines right before it;
 *   - a headline block followed by a bare byline (本报记者 周 岚) after body;
 *   - a headline block followed by a news lead that starts with a date
 *     without year (12月11日，…, 10日，…, 近日，…) after body text;
 *   - after an article was closed (closing dateline （新华社深圳8月25日电）,
 *     closing credit （南方+记者 X）, ●X记者 Y 报道, 来源：X, （下转第二版）):
 *     any headline line, or a paragraph of at least 50 chars.
 * Short lines after a closed article (a stray caption fragment, a slogan)
 * become the closed article's "trailer" metadata.  Headline lines at the
 * very end with no body after them become source metadata ("headline").
 */
#include "text/text_int.h"
#include "util/alloc.h"

#include <string.h>

static int role_of(int kind, int has_body)
{
	switch (kind) {
	case PK_BODY:
	case PK_OPENER:
	case PK_COLUMN:
		return RO_NARR;
	case PK_HEAD:
		return has_body ? RO_NARR : RO_HEADER;
	case PK_BYLINE:
	case PK_CLOSE_CRED:
	case PK_PHOTO:
		return RO_CREDIT;
	case PK_DATELINE:
		return RO_DATELINE;
	case PK_CAPTION:
		return RO_CAPTION;
	default:
		return RO_META;
	}
}

/* Is everything from j on (at most 16 paragraphs) non-content? */
static int only_tail(const tx_paras *ps, size_t j)
{
	size_t k;

	for (k = j; k < ps->n && k < j + 16; k++) {
		int kd = ps->p[k].kind;

		if (kd != PK_FURNITURE && kd != PK_RESIDUE && kd != PK_DISCLAIMER && kd != PK_PROMO)
			return 0;
	}
	return k >= ps->n;
}

size_t tx_segment(tx_paras *ps, const char *base, int split)
{
	int cur = -1, closed = 0, has_body = 0, continued = 0;
	size_t nart = 0, i;

	for (i = 0; i < ps->n; i++) {
		tx_para *p = &ps->p[i];
		int k = p->kind, start = 0;

		if (!split) {
			if (k == PK_FURNITURE && cur >= 0)
				k = PK_BODY; /* one article: keep its text */
			if (cur < 0) {
				cur = 0;
				nart = 1;
			}
			p->art = cur;
			p->role = (uint8_t)role_of(k, has_body);
			if (p->role == RO_NARR)
				has_body = 1;
			continue;
		}
		if (k == PK_FURNITURE) {
			p->art = -1;
			continue;
		}
		if (k == PK_COLUMN && cur < 0) {
			p->art = -1;
			continue;
		}
		if (cur < 0) {
			if (k == PK_SOURCE || k == PK_DISCLAIMER || k == PK_PROMO || k == PK_RESIDUE) {
				p->art = -1;
				continue;
			}
			start = 1;
		} else {
			switch (k) {
			case PK_CONT_UP:
				start = 1;
				break;
			case PK_OPENER:
				start = has_body || closed;
				break;
			case PK_BYLINE:
				/* after body: a closing byline */
				break;
			case PK_HEAD:
				if (closed) {
					start = 1;
				} else if (has_body) {
					size_t j = i;
					int q;

					while (j < ps->n && ps->p[j].kind == PK_HEAD && j - i < 4)
						j++;
					if (j >= ps->n || only_tail(ps, j)) {
						/* orphan headlines at the end: source metadata */
						for (; i < j; i++)
							ps->p[i].art = -1;
						i--;
						continue;
					}
					q = ps->p[j].kind;
					if (q == PK_OPENER || q == PK_BYLINE ||
					    (q == PK_BODY && tx_para_lead_date(base, &ps->p[j])))
						start = 1;
				}
				break;
			case PK_BODY:
				if (closed && p->c1 - p->c0 >= 50 && !(i > 0 && (ps->p[i - 1].flags & PF_JOIN)))
					start = 1;
				break;
			default:
				break;
			}
		}
		if (start) {
			cur = (int)nart++;
			closed = 0;
			has_body = 0;
			continued = k == PK_CONT_UP;
		}
		p->art = cur;
		if (closed && k == PK_BODY) {
			p->role = RO_META; /* trailer */
			continue;
		}
		p->role = (uint8_t)role_of(k, has_body || (continued && k == PK_HEAD));
		if (k == PK_BYLINE && (has_body || closed))
			closed = 1;
		if (p->role == RO_NARR)
			has_body = 1;
		if (k == PK_CLOSE_CRED || k == PK_DATELINE || k == PK_CONT_DOWN ||
		    (k == PK_SOURCE && has_body))
			closed = 1;
	}
	/* continuation lines share their chain's role */
	for (i = 1; i < ps->n; i++)
		if ((ps->p[i - 1].flags & PF_JOIN) && ps->p[i - 1].art == ps->p[i].art)
			ps->p[i].role = ps->p[i - 1].role;
	return nart;
}

/* ---- repeated paragraphs ---------------------------------------------- */

static int skip_ws(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
		return 3; /* U+3000 */
	if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
		return 2; /* NBSP */
	return 0;
}

/* Iterator over the non-space bytes of a chain of joined paragraphs. */
typedef struct chain_it {
	const char *base;
	const tx_paras *ps;
	size_t pi, b;
	int single; /* stop at the end of the first line */
} chain_it;

static int chain_next(chain_it *it)
{
	for (;;) {
		const tx_para *p = &it->ps->p[it->pi];

		while (it->b < p->b1) {
			int k = skip_ws(it->base, p->b1, it->b);

			if (k) {
				it->b += (size_t)k;
				continue;
			}
			return (unsigned char)it->base[it->b++];
		}
		if (it->single || !(p->flags & PF_JOIN) || it->pi + 1 >= it->ps->n)
			return -1;
		it->pi++;
		it->b = it->ps->p[it->pi].b0;
	}
}

static uint64_t chain_hash(const char *base, const tx_paras *ps, size_t i, int single,
                           size_t *nbytes)
{
	chain_it it = {base, ps, i, ps->p[i].b0, single};
	uint64_t h = 1469598103934665603ULL;
	int c;

	*nbytes = 0;
	while ((c = chain_next(&it)) >= 0) {
		h ^= (uint64_t)c;
		h *= 1099511628211ULL;
		(*nbytes)++;
	}
	return h;
}

static int chain_equal(const char *base, const tx_paras *ps, size_t i, int si, size_t j, int sj)
{
	chain_it a = {base, ps, i, ps->p[i].b0, si}, b = {base, ps, j, ps->p[j].b0, sj};
	int x, y;

	do {
		x = chain_next(&a);
		y = chain_next(&b);
		if (x != y)
			return 0;
	} while (x >= 0);
	return 1;
}

/*
 * A paragraph (with its joined continuation lines) identical to an earlier
 * one of the same article, ignoring whitespace, is dropped.  The first line
 * of a joined paragraph is also remembered on its own, so that a repeated
 * half of a broken paragraph (seed 003) is caught too.
 */
int tx_dedup(tx_paras *ps, const char *base)
{
	size_t cap = 16, i, *slot, mask;
	uint64_t *hv;
	uint32_t *gen;
	uint32_t g = 1;
	int art = -2;

	while (cap < ps->n * 4 + 4)
		cap *= 2;
	mask = cap - 1;
	slot = tekg_malloc(cap * sizeof *slot);
	hv = tekg_malloc(cap * sizeof *hv);
	gen = tekg_calloc(cap, sizeof *gen);
	if (!slot || !gen || !hv) {
		tekg_free(slot);
		tekg_free(hv);
		tekg_free(gen);
		return TEKG_ENOMEM;
	}
	for (i = 0; i < ps->n; i++) {
		tx_para *p = &ps->p[i];
		size_t nb, h, k, nl;
		uint64_t ch, lh;
		int chained, dup = 0, mode;

		if (p->art != art) {
			art = p->art;
			g++; /* a new article: forget the previous one's paragraphs */
		}
		if (p->role != RO_NARR || p->art < 0)
			continue;
		if (i > 0 && (ps->p[i - 1].flags & PF_JOIN))
			continue; /* not the head of a chain */
		chained = (p->flags & PF_JOIN) != 0;
		ch = chain_hash(base, ps, i, 0, &nb);
		p->hash = ch;
		if (nb < 18) /* about six CJK chars: short lines may repeat legitimately */
			continue;
		/* look up the chain; a single line also matches remembered first lines */
		for (h = (size_t)ch & mask; gen[h] == g; h = (h + 1) & mask) {
			size_t j = slot[h] >> 1;

			mode = (int)(slot[h] & 1);
			if (hv[h] == ch && (chained ? !mode : 1) &&
			    chain_equal(base, ps, j, mode, i, 0)) {
				dup = 1;
				break;
			}
		}
		if (dup) {
			for (k = i;; k++) {
				ps->p[k].role = RO_DUP;
				if (!(ps->p[k].flags & PF_JOIN) || k + 1 >= ps->n)
					break;
			}
			continue;
		}
		gen[h] = g;
		slot[h] = i << 1;
		hv[h] = ch;
		if (chained) {
			lh = chain_hash(base, ps, i, 1, &nl);
			if (nl >= 18) {
				for (h = (size_t)lh & mask; gen[h] == g; h = (h + 1) & mask)
					;
				gen[h] = g;
				slot[h] = (i << 1) | 1;
				hv[h] = lh;
			}
		}
	}
	tekg_free(slot);
	tekg_free(hv);
	tekg_free(gen);
	return 0;
}
