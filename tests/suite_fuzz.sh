#!/bin/sh
# A short libFuzzer run of the convert, normalise and extract targets when clang is
# installed (`make fuzz` runs them longer); skipped otherwise.
FUZZ_SECONDS=${FUZZ_SECONDS:-5} exec tests/fuzz/run.sh
