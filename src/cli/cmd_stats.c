/* cmd_stats.c - `tekg stats` (placeholder). */
#include "cli/cli.h"

int cmd_stats(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "stats: not implemented yet");
	return EXIT_INTERNAL;
}
