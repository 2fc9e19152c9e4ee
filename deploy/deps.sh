#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test, only those missing.
# Usage: deploy/deps.sh [run|test]   (test adds what the test suite uses)
set -euo pipefail
want=(build-essential cmake pkg-config
      libimgui-dev libglfw3-dev libstb-dev libmd4c-dev libtomlplusplus-dev libqrencode-dev
      libegl-dev libgles-dev libgl-dev libopengl-dev libegl-mesa0 libgl1-mesa-dri libgl1
      fonts-noto-core)
if [ "${1:-run}" = test ]; then
    want+=(catch2 xvfb xauth zbar-tools xdotool)
fi
missing=()
for package in "${want[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
