/*
 * spawn_concurrent.c - 2000 spawns of /bin/true, 64 in flight at a time,
 * each with its stdout on a pipe read to EOF.  Result: spawns per second.
 *
 * Run: make bench BENCH=spawn_concurrent
 */
#include "spawn.h"

int main(void) {
  bench_report("spawn_concurrent", spawn_run(2000, 64), "spawns/s");
  return 0;
}
