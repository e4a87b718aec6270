#!/bin/sh
# export_clients.sh - tekg's exports read by the tools users load them into:
#  - the sample graph of tests/test_export_formats.c (hostile labels, every
#    attribute type, partial dates, viz columns) in all four formats:
#    xmllint against the GraphML XSD and the GEXF 1.3 RELAX NG schema;
#    NetworkX and python-igraph (Debian's /usr/bin/python3) on the GraphML and
#    Python's csv module on the CSV, with exact attribute values; NetworkX >= 3
#    on the GEXF where an interpreter has it (Debian 12's 2.8 reads only 1.2);
#  - `tekg export` on the fixture store of tests/test_query.c: the format
#    picked from OUT (.graphml, .gexf, .json, DIR/) and from --format, usage
#    errors, a failed write leaving nothing, and every node and edge carrying
#    the same values in GraphML, JSON, CSV (and GEXF with NetworkX >= 3);
#  - the first three seed articles of $TEKG_SHARED/corpus, built by
#    `tekg build`, in every format: schema-valid, same values everywhere;
#  - `tekg build --format`.
# The Node clients (graphology) are in export_node.sh.
# Gets $TEKG, $BUILD, $TEKG_SHARED; exits 0 pass, 77 skip, 1 fail.
TEKG=${TEKG:-./tekg}
BUILD=${BUILD:-build}
WRITER=$BUILD/tests/test_export_formats
MAKER=$BUILD/tests/test_query
PY=/usr/bin/python3
HERE=tests/cli
if [ ! -x "$TEKG" ] || [ ! -x "$WRITER" ]; then
	echo "skip: $TEKG or $WRITER is not built"
	exit 77
fi
if [ ! -x "$PY" ] || ! "$PY" -c 'import networkx, igraph' 2>/dev/null; then
	echo "skip: $PY with networkx and igraph is needed (make deps installs python3-networkx python3-igraph)"
	exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# --- the sample graph ---------------------------------------------------
"$WRITER" --write "$tmp" || { echo "FAIL: writing the sample"; exit 1; }
if command -v xmllint >/dev/null 2>&1 && [ -d "${TEKG_SHARED:-}/schemas" ]; then
	xmllint --noout --nonet --schema "$TEKG_SHARED/schemas/graphml/graphml.xsd" \
		"$tmp/sample.graphml" 2>"$tmp/xl" || fail "xmllint: GraphML not valid: $(head -c 400 "$tmp/xl")"
	xmllint --noout --nonet --relaxng "$TEKG_SHARED/schemas/gexf-1.3/gexf.rng" \
		"$tmp/sample.gexf" 2>"$tmp/xl" || fail "xmllint: GEXF not valid: $(head -c 400 "$tmp/xl")"
else
	echo "note: xmllint or \$TEKG_SHARED/schemas missing: schema checks left to the cmocka suites"
fi
"$PY" "$HERE/export_read.py" sample "$tmp" || fail "NetworkX / python-igraph / csv on the sample"

# NetworkX >= 3 for GEXF 1.3: Debian's interpreter first, then the one on PATH
nx3=""
for py in "$PY" python3; do
	if command -v "$py" >/dev/null 2>&1 &&
		"$py" -c 'import sys, networkx; sys.exit(int(networkx.__version__.split(".")[0]) < 3)' 2>/dev/null; then
		nx3=$(command -v "$py")
		break
	fi
done
if [ -n "$nx3" ]; then
	"$nx3" "$HERE/export_read.py" sample-gexf "$tmp" || fail "NetworkX 3 ($nx3) on the sample GEXF"
else
	echo "note: no NetworkX >= 3 here: the GEXF is read by graphology-gexf (export_node.sh) only"
fi

# --- tekg export on the fixture store -------------------------------------
if [ ! -x "$MAKER" ]; then
	echo "note: $MAKER not built: CLI part skipped"
else
	"$MAKER" --make-fixture "$tmp/f.db" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; fail "fixture"; }
	DB="--db $tmp/f.db"
	# shellcheck disable=SC2086
	for out in f.graphml f.gexf f.json f_csv/; do
		"$TEKG" export $DB -o "$tmp/$out" 2>"$tmp/err" || fail "export -o $out: $(cat "$tmp/err")"
	done
	grep -q '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' "$tmp/f.graphml" || fail ".graphml is not GraphML"
	grep -q '<gexf xmlns="http://gexf.net/1.3"' "$tmp/f.gexf" || fail ".gexf is not GEXF 1.3"
	head -c 15 "$tmp/f.json" | grep -q '^{"attributes":' || fail ".json is not graphology JSON"
	[ -f "$tmp/f_csv/nodes.csv" ] && [ -f "$tmp/f_csv/edges.csv" ] || fail "DIR/ did not get nodes.csv and edges.csv"
	# --format wins over the extension; an existing folder means CSV
	# shellcheck disable=SC2086
	"$TEKG" export $DB --format gexf -o "$tmp/g.graphml" && grep -q '<gexf ' "$tmp/g.graphml" || fail "--format gexf"
	mkdir "$tmp/existing"
	# shellcheck disable=SC2086
	"$TEKG" export $DB -o "$tmp/existing" && [ -f "$tmp/existing/edges.csv" ] || fail "existing folder -> CSV"
	# shellcheck disable=SC2086
	"$TEKG" export $DB --format json >"$tmp/stdout.json" && cmp -s "$tmp/stdout.json" "$tmp/f.json" || fail "--format json to stdout"
	# usage errors: exit 2, nothing written
	# shellcheck disable=SC2086
	"$TEKG" export $DB --format dot -o "$tmp/x.dot" 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 2 ] || fail "--format dot: exit $rc, want 2"
	grep -q "graphml, gexf, csv, json" "$tmp/err" || fail "--format dot: message lists the formats"
	# shellcheck disable=SC2086
	"$TEKG" export $DB --format csv 2>"$tmp/err" >/dev/null; rc=$?
	[ "$rc" -eq 2 ] || fail "--format csv to stdout: exit $rc, want 2"
	# shellcheck disable=SC2086
	"$TEKG" export $DB -o "$tmp/x.csv" 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 2 ] || fail "-o x.csv: exit $rc, want 2"
	[ -e "$tmp/x.csv" ] && fail "-o x.csv created something"
	# --format graphml onto an existing folder: a usage error, nothing written
	mkdir "$tmp/adir"
	# shellcheck disable=SC2086
	"$TEKG" export $DB --format graphml -o "$tmp/adir" 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 2 ] || fail "--format graphml -o DIR: exit $rc, want 2 ($(head -c 300 "$tmp/err"))"
	grep -q 'is a folder' "$tmp/err" || fail "--format graphml -o DIR: stderr '$(head -c 300 "$tmp/err")'"
	[ -z "$(ls "$tmp/adir")" ] || fail "--format graphml -o DIR wrote: $(ls "$tmp/adir")"
	ls "$tmp" | grep -q '\.tmp-' && fail "--format graphml -o DIR left a temporary: $(ls "$tmp")"
	# an upper-case extension picks the format too
	# shellcheck disable=SC2086
	"$TEKG" export $DB -o "$tmp/UP.GEXF" 2>"$tmp/err" || fail "-o UP.GEXF: $(cat "$tmp/err")"
	grep -q 'http://gexf.net/1.3' "$tmp/UP.GEXF" || fail "-o UP.GEXF: not GEXF"
	# an unwritable target: an error, nothing left behind
	# shellcheck disable=SC2086
	"$TEKG" export $DB -o "$tmp/missing/dir/g.gexf" 2>"$tmp/err"; rc=$?
	[ "$rc" -ne 0 ] || fail "unwritable target: exit 0"
	[ -e "$tmp/missing" ] && fail "unwritable target: something was created"
	ls "$tmp" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls "$tmp")"
	# a write past the file size limit (SIGXFSZ ignored: EFBIG) fails and
	# leaves no temporary file, for a single file and for CSV (a copy of the
	# store in rollback-journal mode: WAL's shared-memory file is a write)
	mkdir "$tmp/lim"
	cp "$tmp/f.db" "$tmp/lim.db"
	"$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=DELETE'); c.close()" "$tmp/lim.db"
	(ulimit -f 1 && exec "$TEKG" export --db "$tmp/lim.db" -o "$tmp/lim/k.json") 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 1 ] || fail "ulimit -f: exit $rc, want 1 ($(head -c 300 "$tmp/err"))"
	grep -q 'k.json: write failed: File too large' "$tmp/err" || fail "ulimit -f: stderr '$(head -c 300 "$tmp/err")'"
	(ulimit -f 1 && exec "$TEKG" export --db "$tmp/lim.db" -o "$tmp/lim/c/") 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 1 ] || fail "ulimit -f, CSV: exit $rc, want 1"
	[ -z "$(find "$tmp/lim" -name '*.tmp-*')" ] || fail "ulimit -f left: $(find "$tmp/lim" -name '*.tmp-*')"
	[ -e "$tmp/lim/k.json" ] && fail "ulimit -f: k.json created"
	# SIGTERM during a write removes the temporary file: the temporary is a
	# FIFO made in advance (the name is OUT.tmp-PID), so tekg blocks opening it
	if command -v mkfifo >/dev/null 2>&1 && [ -r /proc/self/wchan ]; then
		# shellcheck disable=SC2016
		sh -c 'mkfifo "$2.tmp-$$" && exec "$0" export --db "$1" -o "$2"' \
			"$TEKG" "$tmp/f.db" "$tmp/lim/t.json" 2>"$tmp/err" &
		pid=$!
		n=0
		while [ "$n" -lt 100 ] && ! grep -q partner "/proc/$pid/wchan" 2>/dev/null; do
			sleep 0.1
			n=$((n + 1))
		done
		if [ "$n" -lt 100 ]; then
			kill -TERM "$pid"
			wait "$pid" 2>/dev/null
			rc=$?
			[ "$rc" -eq 143 ] || fail "SIGTERM: exit $rc, want 143 (killed by the signal)"
			[ -z "$(find "$tmp/lim" -name 't.json*')" ] || fail "SIGTERM left: $(find "$tmp/lim" -name 't.json*')"
		else
			kill -KILL "$pid" 2>/dev/null
			wait "$pid" 2>/dev/null
			echo "note: tekg never blocked on the FIFO: SIGTERM check skipped"
		fi
	fi
	# the fixture's files are schema-valid too
	if command -v xmllint >/dev/null 2>&1 && [ -d "${TEKG_SHARED:-}/schemas" ]; then
		xmllint --noout --nonet --schema "$TEKG_SHARED/schemas/graphml/graphml.xsd" \
			"$tmp/f.graphml" 2>"$tmp/xl" || fail "xmllint: f.graphml: $(head -c 400 "$tmp/xl")"
		xmllint --noout --nonet --relaxng "$TEKG_SHARED/schemas/gexf-1.3/gexf.rng" \
			"$tmp/f.gexf" 2>"$tmp/xl" || fail "xmllint: f.gexf: $(head -c 400 "$tmp/xl")"
	fi
	# the same values in every format
	"$PY" "$HERE/export_read.py" same "$tmp" f || fail "formats disagree (NetworkX 2.8: GraphML, JSON, CSV)"
	if [ -n "$nx3" ] && [ "$nx3" != "$PY" ]; then
		"$nx3" "$HERE/export_read.py" same "$tmp" f || fail "formats disagree (NetworkX 3: with GEXF)"
	fi
fi

# --- real news: the first three seed articles, every format ----------------
if [ -d "${TEKG_SHARED:-}/corpus" ] && ls "$TEKG_SHARED"/corpus/00[012]*.txt >/dev/null 2>&1; then
	"$TEKG" build -q --db "$tmp/c.db" -o "$tmp/c.graphml" "$TEKG_SHARED"/corpus/00[012]*.txt 2>"$tmp/err" ||
		fail "build of the seed articles: $(head -c 300 "$tmp/err")"
	for out in c.gexf c.json c_csv/; do
		"$TEKG" export --db "$tmp/c.db" -o "$tmp/$out" 2>"$tmp/err" || fail "seed: export -o $out: $(cat "$tmp/err")"
	done
	if command -v xmllint >/dev/null 2>&1; then
		xmllint --noout --nonet --schema "$TEKG_SHARED/schemas/graphml/graphml.xsd" \
			"$tmp/c.graphml" 2>"$tmp/xl" || fail "xmllint: c.graphml: $(head -c 400 "$tmp/xl")"
		xmllint --noout --nonet --relaxng "$TEKG_SHARED/schemas/gexf-1.3/gexf.rng" \
			"$tmp/c.gexf" 2>"$tmp/xl" || fail "xmllint: c.gexf: $(head -c 400 "$tmp/xl")"
	fi
	"$PY" "$HERE/export_read.py" same "$tmp" c || fail "seed: formats disagree (NetworkX 2.8)"
	if [ -n "$nx3" ] && [ "$nx3" != "$PY" ]; then
		"$nx3" "$HERE/export_read.py" same "$tmp" c || fail "seed: formats disagree (NetworkX 3: with GEXF)"
	fi
	"$PY" -c 'import igraph, sys; g = igraph.Graph.Read_GraphML(sys.argv[1]); assert g.vcount() > 0 and g.is_directed()' \
		"$tmp/c.graphml" || fail "seed: python-igraph cannot read c.graphml"
else
	echo "note: \$TEKG_SHARED/corpus missing: seed articles not exported"
fi

# --- tekg build takes --format too (it shares the export step) ------------
if [ -f tests/data/cli/a.txt ]; then
	"$TEKG" build -q -o "$tmp/b.gexf" tests/data/cli/a.txt tests/data/cli/b.txt 2>"$tmp/err" ||
		fail "build -o b.gexf: $(head -c 300 "$tmp/err")"
	grep -q '<gexf xmlns="http://gexf.net/1.3"' "$tmp/b.gexf" || fail "build -o b.gexf is not GEXF"
	"$TEKG" build -q --format json -o - tests/data/cli/a.txt >"$tmp/b.json" 2>"$tmp/err" ||
		fail "build --format json: $(head -c 300 "$tmp/err")"
	"$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["nodes"] and d["options"]["multi"]' \
		"$tmp/b.json" || fail "build --format json: not graphology JSON with nodes"
	"$TEKG" build -q -o "$tmp/bcsv/" tests/data/cli/a.txt 2>"$tmp/err" || fail "build -o DIR/: $(head -c 300 "$tmp/err")"
	[ -s "$tmp/bcsv/nodes.csv" ] && [ -s "$tmp/bcsv/edges.csv" ] || fail "build -o DIR/: no CSV files"
fi

if [ "$fails" -gt 0 ]; then
	echo "export_clients: $fails failure(s)"
	exit 1
fi
echo "export_clients: ok"
exit 0
