/*
 * test-thread.c - threads, mutexes, read-write locks, semaphores, condition
 * variables, barriers, once guards and thread-local keys.
 *
 * None of this needs a loop.  Every test joins what it starts, and the
 * teardown checks that the process has as many threads as before the test,
 * so a thread left behind fails the test that left it.  An alarm turns a
 * deadlock into a failure instead of a hang.
 *
 * cmocka's assertions jump back to the test's own stack, so only the main
 * thread asserts: other threads record what they saw and the test checks it
 * after joining them.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test-util.h"

#define ALARM_SECONDS 60

static int baseline_threads;

/* The number of threads in the process, from /proc/self/task. */
static int count_threads(void) {
  DIR *dir = opendir("/proc/self/task");
  struct dirent *d;
  int n = 0;

  if (dir == NULL)
    return -1;
  while ((d = readdir(dir)) != NULL)
    n += d->d_name[0] != '.';
  closedir(dir);
  return n;
}

static void sleep_ms(unsigned int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

  while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
    ;
}

static int thread_setup(void **state) {
  (void)state;
  baseline_threads = count_threads();
  alarm(ALARM_SECONDS);
  return baseline_threads > 0 ? 0 : -1;
}

/*
 * A joined thread may linger in /proc for a moment after pthread_join has
 * returned, and a detached one for a moment after its last statement, so
 * wait a little before calling it a leak.
 */
static int thread_teardown(void **state) {
  uint64_t deadline = test_ms() + 5000;
  int n;

  (void)state;
  while ((n = count_threads()) != baseline_threads && test_ms() < deadline)
    sleep_ms(1);
  alarm(0);
  if (n != baseline_threads) {
    fprintf(stderr, "teardown: %d threads, %d before the test: it left "
            "threads behind\n", n, baseline_threads);
    return -1;
  }
  return 0;
}

#define THREAD_TEST(fn)                                                      \
  cmocka_unit_test_setup_teardown(fn, thread_setup, thread_teardown)

/* Run fn in a child process; it must abort and say `expect` on stderr. */
static void expect_abort(void (*fn)(void), const char *expect) {
  char out[512];
  size_t len = 0;
  ssize_t n;
  int fds[2];
  int status;
  pid_t pid;

  assert_int_equal(pipe(fds), 0);
  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 2);
    fn();
    _exit(0); /* did not abort */
  }
  close(fds[1]);
  while (len < sizeof(out) - 1 &&
         (n = read(fds[0], out + len, sizeof(out) - 1 - len)) != 0) {
    if (n < 0 && errno == EINTR)
      continue;
    assert_true(n > 0);
    len += (size_t)n;
  }
  out[len] = '\0';
  close(fds[0]);
  assert_int_equal(waitpid(pid, &status, 0), pid);
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
    fail_msg("expected SIGABRT, got status %#x; stderr: %s", status, out);
  if (strstr(out, expect) == NULL)
    fail_msg("stderr lacks \"%s\": %s", expect, out);
}

/* --- threads ------------------------------------------------------------- */

struct square {
  int in;
  int out;
  nd_thread_t self;
};

static void square_entry(void *arg) {
  struct square *s = arg;

  s->out = s->in * s->in;
  s->self = nd_thread_self();
}

static void test_create_join_passes_arg_and_result(void **state) {
  struct square s[3] = {{7, 0, 0}, {-12, 0, 0}, {1000, 0, 0}};
  nd_thread_t tid[3];
  int i;

  (void)state;
  for (i = 0; i < 3; i++)
    ND_OK(nd_thread_create(&tid[i], square_entry, &s[i]));
  for (i = 0; i < 3; i++)
    ND_OK(nd_thread_join(&tid[i]));
  assert_int_equal(s[0].out, 49);
  assert_int_equal(s[1].out, 144);
  assert_int_equal(s[2].out, 1000000);
  /* Each ran on the thread the handle names. */
  for (i = 0; i < 3; i++)
    assert_true(nd_thread_equal(&tid[i], &s[i].self));
}

static void test_create_rejects_bad_arguments(void **state) {
  nd_thread_options_t opts;
  struct square s = {3, 0, 0};
  nd_thread_t tid;

  (void)state;
  assert_int_equal(nd_thread_create(&tid, NULL, NULL), ND_EINVAL);
  assert_int_equal(nd_thread_create(NULL, square_entry, &s), ND_EINVAL);
  /* A flag we do not know is a request we cannot honour. */
  opts.flags = 0x80;
  opts.stack_size = 0;
  assert_int_equal(nd_thread_create_ex(&tid, &opts, square_entry, &s),
                   ND_EINVAL);
  /* A size that overflows when rounded to pages. */
  opts.flags = ND_THREAD_HAS_STACK_SIZE;
  opts.stack_size = SIZE_MAX;
  assert_int_equal(nd_thread_create_ex(&tid, &opts, square_entry, &s),
                   ND_EINVAL);
  assert_int_equal(s.out, 0); /* nothing ran */
}

struct stack_probe {
  size_t size;
  int err;
};

static void stack_entry(void *arg) {
  struct stack_probe *p = arg;
  pthread_attr_t attr;

  p->err = pthread_getattr_np(pthread_self(), &attr);
  if (p->err == 0) {
    p->err = pthread_attr_getstacksize(&attr, &p->size);
    pthread_attr_destroy(&attr);
  }
}

static size_t stack_of(const nd_thread_options_t *opts) {
  struct stack_probe p = {0, -1};
  nd_thread_t tid;

  ND_OK(nd_thread_create_ex(&tid, opts, stack_entry, &p));
  ND_OK(nd_thread_join(&tid));
  assert_int_equal(p.err, 0);
  return p.size;
}

static void test_create_ex_stack_size(void **state) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t min = PTHREAD_STACK_MIN;
  nd_thread_options_t opts;
  struct rlimit lim;
  size_t size, expect;

  (void)state;
  /* 256 KiB: at least that, and not the 8 MiB default. */
  opts.flags = ND_THREAD_HAS_STACK_SIZE;
  opts.stack_size = 256 * 1024;
  size = stack_of(&opts);
  assert_true(size >= 256 * 1024);
  assert_true(size < 1024 * 1024);

  /* Two pages and a byte: rounded up to whole pages. */
  opts.stack_size = min + 2 * page + 1;
  size = stack_of(&opts);
  assert_true(size >= min + 3 * page);

  /* One byte: raised to the minimum a thread needs. */
  opts.stack_size = 1;
  size = stack_of(&opts);
  assert_true(size >= min);
  assert_true(size < 1024 * 1024);

  /* No size: the soft RLIMIT_STACK, or 8 MiB when it is unlimited. */
  assert_int_equal(getrlimit(RLIMIT_STACK, &lim), 0);
  expect = 8u << 20;
  if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur >= min)
    expect = (size_t)lim.rlim_cur & ~(page - 1);
  assert_true(stack_of(NULL) >= expect);
  opts.flags = ND_THREAD_HAS_STACK_SIZE;
  opts.stack_size = 0;
  assert_true(stack_of(&opts) >= expect);
  opts.flags = ND_THREAD_NO_FLAGS;
  opts.stack_size = 256 * 1024; /* ignored without the flag */
  assert_true(stack_of(&opts) >= expect);
}

static void test_self_and_equal(void **state) {
  nd_thread_t main_self = nd_thread_self();
  nd_thread_t again = nd_thread_self();
  struct square s = {2, 0, 0};
  nd_thread_t tid;

  (void)state;
  assert_true(nd_thread_equal(&main_self, &again));
  assert_true(pthread_equal(main_self, pthread_self()));
  ND_OK(nd_thread_create(&tid, square_entry, &s));
  ND_OK(nd_thread_join(&tid));
  assert_true(nd_thread_equal(&tid, &s.self));
  assert_false(nd_thread_equal(&main_self, &s.self));
  assert_false(nd_thread_equal(&tid, &main_self));
}

/* A thread that names itself, reports, and waits until told to go. */
struct named {
  const char *name;
  int set_err;
  int get_err;
  char own[32];
  nd_sem_t named;
  nd_sem_t go;
};

static void named_entry(void *arg) {
  struct named *n = arg;
  nd_thread_t self = nd_thread_self();

  n->set_err = nd_thread_setname(n->name);
  n->get_err = nd_thread_getname(&self, n->own, sizeof(n->own));
  nd_sem_post(&n->named);
  nd_sem_wait(&n->go);
}

static void test_setname_getname(void **state) {
  static const char *const names[] = {
    "nd-worker",
    "exactly15-bytes",
    "abcdefghijklmnopqrstuvwxyz",
  };
  static const char *const want[] = {
    "nd-worker",
    "exactly15-bytes",
    "abcdefghijklmno",
  };
  char full[32], four[32], one[32], none[32];
  int full_err, four_err, one_err, none_err;
  struct named n;
  nd_thread_t tid;
  size_t i;

  (void)state;
  for (i = 0; i < 3; i++) {
    memset(&n, 0, sizeof(n));
    n.name = names[i];
    ND_OK(nd_sem_init(&n.named, 0));
    ND_OK(nd_sem_init(&n.go, 0));
    ND_OK(nd_thread_create(&tid, named_entry, &n));
    nd_sem_wait(&n.named);
    /* Read the name from outside while the thread lives, then let it go. */
    memset(full, 'x', sizeof(full));
    memset(four, 'x', sizeof(four));
    memset(one, 'x', sizeof(one));
    memset(none, 'x', sizeof(none));
    full_err = nd_thread_getname(&tid, full, sizeof(full));
    four_err = nd_thread_getname(&tid, four, 4);
    one_err = nd_thread_getname(&tid, one, 1);
    none_err = nd_thread_getname(&tid, none, 0);
    nd_sem_post(&n.go);
    ND_OK(nd_thread_join(&tid));
    nd_sem_destroy(&n.named);
    nd_sem_destroy(&n.go);

    assert_int_equal(n.set_err, 0);
    assert_int_equal(n.get_err, 0);
    assert_string_equal(n.own, want[i]);
    assert_int_equal(full_err, 0);
    assert_string_equal(full, want[i]);
    /* A short buffer gets a truncated, terminated name and no more. */
    assert_int_equal(four_err, 0);
    assert_int_equal(strncmp(four, want[i], 3), 0);
    assert_int_equal(four[3], '\0');
    assert_int_equal(four[4], 'x');
    assert_int_equal(one_err, 0);
    assert_int_equal(one[0], '\0');
    assert_int_equal(one[1], 'x');
    assert_int_equal(none_err, ND_EINVAL);
    assert_int_equal(none[0], 'x');
  }
  assert_int_equal(nd_thread_setname(NULL), ND_EINVAL);
}

struct detached {
  nd_sem_t go;
  nd_sem_t done;
  int ran;
};

static void detached_entry(void *arg) {
  struct detached *d = arg;

  nd_sem_wait(&d->go);
  d->ran = 1;
  nd_sem_post(&d->done);
}

static void test_detach(void **state) {
  struct detached d = {.ran = 0};
  nd_thread_t tid;

  (void)state;
  ND_OK(nd_sem_init(&d.go, 0));
  ND_OK(nd_sem_init(&d.done, 0));
  ND_OK(nd_thread_create(&tid, detached_entry, &d));
  ND_OK(nd_thread_detach(&tid));
  /* The thread is alive (it waits for `go`) and no longer joinable. */
  assert_int_equal(nd_thread_join(&tid), ND_EINVAL);
  assert_int_equal(nd_thread_detach(&tid), ND_EINVAL);
  nd_sem_post(&d.go);
  nd_sem_wait(&d.done);
  assert_int_equal(d.ran, 1);
  /* The teardown waits for it to be gone from the process. */
  nd_sem_destroy(&d.go);
  nd_sem_destroy(&d.done);
}

/* --- mutexes ------------------------------------------------------------- */

#define COUNTERS 4
#define INCREMENTS 100000

struct counter {
  nd_mutex_t lock;
  unsigned long value; /* plain: only the mutex keeps it right */
  nd_barrier_t start;
};

static void counter_entry(void *arg) {
  struct counter *c = arg;
  int i;

  nd_barrier_wait(&c->start); /* all start together, for contention */
  for (i = 0; i < INCREMENTS; i++) {
    nd_mutex_lock(&c->lock);
    c->value++;
    nd_mutex_unlock(&c->lock);
  }
}

static void test_mutex_mutual_exclusion(void **state) {
  nd_thread_t tid[COUNTERS];
  struct counter c;
  int i;

  (void)state;
  c.value = 0;
  ND_OK(nd_mutex_init(&c.lock));
  ND_OK(nd_barrier_init(&c.start, COUNTERS));
  for (i = 0; i < COUNTERS; i++)
    ND_OK(nd_thread_create(&tid[i], counter_entry, &c));
  for (i = 0; i < COUNTERS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  assert_int_equal(c.value, COUNTERS * INCREMENTS);
  nd_barrier_destroy(&c.start);
  nd_mutex_destroy(&c.lock);
}

/* A thread that holds a mutex until told to let go. */
struct holder {
  nd_mutex_t *lock;
  nd_sem_t held;
  nd_sem_t release;
  int trylock;        /* what trylock returned on the holder's thread */
};

static void holder_entry(void *arg) {
  struct holder *h = arg;

  nd_mutex_lock(h->lock);
  nd_sem_post(&h->held);
  nd_sem_wait(&h->release);
  nd_mutex_unlock(h->lock);
}

static void try_entry(void *arg) {
  struct holder *h = arg;

  h->trylock = nd_mutex_trylock(h->lock);
  if (h->trylock == 0)
    nd_mutex_unlock(h->lock);
}

static int trylock_elsewhere(struct holder *h) {
  nd_thread_t tid;

  h->trylock = 1;
  ND_OK(nd_thread_create(&tid, try_entry, h));
  ND_OK(nd_thread_join(&tid));
  return h->trylock;
}

static void test_mutex_trylock_busy_while_held(void **state) {
  struct holder h;
  nd_mutex_t lock;
  nd_thread_t tid;

  (void)state;
  ND_OK(nd_mutex_init(&lock));
  h.lock = &lock;
  ND_OK(nd_sem_init(&h.held, 0));
  ND_OK(nd_sem_init(&h.release, 0));
  ND_OK(nd_thread_create(&tid, holder_entry, &h));
  nd_sem_wait(&h.held);
  assert_int_equal(nd_mutex_trylock(&lock), ND_EBUSY);
  assert_int_equal(nd_mutex_trylock(&lock), ND_EBUSY);
  nd_sem_post(&h.release);
  ND_OK(nd_thread_join(&tid));
  /* Free again: trylock takes it, and then it is busy for others. */
  assert_int_equal(nd_mutex_trylock(&lock), 0);
  assert_int_equal(trylock_elsewhere(&h), ND_EBUSY);
  nd_mutex_unlock(&lock);
  assert_int_equal(trylock_elsewhere(&h), 0);
  nd_sem_destroy(&h.held);
  nd_sem_destroy(&h.release);
  nd_mutex_destroy(&lock);
}

static void test_mutex_recursive(void **state) {
  struct holder h;
  nd_mutex_t lock;

  (void)state;
  ND_OK(nd_mutex_init_recursive(&lock));
  h.lock = &lock;
  nd_mutex_lock(&lock);
  nd_mutex_lock(&lock);
  assert_int_equal(nd_mutex_trylock(&lock), 0); /* a third time */
  assert_int_equal(trylock_elsewhere(&h), ND_EBUSY);
  nd_mutex_unlock(&lock);
  nd_mutex_unlock(&lock);
  /* Locked three times, unlocked twice: still held. */
  assert_int_equal(trylock_elsewhere(&h), ND_EBUSY);
  nd_mutex_unlock(&lock);
  assert_int_equal(trylock_elsewhere(&h), 0);
  nd_mutex_destroy(&lock);
}

static void unlock_unheld(void) {
  nd_mutex_t lock;

  nd_mutex_init(&lock);
  nd_mutex_unlock(&lock);
}

static void lock_twice(void) {
  nd_mutex_t lock;

  nd_mutex_init(&lock);
  nd_mutex_lock(&lock);
  nd_mutex_lock(&lock); /* would deadlock without the check */
}

static void destroy_locked(void) {
  nd_mutex_t lock;

  nd_mutex_init(&lock);
  nd_mutex_lock(&lock);
  nd_mutex_destroy(&lock);
}

static void sem_post_overflow(void) {
  nd_sem_t sem;

  nd_sem_init(&sem, SEM_VALUE_MAX);
  nd_sem_post(&sem);
}

/* Misuse is a bug in the caller: the process stops and says what it was. */
static void test_misuse_aborts_with_a_message(void **state) {
  (void)state;
  expect_abort(unlock_unheld, "libnodec: nd_mutex_unlock: EPERM");
  expect_abort(lock_twice, "libnodec: nd_mutex_lock: EDEADLK");
  expect_abort(destroy_locked, "libnodec: nd_mutex_destroy: EBUSY");
  expect_abort(sem_post_overflow, "libnodec: nd_sem_post: EOVERFLOW");
}

/* --- read-write locks ------------------------------------------------------- */

#define READERS 3

struct readers {
  nd_rwlock_t lock;
  nd_barrier_t inside;   /* opens only when every reader holds the lock */
  int serial;            /* how many readers were the barrier's serial one */
  int shared;            /* written under the write lock */
  int seen[READERS];
  int try_write[READERS];
};

struct reader {
  struct readers *r;
  int index;
};

static void reader_entry(void *arg) {
  struct reader *me = arg;
  struct readers *r = me->r;

  nd_rwlock_rdlock(&r->lock);
  /*
   * Every reader waits here holding its read lock: if readers excluded
   * each other, nobody would get past (and the alarm would end the test).
   */
  if (nd_barrier_wait(&r->inside))
    __atomic_add_fetch(&r->serial, 1, __ATOMIC_RELAXED);
  me->r->seen[me->index] = r->shared;
  r->try_write[me->index] = nd_rwlock_trywrlock(&r->lock);
  nd_barrier_wait(&r->inside); /* nobody leaves before all tried */
  nd_rwlock_rdunlock(&r->lock);
}

static void test_rwlock_readers_share(void **state) {
  struct reader me[READERS];
  nd_thread_t tid[READERS];
  struct readers r;
  int i;

  (void)state;
  memset(&r, 0, sizeof(r));
  r.shared = 42;
  ND_OK(nd_rwlock_init(&r.lock));
  ND_OK(nd_barrier_init(&r.inside, READERS));
  for (i = 0; i < READERS; i++) {
    me[i].r = &r;
    me[i].index = i;
    ND_OK(nd_thread_create(&tid[i], reader_entry, &me[i]));
  }
  for (i = 0; i < READERS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  assert_int_equal(r.serial, 1);
  for (i = 0; i < READERS; i++) {
    assert_int_equal(r.seen[i], 42);
    /* A writer cannot get in while readers hold the lock. */
    assert_int_equal(r.try_write[i], ND_EBUSY);
  }
  nd_barrier_destroy(&r.inside);
  nd_rwlock_destroy(&r.lock);
}

struct excluded {
  nd_rwlock_t *lock;
  int *shared;
  int seen;
  int tryrd;
  int trywr;
};

static void excluded_reader(void *arg) {
  struct excluded *e = arg;

  e->tryrd = nd_rwlock_tryrdlock(e->lock);
  e->trywr = nd_rwlock_trywrlock(e->lock);
  nd_rwlock_rdlock(e->lock);
  e->seen = *e->shared;
  nd_rwlock_rdunlock(e->lock);
}

static void test_rwlock_writer_excludes_readers(void **state) {
  struct excluded e;
  nd_rwlock_t lock;
  nd_thread_t tid;
  int shared = 0;

  (void)state;
  ND_OK(nd_rwlock_init(&lock));
  e.lock = &lock;
  e.shared = &shared;
  e.seen = -1;
  nd_rwlock_wrlock(&lock);
  /* Both try* fail on the same thread too: the writer holds it. */
  assert_int_equal(nd_rwlock_tryrdlock(&lock), ND_EBUSY);
  assert_int_equal(nd_rwlock_trywrlock(&lock), ND_EBUSY);
  shared = 1; /* half-written state */
  ND_OK(nd_thread_create(&tid, excluded_reader, &e));
  sleep_ms(50); /* time for the reader to get in if it could */
  shared = 2;
  nd_rwlock_wrunlock(&lock);
  ND_OK(nd_thread_join(&tid));
  assert_int_equal(e.tryrd, ND_EBUSY);
  assert_int_equal(e.trywr, ND_EBUSY);
  assert_int_equal(e.seen, 2); /* never the half-written 1 */

  /* Free, both try* succeed. */
  assert_int_equal(nd_rwlock_trywrlock(&lock), 0);
  nd_rwlock_wrunlock(&lock);
  assert_int_equal(nd_rwlock_tryrdlock(&lock), 0);
  assert_int_equal(nd_rwlock_tryrdlock(&lock), 0); /* readers share */
  assert_int_equal(nd_rwlock_trywrlock(&lock), ND_EBUSY);
  nd_rwlock_rdunlock(&lock);
  nd_rwlock_rdunlock(&lock);
  nd_rwlock_destroy(&lock);
}

/* --- semaphores ------------------------------------------------------------- */

static void test_sem_counts(void **state) {
  nd_sem_t sem;
  int i;

  (void)state;
  ND_OK(nd_sem_init(&sem, 0));
  assert_int_equal(nd_sem_trywait(&sem), ND_EAGAIN);
  for (i = 0; i < 5; i++)
    nd_sem_post(&sem);
  for (i = 0; i < 5; i++)
    assert_int_equal(nd_sem_trywait(&sem), 0);
  assert_int_equal(nd_sem_trywait(&sem), ND_EAGAIN);
  nd_sem_destroy(&sem);

  ND_OK(nd_sem_init(&sem, 3));
  nd_sem_wait(&sem);
  assert_int_equal(nd_sem_trywait(&sem), 0);
  assert_int_equal(nd_sem_trywait(&sem), 0);
  assert_int_equal(nd_sem_trywait(&sem), ND_EAGAIN);
  nd_sem_destroy(&sem);

  /* Beyond SEM_VALUE_MAX. */
  assert_int_equal(nd_sem_init(&sem, UINT_MAX), ND_EINVAL);
}

static volatile sig_atomic_t usr1_count;

static void usr1_handler(int sig) {
  (void)sig;
  usr1_count++;
}

struct sem_waiter {
  nd_sem_t sem;
  nd_sem_t ready;
  int posted;            /* set by the main thread just before its post */
  int saw_posted;
};

static void sem_waiter_entry(void *arg) {
  struct sem_waiter *w = arg;

  nd_sem_post(&w->ready);
  nd_sem_wait(&w->sem);
  w->saw_posted = __atomic_load_n(&w->posted, __ATOMIC_ACQUIRE);
}

/* A signal without SA_RESTART interrupts sem_wait; nd_sem_wait goes on. */
static void test_sem_wait_survives_signals(void **state) {
  struct sigaction sa, old;
  struct sem_waiter w;
  nd_thread_t tid;
  int i;

  (void)state;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = usr1_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART */
  assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
  usr1_count = 0;

  memset(&w, 0, sizeof(w));
  ND_OK(nd_sem_init(&w.sem, 0));
  ND_OK(nd_sem_init(&w.ready, 0));
  ND_OK(nd_thread_create(&tid, sem_waiter_entry, &w));
  nd_sem_wait(&w.ready);
  for (i = 0; i < 5; i++) {
    sleep_ms(10);
    assert_int_equal(pthread_kill(tid, SIGUSR1), 0);
  }
  sleep_ms(10);
  __atomic_store_n(&w.posted, 1, __ATOMIC_RELEASE);
  nd_sem_post(&w.sem);
  ND_OK(nd_thread_join(&tid));
  assert_int_equal(w.saw_posted, 1); /* it returned for the post only */
  /* Signals sent while one is still pending merge into one. */
  assert_true(usr1_count >= 1 && usr1_count <= 5);
  assert_int_equal(sigaction(SIGUSR1, &old, NULL), 0);
  nd_sem_destroy(&w.sem);
  nd_sem_destroy(&w.ready);
}

/* --- condition variables ------------------------------------------------------ */

#define WAITERS 4

struct gate {
  nd_mutex_t lock;
  nd_cond_t cond;        /* waiters wait here for `open` */
  nd_cond_t arrived;     /* the test waits here for `waiting` */
  int open;
  int waiting;
  int woken;
};

static void gate_entry(void *arg) {
  struct gate *g = arg;

  nd_mutex_lock(&g->lock);
  g->waiting++;
  nd_cond_signal(&g->arrived);
  while (!g->open)
    nd_cond_wait(&g->cond, &g->lock);
  g->woken++;
  nd_cond_signal(&g->arrived);
  nd_mutex_unlock(&g->lock);
}

static void gate_init(struct gate *g) {
  memset(g, 0, sizeof(*g));
  ND_OK(nd_mutex_init(&g->lock));
  ND_OK(nd_cond_init(&g->cond));
  ND_OK(nd_cond_init(&g->arrived));
}

static void gate_destroy(struct gate *g) {
  nd_cond_destroy(&g->arrived);
  nd_cond_destroy(&g->cond);
  nd_mutex_destroy(&g->lock);
}

/* With the lock held: wait until *value reaches want, or 10 s pass. */
static void wait_for(struct gate *g, int *value, int want) {
  uint64_t deadline = nd_hrtime() + UINT64_C(10000000000);
  uint64_t now;

  while (*value < want && (now = nd_hrtime()) < deadline)
    nd_cond_timedwait(&g->arrived, &g->lock, deadline - now);
}

static void test_cond_signal_wakes_a_waiter(void **state) {
  nd_thread_t tid;
  struct gate g;

  (void)state;
  gate_init(&g);
  ND_OK(nd_thread_create(&tid, gate_entry, &g));
  nd_mutex_lock(&g.lock);
  wait_for(&g, &g.waiting, 1);
  assert_int_equal(g.waiting, 1);
  assert_int_equal(g.woken, 0);
  g.open = 1;
  nd_cond_signal(&g.cond);
  wait_for(&g, &g.woken, 1);
  assert_int_equal(g.woken, 1);
  nd_mutex_unlock(&g.lock);
  ND_OK(nd_thread_join(&tid));
  gate_destroy(&g);
}

static void test_cond_broadcast_wakes_every_waiter(void **state) {
  nd_thread_t tid[WAITERS];
  struct gate g;
  int woken;
  int i;

  (void)state;
  gate_init(&g);
  for (i = 0; i < WAITERS; i++)
    ND_OK(nd_thread_create(&tid[i], gate_entry, &g));
  nd_mutex_lock(&g.lock);
  /* All are inside nd_cond_wait: each released the lock only there. */
  wait_for(&g, &g.waiting, WAITERS);
  assert_int_equal(g.waiting, WAITERS);
  assert_int_equal(g.woken, 0);
  g.open = 1;
  nd_cond_broadcast(&g.cond); /* once */
  wait_for(&g, &g.woken, WAITERS);
  woken = g.woken;
  /* Should some still sleep, wake them one by one to end the test cleanly. */
  while (g.woken < WAITERS) {
    nd_cond_signal(&g.cond);
    wait_for(&g, &g.woken, g.woken + 1);
  }
  nd_mutex_unlock(&g.lock);
  for (i = 0; i < WAITERS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  gate_destroy(&g);
  assert_int_equal(woken, WAITERS);
}

static void test_cond_timedwait_times_out(void **state) {
  static const uint64_t timeouts[] = {
    0, 1000, UINT64_C(20000000), UINT64_C(100000000),
  };
  const uint64_t margin = UINT64_C(5000000000); /* a loaded machine */
  uint64_t t0, elapsed, left;
  struct holder h;
  nd_mutex_t lock;
  nd_cond_t cond;
  size_t i;
  int r;

  (void)state;
  ND_OK(nd_mutex_init(&lock));
  ND_OK(nd_cond_init(&cond));
  nd_mutex_lock(&lock);
  for (i = 0; i < sizeof(timeouts) / sizeof(timeouts[0]); i++) {
    /* Nobody signals; a spurious wakeup waits for the rest, as callers do. */
    t0 = nd_hrtime();
    left = timeouts[i];
    for (;;) {
      r = nd_cond_timedwait(&cond, &lock, left);
      elapsed = nd_hrtime() - t0;
      if (r != 0 || elapsed >= timeouts[i])
        break;
      left = timeouts[i] - elapsed;
    }
    assert_int_equal(r, ND_ETIMEDOUT);
    if (elapsed < timeouts[i])
      fail_msg("timed out after %llu ns of %llu", (unsigned long long)elapsed,
               (unsigned long long)timeouts[i]);
    assert_true(elapsed < timeouts[i] + margin);
  }
  /* The mutex is held again on return: another thread cannot take it. */
  h.lock = &lock;
  assert_int_equal(trylock_elsewhere(&h), ND_EBUSY);
  nd_mutex_unlock(&lock);
  nd_cond_destroy(&cond);
  nd_mutex_destroy(&lock);
}

struct timed_waiter {
  struct gate *g;
  int result;
  uint64_t elapsed;
};

static void timed_waiter_entry(void *arg) {
  struct timed_waiter *w = arg;
  uint64_t t0 = nd_hrtime();
  int r = 0;

  nd_mutex_lock(&w->g->lock);
  w->g->waiting++;
  nd_cond_signal(&w->g->arrived);
  while (!w->g->open && r == 0)
    r = nd_cond_timedwait(&w->g->cond, &w->g->lock, UINT64_C(30000000000));
  w->result = r;
  w->elapsed = nd_hrtime() - t0;
  nd_mutex_unlock(&w->g->lock);
}

static void test_cond_timedwait_returns_when_signalled(void **state) {
  struct timed_waiter w;
  nd_thread_t tid;
  struct gate g;

  (void)state;
  gate_init(&g);
  w.g = &g;
  w.result = -1;
  ND_OK(nd_thread_create(&tid, timed_waiter_entry, &w));
  nd_mutex_lock(&g.lock);
  wait_for(&g, &g.waiting, 1);
  g.open = 1;
  nd_cond_signal(&g.cond);
  nd_mutex_unlock(&g.lock);
  ND_OK(nd_thread_join(&tid));
  assert_int_equal(w.result, 0);
  assert_true(w.elapsed < UINT64_C(10000000000)); /* well before 30 s */
  gate_destroy(&g);
}

/* --- barriers --------------------------------------------------------------- */

#define BARRIER_THREADS 4
#define ROUNDS 100

struct rounds {
  nd_barrier_t barrier;
  int arrived[ROUNDS];
  int serial[ROUNDS];
  int early[BARRIER_THREADS];   /* rounds a thread left before all arrived */
};

struct rounds_arg {
  struct rounds *r;
  int index;
};

static void rounds_entry(void *arg) {
  struct rounds_arg *a = arg;
  struct rounds *r = a->r;
  int round;

  for (round = 0; round < ROUNDS; round++) {
    __atomic_add_fetch(&r->arrived[round], 1, __ATOMIC_RELAXED);
    if (nd_barrier_wait(&r->barrier))
      __atomic_add_fetch(&r->serial[round], 1, __ATOMIC_RELAXED);
    if (__atomic_load_n(&r->arrived[round], __ATOMIC_RELAXED) !=
        BARRIER_THREADS)
      r->early[a->index]++;
  }
}

static void test_barrier_rounds(void **state) {
  struct rounds_arg args[BARRIER_THREADS];
  nd_thread_t tid[BARRIER_THREADS];
  struct rounds *r;
  nd_barrier_t one;
  int i;

  (void)state;
  r = calloc(1, sizeof(*r));
  assert_non_null(r);
  ND_OK(nd_barrier_init(&r->barrier, BARRIER_THREADS));
  for (i = 0; i < BARRIER_THREADS; i++) {
    args[i].r = r;
    args[i].index = i;
    ND_OK(nd_thread_create(&tid[i], rounds_entry, &args[i]));
  }
  for (i = 0; i < BARRIER_THREADS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  for (i = 0; i < ROUNDS; i++) {
    if (r->serial[i] != 1)
      fail_msg("round %d had %d serial threads", i, r->serial[i]);
    assert_int_equal(r->arrived[i], BARRIER_THREADS);
  }
  for (i = 0; i < BARRIER_THREADS; i++)
    assert_int_equal(r->early[i], 0);
  nd_barrier_destroy(&r->barrier);
  free(r);

  /* A barrier for one opens at once, and its only thread is the serial one. */
  ND_OK(nd_barrier_init(&one, 1));
  assert_true(nd_barrier_wait(&one) != 0);
  assert_true(nd_barrier_wait(&one) != 0);
  nd_barrier_destroy(&one);
  assert_int_equal(nd_barrier_init(&one, 0), ND_EINVAL);
}

/* --- once ----------------------------------------------------------------- */

#define RACERS 8

static nd_once_t once_guard = ND_ONCE_INIT;
static int once_calls;
static int once_done;

static void once_callback(void) {
  __atomic_add_fetch(&once_calls, 1, __ATOMIC_RELAXED);
  sleep_ms(20); /* the others arrive while it runs, and must wait */
  __atomic_store_n(&once_done, 1, __ATOMIC_RELEASE);
}

struct racer {
  nd_barrier_t *start;
  int saw_done;
};

static void racer_entry(void *arg) {
  struct racer *me = arg;

  nd_barrier_wait(me->start);
  nd_once(&once_guard, once_callback);
  me->saw_done = __atomic_load_n(&once_done, __ATOMIC_ACQUIRE);
}

static void test_once_runs_once(void **state) {
  struct racer racers[RACERS];
  nd_thread_t tid[RACERS];
  nd_barrier_t start;
  int i;

  (void)state;
  ND_OK(nd_barrier_init(&start, RACERS));
  for (i = 0; i < RACERS; i++) {
    racers[i].start = &start;
    racers[i].saw_done = 0;
    ND_OK(nd_thread_create(&tid[i], racer_entry, &racers[i]));
  }
  for (i = 0; i < RACERS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  assert_int_equal(once_calls, 1);
  /* No thread returned from nd_once before the callback finished. */
  for (i = 0; i < RACERS; i++)
    assert_int_equal(racers[i].saw_done, 1);
  nd_once(&once_guard, once_callback);
  assert_int_equal(once_calls, 1);
  nd_barrier_destroy(&start);
}

/* --- thread-local keys ------------------------------------------------------- */

#define KEY_THREADS 4

struct keyed {
  nd_key_t *key;
  nd_barrier_t *all_set;
  int value;             /* its address is what the thread stores */
  void *before;
  void *after;
};

static void keyed_entry(void *arg) {
  struct keyed *k = arg;

  k->before = nd_key_get(k->key);
  nd_key_set(k->key, &k->value);
  nd_barrier_wait(k->all_set); /* every thread has stored its own */
  k->after = nd_key_get(k->key);
}

static void test_keys_are_per_thread(void **state) {
  struct keyed k[KEY_THREADS];
  nd_thread_t tid[KEY_THREADS];
  nd_barrier_t all_set;
  nd_key_t key;
  int mine = 0;
  int i;

  (void)state;
  ND_OK(nd_key_create(&key));
  ND_OK(nd_barrier_init(&all_set, KEY_THREADS));
  assert_null(nd_key_get(&key));
  nd_key_set(&key, &mine);
  assert_ptr_equal(nd_key_get(&key), &mine);
  for (i = 0; i < KEY_THREADS; i++) {
    k[i].key = &key;
    k[i].all_set = &all_set;
    k[i].value = i;
    ND_OK(nd_thread_create(&tid[i], keyed_entry, &k[i]));
  }
  for (i = 0; i < KEY_THREADS; i++)
    ND_OK(nd_thread_join(&tid[i]));
  for (i = 0; i < KEY_THREADS; i++) {
    assert_null(k[i].before);            /* not the main thread's value */
    assert_ptr_equal(k[i].after, &k[i].value);
  }
  assert_ptr_equal(nd_key_get(&key), &mine); /* ours is untouched */
  nd_key_set(&key, NULL);
  assert_null(nd_key_get(&key));
  nd_barrier_destroy(&all_set);
  nd_key_delete(&key);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    THREAD_TEST(test_create_join_passes_arg_and_result),
    THREAD_TEST(test_create_rejects_bad_arguments),
    THREAD_TEST(test_create_ex_stack_size),
    THREAD_TEST(test_self_and_equal),
    THREAD_TEST(test_setname_getname),
    THREAD_TEST(test_detach),
    THREAD_TEST(test_mutex_mutual_exclusion),
    THREAD_TEST(test_mutex_trylock_busy_while_held),
    THREAD_TEST(test_mutex_recursive),
    THREAD_TEST(test_misuse_aborts_with_a_message),
    THREAD_TEST(test_rwlock_readers_share),
    THREAD_TEST(test_rwlock_writer_excludes_readers),
    THREAD_TEST(test_sem_counts),
    THREAD_TEST(test_sem_wait_survives_signals),
    THREAD_TEST(test_cond_signal_wakes_a_waiter),
    THREAD_TEST(test_cond_broadcast_wakes_every_waiter),
    THREAD_TEST(test_cond_timedwait_times_out),
    THREAD_TEST(test_cond_timedwait_returns_when_signalled),
    THREAD_TEST(test_barrier_rounds),
    THREAD_TEST(test_once_runs_once),
    THREAD_TEST(test_keys_are_per_thread),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
