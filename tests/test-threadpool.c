/*
 * test-threadpool.c - worker pools: nd_queue_work, nd_cancel, sizing,
 * private pools, the slow-I/O share, and fork.
 */
#include <pthread.h>
#include <semaphore.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "../src/loop/internal.h"

/* --- a gate that jobs wait at, so tests control what is running ------- */

static struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int open;
  int waiting; /* jobs blocked at the gate now */
  int max_waiting;
} gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};

static void gate_reset(void) {
  pthread_mutex_lock(&gate.lock);
  gate.open = 0;
  gate.waiting = 0;
  gate.max_waiting = 0;
  pthread_mutex_unlock(&gate.lock);
}

static void gate_pass(void) {
  pthread_mutex_lock(&gate.lock);
  gate.waiting++;
  if (gate.waiting > gate.max_waiting)
    gate.max_waiting = gate.waiting;
  pthread_cond_broadcast(&gate.cond);
  while (!gate.open)
    pthread_cond_wait(&gate.cond, &gate.lock);
  gate.waiting--;
  pthread_mutex_unlock(&gate.lock);
}

/* Wait (up to 10 s) until n jobs are blocked at the gate. */
static int gate_wait_for(int n) {
  struct timespec ts;
  int ok;

  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += 10;
  pthread_mutex_lock(&gate.lock);
  while (gate.waiting < n &&
         pthread_cond_timedwait(&gate.cond, &gate.lock, &ts) == 0)
    ;
  ok = gate.waiting >= n;
  pthread_mutex_unlock(&gate.lock);
  return ok;
}

static void gate_open(void) {
  pthread_mutex_lock(&gate.lock);
  gate.open = 1;
  pthread_cond_broadcast(&gate.cond);
  pthread_mutex_unlock(&gate.lock);
}

/* --- a job log ----------------------------------------------------------- */

struct job {
  nd_work_t req;
  int gated;
  int ran;            /* written by the worker */
  pthread_t worker;
  int after_calls;    /* loop thread */
  int after_status;
  int saw_ran;        /* after_work saw the worker's write */
};

static pthread_t loop_thread;

static void job_work(nd_work_t *req) {
  struct job *j = nd__container_of(req, struct job, req);

  j->worker = pthread_self();
  if (j->gated)
    gate_pass();
  j->ran = 1;
}

static void job_after(nd_work_t *req, int status) {
  struct job *j = nd__container_of(req, struct job, req);

  assert_true(pthread_equal(pthread_self(), loop_thread));
  j->after_calls++;
  j->after_status = status;
  j->saw_ran = j->ran;
}

static void test_work_runs_on_a_worker(void **state) {
  nd_loop_t *loop = *state;
  struct job j;

  memset(&j, 0, sizeof(j));
  loop_thread = pthread_self();
  ND_OK(nd_queue_work(loop, &j.req, job_work, job_after));
  assert_int_equal(j.req.type, ND_WORK);
  assert_ptr_equal(j.req.loop, loop);
  /* A request keeps the loop alive and busy until its callback ran. */
  assert_true(nd_loop_alive(loop));
  assert_int_equal(nd_loop_close(loop), ND_EBUSY);
  assert_int_equal(j.after_calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(j.after_calls, 1);
  assert_int_equal(j.after_status, 0);
  assert_true(j.saw_ran);
  assert_false(pthread_equal(j.worker, loop_thread));
}

static void test_many_jobs_each_once(void **state) {
  nd_loop_t *loop = *state;
  enum { N = 2000 };
  struct job *jobs = calloc(N, sizeof(*jobs));
  int i;

  assert_non_null(jobs);
  loop_thread = pthread_self();
  for (i = 0; i < N; i++)
    ND_OK(nd_queue_work(loop, &jobs[i].req, job_work, job_after));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < N; i++) {
    assert_int_equal(jobs[i].after_calls, 1);
    assert_int_equal(jobs[i].after_status, 0);
    assert_true(jobs[i].saw_ran);
  }
  free(jobs);
}

static int plain_runs;

static void plain_work(nd_work_t *req) {
  (void)req;
  __atomic_fetch_add(&plain_runs, 1, __ATOMIC_RELAXED);
}

static void test_arguments(void **state) {
  nd_loop_t *loop = *state;
  nd_work_t req;
  nd_req_t other;

  assert_int_equal(nd_queue_work(loop, &req, NULL, NULL), ND_EINVAL);
  assert_int_equal(nd_cancel(NULL), ND_EINVAL);
  memset(&other, 0, sizeof(other));
  other.type = ND_REQ;
  assert_int_equal(nd_cancel(&other), ND_EINVAL);
  /* No after_work_cb is fine: the job still runs and ends. */
  plain_runs = 0;
  ND_OK(nd_queue_work(loop, &req, plain_work, NULL));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(plain_runs, 1);
}

/*
 * Cancel: with every worker of a private pool held at the gate, queued
 * jobs can be cancelled (their after_work gets ND_ECANCELED, their work
 * never runs); running and finished ones cannot (ND_EBUSY).
 */
static void test_cancel(void **state) {
  nd_loop_t *loop = *state;
  nd_threadpool_t *pool;
  struct job running[2];
  struct job queued[3];
  int i;

  loop_thread = pthread_self();
  gate_reset();
  memset(running, 0, sizeof(running));
  memset(queued, 0, sizeof(queued));
  ND_OK(nd_threadpool_new(&pool, 2));
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  for (i = 0; i < 2; i++) {
    running[i].gated = 1;
    ND_OK(nd_queue_work(loop, &running[i].req, job_work, job_after));
  }
  assert_true(gate_wait_for(2));
  for (i = 0; i < 3; i++)
    ND_OK(nd_queue_work(loop, &queued[i].req, job_work, job_after));

  ND_OK(nd_cancel((nd_req_t *)&queued[0].req));
  ND_OK(nd_cancel((nd_req_t *)&queued[2].req));
  assert_int_equal(nd_cancel((nd_req_t *)&running[0].req), ND_EBUSY);
  /* The callback never runs from inside nd_cancel. */
  assert_int_equal(queued[0].after_calls, 0);
  /* A second cancel of the same request finds it no longer queued. */
  assert_int_equal(nd_cancel((nd_req_t *)&queued[0].req), ND_EBUSY);

  gate_open();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < 2; i++) {
    assert_int_equal(running[i].after_calls, 1);
    assert_int_equal(running[i].after_status, 0);
  }
  assert_int_equal(queued[0].after_status, ND_ECANCELED);
  assert_int_equal(queued[2].after_status, ND_ECANCELED);
  assert_false(queued[0].ran);
  assert_false(queued[2].ran);
  assert_int_equal(queued[1].after_status, 0);
  assert_true(queued[1].ran);
  for (i = 0; i < 3; i++)
    assert_int_equal(queued[i].after_calls, 1);
  /* Finished: too late to cancel. */
  assert_int_equal(nd_cancel((nd_req_t *)&queued[1].req), ND_EBUSY);

  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
}

/*
 * A private pool: its size bounds how many jobs run at once, it is busy
 * while a loop uses it, and two loops with their own pools do not share
 * threads.
 */
static void test_private_pool(void **state) {
  nd_loop_t *loop = *state;
  nd_threadpool_t *pool;
  struct job jobs[3];
  int i;

  loop_thread = pthread_self();
  gate_reset();
  memset(jobs, 0, sizeof(jobs));
  assert_int_equal(nd_threadpool_new(&pool, 0), ND_EINVAL);
  assert_int_equal(nd_threadpool_new(&pool, 1025), ND_EINVAL);
  ND_OK(nd_threadpool_new(&pool, 2));
  assert_int_equal(nd_threadpool_size(pool), 2);
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  assert_int_equal(nd_threadpool_free(pool), ND_EBUSY);

  for (i = 0; i < 3; i++) {
    jobs[i].gated = 1;
    ND_OK(nd_queue_work(loop, &jobs[i].req, job_work, job_after));
  }
  /* Two threads: two jobs at the gate, the third waits its turn. */
  assert_true(gate_wait_for(2));
  usleep(50000);
  pthread_mutex_lock(&gate.lock);
  assert_int_equal(gate.waiting, 2);
  pthread_mutex_unlock(&gate.lock);
  /* Changing pools with jobs in flight is refused. */
  assert_int_equal(nd_loop_configure(loop, ND_LOOP_THREADPOOL,
                                     (nd_threadpool_t *)NULL), ND_EBUSY);
  gate_open();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < 3; i++)
    assert_int_equal(jobs[i].after_calls, 1);
  assert_int_equal(gate.max_waiting, 2);

  /* Closing the loop lets the pool go. */
  assert_int_equal(nd_threadpool_free(pool), ND_EBUSY);
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
  assert_int_equal(nd_threadpool_free(NULL), ND_EINVAL);
}

/*
 * The slow-I/O share: a pool of 4 runs at most 2 slow jobs at once, and a
 * fast job submitted behind 8 blocked slow jobs runs at once.
 */
struct raw_job {
  nd__work_t w;
  int gated;
  int done_calls;
  int status;
};

static void raw_work(nd__work_t *w) {
  struct raw_job *j = nd__container_of(w, struct raw_job, w);

  if (j->gated)
    gate_pass();
}

static void raw_done(nd__work_t *w, int status) {
  struct raw_job *j = nd__container_of(w, struct raw_job, w);

  j->done_calls++;
  j->status = status;
  w->loop->active_reqs--;
}

static int fast_done;

static void fast_done_cb(nd__work_t *w, int status) {
  assert_int_equal(status, 0);
  fast_done = 1;
  w->loop->active_reqs--;
}

static void test_slow_io_share(void **state) {
  nd_loop_t *loop = *state;
  nd_threadpool_t *pool;
  struct raw_job slow[8];
  struct raw_job fast;
  watchdog_t wd;
  int i;

  gate_reset();
  memset(slow, 0, sizeof(slow));
  memset(&fast, 0, sizeof(fast));
  ND_OK(nd_threadpool_new(&pool, 4));
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  for (i = 0; i < 8; i++) {
    slow[i].gated = 1;
    ND_OK(nd__work_submit(loop, &slow[i].w, ND__WORK_SLOW_IO, raw_work,
                          raw_done));
    loop->active_reqs++;
  }
  assert_true(gate_wait_for(2));
  ND_OK(nd__work_submit(loop, &fast.w, ND__WORK_FAST_IO, raw_work,
                        fast_done_cb));
  loop->active_reqs++;

  /* The fast job finishes while all eight slow ones are still blocked. */
  fast_done = 0;
  watchdog_start(loop, &wd);
  while (!fast_done && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  pthread_mutex_lock(&gate.lock);
  assert_int_equal(gate.waiting, 2);
  assert_int_equal(gate.max_waiting, 2);
  pthread_mutex_unlock(&gate.lock);

  gate_open();
  nd_close((nd_handle_t *)&wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < 8; i++) {
    assert_int_equal(slow[i].done_calls, 1);
    assert_int_equal(slow[i].status, 0);
  }
  /* Never more than half the threads on slow work. */
  assert_int_equal(gate.max_waiting, 2);
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
}

/*
 * Sizing the default pool: in a fresh process (this binary run again with
 * --size-child, so no default pool exists yet), before first use, by
 * nd_threadpool_set_size or the environment; after first use it is fixed.
 * The child reports through its exit code.
 */
static int child_size_check(unsigned int set, unsigned int want) {
  nd_loop_t loop;
  struct job jobs[8];
  unsigned int busy = want < 8 ? want : 8;
  unsigned int i;

  if (set != 0 && nd_threadpool_set_size(set) != 0)
    return 10;
  if (nd_threadpool_size(NULL) != want)
    return 11;
  if (nd_loop_init(&loop) != 0)
    return 12;
  loop_thread = pthread_self();
  gate_reset();
  memset(jobs, 0, sizeof(jobs));
  for (i = 0; i < 8; i++) {
    jobs[i].gated = 1;
    if (nd_queue_work(&loop, &jobs[i].req, job_work, job_after) != 0)
      return 13;
  }
  /* As many jobs at the gate as there are threads, no more. */
  if (!gate_wait_for((int)busy))
    return 14;
  usleep(50000);
  if (gate.waiting != (int)busy)
    return 15;
  /* In use now: the size is fixed. */
  if (nd_threadpool_set_size(2) != ND_EBUSY)
    return 16;
  gate_open();
  if (nd_run(&loop, ND_RUN_DEFAULT) != 0 || nd_loop_close(&loop) != 0)
    return 17;
  return 0;
}

static void run_child(const char *env_name, const char *env_value,
                      unsigned int set, unsigned int want) {
  char set_arg[16];
  char want_arg[16];
  int status;
  pid_t pid;

  snprintf(set_arg, sizeof(set_arg), "%u", set);
  snprintf(want_arg, sizeof(want_arg), "%u", want);
  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    unsetenv("ND_THREADPOOL_SIZE");
    unsetenv("UV_THREADPOOL_SIZE");
    if (env_name != NULL)
      setenv(env_name, env_value, 1);
    execl("/proc/self/exe", "test-threadpool", "--size-child", set_arg,
          want_arg, (char *)NULL);
    _exit(99);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  if (WEXITSTATUS(status) != 0)
    fail_msg("child (%s=%s, set %u, want %u) failed check %d",
             env_name ? env_name : "-", env_value ? env_value : "-", set,
             want, WEXITSTATUS(status));
}

static void test_default_pool_size(void **state) {
  (void)state;
  assert_int_equal(nd_threadpool_set_size(0), ND_EINVAL);
  assert_int_equal(nd_threadpool_set_size(1025), ND_EINVAL);
  run_child(NULL, NULL, 0, 4);
  run_child(NULL, NULL, 3, 3);
  run_child("ND_THREADPOOL_SIZE", "6", 0, 6);
  run_child("ND_THREADPOOL_SIZE", "0", 0, 1);
  run_child("ND_THREADPOOL_SIZE", "5000", 0, 1024);
  run_child("UV_THREADPOOL_SIZE", "2", 0, 2);
  /* nd_threadpool_set_size wins over the environment. */
  run_child("ND_THREADPOOL_SIZE", "6", 5, 5);
}

/* After a fork, the child's pool starts new workers for its jobs. */
static void test_fork_child_can_queue_work(void **state) {
  nd_loop_t *loop = *state;
  struct job j;
  int status;
  pid_t pid;

  /* Make sure the default pool has threads before the fork. */
  loop_thread = pthread_self();
  memset(&j, 0, sizeof(j));
  ND_OK(nd_queue_work(loop, &j.req, job_work, job_after));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);

  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    nd_loop_t child;
    struct job k;

    memset(&k, 0, sizeof(k));
    loop_thread = pthread_self();
    if (nd_loop_init(&child) != 0)
      _exit(10);
    if (nd_queue_work(&child, &k.req, job_work, job_after) != 0)
      _exit(11);
    if (nd_run(&child, ND_RUN_DEFAULT) != 0)
      _exit(12);
    if (k.after_calls != 1 || !k.saw_ran || k.after_status != 0)
      _exit(13);
    _exit(nd_loop_close(&child) == 0 ? 0 : 14);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
}

int main(int argc, char **argv) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_work_runs_on_a_worker),
    LOOP_TEST(test_many_jobs_each_once),
    LOOP_TEST(test_arguments),
    LOOP_TEST(test_cancel),
    LOOP_TEST(test_private_pool),
    LOOP_TEST(test_slow_io_share),
    cmocka_unit_test(test_default_pool_size),
    LOOP_TEST(test_fork_child_can_queue_work),
  };

  if (argc == 4 && strcmp(argv[1], "--size-child") == 0)
    return child_size_check((unsigned int)atoi(argv[2]),
                            (unsigned int)atoi(argv[3]));
  return cmocka_run_group_tests(tests, NULL, NULL);
}
