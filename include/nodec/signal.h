/* nodec/signal.h - signal handles. */
#ifndef NODEC_SIGNAL_H
#define NODEC_SIGNAL_H

#include "loop.h"

typedef void (*nd_signal_cb)(nd_signal_t *handle, int signum);

struct nd_signal_s {
  ND_HANDLE_FIELDS
  /* read-only */
  int signum;
  /* private */
  nd_signal_cb signal_cb;
  struct nd__queue queue;         /* on loop->signal_handles while active */
  unsigned int caught;            /* deliveries not yet dispatched */
  int oneshot;
};

ND_EXTERN int nd_signal_init(nd_loop_t *loop, nd_signal_t *handle);
ND_EXTERN int nd_signal_start(nd_signal_t *handle, nd_signal_cb cb,
                              int signum);
ND_EXTERN int nd_signal_start_oneshot(nd_signal_t *handle, nd_signal_cb cb,
                                      int signum);
ND_EXTERN int nd_signal_stop(nd_signal_t *handle);

#endif
