#!/bin/sh
# entities.sh - entity extraction through the CLI: --help lists --lexicon and
# --curation, a --lexicon file adds an organisation with a Latin alias, a
# curation file blocks, renames and retypes and is kept in the database for
# reindex, bad files are errors.  Gets $TEKG; exits 0 pass, 77 skip, 1 fail.
TEKG=${TEKG:-./tekg}
if [ ! -x "$TEKG" ]; then
	echo "skip: $TEKG is not built"
	exit 77
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skip: no sqlite3 command"
	exit 77
fi
if [ ! -d "${TEKG_MODEL_DIR:-/usr/lib/python3/dist-packages/jieba/lac_small}" ]; then
	echo "skip: no tagger model"
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

for cmd in ingest build reindex; do
	"$TEKG" $cmd --help >"$tmp/out" 2>&1
	grep -q -- '--lexicon' "$tmp/out" && grep -q -- '--curation' "$tmp/out" \
		&& ok "$cmd --help lists --lexicon and --curation" \
		|| fail "$cmd --help does not list --lexicon/--curation"
done

cat >"$tmp/a.txt" <<'EOF'
青禾联盟年会在杭州举行

3月5日，QHL年会在杭州市举行。杭州市市长李明出席并致辞，东海物流有限公司董事长王志远介绍了合作情况。

李明表示，杭州将继续支持QHL的工作。
EOF
printf 'organization\tinternational\t青禾联盟|QHL\n' >"$tmp/lex.tsv"
printf '# fixes\nblock\t东海物流有限公司\nrename\t李明\t李明远\n' >"$tmp/cur.txt"

"$TEKG" ingest -q -d "$tmp/t.db" --lexicon "$tmp/lex.tsv" --curation "$tmp/cur.txt" "$tmp/a.txt" \
	>"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && ok "ingest with --lexicon and --curation" || fail "ingest: $(cat "$tmp/err")"
q() { sqlite3 "$tmp/t.db" "$1"; }
[ "$(q "SELECT count(*) FROM entity WHERE key = 'organization:青禾联盟'")" = 1 ] \
	&& ok "lexicon organisation found by its Latin alias" || fail "no organization:青禾联盟"
[ "$(q "SELECT count(*) FROM entity WHERE key = 'place:杭州'")" = 1 ] \
	&& ok "杭州 and 杭州市 are one place" || fail "place:杭州 missing"
[ "$(q "SELECT count(*) FROM entity WHERE key LIKE 'place:杭州市'")" = 0 ] \
	|| fail "place:杭州市 is a separate node"
[ "$(q "SELECT count(*) FROM entity WHERE label = '东海物流有限公司'")" = 0 ] \
	&& ok "curation block" || fail "blocked organisation present"
[ "$(q "SELECT count(*) FROM entity WHERE key = 'person:李明远'")" = 1 ] \
	&& ok "curation rename" || fail "renamed person missing"
[ "$(q "SELECT count(*) FROM curation")" = 2 ] \
	&& ok "curation kept in the database" || fail "curation table: $(q 'SELECT * FROM curation')"
title=$(q "SELECT e.title FROM edge e JOIN entity p ON p.id = e.src JOIN entity o ON o.id = e.dst
           WHERE e.type = 'affiliated_with' AND p.key = 'person:李明远' AND o.key = 'place:杭州'")
[ "$title" = "市长" ] && ok "affiliation with title" || fail "affiliation title '$title'"

# reindex with the database's curation and a new curation line
printf 'type\t青禾联盟\tplace\n' >"$tmp/cur2.txt"
"$TEKG" reindex -q -d "$tmp/t.db" --lexicon "$tmp/lex.tsv" --curation "$tmp/cur2.txt" 2>"$tmp/err" \
	|| fail "reindex: $(cat "$tmp/err")"
[ "$(q "SELECT count(*) FROM entity WHERE key = 'place:青禾联盟'")" = 1 ] \
	&& ok "reindex applies a new curation line" || fail "type curation not applied"
[ "$(q "SELECT count(*) FROM entity WHERE key = 'person:李明远'")" = 1 ] \
	&& ok "reindex keeps the stored curation" || fail "stored rename lost on reindex"

# homonyms: a namesake at another company is another node; at the same, the same
printf '东海物流有限公司总经理王伟表示，今年业务增长。\n' >"$tmp/h1.txt"
printf '西山软件有限公司董事长王伟说，公司将扩大研发。\n' >"$tmp/h2.txt"
printf '东海物流有限公司总经理王伟介绍，新仓库投用。\n' >"$tmp/h3.txt"
"$TEKG" ingest -q -d "$tmp/h.db" "$tmp/h1.txt" "$tmp/h2.txt" "$tmp/h3.txt" 2>"$tmp/err" \
	|| fail "homonym ingest: $(cat "$tmp/err")"
n=$(sqlite3 "$tmp/h.db" "SELECT group_concat(key, ' ') FROM (SELECT key FROM entity WHERE label = '王伟' ORDER BY key)")
[ "$n" = "person:王伟 person:王伟#2" ] && ok "homonyms at different companies stay apart" \
	|| fail "homonyms: '$n'"
n=$(sqlite3 "$tmp/h.db" "SELECT count(DISTINCT d.doc_id) FROM mention d JOIN entity e ON e.id = d.entity_id WHERE e.key = 'person:王伟'")
[ "$n" = 2 ] && ok "the same person across documents is one node" || fail "person:王伟 in $n documents"

# one official under two writings of a body without a listed kind is one node
printf '香港特区财政司司长吴一凡表示，财政稳健。\n' >"$tmp/h4.txt"
printf '香港特区政府财政司司长吴一凡说，预算平衡。\n' >"$tmp/h5.txt"
"$TEKG" ingest -q -d "$tmp/h2.db" "$tmp/h4.txt" "$tmp/h5.txt" 2>"$tmp/err" \
	|| fail "official ingest: $(cat "$tmp/err")"
n=$(sqlite3 "$tmp/h2.db" "SELECT group_concat(key, ' ') FROM entity WHERE label = '吴一凡'")
[ "$n" = "person:吴一凡" ] && ok "an official under two writings of one body is one node" \
	|| fail "official split: '$n'"
n=$(sqlite3 "$tmp/h2.db" "SELECT kind FROM entity WHERE key = 'organization:香港特区财政司'")
[ "$n" = "government" ] && ok "an unlisted body takes its suffix's kind" || fail "kind '$n'"

# an organisation's sub-unit is subunit_of its parent; part_of stays for events
printf '商务部国际贸易司司长吴一凡出席会议。\n' >"$tmp/s1.txt"
"$TEKG" ingest -q -d "$tmp/s.db" "$tmp/s1.txt" 2>"$tmp/err" || fail "sub-unit ingest: $(cat "$tmp/err")"
n=$(sqlite3 "$tmp/s.db" "SELECT e.type FROM edge e JOIN entity a ON a.id = e.src JOIN entity b ON b.id = e.dst
                         WHERE a.key = 'organization:商务部国际贸易司' AND b.key = 'organization:商务部'")
[ "$n" = "subunit_of" ] && ok "a sub-unit is subunit_of its parent" || fail "sub-unit edge '$n'"
n=$(sqlite3 "$tmp/s.db" "SELECT count(*) FROM edge e JOIN entity a ON a.id = e.src WHERE e.type = 'part_of' AND a.type <> 'event'")
[ "$n" = 0 ] && ok "part_of only from events" || fail "$n part_of edges from non-events"

# errors
printf 'explode\tA\tB\n' >"$tmp/bad.txt"
"$TEKG" ingest -q -d "$tmp/t2.db" --curation "$tmp/bad.txt" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -ne 0 ] && grep -q 'bad.txt:1' "$tmp/err" && ok "bad curation line names file:line" \
	|| fail "bad curation: exit $rc, '$(cat "$tmp/err")'"
"$TEKG" ingest -q -d "$tmp/t3.db" --lexicon "$tmp/none.tsv" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
[ $? -ne 0 ] && grep -q 'none.tsv' "$tmp/err" && ok "missing lexicon is an error" \
	|| fail "missing lexicon accepted"

echo "entities CLI: $fails failure(s)"
[ "$fails" -eq 0 ]
