#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# no-network.sh: the app links no networking library, and playing it through
# connects to no inet socket (AF_UNIX, for X and D-Bus, is fine).
#
#   no-network.sh UPSTANDER TEST-WINDOW TEST-TEXT-SAFETY
#
# Prints TAP. Run by meson under Xvfb like the other widget tests.
set -uo pipefail

upstander=$1
test_window=$2
test_text_safety=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

echo "1..5"

# 1. What the binary itself asks for: only these libraries (Pango and cairo
# draw the handout PDF; gdk-pixbuf draws the characters' SVG avatars, as GTK
# itself does its icons; libspeechd talks to the local speech-dispatcher over
# a Unix socket, for read aloud).
# (and the sanitizers' runtimes, in the -Db_sanitize build)
allowed='^(libglib-2\.0|libgio-2\.0|libgobject-2\.0|libxml2|libgtk-4|libadwaita-1|libpango-1\.0|libpangocairo-1\.0|libcairo|libgdk_pixbuf-2\.0|libspeechd|libc|libm|libasan|libubsan)\.so'
needed=$(readelf -d "$upstander" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
unexpected=$(printf '%s\n' "$needed" | grep -Ev "$allowed" || true)
if [ -n "$needed" ] && [ -z "$unexpected" ]; then
  ok "links only GLib, libxml2, GTK, libadwaita, Pango, cairo, gdk-pixbuf, libspeechd and libc ($(echo $needed))"
else
  not_ok "links something else: $(echo ${unexpected:-nothing at all?})"
fi

# 2. Everything they pull in, transitively: no HTTP, TLS or resolver library.
network='lib(curl|soup|nghttp2|nghttp3|ngtcp2|ssl|crypto|gnutls|nss3|ssh|psl|proxy|rtmp|ldap|resolv|webkit|javascriptcore|gssapi|krb5|avahi|gupnp)[-.0-9_]*\.so'
found=$(ldd "$upstander" | awk '{print $1}' | grep -E "$network" || true)
if [ -z "$found" ]; then
  ok "no networking library among $(ldd "$upstander" | wc -l) loaded libraries"
else
  not_ok "networking libraries are loaded: $(echo $found)"
fi

# LeakSanitizer cannot run under ptrace; the other tests look for leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"

# Runs a command under strace; fails if it connects or sends to an inet
# address. Some AF_UNIX connect must be seen, or the trace saw nothing.
traced () {
  local name=$1 log="$tmp/$1.trace"
  shift
  strace -f -qq -e trace=connect,sendto,sendmsg,bind -e signal=none -o "$log" "$@" >"$tmp/$name.out" 2>&1
  local status=$?
  if grep -E 'AF_INET6?\b' "$log" >"$tmp/$name.inet"; then
    not_ok "$name: inet traffic: $(head -3 "$tmp/$name.inet")"
  elif ! grep -q 'AF_UNIX' "$log"; then
    not_ok "$name: the trace shows no connection at all (exit status $status)"
  elif [ "$status" -ne "${EXPECT_STATUS:-0}" ]; then
    not_ok "$name: exit status $status"
    sed 's/^/# /' "$tmp/$name.out" | tail -20
  else
    ok "$name: $(grep -c 'AF_UNIX' "$log") AF_UNIX calls, no AF_INET or AF_INET6"
  fi
}

# 3. The app itself, started for real and quit (SIGTERM) after a few seconds.
EXPECT_STATUS=124 traced app-startup timeout -s TERM 5 "$upstander"

# 4. Full playthroughs of the window: both stories to their endings, help, guides.
traced text-safety-playthrough "$test_text_safety"
traced window-playthrough "$test_window" -p /upstander/window/plays-to-ending \
  -p /upstander/window/feed-and-content-note -p /upstander/window/help-and-guides

exit $failed
