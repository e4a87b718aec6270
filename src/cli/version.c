/* version.c - `tekg --version`: tekg's version and the linked libraries'. */
#include "cli/version.h"

void cli_print_version(FILE *out)
{
	fprintf(out, "tekg %s\n", TEKG_VERSION);
}
