/*
 * stream-uring.c - stream I/O as io_uring operations.
 *
 * On an io_uring loop a connected socket does not wait for readiness and
 * then make a system call per read and per write.  While it reads, one
 * multishot receive stays in the kernel and picks a buffer from the loop's
 * provided buffers for every arrival; the data is handed to the user (into
 * the buffer alloc_cb gives, or lent as is in loop-buffer mode) and the
 * buffer goes straight back to the pool.  Writes go out as one send at a
 * time, a sendmsg over as much of the queue as fits in one iovec array, so
 * the sends of every stream and the wait for what comes next share one
 * io_uring_enter per loop iteration.
 *
 * Pausing: nd_read_stop cancels the receive, and whatever the kernel
 * delivers before the cancel lands is kept (the stash) and handed over,
 * first, when reading resumes.  The stash is bounded by what was in the
 * socket's buffer; after that the kernel's window closes and the peer
 * waits, which is the backpressure a paused reader asks for.
 *
 * Closing: the ops in flight are cancelled; the stream's write callbacks
 * and close callback wait until the kernel has finished with every buffer
 * (the ops' final completions).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loop/uring.h"
#include "stream-internal.h"

#define RING_IOV 64
/* Connections accepted by the kernel, waiting for nd_accept. */
#define ACCEPT_QUEUE 64
/* With this many waiting, the kernel stops accepting for us. */
#define ACCEPT_PAUSE 16

struct chunk {
  struct nd__queue queue;
  size_t len;
  size_t off;
  char data[];
};

struct nd__stream_ring {
  nd__uring_op_t recv_op;
  nd__uring_op_t send_op;
  nd__uring_op_t accept_op;
  nd__uring_op_t connect_op;
  nd_stream_t *stream;
  unsigned int ops;               /* ops in flight */
  size_t send_len;                /* bytes of the send in flight */
  struct io_uring_sqe *send_sqe;  /* its SQE, while it may be amended */
  uint64_t send_seq;              /* nd__uring_submissions() when filled */
  unsigned int send_niov;
  nd_write_t *send_tail;          /* the last request it covers */
  unsigned int send_all : 1;      /* it covers the whole queue */
  unsigned int recv_armed : 1;
  unsigned int recv_cancelling : 1;
  unsigned int send_busy : 1;
  unsigned int accepting : 1;     /* a listener whose accepts are ring ops */
  unsigned int accept_armed : 1;
  unsigned int accept_cancelling : 1;
  unsigned int delivering : 1;    /* in the connection callback loop */
  unsigned int connecting : 1;
  unsigned int orphan : 1;        /* its stream closed: ops end unheard */
  int accepted[ACCEPT_QUEUE];
  unsigned int accepted_head;
  unsigned int naccepted;
  struct sockaddr_storage peer;   /* a connect's address, kept for the op */
  int stash_status;               /* ND_EOF or an error after the stash */
  struct nd__queue stash;
  struct msghdr msg;
  struct iovec iov[RING_IOV];
};

static int ring_fork(nd_loop_t *loop);

void nd__stream_ring_open(nd_stream_t *s, int stream_socket) {
  nd_loop_t *loop = s->loop;
  struct nd__stream_ring *r;
  int type = 0;
  socklen_t len = sizeof(type);

  /* IPC pipes pass descriptors with recvmsg/sendmsg of their own. */
  if (s->ring != NULL || !nd__uring_sockets_wanted() ||
      (s->stream_flags & ND__STREAM_IPC) ||
      !nd__uring_supports(loop, IORING_OP_RECV) ||
      !nd__uring_supports(loop, IORING_OP_SEND) ||
      !nd__uring_supports(loop, IORING_OP_SENDMSG))
    return;
  if (!stream_socket &&
      (getsockopt(nd__stream_fd(s), SOL_SOCKET, SO_TYPE, &type, &len) != 0 ||
       type != SOCK_STREAM))
    return;
  if (nd__uring_bufs_setup(loop) != 0)
    return; /* readiness does the job */
  r = calloc(1, sizeof(*r));
  if (r == NULL)
    return;
  r->stream = s;
  nd__queue_init(&r->stash);
  s->ring = r;
  s->stream_flags |= ND__STREAM_RING;
  nd__loop_add_fork_hook(ring_fork);
}

int nd__stream_ring_busy(const nd_stream_t *s) {
  return s->ring != NULL && s->ring->ops != 0;
}

static void ring_destroy(struct nd__stream_ring *r) {
  struct nd__queue *q;

  /* Accepted by the kernel, never taken: those clients see the end. */
  while (r->naccepted > 0) {
    close(r->accepted[r->accepted_head]);
    r->accepted_head = (r->accepted_head + 1) % ACCEPT_QUEUE;
    r->naccepted--;
  }
  while (!nd__queue_empty(&r->stash)) {
    q = nd__queue_head(&r->stash);
    nd__queue_remove(q);
    free(nd__container_of(q, struct chunk, queue));
  }
  free(r);
}

static void ring_free(nd_stream_t *s) {
  ring_destroy(s->ring);
  s->ring = NULL;
}

/*
 * An op of a closed stream ended.  Only a send holds the stream's close
 * back (the kernel may read the cancelled writes' buffers until it ends);
 * the other ops touch nothing of the stream's, so its close callback does
 * not wait for them and they end on the ring state alone.
 */
static void orphan_op_ended(struct nd__stream_ring *r) {
  nd_stream_t *s = r->stream;

  if (s != NULL && !r->send_busy) {
    s->ring = NULL;
    r->stream = NULL;
    /* The held close and the cancelled writes' callbacks go on from here. */
    nd__stream_schedule_pending(s);
  }
  if (r->ops == 0 && r->stream == NULL)
    ring_destroy(r);
}

/* --- reading ------------------------------------------------------------ */

static void recv_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                      unsigned int flags);

static void arm_recv(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;
  struct io_uring_sqe *sqe;
  int err;

  /* A ring made anew (a fork, a move to another thread) needs them again. */
  err = nd__uring_bufs_setup(s->loop);
  if (err != 0) {
    r->stash_status = err;
    nd__stream_schedule_pending(s);
    return;
  }
  sqe = nd__uring_get_sqe(s->loop);

  io_uring_prep_recv(sqe, nd__stream_fd(s), NULL, 0, 0);
  sqe->ioprio |= IORING_RECV_MULTISHOT;
  sqe->flags |= IOSQE_BUFFER_SELECT;
  sqe->buf_group = ND__URING_BGID;
  nd__uring_submit_weak(s->loop, sqe, &r->recv_op, recv_done);
  r->ops++;
  r->recv_armed = 1;
}

static int stash_add(struct nd__stream_ring *r, const char *data, size_t n) {
  struct chunk *c = malloc(sizeof(*c) + n);

  if (c == NULL)
    return ND_ENOMEM;
  memcpy(c->data, data, n);

  c->len = n;
  c->off = 0;
  nd__queue_insert_tail(&r->stash, &c->queue);
  return 0;
}

static int reading(const nd_stream_t *s) {
  return (s->stream_flags & ND__STREAM_READING) &&
         !nd_is_closing((const nd_handle_t *)s);
}

static void recv_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                      unsigned int flags) {
  struct nd__stream_ring *r = nd__container_of(op, struct nd__stream_ring,
                                               recv_op);
  nd_stream_t *s = r->stream;
  int more = (flags & IORING_CQE_F_MORE) != 0;
  unsigned int bid = flags >> IORING_CQE_BUFFER_SHIFT;
  int has_buf = (flags & IORING_CQE_F_BUFFER) != 0;
  size_t used = 0;
  int err;

  if (!more) {
    r->ops--;
    r->recv_armed = 0;
    r->recv_cancelling = 0;
  }
  if (r->orphan) {
    if (has_buf)
      nd__uring_buf_recycle(loop, bid);
    if (!more)
      orphan_op_ended(r);
    return;
  }

  if (res > 0) {
    const char *data = nd__uring_buf(loop, bid);
    /*
     * What waited goes first, and it may make the user stop: then this
     * joins the stash, whose growth the cancelled receive ends.
     */
    if (!nd__queue_empty(&r->stash) && reading(s))
      nd__stream_ring_pending(s);
    if (s->ring == r && nd__queue_empty(&r->stash) &&
        r->stash_status == 0 && reading(s))
      used = nd__stream_deliver(s, data, (size_t)res);
    if (s->ring != r) {
      nd__uring_buf_recycle(loop, bid); /* closed by a callback */
      return;
    }
    if (used < (size_t)res && !nd_is_closing((nd_handle_t *)s)) {
      err = stash_add(r, data + used, (size_t)res - used);
      if (err != 0 && r->stash_status == 0)
        r->stash_status = err;
      if (reading(s))
        nd__stream_schedule_pending(s); /* the user had no buffer: retry */
    }
    nd__uring_buf_recycle(loop, bid);
  } else if (res == -ENOBUFS || res == -ECANCELED || res == -EAGAIN ||
             res == -EINTR) {
    /*
     * Out of buffers (they are back by now), our own read_stop, or a
     * retry that found nothing: the receive is armed again below.
     */
    if (has_buf)
      nd__uring_buf_recycle(loop, bid);
  } else {
    /* End of file or an error: the receive is over. */
    if (has_buf)
      nd__uring_buf_recycle(loop, bid);
    err = res == 0 ? ND_EOF : res;
    if (nd__queue_empty(&r->stash) && r->stash_status == 0 && reading(s))
      nd__stream_read_end(s, err);
    else if (r->stash_status == 0)
      r->stash_status = err;
    return;
  }
  /* A multishot receive the kernel ended: renew it while we read. */
  if (!more && s->ring != NULL && !r->recv_armed && reading(s) &&
      r->stash_status == 0 && nd__queue_empty(&r->stash))
    arm_recv(s);
}

void nd__stream_ring_read_start(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  /*
   * What waited is handed over first, from the pending phase; the kernel
   * is asked for more only once it is gone, so a reader that keeps
   * stopping never has more kept than one socket buffer's worth.
   */
  if (!nd__queue_empty(&r->stash) || r->stash_status != 0)
    nd__stream_schedule_pending(s);
  else if (!r->recv_armed)
    arm_recv(s);
}

void nd__stream_ring_read_stop(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  if (r->recv_armed && !r->recv_cancelling) {
    nd__uring_cancel(s->loop, &r->recv_op);
    r->recv_cancelling = 1;
  }
}

static void deliver_accepts(nd_stream_t *s);

void nd__stream_ring_pending(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;
  struct chunk *c;
  size_t used;
  int err;

  if (r->accepting) {
    deliver_accepts(s);
    return;
  }
  while (reading(s) && s->ring == r && !nd__queue_empty(&r->stash)) {
    c = nd__container_of(nd__queue_head(&r->stash), struct chunk, queue);
    used = nd__stream_deliver(s, c->data + c->off, c->len - c->off);
    if (nd_is_closing((nd_handle_t *)s))
      return;
    c->off += used;
    if (c->off < c->len) {
      if (reading(s))
        nd__stream_schedule_pending(s); /* no buffer: try again */
      return;
    }
    nd__queue_remove(&c->queue);
    free(c);
  }
  if (reading(s) && nd__queue_empty(&r->stash) && r->stash_status != 0) {
    err = r->stash_status;
    r->stash_status = 0;
    nd__stream_read_end(s, err);
    return;
  }
  /* All handed over: now the kernel may bring more. */
  if (reading(s) && s->ring == r && nd__queue_empty(&r->stash) &&
      !r->recv_armed)
    arm_recv(s);
}

/* --- writing ------------------------------------------------------------ */

static void send_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                      unsigned int flags) {
  struct nd__stream_ring *r = nd__container_of(op, struct nd__stream_ring,
                                               send_op);
  nd_stream_t *s = r->stream;
  nd_write_t *req;

  (void)loop;
  (void)flags;
  r->ops--;
  r->send_busy = 0;
  if (r->orphan) {
    orphan_op_ended(r);
    return;
  }
  /* What the kernel did not take is queued again, until the next send. */
  s->write_queue_size += r->send_len;
  /*
   * A send the kernel retried from a worker thread can come back EAGAIN
   * (the socket is non-blocking, and it had been polled once already):
   * nothing went, and a new send waits for room as the first one did.
   */
  if (res == -EAGAIN || res == -EINTR)
    res = 0;
  if (res < 0) {
    req = nd__container_of(nd__queue_head(&s->write_queue), nd_write_t,
                           queue);
    nd__stream_fail_write(s, req, res);
  } else {
    nd__stream_advance(s, (size_t)res);
    nd__stream_ring_send(s);
  }
  nd__stream_update_active(s);
  nd__stream_after_writes(s);
}

static void prep_send(nd_stream_t *s, struct io_uring_sqe *sqe,
                      unsigned int n) {
  struct nd__stream_ring *r = s->ring;

  if (n == 1) {
    io_uring_prep_send(sqe, nd__stream_fd(s), r->iov[0].iov_base,
                       r->iov[0].iov_len, MSG_NOSIGNAL);
  } else {
    memset(&r->msg, 0, sizeof(r->msg));
    r->msg.msg_iov = r->iov;
    r->msg.msg_iovlen = n;
    io_uring_prep_sendmsg(sqe, nd__stream_fd(s), &r->msg, MSG_NOSIGNAL);
  }
}

/*
 * A write made while the send is still in the submission queue (not yet
 * seen by the kernel) joins that send: a writer that writes many buffers
 * in one callback, or one iteration, has them all go out in one op.
 */
/*
 * Bytes all streams of the thread's loop may add to their sends before the
 * next submission.  Measured: with 100 connections each adding up to its
 * high watermark, every turn moved megabytes through memory and throughput
 * halved (1.3 against 2.7 GB/s); a budget keeps the turn's working set
 * small while one busy stream still sends 64 KiB at a time.
 */
#define AMEND_BUDGET (128u * 1024u)
static __thread uint64_t amend_seq;
static __thread size_t amend_bytes;

static void amend_send(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;
  nd_write_t *req;
  unsigned int i;
  size_t len = 0;

  /*
   * Up to the high watermark: past it the bytes stay queued and counted,
   * so nd_write still reports pressure to a writer that does not stop.
   */
  if (!r->send_all || r->send_sqe == NULL ||
      r->send_len >= s->high_watermark ||
      r->send_seq != nd__uring_submissions(s->loop))
    return;
  if (amend_seq != r->send_seq) {
    amend_seq = r->send_seq;
    amend_bytes = 0;
  }
  if (amend_bytes >= AMEND_BUDGET)
    return;
  req = nd__container_of(s->write_queue.prev, nd_write_t, queue);
  if (req == r->send_tail)
    return; /* in it already */
  if (r->send_niov + req->nbufs > RING_IOV) {
    r->send_all = 0;
    return;
  }
  for (i = 0; i < req->nbufs; i++) {
    r->iov[r->send_niov].iov_base = req->bufs[i].base;
    r->iov[r->send_niov].iov_len = req->bufs[i].len;
    len += req->bufs[i].len;
    r->send_niov++;
  }
  prep_send(s, r->send_sqe, r->send_niov);
  amend_bytes += len;
  r->send_tail = req;
  r->send_len += len;
  s->write_queue_size -= len;
}

void nd__stream_ring_send(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;
  struct io_uring_sqe *sqe;
  struct nd__queue *q;
  nd_write_t *req;
  unsigned int n = 0;
  unsigned int i;
  size_t len = 0;
  int all = 1;

  if (nd__queue_empty(&s->write_queue))
    return;
  if (r->send_busy) {
    amend_send(s);
    return;
  }
  nd__queue_foreach(q, &s->write_queue) {
    req = nd__container_of(q, nd_write_t, queue);
    for (i = req->write_index; i < req->nbufs && n < RING_IOV; i++) {
      r->iov[n].iov_base = req->bufs[i].base;
      r->iov[n].iov_len = req->bufs[i].len;
      len += req->bufs[i].len;
      n++;
    }
    if (i < req->nbufs) {
      all = 0;
      break;
    }
  }
  sqe = nd__uring_get_sqe(s->loop);
  prep_send(s, sqe, n);
  nd__uring_submit_weak(s->loop, sqe, &r->send_op, send_done);
  r->send_sqe = sqe;
  r->send_seq = nd__uring_submissions(s->loop);
  r->send_niov = n;
  r->send_all = all;
  r->send_tail = nd__container_of(s->write_queue.prev, nd_write_t, queue);
  r->ops++;
  r->send_busy = 1;
  /*
   * As with libuv, write_queue_size counts what has not been handed to
   * the kernel: a program that writes while it is 0 sees the same thing
   * on both backends.  The bytes come back if the kernel takes less.
   */
  r->send_len = len;
  s->write_queue_size -= len;
}

/* --- closing ------------------------------------------------------------ */

void nd__stream_ring_close(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  if (r == NULL)
    return;
  if (r->ops == 0) {
    ring_free(s);
    return;
  }
  if (r->recv_armed && !r->recv_cancelling) {
    nd__uring_cancel(s->loop, &r->recv_op);
    r->recv_cancelling = 1;
  }
  if (r->send_busy)
    nd__uring_cancel(s->loop, &r->send_op);
  if (r->accept_armed && !r->accept_cancelling) {
    nd__uring_cancel(s->loop, &r->accept_op);
    r->accept_cancelling = 1;
  }
  if (r->connecting)
    nd__uring_cancel(s->loop, &r->connect_op);
  /* The loop waits for them now, as the stream no longer does. */
  if (r->recv_armed)
    nd__uring_op_strengthen(s->loop, &r->recv_op);
  if (r->send_busy)
    nd__uring_op_strengthen(s->loop, &r->send_op);
  if (r->accept_armed)
    nd__uring_op_strengthen(s->loop, &r->accept_op);
  if (r->connecting)
    nd__uring_op_strengthen(s->loop, &r->connect_op);
  r->orphan = 1;
  if (!r->send_busy) {
    s->ring = NULL;
    r->stream = NULL;
  }
}

/* --- accepting ---------------------------------------------------------- */

static void accept_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                        unsigned int flags);

static void arm_accept(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;
  struct io_uring_sqe *sqe = nd__uring_get_sqe(s->loop);

  io_uring_prep_multishot_accept(sqe, nd__stream_fd(s), NULL, NULL,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
  nd__uring_submit_weak(s->loop, sqe, &r->accept_op, accept_done);
  r->ops++;
  r->accept_armed = 1;
}

static int listening(const nd_stream_t *s) {
  return (s->stream_flags & ND__STREAM_LISTENING) &&
         !nd_is_closing((const nd_handle_t *)s);
}

/*
 * Hand the waiting connections to the connection callback, one at a time:
 * the next waits until the callback (or a later nd_accept) took this one.
 */
static void deliver_accepts(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  r->delivering = 1;
  while (s->ring == r && s->accepted_fd == -1 && r->naccepted > 0 &&
         listening(s)) {
    s->accepted_fd = r->accepted[r->accepted_head];
    r->accepted_head = (r->accepted_head + 1) % ACCEPT_QUEUE;
    r->naccepted--;
    s->connection_cb(s, 0);
  }
  if (s->ring != r)
    return;
  r->delivering = 0;
  if (!listening(s))
    return;
  if (r->naccepted >= ACCEPT_PAUSE && r->accept_armed &&
      !r->accept_cancelling) {
    nd__uring_cancel(s->loop, &r->accept_op);
    r->accept_cancelling = 1;
  } else if (r->naccepted < ACCEPT_PAUSE && !r->accept_armed) {
    arm_accept(s);
  }
}

static void accept_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                        unsigned int flags) {
  struct nd__stream_ring *r = nd__container_of(op, struct nd__stream_ring,
                                               accept_op);
  nd_stream_t *s = r->stream;
  int more = (flags & IORING_CQE_F_MORE) != 0;
  int err;

  (void)loop;
  if (!more) {
    r->ops--;
    r->accept_armed = 0;
    r->accept_cancelling = 0;
  }
  if (r->orphan) {
    if (res >= 0)
      close(res);
    if (!more)
      orphan_op_ended(r);
    return;
  }
  if (!listening(s)) {
    if (res >= 0)
      close(res);
    return;
  }
  if (res >= 0) {
    if (r->naccepted == ACCEPT_QUEUE) {
      close(res); /* cannot happen: the kernel was told to stop long ago */
    } else {
      r->accepted[(r->accepted_head + r->naccepted) % ACCEPT_QUEUE] = res;
      r->naccepted++;
    }
  } else if (res == -EMFILE || res == -ENFILE) {
    err = nd__stream_drop_waiting(s, res);
    if (err != 0)
      s->connection_cb(s, err);
  } else if (res != -ECANCELED && res != -EINTR && res != -ECONNABORTED &&
             res != -EAGAIN) {
    s->connection_cb(s, res);
  }
  if (s->ring == r && !r->delivering)
    deliver_accepts(s);
}

int nd__stream_ring_listen(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  if (r == NULL || !nd__uring_supports(s->loop, IORING_OP_ACCEPT))
    return ND_ENOTSUP;
  r->accepting = 1;
  arm_accept(s);
  return 0;
}

int nd__stream_ring_accepting(const nd_stream_t *s) {
  return s->ring != NULL && s->ring->accepting;
}

/* nd_accept took the waiting connection: the next one, or more from the
 * kernel, from the pending phase (never inside nd_accept). */
void nd__stream_ring_accepted(nd_stream_t *s) {
  struct nd__stream_ring *r = s->ring;

  if (r->delivering)
    return;
  if (r->naccepted > 0)
    nd__stream_schedule_pending(s);
  else if (!r->accept_armed && listening(s))
    arm_accept(s);
}

/* --- connecting --------------------------------------------------------- */

static void connect_done(nd_loop_t *loop, nd__uring_op_t *op, int res,
                         unsigned int flags) {
  struct nd__stream_ring *r = nd__container_of(op, struct nd__stream_ring,
                                               connect_op);
  nd_stream_t *s = r->stream;

  (void)loop;
  (void)flags;
  r->ops--;
  r->connecting = 0;
  if (r->orphan) {
    orphan_op_ended(r); /* the connect is cancelled from pending_cb */
    return;
  }
  nd__stream_connect_done(s, res);
}

int nd__stream_ring_connect(nd_stream_t *s, nd_connect_t *req,
                            const struct sockaddr *addr, socklen_t len) {
  struct nd__stream_ring *r = s->ring;
  struct io_uring_sqe *sqe;

  if (r == NULL || !nd__uring_supports(s->loop, IORING_OP_CONNECT) ||
      len > sizeof(r->peer))
    return ND_ENOTSUP;
  memcpy(&r->peer, addr, len);
  nd__stream_connect_started(s, req, ND__CONNECT_RING);
  sqe = nd__uring_get_sqe(s->loop);
  io_uring_prep_connect(sqe, nd__stream_fd(s), (struct sockaddr *)&r->peer,
                        len);
  nd__uring_submit_weak(s->loop, sqe, &r->connect_op, connect_done);
  r->ops++;
  r->connecting = 1;
  return 0;
}

/* --- after fork ---------------------------------------------------------- */

/*
 * In the child of nd_loop_fork the ring is new: the ops in flight in the
 * parent will never complete here.  Each ring stream forgets them and asks
 * again: a send's bytes are queued again (the parent may have sent them
 * too: the socket is shared), a receive or accept is armed again, a
 * connect is cancelled, and a close held for a send goes on.  A closed
 * stream whose ops were still ending is out of reach: its ring state stays
 * allocated in the child.
 */
static int ring_fork(nd_loop_t *loop) {
  struct nd__stream_ring *r;
  struct nd__queue *q;
  nd_handle_t *h;
  nd_stream_t *s;

  nd__queue_foreach(q, &loop->handle_queue) {
    h = nd__container_of(q, nd_handle_t, handle_queue);
    if (h->type != ND_TCP && h->type != ND_NAMED_PIPE && h->type != ND_TTY)
      continue;
    s = (nd_stream_t *)h;
    r = s->ring;
    if (r == NULL)
      continue;
    if (r->send_busy && !r->orphan)
      s->write_queue_size += r->send_len;
    r->ops = 0;
    r->send_busy = 0;
    r->send_sqe = NULL;
    r->recv_armed = r->recv_cancelling = 0;
    r->accept_armed = r->accept_cancelling = 0;
    if (r->orphan) {
      s->ring = NULL;
      ring_destroy(r);
      nd__stream_schedule_pending(s); /* the held close goes on */
      continue;
    }
    if (r->connecting) {
      r->connecting = 0;
      s->delayed_error = ND_ECANCELED;
      nd__stream_schedule_pending(s);
      continue;
    }
    if (reading(s) && nd__queue_empty(&r->stash) && r->stash_status == 0)
      arm_recv(s);
    if (r->accepting && listening(s))
      arm_accept(s);
    if (!nd__queue_empty(&s->write_queue))
      nd__stream_ring_send(s);
  }
  return 0;
}
