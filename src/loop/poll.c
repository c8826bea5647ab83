/*
 * poll.c - poll handles: tell the user when a descriptor it owns is ready.
 */
#include <sys/stat.h>

#include "internal.h"

#define ND__POLL_EVENTS                                                      \
  (ND_READABLE | ND_WRITABLE | ND_DISCONNECT | ND_PRIORITIZED)

static void poll_io(nd_loop_t *loop, nd__io_t *w, unsigned int events) {
  nd_poll_t *handle = nd__container_of(w, nd_poll_t, io_watcher);
  int pevents = 0;
  int err;

  (void)loop;
  if (events == ND__POLLERR && w->err != 0) {
    /* The backend refused the descriptor; the watcher is already gone. */
    err = w->err;
    w->err = 0;
    nd__handle_stop((nd_handle_t *)handle);
    handle->poll_cb(handle, err, 0);
    return;
  }
  if (events & ND__POLLIN)
    pevents |= ND_READABLE;
  if (events & ND__POLLOUT)
    pevents |= ND_WRITABLE;
  if (events & ND__POLLRDHUP)
    pevents |= ND_DISCONNECT;
  if (events & ND__POLLPRI)
    pevents |= ND_PRIORITIZED;
  if (pevents != 0)
    handle->poll_cb(handle, 0, pevents);
}

int nd_poll_init(nd_loop_t *loop, nd_poll_t *handle, int fd) {
  struct stat st;
  int err;

  if (fstat(fd, &st) != 0)
    return -errno;
  /* Files and directories are always "ready"; polling them is a mistake. */
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
    return ND_EPERM;
  if (nd__fd_watched(loop, fd))
    return ND_EEXIST;
  /* Nor can the kernel poll every other kind of file (/dev/null). */
  err = nd__fd_pollable(fd);
  if (err != 0)
    return err;
  err = nd__set_nonblock(fd, 1);
  if (err != 0)
    return err;

  nd__handle_init(loop, (nd_handle_t *)handle, ND_POLL);
  nd__io_init(&handle->io_watcher, poll_io, fd);
  handle->poll_cb = NULL;
  return 0;
}

int nd_poll_init_socket(nd_loop_t *loop, nd_poll_t *handle, int socket) {
  return nd_poll_init(loop, handle, socket);
}

static unsigned int to_io_events(int events) {
  unsigned int e = 0;

  if (events & ND_READABLE)
    e |= ND__POLLIN;
  if (events & ND_WRITABLE)
    e |= ND__POLLOUT;
  if (events & ND_DISCONNECT)
    e |= ND__POLLRDHUP;
  if (events & ND_PRIORITIZED)
    e |= ND__POLLPRI;
  return e;
}

int nd_poll_start(nd_poll_t *handle, int events, nd_poll_cb cb) {
  nd__io_t *w = &handle->io_watcher;
  unsigned int want;
  int err;

  if ((events & ~ND__POLL_EVENTS) != 0 || cb == NULL ||
      nd_is_closing((nd_handle_t *)handle))
    return ND_EINVAL;

  want = to_io_events(events);
  nd__io_stop(handle->loop, w, ~want);
  if (want == 0) {
    nd__handle_stop((nd_handle_t *)handle);
    return 0;
  }
  err = nd__io_start(handle->loop, w, want);
  if (err != 0)
    return err;
  handle->poll_cb = cb;
  nd__handle_start((nd_handle_t *)handle);
  return 0;
}

int nd_poll_stop(nd_poll_t *handle) {
  nd__io_stop(handle->loop, &handle->io_watcher, ~0u);
  nd__handle_stop((nd_handle_t *)handle);
  return 0;
}

void nd__poll_close(nd_poll_t *handle) {
  nd__io_close(handle->loop, &handle->io_watcher);
}
