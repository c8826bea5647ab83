/* nodec/stream.h - streams: reading, writing, backpressure. */
#ifndef NODEC_STREAM_H
#define NODEC_STREAM_H

#include <sys/types.h>

#include "loop.h"

typedef struct nd_stream_s nd_stream_t;
typedef struct nd_write_s nd_write_t;
typedef struct nd_shutdown_s nd_shutdown_t;
typedef struct nd_connect_s nd_connect_t;
struct nd__stream_ring;
typedef struct nd_stream_pipe_s nd_stream_pipe_t;

typedef void (*nd_alloc_cb)(nd_handle_t *handle, size_t suggested_size,
                            nd_buf_t *buf);
typedef void (*nd_read_cb)(nd_stream_t *stream, ssize_t nread,
                           const nd_buf_t *buf);
typedef void (*nd_write_cb)(nd_write_t *req, int status);
typedef void (*nd_connect_cb)(nd_connect_t *req, int status);
typedef void (*nd_shutdown_cb)(nd_shutdown_t *req, int status);
typedef void (*nd_connection_cb)(nd_stream_t *server, int status);
typedef void (*nd_drain_cb)(nd_stream_t *stream);

/* What nd_write returns instead of 0 when the queue reached the high mark. */
#define ND_STREAM_PRESSURE 1

/* Default watermarks: a write at or above the high one reports pressure. */
#define ND_STREAM_HIGH_WATERMARK (64u * 1024u)
#define ND_STREAM_LOW_WATERMARK (16u * 1024u)

/*
 * Fields every stream starts with, after the handle's.  write_queue_size,
 * alloc_cb and read_cb are libuv's public fields.
 */
#define ND_STREAM_FIELDS                                                     \
  /* read-only: bytes queued for writing */                                  \
  size_t write_queue_size;                                                   \
  nd_alloc_cb alloc_cb;                                                      \
  nd_read_cb read_cb;                                                        \
  /* private */                                                              \
  nd__io_t io_watcher;                                                       \
  struct nd__queue write_queue;     /* waiting or partly written */          \
  struct nd__queue write_done;      /* finished, callback due */             \
  nd__pending_t write_pending;      /* runs the callbacks of write_done */   \
  nd_connect_t *connect_req;                                                 \
  nd_shutdown_t *shutdown_req;                                               \
  nd_connection_cb connection_cb;                                            \
  nd_drain_cb drain_cb;                                                      \
  size_t high_watermark;                                                     \
  size_t low_watermark;                                                      \
  struct nd__stream_ring *ring;     /* io_uring-native I/O state, or NULL */ \
  nd_stream_pipe_t *pipe_out;       /* the nd_stream_pipe reading us */      \
  nd_stream_pipe_t *pipe_in;        /* the nd_stream_pipe writing to us */   \
  int accepted_fd;                  /* one connection waiting for accept */  \
  int delayed_error;                /* reported on the next iteration */     \
  unsigned int stream_flags;

struct nd_stream_s {
  ND_HANDLE_FIELDS
  ND_STREAM_FIELDS
};

#define ND__WRITE_SMALL_BUFS 4

struct nd_write_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_write_cb cb;
  nd_stream_t *send_handle;
  nd_stream_t *handle;
  /* private */
  struct nd__queue queue;
  nd_buf_t *bufs;
  unsigned int nbufs;
  unsigned int write_index;       /* first buffer not fully written */
  int error;
  nd_buf_t bufsml[ND__WRITE_SMALL_BUFS];
};

struct nd_shutdown_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_stream_t *handle;
  nd_shutdown_cb cb;
};

struct nd_connect_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_connect_cb cb;
  nd_stream_t *handle;
  /* private */
  struct nd__queue queue;
};

typedef void (*nd_stream_pipe_cb)(nd_stream_pipe_t *req, int status);

/* nd_stream_pipe flags */
enum {
  ND_STREAM_PIPE_NO_END = 1,   /* leave dst open for writing at src's EOF */
  ND_STREAM_PIPE_NO_SPLICE = 2 /* move the data through user space */
};

struct nd_stream_pipe_s {
  ND_REQ_FIELDS
  /* read-only */
  nd_stream_t *src;
  nd_stream_t *dst;
  uint64_t bytes;                 /* moved so far */
  uint64_t bytes_spliced;         /* of which without a copy (splice) */
  nd_stream_pipe_cb cb;
  /* private */
  unsigned int flags;
  unsigned int writes;            /* writes in flight */
  int status;
  int ends;                       /* src reached EOF */
  int kpipe[2];                   /* the kernel pipe splice goes through */
  size_t in_kpipe;
  size_t kpipe_size;
  int via_sendfile;               /* src is a regular file: sendfile(2) */
  nd_drain_cb saved_drain;        /* dst's, given back at the end */
  int detached;                   /* a stream closed under it */
  nd__pending_t pending;
  nd_shutdown_t shutdown;
};

/* Servers */
ND_EXTERN int nd_listen(nd_stream_t *stream, int backlog,
                        nd_connection_cb cb);
ND_EXTERN int nd_accept(nd_stream_t *server, nd_stream_t *client);

/* Reading */
ND_EXTERN int nd_read_start(nd_stream_t *stream, nd_alloc_cb alloc_cb,
                            nd_read_cb read_cb);
ND_EXTERN int nd_read_stop(nd_stream_t *stream);
/* Read into the loop's memory, lent to read_cb until it returns. */
ND_EXTERN int nd_read_start_loopbuf(nd_stream_t *stream, nd_read_cb read_cb);

/* Writing */
ND_EXTERN int nd_write(nd_write_t *req, nd_stream_t *handle,
                       const nd_buf_t bufs[], unsigned int nbufs,
                       nd_write_cb cb);
ND_EXTERN int nd_write2(nd_write_t *req, nd_stream_t *handle,
                        const nd_buf_t bufs[], unsigned int nbufs,
                        nd_stream_t *send_handle, nd_write_cb cb);
ND_EXTERN int nd_try_write(nd_stream_t *handle, const nd_buf_t bufs[],
                           unsigned int nbufs);
ND_EXTERN int nd_try_write2(nd_stream_t *handle, const nd_buf_t bufs[],
                            unsigned int nbufs, nd_stream_t *send_handle);
ND_EXTERN int nd_shutdown(nd_shutdown_t *req, nd_stream_t *handle,
                          nd_shutdown_cb cb);

/* State */
ND_EXTERN int nd_is_readable(const nd_stream_t *handle);
ND_EXTERN int nd_is_writable(const nd_stream_t *handle);
ND_EXTERN int nd_stream_set_blocking(nd_stream_t *handle, int blocking);
ND_EXTERN size_t nd_stream_get_write_queue_size(const nd_stream_t *stream);

/* Move everything from src to dst, honouring dst's watermarks. */
ND_EXTERN int nd_stream_pipe(nd_stream_pipe_t *req, nd_stream_t *src,
                             nd_stream_t *dst, unsigned int flags,
                             nd_stream_pipe_cb cb);

/* Backpressure */
ND_EXTERN int nd_stream_set_watermarks(nd_stream_t *stream, size_t high,
                                       size_t low);
ND_EXTERN int nd_stream_needs_drain(const nd_stream_t *stream);
ND_EXTERN int nd_stream_on_drain(nd_stream_t *stream, nd_drain_cb cb);

#endif
