/*
 * loop-demo.c - a tour of the libnodec event loop.
 *
 * Shows, and prints as it happens: the phase order of one iteration; why a
 * check callback scheduled from I/O beats a zero timer (Node's setImmediate
 * versus setTimeout(0)); async wakeups from four threads, coalesced; signal
 * handles, including a one-shot; a repeating timer.  Ends by itself in about
 * a second.
 *
 * Run: make run   (or build/examples/loop-demo)
 */
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nodec.h"

static nd_loop_t loop;
static uint64_t t0;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...) {
  va_list ap;
  printf("[%7.1f ms] ", (double)(nd_hrtime() - t0) / 1e6);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
}

static void check(int r, const char *what) {
  if (r < 0) {
    fprintf(stderr, "loop-demo: %s: %s (%s)\n", what, nd_strerror(r),
            nd_err_name(r));
    exit(1);
  }
}

static void start_io_race(void);
static void start_async(void);
static void start_signals(void);
static void start_repeat(void);

/* 1. One iteration, phase by phase. */
static nd_timer_t zero_timer;
static nd_idle_t idle;
static nd_prepare_t prepare;
static nd_check_t check_h;
static int part;
static int idle_said;

static void zero_timer_cb(nd_timer_t *t) {
  (void)t;
  if (part == 1)
    say("  timers   : the 0 ms timer is due");
}

static void idle_cb(nd_idle_t *h) {
  (void)h;
  if (part == 1 && !idle_said) {
    say("  idle     : idle handles run (and keep poll from blocking)");
    idle_said = 1;
  }
}

static void prepare_cb(nd_prepare_t *h) {
  say("  prepare  : right before the loop polls for I/O");
  nd_prepare_stop(h);
}

static void check_cb(nd_check_t *h) {
  nd_check_stop(h);
  if (part == 1) {
    say("  check    : right after poll (Node's setImmediate)");
    /* Like Node with immediates pending: idle ran so poll would not block. */
    nd_idle_stop(&idle);
    part = 2;
    start_io_race();
  } else {
    say("  check    : runs first: same iteration as the I/O callback");
  }
}

/* 2. From an I/O callback: check before a zero timer. */
static nd_poll_t pipe_poll;
static int fds[2];

static void race_timer_cb(nd_timer_t *t) {
  (void)t;
  say("  timer    : the 0 ms timer waits for the next iteration");
  part = 3;
  start_async();
}

static void pipe_cb(nd_poll_t *h, int status, int events) {
  char c;

  check(status, "poll");
  if (!(events & ND_READABLE) || read(fds[0], &c, 1) != 1)
    return;
  say("  poll     : the pipe is readable; scheduling a check and a 0 ms timer");
  nd_close((nd_handle_t *)h, NULL);
  check(nd_timer_start(&zero_timer, race_timer_cb, 0, 0), "timer");
  check(nd_check_start(&check_h, check_cb), "check");
}

static void start_io_race(void) {
  say("2. From an I/O callback, setImmediate always beats setTimeout(0):");
  if (pipe(fds) != 0) {
    perror("pipe");
    exit(1);
  }
  check(nd_poll_init(&loop, &pipe_poll, fds[0]), "poll init");
  check(nd_poll_start(&pipe_poll, ND_READABLE, pipe_cb), "poll start");
  if (write(fds[1], "!", 1) != 1)
    exit(1);
}

/* 3. Async wakeups from threads. */
enum { THREADS = 4, SENDS = 25000 };
static nd_async_t async;
static pthread_t threads[THREADS];
static unsigned long sent;
static unsigned long callbacks;

static void *sender(void *arg) {
  int i;
  (void)arg;
  for (i = 0; i < SENDS; i++) {
    __atomic_fetch_add(&sent, 1, __ATOMIC_RELAXED);
    nd_async_send(&async);
  }
  return NULL;
}

static void async_cb(nd_async_t *h) {
  unsigned long seen = __atomic_load_n(&sent, __ATOMIC_RELAXED);
  int i;

  callbacks++;
  if (seen < THREADS * SENDS)
    return;
  for (i = 0; i < THREADS; i++)
    pthread_join(threads[i], NULL);
  say("  %d threads sent %lu wakeups; the loop ran the callback %lu times",
      THREADS, seen, callbacks);
  say("  (sends that arrive before the callback runs coalesce into one)");
  nd_close((nd_handle_t *)h, NULL);
  start_signals();
}

static void start_async(void) {
  int i;

  say("3. Async handles: any thread wakes the loop:");
  check(nd_async_init(&loop, &async, async_cb), "async init");
  for (i = 0; i < THREADS; i++)
    if (pthread_create(&threads[i], NULL, sender, NULL) != 0)
      exit(1);
}

/* 4. Signals. */
static nd_signal_t usr1_a, usr1_b, usr2_once;
static int usr1_seen;

static void *signal_thread(void *arg) {
  (void)arg;
  usleep(20000);
  kill(getpid(), SIGUSR1);
  usleep(20000);
  kill(getpid(), SIGUSR2);
  return NULL;
}

static void usr1_cb(nd_signal_t *h, int signum) {
  say("  signal   : %s reached handle %s on the loop thread",
      strsignal(signum), h == &usr1_a ? "A" : "B");
  nd_close((nd_handle_t *)h, NULL);
  usr1_seen++;
}

static pthread_t sig_thread;

static void usr2_cb(nd_signal_t *h, int signum) {
  say("  signal   : %s reached the one-shot handle (now %s)",
      strsignal(signum), nd_is_active((nd_handle_t *)h) ? "active" : "stopped");
  nd_close((nd_handle_t *)h, NULL);
  pthread_join(sig_thread, NULL);
  start_repeat();
}

static void start_signals(void) {
  say("4. Signals, sent by another thread, handled on the loop thread:");
  check(nd_signal_init(&loop, &usr1_a), "signal init");
  check(nd_signal_init(&loop, &usr1_b), "signal init");
  check(nd_signal_init(&loop, &usr2_once), "signal init");
  check(nd_signal_start(&usr1_a, usr1_cb, SIGUSR1), "signal start");
  check(nd_signal_start(&usr1_b, usr1_cb, SIGUSR1), "signal start");
  check(nd_signal_start_oneshot(&usr2_once, usr2_cb, SIGUSR2), "oneshot");
  if (pthread_create(&sig_thread, NULL, signal_thread, NULL) != 0)
    exit(1);
}

/* 5. A repeating timer. */
static nd_timer_t ticker;
static int ticks;

static void tick_cb(nd_timer_t *t) {
  say("  timer    : tick %d (every 100 ms)", ++ticks);
  if (ticks == 3)
    nd_close((nd_handle_t *)t, NULL);
}

static void start_repeat(void) {
  say("5. A repeating timer:");
  check(nd_timer_init(&loop, &ticker), "timer init");
  check(nd_timer_start(&ticker, tick_cb, 100, 100), "timer start");
}

int main(void) {
  int r;

  t0 = nd_hrtime();
  check(nd_loop_init(&loop), "loop init");
  say("libnodec %s, backend %s", nd_version_string(), nd_backend_name(&loop));
  say("1. One loop iteration, phase by phase:");
  part = 1;
  check(nd_timer_init(&loop, &zero_timer), "timer init");
  check(nd_idle_init(&loop, &idle), "idle init");
  check(nd_prepare_init(&loop, &prepare), "prepare init");
  check(nd_check_init(&loop, &check_h), "check init");
  /* Started in reverse: the loop's phases, not start order, decide. */
  check(nd_check_start(&check_h, check_cb), "check start");
  check(nd_prepare_start(&prepare, prepare_cb), "prepare start");
  check(nd_idle_start(&idle, idle_cb), "idle start");
  check(nd_timer_start(&zero_timer, zero_timer_cb, 0, 0), "timer start");

  r = nd_run(&loop, ND_RUN_DEFAULT);
  check(r, "run");
  nd_close((nd_handle_t *)&zero_timer, NULL);
  nd_close((nd_handle_t *)&idle, NULL);
  nd_close((nd_handle_t *)&prepare, NULL);
  nd_close((nd_handle_t *)&check_h, NULL);
  check(nd_run(&loop, ND_RUN_DEFAULT), "run");
  check(nd_loop_close(&loop), "loop close");
  close(fds[0]);
  close(fds[1]);
  say("done: every handle closed, nd_loop_close() == 0 (%d SIGUSR1 callbacks)",
      usr1_seen);
  return 0;
}
