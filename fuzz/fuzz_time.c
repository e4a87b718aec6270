/*
 * fuzz_time.c - libFuzzer harness for the temporal normaliser:
 * tekg_time_find() and tekg_time_infer_anchor() on arbitrary bytes.  The
 * first byte picks the anchor (none, "", or one of a few dates, including
 * the edges of the accepted year range).  Checks: spans in text order,
 * non-overlapping and inside the text; values of the form YYYY[-MM[-DD]]
 * at the stated precision; tekg_time_value fits in 22 bytes; failures are
 * negative codes with a message and no result.
 */
#include <string.h>

#include "fuzz/fuzz.h"
#include "fuzz/text_check.h"
#include "tekg/time.h"
#include "util/alloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const char *const anchors[] = {
	NULL, "", "2025-08-25", "1000-01-01", "2999-12-31", "2024-02-29", "2025-12-31", "2000-01-01"
};

/* 1 when v is "YYYY", "YYYY-MM" or "YYYY-MM-DD" with plausible fields,
 * of the length `precision` implies (0: any). */
static int iso_ok(const char *v, int precision)
{
	size_t n = strlen(v);
	size_t i;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	if (precision != 0 && n != (size_t)(precision == TEKG_TIME_YEAR ? 4 : precision == TEKG_TIME_MONTH ? 7 : 10))
		return 0;
	for (i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (v[i] != '-')
				return 0;
		} else if (v[i] < '0' || v[i] > '9') {
			return 0;
		}
	}
	if (n >= 7) {
		int m = (v[5] - '0') * 10 + (v[6] - '0');
		if (m < 1 || m > 12)
			return 0;
	}
	if (n == 10) {
		int d = (v[8] - '0') * 10 + (v[9] - '0');
		if (d < 1 || d > 31)
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *anchor = NULL;
	const char *text;
	tekg_timex *tx = (tekg_timex *)1;
	size_t n = 99, i, chars;
	tekg_error err = {0};
	char date[11], val[22];
	int rc, inferred = -1;

	if (size > 0) {
		anchor = anchors[data[0] % (sizeof anchors / sizeof anchors[0])];
		data++;
		size--;
	}
	text = (const char *)data;
	chars = fuzz_utf8_count(text, size);
	rc = tekg_time_find(text, size, anchor, &tx, &n, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc < 0 && err.code == rc && err.msg[0] != '\0');
		FUZZ_CHECK(tx == NULL && n == 0);
		/* Valid UTF-8 with a valid anchor is only refused for lack of memory. */
		FUZZ_CHECK(chars == (size_t)-1 || rc == TEKG_ENOMEM);
	} else {
		FUZZ_CHECK(chars != (size_t)-1);
		FUZZ_CHECK(n == 0 || tx != NULL);
		for (i = 0; i < n; i++) {
			FUZZ_CHECK(tx[i].start <= tx[i].end && tx[i].end <= chars);
			if (i > 0)
				FUZZ_CHECK(tx[i - 1].end <= tx[i].start);
			FUZZ_CHECK(iso_ok(tx[i].iso_start, tx[i].precision));
			FUZZ_CHECK(iso_ok(tx[i].iso_end, 0));
			FUZZ_CHECK(tekg_time_value(&tx[i], val, sizeof val) > 0);
		}
		tekg_free(tx);
	}
	rc = tekg_time_infer_anchor(text, size, anchor && *anchor ? anchor : NULL, date,
	                            &inferred, &err);
	if (rc == 0) {
		FUZZ_CHECK(date[0] == '\0' || tekg_time_parse_date(date, NULL, NULL, NULL, NULL) == 0);
		FUZZ_CHECK(inferred == 0 || inferred == 1);
	} else {
		FUZZ_CHECK(rc < 0 && err.msg[0] != '\0');
	}
	return 0;
}
