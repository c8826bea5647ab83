/*
 * test-tcp.c - TCP streams on 127.0.0.1: echo, backpressure, half-close,
 * resets, refused connections, EMFILE on accept, cancelled writes.
 *
 * Every peer is a real socket.  The echo server is a libnodec stream
 * server; some tests use raw blocking sockets as the other end so the
 * stream under test is the only libnodec code on its side.
 */

#include <errno.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "stream-util.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* Log-uniform size in [1, max]: many small messages, some large. */
static size_t random_size(size_t max) {
  unsigned int bits = (unsigned int)(rng() % 21); /* 0..20 */
  size_t hi = (size_t)1 << bits;
  size_t n = hi + (size_t)(rng() % hi);

  return n > max ? max : n;
}

static int bind_listener(nd_loop_t *loop, nd_tcp_t *server,
                         nd_connection_cb cb) {
  struct sockaddr_in addr;
  int len = sizeof(addr);

  ND_OK(nd_tcp_init(loop, server));
  ND_OK(nd_ip4_addr("127.0.0.1", 0, &addr));
  ND_OK(nd_tcp_bind(server, (struct sockaddr *)&addr, 0));
  ND_OK(nd_listen((nd_stream_t *)server, 1024, cb));
  ND_OK(nd_tcp_getsockname(server, (struct sockaddr *)&addr, &len));
  assert_int_equal(len, sizeof(addr));
  return ntohs(addr.sin_port);
}

static struct sockaddr_in loopback(int port) {
  struct sockaddr_in addr;

  assert_int_equal(nd_ip4_addr("127.0.0.1", port, &addr), 0);
  return addr;
}

/* A raw blocking client socket connected to 127.0.0.1:port. */
static int raw_connect(int port) {
  struct sockaddr_in addr = loopback(port);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  assert_true(fd >= 0);
  assert_int_equal(connect(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
  return fd;
}

/* A server that leaves its connections waiting. */
static void ignore_connection_cb(nd_stream_t *server, int status) {
  (void)server;
  assert_int_equal(status, 0);
}

/* --- echo clients ------------------------------------------------------- */

struct client {
  nd_tcp_t tcp;
  nd_connect_t connect;
  nd_write_t *writes;
  unsigned int nwrites;
  unsigned int id;
  char *sent;              /* every byte this client sends */
  size_t total;
  size_t received;
  int connected;
  int writes_done;
  int eof;
  int closed;
};

static int clients_finished;

static void client_closed(nd_handle_t *h) {
  struct client *c = h->data;

  c->closed = 1;
  clients_finished++;
}

static void client_write_cb(nd_write_t *req, int status) {
  struct client *c = req->data;

  assert_int_equal(status, 0);
  c->writes_done++;
}

static void client_read_cb(nd_stream_t *s, ssize_t nread,
                           const nd_buf_t *buf) {
  struct client *c = s->data;

  if (nread > 0) {
    assert_true(c->received + (size_t)nread <= c->total);
    if (memcmp(buf->base, c->sent + c->received, (size_t)nread) != 0)
      fail_msg("client %u: echo differs near byte %zu", c->id, c->received);
    c->received += (size_t)nread;
  }
  free(buf->base);
  if (nread == ND_EOF) {
    c->eof = 1;
    assert_int_equal(c->received, c->total);
    assert_int_equal(c->writes_done, c->nwrites);
    nd_close((nd_handle_t *)s, client_closed);
  } else if (nread < 0) {
    fail_msg("client %u: read: %s", c->id, nd_err_name((int)nread));
  }
}

static nd_shutdown_t *client_shutdowns;

static void client_shutdown_cb(nd_shutdown_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void client_connect_cb(nd_connect_t *req, int status) {
  struct client *c = req->data;
  size_t off = 0;
  unsigned int i;
  nd_buf_t buf;

  assert_int_equal(status, 0);
  c->connected = 1;
  ND_OK(nd_read_start((nd_stream_t *)&c->tcp, alloc_malloc, client_read_cb));
  /* The message goes out in a few writes of random sizes. */
  for (i = 0; i < c->nwrites; i++) {
    buf.base = c->sent + off;
    buf.len = i + 1 == c->nwrites ? c->total - off : (c->total - off) / 2;
    off += buf.len;
    c->writes[i].data = c;
    assert_true(nd_write(&c->writes[i], (nd_stream_t *)&c->tcp, &buf, 1,
                         client_write_cb) >= 0);
  }
  client_shutdowns[c->id].data = c;
  ND_OK(nd_shutdown(&client_shutdowns[c->id], (nd_stream_t *)&c->tcp,
                    client_shutdown_cb));
}

static void client_start(nd_loop_t *loop, struct client *c, unsigned int id,
                         size_t size, int port) {
  struct sockaddr_in addr = loopback(port);
  size_t i;

  memset(c, 0, sizeof(*c));
  c->id = id;
  c->total = size;
  c->nwrites = 1 + (unsigned int)(rng() % 3);
  c->writes = calloc(c->nwrites, sizeof(*c->writes));
  c->sent = malloc(size);
  assert_non_null(c->writes);
  assert_non_null(c->sent);
  for (i = 0; i < size; i++)
    c->sent[i] = (char)pattern(id, i);
  ND_OK(nd_tcp_init(loop, &c->tcp));
  c->tcp.data = c;
  c->connect.data = c;
  ND_OK(nd_tcp_connect(&c->connect, &c->tcp, (struct sockaddr *)&addr,
                       client_connect_cb));
}

static void client_free(struct client *c) {
  free(c->writes);
  free(c->sent);
}

static void raise_fd_limit(unsigned int want) {
  struct rlimit rl;

  assert_int_equal(getrlimit(RLIMIT_NOFILE, &rl), 0);
  if (rl.rlim_cur < want) {
    rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
  }
  assert_true(rl.rlim_cur >= want);
}

static void run_echo(nd_loop_t *loop, unsigned int nclients,
                     unsigned int rounds) {
  struct client *clients = calloc(nclients, sizeof(*clients));
  nd_tcp_t server;
  watchdog_t wd;
  size_t bytes = 0;
  unsigned int r, i;
  int fds, port;

  assert_non_null(clients);
  client_shutdowns = calloc(nclients, sizeof(*client_shutdowns));
  assert_non_null(client_shutdowns);
  echo_accepted = echo_closed = 0;
  port = bind_listener(loop, &server, echo_connection_cb);
  /* With the listener (and the process's reserve descriptor) open. */
  fds = test_count_fds() - 1;
  watchdog_start(loop, &wd);
  for (r = 0; r < rounds; r++) {
    clients_finished = 0;
    for (i = 0; i < nclients; i++) {
      client_start(loop, &clients[i], i, random_size(1u << 20), port);
      bytes += clients[i].total;
    }
    while (clients_finished < (int)nclients && !wd.expired)
      nd_run(loop, ND_RUN_ONCE);
    assert_false(wd.expired);
    for (i = 0; i < nclients; i++) {
      assert_true(clients[i].eof);
      assert_int_equal(clients[i].received, clients[i].total);
      client_free(&clients[i]);
    }
  }
  /* Every server-side connection ends and closes too. */
  while (echo_closed < (int)(nclients * rounds) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(echo_accepted, nclients * rounds);
  assert_int_equal(echo_closed, nclients * rounds);
  assert_true(bytes >= nclients * rounds);
  nd_close((nd_handle_t *)&server, NULL);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(test_count_fds(), fds);
  free(client_shutdowns);
  free(clients);
}

/* One connection, 40 messages of 1 B to 1 MiB in turn. */
static void test_echo_one(void **state) {
  run_echo(*state, 1, 40);
}

/* 1000 connections at once, each with its own message of 1 B to 1 MiB. */
static void test_echo_thousand(void **state) {
  raise_fd_limit(4096);
  run_echo(*state, 1000, 1);
}

/* --- backpressure ------------------------------------------------------- */

#define PUMP_CHUNK (64 * 1024)
#define PUMP_TOTAL ((uint64_t)1 << 30)

static struct {
  nd_tcp_t server, producer, consumer;
  nd_connect_t connect;
  nd_timer_t pause;
  char *chunk;
  uint64_t written, read, next_pause;
  size_t max_queue;
  unsigned int writes_issued, writes_done;
  unsigned int pressure, drains, pauses;
  int connected, accepted, done;
} bp;

static void bp_pump(void);

static void bp_write_cb(nd_write_t *req, int status) {
  assert_int_equal(status, 0);
  free(req);
  bp.writes_done++;
}

static void bp_drain_cb(nd_stream_t *s) {
  /* Called once the queue is at or below the low watermark. */
  assert_true(s->write_queue_size <= s->low_watermark);
  assert_false(nd_stream_needs_drain(s));
  bp.drains++;
  bp_pump();
}

/* Write until the stream says stop, as a well-behaved producer does. */
static void bp_pump(void) {
  nd_stream_t *s = (nd_stream_t *)&bp.producer;
  nd_write_t *req;
  nd_buf_t buf;
  int r;

  while (bp.written < PUMP_TOTAL) {
    buf.base = bp.chunk;
    buf.len = PUMP_CHUNK;
    req = malloc(sizeof(*req));
    assert_non_null(req);
    r = nd_write(req, s, &buf, 1, bp_write_cb);
    assert_true(r == 0 || r == ND_STREAM_PRESSURE);
    bp.writes_issued++;
    bp.written += PUMP_CHUNK;
    if (s->write_queue_size > bp.max_queue)
      bp.max_queue = s->write_queue_size;
    if (r == ND_STREAM_PRESSURE) {
      assert_true(s->write_queue_size >= s->high_watermark);
      assert_true(nd_stream_needs_drain(s));
      bp.pressure++;
      return;
    }
  }
}

static void bp_resume(nd_timer_t *t);

static void bp_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  (void)buf;
  if (nread > 0) {
    bp.read += (uint64_t)nread;
    /* A slow consumer: it stops reading for a while now and then. */
    if (bp.read >= bp.next_pause) {
      bp.next_pause += 64u << 20;
      bp.pauses++;
      ND_OK(nd_read_stop(s));
      ND_OK(nd_timer_start(&bp.pause, (nd_timer_cb)bp_resume, 5, 0));
    }
    return;
  }
  if (nread == ND_EOF) {
    bp.done = 1;
    return;
  }
  if (nread < 0)
    fail_msg("consumer: %s", nd_err_name((int)nread));
}

static char bp_rbuf[256 * 1024];

static void bp_alloc(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  (void)h;
  (void)size;
  buf->base = bp_rbuf;
  buf->len = sizeof(bp_rbuf);
}

static void bp_resume(nd_timer_t *t) {
  (void)t;
  ND_OK(nd_read_start((nd_stream_t *)&bp.consumer, bp_alloc, bp_read_cb));
}

static void bp_connection_cb(nd_stream_t *server, int status) {
  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &bp.consumer));
  ND_OK(nd_accept(server, (nd_stream_t *)&bp.consumer));
  ND_OK(nd_read_start((nd_stream_t *)&bp.consumer, bp_alloc, bp_read_cb));
  bp.accepted = 1;
}

static nd_shutdown_t bp_shutdown;

static void bp_shutdown_cb(nd_shutdown_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void bp_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  bp.connected = 1;
  bp_pump();
}

/*
 * 1 GiB from a producer that writes until told to stop, to a consumer that
 * pauses: the queue never holds more than the high watermark plus one
 * write, and drain comes at the low watermark.
 */
static void test_backpressure(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  watchdog_t wd;
  int port;

  memset(&bp, 0, sizeof(bp));
  bp.chunk = malloc(PUMP_CHUNK);
  assert_non_null(bp.chunk);
  memset(bp.chunk, 'x', PUMP_CHUNK);
  bp.next_pause = 64u << 20;
  port = bind_listener(loop, &bp.server, bp_connection_cb);
  addr = loopback(port);
  ND_OK(nd_timer_init(loop, &bp.pause));
  ND_OK(nd_tcp_init(loop, &bp.producer));
  /* Defaults first, then ours: 256 KiB high, 64 KiB low. */
  assert_int_equal(bp.producer.high_watermark, ND_STREAM_HIGH_WATERMARK);
  assert_int_equal(bp.producer.low_watermark, ND_STREAM_LOW_WATERMARK);
  assert_int_equal(nd_stream_set_watermarks((nd_stream_t *)&bp.producer,
                                            1, 2), ND_EINVAL);
  ND_OK(nd_stream_set_watermarks((nd_stream_t *)&bp.producer, 256 * 1024,
                                 64 * 1024));
  ND_OK(nd_stream_on_drain((nd_stream_t *)&bp.producer, bp_drain_cb));
  ND_OK(nd_tcp_connect(&bp.connect, &bp.producer, (struct sockaddr *)&addr,
                       bp_connect_cb));
  watchdog_start(loop, &wd);
  ND_OK(nd_timer_start(&wd.timer, watchdog_cb, 60000, 0));
  while (bp.written < PUMP_TOTAL && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  ND_OK(nd_shutdown(&bp_shutdown, (nd_stream_t *)&bp.producer,
                    bp_shutdown_cb));
  while (!bp.done && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(bp.read, PUMP_TOTAL);
  assert_int_equal(bp.writes_done, bp.writes_issued);
  /* The bound: the high watermark plus the write that crossed it. */
  assert_true(bp.max_queue <= 256 * 1024 + PUMP_CHUNK);
  /* The consumer's pauses did make the producer wait. */
  assert_true(bp.pauses >= 10);
  assert_true(bp.pressure >= bp.pauses);
  assert_true(bp.drains >= bp.pressure - 1);
  print_message("backpressure: max queue %zu, %u pressure, %u drains\n",
                bp.max_queue, bp.pressure, bp.drains);
  close_and_drain(loop);
  free(bp.chunk);
}

/* --- half-close, EOF, reading after EOF --------------------------------- */

static struct {
  nd_tcp_t server, conn, client;
  nd_connect_t connect;
  nd_shutdown_t shutdown, srv_shutdown;
  nd_write_t write;
  char got[64];
  size_t ngot;
  int eof, shut, srv_shut, connected, accepted, eofs;
} hc;

static void hc_srv_shutdown_cb(nd_shutdown_t *req, int status) {
  assert_int_equal(status, 0);
  assert_ptr_equal(req->handle, &hc.conn);
  hc.srv_shut = 1;
}

static void hc_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  if (nread > 0) {
    assert_true(hc.ngot + (size_t)nread <= sizeof(hc.got));
    memcpy(hc.got + hc.ngot, buf->base, (size_t)nread);
    hc.ngot += (size_t)nread;
  } else if (nread == ND_EOF) {
    hc.eof = 1;
    hc.eofs++;
    /* As with libuv, end of file stops reading but not readability. */
    assert_true(nd_is_readable(s));
  }
  free(buf->base);
}

static void hc_shutdown_cb(nd_shutdown_t *req, int status) {
  assert_int_equal(status, 0);
  assert_ptr_equal(req->handle, &hc.client);
  hc.shut = 1;
}

static void hc_write_cb(nd_write_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void hc_connection_cb(nd_stream_t *server, int status) {
  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &hc.conn));
  ND_OK(nd_accept(server, (nd_stream_t *)&hc.conn));
  /* A second accept with nothing waiting says so. */
  assert_int_equal(nd_accept(server, (nd_stream_t *)&hc.conn), ND_EAGAIN);
  hc.accepted = 1;
}

static void hc_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  hc.connected = 1;
}

static void test_half_close(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  watchdog_t wd;
  nd_buf_t buf;
  char rb[16];
  int port;
  ssize_t n;

  memset(&hc, 0, sizeof(hc));
  port = bind_listener(loop, &hc.server, hc_connection_cb);
  addr = loopback(port);
  ND_OK(nd_tcp_init(loop, &hc.client));
  assert_int_equal(nd_shutdown(&hc.shutdown, (nd_stream_t *)&hc.client,
                               hc_shutdown_cb), ND_ENOTCONN);
  ND_OK(nd_tcp_connect(&hc.connect, &hc.client, (struct sockaddr *)&addr,
                       hc_connect_cb));
  assert_int_equal(nd_tcp_connect(&hc.connect, &hc.client,
                                  (struct sockaddr *)&addr, hc_connect_cb),
                   ND_EALREADY);
  watchdog_start(loop, &wd);
  while (!(hc.connected && hc.accepted) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);

  /* The client writes, then shuts down its side; it can still read. */
  buf.base = "request";
  buf.len = 7;
  ND_OK(nd_write(&hc.write, (nd_stream_t *)&hc.client, &buf, 1,
                 hc_write_cb));
  ND_OK(nd_shutdown(&hc.shutdown, (nd_stream_t *)&hc.client,
                    hc_shutdown_cb));
  assert_false(nd_is_writable((nd_stream_t *)&hc.client));
  assert_true(nd_is_readable((nd_stream_t *)&hc.client));
  /* A second shutdown, or a write after it, is refused. */
  assert_int_equal(nd_shutdown(&hc.shutdown, (nd_stream_t *)&hc.client,
                               hc_shutdown_cb), ND_ENOTCONN);
  assert_int_equal(nd_write(&hc.write, (nd_stream_t *)&hc.client, &buf, 1,
                            hc_write_cb), ND_EPIPE);
  ND_OK(nd_read_start((nd_stream_t *)&hc.conn, alloc_malloc, hc_read_cb));
  while (!(hc.eof && hc.shut) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(hc.ngot, 7);
  assert_memory_equal(hc.got, "request", 7);
  assert_int_equal(hc.eofs, 1);
  /* Reading after EOF: allowed, as libuv allows it, and EOF again. */
  hc.eof = 0;
  ND_OK(nd_read_start((nd_stream_t *)&hc.conn, alloc_malloc, hc_read_cb));
  while (!hc.eof && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(hc.eofs, 2);
  assert_int_equal(hc.ngot, 7);

  /* The server answers on its still-open side; the client reads it. */
  buf.base = "response";
  buf.len = 8;
  assert_int_equal(nd_try_write((nd_stream_t *)&hc.conn, &buf, 1), 8);
  hc.eof = 0;
  hc.ngot = 0;
  ND_OK(nd_read_start((nd_stream_t *)&hc.client, alloc_malloc, hc_read_cb));
  ND_OK(nd_shutdown(&hc.srv_shutdown, (nd_stream_t *)&hc.conn,
                    hc_srv_shutdown_cb));
  while (!(hc.eof && hc.srv_shut) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(hc.ngot, 8);
  assert_memory_equal(hc.got, "response", 8);
  assert_int_equal(hc.eofs, 3);
  /* The descriptor is still a socket with nothing more to read. */
  n = recv(hc.client.io_watcher.fd, rb, sizeof(rb), MSG_DONTWAIT);
  assert_int_equal(n, 0);
  close_and_drain(loop);
}

/* --- connect errors ----------------------------------------------------- */

static int connect_status;
static int connect_calls;

static void record_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  connect_status = status;
  connect_calls++;
}

/* A port nobody listens on: bound once, then released. */
static int closed_port(void) {
  struct sockaddr_in addr = loopback(0);
  socklen_t len = sizeof(addr);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int port;

  assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
  assert_int_equal(getsockname(fd, (struct sockaddr *)&addr, &len), 0);
  port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

static void test_connect_refused(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr = loopback(closed_port());
  nd_connect_t req;
  nd_tcp_t tcp;
  int fds = test_count_fds();

  connect_calls = 0;
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_connect(&req, &tcp, (struct sockaddr *)&addr,
                       record_connect_cb));
  /* The callback never runs inside the call. */
  assert_int_equal(connect_calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(connect_calls, 1);
  assert_int_equal(connect_status, ND_ECONNREFUSED);
  nd_close((nd_handle_t *)&tcp, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(test_count_fds(), fds);
}

/* Closing a stream while it connects cancels the connect. */
static void test_connect_cancelled(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  nd_connect_t req;
  nd_tcp_t server, tcp;
  int port;

  connect_calls = 0;
  port = bind_listener(loop, &server, echo_connection_cb);
  addr = loopback(port);
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_connect(&req, &tcp, (struct sockaddr *)&addr,
                       record_connect_cb));
  nd_close((nd_handle_t *)&tcp, NULL);
  nd_close((nd_handle_t *)&server, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(connect_calls, 1);
  assert_int_equal(connect_status, ND_ECANCELED);
}

/* --- resets ------------------------------------------------------------- */

static struct {
  nd_tcp_t server, conn, client;
  nd_connect_t connect;
  nd_write_t writes[64];
  char *chunk;
  int statuses[64];
  int nstatus;
  int read_err;
  int read_errs;
  int accepted, connected, conn_closed;
} rs;

static void rs_write_cb(nd_write_t *req, int status) {
  rs.statuses[req - rs.writes] = status;
  rs.nstatus++;
}

static void rs_read_cb(nd_stream_t *s, ssize_t nread, const nd_buf_t *buf) {
  (void)s;
  free(buf->base);
  if (nread < 0) {
    rs.read_err = (int)nread;
    rs.read_errs++;
  }
}

static void rs_connection_cb(nd_stream_t *server, int status) {
  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &rs.conn));
  ND_OK(nd_accept(server, (nd_stream_t *)&rs.conn));
  rs.accepted = 1;
}

static void rs_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  rs.connected = 1;
}

static void rs_conn_closed(nd_handle_t *h) {
  (void)h;
  rs.conn_closed = 1;
}

/*
 * The peer resets the connection while 16 MiB wait to be written: one
 * write fails with ECONNRESET (or EPIPE), the reader hears ECONNRESET
 * once, and the rest are cancelled when the stream closes.
 */
static void test_peer_reset_mid_write(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  watchdog_t wd;
  nd_buf_t buf;
  int i, port, failed = 0, cancelled = 0, ok = 0;

  memset(&rs, 0, sizeof(rs));
  rs.chunk = calloc(1, 256 * 1024);
  assert_non_null(rs.chunk);
  port = bind_listener(loop, &rs.server, rs_connection_cb);
  addr = loopback(port);
  ND_OK(nd_tcp_init(loop, &rs.client));
  ND_OK(nd_tcp_connect(&rs.connect, &rs.client, (struct sockaddr *)&addr,
                       rs_connect_cb));
  watchdog_start(loop, &wd);
  while (!(rs.accepted && rs.connected) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  for (i = 0; i < 64; i++) {
    buf.base = rs.chunk;
    buf.len = 256 * 1024;
    assert_true(nd_write(&rs.writes[i], (nd_stream_t *)&rs.client, &buf, 1,
                         rs_write_cb) >= 0);
  }
  ND_OK(nd_read_start((nd_stream_t *)&rs.client, alloc_malloc, rs_read_cb));
  nd_run(loop, ND_RUN_NOWAIT);
  ND_OK(nd_tcp_close_reset(&rs.conn, rs_conn_closed));
  while (!rs.conn_closed && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  /* Let the client see the reset. */
  while (rs.read_errs == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  for (i = 0; i < 20; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  assert_false(wd.expired);
  /*
   * The reader hears of it once: ECONNRESET, or end of file when a write
   * took the socket's error first (which one is the kernel's race).
   */
  assert_int_equal(rs.read_errs, 1);
  assert_true(rs.read_err == ND_ECONNRESET || rs.read_err == ND_EOF);
  nd_close((nd_handle_t *)&rs.client, NULL);
  close_and_drain(loop);
  assert_int_equal(rs.nstatus, 64);
  for (i = 0; i < 64; i++) {
    if (rs.statuses[i] == 0)
      ok++;
    else if (rs.statuses[i] == ND_ECANCELED)
      cancelled++;
    else if (rs.statuses[i] == ND_ECONNRESET || rs.statuses[i] == ND_EPIPE)
      failed++;
    else
      fail_msg("write %d: %s", i, nd_err_name(rs.statuses[i]));
  }
  /* Some went out, at most one failed, the rest were cancelled in order. */
  assert_true(ok < 64);
  assert_true(failed <= 1);
  /* The reset was reported, to the reader or to a writer. */
  assert_true(rs.read_err == ND_ECONNRESET || failed == 1);
  assert_int_equal(ok + failed + cancelled, 64);
  for (i = 1; i < 64; i++)
    if (rs.statuses[i - 1] == ND_ECANCELED)
      assert_int_equal(rs.statuses[i], ND_ECANCELED);
  free(rs.chunk);
}

/* --- closing with writes queued ----------------------------------------- */

#define NCANCEL 16
static int cancel_order[NCANCEL];
static int cancel_status[NCANCEL];
static int ncancel;
static int close_seen_after;

static void cancel_write_cb(nd_write_t *req, int status) {
  assert_true(status == 0 || status == ND_ECANCELED);
  cancel_status[ncancel] = status;
  cancel_order[ncancel++] = (int)(intptr_t)req->data;
}

static void cancel_closed(nd_handle_t *h) {
  (void)h;
  close_seen_after = ncancel;
}

static void test_close_pending_writes(void **state) {
  nd_loop_t *loop = *state;
  nd_write_t reqs[NCANCEL];
  nd_tcp_t server, tcp;
  nd_buf_t buf;
  char *big = calloc(1, 8 << 20);
  int fd, i, r;

  assert_non_null(big);
  ncancel = 0;
  close_seen_after = -1;
  /*
   * The peer is a connection left in the listener's backlog: nobody reads
   * it.  (Closing the listener would reset it.)
   */
  fd = raw_connect(bind_listener(loop, &server, ignore_connection_cb));
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_open(&tcp, fd));
  /* 128 MiB to a peer that never reads: the kernel takes a few. */
  for (i = 0; i < NCANCEL; i++) {
    buf.base = big;
    buf.len = 8 << 20;
    reqs[i].data = (void *)(intptr_t)i;
    r = nd_write(&reqs[i], (nd_stream_t *)&tcp, &buf, 1, cancel_write_cb);
    assert_true(r == 0 || r == ND_STREAM_PRESSURE);
  }
  assert_int_equal(r, ND_STREAM_PRESSURE);
  assert_true(tcp.write_queue_size > 64u << 20);
  nd_close((nd_handle_t *)&tcp, cancel_closed);
  /* Nothing runs inside nd_close. */
  assert_int_equal(ncancel, 0);
  nd_close((nd_handle_t *)&server, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(ncancel, NCANCEL);
  for (i = 0; i < NCANCEL; i++)
    assert_int_equal(cancel_order[i], i);
  /* Those the kernel took succeeded; every later one was cancelled. */
  for (i = 1; i < NCANCEL; i++)
    if (cancel_status[i - 1] == ND_ECANCELED)
      assert_int_equal(cancel_status[i], ND_ECANCELED);
  assert_int_equal(cancel_status[NCANCEL - 1], ND_ECANCELED);
  assert_int_equal(cancel_status[NCANCEL - 8], ND_ECANCELED);
  /* Every write callback came before the close callback. */
  assert_int_equal(close_seen_after, NCANCEL);
  free(big);
}

/* --- EMFILE on accept --------------------------------------------------- */

static int emfile_accepted;
static int emfile_errors;

static void emfile_connection_cb(nd_stream_t *server, int status) {
  nd_tcp_t *c;

  if (status != 0) {
    emfile_errors++;
    return;
  }
  c = malloc(sizeof(*c));
  ND_OK(nd_tcp_init(server->loop, c));
  ND_OK(nd_accept(server, (nd_stream_t *)c));
  nd_close((nd_handle_t *)c, (nd_close_cb)free);
  emfile_accepted++;
}

static int highest_fd(void) {
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  int top = -1, fd;

  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    fd = atoi(e->d_name);
    if (e->d_name[0] != '.' && fd != dirfd(d) && fd > top)
      top = fd;
  }
  closedir(d);
  return top;
}

/*
 * Out of descriptors, the listener turns the waiting clients away (they
 * see the connection end) instead of waking the loop forever, and accepts
 * again once descriptors are free.
 */
static void test_accept_emfile(void **state) {
  nd_loop_t *loop = *state;
  static int holes[4096];
  struct rlimit old, rl;
  nd_tcp_t server;
  int clients[3];
  int i, port, fds, top, nholes;
  char c;
  ssize_t n;

  emfile_accepted = emfile_errors = 0;
  port = bind_listener(loop, &server, emfile_connection_cb);
  fds = test_count_fds();
  for (i = 0; i < 3; i++)
    clients[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  /*
   * Take every free descriptor number up to the highest one in use, and
   * set the limit just above it: accept has nowhere to go.
   */
  top = highest_fd();
  nholes = 0;
  for (;;) {
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    assert_true(fd >= 0);
    if (fd > top) {
      close(fd);
      break;
    }
    assert_true(nholes < 4096);
    holes[nholes++] = fd;
  }
  assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
  rl = old;
  rl.rlim_cur = (rlim_t)top + 1;
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
  assert_int_equal(open("/dev/null", O_RDONLY | O_CLOEXEC), -1);
  assert_int_equal(errno, EMFILE);
  for (i = 0; i < 3; i++) {
    struct sockaddr_in addr = loopback(port);
    assert_int_equal(connect(clients[i], (struct sockaddr *)&addr,
                             sizeof(addr)), 0);
  }
  for (i = 0; i < 50; i++)
    nd_run(loop, ND_RUN_NOWAIT);
  /* Turned away: each client sees its connection end. */
  for (i = 0; i < 3; i++) {
    struct pollfd p = {clients[i], POLLIN, 0};
    assert_int_equal(poll(&p, 1, 5000), 1);
    n = recv(clients[i], &c, 1, 0);
    assert_true(n == 0 || (n < 0 && errno == ECONNRESET));
  }
  assert_int_equal(emfile_accepted, 0);
  /* The reserve made it quiet: the server was not told (as libuv). */
  assert_int_equal(emfile_errors, 0);
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
  for (i = 0; i < nholes; i++)
    close(holes[i]);
  for (i = 0; i < 3; i++)
    close(clients[i]);
  /* Descriptors are back: the next client is accepted. */
  clients[0] = raw_connect(port);
  while (emfile_accepted == 0)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(emfile_accepted, 1);
  close(clients[0]);
  nd_close((nd_handle_t *)&server, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  /* Less the listener's descriptor. */
  assert_int_equal(test_count_fds(), fds - 1);
}

/* --- options, names, bad input ------------------------------------------ */

static void test_options_and_names(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in6 a6;
  struct sockaddr_in a4;
  struct sockaddr_storage ss;
  char name[64];
  nd_tcp_t tcp, tcp6;
  int on, len;
  socklen_t olen = sizeof(on);

  /* Options given before the socket exists apply when it is made. */
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_nodelay(&tcp, 1));
  ND_OK(nd_tcp_keepalive(&tcp, 1, 30));
  assert_int_equal(nd_tcp_keepalive(&tcp, 1, 0), ND_EINVAL);
  ND_OK(nd_tcp_simultaneous_accepts(&tcp, 1));
  len = sizeof(ss);
  assert_int_equal(nd_tcp_getsockname(&tcp, (struct sockaddr *)&ss, &len),
                   ND_EINVAL);
  a4 = loopback(0);
  ND_OK(nd_tcp_bind(&tcp, (struct sockaddr *)&a4, 0));
  assert_int_equal(getsockopt(tcp.io_watcher.fd, IPPROTO_TCP, TCP_NODELAY,
                              &on, &olen), 0);
  assert_int_equal(on, 1);
  assert_int_equal(getsockopt(tcp.io_watcher.fd, SOL_SOCKET, SO_KEEPALIVE,
                              &on, &olen), 0);
  assert_int_equal(on, 1);
  assert_int_equal(getsockopt(tcp.io_watcher.fd, IPPROTO_TCP, TCP_KEEPIDLE,
                              &on, &olen), 0);
  assert_int_equal(on, 30);
  ND_OK(nd_tcp_keepalive_ex(&tcp, 1, 10, 3, 4));
  assert_int_equal(getsockopt(tcp.io_watcher.fd, IPPROTO_TCP, TCP_KEEPINTVL,
                              &on, &olen), 0);
  assert_int_equal(on, 3);
  assert_int_equal(getsockopt(tcp.io_watcher.fd, IPPROTO_TCP, TCP_KEEPCNT,
                              &on, &olen), 0);
  assert_int_equal(on, 4);
  len = sizeof(ss);
  ND_OK(nd_tcp_getsockname(&tcp, (struct sockaddr *)&ss, &len));
  ND_OK(nd_ip_name((struct sockaddr *)&ss, name, sizeof(name)));
  assert_string_equal(name, "127.0.0.1");
  len = sizeof(ss);
  assert_int_equal(nd_tcp_getpeername(&tcp, (struct sockaddr *)&ss, &len),
                   ND_ENOTCONN);
  /* Bound already: a second bind fails. */
  assert_int_equal(nd_tcp_bind(&tcp, (struct sockaddr *)&a4, 0), ND_EINVAL);
  assert_int_equal(nd_tcp_bind(&tcp, (struct sockaddr *)&a4, 99), ND_EINVAL);
  assert_int_equal(nd_tcp_bind(&tcp, (struct sockaddr *)&a4,
                               ND_TCP_IPV6ONLY), ND_EINVAL);

  /* IPv6, v6-only. */
  ND_OK(nd_tcp_init_ex(loop, &tcp6, AF_INET6));
  assert_true(tcp6.io_watcher.fd >= 0);
  ND_OK(nd_ip6_addr("::1", 0, &a6));
  ND_OK(nd_tcp_bind(&tcp6, (struct sockaddr *)&a6, ND_TCP_IPV6ONLY));
  assert_int_equal(getsockopt(tcp6.io_watcher.fd, IPPROTO_IPV6, IPV6_V6ONLY,
                              &on, &olen), 0);
  assert_int_equal(on, 1);
  len = sizeof(ss);
  ND_OK(nd_tcp_getsockname(&tcp6, (struct sockaddr *)&ss, &len));
  assert_int_equal(len, sizeof(struct sockaddr_in6));
  ND_OK(nd_ip_name((struct sockaddr *)&ss, name, sizeof(name)));
  assert_string_equal(name, "::1");

  /* Bad input. */
  assert_int_equal(nd_tcp_init_ex(loop, &tcp6, AF_UNIX), ND_EINVAL);
  assert_int_equal(nd_tcp_init_ex(loop, &tcp6, 0x100), ND_EINVAL);
  assert_int_equal(nd_ip4_addr("300.1.1.1", 80, &a4), ND_EINVAL);
  assert_int_equal(nd_ip6_addr("::g", 80, &a6), ND_EINVAL);
  assert_int_equal(nd_ip4_name(&a4, name, 3), ND_ENOSPC);
  assert_int_equal(nd_inet_pton(AF_UNIX, "x", &a4), ND_EAFNOSUPPORT);
  close_and_drain(loop);
}

/* An address in use is reported by listen, as libuv does. */
static void test_address_in_use(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  nd_tcp_t a, b;
  int port;

  port = bind_listener(loop, &a, echo_connection_cb);
  addr = loopback(port);
  ND_OK(nd_tcp_init(loop, &b));
  ND_OK(nd_tcp_bind(&b, (struct sockaddr *)&addr, 0));
  assert_int_equal(nd_listen((nd_stream_t *)&b, 16, echo_connection_cb),
                   ND_EADDRINUSE);
  /* With SO_REUSEPORT on both, a second server shares the port. */
  close_and_drain(loop);
  ND_OK(nd_tcp_init(loop, &a));
  ND_OK(nd_tcp_init(loop, &b));
  addr = loopback(0);
  ND_OK(nd_tcp_bind(&a, (struct sockaddr *)&addr, ND_TCP_REUSEPORT));
  {
    int len = sizeof(addr);
    ND_OK(nd_tcp_getsockname(&a, (struct sockaddr *)&addr, &len));
  }
  ND_OK(nd_listen((nd_stream_t *)&a, 16, echo_connection_cb));
  ND_OK(nd_tcp_bind(&b, (struct sockaddr *)&addr, ND_TCP_REUSEPORT));
  ND_OK(nd_listen((nd_stream_t *)&b, 16, echo_connection_cb));
  close_and_drain(loop);
}

/* try_write: all or part now, EAGAIN when full, never behind the queue. */
static void test_try_write(void **state) {
  nd_loop_t *loop = *state;
  nd_tcp_t server, tcp;
  nd_write_t req;
  nd_buf_t buf;
  char *big = calloc(1, 32 << 20);
  int port, fd, r;

  port = bind_listener(loop, &server, ignore_connection_cb);
  fd = raw_connect(port);
  ND_OK(nd_tcp_init(loop, &tcp));
  ND_OK(nd_tcp_open(&tcp, fd));
  buf.base = "abc";
  buf.len = 3;
  assert_int_equal(nd_try_write((nd_stream_t *)&tcp, &buf, 1), 3);
  buf.base = big;
  buf.len = 32 << 20;
  r = nd_try_write((nd_stream_t *)&tcp, &buf, 1);
  assert_true(r > 0 && r < (32 << 20));
  /* The kernel may grow the socket's buffer: write until it is full. */
  while ((r = nd_try_write((nd_stream_t *)&tcp, &buf, 1)) > 0)
    ;
  assert_int_equal(r, ND_EAGAIN);
  assert_int_equal(nd_try_write((nd_stream_t *)&tcp, &buf, 0), ND_EINVAL);
  /* A queued write: try_write must not overtake it. */
  buf.len = 1;
  req.data = NULL;
  assert_int_equal(nd_try_write((nd_stream_t *)&tcp, &buf, 1), ND_EAGAIN);
  ND_OK(nd_write(&req, (nd_stream_t *)&tcp, &buf, 1, NULL));
  /* Queued (readiness), or handed to the kernel in a send (io_uring). */
  assert_true(tcp.write_queue_size <= 1);
  assert_int_equal(nd_try_write((nd_stream_t *)&tcp, &buf, 1), ND_EAGAIN);
  close_and_drain(loop);
  free(big);
}

/* --- accepting later --------------------------------------------------- */

static int deferred_calls;

static void deferred_connection_cb(nd_stream_t *server, int status) {
  (void)server;
  assert_int_equal(status, 0);
  deferred_calls++;
}

/*
 * A server that accepts outside its callback: one connection is offered
 * at a time, the next only after nd_accept took it, and none is lost.
 */
static void test_accept_later(void **state) {
  nd_loop_t *loop = *state;
  nd_tcp_t server, conns[40];
  int clients[40];
  int i, port, taken = 0;
  watchdog_t wd;

  deferred_calls = 0;
  port = bind_listener(loop, &server, deferred_connection_cb);
  for (i = 0; i < 40; i++)
    clients[i] = raw_connect(port);
  watchdog_start(loop, &wd);
  while (taken < 40 && !wd.expired) {
    nd_run(loop, ND_RUN_ONCE);
    /* Offered once, and not again until taken. */
    assert_int_equal(deferred_calls, taken + 1);
    nd_run(loop, ND_RUN_NOWAIT);
    assert_int_equal(deferred_calls, taken + 1);
    ND_OK(nd_tcp_init(loop, &conns[taken]));
    ND_OK(nd_accept((nd_stream_t *)&server, (nd_stream_t *)&conns[taken]));
    assert_int_equal(nd_accept((nd_stream_t *)&server,
                               (nd_stream_t *)&conns[taken]), ND_EAGAIN);
    taken++;
  }
  assert_false(wd.expired);
  assert_int_equal(deferred_calls, 40);
  for (i = 0; i < 40; i++)
    close(clients[i]);
  close_and_drain(loop);
}

/* --- nd_loop_fork ------------------------------------------------------ */

static struct {
  nd_tcp_t server, conn, client;
  nd_connect_t connect;
  nd_write_t big, hello;
  char got[16];
  size_t ngot;
  int accepted, connected, writes;
} fk;

static void fk_connection_cb(nd_stream_t *server, int status) {
  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &fk.conn));
  ND_OK(nd_accept(server, (nd_stream_t *)&fk.conn));
  fk.accepted = 1;
}

static void fk_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  fk.connected = 1;
}

static void fk_read_cb(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  (void)s;
  if (n > 0 && fk.ngot + (size_t)n <= sizeof(fk.got)) {
    memcpy(fk.got + fk.ngot, buf->base, (size_t)n);
    fk.ngot += (size_t)n;
  }
  free(buf->base);
}

static void fk_write_cb(nd_write_t *req, int status) {
  (void)req;
  (void)status;
  fk.writes++;
}

/* In the child: the streams still read and write, and close. */
static int fk_child(nd_loop_t *loop) {
  nd_buf_t buf = {"hello", 5};
  uint64_t deadline;

  if (nd_loop_fork(loop) != 0)
    return 10;
  if (nd_write(&fk.hello, (nd_stream_t *)&fk.conn, &buf, 1, fk_write_cb) < 0)
    return 11;
  deadline = test_ms() + 5000;
  while (fk.ngot < 5 && test_ms() < deadline)
    nd_run(loop, ND_RUN_ONCE);
  if (fk.ngot != 5 || memcmp(fk.got, "hello", 5) != 0)
    return 12;
  nd_walk(loop, close_walk_cb, NULL);
  if (nd_run(loop, ND_RUN_DEFAULT) != 0)
    return 13;
  /* Every write had its callback: the big one cancelled or done. */
  if (fk.writes != 2)
    return 14;
  return nd_loop_close(loop) == 0 ? 0 : 15;
}

/*
 * nd_loop_fork with a receive armed and a large send under way (on
 * io_uring, ring ops the child never sees complete): the child's streams
 * go on reading and writing, and its loop closes.
 */
static void test_fork_streams(void **state) {
  nd_loop_t *loop = *state;
  struct sockaddr_in addr;
  static char big[8 << 20];
  nd_buf_t buf = {big, sizeof(big)};
  watchdog_t wd;
  int status;
  pid_t pid;

  memset(&fk, 0, sizeof(fk));
  addr = loopback(bind_listener(loop, &fk.server, fk_connection_cb));
  ND_OK(nd_tcp_init(loop, &fk.client));
  ND_OK(nd_tcp_connect(&fk.connect, &fk.client, (struct sockaddr *)&addr,
                       fk_connect_cb));
  watchdog_start(loop, &wd);
  while (!(fk.accepted && fk.connected) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  ND_OK(nd_read_start((nd_stream_t *)&fk.client, alloc_malloc, fk_read_cb));
  /* 8 MiB to a peer that does not read: the send stays in flight. */
  assert_true(nd_write(&fk.big, (nd_stream_t *)&fk.client, &buf, 1,
                       fk_write_cb) >= 0);
  nd_run(loop, ND_RUN_NOWAIT);
  nd_run(loop, ND_RUN_NOWAIT);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(fk_child(loop));
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  close_and_drain(loop);
}

/* --- loop-buffer reads, and ping-pong --------------------------------- */

static struct {
  nd_tcp_t server, conn, client;
  nd_connect_t connect;
  char msg[64];
  unsigned int rounds, target;
  size_t got;
  int lent_seen;
} pp;

static nd_write_t pp_reqs[2];

static void pp_write_cb(nd_write_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
}

static void pp_send(nd_stream_t *s, nd_write_t *req) {
  nd_buf_t buf = {pp.msg, 4};

  snprintf(pp.msg, sizeof(pp.msg), "%04u", pp.rounds % 10000);
  ND_OK(nd_write(req, s, &buf, 1, pp_write_cb));
}

/* The server echoes from the loop's buffer, lent for the callback. */
static void pp_server_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  static char echo[64];
  nd_buf_t out;

  if (n == ND_EOF) {
    nd_close((nd_handle_t *)s, NULL);
    return;
  }
  assert_true(n > 0 && n <= 4);
  /* Lent memory: not ours after the callback, so the echo is a copy. */
  assert_ptr_not_equal(buf->base, echo);
  pp.lent_seen++;
  memcpy(echo, buf->base, (size_t)n);
  out.base = echo;
  out.len = (size_t)n;
  ND_OK(nd_write(&pp_reqs[1], s, &out, 1, pp_write_cb));
}

static void pp_client_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  char want[8];

  assert_true(n > 0);
  snprintf(want, sizeof(want), "%04u", pp.rounds % 10000);
  assert_memory_equal(buf->base, want + pp.got, (size_t)n);
  pp.got += (size_t)n;
  if (pp.got < 4)
    return;
  pp.got = 0;
  if (++pp.rounds == pp.target) {
    nd_close((nd_handle_t *)s, NULL);
    nd_close((nd_handle_t *)&pp.server, NULL);
    return;
  }
  pp_send(s, &pp_reqs[0]);
}

static void pp_connection_cb(nd_stream_t *server, int status) {
  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(server->loop, &pp.conn));
  ND_OK(nd_accept(server, (nd_stream_t *)&pp.conn));
  ND_OK(nd_tcp_nodelay(&pp.conn, 1));
  ND_OK(nd_read_start_loopbuf((nd_stream_t *)&pp.conn, pp_server_read));
}

static void pp_connect_cb(nd_connect_t *req, int status) {
  (void)req;
  assert_int_equal(status, 0);
  ND_OK(nd_read_start_loopbuf((nd_stream_t *)&pp.client, pp_client_read));
  pp_send((nd_stream_t *)&pp.client, &pp_reqs[0]);
}

/* n round trips of a 4-byte message, both ends reading lent buffers. */
static void ping_pong(nd_loop_t *loop, unsigned int n) {
  struct sockaddr_in addr;

  memset(&pp, 0, sizeof(pp));
  pp.target = n;
  addr = loopback(bind_listener(loop, &pp.server, pp_connection_cb));
  ND_OK(nd_tcp_init(loop, &pp.client));
  ND_OK(nd_tcp_nodelay(&pp.client, 1));
  ND_OK(nd_tcp_connect(&pp.connect, &pp.client, (struct sockaddr *)&addr,
                       pp_connect_cb));
  assert_int_equal(nd_read_start_loopbuf((nd_stream_t *)&pp.client, NULL),
                   ND_EINVAL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(pp.rounds, n);
  assert_true(pp.lent_seen >= (int)n);
}

static void test_loopbuf_ping_pong(void **state) {
  ping_pong(*state, 2000);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
      LOOP_TEST(test_echo_one),
      LOOP_TEST(test_echo_thousand),
      LOOP_TEST(test_backpressure),
      LOOP_TEST(test_half_close),
      LOOP_TEST(test_connect_refused),
      LOOP_TEST(test_connect_cancelled),
      LOOP_TEST(test_peer_reset_mid_write),
      LOOP_TEST(test_close_pending_writes),
      LOOP_TEST(test_accept_emfile),
      LOOP_TEST(test_options_and_names),
      LOOP_TEST(test_address_in_use),
      LOOP_TEST(test_try_write),
      LOOP_TEST(test_loopbuf_ping_pong),
      LOOP_TEST(test_accept_later),
      LOOP_TEST(test_fork_streams),
  };

  /* For tests/examples/strace-streams.sh: a ping-pong and nothing else. */
  if (argc == 3 && strcmp(argv[1], "--ping-pong") == 0) {
    nd_loop_t loop;
    ND_OK(nd_loop_init(&loop));
    ping_pong(&loop, (unsigned int)atoi(argv[2]));
    ND_OK(nd_loop_close(&loop));
    return 0;
  }

  signal(SIGPIPE, SIG_DFL); /* a write that raised it would kill the test */
  return cmocka_run_group_tests(tests, NULL, NULL);
}
