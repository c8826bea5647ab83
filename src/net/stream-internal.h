/*
 * stream-internal.h - what the stream types (tcp.c, pipe.c, tty.c) share
 * with the generic stream code in stream.c.
 */
#ifndef ND_NET_STREAM_INTERNAL_H
#define ND_NET_STREAM_INTERNAL_H

#include <sys/socket.h>

#include "loop/internal.h"

/* stream->stream_flags */
enum {
  ND__STREAM_READABLE = 1u << 0,  /* reads make sense (not shut down) */
  ND__STREAM_WRITABLE = 1u << 1,
  ND__STREAM_READING = 1u << 2,   /* nd_read_start is in force */
  ND__STREAM_READ_EOF = 1u << 3,  /* the peer finished writing */
  ND__STREAM_SHUTTING = 1u << 4,  /* nd_shutdown called */
  ND__STREAM_SHUT = 1u << 5,      /* our writing half is closed */
  ND__STREAM_LISTENING = 1u << 6,
  ND__STREAM_SOCKET = 1u << 7,    /* send with MSG_NOSIGNAL */
  ND__STREAM_NEED_DRAIN = 1u << 8,/* a write reported pressure */
  ND__STREAM_BLOCKING = 1u << 9,  /* nd_stream_set_blocking(1) */
  ND__STREAM_PENDING = 1u << 10,  /* write_pending is queued */
  ND__STREAM_CONNECTED_NOW = 1u << 11,/* connect succeeded in the call */
  ND__STREAM_RING = 1u << 12,     /* reads and writes are ring operations */
  ND__STREAM_LOOPBUF = 1u << 13,  /* read_cb gets the loop's memory */
  ND__STREAM_IPC = 1u << 14,      /* a pipe that passes handles (pipe.c) */
  /*
   * For nd__stream_open only: the descriptor is a SOCK_STREAM socket the
   * library made non-blocking itself (socket or accept4 with
   * SOCK_NONBLOCK), so it needs no probing: three system calls fewer for
   * every accepted connection.
   */
  ND__STREAM_FRESH_SOCKET = 1u << 15
};

/* What a connect call found, for nd__stream_connect_started. */
enum {
  ND__CONNECT_IN_PROGRESS = 0,
  ND__CONNECT_DONE = 1,
  ND__CONNECT_RING = 2            /* a ring op reports it */
};

/* Set up the stream part of a handle of a stream type. */
void nd__stream_init(nd_loop_t *loop, nd_stream_t *stream,
                     nd_handle_type type);

/* Adopt a descriptor (non-blocking from now on). */
int nd__stream_open(nd_stream_t *stream, int fd, unsigned int flags);

/* Listen on the stream's socket (tcp.c and pipe.c call it). */
int nd__stream_listen(nd_stream_t *stream, int backlog, nd_connection_cb cb);

/*
 * A connect was started: status is ND__CONNECT_IN_PROGRESS (wait for the
 * socket to become writable), ND__CONNECT_DONE, or a negative error; the
 * last two are reported from the pending phase.
 */
void nd__stream_connect_started(nd_stream_t *stream, nd_connect_t *req,
                                int status);

/* The nd_close hook of every stream type. */
void nd__stream_close(nd_handle_t *handle);

/* --- shared by stream.c and stream-uring.c ------------------------------ */

void nd__stream_update_active(nd_stream_t *s);
void nd__stream_schedule_pending(nd_stream_t *s);
/* The kernel took n more bytes of the queue: finish the requests it covers. */
void nd__stream_advance(nd_stream_t *s, size_t n);
/* A request failed with err: it is finished, the rest wait for close. */
void nd__stream_fail_write(nd_stream_t *s, nd_write_t *req, int err);
/* After writes finished: their callbacks, then drain, then shutdown. */
void nd__stream_after_writes(nd_stream_t *s);
/*
 * Hand n bytes that were read to the user (alloc_cb + read_cb, or read_cb
 * alone in loop-buffer mode); returns how many were taken, fewer when the
 * user stopped reading, closed, or had no buffer.
 */
size_t nd__stream_deliver(nd_stream_t *s, const char *data, size_t n);
/* Reading ended with ND_EOF or an error: tell the user. */
void nd__stream_read_end(nd_stream_t *s, int status);

/*
 * stream-uring.c: the same stream over io_uring operations, for sockets on
 * an io_uring loop: a multishot receive into the loop's provided buffers
 * while reading, one send (or sendmsg over the queue) in flight at a time.
 */
/* stream_socket: known to be SOCK_STREAM, no need to ask. */
void nd__stream_ring_open(nd_stream_t *s, int stream_socket);
void nd__stream_ring_read_start(nd_stream_t *s);
void nd__stream_ring_read_stop(nd_stream_t *s);
void nd__stream_ring_send(nd_stream_t *s);
/* From the pending phase: data that waited while the stream did not read. */
void nd__stream_ring_pending(nd_stream_t *s);
/* Cancel what is in flight; the ring state goes when the last op ends. */
void nd__stream_ring_close(nd_stream_t *s);
int nd__stream_ring_busy(const nd_stream_t *s);
/* Listen with multishot accepts; ND_ENOTSUP: use readiness. */
int nd__stream_ring_listen(nd_stream_t *s);
int nd__stream_ring_accepting(const nd_stream_t *s);
void nd__stream_ring_accepted(nd_stream_t *s);
/* Connect as a ring op; ND_ENOTSUP: connect(2) and readiness. */
int nd__stream_ring_connect(nd_stream_t *s, nd_connect_t *req,
                            const struct sockaddr *addr, socklen_t len);

/* stream.c, for stream-uring.c */
void nd__stream_connect_done(nd_stream_t *s, int err);
/* Out of descriptors: turn the waiting clients away (0), or err. */
int nd__stream_drop_waiting(nd_stream_t *s, int err);

/* stream-pipe.c: splice readiness for a piped stream (1 if it was ours). */
int nd__stream_pipe_io(nd_stream_t *s, unsigned int events);
void nd__stream_pipe_closed(nd_stream_t *s);

/* tls.c: the stream functions of a TLS stream (type ND_TLS). */
int nd__tls_read_start(nd_stream_t *s, nd_alloc_cb alloc_cb,
                       nd_read_cb read_cb);
int nd__tls_read_stop(nd_stream_t *s);
int nd__tls_write(nd_write_t *req, nd_stream_t *s, const nd_buf_t bufs[],
                  unsigned int nbufs, nd_stream_t *send_handle,
                  nd_write_cb cb);
int nd__tls_try_write(nd_stream_t *s, const nd_buf_t bufs[],
                      unsigned int nbufs, nd_stream_t *send_handle);
int nd__tls_shutdown(nd_shutdown_t *req, nd_stream_t *s, nd_shutdown_cb cb);
void nd__tls_close(nd_handle_t *h);

/* A stream that can read and write: a descriptor, or a layer (TLS). */
static inline int nd__stream_is_open(const nd_stream_t *s) {
  return s->io_watcher.fd >= 0 || s->type == ND_TLS;
}

static inline int nd__stream_fd(const nd_stream_t *stream) {
  return stream->io_watcher.fd;
}

#endif
