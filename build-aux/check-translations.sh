#!/usr/bin/env bash
# Fails when any language in po/LINGUAS or po/content/LINGUAS is incomplete:
# a missing po file, a message untranslated or fuzzy, or a translation that
# breaks msgfmt --check (which also catches a dropped or reordered c-format
# placeholder and a wrong number of plural forms).
set -uo pipefail
root=${1:?usage: check-translations.sh SOURCE_ROOT}
problems=0

check_dir() {
  local dir=$1
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
  done < "$dir/LINGUAS"
}

check_dir "$root/po"
check_dir "$root/po/content"

if [ "$problems" -gt 0 ]; then
  echo "check-translations: $problems incomplete language file(s)" >&2
  exit 1
fi
echo "every language complete"
