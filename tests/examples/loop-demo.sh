#!/bin/sh
# examples/loop-demo.c: runs to the end, in the phase order it promises.
set -eu
BUILD=${1:-build}
out=$(timeout 60 "$BUILD/examples/loop-demo")
printf '%s\n' "$out"

# The lines that state an ordering must come in exactly this order.
expected="timers   : the 0 ms timer is due
idle     : idle handles run
prepare  : right before the loop polls
check    : right after poll
poll     : the pipe is readable
check    : runs first
timer    : the 0 ms timer waits
4 threads sent 100000 wakeups
signal   : User defined signal 1 reached handle A
signal   : User defined signal 1 reached handle B
signal   : User defined signal 2 reached the one-shot handle (now stopped)
timer    : tick 1
timer    : tick 2
timer    : tick 3
done: every handle closed, nd_loop_close() == 0 (2 SIGUSR1 callbacks)"

rest=$out
printf '%s\n' "$expected" | while IFS= read -r want; do
  case $rest in
    *"$want"*) rest=${rest#*"$want"} ;;
    *) echo "missing or out of order: $want"; exit 1 ;;
  esac
done
