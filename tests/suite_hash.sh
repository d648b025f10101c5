#!/bin/sh
# SHA-256 (content hashes in index.xml, the rules digest): known digests through the
# processor's SHA instructions where it has them and through the portable rounds.
. tests/lib.sh
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer"
for opt in -O1 -O2; do
  cc -std=c11 -D_GNU_SOURCE $opt -g $SAN -Wall -Wextra -Wshadow -Werror -Ipipeline tests/unit/test_sha256.c \
     pipeline/sha256.c -o "$TMP/test_sha256" 2>"$TMP/cc" ||
  cc -std=c11 -D_GNU_SOURCE $opt -g -Wall -Wextra -Wshadow -Werror -Ipipeline tests/unit/test_sha256.c \
     pipeline/sha256.c -o "$TMP/test_sha256" 2>"$TMP/cc"
  if [ ! -x "$TMP/test_sha256" ]; then fail "test_sha256 ($opt) does not build: $(head -5 "$TMP/cc")"; continue; fi
  "$TMP/test_sha256" tests/unit/sha256_vectors.txt >"$TMP/out" 2>&1
  grep '^FAIL' "$TMP/out" | head -20
  line=$(tail -1 "$TMP/out")
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  case "$p$f" in *[!0-9]*|'') fail "sha256 ($opt): $(tail -3 "$TMP/out")";; *) PASS=$((PASS+p)); FAIL=$((FAIL+f));; esac
  grep '^#' "$TMP/out"
  rm -f "$TMP/test_sha256"
done
finish
