#!/bin/sh
# esm-startup.sh - wall time of an ES module hello world (an entry
# .mjs importing a second module and a built-in), under nodec and node.
#
#   bench/nodec/esm-startup.sh [NODEC]      (default build/nodec)
#
# Each runtime runs the program RUNS times (default 5), alternating so
# drift in the machine hits both alike; the median of each is printed as
#   bench=esm_startup impl=<nodec|node> value=<ms> unit=ms
# followed by bench=esm_startup_ratio impl=nodec value=<nodec/node>
# unit=x (the target is at most 0.35).
set -u
nodec=${NODEC:-${1:-build/nodec}}
runs=${RUNS:-5}
[ -x "$nodec" ] || { echo "esm-startup.sh: $nodec is missing" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "bench=esm_startup impl=node skip=no-node"; exit 0; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/hello.mjs" <<'JS'
import { greet } from './greet.mjs';
import { sep } from 'node:path';
console.log(greet('world'), sep);
JS
cat > "$dir/greet.mjs" <<'JS'
export const greet = (who) => `hello ${who}`;
JS

now_ns() { date +%s%N; }
# ms for one run of "$@" (output discarded; a failure ends the benchmark)
once() {
  t0=$(now_ns)
  "$@" "$dir/hello.mjs" >/dev/null || { echo "esm-startup.sh: $* failed" >&2; exit 1; }
  t1=$(now_ns)
  echo $(( (t1 - t0) / 1000 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; printf "%.2f\n", m / 1000 }'; }

: > "$dir/nodec.us"
: > "$dir/node.us"
i=0
while [ $i -lt "$runs" ]; do
  once "$nodec" >> "$dir/nodec.us"
  once node >> "$dir/node.us"
  i=$((i + 1))
done
a=$(median < "$dir/nodec.us")
b=$(median < "$dir/node.us")
echo "bench=esm_startup impl=nodec value=$a unit=ms"
echo "bench=esm_startup impl=node value=$b unit=ms"
awk -v a="$a" -v b="$b" 'BEGIN { printf "bench=esm_startup_ratio impl=nodec value=%.3f unit=x\n", a / b }'
