/* reader_jsonl.c - placeholder */
#include "text/text_int.h"
int tx_read_jsonl(tekg_source *src, const tekg_text_opts *opts, tekg_error *err)
{
	(void)opts;
	return tx_articles_from_text(src, src->text, src->text_len, 0, src->script, 0, 0, err);
}
