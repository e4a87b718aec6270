/* version.c - `tekg --version`: tekg's version and the linked libraries'. */
#include "cli/version.h"
#include "tekg/export.h"
#include "tekg/graph.h"
#include "tekg/store.h"
#include "tekg/text.h"

void cli_print_version(FILE *out)
{
	fprintf(out, "tekg %s\n", TEKG_VERSION);
	fprintf(out, "linked: SQLite %s, %s, %s\n", tekg_store_lib_version(),
	        tekg_graph_lib_version(), tekg_text_lib_versions());
}
