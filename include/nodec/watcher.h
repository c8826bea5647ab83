/* nodec/watcher.h - idle, prepare and check watchers. */
#ifndef NODEC_WATCHER_H
#define NODEC_WATCHER_H

#include "loop.h"

typedef void (*nd_idle_cb)(nd_idle_t *handle);
typedef void (*nd_prepare_cb)(nd_prepare_t *handle);
typedef void (*nd_check_cb)(nd_check_t *handle);

struct nd_idle_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_idle_cb idle_cb;
  struct nd__queue queue;
};

struct nd_prepare_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_prepare_cb prepare_cb;
  struct nd__queue queue;
};

struct nd_check_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_check_cb check_cb;
  struct nd__queue queue;
};

ND_EXTERN int nd_idle_init(nd_loop_t *loop, nd_idle_t *idle);
ND_EXTERN int nd_idle_start(nd_idle_t *idle, nd_idle_cb cb);
ND_EXTERN int nd_idle_stop(nd_idle_t *idle);

ND_EXTERN int nd_prepare_init(nd_loop_t *loop, nd_prepare_t *prepare);
ND_EXTERN int nd_prepare_start(nd_prepare_t *prepare, nd_prepare_cb cb);
ND_EXTERN int nd_prepare_stop(nd_prepare_t *prepare);

ND_EXTERN int nd_check_init(nd_loop_t *loop, nd_check_t *check);
ND_EXTERN int nd_check_start(nd_check_t *check, nd_check_cb cb);
ND_EXTERN int nd_check_stop(nd_check_t *check);

#endif
