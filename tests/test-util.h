/*
 * test-util.h - what every cmocka test binary shares.
 *
 * Each test gets a fresh loop from loop_setup(); loop_teardown() asserts
 * that nd_loop_close() succeeds, so a test that leaks a handle fails.  The
 * teardown does not run the loop: handles may live on the test's stack, so
 * a test closes its handles and runs the loop (close_and_drain) before it
 * returns.
 */
#ifndef ND_TEST_UTIL_H
#define ND_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nodec.h"

/* Assert a libnodec call succeeded, printing the error name if not. */
#define ND_OK(expr)                                                          \
  do {                                                                       \
    int nd_ok_r_ = (expr);                                                   \
    if (nd_ok_r_ < 0)                                                        \
      fail_msg("%s: %s (%s)", #expr, nd_err_name(nd_ok_r_),                  \
               nd_strerror(nd_ok_r_));                                       \
  } while (0)

static inline int loop_setup(void **state) {
  nd_loop_t *loop = malloc(sizeof(*loop));

  if (loop == NULL || nd_loop_init(loop) != 0) {
    free(loop);
    return -1;
  }
  *state = loop;
  return 0;
}

static inline int loop_teardown(void **state) {
  nd_loop_t *loop = *state;
  int r;

  r = nd_loop_close(loop);
  if (r != 0) {
    fprintf(stderr, "teardown: nd_loop_close: %s: the test left a handle "
            "open, or closed one without running the loop after\n",
            nd_err_name(r));
    return -1;
  }
  free(loop);
  return 0;
}

#define LOOP_TEST(fn) cmocka_unit_test_setup_teardown(fn, loop_setup, loop_teardown)

static inline void close_walk_cb(nd_handle_t *h, void *arg) {
  (void)arg;
  if (!nd_is_closing(h))
    nd_close(h, NULL);
}

/* Close every handle still open and run the loop until they are gone. */
static inline void close_and_drain(nd_loop_t *loop) {
  nd_walk(loop, close_walk_cb, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
}

/*
 * A watchdog: a timer that ends a run that went wrong (sets `expired` and
 * stops the loop) instead of hanging the suite.  It is a safety net, never
 * the thing a test measures.
 */
#define WATCHDOG_MS 10000

typedef struct {
  nd_timer_t timer;
  int expired;
} watchdog_t;

static inline void watchdog_cb(nd_timer_t *t) {
  watchdog_t *wd = t->data;

  wd->expired = 1;
  nd_stop(t->loop);
}

static inline void watchdog_start(nd_loop_t *loop, watchdog_t *wd) {
  wd->expired = 0;
  ND_OK(nd_timer_init(loop, &wd->timer));
  wd->timer.data = wd;
  ND_OK(nd_timer_start(&wd->timer, watchdog_cb, WATCHDOG_MS, 0));
}

/* Run iterations until *flag is set or the watchdog expires. */
static inline void run_until(nd_loop_t *loop, watchdog_t *wd,
                             volatile int *flag) {
  while (!*flag && !wd->expired)
    nd_run(loop, ND_RUN_ONCE);
}

/*
 * Descriptors open in this process, from /proc/self/fd, not counting the
 * one used to read it: compare at the start and end to catch a leak.
 */
static inline int test_count_fds(void) {
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  int n = 0;

  if (d == NULL)
    return -1;
  while ((e = readdir(d)) != NULL)
    n += e->d_name[0] != '.';
  closedir(d);
  return n - 1;
}

static inline int test_remove_entry(const char *path, const struct stat *st,
                                    int flag, struct FTW *ftw) {
  (void)st;
  (void)ftw;
  return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Remove a test's scratch tree with libc, not with the code under test. */
static inline int test_remove_tree(const char *path) {
  return nftw(path, test_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Milliseconds of monotonic time, for tests that check durations. */
static inline uint64_t test_ms(void) {
  return nd_hrtime() / 1000000u;
}

#endif
