#!/bin/sh
# topics.sh - topics end to end (docs/topics.md): ingest the fixture
# articles of tests/data/topics with the fixture IDF table, then
# `tekg query topics`, `tekg query topic NAME` (label, keyword, alias,
# traditional script, export id, unknown name listing every topic), the
# events of each topic, an untitled document's first sentence, the --topic filter, topic
# nodes and about edges in the GraphML export, reindex, and the fallback to
# corpus IDF when the IDF file is missing.
# Gets $TEKG; exits 0 pass, 77 skip (no tagger model), 1 fail.
TEKG=${TEKG:-./tekg}
DATA=tests/data/topics
if [ ! -x "$TEKG" ]; then
	echo "skip: $TEKG is not built"
	exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
ok() { echo "ok   $*"; }

TEKG_IDF_FILE=$DATA/fixture.idf "$TEKG" ingest -q -d "$tmp/t.db" \
	$DATA/ai1.txt $DATA/ai2.txt $DATA/port1.txt $DATA/port2.txt 2>"$tmp/err"
rc=$?
if [ $rc -eq 3 ] && grep -q "python3-jieba" "$tmp/err"; then
	echo "skip: tagger model missing"
	exit 77
fi
[ $rc -eq 0 ] || { cat "$tmp/err"; echo "FAIL: ingest exit $rc"; exit 1; }

q() { "$TEKG" query -d "$tmp/t.db" "$@"; }

# the two subjects, documents by relevance (ai1 ai2 port1 port2 = d1..d4)
q topics --csv | cut -d, -f2,3,4,7 | tr -d '\r' >"$tmp/out"
cat >"$tmp/want" <<'WANT'
topic,keywords,documents,docs
口岸、物流,口岸|口岸经济|物流|机场|跨境|货物通关|研讨会|中转|国际货物|航线,2,d3 d4
算力、人工智能,算力|人工智能|模型|推理芯片|训练|人工智能产业大会|网络|推理|智能|租用,2,d1 d2
WANT
if cmp -s "$tmp/out" "$tmp/want"; then ok "query topics"; else fail "query topics"; diff "$tmp/want" "$tmp/out"; fi

# --json: counts are JSON numbers (SQL integers), text stays text
if command -v python3 >/dev/null 2>&1; then
	if q topics --json | python3 -c 'import json,sys; d = json.load(sys.stdin)
assert [(r["topic"], r["documents"], r["docs"]) for r in d] == [("口岸、物流", 2, "d3 d4"), ("算力、人工智能", 2, "d1 d2")], d'; then
		ok "query topics --json: counts as numbers"
	else
		fail "query topics --json: counts as numbers"
	fi
fi

for name in 口岸、物流 口岸经济 物流 口岸經濟; do
	q topic "$name" --csv >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && grep -q '^topic,n[0-9]*,口岸、物流,' "$tmp/out" &&
	   grep -q '^document,d3,' "$tmp/out" && grep -q '^document,d4,' "$tmp/out" &&
	   ! grep -q '^document,d1,' "$tmp/out"; then
		ok "query topic $name"
	else
		fail "query topic $name (exit $rc)"; cat "$tmp/out" "$tmp/err"
	fi
done
id=$(q topic 算力 --csv | sed -n 's/^topic,\(n[0-9]*\),.*/\1/p')
if [ -n "$id" ] && q topic "$id" --json | grep -q '"item": *"算力、人工智能"'; then
	ok "query topic by export id ($id), JSON"
else
	fail "query topic by export id '$id'"
fi
q topic 不存在 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "no topic named '不存在'" "$tmp/err" && grep -q "口岸、物流" "$tmp/err"; then
	ok "unknown topic: exit 1, topics listed"
else
	fail "unknown topic: exit $rc"; cat "$tmp/err"
fi
q topic >/dev/null 2>&1
[ $? -eq 2 ] && ok "topic without a name: usage" || fail "topic without a name"

# the network filter: the topic, its documents and their neighbours
q --topic 口岸经济 documents --csv >"$tmp/out" 2>"$tmp/err"
if grep -q '^d3,' "$tmp/out" && grep -q '^d4,' "$tmp/out" && ! grep -q '^d1,' "$tmp/out"; then
	ok "--topic filter"
else
	fail "--topic filter"; cat "$tmp/out" "$tmp/err"
fi

# export: topic nodes with keywords, about edges with weights
"$TEKG" export -d "$tmp/t.db" -o "$tmp/g.graphml" 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
n_about=$(grep -c '>about<' "$tmp/g.graphml")
if grep -q '口岸|口岸经济|物流' "$tmp/g.graphml" && [ "$n_about" -ge 4 ]; then
	ok "GraphML: topic keywords, $n_about about edges"
else
	fail "GraphML: topics ($n_about about edges)"
fi

# reindex rebuilds the same topics
TEKG_IDF_FILE=$DATA/fixture.idf "$TEKG" reindex -q -d "$tmp/t.db" 2>"$tmp/err" || fail "reindex: $(cat "$tmp/err")"
q topics --csv | cut -d, -f2,3,4,7 | tr -d '\r' >"$tmp/out"
if cmp -s "$tmp/out" "$tmp/want"; then ok "reindex: same topics"; else fail "reindex"; diff "$tmp/want" "$tmp/out"; fi

# no IDF file: corpus IDF only, noted in the store
TEKG_IDF_FILE=$tmp/missing.idf "$TEKG" ingest -q -d "$tmp/c.db" $DATA/port1.txt $DATA/ai1.txt 2>"$tmp/err" ||
	fail "ingest without IDF: $(cat "$tmp/err")"
note=$("$TEKG" query -d "$tmp/c.db" sql "SELECT value FROM meta WHERE key = 'topics.idf'" --csv | tail -n 1 | tr -d '\r')
nidf=$("$TEKG" query -d "$tmp/c.db" sql "SELECT count(*) FROM keyword WHERE idf IS NOT NULL" --csv | tail -n 1 | tr -d '\r')
ntop=$("$TEKG" query -d "$tmp/c.db" sql "SELECT count(*) FROM entity WHERE type = 'topic'" --csv | tail -n 1 | tr -d '\r')
"$TEKG" query -d "$tmp/c.db" topics >/dev/null 2>"$tmp/err"
grep -q "note: topics use corpus IDF only" "$tmp/err" && ok "query topics notes the missing IDF" ||
	fail "query topics: no note on the missing IDF"
case $note in
"corpus only"*) [ "$nidf" = 0 ] && [ "$ntop" -ge 1 ] && ok "missing IDF file: $note; $ntop topics" ||
	fail "missing IDF file: idf rows $nidf, topics $ntop" ;;
*) fail "missing IDF file: note '$note'" ;;
esac

# events of each topic: the count, the labels of the most relevant ones, and
# every event's export id
q topics --csv | cut -d, -f2,5,6 | tr -d '\r' >"$tmp/out"
cat >"$tmp/want" <<'WANT'
topic,events,top_events
口岸、物流,1,口岸经济研讨会
算力、人工智能,1,人工智能产业大会
WANT
if cmp -s "$tmp/out" "$tmp/want"; then ok "query topics: events"; else fail "query topics: events"; diff "$tmp/want" "$tmp/out"; fi
ev=$(q topics --csv | sed -n 's/^[^,]*,口岸、物流,.*,\(n[0-9][0-9 n]*\)\r*$/\1/p')
evl=$(q sql "SELECT 'n' || id FROM entity WHERE type = 'event' AND label = '口岸经济研讨会'" --csv | tail -n 1 | tr -d '\r')
[ -n "$ev" ] && [ "$ev" = "$evl" ] && ok "query topics: event_ids ($ev)" || fail "query topics: event_ids '$ev', want '$evl'"

# an unknown topic lists every topic, not the first 8 (12 topics here)
cp "$tmp/t.db" "$tmp/many.db"
if command -v sqlite3 >/dev/null 2>&1; then
	i=1
	while [ $i -le 10 ]; do
		sqlite3 "$tmp/many.db" "INSERT INTO entity(key, type, label, keywords)
			VALUES ('topic:题$i', 'topic', '题$i', '题$i')" || fail "sqlite3 insert"
		i=$((i + 1))
	done
	"$TEKG" query -d "$tmp/many.db" topic 不存在 >/dev/null 2>"$tmp/err"
	n=$(grep '^topics:' "$tmp/err" | tr ',' '\n' | grep -c ' n[0-9]')
	if [ "$n" = 12 ] && grep -q '题10$' "$tmp/err"; then
		ok "unknown topic: all 12 topics listed"
	else
		fail "unknown topic: $n topics listed"; cat "$tmp/err"
	fi
fi

# a document without a detected headline shows its first sentence, cut to
# 24 characters, in brackets
TEKG_IDF_FILE=$DATA/fixture.idf "$TEKG" ingest -q -d "$tmp/u.db" $DATA/untitled.txt 2>"$tmp/err" ||
	fail "ingest untitled: $(cat "$tmp/err")"
title=$("$TEKG" query -d "$tmp/u.db" sql "SELECT coalesce(title, 'NULL') FROM document" --csv | tail -n 1 | tr -d '\r')
"$TEKG" query -d "$tmp/u.db" topic 深海养殖 --csv >"$tmp/out" 2>"$tmp/err"
if [ "$title" = NULL ] && grep -q '^document,d1,\[本报讯 深海养殖工船今天在海口交付使用，这是远洋\.\.\.\],' "$tmp/out"; then
	ok "untitled document: first sentence shown"
else
	fail "untitled document (title $title)"; cat "$tmp/out" "$tmp/err"
fi

echo "topics CLI: $fails failure(s)"
[ "$fails" -eq 0 ]
