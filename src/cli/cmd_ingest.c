/* cmd_ingest.c - `tekg ingest` (placeholder). */
#include "cli/cli.h"

int cmd_ingest(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "ingest: not implemented yet");
	return EXIT_INTERNAL;
}
