/*
 * main.c - `tekg`: dispatch to the subcommands (see docs/tekg.1).
 */
#include "cli/cli.h"
#include "cli/version.h"
#include "tekg/export.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *what;
} commands[] = {
	{"ingest", cmd_ingest, "read articles into the database"},
	{"build", cmd_build, "ingest then export in one step"},
	{"export", cmd_export, "write the graph (GraphML, GEXF, CSV or JSON)"},
	{"stats", cmd_stats, "counts of what the database holds"},
	{"show", cmd_show, "print one document with its metadata and credits"},
	{"reindex", cmd_reindex, "re-run extraction on the stored documents"},
	{"rm", cmd_rm, "remove a source and what only it supported"},
	{"query", cmd_query, "network queries"},
	{"tag", cmd_tag, "run the LAC tagger on text"},
	{"time", cmd_time, "find and normalise time expressions"},
};

static void help(FILE *out)
{
	size_t i;

	fputs("Usage: tekg COMMAND [OPTION]... [ARG]...\n"
	      "Build a topic-event knowledge graph from Chinese news.\n\n"
	      "Commands:\n", out);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].what);
	fputs("\n'tekg COMMAND --help' describes a command's options.\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and the linked libraries' versions\n\n"
	      "Exit status: 0 ok, 1 some input rejected, 2 usage error,\n"
	      "3 database or internal error.  Manual: man tekg (docs/tekg.1).\n", out);
}

/* SIGINT, SIGTERM, SIGHUP: remove the temporary output of a write in
 * progress, then die of the signal as before (the handler is reset to the
 * default on entry).  Only async-signal-safe calls. */
static void on_fatal_signal(int sig)
{
	tekg_export_remove_temporaries();
	raise(sig);
}

static void install_signals(void)
{
	static const int fatal[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	size_t k;

	/* a write past the file size limit fails with EFBIG, so the writer
	 * removes its temporary file and reports, instead of being killed */
	signal(SIGXFSZ, SIG_IGN);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (k = 0; k < sizeof fatal / sizeof fatal[0]; k++) {
		struct sigaction old;
		/* a signal ignored by the parent (nohup, a background job) stays ignored */
		if (sigaction(fatal[k], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal[k], &sa, NULL);
	}
}

int main(int argc, char **argv)
{
	size_t i;

	install_signals();
	setlocale(LC_CTYPE, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	if (argc < 2)
		return cli_usage(NULL, "missing command");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		help(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		cli_print_version(stdout);
		return EXIT_OK;
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	return cli_usage(NULL, "unknown command '%s'", argv[1]);
}
