/*
 * test-fs-poll.c - fs_poll handles on real files in a fresh temporary
 * directory: a change reported with the stats before and after, silence
 * while nothing changes, a missing file reported once and then its
 * creation, stop, restart and close while a stat is in flight, reference
 * counting, and getpath.  The binary checks that it leaks no descriptor.
 *
 * Intervals are 20 ms.  Callbacks only record what they got.
 */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"

static char tmpdir[64];

static const char *at(const char *rel) {
  static char bufs[4][512];
  static int next;
  char *p = bufs[next++ % 4];

  snprintf(p, sizeof(bufs[0]), "%s/%s", tmpdir, rel);
  return p;
}

static void append(const char *rel, const char *data) {
  int fd = open(at(rel), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
  assert_int_equal(close(fd), 0);
}

/* --- the callback log ----------------------------------------------------- */

struct call {
  nd_fs_poll_t *h;
  int status;
  nd_stat_t prev;
  nd_stat_t curr;
  int active; /* nd_is_active inside the callback */
};

static struct {
  struct call c[64];
  int n;
  int close_in_cb; /* nd_close the handle in its callback */
  int closed;
  int alive_at_close; /* nd_loop_alive in the close callback */
} plog;

static void plog_reset(void) {
  memset(&plog, 0, sizeof(plog));
}

static void plog_cb(nd_fs_poll_t *h, int status, const nd_stat_t *prev,
                    const nd_stat_t *curr) {
  struct call *c;

  if (plog.n < 64) {
    c = &plog.c[plog.n];
    c->h = h;
    c->status = status;
    c->prev = *prev;
    c->curr = *curr;
    c->active = nd_is_active((nd_handle_t *)h);
  }
  plog.n++;
  if (plog.close_in_cb)
    nd_close((nd_handle_t *)h, NULL);
}

static void on_closed(nd_handle_t *h) {
  plog.closed++;
  plog.alive_at_close = nd_loop_alive(h->loop);
}

static void wait_calls(nd_loop_t *loop, watchdog_t *wd, int n) {
  while (plog.n < n && !wd->expired)
    nd_run(loop, ND_RUN_ONCE);
  if (plog.n < n)
    fail_msg("%d callbacks, %d expected", plog.n, n);
}

/*
 * A write updates the file's times before its size, and a stat can fall
 * in between: one change may then be reported as two callbacks, the first
 * with the new times and the old size.  Wait for the one that shows the
 * result, and return its index.
 */
static int wait_result(nd_loop_t *loop, watchdog_t *wd, uint64_t size,
                       unsigned int mode) {
  int i;

  for (;;) {
    for (i = 0; i < plog.n && i < 64; i++)
      if (plog.c[i].status == 0 && plog.c[i].curr.st_size == size &&
          (mode == 0 || (plog.c[i].curr.st_mode & 07777) == mode))
        return i;
    if (wd->expired)
      fail_msg("no callback with size %llu", (unsigned long long)size);
    nd_run(loop, ND_RUN_ONCE);
  }
}

/* Make `rel` appear with its contents at once, as editors do. */
static void put(const char *rel, const char *data) {
  char tmp[512];
  int fd;

  snprintf(tmp, sizeof(tmp), "%s.tmp", at(rel));
  fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
  assert_int_equal(close(fd), 0);
  assert_int_equal(rename(tmp, at(rel)), 0);
}

static void settle_cb(nd_timer_t *t) {
  *(int *)t->data = 1;
}

/* Run the loop for about `ms` milliseconds. */
static void settle(nd_loop_t *loop, uint64_t ms) {
  nd_timer_t t;
  int done = 0;

  ND_OK(nd_timer_init(loop, &t));
  t.data = &done;
  ND_OK(nd_timer_start(&t, settle_cb, ms, 0));
  while (!done)
    nd_run(loop, ND_RUN_ONCE);
  nd_close((nd_handle_t *)&t, NULL);
  nd_run(loop, ND_RUN_NOWAIT);
}

/*
 * Run the loop until the stats started so far are back.  With the handle
 * and the watchdog unreferenced only the stat in flight keeps the loop
 * running, so nd_run returns when it completes.
 */
static void wait_stat(nd_loop_t *loop, nd_fs_poll_t *h, watchdog_t *wd) {
  nd_unref((nd_handle_t *)h);
  nd_unref((nd_handle_t *)&wd->timer);
  nd_run(loop, ND_RUN_DEFAULT);
  nd_ref((nd_handle_t *)h);
  nd_ref((nd_handle_t *)&wd->timer);
}

static int zero_stat(const nd_stat_t *st) {
  static const nd_stat_t zero;

  return memcmp(st, &zero, sizeof(zero)) == 0;
}

/* --- tests ---------------------------------------------------------------- */

/* A write: one callback, with the sizes before and after. */
static void test_change_reported(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;
  struct stat st;
  int i, n;

  append("changed", "abc");
  plog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("changed"), 20));
  assert_true(nd_is_active((nd_handle_t *)&h));
  wait_stat(loop, &h, &wd); /* the first result: remembered, not reported */
  settle(loop, 60);
  assert_int_equal(plog.n, 0);

  append("changed", "defgh");
  i = wait_result(loop, &wd, 8, 0);
  assert_true(i <= 1);
  assert_ptr_equal(plog.c[0].h, &h);
  assert_int_equal(plog.c[0].status, 0);
  assert_int_equal(plog.c[0].prev.st_size, 3);
  assert_int_equal(plog.c[i].prev.st_size, 3);
  assert_int_equal(stat(at("changed"), &st), 0);
  assert_int_equal(plog.c[i].curr.st_ino, st.st_ino);
  assert_int_equal(plog.c[i].prev.st_ino, st.st_ino);
  assert_true(plog.c[i].active);

  /* Once only: the next stats find what the callback reported. */
  n = plog.n;
  settle(loop, 100);
  assert_int_equal(plog.n, n);

  /* A change of mode alone counts too. */
  assert_int_equal(chmod(at("changed"), 0600), 0);
  i = wait_result(loop, &wd, 8, 0600);
  assert_true(i <= n + 1);
  assert_int_equal(plog.c[n].prev.st_mode & 07777, 0644);
  assert_int_equal(plog.c[i].curr.st_size, 8);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * Nothing changes over many intervals: no callback; then one change is
 * seen, so the handle was polling all along.
 */
static void test_no_change_no_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;
  uint64_t t0, dt;

  append("quiet", "x");
  plog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("quiet"), 20));
  wait_stat(loop, &h, &wd);
  settle(loop, 250);
  assert_int_equal(plog.n, 0);

  t0 = test_ms();
  append("quiet", "y");
  wait_result(loop, &wd, 2, 0);
  dt = test_ms() - t0;
  /* Within a few intervals, not the watchdog's ten seconds. */
  assert_true(dt < 2000);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * A missing file: ENOENT once, however many intervals pass; then its
 * creation; then its removal, with the last stat as prev.
 */
static void test_missing_then_created(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;

  plog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("later"), 20));
  wait_calls(loop, &wd, 1);
  assert_int_equal(plog.c[0].status, ND_ENOENT);
  assert_true(zero_stat(&plog.c[0].prev));
  assert_true(zero_stat(&plog.c[0].curr));
  settle(loop, 150);
  assert_int_equal(plog.n, 1);

  put("later", "1234");
  wait_calls(loop, &wd, 2);
  assert_int_equal(plog.c[1].status, 0);
  assert_true(zero_stat(&plog.c[1].prev));
  assert_int_equal(plog.c[1].curr.st_size, 4);
  assert_true(S_ISREG(plog.c[1].curr.st_mode));

  assert_int_equal(unlink(at("later")), 0);
  wait_calls(loop, &wd, 3);
  assert_int_equal(plog.c[2].status, ND_ENOENT);
  assert_int_equal(plog.c[2].prev.st_size, 4);
  assert_true(zero_stat(&plog.c[2].curr));
  settle(loop, 100);
  assert_int_equal(plog.n, 3);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * Stopped while its first stat runs: no callback, and the loop ends once
 * the stat is back.
 */
static void test_stop_in_flight(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;

  plog_reset();
  ND_OK(nd_fs_poll_init(loop, &h));
  /* Missing: its result would be reported if it were not dropped. */
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("stop-missing"), 20));
  ND_OK(nd_fs_poll_stop(&h));
  assert_false(nd_is_active((nd_handle_t *)&h));
  ND_OK(nd_fs_poll_stop(&h));
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(plog.n, 0);

  nd_close((nd_handle_t *)&h, on_closed);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(plog.closed, 1);
  assert_int_equal(plog.n, 0);
}

/*
 * Stopped and started again on another path while the first start's stat
 * runs: that stat's result is not reported, the new path is watched.
 */
static void test_restart_in_flight(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;
  char buf[512];
  size_t size = sizeof(buf);

  append("restart", "ab");
  plog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("restart-missing"), 20));
  ND_OK(nd_fs_poll_stop(&h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("restart"), 20));
  ND_OK(nd_fs_poll_getpath(&h, buf, &size));
  assert_string_equal(buf, at("restart"));
  wait_stat(loop, &h, &wd); /* the stale stat, then the new path's */
  settle(loop, 80);
  assert_int_equal(plog.n, 0);

  append("restart", "cd");
  wait_result(loop, &wd, 4, 0);
  assert_int_equal(plog.c[0].status, 0);
  assert_int_equal(plog.c[0].prev.st_size, 2);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * Closed while its stat runs: no poll callback, and the close callback
 * waits for the stat, so nothing is left in the loop when it runs.  The
 * watchdog is unreferenced to make that visible.
 */
static void test_close_in_flight(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;

  plog_reset();
  watchdog_start(loop, &wd);
  nd_unref((nd_handle_t *)&wd.timer);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("close-missing"), 20));
  nd_close((nd_handle_t *)&h, on_closed);
  assert_false(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(nd_fs_poll_start(&h, plog_cb, at("x"), 20), ND_EINVAL);
  while (plog.closed == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(plog.closed, 1);
  assert_int_equal(plog.n, 0);
  assert_false(plog.alive_at_close);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/* Closed from its own callback: no second callback, the close runs. */
static void test_close_in_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  static watchdog_t wd;

  plog_reset();
  plog.close_in_cb = 1;
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_poll_init(loop, &h));
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("cb-missing"), 20));
  wait_calls(loop, &wd, 1);
  assert_int_equal(plog.c[0].status, ND_ENOENT);
  append("cb-missing", "now it exists");
  settle(loop, 80);
  assert_int_equal(plog.n, 1);
  assert_true(nd_is_closing((nd_handle_t *)&h));

  close_and_drain(loop);
  assert_false(wd.expired);
}

/* Active handles keep the loop alive; unreferenced ones do not. */
static void test_ref(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;

  append("ref", "x");
  plog_reset();
  ND_OK(nd_fs_poll_init(loop, &h));
  assert_int_equal(nd_loop_alive(loop), 0);
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("ref"), 20));
  assert_true(nd_loop_alive(loop));
  /* Starting an active handle changes nothing (libuv's rule). */
  ND_OK(nd_fs_poll_start(&h, plog_cb, at("other"), 1000));
  nd_unref((nd_handle_t *)&h);
  /* Returns once the first stat is back: only it kept the loop going. */
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_true(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(plog.n, 0);
  close_and_drain(loop);
}

static void test_getpath_and_arguments(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_poll_t h;
  const char *path = at("getpath");
  size_t len = strlen(path);
  char buf[512];
  size_t size;

  ND_OK(nd_fs_poll_init(loop, &h));
  size = sizeof(buf);
  assert_int_equal(nd_fs_poll_getpath(&h, buf, &size), ND_EINVAL);
  assert_int_equal(nd_fs_poll_start(&h, NULL, path, 20), ND_EINVAL);
  assert_int_equal(nd_fs_poll_start(&h, plog_cb, NULL, 20), ND_EINVAL);
  ND_OK(nd_fs_poll_start(&h, plog_cb, path, 20));
  size = len;
  assert_int_equal(nd_fs_poll_getpath(&h, buf, &size), ND_ENOBUFS);
  assert_int_equal(size, len + 1);
  ND_OK(nd_fs_poll_getpath(&h, buf, &size));
  assert_int_equal(size, len);
  assert_string_equal(buf, path);
  ND_OK(nd_fs_poll_stop(&h));
  size = sizeof(buf);
  assert_int_equal(nd_fs_poll_getpath(&h, buf, &size), ND_EINVAL);
  close_and_drain(loop);
}

/* --- the binary ----------------------------------------------------------- */



int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_change_reported),
    LOOP_TEST(test_no_change_no_callback),
    LOOP_TEST(test_missing_then_created),
    LOOP_TEST(test_stop_in_flight),
    LOOP_TEST(test_restart_in_flight),
    LOOP_TEST(test_close_in_flight),
    LOOP_TEST(test_close_in_callback),
    LOOP_TEST(test_ref),
    LOOP_TEST(test_getpath_and_arguments),
  };
  int fds_before, fds_after, failed;

  fds_before = test_count_fds();
  snprintf(tmpdir, sizeof(tmpdir), "/tmp/nodec-test-fs-poll.XXXXXX");
  if (mkdtemp(tmpdir) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  failed = cmocka_run_group_tests(tests, NULL, NULL);
  if (test_remove_tree(tmpdir) != 0)
    fprintf(stderr, "could not remove %s\n", tmpdir);
  fds_after = test_count_fds();
  if (fds_after != fds_before) {
    fprintf(stderr, "descriptor leak: %d open at the start, %d at the end\n",
            fds_before, fds_after);
    return 1;
  }
  printf("# descriptors: %d at the start and at the end\n", fds_after);
  return failed != 0;
}
