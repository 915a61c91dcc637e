#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when any language in po/LINGUAS or po/content/LINGUAS is incomplete
# against the sources as they are now: the templates are extracted afresh
# (xgettext for the interface, itstool for the core stories and help) and every po file
# must translate every message of them, pass msgfmt --check (which catches a
# dropped or reordered c-format placeholder and a wrong number of plural
# forms), and have nothing fuzzy.
set -uo pipefail
root=${1:?usage: check-translations.sh SOURCE_ROOT}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
problems=0

# The interface template, with the keywords of meson's glib preset.
grep -v '^#' "$root/po/POTFILES.in" | sed '/^ *$/d' > "$tmp/potfiles"
(cd "$root" && xgettext --files-from="$tmp/potfiles" --output="$tmp/upstander.pot" \
   --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
   --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
   --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 2>"$tmp/xgettext.log") || {
  cat "$tmp/xgettext.log" >&2; exit 1; }

itstool -i "$root/resources/upstander-bundle.its" -o "$tmp/upstander-content.pot" \
  "$root/resources/bundles/core.xml" "$root/resources/bundles/help.xml" || exit 1

check_dir() {
  local dir=$1 template=$2
  local lang out
  while read -r lang; do
    case "$lang" in ''|'#'*) continue;; esac
    if [ ! -f "$dir/$lang.po" ]; then
      echo "$dir/$lang.po: missing, but $lang is in $dir/LINGUAS" >&2
      problems=$((problems + 1))
      continue
    fi
    if ! out=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$dir/$lang.po" 2>&1); then
      printf '%s\n' "$out" >&2
      problems=$((problems + 1))
      continue
    fi
    if printf '%s' "$out" | grep -qE 'untranslated|fuzzy'; then
      echo "$dir/$lang.po: incomplete: $out" >&2
      problems=$((problems + 1))
    fi
    # Every message in the sources now, translated (untranslated ones count as missing).
    if ! out=$(LC_ALL=C msgcmp "$dir/$lang.po" "$template" 2>&1); then
      printf '%s\n' "$out" | grep -v '^msgcmp: found' | head -n 5 >&2
      echo "$dir/$lang.po: messages in the sources lack a translation (run the update-po target, then translate)" >&2
      problems=$((problems + 1))
    fi
  done < "$dir/LINGUAS"
}

check_dir "$root/po" "$tmp/upstander.pot"
check_dir "$root/po/content" "$tmp/upstander-content.pot"

if [ "$problems" -gt 0 ]; then
  echo "check-translations: $problems incomplete language file(s)" >&2
  exit 1
fi
echo "every language complete"
