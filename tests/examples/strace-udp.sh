#!/bin/sh
# On io_uring, UDP handles send and receive through ring operations: 2000
# datagrams, each sent from the previous one's send callback, make (almost)
# no sendmsg, recvmsg, sendmmsg or recvmmsg system call, only
# io_uring_enter.  On epoll the same run makes a system call per datagram
# and more, which shows the count below means what it says.
# `test-udp --pummel N` runs such an exchange under strace -f -c.
set -eu
BUILD=${1:-build}
prog="$BUILD/tests/test-udp"
count=2000

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
  awk '$1 ~ /^[0-9.]+$/ && $NF ~ /^(recvfrom|recvmsg|recvmmsg|sendto|sendmsg|sendmmsg)$/ {
         n += ($4 ~ /^[0-9]+$/) ? $4 : $5 } END { print n + 0 }' "$summary"
}

run() {
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ND_BACKEND=$1 \
    strace -f -c -o "$summary" "$prog" --pummel $count
}

if why=$(ND_BACKEND=io_uring "$BUILD/tests/backend-probe"); then
  run io_uring
  cat "$summary"
  n=$(io_calls)
  echo "io_uring: $n data system calls for $count datagrams"
  if [ "$n" -gt $((count / 20)) ]; then
    echo "FAIL: UDP on io_uring still sends and receives with system calls"
    exit 1
  fi
  grep -q io_uring_enter "$summary" || { echo "FAIL: no io_uring_enter"; exit 1; }
else
  echo "io_uring cannot run here ($why); checking epoll only"
fi

run epoll
n=$(io_calls)
echo "epoll: $n data system calls for $count datagrams"
if [ "$n" -lt $((count * 2)) ]; then
  echo "FAIL: epoll made fewer data calls than 2 per datagram"
  exit 1
fi
