/*
 * fileno.c - nd_fileno: the descriptor under a handle, for the handle
 * types that have one (streams, UDP, poll).
 */
#include "loop/internal.h"

int nd_fileno(const nd_handle_t *handle, nd_os_fd_t *fd) {
  const nd__io_t *w;

  if (handle == NULL || fd == NULL)
    return ND_EINVAL;
  switch (handle->type) {
  case ND_TCP:
  case ND_NAMED_PIPE:
  case ND_TTY:
    w = &((const nd_stream_t *)handle)->io_watcher;
    break;
  case ND_UDP:
    w = &((const nd_udp_t *)handle)->io_watcher;
    break;
  case ND_POLL:
    w = &((const nd_poll_t *)handle)->io_watcher;
    break;
  default:
    return ND_EINVAL;
  }
  if ((handle->flags & (ND__HANDLE_CLOSING | ND__HANDLE_CLOSED)) ||
      w->fd < 0)
    return ND_EBADF;
  *fd = w->fd;
  return 0;
}
