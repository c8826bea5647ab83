#!/bin/sh
# The C example in README.md compiles against the tree and runs.
set -eu
BUILD=${1:-build}
dir="$BUILD/readme"
mkdir -p "$dir"
awk '/^```c$/ { on = 1; next } /^```$/ { on = 0 } on' README.md > "$dir/example.c"
[ -s "$dir/example.c" ] || { echo "no C example in README.md"; exit 1; }
# The compiler and flags this build used (the Makefile records them).
# shellcheck disable=SC2046
$(cat "$BUILD/.flags") -o "$dir/example" "$dir/example.c" \
  "$BUILD/libnodec.a" -luring -lcares -lmbedtls -lmbedx509 -lmbedcrypto -lpthread
out=$("$dir/example")
echo "$out"
case $out in
  "tick at "*" ms") ;;
  *) echo "unexpected output"; exit 1 ;;
esac
