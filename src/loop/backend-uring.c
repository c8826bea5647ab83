/*
 * backend-uring.c - the io_uring backend (Linux, the default).
 *
 * One ring per loop, set up with SINGLE_ISSUER | DEFER_TASKRUN where the
 * kernel has them (completion work then runs only when the loop asks for
 * it, in its own thread: measured here, a ring without task-run flags costs
 * 2-3x the CPU per operation), else COOP_TASKRUN, else plain.  Measured
 * here too, with poll watchers: an echo server with 8 clients in other
 * processes spends 7% less CPU per request on DEFER_TASKRUN than on
 * COOP_TASKRUN, while a client and server in one thread (each write wakes
 * the loop's own poll) run 13% slower on it; servers decide.  Every mode
 * also sets TASKRUN_FLAG, so the kernel tells us in shared memory when it
 * has completion work queued: a poll that may not block then costs no
 * system call unless there is something to submit or to collect.
 *
 * Descriptor watchers are poll requests on the ring.  Measured on this
 * kernel, a multishot poll reports each wake-up once (edge-triggered) and
 * IORING_POLL_ADD_LEVEL is refused for multishot; watchers promise level-
 * triggered readiness (libuv's uv_poll contract, which programs rely on when
 * they read less than all there is), so a watcher is a one-shot poll, armed
 * again after each event it reports while its owner still wants events.  The
 * kernel checks readiness when a poll is armed, so a descriptor that is still
 * ready reports again on the next iteration, as level-triggered epoll does.
 * One difference: a fired poll reports the wake-up that fired it, not the
 * state when the loop collects it, so data read meanwhile by someone else
 * can leave the callback an EAGAIN (libuv's uv_poll warns of the same).  Owners that drain until EAGAIN can ask for a multishot poll
 * (ND__IO_EDGE): re-armed only when the kernel ends it.  Re-arms and interest
 * changes are SQEs submitted with the next wait, never extra system calls.
 *
 * One exception: io_uring's poll ignores keyed wake-ups when POLLPRI is all
 * it waits for, and takes the wake-up's key as the result, which for a
 * socket names POLLPRI on every arrival of ordinary data.  So watchers that
 * ask for urgent data (ND__POLLPRI) go into a helper epoll set, whose
 * descriptor is itself polled on the ring; epoll reports exact state.
 *
 * Waits carry their timeout and signal mask in IORING_ENTER_EXT_ARG: no
 * timerfd and no timeout SQE.  The loop's wakeup eventfd is read by a read
 * request on the ring; async sends and signals complete it.  Every CQE is
 * consumed before its callback runs, and overflowed completions are flushed
 * back (the kernel keeps them: IORING_FEAT_NODROP, required), so none is
 * lost.  A full submission queue is submitted to make room, never dropped.
 *
 * user_data names what a completion is for, in its low three bits:
 *   TAG_OP      an nd__uring_op_t (uring.h), the pointer itself
 *   TAG_POLL    a watcher: fd in bits 3..34, registration number above
 *   TAG_WAKEUP  the read of the loop's eventfd
 *   TAG_IGNORE  completions of our own poll removals and cancellations
 *   TAG_EPOLL   the poll of the helper epoll set
 */
#include <assert.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "backend.h"
#include "epoll-events.h"
#include "uring.h"

enum { TAG_OP = 0, TAG_POLL = 1, TAG_WAKEUP = 2, TAG_IGNORE = 3, TAG_EPOLL = 4 };

/* In nd__io_t.registered: the watcher lives in the helper epoll set. */
#define VIA_EPOLL (1u << 30)
#define TAG_MASK UINT64_C(7)
#define KGEN_BITS 29
#define KGEN_MASK ((UINT32_C(1) << KGEN_BITS) - 1)

#define SQ_ENTRIES 256
#define CQ_ENTRIES 4096
#define SQPOLL_IDLE_MS 50

struct uring {
  struct io_uring ring;
  uint64_t wakeup_count;  /* the eventfd read lands here */
  uint32_t arm_seq;       /* numbers poll registrations */
  unsigned int inflight;  /* nd__uring_op_t not yet finished */
  unsigned int weak;      /* of which weak: not counted as active requests */
  uint64_t submits;       /* io_uring_submit calls: SQEs before it are gone */
  struct io_uring_buf_ring *br; /* provided buffers (uring.h), or NULL */
  char *bufs;
  int sqpoll;
  int embed_fd;           /* eventfd for nd_backend_fd() users, or -1 */
  int epfd;               /* helper epoll set, or -1 */
  unsigned int ep_count;  /* watchers in it */
  int ep_armed;           /* its poll request is on the ring */
  int single_issuer;      /* only the owner thread may enter the ring */
  int disabled;           /* created disabled: no owner yet */
  uint64_t owner;         /* the owner thread's serial number */
};

/*
 * Threads are named by a serial number, never reused (pthread_t values and
 * thread-local addresses are, once a thread exits), read without a call on
 * every poll.
 */
static __thread uint64_t thread_serial;
static uint64_t thread_serials;

static uint64_t this_thread(void) {
  if (thread_serial == 0)
    thread_serial = __atomic_add_fetch(&thread_serials, 1, __ATOMIC_RELAXED);
  return thread_serial;
}

static struct uring *state(const nd_loop_t *loop) {
  return loop->backend_data;
}

static void fatal(const char *what, int err) {
  /* Only a broken ring gets here: a bug, not bad input. */
  fprintf(stderr, "libnodec: io_uring: %s: %s\n", what, nd_strerror(err));
  abort();
}

/* --- setup ------------------------------------------------------------ */

/*
 * Process-wide: does this kernel have the opcodes the backend relies on?
 * Asked once: 1 not yet known, else 0 or a negative error.
 */
static int kernel_support = 1;

/* Every opcode this kernel supports, from the same probe: for subsystems. */
static uint64_t supported_ops[4];

static int probe_ops(struct io_uring *ring) {
  static const int needed[] = {IORING_OP_NOP, IORING_OP_POLL_ADD,
                               IORING_OP_POLL_REMOVE, IORING_OP_READ,
                               IORING_OP_ASYNC_CANCEL};
  struct io_uring_probe *probe;
  size_t i;
  int op;
  int ok = 1;

  probe = io_uring_get_probe_ring(ring);
  if (probe == NULL)
    return ND_ENOSYS;
  for (op = 0; op < 256; op++)
    if (io_uring_opcode_supported(probe, op))
      supported_ops[op / 64] |= UINT64_C(1) << (op % 64);
  for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++)
    ok = ok && io_uring_opcode_supported(probe, needed[i]);
  io_uring_free_probe(probe);
  return ok ? 0 : ND_ENOSYS;
}

/*
 * Create the ring with the strongest task-run mode the kernel accepts.
 * EINVAL means "not this combination of flags"; any other error (ENOSYS,
 * EPERM from seccomp or io_uring_disabled, ENOMEM from memlock limits)
 * means no ring at all.
 */
static int ring_setup(struct uring *u, int sqpoll) {
  static const unsigned int modes[] = {
    IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN |
        IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_R_DISABLED,
    IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
    0,
  };
  /* One bad SQE (a closed fd, say) must not hold back the rest. */
  const unsigned int always = IORING_SETUP_CQSIZE | IORING_SETUP_SUBMIT_ALL;
  static const unsigned int sqpoll_modes[] = {
    IORING_SETUP_SQPOLL | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_R_DISABLED,
    IORING_SETUP_SQPOLL,
  };
  const unsigned int *flags = sqpoll ? sqpoll_modes : modes;
  size_t n = sqpoll ? 2 : 3;
  struct io_uring_params p;
  size_t i;
  int err = ND_EINVAL;

  for (i = 0; i < n; i++) {
    memset(&p, 0, sizeof(p));
    p.flags = flags[i] | always;
    p.cq_entries = CQ_ENTRIES;
    p.sq_thread_idle = SQPOLL_IDLE_MS;
    err = io_uring_queue_init_params(SQ_ENTRIES, &u->ring, &p);
    if (err != -EINVAL)
      break;
  }
  if (err != 0)
    return err;

  /* Timeouts and signal masks ride on the wait; no completion is dropped. */
  if (!(p.features & IORING_FEAT_EXT_ARG) || !(p.features & IORING_FEAT_NODROP) ||
      !(p.features & IORING_FEAT_RSRC_TAGS) /* 5.13: multishot poll */) {
    io_uring_queue_exit(&u->ring);
    return ND_ENOSYS;
  }
  if (kernel_support == 1)
    kernel_support = probe_ops(&u->ring);
  if (kernel_support != 0) {
    io_uring_queue_exit(&u->ring);
    return kernel_support;
  }
  u->sqpoll = sqpoll;
  u->single_issuer = (p.flags & IORING_SETUP_SINGLE_ISSUER) != 0;
  u->disabled = (p.flags & IORING_SETUP_R_DISABLED) != 0;
  return 0;
}

/*
 * A single-issuer ring belongs to the thread that enables it, and a loop
 * may be created in one thread and run in another (libuv allows it), so
 * the ring is created disabled and the thread that first drives the loop
 * enables it and becomes its owner.  A loop run later from yet another
 * thread gets a new ring, its watchers registered again, provided no
 * operation is in flight: those could only complete in the old owner.
 */
static int ring_replace(nd_loop_t *loop, int sqpoll);

static void take_ownership(nd_loop_t *loop, struct uring *u) {
  int err;

  if (u->disabled) {
    /* liburing 2.3's shared library does not export io_uring_enable_rings. */
    if (syscall(__NR_io_uring_register, u->ring.ring_fd,
                IORING_REGISTER_ENABLE_RINGS, NULL, 0) != 0)
      fatal("enable", -errno);
    u->disabled = 0;
  } else if (u->single_issuer && u->owner != this_thread()) {
    if (u->inflight != 0) {
      fprintf(stderr, "libnodec: io_uring: a loop with operations in flight "
                      "cannot move to another thread (use ND_BACKEND=epoll "
                      "for loops that do)\n");
      abort();
    }
    err = ring_replace(loop, u->sqpoll);
    if (err != 0)
      fatal("new ring for another thread", err);
    if (u->disabled)
      take_ownership(loop, u);
    return;
  }
  /*
   * Any ring records the thread that drives it, for the poll fast path.
   * No io_uring_register_ring_fd: the registration lives in the calling
   * thread's table, and liburing removes it by index from whichever thread
   * closes the ring, which may be another loop's index in that thread.
   */
  u->owner = this_thread();
}

static void own(nd_loop_t *loop, struct uring *u) {
  if (u->disabled || u->owner != this_thread())
    take_ownership(loop, u);
}

/* --- submission ------------------------------------------------------- */

static void own(nd_loop_t *loop, struct uring *u);

static struct io_uring_sqe *get_sqe(nd_loop_t *loop, struct uring *u) {
  struct io_uring_sqe *sqe;
  int tries = 0;
  int r;

  while ((sqe = io_uring_get_sqe(&u->ring)) == NULL) {
    /* Full: hand what is queued to the kernel to make room. */
    own(loop, u);
    u->submits++;
    r = io_uring_submit(&u->ring);
    if (r >= 0 || r == -EINTR || r == -EAGAIN)
      continue;
    if (r == -EBUSY && ++tries < 1000) {
      /* Completions back up: let the kernel flush them to the CQ ring. */
      io_uring_get_events(&u->ring);
      continue;
    }
    fatal("submit", r);
  }
  return sqe;
}

static void arm_wakeup(nd_loop_t *loop, struct uring *u) {
  struct io_uring_sqe *sqe = get_sqe(loop, u);

  io_uring_prep_read(sqe, loop->wakeup_fd, &u->wakeup_count,
                     sizeof(u->wakeup_count), 0);
  io_uring_sqe_set_data64(sqe, TAG_WAKEUP);
}

static uint64_t poll_tag(const nd__io_t *w) {
  return ((uint64_t)(w->kgen & KGEN_MASK) << 35) |
         ((uint64_t)(uint32_t)w->fd << 3) | TAG_POLL;
}

static unsigned int to_poll_mask(unsigned int events) {
  unsigned int mask = 0;

  if (events & ND__POLLIN)
    mask |= POLLIN;
  if (events & ND__POLLOUT)
    mask |= POLLOUT;
  if (events & ND__POLLRDHUP)
    mask |= POLLRDHUP;
  if (events & ND__POLLPRI)
    mask |= POLLPRI;
  return mask;
}

static unsigned int from_poll_mask(unsigned int mask) {
  unsigned int events = 0;

  if (mask & POLLIN)
    events |= ND__POLLIN;
  if (mask & POLLOUT)
    events |= ND__POLLOUT;
  if (mask & POLLRDHUP)
    events |= ND__POLLRDHUP;
  if (mask & POLLPRI)
    events |= ND__POLLPRI;
  if (mask & POLLERR)
    events |= ND__POLLERR;
  if (mask & POLLHUP)
    events |= ND__POLLHUP;
  return events;
}

/* Cancel the watcher's poll request; its last completion will be ignored. */
static void disarm(nd_loop_t *loop, struct uring *u, nd__io_t *w) {
  struct io_uring_sqe *sqe = get_sqe(loop, u);

  io_uring_prep_poll_remove(sqe, poll_tag(w));
  io_uring_sqe_set_data64(sqe, TAG_IGNORE);
  w->registered = 0;
}

/* --- the helper epoll set, for urgent data ------------------------------ */

static void arm_epoll(nd_loop_t *loop, struct uring *u) {
  struct io_uring_sqe *sqe;

  if (u->ep_armed || u->ep_count == 0)
    return;
  /* One-shot, so a set with events still ready reports again at once. */
  sqe = get_sqe(loop, u);
  io_uring_prep_poll_add(sqe, u->epfd, POLLIN);
  io_uring_sqe_set_data64(sqe, TAG_EPOLL);
  u->ep_armed = 1;
}

static void epoll_forget(struct uring *u, nd__io_t *w) {
  struct epoll_event e;

  /* The fd may be closed already; then epoll forgot it by itself. */
  epoll_ctl(u->epfd, EPOLL_CTL_DEL, w->fd, &e);
  u->ep_count--;
  w->registered = 0;
}

static int epoll_register(nd_loop_t *loop, struct uring *u, nd__io_t *w) {
  struct epoll_event e;
  int op = (w->registered & VIA_EPOLL) ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;

  if (u->epfd < 0) {
    u->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (u->epfd < 0)
      return -errno;
  }
  memset(&e, 0, sizeof(e));
  e.events = nd__to_epoll(w->events);
  e.data.u64 = (uint64_t)(uint32_t)w->fd | ((uint64_t)w->kgen << 32);
  if (epoll_ctl(u->epfd, op, w->fd, &e) != 0) {
    /* As in the epoll backend: a reused fd, or a closed one. */
    if (errno == EEXIST)
      op = EPOLL_CTL_MOD;
    else if (errno == ENOENT)
      op = EPOLL_CTL_ADD;
    else
      return -errno;
    if (epoll_ctl(u->epfd, op, w->fd, &e) != 0)
      return -errno;
  }
  if (!(w->registered & VIA_EPOLL))
    u->ep_count++;
  w->registered = w->events | VIA_EPOLL;
  arm_epoll(loop, u);
  return 0;
}

static void complete_epoll(nd_loop_t *loop, struct uring *u) {
  struct epoll_event events[256];
  nd__io_t *w;
  int n;
  int i;

  u->ep_armed = 0;
  do {
    n = epoll_wait(u->epfd, events, 256, 0);
    for (i = 0; i < n; i++) {
      w = nd__io_lookup(loop, (int)(uint32_t)events[i].data.u64);
      if (w == NULL || !(w->registered & VIA_EPOLL) ||
          w->kgen != (uint32_t)(events[i].data.u64 >> 32))
        continue;
      nd__io_dispatch(loop, w, nd__from_epoll(events[i].events));
    }
  } while (n == 256);
  arm_epoll(loop, u);
}

static int uring_watch(nd_loop_t *loop, nd__io_t *w) {
  struct uring *u = state(loop);
  struct io_uring_sqe *sqe;
  int urgent = (w->events & ND__POLLPRI) != 0;

  if (w->registered & VIA_EPOLL) {
    if (!urgent)
      epoll_forget(u, w);
  } else if (w->registered != 0) {
    disarm(loop, u, w);
  }
  if (w->events == 0)
    return 0;

  /* A new number per registration: late completions of the old one drop. */
  w->kgen = ++u->arm_seq & KGEN_MASK;
  if (urgent)
    return epoll_register(loop, u, w);
  sqe = get_sqe(loop, u);
  if (w->events & ND__IO_EDGE)
    io_uring_prep_poll_multishot(sqe, w->fd, to_poll_mask(w->events));
  else
    io_uring_prep_poll_add(sqe, w->fd, to_poll_mask(w->events));
  io_uring_sqe_set_data64(sqe, poll_tag(w));
  w->registered = w->events;
  return 0;
}

static void uring_unwatch(nd_loop_t *loop, nd__io_t *w) {
  /*
   * A ring poll holds a reference to the file until the removal reaches
   * the kernel, at the latest with the next wait; the fd number itself may
   * be reused at once, since late completions carry the old registration.
   */
  if (w->registered & VIA_EPOLL)
    epoll_forget(state(loop), w);
  else
    disarm(loop, state(loop), w);
}

static void uring_wakeup(nd_loop_t *loop) {
  nd__eventfd_signal(loop->wakeup_fd);
}

/* --- completion ------------------------------------------------------- */

static void complete_poll(nd_loop_t *loop, uint64_t data, int res,
                          unsigned int flags) {
  int fd = (int)(uint32_t)(data >> 3);
  uint32_t kgen = (uint32_t)(data >> 35);
  nd__io_t *w = nd__io_lookup(loop, fd);

  /* Stopped, replaced, or a registration we already cancelled. */
  if (w == NULL || w->registered == 0 || w->kgen != kgen)
    return;

  if (!(flags & IORING_CQE_F_MORE)) {
    /* The request is over; arm a new one if the owner still wants events. */
    w->registered = 0;
    nd__io_mark_dirty(loop, w);
  }
  if (res >= 0) {
    nd__io_dispatch(loop, w, from_poll_mask((unsigned int)res));
    return;
  }
  /* The kernel refused the descriptor: stop the watcher and say why. */
  w->err = res;
  nd__io_close(loop, w);
  w->cb(loop, w, ND__POLLERR);
}

static void complete(nd_loop_t *loop, struct uring *u, uint64_t data, int res,
                     unsigned int flags) {
  nd__uring_op_t *op;

  switch (data & TAG_MASK) {
  case TAG_OP:
    op = (nd__uring_op_t *)(uintptr_t)data;
    if (!(flags & IORING_CQE_F_MORE)) {
      u->inflight--;
      if (op->weak)
        u->weak--;
      else
        loop->active_reqs--;
    }
    loop->events++;
    op->cb(loop, op, res, flags);
    break;
  case TAG_POLL:
    complete_poll(loop, data, res, flags);
    break;
  case TAG_WAKEUP:
    arm_wakeup(loop, u);
    nd__loop_wakeup_dispatch(loop);
    break;
  case TAG_EPOLL:
    complete_epoll(loop, u);
    break;
  default:
    break;
  }
}

/* Run every completion there is, including those the kernel held back. */
static unsigned int reap(nd_loop_t *loop, struct uring *u) {
  struct io_uring_cqe *cqe;
  unsigned int head;
  unsigned int n = 0;
  uint64_t data;
  unsigned int flags;
  int res;

  for (;;) {
    for (;;) {
      cqe = NULL;
      io_uring_for_each_cqe(&u->ring, head, cqe) break;
      if (cqe == NULL)
        break;
      data = cqe->user_data;
      res = cqe->res;
      flags = cqe->flags;
      /* Free the slot first: the callback may submit and complete more. */
      io_uring_cqe_seen(&u->ring, cqe);
      complete(loop, u, data, res, flags);
      n++;
    }
    if (!io_uring_cq_has_overflow(&u->ring))
      return n;
    io_uring_get_events(&u->ring);
  }
}

/* Is there anything only a system call can move: SQEs, task work, overflow? */
static int needs_enter(const struct uring *u) {
  unsigned int kflags = IO_URING_READ_ONCE(*u->ring.sq.kflags);

  return io_uring_sq_ready(&u->ring) != 0 ||
         (kflags & (IORING_SQ_TASKRUN | IORING_SQ_CQ_OVERFLOW)) != 0;
}

static void poll_ring(nd_loop_t *loop, struct uring *u, int timeout) {
  struct __kernel_timespec ts;
  struct io_uring_cqe *cqe;
  sigset_t set;
  sigset_t *sigmask;
  uint64_t base;
  uint64_t t0;
  unsigned int n;
  int r;

  if (nd__io_flush(loop) != 0)
    timeout = 0;

  if (timeout == 0 || io_uring_cq_ready(&u->ring) != 0) {
    if (needs_enter(u)) {
      u->submits++;
      r = io_uring_submit_and_get_events(&u->ring);
      if (r < 0 && r != -EINTR && r != -EAGAIN && r != -EBUSY)
        fatal("submit", r);
    } else if (io_uring_cq_ready(&u->ring) == 0) {
      /* Nothing the kernel could tell us; async and signals are in memory. */
      if (nd__loop_wakeup_pending(loop))
        nd__loop_wakeup_dispatch(loop);
      return;
    }
    n = reap(loop, u);
    if (timeout == 0)
      loop->events_waiting += n;
    return;
  }

  sigmask = nd__poll_sigset(loop, &set);
  base = loop->time;
  for (;;) {
    t0 = (loop->flags & ND__LOOP_METRICS_IDLE) ? nd_hrtime() : 0;
    if (timeout > 0) {
      ts.tv_sec = timeout / 1000;
      ts.tv_nsec = (long long)(timeout % 1000) * 1000000;
    }
    u->submits++;
    r = io_uring_submit_and_wait_timeout(&u->ring, &cqe, 1,
                                         timeout > 0 ? &ts : NULL, sigmask);
    if (t0 != 0)
      loop->idle_time += nd_hrtime() - t0;
    nd_update_time(loop);
    if (r != -EINTR)
      break;
    /* A signal: its handler has queued a wakeup; reap it, or wait on. */
    if (io_uring_cq_ready(&u->ring) != 0)
      break;
    if (timeout > 0) {
      uint64_t elapsed = loop->time - base;
      if (elapsed >= (uint64_t)timeout)
        break;
      timeout -= (int)elapsed;
      base = loop->time;
    }
  }
  if (r < 0 && r != -ETIME && r != -EINTR && r != -EAGAIN && r != -EBUSY)
    fatal("wait", r);
  reap(loop, u);
}

/*
 * A program that embeds the loop waits on nd_backend_fd() itself.  With
 * DEFER_TASKRUN the ring's own descriptor does not wake such a waiter when
 * completion work is queued (only a task waiting in io_uring_enter is
 * woken), so those programs get an eventfd the kernel signals instead
 * (io_uring_register_eventfd), made on the first nd_backend_fd() call.
 * While the loop polls, the signal is off, so our own completions do not
 * wake the embedder for nothing; afterwards, work that arrived meanwhile is
 * signalled by hand.
 */
static int uring_backend_fd(nd_loop_t *loop) {
  struct uring *u = state(loop);
  int fd;

  if (u->embed_fd >= 0)
    return u->embed_fd;
  fd = nd__cloexec_eventfd();
  if (fd < 0)
    return fd;
  if (io_uring_register_eventfd(&u->ring, fd) != 0) {
    nd__close_nocancel(fd);
    return loop->backend_fd;
  }
  u->embed_fd = fd;
  return fd;
}

static void uring_poll(nd_loop_t *loop, int timeout) {
  struct uring *u = state(loop);

  /*
   * A loop kept spinning (idle handles, setImmediate) comes here with
   * nothing to submit, collect or wait for: answer from memory at once.
   */
  if (timeout == 0 && u->owner == thread_serial && thread_serial != 0 &&
      !u->disabled && u->embed_fd < 0 &&
      nd__queue_empty(&loop->watcher_queue) &&
      io_uring_cq_ready(&u->ring) == 0 && !needs_enter(u)) {
    if (nd__loop_wakeup_pending(loop))
      nd__loop_wakeup_dispatch(loop);
    return;
  }

  own(loop, u);
  if (u->embed_fd < 0) {
    poll_ring(loop, u, timeout);
    return;
  }
  io_uring_cq_eventfd_toggle(&u->ring, false);
  nd__eventfd_drain(u->embed_fd);
  poll_ring(loop, u, timeout);
  io_uring_cq_eventfd_toggle(&u->ring, true);
  if (needs_enter(u) || io_uring_cq_ready(&u->ring) != 0)
    nd__eventfd_signal(u->embed_fd);
}

/* --- lifetime --------------------------------------------------------- */

static int uring_init(nd_loop_t *loop) {
  struct uring *u = calloc(1, sizeof(*u));
  int err;

  if (u == NULL)
    return ND_ENOMEM;
  err = ring_setup(u, 0);
  if (err != 0) {
    free(u);
    return err;
  }
  u->epfd = -1;
  u->embed_fd = -1;
  loop->backend_data = u;
  loop->backend_fd = u->ring.ring_fd;
  arm_wakeup(loop, u);
  return 0;
}

static void bufs_free(struct uring *u) {
  if (u->br != NULL)
    munmap(u->br, ND__URING_BUF_COUNT * sizeof(struct io_uring_buf));
  free(u->bufs);
  u->br = NULL;
  u->bufs = NULL;
}

static void uring_close(nd_loop_t *loop) {
  struct uring *u = state(loop);

  if (u == NULL)
    return;
  io_uring_queue_exit(&u->ring);
  bufs_free(u);
  if (u->epfd >= 0)
    nd__close_nocancel(u->epfd);
  if (u->embed_fd >= 0)
    nd__close_nocancel(u->embed_fd);
  free(u);
  loop->backend_data = NULL;
  loop->backend_fd = -1;
}

/*
 * Replace the ring with a new one (after fork, or to turn SQPOLL on) and
 * register every watcher again.  Operations in flight on the old ring never
 * complete: they stop counting as active requests.
 */
static int ring_replace(nd_loop_t *loop, int sqpoll) {
  struct uring *u = state(loop);
  struct uring fresh;
  unsigned int fd;
  nd__io_t *w;
  int err;

  memset(&fresh, 0, sizeof(fresh));
  err = ring_setup(&fresh, sqpoll);
  if (err != 0)
    return err;
  io_uring_queue_exit(&u->ring);
  /* After a fork the helper epoll set is shared with the parent: a new one. */
  if (u->epfd >= 0)
    nd__close_nocancel(u->epfd);
  /* So is the embedder's eventfd; nd_backend_fd() makes a new one. */
  if (u->embed_fd >= 0)
    nd__close_nocancel(u->embed_fd);
  loop->active_reqs -= u->inflight - u->weak;
  /* Registered with the old ring; the next user registers them anew. */
  bufs_free(u);
  fresh.arm_seq = u->arm_seq;
  fresh.submits = u->submits + 1;
  fresh.epfd = -1;
  fresh.embed_fd = -1;
  *u = fresh;
  loop->backend_fd = u->ring.ring_fd;
  arm_wakeup(loop, u);
  for (fd = 0; fd < loop->nwatchers; fd++) {
    w = loop->watchers[fd];
    if (w == NULL)
      continue;
    w->registered = 0;
    nd__io_mark_dirty(loop, w);
  }
  return 0;
}

static int uring_fork(nd_loop_t *loop) {
  return ring_replace(loop, state(loop)->sqpoll);
}

static int uring_sqpoll(nd_loop_t *loop) {
  struct uring *u = state(loop);

  if (u->sqpoll)
    return 0;
  if (loop->nfds != 0 || u->inflight != 0)
    return ND_EBUSY;
  return ring_replace(loop, 1);
}

static int uring_pending(const nd_loop_t *loop) {
  return io_uring_sq_ready(&state(loop)->ring) != 0;
}

const struct nd__backend_ops nd__backend_uring = {
  .name = "io_uring",
  .init = uring_init,
  .close = uring_close,
  .watch = uring_watch,
  .unwatch = uring_unwatch,
  .poll = uring_poll,
  .wakeup = uring_wakeup,
  .fork = uring_fork,
  .sqpoll = uring_sqpoll,
  .pending = uring_pending,
  .backend_fd = uring_backend_fd,
};

/* --- operations for subsystems (uring.h) ------------------------------- */

int nd__uring_supports(const nd_loop_t *loop, int opcode) {
  if (loop->backend != &nd__backend_uring || opcode < 0 || opcode >= 256)
    return 0;
  return (supported_ops[opcode / 64] >> (opcode % 64)) & 1;
}

static int sockets_unwanted = -1;

int nd__uring_sockets_wanted(void) {
  const char *v;

  if (sockets_unwanted == -1) {
    v = getenv("ND_STREAM_RING");
    sockets_unwanted = v != NULL && strcmp(v, "0") == 0;
  }
  return !sockets_unwanted;
}

void nd__uring_reserve(nd_loop_t *loop, unsigned int n) {
  struct uring *u = state(loop);
  int r;

  assert(n <= 64 && n <= SQ_ENTRIES);
  while (io_uring_sq_space_left(&u->ring) < n) {
    own(loop, u);
    r = io_uring_submit(&u->ring);
    if (r < 0 && r != -EINTR && r != -EAGAIN && r != -EBUSY)
      fatal("submit", r);
    if (r == -EBUSY)
      io_uring_get_events(&u->ring);
  }
}

struct io_uring_sqe *nd__uring_get_sqe(nd_loop_t *loop) {
  if (loop->backend != &nd__backend_uring)
    return NULL;
  return get_sqe(loop, state(loop));
}

void nd__uring_submit(nd_loop_t *loop, struct io_uring_sqe *sqe,
                      nd__uring_op_t *op, nd__uring_cb cb) {
  struct uring *u = state(loop);

  /* The pointer is the user_data: its low bits must be free for the tag. */
  assert(((uintptr_t)op & TAG_MASK) == 0);
  op->cb = cb;
  op->weak = 0;
  io_uring_sqe_set_data(sqe, op);
  u->inflight++;
  loop->active_reqs++;
}

void nd__uring_submit_weak(nd_loop_t *loop, struct io_uring_sqe *sqe,
                           nd__uring_op_t *op, nd__uring_cb cb) {
  struct uring *u = state(loop);

  assert(((uintptr_t)op & TAG_MASK) == 0);
  op->cb = cb;
  op->weak = 1;
  io_uring_sqe_set_data(sqe, op);
  u->inflight++;
  u->weak++;
}

uint64_t nd__uring_submissions(nd_loop_t *loop) {
  struct uring *u = state(loop);

  /* A kernel thread takes SQEs at any time: never "still ours". */
  return u->sqpoll ? ++u->submits : u->submits;
}

void nd__uring_op_strengthen(nd_loop_t *loop, nd__uring_op_t *op) {
  if (!op->weak)
    return;
  op->weak = 0;
  state(loop)->weak--;
  loop->active_reqs++;
}

int nd__uring_bufs_setup(nd_loop_t *loop) {
  struct uring *u = state(loop);
  struct io_uring_buf_reg reg;
  size_t ring_size = ND__URING_BUF_COUNT * sizeof(struct io_uring_buf);
  unsigned int i;
  void *br;
  int err;

  if (u->br != NULL)
    return 0;
  br = mmap(NULL, ring_size, PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (br == MAP_FAILED)
    return ND_ENOMEM;
  u->br = br;
  u->bufs = malloc((size_t)ND__URING_BUF_COUNT * ND__URING_BUF_SIZE);
  if (u->bufs == NULL) {
    bufs_free(u);
    return ND_ENOMEM;
  }
  memset(&reg, 0, sizeof(reg));
  reg.ring_addr = (uint64_t)(uintptr_t)br;
  reg.ring_entries = ND__URING_BUF_COUNT;
  reg.bgid = ND__URING_BGID;
  err = io_uring_register_buf_ring(&u->ring, &reg, 0);
  if (err != 0) {
    bufs_free(u);
    return err;
  }
  io_uring_buf_ring_init(u->br);
  for (i = 0; i < ND__URING_BUF_COUNT; i++)
    io_uring_buf_ring_add(u->br, u->bufs + (size_t)i * ND__URING_BUF_SIZE,
                          ND__URING_BUF_SIZE, (unsigned short)i,
                          io_uring_buf_ring_mask(ND__URING_BUF_COUNT),
                          (int)i);
  io_uring_buf_ring_advance(u->br, ND__URING_BUF_COUNT);
  return 0;
}

char *nd__uring_buf(nd_loop_t *loop, unsigned int bid) {
  return state(loop)->bufs + (size_t)bid * ND__URING_BUF_SIZE;
}

void nd__uring_buf_recycle(nd_loop_t *loop, unsigned int bid) {
  struct uring *u = state(loop);

  io_uring_buf_ring_add(u->br, u->bufs + (size_t)bid * ND__URING_BUF_SIZE,
                        ND__URING_BUF_SIZE, (unsigned short)bid,
                        io_uring_buf_ring_mask(ND__URING_BUF_COUNT), 0);
  io_uring_buf_ring_advance(u->br, 1);
}

int nd__uring_cancel(nd_loop_t *loop, nd__uring_op_t *op) {
  struct io_uring_sqe *sqe = nd__uring_get_sqe(loop);

  if (sqe == NULL)
    return ND_ENOSYS;
  io_uring_prep_cancel(sqe, op, 0);
  io_uring_sqe_set_data64(sqe, TAG_IGNORE);
  return 0;
}

int nd__uring_flush(nd_loop_t *loop) {
  int r;

  if (loop->backend != &nd__backend_uring)
    return ND_ENOSYS;
  own(loop, state(loop));
  state(loop)->submits++;
  r = io_uring_submit(&state(loop)->ring);
  return r < 0 ? r : 0;
}
