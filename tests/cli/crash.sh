#!/bin/sh
# Crash safety of `tekg ingest` (docs/robustness.md):
#  1. a clean run over a corpus gives the reference content;
#  2. the same ingest is killed with SIGKILL at random points, again and
#     again on the same database; after every kill the database passes
#     PRAGMA integrity_check and every stored source has all its documents;
#     then a run to completion must give exactly the reference content
#     (nothing lost, nothing doubled);
#  3. readers (query sql, export) running during an ingest see a consistent
#     snapshot and never fail.
# The corpus: ../shared/corpus (or tests/data when absent) plus copies with a
# numbered first line, so there are many transactions to interrupt.
# Needs $TEKG and sqlite3 (for the content digest).  TEKG_CRASH_KILLS sets
# the number of kills (default 16).  Exit 0 pass, 1 fail, 77 skip.
set -u
T=${TEKG:-./tekg}
S=${TEKG_SHARED:-../shared}
KILLS=${TEKG_CRASH_KILLS:-16}
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 not installed"; exit 77; }
W=$(mktemp -d /tmp/tekg-crash-XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fails=$((fails + 1)); }

mkdir "$W/corpus"
if [ -d "$S/corpus" ]; then set -- "$S"/corpus/*.txt; else set -- tests/data/cli/*.txt tests/data/text/*.txt; fi
for f in "$@"; do
	b=${f##*/}
	cp "$f" "$W/corpus/0_$b"
	for k in 1 2 3 4 5; do
		{ echo "第${k}批稿件"; cat "$f"; } > "$W/corpus/${k}_$b"
	done
done
# JSONL (the fixture's well-formed lines), HTML, GB18030 and Big5
grep -v '"broken line"' tests/data/cli/news.jsonl > "$W/corpus/news.jsonl"
cp tests/data/cli/page.html tests/data/text/gb18030.txt tests/data/text/big5.txt "$W/corpus/"
n_files=$(ls "$W/corpus" | wc -l)

# Content digest: every table's rows, sorted (the ingest clock left out).
digest() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
		echo "# $t"
		if [ "$t" = source ]; then
			sqlite3 "$1" "SELECT id, path, hash, bytes, format, encoding, script, meta FROM source" | sort
		else
			sqlite3 "$1" "SELECT * FROM \"$t\"" | sort
		fi
	done | sha256sum | cut -c1-64
}
integrity() { "$T" query sql --db "$1" 'PRAGMA integrity_check' 2>&1 | tail -n 1; }
# Sources that lack documents or documents without a source: 0 when whole.
partial() {
	"$T" query sql --db "$1" "SELECT (SELECT count(*) FROM source s WHERE NOT EXISTS (SELECT 1 FROM doc_source d WHERE d.source_id = s.id)) + (SELECT count(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM doc_source x WHERE x.doc_id = d.id))" 2>&1 | tail -n 1
}
now_ms() { date +%s%3N; }
rand() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }

# 1. the reference
t0=$(now_ms)
"$T" ingest -q -j 1 --db "$W/clean.db" "$W/corpus" 2>"$W/err"; rc=$?
t1=$(now_ms)
clean_ms=$((t1 - t0))
[ $rc = 0 ] && ok "clean ingest of $n_files files (${clean_ms} ms)" || { no "clean ingest (exit $rc)"; cat "$W/err"; exit 1; }
ref=$(digest "$W/clean.db")
ref_stats=$("$T" stats --db "$W/clean.db")
docs=$(sqlite3 "$W/clean.db" 'SELECT count(*) FROM document')
[ "$docs" -gt "$n_files" ] && ok "reference has $docs documents" || no "reference documents ($docs)"
"$T" ingest -q -j 1 --db "$W/clean.db" "$W/corpus"
[ "$(digest "$W/clean.db")" = "$ref" ] && ok "a second clean run changes nothing" || no "a second clean run changed the content"

# 2. kills at random points
window=$((clean_ms + clean_ms / 4 + 20))
i=0; killed=0; finished=0; bad=0
while [ $i -lt "$KILLS" ]; do
	i=$((i + 1))
	# every fourth round starts from an empty database
	[ $((i % 4)) = 1 ] && rm -f "$W/k.db" "$W/k.db-wal" "$W/k.db-shm"
	# later rounds of a group resume with less left to do: shorter windows
	delay=$(($(rand) % (window / (1 + (i - 1) % 4))))
	"$T" ingest -q -j 1 --db "$W/k.db" "$W/corpus" 2>>"$W/kill.err" &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null; rc=$?
	# 137 = killed by SIGKILL; 0 = it finished before the kill
	case $rc in 137) killed=$((killed + 1)) ;; 0) finished=$((finished + 1)) ;;
	*) no "killed run $i exited $rc"; tail -2 "$W/kill.err" ;; esac
	[ -n "${TEKG_CRASH_DEBUG:-}" ] && echo "     round $i: delay $delay ms, exit $rc"
	[ -f "$W/k.db" ] || continue
	ic=$(integrity "$W/k.db")
	pc=$(partial "$W/k.db")
	if [ "$ic" != ok ] || [ "$pc" != 0 ]; then
		bad=$((bad + 1))
		echo "     kill $i after ${delay} ms: integrity '$ic', partial sources/documents '$pc'"
	fi
	if [ $((i % 4)) = 0 ] || [ $i = "$KILLS" ]; then
		"$T" ingest -q -j 1 --db "$W/k.db" "$W/corpus" 2>>"$W/kill.err"; rc=$?
		if [ $rc != 0 ]; then no "re-run after kill $i (exit $rc)"; tail -3 "$W/kill.err"; continue; fi
		if [ "$(digest "$W/k.db")" = "$ref" ] && [ "$("$T" stats --db "$W/k.db")" = "$ref_stats" ]; then
			ok "kills $((i - 3))..$i then a re-run: exactly the clean content"
		else
			no "kills $((i - 3))..$i then a re-run: content differs from the clean run"
			"$T" stats --db "$W/k.db" > "$W/got.stats"
			echo "$ref_stats" | diff - "$W/got.stats" | head -10
		fi
	fi
done
[ $bad = 0 ] && ok "$KILLS rounds ($killed killed mid-run, $finished finished first): integrity ok, no partial source" \
	|| no "$bad of $KILLS kills left a damaged or partial database"
[ $killed -ge $((KILLS / 4)) ] && ok "$killed rounds were really interrupted" || no "only $killed of $KILLS rounds were interrupted"

# 3. readers during an ingest (into a database that holds a first batch, so
# readers have something to open; its reference is made the same way, as
# topics are renumbered by each run's rebuild)
"$T" ingest -q -j 1 --db "$W/ref2.db" "$W/corpus/0_"* 2>/dev/null
"$T" ingest -q -j 1 --db "$W/ref2.db" "$W/corpus" 2>/dev/null
ref2=$(digest "$W/ref2.db")
"$T" ingest -q -j 1 --db "$W/r.db" "$W/corpus/0_"* 2>/dev/null
"$T" ingest -q -j 1 --db "$W/r.db" "$W/corpus" 2>"$W/r.err" &
pid=$!
reads=0; rbad=0; last=0
while kill -0 "$pid" 2>/dev/null; do
	# one statement = one snapshot: documents and their sources agree
	out=$("$T" query sql --db "$W/r.db" "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM doc_source x WHERE x.doc_id = d.id)) + (SELECT count(*) FROM source s WHERE NOT EXISTS (SELECT 1 FROM doc_source x WHERE x.source_id = s.id))" 2>&1); rc=$?
	n=$(echo "$out" | tail -n 1 | tr -s ' \t|,' ' ')
	set -- $n
	if [ $rc != 0 ] || [ $# -ne 2 ] || [ "$2" != 0 ] || [ "$1" -lt "$last" ]; then
		rbad=$((rbad + 1)); echo "     reader: exit $rc, '$out'"
	else
		last=$1
	fi
	"$T" export --db "$W/r.db" -o "$W/snap.graphml" 2>"$W/x.err"; rc=$?
	if [ $rc != 0 ]; then rbad=$((rbad + 1)); echo "     export: exit $rc"; head -2 "$W/x.err"
	elif command -v xmllint >/dev/null && ! xmllint --noout "$W/snap.graphml" 2>/dev/null; then
		rbad=$((rbad + 1)); echo "     export during ingest is not well-formed"
	fi
	reads=$((reads + 1))
done
wait "$pid"; rc=$?
[ $rc = 0 ] && ok "ingest with readers alongside" || no "ingest with readers alongside (exit $rc)"
[ $reads -gt 0 ] && [ $rbad = 0 ] && ok "$reads reader rounds (query sql + export) during the ingest: consistent, none failed" \
	|| no "readers during ingest: $rbad of $reads rounds bad"
[ "$(digest "$W/r.db")" = "$ref2" ] && ok "ingest with readers gives the clean content" || no "ingest with readers: content differs"

[ $fails = 0 ] && echo "crash: all passed" || echo "crash: $fails failed"
[ $fails = 0 ]
