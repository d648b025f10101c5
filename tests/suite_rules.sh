#!/bin/sh
# Every rule of the header, sections, items, genre and fonts families pinned to examples
# (tests/rules/FAMILY.examples), and every rule of every family under a size, compiled with the
# sanitizers when the compiler has them.
. tests/lib.sh
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer"
cc -std=c11 -D_GNU_SOURCE -O1 -g $SAN -Ipipeline tests/unit/test_rules.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_rules" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc" ||
cc -std=c11 -D_GNU_SOURCE -O1 -g -Ipipeline tests/unit/test_rules.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_rules" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc"
if [ ! -x "$TMP/test_rules" ]; then fail "test_rules does not build: $(head -5 "$TMP/cc")"; finish; exit; fi
for fam in header sections items genre fonts; do
  "$TMP/test_rules" rules "$fam" "tests/rules/$fam.examples" >"$TMP/out" 2>&1
  grep '^FAIL' "$TMP/out"
  line=$(tail -1 "$TMP/out")
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  case "$p$f" in *[!0-9]*|'') fail "$fam: $(tail -3 "$TMP/out")"; continue;; esac
  PASS=$((PASS+p)); FAIL=$((FAIL+f))
done
# Every rule of every family well under pcre2's limit of 64 KB for a compiled pattern.
"$TMP/test_rules" rules --sizes >"$TMP/out" 2>&1
grep '^FAIL' "$TMP/out"
line=$(tail -1 "$TMP/out")
p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
case "$p$f" in *[!0-9]*|'') fail "sizes: $(tail -3 "$TMP/out")";; *) PASS=$((PASS+p)); FAIL=$((FAIL+f));; esac
# The prefilter never hides a match: every rule on every example line and corpus document.
cc -std=c11 -D_GNU_SOURCE -O1 -g $SAN -Ipipeline tests/unit/test_prefilter.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_prefilter" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc" ||
cc -std=c11 -D_GNU_SOURCE -O1 -g -Ipipeline tests/unit/test_prefilter.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_prefilter" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc"
if [ ! -x "$TMP/test_prefilter" ]; then
  fail "test_prefilter does not build: $(head -5 "$TMP/cc")"
else
  cut -f2 tests/rules/*.examples >"$TMP/examples.txt"
  "$TMP/test_prefilter" rules "$TMP/examples.txt" corpus/*.txt corpus/real/* >"$TMP/out" 2>&1
  grep '^FAIL' "$TMP/out" | head -20
  line=$(tail -1 "$TMP/out")
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  case "$p$f" in *[!0-9]*|'') fail "prefilter: $(tail -3 "$TMP/out")";; *) PASS=$((PASS+p)); FAIL=$((FAIL+f));; esac
fi
# Rules whose matches start with a digit, searched only in runs of digits, find what one
# plain search finds: on the same lines, from several offsets.
cc -std=c11 -D_GNU_SOURCE -O1 -g $SAN -Ipipeline tests/unit/test_digitrun.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_digitrun" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc" ||
cc -std=c11 -D_GNU_SOURCE -O1 -g -Ipipeline tests/unit/test_digitrun.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c \
   pipeline/sha256.c -o "$TMP/test_digitrun" $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$TMP/cc"
if [ ! -x "$TMP/test_digitrun" ]; then
  fail "test_digitrun does not build: $(head -5 "$TMP/cc")"
else
  cut -f2 tests/rules/*.examples >"$TMP/examples.txt"
  "$TMP/test_digitrun" rules "$TMP/examples.txt" corpus/*.txt corpus/real/* >"$TMP/out" 2>&1
  grep '^FAIL' "$TMP/out" | head -20
  line=$(tail -1 "$TMP/out")
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  case "$p$f" in *[!0-9]*|'') fail "digitrun: $(tail -3 "$TMP/out")";; *) PASS=$((PASS+p)); FAIL=$((FAIL+f));; esac
fi
finish
