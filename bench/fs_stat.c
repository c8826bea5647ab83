/*
 * fs_stat.c - asynchronous stats of one file, at concurrency 1, 8 and 32.
 *
 * For each concurrency C, C stat requests are started on one existing file
 * and each callback starts the next one, so C are always in flight, for
 * about 3 s of wall time.  Every callback checks the result and the size it
 * read.  What is measured is the whole round trip of one request: on libuv
 * a hop to a worker thread and back; on libnodec with io_uring, a statx on
 * the ring.  The results are stats per second, one line per concurrency:
 * bench=fs_stat_c1, fs_stat_c8 and fs_stat_c32.
 *
 * Run: make bench BENCH=fs_stat
 */
#include <stdlib.h>
#include <unistd.h>

#include <uv.h>

#include "bench.h"

#define DURATION_NS (3 * UINT64_C(1000000000))
#define FILE_SIZE 4321
#define MAX_CONCURRENCY 32

static char path[] = "/tmp/nd-bench-fs-stat.XXXXXX";
static uv_fs_t reqs[MAX_CONCURRENCY];
static uint64_t deadline_ns;
static uint64_t last_ns;
static uint64_t stats;

static void stat_cb(uv_fs_t *req) {
  bench_check((int)req->result, "uv_fs_stat");
  if (req->statbuf.st_size != FILE_SIZE)
    bench_fatal("stat read a size of %llu, not %d",
                (unsigned long long)req->statbuf.st_size, FILE_SIZE);
  uv_fs_req_cleanup(req);
  stats++;
  last_ns = uv_hrtime();
  if (last_ns >= deadline_ns)
    return;
  bench_check(uv_fs_stat(req->loop, req, path, stat_cb), "uv_fs_stat");
}

static void run(uv_loop_t *loop, int concurrency) {
  char name[32];
  uint64_t start_ns;
  int i;

  stats = 0;
  start_ns = uv_hrtime();
  deadline_ns = start_ns + DURATION_NS;
  for (i = 0; i < concurrency; i++)
    bench_check(uv_fs_stat(loop, &reqs[i], path, stat_cb), "uv_fs_stat");
  bench_check(uv_run(loop, UV_RUN_DEFAULT), "uv_run");
  snprintf(name, sizeof(name), "fs_stat_c%d", concurrency);
  bench_report(name, (double)stats / ((double)(last_ns - start_ns) / 1e9),
               "stats/s");
}

int main(void) {
  static const int concurrencies[] = {1, 8, 32};
  char block[FILE_SIZE];
  uv_loop_t loop;
  uv_fs_t warm;
  size_t i;
  int fd;

  fd = mkstemp(path);
  if (fd < 0)
    bench_fatal("mkstemp %s failed", path);
  memset(block, 'x', sizeof(block));
  if (write(fd, block, sizeof(block)) != (ssize_t)sizeof(block))
    bench_fatal("writing %s failed", path);
  close(fd);

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  /* Start the pool's threads (or the ring's workers) before timing. */
  bench_check(uv_fs_stat(&loop, &warm, path, NULL), "uv_fs_stat (sync)");
  uv_fs_req_cleanup(&warm);
  for (i = 0; i < 8; i++)
    bench_check(uv_fs_stat(&loop, &reqs[i], path, stat_cb), "uv_fs_stat");
  deadline_ns = 0;
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (warm-up)");

  for (i = 0; i < sizeof(concurrencies) / sizeof(concurrencies[0]); i++)
    run(&loop, concurrencies[i]);

  bench_check(uv_loop_close(&loop), "uv_loop_close");
  unlink(path);
  return 0;
}
