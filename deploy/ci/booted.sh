#!/usr/bin/env bash
# The kiosk's service under a real systemd (issue 13): a minimal Debian 12 root made from Debian's
# packages, the .deb this build made installed in it with apt (as an upgrade over a stand-in for
# 0.1.0, which shipped /etc/pam.d/kiosk and /etc/kiosk/kiosk.toml as conffiles, the latter changed
# by a technician), booted with systemd-nspawn (systemd as PID 1), and then,
# judged from systemctl and the journal inside:
#   1. kiosk.service becomes active (running) through the kiosk's READY=1, with no fault logged for
#      the content folder nobody made, and cage's socket in the unit's own runtime directory;
#   2. `systemctl reload kiosk` swaps in a bundle put in /etc/kiosk/content, with the same kiosk
#      process, and refuses a broken one, keeping what is shown (read from the status text);
#   3. a kiosk stopped with SIGSTOP is restarted by the watchdog, a killed one by Restart=always;
#   4. `systemctl stop` is clean, and nothing was written but in /run/kiosk and the private /tmp.
# A container has no tty1, DRM device or input devices: the one drop-in below, which the test
# installs and the package never ships, gives cage its headless backend and pixman renderer. The
# seat (seatd handing out DRM and input), the GPU and touch can only be proven on a board.
# Usage: deploy/ci/booted.sh [BUILD_DIR]   (default build-test; its .deb is made when missing)
# Environment: KIOSK_BOOTED_KEEP=1 leaves the root in place and says where. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
build=$(cd "${1:-build-test}" && pwd)
tag=booted
. deploy/ci/container.sh

deb=$(kiosk_deb "$build")
container_work

# The stand-in for kiosk 0.1.0: only what the upgrade must clean up, its PAM stack as a conffile.
old="$work/old"
$sudo mkdir -p "$old/DEBIAN" "$old/etc/pam.d" "$old/etc/kiosk"
echo "session required pam_systemd.so" | $sudo tee "$old/etc/pam.d/kiosk" >/dev/null
printf '[window]\nkiosk = true\n' | $sudo tee "$old/etc/kiosk/kiosk.toml" >/dev/null
printf '/etc/pam.d/kiosk\n/etc/kiosk/kiosk.toml\n' | $sudo tee "$old/DEBIAN/conffiles" >/dev/null
printf 'Package: kiosk\nVersion: 0.1.0\nArchitecture: %s\nMaintainer: test <test@localhost>\nDescription: stand-in for kiosk 0.1.0\n' \
    "$(dpkg --print-architecture)" | $sudo tee "$old/DEBIAN/control" >/dev/null
$sudo dpkg-deb --root-owner-group --build "$old" "$work/kiosk-old.deb" >/dev/null
$sudo cp "$deb" "$work/kiosk.deb"

$sudo mmdebstrap --quiet --variant=minbase --include=systemd,systemd-sysv,dbus \
    --customize-hook="copy-in $work/kiosk-old.deb $work/kiosk.deb /tmp" \
    --customize-hook='chroot "$1" dpkg -i /tmp/kiosk-old.deb' \
    --customize-hook='printf "[idle]\nquiet_s = 77\n" >>"$1"/etc/kiosk/kiosk.toml' \
    --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/kiosk.deb' \
    --customize-hook='rm "$1"/tmp/kiosk-old.deb "$1"/tmp/kiosk.deb' \
    bookworm "$root" >"$work/mmdebstrap.log" 2>&1 || { cat "$work/mmdebstrap.log" >&2; fail "mmdebstrap"; }
say "Debian 12 root with systemd and $(basename "$deb") installed over the 0.1.0 stand-in"
[ ! -e "$root/etc/pam.d/kiosk" ] || fail "the upgrade left the dropped /etc/pam.d/kiosk behind"
[ ! -e "$root/etc/kiosk/kiosk.toml" ] || fail "the upgrade left 0.1.0's /etc/kiosk/kiosk.toml behind"
grep -qx 'quiet_s = 77' "$root/etc/kiosk/kiosk.toml.d/50-from-kiosk.toml" 2>/dev/null ||
    fail "the technician's changed 0.1.0 settings did not become a drop-in"
grep -q '^kiosk:' "$root/etc/passwd" || fail "no kiosk user after the install"

container_dropin
# Bundles for the reload checks: a good one, and the same with its headline gone.
$sudo mkdir -p "$root/srv/bundles"
$sudo cp -r "$repo/tests/data/bad_bundles_base" "$root/srv/bundles/good"
$sudo cp -r "$repo/tests/data/bad_bundles_base" "$root/srv/bundles/broken"
$sudo sed -i 's/^# .*//' "$root/srv/bundles/broken/article.md"

container_boot
wait_for 120 running || fail "kiosk.service is $(show ActiveState)/$(show SubState) 120 s after boot, not active/running"
say "kiosk.service active (running) $((SECONDS - boot_start)) s after boot; status: $(show StatusText)"
status_has "built-in" || fail "the status does not say the built-in article is shown: $(show StatusText)"
journal | grep -q 'there is no folder /etc/kiosk/content' ||
    fail "the kiosk did not say it shows the built-in article for want of /etc/kiosk/content"
! journal | grep -q 'BundleMissing\|error ' || fail "a fault was logged on a clean install: $(journal | grep 'BundleMissing\|error ' | head -3)"
! journal | grep -qi 'Unable to open Wayland socket' || fail "cage could not open its socket"
inside sh -c 'ls /run/kiosk/wayland-*' >/dev/null 2>&1 || fail "cage's socket is not in /run/kiosk"
inside systemctl is-active --quiet seatd.service || fail "seatd.service is not running beside the kiosk"
main_pid=$(show MainPID)
first_kiosk=$(kiosk_pid)
inside grep -q 'kiosk_content_info{.*source="built-in"} 1' /run/kiosk/health.prom ||
    fail "the health file does not say the built-in article is shown"

# --- reload ---------------------------------------------------------------------------------------
inside cp -r /srv/bundles/good /etc/kiosk/content
inside systemctl reload kiosk.service || true  # a reload is a signal: judged by the status, not the exit code
wait_for 20 status_has "last reload: new content shown" || fail "a good bundle was not swapped in: $(show StatusText)"
status_has "corpus-base" && status_has "/etc/kiosk/content" || fail "the status does not name the new bundle: $(show StatusText)"
[ "$(kiosk_pid)" = "$first_kiosk" ] && [ "$(show MainPID)" = "$main_pid" ] || fail "the reload restarted the kiosk"
shown=$(show StatusText | sed -n 's/.*(content \([0-9a-f]*\),.*/\1/p')
say "reload swapped in /etc/kiosk/content (content $shown) in the same kiosk process $first_kiosk"

inside rm -rf /etc/kiosk/content
inside cp -r /srv/bundles/broken /etc/kiosk/content
inside systemctl reload kiosk.service || true
wait_for 20 status_has "last reload: refused" || fail "a broken bundle was not refused: $(show StatusText)"
status_has "(content $shown," || fail "the refused reload changed what is shown: $(show StatusText)"
journal | grep -q 'reload refused; still showing /etc/kiosk/content' || fail "the journal does not say the reload was refused"
wait_for 5 inside grep -q 'kiosk_last_reload{result="refused"} 1' /run/kiosk/health.prom ||
    fail "the health file does not say the reload was refused"
[ "$(kiosk_pid)" = "$first_kiosk" ] || fail "the refused reload restarted the kiosk"
say "a broken bundle was refused, content $shown stays on screen"
inside rm -rf /etc/kiosk/content
inside cp -r /srv/bundles/good /etc/kiosk/content

# Only the runtime directory and the private /tmp hold anything of the kiosk user's.
written=$(inside find / /run /tmp /dev/shm /var/tmp -xdev -user kiosk 2>/dev/null |
          grep -v '^/run/kiosk\(/\|$\)' | grep -v '^/tmp/systemd-private-[^/]*-kiosk.service-[^/]*\(/\|$\)' || true)
[ -z "$written" ] || fail "the service wrote outside /run/kiosk and its private /tmp: $written"

# --- the watchdog and Restart=always ---------------------------------------------------------------
restarted_since() { [ "$(show NRestarts)" -gt "$1" ]; }  # wait_for runs a function as well as a command
restarts=$(show NRestarts)
inside kill -STOP "$first_kiosk"
wait_for 60 restarted_since "$restarts" ||
    fail "a stopped kiosk was not restarted by the watchdog"
journal | grep -q 'Watchdog timeout' || fail "the restart was not the watchdog's"
wait_for 60 running || fail "after the watchdog, kiosk.service is $(show ActiveState)/$(show SubState)"
second_kiosk=$(kiosk_pid)
[ "$second_kiosk" != "$first_kiosk" ] || fail "the same kiosk process after the watchdog"
status_has "/etc/kiosk/content" || fail "after the restart the bundle in /etc/kiosk/content is not shown: $(show StatusText)"
say "a kiosk stopped with SIGSTOP was restarted by the watchdog (new kiosk $second_kiosk)"

restarts=$(show NRestarts)
inside kill -KILL "$second_kiosk"
wait_for 30 restarted_since "$restarts" ||
    fail "a killed kiosk was not restarted"
wait_for 60 running || fail "after the kill, kiosk.service is $(show ActiveState)/$(show SubState)"
say "a killed kiosk was restarted (new kiosk $(kiosk_pid))"

# --- stop -----------------------------------------------------------------------------------------------
stop_from=$(inside date '+%Y-%m-%d %H:%M:%S')
inside systemctl stop kiosk.service || fail "systemctl stop failed"
[ "$(show ActiveState)" = inactive ] || fail "after stop the unit is $(show ActiveState)"
[ "$(show Result)" = success ] || fail "the stop's result is $(show Result)"
since=$(inside journalctl -u kiosk.service --since "$stop_from" --no-pager -o cat)
grep -q 'kiosk: stopped by a signal' <<<"$since" || fail "the kiosk did not stop cleanly: $since"
! grep -q 'Aborted\|core dump\|Failed with result\|XIO' <<<"$since" || fail "an unclean stop: $since"
[ ! -e "$root/run/kiosk" ] && ! inside sh -c 'ls -d /tmp/systemd-private-*-kiosk.service-*' >/dev/null 2>&1 ||
    fail "the runtime directory or the private /tmp stayed after the stop"
left=$(inside find / /run /tmp /dev/shm /var/tmp -xdev -user kiosk 2>/dev/null || true)
[ -z "$left" ] || fail "files of the kiosk user are left after the stop: $left"
say "systemctl stop was clean; nothing of the kiosk's is left"
echo "booted: the journal of the first start:"
journal | sed -n '1,/SIGHUP reloads/p' | sed 's/^/  | /'
