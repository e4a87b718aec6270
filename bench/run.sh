#!/bin/sh
# make bench: run every bench/bench_*.sh in name order.  Each prints its
# figures; none fails on speed.  TEKG is the binary, TEKG_SHARED ../shared.
TEKG=${TEKG:-$(pwd)/tekg}
: "${TEKG_SHARED:=$(cd .. && pwd)/shared}"
export TEKG TEKG_SHARED
for b in bench/bench_*.sh; do
	[ -f "$b" ] || continue
	echo "== $b"
	sh "$b" || echo "(bench $b exited $?)"
done
