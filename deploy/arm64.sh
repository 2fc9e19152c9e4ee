#!/usr/bin/env bash
# The arm64 build and its tests, in one command, on a Debian 12 amd64 machine:
#   1. installs the cross compiler, the :arm64 dev packages and qemu-user-static (deploy/deps.sh arm64),
#   2. cross-builds the kiosk and its Catch2 suite with deploy/toolchain-arm64.cmake,
#   3. runs the whole suite under qemu-aarch64-static (Mesa's softpipe: llvmpipe hangs under qemu),
#   4. renders an arm64 --screenshot under qemu and checks it matches the amd64 one,
#   5. packs the arm64 .deb (CPack) and checks it holds an aarch64 binary.
# Usage: deploy/arm64.sh [NATIVE_BUILD_DIR]   (the amd64 build to compare with; default build-test,
# configured and built here when missing). Exit status: non-zero when any step fails.
# Environment: KIOSK_ARM64_BUILD (default build-arm64); KIOSK_ARM64_EXCLUDE (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
native=${1:-build-test}
arm64=${KIOSK_ARM64_BUILD:-build-arm64}
start=$SECONDS

deploy/deps.sh arm64
echo "arm64: packages ready after $((SECONDS - start)) s"

# Release, not RelWithDebInfo: debug info for a second architecture only costs build time here.
cmake -S . -B "$arm64" -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-arm64.cmake -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$arm64" -j"$(nproc)" --target kiosk kiosk_tests
echo "arm64: built after $((SECONDS - start)) s: $(file -b "$arm64/kiosk" | cut -d, -f1-2)"

# Mesa's llvmpipe JIT hangs under qemu-user; softpipe interprets and works.
export GALLIUM_DRIVER=softpipe
tests_start=$SECONDS
# In CI (CI=true) the golden-image tests are left out under qemu: at 1080x1920 they take two of the
# suite's four minutes there, and the arm64 pictures are compared with amd64's below anyway.
# KIOSK_ARM64_EXCLUDE overrides the choice (a ctest -E regex; empty: the whole suite).
exclude=${KIOSK_ARM64_EXCLUDE-$([ "${CI:-}" = true ] && echo '^golden:' || true)}
(cd "$arm64" && ctest --output-on-failure -j"$(nproc)" --timeout 900 ${exclude:+-E "$exclude"})
echo "arm64: the Catch2 suite ran under qemu-aarch64-static in $((SECONDS - tests_start)) s${exclude:+ (without /$exclude/)}"

if [ ! -x "$native/kiosk" ] || [ ! -x "$native/png_diff" ]; then
    cmake -S . -B "$native" -DKIOSK_BUILD_TESTS=ON >/dev/null
    cmake --build "$native" -j"$(nproc)" --target kiosk png_diff
fi
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
for size in 1080x1920 800x480; do
    env -u DISPLAY -u WAYLAND_DISPLAY "$native/kiosk" --size "$size" --scroll 400 --screenshot "$shots/amd64-$size.png"
    env -u DISPLAY -u WAYLAND_DISPLAY qemu-aarch64-static -L / "$arm64/kiosk" --size "$size" --scroll 400 \
        --screenshot "$shots/arm64-$size.png"
    "$native/png_diff" "$shots/arm64-$size.png" "$shots/amd64-$size.png"
done
(cd "$arm64" && cpack -G DEB >/dev/null)
deb=$(ls "$arm64"/kiosk_*_arm64.deb)
dpkg-deb -f "$deb" Architecture | grep -qx arm64 || { echo "arm64: the .deb is not arm64" >&2; exit 1; }
dpkg-deb -x "$deb" "$shots/deb"
file -b "$shots/deb/usr/bin/kiosk" | grep -q 'ARM aarch64' || { echo "arm64: the .deb holds no aarch64 binary" >&2; exit 1; }
echo "arm64: .deb $(stat -c %s "$deb") bytes, binary $(stat -c %s "$shots/deb/usr/bin/kiosk") bytes (stripped)"
echo "arm64: all done in $((SECONDS - start)) s"
