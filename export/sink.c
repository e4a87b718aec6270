/*
 * sink.c - buffered output to a temporary file renamed into place (see
 * sink.h).
 */
#include "export/sink.h"
#include "export/xmlsafe.h"

#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

#if LIBXML_VERSION >= 21200
static void quiet_structured(void *ctx, const xmlError *e)
#else
static void quiet_structured(void *ctx, xmlErrorPtr e)
#endif
{
	(void)ctx;
	(void)e;
}

int tekg_sink_open(tekg_sink *s, const char *path, int xml, tekg_error *err)
{
	xmlOutputBufferPtr ob;
	struct stat st;

	memset(s, 0, sizeof *s);
	s->path = path;
	s->to_stdout = strcmp(path, "-") == 0;
	if (s->to_stdout) {
		s->f = stdout;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		/* a device, FIFO or socket (/dev/null, a named pipe) is written in
		 * place: renaming a file over it would replace the special file */
		if ((s->f = fopen(path, "w")) == NULL)
			return tekg_error_set(err, TEKG_EIO, "%s: cannot write: %s", path,
			                      strerror(errno));
	} else {
		if (tekg_export_tmpname(path, s->tmp, sizeof s->tmp))
			return tekg_error_set(err, TEKG_EINVAL, "%s: path too long", path);
		if ((s->f = fopen(s->tmp, "w")) == NULL) {
			int e = errno;
			tekg_export_discard(s->tmp);
			return tekg_error_set(err, TEKG_EIO, "%s: cannot write: %s", path,
			                      strerror(e));
		}
	}
	if (!xml)
		return 0;
	s->old_err = xmlGenericError;
	s->old_err_ctx = xmlGenericErrorContext;
	s->old_serr = xmlStructuredError;
	s->old_serr_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	ob = xmlOutputBufferCreateFile(s->f, NULL);
	if (ob == NULL || (s->w = xmlNewTextWriter(ob)) == NULL) {
		if (ob)
			xmlOutputBufferClose(ob);
		return tekg_sink_close(s, TEKG_ENOMEM, err);
	}
	return 0;
}

int tekg_sink_flush(tekg_sink *s)
{
	int rc = 0;

	if (s->b.len == 0)
		return 0;
	if (s->f == NULL)
		return -1;
	if (s->w)
		rc = xmlTextWriterWriteRawLen(s->w, (const xmlChar *)s->b.data, (int)s->b.len) < 0
		             ? -1 : 0;
	else
		rc = fwrite(s->b.data, 1, s->b.len, s->f) == s->b.len ? 0 : -1;
	tekg_buf_reset(&s->b);
	return rc;
}

int tekg_sink_close(tekg_sink *s, int rc, tekg_error *err)
{
	int saved = rc == TEKG_EIO ? errno : 0;

	if (rc == 0 && tekg_sink_flush(s))
		rc = TEKG_EIO, saved = errno;
	if (s->w) {
		if (rc == 0 && xmlTextWriterFlush(s->w) < 0)
			rc = TEKG_EIO, saved = errno;
		xmlFreeTextWriter(s->w); /* flushes into f, does not close it */
		s->w = NULL;
	}
	if (s->old_err || s->old_serr) {
		xmlSetGenericErrorFunc(s->old_err_ctx, s->old_err);
		xmlSetStructuredErrorFunc(s->old_serr_ctx, s->old_serr);
		s->old_err = NULL;
		s->old_serr = NULL;
	}
	if (s->f) {
		if ((fflush(s->f) != 0 || ferror(s->f)) && rc == 0)
			rc = TEKG_EIO, saved = errno;
		if (!s->to_stdout && fclose(s->f) != 0 && rc == 0)
			rc = TEKG_EIO, saved = errno;
		s->f = NULL;
	}
	tekg_buf_free(&s->b);
	if (!s->to_stdout && s->tmp[0] && !(s->keep_tmp && rc == 0)) {
		if (rc == 0 && tekg_export_commit(s->tmp, s->path)) {
			s->tmp[0] = '\0';
			return tekg_error_set(err, TEKG_EIO, "%s: cannot rename into place: %s",
			                      s->path, strerror(errno));
		}
		if (rc)
			tekg_export_discard(s->tmp);
		s->tmp[0] = '\0';
	}
	if (rc == TEKG_EIO)
		return tekg_error_set(err, rc, "%s: write failed: %s", s->path,
		                      saved ? strerror(saved) : "I/O error");
	if (rc)
		return tekg_error_set(err, rc, "%s: %s", s->path, tekg_strerror(rc));
	return 0;
}
