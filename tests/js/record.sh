#!/bin/sh
# record.sh [NAME...] - record what Node prints for each test (all when no
# name is given) into tests/js/<name>.expected.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
[ $# -gt 0 ] || set -- *.js *.sh
for name in "$@"; do
  case $name in run.sh|record.sh) continue ;; esac
  base=${name%.*}
  set +e
  case $name in
    *.sh) NODE=node timeout 30 sh "$name" >"$base.body" 2>/dev/null ;;
    *) timeout 30 node "$name" >"$base.body" 2>/dev/null ;;
  esac
  code=$?
  set -e
  { echo "exit $code"; cat "$base.body"; } >"$base.expected"
  rm -f "$base.body"
done
