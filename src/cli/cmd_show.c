/* cmd_show.c - `tekg show` (placeholder). */
#include "cli/cli.h"

int cmd_show(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "show: not implemented yet");
	return EXIT_INTERNAL;
}
