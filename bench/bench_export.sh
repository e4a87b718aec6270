#!/bin/sh
# The GraphML writer against igraph_write_graph_graphml on a synthetic graph
# of BENCH_EXPORT_EDGES edges (default 1,000,000; nodes = edges / 10) with
# the same attribute set, built in memory by bench/export_bench.c.  Prints
# seconds, MB/s, the ratio and the RSS growth during tekg's write.  Target:
# ratio >= 1.  Never fails on speed.  LIBTEKG: the library to link
# (default libtekg.a, as make bench builds it).
set -u
LIBTEKG=${LIBTEKG:-libtekg.a}
EDGES=${BENCH_EXPORT_EDGES:-1000000}
CC=${CC:-cc}
if [ ! -f "$LIBTEKG" ]; then
	echo "bench_export: skipped: $LIBTEKG not built"
	exit 0
fi
work=$(mktemp -d /tmp/tekg-bench-export-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
PKGS="libxml-2.0 sqlite3 igraph opencc jansson libutf8proc"
# shellcheck disable=SC2046
if ! $CC -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	$(pkg-config --cflags $PKGS) -o "$work/export_bench" bench/export_bench.c "$LIBTEKG" \
	$(pkg-config --libs $PKGS) -lm -lpthread; then
	echo "bench_export: skipped: the driver did not compile"
	exit 0
fi
"$work/export_bench" "$EDGES" "$work" || echo "bench_export: the driver failed (exit $?)"
exit 0
