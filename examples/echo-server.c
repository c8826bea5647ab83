/*
 * echo-server.c - a TCP echo server on libnodec: every byte a client sends
 * comes back to it, in order.
 *
 * Listens on 127.0.0.1.  What it shows:
 *
 *   - reading from the loop's own buffers (nd_read_start_loopbuf) and
 *     answering with nd_try_write straight from them: when the socket takes
 *     everything, as it nearly always does, the data is never copied.  Only
 *     what the kernel would not take at once is copied into a write request
 *     (nd_write), and while one is queued every later byte goes behind it,
 *     so the order holds;
 *   - backpressure: nd_write returns ND_STREAM_PRESSURE once the client's
 *     queue reaches the high watermark (it sends faster than it reads), and
 *     the server stops reading from it (nd_read_stop) until the drain
 *     callback says the queue is down to the low watermark.  A client that
 *     sends without reading costs the server at most the high watermark;
 *   - half-close: when the client shuts down its sending side (end of
 *     stream), the server sends what it still owes and shuts down its own;
 *     the connection closes when both are done;
 *   - a clean stop on SIGINT or SIGTERM: every handle is closed and
 *     nd_loop_close() returns 0.
 *
 * Run: build/examples/echo-server [PORT]    (0 or nothing: a free port)
 *      It prints "listening on 127.0.0.1:PORT"; try
 *      nc 127.0.0.1 PORT, type a line, then Ctrl-C the server.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodec.h"

struct conn {
  nd_tcp_t tcp;
  struct conn *prev, *next;       /* every open connection */
  int paused;                     /* reading stopped by backpressure */
  int eof;                        /* the client has finished sending */
  nd_shutdown_t shutdown_req;
};

/* A copy of what the socket did not take at once, queued behind the rest. */
struct echo {
  nd_write_t req;
  char data[];
};

static nd_loop_t loop;
static nd_tcp_t server;
static nd_signal_t sigint_h, sigterm_h;
static struct conn conns;         /* list head */
static unsigned long long bytes, copied, connections, pauses;

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf);

static void fail(int r, const char *what) {
  fprintf(stderr, "echo-server: %s: %s (%s)\n", what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

static void on_conn_closed(nd_handle_t *handle) {
  struct conn *c = (struct conn *)handle;

  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c);
}

static void conn_close(struct conn *c) {
  if (!nd_is_closing((nd_handle_t *)&c->tcp))
    nd_close((nd_handle_t *)&c->tcp, on_conn_closed);
}

static void on_written(nd_write_t *req, int status) {
  struct conn *c = req->data;

  free(req);
  /* ND_ECANCELED: the connection was closed first, and is gone. */
  if (status < 0 && status != ND_ECANCELED)
    conn_close(c);
}

static void on_shutdown(nd_shutdown_t *req, int status) {
  /* Both directions are done (or failed): the connection has served. */
  (void)status;
  conn_close(req->data);
}

/* The client has read enough: echo its data again. */
static void on_drain(nd_stream_t *stream) {
  struct conn *c = (struct conn *)stream;

  if (!c->paused || c->eof)
    return;
  c->paused = 0;
  if (nd_read_start_loopbuf(stream, on_read) < 0)
    conn_close(c);
}

/* Sends [data, data + len) back: directly if the socket takes it. */
static void echo(struct conn *c, const char *data, size_t len) {
  nd_buf_t buf = nd_buf_init((char *)data, (unsigned int)len);
  struct echo *e;
  int r;

  bytes += len;
  r = nd_try_write((nd_stream_t *)&c->tcp, &buf, 1);
  if (r == ND_EAGAIN)
    r = 0; /* the socket is full, or writes are queued: queue behind them */
  if (r < 0) {
    conn_close(c);
    return;
  }
  if ((size_t)r == len)
    return;
  /* The rest outlives this callback's buffer: copy it into a request. */
  len -= (size_t)r;
  e = malloc(sizeof(*e) + len);
  if (e == NULL) {
    conn_close(c);
    return;
  }
  memcpy(e->data, data + r, len);
  copied += len;
  e->req.data = c;
  buf = nd_buf_init(e->data, (unsigned int)len);
  r = nd_write(&e->req, (nd_stream_t *)&c->tcp, &buf, 1, on_written);
  if (r < 0) {
    free(e);
    conn_close(c);
    return;
  }
  if (r == ND_STREAM_PRESSURE) {
    /*
     * Backpressure: the client sends faster than it reads.  Stop reading
     * it until the queue drains; its own writes then wait in the kernel.
     */
    nd_read_stop((nd_stream_t *)&c->tcp);
    c->paused = 1;
    pauses++;
  }
}

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf) {
  struct conn *c = (struct conn *)stream;

  if (nread > 0) {
    echo(c, buf->base, (size_t)nread);
    return;
  }
  if (nread == ND_EOF) {
    /* Half-close: send what is still queued, then end our side too. */
    c->eof = 1;
    nd_read_stop(stream);
    c->shutdown_req.data = c;
    if (nd_shutdown(&c->shutdown_req, stream, on_shutdown) < 0)
      conn_close(c);
    return;
  }
  if (nread < 0)
    conn_close(c); /* reset, or another error */
}

static void on_connection(nd_stream_t *listener, int status) {
  struct conn *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "echo-server: accept: %s\n", nd_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "echo-server: out of memory\n");
    return; /* the connection waits; the next callback tries again */
  }
  if ((r = nd_tcp_init(&loop, &c->tcp)) < 0)
    fail(r, "nd_tcp_init");
  c->next = conns.next;
  c->prev = &conns;
  conns.next->prev = c;
  conns.next = c;
  if ((r = nd_accept(listener, (nd_stream_t *)&c->tcp)) < 0) {
    fprintf(stderr, "echo-server: nd_accept: %s\n", nd_strerror(r));
    conn_close(c);
    return;
  }
  connections++;
  nd_tcp_nodelay(&c->tcp, 1);
  nd_stream_on_drain((nd_stream_t *)&c->tcp, on_drain);
  if (nd_read_start_loopbuf((nd_stream_t *)&c->tcp, on_read) < 0)
    conn_close(c);
}

static void on_signal(nd_signal_t *handle, int signum) {
  struct conn *c, *next;

  (void)handle;
  fprintf(stderr, "echo-server: %s: closing every handle\n",
          strsignal(signum));
  for (c = conns.next; c != &conns; c = next) {
    next = c->next;
    conn_close(c);
  }
  nd_close((nd_handle_t *)&server, NULL);
  nd_close((nd_handle_t *)&sigint_h, NULL);
  nd_close((nd_handle_t *)&sigterm_h, NULL);
}

int main(int argc, char **argv) {
  struct sockaddr_storage name;
  struct sockaddr_in addr;
  int namelen = sizeof(name);
  char *end;
  long port = 0;
  int r;

  if (argc > 2 || (argc == 2 && ((port = strtol(argv[1], &end, 10)) < 0 ||
                                 port > 65535 || *end != '\0' ||
                                 argv[1][0] == '\0'))) {
    fprintf(stderr, "usage: echo-server [PORT]\n");
    return 2;
  }
  conns.next = conns.prev = &conns;

  if ((r = nd_loop_init(&loop)) < 0)
    fail(r, "nd_loop_init");
  if ((r = nd_ip4_addr("127.0.0.1", (int)port, &addr)) < 0)
    fail(r, "nd_ip4_addr");
  if ((r = nd_tcp_init(&loop, &server)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_tcp_bind(&server, (const struct sockaddr *)&addr, 0)) < 0)
    fail(r, "nd_tcp_bind");
  if ((r = nd_listen((nd_stream_t *)&server, 511, on_connection)) < 0)
    fail(r, "nd_listen");
  if ((r = nd_tcp_getsockname(&server, (struct sockaddr *)&name,
                              &namelen)) < 0)
    fail(r, "nd_tcp_getsockname");
  if ((r = nd_signal_init(&loop, &sigint_h)) < 0 ||
      (r = nd_signal_start(&sigint_h, on_signal, SIGINT)) < 0 ||
      (r = nd_signal_init(&loop, &sigterm_h)) < 0 ||
      (r = nd_signal_start(&sigterm_h, on_signal, SIGTERM)) < 0)
    fail(r, "nd_signal_start");

  printf("listening on 127.0.0.1:%d\n",
         ntohs(((struct sockaddr_in *)&name)->sin_port));
  fflush(stdout);

  if ((r = nd_run(&loop, ND_RUN_DEFAULT)) < 0)
    fail(r, "nd_run");
  if ((r = nd_loop_close(&loop)) != 0)
    fail(r, "nd_loop_close");
  fprintf(stderr, "echo-server: %llu bytes echoed on %llu connections, "
          "%llu of them copied, %llu backpressure pauses; every handle "
          "closed, nd_loop_close() == 0\n", bytes, connections, copied,
          pauses);
  return 0;
}
