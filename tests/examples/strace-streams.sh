#!/bin/sh
# On io_uring, a stream reads and writes through ring operations: a
# ping-pong of 2000 round trips makes (almost) no read, recv, write or send
# system call, only io_uring_enter.  On epoll the same run reads and writes
# with a system call per message, which shows the count below means what it
# says.  `test-tcp --ping-pong N` runs such a ping-pong under strace -f -c.
set -eu
BUILD=${1:-build}
prog="$BUILD/tests/test-tcp"
rounds=2000

if ! command -v strace >/dev/null 2>&1; then
  echo "skipped: strace is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if ! strace -f -o /dev/null true >/dev/null 2>&1; then
  echo "skipped: strace cannot trace here (ptrace is not permitted)"
  exit 77
fi
[ -x "$prog" ] || { echo "missing $prog (make check-build builds it)"; exit 1; }

summary=$(mktemp)
trap 'rm -f "$summary"' EXIT

# Calls of the data path in the summary; the name is the last column.
io_calls() {
  awk '$1 ~ /^[0-9.]+$/ && $NF ~ /^(read|readv|recvfrom|recvmsg|write|writev|sendto|sendmsg)$/ {
         n += ($4 ~ /^[0-9]+$/) ? $4 : $5 } END { print n + 0 }' "$summary"
}

run() {
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ND_BACKEND=$1 \
    strace -f -c -o "$summary" "$prog" --ping-pong $rounds
}

if why=$(ND_BACKEND=io_uring "$BUILD/tests/backend-probe"); then
  run io_uring
  cat "$summary"
  n=$(io_calls)
  echo "io_uring: $n data system calls for $rounds round trips"
  if [ "$n" -gt $((rounds / 20)) ]; then
    echo "FAIL: streams on io_uring still read and write with system calls"
    exit 1
  fi
  grep -q io_uring_enter "$summary" || { echo "FAIL: no io_uring_enter"; exit 1; }
else
  echo "io_uring cannot run here ($why); checking epoll only"
fi

run epoll
n=$(io_calls)
echo "epoll: $n data system calls for $rounds round trips"
if [ "$n" -lt $((rounds * 4)) ]; then
  echo "FAIL: epoll made fewer data calls than 4 per round trip"
  exit 1
fi
