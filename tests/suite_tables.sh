#!/bin/sh
# suite_tables.sh - the committed legacy_tables.c is what gen.py makes from the .tsv data, and
# fold_tables.c what gen_fold.py makes, syllables.c what gen_syllables.py makes; the plan whose tasks
# are a table's rows (tests/facts/docs/plan-table-groups-r42.docx) what gen_tables_r42.py makes.
pass=0; fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
# generated SCRIPT FILE: the committed FILE is what SCRIPT writes
generated() {
    if python3 "$1" "$tmp" && cmp -s "$tmp" "$2"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $2 is stale; run python3 $1"
        diff "$tmp" "$2" | head -20
        fail=$((fail + 1))
    fi
}
generated pipeline/tables/gen.py pipeline/tables/legacy_tables.c
generated pipeline/tables/gen_fold.py pipeline/tables/fold_tables.c
generated pipeline/tables/gen_syllables.py pipeline/tables/syllables.c
generated tests/facts/gen_tables_r42.py tests/facts/docs/plan-table-groups-r42.docx
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
