/*
 * testutil.h - shared helpers for the cmocka suites.
 *
 * Include after <stdarg.h>, <stddef.h>, <setjmp.h>, <stdint.h> and
 * <cmocka.h>.  TEKG_SHARED is the path of ../shared (the seed corpus, the
 * gold and the schemas); tests that need it call shared_dir() and skip when
 * it is absent, as on a user's machine.
 */
#ifndef TEKG_TESTUTIL_H
#define TEKG_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Path of the shared/ folder beside the repository, or NULL (then the test
 * should call skip() after printing why). */
static inline const char *shared_dir(void)
{
	static char path[4096];
	const char *env = getenv("TEKG_SHARED");
	struct stat st;

	snprintf(path, sizeof path, "%s", env && *env ? env : "../shared");
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return path;
	return NULL;
}

#define SKIP_WITHOUT_SHARED()                                                  \
	do {                                                                   \
		if (shared_dir() == NULL) {                                    \
			fprintf(stderr, "skipped: ../shared not found "        \
			        "(set TEKG_SHARED to the shared folder)\n");   \
			skip();                                                \
		}                                                              \
	} while (0)

/* Read a whole file into a NUL-terminated malloc'd buffer; NULL on failure. */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
			if (len)
				*len = (size_t)n;
		}
	}
	fclose(f);
	return buf;
}

#endif
