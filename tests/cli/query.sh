#!/bin/sh
# query.sh - `tekg query` on the fixture store of tests/test_query.c: every
# subcommand's exact output (text, and JSON / CSV for some) against the
# golden files in tests/data/network/, exit codes for unknown and ambiguous
# names, usage errors, a write attempt through `sql`, a missing database.
# Gets $TEKG and $BUILD; exits 0 pass, 77 skip, 1 fail.
# TEKG_UPDATE_GOLDEN=1 rewrites the golden files (review the diff!).
TEKG=${TEKG:-./tekg}
BUILD=${BUILD:-build}
MAKER=$BUILD/tests/test_query
GOLD=tests/data/network
if [ ! -x "$TEKG" ]; then
	echo "skip: $TEKG is not built"
	exit 77
fi
if [ ! -x "$MAKER" ]; then
	echo "skip: $MAKER (the fixture builder) is not built"
	exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
"$MAKER" --make-fixture "$tmp/f.db" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; echo "FAIL: fixture"; exit 1; }
DB="--db $tmp/f.db"

# golden NAME ARGS...: exit 0, empty stderr, stdout equal to $GOLD/NAME.out
golden() {
	name=$1
	shift
	# shellcheck disable=SC2086
	"$TEKG" query $DB "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	[ "$rc" -eq 0 ] || fail "$name: exit $rc ($(head -c 300 "$tmp/err"))"
	[ -s "$tmp/err" ] && fail "$name: stderr: $(head -c 300 "$tmp/err")"
	if [ "${TEKG_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$tmp/out" "$GOLD/$name.out"
	elif ! cmp -s "$tmp/out" "$GOLD/$name.out"; then
		fail "$name: output differs from $GOLD/$name.out"
		diff "$GOLD/$name.out" "$tmp/out" | head -20
	fi
}

golden neighbors neighbors 王毅
golden neighbors-type neighbors 王毅 --type person
golden neighbors-rel neighbors 王毅 --rel co_occurs
golden neighbors-directed neighbors 亚太经合组织峰会 --directed
golden neighbors-directed-cooccur neighbors 王毅 --directed
golden neighbors-trad neighbors 李強
golden path path 外交部 上海
golden timeline timeline 李强
golden who who APEC峰会
golden met met 李强
golden top top -n 5
golden top-betweenness top --by betweenness --type person
golden top-degree-person top --by degree --projection person
golden neighbors-projection neighbors 李强 --projection person
golden communities communities
golden cooccur cooccur 李强 王毅
golden events events
golden events-window events --from 2025-12 --to 2025-12-31
golden events-leap events --from 2024-02-29 --to 2025-12-05
golden documents documents
golden sql sql "SELECT type, count(*) AS n FROM entity GROUP BY type ORDER BY type"
golden who-json --json who 亚太经合组织峰会
golden top-csv --csv top -n 3
golden documents-csv documents --csv
# shellcheck disable=SC2086
"$TEKG" query $DB ego 李强 --depth 1 -o "$tmp/sub.graphml" >"$tmp/out" 2>"$tmp/err" || fail "ego: exit $?"
tail -n 1 "$tmp/out" | grep -q 'sub.graphml      5      6$' || fail "ego: summary '$(cat "$tmp/out")'"
grep -c '<node ' "$tmp/sub.graphml" | grep -qx 5 || fail "ego: expected 5 nodes in the GraphML"
grep -q 'attr.name="pagerank"' "$tmp/sub.graphml" || fail "ego: no pagerank in the GraphML"

# JSON is valid (when a JSON parser is at hand)
if [ -x /usr/bin/python3 ]; then
	for a in "neighbors 王毅" "timeline 李强" "communities" "events --from 2030"; do
		# shellcheck disable=SC2086
		"$TEKG" query $DB --json $a 2>/dev/null | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' \
			|| fail "--json $a: invalid JSON"
	done
	# shellcheck disable=SC2086
	"$TEKG" query $DB --json sql "SELECT label, 1.5 AS x, NULL AS y, 0.1 + 0.2 AS z, length(label) AS n, '7' AS s FROM entity WHERE type = 'event' ORDER BY id" 2>/dev/null >"$tmp/sql.json"
	/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert d == [
	    {"label": "亚太经合组织峰会", "x": 1.5, "y": None, "z": 0.1 + 0.2, "n": 8, "s": "7"},
	    {"label": "进博会", "x": 1.5, "y": None, "z": 0.1 + 0.2, "n": 3, "s": "7"}], d' "$tmp/sql.json" \
		|| fail "--json sql: numbers, null and strings by SQL type: $(cat "$tmp/sql.json")"
fi

# events count distinct participants (李强 with two roles is one);
# documents of the same date sort by id, not title
if [ -x /usr/bin/python3 ]; then
	cp "$tmp/f.db" "$tmp/ev.db"
	/usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1])
c.execute(\"INSERT INTO edge (type, src, dst, doc_id, sentence_id, role, weight) VALUES ('participant', 6, 1, 1, 2, '致辞', 1)\")
c.execute(\"UPDATE document SET date = '2025-12-01' WHERE id = 3\")
c.commit()" "$tmp/ev.db"
	"$TEKG" query --db "$tmp/ev.db" --csv events | tr -d '\r' | cut -d, -f1,7 >"$tmp/out"
	printf 'id,participants\nn1,3\nn8,2\n' >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" || fail "events: participants not distinct: $(cat "$tmp/out")"
	"$TEKG" query --db "$tmp/ev.db" --csv documents | tr -d '\r' | cut -d, -f1,2 >"$tmp/out"
	printf 'id,date\nd1,2025-11-10\nd2,2025-12-01\nd3,2025-12-01\n' >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" || fail "documents: not by date then id: $(cat "$tmp/out")"
fi

# with --projection, --type and --ego apply to the projected graph
if [ -x /usr/bin/python3 ]; then
	# shellcheck disable=SC2086
	"$TEKG" export $DB --projection person --type person -o "$tmp/p.json" 2>"$tmp/err" || fail "projection --type: $(cat "$tmp/err")"
	/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1]))
assert sorted(n["attributes"]["label"] for n in d["nodes"]) == ["张伟", "李强", "王毅"], d["nodes"]
assert len(d["edges"]) == 2, d["edges"]' "$tmp/p.json" || fail "export --projection person --type person: not the 3 persons"
	# shellcheck disable=SC2086
	"$TEKG" export $DB --projection person --ego 张伟 -o "$tmp/p.json" 2>"$tmp/err" || fail "projection --ego: $(cat "$tmp/err")"
	/usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1]))
assert sorted(n["attributes"]["label"] for n in d["nodes"]) == ["张伟", "李强"], d["nodes"]' "$tmp/p.json" \
		|| fail "export --projection person --ego 张伟: not 张伟 and 李强"
fi

# --json and --csv carry measures at full precision (the export's value),
# only text tables round
if [ -x /usr/bin/python3 ]; then
	# shellcheck disable=SC2086
	"$TEKG" export $DB -o "$tmp/all.json" 2>"$tmp/err" || fail "export for precision: $(cat "$tmp/err")"
	for by in pagerank betweenness; do
		# shellcheck disable=SC2086
		"$TEKG" query $DB --json top --by $by -n 3 >"$tmp/top.json" 2>"$tmp/err"
		/usr/bin/python3 -c '
import json, sys
g = {n["key"]: n["attributes"] for n in json.load(open(sys.argv[1]))["nodes"]}
rows = json.load(open(sys.argv[2]))
assert len(rows) == 3, rows
for r in rows:
    assert r["value"] == g[r["id"]][sys.argv[3]], (r, g[r["id"]][sys.argv[3]])
' "$tmp/all.json" "$tmp/top.json" "$by" || fail "--json top --by $by: not the exported value"
	done
fi

# text tables replace control characters (C0, DEL, C1) with spaces; JSON
# keeps them, escaped
if [ -x /usr/bin/python3 ]; then
	cp "$tmp/f.db" "$tmp/ctl.db"
	/usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE entity SET label = '深' || char(27) || '[31m圳' || char(133) || char(127) || char(9) || 'x' WHERE id = 2\"); c.commit(); c.close()" "$tmp/ctl.db"
	"$TEKG" query --db "$tmp/ctl.db" sql "SELECT label FROM entity WHERE id = 2" >"$tmp/out" 2>"$tmp/err"
	printf 'label\n-------------\n深 [31m圳   x\n' >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" || fail "controls in a text table: $(od -c "$tmp/out" | head -5)"
	"$TEKG" query --db "$tmp/ctl.db" --json sql "SELECT label FROM entity WHERE id = 2" >"$tmp/out" 2>"$tmp/err"
	grep -qF '\u001b[31m' "$tmp/out" || fail "controls in JSON: $(cat "$tmp/out")"
fi

# expect STATUS DESCRIPTION PATTERN ARGS...: exit status and a stderr line
expect() {
	want=$1 what=$2 pat=$3
	shift 3
	# shellcheck disable=SC2086
	"$TEKG" query "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
	grep -q -- "$pat" "$tmp/err" || fail "$what: stderr '$(head -c 300 "$tmp/err")' lacks '$pat'"
}
# shellcheck disable=SC2086
expect 1 "ambiguous name" "'张伟' is ambiguous: 张伟 (n11, person), 张伟 (n12, person)" $DB neighbors 张伟
# shellcheck disable=SC2086
expect 1 "unknown name" "no node named '王'; did you mean: 张伟会见王毅 (d3, document), 王毅 (n5, person)" $DB met 王
# shellcheck disable=SC2086
expect 1 "who: not an event" "no event named '王毅'" $DB who 王毅
# shellcheck disable=SC2086
expect 1 "no path" "no path between '深圳' and '王毅'" $DB path 深圳 王毅 --directed
# shellcheck disable=SC2086
expect 2 "sql write" "read-only" $DB sql "DELETE FROM entity"
# shellcheck disable=SC2086
expect 2 "unknown subcommand" "unknown subcommand 'bogus'" $DB bogus
# shellcheck disable=SC2086
expect 2 "missing argument" "path: expected 2 arguments, got 1" $DB path 王毅
# shellcheck disable=SC2086
expect 2 "bad --by" "--by: expected" $DB top --by fame
# shellcheck disable=SC2086
expect 2 "bad --rel" "--rel: unknown relation 'bogus' (mentions, held_in, held_on, participant, organizer, affiliated_with, located_in, part_of, about, co_occurs, shared_event)" $DB neighbors 王毅 --rel bogus
# shellcheck disable=SC2086
expect 2 "bad --type" "--type: unknown node type" $DB top --type animal
# shellcheck disable=SC2086
expect 2 "bad --from" "--from: expected" $DB events --from 2025-13
# shellcheck disable=SC2086
expect 2 "--from: no such day" "--from: expected" $DB events --from 2025-02-30
# shellcheck disable=SC2086
expect 2 "--to: not a leap year" "--to: expected" $DB events --to 2025-02-29
# shellcheck disable=SC2086
expect 2 "--from after --to" "--from 2025-12-02 is later than --to 2025-11" $DB events --from 2025-12-02 --to 2025-11
# shellcheck disable=SC2086
expect 2 "--depth without --ego" "--depth needs --ego NAME" $DB neighbors 王毅 --depth 2
expect 2 "no subcommand" "missing subcommand" --db "$tmp/f.db"
expect 3 "missing database" "no such database" --db "$tmp/none.db" events
"$TEKG" query --help >"$tmp/out" 2>"$tmp/err" || fail "--help: exit $?"
grep -q '^Usage: tekg query' "$tmp/out" || fail "--help: no usage line"
[ -s "$tmp/err" ] && fail "--help: wrote to stderr"

[ "$fails" -eq 0 ] || exit 1
exit 0
