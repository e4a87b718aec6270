#!/bin/sh
# valgrind memcheck over an end-to-end run on ../shared/corpus: no error,
# no leak (definite, indirect or possible), every command exits normally.
#
# The tagger costs about 50x under valgrind (the whole corpus takes some
# ten minutes), so the ingest under valgrind reads the smallest file of the
# corpus with the tagger (-j 1); the rest of the corpus is ingested natively
# and the graph stages (export in every format, queries, stats, show) and
# the text and time stages (tekg time over every file) run under valgrind
# on the whole corpus.  TEKG_VALGRIND_ALL=1 ingests every file under
# valgrind instead.  docs/robustness.md has the full-corpus figures.
# Needs $TEKG, valgrind and ../shared (else exit 77).  Exit 0 pass, 1 fail.
set -u
T=${TEKG:-./tekg}
S=${TEKG_SHARED:-../shared}
command -v valgrind >/dev/null || { echo "skip: valgrind not installed"; exit 77; }
[ -d "$S/corpus" ] || { echo "skip: $S/corpus not found (set TEKG_SHARED)"; exit 77; }
# A sanitizer build cannot run under valgrind.
if nm "$T" 2>/dev/null | grep -q __asan_init; then echo "skip: $T is built with ASan"; exit 77; fi
W=$(mktemp -d /tmp/tekg-valgrind-XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fails=$((fails + 1)); }
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --log-file=$W/vg.%p"

# vg NAME WANT CMD...: run CMD under memcheck; exit status WANT and an
# empty valgrind log pass.
vg() {
	name=$1; want=$2; shift 2
	$VG "$@" >"$W/out" 2>"$W/err"; rc=$?
	if [ $rc = 99 ] || [ -n "$(cat "$W"/vg.* 2>/dev/null)" ]; then
		no "$name: memcheck errors or leaks"; cat "$W"/vg.* | head -40 | sed 's/^/     /'
	elif [ $rc != "$want" ]; then
		no "$name: exit $rc, want $want"; tail -3 "$W/err" | sed 's/^/     /'
	else
		ok "$name: no error, no leak"
	fi
	rm -f "$W"/vg.*
}

small=$(ls -S "$S"/corpus/*.txt | tail -n 1)
if [ -n "${TEKG_VALGRIND_ALL:-}" ]; then
	vg "ingest of the whole corpus with the tagger" 0 "$T" ingest -q -j 1 --db "$W/v.db" "$S/corpus"
else
	vg "ingest of ${small##*/} with the tagger" 0 "$T" ingest -q -j 1 --db "$W/v.db" "$small"
	"$T" ingest -q --db "$W/v.db" "$S/corpus" || no "native ingest of the rest"
fi
vg "re-ingest (all sources known) and topics" 0 "$T" ingest -q -j 1 --db "$W/v.db" "$S/corpus"
docs=$("$T" query sql --db "$W/v.db" 'SELECT count(*) FROM document' | tail -n 1)
[ "$docs" -gt 5 ] && ok "$docs documents" || no "documents: $docs"
vg "export GraphML" 0 "$T" export --db "$W/v.db" -o "$W/g.graphml"
vg "export GEXF" 0 "$T" export --db "$W/v.db" -o "$W/g.gexf"
vg "export JSON" 0 "$T" export --db "$W/v.db" -o "$W/g.json"
vg "export CSV" 0 "$T" export --db "$W/v.db" -o "$W/csv/"
[ -s "$W/g.graphml" ] && [ -s "$W/g.gexf" ] && [ -s "$W/g.json" ] && [ -s "$W/csv/nodes.csv" ] \
	&& ok "every export written" || no "an export is missing"
vg "stats" 0 "$T" stats --db "$W/v.db"
vg "show" 0 "$T" show --db "$W/v.db" 1
vg "query top" 0 "$T" query --db "$W/v.db" top
vg "query communities" 0 "$T" query --db "$W/v.db" communities
vg "query sql" 0 "$T" query sql --db "$W/v.db" 'SELECT type, count(*) FROM entity GROUP BY type'
vg "query sql refused" 2 "$T" query sql --db "$W/v.db" 'DELETE FROM document'
for f in "$S"/corpus/*.txt; do
	vg "time ${f##*/}" 0 "$T" time "$f"
done
vg "ingest rejects invalid UTF-8" 1 "$T" ingest -q --db "$W/v.db" tests/data/hostile/overlong.txt
vg "ingest rejects a missing model" 3 "$T" ingest -q --model "$W/none" --db "$W/v2.db" "$small"

[ $fails = 0 ] && echo "valgrind: all passed" || echo "valgrind: $fails failed"
[ $fails = 0 ]
