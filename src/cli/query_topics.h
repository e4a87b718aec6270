/*
 * query_topics.h - `tekg query topics` and `tekg query topic NAME`
 * (src/cli/query_topics.c; docs/topics.md, "Man page: topics").
 */
#ifndef TEKG_CLI_QUERY_TOPICS_H
#define TEKG_CLI_QUERY_TOPICS_H

#include "tekg/store.h"

/*
 * The read-only SQL statement that answers subcommand `sub` ("topics", or
 * "topic" with `name`), for cmd_query.c to run and print like `query sql`.
 * "topic" resolves name first: an export id (n12), a topic label, an alias
 * or one of a topic's keywords, in either script.  Returns 0 and *sql
 * (caller frees with tekg_free), or TEKG_ENOTFOUND / TEKG_EAMBIGUOUS (the
 * message, with candidates, is printed on stderr), TEKG_EDB, TEKG_ENOMEM.
 */
int cli_topics_sql(tekg_store *s, const char *sub, const char *name, char **sql);

#endif
