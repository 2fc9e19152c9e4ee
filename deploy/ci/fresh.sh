#!/usr/bin/env bash
# The README's two commands on a fresh Debian 12 machine, whatever this machine has installed:
#   1. makes a minimal Debian 12 root from Debian's packages (mmdebstrap --variant=minbase, with
#      only sudo added: what a new machine's user has),
#   2. copies a clean checkout of HEAD into it (git archive: no build folders, nothing untracked),
#   3. as an ordinary user "visitor" with sudo, runs the run command (deploy/run.sh: no display
#      there, so it writes a PNG preview) and then the test command (deploy/test.sh) inside it,
#   4. checks the preview is the article: not blank, and the same frame as the test build renders.
# It is a chroot with /proc, /sys and /dev bound, not a container: the test command boots a systemd
# container of its own (deploy/ci/booted.sh), which a container inside a container would not allow.
# Usage: deploy/ci/fresh.sh [--keep] [--package ARCH]
#   --keep          leaves the root in place and says where
#   --package ARCH  instead of the two commands, what a technician runs first (deploy/README.md
#                   step 1): deploy/package.sh ARCH, and checks the .deb it makes
# Environment: CI and KIOSK_SKIP_* are passed on to the test command. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
keep=0 package=""
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=1 ;;
        --package) package=${2:?--package needs amd64 or arm64}; shift ;;
        *) echo "usage: deploy/ci/fresh.sh [--keep] [--package ARCH]" >&2; exit 2 ;;
    esac
    shift
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
start=$SECONDS
say() { echo "fresh: $* ($((SECONDS - start)) s)"; }

if ! command -v mmdebstrap >/dev/null; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

# On disk, not in a tmpfs: the builds inside take several GiB.
root=$($sudo mktemp -d /var/tmp/kiosk-fresh.XXXXXX)
mounts=()
cleanup() {
    local status=$? m
    for ((m = ${#mounts[@]} - 1; m >= 0; m--)); do $sudo umount -l "${mounts[$m]}" 2>/dev/null || true; done
    if [ "$keep" = 1 ]; then
        echo "fresh: the root stays in $root"
    else
        $sudo rm -rf --one-file-system "$root"
    fi
    exit "$status"
}
trap cleanup EXIT

$sudo mmdebstrap --quiet --variant=minbase --include=sudo bookworm "$root"
say "minimal Debian 12 root made in $root"

# A new machine knows its own name (sudo looks it up).
echo "127.0.1.1 $(hostname)" | $sudo tee -a "$root/etc/hosts" >/dev/null
$sudo chroot "$root" useradd --create-home --shell /bin/bash visitor
echo 'visitor ALL=(ALL) NOPASSWD: ALL' | $sudo tee "$root/etc/sudoers.d/visitor" >/dev/null
$sudo chmod 0440 "$root/etc/sudoers.d/visitor"
$sudo chroot "$root" install -d -o visitor -g visitor /home/visitor/kiosk
git -C "$repo" archive --format=tar HEAD | $sudo chroot "$root" runuser -u visitor -- tar -x -C /home/visitor/kiosk
say "clean checkout of $(git -C "$repo" rev-parse --short HEAD) copied in"

bind() {  # bind SOURCE TARGET_IN_ROOT [mount options]
    $sudo mkdir -p "$root$2"
    $sudo mount --rbind "$1" "$root$2"
    $sudo mount --make-rslave "$root$2"
    mounts+=("$root$2")
}
# The root is a mount point of its own, as / is on a machine: systemd-nspawn, inside, makes its
# mounts slaves of "/" and fails with EINVAL in a plain chroot.
$sudo mount --bind "$root" "$root" && mounts+=("$root")
bind /proc /proc
bind /sys /sys
bind /dev /dev
$sudo mount -t tmpfs -o mode=755 tmpfs "$root/run" && mounts+=("$root/run")
$sudo cp /etc/resolv.conf "$root/etc/resolv.conf"

# As the visitor, in a login shell: no variable of this machine's leaks in but those named here.
as_visitor() {
    $sudo chroot "$root" /usr/bin/env -i HOME=/home/visitor USER=visitor LOGNAME=visitor LANG=C.UTF-8 \
        PATH=/usr/local/bin:/usr/bin:/bin ${CI:+CI=$CI} \
        ${KIOSK_SKIP_ARM64:+KIOSK_SKIP_ARM64=$KIOSK_SKIP_ARM64} ${KIOSK_SKIP_BOOTED:+KIOSK_SKIP_BOOTED=$KIOSK_SKIP_BOOTED} \
        /usr/sbin/runuser -u visitor -- bash -c "cd /home/visitor/kiosk && $1"
}

if [ -n "$package" ]; then
    package_status=0
    as_visitor "deploy/package.sh $package" || package_status=$?
    deb=$(ls "$root/home/visitor/kiosk/dist/"kiosk_*_"$package".deb 2>/dev/null | head -1 || true)
    if [ "$package_status" -eq 0 ] && [ -n "$deb" ] && [ "$(dpkg-deb -f "$deb" Architecture)" = "$package" ]; then
        say "deploy/package.sh $package made $(basename "$deb") ($(stat -c %s "$deb") bytes)"
        echo "fresh: 1 passed, 0 failed"
        exit 0
    fi
    say "FAILED: deploy/package.sh $package (exit $package_status) made no $package .deb"
    echo "fresh: 0 passed, 1 failed"
    exit 1
fi

run_start=$SECONDS
as_visitor deploy/run.sh
run_seconds=$((SECONDS - run_start))
preview="$root/home/visitor/kiosk/build/kiosk-preview.png"
[ -s "$preview" ] || { echo "fresh: FAILED: the run command wrote no preview" >&2; exit 1; }
say "run command: deploy/run.sh took $run_seconds s and wrote its preview"

test_start=$SECONDS
test_status=0
as_visitor deploy/test.sh || test_status=$?
test_seconds=$((SECONDS - test_start))
say "test command: deploy/test.sh took $test_seconds s, exit $test_status"

# The preview, judged with the test build's png_diff: something to read, and the article itself.
check_status=0
if [ -x "$root/home/visitor/kiosk/build-test/png_diff" ]; then
    as_visitor "build-test/png_diff --ink build/kiosk-preview.png && \
                build-test/kiosk --screenshot /tmp/reference.png --size 1080x1920 >/dev/null && \
                build-test/png_diff build/kiosk-preview.png /tmp/reference.png" || check_status=$?
else
    echo "fresh: no png_diff was built, the preview cannot be judged" >&2
    check_status=1
fi
echo "fresh: run command $run_seconds s; test command $test_seconds s (exit $test_status); preview $([ $check_status -eq 0 ] && echo 'is the article' || echo 'FAILED'); $((SECONDS - start)) s in all"
passed=1 failed=0  # the run command's preview was written (checked above)
for status in "$test_status" "$check_status"; do
    if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "fresh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
