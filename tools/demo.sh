#!/bin/sh
# make demo: build the example graph from examples/ and say where it is.
set -e
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
./tekg ingest --db out/demo.db examples/
./tekg export --db out/demo.db -o out/demo.graphml
./tekg stats --db out/demo.db
echo
echo "tekg demo: the graph is in $(pwd)/out/demo.graphml (database: out/demo.db)."
echo "Open it in Gephi (File > Open) or read it with NetworkX: nx.read_graphml('out/demo.graphml')."
