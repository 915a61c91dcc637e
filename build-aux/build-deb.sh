#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package of Upstander on Debian 12 and checks it with lintian.
#
#   bash build-aux/build-deb.sh
#
# Installs what the build needs (dpkg-dev, debhelper, lintian and the package's
# Build-Depends, through sudo unless root), copies the tracked files to
# _build-deb/upstander-VERSION/, runs `dpkg-buildpackage -us -uc -b` there (the
# test suite runs in the build, headless), then lintian on the result. The
# .deb ends up in _build-deb/. Fails on any lintian error or warning.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
apt_get () { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y "$@"; }

echo "==> Installing the packaging tools and the build dependencies"
tools=(dpkg-dev debhelper lintian fakeroot)
missing=()
for pkg in "${tools[@]}"; do
  dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_get update
  apt_get install "${missing[@]}"
fi
# apt reads debian/control from the source tree and installs its Build-Depends.
apt_get build-dep ./

version=$(dpkg-parsechangelog -S Version)
out=_build-deb
src=$out/upstander-$version
rm -rf "$out"
mkdir -p "$src"
# Only what git tracks: no build directories, no stray files in the package.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$src"

echo "==> Building upstander $version"
(cd "$src" && dpkg-buildpackage -us -uc -b)

echo "==> lintian"
changes=$(ls "$out"/upstander_"$version"_*.changes)
lintian --fail-on error,warning --info "$changes"
echo "==> Built: $(ls "$out"/*.deb)"
