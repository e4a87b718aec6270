#!/bin/sh
# CLI tests of the foundation: help and version, usage errors, every kind of
# bad input (each with its exit status and message), idempotent re-ingest,
# show/stats/rm/reindex, build to GraphML, and bad databases.
# Needs $TEKG (the binary).  Exit 0 pass, 1 fail.
set -u
T=${TEKG:-./tekg}
D=tests/data/cli
W=$(mktemp -d /tmp/tekg-cli-XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fails=$((fails + 1)); }
# expect STATUS NAME CMD...: run CMD, compare its exit status
expect() {
	want=$1; name=$2; shift 2
	"$@" >"$W/out" 2>"$W/err"; got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else no "$name (exit $got, want $want)"; sed 's/^/     /' "$W/err" | head -5; fi
}
has() { # has FILE TEXT NAME
	if grep -qF -- "$2" "$1"; then ok "$3"; else no "$3 (no '$2' in $1)"; sed 's/^/     /' "$1" | head -5; fi
}
hasnt() {
	if grep -qF -- "$2" "$1"; then no "$3 ('$2' found in $1)"; else ok "$3"; fi
}
stat_of() { "$T" stats --db "$1" | awk -v k="$2" '$1 == k { print $2 }'; }

# --help, --version, usage errors
expect 0 "help" "$T" --help
has "$W/out" "Usage: tekg COMMAND" "help text on stdout"
expect 0 "version" "$T" --version
has "$W/out" "SQLite" "version names SQLite"
has "$W/out" "igraph" "version names igraph"
expect 2 "no command" "$T"
expect 2 "unknown command" "$T" frobnicate
expect 0 "ingest --help" "$T" ingest --help
has "$W/out" "Usage: tekg ingest" "ingest help"
expect 2 "ingest without input" "$T" ingest --db "$W/x.db"
expect 2 "bad --date" "$T" ingest --db "$W/x.db" --date 2025-13-01 "$D/a.txt"
expect 2 "bad --input-format" "$T" ingest --db "$W/x.db" --input-format pdf "$D/a.txt"
expect 2 "bad -j" "$T" ingest --db "$W/x.db" -j 0 "$D/a.txt"
expect 2 "unknown option" "$T" export --frobnicate
expect 2 "build without -o" "$T" build "$D/a.txt"
expect 2 "bad --field map" "$T" ingest --db "$W/x.db" --field bogus "$D/a.txt"
has "$W/err" "--field wants NAME=FIELD" "bad --field: the message says what is wanted"
expect 2 "reindex refuses --script-profile" "$T" reindex --db "$W/x.db" --script-profile none
has "$W/err" "--script-profile does not apply to reindex" "reindex: the message names the option"
[ -e "$W/x.db" ] && no "usage errors created no database" || ok "usage errors created no database"

# a clean ingest, then the same again adds nothing
expect 0 "ingest text" "$T" ingest --db "$W/a.db" "$D/a.txt" "$D/b.txt"
has "$W/err" "2 new sources" "summary line"
docs=$(stat_of "$W/a.db" documents)
[ "$docs" = 2 ] && ok "two documents" || no "two documents (got $docs)"
expect 0 "re-ingest" "$T" ingest --db "$W/a.db" "$D/a.txt" "$D/b.txt"
has "$W/err" "(2 already stored)" "re-ingest skips known sources"
[ "$(stat_of "$W/a.db" documents)" = 2 ] && ok "re-ingest adds nothing" || no "re-ingest adds nothing"
expect 0 "stdin" sh -c "'$T' ingest --db '$W/a.db' - < '$D/a.txt'"
[ "$(stat_of "$W/a.db" documents)" = 2 ] && ok "same article from stdin is the same document" || no "stdin doubled a document"
[ "$(stat_of "$W/a.db" sources)" = 2 ] && ok "same bytes from stdin are the same source" || no "stdin source count"

# show
expect 0 "show" "$T" show --db "$W/a.db" 1
has "$W/out" "周建国出席论坛并致辞" "show prints the text"
has "$W/out" "source:" "show prints the source"
has "$W/out" "date:" "show prints the document date"
expect 1 "show unknown" "$T" show --db "$W/a.db" 999
has "$W/err" "999" "show names the missing document"

# bad inputs: each rejected with a clear message, the rest stored, exit 1
printf 'good line 一\n\377\376 bad bytes\n' > "$W/bad.txt"
head -c 3000 /dev/urandom > "$W/binary.bin"
printf '\0\0\0ELF\0\0' >> "$W/binary.bin"
: > "$W/empty.txt"
mkdir -p "$W/dir/sub"
cp "$D/b.txt" "$W/dir/sub/b2.txt"
echo "隐藏文件不应被读取。" > "$W/dir/.hidden.txt"
expect 1 "missing file" "$T" ingest --db "$W/b.db" "$W/nonexistent.txt" "$D/a.txt"
has "$W/err" "tekg: $W/nonexistent.txt:" "missing file named"
[ "$(stat_of "$W/b.db" documents)" = 1 ] && ok "other input kept" || no "other input kept"
expect 1 "invalid UTF-8" "$T" ingest --db "$W/b.db" "$W/bad.txt"
has "$W/err" "$W/bad.txt" "invalid UTF-8 names the file"
has "$W/err" "offset" "invalid UTF-8 names the byte offset"
expect 1 "binary" "$T" ingest --db "$W/b.db" "$W/binary.bin"
has "$W/err" "binary.bin" "binary file named"
expect 0 "empty file" "$T" ingest --db "$W/b.db" "$W/empty.txt"
expect 0 "directory recursion" "$T" ingest --db "$W/b.db" "$W/dir"
[ "$(stat_of "$W/b.db" documents)" = 2 ] && ok "directory recursed, hidden skipped" || no "directory recursion ($(stat_of "$W/b.db" documents) docs)"
expect 1 "malformed JSONL line" "$T" ingest --db "$W/j.db" "$D/news.jsonl"
has "$W/err" "line 2" "JSONL error names the line"
has "$W/err" "news.jsonl: line 2: malformed JSON: " "JSONL error: one file and line prefix"
hasnt "$W/err" "jsonl:2:" "JSONL error does not name file and line twice"
[ "$(stat_of "$W/j.db" documents)" = 2 ] && ok "other JSONL lines kept" || no "other JSONL lines kept"
expect 0 "html" "$T" ingest --db "$W/h.db" "$D/page.html"
expect 0 "html show" "$T" show --db "$W/h.db" 1
has "$W/out" "何志强主持会议" "html main text kept"
for junk in 赵钱孙 吴郑王 冯陈褚卫 蒋沈韩杨 朱秦尤许; do
	if "$T" query --db "$W/h.db" sql "SELECT orig || work || coalesce(title, '') FROM document" 2>/dev/null | grep -qF "$junk" ||
	   grep -aqF "$junk" "$W/h.db" "$W/h.db-wal" 2>/dev/null; then
		no "html boilerplate '$junk' kept out of the store"
	else
		ok "html boilerplate '$junk' kept out of the store"
	fi
done

# rm and reindex
expect 0 "rm" "$T" rm --db "$W/a.db" "$D/a.txt"
[ "$(stat_of "$W/a.db" documents)" = 1 ] && ok "rm removed the document" || no "rm removed the document"
expect 1 "rm unknown" "$T" rm --db "$W/a.db" nothing.txt
expect 0 "reindex" "$T" reindex --db "$W/a.db"
[ "$(stat_of "$W/a.db" documents)" = 1 ] && ok "reindex keeps documents" || no "reindex keeps documents"

# build and export
expect 0 "build" "$T" build -o "$W/g.graphml" "$D/a.txt" "$D/b.txt"
has "$W/g.graphml" 'xmlns="http://graphml.graphdrawing.org/xmlns"' "GraphML namespace"
n=$(grep -c '<node id="d' "$W/g.graphml")
[ "$n" = 2 ] && ok "one document node per article" || no "document nodes ($n)"
expect 0 "export" "$T" export --db "$W/j.db" -o "$W/j.graphml"
has "$W/j.graphml" "广州举办人工智能产业大会" "export carries titles"
# a FIFO (like /dev/null, a special file) is written in place, not replaced
if command -v mkfifo >/dev/null; then
	mkfifo "$W/pipe.graphml"
	# the reader gives up after 20 s (when the FIFO is replaced, no writer
	# ever opens it)
	timeout 20 cat "$W/pipe.graphml" > "$W/piped.graphml" &
	expect 0 "export into a FIFO" "$T" export --db "$W/j.db" -o "$W/pipe.graphml"
	wait
	[ -p "$W/pipe.graphml" ] && ok "the FIFO is still a FIFO" || no "the FIFO was replaced by a file"
	has "$W/piped.graphml" "</graphml>" "the reader got the whole graph"
	rm -f "$W/pipe.graphml"
fi
expect 1 "export to a missing directory" "$T" export --db "$W/j.db" -o "$W/nodir/x.graphml"
[ ! -e "$W/nodir/x.graphml" ] && ok "no partial output" || no "no partial output"
expect 2 "export unknown format" "$T" export --db "$W/j.db" --format pdf -o "$W/x"

# bad databases
echo "not a database at all, just some text in a file" > "$W/corrupt.db"
expect 3 "corrupt database" "$T" ingest --db "$W/corrupt.db" "$D/a.txt"
has "$W/err" "corrupt.db" "corrupt database named"
expect 1 "missing database" "$T" stats --db "$W/none.db"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	cp "$W/a.db" "$W/ro.db"; chmod 444 "$W/ro.db"; chmod 755 "$W"
	expect 3 "read-only database" setpriv --reuid=65534 --regid=65534 --clear-groups "$T" ingest --db "$W/ro.db" "$D/b.txt"
	has "$W/err" "read-only" "read-only database named"
	# a read-only database in a read-only folder can still be read
	mkdir "$W/rodir"; cp "$W/a.db" "$W/rodir/r.db"; chmod 444 "$W/rodir/r.db"; chmod 555 "$W/rodir"
	expect 0 "stats of a database in a read-only folder" setpriv --reuid=65534 --regid=65534 --clear-groups "$T" stats --db "$W/rodir/r.db"
	has "$W/out" "documents" "read-only folder: stats printed"
	expect 0 "export from a database in a read-only folder" setpriv --reuid=65534 --regid=65534 --clear-groups "$T" export --db "$W/rodir/r.db" -o -
	chmod 755 "$W/rodir"
elif [ "$(id -u)" != 0 ]; then
	cp "$W/a.db" "$W/ro.db"; chmod 444 "$W/ro.db"
	expect 3 "read-only database" "$T" ingest --db "$W/ro.db" "$D/b.txt"
else
	echo "skip read-only database (no setpriv)"
fi

echo "foundation CLI: $fails failure(s)"
[ "$fails" = 0 ]
