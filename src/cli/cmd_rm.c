/* cmd_rm.c - `tekg rm` (placeholder). */
#include "cli/cli.h"

int cmd_rm(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "rm: not implemented yet");
	return EXIT_INTERNAL;
}
