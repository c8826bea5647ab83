/*
 * chat-server.c - a line-based TCP chat on libnodec: every line a client
 * sends goes to every other client, and a client too slow to keep up is
 * dropped rather than let the server's memory grow.
 *
 * Listens on 127.0.0.1.  A client is greeted with "* you are client N";
 * the others hear "* client N joined", then "N: <line>" for each of its
 * lines, and "* client N left" or "* client N dropped: too slow".  What it
 * shows:
 *
 *   - broadcast without a copy per client: a line is put into one
 *     reference-counted message, and every recipient's write points into
 *     it (nd_try_write first, so a socket with room takes it at once and
 *     only the others hold a reference until their write completes);
 *   - slow clients: a write that leaves a client's queue at the high
 *     watermark returns ND_STREAM_PRESSURE (nd_stream_set_watermarks sets
 *     the mark; the default is 64 KiB).  A chat cannot pause the speaker
 *     for the slowest listener, so that listener is closed instead: what
 *     it had queued is cancelled and its references dropped;
 *   - lines split across reads, or several in one read, from a buffer per
 *     client; a line longer than that buffer is refused (the client is
 *     dropped);
 *   - a clean stop on SIGINT or SIGTERM: every handle is closed and
 *     nd_loop_close() returns 0.
 *
 * Run: build/examples/chat-server [PORT]    (0 or nothing: a free port)
 *      It prints "listening on 127.0.0.1:PORT"; try two of
 *      nc 127.0.0.1 PORT and type, then Ctrl-C the server.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodec.h"

#define LINE_MAX_LEN 4096

struct client {
  nd_tcp_t tcp;
  struct client *prev, *next;     /* every client, in order of arrival */
  unsigned long id;
  int gone;                       /* closing: no more messages to it */
  size_t len;                     /* bytes of an unfinished line in line */
  char line[LINE_MAX_LEN];
};

/* One line, as every recipient gets it; freed by the last write. */
struct message {
  unsigned int refs;
  size_t len;
  char data[];
};

struct delivery {
  nd_write_t req;
  struct message *msg;
};

static nd_loop_t loop;
static nd_tcp_t server;
static nd_signal_t sigint_h, sigterm_h;
static struct client clients;     /* list head */
static unsigned long next_id = 1;
static unsigned long long lines, deliveries, dropped;

static void fail(int r, const char *what) {
  fprintf(stderr, "chat-server: %s: %s (%s)\n", what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

static void message_unref(struct message *m) {
  if (--m->refs == 0)
    free(m);
}

static void on_client_closed(nd_handle_t *handle) {
  struct client *c = (struct client *)handle;

  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c);
}

static void client_close(struct client *c) {
  c->gone = 1;
  if (!nd_is_closing((nd_handle_t *)&c->tcp))
    nd_close((nd_handle_t *)&c->tcp, on_client_closed);
}

static void on_delivered(nd_write_t *req, int status) {
  struct delivery *d = (struct delivery *)req;
  struct client *c = req->data;

  message_unref(d->msg);
  free(d);
  /* ND_ECANCELED: the client was closed first. */
  if (status < 0 && status != ND_ECANCELED)
    client_close(c);
}

/*
 * Gives m to c.  Returns 1 when c's queue has reached its high watermark:
 * c reads too slowly to stay.
 */
static int deliver(struct client *c, struct message *m) {
  nd_buf_t buf = nd_buf_init(m->data, (unsigned int)m->len);
  struct delivery *d;
  int r;

  deliveries++;
  r = nd_try_write((nd_stream_t *)&c->tcp, &buf, 1);
  if (r == ND_EAGAIN)
    r = 0; /* full, or writes are queued: queue behind them */
  if (r < 0) {
    client_close(c);
    return 0;
  }
  if ((size_t)r == m->len)
    return 0;
  d = malloc(sizeof(*d));
  if (d == NULL) {
    client_close(c);
    return 0;
  }
  d->msg = m;
  m->refs++;
  d->req.data = c;
  buf = nd_buf_init(m->data + r, (unsigned int)(m->len - (size_t)r));
  r = nd_write(&d->req, (nd_stream_t *)&c->tcp, &buf, 1, on_delivered);
  if (r < 0) {
    message_unref(m);
    free(d);
    client_close(c);
    return 0;
  }
  return r == ND_STREAM_PRESSURE;
}

/* Sends a formatted line to every client but `except` (which may be NULL). */
__attribute__((format(printf, 2, 3)))
static void broadcast(struct client *except, const char *fmt, ...) {
  struct client *c, *slow[64];
  struct message *m;
  va_list ap;
  size_t nslow = 0, i;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  m = malloc(sizeof(*m) + (size_t)n + 1);
  if (m == NULL)
    return;
  va_start(ap, fmt);
  vsnprintf(m->data, (size_t)n + 1, fmt, ap);
  va_end(ap);
  m->len = (size_t)n;
  m->refs = 1; /* ours, while we hand it out */
  for (c = clients.next; c != &clients; c = c->next) {
    if (c == except || c->gone)
      continue;
    if (deliver(c, m) && nslow < sizeof(slow) / sizeof(slow[0]))
      slow[nslow++] = c;
  }
  message_unref(m);
  /* Dropped after the loop: each drop is news for the others. */
  for (i = 0; i < nslow; i++) {
    dropped++;
    client_close(slow[i]);
    broadcast(NULL, "* client %lu dropped: too slow\n", slow[i]->id);
  }
}

static void greet(struct client *c) {
  struct message *m = malloc(sizeof(*m) + 64);

  if (m == NULL) {
    client_close(c);
    return;
  }
  m->len = (size_t)snprintf(m->data, 64, "* you are client %lu\n", c->id);
  m->refs = 1;
  deliver(c, m);
  message_unref(m);
}

static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  struct client *c = (struct client *)handle;

  (void)suggested;
  *buf = nd_buf_init(c->line + c->len,
                     (unsigned int)(sizeof(c->line) - c->len));
}

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf) {
  struct client *c = (struct client *)stream;
  char *start, *nl, *end;

  (void)buf;
  if (nread == 0)
    return;
  if (nread < 0) {
    /* ND_EOF, or a reset: the client has gone. */
    client_close(c);
    broadcast(c, "* client %lu left\n", c->id);
    return;
  }
  if (c->gone)
    return;
  start = c->line;
  end = c->line + c->len + (size_t)nread;
  while ((nl = memchr(start, '\n', (size_t)(end - start))) != NULL) {
    lines++;
    broadcast(c, "%lu: %.*s\n", c->id, (int)(nl - start), start);
    start = nl + 1;
  }
  c->len = (size_t)(end - start);
  if (c->len == sizeof(c->line)) {
    client_close(c);
    broadcast(c, "* client %lu dropped: line too long\n", c->id);
    return;
  }
  memmove(c->line, start, c->len);
}

static void on_connection(nd_stream_t *listener, int status) {
  struct client *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "chat-server: accept: %s\n", nd_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "chat-server: out of memory\n");
    return; /* the connection waits; the next callback tries again */
  }
  if ((r = nd_tcp_init(&loop, &c->tcp)) < 0)
    fail(r, "nd_tcp_init");
  c->id = next_id++;
  c->next = &clients;
  c->prev = clients.prev;
  clients.prev->next = c;
  clients.prev = c;
  if ((r = nd_accept(listener, (nd_stream_t *)&c->tcp)) < 0) {
    fprintf(stderr, "chat-server: nd_accept: %s\n", nd_strerror(r));
    client_close(c);
    return;
  }
  nd_tcp_nodelay(&c->tcp, 1);
  if ((r = nd_read_start((nd_stream_t *)&c->tcp, on_alloc, on_read)) < 0) {
    client_close(c);
    return;
  }
  /* Everyone else hears of the arrival; the greeting is for c alone. */
  broadcast(c, "* client %lu joined\n", c->id);
  greet(c);
}

static void on_signal(nd_signal_t *handle, int signum) {
  struct client *c;

  (void)handle;
  fprintf(stderr, "chat-server: %s: closing every handle\n",
          strsignal(signum));
  for (c = clients.next; c != &clients; c = c->next)
    client_close(c);
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
    fprintf(stderr, "usage: chat-server [PORT]\n");
    return 2;
  }
  clients.next = clients.prev = &clients;

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
  fprintf(stderr, "chat-server: %llu lines, %llu deliveries, %llu slow "
          "clients dropped; every handle closed, nd_loop_close() == 0\n",
          lines, deliveries, dropped);
  return 0;
}
