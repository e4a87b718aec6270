#!/bin/sh
# time.sh - `tekg time`: --help, usage and file errors with their exit
# codes, the exact --json output, the text output, stdin, traditional
# script and the inferred anchor.  Gets $TEKG; exits 0 pass, 77 skip, 1 fail.
TEKG=${TEKG:-./tekg}
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

# expect STATUS DESCRIPTION -- COMMAND...: run, compare the exit status
expect() {
	want=$1 what=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}

# --help: stdout, exit 0
expect 0 "--help" -- "$TEKG" time --help
grep -q '^Usage: tekg time' "$tmp/out" || fail "--help: no usage line on stdout"
grep -q -- '--date' "$tmp/out" || fail "--help: --date not described"
grep -q -- '--json' "$tmp/out" || fail "--help: --json not described"
[ -s "$tmp/err" ] && fail "--help: wrote to stderr"

# usage errors: exit 2, "tekg: time: ..." on stderr, nothing on stdout
expect 2 "bad option" -- "$TEKG" time --no-such-option
grep -q '^tekg: time: ' "$tmp/err" || fail "bad option: message '$(cat "$tmp/err")'"
[ -s "$tmp/out" ] && fail "bad option: wrote to stdout"
expect 2 "bad --date" -- "$TEKG" time --date 2025-13-01
grep -q '^tekg: time: --date' "$tmp/err" || fail "bad --date: message '$(cat "$tmp/err")'"
expect 2 "bad --date form" -- "$TEKG" time --date 2025-1-1
expect 2 "--date out of range" -- "$TEKG" time --date 0999-01-01
expect 2 "missing --date argument" -- "$TEKG" time --date
expect 2 "two files" -- "$TEKG" time a b

# file errors: exit 1, "tekg: FILE: message"
expect 1 "missing file" -- "$TEKG" time "$tmp/no-such-file"
grep -q "^tekg: $tmp/no-such-file: " "$tmp/err" || fail "missing file: message '$(cat "$tmp/err")'"
printf '2025\3772月\n' >"$tmp/bad.txt"
expect 1 "invalid UTF-8" -- "$TEKG" time "$tmp/bad.txt"
grep -q "^tekg: $tmp/bad.txt: line 1: invalid UTF-8 at byte offset 4\$" "$tmp/err" ||
	fail "invalid UTF-8: message '$(cat "$tmp/err")'"
# the lines before a bad byte are still reported, then the line and offset
printf '3月5日开幕。\n今天\n2031\3772月\n4月1日\n' >"$tmp/bad2.txt"
expect 1 "invalid UTF-8, line 3" -- "$TEKG" time --date 2031-03-06 "$tmp/bad2.txt"
printf '1\t3月5日\t2031-03-05\t2031-03-05\tinferred-year\n2\t今天\t2031-03-06\t2031-03-06\trelative\n' \
	>"$tmp/want.txt"
cmp -s "$tmp/out" "$tmp/want.txt" || fail "invalid UTF-8, line 3: output '$(cat "$tmp/out")'"
[ "$(cat "$tmp/err")" = "tekg: $tmp/bad2.txt: line 3: invalid UTF-8 at byte offset 29" ] ||
	fail "invalid UTF-8, line 3: message '$(cat "$tmp/err")'"
# a directory
expect 1 "directory" -- "$TEKG" time "$tmp"
[ "$(cat "$tmp/err")" = "tekg: $tmp: is a directory" ] || fail "directory: message '$(cat "$tmp/err")'"

# --json, exactly
cat >"$tmp/in.txt" <<'IN'
12月11日至12日，2026年亚太经合组织会议在深圳举行，明年11月再会。

增长3.5%，历时24天，40多项成果，45周年。
"十四五"以来，昨日（11日）上午签约。
下週三於香港舉行，從11月30日持續到12月2日。
2025年2月30日不是日期，99999年也不是。
IN
cat >"$tmp/want.json" <<'OUT'
{"line": 1, "times": [{"text": "12月11日至12日", "start": "2025-12-11", "end": "2025-12-12"}, {"text": "2026年", "start": "2026", "end": "2026"}, {"text": "明年11月", "start": "2026-11", "end": "2026-11"}]}
{"line": 2, "times": []}
{"line": 3, "times": []}
{"line": 4, "times": [{"text": "十四五\"以来", "start": "2021", "end": "2021"}, {"text": "昨日（11日）上午", "start": "2025-12-11", "end": "2025-12-11"}]}
{"line": 5, "times": [{"text": "下週三", "start": "2025-12-17", "end": "2025-12-17"}, {"text": "從11月30日持續到12月2日", "start": "2025-11-30", "end": "2025-12-02"}]}
{"line": 6, "times": []}
OUT
expect 0 "--json" -- "$TEKG" time --date 2025-12-12 --json "$tmp/in.txt"
cmp -s "$tmp/out" "$tmp/want.json" || {
	fail "--json output differs"
	diff "$tmp/want.json" "$tmp/out"
}
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$tmp/out" ||
		fail "--json: not valid JSON"
fi

# the same from standard input, short options, '-'
"$TEKG" time -j -d 2025-12-12 - <"$tmp/in.txt" >"$tmp/out2" 2>"$tmp/err" || fail "stdin: exit $?"
cmp -s "$tmp/out2" "$tmp/want.json" || fail "stdin output differs"
"$TEKG" time -j -d 2025-12-12 <"$tmp/in.txt" >"$tmp/out3" 2>"$tmp/err" || fail "no FILE: exit $?"
cmp -s "$tmp/out3" "$tmp/want.json" || fail "no FILE output differs"

# text output: LINE TEXT START END FLAGS
printf '12月11日至12日举行。\r\n无\n' >"$tmp/t.txt"
expect 0 "text output" -- "$TEKG" time --date=2025-12-12 "$tmp/t.txt"
printf '1\t12月11日至12日\t2025-12-11\t2025-12-12\trange,inferred-year\n' >"$tmp/want.txt"
cmp -s "$tmp/out" "$tmp/want.txt" || fail "text output: '$(cat "$tmp/out")'"

# no --date: the anchor comes from the input's own dates
printf '2025年12月12日发布\n昨日，会议举行。\n' >"$tmp/i.txt"
expect 0 "inferred anchor" -- "$TEKG" time --json --verbose "$tmp/i.txt"
grep -q '{"text": "昨日", "start": "2025-12-11", "end": "2025-12-11"}' "$tmp/out" ||
	fail "inferred anchor: '$(cat "$tmp/out")'"
grep -q 'anchor 2025-12-12 (inferred)' "$tmp/err" || fail "--verbose: '$(cat "$tmp/err")'"

# Document dates in the pipeline.  docdate DB DOC: "DATE,INFERRED" of a
# document node, from the CSV export.
docdate() {
	rm -rf "$tmp/csv"
	"$TEKG" export --db "$1" --format csv -o "$tmp/csv" >/dev/null 2>&1 || return 1
	awk -F, -v id="$2" '$1 == id { print $11 "," $12 }' "$tmp/csv/nodes.csv"
}

# An undated first article takes its date from the next one (inferred),
# and its 昨日 is counted from it.
printf '%s\n' \
	'{"id":"a1","title":"甲","text":"昨日，临江市召开春季论坛，与会者讨论了产业合作。"}' \
	'{"id":"a2","title":"乙","date":"2031-04-09","text":"临江新区今日发布了三项措施，涉及交通与教育。"}' \
	>"$tmp/n.jsonl"
expect 0 "next neighbour: ingest" -- "$TEKG" ingest -q --db "$tmp/n.db" "$tmp/n.jsonl"
[ "$(docdate "$tmp/n.db" d1)" = "2031-04-09,true" ] ||
	fail "next neighbour: d1 '$(docdate "$tmp/n.db" d1)'"
[ "$(docdate "$tmp/n.db" d2)" = "2031-04-09,false" ] ||
	fail "next neighbour: d2 '$(docdate "$tmp/n.db" d2)'"
grep -q '^[^,]*,2031-04-08,' "$tmp/csv/nodes.csv" || fail "next neighbour: no date node 2031-04-08"

# reindex dates the documents as ingest did: the neighbours again, and the
# ingest --date, kept with the source
expect 0 "reindex: neighbours" -- "$TEKG" reindex -q --db "$tmp/n.db"
[ "$(docdate "$tmp/n.db" d1)" = "2031-04-09,true" ] ||
	fail "reindex: neighbour d1 '$(docdate "$tmp/n.db" d1)'"
printf '昨日，临江市举行了植树活动，数百名市民参加。\n' >"$tmp/y.txt"
expect 0 "ingest --date" -- "$TEKG" ingest -q --db "$tmp/y.db" --date 2031-05-20 "$tmp/y.txt"
[ "$(docdate "$tmp/y.db" d1)" = "2031-05-20,false" ] ||
	fail "ingest --date: d1 '$(docdate "$tmp/y.db" d1)'"
grep -q '^[^,]*,2031-05-19,' "$tmp/csv/nodes.csv" || fail "ingest --date: no date node 2031-05-19"
expect 0 "reindex after --date" -- "$TEKG" reindex -q --db "$tmp/y.db"
[ "$(docdate "$tmp/y.db" d1)" = "2031-05-20,false" ] ||
	fail "reindex after --date: d1 '$(docdate "$tmp/y.db" d1)'"
grep -q '^[^,]*,2031-05-19,' "$tmp/csv/nodes.csv" || fail "reindex after --date: 昨日 lost"

# a long line with many expressions takes linear time (the byte offsets of
# the spans advance from the previous one, not from the line start)
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "3月5日开幕，"; printf "\n" }' >"$tmp/long.txt"
expect 0 "long line" -- timeout 30 "$TEKG" time --date 2031-03-06 "$tmp/long.txt"
[ "$(wc -l <"$tmp/out")" -eq 100000 ] || fail "long line: $(wc -l <"$tmp/out") expressions"
[ "$(tail -n 1 "$tmp/out")" = "$(printf '1\t3月5日\t2031-03-05\t2031-03-05\tinferred-year')" ] ||
	fail "long line: last '$(tail -n 1 "$tmp/out")'"

# an empty input: no output, exit 0
: >"$tmp/empty.txt"
expect 0 "empty input" -- "$TEKG" time --json "$tmp/empty.txt"
[ -s "$tmp/out" ] && fail "empty input: output '$(cat "$tmp/out")'"

[ "$fails" -eq 0 ] || exit 1
exit 0
