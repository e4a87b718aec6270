/*
 * export.h - the export stage: property graph -> files that Gephi, Gephi
 * Lite, NetworkX, igraph and Cytoscape load with no fixing (see
 * docs/graph-schema.md and the graph contract).
 *
 * Every writer streams to a temporary file beside the target and renames
 * it into place only on success, so a failure never leaves a truncated
 * file.  Strings are made safe for XML: invalid UTF-8 becomes U+FFFD,
 * control characters other than tab, CR and LF are dropped.
 */
#ifndef TEKG_EXPORT_H
#define TEKG_EXPORT_H

#include "tekg/error.h"
#include "tekg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tekg_export_format {
	TEKG_EXPORT_GRAPHML = 0
} tekg_export_format;

/*
 * Pick the format: from `name` when non-NULL ("graphml"), else from the
 * extension of `path` (".graphml"), else GraphML.  TEKG_EINVAL for an
 * unknown name (the message lists the known ones).
 */
int tekg_export_format_pick(const char *name, const char *path, tekg_export_format *out,
                            tekg_error *err);

/* Write g to `path` in format f.  0, TEKG_EIO (path not writable),
 * TEKG_ENOMEM.  "-" writes to standard output (no rename). */
int tekg_export_write(const tekg_graph *g, tekg_export_format f, const char *path,
                      tekg_error *err);

/* GraphML (http://graphml.graphdrawing.org/xmlns), valid against the
 * GraphML XSD: keys first, then nodes, then edges; edgedefault directed. */
int tekg_export_graphml(const tekg_graph *g, const char *path, tekg_error *err);

/* Versions of libxml2 linked (static string). */
const char *tekg_export_lib_version(void);

#ifdef __cplusplus
}
#endif
#endif
