#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up Upstander on Debian 12: installs the packages, builds in _build, then
# runs the app ("run") or the whole test suite headless ("test"). "test" then
# also runs the content-engine tests under valgrind memcheck, and builds and
# runs the whole suite again with AddressSanitizer and UBSan in _build-asan.
#
#   bash build-aux/setup.sh run
#   bash build-aux/setup.sh test
#
# Safe to run again: packages are installed only when missing, and _build is
# configured only when it is not a working build directory yet.

set -euo pipefail

# Everything needed to build, run and test, on Debian 12 (bookworm).
PACKAGES=(
  # Each line says who needs it. Checked on a bare Debian 12 (debootstrap
  # minbase + git) with ../shared/tools/fresh-machine: nothing the build or a
  # test uses may be missing here, or CI on a new machine fails.
  # build: compiler, meson, the libraries, glib-compile-resources/-schemas
  gcc meson ninja-build pkg-config
  libgtk-4-dev libadwaita-1-dev libxml2-dev libglib2.0-dev-bin
  # test-workshop presses keys on the X server through XTEST (the workshop's
  # keyboard-only run): built with the other tests, so a build dependency
  libxtst-dev
  # iso-codes: the country list (its JSON at build time, its iso_3166-1
  # translations at run time) for the help page's regions
  iso-codes
  # translations (msgfmt, xgettext, itstool) and the data validators
  # (desktop-file-validate, appstreamcli); rsvg-convert (librsvg2-bin) renders
  # the avatars to PNG at build time and the icons for their test;
  # librsvg2-common is gdk-pixbuf's SVG loader, for the theme's icons at run time
  gettext itstool desktop-file-utils appstream librsvg2-bin librsvg2-common
  # fonts for every language and for the emoji in chat messages; the handout
  # tests read Arabic back from the PDFs, which needs them
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  # headless tests: xvfb-run (needs xauth), dbus-run-session, the a11y bus
  xvfb xauth dbus dbus-x11 at-spi2-core
  # python3 runs build-aux/language-names.py at build time; dogtail and pyatspi
  # read the app through the AT-SPI tree (TESTING.md); pdftotext/pdfinfo read
  # the handouts back; imagemagick's import takes screenshots (../shared/tools/shot);
  # locales has localedef, for the test that a US locale prints on Letter paper
  python3 python3-dogtail python3-pyatspi poppler-utils imagemagick locales
  # clang + its runtime for the fuzzers (docs/fuzzing.md), valgrind for the
  # memcheck stage, strace for the no-network test
  clang libclang-rt-14-dev valgrind strace
  # read aloud: libspeechd-dev to build against speech-dispatcher; the server
  # and its espeak-ng voices (all six languages) for the app and for
  # test-speaker, which starts a private speech-dispatcher and reads its log
  speech-dispatcher speech-dispatcher-espeak-ng libspeechd-dev espeak-ng
)

BUILD_DIR=_build
ASAN_BUILD_DIR=_build-asan
ASAN_OPTIONS_MESON=(-Db_sanitize=address,undefined -Db_lundef=false)

say () { printf '\n==> %s\n' "$*"; }
die () { printf '\nsetup.sh: %s\n' "$*" >&2; exit 1; }

usage () {
  cat >&2 <<USAGE
Usage: bash build-aux/setup.sh run|test

  run    install the packages, build in $BUILD_DIR, start Upstander
  test   install the packages, build in $BUILD_DIR, run every test headless,
         run the content-engine tests under valgrind, then build in
         $ASAN_BUILD_DIR with AddressSanitizer and UBSan and run every test again
USAGE
  exit 2
}

missing_packages () {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
      printf '%s\n' "$pkg"
    fi
  done
}

install_packages () {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "This is not a Debian system: install these packages (or your system's equivalents) yourself:"
    printf '    %s\n' "${PACKAGES[@]}"
    return 0
  fi

  local missing
  mapfile -t missing < <(missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    say "All ${#PACKAGES[@]} packages are installed."
    return 0
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || die "these packages are missing and sudo is not available: ${missing[*]}
Install them as root (apt-get install ${missing[*]}), then run this script again."
    sudo=(sudo)
  fi

  say "Installing ${#missing[@]} missing packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

configure () {
  local BUILD_DIR=${1:-$BUILD_DIR}
  shift || true
  if [ -f "$BUILD_DIR/meson-private/coredata.dat" ]; then
    # A configured build directory: ninja re-runs meson by itself whenever a
    # meson.build changes. Reconfigure only when the last configuration did not
    # finish, or when the directory was made by another version of meson.
    local made_with
    made_with=$(sed -n 's/.*"meson_version": *{ *"full": *"\([^"]*\)".*/\1/p' \
      "$BUILD_DIR/meson-info/meson-info.json" 2>/dev/null || true)
    if [ ! -f "$BUILD_DIR/build.ninja" ] || [ "$made_with" != "$(meson --version)" ]; then
      say "Reconfiguring $BUILD_DIR"
      meson setup --reconfigure "$BUILD_DIR" "$@"
    fi
  else
    # Also the way out of a first set-up that failed half-way.
    say "Configuring $BUILD_DIR"
    meson setup "$BUILD_DIR" "$@"
  fi
}

build () {
  local BUILD_DIR=${1:-$BUILD_DIR}
  say "Building in $BUILD_DIR"
  meson compile -C "$BUILD_DIR"
}

run_app () {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    die "there is no display to show the app on (neither DISPLAY nor WAYLAND_DISPLAY is set).
Run this from a desktop session, or run the tests headless with: bash build-aux/setup.sh test"
  fi
  [ -x "$BUILD_DIR/src/upstander" ] || die "the build did not produce $BUILD_DIR/src/upstander."
  say "Starting Upstander"
  meson devenv -C "$BUILD_DIR" ./src/upstander
}

headless () {
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- "$@"
}

# Runs one stage of the tests; remembers a failure and carries on.
FAILED_STAGES=()
stage () {
  local name=$1
  shift
  say "$name"
  if "$@"; then
    say "$name: passed."
  else
    say "$name: FAILED (exit status $?)."
    FAILED_STAGES+=("$name")
  fi
}

run_tests () {
  stage "Tests, headless (Xvfb and a private session bus)" \
    headless meson test -C "$BUILD_DIR" --print-errorlogs

  # The content engine reads untrusted files: run its tests (hostile bundles,
  # fuzz corpora, progress faults) under memcheck too. Definite leaks fail.
  stage "Content-engine tests under valgrind memcheck" \
    meson test -C "$BUILD_DIR" --setup valgrind --suite content --print-errorlogs

  # Everything again with AddressSanitizer and UBSan.
  configure "$ASAN_BUILD_DIR" "${ASAN_OPTIONS_MESON[@]}"
  build "$ASAN_BUILD_DIR"
  stage "Tests with AddressSanitizer and UBSan ($ASAN_BUILD_DIR)" \
    headless meson test -C "$ASAN_BUILD_DIR" --print-errorlogs

  if [ "${#FAILED_STAGES[@]}" -eq 0 ]; then
    say "All tests passed: plain, valgrind memcheck, and sanitizers."
    return 0
  fi
  say "Failed: ${FAILED_STAGES[*]}. Logs: $BUILD_DIR/meson-logs/ and $ASAN_BUILD_DIR/meson-logs/"
  return 1
}

main () {
  [ "$#" -eq 1 ] || usage
  case "$1" in
    run|test) ;;
    *) usage ;;
  esac

  # Work from the repository root, wherever this was started from.
  cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

  install_packages
  configure
  build

  case "$1" in
    run) run_app ;;
    test) run_tests ;;
  esac
}

main "$@"
