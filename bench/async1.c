/*
 * async1.c - the latency of waking a loop on another thread.
 *
 * Two loops, one on the main thread and one on a worker thread, play
 * ping-pong with async handles: the main loop sends to the worker's handle,
 * the worker's callback sends back to the main loop's handle, and the main
 * loop's callback sends the next ping.  Only one send is ever outstanding,
 * so no two sends coalesce and every round trip is two full wake-ups.
 * After 5 s of wall time the main loop sends a last ping with the "done"
 * flag set; the worker closes its handle instead of answering, its loop
 * ends and the thread is joined.  The result is round trips per second.
 *
 * Run: make bench BENCH=async1
 */
#include <pthread.h>

#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))

static uv_loop_t main_loop;
static uv_loop_t worker_loop;
static uv_async_t main_async;   /* on main_loop, woken by the worker */
static uv_async_t worker_async; /* on worker_loop, woken by the main thread */

static uint64_t start_ns;
static uint64_t stop_ns;
static uint64_t roundtrips;     /* main thread only */
static uint64_t pongs;          /* worker thread only; read after the join */
static int done;                /* written by main, read by the worker */

/* Worker thread: answer each ping, or close on the last one. */
static void worker_async_cb(uv_async_t *handle) {
  if (__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
    uv_close((uv_handle_t *)handle, NULL);
    return;
  }
  pongs++;
  bench_check(uv_async_send(&main_async), "uv_async_send (pong)");
}

/* Main thread: one pong is one round trip. */
static void main_async_cb(uv_async_t *handle) {
  uint64_t now;

  roundtrips++;
  now = uv_hrtime();
  if (now - start_ns < DURATION_NS) {
    bench_check(uv_async_send(&worker_async), "uv_async_send (ping)");
    return;
  }
  stop_ns = now;
  __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
  bench_check(uv_async_send(&worker_async), "uv_async_send (done)");
  uv_close((uv_handle_t *)handle, NULL);
}

static void *worker_main(void *arg) {
  (void)arg;
  bench_check(uv_run(&worker_loop, UV_RUN_DEFAULT), "uv_run (worker)");
  return NULL;
}

int main(void) {
  pthread_t worker;
  double seconds;
  int err;

  /*
   * Both loops and handles are set up before the thread starts, which
   * orders the setup before anything the worker does.
   */
  bench_check(uv_loop_init(&main_loop), "uv_loop_init (main)");
  bench_check(uv_loop_init(&worker_loop), "uv_loop_init (worker)");
  bench_check(uv_async_init(&main_loop, &main_async, main_async_cb),
              "uv_async_init (main)");
  bench_check(uv_async_init(&worker_loop, &worker_async, worker_async_cb),
              "uv_async_init (worker)");

  err = pthread_create(&worker, NULL, worker_main, NULL);
  if (err != 0)
    bench_fatal("pthread_create: %s", strerror(err));

  start_ns = uv_hrtime();
  bench_check(uv_async_send(&worker_async), "uv_async_send (first ping)");
  bench_check(uv_run(&main_loop, UV_RUN_DEFAULT), "uv_run (main)");

  err = pthread_join(worker, NULL);
  if (err != 0)
    bench_fatal("pthread_join: %s", strerror(err));

  if (stop_ns == 0)
    bench_fatal("the main loop ended before the time was up");
  if (pongs != roundtrips)
    bench_fatal("worker answered %llu pings, main saw %llu round trips",
                (unsigned long long)pongs, (unsigned long long)roundtrips);
  bench_check(uv_loop_close(&main_loop), "uv_loop_close (main)");
  bench_check(uv_loop_close(&worker_loop), "uv_loop_close (worker)");

  seconds = (double)(stop_ns - start_ns) / 1e9;
  bench_report("async1", (double)roundtrips / seconds, "roundtrips/s");
  return 0;
}
