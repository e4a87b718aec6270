/*
 * export.c - choosing a format and dispatching to its writer.
 */
#include "tekg/export.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0; /* G.GEXF is GEXF */
}

int tekg_export_format_pick(const char *name, const char *path, tekg_export_format *out,
                            tekg_error *err)
{
	static const struct {
		const char *name;
		tekg_export_format f;
	} names[] = {
		{"graphml", TEKG_EXPORT_GRAPHML},
		{"gexf", TEKG_EXPORT_GEXF},
		{"csv", TEKG_EXPORT_CSV},
		{"json", TEKG_EXPORT_JSON},
	};
	struct stat st;
	size_t i;

	*out = TEKG_EXPORT_GRAPHML;
	if (name) {
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strcasecmp(name, names[i].name) == 0) {
				*out = names[i].f;
				if (*out == TEKG_EXPORT_CSV && (path == NULL || strcmp(path, "-") == 0))
					return tekg_error_set(err, TEKG_EINVAL,
					                      "CSV export writes a folder (nodes.csv, "
					                      "edges.csv), not standard output: give -o DIR/");
				/* a single file cannot replace a folder: say so before
				 * writing, not when the rename fails at the end */
				if (*out != TEKG_EXPORT_CSV && path && strcmp(path, "-") != 0 &&
				    (ends_with(path, "/") || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))))
					return tekg_error_set(err, TEKG_EINVAL,
					                      "%s: is a folder; %s export writes one file",
					                      path, names[i].name);
				return 0;
			}
		return tekg_error_set(err, TEKG_EINVAL,
		                      "unknown format '%s' (known: graphml, gexf, csv, json)", name);
	}
	if (path == NULL || strcmp(path, "-") == 0)
		return 0;
	if (ends_with(path, "/") || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		*out = TEKG_EXPORT_CSV;
	else if (ends_with(path, ".gexf"))
		*out = TEKG_EXPORT_GEXF;
	else if (ends_with(path, ".json"))
		*out = TEKG_EXPORT_JSON;
	else if (ends_with(path, ".csv"))
		return tekg_error_set(err, TEKG_EINVAL,
		                      "%s: CSV export writes a folder (nodes.csv, edges.csv): "
		                      "give DIR/ or --format csv", path);
	return 0;
}

int tekg_export_write(const tekg_graph *g, tekg_export_format f, const char *path,
                      tekg_error *err)
{
	switch (f) {
	case TEKG_EXPORT_GEXF:
		return tekg_export_gexf(g, path, err);
	case TEKG_EXPORT_CSV:
		return tekg_export_csv(g, path, err);
	case TEKG_EXPORT_JSON:
		return tekg_export_json(g, path, err);
	case TEKG_EXPORT_GRAPHML:
	default:
		return tekg_export_graphml(g, path, err);
	}
}

const char *tekg_export_lib_version(void)
{
	static char buf[48];

	snprintf(buf, sizeof buf, "libxml2 %s", xmlParserVersion);
	return buf;
}
