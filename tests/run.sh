#!/bin/sh
# Run every test of tekg: the cmocka suites in $BUILD/tests, then the CLI and
# client tests in tests/cli/*.sh (each gets $TEKG, the binary under test, and
# exits 0 pass, 77 skip, anything else fail).  Prints one summary line.
BUILD=${BUILD:-build}
TEKG=${TEKG:-$(pwd)/tekg}
export TEKG BUILD
: "${TEKG_SHARED:=$(cd .. && pwd)/shared}"
export TEKG_SHARED
pass=0; fail=0; skipped=0; failed=""
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== $t"
	if "$t"; then pass=$((pass+1)); else fail=$((fail+1)); failed="$failed $t"; fi
done
# The fuzz corpus: each replay driver runs its harness over every committed
# seed and crasher (fuzz/corpus/<target>/), no clang needed.
for t in "$BUILD"/fuzz/replay_*; do
	[ -x "$t" ] || continue
	c=fuzz/corpus/${t##*/replay_}
	[ -d "$c" ] || continue
	echo "== $t $c"
	if "$t" "$c" 2>"$BUILD/fuzz/replay.log"; then pass=$((pass+1)); else
		tail -20 "$BUILD/fuzz/replay.log"; fail=$((fail+1)); failed="$failed $t"; fi
done
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	echo "== $t"
	sh "$t"; rc=$?
	case $rc in
	0) pass=$((pass+1)) ;;
	77) skipped=$((skipped+1)) ;;
	*) fail=$((fail+1)); failed="$failed $t" ;;
	esac
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
