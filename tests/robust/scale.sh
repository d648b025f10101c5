#!/bin/sh
# scale.sh N [--timing] - a batch of N generated plans (tests/bench/gen.py) through the
# release build: a run killed with kill -9 once a third of the documents are done, the
# resumed run, an unchanged rerun, and a forced full run.  Checks: every XML file present
# after the kill is well-formed; the resumed run skips what the killed run finished and
# completes the rest; the unchanged rerun skips every document; no temporary file is left;
# peak memory (max RSS) of every run stays under 1 GiB.  Prints the times and peak memory as
# "note:" lines.  --timing also checks that the unchanged rerun takes less than a third of
# the full run (a timed check, so not in make check).
#
# make check runs it with a small N from tests/suite_robust.sh; the figures in README.md:
#     tests/robust/scale.sh 12000 --timing
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
N=${1:-12000}
TIMING=0; [ "${2:-}" = --timing ] && TIMING=1
BIN=${VNPLAN_RELEASE:-./vnplan}
IN=$TMP/in; OUT=$TMP/out
LIMIT_KB=1048576

# measure ERRFILE CMD... -> "EXIT SECONDS MAXRSS_KB" of CMD (its stderr in ERRFILE)
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[1], 'w') as err:
    rc = subprocess.call(sys.argv[2:], stderr=err)
print(rc, '%.2f' % (time.monotonic() - t), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
skipped() { sed -n 's/.*; \([0-9]*\) unchanged, skipped.*/\1/p' "$1" | tail -1; }
wellformed() { find "$OUT" -name '*.xml' -print0 | xargs -0 -r xmllint --noout 2>"$TMP/wf.err"; }
ntmp() { find "$OUT" -name '*.tmp.*' | wc -l; }

python3 tests/bench/gen.py corpus "$IN" "$N" 1258 3000 >"$TMP/gen.out" || { fail "gen.py failed"; finish; exit; }
echo "note: $N documents, $(du -sm "$IN" | cut -f1) MB, $(nproc) cores"

# 1. killed once a third is done (the journal has a line per finished document)
"$BIN" run "$IN" -o "$OUT" 2>"$TMP/kill.err" &
pid=$!
i=0
while [ $i -lt 3000 ]; do
  done_n=$(cat "$OUT/.vnplan-journal" 2>/dev/null | wc -l)
  [ "$done_n" -ge $((N / 3)) ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1; i=$((i + 1))
done
if kill -9 $pid 2>/dev/null; then ok; else fail "kill -9: the run ended before a third was done"; fi
wait $pid 2>/dev/null
done_n=$(cat "$OUT/.vnplan-journal" 2>/dev/null | wc -l)
echo "note: killed after $done_n documents; $(find "$OUT" -name '*.xml' | wc -l) XML files, $(ntmp) temporary files"
wellformed && ok || fail "after kill -9: XML files not well-formed: $(head -2 "$TMP/wf.err")"

# 2. the resumed run completes the batch and skips what was done
set -- $(measure "$TMP/resume.err" "$BIN" run "$IN" -o "$OUT")
rc=$1; t_resume=$2; kb_resume=$3
[ "$rc" -eq 0 ] && ok || fail "resume: exit $rc ($(head -2 "$TMP/resume.err"))"
s=$(skipped "$TMP/resume.err")
[ -n "$s" ] && [ "$s" -ge "$done_n" ] && ok || fail "resume: skipped '$s' documents, the killed run had finished $done_n"
nx=$(find "$OUT" -maxdepth 1 -name 'doc*.xml' | wc -l)
[ "$nx" -eq "$N" ] && ok || fail "resume: $nx XML files, wanted $N"
[ "$(grep -Ec '<entry .*status="(ok|warning)"' "$OUT/index.xml")" -eq "$N" ] && ok ||
  fail "resume: index.xml does not list $N documents ok"
wellformed && ok || fail "resume: XML files not well-formed: $(head -2 "$TMP/wf.err")"
[ "$(ntmp)" -eq 0 ] && ok || fail "resume: $(ntmp) temporary files left"
[ ! -e "$OUT/.vnplan-journal" ] && ok || fail "resume: the journal is left after index.xml was written"
echo "note: resumed run $t_resume s ($s skipped), peak memory $((kb_resume / 1024)) MB"

# 3. an unchanged rerun skips every document
set -- $(measure "$TMP/rerun.err" "$BIN" run "$IN" -o "$OUT")
rc=$1; t_rerun=$2; kb_rerun=$3
[ "$rc" -eq 0 ] && ok || fail "rerun: exit $rc ($(head -2 "$TMP/rerun.err"))"
[ "$(skipped "$TMP/rerun.err")" = "$N" ] && ok || fail "rerun: skipped $(skipped "$TMP/rerun.err") of $N documents"

# 4. a forced full run, for the time and memory of a whole batch
set -- $(measure "$TMP/full.err" "$BIN" run "$IN" -o "$OUT" --force)
rc=$1; t_full=$2; kb_full=$3
[ "$rc" -eq 0 ] && ok || fail "full run: exit $rc ($(head -2 "$TMP/full.err"))"
[ "$(skipped "$TMP/full.err")" = 0 ] && ok || fail "full run: --force skipped documents"
for kb in $kb_resume $kb_rerun $kb_full; do
  [ "$kb" -lt $LIMIT_KB ] && ok || fail "peak memory $((kb / 1024)) MB, the limit is 1 GiB"
done
echo "note: full run $t_full s, peak memory $((kb_full / 1024)) MB; unchanged rerun $t_rerun s, peak memory $((kb_rerun / 1024)) MB"
echo "note: $(tail -1 "$TMP/full.err")"
if [ $TIMING -eq 1 ]; then
  awk -v r="$t_rerun" -v f="$t_full" 'BEGIN { exit !(r * 3 < f) }' && ok ||
    fail "timing: unchanged rerun $t_rerun s is not under a third of the full run ($t_full s)"
fi
finish
