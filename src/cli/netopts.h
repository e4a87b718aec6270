/*
 * netopts.h - the network options shared by `tekg export`, `tekg build` and
 * `tekg query` (see include/tekg/network.h and docs/network.md):
 *
 *   --type T (repeatable), --from DATE, --to DATE, --min-weight W,
 *   --ego NAME, --depth N, --topic NAME, --include-documents,
 *   --projection none|person|organization, --directed
 *
 * Use: put CLI_NETWORK_LONGOPTS among a getopt_long option table (the codes
 * are above 0x1000, clear of any short option), and hand every code that
 * getopt_long returns to cli_network_opt() before your own switch:
 *
 *   tekg_network_opts net = {0};
 *   while ((c = getopt_long(argc, argv, "d:o:h", opts, NULL)) != -1) {
 *       int r = cli_network_opt(&net, c, optarg, "export");
 *       if (r < 0) return EXIT_USAGE;
 *       if (r > 0) continue;
 *       switch (c) { ... }
 *   }
 *   if (cli_network_check(&net, "export", 0) < 0) return EXIT_USAGE;
 *
 * Strings stored in the options point into argv (borrowed).
 */
#ifndef TEKG_CLI_NETOPTS_H
#define TEKG_CLI_NETOPTS_H

#include <getopt.h>

#include "tekg/network.h"

enum {
	NETOPT_TYPE = 0x1000,
	NETOPT_FROM,
	NETOPT_TO,
	NETOPT_MIN_WEIGHT,
	NETOPT_EGO,
	NETOPT_DEPTH,
	NETOPT_TOPIC,
	NETOPT_INCLUDE_DOCUMENTS,
	NETOPT_PROJECTION,
	NETOPT_DIRECTED
};

#define CLI_NETWORK_LONGOPTS                                                           \
	{"type", required_argument, NULL, NETOPT_TYPE},                                \
	{"from", required_argument, NULL, NETOPT_FROM},                                \
	{"to", required_argument, NULL, NETOPT_TO},                                    \
	{"min-weight", required_argument, NULL, NETOPT_MIN_WEIGHT},                    \
	{"ego", required_argument, NULL, NETOPT_EGO},                                  \
	{"depth", required_argument, NULL, NETOPT_DEPTH},                              \
	{"topic", required_argument, NULL, NETOPT_TOPIC},                              \
	{"include-documents", no_argument, NULL, NETOPT_INCLUDE_DOCUMENTS},            \
	{"projection", required_argument, NULL, NETOPT_PROJECTION},                    \
	{"directed", no_argument, NULL, NETOPT_DIRECTED}

/* Help text for the options above (each line indented by two spaces). */
#define CLI_NETWORK_HELP                                                               \
	"  --type T             keep nodes of type T (repeatable): document, person,\n"   \
	"                       organization, place, event, date, topic\n"                 \
	"  --from DATE, --to DATE  keep what falls in the window (YYYY[-MM[-DD]],\n"    \
	"                       real days, --from not after --to)\n"       \
	"  --min-weight W       drop edges lighter than W\n"                              \
	"  --ego NAME           keep the ego network of NAME ...\n"                       \
	"  --depth N            ... up to N hops (default 1; needs --ego)\n"                           \
	"  --topic NAME         keep what is about topic NAME and its neighbours\n"       \
	"  --include-documents  documents, dates and topics join measures and walks\n"   \
	"  --projection P       none, person or organization (shared-event network);\n" \
	"                       --type, --min-weight, --ego then apply to it\n"   \
	"  --directed           walks follow edge direction (co_occurs: both ways)\n"

/*
 * Handle getopt_long's code `c` with argument `arg` when it is one of the
 * network options.  Returns 1 when handled, 0 when `c` is not a network
 * option, -1 when its value is invalid (a usage message naming `cmd` has
 * been printed; exit with EXIT_USAGE).
 */
int cli_network_opt(tekg_network_opts *o, int c, const char *arg, const char *cmd);

/*
 * After the options: the checks that need several of them.  --from later
 * than --to, and --depth without --ego (unless `depth_alone`: query's `ego`
 * subcommand names its own centre), are usage errors.  0, or -1 with a
 * usage message naming `cmd` printed (exit with EXIT_USAGE).
 */
int cli_network_check(const tekg_network_opts *o, const char *cmd, int depth_alone);

#endif
