# Sourced by deploy/ci/booted.sh and deploy/ci/fleet.sh: a Debian 12 root booted with systemd as
# PID 1 in systemd-nspawn, and the helpers to look inside it. The caller sets `tag` (its name in
# messages) and calls container_work, then makes "$root", then container_boot.
#   kiosk_deb BUILD           the amd64 .deb of BUILD (made with cpack when missing)
#   container_work            a work folder in /var/tmp ($work) owned by the caller, root in $work/root
#   container_boot [ARGS...]  boots $root (ARGS go to systemd-nspawn, e.g. --bind-ro=...)
#   inside CMD...             runs CMD in the container (all its namespaces, its root)
#   show PROPERTY             a property of kiosk.service; running, kiosk_pid, status_has TEXT, journal
#   wait_for SECONDS CMD...   until CMD passes; say TEXT, fail TEXT
# Environment: KIOSK_BOOTED_KEEP=1 leaves the root in place and says where. Needs root or sudo.
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
start=$SECONDS
nspawn_pid="" leader=""
say() { echo "$tag: $* ($((SECONDS - start)) s)"; }
fail() { echo "$tag: FAILED: $*" >&2; [ -n "${leader:-}" ] && inside journalctl -b --no-pager -n 80 >&2; exit 1; }

container_cleanup() {
    local status=$?
    if [ -n "$nspawn_pid" ]; then
        $sudo kill -TERM "$nspawn_pid" 2>/dev/null || true  # nspawn asks the container's systemd to power off
        for _ in $(seq 100); do $sudo kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
        $sudo kill -KILL "$nspawn_pid" 2>/dev/null || true
    fi
    if [ "${KIOSK_BOOTED_KEEP:-0}" = 1 ]; then echo "$tag: the root stays in $root"; else $sudo rm -rf --one-file-system "$work"; fi
    exit "$status"
}

kiosk_deb() {
    local deb
    deb=$(ls "$1"/kiosk_*_amd64.deb 2>/dev/null | head -1 || true)
    if [ -z "$deb" ]; then
        (cd "$1" && cpack -G DEB >/dev/null)
        deb=$(ls "$1"/kiosk_*_amd64.deb)
    fi
    echo "$deb"
}

container_work() {
    work=$($sudo mktemp -d "/var/tmp/kiosk-$tag.XXXXXX")
    $sudo chown "$(id -u):$(id -g)" "$work"  # the logs are this user's; the root inside is made by root
    root="$work/root"
    trap container_cleanup EXIT
}

container_boot() {
    boot_start=$SECONDS
    # nspawn writes its own PID first: with sudo, $! would be sudo's. The container's PID 1 is the
    # child of nspawn that runs systemd (for a moment nspawn has a child that only sets up and exits).
    $sudo sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$work/nspawn.pid" \
        systemd-nspawn --quiet -D "$root" --boot --register=no --keep-unit --console=passive "$@" \
        >"$work/console.log" 2>&1 &
    for _ in $(seq 100); do
        nspawn_pid=$(cat "$work/nspawn.pid" 2>/dev/null || true)
        [ -n "$nspawn_pid" ] && leader=$(ps -o pid=,comm= --ppid "$nspawn_pid" 2>/dev/null | awk '$2 == "systemd" {print $1; exit}' || true)
        [ -n "$leader" ] && break
        sleep 0.1
    done
    [ -n "$leader" ] || { cat "$work/console.log" >&2; fail "systemd-nspawn started no container"; }
    wait_for 60 inside systemctl is-system-running --wait || true  # "degraded" is judged by the caller
}

inside() { $sudo nsenter --target "$leader" --all --root --wd -- "$@"; }
show() { inside systemctl show -P "$1" kiosk.service; }
wait_for() {
    local seconds=$1
    shift
    for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    return 1
}
running() { [ "$(show ActiveState)/$(show SubState)" = active/running ]; }
kiosk_pid() { inside pgrep -u kiosk -x kiosk; }
status_has() { show StatusText | grep -qF -- "$1"; }
journal() { inside journalctl -b -u kiosk.service --no-pager -o cat; }
# The drop-in a container needs and a board never has (no DRM device, no input devices): cage draws
# on its headless backend with the pixman renderer. Installed by the tests only; never shipped.
container_dropin() {
    $sudo mkdir -p "$root/etc/systemd/system/kiosk.service.d"
    printf '[Service]\nEnvironment=WLR_BACKENDS=headless WLR_RENDERER=pixman\n' |
        $sudo tee "$root/etc/systemd/system/kiosk.service.d/container-test.conf" >/dev/null
}
