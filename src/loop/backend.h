/*
 * backend.h - the operations a polling backend provides to the loop core.
 *
 * Each loop holds a pointer to one const table.  A backend is one file whose
 * functions are all static; the table is its only export.  The core never
 * looks inside loop->backend_data.
 */
#ifndef ND_LOOP_BACKEND_H
#define ND_LOOP_BACKEND_H

#include "internal.h"

struct nd__backend_ops {
  /* The name nd_backend_name() reports ("epoll", "io_uring"). */
  const char *name;

  /*
   * Create the per-loop state: the kernel poller (its descriptor goes in
   * loop->backend_fd) and a watch on loop->wakeup_fd, which the core has
   * already created.  Returns 0 or a negative error; on error nothing is
   * left allocated.
   */
  int (*init)(nd_loop_t *loop);

  /* Release everything init created.  The core closes loop->wakeup_fd. */
  void (*close)(nd_loop_t *loop);

  /*
   * Apply a watcher's interest: w->events is what the owner wants,
   * w->registered what the kernel has; afterwards they are equal.  Called
   * for every watcher on loop->watcher_queue right before poll, so a burst
   * of changes costs one update.  Returns 0 or a negative error; on error
   * the core reports ND__POLLERR to the watcher.
   */
  int (*watch)(nd_loop_t *loop, nd__io_t *w);

  /*
   * Forget a watcher now, before its descriptor is closed.  Events for it
   * already fetched in this iteration are dropped by generation check.
   */
  void (*unwatch)(nd_loop_t *loop, nd__io_t *w);

  /*
   * Wait up to timeout milliseconds (-1 forever, 0 not at all) and run the
   * callbacks of the ready watchers.  Refreshes the loop clock after waiting.
   * When loop->wakeup_fd fires, drain it and call nd__loop_wakeup_dispatch.
   */
  void (*poll)(nd_loop_t *loop, int timeout);

  /*
   * Wake a loop that may be waiting in poll.  Called from any thread and
   * from signal handlers, so it must be async-signal-safe.
   */
  void (*wakeup)(nd_loop_t *loop);

  /*
   * In a child after fork(2): build a new poller (the core has already
   * replaced loop->wakeup_fd) and re-register every watcher.
   */
  int (*fork)(nd_loop_t *loop);

  /*
   * Optional (NULL if unsupported): switch the loop to kernel-side
   * submission polling (ND_LOOP_USE_SQPOLL).  Only before anything is
   * watched or in flight.
   */
  int (*sqpoll)(nd_loop_t *loop);

  /*
   * Optional: has the backend queued work that only reaches the kernel
   * with the next poll (SQEs)?  nd_backend_timeout() is 0 then.
   */
  int (*pending)(const nd_loop_t *loop);

  /*
   * Optional: the descriptor nd_backend_fd() gives embedders, when it is
   * not loop->backend_fd: one that becomes readable when the loop has work.
   */
  int (*backend_fd)(nd_loop_t *loop);
};

extern const struct nd__backend_ops nd__backend_uring;
extern const struct nd__backend_ops nd__backend_epoll;

/* Pick the backend ND_BACKEND names, or the best one available. */
int nd__backend_select(nd_loop_t *loop);

/*
 * Apply the queued interest changes; every backend's poll starts with it.
 * Watchers the backend refused get ND__POLLERR right away (this is the poll
 * phase); returns how many, so the caller polls without blocking.
 */
int nd__io_flush(nd_loop_t *loop);

/*
 * Queue a watcher for the next flush, e.g. because its kernel registration
 * ended (a one-shot poll fired) and the owner still wants events.
 */
void nd__io_mark_dirty(nd_loop_t *loop, nd__io_t *w);

/* The watcher of fd, or NULL. */
nd__io_t *nd__io_lookup(const nd_loop_t *loop, int fd);

/*
 * Deliver events to a watcher the backend has matched to its kernel
 * registration (fd and generation): errors and hang-ups are widened to the
 * events the owner waits for, and events it no longer wants are dropped.
 */
void nd__io_dispatch(nd_loop_t *loop, nd__io_t *w, unsigned int events);

#endif
