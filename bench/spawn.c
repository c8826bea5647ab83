/*
 * spawn.c - 1000 sequential spawns of /bin/true, each with its stdout on a
 * pipe read to EOF (libuv's spawn benchmark).  Result: spawns per second.
 *
 * Run: make bench BENCH=spawn
 */
#include "spawn.h"

int main(void) {
  bench_report("spawn", spawn_run(1000, 1), "spawns/s");
  return 0;
}
