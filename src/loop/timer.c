/*
 * timer.c - timers on an intrusive min-heap of deadline groups.
 *
 * Programs start timers in bursts with the same duration (a server arms one
 * timeout per request, Node arms setTimeout(fn, 100) in a loop), so many
 * timers share a deadline.  The heap holds one node per group of equal
 * deadlines; the rest of a group hangs off its head in start order.  A small
 * table remembers, per deadline hash, the group that was created last, and a
 * timer whose deadline matches it joins that group in O(1).  Other starts
 * and the removal of a group's last timer are O(log groups).
 *
 * Order: (deadline, start sequence).  A group only ever grows while it is
 * the newest group for its deadline, so every timer of an older group with
 * the same deadline started before every timer of a newer one.  Hence
 * promoting the next member when a head leaves keeps the heap ordered.
 */
#include <limits.h>

#include "heap.h"
#include "internal.h"

/* The timer heads a group and is linked into the heap. */
#define ND__TIMER_HEAD (1u << ND__HANDLE_TYPE_SHIFT)

#define ND__TIMER_SLOTS (sizeof(((nd_loop_t *)0)->timer_slots) /              \
                         sizeof(((nd_loop_t *)0)->timer_slots[0]))

static int timer_less(const struct nd__heap_node *a,
                      const struct nd__heap_node *b) {
  const nd_timer_t *ta = nd__container_of(a, nd_timer_t, heap_node);
  const nd_timer_t *tb = nd__container_of(b, nd_timer_t, heap_node);

  if (ta->timeout != tb->timeout)
    return ta->timeout < tb->timeout;
  return ta->start_id < tb->start_id;
}

static nd_timer_t **timer_slot(nd_loop_t *loop, uint64_t deadline) {
  return &loop->timer_slots[deadline % ND__TIMER_SLOTS];
}

static void timer_link(nd_loop_t *loop, nd_timer_t *t) {
  nd_timer_t **slot = timer_slot(loop, t->timeout);
  nd_timer_t *head = *slot;

  if (head != NULL && head->timeout == t->timeout) {
    nd__queue_insert_tail(&head->group, &t->group);
    return;
  }
  nd__queue_init(&t->group);
  t->flags |= ND__TIMER_HEAD;
  nd__heap_insert(&loop->timer_heap, &t->heap_node, timer_less);
  *slot = t;
}

static void timer_unlink(nd_loop_t *loop, nd_timer_t *t) {
  nd_timer_t **slot;
  nd_timer_t *next;

  if (!(t->flags & ND__TIMER_HEAD)) {
    nd__queue_remove(&t->group);
    return;
  }
  t->flags &= ~ND__TIMER_HEAD;
  slot = timer_slot(loop, t->timeout);

  if (nd__queue_empty(&t->group)) {
    nd__heap_remove(&loop->timer_heap, &t->heap_node, timer_less);
    if (*slot == t)
      *slot = NULL;
    return;
  }

  next = nd__container_of(t->group.next, nd_timer_t, group);
  nd__queue_remove(&t->group);
  next->flags |= ND__TIMER_HEAD;
  nd__heap_replace(&loop->timer_heap, &t->heap_node, &next->heap_node);
  if (*slot == t)
    *slot = next;
}

int nd_timer_init(nd_loop_t *loop, nd_timer_t *handle) {
  nd__handle_init(loop, (nd_handle_t *)handle, ND_TIMER);
  handle->timer_cb = NULL;
  handle->timeout = 0;
  handle->repeat = 0;
  handle->start_id = 0;
  return 0;
}

int nd_timer_start(nd_timer_t *handle, nd_timer_cb cb, uint64_t timeout,
                   uint64_t repeat) {
  nd_loop_t *loop = handle->loop;
  uint64_t deadline;

  if (cb == NULL || nd_is_closing((nd_handle_t *)handle))
    return ND_EINVAL;

  if (nd__handle_is_active((nd_handle_t *)handle))
    timer_unlink(loop, handle);

  deadline = loop->time + timeout;
  if (deadline < timeout)
    deadline = UINT64_MAX;

  handle->timer_cb = cb;
  handle->timeout = deadline;
  handle->repeat = repeat;
  handle->start_id = loop->timer_counter++;
  timer_link(loop, handle);
  nd__handle_start((nd_handle_t *)handle);
  return 0;
}

int nd_timer_stop(nd_timer_t *handle) {
  if (!nd__handle_is_active((nd_handle_t *)handle))
    return 0;
  timer_unlink(handle->loop, handle);
  nd__handle_stop((nd_handle_t *)handle);
  return 0;
}

int nd_timer_again(nd_timer_t *handle) {
  if (handle->timer_cb == NULL)
    return ND_EINVAL;
  if (handle->repeat != 0) {
    nd_timer_stop(handle);
    return nd_timer_start(handle, handle->timer_cb, handle->repeat,
                          handle->repeat);
  }
  return 0;
}

void nd_timer_set_repeat(nd_timer_t *handle, uint64_t repeat) {
  handle->repeat = repeat;
}

uint64_t nd_timer_get_repeat(const nd_timer_t *handle) {
  return handle->repeat;
}

uint64_t nd_timer_get_due_in(const nd_timer_t *handle) {
  if (!nd__handle_is_active((const nd_handle_t *)handle) ||
      handle->timeout <= handle->loop->time)
    return 0;
  return handle->timeout - handle->loop->time;
}

void nd__timer_close(nd_timer_t *handle) {
  nd_timer_stop(handle);
}

int nd__next_timeout(const nd_loop_t *loop) {
  const struct nd__heap_node *node = nd__heap_min(&loop->timer_heap);
  const nd_timer_t *t;
  uint64_t diff;

  if (node == NULL)
    return -1;
  t = nd__container_of(node, nd_timer_t, heap_node);
  if (t->timeout <= loop->time)
    return 0;
  diff = t->timeout - loop->time;
  return diff > INT_MAX ? INT_MAX : (int)diff;
}

/*
 * Run every due timer.  A timer started during this phase (from a callback,
 * or a repeating timer re-armed) waits for the next iteration even when it
 * is already due, so a zero timeout cannot keep this phase spinning.
 */
void nd__run_timers(nd_loop_t *loop) {
  uint64_t limit = loop->timer_counter;
  struct nd__heap_node *node;
  nd_timer_t *t;

  for (;;) {
    node = nd__heap_min(&loop->timer_heap);
    if (node == NULL)
      break;
    t = nd__container_of(node, nd_timer_t, heap_node);
    if (t->timeout > loop->time || t->start_id >= limit)
      break;

    timer_unlink(loop, t);
    nd__handle_stop((nd_handle_t *)t);
    if (t->repeat != 0)
      nd_timer_start(t, t->timer_cb, t->repeat, t->repeat);
    t->timer_cb(t);
  }
}
