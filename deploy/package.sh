#!/usr/bin/env bash
# Builds the Debian packages: dist/kiosk_VERSION_amd64.deb and dist/kiosk_VERSION_arm64.deb (the
# latter cross-built; see deploy/arm64.sh for its tests). Installs what is missing first.
# Usage: deploy/package.sh [amd64|arm64|all]   (default all)
#   KIOSK_MAINTAINER="Museum IT <it@museum.example>" deploy/package.sh   names the museum as the
#   packages' Maintainer (default: Memorial kiosk maintainers <kiosk@example.org>)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
maintainer=()
[ -z "${KIOSK_MAINTAINER:-}" ] || maintainer=("-DKIOSK_MAINTAINER=$KIOSK_MAINTAINER")
mkdir -p dist
if [ "$which" = amd64 ] || [ "$which" = all ]; then
    deploy/deps.sh run
    cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF "${maintainer[@]}" >/dev/null
    cmake --build build-package --target kiosk -j"$(nproc)"
    (cd build-package && cpack -G DEB >/dev/null && cp kiosk_*_amd64.deb ../dist/)
fi
if [ "$which" = arm64 ] || [ "$which" = all ]; then
    deploy/deps.sh arm64
    cmake -S . -B build-package-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/toolchain-arm64.cmake \
          -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF "${maintainer[@]}" >/dev/null
    cmake --build build-package-arm64 --target kiosk -j"$(nproc)"
    (cd build-package-arm64 && cpack -G DEB >/dev/null && cp kiosk_*_arm64.deb ../dist/)
fi
ls -l dist/*.deb
