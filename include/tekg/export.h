/*
 * export.h - the export stage: property graph -> files that Gephi, Gephi
 * Lite, NetworkX, igraph, Cytoscape and Neo4j load with no fixing (see
 * docs/exports.md and the graph contract).
 *
 * Formats: GraphML, GEXF 1.3 (dynamic, for Gephi's timeline), CSV for
 * Gephi's spreadsheet importer (a folder with nodes.csv and edges.csv) and
 * JSON in graphology's serialisation format (Gephi Lite, sigma.js).
 *
 * Every writer streams: memory does not depend on the size of the output.
 * Each file is written to a temporary name beside the target and renamed
 * into place only on success, so a failure never leaves a truncated file.
 * Strings are made safe the same way in every format: invalid UTF-8
 * becomes U+FFFD, control characters other than tab, CR and LF are dropped.
 *
 * Errors: 0 or a negative TEKG_E* code with a one-line message naming the
 * path in `err` (nullable).  Nothing here prints.
 */
#ifndef TEKG_EXPORT_H
#define TEKG_EXPORT_H

#include "tekg/error.h"
#include "tekg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tekg_export_format {
	TEKG_EXPORT_GRAPHML = 0,
	TEKG_EXPORT_GEXF,
	TEKG_EXPORT_CSV,
	TEKG_EXPORT_JSON
} tekg_export_format;

/*
 * Pick the format: from `name` when non-NULL ("graphml", "gexf", "csv",
 * "json"), else from `path`: ".graphml" GraphML, ".gexf" GEXF, ".json"
 * JSON, a path ending in "/" or naming an existing directory CSV, anything
 * else GraphML.  Names and extensions ignore case (".GEXF" is GEXF).
 * TEKG_EINVAL for an unknown name (the message lists the known ones), for
 * "csv" with a NULL or "-" path, for a single-file format named with a path
 * that ends in "/" or is an existing directory (checked here, before any
 * writing), and for a path ending in ".csv" without a name (CSV writes a
 * folder: the message says to give DIR/).
 */
int tekg_export_format_pick(const char *name, const char *path, tekg_export_format *out,
                            tekg_error *err);

/* Write g to `path` in format f.  0, TEKG_EIO (path not writable),
 * TEKG_EINVAL (CSV to "-"), TEKG_ENOMEM.  "-" writes to standard output
 * (no rename). */
int tekg_export_write(const tekg_graph *g, tekg_export_format f, const char *path,
                      tekg_error *err);

/* GraphML (http://graphml.graphdrawing.org/xmlns), valid against the
 * GraphML XSD: keys first, then nodes, then edges; edgedefault directed. */
int tekg_export_graphml(const tekg_graph *g, const char *path, tekg_error *err);

/*
 * GEXF 1.3, mode="dynamic" timeformat="date", valid against the GEXF 1.3
 * RELAX NG schema.  Nodes and edges carry start/end (full dates: partial
 * dates widened to their whole period) from the node's dates (first_seen,
 * last_seen, an event's start/end, a date's value, a document's date) and
 * the edge's first_seen/last_seen, kept inside both ends' periods.  label
 * and the viz columns (x, y, size, r, g, b) go to the XML label and viz
 * elements, the edge weight to weight, the edge type to kind and label;
 * every other column (the edge type too) is a typed attvalue.
 */
int tekg_export_gexf(const tekg_graph *g, const char *path, tekg_error *err);

/*
 * CSV for Gephi's spreadsheet importer: the folder `dir` (created when
 * missing, one level) receives nodes.csv (Id, Label, then the node
 * columns) and edges.csv (Source, Target, Type = Directed, Id, Label = the
 * edge type, Weight, then the edge columns); RFC 4180 quoting, CRLF line
 * ends, UTF-8 without BOM.  Both files are written under temporary names
 * and renamed only when both are complete.
 */
int tekg_export_csv(const tekg_graph *g, const char *dir, tekg_error *err);

/*
 * JSON in graphology's serialisation format: {"attributes", "options":
 * {"type": "directed", "multi": true, "allowSelfLoops": true}, "nodes":
 * [{"key", "attributes"}], "edges": [{"key", "source", "target",
 * "attributes"}]}.  Typed values (numbers, booleans); nodes with r, g, b
 * also get "color" as "#rrggbb" for sigma.js.
 */
int tekg_export_json(const tekg_graph *g, const char *path, tekg_error *err);

/*
 * Remove the temporary files of the writes in progress (every writer writes
 * PATH.tmp-PID beside its target and renames it into place at the end).
 * Async-signal-safe (it only calls unlink): meant for a SIGINT / SIGTERM
 * handler, which then re-raises the signal.  Up to 4 temporaries at a time
 * are tracked, enough for one write of any format.
 */
void tekg_export_remove_temporaries(void);

/* Versions of libxml2 linked (static string). */
const char *tekg_export_lib_version(void);

#ifdef __cplusplus
}
#endif
#endif
