/*
 * timer_churn.c - the cost of timers that are started and stopped but never
 * fire, as with network timeouts that are re-armed on every read.
 *
 * A million timers are initialised once.  Then, ten times over, every timer
 * is started with a long timeout (60 s plus 0 to 999 ms, so the timers have
 * a thousand distinct deadlines and the heap has real work to do) and then
 * every timer is stopped again, in the order they were started.  The loop
 * never runs during the rounds, so nothing fires.  At the end every timer is
 * closed and the loop runs to deliver the close callbacks.
 *
 * The result is start+stop pairs per CPU-second of the rounds alone; set-up
 * and closing are not counted.
 *
 * Run: make bench BENCH=timer_churn
 */
#include <uv.h>

#include "bench.h"

#define NUM_TIMERS (1000 * 1000)
#define ROUNDS 10
#define BASE_TIMEOUT_MS 60000
#define DISTINCT_TIMEOUTS 1000

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
  int round;

  timers = bench_xcalloc(NUM_TIMERS, sizeof(*timers));
  bench_check(uv_loop_init(&loop), "uv_loop_init");
  for (i = 0; i < NUM_TIMERS; i++)
    bench_check(uv_timer_init(&loop, &timers[i]), "uv_timer_init");

  cpu_start = bench_cpu_seconds();
  for (round = 0; round < ROUNDS; round++) {
    for (i = 0; i < NUM_TIMERS; i++) {
      uint64_t timeout = BASE_TIMEOUT_MS + (uint64_t)(i % DISTINCT_TIMEOUTS);

      bench_check(uv_timer_start(&timers[i], timer_cb, timeout, 0),
                  "uv_timer_start");
    }
    for (i = 0; i < NUM_TIMERS; i++)
      bench_check(uv_timer_stop(&timers[i]), "uv_timer_stop");
  }
  cpu = bench_cpu_seconds() - cpu_start;

  for (i = 0; i < NUM_TIMERS; i++) {
    if (uv_is_active((uv_handle_t *)&timers[i]))
      bench_fatal("timer %ld is still active after uv_timer_stop", i);
    uv_close((uv_handle_t *)&timers[i], close_cb);
  }
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (close)");
  if (fired != 0)
    bench_fatal("%ld timers fired, expected none", fired);
  if (closed != NUM_TIMERS)
    bench_fatal("%ld close callbacks, expected %d", closed, NUM_TIMERS);
  bench_check(uv_loop_close(&loop), "uv_loop_close");
  free(timers);

  if (cpu <= 0)
    bench_fatal("no CPU time measured");
  bench_report("timer_churn", (double)NUM_TIMERS * ROUNDS / cpu,
               "ops/cpu-s");
  return 0;
}
