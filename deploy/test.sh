#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: ctest, then the CI steps in
# deploy/ci/ and the arm64 build. Exit status: non-zero when any step fails. At the end (also after
# a failure) a table says which steps ran, how long each took, and which were skipped or not reached.
# Environment: KIOSK_TEST_BUILD (default build-test); KIOSK_SKIP_ARM64=1 leaves the arm64 step out;
# KIOSK_SKIP_BOOTED=1 leaves out the tests on a booted systemd (deploy/ci/booted.sh and fleet.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${KIOSK_TEST_BUILD:-build-test}

names=() results=() seconds=()
summary() {
    local status=$? i passed=0 failed=0
    # Steps never reached (a failure stopped the run) are listed too.
    for step in "${plan[@]}"; do
        [[ " ${names[*]} " == *" $step "* ]] || { names+=("$step"); results+=("not run"); seconds+=("-"); }
    done
    echo
    echo "test.sh: steps"
    for i in "${!names[@]}"; do
        printf '  %-11s %-9s %6s s\n' "${names[$i]}" "${results[$i]}" "${seconds[$i]}"
        [ "${results[$i]}" = passed ] && passed=$((passed + 1))
        [ "${results[$i]}" = FAILED ] && failed=$((failed + 1))
    done
    echo "test.sh: $SECONDS s in all"
    echo "steps: $passed passed, $failed failed"
    exit "$status"
}
plan=(deps build ctest touch bench boards booted fleet arm64 unattended)
trap summary EXIT

# Runs one step as its own process (so `set -e` holds inside it) and records how it went.
step() {
    local name=$1 start=$SECONDS status=0
    shift
    echo "test.sh: step $name"
    "$@" || status=$?
    names+=("$name") seconds+=("$((SECONDS - start))")
    if [ "$status" -eq 0 ]; then results+=(passed); else results+=(FAILED); exit "$status"; fi
}
skip() { names+=("$1") results+=("skipped") seconds+=("-"); echo "test.sh: step $1 skipped ($2)"; }

step deps deploy/deps.sh test
step build bash -ec "cmake -S . -B '$build' -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=ON >/dev/null
                     cmake --build '$build' -j$(nproc)"
step ctest bash -ec "cd '$build' && ctest --output-on-failure -j$(nproc)"
step touch deploy/ci/touch.sh "$build"         # the kiosk lock in a real window (Xvfb, ~8 s)
step bench deploy/ci/bench.sh "$build"         # short benchmark run (issue 8, ~30 s)
step boards deploy/ci/boards.sh "$build"       # .deb, unit, kiosk in cage, GLES windows (~1 min)
if [ "${KIOSK_SKIP_BOOTED:-0}" = 1 ]; then
    skip booted "KIOSK_SKIP_BOOTED=1"
else
    step booted deploy/ci/booted.sh "$build"   # the .deb in a Debian root booted with systemd (issue 13)
    step fleet deploy/ci/fleet.sh "$build"     # a display kept up to date from a signed repository (issue 16)
fi
if [ "${KIOSK_SKIP_ARM64:-0}" = 1 ]; then
    skip arm64 "KIOSK_SKIP_ARM64=1"
else
    step arm64 deploy/arm64.sh "$build"        # cross build, its suite under qemu, its .deb (~10 min)
fi
step unattended deploy/ci/unattended.sh "$build"  # sanitizers, fuzzing, soak (issue 7)
