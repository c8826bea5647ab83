/*
 * http_hello.c - the server of the http_hello benchmark: examples/http-hello.c
 * written against libuv's API, built against libuv and against libnodec.
 *
 * The same keep-alive HTTP/1.1 "Hello World" server as the example, request
 * for request (the same framing, the same responses, several pipelined
 * responses in one write, Connection: close, 400 for bad input, a clean
 * stop on SIGINT/SIGTERM), so that its CPU time per request can be
 * compared between libuv and libnodec.  Only the backpressure differs in
 * form: libuv has no pressure-returning write or drain callback, so the
 * server looks at write_queue_size after each uv_write, as libuv programs
 * do, stops reading above 64 KiB and starts again from a write callback
 * once the queue is at 16 KiB or less (libnodec's default watermarks).
 *
 * It is not run on its own: bench/http_hello.sh starts it, loads it with
 * wrk and reads its CPU time; bench/run.sh runs that script in place of the
 * binary (see there).
 *
 * Run: make bench BENCH=http_hello
 *      or by hand: build/bench/http_hello-libuv [PORT]
 */
#define _GNU_SOURCE /* memmem, strsignal */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uv.h>

#define REQUEST_BUF_SIZE 8192
#define HIGH_WATERMARK (64u * 1024u)
#define LOW_WATERMARK (16u * 1024u)
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

struct conn {
  uv_tcp_t tcp;
  struct conn *prev, *next;       /* every open connection */
  size_t len;                     /* bytes in buf */
  size_t scanned;                 /* of those, searched for the end */
  int closing;                    /* last response sent; wait for EOF */
  int paused;                     /* reading stopped by backpressure */
  uv_shutdown_t shutdown_req;
  char buf[REQUEST_BUF_SIZE];
};

/* One write: the responses to what one read brought. */
struct reply {
  uv_write_t req;
  uv_buf_t bufs[MAX_REPLY_BUFS];
  unsigned int nbufs;
};

static uv_loop_t loop;
static uv_tcp_t server;
static uv_signal_t sigint_h, sigterm_h;
static struct conn conns;         /* list head */
static unsigned long long requests, connections, pauses;

static void on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf);
static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf);

static void fail(int r, const char *what) {
  fprintf(stderr, "http_hello: %s: %s (%s)\n", what, uv_strerror(r),
          uv_err_name(r));
  exit(1);
}

static void on_conn_closed(uv_handle_t *handle) {
  struct conn *c = (struct conn *)handle;

  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c);
}

static void conn_close(struct conn *c) {
  if (!uv_is_closing((uv_handle_t *)&c->tcp))
    uv_close((uv_handle_t *)&c->tcp, on_conn_closed);
}

static void on_written(uv_write_t *req, int status) {
  struct reply *r = (struct reply *)req;
  struct conn *c = req->data;

  free(r);
  /* UV_ECANCELED: the connection was closed first, and is gone. */
  if (status < 0 && status != UV_ECANCELED) {
    conn_close(c);
    return;
  }
  /* The client has read enough: take its requests again. */
  if (status == 0 && c->paused && !c->closing &&
      c->tcp.write_queue_size <= LOW_WATERMARK) {
    c->paused = 0;
    if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) < 0)
      conn_close(c);
  }
}

static void on_shutdown(uv_shutdown_t *req, int status) {
  /* On success the client reads the end of the stream and closes. */
  if (status < 0 && status != UV_ECANCELED)
    conn_close(req->data);
}

static void reply_add(struct reply *r, const char *base, size_t len) {
  uv_buf_t *last = r->nbufs > 0 ? &r->bufs[r->nbufs - 1] : NULL;

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
  r->bufs[r->nbufs++] = uv_buf_init((char *)base, (unsigned int)len);
}

/* Sends what r holds; returns 0, or -1 when the connection was closed. */
static int reply_send(struct conn *c, struct reply *r) {
  int err;

  if (r->nbufs == 0) {
    free(r);
    return 0;
  }
  r->req.data = c;
  err = uv_write(&r->req, (uv_stream_t *)&c->tcp, r->bufs, r->nbufs,
                 on_written);
  if (err < 0) {
    free(r);
    conn_close(c);
    return -1;
  }
  if (c->tcp.write_queue_size >= HIGH_WATERMARK && !c->closing) {
    /*
     * Backpressure: the responses are queued faster than the client reads
     * them.  Stop reading its requests until the queue drains; the kernel
     * then holds what it sends next, and its own writes wait.
     */
    uv_read_stop((uv_stream_t *)&c->tcp);
    c->paused = 1;
    pauses++;
  }
  return 0;
}

static int has_token(const char *value, size_t len, const char *token) {
  size_t tlen = strlen(token), i;

  for (i = 0; i + tlen <= len; i++)
    if (strncasecmp(value + i, token, tlen) == 0 &&
        (i == 0 || value[i - 1] == ' ' || value[i - 1] == ',') &&
        (i + tlen == len || value[i + tlen] == ' ' ||
         value[i + tlen] == ',' || value[i + tlen] == '\r'))
      return 1;
  return 0;
}

enum verdict { KEEP, CLOSE, BAD };

/*
 * Looks at one request, [p, p + len) up to and including its empty line:
 * a request line "METHOD SP TARGET SP HTTP/1.x", then "Name: value"
 * lines.  *head is set for HEAD, whose response has no body.
 */
static enum verdict parse_request(const char *p, size_t len, int *head) {
  const char *end = p + len - 2; /* the final empty line's \r\n */
  const char *line, *eol, *sp1, *sp2, *colon;
  int keep_alive, http10;

  eol = memmem(p, len, "\r\n", 2);
  for (sp1 = p; sp1 < eol && *sp1 >= 'A' && *sp1 <= 'Z'; sp1++)
    ;
  if (sp1 == p || sp1 >= eol || *sp1 != ' ')
    return BAD;
  sp2 = memchr(sp1 + 1, ' ', (size_t)(eol - sp1 - 1));
  if (sp2 == NULL || sp2 == sp1 + 1 || eol - sp2 - 1 != 8 ||
      (memcmp(sp2 + 1, "HTTP/1.1", 8) != 0 &&
       memcmp(sp2 + 1, "HTTP/1.0", 8) != 0))
    return BAD;
  *head = sp1 - p == 4 && memcmp(p, "HEAD", 4) == 0;
  http10 = sp2[8] == '0';
  keep_alive = !http10;

  for (line = eol + 2; line < end; line = eol + 2) {
    eol = memmem(line, (size_t)(end + 2 - line), "\r\n", 2);
    colon = memchr(line, ':', (size_t)(eol - line));
    if (colon == NULL || colon == line || line[0] == ' ' || line[0] == '\t')
      return BAD; /* no name, or an obsolete folded line */
    if (colon - line == 10 && strncasecmp(line, "connection", 10) == 0) {
      if (has_token(colon + 1, (size_t)(eol - colon - 1), "close"))
        keep_alive = 0;
      else if (has_token(colon + 1, (size_t)(eol - colon - 1), "keep-alive"))
        keep_alive = 1;
    } else if ((colon - line == 14 &&
                strncasecmp(line, "content-length", 14) == 0 &&
                strspn(colon + 1, " 0") != (size_t)(eol - colon - 1)) ||
               (colon - line == 17 &&
                strncasecmp(line, "transfer-encoding", 17) == 0)) {
      return BAD; /* a body: this server takes none */
    }
  }
  return keep_alive ? KEEP : CLOSE;
}

/* Answer every complete request in the buffer, in order. */
static void serve(struct conn *c) {
  struct reply *r;
  size_t start = 0, from;
  const char *found;
  enum verdict v;
  int head;

  r = malloc(sizeof(*r));
  if (r == NULL) {
    conn_close(c);
    return;
  }
  r->nbufs = 0;
  while (!c->closing) {
    from = c->scanned > start + 3 ? c->scanned - 3 : start;
    found = memmem(c->buf + from, c->len - from, "\r\n\r\n", 4);
    if (found == NULL) {
      c->scanned = c->len;
      break;
    }
    v = parse_request(c->buf + start, (size_t)(found + 4 - c->buf) - start,
                      &head);
    start = (size_t)(found + 4 - c->buf);
    c->scanned = start;
    requests++;
    if (v == BAD)
      reply_add(r, bad_response, BAD_LEN);
    else if (v == CLOSE)
      reply_add(r, ok_close_response, head ? OK_CLOSE_HEAD_LEN : OK_CLOSE_LEN);
    else
      reply_add(r, ok_response, head ? OK_HEAD_LEN : OK_LEN);
    if (v != KEEP)
      c->closing = 1;
    if (r->nbufs == MAX_REPLY_BUFS) {
      if (reply_send(c, r) != 0)
        return;
      r = malloc(sizeof(*r));
      if (r == NULL) {
        conn_close(c);
        return;
      }
      r->nbufs = 0;
    }
  }
  if (!c->closing && start == 0 && c->len == sizeof(c->buf)) {
    /* A header block that does not fit is refused. */
    reply_add(r, bad_response, BAD_LEN);
    c->closing = 1;
  }
  memmove(c->buf, c->buf + start, c->len - start);
  c->len -= start;
  c->scanned -= start;
  if (reply_send(c, r) != 0)
    return;
  if (c->closing) {
    /*
     * Shut down our side after the last response; keep reading (and
     * discarding) until the client closes, so that closing never sends an
     * RST over a response it has yet to read.
     */
    c->len = c->scanned = 0;
    c->shutdown_req.data = c;
    if (uv_shutdown(&c->shutdown_req, (uv_stream_t *)&c->tcp, on_shutdown) <
        0)
      conn_close(c);
  }
}

static void on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  struct conn *c = (struct conn *)handle;

  (void)suggested;
  /* Once closing, everything read is thrown away. */
  if (c->closing)
    *buf = uv_buf_init(c->buf, sizeof(c->buf));
  else
    *buf = uv_buf_init(c->buf + c->len,
                       (unsigned int)(sizeof(c->buf) - c->len));
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  struct conn *c = (struct conn *)stream;

  (void)buf;
  if (nread == 0)
    return;
  if (nread < 0) {
    /* UV_EOF, or the client reset the connection: either way, done. */
    conn_close(c);
    return;
  }
  if (c->closing)
    return;
  c->len += (size_t)nread;
  serve(c);
}

static void on_connection(uv_stream_t *listener, int status) {
  struct conn *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "http_hello: accept: %s\n", uv_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "http_hello: out of memory\n");
    return; /* the connection waits; the next callback tries again */
  }
  r = uv_tcp_init(&loop, &c->tcp);
  if (r < 0)
    fail(r, "uv_tcp_init");
  c->next = conns.next;
  c->prev = &conns;
  conns.next->prev = c;
  conns.next = c;
  r = uv_accept(listener, (uv_stream_t *)&c->tcp);
  if (r < 0) {
    fprintf(stderr, "http_hello: uv_accept: %s\n", uv_strerror(r));
    conn_close(c);
    return;
  }
  connections++;
  uv_tcp_nodelay(&c->tcp, 1);
  r = uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
  if (r < 0)
    conn_close(c);
}

static void on_signal(uv_signal_t *handle, int signum) {
  struct conn *c, *next;

  (void)handle;
  fprintf(stderr, "http_hello: %s: closing every handle\n",
          strsignal(signum));
  for (c = conns.next; c != &conns; c = next) {
    next = c->next;
    conn_close(c);
  }
  uv_close((uv_handle_t *)&server, NULL);
  uv_close((uv_handle_t *)&sigint_h, NULL);
  uv_close((uv_handle_t *)&sigterm_h, NULL);
}

int main(int argc, char **argv) {
  struct sockaddr_storage name;
  struct sockaddr_in addr;
  int namelen = sizeof(name);
  char *end;
  long port = 0;
  size_t i;
  int r;

  if (argc > 2 || (argc == 2 && ((port = strtol(argv[1], &end, 10)) < 0 ||
                                 port > 65535 || *end != '\0' ||
                                 argv[1][0] == '\0'))) {
    fprintf(stderr, "usage: http_hello [PORT]\n");
    return 2;
  }
  for (i = 0; i < OK_REPEAT; i++)
    memcpy(ok_repeated + i * OK_LEN, ok_response, OK_LEN);
  conns.next = conns.prev = &conns;

  if ((r = uv_loop_init(&loop)) < 0)
    fail(r, "uv_loop_init");
  if ((r = uv_ip4_addr("127.0.0.1", (int)port, &addr)) < 0)
    fail(r, "uv_ip4_addr");
  if ((r = uv_tcp_init(&loop, &server)) < 0)
    fail(r, "uv_tcp_init");
  if ((r = uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0)) < 0)
    fail(r, "uv_tcp_bind");
  if ((r = uv_listen((uv_stream_t *)&server, 511, on_connection)) < 0)
    fail(r, "uv_listen");
  if ((r = uv_tcp_getsockname(&server, (struct sockaddr *)&name,
                              &namelen)) < 0)
    fail(r, "uv_tcp_getsockname");
  if ((r = uv_signal_init(&loop, &sigint_h)) < 0 ||
      (r = uv_signal_start(&sigint_h, on_signal, SIGINT)) < 0 ||
      (r = uv_signal_init(&loop, &sigterm_h)) < 0 ||
      (r = uv_signal_start(&sigterm_h, on_signal, SIGTERM)) < 0)
    fail(r, "uv_signal_start");

  printf("listening on 127.0.0.1:%d\n",
         ntohs(((struct sockaddr_in *)&name)->sin_port));
  fflush(stdout);

  if ((r = uv_run(&loop, UV_RUN_DEFAULT)) < 0)
    fail(r, "uv_run");
  if ((r = uv_loop_close(&loop)) != 0)
    fail(r, "uv_loop_close");
  fprintf(stderr, "http_hello: %llu requests on %llu connections, "
          "%llu backpressure pauses; every handle closed, "
          "uv_loop_close() == 0\n", requests, connections, pauses);
  return 0;
}
