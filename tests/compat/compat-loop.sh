#!/bin/sh
# The same libuv program, linked with Debian's libuv and with libnodec,
# must print the same transcript.
set -eu
BUILD=${1:-build}
a=$("$BUILD/compat/compat-loop-libuv")
b=$("$BUILD/compat/compat-loop-libnodec")
if [ "$a" != "$b" ]; then
  echo "transcripts differ (libuv < > libnodec):"
  printf '%s\n' "$a" > "$BUILD/compat/compat-loop.libuv.out"
  printf '%s\n' "$b" > "$BUILD/compat/compat-loop.libnodec.out"
  diff "$BUILD/compat/compat-loop.libuv.out" "$BUILD/compat/compat-loop.libnodec.out" || true
  exit 1
fi
printf '%s\n' "$b"
echo "identical: $(printf '%s\n' "$b" | wc -l) lines"
