/*
 * fs-poll.c - watch a path by calling stat(2) on it at an interval.
 *
 * For what inotify cannot see (network file systems, files on other hosts)
 * and for portable programs.  A handle owns an internal timer and one stat
 * request, both embedded in it: the timer starts a stat, the stat's
 * completion compares the result with the last one and arms the timer
 * again.  Only the handle counts as active; the timer is unreferenced and
 * hidden from nd_walk.
 *
 * A stat cannot be called back once started, so stop lets it finish and
 * ignores its result, and close holds the handle's close callback until
 * both the stat and the timer's close are done: after the close callback
 * nothing of the library points into the handle's memory.
 */
#include <stdlib.h>
#include <string.h>

#include "fs-internal.h"

/* Handle flags of this type (nd_handle_t.flags). */
enum {
  POLL_BUSY = 1u << ND__HANDLE_TYPE_SHIFT,              /* stat in flight */
  POLL_RESTAT = 1u << (ND__HANDLE_TYPE_SHIFT + 1),      /* ... and stale */
  POLL_TIMER_CLOSED = 1u << (ND__HANDLE_TYPE_SHIFT + 2) /* timer close ran */
};

static const nd_stat_t zero_stat;

static void fs_poll_close(nd_handle_t *handle);
static void stat_done(nd_fs_t *req);
static void timer_cb(nd_timer_t *timer);

static int is_closing(const nd_fs_poll_t *h) {
  return (h->flags & ND__HANDLE_CLOSING) != 0;
}

static int stat_start(nd_fs_poll_t *h) {
  int err;

  h->stat_start = nd_now(h->loop);
  err = nd_fs_stat(h->loop, &h->req, h->path, stat_done);
  if (err == 0)
    h->flags |= POLL_BUSY;
  return err;
}

/* The fields that tell a file changed; atime does not count. */
static int same_stat(const nd_stat_t *a, const nd_stat_t *b) {
  return a->st_size == b->st_size && a->st_mode == b->st_mode &&
         a->st_uid == b->st_uid && a->st_gid == b->st_gid &&
         a->st_ino == b->st_ino && a->st_dev == b->st_dev &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
         a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/*
 * Tell the user if something changed.  The first result is only
 * remembered, unless it is an error; an error is reported once until a
 * different one or a success replaces it.  As in libuv, prev is the last
 * successful stat (zeros if none) and an error's curr is all zeros.
 */
static void report(nd_fs_poll_t *h, int status, const nd_stat_t *curr) {
  nd_stat_t prev;

  if (status < 0) {
    if (h->last == status)
      return;
    h->last = status;
    h->poll_cb(h, status, &h->statbuf, &zero_stat);
    return;
  }
  prev = h->statbuf;
  h->statbuf = *curr;
  if (h->last == 0) {
    h->last = 1;
    return;
  }
  if (h->last < 0 || !same_stat(&prev, curr)) {
    h->last = 1;
    h->poll_cb(h, 0, &prev, &h->statbuf);
  }
}

/* The next stat on the interval's cadence, counted from the last start. */
static void arm_timer(nd_fs_poll_t *h) {
  uint64_t elapsed = nd_now(h->loop) - h->stat_start;

  nd_timer_start(&h->timer, timer_cb, h->interval - elapsed % h->interval, 0);
}

static void maybe_release(nd_fs_poll_t *h) {
  if ((h->flags & POLL_TIMER_CLOSED) && !(h->flags & POLL_BUSY))
    nd__handle_close_release((nd_handle_t *)h);
}

static void stat_done(nd_fs_t *req) {
  nd_fs_poll_t *h = nd__container_of(req, nd_fs_poll_t, req);
  int status = req->result < 0 ? (int)req->result : 0;
  nd_stat_t curr = req->statbuf;
  int err;

  nd_fs_req_cleanup(req);
  h->flags &= ~POLL_BUSY;
  if (is_closing(h)) {
    maybe_release(h);
    return;
  }
  if (!nd__handle_is_active((nd_handle_t *)h))
    return;
  if (h->flags & POLL_RESTAT) {
    /* Stopped and started again while this one ran: it is stale. */
    h->flags &= ~POLL_RESTAT;
    err = stat_start(h);
    if (err == 0)
      return;
    status = err;
  }

  report(h, status, &curr);
  /* The callback may have stopped, closed or restarted the handle. */
  if (!nd__handle_is_active((nd_handle_t *)h) || (h->flags & POLL_BUSY))
    return;
  arm_timer(h);
}

static void timer_cb(nd_timer_t *timer) {
  nd_fs_poll_t *h = nd__container_of(timer, nd_fs_poll_t, timer);
  int err;

  err = stat_start(h);
  if (err == 0)
    return;
  /* Could not even start one (out of memory): say so, try again later. */
  report(h, err, &zero_stat);
  if (nd__handle_is_active((nd_handle_t *)h) && !(h->flags & POLL_BUSY))
    arm_timer(h);
}

int nd_fs_poll_init(nd_loop_t *loop, nd_fs_poll_t *handle) {
  if (loop == NULL || handle == NULL)
    return ND_EINVAL;
  nd__handle_set_close_hook(ND_FS_POLL, fs_poll_close);
  nd__handle_init(loop, (nd_handle_t *)handle, ND_FS_POLL);
  handle->poll_cb = NULL;
  handle->path = NULL;
  handle->interval = 1;
  handle->last = 0;
  handle->stat_start = 0;
  memset(&handle->statbuf, 0, sizeof(handle->statbuf));
  memset(&handle->req, 0, sizeof(handle->req));
  nd_timer_init(loop, &handle->timer);
  handle->timer.flags |= ND__HANDLE_INTERNAL;
  nd_unref((nd_handle_t *)&handle->timer);
  return 0;
}

int nd_fs_poll_start(nd_fs_poll_t *handle, nd_fs_poll_cb cb,
                     const char *path, unsigned int interval) {
  nd_fs_poll_t *h = handle;
  char *copy;
  int err;

  if (h == NULL || cb == NULL || path == NULL || is_closing(h))
    return ND_EINVAL;
  /* libuv's rule: starting an active handle changes nothing. */
  if (nd__handle_is_active((nd_handle_t *)h))
    return 0;
  copy = strdup(path);
  if (copy == NULL)
    return ND_ENOMEM;

  h->path = copy;
  h->poll_cb = cb;
  h->interval = interval != 0 ? interval : 1;
  h->last = 0;
  memset(&h->statbuf, 0, sizeof(h->statbuf));
  if (h->flags & POLL_BUSY) {
    /*
     * The previous start's stat has not come back; the next one follows
     * it.
     */
    h->flags |= POLL_RESTAT;
  } else {
    err = stat_start(h);
    if (err != 0) {
      free(h->path);
      h->path = NULL;
      return err;
    }
  }
  nd__handle_start((nd_handle_t *)h);
  return 0;
}

int nd_fs_poll_stop(nd_fs_poll_t *handle) {
  if (handle == NULL)
    return ND_EINVAL;
  if (!nd__handle_is_active((nd_handle_t *)handle))
    return 0;
  nd_timer_stop(&handle->timer);
  handle->flags &= ~POLL_RESTAT;
  free(handle->path);
  handle->path = NULL;
  nd__handle_stop((nd_handle_t *)handle);
  return 0;
}

static void timer_closed(nd_handle_t *timer) {
  nd_fs_poll_t *h = nd__container_of((nd_timer_t *)timer, nd_fs_poll_t, timer);

  h->flags |= POLL_TIMER_CLOSED;
  maybe_release(h);
}

static void fs_poll_close(nd_handle_t *handle) {
  nd_fs_poll_t *h = (nd_fs_poll_t *)handle;

  nd_fs_poll_stop(h);
  nd__handle_close_hold(handle);
  nd_close((nd_handle_t *)&h->timer, timer_closed);
}

int nd_fs_poll_getpath(nd_fs_poll_t *handle, char *buffer, size_t *size) {
  if (handle == NULL || size == NULL ||
      !nd__handle_is_active((nd_handle_t *)handle))
    return ND_EINVAL;
  return nd__fs_copy_path(handle->path, buffer, size);
}
