#!/bin/sh
# bench_tagger.sh - throughput of `tekg tag` per core, beside jieba.posseg.
#
# Builds at least 1 M characters of distinct text from ../shared/corpus
# (bench/tagger_mkcorpus.py: shuffled, perturbed sentences) in a temporary
# directory, then measures CPU time (user + system, /usr/bin/time) of
# `tekg tag -j 1` with OPENBLAS_NUM_THREADS=1, the wall time with all cores,
# and jieba.posseg (Debian's /usr/bin/python3) on the same text, then both
# on the simplified MSRA test sentences (../shared/eval/msra).  Finally it
# compares tekg's own matrix kernels with OpenBLAS (bench/tagger_blas.c)
# when a C compiler and libopenblas-dev are present.  Prints figures; never
# fails on speed.  TAGGER_BENCH_CHARS overrides the text size.
TEKG=${TEKG:-$(pwd)/tekg}
SHARED=${TEKG_SHARED:-../shared}
PY=/usr/bin/python3
MODEL=${TEKG_MODEL_DIR:-/usr/lib/python3/dist-packages/jieba/lac_small}
CHARS_WANTED=${TAGGER_BENCH_CHARS:-1050000}
export OPENBLAS_NUM_THREADS=1

if [ ! -d "$SHARED/corpus" ]; then
	echo "bench_tagger: skipped: $SHARED/corpus not found (set TEKG_SHARED)"
	exit 0
fi
if [ ! -f "$MODEL/word.dic" ]; then
	echo "bench_tagger: skipped: LAC model not found in $MODEL (apt-get install python3-jieba)"
	exit 0
fi
if [ ! -x "$TEKG" ] || [ ! -x $PY ] || [ ! -x /usr/bin/time ]; then
	echo "bench_tagger: skipped: needs $TEKG, $PY and /usr/bin/time"
	exit 0
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tekg_bench_tagger.XXXXXX") || exit 0
trap 'rm -rf "$TMP"' EXIT INT TERM

CHARS=$($PY bench/tagger_mkcorpus.py "$SHARED/corpus" "$TMP/text.txt" "$CHARS_WANTED") || {
	echo "bench_tagger: could not build the text"; exit 0; }
LINES=$(wc -l < "$TMP/text.txt")
echo "text: $CHARS characters in $LINES distinct lines (shuffled, perturbed seed corpus)"

# rate CHARS SECONDS -> characters per second
rate() { awk -v c="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", c / s; else print "inf" }'; }

/usr/bin/time -f "%U %S %e %M" -o "$TMP/t1" "$TEKG" tag -j 1 "$TMP/text.txt" > "$TMP/out1" 2> "$TMP/err1"
if [ "$(wc -l < "$TMP/out1")" != "$LINES" ]; then
	echo "bench_tagger: tekg tag failed:"; cat "$TMP/err1"; exit 0
fi
read -r U S E M < "$TMP/t1"
CPU=$(awk -v u="$U" -v s="$S" 'BEGIN { printf "%.2f", u + s }')
TEKG_RATE=$(rate "$CHARS" "$CPU")
echo "tekg tag -j 1:     $TEKG_RATE chars/s per core (CPU ${CPU} s, wall ${E} s, peak RSS $((M / 1024)) MB)"

NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
/usr/bin/time -f "%U %S %e %M" -o "$TMP/tn" "$TEKG" tag -j "$NCPU" "$TMP/text.txt" > "$TMP/outn" 2>/dev/null
read -r U S E M < "$TMP/tn"
echo "tekg tag -j $NCPU:     $(rate "$CHARS" "$E") chars/s wall (peak RSS $((M / 1024)) MB)"
if cmp -s "$TMP/out1" "$TMP/outn"; then
	echo "                   output identical to -j 1"
else
	echo "                   WARNING: output differs from -j 1"
fi

if J=$($PY bench/tagger_jieba.py "$TMP/text.txt" 2>/dev/null); then
	set -- $J
	JRATE=$(rate "$1" "$2")
	echo "jieba.posseg:      $JRATE chars/s per core (CPU $2 s, tagging only, dictionaries preloaded)"
	echo "ratio tekg / jieba.posseg: $(awk -v a="$TEKG_RATE" -v b="$JRATE" 'BEGIN { printf "%.2f", a / b }')"
else
	echo "jieba.posseg:      skipped (python3-jieba not importable by $PY)"
fi

# The same text as one line of 1 M characters: split into pieces of at most
# 10,000 characters (docs/tagger.md); linear, though pieces that long run
# one at a time (no batching of the recurrences), so slower per character.
{ tr -d '\n' < "$TMP/text.txt"; echo; } > "$TMP/oneline.txt"
/usr/bin/time -f "%U %S %M" -o "$TMP/t1l" "$TEKG" tag -j 1 "$TMP/oneline.txt" > "$TMP/out1l" 2>/dev/null
read -r U S M < "$TMP/t1l"
echo "one $CHARS-character line, -j 1: $(rate "$CHARS" "$(awk -v u="$U" -v s="$S" 'BEGIN { print u + s }')") chars/s per core" \
     "(peak RSS $((M / 1024)) MB, $(wc -l < "$TMP/out1l") output line)"

# A second, simplified-only text: the MSRA test sentences (1998 People's
# Daily).  jieba.posseg is much faster on simplified text in its dictionary
# than on the traditional-script articles of the seed corpus.
MSRA="$SHARED/eval/msra/msra_test_bio.txt"
if [ -f "$MSRA" ]; then
	awk -F'\t' 'NF == 0 || $0 == "" { if (s != "") print s; s = ""; next }
	             { s = s $1 } END { if (s != "") print s }' "$MSRA" > "$TMP/msra.txt"
	MCHARS=$(tr -d '\n' < "$TMP/msra.txt" | LC_ALL=C.UTF-8 wc -m)
	/usr/bin/time -f "%U %S" -o "$TMP/tm" "$TEKG" tag -j 1 "$TMP/msra.txt" > /dev/null 2>&1
	read -r U S < "$TMP/tm"
	MT=$(rate "$MCHARS" "$(awk -v u="$U" -v s="$S" 'BEGIN { print u + s }')")
	if J=$($PY bench/tagger_jieba.py "$TMP/msra.txt" 2>/dev/null); then
		set -- $J
		MJ=$(rate "$1" "$2")
		echo "MSRA test text ($MCHARS chars, simplified): tekg $MT chars/s per core," \
		     "jieba.posseg $MJ chars/s, ratio $(awk -v a="$MT" -v b="$MJ" 'BEGIN { printf "%.2f", a / b }')"
	else
		echo "MSRA test text ($MCHARS chars, simplified): tekg $MT chars/s per core"
	fi
fi

LIB=$(dirname "$TEKG")/libtekg.a
if command -v cc >/dev/null 2>&1 && pkg-config --exists openblas 2>/dev/null && [ -f "$LIB" ] &&
   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
      $(pkg-config --cflags openblas) bench/tagger_blas.c "$LIB" \
      $(pkg-config --libs openblas) -lm -lpthread -o "$TMP/tagger_blas" 2> "$TMP/cc.err"; then
	echo "matrix kernels, same network and batching, first 300,000 characters:"
	"$TMP/tagger_blas" "$MODEL" "$TMP/text.txt" 300000 | sed 's/^/  /'
else
	echo "OpenBLAS comparison: skipped (needs cc, libopenblas-dev and $LIB)"
fi
exit 0
