#!/usr/bin/env bash
# Makes a content package from a bundle folder: kiosk-content-SITE_VERSION_all.deb, which installs
# the bundle under /usr/share/kiosk/content. A bundle that `kiosk --check` finds errors in is
# refused here, before it can reach any display. Installing or upgrading the package makes the
# kiosk package's trigger keep it as the last good content and reload the running kiosk.
# Usage: deploy/fleet/content-package.sh BUNDLE_DIR SITE VERSION [OUT_DIR]
#   SITE: lower-case letters, digits and dashes (the museum or display group, e.g. "hall-b")
#   VERSION: a Debian version that grows with each release of the content (e.g. 2026.12.01-1)
#   OUT_DIR: where the .deb goes (default dist/)
# Environment: KIOSK (default: build/kiosk, else kiosk on PATH) checks the bundle;
#   KIOSK_MAINTAINER (default "Memorial kiosk maintainers <kiosk@example.org>") is the Maintainer field.
set -euo pipefail
usage() { echo "usage: deploy/fleet/content-package.sh BUNDLE_DIR SITE VERSION [OUT_DIR]" >&2; exit 2; }
[ $# -ge 3 ] && [ $# -le 4 ] || usage
bundle=$1 site=$2 version=$3 out=${4:-dist}
[[ $site =~ ^[a-z0-9][a-z0-9-]*$ ]] || { echo "content-package: SITE '$site' must be lower-case letters, digits and dashes" >&2; exit 2; }
[[ $version =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || { echo "content-package: VERSION '$version' is not a Debian version" >&2; exit 2; }
[ -f "$bundle/manifest.toml" ] || { echo "content-package: $bundle holds no manifest.toml" >&2; exit 2; }
here=$(cd "$(dirname "$0")/../.." && pwd)
maintainer=${KIOSK_MAINTAINER:-Memorial kiosk maintainers <kiosk@example.org>}
kiosk=${KIOSK:-}
if [ -z "$kiosk" ]; then
    if [ -x "$here/build/kiosk" ]; then kiosk=$here/build/kiosk; else kiosk=$(command -v kiosk || true); fi
fi
[ -n "$kiosk" ] || { echo "content-package: no kiosk to check the bundle with (deploy/run.sh builds one; or set KIOSK)" >&2; exit 2; }

# The same check every display makes before it shows a bundle: refuse what would be refused there.
if ! report=$("$kiosk" --check "$bundle" 2>&1); then
    echo "content-package: $bundle has errors; no package made:" >&2
    echo "$report" | sed 's/^/  /' >&2
    exit 1
fi
[ -z "$report" ] || echo "$report" | sed 's/^/content-package: /'

name=kiosk-content-$site
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/DEBIAN" "$stage/usr/share/kiosk/content" "$stage/usr/share/doc/$name"
# Only the bundle's own files (no editor backups or hidden files), readable by everyone.
cp -r "$bundle/." "$stage/usr/share/kiosk/content/"
find "$stage/usr/share/kiosk/content" -mindepth 1 \( -name '.*' -o -name '*~' \) -prune -exec rm -rf {} +
find "$stage" -type d -exec chmod 0755 {} + && find "$stage" -type f -exec chmod 0644 {} +
id=$(sed -n 's/^id *= *"\(.*\)"/\1/p' "$bundle/manifest.toml" | head -1)
credit=$(sed -n 's/^credit *= *"\(.*\)"/\1/p' "$bundle/manifest.toml" | head -1)
cat >"$stage/usr/share/doc/$name/copyright" <<EOF
The content bundle "$id", packaged for the memorial kiosk.

Copyright $(date +%Y) the maker of this package, for the packaging only.
The texts: as their publisher states it in the bundle's manifest: ${credit:-no credit given}
They keep the rights their publishers state; this package gives no rights beyond those.
EOF
# A museum's own package, never uploaded to Debian: no bug of Debian's to close.
mkdir -p "$stage/usr/share/lintian/overrides"
printf '%s: initial-upload-closes-no-bugs [usr/share/doc/%s/changelog.Debian.gz:1]\n' "$name" "$name" \
    >"$stage/usr/share/lintian/overrides/$name"
# Debian wants a changelog in every package: this release's line, from who made it and when.
printf '%s (%s) kiosk; urgency=medium\n\n  * Content bundle "%s", checked with kiosk --check.\n\n -- %s  %s\n' \
    "$name" "$version" "$id" "$maintainer" "$(date -R)" |
    gzip -9n >"$stage/usr/share/doc/$name/changelog.Debian.gz"
size=$(du -k -s "$stage/usr" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: all
Maintainer: $maintainer
Installed-Size: $size
Depends: kiosk (>= 0.2.0)
Provides: kiosk-content
Conflicts: kiosk-content
Replaces: kiosk-content
Section: misc
Priority: optional
Description: memorial kiosk content: $id
 A content bundle for the memorial kiosk, checked with kiosk --check when
 the package was made. The kiosk shows it from /usr/share/kiosk/content
 unless a bundle was put in /etc/kiosk/content by hand.
EOF
mkdir -p "$out"
deb="$out/${name}_${version}_all.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "content-package: $deb ($id, $(stat -c %s "$deb") bytes)"
