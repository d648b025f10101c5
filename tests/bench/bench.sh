#!/usr/bin/env bash
# bench.sh - `make bench`: end-to-end and per-stage throughput on a generated corpus.
# Not part of `make check`.  Environment:
#   BENCH_DOCS   number of documents (default 2000)
#   BENCH_SEED   generator seed (default 1258)
#   BENCH_MAXB   cut generated documents after this many bytes, 0 = never (default 6000)
#   BENCH_RUNS   end-to-end runs of each worker count; the fastest is reported (default 3)
#   BENCH_KEEP   set to keep the temporary folder
set -u
cd "$(dirname "$0")/../.." || exit 2

N=${BENCH_DOCS:-2000}
SEED=${BENCH_SEED:-1258}
MAXB=${BENCH_MAXB:-6000}
RUNS=${BENCH_RUNS:-3}
CORES=$(nproc 2>/dev/null || echo 2)

[ -x ./vnplan ] || { echo "bench: ./vnplan missing (run make)"; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is needed"; exit 2; }

if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TMP=$(mktemp -d /dev/shm/vnplan-bench.XXXXXX)
else
    TMP=$(mktemp -d)
fi
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT
echo "bench: working in $TMP"

# ---- 1. corpus -----------------------------------------------------------
read -r DOCS BYTES MIX < <(python3 tests/bench/gen.py corpus "$TMP/in" "$N" "$SEED" "$MAXB") ||
    { echo "bench: generator failed"; exit 2; }
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "bench: $DOCS documents, $MB MB ($MIX), seed $SEED"

# ---- 2. end to end -------------------------------------------------------
TIMEBIN=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then TIMEBIN=/usr/bin/time; fi

# run_e2e J [compare] -> sets SECS and MEM (MB, or n/a); with "compare", vnplan run as it runs
# by default (the documents paired and compared, report.html), else --no-compare
run_e2e() {
    local j=$1 out="$TMP/out-j$1" log="$TMP/run-j$1.log" cmpopt="--no-compare"
    [ "${2:-}" = compare ] && cmpopt=""
    rm -rf "$out"
    if [ -n "$TIMEBIN" ]; then
        # shellcheck disable=SC2086
        $TIMEBIN -f '%e %M %U %S' -o "$TMP/time-j$j" ./vnplan run "$TMP/in" -o "$out" -j "$j" $cmpopt --force >"$log" 2>&1
        local st=$?
        local us sy
        read -r SECS KB us sy < <(tail -1 "$TMP/time-j$j")
        MEM=$(awk -v k="$KB" 'BEGIN { printf "%.1f MB", k / 1024 }')
        CPUSEC=$(awk -v a="$us" -v b="$sy" 'BEGIN { printf "%.2f", a + b }')
    else
        local t0 t1 st
        t0=$(date +%s.%N)
        # shellcheck disable=SC2086
        ./vnplan run "$TMP/in" -o "$out" -j "$j" $cmpopt --force >"$log" 2>&1
        st=$?
        t1=$(date +%s.%N)
        SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        MEM="n/a"
        CPUSEC="n/a"
    fi
    if [ "$st" -gt 1 ]; then echo "bench: vnplan run -j $j failed ($st):"; tail -5 "$log"; exit 2; fi
    DPS=$(awk -v n="$DOCS" -v s="$SECS" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
    MBS=$(awk -v m="$MB" -v s="$SECS" 'BEGIN { printf "%.2f", (s > 0 ? m / s : 0) }')
    printf 'bench: -j %-3s %8.2f s  %8s docs/s  %7s MB/s  peak %s  cpu %s s   (%s)\n' "$j" "$SECS" "$DPS" "$MBS" \
        "$MEM" "$CPUSEC" "$(tail -1 "$log" | sed 's/^vnplan: //')"
}

# run_best J [compare] -> run_e2e RUNS times; sets the figures of the fastest run (a shared
# machine only ever slows a run down) and RANGE, the slowest and fastest docs/s
run_best() {
    local k bs="" bd bm bp bc lo="" hi=""
    for k in $(seq 1 "$RUNS"); do
        run_e2e "$1" "${2:-}"
        if [ -z "$bs" ] || awk -v a="$SECS" -v b="$bs" 'BEGIN { exit !(a < b) }'; then
            bs=$SECS bd=$DPS bm=$MBS bp=$MEM bc=$CPUSEC
        fi
        if [ -z "$lo" ] || awk -v a="$DPS" -v b="$lo" 'BEGIN { exit !(a < b) }'; then lo=$DPS; fi
        if [ -z "$hi" ] || awk -v a="$DPS" -v b="$hi" 'BEGIN { exit !(a > b) }'; then hi=$DPS; fi
    done
    SECS=$bs DPS=$bd MBS=$bm MEM=$bp CPUSEC=$bc RANGE="$lo-$hi"
    echo "bench: -j $1 fastest of $RUNS: $DPS docs/s (runs ranged $RANGE docs/s)"
}

echo "bench: end to end, vnplan run -o OUT --no-compare --force, $RUNS runs each"
run_best 1; S1=$SECS D1=$DPS M1=$MBS P1=$MEM C1=$CPUSEC R1=$RANGE
run_best "$CORES"; SK=$SECS DK=$DPS MK=$MBS PK=$MEM CK=$CPUSEC RK=$RANGE
if cmp -s "$TMP/out-j1/index.xml" "$TMP/out-j$CORES/index.xml"; then
    echo "bench: index.xml identical for -j 1 and -j $CORES"
else
    echo "bench: NOTE index.xml differs between -j 1 and -j $CORES"
fi
rm -rf "$TMP/out-j1" "$TMP/out-j$CORES"
echo "bench: end to end as vnplan run runs by default (documents paired and compared, report.html)"
run_best 1 compare; SC=$SECS DC=$DPS MC=$MBS PC=$MEM CC=$CPUSEC RC=$RANGE
run_best "$CORES" compare; SCK=$SECS DCK=$DPS MCK=$MBS PCK=$MEM CCK=$CPUSEC RCK=$RANGE
NPAIRS=$(grep -c '<pair ' "$TMP/out-j1/index.xml" 2>/dev/null)
echo "bench: $NPAIRS pairs compared"
if diff -r "$TMP/out-j1/compliance" "$TMP/out-j$CORES/compliance" >/dev/null 2>&1 &&
   cmp -s "$TMP/out-j1/report.html" "$TMP/out-j$CORES/report.html"; then
    echo "bench: compliance files and report.html identical for -j 1 and -j $CORES"
else
    echo "bench: NOTE compliance files or report.html differ between -j 1 and -j $CORES"
fi
rm -rf "$TMP/out-j1" "$TMP/out-j$CORES"

# ---- 3. per stage --------------------------------------------------------
echo "bench: per stage (tests/bench/stages.c, vp_process on every document, 1 thread)"
# shellcheck disable=SC2046
if c++ -O2 -std=c++17 -Ipipeline $(pkg-config --cflags poppler-cpp) -c pipeline/pdf_layout.cc \
      -o "$TMP/pdf_layout.o" 2>"$TMP/cc.log" &&
   cc -O2 -std=c11 -D_GNU_SOURCE -Ipipeline tests/bench/stages.c $(ls pipeline/*.c | grep -v main.c) \
      pipeline/tables/*.c "$TMP/pdf_layout.o" \
      $(pkg-config --cflags --libs libxml-2.0 libpcre2-8 libutf8proc libzip poppler-cpp libxslt) \
      -lstdc++ -lpthread -lm -o "$TMP/stages" 2>>"$TMP/cc.log"; then
    mkdir -p "$TMP/stages-out"
    "$TMP/stages" rules "$TMP/in" "$TMP/stages-out" | tee "$TMP/stages.txt"
    SLOW=$(awk '$1 ~ /^(convert|normalise|structure|facts|xml|write)$/ { if ($2 > m) { m = $2; s = $1; p = $3 } }
                END { print s " (" p ")" }' "$TMP/stages.txt")
else
    echo "bench: stages.c did not compile:"; tail -5 "$TMP/cc.log"
    SLOW="n/a"
fi

# ---- 3b. the files alone ---------------------------------------------------
# What the kernel asks of one worker with no processing at all: read each input, write its two
# outputs through a temporary file and a rename (tests/bench/iofloor.c).  No program writing
# these files passes more documents a second on this machine.
FLOOR="n/a"
if cc -O2 -std=c11 tests/bench/iofloor.c -o "$TMP/iofloor" 2>>"$TMP/cc.log"; then
    mkdir -p "$TMP/floor-out"
    "$TMP/iofloor" "$TMP/in" "$TMP/floor-out" | tee "$TMP/floor.txt"
    FLOOR=$(sed -n 's/^iofloor: .*: \(.*\)$/\1/p' "$TMP/floor.txt")
    rm -rf "$TMP/floor-out"
else
    echo "bench: iofloor.c did not compile:"; tail -5 "$TMP/cc.log"
fi

# ---- 3c. the reference script ---------------------------------------------
# What the speed target is set against: 50 of the rule patterns with Python's re on every
# line, the matches as XML (tests/bench/pybase.py), on the UTF-8 documents (it cannot read
# the others); vnplan's single-worker rate on all documents over its rate.
mkdir -p "$TMP/py-out"
PYLINE=$(python3 tests/bench/pybase.py rules "$TMP/in" "$TMP/py-out" 2>&1 | tail -1)
echo "bench: $PYLINE"
PYDPS=$(echo "$PYLINE" | sed -n 's/.* \([0-9.]*\) docs\/s.*/\1/p')
PYX=$(awk -v a="$D1" -v b="${PYDPS:-0}" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }')
echo "bench: vnplan, 1 worker, all documents: $PYX times the reference script's documents a second"
rm -rf "$TMP/py-out"

# ---- 4. linearity ---------------------------------------------------------
# One long plan made of corpus/003.txt repeated, at 10 KB, 1 MB and 10 MB: the time per MB
# of `vnplan extract` should stay about the same (no quadratic step); the same again with the
# plan's lines run into one paragraph (a page flattened onto one line: steps that read a
# paragraph once per figure would show there).  CPU seconds when /usr/bin/time is there, else
# wall-clock seconds.
lin() { # lin BYTES [flat] -> prints "SECONDS MB"
    python3 - "$1" "$TMP/long.txt" "${2:-}" <<'PY'
import sys
src = open('corpus/003.txt', 'rb').read()
if sys.argv[3] == 'flat':
    src = src.replace(b'\n', b' ')
n = int(sys.argv[1])
out = (src * (n // len(src) + 1))[:n]
open(sys.argv[2], 'wb').write(out[:out.rfind(b'\n') + 1] if sys.argv[3] != 'flat' else out + b'\n')
PY
    local t0 t1 u sy
    if [ -n "$TIMEBIN" ]; then # CPU time (user + system): steadier than wall time on a shared machine
        $TIMEBIN -f '%U %S' -o "$TMP/time-lin" ./vnplan extract "$TMP/long.txt" >/dev/null 2>&1
        read -r u sy < <(tail -1 "$TMP/time-lin")
        t0=0
        t1=$(awk -v a="$u" -v b="$sy" 'BEGIN { print a + b }')
    else
        t0=$(date +%s.%N)
        ./vnplan extract "$TMP/long.txt" >/dev/null 2>&1
        t1=$(date +%s.%N)
    fi
    awk -v a="$t0" -v b="$t1" -v s="$(wc -c <"$TMP/long.txt")" 'BEGIN { printf "%.3f %.2f", b - a, s / 1e6 }'
}
read -r LS0 LM0 < <(lin 10000)
read -r LS1 LM1 < <(lin 1000000)
read -r LS2 LM2 < <(lin 10000000)
LIN=$(awk -v s0="$LS0" -v s1="$LS1" -v m1="$LM1" -v s2="$LS2" -v m2="$LM2" \
    'BEGIN { printf "10 KB %.2f s (start-up), %.1f MB %.2f s, %.1f MB %.2f s; %.3f vs %.3f s/MB after start-up",
             s0, m1, s1, m2, s2, (s1 - s0) / m1, (s2 - s0) / m2 }')
echo "bench: one long plan, vnplan extract (CPU s): $LIN"
read -r FS1 FM1 < <(lin 1000000 flat)
read -r FS2 FM2 < <(lin 4000000 flat)
FLAT=$(awk -v s0="$LS0" -v s1="$FS1" -v m1="$FM1" -v s2="$FS2" -v m2="$FM2" \
    'BEGIN { printf "%.1f MB %.2f s, %.1f MB %.2f s; %.3f vs %.3f s/MB after start-up",
             m1, s1, m2, s2, (s1 - s0) / m1, (s2 - s0) / m2 }')
echo "bench: the same plan as one paragraph, vnplan extract (CPU s): $FLAT"
rm -f "$TMP/long.txt"

# ---- 5. summary ----------------------------------------------------------
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
[ -n "$CPU" ] || CPU=$(uname -m)
cat <<SUMMARY

---- for README ----
Measured on $CPU ($CORES cores, $(uname -s) $(uname -r | cut -d- -f1)), $(date +%Y-%m-%d):
$DOCS docs, $MB MB ($MIX), vnplan run --no-compare --force;
1 worker: $D1 docs/s, $M1 MB/s ($S1 s, $C1 s CPU), peak memory $P1 (the fastest of $RUNS runs, which ranged $R1 docs/s);
$CORES workers: $DK docs/s, $MK MB/s ($SK s, $CK s CPU), peak memory $PK (the fastest of $RUNS runs, which ranged $RK docs/s);
with the comparison (vnplan run --force, $NPAIRS pairs), 1 worker: $DC docs/s, $MC MB/s ($SC s, $CC s CPU), peak memory $PC (runs ranged $RC docs/s);
with the comparison, $CORES workers: $DCK docs/s, $MCK MB/s ($SCK s, $CCK s CPU), peak memory $PCK (runs ranged $RCK docs/s);
slowest stage: $SLOW of the single-threaded stage time;
the files alone (read one, write two through a rename, no processing, 1 thread): $FLOOR;
the reference script (tests/bench/pybase.py, 50 rule patterns with Python re, UTF-8 documents only): $PYLINE; vnplan 1 worker: $PYX times its docs/s;
one long plan (vnplan extract, CPU s): $LIN;
the same plan as one paragraph: $FLAT.
--------------------
SUMMARY
