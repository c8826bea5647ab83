/* nodec/poll.h - descriptor readiness watchers. */
#ifndef NODEC_POLL_H
#define NODEC_POLL_H

#include "loop.h"

enum nd_poll_event {
  ND_READABLE = 1,
  ND_WRITABLE = 2,
  ND_DISCONNECT = 4,
  ND_PRIORITIZED = 8
};

typedef void (*nd_poll_cb)(nd_poll_t *handle, int status, int events);

struct nd_poll_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_poll_cb poll_cb;
  nd__io_t io_watcher;
};

ND_EXTERN int nd_poll_init(nd_loop_t *loop, nd_poll_t *handle, int fd);
ND_EXTERN int nd_poll_init_socket(nd_loop_t *loop, nd_poll_t *handle,
                                  int socket);
ND_EXTERN int nd_poll_start(nd_poll_t *handle, int events, nd_poll_cb cb);
ND_EXTERN int nd_poll_stop(nd_poll_t *handle);

#endif
