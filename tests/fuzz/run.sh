#!/bin/sh
# Builds the libFuzzer targets for convert, normalise and extract with clang and runs each
# for FUZZ_SECONDS (default 20) on the corpus.  Prints "N passed, M failed" like the suites.
cd "$(dirname "$0")/../.." || exit 2
PASS=0; FAIL=0
if ! command -v clang >/dev/null 2>&1; then
  echo "clang is not installed: fuzzing skipped"; echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
PKGS="libxml-2.0 libpcre2-8 libutf8proc libzip poppler-cpp libxslt"
SRC=$(ls pipeline/*.c pipeline/tables/*.c | grep -v pipeline/main.c)
mkdir -p "$T/seed"; cp corpus/*.txt tests/convert/*.docx tests/convert/rtf/*.rtf "$T/seed/" 2>/dev/null
# the PDF reader's C++ shim (poppler-cpp), compiled once, linked into every target
if ! clang++ -g -O1 -fsanitize=fuzzer-no-link,address,undefined -std=c++17 -Ipipeline \
     $(pkg-config --cflags poppler-cpp) -c pipeline/pdf_layout.cc -o "$T/pdf_layout.o" 2>"$T/cc"; then
  echo "FAIL: pipeline/pdf_layout.cc does not build for fuzzing"; head -20 "$T/cc"; echo "0 passed, 1 failed"; exit 1
fi
for stage in CONVERT NORMALISE EXTRACT; do
  if clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -DFUZZ_STAGE=VP_STAGE_$stage \
       -Ipipeline tests/fuzz/fuzz_pipeline.c $SRC "$T/pdf_layout.o" $(pkg-config --cflags --libs $PKGS) -lstdc++ -lpthread -lm \
       -o "$T/fuzz_$stage" 2>"$T/cc"; then
    mkdir -p "$T/c_$stage"
    if VNPLAN_RULES=rules "$T/fuzz_$stage" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=65536 -timeout=10 \
         -rss_limit_mb=2048 "$T/c_$stage" "$T/seed" >"$T/log_$stage" 2>&1; then
      PASS=$((PASS+1)); echo "fuzz $stage: $(grep -E 'Done [0-9]+ runs' "$T/log_$stage" | tail -1)"
    else
      FAIL=$((FAIL+1)); echo "FAIL: fuzz $stage"; tail -30 "$T/log_$stage"
    fi
  else
    FAIL=$((FAIL+1)); echo "FAIL: fuzz $stage does not build"; head -20 "$T/cc"
  fi
done
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
