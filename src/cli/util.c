/*
 * util.c - diagnostics shared by the subcommands.
 */
#include "cli/cli.h"

#include <stdarg.h>

void cli_err(const char *subject, const char *fmt, ...)
{
	va_list ap;

	fputs("tekg: ", stderr);
	if (subject)
		fprintf(stderr, "%s: ", subject);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("tekg: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "\nTry 'tekg %s --help' for more information.\n", cmd);
	else
		fputs("\nTry 'tekg --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

int cli_exit_for(int code)
{
	switch (code) {
	case TEKG_OK: return EXIT_OK;
	case TEKG_EINVAL: return EXIT_USAGE;
	case TEKG_EIO: case TEKG_EPARSE: case TEKG_EENCODING:
	case TEKG_ENOTFOUND: case TEKG_ELIMIT: case TEKG_EAMBIGUOUS:
		return EXIT_INPUT;
	default: return EXIT_INTERNAL;
	}
}
