/* cmd_build.c - `tekg build` (placeholder). */
#include "cli/cli.h"

int cmd_build(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "build: not implemented yet");
	return EXIT_INTERNAL;
}
