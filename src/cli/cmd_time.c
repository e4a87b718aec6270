/*
 * cmd_time.c - `tekg time` (placeholder until its module lands).
 */
#include "cli/cli.h"

int cmd_time(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "time: not implemented yet");
	return EXIT_INTERNAL;
}
