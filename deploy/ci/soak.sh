#!/usr/bin/env bash
# A shortened soak (tests/bench/soak.cpp): frames drawn headless with scrolling, reloads and
# failing frames; fails when resident memory grows by 1 MiB or more after the warm-up. The full
# 200,000-frame run is: BUILD/soak --frames 200000 --warmup 20000 (about 15 minutes on llvmpipe)
# Usage: deploy/ci/soak.sh [BUILD_DIR]   (a plain build: sanitizers make memory figures meaningless)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-test}
# Reloads every 1,000 frames instead of 2,500, so that whole reload cycles fit in a short run.
frames=${KIOSK_SOAK_FRAMES:-12000}
warmup=${KIOSK_SOAK_WARMUP:-6000}
"$build/soak" --frames "$frames" --warmup "$warmup" --reload-every 1000 --every 3000
