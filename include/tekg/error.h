/*
 * error.h - error codes and the error context shared by every tekg module.
 *
 * Every fallible public function returns 0 on success or one of the negative
 * TEKG_E* codes below, and, when the caller passes a non-NULL tekg_error,
 * fills it with the code and a one-line message (no trailing newline) that
 * names the file and byte offset where that makes sense.  The library never
 * prints, exits or aborts: reporting is the caller's job (the CLI does it).
 */
#ifndef TEKG_ERROR_H
#define TEKG_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
	TEKG_OK = 0,
	TEKG_ENOMEM = -1,    /* an allocation failed */
	TEKG_EIO = -2,       /* reading or writing a file failed */
	TEKG_EPARSE = -3,    /* malformed input (JSONL, HTML, model file, ...) */
	TEKG_EENCODING = -4, /* invalid UTF-8 or an unsupported encoding */
	TEKG_EDB = -5,       /* SQLite reported an error, or the database is corrupt */
	TEKG_EINVAL = -6,    /* an argument is out of its documented range */
	TEKG_ENOTFOUND = -7, /* a named thing (file, document, entity) does not exist */
	TEKG_EMODEL = -8,    /* the tagger model is missing or not the expected one */
	TEKG_EGRAPH = -9,    /* igraph reported an error */
	TEKG_ELIMIT = -10,   /* an input exceeds a documented size cap */
	TEKG_EAMBIGUOUS = -11 /* a name matches several things */
};

#define TEKG_ERRMSG_MAX 512

/* Filled by a failing call; zero-initialise before use ({0} is fine). */
typedef struct tekg_error {
	int code;                   /* one of the TEKG_E* codes, 0 when clear */
	char msg[TEKG_ERRMSG_MAX];  /* one line, NUL-terminated, no newline */
} tekg_error;

/* Static English name of a code ("out of memory"); never NULL. */
const char *tekg_strerror(int code);

/*
 * Record an error in `err` (which may be NULL: then nothing is recorded) and
 * return `code`, so that callers can write `return tekg_error_set(...)`.
 * The message is printf-formatted and truncated to TEKG_ERRMSG_MAX - 1 bytes.
 */
int tekg_error_set(tekg_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Reset `err` to the no-error state.  NULL is a no-op. */
void tekg_error_clear(tekg_error *err);

#ifdef __cplusplus
}
#endif
#endif
