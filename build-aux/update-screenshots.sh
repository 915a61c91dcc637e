#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the metainfo's screenshots from the real app and core stories (the
# test-screenshots test, 1280×800, English) and copies them to data/screenshots/.
# Usage: build-aux/update-screenshots.sh [BUILD_DIR]   (default: _build)
# Needs xvfb-run and dbus-run-session, as the test suite does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/_build}
[ -d "$build" ] || { echo "$0: no build directory $build: run meson setup first" >&2; exit 1; }
rm -f "$build"/tests/screenshots/{catalogue,chat,ending,classroom}.png
dbus-run-session -- meson test -C "$build" --print-errorlogs test-screenshots
mkdir -p "$root/data/screenshots"
for name in catalogue chat ending classroom; do
  cp "$build/tests/screenshots/$name.png" "$root/data/screenshots/$name.png"
done
echo "Updated data/screenshots/: look at them before committing."
