/*
 * test-timer.c - timers: order, repeat, again, stop, scale, and the clock.
 */
#include <pthread.h>
#include <time.h>

#include "test-util.h"

/*
 * Fault injection: the wall clock jumps an hour ahead (or back) while timers
 * are pending.  libnodec must time them on the monotonic clock only.
 */
int __real_clock_gettime(clockid_t clk, struct timespec *ts);
int __wrap_clock_gettime(clockid_t clk, struct timespec *ts);
static volatile long wall_offset_sec;

int __wrap_clock_gettime(clockid_t clk, struct timespec *ts) {
  int r = __real_clock_gettime(clk, ts);
  if (r == 0 && (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE))
    ts->tv_sec += wall_offset_sec;
  return r;
}

/* A log of which timer fired, in order. */
static int fired[256];
static int nfired;

static void log_cb(nd_timer_t *t) {
  fired[nfired++] = (int)(intptr_t)t->data;
}

static void test_fires_in_deadline_order(void **state) {
  nd_loop_t *loop = *state;
  static const int timeouts[] = {30, 10, 20, 0, 5};
  static const int expect[] = {3, 4, 1, 2, 0};
  nd_timer_t t[5];
  int i;

  nfired = 0;
  for (i = 0; i < 5; i++) {
    ND_OK(nd_timer_init(loop, &t[i]));
    t[i].data = (void *)(intptr_t)i;
    ND_OK(nd_timer_start(&t[i], log_cb, timeouts[i], 0));
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(nfired, 5);
  for (i = 0; i < 5; i++)
    assert_int_equal(fired[i], expect[i]);
  close_and_drain(loop);
}

/*
 * Equal deadlines fire in start order, also when many other deadlines are
 * started in between (the group cache forgets the older group then) and
 * when a group's head is stopped or restarted.
 */
static void test_equal_deadlines_fifo(void **state) {
  nd_loop_t *loop = *state;
  enum { N = 200 };
  static nd_timer_t t[N];
  int i;

  nfired = 0;
  for (i = 0; i < N; i++) {
    ND_OK(nd_timer_init(loop, &t[i]));
    t[i].data = (void *)(intptr_t)i;
  }
  /* Even timers share deadline now+50; odd ones each get their own. */
  nd_update_time(loop);
  for (i = 0; i < N; i++)
    ND_OK(nd_timer_start(&t[i], log_cb, i % 2 == 0 ? 50 : 51 + (uint64_t)i, 0));
  /* Stop the first (a group head) and restart the second even timer. */
  ND_OK(nd_timer_stop(&t[0]));
  ND_OK(nd_timer_start(&t[2], log_cb, 50, 0));

  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(nfired, N - 1);
  /* Evens 4, 6, ..., 198 then 2 (restarted last), then odds in order. */
  for (i = 0; i < N / 2 - 2; i++)
    assert_int_equal(fired[i], 4 + 2 * i);
  assert_int_equal(fired[N / 2 - 2], 2);
  for (i = 0; i < N / 2; i++)
    assert_int_equal(fired[N / 2 - 1 + i], 1 + 2 * i);
  close_and_drain(loop);
}

static int repeat_count;

static void repeat_cb(nd_timer_t *t) {
  repeat_count++;
  assert_true(nd_is_active((nd_handle_t *)t));
  assert_int_equal(nd_timer_get_repeat(t), 5);
  if (repeat_count == 5)
    nd_timer_stop(t);
}

static void test_repeat(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;
  uint64_t start;

  repeat_count = 0;
  ND_OK(nd_timer_init(loop, &t));
  nd_update_time(loop);
  start = nd_now(loop);
  ND_OK(nd_timer_start(&t, repeat_cb, 5, 5));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(repeat_count, 5);
  assert_false(nd_is_active((nd_handle_t *)&t));
  /* Five periods of 5 ms each: at least 25 ms of loop time went by. */
  assert_true(nd_now(loop) - start >= 25);
  close_and_drain(loop);
}

static int again_count;
static nd_timer_t again_victim;

static void again_victim_cb(nd_timer_t *t) {
  (void)t;
  fail_msg("a timer kept alive by nd_timer_again must not fire");
}

static void again_driver_cb(nd_timer_t *t) {
  /* Push the victim's deadline out each time, like an idle timeout. */
  ND_OK(nd_timer_again(&again_victim));
  if (++again_count == 10) {
    nd_timer_stop(t);
    nd_timer_stop(&again_victim);
  }
}

static void test_again(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t driver;

  again_count = 0;
  ND_OK(nd_timer_init(loop, &again_victim));
  ND_OK(nd_timer_init(loop, &driver));
  /* again before any start is an error. */
  assert_int_equal(nd_timer_again(&again_victim), ND_EINVAL);
  ND_OK(nd_timer_start(&again_victim, again_victim_cb, 40, 40));
  ND_OK(nd_timer_start(&driver, again_driver_cb, 5, 5));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(again_count, 10);

  /* With repeat 0, again does nothing and returns 0. */
  nd_timer_set_repeat(&again_victim, 0);
  ND_OK(nd_timer_again(&again_victim));
  assert_false(nd_is_active((nd_handle_t *)&again_victim));
  close_and_drain(loop);
}

static nd_timer_t stop_others[3];

static void stop_others_cb(nd_timer_t *t) {
  log_cb(t);
  /* The first to fire stops the other two, which are due as well. */
  if (nfired == 1) {
    nd_timer_stop(&stop_others[1]);
    nd_timer_stop(&stop_others[2]);
  }
}

static void test_stop_inside_callback(void **state) {
  nd_loop_t *loop = *state;
  int i;

  nfired = 0;
  for (i = 0; i < 3; i++) {
    ND_OK(nd_timer_init(loop, &stop_others[i]));
    stop_others[i].data = (void *)(intptr_t)i;
    ND_OK(nd_timer_start(&stop_others[i], stop_others_cb, 1, 0));
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(nfired, 1);
  assert_int_equal(fired[0], 0);
  close_and_drain(loop);
}

static int self_stop_count;

static void self_stop_cb(nd_timer_t *t) {
  self_stop_count++;
  nd_timer_stop(t); /* stopping a repeating timer from its own callback */
}

static void test_stop_repeating_from_own_callback(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  self_stop_count = 0;
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, self_stop_cb, 1, 1));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(self_stop_count, 1);
  close_and_drain(loop);
}

/* 100k timers with random timeouts: each fires once, in deadline order. */
enum { MANY = 100000 };
static nd_timer_t *many;
static uint64_t *many_deadline;
static int many_fired;
static uint64_t last_deadline;
static uint64_t last_start_seen;

static void many_cb(nd_timer_t *t) {
  size_t i = (size_t)(t - many);

  assert_true(many_deadline[i] >= last_deadline);
  /* Among equal deadlines, the order is the start (= index) order. */
  if (many_deadline[i] == last_deadline)
    assert_true(i > last_start_seen);
  last_deadline = many_deadline[i];
  last_start_seen = i;
  assert_true(nd_now(t->loop) >= many_deadline[i]);
  many_fired++;
  many_deadline[i] = UINT64_MAX; /* a second call would fail above */
}

static void test_100k_timers(void **state) {
  nd_loop_t *loop = *state;
  unsigned int seed = 12345;
  size_t i;

  many = calloc(MANY, sizeof(*many));
  many_deadline = calloc(MANY, sizeof(*many_deadline));
  assert_non_null(many);
  assert_non_null(many_deadline);
  many_fired = 0;
  last_deadline = 0;
  last_start_seen = 0;
  nd_update_time(loop);
  for (i = 0; i < MANY; i++) {
    uint64_t timeout = (uint64_t)(rand_r(&seed) % 100);
    ND_OK(nd_timer_init(loop, &many[i]));
    ND_OK(nd_timer_start(&many[i], many_cb, timeout, 0));
    many_deadline[i] = nd_now(loop) + timeout;
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(many_fired, MANY);
  close_and_drain(loop);
  free(many);
  free(many_deadline);
}

/*
 * A model check of the heap and its deadline groups: random starts, stops
 * and restarts of 2000 timers over few distinct deadlines (so groups form,
 * split and get evicted from the group cache), compared with a brute-force
 * model of what must fire next.
 */
enum { MODEL_N = 2000 };
static nd_timer_t model_t[MODEL_N];
static int model_active[MODEL_N];
static uint64_t model_deadline[MODEL_N];
static uint64_t model_seq[MODEL_N];
static int model_calls;

static int model_next(void) {
  int best = -1;
  int i;

  for (i = 0; i < MODEL_N; i++) {
    if (!model_active[i])
      continue;
    if (best < 0 || model_deadline[i] < model_deadline[best] ||
        (model_deadline[i] == model_deadline[best] &&
         model_seq[i] < model_seq[best]))
      best = i;
  }
  return best;
}

static void model_cb(nd_timer_t *t) {
  int i = (int)(t - model_t);

  assert_int_equal(i, model_next());
  model_active[i] = 0;
  model_calls++;
}

static void test_heap_model(void **state) {
  nd_loop_t *loop = *state;
  unsigned int seed = 777;
  uint64_t seq = 0;
  int round;
  int op;
  int i;

  memset(model_active, 0, sizeof(model_active));
  model_calls = 0;
  for (i = 0; i < MODEL_N; i++)
    ND_OK(nd_timer_init(loop, &model_t[i]));

  for (round = 0; round < 20; round++) {
    /* Mutate: the loop clock does not move while we do. */
    for (op = 0; op < 5000; op++) {
      i = rand_r(&seed) % MODEL_N;
      if (rand_r(&seed) % 4 == 0) {
        ND_OK(nd_timer_stop(&model_t[i]));
        model_active[i] = 0;
      } else {
        /* Few distinct timeouts, far enough out not to fire meanwhile. */
        uint64_t timeout = 10000 + (uint64_t)(rand_r(&seed) % 40);
        ND_OK(nd_timer_start(&model_t[i], model_cb, timeout, 0));
        model_active[i] = 1;
        model_deadline[i] = nd_now(loop) + timeout;
        model_seq[i] = seq++;
      }
      assert_int_equal(nd_timer_get_due_in(&model_t[i]),
                       model_active[i] ? model_deadline[i] - nd_now(loop) : 0);
    }
    /*
     * The heap's minimum is the model's: check it, stop it, repeat.  One
     * NOWAIT run first hands the kernel what the loop queued (a new loop's
     * first requests), so nd_backend_timeout() is the heap's alone.
     */
    nd_run(loop, ND_RUN_NOWAIT);
    for (op = 0; op < 200; op++) {
      int next = model_next();
      if (next < 0)
        break;
      assert_int_equal(nd_backend_timeout(loop),
                       (int)(model_deadline[next] - nd_now(loop)));
      ND_OK(nd_timer_stop(&model_t[next]));
      model_active[next] = 0;
    }
  }

  /* Finally let everything left fire in model order, at a shorter range. */
  for (i = 0; i < MODEL_N; i++) {
    if (model_active[i]) {
      uint64_t timeout = (uint64_t)(i % 7);
      ND_OK(nd_timer_start(&model_t[i], model_cb, timeout, 0));
      model_deadline[i] = nd_now(loop) + timeout;
      model_seq[i] = seq++;
    }
  }
  /* Each callback checks it is the model's next. */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(model_next(), -1);
  assert_true(model_calls > 0);
  close_and_drain(loop);
}

/* A zero timer started from a timer callback runs on the next iteration. */
static int zero_calls;
static uint64_t zero_iteration[2];

static void zero_second_cb(nd_timer_t *t) {
  nd_metrics_t m;
  nd_metrics_info(t->loop, &m);
  zero_iteration[1] = m.loop_count;
  zero_calls++;
}

static void zero_first_cb(nd_timer_t *t) {
  nd_metrics_t m;
  nd_timer_t *second = t->data;
  nd_metrics_info(t->loop, &m);
  zero_iteration[0] = m.loop_count;
  zero_calls++;
  ND_OK(nd_timer_start(second, zero_second_cb, 0, 0));
}

static void test_timer_started_from_callback(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t a;
  nd_timer_t b;

  zero_calls = 0;
  ND_OK(nd_timer_init(loop, &a));
  ND_OK(nd_timer_init(loop, &b));
  a.data = &b;
  ND_OK(nd_timer_start(&a, zero_first_cb, 0, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(zero_calls, 2);
  assert_int_equal(zero_iteration[1], zero_iteration[0] + 1);
  close_and_drain(loop);
}

/* The wall clock jumps forward an hour mid-wait: nothing fires early. */
static uint64_t jump_started;
static uint64_t jump_fired_after;

static void jump_cb(nd_timer_t *t) {
  (void)t;
  jump_fired_after = test_ms() - jump_started;
}

static void jump_clock_cb(nd_timer_t *t) {
  (void)t;
  wall_offset_sec = 3600;
}

static void test_wall_clock_jump(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t target;
  nd_timer_t jumper;

  wall_offset_sec = 0;
  ND_OK(nd_timer_init(loop, &target));
  ND_OK(nd_timer_init(loop, &jumper));
  jump_started = test_ms();
  nd_update_time(loop);
  ND_OK(nd_timer_start(&target, jump_cb, 200, 0));
  ND_OK(nd_timer_start(&jumper, jump_clock_cb, 20, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_true(jump_fired_after >= 199);
  /* And back: a wall clock set an hour into the past delays nothing. */
  wall_offset_sec = -3600;
  jump_started = test_ms();
  nd_update_time(loop);
  ND_OK(nd_timer_start(&target, jump_cb, 30, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_true(jump_fired_after >= 29 && jump_fired_after < 5000);
  wall_offset_sec = 0;
  close_and_drain(loop);
}

static void never_cb(nd_timer_t *t) {
  (void)t;
  fail_msg("must not fire");
}

static void test_invalid_and_closing(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  ND_OK(nd_timer_init(loop, &t));
  assert_int_equal(nd_timer_start(&t, NULL, 1, 0), ND_EINVAL);
  assert_false(nd_is_active((nd_handle_t *)&t));
  ND_OK(nd_timer_stop(&t)); /* stopping an idle timer is fine */
  ND_OK(nd_timer_start(&t, never_cb, 1000, 0));
  assert_true(nd_timer_get_due_in(&t) > 900);
  nd_close((nd_handle_t *)&t, NULL);
  assert_false(nd_is_active((nd_handle_t *)&t));
  assert_int_equal(nd_timer_get_due_in(&t), 0);
  assert_int_equal(nd_timer_start(&t, never_cb, 1, 0), ND_EINVAL);
  /* The closed timer does not keep the loop alive beyond its close. */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
}

static void test_huge_timeout_clamps(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;

  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, never_cb, UINT64_MAX, 0));
  assert_int_equal(t.timeout, UINT64_MAX);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(nd_backend_timeout(loop), 2147483647);
  close_and_drain(loop);
}

static int unref_fired;

static void unref_cb(nd_timer_t *t) {
  (void)t;
  unref_fired++;
}

static void test_unref_timer_does_not_keep_loop_alive(void **state) {
  nd_loop_t *loop = *state;
  nd_timer_t t;
  nd_timer_t short_one;
  uint64_t start;

  unref_fired = 0;
  ND_OK(nd_timer_init(loop, &t));
  ND_OK(nd_timer_start(&t, unref_cb, 10000, 0));
  nd_unref((nd_handle_t *)&t);
  assert_false(nd_has_ref((nd_handle_t *)&t));
  start = test_ms();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_true(test_ms() - start < 5000);
  assert_int_equal(unref_fired, 0);

  /* An unref'd timer still fires while something else keeps the loop up. */
  ND_OK(nd_timer_start(&t, unref_cb, 1, 0));
  ND_OK(nd_timer_init(loop, &short_one));
  ND_OK(nd_timer_start(&short_one, unref_cb, 30, 0));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(unref_fired, 2);

  nd_ref((nd_handle_t *)&t);
  assert_true(nd_has_ref((nd_handle_t *)&t));
  close_and_drain(loop);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_fires_in_deadline_order),
    LOOP_TEST(test_equal_deadlines_fifo),
    LOOP_TEST(test_repeat),
    LOOP_TEST(test_again),
    LOOP_TEST(test_stop_inside_callback),
    LOOP_TEST(test_stop_repeating_from_own_callback),
    LOOP_TEST(test_100k_timers),
    LOOP_TEST(test_heap_model),
    LOOP_TEST(test_timer_started_from_callback),
    LOOP_TEST(test_wall_clock_jump),
    LOOP_TEST(test_invalid_and_closing),
    LOOP_TEST(test_huge_timeout_clamps),
    LOOP_TEST(test_unref_timer_does_not_keep_loop_alive),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
