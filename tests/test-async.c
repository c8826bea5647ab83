/*
 * test-async.c - async handles: coalescing, wakeups from other threads, what
 * a callback sees of data published before a send, closing while other
 * threads still send, and two loops waking each other.
 *
 * Counters shared with sender threads are relaxed atomics.  Relaxed
 * operations order nothing, so when a callback is bound to see a value it
 * owes that to the library's guarantee ("every send is followed by a run of
 * the callback that starts after it"), not to the test's own atomics.
 * Plain (non-atomic) shared data is used only where that guarantee alone
 * makes the access race-free (the ping-pong token).
 *
 * Nothing here asserts from a thread other than the loop's: threads record,
 * the loop thread asserts.  Watchdog timers turn a hang into a failure.
 */
#include <fcntl.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "test-util.h"

#define LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define ADD(p, v) __atomic_fetch_add((p), (v), __ATOMIC_RELAXED)

/* --- helpers ------------------------------------------------------------- */

static void deadline_cb(nd_timer_t *t) {
  fail_msg("watchdog: %s did not finish in time", (const char *)t->data);
}

/* Unreferenced, so it never keeps nd_run alive by itself. */
static void deadline_start(nd_loop_t *loop, nd_timer_t *t, uint64_t ms,
                           const char *what) {
  ND_OK(nd_timer_init(loop, t));
  t->data = (void *)what;
  ND_OK(nd_timer_start(t, deadline_cb, ms, 0));
  nd_unref((nd_handle_t *)t);
}

/*
 * Close the watchdog, the last handle of a test, and run the loop once so
 * the close callbacks run: afterwards nothing may be left alive.
 */
static void deadline_stop(nd_timer_t *t) {
  nd_close((nd_handle_t *)t, NULL);
  assert_int_equal(nd_run(t->loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(nd_loop_alive(t->loop), 0);
}

static void thread_start(pthread_t *t, void *(*fn)(void *), void *arg) {
  assert_int_equal(pthread_create(t, NULL, fn, arg), 0);
}

static void thread_join(pthread_t t) {
  assert_int_equal(pthread_join(t, NULL), 0);
}

static void sleep_ms(unsigned int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0)
    ;
}

/*
 * The loop's wakeup counter, read from /proc without draining it.  The
 * eventfd is the loop's (a private field, read here on purpose).  -1 if
 * /proc cannot tell.
 */
static long long wakeup_counter(nd_loop_t *loop) {
  char path[64];
  char line[256];
  long long count = -1;
  FILE *f;

  snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", loop->wakeup_fd);
  if ((f = fopen(path, "re")) == NULL)
    return -1;
  while (fgets(line, sizeof(line), f) != NULL)
    if (sscanf(line, "eventfd-count: %llx", &count) == 1)
      break;
  fclose(f);
  return count;
}

static unsigned int counted_closes;

static void count_close_cb(nd_handle_t *h) {
  (void)h;
  counted_closes++;
}

static unsigned int counted_calls;

static void count_cb(nd_async_t *h) {
  (void)h;
  counted_calls++;
}

/* --- an async handle is active and referenced from init on -------------- */

static void test_active_from_init(void **state) {
  nd_loop_t *loop = *state;
  nd_async_t h;

  counted_calls = 0;
  counted_closes = 0;
  assert_int_equal(nd_loop_alive(loop), 0);
  ND_OK(nd_async_init(loop, &h, count_cb));
  assert_int_equal(nd_handle_get_type((nd_handle_t *)&h), ND_ASYNC);
  assert_ptr_equal(nd_handle_get_loop((nd_handle_t *)&h), loop);
  assert_true(nd_is_active((nd_handle_t *)&h));
  assert_true(nd_has_ref((nd_handle_t *)&h));
  assert_false(nd_is_closing((nd_handle_t *)&h));
  assert_true(nd_loop_alive(loop));

  /* Nothing was sent: an iteration runs no callback. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(counted_calls, 0);

  nd_close((nd_handle_t *)&h, count_close_cb);
  assert_false(nd_is_active((nd_handle_t *)&h));
  assert_true(nd_is_closing((nd_handle_t *)&h));
  assert_int_equal(counted_closes, 0); /* never from inside nd_close */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(counted_closes, 1);
  assert_int_equal(counted_calls, 0);
}

/* --- a NULL callback is allowed: sends are accepted and do nothing ------- */

static void test_null_callback(void **state) {
  nd_loop_t *loop = *state;
  nd_async_t h;
  long long before;

  counted_closes = 0;
  ND_OK(nd_async_init(loop, &h, NULL));
  assert_true(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);

  /*
   * The iteration consumed the send: the next one is not coalesced with
   * it, so it wakes the loop again (one more eventfd write).
   */
  before = wakeup_counter(loop);
  assert_int_equal(nd_async_send(&h), 0);
  if (before >= 0)
    assert_int_equal(wakeup_counter(loop), before + 1);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  nd_close((nd_handle_t *)&h, count_close_cb);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(counted_closes, 1);
}

/* --- 4 threads x 100,000 sends ------------------------------------------ */

#define STRESS_THREADS 4
#define STRESS_SENDS 100000ul
#define STRESS_TOTAL (STRESS_THREADS * STRESS_SENDS)

static struct {
  nd_async_t async;
  nd_timer_t watchdog;
  unsigned long sent;       /* relaxed: incremented before every send */
  unsigned int send_errors; /* relaxed */
  struct {
    unsigned long seq; /* relaxed: the thread's last sequence number */
    char pad[64 - sizeof(unsigned long)];
  } slot[STRESS_THREADS];

  /* Loop thread only. */
  unsigned long callbacks;
  unsigned long last_sent;
  unsigned long last_seq[STRESS_THREADS];
  unsigned long went_back;
  int finished;
} stress;

static void *stress_sender(void *arg) {
  unsigned int i = (unsigned int)(uintptr_t)arg;
  unsigned long seq;

  for (seq = 1; seq <= STRESS_SENDS; seq++) {
    STORE(&stress.slot[i].seq, seq);
    ADD(&stress.sent, 1);
    if (nd_async_send(&stress.async) != 0)
      ADD(&stress.send_errors, 1);
  }
  return NULL;
}

/*
 * What the library guarantees: each thread's last send is followed by a run
 * of the callback that starts after it, and that run (and every later one,
 * on the same thread) sees everything the sender wrote before the send:
 * that thread's slot at STRESS_SENDS and `sent` at least at the thread's
 * own last increment.  The latest of those runs therefore sees every slot
 * at STRESS_SENDS and `sent` at STRESS_TOTAL.  Seeing `sent` at
 * STRESS_TOTAL alone proves nothing about the slots (the accesses are
 * relaxed, and a thread may have incremented without having sent yet), so
 * the handle is closed only once the callback has seen all of it; a lost
 * wakeup or missing fence in the library leaves the loop waiting and the
 * watchdog fails the test.
 */
static void stress_cb(nd_async_t *h) {
  unsigned long sent = LOAD(&stress.sent);
  int complete = sent == STRESS_TOTAL;
  unsigned int i;

  stress.callbacks++;
  /* One thread's reads of one variable never go back in time. */
  if (sent < stress.last_sent)
    stress.went_back++;
  stress.last_sent = sent;
  for (i = 0; i < STRESS_THREADS; i++) {
    unsigned long seq = LOAD(&stress.slot[i].seq);
    if (seq < stress.last_seq[i])
      stress.went_back++;
    stress.last_seq[i] = seq;
    if (seq != STRESS_SENDS)
      complete = 0;
  }
  if (complete) {
    stress.finished = 1;
    nd_close((nd_handle_t *)h, NULL);
  }
}

static void test_many_threads_many_sends(void **state) {
  nd_loop_t *loop = *state;
  pthread_t threads[STRESS_THREADS];
  unsigned int i;

  memset(&stress, 0, sizeof(stress));
  ND_OK(nd_async_init(loop, &stress.async, stress_cb));
  deadline_start(loop, &stress.watchdog, 50000, "4 x 100000 sends");
  for (i = 0; i < STRESS_THREADS; i++)
    thread_start(&threads[i], stress_sender, (void *)(uintptr_t)i);

  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < STRESS_THREADS; i++)
    thread_join(threads[i]);
  deadline_stop(&stress.watchdog);

  assert_int_equal(stress.finished, 1);
  assert_int_equal(LOAD(&stress.send_errors), 0);
  assert_int_equal(stress.went_back, 0);
  /* Coalescing: at least one run, never more runs than sends. */
  assert_true(stress.callbacks >= 1);
  assert_true(stress.callbacks <= STRESS_TOTAL);
  /* The final run saw the final count and every thread's last number. */
  assert_int_equal(stress.last_sent, STRESS_TOTAL);
  for (i = 0; i < STRESS_THREADS; i++)
    assert_int_equal(stress.last_seq[i], STRESS_SENDS);
}

/* --- coalescing and no re-entrancy, from the loop thread ----------------- */

#define COALESCE_MAX 128

static struct {
  unsigned int calls;
  unsigned int checks;                    /* iterations completed */
  unsigned int call_iter[COALESCE_MAX];   /* `checks` when each call ran */
  unsigned int calls_seen_after_send[COALESCE_MAX];
  unsigned int resend_until;              /* send from calls 1..this-1 */
  int in_send;
  unsigned int reentered;
  int send_rc;
  nd_check_t *check;
} co;

static void coalesce_cb(nd_async_t *h) {
  unsigned int n;

  if (co.in_send)
    co.reentered++;
  n = co.calls++;
  if (n < COALESCE_MAX)
    co.call_iter[n] = co.checks;
  if (co.calls < co.resend_until) {
    co.in_send = 1;
    co.send_rc |= nd_async_send(h);
    co.in_send = 0;
    if (n < COALESCE_MAX)
      co.calls_seen_after_send[n] = co.calls;
  } else if (co.resend_until > 2 && co.calls == co.resend_until) {
    nd_close((nd_handle_t *)h, NULL);
    nd_close((nd_handle_t *)co.check, NULL);
  }
}

static void coalesce_check_cb(nd_check_t *c) {
  (void)c;
  co.checks++;
}

/* Step the loop one iteration at a time to see exactly when callbacks run. */
static void test_coalesce_stepwise(void **state) {
  nd_loop_t *loop = *state;
  nd_async_t h;
  nd_check_t check;

  memset(&co, 0, sizeof(co));
  co.resend_until = 2; /* the first call sends once more */
  co.check = &check;
  ND_OK(nd_async_init(loop, &h, coalesce_cb));
  ND_OK(nd_check_init(loop, &check));
  ND_OK(nd_check_start(&check, coalesce_check_cb));

  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(co.calls, 0); /* never from inside nd_async_send */

  /* Three sends before the callback could run: one call. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(co.calls, 1);
  assert_int_equal(co.call_iter[0], 0);
  assert_int_equal(co.checks, 1);
  /* Its own send did not call it back from inside nd_async_send... */
  assert_int_equal(co.reentered, 0);
  assert_int_equal(co.calls_seen_after_send[0], 1);

  /* ...but in the next iteration, exactly once. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(co.calls, 2);
  assert_int_equal(co.call_iter[1], 1);
  assert_int_equal(co.checks, 2);

  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(co.calls, 2);
  assert_int_equal(co.checks, 5);
  assert_int_equal(co.send_rc, 0);
  assert_int_equal(co.reentered, 0);

  nd_close((nd_handle_t *)&h, NULL);
  nd_close((nd_handle_t *)&check, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
  assert_int_equal(co.calls, 2);
}

/*
 * In ND_RUN_DEFAULT: a callback that sends to its own handle is called again
 * once per iteration, never twice in one iteration and never nested.
 */
static void test_resend_from_callback(void **state) {
  nd_loop_t *loop = *state;
  nd_async_t h;
  nd_check_t check;
  nd_timer_t watchdog;
  unsigned int i;

  memset(&co, 0, sizeof(co));
  co.resend_until = 100;
  co.check = &check;
  ND_OK(nd_async_init(loop, &h, coalesce_cb));
  ND_OK(nd_check_init(loop, &check));
  ND_OK(nd_check_start(&check, coalesce_check_cb));
  deadline_start(loop, &watchdog, 20000, "resending from the callback");

  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  deadline_stop(&watchdog);

  assert_int_equal(co.calls, 100);
  assert_int_equal(co.reentered, 0);
  assert_int_equal(co.send_rc, 0);
  for (i = 0; i < 100; i++)
    assert_int_equal(co.call_iter[i], i);
  for (i = 0; i + 1 < 100; i++)
    assert_int_equal(co.calls_seen_after_send[i], i + 1);
}

/* --- several handles, several threads ------------------------------------ */

#define MULTI_SENDS 20000ul

static struct {
  nd_async_t h[3];          /* h[2] is never sent */
  unsigned long sent[2];    /* relaxed: incremented before each send */
  unsigned int send_errors; /* relaxed */

  /* Loop thread only. */
  unsigned long calls[3];
  unsigned long seen[2];
  unsigned int wrong_handle;
  int done[2];
} multi;

static void multi_send(unsigned int i) {
  ADD(&multi.sent[i], 1);
  if (nd_async_send(&multi.h[i]) != 0)
    ADD(&multi.send_errors, 1);
}

/* Threads 0 and 1 send to their own handle; thread 2 sends to both. */
static void *multi_sender(void *arg) {
  unsigned int t = (unsigned int)(uintptr_t)arg;
  unsigned long n;

  for (n = 0; n < MULTI_SENDS; n++) {
    if (t < 2) {
      multi_send(t);
    } else {
      multi_send(0);
      multi_send(1);
    }
  }
  return NULL;
}

static void multi_cb(nd_async_t *h) {
  unsigned int i = (unsigned int)(uintptr_t)h->data;

  if (i > 2 || h != &multi.h[i]) {
    multi.wrong_handle++;
    return;
  }
  multi.calls[i]++;
  if (i == 2)
    return;
  multi.seen[i] = LOAD(&multi.sent[i]);
  if (multi.seen[i] == 2 * MULTI_SENDS && !multi.done[i]) {
    multi.done[i] = 1;
    nd_close((nd_handle_t *)h, NULL);
    if (multi.done[0] && multi.done[1])
      nd_close((nd_handle_t *)&multi.h[2], NULL);
  }
}

static void test_several_handles(void **state) {
  nd_loop_t *loop = *state;
  pthread_t threads[3];
  nd_timer_t watchdog;
  unsigned int i;

  memset(&multi, 0, sizeof(multi));
  for (i = 0; i < 3; i++) {
    ND_OK(nd_async_init(loop, &multi.h[i], multi_cb));
    multi.h[i].data = (void *)(uintptr_t)i;
  }
  deadline_start(loop, &watchdog, 30000, "several handles");
  for (i = 0; i < 3; i++)
    thread_start(&threads[i], multi_sender, (void *)(uintptr_t)i);

  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < 3; i++)
    thread_join(threads[i]);
  deadline_stop(&watchdog);

  assert_int_equal(multi.wrong_handle, 0);
  assert_int_equal(LOAD(&multi.send_errors), 0);
  for (i = 0; i < 2; i++) {
    assert_int_equal(multi.done[i], 1);
    assert_int_equal(multi.seen[i], 2 * MULTI_SENDS);
    assert_true(multi.calls[i] >= 1);
    assert_true(multi.calls[i] <= 2 * MULTI_SENDS);
  }
  assert_int_equal(multi.calls[2], 0);
}

/* --- closing while other threads send ------------------------------------ */

#define RACE_THREADS 4
#define RACE_REPS 50

struct race {
  nd_async_t async;
  nd_timer_t timer;
  int stop;                  /* set (release) by the close callback */
  unsigned int send_errors;  /* relaxed */
  unsigned long sends[RACE_THREADS]; /* one per thread, read after join */

  /* Loop thread only. */
  unsigned int close_after;  /* close in this call; 0: from the timer */
  int closing;
  unsigned int calls;
  unsigned int calls_after_close;
  unsigned int close_cbs;
  int send_after_close_rc;
};

struct race_arg {
  struct race *r;
  unsigned int i;
};

static void *race_sender(void *arg) {
  struct race_arg *a = arg;
  struct race *r = a->r;

  while (!__atomic_load_n(&r->stop, __ATOMIC_ACQUIRE)) {
    if (nd_async_send(&r->async) != 0)
      ADD(&r->send_errors, 1);
    r->sends[a->i]++;
  }
  return NULL;
}

static void race_close_cb(nd_handle_t *h) {
  struct race *r = h->data;

  r->close_cbs++;
  __atomic_store_n(&r->stop, 1, __ATOMIC_RELEASE);
}

static void race_close(struct race *r) {
  r->closing = 1;
  nd_close((nd_handle_t *)&r->async, race_close_cb);
  /* Ignored: the handle is closing. */
  r->send_after_close_rc = nd_async_send(&r->async);
}

static void race_cb(nd_async_t *h) {
  struct race *r = h->data;

  if (r->closing)
    r->calls_after_close++;
  r->calls++;
  if (r->close_after != 0 && r->calls == r->close_after)
    race_close(r);
}

static void race_timer_cb(nd_timer_t *t) {
  race_close(t->data);
  nd_close((nd_handle_t *)t, NULL);
}

static void test_close_while_sending(void **state) {
  static const unsigned int delays[] = {0, 1, 5, 20, 50};
  nd_loop_t *loop = *state;
  pthread_t threads[RACE_THREADS];
  struct race_arg args[RACE_THREADS];
  nd_timer_t watchdog;
  struct race *r;
  unsigned int rep;
  unsigned int i;

  deadline_start(loop, &watchdog, 50000, "closing while sending");
  for (rep = 0; rep < RACE_REPS; rep++) {
    /* Fresh memory each time, most likely the block just freed. */
    r = calloc(1, sizeof(*r));
    assert_non_null(r);
    ND_OK(nd_async_init(loop, &r->async, race_cb));
    r->async.data = r;
    if (rep % 2 == 0) {
      r->close_after = 1 + (rep / 2) % 5;
    } else {
      ND_OK(nd_timer_init(loop, &r->timer));
      r->timer.data = r;
      ND_OK(nd_timer_start(&r->timer, race_timer_cb,
                           delays[(rep / 2) % 5], 0));
    }
    for (i = 0; i < RACE_THREADS; i++) {
      args[i].r = r;
      args[i].i = i;
      thread_start(&threads[i], race_sender, &args[i]);
    }

    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    for (i = 0; i < RACE_THREADS; i++)
      thread_join(threads[i]);

    assert_int_equal(r->close_cbs, 1);
    assert_int_equal(r->calls_after_close, 0);
    assert_int_equal(r->send_after_close_rc, 0);
    assert_int_equal(LOAD(&r->send_errors), 0);
    if (r->close_after != 0)
      assert_int_equal(r->calls, r->close_after);

    /* After the close callback: a send is still harmless and ignored. */
    assert_int_equal(nd_async_send(&r->async), 0);
    assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
    assert_int_equal(r->calls_after_close, 0);
    assert_int_equal(nd_loop_alive(loop), 0);

    memset(r, 0xa5, sizeof(*r));
    free(r);
  }
  deadline_stop(&watchdog);
}

/* --- closing handles that are queued but not yet dispatched --------------- */

static struct {
  nd_async_t h[3];
  unsigned int calls[3];
  unsigned int closes[3];
} qc;

static void qc_close_cb(nd_handle_t *h) {
  qc.closes[(uintptr_t)h->data]++;
}

static void qc_cb(nd_async_t *h) {
  qc.calls[(uintptr_t)h->data]++;
  nd_close((nd_handle_t *)h, qc_close_cb);
}

/*
 * Send three handles, then close a subset of them before the loop runs
 * (every subset, so the closed one is first, middle or last in the queue,
 * and later closes find earlier ones already moved off the send stack).
 */
static void test_close_queued_before_run(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t watchdog;
  unsigned int mask;
  unsigned int i;

  for (mask = 1; mask < 8; mask++) {
    memset(&qc, 0, sizeof(qc));
    for (i = 0; i < 3; i++) {
      ND_OK(nd_async_init(loop, &qc.h[i], qc_cb));
      qc.h[i].data = (void *)(uintptr_t)i;
    }
    for (i = 0; i < 3; i++)
      assert_int_equal(nd_async_send(&qc.h[i]), 0);
    for (i = 0; i < 3; i++) {
      if (mask & (1u << i)) {
        nd_close((nd_handle_t *)&qc.h[i], qc_close_cb);
        assert_int_equal(nd_async_send(&qc.h[i]), 0); /* ignored */
      }
    }
    deadline_start(loop, &watchdog, 10000, "closing queued handles");
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    deadline_stop(&watchdog);

    for (i = 0; i < 3; i++) {
      assert_int_equal(qc.calls[i], (mask & (1u << i)) ? 0 : 1);
      assert_int_equal(qc.closes[i], 1);
    }
  }
}

/* --- closing another queued handle from inside an async callback --------- */

struct node {
  nd_async_t h;
  unsigned int calls;
  unsigned int closes;
  struct node *also_send; /* sent from this node's callback */
  struct node *victim;    /* sent (if send_victim) then closed from it */
  int send_victim;
};

static void node_close_cb(nd_handle_t *h) {
  ((struct node *)h->data)->closes++;
}

static void node_cb(nd_async_t *h) {
  struct node *n = h->data;

  n->calls++;
  if (n->also_send != NULL)
    assert_int_equal(nd_async_send(&n->also_send->h), 0);
  if (n->victim != NULL && !nd_is_closing((nd_handle_t *)&n->victim->h)) {
    if (n->send_victim)
      assert_int_equal(nd_async_send(&n->victim->h), 0);
    nd_close((nd_handle_t *)&n->victim->h, node_close_cb);
  }
  nd_close((nd_handle_t *)h, node_close_cb);
}

static void node_init(nd_loop_t *loop, struct node *n) {
  memset(n, 0, sizeof(*n));
  ND_OK(nd_async_init(loop, &n->h, node_cb));
  n->h.data = n;
}

/* A and B are both queued for the same dispatch; each closes the other. */
static void test_close_other_queued(void **state) {
  nd_loop_t *loop = *state;
  struct node a, b;
  nd_timer_t watchdog;

  node_init(loop, &a);
  node_init(loop, &b);
  a.victim = &b;
  b.victim = &a;
  assert_int_equal(nd_async_send(&a.h), 0);
  assert_int_equal(nd_async_send(&b.h), 0);
  deadline_start(loop, &watchdog, 10000, "closing a queued handle");
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  deadline_stop(&watchdog);

  /* Whichever ran first closed the other, which then never ran. */
  assert_int_equal(a.calls + b.calls, 1);
  assert_int_equal(a.closes, 1);
  assert_int_equal(b.closes, 1);
}

/*
 * A's callback sends C and B, then closes B.  B was pushed after the loop
 * took its queue, so closing it has to find it among newer sends; C, taken
 * along, must still run.
 */
static void test_close_other_sent_from_callback(void **state) {
  nd_loop_t *loop = *state;
  struct node a, b, c;
  nd_timer_t watchdog;

  node_init(loop, &a);
  node_init(loop, &b);
  node_init(loop, &c);
  a.also_send = &c;
  a.victim = &b;
  a.send_victim = 1;
  assert_int_equal(nd_async_send(&a.h), 0);
  deadline_start(loop, &watchdog, 10000, "closing a handle just sent");
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  deadline_stop(&watchdog);

  assert_int_equal(a.calls, 1);
  assert_int_equal(b.calls, 0);
  assert_int_equal(c.calls, 1);
  assert_int_equal(a.closes, 1);
  assert_int_equal(b.closes, 1);
  assert_int_equal(c.closes, 1);
}

/*
 * A thread sends B in a tight loop and, once, A.  A's callback closes B,
 * which may then be queued, on the send stack, or being pushed.
 */
#define CROSS_REPS 30

static struct {
  nd_async_t a, b;
  int stop;                 /* release: set by B's close callback */
  unsigned long trigger;    /* send A after this many sends of B */
  unsigned int send_errors; /* relaxed */

  /* Loop thread only. */
  int b_closing;
  unsigned int a_calls, b_calls, b_calls_after_close;
  unsigned int a_closes, b_closes;
} cross;

static void *cross_sender(void *arg) {
  unsigned long n;

  (void)arg;
  for (n = 0; !__atomic_load_n(&cross.stop, __ATOMIC_ACQUIRE); n++) {
    if (nd_async_send(&cross.b) != 0)
      ADD(&cross.send_errors, 1);
    if (n == cross.trigger && nd_async_send(&cross.a) != 0)
      ADD(&cross.send_errors, 1);
  }
  return NULL;
}

static void cross_b_close_cb(nd_handle_t *h) {
  (void)h;
  cross.b_closes++;
  __atomic_store_n(&cross.stop, 1, __ATOMIC_RELEASE);
}

static void cross_a_close_cb(nd_handle_t *h) {
  (void)h;
  cross.a_closes++;
}

static void cross_a_cb(nd_async_t *h) {
  cross.a_calls++;
  cross.b_closing = 1;
  nd_close((nd_handle_t *)&cross.b, cross_b_close_cb);
  nd_close((nd_handle_t *)h, cross_a_close_cb);
}

static void cross_b_cb(nd_async_t *h) {
  (void)h;
  if (cross.b_closing)
    cross.b_calls_after_close++;
  cross.b_calls++;
}

static void test_close_other_while_thread_sends(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t watchdog;
  pthread_t thread;
  unsigned int rep;

  deadline_start(loop, &watchdog, 30000,
                 "closing a handle another thread sends to");
  for (rep = 0; rep < CROSS_REPS; rep++) {
    memset(&cross, 0, sizeof(cross));
    cross.trigger = (unsigned long)rep * 97;
    ND_OK(nd_async_init(loop, &cross.a, cross_a_cb));
    ND_OK(nd_async_init(loop, &cross.b, cross_b_cb));
    thread_start(&thread, cross_sender, NULL);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    thread_join(thread);

    assert_int_equal(cross.a_calls, 1);
    assert_int_equal(cross.b_calls_after_close, 0);
    assert_int_equal(cross.a_closes, 1);
    assert_int_equal(cross.b_closes, 1);
    assert_int_equal(LOAD(&cross.send_errors), 0);
    assert_int_equal(nd_loop_alive(loop), 0);
  }
  deadline_stop(&watchdog);
}

/* --- one eventfd write per batch of sends --------------------------------- */

#define BATCH_HANDLES 4
#define BATCH_SENDS 10000

static struct {
  nd_async_t h[BATCH_HANDLES];
  unsigned int calls[BATCH_HANDLES];
  pthread_barrier_t start;
  unsigned int send_errors; /* relaxed */
} batch;

static void batch_cb(nd_async_t *h) {
  batch.calls[(uintptr_t)h->data]++;
}

static void *batch_sender(void *arg) {
  unsigned int i = (unsigned int)(uintptr_t)arg;
  int n;

  pthread_barrier_wait(&batch.start);
  for (n = 0; n < BATCH_SENDS; n++)
    if (nd_async_send(&batch.h[i]) != 0)
      ADD(&batch.send_errors, 1);
  return NULL;
}

/*
 * However many sends, to however many handles, happen between two
 * dispatches, the eventfd is written once: by the send that found nothing
 * pending.
 */
static void test_one_wakeup_write_per_batch(void **state) {
  nd_loop_t epoll_loop;
  nd_loop_t *loop = &epoll_loop;
  pthread_t threads[BATCH_HANDLES];
  const char *saved = getenv("ND_BACKEND");
  char *copy = saved != NULL ? strdup(saved) : NULL;
  long long before;
  unsigned int i;

  /*
   * What is counted is async.c's doing, the same on every backend; an
   * epoll loop leaves the counter alone until it polls, so it can be read.
   */
  (void)state;
  setenv("ND_BACKEND", "epoll", 1);
  ND_OK(nd_loop_init(loop));
  if (copy != NULL)
    setenv("ND_BACKEND", copy, 1);
  else
    unsetenv("ND_BACKEND");
  free(copy);
  memset(&batch, 0, sizeof(batch));
  for (i = 0; i < BATCH_HANDLES; i++) {
    ND_OK(nd_async_init(loop, &batch.h[i], batch_cb));
    batch.h[i].data = (void *)(uintptr_t)i;
  }
  assert_int_equal(wakeup_counter(loop), 0);

  /* From the loop thread, before the loop runs. */
  assert_int_equal(nd_async_send(&batch.h[0]), 0);
  assert_int_equal(wakeup_counter(loop), 1);
  assert_int_equal(nd_async_send(&batch.h[0]), 0);
  assert_int_equal(nd_async_send(&batch.h[1]), 0);
  assert_int_equal(nd_async_send(&batch.h[2]), 0);
  assert_int_equal(nd_async_send(&batch.h[3]), 0);
  assert_int_equal(nd_async_send(&batch.h[2]), 0);
  assert_int_equal(wakeup_counter(loop), 1);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  for (i = 0; i < BATCH_HANDLES; i++)
    assert_int_equal(batch.calls[i], 1);

  /* From four threads at once, each to its own handle. */
  before = wakeup_counter(loop);
  assert_true(before >= 0);
  assert_int_equal(pthread_barrier_init(&batch.start, NULL, BATCH_HANDLES), 0);
  for (i = 0; i < BATCH_HANDLES; i++)
    thread_start(&threads[i], batch_sender, (void *)(uintptr_t)i);
  for (i = 0; i < BATCH_HANDLES; i++)
    thread_join(threads[i]);
  assert_int_equal(pthread_barrier_destroy(&batch.start), 0);
  assert_int_equal(LOAD(&batch.send_errors), 0);
  assert_int_equal(wakeup_counter(loop), before + 1);

  /* 40,000 sends, one call per handle. */
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  for (i = 0; i < BATCH_HANDLES; i++)
    assert_int_equal(batch.calls[i], 2);

  for (i = 0; i < BATCH_HANDLES; i++)
    nd_close((nd_handle_t *)&batch.h[i], NULL);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 0);
  for (i = 0; i < BATCH_HANDLES; i++)
    assert_int_equal(batch.calls[i], 2);
  ND_OK(nd_loop_close(loop));
}

/* --- a send wakes a loop blocked in poll ---------------------------------- */

static struct {
  nd_async_t h;
  nd_timer_t watchdog;
  pid_t loop_tid;
  int seen_in_poll;
  int send_rc;
  unsigned int calls;
  uint64_t sent_at;  /* written before the send; read by the callback */
  uint64_t woke_at;
} wake;

/* The system call a thread is blocked in, -1 if running, -2 if unknown. */
static long thread_syscall(pid_t tid) {
  char path[64];
  char buf[256];
  ssize_t n;
  int fd;

  snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
  fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -2;
  n = read(fd, buf, sizeof(buf) - 1);
  close(fd);
  if (n <= 0)
    return -2;
  buf[n] = '\0';
  if (strncmp(buf, "running", 7) == 0)
    return -1;
  return strtol(buf, NULL, 10);
}

static int is_poll_syscall(long nr) {
#ifdef SYS_epoll_wait
  if (nr == SYS_epoll_wait)
    return 1;
#endif
#ifdef SYS_epoll_pwait
  if (nr == SYS_epoll_pwait)
    return 1;
#endif
#ifdef SYS_epoll_pwait2
  if (nr == SYS_epoll_pwait2)
    return 1;
#endif
#ifdef SYS_io_uring_enter
  if (nr == SYS_io_uring_enter)
    return 1;
#endif
#ifdef SYS_ppoll
  if (nr == SYS_ppoll)
    return 1;
#endif
  return 0;
}

static void *wake_sender(void *arg) {
  int i;

  (void)arg;
  /* Wait (at most ~5 s) until the loop thread sits in its poll call. */
  for (i = 0; i < 5000; i++) {
    if (is_poll_syscall(thread_syscall(wake.loop_tid))) {
      wake.seen_in_poll = 1;
      break;
    }
    sleep_ms(1);
  }
  sleep_ms(20);
  wake.sent_at = test_ms();
  wake.send_rc = nd_async_send(&wake.h);
  return NULL;
}

static void wake_cb(nd_async_t *h) {
  wake.calls++;
  wake.woke_at = test_ms();
  nd_close((nd_handle_t *)h, NULL);
}

static void test_send_wakes_blocked_loop(void **state) {
  nd_loop_t *loop = *state;
  pthread_t thread;

  memset(&wake, 0, sizeof(wake));
  wake.loop_tid = (pid_t)syscall(SYS_gettid);
  ND_OK(nd_async_init(loop, &wake.h, wake_cb));
  deadline_start(loop, &wake.watchdog, 10000, "waking a blocked loop");
  thread_start(&thread, wake_sender, NULL);

  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  thread_join(thread);
  deadline_stop(&wake.watchdog);

  if (!wake.seen_in_poll)
    print_message("note: could not confirm via /proc that the loop was "
                  "blocked in poll before the send\n");
  assert_int_equal(wake.send_rc, 0);
  assert_int_equal(wake.calls, 1);
  /* The callback started after the send and saw what preceded it. */
  assert_true(wake.sent_at != 0);
  assert_true(wake.woke_at >= wake.sent_at);
}

/* --- an unreferenced async handle does not keep the loop alive ------------ */

static void close_self_cb(nd_async_t *h) {
  counted_calls++;
  nd_close((nd_handle_t *)h, count_close_cb);
}

static void test_unref(void **state) {
  nd_loop_t *loop = *state;
  nd_async_t h;
  nd_timer_t watchdog;

  counted_calls = 0;
  counted_closes = 0;
  ND_OK(nd_async_init(loop, &h, close_self_cb));
  nd_unref((nd_handle_t *)&h);
  assert_false(nd_has_ref((nd_handle_t *)&h));
  assert_true(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(nd_loop_alive(loop), 0);

  /* If this blocked, the (unreferenced) watchdog would fire. */
  deadline_start(loop, &watchdog, 5000, "nd_run with an unreferenced async");
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(counted_calls, 0);

  /* A send does not make the loop alive either... */
  assert_int_equal(nd_async_send(&h), 0);
  assert_int_equal(nd_loop_alive(loop), 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(counted_calls, 0);

  /* ...but it is still pending: with the reference back, it runs. */
  nd_ref((nd_handle_t *)&h);
  assert_true(nd_has_ref((nd_handle_t *)&h));
  assert_int_equal(nd_loop_alive(loop), 1);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(counted_calls, 1);
  assert_int_equal(counted_closes, 1);
  deadline_stop(&watchdog);
}

/* --- two loops on two threads wake each other ----------------------------- */

#define PINGPONG_ROUNDS 10000u

static struct {
  nd_loop_t loop_b;
  nd_async_t a; /* on the test's loop, run by the test thread */
  nd_async_t b; /* on loop_b, run by another thread */
  /*
   * Plain, not atomic: each side writes it and then sends to the other,
   * which reads it in its callback.  Only the library's guarantee orders
   * these accesses.
   */
  unsigned int token;
  unsigned int a_calls, a_bad_token; /* test thread only */
  unsigned int b_calls, b_bad_token; /* loop B's thread only */
  int b_run_rc;
  int b_send_errors;
  int a_send_errors;
} pp;

static void pp_a_cb(nd_async_t *h) {
  pp.a_calls++;
  if (pp.token != 2 * pp.a_calls - 1)
    pp.a_bad_token++;
  pp.token++;
  if (pp.a_calls == PINGPONG_ROUNDS)
    nd_close((nd_handle_t *)h, NULL);
  else if (nd_async_send(&pp.b) != 0)
    pp.a_send_errors++;
}

static void pp_b_cb(nd_async_t *h) {
  pp.b_calls++;
  if (pp.token != 2 * (pp.b_calls - 1))
    pp.b_bad_token++;
  pp.token++;
  if (nd_async_send(&pp.a) != 0)
    pp.b_send_errors++;
  if (pp.b_calls == PINGPONG_ROUNDS)
    nd_close((nd_handle_t *)h, NULL);
}

static void *pp_loop_b(void *arg) {
  (void)arg;
  pp.b_run_rc = nd_run(&pp.loop_b, ND_RUN_DEFAULT);
  return NULL;
}

static void test_two_loops_ping_pong(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t watchdog;
  pthread_t thread;

  memset(&pp, 0, sizeof(pp));
  pp.b_run_rc = -1;
  ND_OK(nd_loop_init(&pp.loop_b));
  ND_OK(nd_async_init(loop, &pp.a, pp_a_cb));
  ND_OK(nd_async_init(&pp.loop_b, &pp.b, pp_b_cb));
  deadline_start(loop, &watchdog, 50000, "ping-pong between two loops");
  thread_start(&thread, pp_loop_b, NULL);

  assert_int_equal(nd_async_send(&pp.b), 0); /* serve */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  thread_join(thread);
  deadline_stop(&watchdog);

  assert_int_equal(pp.b_run_rc, 0);
  assert_int_equal(pp.a_calls, PINGPONG_ROUNDS);
  assert_int_equal(pp.b_calls, PINGPONG_ROUNDS);
  assert_int_equal(pp.a_bad_token, 0);
  assert_int_equal(pp.b_bad_token, 0);
  assert_int_equal(pp.token, 2 * PINGPONG_ROUNDS);
  assert_int_equal(pp.a_send_errors, 0);
  assert_int_equal(pp.b_send_errors, 0);
  assert_int_equal(nd_loop_close(&pp.loop_b), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_active_from_init),
    LOOP_TEST(test_null_callback),
    LOOP_TEST(test_many_threads_many_sends),
    LOOP_TEST(test_coalesce_stepwise),
    LOOP_TEST(test_resend_from_callback),
    LOOP_TEST(test_several_handles),
    LOOP_TEST(test_close_while_sending),
    LOOP_TEST(test_close_queued_before_run),
    LOOP_TEST(test_close_other_queued),
    LOOP_TEST(test_close_other_sent_from_callback),
    LOOP_TEST(test_close_other_while_thread_sends),
    LOOP_TEST(test_one_wakeup_write_per_batch),
    LOOP_TEST(test_send_wakes_blocked_loop),
    LOOP_TEST(test_unref),
    LOOP_TEST(test_two_loops_ping_pong),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
