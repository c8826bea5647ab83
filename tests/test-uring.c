/*
 * test-uring.c - whole operations on the loop's ring (src/loop/uring.h),
 * the internal API subsystems build on: completion, multishot, cancel,
 * the lifetime rules, a full submission queue and an overflowing
 * completion queue.
 *
 * Every test makes its own io_uring loop, whatever ND_BACKEND the suite
 * runs with; the epoll run checks that an epoll loop offers no ring.
 */
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "test-util.h"
#include "../src/loop/uring.h"

static char *saved_backend;

static int uring_setup(void **state) {
  const char *b = getenv("ND_BACKEND");
  nd_loop_t *loop = malloc(sizeof(*loop));
  int r;

  saved_backend = b != NULL ? strdup(b) : NULL;
  setenv("ND_BACKEND", "io_uring", 1);
  r = loop != NULL ? nd_loop_init(loop) : ND_ENOMEM;
  if (saved_backend != NULL)
    setenv("ND_BACKEND", saved_backend, 1);
  else
    unsetenv("ND_BACKEND");
  free(saved_backend);
  if (r != 0) {
    fprintf(stderr, "io_uring loop: %s\n", nd_strerror(r));
    free(loop);
    return -1;
  }
  *state = loop;
  return 0;
}

#define URING_TEST(fn) cmocka_unit_test_setup_teardown(fn, uring_setup, loop_teardown)

/* A log of completions. */
struct done {
  nd__uring_op_t op;
  int calls;
  int res[16];
  unsigned int flags[16];
};

static void done_cb(nd_loop_t *loop, nd__uring_op_t *op, int res,
                    unsigned int flags) {
  struct done *d = nd__container_of(op, struct done, op);

  (void)loop;
  if (d->calls < 16) {
    d->res[d->calls] = res;
    d->flags[d->calls] = flags;
  }
  d->calls++;
}

static void run_until_calls(nd_loop_t *loop, const int *calls, int want) {
  watchdog_t wd;

  watchdog_start(loop, &wd);
  while (*calls < want && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  nd_run(loop, ND_RUN_NOWAIT);
  assert_false(wd.expired);
}

static void test_nop_completes_once(void **state) {
  nd_loop_t *loop = *state;
  struct io_uring_sqe *sqe;
  struct done d;

  memset(&d, 0, sizeof(d));
  sqe = nd__uring_get_sqe(loop);
  assert_non_null(sqe);
  io_uring_prep_nop(sqe);
  nd__uring_submit(loop, sqe, &d.op, done_cb);
  /* In flight: the loop is alive and cannot close; no callback yet. */
  assert_true(nd_loop_alive(loop));
  assert_int_equal(nd_loop_close(loop), ND_EBUSY);
  assert_int_equal(d.calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(d.calls, 1);
  assert_int_equal(d.res[0], 0);
  assert_false(d.flags[0] & IORING_CQE_F_MORE);
  assert_false(nd_loop_alive(loop));
}

static void test_read_waits_for_data(void **state) {
  nd_loop_t *loop = *state;
  struct io_uring_sqe *sqe;
  struct done d;
  char buf[16];
  int p[2];
  int i;

  assert_int_equal(pipe2(p, O_CLOEXEC), 0);
  memset(&d, 0, sizeof(d));
  memset(buf, 0, sizeof(buf));
  sqe = nd__uring_get_sqe(loop);
  io_uring_prep_read(sqe, p[0], buf, sizeof(buf), 0);
  nd__uring_submit(loop, sqe, &d.op, done_cb);
  for (i = 0; i < 3; i++)
    assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);
  assert_int_equal(d.calls, 0);

  assert_int_equal(write(p[1], "hello", 5), 5);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(d.calls, 1);
  assert_int_equal(d.res[0], 5);
  assert_memory_equal(buf, "hello", 5);
  close(p[0]);
  close(p[1]);
}

static void test_cancel_pending_read(void **state) {
  nd_loop_t *loop = *state;
  struct io_uring_sqe *sqe;
  struct done d;
  char buf[8];
  int p[2];

  assert_int_equal(pipe2(p, O_CLOEXEC), 0);
  memset(&d, 0, sizeof(d));
  sqe = nd__uring_get_sqe(loop);
  io_uring_prep_read(sqe, p[0], buf, sizeof(buf), 0);
  nd__uring_submit(loop, sqe, &d.op, done_cb);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);

  ND_OK(nd__uring_cancel(loop, &d.op));
  /* The callback never runs inside cancel; the final completion comes. */
  assert_int_equal(d.calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(d.calls, 1);
  assert_int_equal(d.res[0], -ECANCELED);

  /* Cancelling an op that has ended is harmless: nothing more happens. */
  ND_OK(nd__uring_cancel(loop, &d.op));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(d.calls, 1);
  close(p[0]);
  close(p[1]);
}

/* A multishot op completes with F_MORE until cancelled, then once more. */
static void test_multishot_until_cancel(void **state) {
  nd_loop_t *loop = *state;
  struct io_uring_sqe *sqe;
  struct done d;
  char c;
  int p[2];

  assert_int_equal(pipe2(p, O_CLOEXEC | O_NONBLOCK), 0);
  memset(&d, 0, sizeof(d));
  sqe = nd__uring_get_sqe(loop);
  io_uring_prep_poll_multishot(sqe, p[0], POLLIN);
  nd__uring_submit(loop, sqe, &d.op, done_cb);

  assert_int_equal(write(p[1], "a", 1), 1);
  run_until_calls(loop, &d.calls, 1);
  assert_int_equal(read(p[0], &c, 1), 1);
  assert_int_equal(write(p[1], "b", 1), 1);
  run_until_calls(loop, &d.calls, 2);
  assert_int_equal(read(p[0], &c, 1), 1);
  assert_true(d.res[0] & POLLIN);
  assert_true(d.res[1] & POLLIN);
  assert_true(d.flags[0] & IORING_CQE_F_MORE);
  assert_true(d.flags[1] & IORING_CQE_F_MORE);
  /* Still in flight between events. */
  assert_true(nd_loop_alive(loop));

  ND_OK(nd__uring_cancel(loop, &d.op));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(d.calls, 3);
  assert_int_equal(d.res[2], -ECANCELED);
  assert_false(d.flags[2] & IORING_CQE_F_MORE);
  close(p[0]);
  close(p[1]);
}

/*
 * The lifetime rule for handles: closing a handle whose op is in flight
 * holds its close callback until the op's final completion releases it.
 */
static struct {
  nd_timer_t handle; /* stands for any handle that owns a ring op */
  struct done d;
  int closed;
  int closed_after_op;
} owner;

static void owner_close_cb(nd_handle_t *h) {
  (void)h;
  owner.closed++;
  owner.closed_after_op = owner.d.calls == 1;
}

static void owner_op_cb(nd_loop_t *loop, nd__uring_op_t *op, int res,
                        unsigned int flags) {
  done_cb(loop, op, res, flags);
  if (!(flags & IORING_CQE_F_MORE))
    nd__handle_close_release((nd_handle_t *)&owner.handle);
}

static void test_close_waits_for_final_completion(void **state) {
  nd_loop_t *loop = *state;
  struct io_uring_sqe *sqe;
  char buf[8];
  int p[2];

  assert_int_equal(pipe2(p, O_CLOEXEC), 0);
  memset(&owner, 0, sizeof(owner));
  ND_OK(nd_timer_init(loop, &owner.handle));
  sqe = nd__uring_get_sqe(loop);
  io_uring_prep_read(sqe, p[0], buf, sizeof(buf), 0);
  nd__uring_submit(loop, sqe, &owner.d.op, owner_op_cb);
  assert_int_equal(nd_run(loop, ND_RUN_NOWAIT), 1);

  /* What a subsystem's close does: hold, cancel, then close. */
  nd__handle_close_hold((nd_handle_t *)&owner.handle);
  ND_OK(nd__uring_cancel(loop, &owner.d.op));
  nd_close((nd_handle_t *)&owner.handle, owner_close_cb);
  assert_true(nd_is_closing((nd_handle_t *)&owner.handle));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(owner.d.calls, 1);
  assert_int_equal(owner.d.res[0], -ECANCELED);
  assert_int_equal(owner.closed, 1);
  assert_true(owner.closed_after_op);
  close(p[0]);
  close(p[1]);
}

/* More SQEs than the queue holds: each is submitted, none dropped. */
static void test_full_submission_queue(void **state) {
  nd_loop_t *loop = *state;
  enum { N = 1000 };
  static struct done d[N];
  struct io_uring_sqe *sqe;
  int i;

  memset(d, 0, sizeof(d));
  for (i = 0; i < N; i++) {
    sqe = nd__uring_get_sqe(loop);
    assert_non_null(sqe);
    io_uring_prep_nop(sqe);
    nd__uring_submit(loop, sqe, &d[i].op, done_cb);
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < N; i++) {
    assert_int_equal(d[i].calls, 1);
    assert_int_equal(d[i].res[0], 0);
  }
}

/*
 * More completions than the completion queue holds, all posted before the
 * loop reaps any: the kernel keeps the overflow and every one arrives.
 */
static int overflow_calls;

static void overflow_cb(nd_loop_t *loop, nd__uring_op_t *op, int res,
                        unsigned int flags) {
  (void)loop;
  (void)op;
  (void)flags;
  assert_int_equal(res, 0);
  overflow_calls++;
}

static void test_completion_queue_overflow(void **state) {
  nd_loop_t *loop = *state;
  enum { N = 20000 };
  nd__uring_op_t *ops = calloc(N, sizeof(*ops));
  struct io_uring_sqe *sqe;
  int i;

  assert_non_null(ops);
  overflow_calls = 0;
  for (i = 0; i < N; i++) {
    sqe = nd__uring_get_sqe(loop);
    io_uring_prep_nop(sqe);
    nd__uring_submit(loop, sqe, &ops[i], overflow_cb);
  }
  /* Submit all now: NOPs complete at once, far more than fit the CQ. */
  ND_OK(nd__uring_flush(loop));
  assert_int_equal(overflow_calls, 0);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(overflow_calls, N);
  free(ops);
}

/* An epoll loop has no ring: subsystems fall back to readiness. */
static void test_epoll_loop_has_no_ring(void **state) {
  nd_loop_t loop;
  const char *b = getenv("ND_BACKEND");
  char *copy = b != NULL ? strdup(b) : NULL;
  nd__uring_op_t op;

  (void)state;
  setenv("ND_BACKEND", "epoll", 1);
  ND_OK(nd_loop_init(&loop));
  if (copy != NULL)
    setenv("ND_BACKEND", copy, 1);
  else
    unsetenv("ND_BACKEND");
  free(copy);
  assert_null(nd__uring_get_sqe(&loop));
  assert_int_equal(nd__uring_cancel(&loop, &op), ND_ENOSYS);
  assert_int_equal(nd__uring_flush(&loop), ND_ENOSYS);
  ND_OK(nd_loop_close(&loop));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    URING_TEST(test_nop_completes_once),
    URING_TEST(test_read_waits_for_data),
    URING_TEST(test_cancel_pending_read),
    URING_TEST(test_multishot_until_cancel),
    URING_TEST(test_close_waits_for_final_completion),
    URING_TEST(test_full_submission_queue),
    URING_TEST(test_completion_queue_overflow),
    cmocka_unit_test(test_epoll_loop_has_no_ring),
  };
  void *state;

  /* Without a ring there is nothing to test here: say so and skip. */
  if (uring_setup(&state) != 0) {
    printf("skipped: this machine cannot set up an io_uring loop\n");
    return 77;
  }
  loop_teardown(&state);
  return cmocka_run_group_tests(tests, NULL, NULL);
}
