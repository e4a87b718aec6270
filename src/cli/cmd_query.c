/*
 * cmd_query.c - `tekg query`: research queries on the network (see
 * docs/network.md, "Man page: query").
 *
 * Every subcommand but `sql` reads the property graph built from the store
 * (opened read-only), applies the shared network filters (netopts.h), and
 * prints one table: aligned text by default (padded by display width, CJK
 * characters two columns), --json (an array of objects) or --csv (RFC 4180).
 * Walks ignore edge direction unless --directed (co_occurs and shared_event
 * edges are crossed both ways even then).
 *
 * Exit status: 0 ok, 1 unknown or ambiguous name (candidates listed) or no
 * path, 2 usage, 3 database or internal error.
 */
#include "cli/cli.h"
#include "cli/netopts.h"
#include "cli/query_topics.h"
#include "tekg/export.h"
#include "tekg/graph.h"
#include "tekg/network.h"
#include "tekg/store.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- tables --------------------------------------------------------------- */

typedef enum { OUT_TEXT, OUT_JSON, OUT_CSV } out_format;

typedef struct table {
	size_t ncol;
	const char *const *head;
	const unsigned char *numeric; /* per column: right-aligned, raw in JSON */
	char **cells;                 /* row-major, owned */
	unsigned char *kinds;         /* NULL, or per cell (row-major, owned): a
	                                 CELL_* from the SQL value's type */
	size_t nrows, cap;
} table;

enum { CELL_TEXT, CELL_NUMBER, CELL_NULL };

static void table_free(table *t)
{
	size_t k;

	for (k = 0; k < t->nrows * t->ncol; k++)
		tekg_free(t->cells[k]);
	tekg_free(t->cells);
	tekg_free(t->kinds);
	t->cells = NULL;
	t->kinds = NULL;
	t->nrows = t->cap = 0;
}

/* Append a row of ncol strings (NULL -> ""). 0 or TEKG_ENOMEM. */
static int table_add(table *t, ...)
{
	va_list ap;
	size_t k;
	int rc = 0;

	if (t->nrows == t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 16;
		char **nc = tekg_realloc(t->cells, ncap * t->ncol * sizeof *nc);
		if (nc == NULL)
			return TEKG_ENOMEM;
		t->cells = nc;
		t->cap = ncap;
	}
	va_start(ap, t);
	for (k = 0; k < t->ncol; k++) {
		const char *s = va_arg(ap, const char *);
		char *c = tekg_strdup(s ? s : "");
		if (c == NULL)
			rc = TEKG_ENOMEM;
		t->cells[t->nrows * t->ncol + k] = c;
	}
	va_end(ap);
	t->nrows++;
	return rc;
}

/* Display columns of a code point: 2 for East Asian wide and fullwidth
 * forms, 0 for combining marks, else 1. */
static int cp_width(uint32_t c)
{
	if (c == 0 || (c >= 0x300 && c <= 0x36f) || c == 0x200b || (c >= 0xfe00 && c <= 0xfe0f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

static size_t display_width(const char *s)
{
	size_t w = 0, len = strlen(s), off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = tekg_utf8_decode(s + off, len - off, &cp);
		if (n == 0) {
			n = 1;
			cp = '?';
		}
		w += (size_t)cp_width(cp);
		off += n;
	}
	return w;
}

/* Text cells stay on one line and never drive the terminal: C0 controls
 * (tab and newline included), DEL and C1 controls (U+0080..U+009F, which
 * some terminals obey as ESC sequences) become spaces, invalid bytes U+FFFD.
 * Only text tables:
 * JSON escapes them, CSV quotes them. */
static void put_text_cell(FILE *out, const char *s)
{
	size_t len = strlen(s), off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = tekg_utf8_decode(s + off, len - off, &cp);
		if (n == 0) { /* an invalid byte: U+FFFD (display_width counts it one) */
			fputs("\xef\xbf\xbd", out);
			off++;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
			fputc(' ', out);
		else
			fwrite(s + off, 1, n, out);
		off += n;
	}
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

static void print_text(FILE *out, const table *t)
{
	size_t *w = tekg_calloc(t->ncol, sizeof *w), r, k;

	if (w == NULL)
		return;
	for (k = 0; k < t->ncol; k++)
		w[k] = display_width(t->head[k]);
	for (r = 0; r < t->nrows; r++)
		for (k = 0; k < t->ncol; k++) {
			size_t dw = display_width(t->cells[r * t->ncol + k]);
			if (dw > w[k])
				w[k] = dw;
		}
	for (r = 0; r <= t->nrows + 1; r++) {
		for (k = 0; k < t->ncol; k++) {
			const char *s = r == 0 ? t->head[k] : r == 1 ? NULL : t->cells[(r - 2) * t->ncol + k];
			int last = k + 1 == t->ncol;
			size_t dw;
			if (k)
				fputs("  ", out);
			if (s == NULL) {
				size_t q;
				for (q = 0; q < w[k]; q++)
					fputc('-', out);
				continue;
			}
			dw = display_width(s);
			if (t->numeric && t->numeric[k] && r > 0) {
				pad(out, w[k] - dw);
				put_text_cell(out, s);
			} else {
				put_text_cell(out, s);
				if (!last)
					pad(out, w[k] - dw);
			}
		}
		fputc('\n', out);
	}
	tekg_free(w);
}

static void csv_cell(FILE *out, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void print_csv(FILE *out, const table *t)
{
	size_t r, k;

	for (r = 0; r <= t->nrows; r++) {
		for (k = 0; k < t->ncol; k++) {
			if (k)
				fputc(',', out);
			csv_cell(out, r == 0 ? t->head[k] : t->cells[(r - 1) * t->ncol + k]);
		}
		fputs("\r\n", out);
	}
}

/* A cell that is a JSON number as it stands. */
static int json_number(const char *s)
{
	char *end;

	if (*s == '\0' || *s == '+' || *s == '.' || strchr(s, 'x') || strchr(s, 'X') ||
	    strchr(s, 'n') || strchr(s, 'N') || strchr(s, 'i') || strchr(s, 'I'))
		return 0;
	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		return 0;
	(void)strtod(s, &end);
	return *end == '\0';
}

static int print_json(FILE *out, const table *t)
{
	tekg_buf b = {0};
	size_t r, k;
	int rc = 0;

	rc |= tekg_buf_putc(&b, '[');
	for (r = 0; r < t->nrows; r++) {
		rc |= tekg_buf_puts(&b, r ? ",\n {" : "\n {");
		for (k = 0; k < t->ncol; k++) {
			const char *s = t->cells[r * t->ncol + k];
			if (k)
				rc |= tekg_buf_puts(&b, ", ");
			rc |= tekg_json_cstr(&b, t->head[k]);
			rc |= tekg_buf_puts(&b, ": ");
			unsigned char kind = t->kinds ? t->kinds[r * t->ncol + k] : CELL_TEXT;
			if (kind == CELL_NULL)
				rc |= tekg_buf_puts(&b, "null");
			else if ((kind == CELL_NUMBER || (t->numeric && t->numeric[k])) && json_number(s))
				rc |= tekg_buf_puts(&b, s);
			else
				rc |= tekg_json_cstr(&b, s);
		}
		rc |= tekg_buf_putc(&b, '}');
	}
	rc |= tekg_buf_puts(&b, t->nrows ? "\n]\n" : "]\n");
	if (rc == 0)
		fwrite(b.data, 1, b.len, out);
	tekg_buf_free(&b);
	return rc ? TEKG_ENOMEM : 0;
}

static int table_print(const table *t, out_format f)
{
	switch (f) {
	case OUT_JSON: return print_json(stdout, t);
	case OUT_CSV: print_csv(stdout, t); return 0;
	default: print_text(stdout, t); return 0;
	}
}

/* ---- graph helpers ---------------------------------------------------------- */

typedef struct qctx {
	tekg_graph *g;
	tekg_network_opts *o;
	size_t *off, *adj;          /* incident edges per node (CSR) */
	size_t *stamp, epoch;       /* node marks: stamp[i] == epoch means marked */
	const char *types[TEKG_NET_MAX_TYPES]; /* result filter of neighbors / top */
	size_t n_types;
} qctx;

static const char *lab(const qctx *q, size_t i)
{
	const char *s = tekg_network_node_str(q->g, i, "label");
	return s ? s : "";
}

static const char *typ(const qctx *q, size_t i)
{
	const char *s = tekg_network_node_str(q->g, i, "type");
	return s ? s : "";
}

static const char *nstr(const qctx *q, size_t i, const char *a)
{
	const char *s = tekg_network_node_str(q->g, i, a);
	return s ? s : "";
}

static const char *estr(const qctx *q, size_t e, const char *a)
{
	const char *s = tekg_network_edge_str(q->g, e, a);
	return s ? s : "";
}

static int is_type(const qctx *q, size_t i, const char *t)
{
	return strcmp(typ(q, i), t) == 0;
}

static int type_wanted(const qctx *q, size_t i)
{
	size_t k;

	if (q->n_types == 0)
		return 1;
	for (k = 0; k < q->n_types; k++)
		if (strcmp(q->types[k], typ(q, i)) == 0)
			return 1;
	return 0;
}

static size_t other(const qctx *q, size_t e, size_t i)
{
	size_t s, d;

	tekg_graph_edge_ends(q->g, e, &s, &d);
	return s == i ? d : s;
}

static int is_source(const qctx *q, size_t e, size_t i)
{
	size_t s, d;

	tekg_graph_edge_ends(q->g, e, &s, &d);
	return s == i;
}

/* May a walk go from i along e?  Always, unless --directed, where i must
 * be the source of e or e a relation without direction (co_occurs,
 * shared_event). */
static int may_cross(const qctx *q, size_t e, size_t i)
{
	return !q->o->directed || is_source(q, e, i) || tekg_network_edge_undirected(q->g, e);
}

static int build_adjacency(qctx *q)
{
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), ne = tekg_graph_count(q->g, TEKG_EDGE);
	size_t k, s, d, *pos;

	q->stamp = tekg_calloc(nn + 1, sizeof *q->stamp);
	q->off = tekg_calloc(nn + 2, sizeof *q->off);
	q->adj = tekg_malloc((2 * ne + 1) * sizeof *q->adj);
	pos = tekg_malloc((nn + 1) * sizeof *pos);
	if (!q->off || !q->adj || !pos || !q->stamp) {
		tekg_free(pos);
		return TEKG_ENOMEM;
	}
	for (k = 0; k < ne; k++) {
		tekg_graph_edge_ends(q->g, k, &s, &d);
		q->off[s + 1]++;
		if (d != s)
			q->off[d + 1]++;
	}
	for (k = 0; k < nn; k++)
		q->off[k + 1] += q->off[k];
	memcpy(pos, q->off, (nn + 1) * sizeof *pos);
	for (k = 0; k < ne; k++) {
		tekg_graph_edge_ends(q->g, k, &s, &d);
		q->adj[pos[s]++] = k;
		if (d != s)
			q->adj[pos[d]++] = k;
	}
	tekg_free(pos);
	return 0;
}

/* Start a new set of marks (O(1)). */
static void marks_clear(qctx *q)
{
	q->epoch++;
}

/* Mark node i; 1 when it was not marked yet. */
static int mark(qctx *q, size_t i)
{
	if (q->stamp[i] == q->epoch)
		return 0;
	q->stamp[i] = q->epoch;
	return 1;
}

static int marked(const qctx *q, size_t i)
{
	return q->stamp[i] == q->epoch;
}

/* A number for a cell: exact in JSON and CSV (the shortest of %.15g ..
 * %.17g that reads back as v); in text tables `text_prec` decimals, or %g
 * when it is negative. */
static void fmt_number(char *buf, size_t n, double v, out_format f, int text_prec)
{
	int prec;

	if (f == OUT_TEXT) {
		if (text_prec < 0)
			snprintf(buf, n, "%g", v);
		else
			snprintf(buf, n, "%.*f", text_prec, v);
		return;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
}

/* Relation label of an edge: its type, with the participant role. */
static void relation(const qctx *q, size_t e, char *buf, size_t n)
{
	const char *role = tekg_network_edge_str(q->g, e, "role");
	const char *title = tekg_network_edge_str(q->g, e, "title");

	if (role && *role)
		snprintf(buf, n, "%s:%s", estr(q, e, "type"), role);
	else if (title && *title)
		snprintf(buf, n, "%s:%s", estr(q, e, "type"), title);
	else
		snprintf(buf, n, "%s", estr(q, e, "type"));
}

static int resolve(const qctx *q, const char *name, const char *type, size_t *node)
{
	tekg_error err = {0};
	int rc = tekg_network_resolve(q->g, name, type, node, &err);

	if (rc)
		cli_err(NULL, "query: %s", err.msg);
	return rc;
}

/* Sorting rows: an index array sorted by a comparison on the context. */
static const qctx *sort_q;
static const double *sort_key;

static int by_key_then_label(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c;

	if (sort_key && sort_key[x] != sort_key[y])
		return sort_key[x] > sort_key[y] ? -1 : 1;
	c = strcmp(lab(sort_q, x), lab(sort_q, y));
	if (c)
		return c;
	return x < y ? -1 : x > y;
}

/* Edges incident to sort_node: heaviest first, then the other end's label,
 * then edge order. */
static size_t sort_node;

static int edge_rows_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c;

	if (sort_key[x] != sort_key[y])
		return sort_key[x] > sort_key[y] ? -1 : 1;
	c = strcmp(lab(sort_q, other(sort_q, x, sort_node)), lab(sort_q, other(sort_q, y, sort_node)));
	if (c)
		return c;
	return x < y ? -1 : x > y;
}

/* Event date: start, else first_seen. */
static const char *event_date(const qctx *q, size_t i)
{
	const char *s = tekg_network_node_str(q->g, i, "start");

	if (s && *s)
		return s;
	s = tekg_network_node_str(q->g, i, "date");
	if (s && *s)
		return s;
	return nstr(q, i, "first_seen");
}

/* Nodes x and y by date, undated last; 0 when the dates are equal. */
static int date_order(size_t x, size_t y)
{
	const char *dx = event_date(sort_q, x), *dy = event_date(sort_q, y);
	int c = (*dx == '\0') - (*dy == '\0');

	return c ? c : strcmp(dx, dy);
}

/* By date (undated last), then label. */
static int by_date_then_label(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = date_order(x, y);

	if (c || (c = strcmp(lab(sort_q, x), lab(sort_q, y))))
		return c;
	return x < y ? -1 : x > y;
}

/* By date (undated last), then export id. */
static int by_date_then_id(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = date_order(x, y);

	if (c || (c = tekg_network_id_cmp(tekg_graph_node_id(sort_q->g, x),
	                                  tekg_graph_node_id(sort_q->g, y))))
		return c;
	return x < y ? -1 : x > y;
}

/* Labels of the neighbours of event ev linked by relation `rel` (either
 * direction), sorted, joined with "、"; skip node `skip`. */
static int joined_neighbours(qctx *q, size_t ev, const char *const *rels, size_t skip,
                             const char *want_type, tekg_buf *out)
{
	size_t j, n = 0, *ids = tekg_malloc((q->off[ev + 1] - q->off[ev] + 1) * sizeof *ids), k;
	int rc = 0;

	if (ids == NULL)
		return TEKG_ENOMEM;
	tekg_buf_reset(out);
	marks_clear(q);
	for (j = q->off[ev]; j < q->off[ev + 1]; j++) {
		size_t e = q->adj[j], w = other(q, e, ev), r;
		const char *et = estr(q, e, "type");
		int hit = 0;
		for (r = 0; rels[r]; r++)
			hit |= strcmp(et, rels[r]) == 0;
		if (!hit || w == skip || (want_type && !is_type(q, w, want_type)))
			continue;
		if (mark(q, w))
			ids[n++] = w;
	}
	sort_q = q;
	sort_key = NULL;
	qsort(ids, n, sizeof *ids, by_key_then_label);
	for (k = 0; k < n && rc == 0; k++) {
		if (k)
			rc = tekg_buf_puts(out, "、");
		if (rc == 0)
			rc = tekg_buf_puts(out, lab(q, ids[k]));
	}
	if (rc == 0 && out->data == NULL)
		rc = tekg_buf_puts(out, "");
	tekg_free(ids);
	return rc;
}

static const char *buf_str(const tekg_buf *b)
{
	return b->data ? b->data : "";
}

/* ---- subcommands -------------------------------------------------------------- */

static const char *const participation[] = {"participant", "organizer", NULL};
static const char *const held_in[] = {"held_in", NULL};

static int q_neighbors(qctx *q, const char *name, const char *rel, out_format f)
{
	static const char *const head[] = {"id", "neighbor", "type", "relation", "dir", "weight",
	                                   "docs"};
	static const unsigned char num[] = {0, 0, 0, 0, 0, 1, 1};
	table t = {7, head, num, NULL, NULL, 0, 0};
	size_t node, j, n = 0, *rows = NULL;
	double *key = NULL;
	int rc;

	if ((rc = resolve(q, name, NULL, &node)))
		return rc;
	rows = tekg_malloc((q->off[node + 1] - q->off[node] + 1) * sizeof *rows);
	key = tekg_malloc((tekg_graph_count(q->g, TEKG_EDGE) + 1) * sizeof *key);
	if (!rows || !key) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (j = q->off[node]; j < q->off[node + 1]; j++) {
		size_t e = q->adj[j], w = other(q, e, node);
		if (rel && strcmp(estr(q, e, "type"), rel) != 0)
			continue;
		if (!may_cross(q, e, node))
			continue;
		if (!q->o->include_documents && is_type(q, w, "document"))
			continue;
		if (!type_wanted(q, w))
			continue;
		key[e] = tekg_network_edge_weight(q->g, e);
		rows[n++] = e;
	}
	/* heaviest first, then by neighbour label, then edge order */
	sort_q = q;
	sort_key = key;
	sort_node = node;
	qsort(rows, n, sizeof *rows, edge_rows_cmp);
	sort_key = NULL;
	for (j = 0; j < n && rc == 0; j++) {
		size_t e = rows[j], w = other(q, e, node);
		char r[256], wt[32], dc[32];
		const char *dir = tekg_network_edge_undirected(q->g, e) ? "-"
		                  : is_source(q, e, node)                ? "out"
		                                                         : "in";
		size_t col = tekg_graph_attr_find(q->g, TEKG_EDGE, "docs");
		tekg_attr_value v;
		relation(q, e, r, sizeof r);
		fmt_number(wt, sizeof wt, tekg_network_edge_weight(q->g, e), f, -1);
		dc[0] = '\0';
		if (col != (size_t)-1 && tekg_graph_attr_get(q->g, TEKG_EDGE, col, e, &v))
			snprintf(dc, sizeof dc, "%lld", (long long)v.i);
		rc = table_add(&t, tekg_graph_node_id(q->g, w), lab(q, w), typ(q, w), r, dir, wt, dc);
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	table_free(&t);
	tekg_free(rows);
	tekg_free(key);
	return rc;
}

static int q_path(qctx *q, const char *a, const char *b, out_format f)
{
	static const char *const head[] = {"step", "from", "relation", "dir", "to", "evidence",
	                                   "doc"};
	static const unsigned char num[] = {1, 0, 0, 0, 0, 0, 0};
	table t = {7, head, num, NULL, NULL, 0, 0};
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), src, dst, head_i = 0, tail = 0, k;
	size_t *queue = NULL, *via = NULL, *hops = NULL, nh = 0;
	unsigned char *seen = NULL;
	int rc;

	if ((rc = resolve(q, a, NULL, &src)) || (rc = resolve(q, b, NULL, &dst)))
		return rc;
	queue = tekg_malloc((nn + 1) * sizeof *queue);
	via = tekg_malloc((nn + 1) * sizeof *via);
	hops = tekg_malloc((nn + 1) * sizeof *hops);
	seen = tekg_calloc(nn + 1, 1);
	if (!queue || !via || !hops || !seen) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	seen[src] = 1;
	queue[tail++] = src;
	while (head_i < tail && !seen[dst]) {
		size_t u = queue[head_i++], j;
		for (j = q->off[u]; j < q->off[u + 1]; j++) {
			size_t e = q->adj[j], w = other(q, e, u);
			if (seen[w] || !may_cross(q, e, u))
				continue;
			if (w != dst && !tekg_network_in_view(q->g, w, q->o))
				continue;
			seen[w] = 1;
			via[w] = e;
			queue[tail++] = w;
		}
	}
	if (!seen[dst]) {
		cli_err(NULL, "query: no path between '%s' and '%s'", a, b);
		rc = TEKG_ENOTFOUND;
		goto cleanup;
	}
	for (k = dst; k != src; k = other(q, via[k], k))
		hops[nh++] = via[k];
	{
		size_t cur = src;
		for (k = 0; k < nh && rc == 0; k++) {
			size_t e = hops[nh - 1 - k], to = other(q, e, cur);
			char step[32], r[256];
			const char *dir = tekg_network_edge_undirected(q->g, e) ? "-"
			                  : is_source(q, e, cur)                 ? "->"
			                                                         : "<-";
			snprintf(step, sizeof step, "%zu", k + 1);
			relation(q, e, r, sizeof r);
			rc = table_add(&t, step, lab(q, cur), r, dir, lab(q, to), estr(q, e, "evidence"),
			               estr(q, e, "evidence_doc"));
			cur = to;
		}
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	table_free(&t);
	tekg_free(queue);
	tekg_free(via);
	tekg_free(hops);
	tekg_free(seen);
	return rc;
}

static int q_ego(qctx *q, const char *name, const char *path, out_format f)
{
	static const char *const head[] = {"file", "nodes", "edges"};
	static const unsigned char num[] = {0, 1, 1};
	table t = {3, head, num, NULL, NULL, 0, 0};
	tekg_network_opts o;
	tekg_graph *sub = NULL;
	tekg_error err = {0};
	tekg_export_format fmt;
	char nn[32], ne[32];
	int rc;

	/* the other filters (and the projection) made q->g already */
	memset(&o, 0, sizeof o);
	o.ego = name;
	o.depth = q->o->depth;
	o.directed = q->o->directed;
	o.include_documents = q->o->include_documents;
	o.measures = q->o->measures;
	o.betweenness_exact = q->o->betweenness_exact;
	o.seed = q->o->seed;
	if ((rc = tekg_network_filter(&sub, q->g, &o, &err))) {
		cli_err(NULL, "query: %s", err.msg);
		return rc;
	}
	if ((rc = tekg_network_measures(sub, &o, &err)) ||
	    (rc = tekg_export_format_pick(NULL, path, &fmt, &err)) ||
	    (rc = tekg_export_write(sub, fmt, path, &err))) {
		cli_err(strcmp(path, "-") ? path : NULL, "%s", err.msg);
		rc = rc == TEKG_EIO ? TEKG_EDB : rc; /* an output failure is not a name error */
		goto cleanup;
	}
	if (strcmp(path, "-") != 0) {
		snprintf(nn, sizeof nn, "%zu", tekg_graph_count(sub, TEKG_NODE));
		snprintf(ne, sizeof ne, "%zu", tekg_graph_count(sub, TEKG_EDGE));
		if ((rc = table_add(&t, path, nn, ne)) == 0)
			rc = table_print(&t, f);
	}
cleanup:
	table_free(&t);
	tekg_graph_free(sub);
	return rc;
}

/* Events adjacent to a node (or the node itself when it is an event). */
static int adjacent_events(qctx *q, size_t node, size_t **out, size_t *n)
{
	size_t j, *ev = tekg_malloc((q->off[node + 1] - q->off[node] + 2) * sizeof *ev);

	*n = 0;
	*out = ev;
	if (ev == NULL)
		return TEKG_ENOMEM;
	marks_clear(q);
	if (is_type(q, node, "event") && mark(q, node))
		ev[(*n)++] = node;
	for (j = q->off[node]; j < q->off[node + 1]; j++) {
		size_t e = q->adj[j], w = other(q, e, node);
		if (!is_type(q, w, "event") || !may_cross(q, e, node))
			continue;
		if (mark(q, w))
			ev[(*n)++] = w;
	}
	sort_q = q;
	qsort(ev, *n, sizeof *ev, by_date_then_label);
	return 0;
}

/* NAME's relations to event ev, joined with "、". */
static int roles_of(const qctx *q, size_t node, size_t ev, tekg_buf *out)
{
	size_t j;
	int rc = 0;

	tekg_buf_reset(out);
	for (j = q->off[node]; j < q->off[node + 1] && rc == 0; j++) {
		size_t e = q->adj[j];
		char r[256];
		if (other(q, e, node) != ev)
			continue;
		relation(q, e, r, sizeof r);
		if (out->len)
			rc = tekg_buf_puts(out, "、");
		if (rc == 0)
			rc = tekg_buf_puts(out, r);
	}
	return rc;
}

static int q_timeline(qctx *q, const char *name, out_format f)
{
	static const char *const head[] = {"date", "end", "event", "kind", "place", "relation",
	                                   "with"};
	table t = {7, head, NULL, NULL, NULL, 0, 0};
	tekg_buf place = {0}, with = {0}, role = {0};
	size_t node, *ev = NULL, n, k;
	int rc;

	if ((rc = resolve(q, name, NULL, &node)))
		return rc;
	if ((rc = adjacent_events(q, node, &ev, &n)))
		goto cleanup;
	for (k = 0; k < n && rc == 0; k++) {
		const char *end = nstr(q, ev[k], "end");
		if ((rc = joined_neighbours(q, ev[k], held_in, SIZE_MAX, NULL, &place)) ||
		    (rc = joined_neighbours(q, ev[k], participation, node, NULL, &with)) ||
		    (rc = roles_of(q, node, ev[k], &role)))
			break;
		rc = table_add(&t, event_date(q, ev[k]), *end ? end : event_date(q, ev[k]),
		               lab(q, ev[k]), nstr(q, ev[k], "kind"), buf_str(&place),
		               ev[k] == node ? "" : buf_str(&role), buf_str(&with));
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	tekg_buf_free(&place);
	tekg_buf_free(&with);
	tekg_buf_free(&role);
	tekg_free(ev);
	table_free(&t);
	return rc;
}

typedef struct who_row {
	const char *role, *label;
	size_t node, edge;
} who_row;

static int who_cmp(const void *a, const void *b)
{
	const who_row *x = a, *y = b;
	int c = strcmp(x->role, y->role);

	if (c)
		return c;
	if ((c = strcmp(x->label, y->label)))
		return c;
	return x->edge < y->edge ? -1 : x->edge > y->edge;
}

static int q_who(qctx *q, const char *name, out_format f)
{
	static const char *const head[] = {"role", "id", "name", "type", "title", "evidence"};
	table t = {6, head, NULL, NULL, NULL, 0, 0};
	size_t ev, j, n = 0, k;
	who_row *rows = NULL;
	int rc;

	if ((rc = resolve(q, name, "event", &ev)))
		return rc;
	rows = tekg_malloc((q->off[ev + 1] - q->off[ev] + 1) * sizeof *rows);
	if (rows == NULL)
		return TEKG_ENOMEM;
	for (j = q->off[ev]; j < q->off[ev + 1]; j++) {
		size_t e = q->adj[j];
		const char *et = estr(q, e, "type"), *role = tekg_network_edge_str(q->g, e, "role");
		if (strcmp(et, "participant") != 0 && strcmp(et, "organizer") != 0)
			continue;
		rows[n].role = strcmp(et, "organizer") == 0 ? "organizer"
		               : role && *role              ? role
		                                            : "participant";
		rows[n].node = other(q, e, ev);
		rows[n].label = lab(q, rows[n].node);
		rows[n].edge = e;
		n++;
	}
	qsort(rows, n, sizeof *rows, who_cmp);
	for (k = 0; k < n && rc == 0; k++)
		rc = table_add(&t, rows[k].role, tekg_graph_node_id(q->g, rows[k].node), rows[k].label,
		               typ(q, rows[k].node), nstr(q, rows[k].node, "title"),
		               estr(q, rows[k].edge, "evidence"));
	if (rc == 0)
		rc = table_print(&t, f);
	tekg_free(rows);
	table_free(&t);
	return rc;
}

static int q_met(qctx *q, const char *name, out_format f)
{
	static const char *const head[] = {"id", "person", "events", "shared events"};
	static const unsigned char num[] = {0, 0, 1, 0};
	table t = {4, head, num, NULL, NULL, 0, 0};
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), node, *ev = NULL, n, k, j, np = 0;
	size_t *cnt = NULL, *persons = NULL;
	double *key = NULL;
	tekg_buf *lists = NULL;
	int rc;

	if ((rc = resolve(q, name, NULL, &node)))
		return rc;
	cnt = tekg_calloc(nn + 1, sizeof *cnt);
	key = tekg_calloc(nn + 1, sizeof *key);
	persons = tekg_malloc((nn + 1) * sizeof *persons);
	lists = tekg_calloc(nn + 1, sizeof *lists);
	ev = tekg_malloc((q->off[node + 1] - q->off[node] + 2) * sizeof *ev);
	if (!cnt || !key || !persons || !lists || !ev) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	/* the events NAME took part in (participant or organizer), by date */
	n = 0;
	marks_clear(q);
	if (is_type(q, node, "event") && mark(q, node))
		ev[n++] = node;
	for (j = q->off[node]; j < q->off[node + 1]; j++) {
		size_t e = q->adj[j], w = other(q, e, node);
		const char *et = estr(q, e, "type");
		if (is_type(q, w, "event") && (!strcmp(et, "participant") || !strcmp(et, "organizer")) &&
		    mark(q, w))
			ev[n++] = w;
	}
	sort_q = q;
	qsort(ev, n, sizeof *ev, by_date_then_label);
	for (k = 0; k < n && rc == 0; k++) {
		marks_clear(q); /* one count per (person, event) */
		for (j = q->off[ev[k]]; j < q->off[ev[k] + 1] && rc == 0; j++) {
			size_t e = q->adj[j], w = other(q, e, ev[k]);
			const char *et = estr(q, e, "type");
			if (w == node || !is_type(q, w, "person") ||
			    (strcmp(et, "participant") && strcmp(et, "organizer")) || !mark(q, w))
				continue;
			if (cnt[w] == 0)
				persons[np++] = w;
			if (cnt[w]++)
				rc = tekg_buf_puts(&lists[w], "、");
			if (rc == 0)
				rc = tekg_buf_puts(&lists[w], lab(q, ev[k]));
		}
	}
	for (k = 0; k < np; k++)
		key[persons[k]] = (double)cnt[persons[k]];
	sort_q = q;
	sort_key = key;
	qsort(persons, np, sizeof *persons, by_key_then_label);
	sort_key = NULL;
	for (k = 0; k < np && rc == 0; k++) {
		char c[32];
		snprintf(c, sizeof c, "%zu", cnt[persons[k]]);
		rc = table_add(&t, tekg_graph_node_id(q->g, persons[k]), lab(q, persons[k]), c,
		               buf_str(&lists[persons[k]]));
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	if (lists)
		for (k = 0; k < nn; k++)
			tekg_buf_free(&lists[k]);
	tekg_free(lists);
	tekg_free(cnt);
	tekg_free(key);
	tekg_free(persons);
	tekg_free(ev);
	table_free(&t);
	return rc;
}

static double node_num(const tekg_graph *g, const char *attr, size_t i, int *has)
{
	size_t c = tekg_graph_attr_find(g, TEKG_NODE, attr);
	tekg_attr_value v;

	*has = 0;
	if (c == (size_t)-1 || !tekg_graph_attr_get(g, TEKG_NODE, c, i, &v))
		return 0;
	*has = 1;
	return v.type == TEKG_ATTR_DOUBLE ? v.d : (double)v.i;
}

static int q_top(qctx *q, const char *by, long limit, out_format f)
{
	static const char *const head[] = {"rank", "id", "label", "type", "value"};
	static const unsigned char num[] = {1, 0, 0, 0, 1};
	table t = {5, head, num, NULL, NULL, 0, 0};
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), n = 0, k, *rows = NULL;
	double *key = NULL;
	tekg_network_opts o = *q->o;
	tekg_error err = {0};
	const char *attr;
	int rc;

	if (!strcmp(by, "pagerank")) {
		o.measures = TEKG_NET_PAGERANK;
		attr = "pagerank";
	} else if (!strcmp(by, "betweenness")) {
		o.measures = TEKG_NET_BETWEENNESS;
		attr = "betweenness";
	} else {
		o.measures = TEKG_NET_DEGREE;
		attr = "degree";
	}
	if ((rc = tekg_network_measures(q->g, &o, &err))) {
		cli_err(NULL, "query: %s", err.msg);
		return rc;
	}
	rows = tekg_malloc((nn + 1) * sizeof *rows);
	key = tekg_malloc((nn + 1) * sizeof *key);
	if (!rows || !key) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (k = 0; k < nn; k++) {
		int has;
		key[k] = node_num(q->g, attr, k, &has);
		if (has && type_wanted(q, k))
			rows[n++] = k;
	}
	sort_q = q;
	sort_key = key;
	qsort(rows, n, sizeof *rows, by_key_then_label);
	sort_key = NULL;
	for (k = 0; k < n && (long)k < limit && rc == 0; k++) {
		char r[32], v[64];
		snprintf(r, sizeof r, "%zu", k + 1);
		/* rounded in text tables only */
		if (!strcmp(attr, "degree"))
			snprintf(v, sizeof v, "%.0f", key[rows[k]]);
		else
			fmt_number(v, sizeof v, key[rows[k]], f,
			           !strcmp(attr, "pagerank") ? 6 : 2);
		rc = table_add(&t, r, tekg_graph_node_id(q->g, rows[k]), lab(q, rows[k]),
		               typ(q, rows[k]), v);
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	tekg_free(rows);
	tekg_free(key);
	table_free(&t);
	return rc;
}

#define TOP_MEMBERS 5

static int q_communities(qctx *q, out_format f)
{
	static const char *const head[] = {"community", "size", "top members"};
	static const unsigned char num[] = {1, 1, 0};
	table t = {3, head, num, NULL, NULL, 0, 0};
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), n = 0, k, *rows = NULL;
	double *key = NULL;
	tekg_network_opts o = *q->o;
	tekg_error err = {0};
	tekg_buf members = {0};
	int rc;

	o.measures = TEKG_NET_PAGERANK | TEKG_NET_COMMUNITY;
	if ((rc = tekg_network_measures(q->g, &o, &err))) {
		cli_err(NULL, "query: %s", err.msg);
		return rc;
	}
	rows = tekg_malloc((nn + 1) * sizeof *rows);
	key = tekg_malloc((nn + 1) * sizeof *key);
	if (!rows || !key) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (k = 0; k < nn; k++) {
		int has;
		key[k] = node_num(q->g, "pagerank", k, &has);
		if (has)
			rows[n++] = k;
	}
	sort_q = q;
	sort_key = key;
	qsort(rows, n, sizeof *rows, by_key_then_label);
	sort_key = NULL;
	/* communities are numbered 0.. by decreasing size */
	for (k = 0; rc == 0; k++) {
		size_t size = 0, shown = 0, r;
		char c[32], s[32];
		int has;
		tekg_buf_reset(&members);
		for (r = 0; r < n; r++) {
			if ((size_t)node_num(q->g, "community", rows[r], &has) != k || !has)
				continue;
			size++;
			if (shown < TOP_MEMBERS) {
				if (shown++)
					rc |= tekg_buf_puts(&members, "、");
				rc |= tekg_buf_puts(&members, lab(q, rows[r]));
			}
		}
		if (size == 0)
			break;
		snprintf(c, sizeof c, "%zu", k);
		snprintf(s, sizeof s, "%zu", size);
		if (rc == 0)
			rc = table_add(&t, c, s, buf_str(&members));
	}
	if (rc == 0)
		rc = table_print(&t, f);
cleanup:
	tekg_buf_free(&members);
	tekg_free(rows);
	tekg_free(key);
	table_free(&t);
	return rc;
}

/* First edge of type `et` between a and b (either direction), or SIZE_MAX. */
static size_t edge_between(const qctx *q, size_t a, size_t b, const char *et)
{
	size_t j;

	for (j = q->off[a]; j < q->off[a + 1]; j++)
		if (other(q, q->adj[j], a) == b && (!et || !strcmp(estr(q, q->adj[j], "type"), et)))
			return q->adj[j];
	return SIZE_MAX;
}

static int q_cooccur(qctx *q, const char *a, const char *b, out_format f)
{
	static const char *const head[] = {"kind", "id", "item", "date", "evidence", "doc"};
	table t = {6, head, NULL, NULL, NULL, 0, 0};
	size_t na, nb, j, e, n = 0, *items = NULL, *first = NULL;
	int rc;

	if ((rc = resolve(q, a, NULL, &na)) || (rc = resolve(q, b, NULL, &nb)))
		return rc;
	items = tekg_malloc((q->off[na + 1] - q->off[na] + 1) * sizeof *items);
	first = tekg_malloc((tekg_graph_count(q->g, TEKG_NODE) + 1) * sizeof *first);
	if (items == NULL || first == NULL) {
		tekg_free(items);
		tekg_free(first);
		return TEKG_ENOMEM;
	}
	/* the same sentence */
	if ((e = edge_between(q, na, nb, "co_occurs")) != SIZE_MAX) {
		char w[64];
		snprintf(w, sizeof w, "co_occurs (sentences: %g)", tekg_network_edge_weight(q->g, e));
		rc = table_add(&t, "sentence", "", w, estr(q, e, "first_seen"), estr(q, e, "evidence"),
		               estr(q, e, "evidence_doc"));
	}
	/* shared events, then shared documents, each by date */
	{
		static const char *const kinds[] = {"event", "document"};
		size_t kk;
		for (kk = 0; kk < 2 && rc == 0; kk++) {
			size_t k;
			n = 0;
			marks_clear(q); /* B's neighbours of this kind */
			for (j = q->off[nb]; j < q->off[nb + 1]; j++) {
				size_t w = other(q, q->adj[j], nb);
				if (is_type(q, w, kinds[kk]))
					mark(q, w);
			}
			for (j = q->off[na]; j < q->off[na + 1]; j++) {
				size_t w = other(q, q->adj[j], na);
				if (!is_type(q, w, kinds[kk]) || !marked(q, w))
					continue;
				q->stamp[w] = 0; /* taken: once per item */
				first[w] = q->adj[j];
				items[n++] = w;
			}
			sort_q = q;
			qsort(items, n, sizeof *items, by_date_then_label);
			for (k = 0; k < n && rc == 0; k++) {
				size_t ea = first[items[k]];
				rc = table_add(&t, kinds[kk], tekg_graph_node_id(q->g, items[k]),
				               lab(q, items[k]), event_date(q, items[k]),
				               estr(q, ea, "evidence"), estr(q, ea, "evidence_doc"));
			}
		}
	}
	if (rc == 0)
		rc = table_print(&t, f);
	tekg_free(first);
	tekg_free(items);
	table_free(&t);
	return rc;
}

static int q_list(qctx *q, const char *what, out_format f)
{
	static const char *const ehead[] = {"id", "start", "end", "event", "kind", "place",
	                                    "participants"};
	static const unsigned char enumc[] = {0, 0, 0, 0, 0, 0, 1};
	static const char *const dhead[] = {"id", "date", "title", "entities", "source"};
	static const unsigned char dnum[] = {0, 0, 0, 1, 0};
	int events = !strcmp(what, "events");
	table t = {events ? 7 : 5, events ? ehead : dhead, events ? enumc : dnum, NULL, NULL, 0, 0};
	size_t nn = tekg_graph_count(q->g, TEKG_NODE), n = 0, k, *rows = NULL;
	tekg_buf place = {0};
	int rc = 0;

	if ((rows = tekg_malloc((nn + 1) * sizeof *rows)) == NULL)
		return TEKG_ENOMEM;
	for (k = 0; k < nn; k++)
		if (is_type(q, k, events ? "event" : "document"))
			rows[n++] = k;
	sort_q = q;
	qsort(rows, n, sizeof *rows, events ? by_date_then_label : by_date_then_id);
	for (k = 0; k < n && rc == 0; k++) {
		size_t i = rows[k], j, cnt = 0;
		char c[32];
		/* distinct neighbours: one person with two roles counts once */
		marks_clear(q);
		for (j = q->off[i]; j < q->off[i + 1]; j++) {
			const char *et = estr(q, q->adj[j], "type");
			if ((events ? (!strcmp(et, "participant") || !strcmp(et, "organizer"))
			            : !strcmp(et, "mentions")) &&
			    mark(q, other(q, q->adj[j], i)))
				cnt++;
		}
		snprintf(c, sizeof c, "%zu", cnt);
		if (events) {
			const char *end = nstr(q, i, "end");
			if ((rc = joined_neighbours(q, i, held_in, SIZE_MAX, NULL, &place)))
				break;
			rc = table_add(&t, tekg_graph_node_id(q->g, i), event_date(q, i),
			               *end ? end : event_date(q, i), lab(q, i), nstr(q, i, "kind"),
			               buf_str(&place), c);
		} else {
			rc = table_add(&t, tekg_graph_node_id(q->g, i), nstr(q, i, "date"), lab(q, i), c,
			               nstr(q, i, "source"));
		}
	}
	if (rc == 0)
		rc = table_print(&t, f);
	tekg_buf_free(&place);
	tekg_free(rows);
	table_free(&t);
	return rc;
}

/* query sql: rows arrive one by one; the table takes its columns from the
 * first row. */
typedef struct sql_ctx {
	table t;
	char **head;
	unsigned char *num;
	int nulls;                 /* SQL NULL as JSON null (else "") */
	int rc;
} sql_ctx;

/* Numbers as JSON numbers, NULL as null (with c->nulls) or "": the cell
 * kinds follow SQLite's storage classes. */
static int sql_row(int ncol, const char *const *names, const char *const *values,
                   const tekg_sql_type *types, void *ud)
{
	sql_ctx *c = ud;
	size_t k;

	if (c->head == NULL) {
		c->head = tekg_calloc((size_t)ncol + 1, sizeof *c->head);
		c->num = tekg_calloc((size_t)ncol + 1, 1);
		if (!c->head || !c->num)
			return c->rc = TEKG_ENOMEM;
		for (k = 0; k < (size_t)ncol; k++)
			if ((c->head[k] = tekg_strdup(names[k] ? names[k] : "")) == NULL)
				return c->rc = TEKG_ENOMEM;
		c->t.ncol = (size_t)ncol;
		c->t.head = (const char *const *)c->head;
	}
	if (c->t.nrows == c->t.cap) {
		size_t ncap = c->t.cap ? 2 * c->t.cap : 16;
		char **nc = tekg_realloc(c->t.cells, ncap * c->t.ncol * sizeof *nc);
		unsigned char *nk;
		if (nc == NULL)
			return c->rc = TEKG_ENOMEM;
		c->t.cells = nc;
		if ((nk = tekg_realloc(c->t.kinds, ncap * c->t.ncol + 1)) == NULL)
			return c->rc = TEKG_ENOMEM;
		c->t.kinds = nk;
		c->t.cap = ncap;
	}
	for (k = 0; k < c->t.ncol; k++) {
		char *v = tekg_strdup(values[k] ? values[k] : "");
		size_t at = c->t.nrows * c->t.ncol + k;
		if (v == NULL)
			c->rc = TEKG_ENOMEM;
		c->t.cells[at] = v;
		c->t.kinds[at] = types[k] == TEKG_SQL_INTEGER || types[k] == TEKG_SQL_REAL ? CELL_NUMBER
		                 : types[k] == TEKG_SQL_NULL && c->nulls            ? CELL_NULL
		                                                                    : CELL_TEXT;
	}
	c->t.nrows++;
	return c->rc;
}

/* Run sql and print its rows; nulls: SQL NULL as JSON null (`query sql`),
 * else as "" (topics, whose text columns stay strings). */
static int q_sql(tekg_store *s, const char *sql, int nulls, out_format f)
{
	sql_ctx c;
	tekg_error err = {0};
	size_t k;
	int rc;

	memset(&c, 0, sizeof c);
	c.nulls = nulls;
	rc = tekg_store_query_readonly_typed(s, sql, sql_row, &c, &err);
	if (rc && rc != c.rc) {
		cli_err(NULL, "query: %s", err.msg);
		goto cleanup;
	}
	if (rc == 0 && c.head)
		rc = table_print(&c.t, f);
	else if (rc == 0 && f == OUT_JSON)
		fputs("[]\n", stdout);
cleanup:
	table_free(&c.t);
	if (c.head)
		for (k = 0; k < c.t.ncol; k++)
			tekg_free(c.head[k]);
	tekg_free(c.head);
	tekg_free(c.num);
	return rc;
}

/* ---- the command ------------------------------------------------------------- */

/* The edge types of the graph contract, and the projection's. */
static const char *const relations[] = {
	"mentions", "held_in", "held_on", "participant", "organizer", "affiliated_with",
	"located_in", "part_of", "about", "co_occurs", "shared_event",
};
#define RELATIONS                                                                     \
	"mentions, held_in, held_on, participant, organizer, affiliated_with, "       \
	"located_in, part_of, about, co_occurs, shared_event"

static void usage(FILE *out)
{
	fputs("Usage: tekg query [--db FILE] [--json|--csv] [FILTER]... SUBCOMMAND [ARG]...\n"
	      "Research queries on the network of the database.\n\n"
	      "Subcommands:\n"
	      "  neighbors NAME [--type T] [--rel R]  nodes linked to NAME, heaviest first\n"
	      "  path A B                  shortest path, with relation and evidence per hop\n"
	      "  ego NAME [--depth N] [-o FILE]  write NAME's ego network (GraphML)\n"
	      "  timeline NAME             events involving NAME by date, place, co-participants\n"
	      "  who EVENT                 participants of EVENT by role\n"
	      "  met NAME                  persons who shared an event with NAME\n"
	      "  top [--by pagerank|betweenness|degree] [--type T] [-n N]  ranking\n"
	      "  communities               Leiden communities: size and top members\n"
	      "  cooccur A B               shared sentences, events and documents of A and B\n"
	      "  events                    events with dates and places\n"
	      "  documents                 documents with dates\n"
	      "  sql 'SELECT ...'          one read-only SQL statement\n"
	      "  topics                    topics with keywords, documents and events\n"
	      "  topic NAME                one topic's documents, events and actors\n\n"
	      "Options:\n"
	      "  -d, --db FILE        the database (default tekg.db)\n"
	      "      --json           output a JSON array of objects\n"
	      "      --csv            output CSV (RFC 4180)\n"
	      "      --rel R          neighbors: only relation R: mentions, held_in, held_on,\n"
	      "                       participant, organizer, affiliated_with, located_in,\n"
	      "                       part_of, about, co_occurs, shared_event\n"
	      "      --by M           top: pagerank (default), betweenness or degree\n"
	      "  -n, --limit N        top: rows (default 10)\n"
	      "  -o, --output FILE    ego: the file to write (default: standard output)\n"
	      "  -h, --help           show this help and exit\n\n"
	      "Filters (as for tekg export):\n" CLI_NETWORK_HELP
	      "\nNAME is a label or alias in either script, or an export id (n12, d3).\n"
	      "Walks ignore edge direction unless --directed.  With neighbors and top,\n"
	      "--type selects the rows instead of filtering the graph.\n\n"
	      "Exit status: 0 ok, 1 unknown or ambiguous name (candidates listed) or no path,\n"
	      "2 usage error, 3 database or internal error.\n",
	      out);
}

enum { OPT_JSON = 0x2000, OPT_CSV, OPT_REL, OPT_BY };

static const struct {
	const char *name;
	int nargs;
} subcommands[] = {
	{"neighbors", 1}, {"path", 2}, {"ego", 1},         {"timeline", 1},
	{"who", 1},       {"met", 1},  {"top", 0},         {"communities", 0},
	{"cooccur", 2},   {"events", 0}, {"documents", 0}, {"sql", 1},
	{"topics", 0},    {"topic", 1}, /* src/cli/query_topics.c */
};

int cmd_query(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, OPT_JSON},
		{"csv", no_argument, NULL, OPT_CSV},
		{"rel", required_argument, NULL, OPT_REL},
		{"by", required_argument, NULL, OPT_BY},
		{"limit", required_argument, NULL, 'n'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		CLI_NETWORK_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const char *db = "tekg.db", *rel = NULL, *by = "pagerank", *output = "-", *sub;
	char *pos[4];
	size_t npos = 0, k;
	long limit = 10;
	out_format f = OUT_TEXT;
	tekg_network_opts net;
	tekg_store *store = NULL;
	tekg_graph *full = NULL;
	tekg_error err = {0};
	qctx q;
	int c, rc = 0, status = EXIT_OK;

	memset(&net, 0, sizeof net);
	memset(&q, 0, sizeof q);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "-d:n:o:h", opts, NULL)) != -1) {
		int r = cli_network_opt(&net, c, optarg, "query");
		if (r < 0)
			return EXIT_USAGE;
		if (r > 0)
			continue;
		switch (c) {
		case 1:
			if (npos == sizeof pos / sizeof pos[0])
				return cli_usage("query", "too many arguments");
			pos[npos++] = optarg;
			break;
		case 'd': db = optarg; break;
		case OPT_JSON: f = OUT_JSON; break;
		case OPT_CSV: f = OUT_CSV; break;
		case OPT_REL:
			for (k = 0; k < sizeof relations / sizeof relations[0]; k++)
				if (!strcmp(optarg, relations[k]))
					break;
			if (k == sizeof relations / sizeof relations[0])
				return cli_usage("query", "--rel: unknown relation '%s' (" RELATIONS ")",
				                 optarg);
			rel = optarg;
			break;
		case OPT_BY:
			if (strcmp(optarg, "pagerank") && strcmp(optarg, "betweenness") &&
			    strcmp(optarg, "degree"))
				return cli_usage("query", "--by: expected pagerank, betweenness or degree, got '%s'",
				                 optarg);
			by = optarg;
			break;
		case 'n': {
			char *end;
			errno = 0;
			limit = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || limit < 1)
				return cli_usage("query", "-n: expected a positive number, got '%s'", optarg);
			break;
		}
		case 'o': output = optarg; break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (optopt && optopt < 0x1000)
				return cli_usage("query", "invalid option or missing argument: -%c", optopt);
			return cli_usage("query", "invalid option or missing argument '%s'",
			                 argv[optind - 1]);
		}
	}
	while (optind < argc && npos < sizeof pos / sizeof pos[0])
		pos[npos++] = argv[optind++];
	if (optind < argc)
		return cli_usage("query", "too many arguments");
	if (npos == 0)
		return cli_usage("query", "missing subcommand");
	sub = pos[0];
	for (k = 0; k < sizeof subcommands / sizeof subcommands[0]; k++)
		if (!strcmp(sub, subcommands[k].name))
			break;
	if (k == sizeof subcommands / sizeof subcommands[0])
		return cli_usage("query", "unknown subcommand '%s'", sub);
	if (npos - 1 != (size_t)subcommands[k].nargs)
		return cli_usage("query", "%s: expected %d argument%s, got %zu", sub,
		                 subcommands[k].nargs, subcommands[k].nargs == 1 ? "" : "s",
		                 npos - 1);
	if (cli_network_check(&net, "query", !strcmp(sub, "ego")) < 0)
		return EXIT_USAGE;

	if ((rc = tekg_store_open(&store, db, TEKG_STORE_READONLY | TEKG_STORE_NOCREATE, &err))) {
		cli_err(NULL, "query: %s", err.msg);
		return EXIT_INTERNAL;
	}
	if (!strcmp(sub, "sql")) {
		rc = q_sql(store, pos[1], 1, f);
		status = rc == 0 ? EXIT_OK : rc == TEKG_EINVAL ? EXIT_USAGE : EXIT_INTERNAL;
		goto cleanup;
	}
	if (!strcmp(sub, "topics") || !strcmp(sub, "topic")) { /* src/cli/query_topics.c */
		char *tsql = NULL;
		if ((rc = cli_topics_sql(store, sub, npos > 1 ? pos[1] : NULL, &tsql)) == 0)
			rc = q_sql(store, tsql, 0, f);
		tekg_free(tsql);
		status = rc == 0 ? EXIT_OK : rc == TEKG_ENOTFOUND || rc == TEKG_EAMBIGUOUS ? EXIT_INPUT
		                                                                           : EXIT_INTERNAL;
		goto cleanup;
	}
	if ((rc = tekg_graph_from_store(&full, store, NULL, &err))) {
		cli_err(db, "%s", err.msg);
		status = EXIT_INTERNAL;
		goto cleanup;
	}
	/* neighbors and top: --type selects rows, the graph stays whole */
	if (!strcmp(sub, "neighbors") || !strcmp(sub, "top")) {
		memcpy(q.types, net.types, sizeof q.types);
		q.n_types = net.n_types;
		net.n_types = 0;
	}
	q.o = &net;
	{
		tekg_network_opts fo = net;
		tekg_graph *tmp = NULL;
		if (!strcmp(sub, "ego"))
			fo.ego = NULL; /* q_ego applies it */
		if (!tekg_network_filters_active(&fo) && fo.projection == TEKG_PROJ_NONE) {
			tmp = full; /* nothing to drop: no copy */
			full = NULL;
		} else if ((rc = tekg_network_apply(&tmp, full, &fo, &err))) {
			/* window and topic, projection, then types, weight, ego */
			cli_err(NULL, "query: %s", err.msg);
			status = cli_exit_for(rc);
			goto cleanup;
		}
		q.g = tmp;
	}
	if (build_adjacency(&q)) {
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	if (!strcmp(sub, "neighbors"))
		rc = q_neighbors(&q, pos[1], rel, f);
	else if (!strcmp(sub, "path"))
		rc = q_path(&q, pos[1], pos[2], f);
	else if (!strcmp(sub, "ego"))
		rc = q_ego(&q, pos[1], output, f);
	else if (!strcmp(sub, "timeline"))
		rc = q_timeline(&q, pos[1], f);
	else if (!strcmp(sub, "who"))
		rc = q_who(&q, pos[1], f);
	else if (!strcmp(sub, "met"))
		rc = q_met(&q, pos[1], f);
	else if (!strcmp(sub, "top"))
		rc = q_top(&q, by, limit, f);
	else if (!strcmp(sub, "communities"))
		rc = q_communities(&q, f);
	else if (!strcmp(sub, "cooccur"))
		rc = q_cooccur(&q, pos[1], pos[2], f);
	else
		rc = q_list(&q, sub, f);
	if (rc == TEKG_ENOTFOUND || rc == TEKG_EAMBIGUOUS)
		status = EXIT_INPUT;
	else if (rc == TEKG_ENOMEM) {
		cli_err(NULL, "query: out of memory");
		status = EXIT_INTERNAL;
	} else if (rc)
		status = EXIT_INTERNAL;
cleanup:
	if (rc == TEKG_ENOMEM && status == EXIT_OK) {
		cli_err(NULL, "query: out of memory");
		status = EXIT_INTERNAL;
	}
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		cli_err(NULL, "query: writing the output failed");
		status = EXIT_INTERNAL;
	}
	tekg_free(q.off);
	tekg_free(q.stamp);
	tekg_free(q.adj);
	tekg_graph_free(q.g);
	tekg_graph_free(full);
	tekg_store_close(store);
	return status;
}
