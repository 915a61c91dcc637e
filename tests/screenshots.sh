#!/bin/bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# screenshots.sh: the screenshots of issue 16 — catalogue, chat, feed, ending and story map,
# help — in English, Arabic and Chinese, light and dark, at 1280×800 and 360×740.
#
#   tests/screenshots.sh BUILD_DIR [OUT_DIR]
#
# Runs test-window's /upstander/window/screenshots once per combination, on an
# X server of that size of its own; the test fails (and so does this script)
# when a label on a page it shoots is cut off. The PNGs land in
# BUILD_DIR/tests/screenshots/, named LANG-STYLE-SIZE-PAGE.png, and are copied
# to OUT_DIR when one is given. Look at them: the test cannot see everything.
set -eu

build_dir=$(realpath "${1:?usage: screenshots.sh BUILD_DIR [OUT_DIR]}")
out_dir=${2:-}
failed=0

for language in en ar zh_CN; do
  for style in light dark; do
    for size in 1280x800 360x740; do
      prefix="$language-$style-$size"
      echo "# $prefix"
      if ! UPSTANDER_SHOT_PREFIX="$prefix" \
           UPSTANDER_SHOT_SIZE="$size" \
           UPSTANDER_SHOT_LANGUAGE="$([ "$language" = en ] && echo '' || echo "$language")" \
           UPSTANDER_SHOT_DARK="$([ "$style" = dark ] && echo 1 || echo 0)" \
           xvfb-run -a -s "-screen 0 ${size}x24 -nolisten tcp" \
             meson test -C "$build_dir" --print-errorlogs test-window \
               --test-args "-p /upstander/window/screenshots" >"$build_dir/screenshots-$prefix.log" 2>&1; then
        echo "not ok: $prefix (see $build_dir/screenshots-$prefix.log)"
        failed=1
      fi
    done
  done
done

if [ -n "$out_dir" ]; then
  mkdir -p "$out_dir"
  cp "$build_dir"/tests/screenshots/*.png "$out_dir"/
fi

exit $failed
