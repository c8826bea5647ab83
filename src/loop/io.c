/*
 * io.c - descriptor watchers and the descriptor helpers the core needs.
 *
 * loop->watchers maps an fd to its watcher.  Interest changes only mark the
 * watcher dirty (loop->watcher_queue); the backend applies them all right
 * before it polls.  Every (re)registration gets a new generation number that
 * travels with the kernel's event, so an event fetched for a descriptor that
 * was closed and reused earlier in the same iteration is recognised and
 * dropped.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "backend.h"
#include "internal.h"

void nd__io_init(nd__io_t *w, nd__io_cb cb, int fd) {
  w->cb = cb;
  w->fd = fd;
  w->events = 0;
  w->registered = 0;
  w->gen = 0;
  w->kgen = 0;
  w->err = 0;
  nd__queue_init(&w->watcher_queue);
}

static int grow_watchers(nd_loop_t *loop, int fd) {
  unsigned int n = loop->nwatchers == 0 ? 64 : loop->nwatchers;
  nd__io_t **table;

  while (n <= (unsigned int)fd)
    n *= 2;
  table = realloc(loop->watchers, n * sizeof(*table));
  if (table == NULL)
    return ND_ENOMEM;
  memset(table + loop->nwatchers, 0,
         (n - loop->nwatchers) * sizeof(*table));
  loop->watchers = table;
  loop->nwatchers = n;
  return 0;
}

void nd__io_mark_dirty(nd_loop_t *loop, nd__io_t *w) {
  if (nd__queue_empty(&w->watcher_queue))
    nd__queue_insert_tail(&loop->watcher_queue, &w->watcher_queue);
}

int nd__io_start(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  unsigned int want = w->events | events;
  int err;

  if (w->fd < 0)
    return ND_EBADF;
  if ((unsigned int)w->fd >= loop->nwatchers) {
    err = grow_watchers(loop, w->fd);
    if (err != 0)
      return err;
  }
  if (loop->watchers[w->fd] != NULL && loop->watchers[w->fd] != w)
    return ND_EEXIST;
  if (want == w->events)
    return 0;

  if (w->events == 0) {
    loop->watchers[w->fd] = w;
    loop->nfds++;
    /*
     * A new generation every time: once stopped, the fd may have been
     * closed and its number reused, so events queued for the old
     * registration are stale.  If the kernel may still hold that
     * registration, force the backend to replace it.
     */
    w->gen = ++loop->io_gen;
    if (w->registered != 0)
      w->registered |= ND__IO_REREGISTER;
  }
  w->events = want;
  nd__io_mark_dirty(loop, w);
  return 0;
}

void nd__io_stop(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  unsigned int want = w->events & ~events;

  if (want == w->events)
    return;
  w->events = want;
  if (want == 0) {
    loop->watchers[w->fd] = NULL;
    loop->nfds--;
  }
  nd__io_mark_dirty(loop, w);
}

void nd__io_close(nd_loop_t *loop, nd__io_t *w) {
  nd__io_stop(loop, w, ~0u);
  nd__queue_remove(&w->watcher_queue);
  if (w->registered != 0)
    loop->backend->unwatch(loop, w);
  w->registered = 0;
}

int nd__io_active(const nd__io_t *w, unsigned int events) {
  return (w->events & events) != 0;
}

int nd__fd_watched(const nd_loop_t *loop, int fd) {
  return fd >= 0 && (unsigned int)fd < loop->nwatchers &&
         loop->watchers[fd] != NULL;
}

int nd__io_flush(nd_loop_t *loop) {
  struct nd__queue failed;
  struct nd__queue *it;
  nd__io_t *w;
  int nfailed = 0;

  int err;

  nd__queue_init(&failed);
  while (!nd__queue_empty(&loop->watcher_queue)) {
    it = nd__queue_head(&loop->watcher_queue);
    nd__queue_remove(it);
    w = nd__container_of(it, nd__io_t, watcher_queue);
    if (w->events == w->registered)
      continue;
    err = loop->backend->watch(loop, w);
    if (err != 0) {
      w->err = err;
      nd__queue_insert_tail(&failed, it);
    }
  }

  /*
   * The kernel refused these.  Stop them and report ND__POLLERR alone, with
   * the reason in w->err; the owner is told in this poll phase.
   */
  while (!nd__queue_empty(&failed)) {
    it = nd__queue_head(&failed);
    nd__queue_remove(it);
    w = nd__container_of(it, nd__io_t, watcher_queue);
    nd__io_close(loop, w);
    nfailed++;
    w->cb(loop, w, ND__POLLERR);
  }
  return nfailed;
}

nd__io_t *nd__io_lookup(const nd_loop_t *loop, int fd) {
  if (fd < 0 || (unsigned int)fd >= loop->nwatchers)
    return NULL;
  return loop->watchers[fd];
}

void nd__io_dispatch(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  /*
   * An error or hang-up is reported as whatever the owner waits for, so its
   * next read or write fails with the real error.
   */
  if (events & (ND__POLLERR | ND__POLLHUP))
    events |= w->events & (ND__POLLIN | ND__POLLOUT | ND__POLLPRI);
  if (events & (ND__POLLERR | ND__POLLHUP))
    events |= w->events & ND__POLLRDHUP;
  events &= w->events | ND__POLLERR | ND__POLLHUP;
  if (events != 0) {
    loop->events++;
    w->cb(loop, w, events);
  }
}

/*
 * Can the kernel poll this descriptor?  Files without a poll method
 * (regular files, /dev/null, ...) are always "ready", which makes watching
 * them a busy loop; epoll refuses them with EPERM, io_uring would not.  Ask
 * a private epoll instance, shared by every loop of the process: one
 * ADD/DEL pair, at init time only.
 */
static int probe_epfd = -1;

static int probe_fd(void) {
  int fd = __atomic_load_n(&probe_epfd, __ATOMIC_ACQUIRE);
  int expected = -1;

  if (fd >= 0)
    return fd;
  /* Made on first use; a failure (EMFILE) is retried next time. */
  fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0)
    return -errno;
  if (!__atomic_compare_exchange_n(&probe_epfd, &expected, fd, 0,
                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    nd__close_nocancel(fd); /* another thread won */
    fd = expected;
  }
  return fd;
}

int nd__fd_pollable(int fd) {
  struct epoll_event e;
  int epfd = probe_fd();

  if (epfd < 0)
    return epfd;
  memset(&e, 0, sizeof(e));
  e.events = EPOLLIN;
  if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &e) != 0) {
    /* Another thread (or a forked twin) is probing the same fd now. */
    if (errno == EEXIST)
      return 0;
    return -errno;
  }
  epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &e);
  return 0;
}

int nd__cloexec_eventfd(void) {
  int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

  return fd < 0 ? -errno : fd;
}

void nd__eventfd_signal(int fd) {
  uint64_t one = 1;
  ssize_t r;

  /* EAGAIN means the counter is already non-zero: the reader will wake. */
  do
    r = write(fd, &one, sizeof(one));
  while (r == -1 && errno == EINTR);
}

void nd__eventfd_drain(int fd) {
  uint64_t count;
  ssize_t r;

  do
    r = read(fd, &count, sizeof(count));
  while (r == -1 && errno == EINTR);
}

int nd__set_nonblock(int fd, int on) {
  int flags;
  int r;

  do
    flags = fcntl(fd, F_GETFL);
  while (flags == -1 && errno == EINTR);
  if (flags == -1)
    return -errno;
  if (!!(flags & O_NONBLOCK) == !!on)
    return 0;
  flags = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
  do
    r = fcntl(fd, F_SETFL, flags);
  while (r == -1 && errno == EINTR);
  return r == -1 ? -errno : 0;
}

/*
 * close(2) may report EINTR after the descriptor is already gone on Linux;
 * retrying could close a descriptor another thread just opened.  Close once
 * and treat EINTR/EINPROGRESS as success.
 */
int nd__close_nocancel(int fd) {
  int r = (int)syscall(SYS_close, fd);

  if (r == -1 && (errno == EINTR || errno == EINPROGRESS))
    return 0;
  return r == -1 ? -errno : 0;
}
