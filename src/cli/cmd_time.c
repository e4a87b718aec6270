/*
 * cmd_time.c - `tekg time`: find and normalise the time expressions of each
 * input line (see tekg/time.h and docs/time.md).
 *
 * The whole input is read first: without --date the anchor is inferred once
 * from the input as a whole (its header date line, dateline or explicit
 * dates), then every line is normalised against it.  The input is raw text
 * in either script.
 */
#include "cli/cli.h"
#include "tekg/time.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define INPUT_MAX ((size_t)256 << 20) /* 256 MiB */

static void usage(FILE *out)
{
	fputs("Usage: tekg time [OPTION]... [FILE|-]\n"
	      "Find time expressions in Chinese text (simplified or traditional) and\n"
	      "normalise them to ISO 8601 (2025, 2025-12, 2025-12-11), one report per\n"
	      "input line.  FILE defaults to standard input.\n\n"
	      "  -d, --date YYYY-MM-DD  the document date that anchors relative and partial\n"
	      "                         expressions (default: inferred from the input's own\n"
	      "                         header date, dateline or explicit dates)\n"
	      "  -j, --json             one JSON object per input line:\n"
	      "                         {\"line\": N, \"times\": [{\"text\", \"start\", \"end\"}]}\n"
	      "  -v, --verbose          report the anchor used on standard error\n"
	      "  -h, --help             show this help and exit\n\n"
	      "Default output: one line per expression,\n"
	      "LINE<TAB>TEXT<TAB>START<TAB>END<TAB>FLAGS (FLAGS comma-separated or -).\n"
	      "Invalid UTF-8 stops the reading: the lines before it are reported, then\n"
	      "the line and byte offset of the error.\n"
	      "Exit status: 0 ok, 1 unreadable file or invalid UTF-8, 2 usage error,\n"
	      "3 internal error.\n", out);
}

/* Read all of f into a NUL-terminated buffer; 0 or an errno-like failure
 * reported by the caller (-1 read error, -2 too large, -3 no memory). */
static int read_all(FILE *f, char **out, size_t *len)
{
	tekg_buf b;
	char chunk[65536];
	size_t n;

	tekg_buf_init(&b, INPUT_MAX);
	*out = NULL;
	*len = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		int rc = tekg_buf_append(&b, chunk, n);
		if (rc) {
			tekg_buf_free(&b);
			return rc == TEKG_ELIMIT ? -2 : -3;
		}
	}
	if (ferror(f)) {
		tekg_buf_free(&b);
		return -1;
	}
	*out = tekg_buf_detach(&b, len);
	return *out ? 0 : -3;
}

static void json_string(FILE *out, const char *s, size_t len)
{
	size_t i;

	fputc('"', out);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static void print_flags(FILE *out, unsigned f)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{TEKG_TIMEX_RELATIVE, "relative"}, {TEKG_TIMEX_RANGE, "range"},
		{TEKG_TIMEX_SINCE, "since"}, {TEKG_TIMEX_PLAN, "plan"},
		{TEKG_TIMEX_INFERRED_YEAR, "inferred-year"}, {TEKG_TIMEX_PERIOD, "period"},
		{TEKG_TIMEX_WEEKDAY, "weekday"}, {TEKG_TIMEX_APPROX, "approx"},
		{TEKG_TIMEX_TIME_OF_DAY, "time-of-day"},
	};
	size_t i;
	int any = 0;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit) {
			fprintf(out, "%s%s", any ? "," : "", names[i].name);
			any = 1;
		}
	if (!any)
		fputc('-', out);
}

/* Move the cursor (*pos chars = *byte bytes into s) forward to char `to`
 * and return its byte offset (len when past the end).  `to` must not be
 * before *pos. */
static size_t advance(const char *s, size_t len, size_t *pos, size_t *byte, size_t to)
{
	size_t b = *byte, c = *pos;

	while (c < to && b < len) {
		b++;
		while (b < len && ((unsigned char)s[b] & 0xC0) == 0x80)
			b++;
		c++;
	}
	*pos = c;
	*byte = b;
	return b;
}

/* Print the expressions of one line.  Returns 0 or a library code. */
static int do_line(const char *s, size_t len, size_t lineno, const char *anchor, int json,
                   tekg_error *err)
{
	tekg_timex *tx = NULL;
	size_t n = 0, i, pos = 0, byte = 0;
	int rc = tekg_time_find(s, len, anchor, &tx, &n, err);

	if (rc)
		return rc;
	if (json)
		printf("{\"line\": %zu, \"times\": [", lineno);
	for (i = 0; i < n; i++) {
		/* The expressions come in text order without overlap: the byte
		 * offsets advance from the previous end, never from the line
		 * start (linear in the line, however many expressions). */
		size_t b0 = advance(s, len, &pos, &byte, tx[i].start);
		size_t b1 = advance(s, len, &pos, &byte, tx[i].end);
		if (json) {
			fputs(i ? ", {\"text\": " : "{\"text\": ", stdout);
			json_string(stdout, s + b0, b1 - b0);
			printf(", \"start\": \"%s\", \"end\": \"%s\"}", tx[i].iso_start, tx[i].iso_end);
		} else {
			printf("%zu\t%.*s\t%s\t%s\t", lineno, (int)(b1 - b0), s + b0, tx[i].iso_start,
			       tx[i].iso_end);
			print_flags(stdout, tx[i].flags);
			putchar('\n');
		}
	}
	if (json)
		puts("]}");
	tekg_free(tx);
	return 0;
}

int cmd_time(int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *date = NULL, *path = "-", *name;
	char anchor[11] = "", *data = NULL;
	tekg_error err = {0};
	FILE *f = NULL;
	size_t len = 0, p = 0, lineno = 0, bad = 0, skip = 0, end = 0, bad_line = 0;
	int json = 0, verbose = 0, c, status = EXIT_OK, rc, inferred = 0, rerr;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:jvh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			date = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (optopt)
				return cli_usage("time", "invalid option or missing argument: -%c", optopt);
			return cli_usage("time", "invalid option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage("time", "too many arguments (one FILE at most)");
	if (optind < argc)
		path = argv[optind];
	if (date && tekg_time_parse_date(date, NULL, NULL, NULL, &err) < 0)
		return cli_usage("time", "--date: %s", err.msg);
	name = strcmp(path, "-") ? path : "stdin";

	f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		cli_err(path, "%s", strerror(errno));
		return EXIT_INPUT;
	}
	{
		struct stat st;
		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
			if (f != stdin)
				fclose(f);
			cli_err(name, "is a directory");
			return EXIT_INPUT;
		}
	}
	errno = 0;
	rc = read_all(f, &data, &len);
	rerr = errno;
	if (f != stdin)
		fclose(f);
	if (rc) {
		if (rc == -3)
			cli_err(NULL, "out of memory");
		else if (rc == -2)
			cli_err(name, "input larger than 256 MiB");
		else
			cli_err(name, "read error: %s", strerror(rerr ? rerr : EIO));
		status = rc == -3 ? EXIT_INTERNAL : EXIT_INPUT;
		goto cleanup;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		skip = 3; /* a BOM */
	/* Invalid UTF-8: the lines before the bad one are still read (and give
	 * the anchor); the error names the line and the byte after them. */
	end = len;
	if (!tekg_utf8_valid(data + skip, len - skip, &bad)) {
		size_t k;
		bad += skip;
		for (end = bad; end > skip && data[end - 1] != '\n'; end--)
			;
		for (k = skip; k < end; k++)
			if (data[k] == '\n')
				bad_line++;
		bad_line++;
	}
	if (date) {
		memcpy(anchor, date, 11);
	} else if ((rc = tekg_time_infer_anchor(data + skip, end - skip, NULL, anchor, &inferred,
	                                        &err)) < 0) {
		cli_err(name, "%s", err.msg);
		status = cli_exit_for(rc);
		goto cleanup;
	}
	if (verbose)
		cli_err(name, "anchor %s%s", anchor[0] ? anchor : "none",
		        !date && anchor[0] && inferred ? " (inferred)" : "");
	p = skip;
	while (p < end) {
		const char *nl = memchr(data + p, '\n', end - p);
		size_t e = nl ? (size_t)(nl - data) : end, l = e - p;

		if (l > 0 && data[p + l - 1] == '\r')
			l--;
		lineno++;
		if ((rc = do_line(data + p, l, lineno, anchor[0] ? anchor : NULL, json, &err)) < 0) {
			cli_err(name, "line %zu: %s", lineno, err.msg);
			status = cli_exit_for(rc);
			goto cleanup;
		}
		p = nl ? e + 1 : end;
	}
	if (bad_line) {
		fflush(stdout);
		cli_err(name, "line %zu: invalid UTF-8 at byte offset %zu", bad_line, bad);
		status = EXIT_INPUT;
	}
	if (fflush(stdout) != 0) {
		cli_err(NULL, "write error: %s", strerror(errno));
		status = EXIT_INTERNAL;
	}
cleanup:
	tekg_free(data);
	return status;
}
