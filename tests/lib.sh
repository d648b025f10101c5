# Shared by the test suites: counters and the closing "N passed, M failed" line.
PASS=0; FAIL=0
: "${VNPLAN:=./vnplan}"
ok()   { PASS=$((PASS+1)); }
fail() { FAIL=$((FAIL+1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION COMMAND...
  d=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else fail "$d"; fi
}
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
