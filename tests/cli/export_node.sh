#!/bin/sh
# export_node.sh - tekg's exports read by graphology, the library behind
# Gephi Lite and sigma.js: graphology-graphml (Gephi Lite's GraphML parser),
# graphology-gexf and graphology's JSON import (tests/cli/export_read.mjs),
# on the sample graph of tests/test_export_formats.c (exact values), on
# `tekg export` of the fixture store of tests/test_query.c and on the first
# three seed articles of $TEKG_SHARED/corpus (all three load and agree).
#
# The packages come from the npm registry into $BUILD/node-clients (kept
# between runs; never committed); with no node or npm, or when the install
# fails, the test is skipped (exit 77) and says why.
# Gets $TEKG, $BUILD, $TEKG_SHARED; exits 0 pass, 77 skip, 1 fail.
TEKG=${TEKG:-./tekg}
BUILD=${BUILD:-build}
WRITER=$BUILD/tests/test_export_formats
MAKER=$BUILD/tests/test_query
MODS=$BUILD/node-clients
PKGS="graphology@0.26 graphology-graphml@0.5 graphology-gexf@0.13"
if [ ! -x "$TEKG" ] || [ ! -x "$WRITER" ]; then
	echo "skip: $TEKG or $WRITER is not built"
	exit 77
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "skip: node and npm are needed to test the graphology readers (Gephi Lite)"
	exit 77
fi
if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 14 ? 0 : 1)'; then
	echo "skip: node $(node --version) is too old for the test (14 or later)"
	exit 77
fi
mkdir -p "$MODS" || exit 1
MODS=$(cd "$MODS" && pwd)
if [ ! -d "$MODS/node_modules/graphology-gexf" ] || [ ! -d "$MODS/node_modules/graphology-graphml" ] ||
	[ ! -d "$MODS/node_modules/graphology" ]; then
	[ -f "$MODS/package.json" ] || echo '{"name": "tekg-export-clients", "private": true}' >"$MODS/package.json"
	echo "installing $PKGS into $MODS"
	# shellcheck disable=SC2086
	if ! (cd "$MODS" && timeout 300 npm install --no-audit --no-fund --loglevel=error $PKGS) >"$MODS/install.log" 2>&1; then
		tail -5 "$MODS/install.log"
		echo "skip: npm install of the graphology packages failed (see $MODS/install.log)"
		exit 77
	fi
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
"$WRITER" --write "$tmp" || { echo "FAIL: writing the sample"; exit 1; }
name=""
if [ -x "$MAKER" ] && "$MAKER" --make-fixture "$tmp/f.db" >"$tmp/make.log" 2>&1; then
	for ext in graphml gexf json; do
		"$TEKG" export --db "$tmp/f.db" -o "$tmp/f.$ext" || { echo "FAIL: tekg export -o f.$ext"; exit 1; }
	done
	name=f
else
	echo "note: the fixture store could not be made: only the sample is checked"
fi
# real news: the first three seed articles, built with tekg build
if [ -d "${TEKG_SHARED:-}/corpus" ] && ls "$TEKG_SHARED"/corpus/00[012]*.txt >/dev/null 2>&1; then
	if "$TEKG" build -q --db "$tmp/c.db" -o "$tmp/c.graphml" "$TEKG_SHARED"/corpus/00[012]*.txt 2>"$tmp/err" &&
		"$TEKG" export --db "$tmp/c.db" -o "$tmp/c.gexf" && "$TEKG" export --db "$tmp/c.db" -o "$tmp/c.json"; then
		name="$name c"
	else
		echo "FAIL: building the seed articles: $(head -c 300 "$tmp/err")"
		exit 1
	fi
fi
# shellcheck disable=SC2086
if node tests/cli/export_read.mjs "$MODS" "$tmp" $name; then
	echo "export_node: ok (graphology-graphml, graphology-gexf, graphology import)"
	exit 0
fi
echo "export_node: failed"
exit 1
