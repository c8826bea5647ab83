/*
 * stream-internal.h - what the stream types (tcp.c, pipe.c, tty.c) share
 * with the generic stream code in stream.c.
 */
#ifndef ND_NET_STREAM_INTERNAL_H
#define ND_NET_STREAM_INTERNAL_H

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
  ND__STREAM_CONNECTED_NOW = 1u << 11, /* connect succeeded in the call */
  ND__STREAM_IPC = 1u << 12       /* a pipe that passes handles (pipe.c) */
};

/* What a connect call found, for nd__stream_connect_started. */
enum { ND__CONNECT_IN_PROGRESS = 0, ND__CONNECT_DONE = 1 };

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

static inline int nd__stream_fd(const nd_stream_t *stream) {
  return stream->io_watcher.fd;
}

#endif
