/*
 * test-loop.c - the loop: phase order, run modes, lifetime, references,
 * walking, configuration, metrics and fork.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

/* A log of phase events: short strings, compared as one joined line. */
static char phase_log[4096];

static void log_event(const char *what) {
  if (phase_log[0] != '\0')
    strcat(phase_log, " ");
  strcat(phase_log, what);
}

static void log_reset(void) {
  phase_log[0] = '\0';
}

static uint64_t iteration(nd_loop_t *loop) {
  nd_metrics_t m;
  nd_metrics_info(loop, &m);
  return m.loop_count;
}

/* --- one iteration runs its phases in order ------------------------------ */

static int order_pipe[2];

static void order_timer_cb(nd_timer_t *t) {
  (void)t;
  log_event("timer");
}

static void order_idle_cb(nd_idle_t *h) {
  log_event("idle");
  nd_idle_stop(h);
}

static void order_prepare_cb(nd_prepare_t *h) {
  log_event("prepare");
  nd_prepare_stop(h);
}

static void order_poll_cb(nd_poll_t *h, int status, int events) {
  char c;
  assert_int_equal(status, 0);
  assert_true(events & ND_READABLE);
  assert_int_equal(read(order_pipe[0], &c, 1), 1);
  log_event("poll");
  nd_poll_stop(h);
}

static void order_check_cb(nd_check_t *h) {
  log_event("check");
  nd_check_stop(h);
  /* Closed here, its callback still runs in this iteration, last. */
  nd_close((nd_handle_t *)h, (nd_close_cb)h->data);
}

static void order_close_cb(nd_handle_t *h) {
  (void)h;
  log_event("close");
}

static void test_phase_order(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t timer;
  nd_idle_t idle;
  nd_prepare_t prepare;
  nd_check_t check;
  nd_poll_t poll;
  uint64_t before;

  log_reset();
  assert_int_equal(pipe2(order_pipe, O_CLOEXEC), 0);
  assert_int_equal(write(order_pipe[1], "x", 1), 1);

  ND_OK(nd_timer_init(loop, &timer));
  ND_OK(nd_idle_init(loop, &idle));
  ND_OK(nd_prepare_init(loop, &prepare));
  ND_OK(nd_check_init(loop, &check));
  ND_OK(nd_poll_init(loop, &poll, order_pipe[0]));
  check.data = (void *)order_close_cb;

  /* Started in reverse phase order, so start order cannot explain it. */
  ND_OK(nd_check_start(&check, order_check_cb));
  ND_OK(nd_poll_start(&poll, ND_READABLE, order_poll_cb));
  ND_OK(nd_prepare_start(&prepare, order_prepare_cb));
  ND_OK(nd_idle_start(&idle, order_idle_cb));
  ND_OK(nd_timer_start(&timer, order_timer_cb, 0, 0));

  before = iteration(loop);
  nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(iteration(loop), before + 1);
  assert_string_equal(phase_log, "timer idle prepare poll check close");

  close_and_drain(loop);
  close(order_pipe[0]);
  close(order_pipe[1]);
}

/*
 * Node's rule: from an I/O callback, setImmediate (check) always runs
 * before setTimeout(0) (a zero timer), because check follows poll in the
 * same iteration while timers wait for the next one.
 */
static nd_check_t io_check;
static nd_timer_t io_timer;
static int io_pipe[2];
static int io_rounds;

static void io_check_cb(nd_check_t *h) {
  log_event("check");
  nd_check_stop(h);
}

static void io_timer_cb(nd_timer_t *t) {
  (void)t;
  log_event("timer");
}

static void io_poll_cb(nd_poll_t *h, int status, int events) {
  char c;
  (void)events;
  assert_int_equal(status, 0);
  assert_int_equal(read(io_pipe[0], &c, 1), 1);
  nd_poll_stop(h);
  ND_OK(nd_timer_start(&io_timer, io_timer_cb, 0, 0));
  ND_OK(nd_check_start(&io_check, io_check_cb));
}

static void test_check_before_zero_timer_from_io(void **state) {
  nd_loop_t *loop = *state;
  nd_poll_t poll;

  assert_int_equal(pipe2(io_pipe, O_CLOEXEC), 0);
  ND_OK(nd_poll_init(loop, &poll, io_pipe[0]));
  ND_OK(nd_timer_init(loop, &io_timer));
  ND_OK(nd_check_init(loop, &io_check));
  for (io_rounds = 0; io_rounds < 200; io_rounds++) {
    log_reset();
    assert_int_equal(write(io_pipe[1], "x", 1), 1);
    ND_OK(nd_poll_start(&poll, ND_READABLE, io_poll_cb));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_string_equal(phase_log, "check timer");
  }
  close_and_drain(loop);
  close(io_pipe[0]);
  close(io_pipe[1]);
}

/* Due timers run before check callbacks of the same iteration. */
static void test_due_timers_before_check(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;
  nd_check_t c;
  uint64_t before;

  log_reset();
  ND_OK(nd_check_init(loop, &c));
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_check_start(&c, io_check_cb));
  ND_OK(nd_timer_start(&t, io_timer_cb, 0, 0));
  before = iteration(loop);
  /* NOWAIT: with only a check handle left, ONCE would block in poll. */
  nd_run(loop, ND_RUN_NOWAIT);
  assert_int_equal(iteration(loop), before + 1);
  assert_string_equal(phase_log, "timer check");
  close_and_drain(loop);
}

/*
 * Close callbacks run after check; the last handle closed is called back
 * first (libuv's order, which Node programs see in their 'close' events).
 */
static void close_log_a(nd_handle_t *h) {
  (void)h;
  log_event("closeA");
}

static void close_log_b(nd_handle_t *h) {
  (void)h;
  log_event("closeB");
}

static nd_timer_t close_victim_a;
static nd_timer_t close_victim_b;

static void closing_timer_cb(nd_timer_t *t) {
  (void)t;
  log_event("timer");
  nd_close((nd_handle_t *)&close_victim_b, close_log_b);
  nd_close((nd_handle_t *)&close_victim_a, close_log_a);
  /* Closing a closing handle again is ignored: B's callback runs once. */
  nd_close((nd_handle_t *)&close_victim_b, close_log_a);
  assert_true(nd_is_closing((nd_handle_t *)&close_victim_a));
  assert_false(nd_is_active((nd_handle_t *)&close_victim_a));
}

static void test_close_callbacks_last(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;
  nd_check_t c;

  log_reset();
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_init(loop, &close_victim_a));
  ND_OK(nd_timer_init(loop, &close_victim_b));
  ND_OK(nd_check_init(loop, &c));
  ND_OK(nd_timer_start(&close_victim_a, io_timer_cb, 100000, 0));
  ND_OK(nd_timer_start(&t, closing_timer_cb, 0, 0));
  ND_OK(nd_check_start(&c, io_check_cb));
  nd_run(loop, ND_RUN_ONCE);
  assert_string_equal(phase_log, "timer check closeA closeB");
  /* The closed handle can no longer be used. */
  assert_int_equal(nd_timer_start(&close_victim_a, io_timer_cb, 1, 0),
                   ND_EINVAL);
  close_and_drain(loop);
}

/* --- run modes -------------------------------------------------------- */

static int idle_calls;

static void count_idle_cb(nd_idle_t *h) {
  (void)h;
  idle_calls++;
}

static void noop_timer_cb(nd_timer_t *t) {
  (void)t;
}

static void test_idle_keeps_poll_from_blocking(void **state) {
  nd_loop_t *loop = *state;
  nd_idle_t idle;
  nd_timer_t t;
  uint64_t start;

  ND_OK(nd_idle_init(loop, &idle));
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, noop_timer_cb, 60000, 0));
  /* A loop that has not run yet may have work for the kernel queued. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_true(nd_backend_timeout(loop) > 59000);

  idle_calls = 0;
  ND_OK(nd_idle_start(&idle, count_idle_cb));
  assert_int_equal(nd_backend_timeout(loop), 0);
  /* An unreferenced idle handle still keeps poll from blocking. */
  nd_unref((nd_handle_t *)&idle);
  assert_int_equal(nd_backend_timeout(loop), 0);

  start = test_ms();
  assert_int_equal(nd_run(loop, ND_RUN_ONCE), 1);
  assert_int_equal(nd_run(loop, ND_RUN_ONCE), 1);
  assert_int_equal(idle_calls, 2);
  /* Nowhere near the 60 s timer: the two iterations did not block. */
  assert_true(test_ms() - start < 30000);

  ND_OK(nd_idle_stop(&idle));
  assert_true(nd_backend_timeout(loop) > 0);
  close_and_drain(loop);
}

static int once_fired;

static void once_cb(nd_timer_t *t) {
  (void)t;
  once_fired++;
}

static void test_run_once_and_nowait(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  /* Nothing alive: every mode returns 0 at once. */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(nd_run(loop, ND_RUN_ONCE), 0);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);

  once_fired = 0;
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, once_cb, 50, 0));
  /* NOWAIT: the timer is not due; nothing runs; the timer is alive. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(once_fired, 0);
  /* ONCE blocks until the timer is due and runs it before returning. */
  assert_int_equal(nd_run(loop, ND_RUN_ONCE), 0);
  assert_int_equal(once_fired, 1);

  /* A repeating timer keeps ONCE returning "alive". */
  ND_OK(nd_timer_start(&t, once_cb, 1, 1));
  assert_int_equal(nd_run(loop, ND_RUN_ONCE), 1);
  assert_true(once_fired >= 2);
  close_and_drain(loop);
}

static int stop_calls;

static void stopping_cb(nd_timer_t *t) {
  stop_calls++;
  nd_stop(t->loop);
}

static void test_stop(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  stop_calls = 0;
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, stopping_cb, 1, 1));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 1);
  assert_int_equal(stop_calls, 1);
  /* The stop applied to that run only. */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 1);
  assert_int_equal(stop_calls, 2);
  /* A stop before nd_run makes it return after no iteration at all. */
  nd_stop(loop);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 1);
  assert_int_equal(stop_calls, 2);
  close_and_drain(loop);
}

/* --- lifetime, references, walk ---------------------------------------- */

static void test_loop_close_busy(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  ND_OK(nd_timer_init(loop, &t));
  /* Even an inactive handle keeps the loop from closing. */
  assert_int_equal(nd_loop_close(loop), ND_EBUSY);
  assert_false(nd_loop_alive(loop));
  nd_close((nd_handle_t *)&t, NULL);
  /* Closing, close callback not yet run: still busy, and alive. */
  assert_int_equal(nd_loop_close(loop), ND_EBUSY);
  assert_true(nd_loop_alive(loop));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_false(nd_loop_alive(loop));
}

static void test_ref_unref(void **state) {
  nd_loop_t *loop = *state;
  nd_check_t c;

  ND_OK(nd_check_init(loop, &c));
  assert_true(nd_has_ref((nd_handle_t *)&c));
  assert_false(nd_is_active((nd_handle_t *)&c));
  ND_OK(nd_check_start(&c, io_check_cb));
  assert_true(nd_is_active((nd_handle_t *)&c));
  assert_true(nd_loop_alive(loop));
  nd_unref((nd_handle_t *)&c);
  nd_unref((nd_handle_t *)&c); /* idempotent */
  assert_false(nd_loop_alive(loop));
  nd_ref((nd_handle_t *)&c);
  nd_ref((nd_handle_t *)&c);
  assert_true(nd_loop_alive(loop));
  nd_unref((nd_handle_t *)&c);
  /* Unreferenced and active: nd_run returns without running it. */
  log_reset();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_string_equal(phase_log, "");
  close_and_drain(loop);
}

static int walk_seen[8];

static void walk_cb(nd_handle_t *h, void *arg) {
  int *count = arg;
  walk_seen[(intptr_t)h->data]++;
  (*count)++;
  /* Closing from inside the walk is allowed, the walk goes on. */
  if ((intptr_t)h->data == 1)
    nd_close(h, NULL);
}

static void test_walk(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t[3];
  nd_idle_t idle;
  int count = 0;
  int i;

  memset(walk_seen, 0, sizeof(walk_seen));
  for (i = 0; i < 3; i++) {
    ND_OK(nd_timer_init(loop, &t[i]));
    t[i].data = (void *)(intptr_t)i;
  }
  ND_OK(nd_idle_init(loop, &idle));
  idle.data = (void *)(intptr_t)3;
  nd_close((nd_handle_t *)&t[2], NULL); /* closing handles are walked too */

  nd_walk(loop, walk_cb, &count);
  assert_int_equal(count, 4);
  for (i = 0; i < 4; i++)
    assert_int_equal(walk_seen[i], 1);
  assert_true(nd_is_closing((nd_handle_t *)&t[1]));

  /* A second walk still sees all four, two of them closing. */
  nd_walk(loop, walk_cb, &count);
  assert_int_equal(count, 8);
  close_and_drain(loop);
  count = 0;
  nd_walk(loop, walk_cb, &count);
  assert_int_equal(count, 0);
}

static void test_handle_accessors(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;
  int x;

  t.data = &x; /* set before init: init must not clear it */
  ND_OK(nd_timer_init(loop, &t));
  assert_ptr_equal(t.data, &x);
  assert_ptr_equal(nd_handle_get_data((nd_handle_t *)&t), &x);
  nd_handle_set_data((nd_handle_t *)&t, NULL);
  assert_null(t.data);
  assert_ptr_equal(nd_handle_get_loop((nd_handle_t *)&t), loop);
  assert_ptr_equal(t.loop, loop);
  assert_int_equal(nd_handle_get_type((nd_handle_t *)&t), ND_TIMER);
  assert_string_equal(nd_handle_type_name(t.type), "timer");
  nd_loop_set_data(loop, &x);
  assert_ptr_equal(nd_loop_get_data(loop), &x);
  assert_int_equal(nd_loop_size(), sizeof(nd_loop_t));
  close_and_drain(loop);
}

/* --- time --------------------------------------------------------------- */

static void test_now_is_cached(void **state) {
  nd_loop_t *loop = *state;
  uint64_t a;
  uint64_t h1;
  uint64_t h2;

  nd_update_time(loop);
  a = nd_now(loop);
  usleep(20000);
  /* The loop clock moves only when the loop (or the user) updates it. */
  assert_int_equal(nd_now(loop), a);
  nd_update_time(loop);
  assert_true(nd_now(loop) >= a + 20);
  h1 = nd_hrtime();
  h2 = nd_hrtime();
  assert_true(h2 >= h1);
  assert_true(nd_now(loop) <= nd_hrtime() / 1000000);
}

/* --- configuration and metrics ----------------------------------------- */

static volatile uint64_t sigprof_at;

static void sigprof_handler(int sig) {
  (void)sig;
  sigprof_at = nd_hrtime();
}

static void *send_sigprof(void *arg) {
  pthread_t target = *(pthread_t *)arg;
  usleep(30000);
  pthread_kill(target, SIGPROF);
  return NULL;
}

/*
 * With SIGPROF blocked while polling, a SIGPROF sent to the loop thread
 * 30 ms into a 300 ms wait does not interrupt it: the handler runs only
 * when poll returns, after the wait.
 */
static void test_block_signal_while_polling(void **state) {
  nd_loop_t *loop = *state;
  struct sigaction sa;
  struct sigaction old;
  pthread_t self = pthread_self();
  pthread_t tid;
  nd_timer_t t;
  uint64_t start;

  assert_int_equal(nd_loop_configure(loop, ND_LOOP_BLOCK_SIGNAL, 0), ND_EINVAL);
  assert_int_equal(nd_loop_configure(loop, ND_LOOP_BLOCK_SIGNAL, 65), ND_EINVAL);
  assert_int_equal(nd_loop_configure(loop, (nd_loop_option)42), ND_ENOSYS);
  ND_OK(nd_loop_configure(loop, ND_LOOP_BLOCK_SIGNAL, SIGPROF));

  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = sigprof_handler;
  sigemptyset(&sa.sa_mask);
  assert_int_equal(sigaction(SIGPROF, &sa, &old), 0);
  sigprof_at = 0;

  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, noop_timer_cb, 300, 0));
  start = nd_hrtime();
  assert_int_equal(pthread_create(&tid, NULL, send_sigprof, &self), 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  pthread_join(tid, NULL);
  assert_true(sigprof_at != 0);
  assert_true(sigprof_at - start >= 290 * 1000000ull);
  sigaction(SIGPROF, &old, NULL);
  close_and_drain(loop);
}

static void test_metrics(void **state) {
  nd_loop_t *loop = *state;
  nd_metrics_t m;
  nd_timer_t t;
  uint64_t idle;

  assert_int_equal(nd_metrics_info(loop, NULL), ND_EINVAL);
  ND_OK(nd_metrics_info(loop, &m));
  assert_int_equal(m.loop_count, 0);

  /* Idle time is counted only once asked for. */
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, noop_timer_cb, 30, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(nd_metrics_idle_time(loop), 0);

  ND_OK(nd_loop_configure(loop, ND_METRICS_IDLE_TIME));
  ND_OK(nd_timer_start(&t, noop_timer_cb, 60, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  idle = nd_metrics_idle_time(loop);
  /* The loop spent the 60 ms waiting, give or take scheduling. */
  assert_true(idle >= 40 * 1000000ull);
  assert_true(idle < 10000 * 1000000ull);

  ND_OK(nd_metrics_info(loop, &m));
  assert_true(m.loop_count >= 2);
  close_and_drain(loop);
}

/* --- backends ---------------------------------------------------------- */

static void test_backend_selection(void **state) {
  nd_loop_t *loop = *state;
  const char *saved = getenv("ND_BACKEND");
  char *copy = saved != NULL ? strdup(saved) : NULL;
  nd_loop_t other;

  int uring_err;

  /* The test matrix runs the suite per backend: it must get the one asked. */
  assert_non_null(nd_backend_name(loop));
  if (copy != NULL && *copy != '\0')
    assert_string_equal(nd_backend_name(loop), copy);
  assert_true(nd_backend_fd(loop) >= 0);

  setenv("ND_BACKEND", "no-such-backend", 1);
  assert_int_equal(nd_loop_init(&other), ND_EINVAL);
  setenv("ND_BACKEND", "epoll", 1);
  ND_OK(nd_loop_init(&other));
  assert_string_equal(nd_backend_name(&other), "epoll");
  ND_OK(nd_loop_close(&other));

  /* Unset, io_uring is the default wherever it can be set up. */
  setenv("ND_BACKEND", "io_uring", 1);
  uring_err = nd_loop_init(&other);
  if (uring_err == 0) {
    assert_string_equal(nd_backend_name(&other), "io_uring");
    ND_OK(nd_loop_close(&other));
  }
  unsetenv("ND_BACKEND");
  ND_OK(nd_loop_init(&other));
  assert_string_equal(nd_backend_name(&other),
                      uring_err == 0 ? "io_uring" : "epoll");
  ND_OK(nd_loop_close(&other));

  if (copy != NULL)
    setenv("ND_BACKEND", copy, 1);
  else
    unsetenv("ND_BACKEND");
  free(copy);
}

static void test_default_loop(void **state) {
  nd_loop_t *a;
  nd_loop_t *b;
  nd_timer_t t;

  (void)state;
  a = nd_default_loop();
  b = nd_default_loop();
  assert_non_null(a);
  assert_ptr_equal(a, b);
  ND_OK(nd_timer_init(a, &t));
  ND_OK(nd_timer_start(&t, noop_timer_cb, 1, 0));
  assert_int_equal(nd_run(a, ND_RUN_DEFAULT), 0);
  nd_close((nd_handle_t *)&t, NULL);
  assert_int_equal(nd_run(a, ND_RUN_DEFAULT), 0);
  ND_OK(nd_loop_close(a));
  /* After closing, the next call makes a fresh default loop. */
  b = nd_default_loop();
  assert_non_null(b);
  ND_OK(nd_loop_close(b));
}

/* --- fork --------------------------------------------------------------- */

static int fork_pipe[2];
static int fork_events;

static void fork_async_cb(nd_async_t *a) {
  fork_events |= 1;
  nd_close((nd_handle_t *)a, NULL);
}

static void fork_poll_cb(nd_poll_t *p, int status, int events) {
  char c;
  if (status == 0 && (events & ND_READABLE) &&
      read(fork_pipe[0], &c, 1) == 1 && c == 'k')
    fork_events |= 2;
  nd_close((nd_handle_t *)p, NULL);
}

static void fork_timer_cb(nd_timer_t *t) {
  fork_events |= 4;
  nd_close((nd_handle_t *)t, NULL);
}

/*
 * The child of a fork gets its own poller and wakeup descriptor: a watcher
 * registered before the fork, an async handle and a timer all work there,
 * and the parent's loop keeps working too.
 */
static void test_loop_fork(void **state) {
  nd_loop_t *loop = *state;
  nd_poll_t poll;
  nd_async_t async;
  nd_timer_t t;
  int status;
  pid_t pid;

  assert_int_equal(pipe2(fork_pipe, O_CLOEXEC), 0);
  ND_OK(nd_poll_init(loop, &poll, fork_pipe[0]));
  ND_OK(nd_poll_start(&poll, ND_READABLE, fork_poll_cb));
  ND_OK(nd_async_init(loop, &async, fork_async_cb));
  ND_OK(nd_timer_init(loop, &t));
  /* Register the watcher with the kernel before forking. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);

  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    fork_events = 0;
    if (nd_loop_fork(loop) != 0)
      _exit(10);
    nd_async_send(&async);
    if (write(fork_pipe[1], "k", 1) != 1)
      _exit(11);
    nd_timer_start(&t, fork_timer_cb, 5, 0);
    if (nd_run(loop, ND_RUN_DEFAULT) != 0)
      _exit(12);
    _exit(fork_events == 7 ? 0 : 20 + fork_events);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);

  /* The parent's loop is untouched: the child consumed the byte, so write
   * another one and run the same three handles here. */
  fork_events = 0;
  ND_OK(nd_async_send(&async));
  assert_int_equal(write(fork_pipe[1], "k", 1), 1);
  ND_OK(nd_timer_start(&t, fork_timer_cb, 5, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(fork_events, 7);
  close(fork_pipe[0]);
  close(fork_pipe[1]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_phase_order),
    LOOP_TEST(test_check_before_zero_timer_from_io),
    LOOP_TEST(test_due_timers_before_check),
    LOOP_TEST(test_close_callbacks_last),
    LOOP_TEST(test_idle_keeps_poll_from_blocking),
    LOOP_TEST(test_run_once_and_nowait),
    LOOP_TEST(test_stop),
    LOOP_TEST(test_loop_close_busy),
    LOOP_TEST(test_ref_unref),
    LOOP_TEST(test_walk),
    LOOP_TEST(test_handle_accessors),
    LOOP_TEST(test_now_is_cached),
    LOOP_TEST(test_block_signal_while_polling),
    LOOP_TEST(test_metrics),
    LOOP_TEST(test_backend_selection),
    cmocka_unit_test(test_default_loop),
    LOOP_TEST(test_loop_fork),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
