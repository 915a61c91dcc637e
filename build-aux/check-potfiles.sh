#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks po/POTFILES.in against the tree: every file with translatable strings is
# listed, and every listed file exists. Used by the "potfiles" test (po/meson.build).
#
#   bash build-aux/check-potfiles.sh [SOURCE_ROOT]
#
# A file counts as translatable when it
#   - is under src/ or ui/ (*.c, *.h, *.ui) or data/, and contains _( N_( C_( NC_(
#     ngettext( g_dngettext( g_dpgettext2( (a space before the parenthesis is fine)
#     or translatable="yes";
#   - or is a desktop entry, metainfo or GSettings schema under data/, which gettext
#     extracts by file type without any marker.
# A file that has markers but must not be extracted goes in po/POTFILES.skip.

set -euo pipefail

root=${1:-"$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."}
cd "$root"

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip
[ -f "$potfiles" ] || { echo "check-potfiles: $root/$potfiles does not exist" >&2; exit 1; }

errors=0
fail () { printf '%s\n' "$*" >&2; errors=$((errors + 1)); }

# Reads a POTFILES-style list: one path a line, '#' comments, blank lines.
# Prints "LINE<TAB>PATH" for each entry.
read_list () {
  awk '{ sub(/#.*/, ""); gsub(/^[ \t]+|[ \t\r]+$/, ""); if ($0 != "" && $0 !~ /^\[/) printf "%d\t%s\n", NR, $0 }' "$1"
}

declare -A listed=()
while IFS=$'\t' read -r line path; do
  if [ -n "${listed[$path]:-}" ]; then
    fail "$potfiles:$line: $path is listed twice (first on line ${listed[$path]})"
  elif [ ! -f "$path" ]; then
    fail "$potfiles:$line: $path is listed but does not exist"
  fi
  listed[$path]=$line
done < <(read_list "$potfiles")

declare -A skipped=()
if [ -f "$skipfiles" ]; then
  while IFS=$'\t' read -r line path; do
    skipped[$path]=$line
  done < <(read_list "$skipfiles")
fi

marker='(^|[^[:alnum:]_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(|translatable[[:space:]]*=[[:space:]]*"(yes|true|1)"'

candidates () {
  local dir
  for dir in src ui; do
    [ -d "$dir" ] && find "$dir" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -print0
  done
  [ -d data ] && find data -type f -print0
  return 0
}

checked=0
while IFS= read -r -d '' file; do
  file=${file#./}
  translatable=
  case "$file" in
    data/*.desktop.in|data/*.metainfo.xml.in|data/*.appdata.xml.in|data/*.gschema.xml)
      translatable="extracted by file type" ;;
  esac
  if [ -z "$translatable" ] && grep -Eq -I "$marker" "$file"; then
    translatable="has translatable strings"
  fi
  [ -n "$translatable" ] || continue
  checked=$((checked + 1))
  if [ -z "${listed[$file]:-}" ] && [ -z "${skipped[$file]:-}" ]; then
    fail "$file: $translatable but is not listed in $potfiles"
  fi
done < <(candidates | sort -z)

if [ "$errors" -gt 0 ]; then
  echo "check-potfiles: $errors problem(s) in $potfiles" >&2
  exit 1
fi
echo "check-potfiles: $potfiles is complete ($checked translatable files, ${#listed[@]} listed)"
