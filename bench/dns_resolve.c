/*
 * dns_resolve.c - DNS queries through the loop: 100 000 A queries, 100 in
 * flight, against a responder on 127.0.0.1 run by the benchmark itself
 * (tests/dns-responder.h, on its own thread, moved to another CPU than the
 * loop's when there is one).
 *
 * libuv has no DNS resolver (only getaddrinfo on its thread pool), so its
 * build reports a skip line and run.sh shows n/a for it; libnodec's uses
 * nd_dns_query.  Every answer is checked.  The results are queries per
 * second and the loop thread's CPU time per query (the responder's is not
 * counted).
 *
 * Run: make bench BENCH=dns_resolve
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <uv.h>

#include "bench.h"

#ifndef NODEC_H

int main(void) {
  bench_skip("dns_resolve", "libuv has no DNS resolver");
  return 0;
}

#else

#include "../tests/dns-responder.h"

#define TOTAL 100000
#define CONCURRENT 100

static nd_dns_resolver_t resolver;
static nd_dns_query_t reqs[CONCURRENT];
static int started;
static int finished;

static void start(nd_dns_query_t *req);

static void on_answer(nd_dns_query_t *req, int status, nd_dns_result_t *res) {
  bench_check(status, "query status");
  if (res->count != 1 || res->records[0].type != ND_DNS_A ||
      res->records[0].u.a.s_addr != htonl(0xC0000263)) /* 192.0.2.99 */
    bench_fatal("wrong answer");
  nd_dns_result_free(res);
  finished++;
  if (started < TOTAL)
    start(req);
}

static void start(nd_dns_query_t *req) {
  started++;
  bench_check(nd_dns_query(&resolver, req, on_answer, "bench.test", ND_DNS_A),
              "nd_dns_query");
}

/* The loop thread's CPU time, seconds. */
static double thread_cpu_seconds(void) {
  struct rusage ru;

  if (getrusage(RUSAGE_THREAD, &ru) != 0)
    bench_fatal("getrusage failed");
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Best effort: the responder on another CPU than the loop's. */
static void move_responder(struct responder *r) {
  const char *s = getenv("BENCH_CPU");
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  cpu_set_t set;
  long loop_cpu = s != NULL ? atol(s) : 0;
  long c;

  CPU_ZERO(&set);
  for (c = 0; c < ncpu && c < CPU_SETSIZE; c++)
    if (c != loop_cpu)
      CPU_SET(c, &set);
  if (CPU_COUNT(&set) > 0)
    pthread_setaffinity_np(r->thread, sizeof(set), &set);
}

int main(void) {
  struct sockaddr_storage ss;
  struct responder resp;
  struct resp_entry *e;
  nd_dns_options_t opts = {2000, 4};
  uv_loop_t loop;
  double cpu;
  double wall;
  int i;

  if (responder_start(&resp, AF_INET) != 0)
    bench_fatal("cannot start the responder");
  move_responder(&resp);
  e = resp_entry(&resp, "bench.test", ND_DNS_A, RESP_ANSWER);
  resp_a(e, 60, "192.0.2.99");

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  bench_check(nd_dns_resolver_init(&loop, &resolver, &opts),
              "nd_dns_resolver_init");
  responder_addr(&resp, &ss);
  bench_check(nd_dns_set_servers(&resolver, &ss, 1), "nd_dns_set_servers");
  start(&reqs[0]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (warm-up)");
  started = finished = 0;

  cpu = thread_cpu_seconds();
  wall = bench_wall_seconds();
  for (i = 0; i < CONCURRENT; i++)
    start(&reqs[i]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  wall = bench_wall_seconds() - wall;
  cpu = thread_cpu_seconds() - cpu;
  if (finished != TOTAL)
    bench_fatal("%d of %d queries finished", finished, TOTAL);
  nd_dns_resolver_close(&resolver, NULL);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run (close)");
  bench_check(uv_loop_close(&loop), "uv_loop_close");
  responder_stop(&resp);

  bench_report("dns_resolve", TOTAL / wall, "queries/s");
  bench_report("dns_resolve_cpu", cpu * 1e6 / TOTAL, "us/query");
  return 0;
}

#endif
