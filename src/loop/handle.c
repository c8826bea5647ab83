/*
 * handle.c - what every handle and request shares: lifetime, references,
 * names, and walking a loop's handles.
 */
#include <stdlib.h>

#include "internal.h"

void nd__handle_init(nd_loop_t *loop, nd_handle_t *h, nd_handle_type type) {
  h->loop = loop;
  h->type = type;
  h->flags = ND__HANDLE_REF;
  h->close_cb = NULL;
  nd__queue_insert_tail(&loop->handle_queue, &h->handle_queue);
}

static void (*close_hooks[ND_HANDLE_TYPE_MAX])(nd_handle_t *h);

void nd__handle_set_close_hook(nd_handle_type type,
                               void (*hook)(nd_handle_t *h)) {
  /* Every registration of a type stores the same function: no lock. */
  __atomic_store_n(&close_hooks[type], hook, __ATOMIC_RELAXED);
}

/*
 * A closing handle moves to the closing queue, where walk still sees it.
 * The last closed is the first called back, as in libuv: Node programs
 * observe that order through their 'close' events.
 */
static void queue_for_close(nd_handle_t *h) {
  nd__queue_remove(&h->handle_queue);
  nd__queue_insert_head(&h->loop->closing_queue, &h->handle_queue);
}

/*
 * Stop the handle now and run close_cb in this iteration's closing phase
 * (or the next one's, when called from a close callback).  A second call is
 * ignored: the first close callback is the one that runs.
 */
void nd_close(nd_handle_t *h, nd_close_cb close_cb) {
  if (h->flags & (ND__HANDLE_CLOSING | ND__HANDLE_CLOSED))
    return;
  h->flags |= ND__HANDLE_CLOSING;
  h->close_cb = close_cb;

  switch (h->type) {
  case ND_TIMER:
    nd__timer_close((nd_timer_t *)h);
    break;
  case ND_IDLE:
    nd__idle_close((nd_idle_t *)h);
    break;
  case ND_PREPARE:
    nd__prepare_close((nd_prepare_t *)h);
    break;
  case ND_CHECK:
    nd__check_close((nd_check_t *)h);
    break;
  case ND_ASYNC:
    nd__async_close((nd_async_t *)h);
    break;
  case ND_SIGNAL:
    nd__signal_close((nd_signal_t *)h);
    break;
  case ND_POLL:
    nd__poll_close((nd_poll_t *)h);
    break;
  default:
    /* Handle types of the subsystems above the core register their own. */
    if ((unsigned int)h->type < ND_HANDLE_TYPE_MAX &&
        close_hooks[h->type] != NULL)
      close_hooks[h->type](h);
    break;
  }
  nd__handle_stop(h);
  if (!(h->flags & ND__HANDLE_CLOSE_HELD))
    queue_for_close(h);
}

/* A held close keeps the loop alive, as a close in the closing queue does. */
void nd__handle_close_hold(nd_handle_t *h) {
  if (h->flags & ND__HANDLE_CLOSE_HELD)
    return;
  h->flags |= ND__HANDLE_CLOSE_HELD;
  h->loop->active_reqs++;
}

void nd__handle_close_release(nd_handle_t *h) {
  if (!(h->flags & ND__HANDLE_CLOSE_HELD))
    return;
  h->flags &= ~ND__HANDLE_CLOSE_HELD;
  h->loop->active_reqs--;
  if (h->flags & ND__HANDLE_CLOSING)
    queue_for_close(h);
}

void nd_ref(nd_handle_t *h) {
  if (h->flags & ND__HANDLE_REF)
    return;
  h->flags |= ND__HANDLE_REF;
  if (h->flags & ND__HANDLE_ACTIVE)
    h->loop->active_handles++;
}

void nd_unref(nd_handle_t *h) {
  if (!(h->flags & ND__HANDLE_REF))
    return;
  h->flags &= ~ND__HANDLE_REF;
  if (h->flags & ND__HANDLE_ACTIVE)
    h->loop->active_handles--;
}

int nd_has_ref(const nd_handle_t *h) {
  return (h->flags & ND__HANDLE_REF) != 0;
}

int nd_is_active(const nd_handle_t *h) {
  return (h->flags & ND__HANDLE_ACTIVE) != 0;
}

int nd_is_closing(const nd_handle_t *h) {
  return (h->flags & (ND__HANDLE_CLOSING | ND__HANDLE_CLOSED)) != 0;
}

/*
 * Visit the handles of one queue.  Each handle goes back onto the loop's
 * queue before its callback runs, so the callback may close it or any other
 * handle; handles created meanwhile are not visited.
 */
static void walk_queue(struct nd__queue *queue, nd_walk_cb cb, void *arg) {
  struct nd__queue q;
  struct nd__queue *it;
  nd_handle_t *h;

  nd__queue_move(queue, &q);
  while (!nd__queue_empty(&q)) {
    it = nd__queue_head(&q);
    nd__queue_remove(it);
    nd__queue_insert_tail(queue, it);
    h = nd__container_of(it, nd_handle_t, handle_queue);
    if (!(h->flags & ND__HANDLE_INTERNAL))
      cb(h, arg);
  }
}

/*
 * Closing handles first: a handle the callback closes moves to the closing
 * queue, which has then been walked already, so no handle is seen twice.
 */
void nd_walk(nd_loop_t *loop, nd_walk_cb walk_cb, void *arg) {
  walk_queue(&loop->closing_queue, walk_cb, arg);
  walk_queue(&loop->handle_queue, walk_cb, arg);
}

size_t nd_handle_size(nd_handle_type type) {
  switch (type) {
  case ND_ASYNC:
    return sizeof(nd_async_t);
  case ND_CHECK:
    return sizeof(nd_check_t);
  case ND_HANDLE:
    return sizeof(nd_handle_t);
  case ND_IDLE:
    return sizeof(nd_idle_t);
  case ND_POLL:
    return sizeof(nd_poll_t);
  case ND_PREPARE:
    return sizeof(nd_prepare_t);
  case ND_TIMER:
    return sizeof(nd_timer_t);
  case ND_SIGNAL:
    return sizeof(nd_signal_t);
  case ND_FS_EVENT:
    return sizeof(nd_fs_event_t);
  case ND_FS_POLL:
    return sizeof(nd_fs_poll_t);
  case ND_STREAM:
    return sizeof(nd_stream_t);
  case ND_TCP:
    return sizeof(nd_tcp_t);
  case ND_TTY:
    return sizeof(nd_tty_t);
  case ND_UDP:
    return sizeof(nd_udp_t);
  case ND_NAMED_PIPE:
    return sizeof(nd_pipe_t);
  case ND_TLS:
    return sizeof(nd_tls_t);
  default:
    return (size_t)-1;
  }
}

nd_handle_type nd_handle_get_type(const nd_handle_t *h) {
  return h->type;
}

const char *nd_handle_type_name(nd_handle_type type) {
  switch (type) {
#define ND__HANDLE_NAME(uc, lc)                                              \
  case ND_##uc:                                                              \
    return #lc;
    ND_HANDLE_TYPE_MAP(ND__HANDLE_NAME)
#undef ND__HANDLE_NAME
  case ND_FILE:
    return "file";
  case ND_TLS:
    return "tls";
  default:
    return NULL;
  }
}

void *nd_handle_get_data(const nd_handle_t *h) {
  return h->data;
}

void nd_handle_set_data(nd_handle_t *h, void *data) {
  h->data = data;
}

nd_loop_t *nd_handle_get_loop(const nd_handle_t *h) {
  return h->loop;
}

size_t nd_req_size(nd_req_type type) {
  switch (type) {
  case ND_REQ:
    return sizeof(nd_req_t);
  case ND_WORK:
    return sizeof(nd_work_t);
  case ND_FS:
    return sizeof(nd_fs_t);
  case ND_CONNECT:
    return sizeof(nd_connect_t);
  case ND_WRITE:
    return sizeof(nd_write_t);
  case ND_SHUTDOWN:
    return sizeof(nd_shutdown_t);
  case ND_UDP_SEND:
    return sizeof(nd_udp_send_t);
  case ND_GETADDRINFO:
    return sizeof(nd_getaddrinfo_t);
  case ND_GETNAMEINFO:
    return sizeof(nd_getnameinfo_t);
  default:
    return (size_t)-1;
  }
}

nd_req_type nd_req_get_type(const nd_req_t *req) {
  return req->type;
}

const char *nd_req_type_name(nd_req_type type) {
  switch (type) {
#define ND__REQ_NAME(uc, lc)                                                 \
  case ND_##uc:                                                              \
    return #lc;
    ND_REQ_TYPE_MAP(ND__REQ_NAME)
#undef ND__REQ_NAME
  default:
    return NULL;
  }
}

/* Each request type that can be cancelled sets req->cancel when started. */
int nd_cancel(nd_req_t *req) {
  if (req == NULL || req->cancel == NULL)
    return ND_EINVAL;
  return req->cancel(req);
}

void *nd_req_get_data(const nd_req_t *req) {
  return req->data;
}

void nd_req_set_data(nd_req_t *req, void *data) {
  req->data = data;
}
