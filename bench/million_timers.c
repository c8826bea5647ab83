/*
 * million_timers.c - the cost of many timers that all fire.
 *
 * Ten million timers live in one malloc'ed array.  Each is initialised and
 * started; the timeout grows by 1 ms every thousand timers, so the heap
 * holds 10,000 distinct deadlines, the last one 10 s after the loop's clock
 * was read.  The loop runs until every timer has fired, then every timer is
 * closed and the loop runs again to deliver the close callbacks.
 *
 * The last timer fires about 10 s after the start however fast the library
 * is, so wall time says nothing; the result is timers per CPU-second of the
 * whole process (user + system, init to last close), plus the peak resident
 * set size, which shows the cost of the handle layout.
 *
 * Run: make bench BENCH=million_timers
 */
#include <uv.h>

#include "bench.h"

#define NUM_TIMERS (10 * 1000 * 1000)
#define TIMERS_PER_MS 1000

static uv_timer_t *timers;
static long fired;
static long closed;

static void timer_cb(uv_timer_t *handle) {
  (void)handle;
  fired++;
}

static void close_cb(uv_handle_t *handle) {
  (void)handle;
  closed++;
}

int main(void) {
  uv_loop_t loop;
  double cpu_start, cpu;
  long i;

  timers = bench_xcalloc(NUM_TIMERS, sizeof(*timers));
  bench_check(uv_loop_init(&loop), "uv_loop_init");

  cpu_start = bench_cpu_seconds();

  for (i = 0; i < NUM_TIMERS; i++) {
    uint64_t timeout = 1 + (uint64_t)(i / TIMERS_PER_MS);

    bench_check(uv_timer_init(&loop, &timers[i]), "uv_timer_init");
    bench_check(uv_timer_start(&timers[i], timer_cb, timeout, 0),
                "uv_timer_start");
  }

  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  if (fired != NUM_TIMERS)
    bench_fatal("%ld timers fired, expected %d", fired, NUM_TIMERS);

  for (i = 0; i < NUM_TIMERS; i++)
    uv_close((uv_handle_t *)&timers[i], close_cb);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (close)");
  if (closed != NUM_TIMERS)
    bench_fatal("%ld close callbacks, expected %d", closed, NUM_TIMERS);

  cpu = bench_cpu_seconds() - cpu_start;

  bench_check(uv_loop_close(&loop), "uv_loop_close");
  free(timers);

  if (cpu <= 0)
    bench_fatal("no CPU time measured");
  bench_report("million_timers", NUM_TIMERS / cpu, "timers/cpu-s");
  bench_report("million_timers_rss", bench_peak_rss_mib(), "MiB");
  return 0;
}
