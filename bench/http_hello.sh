#!/bin/sh
# http_hello.sh - CPU time per HTTP request of one build of the http_hello
# server (bench/http_hello.c), loaded by wrk.
#
#   bench/http_hello.sh BINARY          (bench/run.sh calls it)
#
# Starts BINARY (build/bench/http_hello-libuv or -libnodec; ND_BACKEND
# picks libnodec's backend) on a free port, pinned to CPU $BENCH_CPU
# (default: the last one), and loads it with
# `wrk -t1 -c$HTTP_CONNECTIONS -d$HTTP_DURATION` (default 50 connections,
# 10s) pinned to another CPU, after a 1 s warm-up.  The server's CPU time
# is utime + stime from /proc/PID/stat just before and just after the
# measured wrk run; the request count is wrk's.  Then SIGTERM, and the
# server must exit with status 0.
#
# Prints, like the C benchmarks:
#   bench=http_hello impl=<impl> value=<server CPU us per request> unit=us/req
#   bench=http_hello_rps impl=<impl> value=<requests per second> unit=req/s
# where impl is libuv or libnodec, from the binary's name (run.sh adds the
# backend).  With one CPU the two cannot be pinned apart; it says so on
# stderr and runs unpinned.
set -u

bin=${1:?usage: http_hello.sh BINARY}
[ -x "$bin" ] || { echo "http_hello.sh: $bin is missing" >&2; exit 1; }
case $bin in
  *-libuv) impl=libuv ;;
  *-libnodec) impl=libnodec ;;
  *) echo "http_hello.sh: cannot tell the implementation of $bin" >&2; exit 1 ;;
esac
conns=${HTTP_CONNECTIONS:-50}
duration=${HTTP_DURATION:-10s}
for tool in wrk; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "http_hello.sh: $tool is not installed (scripts/install-deps.sh)" >&2
    exit 1
  }
done

ncpu=$(nproc 2>/dev/null || echo 1)
scpu=${BENCH_CPU:-$((ncpu - 1))}
scpu=${scpu%%[,-]*}                  # the first CPU of a list
wcpu=0
[ "$scpu" -eq 0 ] && wcpu=1
spin="" wpin=""
if [ "$ncpu" -ge 2 ] && command -v taskset >/dev/null 2>&1 &&
   taskset -c "$scpu" true 2>/dev/null && taskset -c "$wcpu" true 2>/dev/null
then
  spin="taskset -c $scpu"
  wpin="taskset -c $wcpu"
  echo "http_hello: server on CPU $scpu, wrk on CPU $wcpu" >&2
else
  echo "http_hello: not pinned (one CPU, or taskset refused)" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/http_hello.XXXXXX") || exit 1
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck disable=SC2086 # $spin is a word list
$spin "$bin" 0 > "$tmp/out" 2> "$tmp/err" &
pid=$!
port=""
i=0
while [ $i -lt 200 ]; do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$tmp/out")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
  i=$((i + 1))
done
if [ -z "$port" ]; then
  echo "http_hello.sh: the server did not start" >&2
  cat "$tmp/err" >&2
  exit 1
fi
url="http://127.0.0.1:$port/"

# utime + stime of the server, in clock ticks (fields 14 and 15; the
# command name, field 2, is in parentheses and may hold spaces).
cpu_ticks() {
  sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'
}

# shellcheck disable=SC2086 # $wpin is a word list
$wpin wrk -t1 -c"$conns" -d1s "$url" > /dev/null 2>&1
t0=$(cpu_ticks)
# shellcheck disable=SC2086
$wpin wrk -t1 -c"$conns" -d"$duration" "$url" > "$tmp/wrk" 2>&1
wrk_status=$?
t1=$(cpu_ticks)
sed 's/^/http_hello: wrk: /' "$tmp/wrk" >&2

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
sed 's/^/http_hello: server: /' "$tmp/err" >&2
if [ "$status" -ne 0 ]; then
  echo "http_hello.sh: the server exited with status $status" >&2
  exit 1
fi
if [ "$wrk_status" -ne 0 ]; then
  echo "http_hello.sh: wrk failed (status $wrk_status)" >&2
  exit 1
fi
if grep -q -e 'Socket errors' -e 'Non-2xx' "$tmp/wrk"; then
  echo "http_hello.sh: wrk saw errors; no result" >&2
  exit 1
fi
reqs=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$tmp/wrk")
rps=$(sed -n 's/^Requests\/sec: *\([0-9.][0-9.]*\).*/\1/p' "$tmp/wrk")
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
if [ -z "$reqs" ] || [ "$reqs" -eq 0 ] || [ -z "$rps" ]; then
  echo "http_hello.sh: no request count from wrk" >&2
  exit 1
fi
awk -v impl="$impl" -v reqs="$reqs" -v rps="$rps" -v ticks=$((t1 - t0)) \
    -v hz="$hz" 'BEGIN {
  us = ticks / hz * 1e6 / reqs
  printf "http_hello: %d requests, server CPU %.2f s\n", reqs, ticks / hz \
    > "/dev/stderr"
  printf "bench=http_hello impl=%s value=%.2f unit=us/req\n", impl, us
  printf "bench=http_hello_rps impl=%s value=%.0f unit=req/s\n", impl, rps
}'
