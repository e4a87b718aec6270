#!/bin/sh
# Hostile input (docs/robustness.md): entity expansion and external entities
# in HTML/XML, 100,000-deep nesting, 100 MB files, NUL bytes, overlong UTF-8
# and surrogates, GB18030 and Big5, huge numbers in dates, SQL
# metacharacters in names and queries, FIFOs and symbolic links in folders.
# Each case checks the exit status (never a crash: 0 stored, 1 rejected
# with a message naming the file), the message, peak memory (GNU time) and
# that no file outside the inputs is read (a secret file referenced from
# the input must appear neither in the database nor, with strace, in the
# files opened).  Big files are generated here, never committed; under the
# sanitizer build (BUILD=build-san) they are 20 MB instead of 100 MB.
# Needs $TEKG and sqlite3.  Exit 0 pass, 1 fail, 77 skip.
set -u
T=${TEKG:-./tekg}
H=tests/data/hostile
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 not installed"; exit 77; }
W=$(mktemp -d /tmp/tekg-hostile-XXXXXX)
trap 'rm -rf "$W"' EXIT
fails=0
ok() { echo "ok   $1"; }
no() { echo "FAIL $1"; fails=$((fails + 1)); }
has() { if grep -qF -- "$2" "$1"; then ok "$3"; else no "$3 (no '$2')"; head -3 "$1" | sed 's/^/     /'; fi; }
BIG_MB=100
case "${BUILD:-}$T" in *san*)
	BIG_MB=20
	# ASan keeps freed memory in a quarantine (256 MB by default), which
	# would count in the peak: keep it small so the bound stays meaningful
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16"
	export ASAN_OPTIONS ;;
esac
TIMEV=
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && TIMEV=/usr/bin/time

# run NAME MAXKB CMD...: run CMD with stdout/stderr in $W/out, $W/err; sets
# $rc; fails NAME when it crashed (status > 3) or peaked above MAXKB.
run() {
	name=$1; maxkb=$2; shift 2
	if [ -n "$TIMEV" ]; then
		$TIMEV -o "$W/rss" -f %M "$@" >"$W/out" 2>"$W/err"; rc=$?
		kb=$(tail -n 1 "$W/rss")
	else
		"$@" >"$W/out" 2>"$W/err"; rc=$?; kb=0
	fi
	if [ "$rc" -gt 3 ]; then
		no "$name: crashed (exit $rc)"; tail -5 "$W/err" | sed 's/^/     /'
	elif [ "$kb" -gt "$maxkb" ]; then
		no "$name: peak memory ${kb} KB > ${maxkb} KB"
	else
		ok "$name: exit $rc, peak ${kb} KB"
	fi
}
integrity() {
	r=$("$T" query sql --db "$1" 'PRAGMA integrity_check' 2>&1 | tail -n 1)
	[ "$r" = ok ] && ok "$2: database integrity ok" || no "$2: integrity_check says '$r'"
}

# ---- entities: expansion and external references --------------------------
mkdir "$W/secret"
echo "SECRET-MARKER-8472" > "$W/secret/secret.txt"
sed -e "s|@SECRET@|$W/secret/secret.txt|g" -e "s|@DIR@|$W/secret|g" "$H/external.html.in" > "$W/external.html"
cp "$W/external.html" "$W/external.xhtml"
run "billion laughs (HTML)" 200000 "$T" ingest -q --db "$W/e.db" "$H/laughs.html"
[ $rc -le 1 ] && ok "billion laughs: stored or rejected" || no "billion laughs: exit $rc"
n=$(sqlite3 "$W/e.db" "SELECT count(*) FROM document WHERE orig LIKE '%哈哈哈哈哈哈哈哈哈哈哈%'")
[ "$n" = 0 ] && ok "billion laughs: entities not expanded" || no "billion laughs: entities expanded"
n=$(sqlite3 "$W/e.db" "SELECT count(*) FROM document WHERE orig LIKE '%ENTITY%' OR title LIKE '%ENTITY%'")
[ "$n" = 0 ] && ok "billion laughs: the DTD's declarations are not body text" || no "billion laughs: <!ENTITY ...> became text"
n=$(sqlite3 "$W/e.db" "SELECT count(*) FROM document WHERE orig LIKE '%这是一篇正常的新闻正文%'")
[ "$n" = 1 ] && ok "billion laughs: the body text is stored" || no "billion laughs: body text lost"
run "external entities (HTML)" 200000 "$T" ingest -q --db "$W/e.db" "$W/external.html"
run "external entities (as --input-format html)" 200000 "$T" ingest -q --input-format html --db "$W/e.db" "$W/external.xhtml"
n=$(sqlite3 "$W/e.db" "SELECT count(*) FROM document WHERE orig LIKE '%SECRET-MARKER%' OR work LIKE '%SECRET-MARKER%' OR meta LIKE '%SECRET-MARKER%'")
[ "$n" = 0 ] && ok "external entities: the referenced file's content is not in the database" || no "external entities: secret read into the database"
"$T" export --db "$W/e.db" -o "$W/e.graphml" 2>/dev/null
grep -q SECRET-MARKER "$W/e.graphml" && no "secret in the export" || ok "secret not in the export"
integrity "$W/e.db" "entities"
if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
	strace -f -e trace=open,openat,openat2,stat,lstat,newfstatat,statx,access -o "$W/trace" \
		"$T" ingest -q --db "$W/s.db" "$W/external.html" "$H/laughs.html" >/dev/null 2>&1
	if grep -q "secret.txt" "$W/trace"; then no "strace: the referenced file was touched"; grep secret.txt "$W/trace" | head -3
	else ok "strace: no open or stat of the referenced file"; fi
	grep -q '"/etc/passwd"' "$W/trace" && no "strace: /etc/passwd opened" || ok "strace: /etc/passwd not opened"
else
	echo "skip strace checks: strace not usable here"
fi

# ---- deep nesting -----------------------------------------------------------
/usr/bin/python3 - "$W" <<'EOF' || { echo "skip: python3 needed to generate nesting"; exit 77; }
import sys
w = sys.argv[1]
open(w + '/deep.html', 'w').write('<html><body><p>新华社北京8月25日电 正文开始。</p>' + '<div>' * 100000 + '深处的文字。' + '</div>' * 100000 + '</body></html>')
open(w + '/deep-inline.html', 'w').write('<html><body>' + '<b><i>' * 50000 + '深处。</body></html>')
open(w + '/deep.jsonl', 'w').write('{"text":"正文。","x":' + '[' * 100000 + ']' * 100000 + '}\n' + '{"text":"第二行。","y":' + '{"a":' * 100000 + '1' + '}' * 100000 + '}\n{"text":"新华社北京8月25日电 第三行正常。"}\n')
open(w + '/deep.txt', 'w').write('新华社北京8月25日电 ' + '（' * 20000 + '括号' + '）' * 20000 + '。\n')
EOF
run "100,000 nested <div>" 300000 "$T" ingest -q --db "$W/d.db" "$W/deep.html"
[ $rc = 0 ] && ok "deep HTML: the text before the nesting is stored" || no "deep HTML: exit $rc"
run "50,000 unclosed <b><i>" 300000 "$T" ingest -q --db "$W/d.db" "$W/deep-inline.html"
[ $rc -le 1 ] && has "$W/err" "deep-inline.html" "deep inline HTML: message names the file" || true
run "100,000 nested JSON arrays and objects" 300000 "$T" ingest -q --db "$W/d.db" "$W/deep.jsonl"
[ $rc = 1 ] && ok "deep JSONL: the deep lines are rejected, exit 1" || no "deep JSONL: exit $rc"
has "$W/err" "deep.jsonl: line 1:" "deep JSONL: line 1 named"
has "$W/err" "depth" "deep JSONL: the message says why"
n=$(sqlite3 "$W/d.db" "SELECT count(*) FROM document WHERE orig LIKE '%第三行正常%'")
[ "$n" = 1 ] && ok "deep JSONL: the good line is stored" || no "deep JSONL: good line lost"
run "20,000 nested brackets in text" 400000 "$T" ingest -q -j 1 --db "$W/d.db" "$W/deep.txt"
integrity "$W/d.db" "nesting"

# ---- big files ------------------------------------------------------------
truncate -s "${BIG_MB}M" "$W/zero.txt"
run "${BIG_MB} MB of NUL bytes" $((BIG_MB * 1024 * 3 + 100000)) "$T" ingest -q --db "$W/b.db" "$W/zero.txt"
[ $rc = 1 ] && has "$W/err" "NUL byte at offset 0" "NUL file rejected with the offset" || no "NUL file: exit $rc"
truncate -s 300M "$W/huge.txt"
run "300 MB file (over the 256 MiB cap)" 100000 "$T" ingest -q --db "$W/b.db" "$W/huge.txt"
[ $rc = 1 ] && has "$W/err" "larger than 256 MiB" "over-cap file rejected before reading" || no "over-cap: exit $rc"
/usr/bin/python3 - "$W/big.jsonl" "$BIG_MB" <<'EOF'
import sys
f = open(sys.argv[1], 'w')
f.write('{"title":"正常","text":"新华社北京8月25日电 李强出席会议。","date":"2025-08-25"}\n')
f.write('{"title":"大字段","text":"短正文。","pad":"' + '填' * (int(sys.argv[2]) * 1024 * 1024 // 10) + '"}\n')
line = '{"id":1,"body":"没有text字段的行"}\n'
n = (int(sys.argv[2]) * 1024 * 1024 - f.tell()) // len(line.encode())
f.write(line * n)
EOF
run "${BIG_MB} MB JSONL (a huge field, many bad lines)" $((BIG_MB * 1024 * 10 + 100000)) "$T" ingest -q -j 1 --db "$W/b.db" "$W/big.jsonl"
[ $rc = 1 ] && ok "big JSONL: exit 1 (bad lines reported)" || no "big JSONL: exit $rc"
n=$(sqlite3 "$W/b.db" "SELECT count(*) FROM document")
[ "$n" = 2 ] && ok "big JSONL: the two good lines are stored" || no "big JSONL: $n documents"
head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$W/random.bin"
run "${BIG_MB} MB of random bytes" $((BIG_MB * 1024 * 3 + 100000)) "$T" ingest -q --db "$W/b.db" "$W/random.bin"
[ $rc = 1 ] && has "$W/err" "random.bin" "random bytes rejected, file named" || no "random bytes: exit $rc"
integrity "$W/b.db" "big files"

# ---- encodings ------------------------------------------------------------
run "NUL inside a text file" 200000 "$T" ingest -q --db "$W/u.db" "$H/nul.txt"
[ $rc = 1 ] && has "$W/err" "NUL byte at offset 53" "NUL inside text: rejected with its offset" || no "NUL text: exit $rc"
run "\\u0000 in JSONL" 200000 "$T" ingest -q --db "$W/u.db" "$H/nul.jsonl"
[ $rc = 1 ] && has "$W/err" "nul.jsonl: no usable JSON line (line 1: " "\\u0000 in JSONL: the line is rejected and named" || no "nul.jsonl: exit $rc"
for f in overlong surrogate above-max; do
	run "$f UTF-8" 200000 "$T" ingest -q --db "$W/u.db" "$H/$f.txt"
	[ $rc = 1 ] && has "$W/err" "byte offset 40" "$f: rejected at byte offset 40" || no "$f: exit $rc"
done
run "lone surrogate escape in JSONL" 200000 "$T" ingest -q --db "$W/u.db" "$H/surrogate.jsonl"
[ $rc = 1 ] && has "$W/err" "surrogate.jsonl: no usable JSON line (line 1: " "JSONL surrogate: the line is rejected and named" || no "surrogate.jsonl: exit $rc"
n=$(sqlite3 "$W/u.db" "SELECT count(*) FROM document")
[ "$n" = 0 ] && ok "nothing stored from invalid text" || no "invalid text stored ($n documents)"
run "GB18030 (with 4-byte sequences)" 200000 "$T" ingest -q --db "$W/u.db" "$H/gb18030-4byte.txt" tests/data/text/gb18030.txt
[ $rc = 0 ] || no "GB18030: exit $rc"
n=$(sqlite3 "$W/u.db" "SELECT count(*) FROM document WHERE orig LIKE '%龙𠀀𪚥测试%' OR orig LIKE '%跨境电商博览会%'")
[ "$n" = 2 ] && ok "GB18030 decoded (U+20000 and U+2A6A5 from 4-byte sequences)" || no "GB18030: $n documents decoded"
run "Big5" 200000 "$T" ingest -q --db "$W/u.db" "$H/big5-hkscs.txt" tests/data/text/big5.txt
n=$(sqlite3 "$W/u.db" "SELECT count(*) FROM document WHERE work LIKE '%湾区绿色金融论坛%'")
[ "$n" -ge 1 ] && ok "Big5 decoded and simplified" || no "Big5: not decoded"
n=$(sqlite3 "$W/u.db" "SELECT count(*) FROM source WHERE encoding = 'BIG5'")
[ "$n" -ge 1 ] && ok "Big5 detected" || no "Big5: encoding not recorded"
integrity "$W/u.db" "encodings"

# ---- dates with huge numbers ------------------------------------------------
run "huge numbers in dates (tekg time)" 200000 "$T" time -d 2025-08-25 "$H/dates.txt"
[ $rc = 0 ] && ok "tekg time: exit 0" || no "tekg time: exit $rc"
if grep -E '(^|[^0-9])[0-9]{5,}-[0-9]' "$W/out" >/dev/null || grep -E '	(0000|9999)' "$W/out" >/dev/null; then
	no "a year outside 4 digits was normalised"; cat "$W/out" | head -5
else ok "no 99999 / 2147483648 / 2^64 year becomes a date"; fi
if grep -q "	12月31日	\|	1月1日	" "$W/out"; then no "the month-day of a refused year was taken (99999年12月31日)"
else ok "the month-day of a refused year is not a date either"; fi
has "$W/out" "2025-08-26" "the real date on the same lines is still found"
run "huge numbers in dates (ingest)" 400000 "$T" ingest -q -j 1 --db "$W/t.db" "$H/dates.txt"
[ $rc = 0 ] && ok "dates: stored" || no "dates: exit $rc"
n=$(sqlite3 "$W/t.db" "SELECT count(*) FROM entity WHERE type = 'date' AND (value NOT GLOB '[12][0-9][0-9][0-9]*' OR value LIKE '2025-12-31%' OR value LIKE '2026-01-01%')")
[ "$n" = 0 ] && ok "dates: no date from a refused year (99999年12月31日 is not 12月31日)" || no "dates: $n date nodes from refused years"
for d in 99999-01-01 2147483648-01-01 2025-02-30 "2025-01-01'; DROP TABLE document;--"; do
	run "--date $d" 200000 "$T" ingest -q --date "$d" --db "$W/t.db" "$H/dates.txt"
	[ $rc = 2 ] && ok "--date $d: usage error" || no "--date $d: exit $rc"
done
integrity "$W/t.db" "dates"

# ---- SQL metacharacters -----------------------------------------------------
run "SQL metacharacters in text" 400000 "$T" ingest -q -j 1 --db "$W/q.db" "$H/sql.txt"
[ $rc = 0 ] && ok "SQL text: stored" || no "SQL text: exit $rc"
n=$(sqlite3 "$W/q.db" "SELECT count(*) FROM document WHERE orig LIKE '%DROP TABLE document;--%'")
[ "$n" = 1 ] && ok "SQL text: stored verbatim" || no "SQL text: not verbatim"
docs0=$(sqlite3 "$W/q.db" "SELECT count(*) FROM document")
ents0=$(sqlite3 "$W/q.db" "SELECT count(*) FROM entity")
for q in "'; DROP TABLE document; --" "O'Brien" "%" "_" "\" OR 1=1 --" "李强'); DROP TABLE document;--"; do
	for sub in neighbors timeline met; do
		run "query $sub '$q'" 300000 "$T" query --db "$W/q.db" $sub "$q"
	done
	run "show '$q'" 200000 "$T" show --db "$W/q.db" "$q"
	run "rm '$q'" 200000 "$T" rm --db "$W/q.db" "$q"
	[ $rc -le 2 ] || no "rm '$q': exit $rc"
done
run "query sql with two statements" 200000 "$T" query sql --db "$W/q.db" "SELECT 1; DROP TABLE document"
[ $rc != 0 ] && has "$W/err" "one statement" "two statements refused" || no "two statements: exit $rc"
run "query sql that writes" 200000 "$T" query sql --db "$W/q.db" "DELETE FROM document"
[ $rc != 0 ] && has "$W/err" "read-only" "a writing statement refused" || no "DELETE: exit $rc"
run "query sql ATTACH" 200000 "$T" query sql --db "$W/q.db" "ATTACH DATABASE '$W/evil.db' AS evil"
[ $rc != 0 ] && ok "ATTACH refused" || no "ATTACH accepted"
[ ! -e "$W/evil.db" ] && ok "ATTACH created no file" || no "ATTACH created $W/evil.db"
run "query sql reading a file" 200000 "$T" query sql --db "$W/q.db" "SELECT readfile('$W/secret/secret.txt')"
grep -q SECRET-MARKER "$W/out" && no "readfile() read a file" || ok "readfile() not available"
[ "$(sqlite3 "$W/q.db" "SELECT count(*) FROM document")" = "$docs0" ] && ok "documents intact after hostile queries" || no "documents changed"
[ "$(sqlite3 "$W/q.db" "SELECT count(*) FROM entity")" = "$ents0" ] && ok "entities intact after hostile queries" || no "entities changed"
q="$W/it's \"odd\"; name.db"
run "a database path with quotes" 300000 "$T" ingest -q -j 1 --db "$q" "$H/sql.txt"
[ $rc = 0 ] && [ -f "$q" ] && ok "quoted database path works" || no "quoted database path: exit $rc"
integrity "$W/q.db" "SQL"

# ---- what a folder may hold ---------------------------------------------------
mkdir -p "$W/dir/sub"
cp tests/data/cli/a.txt "$W/dir/"
ln -s "$W/secret/secret.txt" "$W/dir/link.txt"
ln -s "$W/dir" "$W/dir/sub/loop"
mkfifo "$W/dir/fifo.txt" 2>/dev/null
run "a folder with a symlink out, a symlink loop and a FIFO" 300000 timeout 60 "$T" ingest -q -j 1 --db "$W/f.db" "$W/dir"
[ $rc = 1 ] && ok "folder: the odd entries are reported (exit 1)" || no "folder: exit $rc (124 = hung on the FIFO)"
has "$W/err" "link.txt: symbolic link" "folder: symlink named and not followed"
[ -p "$W/dir/fifo.txt" ] && has "$W/err" "fifo.txt: not a regular file" "folder: FIFO named and skipped"
n=$(sqlite3 "$W/f.db" "SELECT count(*) FROM document WHERE orig LIKE '%SECRET-MARKER%'")
[ "$n" = 0 ] && ok "folder: nothing read through the symlink" || no "folder: the symlink's target was read"
[ "$(sqlite3 "$W/f.db" "SELECT count(*) FROM source")" = 1 ] && ok "folder: the regular file is stored once" || no "folder: source count"

[ $fails = 0 ] && echo "hostile: all passed" || echo "hostile: $fails failed"
[ $fails = 0 ]
