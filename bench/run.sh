#!/bin/sh
# run.sh - run the benchmarks against libuv and libnodec, side by side.
#
#   bench/run.sh [BINDIR [NAME...]]
#
# For every benchmark NAME (default: $BENCH, else every BINDIR/*-libuv) it
# runs BINDIR/NAME-libuv once, then BINDIR/NAME-libnodec once per backend in
# $BACKENDS (default "io_uring epoll", each run with ND_BACKEND=<backend>),
# and all that RUNS times (default 3), so slow drift in the machine hits
# every implementation alike.  libnodec's results are labelled
# impl=libnodec-<backend>.  Each run is pinned to one CPU with taskset when
# it works (BENCH_CPU=<list> picks the CPUs, default the last one) and
# killed after BENCH_TIMEOUT seconds (default 600).  A run that fails is
# reported and left out of the median; the script then exits 1.
#
# A benchmark with a driver script, bench/NAME.sh (http_hello: a server
# loaded by wrk), is run as `bench/NAME.sh BINARY` instead of BINARY, under
# the same timeout but not pinned: the script pins the program to CPU
# $BENCH_CPU and its load generator to another one itself, and prints the
# same result lines.
#
# A binary that prints `bench=NAME impl=IMPL skip=WHY` instead of results
# (dns_resolve built against libuv, which has no resolver) is reported as
# skipped, not failed; its column in the summary reads n/a.
# A benchmark libuv has no part in (http_parse: libuv has no HTTP parser;
# tls_pump and tls_handshake: libuv has no TLS) builds its "libuv" binary
# against something else and says so in impl= (impl=http_parser,
# impl=mbedtls); it runs in the libuv slot, the medians keep its name, and
# the summary takes it as the baseline of the ratios.
#
# Output: every run's result as a comment, then the median per benchmark
# and implementation as `bench=<name> impl=<impl> value=<v> unit=<u>` lines,
# then a summary table with one ratio to libuv per backend.  `make bench` is
# the usual way in.
set -u

bindir=${1:-build/bench}
[ $# -gt 0 ] && shift
names=$*
[ -z "$names" ] && names=${BENCH:-}
if [ -z "$names" ]; then
  for f in "$bindir"/*-libuv; do
    [ -e "$f" ] || continue
    f=${f##*/}
    names="$names ${f%-libuv}"
  done
fi
if [ -z "$names" ]; then
  echo "run.sh: no benchmarks in $bindir (run make bench-build)" >&2
  exit 1
fi

runs=${RUNS:-3}
case $runs in
  ''|*[!0-9]*|0) echo "run.sh: RUNS must be a positive integer" >&2; exit 1 ;;
esac
backends=${BACKENDS:-io_uring epoll}
for b in $backends; do
  case $b in
    *[!A-Za-z0-9_]*)
      echo "run.sh: bad backend name '$b' in BACKENDS" >&2
      exit 1 ;;
  esac
done
impls=libuv
for b in $backends; do
  impls="$impls libnodec-$b"
done

# Pin to one CPU: the last one by default, which usually takes fewer
# interrupts than CPU 0.
cpu=${BENCH_CPU:-}
if [ -z "$cpu" ]; then
  ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
  cpu=$((ncpu - 1))
fi
pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null
then
  pin="taskset -c $cpu"
fi
limit=""
if command -v timeout >/dev/null 2>&1; then
  limit="timeout ${BENCH_TIMEOUT:-600}"
fi

benchdir=$(dirname "$0")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nodec-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
results=$tmp/results
: > "$results"
failed=0

echo "# libnodec benchmarks: $runs runs per implementation, alternating"
echo "# host: $(uname -srm), $(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null |
  sed 's/.*: //'), $(nproc 2>/dev/null || echo '?') CPUs"
if [ -n "$pin" ]; then
  echo "# pinned: $pin"
else
  echo "# not pinned: taskset is missing or refused CPU $cpu"
fi
echo "# libnodec backends: $backends"
if command -v pkg-config >/dev/null 2>&1; then
  echo "# libuv $(pkg-config --modversion libuv 2>/dev/null || echo '?')"
fi

# Describes an exit status: a signal, a timeout or a plain code.
describe_status() {
  if [ -n "$limit" ] && [ "$1" -eq 124 ]; then
    echo "timed out after ${BENCH_TIMEOUT:-600} s"
  elif [ "$1" -gt 128 ]; then
    echo "killed by signal $(($1 - 128)) ($(kill -l $(($1 - 128)) 2>/dev/null))"
  else
    echo "exit status $1"
  fi
}

for name in $names; do
  echo "#"
  echo "# $name"
  for bin in "$bindir/$name-libuv" "$bindir/$name-libnodec"; do
    if [ ! -x "$bin" ]; then
      echo "# $name: $bin is missing (run make bench-build)"
      failed=1
    fi
  done
  i=1
  while [ "$i" -le "$runs" ]; do
    for impl in $impls; do
      case $impl in
        libnodec-*) bin=$bindir/$name-libnodec ;;
        *) bin=$bindir/$name-$impl ;;
      esac
      [ -x "$bin" ] || continue
      # A driver script pins what it starts itself.
      run_pin=$pin
      driver=""
      if [ -f "$benchdir/$name.sh" ]; then
        run_pin=""
        driver="sh $benchdir/$name.sh"
      fi
      # shellcheck disable=SC2086 # $limit, $run_pin and $driver are word lists
      case $impl in
        libnodec-*)
          BENCH_CPU=$cpu ND_BACKEND=${impl#libnodec-} \
            $limit $run_pin $driver "$bin" > "$tmp/out" 2> "$tmp/err"
          status=$? ;;
        *)
          (unset ND_BACKEND; BENCH_CPU=$cpu exec $limit $run_pin $driver "$bin") \
            > "$tmp/out" 2> "$tmp/err"
          status=$? ;;
      esac
      # An implementation without the feature says skip=<why> instead.
      skip=$(grep '^bench=.* skip=' "$tmp/out" | head -n 1)
      if [ "$status" -eq 0 ] && [ -n "$skip" ]; then
        echo "#   run $i/$runs $impl: skipped, ${skip#* skip=}"
        continue
      fi
      # The binary says impl=libnodec; the label names the backend too.
      lines=$(grep '^bench=' "$tmp/out" |
        sed -e "s/ impl=libnodec / impl=$impl /" \
          -e "s/ impl=libnodec\$/ impl=$impl/")
      if [ "$status" -ne 0 ] || [ -z "$lines" ]; then
        failed=1
        if [ "$status" -eq 0 ]; then
          echo "#   run $i/$runs $impl: FAILED, no result line"
        else
          echo "#   run $i/$runs $impl: FAILED, $(describe_status "$status")"
        fi
        tail -n 20 "$tmp/err" | sed 's/^/#     stderr: /'
        continue
      fi
      sed 's/^/#     stderr: /' "$tmp/err"
      echo "$lines" | sed "s|^|#   run $i/$runs: |"
      echo "$lines" >> "$results"
    done
    i=$((i + 1))
  done
done

# Medians, in the order the results first appeared.  Lower is better for
# sizes, times and CPU time per operation (units B..GiB, s..ns, or a time per
# something such as us/roundtrip) and for results named *_rss or *_cpu; for
# everything else (rates) higher is better.
awk -v runs="$runs" -v implist="$impls" -v backends="$backends" '
  function median(key,   n, i, j, v, t) {
    n = count[key]
    for (i = 1; i <= n; i++)
      v[i] = vals[key, i]
    for (i = 2; i <= n; i++) {
      t = v[i]
      for (j = i - 1; j >= 1 && v[j] > t; j--)
        v[j + 1] = v[j]
      v[j + 1] = t
    }
    if (n % 2)
      return v[(n + 1) / 2]
    return (v[n / 2] + v[n / 2 + 1]) / 2
  }
  function fmt(x) {
    return x >= 1000 ? sprintf("%.0f", x) : sprintf("%.2f", x)
  }
  {
    bench = impl = value = unit = ""
    for (f = 1; f <= NF; f++) {
      split($f, kv, "=")
      if (kv[1] == "bench") bench = kv[2]
      else if (kv[1] == "impl") impl = kv[2]
      else if (kv[1] == "value") value = kv[2]
      else if (kv[1] == "unit") unit = kv[2]
    }
    if (bench == "" || impl == "" || value == "")
      next
    if (!(bench in seen)) {
      seen[bench] = 1
      order[++nbench] = bench
      units[bench] = unit
    }
    key = bench SUBSEP impl
    if (!(key in count)) {
      count[key] = 0
      impls[bench] = impls[bench] " " impl
    }
    vals[key, ++count[key]] = value + 0
  }
  END {
    print "#"
    print "# medians of " runs " run(s) per implementation"
    for (b = 1; b <= nbench; b++) {
      bench = order[b]
      n = split(implist impls[bench], il, " ")
      for (k = 1; k <= n; k++) {
        key = bench SUBSEP il[k]
        if (done[key]++)
          continue
        if (!(key in count)) {
          # A benchmark without a libuv side reports another baseline.
          if (il[k] == "libuv" && impls[bench] !~ / libuv( |$)/ &&
              impls[bench] ~ / [^l ]/)
            continue
          printf "# bench=%s impl=%s: no successful run\n", bench, il[k]
          continue
        }
        med[key] = median(key)
        note = count[key] < runs ? \
          "  # only " count[key] " of " runs " runs succeeded" : ""
        printf "bench=%s impl=%s value=%s unit=%s%s\n", bench, il[k],
          fmt(med[key]), units[bench], note
      }
    }
    nb = split(backends, bl, " ")
    print ""
    print "Summary (medians; ratio = libnodec-<backend> / libuv, > 1 means " \
      "libnodec is better)"
    printf "%-20s %-14s %12s", "benchmark", "unit", "libuv"
    for (k = 1; k <= nb; k++)
      printf " %12s", bl[k]
    for (k = 1; k <= nb; k++)
      printf " %14s", "ratio " bl[k]
    printf "\n"
    nlower = 0
    for (b = 1; b <= nbench; b++) {
      bench = order[b]
      unit = units[bench]
      # Sizes, times and cost per operation are better low; rates (x/s) high.
      lower = (bench ~ /_(rss|cpu)$/ ||
               (unit ~ /^(B|KiB|MiB|GiB|s|ms|us|ns)(\/.*)?$/ && unit !~ /\/s$/))
      # The baseline is libuv; a benchmark libuv has no part in (http_parse)
      # names another implementation, which stands in its column.
      base = "libuv"
      if (!((bench SUBSEP base) in med)) {
        nb2 = split(impls[bench], il2, " ")
        for (k = 1; k <= nb2; k++)
          if (il2[k] !~ /^libnodec/) {
            base = il2[k]
            break
          }
        if (base != "libuv")
          notes = notes "  " bench ": the libuv column is " base "\n"
      }
      u = bench SUBSEP base
      printf "%-20s %-14s %12s", bench (lower ? " *" : ""), unit,
        (u in med) ? fmt(med[u]) : "n/a"
      for (k = 1; k <= nb; k++) {
        d = bench SUBSEP "libnodec-" bl[k]
        printf " %12s", (d in med) ? fmt(med[d]) : "n/a"
      }
      for (k = 1; k <= nb; k++) {
        d = bench SUBSEP "libnodec-" bl[k]
        ratio = "n/a"
        if ((u in med) && (d in med)) {
          if (lower && med[d] > 0)
            ratio = sprintf("%.2f", med[u] / med[d])
          else if (!lower && med[u] > 0)
            ratio = sprintf("%.2f", med[d] / med[u])
        }
        printf " %14s", ratio
      }
      printf "\n"
      nlower += lower
    }
    if (notes != "") {
      print ""
      printf "%s", notes
    }
    if (nlower > 0) {
      print ""
      print "* lower is better (memory, CPU time per operation): the ratio " \
        "is libuv / libnodec,"
      print "  so > 1 still means libnodec is better."
    }
  }
' "$results"

if [ "$failed" -ne 0 ]; then
  echo "run.sh: some runs failed; see the FAILED lines above" >&2
  exit 1
fi
exit 0
