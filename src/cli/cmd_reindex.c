/* cmd_reindex.c - `tekg reindex` (placeholder). */
#include "cli/cli.h"

int cmd_reindex(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "reindex: not implemented yet");
	return EXIT_INTERNAL;
}
