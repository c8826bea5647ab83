# lib.sh - what the nodec benchmarks share (sourced by bench/nodec/*.sh).
#
# $NODEC is the nodec binary, $MEASURE bench/nodec/measure's binary, $RUNS
# the rounds.  compare NAME FIELD UNIT ARGS... runs `nodec ARGS` and
# `node ARGS` once each per round, alternating so that both see the same
# machine, and prints the median of FIELD (wall_ms, cpu_ms or rss_kb, as
# measure prints them) for each, then nodec's ratio to node:
#
#   bench=NAME impl=nodec value=... unit=UNIT
#   bench=NAME impl=node value=... unit=UNIT
#   bench=NAME impl=nodec/node value=... unit=ratio

median() { sort -n | awk '{ v[NR] = $1 } END {
  if (NR == 0) exit 1
  if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

field() { # FIELD: the value of FIELD= in measure's line on stdin
  tr ' ' '\n' | sed -n "s/^$1=//p"
}

compare() {
  name=$1 fieldname=$2 unit=$3
  shift 3
  a=$(mktemp) b=$(mktemp)
  r=0
  while [ $r -lt "${RUNS:-5}" ]; do
    "$MEASURE" 1 "$NODEC" "$@" | field "$fieldname" >>"$a" || { rm -f "$a" "$b"; return 1; }
    "$MEASURE" 1 node "$@" | field "$fieldname" >>"$b" || { rm -f "$a" "$b"; return 1; }
    r=$((r + 1))
  done
  x=$(median <"$a") y=$(median <"$b")
  rm -f "$a" "$b"
  echo "bench=$name impl=nodec value=$x unit=$unit"
  echo "bench=$name impl=node value=$y unit=$unit"
  echo "bench=$name impl=nodec/node value=$(awk "BEGIN { printf \"%.3f\", $x / $y }") unit=ratio"
}
