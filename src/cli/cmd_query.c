/* cmd_query.c - `tekg query` (placeholder). */
#include "cli/cli.h"

int cmd_query(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "query: not implemented yet");
	return EXIT_INTERNAL;
}
