/* nodec/async.h - async handles: wake a loop from any thread. */
#ifndef NODEC_ASYNC_H
#define NODEC_ASYNC_H

#include "loop.h"

typedef void (*nd_async_cb)(nd_async_t *handle);

struct nd_async_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_async_cb async_cb;
  nd_async_t *next_pending;       /* link on the loop's pending stack */
  unsigned int pending;           /* 0 idle, 1 queued, 2 closed */
};

ND_EXTERN int nd_async_init(nd_loop_t *loop, nd_async_t *async,
                            nd_async_cb async_cb);
ND_EXTERN int nd_async_send(nd_async_t *async);

#endif
