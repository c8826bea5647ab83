/*
 * watcher.c - idle, prepare and check watchers.
 *
 * The three differ only in the phase that runs them, so one template makes
 * all three.  Each phase runs the watchers active when it starts; a watcher
 * started by one of those callbacks waits for the next iteration, and one
 * stopped by them does not run.
 */
#include "internal.h"

#define ND__WATCHER_DEFINE(name, type)                                       \
  int nd_##name##_init(nd_loop_t *loop, nd_##name##_t *handle) {             \
    nd__handle_init(loop, (nd_handle_t *)handle, type);                      \
    handle->name##_cb = NULL;                                                \
    nd__queue_init(&handle->queue);                                          \
    return 0;                                                                \
  }                                                                          \
                                                                             \
  int nd_##name##_start(nd_##name##_t *handle, nd_##name##_cb cb) {          \
    if (cb == NULL || nd_is_closing((nd_handle_t *)handle))                  \
      return ND_EINVAL;                                                      \
    if (nd__handle_is_active((nd_handle_t *)handle))                         \
      return 0;                                                              \
    handle->name##_cb = cb;                                                  \
    nd__queue_insert_tail(&handle->loop->name##_handles, &handle->queue);    \
    nd__handle_start((nd_handle_t *)handle);                                 \
    return 0;                                                                \
  }                                                                          \
                                                                             \
  int nd_##name##_stop(nd_##name##_t *handle) {                              \
    if (!nd__handle_is_active((nd_handle_t *)handle))                        \
      return 0;                                                              \
    nd__queue_remove(&handle->queue);                                        \
    nd__handle_stop((nd_handle_t *)handle);                                  \
    return 0;                                                                \
  }                                                                          \
                                                                             \
  void nd__##name##_close(nd_##name##_t *handle) {                           \
    nd_##name##_stop(handle);                                                \
  }                                                                          \
                                                                             \
  void nd__run_##name(nd_loop_t *loop) {                                     \
    struct nd__queue q;                                                      \
    struct nd__queue *it;                                                    \
    nd_##name##_t *h;                                                        \
                                                                             \
    nd__queue_move(&loop->name##_handles, &q);                               \
    while (!nd__queue_empty(&q)) {                                           \
      it = nd__queue_head(&q);                                               \
      nd__queue_remove(it);                                                  \
      nd__queue_insert_tail(&loop->name##_handles, it);                      \
      h = nd__container_of(it, nd_##name##_t, queue);                        \
      h->name##_cb(h);                                                       \
    }                                                                        \
  }

ND__WATCHER_DEFINE(idle, ND_IDLE)
ND__WATCHER_DEFINE(prepare, ND_PREPARE)
ND__WATCHER_DEFINE(check, ND_CHECK)
