#!/usr/bin/env bash
# Runs the libFuzzer target over the bundle loader (tests/fuzz/) for a bounded time, starting from
# the committed seed corpus. New inputs go to a scratch copy, never into the repository. A crash,
# hang, leak or sanitizer report fails the run and leaves the input in BUILD/fuzz-artifacts/: copy
# it into tests/fuzz/regressions/ (the unit tests replay that folder) and fix the bug.
# Needs the build from deploy/ci/sanitizers.sh (KIOSK_FUZZ=ON).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${KIOSK_ASAN_BUILD:-build-asan}
seconds=${KIOSK_FUZZ_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/fuzz/corpus/* "$work/"
mkdir -p "$build/fuzz-artifacts"
status=0
"$build/fuzz_bundle" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=tests/fuzz/bundle.dict -artifact_prefix="$build/fuzz-artifacts/" -print_final_stats=1 \
    "$work" >"$build/fuzz.log" 2>&1 || status=$?
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)" \
    "$build/fuzz.log" || true
echo "fuzz: $(ls "$work" | wc -l) inputs in the corpus after the run"
if [ "$status" -ne 0 ]; then
    tail -n 60 "$build/fuzz.log"
    echo "fuzz: FAILED (status $status); the input is in $build/fuzz-artifacts/"
fi
exit "$status"
