#!/bin/sh
# make demo: build the example graph from examples/ and say where it is.
set -e
T=${TEKG:-./tekg}
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
"$T" ingest --db out/demo.db examples/
"$T" export --db out/demo.db -o out/demo.graphml
"$T" stats --db out/demo.db
echo
echo "tekg demo: the graph is in $(pwd)/out/demo.graphml (database: out/demo.db)."
echo "Open it in Gephi (File > Open) or read it with NetworkX: nx.read_graphml('out/demo.graphml')."
