#!/usr/bin/env bash
# Rewrites the golden images in tests/data/golden/ from the current build, after an intended change
# to how a view looks. LOOK at every picture it writes (git status shows which changed) before
# committing them. Usage: deploy/update-goldens.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake -S . -B "$build" -DKIOSK_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
KIOSK_UPDATE_GOLDENS=1 "$build/kiosk_tests" "[golden]"
git status --short tests/data/golden
