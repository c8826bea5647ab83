#!/bin/sh
# record.sh [TEST...] - record what Node prints for each test (every test
# when none is given; paths relative to tests/js) into <test>.expected.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ $# -eq 0 ]; then
  set -- $(find . -name fixtures -prune -o -type f \
    \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.sh' \) \
    -print | sed 's|^\./||' | grep -v -e '^run\.sh$' -e '^record\.sh$' | sort)
fi
for t in "$@"; do
  sh "$here/run.sh" --one node "$here/$t" "$here/${t%.*}.expected"
  rm -f "$here/${t%.*}.expected.err"
done
