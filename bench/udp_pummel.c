/*
 * udp_pummel.c - datagrams through one loop, one sender to one receiver.
 *
 * After libuv's udp_pummel_1v1: a sender and a receiver socket on
 * 127.0.0.1, both on one loop.  The sender keeps INFLIGHT sends of
 * DGRAM_SIZE bytes outstanding: each send callback sends again with the
 * same request, so the sender goes as fast as send callbacks allow and
 * never queues without bound.  INFLIGHT is 1, as in libuv's benchmark (one
 * request per sender); larger values mostly measure how fast a sender can
 * overrun its receiver's socket buffer.  The receiver counts what arrives.  After
 * 5 s of wall time a timer stops the receiver and closes both handles;
 * the result is datagrams received per second.  Datagrams the kernel drops
 * when the receiver falls behind are simply not counted, as in libuv's
 * benchmark; the drop rate goes to stderr.
 *
 * Run: make bench BENCH=udp_pummel
 */
#include <uv.h>

#include "bench.h"

#define DURATION_MS 5000
#define INFLIGHT 1
#define DGRAM_SIZE 64

static uv_loop_t loop;
static uv_udp_t sender;
static uv_udp_t receiver;
static uv_timer_t timer;
static uv_udp_send_t reqs[INFLIGHT];
static struct sockaddr_in receiver_addr;
static char payload[DGRAM_SIZE];
static char slab[65536];

static uint64_t start_ns;
static uint64_t stop_ns;
static uint64_t sent;
static uint64_t received;
static int done;

static void send_one(uv_udp_send_t *req);

static void send_cb(uv_udp_send_t *req, int status) {
  if (status == UV_ECANCELED)
    return;
  bench_check(status, "send callback");
  sent++;
  if (!done)
    send_one(req);
}

static void send_one(uv_udp_send_t *req) {
  uv_buf_t buf = uv_buf_init(payload, sizeof(payload));

  bench_check(uv_udp_send(req, &sender, &buf, 1,
                          (const struct sockaddr *)&receiver_addr, send_cb),
              "uv_udp_send");
}

static void alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  (void)handle;
  (void)suggested;
  buf->base = slab;
  buf->len = sizeof(slab);
}

static void recv_cb(uv_udp_t *handle, ssize_t nread, const uv_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)handle;
  (void)buf;
  (void)flags;
  if (nread == 0 && addr == NULL)
    return; /* nothing more for now */
  if (nread < 0)
    bench_fatal("recv: %s", uv_strerror((int)nread));
  if (nread != DGRAM_SIZE)
    bench_fatal("recv: %zd bytes, expected %d", nread, DGRAM_SIZE);
  if (!done)
    received++;
}

static void timer_cb(uv_timer_t *handle) {
  stop_ns = uv_hrtime();
  done = 1;
  bench_check(uv_udp_recv_stop(&receiver), "uv_udp_recv_stop");
  uv_close((uv_handle_t *)&receiver, NULL);
  uv_close((uv_handle_t *)&sender, NULL);
  uv_close((uv_handle_t *)handle, NULL);
}

int main(void) {
  struct sockaddr_in any;
  int len = sizeof(receiver_addr);
  double seconds;
  int i;

  memset(payload, 'p', sizeof(payload));
  bench_check(uv_loop_init(&loop), "uv_loop_init");
  bench_check(uv_udp_init(&loop, &receiver), "uv_udp_init (receiver)");
  bench_check(uv_udp_init(&loop, &sender), "uv_udp_init (sender)");
  bench_check(uv_ip4_addr("127.0.0.1", 0, &any), "uv_ip4_addr");
  bench_check(uv_udp_bind(&receiver, (const struct sockaddr *)&any, 0),
              "uv_udp_bind (receiver)");
  bench_check(uv_udp_bind(&sender, (const struct sockaddr *)&any, 0),
              "uv_udp_bind (sender)");
  bench_check(uv_udp_getsockname(&receiver,
                                 (struct sockaddr *)&receiver_addr, &len),
              "uv_udp_getsockname");
  bench_check(uv_udp_recv_start(&receiver, alloc_cb, recv_cb),
              "uv_udp_recv_start");
  bench_check(uv_timer_init(&loop, &timer), "uv_timer_init");
  bench_check(uv_timer_start(&timer, timer_cb, DURATION_MS, 0),
              "uv_timer_start");

  start_ns = uv_hrtime();
  for (i = 0; i < INFLIGHT; i++)
    send_one(&reqs[i]);
  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  if (received == 0)
    bench_fatal("nothing was received");
  seconds = (double)(stop_ns - start_ns) / 1e9;
  fprintf(stderr, "udp_pummel (%s): %llu sent, %llu received (%.1f%% lost)\n",
          bench_impl(), (unsigned long long)sent,
          (unsigned long long)received,
          sent > received ? 100.0 * (double)(sent - received) / (double)sent
                          : 0.0);
  bench_report("udp_pummel_1v1", (double)received / seconds, "datagrams/s");
  return 0;
}
