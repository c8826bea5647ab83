/*
 * backend-epoll.c - the epoll backend (Linux).
 *
 * Level-triggered, one registration per descriptor.  The event's data
 * carries the fd and the watcher's generation, so events for a descriptor
 * that was closed and reused after the kernel queued them are dropped.
 * The loop's wakeup eventfd is registered with a tag no fd can have.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "backend.h"
#include "epoll-events.h"

#define WAKEUP_TAG UINT64_MAX
#define MAX_EVENTS 1024

static uint64_t event_tag(const nd__io_t *w) {
  return (uint64_t)(uint32_t)w->fd | ((uint64_t)w->gen << 32);
}

static int epoll_init(nd_loop_t *loop) {
  struct epoll_event e;
  int fd;

  fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0)
    return -errno;
  e.events = EPOLLIN;
  e.data.u64 = WAKEUP_TAG;
  if (epoll_ctl(fd, EPOLL_CTL_ADD, loop->wakeup_fd, &e) != 0) {
    int err = -errno;
    nd__close_nocancel(fd);
    return err;
  }
  loop->backend_fd = fd;
  return 0;
}

static void epoll_close(nd_loop_t *loop) {
  if (loop->backend_fd >= 0)
    nd__close_nocancel(loop->backend_fd);
  loop->backend_fd = -1;
}

static int epoll_watch(nd_loop_t *loop, nd__io_t *w) {
  struct epoll_event e;
  int op;

  if (w->events == 0) {
    /* The descriptor may already be closed; then the kernel forgot it. */
    epoll_ctl(loop->backend_fd, EPOLL_CTL_DEL, w->fd, &e);
    w->registered = 0;
    return 0;
  }

  e.events = nd__to_epoll(w->events);
  e.data.u64 = event_tag(w);
  op = w->registered != 0 ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  if (epoll_ctl(loop->backend_fd, op, w->fd, &e) != 0) {
    /*
     * ADD finds the fd already there when a watcher was stopped and the fd
     * reused before the DEL was flushed; MOD finds it gone when the old
     * file was closed.  Either way, switch operation once.
     */
    if (errno == EEXIST)
      op = EPOLL_CTL_MOD;
    else if (errno == ENOENT)
      op = EPOLL_CTL_ADD;
    else
      return -errno;
    if (epoll_ctl(loop->backend_fd, op, w->fd, &e) != 0)
      return -errno;
  }
  w->registered = w->events;
  return 0;
}

static void epoll_unwatch(nd_loop_t *loop, nd__io_t *w) {
  struct epoll_event e;

  epoll_ctl(loop->backend_fd, EPOLL_CTL_DEL, w->fd, &e);
}

static void epoll_wakeup(nd_loop_t *loop) {
  nd__eventfd_signal(loop->wakeup_fd);
}

static void epoll_poll(nd_loop_t *loop, int timeout) {
  struct epoll_event events[MAX_EVENTS];
  sigset_t set;
  sigset_t *sigmask = nd__poll_sigset(loop, &set);
  uint64_t base = loop->time;
  uint64_t t0 = 0;
  nd__io_t *w;
  int rounds = 0;
  int wakeup;
  int n;
  int i;

  if (nd__io_flush(loop) != 0)
    timeout = 0;

  /*
   * Nothing to wait for and no descriptor but the wakeup eventfd: what that
   * eventfd would report is already in memory, so skip the system call.
   * (An eventfd left signalled costs one early return of a later wait.)
   */
  if (timeout == 0 && loop->nfds == 0) {
    if (nd__loop_wakeup_pending(loop))
      nd__loop_wakeup_dispatch(loop);
    return;
  }

  for (;;) {
    if ((loop->flags & ND__LOOP_METRICS_IDLE) && timeout != 0)
      t0 = nd_hrtime();
    n = epoll_pwait(loop->backend_fd, events, MAX_EVENTS, timeout, sigmask);
    if (t0 != 0) {
      loop->idle_time += nd_hrtime() - t0;
      t0 = 0;
    }
    nd_update_time(loop);

    if (n == -1) {
      if (errno != EINTR) {
        /* Only a broken epoll descriptor gets here: a bug, not bad input. */
        fprintf(stderr, "libnodec: epoll_pwait: %s\n", nd_strerror(-errno));
        abort();
      }
      if (timeout == 0)
        return;
      if (timeout > 0) {
        /* Interrupted: wait out only what is left of the timeout. */
        uint64_t elapsed = loop->time - base;
        if (elapsed >= (uint64_t)timeout)
          return;
        timeout -= (int)elapsed;
        base = loop->time;
      }
      continue;
    }
    if (n == 0)
      return;

    if (timeout == 0)
      loop->events_waiting += (uint64_t)n;
    wakeup = 0;
    for (i = 0; i < n; i++) {
      uint64_t tag = events[i].data.u64;
      if (tag == WAKEUP_TAG) {
        wakeup = 1;
        continue;
      }
      w = nd__io_lookup(loop, (int)(uint32_t)tag);
      /* Stopped or replaced since the kernel queued the event: drop it. */
      if (w == NULL || w->gen != (uint32_t)(tag >> 32))
        continue;
      nd__io_dispatch(loop, w, nd__from_epoll(events[i].events));
    }
    if (wakeup) {
      /* Drain first: a wakeup sent after this read is not lost. */
      nd__eventfd_drain(loop->wakeup_fd);
      nd__loop_wakeup_dispatch(loop);
    }

    /* A full batch means more may be ready: take them without blocking. */
    if (n < MAX_EVENTS || ++rounds == 8)
      return;
    timeout = 0;
    nd__io_flush(loop);
  }
}

/* The child shares the parent's epoll set: build a new one. */
static int epoll_fork(nd_loop_t *loop) {
  unsigned int fd;
  nd__io_t *w;
  int err;

  nd__close_nocancel(loop->backend_fd);
  loop->backend_fd = -1;
  err = epoll_init(loop);
  if (err != 0)
    return err;
  for (fd = 0; fd < loop->nwatchers; fd++) {
    w = loop->watchers[fd];
    if (w == NULL)
      continue;
    w->registered = 0;
    if (nd__queue_empty(&w->watcher_queue))
      nd__queue_insert_tail(&loop->watcher_queue, &w->watcher_queue);
  }
  return 0;
}

const struct nd__backend_ops nd__backend_epoll = {
  .name = "epoll",
  .init = epoll_init,
  .close = epoll_close,
  .watch = epoll_watch,
  .unwatch = epoll_unwatch,
  .poll = epoll_poll,
  .wakeup = epoll_wakeup,
  .fork = epoll_fork,
};
