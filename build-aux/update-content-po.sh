#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Merges po/content/upstander-content.pot into every po/content/LANG.po,
# after `ninja upstander-content-pot` has refreshed the template.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root/po/content"
grep -v '^#' LINGUAS | while read -r lang; do
  [ -n "$lang" ] || continue
  if [ -f "$lang.po" ]; then
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$lang.po" upstander-content.pot
  else
    msginit --no-translator --locale="$lang.UTF-8" --input=upstander-content.pot --output-file="$lang.po"
  fi
done
