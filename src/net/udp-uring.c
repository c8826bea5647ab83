/*
 * udp-uring.c - UDP datagrams as io_uring operations.
 *
 * On an io_uring loop a UDP handle neither waits for readiness nor makes a
 * system call per datagram.
 *
 * Receiving: while the handle receives, one multishot recvmsg stays in the
 * kernel and picks a buffer of the loop's provided pool for every datagram;
 * the kernel writes a struct io_uring_recvmsg_out, the sender's address and
 * the payload into it.  Each datagram is copied into the buffer alloc_cb
 * gives and handed to recv_cb, and the pool buffer goes straight back.
 * After a burst, recv_cb gets nread 0 and no address from the pending
 * phase, with a buffer from alloc_cb, as readiness gives one back when the
 * socket has nothing left: programs that count buffers see every one
 * returned.
 *
 * The pool's buffers are 16 KiB, so a larger datagram arrives truncated
 * (MSG_TRUNC).  It is handed over as readiness hands over a datagram too
 * large for the program's buffer, with ND_UDP_PARTIAL, and the handle then
 * receives by readiness for good, so later large datagrams arrive whole.
 * Handles made with ND_UDP_RECVMMSG receive by readiness from the start:
 * recvmmsg already amortises the system call over a batch, and their
 * contract (one program buffer split in 64 KiB chunks) fits it.
 *
 * Pausing: nd_udp_recv_stop cancels the receive, and what the kernel
 * delivers before the cancel lands is kept (up to STASH_MAX datagrams, the
 * pool's size, which bounds what one cancel can race with) and handed over
 * first when receiving resumes.  A program that stops receiving and closes
 * loses them, as it would lose what waits in the socket's buffer.
 *
 * Sending: queued datagrams go out as a chain of up to SEND_CHAIN sendmsg
 * operations linked with IOSQE_IO_LINK, so the kernel sends them in order
 * even when the socket is full and the first one has to wait for room.
 * One chain at a time is in flight; what is queued meanwhile leaves with
 * the next.  When one fails, the kernel cancels the rest of its chain, and
 * those go out again with the next chain.  Send callbacks run from the
 * completions, in the poll phase; sends made in them are batched into the
 * next chain.
 *
 * Closing: the ops in flight are cancelled; the socket stays open (so no
 * op of ours can reach a reused descriptor number) and the close waits for
 * their final completions.  A send the kernel completed reports its real
 * result, the others ND_ECANCELED, in order, before the close callback.
 */
#include <stdlib.h>
#include <string.h>

#include "loop/uring.h"
#include "udp-internal.h"

#define SEND_CHAIN 32

/*
 * Does IORING_OP_SEND take a destination address (Linux 6.0)?  -1 until a
 * send with one tells: an older kernel refuses it with EINVAL, and the
 * datagram goes again as a sendmsg.
 */
static int send_to_state = -1;
#define STASH_MAX ND__URING_BUF_COUNT

/* A datagram received after nd_udp_recv_stop, kept for the restart. */
struct kept {
  struct nd__queue queue;
  struct sockaddr_storage addr;
  size_t len;
  unsigned int truncated;
  char data[];
};

struct nd__udp_ring {
  nd__uring_op_t recv_op;
  nd_udp_t *udp;
  unsigned int ops;               /* ops in flight, receive included */
  unsigned int sends;             /* sendmsg ops in flight */
  unsigned int recv_armed : 1;
  unsigned int recv_cancelling : 1;
  unsigned int readiness : 1;     /* a truncated datagram: receive by poll */
  unsigned int burst_done : 1;    /* the end-of-burst callback is due */
  int close_fd;                   /* closed after the last completion */
  unsigned int nkept;
  struct nd__queue kept;
  struct nd__queue retry;         /* sends a failed chain cancelled */
  struct msghdr recv_msg;         /* the multishot recvmsg's template */
};

void nd__udp_ring_open(nd_udp_t *udp) {
  nd_loop_t *loop = udp->loop;
  struct nd__udp_ring *r;

  if (udp->udp_flags & ND__UDP_RING_TRIED)
    return;
  udp->udp_flags |= ND__UDP_RING_TRIED;
  if (!nd__uring_sockets_wanted() ||
      !nd__uring_supports(loop, IORING_OP_RECVMSG) ||
      !nd__uring_supports(loop, IORING_OP_SENDMSG))
    return;
  r = calloc(1, sizeof(*r));
  if (r == NULL)
    return; /* readiness does the job */
  r->udp = udp;
  r->close_fd = -1;
  nd__queue_init(&r->kept);
  nd__queue_init(&r->retry);
  /*
   * The kernel reads only the name length and the control length from the
   * template: the name lands in the pool buffer, after the header.
   */
  r->recv_msg.msg_namelen = sizeof(struct sockaddr_storage);
  r->recv_msg.msg_controllen = 0;
  udp->ring = r;
}

static void ring_free(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;
  struct nd__queue *q;

  while (!nd__queue_empty(&r->kept)) {
    q = nd__queue_head(&r->kept);
    nd__queue_remove(q);
    free(nd__container_of(q, struct kept, queue));
  }
  free(r);
  udp->ring = NULL;
}

static int closing(const nd_udp_t *udp) {
  return nd_is_closing((const nd_handle_t *)udp);
}

static int reading(const nd_udp_t *udp) {
  return (udp->udp_flags & ND__UDP_READING) && !closing(udp);
}

/* The last op of a closing handle has ended: finish the close. */
static void ring_closed(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;
  struct nd__queue *q;

  /* What a failed chain handed back goes first: it was queued first. */
  while (!nd__queue_empty(&r->retry)) {
    q = nd__queue_head(&r->retry);
    nd__queue_remove(q);
    nd__udp_finish_send(udp, nd__container_of(q, nd_udp_send_t, queue),
                        ND_ECANCELED);
  }
  while (!nd__queue_empty(&udp->send_queue)) {
    q = nd__queue_head(&udp->send_queue);
    nd__udp_finish_send(udp, nd__container_of(q, nd_udp_send_t, queue),
                        ND_ECANCELED);
  }
  if (r->close_fd != -1)
    nd__close_nocancel(r->close_fd);
  ring_free(udp);
  /* The send callbacks run from there, then the held close is released. */
  nd__udp_schedule_pending(udp);
}

/* --- receiving ---------------------------------------------------------- */

static void recv_cqe(nd_loop_t *loop, nd__uring_op_t *op, int res,
                     unsigned int flags);

static void arm_recv(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;
  struct io_uring_sqe *sqe;
  nd_buf_t none = {NULL, 0};
  int err;

  /* A ring made anew (a fork, a move to another thread) needs them again. */
  err = nd__uring_bufs_setup(udp->loop);
  if (err != 0) {
    udp->recv_cb(udp, err, &none, NULL, 0);
    return;
  }
  sqe = nd__uring_get_sqe(udp->loop);
  io_uring_prep_recvmsg_multishot(sqe, nd__udp_fd(udp), &r->recv_msg, 0);
  sqe->flags |= IOSQE_BUFFER_SELECT;
  sqe->buf_group = ND__URING_BGID;
  nd__uring_submit_weak(udp->loop, sqe, &r->recv_op, recv_cqe);
  r->ops++;
  r->recv_armed = 1;
}

/* One datagram to the program, in the buffer alloc_cb gives. */
static void deliver(nd_udp_t *udp, const struct sockaddr *addr,
                    const char *data, size_t len, int truncated) {
  nd_buf_t buf = {NULL, 0};
  unsigned int flags = truncated ? ND_UDP_PARTIAL : 0;

  udp->alloc_cb((nd_handle_t *)udp, ND__UDP_DGRAM_MAX, &buf);
  if (buf.base == NULL || buf.len == 0) {
    /* Readiness would leave it in the socket; here it is gone. */
    udp->recv_cb(udp, ND_ENOBUFS, &buf, NULL, 0);
    return;
  }
  if (len > buf.len) {
    len = buf.len;
    flags = ND_UDP_PARTIAL;
  }
  memcpy(buf.base, data, len);
  udp->recv_cb(udp, (ssize_t)len, &buf, addr, flags);
}

static void keep(struct nd__udp_ring *r, const struct sockaddr *addr,
                 socklen_t addrlen, const char *data, size_t len,
                 int truncated) {
  struct kept *k;

  if (r->nkept >= STASH_MAX)
    return; /* cannot happen while the pool bounds a cancel's race */
  k = malloc(sizeof(*k) + len);
  if (k == NULL)
    return; /* lost, as the kernel loses what finds no room */
  memset(&k->addr, 0, sizeof(k->addr));
  memcpy(&k->addr, addr, addrlen);
  k->len = len;
  k->truncated = (unsigned int)truncated;
  memcpy(k->data, data, len);
  nd__queue_insert_tail(&r->kept, &k->queue);
  r->nkept++;
}

/* Readiness hands back its last buffer when the socket runs dry: so do we. */
static void burst_ended(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;

  if (!r->burst_done) {
    r->burst_done = 1;
    nd__udp_schedule_pending(udp);
  }
}

static void got_datagram(nd_udp_t *udp, const char *buf, int res) {
  struct nd__udp_ring *r = udp->ring;
  struct io_uring_recvmsg_out *o;
  struct sockaddr_storage unnamed;
  const struct sockaddr *addr;
  socklen_t addrlen;
  unsigned int len;
  int truncated;

  o = io_uring_recvmsg_validate((void *)buf, res, &r->recv_msg);
  if (o == NULL)
    return; /* the kernel always writes the header; never seen */
  addr = io_uring_recvmsg_name(o);
  addrlen = o->namelen < r->recv_msg.msg_namelen ? o->namelen
                                                 : r->recv_msg.msg_namelen;
  if (addrlen == 0) {
    /* An unnamed sender (a socketpair): say so rather than pass garbage. */
    memset(&unnamed, 0, sizeof(unnamed));
    unnamed.ss_family = AF_UNSPEC;
    addr = (const struct sockaddr *)&unnamed;
    addrlen = sizeof(unnamed.ss_family);
  }
  len = io_uring_recvmsg_payload_length(o, res, &r->recv_msg);
  truncated = (o->flags & MSG_TRUNC) != 0;
  if (truncated && !r->readiness) {
    /* Too large for the pool: readiness from now on (see the top). */
    r->readiness = 1;
    if (r->recv_armed && !r->recv_cancelling) {
      nd__uring_cancel(udp->loop, &r->recv_op);
      r->recv_cancelling = 1;
    }
  }
  if (reading(udp) && nd__queue_empty(&r->kept)) {
    nd__udp_batch_begin(udp);
    deliver(udp, addr, io_uring_recvmsg_payload(o, &r->recv_msg), len,
            truncated);
    nd__udp_batch_end(udp);
    if (reading(udp))
      burst_ended(udp);
  } else if (!closing(udp)) {
    keep(r, addr, addrlen, io_uring_recvmsg_payload(o, &r->recv_msg), len,
         truncated);
    if (reading(udp))
      nd__udp_schedule_pending(udp); /* the kept ones go first */
  }
}

static void got_error(nd_udp_t *udp, int err) {
  nd_buf_t buf = {NULL, 0};

  /* With IP_RECVERR the error also waits on the error queue: empty it. */
  if (udp->udp_flags & ND__UDP_RECVERR)
    nd__udp_drain_error_queue(udp);
  if (!reading(udp))
    return;
  /* As on readiness: a buffer taken, given back with the error. */
  nd__udp_batch_begin(udp);
  udp->alloc_cb((nd_handle_t *)udp, ND__UDP_DGRAM_MAX, &buf);
  udp->recv_cb(udp, err, &buf, NULL, 0);
  nd__udp_batch_end(udp);
}

/* Receive again after the kernel ended the multishot, if still wanted. */
static void resume_recv(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;

  if (!reading(udp) || r->recv_armed || !nd__queue_empty(&r->kept))
    return;
  if (r->readiness) {
    if (nd__udp_readiness_recv_start(udp) != 0) {
      nd_buf_t none = {NULL, 0};
      udp->recv_cb(udp, ND_ENOMEM, &none, NULL, 0);
    }
    return;
  }
  arm_recv(udp);
}

static void recv_cqe(nd_loop_t *loop, nd__uring_op_t *op, int res,
                     unsigned int flags) {
  struct nd__udp_ring *r = nd__container_of(op, struct nd__udp_ring,
                                            recv_op);
  nd_udp_t *udp = r->udp;
  int more = (flags & IORING_CQE_F_MORE) != 0;
  unsigned int bid = flags >> IORING_CQE_BUFFER_SHIFT;

  if (!more) {
    r->recv_armed = 0;
    r->recv_cancelling = 0;
  }
  /*
   * The op still counts until the end of this function, so a callback
   * that closes the handle cannot free the ring under us.
   */
  if (flags & IORING_CQE_F_BUFFER) {
    if (res >= 0 && !closing(udp))
      got_datagram(udp, nd__uring_buf(loop, bid), res);
    nd__uring_buf_recycle(loop, bid);
  } else if (res < 0 && res != -ENOBUFS && res != -ECANCELED &&
             !closing(udp)) {
    /* An error such as ECONNREFUSED from ICMP; the receive is over. */
    got_error(udp, res);
  }
  if (!more)
    r->ops--;
  if (closing(udp)) {
    if (r->ops == 0)
      ring_closed(udp);
    return;
  }
  /* Out of pool buffers (they are back by now), an error, a cancel. */
  if (!more)
    resume_recv(udp);
}

int nd__udp_ring_recv_start(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;

  if ((udp->udp_flags & ND__UDP_RECVMMSG) || r->readiness)
    return 0;
  /*
   * What was kept is handed over first, from the pending phase, and the
   * kernel is asked for more only then, so order holds.
   */
  if (!nd__queue_empty(&r->kept))
    nd__udp_schedule_pending(udp);
  else if (!r->recv_armed)
    arm_recv(udp);
  return 1;
}

void nd__udp_ring_recv_stop(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;

  if (r->recv_armed && !r->recv_cancelling) {
    nd__uring_cancel(udp->loop, &r->recv_op);
    r->recv_cancelling = 1;
  }
}

void nd__udp_ring_pending(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;
  struct nd__queue *q;
  struct kept *k;
  nd_buf_t buf;

  if (!nd__queue_empty(&r->kept) && reading(udp)) {
    nd__udp_batch_begin(udp);
    while (reading(udp) && !nd__queue_empty(&r->kept)) {
      q = nd__queue_head(&r->kept);
      nd__queue_remove(q);
      r->nkept--;
      k = nd__container_of(q, struct kept, queue);
      deliver(udp, (const struct sockaddr *)&k->addr, k->data, k->len,
              (int)k->truncated);
      free(k);
    }
    nd__udp_batch_end(udp);
    if (reading(udp)) {
      r->burst_done = 1;
      resume_recv(udp);
    }
  }
  if (r->burst_done && reading(udp)) {
    r->burst_done = 0;
    buf.base = NULL;
    buf.len = 0;
    nd__udp_batch_begin(udp);
    udp->alloc_cb((nd_handle_t *)udp, ND__UDP_DGRAM_MAX, &buf);
    udp->recv_cb(udp, 0, &buf, NULL, 0);
    nd__udp_batch_end(udp);
  }
  if (udp->ring != NULL && !reading(udp))
    udp->ring->burst_done = 0;
}

/* --- sending ------------------------------------------------------------ */

static void send_cqe(nd_loop_t *loop, nd__uring_op_t *op, int res,
                     unsigned int flags) {
  nd_udp_send_t *req = nd__container_of(op, nd_udp_send_t, op);
  nd_udp_t *udp = req->handle;
  struct nd__udp_ring *r = udp->ring;
  struct nd__queue *q;

  (void)loop;
  (void)flags;
  /* A chain completes in order: this is the head of the queue. */
  assert(nd__queue_head(&udp->send_queue) == &req->queue);
  r->sends--;
  if (__atomic_load_n(&send_to_state, __ATOMIC_RELAXED) == -1 &&
      req->nbufs == 1 && req->addrlen != 0) {
    if (res == -EINVAL) {
      __atomic_store_n(&send_to_state, 0, __ATOMIC_RELAXED);
      res = -ECANCELED; /* again, as a sendmsg */
    } else if (res >= 0) {
      __atomic_store_n(&send_to_state, 1, __ATOMIC_RELAXED);
    }
  }
  if (res == -ECANCELED ||
      (!closing(udp) && (res == -ENOBUFS || res == -EAGAIN))) {
    /*
     * Cancelled because an earlier link failed (or by nd_close), or no
     * room in the device queue, which readiness waits out too: out again
     * with the next chain, or failed in order when the handle closes.
     */
    nd__queue_remove(&req->queue);
    nd__queue_insert_tail(&r->retry, &req->queue);
  } else {
    nd__udp_finish_send(udp, req, res);
  }
  if (r->sends == 0 && !nd__queue_empty(&r->retry)) {
    /* Back to the head of the queue, in their order. */
    while (!nd__queue_empty(&r->retry)) {
      q = r->retry.prev;
      nd__queue_remove(q);
      nd__queue_insert_head(&udp->send_queue, q);
    }
  }
  if (!closing(udp)) {
    /* Runs the callback, then sends what waited or what it sent. */
    nd__udp_run_send_callbacks(udp);
    if (r->sends == 0 && !(udp->udp_flags & ND__UDP_BATCHING))
      nd__udp_ring_send(udp);
  }
  r->ops--;
  if (closing(udp) && r->ops == 0)
    ring_closed(udp);
}

void nd__udp_ring_send(nd_udp_t *udp) {
  struct nd__udp_ring *r = udp->ring;
  struct io_uring_sqe *sqe = NULL;
  struct nd__queue *q;
  nd_udp_send_t *req;
  unsigned int n = 0;

  if (r->sends != 0 || nd__udp_fd(udp) == -1 || closing(udp) ||
      nd__queue_empty(&udp->send_queue))
    return;
  for (q = nd__queue_head(&udp->send_queue);
       q != &udp->send_queue && n < SEND_CHAIN; q = q->next)
    n++;
  /* The whole chain in one submission, or the kernel splits it. */
  nd__uring_reserve(udp->loop, n);
  n = 0;
  for (q = nd__queue_head(&udp->send_queue);
       q != &udp->send_queue && n < SEND_CHAIN; q = q->next) {
    req = nd__container_of(q, nd_udp_send_t, queue);
    if (sqe != NULL)
      sqe->flags |= IOSQE_IO_LINK;
    sqe = nd__uring_get_sqe(udp->loop);
    if (req->nbufs == 1 &&
        __atomic_load_n(&send_to_state, __ATOMIC_RELAXED) != 0) {
      /*
       * One buffer: a send with the address in the SQE (Linux 6.0), which
       * spares the kernel reading a msghdr per datagram.
       */
      io_uring_prep_send(sqe, nd__udp_fd(udp), req->bufs[0].base,
                         req->bufs[0].len, MSG_NOSIGNAL);
      if (req->addrlen != 0) {
        sqe->addr2 = (uint64_t)(uintptr_t)&req->addr;
        sqe->addr_len = (uint16_t)req->addrlen;
      }
    } else {
      nd__udp_fill_msghdr(&req->msg, &req->addr, req->addrlen, req->bufs,
                          req->nbufs);
      io_uring_prep_sendmsg(sqe, nd__udp_fd(udp), &req->msg, MSG_NOSIGNAL);
    }
    nd__uring_submit_weak(udp->loop, sqe, &req->op, send_cqe);
    n++;
  }
  r->sends += n;
  r->ops += n;
}

/* --- closing ------------------------------------------------------------ */

int nd__udp_ring_close(nd_udp_t *udp, int fd) {
  struct nd__udp_ring *r = udp->ring;
  struct nd__queue *q;
  unsigned int i;

  if (r->ops == 0) {
    /* Sends a failed chain handed back wait at the head: put them there. */
    while (!nd__queue_empty(&r->retry)) {
      q = r->retry.prev;
      nd__queue_remove(q);
      nd__queue_insert_head(&udp->send_queue, q);
    }
    ring_free(udp);
    return 0;
  }
  r->close_fd = fd;
  if (r->recv_armed && !r->recv_cancelling) {
    nd__uring_cancel(udp->loop, &r->recv_op);
    r->recv_cancelling = 1;
  }
  /* Cancelling a chain's head cancels the rest; a later link may be out. */
  i = 0;
  for (q = nd__queue_head(&udp->send_queue);
       q != &udp->send_queue && i < r->sends; q = q->next, i++)
    nd__uring_cancel(udp->loop,
                     &nd__container_of(q, nd_udp_send_t, queue)->op);
  return 1;
}
