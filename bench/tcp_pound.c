/*
 * tcp_pound.c - connection churn: connect, echo a message, close, again.
 *
 * The shape of libuv's tcp4_pound_100 benchmark, with the echo server in
 * the same process and on the same loop: 100 client connections are kept
 * going at once.  Each client connects to a listener on 127.0.0.1, starts
 * reading, writes a 2-byte message ("QS"), and once it has read the whole
 * echo closes its handle; its close callback starts a new connection in
 * the same slot until the time is up.  The server accepts each connection
 * into a handle it allocates, echoes what it reads, and closes when the
 * client has gone.  The echo is checked byte for byte.
 *
 * The client closes with uv_tcp_close_reset (an RST), and the server takes
 * the ECONNRESET as the end of the stream.  A graceful close leaves every
 * connection in TIME_WAIT for a minute: at tens of thousands of connections
 * a run, the ephemeral ports run short, connects wait for SYN retransmits,
 * and the result measured the kernel's TIME_WAIT table, including what the
 * previous run left in it, rather than the loop.
 *
 * As in libuv's benchmark, a connection the kernel resets (a connect or a
 * read that fails with ECONNRESET: loopback port reuse at this rate makes
 * a rare one) is counted as failed, closed and replaced; more than 1% of
 * failures end the run without a result.
 *
 * After 5 s no new connection starts; the run ends when the last ones
 * finish and every handle is closed.
 *
 * Result: connections per second (a connection counts when its client
 * read the whole echo and closed).  The CPU time per connection goes to
 * stderr.
 *
 * Run: make bench BENCH=tcp_pound
 */
#include <signal.h>

#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))
#define CONCURRENCY 100
#define MSG "QS"
#define MSG_LEN 2
#define READ_SIZE 65536

struct client {
  uv_tcp_t tcp;
  uv_connect_t connect_req;
  uv_write_t write_req;
  size_t echoed;                  /* bytes of the echo read so far */
};

/* A server side connection: its handle, and the echo of one read. */
struct server_conn {
  uv_tcp_t tcp;
  uv_write_t write_req;
  int writing;
  char data[MSG_LEN];
  size_t received;
};

static uv_loop_t loop;
static uv_tcp_t listener;
static struct sockaddr_storage server_addr;
static struct client clients[CONCURRENCY];
static char read_buf[READ_SIZE];

static int running;               /* clients not yet finished for good */
static int done;                  /* time is up: no new connections */
static int servers_open;
static uint64_t connections;      /* completed by the client */
static uint64_t connections_timed; /* of those, within the 5 s */
static uint64_t accepted;
static uint64_t failed;           /* reset by the kernel; not counted */
static uint64_t start_ns, stop_ns;
static double cpu_start, cpu_used;

static void client_start(struct client *c);

static void alloc_cb(uv_handle_t *handle, size_t size, uv_buf_t *buf) {
  (void)handle;
  (void)size;
  *buf = uv_buf_init(read_buf, sizeof(read_buf));
}

/* --- client ------------------------------------------------------------- */

static void client_close_cb(uv_handle_t *handle);

/* Ends a connection the kernel reset: it counts as failed, not done. */
static void client_fail(struct client *c, int err, const char *what) {
  if (err != UV_ECONNRESET)
    bench_fatal("client: %s: %s", what, uv_strerror(err));
  failed++;
  c->echoed = MSG_LEN + 1;        /* not counted by client_close_cb */
  uv_close((uv_handle_t *)&c->tcp, client_close_cb);
}

static void client_close_cb(uv_handle_t *handle) {
  struct client *c = handle->data;

  if (c->echoed == MSG_LEN)
    connections++;
  if (!done && uv_hrtime() - start_ns >= DURATION_NS) {
    stop_ns = uv_hrtime();
    cpu_used = bench_cpu_seconds() - cpu_start;
    connections_timed = connections;
    done = 1;
    uv_close((uv_handle_t *)&listener, NULL);
  }
  if (done) {
    running--;
    return;
  }
  client_start(c);
}

/* A reset connection's write fails too; its read reports it. */
static int write_failure_expected(int status) {
  return status == UV_ECONNRESET || status == UV_EPIPE ||
         status == UV_ECANCELED;
}

static void client_write_cb(uv_write_t *req, int status) {
  (void)req;
  if (!write_failure_expected(status))
    bench_check(status, "client write callback");
}

static void client_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  struct client *c = stream->data;

  (void)buf;
  if (n == 0)
    return;
  if (n == UV_EOF)
    bench_fatal("client: end of stream before the whole echo");
  if (n < 0) {
    client_fail(c, (int)n, "read");
    return;
  }
  if (c->echoed + (size_t)n > MSG_LEN ||
      memcmp(read_buf, MSG + c->echoed, (size_t)n) != 0)
    bench_fatal("client: the echo differs from what was sent");
  c->echoed += (size_t)n;
  if (c->echoed == MSG_LEN)
    bench_check(uv_tcp_close_reset(&c->tcp, client_close_cb),
                "uv_tcp_close_reset");
}

static void client_connect_cb(uv_connect_t *req, int status) {
  struct client *c = req->data;
  uv_buf_t buf = uv_buf_init(MSG, MSG_LEN);

  if (status < 0) {
    client_fail(c, status, "connect");
    return;
  }
  bench_check(uv_read_start((uv_stream_t *)&c->tcp, alloc_cb, client_read),
              "uv_read_start (client)");
  bench_check(uv_write(&c->write_req, (uv_stream_t *)&c->tcp, &buf, 1,
                       client_write_cb),
              "uv_write (client)");
}

static void client_start(struct client *c) {
  c->echoed = 0;
  bench_check(uv_tcp_init(&loop, &c->tcp), "uv_tcp_init (client)");
  c->tcp.data = c;
  c->connect_req.data = c;
  bench_check(uv_tcp_connect(&c->connect_req, &c->tcp,
                             (const struct sockaddr *)&server_addr,
                             client_connect_cb),
              "uv_tcp_connect");
}

/* --- server ------------------------------------------------------------- */

static void server_close_cb(uv_handle_t *handle) {
  free(handle->data);
  servers_open--;
}

static void server_write_cb(uv_write_t *req, int status) {
  struct server_conn *s = req->data;

  if (!write_failure_expected(status))
    bench_check(status, "server write callback");
  s->writing = 0;
}

static void server_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  struct server_conn *s = stream->data;
  uv_buf_t out;

  (void)buf;
  if (n == 0)
    return;
  if (n == UV_ECONNRESET && s->received != MSG_LEN) {
    /* A connection the kernel reset early; the client counts it failed. */
    uv_close((uv_handle_t *)stream, server_close_cb);
    return;
  }
  if (n == UV_ECONNRESET || n == UV_EOF) {
    if (s->received != MSG_LEN)
      bench_fatal("server: the stream ended after %zu bytes", s->received);
    uv_close((uv_handle_t *)stream, server_close_cb);
    return;
  }
  bench_check((int)n, "server read");
  if (s->writing || s->received + (size_t)n > MSG_LEN ||
      memcmp(read_buf, MSG + s->received, (size_t)n) != 0)
    bench_fatal("server: read bytes the client did not send");
  memcpy(s->data, read_buf, (size_t)n);
  s->received += (size_t)n;
  s->writing = 1;
  out = uv_buf_init(s->data, (unsigned int)n);
  bench_check(uv_write(&s->write_req, stream, &out, 1, server_write_cb),
              "uv_write (server)");
}

static void connection_cb(uv_stream_t *listening, int status) {
  struct server_conn *s;

  bench_check(status, "connection callback");
  s = bench_xcalloc(1, sizeof(*s));
  bench_check(uv_tcp_init(&loop, &s->tcp), "uv_tcp_init (server)");
  s->tcp.data = s;
  s->write_req.data = s;
  servers_open++;
  bench_check(uv_accept(listening, (uv_stream_t *)&s->tcp), "uv_accept");
  accepted++;
  bench_check(uv_read_start((uv_stream_t *)&s->tcp, alloc_cb, server_read),
              "uv_read_start (server)");
}

int main(void) {
  int len = sizeof(server_addr);
  struct sockaddr_in any;
  double seconds;
  int i;

  signal(SIGPIPE, SIG_IGN);
  bench_check(uv_loop_init(&loop), "uv_loop_init");
  bench_check(uv_ip4_addr("127.0.0.1", 0, &any), "uv_ip4_addr");
  bench_check(uv_tcp_init(&loop, &listener), "uv_tcp_init (listener)");
  bench_check(uv_tcp_bind(&listener, (const struct sockaddr *)&any, 0),
              "uv_tcp_bind");
  bench_check(uv_listen((uv_stream_t *)&listener, 1024, connection_cb),
              "uv_listen");
  bench_check(uv_tcp_getsockname(&listener, (struct sockaddr *)&server_addr,
                                 &len),
              "uv_tcp_getsockname");

  cpu_start = bench_cpu_seconds();
  start_ns = uv_hrtime();
  running = CONCURRENCY;
  for (i = 0; i < CONCURRENCY; i++)
    client_start(&clients[i]);

  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");

  if (stop_ns == 0)
    bench_fatal("the loop ended before the time was up");
  if (running != 0 || servers_open != 0)
    bench_fatal("the loop ended with %d clients and %d server connections "
                "open", running, servers_open);
  if (accepted < connections)
    bench_fatal("server accepted %llu connections, clients finished %llu",
                (unsigned long long)accepted,
                (unsigned long long)connections);
  if (failed * 100 > connections)
    bench_fatal("%llu of %llu connections failed",
                (unsigned long long)failed,
                (unsigned long long)(connections + failed));
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  seconds = (double)(stop_ns - start_ns) / 1e9;
  if (connections_timed == 0 || cpu_used <= 0)
    bench_fatal("nothing measured");
  fprintf(stderr, "tcp_pound: %llu connections in %.2f s, CPU %.2f s = "
          "%.1f us/connection; %llu reset by the kernel\n",
          (unsigned long long)connections_timed, seconds, cpu_used,
          cpu_used * 1e6 / (double)connections_timed,
          (unsigned long long)failed);
  bench_report("tcp_pound", (double)connections_timed / seconds,
               "connections/s");
  return 0;
}
