#!/usr/bin/env bash
# CI for "unattended for months" (issue 7), after the plain ctest run in deploy/test.sh:
#   1. the whole test suite again under ASan + UBSan (sanitizers.sh, which also builds the fuzzer),
#   2. the bundle fuzzer for about a minute (fuzz.sh) while, on the other core,
#   3. a shortened soak checks that resident memory does not grow (soak.sh).
# Usage: deploy/ci/unattended.sh [PLAIN_BUILD_DIR]   (default build-test: where soak was built)
set -euo pipefail
cd "$(dirname "$0")/../.."
plain_build=${1:-build-test}
start=$SECONDS
deploy/ci/sanitizers.sh
echo "unattended: sanitizer build and suite took $((SECONDS - start)) s"
phase=$SECONDS
deploy/ci/fuzz.sh &
fuzz_pid=$!
soak_status=0
deploy/ci/soak.sh "$plain_build" || soak_status=$?
fuzz_status=0
wait "$fuzz_pid" || fuzz_status=$?
echo "unattended: fuzz and soak took $((SECONDS - phase)) s; all of it $((SECONDS - start)) s"
[ "$soak_status" -eq 0 ] && [ "$fuzz_status" -eq 0 ]
