#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test, only those missing.
# Usage: deploy/deps.sh [run|test|arm64]
#   run:   build and run the kiosk (and build its amd64 .deb: build-essential brings dpkg-dev)
#   test:  run's, plus what the whole test suite uses (deploy/test.sh and deploy/ci/)
#   arm64: run's, plus the cross build for 64-bit ARM and qemu to test it (deploy/arm64.sh,
#          deploy/package.sh arm64)
# Each mode adds to the run list, never replaces it: a fresh machine has none of it.
set -euo pipefail
mode=${1:-run}
case "$mode" in run|test|arm64) ;; *) echo "usage: deploy/deps.sh [run|test|arm64]" >&2; exit 2 ;; esac
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ "$mode" = arm64 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $sudo dpkg --add-architecture arm64  # Debian's mirror serves arm64; apt-get update below fetches its lists
fi
want=(build-essential cmake pkg-config file
      libimgui-dev libglfw3-dev libstb-dev libmd4c-dev libtomlplusplus-dev libqrencode-dev
      libegl-dev libgles-dev libgl-dev libopengl-dev libegl-mesa0 libgl1-mesa-dri libgl1 libsystemd-dev
      fonts-noto-core)
want+=(libharfbuzz-dev libicu-dev)  # the text engine (kiosk/text): shaping; bidi, line breaks, scripts; the counter's numbers (layout/number_format)
want+=(libjpeg62-turbo-dev libpng-dev libexif-dev)  # photographs (kiosk/image): JPEG, PNG, EXIF orientation
if [ "$mode" = test ]; then
    want+=(catch2 xvfb xauth zbar-tools xdotool)
    # deploy/ci/unattended.sh: clang with its sanitizer and fuzzer runtimes; strace and unshare for isolation
    want+=(clang libclang-rt-14-dev strace util-linux)
    want+=(unicode-data)  # tests/unit/test_text_conformance.cpp: BidiCharacterTest.txt, LineBreakTest.txt
    want+=(valgrind)  # deploy/ci/bench.sh: App::frame's instructions per frame, counted by callgrind
    # deploy/ci/boards.sh: the .deb, its systemd unit, and the kiosk inside headless cage
    want+=(dpkg-dev lintian systemd cage grim xwayland socat procps)
    # deploy/ci/booted.sh: a Debian root made from Debian's packages, booted with systemd as PID 1
    want+=(mmdebstrap systemd-container seatd)
    # deploy/ci/fleet.sh: the museum's signed repository (deploy/fleet/)
    want+=(reprepro gnupg)
fi
if [ "$mode" = arm64 ]; then
    # Every -dev package the native build uses, for arm64 (libopengl-dev too: the benchmarks'
    # OpenGL::OpenGL), and the runtime pieces qemu needs to run the arm64 suite.
    want+=(crossbuild-essential-arm64 qemu-user-static catch2 zbar-tools
           libimgui-dev:arm64 libglfw3-dev:arm64 libstb-dev:arm64 libmd4c-dev:arm64 libtomlplusplus-dev:arm64
           libqrencode-dev:arm64
           libegl-dev:arm64 libgles-dev:arm64 libgl-dev:arm64 libopengl-dev:arm64 libsystemd-dev:arm64
           libegl-mesa0:arm64 libgl1-mesa-dri:arm64 libgl1:arm64
           libharfbuzz-dev:arm64 libicu-dev:arm64
           libjpeg62-turbo-dev:arm64 libpng-dev:arm64 libexif-dev:arm64)
fi
# Installed for the architecture asked for (NAME:ARCH; the machine's own when none is given), or
# for all. Asking dpkg for NAME alone would also count another architecture's copy: after the arm64
# cross packages, libimgui-dev:arm64 would pass for the amd64 libimgui-dev the build needs.
native=$(dpkg --print-architecture)
installed() {
    local name=${1%%:*} arch=${1#*:}
    [ "$arch" = "$1" ] && arch=$native
    local status
    status=$(dpkg-query -W -f='${Status}|${Architecture}\n' "$name" 2>/dev/null || true)
    grep -qx -e "install ok installed|$arch" -e "install ok installed|all" <<<"$status"
}
missing=()
for package in "${want[@]}"; do
    installed "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
