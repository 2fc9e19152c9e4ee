#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest). Exit status: the tests'.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/deps.sh test
build=${KIOSK_TEST_BUILD:-build-test}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
"$OLDPWD"/deploy/ci/touch.sh "$PWD"   # the kiosk lock in a real window (Xvfb, ~8 s)
"$OLDPWD"/deploy/ci/bench.sh "$PWD"   # short benchmark run (issue 8, ~30 s)
"$OLDPWD"/deploy/ci/boards.sh "$PWD"  # issue 6: .deb, unit, kiosk in cage, GLES windows, arm64 (minutes)
"$OLDPWD"/deploy/ci/unattended.sh "$PWD"  # sanitizers, fuzzing, soak (issue 7)
