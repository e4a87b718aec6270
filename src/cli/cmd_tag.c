/*
 * cmd_tag.c - `tekg tag`: run the LAC tagger on text, one line at a time.
 *
 * Each input line is one sequence (lines over TEKG_TAGGER_MAX_LEN characters
 * are split by the library); one output line per input line.  Lines are
 * read in blocks of about 1 MiB and tagged together so that the library can
 * batch and thread over them; output order is input order.
 */
#include "cli/cli.h"
#include "tekg/tagger.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK_BYTES ((size_t)1 << 20) /* tag this much text per batch call */

static void usage(FILE *out)
{
	fputs("Usage: tekg tag [OPTION]... [FILE|-]\n"
	      "Segment and tag Chinese text with the LAC-small model (words, parts of\n"
	      "speech, PER/LOC/ORG/TIME).  One output line per input line.\n\n"
	      "  -m, --model DIR  model directory (default: $TEKG_MODEL_DIR, else\n"
	      "                   /usr/lib/python3/dist-packages/jieba/lac_small)\n"
	      "  -j, --jobs N     worker threads (default: number of CPUs)\n"
	      "      --bio        CHAR<TAB>TAG per character (O, B-/I-PER, LOC, ORG),\n"
	      "                   a blank line after each input line\n"
	      "  -h, --help       show this help and exit\n\n"
	      "Default output: WORD/TYPE tokens separated by one space.\n"
	      "Exit status: 0 ok, 1 unreadable file or invalid UTF-8, 2 usage error,\n"
	      "3 model missing or internal error.\n", out);
}

typedef struct line {
	const char *s;
	size_t len;
} line;

/* BIO entity class of a token type: "PER", "LOC", "ORG" or NULL. */
static const char *bio_class(const char *type)
{
	if (!strcmp(type, "PER") || !strcmp(type, "nr"))
		return "PER";
	if (!strcmp(type, "LOC") || !strcmp(type, "ns"))
		return "LOC";
	if (!strcmp(type, "ORG") || !strcmp(type, "nt"))
		return "ORG";
	return NULL;
}

static void print_line(FILE *out, const char *s, size_t len, const tekg_tag_result *r, int bio)
{
	size_t i, pos = 0, ch = 0;

	for (i = 0; i < r->n; i++) {
		const tekg_token *tk = &r->tokens[i];
		const char *cls = bio ? bio_class(tk->type) : NULL;
		size_t b0 = pos;

		while (ch < tk->end && pos < len) {
			uint32_t cp;
			size_t nb = tekg_utf8_decode(s + pos, len - pos, &cp);

			if (bio) {
				fwrite(s + pos, 1, nb, out);
				if (cls)
					fprintf(out, "\t%s-%s\n", ch == tk->start ? "B" : "I", cls);
				else
					fputs("\tO\n", out);
			}
			pos += nb;
			ch++;
		}
		if (!bio) {
			if (i)
				fputc(' ', out);
			fwrite(s + b0, 1, pos - b0, out);
			fputc('/', out);
			fputs(tk->type, out);
		}
	}
	fputc('\n', out);
}

/*
 * Tag lines[0..n) and print them.  Returns 0 or a library error code
 * (already reported).
 */
static int tag_lines(tekg_tagger *tg, const line *lines, size_t n, int jobs, int bio,
                     const char *name)
{
	tekg_tag_input *in = NULL;
	tekg_tag_result *res = NULL;
	tekg_error err = {0};
	size_t i;
	int rc = 0;

	if (n == 0)
		return 0;
	in = tekg_malloc(n * sizeof *in);
	res = tekg_calloc(n, sizeof *res);
	if (!in || !res) {
		cli_err(name, "out of memory");
		rc = TEKG_ENOMEM;
		goto cleanup;
	}
	for (i = 0; i < n; i++) {
		in[i].text = lines[i].s;
		in[i].len = lines[i].len;
	}
	rc = tekg_tagger_tag_batch(tg, in, n, res, jobs, &err);
	if (rc) {
		cli_err(name, "%s", err.msg);
		goto cleanup;
	}
	for (i = 0; i < n; i++)
		print_line(stdout, lines[i].s, lines[i].len, &res[i], bio);
cleanup:
	if (res)
		for (i = 0; i < n; i++)
			tekg_free(res[i].tokens);
	tekg_free(res);
	tekg_free(in);
	return rc;
}

/*
 * Split data[0..len) into lines (without '\n' and a final '\r'), check
 * their UTF-8 and tag them.  *lineno counts lines before this block;
 * *offset the bytes.  Returns an exit status.
 */
static int process(tekg_tagger *tg, const char *data, size_t len, int jobs, int bio,
                   const char *name, size_t *lineno, size_t *offset)
{
	line *lines = NULL;
	size_t n = 0, cap = 0, p = 0;
	int status = EXIT_OK, rc;

	while (p < len) {
		const char *nl = memchr(data + p, '\n', len - p);
		size_t e = nl ? (size_t)(nl - data) : len, l = e - p, bad;

		if (l > 0 && data[p + l - 1] == '\r')
			l--;
		if (!tekg_utf8_valid(data + p, l, &bad)) {
			/* print what precedes the bad line, then stop */
			rc = tag_lines(tg, lines, n, jobs, bio, name);
			cli_err(name, "line %zu: invalid UTF-8 at byte offset %zu (byte %zu of the line)",
			        *lineno + n + 1, *offset + p + bad, bad);
			status = rc ? cli_exit_for(rc) : EXIT_INPUT;
			n = 0;
			goto cleanup;
		}
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 1024;
			line *a = tekg_realloc(lines, nc * sizeof *a);

			if (!a) {
				cli_err(name, "out of memory");
				status = EXIT_INTERNAL;
				goto cleanup;
			}
			lines = a;
			cap = nc;
		}
		lines[n].s = data + p;
		lines[n].len = l;
		n++;
		p = nl ? e + 1 : len;
	}
	rc = tag_lines(tg, lines, n, jobs, bio, name);
	if (rc)
		status = cli_exit_for(rc);
cleanup:
	*lineno += n;
	*offset += len;
	tekg_free(lines);
	return status;
}

int cmd_tag(int argc, char **argv)
{
	static const struct option opts[] = {
		{"model", required_argument, NULL, 'm'},
		{"jobs", required_argument, NULL, 'j'},
		{"bio", no_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *model = NULL, *path = "-", *name;
	tekg_tagger *tg = NULL;
	tekg_error err = {0};
	tekg_buf buf = {0};
	FILE *f = NULL;
	char *chunk = NULL;
	size_t lineno = 0, offset = 0;
	int jobs = 0, bio = 0, c, status = EXIT_OK, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			model = optarg;
			break;
		case 'j': {
			char *end;
			long v;

			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || v < 1 || v > 256)
				return cli_usage("tag", "-j: expected a number of threads from 1 to 256, got '%s'", optarg);
			jobs = (int)v;
			break;
		}
		case 'b':
			bio = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			if (optopt)
				return cli_usage("tag", "invalid option or missing argument: -%c", optopt);
			return cli_usage("tag", "invalid option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage("tag", "too many arguments (one FILE at most)");
	if (optind < argc)
		path = argv[optind];
	name = strcmp(path, "-") ? path : "stdin";

	if (jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = n < 1 ? 1 : n > 256 ? 256 : (int)n;
	}
	rc = tekg_tagger_new(&tg, model, &err);
	if (rc) {
		cli_err(NULL, "%s", err.msg);
		return EXIT_INTERNAL; /* model missing, not this model, or no memory */
	}
	f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		cli_err(path, "%s", strerror(errno));
		status = EXIT_INPUT;
		goto cleanup;
	}
	if (isatty(fileno(f))) {
		/* interactive: answer each line as it is typed */
		char *ln = NULL;
		size_t lcap = 0;
		ssize_t got;

		while (status == EXIT_OK && (got = getline(&ln, &lcap, f)) > 0) {
			status = process(tg, ln, (size_t)got, jobs, bio, name, &lineno, &offset);
			fflush(stdout);
		}
		free(ln);
		goto cleanup;
	}
	chunk = tekg_malloc(BLOCK_BYTES);
	if (!chunk) {
		cli_err(NULL, "out of memory");
		status = EXIT_INTERNAL;
		goto cleanup;
	}
	for (;;) {
		size_t got = fread(chunk, 1, BLOCK_BYTES, f);
		int eof = got < BLOCK_BYTES;

		if (got && tekg_buf_append(&buf, chunk, got) != 0) {
			cli_err(name, "out of memory or line too long");
			status = EXIT_INTERNAL;
			goto cleanup;
		}
		if (eof && ferror(f)) {
			cli_err(name, "read error: %s", strerror(errno));
			status = EXIT_INPUT;
			goto cleanup;
		}
		if (eof || buf.len >= BLOCK_BYTES) {
			size_t upto = buf.len;

			if (!eof) { /* keep the last partial line for the next block */
				while (upto > 0 && buf.data[upto - 1] != '\n')
					upto--;
				if (upto == 0)
					continue; /* one very long line: read on */
			}
			status = process(tg, buf.data, upto, jobs, bio, name, &lineno, &offset);
			if (status != EXIT_OK)
				goto cleanup;
			memmove(buf.data, buf.data + upto, buf.len - upto);
			buf.len -= upto;
		}
		if (eof)
			break;
	}
	if (fflush(stdout) != 0) {
		cli_err(NULL, "write error: %s", strerror(errno));
		status = EXIT_INTERNAL;
	}
cleanup:
	if (f && f != stdin)
		fclose(f);
	tekg_free(chunk);
	tekg_buf_free(&buf);
	tekg_tagger_free(tg);
	return status;
}
