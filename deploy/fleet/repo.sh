#!/usr/bin/env bash
# The museum's own signed apt repository for its displays (reprepro, from Debian), kept in one
# folder that can be served over the museum's network or copied to a USB stick.
#
#   deploy/fleet/repo.sh init REPO [NAME]     a signing key (ed25519, expires in 2 years) and an
#                                             empty repository; NAME labels both (default "Memorial kiosk fleet")
#   deploy/fleet/repo.sh add REPO DEB...      publish packages (kiosk, kiosk-content-SITE, the keyring)
#   deploy/fleet/repo.sh keyring REPO URI [VERSION]
#                                             the package that sets a display up for this repository
#                                             (URI: http://host/path, or file:/media/usb/kiosk-repo)
#   deploy/fleet/repo.sh list REPO            what the repository holds
#
# REPO/gnupg holds the private key: keep a copy of REPO/gnupg offline (it is the only way to publish
# to displays that trust it). Rotation, before the key expires: `init` a new key in a new REPO, publish
# a keyring package (higher VERSION) that holds both keys from the old repository, then move the
# displays' URI. Roll back: publish the old content again under a higher version
# (deploy/fleet/content-package.sh OLD_BUNDLE SITE NEW_VERSION): apt never downgrades by itself, and
# a higher version needs no pin or Allow-downgrade on the displays.
set -euo pipefail
usage() { sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1 repo=$2
shift 2
maintainer=${KIOSK_MAINTAINER:-Memorial kiosk maintainers <kiosk@example.org>}
export GNUPGHOME="$repo/gnupg"
codename=kiosk  # one suite for every display; a museum with several groups makes one REPO each
fingerprint() { gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" {print $10; exit}'; }

case "$command" in
init)
    name=${1:-Memorial kiosk fleet}
    [ ! -e "$repo/conf/distributions" ] || { echo "repo: $repo is a repository already" >&2; exit 1; }
    mkdir -p "$GNUPGHOME" "$repo/conf"
    chmod 700 "$GNUPGHOME"
    # No passphrase, so that publishing can be scripted; the key's protection is where REPO/gnupg is kept.
    gpg --batch --passphrase '' --quick-generate-key "$name <kiosk-fleet@localhost>" ed25519 sign 2y 2>/dev/null
    cat >"$repo/conf/distributions" <<EOF
Origin: kiosk-fleet
Label: $name
Codename: $codename
Architectures: amd64 arm64
Components: main
Description: $name: the memorial kiosk and its content
SignWith: $(fingerprint)
EOF
    reprepro --silent -b "$repo" export
    gpg --batch --export "$(fingerprint)" >"$repo/kiosk-fleet.gpg"
    echo "repo: $repo made; key $(fingerprint), expires $(gpg --batch --with-colons --list-keys | awk -F: '$1 == "pub" {print $7; exit}' | xargs -I{} date -u -d @{} +%F)"
    ;;
add)
    [ $# -ge 1 ] || usage
    for deb in "$@"; do reprepro --silent -b "$repo" includedeb "$codename" "$deb"; done
    echo "repo: published $*"
    ;;
list)
    reprepro -b "$repo" list "$codename"
    ;;
keyring)
    [ $# -ge 1 ] || usage
    uri=$1 version=${2:-1}
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' EXIT
    name=kiosk-fleet-keyring
    mkdir -p "$stage/DEBIAN" "$stage/usr/share/keyrings" "$stage/etc/apt/sources.list.d" "$stage/etc/apt/apt.conf.d" \
             "$stage/usr/lib/systemd/system/apt-daily.timer.d" "$stage/usr/lib/systemd/system/apt-daily-upgrade.timer.d" \
             "$stage/usr/share/doc/$name"
    cp "$repo/kiosk-fleet.gpg" "$stage/usr/share/keyrings/kiosk-fleet.gpg"
    # Check-Date: no — a board without a clock battery wakes after a power cut at the last time it
    # saved, possibly before the Release was signed; apt would refuse it as "not valid yet" and the
    # display would never catch up. The signature still has to be good.
    cat >"$stage/etc/apt/sources.list.d/kiosk-fleet.sources" <<EOF
# Installed by $name: the museum's kiosk repository. Packages from it must be signed by its key.
Types: deb
URIs: $uri
Suites: $codename
Components: main
Signed-By: /usr/share/keyrings/kiosk-fleet.gpg
Check-Date: no
EOF
    cat >"$stage/etc/apt/apt.conf.d/52kiosk-fleet" <<'EOF'
// Installed by kiosk-fleet-keyring: unattended-upgrades takes the kiosk repository's packages too,
// and apt refuses any source whose signature is bad (not only warns).
Unattended-Upgrade::Origins-Pattern { "origin=kiosk-fleet"; };
APT::Update::Error-Mode "any";
EOF
    # Catch up soon after boot (a display that was off for the night), then twice a day as usual.
    for timer in apt-daily apt-daily-upgrade; do
        printf '[Timer]\nOnBootSec=5min\nPersistent=true\n' >"$stage/usr/lib/systemd/system/$timer.timer.d/kiosk-fleet.conf"
    done
    printf 'The signing key of a memorial kiosk repository, made with deploy/fleet/repo.sh.\n\nCopyright %s the museum that made the key; a public key, free to copy.\n' "$(date +%Y)" \
        >"$stage/usr/share/doc/$name/copyright"
    printf '%s (%s) kiosk; urgency=medium\n\n  * The key and source of %s.\n\n -- %s  %s\n' "$name" "$version" "$uri" \
        "$maintainer" "$(date -R)" | gzip -9n >"$stage/usr/share/doc/$name/changelog.gz"
    # The package exists to add this one source: lintian's rule against it is for packages that
    # add a source as a side effect.
    mkdir -p "$stage/usr/share/lintian/overrides"
    printf '%s: package-installs-apt-sources [etc/apt/sources.list.d/kiosk-fleet.sources]\n' "$name" \
        >"$stage/usr/share/lintian/overrides/$name"
    cat >"$stage/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: all
Maintainer: $maintainer
Depends: unattended-upgrades
Section: misc
Priority: optional
Description: sets a memorial kiosk display up for its museum's repository
 The signing key and apt source of the museum's kiosk repository, with
 unattended upgrades from it and a catch-up soon after boot.
EOF
    printf '/etc/apt/sources.list.d/kiosk-fleet.sources\n/etc/apt/apt.conf.d/52kiosk-fleet\n' >"$stage/DEBIAN/conffiles"
    deb="$repo/${name}_${version}_all.deb"
    dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
    echo "repo: $deb (for $uri)"
    ;;
*) usage ;;
esac
