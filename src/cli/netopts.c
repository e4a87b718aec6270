/*
 * netopts.c - parse the shared network options (see netopts.h).
 */
#include "cli/netopts.h"
#include "cli/cli.h"
#include "tekg/time.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const node_types[] = {"document", "person", "organization", "place",
                                         "event", "date", "topic"};

/* YYYY, YYYY-MM or YYYY-MM-DD with a month and a day that exist. */
static int iso_date(const char *s)
{
	size_t n = strlen(s), k;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (k = 0; k < n; k++) {
		if (k == 4 || k == 7) {
			if (s[k] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[k])) {
			return 0;
		}
	}
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return 0;
	/* a full date must exist (no 2025-02-30, 2025-02-29 only in leap years) */
	if (n == 10 && tekg_time_parse_date(s, NULL, NULL, NULL, NULL) != 0)
		return 0;
	return 1;
}

int cli_network_opt(tekg_network_opts *o, int c, const char *arg, const char *cmd)
{
	size_t k;
	char *end;

	switch (c) {
	case NETOPT_TYPE:
		for (k = 0; k < sizeof node_types / sizeof node_types[0]; k++)
			if (strcmp(arg, node_types[k]) == 0)
				break;
		if (k == sizeof node_types / sizeof node_types[0]) {
			cli_usage(cmd, "--type: unknown node type '%s' (document, person, "
			               "organization, place, event, date, topic)", arg);
			return -1;
		}
		if (o->n_types == TEKG_NET_MAX_TYPES) {
			cli_usage(cmd, "--type: at most %d types", TEKG_NET_MAX_TYPES);
			return -1;
		}
		o->types[o->n_types++] = node_types[k];
		return 1;
	case NETOPT_FROM:
	case NETOPT_TO:
		if (!iso_date(arg)) {
			cli_usage(cmd, "--%s: expected YYYY, YYYY-MM or YYYY-MM-DD, got '%s'",
			          c == NETOPT_FROM ? "from" : "to", arg);
			return -1;
		}
		if (c == NETOPT_FROM)
			o->from = arg;
		else
			o->to = arg;
		return 1;
	case NETOPT_MIN_WEIGHT:
		errno = 0;
		o->min_weight = strtod(arg, &end);
		if (errno || end == arg || *end || !(o->min_weight >= 0) || !isfinite(o->min_weight)) {
			cli_usage(cmd, "--min-weight: expected a number >= 0, got '%s'", arg);
			return -1;
		}
		return 1;
	case NETOPT_EGO:
		if (*arg == '\0') {
			cli_usage(cmd, "--ego: empty name");
			return -1;
		}
		o->ego = arg;
		return 1;
	case NETOPT_DEPTH: {
		long v;
		errno = 0;
		v = strtol(arg, &end, 10);
		if (errno || end == arg || *end || v < 1 || v > 100) {
			cli_usage(cmd, "--depth: expected a number of hops from 1 to 100, got '%s'", arg);
			return -1;
		}
		o->depth = (int)v;
		return 1;
	}
	case NETOPT_TOPIC:
		if (*arg == '\0') {
			cli_usage(cmd, "--topic: empty name");
			return -1;
		}
		o->topic = arg;
		return 1;
	case NETOPT_INCLUDE_DOCUMENTS:
		o->include_documents = 1;
		return 1;
	case NETOPT_PROJECTION:
		if (strcmp(arg, "none") == 0)
			o->projection = TEKG_PROJ_NONE;
		else if (strcmp(arg, "person") == 0)
			o->projection = TEKG_PROJ_PERSON;
		else if (strcmp(arg, "organization") == 0)
			o->projection = TEKG_PROJ_ORGANIZATION;
		else {
			cli_usage(cmd, "--projection: expected none, person or organization, got '%s'",
			          arg);
			return -1;
		}
		return 1;
	case NETOPT_DIRECTED:
		o->directed = 1;
		return 1;
	default:
		return 0;
	}
}

int cli_network_check(const tekg_network_opts *o, const char *cmd, int depth_alone)
{
	/* from after to: to's period ends before from's begins ("2025-12-05"
	 * and "2025-12" overlap: to is a prefix of from) */
	if (o->from && o->to && strcmp(o->from, o->to) > 0 &&
	    strncmp(o->to, o->from, strlen(o->to)) != 0) {
		cli_usage(cmd, "--from %s is later than --to %s", o->from, o->to);
		return -1;
	}
	if (o->depth && !o->ego && !depth_alone) {
		cli_usage(cmd, "--depth needs --ego NAME");
		return -1;
	}
	return 0;
}
