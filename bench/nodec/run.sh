#!/bin/sh
# run.sh NODEC MEASURE [NAME...] - the nodec benchmarks against node, each
# bench/nodec/<name>.sh (all of them when no name is given), RUNS rounds
# (default 5).  Needs node; prints bench= lines (see lib.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
NODEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
MEASURE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
shift 2
export NODEC MEASURE RUNS="${RUNS:-5}"
if ! command -v node >/dev/null 2>&1; then
  echo "# nodec benchmarks: no node to compare with"
  exit 0
fi
[ $# -gt 0 ] || set -- $(cd "$here" && ls *.sh | grep -v -e '^run\.sh$' -e '^lib\.sh$' | sed 's/\.sh$//')
echo "# nodec benchmarks against node $(node --version): $RUNS rounds, medians"
status=0
for name in "$@"; do
  sh "$here/$name.sh" || { echo "# $name failed"; status=1; }
done
exit $status
