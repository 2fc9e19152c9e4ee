#!/usr/bin/env bash
# Installs what is missing, builds, and runs the kiosk with its built-in article: in a window when
# there is a display, otherwise as a PNG preview (kiosk-preview.png in the build folder).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/deps.sh run
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=OFF >/dev/null
cmake --build build --target kiosk -j"$(nproc)" >/dev/null
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/kiosk "$@"
fi
preview="$PWD/build/kiosk-preview.png"
build/kiosk --screenshot "$preview" --size 1080x1920 "$@"
echo "No display here: the kiosk's first screen is in $preview"
