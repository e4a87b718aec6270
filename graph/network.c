/*
 * network.c - the bridge to igraph: its error handlers and version.  The
 * network measures and queries build on this file (see docs/).
 *
 * igraph's default error handler aborts the process; the library never
 * aborts, so tekg_graph_igraph_init() installs handlers that only record.
 */
#include "tekg/graph.h"

#include <igraph.h>
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void install_handlers(void)
{
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void tekg_graph_igraph_init(void);
void tekg_graph_igraph_init(void)
{
	pthread_once(&once, install_handlers);
}

const char *tekg_graph_lib_version(void)
{
	static char buf[64];
	const char *s = NULL;
	int major = 0, minor = 0, sub = 0;

	igraph_version(&s, &major, &minor, &sub);
	snprintf(buf, sizeof buf, "igraph %s", s ? s : "?");
	return buf;
}
