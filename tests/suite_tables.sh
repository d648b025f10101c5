#!/bin/sh
# suite_tables.sh - the committed legacy_tables.c is what gen.py makes from the .tsv data, and
# fold_tables.c what gen_fold.py makes.
pass=0; fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
if python3 pipeline/tables/gen.py "$tmp" && cmp -s "$tmp" pipeline/tables/legacy_tables.c; then
    pass=$((pass + 1))
else
    echo "FAIL: pipeline/tables/legacy_tables.c is stale; run python3 pipeline/tables/gen.py"
    diff "$tmp" pipeline/tables/legacy_tables.c | head -20
    fail=$((fail + 1))
fi
if python3 pipeline/tables/gen_fold.py "$tmp" && cmp -s "$tmp" pipeline/tables/fold_tables.c; then
    pass=$((pass + 1))
else
    echo "FAIL: pipeline/tables/fold_tables.c is stale; run python3 pipeline/tables/gen_fold.py"
    diff "$tmp" pipeline/tables/fold_tables.c | head -20
    fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
