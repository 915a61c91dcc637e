#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when an option that `upstander --help-all` prints is missing from the
# manual page, so that a new command-line option cannot ship undocumented.
#
#   check-man-page.sh UPSTANDER MAN-PAGE
set -uo pipefail
upstander=${1:?usage: check-man-page.sh UPSTANDER MAN-PAGE}
page=${2:?usage: check-man-page.sh UPSTANDER MAN-PAGE}

help=$(LANGUAGE=C LC_ALL=C.UTF-8 "$upstander" --help-all) || { echo "Bail out! $upstander --help-all failed"; exit 1; }
mapfile -t options < <(printf '%s\n' "$help" | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
[ "${#options[@]}" -ge 5 ] || { echo "Bail out! found only ${#options[@]} options in --help-all"; exit 1; }

# Only the OPTIONS section counts: a mention in the synopsis documents nothing.
options_section=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page")
[ -n "$options_section" ] || { echo "Bail out! $page has no OPTIONS section"; exit 1; }

echo "1..${#options[@]}"
n=0
failed=0
for option in "${options[@]}"; do
  n=$((n + 1))
  # troff writes a hyphen in an option as \-
  escaped=${option//-/\\\\-}
  if grep -qE -- "(^|[^a-z\\\\-])${escaped}([^a-z\\\\-]|$)" <<<"$options_section"; then
    echo "ok $n - $option is documented"
  else
    echo "not ok $n - $option is missing from $(basename "$page")"
    failed=1
  fi
done
exit $failed
