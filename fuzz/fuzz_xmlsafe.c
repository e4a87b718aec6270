/*
 * fuzz_xmlsafe.c - libFuzzer harness for the string helpers every export
 * format shares (export/xmlsafe.h): tekg_xml_safe, tekg_xml_escape (text and
 * attribute), tekg_csv_field and tekg_date_widen, on arbitrary bytes.
 *
 * Checks: the output is valid UTF-8 without the characters XML 1.0 forbids;
 * escaped output holds no raw '<' or '"' (and, for attributes, no raw tab
 * or LF); a CSV field with a quote, comma or line end is quoted; a widened
 * date is "" or YYYY-MM-DD.
 */
#include <string.h>

#include "export/xmlsafe.h"
#include "fuzz/fuzz.h"
#include "fuzz/text_check.h"
#include "util/buf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Valid UTF-8 with only the control characters XML 1.0 allows. */
static void check_xml_chars(const char *s, size_t n)
{
	size_t i;

	FUZZ_CHECK(fuzz_utf8_count(s, n) != (size_t)-1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
		/* U+FFFE, U+FFFF: EF BF BE / EF BF BF */
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF)
			FUZZ_CHECK((unsigned char)s[i + 2] < 0xBE);
	}
}

/* "YYYY-MM-DD" naming a day that exists (any year 0000..9999). */
static int full_date_ok(const char *d)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, day, i;

	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return 0;
	y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
		return 0;
	if (m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	tekg_buf b;
	const char *safe;
	char out[11];
	size_t i;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0'; /* the helpers take C strings: input stops at a NUL */
	tekg_buf_init(&b, 0);

	safe = tekg_xml_safe(&b, s);
	FUZZ_CHECK(safe != NULL);
	check_xml_chars(safe, strlen(safe));

	tekg_buf_reset(&b);
	FUZZ_CHECK(tekg_xml_escape(&b, s, 0) == 0);
	check_xml_chars(b.data ? b.data : "", b.len);
	for (i = 0; i < b.len; i++)
		FUZZ_CHECK(b.data[i] != '<' && b.data[i] != '"' && b.data[i] != '\r');

	tekg_buf_reset(&b);
	FUZZ_CHECK(tekg_xml_escape(&b, s, 1) == 0);
	check_xml_chars(b.data ? b.data : "", b.len);
	for (i = 0; i < b.len; i++)
		FUZZ_CHECK(b.data[i] != '<' && b.data[i] != '"' && b.data[i] != '\t' &&
		           b.data[i] != '\n' && b.data[i] != '\r');

	tekg_buf_reset(&b);
	FUZZ_CHECK(tekg_csv_field(&b, s) == 0);
	if (b.len > 0) {
		check_xml_chars(b.data, b.len);
		if (strpbrk(b.data, ",\r\n") != NULL)
			FUZZ_CHECK(b.data[0] == '"' && b.len >= 2 && b.data[b.len - 1] == '"');
	}

	for (i = 0; i < 2; i++) {
		if (tekg_date_widen(s, (int)i, out)) {
			FUZZ_CHECK(strlen(out) == 10 && out[4] == '-' && out[7] == '-');
			FUZZ_CHECK(full_date_ok(out));
		} else {
			FUZZ_CHECK(out[0] == '\0');
		}
	}
	tekg_buf_free(&b);
	free(s);
	return 0;
}
