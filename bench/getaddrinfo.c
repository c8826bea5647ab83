/*
 * getaddrinfo.c - name lookups of localhost, 10 in flight, 10 000 in all
 * (the shape of libuv's own getaddrinfo benchmark).
 *
 * libuv runs the system's getaddrinfo(3) on its thread pool; libnodec
 * answers in the loop through c-ares (the hosts file, no thread).  Every
 * answer is checked to hold 127.0.0.1.  The results are lookups per second
 * and CPU time per lookup (all threads).
 *
 * Run: make bench BENCH=getaddrinfo
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <uv.h>

#include "bench.h"

#define TOTAL 10000
#define CONCURRENT 10

static uv_getaddrinfo_t reqs[CONCURRENT];
static int started;
static int finished;

static void start(uv_loop_t *loop, uv_getaddrinfo_t *req);

static void on_resolved(uv_getaddrinfo_t *req, int status,
                        struct addrinfo *res) {
  const struct addrinfo *ai;
  int found = 0;

  bench_check(status, "getaddrinfo status");
  for (ai = res; ai != NULL; ai = ai->ai_next) {
    const struct sockaddr_in *sin = (const void *)ai->ai_addr;
    if (ai->ai_family == AF_INET &&
        sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK))
      found = 1;
  }
  if (!found)
    bench_fatal("localhost did not resolve to 127.0.0.1");
  uv_freeaddrinfo(res);
  finished++;
  if (started < TOTAL)
    start(req->loop, req);
}

static void start(uv_loop_t *loop, uv_getaddrinfo_t *req) {
  struct addrinfo hints;

  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  started++;
  bench_check(uv_getaddrinfo(loop, req, on_resolved, "localhost", NULL,
                             &hints),
              "uv_getaddrinfo");
}

int main(void) {
  uv_loop_t loop;
  double cpu;
  double wall;
  int i;

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  /* Warm up: libuv starts its threads, libnodec makes its channel. */
  start(&loop, &reqs[0]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (warm-up)");
  started = finished = 0;

  cpu = bench_cpu_seconds();
  wall = bench_wall_seconds();
  for (i = 0; i < CONCURRENT; i++)
    start(&loop, &reqs[i]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  wall = bench_wall_seconds() - wall;
  cpu = bench_cpu_seconds() - cpu;
  if (finished != TOTAL)
    bench_fatal("%d of %d lookups finished", finished, TOTAL);
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  bench_report("getaddrinfo", TOTAL / wall, "lookups/s");
  bench_report("getaddrinfo_cpu", cpu * 1e6 / TOTAL, "us/lookup");
  return 0;
}
