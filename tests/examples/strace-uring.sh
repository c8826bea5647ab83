#!/bin/sh
# An io_uring loop with nothing but timers waits in io_uring_enter, with the
# timeout carried by the wait itself: no epoll call of any kind (the epoll
# probe in io.c is made only by nd_poll_init) and no timerfd.  And the other
# way round: ND_BACKEND=epoll never touches io_uring.
# `test-backend --timer-only` runs such a loop (five timers, 1 to 50 ms)
# under strace -f -c; this checks the summary's list of system calls.
set -eu
BUILD=${1:-build}
prog="$BUILD/tests/test-backend"

if ! command -v strace >/dev/null 2>&1; then
  echo "skipped: strace is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if ! strace -f -o /dev/null true >/dev/null 2>&1; then
  echo "skipped: strace cannot trace here (ptrace is not permitted)"
  exit 77
fi
[ -x "$prog" ] || { echo "missing $prog (make check-build builds it)"; exit 1; }
if ! why=$(ND_BACKEND=io_uring "$BUILD/tests/backend-probe"); then
  echo "skipped: this machine cannot run an io_uring loop: $why"
  exit 77
fi

summary=$(mktemp)
trap 'rm -f "$summary"' EXIT

# LeakSanitizer cannot run under a tracer; the ASan build checks leaks in
# its own run of test-backend, so here it is off (later options win).
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ND_BACKEND=io_uring \
  strace -f -c -o "$summary" "$prog" --timer-only
cat "$summary"

# Rows of the table start with the time percentage; the name is last.
calls=$(awk '$1 ~ /^[0-9.]+$/ && $NF != "total" { print $NF }' "$summary")
[ -n "$calls" ] || { echo "no system calls in the strace summary"; exit 1; }

if ! printf '%s\n' "$calls" | grep -qx io_uring_enter; then
  echo "FAIL: the loop never called io_uring_enter"
  exit 1
fi
bad=$(printf '%s\n' "$calls" | grep -E '^(epoll_|timerfd_)' || true)
if [ -n "$bad" ]; then
  echo "FAIL: a timer-only io_uring loop made these calls:"
  printf '  %s\n' "$bad"
  exit 1
fi
echo "io_uring_enter called; no epoll_* and no timerfd_* call"

ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" ND_BACKEND=epoll \
  strace -f -c -o "$summary" "$prog" --timer-only
calls=$(awk '$1 ~ /^[0-9.]+$/ && $NF != "total" { print $NF }' "$summary")
bad=$(printf '%s\n' "$calls" | grep -E '^io_uring_' || true)
if [ -n "$bad" ]; then
  echo "FAIL: with ND_BACKEND=epoll the loop made these calls:"
  printf '  %s\n' "$bad"
  exit 1
fi
printf '%s\n' "$calls" | grep -q '^epoll_' || { echo "FAIL: no epoll call"; exit 1; }
echo "ND_BACKEND=epoll: no io_uring_* call"
