/*
 * queue_work.c - the cost of a round trip through the worker pool.
 *
 * One job is in flight at a time: its after_work callback submits the next
 * one, for 5 s of wall time.  Each job increments a counter on the worker;
 * the callback checks it ran.  What is measured is the hand-off: queueing
 * the job, waking a worker, and handing the completion back to the loop.
 * The results are jobs per second and CPU time per job (both threads).
 *
 * Run: make bench BENCH=queue_work
 */
#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))

static uv_work_t req;
static uint64_t start_ns;
static uint64_t stop_ns;
static uint64_t jobs;
static uint64_t ran; /* written on the worker, read in after_work */

static void work_cb(uv_work_t *r) {
  (void)r;
  ran++;
}

static void after_work_cb(uv_work_t *r, int status) {
  uint64_t now;

  bench_check(status, "after_work status");
  jobs++;
  if (ran != jobs)
    bench_fatal("job %llu did not run on the worker", (unsigned long long)jobs);
  now = uv_hrtime();
  if (now - start_ns >= DURATION_NS) {
    stop_ns = now;
    return;
  }
  bench_check(uv_queue_work(r->loop, r, work_cb, after_work_cb),
              "uv_queue_work");
}

int main(void) {
  uv_loop_t loop;
  double cpu;
  double seconds;

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  /* Start the pool's threads before timing: the first job creates them. */
  bench_check(uv_queue_work(&loop, &req, work_cb, NULL), "uv_queue_work");
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (warm-up)");
  ran = 0;

  cpu = bench_cpu_seconds();
  start_ns = uv_hrtime();
  bench_check(uv_queue_work(&loop, &req, work_cb, after_work_cb),
              "uv_queue_work");
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  cpu = bench_cpu_seconds() - cpu;
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  seconds = (double)(stop_ns - start_ns) / 1e9;
  bench_report("queue_work", (double)jobs / seconds, "jobs/s");
  bench_report("queue_work_cpu", cpu * 1e6 / (double)jobs, "us/job");
  return 0;
}
