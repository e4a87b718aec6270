/*
 * cmd_ingest.c - `tekg ingest`, `tekg build`, `tekg reindex`.
 */
#include "cli/cli.h"
#include "cli/common.h"
#include "cli/netopts.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char ingest_help[] =
	"Usage: tekg ingest [OPTION]... INPUT...\n"
	"Read news articles into the database: text, JSON Lines or HTML files,\n"
	"directories (recursed) or - for standard input.  A source already stored\n"
	"(same bytes) is skipped, so re-running an interrupted ingest completes it.\n\n"
	"  -d, --db FILE             database (default tekg.db)\n"
	"      --date YYYY-MM-DD     date of the articles (else from the articles)\n"
	"      --input-format FMT    auto (default), text, jsonl or html\n"
	"      --script-profile P    auto (default), t2s, hk2s, tw2s or none\n"
	"      --field MAP           JSONL field names, e.g. text=content,date=published_at\n"
	"      --model DIR           tagger model directory (default: $TEKG_MODEL_DIR,\n"
	"                            else python3-jieba's lac_small)\n"
	"  -j, --jobs N              tagger threads (default: number of cores)\n"
	"      --lexicon FILE        extra lexicon (places, organisations, titles ...;\n"
	"                            format in docs/entities.md), repeatable\n"
	"      --curation FILE       entity fixes (merge, rename, block, type), kept in\n"
	"                            the database for later runs, repeatable\n"
	"  -q, --quiet               no progress and no summary line\n"
	"  -h, --help                show this help and exit\n\n"
	"Exit status: 0 ok, 1 some input rejected (the rest is stored), 2 usage error,\n"
	"3 database or internal error.\n";

static const char build_help[] =
	"Usage: tekg build [OPTION]... -o OUT INPUT...\n"
	"Ingest INPUTs, then export the graph to OUT in one step.  Without --db a\n"
	"temporary database is used and removed afterwards.\n\n"
	"  -o, --output OUT          the graph file (- for standard output)\n"
	"      --format FMT          graphml, gexf, csv or json (default: from OUT: .graphml,\n"
	"                            .gexf, .json in any case; DIR/ or an existing folder: csv;\n"
	"                            else graphml); a file format cannot go to a folder\n"
	"  -d, --db FILE             keep the database in FILE\n"
	"      --date, --input-format, --script-profile, --field, --model, -j, -q,\n"
	"      --lexicon, --curation\n"
	"                            as for 'tekg ingest'\n"
	"  -h, --help                show this help and exit\n\n"
	"Network filters and projections, as for 'tekg export':\n"
	CLI_NETWORK_HELP;

static const char reindex_help[] =
	"Usage: tekg reindex [OPTION]...\n"
	"Re-run date anchoring and extraction on every stored document (after an\n"
	"upgrade or a lexicon change) without re-reading the input files.\n\n"
	"  -d, --db FILE             database (default tekg.db)\n"
	"      --date, --model, -j, -q, --lexicon, --curation   as for 'tekg ingest'\n"
	"  -h, --help                show this help and exit\n";

enum { MODE_INGEST, MODE_BUILD, MODE_REINDEX };

static int parse(cli_ingest *o, int mode, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_INGEST_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		CLI_NETWORK_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *cmd = argv[0];
	int c, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_INGEST_SHORTOPTS "d:o:h", longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(mode == MODE_BUILD ? build_help
			      : mode == MODE_REINDEX ? reindex_help : ingest_help, stdout);
			exit(EXIT_OK);
		}
		if (mode == MODE_BUILD && c >= NETOPT_TYPE) {
			if ((r = cli_network_opt(&o->net, c, optarg, cmd)) < 0)
				return EXIT_USAGE;
			if (r > 0)
				continue;
		}
		if (c == 'o' && mode == MODE_BUILD) {
			o->out = optarg;
			continue;
		}
		if (c == 'f' && mode == MODE_BUILD) {
			o->format = optarg;
			continue;
		}
		if (c == '?' || c == ':')
			return cli_usage(cmd, "unknown option or missing value: '%s'",
			                 argv[optind - 1]);
		if (mode == MODE_REINDEX && (c == 'F' || c == 'S' || c == 'M'))
			return cli_usage(cmd, "--%s does not apply to reindex, which re-extracts "
			                 "the stored text (to read a source again: tekg rm, "
			                 "then tekg ingest)",
			                 c == 'F' ? "input-format" : c == 'S' ? "script-profile" : "field");
		r = cli_ingest_opt(o, cmd, c, optarg);
		if (r < 0)
			return EXIT_USAGE;
		if (r == 0)
			return cli_usage(cmd, "option '%s' does not apply here", argv[optind - 1]);
	}
	if (mode == MODE_BUILD && cli_network_check(&o->net, cmd, 0) < 0)
		return EXIT_USAGE;
	return -1;
}

int cmd_ingest(int argc, char **argv)
{
	cli_ingest o = {0};
	tekg_store *s = NULL;
	int rc;

	if ((rc = parse(&o, MODE_INGEST, argc, argv)) >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage(argv[0], "no input given (use - for standard input)");
	if ((rc = cli_open_store(&s, o.db ? o.db : DEFAULT_DB, 0)))
		return rc;
	rc = cli_run_ingest(&o, s, argc, argv, optind);
	tekg_store_close(s);
	return rc;
}

static void remove_db(const char *path)
{
	char buf[4200];

	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-journal", path);
	unlink(buf);
}

int cmd_build(int argc, char **argv)
{
	cli_ingest o = {0};
	tekg_store *s = NULL;
	char tmpdb[4096] = "";
	int rc, erc;

	if ((rc = parse(&o, MODE_BUILD, argc, argv)) >= 0)
		return rc;
	if (o.out == NULL)
		return cli_usage(argv[0], "-o OUT is required");
	if (optind >= argc)
		return cli_usage(argv[0], "no input given (use - for standard input)");
	if (o.db == NULL) {
		const char *dir = getenv("TMPDIR");
		int fd;
		snprintf(tmpdb, sizeof tmpdb, "%s/tekg-build-XXXXXX", dir && *dir ? dir : "/tmp");
		if ((fd = mkstemp(tmpdb)) < 0) {
			cli_err(tmpdb, "cannot create a temporary database");
			return EXIT_INTERNAL;
		}
		close(fd);
		unlink(tmpdb); /* SQLite creates it afresh */
	}
	if ((rc = cli_open_store(&s, o.db ? o.db : tmpdb, 0)))
		goto cleanup;
	rc = cli_run_ingest(&o, s, argc, argv, optind);
	if (rc == EXIT_OK || rc == EXIT_INPUT) {
		erc = cli_export(s, o.out, o.format, 0, &o.net);
		if (erc != EXIT_OK)
			rc = erc;
	}
cleanup:
	tekg_store_close(s);
	if (tmpdb[0])
		remove_db(tmpdb);
	return rc;
}

int cmd_reindex(int argc, char **argv)
{
	cli_ingest o = {0};
	tekg_store *s = NULL;
	tekg_pipeline *p = NULL;
	tekg_error err = {0};
	int rc;

	if ((rc = parse(&o, MODE_REINDEX, argc, argv)) >= 0)
		return rc;
	if (optind < argc)
		return cli_usage(argv[0], "unexpected argument '%s'", argv[optind]);
	if ((rc = cli_open_store(&s, o.db ? o.db : DEFAULT_DB, TEKG_STORE_NOCREATE)))
		return rc;
	if ((rc = cli_pipeline_new(&o, s, &p, &err)) ||
	    (rc = tekg_pipeline_reindex(p, &err)) ||
	    (rc = tekg_pipeline_finish(p, &err))) { /* topics */
		cli_err(NULL, "%s", err.msg);
		rc = EXIT_INTERNAL;
	} else if (!o.quiet) {
		fprintf(stderr, "tekg: reindexed %zu documents\n",
		        tekg_pipeline_report(p)->docs_new);
	}
	tekg_pipeline_free(p);
	tekg_store_close(s);
	return rc;
}
