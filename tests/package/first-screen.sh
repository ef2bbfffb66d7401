#!/usr/bin/env bash
# Starts a Ladder binary on a private Xvfb display with an empty data folder, photographs
# the screen and checks that Ladder's own first screen was drawn.
# usage: tests/package/first-screen.sh BINARY OUT.png
#
# What is checked, and what it catches:
# - the process is still running after the wait (a missing library, a bad link or a
#   panic at start ends it);
# - the data folder holds ladder.sqlite3 (the Rust side started and ran its migrations);
# - a window named "Ladder" is mapped (GTK and the window came up);
# - the picture has a patch of the accent colour (#2f5d50, the sidebar's logo and the
#   current screen's entry): only the embedded UI with its stylesheet paints it. A blank
#   web view, WebKit's "could not connect" page (a binary built without its UI) or a page
#   the CSP broke would not.
set -euo pipefail
bin=${1:?usage: first-screen.sh BINARY OUT.png}
out=${2:?usage: first-screen.sh BINARY OUT.png}
wait_s=${FIRST_SCREEN_WAIT:-8}
min_accent=${FIRST_SCREEN_MIN_ACCENT:-300}

work=$(mktemp -d)
d=90; while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xpid=$!
apid=
cleanup() {
  [ -n "$apid" ] && { kill -- -"$apid" 2>/dev/null || kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true; }
  kill "$xpid" 2>/dev/null || true
  wait "$xpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done

mkdir -p "$work/data" "$work/xdg/data" "$work/xdg/config" "$work/xdg/cache"
DISPLAY=":$d" LADDER_DATA_DIR="$work/data" XDG_DATA_HOME="$work/xdg/data" \
  XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache" \
  setsid "$bin" >"${out%.png}.log" 2>&1 &
apid=$!
sleep "$wait_s"
DISPLAY=":$d" import -window root "$out"

fail() { echo "first-screen: $bin: $*" >&2; echo "--- its output (${out%.png}.log):" >&2; tail -20 "${out%.png}.log" >&2; exit 1; }
kill -0 "$apid" 2>/dev/null || fail "the app exited within ${wait_s} s"
[ -s "$work/data/ladder.sqlite3" ] || fail "no ladder.sqlite3 in its data folder"
DISPLAY=":$d" xdotool search --onlyvisible --name '^Ladder$' >/dev/null || fail "no visible window named Ladder"
accent=$(convert-im6.q16 "$out" -alpha off -fill black +opaque '#2f5d50' -fill white -opaque '#2f5d50' \
  -format '%[fx:round(mean*w*h)]' info: 2>/dev/null || convert "$out" -alpha off -fill black +opaque '#2f5d50' \
  -fill white -opaque '#2f5d50' -format '%[fx:round(mean*w*h)]' info:)
[ "$accent" -ge "$min_accent" ] || fail "the screen has $accent pixels of the accent colour (< $min_accent): Ladder's UI was not drawn ($out)"
echo "first-screen: $bin drew Ladder's first screen ($accent accent pixels; $out)"
