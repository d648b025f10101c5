#!/usr/bin/env bash
# bench.sh - `make bench`: end-to-end and per-stage throughput on a generated corpus.
# Not part of `make check`.  Environment:
#   BENCH_DOCS   number of documents (default 2000)
#   BENCH_SEED   generator seed (default 1258)
#   BENCH_MAXB   cut generated documents after this many bytes, 0 = never (default 6000)
#   BENCH_KEEP   set to keep the temporary folder
set -u
cd "$(dirname "$0")/../.." || exit 2

N=${BENCH_DOCS:-2000}
SEED=${BENCH_SEED:-1258}
MAXB=${BENCH_MAXB:-6000}
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
read -r DOCS BYTES LEGACY < <(python3 tests/bench/gen.py corpus "$TMP/in" "$N" "$SEED" "$MAXB") ||
    { echo "bench: generator failed"; exit 2; }
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "bench: $DOCS documents, $MB MB ($LEGACY in Windows-1258, the rest UTF-8), seed $SEED"

# ---- 2. end to end -------------------------------------------------------
TIMEBIN=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then TIMEBIN=/usr/bin/time; fi

# run_e2e J -> sets SECS and MEM (MB, or n/a)
run_e2e() {
    local j=$1 out="$TMP/out-j$1" log="$TMP/run-j$1.log"
    rm -rf "$out"
    if [ -n "$TIMEBIN" ]; then
        $TIMEBIN -f '%e %M' -o "$TMP/time-j$j" ./vnplan run "$TMP/in" -o "$out" -j "$j" --no-compare --force >"$log" 2>&1
        local st=$?
        read -r SECS KB < <(tail -1 "$TMP/time-j$j")
        MEM=$(awk -v k="$KB" 'BEGIN { printf "%.1f MB", k / 1024 }')
    else
        local t0 t1 st
        t0=$(date +%s.%N)
        ./vnplan run "$TMP/in" -o "$out" -j "$j" --no-compare --force >"$log" 2>&1
        st=$?
        t1=$(date +%s.%N)
        SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        MEM="n/a"
    fi
    if [ "$st" -gt 1 ]; then echo "bench: vnplan run -j $j failed ($st):"; tail -5 "$log"; exit 2; fi
    DPS=$(awk -v n="$DOCS" -v s="$SECS" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')
    MBS=$(awk -v m="$MB" -v s="$SECS" 'BEGIN { printf "%.2f", (s > 0 ? m / s : 0) }')
    printf 'bench: -j %-3s %8.2f s  %8s docs/s  %7s MB/s  peak %s   (%s)\n' "$j" "$SECS" "$DPS" "$MBS" "$MEM" \
        "$(tail -1 "$log" | sed 's/^vnplan: //')"
}

echo "bench: end to end, vnplan run -o OUT --no-compare --force"
run_e2e 1; S1=$SECS D1=$DPS M1=$MBS P1=$MEM
run_e2e "$CORES"; SK=$SECS DK=$DPS MK=$MBS PK=$MEM
if cmp -s "$TMP/out-j1/index.xml" "$TMP/out-j$CORES/index.xml"; then
    echo "bench: index.xml identical for -j 1 and -j $CORES"
else
    echo "bench: NOTE index.xml differs between -j 1 and -j $CORES"
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

# ---- 4. summary ----------------------------------------------------------
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
[ -n "$CPU" ] || CPU=$(uname -m)
cat <<SUMMARY

---- for README ----
Measured on $CPU ($CORES cores, $(uname -s) $(uname -r | cut -d- -f1)), $(date +%Y-%m-%d):
$DOCS docs, $MB MB ($LEGACY Windows-1258), vnplan run --no-compare --force;
1 worker: $D1 docs/s, $M1 MB/s ($S1 s), peak memory $P1;
$CORES workers: $DK docs/s, $MK MB/s ($SK s), peak memory $PK;
slowest stage: $SLOW of the single-threaded stage time.
--------------------
SUMMARY
