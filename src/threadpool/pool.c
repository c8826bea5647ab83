/*
 * pool.c - worker pools: jobs run on worker threads, their completions on
 * the loop that submitted them.
 *
 * A pool is an object: the default one, made on first use and sized by
 * nd_threadpool_set_size(), ND_THREADPOOL_SIZE or UV_THREADPOOL_SIZE (4 by
 * default, 1 to 1024), and any number of private ones a loop can be given
 * (ND_LOOP_THREADPOOL).  Its threads start with its first job.
 *
 * Three classes of jobs: CPU, fast I/O and slow I/O.  They run in
 * submission order, except that slow I/O jobs (name resolution, say) never
 * occupy more than half of the threads, so a burst of slow lookups cannot
 * starve file operations.
 *
 * A finished job goes onto its loop's lock-free stack (loop->work_done);
 * only the push that finds the stack empty wakes the loop, which runs the
 * completions in the poll phase, oldest first.
 *
 * Locking, in this order:
 *   1. pools_lock: the list of every pool (for fork), and the default pool
 *   2. pool->lock: one pool's queues, counters and threads
 * No lock is held while a job runs, and none while a loop is woken.  The
 * loops' stacks are lock-free.
 */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loop/internal.h"

#define MAX_THREADS 1024
#define DEFAULT_THREADS 4

enum { STATE_QUEUED = 1, STATE_RUNNING, STATE_DONE, STATE_CANCELLED };

struct nd_threadpool_s {
  pthread_mutex_t lock;
  pthread_cond_t wake;          /* idle workers wait here */
  struct nd__queue queue;       /* CPU and fast I/O jobs, oldest first */
  struct nd__queue slow_queue;  /* slow I/O jobs, oldest first */
  uint64_t seq;                 /* next submission number */
  unsigned int nthreads;        /* threads it runs when started */
  unsigned int started;         /* threads running */
  unsigned int idle;            /* threads waiting on `wake` */
  unsigned int slow_running;
  unsigned int slow_limit;      /* half the threads, at least one */
  unsigned int jobs;            /* queued or running */
  unsigned int loops;           /* loops configured with this pool */
  int stop;
  pthread_t *threads;
  nd_threadpool_t *next;        /* on the list of all pools */
};

static pthread_mutex_t pools_lock = PTHREAD_MUTEX_INITIALIZER;
static nd_threadpool_t *pools;
static nd_threadpool_t *default_pool;
static unsigned int default_size; /* 0: not set; then the environment */
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* --- fork --------------------------------------------------------------- */

static void atfork_prepare(void) {
  pthread_mutex_lock(&pools_lock);
}

static void atfork_parent(void) {
  pthread_mutex_unlock(&pools_lock);
}

/*
 * The child has none of the workers.  Jobs that were queued or running in
 * the parent are the parent's: the child's pools start empty, with fresh
 * locks (another thread may have held one at the fork), and start threads
 * again on their next job.
 */
static void atfork_child(void) {
  nd_threadpool_t *p;

  pthread_mutex_init(&pools_lock, NULL);
  for (p = pools; p != NULL; p = p->next) {
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    nd__queue_init(&p->queue);
    nd__queue_init(&p->slow_queue);
    p->started = 0;
    p->idle = 0;
    p->slow_running = 0;
    p->jobs = 0;
    p->stop = 0;
  }
}

static void install_atfork(void) {
  pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
}

/* --- workers ------------------------------------------------------------ */

/* The oldest job a worker may take now, or NULL. */
static nd__work_t *next_job(nd_threadpool_t *p) {
  nd__work_t *fast = NULL;
  nd__work_t *slow = NULL;

  if (!nd__queue_empty(&p->queue))
    fast = nd__container_of(nd__queue_head(&p->queue), nd__work_t, queue);
  if (!nd__queue_empty(&p->slow_queue) && p->slow_running < p->slow_limit)
    slow = nd__container_of(nd__queue_head(&p->slow_queue), nd__work_t, queue);
  if (fast != NULL && (slow == NULL || fast->seq < slow->seq))
    return fast;
  return slow;
}

/* Hand a finished (or cancelled) job to its loop. */
static void post_done(nd__work_t *w) {
  nd_loop_t *loop = w->loop;
  nd__work_t *head = __atomic_load_n(&loop->work_done, __ATOMIC_RELAXED);

  do
    w->next_done = head;
  while (!__atomic_compare_exchange_n(&loop->work_done, &head, w, 1,
                                      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
  if (head == NULL)
    nd__loop_wakeup(loop);
}

static void *worker(void *arg) {
  nd_threadpool_t *p = arg;
  nd__work_t *w;
  sigset_t set;

  /* Signals are for loop threads; faults stay with whoever caused them. */
  sigfillset(&set);
  sigdelset(&set, SIGSEGV);
  sigdelset(&set, SIGBUS);
  sigdelset(&set, SIGFPE);
  sigdelset(&set, SIGILL);
  sigdelset(&set, SIGTRAP);
  sigdelset(&set, SIGSYS);
  pthread_sigmask(SIG_SETMASK, &set, NULL);

  pthread_mutex_lock(&p->lock);
  for (;;) {
    w = next_job(p);
    if (w == NULL) {
      if (p->stop)
        break;
      p->idle++;
      pthread_cond_wait(&p->wake, &p->lock);
      p->idle--;
      continue;
    }
    nd__queue_remove(&w->queue);
    w->state = STATE_RUNNING;
    if (w->kind == ND__WORK_SLOW_IO)
      p->slow_running++;
    pthread_mutex_unlock(&p->lock);

    w->work(w);

    pthread_mutex_lock(&p->lock);
    if (w->kind == ND__WORK_SLOW_IO) {
      /* A slow job that waited for this slot may run now. */
      p->slow_running--;
      if (!nd__queue_empty(&p->slow_queue) && p->idle > 0)
        pthread_cond_signal(&p->wake);
    }
    w->state = STATE_DONE;
    p->jobs--;
    pthread_mutex_unlock(&p->lock);
    post_done(w);
    pthread_mutex_lock(&p->lock);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

/*
 * Start the threads, with pool->lock held.  Fewer than asked is fine; none
 * at all is an error the submitter sees.
 */
static int start_threads(nd_threadpool_t *p) {
  pthread_attr_t attr;
  unsigned int i;
  int err = 0;

  if (p->threads == NULL) {
    p->threads = calloc(p->nthreads, sizeof(*p->threads));
    if (p->threads == NULL)
      return ND_ENOMEM;
  }
  pthread_attr_init(&attr);
  /* Jobs may resolve names or call into other libraries: a full stack. */
  pthread_attr_setstacksize(&attr, 8u << 20);
  for (i = p->started; i < p->nthreads; i++) {
    err = pthread_create(&p->threads[i], &attr, worker, p);
    if (err != 0)
      break;
    p->started++;
  }
  pthread_attr_destroy(&attr);
  return p->started > 0 ? 0 : -err;
}

/* --- pools -------------------------------------------------------------- */

static int pool_create(nd_threadpool_t **out, unsigned int nthreads) {
  nd_threadpool_t *p = calloc(1, sizeof(*p));

  if (p == NULL)
    return ND_ENOMEM;
  pthread_once(&atfork_once, install_atfork);
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->wake, NULL);
  nd__queue_init(&p->queue);
  nd__queue_init(&p->slow_queue);
  p->nthreads = nthreads;
  p->slow_limit = nthreads / 2 > 0 ? nthreads / 2 : 1;
  pthread_mutex_lock(&pools_lock);
  p->next = pools;
  pools = p;
  pthread_mutex_unlock(&pools_lock);
  *out = p;
  return 0;
}

static unsigned int env_size(void) {
  const char *v = getenv("ND_THREADPOOL_SIZE");
  long n;

  if (v == NULL || *v == '\0')
    v = getenv("UV_THREADPOOL_SIZE"); /* what Node users set */
  if (v == NULL || *v == '\0')
    return DEFAULT_THREADS;
  n = strtol(v, NULL, 10);
  if (n < 1)
    return 1;
  return n > MAX_THREADS ? MAX_THREADS : (unsigned int)n;
}

static int default_get(nd_threadpool_t **out) {
  nd_threadpool_t *made = NULL;
  unsigned int size;
  int err = 0;

  pthread_mutex_lock(&pools_lock);
  if (default_pool == NULL) {
    size = default_size != 0 ? default_size : env_size();
    pthread_mutex_unlock(&pools_lock);
    /* Made outside pools_lock, which pool_create takes. */
    err = pool_create(&made, size);
    pthread_mutex_lock(&pools_lock);
    if (err == 0 && default_pool == NULL) {
      default_pool = made;
      made = NULL;
    }
  }
  *out = default_pool;
  pthread_mutex_unlock(&pools_lock);
  if (made != NULL)
    nd_threadpool_free(made); /* another thread made one first */
  return err;
}

static int loop_pool(nd_loop_t *loop, nd_threadpool_t **out) {
  if (loop->threadpool != NULL) {
    *out = loop->threadpool;
    return 0;
  }
  return default_get(out);
}

int nd_threadpool_set_size(unsigned int nthreads) {
  int err = 0;

  if (nthreads < 1 || nthreads > MAX_THREADS)
    return ND_EINVAL;
  pthread_mutex_lock(&pools_lock);
  if (default_pool != NULL)
    err = ND_EBUSY;
  else
    default_size = nthreads;
  pthread_mutex_unlock(&pools_lock);
  return err;
}

int nd_threadpool_new(nd_threadpool_t **pool, unsigned int nthreads) {
  if (pool == NULL || nthreads < 1 || nthreads > MAX_THREADS)
    return ND_EINVAL;
  return pool_create(pool, nthreads);
}

int nd_threadpool_free(nd_threadpool_t *pool) {
  nd_threadpool_t **it;
  unsigned int i;

  if (pool == NULL)
    return ND_EINVAL;
  pthread_mutex_lock(&pools_lock);
  if (pool == default_pool) {
    pthread_mutex_unlock(&pools_lock);
    return ND_EINVAL;
  }
  pthread_mutex_lock(&pool->lock);
  if (pool->loops != 0 || pool->jobs != 0) {
    pthread_mutex_unlock(&pool->lock);
    pthread_mutex_unlock(&pools_lock);
    return ND_EBUSY;
  }
  pool->stop = 1;
  pthread_cond_broadcast(&pool->wake);
  pthread_mutex_unlock(&pool->lock);
  for (it = &pools; *it != NULL; it = &(*it)->next) {
    if (*it == pool) {
      *it = pool->next;
      break;
    }
  }
  pthread_mutex_unlock(&pools_lock);

  for (i = 0; i < pool->started; i++)
    pthread_join(pool->threads[i], NULL);
  pthread_cond_destroy(&pool->wake);
  pthread_mutex_destroy(&pool->lock);
  free(pool->threads);
  free(pool);
  return 0;
}

unsigned int nd_threadpool_size(const nd_threadpool_t *pool) {
  unsigned int n;

  if (pool != NULL)
    return pool->nthreads;
  pthread_mutex_lock(&pools_lock);
  if (default_pool != NULL)
    n = default_pool->nthreads;
  else
    n = default_size != 0 ? default_size : env_size();
  pthread_mutex_unlock(&pools_lock);
  return n;
}

int nd__loop_set_threadpool(nd_loop_t *loop, nd_threadpool_t *pool) {
  if (loop->threadpool == pool)
    return 0;
  /* Jobs in flight would look for their pool under the wrong name. */
  if (loop->active_reqs != 0)
    return ND_EBUSY;
  if (pool != NULL) {
    pthread_mutex_lock(&pool->lock);
    pool->loops++;
    pthread_mutex_unlock(&pool->lock);
  }
  if (loop->threadpool != NULL) {
    pthread_mutex_lock(&loop->threadpool->lock);
    loop->threadpool->loops--;
    pthread_mutex_unlock(&loop->threadpool->lock);
  }
  loop->threadpool = pool;
  return 0;
}

/* --- jobs --------------------------------------------------------------- */

int nd__work_submit(nd_loop_t *loop, nd__work_t *w, int kind,
                    void (*work)(nd__work_t *w),
                    void (*done)(nd__work_t *w, int status)) {
  nd_threadpool_t *p;
  int err;

  err = loop_pool(loop, &p);
  if (err != 0)
    return err;
  w->loop = loop;
  w->work = work;
  w->done = done;
  w->kind = kind;
  w->next_done = NULL;

  pthread_mutex_lock(&p->lock);
  if (p->started < p->nthreads) {
    err = start_threads(p);
    if (err != 0) {
      pthread_mutex_unlock(&p->lock);
      return err;
    }
  }
  w->seq = p->seq++;
  w->state = STATE_QUEUED;
  nd__queue_insert_tail(kind == ND__WORK_SLOW_IO ? &p->slow_queue : &p->queue,
                        &w->queue);
  p->jobs++;
  if (p->idle > 0 &&
      (kind != ND__WORK_SLOW_IO || p->slow_running < p->slow_limit))
    pthread_cond_signal(&p->wake);
  pthread_mutex_unlock(&p->lock);
  return 0;
}

/*
 * A job that no worker has taken yet can be cancelled: its done callback
 * then runs on the loop with ND_ECANCELED, later, never from in here.
 */
int nd__work_cancel(nd__work_t *w) {
  nd_threadpool_t *p;
  int err;

  err = loop_pool(w->loop, &p);
  if (err != 0)
    return err;
  pthread_mutex_lock(&p->lock);
  if (w->state != STATE_QUEUED) {
    pthread_mutex_unlock(&p->lock);
    return ND_EBUSY;
  }
  nd__queue_remove(&w->queue);
  w->state = STATE_CANCELLED;
  p->jobs--;
  pthread_mutex_unlock(&p->lock);
  post_done(w);
  return 0;
}

/* On the loop thread: run the completions of finished jobs, oldest first. */
void nd__work_dispatch(nd_loop_t *loop) {
  nd__work_t *list;
  nd__work_t *reversed = NULL;
  nd__work_t *next;

  list = __atomic_exchange_n(&loop->work_done, NULL, __ATOMIC_ACQUIRE);
  while (list != NULL) {
    next = list->next_done;
    list->next_done = reversed;
    reversed = list;
    list = next;
  }
  while (reversed != NULL) {
    next = reversed->next_done;
    loop->events++;
    reversed->done(reversed,
                   reversed->state == STATE_CANCELLED ? ND_ECANCELED : 0);
    reversed = next;
  }
}

/* --- nd_queue_work ------------------------------------------------------ */

static void work_run(nd__work_t *w) {
  nd_work_t *req = nd__container_of(w, nd_work_t, work_req);

  req->work_cb(req);
}

static void work_done(nd__work_t *w, int status) {
  nd_work_t *req = nd__container_of(w, nd_work_t, work_req);

  nd__req_unregister(req->loop, (nd_req_t *)req);
  if (req->after_work_cb != NULL)
    req->after_work_cb(req, status);
}

static int work_cancel(nd_req_t *req) {
  return nd__work_cancel(&((nd_work_t *)req)->work_req);
}

int nd_queue_work(nd_loop_t *loop, nd_work_t *req, nd_work_cb work_cb,
                  nd_after_work_cb after_work_cb) {
  int err;

  if (loop == NULL || req == NULL || work_cb == NULL)
    return ND_EINVAL;
  req->loop = loop;
  req->work_cb = work_cb;
  req->after_work_cb = after_work_cb;
  err = nd__work_submit(loop, &req->work_req, ND__WORK_CPU, work_run,
                        work_done);
  if (err != 0)
    return err;
  nd__req_register(loop, (nd_req_t *)req, ND_WORK);
  req->cancel = work_cancel;
  return 0;
}

