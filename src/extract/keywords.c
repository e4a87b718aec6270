/*
 * keywords.c - keywords for topics (the topics work fills this in).
 */
#include "extract/extract_int.h"

int extract_keywords(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                    tekg_error *err)
{
	(void)xa;
	(void)tags;
	(void)out;
	(void)err;
	return 0;
}
