#!/bin/sh
# Ingest throughput and database size: K shuffled copies of the seed corpus
# (paragraph order permuted per copy so every source and most documents are
# distinct) ingested into a fresh database.  Prints articles per minute, MB/s,
# peak memory and database bytes per article.  Never fails on speed.
set -u
TEKG=${TEKG:-./tekg}
SHARED=${TEKG_SHARED:-../shared}
COPIES=${BENCH_COPIES:-8}
if [ ! -d "$SHARED/corpus" ]; then
	echo "bench_ingest: skipped: $SHARED/corpus not found (set TEKG_SHARED)"
	exit 0
fi
work=$(mktemp -d /tmp/tekg-bench-ingest-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
i=1
while [ "$i" -le "$COPIES" ]; do
	for f in "$SHARED"/corpus/*.txt; do
		# shuffle paragraphs (blank-line separated) with a per-copy seed
		awk -v seed="$i" 'BEGIN { RS = ""; srand(seed) }
			{ p[NR] = $0 }
			END { n = NR; for (k = n; k > 1; k--) { j = int(rand() * k) + 1; t = p[k]; p[k] = p[j]; p[j] = t }
			      for (k = 1; k <= n; k++) printf "%s\n\n", p[k] }' "$f" > "$work/in/$i-$(basename "$f")"
	done
	i=$((i + 1))
done
bytes=$(cat "$work"/in/* | wc -c)
chars=$(cat "$work"/in/* | wc -m)
/usr/bin/time -v "$TEKG" ingest -q -j 1 --db "$work/b.db" "$work/in" 2> "$work/time.txt"
rc=$?
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s }' "$work/time.txt")
cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.txt")
docs=$("$TEKG" stats --db "$work/b.db" | awk '$1 == "documents" { print $2 }')
dbsize=$(( $(stat -c %s "$work/b.db") + $(stat -c %s "$work/b.db-wal" 2>/dev/null || echo 0) ))
echo "ingest: $COPIES x $(ls "$SHARED"/corpus/*.txt | wc -l) files, $bytes bytes, $chars chars, $docs documents, exit $rc, -j 1"
awk -v w="$wall" -v c="$cpu" -v d="$docs" -v b="$bytes" -v ch="$chars" -v r="$rss" -v db="$dbsize" 'BEGIN {
	printf "ingest: wall %.2f s, cpu %.2f s, peak RSS %.1f MB\n", w, c, r / 1024
	if (w > 0) printf "ingest: %.0f articles/min, %.2f MB/s, %.0f chars/s (wall)\n", d * 60 / w, b / w / 1e6, ch / w
	if (d > 0) printf "ingest: database %.1f KB per article (%.2f MB total, input %.1f KB per article)\n", db / d / 1024, db / 1e6, b / d / 1024
}'
