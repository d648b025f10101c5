#!/bin/sh
# suite_normalise.sh - unit tests of the normaliser (stage 2), run from the repository root.
# Builds tests/unit/test_normalise.c with AddressSanitizer/UBSan when available.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
CC=${CC:-cc}
libs=$(pkg-config --cflags --libs libpcre2-8 libutf8proc 2>/dev/null) || libs="-lpcre2-8 -lutf8proc"
srcs="tests/unit/test_normalise.c pipeline/normalise.c pipeline/detect.c pipeline/repair.c pipeline/tables/*.c pipeline/rules.c pipeline/prefilter.c pipeline/util.c pipeline/sha256.c"
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
# shellcheck disable=SC2086
if ! $CC -std=c11 -D_GNU_SOURCE -O1 -g $san -Wall -Wextra -Ipipeline $srcs $libs -o "$tmp/t" 2>"$tmp/cc.log"; then
    # no sanitizer runtime: plain build
    # shellcheck disable=SC2086
    if ! $CC -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Ipipeline $srcs $libs -o "$tmp/t" 2>"$tmp/cc.log"; then
        cat "$tmp/cc.log"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi
ASAN_OPTIONS=detect_leaks=1 "$tmp/t" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
if [ -s "$tmp/err" ]; then
    cat "$tmp/err"
fi
last=$(tail -n 1 "$tmp/out")
case "$last" in
*" passed, 0 failed")
    [ $rc -eq 0 ] && exit 0
    # sanitizer report or crash after the summary
    p=${last%% passed*}
    echo "$p passed, 1 failed"
    exit 1
    ;;
*" passed, "*" failed")
    exit 1
    ;;
*)
    echo "0 passed, 1 failed"
    exit 1
    ;;
esac
