/*
 * async.c - async handles: any thread wakes the loop and a callback runs
 * on the loop thread.
 *
 * A send moves the handle's `pending` word from 0 to 1 and pushes the handle
 * on the loop's lock-free stack; only the push that finds the stack empty
 * writes the loop's eventfd.  Sends to a handle that is already queued
 * coalesce.  The loop takes the whole stack with one exchange, so a wakeup
 * costs O(handles sent to), never a scan of every async handle.
 *
 * The stack is pushed by many threads and emptied only by the loop thread
 * with an exchange, so it has no ABA problem.  `pending` is 2 once the handle
 * is closed; sends then do nothing.
 */
#include <sched.h>

#include "internal.h"

enum { ASYNC_IDLE = 0, ASYNC_QUEUED = 1, ASYNC_CLOSED = 2 };

int nd_async_init(nd_loop_t *loop, nd_async_t *handle, nd_async_cb async_cb) {
  nd__handle_init(loop, (nd_handle_t *)handle, ND_ASYNC);
  handle->async_cb = async_cb;
  handle->next_pending = NULL;
  handle->pending = ASYNC_IDLE;
  nd__handle_start((nd_handle_t *)handle);
  return 0;
}

int nd_async_send(nd_async_t *handle) {
  nd_loop_t *loop;
  nd_async_t *head;
  unsigned int idle = ASYNC_IDLE;

  /*
   * The fence orders the caller's writes before the read of `pending`:
   * if that read sees a queued handle, the callback that will run clears
   * `pending` later and so sees those writes (it fences after clearing).
   */
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  if (__atomic_load_n(&handle->pending, __ATOMIC_RELAXED) != ASYNC_IDLE)
    return 0;
  if (!__atomic_compare_exchange_n(&handle->pending, &idle, ASYNC_QUEUED, 0,
                                   __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
    return 0;

  loop = handle->loop;
  head = __atomic_load_n(&loop->async_stack, __ATOMIC_RELAXED);
  do
    handle->next_pending = head;
  while (!__atomic_compare_exchange_n(&loop->async_stack, &head, handle, 1,
                                      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
  if (head == NULL)
    nd__loop_wakeup(loop);
  return 0;
}

/* Take the stack and append it, oldest first, to the loop's ready list. */
static void take_stack(nd_loop_t *loop) {
  nd_async_t *list;
  nd_async_t *reversed = NULL;
  nd_async_t *next;
  nd_async_t **tail;

  list = __atomic_exchange_n(&loop->async_stack, NULL, __ATOMIC_ACQUIRE);
  while (list != NULL) {
    next = list->next_pending;
    list->next_pending = reversed;
    reversed = list;
    list = next;
  }
  tail = &loop->async_ready;
  while (*tail != NULL)
    tail = &(*tail)->next_pending;
  *tail = reversed;
}

void nd__async_dispatch(nd_loop_t *loop) {
  nd_async_t *h;
  unsigned int queued;

  take_stack(loop);
  /*
   * Handles stay on loop->async_ready until their turn, where a close from
   * an earlier callback can find and unlink them.
   */
  while ((h = loop->async_ready) != NULL) {
    loop->async_ready = h->next_pending;
    h->next_pending = NULL;
    queued = ASYNC_QUEUED;
    if (!__atomic_compare_exchange_n(&h->pending, &queued, ASYNC_IDLE, 0,
                                     __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
      continue; /* closed */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (h->async_cb != NULL)
      h->async_cb(h);
  }
}

static int unlink_ready(nd_loop_t *loop, nd_async_t *handle) {
  nd_async_t **it;

  for (it = &loop->async_ready; *it != NULL; it = &(*it)->next_pending) {
    if (*it == handle) {
      *it = handle->next_pending;
      handle->next_pending = NULL;
      return 1;
    }
  }
  return 0;
}

/*
 * After close returns, no list of the loop may hold the handle, since its
 * memory is the caller's once the close callback runs.  A queued handle is
 * on the ready list, on the stack, or about to be pushed by a sender that
 * has already won the 0 -> 1 exchange; wait out that last push (a few
 * instructions) by taking the stack until the handle shows up.
 */
void nd__async_close(nd_async_t *handle) {
  nd_loop_t *loop = handle->loop;
  unsigned int spins = 0;
  unsigned int old;

  old = __atomic_exchange_n(&handle->pending, ASYNC_CLOSED, __ATOMIC_SEQ_CST);
  if (old != ASYNC_QUEUED)
    return;

  while (!unlink_ready(loop, handle)) {
    if (__atomic_load_n(&loop->async_stack, __ATOMIC_ACQUIRE) == NULL) {
      /* A sender preempted mid-push needs the CPU more than we do. */
      if (++spins % 1024 == 0)
        sched_yield();
      else
        nd__cpu_relax();
      continue;
    }
    take_stack(loop);
    /* The others taken along must still be dispatched: wake ourselves. */
    nd__loop_wakeup(loop);
  }
}
