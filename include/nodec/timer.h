/* nodec/timer.h - timers. */
#ifndef NODEC_TIMER_H
#define NODEC_TIMER_H

#include "loop.h"

typedef void (*nd_timer_cb)(nd_timer_t *handle);

struct nd_timer_s {
  ND_HANDLE_FIELDS
  /* private */
  nd_timer_cb timer_cb;
  uint64_t timeout;               /* absolute deadline on the loop clock */
  uint64_t repeat;
  uint64_t start_id;              /* start order: ties fire first-started first */
  struct nd__heap_node heap_node; /* set while the timer heads a group */
  struct nd__queue group;         /* timers sharing this deadline, in order */
};

ND_EXTERN int nd_timer_init(nd_loop_t *loop, nd_timer_t *handle);
ND_EXTERN int nd_timer_start(nd_timer_t *handle, nd_timer_cb cb,
                             uint64_t timeout, uint64_t repeat);
ND_EXTERN int nd_timer_stop(nd_timer_t *handle);
ND_EXTERN int nd_timer_again(nd_timer_t *handle);
ND_EXTERN void nd_timer_set_repeat(nd_timer_t *handle, uint64_t repeat);
ND_EXTERN uint64_t nd_timer_get_repeat(const nd_timer_t *handle);
ND_EXTERN uint64_t nd_timer_get_due_in(const nd_timer_t *handle);

#endif
