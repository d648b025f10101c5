#!/bin/sh
# suite_facts.sh - the facts stage: every rule pinned to an example (tests/rules/*.examples),
# unit checks on hand-built documents, and expected facts of real documents (tests/facts/).
# Run from the repository root; VNPLAN is the binary (default ./vnplan).
VNPLAN=${VNPLAN:-./vnplan}
pass=0; fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

add() { # "N passed, M failed" on the last line of file $1
    line=$(tail -n 1 "$1")
    p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then
        echo "FAIL: $2: no result line"; cat "$1" | head -20; fail=$((fail + 1)); return
    fi
    grep '^FAIL' "$1"
    pass=$((pass + p)); fail=$((fail + f))
}

# 1. the checker program, linked with the rules engine and the facts stage
if cc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Ipipeline tests/unit/test_facts.c pipeline/facts.c \
      pipeline/dates.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c pipeline/sha256.c -o "$tmp/test_facts" \
      $(pkg-config --cflags --libs libpcre2-8 libutf8proc) 2>"$tmp/cc.err"; then
    "$tmp/test_facts" examples rules tests/rules/references.examples tests/rules/targets.examples \
        tests/rules/deadlines.examples tests/rules/assignments.examples tests/rules/budget.examples >"$tmp/ex.out"
    add "$tmp/ex.out" "rule examples"
    "$tmp/test_facts" unit rules >"$tmp/unit.out"
    add "$tmp/unit.out" "unit"
    "$tmp/test_facts" file rules tests/facts/docs/*.txt corpus/*.txt >"$tmp/file.out" 2>&1
    add "$tmp/file.out" "whole files"
else
    echo "FAIL: tests/unit/test_facts.c does not build"; head -20 "$tmp/cc.err"; fail=$((fail + 1))
fi

# 2. expected facts of the seeds (corpus/) and of real documents (tests/facts/docs/), read
# from one batch of each folder (`vnplan run`, every document in one process)
if [ ! -x "$VNPLAN" ]; then
    echo "FAIL: $VNPLAN not built"; fail=$((fail + 1))
else
    for d in corpus tests/facts/docs; do
        o="$tmp/out/$(basename "$d")"
        "$VNPLAN" run "$d" -o "$o" --no-compare --no-progress >"$tmp/run.log" 2>&1
        st=$?
        if [ "$st" -gt 1 ] || ! grep -q ', 0 failed;' "$tmp/run.log"; then
            echo "FAIL: $VNPLAN run $d (exit $st): $(grep -v '^vnplan: [0-9]* documents' "$tmp/run.log" | head -c 300)"
            fail=$((fail + 1))
        fi
    done
    pairs=""; n=0
    for exp in tests/facts/*.expect; do
        name=$(basename "$exp" .expect)
        doc="corpus/$name.txt"; xml="$tmp/out/corpus/$name.xml"
        for ext in txt docx html odt rtf; do
            [ -f "tests/facts/docs/$name.$ext" ] && doc="tests/facts/docs/$name.$ext" && xml="$tmp/out/docs/$name.xml"
        done
        if [ ! -f "$doc" ]; then echo "FAIL: $exp: no document $doc"; fail=$((fail + 1)); continue; fi
        pairs="$pairs $xml $exp"
        # every 16th document also by itself: `vnplan extract` prints what the batch wrote
        n=$((n + 1))
        if [ $((n % 16)) -eq 1 ]; then
            if "$VNPLAN" extract "$doc" >"$tmp/one.xml" 2>"$tmp/one.err" && cmp -s "$tmp/one.xml" "$xml"; then
                pass=$((pass + 1))
            else
                echo "FAIL: $VNPLAN extract $doc differs from the batch's $xml: $(head -c 300 "$tmp/one.err")"
                fail=$((fail + 1))
            fi
        fi
    done
    # shellcheck disable=SC2086 # the pairs are paths without spaces
    python3 tests/facts/check_facts.py $pairs >"$tmp/facts.out" 2>&1
    add "$tmp/facts.out" "expected facts"
fi
# 3. the same plan saved otherwise (tests/facts/variants/NAME.KIND.EXT beside docs/NAME.txt: typed in
# TCVN3 bytes or in VIQR, put on a portal's page with its menus, footer and related links) gives the facts of
# its text: the header, references, targets, deadlines, assignments and budget, lines and spans aside
facts_of() { sed -n '/<meta>/,/<\/meta>/p; /<references/,/<\/references>/p; /<targets/,/<\/budget>/p' "$1" |
    sed -E 's/ (line|span)="[^"]*"//g'; }
for v in tests/facts/variants/*.*.*; do
    name=$(basename "$v"); name=${name%%.*}
    if "$VNPLAN" extract "$v" >"$tmp/v.xml" 2>/dev/null && "$VNPLAN" extract "tests/facts/docs/$name.txt" >"$tmp/t.xml" 2>/dev/null &&
        facts_of "$tmp/t.xml" >"$tmp/t.facts" && facts_of "$tmp/v.xml" >"$tmp/v.facts" &&
        [ "$(grep -c '<deadline \|<assignment \|<target ' "$tmp/t.facts")" -gt 5 ] && cmp -s "$tmp/t.facts" "$tmp/v.facts"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $v: its facts differ from tests/facts/docs/$name.txt's: $(diff "$tmp/t.facts" "$tmp/v.facts" | head -6)"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
