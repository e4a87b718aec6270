/*
 * fuzz_jsonl.c - libFuzzer harness for tekg_text_read() in format JSONL:
 * the JSONL reader (one JSON object per line, field map, dates, URL groups).
 * The first input byte picks the script profile; the rest is the source.
 * Every successful read must satisfy the invariants of text_check.h; every
 * failure must be a negative code with a message and no result.
 */
#include "fuzz/text_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_text_one(data, size, TEKG_FORMAT_JSONL, "fuzz.jsonl");
	return 0;
}
