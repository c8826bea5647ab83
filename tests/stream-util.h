/*
 * stream-util.h - what the stream test binaries (TCP, pipes) share: a
 * byte pattern, a malloc allocator, descriptor flag checks, and an echo
 * server that works on any listening stream.
 */
#ifndef ND_TEST_STREAM_UTIL_H
#define ND_TEST_STREAM_UTIL_H

#include <fcntl.h>

#include "test-util.h"

/* The byte at `offset` of the stream numbered `id`. */
static inline unsigned char pattern(unsigned int id, uint64_t offset) {
  return (unsigned char)((offset * 131u + id * 7u + (offset >> 9)) & 0xFF);
}

static inline void alloc_malloc(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  (void)h;
  buf->base = malloc(size);
  buf->len = buf->base != NULL ? size : 0;
}

static inline int fd_has_cloexec(int fd) {
  return (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0;
}

static inline int fd_is_nonblock(int fd) {
  return (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0;
}

/*
 * The echo server: every connection is accepted into a handle of the
 * listener's type, echoes what it reads, shuts down at end of file and
 * closes.  echo_accepted and echo_closed count connections.
 */
struct echo_conn {
  union {
    nd_stream_t stream;
    nd_tcp_t tcp;
    nd_pipe_t pipe;
  } h;
  nd_shutdown_t shutdown;
};

struct echo_write {
  nd_write_t req;
  char *data;
};

static int echo_accepted;
static int echo_closed;

static inline void echo_conn_closed(nd_handle_t *h) {
  echo_closed++;
  free(h->data);
}

static inline void echo_write_cb(nd_write_t *req, int status) {
  struct echo_write *w = (struct echo_write *)req;

  /* A client that went away takes its echoes with it. */
  assert_true(status == 0 || status == ND_ECANCELED ||
              status == ND_ECONNRESET || status == ND_EPIPE);
  free(w->data);
  free(w);
}

static inline void echo_shutdown_cb(nd_shutdown_t *req, int status) {
  struct echo_conn *c = req->data;

  assert_true(status == 0 || status == ND_ECANCELED);
  if (!nd_is_closing((nd_handle_t *)&c->h))
    nd_close((nd_handle_t *)&c->h, echo_conn_closed);
}

static inline void echo_read_cb(nd_stream_t *s, ssize_t nread,
                                const nd_buf_t *buf) {
  struct echo_conn *c = s->data;
  struct echo_write *w;
  nd_buf_t out;

  if (nread > 0) {
    w = malloc(sizeof(*w));
    assert_non_null(w);
    w->data = buf->base;
    out.base = buf->base;
    out.len = (size_t)nread;
    ND_OK(nd_write(&w->req, s, &out, 1, echo_write_cb));
    return;
  }
  free(buf->base);
  if (nread == 0)
    return;
  if (nread == ND_EOF) {
    c->shutdown.data = c;
    ND_OK(nd_shutdown(&c->shutdown, s, echo_shutdown_cb));
    return;
  }
  nd_close((nd_handle_t *)s, echo_conn_closed);
}

static inline void echo_connection_cb(nd_stream_t *server, int status) {
  struct echo_conn *c;

  assert_int_equal(status, 0);
  c = calloc(1, sizeof(*c));
  assert_non_null(c);
  if (server->type == ND_TCP)
    ND_OK(nd_tcp_init(server->loop, &c->h.tcp));
  else
    ND_OK(nd_pipe_init(server->loop, &c->h.pipe, 0));
  c->h.stream.data = c;
  ND_OK(nd_accept(server, &c->h.stream));
  /* Accepted descriptors are close-on-exec and non-blocking. */
  assert_true(fd_has_cloexec(c->h.stream.io_watcher.fd));
  assert_true(fd_is_nonblock(c->h.stream.io_watcher.fd));
  ND_OK(nd_read_start(&c->h.stream, alloc_malloc, echo_read_cb));
  echo_accepted++;
}

#endif
