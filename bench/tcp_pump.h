/*
 * tcp_pump.h - TCP throughput: N connections pumping 8 KiB writes into a
 * server that reads and discards, all on one loop.
 *
 * The shape of libuv's tcp_pump benchmarks, with the server in the same
 * process: N clients connect to a listener on 127.0.0.1; once all are
 * connected each writes one 8 KiB buffer after another, as fast as its
 * write callbacks come back.  A connection keeps at most WINDOW writes
 * outstanding and issues a new one only while the kernel has taken
 * everything before it (write_queue_size == 0): what the kernel refuses
 * waits in the stream's queue, and the writer waits for write callbacks
 * instead of piling up requests.  The server accepts every connection,
 * reads with uv_read_start into one 64 KiB buffer and throws the bytes
 * away.
 *
 * After 5 s (a timer) the bytes the server has read so far are the result;
 * then every client shuts down its sending side (its queued writes still go
 * out first) and closes, the server reads to the end of each stream and
 * closes, and the run checks that the server read exactly the bytes whose
 * write callbacks reported success.
 *
 * Result: MiB per second read by the server.  The CPU time of the whole
 * process per MiB (user + system, lower is better) goes to stderr.
 *
 * One benchmark per connection count: tcp_pump1.c and tcp_pump100.c call
 * pump_main() with theirs.  With PUMP_PIPE defined the connections are
 * Unix domain sockets (uv_pipe_t) bound to a path under /tmp, as in
 * libuv's pipe_pump benchmarks: pipe_pump1.c and pipe_pump100.c.
 */
#ifndef TCP_PUMP_H
#define TCP_PUMP_H

#include <signal.h>
#include <unistd.h>

#include <uv.h>

#include "bench.h"

#define PUMP_DURATION_MS 5000
#define PUMP_WRITE_SIZE 8192
#define PUMP_WINDOW 16
#define PUMP_READ_SIZE 65536

#ifdef PUMP_PIPE
typedef uv_pipe_t pump_stream_t;
#define pump_stream_init(loop, s) uv_pipe_init((loop), (s), 0)
#else
typedef uv_tcp_t pump_stream_t;
#define pump_stream_init(loop, s) uv_tcp_init((loop), (s))
#endif

struct pump_write {
  uv_write_t req;
  struct pump_write *next;        /* on the connection's free list */
};

struct pump_client {
  pump_stream_t tcp;
  uv_connect_t connect_req;
  uv_shutdown_t shutdown_req;
  struct pump_write writes[PUMP_WINDOW];
  struct pump_write *free_writes;
  int inflight;
};

static uv_loop_t pump_loop;
static pump_stream_t pump_listener;
static uv_timer_t pump_timer;
static struct pump_client *pump_clients;
static pump_stream_t *pump_servers;
static int pump_nconns;
static int pump_connected;        /* clients whose connect succeeded */
static int pump_accepted;
static int pump_client_closed;
static int pump_server_closed;
static int pump_done;             /* time is up: no more writes */

static char pump_write_buf[PUMP_WRITE_SIZE];
static char pump_read_buf[PUMP_READ_SIZE];

static uint64_t pump_sent;        /* bytes of writes that succeeded */
static uint64_t pump_received;    /* bytes the server read */
static uint64_t pump_received_timed;
static uint64_t pump_empty_reads;
static uint64_t pump_start_ns, pump_stop_ns;
static double pump_cpu_start, pump_cpu_used;

static void pump_write_cb(uv_write_t *req, int status);

/* Write while the kernel takes it all and the window has room. */
static void pump_fill(struct pump_client *c) {
  struct pump_write *w;
  uv_buf_t buf;

  while (!pump_done && c->free_writes != NULL &&
         c->tcp.write_queue_size == 0) {
    w = c->free_writes;
    c->free_writes = w->next;
    c->inflight++;
    buf = uv_buf_init(pump_write_buf, sizeof(pump_write_buf));
    bench_check(uv_write(&w->req, (uv_stream_t *)&c->tcp, &buf, 1,
                         pump_write_cb),
                "uv_write");
  }
}

static void pump_write_cb(uv_write_t *req, int status) {
  struct pump_write *w = (struct pump_write *)req;
  struct pump_client *c = req->data;

  bench_check(status, "write callback");
  pump_sent += PUMP_WRITE_SIZE;
  w->next = c->free_writes;
  c->free_writes = w;
  c->inflight--;
  pump_fill(c);
}

static void pump_close_listener_cb(uv_handle_t *handle) {
  (void)handle;
}

static void pump_client_close_cb(uv_handle_t *handle) {
  (void)handle;
  pump_client_closed++;
}

static void pump_server_close_cb(uv_handle_t *handle) {
  (void)handle;
  pump_server_closed++;
}

static void pump_shutdown_cb(uv_shutdown_t *req, int status) {
  bench_check(status, "shutdown callback");
  uv_close((uv_handle_t *)req->handle, pump_client_close_cb);
}

static void pump_timer_cb(uv_timer_t *timer) {
  int i;

  pump_stop_ns = uv_hrtime();
  pump_cpu_used = bench_cpu_seconds() - pump_cpu_start;
  pump_received_timed = pump_received;
  pump_done = 1;
  uv_close((uv_handle_t *)timer, NULL);
  for (i = 0; i < pump_nconns; i++)
    bench_check(uv_shutdown(&pump_clients[i].shutdown_req,
                            (uv_stream_t *)&pump_clients[i].tcp,
                            pump_shutdown_cb),
                "uv_shutdown");
}

static void pump_alloc(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  (void)handle;
  (void)size;
  *buf = uv_buf_init(pump_read_buf, sizeof(pump_read_buf));
}

static void pump_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  (void)buf;
  if (n > 0) {
    pump_received += (uint64_t)n;
    return;
  }
  if (n == 0) {
    pump_empty_reads++;
    return;
  }
  if (n != UV_EOF)
    bench_check((int)n, "server read");
  if (!pump_done)
    bench_fatal("server: a client ended its stream early");
  uv_close((uv_handle_t *)stream, pump_server_close_cb);
}

/* Every client is connected: start the clock and the writers. */
static void pump_start(void) {
  int i;

  bench_check(uv_timer_init(&pump_loop, &pump_timer), "uv_timer_init");
  bench_check(uv_timer_start(&pump_timer, pump_timer_cb, PUMP_DURATION_MS, 0),
              "uv_timer_start");
  pump_cpu_start = bench_cpu_seconds();
  pump_start_ns = uv_hrtime();
  for (i = 0; i < pump_nconns; i++)
    pump_fill(&pump_clients[i]);
}

static void pump_connect_cb(uv_connect_t *req, int status) {
  bench_check(status, "connect callback");
  (void)req;
  if (++pump_connected == pump_nconns)
    pump_start();
}

static void pump_connection_cb(uv_stream_t *listening, int status) {
  pump_stream_t *s;

  bench_check(status, "connection callback");
  if (pump_accepted == pump_nconns)
    bench_fatal("server: more connections than clients");
  s = &pump_servers[pump_accepted++];
  bench_check(pump_stream_init(&pump_loop, s), "init (server)");
  bench_check(uv_accept(listening, (uv_stream_t *)s), "uv_accept");
  bench_check(uv_read_start((uv_stream_t *)s, pump_alloc, pump_read),
              "uv_read_start");
  if (pump_accepted == pump_nconns)
    uv_close((uv_handle_t *)listening, pump_close_listener_cb);
}

static int pump_main(const char *name, int nconns) {
  struct pump_client *c;
#ifdef PUMP_PIPE
  char path[64];
#else
  struct sockaddr_storage addr;
  int len = sizeof(addr);
  struct sockaddr_in any;
#endif
  double seconds, mib;
  int i, j;

  signal(SIGPIPE, SIG_IGN);
  pump_nconns = nconns;
  pump_clients = bench_xcalloc((size_t)nconns, sizeof(*pump_clients));
  pump_servers = bench_xcalloc((size_t)nconns, sizeof(*pump_servers));
  memset(pump_write_buf, 'x', sizeof(pump_write_buf));
  bench_check(uv_loop_init(&pump_loop), "uv_loop_init");

#ifdef PUMP_PIPE
  snprintf(path, sizeof(path), "/tmp/pipe_pump-%ld.sock", (long)getpid());
  unlink(path);
  bench_check(pump_stream_init(&pump_loop, &pump_listener), "uv_pipe_init");
  bench_check(uv_pipe_bind(&pump_listener, path), "uv_pipe_bind");
#else
  bench_check(uv_ip4_addr("127.0.0.1", 0, &any), "uv_ip4_addr");
  bench_check(uv_tcp_init(&pump_loop, &pump_listener), "uv_tcp_init");
  bench_check(uv_tcp_bind(&pump_listener, (const struct sockaddr *)&any, 0),
              "uv_tcp_bind");
#endif
  bench_check(uv_listen((uv_stream_t *)&pump_listener, 1024,
                        pump_connection_cb),
              "uv_listen");
#ifndef PUMP_PIPE
  bench_check(uv_tcp_getsockname(&pump_listener, (struct sockaddr *)&addr,
                                 &len),
              "uv_tcp_getsockname");
#endif

  for (i = 0; i < nconns; i++) {
    c = &pump_clients[i];
    for (j = 0; j < PUMP_WINDOW; j++) {
      c->writes[j].req.data = c;
      c->writes[j].next = c->free_writes;
      c->free_writes = &c->writes[j];
    }
    bench_check(pump_stream_init(&pump_loop, &c->tcp), "init (client)");
#ifdef PUMP_PIPE
    uv_pipe_connect(&c->connect_req, &c->tcp, path, pump_connect_cb);
#else
    bench_check(uv_tcp_connect(&c->connect_req, &c->tcp,
                               (const struct sockaddr *)&addr,
                               pump_connect_cb),
                "uv_tcp_connect");
#endif
  }

  bench_check(uv_run(&pump_loop, UV_RUN_DEFAULT), "uv_run");
#ifdef PUMP_PIPE
  unlink(path);
#endif

  if (pump_stop_ns == 0)
    bench_fatal("the loop ended before the time was up");
  if (pump_client_closed != nconns || pump_server_closed != nconns)
    bench_fatal("the loop ended with connections open (%d/%d clients, "
                "%d/%d servers closed)", pump_client_closed, nconns,
                pump_server_closed, nconns);
  for (i = 0; i < nconns; i++)
    if (pump_clients[i].inflight != 0)
      bench_fatal("client %d: %d write callbacks never ran", i,
                  pump_clients[i].inflight);
  if (pump_received != pump_sent)
    bench_fatal("server read %llu bytes, clients wrote %llu",
                (unsigned long long)pump_received,
                (unsigned long long)pump_sent);
  bench_check(uv_loop_close(&pump_loop), "uv_loop_close");
  free(pump_clients);
  free(pump_servers);

  seconds = (double)(pump_stop_ns - pump_start_ns) / 1e9;
  mib = (double)pump_received_timed / (1024.0 * 1024.0);
  if (mib <= 0 || pump_cpu_used <= 0)
    bench_fatal("nothing measured");
  fprintf(stderr,
          "%s: %d connections, %.0f MiB in %.2f s, CPU %.2f s = %.0f us/MiB; "
          "%llu empty reads\n",
          name, nconns, mib, seconds, pump_cpu_used,
          pump_cpu_used * 1e6 / mib, (unsigned long long)pump_empty_reads);
  bench_report(name, mib / seconds, "MiB/s");
  return 0;
}

#endif
