#!/bin/sh
# Integration over the seed corpus in ../shared: `tekg build` gives GraphML
# that is valid against the GraphML XSD, has one document node per article,
# and that NetworkX and python-igraph (Debian's /usr/bin/python3) read with
# the contract's attributes.  Skips (77) without ../shared.
set -u
T=${TEKG:-./tekg}
S=${TEKG_SHARED:-../shared}
if [ ! -d "$S/corpus" ]; then
	echo "skipped: $S/corpus not found (set TEKG_SHARED to the shared folder)"
	exit 77
fi
W=$(mktemp -d /tmp/tekg-corpus-XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
"$T" build -q "$S"/corpus/*.txt -o "$W/g.graphml" || { echo "FAIL build exited $?"; exit 1; }
if command -v xmllint >/dev/null; then
	if xmllint --noout --nonet --schema "$S/schemas/graphml/graphml.xsd" "$W/g.graphml" 2>"$W/xsd.txt"; then
		echo "ok   GraphML valid against the XSD"
	else
		echo "FAIL GraphML not valid"; head -5 "$W/xsd.txt"; fails=$((fails + 1))
	fi
else
	echo "note: xmllint missing (Debian libxml2-utils): XSD check left to the cmocka suite"
fi
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import networkx, igraph' 2>/dev/null; then
	/usr/bin/python3 - "$W/g.graphml" <<'PY' || fails=$((fails + 1))
import sys, collections
import networkx as nx, igraph as ig
path = sys.argv[1]
g = nx.read_graphml(path)
types = collections.Counter(d["type"] for _, d in g.nodes(data=True))
docs = types["document"]
# the five seed files hold about twenty articles; every file gives at least one
assert 15 <= docs <= 30, f"document nodes: {docs}"
sources = {d["source"] for _, d in g.nodes(data=True) if d["type"] == "document"}
assert len(sources) == 5, sources
for n, d in g.nodes(data=True):
    for k in ("type", "label", "mentions", "docs"):
        assert k in d, (n, k)
    assert isinstance(d["mentions"], int) and isinstance(d["docs"], int)
for u, v, d in g.edges(data=True):
    for k in ("type", "weight", "docs", "evidence", "evidence_doc", "evidence_start", "evidence_end"):
        assert k in d, (u, v, k)
    assert d["evidence_doc"] in g, d["evidence_doc"]
    assert d["evidence_start"] <= d["evidence_end"]
h = ig.Graph.Read_GraphML(path)
assert h.vcount() == g.number_of_nodes() and h.ecount() == g.number_of_edges()
assert sorted(h.vs["type"]).count("document") == docs
print(f"ok   NetworkX and python-igraph read {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {docs} documents: {dict(types)}")
PY
else
	echo "note: Debian python3-networkx/python3-igraph missing: client read skipped"
fi
# idempotence: the same corpus twice into one database adds nothing
"$T" ingest -q --db "$W/c.db" "$S"/corpus/*.txt
"$T" stats --db "$W/c.db" > "$W/s1"
"$T" ingest -q --db "$W/c.db" "$S"/corpus/*.txt
"$T" stats --db "$W/c.db" > "$W/s2"
if cmp -s "$W/s1" "$W/s2"; then echo "ok   re-ingesting the corpus adds nothing"; else echo "FAIL re-ingest changed the counts"; diff "$W/s1" "$W/s2"; fails=$((fails + 1)); fi
[ "$fails" = 0 ]
