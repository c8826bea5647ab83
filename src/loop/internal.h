/*
 * internal.h - what the loop core shares with the subsystems above it.
 *
 * Subsystems (src/net, src/fs, ...) may use these nd__ functions; nothing
 * outside src/ may.  The loop core knows nothing of TCP, files or JS.
 */
#ifndef ND_LOOP_INTERNAL_H
#define ND_LOOP_INTERNAL_H

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include "nodec.h"
#include "queue.h"

/* Handle flags (nd_handle_t.flags). */
enum {
  ND__HANDLE_ACTIVE = 1u << 0,
  ND__HANDLE_REF = 1u << 1,
  ND__HANDLE_CLOSING = 1u << 2,  /* nd_close called */
  ND__HANDLE_CLOSED = 1u << 3,   /* close callback ran */
  ND__HANDLE_INTERNAL = 1u << 4, /* owned by the library, hidden from walk */
  ND__HANDLE_CLOSE_HELD = 1u << 5, /* close callback waits for the owner */
  /* Bits from 1 << 16 up belong to the handle type. */
  ND__HANDLE_TYPE_SHIFT = 16
};

/* Loop flags (nd_loop_t.flags). */
enum {
  ND__LOOP_METRICS_IDLE = 1u << 0
};

/* Descriptor events as the backends report them to watchers. */
enum {
  ND__POLLIN = 1u << 0,
  ND__POLLOUT = 1u << 1,
  ND__POLLRDHUP = 1u << 2,
  ND__POLLPRI = 1u << 3,
  ND__POLLERR = 1u << 4,
  ND__POLLHUP = 1u << 5,
  /*
   * In a watcher's interest: the owner reads or writes until EAGAIN, so an
   * event per change of state is enough (epoll EPOLLET, multishot poll).
   */
  ND__IO_EDGE = 1u << 6
};

/* In nd__io_t.registered: the kernel's registration is stale; replace it. */
#define ND__IO_REREGISTER (1u << 31)

/* Handles */
void nd__handle_init(nd_loop_t *loop, nd_handle_t *h, nd_handle_type type);

static inline int nd__handle_is_active(const nd_handle_t *h) {
  return (h->flags & ND__HANDLE_ACTIVE) != 0;
}

static inline void nd__handle_start(nd_handle_t *h) {
  if (h->flags & ND__HANDLE_ACTIVE)
    return;
  h->flags |= ND__HANDLE_ACTIVE;
  if (h->flags & ND__HANDLE_REF)
    h->loop->active_handles++;
}

static inline void nd__handle_stop(nd_handle_t *h) {
  if (!(h->flags & ND__HANDLE_ACTIVE))
    return;
  h->flags &= ~ND__HANDLE_ACTIVE;
  if (h->flags & ND__HANDLE_REF)
    h->loop->active_handles--;
}

/*
 * What nd_close does for a handle type of a subsystem (fs events, streams,
 * ...): registered by the subsystem when it initialises such a handle.
 */
void nd__handle_set_close_hook(nd_handle_type type,
                               void (*hook)(nd_handle_t *h));

/* What a subsystem redoes in a child after fork, for nd_loop_fork. */
void nd__loop_add_fork_hook(int (*hook)(nd_loop_t *loop));
/*
 * What a subsystem releases in nd_loop_close, once nothing of the user's is
 * left: state kept for the loop with no handle of the user's to hold it.
 */
void nd__loop_add_close_hook(void (*hook)(nd_loop_t *loop));

/*
 * What a subsystem checks first when nd_loop_close is called: it releases
 * the per-loop state it made on its own (returning 0), or returns ND_EBUSY
 * when its user still owns something on the loop; the close then fails
 * with that error.  A check may also cancel work the program left pending,
 * so that running the loop once more lets the close succeed.
 */
void nd__loop_add_close_check(int (*check)(nd_loop_t *loop));

/*
 * Keep a closing handle's close callback from running until the owner says
 * so: for handles whose operations are still in the kernel's hands.
 */
void nd__handle_close_hold(nd_handle_t *h);
void nd__handle_close_release(nd_handle_t *h);

/* Requests */
static inline void nd__req_register(nd_loop_t *loop, nd_req_t *req,
                                    nd_req_type type) {
  req->type = type;
  loop->active_reqs++;
}

static inline void nd__req_unregister(nd_loop_t *loop, nd_req_t *req) {
  (void)req;
  assert(loop->active_reqs > 0);
  loop->active_reqs--;
}

/* Per-type close and run hooks, called by the core. */
void nd__timer_close(nd_timer_t *handle);
void nd__run_timers(nd_loop_t *loop);
int nd__next_timeout(const nd_loop_t *loop);
void nd__idle_close(nd_idle_t *handle);
void nd__prepare_close(nd_prepare_t *handle);
void nd__check_close(nd_check_t *handle);
void nd__run_idle(nd_loop_t *loop);
void nd__run_prepare(nd_loop_t *loop);
void nd__run_check(nd_loop_t *loop);
void nd__async_close(nd_async_t *handle);
void nd__async_dispatch(nd_loop_t *loop);
void nd__signal_close(nd_signal_t *handle);
void nd__signal_dispatch(nd_loop_t *loop);
void nd__signal_loop_fork(nd_loop_t *loop);
void nd__poll_close(nd_poll_t *handle);

/*
 * Descriptor watchers.  A watcher states the events it wants; changes are
 * queued on loop->watcher_queue and applied by the backend once, right
 * before it polls.  nd__io_close must be called before the fd is closed.
 */
void nd__io_init(nd__io_t *w, nd__io_cb cb, int fd);
int nd__io_start(nd_loop_t *loop, nd__io_t *w, unsigned int events);
void nd__io_stop(nd_loop_t *loop, nd__io_t *w, unsigned int events);
void nd__io_close(nd_loop_t *loop, nd__io_t *w);
int nd__io_active(const nd__io_t *w, unsigned int events);
int nd__fd_watched(const nd_loop_t *loop, int fd);

/* Wake the loop from any thread or a signal handler. */
void nd__loop_wakeup(nd_loop_t *loop);
/*
 * Has anything been sent that the wakeup descriptor would report?  Read in
 * every poll that may not block, so it is inline.
 */
static inline int nd__loop_wakeup_pending(const nd_loop_t *loop) {
  return __atomic_load_n(&loop->async_stack, __ATOMIC_ACQUIRE) != NULL ||
         loop->async_ready != NULL ||
         __atomic_load_n(&loop->signal_pending, __ATOMIC_ACQUIRE) != 0 ||
         __atomic_load_n(&loop->work_done, __ATOMIC_ACQUIRE) != NULL;
}
/* Called by a backend when the wakeup descriptor fired. */
void nd__loop_wakeup_dispatch(nd_loop_t *loop);

/*
 * Worker pools (src/threadpool/pool.c).  A subsystem submits a job of one
 * class; `work` runs on a worker, `done` on the loop thread with 0 or
 * ND_ECANCELED.  The caller registers its request with the loop.
 */
enum { ND__WORK_CPU = 0, ND__WORK_FAST_IO = 1, ND__WORK_SLOW_IO = 2 };
int nd__work_submit(nd_loop_t *loop, nd__work_t *w, int kind,
                    void (*work)(nd__work_t *w),
                    void (*done)(nd__work_t *w, int status));
int nd__work_cancel(nd__work_t *w);
void nd__work_dispatch(nd_loop_t *loop);
int nd__loop_set_threadpool(nd_loop_t *loop, nd_threadpool_t *pool);

/* Deferred callbacks, run in the pending phase of the next iteration. */
void nd__pending_add(nd_loop_t *loop, nd__pending_t *p,
                     void (*cb)(nd_loop_t *, nd__pending_t *));

/* Spin-wait hint for the few loops that wait on another thread. */
static inline void nd__cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* For a backend's wait: the signals to keep blocked, or NULL. */
sigset_t *nd__poll_sigset(const nd_loop_t *loop, sigset_t *set);

/* Time */
uint64_t nd__hrtime_ms(void);

/* Descriptors */
int nd__cloexec_eventfd(void);
/* Bump an eventfd's counter (async-signal-safe), or zero it. */
void nd__eventfd_signal(int fd);
void nd__eventfd_drain(int fd);
int nd__fd_pollable(int fd);
int nd__set_nonblock(int fd, int on);
int nd__close_nocancel(int fd);

#endif
