/*
 * cmd_export.c - `tekg export`: write the graph held in the database.
 */
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/netopts.h"

#include <getopt.h>
#include <stdlib.h>

static const char help[] =
	"Usage: tekg export [OPTION]...\n"
	"Write the knowledge graph held in the database.\n\n"
	"  -d, --db FILE             database (default tekg.db)\n"
	"  -o, --output OUT          output file (default: standard output)\n"
	"      --format FMT          graphml, gexf, csv or json (default: from OUT: .graphml,\n"
	"                            .gexf, .json in any case; DIR/ or an existing folder: csv;\n"
	"                            else graphml); a file format cannot go to a folder\n"
	"      --include-duplicates  let near-duplicate articles count as evidence\n"
	"  -h, --help                show this help and exit\n\n"
	"Network filters and projections (measures are computed on what is kept):\n"
	CLI_NETWORK_HELP;

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"include-duplicates", no_argument, NULL, 'I'},
		CLI_NETWORK_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *db = DEFAULT_DB, *out = "-", *format = NULL;
	tekg_store *s = NULL;
	tekg_network_opts net = {0};
	int c, rc, dups = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "d:o:h", longopts, NULL)) != -1) {
		if ((r = cli_network_opt(&net, c, optarg, "export")) < 0)
			return EXIT_USAGE;
		if (r > 0)
			continue;
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': out = optarg; break;
		case 'f': format = optarg; break;
		case 'I': dups = 1; break;
		case 'h': fputs(help, stdout); return EXIT_OK;
		default:
			return cli_usage(argv[0], "unknown option or missing value: '%s'",
			                 argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage(argv[0], "unexpected argument '%s'", argv[optind]);
	if (cli_network_check(&net, "export", 0) < 0)
		return EXIT_USAGE;
	if ((rc = cli_open_store(&s, db, TEKG_STORE_READONLY)))
		return rc;
	rc = cli_export(s, out, format, dups, &net);
	tekg_store_close(s);
	return rc;
}
