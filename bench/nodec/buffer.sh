#!/bin/sh
# buffer.sh - Buffer encoding throughput, nodec against node.
#
#   bench/nodec/buffer.sh [NODEC]      (default: build/nodec)
#
# Runs bench/nodec/buffer.js under node and under NODEC, one operation at
# a time and the two runtimes back to back, RUNS times (default 5), so
# that a busy machine weighs on both alike.  Each process reports the
# median of 5 rounds of CPU time on 1 MB; the figure printed is the
# median of those over the RUNS processes (one process's figure swings
# with where its collector happens to run):
#   bench=buffer_<op> impl=<node|nodec> value=<MB/s> unit=MB/s
#   bench=buffer_<op> impl=nodec/node value=<ratio> unit=ratio
# The four operations of the target come first (base64_decode:
# Buffer.from(str, 'base64'); hex_encode: buf.toString('hex');
# utf8_encode: Buffer.from(str); utf8_decode: buf.toString()), then the
# UTF-8 pair again on pure ASCII text.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
nodec=${NODEC:-${1:-$here/../../build/nodec}}
[ -x "$nodec" ] || { echo "buffer.sh: $nodec is missing" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "buffer.sh: node is not installed" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ops="base64_decode hex_encode utf8_encode utf8_decode utf8_encode_ascii utf8_decode_ascii"
r=0
while [ $r -lt "${RUNS:-5}" ]; do
  for op in $ops; do
    node "$here/buffer.js" "$op" | field value >>"$dir/$op.node" || exit 1
    "$nodec" "$here/buffer.js" "$op" | field value >>"$dir/$op.nodec" || exit 1
  done
  r=$((r + 1))
done
for op in $ops; do
  x=$(median <"$dir/$op.nodec") y=$(median <"$dir/$op.node")
  echo "bench=buffer_$op impl=nodec value=$x unit=MB/s"
  echo "bench=buffer_$op impl=node value=$y unit=MB/s"
  echo "bench=buffer_$op impl=nodec/node value=$(awk "BEGIN { printf \"%.3f\", $x / $y }") unit=ratio"
done
