/*
 * common.c - shared option parsing, store opening, progress and the
 * ingest and export steps used by several subcommands.
 */
#include "cli/cli.h"
#include "cli/common.h"
#include "tekg/export.h"
#include "tekg/graph.h"
#include "tekg/time.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The lexicon folder beside the running executable, or NULL. */
static const char *exe_data_dir(void)
{
	static char buf[PATH_MAX + 32];
	static const char *const rel[] = {"/data", "/../share/tekg"};
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
	char *slash;
	size_t i, base;

	if (n <= 0 || n >= PATH_MAX)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	base = (size_t)(slash - buf);
	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		memcpy(buf + base, rel[i], strlen(rel[i]) + 1);
		if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
			return buf;
	}
	return NULL;
}

int cli_pipeline_new(cli_ingest *o, tekg_store *s, tekg_pipeline **p, tekg_error *err)
{
	int rc;

	o->popts.fallback_data_dir = exe_data_dir();
	if ((rc = tekg_pipeline_new(p, s, &o->popts, err)))
		return rc;
	if (!o->quiet && tekg_pipeline_data_dir(*p) == NULL)
		fprintf(stderr, "tekg: warning: no lexicon folder found ($TEKG_DATA_DIR, "
		        TEKG_PREFIX "/share/tekg, ./data): titles, affiliations and "
		        "gazetteer names are missing; set TEKG_DATA_DIR or run make install\n");
	return 0;
}

int cli_ingest_opt(cli_ingest *o, const char *cmd, int c, const char *arg)
{
	char *end;
	long j;

	switch (c) {
	case 'd': o->db = arg; return 1;
	case 'D':
		if (tekg_time_parse_date(arg, NULL, NULL, NULL, NULL)) {
			cli_usage(cmd, "--date wants YYYY-MM-DD, not '%s'", arg);
			return -1;
		}
		o->popts.date = arg;
		return 1;
	case 'F':
		if (!strcmp(arg, "auto")) o->popts.text.format = TEKG_FORMAT_AUTO;
		else if (!strcmp(arg, "text")) o->popts.text.format = TEKG_FORMAT_TEXT;
		else if (!strcmp(arg, "jsonl")) o->popts.text.format = TEKG_FORMAT_JSONL;
		else if (!strcmp(arg, "html")) o->popts.text.format = TEKG_FORMAT_HTML;
		else {
			cli_usage(cmd, "--input-format wants auto, text, jsonl or html, not '%s'", arg);
			return -1;
		}
		return 1;
	case 'S':
		if (!strcmp(arg, "auto")) o->popts.text.script = TEKG_SCRIPT_AUTO;
		else if (!strcmp(arg, "t2s")) o->popts.text.script = TEKG_SCRIPT_T2S;
		else if (!strcmp(arg, "hk2s")) o->popts.text.script = TEKG_SCRIPT_HK2S;
		else if (!strcmp(arg, "tw2s")) o->popts.text.script = TEKG_SCRIPT_TW2S;
		else if (!strcmp(arg, "none")) o->popts.text.script = TEKG_SCRIPT_NONE;
		else {
			cli_usage(cmd, "--script-profile wants auto, t2s, hk2s, tw2s or none, not '%s'",
			          arg);
			return -1;
		}
		return 1;
	case 'M':
		if (tekg_text_check_field_map(arg)) {
			cli_usage(cmd, "--field wants NAME=FIELD pairs joined by commas, NAME one of "
			          "id, url, title, date, text (e.g. text=content,date=published_at), "
			          "not '%s'", arg);
			return -1;
		}
		o->popts.text.field_map = arg;
		return 1;
	case 'm': o->popts.model_dir = arg; return 1;
	case 'j':
		j = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || j < 1 || j > 256) {
			cli_usage(cmd, "-j wants a number of threads from 1 to 256, not '%s'", arg);
			return -1;
		}
		o->popts.jobs = (int)j;
		return 1;
	case 'q': o->quiet = 1; return 1;
	case 'L':
		if (o->popts.n_lexicons >= sizeof o->lexicons / sizeof o->lexicons[0]) {
			cli_usage(cmd, "too many --lexicon files");
			return -1;
		}
		o->lexicons[o->popts.n_lexicons++] = arg;
		o->popts.lexicons = o->lexicons;
		return 1;
	case 'C':
		if (o->popts.n_curations >= sizeof o->curations / sizeof o->curations[0]) {
			cli_usage(cmd, "too many --curation files");
			return -1;
		}
		o->curations[o->popts.n_curations++] = arg;
		o->popts.curations = o->curations;
		return 1;
	default: return 0;
	}
}

int cli_open_store(tekg_store **s, const char *path, int flags)
{
	tekg_error err = {0};
	int rc = tekg_store_open(s, path, flags, &err);

	if (rc == 0)
		return EXIT_OK;
	cli_err(NULL, "%s", err.msg);
	return rc == TEKG_ENOTFOUND ? EXIT_INPUT : EXIT_INTERNAL;
}

void cli_on_problem(void *ud, const char *path, const tekg_error *e)
{
	cli_ingest *o = ud;
	const char *msg = e->msg[0] ? e->msg : tekg_strerror(e->code);
	size_t n = strlen(path);
	if (o->progress)
		fputs("\r\033[K", stderr);
	/* messages from the text stage already start with the path */
	if (strncmp(msg, path, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		msg += n + 2;
	cli_err(path, "%s", msg);
}

void cli_on_progress(void *ud, const char *path, const tekg_report *r)
{
	cli_ingest *o = ud;

	if (!o->progress)
		return;
	fprintf(stderr, "\r\033[Ktekg: %zu inputs, %zu documents, %.1f MB  %s", r->inputs,
	        r->docs_new + r->docs_linked, r->bytes / 1e6, path);
	fflush(stderr);
}

int cli_run_ingest(cli_ingest *o, tekg_store *s, int argc, char **argv, int first)
{
	tekg_pipeline *p = NULL;
	tekg_error err = {0};
	const tekg_report *r;
	int i, rc, status = EXIT_OK;

	o->progress = !o->quiet && isatty(STDERR_FILENO);
	o->popts.on_problem = cli_on_problem;
	o->popts.on_progress = cli_on_progress;
	o->popts.ud = o;
	if ((rc = cli_pipeline_new(o, s, &p, &err))) {
		cli_err(NULL, "%s", err.msg);
		/* an unreadable lexicon or curation file is a rejected input;
		 * a missing model or a database problem is not */
		return rc == TEKG_EMODEL || rc == TEKG_ENOMEM || rc == TEKG_EDB ? EXIT_INTERNAL
		       : cli_exit_for(rc);
	}
	for (i = first; i < argc; i++) {
		if ((rc = tekg_pipeline_ingest(p, argv[i], &err))) {
			if (o->progress)
				fputs("\r\033[K", stderr);
			cli_err(argv[i], "%s", err.msg);
			status = EXIT_INTERNAL;
			break;
		}
	}
	if (status == EXIT_OK && (rc = tekg_pipeline_finish(p, &err))) { /* topics */
		cli_err(NULL, "topics: %s", err.msg);
		status = EXIT_INTERNAL;
	}
	r = tekg_pipeline_report(p);
	if (o->progress)
		fputs("\r\033[K", stderr);
	if (!o->quiet)
		fprintf(stderr,
		        "tekg: %zu input%s, %zu new source%s (%zu already stored), %zu article%s,"
		        " %zu new document%s, %zu problem%s\n",
		        r->inputs, r->inputs == 1 ? "" : "s", r->sources_new,
		        r->sources_new == 1 ? "" : "s", r->sources_known, r->articles,
		        r->articles == 1 ? "" : "s", r->docs_new, r->docs_new == 1 ? "" : "s",
		        r->problems, r->problems == 1 ? "" : "s");
	if (status == EXIT_OK && r->problems > 0)
		status = EXIT_INPUT;
	tekg_pipeline_free(p);
	return status;
}

int cli_export(tekg_store *s, const char *out, const char *format, int include_duplicates,
               const tekg_network_opts *net)
{
	static const tekg_network_opts no_net = {0};
	tekg_graph_opts gopts = {0};
	tekg_export_format f;
	tekg_graph *g = NULL, *h = NULL;
	tekg_error err = {0};
	int rc, status = EXIT_OK;

	if (net == NULL)
		net = &no_net;
	if (tekg_export_format_pick(format, out, &f, &err))
		return cli_usage("export", "%s", err.msg);
	gopts.include_duplicates = include_duplicates;
	if ((rc = tekg_graph_from_store(&g, s, &gopts, &err)))
		goto fail;
	/* the date window and --topic before a projection, the rest after */
	if (tekg_network_filters_active(net) || net->projection != TEKG_PROJ_NONE) {
		if ((rc = tekg_network_apply(&h, g, net, &err)))
			goto fail;
		tekg_graph_free(g);
		g = h;
		h = NULL;
	}
	if ((rc = tekg_network_measures(g, net, &err)) ||
	    (rc = tekg_export_write(g, f, out, &err)))
		goto fail;
	tekg_graph_free(g);
	return EXIT_OK;
fail:
	cli_err(NULL, "%s", err.msg);
	status = rc == TEKG_EIO || rc == TEKG_ENOTFOUND || rc == TEKG_EAMBIGUOUS ? EXIT_INPUT
	         : rc == TEKG_EINVAL ? EXIT_USAGE : EXIT_INTERNAL;
	tekg_graph_free(g);
	tekg_graph_free(h);
	return status;
}
