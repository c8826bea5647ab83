/*
 * ping_pongs.c - the latency of a request/response exchange over TCP.
 *
 * One TCP connection over 127.0.0.1, both ends in this process and on one
 * loop, one thread.  The client sends a 4-byte message ("PING"), the server
 * echoes every byte it reads, and the client sends the next message only
 * when it has received the whole echo of the previous one, so exactly one
 * message is ever in flight and every round trip is two wake-ups of the
 * loop.  After 5 s of wall time the client shuts down its sending side, the
 * server closes when it reads the end of the stream, and the client closes
 * when it reads the server's.
 *
 * libnodec has no stream API (uv_tcp_t) yet, so the sockets are raw
 * non-blocking ones watched by poll handles (uv_poll_t); the program does
 * socket/connect/accept/read/write itself, much as a stream implementation
 * would: it writes at once and asks for writability only when a write came
 * up short, reads whatever is there when the socket is readable, and copes
 * with a message that arrives or leaves in pieces.  Every byte is checked:
 * the server must read PINGPING... and the client must get back exactly
 * what it sent; anything else aborts.
 *
 * Results: round trips per second, and the CPU time (user + system of the
 * whole process, from the first ping to the last echo) per round trip in
 * microseconds, where lower is better.  Extra counts go to stderr.
 *
 * Run: make bench BENCH=ping_pongs
 */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <uv.h>

#include "bench.h"

#define DURATION_NS (5 * UINT64_C(1000000000))
#define MSG "PING"
#define MSG_LEN 4
#define BUF_SIZE 64

/* One end of the connection: a socket and the poll handle watching it. */
struct end {
  uv_poll_t poll;
  const char *name;
  int fd;
  int events;        /* what the poll handle is started with, or 0 */
  int closed;        /* the close callback ran */
};

static uv_loop_t loop;

static struct end listener = {.name = "listener", .fd = -1};
static struct end client = {.name = "client", .fd = -1};
static struct end server = {.name = "server", .fd = -1};

static int client_connected;
static int server_accepted;

/* Client: the message in flight. */
static size_t client_sent;      /* bytes of it written so far */
static size_t client_echoed;    /* bytes of its echo read so far */
static int client_done;         /* time is up, SHUT_WR sent */

/* Server: bytes read but not yet echoed, and all it has read. */
static char server_buf[BUF_SIZE];
static size_t server_pending;
static uint64_t server_read_total;
static int server_eof;

static uint64_t roundtrips;
static uint64_t spurious;       /* readiness reported, but EAGAIN */
static uint64_t short_ios;      /* reads or writes of less than a message */
static uint64_t start_ns, stop_ns;
static double cpu_start, cpu_used;

static void end_cb(uv_poll_t *handle, int status, int events);

/* Starts or changes the poll handle when the wanted events changed. */
static void end_watch(struct end *e, int events) {
  if (events == e->events)
    return;
  if (events == 0)
    bench_check(uv_poll_stop(&e->poll), "uv_poll_stop");
  else
    bench_check(uv_poll_start(&e->poll, events, end_cb), "uv_poll_start");
  e->events = events;
}

static void end_close_cb(uv_handle_t *handle) {
  struct end *e = handle->data;

  if (close(e->fd) != 0)
    bench_fatal("close (%s): %s", e->name, strerror(errno));
  e->fd = -1;
  e->closed = 1;
}

static void end_close(struct end *e) {
  e->events = 0;
  uv_close((uv_handle_t *)&e->poll, end_close_cb);
}

static void end_init(struct end *e, int fd) {
  int one = 1;

  e->fd = fd;
  if (e != &listener &&
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) != 0)
    bench_fatal("setsockopt TCP_NODELAY (%s): %s", e->name, strerror(errno));
  bench_check(uv_poll_init_socket(&loop, &e->poll, fd), "uv_poll_init_socket");
  e->poll.data = e;
}

/* write(2) that retries on EINTR; returns bytes written, 0 for EAGAIN. */
static size_t xwrite(struct end *e, const char *buf, size_t len) {
  ssize_t n;

  do
    n = write(e->fd, buf, len);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      return 0;
    bench_fatal("write (%s): %s", e->name, strerror(errno));
  }
  if ((size_t)n < len)
    short_ios++;
  return (size_t)n;
}

/* read(2) that retries on EINTR; returns bytes read, 0 at the end of the
 * stream and -1 for EAGAIN. */
static ssize_t xread(struct end *e, char *buf, size_t len) {
  ssize_t n;

  do
    n = read(e->fd, buf, len);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      spurious++;
      return -1;
    }
    bench_fatal("read (%s): %s", e->name, strerror(errno));
  }
  return n;
}

/* Client: write what is left of the message in flight. */
static void client_flush(void) {
  client_sent += xwrite(&client, MSG + client_sent, MSG_LEN - client_sent);
  end_watch(&client,
            UV_READABLE | (client_sent < MSG_LEN ? UV_WRITABLE : 0));
}

static void client_send_next(void) {
  client_sent = 0;
  client_echoed = 0;
  client_flush();
}

/* Both ends are connected: the timed part begins with the first ping. */
static void maybe_start(void) {
  if (!client_connected || !server_accepted)
    return;
  cpu_start = bench_cpu_seconds();
  start_ns = uv_hrtime();
  client_send_next();
}

static void client_readable(void) {
  char buf[BUF_SIZE];
  ssize_t n;
  uint64_t now;

  n = xread(&client, buf, sizeof(buf));
  if (n < 0)
    return;
  if (n == 0) {
    /* The server closed, which it does only after our shutdown. */
    if (!client_done)
      bench_fatal("client: the server closed the connection early");
    end_close(&client);
    return;
  }
  if (client_done)
    bench_fatal("client: %zd bytes after the last round trip", n);
  if (client_echoed + (size_t)n > client_sent)
    bench_fatal("client: echo of %zu bytes, only %zu sent",
                client_echoed + (size_t)n, client_sent);
  if (memcmp(buf, MSG + client_echoed, (size_t)n) != 0)
    bench_fatal("client: the echo differs from what was sent");
  if ((size_t)n < MSG_LEN)
    short_ios++;
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
  if (shutdown(client.fd, SHUT_WR) != 0)
    bench_fatal("shutdown (client): %s", strerror(errno));
  end_watch(&client, UV_READABLE);
}

/* Server: echo what it holds; read more only while there is room. */
static void server_flush(void) {
  size_t n = 0;

  if (server_pending > 0) {
    n = xwrite(&server, server_buf, server_pending);
    memmove(server_buf, server_buf + n, server_pending - n);
    server_pending -= n;
  }
  if (server_eof && server_pending == 0) {
    end_close(&server);
    return;
  }
  end_watch(&server,
            (!server_eof && server_pending < sizeof(server_buf)
                 ? UV_READABLE : 0) |
                (server_pending > 0 ? UV_WRITABLE : 0));
}

static void server_readable(void) {
  ssize_t n;
  size_t i;

  n = xread(&server, server_buf + server_pending,
            sizeof(server_buf) - server_pending);
  if (n < 0)
    return;
  if (n == 0) {
    if (!client_done)
      bench_fatal("server: the client closed the connection early");
    if (server_read_total % MSG_LEN != 0)
      bench_fatal("server: the stream ended inside a message");
    server_eof = 1;
    return;
  }
  for (i = 0; i < (size_t)n; i++)
    if (server_buf[server_pending + i] !=
        MSG[(server_read_total + i) % MSG_LEN])
      bench_fatal("server: byte %llu is not the one the client sent",
                  (unsigned long long)(server_read_total + i));
  if ((size_t)n < MSG_LEN)
    short_ios++;
  server_read_total += (uint64_t)n;
  server_pending += (size_t)n;
}

/* The client's non-blocking connect finished. */
static void client_connect_done(void) {
  int err = 0;
  socklen_t len = sizeof(err);

  if (getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
    bench_fatal("getsockopt SO_ERROR: %s", strerror(errno));
  if (err == EINPROGRESS)
    return;
  if (err != 0)
    bench_fatal("connect: %s", strerror(err));
  client_connected = 1;
  end_watch(&client, UV_READABLE);
  maybe_start();
}

static void listener_readable(void) {
  int fd;

  fd = accept4(listener.fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (fd < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ||
        errno == ECONNABORTED) {
      spurious++;
      return;
    }
    bench_fatal("accept4: %s", strerror(errno));
  }
  /* One connection is all there is. */
  end_close(&listener);
  end_init(&server, fd);
  server_accepted = 1;
  end_watch(&server, UV_READABLE);
  maybe_start();
}

static void end_cb(uv_poll_t *handle, int status, int events) {
  struct end *e = handle->data;

  if (status < 0)
    bench_fatal("poll callback (%s): %s (%s)", e->name, uv_strerror(status),
                uv_err_name(status));
  events &= e->events;
  if (e == &listener) {
    if (events & UV_READABLE)
      listener_readable();
  } else if (e == &client) {
    if (!client_connected) {
      if (events & UV_WRITABLE)
        client_connect_done();
      return;
    }
    if (events & UV_WRITABLE)
      client_flush();
    if ((events & UV_READABLE) && !client.closed && client.events != 0)
      client_readable();
  } else {
    if (events & UV_READABLE)
      server_readable();
    if (server.events != 0)
      server_flush();
  }
}

int main(void) {
  struct sockaddr_in addr;
  socklen_t len = sizeof(addr);
  double seconds;
  int fd;

  signal(SIGPIPE, SIG_IGN);
  bench_check(uv_loop_init(&loop), "uv_loop_init");

  /* The listening socket, on a port the kernel picks. */
  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    bench_fatal("socket (listener): %s", strerror(errno));
  memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0)
    bench_fatal("bind: %s", strerror(errno));
  if (listen(fd, 1) != 0)
    bench_fatal("listen: %s", strerror(errno));
  if (getsockname(fd, (struct sockaddr *)&addr, &len) != 0)
    bench_fatal("getsockname: %s", strerror(errno));
  end_init(&listener, fd);
  end_watch(&listener, UV_READABLE);

  /* The client, connecting without blocking. */
  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    bench_fatal("socket (client): %s", strerror(errno));
  end_init(&client, fd);
  if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
    client_connected = 1;
    end_watch(&client, UV_READABLE);
  } else if (errno == EINPROGRESS) {
    end_watch(&client, UV_WRITABLE);
  } else {
    bench_fatal("connect: %s", strerror(errno));
  }

  bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");

  if (stop_ns == 0)
    bench_fatal("the loop ended before the time was up (%llu round trips)",
                (unsigned long long)roundtrips);
  if (!listener.closed || !client.closed || !server.closed)
    bench_fatal("the loop ended with a socket still open");
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
          "%llu spurious wake-ups, %llu short reads/writes\n",
          (unsigned long long)roundtrips, seconds, cpu_used,
          (unsigned long long)spurious, (unsigned long long)short_ios);
  bench_report("ping_pongs", (double)roundtrips / seconds, "roundtrips/s");
  bench_report("ping_pongs_cpu", cpu_used * 1e6 / (double)roundtrips,
               "us/roundtrip");
  return 0;
}
