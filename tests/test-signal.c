/*
 * test-signal.c - signal handles: delivery, several handles and loops,
 * threads, oneshot, stop and the restored disposition, SIGCHLD, waking a
 * blocked loop, references, closing from a callback, bad arguments, fork.
 *
 * Every test sends real signals to this process.  Before a test watches a
 * signal it installs a counting handler of its own (own_install), so that
 * (a) a library that fails to restore the previous disposition is caught,
 * and (b) a stray delivery never kills the test binary.
 *
 * Callbacks only record what happened; the test closes its handles and
 * restores the dispositions before it asserts, so a failed assertion does
 * not leave the process-wide signal state of the library pointing at
 * handles that no longer exist, and later tests stay meaningful.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test-util.h"


/* A handler of the test's own: the disposition in place before the library. */
static volatile sig_atomic_t own_hits[65];

static void own_handler(int signum) {
  own_hits[signum]++;
}

static void own_install(int signum) {
  struct sigaction sa;

  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = own_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  assert_int_equal(sigaction(signum, &sa, NULL), 0);
  own_hits[signum] = 0;
}

static void own_remove(int signum) {
  signal(signum, SIG_DFL);
}

static int own_is_installed(int signum) {
  struct sigaction sa;

  if (sigaction(signum, NULL, &sa) != 0)
    return 0;
  return !(sa.sa_flags & SA_SIGINFO) && sa.sa_handler == own_handler;
}


/* A log of signal callbacks: which handle, which signal, in order. */
static struct {
  nd_signal_t *handle[64];
  int signum[64];
  int active[64]; /* nd_is_active() inside the callback */
  int n;
} log_;

static void log_reset(void) {
  memset(&log_, 0, sizeof(log_));
}

static void log_record(nd_signal_t *h, int signum) {
  if (log_.n < 64) {
    log_.handle[log_.n] = h;
    log_.signum[log_.n] = signum;
    log_.active[log_.n] = nd_is_active((nd_handle_t *)h);
  }
  log_.n++;
}

static int log_count(nd_signal_t *h) {
  int i, n = 0;

  for (i = 0; i < log_.n && i < 64; i++)
    n += log_.handle[i] == h;
  return n;
}

static volatile int log_flag;

static void log_cb(nd_signal_t *h, int signum) {
  log_record(h, signum);
  log_flag = 1;
}

static void log_cb2(nd_signal_t *h, int signum) {
  log_record(h, -signum); /* negated: tells the second callback apart */
  log_flag = 1;
}

/*
 * One handle: each delivery (raise, kill) gives one callback with the
 * signal number, on the loop thread, after the sending call returned.
 * Deliveries are sent one at a time, each after the previous callback.
 */
static void test_delivery_to_one_handle(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  int ran_inside_raise, type, active_before, active_after, signum, ours;
  int calls[3];
  int i;

  log_reset();
  own_install(SIGUSR1);
  ND_OK(nd_signal_init(loop, &sig));
  type = nd_handle_get_type((nd_handle_t *)&sig);
  active_before = nd_is_active((nd_handle_t *)&sig);
  ND_OK(nd_signal_start(&sig, log_cb, SIGUSR1));
  active_after = nd_is_active((nd_handle_t *)&sig);
  signum = sig.signum;
  ours = own_is_installed(SIGUSR1);
  watchdog_start(loop, &wd);

  /* The callback never runs inside the handler, only from nd_run. */
  raise(SIGUSR1);
  ran_inside_raise = log_.n;
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  calls[0] = log_.n;

  for (i = 1; i < 3; i++) {
    log_flag = 0;
    kill(getpid(), SIGUSR1);
    run_until(loop, &wd, &log_flag);
    calls[i] = log_.n;
  }

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wd.expired);
  assert_int_equal(type, ND_SIGNAL);
  assert_false(active_before);
  assert_true(active_after);
  assert_int_equal(signum, SIGUSR1);
  assert_false(ours); /* the library's handler replaced ours */
  assert_int_equal(ran_inside_raise, 0);
  assert_int_equal(calls[0], 1);
  assert_int_equal(calls[1], 2);
  assert_int_equal(calls[2], 3);
  for (i = 0; i < 3; i++) {
    assert_ptr_equal(log_.handle[i], &sig);
    assert_int_equal(log_.signum[i], SIGUSR1);
    assert_true(log_.active[i]);
  }
  /* The library's handler caught all three; ours saw none. */
  assert_int_equal(own_hits[SIGUSR1], 0);
}

/*
 * Several handles on one loop, and one on a second loop of the same thread,
 * all watch SIGUSR1: each gets exactly one callback per delivery.  A handle
 * watching SIGUSR2 gets none.
 */
static void test_several_handles_one_loop(void **state) {
  nd_loop_t *loop = *state;
  static nd_loop_t loop2;
  static nd_signal_t h[3], other, h2;
  static watchdog_t wd;
  int round_calls[2][3], round_other[2], round_h2[2];
  int close2;
  int i, r;

  log_reset();
  own_install(SIGUSR1);
  own_install(SIGUSR2);
  ND_OK(nd_loop_init(&loop2));
  for (i = 0; i < 3; i++) {
    ND_OK(nd_signal_init(loop, &h[i]));
    ND_OK(nd_signal_start(&h[i], log_cb, SIGUSR1));
  }
  ND_OK(nd_signal_init(loop, &other));
  ND_OK(nd_signal_start(&other, log_cb, SIGUSR2));
  ND_OK(nd_signal_init(&loop2, &h2));
  ND_OK(nd_signal_start(&h2, log_cb, SIGUSR1));
  watchdog_start(loop, &wd);

  for (r = 0; r < 2; r++) {
    raise(SIGUSR1);
    /* Three callbacks are due; run until all three came, or the watchdog. */
    while (log_count(&h[0]) + log_count(&h[1]) + log_count(&h[2]) < 3 * (r + 1) &&
           !wd.expired)
      nd_run(loop, ND_RUN_ONCE);
    nd_run(loop, ND_RUN_NOWAIT); /* anything extra would show up here */
    nd_run(&loop2, ND_RUN_NOWAIT);
    for (i = 0; i < 3; i++)
      round_calls[r][i] = log_count(&h[i]);
    round_other[r] = log_count(&other);
    round_h2[r] = log_count(&h2);
  }

  close_and_drain(loop);
  close_and_drain(&loop2);
  close2 = nd_loop_close(&loop2);
  own_remove(SIGUSR1);
  own_remove(SIGUSR2);

  assert_false(wd.expired);
  assert_int_equal(close2, 0);
  for (r = 0; r < 2; r++) {
    for (i = 0; i < 3; i++)
      assert_int_equal(round_calls[r][i], r + 1);
    assert_int_equal(round_other[r], 0);
    assert_int_equal(round_h2[r], r + 1);
  }
  for (i = 0; i < log_.n; i++)
    assert_int_equal(log_.signum[i], SIGUSR1);
  assert_int_equal(own_hits[SIGUSR1], 0);
  assert_int_equal(own_hits[SIGUSR2], 0);
}

/*
 * Several loops, each on its own thread, watch SIGUSR1.  The main thread
 * sends one process-directed signal per round; the kernel may run the
 * handler on any thread (on odd rounds the main thread blocks the signal,
 * so it must be one of the loop threads, interrupting its epoll_wait).
 * Every loop gets exactly one callback, on its own thread.
 */
enum { NTHREADS = 4, NROUNDS = 10 };

struct sig_thread {
  pthread_t tid;
  nd_loop_t loop;
  nd_signal_t sig;
  nd_timer_t wd;
  int init_err;
  int calls;
  int signum;
  int wrong_thread;
  int wd_fired;
  int close_err;
};

static pthread_barrier_t sig_barrier;

static void thread_sig_cb(nd_signal_t *h, int signum) {
  struct sig_thread *t = h->data;

  t->calls++;
  t->signum = signum;
  if (!pthread_equal(pthread_self(), t->tid))
    t->wrong_thread = 1;
  nd_close((nd_handle_t *)&t->sig, NULL);
  nd_close((nd_handle_t *)&t->wd, NULL);
}

static void thread_wd_cb(nd_timer_t *timer) {
  struct sig_thread *t = timer->data;

  t->wd_fired = 1;
  nd_close((nd_handle_t *)&t->sig, NULL);
  nd_close((nd_handle_t *)&t->wd, NULL);
}

static void *sig_thread_main(void *arg) {
  struct sig_thread *t = arg;

  t->init_err = nd_loop_init(&t->loop);
  if (t->init_err == 0) {
    nd_signal_init(&t->loop, &t->sig);
    t->sig.data = t;
    t->init_err = nd_signal_start(&t->sig, thread_sig_cb, SIGUSR1);
    nd_timer_init(&t->loop, &t->wd);
    t->wd.data = t;
    nd_timer_start(&t->wd, thread_wd_cb, WATCHDOG_MS, 0);
  }
  pthread_barrier_wait(&sig_barrier);
  if (t->init_err == 0) {
    nd_run(&t->loop, ND_RUN_DEFAULT);
    t->close_err = nd_loop_close(&t->loop);
  }
  return NULL;
}

static void test_several_loops_on_threads(void **state) {
  static struct sig_thread th[NROUNDS][NTHREADS];
  sigset_t usr1, saved;
  int r, i;

  (void)state;
  own_install(SIGUSR1);
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  memset(th, 0, sizeof(th));

  for (r = 0; r < NROUNDS; r++) {
    assert_int_equal(pthread_barrier_init(&sig_barrier, NULL, NTHREADS + 1), 0);
    for (i = 0; i < NTHREADS; i++)
      assert_int_equal(
          pthread_create(&th[r][i].tid, NULL, sig_thread_main, &th[r][i]), 0);
    /* Every thread has started its handle. */
    pthread_barrier_wait(&sig_barrier);
    if (r % 2 == 1)
      pthread_sigmask(SIG_BLOCK, &usr1, &saved);
    kill(getpid(), SIGUSR1);
    for (i = 0; i < NTHREADS; i++)
      pthread_join(th[r][i].tid, NULL);
    if (r % 2 == 1)
      pthread_sigmask(SIG_SETMASK, &saved, NULL);
    pthread_barrier_destroy(&sig_barrier);
  }

  /* Every handle is closed: the disposition is ours again. */
  r = own_is_installed(SIGUSR1);
  own_remove(SIGUSR1);
  assert_true(r);
  for (r = 0; r < NROUNDS; r++) {
    for (i = 0; i < NTHREADS; i++) {
      struct sig_thread *t = &th[r][i];
      assert_int_equal(t->init_err, 0);
      assert_int_equal(t->wd_fired, 0);
      assert_int_equal(t->calls, 1);
      assert_int_equal(t->signum, SIGUSR1);
      assert_int_equal(t->wrong_thread, 0);
      assert_int_equal(t->close_err, 0);
    }
  }
  assert_int_equal(own_hits[SIGUSR1], 0);
}

/*
 * A oneshot handle stops itself before its callback runs, so the
 * disposition is already restored: a second delivery reaches our handler.
 * Restarting it from the callback catches the next delivery too.
 */
static int oneshot_restarts;

static void oneshot_cb(nd_signal_t *h, int signum) {
  log_record(h, signum);
  log_flag = 1;
  if (oneshot_restarts > 0) {
    oneshot_restarts--;
    nd_signal_start_oneshot(h, oneshot_cb, signum);
  }
}

static void test_oneshot(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  int restored_after_first, own_after_second, calls_after_second;
  int restarted_calls, restored_at_end, active_at_start;

  log_reset();
  own_install(SIGUSR1);
  watchdog_start(loop, &wd);
  ND_OK(nd_signal_init(loop, &sig));

  /* Plain oneshot. */
  oneshot_restarts = 0;
  ND_OK(nd_signal_start_oneshot(&sig, oneshot_cb, SIGUSR1));
  active_at_start = nd_is_active((nd_handle_t *)&sig);
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  restored_after_first = own_is_installed(SIGUSR1);
  raise(SIGUSR1); /* goes to our handler now */
  nd_run(loop, ND_RUN_NOWAIT);
  own_after_second = own_hits[SIGUSR1];
  calls_after_second = log_.n;

  /* Oneshot that rearms itself once from its callback. */
  oneshot_restarts = 1;
  ND_OK(nd_signal_start_oneshot(&sig, oneshot_cb, SIGUSR1));
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  restarted_calls = log_.n - calls_after_second;
  restored_at_end = own_is_installed(SIGUSR1);

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wd.expired);
  assert_true(active_at_start);
  assert_int_equal(log_.n, 3);
  assert_ptr_equal(log_.handle[0], &sig);
  assert_int_equal(log_.signum[0], SIGUSR1);
  assert_false(log_.active[0]); /* stopped before the callback ran */
  assert_true(restored_after_first);
  assert_int_equal(own_after_second, 1);
  assert_int_equal(calls_after_second, 1);
  assert_int_equal(restarted_calls, 2);
  assert_false(log_.active[1]);
  assert_false(log_.active[2]);
  assert_true(restored_at_end);
}

/*
 * Stopping the last handle restores the disposition that was in place
 * before, with its flags; while any handle of any loop still watches the
 * signal, the library's handler stays.  nd_signal_stop is idempotent.
 */
static volatile sig_atomic_t info_hits;
static volatile sig_atomic_t info_signo;

static void info_handler(int signum, siginfo_t *si, void *ctx) {
  (void)ctx;
  info_hits++;
  info_signo = si->si_signo == signum ? signum : -1;
}

static void test_stop_restores_disposition(void **state) {
  nd_loop_t *loop = *state;
  static nd_loop_t loop2;
  static nd_signal_t a, b;
  static watchdog_t wd;
  struct sigaction sa, now;
  int a_calls_before_stop, b_calls_after_a_stop, info_after_a_stop;
  int stop_inactive, stop_twice, close2;
  int restored_flags, restored_fn, restored_mask, info_after_b_stop;

  log_reset();
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = info_handler;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGUSR1);
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  assert_int_equal(sigaction(SIGUSR2, &sa, NULL), 0);
  info_hits = 0;

  ND_OK(nd_loop_init(&loop2));
  watchdog_start(loop, &wd);
  ND_OK(nd_signal_init(loop, &a));
  ND_OK(nd_signal_init(&loop2, &b));
  stop_inactive = nd_signal_stop(&a); /* never started: nothing to do */
  ND_OK(nd_signal_start(&a, log_cb, SIGUSR2));
  ND_OK(nd_signal_start(&b, log_cb, SIGUSR2));

  raise(SIGUSR2);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  a_calls_before_stop = log_count(&a);

  /* b on loop2 still watches: the library keeps the signal. */
  ND_OK(nd_signal_stop(&a));
  stop_twice = nd_signal_stop(&a);
  raise(SIGUSR2);
  nd_run(&loop2, ND_RUN_NOWAIT);
  b_calls_after_a_stop = log_count(&b);
  info_after_a_stop = info_hits;

  /* The last handle stops: our handler, mask and flags are back. */
  ND_OK(nd_signal_stop(&b));
  sigaction(SIGUSR2, NULL, &now);
  restored_fn = (now.sa_flags & SA_SIGINFO) && now.sa_sigaction == info_handler;
  restored_flags = (now.sa_flags & (SA_SIGINFO | SA_RESTART | SA_ONSTACK)) ==
                   (SA_SIGINFO | SA_RESTART);
  restored_mask = sigismember(&now.sa_mask, SIGUSR1) == 1 &&
                  sigismember(&now.sa_mask, SIGTERM) == 0;
  raise(SIGUSR2);
  info_after_b_stop = info_hits;
  nd_run(loop, ND_RUN_NOWAIT);
  nd_run(&loop2, ND_RUN_NOWAIT);

  close_and_drain(loop);
  close_and_drain(&loop2);
  close2 = nd_loop_close(&loop2);
  own_remove(SIGUSR2);

  assert_false(wd.expired);
  assert_int_equal(close2, 0);
  assert_int_equal(stop_inactive, 0);
  assert_int_equal(stop_twice, 0);
  assert_int_equal(a_calls_before_stop, 1);
  assert_int_equal(b_calls_after_a_stop, 2); /* the first raise and this one */
  assert_int_equal(log_count(&a), 1);        /* nothing after its stop */
  assert_int_equal(info_after_a_stop, 0);
  assert_true(restored_fn);
  assert_true(restored_flags);
  assert_true(restored_mask);
  assert_int_equal(info_after_b_stop, 1);
  assert_int_equal(info_signo, SIGUSR2);
}

/*
 * Starting an active handle again: with the same signal it only replaces
 * the callback (and does not count a second watcher: one stop restores the
 * disposition); with another signal it switches, releasing the first.
 */
static void test_restart_and_switch_signum(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  int usr1_ours_after_switch, usr2_theirs, own1_after_raise;
  int first_cb_calls, usr2_ours_after_stop, own2_before_stop, switched;
  int i;

  log_reset();
  own_install(SIGUSR1);
  own_install(SIGUSR2);
  watchdog_start(loop, &wd);
  ND_OK(nd_signal_init(loop, &sig));

  /* Same signal: the second callback replaces the first. */
  ND_OK(nd_signal_start(&sig, log_cb, SIGUSR1));
  ND_OK(nd_signal_start(&sig, log_cb2, SIGUSR1));
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  first_cb_calls = 0;
  for (i = 0; i < log_.n; i++)
    first_cb_calls += log_.signum[i] > 0;

  /* Switch to SIGUSR2: SIGUSR1 goes back to our handler. */
  ND_OK(nd_signal_start(&sig, log_cb, SIGUSR2));
  switched = sig.signum == SIGUSR2 && nd_is_active((nd_handle_t *)&sig);
  usr1_ours_after_switch = own_is_installed(SIGUSR1);
  usr2_theirs = !own_is_installed(SIGUSR2);
  raise(SIGUSR1);
  own1_after_raise = own_hits[SIGUSR1];
  raise(SIGUSR2);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  nd_run(loop, ND_RUN_NOWAIT);
  own2_before_stop = own_hits[SIGUSR2];

  /* One stop is enough to give SIGUSR2 back. */
  ND_OK(nd_signal_stop(&sig));
  usr2_ours_after_stop = own_is_installed(SIGUSR2);

  close_and_drain(loop);
  own_remove(SIGUSR1);
  own_remove(SIGUSR2);

  assert_false(wd.expired);
  assert_int_equal(log_.n, 2);
  assert_int_equal(first_cb_calls, 0);
  assert_true(switched);
  assert_int_equal(log_.signum[0], -SIGUSR1); /* the replacement callback */
  assert_int_equal(log_.signum[1], SIGUSR2);
  assert_true(usr1_ours_after_switch);
  assert_true(usr2_theirs);
  assert_int_equal(own1_after_raise, 1);
  assert_int_equal(own2_before_stop, 0);
  assert_true(usr2_ours_after_stop);
}

/*
 * SIGCHLD: a handle fires when a forked child exits, and the library does
 * not reap the child: waitpid still collects it with its exit status.
 */
static void test_sigchld_child_still_reapable(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  struct sigaction before, after;
  pid_t pid, reaped;
  int status = 0;
  int restored;

  log_reset();
  sigaction(SIGCHLD, NULL, &before);
  watchdog_start(loop, &wd);
  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, log_cb, SIGCHLD));

  log_flag = 0;
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(42);
  run_until(loop, &wd, &log_flag);
  reaped = waitpid(pid, &status, WNOHANG);

  close_and_drain(loop);
  sigaction(SIGCHLD, NULL, &after);
  restored = after.sa_handler == before.sa_handler;
  if (reaped != pid)
    waitpid(pid, NULL, 0); /* do not leave a zombie behind a failure */

  assert_false(wd.expired);
  assert_true(log_.n >= 1);
  assert_int_equal(log_.signum[0], SIGCHLD);
  assert_int_equal(reaped, pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 42);
  assert_true(restored);
}

/*
 * A loop blocked in poll with nothing but the signal handle and a 10 s
 * watchdog wakes when another thread sends the signal after a delay.
 * With block_in_sender the sending thread blocks the signal, so the kernel
 * must run the handler on the main thread, interrupting its epoll_wait.
 */
struct wake_arg {
  int block_in_sender;
};

static void *wake_sender(void *arg) {
  struct wake_arg *w = arg;
  struct timespec delay = {0, 200 * 1000 * 1000};
  sigset_t usr1;

  if (w->block_in_sender) {
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
  }
  nanosleep(&delay, NULL);
  kill(getpid(), SIGUSR1);
  return NULL;
}

static watchdog_t wake_wd;
static pthread_t wake_loop_thread;
static int wake_wrong_thread;

static void wake_cb(nd_signal_t *h, int signum) {
  log_record(h, signum);
  if (!pthread_equal(pthread_self(), wake_loop_thread))
    wake_wrong_thread = 1;
  nd_close((nd_handle_t *)h, NULL);
  nd_close((nd_handle_t *)&wake_wd.timer, NULL);
}

static void wake_blocked_loop(nd_loop_t *loop, int block_in_sender) {
  static nd_signal_t sig;
  struct wake_arg arg = {block_in_sender};
  pthread_t sender;
  int alive;

  log_reset();
  own_install(SIGUSR1);
  wake_loop_thread = pthread_self();
  wake_wrong_thread = 0;
  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, wake_cb, SIGUSR1));
  watchdog_start(loop, &wake_wd);

  assert_int_equal(pthread_create(&sender, NULL, wake_sender, &arg), 0);
  alive = nd_run(loop, ND_RUN_DEFAULT);
  pthread_join(sender, NULL);

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wake_wd.expired);
  assert_int_equal(alive, 0);
  assert_int_equal(log_.n, 1);
  assert_int_equal(log_.signum[0], SIGUSR1);
  assert_int_equal(wake_wrong_thread, 0);
  assert_int_equal(own_hits[SIGUSR1], 0);
}

static void test_signal_wakes_blocked_loop(void **state) {
  wake_blocked_loop(*state, 0);
}

static void test_signal_interrupts_blocked_loop_thread(void **state) {
  wake_blocked_loop(*state, 1);
}

/*
 * An unreferenced signal handle does not keep nd_run alive, but it is still
 * active and gets its callbacks while something else (here the watchdog, a
 * referenced timer) keeps the loop running.
 */
static void test_unref_does_not_keep_loop_alive(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  int alive_default, alive_flag_unref, alive_flag_ref, calls_before, active;

  log_reset();
  own_install(SIGUSR1);
  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, log_cb, SIGUSR1));
  nd_unref((nd_handle_t *)&sig);

  /* Returns at once: no watchdog here, a hang would be the failure. */
  alive_default = nd_run(loop, ND_RUN_DEFAULT);
  alive_flag_unref = nd_loop_alive(loop);
  calls_before = log_.n;
  active = nd_is_active((nd_handle_t *)&sig);

  watchdog_start(loop, &wd);
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  nd_run(loop, ND_RUN_NOWAIT);

  nd_ref((nd_handle_t *)&sig);
  alive_flag_ref = nd_loop_alive(loop);

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wd.expired);
  assert_int_equal(alive_default, 0);
  assert_int_equal(alive_flag_unref, 0);
  assert_int_equal(calls_before, 0);
  assert_true(active);
  assert_int_equal(log_.n, 1);
  assert_int_equal(log_.signum[0], SIGUSR1);
  assert_true(alive_flag_ref);
  assert_int_equal(own_hits[SIGUSR1], 0);
}

/*
 * A callback closes its own handle: the close callback runs once, later,
 * and the disposition is restored.  A callback closing another handle that
 * has the same delivery pending: that handle's callback never runs.
 */
static int close_cb_calls;
static int close_cb_after_signal_cb;
static nd_signal_t pair[2];

static void count_close_cb(nd_handle_t *h) {
  (void)h;
  close_cb_calls++;
  close_cb_after_signal_cb = log_.n > 0;
}

static void close_self_cb(nd_signal_t *h, int signum) {
  log_record(h, signum);
  log_flag = 1;
  nd_close((nd_handle_t *)h, count_close_cb);
  /* The close callback waits for the closing phase. */
  if (close_cb_calls != 0)
    log_record(h, -1);
}

static void close_other_cb(nd_signal_t *h, int signum) {
  log_record(h, signum);
  log_flag = 1;
  nd_close((nd_handle_t *)&pair[h == &pair[0] ? 1 : 0], NULL);
}

static void test_close_inside_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig;
  static watchdog_t wd;
  int self_calls, self_signum, closing, restored, own_after, pair_calls;
  int pair_restored;

  log_reset();
  close_cb_calls = 0;
  own_install(SIGUSR1);
  watchdog_start(loop, &wd);

  ND_OK(nd_signal_init(loop, &sig));
  ND_OK(nd_signal_start(&sig, close_self_cb, SIGUSR1));
  raise(SIGUSR1);
  while (close_cb_calls == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  self_calls = log_.n;
  self_signum = log_.signum[0];
  closing = nd_is_closing((nd_handle_t *)&sig);
  restored = own_is_installed(SIGUSR1);
  raise(SIGUSR1);
  nd_run(loop, ND_RUN_NOWAIT);
  own_after = own_hits[SIGUSR1];

  /* Two handles, one delivery: whichever runs first closes the other. */
  log_reset();
  ND_OK(nd_signal_init(loop, &pair[0]));
  ND_OK(nd_signal_init(loop, &pair[1]));
  ND_OK(nd_signal_start(&pair[0], close_other_cb, SIGUSR1));
  ND_OK(nd_signal_start(&pair[1], close_other_cb, SIGUSR1));
  raise(SIGUSR1);
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  nd_run(loop, ND_RUN_NOWAIT);
  pair_calls = log_.n;
  /* The survivor still watches; close it and SIGUSR1 is ours again. */
  nd_close((nd_handle_t *)&pair[log_.handle[0] == &pair[0] ? 0 : 1], NULL);
  pair_restored = own_is_installed(SIGUSR1);

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wd.expired);
  assert_int_equal(self_calls, 1);
  assert_int_equal(self_signum, SIGUSR1);
  assert_int_equal(close_cb_calls, 1);
  assert_true(close_cb_after_signal_cb);
  assert_true(closing);
  assert_true(restored);
  assert_int_equal(own_after, 1);
  assert_int_equal(pair_calls, 1);
  assert_true(pair_restored);
}

/*
 * Bad arguments get ND_EINVAL and leave the handle as it was: an inactive
 * handle stays inactive, an active one keeps watching its signal.  Signals
 * 1 and 64 are the bounds and are accepted.
 */
static void never_cb(nd_signal_t *h, int signum) {
  (void)h;
  (void)signum;
  fail_msg("a refused start must never lead to a callback");
}

static void test_invalid_arguments(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t sig, closing;
  static const int bad[] = {0, -1, -SIGUSR1, 65, 1000, SIGKILL, SIGSTOP};
  int r_bad[7], r_bad_oneshot[7], r_null, r_null_oneshot, r_closing;
  int active_after_bad, r_sigrtmax, r_sighup, r_active_bad, still_watching;
  int r_closing_oneshot, r_reserved;
  size_t i;

  own_install(SIGUSR1);
  ND_OK(nd_signal_init(loop, &sig));
  for (i = 0; i < 7; i++) {
    r_bad[i] = nd_signal_start(&sig, never_cb, bad[i]);
    r_bad_oneshot[i] = nd_signal_start_oneshot(&sig, never_cb, bad[i]);
  }
  /* glibc keeps signal 32 (SIGCANCEL) for itself; sigaction refuses it. */
  r_reserved = nd_signal_start(&sig, never_cb, 32);
  r_null = nd_signal_start(&sig, NULL, SIGUSR1);
  r_null_oneshot = nd_signal_start_oneshot(&sig, NULL, SIGUSR1);
  active_after_bad = nd_is_active((nd_handle_t *)&sig);

  /* An active handle stays on its signal when a bad start is refused. */
  ND_OK(nd_signal_start(&sig, log_cb, SIGUSR1));
  r_active_bad = nd_signal_start(&sig, never_cb, SIGKILL);
  still_watching = nd_is_active((nd_handle_t *)&sig) &&
                   sig.signum == SIGUSR1 && !own_is_installed(SIGUSR1);

  /* The bounds are valid. */
  r_sigrtmax = nd_signal_start(&sig, log_cb, 64);
  ND_OK(nd_signal_stop(&sig));
  r_sighup = nd_signal_start(&sig, log_cb, 1);
  ND_OK(nd_signal_stop(&sig));

  /* A closing handle cannot be started. */
  ND_OK(nd_signal_init(loop, &closing));
  nd_close((nd_handle_t *)&closing, NULL);
  r_closing = nd_signal_start(&closing, never_cb, SIGUSR1);
  r_closing_oneshot = nd_signal_start_oneshot(&closing, never_cb, SIGUSR1);

  close_and_drain(loop);
  own_remove(SIGUSR1);

  for (i = 0; i < 7; i++) {
    assert_int_equal(r_bad[i], ND_EINVAL);
    assert_int_equal(r_bad_oneshot[i], ND_EINVAL);
  }
  assert_int_equal(r_reserved, ND_EINVAL);
  assert_int_equal(r_null, ND_EINVAL);
  assert_int_equal(r_null_oneshot, ND_EINVAL);
  assert_false(active_after_bad);
  assert_int_equal(r_active_bad, ND_EINVAL);
  assert_true(still_watching);
  assert_int_equal(r_sigrtmax, 0);
  assert_int_equal(r_sighup, 0);
  assert_int_equal(r_closing, ND_EINVAL);
  assert_int_equal(r_closing_oneshot, ND_EINVAL);
}

/*
 * A handle started after a delivery does not get that delivery, even when
 * another handle of the same loop was watching the signal at the time.
 */
static void test_handle_started_after_delivery_does_not_get_it(void **state) {
  nd_loop_t *loop = *state;
  static nd_signal_t early, late;
  static watchdog_t wd;
  int early_calls, late_calls, late_calls_second;

  log_reset();
  own_install(SIGUSR1);
  watchdog_start(loop, &wd);
  ND_OK(nd_signal_init(loop, &early));
  ND_OK(nd_signal_start(&early, log_cb, SIGUSR1));
  raise(SIGUSR1); /* caught and counted now, dispatched by the next run */
  ND_OK(nd_signal_init(loop, &late));
  ND_OK(nd_signal_start(&late, log_cb, SIGUSR1));
  log_flag = 0;
  run_until(loop, &wd, &log_flag);
  nd_run(loop, ND_RUN_NOWAIT);
  early_calls = log_count(&early);
  late_calls = log_count(&late);

  /* The next delivery reaches both. */
  raise(SIGUSR1);
  while (log_count(&early) < 2 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_run(loop, ND_RUN_NOWAIT);
  late_calls_second = log_count(&late) - late_calls;

  close_and_drain(loop);
  own_remove(SIGUSR1);

  assert_false(wd.expired);
  assert_int_equal(early_calls, 1);
  assert_int_equal(late_calls_second, 1);
  assert_int_equal(late_calls, 0);
}

/*
 * A process that watches a signal can fork while that signal arrives: here
 * a SIGCHLD handle and a loop of fork() calls whose children exit at once,
 * so SIGCHLD keeps arriving around the next fork.  The scenario runs in a
 * worker process that reports progress on a pipe; no progress for 10 s
 * means it hung, and it is killed (SIGKILL: the hang is in a handler that
 * blocks every other signal).
 */
enum { FORK_CHILDREN = 200 };

static void fork_worker_cb(nd_signal_t *h, int signum) {
  (void)signum;
  *(int *)h->data += 1;
}

static void fork_worker(int progress_fd) {
  nd_loop_t loop;
  nd_signal_t sig;
  int calls = 0;
  int i;

  if (nd_loop_init(&loop) != 0)
    _exit(3);
  nd_signal_init(&loop, &sig);
  sig.data = &calls;
  if (nd_signal_start(&sig, fork_worker_cb, SIGCHLD) != 0)
    _exit(3);
  for (i = 0; i < FORK_CHILDREN; i++) {
    pid_t pid = fork();
    if (pid == 0)
      _exit(0);
    if (pid < 0)
      _exit(4);
    if (write(progress_fd, "f", 1) != 1)
      _exit(5);
  }
  while (waitpid(-1, NULL, 0) > 0)
    ;
  /* The children's SIGCHLD reached the handle. */
  for (i = 0; i < 1000 && calls == 0; i++)
    nd_run(&loop, ND_RUN_NOWAIT);
  nd_close((nd_handle_t *)&sig, NULL);
  nd_run(&loop, ND_RUN_NOWAIT);
  if (nd_loop_close(&loop) != 0)
    _exit(6);
  _exit(calls > 0 ? 0 : 2);
}

static void test_fork_while_signal_arrives(void **state) {
  int fds[2];
  pid_t worker;
  struct pollfd pfd;
  char buf[256];
  int forks = 0, hung = 0, status = 0;
  ssize_t n;

  (void)state;
  assert_int_equal(pipe2(fds, O_CLOEXEC), 0);
  worker = fork();
  assert_true(worker >= 0);
  if (worker == 0) {
    close(fds[0]);
    fork_worker(fds[1]);
  }
  close(fds[1]);
  pfd.fd = fds[0];
  pfd.events = POLLIN;
  for (;;) {
    int r = poll(&pfd, 1, WATCHDOG_MS);
    if (r == 0) {
      hung = 1;
      kill(worker, SIGKILL);
      break;
    }
    if (r < 0 && errno == EINTR)
      continue;
    n = read(fds[0], buf, sizeof(buf));
    if (n <= 0)
      break;
    forks += (int)n;
  }
  close(fds[0]);
  waitpid(worker, &status, 0);

  if (hung)
    fail_msg("fork() hung after %d of %d forks while SIGCHLD was watched",
             forks, FORK_CHILDREN);
  assert_int_equal(forks, FORK_CHILDREN);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_delivery_to_one_handle),
    LOOP_TEST(test_several_handles_one_loop),
    LOOP_TEST(test_several_loops_on_threads),
    LOOP_TEST(test_oneshot),
    LOOP_TEST(test_stop_restores_disposition),
    LOOP_TEST(test_restart_and_switch_signum),
    LOOP_TEST(test_sigchld_child_still_reapable),
    LOOP_TEST(test_signal_wakes_blocked_loop),
    LOOP_TEST(test_signal_interrupts_blocked_loop_thread),
    LOOP_TEST(test_unref_does_not_keep_loop_alive),
    LOOP_TEST(test_close_inside_callback),
    LOOP_TEST(test_invalid_arguments),
    LOOP_TEST(test_handle_started_after_delivery_does_not_get_it),
    LOOP_TEST(test_fork_while_signal_arrives),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
