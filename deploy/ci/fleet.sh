#!/usr/bin/env bash
# Displays kept up to date from the museum's signed apt repository (issue 16), proven on a display
# booted with systemd as PID 1 (systemd-nspawn) that reads the repository from file: (a USB stick):
#   1. the repository (deploy/fleet/repo.sh) with the kiosk .deb, a content package and the keyring
#      package; the display installs the keyring package, then the kiosk and the content from it;
#   2. installing the content package, and unattended-upgrades upgrading it, reload the running
#      kiosk (dpkg trigger), with the same kiosk process, and the status names the packaged content;
#   3. a broken content package that slipped past deploy/fleet/content-package.sh never reaches the
#      screen: the reload is refused, and after a restart the last good content shows, not the
#      built-in article;
#   4. a roll-back (the old content again under a higher version) shows the old content;
#   5. a tampered .deb and a repository signed by an unknown key are refused by apt; a Release
#      dated in the future (a board whose clock is behind) is still taken (Check-Date: no).
# Usage: deploy/ci/fleet.sh [BUILD_DIR]   (default build-test; its .deb is made when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(cd "${1:-build-test}" && pwd)
tag=fleet
. deploy/ci/container.sh

deb=$(kiosk_deb "$build")
container_work
fleet=deploy/fleet
export KIOSK="$build/kiosk"

# --- the repository, as a museum makes it --------------------------------------------------------
apt_repo="$work/repo"
"$fleet/repo.sh" init "$apt_repo" "Test museum" >/dev/null
bundles="$work/bundles"
mkdir -p "$bundles"
cp -r tests/data/bad_bundles_base "$bundles/v1"
cp -r tests/data/bad_bundles_base "$bundles/v2"
sed -i 's/^# A Test Headline/# A Second Test Headline/' "$bundles/v2/article.md"
"$fleet/content-package.sh" "$bundles/v1" test 1.0-1 "$work/debs" >/dev/null
"$fleet/content-package.sh" "$bundles/v2" test 2.0-1 "$work/debs" >/dev/null
"$fleet/repo.sh" keyring "$apt_repo" file:/srv/kiosk-repo >/dev/null
"$fleet/repo.sh" add "$apt_repo" "$deb" "$work/debs/kiosk-content-test_1.0-1_all.deb" >/dev/null
lint=$(lintian --fail-on error,warning "$work/debs/"kiosk-content-test_*.deb "$apt_repo/kiosk-fleet-keyring_1_all.deb" 2>&1 |
       grep -v 'root privileges') || true
[ -z "$lint" ] || fail "lintian on the content and keyring packages: $lint"
say "a signed repository with $(basename "$deb") and kiosk-content-test 1.0-1; the content and keyring packages are lintian clean"

$sudo mmdebstrap --quiet --variant=minbase --include=systemd,systemd-sysv,dbus,ca-certificates \
    --customize-hook="copy-in $apt_repo/kiosk-fleet-keyring_1_all.deb /tmp" \
    --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/kiosk-fleet-keyring_1_all.deb' \
    bookworm "$root" >"$work/mmdebstrap.log" 2>&1 || { cat "$work/mmdebstrap.log" >&2; fail "mmdebstrap"; }
container_dropin
$sudo mkdir -p "$root/srv/kiosk-repo"
say "a display set up by the keyring package"
container_boot --bind-ro="$apt_repo:/srv/kiosk-repo"
apt_in() { inside env DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0 "$@"; }
apt_in update || fail "apt-get update from the museum's repository"
apt_in install -y --no-install-recommends kiosk kiosk-content-test >"$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; fail "installing kiosk and its content from the repository"; }
# Nobody touches a container's kiosk: it is idle (and may take a new version) seconds after a start.
inside test -d /etc/kiosk/kiosk.toml.d || fail "the package made no /etc/kiosk/kiosk.toml.d for a technician's settings"
printf '[idle]\nquiet_s = 3\ncountdown_s = 1\n' | inside tee /etc/kiosk/kiosk.toml.d/90-test.toml >/dev/null
inside systemctl start kiosk.service
wait_for 120 running || fail "kiosk.service is $(show ActiveState)/$(show SubState), not active/running"
status_has "/usr/share/kiosk/content" || fail "the packaged content is not shown: $(show StatusText)"
v1=$(show StatusText | sed -n 's/.*(content \([0-9a-f]*\),.*/\1/p')
[ -d "$root/var/lib/kiosk/content-last-good" ] || fail "the trigger kept no last good content"
first_kiosk=$(kiosk_pid)
say "installed from the repository: the kiosk shows /usr/share/kiosk/content (content $v1)"

# --- an upgrade reloads the kiosk -----------------------------------------------------------------------
"$fleet/repo.sh" add "$apt_repo" "$work/debs/kiosk-content-test_2.0-1_all.deb" >/dev/null
apt_in update || fail "apt-get update after publishing 2.0-1"
# As the display does it by itself: unattended-upgrades, allowed the repository by the keyring package.
inside unattended-upgrade --verbose >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log" >&2; fail "unattended-upgrade"; }
[ "$(inside dpkg-query -W -f '${Version}' kiosk-content-test)" = 2.0-1 ] ||
    { cat "$work/upgrade.log" >&2; fail "unattended-upgrade did not take kiosk-content-test 2.0-1 from the repository"; }
wait_for 20 status_has "last reload: new content shown" || fail "the upgrade did not reload the kiosk: $(show StatusText)"
v2=$(show StatusText | sed -n 's/.*(content \([0-9a-f]*\),.*/\1/p')
[ "$v2" != "$v1" ] && [ "$(kiosk_pid)" = "$first_kiosk" ] || fail "content $v1 -> $v2, kiosk $first_kiosk -> $(kiosk_pid)"
say "unattended-upgrades took content 2.0-1 and the kiosk reloaded: content $v1 -> $v2, same kiosk process"
journal_has() { journal | grep -qF -- "$1"; }
wait_for 10 journal_has "kiosk: reloaded /usr/share/kiosk/content (content $v2)" || fail "the journal does not say the kiosk reloaded"
upgrade_journal=$(journal | grep -E 'kiosk: (reload|showing)')

# --- a broken content package never reaches the screen ----------------------------------------------
broken="$work/broken-stage"
mkdir -p "$broken"
dpkg-deb -R "$work/debs/kiosk-content-test_2.0-1_all.deb" "$broken"
sed -i 's/^# .*//' "$broken/usr/share/kiosk/content/article.md"
sed -i 's/^Version: .*/Version: 2.1-1/' "$broken/DEBIAN/control"
rm -f "$broken/DEBIAN/md5sums"
dpkg-deb --root-owner-group --build "$broken" "$work/debs/kiosk-content-test_2.1-1_all.deb" >/dev/null
"$fleet/repo.sh" add "$apt_repo" "$work/debs/kiosk-content-test_2.1-1_all.deb" >/dev/null
apt_in update && apt_in install -y --only-upgrade kiosk-content-test >"$work/broken.log" 2>&1 ||
    { cat "$work/broken.log" >&2; fail "installing the broken content package"; }
grep -q 'has errors; the display keeps its last good content' "$work/broken.log" ||
    fail "the trigger did not say the packaged content has errors: $(cat "$work/broken.log")"
wait_for 20 status_has "last reload: refused" || fail "the broken package was not refused: $(show StatusText)"
status_has "(content $v2," || fail "the broken package changed what is shown: $(show StatusText)"
inside systemctl restart kiosk.service
wait_for 120 running || fail "after a restart kiosk.service is $(show ActiveState)/$(show SubState)"
status_has "(content $v2, /var/lib/kiosk/content-last-good)" ||
    fail "after a restart the last good content is not shown: $(show StatusText)"
say "a broken content package was refused, and after a restart the last good content ($v2) shows"

# --- roll back: the old content under a higher version ---------------------------------------------------
"$fleet/content-package.sh" "$bundles/v1" test 2.2-1 "$work/debs" >/dev/null
"$fleet/repo.sh" add "$apt_repo" "$work/debs/kiosk-content-test_2.2-1_all.deb" >/dev/null
apt_in update && apt_in install -y --only-upgrade kiosk-content-test >/dev/null 2>&1 || fail "the roll-back"
wait_for 20 status_has "(content $v1, /usr/share/kiosk/content)" || fail "the roll-back does not show content $v1: $(show StatusText)"
say "rolled back: 2.2-1 carries the 1.0-1 content again (content $v1)"

# --- a new kiosk version takes over when nobody is reading -------------------------------------------------
new_kiosk="$work/kiosk-new"
dpkg-deb -R "$deb" "$new_kiosk"
old_version=$(sed -n 's/^Version: //p' "$new_kiosk/DEBIAN/control")
sed -i "s/^Version: .*/Version: $old_version+fleettest1/" "$new_kiosk/DEBIAN/control"
dpkg-deb --root-owner-group --build "$new_kiosk" "$work/debs/kiosk_${old_version}+fleettest1_amd64.deb" >/dev/null
"$fleet/repo.sh" add "$apt_repo" "$work/debs/kiosk_${old_version}+fleettest1_amd64.deb" >/dev/null
before_upgrade=$(kiosk_pid)
apt_in update && apt_in install -y --only-upgrade kiosk >"$work/kiosk-upgrade.log" 2>&1 ||
    { cat "$work/kiosk-upgrade.log" >&2; fail "upgrading the kiosk"; }
took_over() { running && [ -n "$(kiosk_pid)" ] && [ "$(kiosk_pid)" != "$before_upgrade" ]; }
wait_for 90 took_over || fail "the new kiosk version did not take over: $(show StatusText)"
journal | grep -q 'a new version is installed at /usr/bin/kiosk; handing over to it now that nobody is reading' ||
    fail "the journal does not say why the kiosk handed over"
say "kiosk $old_version+fleettest1 installed while $before_upgrade ran; it handed over when idle (new kiosk $(kiosk_pid))"

# --- health, as the museum's Prometheus scrapes it ------------------------------------------------------
apt_in install -y --no-install-recommends prometheus-node-exporter >"$work/exporter.log" 2>&1 ||
    { cat "$work/exporter.log" >&2; fail "installing prometheus-node-exporter"; }
inside systemctl start kiosk-health-export.service || fail "kiosk-health-export.service failed"
scrape() { inside python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:9100/metrics").read().decode())'; }
scraped() { scrape | grep -q '^kiosk_service_active 1'; }
wait_for 30 scraped || fail "node-exporter does not serve the kiosk's metrics"
scrape | grep '^kiosk_' >"$work/metrics.txt"
grep -q 'kiosk_content_info{.*source="/usr/share/kiosk/content"' "$work/metrics.txt" && grep -q '^kiosk_repository_update_time_seconds [1-9]' "$work/metrics.txt" ||
    fail "the scraped metrics lack the content or the repository's update time: $(cat "$work/metrics.txt")"
say "node-exporter serves the kiosk's health ($(wc -l <"$work/metrics.txt") kiosk_ metrics)"

# --- what apt must refuse --------------------------------------------------------------------------------
pool_deb=$(find "$apt_repo/pool" -name 'kiosk-content-test_2.2-1_all.deb')
cp "$pool_deb" "$work/good.deb"
printf 'tampered' | dd of="$pool_deb" bs=1 seek=2000 conv=notrunc 2>/dev/null
inside apt-get -qq clean
if apt_in install -y --reinstall kiosk-content-test >"$work/tampered.log" 2>&1; then fail "a tampered .deb was installed"; fi
grep -qi 'hash sum mismatch\|size mismatch' "$work/tampered.log" || fail "the tampered .deb was refused for another reason: $(cat "$work/tampered.log")"
cp "$work/good.deb" "$pool_deb"
say "a tampered .deb is refused: $(grep -i -m1 'mismatch' "$work/tampered.log")"

# A board whose clock is behind: the Release is from its future. Re-signed with the museum's key.
future=$(date -u -d '+30 days' '+%a, %d %b %Y %H:%M:%S UTC')
release="$apt_repo/dists/kiosk/Release"
sed -i "s/^Date: .*/Date: $future/" "$release"
GNUPGHOME="$apt_repo/gnupg" gpg --batch --yes --clearsign -o "$apt_repo/dists/kiosk/InRelease" "$release"
apt_in update >"$work/future.log" 2>&1 || fail "a Release from the board's future was refused: $(cat "$work/future.log")"
say "a Release dated 30 days ahead (a clock behind) is taken: the sources say Check-Date: no"

# A repository signed by a key the display does not know.
GNUPGHOME="$work/stranger" && mkdir -m 700 "$GNUPGHOME" && export GNUPGHOME
gpg --batch --passphrase '' --quick-generate-key "Stranger <stranger@localhost>" ed25519 sign 1d 2>/dev/null
gpg --batch --yes --clearsign -o "$apt_repo/dists/kiosk/InRelease" "$release"
unset GNUPGHOME
if apt_in update >"$work/stranger.log" 2>&1; then fail "a repository signed by an unknown key was accepted"; fi
grep -q 'NO_PUBKEY\|not signed\|signatures couldn' "$work/stranger.log" || fail "refused for another reason: $(cat "$work/stranger.log")"
say "a repository signed by an unknown key is refused: $(grep -m1 'NO_PUBKEY\|not signed' "$work/stranger.log" | cut -c1-120)"
echo "fleet: the kiosk's metrics as node-exporter served them:"
sed 's/^/  | /' "$work/metrics.txt"
echo "fleet: the kiosk's journal from the install to the upgrade:"
sed 's/^/  | /' <<<"$upgrade_journal"
