/* cmd_export.c - `tekg export` (placeholder). */
#include "cli/cli.h"

int cmd_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "export: not implemented yet");
	return EXIT_INTERNAL;
}
