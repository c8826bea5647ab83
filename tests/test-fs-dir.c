/*
 * test-fs-dir.c - directories: mkdir, mkdir -p, mkdtemp, mkstemp, rmdir,
 * rm -rf, scandir, and directory streams.
 *
 * Every test runs each operation twice, synchronously and with a callback,
 * on paths of its own under one temporary directory made for the run and
 * removed at the end.  Each test also checks that it leaves no descriptor
 * open.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "test-util.h"

static char root[64];
static int fds_at_start;
static pthread_t loop_thread;

/* --- helpers ------------------------------------------------------------ */

static int fd_count(void) {
  DIR *d = opendir("/proc/self/fd");
  struct dirent *ent;
  int n = 0;

  assert_non_null(d);
  while ((ent = readdir(d)) != NULL)
    if (ent->d_name[0] != '.')
      n++;
  closedir(d);
  return n - 1; /* the one opendir itself holds */
}

/* A path under the run's directory, in buf (PATH_MAX bytes). */
static const char *path_of(char *buf, const char *fmt, ...) {
  va_list ap;
  int n;

  n = snprintf(buf, PATH_MAX, "%s/", root);
  va_start(ap, fmt);
  vsnprintf(buf + n, PATH_MAX - (size_t)n, fmt, ap);
  va_end(ap);
  return buf;
}

/* Any path, in buf (PATH_MAX bytes); it must fit. */
static const char *fmt_path(char *buf, const char *fmt, ...) {
  va_list ap;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(buf, PATH_MAX, fmt, ap);
  va_end(ap);
  assert_true(n > 0 && n < PATH_MAX);
  return buf;
}

static void make_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
}

static int exists(const char *path) {
  struct stat st;

  return lstat(path, &st) == 0;
}

static int is_dir(const char *path) {
  struct stat st;

  return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A callback that counts its calls and checks the thread it runs on. */
static int cb_calls;
static int cb_off_thread;

static void on_fs(nd_fs_t *req) {
  (void)req;
  cb_calls++;
  if (!pthread_equal(pthread_self(), loop_thread))
    cb_off_thread++;
}

#define FS_CB(async) ((async) ? on_fs : NULL)

/*
 * The result of a request just started as r = nd_fs_xxx(..., FS_CB(async)):
 * r itself when synchronous; when queued, what the callback saw, after
 * running the loop.  Either way the callback has run once, on the loop
 * thread, or never when the start failed.
 */
static ssize_t complete(nd_loop_t *loop, nd_fs_t *req, int r, int async) {
  int before = cb_calls;

  loop_thread = pthread_self();
  if (!async) {
    assert_int_equal(req->result, r);
    return r;
  }
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(cb_calls, before + (r < 0 ? 0 : 1));
  assert_int_equal(cb_off_thread, 0);
  return r < 0 ? r : req->result;
}

/* --- group setup -------------------------------------------------------- */

static int group_setup(void **state) {
  (void)state;
  fds_at_start = fd_count();
  snprintf(root, sizeof(root), "/tmp/nd-test-fs-dir-XXXXXX");
  return mkdtemp(root) != NULL ? 0 : -1;
}

static int group_teardown(void **state) {
  char cmd[128];

  (void)state;
  /* Not our own rm_rf: the run's directory goes even if that is broken. */
  snprintf(cmd, sizeof(cmd), "rm -rf -- '%s'", root);
  if (system(cmd) != 0 || exists(root)) {
    fprintf(stderr, "could not remove %s\n", root);
    return -1;
  }
  if (fd_count() != fds_at_start) {
    fprintf(stderr, "descriptors: %d at the start, %d at the end\n",
            fds_at_start, fd_count());
    return -1;
  }
  return 0;
}

/* --- mkdir -------------------------------------------------------------- */

static void test_mkdir(void **state) {
  nd_loop_t *loop = *state;
  char path[PATH_MAX], other[PATH_MAX], name[300];
  mode_t old_umask = umask(0);
  int fds = fd_count();
  struct stat st;
  nd_fs_t req;
  int async;

  ND_OK(mkdir(path_of(path, "mkdir"), 0755));
  make_file(path_of(path, "mkdir/file"), "x");
  memset(name, 'n', sizeof(name) - 1);
  name[sizeof(name) - 1] = '\0';
  for (async = 0; async < 2; async++) {
    /* The mode is applied as given (umask 0 here). */
    path_of(path, "mkdir/d%d", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req, path, 0751,
                                          FS_CB(async)), async), 0);
    assert_int_equal(req.fs_type, ND_FS_MKDIR);
    assert_string_equal(req.path, path);
    nd_fs_req_cleanup(&req);
    assert_null(req.path);
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0751);

    path_of(path, "mkdir/m%d", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req, path, 0700,
                                          FS_CB(async)), async), 0);
    nd_fs_req_cleanup(&req);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0700);

    /* Errors. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req, path, 0700,
                                          FS_CB(async)), async), ND_EEXIST);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req,
                                          path_of(other, "mkdir/none/x"),
                                          0700, FS_CB(async)), async),
                     ND_ENOENT);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req,
                                          path_of(other, "mkdir/file/x"),
                                          0700, FS_CB(async)), async),
                     ND_ENOTDIR);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req,
                                          path_of(other, "mkdir/%s", name),
                                          0700, FS_CB(async)), async),
                     ND_ENAMETOOLONG);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir(loop, &req, NULL, 0700,
                                          FS_CB(async)), async), ND_EINVAL);
    nd_fs_req_cleanup(&req);
  }

  /* A queued request copies the path: the caller's buffer can change. */
  path_of(path, "mkdir/copied");
  ND_OK(nd_fs_mkdir(loop, &req, path, 0700, on_fs));
  path_of(path, "mkdir/overwritten");
  assert_int_equal(complete(loop, &req, 0, 1), 0);
  assert_string_equal(req.path, path_of(other, "mkdir/copied"));
  nd_fs_req_cleanup(&req);
  assert_true(is_dir(other));
  assert_false(exists(path));

  umask(old_umask);
  assert_int_equal(fd_count(), fds);
}

/* --- mkdir -p ----------------------------------------------------------- */

static void test_mkdir_p(void **state) {
  nd_loop_t *loop = *state;
  char path[PATH_MAX], other[PATH_MAX];
  mode_t old_umask = umask(0);
  int fds = fd_count();
  struct stat st;
  nd_fs_t req;
  int async, i;

  ND_OK(mkdir(path_of(path, "mkdirp"), 0755));
  make_file(path_of(path, "mkdirp/file"), "x");
  for (async = 0; async < 2; async++) {
    /* Five levels, none there: the first one made is reported. */
    path_of(path, "mkdirp/t%d/l1/l2/l3/l4/l5", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req, path, 0750,
                                            FS_CB(async)), async), 0);
    assert_int_equal(req.fs_type, ND_FS_MKDIR_P);
    assert_non_null(req.ptr);
    assert_string_equal(req.ptr, path_of(other, "mkdirp/t%d", async));
    nd_fs_req_cleanup(&req);
    assert_null(req.ptr);
    for (i = 0; i < 5; i++) {
      char *slash = strrchr(path, '/');
      assert_int_equal(stat(path, &st), 0);
      assert_true(S_ISDIR(st.st_mode));
      assert_int_equal(st.st_mode & 07777, 0750);
      *slash = '\0';
    }

    /* All there already: success, nothing made. */
    path_of(path, "mkdirp/t%d/l1/l2/l3/l4/l5", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req, path, 0750,
                                            FS_CB(async)), async), 0);
    assert_null(req.ptr);
    nd_fs_req_cleanup(&req);

    /* The last level only, with trailing slashes. */
    path_of(path, "mkdirp/t%d/l1/l2/new//", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req, path, 0750,
                                            FS_CB(async)), async), 0);
    assert_string_equal(req.ptr, path_of(other, "mkdirp/t%d/l1/l2/new",
                                         async));
    nd_fs_req_cleanup(&req);
    assert_true(is_dir(other));

    /* Two levels under an existing one. */
    path_of(path, "mkdirp/t%d/l1/a/b", async);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req, path, 0750,
                                            FS_CB(async)), async), 0);
    assert_string_equal(req.ptr, path_of(other, "mkdirp/t%d/l1/a", async));
    nd_fs_req_cleanup(&req);
    assert_true(is_dir(path));

    /* Through a file: ENOTDIR; the file itself as the target: EEXIST. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req,
                                            path_of(path, "mkdirp/file/x/y"),
                                            0750, FS_CB(async)), async),
                     ND_ENOTDIR);
    assert_null(req.ptr);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req,
                                            path_of(path, "mkdirp/file"),
                                            0750, FS_CB(async)), async),
                     ND_EEXIST);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_mkdir_p(loop, &req, NULL, 0750,
                                            FS_CB(async)), async), ND_EINVAL);
    nd_fs_req_cleanup(&req);
  }
  umask(old_umask);
  assert_int_equal(fd_count(), fds);
}

/* --- mkdtemp, mkstemp --------------------------------------------------- */

#define TEMP_COUNT 100

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names follow the template, and no two are the same. */
static void check_temp_names(char **names, const char *tpl) {
  size_t prefix = strlen(tpl) - 6;
  int i;

  for (i = 0; i < TEMP_COUNT; i++) {
    assert_int_equal(strlen(names[i]), strlen(tpl));
    assert_memory_equal(names[i], tpl, prefix);
    assert_string_not_equal(names[i] + prefix, "XXXXXX");
  }
  qsort(names, TEMP_COUNT, sizeof(*names), compare_names);
  for (i = 1; i < TEMP_COUNT; i++)
    assert_string_not_equal(names[i - 1], names[i]);
}

static void check_bad_templates(nd_loop_t *loop, int async,
                                int (*fn)(nd_loop_t *, nd_fs_t *,
                                          const char *, nd_fs_cb)) {
  char path[PATH_MAX];
  nd_fs_t req;

  assert_int_equal(complete(loop, &req,
                            fn(loop, &req, path_of(path, "temp/noX"),
                               FS_CB(async)), async), ND_EINVAL);
  nd_fs_req_cleanup(&req);
  assert_int_equal(complete(loop, &req,
                            fn(loop, &req, path_of(path, "temp/XXXXXa"),
                               FS_CB(async)), async), ND_EINVAL);
  nd_fs_req_cleanup(&req);
  assert_int_equal(complete(loop, &req,
                            fn(loop, &req, "XXXXX", FS_CB(async)), async),
                   ND_EINVAL);
  nd_fs_req_cleanup(&req);
  assert_int_equal(complete(loop, &req,
                            fn(loop, &req, NULL, FS_CB(async)), async),
                   ND_EINVAL);
  nd_fs_req_cleanup(&req);
  assert_int_equal(complete(loop, &req,
                            fn(loop, &req, path_of(path, "temp/no/XXXXXX"),
                               FS_CB(async)), async), ND_ENOENT);
  nd_fs_req_cleanup(&req);
}

static void test_mkdtemp(void **state) {
  nd_loop_t *loop = *state;
  char tpl[PATH_MAX], copy[PATH_MAX];
  char *names[TEMP_COUNT];
  int fds = fd_count();
  struct stat st;
  nd_fs_t req;
  int async, i;

  mkdir(path_of(tpl, "temp"), 0755);
  for (async = 0; async < 2; async++) {
    path_of(tpl, "temp/dir%d-XXXXXX", async);
    strcpy(copy, tpl);
    for (i = 0; i < TEMP_COUNT; i++) {
      assert_int_equal(complete(loop, &req,
                                nd_fs_mkdtemp(loop, &req, tpl, FS_CB(async)),
                                async), 0);
      assert_int_equal(req.fs_type, ND_FS_MKDTEMP);
      assert_non_null(req.path);
      assert_ptr_not_equal(req.path, tpl);
      assert_int_equal(lstat(req.path, &st), 0);
      assert_true(S_ISDIR(st.st_mode));
      assert_int_equal(st.st_mode & 0777, 0700);
      names[i] = strdup(req.path);
      nd_fs_req_cleanup(&req);
      assert_null(req.path);
    }
    /* The caller's template is left as it was. */
    assert_string_equal(tpl, copy);
    check_temp_names(names, tpl);
    for (i = 0; i < TEMP_COUNT; i++)
      free(names[i]);
    check_bad_templates(loop, async, nd_fs_mkdtemp);
  }
  assert_int_equal(fd_count(), fds);
}

static void test_mkstemp(void **state) {
  nd_loop_t *loop = *state;
  char tpl[PATH_MAX], text[32], got[32];
  char *names[TEMP_COUNT];
  int fds = fd_count();
  struct stat st;
  nd_fs_t req;
  int async, i, fd, rfd;

  mkdir(path_of(tpl, "temp"), 0755);
  for (async = 0; async < 2; async++) {
    path_of(tpl, "temp/file%d-XXXXXX", async);
    for (i = 0; i < TEMP_COUNT; i++) {
      fd = (int)complete(loop, &req,
                         nd_fs_mkstemp(loop, &req, tpl, FS_CB(async)), async);
      assert_true(fd >= 0);
      assert_int_equal(req.fs_type, ND_FS_MKSTEMP);
      assert_int_equal(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
      assert_int_equal(fstat(fd, &st), 0);
      assert_true(S_ISREG(st.st_mode));
      assert_int_equal(st.st_mode & 0777, 0600);

      /* The descriptor is open for writing, on the file named. */
      snprintf(text, sizeof(text), "file %d/%d", async, i);
      assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
      close(fd);
      rfd = open(req.path, O_RDONLY | O_CLOEXEC);
      assert_true(rfd >= 0);
      memset(got, 0, sizeof(got));
      assert_int_equal(read(rfd, got, sizeof(got) - 1), (ssize_t)strlen(text));
      close(rfd);
      assert_string_equal(got, text);
      names[i] = strdup(req.path);
      nd_fs_req_cleanup(&req);
    }
    check_temp_names(names, tpl);
    for (i = 0; i < TEMP_COUNT; i++)
      free(names[i]);
    check_bad_templates(loop, async, nd_fs_mkstemp);
  }
  assert_int_equal(fd_count(), fds);
}

/* --- rmdir -------------------------------------------------------------- */

static void test_rmdir(void **state) {
  nd_loop_t *loop = *state;
  char path[PATH_MAX];
  int fds = fd_count();
  nd_fs_t req;
  int async;

  ND_OK(mkdir(path_of(path, "rmdir"), 0755));
  make_file(path_of(path, "rmdir/file"), "x");
  for (async = 0; async < 2; async++) {
    ND_OK(mkdir(path_of(path, "rmdir/d%d", async), 0755));
    assert_int_equal(complete(loop, &req,
                              nd_fs_rmdir(loop, &req, path, FS_CB(async)),
                              async), 0);
    assert_int_equal(req.fs_type, ND_FS_RMDIR);
    nd_fs_req_cleanup(&req);
    assert_false(exists(path));

    /* Not empty: still there. */
    ND_OK(mkdir(path_of(path, "rmdir/full%d", async), 0755));
    make_file(path_of(path, "rmdir/full%d/f", async), "x");
    assert_int_equal(complete(loop, &req,
                              nd_fs_rmdir(loop, &req,
                                          path_of(path, "rmdir/full%d",
                                                  async),
                                          FS_CB(async)), async),
                     ND_ENOTEMPTY);
    nd_fs_req_cleanup(&req);
    assert_true(is_dir(path));

    assert_int_equal(complete(loop, &req,
                              nd_fs_rmdir(loop, &req,
                                          path_of(path, "rmdir/none"),
                                          FS_CB(async)), async), ND_ENOENT);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_rmdir(loop, &req,
                                          path_of(path, "rmdir/file"),
                                          FS_CB(async)), async), ND_ENOTDIR);
    nd_fs_req_cleanup(&req);
    assert_true(exists(path));
    assert_int_equal(complete(loop, &req,
                              nd_fs_rmdir(loop, &req, NULL, FS_CB(async)),
                              async), ND_EINVAL);
    nd_fs_req_cleanup(&req);
  }
  assert_int_equal(fd_count(), fds);
}

/* --- rm -rf ------------------------------------------------------------- */

/*
 * tree/
 *   f0 f1 f2, link-file -> f0, link-out -> outside/ (a directory),
 *   link-out-file -> outside/keep, dangling -> nowhere
 *   a/ f0..f2, b/ f0..f2 c/ f0..f2 + links, empty/
 *   wide/ 30 directories of 5 files each, between 30 files
 */
static void make_tree(const char *top, const char *outside) {
  char path[PATH_MAX], target[PATH_MAX];
  int i, j;

  ND_OK(mkdir(top, 0755));
  for (i = 0; i < 3; i++) {
    fmt_path(path, "%s/f%d", top, i);
    make_file(path, "top");
    fmt_path(path, "%s/a/f%d", top, i);
    if (i == 0) {
      fmt_path(target, "%s/a", top);
      ND_OK(mkdir(target, 0755));
      fmt_path(target, "%s/a/b", top);
      ND_OK(mkdir(target, 0755));
      fmt_path(target, "%s/a/b/c", top);
      ND_OK(mkdir(target, 0700));
      fmt_path(target, "%s/a/b/c/empty", top);
      ND_OK(mkdir(target, 0755));
    }
    make_file(path, "a");
    fmt_path(path, "%s/a/b/f%d", top, i);
    make_file(path, "b");
    fmt_path(path, "%s/a/b/c/f%d", top, i);
    make_file(path, "c");
  }
  fmt_path(path, "%s/link-file", top);
  ND_OK(symlink("f0", path));
  fmt_path(path, "%s/link-out", top);
  ND_OK(symlink(outside, path));
  fmt_path(path, "%s/a/b/c/link-out", top);
  ND_OK(symlink(outside, path));
  fmt_path(path, "%s/a/b/link-out-file", top);
  fmt_path(target, "%s/keep", outside);
  ND_OK(symlink(target, path));
  fmt_path(path, "%s/a/dangling", top);
  ND_OK(symlink("nowhere", path));
  fmt_path(path, "%s/wide", top);
  ND_OK(mkdir(path, 0755));
  for (i = 0; i < 30; i++) {
    fmt_path(path, "%s/wide/file%02d", top, i);
    make_file(path, "w");
    fmt_path(path, "%s/wide/dir%02d", top, i);
    ND_OK(mkdir(path, 0755));
    for (j = 0; j < 5; j++) {
      fmt_path(path, "%s/wide/dir%02d/f%d", top, i, j);
      make_file(path, "x");
    }
  }
}

static void test_rm_rf(void **state) {
  nd_loop_t *loop = *state;
  char top[PATH_MAX], outside[PATH_MAX], path[PATH_MAX];
  int fds = fd_count();
  struct stat st;
  nd_fs_t req;
  int async;

  ND_OK(mkdir(path_of(path, "rm"), 0755));
  ND_OK(mkdir(path_of(outside, "rm/outside"), 0755));
  make_file(path_of(path, "rm/outside/keep"), "keep");
  for (async = 0; async < 2; async++) {
    make_tree(path_of(top, "rm/tree%d", async), outside);
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, top, FS_CB(async)),
                              async), 0);
    assert_int_equal(req.fs_type, ND_FS_RM_RF);
    nd_fs_req_cleanup(&req);
    assert_false(exists(top));
    /* What the links pointed at is untouched. */
    assert_true(is_dir(outside));
    assert_int_equal(stat(path_of(path, "rm/outside/keep"), &st), 0);
    assert_int_equal(st.st_size, 4);

    /* A single file. */
    make_file(path_of(path, "rm/file%d", async), "x");
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, path, FS_CB(async)),
                              async), 0);
    nd_fs_req_cleanup(&req);
    assert_false(exists(path));

    /* A link to a directory goes as a link. */
    ND_OK(symlink(outside, path_of(path, "rm/link%d", async)));
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, path, FS_CB(async)),
                              async), 0);
    nd_fs_req_cleanup(&req);
    assert_false(exists(path));
    assert_true(exists(path_of(path, "rm/outside/keep")));

    /* An empty directory. */
    ND_OK(mkdir(path_of(path, "rm/empty%d", async), 0755));
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, path, FS_CB(async)),
                              async), 0);
    nd_fs_req_cleanup(&req);
    assert_false(exists(path));

    /* Nothing there: an error (the caller decides about `force`). */
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req,
                                          path_of(path, "rm/none"),
                                          FS_CB(async)), async), ND_ENOENT);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, NULL, FS_CB(async)),
                              async), ND_EINVAL);
    nd_fs_req_cleanup(&req);
  }
  assert_int_equal(fd_count(), fds);
}

/*
 * A tree whose paths are longer than PATH_MAX, made one level at a time
 * relative to the last; rm_rf must not need its paths whole.
 */
static void test_rm_rf_beyond_path_max(void **state) {
  nd_loop_t *loop = *state;
  char top[PATH_MAX], name[201];
  int fds = fd_count();
  size_t length;
  nd_fs_t req;
  int async, fd, next;

  memset(name, 'd', sizeof(name) - 1);
  name[sizeof(name) - 1] = '\0';
  ND_OK(mkdir(path_of(top, "deep"), 0755));
  for (async = 0; async < 2; async++) {
    path_of(top, "deep/t%d", async);
    ND_OK(mkdir(top, 0755));
    fd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    assert_true(fd >= 0);
    length = strlen(top);
    while (length <= PATH_MAX + 1000) {
      ND_OK(mkdirat(fd, name, 0755));
      next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      assert_true(next >= 0);
      /* A file and a link on every level, too. */
      close(openat(fd, "file", O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
      ND_OK(symlinkat("..", fd, "up"));
      close(fd);
      fd = next;
      length += 1 + strlen(name);
    }
    close(openat(fd, "bottom", O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    close(fd);
    assert_true(length > PATH_MAX);

    assert_int_equal(complete(loop, &req,
                              nd_fs_rm_rf(loop, &req, top, FS_CB(async)),
                              async), 0);
    nd_fs_req_cleanup(&req);
    assert_false(exists(top));
  }
  assert_true(is_dir(path_of(top, "deep")));
  assert_int_equal(fd_count(), fds);
}

/* --- scandir ------------------------------------------------------------ */

#define SCAN_FILES 1000

static void make_socket(const char *path) {
  struct sockaddr_un sa;
  int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  assert_true(s >= 0);
  memset(&sa, 0, sizeof(sa));
  sa.sun_family = AF_UNIX;
  assert_true(strlen(path) < sizeof(sa.sun_path));
  strcpy(sa.sun_path, path);
  assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
  close(s);
}

static void test_scandir(void **state) {
  nd_loop_t *loop = *state;
  char path[PATH_MAX], prev[NAME_MAX + 1];
  int fds = fd_count();
  nd_dirent_t ent;
  nd_fs_t req;
  int async, i, n, files;

  ND_OK(mkdir(path_of(path, "scan"), 0755));
  /* Made in an order unlike the sorted one. */
  for (i = 0; i < SCAN_FILES; i++)
    make_file(path_of(path, "scan/f%04d", (i * 7919) % SCAN_FILES), "");
  ND_OK(mkdir(path_of(path, "scan/d"), 0755));
  ND_OK(symlink("d", path_of(path, "scan/l")));
  ND_OK(mkfifo(path_of(path, "scan/p"), 0644));
  make_socket(path_of(path, "scan/s"));
  ND_OK(mkdir(path_of(path, "scan-empty"), 0755));
  make_file(path_of(path, "scan-file"), "");

  for (async = 0; async < 2; async++) {
    assert_int_equal(complete(loop, &req,
                              nd_fs_scandir(loop, &req,
                                            path_of(path, "scan"), 0,
                                            FS_CB(async)), async),
                     SCAN_FILES + 4);
    assert_int_equal(req.fs_type, ND_FS_SCANDIR);
    prev[0] = '\0';
    n = files = 0;
    while ((i = nd_fs_scandir_next(&req, &ent)) == 0) {
      /* Sorted by strcmp, each once, no "." or "..". */
      assert_true(strcmp(prev, ent.name) < 0);
      snprintf(prev, sizeof(prev), "%s", ent.name);
      if (ent.name[0] == 'f') {
        assert_int_equal(strlen(ent.name), 5);
        assert_int_equal(atoi(ent.name + 1), files);
        assert_int_equal(ent.type, ND_DIRENT_FILE);
        files++;
      } else if (strcmp(ent.name, "d") == 0) {
        assert_int_equal(ent.type, ND_DIRENT_DIR);
      } else if (strcmp(ent.name, "l") == 0) {
        assert_int_equal(ent.type, ND_DIRENT_LINK);
      } else if (strcmp(ent.name, "p") == 0) {
        assert_int_equal(ent.type, ND_DIRENT_FIFO);
      } else if (strcmp(ent.name, "s") == 0) {
        assert_int_equal(ent.type, ND_DIRENT_SOCKET);
      } else {
        fail_msg("unexpected entry %s", ent.name);
      }
      n++;
    }
    assert_int_equal(i, ND_EOF);
    assert_int_equal(n, SCAN_FILES + 4);
    assert_int_equal(files, SCAN_FILES);
    assert_string_equal(prev, "s");
    assert_int_equal(nd_fs_scandir_next(&req, &ent), ND_EOF);
    nd_fs_req_cleanup(&req);
    assert_null(req.ptr);

    /* Empty: no entries at all. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_scandir(loop, &req,
                                            path_of(path, "scan-empty"), 0,
                                            FS_CB(async)), async), 0);
    assert_int_equal(nd_fs_scandir_next(&req, &ent), ND_EOF);
    nd_fs_req_cleanup(&req);

    /* Errors, which scandir_next repeats. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_scandir(loop, &req,
                                            path_of(path, "scan-none"), 0,
                                            FS_CB(async)), async), ND_ENOENT);
    assert_int_equal(nd_fs_scandir_next(&req, &ent), ND_ENOENT);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_scandir(loop, &req,
                                            path_of(path, "scan-file"), 0,
                                            FS_CB(async)), async),
                     ND_ENOTDIR);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_scandir(loop, &req, NULL, 0,
                                            FS_CB(async)), async), ND_EINVAL);
    nd_fs_req_cleanup(&req);
  }

  /* A scan left unread is freed by the cleanup alone. */
  assert_int_equal(nd_fs_scandir(loop, &req, path_of(path, "scan"), 0, NULL),
                   SCAN_FILES + 4);
  ND_OK(nd_fs_scandir_next(&req, &ent));
  nd_fs_req_cleanup(&req);
  assert_int_equal(fd_count(), fds);
}

/* --- opendir, readdir, closedir ----------------------------------------- */

#define STREAM_FILES 100
#define CHUNK 7

static void test_dir_stream(void **state) {
  nd_loop_t *loop = *state;
  char path[PATH_MAX];
  nd_dirent_t ents[CHUNK];
  int seen[STREAM_FILES];
  int fds = fd_count();
  nd_dir_t *dir;
  nd_fs_t req;
  int async, i, k, total, calls;
  ssize_t n;

  ND_OK(mkdir(path_of(path, "stream"), 0755));
  for (i = 0; i < STREAM_FILES; i++)
    make_file(path_of(path, "stream/e%03d", i), "");
  make_file(path_of(path, "stream-file"), "");

  for (async = 0; async < 2; async++) {
    assert_int_equal(complete(loop, &req,
                              nd_fs_opendir(loop, &req,
                                            path_of(path, "stream"),
                                            FS_CB(async)), async), 0);
    assert_int_equal(req.fs_type, ND_FS_OPENDIR);
    dir = req.ptr;
    assert_non_null(dir);
    assert_null(dir->dirents);
    assert_int_equal(dir->nentries, 0);
    nd_fs_req_cleanup(&req);
    /* The directory is the caller's: the cleanup left it alone. */
    assert_non_null(dir->dir);
    assert_int_equal(fd_count(), fds + 1);

    /* Without room for entries, readdir refuses. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_readdir(loop, &req, dir, FS_CB(async)),
                              async), ND_EINVAL);
    assert_int_equal(complete(loop, &req,
                              nd_fs_readdir(loop, &req, NULL, FS_CB(async)),
                              async), ND_EINVAL);

    dir->dirents = ents;
    dir->nentries = CHUNK;
    memset(seen, 0, sizeof(seen));
    total = calls = 0;
    do {
      n = complete(loop, &req, nd_fs_readdir(loop, &req, dir, FS_CB(async)),
                   async);
      assert_int_equal(req.fs_type, ND_FS_READDIR);
      assert_ptr_equal(req.ptr, dir);
      nd_fs_req_cleanup(&req);
      assert_true(n >= 0 && n <= CHUNK);
      /* Full chunks until the last; names outlive the request. */
      if (total + CHUNK <= STREAM_FILES)
        assert_int_equal(n, CHUNK);
      for (k = 0; k < n; k++) {
        assert_int_equal(ents[k].name[0], 'e');
        i = atoi(ents[k].name + 1);
        assert_true(i >= 0 && i < STREAM_FILES);
        assert_int_equal(ents[k].type, ND_DIRENT_FILE);
        seen[i]++;
      }
      total += (int)n;
      calls++;
    } while (n > 0);
    assert_int_equal(total, STREAM_FILES);
    assert_int_equal(calls, (STREAM_FILES + CHUNK - 1) / CHUNK + 1);
    for (i = 0; i < STREAM_FILES; i++)
      assert_int_equal(seen[i], 1);
    /* At the end it stays at the end. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_readdir(loop, &req, dir, FS_CB(async)),
                              async), 0);
    nd_fs_req_cleanup(&req);

    assert_int_equal(complete(loop, &req,
                              nd_fs_closedir(loop, &req, dir, FS_CB(async)),
                              async), 0);
    assert_int_equal(req.fs_type, ND_FS_CLOSEDIR);
    nd_fs_req_cleanup(&req);
    assert_int_equal(fd_count(), fds);
    assert_int_equal(complete(loop, &req,
                              nd_fs_closedir(loop, &req, NULL, FS_CB(async)),
                              async), ND_EINVAL);

    /* Errors. */
    assert_int_equal(complete(loop, &req,
                              nd_fs_opendir(loop, &req,
                                            path_of(path, "stream-none"),
                                            FS_CB(async)), async), ND_ENOENT);
    assert_null(req.ptr);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_opendir(loop, &req,
                                            path_of(path, "stream-file"),
                                            FS_CB(async)), async),
                     ND_ENOTDIR);
    nd_fs_req_cleanup(&req);
    assert_int_equal(complete(loop, &req,
                              nd_fs_opendir(loop, &req, NULL, FS_CB(async)),
                              async), ND_EINVAL);
  }

  /* Closing before the end, and right after opening, frees it all. */
  ND_OK(nd_fs_opendir(loop, &req, path_of(path, "stream"), NULL));
  dir = req.ptr;
  nd_fs_req_cleanup(&req);
  dir->dirents = ents;
  dir->nentries = CHUNK;
  assert_int_equal(nd_fs_readdir(loop, &req, dir, NULL), CHUNK);
  nd_fs_req_cleanup(&req);
  ND_OK(nd_fs_closedir(loop, &req, dir, NULL));
  nd_fs_req_cleanup(&req);
  ND_OK(nd_fs_opendir(loop, &req, path_of(path, "stream"), NULL));
  dir = req.ptr;
  nd_fs_req_cleanup(&req);
  ND_OK(nd_fs_closedir(loop, &req, dir, on_fs));
  assert_int_equal(complete(loop, &req, 0, 1), 0);
  nd_fs_req_cleanup(&req);
  assert_int_equal(fd_count(), fds);
}

/* --- where the requests run --------------------------------------------- */

/*
 * With the loop's only worker busy, mkdir and rmdir still complete on an
 * io_uring loop (the kernel does them), while an operation of the pool
 * waits for the worker.  On epoll every one of them waits.
 */
static struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int open;
} gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};

static void gate_work(nd_work_t *w) {
  (void)w;
  pthread_mutex_lock(&gate.lock);
  while (!gate.open)
    pthread_cond_wait(&gate.cond, &gate.lock);
  pthread_mutex_unlock(&gate.lock);
}

static void gate_after(nd_work_t *w, int status) {
  (void)w;
  (void)status;
}

static int flag_mkdir, flag_rmdir, flag_mkdir_p;

static void on_flag(nd_fs_t *req) {
  *(int *)req->data = 1;
}

static void test_ring_needs_no_worker(void **state) {
  nd_loop_t *loop = *state;
  int on_ring = strcmp(nd_backend_name(loop), "io_uring") == 0;
  char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX];
  nd_fs_t req_mkdir, req_rmdir, req_mkdir_p;
  nd_threadpool_t *pool;
  nd_work_t work;
  watchdog_t wd;
  int i;

  ND_OK(nd_threadpool_new(&pool, 1));
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  gate.open = 0;
  ND_OK(nd_queue_work(loop, &work, gate_work, gate_after));

  ND_OK(mkdir(path_of(a, "where"), 0755));
  ND_OK(mkdir(path_of(b, "where/gone"), 0755));
  path_of(a, "where/made");
  path_of(c, "where/p/q");
  flag_mkdir = flag_rmdir = flag_mkdir_p = 0;
  req_mkdir.data = &flag_mkdir;
  req_rmdir.data = &flag_rmdir;
  req_mkdir_p.data = &flag_mkdir_p;
  ND_OK(nd_fs_mkdir(loop, &req_mkdir, a, 0755, on_flag));
  ND_OK(nd_fs_rmdir(loop, &req_rmdir, b, on_flag));
  ND_OK(nd_fs_mkdir_p(loop, &req_mkdir_p, c, 0755, on_flag));

  watchdog_start(loop, &wd);
  if (on_ring) {
    while (!(flag_mkdir && flag_rmdir) && !wd.expired)
      nd_run(loop, ND_RUN_ONCE);
    assert_false(wd.expired);
    assert_true(is_dir(a));
    assert_false(exists(b));
  } else {
    for (i = 0; i < 20; i++) {
      nd_run(loop, ND_RUN_NOWAIT);
      usleep(5000);
    }
    assert_false(flag_mkdir || flag_rmdir);
  }
  assert_false(flag_mkdir_p);
  assert_false(exists(c));

  pthread_mutex_lock(&gate.lock);
  gate.open = 1;
  pthread_cond_broadcast(&gate.cond);
  pthread_mutex_unlock(&gate.lock);
  while (!(flag_mkdir && flag_rmdir && flag_mkdir_p) && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(wd.expired);
  assert_int_equal(req_mkdir.result, 0);
  assert_int_equal(req_rmdir.result, 0);
  assert_int_equal(req_mkdir_p.result, 0);
  assert_true(is_dir(c));
  nd_fs_req_cleanup(&req_mkdir);
  nd_fs_req_cleanup(&req_rmdir);
  nd_fs_req_cleanup(&req_mkdir_p);
  close_and_drain(loop);

  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, (nd_threadpool_t *)NULL));
  ND_OK(nd_threadpool_free(pool));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_mkdir),
    LOOP_TEST(test_mkdir_p),
    LOOP_TEST(test_mkdtemp),
    LOOP_TEST(test_mkstemp),
    LOOP_TEST(test_rmdir),
    LOOP_TEST(test_rm_rf),
    LOOP_TEST(test_rm_rf_beyond_path_max),
    LOOP_TEST(test_scandir),
    LOOP_TEST(test_dir_stream),
    LOOP_TEST(test_ring_needs_no_worker),
  };

  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
