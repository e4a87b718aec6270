/*
 * common.h - options and helpers shared by ingest, build, reindex, export.
 */
#ifndef TEKG_CLI_COMMON_H
#define TEKG_CLI_COMMON_H

#include "tekg/network.h"
#include "tekg/pipeline.h"
#include "tekg/store.h"

#define DEFAULT_DB "tekg.db"

/* Options that ingest, build and reindex share. */
typedef struct cli_ingest {
	const char *db;
	const char *out;             /* build: -o */
	const char *format;          /* build/export: --format */
	tekg_network_opts net;       /* build: filters, projection, measures */
	tekg_pipeline_opts popts;
	const char *lexicons[32];    /* --lexicon FILE (repeatable) */
	const char *curations[32];   /* --curation FILE (repeatable) */
	int quiet;
	int progress;                /* stderr is a terminal and not --quiet */
} cli_ingest;

/* getopt_long table entries and parsing for the shared ingest options.
 * Returns 1 when `c` (with optarg) was consumed, 0 when not an ingest
 * option, -1 on a bad value (already reported as a usage error). */
int cli_ingest_opt(cli_ingest *o, const char *cmd, int c, const char *arg);

/* The long options for ingest-like commands (terminated by a zero entry). */
#define CLI_INGEST_LONGOPTS                                                            \
	{"db", required_argument, NULL, 'd'},                                          \
	{"date", required_argument, NULL, 'D'},                                        \
	{"input-format", required_argument, NULL, 'F'},                                \
	{"script-profile", required_argument, NULL, 'S'},                              \
	{"field", required_argument, NULL, 'M'},                                       \
	{"model", required_argument, NULL, 'm'},                                       \
	{"jobs", required_argument, NULL, 'j'},                                        \
	{"lexicon", required_argument, NULL, 'L'},                                     \
	{"curation", required_argument, NULL, 'C'},                                    \
	{"quiet", no_argument, NULL, 'q'}
#define CLI_INGEST_SHORTOPTS "j:q"

/* Open the database, reporting failures; returns 0 or an exit status. */
int cli_open_store(tekg_store **s, const char *path, int flags);
/* Callbacks that print problems and progress on stderr. */
void cli_on_problem(void *ud, const char *path, const tekg_error *e);
void cli_on_progress(void *ud, const char *path, const tekg_report *r);
/* Create a pipeline over s and run it on argv[first..argc); prints the
 * summary line unless quiet.  Returns the exit status. */
int cli_run_ingest(cli_ingest *o, tekg_store *s, int argc, char **argv, int first);

/* tekg_pipeline_new with the CLI's additions: the lexicon folder beside the
 * executable (build tree: EXE_DIR/data; installed: EXE_DIR/../share/tekg)
 * as the last default, and a warning on stderr when no lexicon folder was
 * found.  Same returns as tekg_pipeline_new. */
int cli_pipeline_new(cli_ingest *o, tekg_store *s, tekg_pipeline **p, tekg_error *err);
/* Build the graph from s, apply the network filters and projection of
 * `net` (nullable), compute the measures, and write it to out in format
 * (nullable: from out's extension).  Returns the exit status. */
int cli_export(tekg_store *s, const char *out, const char *format, int include_duplicates,
               const tekg_network_opts *net);

#endif
