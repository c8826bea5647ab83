#!/bin/sh
# url.sh - `new URL()` throughput of nodec against node.
#
# Runs url.js (100 000 varied URLs: the special schemes,
# upper-case, IPv4, IPv6 and punycode hosts, ports, dot segments,
# characters to percent-encode; the median of 5 passes of CPU time after a
# warm-up pass) once under $NODEC (see run.sh) and once under node, and
# prints the following.  CPU time is the whole process's: the threads that
# compile JavaScript and collect garbage count too, so a parser that is
# slow to optimize loses in the first passes.
#   bench=url_parse impl=nodec value=<URLs/s> unit=urls/s
#   bench=url_parse impl=node value=<URLs/s> unit=urls/s
#   bench=url_parse impl=nodec/node value=<ratio> unit=ratio
set -u
here=$(cd "$(dirname "$0")" && pwd)
nodec=${NODEC:-$here/../../build/nodec}
a=$("$nodec" "$here/url.js" nodec) || exit 1
b=$(node "$here/url.js" node) || exit 1
echo "$a"
echo "$b"
x=$(echo "$a" | sed -n 's/.* value=\([0-9.]*\) .*/\1/p')
y=$(echo "$b" | sed -n 's/.* value=\([0-9.]*\) .*/\1/p')
echo "bench=url_parse impl=nodec/node value=$(awk "BEGIN { printf \"%.3f\", $x / $y }") unit=ratio"
