/*
 * events.c - events (the events work fills this in).
 */
#include "extract/extract_int.h"

int extract_events(const xart *xa, const tekg_tag_result *tags, tekg_extraction *out,
                  tekg_error *err)
{
	(void)xa;
	(void)tags;
	(void)out;
	(void)err;
	return 0;
}
