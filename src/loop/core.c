/*
 * core.c - the loop: initialisation, the phases of nd_run, the clock.
 *
 * One iteration: update time -> timers -> pending -> idle -> prepare ->
 * poll -> check -> closing.  That order is part of the API; Node's event
 * loop is built on it.
 */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "internal.h"

static nd_loop_t default_loop_struct;
static nd_loop_t *default_loop_ptr;

uint64_t nd_hrtime(void) {
  struct timespec ts;

  /* CLOCK_MONOTONIC never jumps with the wall clock; it cannot fail here. */
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t nd__hrtime_ms(void) {
  return nd_hrtime() / 1000000u;
}

int nd_loop_init(nd_loop_t *loop) {
  void *data;
  int err;

  if (loop == NULL)
    return ND_EINVAL;

  /* The user may set data before init, as with handles. */
  data = loop->data;
  memset(loop, 0, sizeof(*loop));
  loop->data = data;

  nd__queue_init(&loop->handle_queue);
  nd__queue_init(&loop->closing_queue);
  nd__queue_init(&loop->pending_queue);
  nd__queue_init(&loop->idle_handles);
  nd__queue_init(&loop->prepare_handles);
  nd__queue_init(&loop->check_handles);
  nd__queue_init(&loop->watcher_queue);
  nd__queue_init(&loop->signal_handles);
  loop->backend_fd = -1;
  loop->time = nd__hrtime_ms();

  loop->wakeup_fd = nd__cloexec_eventfd();
  if (loop->wakeup_fd < 0)
    return loop->wakeup_fd;

  err = nd__backend_select(loop);
  if (err != 0) {
    nd__close_nocancel(loop->wakeup_fd);
    loop->wakeup_fd = -1;
    return err;
  }
  return 0;
}

static int has_user_handles(const struct nd__queue *q) {
  const struct nd__queue *it;

  nd__queue_foreach(it, q) {
    const nd_handle_t *h = nd__container_of(it, nd_handle_t, handle_queue);
    if (!(h->flags & ND__HANDLE_INTERNAL))
      return 1;
  }
  return 0;
}

/*
 * What subsystems release when a loop closes (the process subsystem's
 * watchers of children nobody waits for), registered on their first use.
 */
static void (*close_hooks[8])(nd_loop_t *loop);
static pthread_mutex_t close_hooks_lock = PTHREAD_MUTEX_INITIALIZER;

void nd__loop_add_close_hook(void (*hook)(nd_loop_t *loop)) {
  size_t i;

  pthread_mutex_lock(&close_hooks_lock);
  for (i = 0; i < sizeof(close_hooks) / sizeof(close_hooks[0]); i++) {
    if (close_hooks[i] == hook)
      break;
    if (close_hooks[i] == NULL) {
      close_hooks[i] = hook;
      break;
    }
  }
  pthread_mutex_unlock(&close_hooks_lock);
}

/*
 * What subsystems check before a loop closes (the DNS subsystem: open
 * resolvers, lookups in flight), registered on their first use.
 */
static int (*close_checks[8])(nd_loop_t *loop);
static pthread_mutex_t close_checks_lock = PTHREAD_MUTEX_INITIALIZER;

void nd__loop_add_close_check(int (*check)(nd_loop_t *loop)) {
  size_t i;

  pthread_mutex_lock(&close_checks_lock);
  for (i = 0; i < sizeof(close_checks) / sizeof(close_checks[0]); i++) {
    if (close_checks[i] == check)
      break;
    if (close_checks[i] == NULL) {
      __atomic_store_n(&close_checks[i], check, __ATOMIC_RELEASE);
      break;
    }
  }
  pthread_mutex_unlock(&close_checks_lock);
}

/*
 * Every check runs, even after one said busy: each may cancel what it holds,
 * so one more turn of the loop settles them all at once.
 */
static int run_close_checks(nd_loop_t *loop) {
  int (*check)(nd_loop_t *loop);
  size_t i;
  int err = 0;
  int r;

  for (i = 0; i < sizeof(close_checks) / sizeof(close_checks[0]); i++) {
    check = __atomic_load_n(&close_checks[i], __ATOMIC_ACQUIRE);
    if (check == NULL)
      break;
    r = check(loop);
    if (r != 0 && err == 0)
      err = r;
  }
  return err;
}

int nd_loop_close(nd_loop_t *loop) {
  size_t i;
  int err;

  err = run_close_checks(loop);
  if (err != 0)
    return err;
  if (loop->active_reqs != 0)
    return ND_EBUSY;
  if (has_user_handles(&loop->handle_queue) ||
      has_user_handles(&loop->closing_queue))
    return ND_EBUSY;

  pthread_mutex_lock(&close_hooks_lock);
  for (i = 0; i < sizeof(close_hooks) / sizeof(close_hooks[0]); i++)
    if (close_hooks[i] != NULL)
      close_hooks[i](loop);
  pthread_mutex_unlock(&close_hooks_lock);
  nd__loop_set_threadpool(loop, NULL);
  loop->backend->close(loop);
  loop->backend = NULL;
  nd__close_nocancel(loop->wakeup_fd);
  loop->wakeup_fd = -1;
  free(loop->watchers);
  loop->watchers = NULL;
  loop->nwatchers = 0;
  if (loop == default_loop_ptr)
    default_loop_ptr = NULL;
  return 0;
}

nd_loop_t *nd_default_loop(void) {
  if (default_loop_ptr != NULL)
    return default_loop_ptr;
  if (nd_loop_init(&default_loop_struct) != 0)
    return NULL;
  default_loop_ptr = &default_loop_struct;
  return default_loop_ptr;
}

int nd_loop_configure(nd_loop_t *loop, nd_loop_option option, ...) {
  nd_threadpool_t *pool;
  va_list ap;
  int signum;

  switch (option) {
  case ND_LOOP_BLOCK_SIGNAL:
    va_start(ap, option);
    signum = va_arg(ap, int);
    va_end(ap);
    if (signum < 1 || signum > 64)
      return ND_EINVAL;
    loop->poll_sigmask |= UINT64_C(1) << (signum - 1);
    return 0;
  case ND_METRICS_IDLE_TIME:
    loop->flags |= ND__LOOP_METRICS_IDLE;
    return 0;
  case ND_LOOP_USE_SQPOLL:
    if (loop->backend->sqpoll == NULL)
      return ND_ENOTSUP;
    return loop->backend->sqpoll(loop);
  case ND_LOOP_THREADPOOL:
    va_start(ap, option);
    pool = va_arg(ap, nd_threadpool_t *);
    va_end(ap);
    return nd__loop_set_threadpool(loop, pool);
  }
  return ND_ENOSYS;
}

/*
 * What subsystems above the core must redo in a child after fork (the file
 * watching subsystem's inotify instance, ...), registered on their first use.
 */
static int (*fork_hooks[8])(nd_loop_t *loop);
static pthread_mutex_t fork_hooks_lock = PTHREAD_MUTEX_INITIALIZER;

void nd__loop_add_fork_hook(int (*hook)(nd_loop_t *loop)) {
  size_t i;

  pthread_mutex_lock(&fork_hooks_lock);
  for (i = 0; i < sizeof(fork_hooks) / sizeof(fork_hooks[0]); i++) {
    if (fork_hooks[i] == hook)
      break;
    if (fork_hooks[i] == NULL) {
      fork_hooks[i] = hook;
      break;
    }
  }
  pthread_mutex_unlock(&fork_hooks_lock);
}

static int run_fork_hooks(nd_loop_t *loop) {
  size_t i;
  int err;

  for (i = 0; i < sizeof(fork_hooks) / sizeof(fork_hooks[0]); i++) {
    if (fork_hooks[i] == NULL)
      break;
    err = fork_hooks[i](loop);
    if (err != 0)
      return err;
  }
  return 0;
}

int nd_loop_fork(nd_loop_t *loop) {
  int err;
  int fd;

  /* The eventfd is shared with the parent: a wakeup in one would wake both. */
  fd = nd__cloexec_eventfd();
  if (fd < 0)
    return fd;
  nd__close_nocancel(loop->wakeup_fd);
  loop->wakeup_fd = fd;

  fd = loop->backend->fork(loop);
  if (fd != 0)
    return fd;

  nd__signal_loop_fork(loop);
  err = run_fork_hooks(loop);
  if (err != 0)
    return err;

  /*
   * Handles queued by the parent's threads, and jobs its workers finished,
   * stay pending; their wakeup went to the old eventfd, so deliver one on
   * the new one.
   */
  if (nd__loop_wakeup_pending(loop))
    nd__loop_wakeup(loop);
  return 0;
}

static int loop_alive(const nd_loop_t *loop) {
  return loop->active_handles != 0 || loop->active_reqs != 0 ||
         !nd__queue_empty(&loop->closing_queue);
}

int nd_loop_alive(const nd_loop_t *loop) {
  return loop_alive(loop);
}

void nd_stop(nd_loop_t *loop) {
  loop->stop_flag = 1;
}

uint64_t nd_now(const nd_loop_t *loop) {
  return loop->time;
}

void nd_update_time(nd_loop_t *loop) {
  loop->time = nd__hrtime_ms();
}

int nd_backend_fd(const nd_loop_t *loop) {
  /* A backend may set the descriptor up on first request. */
  if (loop->backend->backend_fd != NULL)
    return loop->backend->backend_fd((nd_loop_t *)loop);
  return loop->backend_fd;
}

const char *nd_backend_name(const nd_loop_t *loop) {
  return loop->backend != NULL ? loop->backend->name : NULL;
}

/* How long the poll phase may block. */
static int poll_timeout(const nd_loop_t *loop) {
  if (loop->stop_flag != 0)
    return 0;
  if (loop->active_handles == 0 && loop->active_reqs == 0)
    return 0;
  if (!nd__queue_empty(&loop->idle_handles))
    return 0;
  if (!nd__queue_empty(&loop->pending_queue))
    return 0;
  if (!nd__queue_empty(&loop->closing_queue))
    return 0;
  return nd__next_timeout(loop);
}

/*
 * For a program that embeds the loop (waits on nd_backend_fd itself): also
 * 0 while interest changes or submissions are queued, since the kernel
 * cannot report on what it has not been told yet; nd_run(NOWAIT) tells it.
 */
int nd_backend_timeout(const nd_loop_t *loop) {
  if (!nd__queue_empty(&loop->watcher_queue))
    return 0;
  if (loop->backend->pending != NULL && loop->backend->pending(loop))
    return 0;
  return poll_timeout(loop);
}

void nd__pending_add(nd_loop_t *loop, nd__pending_t *p,
                     void (*cb)(nd_loop_t *, nd__pending_t *)) {
  p->cb = cb;
  nd__queue_insert_tail(&loop->pending_queue, &p->queue);
}

/* Callbacks deferred by the last iteration; those they defer wait a turn. */
static int run_pending(nd_loop_t *loop) {
  struct nd__queue q;
  struct nd__queue *it;
  nd__pending_t *p;

  if (nd__queue_empty(&loop->pending_queue))
    return 0;
  nd__queue_move(&loop->pending_queue, &q);
  while (!nd__queue_empty(&q)) {
    it = nd__queue_head(&q);
    nd__queue_remove(it);
    p = nd__container_of(it, nd__pending_t, queue);
    p->cb(loop, p);
  }
  return 1;
}

/* Close callbacks queued while these run wait for the next iteration. */
static void run_closing(nd_loop_t *loop) {
  struct nd__queue q;
  struct nd__queue *it;
  nd_handle_t *h;

  nd__queue_move(&loop->closing_queue, &q);
  while (!nd__queue_empty(&q)) {
    it = nd__queue_head(&q);
    nd__queue_remove(it);
    h = nd__container_of(it, nd_handle_t, handle_queue);
    h->flags |= ND__HANDLE_CLOSED;
    if (h->close_cb != NULL)
      h->close_cb(h);
  }
}

int nd_run(nd_loop_t *loop, nd_run_mode mode) {
  int alive;
  int ran_pending;
  int timeout;

  alive = loop_alive(loop);
  if (!alive)
    nd_update_time(loop);

  while (alive && loop->stop_flag == 0) {
    nd_update_time(loop);
    nd__run_timers(loop);
    ran_pending = run_pending(loop);
    nd__run_idle(loop);
    nd__run_prepare(loop);

    timeout = 0;
    if ((mode == ND_RUN_ONCE && !ran_pending) || mode == ND_RUN_DEFAULT)
      timeout = poll_timeout(loop);

    loop->loop_count++;
    loop->backend->poll(loop, timeout);
    nd__run_check(loop);
    run_closing(loop);

    if (mode == ND_RUN_ONCE) {
      /*
       * ONCE promises progress: if poll returned because the next timer
       * came due rather than for I/O, that timer runs before we return.
       */
      nd_update_time(loop);
      nd__run_timers(loop);
    }

    alive = loop_alive(loop);
    if (mode == ND_RUN_ONCE || mode == ND_RUN_NOWAIT)
      break;
  }

  /* nd_stop ends this run only, not the next one. */
  if (loop->stop_flag != 0)
    loop->stop_flag = 0;
  return alive;
}

void nd__loop_wakeup(nd_loop_t *loop) {
  loop->backend->wakeup(loop);
}

void nd__loop_wakeup_dispatch(nd_loop_t *loop) {
  nd__signal_dispatch(loop);
  nd__async_dispatch(loop);
  nd__work_dispatch(loop);
}

/* The signals ND_LOOP_BLOCK_SIGNAL asked to keep blocked while polling. */
sigset_t *nd__poll_sigset(const nd_loop_t *loop, sigset_t *set) {
  int signum;

  if (loop->poll_sigmask == 0)
    return NULL;
  sigemptyset(set);
  for (signum = 1; signum <= 64; signum++)
    if (loop->poll_sigmask & (UINT64_C(1) << (signum - 1)))
      sigaddset(set, signum);
  return set;
}

uint64_t nd_metrics_idle_time(nd_loop_t *loop) {
  return loop->idle_time;
}

int nd_metrics_info(nd_loop_t *loop, nd_metrics_t *metrics) {
  if (metrics == NULL)
    return ND_EINVAL;
  memset(metrics, 0, sizeof(*metrics));
  metrics->loop_count = loop->loop_count;
  metrics->events = loop->events;
  metrics->events_waiting = loop->events_waiting;
  return 0;
}

size_t nd_loop_size(void) {
  return sizeof(nd_loop_t);
}

void *nd_loop_get_data(const nd_loop_t *loop) {
  return loop->data;
}

void nd_loop_set_data(nd_loop_t *loop, void *data) {
  loop->data = data;
}

unsigned int nd_version(void) {
  return ND_VERSION_HEX;
}

const char *nd_version_string(void) {
  return ND_VERSION_STRING;
}
