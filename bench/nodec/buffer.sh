#!/bin/sh
# buffer.sh - Buffer encoding throughput, nodec against node.
#
#   bench/nodec/buffer.sh [NODEC]      (default: build/nodec)
#
# Runs bench/buffer.js under node and under NODEC, one operation at
# a time and the two runtimes back to back, so that a busy machine weighs
# on both alike.  Each line is the median of 5 rounds of CPU time on 1 MB:
#   bench=buffer_<op> impl=<node|nodec> value=<MB/s> unit=MB/s
# then, on stderr, nodec's throughput as a ratio of node's for each op.
# The four operations of the target come first (base64_decode:
# Buffer.from(str, 'base64'); hex_encode: buf.toString('hex');
# utf8_encode: Buffer.from(str); utf8_decode: buf.toString()), then the
# UTF-8 pair again on pure ASCII text.
set -u
here=$(cd "$(dirname "$0")" && pwd)
nodec=${NODEC:-${1:-$here/../../build/nodec}}
[ -x "$nodec" ] || { echo "buffer.sh: $nodec is missing" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "buffer.sh: node is not installed" >&2; exit 1; }

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for op in base64_decode hex_encode utf8_encode utf8_decode \
    utf8_encode_ascii utf8_decode_ascii; do
  for rt in node "$nodec"; do
    "$rt" "$here/buffer.js" "$op" | tee -a "$out" || exit 1
  done
done
awk '{
  split($1, b, "="); split($2, i, "="); split($3, v, "=");
  val[b[2], i[2]] = v[2]; if (!(b[2] in seen)) { seen[b[2]] = 1; order[n++] = b[2] }
} END {
  for (k = 0; k < n; k++) {
    name = order[k]
    if (val[name, "node"] > 0)
      printf "ratio %s nodec/node = %.2f\n", name, val[name, "nodec"] / val[name, "node"] > "/dev/stderr"
  }
}' "$out"
