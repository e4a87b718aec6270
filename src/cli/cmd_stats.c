/*
 * cmd_stats.c - `tekg stats`: what the database holds.
 */
#include "cli/cli.h"
#include "cli/common.h"

#include <getopt.h>

static const char help[] =
	"Usage: tekg stats [OPTION]...\n"
	"Print counts of sources, documents, sentences, mentions, entities by type,\n"
	"events and edges.\n\n"
	"  -d, --db FILE   database (default tekg.db)\n"
	"  -h, --help      show this help and exit\n";

int cmd_stats(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = DEFAULT_DB;
	tekg_store_stats st;
	tekg_store *s = NULL;
	tekg_error err = {0};
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
	if (optind < argc)
		return cli_usage(argv[0], "unexpected argument '%s'", argv[optind]);
	if ((rc = cli_open_store(&s, db, TEKG_STORE_READONLY)))
		return rc;
	if (tekg_store_stats_get(s, &st, &err)) {
		cli_err(NULL, "%s", err.msg);
		tekg_store_close(s);
		return EXIT_INTERNAL;
	}
	printf("sources        %lld\n", (long long)st.sources);
	printf("documents      %lld\n", (long long)st.documents);
	printf("  duplicates   %lld\n", (long long)st.duplicates);
	printf("sentences      %lld\n", (long long)st.sentences);
	printf("credits        %lld\n", (long long)st.credits);
	printf("mentions       %lld\n", (long long)st.mentions);
	printf("persons        %lld\n", (long long)st.persons);
	printf("organizations  %lld\n", (long long)st.organizations);
	printf("places         %lld\n", (long long)st.places);
	printf("events         %lld\n", (long long)st.events);
	printf("dates          %lld\n", (long long)st.dates);
	printf("topics         %lld\n", (long long)st.topics);
	printf("edges          %lld\n", (long long)st.edges);
	printf("relations      %lld\n", (long long)st.edge_pairs);
	tekg_store_close(s);
	return EXIT_OK;
}
