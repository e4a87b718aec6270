#!/bin/sh
# The network stage at scale: a synthetic store of BENCH_NET_ENTITIES
# entities (default 100,000) and BENCH_NET_EDGES relations (default
# 1,000,000) built through the store API by bench/network_bench.c, then the
# graph built from it, every measure (betweenness as configured for that
# size) and the GraphML export timed one by one, with the peak memory.
# Target: all of it under 60 s on one core and under 2 GB.  Never fails on
# speed.  LIBTEKG: the library to link (default libtekg.a, as make bench
# builds it).
set -u
LIBTEKG=${LIBTEKG:-libtekg.a}
ENTS=${BENCH_NET_ENTITIES:-100000}
EDGES=${BENCH_NET_EDGES:-1000000}
CC=${CC:-cc}
LIMIT=${BENCH_NET_TIMEOUT:-600}
if [ ! -f "$LIBTEKG" ]; then
	echo "bench_network: skipped: $LIBTEKG not built"
	exit 0
fi
work=$(mktemp -d /tmp/tekg-bench-net-XXXXXX)
trap 'rm -rf "$work"' EXIT
PKGS="libxml-2.0 sqlite3 igraph opencc jansson libutf8proc"
# shellcheck disable=SC2046
if ! $CC -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	$(pkg-config --cflags $PKGS) -o "$work/network_bench" bench/network_bench.c "$LIBTEKG" \
	$(pkg-config --libs $PKGS) -lm -lpthread; then
	echo "bench_network: skipped: the driver did not compile"
	exit 0
fi
echo "network: synthetic store, $ENTS entities, $EDGES relations"
"$work/network_bench" gen "$work/net.db" "$ENTS" "$EDGES" || { echo "bench_network: generation failed"; exit 0; }
echo "network: store $(( $(stat -c %s "$work/net.db") / 1048576 )) MB"
if [ -x /usr/bin/time ]; then
	timeout "$LIMIT" /usr/bin/time -v "$work/network_bench" run "$work/net.db" "$work/net.graphml" 2>"$work/time.txt"
	rc=$?
	awk -F': ' '/Elapsed \(wall clock\)/ { w = $2 } /User time/ { u = $2 } /System time/ { s = $2 }
		/Maximum resident/ { r = $2 }
		END { printf "network: wall %s, cpu %.2f s, peak RSS %.1f MB (time -v)\n", w, u + s, r / 1024 }' "$work/time.txt"
else
	timeout "$LIMIT" "$work/network_bench" run "$work/net.db" "$work/net.graphml"
	rc=$?
fi
[ "$rc" -eq 124 ] && echo "bench_network: stopped after $LIMIT s (BENCH_NET_TIMEOUT)"
[ "$rc" -eq 0 ] || echo "bench_network: run exited $rc"
echo "network: GraphML $(( $(stat -c %s "$work/net.graphml" 2>/dev/null || echo 0) / 1048576 )) MB"
exit 0
