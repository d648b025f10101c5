#!/bin/sh
# Header and section tree: every tests/cases/**/NAME.expect is checked against the XML of
# corpus/**/NAME.txt, and the header fields of ../shared-style real documents are scored.
. tests/lib.sh
$VNPLAN run corpus -o "$TMP/out" -j 2 >/dev/null 2>"$TMP/err"
rc=$?
if [ $rc -le 1 ]; then ok; else fail "vnplan run corpus exited $rc: $(cat "$TMP/err")"; fi
for e in $(cd tests/cases && find . -name '*.expect' | sort); do
  name=${e#./}; name=${name%.expect}
  if python3 tests/xcheck.py "$TMP/out/$name.xml" "tests/cases/$name.expect"; then ok; else fail "expectations of $name"; fi
done
# header fields of the real page beginnings and full texts: document type, number, date, level
if [ -d tests/headers ]; then
  $VNPLAN run tests/headers/docs -o "$TMP/h" -j 2 >/dev/null 2>&1
  if python3 tests/manifest_check.py "$TMP/h" tests/headers/manifest.tsv "${MIN_HEADER_SCORE:-95}" >"$TMP/score" 2>&1; then ok; else fail "header score below ${MIN_HEADER_SCORE:-95}%: $(tail -1 "$TMP/score")"; fi
  tail -1 "$TMP/score"
fi
finish
