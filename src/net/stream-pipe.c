/*
 * stream-pipe.c - nd_stream_pipe: move everything from one stream to
 * another, at the pace of the slower one.
 *
 * When src is a regular file (a pipe handle opened on one), sendfile(2)
 * moves it into dst whenever dst can take more.  When both ends are
 * sockets or pipes and nothing is under way on either, the bytes never
 * enter user space either: splice(2) moves them from src into a
 * kernel pipe and from there into dst, and src is read only while that
 * pipe has room, so memory stays at one pipe's worth however fast src is.
 * Otherwise src is read into buffers that are written to dst, and reading
 * pauses when a write reports dst's high watermark and resumes on its
 * drain callback: the same bound, through dst's watermarks.
 *
 * dst is shut down when src ends, unless ND_STREAM_PIPE_NO_END.  The first
 * error from either side ends the pipe and is its status; the callback runs
 * once every write the pipe made has finished.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stream-internal.h"

#define PIPE_READ_SIZE 65536
#define KPIPE_SIZE (1024 * 1024)
#define SPLICES_PER_EVENT 16

struct pipe_write {
  nd_write_t req;
  nd_stream_pipe_t *pipe;
  char data[];
};

static void pipe_read(nd_stream_t *src, ssize_t n, const nd_buf_t *buf);

static int splice_end(int fd) {
  struct stat st;

  return fstat(fd, &st) == 0 && (S_ISSOCK(st.st_mode) || S_ISFIFO(st.st_mode));
}

/* Let go of both streams: watchers, reads, dst's drain callback. */
static void detach(nd_stream_pipe_t *req) {
  nd_stream_t *src = req->src;
  nd_stream_t *dst = req->dst;

  if (req->via_sendfile) {
    req->via_sendfile = 0;
    if (nd__stream_fd(dst) >= 0 && nd__queue_empty(&dst->write_queue) &&
        dst->shutdown_req == NULL)
      nd__io_stop(dst->loop, &dst->io_watcher, ND__POLLOUT);
  } else if (req->kpipe[0] >= 0) {
    if (nd__stream_fd(src) >= 0)
      nd__io_stop(src->loop, &src->io_watcher, ND__POLLIN);
    if (nd__stream_fd(dst) >= 0 && nd__queue_empty(&dst->write_queue) &&
        dst->shutdown_req == NULL)
      nd__io_stop(dst->loop, &dst->io_watcher, ND__POLLOUT);
    close(req->kpipe[0]);
    close(req->kpipe[1]);
    req->kpipe[0] = req->kpipe[1] = -1;
  } else if (src->read_cb == pipe_read) {
    nd_read_stop(src);
  }
  dst->drain_cb = req->saved_drain;
  src->pipe_out = NULL;
  dst->pipe_in = NULL;
  nd__stream_update_active(src);
  nd__stream_update_active(dst);
}

static void complete(nd_stream_pipe_t *req) {
  nd__req_unregister(req->src->loop, (nd_req_t *)req);
  if (req->cb != NULL)
    req->cb(req, req->status);
}

static void finish(nd_stream_pipe_t *req) {
  detach(req);
  complete(req);
}

static void shutdown_cb(nd_shutdown_t *sreq, int status) {
  nd_stream_pipe_t *req = sreq->data;

  if (req->status == 0)
    req->status = status;
  finish(req);
}

/* src has ended and every byte is in dst's hands: end dst too. */
static void end_dst(nd_stream_pipe_t *req) {
  int err;

  if (req->flags & ND_STREAM_PIPE_NO_END) {
    finish(req);
    return;
  }
  req->shutdown.data = req;
  err = nd_shutdown(&req->shutdown, req->dst, shutdown_cb);
  if (err != 0) {
    req->status = err;
    finish(req);
  }
}

/* The first error wins; the pipe ends once its writes are back. */
static void fail(nd_stream_pipe_t *req, int err) {
  if (req->status == 0)
    req->status = err;
  if (req->kpipe[0] < 0 && req->src->pipe_out == req)
    nd_read_stop(req->src);
  req->ends = 1;
  if (req->writes == 0)
    finish(req);
}

/* --- through user space ------------------------------------------------- */

static void pipe_alloc(nd_handle_t *h, size_t size, nd_buf_t *buf) {
  struct pipe_write *w = malloc(sizeof(*w) + PIPE_READ_SIZE);

  (void)h;
  (void)size;
  buf->base = w != NULL ? w->data : NULL;
  buf->len = w != NULL ? PIPE_READ_SIZE : 0;
}

static struct pipe_write *write_of(const nd_buf_t *buf) {
  return nd__container_of(buf->base, struct pipe_write, data);
}

static void pipe_write_cb(nd_write_t *wreq, int status);

/*
 * dst failed a write: the writes queued behind it come back only when dst
 * is closed, which its owner does after the pipe reports the error.  Let
 * go of them (each frees its own buffer when it comes back) so that the
 * pipe can report now.
 */
static void orphan_writes(nd_stream_pipe_t *req, struct nd__queue *q) {
  struct nd__queue *it;

  nd__queue_foreach(it, q) {
    nd_write_t *wreq = nd__container_of(it, nd_write_t, queue);
    struct pipe_write *w = (struct pipe_write *)wreq;
    if (wreq->cb == pipe_write_cb && w->pipe == req) {
      w->pipe = NULL;
      req->writes--;
    }
  }
}

static void pipe_write_cb(nd_write_t *wreq, int status) {
  struct pipe_write *w = (struct pipe_write *)wreq;
  nd_stream_pipe_t *req = w->pipe;

  free(w);
  if (req == NULL)
    return; /* orphaned by a failed write before it */
  req->writes--;
  if (status < 0 && !req->detached) {
    orphan_writes(req, &req->dst->write_queue);
    orphan_writes(req, &req->dst->write_done);
  }
  if (req->detached) {
    if (req->writes == 0)
      complete(req);
    return;
  }
  if (status < 0) {
    fail(req, status);
    return;
  }
  if (req->ends && req->writes == 0) {
    if (req->status != 0)
      finish(req);
    else
      end_dst(req);
  }
}

static void pipe_read(nd_stream_t *src, ssize_t n, const nd_buf_t *buf) {
  nd_stream_pipe_t *req = src->pipe_out;
  struct pipe_write *w = buf->base != NULL ? write_of(buf) : NULL;
  nd_buf_t out;
  int r;

  if (n <= 0) {
    free(w);
    if (n == ND_EOF) {
      req->ends = 1;
      nd_read_stop(src);
      if (req->writes == 0)
        end_dst(req);
    } else if (n < 0) {
      fail(req, (int)n);
    }
    return;
  }
  w->pipe = req;
  out.base = w->data;
  out.len = (size_t)n;
  r = nd_write(&w->req, req->dst, &out, 1, pipe_write_cb);
  if (r < 0) {
    free(w);
    fail(req, r);
    return;
  }
  req->writes++;
  req->bytes += (uint64_t)n;
  if (r == ND_STREAM_PRESSURE)
    nd_read_stop(src); /* resumed by pipe_drain */
}

static void pipe_drain(nd_stream_t *dst) {
  nd_stream_pipe_t *req = dst->pipe_in;
  int err;

  if (req->ends || req->status != 0)
    return;
  err = nd_read_start(req->src, pipe_alloc, pipe_read);
  if (err != 0)
    fail(req, err);
}

/*
 * splice(2) and sendfile(2) into a socket or pipe whose reader is gone raise
 * SIGPIPE, and unlike send they have no flag against it.  The library's
 * writes never raise it, so the pumps run with SIGPIPE blocked in this
 * thread, and a SIGPIPE their own EPIPE left pending is taken back before
 * it is unblocked.  Two mask changes per readiness event, not per call.
 */
struct sigpipe_guard {
  sigset_t saved;
  int epipe;                      /* a call failed with EPIPE */
};

static void sigpipe_block(struct sigpipe_guard *g) {
  sigset_t set;

  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  g->epipe = 0;
  pthread_sigmask(SIG_BLOCK, &set, &g->saved);
}

static void sigpipe_unblock(struct sigpipe_guard *g) {
  static const struct timespec zero = {0, 0};
  sigset_t set, pending;

  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  /*
   * If SIGPIPE was blocked already, one pending might be the program's own,
   * from before: leave it.
   */
  if (g->epipe &&
      !(sigismember(&g->saved, SIGPIPE) && sigpending(&pending) == 0 &&
        sigismember(&pending, SIGPIPE))) {
    while (sigtimedwait(&set, NULL, &zero) < 0 && errno == EINTR)
      ;
  }
  pthread_sigmask(SIG_SETMASK, &g->saved, NULL);
}

/* --- through splice ----------------------------------------------------- */

static void splice_pump_guarded(nd_stream_pipe_t *req,
                                struct sigpipe_guard *g);

static void splice_pump(nd_stream_pipe_t *req) {
  struct sigpipe_guard g;

  sigpipe_block(&g);
  splice_pump_guarded(req, &g);
  sigpipe_unblock(&g);
}

static void splice_pump_guarded(nd_stream_pipe_t *req,
                                struct sigpipe_guard *g) {
  int src_fd = nd__stream_fd(req->src);
  int dst_fd = nd__stream_fd(req->dst);
  int budget = SPLICES_PER_EVENT;
  int out_blocked = 0;
  int in_blocked = 0;
  ssize_t n;

  while (budget-- > 0 && !(out_blocked && (in_blocked || req->ends))) {
    out_blocked = 0;
    while (req->in_kpipe > 0) {
      n = splice(req->kpipe[0], NULL, dst_fd, NULL, req->in_kpipe,
                 SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
      if (n > 0) {
        req->in_kpipe -= (size_t)n;
        req->bytes += (uint64_t)n;
        req->bytes_spliced += (uint64_t)n;
        continue;
      }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN) {
        out_blocked = 1;
        break;
      }
      if (n < 0 && errno == EPIPE)
        g->epipe = 1;
      fail(req, n < 0 ? -errno : ND_EPIPE);
      return;
    }
    if (req->ends || req->in_kpipe >= req->kpipe_size) {
      if (req->in_kpipe > 0)
        in_blocked = 1;
      if (req->in_kpipe == 0)
        break;
      continue;
    }
    n = splice(src_fd, NULL, req->kpipe[1], NULL,
               req->kpipe_size - req->in_kpipe,
               SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
    if (n > 0) {
      req->in_kpipe += (size_t)n;
      in_blocked = 0;
    } else if (n == 0) {
      req->ends = 1;
    } else if (errno == EINTR) {
      continue;
    } else if (errno == EAGAIN) {
      /*
       * Nothing to read, or the kernel pipe is full (its room is counted
       * in pages, not bytes): wait for dst when bytes are waiting.
       */
      in_blocked = 1;
      if (req->in_kpipe == 0)
        break;
    } else {
      fail(req, -errno);
      return;
    }
  }

  if (req->ends && req->in_kpipe == 0) {
    nd__io_stop(req->src->loop, &req->src->io_watcher, ND__POLLIN);
    nd__io_stop(req->dst->loop, &req->dst->io_watcher, ND__POLLOUT);
    close(req->kpipe[0]);
    close(req->kpipe[1]);
    req->kpipe[0] = req->kpipe[1] = -1;
    end_dst(req);
    return;
  }
  /* src is read while the kernel pipe has room; dst waited on when full. */
  if (!req->ends && !(in_blocked && req->in_kpipe > 0))
    nd__io_start(req->src->loop, &req->src->io_watcher, ND__POLLIN);
  else
    nd__io_stop(req->src->loop, &req->src->io_watcher, ND__POLLIN);
  if (req->in_kpipe > 0)
    nd__io_start(req->dst->loop, &req->dst->io_watcher, ND__POLLOUT);
  else
    nd__io_stop(req->dst->loop, &req->dst->io_watcher, ND__POLLOUT);
}

/* --- from a file, through sendfile -------------------------------------- */

static void sendfile_pump_guarded(nd_stream_pipe_t *req,
                                  struct sigpipe_guard *g);

static void sendfile_pump(nd_stream_pipe_t *req) {
  struct sigpipe_guard g;

  sigpipe_block(&g);
  sendfile_pump_guarded(req, &g);
  sigpipe_unblock(&g);
}

static void sendfile_pump_guarded(nd_stream_pipe_t *req,
                                  struct sigpipe_guard *g) {
  int budget = SPLICES_PER_EVENT;
  ssize_t n;

  while (budget-- > 0) {
    n = sendfile(nd__stream_fd(req->dst), nd__stream_fd(req->src), NULL,
                 KPIPE_SIZE);
    if (n > 0) {
      req->bytes += (uint64_t)n;
      req->bytes_spliced += (uint64_t)n;
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && errno == EAGAIN)
      break; /* dst is full: on when it is writable */
    if (n < 0) {
      if (errno == EPIPE)
        g->epipe = 1;
      fail(req, -errno);
      return;
    }
    /* End of the file. */
    req->ends = 1;
    nd__io_stop(req->dst->loop, &req->dst->io_watcher, ND__POLLOUT);
    req->via_sendfile = 0;
    end_dst(req);
    return;
  }
  nd__io_start(req->dst->loop, &req->dst->io_watcher, ND__POLLOUT);
}

static int is_regular_file(int fd) {
  struct stat st;

  return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * Readiness of a piped stream, for the pipe reading it and the pipe
 * writing to it.  The pipes take what they need and the stream goes on
 * with the events as usual (it is not reading while a splice reads it, so
 * only its own writes and shutdown remain).  Returns 1 when the stream was
 * closed meanwhile.
 */
int nd__stream_pipe_io(nd_stream_t *s, unsigned int events) {
  int out = (events & (ND__POLLOUT | ND__POLLERR | ND__POLLHUP)) != 0;
  nd_stream_pipe_t *req;

  req = s->pipe_in;
  if (req != NULL && out) {
    if (req->via_sendfile)
      sendfile_pump(req);
    else if (req->kpipe[0] >= 0)
      splice_pump(req);
  }
  if (nd__stream_fd(s) == -1)
    return 1;
  req = s->pipe_out;
  if (req != NULL && !req->via_sendfile && req->kpipe[0] >= 0 &&
      (events & ~(unsigned int)ND__POLLOUT) != 0)
    splice_pump(req);
  return nd__stream_fd(s) == -1;
}

static int splice_start(nd_stream_pipe_t *req) {
  nd_stream_t *src = req->src;
  nd_stream_t *dst = req->dst;
  int size;

  if (!(req->flags & ND_STREAM_PIPE_NO_SPLICE) &&
      is_regular_file(nd__stream_fd(src)) &&
      !nd__stream_ring_busy(dst) && nd__queue_empty(&dst->write_queue) &&
      dst->connect_req == NULL) {
    req->via_sendfile = 1;
    if (nd__io_start(dst->loop, &dst->io_watcher, ND__POLLOUT) == 0)
      return 1;
    req->via_sendfile = 0;
    return 0;
  }
  if ((req->flags & ND_STREAM_PIPE_NO_SPLICE) ||
      (src->stream_flags & ND__STREAM_READING) ||
      nd__stream_ring_busy(src) || nd__stream_ring_busy(dst) ||
      !nd__queue_empty(&dst->write_queue) || dst->connect_req != NULL ||
      src->connect_req != NULL || !splice_end(nd__stream_fd(src)) ||
      !splice_end(nd__stream_fd(dst)))
    return 0;
  if (pipe2(req->kpipe, O_NONBLOCK | O_CLOEXEC) != 0)
    return 0;
  /* A larger pipe moves more per call; the system may cap it. */
  (void)fcntl(req->kpipe[1], F_SETPIPE_SZ, KPIPE_SIZE);
  size = fcntl(req->kpipe[1], F_GETPIPE_SZ);
  req->kpipe_size = size > 0 ? (size_t)size : 65536;
  return nd__io_start(src->loop, &src->io_watcher, ND__POLLIN) == 0;
}

/* --- the request -------------------------------------------------------- */

int nd_stream_pipe(nd_stream_pipe_t *req, nd_stream_t *src, nd_stream_t *dst,
                   unsigned int flags, nd_stream_pipe_cb cb) {
  int err;

  if (req == NULL || src == NULL || dst == NULL || src == dst ||
      (flags & ~(unsigned int)(ND_STREAM_PIPE_NO_END |
                               ND_STREAM_PIPE_NO_SPLICE)) != 0 ||
      src->loop != dst->loop || nd_is_closing((nd_handle_t *)src) ||
      nd_is_closing((nd_handle_t *)dst))
    return ND_EINVAL;
  /* One pipe out of a stream and one into it, so a proxy pipes both ways. */
  if (src->pipe_out != NULL || dst->pipe_in != NULL)
    return ND_EBUSY;
  if (!nd__stream_is_open(src) || !nd_is_readable(src))
    return ND_ENOTCONN;
  if (!nd__stream_is_open(dst) || !nd_is_writable(dst))
    return ND_EPIPE;

  {
    /* data is the caller's, set before the call as with every request. */
    void *data = req->data;
    memset(req, 0, sizeof(*req));
    req->data = data;
  }
  req->src = src;
  req->dst = dst;
  req->cb = cb;
  req->flags = flags;
  req->kpipe[0] = req->kpipe[1] = -1;
  req->saved_drain = dst->drain_cb;
  src->pipe_out = req;
  dst->pipe_in = req;
  nd__req_register(src->loop, (nd_req_t *)req, ND_REQ);

  if (splice_start(req))
    return 0;
  if (req->kpipe[0] >= 0) {
    close(req->kpipe[0]);
    close(req->kpipe[1]);
    req->kpipe[0] = req->kpipe[1] = -1;
  }
  dst->drain_cb = pipe_drain;
  err = nd_read_start(src, pipe_alloc, pipe_read);
  if (err != 0) {
    dst->drain_cb = req->saved_drain;
    src->pipe_out = NULL;
    dst->pipe_in = NULL;
    nd__req_unregister(src->loop, (nd_req_t *)req);
    return err;
  }
  return 0;
}

static void pending_complete(nd_loop_t *loop, nd__pending_t *p) {
  (void)loop;
  complete(nd__container_of(p, nd_stream_pipe_t, pending));
}

/*
 * One of the streams is closing under the pipe: it lets go of both now
 * (the closed one's memory is the user's after its close callback) and
 * reports ND_ECANCELED once its writes are back, never inside nd_close.
 */
static void pipe_closed(nd_stream_pipe_t *req) {
  if (req->status == 0)
    req->status = ND_ECANCELED;
  detach(req);
  req->detached = 1;
  if (req->writes == 0)
    nd__pending_add(req->src->loop, &req->pending, pending_complete);
}

void nd__stream_pipe_closed(nd_stream_t *s) {
  if (s->pipe_out != NULL)
    pipe_closed(s->pipe_out);
  if (s->pipe_in != NULL)
    pipe_closed(s->pipe_in);
}
