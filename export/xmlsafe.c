/*
 * xmlsafe.c - text and number formatting safe for XML output, date
 * widening for GEXF, and the write-to-temporary-then-rename step every
 * exporter uses.
 */
#include "export/xmlsafe.h"
#include "tekg/export.h"
#include "util/utf8.h"

#include <ctype.h>
#include <signal.h>
#include <stdatomic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Byte classes for the one-pass escaper:
 *   0  copied as is         1  dropped (C0 control)
 *   2  escaped in text and attributes (& < > ")
 *   3  tab, LF, CR: copied in text, a character reference in attributes
 *   4  a non-ASCII lead byte: the sequence is validated
 */
static const unsigned char xml_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 1, 1, 3, 1, 1, /* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
	0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 " & */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, /* 0x30 < > */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0x80 */
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xC0 */
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

/*
 * Append the non-ASCII sequence at s[*i] (len bytes in all): valid UTF-8 is
 * copied, U+FFFE/U+FFFF dropped, an invalid sequence (a bad lead byte and
 * the continuation bytes after it) becomes one U+FFFD.
 */
static int put_nonascii(tekg_buf *b, const char *s, size_t len, size_t *i)
{
	uint32_t cp;
	size_t n = tekg_utf8_decode(s + *i, len - *i, &cp);
	int rc = 0;

	if (n == 0) {
		rc = tekg_buf_put_cp(b, 0xFFFD);
		(*i)++;
		while (*i < len && ((unsigned char)s[*i] & 0xC0) == 0x80)
			(*i)++;
		return rc;
	}
	if (cp != 0xFFFE && cp != 0xFFFF)
		rc = tekg_buf_append(b, s + *i, n);
	*i += n;
	return rc;
}

int tekg_xml_escape(tekg_buf *b, const char *s, int attr)
{
	size_t len, i = 0, run;
	int rc;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		const char *ent;

		switch (xml_class[c]) {
		case 0:
			run = i;
			while (i < len && xml_class[(unsigned char)s[i]] == 0)
				i++;
			if ((rc = tekg_buf_append(b, s + run, i - run)))
				return rc;
			continue;
		case 1:
			i++;
			continue;
		case 4:
			if ((rc = put_nonascii(b, s, len, &i)))
				return rc;
			continue;
		case 3:
			/* CR always as a reference: parsers turn a literal CR LF
			 * into LF; tab and LF only in attributes, where
			 * attribute-value normalisation would turn them into spaces */
			if (!attr && c != '\r') {
				ent = NULL;
				if ((rc = tekg_buf_putc(b, (char)c)))
					return rc;
				break;
			}
			ent = c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;";
			break;
		default:
			ent = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&quot;";
			break;
		}
		if (ent && (rc = tekg_buf_puts(b, ent)))
			return rc;
		i++;
	}
	return 0;
}

const char *tekg_xml_safe(tekg_buf *b, const char *s)
{
	size_t len, i = 0, run;

	tekg_buf_reset(b);
	if (s == NULL)
		s = "";
	len = strlen(s);
	if (tekg_buf_append(b, "", 0))
		return NULL;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (xml_class[c] == 4) {
			if (put_nonascii(b, s, len, &i))
				return NULL;
		} else if (xml_class[c] == 1) {
			i++;
		} else {
			run = i;
			while (i < len && xml_class[(unsigned char)s[i]] != 1 &&
			       xml_class[(unsigned char)s[i]] != 4)
				i++;
			if (tekg_buf_append(b, s + run, i - run))
				return NULL;
		}
	}
	return b->data;
}

int tekg_csv_field(tekg_buf *b, const char *s)
{
	size_t len, i = 0, run;
	int quote = 0, rc;

	if (s == NULL || *s == '\0')
		return 0;
	len = strlen(s);
	if (s[0] == ' ' || s[len - 1] == ' ' || strpbrk(s, ",\"\r\n") != NULL)
		quote = 1;
	if (quote && (rc = tekg_buf_putc(b, '"')))
		return rc;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (xml_class[c] == 4) {
			if ((rc = put_nonascii(b, s, len, &i)))
				return rc;
		} else if (xml_class[c] == 1) {
			i++;
		} else if (c == '"') {
			if ((rc = tekg_buf_append(b, "\"\"", 2)))
				return rc;
			i++;
		} else {
			run = i;
			while (i < len && xml_class[(unsigned char)s[i]] != 1 &&
			       xml_class[(unsigned char)s[i]] != 4 && s[i] != '"')
				i++;
			if ((rc = tekg_buf_append(b, s + run, i - run)))
				return rc;
		}
	}
	return quote ? tekg_buf_putc(b, '"') : 0;
}

int tekg_xml_double(double v, char *out, size_t n)
{
	int prec;

	if (!isfinite(v))
		return 0;
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, n, "%.0f", v);
		if (strcmp(out, "-0") == 0)
			snprintf(out, n, "0");
		return 1;
	}
	/* %.15g is the shortest form whenever 15 digits round-trip */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(out, n, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	return 1;
}

char *tekg_fmt_i64(int64_t v, char *out)
{
	char tmp[24];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, k = 0;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		out[k++] = '-';
	while (n)
		out[k++] = tmp[--n];
	out[k] = '\0';
	return out + k;
}

int tekg_export_scalar(const tekg_attr_value *v, char *num, size_t n)
{
	switch (v->type) {
	case TEKG_ATTR_INT:
		tekg_fmt_i64(v->i, num);
		return 1;
	case TEKG_ATTR_BOOL:
		snprintf(num, n, "%s", v->i ? "true" : "false");
		return 1;
	case TEKG_ATTR_DOUBLE:
		return tekg_xml_double(v->d, num, n);
	default:
		return 0;
	}
}

static int digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Widen the len bytes at s (one date, no '/'). */
static int widen_one(const char *s, size_t len, int last, char out[11])
{
	int y, m = -1, d = -1;

	out[0] = '\0';
	if (len < 4 || (y = digits(s, 4)) < 1)
		return 0;
	if (len > 4) {
		if (s[4] != '-' || len < 7 || (m = digits(s + 5, 2)) < 1 || m > 12)
			return 0;
		if (len > 7) {
			if (s[7] != '-' || len < 10 || (d = digits(s + 8, 2)) < 1 ||
			    d > month_days(y, m))
				return 0;
			if (len > 10 && s[10] != 'T' && s[10] != ' ')
				return 0;
		}
	}
	if (m < 0)
		m = last ? 12 : 1;
	if (d < 0)
		d = last ? month_days(y, m) : 1;
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10);
	out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
	out[7] = '-', out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 1;
}

int tekg_date_widen(const char *s, int last, char out[11])
{
	const char *slash;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	/* an interval A/B: A gives the first day, B the last */
	if ((slash = strchr(s, '/')) != NULL)
		return last ? widen_one(slash + 1, strlen(slash + 1), 1, out)
		            : widen_one(s, (size_t)(slash - s), 0, out);
	return widen_one(s, strlen(s), last, out);
}

/*
 * The temporaries of the writes in progress, for tekg_export_remove_temporaries
 * (a signal handler).  A slot's path is written before `used` is set, with a
 * signal fence between, so a handler never sees half a name.  Writes that
 * find every slot taken are simply not tracked.
 */
#define TMP_SLOTS 4

static struct {
	volatile sig_atomic_t used;
	char path[4096];
} tmp_slots[TMP_SLOTS];

static void tmp_hold(const char *tmp)
{
	size_t k, n = strlen(tmp);

	if (n >= sizeof tmp_slots[0].path)
		return;
	for (k = 0; k < TMP_SLOTS; k++)
		if (!tmp_slots[k].used) {
			memcpy(tmp_slots[k].path, tmp, n + 1);
			atomic_signal_fence(memory_order_seq_cst);
			tmp_slots[k].used = 1;
			return;
		}
}

static void tmp_release(const char *tmp)
{
	size_t k;

	for (k = 0; k < TMP_SLOTS; k++)
		if (tmp_slots[k].used && strcmp(tmp_slots[k].path, tmp) == 0) {
			tmp_slots[k].used = 0;
			atomic_signal_fence(memory_order_seq_cst);
			return;
		}
}

void tekg_export_remove_temporaries(void)
{
	size_t k;

	for (k = 0; k < TMP_SLOTS; k++)
		if (tmp_slots[k].used)
			unlink(tmp_slots[k].path);
}

int tekg_export_tmpname(const char *path, char *out, size_t n)
{
	int w = snprintf(out, n, "%s.tmp-%ld", path, (long)getpid());

	if (w < 0 || (size_t)w >= n)
		return -1;
	tmp_hold(out);
	return 0;
}

int tekg_export_commit(const char *tmp, const char *path)
{
	int rc = 0;

	if (rename(tmp, path) != 0) {
		unlink(tmp);
		rc = -1;
	}
	tmp_release(tmp);
	return rc;
}

void tekg_export_discard(const char *tmp)
{
	unlink(tmp);
	tmp_release(tmp);
}
