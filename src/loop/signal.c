/*
 * signal.c - signal handles.
 *
 * Signal dispositions are process-wide, so this file keeps the one piece of
 * process-wide state in the library: the list of loops that watch signals
 * and, per signal, how many handles watch it and the disposition we
 * replaced.  One handler serves every signal we watch.  It may run on any
 * thread; it records the signal in each interested loop (a per-signal count
 * and a pending bit) and wakes the loop through its backend, which is
 * async-signal-safe.  The loop then runs the callbacks on its own thread.
 *
 * Locking: `registry_lock` is a spinlock that the handler also takes.  A
 * thread holds it only with every signal blocked, so the handler can never
 * interrupt the holder on its own thread and deadlock; on other threads it
 * spins for the few instructions the holder needs.  The handler runs with
 * all signals masked (sa_mask), so it cannot interrupt itself either.
 */
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "internal.h"

#define ND__NSIG 65 /* signals 1..64 */

static int registry_lock;
static nd_loop_t *signal_loops;
static unsigned int signal_watchers[ND__NSIG];
static struct sigaction signal_saved[ND__NSIG];
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static uint64_t signal_bit(int signum) {
  return UINT64_C(1) << (signum - 1);
}

static void spin_lock(void) {
  while (__atomic_exchange_n(&registry_lock, 1, __ATOMIC_ACQUIRE) != 0)
    nd__cpu_relax();
}

static void spin_unlock(void) {
  __atomic_store_n(&registry_lock, 0, __ATOMIC_RELEASE);
}

static void registry_enter(sigset_t *saved) {
  sigset_t all;

  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, saved);
  spin_lock();
}

static void registry_leave(const sigset_t *saved) {
  spin_unlock();
  pthread_sigmask(SIG_SETMASK, saved, NULL);
}

/*
 * A fork must not leave the child with a lock another thread held, so the
 * forking thread takes it first, with signals blocked like any holder: a
 * signal arriving mid-fork would otherwise spin on it in our handler.
 */
static __thread sigset_t atfork_saved;

static void atfork_prepare(void) {
  registry_enter(&atfork_saved);
}

static void atfork_release(void) {
  registry_leave(&atfork_saved);
}

static void install_atfork(void) {
  pthread_atfork(atfork_prepare, atfork_release, atfork_release);
}

static void signal_handler(int signum) {
  int saved_errno = errno;
  uint64_t bit = signal_bit(signum);
  nd_loop_t *loop;

  spin_lock();
  for (loop = signal_loops; loop != NULL; loop = loop->signal_next) {
    if (!(loop->signal_mask & bit))
      continue;
    __atomic_fetch_add(&loop->signal_count[signum], 1, __ATOMIC_RELAXED);
    __atomic_fetch_or(&loop->signal_pending, bit, __ATOMIC_RELEASE);
    nd__loop_wakeup(loop);
  }
  spin_unlock();
  errno = saved_errno;
}

static int valid_signum(int signum) {
  return signum > 0 && signum < ND__NSIG && signum != SIGKILL &&
         signum != SIGSTOP;
}

int nd_signal_init(nd_loop_t *loop, nd_signal_t *handle) {
  nd__handle_init(loop, (nd_handle_t *)handle, ND_SIGNAL);
  handle->signum = 0;
  handle->signal_cb = NULL;
  handle->caught = 0;
  handle->oneshot = 0;
  nd__queue_init(&handle->queue);
  return 0;
}

/* Another handle of this loop watching signum, other than `self`? */
static int loop_watches(nd_loop_t *loop, int signum, nd_signal_t *self) {
  struct nd__queue *it;

  nd__queue_foreach(it, &loop->signal_handles) {
    nd_signal_t *h = nd__container_of(it, nd_signal_t, queue);
    if (h != self && h->signum == signum)
      return 1;
  }
  return 0;
}

static void loop_list_remove(nd_loop_t *loop) {
  nd_loop_t **it;

  for (it = &signal_loops; *it != NULL; it = &(*it)->signal_next) {
    if (*it == loop) {
      *it = loop->signal_next;
      loop->signal_next = NULL;
      return;
    }
  }
}

/*
 * Put back the disposition we replaced, unless the program has installed
 * its own since: that one is not ours to undo.
 */
static void restore_disposition(int signum) {
  struct sigaction cur;

  if (sigaction(signum, NULL, &cur) == 0 && cur.sa_handler != signal_handler)
    return;
  sigaction(signum, &signal_saved[signum], NULL);
}

/*
 * Signals caught before a handle starts are not that handle's: hand what
 * the loop has counted so far to the handles already watching.  Called with
 * the registry held, so the signal handler cannot add to the count meanwhile.
 */
static void claim_caught(nd_loop_t *loop, int signum) {
  struct nd__queue *it;
  uint32_t count;

  count = __atomic_exchange_n(&loop->signal_count[signum], 0, __ATOMIC_RELAXED);
  if (count == 0)
    return;
  nd__queue_foreach(it, &loop->signal_handles) {
    nd_signal_t *h = nd__container_of(it, nd_signal_t, queue);
    if (h->signum == signum)
      h->caught += count;
  }
}

/* Called with the registry held. */
static void unregister(nd_signal_t *handle) {
  nd_loop_t *loop = handle->loop;
  int signum = handle->signum;

  nd__queue_remove(&handle->queue);
  handle->caught = 0;
  if (!loop_watches(loop, signum, handle)) {
    loop->signal_mask &= ~signal_bit(signum);
    /* Deliveries not yet dispatched must not reach a later handle. */
    __atomic_store_n(&loop->signal_count[signum], 0, __ATOMIC_RELAXED);
  }
  if (nd__queue_empty(&loop->signal_handles))
    loop_list_remove(loop);
  if (--signal_watchers[signum] == 0)
    restore_disposition(signum);
}

static int signal_start(nd_signal_t *handle, nd_signal_cb cb, int signum,
                        int oneshot) {
  nd_loop_t *loop = handle->loop;
  struct sigaction sa;
  sigset_t saved;

  if (cb == NULL || !valid_signum(signum) ||
      nd_is_closing((nd_handle_t *)handle))
    return ND_EINVAL;

  if (nd__handle_is_active((nd_handle_t *)handle) &&
      handle->signum == signum) {
    handle->signal_cb = cb;
    handle->oneshot = oneshot;
    return 0;
  }
  nd_signal_stop(handle);
  pthread_once(&atfork_once, install_atfork);

  registry_enter(&saved);
  if (signal_watchers[signum] == 0) {
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = signal_handler;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_ONSTACK;
    if (sigaction(signum, &sa, &signal_saved[signum]) != 0) {
      int err = -errno;
      registry_leave(&saved);
      return err;
    }
  }
  signal_watchers[signum]++;
  if (loop->signal_mask & signal_bit(signum))
    claim_caught(loop, signum);
  if (nd__queue_empty(&loop->signal_handles)) {
    loop->signal_next = signal_loops;
    signal_loops = loop;
  }
  loop->signal_mask |= signal_bit(signum);
  handle->signum = signum;
  handle->signal_cb = cb;
  handle->oneshot = oneshot;
  nd__queue_insert_tail(&loop->signal_handles, &handle->queue);
  registry_leave(&saved);

  nd__handle_start((nd_handle_t *)handle);
  return 0;
}

int nd_signal_start(nd_signal_t *handle, nd_signal_cb cb, int signum) {
  return signal_start(handle, cb, signum, 0);
}

int nd_signal_start_oneshot(nd_signal_t *handle, nd_signal_cb cb,
                            int signum) {
  return signal_start(handle, cb, signum, 1);
}

int nd_signal_stop(nd_signal_t *handle) {
  sigset_t saved;

  if (!nd__handle_is_active((nd_handle_t *)handle))
    return 0;
  registry_enter(&saved);
  unregister(handle);
  registry_leave(&saved);
  nd__handle_stop((nd_handle_t *)handle);
  return 0;
}

void nd__signal_close(nd_signal_t *handle) {
  nd_signal_stop(handle);
}

/*
 * Hand the signals caught since the last dispatch to the handles watching
 * them, then run one callback at a time, looking the list up afresh after
 * each: a callback may stop, close or start any signal handle.
 */
void nd__signal_dispatch(nd_loop_t *loop) {
  struct nd__queue *it;
  nd_signal_t *h;
  uint64_t pending;
  uint32_t count;
  int signum;

  pending = __atomic_exchange_n(&loop->signal_pending, 0, __ATOMIC_ACQUIRE);
  while (pending != 0) {
    signum = __builtin_ctzll(pending) + 1;
    pending &= pending - 1;
    count = __atomic_exchange_n(&loop->signal_count[signum], 0,
                                __ATOMIC_RELAXED);
    nd__queue_foreach(it, &loop->signal_handles) {
      h = nd__container_of(it, nd_signal_t, queue);
      if (h->signum == signum)
        h->caught += count;
    }
  }

  for (;;) {
    h = NULL;
    nd__queue_foreach(it, &loop->signal_handles) {
      h = nd__container_of(it, nd_signal_t, queue);
      if (h->caught > 0)
        break;
      h = NULL;
    }
    if (h == NULL)
      return;
    h->caught--;
    if (h->oneshot)
      nd_signal_stop(h);
    h->signal_cb(h, h->signum);
  }
}

/*
 * In the child of a fork: signals caught before the fork were the parent's
 * to handle, so the child starts with none pending.
 */
void nd__signal_loop_fork(nd_loop_t *loop) {
  struct nd__queue *it;
  int signum;

  __atomic_store_n(&loop->signal_pending, 0, __ATOMIC_RELAXED);
  for (signum = 1; signum < ND__NSIG; signum++)
    __atomic_store_n(&loop->signal_count[signum], 0, __ATOMIC_RELAXED);
  nd__queue_foreach(it, &loop->signal_handles)
    nd__container_of(it, nd_signal_t, queue)->caught = 0;
}
