/*
 * cmd_tag.c - `tekg tag` (placeholder until its module lands).
 */
#include "cli/cli.h"

int cmd_tag(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_err(NULL, "tag: not implemented yet");
	return EXIT_INTERNAL;
}
