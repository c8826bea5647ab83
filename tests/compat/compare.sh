#!/bin/sh
# Each libuv program of tests/compat/, linked with Debian's libuv and with
# libnodec, must print the same transcript.
set -eu
BUILD=${1:-build}
status=0
for src in tests/compat/*.c; do
  name=$(basename "$src" .c)
  a=$("$BUILD/compat/$name-libuv")
  b=$("$BUILD/compat/$name-libnodec")
  if [ "$a" != "$b" ]; then
    echo "$name: transcripts differ (libuv < > libnodec):"
    printf '%s\n' "$a" > "$BUILD/compat/$name.libuv.out"
    printf '%s\n' "$b" > "$BUILD/compat/$name.libnodec.out"
    diff "$BUILD/compat/$name.libuv.out" "$BUILD/compat/$name.libnodec.out" || true
    status=1
    continue
  fi
  printf '%s\n' "$b"
  echo "$name: identical, $(printf '%s\n' "$b" | wc -l) lines"
done
exit $status
