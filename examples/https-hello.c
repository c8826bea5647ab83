/*
 * https-hello.c - the keep-alive HTTP/1.1 "Hello World" server of
 * http-hello.c, over TLS.
 *
 * The same server, with an nd_tls_t layered over every accepted nd_tcp_t:
 * the HTTP code reads and writes the TLS stream exactly as it read and
 * wrote the TCP connection, and nothing else changes.  It answers every
 * request with a fixed 12-byte body, keeps connections open between
 * requests and answers pipelined requests in order, several responses in
 * one write (one TLS record for them all).  What it shows, besides what
 * http-hello shows (the parser fed from the read callback, keep-alive as the
 * parser decides it, 400 for what it refuses, backpressure with
 * ND_STREAM_PRESSURE and nd_stream_on_drain, a clean stop on SIGINT or
 * SIGTERM):
 *
 *   - one server configuration (nd_tls_config_t) with the certificate
 *     chain and key, shared by every connection; session tickets (on by
 *     default) let clients resume;
 *   - a TLS stream per connection: nd_tls_init over the accepted TCP
 *     handle, nd_tls_handshake, and then the stream API on the TLS handle;
 *     nd_close on it closes the TCP connection under it too;
 *   - reading as soon as the connection is accepted: the read delivers
 *     plaintext once the handshake is over, and a failed handshake (a
 *     client that does not trust the certificate, speaks plain HTTP or
 *     sends garbage) ends the read with the reason, counted and logged;
 *   - nd_shutdown after the last response sends close_notify, then shuts
 *     the TCP connection's sending side.
 *
 * Run: build/examples/https-hello CERT KEY [PORT]    (0 or none: free port)
 *      CERT is a PEM certificate chain (leaf first), KEY its private key
 *      (tests/tls/make-certs.sh DIR makes a set).  It prints "listening on
 *      127.0.0.1:PORT"; try curl --cacert ca.pem https://localhost:PORT/ ,
 *      then Ctrl-C.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodec.h"

#define MAX_REPLY_BUFS 16

static const char ok_response[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Length: 12\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "Hello World\n";
static const char ok_close_response[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Length: 12\r\n"
    "Content-Type: text/plain\r\n"
    "Connection: close\r\n"
    "\r\n"
    "Hello World\n";
static const char bad_response[] =
    "HTTP/1.1 400 Bad Request\r\n"
    "Content-Length: 12\r\n"
    "Content-Type: text/plain\r\n"
    "Connection: close\r\n"
    "\r\n"
    "Bad Request\n";
#define OK_LEN (sizeof(ok_response) - 1)
#define OK_HEAD_LEN (OK_LEN - 12)
#define OK_CLOSE_LEN (sizeof(ok_close_response) - 1)
#define OK_CLOSE_HEAD_LEN (OK_CLOSE_LEN - 12)
#define BAD_LEN (sizeof(bad_response) - 1)

/*
 * Many keep-alive responses in a row go out as one buffer: the response
 * repeated, built once at start-up.
 */
#define OK_REPEAT 32
static char ok_repeated[OK_REPEAT * OK_LEN];

struct reply;

struct conn {
  nd_tcp_t tcp;                   /* the transport, owned by tls */
  nd_tls_t tls;                   /* what the HTTP code reads and writes */
  struct conn *prev, *next;       /* every open connection */
  nd_http_parser_t parser;
  struct reply *reply;            /* responses to what this read brought */
  int closing;                    /* last response sent; wait for EOF */
  int paused;                     /* reading stopped by backpressure */
  nd_shutdown_t shutdown_req;
};

/* One write: the responses to what one read brought. */
struct reply {
  nd_write_t req;
  nd_buf_t bufs[MAX_REPLY_BUFS];
  unsigned int nbufs;
};

static nd_loop_t loop;
static nd_tls_config_t *config;
static nd_tcp_t server;
static nd_signal_t sigint_h, sigterm_h;
static struct conn conns;         /* list head */
static unsigned long long requests, connections, pauses, refused,
    handshake_failures;

/*
 * Requests are parsed inside the read callback and nothing points into
 * them afterwards (the responses are constant strings), so one buffer
 * serves every connection.
 */
static char read_buf[65536];

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf);
static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf);

static void fail(int r, const char *what) {
  fprintf(stderr, "https-hello: %s: %s (%s)\n", what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

static void on_conn_closed(nd_handle_t *handle) {
  struct conn *c = handle->data;

  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c);
}

static void conn_close(struct conn *c) {
  if (!nd_is_closing((nd_handle_t *)&c->tls))
    nd_close((nd_handle_t *)&c->tls, on_conn_closed);
}

/* A connection that never became a TLS stream. */
static void on_tcp_closed(nd_handle_t *handle) {
  free((char *)handle - offsetof(struct conn, tcp));
}

static void on_written(nd_write_t *req, int status) {
  struct reply *r = (struct reply *)req;
  struct conn *c = req->data;

  free(r);
  /* ND_ECANCELED: the connection was closed first, and is gone. */
  if (status < 0 && status != ND_ECANCELED)
    conn_close(c);
}

static void on_shutdown(nd_shutdown_t *req, int status) {
  /* On success the client reads the end of the stream and closes. */
  if (status < 0 && status != ND_ECANCELED)
    conn_close(req->data);
}

/* The client has read enough: take its requests again. */
static void on_drain(nd_stream_t *stream) {
  struct conn *c = stream->data;
  int r;

  if (!c->paused || c->closing)
    return;
  c->paused = 0;
  r = nd_read_start(stream, on_alloc, on_read);
  if (r < 0)
    conn_close(c);
}

static void reply_add(struct reply *r, const char *base, size_t len) {
  nd_buf_t *last = r->nbufs > 0 ? &r->bufs[r->nbufs - 1] : NULL;

  /* Consecutive keep-alive responses extend one buffer of ok_repeated. */
  if (last != NULL && base == ok_response && last->base >= ok_repeated &&
      last->base < ok_repeated + sizeof(ok_repeated) &&
      last->len % OK_LEN == 0 &&
      last->base + last->len + OK_LEN <= ok_repeated + sizeof(ok_repeated)) {
    last->len += OK_LEN;
    return;
  }
  if (base == ok_response && len == OK_LEN)
    base = ok_repeated;
  r->bufs[r->nbufs++] = nd_buf_init((char *)base, (unsigned int)len);
}

/* Sends what r holds; returns 0, or -1 when the connection was closed. */
static int reply_send(struct conn *c, struct reply *r) {
  int err;

  if (r->nbufs == 0) {
    free(r);
    return 0;
  }
  r->req.data = c;
  err = nd_write(&r->req, (nd_stream_t *)&c->tls, r->bufs, r->nbufs,
                 on_written);
  if (err < 0) {
    free(r);
    conn_close(c);
    return -1;
  }
  if (err == ND_STREAM_PRESSURE && !c->closing) {
    /*
     * Backpressure: the responses are queued faster than the client reads
     * them.  Stop reading its requests until the queue drains; the kernel
     * then holds what it sends next, and its own writes wait.
     */
    nd_read_stop((nd_stream_t *)&c->tls);
    c->paused = 1;
    pauses++;
  }
  return 0;
}

/* A new, empty reply; NULL when memory ran out (the connection closes). */
static struct reply *reply_new(struct conn *c) {
  struct reply *r = malloc(sizeof(*r));

  if (r == NULL) {
    conn_close(c);
    return NULL;
  }
  r->nbufs = 0;
  return r;
}

/*
 * The parser's callback for a complete request: queue its response.  A
 * non-zero return stops the parser (the connection is going away).
 */
static int on_request(nd_http_parser_t *parser) {
  struct conn *c = parser->data;
  int head = parser->method == ND_HTTP_HEAD;

  requests++;
  if (parser->upgrade || !nd_http_should_keep_alive(parser)) {
    /* Also Upgrade and CONNECT: this server speaks nothing else. */
    reply_add(c->reply, ok_close_response,
              head ? OK_CLOSE_HEAD_LEN : OK_CLOSE_LEN);
    c->closing = 1;
    return 0;
  }
  reply_add(c->reply, ok_response, head ? OK_HEAD_LEN : OK_LEN);
  if (c->reply->nbufs == MAX_REPLY_BUFS) {
    if (reply_send(c, c->reply) != 0) {
      c->reply = NULL;
      return -1;
    }
    if ((c->reply = reply_new(c)) == NULL)
      return -1;
  }
  return 0;
}

static const nd_http_parser_settings_t parser_settings = {
  .on_message_complete = on_request,
};

/* Answers every request that [data, data + len) completes, in order. */
static void serve(struct conn *c, const char *data, size_t len) {
  ssize_t n;

  if ((c->reply = reply_new(c)) == NULL)
    return;
  n = nd_http_parser_execute(&c->parser, &parser_settings, data, len);
  if (c->reply == NULL)
    return; /* a write failed, or no memory: the connection is closing */
  if (n < 0 && !c->closing) {
    /*
     * Refused (c->parser.error says why, c->parser.error_offset where).
     * After a last response, though, the parser refuses what follows it
     * (ND_EHTTP_DATA_AFTER_CLOSE), and that is no one's concern.
     */
    refused++;
    reply_add(c->reply, bad_response, BAD_LEN);
    c->closing = 1;
  }
  if (reply_send(c, c->reply) != 0) {
    c->reply = NULL;
    return;
  }
  c->reply = NULL;
  if (c->closing) {
    /*
     * Shut down our side after the last response; keep reading (and
     * discarding) until the client closes, so that closing never sends an
     * RST over a response it has yet to read.
     */
    c->shutdown_req.data = c;
    if (nd_shutdown(&c->shutdown_req, (nd_stream_t *)&c->tls, on_shutdown) <
        0)
      conn_close(c);
  }
}

static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  (void)handle;
  (void)suggested;
  *buf = nd_buf_init(read_buf, sizeof(read_buf));
}

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf) {
  struct conn *c = stream->data;

  if (nread == 0)
    return;
  if (nread < 0) {
    /*
     * ND_EOF (close_notify, or the end of the TCP stream), the client reset
     * the connection, or the handshake failed (its callback said why):
     * either way, done.
     */
    conn_close(c);
    return;
  }
  if (c->closing)
    return; /* after the last response, input is thrown away */
  serve(c, buf->base, (size_t)nread);
}

static void on_handshake(nd_tls_t *tls, int status) {
  (void)tls;
  if (status < 0) {
    /* The read in force ends with the same code and closes. */
    handshake_failures++;
    fprintf(stderr, "https-hello: handshake failed: %s (%s)\n",
            nd_strerror(status), nd_err_name(status));
  }
}

static void on_connection(nd_stream_t *listener, int status) {
  struct conn *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "https-hello: accept: %s\n", nd_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "https-hello: out of memory\n");
    return; /* the connection waits; the next callback tries again */
  }
  r = nd_tcp_init(&loop, &c->tcp);
  if (r < 0)
    fail(r, "nd_tcp_init");
  r = nd_accept(listener, (nd_stream_t *)&c->tcp);
  if (r < 0) {
    fprintf(stderr, "https-hello: nd_accept: %s\n", nd_strerror(r));
    nd_close((nd_handle_t *)&c->tcp, on_tcp_closed);
    return;
  }
  nd_tcp_nodelay(&c->tcp, 1);
  r = nd_tls_init(&loop, &c->tls, config, (nd_stream_t *)&c->tcp);
  if (r < 0)
    fail(r, "nd_tls_init");
  c->tls.data = c;
  r = nd_http_parser_init(&c->parser, ND_HTTP_REQUEST, 0);
  if (r < 0)
    fail(r, "nd_http_parser_init");
  c->parser.data = c;
  c->next = conns.next;
  c->prev = &conns;
  conns.next->prev = c;
  conns.next = c;
  connections++;
  nd_stream_on_drain((nd_stream_t *)&c->tls, on_drain);
  /* Reads deliver plaintext once the handshake is over. */
  if ((r = nd_tls_handshake(&c->tls, on_handshake)) < 0 ||
      (r = nd_read_start((nd_stream_t *)&c->tls, on_alloc, on_read)) < 0) {
    fprintf(stderr, "https-hello: %s\n", nd_strerror(r));
    conn_close(c);
  }
}

static void on_signal(nd_signal_t *handle, int signum) {
  struct conn *c, *next;

  (void)handle;
  fprintf(stderr, "https-hello: %s: closing every handle\n",
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
  size_t i;
  int r;

  if (argc < 3 || argc > 4 ||
      (argc == 4 && ((port = strtol(argv[3], &end, 10)) < 0 || port > 65535 ||
                     *end != '\0' || argv[3][0] == '\0'))) {
    fprintf(stderr, "usage: https-hello CERT KEY [PORT]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  for (i = 0; i < OK_REPEAT; i++)
    memcpy(ok_repeated + i * OK_LEN, ok_response, OK_LEN);
  conns.next = conns.prev = &conns;

  if ((r = nd_tls_config_new(&config, ND_TLS_SERVER)) < 0)
    fail(r, "nd_tls_config_new");
  if ((r = nd_tls_config_add_cert_file(config, argv[1], argv[2], NULL)) < 0)
    fail(r, argv[1]);
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
  nd_tls_config_unref(config);
  fprintf(stderr, "https-hello: %llu requests on %llu connections, "
          "%llu failed handshakes, %llu refused by the parser, %llu "
          "backpressure pauses; every handle closed, nd_loop_close() == 0\n",
          requests, connections, handshake_failures, refused, pauses);
  return 0;
}
