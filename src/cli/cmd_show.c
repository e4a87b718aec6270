/*
 * cmd_show.c - `tekg show DOC`: one document's metadata, credits and text.
 */
#include "cli/cli.h"
#include "cli/common.h"

#include <getopt.h>
#include <string.h>

static const char help[] =
	"Usage: tekg show [OPTION]... DOC\n"
	"Print a document (by id, as 12 or d12, or by exact title): its metadata,\n"
	"sources, credits and original text.\n\n"
	"  -d, --db FILE   database (default tekg.db)\n"
	"  -h, --help      show this help and exit\n";

static int print_source(const char *path, int64_t start, int64_t end, void *ud)
{
	(void)ud;
	printf("source:      %s [%lld, %lld)\n", path, (long long)start, (long long)end);
	return 0;
}

static int print_credit(const tekg_credit_row *r, void *ud)
{
	(void)ud;
	printf("credit:      %s", r->text);
	if (r->names && *r->names)
		printf("  (%s%s%s: %s)", r->outlet ? r->outlet : "", r->outlet ? " " : "",
		       r->role ? r->role : "", r->names);
	putchar('\n');
	return 0;
}

/* The document's anchored date and duplicate link (the store's row). */
static int print_doc_row(const tekg_doc_row *r, void *ud)
{
	const int64_t *want = ud;

	if (r->id != *want)
		return 0;
	printf("date:        %s%s\n", r->date ? r->date : "(none)",
	       r->date && r->date_inferred ? " (inferred)" : "");
	if (r->duplicate_of)
		printf("duplicate of: d%lld %s\n", (long long)r->duplicate_of,
		       r->dup_title ? r->dup_title : "");
	return 0;
}

int cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = DEFAULT_DB;
	tekg_store *s = NULL;
	tekg_source *src = NULL;
	tekg_error err = {0};
	int64_t id;
	size_t i;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'h': fputs(help, stdout); return EXIT_OK;
		default:
			return cli_usage(argv[0], "unknown option or missing value: '%s'",
			                 argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage(argv[0], "give exactly one document");
	if ((rc = cli_open_store(&s, db, TEKG_STORE_READONLY)))
		return rc;
	if ((rc = tekg_store_document_resolve(s, argv[optind], &id, &err)) ||
	    (rc = tekg_store_document_load(s, id, &src, &err))) {
		cli_err(NULL, "%s", err.msg);
		tekg_store_close(s);
		return rc == TEKG_ENOTFOUND || rc == TEKG_EAMBIGUOUS ? EXIT_INPUT : EXIT_INTERNAL;
	}
	{
		const tekg_article *a = &src->arts[0];
		printf("document:    d%lld\n", (long long)id);
		printf("title:       %s\n", a->title ? a->title : "");
		if (a->url)
			printf("url:         %s\n", a->url);
		tekg_store_each_document(s, print_doc_row, &id, &err);
		if (a->date)
			printf("meta date:   %s\n", a->date);
		if (a->dateline.text)
			printf("dateline:    %s\n", a->dateline.text);
		tekg_store_each_doc_source(s, id, print_source, NULL, &err);
		for (i = 0; i < a->n_meta; i++)
			printf("meta:        %s = %s\n", a->meta[i].key,
			       a->meta[i].value ? a->meta[i].value : "");
		tekg_store_each_credit(s, id, print_credit, NULL, &err);
		printf("sentences:   %zu\n\n%s\n", a->n_sents, a->orig);
	}
	tekg_source_free(src);
	tekg_store_close(s);
	return EXIT_OK;
}
