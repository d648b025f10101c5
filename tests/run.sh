#!/bin/sh
# Runs every tests/suite_*.sh with the sanitizer build (ASan+UBSan) and sums their
# closing "N passed, M failed" lines.  Usage: tests/run.sh [SUITE...] (TEST_JOBS=N: suites at a time)
set -u
cd "$(dirname "$0")/.." || exit 2
: "${VNPLAN:=./vnplan-asan}"
export VNPLAN
export VNPLAN_RELEASE="${VNPLAN_RELEASE:-./vnplan}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}"
export VNPLAN_RULES="$PWD/rules"
suites="${*:-$(ls tests/suite_*.sh)}"
suites=$(echo $suites) # one line, the names apart by spaces
# The suites run side by side, TEST_JOBS at a time (default: the cores), the longest first; their
# results are read in the usual order when all are done.
jobs="${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}"
logs=$(mktemp -d)
for s in tests/suite_facts.sh tests/suite_fuzz.sh tests/suite_convert.sh tests/suite_compare.sh $suites; do
  case " $suites " in *" $s "*) echo "$s" ;; esac
done | awk '!seen[$0]++' |
  xargs -P "$jobs" -I{} sh -c 'n=$(basename "$1" .sh); t=$(date +%s); sh "$1" >"$2/$n.log" 2>&1; echo "$? $(( $(date +%s) - t ))" >"$2/$n.rc"' sh {} "$logs"
total_p=0; total_f=0; bad=""
for s in $suites; do
  name=$(basename "$s" .sh)
  log="$logs/$name.log"
  rc=1; secs=0
  [ -f "$logs/$name.rc" ] && read -r rc secs <"$logs/$name.rc"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -1)
  if [ -z "$line" ]; then
    echo "== $name: no result line (exit $rc)"; tail -20 "$log" 2>/dev/null; bad="$bad $name"; total_f=$((total_f+1))
  else
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
    total_p=$((total_p+p)); total_f=$((total_f+f))
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
      echo "== $name: $line (exit $rc)"; grep -E '^(FAIL|not ok)' "$log" | head -30; bad="$bad $name"
      [ "$f" -eq 0 ] && total_f=$((total_f+1))
    else
      echo "== $name: $line ($secs s)"
    fi
  fi
done
rm -rf "$logs"
[ -n "$bad" ] && echo "failing suites:$bad"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
