/*
 * ping_pongs.c - the latency of a request/response exchange over TCP.
 *
 * One TCP connection over 127.0.0.1, both ends in this process and on one
 * loop, one thread, both made with uv_tcp_t streams as a libuv program
 * makes them (libuv's own ping_pongs benchmark has the same shape): the
 * client connects, turns Nagle off with uv_tcp_nodelay, starts reading and
 * sends a 4-byte message ("PING") with uv_write; the server accepts, turns
 * Nagle off, and echoes every byte its read callback gets with uv_write;
 * the client sends the next message only when it has read the whole echo
 * of the previous one, so exactly one message is ever in flight and every
 * round trip is two wake-ups of the loop.  After 5 s of wall time the
 * client shuts down its sending side (uv_shutdown), the server closes when
 * it reads the end of the stream, and the client closes when it reads the
 * server's.
 *
 * Every byte is checked: the server must read PINGPING... and the client
 * must get back exactly what it sent, in whatever pieces they come;
 * anything else aborts.
 *
 * Results: round trips per second, and the CPU time (user + system of the
 * whole process, from the first ping to the last echo) per round trip in
 * microseconds, where lower is better.  Extra counts go to stderr.
 *
 * Run: make bench BENCH=ping_pongs
 */
#include <signal.h>

#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))
#define MSG "PING"
#define MSG_LEN 4
#define READ_SIZE 65536

/*
 * A write and the bytes it carries.  With one message in flight no end
 * ever has more than MSG_LEN writes outstanding (each carries at least one
 * byte); a few more slots cost nothing.
 */
#define WRITES 8

struct wreq {
  uv_write_t req;
  int busy;
  char data[MSG_LEN];
};

static uv_loop_t loop;
static uv_tcp_t listener;
static uv_tcp_t client;
static uv_tcp_t server;
static uv_connect_t connect_req;
static uv_shutdown_t shutdown_req;
static struct wreq client_writes[WRITES];
static struct wreq server_writes[WRITES];

/* One read buffer per end: a read callback consumes it before returning. */
static char client_buf[READ_SIZE];
static char server_buf[READ_SIZE];

static int client_connected;
static int server_accepted;
static int closed;               /* close callbacks run */

/* Client: the echo of the message in flight. */
static size_t client_echoed;     /* bytes of it read so far */
static int client_done;          /* time is up, shutdown requested */

/* Server: all it has read and echoed. */
static uint64_t server_read_total;
static int server_eof;

static uint64_t roundtrips;
static uint64_t short_reads;     /* reads of less than a message */
static uint64_t empty_reads;     /* read callbacks with nread == 0 */
static uint64_t start_ns, stop_ns;
static double cpu_start, cpu_used;

static void close_cb(uv_handle_t *handle) {
  (void)handle;
  closed++;
}

static struct wreq *wreq_get(struct wreq *pool, const char *who) {
  int i;

  for (i = 0; i < WRITES; i++)
    if (!pool[i].busy) {
      pool[i].busy = 1;
      return &pool[i];
    }
  bench_fatal("%s: more than %d writes outstanding", who, WRITES);
}

static void write_cb(uv_write_t *req, int status) {
  struct wreq *w = (struct wreq *)req;

  bench_check(status, "write callback");
  w->busy = 0;
}

/* Writes len bytes from data on stream, copied into a pooled request. */
static void send_bytes(uv_stream_t *stream, struct wreq *pool,
                       const char *who, const char *data, size_t len) {
  struct wreq *w = wreq_get(pool, who);
  uv_buf_t buf;

  memcpy(w->data, data, len);
  buf = uv_buf_init(w->data, (unsigned int)len);
  bench_check(uv_write(&w->req, stream, &buf, 1, write_cb), "uv_write");
}

static void client_alloc(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  (void)handle;
  (void)size;
  *buf = uv_buf_init(client_buf, sizeof(client_buf));
}

static void server_alloc(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  (void)handle;
  (void)size;
  *buf = uv_buf_init(server_buf, sizeof(server_buf));
}

static void client_send_next(void) {
  client_echoed = 0;
  send_bytes((uv_stream_t *)&client, client_writes, "client", MSG, MSG_LEN);
}

/* Both ends are connected: the timed part begins with the first ping. */
static void maybe_start(void) {
  if (!client_connected || !server_accepted)
    return;
  cpu_start = bench_cpu_seconds();
  start_ns = uv_hrtime();
  client_send_next();
}

static void shutdown_cb(uv_shutdown_t *req, int status) {
  (void)req;
  bench_check(status, "shutdown callback");
}

static void client_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  uint64_t now;

  (void)buf;
  if (n == 0) {
    empty_reads++;
    return;
  }
  if (n == UV_EOF) {
    /* The server closed, which it does only after our shutdown. */
    if (!client_done)
      bench_fatal("client: the server closed the connection early");
    uv_close((uv_handle_t *)stream, close_cb);
    return;
  }
  bench_check((int)n, "client read");
  if (client_done)
    bench_fatal("client: %zd bytes after the last round trip", n);
  if (client_echoed + (size_t)n > MSG_LEN)
    bench_fatal("client: echo of %zu bytes, only %d sent",
                client_echoed + (size_t)n, MSG_LEN);
  if (memcmp(client_buf, MSG + client_echoed, (size_t)n) != 0)
    bench_fatal("client: the echo differs from what was sent");
  if ((size_t)n < MSG_LEN)
    short_reads++;
  client_echoed += (size_t)n;
  if (client_echoed < MSG_LEN)
    return;

  roundtrips++;
  now = uv_hrtime();
  if (now - start_ns < DURATION_NS) {
    client_send_next();
    return;
  }
  stop_ns = now;
  cpu_used = bench_cpu_seconds() - cpu_start;
  client_done = 1;
  bench_check(uv_shutdown(&shutdown_req, stream, shutdown_cb), "uv_shutdown");
}

static void server_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  ssize_t i;

  (void)buf;
  if (n == 0) {
    empty_reads++;
    return;
  }
  if (n == UV_EOF) {
    if (!client_done)
      bench_fatal("server: the client closed the connection early");
    if (server_read_total % MSG_LEN != 0)
      bench_fatal("server: the stream ended inside a message");
    server_eof = 1;
    uv_close((uv_handle_t *)stream, close_cb);
    return;
  }
  bench_check((int)n, "server read");
  if (n > MSG_LEN)
    bench_fatal("server: read %zd bytes, more than one message", n);
  for (i = 0; i < n; i++)
    if (server_buf[i] != MSG[(server_read_total + (uint64_t)i) % MSG_LEN])
      bench_fatal("server: byte %llu is not the one the client sent",
                  (unsigned long long)(server_read_total + (uint64_t)i));
  if (n < MSG_LEN)
    short_reads++;
  server_read_total += (uint64_t)n;
  send_bytes(stream, server_writes, "server", server_buf, (size_t)n);
}

static void connect_cb(uv_connect_t *req, int status) {
  bench_check(status, "connect callback");
  bench_check(uv_tcp_nodelay((uv_tcp_t *)req->handle, 1),
              "uv_tcp_nodelay (client)");
  bench_check(uv_read_start(req->handle, client_alloc, client_read),
              "uv_read_start (client)");
  client_connected = 1;
  maybe_start();
}

static void connection_cb(uv_stream_t *listening, int status) {
  bench_check(status, "connection callback");
  bench_check(uv_tcp_init(&loop, &server), "uv_tcp_init (server)");
  bench_check(uv_accept(listening, (uv_stream_t *)&server), "uv_accept");
  /* One connection is all there is. */
  uv_close((uv_handle_t *)listening, close_cb);
  bench_check(uv_tcp_nodelay(&server, 1), "uv_tcp_nodelay (server)");
  bench_check(uv_read_start((uv_stream_t *)&server, server_alloc,
                            server_read),
              "uv_read_start (server)");
  server_accepted = 1;
  maybe_start();
}

int main(void) {
  struct sockaddr_storage addr;
  int len = sizeof(addr);
  struct sockaddr_in any;
  double seconds;

  signal(SIGPIPE, SIG_IGN);
  bench_check(uv_loop_init(&loop), "uv_loop_init");

  /* The listener, on a port the kernel picks. */
  bench_check(uv_ip4_addr("127.0.0.1", 0, &any), "uv_ip4_addr");
  bench_check(uv_tcp_init(&loop, &listener), "uv_tcp_init (listener)");
  bench_check(uv_tcp_bind(&listener, (const struct sockaddr *)&any, 0),
              "uv_tcp_bind");
  bench_check(uv_listen((uv_stream_t *)&listener, 1, connection_cb),
              "uv_listen");
  bench_check(uv_tcp_getsockname(&listener, (struct sockaddr *)&addr, &len),
              "uv_tcp_getsockname");

  bench_check(uv_tcp_init(&loop, &client), "uv_tcp_init (client)");
  bench_check(uv_tcp_connect(&connect_req, &client,
                             (const struct sockaddr *)&addr, connect_cb),
              "uv_tcp_connect");

  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");

  if (stop_ns == 0)
    bench_fatal("the loop ended before the time was up (%llu round trips)",
                (unsigned long long)roundtrips);
  if (closed != 3 || !server_eof)
    bench_fatal("the loop ended with a handle still open");
  if (server_read_total != roundtrips * MSG_LEN)
    bench_fatal("server read %llu bytes, expected %llu",
                (unsigned long long)server_read_total,
                (unsigned long long)(roundtrips * MSG_LEN));
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  seconds = (double)(stop_ns - start_ns) / 1e9;
  if (roundtrips == 0 || cpu_used <= 0)
    bench_fatal("nothing measured");
  fprintf(stderr,
          "ping_pongs: %llu round trips in %.2f s, CPU %.2f s; "
          "%llu empty reads, %llu short reads\n",
          (unsigned long long)roundtrips, seconds, cpu_used,
          (unsigned long long)empty_reads, (unsigned long long)short_reads);
  bench_report("ping_pongs", (double)roundtrips / seconds, "roundtrips/s");
  bench_report("ping_pongs_cpu", cpu_used * 1e6 / (double)roundtrips,
               "us/roundtrip");
  return 0;
}
