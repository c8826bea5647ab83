#!/bin/sh
# require200.sh - requiring 200 small CommonJS modules (each requires the
# previous one's neighbour and exports a function), timed inside the
# program around the require calls, and the whole run's wall time.
# Target: nodec at most 0.5x node's time.
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/mods/node_modules/dep"
echo 'module.exports = { twice: (x) => 2 * x };' >"$dir/mods/node_modules/dep/index.js"
i=0
while [ $i -lt 200 ]; do
  if [ $((i % 4)) -eq 0 ]; then
    printf "const dep = require('dep');\nmodule.exports = function m%d(x) { return dep.twice(x) + %d; };\n" $i $i
  else
    printf "'use strict';\nconst n = %d;\nmodule.exports = function m%d(x) { return x + n; };\n" $i $i
  fi >"$dir/mods/m$i.js"
  i=$((i + 1))
done
cat >"$dir/main.js" <<'EOJ'
const start = process.hrtime.bigint();
let sum = 0;
for (let i = 0; i < 200; i++) sum += require(`./mods/m${i}`)(i);
const ns = process.hrtime.bigint() - start;
let want = 0;
for (let i = 0; i < 200; i++) want += i % 4 === 0 ? 3 * i : 2 * i;
if (sum !== want) throw new Error(`sum ${sum}, want ${want}`);
process.stdout.write(`${Number(ns) / 1e6}\n`);
EOJ
# In-program time of the 200 requires: the median of RUNS runs each.
a=$(mktemp) b=$(mktemp)
r=0
while [ $r -lt "${RUNS:-5}" ]; do
  "$NODEC" "$dir/main.js" >>"$a"
  node "$dir/main.js" >>"$b"
  r=$((r + 1))
done
x=$(median <"$a") y=$(median <"$b")
rm -f "$a" "$b"
echo "bench=require200 impl=nodec value=$x unit=ms"
echo "bench=require200 impl=node value=$y unit=ms"
echo "bench=require200 impl=nodec/node value=$(awk "BEGIN { printf \"%.3f\", $x / $y }") unit=ratio"
compare require200_run wall_ms ms "$dir/main.js"
