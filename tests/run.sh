#!/bin/sh
# Runs every tests/suite_*.sh with the sanitizer build (ASan+UBSan) and sums their
# closing "N passed, M failed" lines.  Usage: tests/run.sh [SUITE...]
set -u
cd "$(dirname "$0")/.." || exit 2
: "${VNPLAN:=./vnplan-asan}"
export VNPLAN
export VNPLAN_RELEASE="${VNPLAN_RELEASE:-./vnplan}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}"
export VNPLAN_RULES="$PWD/rules"
suites="${*:-$(ls tests/suite_*.sh)}"
total_p=0; total_f=0; bad=""
for s in $suites; do
  name=$(basename "$s" .sh)
  log=$(mktemp)
  start=$(date +%s)
  sh "$s" >"$log" 2>&1; rc=$?
  end=$(date +%s)
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "== $name: no result line (exit $rc)"; tail -20 "$log"; bad="$bad $name"; total_f=$((total_f+1))
  else
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
    total_p=$((total_p+p)); total_f=$((total_f+f))
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
      echo "== $name: $line (exit $rc)"; grep -E '^(FAIL|not ok)' "$log" | head -30; bad="$bad $name"
      [ "$f" -eq 0 ] && total_f=$((total_f+1))
    else
      echo "== $name: $line ($((end-start)) s)"
    fi
  fi
  rm -f "$log"
done
[ -n "$bad" ] && echo "failing suites:$bad"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
