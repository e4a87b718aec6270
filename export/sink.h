/*
 * sink.h - where every writer in export/ puts its bytes: a temporary file
 * beside the target (renamed into place by tekg_sink_close on success,
 * removed on failure) or standard output for "-", fed in chunks from a
 * small buffer so memory does not depend on the size of the output.
 *
 * XML writers open the sink with a libxml2 xmlTextWriter: they write the
 * prologue and the declarations through it, then stream pre-escaped node
 * and edge markup into `b`, which tekg_sink_flush hands to the writer as
 * raw text.  CSV and JSON writers go straight to the file.
 */
#ifndef TEKG_EXPORT_SINK_H
#define TEKG_EXPORT_SINK_H

#include <stdio.h>
#include <libxml/xmlwriter.h>

#include "tekg/error.h"
#include "util/buf.h"

#define TEKG_SINK_CHUNK ((size_t)1 << 16) /* flush `b` past this many bytes */

typedef struct tekg_sink {
	FILE *f;               /* the temporary file, or stdout */
	xmlTextWriterPtr w;    /* XML sinks only; owns the output buffer over f */
	tekg_buf b;            /* pending bytes, flushed in chunks */
	const char *path;      /* target, borrowed ("-": stdout) */
	char tmp[4096];        /* temporary name beside path */
	int to_stdout;
	xmlGenericErrorFunc old_err;          /* libxml2's handlers, restored at close */
	void *old_err_ctx;
	xmlStructuredErrorFunc old_serr;
	void *old_serr_ctx;
	int keep_tmp;          /* set before close: leave the finished file under
	                          tmp for the caller to rename (or remove) */
} tekg_sink;

/*
 * Open a sink for `path` ("-" for standard output); with `xml` also an
 * xmlTextWriter over it (no indentation).  0, TEKG_EINVAL (path too long),
 * TEKG_EIO (cannot create the temporary file; the message names path),
 * TEKG_ENOMEM.  On failure nothing is left open or on disk.  An XML sink
 * silences libxml2's error printing (this thread) until close: failures
 * come back as return codes, the library never prints.
 */
int tekg_sink_open(tekg_sink *s, const char *path, int xml, tekg_error *err);

/* Hand the pending bytes on.  0 or -1 (an I/O error, reported by close). */
int tekg_sink_flush(tekg_sink *s);

/* Flush when the pending bytes passed TEKG_SINK_CHUNK.  0 or -1. */
static inline int tekg_sink_tick(tekg_sink *s)
{
	return s->b.len >= TEKG_SINK_CHUNK ? tekg_sink_flush(s) : 0;
}

/*
 * Finish.  rc is the writer's result so far: 0 flushes, closes and renames
 * the temporary file into place; a TEKG_E* code removes it instead.
 * With keep_tmp set a successful close leaves the file under s->tmp (the
 * caller renames it with tekg_export_commit or removes it).  A path that
 * names a device, FIFO or socket (/dev/null) is written in place, with no
 * temporary: s->tmp is then empty.  s->tmp and
 * s->path stay readable after close.  Frees everything else.  Returns the final result: 0, rc (with
 * a message naming the path; TEKG_EIO says what the system said), or
 * TEKG_EIO when finishing failed.
 */
int tekg_sink_close(tekg_sink *s, int rc, tekg_error *err);

#endif
