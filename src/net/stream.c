/*
 * stream.c - what every stream does: read, write, shut down, listen,
 * accept, close, and tell its writer when to slow down.
 *
 * A stream is a descriptor watched for readiness.  Reads run the user's
 * alloc_cb and read_cb until the kernel has no more (or 32 reads, so one
 * busy stream cannot hold the loop).  Writes go out at once when nothing is
 * queued, else wait in order for the descriptor to become writable; their
 * callbacks never run inside nd_write: finished requests collect on
 * write_done and run from the pending phase, or from the poll phase when the
 * kernel took them there.
 *
 * Backpressure: write_queue_size counts the bytes not yet handed to the
 * kernel.  A write that leaves it at or above the high watermark returns
 * ND_STREAM_PRESSURE (1) instead of 0 and arms the drain callback, which
 * runs once the queue falls to the low watermark: the loop's answer to
 * Node's write() === false and 'drain'.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "pipe-internal.h"
#include "stream-internal.h"
#include "tcp-internal.h"

#define READ_SUGGESTED_SIZE 65536
#define READS_PER_EVENT 32
/* Loop-buffer reads on readiness: a buffer on the loop thread's stack. */
#define LOOPBUF_SIZE 32768

static void stream_io(nd_loop_t *loop, nd__io_t *w, unsigned int events);

void nd__stream_init(nd_loop_t *loop, nd_stream_t *stream,
                     nd_handle_type type) {
  nd__handle_set_close_hook(type, nd__stream_close);
  nd__handle_init(loop, (nd_handle_t *)stream, type);
  stream->write_queue_size = 0;
  stream->alloc_cb = NULL;
  stream->read_cb = NULL;
  nd__io_init(&stream->io_watcher, stream_io, -1);
  nd__queue_init(&stream->write_queue);
  nd__queue_init(&stream->write_done);
  nd__queue_init(&stream->write_pending.queue);
  stream->connect_req = NULL;
  stream->shutdown_req = NULL;
  stream->connection_cb = NULL;
  stream->drain_cb = NULL;
  stream->high_watermark = ND_STREAM_HIGH_WATERMARK;
  stream->low_watermark = ND_STREAM_LOW_WATERMARK;
  stream->ring = NULL;
  stream->pipe_out = NULL;
  stream->pipe_in = NULL;
  stream->accepted_fd = -1;
  stream->delayed_error = 0;
  stream->stream_flags = 0;
}

int nd__stream_open(nd_stream_t *stream, int fd, unsigned int flags) {
  struct stat st;
  int err;

  if (nd__stream_fd(stream) != -1)
    return ND_EBUSY;
  if (flags & ND__STREAM_FRESH_SOCKET) {
    flags |= ND__STREAM_SOCKET;
  } else {
    err = nd__set_nonblock(fd, 1);
    if (err != 0)
      return err;
    if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode))
      flags |= ND__STREAM_SOCKET;
  }
  stream->io_watcher.fd = fd;
  stream->stream_flags |= flags & ~(unsigned int)ND__STREAM_FRESH_SOCKET;
  if (flags & ND__STREAM_SOCKET)
    nd__stream_ring_open(stream, (flags & ND__STREAM_FRESH_SOCKET) != 0);
  return 0;
}

/* A stream is active while it reads, listens, connects or has writes. */
void nd__stream_update_active(nd_stream_t *s) {
  if ((s->stream_flags & (ND__STREAM_READING | ND__STREAM_LISTENING)) ||
      s->connect_req != NULL || !nd__queue_empty(&s->write_queue))
    nd__handle_start((nd_handle_t *)s);
  else
    nd__handle_stop((nd_handle_t *)s);
}

/* --- callbacks deferred to the pending phase ---------------------------- */

static void pending_cb(nd_loop_t *loop, nd__pending_t *p);
static void write_some(nd_stream_t *s);
static void flush_queue(nd_stream_t *s);

void nd__stream_schedule_pending(nd_stream_t *s) {
  if (s->stream_flags & ND__STREAM_PENDING)
    return;
  s->stream_flags |= ND__STREAM_PENDING;
  nd__pending_add(s->loop, &s->write_pending, pending_cb);
}

static size_t bufs_size(const nd_buf_t *bufs, unsigned int nbufs) {
  size_t n = 0;
  unsigned int i;

  for (i = 0; i < nbufs; i++)
    n += bufs[i].len;
  return n;
}

static void free_write_bufs(nd_write_t *req) {
  if (req->bufs != req->bufsml)
    free(req->bufs);
  req->bufs = NULL;
}

/*
 * The callbacks of the writes finished so far, and only those: a write a
 * callback makes that finishes at once waits for the next iteration, as
 * with libuv, so a writer that refills from its callbacks cannot keep the
 * loop from its reads (and the kernel's buffers from emptying) until the
 * socket is full.
 */
static void run_write_callbacks(nd_stream_t *s) {
  struct nd__queue done;
  struct nd__queue *q;
  nd_write_t *req;

  nd__queue_move(&s->write_done, &done);
  while (!nd__queue_empty(&done)) {
    q = nd__queue_head(&done);
    nd__queue_remove(q);
    req = nd__container_of(q, nd_write_t, queue);
    free_write_bufs(req);
    nd__req_unregister(s->loop, (nd_req_t *)req);
    if (req->cb != NULL)
      req->cb(req, req->error);
  }
}

static void maybe_drain(nd_stream_t *s) {
  if (!(s->stream_flags & ND__STREAM_NEED_DRAIN) ||
      s->write_queue_size > s->low_watermark)
    return;
  s->stream_flags &= ~ND__STREAM_NEED_DRAIN;
  if (s->drain_cb != NULL && !nd_is_closing((nd_handle_t *)s))
    s->drain_cb(s);
}

/* Shut our writing half once every queued write has gone out. */
static void maybe_shutdown(nd_stream_t *s) {
  nd_shutdown_t *req = s->shutdown_req;
  int err = 0;

  if (req == NULL || !nd__queue_empty(&s->write_queue))
    return;
  s->shutdown_req = NULL;
  nd__io_stop(s->loop, &s->io_watcher, ND__POLLOUT);
  if (nd_is_closing((nd_handle_t *)s))
    err = ND_ECANCELED;
  else if (shutdown(nd__stream_fd(s), SHUT_WR) != 0)
    err = -errno;
  else
    s->stream_flags |= ND__STREAM_SHUT;
  nd__req_unregister(s->loop, (nd_req_t *)req);
  nd__stream_update_active(s);
  if (req->cb != NULL)
    req->cb(req, err);
}

static void finish_connect(nd_stream_t *s, int err) {
  nd_connect_t *req = s->connect_req;

  s->connect_req = NULL;
  nd__req_unregister(s->loop, (nd_req_t *)req);
  /* Readiness waits on POLLOUT for queued writes; the ring does not. */
  if ((nd__queue_empty(&s->write_queue) ||
       (s->stream_flags & ND__STREAM_RING)) &&
      !(s->shutdown_req != NULL && nd__queue_empty(&s->write_queue)))
    nd__io_stop(s->loop, &s->io_watcher, ND__POLLOUT);
  nd__stream_update_active(s);
  if (req->cb != NULL)
    req->cb(req, err);
}

static void pending_cb(nd_loop_t *loop, nd__pending_t *p) {
  nd_stream_t *s = nd__container_of(p, nd_stream_t, write_pending);
  int closing = nd_is_closing((nd_handle_t *)s);

  (void)loop;
  s->stream_flags &= ~ND__STREAM_PENDING;
  /* The kernel may still read the cancelled writes' buffers: wait. */
  if (closing && nd__stream_ring_busy(s))
    return;
  if (s->connect_req != NULL &&
      (closing || s->delayed_error != 0 ||
       (s->stream_flags & ND__STREAM_CONNECTED_NOW))) {
    int err = closing ? ND_ECANCELED : s->delayed_error;
    s->delayed_error = 0;
    s->stream_flags &= ~ND__STREAM_CONNECTED_NOW;
    finish_connect(s, err);
    if (!closing && !nd__queue_empty(&s->write_queue) &&
        s->connect_req == NULL && nd__stream_fd(s) != -1)
      flush_queue(s);
  }
  if (!closing && s->ring != NULL)
    nd__stream_ring_pending(s);
  run_write_callbacks(s);
  if (!closing)
    maybe_drain(s);
  maybe_shutdown(s);
  /* A closing stream waited for these callbacks before its own. */
  if (closing)
    nd__handle_close_release((nd_handle_t *)s);
}

/* --- writing ------------------------------------------------------------ */

/*
 * A write to a pipe whose reader is gone raises SIGPIPE; pwritev2's
 * RWF_NOSIGNAL (Linux 6.14) asks for EPIPE alone, as MSG_NOSIGNAL does for
 * sockets.  An older kernel refuses the flag, once: then plain writev, and
 * the signal is the program's to ignore, as with libuv.
 */
#ifndef RWF_NOSIGNAL
#define RWF_NOSIGNAL 0x00000100
#endif
static int nosignal_refused;

static ssize_t write_nosignal(int fd, const struct iovec *iov,
                              unsigned int n) {
  ssize_t r;

  if (!__atomic_load_n(&nosignal_refused, __ATOMIC_RELAXED)) {
    r = pwritev2(fd, iov, (int)n, -1, RWF_NOSIGNAL);
    if (r >= 0 || errno != EOPNOTSUPP)
      return r;
    __atomic_store_n(&nosignal_refused, 1, __ATOMIC_RELAXED);
  }
  return writev(fd, iov, (int)n);
}

/* One write system call; -errno on failure.  Never raises SIGPIPE. */
static ssize_t write_vec(nd_stream_t *s, const nd_buf_t *bufs,
                         unsigned int nbufs) {
  struct msghdr msg;
  ssize_t r;

  if (nbufs > IOV_MAX)
    nbufs = IOV_MAX;
  do {
    if (s->stream_flags & ND__STREAM_SOCKET) {
      memset(&msg, 0, sizeof(msg));
      msg.msg_iov = (struct iovec *)(void *)bufs;
      msg.msg_iovlen = nbufs;
      r = sendmsg(nd__stream_fd(s), &msg, MSG_NOSIGNAL);
    } else {
      r = write_nosignal(nd__stream_fd(s),
                         (const struct iovec *)(const void *)bufs, nbufs);
    }
  } while (r < 0 && errno == EINTR);
  return r < 0 ? -errno : r;
}

static void finish_write(nd_stream_t *s, nd_write_t *req, int err) {
  req->error = err;
  nd__queue_remove(&req->queue);
  nd__queue_insert_tail(&s->write_done, &req->queue);
}

void nd__stream_advance(nd_stream_t *s, size_t n) {
  nd_write_t *req;
  nd_buf_t *b;
  size_t m;

  s->write_queue_size -= n;
  while (!nd__queue_empty(&s->write_queue)) {
    req = nd__container_of(nd__queue_head(&s->write_queue), nd_write_t,
                           queue);
    while (req->write_index < req->nbufs) {
      b = &req->bufs[req->write_index];
      m = n < b->len ? n : b->len;
      b->base += m;
      b->len -= m;
      n -= m;
      if (b->len != 0)
        break;
      req->write_index++;
    }
    if (req->write_index < req->nbufs)
      return;
    finish_write(s, req, 0);
  }
}

void nd__stream_fail_write(nd_stream_t *s, nd_write_t *req, int err) {
  s->write_queue_size -= bufs_size(req->bufs + req->write_index,
                                   req->nbufs - req->write_index);
  finish_write(s, req, err);
}

void nd__stream_after_writes(nd_stream_t *s) {
  run_write_callbacks(s);
  if (nd__stream_fd(s) == -1 || nd_is_closing((nd_handle_t *)s))
    return;
  maybe_drain(s);
  maybe_shutdown(s);
}

/* Start writing what is queued, by the stream's way of writing. */
static void flush_queue(nd_stream_t *s) {
  if (s->stream_flags & ND__STREAM_RING)
    nd__stream_ring_send(s);
  else
    write_some(s);
}

/*
 * Hand queued writes to the kernel until it takes no more; watch for
 * writability when it stops short.
 */
static void write_some(nd_stream_t *s) {
  nd_write_t *req;
  nd_buf_t *b;
  ssize_t r;
  size_t n;

  while (!nd__queue_empty(&s->write_queue)) {
    req = nd__container_of(nd__queue_head(&s->write_queue), nd_write_t,
                           queue);
    if ((s->stream_flags & ND__STREAM_IPC) && req->send_handle != NULL) {
      /* IPC: the handle goes with the first bytes that go; then it is sent. */
      r = nd__pipe_ipc_send(s, req->bufs + req->write_index,
                            req->nbufs - req->write_index, req->send_handle);
      if (r >= 0)
        req->send_handle = NULL;
    } else {
      r = write_vec(s, req->bufs + req->write_index,
                    req->nbufs - req->write_index);
    }
    if (r == ND_EAGAIN)
      break;
    if (r < 0) {
      /* The stream is broken: this write fails, later ones wait for close. */
      nd__stream_fail_write(s, req, (int)r);
      nd__io_stop(s->loop, &s->io_watcher, ND__POLLOUT);
      nd__stream_update_active(s);
      return;
    }
    s->write_queue_size -= (size_t)r;
    while (req->write_index < req->nbufs) {
      b = &req->bufs[req->write_index];
      n = (size_t)r < b->len ? (size_t)r : b->len;
      b->base += n;
      b->len -= n;
      r -= (ssize_t)n;
      if (b->len != 0)
        break;
      req->write_index++;
    }
    if (req->write_index < req->nbufs)
      break; /* the kernel's buffer is full */
    finish_write(s, req, 0);
  }

  if (nd__queue_empty(&s->write_queue) && s->shutdown_req == NULL)
    nd__io_stop(s->loop, &s->io_watcher, ND__POLLOUT);
  else
    nd__io_start(s->loop, &s->io_watcher, ND__POLLOUT);
  nd__stream_update_active(s);
}

/* What nd_write2 and nd_try_write2 refuse alike. */
static int check_write(nd_stream_t *s, const nd_buf_t bufs[],
                       unsigned int nbufs, nd_stream_t *send_handle) {
  int err;

  if (s == NULL || bufs == NULL || nbufs == 0)
    return ND_EINVAL;
  if (send_handle != NULL) {
    /* Passing handles needs an IPC pipe. */
    err = nd__pipe_ipc_check_send(s, send_handle, bufs, nbufs);
    if (err != 0)
      return err;
  }
  if (nd__stream_fd(s) < 0)
    return ND_EBADF;
  if (!(s->stream_flags & ND__STREAM_WRITABLE))
    return ND_EPIPE;
  return 0;
}

int nd_write2(nd_write_t *req, nd_stream_t *s, const nd_buf_t bufs[],
              unsigned int nbufs, nd_stream_t *send_handle, nd_write_cb cb) {
  int was_empty;
  size_t size;
  int err;

  if (req == NULL || s == NULL)
    return ND_EINVAL;
  if (s->type == ND_TLS)
    return nd__tls_write(req, s, bufs, nbufs, send_handle, cb);
  err = check_write(s, bufs, nbufs, send_handle);
  if (err != 0)
    return err;

  req->type = ND_WRITE;
  req->cb = cb;
  req->handle = s;
  req->send_handle = send_handle;
  req->error = 0;
  req->write_index = 0;
  req->nbufs = nbufs;
  req->bufs = req->bufsml;
  if (nbufs > ND__WRITE_SMALL_BUFS) {
    req->bufs = malloc(nbufs * sizeof(*bufs));
    if (req->bufs == NULL)
      return ND_ENOMEM;
  }
  memcpy(req->bufs, bufs, nbufs * sizeof(*bufs));
  nd__req_register(s->loop, (nd_req_t *)req, ND_WRITE);

  size = bufs_size(bufs, nbufs);
  was_empty = nd__queue_empty(&s->write_queue);
  nd__queue_insert_tail(&s->write_queue, &req->queue);
  s->write_queue_size += size;

  if (s->connect_req != NULL) {
    /* Written once connected. */
  } else if (s->stream_flags & ND__STREAM_RING) {
    nd__stream_ring_send(s); /* goes out with the loop's next enter */
  } else if (was_empty) {
    write_some(s);
    if (!nd__queue_empty(&s->write_done))
      nd__stream_schedule_pending(s);
  }
  nd__stream_update_active(s);

  if (s->write_queue_size >= s->high_watermark) {
    s->stream_flags |= ND__STREAM_NEED_DRAIN;
    return ND_STREAM_PRESSURE;
  }
  return 0;
}

int nd_write(nd_write_t *req, nd_stream_t *s, const nd_buf_t bufs[],
             unsigned int nbufs, nd_write_cb cb) {
  return nd_write2(req, s, bufs, nbufs, NULL, cb);
}

int nd_try_write2(nd_stream_t *s, const nd_buf_t bufs[], unsigned int nbufs,
                  nd_stream_t *send_handle) {
  ssize_t r;
  int err;

  if (s != NULL && s->type == ND_TLS)
    return nd__tls_try_write(s, bufs, nbufs, send_handle);
  err = check_write(s, bufs, nbufs, send_handle);
  if (err != 0)
    return err;
  /* Order: nothing jumps the queue. */
  if (s->connect_req != NULL || !nd__queue_empty(&s->write_queue))
    return ND_EAGAIN;
  if (send_handle != NULL) /* IPC */
    r = nd__pipe_ipc_send(s, bufs, nbufs, send_handle);
  else
    r = write_vec(s, bufs, nbufs);
  if (r < 0)
    return (int)r;
  return r > INT_MAX ? INT_MAX : (int)r;
}

int nd_try_write(nd_stream_t *s, const nd_buf_t bufs[], unsigned int nbufs) {
  return nd_try_write2(s, bufs, nbufs, NULL);
}

int nd_shutdown(nd_shutdown_t *req, nd_stream_t *s, nd_shutdown_cb cb) {
  if (req == NULL || s == NULL)
    return ND_EINVAL;
  if (s->type == ND_TLS)
    return nd__tls_shutdown(req, s, cb);
  if (nd__stream_fd(s) < 0 || nd_is_closing((nd_handle_t *)s))
    return ND_ENOTCONN;
  if (!(s->stream_flags & ND__STREAM_WRITABLE) ||
      (s->stream_flags & ND__STREAM_SHUTTING))
    return ND_ENOTCONN;
  req->handle = s;
  req->cb = cb;
  nd__req_register(s->loop, (nd_req_t *)req, ND_SHUTDOWN);
  s->shutdown_req = req;
  s->stream_flags |= ND__STREAM_SHUTTING;
  s->stream_flags &= ~ND__STREAM_WRITABLE;
  /*
   * Done from the poll phase once the socket is writable and the queue
   * empty, as libuv does, so callbacks come in the same order.  On the
   * ring a send in flight does it when it ends.
   */
  if ((s->stream_flags & ND__STREAM_RING) &&
      (!nd__queue_empty(&s->write_queue) || s->connect_req != NULL))
    return 0;
  return nd__io_start(s->loop, &s->io_watcher, ND__POLLOUT);
}

/* --- reading ------------------------------------------------------------ */

size_t nd__stream_deliver(nd_stream_t *s, const char *data, size_t n) {
  size_t done = 0;
  size_t m;
  nd_buf_t buf;

  while (done < n && (s->stream_flags & ND__STREAM_READING) &&
         !nd_is_closing((nd_handle_t *)s)) {
    if (s->stream_flags & ND__STREAM_LOOPBUF) {
      buf.base = (char *)data + done;
      buf.len = n - done;
      done = n;
      s->read_cb(s, (ssize_t)buf.len, &buf);
      break;
    }
    buf.base = NULL;
    buf.len = 0;
    s->alloc_cb((nd_handle_t *)s, READ_SUGGESTED_SIZE, &buf);
    if (buf.base == NULL || buf.len == 0) {
      s->read_cb(s, ND_ENOBUFS, &buf);
      break;
    }
    m = n - done < buf.len ? n - done : buf.len;
    memcpy(buf.base, data + done, m);
    done += m;
    s->read_cb(s, (ssize_t)m, &buf);
  }
  return done;
}

/*
 * Reading stops; after end of file the stream stays readable, as with
 * libuv: a later nd_read_start reads again (a terminal can have more after
 * end of file; a socket says end of file again).
 */
static void read_stopped(nd_stream_t *s, int status) {
  if (status == ND_EOF)
    s->stream_flags |= ND__STREAM_READ_EOF;
  s->stream_flags &= ~ND__STREAM_READING;
  if (!(s->stream_flags & ND__STREAM_RING))
    nd__io_stop(s->loop, &s->io_watcher, ND__POLLIN);
  nd__stream_update_active(s);
}

void nd__stream_read_end(nd_stream_t *s, int status) {
  nd_buf_t buf = {NULL, 0};

  read_stopped(s, status);
  s->read_cb(s, status, &buf);
}

/* Readiness: read until the kernel has no more, or the budget is spent. */
static void read_some(nd_stream_t *s) {
  int budget = READS_PER_EVENT;
  int lent = (s->stream_flags & ND__STREAM_LOOPBUF) != 0;
  char loopbuf[LOOPBUF_SIZE];
  nd_buf_t buf;
  ssize_t r;

  while ((s->stream_flags & ND__STREAM_READING) && budget-- > 0) {
    if (lent) {
      buf.base = loopbuf;
      buf.len = sizeof(loopbuf);
    } else {
      buf.base = NULL;
      buf.len = 0;
      s->alloc_cb((nd_handle_t *)s, READ_SUGGESTED_SIZE, &buf);
      if (buf.base == NULL || buf.len == 0) {
        s->read_cb(s, ND_ENOBUFS, &buf);
        return;
      }
    }
    do
      r = (s->stream_flags & ND__STREAM_IPC)
              ? nd__pipe_ipc_recv(s, buf.base, buf.len) /* and handles */
              : read(nd__stream_fd(s), buf.base, buf.len);
    while (r < 0 && errno == EINTR);

    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      /* Nothing after all: a buffer of the user's goes back, read_cb(0). */
      if (!lent)
        s->read_cb(s, 0, &buf);
      return;
    }
    if (r <= 0) {
      int status = r == 0 ? ND_EOF : -errno;
      if (lent)
        buf.base = NULL, buf.len = 0;
      read_stopped(s, status);
      s->read_cb(s, status, &buf);
      return;
    }
    if (lent)
      buf.len = (size_t)r;
    s->read_cb(s, r, &buf);
    if ((size_t)r < (lent ? sizeof(loopbuf) : buf.len))
      return; /* the kernel gave all it had */
  }
}

static int read_start(nd_stream_t *s, nd_alloc_cb alloc_cb,
                      nd_read_cb read_cb) {
  int err;

  if (s == NULL || read_cb == NULL || nd_is_closing((nd_handle_t *)s))
    return ND_EINVAL;
  if (s->type == ND_TLS)
    return nd__tls_read_start(s, alloc_cb, read_cb);
  if (nd__stream_fd(s) < 0 || !(s->stream_flags & ND__STREAM_READABLE))
    return ND_ENOTCONN;
  s->alloc_cb = alloc_cb;
  s->read_cb = read_cb;
  if (alloc_cb == NULL)
    s->stream_flags |= ND__STREAM_LOOPBUF;
  else
    s->stream_flags &= ~ND__STREAM_LOOPBUF;
  if (!(s->stream_flags & ND__STREAM_RING)) {
    err = nd__io_start(s->loop, &s->io_watcher, ND__POLLIN);
    if (err != 0)
      return err;
  }
  s->stream_flags |= ND__STREAM_READING;
  if (s->stream_flags & ND__STREAM_RING)
    nd__stream_ring_read_start(s);
  nd__stream_update_active(s);
  return 0;
}

int nd_read_start(nd_stream_t *s, nd_alloc_cb alloc_cb, nd_read_cb read_cb) {
  if (alloc_cb == NULL)
    return ND_EINVAL;
  return read_start(s, alloc_cb, read_cb);
}

int nd_read_start_loopbuf(nd_stream_t *s, nd_read_cb read_cb) {
  return read_start(s, NULL, read_cb);
}

int nd_read_stop(nd_stream_t *s) {
  if (s == NULL)
    return ND_EINVAL;
  if (s->type == ND_TLS)
    return nd__tls_read_stop(s);
  if (!(s->stream_flags & ND__STREAM_READING))
    return 0;
  s->stream_flags &= ~ND__STREAM_READING;
  if (s->stream_flags & ND__STREAM_RING)
    nd__stream_ring_read_stop(s);
  else
    nd__io_stop(s->loop, &s->io_watcher, ND__POLLIN);
  nd__stream_update_active(s);
  return 0;
}

/* --- servers ------------------------------------------------------------ */

/*
 * A descriptor held in reserve: when accept fails for want of descriptors,
 * it is given up for a moment to accept and drop the waiting connections,
 * so a level-triggered listener does not spin.  Shared by the process.
 */
static int reserve_fd = -1;

static void reserve_take(void) {
  int fd;

  if (__atomic_load_n(&reserve_fd, __ATOMIC_RELAXED) != -1)
    return;
  fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  if (!__atomic_compare_exchange_n(&reserve_fd, &(int){-1}, fd, 0,
                                   __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    close(fd);
}

/*
 * Returns 0 when the waiting connections were dropped (the listener has
 * nothing left to report), or an error when there was no reserve.
 */
int nd__stream_drop_waiting(nd_stream_t *s, int err) {
  int fd = __atomic_exchange_n(&reserve_fd, -1, __ATOMIC_RELAXED);
  int c;

  if (fd == -1)
    return err;
  close(fd);
  for (;;) {
    c = accept4(nd__stream_fd(s), NULL, NULL, SOCK_CLOEXEC);
    if (c < 0 && errno == EINTR)
      continue;
    if (c < 0)
      break;
    close(c);
  }
  reserve_take();
  return 0;
}

static void server_io(nd_stream_t *s) {
  int fd;

  while (s->accepted_fd == -1 && (s->stream_flags & ND__STREAM_LISTENING)) {
    fd = accept4(nd__stream_fd(s), NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        return;
      if (errno == EMFILE || errno == ENFILE) {
        /*
         * As libuv: the clients are turned away and the server is not told,
         * so a Node server without an error listener survives a burst; it
         * hears ND_EMFILE only when there was no reserve to do that with.
         */
        int err = nd__stream_drop_waiting(s, -errno);
        if (err != 0)
          s->connection_cb(s, err);
        return;
      }
      s->connection_cb(s, -errno);
      return;
    }
    s->accepted_fd = fd;
    s->connection_cb(s, 0);
    if (s->accepted_fd != -1) {
      /* Not taken yet: wait for nd_accept before accepting more. */
      nd__io_stop(s->loop, &s->io_watcher, ND__POLLIN);
      return;
    }
  }
}

int nd__stream_listen(nd_stream_t *s, int backlog, nd_connection_cb cb) {
  int err;

  if (listen(nd__stream_fd(s), backlog) != 0)
    return -errno;
  reserve_take();
  s->connection_cb = cb;
  s->stream_flags |= ND__STREAM_LISTENING;
  if (nd__stream_ring_listen(s) != 0) {
    err = nd__io_start(s->loop, &s->io_watcher, ND__POLLIN);
    if (err != 0) {
      s->stream_flags &= ~ND__STREAM_LISTENING;
      return err;
    }
  }
  nd__stream_update_active(s);
  return 0;
}

int nd_listen(nd_stream_t *s, int backlog, nd_connection_cb cb) {
  if (s == NULL || cb == NULL || nd_is_closing((nd_handle_t *)s))
    return ND_EINVAL;
  switch (s->type) {
  case ND_TCP:
    return nd__tcp_listen((nd_tcp_t *)s, backlog, cb);
  case ND_NAMED_PIPE:
    return nd__pipe_listen((nd_pipe_t *)s, backlog, cb);
  default:
    return ND_EINVAL;
  }
}

int nd_accept(nd_stream_t *server, nd_stream_t *client) {
  int err;

  if (server == NULL || client == NULL)
    return ND_EINVAL;
  if (server->stream_flags & ND__STREAM_IPC) /* a handle it received */
    return nd__pipe_ipc_accept(server, client);
  if (server->accepted_fd == -1)
    return ND_EAGAIN;
  if (client->type != ND_TCP && client->type != ND_NAMED_PIPE)
    return ND_ENOTSUP;
  if (nd__stream_fd(client) != -1)
    return ND_EBUSY;
  /* Both ways of accepting (accept4, the ring's accept) make it so. */
  err = nd__stream_open(client, server->accepted_fd,
                        ND__STREAM_READABLE | ND__STREAM_WRITABLE |
                            ND__STREAM_FRESH_SOCKET);
  if (err != 0) {
    close(server->accepted_fd);
  }
  server->accepted_fd = -1;
  if (nd__stream_ring_accepting(server))
    nd__stream_ring_accepted(server);
  else if (server->stream_flags & ND__STREAM_LISTENING)
    nd__io_start(server->loop, &server->io_watcher, ND__POLLIN);
  return err;
}

/* --- connecting --------------------------------------------------------- */

void nd__stream_connect_started(nd_stream_t *s, nd_connect_t *req,
                                int status) {
  req->handle = s;
  nd__req_register(s->loop, (nd_req_t *)req, ND_CONNECT);
  s->connect_req = req;
  nd__stream_update_active(s);
  if (status == ND__CONNECT_RING)
    return;
  if (status == ND__CONNECT_IN_PROGRESS) {
    nd__io_start(s->loop, &s->io_watcher, ND__POLLOUT);
    return;
  }
  /* Connected or refused at once: reported from the pending phase. */
  if (status == ND__CONNECT_DONE)
    s->stream_flags |= ND__STREAM_CONNECTED_NOW;
  else
    s->delayed_error = status;
  nd__stream_schedule_pending(s);
}

void nd__stream_connect_done(nd_stream_t *s, int err) {
  finish_connect(s, err);
  if (nd__stream_fd(s) == -1 || nd_is_closing((nd_handle_t *)s) ||
      s->connect_req != NULL)
    return;
  if (err < 0) {
    /* As libuv: writes waiting for a connection that failed are cancelled. */
    while (!nd__queue_empty(&s->write_queue))
      nd__stream_fail_write(s, nd__container_of(nd__queue_head(
                                   &s->write_queue), nd_write_t, queue),
                            ND_ECANCELED);
    nd__stream_update_active(s);
    run_write_callbacks(s);
    return;
  }
  if (!nd__queue_empty(&s->write_queue))
    flush_queue(s);
  else if (s->shutdown_req != NULL)
    nd__io_start(s->loop, &s->io_watcher, ND__POLLOUT);
}

static void connect_io(nd_stream_t *s) {
  socklen_t len = sizeof(int);
  int err = 0;

  if (getsockopt(nd__stream_fd(s), SOL_SOCKET, SO_ERROR, &err, &len) != 0)
    err = errno;
  if (err == EINPROGRESS)
    return;
  nd__stream_connect_done(s, -err);
}

/* --- the watcher -------------------------------------------------------- */

static void stream_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  nd_stream_t *s = nd__container_of(w, nd_stream_t, io_watcher);

  (void)loop;
  if ((s->pipe_out != NULL || s->pipe_in != NULL) &&
      (nd__stream_pipe_io(s, events) || nd__stream_fd(s) == -1))
    return;
  if (s->connect_req != NULL) {
    connect_io(s);
    return;
  }
  if (s->stream_flags & ND__STREAM_LISTENING) {
    server_io(s);
    return;
  }
  /* On the ring, the watcher only ever waits to shut down. */
  if ((events & (ND__POLLIN | ND__POLLERR | ND__POLLHUP)) &&
      !(s->stream_flags & ND__STREAM_RING))
    read_some(s);
  if (nd__stream_fd(s) == -1)
    return; /* closed by a read callback */
  if (events & (ND__POLLOUT | ND__POLLERR | ND__POLLHUP)) {
    if (!nd__queue_empty(&s->write_queue) &&
        !(s->stream_flags & ND__STREAM_RING))
      write_some(s);
    run_write_callbacks(s);
    if (nd__stream_fd(s) == -1)
      return;
    maybe_drain(s);
    maybe_shutdown(s);
  }
}

/* --- closing ------------------------------------------------------------ */

/*
 * nd_close: stop everything now and close the descriptor; the requests
 * still queued fail with ND_ECANCELED, and their callbacks run (from the
 * pending phase) before the stream's close callback.
 */
void nd__stream_close(nd_handle_t *h) {
  nd_stream_t *s = (nd_stream_t *)h;
  struct nd__queue *q;
  int fd = nd__stream_fd(s);

  if (s->type == ND_TLS) { /* a layer: it closes its transport */
    nd__tls_close(h);
    return;
  }

  nd__stream_pipe_closed(s);
  if (s->type == ND_NAMED_PIPE) /* its file, and handles not accepted */
    nd__pipe_close((nd_pipe_t *)s);
  s->stream_flags &= ~(ND__STREAM_READING | ND__STREAM_LISTENING |
                       ND__STREAM_READABLE | ND__STREAM_WRITABLE);
  nd__io_close(s->loop, &s->io_watcher);
  nd__stream_ring_close(s);
  /* Standard input, output and error stay open: nothing good comes of it. */
  if (fd > STDERR_FILENO)
    close(fd);
  s->io_watcher.fd = -1;
  if (s->accepted_fd != -1) {
    close(s->accepted_fd);
    s->accepted_fd = -1;
  }
  while (!nd__queue_empty(&s->write_queue)) {
    q = nd__queue_head(&s->write_queue);
    finish_write(s, nd__container_of(q, nd_write_t, queue), ND_ECANCELED);
  }
  s->write_queue_size = 0;
  if (s->connect_req != NULL || s->shutdown_req != NULL ||
      !nd__queue_empty(&s->write_done) || nd__stream_ring_busy(s) ||
      (s->stream_flags & ND__STREAM_PENDING)) {
    nd__handle_close_hold(h);
    nd__stream_schedule_pending(s);
  }
}

/* --- state -------------------------------------------------------------- */

int nd_is_readable(const nd_stream_t *s) {
  return (s->stream_flags & ND__STREAM_READABLE) != 0;
}

int nd_is_writable(const nd_stream_t *s) {
  return (s->stream_flags & ND__STREAM_WRITABLE) != 0;
}

int nd_stream_set_blocking(nd_stream_t *s, int blocking) {
  int err;

  if (s->type == ND_TLS)
    return ND_ENOTSUP; /* its transport's business */
  if (nd__stream_fd(s) < 0)
    return ND_EBADF;
  err = nd__set_nonblock(nd__stream_fd(s), !blocking);
  if (err != 0)
    return err;
  if (blocking)
    s->stream_flags |= ND__STREAM_BLOCKING;
  else
    s->stream_flags &= ~ND__STREAM_BLOCKING;
  return 0;
}

size_t nd_stream_get_write_queue_size(const nd_stream_t *s) {
  return s->write_queue_size;
}

int nd_stream_set_watermarks(nd_stream_t *s, size_t high, size_t low) {
  if (s == NULL || low > high)
    return ND_EINVAL;
  s->high_watermark = high;
  s->low_watermark = low;
  return 0;
}

int nd_stream_needs_drain(const nd_stream_t *s) {
  return (s->stream_flags & ND__STREAM_NEED_DRAIN) != 0;
}

int nd_stream_on_drain(nd_stream_t *s, nd_drain_cb cb) {
  if (s == NULL)
    return ND_EINVAL;
  s->drain_cb = cb;
  return 0;
}
