/*
 * test-fs-event.c - fs_event handles on real files in a fresh temporary
 * directory: entries created, changed, renamed and deleted in a watched
 * directory; a watched file; recursive watches, with directories made
 * after the start; a file replaced the way editors save; two handles on
 * one path; stop and start again; close while events are pending, and
 * close or start from a callback; start errors (ENOENT, EMFILE, and ENOSPC
 * from inotify's watch limit in a user namespace); fork; getpath.  The
 * binary checks that it leaks no descriptor.
 *
 * Each test works in its own subdirectory, so no test sees another's
 * events.  Callbacks only record what they got; a test waits until the
 * event it expects has arrived and then checks every event of the step.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

static char tmpdir[64];

/* --- files ---------------------------------------------------------------- */

static const char *at(const char *rel) {
  static char bufs[4][512];
  static int next;
  char *p = bufs[next++ % 4];

  snprintf(p, sizeof(bufs[0]), "%s/%s", tmpdir, rel);
  return p;
}

static void make_dir(const char *rel) {
  assert_int_equal(mkdir(at(rel), 0755), 0);
}

/* Append `data` to the file, creating it if needed. */
static void append(const char *rel, const char *data) {
  int fd = open(at(rel), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
  assert_int_equal(close(fd), 0);
}

static void create(const char *rel) {
  int fd = open(at(rel), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

  assert_true(fd >= 0);
  assert_int_equal(close(fd), 0);
}

static void move(const char *from, const char *to) {
  assert_int_equal(rename(at(from), at(to)), 0);
}

/* --- the event log -------------------------------------------------------- */

struct ev {
  nd_fs_event_t *h;
  char name[128];
  int has_name;
  int events;
  int status;
};

static struct {
  struct ev e[512];
  int n;
  nd_fs_event_t *close_in_cb; /* nd_close this handle when it is called */
  int close_after;            /* ... after that many callbacks of it */
  int closed;                 /* close callbacks seen */
} elog;

static void elog_reset(void) {
  memset(&elog, 0, sizeof(elog));
}

static int elog_count(nd_fs_event_t *h);

static void elog_cb(nd_fs_event_t *h, const char *filename, int events,
                    int status) {
  struct ev *e;

  if (elog.n < (int)(sizeof(elog.e) / sizeof(elog.e[0]))) {
    e = &elog.e[elog.n];
    e->h = h;
    e->has_name = filename != NULL;
    if (filename != NULL)
      snprintf(e->name, sizeof(e->name), "%s", filename);
    e->events = events;
    e->status = status;
  }
  elog.n++;
  if (h == elog.close_in_cb && elog_count(h) > elog.close_after)
    nd_close((nd_handle_t *)h, NULL);
}

static void on_closed(nd_handle_t *h) {
  (void)h;
  elog.closed++;
}

/*
 * Index of the first event at or after `from` of h with this name whose
 * events include `flag`, or -1.
 */
static int elog_find(int from, nd_fs_event_t *h, const char *name, int flag) {
  int i;

  for (i = from; i < elog.n && i < 512; i++)
    if (elog.e[i].h == h && elog.e[i].has_name &&
        strcmp(elog.e[i].name, name) == 0 && (elog.e[i].events & flag) &&
        elog.e[i].status == 0)
      return i;
  return -1;
}

static int elog_count(nd_fs_event_t *h) {
  int i, n = 0;

  for (i = 0; i < elog.n && i < 512; i++)
    n += elog.e[i].h == h;
  return n;
}

static void elog_dump(void) {
  int i;

  for (i = 0; i < elog.n && i < 512; i++)
    print_message("  event %d: handle %p name %s events %d status %d\n", i,
                  (void *)elog.e[i].h,
                  elog.e[i].has_name ? elog.e[i].name : "(null)",
                  elog.e[i].events, elog.e[i].status);
}

/* Run the loop until h has had the event, then return its index. */
static int wait_event(nd_loop_t *loop, watchdog_t *wd, nd_fs_event_t *h,
                      const char *name, int flag) {
  int i;

  while ((i = elog_find(0, h, name, flag)) < 0 && !wd->expired)
    nd_run(loop, ND_RUN_ONCE);
  if (i < 0) {
    elog_dump();
    fail_msg("no %s event for \"%s\"", flag == ND_RENAME ? "rename" : "change",
             name);
  }
  return i;
}

/* Run the loop for about `ms` milliseconds, events or not. */
static void settle_cb(nd_timer_t *t) {
  *(int *)t->data = 1;
}

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
 * Every event of h in the log is one of the `n` expected (name, events)
 * pairs; inotify may merge or split what a step does, never invent.
 */
struct want {
  const char *name;
  int events;
};

static void expect_only(nd_fs_event_t *h, const struct want *w, int n) {
  int i, j, ok;

  for (i = 0; i < elog.n && i < 512; i++) {
    if (elog.e[i].h != h)
      continue;
    ok = 0;
    for (j = 0; j < n && !ok; j++)
      ok = elog.e[i].status == 0 && elog.e[i].has_name &&
           strcmp(elog.e[i].name, w[j].name) == 0 &&
           (elog.e[i].events & ~w[j].events) == 0 && elog.e[i].events != 0;
    if (!ok) {
      elog_dump();
      fail_msg("unexpected event %d", i);
    }
  }
}

/* --- tests ---------------------------------------------------------------- */

/* Entries of a watched directory: their names, and the right flag. */
static void test_dir_entries(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;
  static const struct want w_create[] = {{"a", ND_RENAME}};
  static const struct want w_write[] = {{"a", ND_CHANGE}};
  static const struct want w_rename[] = {{"a", ND_RENAME}, {"b", ND_RENAME}};
  static const struct want w_unlink[] = {{"b", ND_RENAME}};
  int i, j;

  make_dir("dir");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("dir"), 0));
  assert_true(nd_is_active((nd_handle_t *)&h));

  create("dir/a");
  wait_event(loop, &wd, &h, "a", ND_RENAME);
  expect_only(&h, w_create, 1);

  elog_reset();
  append("dir/a", "hello");
  wait_event(loop, &wd, &h, "a", ND_CHANGE);
  expect_only(&h, w_write, 1);

  elog_reset();
  move("dir/a", "dir/b");
  i = wait_event(loop, &wd, &h, "a", ND_RENAME);
  j = wait_event(loop, &wd, &h, "b", ND_RENAME);
  assert_true(i < j); /* the old name first */
  expect_only(&h, w_rename, 2);

  elog_reset();
  assert_int_equal(unlink(at("dir/b")), 0);
  wait_event(loop, &wd, &h, "b", ND_RENAME);
  expect_only(&h, w_unlink, 1);

  /* A subdirectory's own entries are not the directory's. */
  elog_reset();
  make_dir("dir/sub");
  wait_event(loop, &wd, &h, "sub", ND_RENAME);
  append("dir/sub/inner", "x");
  settle(loop, 50);
  for (i = 0; i < elog.n; i++)
    assert_null(strchr(elog.e[i].name, '/'));

  close_and_drain(loop);
  assert_false(wd.expired);
}

/* A watched file: changes are reported under its basename. */
static void test_file_changes(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;
  static const struct want w_change[] = {{"f.txt", ND_CHANGE}};

  make_dir("file");
  append("file/f.txt", "one");
  append("file/other", "x");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("file/f.txt"), 0));

  append("file/f.txt", "two");
  wait_event(loop, &wd, &h, "f.txt", ND_CHANGE);
  append("file/other", "y"); /* a neighbour: not reported */
  settle(loop, 30);
  expect_only(&h, w_change, 1);

  elog_reset();
  assert_int_equal(chmod(at("file/f.txt"), 0600), 0);
  wait_event(loop, &wd, &h, "f.txt", ND_CHANGE);
  expect_only(&h, w_change, 1);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/* A recursive watch: existing subdirectories, new ones, moved-out ones. */
static void test_recursive(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t rec, flat;
  static watchdog_t wd;
  static const struct want w_x[] = {{"sub/x", ND_RENAME | ND_CHANGE}};
  static const struct want w_y[] = {{"sub/deeper/y", ND_RENAME | ND_CHANGE}};
  static const struct want w_new[] = {{"sub/new", ND_RENAME},
                                      {"sub/new/z", ND_RENAME | ND_CHANGE}};
  int i;

  make_dir("rec");
  make_dir("rec/sub");
  make_dir("rec/sub/deeper");
  make_dir("rec-out");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &rec));
  ND_OK(nd_fs_event_init(loop, &flat));
  ND_OK(nd_fs_event_start(&rec, elog_cb, at("rec"), ND_FS_EVENT_RECURSIVE));
  ND_OK(nd_fs_event_start(&flat, elog_cb, at("rec"), 0));

  create("rec/sub/x");
  wait_event(loop, &wd, &rec, "sub/x", ND_RENAME);
  expect_only(&rec, w_x, 1);

  elog_reset();
  append("rec/sub/deeper/y", "y");
  wait_event(loop, &wd, &rec, "sub/deeper/y", ND_RENAME);
  wait_event(loop, &wd, &rec, "sub/deeper/y", ND_CHANGE);
  expect_only(&rec, w_y, 1);

  /* A directory made after the start is watched from its creation on. */
  elog_reset();
  make_dir("rec/sub/new");
  wait_event(loop, &wd, &rec, "sub/new", ND_RENAME);
  append("rec/sub/new/z", "z");
  wait_event(loop, &wd, &rec, "sub/new/z", ND_CHANGE);
  expect_only(&rec, w_new, 2);

  /* A tree made faster than the loop looks: what it held is reported. */
  elog_reset();
  make_dir("rec/a");
  make_dir("rec/a/b");
  append("rec/a/b/c", "c");
  wait_event(loop, &wd, &rec, "a", ND_RENAME);
  wait_event(loop, &wd, &rec, "a/b", ND_RENAME);
  wait_event(loop, &wd, &rec, "a/b/c", ND_RENAME);
  elog_reset();
  append("rec/a/b/c", "more");
  wait_event(loop, &wd, &rec, "a/b/c", ND_CHANGE);

  /* A directory moved out of the tree is no longer watched. */
  elog_reset();
  move("rec/sub/deeper", "rec-out/deeper");
  wait_event(loop, &wd, &rec, "sub/deeper", ND_RENAME);
  elog_reset();
  append("rec-out/deeper/y", "after");
  settle(loop, 50);
  assert_int_equal(elog_count(&rec), 0);

  /* And one moved in is. */
  move("rec-out/deeper", "rec/back");
  wait_event(loop, &wd, &rec, "back", ND_RENAME);
  wait_event(loop, &wd, &rec, "back/y", ND_RENAME);
  elog_reset();
  append("rec/back/y", "again");
  wait_event(loop, &wd, &rec, "back/y", ND_CHANGE);

  /* The plain watch on the same directory saw top-level names only. */
  for (i = 0; i < elog.n; i++)
    if (elog.e[i].h == &flat)
      assert_null(strchr(elog.e[i].name, '/'));

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * Editors save by writing a new file and renaming it over the old one, or
 * by deleting and re-creating it: the watch follows the path.
 */
static void test_file_replaced(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;
  char buf[512];
  size_t size = sizeof(buf);
  int round;

  make_dir("edit");
  append("edit/doc", "v1");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("edit/doc"), 0));

  for (round = 0; round < 2; round++) {
    elog_reset();
    append("edit/doc.tmp", "v2");
    move("edit/doc.tmp", "edit/doc");
    wait_event(loop, &wd, &h, "doc", ND_RENAME);
    /* The new file is watched now. */
    elog_reset();
    append("edit/doc", "more");
    wait_event(loop, &wd, &h, "doc", ND_CHANGE);
  }

  /* Deleted, then made again later. */
  elog_reset();
  assert_int_equal(unlink(at("edit/doc")), 0);
  wait_event(loop, &wd, &h, "doc", ND_RENAME);
  settle(loop, 20);
  elog_reset();
  append("edit/unrelated", "x"); /* another name in the directory: quiet */
  append("edit/doc", "v3");
  wait_event(loop, &wd, &h, "doc", ND_RENAME);
  elog_reset();
  append("edit/doc", "v4");
  wait_event(loop, &wd, &h, "doc", ND_CHANGE);

  /* Moved away to a backup name, then written anew. */
  elog_reset();
  move("edit/doc", "edit/doc~");
  wait_event(loop, &wd, &h, "doc", ND_RENAME);
  elog_reset();
  append("edit/doc", "v5");
  wait_event(loop, &wd, &h, "doc", ND_RENAME);
  elog_reset();
  append("edit/doc~", "old file: no longer watched");
  settle(loop, 30);
  assert_int_equal(elog_count(&h), 0);
  append("edit/doc", "v6");
  wait_event(loop, &wd, &h, "doc", ND_CHANGE);

  /* All along, the handle watched the path it was given. */
  ND_OK(nd_fs_event_getpath(&h, buf, &size));
  assert_string_equal(buf, at("edit/doc"));

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * Two handles on one path share the kernel's watch; each gets the events,
 * and stopping one leaves the other its events.
 */
static void test_two_handles(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h1, h2, hf;
  static watchdog_t wd;

  make_dir("two");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h1));
  ND_OK(nd_fs_event_init(loop, &h2));
  ND_OK(nd_fs_event_init(loop, &hf));
  ND_OK(nd_fs_event_start(&h1, elog_cb, at("two"), 0));
  ND_OK(nd_fs_event_start(&h2, elog_cb, at("two"), 0));

  create("two/a");
  wait_event(loop, &wd, &h1, "a", ND_RENAME);
  wait_event(loop, &wd, &h2, "a", ND_RENAME);

  elog_reset();
  ND_OK(nd_fs_event_stop(&h1));
  create("two/b");
  wait_event(loop, &wd, &h2, "b", ND_RENAME);
  settle(loop, 20);
  assert_int_equal(elog_count(&h1), 0);

  /* The file and its directory, each watched by a handle. */
  elog_reset();
  ND_OK(nd_fs_event_start(&hf, elog_cb, at("two/a"), 0));
  append("two/a", "x");
  wait_event(loop, &wd, &hf, "a", ND_CHANGE);
  wait_event(loop, &wd, &h2, "a", ND_CHANGE);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/* After stop, nothing; started again, events again. */
static void test_stop_and_restart(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;
  char buf[16];
  size_t size = sizeof(buf);

  make_dir("stop");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("stop"), 0));
  assert_int_equal(nd_fs_event_start(&h, elog_cb, at("stop"), 0), ND_EINVAL);
  ND_OK(nd_fs_event_stop(&h));
  assert_false(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(nd_fs_event_getpath(&h, buf, &size), ND_EINVAL);
  ND_OK(nd_fs_event_stop(&h)); /* twice is harmless */

  create("stop/x");
  settle(loop, 50);
  assert_int_equal(elog.n, 0);

  ND_OK(nd_fs_event_start(&h, elog_cb, at("stop"), 0));
  create("stop/y");
  wait_event(loop, &wd, &h, "y", ND_RENAME);
  assert_int_equal(elog_find(0, &h, "x", ND_RENAME), -1);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * A burst of events; the handle closes in its first callback and hears no
 * more, while a second handle on the directory hears them all.
 */
static void test_close_with_events_pending(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h1, h2;
  static watchdog_t wd;
  char name[16];
  int i;

  make_dir("burst");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h1));
  ND_OK(nd_fs_event_init(loop, &h2));
  ND_OK(nd_fs_event_start(&h1, elog_cb, at("burst"), 0));
  ND_OK(nd_fs_event_start(&h2, elog_cb, at("burst"), 0));
  elog.close_in_cb = &h1;

  for (i = 0; i < 50; i++) {
    snprintf(name, sizeof(name), "burst/f%02d", i);
    create(name);
  }
  wait_event(loop, &wd, &h2, "f49", ND_RENAME);
  for (i = 0; i < 50; i++) {
    snprintf(name, sizeof(name), "f%02d", i);
    assert_true(elog_find(0, &h2, name, ND_RENAME) >= 0);
  }
  assert_int_equal(elog_count(&h1), 1);
  assert_true(nd_is_closing((nd_handle_t *)&h1));

  /* Alone this time: the loop's inotify instance goes with it. */
  elog_reset();
  elog.close_in_cb = &h2;
  for (i = 50; i < 100; i++) {
    snprintf(name, sizeof(name), "burst/f%02d", i);
    create(name);
  }
  while (elog.n == 0 && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  settle(loop, 30);
  assert_int_equal(elog_count(&h2), 1);

  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * A new directory of a recursive watch is reported, then what it already
 * held; closed in the callback for the first of those, the handle hears
 * none of the others.
 */
static void test_recursive_close_in_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;

  make_dir("rclose");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("rclose"), ND_FS_EVENT_RECURSIVE));
  elog.close_in_cb = &h;
  elog.close_after = 1;
  make_dir("rclose/t");
  make_dir("rclose/t/u");
  append("rclose/t/u/f", "f");
  append("rclose/t/g", "g");
  wait_event(loop, &wd, &h, "t", ND_RENAME);
  settle(loop, 30);
  assert_int_equal(elog_count(&h), 2);
  assert_true(nd_is_closing((nd_handle_t *)&h));
  close_and_drain(loop);
  assert_false(wd.expired);
}

/*
 * A handle started from another's callback hears the events that follow,
 * not the one being delivered.
 */
static nd_fs_event_t late;

static void start_late_cb(nd_fs_event_t *h, const char *filename, int events,
                          int status) {
  elog_cb(h, filename, events, status);
  if (!nd_is_active((nd_handle_t *)&late)) {
    ND_OK(nd_fs_event_init(h->loop, &late));
    ND_OK(nd_fs_event_start(&late, elog_cb, at("late"), 0));
  }
}

static void test_start_in_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;

  make_dir("late");
  elog_reset();
  memset(&late, 0, sizeof(late));
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, start_late_cb, at("late"), 0));
  create("late/first");
  wait_event(loop, &wd, &h, "first", ND_RENAME);
  assert_true(nd_is_active((nd_handle_t *)&late));
  create("late/second");
  wait_event(loop, &wd, &late, "second", ND_RENAME);
  wait_event(loop, &wd, &h, "second", ND_RENAME);
  assert_int_equal(elog_find(0, &late, "first", ND_RENAME), -1);
  close_and_drain(loop);
  assert_false(wd.expired);
}

/* Close with a callback, started or not. */
static void test_close_callback(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t started, idle;

  make_dir("closecb");
  elog_reset();
  ND_OK(nd_fs_event_init(loop, &started));
  ND_OK(nd_fs_event_init(loop, &idle));
  ND_OK(nd_fs_event_start(&started, elog_cb, at("closecb"), 0));
  create("closecb/x"); /* queued, never delivered */
  nd_close((nd_handle_t *)&started, on_closed);
  nd_close((nd_handle_t *)&idle, on_closed);
  assert_int_equal(nd_fs_event_start(&idle, elog_cb, at("closecb"), 0),
                   ND_EINVAL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(elog.closed, 2);
  assert_int_equal(elog.n, 0);
}

/* A watched directory removed: reported under its own name. */
static void test_watched_dir_removed(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;

  make_dir("gone");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("gone"), 0));
  assert_int_equal(rmdir(at("gone")), 0);
  wait_event(loop, &wd, &h, "gone", ND_RENAME);
  assert_true(nd_is_active((nd_handle_t *)&h));
  close_and_drain(loop);
  assert_false(wd.expired);
}

static void test_start_errors(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;

  make_dir("errors");
  append("errors/file", "x");
  ND_OK(nd_fs_event_init(loop, &h));
  assert_int_equal(nd_fs_event_start(&h, elog_cb, at("errors/missing"), 0),
                   ND_ENOENT);
  assert_false(nd_is_active((nd_handle_t *)&h));
  assert_int_equal(
      nd_fs_event_start(&h, elog_cb, at("errors/file/below"), 0), ND_ENOTDIR);
  assert_int_equal(nd_fs_event_start(&h, elog_cb, at("errors/missing"),
                                     ND_FS_EVENT_RECURSIVE),
                   ND_ENOENT);
  assert_int_equal(nd_fs_event_start(&h, NULL, at("errors"), 0), ND_EINVAL);
  assert_int_equal(nd_fs_event_start(&h, elog_cb, NULL, 0), ND_EINVAL);
  assert_int_equal(nd_fs_event_start(&h, elog_cb, at("errors"), 64),
                   ND_EINVAL);
  assert_false(nd_is_active((nd_handle_t *)&h));
  /* The flags libuv ignores on Linux are accepted. */
  ND_OK(nd_fs_event_start(&h, elog_cb, at("errors"),
                          ND_FS_EVENT_WATCH_ENTRY | ND_FS_EVENT_STAT));
  close_and_drain(loop);
}

/* No descriptor left for an inotify instance: EMFILE, then fine again. */
static void test_emfile(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  struct rlimit old, low;
  int fds[256];
  int n = 0, fd, base, r;

  make_dir("emfile");
  ND_OK(nd_fs_event_init(loop, &h));
  assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
  base = open("/dev/null", O_RDONLY | O_CLOEXEC);
  assert_true(base >= 0);
  low = old;
  low.rlim_cur = (rlim_t)base + 16;
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
  while (n < 256 && (fd = fcntl(base, F_DUPFD_CLOEXEC, 0)) >= 0)
    fds[n++] = fd;
  r = nd_fs_event_start(&h, elog_cb, at("emfile"), 0);
  while (n > 0)
    close(fds[--n]);
  close(base);
  assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
  assert_int_equal(r, ND_EMFILE);
  assert_false(nd_is_active((nd_handle_t *)&h));

  ND_OK(nd_fs_event_start(&h, elog_cb, at("emfile"), 0));
  close_and_drain(loop);
}

/*
 * inotify's watch limit is per user namespace: a child in a namespace of
 * its own may lower it to one watch without touching the machine's.
 * Exit codes: 0 passed, 77 no user namespace, others the failed step.
 */
static int write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  int ok;

  if (fd < 0)
    return -1;
  ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
  close(fd);
  return ok ? 0 : -1;
}

static int enospc_child(void) {
  nd_loop_t loop;
  nd_fs_event_t h1, h2;

  if (unshare(CLONE_NEWUSER) != 0)
    return 77;
  if (write_file("/proc/self/uid_map", "0 0 1") != 0 ||
      write_file("/proc/sys/user/max_inotify_watches", "1") != 0)
    return 77;
  if (nd_loop_init(&loop) != 0)
    return 2;
  if (nd_fs_event_init(&loop, &h1) != 0 || nd_fs_event_init(&loop, &h2) != 0)
    return 3;
  /* The root and its subdirectory need two watches. */
  if (nd_fs_event_start(&h1, elog_cb, at("enospc"), ND_FS_EVENT_RECURSIVE) !=
      ND_ENOSPC)
    return 4;
  if (nd_is_active((nd_handle_t *)&h1))
    return 5;
  /* The failed start gave its watch back: one is still available. */
  if (nd_fs_event_start(&h1, elog_cb, at("enospc"), 0) != 0)
    return 6;
  if (nd_fs_event_start(&h2, elog_cb, at("enospc/sub"), 0) != ND_ENOSPC)
    return 7;
  /* The same path shares the watch it has. */
  if (nd_fs_event_start(&h2, elog_cb, at("enospc"), 0) != 0)
    return 8;
  nd_close((nd_handle_t *)&h1, NULL);
  nd_close((nd_handle_t *)&h2, NULL);
  if (nd_run(&loop, ND_RUN_DEFAULT) != 0 || nd_loop_close(&loop) != 0)
    return 9;
  return 0;
}

static void test_enospc(void **state) {
  pid_t pid;
  int status;

  (void)state;
  make_dir("enospc");
  make_dir("enospc/sub");
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(enospc_child());
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) {
    print_message("no user namespace to lower the watch limit in\n");
    skip();
  }
  assert_int_equal(WEXITSTATUS(status), 0);
}

/*
 * After fork the child's loop needs an inotify instance of its own, which
 * nd_loop_fork gives it; with the parent's, the two processes would share
 * one queue of events, each taking some.  The child consumes the event of
 * its own file; the parent must still find it in its queue.
 */
static int fork_child(nd_loop_t *loop, nd_fs_event_t *h, watchdog_t *wd) {
  if (nd_loop_fork(loop) != 0)
    return 2;
  elog_reset();
  append("fork/from-child", "c");
  while (elog_find(0, h, "from-child", ND_RENAME) < 0 && !wd->expired)
    nd_run(loop, ND_RUN_ONCE);
  if (wd->expired)
    return 4;
  /* The parent's watch is not the child's to remove. */
  nd_fs_event_stop(h);
  return 0;
}

static void test_fork(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  static watchdog_t wd;
  pid_t pid;
  int status;

  make_dir("fork");
  elog_reset();
  watchdog_start(loop, &wd);
  ND_OK(nd_fs_event_init(loop, &h));
  ND_OK(nd_fs_event_start(&h, elog_cb, at("fork"), 0));
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    _exit(fork_child(loop, &h, &wd));
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);

  wait_event(loop, &wd, &h, "from-child", ND_RENAME);
  append("fork/from-parent", "p");
  wait_event(loop, &wd, &h, "from-parent", ND_RENAME);
  close_and_drain(loop);
  assert_false(wd.expired);
}

static void test_getpath(void **state) {
  nd_loop_t *loop = *state;
  static nd_fs_event_t h;
  char buf[512];
  size_t size;
  const char *path = at("getpath");
  size_t len = strlen(path);

  make_dir("getpath");
  ND_OK(nd_fs_event_init(loop, &h));
  size = sizeof(buf);
  assert_int_equal(nd_fs_event_getpath(&h, buf, &size), ND_EINVAL);
  ND_OK(nd_fs_event_start(&h, elog_cb, path, 0));

  size = len; /* no room for the NUL */
  assert_int_equal(nd_fs_event_getpath(&h, buf, &size), ND_ENOBUFS);
  assert_int_equal(size, len + 1);
  memset(buf, 'x', sizeof(buf));
  ND_OK(nd_fs_event_getpath(&h, buf, &size));
  assert_int_equal(size, len);
  assert_string_equal(buf, path);
  close_and_drain(loop);
}

/* --- the binary ----------------------------------------------------------- */



int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_dir_entries),
    LOOP_TEST(test_file_changes),
    LOOP_TEST(test_recursive),
    LOOP_TEST(test_file_replaced),
    LOOP_TEST(test_two_handles),
    LOOP_TEST(test_stop_and_restart),
    LOOP_TEST(test_close_with_events_pending),
    LOOP_TEST(test_recursive_close_in_callback),
    LOOP_TEST(test_start_in_callback),
    LOOP_TEST(test_close_callback),
    LOOP_TEST(test_watched_dir_removed),
    LOOP_TEST(test_start_errors),
    LOOP_TEST(test_emfile),
    cmocka_unit_test(test_enospc),
    LOOP_TEST(test_fork),
    LOOP_TEST(test_getpath),
  };
  int fds_before, fds_after, failed;

  fds_before = test_count_fds();
  snprintf(tmpdir, sizeof(tmpdir), "/tmp/nodec-test-fs-event.XXXXXX");
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
