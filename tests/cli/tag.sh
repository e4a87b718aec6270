#!/bin/sh
# tag.sh - `tekg tag`: output formats, exit codes, robustness.
# Gets $TEKG; exits 0 pass, 77 skip (no model), 1 fail.
TEKG=${TEKG:-./tekg}
export LC_ALL=C.UTF-8
MODEL=${TEKG_MODEL_DIR:-/usr/lib/python3/dist-packages/jieba/lac_small}
DATA=tests/data/tagger
T=$(mktemp -d "${TMPDIR:-/tmp}/tekg_tag.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }

# --help and usage errors need no model
"$TEKG" tag --help > "$T/help" || fail "--help exit status"
grep -q "^Usage: tekg tag" "$T/help" || fail "--help text"
"$TEKG" tag --frobnicate 2> "$T/err" </dev/null; [ $? -eq 2 ] || fail "bad option: exit 2"
grep -q "^tekg: " "$T/err" || fail "bad option: message"
"$TEKG" tag -j 0 </dev/null 2>/dev/null; [ $? -eq 2 ] || fail "-j 0: exit 2"
"$TEKG" tag -j x </dev/null 2>/dev/null; [ $? -eq 2 ] || fail "-j x: exit 2"
"$TEKG" tag a b </dev/null 2>/dev/null; [ $? -eq 2 ] || fail "two files: exit 2"
# a missing model is exit 3 and names the Debian package
"$TEKG" tag --model /nonexistent/lac_small </dev/null 2> "$T/err"; [ $? -eq 3 ] || fail "missing model: exit 3"
grep -q "python3-jieba" "$T/err" || fail "missing model: package not named"
TEKG_MODEL_DIR=/nonexistent "$TEKG" tag </dev/null 2>/dev/null; [ $? -eq 3 ] || fail "TEKG_MODEL_DIR ignored"

if [ ! -f "$MODEL/word.dic" ]; then
	echo "skipped: LAC model not found (apt-get install python3-jieba)" >&2
	exit 77
fi

# golden output (checked by reading), from a file and from stdin, -j 1 and 2
"$TEKG" tag -j 1 "$DATA/sentences.txt" > "$T/out" || fail "tag file"
cmp -s "$T/out" "$DATA/sentences.expected" || { diff "$DATA/sentences.expected" "$T/out" >&2; fail "golden WORD/TYPE output"; }
"$TEKG" tag -j 2 - < "$DATA/sentences.txt" > "$T/out2" || fail "tag stdin"
cmp -s "$T/out" "$T/out2" || fail "stdin / -j 2 output differs"
"$TEKG" tag --bio --model "$MODEL" "$DATA/sentences.txt" > "$T/bio" || fail "--bio"
cmp -s "$T/bio" "$DATA/sentences.bio" || fail "golden --bio output"
# --bio: one line per character plus a blank line per input line
chars=$(tr -d '\n' < "$DATA/sentences.txt" | wc -m)
lines=$(wc -l < "$DATA/sentences.txt")
[ "$(wc -l < "$T/bio")" -eq $((chars + lines)) ] || fail "--bio line count"
TAB=$(printf '\t')
bad=$(grep -v "^\$" "$T/bio" | grep -cvE "^.+${TAB}(O|[BI]-(PER|LOC|ORG))\$")
[ "$bad" -eq 0 ] || fail "--bio: $bad lines with another layout"

# empty lines stay empty lines; CRLF is accepted; no final newline is fine
printf '\n\n你好\r\n\n世界' > "$T/empty"
"$TEKG" tag "$T/empty" > "$T/out" || fail "empty lines"
[ "$(wc -l < "$T/out")" -eq 5 ] || fail "empty lines: line count"
[ "$(sed -n 1p "$T/out")" = "" ] && [ "$(sed -n 4p "$T/out")" = "" ] || fail "empty lines kept"

# invalid UTF-8: lines before it are printed, exit 1, line number given
printf '你好\n\377\376\n再见\n' > "$T/bad"
"$TEKG" tag "$T/bad" > "$T/out" 2> "$T/err"; [ $? -eq 1 ] || fail "invalid UTF-8: exit 1"
grep -q "line 2" "$T/err" && grep -q "invalid UTF-8" "$T/err" || fail "invalid UTF-8: message"
[ "$(wc -l < "$T/out")" -eq 1 ] || fail "invalid UTF-8: earlier lines"
"$TEKG" tag /nonexistent/file 2> "$T/err"; [ $? -eq 1 ] || fail "missing file: exit 1"
grep -q "^tekg: /nonexistent/file: " "$T/err" || fail "missing file: message"

# a 240,000-character line: split, one output line, words rebuild the line
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "王毅在广州出席会议。"; printf "\n" }' > "$T/long"
"$TEKG" tag "$T/long" > "$T/out" || fail "long line"
[ "$(wc -l < "$T/out")" -eq 1 ] || fail "long line: one output line"
sed 's#/[A-Za-z]* # #g; s#/[A-Za-z]*$##; s/ //g' "$T/out" | cmp -s - "$T/long" || fail "long line: words do not rebuild the input"
exit 0
