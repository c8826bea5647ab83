/*
 * loop_count.c - the cost of one empty loop iteration.
 *
 * An idle handle keeps the loop spinning: every iteration runs the timers,
 * pending, idle, prepare, poll (with a zero timeout, since an idle handle
 * is active) and check phases, and calls the idle callback once.  The
 * callback counts iterations and stops the loop after 5 s of wall time.
 * The result is iterations per second.
 *
 * The clock is read with uv_hrtime every 1024 iterations only, so the
 * check costs next to nothing and does not depend on when a library
 * refreshes its cached loop time.
 *
 * Run: make bench BENCH=loop_count
 */
#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))
#define CHECK_EVERY 1024

static uint64_t iterations;
static uint64_t start_ns;
static uint64_t stop_ns;

static void idle_cb(uv_idle_t *handle) {
  uint64_t now;

  iterations++;
  if (iterations % CHECK_EVERY != 0)
    return;
  now = uv_hrtime();
  if (now - start_ns < DURATION_NS)
    return;
  stop_ns = now;
  bench_check(uv_idle_stop(handle), "uv_idle_stop");
  uv_stop(handle->loop);
}

int main(void) {
  uv_loop_t loop;
  uv_idle_t idle;
  double seconds;

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  bench_check(uv_idle_init(&loop, &idle), "uv_idle_init");
  bench_check(uv_idle_start(&idle, idle_cb), "uv_idle_start");

  start_ns = uv_hrtime();
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  if (stop_ns == 0)
    bench_fatal("the loop ended before the idle callback stopped it "
                "(%llu iterations)", (unsigned long long)iterations);

  uv_close((uv_handle_t *)&idle, NULL);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (close)");
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  seconds = (double)(stop_ns - start_ns) / 1e9;
  bench_report("loop_count", (double)iterations / seconds, "iter/s");
  return 0;
}
