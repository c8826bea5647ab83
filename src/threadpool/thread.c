/*
 * thread.c - threads, mutexes, read-write locks, semaphores, condition
 * variables, barriers, once guards and thread-local keys over pthreads.
 *
 * The wrappers add what the bare calls lack: errors as negative codes, a
 * thread entry that returns void without a cast between function types,
 * stack sizes that are always accepted, names that are truncated instead of
 * refused, timed waits on the monotonic clock.
 *
 * The functions that return void cannot report failure, and their failures
 * are bugs in the caller: unlocking a mutex the thread does not hold,
 * locking a mutex it already holds, destroying a lock that is held.  They
 * print the function and the error and abort, which is the one place the
 * library stops the process for misuse.  A mutex is error-checking for that
 * reason: a normal glibc mutex would unlock silently for a thread that does
 * not hold it, or deadlock its owner for good.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "nodec.h"

/* The default stack when RLIMIT_STACK is unlimited or unusable. */
#define DEFAULT_STACK_SIZE ((size_t)8 << 20)

/* Linux keeps 16 bytes of thread name, the terminating NUL included. */
#define THREAD_NAME_SIZE 16

static void fatal(const char *fn, int err) {
  fprintf(stderr, "libnodec: %s: %s (%s, %d): a bug in the caller, "
          "see nd_thread_create(3)\n", fn, nd_err_name(-err), strerror(err),
          err);
  abort();
}

/* --- threads ---------------------------------------------------------- */

/*
 * pthread_create wants a function that returns void *, and calling the
 * user's void function through a cast pointer is undefined behaviour, so
 * the thread starts in this trampoline with the entry and argument on the
 * heap.  The thread frees them before the entry runs: the entry may never
 * return (pthread_exit) and must not leak them.
 */
struct thread_start {
  nd_thread_cb entry;
  void *arg;
};

static void *thread_trampoline(void *p) {
  struct thread_start start = *(struct thread_start *)p;

  free(p);
  start.entry(start.arg);
  return NULL;
}

static size_t page_size(void) {
  long n = sysconf(_SC_PAGESIZE);

  return n > 0 ? (size_t)n : 4096;
}

/*
 * Round up to a whole number of pages; 0 if that overflows.  The page size
 * is a power of two.
 */
static size_t round_to_pages(size_t size, size_t page) {
  if (size > SIZE_MAX - (page - 1))
    return 0;
  return (size + page - 1) & ~(page - 1);
}

/*
 * The soft RLIMIT_STACK, the main thread's stack size, as glibc uses it; read
 * at each creation so that a later setrlimit(2) counts.  Unlimited, or too
 * small to run a thread, gives 8 MiB, the usual soft limit on Linux.
 */
static size_t default_stack_size(size_t page) {
  struct rlimit lim;
  size_t size;

  if (getrlimit(RLIMIT_STACK, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY ||
      lim.rlim_cur > SIZE_MAX)
    return DEFAULT_STACK_SIZE;
  size = (size_t)lim.rlim_cur & ~(page - 1);
  if (size < (size_t)PTHREAD_STACK_MIN)
    return DEFAULT_STACK_SIZE;
  return size;
}

int nd_thread_create(nd_thread_t *tid, nd_thread_cb entry, void *arg) {
  return nd_thread_create_ex(tid, NULL, entry, arg);
}

int nd_thread_create_ex(nd_thread_t *tid, const nd_thread_options_t *params,
                        nd_thread_cb entry, void *arg) {
  struct thread_start *start;
  pthread_attr_t attr;
  size_t page = page_size();
  size_t stack_size = 0;
  size_t min;
  int err;

  if (tid == NULL || entry == NULL)
    return ND_EINVAL;
  if (params != NULL) {
    if (params->flags & ~(unsigned int)ND_THREAD_HAS_STACK_SIZE)
      return ND_EINVAL;
    if (params->flags & ND_THREAD_HAS_STACK_SIZE)
      stack_size = params->stack_size;
  }
  if (stack_size == 0) {
    stack_size = default_stack_size(page);
  } else {
    /* glibc refuses less than PTHREAD_STACK_MIN; we give at least that. */
    min = round_to_pages(PTHREAD_STACK_MIN, page);
    if (stack_size < min)
      stack_size = min;
    stack_size = round_to_pages(stack_size, page);
    if (stack_size == 0)
      return ND_EINVAL;
  }

  start = malloc(sizeof(*start));
  if (start == NULL)
    return ND_ENOMEM;
  start->entry = entry;
  start->arg = arg;

  err = pthread_attr_init(&attr);
  if (err != 0) {
    free(start);
    return -err;
  }
  err = pthread_attr_setstacksize(&attr, stack_size);
  if (err == 0)
    err = pthread_create(tid, &attr, thread_trampoline, start);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    free(start);
    return -err;
  }
  return 0;
}

int nd_thread_join(nd_thread_t *tid) {
  return -pthread_join(*tid, NULL);
}

int nd_thread_detach(nd_thread_t *tid) {
  return -pthread_detach(*tid);
}

nd_thread_t nd_thread_self(void) {
  return pthread_self();
}

int nd_thread_equal(const nd_thread_t *t1, const nd_thread_t *t2) {
  return pthread_equal(*t1, *t2);
}

int nd_thread_setname(const char *name) {
  char buf[THREAD_NAME_SIZE];

  if (name == NULL)
    return ND_EINVAL;
  /* The kernel refuses longer names; libuv's callers expect a cut. */
  strncpy(buf, name, sizeof(buf) - 1);
  buf[sizeof(buf) - 1] = '\0';
  return -pthread_setname_np(pthread_self(), buf);
}

int nd_thread_getname(nd_thread_t *tid, char *name, size_t size) {
  char buf[THREAD_NAME_SIZE];
  size_t len;
  int err;

  if (tid == NULL || name == NULL || size == 0)
    return ND_EINVAL;
  /* pthread_getname_np wants room for the longest name; the caller may not. */
  err = pthread_getname_np(*tid, buf, sizeof(buf));
  if (err != 0)
    return -err;
  len = strnlen(buf, sizeof(buf) - 1);
  if (len > size - 1)
    len = size - 1;
  memcpy(name, buf, len);
  name[len] = '\0';
  return 0;
}

/* --- mutexes ------------------------------------------------------------ */

static int mutex_init_type(nd_mutex_t *mutex, int type) {
  pthread_mutexattr_t attr;
  int err;

  err = pthread_mutexattr_init(&attr);
  if (err != 0)
    return -err;
  err = pthread_mutexattr_settype(&attr, type);
  if (err == 0)
    err = pthread_mutex_init(mutex, &attr);
  pthread_mutexattr_destroy(&attr);
  return -err;
}

int nd_mutex_init(nd_mutex_t *mutex) {
  return mutex_init_type(mutex, PTHREAD_MUTEX_ERRORCHECK);
}

int nd_mutex_init_recursive(nd_mutex_t *mutex) {
  return mutex_init_type(mutex, PTHREAD_MUTEX_RECURSIVE);
}

void nd_mutex_destroy(nd_mutex_t *mutex) {
  int err = pthread_mutex_destroy(mutex);

  if (err != 0)
    fatal("nd_mutex_destroy", err);
}

void nd_mutex_lock(nd_mutex_t *mutex) {
  int err = pthread_mutex_lock(mutex);

  if (err != 0)
    fatal("nd_mutex_lock", err);
}

int nd_mutex_trylock(nd_mutex_t *mutex) {
  int err = pthread_mutex_trylock(mutex);

  /* EAGAIN: a recursive mutex locked too many times; still "not now". */
  if (err == EBUSY || err == EAGAIN)
    return ND_EBUSY;
  if (err != 0)
    fatal("nd_mutex_trylock", err);
  return 0;
}

void nd_mutex_unlock(nd_mutex_t *mutex) {
  int err = pthread_mutex_unlock(mutex);

  if (err != 0)
    fatal("nd_mutex_unlock", err);
}

/* --- read-write locks ----------------------------------------------------- */

int nd_rwlock_init(nd_rwlock_t *rwlock) {
  return -pthread_rwlock_init(rwlock, NULL);
}

void nd_rwlock_destroy(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_destroy(rwlock);

  if (err != 0)
    fatal("nd_rwlock_destroy", err);
}

void nd_rwlock_rdlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_rdlock(rwlock);

  if (err != 0)
    fatal("nd_rwlock_rdlock", err);
}

int nd_rwlock_tryrdlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_tryrdlock(rwlock);

  /* EAGAIN: the reader count is at its maximum; the lock is busy. */
  if (err == EBUSY || err == EAGAIN)
    return ND_EBUSY;
  if (err != 0)
    fatal("nd_rwlock_tryrdlock", err);
  return 0;
}

void nd_rwlock_rdunlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_unlock(rwlock);

  if (err != 0)
    fatal("nd_rwlock_rdunlock", err);
}

void nd_rwlock_wrlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_wrlock(rwlock);

  if (err != 0)
    fatal("nd_rwlock_wrlock", err);
}

int nd_rwlock_trywrlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_trywrlock(rwlock);

  if (err == EBUSY || err == EAGAIN)
    return ND_EBUSY;
  if (err != 0)
    fatal("nd_rwlock_trywrlock", err);
  return 0;
}

void nd_rwlock_wrunlock(nd_rwlock_t *rwlock) {
  int err = pthread_rwlock_unlock(rwlock);

  if (err != 0)
    fatal("nd_rwlock_wrunlock", err);
}

/* --- semaphores ------------------------------------------------------------ */

int nd_sem_init(nd_sem_t *sem, unsigned int value) {
  if (sem_init(sem, 0, value) != 0)
    return -errno;
  return 0;
}

void nd_sem_destroy(nd_sem_t *sem) {
  if (sem_destroy(sem) != 0)
    fatal("nd_sem_destroy", errno);
}

void nd_sem_post(nd_sem_t *sem) {
  if (sem_post(sem) != 0)
    fatal("nd_sem_post", errno);
}

void nd_sem_wait(nd_sem_t *sem) {
  /* A signal handler installed without SA_RESTART interrupts sem_wait. */
  while (sem_wait(sem) != 0) {
    if (errno != EINTR)
      fatal("nd_sem_wait", errno);
  }
}

int nd_sem_trywait(nd_sem_t *sem) {
  while (sem_trywait(sem) != 0) {
    if (errno == EAGAIN)
      return ND_EAGAIN;
    if (errno != EINTR)
      fatal("nd_sem_trywait", errno);
  }
  return 0;
}

/* --- condition variables ----------------------------------------------------- */

/*
 * The condition measures timed waits on CLOCK_MONOTONIC, the clock of
 * nd_hrtime(), so setting the date neither ends a wait early nor stretches
 * it.  A condition from PTHREAD_COND_INITIALIZER would use the wall clock
 * and turn relative timeouts into nonsense: nd_cond_init is the only way in.
 */
int nd_cond_init(nd_cond_t *cond) {
  pthread_condattr_t attr;
  int err;

  err = pthread_condattr_init(&attr);
  if (err != 0)
    return -err;
  err = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  if (err == 0)
    err = pthread_cond_init(cond, &attr);
  pthread_condattr_destroy(&attr);
  return -err;
}

void nd_cond_destroy(nd_cond_t *cond) {
  int err = pthread_cond_destroy(cond);

  if (err != 0)
    fatal("nd_cond_destroy", err);
}

void nd_cond_signal(nd_cond_t *cond) {
  int err = pthread_cond_signal(cond);

  if (err != 0)
    fatal("nd_cond_signal", err);
}

void nd_cond_broadcast(nd_cond_t *cond) {
  int err = pthread_cond_broadcast(cond);

  if (err != 0)
    fatal("nd_cond_broadcast", err);
}

void nd_cond_wait(nd_cond_t *cond, nd_mutex_t *mutex) {
  int err = pthread_cond_wait(cond, mutex);

  if (err != 0)
    fatal("nd_cond_wait", err);
}

int nd_cond_timedwait(nd_cond_t *cond, nd_mutex_t *mutex, uint64_t timeout) {
  struct timespec ts;
  uint64_t nsec;
  int err;

  /*
   * An absolute deadline, computed once: a retry after EINTR (which POSIX
   * forbids but older kernels and emulators have produced) waits only for
   * what is left.  time_t is 64 bits, so even a timeout of UINT64_MAX
   * nanoseconds (584 years) cannot overflow it.
   */
  clock_gettime(CLOCK_MONOTONIC, &ts);
  nsec = (uint64_t)ts.tv_nsec + timeout % 1000000000u;
  ts.tv_sec += (time_t)(timeout / 1000000000u + nsec / 1000000000u);
  ts.tv_nsec = (long)(nsec % 1000000000u);

  do
    err = pthread_cond_timedwait(cond, mutex, &ts);
  while (err == EINTR);
  if (err == ETIMEDOUT)
    return ND_ETIMEDOUT;
  if (err != 0)
    fatal("nd_cond_timedwait", err);
  return 0;
}

/* --- barriers ------------------------------------------------------------------ */

int nd_barrier_init(nd_barrier_t *barrier, unsigned int count) {
  if (count == 0)
    return ND_EINVAL;
  return -pthread_barrier_init(barrier, NULL, count);
}

void nd_barrier_destroy(nd_barrier_t *barrier) {
  int err = pthread_barrier_destroy(barrier);

  if (err != 0)
    fatal("nd_barrier_destroy", err);
}

int nd_barrier_wait(nd_barrier_t *barrier) {
  int r = pthread_barrier_wait(barrier);

  if (r == PTHREAD_BARRIER_SERIAL_THREAD)
    return 1;
  if (r != 0)
    fatal("nd_barrier_wait", r);
  return 0;
}

/* --- once ------------------------------------------------------------------------ */

void nd_once(nd_once_t *guard, void (*callback)(void)) {
  int err = pthread_once(guard, callback);

  if (err != 0)
    fatal("nd_once", err);
}

/* --- thread-local keys ---------------------------------------------------------- */

int nd_key_create(nd_key_t *key) {
  return -pthread_key_create(key, NULL);
}

void nd_key_delete(nd_key_t *key) {
  int err = pthread_key_delete(*key);

  if (err != 0)
    fatal("nd_key_delete", err);
}

void *nd_key_get(nd_key_t *key) {
  return pthread_getspecific(*key);
}

void nd_key_set(nd_key_t *key, void *value) {
  int err = pthread_setspecific(*key, value);

  if (err != 0)
    fatal("nd_key_set", err);
}
