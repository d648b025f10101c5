#!/bin/sh
# Builds the libFuzzer target with clang (every source compiled once, side by side) and runs it
# for FUZZ_SECONDS (default 20) on the corpus through each of convert, normalise and extract.
# Prints "N passed, M failed" like the suites.
cd "$(dirname "$0")/../.." || exit 2
PASS=0; FAIL=0
if ! command -v clang >/dev/null 2>&1; then
  echo "clang is not installed: fuzzing skipped"; echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
PKGS="libxml-2.0 libpcre2-8 libutf8proc libzip poppler-cpp libxslt"
SRC=$(ls pipeline/*.c pipeline/tables/*.c | grep -v pipeline/main.c)
mkdir -p "$T/seed" "$T/obj"; cp corpus/*.txt tests/convert/*.docx tests/convert/rtf/*.rtf "$T/seed/" 2>/dev/null
export T CFLAGS_PKG="$(pkg-config --cflags $PKGS)" CXXFLAGS_PKG="$(pkg-config --cflags poppler-cpp)"
# every source to an object file, as many at a time as there are cores; the PDF reader's C++
# shim (poppler-cpp) too
if ! { echo pipeline/pdf_layout.cc; echo tests/fuzz/fuzz_pipeline.c; for f in $SRC; do echo "$f"; done; } |
     xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} sh -c '
       o="$T/obj/$(echo "$1" | tr / _).o"
       case $1 in
         *.cc) clang++ -g -O1 -fsanitize=fuzzer-no-link,address,undefined -std=c++17 -Ipipeline $CXXFLAGS_PKG -c "$1" -o "$o" ;;
         *)    clang -g -O1 -fsanitize=fuzzer-no-link,address,undefined -std=c11 -D_GNU_SOURCE -Ipipeline $CFLAGS_PKG -c "$1" -o "$o" ;;
       esac 2>"$o.err" || { echo "$1 does not build for fuzzing:"; head -20 "$o.err"; exit 255; }' sh {}; then
  echo "FAIL: the fuzz target does not build"; echo "0 passed, 1 failed"; exit 1
fi
if ! clang++ -g -O1 -fsanitize=fuzzer,address,undefined "$T"/obj/*.o $(pkg-config --libs $PKGS) -lpthread -lm \
     -o "$T/fuzz" 2>"$T/cc"; then
  echo "FAIL: the fuzz target does not link"; head -20 "$T/cc"; echo "0 passed, 1 failed"; exit 1
fi
for stage in convert normalise extract; do
  mkdir -p "$T/c_$stage"
  if VNPLAN_RULES=rules VNPLAN_FUZZ_STAGE=$stage "$T/fuzz" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=65536 \
       -timeout=10 -rss_limit_mb=2048 "$T/c_$stage" "$T/seed" >"$T/log_$stage" 2>&1; then
    PASS=$((PASS+1)); echo "fuzz $stage: $(grep -E 'Done [0-9]+ runs' "$T/log_$stage" | tail -1)"
  else
    FAIL=$((FAIL+1)); echo "FAIL: fuzz $stage"; tail -30 "$T/log_$stage"
  fi
done
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
