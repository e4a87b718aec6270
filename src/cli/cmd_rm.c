/*
 * cmd_rm.c - `tekg rm SOURCE...`: remove sources and what only they supported.
 */
#include "cli/cli.h"
#include "cli/common.h"
#include "tekg/topics.h"

#include <getopt.h>

static const char help[] =
	"Usage: tekg rm [OPTION]... SOURCE...\n"
	"Remove sources (by the path they were ingested under, or by content hash),\n"
	"every document only they supported, and entities left without evidence.\n\n"
	"  -d, --db FILE   database (default tekg.db)\n"
	"  -h, --help      show this help and exit\n";

int cmd_rm(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = DEFAULT_DB;
	tekg_store *s = NULL;
	tekg_error err = {0};
	size_t ns, nd;
	int c, rc, status = EXIT_OK, i;

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
	if (optind >= argc)
		return cli_usage(argv[0], "no source given");
	if ((rc = cli_open_store(&s, db, TEKG_STORE_NOCREATE)))
		return rc;
	for (i = optind; i < argc; i++) {
		if ((rc = tekg_store_begin(s, &err)) == 0 &&
		    (rc = tekg_store_source_remove(s, argv[i], &ns, &nd, &err)) == 0 &&
		    (rc = tekg_store_commit(s, &err)) == 0) {
			fprintf(stderr, "tekg: %s: removed %zu source%s and %zu document%s\n", argv[i],
			        ns, ns == 1 ? "" : "s", nd, nd == 1 ? "" : "s");
			continue;
		}
		tekg_store_rollback(s);
		cli_err(NULL, "%s", err.msg);
		if (rc == TEKG_ENOTFOUND) {
			if (status == EXIT_OK)
				status = EXIT_INPUT;
		} else {
			status = EXIT_INTERNAL;
			break;
		}
	}
	/* topics are clusters over all stored documents: rebuild them */
	if (status != EXIT_INTERNAL && tekg_topics_rebuild(s, NULL, &err) != 0) {
		cli_err(NULL, "%s", err.msg);
		status = EXIT_INTERNAL;
	}
	tekg_store_close(s);
	return status;
}
