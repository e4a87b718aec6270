/*
 * cli.h - the tekg command-line front end: one function per subcommand.
 *
 * Each cmd_* function receives argv with argv[0] the subcommand name, parses
 * its own options, calls into the library and returns the process exit
 * status (see docs/tekg.1, EXIT STATUS):
 *   0 ok, 1 some input rejected, 2 usage error, 3 database or internal error.
 */
#ifndef TEKG_CLI_H
#define TEKG_CLI_H

#include <stdio.h>
#include "tekg/error.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

int cmd_ingest(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_reindex(int argc, char **argv);
int cmd_rm(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_time(int argc, char **argv);
int cmd_query(int argc, char **argv);

/* "tekg: " + message on stderr; subject (a file, or NULL) goes first. */
void cli_err(const char *subject, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Usage error: message, hint to --help, returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Map a library error code to an exit status. */
int cli_exit_for(int code);

#endif
