/*
 * test-backend.c - the polling backends themselves: the fall-back to epoll
 * when a seccomp filter refuses io_uring, ten thousand descriptor watchers
 * toggled at random, SQPOLL, a fresh ring after fork, and a loop that moves
 * from thread to thread.
 *
 * Tests that need a particular backend make their loop with ND_BACKEND set
 * for that one nd_loop_init and put the caller's value back, so the file
 * passes whichever backend the suite's matrix names; the stress test and
 * the thread test run on the matrix's backend.
 *
 * `test-backend --timer-only` runs a loop with a few timers and nothing
 * else, then exits: tests/examples/strace-uring.sh traces it to check the
 * system calls an io_uring loop makes.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/kcmp.h>
#include <linux/io_uring.h>
#include <linux/seccomp.h>

#include "test-util.h"

/* --- choosing a backend for one loop ------------------------------------ */

/* ND_BACKEND as the caller had it. */
struct env_saved {
  char *value; /* NULL: unset */
};

static void env_save(struct env_saved *s) {
  const char *v = getenv("ND_BACKEND");

  s->value = v != NULL ? strdup(v) : NULL;
  if (v != NULL && s->value == NULL)
    abort();
}

/* Put it back; returns whether it had been changed meanwhile. */
static int env_restore(struct env_saved *s) {
  const char *now = getenv("ND_BACKEND");
  int changed;

  if (s->value == NULL) {
    changed = now != NULL;
    unsetenv("ND_BACKEND");
  } else {
    changed = now == NULL || strcmp(now, s->value) != 0;
    setenv("ND_BACKEND", s->value, 1);
  }
  free(s->value);
  s->value = NULL;
  return changed;
}

static void env_set_backend(const char *name) {
  if (name == NULL)
    unsetenv("ND_BACKEND");
  else
    setenv("ND_BACKEND", name, 1);
}

/* nd_loop_init with ND_BACKEND set to `name` (NULL: unset) for this call. */
static int loop_init_backend(nd_loop_t *loop, const char *name) {
  struct env_saved saved;
  int r;

  env_save(&saved);
  env_set_backend(name);
  r = nd_loop_init(loop);
  env_restore(&saved);
  return r;
}


/*
 * The io_uring instances this process holds, found by their descriptors'
 * names; every ring has an inode of its own.  nd_backend_fd() is no help
 * here: on io_uring it gives embedders an eventfd, not the ring.
 */
#define MAX_RINGS 8

struct rings {
  int n;
  int fd[MAX_RINGS];
  ino_t ino[MAX_RINGS];
};

static int list_rings(struct rings *r) {
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  struct stat st;
  char path[64];
  char link[64];
  ssize_t len;
  int fd;

  memset(r, 0, sizeof(*r));
  if (d == NULL)
    return -1;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    fd = atoi(e->d_name);
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    len = readlink(path, link, sizeof(link) - 1);
    if (len < 0)
      continue;
    link[len] = '\0';
    if (strcmp(link, "anon_inode:[io_uring]") != 0)
      continue;
    if (r->n < MAX_RINGS) {
      r->fd[r->n] = fd;
      r->ino[r->n] = stat(path, &st) == 0 ? st.st_ino : 0;
    }
    r->n++;
  }
  closedir(d);
  return 0;
}

/* The one ring the process holds; fails the test if there is not one. */
static struct rings the_ring(const char *when) {
  struct rings r;

  assert_int_equal(list_rings(&r), 0);
  if (r.n != 1)
    fail_msg("%s: %d io_uring descriptors open, want 1", when, r.n);
  return r;
}

/* --- one loop exercised without cmocka ------------------------------------ */

/*
 * What a loop must do on any backend: timers fire in deadline order, a
 * poll handle reports the bytes written to its pipe while the loop waits,
 * and an async handle sent from another thread wakes the loop.  Forked
 * children and other threads cannot use cmocka's asserts, so this returns
 * 0 or the step that went wrong.
 */
#define EXERCISE_STEPS(XX)                                                   \
  XX(EX_SETUP, "a handle, the pipe or the thread could not be set up")      \
  XX(EX_RUN, "nd_run(ND_RUN_DEFAULT) returned nonzero")                      \
  XX(EX_WATCHDOG, "the run did not finish within 10 s")                      \
  XX(EX_TIMERS, "the timers did not fire once each, in deadline order")      \
  XX(EX_POLL_STALE, "a READABLE callback found nothing to read")             \
  XX(EX_POLL_BYTES, "the poll handle did not report exactly \"abcd\"")       \
  XX(EX_ASYNC, "the async callback did not run exactly once")                \
  XX(EX_CLOSE, "nd_loop_close failed afterwards")

enum {
  EX_OK = 0,
#define EX_ENUM(name, text) name,
  EXERCISE_STEPS(EX_ENUM)
#undef EX_ENUM
  EX_MAX
};

static const char *exercise_step_name(int step) {
  static const char *const names[] = {
    "ok",
#define EX_NAME(name, text) text,
    EXERCISE_STEPS(EX_NAME)
#undef EX_NAME
  };

  return step >= 0 && step < EX_MAX ? names[step] : "unknown step";
}

struct exercise {
  nd_timer_t timers[3];
  nd_timer_t watchdog;
  nd_poll_t poll;
  nd_async_t async;
  int fds[2];
  sem_t go;
  int go_posted;
  int order[3];
  int nfired;
  char got[16];
  size_t ngot;
  int stale;
  int write_failed;
  int async_calls;
  int expired;
  int closed;
};

static void exercise_close_all(struct exercise *ex) {
  int i;

  if (ex->closed)
    return;
  ex->closed = 1;
  for (i = 0; i < 3; i++)
    nd_close((nd_handle_t *)&ex->timers[i], NULL);
  nd_close((nd_handle_t *)&ex->watchdog, NULL);
  nd_close((nd_handle_t *)&ex->poll, NULL);
  nd_close((nd_handle_t *)&ex->async, NULL);
}

static void exercise_post(struct exercise *ex) {
  if (!ex->go_posted) {
    ex->go_posted = 1;
    sem_post(&ex->go);
  }
}

/* Done when every timer fired, all four bytes arrived and the async ran. */
static void exercise_maybe_done(struct exercise *ex) {
  if (ex->nfired >= 3 && ex->ngot >= 4 && ex->async_calls >= 1)
    exercise_close_all(ex);
}

static int write_all(int fd, const char *s) {
  size_t n = strlen(s);

  return write(fd, s, n) == (ssize_t)n ? 0 : -1;
}

static void exercise_timer_cb(nd_timer_t *t) {
  struct exercise *ex = t->data;
  int i = (int)(t - ex->timers);

  if (ex->nfired < 3)
    ex->order[ex->nfired] = i;
  ex->nfired++;
  /* Bytes arrive while the loop waits, and the async comes last. */
  if (i == 0 && write_all(ex->fds[1], "ab") != 0)
    ex->write_failed = 1;
  if (i == 1 && write_all(ex->fds[1], "cd") != 0)
    ex->write_failed = 1;
  if (i == 2)
    exercise_post(ex);
  exercise_maybe_done(ex);
}

static void exercise_poll_cb(nd_poll_t *h, int status, int events) {
  struct exercise *ex = h->data;
  char buf[16];
  ssize_t r;
  size_t total = 0;

  if (status != 0 || events != ND_READABLE) {
    ex->stale++;
    return;
  }
  while ((r = read(ex->fds[0], buf, sizeof(buf))) > 0) {
    if (ex->ngot + (size_t)r < sizeof(ex->got)) {
      memcpy(ex->got + ex->ngot, buf, (size_t)r);
    }
    ex->ngot += (size_t)r;
    total += (size_t)r;
  }
  if (total == 0)
    ex->stale++;
  exercise_maybe_done(ex);
}

static void exercise_async_cb(nd_async_t *a) {
  struct exercise *ex = a->data;

  ex->async_calls++;
  exercise_maybe_done(ex);
}

static void exercise_watchdog_cb(nd_timer_t *t) {
  struct exercise *ex = t->data;

  ex->expired = 1;
  exercise_post(ex);
  exercise_close_all(ex);
}

static void *exercise_thread(void *arg) {
  struct exercise *ex = arg;

  while (sem_wait(&ex->go) != 0 && errno == EINTR)
    ;
  nd_async_send(&ex->async);
  return NULL;
}

static int exercise_loop(nd_loop_t *loop) {
  static const uint64_t timeouts[3] = {1, 5, 10};
  struct exercise ex;
  pthread_t thread;
  int r;
  int i;

  memset(&ex, 0, sizeof(ex));
  if (pipe2(ex.fds, O_CLOEXEC) != 0)
    return EX_SETUP;
  if (sem_init(&ex.go, 0, 0) != 0)
    return EX_SETUP;
  for (i = 0; i < 3; i++) {
    if (nd_timer_init(loop, &ex.timers[i]) != 0)
      return EX_SETUP;
    ex.timers[i].data = &ex;
  }
  if (nd_timer_init(loop, &ex.watchdog) != 0 ||
      nd_poll_init(loop, &ex.poll, ex.fds[0]) != 0 ||
      nd_async_init(loop, &ex.async, exercise_async_cb) != 0)
    return EX_SETUP;
  ex.watchdog.data = &ex;
  ex.poll.data = &ex;
  ex.async.data = &ex;
  /* Started out of deadline order, so start order cannot explain it. */
  for (i = 2; i >= 0; i--)
    if (nd_timer_start(&ex.timers[i], exercise_timer_cb, timeouts[i], 0) != 0)
      return EX_SETUP;
  if (nd_timer_start(&ex.watchdog, exercise_watchdog_cb, WATCHDOG_MS, 0) != 0 ||
      nd_poll_start(&ex.poll, ND_READABLE, exercise_poll_cb) != 0)
    return EX_SETUP;
  if (pthread_create(&thread, NULL, exercise_thread, &ex) != 0)
    return EX_SETUP;

  r = nd_run(loop, ND_RUN_DEFAULT);

  exercise_post(&ex);
  pthread_join(thread, NULL);
  sem_destroy(&ex.go);
  close(ex.fds[0]);
  close(ex.fds[1]);

  if (ex.write_failed)
    return EX_SETUP;
  if (r != 0)
    return EX_RUN;
  if (ex.expired)
    return EX_WATCHDOG;
  if (ex.nfired != 3 || ex.order[0] != 0 || ex.order[1] != 1 || ex.order[2] != 2)
    return EX_TIMERS;
  if (ex.stale != 0)
    return EX_POLL_STALE;
  if (ex.ngot != 4 || memcmp(ex.got, "abcd", 4) != 0)
    return EX_POLL_BYTES;
  if (ex.async_calls != 1)
    return EX_ASYNC;
  return EX_OK;
}

/* --- seccomp: io_uring refused, epoll takes over ------------------------ */

#if defined(__x86_64__)
#define TEST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define TEST_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

/*
 * The child's checks, each with its exit code.  An exercise_loop failure
 * exits with its base plus the step.
 */
#define SECCOMP_CHECKS(XX)                                                   \
  XX(SC_NO_NEW_PRIVS, 1, "prctl(PR_SET_NO_NEW_PRIVS) failed")                \
  XX(SC_FILTER, 2, "installing the seccomp filter failed")                   \
  XX(SC_FILTER_WORKS, 3,                                                     \
     "with the filter, io_uring_setup(2) itself did not fail with EPERM")    \
  XX(SC_DEFAULT_INIT, 4, "ND_BACKEND unset: nd_loop_init failed")            \
  XX(SC_DEFAULT_NAME, 5, "ND_BACKEND unset: the backend is not \"epoll\"")   \
  XX(SC_DEFAULT_CLOSE, 6, "ND_BACKEND unset: nd_loop_close failed")          \
  XX(SC_URING_EPERM, 7,                                                      \
     "ND_BACKEND=io_uring: nd_loop_init did not return ND_EPERM")            \
  XX(SC_URING_FDS, 8,                                                        \
     "ND_BACKEND=io_uring: the failed nd_loop_init left descriptors open")   \
  XX(SC_EPOLL_INIT, 9, "ND_BACKEND=epoll: nd_loop_init failed")              \
  XX(SC_EPOLL_NAME, 10, "ND_BACKEND=epoll: the backend is not \"epoll\"")    \
  XX(SC_EPOLL_CLOSE, 11, "ND_BACKEND=epoll: nd_loop_close failed")

enum {
#define SC_ENUM(name, code, text) name = code,
  SECCOMP_CHECKS(SC_ENUM)
#undef SC_ENUM
  SC_DEFAULT_EXERCISE = 20, /* + exercise step */
  SC_EPOLL_EXERCISE = 40    /* + exercise step */
};

static void seccomp_describe(int code, char *buf, size_t len) {
#define SC_CASE(name, c, text)                                               \
  if (code == c) {                                                           \
    snprintf(buf, len, "%s", text);                                          \
    return;                                                                  \
  }
  SECCOMP_CHECKS(SC_CASE)
#undef SC_CASE
  if (code > SC_DEFAULT_EXERCISE && code < SC_DEFAULT_EXERCISE + EX_MAX)
    snprintf(buf, len, "ND_BACKEND unset, the fallback loop: %s",
             exercise_step_name(code - SC_DEFAULT_EXERCISE));
  else if (code > SC_EPOLL_EXERCISE && code < SC_EPOLL_EXERCISE + EX_MAX)
    snprintf(buf, len, "ND_BACKEND=epoll, the loop: %s",
             exercise_step_name(code - SC_EPOLL_EXERCISE));
  else
    snprintf(buf, len, "unknown exit code");
}

#ifdef TEST_AUDIT_ARCH
/*
 * io_uring_setup fails with EPERM; every other call is allowed.  A call
 * made through another ABI (arch is not this build's, or x32 numbering on
 * x86-64) kills the process instead: its numbers mean other calls, this
 * program never makes one, and letting it through could let an
 * io_uring_setup past the filter.  The parent reports such a death.
 */
static int install_uring_filter(void) {
  struct sock_filter filter[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TEST_AUDIT_ARCH, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
    /* x32 system calls: nr has bit 30 set. */
    BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
#endif
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {
    .len = (unsigned short)(sizeof(filter) / sizeof(filter[0])),
    .filter = filter,
  };

  return (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* The forked child: returns its exit code, 0 when every check passed. */
static int seccomp_child(void) {
  struct io_uring_params p;
  nd_loop_t loop;
  long r;
  int before;
  int step;

  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return SC_NO_NEW_PRIVS;
  if (install_uring_filter() != 0)
    return SC_FILTER;
  memset(&p, 0, sizeof(p));
  r = syscall(__NR_io_uring_setup, 4, &p);
  if (r != -1 || errno != EPERM)
    return SC_FILTER_WORKS;

  /* No choice named: io_uring is refused, so epoll, without a word. */
  env_set_backend(NULL);
  memset(&loop, 0, sizeof(loop));
  if (nd_loop_init(&loop) != 0)
    return SC_DEFAULT_INIT;
  if (nd_backend_name(&loop) == NULL ||
      strcmp(nd_backend_name(&loop), "epoll") != 0)
    return SC_DEFAULT_NAME;
  step = exercise_loop(&loop);
  if (step != EX_OK)
    return SC_DEFAULT_EXERCISE + step;
  if (nd_loop_close(&loop) != 0)
    return SC_DEFAULT_CLOSE;

  /* io_uring named: its error, and nothing left behind. */
  env_set_backend("io_uring");
  before = test_count_fds();
  memset(&loop, 0, sizeof(loop));
  if (nd_loop_init(&loop) != ND_EPERM)
    return SC_URING_EPERM;
  if (test_count_fds() != before)
    return SC_URING_FDS;

  /* epoll named: works as if nothing were filtered. */
  env_set_backend("epoll");
  memset(&loop, 0, sizeof(loop));
  if (nd_loop_init(&loop) != 0)
    return SC_EPOLL_INIT;
  if (nd_backend_name(&loop) == NULL ||
      strcmp(nd_backend_name(&loop), "epoll") != 0)
    return SC_EPOLL_NAME;
  step = exercise_loop(&loop);
  if (step != EX_OK)
    return SC_EPOLL_EXERCISE + step;
  if (nd_loop_close(&loop) != 0)
    return SC_EPOLL_CLOSE;
  return 0;
}
#endif

/*
 * A real seccomp filter in a child makes io_uring_setup fail with EPERM,
 * as a container runtime's default profile does.  Without ND_BACKEND the
 * loop falls back to epoll and works; with ND_BACKEND=io_uring the error
 * is nd_loop_init's; ND_BACKEND=epoll is not affected.
 */
static void test_seccomp_falls_back_to_epoll(void **state) {
#ifdef TEST_AUDIT_ARCH
  struct env_saved saved;
  char what[160];
  int status;
  pid_t pid;

  (void)state;
  env_save(&saved);
  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(seccomp_child());
  assert_int_equal(waitpid(pid, &status, 0), pid);
  /* The child changed its own environment only. */
  assert_false(env_restore(&saved));

  if (WIFSIGNALED(status))
    fail_msg("the seccomp child died of signal %d (%s)%s", WTERMSIG(status),
             strsignal(WTERMSIG(status)),
             WTERMSIG(status) == SIGSYS
                 ? ": a system call from another ABI met the arch check"
                 : "");
  assert_true(WIFEXITED(status));
  if (WEXITSTATUS(status) != 0) {
    seccomp_describe(WEXITSTATUS(status), what, sizeof(what));
    fail_msg("seccomp child check %d failed: %s", WEXITSTATUS(status), what);
  }
#else
  (void)state;
  printf("skipped: no seccomp arch value for this machine in the test\n");
  skip();
#endif
}

/* --- SQPOLL ---------------------------------------------------------------- */

/* The ring's submission-polling kernel thread, from fdinfo: -1 if none. */
static int ring_sq_thread(int ring_fd) {
  char path[64];
  char line[256];
  FILE *f;
  int tid = -2;

  snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", ring_fd);
  f = fopen(path, "r");
  if (f == NULL)
    return -2;
  while (fgets(line, sizeof(line), f) != NULL)
    if (sscanf(line, "SqThread: %d", &tid) == 1)
      break;
  fclose(f);
  return tid;
}

/* The name of one of this process's threads. */
static void thread_comm(int tid, char *buf, size_t len) {
  char path[64];
  FILE *f;

  snprintf(path, sizeof(path), "/proc/self/task/%d/comm", tid);
  buf[0] = '\0';
  f = fopen(path, "r");
  if (f == NULL)
    return;
  if (fgets(buf, (int)len, f) == NULL)
    buf[0] = '\0';
  buf[strcspn(buf, "\n")] = '\0';
  fclose(f);
}

/*
 * ND_LOOP_USE_SQPOLL on a fresh io_uring loop: the ring that runs the loop
 * afterwards has a kernel submission thread (fdinfo names it, and it is an
 * iou-sqp thread of this process), and timers, a poll handle and an async
 * handle work on it.
 */
static void test_sqpoll(void **state) {
  nd_loop_t loop;
  struct rings r;
  char comm[64];
  int tid;
  int step;

  (void)state;
  ND_OK(loop_init_backend(&loop, "io_uring"));
  assert_string_equal(nd_backend_name(&loop), "io_uring");
  r = the_ring("before SQPOLL");
  assert_int_equal(ring_sq_thread(r.fd[0]), -1);

  assert_int_equal(nd_loop_configure(&loop, ND_LOOP_USE_SQPOLL), 0);
  step = exercise_loop(&loop);
  if (step != EX_OK)
    fail_msg("SQPOLL loop: %s", exercise_step_name(step));

  /* One ring still: the one without SQPOLL is gone. */
  r = the_ring("after SQPOLL");
  tid = ring_sq_thread(r.fd[0]);
  if (tid <= 0)
    fail_msg("the ring's fdinfo says SqThread %d", tid);
  thread_comm(tid, comm, sizeof(comm));
  if (strncmp(comm, "iou-sqp-", 8) != 0)
    fail_msg("SqThread %d is \"%s\", not an iou-sqp thread of ours", tid, comm);
  assert_int_equal(nd_loop_close(&loop), 0);
  assert_int_equal(list_rings(&r), 0);
  assert_int_equal(r.n, 0);
}

static int busy_pipe[2];
static int busy_reads;

static void busy_poll_cb(nd_poll_t *h, int status, int events) {
  char c;

  (void)h;
  assert_int_equal(status, 0);
  assert_int_equal(events, ND_READABLE);
  assert_int_equal(read(busy_pipe[0], &c, 1), 1);
  assert_int_equal(c, 'q');
  busy_reads++;
}

/*
 * Once a descriptor is watched (and the loop has run, so the kernel holds
 * the registration), SQPOLL is refused with ND_EBUSY and nothing changes:
 * same ring, no kernel thread, the watcher still works.
 */
static void test_sqpoll_busy_after_watch(void **state) {
  nd_loop_t loop;
  nd_poll_t poll;
  watchdog_t wd;
  struct rings before;
  struct rings after;

  (void)state;
  ND_OK(loop_init_backend(&loop, "io_uring"));
  assert_int_equal(pipe2(busy_pipe, O_CLOEXEC), 0);
  busy_reads = 0;
  ND_OK(nd_poll_init(&loop, &poll, busy_pipe[0]));
  ND_OK(nd_poll_start(&poll, ND_READABLE, busy_poll_cb));
  assert_int_equal(nd_run(&loop, ND_RUN_NOWAIT), 1);
  before = the_ring("before SQPOLL");

  assert_int_equal(nd_loop_configure(&loop, ND_LOOP_USE_SQPOLL), ND_EBUSY);
  after = the_ring("after ND_EBUSY");
  assert_int_equal(after.ino[0], before.ino[0]);
  assert_int_equal(ring_sq_thread(after.fd[0]), -1);

  watchdog_start(&loop, &wd);
  assert_int_equal(write(busy_pipe[1], "q", 1), 1);
  while (busy_reads == 0 && !wd.expired)
    nd_run(&loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(busy_reads, 1);

  close_and_drain(&loop);
  assert_int_equal(nd_loop_close(&loop), 0);
  close(busy_pipe[0]);
  close(busy_pipe[1]);
}

/* epoll has no submission queue to poll. */
static void test_sqpoll_not_on_epoll(void **state) {
  nd_loop_t loop;
  struct rings r;
  int step;

  (void)state;
  ND_OK(loop_init_backend(&loop, "epoll"));
  assert_string_equal(nd_backend_name(&loop), "epoll");
  /* An epoll loop makes no ring. */
  assert_int_equal(list_rings(&r), 0);
  assert_int_equal(r.n, 0);
  assert_int_equal(nd_loop_configure(&loop, ND_LOOP_USE_SQPOLL), ND_ENOTSUP);
  /* Refused, and the loop is as it was. */
  step = exercise_loop(&loop);
  if (step != EX_OK)
    fail_msg("epoll loop after ND_ENOTSUP: %s", exercise_step_name(step));
  assert_int_equal(nd_loop_close(&loop), 0);
}

/* --- fork: the child gets a ring of its own ------------------------------ */

static int fork_pipe[2];
static char fork_got[8];
static size_t fork_ngot;
static int fork_stale;

/* The watcher started before the fork: reads what is there, then stops. */
static void fork_poll_cb(nd_poll_t *h, int status, int events) {
  char c;
  int n = 0;

  if (status != 0 || events != ND_READABLE) {
    fork_stale++;
    return;
  }
  while (read(fork_pipe[0], &c, 1) == 1) {
    if (fork_ngot < sizeof(fork_got))
      fork_got[fork_ngot] = c;
    fork_ngot++;
    n++;
  }
  if (n == 0)
    fork_stale++;
  nd_poll_stop(h);
}

/* Is fd in this process the same open file as parent_fd in the parent? */
static int same_file_as_parent(int fd, int parent_fd) {
  long r = syscall(SYS_kcmp, (long)getpid(), (long)getppid(), KCMP_FILE,
                   (long)fd, (long)parent_fd);

  return r < 0 ? -1 : r == 0;
}

#define FORK_CHECKS(XX)                                                      \
  XX(FK_INHERITED, 1, "before nd_loop_fork the child does not hold "        \
                      "exactly the parent's ring")                           \
  XX(FK_FORK, 2, "nd_loop_fork failed")                                      \
  XX(FK_RINGS, 3, "after nd_loop_fork the child does not hold exactly "     \
                  "one ring")                                                \
  XX(FK_SAME_RING, 4, "after nd_loop_fork the child's ring is the "         \
                      "parent's (same inode)")                               \
  XX(FK_NAME, 5, "after nd_loop_fork the backend is not io_uring")           \
  XX(FK_EMBED_FD, 6, "after nd_loop_fork nd_backend_fd failed")              \
  XX(FK_EMBED_SHARED, 7, "after nd_loop_fork nd_backend_fd is the "         \
                         "parent's open file (kcmp)")                        \
  XX(FK_WRITE, 8, "writing to the pipe failed")                              \
  XX(FK_WATCHER, 9, "the watcher started before the fork did not report "   \
                    "exactly \"c\"")

enum {
#define FK_ENUM(name, code, text) name = code,
  FORK_CHECKS(FK_ENUM)
#undef FK_ENUM
  FK_EXERCISE = 20 /* + exercise step */
};

static void fork_describe(int code, char *buf, size_t len) {
#define FK_CASE(name, c, text)                                               \
  if (code == c) {                                                           \
    snprintf(buf, len, "%s", text);                                          \
    return;                                                                  \
  }
  FORK_CHECKS(FK_CASE)
#undef FK_CASE
  if (code > FK_EXERCISE && code < FK_EXERCISE + EX_MAX)
    snprintf(buf, len, "in the child's loop: %s",
             exercise_step_name(code - FK_EXERCISE));
  else
    snprintf(buf, len, "unknown exit code");
}

static int fork_child(nd_loop_t *loop, ino_t parent_ring, int parent_fd) {
  struct rings r;
  int fd;
  int step;

  if (list_rings(&r) != 0 || r.n != 1 || r.ino[0] != parent_ring)
    return FK_INHERITED;
  if (nd_loop_fork(loop) != 0)
    return FK_FORK;
  /* The parent's ring is closed here, and the child has its own. */
  if (list_rings(&r) != 0 || r.n != 1)
    return FK_RINGS;
  if (r.ino[0] == parent_ring)
    return FK_SAME_RING;
  if (strcmp(nd_backend_name(loop), "io_uring") != 0)
    return FK_NAME;
  /* An embedder's descriptor the parent's loop signals would be wrong. */
  fd = nd_backend_fd(loop);
  if (fd < 0)
    return FK_EMBED_FD;
  if (same_file_as_parent(fd, parent_fd) == 1)
    return FK_EMBED_SHARED;

  fork_ngot = 0;
  fork_stale = 0;
  if (write(fork_pipe[1], "c", 1) != 1)
    return FK_WRITE;
  /* Timers, a new poll handle and an async, with the old watcher alive. */
  step = exercise_loop(loop);
  if (step != EX_OK)
    return FK_EXERCISE + step;
  if (fork_stale != 0 || fork_ngot != 1 || fork_got[0] != 'c')
    return FK_WATCHER;
  return 0;
}

/*
 * An io_uring loop with a registered watcher, forked: the child holds the
 * parent's ring until nd_loop_fork, which closes it there and makes one of
 * the child's own (another inode), on which the old watcher, timers and an
 * async handle work; the descriptor nd_backend_fd gives an embedder is not
 * the parent's either.  The parent keeps its ring and its loop works after
 * the child is gone.
 */
static void test_fork_gets_new_ring(void **state) {
  nd_loop_t loop;
  nd_poll_t poll;
  struct rings ring;
  struct rings after;
  char what[160];
  int embed_fd;
  int status;
  int step;
  pid_t pid;

  (void)state;
  ND_OK(loop_init_backend(&loop, "io_uring"));
  assert_int_equal(pipe2(fork_pipe, O_CLOEXEC), 0);
  ND_OK(nd_poll_init(&loop, &poll, fork_pipe[0]));
  ND_OK(nd_poll_start(&poll, ND_READABLE, fork_poll_cb));
  embed_fd = nd_backend_fd(&loop);
  assert_true(embed_fd >= 0);
  /* The kernel holds the poll request before the fork. */
  assert_int_equal(nd_run(&loop, ND_RUN_NOWAIT), 1);
  ring = the_ring("before the fork");

  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(fork_child(&loop, ring.ino[0], embed_fd));
  assert_int_equal(waitpid(pid, &status, 0), pid);
  if (WIFSIGNALED(status))
    fail_msg("the fork child died of signal %d (%s)", WTERMSIG(status),
             strsignal(WTERMSIG(status)));
  assert_true(WIFEXITED(status));
  if (WEXITSTATUS(status) != 0) {
    fork_describe(WEXITSTATUS(status), what, sizeof(what));
    fail_msg("fork child check %d failed: %s", WEXITSTATUS(status), what);
  }

  /* The parent's ring is the one it had, and its loop works. */
  after = the_ring("in the parent after the fork");
  assert_int_equal(after.ino[0], ring.ino[0]);
  assert_int_equal(nd_backend_fd(&loop), embed_fd);
  fork_ngot = 0;
  fork_stale = 0;
  assert_int_equal(write(fork_pipe[1], "p", 1), 1);
  step = exercise_loop(&loop);
  if (step != EX_OK)
    fail_msg("parent loop after the fork: %s", exercise_step_name(step));
  assert_int_equal(fork_stale, 0);
  assert_int_equal(fork_ngot, 1);
  assert_int_equal(fork_got[0], 'p');

  close_and_drain(&loop);
  assert_int_equal(nd_loop_close(&loop), 0);
  close(fork_pipe[0]);
  close(fork_pipe[1]);
}

/* --- a loop that moves from thread to thread ----------------------------- */

/*
 * Each run writes one byte before it starts and has a timer write another
 * while the loop waits; the poll handle stays started from the creating
 * thread to the last.  Threads only record; the main thread asserts.
 */
struct hop {
  nd_loop_t loop;
  nd_poll_t poll;
  nd_timer_t timer;
  nd_timer_t watchdog;
  int fds[2];
  char got[16];
  size_t ngot;
  int fired;
  int stale;
  int expired;
  int err;            /* the first call that failed, or 0 */
  char tag;           /* this run's bytes: tag, then its upper case */
};

static void hop_poll_cb(nd_poll_t *h, int status, int events) {
  struct hop *hp = h->data;
  char buf[8];
  ssize_t r;
  int n = 0;

  if (status != 0 || events != ND_READABLE) {
    hp->stale++;
    return;
  }
  while ((r = read(hp->fds[0], buf, sizeof(buf))) > 0) {
    if (hp->ngot + (size_t)r <= sizeof(hp->got))
      memcpy(hp->got + hp->ngot, buf, (size_t)r);
    hp->ngot += (size_t)r;
    n++;
  }
  if (n == 0)
    hp->stale++;
}

static void hop_timer_cb(nd_timer_t *t) {
  struct hop *hp = t->data;
  char c = (char)(hp->tag - 'a' + 'A');

  hp->fired++;
  if (write(hp->fds[1], &c, 1) != 1)
    hp->err = __LINE__;
}

static void hop_watchdog_cb(nd_timer_t *t) {
  struct hop *hp = t->data;

  hp->expired = 1;
}

static void *hop_create(void *arg) {
  struct hop *hp = arg;

  if (nd_loop_init(&hp->loop) != 0 || pipe2(hp->fds, O_CLOEXEC) != 0 ||
      nd_poll_init(&hp->loop, &hp->poll, hp->fds[0]) != 0 ||
      nd_poll_start(&hp->poll, ND_READABLE, hop_poll_cb) != 0 ||
      nd_timer_init(&hp->loop, &hp->timer) != 0 ||
      nd_timer_init(&hp->loop, &hp->watchdog) != 0)
    hp->err = __LINE__;
  hp->poll.data = hp;
  hp->timer.data = hp;
  hp->watchdog.data = hp;
  return NULL;
}

/* One run in the calling thread: this run's two bytes and its timer. */
static void hop_run(struct hop *hp) {
  size_t want = hp->ngot + 2;
  int fired = hp->fired;

  if (write(hp->fds[1], &hp->tag, 1) != 1 ||
      nd_timer_start(&hp->timer, hop_timer_cb, 10, 0) != 0 ||
      nd_timer_start(&hp->watchdog, hop_watchdog_cb, WATCHDOG_MS, 0) != 0) {
    hp->err = __LINE__;
    return;
  }
  while ((hp->ngot < want || hp->fired == fired) && !hp->expired)
    nd_run(&hp->loop, ND_RUN_ONCE);
  nd_timer_stop(&hp->watchdog);
}

/* A thread's own loop, next to which the visiting loop runs. */
struct own_loop {
  nd_loop_t loop;
  nd_poll_t poll;
  nd_timer_t timer;
  int fds[2];
  int reads;
  int fired;
  int stale;
  int expired;
  int err;
};

static void own_poll_cb(nd_poll_t *h, int status, int events) {
  struct own_loop *o = h->data;
  char c;
  int n = 0;

  if (status != 0 || events != ND_READABLE) {
    o->stale++;
    return;
  }
  while (read(o->fds[0], &c, 1) == 1)
    n++;
  if (n == 0)
    o->stale++;
  o->reads += n;
}

static void own_timer_cb(nd_timer_t *t) {
  struct own_loop *o = t->data;

  o->fired++;
}

/* A byte and a 1 ms timer on the thread's own loop; run until both came. */
static void own_run(struct own_loop *o) {
  int reads = o->reads;
  int fired = o->fired;
  uint64_t deadline = test_ms() + WATCHDOG_MS;

  if (write(o->fds[1], "o", 1) != 1 ||
      nd_timer_start(&o->timer, own_timer_cb, 1, 0) != 0) {
    o->err = __LINE__;
    return;
  }
  /* The timer bounds each ONCE; the deadline bounds the whole. */
  while ((o->reads == reads || o->fired == fired) && test_ms() < deadline)
    nd_run(&o->loop, ND_RUN_ONCE);
  if (o->reads == reads || o->fired == fired)
    o->expired = 1;
}

struct hop_thread {
  struct hop *hp;
  struct own_loop *own; /* NULL: the thread has no loop of its own */
  sem_t *done;          /* posted when the run is over */
  sem_t *release;       /* the thread waits for it before it exits */
};

static void *hop_runner(void *arg) {
  struct hop_thread *ht = arg;
  struct own_loop *o = ht->own;

  if (o != NULL) {
    if (nd_loop_init(&o->loop) != 0 || pipe2(o->fds, O_CLOEXEC) != 0 ||
        nd_poll_init(&o->loop, &o->poll, o->fds[0]) != 0 ||
        nd_poll_start(&o->poll, ND_READABLE, own_poll_cb) != 0 ||
        nd_timer_init(&o->loop, &o->timer) != 0)
      o->err = __LINE__;
    o->poll.data = o;
    o->timer.data = o;
    if (o->err == 0)
      own_run(o);
  }
  hop_run(ht->hp);
  /* The visitor is gone; the thread's own loop still works. */
  if (o != NULL && o->err == 0)
    own_run(o);
  if (o != NULL) {
    nd_close((nd_handle_t *)&o->poll, NULL);
    nd_close((nd_handle_t *)&o->timer, NULL);
    if (nd_run(&o->loop, ND_RUN_DEFAULT) != 0 || nd_loop_close(&o->loop) != 0)
      o->err = __LINE__;
    close(o->fds[0]);
    close(o->fds[1]);
  }
  sem_post(ht->done);
  /* Alive while the loop runs elsewhere, so its kernel state is too. */
  while (sem_wait(ht->release) != 0 && errno == EINTR)
    ;
  return NULL;
}

static void hop_check(const struct hop *hp, const char *want, int runs,
                      const char *who) {
  if (hp->err != 0)
    fail_msg("%s: a call failed (test line %d)", who, hp->err);
  if (hp->expired)
    fail_msg("%s: the run did not get its bytes and timer in %d ms (got %zu "
             "bytes, timer fired %d times)", who, WATCHDOG_MS, hp->ngot,
             hp->fired);
  assert_int_equal(hp->stale, 0);
  assert_int_equal(hp->fired, runs);
  assert_int_equal(hp->ngot, strlen(want));
  if (memcmp(hp->got, want, strlen(want)) != 0)
    fail_msg("%s: got \"%.*s\", want \"%s\"", who, (int)hp->ngot, hp->got, want);
}

/*
 * A loop made in one thread, run in a second, then in a third that has a
 * loop of its own: timers and a poll handle started in the first thread
 * work in each run (an io_uring ring belongs to the thread that drives it,
 * so the backend has to cope), and the third thread's own loop works
 * before and after the visit.  The earlier threads stay alive meanwhile.
 * The main thread then closes the loop, a fourth thread.
 */
static void test_loop_moves_between_threads(void **state) {
  struct hop *hp;
  struct own_loop own;
  struct hop_thread ht2;
  struct hop_thread ht3;
  sem_t done;
  sem_t release;
  pthread_t t1;
  pthread_t t2;
  pthread_t t3;
  const char *backend;
  struct rings r;
  int uring;

  (void)state;
  hp = calloc(1, sizeof(*hp));
  assert_non_null(hp);
  memset(&own, 0, sizeof(own));
  assert_int_equal(sem_init(&done, 0, 0), 0);
  assert_int_equal(sem_init(&release, 0, 0), 0);

  assert_int_equal(pthread_create(&t1, NULL, hop_create, hp), 0);
  assert_int_equal(pthread_join(t1, NULL), 0);
  if (hp->err != 0)
    fail_msg("creating the loop in a thread: test line %d", hp->err);
  backend = nd_backend_name(&hp->loop);
  uring = strcmp(backend, "io_uring") == 0;

  hp->tag = 'a';
  ht2.hp = hp;
  ht2.own = NULL;
  ht2.done = &done;
  ht2.release = &release;
  assert_int_equal(pthread_create(&t2, NULL, hop_runner, &ht2), 0);
  assert_int_equal(sem_wait(&done), 0);
  hop_check(hp, "aA", 1, "second thread");
  assert_int_equal(list_rings(&r), 0);
  assert_int_equal(r.n, uring);

  hp->tag = 'b';
  ht3 = ht2;
  ht3.own = &own;
  assert_int_equal(pthread_create(&t3, NULL, hop_runner, &ht3), 0);
  assert_int_equal(sem_wait(&done), 0);
  hop_check(hp, "aAbB", 2, "third thread");
  if (own.err != 0)
    fail_msg("the third thread's own loop: a call failed (test line %d)",
             own.err);
  assert_false(own.expired);
  assert_int_equal(own.stale, 0);
  assert_int_equal(own.reads, 2);
  assert_int_equal(own.fired, 2);
  /* The third thread's loop is closed; the ring the second used too. */
  assert_int_equal(list_rings(&r), 0);
  assert_int_equal(r.n, uring);

  assert_int_equal(sem_post(&release), 0);
  assert_int_equal(sem_post(&release), 0);
  assert_int_equal(pthread_join(t2, NULL), 0);
  assert_int_equal(pthread_join(t3, NULL), 0);
  assert_string_equal(nd_backend_name(&hp->loop), backend);

  close_and_drain(&hp->loop);
  assert_int_equal(nd_loop_close(&hp->loop), 0);
  assert_int_equal(list_rings(&r), 0);
  assert_int_equal(r.n, 0);
  close(hp->fds[0]);
  close(hp->fds[1]);
  sem_destroy(&done);
  sem_destroy(&release);
  free(hp);
}

/* --- stress: 10,000 watchers toggled at random --------------------------- */

/*
 * Every slot is a pipe and a poll handle.  A read slot watches the read end
 * for READABLE; the test writes single bytes numbered per pipe, and the
 * callback reads all there is and checks every byte's number, so a lost,
 * repeated or reordered byte fails.  A write slot watches the write end
 * (its pipe one page big) for WRITABLE, or READABLE|WRITABLE, or READABLE
 * alone, which a write end never reports; the callback writes numbered
 * bytes until the pipe is full, and the test drains it at random.  Either
 * callback must make progress: nothing to read or no room to write means
 * the event was stale or a duplicate.  A stopped or closed handle must get
 * no event at all.
 */
#define STRESS_PIPES 10000
/* Beyond those open at the start: the loop's own, made lazily. */
#define STRESS_SPARE_FDS 8
#define STRESS_SEED UINT64_C(0x9e3779b97f4a7c15)
#define STRESS_MAX_ACTIONS 48
#define STRESS_MAX_UNREAD 1024
#define STRESS_WRITE_PIPE_SIZE 4096

enum { SLOT_READ, SLOT_WRITE };
enum { WATCH_STOPPED, WATCH_STARTED, WATCH_CLOSING };

struct slot;

/* One poll handle; freed by its close callback. */
struct watch {
  nd_poll_t handle; /* first: the callback's handle is the watch */
  struct slot *slot;
  int state;
};

struct slot {
  struct watch *watch;
  int rfd;
  int wfd;
  int kind;
  int mask;          /* the events the watch is started with */
  int full;          /* write slot: the last write ended on EAGAIN */
  uint64_t written;  /* bytes written to this pipe; byte i is (uint8_t)i */
  uint64_t nread;    /* bytes read back and checked */
};

static struct {
  nd_loop_t *loop;
  struct slot *slots;
  size_t n;
  uint64_t rng;         /* the rounds' choices */
  uint64_t nested_rng;  /* callbacks' choices, which depend on event order */
  int quiet;            /* callbacks only read and write */
  size_t touched[STRESS_MAX_ACTIONS]; /* this round's slots */
  size_t ntouched;
  unsigned long rounds;
  unsigned long once;
  unsigned long nowait;
  unsigned long writes;
  unsigned long drains;
  unsigned long callbacks;
  unsigned long readable;
  unsigned long writable;
  unsigned long stops;
  unsigned long starts;
  unsigned long masks;
  unsigned long reopens;
  unsigned long nested;
  unsigned long guards;
  unsigned long watches_open;
  uint64_t bytes_written;
  uint64_t bytes_read;
  uint64_t bytes_lost;
} stress;

static uint64_t stress_rand(uint64_t *rng) {
  /* xorshift64*: the same sequence on every machine. */
  *rng ^= *rng >> 12;
  *rng ^= *rng << 25;
  *rng ^= *rng >> 27;
  return *rng * UINT64_C(2685821657736338717);
}

static size_t slot_index(const struct slot *s) {
  return (size_t)(s - stress.slots);
}

/* Read everything the pipe holds, checking each byte's number. */
static size_t stress_read_all(struct slot *s) {
  uint8_t buf[4096];
  size_t total = 0;
  ssize_t r;
  ssize_t i;

  for (;;) {
    r = read(s->rfd, buf, sizeof(buf));
    if (r < 0) {
      if (errno == EINTR)
        continue;
      if (errno == EAGAIN)
        break;
      fail_msg("slot %zu: read: %s", slot_index(s), strerror(errno));
    }
    if (r == 0)
      fail_msg("slot %zu: end of file with the write end open", slot_index(s));
    for (i = 0; i < r; i++)
      if (buf[i] != (uint8_t)(s->nread + (uint64_t)i))
        fail_msg("slot %zu: byte %llu is %u, want %u: lost, repeated or "
                 "reordered", slot_index(s),
                 (unsigned long long)(s->nread + (uint64_t)i), buf[i],
                 (uint8_t)(s->nread + (uint64_t)i));
    s->nread += (uint64_t)r;
    total += (size_t)r;
    if (s->nread > s->written)
      fail_msg("slot %zu: read %llu bytes of %llu written", slot_index(s),
               (unsigned long long)s->nread, (unsigned long long)s->written);
  }
  stress.bytes_read += total;
  return total;
}

/* Write numbered bytes until the pipe is full. */
static size_t stress_fill(struct slot *s) {
  uint8_t buf[STRESS_WRITE_PIPE_SIZE];
  size_t total = 0;
  ssize_t r;
  size_t i;

  for (;;) {
    for (i = 0; i < sizeof(buf); i++)
      buf[i] = (uint8_t)(s->written + i);
    r = write(s->wfd, buf, sizeof(buf));
    if (r < 0) {
      if (errno == EINTR)
        continue;
      if (errno == EAGAIN)
        break;
      fail_msg("slot %zu: write: %s", slot_index(s), strerror(errno));
    }
    s->written += (uint64_t)r;
    total += (size_t)r;
  }
  s->full = 1;
  stress.bytes_written += total;
  return total;
}

static const char *watch_state_name(int state) {
  switch (state) {
  case WATCH_STOPPED:
    return "stopped";
  case WATCH_STARTED:
    return "started";
  default:
    return "closed";
  }
}

static void stress_act(struct slot *s, uint64_t *rng);

static void stress_cb(nd_poll_t *h, int status, int events) {
  struct watch *w = (struct watch *)h;
  struct slot *s = w->slot;

  if (w->state != WATCH_STARTED || s->watch != w)
    fail_msg("slot %zu: events %d for a %s handle%s", slot_index(s), events,
             watch_state_name(w->state),
             s->watch != w ? " of a pipe since replaced" : "");
  if (status != 0)
    fail_msg("slot %zu: status %s", slot_index(s), nd_err_name(status));
  stress.callbacks++;
  if (s->kind == SLOT_READ) {
    if (events != ND_READABLE)
      fail_msg("slot %zu: events %d on a read end watched for READABLE",
               slot_index(s), events);
    if (stress_read_all(s) == 0)
      fail_msg("slot %zu: READABLE, but there is nothing to read: a stale or "
               "duplicate event", slot_index(s));
    stress.readable++;
  } else {
    if (events != ND_WRITABLE || !(s->mask & ND_WRITABLE))
      fail_msg("slot %zu: events %d on a write end watched for %d",
               slot_index(s), events, s->mask);
    if (stress_fill(s) == 0)
      fail_msg("slot %zu: WRITABLE, but the pipe is full: a stale or "
               "duplicate event", slot_index(s));
    stress.writable++;
  }
  /*
   * Now and then act on another slot (or this one) from here: events the
   * backend fetched in this batch for a handle stopped, closed or replaced
   * by a new pipe on the same fd number must be dropped.
   */
  if (!stress.quiet && stress_rand(&stress.nested_rng) % 4 == 0) {
    uint64_t r = stress_rand(&stress.nested_rng);
    /* Half the time a slot of this round: likely one with an event due. */
    size_t i = (r & 1) && stress.ntouched > 0
                   ? stress.touched[(r >> 1) % stress.ntouched]
                   : (size_t)((r >> 1) % stress.n);
    stress.nested++;
    stress_act(&stress.slots[i], &stress.nested_rng);
  }
}

static void stress_close_cb(nd_handle_t *h) {
  struct watch *w = (struct watch *)h;

  if (w->state != WATCH_CLOSING)
    fail_msg("close callback of a %s handle", watch_state_name(w->state));
  stress.watches_open--;
  free(w);
}

static void stress_start(struct slot *s) {
  ND_OK(nd_poll_start(&s->watch->handle, s->mask, stress_cb));
  s->watch->state = WATCH_STARTED;
  stress.starts++;
}

static void stress_stop(struct slot *s) {
  ND_OK(nd_poll_stop(&s->watch->handle));
  s->watch->state = WATCH_STOPPED;
  stress.stops++;
}

static void stress_open(struct slot *s, int kind, int start) {
  struct watch *w;
  int fds[2];

  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    fail_msg("pipe2: %s", strerror(errno));
  /* One page: a few kilobytes fill it, so it goes full and back often. */
  if (kind == SLOT_WRITE &&
      fcntl(fds[1], F_SETPIPE_SZ, STRESS_WRITE_PIPE_SIZE) < 0)
    fail_msg("F_SETPIPE_SZ: %s", strerror(errno));
  s->rfd = fds[0];
  s->wfd = fds[1];
  s->kind = kind;
  s->mask = kind == SLOT_READ ? ND_READABLE : ND_WRITABLE;
  s->full = 0;
  s->written = 0;
  s->nread = 0;
  w = calloc(1, sizeof(*w));
  assert_non_null(w);
  w->slot = s;
  w->state = WATCH_STOPPED;
  ND_OK(nd_poll_init(stress.loop, &w->handle, kind == SLOT_READ ? s->rfd : s->wfd));
  s->watch = w;
  stress.watches_open++;
  if (start)
    stress_start(s);
}

/* Close the handle, then the pipe; its unread bytes go with it. */
static void stress_close(struct slot *s) {
  stress.bytes_lost += s->written - s->nread;
  s->watch->state = WATCH_CLOSING;
  nd_close((nd_handle_t *)&s->watch->handle, stress_close_cb);
  s->watch = NULL;
  close(s->rfd);
  close(s->wfd);
}

static int stress_kind(uint64_t *rng) {
  return stress_rand(rng) % 8 == 0 ? SLOT_WRITE : SLOT_READ;
}

/* Will the loop have an event for this slot right away? */
static int stress_ready(const struct slot *s) {
  if (s->watch->state != WATCH_STARTED)
    return 0;
  if (s->kind == SLOT_READ)
    return s->written != s->nread;
  return (s->mask & ND_WRITABLE) && !s->full;
}

static void stress_act(struct slot *s, uint64_t *rng) {
  unsigned int r = (unsigned int)(stress_rand(rng) % 100);
  uint8_t byte;

  if (r < 3) {
    /* The new pipe likely gets the numbers the old one had. */
    stress_close(s);
    stress_open(s, stress_kind(rng), 1);
    stress.reopens++;
    return;
  }
  if (s->kind == SLOT_READ) {
    if (r < 55) {
      if (s->written - s->nread >= STRESS_MAX_UNREAD)
        return;
      byte = (uint8_t)s->written;
      if (write(s->wfd, &byte, 1) != 1)
        fail_msg("slot %zu: write: %s", slot_index(s), strerror(errno));
      s->written++;
      stress.bytes_written++;
      stress.writes++;
    } else if (r < 77) {
      stress_stop(s);
    } else {
      stress_start(s);
    }
    return;
  }
  if (r < 45) {
    stress_read_all(s);
    s->full = 0;
    stress.drains++;
  } else if (r < 60) {
    stress_stop(s);
  } else if (r < 80) {
    stress_start(s);
  } else {
    /* WRITABLE -> READABLE|WRITABLE -> READABLE (never fires) -> ... */
    if (s->mask == ND_WRITABLE)
      s->mask = ND_READABLE | ND_WRITABLE;
    else if (s->mask == (ND_READABLE | ND_WRITABLE))
      s->mask = ND_READABLE;
    else
      s->mask = ND_WRITABLE;
    if (s->watch->state == WATCH_STARTED)
      ND_OK(nd_poll_start(&s->watch->handle, s->mask, stress_cb));
    stress.masks++;
  }
}

/*
 * Descriptors for `want` pipes besides those open now (and a few the loop
 * may open meanwhile): raise the soft limit to what is needed, and the hard
 * limit too if it is lower (which takes CAP_SYS_RESOURCE).  Returns how
 * many pipes fit, saying why when that is fewer.
 */
static size_t stress_fd_budget(size_t want, struct rlimit *saved) {
  int open_now = test_count_fds();
  rlim_t base;
  rlim_t need;
  struct rlimit rl;
  size_t n;

  assert_true(open_now > 0);
  base = (rlim_t)open_now + STRESS_SPARE_FDS;
  need = (rlim_t)want * 2 + base;
  assert_int_equal(getrlimit(RLIMIT_NOFILE, saved), 0);
  rl = *saved;
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need) {
    rl.rlim_max = need;
    rl.rlim_cur = need;
    if (setrlimit(RLIMIT_NOFILE, &rl) != 0) {
      printf("stress: cannot raise the hard RLIMIT_NOFILE from %llu to %llu: "
             "%s\n", (unsigned long long)saved->rlim_max,
             (unsigned long long)need, strerror(errno));
      rl = *saved;
    }
  }
  if (rl.rlim_cur < need && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max < need ? rl.rlim_max : need;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
  }
  assert_int_equal(getrlimit(RLIMIT_NOFILE, &rl), 0);
  if (rl.rlim_cur >= need)
    return want;
  n = rl.rlim_cur > base ? (size_t)(rl.rlim_cur - base) / 2 : 0;
  printf("stress: RLIMIT_NOFILE is %llu and %d descriptors are open, so %zu "
         "pipes instead of %zu\n", (unsigned long long)rl.rlim_cur, open_now,
         n, want);
  return n;
}

static int stress_settled(size_t *unread, size_t *writable) {
  size_t i;

  *unread = 0;
  *writable = 0;
  for (i = 0; i < stress.n; i++) {
    if (stress.slots[i].kind == SLOT_READ)
      *unread += stress.slots[i].written != stress.slots[i].nread;
    else
      *writable += !stress.slots[i].full;
  }
  return *unread == 0 && *writable == 0;
}

static void stress_guard_cb(nd_timer_t *t) {
  (void)t;
  stress.guards++;
}

static void test_stress_10000_watchers(void **state) {
  nd_loop_t *loop = *state;
  struct rlimit saved_rl;
  struct pollfd pfd;
  nd_timer_t guard;
  uint64_t duration_ms;
  uint64_t t0;
  uint64_t elapsed;
  uint64_t deadline;
  unsigned long before;
  size_t nwrite_slots = 0;
  size_t unread;
  size_t writable;
  size_t i;
  size_t k;
  size_t nact;
  int expect;
  int uring = strcmp(nd_backend_name(loop), "io_uring") == 0;

  memset(&stress, 0, sizeof(stress));
  stress.loop = loop;
  stress.rng = STRESS_SEED;
  stress.nested_rng = ~STRESS_SEED;
  stress.n = stress_fd_budget(STRESS_PIPES, &saved_rl);
  assert_true(stress.n > 0);
  stress.slots = calloc(stress.n, sizeof(*stress.slots));
  assert_non_null(stress.slots);
  /* 10 s where the ring's bookkeeping is the thing under test. */
  duration_ms = uring ? 10000 : 2000;

  for (i = 0; i < stress.n; i++)
    stress_open(&stress.slots[i], i % 8 == 0 ? SLOT_WRITE : SLOT_READ, 1);
  /* Bounds every ND_RUN_ONCE; an event that never comes fails at the end. */
  ND_OK(nd_timer_init(loop, &guard));
  ND_OK(nd_timer_start(&guard, stress_guard_cb, 1000, 1000));

  t0 = test_ms();
  do {
    nact = 1 + (size_t)(stress_rand(&stress.rng) % STRESS_MAX_ACTIONS);
    for (k = 0; k < nact; k++) {
      stress.touched[k] = (size_t)(stress_rand(&stress.rng) % stress.n);
      stress_act(&stress.slots[stress.touched[k]], &stress.rng);
    }
    stress.ntouched = nact;
    expect = 0;
    for (k = 0; k < nact && !expect; k++)
      expect = stress_ready(&stress.slots[stress.touched[k]]);
    /* ONCE only where something is ready: it must not sleep. */
    if (expect && (stress.rounds & 1)) {
      nd_run(loop, ND_RUN_ONCE);
      stress.once++;
    } else {
      nd_run(loop, ND_RUN_NOWAIT);
      stress.nowait++;
    }
    stress.rounds++;
    elapsed = test_ms() - t0;
  } while (elapsed < duration_ms);

  /*
   * Quiesce: no more writes; every watcher started with the events that
   * empty its pipe (read slots) or fill it (write slots).  Then every pipe
   * must be empty or full within a few iterations, and stay so.
   */
  stress.quiet = 1;
  for (i = 0; i < stress.n; i++) {
    if (stress.slots[i].kind == SLOT_WRITE) {
      stress.slots[i].mask = ND_WRITABLE;
      nwrite_slots++;
    }
    stress_start(&stress.slots[i]);
  }
  deadline = test_ms() + 20000;
  while (!stress_settled(&unread, &writable)) {
    nd_run(loop, ND_RUN_NOWAIT);
    if (test_ms() > deadline)
      fail_msg("not settled after 20 s: %zu read pipes with unread bytes, %zu "
               "writable write pipes, all watched: events were lost",
               unread, writable);
  }
  before = stress.callbacks;
  for (k = 0; k < 5; k++)
    nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(stress.callbacks, before);

  /* Every byte written to an open pipe was read exactly once, in order. */
  for (i = 0; i < stress.n; i++) {
    struct slot *s = &stress.slots[i];
    if (s->kind == SLOT_READ) {
      assert_int_equal(stress_read_all(s), 0);
    } else {
      pfd.fd = s->wfd;
      pfd.events = POLLOUT;
      pfd.revents = 0;
      assert_int_equal(poll(&pfd, 1, 0), 0);
      stress_read_all(s);
    }
    if (s->nread != s->written)
      fail_msg("slot %zu: %llu bytes written, %llu read", i,
               (unsigned long long)s->written, (unsigned long long)s->nread);
  }
  assert_true(stress.bytes_written == stress.bytes_read + stress.bytes_lost);

  printf("stress on %s: %zu pipes (%zu watching write ends), %.1f s, "
         "seed %#llx\n", nd_backend_name(loop), stress.n, nwrite_slots,
         (double)elapsed / 1000.0, (unsigned long long)STRESS_SEED);
  printf("  %lu rounds (%lu ND_RUN_ONCE, %lu ND_RUN_NOWAIT), %lu one-byte "
         "writes, %lu drains\n", stress.rounds, stress.once, stress.nowait, stress.writes,
         stress.drains);
  printf("  %lu callbacks (%lu readable, %lu writable), %lu of them acting "
         "on a slot\n", stress.callbacks, stress.readable, stress.writable,
         stress.nested);
  printf("  %lu stops, %lu starts, %lu mask changes, %lu reopens\n",
         stress.stops, stress.starts, stress.masks, stress.reopens);
  printf("  %llu bytes written, %llu read, %llu unread when their pipe was "
         "reopened; guard timer fired %lu times\n",
         (unsigned long long)stress.bytes_written,
         (unsigned long long)stress.bytes_read,
         (unsigned long long)stress.bytes_lost, stress.guards);

  for (i = 0; i < stress.n; i++)
    stress_close(&stress.slots[i]);
  nd_close((nd_handle_t *)&guard, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(stress.watches_open, 0);
  free(stress.slots);
  stress.slots = NULL;
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &saved_rl), 0);
}

/* --- --timer-only: a loop with timers and nothing else ------------------- */

static int timer_only_order[8];
static int timer_only_fired;

static void timer_only_cb(nd_timer_t *t) {
  if (timer_only_fired < 8)
    timer_only_order[timer_only_fired] = (int)(intptr_t)t->data;
  timer_only_fired++;
  nd_close((nd_handle_t *)t, NULL);
}

/*
 * For tests/examples/strace-uring.sh: five timers of 1 to 50 ms, run to
 * the end.  Exits 0 when they fired in deadline order and the loop closed.
 */
static int timer_only_main(void) {
  static const uint64_t ms[5] = {50, 1, 20, 5, 10};
  static const int want[5] = {1, 3, 4, 2, 0};
  nd_timer_t timers[5];
  nd_loop_t loop;
  int r;
  int i;

  r = nd_loop_init(&loop);
  if (r != 0) {
    fprintf(stderr, "nd_loop_init: %s\n", nd_strerror(r));
    return 1;
  }
  for (i = 0; i < 5; i++) {
    if (nd_timer_init(&loop, &timers[i]) != 0)
      return 1;
    timers[i].data = (void *)(intptr_t)i;
    if (nd_timer_start(&timers[i], timer_only_cb, ms[i], 0) != 0)
      return 1;
  }
  r = nd_run(&loop, ND_RUN_DEFAULT);
  printf("timer-only: backend %s, %d timers fired:", nd_backend_name(&loop),
         timer_only_fired);
  for (i = 0; i < timer_only_fired && i < 8; i++)
    printf(" %llu ms", (unsigned long long)ms[timer_only_order[i]]);
  printf("\n");
  if (r != 0 || timer_only_fired != 5)
    return 1;
  for (i = 0; i < 5; i++)
    if (timer_only_order[i] != want[i])
      return 1;
  r = nd_loop_close(&loop);
  if (r != 0) {
    fprintf(stderr, "nd_loop_close: %s\n", nd_strerror(r));
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_seccomp_falls_back_to_epoll),
    cmocka_unit_test(test_sqpoll),
    cmocka_unit_test(test_sqpoll_busy_after_watch),
    cmocka_unit_test(test_sqpoll_not_on_epoll),
    cmocka_unit_test(test_fork_gets_new_ring),
    cmocka_unit_test(test_loop_moves_between_threads),
    LOOP_TEST(test_stress_10000_watchers),
  };

  if (argc == 2 && strcmp(argv[1], "--timer-only") == 0)
    return timer_only_main();
  if (argc > 1) {
    fprintf(stderr, "usage: %s [--timer-only]\n", argv[0]);
    return 2;
  }
  return cmocka_run_group_tests(tests, NULL, NULL);
}
